"""Answer checking: normalisation, aliases, forgiving typos only when they cannot mislead."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.facts.dates import parse_date
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.facts.quantities import QuantityParseError, parse_quantity
from quizgen.questions.answers import (
    Verdict,
    Vocabulary,
    check_choice,
    check_typed,
    credited_spellings,
    exact_spellings,
)
from quizgen.questions.generate import generate, generate_for_deck
from quizgen.questions.model import Question
from quizgen.questions.normalise import normalise
from quizgen.study.evaluate import evaluate_text
from quizgen.study.scheduler import Grade
from quizgen.targets import open_target
from tests.typed_questions import SOURCE, typed

PLACES = Vocabulary({"place": ["Prussia", "Russia", "Baghdad", "Tehran", "Qanat-e Malek"]})
PEOPLE = Vocabulary({"person": ["Henry VII", "Henry VIII", "Qasem Soleimani"]})


@pytest.mark.parametrize(
    "text",
    [
        "Qanat-e Malek",
        "qanat-e malek",
        "QANAT E MALEK",
        "  Qanat-e   Malek ",
        "Qanat e Malek.",
        "the Qanat-e Malek",
    ],
)
def test_normalised_answers_are_correct(text: str) -> None:
    assert check_typed(typed("Qanat-e Malek"), text, PLACES).verdict is Verdict.CORRECT


def test_accents_and_aliases() -> None:
    question = typed("Quds Force", "Qods Force", "IRGC Quds Force", entity_type="organisation")
    assert check_typed(question, "qods force").verdict is Verdict.CORRECT
    assert check_typed(question, "IRGC-Quds Force").verdict is Verdict.CORRECT
    assert check_typed(typed("Marie Skłodowska"), "marie sklodowska").verdict is Verdict.CORRECT
    assert check_typed(typed("Zürich"), "zurich").verdict is Verdict.CORRECT


def test_a_typo_is_accepted_and_shows_the_difference() -> None:
    result = check_typed(typed("Baghdad"), "Bagdad", PLACES)
    assert result.verdict is Verdict.TYPO
    assert result.correct
    assert result.expected == "Baghdad"
    assert result.given == "Bagdad"
    assert ("missing", "h") in result.diff


def test_prussia_is_not_russia() -> None:
    assert check_typed(typed("Prussia"), "Russia", PLACES).verdict is Verdict.WRONG
    assert check_typed(typed("Russia"), "Prusia", PLACES).verdict is Verdict.WRONG


def test_henry_vii_is_not_henry_viii() -> None:
    question = typed("Henry VIII", entity_type="person")
    assert check_typed(question, "Henry VII", PEOPLE).verdict is Verdict.WRONG
    assert check_typed(question, "Henry VIII", PEOPLE).verdict is Verdict.CORRECT
    assert check_typed(question, "Henyr VIII", PEOPLE).verdict is Verdict.TYPO


def test_short_answers_need_exact_spelling() -> None:
    assert check_typed(typed("Iran"), "Irn", PLACES).verdict is Verdict.WRONG
    assert check_typed(typed("ISIS", entity_type="organisation"), "ISSI").verdict is Verdict.WRONG


def test_tokens_with_digits_match_exactly() -> None:
    question = typed("Resolution 2231", kind="text", entity_type=None)
    assert check_typed(question, "Resolution 2231").verdict is Verdict.CORRECT
    assert check_typed(question, "Resolution 2213").verdict is Verdict.WRONG
    assert check_typed(question, "Resolutoin 2231").verdict is Verdict.TYPO


def test_dates_in_every_spelling() -> None:
    question = typed("11 March 1957", kind="date", entity_type=None, date=parse_date("1957-03-11"))
    for text in ("1957-03-11", "March 11 1957", "11 Mar 1957", "11 March 1957", "March 11, 1957"):
        assert check_typed(question, text).verdict is Verdict.CORRECT, text
    ambiguous = check_typed(question, "11/3/1957")
    assert ambiguous.verdict is Verdict.WRONG
    assert "month as a word" in (ambiguous.note or "")
    assert "1957" not in (ambiguous.note or "")  # its example was "11 March 1957": the answer itself
    coarse = check_typed(question, "1957")
    assert coarse.verdict is Verdict.WRONG
    assert "more precise" in (coarse.note or "")
    assert check_typed(question, "12 March 1957").verdict is Verdict.WRONG


def test_the_full_stop_that_ends_a_sentence_is_no_part_of_the_answer() -> None:
    day = typed("3 January 2020", kind="date", entity_type=None, date=parse_date("2020-01-03"))
    for text in ("3 January 2020.", "January 3, 2020.", "on 3 January 2020!"):
        assert check_typed(day, text).verdict is Verdict.CORRECT, text
    month = typed("June 2020", kind="date", entity_type=None, date=parse_date("2020-06"))
    assert check_typed(month, "June.").verdict is Verdict.CORRECT
    number = typed("7", kind="quantity", entity_type=None, quantity=parse_quantity("7"))
    assert check_typed(number, "7.").verdict is Verdict.CORRECT
    assert check_typed(number, ".").verdict is Verdict.WRONG  # nothing but the stop is still no 7


def test_a_year_for_a_part_of_a_year_is_half_right() -> None:
    """ "When did ...?" does not say "late 2023" is wanted, so "2023" is close, not wrong."""
    question = typed("late 2023", kind="date", entity_type=None, date=parse_date("late 2023"))
    assert check_typed(question, "late 2023").verdict is Verdict.CORRECT
    year = check_typed(question, "2023")
    assert year.verdict is Verdict.CLOSE
    assert year.note == "the source is more precise: late 2023"
    assert check_typed(question, "early 2023").verdict is Verdict.WRONG
    for wider in ("the 2020s", "the 21st century", "2000/2050", "c. 2023"):
        assert check_typed(question, wider).verdict is Verdict.WRONG, wider  # only its own year is close
    assert "2023" not in exact_spellings(question)  # a platform comparing letters gives it full marks
    outcome = evaluate_text(question, "2023")
    assert outcome.points == 0.5
    assert outcome.grade is Grade.HARD


@pytest.mark.parametrize("text", ["the 20th century", "twentieth century", "the Twentieth Century", "19XX"])
def test_a_century_is_answered_by_its_number_or_its_word(text: str) -> None:
    """ "twentieth century" could not be read as a date, and the key was shown as "the 1900s"."""
    question = typed("the 20th century", kind="date", entity_type=None, date=parse_date("19XX"))
    assert question.date.label() == "the 20th century"
    assert check_typed(question, text).verdict is Verdict.CORRECT
    assert check_typed(question, "nineteenth century").verdict is Verdict.WRONG


def test_a_span_is_answered_as_it_is_shown_and_as_people_write_it() -> None:
    question = typed(
        "20–21 June 1791", kind="date", entity_type=None, date=parse_date("1791-06-20/1791-06-21")
    )
    for text in (
        "20–21 June 1791",
        "20-21 June 1791",
        "20 June 1791 - 21 June 1791",
        "20 June 1791–21 June 1791",
    ):
        assert check_typed(question, text).verdict is Verdict.CORRECT, text
    years = typed("1939–1940", kind="date", entity_type=None, date=parse_date("1939/1940"))
    assert check_typed(years, "1939-40").verdict is Verdict.CORRECT  # not EDTF's first half of 1939


def test_a_span_is_answered_by_its_two_ends() -> None:
    """ "Between which years" wants the span: a year inside it, or a shorter span, is wrong."""
    question = typed("1961–1972", kind="date", entity_type=None, date=parse_date("1961/1972"))
    # "1961 and 1972", as the source's "between 1961 and 1972" is shortened
    for text in ("1961–1972", "1961-1972", "1961 to 1972", "May 1961 to 1972", "1961 and 1972"):
        assert check_typed(question, text).verdict is Verdict.CORRECT, text
    assert check_typed(question, "1961 and 1971").verdict is Verdict.WRONG
    inside = check_typed(question, "1961")
    assert inside.verdict is Verdict.WRONG
    assert "within the span" in (inside.note or "")
    assert check_typed(question, "1962-1972").verdict is Verdict.WRONG
    assert check_typed(question, "1960-1972").verdict is Verdict.WRONG
    months = typed(
        "March 1980–August 1988", kind="date", entity_type=None, date=parse_date("1980-03/1988-08")
    )
    coarse = check_typed(months, "1980-1988")
    assert coarse.verdict is Verdict.WRONG
    assert "more precise" in (coarse.note or "")


@pytest.mark.parametrize(
    ("key", "date", "more"),
    [
        ("5 August 1930", "1930-08-05", ["August 5, 1930", "1930-08-05"]),
        ("1961–1972", "1961/1972", ["1961-1972", "1961 - 1972", "1961 to 1972"]),
        ("c. 1970", "1970~", ["1970", "circa 1970"]),
        ("the 1980s", "198X", ["1980s"]),
    ],
)
def test_platforms_that_compare_letters_get_every_spelling_the_app_takes(
    key: str, date: str, more: list[str]
) -> None:
    """Moodle took only "1961–1972", with a dash no student types; the app takes "1961-1972"."""
    question = typed(key, kind="date", entity_type=None, date=parse_date(date))
    assert exact_spellings(question) == [key, *more]
    number = typed("at least 13", kind="quantity", entity_type=None, quantity=parse_quantity("at least 13"))
    assert exact_spellings(number) == ["at least 13", "13"]


def test_the_preposition_the_sentence_would_use_is_not_held_against_an_answer() -> None:
    """ "in Baghdad" for "Where was he killed?" was wrong; "In-N-Out" keeps its "In"."""
    assert check_typed(typed("Baghdad"), "in Baghdad", PLACES).verdict is Verdict.CORRECT
    assert check_typed(typed("Baghdad"), "in", PLACES).verdict is Verdict.WRONG
    people = typed("United States", entity_type="place")
    assert check_typed(people, "by the United States").verdict is Verdict.CORRECT
    assert check_typed(typed("In-N-Out", entity_type="organisation"), "In-N-Out").verdict is Verdict.CORRECT
    alias = typed("Vietnam's party chief", "To Lam", entity_type="person")  # an accepted form, too
    assert check_typed(alias, "To Lam").verdict is Verdict.CORRECT
    assert exact_spellings(alias) == ["Vietnam's party chief", "To Lam"]
    date = typed("3 January 2020", kind="date", entity_type=None, date=parse_date("2020-01-03"))
    assert check_typed(date, "on 3 January 2020").verdict is Verdict.CORRECT


def test_an_answer_without_the_sources_hedge_is_right_with_a_note() -> None:
    question = typed("mostly Shia", kind="text", entity_type=None)
    result = check_typed(question, "Shia")
    assert result.verdict is Verdict.CORRECT
    assert result.note == "the source says mostly Shia"
    assert check_typed(question, "Sunni").verdict is Verdict.WRONG
    partly = typed("partly Shia", kind="text", entity_type=None)  # "partly" denies "wholly"
    assert check_typed(partly, "Shia").verdict is not Verdict.CORRECT


def test_any_hedge_of_most_answers_a_hedged_key_and_its_other_spellings() -> None:
    question = typed("mostly Shia", "mostly Shiite", kind="text", entity_type=None)
    for text in ("largely Shia", "mainly Shiite", "Shiite"):
        assert check_typed(question, text).verdict is Verdict.CORRECT, text
    assert check_typed(question, "partly Shiite").verdict is Verdict.WRONG


def test_a_text_answer_may_start_with_the_sentences_preposition() -> None:
    question = typed("a US drone strike", "a drone strike", kind="text", entity_type=None)
    for text in ("by a drone strike", "by a US drone strike", "in a drone strike"):
        assert check_typed(question, text).verdict is Verdict.CORRECT, text
    assert check_typed(question, "by a car bomb").verdict is Verdict.WRONG


def test_a_number_may_start_with_the_sentences_preposition() -> None:
    """ "on seven fronts" was wrong where "seven fronts" was right; "at least" is still a bound."""
    fronts = typed("seven", kind="quantity", entity_type=None, quantity=parse_quantity("seven"))
    for text in ("on seven fronts", "on 7 fronts", "in 7"):
        assert check_typed(fronts, text).verdict is Verdict.CORRECT, text
    assert check_typed(fronts, "on six fronts").verdict is Verdict.WRONG
    exact = typed("13", kind="quantity", entity_type=None, quantity=parse_quantity("13"))
    assert check_typed(exact, "at least 13").verdict is Verdict.WRONG  # read as the bound it is


def test_month_answers_may_omit_the_year_the_stem_gives() -> None:
    question = typed("June 2020", kind="date", entity_type=None, date=parse_date("2020-06"))
    assert check_typed(question, "June").verdict is Verdict.CORRECT
    assert check_typed(question, "June 2020").verdict is Verdict.CORRECT
    assert check_typed(question, "July").verdict is Verdict.WRONG


@pytest.mark.parametrize(
    "text", ["50 billion", "$50bn", "50,000,000,000", "nearly $50 billion", "$50 billion"]
)
def test_quantities_in_every_spelling(text: str) -> None:
    question = typed(
        "nearly $50 billion", kind="quantity", entity_type=None, quantity=parse_quantity("nearly $50 billion")
    )
    assert check_typed(question, text).verdict is Verdict.CORRECT


def test_a_qualifier_that_denies_the_sources_is_wrong() -> None:
    """ "Over $50 billion" says the opposite of "nearly"; "about 13" for "at least 13" is the
    number, with a note of what the source says."""
    nearly = typed(
        "nearly $50 billion", kind="quantity", entity_type=None, quantity=parse_quantity("nearly $50 billion")
    )
    over = check_typed(nearly, "over $50 billion")
    assert over.verdict is Verdict.WRONG
    assert over.note == "the source says nearly $50 billion"
    assert check_typed(nearly, "almost 50 billion").verdict is Verdict.CORRECT
    at_least = typed("at least 13", kind="quantity", entity_type=None, quantity=parse_quantity("at least 13"))
    assert check_typed(at_least, "fewer than 13").verdict is Verdict.WRONG
    about = check_typed(at_least, "about 13")
    assert about.verdict is Verdict.CORRECT
    assert about.note == "the source says at least 13"
    assert check_typed(at_least, "more than 13").note is None
    exact = typed("13", kind="quantity", entity_type=None, quantity=parse_quantity("13"))
    bounded = check_typed(exact, "more than 13")  # not thirteen: a bound where the source counts
    assert bounded.verdict is Verdict.WRONG
    assert bounded.note == "the source is more precise: 13"
    assert check_typed(exact, "about 13").verdict is Verdict.CORRECT


def test_numbers_as_people_write_them() -> None:
    """A unit's letter is not a scale when the key has that unit; digits grouped by spaces."""
    metres = typed("110.6 metres", kind="quantity", entity_type=None, quantity=parse_quantity("110.6 metres"))
    assert check_typed(metres, "110.6 m").verdict is Verdict.CORRECT
    assert check_typed(metres, "110.6 metres").verdict is Verdict.CORRECT
    members = typed("5 members", kind="quantity", entity_type=None, quantity=parse_quantity("5 members"))
    assert check_typed(members, "5m").verdict is Verdict.WRONG  # five million, not five members
    money = typed("$3m", kind="quantity", entity_type=None, quantity=parse_quantity("$3 million"))
    assert check_typed(money, "3m").verdict is Verdict.CORRECT
    crowd = typed(
        "about 400,000", kind="quantity", entity_type=None, quantity=parse_quantity("about 400,000")
    )
    assert check_typed(crowd, "roughly 400 000").verdict is Verdict.CORRECT


