"""Checking a student's answer: right, right with a typo, or wrong, and what to show.

Pure functions. A typo is forgiven only when it cannot be mistaken for
another answer: the key has five or more characters, the closest label
among same-type entities is the key by a clear margin, and every token with
a digit (or a regnal numeral: Henry VII is not Henry VIII) matches exactly.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

from quizgen.facts.dates import MONTHS, DateParseError, HistoricalDate, Precision, ambiguous_years, parse_date
from quizgen.facts.library import Library
from quizgen.facts.model import Qualifier, Quantity
from quizgen.facts.quantities import QuantityParseError, parse_quantity, side

from .distractors import quantity_label
from .model import Question
from .normalise import contains_phrase, normalise

MIN_TYPO_LENGTH = 5
TYPO_SCORE = 85.0
CLEAR_MARGIN = 8.0
WORD_TYPO_SCORE = 70.0  # a misspelt word: "qudz" for "quds" scores 75, "leader" for "commander" 40
MAX_SPARE_WORD = 2  # "on", "of": a word this short missing or extra changes no meaning
_NUMERAL = re.compile(r"^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_TRUE = frozenset({"true", "t", "yes", "y", "right", "correct"})
_FALSE = frozenset({"false", "f", "no", "n", "wrong", "incorrect"})

NO_ANSWER = "no answer given"  # an empty line: asked again in a quiz, a reveal in flashcards


class Verdict(StrEnum):
    CORRECT = "correct"
    TYPO = "typo"  # right, with a forgiven typo
    CLOSE = "close"  # partly right: a near year, a nearly right order
    WRONG = "wrong"


@dataclass(frozen=True, slots=True)
class Checked:
    """The outcome, and what to show: the key, the text as typed, and how they differ."""

    verdict: Verdict
    expected: str
    given: str
    matched: str | None = None
    diff: tuple[tuple[str, str], ...] = ()  # ("same" | "missing" | "extra", text)
    note: str | None = None

    @property
    def correct(self) -> bool:
        return self.verdict is not Verdict.WRONG


class Vocabulary:
    """Every entity label by type: the competitors a typo must not be closer to; and which entity
    each label names, so that a phrase may name its entities by any of their names."""

    def __init__(
        self, labels: dict[str, list[str]] | None = None, names: dict[str, str] | None = None
    ) -> None:
        self._labels = labels or {}
        self._names = names or {}  # a normalised label → the entity it names
        self._phrases: dict[str, list[tuple[str, ...]]] | None = None

    @classmethod
    def of(cls, library: Library) -> Vocabulary:
        return cls.named(label_rows(library), adjective_rows(library))

    @classmethod
    def named(
        cls, rows: Iterable[tuple[str, str, str]], adjectives: Iterable[tuple[str, str]] = ()
    ) -> Vocabulary:
        """From (entity id, entity type, label) rows and (entity id, adjective) rows, as
        ``label_rows`` and ``adjective_rows`` give them. A label's possessive ("Iran's") and an
        adjective ("Iranian") name the entity inside a phrase; only labels compete with a typo."""
        labels: dict[str, list[str]] = defaultdict(list)
        names: dict[str, str] = {}
        for entity, entity_type, label in rows:
            labels[entity_type].append(label)
            names.setdefault(normalise(label), entity)
        for entity, word in adjectives:
            names.setdefault(normalise(word), entity)
        for name, entity in list(names.items()):
            names.setdefault(name + "s", entity)  # "Iran's" normalises to "irans"
        return cls(dict(labels), names)

    def labels(self, entity_type: str | None) -> list[str]:
        return self._labels.get(entity_type or "", [])

    def names_alike(self, given: str, form: str) -> bool:
        """Whether the two read the same once each entity in them is named alike: "tensions between
        the United States and Iran" answers "tensions between the U.S. and Iran"."""
        if not self._names:
            return False
        return _either_order(self._named(normalise(given))) == _either_order(self._named(normalise(form)))

    def names_other(self, written: str, expected: str) -> bool:
        """Whether ``written`` is an entity's name, not the one ``expected`` names: "Iran" is no
        misspelling of "Iraq", however close the letters."""
        entity = self._names.get(written)
        return entity is not None and entity != self._names.get(expected)

    def one_entity(self, text: str) -> str | None:
        """The entity a whole normalised text names, as a token ("the un" and "united nations" give
        the same one), or None when it is no name or more than one."""
        tokens = self._named(text)
        return tokens[0] if len(tokens) == 1 and _is_entity(tokens, 0) else None

    def _named(self, text: str) -> list[str]:
        """The words of a normalised text, each entity label (the longest that fits) as one token,
        and an article before it dropped ("the U.S." is "US")."""
        if self._phrases is None:
            phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
            for label in self._names:
                words = tuple(label.split())
                if words:
                    phrases[words[0]].append(words)
            self._phrases = {first: sorted(found, key=len, reverse=True) for first, found in phrases.items()}
        words = text.split()
        tokens: list[str] = []
        index = 0
        while index < len(words):
            match = next(
                (p for p in self._phrases.get(words[index], ()) if tuple(words[index : index + len(p)]) == p),
                None,
            )
            if match is None:
                tokens.append(words[index])
                index += 1
                continue
            if tokens and tokens[-1] in _ARTICLE_WORDS:
                tokens.pop()
            tokens.append("\0" + self._names[" ".join(match)])
            index += len(match)
        return tokens


