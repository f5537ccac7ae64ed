"""A session of questions answered one by one: choices by number or arrows, typed answers in an
input, true/false by key. Each answer is checked, saved, and explained before the next."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from quizgen.facts.model import Kind
from quizgen.questions.answers import NO_ANSWER
from quizgen.questions.model import Question
from quizgen.study.catalog import StudyDeck
from quizgen.study.evaluate import Outcome, evaluate_choice, evaluate_text, unreadable
from quizgen.study.scheduler import Grade
from quizgen.study.session import Attempt, Session
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.screens.scrolling import SCROLL_BINDINGS, ScrollingBody
from quizgen.tui.widgets.feedback import feedback
from quizgen.tui.widgets.literal import literal, numbered
from quizgen.tui.widgets.status import session_status

from .results import points_text

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp

CHOICE_KINDS = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE, Kind.WHICH_FIRST)
AnswerWidget = TypeVar("AnswerWidget", OptionList, Input)
PLACEHOLDERS = {
    Kind.TYPED: "Type your answer, then Enter",
    Kind.CLOZE: "Fill in the blank, then Enter",
    Kind.YEAR_GUESS: "A year ({example}), then Enter",
}
EXAMPLE_YEARS = (1066, 1492, 1815)
EXAMPLE_BC_YEARS = (44, 753)  # written "44 BC"


def example_year(question: Question) -> str:
    """Years to show how to write one, far from the answer: "1998" once was the answer itself."""
    answer = question.date.year if question.date is not None else 0
    year = max(EXAMPLE_YEARS, key=lambda y: abs(y - answer))
    bc = max(EXAMPLE_BC_YEARS, key=lambda y: abs(1 - y - answer))  # 44 BC is the year -43
    return f"{year}, {bc} BC"


class QuizScreen(FramedScreen[None], ScrollingBody):
    AUTO_FOCUS = ""  # show_question focuses what the question needs; a stray focus restyles the screen
    BINDINGS = [
        Binding("enter", "next", "Next", id="quiz.next", tooltip="The next question (after answering)"),
        Binding(  # before End: Escape first clears what is typed, as in every text box
            "escape",
            "clear_answer",
            "Clear",
            id="quiz.clear",
            tooltip="Clear what you typed (Escape again ends the session)",
        ),
        Binding("escape", "finish", "End", id="quiz.finish", tooltip="End the session and see the results"),
        *(
            Binding(
                str(n),
                f"number({n})",
                "Choose or grade",
                show=False,
                id=f"quiz.number{n}",
                tooltip="Before answering: choose option n. After: grade 1 Again, 2 Hard, 3 Good, 4 Easy",
            )
            for n in range(1, 7)
        ),
        Binding("t,T", "truth(1)", "True", show=False, id="quiz.true", tooltip="Answer True"),
        Binding("f,F", "truth(2)", "False", show=False, id="quiz.false", tooltip="Answer False"),
        *SCROLL_BINDINGS,
    ]

    app: QuizgenApp

    def __init__(self, deck: StudyDeck, session: Session) -> None:
        super().__init__()
        self.deck = deck
        self.session = session
        self.answered: Attempt | None = None
        self._had_text = False
        self.grade: Grade | None = None
        self._empty_once = False  # an empty Enter was met once on this question: the next one gives up
        self._answered_by: int | None = None  # the number key that answered, until pressed again
        self.shown_at = time.monotonic()

    def compose_body(self) -> ComposeResult:
        yield Static("", id="status")
        with VerticalScroll(id="body"):
            yield Static("", id="stem", markup=False)
            if self.question is not None:  # what the first question needs; the other when one needs it
                yield _new_choices() if self.question.kind in CHOICE_KINDS else _new_input()
            yield Static("", id="feedback", markup=False)

    def on_mount(self) -> None:
        self.show_question()

    # -- drawing ------------------------------------------------------------

    @property
    def question(self) -> Question | None:
        return self.session.current

    def show_question(self) -> None:
        question = self.question
        if question is None:
            return
        self.answered, self.grade = None, None
        self._empty_once = False
        self._answered_by = None
        self.shown_at = time.monotonic()
        self.update_status()
        self.query_one("#stem", Static).update(literal(question.stem, style="bold"))
        self.query_one("#feedback", Static).display = False
        is_choice = question.kind in CHOICE_KINDS
        for unused in self.query(Input if is_choice else OptionList):
            unused.display = False
        if is_choice:
            options = self.choices()
            options.set_options(
                Option(numbered(f"{n}  ", text), id=str(n - 1)) for n, text in enumerate(question.options, 1)
            )
            options.focus()  # nothing highlighted: see Choices
        else:
            answer = self.typed()
            answer.value = ""
            answer.placeholder = PLACEHOLDERS.get(question.kind, "Your answer").format(
                example=example_year(question)
            )
            answer.focus()
        self.refresh_bindings()

    def choices(self) -> OptionList:
        """The options, shown; mounted the first time a question offers some."""
        shown = self._shown(OptionList)
        return shown if shown is not None else self._mounted(_new_choices())

    def typed(self) -> Input:
        """The input, shown; mounted the first time a question asks for a typed answer."""
        shown = self._shown(Input)
        return shown if shown is not None else self._mounted(_new_input())

    def _shown(self, kind: type[AnswerWidget]) -> AnswerWidget | None:
        for widget in self.query(kind):
            widget.display = True
            widget.disabled = False
            return widget
        return None

    def _mounted(self, widget: AnswerWidget) -> AnswerWidget:
        self.query_one("#body").mount(widget, before="#feedback")
        return widget

    def update_status(self) -> None:
        session = self.session
        number = min(session.position + (0 if self.answered else 1), len(session.questions))
        self.query_one("#status", Static).update(
            session_status(
                session,
                f"Question {max(number, 1)} of {len(session.questions)}"
                f" · Score {points_text(session.points)}/{session.position}",
            )
        )

    # -- answering ----------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if self.answered is None and event.option_id is not None:
            self.choose(int(event.option_id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        question = self.question
        if self.answered is not None or question is None:
            return
        problem = unreadable(question, event.value)
        if problem is not None and not (problem == NO_ANSWER and self._empty_once):
            # asked again, not marked: an empty Enter twice is "I don't know" and shows the answer
            if problem == NO_ANSWER:
                self._empty_once = True
                hint = "Type your answer; Enter on an empty line again shows it"
            elif question.kind is Kind.YEAR_GUESS:
                hint = f"{problem[:1].upper()}{problem[1:]}: type one year, such as {example_year(question)}"
            else:
                hint = f"{problem[:1].upper()}{problem[1:]}"
            self.show_hint(hint)
            return
        self.submit(evaluate_text(question, event.value, self.deck.vocabulary))

    def on_choices_nothing_chosen(self, event: Choices.NothingChosen) -> None:
        question = self.question
        if self.answered is None and question is not None:
            keys = "t or f" if question.kind is Kind.TRUE_FALSE else f"1–{len(question.options)}"
            self.show_hint(f"Nothing is chosen yet: press {keys}, or ↓ to an option and then Enter")

    def show_hint(self, hint: str) -> None:
        """Why an answer was not taken, under what answers the question (a notice in the corner stayed
        over the feedback once the answer was taken); made the first time one is needed."""
        body = self.query_one("#body")
        answering = next(widget for widget in body.query("#answer, #options") if widget.display)
        shown = self.query("#answer-hint")
        if shown:
            made = shown.first(Static)
            made.update(hint)
            made.display = True
            body.move_child(made, after=answering)
            return
        # the hint may quote what was typed: never markup
        body.mount(Static(hint, id="answer-hint", classes="hint", markup=False), after=answering)

    def hide_hint(self) -> None:
        for shown in self.query("#answer-hint"):
            shown.display = False

    def choose(self, index: int) -> None:
        question = self.question
        if question is not None and 0 <= index < len(question.options):
            self.submit(evaluate_choice(question, index))

    def submit(self, outcome: Outcome) -> None:
        """Save the answer first (it survives anything after this line), then explain it."""
        question = self.question
        assert question is not None
        seconds = time.monotonic() - self.shown_at
        review_id = self.app.saved(
            self.app.progress.record,
            question,
            outcome,
            self.deck.deck.id,
            session_id=self.session.session_id,
            seconds=seconds,
        )
        attempt = Attempt(question, outcome, seconds, review_id)
        self.session.record(attempt)
        self.hide_hint()
        self.answered, self.grade = attempt, outcome.grade
        self.mark_options(question, outcome)
        for answer in self.query(Input):
            answer.disabled = True
            answer.display = False  # the feedback repeats what was typed
        self.show_feedback()
        self.update_status()
        self.set_focus(None)
        self.refresh_bindings()

    def mark_options(self, question: Question, outcome: Outcome) -> None:
        """Keep the options in view, marked: the key with ✓, a wrong choice with ✗."""
        if not question.options:
            return
        options = self.query_one("#options", OptionList)
        chosen = outcome.checked.given if outcome.checked else None
        marked = []
        for number, text in enumerate(question.options, 1):
            right = number - 1 == question.answer_index
            mark = "✓" if right else "✗" if text == chosen else " "
            marked.append(Option(numbered(f"{mark} {number}  ", text, style="bold" if right else "")))
        options.set_options(marked)
        options.disabled = True

    def show_feedback(self) -> None:
        assert self.answered is not None
        view = self.query_one("#feedback", Static)
        view.update(feedback(self.answered.question, self.answered.outcome, self.grade, self.size.width - 12))
        view.display = True
        self.reveal_feedback(view)

    # -- actions ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        question = self.question if self.answered is None else self.answered.question
        if action == "next":
            return self.answered is not None
        if action == "truth":
            return self.answered is None and question is not None and question.kind is Kind.TRUE_FALSE
        if action in ("clear_answer", "finish"):  # one Escape at a time, and the footer names it
            return self._typed() == (action == "clear_answer")
        return True

    def _typed(self) -> bool:
        """Words are in the answer box of an unanswered question."""
        boxes = self.query(Input)
        return self.answered is None and any(box.display and box.value for box in boxes)

    def on_input_changed(self, event: Input.Changed) -> None:
        if not event.value:
            self.hide_hint()  # it was about the words now deleted (Ctrl+U, Backspace)
        if bool(event.value) != self._had_text:  # the first letter typed, or the last one deleted
            self._had_text = bool(event.value)
            self.refresh_bindings()

    def action_clear_answer(self) -> None:
        for box in self.query(Input):
            box.value = ""
        self.hide_hint()  # it was about the words cleared

    def action_number(self, number: int) -> None:
        if self.answered is None:
            self.choose(number - 1)
            self._answered_by = number if self.answered is not None else None
        elif number == self._answered_by:
            # the answer's own key pressed twice: a double tap, not "schedule it as Hard"; once
            # more, it does change the grade
            self._answered_by = None
        elif number <= 4:
            self._answered_by = None
            self.regrade(Grade(number))

    def action_truth(self, number: int) -> None:
        self.choose(number - 1)

    def regrade(self, grade: Grade) -> None:
        """The student overrides the proposed grade; the schedule follows at once."""
        attempt = self.answered
        if attempt is None or grade == self.grade:
            return
        if self.app.regrade(attempt, self.deck.deck.id, grade, self.session.session_id):
            self.grade = grade
            self.show_feedback()

    def action_next(self) -> None:
        if self.answered is None:
            return
        if self.session.finished:
            self.action_finish()
        else:
            self.show_question()

    def action_finish(self) -> None:
        from .results import ResultsScreen

        self.app.show_instead(ResultsScreen(self.deck, self.session))


class Choices(OptionList):
    """A question's options, none highlighted until the student moves to one.

    With the first option highlighted, the Enter that goes on from an answer,
    pressed twice or held a moment too long, answered the next question with
    option 1 before it was read, and saved that guess to the schedule. Enter
    with nothing highlighted asks for a choice instead.
    """

    class NothingChosen(Message):
        """Enter was pressed before any option was highlighted."""

    def action_select(self) -> None:
        if self.highlighted is None:
            self.post_message(self.NothingChosen())
        else:
            super().action_select()


def _new_choices() -> Choices:
    return Choices(id="options", markup=False)


def _new_input() -> Input:
    made = Input(id="answer")
    made.cursor_blink = False
    return made
