"""A question screen's body scrolls by keys, and shows the end of an answer's feedback.

Once a question is answered nothing holds the focus (a focus change restyles
the whole screen), so the scroll keys are the screen's own; before, the
option list or the input takes them first.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen

SCROLL_BINDINGS = [
    Binding(key, f"scroll_body('{how}')", "Scroll", show=False, id=f"body.{how}", tooltip="Scroll the screen")
    for key, how in (
        ("up", "up"),
        ("down", "down"),
        ("pageup", "page_up"),
        ("pagedown", "page_down"),
        ("home", "home"),
        ("end", "end"),
    )
]


class ScrollingBody(Screen[None]):
    """A screen whose ``#body`` scrolls with the keys above."""

    def action_scroll_body(self, how: str) -> None:
        getattr(self.query_one("#body", VerticalScroll), f"scroll_{how}")(animate=False)

    def show_end_of_body(self) -> None:
        """Scroll to what was just added, once it is laid out (before, the end is the old one)."""
        body = self.query_one("#body", VerticalScroll)
        self.call_after_refresh(body.scroll_end, animate=False)
