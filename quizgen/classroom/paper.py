"""A printed test: which questions, in which order for each version, and each version's key.

Pure and seeded: the same questions, seed and version letters give the same
test. Choosing never puts two questions about one fact on one sheet (the
multiple-choice question would give the typed one away), nor a question beside one that shows its
answer, and mixes kinds.
Each version shuffles question order and option order from its own seed,
and places each key so that every letter is used as evenly as the test
allows: a student cannot do well by always answering A.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from quizgen.facts.model import Kind
from quizgen.questions.giveaways import GiveAways
from quizgen.questions.model import Question, TimelineItem
from quizgen.questions.selection import one_per_group

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LETTERED = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE, Kind.WHICH_FIRST)
SHUFFLED = (Kind.MULTIPLE_CHOICE, Kind.WHICH_FIRST)  # true/false keeps True before False


@dataclass(frozen=True, slots=True)
class PrintedQuestion:
    """One question as a version prints it: its number, options and items in this version's order."""

    number: int
    question: Question
    options: tuple[str, ...] = ()
    key_index: int | None = None
    items: tuple[TimelineItem, ...] = ()

    @property
    def key(self) -> str:
        """What the key says: a letter, the answer, or (for ordering) the number each box should hold."""
        if self.key_index is not None:
            return LETTERS[self.key_index]
        if self.question.kind is Kind.ORDER:
            return ", ".join(str(rank) for rank in self.ranks)
        return self.question.answer

    @property
    def ranks(self) -> tuple[int, ...]:
        """For ordering: each printed item's place, 1 for the earliest; items that tie share a place."""
        return tuple(
            1 + sum(other.date.compare(item.date) < 0 for other in self.items) for item in self.items
        )


@dataclass(frozen=True, slots=True)
class Version:
    letter: str
    questions: tuple[PrintedQuestion, ...]

    def key_positions(self) -> Counter[str]:
        """How often each letter is the key among the lettered questions: the balance a teacher checks."""
        return Counter(p.key for p in self.questions if p.key_index is not None)


def parse_versions(text: str) -> tuple[str, ...]:
    """``"A,B"`` → ``("A", "B")``; letters only, each once (they head pages and name key files)."""
    letters = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    if not letters:
        raise ValueError("name at least one version, such as --versions A,B")
    for letter in letters:
        if not (len(letter) <= 3 and letter.isascii() and letter.isalnum()):
            raise ValueError(f"a version is named by a letter or short code such as A or B2, not {letter!r}")
    if len(set(letters)) != len(letters):
        raise ValueError(f"each version is named once: {text!r}")
    return letters


def family(question: Question) -> str:
    """Questions of one family give each other away; a test holds one of each."""
    if question.kind in (Kind.ORDER, Kind.WHICH_FIRST):
        return question.id
    return question.fact_id


def statements_of(question: Question) -> tuple[str, ...]:
    """What a question asks about: one fact, or the events a timeline question sets side by side."""
    return question.statement_ids


def choose(
    questions: Sequence[Question],
    count: int,
    seed: int,
    kinds: Collection[Kind] | None = None,
    *,
    heading: str = "",
) -> list[Question]:
    """Up to ``count`` questions, one per family, kinds mixed, none given away by another or by
    the ``heading`` printed above them; returned in content order."""
    rng = random.Random(f"quizgen-print:{seed}:choose")
    order = {question.id: index for index, question in enumerate(questions)}
    families: dict[str, list[Question]] = defaultdict(list)
    for question in questions:
        if kinds is None or question.kind in kinds:
            families[family(question)].append(question)
    chosen = one_per_group(
        {name: families[name] for name in sorted(families)},
        count,
        rng,
        statements_of,
        GiveAways(heading=heading),
    )
    return sorted(chosen, key=lambda q: order[q.id])


def make_version(letter: str, questions: Sequence[Question], seed: int) -> Version:
    """This version's order of questions and options, from its own seed; keys spread over the letters."""
    rng = random.Random(f"quizgen-print:{seed}:version:{letter}")
    ordered = list(questions)
    rng.shuffle(ordered)
    targets = _key_targets(ordered, rng)
    printed = []
    for number, question in enumerate(ordered, 1):
        printed.append(_printed(number, question, targets.get(question.id), rng))
    return Version(letter, tuple(printed))


def make_versions(letters: Iterable[str], questions: Sequence[Question], seed: int) -> list[Version]:
    return [make_version(letter, questions, seed) for letter in letters]


def _key_targets(questions: Sequence[Question], rng: random.Random) -> dict[str, int]:
    """Where each shuffled key goes: per number of options, each position equally often (±1), shuffled."""
    by_size: dict[int, list[Question]] = defaultdict(list)
    for question in questions:
        if question.kind in SHUFFLED and question.answer_index is not None:
            by_size[len(question.options)].append(question)
    targets = {}
    for size, group in sorted(by_size.items()):
        offset = rng.randrange(size)  # which letters get the extra one when the count does not divide
        positions = [(offset + i) % size for i in range(len(group))]
        rng.shuffle(positions)
        targets.update({q.id: p for q, p in zip(group, positions, strict=True)})
    return targets


def _printed(number: int, question: Question, target: int | None, rng: random.Random) -> PrintedQuestion:
    if question.kind is Kind.ORDER:
        return PrintedQuestion(number, question, items=_shuffled_items(question.items, rng))
    if question.kind not in LETTERED or question.answer_index is None:
        return PrintedQuestion(number, question)
    if target is None:  # true/false: the conventional order
        return PrintedQuestion(number, question, question.options, question.answer_index)
    key = question.options[question.answer_index]
    others = [o for i, o in enumerate(question.options) if i != question.answer_index]
    rng.shuffle(others)
    options = (*others[:target], key, *others[target:])
    return PrintedQuestion(number, question, options, target)


def _shuffled_items(items: Sequence[TimelineItem], rng: random.Random) -> tuple[TimelineItem, ...]:
    """A new order of the events, never the answer itself (when another order exists)."""
    ordered = sorted(items, key=lambda item: item.date.sort_key())
    shuffled = list(items)
    for _ in range(20):
        rng.shuffle(shuffled)
        if [i.id for i in shuffled] != [i.id for i in ordered]:
            break
    return tuple(shuffled)
