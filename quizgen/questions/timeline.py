"""Put-in-order and which-came-first questions, on a budget, and stable as events are added.

Pairs and sets of events grow with the square of the events; a deck takes each
event into a bounded number of them, so generation stays linear in the number
of events. Which events go together comes from a ranking of the events by a
digest of each event's own id: adding an event slots it into the ranking
without moving any other, so only the pairs and sets beside it change. The
others keep their ids, and with them a student's progress and the notes an
Anki deck updates in place. The seed is not in the digest: a re-export with
another ``--seed`` reshuffles options, never which events are asked together
(new ids would be new notes beside the old).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator, Mapping, Sequence

from quizgen.facts.model import Event, Kind

from .context import Context
from .model import Question, SourceRef, TimelineItem
from .normalise import contains_any_phrase, normalise
from .wording import event_label

ORDER_TEMPLATE = "timeline-order"
FIRST_TEMPLATE = "timeline-first"
ORDER_STEM = "Put these events in order, earliest first."
FIRST_STEM = "Which came first?"
ROUNDS = 2  # rankings the sets are cut from: each event is in at most this many sets
SMALLEST, LARGEST = 3, 6  # events in a set
CUT_ONE_IN = 4  # an event ends its set when its rank says so: sets of about this size
WINDOW = 8  # how far down the ranking an event looks for a partner apart from it


def timeline_questions(ctx: Context, events: Sequence[Event]) -> Iterator[Question]:
    if len(events) < 2:
        return
    if Kind.ORDER in ctx.kinds and len(events) >= SMALLEST:
        for group in _groups(events, ROUNDS):
            yield _order_question(ctx, group)
    if Kind.WHICH_FIRST in ctx.kinds:
        people = {  # each person by every name a title may give them: "Soleimani's assassination"
            e.id: (*e.labels, e.name.split()[-1]) for e in ctx.library.entities_by_type.get("person", ())
        }
        for a, b in _pairs(events, people):
            yield _first_question(ctx, a, b)


# What the digest was salted with when it took the deck's seed: that of the default seed, 0, so
# the ids of every timeline question a student or an Anki deck already has stay as they were.
_SALT = random.Random(0).getrandbits(64)


def _ranked(name: str, events: Sequence[Event]) -> list[tuple[int, Event]]:
    """The events with their ranks, lowest first: each rank depends on that event alone."""
    ranked = [
        (int.from_bytes(hashlib.blake2b(f"{_SALT}:{name}:{e.id}".encode(), digest_size=8).digest(), "big"), e)
        for e in events
    ]
    ranked.sort(key=lambda pair: (pair[0], pair[1].id))
    return ranked


def _apart(event: Event, members: Sequence[Event]) -> bool:
    """Never a tie to order, and never two events a student could not tell apart (two elections
    titled alike, in different years)."""
    title = event.title.casefold()
    return all(event.date.compare(m.date) != 0 and m.title.casefold() != title for m in members)


def _groups(events: Sequence[Event], rounds: int) -> Iterator[list[Event]]:
    """Sets of 3 to 6 events, each apart from the others, cut from each ranking where an event's
    rank says so (whatever the events before it), each event in at most ``rounds`` sets."""
    seen: set[tuple[str, ...]] = set()
    for round_ in range(rounds):
        groups: list[list[Event]] = []
        group: list[Event] = []
        waiting: list[Event] = []  # not apart from a member: they open the next set
        for rank, event in _ranked(f"order{round_}", events):
            if not _apart(event, group):
                waiting.append(event)
                if len(waiting) > WINDOW:  # bounds the work per event; the oldest sits this round out
                    waiting.pop(0)
                continue
            group.append(event)
            if len(group) == LARGEST or (len(group) >= SMALLEST and rank % CUT_ONE_IN == 0):
                groups.append(group)
                group = []
                for deferred in list(waiting):
                    if _apart(deferred, group):
                        group.append(deferred)
                        waiting.remove(deferred)
        if len(group) >= SMALLEST:
            groups.append(group)
        elif groups:  # too few to ask on their own: join the last set if there is room
            last = groups[-1]
            for event in group:
                if len(last) < LARGEST and _apart(event, last):
                    last.append(event)
        for members in groups:
            key = tuple(sorted(m.id for m in members))
            if key not in seen:
                seen.add(key)
                yield members


def _pairs(events: Sequence[Event], people: Mapping[str, tuple[str, ...]]) -> Iterator[tuple[Event, Event]]:
    """Each event with the next in a ranking that is apart from it and not ordered by its own
    words (the ranking read as a ring): about two pairs per event, and a new event breaks only
    the pair it lands in."""
    ranked = [event for _, event in _ranked("first", events)]
    seen: set[tuple[str, str]] = set()
    for index, event in enumerate(ranked):
        for step in range(1, min(WINDOW, len(ranked) - 1) + 1):
            partner = ranked[(index + step) % len(ranked)]
            if _apart(partner, (event,)) and not _said_by_their_words(event, partner, people):
                key = (min(partner.id, event.id), max(partner.id, event.id))
                if key not in seen:
                    seen.add(key)
                    yield event, partner
                break


_ORDINALS = frozenset(
    {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
    | {"1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th"}
)
_BIRTH = frozenset({"born", "birth"})
_DEATH = frozenset(
    {"dies", "died", "death", "killed", "killing", "assassinated", "assassination", "executed"}
    | {"execution", "murdered", "murder"}
)


def _said_by_their_words(a: Event, b: Event, people: Mapping[str, tuple[str, ...]]) -> bool:
    """Whether which came first is in the titles: "Iran's first attempt ..." before "Iran's second
    attempt ...", or a person's birth (death) before (after) anything else of that person: an event
    the person is in, or whose title names them ("... over Soleimani's assassination")."""
    words_a, words_b = normalise(a.title).split(), normalise(b.title).split()
    if [w for w in words_a if w not in _ORDINALS] == [w for w in words_b if w not in _ORDINALS]:
        return True
    for one, words, other in ((a, words_a, b), (b, words_b, a)):
        if _BIRTH.isdisjoint(words) and _DEATH.isdisjoint(words):
            continue
        for person in (p for p in one.participants if p in people):
            if person in other.participants or contains_any_phrase(other.title, people[person]):
                return True
    return False


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
