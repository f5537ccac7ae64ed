"""The content model: sources, entities, relations, facts, claims and events.

Every object is frozen: the loader builds them once and every later stage
(question generation, the app, the exporters) only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from .dates import HistoricalDate
from .errors import Location

ENTITY_TYPES = ("person", "organisation", "place", "event", "term", "work", "group", "thing")
SOURCE_KINDS = (
    "article",
    "book",
    "website",
    "report",
    "interview",
    "speech",
    "video",
    "podcast",
    "document",
    "dataset",
    "other",
)
VALUE_KINDS = ("entity", "date", "quantity", "text")
ASK_TARGETS = ("object", "subject", "when")


class Kind(StrEnum):
    """The seven kinds of question quizgen asks."""

    MULTIPLE_CHOICE = "multiple_choice"
    TYPED = "typed"
    TRUE_FALSE = "true_false"
    CLOZE = "cloze"
    YEAR_GUESS = "year_guess"
    ORDER = "order"
    WHICH_FIRST = "which_first"


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A sentence of a stored source text deliberately left out of the quiz, and why."""

    text: str
    reason: str
    location: Location


@dataclass(frozen=True, slots=True)
class Source:
    """Where statements come from. Only what is known is stated; nothing is guessed."""

    id: str
    location: Location
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    kind: str = "document"
    url: str | None = None
    date: HistoricalDate | None = None
    opinion: bool = False
    cite_as: str | None = None
    text_path: Path | None = None
    excluded: tuple[Exclusion, ...] = ()

    @property
    def name(self) -> str:
        """How attributions name the source: "According to Sputnik, ..."."""
        return self.cite_as or self.publisher or self.author or f"“{self.title}”"

    @property
    def citation(self) -> str:
        """The source line shown after an answer: title or publisher, and the year if known."""
        parts = [f"“{self.title}”" if self.title else None, self.publisher or self.author]
        text = ", ".join(p for p in parts if p)
        return f"{text}, {self.date.label()}" if self.date else text


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, place or term; its aliases are accepted answers."""

    id: str
    type: str
    name: str
    location: Location
    aliases: tuple[str, ...] = ()
    article: str = ""
    kind: str | None = None
    part_of: str | None = None
    plural: bool = False
    adjectives: tuple[str, ...] = ()  # "Iranian": the entity inside a phrase, never an answer alone

    @property
    def display(self) -> str:
        """The name as it reads inside a sentence: "the Quds Force"."""
        return f"{self.article} {self.name}" if self.article else self.name

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Qualifier(StrEnum):
    """How a source qualifies a number: "at least 13", "nearly $50 billion"."""

    EXACT = "exact"
    AT_LEAST = "at least"
    AT_MOST = "at most"
    ABOUT = "about"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit or currency, kept with the qualifier the source gave it."""

    value: float
    text: str
    qualifier: Qualifier = Qualifier.EXACT
    unit: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Template:
    """One way of asking about a relation: which part is the answer, the wording, the kinds."""

    id: str
    relation: str
    ask: str
    question: str
    kinds: tuple[Kind, ...]
    location: Location


@dataclass(frozen=True, slots=True)
class Relation:
    """A kind of statement ("born_in"), what it links, how it reads, and its templates."""

    id: str
    value: str
    statement: str
    location: Location
    subject_types: tuple[str, ...] = ()
    object_types: tuple[str, ...] = ()
    templates: tuple[Template, ...] = ()
    many: bool = False  # a subject may have values the content does not list: none is offered as wrong


@dataclass(frozen=True, slots=True)
class Fact:
    """One statement about an entity, with the sources that state it.

    Exactly one of ``objects``, ``date``, ``quantity`` and ``text`` is set.
    Several objects form one set; ``open_set`` says the source named only some
    ("... and 38 others"), so no question may treat the list as complete.
    A claim is a fact reported by one source as someone's statement: ``by``
    names who made it (None: the source itself).
    """

    id: str
    subject: str
    relation: str
    sources: tuple[str, ...]
    location: Location
    objects: tuple[str, ...] = ()
    open_set: bool = False
    date: HistoricalDate | None = None
    quantity: Quantity | None = None
    text: str | None = None
    accept: tuple[str, ...] = ()
    when: HistoricalDate | None = None
    where: str | None = None
    quotes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    by: str | None = None
    is_claim: bool = False

    @property
    def value_kind(self) -> str:
        if self.objects:
            return "entity"
        if self.date is not None:
            return "date"
        if self.quantity is not None:
            return "quantity"
        return "text"


@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening: the unit of timelines. The title never states the date."""

    id: str
    date: HistoricalDate
    title: str
    sources: tuple[str, ...]
    location: Location
    ask: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    by: str | None = None


Statement = Fact | Event
