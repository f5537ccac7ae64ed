"""Keys more than one screen binds, each made once so a student's keymap moves it everywhere."""

from __future__ import annotations

from textual.binding import Binding

# priority, so it works over every screen; listed again on the modal ones (the mode menu, the help),
# whose footers show only their own keys
QUIT = Binding(
    "ctrl+q",
    "app.quit",
    "Quit",
    id="app.quit",
    tooltip="Leave quizgen; every answer is already saved",
    priority=True,
)
