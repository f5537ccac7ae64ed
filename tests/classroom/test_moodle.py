"""Moodle XML: every exported question re-read and compared with the engine's, in Moodle's own structure."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from quizgen.classroom.common import KIND_NAMES, year_range
from quizgen.classroom.moodle import IDNUMBER_LIMIT, idnumber
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.questions.answers import credited_spellings
from quizgen.questions.model import Question

from .conftest import Deck, run_quietly
from .readers import html_to_text, parse_cloze, shown, unescape_wildcard, with_control_characters

QTYPES = {
    Kind.MULTIPLE_CHOICE: "multichoice",
    Kind.WHICH_FIRST: "multichoice",
    Kind.TRUE_FALSE: "truefalse",
    Kind.TYPED: "shortanswer",
    Kind.CLOZE: "cloze",
    Kind.YEAR_GUESS: "numerical",
    Kind.ORDER: "ordering",
}
# The order Moodle's own export writes (question/format/xml/tests, question/type/ordering/tests/fixtures).
HEAD = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"]
AFTER_HEAD = {
    "multichoice": ["single", "shuffleanswers", "answernumbering", "answer"],
    "truefalse": ["answer"],
    "shortanswer": ["usecase", "answer"],
    "numerical": ["answer"],
    "cloze": [],
    "ordering": [
        "layouttype",
        "selecttype",
        "selectcount",
        "gradingtype",
        "showgrading",
        "numberingstyle",
        "answer",
    ],
}


def export(deck: Deck, folder: Path) -> tuple[ET.Element, str]:
    path = folder / "quiz.xml"  # the format follows from the extension
    code, _, err = run_quietly("export", deck.spec, "-o", str(path))
    assert code == ExitCode.OK, err
    assert path.read_bytes().startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by quizgen: a re-export replaces this file -->\n<quiz>'
    )
    return ET.parse(path).getroot(), err


@pytest.fixture(scope="module")
def soleimani_xml(soleimani: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[ET.Element, str]:
    return export(soleimani, tmp_path_factory.mktemp("moodle"))


@pytest.fixture(scope="module")
def hostile_xml(hostile: Deck, tmp_path_factory: pytest.TempPathFactory) -> tuple[ET.Element, str]:
    return export(hostile, tmp_path_factory.mktemp("moodle-hostile"))


def text_of(element: ET.Element, tag: str) -> str:
    found = element.find(f"{tag}/text")
    assert found is not None, tag
    return found.text or ""


def check_question(element: ET.Element, question: Question) -> None:
    """One exported question against the engine's: type, identity, text, answers and feedback."""
    question = shown(question)
    qtype = QTYPES[question.kind]
    assert element.get("type") == qtype
    name = text_of(element, "name")
    assert name.endswith(f" ({KIND_NAMES[question.kind]})")
    assert len(name) <= 255
    assert name.startswith(question.stem[:40])  # the bank lists the question's words, not its id
    assert element.findtext("idnumber") == idnumber(question.id)
    feedback = html_to_text(text_of(element, "generalfeedback"))
    assert feedback.endswith(question.source_line())
    if question.statement:
        assert feedback.startswith(question.statement)
    questiontext = text_of(element, "questiontext")
    answers = element.findall("answer")
    match question.kind:
        case Kind.CLOZE:
            assert question.cloze is not None
            cloze = parse_cloze(questiontext)
            assert len(cloze.blanks) == 1  # content braces never open a second blank
            before, after = cloze.text.split("{#1}")
            assert (html_to_text(before), html_to_text(after)) == (
                question.cloze.before,
                question.cloze.after,
            )
            assert [unescape_wildcard(a) for a in cloze.blanks[0]] == [
                t for t, _ in credited_spellings(question)
            ]
            return
        case Kind.MULTIPLE_CHOICE | Kind.WHICH_FIRST:
            assert [html_to_text(text_of(a, ".")) for a in answers] == list(question.options)
            assert [a.get("fraction") for a in answers] == [
                "100" if i == question.answer_index else "0" for i in range(len(question.options))
            ]
            assert element.findtext("single") == "true"
        case Kind.TRUE_FALSE:
            right = {text_of(a, "."): a.get("fraction") for a in answers}
            assert right == {"true": "100" if question.answer == "True" else "0",
                             "false": "0" if question.answer == "True" else "100"}  # fmt: skip
        case Kind.TYPED:
            credited = credited_spellings(question)  # 50: one of "Which two...?"
            assert [(unescape_wildcard(text_of(a, ".")), a.get("fraction")) for a in answers] == [
                (text, str(share)) for text, share in credited
            ]
        case Kind.YEAR_GUESS:
            assert question.date is not None
            years = year_range(question.date)
            full, half = answers
            centre, tolerance = float(text_of(full, ".")), float(full.findtext("tolerance") or "nan")
            assert (full.get("fraction"), half.get("fraction")) == ("100", "50")
            assert centre - tolerance <= question.date.year <= centre + tolerance
            assert (centre, tolerance) == (years.centre, years.tolerance)
            assert float(half.findtext("tolerance") or 0) > tolerance
        case Kind.ORDER:
            labels = {item.id: item.label for item in question.items}
            assert [html_to_text(text_of(a, ".")) for a in answers] == [
                labels[i] for i in question.correct_order
            ]
            assert [a.get("fraction") for a in answers] == [
                f"{n}.0000000" for n in range(1, len(answers) + 1)
            ]
    assert html_to_text(questiontext) == question.stem


