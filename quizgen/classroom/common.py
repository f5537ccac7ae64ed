"""What the classroom formats share: the result of a render, honest notes, text clean-up, year tolerances.

A format that cannot carry something the engine made says so: it leaves the
question out, or changes the text, and adds a note naming what and why.
The notes go to stderr when a teacher exports, and tests assert them whole.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quizgen.facts.dates import HistoricalDate
from quizgen.facts.model import Kind
from quizgen.questions.model import Question
from quizgen.questions.scoring import half_life
from quizgen.textsafe import visible

KIND_NAMES = {
    Kind.MULTIPLE_CHOICE: "multiple-choice",
    Kind.TYPED: "typed",
    Kind.TRUE_FALSE: "true/false",
    Kind.CLOZE: "cloze",
    Kind.YEAR_GUESS: "year-guess",
    Kind.ORDER: "put-in-order",
    Kind.WHICH_FIRST: "which-came-first",
}
NAME_LIMIT = 255  # Moodle's question name column; Canvas shows as much
CONTROL_NOTE = "control characters written as visible escapes (such as \\x1b)"
_LINE_BREAKS = re.compile(r" *[\t\n\r\v\f\x85\u2028\u2029][\t\n\r\v\f\x85\u2028\u2029 ]*")
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class Rendered:
    """A format's file as bytes, the questions it holds, and what it could not hold, said for a person."""

    data: bytes
    kept: tuple[Question, ...]
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Notes:
    """Collects what a format leaves out or changes, and words it as stderr lines prefixed by the format.

    Whole kinds a format has no room for are counted in one line; single
    questions that do not fit are named one a line with their reason.
    """

    format: str
    lines: list[str] = field(default_factory=list)

    def left_out(self, questions: Sequence[Question], reason: str) -> None:
        """One line for whole kinds the format cannot express: how many, which kinds, why."""
        if questions:
            self.lines.append(f"{self.format}: left out {count_by_kind(questions)}: {reason}")

    def skipped(self, question: Question, reason: str) -> None:
        self.lines.append(f"{self.format}: skipped {question.id}: {reason}")

    def changed(self, question: Question, what: str) -> None:
        self.lines.append(f"{self.format}: {question.id}: {what}")

    def result(self, data: bytes, kept: Iterable[Question]) -> Rendered:
        """The rendered file; the counted lines come first, then each question named."""
        counted = f"{self.format}: left out "
        lines = sorted(self.lines, key=lambda line: not line.startswith(counted))
        return Rendered(data, tuple(kept), tuple(lines))


def count_by_kind(questions: Sequence[Question]) -> str:
    """'7 put-in-order questions', '106 typed, 71 cloze and 7 put-in-order questions' (engine order)."""
    counts = Counter(q.kind for q in questions)
    parts = [f"{counts[kind]} {name}" for kind, name in KIND_NAMES.items() if counts[kind]]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed} question{'' if len(questions) == 1 else 's'}"


def one_line(text: str) -> str:
    """Tabs and line breaks (with the spaces around them) become one space; other text stays."""
    return _LINE_BREAKS.sub(" ", text)


def has_line_breaks(text: str) -> bool:
    return one_line(text) != text


def xml_text(text: str) -> str:
    """Text that XML 1.0 can hold: the control characters it forbids become visible escapes (``\\x1f``)."""
    return _XML_FORBIDDEN.sub(lambda m: visible(m.group()), text)


def has_xml_forbidden(texts: Iterable[str]) -> bool:
    return any(_XML_FORBIDDEN.search(t) for t in texts)


def html_text(text: str) -> str:
    """Content as HTML that shows it literally: escaped, braces as entities, line breaks as ``<br>``.

    Braces become entities because platforms read them as syntax inside HTML
    (Moodle's cloze and multi-language filters, Canvas's blanks).
    """
    escaped = html.escape(xml_text(text), quote=False)
    escaped = escaped.replace("{", "&#123;").replace("}", "&#125;").replace("[", "&#91;")
    return escaped.replace("\r\n", "\n").replace("\n", "<br>")


def question_texts(question: Question) -> list[str]:
    """Every piece of content a question carries, to check once what a format can hold."""
    texts = [question.stem, question.answer, *question.accepted, *question.options]
    texts += [item.label for item in question.items]
    texts += [ref.citation for ref in question.sources]
    if question.statement:
        texts.append(question.statement)
    if question.cloze is not None:
        texts += [question.cloze.before, question.cloze.key, question.cloze.after]
    return texts


def bank_name(question: Question) -> str:
    """The name a platform's question bank lists: the question's words and kind, as a teacher would
    name it (the stable id goes in the format's own id field). Timeline stems are all alike, so
    their events follow."""
    text = question.stem
    if question.kind is Kind.ORDER:
        text += " " + "; ".join(item.label for item in question.items)
    elif question.kind is Kind.WHICH_FIRST:
        text += " " + " or ".join(question.options)
    text = one_line(xml_text(text))
    suffix = f" ({KIND_NAMES[question.kind]})"
    if len(text) + len(suffix) > NAME_LIMIT:
        text = text[: NAME_LIMIT - len(suffix) - 1].rstrip() + "…"
    return text + suffix


def feedback_lines(question: Question) -> list[str]:
    """What a platform shows after an answer: the true statement (when there is one) and the sources."""
    lines = [question.statement] if question.statement else []
    return [*lines, question.source_line()]


@dataclass(frozen=True, slots=True)
class YearRange:
    """A year guess as a number with a margin: full marks inside the key's reach, half within a half-life."""

    centre: float
    tolerance: float
    half_marks_tolerance: float

    @property
    def low(self) -> float:
        return self.centre - self.tolerance

    @property
    def high(self) -> float:
        return self.centre + self.tolerance


def year_range(date: HistoricalDate) -> YearRange:
    """The whole years a year guess may name for full marks, as the scoring of the app gives them.

    An exact year is itself (tolerance 0); a range or an approximate year
    ("c. 1891") reaches as far as ``HistoricalDate.contains_year`` does.
    The half-marks margin adds the date's half-life: the distance at which
    the app's own score falls to one half. Years before the common era are
    negative as people write them: 44 BC is -44.
    """
    low = high = date.year
    while date.contains_year(low - 1) and date.year - low < 1000:
        low -= 1
    last = date.last.year if date.last is not None else date.year
    high = max(high, last)
    while date.contains_year(high + 1) and high - date.year < 1000:
        high += 1
    low, high = _as_written(low), _as_written(high)
    centre = (low + high) / 2
    tolerance = (high - low) / 2
    return YearRange(centre, tolerance, tolerance + math.floor(half_life(date)))


def _as_written(year: int) -> int:
    """Dates count years astronomically (44 BC is -43); a student writes 44 BC as -44."""
    return year - 1 if year <= 0 else year


def number(value: float) -> str:
    """A number as platforms read it: '1998', '2015.5' (never '1998.0')."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
