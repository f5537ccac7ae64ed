"""Backing up and restoring progress: a copy taken safely while quizgen may be running, and a
restore that keeps the progress it replaces."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from quizgen.exporting.files import STANDARD_OUTPUT

from .store import APPLICATION_ID, DATABASE_NAME, SCHEMA_VERSION, StoreError, open_store, unreadable_row


def backup(source: Path, target: Path) -> int:
    """Copy the progress database ``source`` to ``target`` with SQLite's online backup (consistent even
    while the app writes). The source is only read: a damaged one is refused, never moved or repaired.

    Returns the number of reviews copied; refuses to overwrite anything.
    """
    if target.name == STANDARD_OUTPUT:
        raise StoreError("a backup is written as a file, not to standard output: give -o a file name")
    if target.exists() and not target.is_file() and not target.is_dir():
        raise StoreError(f"{target} is not a regular file but a device or pipe; give a file name")
    if target.exists():
        raise StoreError(f"{target} already exists; choose another name")
    reviews = check_backup(source)
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as db,
            closing(sqlite3.connect(target)) as copy,
        ):
            db.backup(copy)
    except sqlite3.Error as error:
        with suppress(OSError):  # a read-only folder refuses the removal as it refused the copy
            target.unlink(missing_ok=True)
        raise StoreError(f"cannot write the backup {target}: {error}") from None
    return reviews


def check_backup(source: Path) -> int:
    """That ``source`` is a quizgen progress database this version can read; returns its reviews."""
    if source.is_dir():
        raise StoreError(f"{source} is a folder; name the backup file in it")
    if not source.is_file():
        raise StoreError(f"no such file: {source}")
    try:
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as db:
            owner = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if owner != APPLICATION_ID:
                raise StoreError(f"{source} is not a quizgen progress database")
            if version > SCHEMA_VERSION:
                raise StoreError(f"{source} was written by a newer quizgen; please upgrade quizgen first")
            if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreError(f"{source} is damaged (SQLite's integrity check fails)")
            unreadable = unreadable_row(db)
            if unreadable is not None:
                raise StoreError(f"{source} is damaged: {unreadable}")
            return int(db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
    except sqlite3.Error as error:
        raise StoreError(f"{source} is not a readable SQLite database ({error})") from None


def restore(source: Path, data_dir: Path, now: dt.datetime) -> tuple[int, Path | None]:
    """Make ``source`` the progress in ``data_dir``; the progress it replaces is moved aside, not deleted.

    Returns the reviews restored and where the replaced progress went.
    """
    reviews = check_backup(source)
    current = data_dir / DATABASE_NAME
    if current.exists() and current.samefile(source):
        raise StoreError(f"{source} is the progress in use already; restore a backup of it instead")
    aside = None
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        if current.exists():
            with open_store(data_dir) as store:  # fold the write-ahead log into the file before moving it
                store.checkpoint()
                damaged = store.moved_aside  # a damaged file was kept aside, an empty one made
            moved = _free_name(current.with_name(f"{DATABASE_NAME}.before-restore-{now:%Y%m%d-%H%M%S}"))
            current.rename(moved)
            aside = damaged or moved  # only once moved: a failure before leaves the progress where it is
            if damaged is not None:
                moved.unlink()  # the empty file made in its place: nothing to keep
            for suffix in ("-wal", "-shm"):
                current.with_name(current.name + suffix).unlink(missing_ok=True)
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as db,
            closing(sqlite3.connect(current)) as new,
        ):
            db.backup(new)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot restore into {data_dir}: {error}{_put_back(aside, current)}") from None
    with open_store(data_dir):  # brings an older backup to the current schema
        pass
    return reviews, aside


def _put_back(aside: Path | None, current: Path) -> str:
    """After a failed restore, the progress it replaced goes back where it was; what to tell the user."""
    if aside is None:
        return ""
    try:
        current.unlink(missing_ok=True)  # half a copy, if any
        aside.rename(current)
    except OSError:
        return f"; your progress is safe in {aside}"
    return "; your progress is as it was"


def _free_name(path: Path) -> Path:
    """``path``, or ``path-2``, ``path-3``...: a second restore within a second never replaces the first's."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}-{number}")
    return candidate
