"""``quizgen schema``: the JSON Schema editors use to check content as it is typed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console

from quizgen.exitcodes import ExitCode
from quizgen.exporting.files import STANDARD_OUTPUT, ExportError, check_destination, write_bytes_atomically
from quizgen.facts.schema import SCHEMA_ID_PREFIX, content_schema, deck_schema
from quizgen.textsafe import visible

MAX_SCHEMA_BYTES = 1_000_000  # ours is a few kilobytes; never read a whole large file to find out

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


def is_schema(path: Path) -> bool:
    """Whether a file is a schema quizgen wrote (its ``$id``): a content file or notes are never replaced."""
    try:
        with path.open("rb") as handle:
            schema = json.loads(handle.read(MAX_SCHEMA_BYTES))
    except (OSError, ValueError):
        return False
    return isinstance(schema, dict) and str(schema.get("$id", "")).startswith(SCHEMA_ID_PREFIX)


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    text = render(args.deck)
    if args.output is None or str(args.output) == STANDARD_OUTPUT:
        out.file.write(text)
        return ExitCode.OK
    try:
        check_destination(args.output, is_schema, "a JSON Schema written by quizgen")
        write_bytes_atomically(args.output, text.encode("utf-8"))
    except ExportError as error:
        err.print(f"quizgen: {visible(str(error))}", markup=False)
        return ExitCode.FAILURE
    except OSError as error:
        err.print(f"quizgen: cannot write {visible(str(args.output))}: {error.strerror}", markup=False)
        return ExitCode.FAILURE
    err.print(f"wrote {args.output}", markup=False)
    return ExitCode.OK
