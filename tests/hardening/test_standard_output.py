"""Standard output that cannot take what quizgen writes: a reader that stops early, a full disk.

Real processes, as a shell runs them: the interpreter's own last flush is part of what is tested.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]


def quizgen(*args: str, stdout: int | object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, check=False
    )


def test_a_reader_that_stops_early_gets_no_error() -> None:
    """`quizgen show --json | head -1` is a normal thing to type."""
    process = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "show", "soleimani", "--json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    first = process.stdout.readline()
    process.stdout.close()  # as head does after its line
    _, err = process.communicate()
    assert first.startswith(b'{"id": ')
    assert process.returncode == 1
    assert err == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["show", "soleimani"], ["check"]])
def test_a_full_disk_is_said_in_one_line(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = quizgen(*args, stdout=full)
    assert result.returncode == 1
    assert result.stderr.decode() == "quizgen: cannot write to standard output: No space left on device\n"
