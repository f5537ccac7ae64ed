"""The shared pieces: year margins as the app scores them, counted notes, text clean-up."""

from __future__ import annotations

import pytest

from quizgen.classroom.common import count_by_kind, html_text, one_line, year_range
from quizgen.facts.dates import parse_date
from quizgen.facts.model import Kind
from quizgen.questions.scoring import year_points

from .conftest import Deck


@pytest.mark.parametrize(
    ("date", "centre", "tolerance"),
    [
        ("1998", 1998, 0),
        ("c. 1891", 1891, 2),
        ("2014/2017", 2015.5, 1.5),
        ("1990s", 1994.5, 4.5),
        ("44 BC", -44, 0),
    ],
)
def test_full_marks_cover_exactly_the_years_the_app_gives_full_points(
    date: str, centre: float, tolerance: float
) -> None:
    key = parse_date(date)
    years = year_range(key)
    assert (years.centre, years.tolerance) == (centre, tolerance)
    if key.year > 0:
        inside = range(int(years.low), int(years.high) + 1)
        assert all(year_points(key, year) == 1.0 for year in inside)
        assert year_points(key, int(years.low) - 1) < 1.0
        assert year_points(key, int(years.high) + 1) < 1.0
        edge = int(years.centre + years.half_marks_tolerance)
        assert year_points(key, edge) >= 0.5 > year_points(key, edge + 3)


def test_counts_name_kinds_in_the_engines_order(soleimani: Deck) -> None:
    first = {kind: next(q for q in soleimani.questions if q.kind is kind) for kind in Kind}
    assert count_by_kind([first[Kind.ORDER]]) == "1 put-in-order question"
    mixed = [first[Kind.ORDER], first[Kind.TYPED], first[Kind.MULTIPLE_CHOICE], first[Kind.TYPED]]
    assert count_by_kind(mixed) == "1 multiple-choice, 2 typed and 1 put-in-order questions"


def test_text_clean_up() -> None:
    assert one_line("a\tb \n c\r\nd  e") == "a b c d  e"
    assert html_text("<b>{1:SA:=x}</b> [b]\nnext \x1b") == (
        "&lt;b&gt;&#123;1:SA:=x&#125;&lt;/b&gt; &#91;b]<br>next \\x1b"
    )
