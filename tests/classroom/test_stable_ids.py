"""A corrected fact keeps every identifier (Moodle's idnumber, GIFT's, QTI's item ident), while the
names a question bank lists follow the new wording."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from quizgen.exitcodes import ExitCode

from .conftest import DATA, run_quietly

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
REWORDED = {
    "    name: Marie Curie\n": "    name: Maria Skłodowska-Curie\n",
    "title: Marie Curie receives the Nobel Prize in Physics": "title: Curie is awarded the Nobel Prize in Physics",
    "    title: Marie Curie\n": "    title: Marie Curie, a life\n",
}


def identifiers(folder: Path, content: Path) -> dict[str, list[tuple[str, ...]]]:
    """Each format's identifiers, in file order, and the question texts to prove the wording moved."""
    for name in ("quiz.xml", "quiz.gift", "quiz.zip"):
        code, _, err = run_quietly("export", str(content), "-o", str(folder / name))
        assert code == ExitCode.OK, err
    moodle = ET.parse(folder / "quiz.xml").getroot().findall("question")[1:]
    with zipfile.ZipFile(folder / "quiz.zip") as archive:
        assessment = next(n for n in archive.namelist() if n.count("/") == 1 and not n.endswith("meta.xml"))
        items = ET.fromstring(archive.read(assessment)).iter(f"{QTI}item")
        qti = [(item.get("ident", ""), item.get("title", "")) for item in items]
    gift = (folder / "quiz.gift").read_text(encoding="utf-8")
    return {
        "moodle": [(q.findtext("idnumber") or "",) for q in moodle],
        "gift": re.findall(r"^// \[id:(.+)\]$", gift, re.MULTILINE),
        "qti": [(ident,) for ident, _ in qti],
        "names": [(q.findtext("name/text") or "",) for q in moodle]
        + [(name,) for name in re.findall(r"^::(.+?)::", gift, re.MULTILINE)]
        + [(title,) for _, title in qti],
        "texts": [(q.findtext("questiontext/text") or "",) for q in moodle],
    }


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    folder = tmp_path_factory.mktemp("reworded")
    original = (DATA / "curie.yaml").read_text(encoding="utf-8")
    reworded = original
    for old, new in REWORDED.items():
        assert old in reworded
        reworded = reworded.replace(old, new)
    (folder / "first").mkdir()
    (folder / "second").mkdir()
    (folder / "curie.yaml").write_text(original, encoding="utf-8")
    before = identifiers(folder / "first", folder / "curie.yaml")
    (folder / "curie.yaml").write_text(reworded, encoding="utf-8")  # the same file, corrected
    after = identifiers(folder / "second", folder / "curie.yaml")
    return before, after


@pytest.mark.parametrize("fmt", ["moodle", "gift", "qti"])
def test_rewording_keeps_every_identifier(before_and_after: tuple[dict, dict], fmt: str) -> None:
    before, after = before_and_after
    assert len(before[fmt]) > 20
    assert after[fmt] == before[fmt]


@pytest.mark.parametrize("part", ["texts", "names"])
def test_the_wording_did_change(before_and_after: tuple[dict, dict], part: str) -> None:
    before, after = before_and_after
    changed = [a for a, b in zip(after[part], before[part], strict=True) if a != b]
    assert len(changed) > 10
    assert any("Maria Skłodowska-Curie" in text for (text,) in changed)
