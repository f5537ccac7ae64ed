"""Choosing a few questions from many: one per group, kinds mixed.

A quiz session and a printed test both hold one question per group of
questions that would give each other away, and both should mix their kinds
rather than take them as they come.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol, TypeVar

from quizgen.facts.model import Kind


class HasKind(Protocol):
    """A question, or a light reference to one stored elsewhere: choosing needs only its kind."""

    @property
    def kind(self) -> Kind: ...


Q = TypeVar("Q", bound=HasKind)
Q_contra = TypeVar("Q_contra", contravariant=True)


class Guard(Protocol[Q_contra]):
    """What keeps a question out of a set because of the questions already in it."""

    def admits(self, question: Q_contra) -> bool: ...

    def take(self, question: Q_contra) -> None: ...


def one_per_group(
    groups: Mapping[str, Sequence[Q]],
    count: int,
    rng: random.Random,
    parts: Callable[[Q], Iterable[str]] | None = None,
    guard: Guard[Q] | None = None,
) -> list[Q]:
    """Up to ``count`` groups drawn at random, one question from each, of the kind used least so far
    (ties broken at random); in the order drawn.

    With ``parts`` (a question's statements), no two chosen questions share one: "Which came
    first, A or B?" is not asked beside "In what year did A happen?". A group whose every
    question shares a statement already asked gives none. With ``guard``, each pick must be
    admitted by it, and is then taken into it: no question beside one that shows its answer
    ("killed on 3 January 2020" beside "In what year was he killed?").
    """
    names = list(groups)
    rng.shuffle(names)
    used: Counter[Kind] = Counter()
    asked: set[str] = set()
    chosen: list[Q] = []
    for name in names:
        if len(chosen) >= count:
            break
        members = groups[name]
        if parts is not None:
            members = [q for q in members if asked.isdisjoint(parts(q))]
        if guard is not None:
            members = [q for q in members if guard.admits(q)]
        if not members:
            continue
        fewest = min(used[q.kind] for q in members)
        pick = rng.choice([q for q in members if used[q.kind] == fewest])
        used[pick.kind] += 1
        if parts is not None:
            asked.update(parts(pick))
        if guard is not None:
            guard.take(pick)
        chosen.append(pick)
    return chosen
