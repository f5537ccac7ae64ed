"""The progress store: every answer and every schedule, in SQLite, committed as it happens.

Progress is keyed by question ids (statement + template + kind), so editing a
fact's wording keeps its schedule. The schema carries a version
(``PRAGMA user_version``) and is brought forward by numbered migrations.
A database that is corrupt or not ours is moved aside, never deleted.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from fsrs import Card
from platformdirs import user_data_path

from .inuse import Hold, hold_shared

APP_NAME = "quizgen"
DATABASE_NAME = "progress.sqlite3"
RETRY = " retry"  # how a session of retried mistakes is stored beside its mode: "quiz retry"
APPLICATION_ID = 0x71756967  # "quig": marks the file as ours (PRAGMA application_id)

MIGRATIONS: tuple[str, ...] = (
    # 1: cards with their fsrs state, every review, and study sessions
    """
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,
        fact_id     TEXT NOT NULL,
        card_json   TEXT NOT NULL,
        due         TEXT NOT NULL,
        state       INTEGER NOT NULL,
        reps        INTEGER NOT NULL DEFAULT 0,
        lapses      INTEGER NOT NULL DEFAULT 0,
        first_seen  TEXT NOT NULL,
        last_review TEXT
    );
    CREATE INDEX cards_due ON cards (due);
    CREATE INDEX cards_fact ON cards (fact_id);
    CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        deck_id     INTEGER NOT NULL,
        mode        TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        total       INTEGER NOT NULL DEFAULT 0,
        points      REAL NOT NULL DEFAULT 0
    );
    CREATE TABLE reviews (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        question_id  TEXT NOT NULL,
        fact_id      TEXT NOT NULL,
        deck_id      INTEGER NOT NULL,
        session_id   INTEGER REFERENCES sessions (id),
        reviewed_at  TEXT NOT NULL,
        rating       INTEGER NOT NULL,
        points       REAL NOT NULL,
        verdict      TEXT NOT NULL,
        answer       TEXT NOT NULL,
        duration_ms  INTEGER,
        card_before  TEXT
    );
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE INDEX reviews_question ON reviews (question_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The progress store cannot be used; the message says where and why, for a person."""


@dataclass(frozen=True, slots=True)
class StoredCard:
    question_id: str
    fact_id: str
    card_json: str
    due: dt.datetime
    state: int
    reps: int
    lapses: int
    last_review: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Review:
    question_id: str
    fact_id: str
    deck_id: int
    reviewed_at: dt.datetime
    rating: int
    points: float
    verdict: str
    answer: str
    duration_ms: int | None = None
    session_id: int | None = None


def default_data_dir() -> Path:
    """``QUIZGEN_DATA_DIR`` when set, else the platform's user data folder. Nothing is created here."""
    override = os.environ.get("QUIZGEN_DATA_DIR")
    return Path(override).expanduser() if override else user_data_path(APP_NAME, appauthor=False)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="milliseconds")


