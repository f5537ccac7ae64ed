"""The decks as the home screen lists them."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quizgen.study.catalog import BrokenDeck, StudyDeck, loaded_by_title


def deck(title: str) -> StudyDeck:
    return StudyDeck(deck=SimpleNamespace(title=title), bank=None)  # type: ignore[arg-type]


def test_decks_are_listed_by_title_whatever_its_case() -> None:
    """ "Qasem Soleimani" came before "noevents": capitals sorted first."""
    decks = [
        deck("Qasem Soleimani — timeline"),
        deck("noevents"),
        deck("Qasem Soleimani"),
        deck("Ancient Rome"),
    ]
    broken = BrokenDeck(Path("broken.yaml"), ())
    titles = [d.title for d in loaded_by_title([*decks, broken])]
    assert titles == ["Ancient Rome", "noevents", "Qasem Soleimani", "Qasem Soleimani — timeline"]
