"""Flashcards: the front, Space to reveal, then grade 1-4 (Again, Hard, Good, Easy).

A card can also be answered (t to type, or a number for a choice): the answer
is checked and a grade proposed, which Enter accepts or 1-4 overrides. Due and
new counts follow the schedule as cards are graded.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict
from quizgen.questions.model import Question
from quizgen.study.catalog import StudyDeck
from quizgen.study.evaluate import Outcome, evaluate_choice, evaluate_text
from quizgen.study.scheduler import Grade
from quizgen.study.session import Attempt, Session, card_counts, due_soon
from quizgen.tui.screens.framed import FramedScreen
from quizgen.tui.screens.scrolling import SCROLL_BINDINGS, ScrollingBody
from quizgen.tui.widgets.feedback import feedback
from quizgen.tui.widgets.literal import Hanging, literal
from quizgen.tui.widgets.status import session_status

from .quiz import CHOICE_KINDS

if TYPE_CHECKING:
    from quizgen.tui.app import QuizgenApp

LETTERS = "ABCDEF"


class FlashcardScreen(FramedScreen[None], ScrollingBody):
    BINDINGS = [
        Binding("space", "reveal", "Reveal", id="cards.reveal", tooltip="Show the answer"),
        Binding("t", "type", "Type answer", id="cards.type", tooltip="Answer in words and let quizgen check"),
        Binding("1", "grade(1)", "Again", id="cards.again", tooltip="Forgot it: see it again soon"),
        Binding("2", "grade(2)", "Hard", id="cards.hard", tooltip="Remembered with effort"),
        Binding("3", "grade(3)", "Good", id="cards.good", tooltip="Remembered"),
        Binding("4", "grade(4)", "Easy", id="cards.easy", tooltip="Remembered at once"),
        Binding("enter", "accept", "Accept", id="cards.accept", tooltip="Take the proposed grade"),
        *(
            Binding(
                letter,
                f"choose({index})",
                f"Option {letter.upper()}",
                show=False,
                id=f"cards.option{index}",
                tooltip="Answer with this option",
            )
            for index, letter in enumerate("abcd")
        ),
        Binding(
            "u", "undo", "Undo", id="cards.undo", tooltip="Take the last grade back and show that card again"
        ),
        Binding(  # before End: while an answer is typed, Escape puts the typing away first
            "escape",
            "stop_typing",
            "Stop typing",
            id="cards.stop_typing",
            tooltip="While typing: put the answer away (Escape again ends the session)",
        ),
        Binding("escape", "finish", "End", id="cards.finish", tooltip="End the session and see the results"),
        *SCROLL_BINDINGS,
    ]

    app: QuizgenApp

    def __init__(self, deck: StudyDeck, session: Session) -> None:
        super().__init__()
        self.deck = deck
        self.session = session
        self.revealed = False
        self.outcome: Outcome | None = None  # set when the card was answered, not just revealed
        self.shown_at = time.monotonic()

    def compose_body(self) -> ComposeResult:
        yield Static("", id="status")
        with VerticalScroll(id="body"):
            yield Static("", id="front", markup=False)
            yield Input(id="answer", placeholder="Your answer, then Enter")
            yield Static("", id="back", markup=False)

    def on_mount(self) -> None:
        self.query_one("#answer", Input).cursor_blink = False
        self.show_card()

    @property
    def card(self) -> Question | None:
        return self.session.current

    def show_card(self) -> None:
        card = self.card
        if card is None:
            self.action_finish()
            return
        self.revealed, self.outcome = False, None
        self.shown_at = time.monotonic()
        self.update_status()
        self.query_one("#front", Static).update(_front(card))
        self.query_one("#back", Static).display = False
        answer = self.query_one("#answer", Input)
        answer.display = False
        answer.value = ""
        self.set_focus(None)
        self.refresh_bindings()

    def on_key(self, event: events.Key) -> None:
        """A grade key on a card not yet revealed does nothing: say why, on the card."""
        card = self.card
        if event.key in ("1", "2", "3", "4") and card is not None and not self.revealed and not self.typing:
            self.query_one("#front", Static).update(_front(card, graded_early=True))

    def update_status(self) -> None:
        """The cards left in this session, by state: the deck's counts ("13 learning · 11 due")
        did not add up beside "Card 1 of 19", the session taking one card a fact."""
        session = self.session
        stored = self.app.progress.store.cards()
        ahead = list(dict.fromkeys(question.id for question in session.questions[session.position :]))
        cards = [stored[question_id] for question_id in ahead if question_id in stored]
        numbers = card_counts(len(ahead) - len(cards), cards, self.app.progress.clock())
        self.query_one("#status", Static).update(
            session_status(
                session,
                f"Card {min(session.position + 1, len(session.questions))} of {len(session.questions)}"
                f" · {numbers.new} new · {numbers.learning} learning · {numbers.due} due",
            )
        )

    # -- revealing and answering ---------------------------------------------

    def action_reveal(self) -> None:
        if self.card is not None and not self.revealed:
            self.reveal(None)

    def action_type(self) -> None:
        card = self.card
        if card is None or self.revealed or card.kind in CHOICE_KINDS:
            return
        answer = self.query_one("#answer", Input)
        answer.display = True
        answer.focus()
        self.refresh_bindings()

    def action_choose(self, index: int) -> None:
        card = self.card
        if card is not None and not self.revealed and card.kind in CHOICE_KINDS and index < len(card.options):
            self.reveal(evaluate_choice(card, index))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        card = self.card
        if card is not None and not self.revealed:
            self.reveal(
                evaluate_text(card, event.value, self.deck.vocabulary) if event.value.strip() else None
            )

    def reveal(self, outcome: Outcome | None) -> None:
        card = self.card
        assert card is not None
        self.revealed, self.outcome = True, outcome
        back = self.query_one("#back", Static)
        if outcome is not None:
            text = feedback(card, outcome, None, self.size.width - 12)
            text.append("\nProposed grade: ")
            text.append(outcome.grade.label, style="bold")
            text.append(" · Enter to accept · 1 Again · 2 Hard · 3 Good · 4 Easy", style="dim")
        else:
            text = Text("Answer: ")
            text.append_text(literal(card.answer, style="bold"))
            if card.accepted:
                text.append_text(literal(f"  (also: {', '.join(card.accepted[:4])})", style="dim"))
            text.append("\n")
            text.append_text(literal(card.source_line(), style="dim"))
            if card.kind is Kind.TRUE_FALSE and card.statement:
                text.append("\n")
                text.append_text(literal(f"In fact: {card.statement}"))
            text.append("\n\nHow well did you remember? 1 Again · 2 Hard · 3 Good · 4 Easy", style="dim")
        back.update(text)
        back.display = True
        # the key marked, and the option chosen; the lines on how to answer (or grade) are spent
        chosen = card.options.index(outcome.given) if outcome and outcome.given in card.options else None
        self.query_one("#front", Static).update(_front(card, revealed=True, chosen=chosen))
        self.query_one("#answer", Input).display = False
        self.set_focus(None)
        self.reveal_feedback(back)
        self.refresh_bindings()

    # -- grading --------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        card = self.card
        if action == "grade":
            return self.revealed
        if action == "accept":
            return self.revealed and self.outcome is not None
        if action == "choose":
            return card is not None and not self.revealed and card.kind in CHOICE_KINDS
        if action in ("reveal", "type"):  # False hides a key; None would show it greyed, in the way
            if card is None or self.revealed:
                return False
            return action == "reveal" or card.kind not in CHOICE_KINDS
        if action == "undo":
            return any(a.review_id for a in self.session.attempts)
        if action in ("stop_typing", "finish"):  # one Escape at a time, and the footer names it
            return self.typing == (action == "stop_typing")
        return True

    @property
    def typing(self) -> bool:
        """The answer box is open on an unanswered card."""
        return self.query_one("#answer", Input).display and not self.revealed

    def action_accept(self) -> None:
        if self.revealed and self.outcome is not None:
            self.action_grade(int(self.outcome.grade))

    def action_grade(self, number: int) -> None:
        card = self.card
        if card is None or not self.revealed:
            return
        grade = Grade(number)
        outcome = self.outcome or Outcome(
            points=1.0 if grade >= Grade.HARD else 0.0,
            verdict=_verdict_for(grade),
            grade=grade,
            given="",
        )
        seconds = time.monotonic() - self.shown_at
        review_id = self.app.saved(
            self.app.progress.record,
            card,
            outcome,
            self.deck.deck.id,
            grade=grade,
            session_id=self.session.session_id,
            seconds=seconds,
        )
        # saved, and due again within the sitting: shown again at its end (a grade the disk refused
        # leaves the card as it was, perhaps overdue: it would come back for ever)
        stored = self.app.saved(self.app.progress.store.cards, [card.id]) if review_id is not None else None
        card_now = (stored or {}).get(card.id)
        again_later = card_now is not None and due_soon(card_now, self.app.progress.clock())
        self.session.record(Attempt(card, outcome, seconds, review_id, again_later=again_later))
        self.show_card()

    def action_undo(self) -> None:
        """Take back the last grade: the card is scheduled as before and shown again."""
        attempt = self.session.undo()
        if attempt is None:
            return
        if attempt.review_id is not None:
            self.app.saved(self.app.progress.store.undo, attempt.review_id)
        self.show_card()

    def action_stop_typing(self) -> None:
        answer = self.query_one("#answer", Input)
        answer.value, answer.display = "", False
        self.set_focus(None)
        self.refresh_bindings()

    def action_finish(self) -> None:
        from .results import ResultsScreen

        self.app.show_instead(ResultsScreen(self.deck, self.session))


def _verdict_for(grade: Grade) -> Verdict:
    """A card graded without an answer: Again counts as wrong, the rest as remembered."""
    return Verdict.WRONG if grade is Grade.AGAIN else Verdict.CORRECT


def _front(
    card: Question, *, revealed: bool = False, chosen: int | None = None, graded_early: bool = False
) -> Group:
    """The card's question, and its options lettered; once revealed, the key marked ✓ and a wrong
    choice ✗, without the line saying how to answer. ``graded_early``: a grade key was pressed
    before the card was revealed (a quiz answers by number: here the numbers grade)."""
    parts: list[RenderableType] = [literal(card.cloze.text if card.cloze else card.stem, style="bold")]
    for index, option in enumerate(card.options):
        if revealed and index == card.answer_index:
            mark = Text("✓ ", style="bold green")
        elif revealed and index == chosen:
            mark = Text("✗ ", style="bold red")
        else:
            mark = Text("  ")
        parts.append(Hanging(mark + literal(f"{LETTERS[index]}  "), literal(option)))
    if card.options and not revealed:  # the letters are keys: the footer has no room for four more
        last = LETTERS[len(card.options) - 1].lower()
        early = "1–4 grade a card once it is revealed: " if graded_early else ""
        parts.append(Text(f"\n{early}a–{last} to answer · space to reveal", style="dim"))
    elif graded_early and not revealed:
        parts.append(Text("\n1–4 grade a card once it is revealed: space to reveal", style="dim"))
    return Group(*parts)
