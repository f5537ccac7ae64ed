"""A student's ``[keymap]`` checked against the bindings it can remap.

Textual ignores an id it does not know, so a typo in ``config.toml`` ("quiz.nxt")
silently remaps nothing. The ids are read from every screen's bindings, only
when the student has a keymap: no start pays for it otherwise.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping

from textual.binding import Binding

from quizgen.facts.errors import did_you_mean


def bindings_by_id() -> dict[str, Binding]:
    """Every binding a keymap may name, by id: the app's and each screen's (every module of
    ``quizgen.tui.screens``, so a new screen needs no list kept here)."""
    from quizgen.tui import screens
    from quizgen.tui.app import QuizgenApp

    found = dict(_with_ids(QuizgenApp.BINDINGS))
    for listed in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{listed.name}")
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                found.update(_with_ids(getattr(value, "BINDINGS", ())))
    return found


def keymap_problems(keymap: Mapping[str, str], place: Callable[[str], str]) -> list[str]:
    """A notice for each id no binding has, at the line ``place`` finds it, with the closest one."""
    known = bindings_by_id()
    notices = []
    for binding_id in keymap:
        if binding_id not in known:
            named = _named_as(binding_id, known)
            hint = f"did you mean {named!r}, the {known[named].description} key?" if named else None
            hint = hint or did_you_mean(binding_id, known)
            told = f"{place(binding_id)}: no key has the id {binding_id!r} in [keymap]"
            notices.append(f"{told} ({hint})" if hint else told)
    return notices


def _named_as(binding_id: str, known: Mapping[str, Binding]) -> str | None:
    """The id of the key of that screen the footer names so: "home.timeline" is the key the home
    screen's footer calls Timeline, whose id is "home.browse" (a spelling hint said "home.open")."""
    screen, _, name = binding_id.rpartition(".")
    wanted = name.replace("_", " ").replace("-", " ").casefold()
    return next(
        (
            found
            for found, binding in known.items()
            if found.rpartition(".")[0] == screen and binding.description.casefold() == wanted
        ),
        None,
    )


def _with_ids(bindings: object) -> Iterator[tuple[str, Binding]]:
    for binding in bindings if isinstance(bindings, (list, tuple)) else ():
        if isinstance(binding, Binding) and binding.id:
            yield binding.id, binding
