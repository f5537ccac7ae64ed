"""The validated library: every source, entity, relation and statement, with indexes.

Indexes are built once, here, so the question engine never scans the whole
library to check that an answer is unique or a distractor is wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .model import Entity, Event, Fact, Relation, Source, Statement


def _frozen(groups: Mapping) -> Mapping:
    return MappingProxyType({key: tuple(values) for key, values in groups.items()})


@dataclass(frozen=True, slots=True, eq=False)
class Library:
    """An immutable, indexed collection of content from one or more files."""

    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    relations: Mapping[str, Relation]
    facts: tuple[Fact, ...]
    claims: tuple[Fact, ...]
    events: tuple[Event, ...]
    files: tuple[str, ...] = ()
    entities_by_type: Mapping[str, tuple[Entity, ...]] = field(init=False)
    by_subject_relation: Mapping[tuple[str, str], tuple[Fact, ...]] = field(init=False)
    by_relation_object: Mapping[tuple[str, str], tuple[Fact, ...]] = field(init=False)
    by_relation: Mapping[str, tuple[Fact, ...]] = field(init=False)
    statements_by_id: Mapping[str, Statement] = field(init=False)
    _ancestors: dict[str, tuple[str, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        by_type: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.entities.values():
            by_type[entity.type].append(entity)
        by_subject_relation: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        by_relation_object: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        by_relation: dict[str, list[Fact]] = defaultdict(list)
        for fact in self.statements_with_relations():
            by_subject_relation[fact.subject, fact.relation].append(fact)
            by_relation[fact.relation].append(fact)
            for obj in fact.objects:
                by_relation_object[fact.relation, obj].append(fact)
        statements: dict[str, Statement] = {s.id: s for s in (*self.facts, *self.claims, *self.events)}
        setter = object.__setattr__
        setter(self, "entities_by_type", _frozen(by_type))
        setter(self, "by_subject_relation", _frozen(by_subject_relation))
        setter(self, "by_relation_object", _frozen(by_relation_object))
        setter(self, "by_relation", _frozen(by_relation))
        setter(self, "statements_by_id", MappingProxyType(statements))
        setter(self, "_ancestors", {})

    def statements_with_relations(self) -> Iterator[Fact]:
        """Facts then claims, in content order."""
        yield from self.facts
        yield from self.claims

    def ancestors(self, entity_id: str) -> tuple[str, ...]:
        """Everything an entity lies inside, nearest first (Qanat-e Malek → Kerman Province → Iran)."""
        cached = self._ancestors.get(entity_id)
        if cached is not None:
            return cached
        chain: list[str] = []
        current = self.entities.get(entity_id)
        while current is not None and current.part_of and current.part_of not in chain:
            chain.append(current.part_of)
            current = self.entities.get(current.part_of)
        result = tuple(chain)
        self._ancestors[entity_id] = result
        return result

    def related_by_containment(self, a: str, b: str) -> bool:
        """Whether one entity contains the other: neither may stand in for the other as wrong."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def counts(self) -> dict[str, int]:
        return {
            "sources": len(self.sources),
            "entities": len(self.entities),
            "facts": len(self.facts),
            "events": len(self.events),
            "claims": len(self.claims),
        }
