"""Numbers for the stats screen: reviews per day, accuracy over time, cards due ahead."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .store import Review, StoredCard


@dataclass(frozen=True, slots=True)
class Stats:
    days: tuple[dt.date, ...]  # the last N days, oldest first
    reviews_per_day: tuple[int, ...]
    accuracy_per_day: tuple[float | None, ...]  # share of points, None on days without reviews
    ahead: tuple[dt.date, ...]  # the next M days, today first
    due_per_day: tuple[int, ...]
    total_reviews: int
    total_points: float
    total_cards: int

    @property
    def accuracy(self) -> float | None:
        """The share of points over every review ever given."""
        return self.total_points / self.total_reviews if self.total_reviews else None


def compute(
    reviews: Sequence[Review],
    cards: Mapping[str, StoredCard],
    today: dt.date,
    *,
    back: int = 30,
    forward: int = 14,
) -> Stats:
    days = tuple(today - dt.timedelta(days=back - 1 - i) for i in range(back))
    count: Counter[dt.date] = Counter()
    points: Counter[dt.date] = Counter()
    for review in reviews:
        day = review.reviewed_at.astimezone().date()
        count[day] += 1
        points[day] += review.points
    ahead = tuple(today + dt.timedelta(days=i) for i in range(forward))
    due: Counter[dt.date] = Counter()
    for card in cards.values():
        day = max(card.due.astimezone().date(), today)  # overdue cards are due today
        due[day] += 1
    return Stats(
        days=days,
        reviews_per_day=tuple(count[d] for d in days),
        accuracy_per_day=tuple(points[d] / count[d] if count[d] else None for d in days),
        ahead=ahead,
        due_per_day=tuple(due[d] for d in ahead),
        total_reviews=len(reviews),
        total_points=sum(r.points for r in reviews),
        total_cards=len(cards),
    )
