"""``quizgen backup``: a copy of your progress, safe to take while the app is open."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from rich.console import Console

from quizgen.commands.arguments import output_path
from quizgen.exitcodes import ExitCode
from quizgen.plural import counted
from quizgen.textsafe import visible

EPILOG = """\
examples:
  quizgen backup                         writes quizgen-progress-<date>.sqlite3 here
  quizgen backup -o ~/safe/progress.sqlite3
  quizgen backup -o ~/safe                 the dated name, in that folder
  quizgen restore ~/safe/progress.sqlite3
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", type=output_path, help="where to write the copy: a new file, or a folder"
    )
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR", help="the progress to copy"
    )


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    from quizgen.study.backup import backup
    from quizgen.study.store import DATABASE_NAME, StoreError, default_data_dir

    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    if not (data_dir / DATABASE_NAME).exists():
        err.print(f"quizgen: no progress to back up in {visible(str(data_dir))}", markup=False)
        return ExitCode.FAILURE
    named = Path(f"quizgen-progress-{dt.datetime.now():%Y%m%d-%H%M%S}.sqlite3")
    target = args.output or named
    if target.is_dir():  # "-o ~/safe": the dated name in it, as cp does
        target = target / named
    try:
        reviews = backup(data_dir / DATABASE_NAME, target)
    except StoreError as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    out.print(f"Backed up {counted(reviews, 'review')} to {visible(str(target))}", markup=False)
    return ExitCode.OK
