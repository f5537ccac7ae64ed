"""The question bank: every question of a deck, stored once, read by index, rebuilt on change."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.decks import content_files, load_deck
from quizgen.facts import cache
from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.study import bank, catalog
from quizgen.study import session as sessions
from quizgen.study.store import Store

ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def deck_path(tmp_path: Path) -> Path:
    folder = tmp_path / "subject"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "curie.yaml", folder / "curie.yaml")
    recipe = folder / "deck.yaml"
    recipe.write_text("title: Curie\nid: 77\ncontent: [curie.yaml]\n")
    return recipe


def test_the_bank_holds_every_question_in_content_order(deck_path: Path) -> None:
    deck = load_deck(deck_path)
    expected = generate_for_deck(deck, load_library(content_files(deck.content)))
    opened = bank.open_bank(deck, content_files(deck.content))
    assert opened.ids() == [q.id for q in expected]
    assert opened.questions([q.id for q in expected[:5]]) == expected[:5]
    assert opened.counts_by_kind()[Kind.TYPED] == sum(q.kind is Kind.TYPED for q in expected)
    assert opened.event_count() == 3
    assert opened.vocabulary().labels("place")[:1] == ["Warsaw"]
    assert opened.vocabulary().names_alike(
        "the move of Maria Skłodowska to Paris", "the move of Marie Curie to Paris"
    )
    assert not opened.vocabulary().names_alike("Polish science", "French science")
    facts = opened.sample_facts(random.Random(1), 3)
    assert len(set(facts)) == 3
    assert {q.fact_id for q in opened.for_facts(facts, [Kind.TYPED, Kind.CLOZE])} <= set(facts)


def test_the_bank_keeps_the_adjectives_that_name_an_entity_in_a_phrase(deck_path: Path) -> None:
    content = deck_path.parent / "curie.yaml"
    content.write_text(
        content.read_text(encoding="utf-8").replace(
            "    name: Poland\n", "    name: Poland\n    adjectives: [Polish]\n"
        ),
        encoding="utf-8",
    )
    vocabulary = bank.open_bank(load_deck(deck_path), [content]).vocabulary()
    assert vocabulary.names_alike("Polish science", "Poland's science")
    assert not vocabulary.names_alike("Polish science", "French science")
    assert vocabulary.labels("place").count("Polish") == 0  # no answer, nor a typo's rival


def test_a_quiz_chosen_from_references_is_the_quiz_chosen_from_questions(deck_path: Path) -> None:
    """The app picks a session from light references and unpickles only what it keeps."""
    deck = load_deck(deck_path)
    every = generate_for_deck(deck, load_library(content_files(deck.content)))
    opened = bank.open_bank(deck, content_files(deck.content))
    facts = list(dict.fromkeys(q.fact_id for q in every))
    for seed in range(5):
        references = sessions.quiz(opened.for_facts(facts, sessions.QUIZ_KINDS), random.Random(seed), 6)
        chosen = sessions.quiz(every, random.Random(seed), 6)
        assert len(chosen) == 6
        assert opened.questions([r.id for r in references]) == chosen


def test_new_question_code_builds_a_new_bank_and_library(
    deck_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A student who upgrades quizgen gets its fixes: a bank or a library cached by the old code is
    not reused, though the content is the same."""
    deck = load_deck(deck_path)
    files = content_files(deck.content)
    first = bank.open_bank(deck, files)
    assert bank.open_bank(deck, files).path == first.path
    monkeypatch.setattr(bank, "code_signature", lambda: "another build")
    assert bank.open_bank(deck, files).path != first.path
    key = cache._key(files)
    monkeypatch.setattr(cache, "code_signature", lambda: "another build")
    assert cache._key(files) != key


def test_an_edit_builds_a_new_bank(deck_path: Path, cache_dir: Path) -> None:
    deck = load_deck(deck_path)
    first = bank.open_bank(deck, content_files(deck.content))
    again = bank.open_bank(deck, content_files(deck.content))
    assert again.path == first.path
    content = deck_path.parent / "curie.yaml"
    content.write_text(
        content.read_text().replace(
            "title: Marie Curie moves to Paris", "title: Marie Curie settles in Paris"
        )
    )
    changed = bank.open_bank(deck, content_files(deck.content))
    assert changed.path != first.path
    assert "Marie Curie settles in Paris" in [label for label, _ in changed.events()]


def test_a_broken_bank_file_is_rebuilt(deck_path: Path) -> None:
    deck = load_deck(deck_path)
    first = bank.open_bank(deck, content_files(deck.content))
    first.close()
    first.path.write_bytes(b"not sqlite at all")
    rebuilt = bank.open_bank(deck, content_files(deck.content))
    assert rebuilt.count() == len(generate_for_deck(deck, load_library(content_files(deck.content))))


