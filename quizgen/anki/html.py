"""Content text as Anki field HTML: escaped, so a fact is always shown and never run.

Anki inserts ``{{Field}}`` into the card as raw HTML, and reads a few
notations in field text itself: ``[sound:...]`` plays a file, ``{{c1::...}}``
makes a cloze, and the byte 0x1f separates fields inside the collection.
Everything here turns author text into HTML that Anki shows literally.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from quizgen.facts.spec import URL_PATTERN
from quizgen.textsafe import visible

_SLUG_GAPS = re.compile(r"[^\w]+|_+", re.UNICODE)
_SAFE_URL = re.compile(URL_PATTERN)


def text_once(value: str) -> str:
    """One piece of content as HTML: escaped, control characters made visible, lines kept.

    For text written once (a stem, an id); ``text`` caches what recurs.
    """
    # chained replace: str.translate to multi-character strings is several times slower
    escaped = html.escape(visible(value), quote=True).replace("[", "&#91;").replace("]", "&#93;")
    return escaped.replace("\n", "<br>")


@lru_cache(maxsize=65536)
def text(value: str) -> str:
    """``text_once``, cached: names, options, statements and sources recur across thousands of notes."""
    return text_once(value)


def cloze_text(value: str) -> str:
    """Text inside a cloze field: braces and colons too, so content never adds or splits a cloze."""
    return text(value).replace("{", "&#123;").replace("}", "&#125;").replace(":", "&#58;")


def cloze(before: str, key: str, after: str) -> str:
    """Anki's own cloze notation around the key: ``{{c1::key}}``."""
    return f"{cloze_text(before)}{{{{c1::{cloze_text(key)}}}}}{cloze_text(after)}"


def listing(values: Iterable[str]) -> str:
    """Several pieces of content in a sentence: 'A, B, C'."""
    return ", ".join(text(v) for v in values)


def ordered_list(items: Iterable[str], css_class: str) -> str:
    """Items already rendered as HTML, as a numbered list."""
    rows = "".join(f"<li>{item}</li>" for item in items)
    return f'<ol class="{css_class}">{rows}</ol>'


def link(label: str, url: str | None) -> str:
    """A label linked to its source; only plain http(s) addresses become links (no ``javascript:``)."""
    if url is None or not _SAFE_URL.match(url):
        return text(label)
    return f'<a href="{html.escape(url, quote=True)}">{text(label)}</a>'


@lru_cache(maxsize=4096)
def slug(value: str) -> str:
    """An Anki tag: lower case, letters and digits of any script, words joined by hyphens."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return _SLUG_GAPS.sub("-", folded).strip("-")