def test_wrong_quantity() -> None:
    question = typed("at least 13", kind="quantity", entity_type=None, quantity=parse_quantity("at least 13"))
    assert check_typed(question, "13").verdict is Verdict.CORRECT
    assert check_typed(question, "31").verdict is Verdict.WRONG


@pytest.mark.parametrize(
    ("key", "typed_text", "verdict"),
    [
        ("7", "seven", Verdict.CORRECT),
        ("at least 13", "thirteen", Verdict.CORRECT),
        ("2", "twice", Verdict.CORRECT),
        ("21", "twenty-one", Verdict.CORRECT),
        ("105", "one hundred and five", Verdict.CORRECT),
        ("7", "eight", Verdict.WRONG),
    ],
)
def test_a_number_written_in_words_is_that_number(key: str, typed_text: str, verdict: Verdict) -> None:
    question = typed(key, kind="quantity", entity_type=None, quantity=parse_quantity(key))
    assert check_typed(question, typed_text).verdict is verdict


@pytest.mark.parametrize(
    "text",
    [
        "5 to 3",
        "5 - 7",
        "12% to 15%",
        "13 million billion",
        "13 and 14",
        "one and a half million",
        "2 and a half",
    ],
)
def test_two_numbers_are_not_read_as_one(text: str) -> None:
    """An author's "5 to 3" was read as exactly 5, with "to 3" as its unit."""
    with pytest.raises(QuantityParseError, match="as one number"):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Taliban and al-Qaeda", Verdict.CORRECT),  # its own order
        ("Taliban & al-Qaida", Verdict.CORRECT),  # another accepted spelling of one item
        ("Trump, Pompeo and the CIA", Verdict.CORRECT),  # part of a longer list
        ("Trump and Trump", Verdict.WRONG),
        ("Taliban and ISIS", Verdict.WRONG),  # one item is no answer
    ],
)
def test_a_list_is_answered_in_any_order(text: str, verdict: Verdict) -> None:
    """Naming more of the right answers must never score worse than naming one."""
    question = typed(
        "al-Qaeda and Taliban", "al-Qaeda", "al-Qaida", "Taliban", kind="text", entity_type="organisation"
    )
    listed = typed(
        "Donald Trump, Mike Pompeo, CIA and others", "Trump", "Pompeo", "CIA", kind="text", entity_type=None
    )
    assert check_typed(listed if "Pompeo" in text or "Trump" in text else question, text).verdict is verdict


