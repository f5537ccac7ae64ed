"""Golden questions from the bundled content: the exact stems a teacher would be proud of."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen.facts.library import Library
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict, Vocabulary, check_choice, check_typed
from quizgen.questions.generate import generate
from quizgen.questions.model import Question
from quizgen.questions.scoring import score_order, score_year

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([ROOT / "content" / "soleimani.yaml"])


@pytest.fixture(scope="module")
def questions(library: Library) -> dict[str, Question]:
    return {q.id: q for q in generate(library, random.Random(0), present_year=2026)}


def test_multiple_choice_birthplace_never_offers_what_contains_it(questions: dict[str, Question]) -> None:
    question = questions["soleimani-born-in:born-in:multiple_choice"]
    assert question.stem == "Where was Qasem Soleimani born?"
    assert question.answer == "Qanat-e Malek"
    assert set(question.options) == {"Qanat-e Malek", "Tehran", "Baghdad"}
    assert check_choice(question, question.options.index("Qanat-e Malek")).verdict is Verdict.CORRECT


def test_typed_day_precision(questions: dict[str, Question]) -> None:
    question = questions["soleimani-born:event-date:typed"]
    assert question.stem == "On what date was Qasem Soleimani born?"
    assert question.answer == "11 March 1957"
    for spelling in ("1957-03-11", "March 11 1957", "11 Mar 1957"):
        assert check_typed(question, spelling).verdict is Verdict.CORRECT
    assert check_typed(question, "11/3/1957").verdict is Verdict.WRONG


def test_typed_with_aliases(questions: dict[str, Question], library: Library) -> None:
    question = questions["soleimani-took-command-of-quds-force:took-command-of:typed"]
    assert question.stem == "According to Sputnik, which force did Qasem Soleimani take command of in 1998?"
    vocabulary = Vocabulary.of(library)
    for spelling in ("Quds Force", "Qods Force", "IRGC Quds Force", "quds force"):
        assert check_typed(question, spelling, vocabulary).verdict is Verdict.CORRECT
    assert check_typed(question, "Quds Forse", vocabulary).verdict is Verdict.TYPO


def test_year_guess(questions: dict[str, Question]) -> None:
    question = questions["soleimani-took-command-of-quds-force:took-command-of-when:year_guess"]
    assert (
        question.stem
        == "According to Sputnik, in what year did Qasem Soleimani take command of the Quds Force?"
    )
    assert question.answer == "1998"
    assert question.date is not None
    assert score_year(question.date, "1998").points == 1.0
    assert score_year(question.date, "1997").points > 0.6
    assert score_year(question.date, "1990").points < 0.15


def test_true_false_swaps_a_same_kind_value(questions: dict[str, Question]) -> None:
    question = questions["soleimani-born-in:born-in:true_false"]
    assert question.statement == "Qasem Soleimani was born in Qanat-e Malek."
    assert question.options == ("True", "False")
    if question.answer == "True":
        assert question.stem == "True or false: Qasem Soleimani was born in Qanat-e Malek."
    else:
        assert question.stem in {
            "True or false: Qasem Soleimani was born in Tehran.",
            "True or false: Qasem Soleimani was born in Baghdad.",
        }


def test_cloze_from_the_source_sentence(questions: dict[str, Question]) -> None:
    question = questions["soleimani-took-command-of-quds-force:took-command-of:cloze"]
    assert question.stem == (
        "Sputnik writes: “Soleimani took command of the IRGC’s elite foreign operations formation, the ____, in 1998.”"
    )
    assert question.answer == "Quds Force"
    assert check_typed(question, "Qods Force").verdict is Verdict.CORRECT


def test_claim_attributed_twice(questions: dict[str, Question]) -> None:
    question = questions["hamas-tunnels-brainchild:partly-brainchild-whose:typed"]
    assert question.stem == (
        "According to a senior Hamas representative, as reported by Sputnik, "
        "whose brainchild, in part, were the tunnel networks in Gaza?"
    )
    assert question.answer == "Qasem Soleimani"
    assert question.attribution == "According to a senior Hamas representative, as reported by Sputnik"


def test_attributed_evaluation_accepts_the_short_form(questions: dict[str, Question]) -> None:
    question = questions[
        "quds-force-credited-against-takfiri-extremism:credited-with-freeing-communities-from:typed"
    ]
    assert question.stem == (
        "According to Sputnik, from what has the Quds Force been widely credited with helping to free "
        "the Mideast's Sunni and Shia communities?"
    )
    assert question.answer == "the scourge of Takfiri extremism"
    assert check_typed(question, "Takfiri extremism").verdict is Verdict.CORRECT


def test_qualifier_is_kept(questions: dict[str, Question]) -> None:
    question = questions["advisers-killed-in-battle:killed-in-battle:typed"]
    assert question.stem == (
        "According to Sputnik, at least how many Quds Force advisers were killed in battle alongside the PMF"
        " between 2014 and 2017?"
    )
    assert question.answer == "at least 13"
    assert check_typed(question, "13").verdict is Verdict.CORRECT
    # among options, "at least 7" would be true too, and with none below it 13 would be the least
    assert "advisers-killed-in-battle:killed-in-battle:multiple_choice" not in questions


def test_month_precision_is_asked_as_a_month(questions: dict[str, Question]) -> None:
    question = questions["first-interpol-attempt:event-date:multiple_choice"]
    assert question.stem == (
        "According to Sputnik, in which month of 2020 did Iran first attempt to issue Interpol arrest warrants "
        "against Trump and others?"
    )
    assert question.answer == "June"
    assert all(" " not in option for option in question.options)  # months only: the year is in the stem


def test_open_set_is_never_totalled(questions: dict[str, Question], library: Library) -> None:
    open_facts = [f.id for f in library.statements_with_relations() if f.open_set]
    assert open_facts
    for question in questions.values():
        if question.fact_id in open_facts:
            assert question.kind not in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)
            assert not any(word in question.stem for word in ("How many", "how many"))


def test_ordering_and_which_came_first(questions: dict[str, Question]) -> None:
    orders = [q for q in questions.values() if q.kind is Kind.ORDER]
    firsts = [q for q in questions.values() if q.kind is Kind.WHICH_FIRST]
    assert orders
    assert firsts
    for question in orders:
        assert question.stem == "Put these events in order, earliest first."
        assert 3 <= len(question.items) <= 6
        assert score_order(question.items, list(question.correct_order)) == 1.0
        assert [i.id for i in question.items] != list(question.correct_order)  # never shown already sorted
    for question in firsts:
        assert question.stem == "Which came first?"
        first, second = question.items
        assert first.date.compare(second.date) == -1  # never a tie
    labels = {item.label for q in orders for item in q.items}
    assert (
        "Iran's first attempt to issue Interpol arrest warrants against Trump and others (according to Sputnik)"
        in labels
    )


def test_braces_in_content_are_kept(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Warsaw", 'name: "Warsaw {old town}"')
    (tmp_path / "braces.yaml").write_text(text, encoding="utf-8")
    questions = generate(load_library([tmp_path / "braces.yaml"]), random.Random(0), present_year=2026)
    assert any(q.stem == "Who was born in Warsaw {old town}?" for q in questions)
    assert any(q.answer == "Warsaw {old town}" for q in questions if q.kind is Kind.TYPED)


@pytest.mark.parametrize(
    ("question_id", "stem"),
    [
        (  # was "...of which country are the Popular Mobilization Forces militias?"
            "pmf-of-iraq:militias-of:typed",
            "According to Sputnik, which country's militias are the Popular Mobilization Forces?",
        ),
        (  # was "According to Sputnik, the Quds Force is ____.": the key's "IRGC's" is "IRGC’s" there
            "quds-force-described-by-sputnik:is-described-as:cloze",
            "Sputnik writes: “Soleimani took command of ____, the Quds Force, in 1998.”",
        ),
        (  # was "which minority ...?", answered by any one of four
            "quds-force-credited-saving-minorities:credited-with-saving-minorities:typed",
            "According to Sputnik, name one of the minorities the Quds Force has been widely credited"
            " with saving from physical extermination.",
        ),
    ],
)
def test_stems_read_as_a_teacher_would_ask(
    questions: dict[str, Question], question_id: str, stem: str
) -> None:
    question = questions[question_id]
    assert (question.cloze.text if question.cloze else question.stem) == stem
    assert check_typed(question, question.answer.split(",")[0]).verdict is Verdict.CORRECT
    assert check_typed(question, question.answer.replace("’", "'")).verdict is Verdict.CORRECT
