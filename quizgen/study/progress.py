"""Recording answers: the store and the scheduler together, one commit per answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from quizgen.questions.model import Question

from .evaluate import Outcome
from .scheduler import Grade, Scheduler
from .store import Recorded, Review, Store, StoredCard

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def start_of_day(moment: dt.datetime) -> dt.datetime:
    """Midnight of the student's local day, for "new today" and the sibling rule."""
    local = moment.astimezone()
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


class Progress:
    """What the app calls to remember: answers in, schedules and counts out."""

    def __init__(self, store: Store, scheduler: Scheduler, clock: Clock = utc_now) -> None:
        self.store = store
        self.scheduler = scheduler
        self.clock = clock

    def record(
        self,
        question: Question,
        outcome: Outcome,
        deck_id: int,
        *,
        grade: Grade | None = None,
        session_id: int | None = None,
        seconds: float | None = None,
    ) -> int:
        """Schedule the question by the grade (the proposed one unless overridden) and store the answer."""
        stored = self.store.cards([question.id]).get(question.id)
        recorded = self._reviewed(
            question, outcome, deck_id, grade or outcome.grade, session_id, seconds, stored
        )
        return self.store.record(
            recorded.review, recorded.card_json, recorded.due, recorded.state, recorded.card_before
        )

    def regrade(
        self,
        review_id: int,
        question: Question,
        outcome: Outcome,
        deck_id: int,
        grade: Grade,
        session_id: int | None = None,
    ) -> int:
        """The student overrides the proposed grade ("I was right"): one commit replaces the review."""
        return self.store.replace(
            review_id,
            lambda stored: self._reviewed(question, outcome, deck_id, grade, session_id, None, stored),
        )

    def _reviewed(
        self,
        question: Question,
        outcome: Outcome,
        deck_id: int,
        grade: Grade,
        session_id: int | None,
        seconds: float | None,
        stored: StoredCard | None,
    ) -> Recorded:
        now = self.clock()
        before = self.scheduler.card(question.id, stored, now)
        after = self.scheduler.review(before, grade, now)
        review = Review(
            question_id=question.id,
            fact_id=question.fact_id,
            deck_id=deck_id,
            reviewed_at=now,
            rating=int(grade),
            points=outcome.points,
            verdict=outcome.verdict.value,
            answer=outcome.given,
            duration_ms=None if seconds is None else int(seconds * 1000),
            session_id=session_id,
        )
        return Recorded(
            review, after.to_json(), after.due, int(after.state), stored.card_json if stored else None
        )

    def new_seen_today(self) -> int:
        return self.store.first_seen_since(start_of_day(self.clock()))

    def new_room_today(self, new_per_day: int) -> int:
        """How many new cards flashcards may still start today: what "New" counts show."""
        return max(new_per_day - self.new_seen_today(), 0)

    def facts_studied_today(self) -> set[str]:
        return self.store.facts_studied_since(start_of_day(self.clock()))
