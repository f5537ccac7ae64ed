"""Argument types shared by the commands, so a bad number is refused by argparse with its usage line."""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def output_path(text: str) -> Path:
    """Where to write: a file, or a folder. "-o out/new/" names a folder, and Path would drop the
    slash that says so (writing a file called "new"): one that does not exist is refused."""
    if not text.strip():  # Path("") is the current folder: "-o ''" wrote the default file, unasked
        raise argparse.ArgumentTypeError("an empty name names no file; give a file or a folder")
    path = Path(text)
    if text.endswith(("/", os.sep)) and not path.expanduser().is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {text} (make it first, or leave off the final /)")
    return path
