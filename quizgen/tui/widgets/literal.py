"""Content text shown exactly as written: never markup, never a terminal escape."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from quizgen.textsafe import visible


def literal(text: str, style: str = "") -> Text:
    """The style covers this text only, not what is appended after it."""
    result = Text()
    result.append(visible(text), style=style)
    return result


@dataclass(frozen=True, slots=True)
class Hanging:
    """A numbered option whose wrapped lines start under its text, not under its number, so the
    numbers stay a column a student reads down. (A Rich table grid does the same at three times
    the cost of drawing, paid for every option of every question.)"""

    label: Text
    text: Text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.label.cell_len
        lines = self.text.wrap(console, max(options.max_width - indent, 1))
        result = self.label.copy()
        for number, line in enumerate(lines):
            if number:
                result.append("\n" + " " * indent)
            result.append_text(line)
        yield result

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.label.cell_len
        narrower = options.update_width(max(options.max_width - indent, 1))
        text = Measurement.get(console, narrower, self.text)
        return Measurement(text.minimum + indent, text.maximum + indent)


def numbered(label: str, text: str, style: str = "") -> Hanging:
    """An option as written, after its number or letter ("2  ", "✓ b  "), in one style."""
    return Hanging(literal(label, style), literal(text, style))
