"""Counts in messages read as English: "1 problem", "3 problems"."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """``noun`` with an ``s`` unless there is exactly one; every noun quizgen counts is regular."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def with_article(noun: str) -> str:
    """ "a person", "an organisation": every type and kind quizgen names in a message."""
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"
