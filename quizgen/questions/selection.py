"""Choosing a few questions from many: one per group, kinds mixed.

A quiz session and a printed test both hold one question per group of
questions that would give each other away, and both should mix their kinds
rather than take them as they come.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence

from quizgen.facts.model import Kind

from .model import Question


def one_per_group(groups: Mapping[str, Sequence[Question]], count: int, rng: random.Random) -> list[Question]:
    """Up to ``count`` groups drawn at random, one question from each, of the kind used least so far
    (ties broken at random); in the order drawn."""
    names = list(groups)
    rng.shuffle(names)
    used: Counter[Kind] = Counter()
    chosen: list[Question] = []
    for name in names[:count]:
        members = groups[name]
        fewest = min(used[q.kind] for q in members)
        pick = rng.choice([q for q in members if used[q.kind] == fewest])
        used[pick.kind] += 1
        chosen.append(pick)
    return chosen
