"""Scheduling, grading proposals, session building and settings."""

from __future__ import annotations

import datetime as dt
import random
import tomllib
from pathlib import Path

import pytest

from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.answers import Verdict
from quizgen.questions.generate import generate
from quizgen.questions.model import Question
from quizgen.study.evaluate import evaluate_choice, evaluate_order, evaluate_text
from quizgen.study.progress import Progress
from quizgen.study.scheduler import Grade, Scheduler
from quizgen.study.session import counts, flashcards, one_per_fact, quiz
from quizgen.study.settings import Settings, SettingsError, load_settings, save_setting, save_settings
from quizgen.study.stats import compute
from quizgen.study.store import open_store

NOW = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)
DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    return generate(load_library([DATA / "curie.yaml"]), random.Random(0), present_year=2026)


def test_a_fixed_rating_sequence_gives_fixed_intervals() -> None:
    """The reference sequence from fsrs's own behaviour; a change of library or parameters shows here."""
    scheduler = Scheduler(0.9)
    card = scheduler.card("q", None, NOW)
    dues = []
    for grade in (Grade.GOOD, Grade.GOOD, Grade.GOOD, Grade.AGAIN, Grade.GOOD, Grade.EASY):
        card = scheduler.review(card, grade, card.due)
        dues.append(card.due)
    gaps = [
        round((later - earlier).total_seconds() / 60)
        for earlier, later in zip([NOW, *dues], dues, strict=False)
    ]
    assert gaps == [10, 2 * 24 * 60, 11 * 24 * 60, 10, 2 * 24 * 60, 8 * 24 * 60]


def test_proposed_grades(questions: list[Question]) -> None:
    typed = next(q for q in questions if q.kind is Kind.TYPED and q.answer == "Warsaw")
    assert evaluate_text(typed, "Warsaw").grade is Grade.GOOD
    assert evaluate_text(typed, "Warsw").grade is Grade.HARD
    assert evaluate_text(typed, "Paris").grade is Grade.AGAIN
    choice = next(q for q in questions if q.kind is Kind.MULTIPLE_CHOICE)
    assert evaluate_choice(choice, choice.answer_index).grade is Grade.GOOD
    year = next(q for q in questions if q.kind is Kind.YEAR_GUESS)
    near = evaluate_text(year, str(year.date.year + 1))
    assert near.verdict is Verdict.CLOSE
    assert near.grade is Grade.HARD
    order = next(q for q in questions if q.kind is Kind.ORDER)
    assert evaluate_order(order, order.correct_order).grade is Grade.GOOD
    assert evaluate_order(order, order.correct_order[::-1]).grade is Grade.AGAIN


def test_progress_records_and_regrades(tmp_path: Path, questions: list[Question]) -> None:
    typed = next(q for q in questions if q.kind is Kind.TYPED)
    with open_store(tmp_path, now=NOW) as store:
        progress = Progress(store, Scheduler(), clock=lambda: NOW)
        outcome = evaluate_text(typed, "nonsense")
        review_id = progress.record(typed, outcome, deck_id=1)
        assert store.cards()[typed.id].due == NOW + dt.timedelta(minutes=1)
        progress.regrade(review_id, typed, outcome, 1, Grade.EASY)
        assert [r.rating for r in store.reviews()] == [4]
        assert store.cards()[typed.id].due > NOW + dt.timedelta(days=1)


def test_siblings_never_share_a_session(questions: list[Question]) -> None:
    chosen = quiz(questions, random.Random(3), length=50)
    facts = [q.fact_id for q in chosen]
    assert len(facts) == len(set(facts))
    assert {q.kind for q in chosen} >= {Kind.MULTIPLE_CHOICE, Kind.TYPED}
    assert [q.fact_id for q in one_per_fact(questions)] == list(dict.fromkeys(q.fact_id for q in questions))


