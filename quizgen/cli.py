"""The command line: parse arguments, call the core, print with rich, exit with a named code.

Each command lives in ``quizgen.commands`` and is imported only when it
runs, so ``quizgen check`` never pays for (or loads) the Textual app.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from . import __version__
from .exitcodes import ExitCode
from .facts.errors import ContentError
from .reproducible import EpochError
from .targets import TargetNotFound
from .textsafe import visible

COMMANDS = {
    "study": "Open the study app on the bundled decks, or on the decks, files or folders named.",
    "check": "Check content files and deck recipes; report every problem with its file, line and column.",
    "show": "Print the questions a deck yields, with options, answers and sources (or JSON lines).",
    "schema": "Write the JSON Schema that editors use to check content files or deck recipes.",
    "export": "Write a deck as an Anki package, or for Moodle, Canvas, Kahoot or Quizlet, with stable ids.",
    "backup": "Copy your progress to a file, safely, even while the app is open.",
    "restore": "Bring back progress from a backup; the progress it replaces is kept beside it.",
    "print": "Write a printable test (PDF) with versions, answer keys and a CSV key per version.",
}

DESCRIPTION = "Learn facts in the terminal: structured facts become quizzes, flashcards, timelines and decks."
EPILOG = """\
examples:
  quizgen                             study the bundled decks in the terminal app
  quizgen study soleimani-timeline    study one deck
  quizgen check                       check ./content and ./decks (or the bundled ones)
  quizgen check content/my-topic.yaml check one file
  quizgen show soleimani --kind cloze  the cloze questions of the bundled deck
  quizgen schema -o content/content.schema.json
  quizgen export soleimani -o iran.apkg  an Anki package of the bundled deck
  quizgen print soleimani --versions A,B  a two-version test with its keys, as soleimani.pdf
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quizgen",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="where progress and settings live")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"quizgen.commands.{name}")
        sub = subparsers.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=getattr(module, "EPILOG", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(highlight=False, soft_wrap=True, emoji=False)  # ":100:" is a line, not an emoji
    errors = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)
    if args.command is None:  # plain `quizgen`: the app on the bundled decks
        args.command, args.decks = "study", []
    module = importlib.import_module(f"quizgen.commands.{args.command}")
    try:
        code = int(module.run(args, console, errors))
        sys.stdout.flush()  # a closed pipe or a full disk shows here, not as a cryptic error at exit
        return code
    except BrokenPipeError:  # `quizgen show --json | head -1`: the reader had all it wanted
        _discard_standard_output()
        return ExitCode.FAILURE
    except ContentError as error:
        for problem in error.problems:
            errors.print(visible(str(problem)), markup=False)
        return ExitCode.CONTENT_ERROR
    except (TargetNotFound, EpochError) as error:  # a deck or path that does not exist; a bad epoch
        errors.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    except KeyboardInterrupt:
        errors.print("interrupted", markup=False)
        return ExitCode.INTERRUPTED
    except OSError as error:  # what every command catches for its files: here, standard output
        _discard_standard_output()
        if error.filename:  # a file no command expected to fail on: say which, not what was done
            errors.print(f"quizgen: {visible(str(error.filename))}: {error.strerror or error}", markup=False)
        else:
            errors.print(f"quizgen: cannot write to standard output: {error.strerror or error}", markup=False)
        return ExitCode.FAILURE
    except Exception as error:  # a bug: say so plainly, without a traceback unless asked
        if os.environ.get("QUIZGEN_DEBUG"):
            raise
        errors.print(
            f"quizgen: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in quizgen; run again with QUIZGEN_DEBUG=1 to see where it happened.",
            markup=False,
        )
        return ExitCode.FAILURE


def _discard_standard_output() -> None:
    """Point standard output at the null device, so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind it (a test's capture): nothing to flush
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