def _either_order(tokens: list[str]) -> list[str]:
    """Two entities side by side or joined by "and" in one order: "tensions between Iran and the
    US" are the tensions between the US and Iran, and "Iran-US tensions" are "US-Iran tensions"."""
    canonical = list(tokens)
    index = 0
    while index < len(canonical):
        other = index + 1 if _is_entity(canonical, index + 1) else index + 2
        joined = other == index + 1 or (other < len(canonical) and canonical[index + 1] == "and")
        if joined and _is_entity(canonical, index) and _is_entity(canonical, other):
            if canonical[index] > canonical[other]:
                canonical[index], canonical[other] = canonical[other], canonical[index]
            index = other + 1
        else:
            index += 1
    return canonical


def _is_entity(tokens: list[str], index: int) -> bool:
    return index < len(tokens) and tokens[index].startswith("\0")


def label_rows(library: Library) -> Iterator[tuple[str, str, str]]:
    """Every name and alias of every entity, with the entity's id and type."""
    return ((e.id, e.type, label) for e in library.entities.values() for label in e.labels)


def adjective_rows(library: Library) -> Iterator[tuple[str, str]]:
    """Every adjective of every entity ("Iranian"), with the entity's id."""
    return ((e.id, word) for e in library.entities.values() for word in e.adjectives)


def typed_text(text: str) -> str:
    """What was typed, with spaces collapsed and the full stop that ends a sentence dropped:
    "3 January 2020." is a date, "7." a number (text answers ignore punctuation anyway)."""
    given = " ".join(text.split())
    return given.rstrip(".!?").rstrip() or given


def check_typed(question: Question, text: str, vocabulary: Vocabulary | None = None) -> Checked:
    """Check a typed (or cloze) answer against the key and every accepted form."""
    given = typed_text(text)
    if not given:
        return Checked(Verdict.WRONG, question.answer, given, note=NO_ANSWER)
    if question.answer_kind == "date" and question.date is not None and question.kind.value != "cloze":
        return _check_date(question.date, question.answer, given)
    forms = [question.answer, *question.accepted]
    worded = question.answer_kind in ("entity", "text")
    if worded and not any(normalise(f) == normalise(given) for f in forms):
        given = without_preposition(given, question.answer)  # "in Baghdad", "by a drone strike"
        given = _without_address(given, question.within)  # "Baghdad, Iraq"; "To Lam" stays a name
    if question.answer_kind == "quantity" and question.quantity is not None:
        quantity = _check_quantity(question, given)
        bare = without_preposition(given, question.answer)  # "on seven fronts"; "at least 13" read first
        if (quantity is None or quantity.verdict is Verdict.WRONG) and bare != given:
            quantity = _check_quantity(question, bare) or quantity
        if quantity is not None:
            return quantity
    if question.answer_kind == "boolean":
        return _check_boolean(question, given)
    typed = normalise(given)
    right = next((form for form in forms if normalise(form) == typed), None)
    text = question.answer_kind == "text"  # a quoted phrase: its items are no answers unless accepted
    if right is None and (
        (text and _same_list(given, forms))
        or _names_only_answers(given, forms, question.quotes, vocabulary, items_answer=not text)
    ):
        right = question.answer
    if right is not None:
        asked = _count_asked(question)
        if asked and len(_listed(given)) < asked and normalise(right) != normalise(question.answer):
            # "Which two organisations...?" answered with one: half of what was asked
            note = f"the question asks for {_COUNT_NAMES[asked]}"
            return Checked(Verdict.CLOSE, question.answer, given, matched=right, note=note)
        return Checked(Verdict.CORRECT, question.answer, given, matched=right)
    if worded and vocabulary is not None:
        alike = next((form for form in forms if vocabulary.names_alike(given, form)), None)
        if alike is not None:
            return Checked(Verdict.CORRECT, question.answer, given, matched=alike)
    if _unhedged(given) in {_unhedged(form) for form in forms if _HEDGE.match(form)}:
        # "Shia" or "largely Shia" for "mostly Shia": a hedge that says most is any such hedge
        return Checked(
            Verdict.CORRECT,
            question.answer,
            given,
            matched=question.answer,
            note=f"the source says {question.answer}",
        )
    return _check_typo(question, given, forms, vocabulary or Vocabulary())


