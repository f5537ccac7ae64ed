"""Checking quotes against the stored source texts, and what of each text is covered.

A teacher must be able to trust every card, so every statement quotes the
words that state it and ``quizgen check`` finds those words in the source.
Whitespace, typographic quotes and dashes may differ; the words may not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
        "\u00a0": " ",
    }
)
NEAR_ENOUGH = 75  # rapidfuzz's partial ratio: a slip of a word or two, not another sentence
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“‘(])")


def normalise(text: str) -> str:
    """Text as compared for quotes: typographic marks flattened, whitespace collapsed."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE)).strip()


def quote_found(quote: str, normalised_text: str) -> bool:
    return normalise(quote) in normalised_text


def closest_passage(quote: str, normalised_text: str) -> str | None:
    """The words of the text nearest a quote that is not in it ("landed in" for "landed on"), to
    show beside the problem; None when nothing is near enough to be what was meant."""
    wanted = normalise(quote)
    if not wanted or not normalised_text:
        return None
    alignment = fuzz.partial_ratio_alignment(wanted, normalised_text)
    if alignment is None or alignment.score < NEAR_ENOUGH:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    while start > 0 and normalised_text[start - 1].isalnum():  # whole words, not a word's tail
        start -= 1
    while end < len(normalised_text) and normalised_text[end].isalnum():
        end += 1
    return normalised_text[start:end].strip()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a stored text with the line it starts on (for messages)."""

    text: str
    line: int


def sentences(text: str) -> list[Sentence]:
    """Split a stored text into sentences: each non-empty line, split at sentence ends.

    Headings and list items sit on lines of their own in the stored texts, so
    lines are the first cut; full stops followed by a capital the second.
    """
    found: list[Sentence] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip().lstrip("-–— ").strip()
        if not stripped:
            continue
        found.extend(Sentence(part.strip(), number) for part in _SENTENCE_END.split(stripped) if part.strip())
    return found


def uncovered(text: str, quotes: Iterable[str], excluded: Iterable[str]) -> list[Sentence]:
    """Sentences of ``text`` that no quote touches and no exclusion names.

    A quote covers a sentence when one contains the other, or when the quote
    is a distinctive part of it (a list item quoted in part).
    """
    normal_quotes = [normalise(q) for q in quotes]
    normal_excluded = [normalise(e) for e in excluded]
    missing = []
    for sentence in sentences(text):
        normal = normalise(sentence.text)
        covered = any(q in normal or normal in q for q in normal_quotes if q) or any(
            e in normal or f" {normal} " in f" {e} "  # one exclusion may span two, word for word
            for e in normal_excluded
            if e
        )
        if not covered:
            missing.append(sentence)
    return missing
