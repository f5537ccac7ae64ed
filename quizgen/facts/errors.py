"""Problems an author can cause, each with the place it happened.

The loader collects every problem in a file (like a compiler) instead of
stopping at the first; the CLI and the app decide how to show them.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in an author's file; line and column count from 1, as editors do. Line 0 is the
    file or folder as a whole ("empty-folder: holds no content", not "empty-folder:1:1")."""

    path: str
    line: int = 1
    column: int = 1

    @classmethod
    def whole(cls, path: str) -> Location:
        return cls(path, 0, 0)

    def __str__(self) -> str:
        return self.path if self.line == 0 else f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a file, written for a person, with a hint where one helps."""

    location: Location
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ContentError(Exception):
    """Raised when content or a deck recipe cannot be loaded; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: p.location))
        super().__init__("\n".join(str(p) for p in self.problems))


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The valid choice ``word`` most likely stands for: a near spelling, an abbreviation, a longer form."""
    options = sorted(set(choices))
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:  # an abbreviation or a longer form: "brit" for "britannica"
        lowered = word.lower()
        close = [o for o in options if len(o) >= 3 and (o.lower() in lowered or lowered in o.lower())][:1]
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest valid choice, or listing a short set of choices."""
    options = sorted(set(choices))
    meant = closest(word, options)
    if meant is not None:
        return f"did you mean {meant!r}?"
    if 0 < len(options) <= 8:
        return "expected one of: " + ", ".join(options)
    return None
