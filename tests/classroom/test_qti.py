"""Canvas QTI 1.2: the manifest names every file the zip holds, and each item re-reads as the engine's question."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quizgen.classroom.common import bank_name, year_range
from quizgen.classroom.qti import QUESTION_TYPES, assessment_ident, item_ident
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.questions.answers import exact_spellings
from quizgen.questions.model import Question

from .conftest import Deck, run_quietly
from .readers import html_to_text, shown, with_control_characters

NS = {
    "qti": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
    "cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
    "canvas": "http://canvas.instructure.com/xsd/cccv1p0",
}


class Package:
    def __init__(self, path: Path, err: str) -> None:
        self.path, self.err = path, err
        with zipfile.ZipFile(path) as archive:
            self.files = {name: archive.read(name) for name in archive.namelist()}
            self.dates = {info.date_time for info in archive.infolist()}

    def xml(self, name: str) -> ET.Element:
        return ET.fromstring(self.files[name])


def export(deck: Deck, folder: Path) -> Package:
    path = folder / "quiz.zip"
    code, _, err = run_quietly("export", deck.spec, "-o", str(path))
    assert code == ExitCode.OK, err
    return Package(path, err)


@pytest.fixture(scope="module")
def soleimani_qti(soleimani: Deck, tmp_path_factory: pytest.TempPathFactory) -> Package:
    return export(soleimani, tmp_path_factory.mktemp("qti"))


@pytest.fixture(scope="module")
def hostile_qti(hostile: Deck, tmp_path_factory: pytest.TempPathFactory) -> Package:
    return export(hostile, tmp_path_factory.mktemp("qti-hostile"))


def mattext(element: ET.Element) -> str:
    found = element.find("qti:material/qti:mattext", NS)
    assert found is not None
    return found.text or ""


def correct(item: ET.Element) -> list[tuple[str, str, str]]:
    """Every scoring condition: (response, value, points)."""
    rules = []
    for condition in item.findall("qti:resprocessing/qti:respcondition", NS):
        setvar = condition.find("qti:setvar", NS)
        if setvar is None:
            continue
        for equal in condition.iter(f"{{{NS['qti']}}}varequal"):
            rules.append((equal.get("respident", ""), equal.text or "", setvar.text or ""))
    return rules


def check_item(item: ET.Element, question: Question) -> None:
    question = shown(question)
    ident = item.get("ident", "")
    assert ident == item_ident(question.id)
    assert item.get("title") == bank_name(question)
    fields = {
        f.findtext("qti:fieldlabel", namespaces=NS): f.findtext("qti:fieldentry", namespaces=NS)
        for f in item.findall("qti:itemmetadata/qti:qtimetadata/qti:qtimetadatafield", NS)
    }
    assert fields["question_type"] == QUESTION_TYPES[question.kind]
    assert fields["quizgen_question_id"] == question.id
    presentation = item.find("qti:presentation", NS)
    assert presentation is not None
    feedback = item.find("qti:itemfeedback/qti:flow_mat", NS)
    assert feedback is not None
    assert html_to_text(mattext(feedback)).endswith(question.source_line())
    alternatives = exact_spellings(question)
    if question.kind is Kind.CLOZE:
        assert question.cloze is not None
        before, after = mattext(presentation).split("[blank1]")
        assert (html_to_text(before), html_to_text(after)) == (question.cloze.before, question.cloze.after)
        labels = presentation.findall("qti:response_lid/qti:render_choice/qti:response_label", NS)
        assert [mattext(label) for label in labels] == alternatives
        assert correct(item) == [("response_blank1", label.get("ident", ""), "100") for label in labels]
        return
    assert html_to_text(mattext(presentation)) == question.stem
    match question.kind:
        case Kind.MULTIPLE_CHOICE | Kind.WHICH_FIRST | Kind.TRUE_FALSE:
            labels = presentation.findall("qti:response_lid/qti:render_choice/qti:response_label", NS)
            assert [html_to_text(mattext(label)) for label in labels] == list(question.options)
            assert question.answer_index is not None
            assert correct(item) == [("response1", labels[question.answer_index].get("ident", ""), "100")]
        case Kind.TYPED:
            assert [value for _, value, _ in correct(item)] == alternatives
        case Kind.YEAR_GUESS:
            assert question.date is not None
            years = year_range(question.date)
            low = item.find(".//qti:vargte", NS)
            high = item.find(".//qti:varlte", NS)
            assert low is not None
            assert high is not None
            assert float(low.text or "") == years.low
            assert float(high.text or "") == years.high
            assert float(low.text or "") <= question.date.year <= float(high.text or "")
        case Kind.ORDER:
            lids = presentation.findall("qti:response_lid", NS)
            assert [html_to_text(mattext(lid)) for lid in lids] == [item.label for item in question.items]
            places = {
                label.get("ident"): mattext(label)
                for label in lids[0].findall("qti:render_choice/qti:response_label", NS)
            }
            rules = correct(item)
            given = [int(re.match(r"\d+", places[value]).group()) for _, value, _ in rules]
            rank = {item_id: n for n, item_id in enumerate(question.correct_order, 1)}
            assert given == [rank[item.id] for item in question.items]


def test_manifest_names_each_file_and_the_items_read_back(soleimani: Deck, soleimani_qti: Package) -> None:
    ident = assessment_ident(soleimani.target.deck)
    manifest = soleimani_qti.xml("imsmanifest.xml")
    assert manifest.tag == f"{{{NS['cp']}}}manifest"
    hrefs = {f.get("href") for f in manifest.iter(f"{{{NS['cp']}}}file")}
    assert hrefs == set(soleimani_qti.files) - {"imsmanifest.xml"}
    resource = manifest.find("cp:resources/cp:resource[@type='imsqti_xmlv1p2']", NS)
    assert resource is not None
    assert resource.get("identifier") == ident
    dependency = resource.find("cp:dependency", NS)
    assert dependency is not None
    assert (
        manifest.find(f"cp:resources/cp:resource[@identifier='{dependency.get('identifierref')}']", NS)
        is not None
    )

    assessment = soleimani_qti.xml(f"{ident}/{ident}.xml").find("qti:assessment", NS)
    assert assessment is not None
    assert assessment.get("title") == "Qasem Soleimani"
    items = assessment.findall("qti:section/qti:item", NS)
    assert len(items) == len(soleimani.questions)
    for item, question in zip(items, soleimani.questions, strict=True):
        check_item(item, question)
    meta = soleimani_qti.xml(f"{ident}/assessment_meta.xml")
    assert meta.findtext("canvas:title", namespaces=NS) == "Qasem Soleimani"
    assert meta.findtext("canvas:points_possible", namespaces=NS) == f"{len(items)}.0"


def test_ordering_becomes_matching_and_lost_partial_credit_is_said(
    soleimani: Deck, soleimani_qti: Package
) -> None:
    """Moodle gives "UN" half for "Which two international organisations...?"; Canvas cannot."""
    orderings = sum(q.kind is Kind.ORDER for q in soleimani.questions)
    assert soleimani_qti.err == (
        f"qti: wrote {orderings} put-in-order as matching: Canvas has no ordering question: "
        "each event is matched to its place instead\n"
        "qti: kept only the full answers of 1 typed question: Canvas gives no partial credit there, "
        'so what the app and Moodle give half ("UN" for "Which two organisations...?") earns nothing\n'
    )


def test_zip_entries_carry_the_epoch(soleimani_qti: Package) -> None:
    assert soleimani_qti.dates == {(2026, 1, 1, 0, 0, 0)}


def test_hostile_content_reads_back_as_written(hostile: Deck, hostile_qti: Package) -> None:
    ident = assessment_ident(hostile.target.deck)
    items = hostile_qti.xml(f"{ident}/{ident}.xml").findall(".//qti:item", NS)
    for item, question in zip(items, hostile.questions, strict=True):
        check_item(item, question)
    assert len(items) == len(hostile.questions)
    assert hostile_qti.err.splitlines() == [
        *(
            f"qti: {i}: control characters written as visible escapes (such as \\x1b)"
            for i in with_control_characters(hostile.questions)
        ),
        "qti: wrote 1 put-in-order as matching: Canvas has no ordering question: each event is matched to its place instead",
    ]
