"""Questions as notes, without Anki: the kind → note type map, frozen note types, escaping, timelines."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from quizgen.anki import html
from quizgen.anki.notes import note_specs, note_type_for
from quizgen.anki.notetypes import (
    BASIC,
    CLOZE,
    MULTIPLE_CHOICE,
    NOTE_TYPES,
    SHUFFLE_SCRIPT,
    TIMELINE,
    TYPE_IN,
)
from quizgen.anki.timeline import NEIGHBOURS, Chronology
from quizgen.facts.model import Event, Kind
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import Target, open_target

# Released note types: Anki matches them by id and by these names. Changing any of
# these strands every student's notes as "conflicting"; add a v2 note type instead.
FROZEN = {
    1335084038: ("quizgen Basic v1", ("Question", "Answer", "Extra", "Source", "Quizgen id"), ("Card 1",)),
    1890991479: (
        "quizgen Type-in v1",
        (
            "Question",
            "Answer",
            "Also accepted",
            "Reverse question",
            "Reverse answer",
            "Reverse also accepted",
            "Extra",
            "Source",
            "Quizgen id",
        ),
        ("Forward", "Reverse"),
    ),
    1107983579: ("quizgen Cloze v1", ("Text", "Back Extra", "Source", "Quizgen id"), ("Cloze",)),
    2015725969: (
        "quizgen Multiple choice v1",
        (
            "Question",
            "Option 1",
            "Option 2",
            "Option 3",
            "Option 4",
            "Option 5",
            "Option 6",
            "Correct",
            "Answer",
            "Keep order",
            "Extra",
            "Source",
            "Quizgen id",
        ),
        ("Choice",),
    ),
    2070675948: (
        "quizgen Timeline v1",
        ("Question", "Answer", "Timeline", "Extra", "Source", "Quizgen id"),
        ("Date",),
    ),
}


@pytest.fixture(scope="module")
def soleimani() -> tuple[Target, list[Question]]:
    target = open_target("soleimani")
    return target, generate_for_deck(target.deck, target.library)


def test_released_note_types_never_change_identity() -> None:
    assert {t.model_id: (t.name, t.fields, tuple(c.name for c in t.templates)) for t in NOTE_TYPES} == FROZEN
    for note_type in NOTE_TYPES:
        assert 0 < note_type.model_id < 2**31


def test_models_are_fresh_each_time_because_genanki_mutates_them() -> None:
    first, second = TYPE_IN.model(), TYPE_IN.model()
    first.to_json(0, 1)
    assert "ord" in first.templates[0]
    assert "ord" not in second.templates[0]


def test_css_has_light_and_night_modes() -> None:
    css = TYPE_IN.model().css
    assert ".nightMode" in css
    assert ".night_mode" in css
    assert "--qg-bg" in css
    for n in range(1, 7):  # the back marks the key with CSS alone: scripts may not run
        assert f'.qg-key-{n} li[data-option="{n}"]' in css


@pytest.mark.parametrize(
    ("kind", "template", "note_type"),
    [
        (Kind.TYPED, "born-in", TYPE_IN),
        (Kind.TYPED, "event-date", TIMELINE),
        (Kind.YEAR_GUESS, "event-year", TIMELINE),
        (Kind.YEAR_GUESS, "joined-when", TIMELINE),
        (Kind.MULTIPLE_CHOICE, "born-in", MULTIPLE_CHOICE),
        (Kind.MULTIPLE_CHOICE, "event-date", MULTIPLE_CHOICE),
        (Kind.TRUE_FALSE, "born-in", MULTIPLE_CHOICE),
        (Kind.WHICH_FIRST, "timeline-first", MULTIPLE_CHOICE),
        (Kind.CLOZE, "born-in", CLOZE),
        (Kind.ORDER, "timeline-order", BASIC),
    ],
)
def test_each_kind_has_its_note_type(kind: Kind, template: str, note_type: object) -> None:
    question = Question(
        id="x", kind=kind, stem="?", answer="a", statement_ids=("x",), template_id=template, sources=()
    )
    assert note_type_for(question) is note_type


def test_every_kind_maps_to_a_note_type() -> None:
    for kind in Kind:
        question = Question(
            id="x", kind=kind, stem="?", answer="a", statement_ids=("x",), template_id="t", sources=()
        )
        assert note_type_for(question) in NOTE_TYPES


def test_a_typed_pair_becomes_one_note_with_a_reverse_card(soleimani: tuple[Target, list[Question]]) -> None:
    target, questions = soleimani
    specs = list(note_specs(target.deck, target.library, questions))
    pairs = {spec.questions[0].id: spec for spec in specs if len(spec.questions) == 2}
    spec = pairs["soleimani-born-in:born-in:typed"]
    assert spec.questions[1].id == "soleimani-born-in:born-in-who:typed"
    assert spec.fields["Reverse question"] == "Who was born in Qanat-e Malek?"
    assert spec.fields["Reverse answer"] == "Qasem Soleimani"
    assert "Qassem Soleimani" in spec.fields["Reverse also accepted"]
    assert len(TYPE_IN.model().templates) == 2
    alone = [s for s in specs if s.note_type is TYPE_IN and len(s.questions) == 1]
    assert alone
    assert all(s.fields.get("Reverse question", "") == "" for s in alone)
    asked = {q.id for s in specs for q in s.questions}
    twins = [q for q in questions if q.id not in asked]  # asked as an earlier question is: one note
    assert sum(len(s.questions) for s in specs) == len(questions) - len(twins)
    assert {q.kind for q in twins} <= {Kind.TYPED, Kind.YEAR_GUESS}


def test_no_two_notes_ask_the_same(soleimani: tuple[Target, list[Question]]) -> None:
    """A year-precision event's typed date and year guess read alike ("In what year did the
    Iranian Revolution take place?" → 1979): Anki showed both cards, nine pairs on the bundled deck."""
    target, questions = soleimani
    specs = list(note_specs(target.deck, target.library, questions))
    fronts = [(s.questions[0].stem, s.questions[0].answer, s.questions[0].options) for s in specs]
    assert len(fronts) == len(set(fronts))
    assert len(specs) < len(questions) - sum(len(s.questions) - 1 for s in specs)  # some were twins


