"""``quizgen export``: a deck as a file another program imports (Anki, Moodle, Canvas, Kahoot, Quizlet).

Each format is an entry in ``FORMATS``: its file suffix, what it can carry,
a check of where it may write, and a writer. Adding a format means adding
an entry; the command, its progress display and its summary stay as they
are. The format follows from ``--format`` or, where that is unambiguous,
from the output file's extension.
"""

from __future__ import annotations

import argparse
import datetime
import textwrap
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich import box
from rich.columns import Columns
from rich.console import Console, Group
from rich.filesize import decimal
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from quizgen.anki.export import ExportReport, export_deck
from quizgen.anki.export import Progress as OnProgress
from quizgen.anki.package import check_destination
from quizgen.classroom import formats as classroom
from quizgen.commands.arguments import output_path
from quizgen.exitcodes import ExitCode
from quizgen.exporting.files import ExportError, source_date_epoch
from quizgen.plural import counted
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import Target, open_target
from quizgen.textsafe import visible

PROGRESS_FROM = 500  # questions: below this the export is over before a bar would help
Report = ExportReport | classroom.Written


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: its name, file suffix, what it carries, where it may write, and its writer."""

    description: str
    suffix: str
    carries: str
    check: Callable[[Path], None]
    write: Callable[[Target, Sequence[Question], Path, OnProgress], Report]


def _write_apkg(
    target: Target, questions: Sequence[Question], path: Path, progress: OnProgress
) -> ExportReport:
    return export_deck(target.deck, target.library, questions, path, progress=progress)


def _classroom(fmt: classroom.ClassroomFormat) -> Format:
    def write(target: Target, questions: Sequence[Question], path: Path, progress: OnProgress) -> Report:
        written = classroom.write(fmt, target.deck, questions, path)  # in memory, then at once
        progress(len(questions), len(questions))
        return written

    return Format(fmt.description, fmt.suffix, fmt.carries, fmt.check, write)


FORMATS: Mapping[str, Format] = {
    "apkg": Format(
        "Anki package",
        ".apkg",
        "every kind, with note types of its own; re-imports update notes and keep reviews",
        check_destination,
        _write_apkg,
    ),
    **{fmt.name: _classroom(fmt) for fmt in classroom.FORMATS},
}
BY_SUFFIX = {f.suffix: name for name, f in FORMATS.items()}


def _epilog() -> str:
    rows = "\n".join(
        textwrap.fill(
            f"{name:<8} {f.suffix:<6} {f.description}: {f.carries}",
            width=96,
            initial_indent="  ",
            subsequent_indent=" " * 18,
        )
        for name, f in FORMATS.items()
    )
    return f"""\
