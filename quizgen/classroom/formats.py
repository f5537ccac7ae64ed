"""The classroom export formats as entries the ``export`` command lists, checks and writes.

Each entry says what its files are called, what it can carry (for
``--help``), how to recognise a file it may replace, and how to render.
Writing is the same for all: render in memory, then replace the file
atomically, and report what went in and what was left out.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen.decks import Deck
from quizgen.exporting import written
from quizgen.exporting.files import ExportError, check_destination, export_time, write_bytes_atomically
from quizgen.questions.model import Question

from . import gift, kahoot, moodle, qti, quizlet
from .common import KIND_NAMES, Rendered

Render = Callable[[Deck, Sequence[Question], int], Rendered]


@dataclass(frozen=True, slots=True)
class ClassroomFormat:
    name: str
    description: str
    suffix: str
    carries: str
    kind_of_file: str  # for refusals: "... exists and is not <kind_of_file>"
    is_ours: Callable[[Path], bool]
    render: Render
    hint: str  # where the teacher takes the file next

    def check(self, path: Path) -> None:
        check_destination(path, self.is_ours, self.kind_of_file)


@dataclass(frozen=True, slots=True)
class Written:
    """What a classroom export wrote, for the summary, and what it could not carry, for stderr."""

    path: Path
    size: int
    format: ClassroomFormat
    questions: int
    by_kind: dict[str, int]
    notes: tuple[str, ...]

    @property
    def kept(self) -> int:
        return sum(self.by_kind.values())


def write(fmt: ClassroomFormat, deck: Deck, questions: Sequence[Question], path: Path) -> Written:
    fmt.check(path)
    rendered = fmt.render(deck, questions, export_time())
    if not rendered.kept:  # an empty sheet imports as nothing, silently
        why = "; ".join(note.removeprefix(f"{fmt.name}: ") for note in rendered.notes)
        raise ExportError(
            f"no question of “{deck.title}” fits the {fmt.description} format ({why}); nothing written"
            f" ({MOODLE_AND_QTI} carry every kind)"
        )
    write_bytes_atomically(path, rendered.data)
    notes = rendered.notes
    if not written.remember(path, rendered.data, fmt.name) and fmt.name == "quizlet":  # no mark, no record
        notes += (
            f"{fmt.name}: the cache folder could not be written, so a later export will not replace"
            f" {path.name} (remove it first)",
        )
    counts = Counter(q.kind for q in rendered.kept)
    return Written(
        path=path,
        size=path.stat().st_size,
        format=fmt,
        questions=len(questions),
        by_kind={KIND_NAMES[kind]: counts[kind] for kind in KIND_NAMES if counts[kind]},
        notes=notes,
    )


MOODLE_AND_QTI = "moodle (.xml) and qti (.zip)"
FORMATS: tuple[ClassroomFormat, ...] = (
    ClassroomFormat(
        "moodle",
        "Moodle XML",
        ".xml",
        "all seven kinds (multiple choice, short answer with every accepted answer, true/false, "
        "cloze, numerical year guesses with a margin, ordering, which-came-first), a category per deck",
        "a Moodle XML quiz written by quizgen",
        moodle.is_moodle_quiz,
        lambda deck, questions, _: moodle.render(deck, questions),
        "Import it in Moodle: Question bank → Import → Moodle XML format.",
    ),
    ClassroomFormat(
        "gift",
        "GIFT text",
        ".gift",
        "every kind but put-in-order, which GIFT cannot express",
        "a GIFT file written by quizgen",
        gift.is_gift_export,
        lambda deck, questions, _: gift.render(deck, questions),
        "Import it in Moodle: Question bank → Import → GIFT format.",
    ),
    ClassroomFormat(
        "qti",
        "Canvas QTI 1.2 package",
        ".zip",
        "every kind; put-in-order becomes matching (each event to its place), cloze a fill-in-the-blank",
        "a QTI package written by quizgen",
        qti.is_qti_package,
        qti.render,
        "Import it in Canvas: Settings → Import Course Content → QTI .zip file.",
    ),
    ClassroomFormat(
        "kahoot",
        "Kahoot spreadsheet",
        ".xlsx",
        "multiple choice, true/false and which-came-first within Kahoot's limits "
        "(question ≤ 120 characters, 2 to 4 answers ≤ 75 characters), each fact or event asked once",
        "a Kahoot sheet written by quizgen",
        kahoot.is_kahoot_sheet,
        kahoot.render,
        "Import it in Kahoot: Create → Add question → Import spreadsheet.",
    ),
    ClassroomFormat(
        "quizlet",
        "Quizlet cards",
        ".tsv",
        "typed, cloze and year-guess questions as term TAB definition, one card a line",
        "a Quizlet card list written by quizgen",
        functools.partial(written.wrote, kind="quizlet", reads_as=quizlet.reads_as_cards),
        lambda deck, questions, _: quizlet.render(questions),
        "Paste it into Quizlet's Import box (between term and definition: Tab; between cards: New line).",
    ),
)
