"""Questions: what every kind carries, for the app, the exporters and ``show --json``.

One frozen dataclass serves all seven kinds; the fields a kind does not use
stay empty. A question's ``id`` comes from the statement id, the template id
and the kind, never from wording, so progress and exported notes survive edits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizgen.facts.dates import HistoricalDate
from quizgen.facts.model import Kind, Quantity


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A source as a question shows it: "Source: Sputnik" or the article's title."""

    id: str
    name: str
    citation: str
    opinion: bool = False


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """An event as a timeline question shows it; ``label`` keeps any attribution."""

    id: str
    label: str
    date: HistoricalDate

    @property
    def dated(self) -> str:
        """The label with its date, in one bracket: "Israel invades Lebanon (according to Sputnik,
        2006)", not "... (according to Sputnik) (2006)"."""
        if self.label.endswith(")") and "(according to " in self.label:  # not "(IRGC)"
            return f"{self.label[:-1]}, {self.date.label()})"
        return f"{self.label} ({self.date.label()})"


@dataclass(frozen=True, slots=True)
class Cloze:
    """A sentence with its key blanked: ``before`` + key + ``after``."""

    before: str
    key: str
    after: str

    BLANK = "____"

    @property
    def text(self) -> str:
        return f"{self.before}{self.BLANK}{self.after}"


@dataclass(frozen=True, slots=True)
class Question:
    """One question, with everything needed to ask it, check it and cite it."""

    id: str
    kind: Kind
    stem: str
    answer: str
    statement_ids: tuple[str, ...]
    template_id: str
    sources: tuple[SourceRef, ...]
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    answer_index: int | None = None
    answer_kind: str = "text"  # entity, date, quantity, text, boolean, event, order
    entity_type: str | None = None
    date: HistoricalDate | None = None
    quantity: Quantity | None = None
    items: tuple[TimelineItem, ...] = ()
    cloze: Cloze | None = None
    attribution: str | None = None
    statement: str | None = None
    quotes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    within: tuple[str, ...] = ()  # names of the places around a place answer: "Baghdad, Iraq"

    def with_options(self, options: tuple[str, ...], answer_index: int) -> Question:
        """The same question with its options reordered: ``dataclasses.replace`` without its walk
        over the fields, for the tens of thousands of keys moved when positions are balanced."""
        return Question(
            id=self.id,
            kind=self.kind,
            stem=self.stem,
            answer=self.answer,
            statement_ids=self.statement_ids,
            template_id=self.template_id,
            sources=self.sources,
            accepted=self.accepted,
            options=options,
            answer_index=answer_index,
            answer_kind=self.answer_kind,
            entity_type=self.entity_type,
            date=self.date,
            quantity=self.quantity,
            items=self.items,
            cloze=self.cloze,
            attribution=self.attribution,
            statement=self.statement,
            quotes=self.quotes,
            tags=self.tags,
            within=self.within,
        )

    @property
    def fact_id(self) -> str:
        """The statement whose siblings this question belongs with (the first, for timelines)."""
        return self.statement_ids[0]

    @property
    def correct_order(self) -> tuple[str, ...]:
        """For ordering questions: the item ids sorted by date (ties keep their shown order)."""
        return tuple(item.id for item in sorted(self.items, key=lambda i: i.date.sort_key()))

    def order_text(self) -> str:
        """The right order as a key writes it: each event with its date, earliest first."""
        by_id = {item.id: item for item in self.items}
        return " → ".join(by_id[item_id].dated for item_id in self.correct_order)

    def source_line(self) -> str:
        """Where it comes from, a source of opinion said to be one, as the Anki card's back says."""
        return "Source: " + "; ".join(
            f"{r.citation} (opinion)" if r.opinion else r.citation for r in self.sources
        )

    def to_json(self) -> dict[str, Any]:
        """The documented shape of ``quizgen show --json``: plain JSON types only."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "stem": self.stem,
            "answer": self.answer,
            "accepted": list(self.accepted),
            "options": list(self.options),
            "answer_index": self.answer_index,
            "answer_kind": self.answer_kind,
            "attribution": self.attribution,
            "statement": self.statement,
            "statement_ids": list(self.statement_ids),
            "template_id": self.template_id,
            "sources": [
                {"id": s.id, "name": s.name, "citation": s.citation, "opinion": s.opinion}
                for s in self.sources
            ],
            "quotes": list(self.quotes),
            "tags": list(self.tags),
        }
        if self.date is not None:
            data["date"] = {"edtf": self.date.edtf(), "label": self.date.label(), "year": self.date.year}
        if self.quantity is not None:
            data["quantity"] = {
                "value": self.quantity.value,
                "text": self.quantity.text,
                "qualifier": self.quantity.qualifier.value,
            }
        if self.items:
            data["items"] = [{"id": i.id, "label": i.label, "date": i.date.edtf()} for i in self.items]
            data["correct_order"] = list(self.correct_order)
        if self.cloze is not None:
            data["cloze"] = {"before": self.cloze.before, "key": self.cloze.key, "after": self.cloze.after}
        return data
