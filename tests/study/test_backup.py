"""Backup and restore: a consistent copy, a restore that keeps what it replaces, refusals in words."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from fsrs import Card

from quizgen.cli import main
from quizgen.study.backup import restore
from quizgen.study.store import DATABASE_NAME, Review, StoreError, open_store

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def answer(data: Path, question: str) -> None:
    with open_store(data, now=NOW) as store:
        store.record(
            Review(question, question.split(":")[0], 1, NOW, 3, 1.0, "correct", "x"),
            Card().to_json(),
            NOW,
            2,
            None,
        )


def edited(path: Path, *statements: str) -> None:
    """A backup changed behind quizgen's back, as a hand or another program might."""
    with closing(sqlite3.connect(path)) as db:
        for statement in statements:
            db.execute(statement)
        db.commit()


def backed_up(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder with answers to a and b, and a backup taken between them (a only)."""
    data = tmp_path / "data"
    answer(data, "a:t:typed")
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--data-dir", str(data), "-o", str(copy)]) == 0
    answer(data, "b:t:typed")
    return data, copy


def test_backup_then_restore_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    answer(data, "a:t:typed")
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--data-dir", str(data), "-o", str(copy)]) == 0
    assert f"Backed up 1 review to {copy}" in capsys.readouterr().out  # not "1 reviews"
    answer(data, "b:t:typed")  # progress made after the backup
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "Restored 1 review " in out
    with open_store(data) as store:
        assert [r.question_id for r in store.reviews()] == ["a:t:typed"]
    (kept,) = data.glob(f"{DATABASE_NAME}.before-restore-*")
    assert f"kept as {kept}" in out
    replaced = sqlite3.connect(kept)
    assert replaced.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2  # nothing lost
    replaced.close()


def test_backup_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answer(tmp_path / "data", "a:t:typed")
    existing = tmp_path / "existing"
    existing.write_text("mine")
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", str(existing)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text() == "mine"


def test_a_backup_into_a_missing_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's "unable to open database file" did not say which part of the path was wrong."""
    answer(tmp_path / "data", "a:t:typed")
    target = tmp_path / "nowhere" / "copy.sqlite3"
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", str(target)]) == 1
    err = " ".join(capsys.readouterr().err.split())
    assert f"cannot write the backup {target}: the folder {target.parent} does not exist" in err
    assert not target.parent.exists()


def test_a_dash_is_no_place_for_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'-' reads as standard output; a database copy cannot go there, and no file named '-' appears."""
    answer(tmp_path / "data", "a:t:typed")
    monkeypatch.chdir(tmp_path)
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", "-"]) == 1
    assert "not to standard output: give -o a file name" in capsys.readouterr().err
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all" * 100, "not a readable SQLite database"),
        (None, "not a quizgen progress database"),
    ],
)
def test_restore_refuses_what_is_not_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    source = tmp_path / "source.sqlite3"
    if content is None:
        db = sqlite3.connect(source)
        db.execute("CREATE TABLE t (x)")
        db.commit()
        db.close()
    else:
        source.write_bytes(content)
    answer(tmp_path / "data", "a:t:typed")
    assert main(["restore", str(source), "--data-dir", str(tmp_path / "data")]) == 1
    assert message in capsys.readouterr().err
    with open_store(tmp_path / "data") as store:
        assert store.review_count() == 1  # untouched


def test_nothing_to_back_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--data-dir", str(tmp_path / "empty")]) == 1
    assert "no progress to back up" in capsys.readouterr().err


def test_a_damaged_database_is_refused_not_moved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DATABASE_NAME).write_bytes(b"garbage" * 200)
    assert main(["backup", "--data-dir", str(data), "-o", str(tmp_path / "copy")]) == 1
    assert "not a readable SQLite database" in capsys.readouterr().err
    assert (data / DATABASE_NAME).read_bytes() == b"garbage" * 200  # left exactly where it was
    assert not (tmp_path / "copy").exists()


def test_restore_into_a_place_that_is_not_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer(tmp_path / "data", "a:t:typed")
    copy = tmp_path / "copy.sqlite3"
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", str(copy)]) == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["restore", str(copy), "--data-dir", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert f"cannot restore into {blocker}" in err
    assert "Traceback" not in err


def test_restoring_the_progress_in_use_is_refused_and_it_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    answer(data, "a:t:typed")
    assert main(["restore", str(data / DATABASE_NAME), "--data-dir", str(data)]) == 1
    assert "is the progress in use already" in capsys.readouterr().err
    with open_store(data) as store:
        assert [r.question_id for r in store.reviews()] == ["a:t:typed"]
    assert list(data.glob(f"{DATABASE_NAME}.before-restore-*")) == []


def test_a_restore_that_fails_midway_puts_the_progress_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, copy = backed_up(tmp_path)

    connect = sqlite3.connect

    class FullDisk:
        """The backup's read-only connection, whose copy into the data folder fails."""

        def __init__(self, db: sqlite3.Connection) -> None:
            self.db = db

        def backup(self, target: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def __getattr__(self, name: str) -> object:
            return getattr(self.db, name)

    def connect_full(database: str, *args: object, **kwargs: object) -> object:
        db = connect(database, *args, **kwargs)
        return FullDisk(db) if "mode=ro" in str(database) else db

    monkeypatch.setattr(sqlite3, "connect", connect_full)
    capsys.readouterr()
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 1
    assert "disk is full; your progress is as it was" in capsys.readouterr().err
    monkeypatch.undo()
    with open_store(data) as store:
        assert sorted(r.question_id for r in store.reviews()) == ["a:t:typed", "b:t:typed"]


def test_a_folder_is_not_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["restore", str(tmp_path), "--data-dir", str(tmp_path / "data")]) == 1
    assert f"{tmp_path} is a folder; name the backup file in it" in capsys.readouterr().err


def test_two_restores_in_one_second_keep_both_replaced_progresses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, copy = backed_up(tmp_path)
    _, first = restore(copy, data, NOW)
    _, second = restore(copy, data, NOW)  # the same moment: the first's copy must survive
    assert first is not None
    assert second is not None
    assert first != second
    assert first.exists()
    assert second.exists()
    kept = sqlite3.connect(first)
    assert kept.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2  # what the first replaced
    kept.close()


def test_restoring_over_damaged_progress_names_the_damaged_file(tmp_path: Path) -> None:
    data, copy = backed_up(tmp_path)
    (data / DATABASE_NAME).write_bytes(b"damaged beyond reading" * 100)
    reviews, aside = restore(copy, data, NOW)
    assert reviews == 1
    assert aside is not None
    assert aside.read_bytes() == b"damaged beyond reading" * 100  # the user's file, not an empty one
    assert list(data.glob(f"{DATABASE_NAME}.before-restore-*")) == []
    with open_store(data) as store:
        assert [r.question_id for r in store.reviews()] == ["a:t:typed"]


def test_a_folder_takes_the_dated_name_and_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answer(tmp_path / "data", "a:t:typed")
    safe = tmp_path / "safe"
    safe.mkdir()
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", str(safe)]) == 0
    [copy] = safe.iterdir()
    assert copy.name.startswith("quizgen-progress-")
    assert copy.suffix == ".sqlite3"
    capsys.readouterr()
    assert main(["backup", "--data-dir", str(tmp_path / "data"), "-o", "/dev/full"]) == 1
    assert "/dev/full is not a regular file but a device or pipe" in capsys.readouterr().err


def test_a_copy_the_folder_refuses_is_reported_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder refuses the copy, then the removal of what the copy left."""
    import quizgen.study.backup as backup_module

    answer(tmp_path / "data", "a:t:typed")
    connect = sqlite3.connect

    def refusing(database: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        if str(database).endswith("copy.sqlite3"):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return connect(database, *args, **kwargs)

    def unlink(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(30, "Read-only file system", str(self))

    monkeypatch.setattr(backup_module.sqlite3, "connect", refusing)
    monkeypatch.setattr(Path, "unlink", unlink)
    code = main(["backup", "--data-dir", str(tmp_path / "data"), "-o", str(tmp_path / "copy.sqlite3")])
    err = capsys.readouterr().err
    assert code == 1
    assert "cannot write the backup" in err
    assert "internal error" not in err


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("UPDATE cards SET due = 'not a date'", "is damaged: the card of 'a:t:typed' cannot be read"),
        ("UPDATE cards SET card_json = '{'", "is damaged: the card of 'a:t:typed' cannot be read"),
        ("UPDATE reviews SET reviewed_at = 'soon'", "is damaged: a review of 'a:t:typed' cannot be read"),
        ("DROP TABLE sessions", "no such table: sessions"),
        (
            "INSERT INTO sessions (deck_id, mode, started_at, finished_at, total, points) "
            "VALUES (1, 'quiz', '2026-01-01T00:00:00+00:00', '2026-01-01T00:10:00+00:00', 5, 'lots')",
            "is damaged: a study session cannot be read",
        ),
    ],
)
def test_a_backup_the_app_could_not_read_is_refused_and_the_progress_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: str, message: str
) -> None:
    """Each passes SQLite's integrity check, and would have stopped the app at its first screen (a
    missing table or a session of 'lots' points was restored, then raised a traceback)."""
    data, copy = backed_up(tmp_path)
    edited(copy, edit)
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert str(copy) in err
    assert message in err
    with open_store(data) as store:
        assert store.review_count() == 2  # the progress in use, untouched
    assert not list(data.glob(f"{DATABASE_NAME}.before-restore-*"))  # nothing was moved
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".restoring")) == []


def test_a_backup_missing_a_column_is_refused_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The right version number over a table without its columns: not an "internal error"."""
    data, copy = backed_up(tmp_path)
    edited(copy, "DROP INDEX IF EXISTS cards_due", "ALTER TABLE cards DROP COLUMN due")
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{copy} is damaged: the card of 'a:t:typed' cannot be read" in err
    assert "internal error" not in err


