"""Every screen at 80x24 and at a wide size. A snapshot catches layout drift; the pilot tests in
test_flows.py assert the words, so a wrong first snapshot cannot pass for right."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from .conftest import AppFactory, ready

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]
Steps = Callable[..., Awaitable[None]]


async def home(pilot) -> None:
    await ready(pilot)


async def menu(pilot) -> None:
    await ready(pilot)
    await pilot.press("enter")


def mode(number: int, *keys: str) -> Steps:
    async def steps(pilot) -> None:
        await ready(pilot)
        await pilot.press("enter", str(number))
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return steps


async def quiz_feedback(pilot) -> None:
    await mode(1)(pilot)
    question = pilot.app.screen.question
    if question.options:
        await pilot.press(str(question.answer_index + 1))
    else:
        await pilot.press(*question.answer, "enter")
    await pilot.pause()


async def results(pilot) -> None:
    await quiz_feedback(pilot)
    await pilot.press("escape")
    await pilot.pause()


async def stats(pilot) -> None:
    await results(pilot)
    await pilot.press("escape", "s")
    await pilot.pause()


async def browse(pilot) -> None:
    await ready(pilot)
    await pilot.press("b")
    await pilot.pause()


async def help_screen(pilot) -> None:
    await ready(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


SCREENS = {
    "home": home,
    "modes": menu,
    "quiz": mode(1),
    "quiz_feedback": quiz_feedback,
    "flashcards": mode(2),
    "flashcards_revealed": mode(2, "space"),
    "order": mode(3),
    "order_result": mode(3, "enter", "enter"),
    "which_first": mode(4),
    "year_guess": mode(5),
    "results": results,
    "stats": stats,
    "browse": browse,
    "help": help_screen,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_screen(name: str, size: tuple[int, int], snap_compare, make: AppFactory) -> None:
    assert snap_compare(make(), terminal_size=size, run_before=SCREENS[name])
