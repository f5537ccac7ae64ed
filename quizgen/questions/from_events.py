"""Questions about one event's date: typed, multiple choice and year guess."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from quizgen.facts.model import Event, Kind

from .context import Context
from .from_facts import MIN_CHOICES, YEAR_GUESS_PRECISIONS
from .model import Question
from .normalise import contains_phrase
from .wording import attribution, compose, date_option, event_label

DATE_TEMPLATE = "event-date"
YEAR_TEMPLATE = "event-year"


def event_questions(ctx: Context, event: Event) -> Iterator[Question]:
    voice = attribution(ctx.library, event)
    base: dict[str, Any] = {
        "answer": event.date.label(),
        "statement_ids": (event.id,),
        "sources": ctx.sources(event),
        "answer_kind": "date",
        "date": event.date,
        "attribution": voice,
        "statement": f"{event_label(ctx.library, event)}: {event.date.label()}.",
        "quotes": event.quotes,
        "tags": event.tags,
    }
    if event.ask:
        stem = compose(event.ask, None, voice, event.date)
        if Kind.TYPED in ctx.kinds:
            question_id = f"{event.id}:{DATE_TEMPLATE}:typed"
            yield Question(id=question_id, kind=Kind.TYPED, stem=stem, template_id=DATE_TEMPLATE, **base)
        if Kind.MULTIPLE_CHOICE in ctx.kinds:
            choice = _date_choice(ctx, event, stem, base)
            if choice is not None:
                yield choice
    guessable = not event.date.is_range and event.date.precision in YEAR_GUESS_PRECISIONS
    if Kind.YEAR_GUESS in ctx.kinds and guessable:
        if event.ask:
            stem = compose(event.ask, None, voice, event.date, year_only=True)
        else:
            stem = f"In what year did this happen: {event_label(ctx.library, event)}?"
        year = event.date.first.label() if event.date.year <= 0 else str(event.date.year)
        if not contains_phrase(stem, year):
            yield Question(
                id=f"{event.id}:{YEAR_TEMPLATE}:year_guess",
                kind=Kind.YEAR_GUESS,
                stem=stem,
                template_id=YEAR_TEMPLATE,
                **{**base, "answer": year},
            )


def _date_choice(ctx: Context, event: Event, stem: str, base: dict[str, Any]) -> Question | None:
    question_id = f"{event.id}:{DATE_TEMPLATE}:multiple_choice"
    rng = ctx.rng(question_id)
    month_only = "in which month of" in stem.lower()  # the stem gives the year: options name months
    wrong = ctx.distractors.dates(event.date, (), rng, same_year=month_only)
    options = [date_option(d, month_only) for d in (event.date, *wrong)]
    if len(options) < MIN_CHOICES:
        return None
    key = options[0]
    rng.shuffle(options)
    return Question(
        id=question_id,
        kind=Kind.MULTIPLE_CHOICE,
        stem=stem,
        template_id=DATE_TEMPLATE,
        options=tuple(options),
        answer_index=options.index(key),
        **{**base, "answer": key},
    )
