"""Put-in-order and which-came-first questions, on a budget.

Pairs and sets of events grow with the square of the events; a deck takes
each event into a bounded number of them (``ROUNDS``), chosen by the seed,
so generation stays linear in the number of events.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence

from quizgen.facts.model import Event, Kind

from .context import Context
from .model import Question, SourceRef, TimelineItem
from .wording import event_label

ORDER_TEMPLATE = "timeline-order"
FIRST_TEMPLATE = "timeline-first"
ORDER_STEM = "Put these events in order, earliest first."
FIRST_STEM = "Which came first?"
ROUNDS = 2
OPEN_GROUPS = 8  # groups being filled at once: bounds the work per event


def timeline_questions(ctx: Context, events: Sequence[Event]) -> Iterator[Question]:
    if len(events) < 2:
        return
    rng = ctx.rng("timeline")
    if Kind.ORDER in ctx.kinds and len(events) >= 3:
        for group in _groups(events, rng, ROUNDS):
            yield _order_question(ctx, group)
    if Kind.WHICH_FIRST in ctx.kinds:
        for a, b in _pairs(events, rng, ROUNDS):
            yield _first_question(ctx, a, b)


def _groups(events: Sequence[Event], rng: random.Random, rounds: int) -> Iterator[list[Event]]:
    """Sets of 3 to 6 events whose dates never overlap, each event in at most ``rounds`` sets."""
    seen: set[tuple[str, ...]] = set()
    for _ in range(rounds):
        shuffled = list(events)
        rng.shuffle(shuffled)
        open_groups: list[tuple[int, list[Event]]] = []
        for event in shuffled:
            for target, members in open_groups:
                if all(event.date.compare(m.date) != 0 for m in members):
                    members.append(event)
                    if len(members) == target:
                        open_groups.remove((target, members))
                        key = tuple(sorted(m.id for m in members))
                        if key not in seen:
                            seen.add(key)
                            yield members
                    break
            else:
                if len(open_groups) >= OPEN_GROUPS:
                    open_groups.pop(0)
                open_groups.append((rng.randint(3, min(6, len(events))), [event]))
        for _, members in open_groups:  # what is left: still a question if it holds three
            key = tuple(sorted(m.id for m in members))
            if len(members) >= 3 and key not in seen:
                seen.add(key)
                yield members


def _pairs(events: Sequence[Event], rng: random.Random, rounds: int) -> Iterator[tuple[Event, Event]]:
    """Pairs of events whose dates do not overlap, each event in at most ``rounds`` pairs."""
    seen: set[tuple[str, str]] = set()
    for _ in range(rounds):
        waiting: list[Event] = []
        shuffled = list(events)
        rng.shuffle(shuffled)
        for event in shuffled:
            partner = next((w for w in waiting if w.date.compare(event.date) != 0), None)
            if partner is None:
                waiting.append(event)
                if len(waiting) > OPEN_GROUPS:
                    waiting.pop(0)
                continue
            waiting.remove(partner)
            key = (min(partner.id, event.id), max(partner.id, event.id))
            if key not in seen:
                seen.add(key)
                yield partner, event


def _items(ctx: Context, events: Sequence[Event]) -> tuple[TimelineItem, ...]:
    return tuple(TimelineItem(e.id, event_label(ctx.library, e), e.date) for e in events)


def _sources(ctx: Context, events: Sequence[Event]) -> tuple[SourceRef, ...]:
    refs: dict[str, SourceRef] = {}
    for event in events:
        for ref in ctx.sources(event):
            refs.setdefault(ref.id, ref)
    return tuple(refs.values())


def _order_question(ctx: Context, group: list[Event]) -> Question:
    question_id = f"{'+'.join(sorted(e.id for e in group))}:{ORDER_TEMPLATE}:order"
    rng = ctx.rng(question_id)
    chronological = sorted(group, key=lambda e: e.date.sort_key())
    shown = list(group)
    while len(shown) > 1 and (shown == chronological or shown == chronological[::-1]):
        rng.shuffle(shown)
    items = _items(ctx, shown)
    answer = " → ".join(item.label for item in sorted(items, key=lambda i: i.date.sort_key()))
    return Question(
        id=question_id,
        kind=Kind.ORDER,
        stem=ORDER_STEM,
        answer=answer,
        statement_ids=tuple(e.id for e in chronological),
        template_id=ORDER_TEMPLATE,
        sources=_sources(ctx, group),
        answer_kind="order",
        items=items,
        tags=tuple(dict.fromkeys(t for e in group for t in e.tags)),
        quotes=tuple(q for e in chronological for q in e.quotes),
    )


def _first_question(ctx: Context, a: Event, b: Event) -> Question:
    earlier, later = (a, b) if a.date.compare(b.date) < 0 else (b, a)
    question_id = f"{'+'.join(sorted((a.id, b.id)))}:{FIRST_TEMPLATE}:which_first"
    rng = ctx.rng(question_id)
    items = _items(ctx, [earlier, later])
    options = [items[0].label, items[1].label]
    rng.shuffle(options)
    return Question(
        id=question_id,
        kind=Kind.WHICH_FIRST,
        stem=FIRST_STEM,
        answer=items[0].label,
        statement_ids=(earlier.id, later.id),
        template_id=FIRST_TEMPLATE,
        sources=_sources(ctx, [earlier, later]),
        options=tuple(options),
        answer_index=options.index(items[0].label),
        answer_kind="event",
        items=items,
        statement=f"“{items[0].label}” ({earlier.date.label()}) came before "
        f"“{items[1].label}” ({later.date.label()}).",
        tags=tuple(dict.fromkeys((*earlier.tags, *later.tags))),
        quotes=(*earlier.quotes, *later.quotes),
    )