@pytest.mark.parametrize(
    ("key", "given", "verdict"),
    [
        ("1/3", "3/1", Verdict.WRONG),  # a slash joins no list of words
        ("24/7", "7/24", Verdict.WRONG),
        ("red, white and blue", "red, white, white and blue", Verdict.WRONG),  # each item once
        ("red, white and blue", "blue, red and white", Verdict.CORRECT),
    ],
)
def test_a_phrase_turned_round_is_its_own_words_in_another_order(
    key: str, given: str, verdict: Verdict
) -> None:
    assert check_typed(typed(key, kind="text", entity_type=None), given).verdict is verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("material, moral and punitive damages", Verdict.CORRECT),
        ("punitive, material and moral damages", Verdict.CORRECT),  # the items share "damages"
        ("moral, punitive, and material damages", Verdict.CORRECT),
        ("material, moral", Verdict.WRONG),  # part of a quoted phrase is not the phrase
        ("material and punitive damages", Verdict.WRONG),
        ("moral, moral and punitive damages", Verdict.WRONG),
    ],
)
def test_a_quoted_list_is_answered_whole_in_any_order(text: str, verdict: Verdict) -> None:
    question = typed("material, moral and punitive damages", kind="text", entity_type=None)
    assert check_typed(question, text).verdict is verdict


