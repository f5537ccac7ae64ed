"""Hermetic exports: the same content gives the same notes, ids and GUIDs; with an epoch, the same bytes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from quizgen.anki.export import export_timestamp, first_note_id, guid_for

from .conftest import DATA, T1, export


def collection_rows(package: Path, folder: Path) -> dict[str, list[tuple]]:
    """The notes and cards inside a package, read straight from its SQLite collection."""
    database = folder / f"{package.stem}.anki2"
    with zipfile.ZipFile(package) as archive:
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        return {
            "notes": connection.execute("select id, guid, mid, mod, flds from notes order by id").fetchall(),
            "cards": connection.execute(
                "select id, nid, did, ord, due, mod from cards order by id"
            ).fetchall(),
        }
    finally:
        connection.close()


def cli_export(target: str, output: Path, epoch: int, hash_seed: str) -> None:
    """Run the real command in a fresh process: set and dict order must not leak into the file."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", "export", target, "-o", str(output)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_two_exports_with_source_date_epoch_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    cli_export("soleimani", first, T1, hash_seed="1")
    cli_export("soleimani", second, T1, hash_seed="2")
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert {info.date_time for info in archive.infolist()} == {time.gmtime(T1)[:6]}
        assert archive.read("media") == b"{}"
    rows = collection_rows(first, tmp_path)
    assert {mod for *_, mod, _ in rows["notes"]} == {T1}
    assert {mod for *_, mod in rows["cards"]} == {T1}


def test_without_an_epoch_notes_ids_and_guids_still_repeat(tmp_path: Path) -> None:
    early = export("soleimani", tmp_path / "early.apkg", timestamp=T1)
    late = export("soleimani", tmp_path / "late.apkg", timestamp=T1 + 3600.5)
    assert early.path.read_bytes() != late.path.read_bytes()  # the dates differ, as they must for updates
    early_rows, late_rows = collection_rows(early.path, tmp_path), collection_rows(late.path, tmp_path)
    same_notes = [(note_id, guid, model, fields) for note_id, guid, model, _, fields in early_rows["notes"]]
    assert same_notes == [
        (note_id, guid, model, fields) for note_id, guid, model, _, fields in late_rows["notes"]
    ]
    same_cards = [row[:5] for row in early_rows["cards"]]
    assert same_cards == [row[:5] for row in late_rows["cards"]]
    assert {guid for _, guid, *_ in early_rows["notes"]} == {guid_for(spec.id) for spec in early.built.notes}
    assert min(note_id for note_id, *_ in early_rows["notes"]) == first_note_id(1763200000001)


def test_guids_come_from_question_ids_not_wording() -> None:
    assert guid_for("curie-born-in:born-in:typed") == guid_for("curie-born-in:born-in:typed")
    assert guid_for("curie-born-in:born-in:typed") != guid_for("curie-born-in:born-in:cloze")


def test_the_export_time_is_the_epoch_when_set_and_now_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(T1))
    assert export_timestamp() == T1
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = time.time()
    assert int(before) <= export_timestamp() <= time.time()  # whole seconds, as Anki stores them


def test_a_content_file_deck_keeps_its_ids_across_exports(tmp_path: Path) -> None:
    first = export(str(DATA / "curie.yaml"), tmp_path / "a.apkg", T1)
    again = export(str(DATA / "curie.yaml"), tmp_path / "b.apkg", T1)
    assert first.path.read_bytes() == again.path.read_bytes()


def test_in_memory_and_on_disk_collections_hold_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite builds without serialisation write through a temporary file: the same collection."""
    from quizgen.anki import package
    from quizgen.anki.package import collection_bytes

    built = export("soleimani", tmp_path / "deck.apkg", T1).built
    in_memory = collection_bytes(built.package, T1, built.first_id)
    assert in_memory == collection_bytes(built.package, T1, built.first_id)  # repeatable
    assert package.SERIALISES  # every SQLite this project runs on
    monkeypatch.setattr(package, "SERIALISES", False)
    on_disk = collection_bytes(built.package, T1, built.first_id)

    def dump(data: bytes, name: str) -> list[str]:
        (tmp_path / name).write_bytes(data)
        connection = sqlite3.connect(tmp_path / name)
        try:
            assert connection.execute("pragma integrity_check").fetchone() == ("ok",)
            return list(connection.iterdump())
        finally:
            connection.close()

    rows = dump(in_memory, "memory.anki2")
    assert rows == dump(on_disk, "disk.anki2")
    assert sum(line.startswith('INSERT INTO "notes"') for line in rows) == len(built.notes)
