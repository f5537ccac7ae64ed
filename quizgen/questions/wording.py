"""Wording: filling template slots, question words by type and precision, attribution.

Grammar lives here and nowhere else: articles come from the entity, the
question word from the answer's type, the date phrase from its precision,
and "According to ..." from who says it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from quizgen.facts.dates import HistoricalDate
from quizgen.facts.library import Library
from quizgen.facts.model import Entity, Event, Fact, Qualifier, Quantity, Source

TYPE_NOUNS = {
    "organisation": "organisation",
    "place": "place",
    "event": "event",
    "term": "term",
    "work": "work",
    "group": "group",
    "thing": "thing",
}
# Words that may start a question and so lose their capital after "According to X, ".
_LOWERABLE = frozenset(
    [
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "in",
        "on",
        "at",
        "from",
        "by",
        "to",
        "for",
        "with",
        "between",
        "true",
        "the",
        "a",
        "an",
        "during",
        "approximately",
        "name",
        "did",
        "does",
        "do",
        "was",
        "were",
        "is",
        "are",
        "has",
        "had",
        "as",
        "after",
        "before",
        "of",
        "under",
        "over",
        "since",
        "into",
        "about",
        "against",
        "among",
        "through",
        "using",
        "without",
    ]
)
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.?!;:])")
_SPACES = re.compile(r"\s{2,}")


def tidy(text: str) -> str:
    """Collapse the gaps an empty slot leaves ("joined the IRGC ." → "joined the IRGC."), and a
    full stop or question mark doubled by a value that ends in one."""
    text = text.strip()
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if _SPACE_BEFORE_PUNCT.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    if text.endswith(".."):  # a value's own full stop ("Washington, D.C.") ends the sentence too
        text = text[:-1] if not text.endswith("...") or text.endswith("....") else text
    if text.endswith(("?.", "??", "!.", "!!")):  # and its own mark: "Who wrote What Is the Third Estate?"
        text = text[:-1]
    return text


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def lower_first(text: str) -> str:
    """Lower the first word only when it is a function word, never a name."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in _LOWERABLE else text


def which(entity: Entity) -> str:
    """The question word for an entity answer: "Who", "Which force", "Which place"."""
    if entity.type == "person":
        return "Who"
    return f"Which {entity.kind or TYPE_NOUNS.get(entity.type, 'one')}"


_ABOUT_WORDS = frozenset({"nearly", "about", "around", "approximately", "roughly", "almost"})


def how_many(quantity: Quantity) -> str:
    """ "at least how many", "nearly how much": the qualifier in the source's own word."""
    base = "how much" if quantity.currency else "how many"
    prefix = {
        Qualifier.EXACT: "",
        Qualifier.AT_LEAST: "at least ",
        Qualifier.AT_MOST: "at most ",
        Qualifier.ABOUT: "approximately ",
    }[quantity.qualifier]
    first = quantity.text.split(maxsplit=1)[0].lower() if quantity.text.strip() else ""
    if quantity.qualifier is Qualifier.ABOUT and first in _ABOUT_WORDS:
        prefix = f"{first} "  # "nearly $50 billion" is less than 50 billion; "approximately" is not
    return prefix + base


def listing(names: list[str], open_set: bool = False) -> str:
    """'A, B and C', or 'A, B, C and others' for a set the source gives only in part."""
    if open_set:
        return ", ".join(names) + " and others"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def value_text(library: Library, fact: Fact) -> str:
    """The fact's value as it reads inside a sentence."""
    if fact.objects:
        return listing([library.entities[o].display for o in fact.objects], fact.open_set)
    if fact.date is not None:
        return fact.date.phrase()
    if fact.quantity is not None:
        return fact.quantity.text
    return fact.text or ""


