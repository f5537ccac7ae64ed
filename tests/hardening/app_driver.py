"""A headless student for crash and concurrency tests: answers questions in the real app and prints
``committed <question id>`` after each answer is saved, so a test can kill it on a signal from the
program rather than after a sleep.

    python app_driver.py DATA_DIR DECK_PATH [ANSWERS]
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from quizgen.study.settings import Settings
from quizgen.study.store import open_store
from quizgen.tui.app import AppConfig, make_app
from quizgen.tui.screens.quiz import QuizScreen


async def drive(data_dir: Path, deck: Path, answers: int) -> None:
    store = open_store(data_dir)
    app = make_app(AppConfig([deck], store, Settings(quiz_length=50), seed=None))
    given = 0
    async with app.run_test(size=(100, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        while given < answers:
            await pilot.press("enter", "1")  # open the deck, start a quiz
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            while screen.question is not None and given < answers:
                question = screen.question
                before = len(screen.session.attempts)
                if question.options:
                    await pilot.press(str((question.answer_index or 0) + 1))
                else:
                    await pilot.press(*question.answer, "enter")
                await pilot.pause()
                if len(screen.session.attempts) > before:  # record() returned: the commit is done
                    given += 1
                    print(f"committed {question.id}", flush=True)
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("escape", "escape")
            await pilot.pause()
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    asyncio.run(drive(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 10**9))
