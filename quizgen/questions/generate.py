"""Generate every question of a library or a deck, deterministically from a seed.

The same library and seed give the same questions. Randomness comes only
from the ``random.Random`` passed in; each question then draws from its own
generator (seeded by the run and its id), so one new fact does not reshuffle
the options of every other question.
"""

from __future__ import annotations

import datetime
import random
import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace

from quizgen.decks import Deck, deck_problems
from quizgen.facts.errors import Problem
from quizgen.facts.library import Library
from quizgen.facts.model import Event, Fact, Kind, Statement
from quizgen.nogc import cycle_collection_paused
from quizgen.reproducible import source_date_epoch

from .context import Context
from .from_events import event_questions
from .from_facts import fact_questions, names_an_answer
from .model import Question
from .normalise import normalise
from .timeline import timeline_questions
from .wording import attributed

ALL_KINDS = frozenset(Kind)


def generate(
    library: Library,
    rng: random.Random,
    *,
    statements: Iterable[Statement] | None = None,
    kinds: Collection[Kind] = ALL_KINDS,
    present_year: int | None = None,
) -> list[Question]:
    """Every question the statements (default: the whole library) yield, in content order.

    ``present_year`` bounds date options (none lies in the future); it defaults
    to the year of ``SOURCE_DATE_EPOCH`` when set, so builds are reproducible,
    else to the current year.
    """
    chosen = (
        list(statements)
        if statements is not None
        else [*library.statements_with_relations(), *library.events]
    )
    questions: list[Question] = []
    events: list[Event] = []
    with cycle_collection_paused():  # hundreds of thousands of questions, none in a cycle
        ctx = Context.create(library, frozenset(kinds), rng, present_year or current_year())
        for statement in chosen:
            if isinstance(statement, Fact):
                questions.extend(fact_questions(ctx, statement))
            else:
                events.append(statement)
                questions.extend(event_questions(ctx, statement))
        questions.extend(timeline_questions(ctx, events))
        return _balance_positions(_without_repeats(questions), ctx)


def current_year() -> int:
    """The year date options may not pass: SOURCE_DATE_EPOCH's when set (reproducible), else today's."""
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.datetime.fromtimestamp(epoch, datetime.UTC).year
    return datetime.date.today().year


def generate_for_deck(
    deck: Deck, library: Library, seed: int = 0, present_year: int | None = None
) -> list[Question]:
    """A deck's questions: its statements and kinds, minus exclusions, plus pins, with rewordings."""
    statements = deck.statements(library)
    taken = {s.id for s in statements}
    pinned_statements = {pin.split(":", 1)[0] for pin in deck.pin} - taken
    statements += [
        library.statements_by_id[s] for s in sorted(pinned_statements) if s in library.statements_by_id
    ]
    kinds = set(deck.kinds) | _pinned_kinds(deck)
    questions = generate(
        library, random.Random(seed), statements=statements, kinds=kinds, present_year=present_year
    )
    kept = []
    for question in questions:
        if question.id in deck.exclude:
            continue
        from_selection = question.fact_id in taken and question.kind in deck.kinds
        if not from_selection and question.id not in deck.pin:
            continue
        new_stem = deck.reword.get(question.id)
        if new_stem is not None:
            question = replace(question, stem=_keep_attribution(new_stem, question.attribution))
        kept.append(question)
    return kept


_HIDES_ITS_STEM = (Kind.TRUE_FALSE, Kind.ORDER, Kind.WHICH_FIRST)  # the stem states or lists the answer
_SLOT = re.compile(r"\{\w+\}")


