"""Home: the decks with what is new, being learned, due and learned, and the last score; open one into
a mode."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, LoadingIndicator, Static

from quizgen.plural import counted
from quizgen.study.catalog import BrokenDeck, StudyDeck, loaded_by_title
from quizgen.textsafe import shortened_between, visible
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.widgets.literal import Hanging, literal

from .modes import ModeMenu, start_mode

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp


COLUMNS = (
    ("Deck", "deck"),
    ("New", "new"),
    ("Learning", "learning"),
    ("Due", "due"),
    ("Learned", "learned"),
    ("Last", "last"),
)
HINT = "Enter opens a deck · s stats · b timeline · ? every key · ctrl+q quits (answers are saved as you go)"
NOTHING_LOADED = "No deck loaded: mend the problems above and start quizgen again · ctrl+q quits"
COUNTS_WIDTH = 41  # the five count columns with every column's padding, and the screen's margins
MIN_TITLE = 12


class HomeScreen(FramedScreen[None]):
    BINDINGS = [
        Binding(
            "enter", "open", "Open deck", id="home.open", tooltip="Choose how to study the highlighted deck"
        ),
        Binding("s", "stats", "Stats", id="home.stats", tooltip="Reviews, accuracy and what is due"),
        Binding(
            "b", "browse", "Timeline", id="home.browse", tooltip="Browse the deck's events on a timeline"
        ),
    ]

    app: QuizgenApp
    _can_fill = False  # mounted: a worker may have loaded the decks before the screen was
    _shown_room: int | None = None  # the title width the table was last filled for
    _pending: str | None = None  # a deck opened (Enter, b) while the decks were still loading

    def compose_body(self) -> ComposeResult:
        yield Static("Your decks", classes="title")
        yield LoadingIndicator(id="loading")
        table: DataTable[Text] = DataTable(id="decks", cursor_type="row", zebra_stripes=True)
        table.display = False
        table.can_focus = False  # until it has rows: an empty table took the Enter meant for a deck
        yield table
        with VerticalScroll(id="problems-box") as box:  # Tab to it, then the arrows read every problem
            box.display = False
            yield Static("", id="problems", markup=False)
        yield Static(HINT, id="hint", markup=False)

    def on_mount(self) -> None:
        self._can_fill = True
        if self.app.decks is not None:
            self.show_decks(self.app.decks)

    def on_resize(self) -> None:
        """Titles are cut to the room the counts leave: fill the table again only when that changes."""
        if self.app.decks is not None and self._title_room() != self._shown_room:
            self.show_decks(self.app.decks)

    def _title_room(self) -> int:
        return max(MIN_TITLE, self.size.width - COUNTS_WIDTH)

    def on_screen_suspend(self) -> None:
        self._pending = None  # a key pressed on this screen is not carried to what comes back to it

    def on_screen_resume(self) -> None:
        if self.app.decks is not None:
            self.show_decks(self.app.decks)

    @property
    def loaded(self) -> list[StudyDeck]:
        return loaded_by_title(self.app.decks or [])

    def show_decks(
        self, decks: list[StudyDeck | BrokenDeck], *, keys_pressed_while_loading: bool = True
    ) -> None:
        """Fill the table; decks a worker loaded before the screen mounted wait for its on_mount.
        An Enter (or b) pressed while they loaded opens the deck now, unless told otherwise."""
        if not self._can_fill:
            return
        self.query_one("#loading").display = False
        table = self.query_one("#decks", DataTable)
        row = table.cursor_row
        table.clear(columns=True)  # a column keeps the widest width it ever had: made again, it fits
        for label, key in COLUMNS:
            table.add_column(label, key=key)
        now = self.app.progress.clock()
        store = self.app.progress.store
        room = self._shown_room = self._title_room()  # the counts stay in view on 60 columns
        new_room = self.app.progress.new_room_today(self.app.settings.new_per_day)
        studied = self.app.progress.facts_studied_today()
        for index, deck in enumerate(self.loaded):
            numbers = deck.counts(store, now, new_room, studied)
            last = store.last_score(deck.deck.id)
            title = shortened_between(deck.title, room)
            table.add_row(
                literal(title),
                Text(str(numbers.new), justify="right"),
                Text(str(numbers.learning), justify="right"),
                Text(str(numbers.due), justify="right", style="bold" if numbers.due else ""),
                Text(str(numbers.learned), justify="right"),
                Text("—" if last is None else f"{last:.0%}", justify="right"),
                key=str(index),
            )
        broken = [d for d in decks if isinstance(d, BrokenDeck)]
        box = self.query_one("#problems-box", VerticalScroll)
        box.display = bool(broken)
        self.query_one("#problems", Static).update(_problem_text(broken))
        table.display = table.can_focus = bool(self.loaded)
        hint = HINT if self.loaded else NOTHING_LOADED
        both = broken and self.loaded  # with no deck, the problems have the focus already
        self.query_one("#hint", Static).update(f"Tab reads the problems · {hint}" if both else hint)
        if self.loaded:
            table.move_cursor(row=min(row, len(self.loaded) - 1))
            table.focus()
        elif broken:
            box.focus()
        self.refresh_bindings()
        self.app.tell_left_out()  # the counts just read every card
        pending, self._pending = self._pending, None
        if self.app.screen is not self or not keys_pressed_while_loading:  # help opened since, say
            return
        if pending == "open":
            self.action_open()
        elif pending == "browse":
            self.action_browse()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "browse"):  # nothing to open: not offered, rather than doing nothing
            return self.app.decks is None or bool(self.loaded)
        return True

    def selected(self) -> StudyDeck | None:
        decks = self.loaded
        if not decks:
            return None
        return decks[min(self.query_one("#decks", DataTable).cursor_row, len(decks) - 1)]

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        if self.app.decks is None:  # the hint already says Enter opens a deck: it will, once loaded
            self._pending = "open"
            return
        deck = self.selected()
        if deck is None:
            return

        def chosen(mode: str | None) -> None:
            if mode is not None:
                start_mode(self.app, deck, mode)

        self.app.push_screen(ModeMenu(deck), chosen)

    def action_stats(self) -> None:
        from .stats import StatsScreen

        if self.app.decks is None:  # no deck to highlight yet: "all decks" would be a surprise
            self.notify("The decks are still loading", timeout=3, markup=False)
            return
        self.app.push_screen(StatsScreen(self.selected()))

    def action_browse(self) -> None:
        if self.app.decks is None:
            self._pending = "browse"
            return
        deck = self.selected()
        if deck is not None:
            start_mode(self.app, deck, "browse")


def _problem_text(broken: list[BrokenDeck]) -> Group:
    """Each deck's problems under its name, a long path wrapped under its own start."""
    lines: list[Hanging] = []
    for deck in broken:
        title = visible(deck.title)
        heading = f"{title} did not load ({counted(len(deck.problems), 'problem')}):"
        lines.append(Hanging(Text("✗ ", style="bold"), Text(heading, style="bold")))
        lines.extend(Hanging(Text("  "), literal(str(problem))) for problem in deck.problems[:5])
        if len(deck.problems) > 5:
            more = f"… and {len(deck.problems) - 5} more: run `quizgen check {title}`"
            lines.append(Hanging(Text("  "), Text(more)))
    return Group(*lines)
