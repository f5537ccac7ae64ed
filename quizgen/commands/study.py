"""``quizgen study`` (and plain ``quizgen``): the Textual app on the bundled or named decks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from quizgen.exitcodes import ExitCode
from quizgen.paths import default_decks_folder
from quizgen.targets import TargetNotFound, available_decks, find_deck
from quizgen.textsafe import visible

EPILOG = """\
examples:
  quizgen                                  the app on the bundled decks
  quizgen study soleimani-timeline         one deck
  quizgen study soleimani --mode quiz      straight into a quiz
  quizgen study content/my-topic.yaml      a content file, studied as one deck
  quizgen study --data-dir ~/school        keep progress somewhere else (or set QUIZGEN_DATA_DIR)
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "decks", nargs="*", metavar="DECK", help="deck names, deck recipes, content files or folders"
    )
    add_data_dir(parser, argparse.SUPPRESS)
    parser.add_argument(
        "--mode",
        choices=["quiz", "flashcards", "order", "which_first", "year_guess", "browse"],
        help="open the (first) deck straight into this mode",
    )
    parser.add_argument("--seed", type=int, default=None, help=argparse.SUPPRESS)


def add_data_dir(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default,
        metavar="DIR",
        help="where progress and settings live (default: QUIZGEN_DATA_DIR, else the user data folder)",
    )


def resolve(specs: list[str]) -> list[Path]:
    from quizgen.study.catalog import deck_paths

    if not specs:
        return deck_paths([default_decks_folder()])
    paths = []
    for spec in specs:
        path = Path(spec)
        if not path.exists():
            found = find_deck(spec)
            if found is None:
                names = ", ".join(p.stem for p in available_decks()) or "none"
                raise TargetNotFound(f"no deck, file or folder named {spec!r} (decks: {names})")
            path = found
        paths.append(path)
    return deck_paths(paths)


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    from quizgen.study.settings import Settings, SettingsError, load_settings
    from quizgen.study.store import StoreError, default_data_dir, open_store

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        err.print(
            "quizgen: the study app needs a terminal; try `quizgen show` to print questions", markup=False
        )
        return ExitCode.FAILURE
    paths = resolve(list(getattr(args, "decks", [])))
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    try:
        store = open_store(data_dir)
    except StoreError as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    notices = []
    if store.moved_aside is not None:
        notices.append(
            f"Your progress file could not be read, so it was moved to {store.moved_aside} "
            "and a new one was started. Nothing was deleted."
        )
    try:
        settings = load_settings(data_dir, notices)
    except SettingsError as error:
        settings = Settings()
        notices.append(f"Settings not read ({error}); using the defaults.")
    from quizgen.tui.app import AppConfig, make_app

    config = AppConfig(
        paths,
        store,
        settings,
        data_dir,
        seed=getattr(args, "seed", None),
        notices=notices,
        start_mode=getattr(args, "mode", None),
    )
    with store:
        app = make_app(config)
        app.run()
    return ExitCode(app.return_code or 0)
