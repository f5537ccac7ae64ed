"""Questions become Anki notes: which note type asks each kind, and what fills its fields.

Which note type, and why (``note_type_for``):

- **typed → Type-in**: Anki's ``{{type:Answer}}`` lets the student type as in
  quizgen. Anki compares letter by letter and knows no aliases, so the back
  lists every accepted answer and the student can judge a near miss.
- **year guess, and an event's date asked typed → Timeline**: Anki can only
  compare exact text; it cannot score a year by closeness or accept "Jan 2020"
  for "3 January 2020". The student recalls the date and grades themselves,
  and the back places the event among its neighbours, which is what a date
  question is for.
- **multiple choice, which came first, true/false → Multiple choice**: each is
  "pick one of these"; true/false is two options in a fixed order.
- **cloze → Cloze**: Anki's own cloze type, so the source's sentence reads whole.
- **order → Basic**: Anki cannot drag items into order; the front lists the
  events, the back gives the order with dates, and the student grades themselves.

The note type depends on the kind alone, never on what else the deck holds:
a note that changed type between exports could not be updated in place.

Reversed cards: where a fact's relation is asked in both directions ("Where
was X born?" and "Who was born in Y?") and both are typed, the reverse
question becomes the second card (Reverse) of the forward question's note.
The two cards are then siblings, so Anki never shows both on one day. A
reverse question whose forward question is missing stays a note of its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from quizgen.decks import Deck
from quizgen.facts.library import Library
from quizgen.facts.model import Event, Fact, Kind, Qualifier
from quizgen.questions.distractors import quantity_label
from quizgen.questions.from_events import DATE_TEMPLATE
from quizgen.questions.model import Question
from quizgen.questions.normalise import normal_form, normalise

from . import html
from .notetypes import (
    BASIC,
    CLOZE,
    MAX_OPTIONS,
    MULTIPLE_CHOICE,
    QUESTION_ID,
    SOURCE,
    TIMELINE,
    TYPE_IN,
    NoteType,
)
from .timeline import Chronology


@dataclass(frozen=True, slots=True)
class NoteSpec:
    """One note before genanki: its type, field values, tags, and the questions it asks."""

    note_type: NoteType
    fields: Mapping[str, str]
    tags: tuple[str, ...]
    questions: tuple[Question, ...]

    @property
    def id(self) -> str:
        """The question id the note's GUID comes from: the first (forward) question's."""
        return self.questions[0].id

    @property
    def in_timeline(self) -> bool:
        return self.note_type is TIMELINE


def note_type_for(question: Question) -> NoteType:
    """The note type that asks this question in Anki (the module docstring says why)."""
    if question.kind is Kind.TYPED:
        return TIMELINE if question.template_id == DATE_TEMPLATE else TYPE_IN
    return _BY_KIND[question.kind]


_BY_KIND = {
    Kind.MULTIPLE_CHOICE: MULTIPLE_CHOICE,
    Kind.WHICH_FIRST: MULTIPLE_CHOICE,
    Kind.TRUE_FALSE: MULTIPLE_CHOICE,
    Kind.CLOZE: CLOZE,
    Kind.YEAR_GUESS: TIMELINE,
    Kind.ORDER: BASIC,
}


def note_specs(deck: Deck, library: Library, questions: Sequence[Question]) -> Iterator[NoteSpec]:
    """One spec per note, in the order of the questions (the order new cards are shown)."""
    chronology = Chronology(library, (s for s in deck.statements(library) if isinstance(s, Event)))
    builder = _Builder(deck, library, chronology)
    for group in _groups(library, questions):
        yield builder.spec(group)


def _groups(library: Library, questions: Sequence[Question]) -> Iterator[tuple[Question, ...]]:
    """Each question alone, except a typed reverse question joining its forward question, and a
    question asked exactly as an earlier one (a year-precision event's "In what year...?" is both a
    typed question and a year guess): one note, or Anki shows the same card twice."""
    pairs = _reverse_pairs(library, questions)
    absorbed = set(pairs.values())
    by_id = {q.id: q for q in questions if q.id in absorbed}
    asked: set[tuple[str, str]] = set()
    for question in questions:
        if question.id in absorbed:
            continue
        if not question.options:  # a choice's options tell it apart; a typed date and a year guess not
            alike = (question.stem, question.answer)
            if alike in asked and question.id not in pairs:  # a pair's reverse card is no twin's
                continue
            asked.add(alike)
        reverse = pairs.get(question.id)
        yield (question,) if reverse is None else (question, by_id[reverse])


def _reverse_pairs(library: Library, questions: Iterable[Question]) -> dict[str, str]:
    """Forward typed question id → reverse typed question id, for facts asked both ways once each."""
    by_fact: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    asks = {(rid, t.id): t.ask for rid, relation in library.relations.items() for t in relation.templates}
    for question in questions:
        if question.kind is not Kind.TYPED:
            continue
        fact = library.statements_by_id.get(question.fact_id)
        if not isinstance(fact, Fact):
            continue
        direction = asks.get((fact.relation, question.template_id))
        if direction in ("object", "subject"):
            by_fact[fact.id][direction].append(question.id)
    return {
        ways["object"][0]: ways["subject"][0]
        for ways in by_fact.values()
        if len(ways["object"]) == 1 and len(ways["subject"]) == 1
    }


def _typed_in(question: Question) -> tuple[str, tuple[str, ...]]:
    """What Anki compares a typed answer with, letter by letter, and the other accepted forms.
    A qualified number is asked with its qualifier ("at least how many ...?"): the answer to type
    is the number ("13"), not "at least 13"."""
    quantity = question.quantity
    if question.answer_kind != "quantity" or quantity is None or quantity.qualifier is Qualifier.EXACT:
        return question.answer, question.accepted
    bare = quantity_label(quantity)
    return bare, tuple(dict.fromkeys(a for a in (question.answer, *question.accepted) if a != bare))


class _Builder:
    """Fills the fields of each note type from its questions; all content text is escaped here."""

    def __init__(self, deck: Deck, library: Library, chronology: Chronology) -> None:
        self.deck = deck
        self.library = library
        self.chronology = chronology
        self.deck_tag = f"deck::{html.slug(deck.slug)}"
        # keyed by model id: hashing a NoteType (a frozen dataclass of templates) on every note is costly
        self._fill = {
            BASIC.model_id: self._order,
            TYPE_IN.model_id: self._typed,
            CLOZE.model_id: self._cloze,
            MULTIPLE_CHOICE.model_id: self._choice,
            TIMELINE.model_id: self._date,
        }
        self._cited: dict[tuple[str, ...], str] = {}
        self._tagged: dict[tuple[str, tuple[str, ...], tuple[str, ...]], tuple[str, ...]] = {}

    def spec(self, questions: tuple[Question, ...]) -> NoteSpec:
        note_type = note_type_for(questions[0])
        fields = self._fill[note_type.model_id](questions)
        fields[SOURCE] = self._sources(questions)
        fields[QUESTION_ID] = html.text_once(", ".join(q.id for q in questions))
        return NoteSpec(note_type, fields, self._tags(questions), questions)

    def _typed(self, questions: tuple[Question, ...]) -> dict[str, str]:
        forward = questions[0]
        answer, accepted = _typed_in(forward)
        fields = {
            "Question": html.text_once(forward.stem),
            "Answer": html.text(answer),
            "Also accepted": html.listing(accepted),
            "Extra": _extra(forward, forward.stem),
        }
        if len(questions) > 1:
            reverse = questions[1]
            fields["Reverse question"] = html.text_once(reverse.stem)
            fields["Reverse answer"] = html.text(reverse.answer)
            fields["Reverse also accepted"] = html.listing(reverse.accepted)
        return fields

    def _order(self, questions: tuple[Question, ...]) -> dict[str, str]:
        (question,) = questions
        by_id = {item.id: item for item in question.items}
        shown = html.ordered_list((html.text(item.label) for item in question.items), "qg-items")
        chronological = (by_id[i] for i in question.correct_order)
        ordered = html.ordered_list(
            (
                f'{html.text(item.label)} <span class="qg-date">({html.text(item.date.label())})</span>'
                for item in chronological
            ),
            "qg-order",
        )
        return {"Question": html.text_once(question.stem) + shown, "Answer": ordered}

    def _cloze(self, questions: tuple[Question, ...]) -> dict[str, str]:
        (question,) = questions
        cloze = question.cloze
        if cloze is None or not cloze.key.strip():
            raise ValueError(f"cloze question {question.id} has nothing to blank")
        whole = cloze.before + cloze.key + cloze.after
        extra = _accepted(question) + _extra(question, whole)
        return {"Text": html.cloze(cloze.before, cloze.key, cloze.after), "Back Extra": extra}

    def _choice(self, questions: tuple[Question, ...]) -> dict[str, str]:
        (question,) = questions
        if question.answer_index is None or not 2 <= len(question.options) <= MAX_OPTIONS:
            raise ValueError(f"question {question.id} needs 2 to {MAX_OPTIONS} options and a key")
        fields = {
            "Question": html.text_once(question.stem),
            "Correct": str(question.answer_index + 1),
            "Answer": html.text(question.answer),
            "Keep order": "yes" if question.kind is Kind.TRUE_FALSE else "",
            "Extra": _extra(question, question.stem),
        }
        for n, option in enumerate(question.options, 1):
            fields[f"Option {n}"] = html.text(option)
        return fields

    def _date(self, questions: tuple[Question, ...]) -> dict[str, str]:
        (question,) = questions
        return {
            "Question": html.text_once(question.stem),
            "Answer": html.text(question.answer),
            "Timeline": self.chronology.html(question),
            "Extra": _accepted(question) + _extra(question, question.stem),
        }

    def _sources(self, questions: tuple[Question, ...]) -> str:
        """Each source once: its citation (title and publisher), linked when it has a web address."""
        refs = {ref.id: ref for question in questions for ref in question.sources}
        key = tuple(refs)
        cited = self._cited.get(key)
        if cited is None:  # a few sources cite thousands of notes
            parts = []
            for ref in refs.values():
                source = self.library.sources.get(ref.id)
                link = html.link(ref.citation or ref.name, source.url if source else None)
                parts.append(link + (" (opinion)" if ref.opinion else ""))
            cited = self._cited[key] = "; ".join(parts)
        return cited

    def _tags(self, questions: tuple[Question, ...]) -> tuple[str, ...]:
        """Deck, kind, source and the statement's own tags, as Anki tags (no spaces)."""
        if len(questions) == 1:
            return self._question_tags(questions[0])
        return tuple(dict.fromkeys(t for q in questions for t in self._question_tags(q)))

    def _question_tags(self, question: Question) -> tuple[str, ...]:
        key = (question.kind.value, tuple([ref.id for ref in question.sources]), question.tags)
        tags = self._tagged.get(key)
        if tags is None:  # a few kinds, sources and tag sets repeat over thousands of notes
            kind, sources, own = key
            slugs = (
                self.deck_tag,
                f"kind::{html.slug(kind)}",
                *(f"source::{html.slug(source)}" for source in sources),
                *(html.slug(tag) for tag in own),
            )
            tags = self._tagged[key] = tuple(t for t in dict.fromkeys(slugs) if t and not t.endswith("::"))
        return tags


def _accepted(question: Question) -> str:
    """For note types without a field of their own for them: the other answers that count."""
    return f"<div>Also accepted: {html.listing(question.accepted)}</div>" if question.accepted else ""


def _extra(question: Question, shown: str) -> str:
    """What the back adds: the true statement and the source's own words, unless the card shows them."""
    if not (question.statement or question.quotes):
        return ""
    parts = []
    seen = normal_form(shown)  # the stem: seen once, so not worth caching
    if question.statement and normalise(question.statement) != seen:
        parts.append(f"<div>{html.text(question.statement)}</div>")
    quote = next((q for q in question.quotes if normalise(q) not in seen), None)
    if quote is not None and question.kind is not Kind.ORDER:
        parts.append(f"<blockquote>“{html.text(quote)}”</blockquote>")
    return "".join(parts)