@pytest.mark.parametrize(
    "text", ["one two", "nineteen eighty-four", "one thousand thousand", "twenty twenty"]
)
def test_words_that_are_no_single_number_are_not_read_as_one(text: str) -> None:
    """ "one two" was read as 3, "nineteen eighty-four" as 103."""
    with pytest.raises(QuantityParseError):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("12 B-52 bombers", 12, "B-52 bombers"),
        ("3 T-72 tanks", 3, "T-72 tanks"),
        ("40 M-16 rifles", 40, "M-16 rifles"),
    ],
)
def test_a_unit_that_starts_like_a_scale_is_a_unit(text: str, value: float, unit: str) -> None:
    """'B' is also billion: only a scale standing alone ("13 million billion") is a second number."""
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "label"),
    [
        ("12%", 12, "%", "12%"),
        ("about 40% of voters", 40, "% of voters", "40% of voters"),
        ("95 %", 95, "%", "95%"),
    ],
)
def test_a_percentage_is_a_number(text: str, value: float, unit: str, label: str) -> None:
    """'12%' could not be read at all, though teaching material is full of them."""
    from quizgen.questions.distractors import quantity_label

    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity_label(quantity)) == (value, unit, label)
    question = typed(label, kind="quantity", entity_type=None, quantity=quantity)
    assert check_typed(question, f"{value} percent").verdict is Verdict.CORRECT


