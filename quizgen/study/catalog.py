"""The decks a student can study, each with its question bank, or with the problems that stop it.

One broken deck never hides the others: its problems are kept for the home
screen to show, beside the decks that did load.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path

from quizgen.decks import Deck, content_deck, content_files, load_deck, looks_like_deck
from quizgen.facts.dates import HistoricalDate
from quizgen.facts.errors import ContentError, Location, Problem
from quizgen.facts.loader import display_path
from quizgen.questions.answers import Vocabulary
from quizgen.questions.giveaways import GiveAways, kept_apart
from quizgen.questions.model import Question

from . import session as sessions
from .bank import Bank, built_bank, open_bank
from .session import DeckCounts, Mode
from .store import Store, StoredCard


@dataclass
class StudyDeck:
    """A deck ready to study: its recipe and its bank of questions, read as sessions need them."""

    deck: Deck
    bank: Bank
    _vocabulary: Vocabulary | None = field(default=None, repr=False)
    _flashcards: int | None = field(default=None, repr=False)

    @property
    def title(self) -> str:
        return self.deck.title

    @property
    def vocabulary(self) -> Vocabulary:
        """Every entity label, to judge typos against: read once, when first needed."""
        if self._vocabulary is None:
            self._vocabulary = self.bank.vocabulary()
        return self._vocabulary

    def events(self) -> list[tuple[str, HistoricalDate]]:
        return self.bank.events()

    def cards(self, store: Store) -> dict[str, StoredCard]:
        """The deck's questions that have a schedule: the student's cards, found without listing the deck."""
        every = store.cards()
        return {question_id: every[question_id] for question_id in self.bank.known(every)}

    def counts(
        self,
        store: Store,
        now: dt.datetime,
        new_room: int | None = None,
        facts_studied_today: Set[str] = frozenset(),
    ) -> DeckCounts:
        """New, due, learning and learned among the cards flashcards schedule: a put-in-order
        answered wrong is no card due ("2 due" beside "Nothing is due" misled). With ``new_room``,
        the new ones are those a session would start today, as ``session_questions`` picks them:
        "274 new" beside "Card 1 of 20" misled, and so did "20 new" beside "Card 1 of 18" when
        siblings of facts already studied could not come."""
        every = self.cards(store)
        cards = [card for question_id, card in every.items() if _is_flashcard(question_id)]
        if new_room is not None:
            due = [i for i, card in every.items() if sessions.due_soon(card, now)]
            new = len(self._new_cards(every, due, new_room, facts_studied_today))
            return sessions.card_counts(new, cards, now)
        if self._flashcards is None:  # the bank does not change while the app runs
            by_kind = self.bank.counts_by_kind()
            self._flashcards = sum(by_kind.get(kind, 0) for kind in sessions.FLASHCARD_KINDS)
        return sessions.card_counts(self._flashcards - len(cards), cards, now)

    def _new_cards(
        self, cards: Mapping[str, StoredCard], due: Sequence[str], room: int, facts_studied_today: Set[str]
    ) -> list[str]:
        """New flashcards in content order, one per fact, up to ``room``: none of a fact studied
        today or with a card due (the session shows one card a fact, the due one first), and none
        that a new card before it gives away: two sources telling one thing ("Which force did he
        command in 1998?" twice) came one after the other. Such a card waits for another day."""
        fresh: list[str] = []
        if room <= 0:
            return fresh
        taken_facts = set(facts_studied_today) | self.bank.facts_of(i for i in due if _is_flashcard(i))
        shown = GiveAways(answers_shown=True)  # a card's back shows its answer
        batch: list[str] = []

        def admit_batch() -> None:  # read a few at a time: never the whole deck's questions
            for question in self.bank.questions(batch):
                if len(fresh) < room and shown.admits(question):
                    shown.take(question)
                    fresh.append(question.id)
            batch.clear()

        for question_id, fact_id in self.bank.in_order(sessions.FLASHCARD_KINDS):
            if question_id in cards or fact_id in taken_facts:
                continue
            taken_facts.add(fact_id)
            batch.append(question_id)
            if len(batch) >= room - len(fresh):
                admit_batch()
                if len(fresh) >= room:
                    break
        admit_batch()
        return fresh

    def next_flashcard_due(self, store: Store, now: dt.datetime) -> dt.datetime | None:
        """When the deck's next flashcard falls due, for "nothing is due" to say; None if none will."""
        return min(
            (
                card.due
                for question_id, card in self.cards(store).items()
                if card.due > now and _is_flashcard(question_id)
            ),
            default=None,
        )

    def session_questions(
        self,
        mode: Mode,
        store: Store,
        rng: random.Random,
        now: dt.datetime,
        *,
        length: int,
        new_limit: int,
        new_seen_today: int,
        facts_studied_today: set[str],
    ) -> list[Question]:
        """The questions of a new session, read from the bank by index: never the whole deck."""
        if mode is Mode.QUIZ:
            # a fact studied today waits for tomorrow while others remain (the cloze just shown
            # would answer the typed question on it): drawn past them, topped up from them only
            # for what the deck lacks
            drawn = self.bank.sample_facts(rng, length * 3 + len(facts_studied_today))
            fresh = [fact for fact in drawn if fact not in facts_studied_today]
            studied = [fact for fact in drawn if fact in facts_studied_today]
            facts = (
                fresh[: length * 3] if len(fresh) >= length else fresh + studied[: length * 3 - len(fresh)]
            )
            # a few spare: two sources telling one thing are two facts with one answer, and a
            # question whose answer another shows is left out
            chosen = sessions.quiz(self.bank.for_facts(facts, sessions.QUIZ_KINDS), rng, length + length // 2)
            drawn = self.bank.questions([ref.id for ref in chosen])
            return sessions.unspoiled(kept_apart(drawn, length, answers_shown=True))
        if mode is not Mode.FLASHCARDS:
            return self.bank.sample_of_kind(sessions.MODE_KINDS[mode], rng, length)
        cards = self.cards(store)
        due = sorted(
            (i for i, card in cards.items() if sessions.due_soon(card, now)), key=lambda i: cards[i].due
        )
        fresh = self._new_cards(cards, due, max(new_limit - new_seen_today, 0), facts_studied_today)
        candidates = self.bank.questions([*due, *fresh])
        return sessions.flashcards(
            candidates,
            cards,
            now,
            new_limit=new_limit,
            new_seen_today=new_seen_today,
            facts_studied_today=facts_studied_today,
        )


_FLASHCARD_KINDS = frozenset(kind.value for kind in sessions.FLASHCARD_KINDS)


def _is_flashcard(question_id: str) -> bool:
    return question_id.rsplit(":", 1)[-1] in _FLASHCARD_KINDS  # ids end in their kind


@dataclass(frozen=True)
class BrokenDeck:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        return display_path(self.path)


def loaded_by_title(decks: Iterable[StudyDeck | BrokenDeck]) -> list[StudyDeck]:
    """The decks that loaded, by title, as the home screen lists them: a deck's own subdecks
    ("X — timeline") follow it, so "the first deck" is the main one."""
    return sorted((d for d in decks if isinstance(d, StudyDeck)), key=lambda d: d.title.casefold())


def load_study_deck(path: Path, seed: int = 0) -> StudyDeck | BrokenDeck:
    """A deck recipe, a content file or a folder of content, with its bank of questions (built first
    when the content changed: on a large library, a while)."""
    deck = _study_deck(path, seed, open_bank)
    assert deck is not None  # open_bank always returns a bank
    return deck


def ready_study_deck(path: Path, seed: int = 0) -> StudyDeck | BrokenDeck | None:
    """The deck if it opens at once (its bank already built, or the recipe broken); None when its
    bank must be built first, which is worker's work: a start never waits on it."""
    return _study_deck(path, seed, built_bank)


def _study_deck(
    path: Path, seed: int, bank_for: Callable[[Deck, list[Path], int], Bank | None]
) -> StudyDeck | BrokenDeck | None:
    try:
        if path.is_dir():
            files = content_files([path])
            if not files:
                return BrokenDeck(
                    path, (Problem(Location.whole(display_path(path)), "this folder holds no .yaml content"),)
                )
            deck = content_deck(files, path.name)
        else:
            deck = load_deck(path) if looks_like_deck(path) else content_deck([path])
        bank = bank_for(deck, content_files(deck.content), seed)
    except ContentError as error:
        return BrokenDeck(path, error.problems)
    except OSError as error:
        return BrokenDeck(
            path, (Problem(Location.whole(display_path(path)), f"cannot read: {error.strerror}"),)
        )
    return None if bank is None else StudyDeck(deck, bank)


def deck_paths(targets: list[Path]) -> list[Path]:
    """What to show on the home screen: the deck recipes in each folder (or, for a folder of content
    without recipes, the folder as one deck), and files as themselves."""
    paths: list[Path] = []
    for target in targets:
        if target.is_dir():
            recipes = sorted(p for p in target.glob("*.y*ml") if looks_like_deck(p))
            paths.extend(recipes or [target])
        else:
            paths.append(target)
    return paths
