"""A question screen's body scrolls by keys, and brings an answer's feedback into view.

Once a question is answered nothing holds the focus (a focus change restyles
the whole screen), so the scroll keys are the screen's own; before, the
option list or the input takes them first.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget

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

    def reveal_feedback(self, feedback: Widget) -> None:
        """Scroll to the feedback just shown, once it is laid out: to its end when all of it fits,
        else to its top, for its first line is the verdict."""
        body = self.query_one("#body", VerticalScroll)

        def reveal() -> None:
            body.scroll_to(y=min(body.max_scroll_y, feedback.virtual_region.y), animate=False, immediate=True)

        self.call_after_refresh(self.call_after_refresh, reveal)  # after the layout the update starts