def test_flashcards_due_first_then_new_within_the_limit(tmp_path: Path, questions: list[Question]) -> None:
    with open_store(tmp_path, now=NOW) as store:
        progress = Progress(store, Scheduler(), clock=lambda: NOW)
        first = questions[0]
        progress.record(first, evaluate_text(first, "wrong"), 1)
        later = NOW + dt.timedelta(days=2)
        cards = store.cards()
        queue = flashcards(questions, cards, later, new_limit=2, new_seen_today=0, facts_studied_today=set())
        assert queue[0].id == first.id  # due
        assert len(queue) == 3  # and two new ones, one per fact
        assert len({q.fact_id for q in queue}) == 3
        today = flashcards(
            questions, cards, NOW, new_limit=5, new_seen_today=1, facts_studied_today={first.fact_id}
        )
        # being learned (wrong a moment ago), the card comes back within LEARN_AHEAD; its siblings wait
        assert [q for q in today if q.fact_id == first.fact_id] == [first]
        assert len(today) == 5  # it and four new cards
        numbers = counts(questions, cards, later)
        assert (numbers.new, numbers.due, numbers.learned) == (len(questions) - 1, 1, 0)
        soon = counts(questions, cards, NOW + dt.timedelta(seconds=1))  # a wrong answer a second ago
        assert (soon.learning, soon.due, soon.learned) == (1, 0, 0)  # being learned, not learned
        second = questions[1]
        progress.record(second, evaluate_text(second, second.answer), 1, grade=Grade.EASY)  # to reviews
        easy = counts(questions, store.cards(), NOW + dt.timedelta(seconds=1))
        assert (easy.learning, easy.learned) == (1, 1)


def test_settings_round_trip_and_refusal(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == Settings()
    settings = Settings(new_per_day=5, desired_retention=0.85, theme="nord", keymap={"home.stats": "x"})
    save_settings(tmp_path, settings)
    assert load_settings(tmp_path) == settings
    saved = (tmp_path / "config.toml").read_text(encoding="utf-8")
    (tmp_path / "config.toml").write_text("\ufeff" + saved, encoding="utf-8")  # as Notepad saves it
    assert load_settings(tmp_path) == settings  # was "1:1: Invalid statement"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "new_per_day = 'lots'",
            "config.toml:2:1: new_per_day should be a whole number; the default, 20, is used",
        ),
        ("desired_retention = 2", "config.toml:2:1: desired_retention should be between 0.7 and 0.99"),
        ("  quiz_length = 0", "config.toml:2:3: quiz_length should be between 1 and 500"),
        ("quiz_length = 100000", "quiz_length should be between 1 and 500"),
        ("new_per_day = -1", "new_per_day should be between 0 and 10000"),
        ("new_per_day = true", "new_per_day should be a whole number"),
        ("theme = 3", 'theme should be text; the default, "textual-dark", is used'),
        ("keymap = 5", "config.toml:2:1: keymap should be a table of keys"),
        (
            '[keymap]\n"home.stats" = 5',
            "config.toml:3:1: the key of 'home.stats' should be text; it was ignored",
        ),
    ],
)
def test_a_wrong_value_keeps_its_default_and_is_said_at_its_line(
    tmp_path: Path, line: str, message: str
) -> None:
    (tmp_path / "config.toml").write_text(f"# mine\n{line}\n")
    notices: list[str] = []
    assert load_settings(tmp_path, notices) == Settings()
    [notice] = notices
    assert message in notice


def test_one_wrong_value_leaves_the_rest_of_the_file_in_use(tmp_path: Path) -> None:
    """One typo threw away every setting, and each problem showed only once the one before was mended."""
    (tmp_path / "config.toml").write_text(
        'new_per_day = "ten"\ndesired_retention = 5\ntheme = "nord"\nquiz_length = 30\n'
        '[keymap]\n"home.stats" = "x"\n"quiz.next" = 1\n'
    )
    notices: list[str] = []
    settings = load_settings(tmp_path, notices)
    assert settings == Settings(theme="nord", quiz_length=30, keymap={"home.stats": "x"})
    assert [notice.split(": ")[0].rsplit(":", 2)[1] for notice in notices] == ["1", "2", "7"]  # every line


def test_a_file_toml_cannot_read_is_refused_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("# mine\nquiz_length = \n")
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    assert "config.toml:2:15: Invalid value" in str(caught.value)


def test_a_key_no_setting_has_is_said_where_it_is(tmp_path: Path) -> None:
    """A misspelt setting changed nothing without a word: the student thought it taken."""
    (tmp_path / "config.toml").write_text("# mine\nquiz_length = 30\n  new_per_dya = 5\n'colour' = 'red'\n")
    notices: list[str] = []
    assert load_settings(tmp_path, notices) == Settings(quiz_length=30)
    config = tmp_path / "config.toml"
    assert notices == [
        f"{config}:3:3: no setting is called 'new_per_dya' (did you mean new_per_day?); it was ignored",
        f"{config}:4:1: no setting is called 'colour' (the settings are new_per_day, desired_retention,"
        " theme, quiz_length, keymap); it was ignored",
    ]
    save_settings(tmp_path, Settings())
    assert load_settings(tmp_path, notices := []) == Settings()
    assert notices == []  # the file the app writes names no unknown setting


