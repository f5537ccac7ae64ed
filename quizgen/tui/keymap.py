"""A student's ``[keymap]`` checked against the bindings it can remap.

Textual ignores an id it does not know, so a typo in ``config.toml`` ("quiz.nxt")
silently remaps nothing. The ids are read from every screen's bindings, only
when the student has a keymap: no start pays for it otherwise.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping

from textual.binding import Binding

from quizgen.facts.errors import did_you_mean


def binding_ids() -> set[str]:
    """Every binding id a keymap may name: the app's and each screen's (every module of
    ``quizgen.tui.screens``, so a new screen needs no list kept here)."""
    from quizgen.tui import screens
    from quizgen.tui.app import QuizgenApp

    ids = set(_ids(QuizgenApp.BINDINGS))
    for found in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"{screens.__name__}.{found.name}")
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == module.__name__:
                ids.update(_ids(getattr(value, "BINDINGS", ())))
    return ids


def keymap_problems(keymap: Mapping[str, str]) -> list[str]:
    """A notice for each id no binding has, with the closest one."""
    known = binding_ids()
    notices = []
    for binding_id in keymap:
        if binding_id not in known:
            hint = did_you_mean(binding_id, known)
            notices.append(
                f"Settings: no key has the id {binding_id!r} in [keymap]{f' ({hint})' if hint else ''}"
            )
    return notices


def _ids(bindings: object) -> Iterator[str]:
    for binding in bindings if isinstance(bindings, (list, tuple)) else ():
        if isinstance(binding, Binding) and binding.id:
            yield binding.id
