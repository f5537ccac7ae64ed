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
    top = 100 if unit == "%" else max(present, default=0) or 1  # a share is out of 100, data or none
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

    def __init__(
        self, title: str, style: str = "cyan", unit: str = "", *, keep: str = "last", id: str | None = None
    ) -> None:
        """``keep``: which end of the values a narrow terminal shows, the latest days or the nearest;
        ``{days}`` in the title becomes how many it shows."""
        super().__init__(id=id)
        self.title = title
        self.style = style
        self.unit = unit
        self.keep = keep
        self.values: list[float | None] = []
        self.labels: list[str] = []

    def update(self, values: Sequence[float | None], labels: Sequence[str]) -> None:
        self.values, self.labels = list(values), list(labels)
        self.refresh(layout=True)

    def render(self) -> Text:
        fits = max((self.size.width - 7) // 3, 1)  # the axis takes 7 cells, each column 3
        values, labels = self.values, self.labels
        if len(values) > fits:  # never wrap a chart's rows: show the end that matters
            shown = slice(-fits, None) if self.keep == "last" else slice(0, fits)
            values, labels = values[shown], labels[shown]
        text = Text()
        text.append(self.title.format(days=len(values)) + "\n", style="bold")
        text.append_text(bars(values, labels, 5, self.style, self.unit))
        return text
