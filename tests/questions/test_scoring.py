"""Year and order scoring: bounded, monotonic, full marks inside the interval, ties either way."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.facts.dates import parse_date
from quizgen.questions.model import TimelineItem
from quizgen.questions.scoring import score_order, score_year, year_points


def test_full_marks_inside_the_interval() -> None:
    assert score_year(parse_date("1998"), "1998").points == 1.0
    assert score_year(parse_date("2014/2017"), "2015").points == 1.0
    assert score_year(parse_date("late 2023"), "2023").points == 1.0
    assert score_year(parse_date("c. 1998"), "1997").points == 1.0  # the approximation reaches it


def test_close_earns_most_far_earns_few() -> None:
    key = parse_date("1998")
    assert score_year(key, "1997").points > 0.6
    assert score_year(key, "1990").points < 0.15


def test_era_scaling() -> None:
    """A year off matters more in recent history than in antiquity."""
    assert (
        year_points(parse_date("1998"), 1993)
        < year_points(parse_date("1867"), 1862)
        < year_points(parse_date("44 BC"), -38)
    )


@pytest.mark.parametrize("text", ["c. 1998", "circa 1998", "1998", "1998.", "in 1998."])
def test_accepted_spellings(text: str) -> None:
    assert score_year(parse_date("1998"), text).points == 1.0


def test_decades_where_the_precision_allows() -> None:
    assert score_year(parse_date("199X"), "the 1990s").points == 1.0
    result = score_year(parse_date("1998"), "the 1990s")
    assert result.points == 0.0
    assert "name a year" in (result.note or "")


def test_unreadable_guess() -> None:
    result = score_year(parse_date("1998"), "soon")
    assert result.points == 0.0
    assert result.guess is None


@pytest.mark.parametrize("text", ["", "   "])
def test_no_guess_is_no_answer_not_a_bad_date(text: str) -> None:
    result = score_year(parse_date("1998"), text)
    assert (result.points, result.note) == (0.0, "no answer given")


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 2100), st.integers(0, 300), st.integers(0, 300))
def test_year_points_bounded_and_monotonic(key_year: int, near: int, far: int) -> None:
    near, far = min(near, far), max(near, far)
    key = parse_date(f"{key_year:04d}")
    for direction in (1, -1):
        close, distant = (
            year_points(key, key_year + direction * near),
            year_points(key, key_year + direction * far),
        )
        assert 0.0 <= distant <= close <= 1.0


@pytest.mark.parametrize("key_year", [2012, 1867, 1957])
def test_each_year_further_off_earns_less(key_year: int) -> None:
    """2011 and 2010 both earned 71% for 2012: a year off and two years off must differ."""
    key = parse_date(str(key_year))
    for direction in (1, -1):
        points = [year_points(key, key_year + direction * off) for off in range(8)]
        assert points[0] == 1.0
        steps = [b / a for a, b in itertools.pairwise(points[1:])]  # each further year
        assert max(steps) - min(steps) < 0.01, points  # costs the same share: none is free


@pytest.mark.parametrize("key", ["2012", "2020-06", "2020-06-15", "1998~"])
def test_a_year_off_costs_the_same_whatever_the_keys_precision(key: str) -> None:
    """2019 for June 2020 earned 62% where 2011 for 2012 earned 71%: counted in days from the far
    side of 2019, it was nearly a year and a half off."""
    date = parse_date(key)
    low, high = date.years_reached()
    plain = parse_date(str(date.year))
    assert year_points(date, low - 1) == pytest.approx(year_points(plain, plain.year - 1))
    assert year_points(date, high + 1) == pytest.approx(year_points(plain, plain.year + 1))
    assert year_points(date, low) == year_points(date, high) == 1.0


def test_a_year_said_as_in_a_sentence_is_read() -> None:
    assert score_year(parse_date("2023"), "in 2023").points == 1.0
    assert score_year(parse_date("1979"), "in 79").note == "'79' would be AD 79; name the whole year"


def items(*dates: str) -> list[TimelineItem]:
    return [TimelineItem(f"e{i}", f"event {i}", parse_date(d)) for i, d in enumerate(dates)]


def test_order_extremes() -> None:
    events = items("1979", "1988", "1998", "2012", "2018")
    ids = [e.id for e in events]
    assert score_order(events, ids) == 1.0
    assert score_order(events, ids[::-1]) == 0.0


def test_ties_count_either_way() -> None:
    events = items("1980/1988", "1985", "2020")
    assert score_order(events, ["e0", "e1", "e2"]) == 1.0
    assert score_order(events, ["e1", "e0", "e2"]) == 1.0
    reversed_score = score_order(events, ["e2", "e1", "e0"])
    assert reversed_score == pytest.approx(1 / 3)  # only the tie is "right" when reversed
    assert reversed_score == min(
        score_order(events, list(p)) for p in itertools.permutations(["e0", "e1", "e2"])
    )


def test_order_refuses_a_wrong_set() -> None:
    with pytest.raises(ValueError, match="exactly once"):
        score_order(items("1979", "1988"), ["e0", "e0"])


def _inversions(order: list[str], truth: list[str]) -> int:
    rank = {item: i for i, item in enumerate(truth)}
    return sum(rank[a] > rank[b] for a, b in itertools.combinations(order, 2))


@settings(max_examples=200, deadline=None)
@given(
    st.permutations(["e0", "e1", "e2", "e3", "e4", "e5"]),
    st.permutations(["e0", "e1", "e2", "e3", "e4", "e5"]),
)
def test_more_swaps_never_score_higher(a: list[str], b: list[str]) -> None:
    events = items("1901", "1920", "1944", "1968", "1989", "2001")
    truth = [e.id for e in events]
    if _inversions(a, truth) <= _inversions(b, truth):
        assert score_order(events, a) >= score_order(events, b)
    assert 0.0 <= score_order(events, a) <= 1.0


@pytest.mark.parametrize(
    ("key", "given", "read"), [("1979", "79", False), ("79", "79", True), ("1979", "979", True)]
)
def test_two_digits_for_a_modern_year_are_asked_again(key: str, given: str, read: bool) -> None:
    """ "79" for the 1979 revolution means 1979, not AD 79: 0% of the points would be unfair."""
    result = score_year(parse_date(key), given)
    assert (result.guess is not None) is read
    if not read:
        assert result.note == "'79' would be AD 79; name the whole year"