# what the question's sentence would put before the answer: "in Baghdad", "as a response to ...",
# "his humble origins"
_PREPOSITION = re.compile(r"(?:in|on|at|from|by|during|to|as|his|her|their|its)\s+", re.IGNORECASE)
_HEDGE = re.compile(
    r"(?:mostly|mainly|largely|chiefly|predominantly|primarily)\s+",
    re.IGNORECASE,  # "partly" denies "wholly"
)


def _without_address(given: str, within: Iterable[str]) -> str:
    """ "Qanat-e Malek, Kerman Province, Iran" → "Qanat-e Malek": the places around the answer,
    dropped from the right; "Baghdad, Syria" stays as typed (and is wrong)."""
    if "," not in given or not within:
        return given
    around = {normalise(name) for name in within}
    parts = given.split(",")
    while len(parts) > 1 and normalise(parts[-1]) in around:  # from the right: "Washington, D.C., US"
        parts.pop()
    return ",".join(parts).strip()


def _unhedged(text: str) -> str:
    hedge = _HEDGE.match(text)
    return normalise(text[hedge.end() :] if hedge else text)


def without_preposition(given: str, key: str) -> str:
    """The answer without the preposition the question's sentence would put before it: "in Baghdad",
    "on 3 January 2020", "by the United States"; kept when the key itself starts with it."""
    match = _PREPOSITION.match(given)
    if match is None or _PREPOSITION.match(key) or match.end() == len(given):
        return given
    return given[match.end() :]


_LIST_SEPARATOR = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*", re.IGNORECASE)
_PHRASE_LIST = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)  # a quoted phrase's list


_COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
_COUNT_NAMES = {2: "two", 3: "three", 4: "four", 5: "five"}


def _count_asked(question: Question) -> int | None:
    """How many answers the stem asks for, when it says so ("Which two organisations...?") and the
    key lists that many; None when one of them is a whole answer ("Who did X take on?")."""
    if question.answer_kind != "entity":
        return None
    listed = len(_listed(question.answer))
    words = re.findall(r"[a-z]+", question.stem.lower())
    return listed if listed >= 2 and any(_COUNT_WORDS.get(word) == listed for word in words) else None


def _listed(text: str) -> list[str]:
    """ "Iraq and the US", "Trump, Pompeo & the CIA": the items of a list, normalised."""
    return [normalise(item) for item in _LIST_SEPARATOR.split(text) if item.strip()]


def _same_list(given: str, forms: list[str]) -> bool:
    """A list of words typed in another order: "punitive, material and moral damages" for
    "material, moral and punitive damages". All of it, each item once: part of a quoted phrase is
    not the phrase. (A slash joins no list here: "3/1" is not "1/3".)"""
    items = _shared_head(_phrase_items(given))
    return len(items[0]) >= 2 and any(_shared_head(_phrase_items(form)) == items for form in forms)


def _phrase_items(text: str) -> list[str]:
    return [normalise(item) for item in _PHRASE_LIST.split(text) if item.strip()]


