"""Moodle XML: every kind, in a category per deck, each named by its words and numbered by its id.

Moodle imports this with Question bank → Import → "Moodle XML format". The
element structure follows Moodle's own import fixtures (question/format/xml
and question/type/ordering in Moodle's source): each question carries a
``<name>`` from its words (what the question bank lists), its stable id as ``<idnumber>``
and its source in ``<generalfeedback>``.

Text is HTML-escaped into ``format="html"`` fields, with braces as entities
so no content turns into Moodle's cloze syntax. Short answers are plain text
compared with what a student types: there only Moodle's wildcard ``*`` needs
escaping. Inside a cloze, answers are entity-encoded so ``~``, ``#`` and
``}`` cannot end an answer early (Moodle decodes them before comparing).
"""

from __future__ import annotations

import hashlib
import html
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from quizgen.decks import Deck
from quizgen.facts.model import Kind
from quizgen.questions.answers import FULL, credited_spellings
from quizgen.questions.model import Question

from .common import (
    CONTROL_NOTE,
    Notes,
    Rendered,
    bank_name,
    feedback_lines,
    has_xml_forbidden,
    html_text,
    number,
    question_texts,
    xml_text,
    year_range,
)

IDNUMBER_LIMIT = 100  # Moodle's question idnumber column
# the mark of quizgen's own file: Moodle ignores comments, and a re-export replaces only a file that has it
PROLOGUE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!-- written by quizgen: a re-export replaces this file -->\n'
)
PENALTY = "0.3333333"
CLOZE_NOTE = "Moodle's cloze syntax cannot hold \\} or \\# in an answer, or end one on \\ or &"
_CLOZE_ENTITIES = str.maketrans({"~": "&#126;", "#": "&#35;", "}": "&#125;", "{": "&#123;"})


def render(deck: Deck, questions: Sequence[Question]) -> Rendered:
    """The whole quiz file: a category for the deck, then one ``<question>`` per question."""
    notes = Notes("moodle")
    quiz = ET.Element("quiz")
    quiz.append(_category(deck))
    kept = []
    for question in questions:
        if question.kind is Kind.CLOZE and _breaks_cloze(question):
            notes.skipped(question, CLOZE_NOTE)
            continue
        quiz.append(_question(question))
        kept.append(question)
        if has_xml_forbidden(question_texts(question)):
            notes.changed(question, CONTROL_NOTE)

    ET.indent(quiz, space="  ")
    data = f"{PROLOGUE}{ET.tostring(quiz, encoding='unicode')}\n"
    return notes.result(data.encode("utf-8"), kept)


def idnumber(question_id: str) -> str:
    """Moodle's idnumber: the question id, or (past Moodle's 100 characters) its start and a digest."""
    if len(question_id) <= IDNUMBER_LIMIT:
        return question_id
    digest = hashlib.sha256(question_id.encode("utf-8")).hexdigest()[:16]
    return f"{question_id[: IDNUMBER_LIMIT - 17]}~{digest}"


def category_path(deck: Deck) -> str:
    """``$course$/top/quizgen/<deck title>``; a slash in a title is doubled, as Moodle escapes it."""
    return "$course$/top/quizgen/" + xml_text(deck.title).replace("/", "//")


def is_moodle_quiz(path: Path) -> bool:
    """Whether a file is a quiz quizgen wrote (its opening comment): a teacher's own is never replaced."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PROLOGUE.encode())) == PROLOGUE.encode()
    except OSError:
        return False


def _category(deck: Deck) -> ET.Element:
    element = ET.Element("question", type="category")
    _text(element, "category", category_path(deck), None)
    _text(element, "info", html_text(deck.description or ""), "html")
    ET.SubElement(element, "idnumber").text = f"quizgen-deck-{deck.id}"
    return element


def _question(question: Question) -> ET.Element:
    match question.kind:
        case Kind.MULTIPLE_CHOICE | Kind.WHICH_FIRST:
            return _multichoice(question)
        case Kind.TRUE_FALSE:
            return _truefalse(question)
        case Kind.TYPED:
            return _shortanswer(question)
        case Kind.CLOZE:
            return _cloze(question)
        case Kind.YEAR_GUESS:
            return _numerical(question)
        case Kind.ORDER:
            return _ordering(question)
    raise ValueError(f"no Moodle question type for {question.kind}")


def _head(question: Question, qtype: str, text_html: str) -> ET.Element:
    """What every question starts with, in the order Moodle's own export writes it."""
    element = ET.Element("question", type=qtype)
    _text(element, "name", bank_name(question), None)
    _text(element, "questiontext", text_html, "html")
    feedback = "".join(f"<p>{html_text(line)}</p>" for line in feedback_lines(question))
    _text(element, "generalfeedback", feedback, "html")
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "1" if question.kind is Kind.TRUE_FALSE else PENALTY
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = idnumber(question.id)
    return element


