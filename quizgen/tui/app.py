"""The Textual app: a thin layer over the study core.

The app owns the decks, the progress and the settings, passed in through
:func:`make_app` (the CLI and the tests build it the same way). Screens ask
the core for sessions and outcomes and only draw them.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen

from quizgen.facts.errors import Location, Problem
from quizgen.facts.loader import display_path
from quizgen.study.catalog import (
    BrokenDeck,
    StudyDeck,
    load_study_deck,
    loaded_by_title,
    ready_study_deck,
)
from quizgen.study.progress import Clock, Progress, utc_now
from quizgen.study.scheduler import Grade, Scheduler
from quizgen.study.session import Attempt
from quizgen.study.settings import Settings, SettingsError, save_setting, setting_place
from quizgen.study.store import Store

from .bindings import QUIT
from .screens.help import HelpScreen
from .screens.home import HomeScreen
from .screens.modes import mode_screen

T = TypeVar("T")


@dataclass
class AppConfig:
    """Everything the app needs, injected: nothing is looked up globally."""

    deck_paths: list[Path]
    store: Store
    settings: Settings
    settings_dir: Path | None = None  # None: settings are not saved (tests)
    clock: Clock = utc_now
    seed: int | None = None  # None: a fresh order of questions every session
    notices: list[str] = field(default_factory=list)  # shown once at start (a store moved aside, ...)
    start_mode: str | None = None  # open the (first) deck straight into this mode: "quiz", "flashcards", ...


class DecksLoaded(Message):
    def __init__(self, decks: list[StudyDeck | BrokenDeck]) -> None:
        super().__init__()
        self.decks = decks


class QuizgenApp(App[int]):
    TITLE = "quizgen"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding(  # F1 too: in an answer box "?" is a letter
            "question_mark,f1",
            "help",
            "Help",
            key_display="?",
            id="app.help",
            tooltip="Every key of this screen (F1 while typing)",
        ),
        QUIT,
    ]

    def __init__(self, config: AppConfig) -> None:
        super().__init__()
        self.config = config
        self.settings = config.settings
        self.progress = Progress(config.store, Scheduler(config.settings.desired_retention), config.clock)
        self._left_out_told = 0
        self.decks: list[StudyDeck | BrokenDeck] | None = None
        self._opened_at_once: list[StudyDeck | BrokenDeck | None] = []
        self._random = random.Random(config.seed)

    @property
    def rng(self) -> random.Random:
        """Session order: seeded in tests for repeatable screens, fresh otherwise."""
        return self._random

    def on_unmount(self) -> None:
        for deck in self.decks or []:
            if isinstance(deck, StudyDeck):
                deck.bank.close()

    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the session asked for when its deck opens at once (its bank built by an
        earlier run), else the decks, with a spinner while a worker builds what is missing."""
        self._opened_at_once = [self._load(path, ready_study_deck) for path in self.config.deck_paths]
        if None not in self._opened_at_once:  # no worker to wait for
            self.decks = [deck for deck in self._opened_at_once if deck is not None]
            screen = self._start_screen(self.decks)
            if screen is not None:  # the home screen is built on the way back
                return screen
        return HomeScreen()

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.config.notices.append(
                f"{self.setting_place('theme')}: no theme is called {self.settings.theme!r};"
                " Ctrl+P, then “theme”, lists them."
            )
        if self.settings.keymap:
            from quizgen.tui.keymap import keymap_problems

            self.set_keymap(self.settings.keymap)
            self.config.notices.extend(keymap_problems(self.settings.keymap, self.setting_place))
        for notice in self.config.notices:
            self.notify(notice, markup=False, severity="warning", timeout=12)
        if self.decks is None:
            self.load_decks(self._opened_at_once)

    @work(thread=True, exclusive=True, exit_on_error=False, group="decks")
    def load_decks(self, ready: list[StudyDeck | BrokenDeck | None]) -> None:
        """Building a bank can take a while on a large library: never freeze the screen."""
        decks = [
            self._load(path, load_study_deck) if deck is None else deck
            for path, deck in zip(self.config.deck_paths, ready, strict=True)
        ]
        self.post_message(DecksLoaded([deck for deck in decks if deck is not None]))

    def _load(
        self, path: Path, load: Callable[[Path, int], StudyDeck | BrokenDeck | None]
    ) -> StudyDeck | BrokenDeck | None:
        """One deck; a failure of any kind is shown on the home screen, never an endless spinner."""
        try:
            return load(path, self.config.seed or 0)
        except Exception as error:  # a bug: say which deck and what, and keep the others
            message = f"could not be loaded ({type(error).__name__}: {error})"
            return BrokenDeck(path, (Problem(Location.whole(display_path(path)), message),))

    def on_decks_loaded(self, message: DecksLoaded) -> None:
        """The decks a worker loaded reach the home screen, and the session asked for starts over it."""
        self.decks = decks = message.decks
        started = self._start_screen(decks)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):  # the session asked for at start wins over an Enter
                screen.show_decks(decks, keys_pressed_while_loading=started is None)
        if started is not None:
            self.push_screen(started)

    def tell_left_out(self) -> None:
        """Say once, when the progress read so far had entries the app could not read back (a file
        edited by hand), how many were left out; more found later are told then."""
        store = self.progress.store
        if store.left_out <= self._left_out_told:
            return
        self._left_out_told = count = store.left_out
        entries = "1 entry" if count == 1 else f"{count} entries"
        self.notify(
            f"{entries} in your progress file ({store.path}) could not be read and "
            f"{'is' if count == 1 else 'are'} left out, as if never answered; the file is kept as it is.",
            markup=False,
            severity="warning",
            timeout=12,
        )

    def _start_screen(self, decks: list[StudyDeck | BrokenDeck]) -> Screen[Any] | None:
        """The first deck's session in the mode asked for at start, if any (None and a notice when
        it has nothing to ask: the home screen says why)."""
        loaded = loaded_by_title(decks)
        if not (self.config.start_mode and loaded):
            return None
        return mode_screen(self, loaded[0], self.config.start_mode)

    def go_home(self) -> None:
        """Back to the decks, building the home screen if the app started straight in a mode."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.show_instead(HomeScreen())

    def show_instead(self, screen: Screen[Any]) -> None:
        """Show a screen in place of the current one (a session's results, say).

        Textual cannot switch out the first screen of the stack (it was never
        pushed, so it holds no result callback): a session the app started in
        stays beneath, unseen, as a blank first screen would have.
        """
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def watch_theme(self, theme: str) -> None:
        if theme != self.settings.theme:
            self.settings = self.settings.with_changes(theme=theme)
            self.save_setting("theme", theme)

    def setting_place(self, key: str) -> str:
        """Where the student set ``key``: "config.toml:3:1", or "Settings" when nothing was read."""
        if self.config.settings_dir is None:
            return "Settings"
        return setting_place(self.config.settings_dir, key)

    def save_setting(self, name: str, value: str) -> None:
        if self.config.settings_dir is not None:
            try:
                save_setting(self.config.settings_dir, name, value)
            except OSError as error:
                self.notify(f"Settings not saved: {error.strerror}", severity="error", markup=False)
            except SettingsError as error:
                self.notify(f"Settings not saved: {error}", severity="error", markup=False)

    def saved(self, write: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a write to the progress store; if the disk refuses it, say so and carry on.

        The answer on screen stays; only its saving failed, and the student is told.
        """
        try:
            return write(*args, **kwargs)
        except sqlite3.Error as error:
            self.notify(
                f"This answer could not be saved: {error}", severity="error", markup=False, timeout=15
            )
            return None

    def regrade(self, attempt: Attempt, deck_id: int, grade: Grade, session_id: int | None) -> bool:
        """Replace an answer's grade; False (and a notice) when it could not be saved."""
        if attempt.review_id is None:
            return False
        question, outcome = attempt.question, attempt.outcome
        review_id = self.saved(
            self.progress.regrade, attempt.review_id, question, outcome, deck_id, grade, session_id
        )
        if review_id is None:
            return False
        attempt.review_id = review_id
        return True

    def get_key_display(self, binding: Binding) -> str:
        """While an answer box has the focus "?" is a letter it types: the footer offers F1."""
        from textual.widgets import Input  # loaded by the screens that have one

        if binding.id == "app.help" and isinstance(self.focused, Input):
            return "F1"
        return super().get_key_display(binding)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen too, so nothing is only reachable by memory:
        quizgen's own (each has an id), not the widgets' moves ("Down", "First", "Focus Next")."""
        yield from super().get_system_commands(screen)
        seen = {"Quit", "Keys"}
        for active in screen.active_bindings.values():
            binding = active.binding
            if (
                binding.id
                and binding.description
                and not binding.system
                and binding.description not in seen
                and active.enabled
            ):
                seen.add(binding.description)
                yield SystemCommand(
                    binding.description,
                    binding.tooltip or "",
                    lambda action=binding.action, node=active.node: self.run_action(action, node),
                )


def make_app(config: AppConfig) -> QuizgenApp:
    """The one place that builds the app, for the CLI and the tests alike."""
    return QuizgenApp(config)
