"""Deterministic apps for pilot and snapshot tests: a fixed clock, a seeded order, a private store,
and the user's own data and config kept out of reach."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rich.console import Console

from quizgen.study.catalog import StudyDeck
from quizgen.study.session import FLASHCARD_KINDS
from quizgen.study.settings import Settings
from quizgen.study.store import Store, open_store
from quizgen.tui.app import AppConfig, QuizgenApp, make_app
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.screens.home import HomeScreen
from quizgen.tui.widgets.footer import Footer

DATA = Path(__file__).parents[1] / "data"
ROOT = Path(__file__).parents[2]
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, now: dt.datetime = START) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read or write the student's real progress or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("QUIZGEN_DATA_DIR", str(home / "quizgen"))
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    """The small test subject as a deck recipe, in a folder of its own."""
    folder = tmp_path / "subject"
    folder.mkdir()
    shutil.copy(DATA / "curie.yaml", folder / "curie.yaml")
    (folder / "curie-deck.yaml").write_text(
        "title: Marie Curie\nid: 424242\ncontent: [curie.yaml]\n", encoding="utf-8"
    )
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "data", now=START) as opened:
        yield opened


AppFactory = Callable[..., QuizgenApp]


@pytest.fixture
def make(deck_folder: Path, store: Store, clock: FakeClock) -> AppFactory:
    def build(
        decks: list[Path] | None = None, *, settings: Settings | None = None, data: Store | None = None
    ) -> QuizgenApp:
        config = AppConfig(
            deck_paths=decks or [deck_folder / "curie-deck.yaml"],
            store=data or store,
            settings=settings or Settings(quiz_length=6),
            clock=clock,
            seed=1,
        )
        return make_app(config)

    return build


def screen_text(app: QuizgenApp) -> str:
    """What the student sees, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def ready(pilot) -> None:
    """Wait until the decks are loaded and the screen has settled.

    The worker finishing is not enough: its message to the app may still be on
    its way (seen on a busy machine), so wait for the app to hold the decks.
    """
    await pilot.app.workers.wait_for_complete()
    for _ in range(200):
        if pilot.app.decks is not None and settled(pilot.app):
            break
        await pilot.pause()
    assert pilot.app.decks is not None, "the decks never reached the app"
    assert settled(pilot.app), "the screen never showed its frame and decks"
    await pilot.pause()


def settled(app: QuizgenApp) -> bool:
    """The screen has its header and footer (the first screen mounts them a frame late) and, if
    it is the decks, shows them instead of its spinner."""
    screen = app.screen
    if isinstance(screen, FramedScreen) and not screen.query(Footer):
        return False
    return not isinstance(screen, HomeScreen) or not screen.query_one("#loading").display


def footer_keys(app: QuizgenApp) -> list[str]:
    """The descriptions of the keys the footer shows (Textual keeps its key widget private)."""
    from textual.widgets._footer import FooterKey

    return [str(key.description) for key in app.screen.query(FooterKey)]


def flashcard_facts(deck: StudyDeck) -> int:
    """The facts some flashcard asks about: a session shows one card a fact, so a fresh day's New
    is at most this many."""
    return len({fact for _question, fact in deck.bank.in_order(FLASHCARD_KINDS)})


def flashcard_count(deck: StudyDeck) -> int:
    """The deck's questions that flashcards schedule: what the home screen's New starts from."""
    return sum(number for kind, number in deck.bank.counts_by_kind().items() if kind in FLASHCARD_KINDS)
