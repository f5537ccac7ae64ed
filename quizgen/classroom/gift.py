"""GIFT: Moodle's plain-text quiz format, for teachers who read or edit their quiz before importing it.

GIFT holds multiple choice, which-came-first (as multiple choice),
true/false, short answer with every accepted answer, cloze (GIFT's "missing
word" form) and year guesses (numerical with a margin). It has no ordering
question: those are left out with one line saying so.

Every GIFT special character (``~ = # { } :`` and the backslash) is escaped
with a backslash, line breaks as ``\\n``. Question texts are marked
``[html]`` and HTML-escaped, so markup in content shows as written; short
answers stay plain text, since Moodle compares them with what a student
types (only its wildcard ``*`` is escaped there). GIFT cannot escape ``->``,
which turns a short answer into a matching question: such a question is
left out and named.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgen.decks import Deck
from quizgen.facts.model import Kind
from quizgen.questions.answers import credited_spellings
from quizgen.questions.model import Question

from .common import (
    CONTROL_NOTE,
    Notes,
    Rendered,
    bank_name,
    feedback_lines,
    has_xml_forbidden,
    html_text,
    number,
    one_line,
    question_texts,
    xml_text,
    year_range,
)
from .moodle import category_path, idnumber

HEADER = "// quizgen GIFT export"
NO_ORDERING = "GIFT has no question type for putting items in order"
_SPECIALS = str.maketrans(
    {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}
)


def escape(text: str) -> str:
    """Text with every GIFT special escaped, so Moodle reads it back as written."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPECIALS)


ARROW_NOTE = "GIFT reads '->' in a short answer as a matching pair"


def render(deck: Deck, questions: Sequence[Question]) -> Rendered:
    notes = Notes("gift")
    blocks = [f"{HEADER}: {one_line(deck.title)}\n\n$CATEGORY: {one_line(category_path(deck))}\n"]
    kept = []
    for question in questions:
        if question.kind is Kind.ORDER:
            continue
        if question.kind in (Kind.TYPED, Kind.CLOZE):
            if "->" in question.answer:
                notes.skipped(question, ARROW_NOTE)
                continue
            for spelling, _ in credited_spellings(question):
                if "->" in spelling:  # one alias lost, not the question
                    notes.changed(question, f"left out the accepted answer {spelling!r}: {ARROW_NOTE}")
        blocks.append(_question(question))
        kept.append(question)
        if has_xml_forbidden(question_texts(question)):
            notes.changed(question, CONTROL_NOTE)

    notes.left_out([q for q in questions if q.kind is Kind.ORDER], NO_ORDERING)
    return notes.result("\n".join(blocks).encode("utf-8"), kept)


def is_gift_export(path: Path) -> bool:
    """Whether a file is one quizgen wrote (its first line): a hand-written GIFT file is never replaced."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(HEADER)) == HEADER.encode("ascii")
    except OSError:
        return False


def _question(question: Question) -> str:
    head = f"// [id:{idnumber(question.id)}]\n::{escape(bank_name(question))}::"
    feedback = "\t####" + escape("".join(f"<p>{html_text(line)}</p>" for line in feedback_lines(question)))
    if question.kind is Kind.CLOZE:
        assert question.cloze is not None
        before, after = question.cloze.before, question.cloze.after
        blank = "" if after.strip() else "_____"  # a trailing block would read as a plain question
        answers = _answer_block(question, feedback)
        return f"{head}[html]{_html(before)}{blank}{answers}{_html(after)}\n"
    return f"{head}[html]{_html(question.stem)}{_answer_block(question, feedback)}\n"


def _answer_block(question: Question, feedback: str) -> str:
    match question.kind:
        case Kind.MULTIPLE_CHOICE | Kind.WHICH_FIRST:
            lines = [
                "\t=" + _html(option)
                if index == question.answer_index
                else "\t~" + _weightless(_html(option))
                for index, option in enumerate(question.options)
            ]
        case Kind.TRUE_FALSE:
            return "{" + ("TRUE" if question.answer == "True" else "FALSE") + feedback.strip() + "}"
        case Kind.TYPED | Kind.CLOZE:
            lines = [
                f"\t=%{share}%" + escape(xml_text(text).replace("*", "\\*"))
                for text, share in credited_spellings(question)
                if "->" not in text
            ]
        case Kind.YEAR_GUESS:
            assert question.date is not None
            years = year_range(question.date)
            lines = [
                f"\t=%100%{number(years.centre)}:{number(years.tolerance)}",
                f"\t=%50%{number(years.centre)}:{number(years.half_marks_tolerance)}",
            ]
            return "{#\n" + "\n".join(lines) + "\n" + feedback + "\n}"
        case _:
            raise ValueError(f"GIFT cannot hold {question.kind}")
    return "{\n" + "\n".join(lines) + "\n" + feedback + "\n}"


def _html(text: str) -> str:
    return escape(html_text(text))


def _weightless(text: str) -> str:
    """An option starting with '%50%' would read as a weight: an explicit zero weight comes first."""
    return f"%0%{text}" if text.startswith("%") else text
