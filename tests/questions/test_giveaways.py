"""Questions shown together never answer each other: in a quiz, on a printed test, in a live game."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen.classroom import paper
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.generate import generate
from quizgen.questions.giveaways import GiveAways, gives_away
from quizgen.questions.model import Question
from quizgen.questions.normalise import normalise
from quizgen.study import catalog
from quizgen.study import session as sessions
from quizgen.targets import open_target

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return list(generate(load_library(sorted((ROOT / "content").glob("*.yaml"))), random.Random(0)))


def test_one_answer_told_by_two_sources_is_asked_once(questions: list[Question]) -> None:
    """ "Which force did he take command of in 1998?" (Sputnik) was followed by "...commander of
    the IRGC's ____" (the biography): two facts, one answer."""
    force = [q for q in questions if normalise(q.answer) == "quds force" and q.kind is not Kind.TRUE_FALSE]
    assert len({q.fact_id for q in force}) >= 2
    a, b = next((a, b) for a in force for b in force if a.fact_id != b.fact_id)
    assert gives_away(a, b)
    first, second = [q for q in questions if q.kind is Kind.TRUE_FALSE and q.answer == "True"][:2]
    assert not gives_away(first, second)  # "True" twice answers nothing


def test_an_option_never_prints_the_answer_a_typed_question_asks_for(questions: list[Question]) -> None:
    """ "Where was Tereshkova born?" (typed: Maslennikovo) beside "Where was Gagarin born?" with
    "B. Maslennikovo" among its options: recall turned into recognition."""
    typed = next(q for q in questions if q.kind is Kind.TYPED and q.answer_kind == "entity")
    offered = [
        q
        for q in questions
        if q.options
        and q.kind is not Kind.TRUE_FALSE
        and normalise(typed.answer) in map(normalise, q.options)
    ]
    assert offered
    for choice in offered:
        assert gives_away(typed, choice)
        assert gives_away(choice, typed)


def test_an_answer_shown_after_its_question_is_held_against_the_next(questions: list[Question]) -> None:
    """The cloze's answer "2006 Israeli invasion of Lebanon", shown as feedback, answered "In what
    year did Israel invade Lebanon?"; on paper, where answers stay in the key, it does not."""
    cloze = next(q for q in questions if q.kind is Kind.CLOZE and q.answer.startswith("2006 "))
    year = next(q for q in questions if q.answer == "2006" and q.kind is Kind.YEAR_GUESS)
    assert gives_away(cloze, year, answers_shown=True)
    assert gives_away(year, cloze, answers_shown=True)
    assert not gives_away(cloze, year, answers_shown=False)


def test_no_quiz_of_the_bundled_deck_gives_an_answer_away(tmp_path: Path) -> None:
    from quizgen.study.store import open_store

    deck = catalog.load_study_deck(ROOT / "decks" / "soleimani.yaml")
    assert isinstance(deck, catalog.StudyDeck)
    store = open_store(tmp_path / "data")
    now = sessions.dt.datetime(2026, 12, 1, tzinfo=sessions.dt.UTC)
    for seed in range(40):
        asked = deck.session_questions(
            sessions.Mode.QUIZ,
            store,
            random.Random(seed),
            now,
            length=15,
            new_limit=20,
            new_seen_today=0,
            facts_studied_today=set(),
        )
        assert len(asked) == 15
        for n, later in enumerate(asked):
            for earlier in asked[:n]:
                assert not gives_away(earlier, later, answers_shown=True), (seed, earlier.stem, later.stem)
    deck.bank.close()
    store.close()


def _on_the_sheet(question: Question) -> str:
    words = [question.cloze.text if question.cloze else question.stem, *question.options]
    return f" {normalise(' '.join([*words, *(item.label for item in question.items)]))} "


def test_a_printed_sheet_never_prints_a_typed_answer_elsewhere_on_it() -> None:
    """Seen whole, a sheet held "...coordinated with Northern Alliance forces ahead of ____" (the
    US invasion) beside "...coordinating with ____ ahead of the US invasion": each printed the
    other's answer. A lone name ("Iran") stands in too many stems to count."""
    target = open_target("soleimani")
    deck = list(generate(target.library, random.Random(0)))
    leaks = []
    for seed in range(25):
        chosen = paper.choose(deck, 20, seed, heading=target.deck.title)
        assert len(chosen) == 20
        for question in chosen:
            key = normalise(question.answer)
            if question.kind not in (Kind.TYPED, Kind.CLOZE) or " " not in key:
                continue
            if f" {key} " in f" {normalise(target.deck.title)} ":
                leaks.append(f"{seed}: {question.id} is answered by the sheet's title")
            leaks += [
                f"{seed}: {question.id} is answered by {other.id}"
                for other in chosen
                if other is not question and f" {key} " in _on_the_sheet(other)
            ]
    assert leaks == []


def test_a_sheets_heading_gives_away_a_typed_answer_it_names(questions: list[Question]) -> None:
    named = next(q for q in questions if q.kind is Kind.TYPED and q.answer == "Qasem Soleimani")
    assert not GiveAways(heading="Qasem Soleimani: a test").admits(named)
    assert GiveAways(heading="Iran, 1979 to 2020").admits(named)
    assert GiveAways().admits(named)  # the app asks it: its screen shows one question at a time