def test_notes_follow_content_order(soleimani: tuple[Target, list[Question]]) -> None:
    target, questions = soleimani
    position = {q.id: i for i, q in enumerate(questions)}
    firsts = [position[spec.id] for spec in note_specs(target.deck, target.library, questions)]
    assert firsts == sorted(firsts)


def test_a_timeline_card_shows_its_event_between_neighbours(soleimani: tuple[Target, list[Question]]) -> None:
    target, questions = soleimani
    events = [s for s in target.deck.statements(target.library) if isinstance(s, Event)]
    chronology = Chronology(target.library, events)
    dates = [entry.date.sort_key() for entry in chronology.entries]
    assert dates == sorted(dates)
    for question in questions:
        if question.kind is not Kind.YEAR_GUESS:
            continue
        shown, now = chronology.around(question)
        assert shown[now].id == question.fact_id
        assert now <= NEIGHBOURS
        assert len(shown) - now - 1 <= NEIGHBOURS
        keys = [entry.date.sort_key() for entry in shown]
        assert keys == sorted(keys), question.id
        markup = chronology.html(question)
        assert markup.count('class="qg-now"') == 1
        assert markup.count("<li") == len(shown)


def test_text_is_escaped_and_anki_notation_neutralised() -> None:
    assert html.text("<b>A & B</b>") == "&lt;b&gt;A &amp; B&lt;/b&gt;"
    assert html.text('say "hi"') == "say &quot;hi&quot;"
    assert html.text("[sound:x.mp3]") == "&#91;sound:x.mp3&#93;"
    assert html.text("one\ntwo") == "one<br>two"
    assert html.text("a\x1fb") == "a\\x1fb"  # 0x1f separates Anki's fields; it must never reach one
    assert html.cloze("Born in ", "Town::East", " {{c2::x}}.") == (
        "Born in {{c1::Town&#58;&#58;East}} &#123;&#123;c2&#58;&#58;x&#125;&#125;."
    )


def test_only_web_addresses_become_links() -> None:
    assert html.link("Source", "https://example.org/a?b=1&c=2") == (
        '<a href="https://example.org/a?b=1&amp;c=2">Source</a>'
    )
    assert html.link("Source", "javascript:alert(1)") == "Source"
    assert html.link("Source", 'https://x.org/"onmouseover=alert(1)') == "Source"
    assert html.link("<i>x</i>", None) == "&lt;i&gt;x&lt;/i&gt;"


