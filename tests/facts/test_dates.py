"""Dates keep their precision, compare as intervals, and tie when they overlap."""

from __future__ import annotations

import datetime as dt

import pytest
from edtf import parse_edtf
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from quizgen.facts.dates import DateParseError, Precision, ambiguous_years, days_from_civil, parse_date

EPOCH = dt.date(1970, 1, 1)


def day(date: dt.date) -> int:
    return (date - EPOCH).days


@pytest.mark.parametrize(
    ("text", "edtf", "precision", "label"),
    [
        ("1957-03-11", "1957-03-11", Precision.DAY, "11 March 1957"),
        ("March 11, 1957", "1957-03-11", Precision.DAY, "11 March 1957"),
        ("11 March 1957", "1957-03-11", Precision.DAY, "11 March 1957"),
        ("11th of March 1957", "1957-03-11", Precision.DAY, "11 March 1957"),
        ("2020-06", "2020-06", Precision.MONTH, "June 2020"),
        ("June 2020", "2020-06", Precision.MONTH, "June 2020"),
        ("Jan 2021", "2021-01", Precision.MONTH, "January 2021"),
        ("1998", "1998", Precision.YEAR, "1998"),
        ("c. 1998", "1998~", Precision.YEAR, "c. 1998"),
        ("1998~", "1998~", Precision.YEAR, "c. 1998"),
        ("1998?", "1998?", Precision.YEAR, "1998 (uncertain)"),
        ("late 2023", "2023-39", Precision.PART, "late 2023"),
        ("early 2020", "2020-37", Precision.PART, "early 2020"),
        ("mid-2020", "2020-38", Precision.PART, "mid-2020"),
        ("spring 2020", "2020-21", Precision.PART, "spring 2020"),
        ("199X", "199X", Precision.DECADE, "the 1990s"),
        ("the 1990s", "199X", Precision.DECADE, "the 1990s"),
        ("19XX", "19XX", Precision.CENTURY, "the 20th century"),  # "the 1900s" is also the decade 190X
        ("the twentieth century", "19XX", Precision.CENTURY, "the 20th century"),
        ("Twenty-first century", "20XX", Precision.CENTURY, "the 21st century"),
        ("the fifth century BC", "-04XX", Precision.CENTURY, "the 5th century BC"),
        ("44 BC", "-0043", Precision.YEAR, "44 BC"),
        ("AD 79", "0079", Precision.YEAR, "AD 79"),
    ],
)
def test_parsing_keeps_precision(text: str, edtf: str, precision: Precision, label: str) -> None:
    date = parse_date(text)
    assert date.edtf() == edtf
    assert date.precision is precision
    assert date.label() == label
    assert not date.is_range


@pytest.mark.parametrize(
    "text",
    ["2014/2017", "2014 to 2017", "between 2014 and 2017", "2014-2017", "2014–2017", "from 2014 to 2017"],
)
def test_ranges(text: str) -> None:
    date = parse_date(text)
    assert date.is_range
    assert date.edtf() == "2014/2017"
    assert date.label() == "2014–2017"
    assert date.phrase() == "between 2014 and 2017"
    assert date.question_phrase() == "Between which years"
    assert date.start == days_from_civil(2014, 1, 1)
    assert date.end == days_from_civil(2017, 12, 31)


@pytest.mark.parametrize(
    ("text", "phrase", "question"),
    [
        ("1957-03-11", "on 11 March 1957", "On what date"),
        ("2020-06", "in June 2020", "In which month of 2020"),
        ("1998", "in 1998", "In what year"),
        ("c. 1998", "in about 1998", "In approximately what year"),
        ("c. October 1789", "in about October 1789", "Approximately when"),  # no year: options are months
        ("late 2023", "in late 2023", "When"),
        ("199X", "in the 1990s", "In which decade"),
        ("1980/1988", "between 1980 and 1988", "Between which years"),
    ],
)
def test_wording_follows_precision(text: str, phrase: str, question: str) -> None:
    date = parse_date(text)
    assert date.phrase() == phrase
    assert date.question_phrase() == question


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("11/3/1957", "ambiguous"),
        ("1957-02-29", "has no day 29"),
        ("1957-13", "has no month 13"),
        ("2017/2014", "ends before it starts"),
        ("2014/..", "open-ended"),
        ("soon", "cannot read"),
        ("circa", "'circa' has no date after it"),  # was "cannot read ''"
        ("c.", "'c.' has no date after it"),
        ("", "cannot be empty"),
        ("0 BC", "no year 0 BC"),
    ],
)
def test_bad_dates_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert message in caught.value.message