def test_a_file_that_is_not_utf8_is_said_so(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_bytes("theme = 'nord'\n".encode("utf-16"))
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'config.toml'}:1:1: this is not UTF-8 text (save it as UTF-8)"


MINE = """\
# my settings, carefully tuned
new_per_day = 50
quiz_length = 30x   # a typo: the file cannot be read

[keymap]
"home.stats" = "x"
"""


def test_changing_a_setting_rewrites_its_line_only(tmp_path: Path) -> None:
    """The app changes the theme; the student's comments and values, even an unreadable one, stay."""
    config = tmp_path / "config.toml"
    config.write_text(MINE, encoding="utf-8")
    save_setting(tmp_path, "theme", "nord")
    assert config.read_text(encoding="utf-8") == MINE.replace("\n\n[keymap]", '\n\ntheme = "nord"\n[keymap]')
    save_setting(tmp_path, "theme", "gruvbox")  # its own line, replaced, not added again
    assert config.read_text(encoding="utf-8").count("theme = ") == 1
    assert 'theme = "gruvbox"' in config.read_text(encoding="utf-8")


def test_a_first_setting_writes_a_file_of_every_setting(tmp_path: Path) -> None:
    save_setting(tmp_path, "theme", "nord")
    assert load_settings(tmp_path) == Settings(theme="nord")
    assert "new_per_day = 20" in (tmp_path / "config.toml").read_text(encoding="utf-8")


