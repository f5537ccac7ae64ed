"""Canvas QTI 1.2: a zip with ``imsmanifest.xml``, the assessment, and Canvas's quiz settings.

Canvas imports it with Settings → Import Course Content → "QTI .zip file".
Each kind becomes the Canvas question type that asks the same thing:

- multiple choice and which-came-first: ``multiple_choice_question``;
- true/false: ``true_false_question``;
- typed: ``short_answer_question`` with every accepted answer;
- year guess: ``numerical_question``, the key's years as an exact answer with a margin;
- cloze: ``fill_in_multiple_blanks_question`` with one blank and every accepted answer;
- put-in-order: ``matching_question``, each event matched to its place (1st, 2nd, ...):
  Canvas's classic quizzes have no ordering type, and placing every event
  is the same task, scored per event.

text2qti builds QTI from its own Markdown-like text, which would read
markup in content; here the XML is built with the standard library and
content is HTML-escaped into ``mattext``. Item idents come from the
question id (a digest, since idents must be plain names); the title is the
question's words and kind, as the question bank lists it.
"""

from __future__ import annotations

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from quizgen.decks import Deck
from quizgen.exporting.files import write_zip
from quizgen.facts.model import Kind
from quizgen.questions.answers import FULL, credited_spellings
from quizgen.questions.model import Question

from .common import (
    CONTROL_NOTE,
    Notes,
    Rendered,
    bank_name,
    count_by_kind,
    feedback_lines,
    has_xml_forbidden,
    html_text,
    number,
    question_texts,
    xml_text,
    year_range,
)

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CANVAS_NAMESPACE = "http://canvas.instructure.com/xsd/cccv1p0"
MANIFEST = "imsmanifest.xml"
QUESTION_TYPES = {
    Kind.MULTIPLE_CHOICE: "multiple_choice_question",
    Kind.WHICH_FIRST: "multiple_choice_question",
    Kind.TRUE_FALSE: "true_false_question",
    Kind.TYPED: "short_answer_question",
    Kind.YEAR_GUESS: "numerical_question",
    Kind.CLOZE: "fill_in_multiple_blanks_question",
    Kind.ORDER: "matching_question",
}
BLANK = "blank1"
ORDERING_AS_MATCHING = "Canvas has no ordering question: each event is matched to its place instead"
NO_PARTIAL_CREDIT = (
    "Canvas gives no partial credit there, so what the app and Moodle give half"
    ' ("UN" for "Which two organisations...?") earns nothing'
)


def item_ident(question_id: str) -> str:
    """A QTI ident from the question id alone: the same after any rewording."""
    return "quizgen_" + hashlib.sha256(question_id.encode("utf-8")).hexdigest()[:24]


def assessment_ident(deck: Deck) -> str:
    return f"quizgen_deck_{deck.id}"


def render(deck: Deck, questions: Sequence[Question], timestamp: float) -> Rendered:
    """The zip: manifest, assessment and settings, every entry dated ``timestamp``."""
    notes = Notes("qti")
    ident = assessment_ident(deck)
    credited = {q.id: credited_spellings(q) for q in questions if q.kind in (Kind.TYPED, Kind.CLOZE)}
    full = {qid: [form for form, share in forms if share == FULL] for qid, forms in credited.items()}
    entries = [
        (MANIFEST, _manifest(ident)),
        (f"{ident}/{ident}.xml", _assessment(deck, ident, questions, full)),
        (f"{ident}/assessment_meta.xml", _meta(deck, ident, len(questions))),
    ]
    for question in questions:
        if has_xml_forbidden(question_texts(question)):
            notes.changed(question, CONTROL_NOTE)
    orderings = [q for q in questions if q.kind is Kind.ORDER]
    if orderings:
        notes.lines.append(f"qti: wrote {len(orderings)} put-in-order as matching: {ORDERING_AS_MATCHING}")
    halved = [q for q in questions if len(full.get(q.id, ())) < len(credited.get(q.id, ()))]
    if halved:
        notes.lines.append(f"qti: kept only the full answers of {count_by_kind(halved)}: {NO_PARTIAL_CREDIT}")
    buffer = io.BytesIO()
    write_zip(buffer, entries, timestamp)
    return notes.result(buffer.getvalue(), questions)


