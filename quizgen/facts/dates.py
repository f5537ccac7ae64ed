"""Historical dates that keep the precision their source gives them.

A source says "1998", "June 2020", "late 2023" or "between 2014 and 2017";
quizgen must never ask more precisely than that, and two dates whose
intervals overlap are a tie, never an error. EDTF (the Library of Congress
Extended Date/Time Format) is the reference notation; a few friendly
spellings ("11 March 1957", "c. 1998", "2014 to 2017") are accepted too.

We parse with our own small parser: python-edtf costs milliseconds a date,
which dominates loading a large library. It remains the test oracle.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import IntEnum

__all__ = [
    "DateParseError",
    "HistoricalDate",
    "Precision",
    "days_from_civil",
    "parse_date",
]


class DateParseError(ValueError):
    """A date an author wrote that quizgen cannot read; the loader adds the location."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class AmbiguousYears(DateParseError):
    """ "1939-40": EDTF reads a part of 1939 (code 40), a person the years 1939 to 1940. An author
    is asked to say which; a student's answer is read as the years (``ambiguous_years``)."""

    def __init__(self, raw: str, years: HistoricalDate, part: HistoricalDate) -> None:
        super().__init__(
            f"{raw!r} could be the years {years.label()} or, in EDTF's code, {part.label()}",
            f"write {years.edtf()} for the years, or {part.label()} for the part of the year",
        )
        self.years = years


class Precision(IntEnum):
    """How finely a date is known; larger is coarser."""

    DAY = 1
    MONTH = 2
    PART = 3  # a season, quarter, "early/mid/late", a half: a part of one year
    YEAR = 4
    DECADE = 5
    CENTURY = 6


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUMBERS = (
    {name.lower(): i for i, name in enumerate(MONTHS, 1)}
    | {name[:3].lower(): i for i, name in enumerate(MONTHS, 1)}
    | {"sept": 9}
)

# EDTF sub-year groupings: code -> (first month, last month, label template).
# Winter runs into the next year; we follow EDTF's northern-hemisphere default.
_PARTS: dict[int, tuple[int, int, str]] = {
    21: (3, 5, "spring {y}"),
    22: (6, 8, "summer {y}"),
    23: (9, 11, "autumn {y}"),
    24: (12, 14, "winter {y}"),
    25: (3, 5, "spring {y}"),
    26: (6, 8, "summer {y}"),
    27: (9, 11, "autumn {y}"),
    28: (12, 14, "winter {y}"),
    29: (9, 11, "spring {y} (southern)"),
    30: (12, 14, "summer {y} (southern)"),
    31: (3, 5, "autumn {y} (southern)"),
    32: (6, 8, "winter {y} (southern)"),
    33: (1, 3, "the first quarter of {y}"),
    34: (4, 6, "the second quarter of {y}"),
    35: (7, 9, "the third quarter of {y}"),
    36: (10, 12, "the fourth quarter of {y}"),
    37: (1, 4, "early {y}"),
    38: (5, 8, "mid-{y}"),
    39: (9, 12, "late {y}"),
    40: (1, 6, "the first half of {y}"),
    41: (7, 12, "the second half of {y}"),
}
_FRIENDLY_PARTS = {
    "spring": 21,
    "summer": 22,
    "autumn": 23,
    "fall": 23,
    "winter": 24,
    "early": 37,
    "mid": 38,
    "middle of": 38,
    "late": 39,
    "end of": 39,
    "first half of": 40,
    "second half of": 41,
    "q1": 33,
    "q2": 34,
    "q3": 35,
    "q4": 36,
}

# How far an approximate date ("c. 1998") reaches each way, in days, by precision.
_APPROXIMATE_REACH = {
    Precision.DAY: 7,
    Precision.MONTH: 61,
    Precision.PART: 122,
    Precision.YEAR: 2 * 365,
    Precision.DECADE: 5 * 365,
    Precision.CENTURY: 25 * 365,
}


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 in the proleptic Gregorian calendar, for any year (BCE too).

    Howard Hinnant's algorithm; astronomical year numbering (year 0 is 1 BC).
    """
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _month_end(year: int, month: int) -> int:
    """Last day of a month given possibly beyond December (winter runs into next year)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return days_from_civil(year, month, _days_in_month(year, month))


