"""Which questions give each other away, for any set of them shown together: a quiz, a printed
test, a live game.

Two questions on different facts can still answer each other: "...was killed in Baghdad on
3 January 2020" answers "In what year was he killed?"; two sources stating one thing make two
facts with one answer ("Which force did he command?" beside "...the commander of the IRGC's
____"); and an option printed under one question turns another's typed answer from recall into
recognition.
"""

from __future__ import annotations

from collections import defaultdict

from quizgen.facts.model import Kind

from .model import Question
from .normalise import normal_form, normalise

RECALLED = (Kind.TYPED, Kind.CLOZE)  # answered from memory, with nothing to choose from


def _key(question: Question, *, sheet: bool = False) -> str:
    """A date or number answer as a sheet could show it elsewhere, padded for a whole-word search;
    on a sheet seen whole, a typed or cloze answer of more words than one too; or "". (A lone name
    is no give-away: "Iran" stands in many stems.)"""
    if question.kind is Kind.TRUE_FALSE:
        return ""
    key = normalise(question.answer)
    if question.answer_kind in ("date", "quantity") or (sheet and question.kind in RECALLED and " " in key):
        return f" {key} " if key else ""
    return ""


def _shown(question: Question, answer_shown: bool, sheet: bool = False) -> str:
    """What is shown of a question (the stem, a cloze's words, the events a timeline question
    lists, the options on a sheet, and its answer where feedback gives it), normalised and padded."""
    texts = [question.cloze.text if question.cloze else question.stem]
    texts += [item.label for item in question.items]
    if sheet and question.kind is not Kind.TRUE_FALSE:
        texts += question.options
    if answer_shown and question.kind is not Kind.TRUE_FALSE:
        texts.append(question.answer)
    return f" {normal_form(' '.join(texts))} "


def _answer(question: Question) -> str:
    return "" if question.kind is Kind.TRUE_FALSE else normalise(question.answer)


class GiveAways:
    """The answers and words of the questions chosen so far, indexed so that a candidate is held
    against all of them without a walk over each: a live game of a whole deck checks thousands.

    ``answers_shown``: each answer is shown after its question (the app's feedback, a live game's
    reveal), so an answer that holds another's key gives it away too; a printed test keeps its
    answers to the key. ``heading``: the questions are a sheet seen whole under it, so a typed
    answer ("the US invasion") printed anywhere on it, the heading included, is given away.
    """

    def __init__(self, *, answers_shown: bool = False, heading: str | None = None) -> None:
        self.answers_shown = answers_shown
        self.sheet = heading is not None
        self._keys: dict[str, set[str]] = defaultdict(set)  # a first word → the chosen keys it starts
        self._by_word: dict[str, list[str]] = defaultdict(list)  # a word → the chosen texts with it
        self._answers: set[str] = set()  # every chosen answer but true or false
        self._offered: set[str] = set()  # the options the chosen choice questions show
        self._recalled: set[str] = set()  # the answers of the chosen typed and cloze questions
        if heading:
            self._index(f" {normal_form(heading)} ")

    def admits(self, question: Question) -> bool:
        key, shown, answer = self._parts(question)
        if key and any(key in text for text in self._by_word.get(key.split()[0], ())):
            return False  # a chosen question shows this one's answer
        if any(chosen in shown for word in set(shown.split()) for chosen in self._keys.get(word, ())):
            return False  # or this one shows a chosen answer
        if answer and answer in self._answers:
            return False  # one answer twice: the same thing, told by two sources
        if question.kind in RECALLED and answer in self._offered:
            return False
        return not (question.options and self._recalled.intersection(map(normalise, question.options)))

    def take(self, question: Question) -> None:
        key, shown, answer = self._parts(question)
        if key:
            self._keys[key.split()[0]].add(key)
        self._index(shown)
        if answer:
            self._answers.add(answer)
        if question.kind in RECALLED:
            self._recalled.add(answer)
        elif question.kind is not Kind.TRUE_FALSE:
            self._offered.update(normalise(option) for option in question.options)

    def _parts(self, question: Question) -> tuple[str, str, str]:
        """The question's key, what is shown of it, and its answer, as this guard reads them."""
        return (
            _key(question, sheet=self.sheet),
            _shown(question, self.answers_shown, self.sheet),
            _answer(question),
        )

    def _index(self, shown: str) -> None:
        for word in set(shown.split()):
            self._by_word[word].append(shown)


def gives_away(a: Question, b: Question, *, answers_shown: bool = False) -> bool:
    """Whether either question gives the other away."""
    guard = GiveAways(answers_shown=answers_shown)
    guard.take(a)
    return not guard.admits(b)


def kept_apart(questions: list[Question], count: int, *, answers_shown: bool) -> list[Question]:
    """The first ``count`` of ``questions`` (in their order) that give none of those kept away."""
    guard = GiveAways(answers_shown=answers_shown)
    kept = []
    for question in questions:
        if len(kept) >= count:
            break
        if guard.admits(question):
            guard.take(question)
            kept.append(question)
    return kept