def test_empty_answer_is_wrong() -> None:
    result = check_typed(typed("Baghdad"), "   ", PLACES)
    assert result.verdict is Verdict.WRONG
    assert result.note == "no answer given"


def test_choices() -> None:
    question = Question(
        id="f:t:multiple_choice",
        kind=Kind.MULTIPLE_CHOICE,
        stem="?",
        answer="B",
        statement_ids=("f",),
        template_id="t",
        sources=SOURCE,
        options=("A", "B", "C"),
        answer_index=1,
    )
    assert check_choice(question, 1).verdict is Verdict.CORRECT
    assert check_choice(question, 0).verdict is Verdict.WRONG
    assert check_choice(question, 7).verdict is Verdict.WRONG


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_checking_never_raises_and_only_accepts_near_answers(text: str) -> None:
    result = check_typed(typed("Qanat-e Malek"), text, PLACES)
    assert result.verdict in Verdict
    if result.verdict is Verdict.CORRECT:
        assert normalise(text) == normalise("Qanat-e Malek")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Baghdad", "Tehran", "Qanat-e Malek"]), st.data())
def test_case_and_spacing_never_change_the_verdict(answer: str, data: st.DataObject) -> None:
    variant = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in answer)
    variant = "  " + variant.replace(" ", "   ") + " "
    assert check_typed(typed(answer), variant, PLACES).verdict is Verdict.CORRECT


