"""Which answers a question's constraints allow: a question is asked only when that is one.

"Where was Soleimani born?" is fair when the library gives one birthplace in
that voice; a second, different birthplace makes it ambiguous, and then the
question is dropped rather than asked with a key that is only half the truth.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from quizgen.facts.dates import HistoricalDate
from quizgen.facts.library import Library
from quizgen.facts.model import Fact, Template

from .normalise import normalise
from .wording import attribution


def value_key(fact: Fact) -> tuple[str, ...]:
    """What two facts must share to give the same answer."""
    if fact.objects:
        return tuple(sorted(fact.objects))
    if fact.date is not None:
        return (fact.date.edtf(),)
    if fact.quantity is not None:
        return (f"{fact.quantity.value:g}", fact.quantity.qualifier.value)
    return (normalise(fact.text or ""),)


class AnswerSets:
    """Answer look-ups by index; one instance per library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        by_value: dict[tuple[str, tuple[str, ...]], list[Fact]] = defaultdict(list)
        self._values: dict[str, tuple[str, ...]] = {}  # each fact's value_key, made once
        for fact in library.statements_with_relations():
            key = self._values[fact.id] = value_key(fact)
            by_value[fact.relation, key].append(fact)
        self._by_value = dict(by_value)
        self._voices: dict[str, str | None] = {}

    def voice(self, fact: Fact) -> str | None:
        """Who says it: statements in different voices never compete for one answer."""
        if fact.id not in self._voices:
            self._voices[fact.id] = attribution(self.library, fact)
        return self._voices[fact.id]

    def _peers(self, fact: Fact, template: Template, group: Iterable[Fact]) -> list[Fact]:
        voice = self.voice(fact)
        peers = []
        for other in group:
            if self.voice(other) != voice:
                continue
            if (
                "{when}" in template.question
                and fact.when
                and other.when
                and not fact.when.overlaps(other.when)
            ):
                continue
            if "{where}" in template.question and fact.where and other.where and fact.where != other.where:
                continue
            peers.append(other)
        return peers

    def objects(self, fact: Fact, template: Template) -> frozenset[str] | None:
        """The correct objects for "what/who/where is the subject's ...?"; None when ambiguous."""
        peers = self._peers(
            fact, template, self.library.by_subject_relation.get((fact.subject, fact.relation), ())
        )
        values = self._values
        keys = {values[p.id] for p in peers}
        if len(keys) != 1:
            return None
        return frozenset(fact.objects) if fact.objects else frozenset(keys.pop())

    def subjects(self, fact: Fact, template: Template) -> frozenset[str] | None:
        """The subjects that fit "who was born in X?"; None unless exactly one does."""
        if len(fact.objects) > 1:
            return None
        peers = self._peers(fact, template, self._by_value.get((fact.relation, self._values[fact.id]), ()))
        subjects = frozenset(p.subject for p in peers)
        return subjects if len(subjects) == 1 else None

    def when(self, fact: Fact, template: Template) -> HistoricalDate | None:
        """The date for "when did the subject ...?"; None when missing or when peers disagree."""
        if fact.when is None:
            return None
        group = self.library.by_subject_relation.get((fact.subject, fact.relation), ())
        values, own = self._values, self._values[fact.id]
        peers = [p for p in self._peers(fact, template, group) if values[p.id] == own]
        dates = {p.when.edtf() if p.when else None for p in peers}
        return fact.when if dates == {fact.when.edtf()} else None

    def other_dates(self, fact: Fact) -> list[HistoricalDate]:
        """Every date given for the same subject and relation in any voice: no distractor may overlap one."""
        group = self.library.by_subject_relation.get((fact.subject, fact.relation), ())
        return [d for p in group for d in (p.date, p.when) if d is not None]

    def all_objects(self, fact: Fact) -> set[str]:
        """Every object of the subject and relation in any voice: none may be offered as wrong."""
        group = self.library.by_subject_relation.get((fact.subject, fact.relation), ())
        return {o for p in group for o in p.objects}

    def all_subjects(self, fact: Fact) -> set[str]:
        return {p.subject for p in self._by_value.get((fact.relation, self._values[fact.id]), ())}
