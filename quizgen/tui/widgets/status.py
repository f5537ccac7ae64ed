"""The line above a session: where the student is, on one line at any width."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from quizgen.study.session import Session
from quizgen.tui.widgets.literal import literal

GAP = "   "
SHORTEST = 8  # the mode and deck shown in fewer columns than this say nothing: they give way


@dataclass(frozen=True, slots=True)
class StatusLine:
    """The mode and deck, then the count and score; when they do not fit, the mode and deck are
    cut short and then left out, never the count (at 60 columns "Question 1 of" wrapped away
    from its "8")."""

    where: Text
    progress: Text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        room = width - self.progress.cell_len - len(GAP)
        line = Text(no_wrap=True, overflow="ellipsis")
        if room >= min(SHORTEST, self.where.cell_len):
            where = self.where.copy()
            where.truncate(room, overflow="ellipsis")
            line.append_text(where)
            line.append(GAP)
        line.append_text(self.progress)
        line.truncate(width, overflow="ellipsis")
        yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        whole = self.where.cell_len + len(GAP) + self.progress.cell_len
        return Measurement(min(self.progress.cell_len, options.max_width), min(whole, options.max_width))


def session_status(session: Session, progress: str) -> StatusLine:
    """ "Quiz · Marie Curie   Question 2 of 10 · Score 1/1"."""
    where = Text.assemble((f"{session.mode.title} · ", "bold"), literal(session.deck_title))
    return StatusLine(where, Text(progress))