def _shared_head(items: list[str]) -> tuple[tuple[str, ...], str]:
    """A list's items, sorted, and the noun its last item ends with when the others share it
    ("material, moral and punitive damages": material, moral, punitive; damages)."""
    last = items[-1].split() if items else []
    if len(items) >= 2 and len(last) >= 2 and all(" " not in item for item in items[:-1]):
        return tuple(sorted([*items[:-1], last[0]])), " ".join(last[1:])
    return tuple(sorted(items)), ""


def _quoted(phrase: str, quotes: Iterable[str]) -> bool:
    return any(contains_phrase(quote, phrase) for quote in quotes)


def _names_only_answers(
    given: str,
    forms: list[str],
    quotes: Iterable[str] = (),
    vocabulary: Vocabulary | None = None,
    *,
    items_answer: bool = True,
) -> bool:
    """A list typed in its own order, or part of the answer's list: every item one of the answers,
    none twice, by any of its names ("UN and United Nations" is one organisation, not two).
    "Taliban and al-Qaeda" answers "al-Qaeda and Taliban" as "Taliban" alone does. Without
    ``items_answer`` only whole accepted forms count: "material, moral" is not "material, moral
    and punitive damages"."""
    items = _listed(given)
    named = [(vocabulary and vocabulary.one_entity(item)) or item for item in items]
    if len(items) < 2 or len(set(named)) < len(items):
        return False
    answers = {item for form in forms for item in (normalise(form), *(_listed(form) if items_answer else ()))}
    if "others" in answers:  # "Trump, Pompeo, the NSA, the CIA and 38 others": the source's own count
        items = [item for item in items if not (_OTHERS.fullmatch(item) and _quoted(item, quotes))] or items
    return all(item in answers for item in items)


_OTHERS = re.compile(r"(?:\d+|some|many|several|dozens of) others")  # counted only as quoted


def check_choice(question: Question, index: int) -> Checked:
    """Check a chosen option (multiple choice, true/false, which came first)."""
    chosen = question.options[index] if 0 <= index < len(question.options) else ""
    verdict = Verdict.CORRECT if index == question.answer_index else Verdict.WRONG
    return Checked(verdict, question.answer, chosen, matched=chosen if verdict is Verdict.CORRECT else None)


def _check_typo(question: Question, given: str, forms: list[str], vocabulary: Vocabulary) -> Checked:
    typed = normalise(given)
    scored = [(fuzz.ratio(typed, normalise(form)), form) for form in forms]
    best_score, best_form = max(scored)
    wrong = Checked(Verdict.WRONG, question.answer, given, diff=_diff(given, question.answer))
    key_form = normalise(best_form)
    if len(key_form) < MIN_TYPO_LENGTH or best_score < TYPO_SCORE:
        return wrong
    if not _exact_tokens_match(best_form, given):
        return wrong  # a digit or a numeral differs: 1998 is not 1989, Henry VII is not Henry VIII
    correct_labels = {normalise(f) for f in forms}
    rivals = [
        label for label in vocabulary.labels(question.entity_type) if normalise(label) not in correct_labels
    ]
    if any(normalise(label) == typed for label in rivals):
        return wrong  # the student typed another entity exactly
    # A rival whose digits or numerals the student did not type cannot be what was meant.
    rival = max(
        (fuzz.ratio(typed, normalise(label)) for label in rivals if _exact_tokens_match(label, given)),
        default=0.0,
    )
    if best_score - rival < CLEAR_MARGIN:
        return wrong  # as close to another answer: Prussia is not Russia
    if not _misspelt_word_by_word(typed, key_form, vocabulary):
        return wrong  # another word, not the key's misspelt: "the sovereignty of Iran" for Iraq
    return Checked(Verdict.TYPO, question.answer, given, matched=best_form, diff=_diff(given, best_form))


def _misspelt_word_by_word(typed: str, key: str, vocabulary: Vocabulary) -> bool:
    """Whether each stretch of words that differs is the key's stretch misspelt, not other words: a
    phrase close as a whole ("foreign interference" for "foreign intervention", "the sovereignty
    of Iran" for "of Iraq", "commander" for "commander or political leader") names something else.
    A short word missing or extra ("on", "of") is no new meaning; another entity's name always is."""
    key_words, typed_words = key.split(), typed.split()
    matcher = difflib.SequenceMatcher(a=key_words, b=typed_words, autojunk=False)
    for op, key_start, key_end, typed_start, typed_end in matcher.get_opcodes():
        expected, written = (
            " ".join(key_words[key_start:key_end]),
            " ".join(typed_words[typed_start:typed_end]),
        )
        if op == "equal":
            continue
        if op != "replace":
            if len(expected or written) > MAX_SPARE_WORD:
                return False
            continue
        if fuzz.ratio(expected.replace(" ", ""), written.replace(" ", "")) < WORD_TYPO_SCORE:
            return False
        if vocabulary.names_other(written, expected):
            return False
    return True