def test_every_question_reads_back_as_the_engine_made_it(
    soleimani: Deck, soleimani_xml: tuple[ET.Element, str]
) -> None:
    root, err = soleimani_xml
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert text_of(category, "category") == "$course$/top/quizgen/Qasem Soleimani"
    assert category.findtext("idnumber") == f"quizgen-deck-{soleimani.target.deck.id}"
    timeline = [text_of(e, "name") for e, q in zip(questions, soleimani.questions, strict=True) if q.items]
    assert timeline
    assert len(set(timeline)) == len(timeline)  # alike stems, told apart by their events
    for element, question in zip(questions, soleimani.questions, strict=True):
        check_question(element, question)
    halves = [e for e in questions if any(a.get("fraction") == "50" for a in e.findall("answer"))]
    assert halves, "'Which two organisations...?' gives half for one, as the app does"
    assert {QTYPES[q.kind] for q in soleimani.questions} == set(AFTER_HEAD)  # all seven kinds
    assert err == ""  # Moodle XML carries everything: nothing to report


def test_elements_follow_moodles_own_order(soleimani_xml: tuple[ET.Element, str]) -> None:
    root, _ = soleimani_xml
    for element in root.findall("question")[1:]:
        tags = [child.tag for child in element]
        assert tags[: len(HEAD)] == HEAD
        rest = [tag for i, tag in enumerate(tags[len(HEAD) :]) if i == 0 or tag != tags[len(HEAD) + i - 1]]
        assert rest == AFTER_HEAD[element.get("type", "")], element.get("type")
        for answer in element.findall("answer"):
            assert answer.get("format") in ("html", "plain_text", "moodle_auto_format")
            assert answer[0].tag == "text"
        if element.get("type") == "numerical":
            assert all(a.find("tolerance") is not None for a in element.findall("answer"))


def test_idnumbers_fit_moodle_and_stay_unique(soleimani: Deck) -> None:
    numbers = [idnumber(q.id) for q in soleimani.questions]
    assert max(len(n) for n in numbers) <= IDNUMBER_LIMIT
    assert len(set(numbers)) == len(numbers)
    long_ids = [q.id for q in soleimani.questions if len(q.id) > IDNUMBER_LIMIT]
    assert long_ids, "the bundled deck has timeline ids past Moodle's 100 characters"
    assert all(idnumber(i).startswith(i[:80]) for i in long_ids)


def test_hostile_content_reads_back_as_written(hostile: Deck, hostile_xml: tuple[ET.Element, str]) -> None:
    root, err = hostile_xml
    questions = root.findall("question")[1:]
    assert len(questions) == len(hostile.questions)
    for element, question in zip(questions, hostile.questions, strict=True):
        check_question(element, question)
        assert "<script" not in text_of(element, "questiontext")
    changed = with_control_characters(hostile.questions)
    assert changed, "the hostile content carries a terminal escape"
    assert err.splitlines() == [
        f"moodle: {i}: control characters written as visible escapes (such as \\x1b)" for i in changed
    ]


@pytest.mark.parametrize("ending", ["&", "\\"])
def test_a_cloze_answer_moodle_cannot_end_is_left_out_and_said(tmp_path: Path, ending: str) -> None:
    """Moodle's answer pattern cannot end an answer on '&' or '\\': the blank would vanish."""
    from .conftest import CURIE

    content = tmp_path / "curie.yaml"
    text = Path(CURIE).read_text(encoding="utf-8")
    content.write_text(text.replace("accept: [greatest teacher]", f"accept: ['greatest teacher {ending}']"))
    path = tmp_path / "quiz.xml"
    code, _, err = run_quietly("export", str(content), "-o", str(path))
    assert code == ExitCode.OK, err
    cloze_id = "tabloid-greatest:described-as:cloze"
    assert f"moodle: skipped {cloze_id}: Moodle's cloze syntax cannot hold" in err
    for element in ET.parse(path).getroot().iter("question"):
        if element.get("type") == "cloze":
            cloze = parse_cloze(element.findtext("questiontext/text") or "")
            assert cloze.blanks, cloze
            assert all(cloze.blanks), cloze
