"""Backing up and restoring progress: a copy taken safely while quizgen may be running, and a
restore that keeps the progress it replaces."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from contextlib import closing, suppress
from pathlib import Path

from quizgen.exporting.files import STANDARD_OUTPUT
from quizgen.paths import unwritable_folder

from .inuse import hold_exclusive
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
    folder = unwritable_folder(target.parent)  # else SQLite's "unable to open database file"
    if folder is not None:
        raise StoreError(f"cannot write the backup {target}: {folder}")
    reviews = check_backup(source)
    try:
        with closing(_read_only(source)) as db, closing(sqlite3.connect(target)) as copy:
            db.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one file, readable from a read-only stick
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
        with closing(_read_only(source)) as db:
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

    The backup is copied beside the progress and opened as the app would open it (an older one
    brought to the current schema) before anything is moved: a backup that cannot become the
    progress leaves the progress as it was. Refused while the study app has the progress open.
    Returns the reviews restored and where the replaced progress went.
    """
    reviews = check_backup(source)
    current = data_dir / DATABASE_NAME
    if current.exists() and current.samefile(source):
        raise StoreError(f"{source} is the progress in use already; restore a backup of it instead")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot restore into {data_dir}: {error.strerror or error}") from None
    hold = hold_exclusive(data_dir)
    if hold is None:
        raise StoreError(
            f"the study app has the progress in {data_dir} open; close it, then restore "
            "(what it saves would go to the file being replaced)"
        )
    try:
        staged = _staged(source, data_dir, now)
        try:
            return reviews, _swap(staged / DATABASE_NAME, data_dir, current, now)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    finally:
        hold.release()


def _staged(source: Path, data_dir: Path, now: dt.datetime) -> Path:
    """A folder beside the progress holding the backup as the app would open it; raises StoreError."""
    staging = _free_name(data_dir / f".restoring-{now:%Y%m%d-%H%M%S}")
    try:
        staging.mkdir()
        with closing(_read_only(source)) as db, closing(sqlite3.connect(staging / DATABASE_NAME)) as copy:
            db.backup(copy)
        with open_store(staging, now=now, hold=False) as store:
            unreadable = None if store.moved_aside else store.unreadable()
            if store.moved_aside is None and unreadable is None:
                store.checkpoint()
    except (OSError, sqlite3.Error) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(f"cannot restore into {data_dir}: {error}; your progress is as it was") from None
    except StoreError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise StoreError(
            f"{source} cannot become your progress: {error}; your progress is as it was"
        ) from None
    if store.moved_aside is not None or unreadable is not None:
        shutil.rmtree(staging, ignore_errors=True)
        why = unreadable or "the app could not read it"
        raise StoreError(f"{source} is damaged: {why}; your progress is as it was")
    return staging


def _swap(staged: Path, data_dir: Path, current: Path, now: dt.datetime) -> Path | None:
    """Move the progress aside and the staged backup into its place; on failure, put it back."""
    aside = None
    try:
        if current.exists():
            with open_store(data_dir, hold=False) as store:  # fold the write-ahead log in before moving
                store.checkpoint()
                damaged = store.moved_aside  # a damaged file was kept aside, an empty one made
            moved = _free_name(current.with_name(f"{DATABASE_NAME}.before-restore-{now:%Y%m%d-%H%M%S}"))
            current.rename(moved)
            aside = damaged or moved  # only once moved: a failure before leaves the progress where it is
            if damaged is not None:
                moved.unlink()  # the empty file made in its place: nothing to keep
            for suffix in ("-wal", "-shm"):
                current.with_name(current.name + suffix).unlink(missing_ok=True)
        os.replace(staged, current)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"cannot restore into {data_dir}: {error}{_put_back(aside, current)}") from None
    return aside


def _read_only(path: Path) -> sqlite3.Connection:
    """``path`` opened for reading only, whatever its name holds ("week#1.sqlite3" is a file name,
    not a URI fragment), and from a read-only folder too (a USB stick), where SQLite cannot make
    the shared-memory file a write-ahead log would want."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True)
    try:
        db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as error:
        db.close()
        log = path.with_name(path.name + "-wal")
        if "unable to open" not in str(error) or (log.exists() and log.stat().st_size > 0):
            raise  # locked, or answers still in a write-ahead log that "immutable" would not read
        return sqlite3.connect(f"{uri}&immutable=1", uri=True)  # a backup file no one writes
    return db


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
