"""One normal form for comparing answers: case, accents, punctuation, leading articles, spaces."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
# the same for ASCII text, as a byte table: bytes.translate is ten times faster than the regex
_ASCII_MARKS = bytes(c for c in range(128) if _PUNCTUATION.match(chr(c)))
_ASCII_PUNCTUATION = bytes.maketrans(_ASCII_MARKS, b" " * len(_ASCII_MARKS))
_ARTICLES = ("the ", "a ", "an ")


@lru_cache(maxsize=1 << 18)
def normalise(text: str) -> str:
    """'The Qods-Force ' → 'qods force'; 'Skłodowska' → 'sklodowska'.

    Cached: names, answers and statements recur across thousands of questions.
    Text seen once (a question's stem) goes through ``normal_form`` instead,
    so it never pushes the recurring ones out of the cache.
    """
    return normal_form(text)


def normal_form(text: str) -> str:
    """``normalise`` without the cache."""
    if text.isascii():
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    lowered = stripped.casefold().replace("&", " and ").replace("'", "").replace("’", "")
    if lowered.isascii():
        spaced = lowered.encode("ascii").translate(_ASCII_PUNCTUATION).decode("ascii")
    else:
        spaced = _PUNCTUATION.sub(" ", lowered)
    collapsed = " ".join(spaced.split())  # split() and regex \s agree on what is a space
    if collapsed.startswith(_ARTICLES):
        return collapsed.partition(" ")[2]
    return collapsed


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether ``needle`` appears in ``haystack`` as whole words, after normalising both."""
    return contains_any_phrase(haystack, (needle,))


def contains_any_phrase(haystack: str, needles: Iterable[str]) -> bool:
    """Whether any of ``needles`` appears in ``haystack`` as whole words, after normalising all.

    Normal forms are words separated by single spaces, so padding both with a
    space makes a plain substring test a whole-word test (no regex to compile).
    The haystack is normalised once, and only if a needle has words at all.
    """
    padded = None
    for needle in needles:
        pin = normalise(needle)
        if not pin:
            continue
        if padded is None:
            padded = f" {normal_form(haystack)} "
        if f" {pin} " in padded:
            return True
    return False
