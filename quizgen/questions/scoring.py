"""Scoring by closeness: years and orderings. Pure, bounded in [0, 1], monotonic.

A year guess earns full points inside the key's interval (an approximate key
reaches a little further) and loses points with distance on a curve scaled
by era: a year off matters for 1998, less for 1867, little for 44 BC.
An ordering earns the share of its pairs in the right order; overlapping
dates are a tie and count as right either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from quizgen.facts.dates import DateParseError, HistoricalDate, Precision, parse_date

from .answers import NO_ANSWER, typed_text, without_preposition
from .model import TimelineItem

ERA_ORIGIN = 2000  # half-lives grow with distance from the present era


@dataclass(frozen=True, slots=True)
class YearScore:
    points: float
    guess: HistoricalDate | None
    note: str | None = None


def half_life(key: HistoricalDate) -> float:
    """Years off at which a guess earns half the points."""
    span = {Precision.DECADE: 10.0, Precision.CENTURY: 100.0}.get(key.precision, 0.0)
    return max(2.0, abs(ERA_ORIGIN - key.year) / 10, span)


def year_points(key: HistoricalDate, guess_year: int) -> float:
    """Points for a guessed year: 1 inside the key's years, halving every ``half_life`` years outside.

    Counted in whole years, as the question asks: 2019 is a year off June 2020 as 2011 is off
    2012 (counted in days from the far side of 2019, it was nearly a year and a half)."""
    low, high = key.years_reached()
    if low <= guess_year <= high:
        return 1.0
    distance = low - guess_year if guess_year < low else guess_year - high
    return 0.5 ** (distance / half_life(key))


def score_year(key: HistoricalDate, text: str) -> YearScore:
    """Score a typed year: "1998", "c. 1998", "44 BC", or "the 1990s" when the key is a decade."""
    given = typed_text(text)
    if not given:
        return YearScore(0.0, None, NO_ANSWER)  # a student who gave up, not a malformed date
    given = without_preposition(given, "")  # "in 1998"
    if given.isdigit() and len(given) <= 2 and key.first.year >= 1000:
        return YearScore(0.0, None, f"{given!r} would be AD {given}; name the whole year")  # "79" meant 1979
    try:
        guess = parse_date(given)
    except DateParseError as error:
        return YearScore(0.0, None, error.message)
    if guess.is_range:
        return YearScore(0.0, guess, "name one year")
    if guess.precision > max(key.precision, Precision.YEAR):
        return YearScore(0.0, guess, "name a year, not a whole decade or century")
    if guess.precision >= Precision.DECADE:  # "the 1990s" for a decade key
        return YearScore(1.0 if guess.overlaps(key) else year_points(key, guess.year + 5), guess)
    return YearScore(year_points(key, guess.year), guess)


def score_order(items: Sequence[TimelineItem], given: Sequence[str]) -> float:
    """The share of pairs the student put in the right order; ties count as right.

    1.0 for the right order, the minimum for the reversed one, and never more
    for an order with more pairs swapped.
    """
    by_id = {item.id: item for item in items}
    if sorted(given) != sorted(by_id):
        raise ValueError("the given order must hold each item exactly once")
    pairs = list(combinations(given, 2))
    if not pairs:
        return 1.0
    right = sum(by_id[a].date.compare(by_id[b].date) <= 0 for a, b in pairs)
    return right / len(pairs)
