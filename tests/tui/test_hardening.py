"""The app when things go wrong: a broken deck beside good ones, a save the disk refuses, escape
sequences in content. The student is told; nothing crashes."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from fsrs import Card

from quizgen.study.store import Review, Store
from quizgen.tui.app import DecksLoaded
from quizgen.tui.screens.home import HomeScreen
from quizgen.tui.screens.quiz import QuizScreen

from .conftest import AppFactory, footer_keys, ready, screen_text


async def test_a_broken_deck_is_shown_beside_the_decks_that_loaded(
    make: AppFactory, deck_folder: Path
) -> None:
    broken = deck_folder / "broken.yaml"
    broken.write_text(
        (deck_folder / "curie.yaml").read_text().replace("relation: born_in", "relation: born_inn")
    )
    (deck_folder / "broken-deck.yaml").write_text("title: Broken\nid: 5\ncontent: [broken.yaml]\n")
    app = make(decks=[deck_folder / "curie-deck.yaml", deck_folder / "broken-deck.yaml"])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Marie Curie" in text, text
        assert "did not load (1 problem)" in text
        assert "broken.yaml:62:15: unknown relation 'born_inn'" in " ".join(text.split())  # it may wrap


def broken_copy(deck_folder: Path, name: str, mistakes: int) -> Path:
    """The Curie content with its first ``mistakes`` relations misspelt."""
    text = (deck_folder / "curie.yaml").read_text()
    for relation in re.findall(r"relation: (\w+)", text)[:mistakes]:
        text = text.replace(f"relation: {relation}\n", f"relation: {relation}x\n", 1)
    path = deck_folder / name
    path.write_text(text)
    return path


async def test_every_problem_can_be_read_from_the_keyboard(make: AppFactory, deck_folder: Path) -> None:
    """The list ran past the screen while the deck table kept the focus and the keys: the second
    broken deck could not be reached."""
    first = broken_copy(deck_folder, "first-broken-content-file-with-a-long-name.yaml", 5)
    second = broken_copy(deck_folder, "second.yaml", 1)
    app = make(decks=[deck_folder / "curie-deck.yaml", first, second])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "did not load (1 problem)" not in screen_text(app)  # the second: below the screen's edge
        assert "Tab reads the problems" in screen_text(app)
        await pilot.press("tab", "end")
        await pilot.pause()
        text = screen_text(app)
        assert "did not load (1 problem)" in text  # (the long paths wrap anywhere)
        assert "unknown relation 'born_inx'" in text
        assert "Marie Curie" in text  # the decks stay in view above the problems
        await pilot.press("enter")  # and Enter still opens the highlighted deck
        await pilot.pause()
        assert type(app.screen).__name__ == "ModeMenu"


async def test_with_no_deck_loaded_nothing_offers_to_open_one(make: AppFactory, deck_folder: Path) -> None:
    app = make(decks=[broken_copy(deck_folder, "broken.yaml", 1)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = " ".join(screen_text(app).split())
        assert "No deck loaded: mend the problems above" in text
        assert "Enter opens a deck" not in text
        assert "Open deck" not in footer_keys(app)
        assert "Timeline" not in footer_keys(app)
        await pilot.press("enter", "b")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_refused_save_is_reported_and_the_session_goes_on(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("enter", "1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        app.progress.store.close()  # the disk goes away under the app
        question = screen.question
        if question.options:
            await pilot.press(str(question.answer_index + 1))
        else:
            await pilot.press(*question.answer, "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "This answer could not be saved" in text
        assert "✓ Correct" in text
        assert app.is_running


async def test_terminal_escapes_in_content_are_shown_as_text(make: AppFactory, deck_folder: Path) -> None:
    path = deck_folder / "curie.yaml"
    path.write_text(
        path.read_text().replace(
            "title: Marie Curie moves to Paris", 'title: "Marie \\e[2Jmoves\\e]0;pwned\\a to Paris"'
        )
    )
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        text = screen_text(app)
        assert "Marie \\x1b[2Jmoves\\x1b]0;pwned\\x07 to Paris" in text


async def test_an_empty_folder_and_an_escape_in_a_title_are_reported_plainly(
    make: AppFactory, deck_folder: Path, tmp_path: Path
) -> None:
    (deck_folder / "curie-deck.yaml").write_text(
        'title: "Curie \\e[2J"\nid: 424242\ncontent: [curie.yaml]\n', encoding="utf-8"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    app = make(decks=[deck_folder / "curie-deck.yaml", empty])
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Curie \\x1b[2J" in text
        assert "empty did not load (1 problem)" in text
        assert "this folder holds no .yaml content" in text
        assert "empty:1:1" not in text  # a folder has no line and column
        assert app.is_running


async def test_decks_that_arrive_while_the_home_screen_is_being_built_are_shown(
    make: AppFactory,
) -> None:
    """A worker can finish before the home screen has mounted (seen with two apps on a busy
    machine): the decks wait for the screen instead of crashing it."""
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        decks = app.decks
        assert decks is not None
        home = HomeScreen()
        app.push_screen(home)
        app.on_decks_loaded(DecksLoaded(decks))  # before the new screen has composed or mounted
        await ready(pilot)
        assert app.screen is home
        assert "Marie Curie" in screen_text(app)


async def test_stats_wait_for_the_decks(make: AppFactory) -> None:
    """While the decks load there is no highlighted deck: 's' says so rather than opening every deck's."""
    app = make()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await ready(pilot)
        app.decks = None  # as before the worker has reported
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_stats_charts_fit_a_narrow_terminal(make: AppFactory) -> None:
    """Below 65 columns the axis and the day labels wrapped onto lines of their own."""
    app = make()
    async with app.run_test(size=(60, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        axes = [i for i, line in enumerate(lines) if "└" in line]
        assert len(axes) >= 2
        labels = re.compile(r"^\s+\d+(\s+\d+)+\s*$")
        for i in axes:
            assert labels.match(lines[i + 1]), lines[i + 1]  # the day labels, right under the axis
            assert not labels.match(lines[i + 2]), lines[i + 2]  # and all on that one line
        assert "100% ┤" in screen_text(app)  # a share is out of 100, with or without reviews
        shown = len(lines[axes[0] + 1].split())
        assert f"Reviews per day (last {shown} days)" in screen_text(app)  # the title says how many


@pytest.mark.parametrize("size", [(3, 3), (8, 12), (10, 6)])
async def test_a_terminal_a_few_columns_wide_never_stops_the_app(
    make: AppFactory, size: tuple[int, int]
) -> None:
    """Rich cannot wrap an option into no room: at 8 columns the mode menu raised "range() arg 3
    must not be zero" through Textual (and the pilot then waited for ever: hence the bound)."""
    app = make()

    async def walk() -> None:
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            for key in ("enter", "1", "1", "enter", "escape", "escape"):
                await pilot.press(key)
                await pilot.pause()
            assert app.return_code is None  # still running: no error closed it

    await asyncio.wait_for(walk(), timeout=60)


async def test_progress_entries_that_cannot_be_read_are_told_once(make: AppFactory, store: Store) -> None:
    """A card due 'notadate' stopped the app at its first screen; it is left out, and said so."""
    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    answer = Review("curie-born-in:born-in:typed", "curie-born-in", 424242, now, 3, 1.0, "correct", "Warsaw")
    store.record(answer, Card().to_json(), now, 2, None)
    db = sqlite3.connect(store.path)
    db.execute("UPDATE cards SET due = 'notadate'")
    db.commit()
    db.close()
    app = make()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await ready(pilot)
        await pilot.pause()
        told = [n.message for n in app._notifications if "could not be read" in n.message]
        assert told == [
            f"1 entry in your progress file ({store.path}) could not be read and is left out, as if never "
            "answered; the file is kept as it is."
        ]
        await pilot.press("s")  # stats read the cards again: the same entry, not told twice
        await pilot.pause()
        assert sum("could not be read" in n.message for n in app._notifications) == 1
