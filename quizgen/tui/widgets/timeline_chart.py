"""Timelines drawn to scale in text: a horizontal strip for a few events, a vertical one to browse.

Pure functions returning rich Text, so screens, snapshots and tests share them.
Each event gets a numbered marker (and ranges a bar), explained in a legend:
the picture never relies on colour alone.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.text import Text

from quizgen.facts.dates import HistoricalDate, Precision, year_label
from quizgen.textsafe import visible

from .literal import literal

MARKERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PALETTE = ("cyan", "magenta", "yellow", "green", "blue", "red")
_SPINE = "       │"  # a wrapped label's next line starts beside the axis


def _year(value: float) -> str:
    return year_label(int(value // 1))


def strip(points: Sequence[tuple[str, HistoricalDate]], width: int = 76) -> Text:
    """Events on one horizontal axis, to scale, with a numbered legend."""
    if not points:
        return Text()
    low = min(d.start_year for _, d in points)
    high = max(d.end_year for _, d in points)
    # the ends are labelled with the first event's year and the last one's (high is the day after it)
    left, right = _year(low), _year(high - 1e-9)
    span = max(high - low, 1.0)
    low, high = low - span * 0.05, high + span * 0.05
    axis_width = max(width - len(left) - len(right) - 2, 10)
    cells = ["─"] * axis_width
    styles: list[str] = [""] * axis_width

    def column(year: float) -> int:
        return min(max(round((year - low) / (high - low) * (axis_width - 1)), 0), axis_width - 1)

    for index, (_, date) in enumerate(points):  # every bar first: none may cover a marker
        first, last = column(date.start_year), column(date.end_year)
        # a span, or a decade wide enough to see; a year is a point (two years side by side, drawn
        # each as wide as it is, were one bar across the whole axis)
        if date.is_range or (date.precision > Precision.YEAR and last - first > 1):
            for x in range(first, last + 1):
                cells[x], styles[x] = "━", PALETTE[index % len(PALETTE)]
    for index, (_, date) in enumerate(points):
        style = PALETTE[index % len(PALETTE)]
        spot = column(date.mid_year)
        while cells[spot] in MARKERS and spot < axis_width - 1:
            spot += 1
        cells[spot], styles[spot] = MARKERS[index % len(MARKERS)], f"bold {style}"
    text = Text()
    # within one year both ends would read the same ("1957 ──①②── 1957"): the legend dates it
    ends = (f"{left} ", f" {right}") if left != right else (" " * (len(left) + 1), "")
    text.append(ends[0], style="dim")
    for cell, style in zip(cells, styles, strict=True):
        text.append(cell, style=style)
    text.append(f"{ends[1]}\n", style="dim")
    for index, (label, date) in enumerate(points):
        text.append(f"  {MARKERS[index % len(MARKERS)]} ", style=f"bold {PALETTE[index % len(PALETTE)]}")
        # a long label wraps under its own start ("  ① " is four cells), not back under the marker
        first, *rest = _wrapped(f"{date.label()}  {visible(label)}", max(width - 4, 20)) or [""]
        text.append(first[: len(date.label())], style="bold")
        text.append(first[len(date.label()) :] + "\n")
        for line in rest:
            text.append(f"    {line}\n")
    return text


def _wrapped(text: str, width: int) -> list[str]:
    """Lines of at most ``width``, broken between words: a date such as '11 March 1957' stays whole
    on the first line, so its bold part is where the slicing expects it."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def vertical(points: Sequence[tuple[str, HistoricalDate]], *, max_gap: int = 4, width: int = 0) -> Text:
    """Every event down a year axis, oldest first; long empty stretches shown compressed. Given a
    ``width``, a long label wraps beside the axis rather than back under the years."""
    ordered = sorted(points, key=lambda p: p[1].sort_key())
    text = Text()
    previous: float | None = None
    for label, date in ordered:
        if previous is not None:
            gap = date.start_year - previous
            rows = min(int(gap // 5), max_gap)
            for _ in range(rows):
                text.append("       │\n", style="dim")
            if gap >= 5 * (max_gap + 1):
                text.append(f"       ┆  {int(gap)} years\n", style="dim italic")
        year = f"{_year(date.start_year):>6} "
        text.append(year, style="bold")
        text.append("━" if date.is_range else "●", style="cyan")
        text.append("  ")
        lead = len(year) + 3  # "  1980 ━  ", wider for "1200 BC"
        room = width - lead if width > lead + 20 else 0
        lines = _wrapped(f"{date.label()}  {visible(label)}", room) if room else []
        if len(lines) > 1:
            bold = len(date.label())  # the first line starts with the date, as unwrapped
            text.append(lines[0][:bold], style="bold")
            text.append(lines[0][bold:] + "\n")
            for line in lines[1:]:  # beside the axis, under the line's own start
                text.append(_SPINE.ljust(lead), style="dim")
                text.append(line + "\n")
        else:
            text.append(date.label(), style="bold")
            text.append("  ")
            text.append_text(literal(label))
            text.append("\n")
        previous = date.end_year
    return text
