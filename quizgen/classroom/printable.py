"""The printable test as a PDF through Typst, and each version's key as CSV for scanning tools.

Content never becomes markup: the questions travel to the Typst template
(``printable.typ``, package data) as one JSON string in ``sys.inputs`` and
are placed as strings, so ``#``, ``*``, ``$``, ``[`` and ``{`` print as
written. The PDF is reproducible: fonts come only from those built into
the typst package (``ignore_system_fonts``) and its date is the export's
time, so the same deck, seed and ``SOURCE_DATE_EPOCH`` give the same bytes
(with the same typst version).

Typst is needed only here, so it is an optional extra; without it the
command names the exact install line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen.decks import Deck
from quizgen.facts.model import Kind
from quizgen.plural import counted
from quizgen.questions.answers import FULL, credited_spellings
from quizgen.textsafe import visible

from .common import one_line
from .paper import PrintedQuestion, Version

INSTALL = 'python3 -m pip install "quizgen[print]"'
PAPERS = {"a4": "a4", "us-letter": "us-letter"}
KEY_HEADER = ("question", "answer")
PDF_MARKER = b"quizgen-print"
KEYS_ONLY_MARKER = b"quizgen-keys-only"  # beside PDF_MARKER: a print of the answer keys alone
LABELS = {
    "name": "Name",
    "class": "Class",
    "date": "Date",
    "sources": "Sources",
    "page": "Page",
    "of": "of",
    "number": "No.",
    "answer": "Answer",
    "year": "Year:",
    "order": "Number the boxes 1, 2, 3, ... from the earliest event.",
}


class TypstMissing(RuntimeError):
    """Printing needs the typst package; the message says how to install it."""


def payload(
    deck: Deck, versions: Sequence[Version], *, paper: str = "a4", key_only: bool = False
) -> dict[str, Any]:
    """Everything the template prints, as plain JSON data."""
    count = len(versions[0].questions) if versions else 0
    return {
        "title": plain(deck.title),
        "subtitle": counted(count, "question"),
        "paper": PAPERS[paper],
        "key_only": key_only,
        "labels": LABELS,
        "versions": [_version(v) for v in versions],
    }


def plain(text: str) -> str:
    """Text for paper: tabs and line breaks as one space, control characters as visible escapes."""
    return visible(one_line(text))


def render_pdf(data: dict[str, Any], timestamp: int) -> bytes:
    """The PDF bytes; the same data and timestamp give the same bytes."""
    try:
        import typst
    except ImportError as error:
        raise TypstMissing(f"printing needs Typst, which is not installed: {INSTALL}") from error
    source = resources.files("quizgen.classroom").joinpath("printable.typ").read_bytes()
    return typst.compile(
        source,  # bytes: a str would be read as a path
        format="pdf",
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
        ignore_system_fonts=True,
        timestamp=timestamp,
    )


def key_csv(version: Version) -> bytes:
    """One row per question: its number, and the letter (or the answer) a scanning tool compares."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_HEADER)
    for printed in version.questions:
        writer.writerow((printed.number, _not_a_formula(plain(printed.key))))
    return buffer.getvalue().encode("utf-8")


def reads_as_key(data: bytes) -> bool:
    """Whether a CSV is laid out as ``key_csv`` writes one: its header first."""
    return data.startswith((",".join(KEY_HEADER) + "\n").encode("utf-8"))


def _not_a_formula(text: str) -> str:
    """A spreadsheet runs a cell starting with = + - @ (or a tab or return) as a formula: such an
    answer gets a leading apostrophe, which spreadsheets show as text and do not display."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def is_printed_test(path: Path) -> bool:
    """Whether a PDF is one ``quizgen print`` wrote (its keywords): any other PDF is left alone."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return data.startswith(b"%PDF-") and PDF_MARKER in data


def is_printed_keys(path: Path) -> bool:
    """Whether a PDF is one ``quizgen print --key-only`` wrote: the keys, without the test."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return data.startswith(b"%PDF-") and PDF_MARKER in data and KEYS_ONLY_MARKER in data


def _version(version: Version) -> dict[str, Any]:
    refs = [ref for printed in version.questions for ref in printed.question.sources]
    sources = list(dict.fromkeys(plain(ref.citation) for ref in refs))
    return {
        "letter": version.letter,
        "tag": f"Version {version.letter}",
        "key_tag": f"Answer key · Version {version.letter}",
        "key_title": f"Answer key — Version {version.letter}",
        "questions": [_question(p) for p in version.questions],
        "key": [_key(p) for p in version.questions],
        "sources": sources,
    }


def _key(printed: PrintedQuestion) -> dict[str, Any]:
    return {"number": printed.number, "answer": plain(printed.key), "detail": plain(_detail(printed))}


def _question(printed: PrintedQuestion) -> dict[str, Any]:
    question = printed.question
    cloze = question.cloze
    return {
        "number": printed.number,
        "kind": question.kind.value,
        "stem": plain(question.stem),
        "cloze": {"before": plain(cloze.before), "after": plain(cloze.after)} if cloze is not None else None,
        "options": [plain(option) for option in printed.options],
        "items": [plain(item.label) for item in printed.items],
    }


def _detail(printed: PrintedQuestion) -> str:
    """What helps a teacher mark: the option's text, other accepted answers, the full date, the order."""
    question = printed.question
    if printed.key_index is not None:
        return printed.options[printed.key_index]
    if question.kind is Kind.ORDER:
        return question.order_text()
    if question.kind is Kind.YEAR_GUESS and question.date is not None:
        return question.date.label() if question.date.label() != question.answer else ""
    shares = dict(credited_spellings(question))  # what the app gives each, as the exports do
    others = [a for a in question.accepted if a != question.answer]
    full = [a for a in others if shares.get(a, FULL) == FULL]
    half = [a for a in others if shares.get(a, FULL) != FULL]  # "UN" for "Which two ...?"
    parts = [f"also accepted: {'; '.join(full)}"] if full else []
    parts += [f"half credit: {'; '.join(half)}"] if half else []
    return " — ".join(parts)