def test_a_file_that_is_not_utf8_is_never_rewritten(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes("theme = 'nord'\n".encode("utf-16"))
    before = config.read_bytes()
    with pytest.raises(SettingsError):
        save_setting(tmp_path, "theme", "gruvbox")
    assert config.read_bytes() == before


def test_stats(tmp_path: Path, questions: list[Question]) -> None:
    with open_store(tmp_path, now=NOW) as store:
        clock = [NOW]
        progress = Progress(store, Scheduler(), clock=lambda: clock[0])
        for day, answer in ((0, "Warsaw"), (0, "Paris"), (1, "Warsaw")):
            clock[0] = NOW + dt.timedelta(days=day)
            typed = next(q for q in questions if q.kind is Kind.TYPED and q.answer == "Warsaw")
            progress.record(typed, evaluate_text(typed, answer), 1)
        stats = compute(
            store.reviews(),
            store.cards(),
            (NOW + dt.timedelta(days=1)).astimezone().date(),
            back=3,
            forward=4,
        )
        assert stats.reviews_per_day[-2:] == (2, 1)
        assert stats.accuracy_per_day[-2:] == (0.5, 1.0)
        assert stats.accuracy == pytest.approx(2 / 3)
        assert sum(stats.due_per_day) == 1


@pytest.mark.parametrize(
    ("text", "changed"),
    [
        ("'theme' = 'nord'\n", True),  # a quoted key: its own line, replaced
        ("extra = [\n  [1, 2],\n]\ntheme = 'nord'\n", True),  # a nested array is no table header
        ('note = """\n[not a table]\n"""\ntheme = "nord"\n', False),  # a line edit cannot tell: no edit
    ],
)
def test_a_setting_is_changed_in_any_valid_layout_or_not_at_all(
    tmp_path: Path, text: str, changed: bool
) -> None:
    """Whatever the layout, the file reads as before but for the one setting, or is left alone."""
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    if not changed:
        with pytest.raises(SettingsError, match="set it there by hand"):
            save_setting(tmp_path, "theme", "gruvbox")
        assert config.read_text(encoding="utf-8") == text
        return
    save_setting(tmp_path, "theme", "gruvbox")
    assert tomllib.loads(config.read_text(encoding="utf-8")) == tomllib.loads(text) | {"theme": "gruvbox"}


@pytest.mark.parametrize(
    ("state", "minutes", "soon"),
    [(1, 10, True), (3, 19, True), (1, 30, False), (2, 10, False), (2, 0, True)],
)
def test_only_a_card_in_its_first_steps_comes_back_early(state: int, minutes: int, soon: bool) -> None:
    """A learning (1) or relearning (3) card due within LEARN_AHEAD is shown; a review (2) only when due."""
    from quizgen.study.session import due_soon
    from quizgen.study.store import StoredCard

    card = StoredCard("q", "f", "{}", NOW + dt.timedelta(minutes=minutes), state, 1, 0, None)
    assert due_soon(card, NOW) is soon


def test_a_card_shown_twice_is_retried_once_as_its_last_answer_says(questions: list[Question]) -> None:
    from quizgen.study.session import Attempt, Mode, Session

    first, second = questions[:2]
    session = Session(Mode.FLASHCARDS, "Curie", [first, second], NOW)
    again, good = evaluate_text(first, "wrong"), evaluate_text(first, first.answer)
    session.record(Attempt(first, again, 1.0, again_later=True))  # Again: back at the end
    session.record(Attempt(second, evaluate_text(second, "wrong"), 1.0))
    session.record(Attempt(first, good, 1.0))  # then right
    assert session.mistakes() == [second]


@pytest.mark.parametrize("seed", range(5))
def test_a_quiz_never_asks_which_came_first_beside_a_question_on_one_of_its_events(seed: int) -> None:
    import random

    from quizgen.facts.model import Kind
    from quizgen.study.bank import QuestionRef

    refs = [
        QuestionRef("a+b:timeline-first:which_first", "a", Kind.WHICH_FIRST),
        QuestionRef("b:event-date:typed", "b", Kind.TYPED),
        QuestionRef("c:event-date:typed", "c", Kind.TYPED),
    ]
    chosen = quiz(refs, random.Random(seed), 3)
    asked = [s for ref in chosen for s in ref.id.split(":", 1)[0].split("+")]
    assert len(asked) == len(set(asked))
    assert "c:event-date:typed" in [ref.id for ref in chosen]


def test_retried_mistakes_show_their_options_in_a_new_order(questions: list[Question]) -> None:
    import random

    from quizgen.study.session import Attempt, Mode, Session

    choice = next(q for q in questions if q.kind is Kind.MULTIPLE_CHOICE and len(q.options) >= 3)
    session = Session(Mode.QUIZ, "Curie", [choice], NOW)
    session.record(
        Attempt(choice, evaluate_choice(choice, (choice.answer_index + 1) % len(choice.options)), 1.0)
    )
    for seed in range(5):
        [again] = session.retry(NOW, random.Random(seed)).questions
        assert again.options != choice.options
        assert sorted(again.options) == sorted(choice.options)
        assert again.options[again.answer_index] == choice.options[choice.answer_index]


def test_a_retried_ordering_starts_from_a_new_order_never_the_right_one(questions: list[Question]) -> None:
    """'r' after a put-in-order showed the events in the order the first attempt started from."""
    import random

    from quizgen.study.session import Attempt, Mode, Session

    ordering = next(q for q in questions if q.kind is Kind.ORDER and len(q.items) >= 3)
    session = Session(Mode.ORDER, "Curie", [ordering], NOW)
    session.record(Attempt(ordering, evaluate_order(ordering, list(ordering.correct_order)[::-1]), 1.0))
    for seed in range(5):
        [again] = session.retry(NOW, random.Random(seed)).questions
        assert again.items != ordering.items
        assert sorted(again.items, key=lambda i: i.id) == sorted(ordering.items, key=lambda i: i.id)
        assert [i.id for i in again.items] != list(again.correct_order)


def test_a_retry_ended_early_keeps_the_mistakes_it_did_not_reach(questions: list[Question]) -> None:
    """Three wrong, 'r', one answered, Escape: the results said '1 to retry', and the two not
    reached were gone. A first session ended early has only what it asked to retry."""
    from quizgen.study.session import Attempt, Mode, Session

    choices = [q for q in questions if q.kind is Kind.MULTIPLE_CHOICE][:3]
    assert len(choices) == 3

    def wrong(question: Question) -> Attempt:
        assert question.answer_index is not None
        return Attempt(
            question, evaluate_choice(question, (question.answer_index + 1) % len(question.options)), 1.0
        )

    def right(question: Question) -> Attempt:
        assert question.answer_index is not None
        return Attempt(question, evaluate_choice(question, question.answer_index), 1.0)

    first = Session(Mode.QUIZ, "Curie", list(choices), NOW)
    first.record(wrong(choices[0]))
    assert [q.id for q in first.mistakes()] == [choices[0].id]  # the two not asked are no mistakes

    for question in choices[1:]:
        first.record(wrong(question))
    retry = first.retry(NOW)
    retry.record(wrong(retry.questions[0]))
    assert [q.id for q in retry.mistakes()] == [q.id for q in choices]
    again = retry.retry(NOW)
    again.record(right(again.questions[0]))
    assert [q.id for q in again.mistakes()] == [q.id for q in choices[1:]]
