"""Writing an .apkg: the same bytes for the same input and epoch, and never half a file.

genanki's own ``write_to_file`` dates each zip entry from a temporary file's
modification time, so two runs differ even with a fixed timestamp. Here the
collection is written by genanki into SQLite, and the zip is written by us
with every entry dated from the timestamp. The SQLite bytes depend on the
SQLite library's version too, so byte-identical holds on one build of it.
"""

from __future__ import annotations

import calendar
import itertools
import json
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import genanki

from quizgen.exporting.files import check_destination as check_any_destination

SERIALISES = hasattr(sqlite3.Connection, "serialize")  # SQLite built with its serialisation API
COLLECTION_NAMES = frozenset({"collection.anki2", "collection.anki21", "collection.anki21b"})


MARK = b"written by quizgen"  # the zip's comment: Anki ignores it, and a deck of Anki's own lacks it


def is_anki_package(path: Path) -> bool:
    """Whether a file is an Anki package quizgen wrote: a teacher's own export from Anki is never
    replaced."""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.comment == MARK and bool(COLLECTION_NAMES & set(archive.namelist()))
    except (OSError, zipfile.BadZipFile):
        return False


def check_destination(path: Path) -> None:
    """Refuse a missing folder, and a place taken by a folder or by any file but quizgen's package."""
    check_any_destination(path, is_anki_package, "an Anki package written by quizgen")


def collection_bytes(package: genanki.Package, timestamp: float, first_id: int) -> bytes:
    """The package's collection as SQLite bytes; note and card ids count up from ``first_id``.

    Built in memory and serialised where the SQLite library can (every current
    build): no temporary file to write and read back. The two ways hold the same
    rows; only the header's change counter differs, and one build always takes
    the same way.
    """
    if SERIALISES:
        connection = sqlite3.connect(":memory:")
        try:
            _write_collection(package, connection, timestamp, first_id)
            return connection.serialize()
        finally:
            connection.close()
    with tempfile.TemporaryDirectory(prefix="quizgen-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            _write_collection(package, connection, timestamp, first_id)
        finally:
            connection.close()
        return database.read_bytes()


def _write_collection(
    package: genanki.Package, connection: sqlite3.Connection, timestamp: float, first_id: int
) -> None:
    package.write_to_db(connection.cursor(), timestamp, itertools.count(first_id))
    connection.commit()


def stale_notes(path: Path, collection: bytes, timestamp: float) -> int:
    """How many notes of ``collection``, about to replace the package quizgen wrote at ``path``,
    changed yet are dated no later than there: Anki compares the dates on import and keeps its
    old copies of these.

    Most re-exports are told apart without opening the old collection: by the zip's date (to two
    seconds) when every note there is older, by the size and checksum when nothing changed.
    Anything else at ``path``, a damaged file included, has no notes to compare.
    """
    if not is_anki_package(path):
        return 0
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("collection.anki2")  # the one quizgen writes
            if int(timestamp) > calendar.timegm((*info.date_time, 0, 0, 0)) + 1:
                return 0
            if info.file_size == len(collection) and zlib.crc32(collection) == info.CRC:
                return 0
            before = archive.read(info)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return 0
    return _count_stale(before, collection)


_STALE = """SELECT count(*) FROM after.notes AS new JOIN before.notes AS old ON new.guid = old.guid
WHERE (new.flds != old.flds OR new.tags != old.tags) AND new.mod <= old.mod"""


def _count_stale(before: bytes, after: bytes) -> int:
    """The notes of ``after`` that changed from ``before`` yet are dated no later, counted by
    SQLite in one join."""
    with tempfile.TemporaryDirectory(prefix="quizgen-") as folder:
        connection = sqlite3.connect(":memory:")
        try:
            for name, collection in (("before", before), ("after", after)):
                if SERIALISES:
                    connection.execute(f"ATTACH ':memory:' AS {name}")
                    connection.deserialize(collection, name=name)
                else:
                    database = Path(folder) / f"{name}.anki2"
                    database.write_bytes(collection)
                    connection.execute(f"ATTACH ? AS {name}", (str(database),))
            (count,) = connection.execute(_STALE).fetchone()
        except sqlite3.Error:  # not a collection after all: nothing to warn of
            count = 0
        finally:
            connection.close()
    return int(count)


def zip_entries(collection: bytes) -> Iterator[tuple[str, bytes]]:
    """What an .apkg holds: the collection, and a media map (empty: quizgen writes no media)."""
    yield "collection.anki2", collection
    yield "media", json.dumps({}).encode("utf-8")
