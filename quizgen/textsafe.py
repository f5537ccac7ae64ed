"""Show text from content files literally, whatever it contains.

Content is written by others: a fact may carry a terminal escape sequence,
Rich markup or HTML. Wherever quizgen prints content, control characters
become visible escapes, so text can neither restyle nor take over a terminal.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def visible(text: str) -> str:
    """Replace control characters with a visible escape such as ``\\x1b``."""
    if text.isprintable():  # every character _CONTROL matches is unprintable: the usual case, quickly
        return text
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
