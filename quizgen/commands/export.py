"""``quizgen export``: a deck as a file another program imports (an Anki package).

Each format is an entry in ``FORMATS``: its file suffix, a check of where it
may write, and a writer. Adding a format means adding an entry; the command,
its progress display and its summary stay as they are.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rich import box
from rich.console import Console, Group
from rich.filesize import decimal
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from quizgen.anki.export import ExportReport, export_deck
from quizgen.anki.export import Progress as OnProgress
from quizgen.anki.package import ExportError, check_destination, source_date_epoch
from quizgen.exitcodes import ExitCode
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import Target, open_target
from quizgen.textsafe import visible

EPILOG = """\
examples:
  quizgen export soleimani                     writes soleimani.apkg here
  quizgen export soleimani -o ~/class/iran.apkg
  SOURCE_DATE_EPOCH=1767225600 quizgen export soleimani   a byte-identical file every time

Importing a later export into Anki updates the notes already there: a
corrected fact replaces the old wording and the student's reviews stay.
"""
PROGRESS_FROM = 500  # questions: below this the export is over before a bar would help


@dataclass(frozen=True, slots=True)
class Format:
    """One export format: what it is called, its file suffix, where it may write, and its writer."""

    description: str
    suffix: str
    check: Callable[[Path], None]
    write: Callable[[Target, Sequence[Question], Path, OnProgress], ExportReport]


def _write_apkg(
    target: Target, questions: Sequence[Question], path: Path, progress: OnProgress
) -> ExportReport:
    return export_deck(target.deck, target.library, questions, path, progress=progress)


FORMATS: Mapping[str, Format] = {
    "apkg": Format("Anki package", ".apkg", check_destination, _write_apkg),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", metavar="DECK", help="a deck name, a deck recipe, or content files")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write (default: the deck's name and the format's suffix, in this folder)",
    )
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="apkg",
        help="what to write: " + ", ".join(f"{name} ({f.description})" for name, f in FORMATS.items()),
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the seed for options and distractors (default 0)"
    )


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    chosen = FORMATS[args.format]
    try:
        source_date_epoch()  # a malformed value is refused before any work
        target = open_target(args.target)
        path = args.output if args.output is not None else Path(f"{target.deck.slug}{chosen.suffix}")
        path = path.expanduser().absolute()
        chosen.check(path)
        with _progress(err) as progress:
            task = progress.add_task("Generating questions", total=None)
            questions = generate_for_deck(target.deck, target.library, seed=args.seed)
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
    out.print(summary(target, report))
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


def summary(target: Target, report: ExportReport) -> Group:
    """What a teacher checks after an export: where the file is, and what it holds."""
    title = visible(target.deck.title)
    head = Text.assemble(
        ("Wrote ", "bold"), (visible(str(report.path)), "bold green"), f" ({decimal(report.size)})"
    )
    counts = Text(
        f"“{title}”: {report.notes} notes, {report.cards} cards from {report.questions} questions, "
        f"{report.tags} tags; decks: {', '.join(visible(d) for d in report.decks)}"
    )
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("note type")
    table.add_column("notes", justify="right")
    table.add_column("   kind")
    table.add_column("questions", justify="right")
    types = list(report.by_note_type.items())
    kinds = list(report.by_kind.items())
    for row in range(max(len(types), len(kinds))):
        note_type, notes = types[row] if row < len(types) else ("", "")
        kind, count = kinds[row] if row < len(kinds) else ("", "")
        table.add_row(note_type, str(notes), "   " + kind.replace("_", " "), str(count))
    parts: list[Text | Table] = [head, counts, table]
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