def _multichoice(question: Question) -> ET.Element:
    element = _head(question, "multichoice", html_text(question.stem))
    ET.SubElement(element, "single").text = "true"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    for index, option in enumerate(question.options):
        _answer(element, "100" if index == question.answer_index else "0", html_text(option), "html")
    return element


def _truefalse(question: Question) -> ET.Element:
    element = _head(question, "truefalse", html_text(question.stem))
    right = question.answer == "True"
    _answer(element, "100" if right else "0", "true", "moodle_auto_format")
    _answer(element, "0" if right else "100", "false", "moodle_auto_format")
    return element


def _shortanswer(question: Question) -> ET.Element:
    element = _head(question, "shortanswer", html_text(question.stem))
    ET.SubElement(element, "usecase").text = "0"
    for text, share in credited_spellings(question):
        _answer(element, str(share), _wildcard_safe(xml_text(text)), "plain_text")
    return element


def _cloze(question: Question) -> ET.Element:
    assert question.cloze is not None
    blank = "~".join(
        ("=" if share == FULL else f"%{share}%") + _cloze_answer(text)
        for text, share in credited_spellings(question)
    )
    text = f"{html_text(question.cloze.before)}{{1:SHORTANSWER:{blank}}}{html_text(question.cloze.after)}"
    return _head(question, "cloze", text)


def _numerical(question: Question) -> ET.Element:
    assert question.date is not None
    years = year_range(question.date)
    element = _head(question, "numerical", html_text(question.stem))
    full = _answer(element, "100", number(years.centre), "plain_text")
    ET.SubElement(full, "tolerance").text = number(years.tolerance)
    half = _answer(element, "50", number(years.centre), "plain_text")
    ET.SubElement(half, "tolerance").text = number(years.half_marks_tolerance)
    _text(half, "feedback", html_text(f"Close: the answer is {question.answer}."), "html")
    return element


def _ordering(question: Question) -> ET.Element:
    element = _head(question, "ordering", html_text(question.stem))
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "RELATIVE_ALL_PREVIOUS_AND_NEXT"),  # pairs in order, like the app's score
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        ET.SubElement(element, tag).text = value
    by_id = {item.id: item for item in question.items}
    for position, item_id in enumerate(question.correct_order, 1):
        _answer(element, f"{position}.0000000", html_text(by_id[item_id].label), "html")
    return element


def _wildcard_safe(text: str) -> str:
    """Moodle's short answers read ``*`` as "anything"; ``\\*`` is a literal star."""
    return text.replace("*", "\\*")


def _cloze_answer(text: str) -> str:
    return _wildcard_safe(html.escape(xml_text(text), quote=False)).translate(_CLOZE_ENTITIES)


def _breaks_cloze(question: Question) -> bool:
    """Moodle turns ``\\}`` and ``\\#`` into ``}`` and ``#`` after decoding, and its answer pattern
    cannot end an answer on ``\\`` or ``&``: such an answer cannot survive."""
    return any(
        "\\}" in text or "\\#" in text or text.rstrip().endswith(("\\", "&"))
        for text, _ in credited_spellings(question)
    )


def _text(parent: ET.Element, tag: str, value: str, text_format: str | None) -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": text_format} if text_format else {})
    ET.SubElement(element, "text").text = value
    return element


def _answer(parent: ET.Element, fraction: str, value: str, text_format: str) -> ET.Element:
    element = ET.SubElement(parent, "answer", fraction=fraction, format=text_format)
    ET.SubElement(element, "text").text = value
    return element
