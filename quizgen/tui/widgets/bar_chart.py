"""A small bar chart drawn with block characters: labelled axis, one column per value."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"


def bars(
    values: Sequence[float | None], labels: Sequence[str], height: int, style: str, unit: str = ""
) -> Text:
    """Columns two cells wide, scaled to the largest value; the top value is written on the axis."""
    present = [v for v in values if v is not None]
    top = max(present, default=0) or 1
    text = Text()
    for row in range(height, 0, -1):
        axis = f"{top:g}{unit}" if row == height else ("0" if row == 1 else "")
        text.append(f"{axis:>5} ┤" if axis else "      │", style="dim")
        for value in values:
            level = 0.0 if value is None else value / top * height
            filled = min(max(level - (row - 1), 0.0), 1.0)
            text.append(BLOCKS[round(filled * 8)] * 2 + " ", style=style)
        text.append("\n")
    text.append("      └" + "───" * len(values) + "\n", style="dim")
    text.append("       ")
    for label in labels:
        text.append(f"{label:<3}", style="dim")
    return text


class BarChart(Widget):
    """A titled bar chart; ``update`` redraws it with new values."""

    DEFAULT_CSS = "BarChart { height: auto; margin: 0 0 1 0; }"

    def __init__(self, title: str, style: str = "cyan", unit: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.style = style
        self.unit = unit
        self.values: list[float | None] = []
        self.labels: list[str] = []

    def update(self, values: Sequence[float | None], labels: Sequence[str]) -> None:
        self.values, self.labels = list(values), list(labels)
        self.refresh(layout=True)

    def render(self) -> Text:
        text = Text()
        text.append(self.title + "\n", style="bold")
        text.append_text(bars(self.values, self.labels, 5, self.style, self.unit))
        return text
