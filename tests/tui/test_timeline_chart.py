"""The timelines drawn after a timeline question and on the browse screen: each year written beside
the axis is the year of the event there, never the one before."""

from __future__ import annotations

import pytest

from quizgen.facts.dates import parse_date
from quizgen.tui.widgets.timeline_chart import strip, vertical


@pytest.mark.parametrize(
    ("first", "last", "ends"),
    [
        ("2015", "2020-01-03", ("2015", "2020")),  # the last event early in its year
        ("1980/1988", "2021-01", ("1980", "2021")),  # a range, then a month
        ("-0044", "0014", ("45 BC", "14")),
        ("1903-12-10", "1911", ("1903", "1911")),
    ],
)
def test_the_axis_ends_carry_the_first_and_last_events_years(
    first: str, last: str, ends: tuple[str, str]
) -> None:
    axis = strip([("one", parse_date(first)), ("two", parse_date(last))]).plain.splitlines()[0]
    assert axis.startswith(f"{ends[0]} ")
    assert axis.endswith(f" {ends[1]}")


@pytest.mark.parametrize(
    ("answer", "guess"), [("2020-01-03", "2019"), ("2020-06", "2020"), ("1979", "1980/1988")]
)
def test_every_marker_is_on_the_axis_whatever_covers_it(answer: str, guess: str) -> None:
    """A guessed year drawn as a bar over the answer's day erased the answer's ①."""
    axis = strip([("answer", parse_date(answer)), ("guess", parse_date(guess))]).plain.splitlines()[0]
    assert "①" in axis
    assert "②" in axis


def test_each_row_of_the_vertical_timeline_starts_with_its_events_year() -> None:
    rows = vertical([("revolution", parse_date("1979")), ("war", parse_date("1980/1988"))]).plain.splitlines()
    assert rows[0].split() == ["1979", "●", "1979", "revolution"]
    assert rows[-1].split() == ["1980", "━", "1980–1988", "war"]


def test_a_long_label_wraps_beside_the_axis_not_under_the_years() -> None:
    label = (
        "Soleimani rises through the ranks as a young commander in the Iran-Iraq War (according to Sputnik)"
    )
    rows = vertical(
        [("The Iranian Revolution", parse_date("1979")), (label, parse_date("1980/1988"))], width=60
    ).plain.splitlines()
    assert all(len(row) <= 60 for row in rows)
    wrapped = [row for row in rows if not row.lstrip()[:4].isdigit()]
    assert wrapped  # the label did wrap
    assert all(row.startswith("       │") for row in wrapped), rows
    assert " ".join(row.removeprefix("       │").strip() for row in rows[1:]).endswith(label)


def test_a_long_legend_line_wraps_under_its_own_start() -> None:
    label = "A Tehran court orders the US government and others to pay compensation (according to Sputnik)"
    rows = strip([("one", parse_date("2015")), (label, parse_date("late 2023"))], width=60).plain.splitlines()
    assert all(len(row) <= 60 for row in rows)
    legend = rows[1:]
    assert legend[0].startswith("  ① 2015  one")
    assert legend[1].startswith("  ② late 2023  A Tehran court")
    assert len(legend) > 2
    assert all(row.startswith("    ") and row[4] != " " for row in legend[2:]), legend  # under "late"


@pytest.mark.parametrize("year", ["1979", "-1199"])  # 1200 BC takes a wider year column
def test_a_wrapped_label_lines_up_under_its_first_line(year: str) -> None:
    label = "A long label about what happened then, long enough to wrap at least once or twice here"
    rows = vertical([(label, parse_date(year))], width=50).plain.splitlines()
    assert len(rows) > 1
    assert all(len(row) <= 50 for row in rows), rows
    start = rows[0].index("●") + 3  # where the first line's text begins: the date
    assert rows[0][start:].startswith(parse_date(year).label())
    for row in rows[1:]:
        assert row[7] == "│"
        assert row[start] != " ", (rows, start)
        assert row[start - 1] == " ", (rows, start)


def test_a_guess_one_year_off_is_two_points_not_one_bar() -> None:
    """Each year drawn as wide as it is made 2022 and 2023 one bar across the whole axis."""
    axis = strip([("answer", parse_date("2023")), ("guess", parse_date("2022"))]).plain.splitlines()[0]
    assert "━" not in axis
    assert axis.index("②") < axis.index("①")


@pytest.mark.parametrize("wide", ["1980/1988", "198X"])  # a span, a decade
def test_a_span_or_a_decade_is_drawn_as_wide_as_it_is(wide: str) -> None:
    axis = strip([("wide", parse_date(wide)), ("then", parse_date("2000"))]).plain.splitlines()[0]
    assert axis.count("━") > 15


def test_events_within_one_year_name_it_once_in_the_legend_not_at_both_ends() -> None:
    """A right guess drew "1957 ──①②── 1957": two ends of an axis one year long."""
    rows = strip([("answer", parse_date("1957")), ("guess", parse_date("1957-03"))]).plain.splitlines()
    assert "1957" not in rows[0]
    assert "①" in rows[0]
    assert "②" in rows[0]
    assert rows[1].startswith("  ① 1957  answer")
