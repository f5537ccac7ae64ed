"""The progress store: committed per answer, undoable, versioned, and never destructive."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from fsrs import Card

from quizgen.study.scheduler import Scheduler
from quizgen.study.store import (
    DATABASE_NAME,
    SCHEMA_VERSION,
    Review,
    StoreError,
    default_data_dir,
    open_store,
)

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def review(question: str = "f:t:typed", rating: int = 3, at: dt.datetime = NOW) -> Review:
    return Review(
        question, question.split(":")[0], 7, at, rating, 1.0 if rating > 1 else 0.0, "correct", "answer"
    )


def test_each_review_is_committed_at_once(tmp_path: Path) -> None:
    store = open_store(tmp_path, now=NOW)
    store.record(review(), '{"card_id": 1}', NOW + dt.timedelta(days=1), 2, None)
    other = sqlite3.connect(tmp_path / DATABASE_NAME)  # another process would see it now
    assert other.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 1
    assert other.execute("SELECT reps FROM cards").fetchone()[0] == 1
    other.close()
    store.close()


def test_cards_and_reviews_round_trip(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW) as store:
        store.record(review("a:t:typed"), "{}", NOW + dt.timedelta(days=2), 2, None)
        store.record(
            review("a:t:typed", rating=1, at=NOW + dt.timedelta(days=2)),
            "{}",
            NOW + dt.timedelta(days=2, minutes=10),
            3,
            "{}",
        )
        card = store.cards(["a:t:typed", "missing"])["a:t:typed"]
        assert (card.reps, card.lapses, card.state) == (2, 1, 3)
        assert card.due == NOW + dt.timedelta(days=2, minutes=10)
        assert [r.rating for r in store.reviews()] == [3, 1]
        assert store.first_seen_since(NOW) == 1
        assert store.facts_studied_since(NOW) == {"a"}


def test_undo_restores_the_previous_schedule(tmp_path: Path) -> None:
    from fsrs import Card

    before = Card(card_id=1, due=NOW + dt.timedelta(days=5))
    with open_store(tmp_path, now=NOW) as store:
        store.record(review(), before.to_json(), before.due, int(before.state), None)
        second = store.record(review(rating=1), "{}", NOW + dt.timedelta(minutes=10), 3, before.to_json())
        store.undo(second)
        card = store.cards()["f:t:typed"]
        assert card.due == before.due
        assert card.reps == 1
        assert len(store.reviews()) == 1
        first = store.reviews()[0]
        assert first.rating == 3


def test_undo_of_a_first_review_forgets_the_card(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW) as store:
        review_id = store.record(review(), "{}", NOW, 1, None)
        store.undo(review_id)
        assert store.cards() == {}
        assert store.reviews() == []


def test_sessions_and_last_score(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW) as store:
        assert store.last_score(7) is None
        session = store.start_session(7, "quiz", NOW)
        store.finish_session(session, NOW, 4, 3.0)
        assert store.last_score(7) == 0.75
        retry = store.start_session(7, "quiz", NOW, retry=True)  # the one mistake, right at last
        store.finish_session(retry, NOW, 1, 1.0)
        assert store.last_score(7) == 0.75  # the deck's score is still the session's


def test_schema_has_a_version(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW):
        pass
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_a_corrupt_file_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    garbage = b"this is not a database" * 100
    (tmp_path / DATABASE_NAME).write_bytes(garbage)
    with open_store(tmp_path, now=NOW) as store:
        assert store.moved_aside == tmp_path / f"{DATABASE_NAME}.unreadable-20260302-090000"
        assert store.moved_aside.read_bytes() == garbage
        assert store.review_count() == 0


def test_a_database_with_a_damaged_page_is_moved_aside(tmp_path: Path) -> None:
    """SQLite raises on a malformed page instead of reporting it: still a file to keep aside, not a crash."""
    with open_store(tmp_path, now=NOW):
        pass
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    with db:
        db.execute("CREATE TABLE ballast (data BLOB)")  # pages enough that one can be damaged
        db.executemany("INSERT INTO ballast VALUES (?)", [(bytes(500),)] * 100)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = tmp_path / DATABASE_NAME
    data = bytearray(path.read_bytes())
    page = 4096
    data[page : 2 * page] = b"\xaa" * page
    path.write_bytes(bytes(data))
    with open_store(tmp_path, now=NOW) as store:
        assert store.moved_aside is not None
        assert store.moved_aside.read_bytes() == bytes(data)
        assert store.review_count() == 0


def test_a_foreign_database_is_moved_aside(tmp_path: Path) -> None:
    foreign = sqlite3.connect(tmp_path / DATABASE_NAME)
    foreign.execute("CREATE TABLE recipes (name TEXT)")
    foreign.execute("INSERT INTO recipes VALUES ('soup')")
    foreign.commit()
    foreign.close()
    with open_store(tmp_path, now=NOW) as store:
        assert store.moved_aside is not None
        kept = sqlite3.connect(store.moved_aside)
        assert kept.execute("SELECT name FROM recipes").fetchall() == [("soup",)]
        kept.close()


def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    with open_store(tmp_path, now=NOW):
        pass
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer quizgen"):
        open_store(tmp_path, now=NOW)


def test_unusable_data_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the data folder"):
        open_store(blocker / "sub", now=NOW)


def test_data_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QUIZGEN_DATA_DIR", str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"
    monkeypatch.delenv("QUIZGEN_DATA_DIR")
    assert default_data_dir().name == "quizgen"
    assert not (tmp_path / "mine").exists()  # looking a path up never creates it


def test_a_row_edited_into_nonsense_is_left_out_and_counted(tmp_path: Path) -> None:
    """A due date of 'notadate' stopped the app at its first screen with a traceback; a schedule
    of '{' stopped the flashcards. Such rows are left out (the student is told how many)."""
    with open_store(tmp_path, now=NOW) as store:
        for question in ("a:t:typed", "b:t:typed", "c:t:typed"):
            store.record(review(question), Card().to_json(), NOW, 2, None)
        session = store.start_session(7, "quiz", NOW)
        store.finish_session(session, NOW, 5, 4.0)
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("UPDATE cards SET due = 'notadate' WHERE question_id = 'a:t:typed'")
    db.execute("UPDATE cards SET card_json = '{' WHERE question_id = 'b:t:typed'")
    db.execute("UPDATE reviews SET reviewed_at = 'soon' WHERE question_id = 'c:t:typed'")
    db.execute("UPDATE sessions SET points = 'lots'")
    db.execute(
        "INSERT INTO cards SELECT 'd:t:typed', fact_id, card_json, 'now', state, reps, lapses, first_seen,"
        " last_review FROM cards WHERE question_id = 'c:t:typed'"
    )
    db.execute(
        "INSERT INTO cards SELECT 'e:t:typed', fact_id, '[]', 2460000, state, reps, lapses, first_seen,"
        " last_review FROM cards WHERE question_id = 'c:t:typed'"
    )
    db.commit()
    db.close()
    with open_store(tmp_path, now=NOW) as store:
        assert store.moved_aside is None  # the file is kept: two good rows are still good
        assert store.left_out == 0  # nothing read yet: nothing is scanned for them at start
        cards = store.cards()
        assert sorted(cards) == ["b:t:typed", "c:t:typed"]  # 'now' and a number are no dates to the app
        assert store.left_out == 3
        assert Scheduler().card("b:t:typed", cards["b:t:typed"], NOW).last_review is None  # afresh
        assert [r.question_id for r in store.reviews()] == ["a:t:typed", "b:t:typed"]
        assert store.left_out == 4
        store.cards()
        assert store.left_out == 4  # each row counted once, however often it is read
        assert store.last_score(7) is None
