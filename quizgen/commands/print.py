"""``quizgen print``: a printable test (PDF) with versions and answer keys, and a CSV key per version.

The work is in ``quizgen.classroom``: ``paper`` chooses and shuffles,
``printable`` lays out through Typst. This module reads the options, checks
every file it will write before writing any, and reports what it wrote.
"""

from __future__ import annotations

import argparse
import functools
import glob
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console, Group
from rich.filesize import decimal
from rich.text import Text

from quizgen.classroom import paper, printable
from quizgen.commands.arguments import output_path, positive
from quizgen.exitcodes import ExitCode
from quizgen.exporting import written
from quizgen.exporting.files import (
    ExportError,
    check_destination,
    export_time,
    source_date_epoch,
    write_bytes_atomically,
)
from quizgen.facts.model import Kind
from quizgen.plural import counted
from quizgen.questions.generate import generate_for_deck
from quizgen.targets import Target, open_target
from quizgen.textsafe import visible

DEFAULT_COUNT = 20
ANSWER_KEY = "answer key"  # the kind of file a key's CSV is recorded as written
is_our_key = functools.partial(written.wrote, kind=ANSWER_KEY, reads_as=printable.reads_as_key)
EPILOG = f"""\
examples:
  quizgen print soleimani -o test.pdf --versions A,B   two versions, each followed by its key
  quizgen print soleimani --key-only --versions A,B     the keys alone, to soleimani-keys.pdf
  quizgen print soleimani --separate --versions A,B     test-A.pdf and test-B.pdf
  quizgen print soleimani --kinds multiple_choice,true_false --count 30 --paper us-letter

Beside the PDF, a CSV key per version (for example test-key-A.csv: question
number, then the letter or the answer) is ready for scanning tools. The same
deck, --seed and SOURCE_DATE_EPOCH give a byte-identical PDF.
Printing needs Typst: {printable.INSTALL}
"""


@dataclass(frozen=True, slots=True)
class Outputs:
    """Every file one run writes: the PDFs (one, or one per version) and a CSV key per version."""

    pdfs: dict[str | None, Path]  # version letter (None: all versions in one file) → path
    keys: dict[str, Path]


def kinds_argument(text: str) -> frozenset[Kind]:
    """``multiple_choice,true-false`` → those kinds; argparse reports a bad name with the valid ones."""
    chosen = set()
    for part in text.split(","):
        name = part.strip().lower().replace("-", "_")
        if not name:
            continue
        if name not in Kind._value2member_map_:
            valid = ", ".join(kind.value for kind in Kind)
            raise argparse.ArgumentTypeError(f"unknown kind {part.strip()!r} (kinds: {valid})")
        chosen.add(Kind(name))
    if not chosen:
        raise argparse.ArgumentTypeError("name at least one kind")
    return frozenset(chosen)


def versions_argument(text: str) -> tuple[str, ...]:
    try:
        return paper.parse_versions(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


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
        help="the PDF to write, or a folder for DECK.pdf in it (default: DECK.pdf here)",
    )
    parser.add_argument(
        "--versions",
        type=versions_argument,
        default=("A",),
        metavar="A,B",
        help="the versions to print, each with its own order of questions and options (default A)",
    )
    parser.add_argument("--seed", type=int, default=0, help="the seed for choosing and shuffling (default 0)")
    parser.add_argument(
        "--count", type=positive, default=DEFAULT_COUNT, help=f"questions per test (default {DEFAULT_COUNT})"
    )
    parser.add_argument(
        "--kinds", type=kinds_argument, metavar="KIND,...", help="only these kinds (default: every kind)"
    )
    parser.add_argument(
        "--paper", choices=list(printable.PAPERS), default="a4", help="the paper size (default a4)"
    )
    parser.add_argument("--key-only", action="store_true", help="print only the answer keys")
    parser.add_argument(
        "--separate", action="store_true", help="one PDF per version (FILE-A.pdf, FILE-B.pdf, ...)"
    )


