"""A teacher corrects a fact and re-sends the deck: Anki updates the notes in place, progress stays.

Each import uses Anki's default options, under which a note is updated only
when the incoming copy is newer: the correction is exported a day later.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anki.collection import Collection

from quizgen.anki import package as package_module

from .conftest import DATA, T1, T2, Export, export, import_package, note_id_for

ASKED = "curie-nobel-chemistry:event-year:year_guess"
OLD = "Marie Curie receives the Nobel Prize in Chemistry"
NEW = "Marie Curie wins the Nobel Prize in Chemistry"
ROOT = Path(__file__).parents[2]
ADDED_EVENT = """events:
  - id: soleimani-teaches
    date: 1976
    title: Soleimani becomes a teacher
    participants: [soleimani]
    sources: [biography]
    quote: "Qasem Soleimani was born on March 11, 1957"
"""


def corrected_copy(folder: Path) -> Path:
    content = folder / "curie.yaml"
    shutil.copy(DATA / "curie.yaml", content)
    text = content.read_text(encoding="utf-8")
    assert text.count(OLD) == 1
    content.write_text(text.replace(OLD, NEW), encoding="utf-8")
    return content


def test_a_corrected_fact_updates_its_note_and_keeps_the_review_history(
    tmp_path: Path, collection: Collection
) -> None:
    first = export(str(DATA / "curie.yaml"), tmp_path / "v1.apkg", T1)
    assert len(import_package(collection, first.path).new) == first.report.notes
    notes, cards = collection.note_count(), collection.card_count()

    note_id = note_id_for(collection, ASKED)
    (card,) = collection.get_note(note_id).cards()
    card.start_timer()
    collection.sched.answerCard(card, 3)  # Good
    reviews = collection.db.list("select id from revlog where cid = ?", card.id)
    assert len(reviews) == 1
    assert card.reps == 1

    corrected = corrected_copy(tmp_path)
    same_day = export(str(corrected), tmp_path / "v2-same-time.apkg", T1)
    log = import_package(collection, same_day.path)
    assert (len(log.new), len(log.updated)) == (0, 0)  # not newer: Anki keeps its copy
    assert OLD in collection.get_note(note_id)["Question"]

    later = export(str(corrected), tmp_path / "v2.apkg", T2)
    log = import_package(collection, later.path)
    assert len(log.new) == 0
    assert len(log.conflicting) == 0
    assert len(log.updated) >= 2  # the asked note, and the timelines that show the event as a neighbour
    assert (collection.note_count(), collection.card_count()) == (notes, cards)

    note = collection.get_note(note_id)
    assert NEW in note["Question"]
    assert OLD not in note["Question"]
    assert note.mod == T2
    card.load()
    assert card.reps == 1
    assert card.type != 0
    assert collection.db.list("select id from revlog where cid = ?", card.id) == reviews
    assert not collection.find_notes(f'"{OLD}"')


def test_note_types_update_in_place_too(tmp_path: Path, collection: Collection) -> None:
    first = export(str(DATA / "curie.yaml"), tmp_path / "v1.apkg", T1)
    import_package(collection, first.path)
    before = {m.id: m.name for m in collection.models.all_names_and_ids()}
    later = export(str(DATA / "curie.yaml"), tmp_path / "v2.apkg", T2)
    log = import_package(collection, later.path)
    assert {m.id: m.name for m in collection.models.all_names_and_ids()} == before  # no "quizgen ...+" copies
    assert len(log.conflicting) == 0
    assert len(log.new) == 0


def test_an_added_event_leaves_the_other_timeline_notes_in_place(
    tmp_path: Path, collection: Collection
) -> None:
    """Put-in-order and which-came-first notes are drawn among the events: a new event adds notes
    around it and leaves the others in place. What the new file drops, Anki keeps as it was."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    content = folder / "soleimani.yaml"
    first = export(str(content), tmp_path / "v1.apkg", T1)
    import_package(collection, first.path)
    text = content.read_text(encoding="utf-8")
    assert text.count("\nevents:\n") == 1
    content.write_text(text.replace("\nevents:\n", "\n" + ADDED_EVENT, 1), encoding="utf-8")
    later = export(str(content), tmp_path / "v2.apkg", T2)
    log = import_package(collection, later.path)

    def timeline(exported: Export) -> set[str]:
        return {guid for guid, spec in exported.by_guid.items() if ":timeline-" in spec.id}

    before, after = timeline(first), timeline(later)
    assert len(before) >= 15
    orphaned = before - after  # stays in the student's collection, no longer in the deck
    assert len(orphaned) <= len(before) // 4
    added = set(later.by_guid) - set(first.by_guid)
    assert added
    assert len(log.new) == len(added)
    beside = [guid for guid in added if "soleimani-teaches" not in later.spec_for(guid).id]
    assert len(beside) <= 2  # a set re-cut beside the new event, at most
    assert len(log.conflicting) == 0


@pytest.mark.parametrize("serialises", [True, False], ids=["in-memory", "through-files"])
def test_a_re_export_that_anki_would_ignore_is_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serialises: bool
) -> None:
    monkeypatch.setattr(package_module, "SERIALISES", serialises)  # SQLite builds without serialize()
    package = tmp_path / "curie.apkg"
    export(str(DATA / "curie.yaml"), package, T1)
    assert export(str(DATA / "curie.yaml"), package, T1).report.stale == 0  # nothing changed

    corrected = corrected_copy(tmp_path)
    same_time = export(str(corrected), package, T1)
    assert same_time.report.stale >= 1  # the asked note at least: Anki would keep the old wording
    assert export(str(corrected), tmp_path / "fresh.apkg", T1).report.stale == 0  # nothing replaced

    package.unlink()
    export(str(DATA / "curie.yaml"), package, T1)
    assert export(str(corrected), package, T2).report.stale == 0  # a later date: Anki updates
