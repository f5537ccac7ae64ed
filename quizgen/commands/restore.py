"""``quizgen restore``: bring back a backup; the progress it replaces is kept beside it."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from rich.console import Console

from quizgen.exitcodes import ExitCode
from quizgen.plural import counted
from quizgen.textsafe import visible

EPILOG = """\
The progress being replaced is renamed progress.sqlite3.before-restore-<date>, never deleted.
The backup is checked first (a damaged one leaves your progress as it was), and a restore is
refused while the study app has the progress open (where the system locks files: Linux, macOS;
elsewhere, close the app first).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, metavar="FILE", help="a file written by `quizgen backup`")
    parser.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, metavar="DIR", help="where to restore"
    )


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    from quizgen.study.backup import restore
    from quizgen.study.store import StoreError, default_data_dir

    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    try:
        reviews, aside = restore(args.backup, data_dir, dt.datetime.now())
    except StoreError as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    out.print(f"Restored {counted(reviews, 'review')} into {visible(str(data_dir))}", markup=False)
    if aside is not None:
        out.print(f"The progress it replaced is kept as {visible(str(aside))}", markup=False)
    return ExitCode.OK