def test_without_a_cache_folder_the_bank_lives_in_memory(
    deck_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(blocker))
    deck = load_deck(deck_path)
    assert bank.open_bank(deck, content_files(deck.content)).count() > 0


def test_a_built_bank_opens_without_reading_the_content(
    deck_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's start opens a built bank at once and leaves everything else to a worker."""
    deck = load_deck(deck_path)
    files = content_files(deck.content)
    assert bank.built_bank(deck, files) is None  # nothing built yet: a worker's job
    built = bank.open_bank(deck, files)
    built.close()

    def never(*_: object) -> bytes:
        raise AssertionError("a built bank was found by reading the content")

    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", never)
        opened = bank.built_bank(deck, files)
    assert opened is not None
    assert opened.path == built.path
    again = bank.open_bank(deck, files)
    assert opened.ids() == again.ids()
    opened.close()
    again.close()
    assert bank.built_bank(deck, files, seed=2) is None  # another seed, another bank


def test_a_touched_file_finds_its_bank_by_content_without_generating(
    deck_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = load_deck(deck_path)
    files = content_files(deck.content)
    first = bank.open_bank(deck, files)
    first.close()
    content = deck_path.parent / "curie.yaml"
    content.write_bytes(content.read_bytes())  # same words, a new modification time
    os.utime(content, ns=(1, 1))
    assert bank.built_bank(deck, files) is None  # sizes and times no longer match
    monkeypatch.setattr(bank, "generate_for_deck", lambda *_, **__: pytest.fail("regenerated"))
    again = bank.open_bank(deck, files)
    assert again.path == first.path
    assert bank.built_bank(deck, files) is not None  # and remembered for the next start


def test_a_study_deck_is_ready_at_once_only_when_its_bank_is_built(deck_path: Path, tmp_path: Path) -> None:
    assert catalog.ready_study_deck(deck_path) is None
    loaded = catalog.load_study_deck(deck_path)
    assert isinstance(loaded, catalog.StudyDeck)
    ready = catalog.ready_study_deck(deck_path)
    assert isinstance(ready, catalog.StudyDeck)
    assert ready.bank.path == loaded.bank.path
    loaded.bank.close()
    ready.bank.close()
    broken = tmp_path / "broken.yaml"
    broken.write_text("title: Broken\nid: 5\ncontent: [missing.yaml]\n")
    assert isinstance(catalog.ready_study_deck(broken), catalog.BrokenDeck)  # said at once, too


def quizzes_ask_only_fresh_facts(recipe: Path, data: Path, fresh: int, length: int, seeds: int) -> None:
    """Every quiz of ``length`` asks ``length`` questions, none on a fact studied today, when all
    the deck's facts but ``fresh`` of them were."""
    from quizgen.study.store import open_store

    deck = catalog.load_study_deck(recipe)
    assert isinstance(deck, catalog.StudyDeck)
    store = open_store(data)
    now = sessions.dt.datetime(2026, 12, 1, tzinfo=sessions.dt.UTC)
    studied = set(deck.bank.sample_facts(random.Random(0), 10_000)[fresh:])
    for seed in range(seeds):
        asked = deck.session_questions(
            sessions.Mode.QUIZ,
            store,
            random.Random(seed),
            now,
            length=length,
            new_limit=20,
            new_seen_today=0,
            facts_studied_today=studied,
        )
        assert len(asked) == length
        assert not {q.fact_id for q in asked} & studied
    deck.bank.close()
    store.close()


def test_a_quiz_leaves_the_facts_studied_today_for_tomorrow(deck_path: Path, tmp_path: Path) -> None:
    """The next quiz of the day asked the typed question on a fact whose cloze it had just shown."""
    quizzes_ask_only_fresh_facts(deck_path, tmp_path / "data", fresh=4, length=3, seeds=10)


def test_a_put_in_order_answered_is_no_flashcard_due(deck_path: Path, tmp_path: Path) -> None:
    """Home said "2 due" where flashcards said nothing was: the due cards were put-in-order answers,
    which no flashcard asks. The counts hold only the cards flashcards schedule."""
    from quizgen.questions.answers import Verdict
    from quizgen.study.evaluate import Outcome
    from quizgen.study.progress import Progress
    from quizgen.study.scheduler import Grade, Scheduler
    from quizgen.study.store import open_store

    deck = catalog.load_study_deck(deck_path)
    assert isinstance(deck, catalog.StudyDeck)
    store = open_store(tmp_path / "data")
    now = sessions.dt.datetime(2026, 12, 1, tzinfo=sessions.dt.UTC)
    before = deck.counts(store, now)
    order = deck.bank.sample_of_kind((Kind.ORDER,), random.Random(0), 1)[0]
    Progress(store, Scheduler(), lambda: now).record(order, Outcome(0.0, Verdict.WRONG, Grade.AGAIN, ""), 77)
    after = deck.counts(store, now + sessions.dt.timedelta(hours=1))
    assert (after.new, after.due, after.learning) == (before.new, 0, 0)
    deck.bank.close()
    store.close()


def flashcard_session(
    deck: catalog.StudyDeck,
    store: Store,
    now: sessions.dt.datetime,
    limit: int,
    new_seen_today: int = 0,
    facts_studied_today: set[str] | frozenset[str] = frozenset(),
) -> list[Question]:
    """A flashcard session of ``limit`` cards, as the app starts one."""
    return deck.session_questions(
        sessions.Mode.FLASHCARDS,
        store,
        random.Random(0),
        now,
        length=limit,
        new_limit=limit,
        new_seen_today=new_seen_today,
        facts_studied_today=set(facts_studied_today),
    )


def test_the_new_count_is_what_the_next_flashcard_session_starts(tmp_path: Path) -> None:
    """The menu said "20 new" and the session held 18 (two were siblings of facts already in it);
    after those 18, "2 new" led to "Nothing is due". Session after session, the two agree."""
    from quizgen.questions.answers import Verdict
    from quizgen.study.evaluate import Outcome
    from quizgen.study.progress import Progress
    from quizgen.study.scheduler import Grade, Scheduler
    from quizgen.study.store import open_store

    deck = catalog.load_study_deck(ROOT / "decks" / "soleimani-timeline.yaml")
    assert isinstance(deck, catalog.StudyDeck)
    store = open_store(tmp_path / "data")
    now = sessions.dt.datetime(2026, 12, 1, 9, tzinfo=sessions.dt.UTC)
    progress = Progress(store, Scheduler(), lambda: now)
    limit, started = 20, []
    for _ in range(4):
        counted = deck.counts(store, now, progress.new_room_today(limit), progress.facts_studied_today())
        session = flashcard_session(
            deck, store, now, limit, progress.new_seen_today(), progress.facts_studied_today()
        )
        new = [q for q in session if q.id not in deck.cards(store)]
        assert counted.new == len(new)
        started.append(len(new))
        for question in new:
            progress.record(question, Outcome(1.0, Verdict.CORRECT, Grade.EASY, question.answer), 77)
        now += sessions.dt.timedelta(hours=1)
    assert started[0] > 0
    assert started[-1] == 0  # the day's facts are taken: no count promises a card
    deck.bank.close()
    store.close()


def test_a_quiz_of_a_real_deck_leaves_the_facts_studied_today(tmp_path: Path) -> None:
    """Drawn from a sample of three times the session, the fresh facts of the bundled deck were too
    few to count and 163 sessions in 200 had a fact studied today, with 26 fresh facts left."""
    quizzes_ask_only_fresh_facts(
        ROOT / "decks" / "soleimani.yaml", tmp_path / "data", fresh=26, length=10, seeds=50
    )


def test_the_code_signature_follows_the_files_that_make_questions(tmp_path: Path) -> None:
    """An edit to any file of the question-making code (here in a copy of the package) is a new build."""
    shutil.copytree(ROOT / "quizgen", tmp_path / "quizgen")
    script = "import sys; sys.path.insert(0, sys.argv[1]); from quizgen.facts import cache; print(cache.code_signature())"

    def signature() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    before = signature()
    assert before
    assert signature() == before  # the same files: the same build
    module = tmp_path / "quizgen" / "questions" / "wording.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a fix\n", encoding="utf-8")
    assert signature() != before


def test_new_flashcards_never_give_each_other_away(tmp_path: Path) -> None:
    """Every student met "Which force did he command in 1998?" and then "...take command of in
    1998?" (both the Quds Force), and "...against in Iraq?" then "...in Syria?" (both ISIS)."""
    from quizgen.questions.giveaways import gives_away
    from quizgen.study.store import open_store

    deck = catalog.load_study_deck(ROOT / "decks" / "soleimani.yaml")
    assert isinstance(deck, catalog.StudyDeck)
    store = open_store(tmp_path / "data")
    now = sessions.dt.datetime(2026, 12, 1, 9, tzinfo=sessions.dt.UTC)
    for limit in (20, 60):
        session = flashcard_session(deck, store, now, limit)
        assert len(session) == limit == deck.counts(store, now, limit).new  # the room is still filled
        pairs = [
            (a.id, b.id)
            for n, a in enumerate(session)
            for b in session[n + 1 :]
            if gives_away(a, b, answers_shown=True)
        ]
        assert pairs == []
