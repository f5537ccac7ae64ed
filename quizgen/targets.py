"""What a command works on: a deck recipe, a content file or folder, or a bundled deck by name.

``quizgen show soleimani``, ``quizgen show decks/soleimani.yaml`` and
``quizgen show content/`` all resolve here to a deck and its library, so
every command reads its argument the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.decks import Deck, content_deck, content_files, load_deck, looks_like_deck
from quizgen.facts.cache import load_cached
from quizgen.facts.errors import ContentError
from quizgen.facts.library import Library
from quizgen.facts.loader import display_path
from quizgen.paths import default_decks_folder, default_folders
from quizgen.questions.generate import recipe_problems


class TargetNotFound(LookupError):
    """The argument names no deck, file or folder; the message says which decks there are."""


@dataclass(frozen=True)
class Target:
    deck: Deck
    library: Library


def find_deck(name: str) -> Path | None:
    """A bundled or local deck by its file name, without the extension."""
    for suffix in (".yaml", ".yml"):
        candidate = default_decks_folder() / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def available_decks() -> list[Path]:
    folder = default_decks_folder()
    return sorted(p for p in folder.glob("*.y*ml") if looks_like_deck(p)) if folder.is_dir() else []


def _folder_content(path: Path, spec: str) -> list[Path]:
    """The content files a file or folder names; a folder of deck recipes must be narrowed to one."""
    if path.is_dir():
        recipes = sorted(p for p in path.glob("*.y*ml") if looks_like_deck(p))
        if recipes:
            names = ", ".join(display_path(p) for p in recipes)
            raise TargetNotFound(f"{spec} is a folder of decks; name one: {names}")
    files = content_files([path])
    if not files:
        raise TargetNotFound(f"no .yaml content files in {spec}")
    return files


def open_target(spec: str | None) -> Target:
    """Resolve a command's argument; raise ContentError (with locations) for anything wrong."""
    if spec is None:
        files = content_files(p for p in default_folders() if p.name != "decks")
        deck = content_deck(files, "All content")
    elif not spec.strip():  # Path("") is the current folder: '' would study whatever is here
        raise TargetNotFound("an empty name names no deck; give a deck's name, a recipe or content files")
    else:
        path = Path(spec)
        if not path.exists() and (found := find_deck(spec)) is not None:
            path = found
        if not path.exists():
            names = ", ".join(p.stem for p in available_decks()) or "none"
            raise TargetNotFound(f"no deck, file or folder named {spec!r} (decks: {names})")
        if path.is_file() and looks_like_deck(path):
            deck = load_deck(path)
        else:
            deck = content_deck(_folder_content(path, spec))
    library = load_cached(content_files(deck.content))
    problems = recipe_problems(deck, library)
    if problems:
        raise ContentError(problems)
    return Target(deck, library)
