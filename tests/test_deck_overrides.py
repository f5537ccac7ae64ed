"""A teacher's recipe can exclude, pin or reword single questions by id; a mistyped id is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.decks import Deck, content_files, load_deck
from quizgen.facts.errors import ContentError
from quizgen.facts.library import Library
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.generate import generate_for_deck
from quizgen.study.bank import open_bank

DATA = Path(__file__).parent / "data"


def deck(tmp_path: Path, extra: str) -> tuple[Deck, Library]:
    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    path = tmp_path / "deck.yaml"
    path.write_text("title: Curie\nid: 9\ncontent: [curie.yaml]\n" + extra, encoding="utf-8")
    recipe = load_deck(path)
    return recipe, load_library(list(recipe.content))


def test_exclude(tmp_path: Path) -> None:
    recipe, library = deck(tmp_path, "exclude: [curie-born-in:born-in:typed]\n")
    ids = [q.id for q in generate_for_deck(recipe, library)]
    assert "curie-born-in:born-in:typed" not in ids
    assert "curie-born-in:born-in:multiple_choice" in ids


def test_pin_brings_in_what_the_selection_leaves_out(tmp_path: Path) -> None:
    recipe, library = deck(
        tmp_path, "select:\n  sections: [events]\nkinds: [year_guess]\npin: [curie-born-in:born-in:typed]\n"
    )
    questions = generate_for_deck(recipe, library)
    assert "curie-born-in:born-in:typed" in [q.id for q in questions]
    assert {q.kind for q in questions} == {Kind.YEAR_GUESS, Kind.TYPED}
    assert sum(q.fact_id == "curie-born-in" for q in questions) == 1  # only the pinned one


def test_reword_keeps_the_attribution(tmp_path: Path) -> None:
    recipe, library = deck(
        tmp_path,
        "reword:\n  - id: curie-born-in:born-in:typed\n    question: In which city was Marie Curie born?\n"
        "  - id: tabloid-greatest:described-as:typed\n    question: What did a former student call Marie Curie?\n",
    )
    by_id = {q.id: q for q in generate_for_deck(recipe, library)}
    assert by_id["curie-born-in:born-in:typed"].stem == "In which city was Marie Curie born?"
    assert by_id["tabloid-greatest:described-as:typed"].stem == (
        "According to a former student, as reported by The Daily Example, what did a former student call Marie Curie?"
    )


def test_a_mistyped_id_is_reported_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck(tmp_path, "exclude: [curie-born-in:born-in:typd]\n")
    assert main(["check", str(tmp_path / "deck.yaml")]) == 2
    out = capsys.readouterr().out
    assert "deck.yaml:4:11: no question of this deck has the id 'curie-born-in:born-in:typd'" in out
    assert "did you mean 'curie-born-in:born-in:typed'?" in out


def test_a_rewording_is_checked_as_a_template_is(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rewording that names its answer, or keeps a slot no one fills, reaches every student as written."""
    deck(
        tmp_path,
        "reword:\n  - id: curie-born-in:born-in:typed\n    question: In which city, Warsaw, was Marie Curie born?\n"
        "  - id: curie-born-in:born-in:multiple_choice\n    question: Where was {subject} born?\n"
        "  - id: curie-born-in:born-in:true_false\n    question: 'True or false: Marie Curie was born in Warsaw.'\n",
    )
    assert main(["check", str(tmp_path / "deck.yaml")]) == 2
    out = capsys.readouterr().out
    assert "deck.yaml:6:15: the new wording names its own answer 'Warsaw' (leave the answer out)" in out
    assert (
        "deck.yaml:8:15: the new wording has the slot {subject}, which a rewording does not fill "
        "(write the question out in full)"
    ) in out
    assert ":10:" not in out  # a true/false question states its claim: naming it gives nothing away
    assert out.rstrip().endswith("deck.yaml: 2 problems")


@pytest.mark.parametrize(
    "command",
    [
        ["show"],
        ["export", "-o", "out.apkg"],
        ["export", "-o", "out.xml"],
        ["print", "-o", "out.pdf"],
    ],
)
def test_every_command_refuses_the_rewording_check_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """ "Where was {subject} born?" would reach a class as written: no command writes or shows it."""
    deck(
        tmp_path,
        "reword:\n  - id: curie-born-in:born-in:multiple_choice\n    question: Where was {subject} born?\n",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUIZGEN_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    name, *options = command
    assert main([name, str(tmp_path / "deck.yaml"), *options]) == 2
    captured = capsys.readouterr()
    assert "deck.yaml:6:15: the new wording has the slot {subject}" in captured.out + captured.err
    assert "Traceback" not in captured.err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("out")) == []


def test_a_rewording_with_its_own_attribution_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """quizgen put its attribution in front of the teacher's: "According to a former student, as
    reported by The Daily Example, According to The Daily Example, how did ..."."""
    deck(
        tmp_path,
        "reword:\n  - id: tabloid-greatest:described-as:typed\n"
        "    question: According to The Daily Example, how did a former student describe Marie Curie?\n"
        "  - id: curie-born-in:born-in:typed\n    question: According to her diary, where was Marie Curie born?\n",
    )
    assert main(["check", str(tmp_path / "deck.yaml")]) == 2
    out = capsys.readouterr().out
    assert (
        "deck.yaml:6:15: the new wording starts with an attribution of its own; quizgen puts "
        "'According to a former student, as reported by The Daily Example' in front of it "
        "(write the question without “According to ...”)"
    ) in out
    assert ":8:" not in out  # a plain fact may be given a source's name by its teacher


def test_the_study_app_refuses_it_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app builds a deck's question bank once per content change; the rewording is checked then."""
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    recipe, _ = deck(
        tmp_path,
        "reword:\n  - id: curie-born-in:born-in:multiple_choice\n    question: Where was {subject} born?\n",
    )
    with pytest.raises(ContentError) as refused:
        open_bank(recipe, content_files(recipe.content))
    assert [p.message for p in refused.value.problems] == [
        "the new wording has the slot {subject}, which a rewording does not fill"
    ]


def test_a_question_reworded_twice_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The second wording won without a word, and the teacher's first was lost."""
    deck(tmp_path, "")
    (tmp_path / "deck.yaml").write_text(
        "title: Curie\nid: 9\ncontent: [curie.yaml]\nreword:\n"
        "  - id: curie-born-in:born-in:typed\n    question: In which city was Marie Curie born?\n"
        "  - id: curie-born-in:born-in:typed\n    question: In what city was Marie Curie born?\n",
        encoding="utf-8",
    )
    assert main(["check", str(tmp_path / "deck.yaml")]) == 2
    out = capsys.readouterr().out
    assert (
        "deck.yaml:7:9: 'curie-born-in:born-in:typed' is reworded twice (keep one of the two wordings)" in out
    )


def test_a_timeline_question_reworded_with_a_slot_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its id names two events ("a+b:timeline-first:which_first"), which the check looked up as one."""
    recipe, library = deck(tmp_path, "")
    pair = next(q.id for q in generate_for_deck(recipe, library) if q.kind is Kind.WHICH_FIRST)
    deck(tmp_path, f"reword:\n  - id: {pair}\n    question: Which came first, {{subject}}?\n")
    assert main(["show", str(tmp_path / "deck.yaml")]) == 2
    assert "the new wording has the slot {subject}" in capsys.readouterr().err
