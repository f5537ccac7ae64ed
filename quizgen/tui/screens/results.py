"""Results: the score, the time taken, every question with the answer given and the key, and one
key to retry only the mistakes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from quizgen.facts.dates import year_label
from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict
from quizgen.questions.model import Cloze, Question
from quizgen.study.catalog import StudyDeck
from quizgen.study.session import Session
from quizgen.textsafe import shortened
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.widgets.literal import literal
from quizgen.tui.widgets.timeline_chart import MARKERS

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp

MARKS = {
    Verdict.CORRECT: ("✓", "green"),
    Verdict.TYPO: ("≈", "yellow"),
    Verdict.CLOSE: ("~", "yellow"),
    Verdict.WRONG: ("✗", "red"),
}


class ResultsScreen(FramedScreen[None]):
    BINDINGS = [
        Binding(
            "r", "retry", "Retry mistakes", id="results.retry", tooltip="A new session of what you got wrong"
        ),
        Binding(  # before the table, whose Enter would select a row and do nothing else
            "escape,enter", "home", "Decks", id="results.home", tooltip="Back to your decks", priority=True
        ),
    ]

    app: QuizgenApp
    _filled_for: int | None = None  # the terminal width the rows were cut for

    def __init__(self, deck: StudyDeck, session: Session) -> None:
        super().__init__()
        self.deck = deck
        self.session = session

    def compose_body(self) -> ComposeResult:
        yield Static("", id="summary")
        yield DataTable(id="answers", cursor_type="row", zebra_stripes=True)
        yield Static("", id="row-detail")  # the highlighted row whole: the columns cut every long one

    def on_mount(self) -> None:
        session = self.session
        now = self.app.progress.clock()
        if session.session_id is not None:
            self.app.saved(
                self.app.progress.store.finish_session,
                session.session_id,
                now,
                len(session.attempts),
                session.points,
            )
        seconds = int((now - session.started).total_seconds())
        answered = len(session.attempts)
        share = session.points / answered if answered else 0.0
        points = points_text(session.points)
        score = [("Score ", "bold"), (f"{points} / {answered}", "bold"), f"  ({share:.0%})"]
        summary = Text.assemble(
            (f"{session.mode.title} · ", "bold"),
            literal(session.deck_title),
            "\n",
            # "Score 0 / 0 (0%)" read as a failed session, not as one never begun
            *(score if answered else [("Nothing answered", "bold")]),
            f" · {answered} of {len(session.questions)} answered" if answered else "",
            f" · time {seconds // 60}:{seconds % 60:02d}",
            f" · {len(session.mistakes())} to retry" if session.mistakes() else _nothing_to_retry(session),
        )
        self.query_one("#summary", Static).update(summary)
        table = self.query_one("#answers", DataTable)
        table.add_column("", key="mark")
        table.add_column("Question", key="question")
        table.add_column("Your answer", key="given")
        table.add_column("Answer", key="key")
        self.fill(table)
        table.display = bool(session.attempts)  # no header over nothing
        table.focus()

    def on_resize(self) -> None:
        """The rows were cut for the width at mount: 60 columns' cuts stayed on a wider screen, and
        a narrower one cut them without an ellipsis."""
        if self._filled_for != self.app.size.width:
            self.fill(self.query_one("#answers", DataTable))

    def fill(self, table: DataTable[Text]) -> None:
        """Every answer, cut to the width the terminal has now."""
        # the answer columns fit beside the question on an 80-column terminal: nothing scrolls away
        # (the margins, the mark column, cell padding and the table's own scroll bar)
        self._filled_for = self.app.size.width
        room = max(self.app.size.width - 16, 40)
        answer_width = room // 4
        stem_width = room - 2 * answer_width
        row = table.cursor_row
        table.clear()
        for attempt in self.session.attempts:
            mark, style = MARKS[attempt.outcome.verdict]
            question = attempt.question
            given, key = attempt.outcome.given or "—", question.answer
            if question.kind is Kind.WHICH_FIRST:  # two long titles: named by their numbers and years
                given, key = _event_by_number(question, given), _event_by_number(question, key)
            elif question.kind is Kind.ORDER and attempt.outcome.order:  # both began with one title
                given, key = (
                    _order_by_number(question, attempt.outcome.order),
                    _order_by_number(question, question.correct_order),
                )
            table.add_row(
                Text(mark, style=f"bold {style}"),
                literal(_asked(question, stem_width)),
                literal(shortened(given, answer_width)),
                literal(shortened(key, answer_width)),
            )
        if self.session.attempts:
            table.move_cursor(row=min(row, len(self.session.attempts) - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        attempts = self.session.attempts
        if not 0 <= event.cursor_row < len(attempts):
            return
        attempt = attempts[event.cursor_row]
        question, outcome = attempt.question, attempt.outcome
        given, key = outcome.given or "—", question.answer
        if question.kind is Kind.ORDER and outcome.order:
            given = _order_by_number(question, outcome.order)
            key = _order_by_number(question, question.correct_order)
        detail = Text.assemble(
            literal(_asked(question, 10**6)),
            "\n",
            ("Your answer: ", "bold"),
            literal(shortened(given, 240)),
            "  ",
            ("Answer: ", "bold"),
            literal(key),
        )
        self.query_one("#row-detail", Static).update(detail)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.session.mistakes())
        return True

    def action_retry(self) -> None:
        mistakes = self.session.retry(self.app.progress.clock())
        if not mistakes.questions:
            return
        mistakes.session_id = self.app.saved(
            self.app.progress.store.start_session,
            self.deck.deck.id,
            mistakes.mode.value,
            mistakes.started,
            retry=mistakes.is_retry,
        )
        from .modes import session_screen

        self.app.show_instead(session_screen(self.deck, mistakes))

    def action_home(self) -> None:
        self.app.go_home()


def _nothing_to_retry(session: Session) -> str:
    """ "nothing to retry" above ✗ rows read as a mistake: a card missed, then right when it came back."""
    if any(attempt.outcome.points < 1.0 for attempt in session.attempts):
        return " · nothing to retry: each card missed was right when it came back"
    return " · nothing to retry"


def points_text(points: float) -> str:
    """Whole points as whole numbers, partial credit to two decimals: 3, 4.5, 0.01."""
    return str(int(points)) if points == int(points) else f"{points:.2f}".rstrip("0").rstrip(".")


def _asked(question: Question, width: int) -> str:
    """What the question asked, in ``width`` characters and told apart from its neighbours: every
    ordering shares one stem, and a cloze is shown around its blank, not from its attribution."""
    if question.cloze:
        before, after = question.cloze.before, question.cloze.after
        side = max((width - 4) // 2, 4)
        shown_before = before if len(before) <= side else "…" + before[-(side - 1) :]
        return shortened(f"{shown_before}{Cloze.BLANK}{after}", width)
    if question.kind is Kind.WHICH_FIRST and question.options:
        half = max((width - 5) // 2, 8)
        return " ".join(f"{MARKERS[i]} {shortened(label, half)}" for i, label in enumerate(question.options))
    if question.kind is Kind.ORDER and question.items:
        shown = " ".join(f"{MARKERS[i % len(MARKERS)]} {item.label}" for i, item in enumerate(question.items))
        return shortened(f"In order: {shown}", width)
    stem = question.stem
    attribution = question.attribution or ""
    if len(stem) > width and attribution.startswith("According to ") and f"{attribution}, " in stem:
        # rows of one source all began "According to Sputnik, in what y…": its name keeps the claim
        # attributed in the room the question needs to be told apart
        stem = stem.replace(f"{attribution}, ", f"{attribution.removeprefix('According to ')}: ", 1)
    return shortened(stem, width)


def _event_by_number(question: Question, label: str) -> str:
    """ "② 2023" for the second event shown: what a row of two long titles can say in a column."""
    if label not in question.options:
        return label
    index = question.options.index(label)
    item = next((i for i in question.items if i.label == label), None)
    if item is None:
        return MARKERS[index]
    when, year = item.date.label(), year_label(item.date.year)
    same_year = any(year_label(other.date.year) == year for other in question.items if other is not item)
    if len(when) > len("1980–1988") and not same_year:  # "10 December 1903": the year will do, unless
        when = year  # both happened in it ("② 1789 | ① 1789" told a student nothing)
    return f"{MARKERS[index]} {when}"


def _order_by_number(question: Question, order: Sequence[str]) -> str:
    """ "③ ① ②": an ordering by the numbers its events had when shown, which the question column
    lists them by (two rows of long titles both cut after the first told a student nothing)."""
    shown = {item.id: MARKERS[i % len(MARKERS)] for i, item in enumerate(question.items)}
    return " ".join(shown[item_id] for item_id in order)
