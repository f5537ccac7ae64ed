"""Textual's footer, rebuilt only when the keys it shows change.

Textual rebuilds every key of its footer each time a screen says its bindings
may have changed: on every focus move, every widget enabled or disabled, and
every explicit refresh. Answering one quiz question sends six such notices, and
rebuilding the footer six times was most of the time from an answer to the next
question. The keys shown change at most twice (question, then feedback), so
this footer compares what it would show with what it shows and rebuilds only
on a difference.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

WIDE = 100  # columns from which the command palette's key is shown too


class Footer(TextualFooter):
    """The footer every quizgen screen shows: Textual's, without the rebuilds that change nothing."""

    _shown: Hashable | None = None

    def compose(self) -> ComposeResult:
        """Below 100 columns the palette's key gives its room to the screen's keys (Ctrl+P still
        opens it, and the help says so). Decided as the keys are drawn: the footer spans the
        terminal, whose width is known before the footer's own first resize."""
        self.set_reactive(TextualFooter.show_command_palette, self.app.size.width >= WIDE)
        yield from super().compose()

    async def on_resize(self) -> None:
        await self.recompose()  # only when the palette's key comes or goes

    async def recompose(self) -> None:
        shown = self._keys_to_show()
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()

    def _keys_to_show(self) -> Hashable:
        """Everything ``compose`` draws from: each shown binding as displayed, and the footer's options."""
        if not self.is_attached:
            return None
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.action,
                binding.description,
                binding.group,
                enabled,
                tooltip,
            )
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )
        palette = app.size.width >= WIDE and app.ENABLE_COMMAND_PALETTE
        return (keys, self.compact, palette, app.COMMAND_PALETTE_BINDING)