def test_a_spelling_difference_is_shown_word_by_word() -> None:
    """Letters aligned across words read "missing ' Corp'" for "Guards" typed for "Guard Corps"."""
    question = typed("Islamic Revolutionary Guard Corps", entity_type="organisation")
    checked = check_typed(question, "Islamic Revolutionary Guards")
    assert checked.verdict is Verdict.TYPO
    assert ("extra", "Guards") in checked.diff
    assert ("missing", "Guard Corps") in checked.diff
    one_word = check_typed(typed("Soleimani", entity_type="person"), "Soleimany")
    assert one_word.diff == (("same", "Soleiman"), ("extra", "y"), ("missing", "i"))


def test_a_place_may_be_written_with_the_places_around_it() -> None:
    """ "Baghdad, Iraq", as an address is written; a wrong country after the comma stays wrong."""
    question = typed("Qanat-e Malek", within=("Kerman Province", "Kerman", "Iran"))
    for text in ("Qanat-e Malek, Kerman Province", "Qanat-e Malek, Kerman, Iran", "in Qanat-e Malek, Iran"):
        assert check_typed(question, text, PLACES).verdict is Verdict.CORRECT, text
    for text in ("Qanat-e Malek, Iraq", "Tehran, Iran", "Kerman Province"):
        assert check_typed(question, text, PLACES).verdict is Verdict.WRONG, text
    assert check_typed(typed("Qanat-e Malek"), "Qanat-e Malek, Iran").verdict is Verdict.WRONG  # none known


def test_a_place_answer_knows_the_places_around_it() -> None:
    """Short names too: "Qanat-e Malek, Kerman" was wrong where "Baghdad, Iraq" was right."""
    library = load_library([Path(__file__).parents[2] / "content" / "soleimani.yaml"])
    questions = {q.id: q for q in generate(library, random.Random(0))}
    assert questions["soleimani-born-in:born-in:typed"].within == ("Kerman Province", "Kerman", "Iran")
    assert questions["soleimani-born-in:born-in:cloze"].within == ("Kerman Province", "Kerman", "Iran")
    answer = check_typed(questions["soleimani-born-in:born-in:typed"], "Qanat-e Malek, Kerman", PLACES)
    assert answer.verdict is Verdict.CORRECT


def test_an_open_list_may_be_typed_with_the_sources_count_of_the_rest() -> None:
    """Sputnik: "Trump, Pompeo, the NSA, the CIA and 38 others"; the key says "and others"."""
    question = typed(
        "Donald Trump, Mike Pompeo, the NSA, the CIA and others",
        "Trump",
        "Pompeo",
        "NSA",
        "CIA",
        kind="entity",
        quotes=("held Donald Trump, Mike Pompeo, the NSA, the CIA and 38 others responsible",),
    )
    assert (
        check_typed(question, "Trump, Pompeo, the NSA, the CIA and 38 others", PEOPLE).verdict
        is Verdict.CORRECT
    )
    for text in ("Trump and 1000 others", "Trump and 2 others", "Trump and 38 judges"):
        assert check_typed(question, text, PEOPLE).verdict is Verdict.WRONG, text  # not the source's
    closed = typed("Iraq and the US", "Iraq", "US", kind="entity")
    assert check_typed(closed, "Iraq and 2 others", PLACES).verdict is Verdict.WRONG  # no others to count


