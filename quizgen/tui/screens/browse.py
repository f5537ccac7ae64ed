"""Every event of a deck on one scrollable timeline, oldest first, to scale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgen.study.catalog import StudyDeck
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.widgets.literal import literal
from quizgen.tui.widgets.timeline_chart import vertical

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp


class BrowseScreen(FramedScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="browse.back", tooltip="Back to your decks"),
        Binding("j", "scroll(1)", "Down", show=False, id="browse.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="browse.up"),
    ]

    app: QuizgenApp

    def __init__(self, deck: StudyDeck) -> None:
        super().__init__()
        self.deck = deck

    def compose_body(self) -> ComposeResult:
        events = self.deck.events()
        title = Text.assemble(("Timeline · ", "bold"), literal(self.deck.title), f"   {len(events)} events")
        yield Static(title, id="status")
        self.events = events
        with VerticalScroll(id="timeline"):
            yield Static(self.drawn(), id="chart", markup=False)

    def drawn(self) -> Text:
        """The timeline for the terminal's width (the padding and the scroll bar take six columns)."""
        if not self.events:
            return Text("This deck has no dated events.")
        return vertical(self.events, width=self.app.size.width - 6)

    def on_mount(self) -> None:
        self.query_one("#timeline").focus()

    def on_resize(self) -> None:
        self.query_one("#chart", Static).update(self.drawn())

    def action_scroll(self, step: int) -> None:
        self.query_one("#timeline", VerticalScroll).scroll_relative(y=step, animate=False)

    def action_back(self) -> None:
        self.app.go_home()
