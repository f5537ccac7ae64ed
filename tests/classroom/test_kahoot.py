"""Kahoot: the sheet laid out as Kahoot's template, within its limits; what does not fit is named with why."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from quizgen.classroom import kahoot
from quizgen.classroom.common import count_by_kind
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.questions.giveaways import gives_away
from quizgen.questions.model import Question
from quizgen.textsafe import visible

from .conftest import Deck, run_quietly

CHOICES = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE, Kind.WHICH_FIRST)


def rows(data: bytes) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return list(sheet.iter_rows(min_row=kahoot.FIRST_ROW, values_only=True))


@pytest.fixture(scope="module")
def soleimani_sheet(soleimani: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("kahoot") / "quiz.xlsx"
    code, _, err = run_quietly("export", soleimani.spec, "-o", str(path))
    assert code == ExitCode.OK, err
    return path, err


def fits(question: Question) -> bool:
    return len(question.stem) <= 120 and max(len(o) for o in question.options) <= 75


def test_header_in_row_8_and_questions_from_row_9_as_kahoots_template(
    soleimani: Deck, soleimani_sheet: tuple[Path, str]
) -> None:
    path, _ = soleimani_sheet
    sheet = openpyxl.load_workbook(path).active
    assert sheet["B8"].value == "Question - max 120 characters"  # where Kahoot's own template has it
    assert sheet["A9"].value == 1  # and its first question below
    assert sheet.cell(row=kahoot.HEADER_ROW, column=2).value == "Question - max 120 characters"
    assert sheet.cell(row=kahoot.HEADER_ROW, column=8).value == "Correct answer(s) - choose at least one"
    expected = kahoot.render(soleimani.target.deck, soleimani.questions, 0).kept
    read = rows(path.read_bytes())
    assert len(read) == len(expected) > 30
    for number, (row, question) in enumerate(zip(read, expected, strict=True), 1):
        index, stem, *answers, seconds, right = row
        assert index == number
        assert stem == question.stem
        assert [a for a in answers if a is not None] == list(question.options)
        assert 2 <= len(question.options) <= 4
        assert seconds in kahoot.TIME_LIMITS
        assert right == question.answer_index + 1


def assert_one_question_a_statement(kept: Sequence[Question], offered: Sequence[Question]) -> None:
    """No two questions kept share a statement (a fact, or an event a timeline question names) or show
    each other's answer, and every question left out shares one with a question kept or would show
    or be shown its answer: none is dropped for nothing."""
    asked = [s for q in kept for s in q.statement_ids]
    assert len(asked) == len(set(asked))
    assert not any(gives_away(a, b, answers_shown=True) for a in kept for b in kept if a is not b)
    for question in offered:
        shares = not set(question.statement_ids).isdisjoint(asked)
        assert question in kept or shares or any(gives_away(q, question, answers_shown=True) for q in kept), (
            question.id
        )


def test_a_live_game_asks_one_question_a_fact_kinds_mixed_in_content_order(soleimani: Deck) -> None:
    """Asked in turn to a class, "Where was he born?" then "True or false: he was born in ..." answer
    each other."""
    kept = kahoot.render(soleimani.target.deck, soleimani.questions, 0).kept
    assert_one_question_a_statement(kept, [q for q in soleimani.questions if q.kind in CHOICES and fits(q)])
    order = [q.id for q in soleimani.questions]
    assert [q.id for q in kept] == sorted((q.id for q in kept), key=order.index)
    assert {q.kind for q in kept} == set(CHOICES)
    assert kahoot.render(soleimani.target.deck, soleimani.questions, 0).kept == kept  # the same every time


def test_what_does_not_fit_is_named_with_its_reason(
    soleimani: Deck, soleimani_sheet: tuple[Path, str]
) -> None:
    _, err = soleimani_sheet
    others = [q for q in soleimani.questions if q.kind not in CHOICES]
    counts = {kind: sum(q.kind is kind for q in others) for kind in Kind}
    long = [q for q in soleimani.questions if q.kind in CHOICES and not fits(q)]
    assert long, "the bundled deck has choices too long for Kahoot"
    lines = err.splitlines()
    assert lines[0] == (
        f"kahoot: left out {counts[Kind.TYPED]} typed, {counts[Kind.CLOZE]} cloze, "
        f"{counts[Kind.YEAR_GUESS]} year-guess and {counts[Kind.ORDER]} put-in-order questions: "
        "a Kahoot quiz sheet holds only questions with 2 to 4 answers to pick from"
    )
    kept = kahoot.render(soleimani.target.deck, soleimani.questions, 0).kept
    asked = [q for q in soleimani.questions if q.kind in CHOICES and fits(q) and q not in kept]
    assert lines[1] == (
        f"kahoot: left out {count_by_kind(asked)}: "
        "a live game asks about each fact or event once, and nothing that shows another question's answer"
    )
    reasons = []
    for question in long:
        if len(question.stem) > 120:
            reasons.append(
                f"kahoot: skipped {question.id}: the question has {len(question.stem)} characters "
                "(Kahoot allows 120)"
            )
        else:
            longest = max(len(o) for o in question.options)
            reasons.append(
                f"kahoot: skipped {question.id}: an answer has {longest} characters (Kahoot allows 75)"
            )
    assert lines[2:] == reasons


def test_limits_time_and_formulas(soleimani: Deck) -> None:
    base = next(q for q in soleimani.questions if q.kind is Kind.MULTIPLE_CHOICE and len(q.options) == 4)
    options = ("=1+1", "@SUM(A1)", "x" * 75, "+cmd")
    exactly = replace(  # its own answer: one answer twice is one question told twice
        base,
        id="fits",
        statement_ids=("a",),
        stem="Q" * 120,
        options=options,
        answer=options[base.answer_index],
    )
    too_long = replace(base, id="long-stem", statement_ids=("b",), stem="Q" * 121)
    five = replace(base, id="five", statement_ids=("c",), options=(*base.options, "fifth"))
    lines = replace(base, id="lines", statement_ids=("d",), stem="Two\nlines\tand a tab")
    rendered = kahoot.render(soleimani.target.deck, [exactly, too_long, five, lines], 0)
    assert rendered.notes == (
        "kahoot: skipped long-stem: the question has 121 characters (Kahoot allows 120)",
        "kahoot: skipped five: it has 5 answers (Kahoot allows 2 to 4)",
        "kahoot: lines: tabs and line breaks written as spaces",
    )
    assert [q.id for q in rendered.kept] == ["fits", "lines"]
    sheet = openpyxl.load_workbook(io.BytesIO(rendered.data)).active
    formula_cells = [sheet.cell(row=kahoot.FIRST_ROW, column=c) for c in (3, 4, 6)]
    assert [(c.value, c.data_type) for c in formula_cells] == [
        ("=1+1", "s"),
        ("@SUM(A1)", "s"),
        ("+cmd", "s"),
    ]
    assert sheet.cell(row=kahoot.FIRST_ROW + 1, column=2).value == "Two lines and a tab"
    assert kahoot.time_limit("Q" * 120, ["x" * 75] * 4) in kahoot.TIME_LIMITS
    assert kahoot.time_limit("Short?", ["a", "b"]) == 20


def one_line(text: str) -> str:
    """A cell as Kahoot shows it: one line, and no terminal control character."""
    return visible(" ".join(text.split()))


def test_hostile_content_reads_back_on_one_line(hostile: Deck) -> None:
    rendered = kahoot.render(hostile.target.deck, hostile.questions, 0)
    choices = list(rendered.kept)
    assert_one_question_a_statement(choices, [q for q in hostile.questions if q.kind in CHOICES])
    for row, question in zip(rows(rendered.data), choices, strict=True):
        assert row[1] == one_line(question.stem)
        assert [a for a in row[2:6] if a is not None] == [one_line(o) for o in question.options]
    notes = []
    for question in choices:
        texts = (question.stem, *question.options)
        if any("\t" in t or "\n" in t for t in texts):
            notes.append(f"kahoot: {question.id}: tabs and line breaks written as spaces")
        if any("\x1b" in t for t in texts):
            notes.append(
                f"kahoot: {question.id}: control characters written as visible escapes (such as \\x1b)"
            )
    assert notes
    assert rendered.notes[1].startswith(
        "kahoot: left out 1 true/false and 2 which-came-first questions: a live"
    )
    assert list(rendered.notes[2:]) == notes  # changes said only of the questions the sheet asks
