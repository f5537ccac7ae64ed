"""How a question asks for a number: the source's qualifier, in the source's word."""

from __future__ import annotations

import pytest

from quizgen.facts.quantities import format_number, parse_quantity
from quizgen.questions.wording import how_many, tidy


@pytest.mark.parametrize(
    ("written", "asked"),
    [
        ("13", "how many"),
        ("at least 13", "at least how many"),
        ("at most 6", "at most how many"),
        ("nearly $50 billion", "nearly how much"),  # nearly is less than; approximately is not
        ("about 40", "about how many"),
        ("c. 40", "approximately how many"),
    ],
)
def test_the_qualifier_is_asked_as_written(written: str, asked: str) -> None:
    assert how_many(parse_quantity(written)) == asked


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (13, "13"),
        (50e9, "50 billion"),
        (2.5e6, "2.5 million"),
        (12345678901234567890123, "12,345,678,901 trillion"),  # never 1.23457e+10 trillion
    ],
)
def test_numbers_are_written_as_a_person_writes_them(value: float, written: str) -> None:
    assert format_number(value) == written


@pytest.mark.parametrize(
    ("filled", "tidied"),
    [
        ("headquartered in Washington, D.C..", "headquartered in Washington, D.C."),
        ("he said “wait...”.", "he said “wait...”."),
        ("he said wait....", "he said wait..."),  # a value's ellipsis keeps its three dots
        ("he said wait...", "he said wait..."),
        ("Sieyès wrote What Is the Third Estate?.", "Sieyès wrote What Is the Third Estate?"),
        ("Who wrote What Is the Third Estate??", "Who wrote What Is the Third Estate?"),
        ("The crowd shouted Liberty!.", "The crowd shouted Liberty!"),
    ],
)
def test_a_value_that_ends_in_a_full_stop_ends_the_sentence_once(filled: str, tidied: str) -> None:
    assert tidy(filled) == tidied


def test_a_year_guess_on_an_approximate_date_says_so() -> None:
    """The typed question asked "In approximately what year ...?", its year guess "In what year":
    for c. 1970 the second reads as if 1970 were exact."""
    from quizgen.facts.dates import parse_date
    from quizgen.questions.wording import ask_by_precision

    ask = "When did laboratories begin studying the samples?"
    assert ask_by_precision(ask, parse_date("c. 1970"), year_only=True).startswith(
        "In approximately what year"
    )
    assert ask_by_precision(ask, parse_date("1970-06"), year_only=True).startswith("In what year")
    assert ask_by_precision(ask, parse_date("c. October 1970"), year_only=True).startswith(
        "In approximately what year"
    )
    assert ask_by_precision(ask, parse_date("c. October 1970")).startswith("Approximately when")
