"""quizgen: learn facts in the terminal. Structured facts become quizzes, flashcards, timelines and decks."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("quizgen")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
    __version__ = "0.0.0"
