"""The core never loads Textual: `check`, `show` and `export` stay fast and terminal-free."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CORE_MODULES = [
    "quizgen.facts.loader",
    "quizgen.decks",
    "quizgen.facts.schema",
    "quizgen.cli",
    "quizgen.anki.export",
    "quizgen.commands.export",
    "quizgen.commands.print",
    "quizgen.classroom.formats",
    "quizgen.classroom.printable",
]
LOADED_AFTER = """\
import contextlib, io, sys
from quizgen.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main({argv!r})
print("textual" in sys.modules)
"""


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# export and print to the null device: refused (not an Anki package, not a .pdf name) once every
# module they need is loaded
@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["schema"],
        ["export", "soleimani-timeline", "-o", os.devnull],
        ["export", "soleimani-timeline", "--format", "moodle", "-o", os.devnull],
        ["print", "soleimani-timeline", "-o", os.devnull],
    ],
)
def test_commands_do_not_import_textual(argv: list[str]) -> None:
    code = LOADED_AFTER.format(argv=argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "False", done.stderr
