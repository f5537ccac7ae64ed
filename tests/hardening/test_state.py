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