def reword_problems(deck: Deck, questions: Iterable[Question]) -> list[Problem]:
    """A teacher's rewording held to what templates are: no slot left unfilled (a rewording is
    written out in full) and no answer given away in the question that asks for it."""
    by_id = {q.id: q for q in questions}
    problems = []
    for question_id, wording in deck.reword.items():
        question = by_id.get(question_id)
        at = deck.reword_at.get(question_id, deck.location)
        if question is None:
            continue  # an unknown id is reported where the id is written
        slot = _SLOT.search(wording)
        own = question.attribution
        if (
            own is not None
            and normalise(wording).startswith("according to")
            and not normalise(wording).startswith(normalise(own))
        ):  # _keep_attribution would put the question's in front of it: attributed twice
            problems.append(
                Problem(
                    at,
                    f"the new wording starts with an attribution of its own; quizgen puts {own!r} "
                    "in front of it",
                    "write the question without “According to ...”",
                )
            )
        if slot is not None:
            problems.append(
                Problem(
                    at,
                    f"the new wording has the slot {slot.group()}, which a rewording does not fill",
                    "write the question out in full",
                )
            )
        elif question.kind not in _HIDES_ITS_STEM and names_an_answer(
            wording, (question.answer, *question.accepted)
        ):
            problems.append(
                Problem(
                    at, f"the new wording names its own answer {question.answer!r}", "leave the answer out"
                )
            )
    return problems


def recipe_problems(deck: Deck, library: Library) -> list[Problem]:
    """What ``check`` would refuse in a recipe, for the commands that use one: a name its content
    lacks, and a rewording that leaves a slot or gives its answer away (only the reworded
    statements' questions are made, so a deck without rewordings costs nothing more)."""
    problems = deck_problems(deck, library)
    reworded = {s for question_id in deck.reword for s in question_id.split(":", 1)[0].split("+")}
    statements = [library.statements_by_id[s] for s in sorted(reworded) if s in library.statements_by_id]
    if statements:
        problems += reword_problems(deck, generate(library, random.Random(0), statements=statements))
    return problems


def _pinned_kinds(deck: Deck) -> set[Kind]:
    kinds = set()
    for pin in deck.pin:
        kind = pin.rsplit(":", 1)[-1]
        if kind in Kind._value2member_map_:
            kinds.add(Kind(kind))
    return kinds


def _keep_attribution(stem: str, attribution: str | None) -> str:
    """A teacher's rewording keeps the attribution: opinion is never turned into fact by an edit."""
    if attribution is None or normalise(stem).startswith(normalise(attribution)):
        return stem
    return attributed(stem, attribution)


_TIMELINE_KINDS = (Kind.ORDER, Kind.WHICH_FIRST)


def _without_repeats(questions: list[Question]) -> list[Question]:
    """Two statements worded alike (one per source) must not ask the same thing twice, and a stem
    with two answers is not asked at all. Timeline
    questions share a stem and differ by their events: which came first of A and B, and of A and C,
    are two questions with one answer."""
    answers: dict[tuple[Kind, str, tuple[str, ...]], set[str]] = {}
    kept: list[tuple[Question, tuple[Kind, str, tuple[str, ...]]]] = []
    for question in questions:
        events = tuple(sorted(item.label.casefold() for item in question.items)) if question.items else ()
        asked = (question.kind, question.stem.casefold(), events)
        answer = question.answer.casefold()
        given = answers.get(asked)
        if given is None:
            answers[asked] = {answer}
        elif answer in given:
            continue  # the same question again
        else:
            given.add(answer)
        kept.append((question, asked))
    # One stem, two answers ("Where is it?" of two places; two people both named Donald Trump):
    # neither can be marked right, so neither is asked. Timeline questions tell their events apart
    # by date (the timeline keeps events titled alike out of one question).
    return [q for q, asked in kept if q.kind in _TIMELINE_KINDS or len(answers[asked]) == 1]


def _balance_positions(questions: list[Question], ctx: Context) -> list[Question]:
    """Place each key in the position used least so far: never always A, never a pattern."""
    used: dict[int, list[int]] = defaultdict(list)
    rng = random.Random(ctx.base_seed)  # ties broken at random, repeatably
    balanced = []
    for question in questions:
        if question.answer_index is None or question.kind is Kind.TRUE_FALSE or len(question.options) < 2:
            balanced.append(question)
            continue
        count = len(question.options)
        tally = used.setdefault(count, [0] * count)
        fewest = min(tally)
        target = rng.choice([i for i, n in enumerate(tally) if n == fewest])
        tally[target] += 1
        if target == question.answer_index:
            balanced.append(question)
            continue
        key = question.options[question.answer_index]
        others = [o for i, o in enumerate(question.options) if i != question.answer_index]
        options = [*others[:target], key, *others[target:]]
        balanced.append(question.with_options(tuple(options), target))
    return balanced
