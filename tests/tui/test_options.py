"""A long option wraps under its own words, so the numbers stay a column a student reads down."""

from __future__ import annotations

import io

from rich.console import Console

from quizgen.tui.widgets.literal import numbered

LONG = "At least 13 Quds Force advisers are killed in battle alongside the PMF (according to Sputnik)"


def lines_of(renderable: object, width: int) -> list[str]:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def test_a_wrapped_option_hangs_under_its_text() -> None:
    lines = lines_of(numbered("2  ", LONG), 40)
    assert len(lines) == 3
    assert lines[0].startswith("2  At least 13")
    assert all(line.startswith("   ") and line[3] != " " for line in lines[1:])
    assert " ".join(line.strip() for line in lines).removeprefix("2 ").strip() == LONG
    assert max(len(line.rstrip()) for line in lines) <= 40


def test_a_short_option_is_one_line_as_written() -> None:
    assert lines_of(numbered("✓ 1  ", "Kerman [bold]x[/]"), 40) == ["✓ 1  Kerman [bold]x[/]"]


def test_a_narrow_screen_still_shows_every_letter() -> None:
    lines = lines_of(numbered("1  ", LONG), 8)
    assert all(line.startswith("   ") for line in lines[1:])
    assert "".join(line[3:] for line in lines).replace(" ", "") == LONG.replace(" ", "")
