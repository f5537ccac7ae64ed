"""The decks as the home screen lists them, and a session's questions in an order that gives none away."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from quizgen.questions.model import Question
from quizgen.study.catalog import BrokenDeck, StudyDeck, loaded_by_title
from quizgen.study.session import unspoiled
from tests.typed_questions import typed


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


def question(question_id: str, answer: str, quote: str = "") -> Question:
    return typed(
        answer, kind="text", entity_type=None, question_id=question_id, quotes=(quote,) if quote else ()
    )


def test_no_answers_quote_gives_a_later_question_away() -> None:
    """The quote shown after one answer ("...charged with conspiring to assassinate the Quds Force
    commander") held the key of the next question; that question now comes first."""
    ruling = question(
        "ruling", "a Tehran court", "charged with conspiring to assassinate the Quds Force commander"
    )
    charge = question("charge", "conspiring to assassinate the Quds Force commander")
    other = question("other", "Iran", "Iran and Iraq")  # a name alone gives no question away
    iran = question("iran", "Iran")
    assert [q.id for q in unspoiled([ruling, other, charge, iran])] == ["charge", "ruling", "other", "iran"]
