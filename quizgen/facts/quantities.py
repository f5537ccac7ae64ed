"""Numbers as sources write them: "at least 13", "nearly $50 billion", "dozens"-free.

The same parser reads an author's quantity and a student's typed answer, so
`50 billion`, `$50bn` and `50,000,000,000` are one value.
"""

from __future__ import annotations

import re

from .model import Qualifier, Quantity

_QUALIFIERS: dict[str, Qualifier] = {
    "at least": Qualifier.AT_LEAST,
    "no fewer than": Qualifier.AT_LEAST,
    "no less than": Qualifier.AT_LEAST,
    "more than": Qualifier.AT_LEAST,
    "over": Qualifier.AT_LEAST,
    "at most": Qualifier.AT_MOST,
    "up to": Qualifier.AT_MOST,
    "no more than": Qualifier.AT_MOST,
    "fewer than": Qualifier.AT_MOST,
    "less than": Qualifier.AT_MOST,
    "under": Qualifier.AT_MOST,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "nearly": Qualifier.ABOUT,
    "almost": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "c.": Qualifier.ABOUT,
    "~": Qualifier.ABOUT,
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "t": 1e12,
}
_CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
}
_QUALIFIER_RE = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_CURRENCY_RE = "|".join(re.escape(c) for c in sorted(_CURRENCIES, key=len, reverse=True))
_SCALE_RE = "|".join(sorted(_SCALES, key=len, reverse=True))
_QUANTITY = re.compile(
    rf"""^(?:(?P<qualifier>{_QUALIFIER_RE})\s*)?
         (?:(?P<currency>{_CURRENCY_RE})\s*)?
         (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
                   |\d{{1,3}}(?:[ \u00a0\u2009\u202f]\d{{3}})+(?!\d)(?:\.\d+)?  # 400 000
                   |\d+(?:\.\d+)?)
         (?:\s*(?P<scale>{_SCALE_RE})\b)?
         (?:\s*(?P<currency_after>{_CURRENCY_RE})\b)?
         (?P<percent>\s?%)?
         (?:\s+(?P<unit>.+?))?$""",
    re.IGNORECASE | re.VERBOSE,
)


_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORDS: dict[str, int] = {
    **{word: n for n, word in enumerate(_UNITS)},
    **{word: 20 + 10 * n for n, word in enumerate(_TENS)},
}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}  # "how many times": the answer is often a word
_WORD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORD = "|".join([*_WORDS, *_WORD_SCALES])
_SPELLED = re.compile(rf"\b(?:{_NUMBER_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_NUMBER_WORD}))*\b", re.IGNORECASE)


def _spelled_value(words: str) -> int | None:
    """ "seven" → 7, "twenty-one" → 21, "one hundred and five" → 105; None for what is not one
    number as English writes it ("one two", "nineteen eighty-four", "hundred" alone)."""
    total = current = 0
    seen_number = False
    last_scale = None
    for word in re.split(r"[\s-]+", words.lower()):
        below_hundred = current % 100
        if word == "and":
            continue
        if word in _WORDS and _WORDS[word] < 20:  # zero to nineteen
            if below_hundred and not (below_hundred >= 20 and below_hundred % 10 == 0 and _WORDS[word] < 10):
                return None
            current += _WORDS[word]
        elif word in _WORDS:  # twenty to ninety
            if below_hundred:
                return None
            current += _WORDS[word]
        elif word == "hundred" and 0 < current < 10:
            current *= 100
        elif (
            word in _WORD_SCALES
            and word != "hundred"
            and current
            and (last_scale is None or _WORD_SCALES[word] < last_scale)
        ):
            total += current * _WORD_SCALES[word]
            current, last_scale = 0, _WORD_SCALES[word]
        else:
            return None
        seen_number = True
    return total + current if seen_number else None


def digits_for_words(text: str) -> str:
    """A number written in words, in digits: "seven fronts" → "7 fronts", "twice" → "2"; the
    rest of the text as it was."""
    if text.lower() in _TIMES:
        return str(_TIMES[text.lower()])

    def digits(match: re.Match[str]) -> str:
        value = _spelled_value(match.group())
        return match.group() if value is None else str(value)

    return _SPELLED.sub(digits, text)


class QuantityParseError(ValueError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def parse_quantity(text: str) -> Quantity:
    """Read "13", "at least 13", "nearly $50 billion" or "3.5 million people"."""
    raw = " ".join(str(text).split())
    match = _QUANTITY.match(raw) or _QUANTITY.match(digits_for_words(raw))
    if not match:
        if re.match(r"[-−]\s*\d", raw):  # "-5": a fall or a depth is said by the relation's words
            raise QuantityParseError(
                f"{raw!r} is below zero, and quantities are counts and amounts",
                "write the amount and let the relation say which way: 'fell by {object}', 5",
            )
        raise QuantityParseError(
            f"cannot read {raw!r} as a number",
            "write a number with an optional qualifier and unit: 'at least 13', 'nearly $50 billion'",
        )
    unit = match.group("unit")
    if unit and re.match(
        rf"(?:to|and|or|-|–)\s*\d|(?:{_SCALE_RE})(?=\s|$)|and an? (?:half|quarter)\b", unit, re.IGNORECASE
    ):
        raise QuantityParseError(
            f"cannot read {raw!r} as one number",
            "give one number, with a qualifier if the source is not exact: 'at least 5', 'about 4 million'",
        )
    if match.group("percent"):  # "12%", "40% of voters": the sign is the unit, before any other words
        unit = f"% {unit}" if unit else "%"
    value = float(re.sub(r"[,\s\u202f]", "", match.group("number")))
    scale = match.group("scale")
    if scale:
        value *= _SCALES[scale.lower()]
    if not abs(value) <= LARGEST:  # 1e309 is infinity: options could not be worked out around it
        shown = raw if len(raw) <= 30 else f"{raw[:27]}..."
        raise QuantityParseError(f"{shown!r} is too large a number", "numbers go up to a quintillion")
    qualifier_word = (match.group("qualifier") or "").lower()
    currency = match.group("currency") or match.group("currency_after")
    return Quantity(
        value=value,
        text=raw,
        qualifier=_QUALIFIERS.get(qualifier_word, Qualifier.EXACT),
        unit=unit,
        currency=_CURRENCIES[currency.lower()] if currency else None,
    )


LARGEST = 1e18  # a quintillion: more than any count a source gives, and still a finite float

_BELOW = ("nearly", "almost", "under", "less than", "fewer than", "up to", "at most", "no more than")
_ABOVE = ("over", "more than", "at least", "no fewer than", "no less than")


def side(quantity: Quantity) -> int:
    """Which side of its number a quantity lies: -1 below ("nearly 50"), 1 above ("over 50"), 0 on
    or about it. "Nearly" is about in meaning but below in direction: "over $50 billion" denies it."""
    words = quantity.text.lower()
    if words.startswith(_BELOW):
        return -1
    if words.startswith(_ABOVE):
        return 1
    return 0


def format_number(value: float) -> str:
    """13 → '13'; 50e9 → '50 billion'; 2.5e6 → '2.5 million'."""
    for word, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(value) >= scale:
            scaled = value / scale
            # beyond a thousand trillion, :g would write 1.23457e+10 trillion
            return f"{scaled:,.0f} {word}" if abs(scaled) >= 1000 else f"{scaled:g} {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:g}"