def test_a_place_whose_name_has_a_comma_may_take_its_address_too() -> None:
    question = typed("Washington, D.C.", within=("United States", "US"))
    for text in ("Washington, D.C.", "Washington, D.C., United States", "Washington, D.C., US"):
        assert check_typed(question, text, PLACES).verdict is Verdict.CORRECT, text
    assert check_typed(question, "Washington, Iraq", PLACES).verdict is Verdict.WRONG


def test_a_number_below_zero_is_not_the_number() -> None:
    """ "-13" compared as text lost its minus sign and matched 13."""
    question = typed("13", kind="quantity", entity_type=None, quantity=parse_quantity("13"))
    assert check_typed(question, "-13").verdict is Verdict.WRONG
    assert check_typed(question, "13").verdict is Verdict.CORRECT


NATIONS = Vocabulary.named(
    [
        ("us", "place", "United States"),
        ("us", "place", "U.S."),
        ("us", "place", "US"),
        ("uk", "place", "United Kingdom"),
        ("iran", "place", "Iran"),
    ]
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("tensions between the United States and Iran", Verdict.CORRECT),
        ("tensions between US and Iran", Verdict.CORRECT),
        ("United States-Iran tensions", Verdict.CORRECT),
        ("tensions between Iran and the US", Verdict.CORRECT),  # the same two, either way round
        ("Iran-US tensions", Verdict.CORRECT),
        ("tensions between Iran and the United Kingdom", Verdict.WRONG),
        ("tensions between the United Kingdom and Iran", Verdict.WRONG),
        ("tensions between the United States and Iraq", Verdict.WRONG),
    ],
)
def test_a_phrase_may_name_its_entities_by_any_of_their_names(text: str, verdict: Verdict) -> None:
    """ "United States" for the source's "U.S." was a typo, graded Hard: it is the same name."""
    question = typed(
        "U.S.-Iran tensions", "tensions between the U.S. and Iran", kind="text", entity_type=None
    )
    assert check_typed(question, text, NATIONS).verdict is verdict
    assert check_typed(question, text).verdict is not Verdict.CORRECT  # it is the entities that tell


def sanctioned_by(stem: str) -> Question:
    """ "The United Nations and the European Union", asked by ``stem``; each body by any name."""
    return replace(
        typed(
            "the United Nations and the European Union",
            "United Nations",
            "UN",
            "European Union",
            "EU",
            entity_type="organisation",
        ),
        stem=stem,
    )


def test_a_stem_that_asks_for_two_gives_half_for_one() -> None:
    """ "Which two international organisations...?" took "UN" alone for full points."""
    question = sanctioned_by("Which two international organisations imposed sanctions on him?")
    half = check_typed(question, "UN")
    assert half.verdict is Verdict.CLOSE
    assert half.note == "the question asks for two"
    assert check_typed(question, "EU and UN").verdict is Verdict.CORRECT
    assert check_typed(question, "NATO").verdict is Verdict.WRONG
    who = replace(question, stem="Who imposed sanctions on him?")  # one of them is an answer
    assert check_typed(who, "UN").verdict is Verdict.CORRECT


BODIES = Vocabulary.named(
    [
        ("un", "organisation", "United Nations"),
        ("un", "organisation", "UN"),
        ("eu", "organisation", "European Union"),
        ("eu", "organisation", "EU"),
    ]
)


@pytest.mark.parametrize("stem", ["Which two organisations imposed sanctions on him?", "Who imposed them?"])
@pytest.mark.parametrize(
    "text", ["UN and United Nations", "the EU and the European Union", "UN, EU and the UN"]
)
def test_one_body_by_two_of_its_names_is_not_two_answers(stem: str, text: str) -> None:
    """ "UN and United Nations" was taken for the UN and the EU: two items, each an answer."""
    question = sanctioned_by(stem)
    assert check_typed(question, text, BODIES).verdict is Verdict.WRONG
    assert check_typed(question, "the UN and the European Union", BODIES).verdict is Verdict.CORRECT


COUNTRIES = Vocabulary.named(
    [("iraq", "place", "Iraq"), ("iran", "place", "Iran"), ("us", "place", "US")],
    [("iraq", "Iraqi"), ("iran", "Iranian"), ("us", "American")],
)