def test_a_backup_that_cannot_become_the_progress_leaves_it_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old schema number over tables that exist: the migration fails. It failed after the
    progress had been moved aside, and every later start and restore failed with it."""
    data, copy = backed_up(tmp_path)
    edited(copy, "PRAGMA user_version = 0")
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 1
    assert "your progress is as it was" in capsys.readouterr().err
    with open_store(data) as store:
        assert store.review_count() == 2
    assert not list(data.glob(f"{DATABASE_NAME}.before-restore-*"))


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no advisory file locks here")
def test_restore_is_refused_while_the_app_has_the_progress_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Restoring under the running app deleted its write-ahead log: every later answer was lost."""
    data, copy = backed_up(tmp_path)
    with open_store(data):  # the study app, running
        assert main(["restore", str(copy), "--data-dir", str(data)]) == 1
        assert "the study app has the progress" in capsys.readouterr().err
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 0  # closed: it goes ahead


@pytest.mark.parametrize(
    "name", ["week#1.sqlite3", "100%.sqlite3", *(["what?.sqlite3"] if sys.platform != "win32" else [])]
)
def test_a_backup_may_have_any_file_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """ "week#1.sqlite3" was read as the URI "week" with a fragment: refused, and a file "week" made."""
    data = tmp_path / "da#ta"
    answer(data, "a:t:typed")
    copy = tmp_path / name
    assert main(["backup", "--data-dir", str(data), "-o", str(copy)]) == 0
    assert main(["restore", str(copy), "--data-dir", str(data)]) == 0
    assert "Restored 1 review " in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["da#ta", name])


