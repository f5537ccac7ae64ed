"""Deck recipes: read with located problems, and selecting the statements they name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.decks import deck_problems, load_deck, looks_like_deck
from quizgen.facts.errors import ContentError
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind

ROOT = Path(__file__).parents[1]
DATA = Path(__file__).parent / "data"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_deck(path)
    return [str(p).replace(str(path.parent) + "/", "") for p in caught.value.problems]


def test_bundled_decks() -> None:
    full = load_deck(ROOT / "decks" / "soleimani.yaml")
    timeline = load_deck(ROOT / "decks" / "soleimani-timeline.yaml")
    assert (full.id, full.title) == (1763200000001, "Qasem Soleimani")
    assert timeline.kinds == (Kind.YEAR_GUESS, Kind.ORDER, Kind.WHICH_FIRST)
    library = load_library(list(full.content))
    assert len(timeline.statements(library)) == len(library.events)
    assert len(full.statements(library)) == len(library.facts) + len(library.claims) + len(library.events)
    assert looks_like_deck(ROOT / "decks" / "soleimani.yaml")
    assert not looks_like_deck(ROOT / "content" / "soleimani.yaml")


@pytest.mark.parametrize(
    ("text", "is_deck"),
    [
        ("{title: X, id: 1700000000001, content: [curie.yaml]}\n", True),  # flow style
        ('"title": X\n"id": 1700000000001\n"content": [curie.yaml]\n', True),  # quoted keys
        ("title: X\nid: 1700000000001\ncontent: [curie.yaml]\n", True),
        ("title: X\nid: 1700000000001\ncontent: [curie.yaml]\nselect: {relations: [born_in]}\n", True),
        ("entities:\n  - id: content\n    type: term\n    name: 'content: the word'\n", False),
    ],
)
def test_a_recipe_is_told_from_content_however_its_yaml_is_written(
    tmp_path: Path, text: str, is_deck: bool
) -> None:
    """A recipe in flow style or with quoted keys was read as content: "this is a deck recipe,
    named where content files belong", though it was named on the command line."""
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    assert looks_like_deck(path) is is_deck


def test_selection_by_tag_section_and_relation(folder: Path) -> None:
    library = load_library([folder / "curie.yaml"])
    deck = load_deck(
        write(
            folder, "title: T\nid: 5\ncontent: [curie.yaml]\nselect:\n  tags: [life]\n  sections: [facts]\n"
        )
    )
    assert [s.id for s in deck.statements(library)] == [
        "curie-born-in",
        "curie-born-on",
        "curie-married",
        "curie-died-on",
    ]
    deck = load_deck(
        write(folder, "title: T\nid: 5\ncontent: [curie.yaml]\nselect:\n  relations: [born_on, died_on]\n")
    )
    assert [s.id for s in deck.statements(library)] == ["curie-born-on", "curie-died-on"]
    deck = load_deck(
        write(folder, "title: T\nid: 5\ncontent: [curie.yaml]\nselect:\n  exclude_tags: [life]\n")
    )
    assert [s.id for s in deck.statements(library)] == [
        "tabloid-greatest",
        "curie-nobel-physics",
        "curie-nobel-chemistry",
    ]


def test_recipe_problems_are_located(folder: Path) -> None:
    path = write(folder, "title: T\nid: 0\ncontent: [nope.yaml]\nkinds: [typed, essay]\ncolour: red\n")
    assert problems_of(path) == [
        "deck.yaml:2:5: the deck id must be a positive number below 2**63 (Anki stores it as a 64-bit integer)",
        f"deck.yaml:3:11: content 'nope.yaml' does not exist (paths are relative to {folder})",
        "deck.yaml:4:16: an entry of kinds: 'essay' is not one of the allowed values "
        "(expected one of: cloze, multiple_choice, order, true_false, typed, which_first, year_guess)",
        "deck.yaml:5:1: unknown key 'colour' in a deck recipe",
    ]


def test_missing_required_keys(folder: Path) -> None:
    assert problems_of(write(folder, "title: T\n")) == [
        "deck.yaml:1:1: a deck recipe is missing the required key 'id'",
        "deck.yaml:1:1: a deck recipe is missing the required key 'content'",
    ]


def test_unknown_tag_or_relation_in_selection(folder: Path) -> None:
    deck = load_deck(
        write(
            folder,
            "title: T\nid: 5\ncontent: [curie.yaml]\nselect:\n  tags: [lief]\n  relations: [born_inn]\n",
        )
    )
    library = load_library(list(deck.content))
    assert [str(p).replace(str(folder) + "/", "") for p in deck_problems(deck, library)] == [
        "deck.yaml:5:10: no statement in this deck's content has the tag 'lief' (did you mean 'life'?)",
        "deck.yaml:6:15: no statement in this deck's content has the relation 'born_inn' (did you mean 'born_in'?)",
    ]


@pytest.mark.parametrize(
    ("line", "place", "hint"),
    [
        ("content: []\n", "deck.yaml:3:10: content is empty", "(name at least one)"),
        ("content: [curie.yaml]\nkinds: []\n", "deck.yaml:4:8: kinds is empty", "or leave the key out"),
    ],
)
def test_a_deck_of_no_content_or_no_kinds_is_refused(
    tmp_path: Path, line: str, place: str, hint: str
) -> None:
    """Either deck asks nothing: check said ✓ and export wrote an empty package."""
    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    path = tmp_path / "deck.yaml"
    path.write_text("title: Curie\nid: 9\n" + line, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_deck(path)
    [problem] = [str(p).replace(str(tmp_path) + "/", "") for p in caught.value.problems]
    assert problem.startswith(place)
    assert hint in problem
