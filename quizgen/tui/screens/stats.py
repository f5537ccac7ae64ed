"""Stats: reviews per day, accuracy over time, and the cards due in the coming days, as charts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from quizgen.plural import counted
from quizgen.study.catalog import StudyDeck
from quizgen.study.stats import compute
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.widgets.bar_chart import BarChart
from quizgen.tui.widgets.literal import literal

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp

DAYS_BACK = 21
DAYS_AHEAD = 14


class StatsScreen(FramedScreen[None]):
    BINDINGS = [Binding("escape", "back", "Back", id="stats.back", tooltip="Back to your decks")]

    app: QuizgenApp

    def __init__(self, deck: StudyDeck | None) -> None:
        super().__init__()
        self.deck = deck

    def compose_body(self) -> ComposeResult:
        yield Static("", id="status")
        with VerticalScroll(id="charts"):
            yield BarChart("Reviews per day (last {days} days)", "cyan", id="reviews")
            yield BarChart("Accuracy per day (% of points)", "green", "%", id="accuracy")
            yield BarChart("Cards due in the coming days", "magenta", keep="first", id="due")

    def on_mount(self) -> None:
        store = self.app.progress.store
        cards = self.deck.cards(store) if self.deck else store.cards()
        reviews = store.reviews(question_ids=list(cards) if self.deck else None)
        self.app.tell_left_out()
        today = self.app.progress.clock().astimezone().date()
        stats = compute(reviews, cards, today, back=DAYS_BACK, forward=DAYS_AHEAD)
        scope = literal(self.deck.title) if self.deck else Text("all decks")
        accuracy = "—" if stats.accuracy is None else f"{stats.accuracy:.0%}"
        self.query_one("#status", Static).update(
            Text.assemble(
                ("Stats · ", "bold"),
                scope,
                f"   {counted(stats.total_reviews, 'review')} · {counted(stats.total_cards, 'card')} studied"
                f" · accuracy {accuracy}",
            )
        )
        self.query_one("#reviews", BarChart).update(
            stats.reviews_per_day, [f"{d.day:>2}" for d in stats.days]
        )
        self.query_one("#accuracy", BarChart).update(
            [None if a is None else round(a * 100) for a in stats.accuracy_per_day],
            [f"{d.day:>2}" for d in stats.days],
        )
        self.query_one("#due", BarChart).update(stats.due_per_day, [f"{d.day:>2}" for d in stats.ahead])
        self.query_one("#charts").focus()

    def action_back(self) -> None:
        self.app.go_home()