def _parse(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


class Store:
    """One progress database. Open with :func:`open_store`; use as a context manager to close it."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        moved_aside: Path | None = None,
        hold: Hold | None = None,
    ) -> None:
        self._db = connection
        self.path = path
        self.moved_aside = moved_aside  # where a corrupt or foreign file was put, to tell the student
        self._hold = hold  # tells a restore that this progress is open
        self._left_out: set[tuple[str, object]] = set()  # rows that could not be read (see left_out)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        if self._hold is not None:
            self._hold.release()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed before returning: an answer given is an answer kept."""
        with self._db:
            yield self._db

    # -- cards --------------------------------------------------------------

    def cards(self, question_ids: Iterable[str] | None = None) -> dict[str, StoredCard]:
        if question_ids is None:
            rows = self._db.execute("SELECT * FROM cards").fetchall()
        else:
            wanted = list(question_ids)
            rows = []
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    f"SELECT * FROM cards WHERE question_id IN ({marks})", chunk
                ).fetchall()
        cards = {}
        for row in rows:
            card = _readable(_card, row)
            if card is None:
                self._left_out.add(("card", row["question_id"]))
            else:
                cards[row["question_id"]] = card
        return cards

    @property
    def left_out(self) -> int:
        """How many cards and reviews were left out as they were read, because the app cannot read
        them back (a file edited by hand): counted where they are read, so nothing is scanned for
        them at start and the count is what the app actually skipped."""
        return len(self._left_out)

    def record(
        self, review: Review, card_json: str, due: dt.datetime, state: int, card_before: str | None
    ) -> int:
        """Store a review and the card's new schedule in one commit; returns the review's id."""
        with self._write() as db:
            return _insert(db, Recorded(review, card_json, due, state, card_before))

    def undo(self, review_id: int) -> Review | None:
        """Take a review back: the card returns to the schedule it had before it."""
        with self._write() as db:
            row = _remove(db, review_id)
            return None if row is None else _review(row)

    def replace(self, review_id: int, recompute: Callable[[StoredCard | None], Recorded]) -> int:
        """Take a review back and record its replacement in one commit: never neither, never both.

        ``recompute`` gets the card as it was before the review and returns the replacement.
        """
        with self._write() as db:
            row = _remove(db, review_id)
            if row is None:
                raise StoreError(f"review {review_id} is not in the progress database")
            stored = db.execute("SELECT * FROM cards WHERE question_id = ?", (row["question_id"],)).fetchone()
            return _insert(db, recompute(None if stored is None else _card(stored)))

    # -- sessions -----------------------------------------------------------

    def start_session(self, deck_id: int, mode: str, now: dt.datetime, *, retry: bool = False) -> int:
        """A session begins; a retry of mistakes is stored as such ("quiz retry")."""
        stored = f"{mode}{RETRY}" if retry else mode
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sessions (deck_id, mode, started_at) VALUES (?,?,?)",
                (deck_id, stored, _iso(now)),
            )
            return int(cursor.lastrowid or 0)

    def finish_session(self, session_id: int, now: dt.datetime, total: int, points: float) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE sessions SET finished_at=?, total=?, points=? WHERE id=?",
                (_iso(now), total, points, session_id),
            )

    def last_score(self, deck_id: int) -> float | None:
        """The share of points in the deck's last finished session (a retry of its mistakes, all
        right at last, is not the deck's score)."""
        row = self._db.execute(
            "SELECT total, points FROM sessions WHERE deck_id=? AND finished_at IS NOT NULL AND total > 0"
            " AND mode NOT LIKE ? ORDER BY id DESC LIMIT 1",
            (deck_id, f"%{RETRY}"),
        ).fetchone()
        if row is None or not isinstance(row["points"], int | float) or not isinstance(row["total"], int):
            return None  # a session edited by hand: no score rather than a stopped app
        return row["points"] / row["total"]

    # -- reading reviews ----------------------------------------------------

    def reviews(
        self, since: dt.datetime | None = None, question_ids: Sequence[str] | None = None
    ) -> list[Review]:
        query, params = "SELECT * FROM reviews", []
        if since is not None:
            query += " WHERE reviewed_at >= ?"
            params.append(_iso(since))
        rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        reviews = []
        for row in rows:
            review = _readable(_review, row)
            if review is None:
                self._left_out.add(("review", row["id"]))
            else:
                reviews.append(review)
        if question_ids is not None:
            wanted = set(question_ids)
            reviews = [r for r in reviews if r.question_id in wanted]
        return reviews

    def facts_studied_since(self, since: dt.datetime) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT fact_id FROM reviews WHERE reviewed_at >= ?", (_iso(since),))
        return {row["fact_id"] for row in rows}

    def first_seen_since(self, since: dt.datetime) -> int:
        """How many cards were answered for the first time since ``since`` (today's new cards)."""
        row = self._db.execute("SELECT COUNT(*) FROM cards WHERE first_seen >= ?", (_iso(since),)).fetchone()
        return int(row[0])

    def review_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])

    def copy_into(self, target: sqlite3.Connection) -> None:
        """SQLite's online backup: a consistent copy even while another app writes."""
        self._db.backup(target)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database file (before the file is moved)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def unreadable(self) -> str | None:
        """The first row the app could not read back, named; None when every row reads."""
        return unreadable_row(self._db)

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@dataclass(frozen=True, slots=True)
class Recorded:
    """A review with the schedule it gives its card (and the schedule before, to undo it)."""

    review: Review
    card_json: str
    due: dt.datetime
    state: int
    card_before: str | None