@pytest.mark.parametrize(("text", "span"), [("the early 1960s", "1960/1963"), ("mid-1980s", "1983/1986")])
def test_a_part_of_a_decade_is_refused_with_the_span_to_write(text: str, span: str) -> None:
    """The hint listed day and month spellings, none of which an author of "the early 1960s" needs."""
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.hint is not None
    assert f"as a span, such as {span}" in caught.value.hint
    parse_date(span)  # and what it suggests reads


def test_leap_days() -> None:
    assert parse_date("2000-02-29").label() == "29 February 2000"
    with pytest.raises(DateParseError):
        parse_date("1900-02-29")


def test_ordering_and_ties() -> None:
    born, joined, command = parse_date("1957-03-11"), parse_date("1979"), parse_date("1998")
    war = parse_date("1980/1988")
    assert born.compare(joined) == -1
    assert command.compare(joined) == 1
    assert war.compare(parse_date("1985")) == 0  # a year inside a range: a tie, never an error
    assert war.compare(parse_date("1979")) == 1
    assert parse_date("2020").compare(parse_date("2020-01-03")) == 0  # a year contains its days
    assert parse_date("June 2020").compare(parse_date("January 2021")) == -1
    assert parse_date("late 2023").compare(parse_date("2023-10")) == 0
    assert parse_date("early 2023").compare(parse_date("late 2023")) == -1


def test_approximate_dates_reach_their_neighbours() -> None:
    assert parse_date("c. 1998").compare(parse_date("1997")) == 0
    assert parse_date("c. 1998").compare(parse_date("1990")) == 1
    assert parse_date("1998").compare(parse_date("1997")) == 1


def test_comparison_is_antisymmetric_for_bce() -> None:
    caesar, augustus = parse_date("44 BC"), parse_date("AD 14")
    assert caesar.compare(augustus) == -1
    assert augustus.compare(caesar) == 1
    assert caesar.start < augustus.start


def test_days_from_civil_matches_the_standard_library() -> None:
    for date in (dt.date(1, 1, 1), dt.date(1957, 3, 11), dt.date(2000, 2, 29), dt.date(9999, 12, 31)):
        assert days_from_civil(date.year, date.month, date.day) == day(date)


# ---------------------------------------------------------------------------
# python-edtf is the oracle: our parser must agree with it on the EDTF it accepts.

years = st.integers(min_value=1, max_value=2100)


def _day_of(bound: object) -> int:
    """python-edtf bounds are struct_time (so year 0 works); compare by day number."""
    return days_from_civil(bound.tm_year, bound.tm_mon, bound.tm_mday)  # type: ignore[attr-defined]


ALL_SHAPES = ("year", "month", "day", "decade", "century", "part")


@st.composite
def edtf_points(draw: st.DrawFn, shapes: tuple[str, ...] = ALL_SHAPES) -> str:
    year = draw(years)
    shape = draw(st.sampled_from(shapes))
    if shape == "year":
        text = f"{year:04d}"
    elif shape == "month":
        text = f"{year:04d}-{draw(st.integers(1, 12)):02d}"
    elif shape == "day":
        value = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2100, 12, 31)))
        text = value.isoformat()
    elif shape == "decade":
        text = f"{year:04d}"[:3] + "X"
    elif shape == "century":
        text = f"{year:04d}"[:2] + "XX"
    else:  # python-edtf truncates winter (24) to December: compare the groupings it gets right
        text = f"{year:04d}-{draw(st.sampled_from([21, 22, 23, 33, 34, 35, 36, 37, 38, 39, 40, 41])):02d}"
    if shape in ("year", "month", "day"):
        text += draw(st.sampled_from(["", "", "~", "?", "%"]))
    return text


@settings(max_examples=150, deadline=None)
@given(edtf_points())
def test_agrees_with_python_edtf_on_points(text: str) -> None:
    ours, theirs = parse_date(text), parse_edtf(text)
    assert ours.start == _day_of(theirs.lower_strict())
    assert ours.end == _day_of(theirs.upper_strict())
    assert ours.edtf() == text