@pytest.mark.parametrize(
    ("answer", "text", "verdict"),
    [
        ("the sovereignty of Iraq", "the sovereignty of Iran", Verdict.WRONG),  # another country
        ("the sovereignty of Iraq", "Iranian sovereignty", Verdict.WRONG),
        ("the sovereignty of Iraq", "the soverignty of Irak", Verdict.TYPO),
        ("the sovereignty of Iraq", "Iran's sovereignty", Verdict.WRONG),  # was "Iraq's", misspelt
        ("Iran's regional policies", "Iranian regional policies", Verdict.CORRECT),
        ("Iran's regional policies", "Iraqi regional policies", Verdict.WRONG),
        ("the US invasion of Afghanistan", "the American invasion of Afghanistan", Verdict.CORRECT),
        ("target US officials", "target American officials", Verdict.CORRECT),
        ("resistance against foreign intervention", "resistance against foreign interference", Verdict.WRONG),
        ("resistance against foreign intervention", "resistance against foreign invasion", Verdict.WRONG),
        ("resistance against foreign intervention", "resistance against foriegn intervension", Verdict.TYPO),
        ("any American commander or political leader", "any American commander", Verdict.WRONG),  # half of it
        (
            "any American commander or political leader",
            "any Iranian commander or political leader",
            Verdict.WRONG,
        ),
        ("Iran's mission in Syria", "Iran's mission in Iraq", Verdict.WRONG),
        ("Qasem Soleimani", "Qassem Suleimani", Verdict.TYPO),
    ],
)
def test_a_typo_is_a_word_misspelt_not_another_word(answer: str, text: str, verdict: Verdict) -> None:
    """Close as a whole, these were typos with full points: a phrase with another country or another
    word in it names something else."""
    question = typed(answer, kind="text", entity_type=None)
    assert check_typed(question, text, COUNTRIES).verdict is verdict


@pytest.mark.parametrize(
    ("answer", "text"),
    [
        ("a response to an imminent threat", "as a response to an imminent threat"),
        ("humble origins", "his humble origins"),
        ("humble origins", "their humble origins"),
    ],
)
def test_the_words_a_sentence_puts_before_the_answer_are_no_part_of_it(answer: str, text: str) -> None:
    assert check_typed(typed(answer, kind="text", entity_type=None), text).verdict is Verdict.CORRECT


def test_a_typos_difference_leaves_out_the_article_and_shows_the_letter() -> None:
    """ "the Qudz force" showed "the Qudz" extra and "Quds" missing, for one wrong letter."""
    checked = check_typed(typed("Quds Force", entity_type="organisation"), "the Qudz force")
    assert checked.verdict is Verdict.TYPO
    assert checked.diff[:3] == (("same", "Qud"), ("extra", "z"), ("missing", "s"))


def test_a_letter_by_letter_platform_takes_what_the_app_takes_without_an_article_or_turned_round() -> None:
    """Moodle took only "a bloody nose" where the app takes "bloody nose", and only "the United
    Nations and the European Union", not the two the other way round."""
    target = open_target("soleimani")
    typed_questions = {
        q.answer: q for q in generate_for_deck(target.deck, target.library) if q.kind is Kind.TYPED
    }
    spellings = {answer: [f for f, _ in credited_spellings(q)] for answer, q in typed_questions.items()}
    assert "bloody nose" in spellings["a bloody nose"]
    assert (
        "the European Union and the United Nations" in spellings["the United Nations and the European Union"]
    )
    assert "European Union and United Nations" in spellings["the United Nations and the European Union"]
    assert "a martyr and a hero" not in spellings["a hero and a martyr"]  # a phrase, not two names
    assert not any(f.startswith("others and") for f in spellings["Donald Trump and others"])
    three = typed("Trump, Pompeo, and the CIA", "Trump", "Pompeo", "CIA", kind="entity", entity_type="person")
    assert [f for f, _ in credited_spellings(three) if f.endswith(",")] == []  # three is no pair
    cloze = next(
        q
        for q in generate_for_deck(target.deck, target.library)
        if q.id == "quds-force-described-by-sputnik:is-described-as:cloze"
    )
    assert cloze.answer == "the IRGC’s elite foreign operations formation"  # as the source prints it
    assert "the IRGC's elite foreign operations formation" in [f for f, _ in credited_spellings(cloze)]
    for answer, question in typed_questions.items():  # nothing credited that the app does not take
        for form, share in credited_spellings(question):
            verdict = check_typed(question, form).verdict
            assert (verdict, share) in ((Verdict.CORRECT, 100), (Verdict.CLOSE, 50)), (answer, form)
