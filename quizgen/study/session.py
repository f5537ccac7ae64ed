"""A study session as pure state: which questions, in which order, what was answered.

Sessions never touch the terminal or the database; the app asks them what
comes next and records each outcome through ``Progress`` as it is given.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol, TypeVar

import fsrs

from quizgen.facts.model import Kind
from quizgen.questions.model import Question, TimelineItem
from quizgen.questions.normalise import contains_phrase
from quizgen.questions.selection import HasKind, one_per_group

from .evaluate import Outcome
from .store import StoredCard


class Mode(StrEnum):
    QUIZ = "quiz"
    FLASHCARDS = "flashcards"
    ORDER = "order"
    WHICH_FIRST = "which_first"
    YEAR_GUESS = "year_guess"

    @property
    def title(self) -> str:
        return {
            Mode.QUIZ: "Quiz",
            Mode.FLASHCARDS: "Flashcards",
            Mode.ORDER: "Put in order",
            Mode.WHICH_FIRST: "Which came first?",
            Mode.YEAR_GUESS: "Guess the year",
        }[self]


QUIZ_KINDS = (
    Kind.MULTIPLE_CHOICE,
    Kind.TYPED,
    Kind.TRUE_FALSE,
    Kind.CLOZE,
    Kind.YEAR_GUESS,
    Kind.WHICH_FIRST,
)
FLASHCARD_KINDS = QUIZ_KINDS
MODE_KINDS = {
    Mode.ORDER: (Kind.ORDER,),
    Mode.WHICH_FIRST: (Kind.WHICH_FIRST,),
    Mode.YEAR_GUESS: (Kind.YEAR_GUESS,),
}


@dataclass
class Attempt:
    question: Question
    outcome: Outcome
    seconds: float
    review_id: int | None = None
    again_later: bool = False  # the card was put back at the end of the session (a flashcard due soon)


@dataclass
class Session:
    """The questions of one sitting and the answers given so far."""

    mode: Mode
    deck_title: str
    questions: list[Question]
    started: dt.datetime
    attempts: list[Attempt] = field(default_factory=list)
    session_id: int | None = None
    is_retry: bool = False  # the mistakes of a session before: its score is not the deck's last

    @property
    def position(self) -> int:
        return len(self.attempts)

    @property
    def current(self) -> Question | None:
        return self.questions[self.position] if self.position < len(self.questions) else None

    @property
    def finished(self) -> bool:
        return self.position >= len(self.questions)

    @property
    def points(self) -> float:
        return sum(a.outcome.points for a in self.attempts)

    def record(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)
        if attempt.again_later:
            self.questions.append(attempt.question)

    def undo(self) -> Attempt | None:
        """Take back the last attempt, and the second showing it had put at the end."""
        if not self.attempts:
            return None
        attempt = self.attempts.pop()
        if attempt.again_later:
            last = len(self.questions) - 1 - self.questions[::-1].index(attempt.question)
            del self.questions[last]
        return attempt

    def mistakes(self) -> list[Question]:
        """Questions not fully right at their last showing, in the order first asked: for "retry the
        mistakes". A flashcard shown twice (Again, then Good) counts once, as its last answer says.
        A retry ended early keeps the mistakes it did not reach: nothing has shown them learnt."""
        last = {a.question.id: a for a in self.attempts}
        wrong = [a.question for a in last.values() if a.outcome.points < 1.0]
        if self.is_retry:
            wrong += {q.id: q for q in self.questions if q.id not in last}.values()
        return wrong

    def retry(self, now: dt.datetime, rng: random.Random | None = None) -> Session:
        """The mistakes again, their options in a new order: the place of the answer remembered from
        a minute ago is no test of the answer."""
        rng = rng or random.Random()
        mistakes = [_reshuffled(q, rng) for q in self.mistakes()]
        return Session(self.mode, self.deck_title, mistakes, now, is_retry=True)


def _reshuffled(question: Question, rng: random.Random) -> Question:
    if question.kind is Kind.ORDER:
        items = list(question.items)  # a new starting order, and never the right one
        for _ in range(50):  # two events have one other order, and it is the right one
            rng.shuffle(items)
            if tuple(items) != question.items and not _in_order(items):
                return dataclasses.replace(question, items=tuple(items))
        return question
    if question.kind is Kind.TRUE_FALSE or question.answer_index is None or len(question.options) < 2:
        return question  # True stays before False
    options = list(question.options)
    key = options[question.answer_index]
    while len(set(options)) > 1 and tuple(options) == question.options:
        rng.shuffle(options)
    return question.with_options(tuple(options), options.index(key))


def _in_order(items: Sequence[TimelineItem]) -> bool:
    keys = [item.date.sort_key() for item in items]
    return keys == sorted(keys)


def one_per_fact(questions: Iterable[Question]) -> list[Question]:
    """Siblings (questions from one fact) never sit in one session: the first one asked would give
    the others away."""
    seen: set[str] = set()
    kept = []
    for question in questions:
        if question.fact_id in seen:
            continue
        seen.add(question.fact_id)
        kept.append(question)
    return kept


class HasId(Protocol):
    @property
    def id(self) -> str: ...


class QuestionLike(HasKind, HasId, Protocol):
    """What choosing a quiz needs of a question: a stored reference serves as well as the question."""

    @property
    def fact_id(self) -> str: ...


Q = TypeVar("Q", bound=QuestionLike)


def quiz(
    questions: Sequence[Q], rng: random.Random, length: int, kinds: Sequence[Kind] = QUIZ_KINDS
) -> list[Q]:
    """A mixed session: one question per fact, each fact asked in the kind used least so far, and
    no question beside another about one of its statements ("Which came first, A or B?" and "In
    what year did A happen?")."""
    by_fact: dict[str, list[Q]] = {}
    for question in questions:
        if question.kind in kinds:
            by_fact.setdefault(question.fact_id, []).append(question)
    return one_per_group(by_fact, length, rng, statements_in_id)


def unspoiled(questions: Sequence[Question]) -> list[Question]:
    """The questions in an order where no answer's feedback gives away a later question: the quote
    shown after one ("...charged with conspiring to assassinate the Quds Force commander") held
    the key of the next ("charged with ____"). Such a question moves before the one that spoils
    it; the rest keep their order."""
    ordered: list[Question] = []
    for question in questions:
        # a phrase, not a name: "Iran" stands in many quotes and gives no one question away
        key = question.answer if question.kind is not Kind.TRUE_FALSE and " " in question.answer else ""
        spoiler = next(
            (
                index
                for index, earlier in enumerate(ordered)
                if key and earlier.quotes and contains_phrase(earlier.quotes[0], key)  # the quote shown
            ),
            None,
        )
        ordered.insert(len(ordered) if spoiler is None else spoiler, question)
    return ordered


def statements_in_id(question: HasId) -> list[str]:
    """The statements a question asks about, read from its id ("a+b:timeline-first:which_first"):
    a stored reference has no more than that, and needs no more."""
    return question.id.split(":", 1)[0].split("+")


LEARN_AHEAD = dt.timedelta(minutes=20)
"""A card being learned (graded Again a minute ago) is shown if due this soon, as Anki's learn-ahead
limit does: it comes back in the same sitting instead of the student being told nothing is due."""


def due_soon(card: StoredCard, now: dt.datetime) -> bool:
    """Due now, or a card still in its first steps due within LEARN_AHEAD (a review is never early)."""
    return card.due <= now or (card.state != fsrs.State.Review and card.due <= now + LEARN_AHEAD)


def flashcards(
    questions: Sequence[Question],
    cards: Mapping[str, StoredCard],
    now: dt.datetime,
    *,
    new_limit: int,
    new_seen_today: int,
    facts_studied_today: set[str],
) -> list[Question]:
    """Due cards first (most overdue first; learning cards due within LEARN_AHEAD count), then new
    ones up to today's limit.

    Siblings wait: a fact already studied today brings no new or early card,
    and a session holds one card per fact.
    """
    due = [q for q in questions if q.id in cards and due_soon(cards[q.id], now) and q.kind in FLASHCARD_KINDS]
    due.sort(key=lambda q: cards[q.id].due)
    fresh_room = max(new_limit - new_seen_today, 0)
    fresh = [
        q
        for q in questions
        if q.id not in cards and q.kind in FLASHCARD_KINDS and q.fact_id not in facts_studied_today
    ]
    queue = one_per_fact([*due, *fresh])
    new_taken = 0
    result = []
    for question in queue:
        if question.id not in cards:
            if new_taken >= fresh_room:
                continue
            new_taken += 1
        result.append(question)
    return result


@dataclass(frozen=True, slots=True)
class DeckCounts:
    """New (never answered), due now, learning (in fsrs's first steps, or relearning after a lapse,
    due again soon) and learned (graduated to reviews, not due)."""

    new: int
    due: int
    learned: int
    learning: int = 0


def counts(questions: Sequence[Question], cards: Mapping[str, StoredCard], now: dt.datetime) -> DeckCounts:
    """The counts of a deck's questions, given every card the student has."""
    answered = [cards[q.id] for q in questions if q.id in cards]
    return card_counts(len(questions) - len(answered), answered, now)


def card_counts(new: int, cards: Iterable[StoredCard], now: dt.datetime) -> DeckCounts:
    """Beside ``new`` unanswered questions, the cards due now, learned, and still being learned."""
    due = learned = learning = 0
    for card in cards:
        if card.due <= now:
            due += 1
        elif card.state == fsrs.State.Review:
            learned += 1
        else:  # an Again a minute ago is not learned yet
            learning += 1
    return DeckCounts(new, due, learned, learning)
