"""Help: every key of the screen below it and of the app, with what each does."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from quizgen.tui.bindings import QUIT
from quizgen.tui.widgets.footer import Footer


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q,f1", "dismiss", "Close", id="help.close", tooltip="Close the help"),
        QUIT,
    ]

    def __init__(self, below: Screen) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self.keys(), markup=False)
            yield Static(
                "Escape closes · Ctrl+P opens the command palette · themes: Ctrl+P, then “theme”",
                classes="hint",
                markup=False,
            )
        yield Footer()  # its own keys over the screen beneath's, which do nothing here

    def keys(self) -> Table:
        """The screen's keys and the app's (as the student's keymap sets them), then the keys of the
        widget in focus (moving in a list, scrolling)."""
        table = Table(expand=True, show_edge=False, box=None, padding=(0, 1))
        table.add_column("Key", style="bold cyan", no_wrap=True, min_width=8)
        table.add_column("Does", ratio=1)
        keymap: dict[str, str] = (getattr(self.app, "settings", None) and self.app.settings.keymap) or {}
        rows: dict[str, list[str]] = {}
        taken: set[str] = set()  # a key the screen binds is the screen's, not the app's
        for source in (self.below, self.app):
            bound: set[str] = set()  # one key may do two things on a screen, each in its state
            for binding in source.BINDINGS:
                if isinstance(binding, Binding) and binding.description:
                    keys = keymap.get(binding.id or "", binding.key)
                    free = ",".join(k for k in keys.split(",") if k.strip() not in taken)
                    bound.update(k.strip() for k in keys.split(","))
                    if free:
                        _add(rows, binding, free, self.app.get_key_display)
            taken |= bound
        navigation: dict[str, list[str]] = {}
        for active in self.below.active_bindings.values():
            # every quizgen list and table fits its width: "Cursor left", "Page Left" were noise there,
            # not in an answer box
            sideways = not isinstance(active.node, Input) and any(
                side in active.binding.action for side in ("left", "right")
            )
            if active.node not in (self.below, self.app) and active.binding.description and not sideways:
                binding = active.binding
                if isinstance(active.node, Input) and active.node.suggester is None:
                    # no answer box suggests completions: the promise of one was a puzzle
                    description = binding.description.replace(" or accept the completion suggestion", "")
                    binding = replace(binding, description=description)
                _add(navigation, binding, binding.key, self.app.get_key_display)
        table.add_row(Text(""), Text("This screen", style="bold underline"))
        for text, displays in rows.items():
            table.add_row(Text(", ".join(displays)), Text(text))
        if navigation:
            table.add_row(Text(""), Text(""))
            table.add_row(Text(""), Text("In the list or text in focus", style="bold underline"))
            for text, displays in navigation.items():
                table.add_row(Text(", ".join(displays)), Text(text))
        return table

    async def action_dismiss(self, result: object = None) -> None:
        self.dismiss(None)


def _add(rows: dict[str, list[str]], binding: Binding, keys: str, display: Callable[[Binding], str]) -> None:
    text = binding.description
    if binding.tooltip and binding.tooltip != binding.description:
        text += f" — {binding.tooltip}"
    shown = rows.setdefault(text, [])
    for key in keys.split(","):
        label = (
            binding.key_display
            if binding.key_display and key == binding.key.split(",")[0]
            else display(Binding(key.strip(), binding.action))
        )
        if label not in shown:
            shown.append(label)