def is_qti_package(path: Path) -> bool:
    """Whether a zip is a package quizgen wrote (its manifest's identifier): a course export is never
    replaced."""
    try:
        with zipfile.ZipFile(path) as archive:
            root = ET.fromstring(archive.read(MANIFEST))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError):
        return False
    identifier = root.get("identifier", "")
    return identifier.startswith("quizgen_deck_") and identifier.endswith("_manifest")


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{ET.tostring(root, encoding="unicode")}\n'.encode()


def _manifest(ident: str) -> bytes:
    root = ET.Element("manifest", identifier=f"{ident}_manifest", xmlns=MANIFEST_NAMESPACE)
    metadata = ET.SubElement(root, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(root, "organizations")
    resources = ET.SubElement(root, "resources")
    assessment = ET.SubElement(resources, "resource", identifier=ident, type="imsqti_xmlv1p2")
    ET.SubElement(assessment, "file", href=f"{ident}/{ident}.xml")
    ET.SubElement(assessment, "dependency", identifierref=f"{ident}_meta")
    meta = ET.SubElement(
        resources,
        "resource",
        identifier=f"{ident}_meta",
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{ident}/assessment_meta.xml",
    )
    ET.SubElement(meta, "file", href=f"{ident}/assessment_meta.xml")
    return _xml(root)


def _meta(deck: Deck, ident: str, count: int) -> bytes:
    root = ET.Element("quiz", identifier=ident, xmlns=CANVAS_NAMESPACE)
    ET.SubElement(root, "title").text = xml_text(deck.title)
    ET.SubElement(root, "description").text = html_text(deck.description or "")
    for tag, value in (
        ("shuffle_answers", "true"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{count:.1f}"),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "1"),
        ("available", "false"),
    ):
        ET.SubElement(root, tag).text = value
    return _xml(root)


def _assessment(
    deck: Deck, ident: str, questions: Sequence[Question], full: Mapping[str, Sequence[str]]
) -> bytes:
    """``full``: each typed and cloze question's spellings worth all its points, graded once."""
    root = ET.Element("questestinterop", xmlns=QTI_NAMESPACE)
    assessment = ET.SubElement(root, "assessment", ident=ident, title=xml_text(deck.title))
    section = ET.SubElement(assessment, "section", ident="root_section")
    for question in questions:
        section.append(_item(question, full.get(question.id, ())))
    return _xml(root)


def _item(question: Question, full: Sequence[str]) -> ET.Element:
    ident = item_ident(question.id)
    item = ET.Element("item", ident=ident, title=bank_name(question))
    fields = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (
        ("question_type", QUESTION_TYPES[question.kind]),
        ("points_possible", "1.0"),
        ("quizgen_question_id", xml_text(question.id)),
    ):
        field = ET.SubElement(fields, "qtimetadatafield")
        ET.SubElement(field, "fieldlabel").text = label
        ET.SubElement(field, "fieldentry").text = entry
    presentation = ET.SubElement(item, "presentation")
    processing = ET.Element("resprocessing")
    outcomes = ET.SubElement(processing, "outcomes")
    ET.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = _condition(processing, continue_="Yes")
    ET.SubElement(general[0], "other")
    ET.SubElement(general[1], "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    _fill(question, ident, presentation, processing, full)
    item.append(processing)
    feedback = ET.SubElement(item, "itemfeedback", ident="general_fb")
    text = "".join(f"<p>{html_text(line)}</p>" for line in feedback_lines(question))
    _material(ET.SubElement(feedback, "flow_mat"), text)
    return item


def _fill(
    question: Question, ident: str, presentation: ET.Element, processing: ET.Element, full: Sequence[str]
) -> None:
    """The question's presentation and its scoring, by kind; ``full``, what a written answer takes."""
    if question.kind is Kind.CLOZE:
        assert question.cloze is not None
        text = f"{html_text(question.cloze.before)}[{BLANK}]{html_text(question.cloze.after)}"
        _material(presentation, text)
        answers = [(f"{ident}_a{i}", a) for i, a in enumerate(full, 1)]
        _choices(presentation, f"response_{BLANK}", answers, prompt=BLANK, texttype="text/plain")
        for answer_ident, _ in answers:
            _score(processing, f"response_{BLANK}", answer_ident, "Add", "100")
        return
    _material(presentation, html_text(question.stem))
    match question.kind:
        case Kind.MULTIPLE_CHOICE | Kind.WHICH_FIRST | Kind.TRUE_FALSE:
            choices = [(f"{ident}_c{i}", o) for i, o in enumerate(question.options, 1)]
            _choices(presentation, "response1", choices, html=True)
            assert question.answer_index is not None
            _score(processing, "response1", choices[question.answer_index][0], "Set", "100")
        case Kind.TYPED:
            _blank(presentation)
            condition = _condition(processing)
            for answer in full:
                equal = ET.SubElement(condition[0], "varequal", respident="response1")
                equal.text = xml_text(answer)
            _set(condition[1], "Set", "100")
        case Kind.YEAR_GUESS:
            _blank(presentation, fibtype="Decimal")
            _numerical(processing, question)
        case Kind.ORDER:
            _matching(question, ident, presentation, processing)


def _numerical(processing: ET.Element, question: Question) -> None:
    """Canvas's "exact answer with margin": the centre, or anything from low to high."""
    assert question.date is not None
    years = year_range(question.date)
    condition = _condition(processing)
    either = ET.SubElement(condition[0], "or")
    ET.SubElement(either, "varequal", respident="response1").text = number(years.centre)
    both = ET.SubElement(either, "and")
    ET.SubElement(both, "vargte", respident="response1").text = number(years.low)
    ET.SubElement(both, "varlte", respident="response1").text = number(years.high)
    _set(condition[1], "Set", "100")


def _matching(question: Question, ident: str, presentation: ET.Element, processing: ET.Element) -> None:
    """Each event (left) is matched to its place (right); each right match earns its share."""
    places = [(f"{ident}_p{n}", _place(n, len(question.items))) for n in range(1, len(question.items) + 1)]
    rank = {item_id: n for n, item_id in enumerate(question.correct_order)}
    share = number(round(100 / len(question.items), 2))
    for index, item in enumerate(question.items, 1):
        response = f"response_{index}"
        lid = ET.SubElement(presentation, "response_lid", ident=response)
        _material(lid, html_text(item.label))
        render = ET.SubElement(lid, "render_choice")
        for place_ident, label in places:
            _material(ET.SubElement(render, "response_label", ident=place_ident), label)
        _score(processing, response, places[rank[item.id]][0], "Add", share)


def _place(n: int, total: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    edge = " (earliest)" if n == 1 else " (latest)" if n == total else ""
    return f"{n}{suffix}{edge}"


def _choices(
    parent: ET.Element,
    response: str,
    choices: Sequence[tuple[str, str]],
    *,
    prompt: str | None = None,
    html: bool = False,
    texttype: str = "text/html",
) -> None:
    lid = ET.SubElement(parent, "response_lid", ident=response, rcardinality="Single")
    if prompt is not None:
        _material(lid, prompt, texttype="text/plain")
    render = ET.SubElement(lid, "render_choice")
    for choice_ident, text in choices:
        label = ET.SubElement(render, "response_label", ident=choice_ident)
        _material(label, html_text(text) if html else xml_text(text), texttype=texttype)


def _blank(presentation: ET.Element, fibtype: str | None = None) -> None:
    response = ET.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
    render = ET.SubElement(response, "render_fib", {"fibtype": fibtype} if fibtype else {})
    ET.SubElement(render, "response_label", ident="answer1", rshuffle="No")


def _material(parent: ET.Element, text: str, texttype: str = "text/html") -> None:
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", texttype=texttype).text = text


def _condition(processing: ET.Element, continue_: str = "No") -> tuple[ET.Element, ET.Element]:
    condition = ET.SubElement(processing, "respcondition", {"continue": continue_})
    return ET.SubElement(condition, "conditionvar"), condition


def _score(processing: ET.Element, response: str, answer: str, action: str, points: str) -> None:
    variables, condition = _condition(processing, "No" if action == "Set" else "Yes")
    ET.SubElement(variables, "varequal", respident=response).text = answer
    _set(condition, action, points)


def _set(condition: ET.Element, action: str, points: str) -> None:
    ET.SubElement(condition, "setvar", action=action, varname="SCORE").text = points
