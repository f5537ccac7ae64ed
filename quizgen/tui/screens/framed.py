"""The frame of every quizgen screen: Textual's header above, quizgen's footer below."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.events import Mount
from textual.screen import Screen, ScreenResultType
from textual.widgets import Header

from quizgen.tui.widgets.footer import Footer


class FramedScreen(Screen[ScreenResultType]):
    """A screen between the header and the footer: subclasses compose only what lies between.

    The app's first screen mounts its frame just after its first frame is drawn.
    Textual parses a widget class's CSS the first time an app mounts one, and
    the header and footer were a fifth of the time from start to the first
    question on screen: the student sees the question first, its keys a frame
    later. Every later screen composes its frame with its body, so moving
    between screens never blinks the footer.
    """

    _frame_later = False

    def compose(self) -> ComposeResult:
        stack = self.app.screen_stack
        self._frame_later = bool(stack) and stack[0] is self
        if not self._frame_later:
            yield Header()
        yield from self.compose_body()
        if not self._frame_later:
            yield Footer()

    def compose_body(self) -> ComposeResult:
        """What the screen shows between its header and footer."""
        yield from ()

    @on(Mount)
    def _frame_after_first_refresh(self) -> None:
        if self._frame_later:  # asked of the screen itself: dropped if it closes first, unlike Lazy's
            self.call_after_refresh(self._mount_frame)

    async def _mount_frame(self) -> None:
        await self.mount(Header(), before=0)
        await self.mount(Footer())
        self.refresh_bindings()  # the footer draws its keys when the screen announces them