@dataclass(frozen=True, slots=True)
class DatePoint:
    """One end of a date: a calendar position known to some precision."""

    year: int
    precision: Precision
    month: int | None = None
    day: int | None = None
    part: int | None = None
    approximate: bool = False
    uncertain: bool = False

    @property
    def first_day(self) -> int:
        if self.precision is Precision.DAY:
            return days_from_civil(self.year, self.month or 1, self.day or 1)
        if self.precision is Precision.MONTH:
            return days_from_civil(self.year, self.month or 1, 1)
        if self.precision is Precision.PART:
            return days_from_civil(self.year, _PARTS[self.part or 37][0], 1)
        return days_from_civil(self.year, 1, 1)

    @property
    def last_day(self) -> int:
        match self.precision:
            case Precision.DAY:
                return self.first_day
            case Precision.MONTH:
                return _month_end(self.year, self.month or 1)
            case Precision.PART:
                return _month_end(self.year, _PARTS[self.part or 37][1])
            case Precision.YEAR:
                return days_from_civil(self.year, 12, 31)
            case Precision.DECADE:
                return days_from_civil(self.year + 9, 12, 31)
            case _:
                return days_from_civil(self.year + 99, 12, 31)

    def edtf(self) -> str:
        year = f"{self.year:04d}" if self.year >= 0 else f"-{-self.year:04d}"
        match self.precision:
            case Precision.DAY:
                text = f"{year}-{self.month:02d}-{self.day:02d}"
            case Precision.MONTH:
                text = f"{year}-{self.month:02d}"
            case Precision.PART:
                text = f"{year}-{self.part:02d}"
            case Precision.YEAR:
                text = year
            case Precision.DECADE:
                text = year[:-1] + "X"
            case _:
                text = year[:-2] + "XX"
        if self.approximate and self.uncertain:
            return text + "%"
        return text + ("~" if self.approximate else "?" if self.uncertain else "")

    def label(self) -> str:
        """How a person writes this date: '11 March 1957', 'June 2020', 'c. 1998'."""
        year = year_label(self.year)
        match self.precision:
            case Precision.DAY:
                text = f"{self.day} {MONTHS[(self.month or 1) - 1]} {year}"
            case Precision.MONTH:
                text = f"{MONTHS[(self.month or 1) - 1]} {year}"
            case Precision.PART:
                text = _PARTS[self.part or 37][2].format(y=year)
            case Precision.YEAR:
                text = year
            case Precision.DECADE:
                text = f"the {self.year}s" if self.year > 0 else f"the decade {year}"
            case _:
                text = _century_label(self.year)
        if self.approximate:
            text = f"c. {text}"
        if self.uncertain:
            text = f"{text} (uncertain)"
        return text


def year_label(year: int) -> str:
    """A year as read: 1979, AD 79, 44 BC (the year numbered 0 in EDTF is 1 BC). A year below 100
    says AD, as historians write it, so "AD 1–2 January 2000" is never read as two days."""
    if year >= 100:
        return str(year)
    return f"AD {year}" if year > 0 else f"{1 - year} BC"


def _century_label(year: int) -> str:
    """ "the 20th century" for 19XX (as "the 20th century" is read back), not "the 1900s", which is
    also the decade 190X."""
    if year < 0:
        return f"the {_ordinal((-year) // 100 + 1)} century BC"
    return f"the {_ordinal(year // 100 + 1)} century"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True, slots=True)
