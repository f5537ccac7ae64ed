"""The back of a Timeline card: the asked event among its neighbours, in date order.

The neighbours are the deck's own events, so a student sees the event where
it belongs in what they are learning, not among events of other decks.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from quizgen.facts.dates import HistoricalDate
from quizgen.facts.library import Library
from quizgen.facts.model import Event
from quizgen.questions.model import Question
from quizgen.questions.wording import event_label

from . import html

NEIGHBOURS = 2  # events shown on each side of the asked one


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    label: str
    date: HistoricalDate


class Chronology:
    """A deck's events sorted by date (ties keep content order)."""

    def __init__(self, library: Library, events: Iterable[Event]) -> None:
        ordered = sorted(enumerate(events), key=lambda pair: (pair[1].date.sort_key(), pair[0]))
        self.entries = tuple(Entry(e.id, event_label(library, e), e.date) for _, e in ordered)
        self._keys = [entry.date.sort_key() for entry in self.entries]
        self._index = {entry.id: index for index, entry in enumerate(self.entries)}
        self._rows: dict[Entry, str] = {}  # an event is a neighbour on many cards: its row is built once

    def around(self, question: Question) -> tuple[list[Entry], int]:
        """The entries shown for a question, and the position of the asked one among them."""
        if question.date is None:
            raise ValueError(f"timeline question {question.id} has no date")
        index = self._index.get(question.fact_id)
        if index is not None:
            before = self.entries[max(0, index - NEIGHBOURS) : index]
            asked = self.entries[index]
            after = self.entries[index + 1 : index + 1 + NEIGHBOURS]
        else:  # a dated fact, not an event: placed where its date falls
            index = bisect.bisect_right(self._keys, question.date.sort_key())
            before = self.entries[max(0, index - NEIGHBOURS) : index]
            asked = Entry(question.fact_id, question.statement or question.stem, question.date)
            after = self.entries[index : index + NEIGHBOURS]
        return [*before, asked, *after], len(before)

    def html(self, question: Question) -> str:
        shown, current = self.around(question)
        rows = [self._row(entry) for entry in shown]
        rows[current] = '<li class="qg-now">' + rows[current].removeprefix("<li>")
        return f'<ol class="qg-timeline">{"".join(rows)}</ol>'

    def _row(self, entry: Entry) -> str:
        row = self._rows.get(entry)
        if row is None:
            date = html.text(entry.date.label())
            row = self._rows[entry] = f'<li><span class="qg-date">{date}</span>{html.text(entry.label)}</li>'
        return row