formats (--format, or from the file's extension; a .txt file could be GIFT or Quizlet, so name it):
{rows}
What a format cannot carry is left out or changed, and each export says so on stderr.

examples:
  quizgen export soleimani                     writes soleimani.apkg here
  quizgen export soleimani -o ~/class/iran.apkg
  quizgen export soleimani -o iran.xml         Moodle XML (from the extension)
  quizgen export soleimani --format kahoot     writes soleimani.xlsx for Kahoot
  quizgen export soleimani --format gift -o iran.txt
  SOURCE_DATE_EPOCH=1767225600 quizgen export soleimani   a byte-identical file every time

Importing a later export into Anki updates the notes already there: a
corrected fact replaces the old wording and the student's reviews stay.
Moodle and Canvas files name each question by its stable id, but neither
platform updates a question on import: import a corrected export into a new
category (Moodle) or quiz (Canvas), or delete the old questions first.
"""


EPILOG = _epilog()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="+",
        metavar="DECK",
        help="a deck name, a deck recipe, or content files and folders (taken together as one deck)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_path,
        metavar="FILE",
        help="where to write: a file, or a folder for the deck's name and the format's suffix in it "
        "(default: this folder)",
    )
    parser.add_argument(
        "--format",
        choices=list(FORMATS),
        default=None,
        help="what to write (listed below); default: from the file's extension, else apkg",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the seed for options and distractors (default 0)"
    )


def choose_format(name: str | None, output: Path | None) -> str:
    """The format asked for, or the one the file's extension names; refuse a name that says otherwise."""
    suffix = output.suffix.lower() if output is not None else ""
    implied = BY_SUFFIX.get(suffix)
    if name is None:
        if implied is not None:
            return implied
        if output is not None and suffix:
            raise ExportError(
                f"cannot tell the format from {suffix!r}; name it with --format ({', '.join(FORMATS)})"
            )
        return "apkg"
    if implied is not None and implied != name:
        raise ExportError(
            f"{output} ends in {suffix}, the suffix for {FORMATS[implied].description} files; "
            f"use --format {implied}, or a name ending in {FORMATS[name].suffix}"
        )
    return name


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    try:
        source_date_epoch()  # a malformed value is refused before any work
        output = args.output.expanduser() if args.output is not None else None
        folder = output if output is not None and output.is_dir() else None  # "-o ~/class", as cp takes it
        chosen = FORMATS[choose_format(args.format, output if folder is None else None)]
        target = open_target(args.target)
        named = Path(f"{target.deck.slug}{chosen.suffix}")
        path = (folder / named if folder is not None else output or named).absolute()
        chosen.check(path)
        with _progress(err) as progress:
            task = progress.add_task("Generating questions", total=None)
            questions = generate_for_deck(target.deck, target.library, seed=args.seed)
            if not questions:  # an empty file would import as nothing, silently
                raise ExportError(
                    f"“{target.deck.title}” yields no questions (see its kinds and select:); nothing written"
                )
            progress.update(
                task,
                description="Writing notes",
                total=len(questions),
                visible=len(questions) >= PROGRESS_FROM,
            )
            report = chosen.write(
                target, questions, path, lambda done, total: progress.update(task, completed=done)
            )
    except ExportError as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    except OSError as error:  # a read-only folder, a full disk: the user's to fix, not a bug
        err.print(
            f"quizgen: cannot write {visible(str(error.filename or ''))}: {error.strerror}", markup=False
        )
        return ExitCode.FAILURE
    if isinstance(report, classroom.Written):
        for note in report.notes:
            err.print(visible(note), markup=False, highlight=False)
        out.print(classroom_summary(target, report))
    else:
        out.print(summary(target, report))
        if report.stale:
            err.print(stale_warning(report), markup=False, highlight=False)
    return ExitCode.OK


@contextmanager
def _progress(err: Console) -> Iterator[Progress]:
    """A transient bar on stderr, shown only on a terminal: logs and pipes stay clean."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        yield progress


def _counts_table(name: str, counted: str, counts: Mapping[str, int]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column(name)
    table.add_column(counted, justify="right")
    for label, count in counts.items():
        table.add_row(label, str(count))
    return table


def summary(target: Target, report: ExportReport) -> Group:
    """What a teacher checks after an export: where the file is, and what it holds."""
    title = visible(target.deck.title)
    head = Text.assemble(
        ("Wrote ", "bold"), (visible(str(report.path)), "bold green"), f" ({decimal(report.size)})"
    )
    alike = (
        f" ({report.alike} others read exactly like one of them and share its card)" if report.alike else ""
    )
    counts = Text(
        f"“{title}”: {report.notes} notes, {report.cards} cards from {report.questions} questions{alike}, "
        f"{report.tags} tags; decks: {', '.join(visible(d) for d in report.decks)}"
    )
    parts: list[Text | Table | Columns] = [
        head,
        counts,
        Columns(  # two tables, not one: a note type's row has nothing to do with the kind beside it
            [
                _counts_table("note type", "notes", report.by_note_type),
                _counts_table(
                    "kind", "questions", {k.replace("_", " "): n for k, n in report.by_kind.items()}
                ),
            ],
            padding=(0, 4),
        ),
    ]
    if source_date_epoch() is not None:
        moment = datetime.datetime.fromtimestamp(report.timestamp, datetime.UTC)
        parts.append(
            Text(
                f"Notes dated {moment:%Y-%m-%d %H:%M} UTC (SOURCE_DATE_EPOCH): Anki updates notes "
                "only from a later date.",
                style="dim",
            )
        )
    else:
        parts.append(
            Text("Import it in Anki with File → Import; a later export updates these notes.", style="dim")
        )
    return Group(*parts)


def stale_warning(report: ExportReport) -> str:
    """Anki skips a note no later than its own copy, so an edit dated no later goes unseen."""
    changed = counted(report.stale, "changed note")
    verb = "is" if report.stale == 1 else "are"
    if source_date_epoch() is not None:
        why, fix = "SOURCE_DATE_EPOCH", "Export with a later SOURCE_DATE_EPOCH (or none)"
    else:
        why, fix = "written within the same second", "Export again"
    return (
        f"quizgen: warning: {changed} {verb} dated no later than the package replaced ({why}), "
        f"so Anki would keep its old copies on import. {fix} to update them."
    )


def classroom_summary(target: Target, report: classroom.Written) -> Group:
    """Where the file is, how many questions it holds of how many, by kind, and where it goes next."""
    head = Text.assemble(
        ("Wrote ", "bold"), (visible(str(report.path)), "bold green"), f" ({decimal(report.size)})"
    )
    left_out = report.questions - report.kept
    counts = Text(
        f"“{visible(target.deck.title)}”: {report.kept} of {report.questions} questions as "
        f"{report.format.description}" + (f"; {left_out} left out (see above)" if left_out else "")
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("kind")
    table.add_column("questions", justify="right")
    for kind, count in report.by_kind.items():
        table.add_row(kind, str(count))
    return Group(head, counts, table, Text(report.format.hint, style="dim"))
