"""``quizgen schema``: the JSON Schema editors use to check content as it is typed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

from quizgen.exitcodes import ExitCode
from quizgen.facts.schema import content_schema, deck_schema

EPILOG = """\
The bundled content points at content/content.schema.json; regenerate it with
  quizgen schema -o content/content.schema.json
  quizgen schema --deck -o decks/deck.schema.json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--deck", action="store_true", help="the schema of deck recipes instead of content files"
    )
    parser.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")


def render(deck: bool) -> str:
    return json.dumps(deck_schema() if deck else content_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    text = render(args.deck)
    if args.output is None:
        out.file.write(text)
        return ExitCode.OK
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        err.print(f"quizgen: cannot write {args.output}: {error.strerror}", markup=False)
        return ExitCode.FAILURE
    err.print(f"wrote {args.output}", markup=False)
    return ExitCode.OK
