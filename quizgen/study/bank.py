"""A deck's questions, generated once and kept in SQLite, so the app opens a large deck at once.

Generating every question of a 50,000-fact deck takes a while; a study session
needs fifteen of them. The bank stores each question (pickled) with its fact,
kind and content position, plus what screens need besides (the deck's events
for the timeline, every entity label for judging typos), and answers the
session's questions with index look-ups.

A bank is keyed by a hash of quizgen's bank format, the seed, the year that
bounds date options, the deck recipe and every content file. To avoid hashing
a large library at every start, a small index remembers the key for the
files' sizes and modification times; any change to them means hashing again,
and a new key means building a new bank. Banks live in the user cache folder;
a broken one is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from quizgen.decks import Deck
from quizgen.facts.cache import cache_root, code_signature, load_cached
from quizgen.facts.dates import HistoricalDate
from quizgen.facts.errors import ContentError
from quizgen.facts.library import Library
from quizgen.facts.loader import default_relations_path
from quizgen.facts.model import Kind
from quizgen.facts.yamlread import read_bytes
from quizgen.paths import real
from quizgen.questions.answers import Vocabulary, adjective_rows, label_rows
from quizgen.questions.generate import current_year, generate_for_deck, recipe_problems
from quizgen.questions.model import Question
from quizgen.questions.wording import event_label

FORMAT = 4  # raise when Question or the tables change

SCHEMA = """
CREATE TABLE questions (position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, fact_id TEXT NOT NULL,
                        kind TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX questions_fact ON questions (fact_id);
CREATE INDEX questions_kind ON questions (kind, fact_id);
CREATE TABLE facts (number INTEGER PRIMARY KEY, fact_id TEXT NOT NULL UNIQUE);
CREATE TABLE events (position INTEGER PRIMARY KEY, label TEXT NOT NULL, date TEXT NOT NULL);
CREATE TABLE labels (entity TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL);
CREATE TABLE adjectives (entity TEXT NOT NULL, word TEXT NOT NULL);
"""


class QuestionRef(NamedTuple):
    """A stored question by what choosing a session needs: reading one costs no unpickling."""

    id: str
    fact_id: str
    kind: Kind


@dataclass(frozen=True)
class Bank:
    """Read access to one deck's stored questions."""

    path: Path
    _db: sqlite3.Connection

    def close(self) -> None:
        self._db.close()

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM questions").fetchone()[0])

    def counts_by_kind(self) -> dict[Kind, int]:
        rows = self._db.execute("SELECT kind, COUNT(*) FROM questions GROUP BY kind")
        return {Kind(kind): number for kind, number in rows}

    def ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM questions ORDER BY position")]

    def known(self, question_ids: Iterable[str]) -> set[str]:
        """Which of these question ids belong to the deck."""
        return self._column_for_ids("id", question_ids)

    def facts_of(self, question_ids: Iterable[str]) -> set[str]:
        """The facts these questions of the deck ask about."""
        return self._column_for_ids("fact_id", question_ids)

    def _column_for_ids(self, column: str, question_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        wanted = list(question_ids)
        for start in range(0, len(wanted), 500):  # below SQLite's limit on bound values
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT {column} FROM questions WHERE id IN ({marks})"
            found.update(row[0] for row in self._db.execute(query, chunk))
        return found

    def questions(self, question_ids: Sequence[str]) -> list[Question]:
        """The questions with these ids, in the order asked for."""
        by_id: dict[str, Question] = {}
        for start in range(0, len(question_ids), 500):
            chunk = list(question_ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for question_id, data in self._db.execute(
                f"SELECT id, data FROM questions WHERE id IN ({marks})", chunk
            ):
                by_id[question_id] = pickle.loads(data)
        return [by_id[i] for i in question_ids if i in by_id]

    def in_order(self, kinds: Sequence[Kind]) -> Iterator[tuple[str, str]]:
        """(question id, fact id) of the given kinds, in content order: for picking new cards."""
        marks = ",".join("?" * len(kinds))
        query = f"SELECT id, fact_id FROM questions WHERE kind IN ({marks}) ORDER BY position"
        yield from self._db.execute(query, [k.value for k in kinds])

    def sample_facts(self, rng: random.Random, count: int) -> list[str]:
        """Fact ids drawn at random, without reading the whole deck."""
        # facts are numbered 1, 2, ... as stored: the last number is the count, read from the end of the
        # table's b-tree instead of counting 50,000 rows
        total = int(self._db.execute("SELECT MAX(number) FROM facts").fetchone()[0] or 0)
        numbers = rng.sample(range(1, total + 1), min(count, total))
        marks = ",".join("?" * len(numbers))
        rows = dict(self._db.execute(f"SELECT number, fact_id FROM facts WHERE number IN ({marks})", numbers))
        return [rows[n] for n in numbers if n in rows]

    def for_facts(self, fact_ids: Sequence[str], kinds: Sequence[Kind]) -> list[QuestionRef]:
        """The facts' questions of these kinds, in content order, as references: a session keeps
        a few of them, and only those are worth unpickling (``questions``)."""
        if not fact_ids:
            return []
        wanted = {k.value: k for k in kinds}
        marks = ",".join("?" * len(fact_ids))
        rows = self._db.execute(  # by fact alone: one index probe per fact, not one per fact and kind
            f"SELECT id, fact_id, kind FROM questions WHERE fact_id IN ({marks}) ORDER BY position", fact_ids
        )
        return [QuestionRef(i, fact_id, wanted[kind]) for i, fact_id, kind in rows if kind in wanted]

    def sample_of_kind(self, kinds: Sequence[Kind], rng: random.Random, count: int) -> list[Question]:
        marks = ",".join("?" * len(kinds))
        ids = [
            row[0]
            for row in self._db.execute(
                f"SELECT id FROM questions WHERE kind IN ({marks})", [k.value for k in kinds]
            )
        ]
        return self.questions(rng.sample(ids, min(count, len(ids))))

    def events(self) -> list[tuple[str, HistoricalDate]]:
        from quizgen.facts.dates import parse_date

        return [
            (label, parse_date(date)) for label, date in self._db.execute("SELECT label, date FROM events")
        ]

    def event_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def vocabulary(self) -> Vocabulary:
        return Vocabulary.named(
            self._db.execute("SELECT entity, type, label FROM labels"),
            self._db.execute("SELECT entity, word FROM adjectives"),
        )


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, check_same_thread=False)
    db.execute("PRAGMA query_only = ON")
    if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
        db.close()
        raise sqlite3.DatabaseError("not a current question bank")
    return db


# ---------------------------------------------------------------------------
# Finding and building banks


def _stat_signature(deck: Deck, files: Sequence[Path]) -> str:
    parts = [f"{FORMAT}:{code_signature()}:{current_year()}"]
    for path in [deck.path, default_relations_path(), *files]:
        status = path.stat()
        parts.append(f"{real(path)}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _content_key(deck: Deck, files: Sequence[Path], seed: int) -> str:
    digest = hashlib.sha256(f"quizgen-bank:{FORMAT}:{code_signature()}:{seed}:{current_year()}".encode())
    for path in [deck.path, default_relations_path(), *files]:
        digest.update(str(real(path)).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(read_bytes(path))
    return digest.hexdigest()


def _index_path() -> Path:
    return cache_root() / "banks" / "index.json"


def _read_index() -> dict[str, str]:
    try:
        data = json.loads(_index_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _remember(signature: str, key: str) -> None:
    index = _read_index()
    if index.get(signature) == key:
        return
    index[signature] = key
    try:
        path = _index_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"index.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(index), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass


def built_bank(deck: Deck, files: Sequence[Path], seed: int = 0) -> Bank | None:
    """The deck's bank if a start with these very files built it: a few stats and one look-up, never
    a hash of the content nor a question generated. None: ``open_bank`` has work to do."""
    key = _read_index().get(_signature(deck, files, seed))
    return None if key is None else _opened(key)


def open_bank(deck: Deck, files: Sequence[Path], seed: int = 0) -> Bank:
    """The deck's bank, built first when the content changed; raises ContentError on broken content."""
    signature = _signature(deck, files, seed)
    known = _read_index().get(signature)
    bank = None if known is None else _opened(known)
    if bank is not None:
        return bank
    key = _content_key(deck, files, seed)
    bank = _opened(key)  # the same content under other sizes or times (a file touched, a checkout)
    if bank is None:
        library = load_cached(list(files))
        problems = recipe_problems(deck, library)
        if problems:
            raise ContentError(problems) from None
        bank = _build(_bank_path(key), deck, library, seed)
    _remember(signature, key)
    return bank


def _opened(key: str) -> Bank | None:
    """The bank stored under this key, or None when it is missing, broken or of another format."""
    path = _bank_path(key)
    try:
        return Bank(path, _connect(path))
    except sqlite3.Error:
        return None


def _signature(deck: Deck, files: Sequence[Path], seed: int) -> str:
    return f"{seed}:{_stat_signature(deck, files)}"


def _bank_path(key: str) -> Path:
    return cache_root() / "banks" / f"{key}.sqlite3"


def _build(path: Path, deck: Deck, library: Library, seed: int) -> Bank:
    questions = generate_for_deck(deck, library, seed=seed)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
        temporary.unlink(missing_ok=True)
        _write(temporary, deck, library, questions)
        temporary.replace(path)
        return Bank(path, _connect(path))
    except (OSError, sqlite3.Error):  # no cache folder to write: keep the bank in memory
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(memory, deck, library, questions)
        return Bank(path, memory)


def _write(path: Path, deck: Deck, library: Library, questions: Sequence[Question]) -> None:
    db = sqlite3.connect(path)
    try:
        _fill(db, deck, library, questions)
    finally:
        db.close()


def _fill(db: sqlite3.Connection, deck: Deck, library: Library, questions: Sequence[Question]) -> None:
    with db:
        db.executescript(SCHEMA)
        db.executemany(
            "INSERT INTO questions (id, fact_id, kind, data) VALUES (?,?,?,?)",
            (
                (q.id, q.fact_id, q.kind.value, pickle.dumps(q, protocol=pickle.HIGHEST_PROTOCOL))
                for q in questions
            ),
        )
        db.executemany(
            "INSERT INTO facts (fact_id) VALUES (?)",
            ((f,) for f in dict.fromkeys(q.fact_id for q in questions)),
        )
        statements = {s.id for s in deck.statements(library)}
        db.executemany(
            "INSERT INTO events (label, date) VALUES (?,?)",
            ((event_label(library, e), e.date.edtf()) for e in library.events if e.id in statements),
        )
        db.executemany(
            "INSERT INTO labels (entity, type, label) VALUES (?,?,?)",
            label_rows(library),
        )
        db.executemany("INSERT INTO adjectives (entity, word) VALUES (?,?)", adjective_rows(library))
        db.execute(f"PRAGMA user_version = {FORMAT}")
