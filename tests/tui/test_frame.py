"""The header and footer around every screen: the first screen draws its content before them, and
every screen ends up with both, the footer showing the screen's keys."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.widgets import Header, Static

from quizgen.tui.app import QuizgenApp
from quizgen.tui.screens.quiz import QuizScreen
from quizgen.tui.screens.stats import StatsScreen
from quizgen.tui.widgets.footer import Footer

from .conftest import AppFactory, footer_keys, ready, screen_text


async def turns_until(app: QuizgenApp, holds: Callable[[], bool], running: asyncio.Task[None]) -> None:
    """Run the event loop a turn at a time until ``holds``: the moments a pilot's pauses step over."""
    for _ in range(10_000):
        if holds():
            return
        assert not running.done(), "the app ended first"
        await asyncio.sleep(0)
    raise AssertionError("never held")


def question_mounted(app: QuizgenApp) -> bool:
    screen = app.screen_stack[-1] if app.screen_stack else None
    return (
        isinstance(screen, QuizScreen)
        and screen.is_mounted
        and screen.question is not None
        and str(screen.query_one("#stem", Static).content) == screen.question.stem
    )


async def built(make: AppFactory) -> None:
    async with make().run_test(size=(100, 40)) as pilot:
        await ready(pilot)  # builds the bank, so the next start opens the quiz at once


async def test_the_first_screen_shows_its_question_then_its_header_and_keys(make: AppFactory) -> None:
    await built(make)
    app = make()
    app.config.start_mode = "quiz"
    running = asyncio.create_task(app.run_async(headless=True, size=(100, 40)))
    await turns_until(app, lambda: question_mounted(app), running)
    assert not app.screen.query(Footer), "the frame waits for the question's first frame"
    await turns_until(app, lambda: bool(footer_keys(app)), running)
    assert app.screen.query(Header)
    keys = footer_keys(app)
    assert "End" in keys
    assert "Quit" in keys
    assert "Next" not in keys  # not before the question is answered
    app.exit()
    await running
    assert app.return_code == 0


async def test_closing_before_the_first_frame_is_drawn_is_quiet(make: AppFactory) -> None:
    """A student who quits at once (or a script that does) gets no error from the frame left to mount
    (Textual's Lazy, which would defer it too, raises MountError here)."""
    await built(make)
    app = make()
    app.config.start_mode = "quiz"
    running = asyncio.create_task(app.run_async(headless=True, size=(100, 40)))
    await turns_until(app, lambda: question_mounted(app), running)
    app.exit()
    await running
    assert app.return_code == 0


async def test_a_later_screen_has_its_frame_from_its_first_frame(make: AppFactory) -> None:
    """Only the first screen defers its frame: moving to another never blinks the footer."""
    async with make().run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert footer_keys(pilot.app)  # the first screen's frame, mounted after its first frame
        screen = StatsScreen(None)
        await pilot.app.push_screen(screen)  # mounted: not yet refreshed
        assert screen.query(Header)
        assert screen.query(Footer)
        await pilot.pause()
        assert "Back" in footer_keys(pilot.app)
        assert "Back" in screen_text(pilot.app)