@pytest.mark.parametrize(
    ("tag", "slug"),
    [
        ("Quds Force", "quds-force"),
        ("multiple_choice", "multiple-choice"),
        ("Iran–Iraq War!", "iran-iraq-war"),
        ("Ğüç  Şehir", "ğüç-şehir"),
        ("a::b", "a-b"),
        ("!!!", ""),
    ],
)
def test_tags_are_slugs(tag: str, slug: str) -> None:
    assert html.slug(tag) == slug
    assert not re.search(r"\s", html.slug(tag))


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to run the card's script")
def test_the_shuffle_script_replays_the_fronts_order_on_the_back() -> None:
    body = re.search(r"<script>(.*)</script>", SHUFFLE_SCRIPT, re.DOTALL).group(1)
    harness = f"""
    function list(back) {{
      return {{
        children: [1, 2, 3, 4, 5, 6].map(function (n) {{ return {{n: n}}; }}),
        getAttribute: function () {{ return "note-1"; }},
        closest: function () {{ return back ? {{}} : null; }},
        appendChild: function (item) {{ this.children.splice(this.children.indexOf(item), 1); this.children.push(item); }},
      }};
    }}
    var stored = {{}};
    global.window = {{ sessionStorage: {{
      getItem: function (k) {{ return stored[k] || null; }}, setItem: function (k, v) {{ stored[k] = v; }} }} }};
    var orders = [];
    for (var run = 0; run < 20; run++) {{
      stored = {{}};
      var front = list(false), back = list(true);
      global.document = {{ getElementById: function () {{ return front; }} }};
      {body}
      global.document = {{ getElementById: function () {{ return back; }} }};
      {body}
      orders.push([front.children.map(function (i) {{ return i.n; }}), back.children.map(function (i) {{ return i.n; }})]);
    }}
    console.log(JSON.stringify(orders));
    """
    done = subprocess.run(["node", "-e", harness], capture_output=True, text=True, check=True)
    import json

    orders = json.loads(done.stdout)
    for front, back in orders:
        assert front == back
        assert sorted(front) == [1, 2, 3, 4, 5, 6]
    assert len({tuple(front) for front, _ in orders}) > 1  # it does shuffle


def test_a_qualified_number_is_typed_as_the_number(soleimani: tuple[Target, list[Question]]) -> None:
    """ "At least how many advisers ...?" is answered "13": Anki compared it with "at least 13" and
    marked every letter of the qualifier missing."""
    target, questions = soleimani
    specs = {spec.id: spec for spec in note_specs(target.deck, target.library, questions)}
    advisers = specs["advisers-killed-in-battle:killed-in-battle:typed"]
    assert advisers.fields["Answer"] == "13"
    assert "at least 13" in advisers.fields["Also accepted"]
    money = specs["tehran-court-compensation:ordered-compensation:typed"]
    assert money.fields["Answer"] == "$50 billion"
    assert specs["soleimani-born-in:born-in:typed"].fields["Answer"] == "Qanat-e Malek"


def test_a_reverse_card_survives_its_forward_question_reading_like_another(tmp_path: Path) -> None:
    """A typed question that read exactly like a year guess was left out as a twin, and the reverse
    question joined to it went with it: 'Who was born in 1867?' was in no note."""
    text = (Path(__file__).parents[1] / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    relation: born_on\n    date: 1867-11-07", "    relation: born_in_year\n    date: 1867"
    )
    text = text.replace(
        "relations:\n",
        "relations:\n"
        "  - id: born_in_year\n"
        "    value: date\n"
        '    statement: "{Subject} was born {object}."\n'
        "    templates:\n"
        "      - id: byear\n"
        "        ask: object\n"
        '        question: "When was {subject} born?"\n'
        "        kinds: [year_guess, typed]\n"
        "      - id: byear-who\n"
        "        ask: subject\n"
        '        question: "Who was born {object}?"\n'
        "        kinds: [typed]\n",
        1,
    )
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    target = open_target(str(tmp_path / "curie.yaml"))
    questions = generate_for_deck(target.deck, target.library)
    asked = {q.id for spec in note_specs(target.deck, target.library, questions) for q in spec.questions}
    assert "curie-born-on:byear-who:typed" in {q.id for q in questions}
    assert "curie-born-on:byear-who:typed" in asked
