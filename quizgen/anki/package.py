"""Writing an .apkg: the same bytes for the same input and epoch, and never half a file.

genanki's own ``write_to_file`` dates each zip entry from a temporary file's
modification time, so two runs differ even with a fixed timestamp. Here the
collection is written by genanki into SQLite, and the zip is written by us
with every entry dated from the timestamp. The SQLite bytes depend on the
SQLite library's version too, so byte-identical holds on one build of it.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import genanki

COLLECTION_NAMES = frozenset({"collection.anki2", "collection.anki21", "collection.anki21b"})
_ZIP_EPOCH = 315532800  # 1980-01-01: the earliest date a zip entry can carry
_ZIP_LATEST = 4354819199  # 2107-12-31


class ExportError(Exception):
    """The export cannot be written as asked; the message says why, for a person."""


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), or None when unset."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ExportError(f"SOURCE_DATE_EPOCH must be a whole number of seconds, not {value!r}")
    return int(value)


def is_anki_package(path: Path) -> bool:
    """Whether a file is an Anki package: a zip holding an Anki collection."""
    try:
        with zipfile.ZipFile(path) as archive:
            return bool(COLLECTION_NAMES & set(archive.namelist()))
    except (OSError, zipfile.BadZipFile):
        return False


def check_destination(path: Path) -> None:
    """Refuse a missing folder, and a place taken by a folder or by any file but an Anki package."""
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give the package a file name")
    if path.exists() and not is_anki_package(path):
        raise ExportError(f"{path} exists and is not an Anki package; refusing to overwrite it")


def collection_bytes(package: genanki.Package, timestamp: float, first_id: int) -> bytes:
    """The package's collection as SQLite bytes; note and card ids count up from ``first_id``."""
    with tempfile.TemporaryDirectory(prefix="quizgen-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(first_id))
            connection.commit()
        finally:
            connection.close()
        return database.read_bytes()


def zip_entries(collection: bytes) -> Iterator[tuple[str, bytes]]:
    """What an .apkg holds: the collection, and a media map (empty: quizgen writes no media)."""
    yield "collection.anki2", collection
    yield "media", json.dumps({}).encode("utf-8")


def write_zip(handle: BinaryIO, entries: Iterator[tuple[str, bytes]], timestamp: float) -> None:
    """A zip whose every byte follows from its entries and the timestamp."""
    moment = min(max(int(timestamp), _ZIP_EPOCH), _ZIP_LATEST)
    date_time = time.gmtime(moment)[:6]
    with zipfile.ZipFile(handle, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the host
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write beside ``path`` and rename over it: readers see the old file or the new, never half.

    On any failure, an interruption included, the temporary file is removed
    and whatever was at ``path`` is left as it was.
    """
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _mode_for(path: Path) -> int:
    """Keep a replaced file's permissions; a new file gets the usual ones (mkstemp makes 0600)."""
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
