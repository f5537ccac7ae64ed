"""How options and answers are laid out: a long option wraps under its own words, so the numbers
stay a column a student reads down; a results row tells its events apart; a status line keeps its count."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console
from rich.text import Text

from quizgen.facts.dates import parse_date
from quizgen.facts.model import Kind
from quizgen.facts.quantities import parse_quantity
from quizgen.questions.model import Question, TimelineItem
from quizgen.study.evaluate import evaluate_text
from quizgen.tui.screens.results import _event_by_number
from quizgen.tui.widgets.feedback import feedback
from quizgen.tui.widgets.literal import numbered
from quizgen.tui.widgets.status import StatusLine
from tests.typed_questions import typed

LONG = "At least 13 Quds Force advisers are killed in battle alongside the PMF (according to Sputnik)"


def lines_of(renderable: object, width: int) -> list[str]:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text().rstrip("\n").split("\n")


def test_a_wrapped_option_hangs_under_its_text() -> None:
    lines = lines_of(numbered("2  ", LONG), 40)
    assert len(lines) == 3
    assert lines[0].startswith("2  At least 13")
    assert all(line.startswith("   ") and line[3] != " " for line in lines[1:])
    assert " ".join(line.strip() for line in lines).removeprefix("2 ").strip() == LONG
    assert max(len(line.rstrip()) for line in lines) <= 40


def test_a_short_option_is_one_line_as_written() -> None:
    assert lines_of(numbered("✓ 1  ", "Kerman [bold]x[/]"), 40) == ["✓ 1  Kerman [bold]x[/]"]


def test_a_narrow_screen_still_shows_every_letter() -> None:
    lines = lines_of(numbered("1  ", LONG), 8)
    assert all(line.startswith("   ") for line in lines[1:])
    assert "".join(line[3:] for line in lines).replace(" ", "") == LONG.replace(" ", "")


def test_a_results_row_tells_two_events_of_one_year_apart_by_their_dates() -> None:
    """ "② 1789 | ① 1789" said nothing of which came first: events of one year keep their dates."""
    items = (
        TimelineItem("bastille", "The storming of the Bastille", parse_date("1789-07-14")),
        TimelineItem("march", "The Women's March on Versailles", parse_date("1789-10-05")),
    )
    question = Question(
        id="bastille+march:timeline-first:which_first",
        kind=Kind.WHICH_FIRST,
        stem="Which came first?",
        answer=items[0].label,
        statement_ids=("bastille", "march"),
        template_id="timeline-first",
        sources=(),
        options=(items[1].label, items[0].label),
        answer_index=1,
        answer_kind="event",
        items=items,
    )
    assert _event_by_number(question, items[0].label) == "② 14 July 1789"
    assert _event_by_number(question, items[1].label) == "① 5 October 1789"
    apart = replace(question, items=(items[0], replace(items[1], date=parse_date("1792-09-20"))))
    assert _event_by_number(apart, items[0].label) == "② 1789"  # other years: the year will do


def test_a_status_line_cuts_the_deck_title_short_before_the_count() -> None:
    """At 60 columns "Question 1 of" wrapped away from its "8"."""
    status = StatusLine(
        Text("Put in order · Qasem Soleimani — timeline"), Text("Question 1 of 8 · Score 0/0")
    )
    assert lines_of(status, 80) == ["Put in order · Qasem Soleimani — timeline   Question 1 of 8 · Score 0/0"]
    assert lines_of(status, 58) == ["Put in order · Qasem Soleim…   Question 1 of 8 · Score 0/0"]
    assert lines_of(status, 33) == ["Question 1 of 8 · Score 0/0"]  # too little of the title to say anything
    assert lines_of(status, 20) == ["Question 1 of 8 · S…"]


def test_feedback_says_the_sources_words_once() -> None:
    """ "Answer: mostly Shia (the source says mostly Shia)" said it twice; a note that adds
    something stays."""

    shia = typed("mostly Shia", kind="text", entity_type=None)
    text = feedback(shia, evaluate_text(shia, "largely Shia"), None).plain
    assert "Answer: mostly Shia" in text
    assert "the source says" not in text
    exact = typed("13", kind="quantity", entity_type=None, quantity=parse_quantity("13"))
    assert (
        "(the source is more precise: 13)"
        in feedback(exact, evaluate_text(exact, "more than 13"), None).plain
    )
