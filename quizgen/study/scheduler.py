"""Spaced repetition with fsrs: each question is one card; every answer is a review.

Fuzzing is off so a schedule can be reproduced (fsrs fuzzes with the global
random generator); intervals still follow the student's desired retention.
"""

from __future__ import annotations

import datetime as dt
import zlib
from enum import IntEnum

import fsrs

from .store import StoredCard


class Grade(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


def card_id(question_id: str) -> int:
    """A stable card number from the question's id (fsrs otherwise uses the clock, and sleeps)."""
    return zlib.crc32(question_id.encode("utf-8")) or 1


class Scheduler:
    def __init__(self, desired_retention: float = 0.9) -> None:
        self._fsrs = fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=False)

    def card(self, question_id: str, stored: StoredCard | None, now: dt.datetime) -> fsrs.Card:
        if stored is not None:
            try:
                return fsrs.Card.from_json(stored.card_json)
            except (ValueError, TypeError, KeyError):  # a schedule edited by hand: it starts afresh
                pass
        return fsrs.Card(card_id=card_id(question_id), due=now)

    def review(self, card: fsrs.Card, grade: Grade, now: dt.datetime) -> fsrs.Card:
        reviewed, _ = self._fsrs.review_card(
            card, fsrs.Rating(int(grade)), review_datetime=now.astimezone(dt.UTC)
        )
        return reviewed
