"""Quizlet: one card a line, term TAB definition; tabs and line breaks become spaces, and that is said."""

from __future__ import annotations

import pytest

from quizgen.classroom import quizlet
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.textsafe import visible

from .conftest import Deck, run_quietly


@pytest.fixture(scope="module")
def soleimani_cards(soleimani: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    path = tmp_path_factory.mktemp("quizlet") / "cards.tsv"
    code, _, err = run_quietly("export", soleimani.spec, "-o", str(path))
    assert code == ExitCode.OK, err
    return path.read_text(encoding="utf-8"), err


def test_cards_come_from_typed_cloze_and_year_questions(
    soleimani: Deck, soleimani_cards: tuple[str, str]
) -> None:
    text, err = soleimani_cards
    lines = text.splitlines()
    assert all(line.count("\t") == 1 for line in lines)
    cards = [tuple(line.split("\t")) for line in lines]
    expected = list(
        dict.fromkeys(quizlet.card(q) for q in soleimani.questions if q.kind in quizlet.CARD_KINDS)
    )
    assert cards == expected
    cloze = next(q for q in soleimani.questions if q.kind is Kind.CLOZE)
    assert (cloze.cloze.text, cloze.answer) in cards  # the sentence with its blank, then the missing words
    others = [q for q in soleimani.questions if q.kind not in quizlet.CARD_KINDS]
    count = {kind: sum(q.kind is kind for q in others) for kind in Kind}
    twins = sum(q.kind in quizlet.CARD_KINDS for q in soleimani.questions) - len(cards)
    assert err.splitlines() == [
        f"quizlet: left out {count[Kind.MULTIPLE_CHOICE]} multiple-choice, {count[Kind.TRUE_FALSE]} true/false, "
        f"{count[Kind.ORDER]} put-in-order and {count[Kind.WHICH_FIRST]} which-came-first questions: "
        "a Quizlet card is a term and its definition, with nothing to pick or put in order",
        *([f"quizlet: {twins} questions made a card already written; kept once"] if twins else []),
    ]


def test_tabs_and_line_breaks_become_spaces_and_are_named(hostile: Deck) -> None:
    rendered = quizlet.render(hostile.questions)
    lines = rendered.data.decode("utf-8").splitlines()
    cards = [q for q in hostile.questions if q.kind in quizlet.CARD_KINDS]
    assert len(lines) == len(cards)
    for line, question in zip(lines, cards, strict=True):
        term, definition = quizlet.card(question)
        assert line == f"{visible(' '.join(term.split()))}\t{visible(' '.join(definition.split()))}"
    broken = [q.id for q in cards if any(c in "".join(quizlet.card(q)) for c in "\t\n")]
    assert broken, "the hostile content puts tabs in a card"
    assert [n for n in rendered.notes if "line breaks" in n] == [
        f"quizlet: {i}: tabs and line breaks written as spaces" for i in broken
    ]
