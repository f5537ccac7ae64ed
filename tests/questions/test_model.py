"""The question type's own helpers."""

from __future__ import annotations

from dataclasses import fields, replace

from quizgen.facts.dates import parse_date
from quizgen.facts.model import Kind, Quantity
from quizgen.questions.model import Cloze, Question, SourceRef, TimelineItem


def every_field_set() -> Question:
    """A question whose every field differs from its default, so a field left behind shows."""
    date = parse_date("2020-01-03")
    return Question(
        id="fact:template:multiple_choice",
        kind=Kind.MULTIPLE_CHOICE,
        stem="Which city?",
        answer="Baghdad",
        statement_ids=("fact",),
        template_id="template",
        sources=(SourceRef("src", "Source", "A citation", opinion=True),),
        accepted=("Bagdad",),
        options=("Baghdad", "Basra", "Mosul"),
        answer_index=0,
        answer_kind="entity",
        entity_type="place",
        date=date,
        quantity=Quantity(3.0, "three"),
        items=(TimelineItem("event", "An event", date),),
        cloze=Cloze("In ", "Baghdad", "."),
        attribution="According to Source",
        statement="It happened in Baghdad.",
        quotes=("a quote",),
        tags=("tag",),
        within=("Iraq",),
    )


def test_with_options_changes_only_the_options_and_key() -> None:
    question = every_field_set()
    assert all(getattr(question, f.name) != f.default for f in fields(Question) if f.name != "id")

    moved = question.with_options(("Basra", "Baghdad", "Mosul"), 1)

    assert moved == replace(question, options=("Basra", "Baghdad", "Mosul"), answer_index=1)
    assert moved.options[moved.answer_index] == question.answer
