"""`quizgen study` from the command line: clear refusals, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.commands.study import resolve

ROOT = Path(__file__).parents[1]


def test_needs_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["study"]) == 1
    assert "needs a terminal" in capsys.readouterr().err


def test_plain_quizgen_is_the_study_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 1  # no terminal under pytest: the same refusal as `quizgen study`
    assert "needs a terminal" in capsys.readouterr().err


def test_deck_names_resolve_to_recipes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert [p.name for p in resolve([])] == ["soleimani-timeline.yaml", "soleimani.yaml"]
    assert [p.name for p in resolve(["soleimani"])] == ["soleimani.yaml"]
    assert resolve([str(ROOT / "content")]) == [ROOT / "content"]


def test_unknown_deck(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert main(["study", "nope"]) == 1
    assert "no deck, file or folder named 'nope'" in capsys.readouterr().err


def test_a_misspelt_setting_reaches_the_app_as_a_notice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The app shows config.notices (tested in the flows); the command must put the typo there."""
    from quizgen.tui import app as tui_app

    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    (tmp_path / "config.toml").write_text("quiz_lenght = 30\n", encoding="utf-8")
    made = []

    class Ran:
        return_code = 0

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui_app, "make_app", lambda config: made.append(config) or Ran())
    assert main(["study", "--data-dir", str(tmp_path), "soleimani"]) == 0
    assert made[0].notices == [
        f"{tmp_path / 'config.toml'}:1:1: no setting is called 'quiz_lenght' (did you mean quiz_length?);"
        " it was ignored"
    ]
