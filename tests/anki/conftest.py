"""Shared helpers for the Anki tests: export a deck, import it into a real collection, read cards.

Every check runs against the real Anki engine (the ``anki`` package), with
its default import options, as a teacher's or student's Anki would.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportResponse

from quizgen.anki.export import AnkiDeck, ExportReport, build_anki_deck, guid_for, write_anki_deck
from quizgen.anki.notes import NoteSpec
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import open_target

if TYPE_CHECKING:  # anki.cards cannot be imported before anki.collection (a circular import)
    from anki.cards import Card

DATA = Path(__file__).parent.parent / "data"
T1 = 1_767_225_600  # 2026-01-01 00:00 UTC
T2 = T1 + 86_400  # a day later: the re-export Anki must treat as newer
TEMPLATE_ERRORS = re.compile(r"template has a problem|card is blank|no field called", re.IGNORECASE)


@dataclass(frozen=True)
class Export:
    path: Path
    questions: list[Question]
    built: AnkiDeck
    report: ExportReport

    def spec_for(self, guid: str) -> NoteSpec:
        return self.by_guid[guid]

    @property
    def by_guid(self) -> dict[str, NoteSpec]:
        return {guid_for(spec.id): spec for spec in self.built.notes}


def export(spec: str, path: Path, timestamp: float) -> Export:
    """Export a deck (name, recipe or content file) the way the command does, at a given time."""
    target = open_target(spec)
    questions = generate_for_deck(target.deck, target.library)
    built = build_anki_deck(target.deck, target.library, questions)
    report = write_anki_deck(built, path, timestamp)
    return Export(path, questions, built, report)


def import_package(col: Collection, path: Path) -> ImportResponse.Log:
    """Import with Anki's default options (update a note only when the incoming one is newer)."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    """A fresh, empty Anki collection."""
    col = open_collection(tmp_path / "anki")
    yield col
    col.close()


def open_collection(folder: Path) -> Collection:
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def plain(markup: str) -> str:
    """What a student reads on a card: no scripts, styles or tags, entities decoded, spaces collapsed."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"</?(?:div|li|ol|ul|br|hr|p|blockquote|code)\b[^>]*>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)  # inline tags (a cloze's span) sit inside words
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def rendered(card: Card) -> tuple[str, str]:
    """A card's question and answer HTML, as Anki renders them."""
    output = card.render_output()
    return output.question_text, output.answer_text


def note_guid(col: Collection, note_id: int) -> str:
    return col.db.scalar("select guid from notes where id = ?", note_id)


def note_id_for(col: Collection, question_id: str) -> int:
    return col.db.scalar("select id from notes where guid = ?", guid_for(question_id))
