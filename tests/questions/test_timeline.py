"""Put-in-order and which-came-first questions: bounded per event, never a tie, and stable when a
teacher adds an event, so the other timeline cards keep their ids (a student's progress, the Anki
notes a re-export updates in place)."""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from quizgen.facts.loader import load_library
from quizgen.facts.model import Kind
from quizgen.questions.generate import generate
from quizgen.questions.model import Question
from quizgen.questions.timeline import LARGEST, ROUNDS, SMALLEST, WINDOW
from tests.synthetic import synthetic_yaml

ROOT = Path(__file__).parents[2]
TIMELINE = (Kind.ORDER, Kind.WHICH_FIRST)
ADDED = """events:
  - id: an-added-event
    date: 1957-06
    title: An event the teacher added
    participants: [soleimani]
    sources: [biography]
    quote: "Qasem Soleimani was born on March 11, 1957"
"""


def timeline(path: Path, seed: int = 0) -> list[Question]:
    questions = generate(load_library([path]), random.Random(seed), kinds=TIMELINE, present_year=2026)
    assert questions
    return questions


def with_an_event_added(text: str, event: str, tmp_path: Path) -> Path:
    assert text.count("\nevents:\n") == 1
    path = tmp_path / "added.yaml"
    path.write_text(text.replace("\nevents:\n", "\n" + event, 1), encoding="utf-8")
    return path


def kept(before: list[Question], after: list[Question]) -> float:
    ids = {q.id for q in after}
    return sum(q.id in ids for q in before) / len(before)


def test_adding_an_event_keeps_the_other_timeline_questions(tmp_path: Path) -> None:
    original = ROOT / "content" / "soleimani.yaml"
    shutil.copytree(original.parent / "sources", tmp_path / "sources")  # the quotes' source texts
    before = timeline(original)
    after = timeline(with_an_event_added(original.read_text(encoding="utf-8"), ADDED, tmp_path))
    assert kept(before, after) >= 0.75
    assert any("an-added-event" in q.statement_ids for q in after)  # and the new event is asked


def test_in_a_large_library_an_added_event_changes_only_its_neighbours(tmp_path: Path) -> None:
    source = tmp_path / "library.yaml"
    source.write_text(synthetic_yaml(2000), encoding="utf-8")
    event = "events:\n  - id: event-added\n    date: 1850\n    title: The added accord is signed\n    sources: [atlas]\n"
    before = timeline(source)
    after = timeline(with_an_event_added(source.read_text(encoding="utf-8"), event, tmp_path))
    changed = len(before) - round(kept(before, after) * len(before))
    assert changed <= 12  # a handful, out of hundreds of questions


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_event_is_in_a_bounded_number_of_questions(tmp_path: Path, seed: int) -> None:
    source = tmp_path / "library.yaml"
    source.write_text(synthetic_yaml(1000, seed=seed), encoding="utf-8")
    library = load_library([source])
    questions = timeline(source, seed)
    orders = [q for q in questions if q.kind is Kind.ORDER]
    firsts = [q for q in questions if q.kind is Kind.WHICH_FIRST]
    in_orders = Counter(s for q in orders for s in q.statement_ids)
    in_firsts = Counter(s for q in firsts for s in q.statement_ids)
    assert max(in_orders.values()) <= ROUNDS
    assert max(in_firsts.values()) <= WINDOW + 1
    titles = Counter(e.title for e in library.events)
    events = {e.id for e in library.events}
    # two events titled alike give pairs that read the same, and the repeat filter keeps one
    told_apart = {e.id for e in library.events if titles[e.title] == 1}
    assert told_apart <= set(in_firsts)  # every event is asked which came first
    assert len(set(in_orders)) >= 0.9 * len(events)  # and nearly every one put in order
    for question in orders:
        assert SMALLEST <= len(question.items) <= LARGEST
        dates = [item.date for item in question.items]
        assert all(a.compare(b) != 0 for i, a in enumerate(dates) for b in dates[i + 1 :])
    for question in firsts:
        first, second = question.items
        assert first.date.compare(second.date) == -1
    assert len({q.id for q in questions}) == len(questions)


def test_a_seed_reshuffles_options_never_which_events_go_together(tmp_path: Path) -> None:
    """An Anki deck re-exported with another --seed updates its notes: new ids would add new notes."""
    source = tmp_path / "library.yaml"
    source.write_text(synthetic_yaml(500), encoding="utf-8")
    first = timeline(source, 0)
    assert [(q.id, q.options) for q in timeline(source, 0)] == [(q.id, q.options) for q in first]
    other = timeline(source, 1)
    assert [q.id for q in other] == [q.id for q in first]
    assert [q.options for q in other] != [q.options for q in first]


def test_events_titled_alike_are_never_asked_together(tmp_path: Path) -> None:
    """Elections, treaties, summits: a set or pair of events with one title has no answer a student
    could give, whatever their years."""
    titles = iter(["The election is held", "The treaty is signed", "The summit meets", "The war ends"] * 100)
    text = re.sub(r"title: The .* accord is signed", lambda _: f"title: {next(titles)}", synthetic_yaml(400))
    source = tmp_path / "library.yaml"
    source.write_text(text, encoding="utf-8")
    questions = timeline(source)
    assert any(q.kind is Kind.ORDER for q in questions)
    assert any(q.kind is Kind.WHICH_FIRST for q in questions)
    for question in questions:
        labels = [item.label for item in question.items]
        assert len(set(labels)) == len(labels), question.id


def test_an_attributed_event_and_its_date_share_one_bracket() -> None:
    """A put-in-order key read "Israel invades Lebanon (according to Sputnik) (2006)"."""
    from quizgen.facts.dates import parse_date
    from quizgen.questions.model import TimelineItem

    attributed = TimelineItem("a", "Israel invades Lebanon (according to Sputnik)", parse_date("2006"))
    assert attributed.dated == "Israel invades Lebanon (according to Sputnik, 2006)"
    assert TimelineItem("b", "The war ends", parse_date("1988")).dated == "The war ends (1988)"
    named = TimelineItem("c", "Soleimani joins the Revolutionary Guards (IRGC)", parse_date("1979"))
    assert named.dated == "Soleimani joins the Revolutionary Guards (IRGC) (1979)"  # a bracket of its own


def test_no_pair_is_ordered_by_its_own_words() -> None:
    """ "Iran's first attempt ..." or "Qasem Soleimani is born" answers which came first by itself."""
    library = load_library([ROOT / "content" / "soleimani.yaml"])
    pairs = [
        q for q in generate(library, random.Random(0), kinds=[Kind.WHICH_FIRST]) if q.kind is Kind.WHICH_FIRST
    ]
    assert len(pairs) > 10
    events = {e.id: e for e in library.events}
    for question in pairs:
        a, b = (events[i] for i in question.statement_ids)
        titles = {
            a.title.replace("first", "#").replace("second", "#"),
            b.title.replace("first", "#").replace("second", "#"),
        }
        assert len(titles) == 2, question.id
        for one, other in ((a, b), (b, a)):
            mortal = {"soleimani"} & set(one.participants) & set(other.participants)
            assert not (mortal and re.search(r"\b(born|assassinated)\b", one.title)), question.id
    ids = {q.id for q in pairs}
    assert "first-interpol-attempt+second-interpol-attempt:timeline-first:which_first" not in ids
    # the court's ruling "over Soleimani's assassination" names him, though he takes no part in it
    assert "soleimani-assassinated+tehran-court-ruling:timeline-first:which_first" not in ids
