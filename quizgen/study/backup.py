"""Backing up and restoring progress: a copy taken safely while quizgen may be running, and a
restore that keeps the progress it replaces."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from .store import APPLICATION_ID, DATABASE_NAME, SCHEMA_VERSION, Store, StoreError, open_store


def backup(store: Store, target: Path) -> int:
    """Copy the progress database to ``target`` (SQLite's online backup: consistent even mid-session).

    Returns the number of reviews copied; refuses to overwrite anything.
    """
    if target.exists():
        raise StoreError(f"{target} already exists; choose another name")
    try:
        copy = sqlite3.connect(target)
        with copy:
            store.copy_into(copy)
        count = copy.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        copy.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise StoreError(f"cannot write the backup {target}: {error}") from None
    return int(count)


def check_backup(source: Path) -> int:
    """That ``source`` is a quizgen progress database this version can read; returns its reviews."""
    if not source.is_file():
        raise StoreError(f"no such file: {source}")
    try:
        db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            owner = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if owner != APPLICATION_ID:
                raise StoreError(f"{source} is not a quizgen progress database")
            if version > SCHEMA_VERSION:
                raise StoreError(f"{source} was written by a newer quizgen; please upgrade quizgen first")
            if db.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise StoreError(f"{source} is damaged (SQLite's integrity check fails)")
            return int(db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error as error:
        raise StoreError(f"{source} is not a readable SQLite database ({error})") from None


def restore(source: Path, data_dir: Path, now: dt.datetime) -> tuple[int, Path | None]:
    """Make ``source`` the progress in ``data_dir``; the progress it replaces is moved aside, not deleted.

    Returns the reviews restored and where the replaced progress went.
    """
    reviews = check_backup(source)
    data_dir.mkdir(parents=True, exist_ok=True)
    current = data_dir / DATABASE_NAME
    aside = None
    if current.exists():
        with open_store(data_dir) as store:  # checkpoint the WAL into the file before moving it
            store.checkpoint()
        aside = current.with_name(f"{DATABASE_NAME}.before-restore-{now:%Y%m%d-%H%M%S}")
        current.rename(aside)
        for suffix in ("-wal", "-shm"):
            current.with_name(current.name + suffix).unlink(missing_ok=True)
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target = sqlite3.connect(current)
    with target:
        source_db.backup(target)
    source_db.close()
    target.close()
    with open_store(data_dir):  # brings an older backup to the current schema
        pass
    return reviews, aside
