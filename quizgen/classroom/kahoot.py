"""Kahoot: the quiz spreadsheet that Kahoot's "Import from spreadsheet" reads.

The sheet follows Kahoot's import template: a header block, then one
question a row from row 9 (its header in row 8), with the question in column B, up to four answers
in C–F, the time limit in G and the correct answer's number in H. Kahoot
allows a question of at most 120 characters, two to four answers of at most
75 characters each, and a time limit from a fixed set.

So only questions with 2 to 4 answers to pick from fit: multiple choice,
true/false and which-came-first. Typed, cloze, year-guess and put-in-order
questions are counted in one line; a question that would fit but is too
long is skipped and named with its length. Kahoot shows a cell on one line:
tabs and line breaks become one space, and each such question is named.
Every cell is written as text, so content starting with ``=`` is never a
formula.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from quizgen.decks import Deck
from quizgen.exporting.files import write_zip
from quizgen.facts.model import Kind
from quizgen.questions.giveaways import GiveAways
from quizgen.questions.model import Question
from quizgen.questions.selection import one_per_group
from quizgen.textsafe import visible

from .common import CONTROL_NOTE, Notes, Rendered, has_line_breaks, one_line
from .paper import family, statements_of

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
FIRST_ROW = 9  # as Kahoot's own template: its header in row 8 (B8:H8), questions from row 9
HEADER_ROW = FIRST_ROW - 1
CHOICE_KINDS = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE, Kind.WHICH_FIRST)
ONLY_CHOICES = "a Kahoot quiz sheet holds only questions with 2 to 4 answers to pick from"
ONE_PER_FACT = (
    "a live game asks about each fact or event once, and nothing that shows another question's answer"
)
CREATOR = "quizgen"
HEADERS = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)


class MissingOpenpyxl(ImportError):
    """openpyxl is not installed; the message says how to install it."""


def time_limit(question: str, answers: Sequence[str]) -> int:
    """Time to read the question and its answers: 20 s, and more for long text (Kahoot's set only)."""
    reading = 10 + (len(question) + sum(len(a) for a in answers)) // 12
    return next(limit for limit in TIME_LIMITS if limit >= max(reading, 20))


def render(deck: Deck, questions: Sequence[Question], timestamp: float) -> Rendered:
    """The .xlsx bytes; its zip entries and document dates follow ``timestamp``."""
    try:
        from openpyxl import Workbook
        from openpyxl.xml.constants import ARC_CORE
        from openpyxl.xml.functions import tostring
    except ImportError as error:  # openpyxl is a dependency; a broken install still gets a clear word
        raise MissingOpenpyxl("the Kahoot export needs openpyxl: python3 -m pip install openpyxl") from error
    notes = Notes("kahoot")
    fitting: dict[str, list[str | int]] = {}
    for question in questions:
        if question.kind in CHOICE_KINDS and (cells := _cells(question, notes)) is not None:
            fitting[question.id] = cells
    notes.left_out([q for q in questions if q.kind not in CHOICE_KINDS], ONLY_CHOICES)
    asked = _one_per_family([q for q in questions if q.id in fitting], notes)
    rows = [(question, fitting[question.id]) for question in asked]
    for question in asked:
        _note_changes(question, notes)

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    stamp = datetime.fromtimestamp(int(timestamp), UTC).replace(tzinfo=None)
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    book.properties.created = book.properties.modified = stamp
    book.properties.title = _text(deck.title)
    _text_cell(sheet, 1, 2, f"Quiz: {_text(deck.title)}")
    _text_cell(sheet, 2, 2, "Written by quizgen for Kahoot's Import from spreadsheet.")
    _text_cell(sheet, 3, 2, "Kahoot reads questions from row 9: question, up to four answers,")
    _text_cell(sheet, 4, 2, "time limit in seconds and the number of the correct answer.")
    for column, header in enumerate(HEADERS, 2):
        _text_cell(sheet, HEADER_ROW, column, header)
    for row, (_, cells) in enumerate(rows, FIRST_ROW):
        sheet.cell(row=row, column=1, value=row - HEADER_ROW)
        for column, value in enumerate(cells, 2):
            if isinstance(value, int):
                sheet.cell(row=row, column=column, value=value)
            elif value:
                _text_cell(sheet, row, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    book.properties.modified = stamp  # saving dates it with the clock: written again below
    core = tostring(book.properties.to_tree())
    return notes.result(_rezip(buffer.getvalue(), timestamp, {ARC_CORE: core}), [q for q, _ in rows])


def _one_per_family(questions: list[Question], notes: Notes) -> list[Question]:
    """One question a fact, kinds mixed, in content order: a class sees every question in turn, and
    "Where was she born?" then "True or false: she was born in Warsaw." answers itself."""
    families: dict[str, list[Question]] = defaultdict(list)
    for question in questions:
        families[family(question)].append(question)
    rng = random.Random("quizgen-kahoot")
    chosen = {
        q.id
        for q in one_per_group(families, len(families), rng, statements_of, GiveAways(answers_shown=True))
    }
    notes.left_out([q for q in questions if q.id not in chosen], ONE_PER_FACT)
    return [q for q in questions if q.id in chosen]


def is_kahoot_sheet(path: Path) -> bool:
    """Whether a file is a workbook quizgen wrote (its creator): a teacher's own sheet is never replaced."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return f"<dc:creator>{CREATOR}</dc:creator>" in core


def _note_changes(question: Question, notes: Notes) -> None:
    """What a cell changes in a question it holds: said only for the questions the sheet asks."""
    texts = [question.stem, *question.options]
    if any(has_line_breaks(text) for text in texts):
        notes.changed(question, "tabs and line breaks written as spaces")
    if any(visible(one_line(text)) != one_line(text) for text in texts):
        notes.changed(question, CONTROL_NOTE)


def _cells(question: Question, notes: Notes) -> list[str | int] | None:
    """B to H for one question, or None (with a note) when it does not fit Kahoot's limits."""
    stem = _text(question.stem)
    answers = [_text(option) for option in question.options]
    if not 2 <= len(answers) <= 4:
        notes.skipped(question, f"it has {len(answers)} answers (Kahoot allows 2 to 4)")
        return None
    if len(stem) > QUESTION_LIMIT:
        notes.skipped(question, f"the question has {len(stem)} characters (Kahoot allows {QUESTION_LIMIT})")
        return None
    longest = max(answers, key=len)
    if len(longest) > ANSWER_LIMIT:
        notes.skipped(question, f"an answer has {len(longest)} characters (Kahoot allows {ANSWER_LIMIT})")
        return None
    assert question.answer_index is not None
    padded = answers + [""] * (4 - len(answers))
    return [stem, *padded, time_limit(stem, answers), question.answer_index + 1]


def _text(text: str) -> str:
    """One line, control characters as visible escapes (a spreadsheet cell cannot hold them)."""
    return visible(one_line(text))


def _text_cell(sheet, row: int, column: int, value: str) -> None:  # type: ignore[no-untyped-def]
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    cell.data_type = "s"  # text, always: "=..." from content is never a formula


def _rezip(data: bytes, timestamp: float, replaced: dict[str, bytes]) -> bytes:
    """openpyxl dates zip entries (and the workbook's modified time) with the clock: rewrite them with
    the export's time, entry order kept."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(i.filename, replaced.get(i.filename) or archive.read(i)) for i in archive.infolist()]
    buffer = io.BytesIO()
    write_zip(buffer, entries, timestamp)
    return buffer.getvalue()
