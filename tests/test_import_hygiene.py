"""The core never loads Textual: `check`, `show` and `export` stay fast and terminal-free."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = ["quizgen.facts.loader", "quizgen.decks", "quizgen.facts.schema", "quizgen.cli"]
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


@pytest.mark.parametrize("argv", [["check"], ["schema"]])
def test_commands_do_not_import_textual(argv: list[str]) -> None:
    code = LOADED_AFTER.format(argv=argv)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "False", done.stderr