def _exact_tokens_match(key: str, given: str) -> bool:
    """Tokens with digits must be the same on both sides, and the key's regnal numerals must be typed."""
    key_tokens, given_tokens = normalise(key).split(), normalise(given).split()
    if {t for t in key_tokens if any(c.isdigit() for c in t)} != {
        t for t in given_tokens if any(c.isdigit() for c in t)
    }:
        return False
    numerals = {
        t.lower() for t in key.replace(".", " ").split() if len(t) >= 2 and t.isupper() and _NUMERAL.match(t)
    }
    return numerals <= set(given_tokens)


def _diff(given: str, expected: str) -> tuple[tuple[str, str], ...]:
    """How the typed text differs from the expected one, for highlighting a typo: word by word,
    and letter by letter inside a word mistyped for one word ("Guards" for "Guard Corps" shows
    "Guards" extra and "Guard Corps" missing, not " Corp" missing)."""
    typed, meant = given.split(), expected.split()
    articles = _ARTICLE_WORDS
    if len(typed) > 1 and meant and typed[0].lower() in articles and meant[0].lower() not in articles:
        typed = typed[1:]  # "the Qudz Force": the article counts for nothing, as in checking
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(
        None, [w.lower() for w in typed], [w.lower() for w in meant], autojunk=False
    )
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if b1 > 0 and b2 > b1:
            segments.append(("same", " "))  # between the expected words, as they are shown
        if op == "equal":
            segments.append(("same", " ".join(meant[b1:b2])))
        elif op == "replace" and a2 - a1 == 1 and b2 - b1 == 1:
            segments += _letters(typed[a1], meant[b1])
        else:
            if a2 > a1:
                segments.append(("extra", " ".join(typed[a1:a2])))
            if b2 > b1:
                segments.append(("missing", " ".join(meant[b1:b2])))
    return tuple(segments)


_ARTICLE_WORDS = frozenset({"the", "a", "an"})


def _letters(given: str, expected: str) -> list[tuple[str, str]]:
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, given.lower(), expected.lower(), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", expected[b1:b2]))
            continue
        if a2 > a1:
            segments.append(("extra", given[a1:a2]))
        if b2 > b1:
            segments.append(("missing", expected[b1:b2]))
    return segments


def _check_boolean(question: Question, given: str) -> Checked:
    word = normalise(given)
    if word not in _TRUE | _FALSE:
        return Checked(Verdict.WRONG, question.answer, given, note="answer true or false")
    said = "True" if word in _TRUE else "False"
    verdict = Verdict.CORRECT if said == question.answer else Verdict.WRONG
    return Checked(verdict, question.answer, given, matched=said if verdict is Verdict.CORRECT else None)


def _check_quantity(question: Question, given: str) -> Checked | None:
    key = question.quantity
    assert key is not None
    try:
        answer = parse_quantity(given)
    except QuantityParseError:
        if given.lstrip()[:1] in ("-", "−"):  # "-13": below zero, however its text would compare
            return Checked(Verdict.WRONG, question.answer, given)
        return None  # not a number: compare as text ("thirteen" against the accepted spellings)
    if not any(_same_number(value, key.value) for value in _readings(answer, key)):
        return Checked(Verdict.WRONG, question.answer, given)
    if side(answer) * side(key) < 0:  # "over $50 billion" for "nearly $50 billion"
        return Checked(Verdict.WRONG, question.answer, given, note=f"the source says {key.text}")
    if key.qualifier is Qualifier.EXACT and side(answer) != 0:  # "more than 13" for exactly 13
        return Checked(Verdict.WRONG, question.answer, given, note=f"the source is more precise: {key.text}")
    note = f"the source says {key.text}" if answer.qualifier not in (Qualifier.EXACT, key.qualifier) else None
    return Checked(Verdict.CORRECT, question.answer, given, matched=question.answer, note=note)