@settings(max_examples=100, deadline=None)
@given(edtf_points(("year", "month", "day")), edtf_points(("year", "month", "day")))
def test_agrees_with_python_edtf_on_intervals(a: str, b: str) -> None:
    first, second = sorted((a, b), key=lambda t: parse_date(t).start)
    text = f"{first}/{second}"
    try:
        ours = parse_date(text)
    except DateParseError:  # a range that ends before it starts, or at the date it starts
        assert parse_date(second).end < parse_date(first).start or parse_date(first) == parse_date(second)
        return
    theirs = parse_edtf(text)
    assert ours.start == _day_of(theirs.lower_strict())
    assert ours.end == _day_of(theirs.upper_strict())


@settings(max_examples=150, deadline=None)
@given(edtf_points(), edtf_points())
def test_compare_is_consistent(a: str, b: str) -> None:
    x, y = parse_date(a), parse_date(b)
    assert x.compare(y) == -y.compare(x)
    assert (x.compare(y) == 0) == x.overlaps(y)
    assert x.compare(x) == 0


@settings(max_examples=150, deadline=None)
@given(edtf_points())
def test_edtf_round_trips(text: str) -> None:
    assert parse_date(parse_date(text).edtf()) == parse_date(text)


@given(st.integers(min_value=-3000, max_value=3000))
def test_a_year_starts_at_its_own_number_on_a_timeline(year: int) -> None:
    """Timelines draw and label dates by fractional year: a year fills [year, year + 1) exactly,
    so an event in 1979 is never drawn or labelled as 1978."""
    text = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    date = parse_date(text)
    assert date.start_year == year
    assert date.end_year == year + 1


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_a_day_falls_inside_its_year(value: dt.date) -> None:
    date = parse_date(value.isoformat())
    assert value.year <= date.start_year < date.end_year <= value.year + 1


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("1980-88", "1980–1988"),
        ("1990 - 95", "1990–1995"),
        ("1936–39", "1936–1939"),  # an en dash is never EDTF: a range whatever its end
        ("1904 - 05", "1904–1905"),
        ("1980-12", "December 1980"),
        ("1980-24", "winter 1980"),
    ],
)
def test_a_range_with_its_second_year_shortened(text: str, label: str) -> None:
    """How people write the Iran-Iraq War: "1980-88". A month or a season keeps its EDTF reading."""
    assert parse_date(text).label() == label


@pytest.mark.parametrize(
    ("text", "years", "part"),
    [
        ("1939-40", "1939/1940", "the first half of 1939"),
        ("1920-21", "1920/1921", "spring 1920"),
        ("1830-31", "1830/1831", "autumn 1830 (southern)"),
        ("1936-39", "1936/1939", "late 1936"),  # the Spanish Civil War, not its first year's end
        ("2023-39", "2023/2039", "late 2023"),
    ],
)
def test_a_next_year_that_is_also_an_edtf_season_is_told_apart(text: str, years: str, part: str) -> None:
    """A history teacher writes "1939-40" for the two years; EDTF reads the first half of 1939. The
    EDTF reading stays what ``parse_date`` gives (its own ``edtf()`` must read back); the author
    is asked which was meant."""
    ambiguous = ambiguous_years(text)
    assert ambiguous is not None
    assert ambiguous.message == (
        f"{text!r} could be the years {parse_date(years).label()} or, in EDTF's code, {part}"
    )
    assert ambiguous.hint == f"write {years} for the years, or {part} for the part of the year"
    assert ambiguous.years == parse_date(years)
    assert parse_date(text).label() == part


@pytest.mark.parametrize("text", ["2021-21", "1999-33", "1792-93", "1980-88", "1939–40", "1939/1940"])
def test_other_dashes_and_codes_are_no_question(text: str) -> None:
    assert ambiguous_years(text) is None


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("20 June 1791 – 21 June 1791", "1791-06-20/1791-06-21"),
        ("20 June 1791–21 June 1791", "1791-06-20/1791-06-21"),  # as quizgen writes a span
        ("20-21 June 1791", "1791-06-20/1791-06-21"),
        ("20–21 June 1791", "1791-06-20/1791-06-21"),
        ("June 20-21, 1791", "1791-06-20/1791-06-21"),
        ("September 1793 - July 1794", "1793-09/1794-07"),
        ("c. 1990 – 1995", "1990~/1995"),
    ],
)
def test_spans_as_people_write_them(text: str, edtf: str) -> None:
    assert parse_date(text).edtf() == edtf


