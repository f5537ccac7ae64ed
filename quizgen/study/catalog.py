"""The decks a student can study: each loaded with its questions, or with the problems that stop it.

One broken deck never hides the others: its problems are kept for the home
screen to show, beside the decks that did load.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.decks import Deck, content_files, deck_problems, load_deck, looks_like_deck
from quizgen.facts.errors import ContentError, Location, Problem
from quizgen.facts.library import Library
from quizgen.facts.loader import display_path, load_library
from quizgen.questions.answers import Vocabulary
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import content_deck


@dataclass(frozen=True)
class StudyDeck:
    deck: Deck
    library: Library
    questions: tuple[Question, ...]
    vocabulary: Vocabulary

    @property
    def title(self) -> str:
        return self.deck.title


@dataclass(frozen=True)
class BrokenDeck:
    path: Path
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        return display_path(self.path)


def load_study_deck(path: Path, seed: int = 0) -> StudyDeck | BrokenDeck:
    """A deck recipe or a content file, with every question it yields."""
    try:
        if path.is_dir():
            deck = content_deck(content_files([path]), path.name)
        else:
            deck = load_deck(path) if looks_like_deck(path) else content_deck([path])
        library = load_library(content_files(deck.content))
        problems = deck_problems(deck, library)
        if problems:
            raise ContentError(problems)
    except ContentError as error:
        return BrokenDeck(path, error.problems)
    except OSError as error:
        return BrokenDeck(path, (Problem(Location(display_path(path)), f"cannot read: {error.strerror}"),))
    questions = tuple(generate_for_deck(deck, library, seed=seed))
    return StudyDeck(deck, library, questions, Vocabulary.of(library))


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