_SYMBOL_UNITS = {  # unit symbols that read as scales: "110.6 m" is not 110.6 million
    "m": {"m", "metre", "metres", "meter", "meters"},
    "t": {"t", "tonne", "tonnes", "ton", "tons"},
}


def _readings(answer: Quantity, key: Quantity) -> Iterable[float]:
    """The typed number, and, where a unit's symbol was read as a scale ("110.6 m" as millions),
    the number before it when the key is in that unit (metres; not "5 members")."""
    yield answer.value
    symbol = re.search(r"\d\s*([mt])\b", answer.text, re.IGNORECASE)
    unit = (key.unit or "").lower().split()[0] if key.unit else ""
    if symbol and unit in _SYMBOL_UNITS[symbol.group(1).lower()]:
        yield answer.value / {"m": 1e6, "t": 1e12}[symbol.group(1).lower()]


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def parse_answer_date(text: str, key: HistoricalDate) -> HistoricalDate:
    """Read a typed date; a bare month name is taken in the key's year ("June" for June 2020)."""
    ambiguous = ambiguous_years(text)
    if ambiguous is not None:  # no student means EDTF's code 40 by "1939-40"
        return ambiguous.years
    try:
        return parse_date(text)
    except DateParseError:
        if key.precision is Precision.MONTH and not key.is_range:
            return parse_date(f"{text} {key.first.year}")
        if key.is_range and _TWO_ENDS.match(text):  # "2014 and 2017" for a span: its two ends
            return parse_date(f"between {text}")
        raise


_TWO_ENDS = re.compile(r"^\S.*\s+and\s+\S", re.IGNORECASE)


_EXAMPLE_DAYS = ((1066, "14 October 1066"), (1789, "14 July 1789"), (1969, "20 July 1969"))


def _month_in_words(key: HistoricalDate) -> str:
    """How to write a day unmistakably, with an example far from the key: "such as 11 March 1957"
    was the very answer to "On what date was Soleimani born?"."""
    _year, example = max(_EXAMPLE_DAYS, key=lambda pair: abs(pair[0] - key.year))
    return f"write the month as a word, such as {example}"


def ambiguous_date(question: Question, text: str) -> str | None:
    """Why a typed date cannot be read either way ("3/1/2020": 3 January or 1 March), or None:
    the way of writing it was at fault, not the student's memory, so it is asked again."""
    if question.answer_kind != "date" or question.date is None or question.kind.value == "cloze":
        return None
    given = typed_text(text)
    try:
        parse_answer_date(without_preposition(given, question.answer), question.date)
    except DateParseError as error:
        if "ambiguous" in error.message:
            return f"{given!r} could be read two ways: {_month_in_words(question.date)}"
    return None


def _check_date(key: HistoricalDate, shown: str, given: str) -> Checked:
    try:
        answer = parse_answer_date(without_preposition(given, shown), key)
    except DateParseError as error:
        note = _month_in_words(key) if "ambiguous" in error.message else error.message
        return Checked(Verdict.WRONG, shown, given, note=note)
    if (answer.start, answer.end) == (key.start, key.end):
        return Checked(Verdict.CORRECT, shown, given, matched=shown)
    if key.last is not None:  # a span is asked for its two ends: a year inside it is not the span
        return _check_span(key, shown, given, answer)
    if answer.start >= key.start and answer.end <= key.end:
        return Checked(Verdict.CORRECT, shown, given, matched=shown, note=f"the source says only {shown}")
    if key.start >= answer.start and key.end <= answer.end:
        # "2023" for "late 2023" is half right where the stem ("When ...?") never said how precise;
        # "the 2020s" or "the 21st century" is not
        own_year = answer.last is None and answer.precision is Precision.YEAR and not answer.first.approximate
        verdict = Verdict.CLOSE if key.precision is Precision.PART and own_year else Verdict.WRONG
        return Checked(verdict, shown, given, note=f"the source is more precise: {shown}")
    return Checked(Verdict.WRONG, shown, given)