def test_a_backup_is_one_file_that_reads_from_a_read_only_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup kept its write-ahead-log header, so reading it needed a shared-memory file beside it:
    impossible on a read-only stick. (Run as root, the folder's mode binds nothing; the header
    written is the point.)"""
    data = tmp_path / "data"
    answer(data, "a:t:typed")
    copy = tmp_path / "stick" / "copy.sqlite3"
    copy.parent.mkdir()
    assert main(["backup", "--data-dir", str(data), "-o", str(copy)]) == 0
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file: no -wal, no -shm
    copy.parent.chmod(0o555)
    try:
        assert main(["restore", str(copy), "--data-dir", str(data)]) == 0
    finally:
        copy.parent.chmod(0o755)
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite3"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no advisory file locks here")
def test_the_app_does_not_open_progress_a_restore_is_replacing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app took its lock after opening the file: one opened mid-restore ran unguarded, and a
    later restore pulled the progress from under it."""
    from quizgen.study import inuse
    from quizgen.study import store as store_module

    data, _ = backed_up(tmp_path)
    monkeypatch.setattr(store_module, "hold_shared", lambda folder: inuse.hold_shared(folder, wait=0.2))
    restoring = inuse.hold_exclusive(data)
    assert restoring is not None
    with pytest.raises(StoreError, match="a restore is replacing the progress"):
        open_store(data)
    restoring.release()
    with open_store(data) as app:  # the restore done: the app opens, and holds the progress
        assert app.review_count() == 2
        assert inuse.hold_exclusive(data) is None


def test_a_backup_beside_an_unfolded_log_is_not_read_without_it(tmp_path: Path) -> None:
    """Read as immutable, a file ignores its write-ahead log: the answers in it would be lost."""
    from quizgen.study.backup import _read_only

    path = tmp_path / "live.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("CREATE TABLE t (x)")
    db.execute("INSERT INTO t VALUES (1)")
    db.commit()  # in the log, not yet in the file
    assert (tmp_path / "live.sqlite3-wal").stat().st_size > 0
    with closing(_read_only(path)) as reader:
        assert reader.execute("SELECT x FROM t").fetchall() == [(1,)]
    db.close()
