"""Put in order: move events up and down, submit, then see them drawn to scale with your
placement against the truth and the partial-credit score."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from quizgen.questions.model import Question
from quizgen.study.catalog import StudyDeck
from quizgen.study.evaluate import evaluate_order
from quizgen.study.scheduler import Grade
from quizgen.study.session import Attempt, Session
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.screens.scrolling import SCROLL_BINDINGS, ScrollingBody
from quizgen.tui.widgets.feedback import HEADLINES
from quizgen.tui.widgets.literal import Hanging, literal, numbered
from quizgen.tui.widgets.status import session_status
from quizgen.tui.widgets.timeline_chart import MARKERS, strip

from .results import points_text

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp


GUIDE = "↑↓ pick an event · Shift+↑↓ or [ ] move it · Enter to check"


class OrderScreen(FramedScreen[None], ScrollingBody):
    BINDINGS = [
        Binding(
            "shift+up,left_square_bracket",
            "move(-1)",
            "Move up",
            key_display="⇧↑",
            id="order.up",
            tooltip="Move the highlighted event earlier",
        ),
        Binding(
            "shift+down,right_square_bracket",
            "move(1)",
            "Move down",
            key_display="⇧↓",
            id="order.down",
            tooltip="Move the highlighted event later",
        ),
        Binding(
            "enter", "submit", "Submit / next", id="order.submit", tooltip="Check this order, then go on"
        ),
        *(
            Binding(
                str(n),
                f"grade({n})",
                "Grade",
                show=False,
                id=f"order.grade{n}",
                tooltip="After checking: grade 1 Again, 2 Hard, 3 Good, 4 Easy",
            )
            for n in range(1, 5)
        ),
        Binding("escape", "finish", "End", id="order.finish", tooltip="End the session and see the results"),
        *SCROLL_BINDINGS,
    ]

    app: QuizgenApp

    def __init__(self, deck: StudyDeck, session: Session) -> None:
        super().__init__()
        self.deck = deck
        self.session = session
        self.order: list[str] = []
        self.moved = False  # an untouched order is checked only on a second Enter
        self.asked_to_move = False  # the stem says so, until an event moves
        self.answered: Attempt | None = None
        self.grade: Grade | None = None
        self.shown_at = time.monotonic()

    def compose_body(self) -> ComposeResult:
        yield Static("", id="status")
        with VerticalScroll(id="body"):
            yield Static("", id="stem", markup=False)
            yield OptionList(id="events", markup=False)
            yield Static("", id="feedback", markup=False)

    def on_mount(self) -> None:
        self.show_question()

    @property
    def question(self) -> Question | None:
        return self.session.current

    def show_question(self) -> None:
        question = self.question
        if question is None:
            return
        self.answered = None
        self.moved = self.asked_to_move = False
        self.shown_at = time.monotonic()
        self.order = [item.id for item in question.items]
        self.update_status()
        self.show_stem(GUIDE)
        self.query_one("#feedback", Static).display = False
        events = self.query_one("#events", OptionList)
        events.disabled = False
        self.draw(0)
        events.focus()
        self.refresh_bindings()

    def show_stem(self, guide: str) -> None:
        question = self.question
        assert question is not None
        stem = literal(question.stem, style="bold")
        stem.append(f"\n{guide}", style="dim")
        self.query_one("#stem", Static).update(stem)

    def update_status(self) -> None:
        session = self.session
        number = min(session.position + (0 if self.answered else 1), len(session.questions))
        self.query_one("#status", Static).update(
            session_status(
                session,
                f"Question {number} of {len(session.questions)}"
                f" · Score {points_text(session.points)}/{session.position}",
            )
        )

    def draw(self, highlight: int) -> None:
        question = self.question
        assert question is not None
        labels = {item.id: item.label for item in question.items}
        events = self.query_one("#events", OptionList)
        events.clear_options()
        events.add_options(Option(numbered(f"{n}. ", labels[i]), id=i) for n, i in enumerate(self.order, 1))
        events.highlighted = highlight

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move":
            return self.answered is None
        if action == "grade":
            return self.answered is not None
        return True

    def action_move(self, step: int) -> None:
        events = self.query_one("#events", OptionList)
        index = events.highlighted
        if self.answered is not None or index is None:
            return
        target = index + step
        if 0 <= target < len(self.order):
            self.order[index], self.order[target] = self.order[target], self.order[index]
            if self.asked_to_move:
                self.show_stem(GUIDE)  # "Nothing moved yet" is no longer so
            self.moved, self.asked_to_move = True, False
            self.draw(target)

    def on_option_list_option_selected(self, _: OptionList.OptionSelected) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.answered is not None:
            self.action_next()
            return
        if not self.moved:  # a stray Enter (or the one that opened the screen) is no answer
            self.moved = self.asked_to_move = True
            self.show_stem(
                "Nothing moved yet: Shift+↑↓ or [ ] moves the event picked · Enter again checks this order"
            )
            return
        self.show_stem(GUIDE)
        question = self.question
        assert question is not None
        outcome = evaluate_order(question, self.order)
        seconds = time.monotonic() - self.shown_at
        review_id = self.app.saved(
            self.app.progress.record,
            question,
            outcome,
            self.deck.deck.id,
            session_id=self.session.session_id,
            seconds=seconds,
        )
        self.answered = Attempt(question, outcome, seconds, review_id)
        self.session.record(self.answered)
        self.update_status()
        self.query_one("#events", OptionList).disabled = True
        self.grade = outcome.grade
        self.show_result(outcome.grade)
        self.set_focus(None)
        self.refresh_bindings()

    def show_result(self, grade: Grade) -> None:
        assert self.answered is not None
        question, outcome = self.answered.question, self.answered.outcome
        by_id = {item.id: item for item in question.items}
        truth = list(question.correct_order)
        headline, style = HEADLINES[outcome.verdict]
        head = Text()
        head.append(f"{headline} — {outcome.points:.0%} of the pairs in order\n\n", style=style)
        head.append("Drawn to scale; the numbers are your order:\n", style="dim")
        head.append_text(strip([(by_id[i].label, by_id[i].date) for i in self.order], self.size.width - 12))
        head.append("\nYour order against the truth:", style="bold")
        parts: list[RenderableType] = [head]
        for position, item_id in enumerate(self.order):
            item = by_id[item_id]
            right = truth[position] == item_id or item.date.compare(by_id[truth[position]].date) == 0
            mark = Text(" ✓ " if right else " ✗ ", style="bold green" if right else "bold red")
            row = literal(item.label)
            row.append(f"  ({item.date.label()})", style="dim")
            if not right:
                row.append(f"  → belongs at {truth.index(item_id) + 1}", style="italic")
            parts.append(Hanging(mark + f"{MARKERS[position]} ", row))  # wrapped lines under the title
        parts.append(Text(f"\nScheduled as {grade.label} · 1-4 to change · Enter for the next", style="dim"))
        view = self.query_one("#feedback", Static)
        view.update(Group(*parts))
        view.display = True
        self.reveal_feedback(view)

    def action_grade(self, number: int) -> None:
        attempt = self.answered
        grade = Grade(number)
        if attempt is None or grade == self.grade:
            return
        if self.app.regrade(attempt, self.deck.deck.id, grade, self.session.session_id):
            self.grade = grade
            self.show_result(grade)

    def action_next(self) -> None:
        if self.session.finished:
            self.action_finish()
        else:
            self.show_question()

    def action_finish(self) -> None:
        from .results import ResultsScreen

        self.app.show_instead(ResultsScreen(self.deck, self.session))
