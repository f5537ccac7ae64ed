"""Choosing how to study a deck, and starting the session for it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizgen.facts.model import Kind
from quizgen.study import session as sessions
from quizgen.study.catalog import StudyDeck
from quizgen.study.session import Mode, Session
from quizgen.tui.bindings import QUIT
from quizgen.tui.widgets.footer import Footer
from quizgen.tui.widgets.literal import literal

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp

MENU = [
    ("quiz", "Quiz", "mixed questions, checked as you answer", sessions.QUIZ_KINDS),
    ("flashcards", "Flashcards", "", sessions.FLASHCARD_KINDS),  # today's cards instead: ModeMenu._today
    ("order", "Put in order", "arrange events, then see them on a timeline", (Kind.ORDER,)),
    ("which_first", "Which came first?", "two events, one earlier", (Kind.WHICH_FIRST,)),
    ("year_guess", "Guess the year", "points for being close", (Kind.YEAR_GUESS,)),
    ("browse", "Browse the timeline", "every event of the deck, to scale", ()),
]


class ModeMenu(ModalScreen[str | None]):
    app: QuizgenApp
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="modes.back", tooltip="Back to the decks"),
        Binding(  # F1 too, as on every screen: a modal screen passes on only the app's priority keys
            "question_mark,f1",
            "app.help",
            "Help",
            key_display="?",
            id="modes.help",
            tooltip="Every key of this screen",
        ),
        QUIT,
        *(
            Binding(
                str(n),
                f"pick({n})",
                "Start",
                show=False,
                id=f"modes.pick{n}",
                tooltip="The mode of that number",
            )
            for n in range(1, len(MENU) + 1)
        ),
    ]

    def __init__(self, deck: StudyDeck) -> None:
        super().__init__()
        self.deck = deck

    def compose(self) -> ComposeResult:
        options = []
        by_kind = self.deck.bank.counts_by_kind()
        for number, (key, title, help_text, kinds) in enumerate(MENU, 1):
            available = sum(by_kind.get(kind, 0) for kind in kinds) if kinds else self.deck.bank.event_count()
            prompt = literal(f"{number}  {title}  ")
            # flashcards: what today holds, in the room the description leaves
            shown = self._today(available) if key == "flashcards" else f"{help_text} ({available})"
            prompt.append(shown, style="dim")
            options.append(Option(prompt, id=key, disabled=available == 0))
        with Vertical(id="menu"):
            yield Static(literal(self.deck.title, style="bold"), id="menu-title")
            yield OptionList(*options, id="modes")
            yield Static("Number or Enter to start · Escape to go back", classes="hint")
        yield Footer()  # its own keys over the decks', which do nothing here

    def _today(self, cards: int) -> str:
        """ "today: 3 due, 2 learning, 20 new of 274": a session offers today's share, not the
        deck's 274, and the cards still being learned come back in it."""
        progress = self.app.progress
        new_room = progress.new_room_today(self.app.settings.new_per_day)
        numbers = self.deck.counts(progress.store, progress.clock(), new_room, progress.facts_studied_today())
        return f"today: {numbers.due} due, {numbers.learning} learning, {numbers.new} new of {cards}"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_id)

    def action_pick(self, number: int) -> None:
        option = self.query_one("#modes", OptionList).get_option_at_index(number - 1)
        if option.disabled:  # a number that did nothing read as a broken key
            title = MENU[number - 1][1]
            self.notify(f"{title}: this deck has nothing to ask that way", timeout=4, markup=False)
        else:
            self.dismiss(option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def nothing_due(limit: int, seen_today: int, soonest: dt.datetime | None, now: dt.datetime) -> str:
    """Why a flashcard session has no card, and when one will be due: at a time today, or tomorrow."""
    later = "come back tomorrow"
    if soonest is not None and soonest - now < dt.timedelta(hours=12):
        local = soonest.astimezone()
        day = "" if local.date() == now.astimezone().date() else "tomorrow "
        later = f"the next card is due {day}at {local:%H:%M}"
    if limit == 0:
        return f"Nothing is due, and new cards are set to none a day: {later}, or take a quiz."
    if seen_today >= limit:
        return (
            f"Nothing is due, and today's {limit} new cards are done (a quiz answer starts a card too):"
            f" {later}, or take a quiz."
        )
    return f"Nothing is due: {later}, or take a quiz."


def start_mode(app: QuizgenApp, deck: StudyDeck, mode: str) -> bool:
    """Show the screen of a new session in this mode; False (and a notice) when there is nothing to ask."""
    screen = mode_screen(app, deck, mode)
    if screen is not None:
        app.push_screen(screen)
    return screen is not None


def mode_screen(app: QuizgenApp, deck: StudyDeck, mode: str) -> Screen[None] | None:
    """The screen of a new session in this mode; None (and a notice) when there is nothing to ask."""
    from .browse import BrowseScreen

    if mode == "browse":
        return BrowseScreen(deck)
    study_mode = Mode(mode)
    progress = app.progress
    now = progress.clock()
    length = (
        app.settings.quiz_length
        if study_mode in (Mode.QUIZ, Mode.FLASHCARDS)
        else min(app.settings.quiz_length, 10)
    )
    questions = deck.session_questions(
        study_mode,
        progress.store,
        app.rng,
        now,
        length=length,
        new_limit=app.settings.new_per_day,
        new_seen_today=progress.new_seen_today() if study_mode is Mode.FLASHCARDS else 0,
        facts_studied_today=(
            progress.facts_studied_today() if study_mode in (Mode.QUIZ, Mode.FLASHCARDS) else set()
        ),
    )
    if not questions:
        message = "No questions."
        if study_mode is Mode.FLASHCARDS:
            soonest = deck.next_flashcard_due(progress.store, now)
            message = nothing_due(app.settings.new_per_day, progress.new_seen_today(), soonest, now)
        app.notify(message, markup=False)
        return None
    session = Session(study_mode, deck.title, questions, now)
    session.session_id = app.saved(progress.store.start_session, deck.deck.id, study_mode.value, now)
    return session_screen(deck, session)


def session_screen(deck: StudyDeck, session: Session) -> Screen[None]:
    """The screen that asks a session's questions in its mode: a retry of flashcards stays flashcards."""
    from .flashcards import FlashcardScreen
    from .order import OrderScreen
    from .quiz import QuizScreen

    screen = {Mode.FLASHCARDS: FlashcardScreen, Mode.ORDER: OrderScreen}.get(session.mode, QuizScreen)
    return screen(deck, session)