def outputs(pdf: Path, letters: tuple[str, ...], separate: bool) -> Outputs:
    stem = pdf.stem
    pdfs: dict[str | None, Path] = (
        {letter: pdf.with_name(f"{stem}-{letter}{pdf.suffix}") for letter in letters}
        if separate
        else {None: pdf}
    )
    keys = {letter: pdf.with_name(f"{stem}-key-{letter}.csv") for letter in letters}
    return Outputs(pdfs, keys)


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    try:
        source_date_epoch()  # a malformed value is refused before any work
        target = open_target(args.target)
        # the keys alone never take the test's own name: printed after the test, they replaced it
        default = f"{target.deck.slug}-keys.pdf" if args.key_only else f"{target.deck.slug}.pdf"
        path = (args.output or Path(default)).expanduser().absolute()
        if path.is_dir():  # "-o ~/class": the deck's own name in it, as cp does
            path = path / default
        if path.suffix.lower() != ".pdf":
            raise ExportError(f"{path} is not a .pdf name; the test is a PDF")
        files = outputs(path, args.versions, args.separate)
        for pdf in files.pdfs.values():
            check_destination(pdf, printable.is_printed_test, "a test printed by quizgen")
            if args.key_only and pdf.exists() and not printable.is_printed_keys(pdf):
                raise ExportError(
                    f"{pdf} holds a printed test, which the answer keys alone would replace; "
                    f"name another file with -o, such as {pdf.with_name(pdf.stem + '-keys.pdf').name}"
                )
        for key in files.keys.values():
            check_destination(key, is_our_key, "an answer key written by quizgen")
        versions = write_test(args, target, files)
        stale = stale_files(path, files, args.separate)
    except (ExportError, printable.TypstMissing) as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    except OSError as error:
        err.print(
            f"quizgen: cannot write {visible(str(error.filename or ''))}: {error.strerror}", markup=False
        )
        return ExitCode.FAILURE
    count = len(versions[0].questions)
    if count < args.count:
        err.print(
            f"quizgen: “{visible(target.deck.title)}” gives {counted(count, 'question')} that do not give "
            f"each other away; the test has {count}, not {args.count}",
            markup=False,
        )
    out.print(summary(target.deck.title, files, versions, args.key_only))
    for earlier in stale:
        try:
            earlier.unlink()
        except OSError as error:  # the new test is written: say what stays, and go on
            err.print(
                f"quizgen: {visible(str(earlier))} is an earlier print's, which this test's keys do not"
                f" match, and could not be removed: {error.strerror}",
                markup=False,
            )
        else:
            out.print(
                f"Removed {visible(str(earlier))}: an earlier print's, which this test's keys do not match"
            )
    return ExitCode.OK


def stale_files(pdf: Path, files: Outputs, separate: bool) -> list[Path]:
    """What an earlier print to this name left that this one's keys no longer match: the keys of
    versions it does not print, and the tests printed the other way (one PDF, or one per
    version). A teacher could mark a class against them. Only quizgen's own files, unchanged since."""
    stem, ours = pdf.stem, {*files.pdfs.values(), *files.keys.values()}
    letters = set(files.keys)
    stale = []
    for key in sorted(pdf.parent.glob(f"{glob.escape(stem)}-key-*.csv")):
        letter = key.name.removeprefix(f"{stem}-key-").removesuffix(".csv")
        if key not in ours and _is_version(letter) and is_our_key(key):
            stale.append(key)
            letters.add(letter)
    tests = [pdf.with_name(f"{stem}-{letter}{pdf.suffix}") for letter in sorted(letters)]
    if separate:
        tests.append(pdf)
    stale += [test for test in tests if test not in ours and _printed_under(test, stem)]
    return stale


def _printed_under(test: Path, stem: str) -> bool:
    """Whether quizgen printed this PDF as part of the test named ``stem``: a test printed under its
    own name ("-o t-A.pdf") has keys of its own ("t-A-key-A.csv") and is left alone."""
    own_keys = test.stem != stem and any(test.parent.glob(f"{glob.escape(test.stem)}-key-*.csv"))
    return printable.is_printed_test(test) and not own_keys


def _is_version(letter: str) -> bool:
    try:
        return paper.parse_versions(letter) == (letter,)
    except ValueError:
        return False


def write_test(args: argparse.Namespace, target: Target, files: Outputs) -> list[paper.Version]:
    """Choose, shuffle, lay out and write every file; the PDFs and keys share one moment."""
    questions = generate_for_deck(target.deck, target.library, seed=args.seed)
    chosen = paper.choose(questions, args.count, args.seed, args.kinds, heading=target.deck.title)
    if not chosen:
        raise ExportError(f"“{target.deck.title}” has no questions of the kinds asked for")
    versions = paper.make_versions(args.versions, chosen, args.seed)
    stamp = export_time()
    for letter, pdf in files.pdfs.items():
        picked = [v for v in versions if letter is None or v.letter == letter]
        data = printable.payload(target.deck, picked, paper=args.paper, key_only=args.key_only)
        write_bytes_atomically(pdf, printable.render_pdf(data, stamp))
    for version in versions:
        key = printable.key_csv(version)
        write_bytes_atomically(files.keys[version.letter], key)
        written.remember(files.keys[version.letter], key, ANSWER_KEY)
    return versions


def summary(title: str, files: Outputs, versions: list[paper.Version], key_only: bool) -> Group:
    """What a teacher checks before printing: the files, the questions, and how the keys are spread."""
    lines = [
        Text.assemble(("Wrote ", "bold"), (visible(str(p)), "bold green"), f" ({decimal(p.stat().st_size)})")
        for p in [*files.pdfs.values(), *files.keys.values()]
    ]
    count = len(versions[0].questions)
    what = "answer keys" if key_only else "each followed by its answer key"
    names = ", ".join(v.letter for v in versions)
    plural = "s" if len(versions) > 1 else ""
    lines.append(Text(f"“{visible(title)}”: {counted(count, 'question')}; version{plural} {names}, {what}"))
    for version in versions:
        spread = version.key_positions()
        if spread:
            shown = " · ".join(f"{letter} {spread[letter]}" for letter in sorted(spread))
            lines.append(Text(f"Version {version.letter} keys: {shown}", style="dim"))
    return Group(*lines)