def _insert(db: sqlite3.Connection, recorded: Recorded) -> int:
    review = recorded.review
    cursor = db.execute(
        "INSERT INTO reviews (question_id, fact_id, deck_id, session_id, reviewed_at, rating, points,"
        " verdict, answer, duration_ms, card_before) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            review.question_id,
            review.fact_id,
            review.deck_id,
            review.session_id,
            _iso(review.reviewed_at),
            review.rating,
            review.points,
            review.verdict,
            review.answer,
            review.duration_ms,
            recorded.card_before,
        ),
    )
    lapse = 1 if review.rating == 1 and recorded.card_before else 0
    db.execute(
        "INSERT INTO cards (question_id, fact_id, card_json, due, state, reps, lapses, first_seen,"
        " last_review) VALUES (?,?,?,?,?,1,?,?,?) ON CONFLICT (question_id) DO UPDATE SET"
        " card_json=excluded.card_json, due=excluded.due, state=excluded.state, reps=reps+1,"
        " lapses=lapses+excluded.lapses, last_review=excluded.last_review",
        (
            review.question_id,
            review.fact_id,
            recorded.card_json,
            _iso(recorded.due),
            recorded.state,
            lapse,
            _iso(review.reviewed_at),
            _iso(review.reviewed_at),
        ),
    )
    return int(cursor.lastrowid or 0)


def _remove(db: sqlite3.Connection, review_id: int) -> sqlite3.Row | None:
    """Delete a review and put its card back to the schedule it had before; the deleted row."""
    row = db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM reviews WHERE id = ?", (review_id,))
    before = row["card_before"]
    if before is None:
        db.execute("DELETE FROM cards WHERE question_id = ?", (row["question_id"],))
        return row
    card = Card.from_json(before)
    previous = db.execute(
        "SELECT reviewed_at FROM reviews WHERE question_id = ? ORDER BY id DESC LIMIT 1",
        (row["question_id"],),
    ).fetchone()
    db.execute(
        "UPDATE cards SET card_json=?, due=?, state=?, reps=reps-1,"
        " lapses=lapses-(CASE WHEN ?=1 THEN 1 ELSE 0 END), last_review=? WHERE question_id=?",
        (
            before,
            _iso(card.due),
            int(card.state),
            row["rating"],
            previous["reviewed_at"] if previous else None,
            row["question_id"],
        ),
    )
    return row


def unreadable_row(db: sqlite3.Connection) -> str | None:
    """The first row the app could not read back (a date that is no date, a schedule that is not
    JSON), named; None when every row reads. A database quizgen wrote always reads: this is for
    a file brought in from elsewhere, before it becomes the student's progress."""
    rows = db.cursor()
    rows.row_factory = sqlite3.Row  # on its own cursor: the connection stays as its owner set it
    for row in rows.execute("SELECT * FROM cards"):
        try:
            _card(row)
            Card.from_json(row["card_json"])
        except (ValueError, TypeError, KeyError, IndexError) as error:
            return f"the card of {_named(row)} cannot be read ({error})"
    for row in rows.execute("SELECT * FROM reviews"):
        try:
            _review(row)
            if row["card_before"] is not None:
                Card.from_json(row["card_before"])
        except (ValueError, TypeError, KeyError, IndexError) as error:
            return f"a review of {_named(row)} cannot be read ({error})"
    for row in rows.execute("SELECT * FROM sessions"):
        try:
            dt.datetime.fromisoformat(row["started_at"])
            _parse(row["finished_at"])
            if not isinstance(row["total"], int) or not isinstance(row["points"], int | float):
                raise ValueError(f"its total {row['total']!r} or points {row['points']!r} is no number")
        except (ValueError, TypeError, KeyError, IndexError) as error:
            return f"a study session cannot be read ({error})"
    return None


_Row = TypeVar("_Row")


def _readable(read: Callable[[sqlite3.Row], _Row], row: sqlite3.Row) -> _Row | None:
    """A row as the app reads it, or None when it cannot be read (see ``Store.left_out``)."""
    try:
        return read(row)
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _named(row: sqlite3.Row) -> str:
    """A row's question id, for a message, even from a row without one."""
    return repr(row["question_id"]) if "question_id" in row.keys() else "a question"  # noqa: SIM118 (a Row's `in` looks at values)


def _card(row: sqlite3.Row) -> StoredCard:
    return StoredCard(
        question_id=row["question_id"],
        fact_id=row["fact_id"],
        card_json=row["card_json"],
        due=dt.datetime.fromisoformat(row["due"]),
        state=row["state"],
        reps=row["reps"],
        lapses=row["lapses"],
        last_review=_parse(row["last_review"]),
    )


def _review(row: sqlite3.Row) -> Review:
    return Review(
        question_id=row["question_id"],
        fact_id=row["fact_id"],
        deck_id=row["deck_id"],
        reviewed_at=dt.datetime.fromisoformat(row["reviewed_at"]),
        rating=row["rating"],
        points=row["points"],
        verdict=row["verdict"],
        answer=row["answer"],
        duration_ms=row["duration_ms"],
        session_id=row["session_id"],
    )


# ---------------------------------------------------------------------------
# Opening, migrating, and moving aside what is not ours


