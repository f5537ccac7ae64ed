"""The bundled deck, exported and imported into a fresh Anki collection: every card as a student sees it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection

from quizgen.anki.html import slug
from quizgen.anki.notetypes import NOTE_TYPES, TIMELINE, TYPE_IN
from quizgen.facts.model import Kind
from quizgen.questions.model import Question

from .conftest import (
    T1,
    TEMPLATE_ERRORS,
    Export,
    export,
    import_package,
    note_guid,
    open_collection,
    plain,
    rendered,
)

CHOICE_KINDS = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE, Kind.WHICH_FIRST)
OPTION = re.compile(r'<li data-option="(\d)">(.*?)</li>', re.DOTALL)
ORDERED = re.compile(r'<ol class="qg-order">.*?</ol>', re.DOTALL)
ROW = re.compile(r"<li>(.*?)</li>", re.DOTALL)
REVEALED = re.compile(r'<span class="cloze" data-ordinal="1">(.*?)</span>', re.DOTALL)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Export:
    return export("soleimani", tmp_path_factory.mktemp("export") / "soleimani.apkg", T1)


@pytest.fixture(scope="module")
def col(exported: Export, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Collection]:
    """Shared by the tests below, which only read what the import produced."""
    collection = open_collection(tmp_path_factory.mktemp("anki"))
    log = import_package(collection, exported.path)
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (exported.report.notes, 0, 0)
    yield collection
    collection.close()


@pytest.fixture(scope="module")
def cards(exported: Export, col: Collection) -> list[tuple[Question, str, str]]:
    """Every card with the question it asks and its rendered front and back."""
    result = []
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        spec = exported.spec_for(note_guid(col, card.nid))
        question = spec.questions[card.ord if spec.note_type is TYPE_IN else 0]
        result.append((question, *rendered(card)))
    return result


def test_counts_equal_what_quizgen_reports(exported: Export, col: Collection) -> None:
    report = exported.report
    assert col.note_count() == report.notes
    assert col.card_count() == report.cards
    assert report.questions + report.alike == len(exported.questions) > 200
    assert report.alike > 0  # a typed date and a year guess that read alike: one card
    assert report.cards == report.questions  # one card a question; a reversed pair is one note, two cards
    assert report.notes < report.questions
    assert sum(report.by_kind.values()) == report.questions
    assert sum(report.by_note_type.values()) == report.notes
    assert set(report.by_note_type) == {t.name for t in NOTE_TYPES}
    assert report.decks == ("Qasem Soleimani", "Qasem Soleimani::Timeline")


def test_note_types_keep_their_frozen_ids_and_pass_ankis_template_check(
    exported: Export, tmp_path: Path
) -> None:
    scratch = open_collection(tmp_path / "scratch")  # re-saving a note type changes it: not the shared one
    try:
        import_package(scratch, exported.path)
        for note_type in NOTE_TYPES:
            model = scratch.models.get(note_type.model_id)
            assert model is not None
            assert model["name"] == note_type.name
            assert [f["name"] for f in model["flds"]] == list(note_type.fields)
            scratch.models.update_dict(model)  # raises CardTypeError on a broken template
    finally:
        scratch.close()


def test_every_card_renders_its_stem_and_key(
    exported: Export, cards: list[tuple[Question, str, str]]
) -> None:
    assert len(cards) == exported.report.cards
    for question, front, back in cards:
        assert not TEMPLATE_ERRORS.search(front), question.id
        assert not TEMPLATE_ERRORS.search(back), question.id
        front_text, back_text = plain(front), plain(back)
        if question.kind is Kind.CLOZE:
            assert question.cloze is not None
            assert "[...]" in front_text
            assert f"{question.cloze.before}{question.cloze.key}{question.cloze.after}" in back_text
        else:
            assert question.stem in front_text, question.id
            assert question.stem in back_text, question.id  # attribution and all, on both sides
        if question.kind is Kind.ORDER:
            by_id = {item.id: item for item in question.items}
            expected = [f"{by_id[i].label} ({by_id[i].date.label()})" for i in question.correct_order]
            answer = ORDERED.search(back)
            assert answer is not None, question.id
            assert [plain(row) for row in ROW.findall(answer.group())] == expected, question.id
        else:
            assert question.answer in back_text, question.id
        if question.kind in (Kind.TYPED, Kind.CLOZE, Kind.YEAR_GUESS):  # what a student writes
            for accepted in question.accepted:
                assert accepted in back_text, question.id
        assert "Source: " in back_text
        assert "Source: " not in front_text


def test_attributed_questions_say_who_says_so_on_both_sides(cards: list[tuple[Question, str, str]]) -> None:
    attributed = [(q, plain(f), plain(b)) for q, f, b in cards if q.attribution]
    assert len(attributed) > 20
    for question, front, back in attributed:
        voice = question.attribution if question.kind is not Kind.CLOZE else None
        names = [ref.name for ref in question.sources]
        for side in (front, back):
            if voice is not None:
                assert voice in side, question.id
            else:  # a quoted cloze names who writes it: "Sputnik writes: …"
                assert any(name in side.split("Source: ")[0] for name in names), question.id


def test_cloze_cards_use_ankis_own_cloze(exported: Export, cards: list[tuple[Question, str, str]]) -> None:
    clozes = [(q, f, b) for q, f, b in cards if q.kind is Kind.CLOZE]
    assert len(clozes) == exported.report.by_kind["cloze"]
    for question, front, back in clozes:
        assert question.cloze is not None
        assert 'class="cloze"' in front
        assert [plain(shown) for shown in REVEALED.findall(back)] == [question.cloze.key]


def test_multiple_choice_is_readable_without_scripts_and_marks_the_key(
    exported: Export, cards: list[tuple[Question, str, str]]
) -> None:
    choices = [(q, f, b) for q, f, b in cards if q.kind in CHOICE_KINDS]
    assert len(choices) == sum(exported.report.by_kind[k.value] for k in CHOICE_KINDS)
    for question, front, back in choices:
        assert question.answer_index is not None
        shown = [(int(n), plain(text)) for n, text in OPTION.findall(front)]
        assert shown == list(enumerate(question.options, 1)), question.id  # the fixed order, as generated
        key = question.answer_index + 1
        assert f'<div class="qg-back qg-key-{key}">' in back  # the CSS marks data-option="{key}"
        assert "Answer: " not in plain(front)
        assert ("<script>" in front) is (question.kind is not Kind.TRUE_FALSE), question.id


def test_reversed_cards_are_the_second_card_of_the_forward_note(
    exported: Export, cards: list[tuple[Question, str, str]]
) -> None:
    pairs = [spec for spec in exported.built.notes if len(spec.questions) == 2]
    assert pairs, "the bundled deck asks some facts both ways"
    reverse_ids = {spec.questions[1].id for spec in pairs}
    asked_in_reverse = [q for q, _, _ in cards if q.id in reverse_ids]
    assert len(asked_in_reverse) == len(pairs)
    for spec in pairs:
        forward, reverse = spec.questions
        assert spec.note_type is TYPE_IN
        assert forward.kind is reverse.kind is Kind.TYPED
        assert forward.fact_id == reverse.fact_id
        assert forward.template_id != reverse.template_id


def test_timeline_cards_sit_in_their_subdeck_and_draw_the_neighbours(
    exported: Export, col: Collection
) -> None:
    subdeck = col.decks.id_for_name("Qasem Soleimani::Timeline")
    in_subdeck = col.find_cards('"deck:Qasem Soleimani::Timeline"')
    assert len(in_subdeck) == exported.report.by_note_type[TIMELINE.name] > 10
    for card_id in in_subdeck:
        card = col.get_card(card_id)
        assert card.did == subdeck
        assert card.note_type()["name"] == TIMELINE.name
        _, back = rendered(card)
        assert back.count('<li class="qg-now">') == 1
        assert 3 <= back.count("<li") <= 5  # the event and up to two neighbours on each side


def test_tags_and_source_field(exported: Export, col: Collection) -> None:
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        spec = exported.spec_for(note.guid)
        assert "deck::soleimani" in note.tags
        for question in spec.questions:
            assert f"kind::{slug(question.kind.value)}" in note.tags
            assert {f"source::{ref.id}" for ref in question.sources} <= set(note.tags)
            assert {slug(tag) for tag in question.tags} <= set(note.tags)
            for ref in question.sources:
                assert ref.citation in plain(note["Source"])
    sputnik = col.find_notes("tag:source::sputnik")
    assert sputnik
    assert all("Sputnik (opinion)" in plain(col.get_note(n)["Source"]) for n in sputnik)


def test_new_cards_come_one_question_a_fact_at_a_time(exported: Export, col: Collection) -> None:
    """A fact's choice was shown just before its typed card, and answered it: every fact's first
    question comes first, in content order, then every fact's second."""
    due = dict(
        col.db.all("select n.guid, min(c.due) from cards c join notes n on n.id = c.nid group by n.id")
    )
    assert sorted(due.values()) == list(range(1, exported.report.notes + 1))
    fact_of = {guid: spec.questions[0].fact_id for guid, spec in exported.by_guid.items()}
    shown = sorted(due, key=due.get)
    firsts = list(dict.fromkeys(fact_of[guid] for guid in exported.by_guid))  # content order
    assert [fact_of[guid] for guid in shown[: len(firsts)]] == firsts
    neighbours = sum(fact_of[a] == fact_of[b] for a, b in itertools.pairwise(shown))
    assert neighbours < len(shown) // 10  # only where one fact has more questions than others