@pytest.mark.parametrize(
    ("edtf", "label", "phrase"),
    [
        ("1791-06-20/1791-06-21", "20–21 June 1791", "between 20 and 21 June 1791"),
        ("1791-06-20/1791-07-21", "20 June – 21 July 1791", "between 20 June and 21 July 1791"),
        ("1793-09/1793-12", "September–December 1793", "between September and December 1793"),
        ("1980-03/1988-08", "March 1980–August 1988", "between March 1980 and August 1988"),
        ("1990~/1995", "c. 1990–1995", "between c. 1990 and 1995"),
    ],
)
def test_a_span_within_a_year_says_its_year_once(edtf: str, label: str, phrase: str) -> None:
    """ "20 June 1791–21 June 1791" is how no one writes the flight to Varennes."""
    date = parse_date(edtf)
    assert date.label() == label
    assert date.phrase() == phrase
    assert parse_date(label) == date  # a student may type what the answer shows
    assert parse_date(phrase) == date


@pytest.mark.parametrize(
    ("text", "edtf"),
    [  # each read so before spans learnt to share a year, and after
        ("mid-1998 to late 1999", "1998-38/1999-39"),
        ("between mid-1998 and late 1999", "1998-38/1999-39"),
        ("c.1990 to 1995", "1990~/1995"),
        ("1990s to 1995", "199X/1995"),
        ("AD 79 to AD 80", "0079/0080"),
        ("March 5–April 7, 1990", "1990-03-05/1990-04-07"),  # not March of AD 5
        ("Jan 1 – Mar 1 1990", "1990-01-01/1990-03-01"),
    ],
)
def test_an_end_that_reads_on_its_own_keeps_its_reading(text: str, edtf: str) -> None:
    assert parse_date(text).edtf() == edtf


SPAN_ENDS = ("year", "month", "day", "part")  # a span of decades or centuries is written in EDTF


def _reads_back(text: str, date: object) -> bool:
    try:
        return parse_date(text) == date
    except DateParseError:
        return False


@settings(max_examples=150, deadline=None)
@given(edtf_points(SPAN_ENDS), edtf_points(SPAN_ENDS))
def test_every_span_of_any_precision_reads_back_from_its_label_and_phrase(a: str, b: str) -> None:
    for end in (a, b):  # a span reads back when its ends do ("the first quarter of 1990" does not)
        assume(_reads_back(parse_date(end).label(), parse_date(end)))
    first, second = sorted((a, b), key=lambda t: parse_date(t).start)
    try:
        date = parse_date(f"{first}/{second}")
    except DateParseError:
        return  # ends that overlap or meet: no span
    assert parse_date(date.label()) == date, date.label()
    assert parse_date(date.phrase()) == date, date.phrase()


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(1, 400))
def test_every_span_reads_back_from_its_label_and_phrase(start: dt.date, days: int) -> None:
    end = start + dt.timedelta(days=days)
    for precision in ("day", "month"):
        first, last = (
            (start.isoformat(), end.isoformat())
            if precision == "day"
            else (start.isoformat()[:7], end.isoformat()[:7])
        )
        if first == last:
            continue
        date = parse_date(f"{first}/{last}")
        assert parse_date(date.label()) == date, date.label()
        assert parse_date(date.phrase()) == date, date.phrase()


def test_a_dashed_span_that_runs_backwards_says_so() -> None:
    with pytest.raises(DateParseError, match="ends before it starts"):
        parse_date("21 June 1791 - 20 June 1791")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0th century", "there is no 0th century"),
        ("0", "there is no year 0"),
        ("AD 0", "there is no year 0 AD"),
        ("1957/1957", "runs from a date to itself"),
        ("1957 to 1957", "runs from a date to itself"),
        ("late -5", "cannot read 'late -5' as a date"),
        ("1988-80", "has no month 80"),
    ],
)
def test_dates_that_do_not_exist_are_refused(text: str, message: str) -> None:
    """Each was read as something else: the 2nd century BC, 1 BC, a one-year range, "late 5"."""
    with pytest.raises(DateParseError, match=message):
        parse_date(text)
