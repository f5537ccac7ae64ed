"""Show text from content files literally, whatever it contains.

Content is written by others: a fact may carry a terminal escape sequence,
Rich markup or HTML. Wherever quizgen prints content, control characters
become visible escapes, so text can neither restyle nor take over a terminal.
"""

from __future__ import annotations

import re

# C0 and C1 controls, line separators, and the bidirectional overrides and isolates that reorder
# what a terminal shows ("Trojan Source"): a name cannot make the text after it read backwards.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]"
)


def visible(text: str) -> str:
    """Replace control characters with a visible escape such as ``\\x1b`` or ``\\u202e``."""
    if text.isprintable():  # every character _CONTROL matches is unprintable: the usual case, quickly
        return text
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shortened(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut with an ellipsis: a line that says it goes on."""
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def shortened_between(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut in the middle: names that begin alike
    ("Qasem Soleimani", "Qasem Soleimani — timeline") keep the end that tells them apart."""
    if len(text) <= width:
        return text
    if width < 9:
        return shortened(text, width)
    tail = (width - 1) // 2
    return text[: width - 1 - tail].rstrip() + "…" + text[len(text) - tail :].lstrip()
