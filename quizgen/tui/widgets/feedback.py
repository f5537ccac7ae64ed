"""What a student sees after answering: right or wrong in words and symbols (never colour
alone), the key, a typo's difference, the points of a near guess, and where the card comes from."""

from __future__ import annotations

from rich.text import Text

from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict
from quizgen.questions.model import Question
from quizgen.study.evaluate import Outcome
from quizgen.study.scheduler import Grade
from quizgen.textsafe import shortened

from .literal import literal
from .timeline_chart import strip

HEADLINES = {
    Verdict.CORRECT: ("✓ Correct", "bold green"),
    Verdict.TYPO: ("≈ Right, with a typo", "bold yellow"),
    Verdict.CLOSE: ("~ Close", "bold yellow"),
    Verdict.WRONG: ("✗ Wrong", "bold red"),
}
MAX_QUOTE = 240
MAX_GIVEN = 240  # a pasted page is an answer too, but not one to show in full


def feedback(question: Question, outcome: Outcome, grade: Grade | None, width: int = 76) -> Text:
    headline, style = HEADLINES[outcome.verdict]
    text = Text()
    text.append(headline, style=style)
    if outcome.points not in (0.0, 1.0):
        text.append(f" — {outcome.points:.0%} of the points", style=style)
    text.append("\n")
    if question.kind is Kind.TRUE_FALSE:
        text.append("The statement is ")
        text.append(question.answer.lower(), style="bold")
        text.append(". ")
        if question.statement:
            text.append("In fact: ")
            text.append_text(literal(question.statement))
        text.append("\n")
    else:
        text.append("Answer: ")
        text.append_text(literal(question.answer, style="bold"))
        text.append("\n")
    if outcome.given and outcome.verdict is not Verdict.CORRECT and not question.options:
        text.append("Your answer: ")
        text.append_text(literal(shortened(outcome.given, MAX_GIVEN)))
        text.append("\n")
    if outcome.checked is not None and outcome.checked.verdict is Verdict.TYPO:
        text.append_text(_typo(outcome.checked.diff))
    note = outcome.checked.note if outcome.checked is not None else None
    if note and note != f"the source says {question.answer}":  # the Answer line above says it already
        text.append_text(literal(f"({note})\n", style="italic"))
    if outcome.year is not None and outcome.year.note:
        text.append_text(literal(f"({outcome.year.note})\n", style="italic"))
    chart = _chart(question, outcome, width)
    if chart is not None:
        text.append_text(chart)
    text.append_text(literal(question.source_line(), style="dim"))
    text.append("\n")
    if question.quotes:
        text.append_text(literal(f"“{shortened(question.quotes[0], MAX_QUOTE)}”", style="italic dim"))
        text.append("\n")
    if grade is not None:
        text.append("\nScheduled as ")
        text.append(grade.label, style="bold")
        text.append(
            " · 1 Again · 2 Hard · 3 Good · 4 Easy to change it · Enter for the next question", style="dim"
        )
    return text


def _typo(diff: tuple[tuple[str, str], ...]) -> Text:
    """The spelling with what was missing underlined and what was extra struck, named in words too."""
    text = Text("Spelling: ")
    missing, extra = [], []
    for op, part in diff:
        if op == "same":
            text.append_text(literal(part))
        elif op == "missing":
            missing.append(part)
            text.append_text(literal(part, style="bold underline green"))
    for op, part in diff:
        if op == "extra":
            extra.append(part)
    notes = []
    if missing:
        notes.append("missing " + ", ".join(f"“{m}”" for m in missing))
    if extra:
        notes.append("extra " + ", ".join(f"“{e}”" for e in extra))
    if notes:
        text.append_text(literal(f"  ({'; '.join(notes)})", style="dim"))
    text.append("\n")
    return text


def _chart(question: Question, outcome: Outcome, width: int) -> Text | None:
    """A year guess or a which-came-first answer, drawn on a small timeline."""
    if question.kind is Kind.YEAR_GUESS and question.date is not None:
        if outcome.year is None or outcome.year.guess is None:
            return None  # no guess to set beside the answer, which the feedback already states
        if outcome.year.points == 1:  # within the answer: one point, not two side by side
            return strip([(f"the answer (your guess: {outcome.year.guess.label()})", question.date)], width)
        return strip([("answer", question.date), ("your guess", outcome.year.guess)], width)
    if question.kind is Kind.WHICH_FIRST and question.items:
        # numbered as the options were: ① is the event the student knew as option 1
        by_label = {item.label: item for item in question.items}
        shown = [by_label[o] for o in question.options if o in by_label] or list(question.items)
        return strip([(item.label, item.date) for item in shown], width)
    return None
