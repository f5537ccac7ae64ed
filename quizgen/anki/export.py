"""A deck's questions as an Anki package: stable GUIDs and ids, content order, a report.

Identity is what lets a teacher correct a fact and re-send the deck:

- a note's GUID comes from its question id (statement id + template id +
  kind), never from field text, so Anki updates the note in place and keeps
  the student's reviews; a question shared by two decks is one note;
- deck ids come from the recipe; the Timeline subdeck's from the deck's id;
- note and card ids count up from a number fixed per deck, so two exports of
  the same content hold the same ids even without ``SOURCE_DATE_EPOCH``;
- every note and the note types carry the export's time as their mod time.
  Anki's default import updates a note only when the incoming one is newer,
  so a re-export must carry a later time; with ``SOURCE_DATE_EPOCH`` set, that
  time is the epoch and the file is byte-identical for the same input.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

from quizgen.decks import Deck
from quizgen.exporting.files import export_time, write_atomically, write_zip
from quizgen.facts.library import Library
from quizgen.nogc import cycle_collection_paused
from quizgen.questions.model import Question

from . import html
from .notes import NoteSpec, note_specs
from .package import MARK, check_destination, collection_bytes, stale_notes, zip_entries

TIMELINE_SUBDECK = "Timeline"
_ID_FLOOR = 1_000_000_000_000  # ids look like Anki's own: milliseconds since 1970 (here 2001 to 2015)
_ID_BLOCK = 100

Progress = Callable[[int, int], None]
"""Called with (questions done, questions in all) while notes are built."""


@dataclass(frozen=True, slots=True)
class AnkiDeck:
    """A deck ready to be written: the genanki package and what went into it."""

    package: genanki.Package
    notes: tuple[NoteSpec, ...]
    cards: int
    first_id: int
    deck_names: tuple[str, ...]
    alike: int = 0  # questions left out, asked exactly as one kept


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What was written, for the summary a teacher reads."""

    path: Path
    size: int
    questions: int
    alike: int  # questions asked exactly as another: one card for both
    notes: int
    cards: int
    tags: int
    by_kind: Mapping[str, int]
    by_note_type: Mapping[str, int]
    decks: tuple[str, ...]
    timestamp: float
    stale: int = 0  # notes changed since the package replaced, yet dated no later: Anki keeps the old


def guid_for(question_id: str) -> str:
    """A note's GUID: from the question id alone, so rewording a fact keeps it."""
    return genanki.guid_for("quizgen", question_id)


def subdeck_id(deck_id: int, name: str) -> int:
    """A stable id for ``Deck::name``, below 2**63 like every Anki id."""
    digest = hashlib.sha256(f"quizgen:{deck_id}::{name}".encode()).digest()
    return _ID_FLOOR + int.from_bytes(digest[:6], "big")


def first_note_id(deck_id: int) -> int:
    """Where a deck's note and card ids start: fixed per deck, spread so two decks rarely meet."""
    digest = hashlib.sha256(f"quizgen-notes:{deck_id}".encode()).digest()
    return _ID_FLOOR + int.from_bytes(digest[:4], "big") * _ID_BLOCK


def _new_card_positions(specs: Sequence[NoteSpec]) -> dict[str, int]:
    """The order new cards are shown: every fact's first question in content order, then every
    fact's second, and so on. In content order a fact's choice came just before its typed card and
    answered it; Anki keeps apart only the cards of one note."""
    seen: dict[str, int] = {}
    rounds: list[list[str]] = []  # rounds[r]: the notes that are their fact's r-th, in content order
    for spec in specs:
        fact = spec.questions[0].fact_id
        turn = seen.get(fact, 0)
        seen[fact] = turn + 1
        if turn == len(rounds):
            rounds.append([])
        rounds[turn].append(spec.id)
    return {spec_id: position for position, spec_id in enumerate(itertools.chain(*rounds), 1)}


def build_anki_deck(
    deck: Deck, library: Library, questions: Sequence[Question], progress: Progress | None = None
) -> AnkiDeck:
    """The genanki decks and notes for a deck's questions, in content order."""
    with cycle_collection_paused():  # a note and its fields hold no cycles
        return _build_anki_deck(deck, library, questions, progress)


def _build_anki_deck(
    deck: Deck, library: Library, questions: Sequence[Question], progress: Progress | None
) -> AnkiDeck:
    main = genanki.Deck(deck.id, deck.title, description=html.text(deck.description or ""))
    timeline = genanki.Deck(subdeck_id(deck.id, TIMELINE_SUBDECK), f"{deck.title}::{TIMELINE_SUBDECK}")
    models: dict[int, genanki.Model] = {}
    specs: list[NoteSpec] = []
    seen: dict[str, str] = {}
    done = cards = 0
    specs_in_order = list(note_specs(deck, library, questions))
    positions = _new_card_positions(specs_in_order)
    for spec in specs_in_order:
        position = positions[spec.id]
        guid = guid_for(spec.id)
        if guid in seen:  # two questions with one id: a bug in the engine, never a silent merge
            raise ValueError(f"questions {seen[guid]} and {spec.id} would share one Anki note")
        seen[guid] = spec.id
        note_type = spec.note_type
        model = models.get(note_type.model_id)
        if model is None:  # one genanki model per note type, built once
            model = models[note_type.model_id] = note_type.model()
        note = genanki.Note(
            model=model, fields=note_type.values(spec.fields), tags=list(spec.tags), guid=guid, due=position
        )
        cards += len(note.cards)
        (timeline if spec.in_timeline else main).add_note(note)
        specs.append(spec)
        done += len(spec.questions)
        if progress is not None:
            progress(done, len(questions))
    if progress is not None and done < len(questions):  # the rest were asked alike
        progress(len(questions), len(questions))
    decks = [main, timeline] if timeline.notes else [main]
    return AnkiDeck(
        package=genanki.Package(decks),
        notes=tuple(specs),
        cards=cards,
        first_id=first_note_id(deck.id),
        deck_names=tuple(d.name for d in decks),
        alike=len(questions) - done,
    )


def write_anki_deck(built: AnkiDeck, path: Path, timestamp: float) -> ExportReport:
    """Write the package atomically; refuse to replace anything but an Anki package."""
    check_destination(path)
    collection = collection_bytes(built.package, timestamp, built.first_id)
    stale = stale_notes(path, collection, timestamp)
    write_atomically(path, lambda handle: write_zip(handle, zip_entries(collection), timestamp, MARK))
    questions = [q for spec in built.notes for q in spec.questions]
    return ExportReport(
        path=path,
        size=path.stat().st_size,
        questions=len(questions),
        alike=built.alike,
        notes=len(built.notes),
        cards=built.cards,
        tags=len({tag for spec in built.notes for tag in spec.tags}),
        by_kind=dict(Counter(q.kind.value for q in questions).most_common()),
        by_note_type=dict(Counter(spec.note_type.name for spec in built.notes).most_common()),
        decks=built.deck_names,
        timestamp=timestamp,
        stale=stale,
    )


def export_timestamp() -> float:
    """``SOURCE_DATE_EPOCH`` when set (reproducible files), else now (so re-imports update)."""
    return float(export_time())


def export_deck(
    deck: Deck,
    library: Library,
    questions: Sequence[Question],
    path: Path,
    *,
    timestamp: float | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Build and write a deck's package; ``timestamp`` defaults to ``export_timestamp()``."""
    check_destination(path)  # before the work, so a refusal is immediate
    stamp = export_timestamp() if timestamp is None else timestamp
    return write_anki_deck(build_anki_deck(deck, library, questions, progress), path, stamp)
