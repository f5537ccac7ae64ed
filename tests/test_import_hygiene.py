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


# export to the null device: refused as "not an Anki package" once every module it needs is loaded
@pytest.mark.parametrize("argv", [["check"], ["schema"], ["export", "soleimani-timeline", "-o", os.devnull]])
def test_commands_do_not_import_textual(argv: list[str]) -> None:
    code = LOADED_AFTER.format(argv=argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "False", done.stderr
