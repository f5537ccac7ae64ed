"""One normal form for comparing answers: case, accents, punctuation, leading articles, spaces."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_ARTICLES = re.compile(r"^(?:the|a|an)\s+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 18)
def normalise(text: str) -> str:
    """'The Qods-Force ' → 'qods force'; 'Skłodowska' → 'sklodowska'."""
    if text.isascii():
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = stripped.casefold().replace("&", " and ")
    spaced = _PUNCTUATION.sub(" ", lowered.replace("'", "").replace("’", ""))
    collapsed = _SPACES.sub(" ", spaced).strip()
    return _ARTICLES.sub("", collapsed)


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether ``needle`` appears in ``haystack`` as whole words, after normalising both.

    Normal forms are words separated by single spaces, so padding both with a
    space makes a plain substring test a whole-word test (no regex to compile).
    """
    pin = normalise(needle)
    return bool(pin) and f" {pin} " in f" {normalise(haystack)} "
