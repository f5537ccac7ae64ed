"""The core never loads Textual: `check`, `show` and `export` stay fast and terminal-free."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

FIRST_TO_LOAD_TEXTUAL = """\
import importlib, pkgutil, sys
import quizgen
names = sorted(m.name for m in pkgutil.walk_packages(quizgen.__path__, "quizgen."))
for name in names:
    if not name.startswith("quizgen.tui") and name != "quizgen.__main__":
        importlib.import_module(name)
        if "textual" in sys.modules:
            print(name)
            break
else:
    print(len(names))
"""
LOADED_AFTER = """\
import contextlib, io, sys
from quizgen.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main({argv!r})
print("textual" in sys.modules)
"""


def test_no_core_module_imports_textual() -> None:
    """Every module outside ``quizgen.tui`` (and ``__main__``, which runs), in turn; the output names the first that loads Textual."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_TO_LOAD_TEXTUAL], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().isdigit(), f"{done.stdout.strip()} imports textual"
    assert int(done.stdout) > 50  # the walk saw the package, not an empty path


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
