"""What an answer is worth: points, a verdict, and the grade proposed to the scheduler.

Auto-graded kinds propose Again for wrong, Hard for right with a typo (or a
close year, a nearly right order), Good for right; the student may override.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.facts.model import Kind
from quizgen.questions.answers import (
    NO_ANSWER,
    Checked,
    Verdict,
    Vocabulary,
    ambiguous_date,
    check_choice,
    check_typed,
)
from quizgen.questions.model import Question
from quizgen.questions.scoring import YearScore, score_order, score_year

from .scheduler import Grade

CLOSE_ENOUGH = 0.5  # a year guess or an ordering earning half the points or more is "close"


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one answer, with what the screen shows."""

    points: float
    verdict: Verdict
    grade: Grade
    given: str
    checked: Checked | None = None
    year: YearScore | None = None
    order: tuple[str, ...] = ()

    @property
    def correct(self) -> bool:
        return self.verdict is not Verdict.WRONG


def grade_for(points: float, verdict: Verdict) -> Grade:
    if verdict is Verdict.WRONG:
        return Grade.AGAIN
    if verdict in (Verdict.TYPO, Verdict.CLOSE) or points < 1.0:
        return Grade.HARD
    return Grade.GOOD


def evaluate_choice(question: Question, index: int) -> Outcome:
    checked = check_choice(question, index)
    points = 1.0 if checked.verdict is Verdict.CORRECT else 0.0
    return Outcome(
        points, checked.verdict, grade_for(points, checked.verdict), checked.given, checked=checked
    )


def unreadable(question: Question, text: str) -> str | None:
    """Why ``text`` is no answer at all (an empty line, a year guess that names no single year), or
    None. Such an answer is asked again, not marked wrong: a stray Enter costs no review."""
    if not text.strip():
        return NO_ANSWER
    if question.kind is Kind.YEAR_GUESS and question.date is not None:
        year = score_year(question.date, text)
        if year.points == 0.0 and year.note is not None:
            return year.note
    return ambiguous_date(question, text)


def evaluate_text(question: Question, text: str, vocabulary: Vocabulary | None = None) -> Outcome:
    if question.kind is Kind.YEAR_GUESS and question.date is not None:
        year = score_year(question.date, text)
        verdict = (
            Verdict.CORRECT
            if year.points == 1.0
            else Verdict.CLOSE
            if year.points >= CLOSE_ENOUGH
            else Verdict.WRONG
        )
        return Outcome(year.points, verdict, grade_for(year.points, verdict), text, year=year)
    checked = check_typed(question, text, vocabulary)
    points = {Verdict.WRONG: 0.0, Verdict.CLOSE: CLOSE_ENOUGH}.get(checked.verdict, 1.0)
    return Outcome(points, checked.verdict, grade_for(points, checked.verdict), text, checked=checked)


def evaluate_order(question: Question, order: Sequence[str]) -> Outcome:
    points = score_order(question.items, order)
    verdict = Verdict.CORRECT if points == 1.0 else Verdict.CLOSE if points >= CLOSE_ENOUGH else Verdict.WRONG
    labels = {item.id: item.label for item in question.items}
    return Outcome(
        points, verdict, grade_for(points, verdict), " → ".join(labels[i] for i in order), order=tuple(order)
    )