@lru_cache(maxsize=4096)
def _parts(template: str) -> tuple[tuple[str, str, str], ...]:
    """A template split once into (literal text, slot name, its lower-case form) triples; a
    template is filled many times."""
    pieces = re.split(r"\{(\w+)\}", template)
    pieces.append("")
    return tuple(
        (literal, name, name[:1].lower() + name[1:])
        for literal, name in zip(pieces[0::2], pieces[1::2], strict=True)
    )


def fill(template: str, slots: Mapping[str, str], *, mid_sentence: bool = False) -> str:
    """Fill ``{slot}`` names; capitalised slot names capitalise their value.

    ``mid_sentence`` renders the text to follow "According to X, ": the
    sentence's first word loses its capital unless it is a name.
    """
    out: list[str] = []
    opening = mid_sentence
    for literal, name, lower in _parts(template):
        out.append(literal)
        if not name:
            continue
        if opening and not literal:
            out.append(slots.get(lower, slots.get(name, "")))
        elif name in slots:
            out.append(slots[name])
        elif name != lower:
            out.append(capitalise(slots.get(lower, "")))
        opening = False
    text = tidy("".join(out))
    if mid_sentence and not template.startswith("{"):
        return text[:1].lower() + text[1:]
    return text


def compose(
    template: str,
    slots: Mapping[str, str] | None,
    voice: str | None,
    date: HistoricalDate | None = None,
    *,
    year_only: bool = False,
) -> str:
    """A finished sentence: slots filled, "When" worded by the date, attribution in front."""
    if slots is None:  # plain text (an event's own question): no slots to fill
        text = tidy(template)
        if voice is not None:
            text = lower_first(text)
    else:
        text = fill(template, slots, mid_sentence=voice is not None)
    if date is not None:
        text = ask_by_precision(text, date, year_only=year_only)
    return capitalise(f"{voice}, {text}" if voice else text)


def fact_slots(library: Library, fact: Fact) -> dict[str, str]:
    return {
        "subject": library.entities[fact.subject].display,
        "object": value_text(library, fact),
        "when": fact.when.phrase() if fact.when else "",
        "where": f"in {library.entities[fact.where].display}" if fact.where else "",
    }


def asks_when(question: str) -> bool:
    return question[:5] in ("When ", "when ")


def ask_by_precision(question: str, date: HistoricalDate, *, year_only: bool = False) -> str:
    """Reword a leading "When" by what the date knows: "On what date", "In what year", ..."""
    if not asks_when(question):
        return question
    phrase = date.question_phrase()
    if year_only:  # "In approximately what year" says how close is close enough
        phrase = "In approximately what year" if date.approximate else "In what year"
    if question[0] == "w":
        phrase = phrase[0].lower() + phrase[1:]
    return f"{phrase} {question[len('When ') :]}"


def attribution(library: Library, statement: Fact | Event) -> str | None:
    """Who says it, when that must be said: "According to Sputnik" or a claimant and its reporter.

    A claim is always attributed; a plain statement only when every source
    citing it carries opinion.
    """
    sources: list[Source] = [library.sources[s] for s in statement.sources]
    opinionated = all(s.opinion for s in sources)
    reporters = " and ".join(s.name for s in sources)
    if statement.by:
        if opinionated:
            return f"According to {statement.by}, as reported by {reporters}"
        return f"According to {statement.by}"
    if (isinstance(statement, Fact) and statement.is_claim) or opinionated:
        return f"According to {reporters}"
    return None


def attributed(text: str, by: str | None) -> str:
    """Put the attribution in front of a question or statement."""
    return f"{by}, {lower_first(text)}" if by else text


def event_label(library: Library, event: Event) -> str:
    """An event as a timeline shows it, attributed when it must be."""
    who = attribution(library, event)
    if who is None:
        return event.title
    return f"{event.title} ({who[0].lower()}{who[1:]})"


def date_option(date: HistoricalDate, month_only: bool = False) -> str:
    """A date as an option shows it; under "In which month of 2020" the month alone."""
    if month_only and date.first.month and not date.is_range:
        return date.label().rsplit(" ", 1)[0]
    return date.label()
