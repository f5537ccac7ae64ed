"""Content text shown exactly as written: never markup, never a terminal escape."""

from __future__ import annotations

from rich.text import Text

from quizgen.textsafe import visible


def literal(text: str, style: str = "") -> Text:
    """The style covers this text only, not what is appended after it."""
    result = Text()
    result.append(visible(text), style=style)
    return result
