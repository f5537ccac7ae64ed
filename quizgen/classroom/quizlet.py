"""Quizlet: cards as text for Quizlet's import box (term and definition split by a tab, a card a line).

A card is a question and its answer, so the questions that are already
flashcards go in: typed questions, cloze sentences (with their blank) and
year guesses. Choosing and ordering questions have no single definition to
show and are counted in one line. A tab or a line break inside a card would
split it, so they become one space and the card is named.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.facts.model import Kind
from quizgen.questions.model import Question
from quizgen.textsafe import visible

from .common import CONTROL_NOTE, Notes, Rendered, has_line_breaks, one_line

CARD_KINDS = (Kind.TYPED, Kind.CLOZE, Kind.YEAR_GUESS)
NOT_CARDS = "a Quizlet card is a term and its definition, with nothing to pick or put in order"


def card(question: Question) -> tuple[str, str]:
    """The term (what is asked) and the definition (the answer), before any clean-up."""
    if question.kind is Kind.CLOZE and question.cloze is not None:
        return question.cloze.text, question.answer
    return question.stem, question.answer


def reads_as_cards(data: bytes) -> bool:
    """Whether a file is laid out as ``render`` writes one: each line a term, a tab, a definition."""
    lines = data.decode("utf-8", errors="replace").splitlines()
    return bool(lines) and all(line.count("\t") == 1 for line in lines)


def render(questions: Sequence[Question]) -> Rendered:
    notes = Notes("quizlet")
    lines: list[str] = []
    kept = []
    seen: set[tuple[str, str]] = set()
    twins = 0
    for question in questions:
        if question.kind not in CARD_KINDS:
            continue
        term, definition = card(question)
        if has_line_breaks(term) or has_line_breaks(definition):
            notes.changed(question, "tabs and line breaks written as spaces")
        clean = (_text(term), _text(definition))
        if clean != (one_line(term).strip(), one_line(definition).strip()):
            notes.changed(question, CONTROL_NOTE)
        if clean in seen:  # a typed question and a year guess can ask alike: one card, not two
            twins += 1
            continue
        seen.add(clean)
        lines.append(f"{clean[0]}\t{clean[1]}\n")
        kept.append(question)
    notes.left_out([q for q in questions if q.kind not in CARD_KINDS], NOT_CARDS)
    if twins:
        notes.lines.append(
            f"quizlet: {twins} question{'s' if twins > 1 else ''} made a card already written; kept once"
        )
    return notes.result("".join(lines).encode("utf-8"), kept)


def _text(text: str) -> str:
    return visible(one_line(text)).strip()