def open_store(data_dir: Path | None = None, *, now: dt.datetime | None = None, hold: bool = True) -> Store:
    """Open (creating if needed) the progress database in ``data_dir``, held open against a
    restore until closed (``hold=False``: the restore's own look at it).

    A corrupt or foreign file is renamed ``progress.sqlite3.unreadable-<time>``
    beside the new one, and ``Store.moved_aside`` says where.
    """
    folder = data_dir or default_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the data folder {folder}: {error.strerror or error}") from None
    held = None
    if hold:  # before the file is opened: a restore swapping it this moment finishes first
        held = hold_shared(folder)
        if held is None:
            raise StoreError(f"a restore is replacing the progress in {folder}; try again in a moment")
    try:
        store = _open(folder, now)
    except BaseException:
        if held is not None:
            held.release()
        raise
    store._hold = held
    return store


def _open(folder: Path, now: dt.datetime | None) -> Store:
    path = folder / DATABASE_NAME
    try:
        return Store(_connect(path), path)
    except _Unusable as reason:
        aside = path.with_name(f"{DATABASE_NAME}.unreadable-{(now or dt.datetime.now(dt.UTC)):%Y%m%d-%H%M%S}")
        try:
            path.rename(aside)
            for suffix in ("-wal", "-shm"):
                sidecar = path.with_name(path.name + suffix)
                if sidecar.exists():
                    sidecar.rename(aside.with_name(aside.name + suffix))
        except OSError as error:
            raise StoreError(
                f"{path} {reason}, and it cannot be moved aside: {error.strerror or error}"
            ) from None
        try:
            return Store(_connect(path), path, moved_aside=aside)
        except (_Unusable, sqlite3.Error) as error:
            raise StoreError(f"cannot start a new progress database at {path}: {error}") from None


class _Unusable(Exception):
    """The file is not a quizgen progress database we can read."""


def _connect(path: Path) -> sqlite3.Connection:
    existed = path.exists() and path.stat().st_size > 0
    _check_writable(path)
    try:
        db = sqlite3.connect(path, timeout=10.0, isolation_level="DEFERRED", check_same_thread=False)
    except sqlite3.Error as error:
        raise StoreError(
            f"cannot open the progress database {path}: {error} (is its folder writable?)"
        ) from None
    try:
        _check(db, path, existed)
    except BaseException:
        db.close()
        raise
    return db


def _check(db: sqlite3.Connection, path: Path, existed: bool) -> None:
    """Set the connection up, and make sure the file is ours, readable and current."""
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA journal_mode = WAL")  # a second instance reads and writes alongside
        # In WAL mode a commit survives any crash of quizgen itself (the kill test proves it); only a
        # crash of the whole machine could lose the last answer, and NORMAL spares a disk flush per answer.
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        owner = db.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.OperationalError as error:  # the folder or file cannot be opened or written
        hint = "another program holds it; try again" if "locked" in str(error) else "is its folder writable?"
        raise StoreError(f"cannot open the progress database {path}: {error} ({hint})") from None
    except sqlite3.DatabaseError:  # the file is not SQLite, or is damaged
        raise _Unusable("is not a readable SQLite database") from None
    if existed and owner != APPLICATION_ID:
        raise _Unusable("is not a quizgen progress database")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer quizgen (schema {version}); please upgrade quizgen")
    try:
        _migrate(db, version)
        if existed and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise _Unusable("failed SQLite's integrity check")
    except sqlite3.OperationalError as error:  # locked, or a full disk: the file itself is fine
        raise StoreError(f"cannot open the progress database {path}: {error}") from None
    except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
        raise  # a bug in a migration, not a damaged file: never move good progress aside for it
    except sqlite3.DatabaseError:  # a damaged page: the check itself cannot finish
        raise _Unusable("failed SQLite's integrity check") from None


def _check_writable(path: Path) -> None:
    """Refuse a progress file (or its journal) that cannot be written, before SQLite opens it: SQLite
    opens it read-only without a word, the first answer would be the first to fail, and its journal
    files would be made read-only too, to fail again once the file itself is mended."""
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists() and not os.access(file, os.W_OK):
            raise StoreError(
                f"cannot save progress: {file} is read-only; make it writable, "
                "or give another folder with --data-dir"
            )


def _migrate(db: sqlite3.Connection, version: int) -> None:
    for number in range(version, SCHEMA_VERSION):
        with db:
            db.executescript("BEGIN;" + MIGRATIONS[number] + f"; PRAGMA user_version = {number + 1};")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