class HistoricalDate:
    """A date or a range of dates, with its precision; compared as an interval.

    ``start`` and ``end`` are inclusive day numbers (days since 1970-01-01).
    ``reach_start``/``reach_end`` widen an approximate date for comparisons:
    "c. 1998" ties with 1997.
    """

    first: DatePoint
    last: DatePoint | None = None
    start: int = field(init=False, compare=False)
    end: int = field(init=False, compare=False)
    reach_start: int = field(init=False, compare=False, repr=False)
    reach_end: int = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        last = self.last or self.first
        start, end = self.first.first_day, last.last_day
        if end < start:
            raise DateParseError(
                f"the range {self.edtf()!r} ends before it starts",
                "write the earlier date first",
            )
        reach_start = start - (_APPROXIMATE_REACH[self.first.precision] if self.first.approximate else 0)
        reach_end = end + (_APPROXIMATE_REACH[last.precision] if last.approximate else 0)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "reach_start", reach_start)
        object.__setattr__(self, "reach_end", reach_end)

    @property
    def is_range(self) -> bool:
        return self.last is not None

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends."""
        if self.last is None:
            return self.first.precision
        return max(self.first.precision, self.last.precision)

    @property
    def approximate(self) -> bool:
        return self.first.approximate or (self.last is not None and self.last.approximate)

    @property
    def year(self) -> int:
        """The year a year-guess aims at: the first year of the date."""
        return self.first.year

    @property
    def start_year(self) -> float:
        """The start as a fractional year, for drawing timelines to scale."""
        return _fractional_year(self.start)

    @property
    def end_year(self) -> float:
        return _fractional_year(self.end + 1)

    @property
    def mid_year(self) -> float:
        return (self.start_year + self.end_year) / 2

    def edtf(self) -> str:
        if self.last is None:
            return self.first.edtf()
        return f"{self.first.edtf()}/{self.last.edtf()}"

    def label(self) -> str:
        """The date as a person writes it: '11 March 1957', '2014–2017', 'late 2023', and a span
        within one year with its year once: '20–21 June 1791', 'September–December 1793'."""
        if self.last is None:
            return self.first.label()
        first, last = self._span_ends()
        shortened = first != self.first.label()
        dash = " – " if shortened and " " in first else "–"  # "20 June – 21 July 1791", "20–21 June 1791"
        return f"{first}{dash}{last}"

    def _span_ends(self) -> tuple[str, str]:
        """The two ends as written together: the year said once when both share it, the month too."""
        first, last = self.first, self.last
        assert last is not None
        plain = not (first.approximate or first.uncertain or last.approximate or last.uncertain)
        same_year = plain and first.year == last.year and first.precision == last.precision
        if same_year and first.precision is Precision.DAY and first.month == last.month:
            return str(first.day), last.label()
        if same_year and first.precision in (Precision.DAY, Precision.MONTH):
            return first.label().removesuffix(f" {year_label(first.year)}"), last.label()
        return first.label(), last.label()

    def phrase(self) -> str:
        """The date inside a sentence: 'on 11 March 1957', 'in 1998', 'between 2014 and 2017'."""
        if self.last is not None:
            first, last = self._span_ends()
            return f"between {first} and {last}"
        if self.first.precision is Precision.DAY and not self.first.approximate:
            return f"on {self.label()}"
        if self.first.approximate:
            return f"in about {self.first.label().removeprefix('c. ')}"
        return f"in {self.label()}"

    def question_phrase(self) -> str:
        """How to ask for this date without asking more precisely than it is known."""
        if self.last is not None:
            return "Between which years" if self.precision >= Precision.YEAR else "Between which dates"
        if self.first.approximate:  # "c. October 1789" is no year: options are months, as the key
            return "In approximately what year" if self.precision >= Precision.YEAR else "Approximately when"
        match self.first.precision:
            case Precision.DAY:
                return "On what date"
            case Precision.MONTH:
                return f"In which month of {year_label(self.first.year)}"
            case Precision.PART:  # "in what year" would mark "2023" wrong for "late 2023"
                return "When"
            case Precision.DECADE:
                return "In which decade"
            case Precision.CENTURY:
                return "In which century"
            case _:
                return "In what year"

    def overlaps(self, other: HistoricalDate) -> bool:
        """Whether the two could be the same moment: such dates are a tie."""
        return self.reach_start <= other.reach_end and other.reach_start <= self.reach_end

    def compare(self, other: HistoricalDate) -> int:
        """-1 if surely earlier, 1 if surely later, 0 when the intervals overlap (a tie)."""
        if self.overlaps(other):
            return 0
        return -1 if self.reach_end < other.reach_start else 1

    def sort_key(self) -> tuple[int, int]:
        return (self.start, self.end)

    def years_reached(self) -> tuple[int, int]:
        """The first and last calendar years the date reaches (an approximate one a little further):
        June 2020 reaches 2020 alone, "c. 1998" 1996 to 2000."""
        return math.floor(_fractional_year(self.reach_start)), math.floor(_fractional_year(self.reach_end))

    def contains_year(self, year: int) -> bool:
        return (
            self.reach_start <= days_from_civil(year, 12, 31)
            and days_from_civil(year, 1, 1) <= self.reach_end
        )

    def __str__(self) -> str:
        return self.label()


def _fractional_year(day: int) -> float:
    """The year a day falls in, plus the part of that year gone by: 1 January 1979 is 1979.0.
    (An average year's length from 1970 put it at 1978.99, and a timeline's axis said 1978.)"""
    year = 1970 + int(day // 365.2425)
    while days_from_civil(year, 1, 1) > day:
        year -= 1
    while days_from_civil(year + 1, 1, 1) <= day:
        year += 1
    first = days_from_civil(year, 1, 1)
    return year + (day - first) / (days_from_civil(year + 1, 1, 1) - first)


# ---------------------------------------------------------------------------
# Parsing

_EDTF_POINT = re.compile(
    r"""^(?P<year>-?\d{4}|\d{3}X|\d{2}XX)
        (?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?
        (?P<qual>[?~%])?$""",
    re.VERBOSE,
)
_MONTH_RE = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_ERA = r"(?:\s*(?P<era>BCE|BC|CE|AD))?"
_FRIENDLY_DAY_MDY = re.compile(
    rf"^(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:(?:AD|CE)\s+)?(?P<year>\d{{1,4}}){_ERA}$",
    re.IGNORECASE,
)
_FRIENDLY_DAY_DMY = re.compile(
    rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\.?,?\s+(?:(?:AD|CE)\s+)?(?P<year>\d{{1,4}}){_ERA}$",
    re.IGNORECASE,
)
_FRIENDLY_MONTH = re.compile(
    rf"^(?P<month>{_MONTH_RE})\.?,?\s+(?:(?:AD|CE)\s+)?(?P<year>\d{{1,4}}){_ERA}$", re.IGNORECASE
)
_FRIENDLY_YEAR = re.compile(r"^(?P<pre>AD\s+)?(?P<year>\d{1,4})" + _ERA + "$", re.IGNORECASE)
_FRIENDLY_DECADE = re.compile(r"^(?:the\s+)?(?P<year>\d{3}0)'?s$", re.IGNORECASE)
# fmt: off
_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)
# fmt: on
_ORDINAL_WORDS = {word: n for n, word in enumerate(_ORDINALS, 1)} | {
    "twenty-first": 21,
    "twenty first": 21,
}
_ORDINAL_WORD_RE = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_FRIENDLY_CENTURY = re.compile(
    rf"^(?:the\s+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>{_ORDINAL_WORD_RE}))\s+century" + _ERA + "$",
    re.IGNORECASE,
)
_PART_RE = "|".join(sorted((re.escape(p) for p in _FRIENDLY_PARTS), key=len, reverse=True))
_FRIENDLY_PART = re.compile(
    rf"^(?P<part>{_PART_RE})(?:-|\s+)(?:(?:AD|CE)\s+)?(?P<year>\d{{1,4}})$", re.IGNORECASE
)
_APPROXIMATE_WORDS = re.compile(r"^(?:c\.|ca\.|circa|about|around|approximately|approx\.)\s*", re.IGNORECASE)
_SHORT_RANGE = re.compile(r"^(?P<first>\d{4})(?P<space>\s*)(?P<dash>[-–])\s*(?P<last>\d{2})$")
_SLASHED_NUMBERS = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$")
_FRIENDLY_RANGE = re.compile(
    r"^(?:between\s+(?P<a1>.+?)\s+and\s+(?P<b1>.+)|(?:from\s+)?(?P<a2>.+?)\s+(?:to|until|till)\s+(?P<b2>.+)"
    r"|(?P<a3>\d{4})\s*[-–—]\s*(?P<b3>\d{4}))$",
    re.IGNORECASE,
)

# Spans as people write them: "20 June 1791 – 21 June 1791" or "September 1793 - July 1794" (a dash
# with spaces, or an en or em dash: "1936-03" stays March), "20-21 June 1791", "June 20-21, 1791".
_DASHED_RANGE = re.compile(r"^(?P<a>.+?)(?:\s*[–—]\s*|\s+-\s+)(?P<b>.+)$")
_DAYS_OF_A_MONTH = re.compile(
    r"^(?P<d1>\d{1,2})\s*[-–—]\s*(?P<d2>\d{1,2})\s+(?P<month_year>[^\W\d_]+\.?,?\s+\d{1,4})$"
    r"|^(?P<month>[^\W\d_]+\.?)\s+(?P<e1>\d{1,2})\s*[-–—]\s*(?P<e2>\d{1,2}),?\s+(?P<year>\d{1,4})$"
)

_HINT = "write it as 1957-03-11, 11 March 1957, 2020-06, June 2020, 1998, c. 1998, late 2023 or 2014/2017"


def parse_date(text: str) -> HistoricalDate:
    """Parse EDTF (level 0, most of level 1 and sub-year groupings) or a friendly spelling."""
    raw = " ".join(str(text).split())
    if not raw:
        raise DateParseError("a date cannot be empty", _HINT)
    short = _SHORT_RANGE.match(raw)
    edtf_like = short is not None and short["dash"] == "-" and not short["space"]  # "1936-03" is March
    if short and not (edtf_like and _is_month_or_season(int(short["last"]))):
        first = int(short["first"])
        last = first // 100 * 100 + int(short["last"])  # "1980-88": 88 in 1980's century, 1988
        if last > first:  # else "1957-13", read below as EDTF: "has no month 13"
            return HistoricalDate(DatePoint(first, Precision.YEAR), DatePoint(last, Precision.YEAR))
    if _EDTF_POINT.match(raw):
        return HistoricalDate(_parse_point(raw))
    if "/" in raw and not _SLASHED_NUMBERS.match(raw):
        first, _, last = raw.partition("/")
        if ".." in (first, last) or not first or not last:
            raise DateParseError(f"open-ended range {raw!r} is not supported", "give both ends of the range")
        return _range(raw, _parse_point(first), _parse_point(last))
    range_match = _FRIENDLY_RANGE.match(raw)
    if range_match:
        groups = range_match.groupdict()
        first = groups["a1"] or groups["a2"] or groups["a3"]
        last = groups["b1"] or groups["b2"] or groups["b3"]
        return _range(raw, _first_end(first, last), _parse_point(last))
    days = _DAYS_OF_A_MONTH.match(raw)
    if days:
        month_year = days["month_year"] or f"{days['month']} {days['year']}"
        first_day, last_day = (days["d1"], days["d2"]) if days["d1"] else (days["e1"], days["e2"])
        return _range(
            raw, _parse_point(f"{first_day} {month_year}"), _parse_point(f"{last_day} {month_year}")
        )
    dashed = _DASHED_RANGE.match(raw)
    if dashed:
        try:
            ends = _first_end(dashed["a"], dashed["b"]), _parse_point(dashed["b"])
        except DateParseError:
            ends = None  # not two dates: read as one below, which says what is wrong with it
        if ends is not None:
            return _range(raw, *ends)
    return HistoricalDate(_parse_point(raw))


def ambiguous_years(text: str) -> AmbiguousYears | None:
    """Whether ``text`` is "1939-40" or "1936-39": EDTF's code for a part of the first year (which
    ``parse_date`` reads, so its own ``edtf()`` reads back) that is also how a person writes a span
    of years, the second shortened."""
    raw = " ".join(str(text).split())
    short = _SHORT_RANGE.match(raw)
    if short is None or short["dash"] != "-" or short["space"]:
        return None
    first, code = int(short["first"]), int(short["last"])
    last = first // 100 * 100 + code
    if not 21 <= code <= 41 or last <= first:
        return None
    years = HistoricalDate(DatePoint(first, Precision.YEAR), DatePoint(last, Precision.YEAR))
    return AmbiguousYears(raw, years, HistoricalDate(_parse_point(raw)))


_YEAR_AT_END = re.compile(r"(?:^|\s)(\d{1,4}(?:\s*(?:BCE?|AD|CE))?|(?:AD|CE)\s*\d{1,4})$", re.IGNORECASE)
_MONTH_AND_DAY = re.compile(rf"(?:{_MONTH_RE})\.?\s+\d{{1,2}}", re.IGNORECASE)  # "March 5": no year


def _first_end(first: str, last: str) -> DatePoint:
    """The first end of a span, which may lean on the second for its year: "September" in
    "September–December 1793", "20 June" in "20 June – 21 July 1791", "March 5" in "March 5–April
    7, 1990", a bare day in "between 20 and 21 June 1791". An end that reads on its own
    ("mid-1998" in "mid-1998 to late 1999") is read as written."""
    day_first = re.fullmatch(r"\d{1,2}", first) and re.match(r"\d{1,2}\s+([^\W\d_].*)$", last)
    if day_first:  # 20 is a day of that month, not the year 20
        return _parse_point(f"{first} {day_first.group(1)}")
    year = _YEAR_AT_END.search(last.rstrip(".,"))
    borrowed = f"{first} {year.group(1)}" if year else None
    if borrowed and _MONTH_AND_DAY.fullmatch(first):  # "March 5" alone would be March of AD 5
        return _parse_point(borrowed)
    try:
        return _parse_point(first)
    except DateParseError:
        if borrowed is None or not re.search(r"[^\W\d_]", first):
            raise
        return _parse_point(borrowed)


def _range(raw: str, first: DatePoint, last: DatePoint) -> HistoricalDate:
    if first == last:
        raise DateParseError(f"{raw!r} runs from a date to itself", "give the one date")
    return HistoricalDate(first, last)


def _is_month_or_season(number: int) -> bool:
    """What EDTF reads after "YYYY-": a month (01-12) or a season or part of a year (21-41)."""
    return 1 <= number <= 12 or 21 <= number <= 41


def _parse_point(text: str) -> DatePoint:
    text = text.strip()
    approximate = False
    words = _APPROXIMATE_WORDS.match(text)
    if words:
        if not text[words.end() :].strip():  # "circa" alone: about when?
            raise DateParseError(f"{text!r} has no date after it", "write the date after it: c. 1998")
        approximate, text = True, text[words.end() :]
    match = _EDTF_POINT.match(text)
    point = _edtf_point(match, text) if match else _friendly_point(text)
    if approximate:
        point = DatePoint(
            point.year, point.precision, point.month, point.day, point.part, True, point.uncertain
        )
    return point


def _edtf_point(match: re.Match[str], text: str) -> DatePoint:
    year_text, month_text, day_text, qual = match.group("year", "month", "day", "qual")
    approximate, uncertain = qual in ("~", "%"), qual in ("?", "%")
    if year_text.endswith("XX"):
        if month_text:
            raise DateParseError(f"{text!r}: a century cannot have a month")
        return DatePoint(
            int(year_text[:2]) * 100, Precision.CENTURY, None, None, None, approximate, uncertain
        )
    if year_text.endswith("X"):
        if month_text:
            raise DateParseError(f"{text!r}: a decade cannot have a month")
        return DatePoint(int(year_text[:3]) * 10, Precision.DECADE, None, None, None, approximate, uncertain)
    year = int(year_text)
    if month_text is None:
        return DatePoint(year, Precision.YEAR, None, None, None, approximate, uncertain)
    month = int(month_text)
    if 21 <= month <= 41 and day_text is None:
        return DatePoint(year, Precision.PART, None, None, month, approximate, uncertain)
    if not 1 <= month <= 12:
        raise DateParseError(f"{text!r} has no month {month}", _HINT)
    if day_text is None:
        return DatePoint(year, Precision.MONTH, month, None, None, approximate, uncertain)
    day = int(day_text)
    if not 1 <= day <= _days_in_month(year, month):
        raise DateParseError(f"{text!r}: {MONTHS[month - 1]} {year_label(year)} has no day {day}")
    return DatePoint(year, Precision.DAY, month, day, None, approximate, uncertain)


def _friendly_point(text: str) -> DatePoint:
    if _SLASHED_NUMBERS.match(text):
        raise DateParseError(
            f"{text!r} is ambiguous: the order of day and month differs between countries",
            "write 1957-03-11 or 11 March 1957",
        )
    for pattern in (_FRIENDLY_DAY_MDY, _FRIENDLY_DAY_DMY):
        match = pattern.match(text)
        if match:
            year = _friendly_year(match.group("year"), match.group("era"))
            month = _MONTH_NUMBERS[match.group("month").lower()]
            day = int(match.group("day"))
            if not 1 <= day <= _days_in_month(year, month):
                raise DateParseError(f"{text!r}: {MONTHS[month - 1]} has no day {day}")
            return DatePoint(year, Precision.DAY, month, day)
    if match := _FRIENDLY_MONTH.match(text):
        year = _friendly_year(match.group("year"), match.group("era"))
        return DatePoint(year, Precision.MONTH, _MONTH_NUMBERS[match.group("month").lower()])
    if match := _FRIENDLY_YEAR.match(text):
        era = match.group("era") or ("AD" if match.group("pre") else None)
        return DatePoint(_friendly_year(match.group("year"), era), Precision.YEAR)
    if match := _FRIENDLY_DECADE.match(text):
        return DatePoint(int(match.group("year")), Precision.DECADE)
    if match := _FRIENDLY_CENTURY.match(text):
        n = (
            int(match.group("n"))
            if match.group("n")
            else _ORDINAL_WORDS[" ".join(match.group("word").lower().split())]
        )
        if n == 0:
            raise DateParseError(f"{text!r}: there is no 0th century", "the 1st century is AD 1 to 100")
        if (match.group("era") or "").upper() in ("BC", "BCE"):
            return DatePoint(-(n * 100) + 1, Precision.CENTURY)
        return DatePoint((n - 1) * 100, Precision.CENTURY)
    if match := _FRIENDLY_PART.match(text):
        part = _FRIENDLY_PARTS[" ".join(match.group("part").lower().split())]
        return DatePoint(int(match.group("year")), Precision.PART, part=part)
    if match := _PART_OF_DECADE.match(text):  # "the early 1960s": no precision of its own
        decade = int(match.group("decade"))
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[match.group("part").lower()]
        raise DateParseError(
            f"cannot read {text!r} as a date",
            f"a part of a decade has no date of its own: give the years the source means as a span, "
            f"such as {decade + first}/{decade + last}",
        )
    raise DateParseError(f"cannot read {text!r} as a date", _HINT)


_PART_OF_DECADE = re.compile(r"(?:the\s+)?(?P<part>early|mid|late)[\s-]+(?P<decade>\d{3}0)s$", re.IGNORECASE)


def _friendly_year(text: str, era: str | None) -> int:
    year = int(text)
    if year == 0:
        era_name = f" {era.upper()}" if era else ""
        raise DateParseError(f"there is no year 0{era_name}", "1 BC is followed by AD 1")
    if era and era.upper() in ("BC", "BCE"):
        return 1 - year
    return year
