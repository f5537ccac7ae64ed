"""Where bundled content and decks are found.

Look-up order: paths the user names, then ``./decks`` and ``./content`` in
the working directory, then the copy bundled with quizgen. Nothing here
creates a folder: looking a path up never changes the disk.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path


def real(path: Path) -> Path:
    """``path.resolve()`` that never raises: a link that loops stays as named, and is reported by
    whatever then reads it."""
    return Path(os.path.realpath(path))


def bundled_root() -> Path:
    """The folder holding the bundled ``content/`` and ``decks/``.

    In a wheel they are packaged as ``quizgen/_bundled``; in a source checkout
    they sit at the repository's top level, beside the package.
    """
    packaged = Path(str(resources.files("quizgen"))) / "_bundled"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent


def default_folders(cwd: Path | None = None) -> list[Path]:
    """``./decks`` and ``./content`` when the working directory has them, else the bundled ones."""
    here = cwd or Path.cwd()
    local = [here / name for name in ("content", "decks") if (here / name).is_dir()]
    if local:
        return local
    root = bundled_root()
    return [root / "content", root / "decks"]


def default_decks_folder(cwd: Path | None = None) -> Path:
    here = (cwd or Path.cwd()) / "decks"
    return here if here.is_dir() else bundled_root() / "decks"


def unwritable_folder(folder: Path) -> str | None:
    """Why no file can be made in ``folder``, or None: "the folder x does not exist", or, when a
    file stands where a folder is named ("notes.yaml/deck.apkg"), that it is a file."""
    if folder.is_dir():
        return None
    blocking = next((p for p in (folder, *folder.parents) if p.exists() or p.is_symlink()), None)
    if blocking is not None and not blocking.exists():  # a link to nothing
        return f"{blocking} is a link to {os.readlink(blocking)}, which does not exist"
    if blocking is not None and not blocking.is_dir():
        return f"{blocking} is a file, not a folder"
    return f"the folder {folder} does not exist"
