"""What a command works on: a deck recipe, a content file or folder, or a bundled deck by name.

``quizgen show soleimani``, ``quizgen show decks/soleimani.yaml`` and
``quizgen show content/`` all resolve here to a deck and its library, so
every command reads its argument the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
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


def _existing(spec: str) -> Path:
    """The file or folder a name means: a path as given, else a bundled or local deck's name."""
    if not spec.strip():  # Path("") is the current folder: '' would study whatever is here
        raise TargetNotFound("an empty name names no deck; give a deck's name, a recipe or content files")
    path = Path(spec)
    if not path.exists() and (found := find_deck(spec)) is not None:
        path = found
    if not path.exists():
        names = ", ".join(p.stem for p in available_decks()) or "none"
        raise TargetNotFound(f"no deck, file or folder named {spec!r} (decks: {names})")
    return path


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


def open_target(specs: str | Sequence[str] | None) -> Target:
    """Resolve a command's arguments: one deck, or content files and folders taken together as one
    deck; raise ContentError (with locations) for anything wrong."""
    if isinstance(specs, str):
        specs = [specs]
    if not specs:
        files = content_files(p for p in default_folders() if p.name != "decks")
        deck = content_deck(files, "All content")
    elif len(specs) == 1:
        path = _existing(specs[0])
        deck = (
            load_deck(path)
            if path.is_file() and looks_like_deck(path)
            else content_deck(_folder_content(path, specs[0]))
        )
    else:
        paths = [_existing(spec) for spec in specs]
        recipe = next((p for p in paths if p.is_file() and looks_like_deck(p)), None)
        if recipe is not None:  # two recipes' choices and ids cannot be merged into one
            raise TargetNotFound(
                f"{display_path(recipe)} is a deck recipe: name it alone, or name its content files"
            )
        files = list(
            dict.fromkeys(f for spec, p in zip(specs, paths, strict=True) for f in _folder_content(p, spec))
        )
        names = [p.resolve().stem if p.is_file() else p.resolve().name for p in paths]
        deck = replace(content_deck(files, " + ".join(names)), name="-".join(names))
    library = load_cached(content_files(deck.content))
    problems = recipe_problems(deck, library)
    if problems:
        raise ContentError(problems)
    return Target(deck, library)
