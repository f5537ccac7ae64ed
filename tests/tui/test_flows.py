"""Every flow a student walks, driven with Textual's pilot; each asserts the words on screen and what
was saved."""

from __future__ import annotations

import datetime as dt
import re
import threading
from itertools import pairwise
from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Input, OptionList, Static

from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict
from quizgen.questions.model import Question
from quizgen.study.scheduler import Grade
from quizgen.study.session import Mode
from quizgen.study.settings import Settings
from quizgen.study.store import open_store
from quizgen.tui.screens.flashcards import FlashcardScreen
from quizgen.tui.screens.help import HelpScreen
from quizgen.tui.screens.home import HomeScreen
from quizgen.tui.screens.order import OrderScreen
from quizgen.tui.screens.quiz import QuizScreen
from quizgen.tui.screens.results import ResultsScreen

from .conftest import (
    ROOT,
    START,
    AppFactory,
    FakeClock,
    flashcard_count,
    flashcard_facts,
    footer_keys,
    ready,
    screen_text,
)


def deck_row(text: str, title: str = "Marie Curie") -> tuple[int, int, int, int, str]:
    """New, learning, due, learned and last score of a deck, as the home screen shows them."""
    match = re.search(rf"{re.escape(title)}\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)", text)
    assert match, text
    return int(match[1]), int(match[2]), int(match[3]), int(match[4]), match[5]


async def open_mode(pilot, number: int) -> None:
    await ready(pilot)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(str(number))
    await pilot.pause()


async def answer(pilot, screen: QuizScreen, how: str) -> None:
    """Answer the current question right, wrong, or right with a typo."""
    question = screen.question
    assert question is not None
    if question.options:
        index = (
            question.answer_index if how != "wrong" else (question.answer_index + 1) % len(question.options)
        )
        await pilot.press(str(index + 1))
    else:
        text = {
            "right": question.answer,
            "wrong": "Atlantis",
            "typo": question.answer[:-2] + question.answer[-1],
        }[how]
        await pilot.press(*text, "enter")
    await pilot.pause()


async def answered_wrong(pilot, app, count: int) -> list[Question]:
    """The next ``count`` questions of a quiz, each answered wrong and left for the next."""
    asked = []
    for _ in range(count):
        asked.append(app.screen.question)
        await answer(pilot, app.screen, "wrong")
        await pilot.press("enter")
        await pilot.pause()
    return asked


async def to_a_typed_question(pilot, app) -> None:
    """Answer the choice questions of a quiz right until one asks for a typed answer."""
    while app.screen.question.options:
        await answer(pilot, app.screen, "right")
        await pilot.press("enter")
        await pilot.pause()


