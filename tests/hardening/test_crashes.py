"""Crashes and shared stores: a killed app loses no answer already given, two apps on one store
both keep working, and the store stays sound."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.study.store import open_store

DRIVER = Path(__file__).with_name("app_driver.py")
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    folder = tmp_path / "subject"
    folder.mkdir()
    shutil.copy(DATA / "curie.yaml", folder / "curie.yaml")
    recipe = folder / "deck.yaml"
    recipe.write_text("title: Marie Curie\nid: 424242\ncontent: [curie.yaml]\n", encoding="utf-8")
    return recipe


def start(data: Path, deck: Path, answers: int | None = None) -> subprocess.Popen[str]:
    command = [sys.executable, str(DRIVER), str(data), str(deck)]
    if answers is not None:
        command.append(str(answers))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize("kill_after", [1, 4, 9])
def test_sigkill_mid_session_loses_nothing(tmp_path: Path, deck: Path, kill_after: int) -> None:
    data = tmp_path / "data"
    driver = start(data, deck)
    committed: list[str] = []
    assert driver.stdout is not None
    for line in driver.stdout:
        if line.startswith("committed "):
            committed.append(line.split(" ", 1)[1].strip())
        if len(committed) == kill_after:
            driver.send_signal(signal.SIGKILL)  # the app is in the middle of the next question
            break
    driver.wait(timeout=60)
    assert driver.returncode == -signal.SIGKILL, driver.stderr.read() if driver.stderr else ""
    with open_store(data) as store:
        assert store.integrity_ok()
        saved = [r.question_id for r in store.reviews()]
        assert saved[: len(committed)] == committed  # every answer given before the kill is there
        assert store.moved_aside is None


def test_two_apps_on_one_store_lose_no_answer(tmp_path: Path, deck: Path) -> None:
    data = tmp_path / "data"
    with open_store(data):
        pass  # created once, as the first app start would
    first, second = start(data, deck, answers=12), start(data, deck, answers=12)
    outputs = [process.communicate(timeout=180) for process in (first, second)]
    for process, (out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert out.count("committed ") == 12
    with open_store(data) as store:
        assert store.review_count() == 24
        assert store.integrity_ok()