def _check_span(key: HistoricalDate, shown: str, given: str, answer: HistoricalDate) -> Checked:
    """Each end within the source's end ("March 1980 to 1988" for 1980–1988), else wrong."""
    last = answer.last or answer.first
    ends = ((answer.first, key.first), (last, key.last or key.first))
    if answer.last is not None and all(
        mine.first_day >= theirs.first_day and mine.last_day <= theirs.last_day for mine, theirs in ends
    ):
        return Checked(Verdict.CORRECT, shown, given, matched=shown, note=f"the source says only {shown}")
    if answer.last is None and key.start <= answer.start and answer.end <= key.end:
        return Checked(Verdict.WRONG, shown, given, note=f"that is within the span; it runs {shown}")
    if answer.start <= key.start and key.end <= answer.end:  # "1980-1988" for "March 1980 – August 1988"
        return Checked(Verdict.WRONG, shown, given, note=f"the source is more precise: {shown}")
    return Checked(Verdict.WRONG, shown, given)


def accepted_spellings(question: Question) -> Iterable[str]:
    """Every form a typed answer may take (for listing on a card's back)."""
    return dict.fromkeys((question.answer, *question.accepted)).keys()


FULL, HALF = 100, 50  # the shares of the points a platform with partial credit gives


def credited_spellings(question: Question) -> list[tuple[str, int]]:
    """The answers a platform that compares letter by letter should accept (Moodle, GIFT, Canvas),
    each with its share: every accepted answer, and the other ways of writing a date or number
    that this checker takes ("1961-1972" for "1961–1972", "1930-08-05" for "5 August 1930", "13"
    for "at least 13"), in full; those it gives half ("UN" for "Which two organisations...?"),
    after them, at half."""
    forms = [question.answer, *question.accepted]
    if question.date is not None and question.answer_kind == "date":
        forms += _date_spellings(question.date)
    if question.quantity is not None and question.answer_kind == "quantity":
        bare = quantity_label(question.quantity)
        forms += [bare, bare.replace(",", "")]
    if question.answer_kind in ("entity", "text"):
        names = question.answer_kind == "entity"  # "X and Y" of a phrase is no pair to turn round
        forms += [variant for form in forms for variant in _plain_variants(form, pairs=names)]
    shares = {Verdict.CORRECT: FULL, Verdict.CLOSE: HALF}
    credited = [(form, shares.get(check_typed(question, form).verdict, 0)) for form in dict.fromkeys(forms)]
    return sorted(((form, share) for form, share in credited if share), key=lambda credit: -credit[1])


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _plain_variants(form: str, *, pairs: bool) -> list[str]:
    """What a student types that this checker takes and a letter-by-letter platform would not:
    straight quotes for a source's curly ones, "bloody nose" for "a bloody nose", and with
    ``pairs`` two names the other way round ("the European Union and the United Nations"), with
    or without their articles. Each is graded before it is kept."""
    straight = form.translate(_STRAIGHT)  # "IRGC’s" as a keyboard types it
    variants = [straight, _ARTICLE.sub("", form), _ARTICLE.sub("", straight)]
    pair = re.split(r"\s+and\s+", form)
    two = len(pair) == 2 and all(pair) and len(_listed(form)) == 2  # not "Trump, Pompeo, and the CIA"
    if pairs and two and pair[1].lower() != "others":  # "and others" ends it
        first, second = (_ARTICLE.sub("", item) for item in pair)
        variants += [f"{pair[1]} and {pair[0]}", f"{first} and {second}", f"{second} and {first}"]
    return [v for v in dict.fromkeys(variants) if v and v != form]


def exact_spellings(question: Question) -> list[str]:
    """The answers a letter-by-letter platform should accept in full (``credited_spellings``)."""
    return [form for form, share in credited_spellings(question) if share == FULL]


def _date_spellings(date: HistoricalDate) -> list[str]:
    if date.last is not None:
        first, last = date.first.label(), date.last.label()
        return [f"{first}-{last}", f"{first} - {last}", f"{first} to {last}"]
    point = date.first
    if point.approximate:
        return [point.label().removeprefix("c. "), f"circa {point.label().removeprefix('c. ')}"]
    if point.precision is Precision.DAY and point.month and point.day and point.year > 0:
        month = MONTHS[point.month - 1]
        return [f"{month} {point.day}, {point.year}", f"{point.year}-{point.month:02d}-{point.day:02d}"]
    if point.precision in (Precision.DECADE, Precision.CENTURY):
        return [point.label().removeprefix("the ")]
    return []
