"""Wrong options that a student cannot rule out by their shape alone."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from quizgen.facts.loader import load_library
from quizgen.facts.quantities import parse_quantity
from quizgen.questions.distractors import Distractors

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def distractors() -> Distractors:
    return Distractors(load_library([ROOT / "content" / "soleimani.yaml"]), present_year=2026)


@pytest.mark.parametrize("written", ["13", "nearly $50 billion", "110.6 metres", "$25.8 billion", "1,957"])
def test_a_numbers_rank_among_its_options_gives_nothing_away(distractors: Distractors, written: str) -> None:
    """The key was nearly always second largest (halved, quartered, doubled): it takes every rank,
    none more than a third of the time."""
    key = parse_quantity(written)
    ranks: Counter[int] = Counter()
    for seed in range(400):
        options = distractors.quantities(key, random.Random(seed))
        assert len(options) == 3
        ranks[sum(option.value > key.value for option in options)] += 1
    assert sorted(ranks) == [0, 1, 2, 3]
    assert max(ranks.values()) <= 400 / 3, ranks


@pytest.mark.parametrize(
    ("written", "decimals"), [("110.6 metres", 1), ("$25.8 billion", 1), ("3.14", 2), ("13", 0)]
)
def test_wrong_numbers_are_written_as_precisely_as_the_key(
    distractors: Distractors, written: str, decimals: int
) -> None:
    """Only the key had a decimal (25.8 billion among 52, 13 and 6 billion), or only a wrong one
    had two (27.65 among 110.6): every option now has the key's places, none ending in a 0."""
    key = parse_quantity(written)
    for seed in range(100):
        for option in distractors.quantities(key, random.Random(seed)):
            match = re.search(r"\.(\d+)", option.text)
            assert (len(match.group(1)) if match else 0) == decimals, option.text
            assert option.value != key.value


def test_a_share_is_never_offered_above_the_whole(distractors: Distractors) -> None:
    key = parse_quantity("95%")
    for seed in range(100):
        options = distractors.quantities(key, random.Random(seed))
        assert len(options) == 3
        assert all(option.value <= 100 and option.text.endswith("%") for option in options)


def test_a_shares_rank_is_spread_where_there_is_room_above_it(distractors: Distractors) -> None:
    """The ceiling stopped every share at the key: 30% was always the largest or the smallest."""
    ranks: Counter[int] = Counter()
    for seed in range(300):
        options = distractors.quantities(parse_quantity("30%"), random.Random(seed))
        ranks[sum(option.value > 30 for option in options)] += 1
    assert sorted(ranks) == [0, 1, 2]  # 30% × 1.5 × 1.5 fits under 100%, a third step does not
