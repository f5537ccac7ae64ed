"""The progress store under bad conditions: old versions, unusable folders, a broken deck beside good
ones, a failed save during a session. A clear message every time; nothing deleted."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.study.store import DATABASE_NAME, SCHEMA_VERSION, StoreError, open_store

DATA = Path(__file__).parents[1] / "data"
# One fixture per earlier schema version; a new migration adds its predecessor's file here.
FIXTURES = {1: DATA / "progress-v1.sqlite3"}


def test_there_is_a_fixture_for_every_version() -> None:
    assert set(FIXTURES) == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", sorted(FIXTURES))
def test_every_earlier_version_opens_with_its_progress(tmp_path: Path, version: int) -> None:
    shutil.copy(FIXTURES[version], tmp_path / DATABASE_NAME)
    with open_store(tmp_path) as store:
        assert store.moved_aside is None
        reviews = store.reviews()
        assert [r.rating for r in reviews] == [3, 1, 4]
        assert reviews[0].question_id == "soleimani-born-in:born-in:typed"
        assert set(store.cards()) == {r.question_id for r in reviews}
        assert store.last_score(1763200000001) == pytest.approx(2 / 3)
        assert store.integrity_ok()
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_a_data_folder_that_cannot_be_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot create the data folder /proc/quizgen-progress"):
        open_store(Path("/proc/quizgen-progress"))


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root")
def test_a_read_only_data_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="is its folder writable"):
            open_store(folder)
    finally:
        folder.chmod(0o700)


def progress_with_answers(folder: Path) -> bytes:
    """A current progress file in ``folder`` holding three answers; its bytes, to see that they stay."""
    shutil.copy(FIXTURES[1], folder / DATABASE_NAME)
    with open_store(folder) as store:
        assert len(store.reviews()) == 3
    return (folder / DATABASE_NAME).read_bytes()


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not bind root")
def test_a_read_only_progress_file_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    """SQLite opens a read-only file without a word; the first answer was the first to fail, and the
    journal files it made were read-only too, failing again once the file was made writable."""
    kept = progress_with_answers(tmp_path)
    (tmp_path / DATABASE_NAME).chmod(0o444)
    with pytest.raises(StoreError, match=f"{tmp_path / DATABASE_NAME} is read-only; make it writable"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir() if "sqlite3" in p.name) == [DATABASE_NAME]
    (tmp_path / DATABASE_NAME).chmod(0o644)
    assert (tmp_path / DATABASE_NAME).read_bytes() == kept
    with open_store(tmp_path) as store:
        assert len(store.reviews()) == 3


@pytest.mark.parametrize("file", [DATABASE_NAME, DATABASE_NAME + "-shm"])
def test_the_app_says_which_progress_file_is_read_only(
    tmp_path: Path, file: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the first answer, not at it; without a traceback; and the progress stays as it was."""
    kept = progress_with_answers(tmp_path)
    read_only = tmp_path / file
    read_only.touch()
    access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != read_only and access(path, mode))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    monkeypatch.setattr("quizgen.tui.app.make_app", lambda config: pytest.fail("the app was started"))
    assert main(["study", "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"cannot save progress: {read_only} is read-only" in " ".join(err.split())
    assert "Traceback" not in err
    assert (tmp_path / DATABASE_NAME).read_bytes() == kept


def test_a_missing_data_folder_is_created(tmp_path: Path) -> None:
    with open_store(tmp_path / "new" / "folder") as store:
        assert store.path.exists()


def test_the_cli_says_so_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["study", "--data-dir", str(blocker / "progress")]) == 1
    err = capsys.readouterr().err
    assert f"cannot create the data folder {blocker / 'progress'}" in err
    assert "Traceback" not in err


def test_moved_aside_message_names_the_place(tmp_path: Path) -> None:
    (tmp_path / DATABASE_NAME).write_bytes(b"\x00garbage" * 512)
    now = dt.datetime(2026, 5, 1, 12, 30, 5, tzinfo=dt.UTC)
    with open_store(tmp_path, now=now) as store:
        assert store.moved_aside == tmp_path / f"{DATABASE_NAME}.unreadable-20260501-123005"
        assert store.moved_aside.exists()