async def test_home_lists_decks_with_counts(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Marie Curie" in text
        assert "New" in text
        assert "Due" in text
        assert "Learned" in text
        deck = app.decks[0]
        assert "Learning" in text
        assert flashcard_count(deck) > app.settings.new_per_day  # New shows today's share of them:
        new_today = min(flashcard_facts(deck), app.settings.new_per_day)  # one card a fact
        assert deck_row(text) == (new_today, 0, 0, 0, "—")
        assert flashcard_count(deck) < deck.bank.count()  # put-in-order is no flashcard


async def test_full_quiz_with_right_wrong_and_typo_answers(make: AppFactory) -> None:
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert "Question 1 of" in screen_text(app)
        seen = {"right": False, "wrong": False, "typo": False}
        kinds_met = []
        while not screen.session.finished:
            question = screen.question
            answers_with = OptionList if question.options else Input
            kinds_met.append(answers_with)
            shown = [w for w in screen.query("#options, #answer") if w.display]
            assert len(shown) == 1  # only what answers this question, and it has the keys
            assert isinstance(shown[0], answers_with)
            assert isinstance(app.focused, answers_with)
            spelled = question.kind in (Kind.TYPED, Kind.CLOZE) and question.answer_kind in ("entity", "text")
            if spelled and not seen["typo"] and len(question.answer) >= 6:
                how = "typo"
            else:
                how = "wrong" if not seen["wrong"] else "right"
            await answer(pilot, screen, how)
            attempt = screen.session.attempts[-1]
            text = screen_text(app)
            if attempt.outcome.verdict is Verdict.TYPO:
                seen["typo"] = True
                assert "≈ Right, with a typo" in text
                assert "Spelling:" in text
            elif attempt.outcome.verdict is Verdict.WRONG:
                seen["wrong"] = True
                assert "✗ Wrong" in text
            else:
                seen["right"] = True
                assert "✓ Correct" in text
            assert "Source:" in text
            await pilot.press("enter")
            await pilot.pause()
        assert seen == {"right": True, "wrong": True, "typo": True}
        switches = {pair for pair in pairwise(kinds_met) if pair[0] != pair[1]}
        assert switches == {(OptionList, Input), (Input, OptionList)}  # both ways in one session
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Score" in text
        assert "to retry" in text
        assert app.progress.store.review_count() == len(screen.session.attempts)


async def test_footer_keys_follow_each_step_of_a_quiz(make: AppFactory) -> None:
    """The footer rebuilds only when its keys change (quizgen.tui.widgets.footer), so it must
    still change with every step: no Next while a question waits, Next once it is answered."""
    app = make(settings=Settings(quiz_length=5))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        for _ in range(4):
            assert "End" in footer_keys(app)
            assert "Next" not in footer_keys(app)
            await answer(pilot, screen, "right")
            assert "Next" in footer_keys(app)
            await pilot.press("enter")
            await pilot.pause()


async def test_the_footer_offers_f1_for_help_while_an_answer_is_typed(make: AppFactory) -> None:
    """ "? Help" beside an answer box typed a "?" into it."""
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        await to_a_typed_question(pilot, app)
        assert isinstance(app.focused, Input)
        assert help_key(app) == "F1"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await answer(pilot, screen, "right")
        assert app.focused is None
        assert help_key(app) == "?"  # nothing typed now: "?" opens the help


async def test_a_pasted_page_as_an_answer_is_shown_back_cut_short(make: AppFactory) -> None:
    """A 2,000-character answer filled the feedback, pushing the key and the source off the screen."""
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        await to_a_typed_question(pilot, app)
        screen.query_one("#answer", Input).value = "Atlantis " * 250
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert screen.session.attempts[-1].outcome.given == "Atlantis " * 250  # judged on all of it
        assert 10 < text.count("Atlantis") < 30
        assert "…" in text
        assert "Source:" in text


def help_key(app) -> str:
    from textual.widgets._footer import FooterKey

    [key] = [key for key in app.screen.query(FooterKey) if str(key.description) == "Help"]
    return key.key_display


@pytest.mark.parametrize(("mode", "count"), [(1, "Question 1 of"), (2, "Card 1 of"), (3, "Question 1 of")])
async def test_the_status_line_keeps_its_count_on_a_narrow_terminal(
    make: AppFactory, mode: int, count: str
) -> None:
    """At 60 columns "Question 1 of" wrapped away from its "8": the deck's title gives way first."""
    app = make(decks=[ROOT / "decks" / "soleimani-timeline.yaml"])
    async with app.run_test(size=(60, 20)) as pilot:
        await open_mode(pilot, mode)
        status = app.screen.query_one("#status")
        assert status.size.height == 1
        line = screen_text(app).splitlines()[1]
        assert re.search(rf"{count} \d+ · ", line), line
        assert "…" in line  # "Qasem Soleimani — timeline", cut short


async def test_multiple_choice_by_arrows_and_enter(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        while screen.question is not None and screen.question.kind is not Kind.MULTIPLE_CHOICE:
            await answer(pilot, screen, "right")
            await pilot.press("enter")
            await pilot.pause()
        question = screen.question
        assert question is not None
        for _ in range((question.answer_index or 0) + 1):  # the first ↓ highlights option 1
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.attempts[-1].outcome.verdict is Verdict.CORRECT
        assert f"✓ {(question.answer_index or 0) + 1}  {question.answer}" in screen_text(app)


async def test_enter_pressed_twice_never_answers_the_next_choice_question(make: AppFactory) -> None:
    """The Enter that goes on from an answer, pressed twice, answered the next choice question with
    option 1 unread and saved the guess; now it asks for a choice, under the options."""
    app = make()
    async with app.run_test(size=(80, 30)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        while True:
            await answer(pilot, screen, "right")
            asked = len(screen.session.attempts)
            await pilot.press("enter", "enter")
            await pilot.pause()
            question = screen.question
            assert question is not None
            if question.options:
                break
        assert len(screen.session.attempts) == asked  # no answer taken, none saved
        assert app.progress.store.review_count() == asked
        assert screen.answered is None
        keys = "t or f" if question.kind is Kind.TRUE_FALSE else f"1–{len(question.options)}"
        hint = f"Nothing is chosen yet: press {keys}, or ↓ to an option and then Enter"
        lines = screen_text(app).splitlines()
        hint_line = next(n for n, line in enumerate(lines) if hint in line)
        last_option = max(
            n for n, line in enumerate(lines) if re.match(rf"\s*{len(question.options)}  ", line)
        )
        assert hint_line > last_option  # under the options, not above them where a typed hint was
        await pilot.press(str((question.answer_index or 0) + 1))
        await pilot.pause()
        assert screen.session.attempts[-1].outcome.verdict is Verdict.CORRECT
        assert hint not in screen_text(app)


async def test_overriding_the_proposed_grade(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        await answer(pilot, screen, "wrong")
        assert "Scheduled as Again" in screen_text(app)
        await pilot.press("3")  # "I was right"
        await pilot.pause()
        assert "Scheduled as Good" in screen_text(app)
        reviews = app.progress.store.reviews()
        assert [r.rating for r in reviews] == [3]  # the override replaced the proposal


async def test_a_double_tap_of_the_answer_key_keeps_the_grade(make: AppFactory) -> None:
    """Option 2 tapped twice answered it, then changed a right answer's Good to Hard; option 1
    twice scheduled it as forgotten. Pressed once more, the key does change the grade."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        while not (screen.question.options and screen.question.kind is not Kind.TRUE_FALSE):
            await answer(pilot, screen, "right")
            await pilot.press("enter")
            await pilot.pause()
        key = str(screen.question.answer_index + 1)
        await pilot.press(key, key)
        await pilot.pause()
        assert "Scheduled as Good" in screen_text(app)
        assert app.progress.store.reviews()[-1].rating == 3
        await pilot.press(key)
        await pilot.pause()
        if key != "3":
            assert f"Scheduled as {Grade(int(key)).label}" in screen_text(app)


async def test_flashcards_with_each_grade(make: AppFactory, clock: FakeClock) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        assert "Card 1 of" in screen_text(app)
        for grade in (1, 2, 3, 4):
            await pilot.press("space")
            await pilot.pause()
            assert "How well did you remember?" in screen_text(app) or "Proposed grade" in screen_text(app)
            await pilot.press(str(grade))
            await pilot.pause()
        ratings = [r.rating for r in app.progress.store.reviews()]
        assert ratings == [1, 2, 3, 4]
        status = screen_text(app)
        session = screen.session
        new, learning, due = map(int, re.search(r"(\d+) new · (\d+) learning · (\d+) due", status).groups())
        # the cards left in this session: those graded to come back soon at its end, the rest new
        assert new + learning + due == len({q.id for q in session.questions[session.position :]})
        cards = {q.id for q in session.questions}
        assert new == len(cards) - 4
        assert learning == len(session.questions) - len(cards) > 0
        await pilot.press("u")  # undo the Easy
        await pilot.pause()
        assert [r.rating for r in app.progress.store.reviews()] == [1, 2, 3]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    clock.advance(days=30)  # a month later everything graded is due again
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        _, learning, due, learned, _ = deck_row(screen_text(app))
        assert (learning, due, learned) == (0, 3, 0)


async def test_flashcard_footer_shows_what_each_step_can_do(make: AppFactory) -> None:
    """Keys that cannot act are hidden, not greyed: on 80 columns greyed ones pushed the grades off."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        await pilot.pause()
        assert "Reveal" in footer_keys(app)
        assert "Again" not in footer_keys(app)
        card = app.screen.card
        assert card.options  # a choice: its letters are keys, said on the card
        assert f"a–{'abcdef'[len(card.options) - 1]} to answer · space to reveal" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        keys = footer_keys(app)
        assert "Reveal" not in keys
        assert "Type answer" not in keys
        assert {"Again", "Hard", "Good", "Easy"} <= set(keys)


async def test_retrying_flashcard_mistakes_stays_in_flashcards(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        first = app.screen.card
        await pilot.press("space", "1")  # Again: a mistake
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, FlashcardScreen)
        assert retry.card.id == first.id
        assert "Card 1 of 1" in screen_text(app)


async def to_a_typed_card(pilot, screen: FlashcardScreen) -> None:
    """Know each choice card at once (Easy: it does not come back) until a card to type is shown."""
    while screen.card is not None and screen.card.options:
        await pilot.press("space", "4")
        await pilot.pause()


async def test_a_chosen_flashcard_option_is_marked_and_the_answer_hint_goes(make: AppFactory) -> None:
    """After a choice the card still said "a–d to answer · space to reveal", and neither the key
    nor the wrong choice was marked."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        while screen.card is not None and not screen.card.options:
            await pilot.press("space", "4")
            await pilot.pause()
        card = screen.card
        assert card is not None
        wrong = (card.answer_index + 1) % len(card.options)
        await pilot.press("abcd"[wrong])
        await pilot.pause()
        front = screen_text(app)
        assert "to answer" not in front
        assert f"✓ {'ABCD'[card.answer_index]}  {card.options[card.answer_index]}" in front
        assert f"✗ {'ABCD'[wrong]}  {card.options[wrong]}" in front


async def test_flashcard_answered_by_typing_proposes_a_grade(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        await to_a_typed_card(pilot, screen)
        card = screen.card
        assert card is not None
        await pilot.press("t", *card.answer, "enter")
        await pilot.pause()
        assert "Proposed grade: Good" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.progress.store.reviews()[-1].rating == 3


async def test_escape_while_typing_a_flashcards_answer_puts_the_typing_away(make: AppFactory) -> None:
    """Escape ended the whole session from the answer box; it closes the box, and a second ends it."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        await to_a_typed_card(pilot, screen)
        await pilot.press("t", "x")
        await pilot.pause()
        assert "Stop typing" in footer_keys(app)  # the footer names what Escape does now
        assert "End" not in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert "End" in footer_keys(app)
        answer = screen.query_one("#answer", Input)
        assert not answer.display
        assert answer.value == ""
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_put_in_order(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 3)
        screen = app.screen
        assert isinstance(screen, OrderScreen)
        question = screen.question
        truth = list(question.correct_order)
        for target, item in enumerate(truth):  # move each event up to where it belongs
            await pilot.press("home")
            for _ in range(screen.order.index(item)):
                await pilot.press("down")
            for _ in range(screen.order.index(item) - target):
                await pilot.press("shift+up")
        assert screen.order == truth
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Correct — 100% of the pairs in order" in text
        assert "Drawn to scale" in text
        assert screen.session.attempts[-1].outcome.points == 1.0


async def test_an_order_not_moved_is_checked_only_on_a_second_enter(make: AppFactory) -> None:
    """One stray Enter graded the shuffled list, untouched, and saved it as a review."""
    app = make(decks=[ROOT / "decks" / "soleimani-timeline.yaml"])
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 3)
        screen = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered is None
        assert app.progress.store.reviews() == []
        assert "Nothing moved yet" in " ".join(screen_text(app).split())
        await pilot.press("enter")  # as it stands, then: the student's answer
        await pilot.pause()
        assert screen.answered is not None
        assert len(app.progress.store.reviews()) == 1
        await pilot.press("enter")  # the next question starts untouched again
        await pilot.pause()
        assert screen.answered is None
        await pilot.press("enter")
        await pilot.pause()
        assert "Nothing moved yet" in " ".join(screen_text(app).split())
        await pilot.press("shift+down")
        await pilot.pause()
        assert "Nothing moved yet" not in " ".join(screen_text(app).split())  # it has now
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered is not None  # moved: one Enter checks it
        assert len(app.progress.store.reviews()) == 2


async def test_order_partial_credit_is_shown(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 3)
        screen = app.screen
        question = screen.question
        screen.order = list(question.correct_order)[::-1]
        screen.draw(0)
        await pilot.press("enter", "enter")  # an order not moved by keys is checked on a second Enter
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Wrong — 0% of the pairs in order" in text
        assert "belongs at" in text


@pytest.mark.parametrize("mode", [2, 3])  # flashcards, put in order
async def test_an_answers_feedback_is_brought_into_view_from_its_verdict(make: AppFactory, mode: int) -> None:
    """On a small terminal the feedback runs past the screen: it is shown from its top, where the
    verdict is (not scrolled to its end, past the verdict), and the scroll keys reach the rest
    though nothing holds the focus."""
    app = make()
    async with app.run_test(size=(60, 16)) as pilot:
        await open_mode(pilot, mode)
        await pilot.press(*(["space"] if mode == 2 else ["enter", "enter"]))
        body = app.screen.query_one("#body")
        feedback = app.screen.query_one("#back" if mode == 2 else "#feedback")
        for _ in range(50):  # scrolled once the feedback is laid out, and drawn after that
            await pilot.pause(0.01)
            if body.max_scroll_y > 0 and body.scroll_y == min(body.max_scroll_y, feedback.virtual_region.y):
                break
        await pilot.pause(0.05)
        assert body.scroll_y == min(body.max_scroll_y, feedback.virtual_region.y) > 0
        first_words = "Answer:" if mode == 2 else "of the pairs in order"
        last_words = "· 4 Easy" if mode == 2 else "1-4 to change"  # the footer has "4 Easy" too
        assert first_words in screen_text(app)
        if feedback.virtual_region.height > body.size.height:  # taller than the screen: the rest below
            assert last_words not in screen_text(app)
        await pilot.press("end")
        await pilot.pause(0.05)
        assert last_words in screen_text(app)
        await pilot.press("home")
        await pilot.pause(0.05)
        assert body.scroll_y == 0


async def test_which_came_first(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 4)
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.session.mode is Mode.WHICH_FIRST
        question = screen.question
        await pilot.press(str(question.answer_index + 1))
        await pilot.pause()
        text = screen_text(app)
        assert "✓ Correct" in text
        # the two events drawn on a timeline, numbered as the options were
        for marker, option in zip("①②", question.options, strict=True):
            assert re.search(rf"{marker} [^\n]*{re.escape(option[:30])}", text), (marker, option)


async def test_results_tell_which_came_first_rows_apart_on_80_columns(make: AppFactory) -> None:
    """Every row read "Which came first? The Iran-Iraq W…": the events, then answers by number and year."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 4)
        question = app.screen.question
        wrong = 1 - question.answer_index
        await pilot.press(str(wrong + 1))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        dates = {item.label: str(item.date.year) for item in question.items}
        row = next(line for line in screen_text(app).splitlines() if "✗" in line)
        assert "Which came first?" not in row
        assert re.search(rf"{'①②'[wrong]} [^①②]*{dates[question.options[wrong]]}", row)
        key = question.answer_index
        assert re.search(rf"{'①②'[key]} [^①②]*{dates[question.options[key]]}", row)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_results_never_scroll_sideways_and_show_the_highlighted_row_whole(
    make: AppFactory, size: tuple[int, int]
) -> None:
    """A which-came-first row widened the question column for every row: at 120 columns the
    answer column read "the", "mat", "200" until the table was scrolled right."""
    app = make(decks=[ROOT / "decks" / "soleimani.yaml"], settings=Settings(quiz_length=15))
    async with app.run_test(size=size) as pilot:
        await open_mode(pilot, 1)
        asked = await answered_wrong(pilot, app, 15)
        assert isinstance(app.screen, ResultsScreen)
        first = next(n for n, q in enumerate(asked) if q.kind is Kind.WHICH_FIRST)
        assert max(len(q.answer) for q in asked) > 40  # with long answers beside it
        table = app.screen.query_one("#answers", DataTable)
        assert table.max_scroll_x == 0
        await pilot.press(*["down"] * first)
        await pilot.pause()
        detail = " ".join(str(app.screen.query_one("#row-detail", Static).content).split())
        assert all(label in detail for label in asked[first].options)  # both titles, uncut
        assert f"Answer: {asked[first].answer}" in detail


async def test_results_tell_put_in_order_rows_apart_by_the_numbers_of_their_events(make: AppFactory) -> None:
    """Both answer columns showed the first title cut short, often the same one: an ordering is
    named by the numbers its events were shown with, which the question column lists them by."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 3)
        question = app.screen.question
        shown = [item.id for item in question.items]
        assert tuple(shown) != question.correct_order  # submitted as shown: a wrong order
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        markers = "①②③④⑤⑥⑦⑧⑨⑩"
        given = " ".join(markers[: len(shown)])
        key = " ".join(markers[shown.index(item_id)] for item_id in question.correct_order)
        row = next(line for line in screen_text(app).splitlines() if "In order" in line)
        assert f"In order: ① {question.items[0].label[:8]}" in row
        assert row.index(given) < row.rindex(key), row


async def test_put_in_order_feedback_wraps_each_title_under_itself(make: AppFactory) -> None:
    """Long titles wrapped to the frame's edge, under the marks, and the rows ran together."""
    app = make(decks=[ROOT / "decks" / "soleimani-timeline.yaml"])
    async with app.run_test(size=(80, 80)) as pilot:
        await open_mode(pilot, 3)
        await pilot.press("enter", "enter")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        start = next(n for n, line in enumerate(lines) if "Your order against the truth" in line)
        end = next(n for n, line in enumerate(lines) if "Scheduled as" in line)
        rows = [line.split("│")[1] for line in lines[start + 1 : end] if line.split("│")[1].strip()]
        assert len(rows) > len(app.screen.question.items)  # some title wraps at 80 columns
        for row in rows:  # inside the frame: its padding, then " ✓ ① " or as many spaces
            assert row.lstrip().startswith(("✓ ", "✗ ")) or row.startswith(" " * 6), row


async def test_year_guess_with_closeness_points(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 5)
        screen = app.screen
        question = screen.question
        assert question.kind is Kind.YEAR_GUESS
        await pilot.press(*str(question.date.year + 1), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "of the points" in text
        assert "your guess" in text
        assert 0 < screen.session.attempts[-1].outcome.points < 1


async def test_a_right_year_guess_is_one_point_on_the_timeline(make: AppFactory) -> None:
    """The guess and the answer were drawn as two markers side by side, the year at both ends."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 5)
        question = app.screen.question
        await pilot.press(*str(question.date.year), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "①" in text
        assert "②" not in text
        assert f"the answer (your guess: {question.date.year})" in text


async def test_a_date_typed_with_slashes_is_asked_again_not_marked(
    make: AppFactory, clock: FakeClock
) -> None:
    """ "3/1/2020" was marked wrong, a review lost, for a way of writing that reads two ways."""
    from quizgen.study.session import Mode, Session
    from quizgen.tui.screens.modes import session_screen

    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        deck = app.decks[0]
        question = next(
            q
            for q in deck.bank.questions(deck.bank.ids())
            if q.kind is Kind.TYPED and q.answer_kind == "date" and q.date and q.date.first.day
        )
        app.push_screen(session_screen(deck, Session(Mode.QUIZ, deck.title, [question], clock())))
        await pilot.pause()
        screen = app.screen
        day = question.date.first
        await pilot.press(*f"{day.day}/{day.month}/{day.year}", "enter")
        await pilot.pause()
        assert screen.answered is None
        assert app.progress.store.reviews() == []
        shown = " ".join(screen_text(app).split())
        assert "could be read two ways: write the month as a word, such as" in shown
        assert str(day.year) not in shown.split("such as")[1][:20]  # no example that is the answer
        await pilot.press(*["backspace"] * 12, *question.answer, "enter")
        await pilot.pause()
        assert screen.answered.outcome.points == 1


async def test_a_stray_enter_or_an_unreadable_year_is_asked_again_not_marked(make: AppFactory) -> None:
    """A review saved as Again for an empty line would cost the student a card's progress."""
    app = make()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_mode(pilot, 5)
        screen = app.screen
        assert screen.question.kind is Kind.YEAR_GUESS
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered is None
        shown = " ".join(screen_text(app).split())
        assert "Type your answer; Enter on an empty line again shows it" in shown
        await pilot.press(*'[link="]', "enter")  # quoted back in the hint: never read as markup
        await pilot.pause()
        assert screen.answered is None
        assert app.progress.store.reviews() == []
        assert '[link="]' in " ".join(screen_text(app).split())
        await pilot.press(*["backspace"] * 8, "enter")  # empty again: "I don't know"
        await pilot.pause()
        assert screen.answered is not None
        assert "Type your answer" not in screen_text(app)  # the hint goes with the question
        assert screen.answered.outcome.points == 0
        assert len(app.progress.store.reviews()) == 1
        given_up = screen_text(app)
        assert "(no answer given)" in given_up  # not a complaint about a malformed date
        assert "①" not in given_up  # no timeline with the answer alone on it
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"soon", "enter")
        await pilot.pause()
        assert "Cannot read 'soon'" in screen_text(app)
        await pilot.press("escape")  # clearing the words clears what was said of them
        await pilot.pause()
        assert "Cannot read" not in screen_text(app)
        await pilot.press(*"later", "enter")
        await pilot.pause()
        assert "Cannot read 'later'" in screen_text(app)
        await pilot.press("ctrl+u")  # deleting them so does too, before the next is typed
        await pilot.pause()
        assert "Cannot read" not in screen_text(app)


async def test_results_and_retry_mistakes(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        right = 0
        while not screen.question.options:  # a choice to get wrong: its retry reshuffles the options
            await answer(pilot, screen, "right")
            await pilot.press("enter")
            right += 1
        await answer(pilot, screen, "wrong")
        wrong = screen.session.attempts[-1].question
        await pilot.press("enter")
        await answer(pilot, screen, "right")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert f"Score {right + 1} / {right + 2}" in text
        assert "1 to retry" in text
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        [again] = retry.session.questions
        assert again.id == wrong.id
        assert again.answer == wrong.answer
        assert again.options[again.answer_index] == wrong.options[wrong.answer_index]
        if wrong.kind is not Kind.TRUE_FALSE:  # a new order: where the key was is no test of it
            assert sorted(again.options) == sorted(wrong.options)
            assert again.options != wrong.options
        assert "Question 1 of 1" in screen_text(app)
        await answer(pilot, retry, "right")
        await pilot.press("escape")
        await pilot.pause()
        assert "Score 1 / 1" in screen_text(app)
        last = app.progress.store.last_score(app.decks[0].deck.id)
        assert last == (right + 1) / (right + 2)  # home's Last: the session's


async def test_a_session_ended_before_any_answer_says_so_not_zero_percent(make: AppFactory) -> None:
    """ "Score 0 / 0 (0%)" over an empty table read as a failed session."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 2)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "Nothing answered" in text
        assert "0 / 0" not in text
        assert "0%" not in text
        assert not app.screen.query_one("#answers", DataTable).display


async def test_enter_on_the_results_goes_back_to_the_decks_as_its_help_says(make: AppFactory) -> None:
    """The table of answers holds the focus, and took Enter for itself."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        await answer(pilot, app.screen, "right")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_results_show_the_right_answer_on_80_columns(make: AppFactory) -> None:
    """The bundled subject's long stems once pushed the answer column off the screen."""
    app = make(decks=[ROOT / "decks" / "soleimani.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 1)
        asked = await answered_wrong(pilot, app, 4)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        rows = [line for line in screen_text(app).splitlines() if "✗" in line]
        assert len(rows) == 4
        assert max(len(q.stem) for q in asked) > 40  # long enough to have crowded the answers out
        for question, row in zip(asked, rows, strict=True):
            assert question.answer[:8] in row, row


async def test_the_results_are_cut_again_for_a_resized_terminal(make: AppFactory) -> None:
    """The rows kept the cuts of the width they were first drawn at: a wider terminal showed them
    cut short, a narrower one cut them without an ellipsis."""
    app = make(decks=[ROOT / "decks" / "soleimani.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 1)
        for number in range(6):
            if number:
                await pilot.press("enter")
                await pilot.pause()
            await answer(pilot, app.screen, "wrong" if app.screen.question.options else "right")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        keys = [attempt.question.answer for attempt in app.screen.session.attempts]
        long_key = next(key for key in keys if 16 < len(key) <= 26)  # cut at 80 columns, whole at 120
        assert long_key not in screen_text(app)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert long_key in screen_text(app)


async def test_a_long_sessions_score_stays_above_its_scrolling_answers(make: AppFactory) -> None:
    """After about 18 answers at 80x24 the score line scrolled away with the rows, for good, and the
    table's scroll bar pushed the answer column past the edge."""
    app = make(decks=[ROOT / "decks" / "soleimani.yaml"])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 2)
        for _ in range(20):
            await pilot.press("space", "3")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        keys = [attempt.question.answer for attempt in app.screen.session.attempts]
        assert len(keys) == 20
        await pilot.press(*["down"] * 25)  # the cursor to the last row
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert any(line.strip().startswith("Score") for line in lines)
        last_row = next(line for line in reversed(lines) if "✓" in line)
        assert keys[-1][:8] in last_row, "\n".join(lines)


async def test_stats(make: AppFactory, clock: FakeClock) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        for how in ("right", "wrong"):
            await answer(pilot, app.screen, how)
            await pilot.press("enter")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")
        await pilot.pause()
        text = screen_text(app)
        assert "2 reviews" in text
        assert "accuracy 50%" in text
        assert "Reviews per day" in text
        assert "Cards due in the coming days" in text


async def test_help_lists_every_key(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        await answer(pilot, app.screen, "wrong")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Retry mistakes" in text
        assert "Quit" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_f1_opens_the_help_over_the_mode_menu_as_its_help_says(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_the_mode_menu_counts_todays_flashcards_not_the_whole_deck(make: AppFactory) -> None:
    """ "Flashcards (28)" when a session could offer 20 of them today."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        deck = app.decks[0]
        line = next(line for line in screen_text(app).splitlines() if "Flashcards" in line)
        new_today = min(flashcard_facts(deck), app.settings.new_per_day)
        today = f"today: 0 due, 0 learning, {new_today} new of {flashcard_count(deck)}"
        assert today in line, line


async def test_a_mode_with_nothing_to_ask_says_so_when_picked(make: AppFactory, deck_folder: Path) -> None:
    """A deck without events offers no timeline question: its number did nothing, without a word."""
    content = (deck_folder / "curie.yaml").read_text()
    plain = deck_folder / "curie-without-events.yaml"
    plain.write_text(content[: content.index("events:")] + content[content.index("claims:") :])
    app = make(decks=[plain])
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("enter", "3")
        await pilot.pause()
        assert type(app.screen).__name__ == "ModeMenu"  # still choosing
        assert "Put in order: this deck has nothing to ask that way" in " ".join(
            screen_text(app).replace("▌", " ").split()
        )


@pytest.mark.parametrize("over", ["mode menu", "help"])
async def test_quit_and_help_reach_over_the_menu_and_the_help(make: AppFactory, over: str) -> None:
    """Ctrl+Q and ? work over a modal screen too, and its own footer offers Quit (it showed only
    the modal screen's keys: Back and Help, or Close)."""
    from quizgen.tui.screens.help import HelpScreen
    from quizgen.tui.screens.modes import ModeMenu

    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter" if over == "mode menu" else "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ModeMenu if over == "mode menu" else HelpScreen)
        assert "Quit" in footer_keys(app)
        if over == "mode menu":
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            assert "Quit" in footer_keys(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code is not None  # the app has exited


async def test_the_help_lists_no_sideways_moves_for_a_list_but_keeps_them_for_typing(
    make: AppFactory,
) -> None:
    """The decks' help offered "Cursor left" and "Page Left" for a table that only moves by rows."""
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 50)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app).lower()
        assert "cursor up" in text
        assert "left" not in text
        assert "right" not in text
        await pilot.press("escape")
        await open_mode(pilot, 1)
        await to_a_typed_question(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "left" in text.lower()  # in an answer box ← moves the cursor
        assert "Move cursor right" in text
        assert "accept the completion" not in text  # no answer box suggests any


async def test_the_mode_menu_shows_its_own_keys_and_its_help_each_once(make: AppFactory) -> None:
    """Beneath the menu the decks' footer offered s Stats and b Timeline, which did nothing there."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "esc Back" in bottom
        assert "Stats" not in bottom
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert len(re.findall(r"\?, f1\s+Help", text)) == 1  # both keys on one row, the app's not again
        assert len(re.findall(r"\bHelp\b", text)) == 1
        assert re.search(r"1, 2, 3, 4, 5, 6\s+Start", text)


async def test_the_decks_counts_stay_in_view_on_60_columns(make: AppFactory) -> None:
    """A long title pushed the Last column off the screen; the title gives way instead."""
    app = make()
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        header = next(line for line in screen_text(app).splitlines() if "Learned" in line)
        assert header.rstrip().endswith("Last")


async def test_decks_whose_titles_begin_alike_are_told_apart_on_60_columns(make: AppFactory) -> None:
    """Both bundled decks read "Qasem Soleimani —…" and "Qasem Soleimani": cut at the end, the
    word that told them apart was the one cut."""
    app = make(decks=[ROOT / "decks" / "soleimani.yaml", ROOT / "decks" / "soleimani-timeline.yaml"])
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "Qasem Soleimani — timeline" not in text  # too long for the room: cut
        assert re.search(r"Qasem.*….*timeline", text)


async def test_a_flashcards_keys_fit_80_columns_once_a_grade_is_proposed(make: AppFactory) -> None:
    """Grades, Accept, Undo, End, Quit and Help: the palette's key gives way below 100 columns."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_mode(pilot, 2)
        await pilot.press("space", "1")  # a first card graded: Undo is offered from now on
        await pilot.pause()
        screen = app.screen
        if screen.card.options:
            await pilot.press("a")  # answered: a grade proposed, to accept with Enter
        else:
            await pilot.press("t", "x", "enter")
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert "Accept" in bottom
        assert "? Help" in bottom
        assert "palette" not in bottom
    wide = make()
    async with wide.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "palette" in screen_text(wide).splitlines()[-1]


async def test_the_palettes_key_follows_the_terminals_width(make: AppFactory) -> None:
    """Shown from 100 columns, from the first frame on, and coming and going as the terminal is resized."""
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "palette" not in screen_text(app).splitlines()[-1]
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "palette" in screen_text(app).splitlines()[-1]
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "palette" not in screen_text(app).splitlines()[-1]


async def test_browse_timeline(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await pilot.pause()
        text = screen_text(app)
        assert "3 events" in text
        assert "Marie Curie receives the Nobel Prize in Physics" in text
        assert text.index("moves to Paris") < text.index("Nobel Prize in Physics") < text.index("Chemistry")
        assert re.search(
            r"1911 ●\s+1911\s+Marie Curie receives the Nobel Prize in Chemistry", text
        )  # its own year


async def test_quitting_mid_session_keeps_every_answer(make: AppFactory, tmp_path: Path) -> None:
    data = tmp_path / "progress"
    store = open_store(data, now=START)
    app = make(data=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        for how in ("right", "wrong", "right"):
            await answer(pilot, app.screen, how)
            await pilot.press("enter")
        answered = {a.question.id for a in app.screen.session.attempts}
        await pilot.press("ctrl+q")
    store.close()
    reopened = open_store(data, now=START)
    assert {r.question_id for r in reopened.reviews()} == answered
    app = make(data=reopened)
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        new, learning, due, learned, _ = deck_row(screen_text(app))
        # the three facts answered wait for tomorrow, and their three cards took today's room
        assert new == min(flashcard_facts(app.decks[0]), app.settings.new_per_day) - 3
        assert due == 0  # answered and scheduled: not due again yet
        assert learning + learned == 3
    reopened.close()


async def test_content_markup_is_shown_literally(make: AppFactory, deck_folder: Path) -> None:
    path = deck_folder / "curie.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "name: Warsaw", 'name: "[bold]War[/]saw [@click=app.quit]x[/]"'
    )
    path.write_text(text, encoding="utf-8")
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        for _ in range(len(screen.session.questions)):
            if "[bold]War[/]saw" in screen_text(app):
                break
            await pilot.press("space", "3")
            await pilot.pause()
        assert "[bold]War[/]saw [@click=app.quit]x[/]" in screen_text(app)
        assert app.is_running


async def test_command_palette_offers_the_screens_keys(make: AppFactory) -> None:
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Stats")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Reviews per day" in screen_text(app)


async def test_the_palette_lists_quizgens_keys_not_the_widgets_moves(make: AppFactory) -> None:
    """It listed "Down", "First", "Focus Next" and "Copy selected text", each with itself as help."""
    app = make()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert "End" in titles
        assert not {"Down", "First", "Last", "Focus Next", "Copy selected text"} & set(titles)
        assert all(command.title != command.help for command in commands)


async def test_true_or_false_by_capital_letters_too(make: AppFactory) -> None:
    """With Caps Lock on, T and F did nothing."""
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        for _ in range(20):
            if screen.question.kind is Kind.TRUE_FALSE:
                break
            await answer(pilot, screen, "right")
            await pilot.press("enter")
            await pilot.pause()
        question = screen.question
        assert question.kind is Kind.TRUE_FALSE
        await pilot.press("T" if question.answer == "True" else "F")
        await pilot.pause()
        assert screen.session.attempts[-1].question.id == question.id
        assert screen.session.attempts[-1].outcome.points == 1.0


async def test_escape_in_a_typed_answer_clears_it_before_it_ends_the_session(make: AppFactory) -> None:
    """Escape to clear the box ended the whole session at once; and "?" is a letter there, so F1
    opens the help."""
    app = make(settings=Settings(quiz_length=20))
    async with app.run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 1)
        screen = app.screen
        for _ in range(20):
            if not screen.question.options:
                break
            await answer(pilot, screen, "right")
            await pilot.press("enter")
            await pilot.pause()
        assert not screen.question.options
        await pilot.press("x", "y")
        await pilot.pause()
        assert "Clear" in footer_keys(app)
        assert "End" not in footer_keys(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#answer", Input).value == ""
        assert "End" in footer_keys(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_keymap_from_settings_remaps_keys(make: AppFactory) -> None:
    app = make(settings=Settings(keymap={"home.stats": "x"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "Reviews per day" not in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert "Reviews per day" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert re.search(r"\bx\s+Stats — ", screen_text(app))


async def test_a_remapped_quit_works_over_the_mode_menu_too(make: AppFactory) -> None:
    """The modal screens list Quit again, by the app's id: a keymap moves it there as well."""
    app = make(settings=Settings(keymap={"app.quit": "ctrl+x"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ModeMenu"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code is None
        await pilot.press("ctrl+x")
        await pilot.pause()
        assert app.return_code is not None


async def test_an_unknown_key_id_or_theme_in_the_settings_is_said_at_its_line(
    make: AppFactory, tmp_path: Path
) -> None:
    """Textual ignores both without a word: a typo in config.toml would remap nothing, silently."""
    config = tmp_path / "config.toml"
    config.write_text('# mine\ntheme = "no-such-theme"\n[keymap]\n"home.stats" = "x"\n"quiz.nxt" = "n"\n')
    app = make(settings=Settings(theme="no-such-theme", keymap={"quiz.nxt": "n", "home.stats": "x"}))
    app.config.settings_dir = tmp_path
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await ready(pilot)
        await pilot.pause(0.1)
        text = "".join(screen_text(app).replace("▌", " ").split())  # a long path wraps anywhere
        assert (
            f"{config}:5:1:nokeyhastheid'quiz.nxt'in[keymap](didyoumean'quiz.next'?)".replace(" ", "") in text
        )
        assert "home.stats" not in text  # a known id is no problem
        assert f"{config}:2:1:nothemeiscalled'no-such-theme'".replace(" ", "") in text


def test_a_key_id_guessed_from_the_footer_is_pointed_to_its_real_id() -> None:
    """ "home.timeline", after the footer's "b Timeline", was hinted as 'home.open' by spelling."""
    from quizgen.tui.keymap import keymap_problems

    [notice] = keymap_problems({"home.timeline": "t", "home.stats": "x"}, lambda key: "config.toml:4:1")
    assert notice == (
        "config.toml:4:1: no key has the id 'home.timeline' in [keymap]"
        " (did you mean 'home.browse', the Timeline key?)"
    )


async def test_theme_choice_is_saved(make: AppFactory, tmp_path: Path) -> None:
    from quizgen.study.settings import load_settings

    app = make()
    app.config.settings_dir = tmp_path
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(tmp_path).theme == "nord"


async def test_a_theme_chosen_in_the_app_keeps_the_rest_of_the_students_file(
    make: AppFactory, tmp_path: Path
) -> None:
    """The app read defaults (quiz_length cannot be read); choosing a theme must not write them back."""
    config = tmp_path / "config.toml"
    config.write_text("# mine\nnew_per_day = 50\nquiz_length = 30x\n", encoding="utf-8")
    app = make()
    app.config.settings_dir = tmp_path
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert (
        config.read_text(encoding="utf-8") == '# mine\nnew_per_day = 50\nquiz_length = 30x\ntheme = "nord"\n'
    )


async def test_starting_straight_in_a_mode(make: AppFactory) -> None:
    app = make()
    app.config.start_mode = "quiz"
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert "Question 1 of" in screen_text(app)
        await back_to_the_decks(pilot)


async def back_to_the_decks(pilot) -> None:
    """End the session, leave its results, and land on the decks with the deck listed."""
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ResultsScreen)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    text = screen_text(pilot.app)
    assert "Your decks" in text
    assert "Marie Curie" in text


async def test_starting_in_a_mode_opens_the_first_deck_the_home_screen_lists(
    make: AppFactory, deck_folder: Path
) -> None:
    """`quizgen study --mode quiz` with no deck named: the main deck, not a subdeck whose file
    name happens to sort first."""
    subdeck = deck_folder / "a-curie-timeline.yaml"
    subdeck.write_text("title: Marie Curie — timeline\nid: 424243\ncontent: [curie.yaml]\n", encoding="utf-8")
    app = make([subdeck, deck_folder / "curie-deck.yaml"])
    app.config.start_mode = "quiz"
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.session.deck_title == "Marie Curie"


async def test_a_built_deck_opens_straight_into_its_mode(make: AppFactory) -> None:
    """Once a run has built the deck's bank, the next start shows the question at once: the quiz is
    the first screen, with no worker to wait for, and the decks are built on the way back."""
    async with make().run_test(size=(100, 40)) as pilot:
        await ready(pilot)  # builds the bank, as a first run does
    app = make()
    app.config.start_mode = "quiz"
    async with app.run_test(size=(100, 40)) as pilot:
        assert [type(screen) for screen in app.screen_stack] == [QuizScreen]
        assert not app.workers
        await pilot.pause()
        assert "Question 1 of" in screen_text(app)
        await back_to_the_decks(pilot)
        await pilot.press("enter", "1")  # and from the decks, a new session as usual
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await back_to_the_decks(pilot)


@pytest.mark.parametrize("bank", ["to build", "built"])
async def test_starting_in_a_mode_with_nothing_due_lands_on_the_decks(make: AppFactory, bank: str) -> None:
    if bank == "built":  # the deck opens before the app has a screen: the notice must still show
        async with make().run_test(size=(100, 40)) as pilot:
            await ready(pilot)
    app = make(settings=Settings(quiz_length=6, new_per_day=0))
    app.config.start_mode = "flashcards"
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await ready(pilot)
        text = " ".join(screen_text(app).replace("▌", " ").split())
        assert "Nothing is due, and new cards are set to none a day" in text
        assert "Your decks" in text
        assert "Marie Curie" in text


async def test_a_card_graded_again_comes_back_in_the_same_session(make: AppFactory) -> None:
    """fsrs has it due in a minute: leaving the student with "nothing is due" would skip its steps."""
    app = make(settings=Settings(quiz_length=6, new_per_day=2))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        first = screen.session.current
        await pilot.press("space", "1")  # Again
        await pilot.pause()
        assert screen.session.questions[-1] == first
        assert "Card 2 of 3" in screen_text(app)
        await pilot.press("u")  # undone: shown again now, and not a second time at the end
        await pilot.pause()
        assert screen.session.questions.count(first) == 1
        await pilot.press("space", "1", "space", "4")  # Again, then the second card known
        await pilot.pause()
        assert screen.session.current == first  # the end of the session: the card graded Again
        await pilot.press("space", "4")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        # "nothing to retry" above its ✗ row read as a mistake forgotten
        shown = " ".join(screen_text(app).split())
        assert "nothing to retry: each card missed was right when it came back" in shown, shown


async def test_a_grade_the_disk_refused_is_not_shown_again_for_ever(
    make: AppFactory, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unsaved, the card keeps its old schedule (overdue, perhaps): put back, it would never leave."""
    import sqlite3

    async with make(settings=Settings(quiz_length=6, new_per_day=1)).run_test(size=(100, 40)) as pilot:
        await open_mode(pilot, 2)
        await pilot.press("space", "4")  # known: due again in days
        await pilot.pause()
    clock.advance(days=60)  # now overdue
    app = make(settings=Settings(quiz_length=6, new_per_day=0))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        length = len(screen.session.questions)
        assert length == 1  # the overdue card alone

        def refused(*_: object, **__: object) -> int:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(app.progress, "record", refused)
        await pilot.press("space", "1")
        await pilot.pause()
        assert len(screen.session.questions) == length
        assert "could not be saved" in " ".join(screen_text(app).replace("▌", " ").split())


@pytest.mark.parametrize(
    ("soonest", "said"),
    [
        (dt.timedelta(hours=3), "the next card is due {day}at {time}, or take a quiz"),
        (dt.timedelta(days=2), "come back tomorrow, or take a quiz"),
        (None, "come back tomorrow, or take a quiz"),
    ],
)
def test_nothing_due_says_when_the_next_card_is(soonest: dt.timedelta | None, said: str) -> None:
    from quizgen.tui.screens.modes import nothing_due

    now = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    due = None if soonest is None else now + soonest
    message = nothing_due(20, 20, due, now)
    assert message.startswith("Nothing is due, and today's 20 new cards are done (a quiz answer starts")
    day = "" if due is None or due.astimezone().date() == now.astimezone().date() else "tomorrow "
    assert message.endswith(said.format(time=f"{due.astimezone():%H:%M}" if due else "", day=day) + ".")


async def test_new_counts_are_what_todays_limit_still_allows(make: AppFactory) -> None:
    """The home screen said "New 274" and flashcards "274 new" beside "Card 1 of 20"."""
    app = make(settings=Settings(quiz_length=6, new_per_day=3))
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        home = app.screen.query_one("#decks", DataTable)
        assert str(home.get_cell_at(Coordinate(0, 1))) == "3"
        await open_mode(pilot, 2)
        assert "Card 1 of 3 · 3 new" in screen_text(app)
        await pilot.press("space", "4")
        await pilot.pause()
        assert "Card 2 of 3 · 2 new" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        while not isinstance(app.screen, HomeScreen):
            await pilot.press("escape")
            await pilot.pause()
        assert str(app.screen.query_one("#decks", DataTable).get_cell_at(Coordinate(0, 1))) == "2"


async def test_flashcards_say_when_todays_new_cards_are_done(make: AppFactory) -> None:
    """Not "nothing is due" alone while the deck still holds new cards: the day's share is done."""
    app = make(settings=Settings(quiz_length=6, new_per_day=2))
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_mode(pilot, 2)
        for _ in range(2):  # the day's two new cards, known at once: the session ends on its results
            await pilot.press("space", "4")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter", "2")
        await pilot.pause(0.1)
        text = " ".join(screen_text(app).replace("▌", " ").split())
        assert "Nothing is due, and today's 2 new cards are done" in text


def test_the_year_hint_never_shows_the_answer() -> None:
    """The hint said "A year (1998, 44 BC)" beside "In what year did Soleimani take command of the
    Quds Force?", whose answer is 1998."""
    import random

    from quizgen.facts.loader import load_library
    from quizgen.questions.generate import generate
    from quizgen.tui.screens.quiz import PLACEHOLDERS, example_year

    library = load_library([ROOT / "content" / "soleimani.yaml"])
    guesses = [q for q in generate(library, random.Random(0)) if q.kind is Kind.YEAR_GUESS]
    assert any(q.answer == "1998" for q in guesses)
    for question in guesses:
        hint = PLACEHOLDERS[Kind.YEAR_GUESS].format(example=example_year(question))
        assert question.answer not in hint, (question.id, hint)


def held_loading(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Decks whose bank is still being built: they load in the worker once the event is set."""
    from quizgen.tui import app as app_module

    release = threading.Event()
    load = app_module.load_study_deck

    def held(path: Path, seed: int) -> object:
        release.wait(5)
        return load(path, seed)

    monkeypatch.setattr(app_module, "ready_study_deck", lambda path, seed: None)
    monkeypatch.setattr(app_module, "load_study_deck", held)
    return release


async def test_enter_while_the_decks_load_opens_the_deck_once_loaded(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spinner's screen already says "Enter opens a deck"; an Enter pressed then was lost."""
    from quizgen.tui.screens.modes import ModeMenu

    release = held_loading(monkeypatch)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.decks is None
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, ModeMenu):
                break
        assert isinstance(app.screen, ModeMenu)


@pytest.mark.parametrize("then", ["help", "start in a mode"])
async def test_an_enter_while_loading_is_dropped_once_another_screen_is_over_the_decks(
    make: AppFactory, monkeypatch: pytest.MonkeyPatch, then: str
) -> None:
    """Enter, then ? while loading: the mode menu opened over the help once the decks came; with
    a session asked for at start, under the session."""
    from quizgen.tui.screens.modes import ModeMenu

    release = held_loading(monkeypatch)
    app = make()
    if then == "start in a mode":
        app.config.start_mode = "quiz"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        if then == "help":
            await pilot.press("question_mark")
        await pilot.pause()
        release.set()
        for _ in range(100):
            await pilot.pause(0.02)
            if app.decks is not None and not isinstance(app.screen, HomeScreen):
                break
        await pilot.pause(0.1)
        assert not any(isinstance(screen, ModeMenu) for screen in app.screen_stack)
        assert isinstance(app.screen, HelpScreen if then == "help" else QuizScreen)


async def test_the_deck_table_fits_a_terminal_made_smaller(make: AppFactory) -> None:
    """From 120 columns down to 60, the Deck column kept its width and the Last column was cut
    off; started at 60 columns, the same table fitted."""
    decks = [ROOT / "decks" / "soleimani.yaml", ROOT / "decks" / "soleimani-timeline.yaml"]
    app = make(decks=decks)
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        fresh = screen_text(app)
    app = make(decks=decks)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        shrunk = screen_text(app)
    header = next(line for line in fresh.splitlines() if "Learned" in line)
    assert "Last" in header
    assert next(line for line in shrunk.splitlines() if "Learned" in line) == header
    assert [line for line in shrunk.splitlines() if "Qasem" in line] == [
        line for line in fresh.splitlines() if "Qasem" in line
    ]


async def test_a_grade_key_before_the_card_is_revealed_says_why_it_did_nothing(make: AppFactory) -> None:
    """A quiz answers by number; on a flashcard 1 did nothing and said nothing."""
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_mode(pilot, 2)
        screen = app.screen
        assert isinstance(screen, FlashcardScreen)
        for with_options in (True, False):  # a choice's card, and a card to recall
            while screen.card is not None and bool(screen.card.options) != with_options:
                await pilot.press("space", "3")
                await pilot.pause()
            assert screen.card is not None
            reviews = len(app.progress.store.reviews())
            assert "1–4 grade" not in screen_text(app)
            await pilot.press("1")
            await pilot.pause()
            assert not screen.revealed
            assert len(app.progress.store.reviews()) == reviews
            assert "1–4 grade a card once it is revealed" in " ".join(screen_text(app).split())
            await pilot.press("space")
            await pilot.pause()
            assert "1–4 grade a card once" not in " ".join(screen_text(app).split())  # said, and done
            await pilot.press("3")  # revealed, the same key grades
            await pilot.pause()
            assert len(app.progress.store.reviews()) == reviews + 1
