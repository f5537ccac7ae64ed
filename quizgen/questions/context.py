"""What every question builder shares for one generation run."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from quizgen.facts.library import Library
from quizgen.facts.model import Event, Fact, Kind

from .distractors import Distractors
from .model import SourceRef
from .normalise import normalise
from .uniqueness import AnswerSets


@dataclass
class Context:
    """The library's indexes and the run's randomness.

    Each question draws from its own ``Random`` seeded by the run's seed and
    the question's id, so adding a fact never reshuffles another question.
    """

    library: Library
    kinds: frozenset[Kind]
    base_seed: int
    distractors: Distractors
    answers: AnswerSets
    truths: list[int] = field(default_factory=lambda: [0, 0])  # false, true statements so far
    _sources: dict[str, tuple[SourceRef, ...]] = field(default_factory=dict)
    _every_label: set[str] | None = None  # built only when a name could be shortened

    @classmethod
    def create(
        cls, library: Library, kinds: frozenset[Kind], rng: random.Random, present_year: int
    ) -> Context:
        return cls(
            library, kinds, rng.getrandbits(64), Distractors(library, present_year), AnswerSets(library)
        )

    def rng(self, question_id: str) -> random.Random:
        return random.Random(f"{self.base_seed}:{question_id}")

    def sources(self, statement: Fact | Event) -> tuple[SourceRef, ...]:
        refs = self._sources.get(statement.id)
        if refs is None:
            sources = [self.library.sources[i] for i in statement.sources]
            refs = tuple(SourceRef(s.id, s.name, s.citation, s.opinion) for s in sources)
            self._sources[statement.id] = refs
        return refs

    def short_name(self, entity_id: str) -> str | None:
        """A place's name without its kind ("Kerman" for Kerman Province), when nothing else in
        the library is called so. A typed answer may be it; a stem or cloze naming it is not held
        to give the answer away, for the short name alone is no answer to look for."""
        entity = self.library.entities[entity_id]
        kind = f" {entity.kind}" if entity.kind else ""
        if entity.type != "place" or not kind or len(entity.name) <= len(kind):
            return None
        if not entity.name.lower().endswith(kind.lower()):
            return None
        short = entity.name[: -len(kind)].rstrip(" ,")
        if self._every_label is None:
            self._every_label = {
                normalise(label) for other in self.library.entities.values() for label in other.labels
            }
        return None if normalise(short) in self._every_label else short

    def answer_labels(self, entity_id: str) -> tuple[str, ...]:
        """An entity's names, then its short name if it has one."""
        short = self.short_name(entity_id)
        labels = self.library.entities[entity_id].labels
        return labels if short is None else (*labels, short)

    def next_truth(self, rng: random.Random) -> bool:
        """Whether the next true/false statement is true: random, but never drifting off balance."""
        false, true = self.truths
        truth = rng.random() < 0.5 if abs(true - false) < 2 else true < false
        self.truths[int(truth)] += 1
        return truth
