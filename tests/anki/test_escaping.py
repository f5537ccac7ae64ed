"""Content is text, never markup: a fact carrying HTML, script or Anki notation shows as written."""

from __future__ import annotations

import re

import pytest
from anki.collection import Collection

from .conftest import T1, Export, export, import_package, plain, rendered

SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
HOSTILE = f"""\
sources:
  - id: evil-src
    title: "Evil <b>bold</b> source"
    publisher: "Pub {IMAGE} \\x1f split"
    kind: article
    url: "https://example.org/evil?a=1&b=2"
entities:
  - id: villain
    type: person
    name: "{SCRIPT}"
  - id: town
    type: place
    name: "{IMAGE}::East"
  - id: other-town
    type: place
    name: "Otherton [sound:x.mp3]"
  - id: third-town
    type: place
    name: "Third {{{{c2::town}}}}"
facts:
  - id: villain-born-in
    subject: villain
    relation: born_in
    object: town
    sources: [evil-src]
    quote: "The villain {SCRIPT} was born in {IMAGE}::East long ago, as records show [sound:x.mp3]."
events:
  - id: evil-event
    date: 1999-05-01
    title: "The {SCRIPT} affair"
    ask: "When did the {IMAGE} affair happen?"
    sources: [evil-src]
  - id: second-event
    date: 2001
    title: "Second <i>event</i>"
    sources: [evil-src]
  - id: third-event
    date: 2005
    title: "Third event"
    sources: [evil-src]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Export:
    folder = tmp_path_factory.mktemp("hostile")
    content = folder / "hostile.yaml"
    content.write_text(HOSTILE, encoding="utf-8")
    return export(str(content), folder / "hostile.apkg", T1)


def test_html_and_scripts_in_content_render_as_text(hostile: Export, collection: Collection) -> None:
    import_package(collection, hostile.path)
    card_ids = collection.find_cards("")
    assert len(card_ids) == hostile.report.cards
    assert {"cloze", "multiple_choice", "typed", "order", "year_guess"} <= set(hostile.report.by_kind)
    for card_id in card_ids:
        card = collection.get_card(card_id)
        front, back = rendered(card)
        for side in (front, back):
            assert "<script>alert" not in side
            assert "<img" not in side.lower()
            assert "<b>bold" not in side
            assert "<i>event" not in side
            assert "replay-button" not in side
            assert "[sound:" not in side
        question = hostile.spec_for(collection.get_note(card.nid).guid).questions[card.ord]
        shown = question.cloze.before if question.cloze else question.stem
        assert shown in plain(front)  # as the author wrote it, tags and all
        assert f"Source: “Evil <b>bold</b> source”, Pub {IMAGE}" in plain(back)
        assert 'href="https://example.org/evil?a=1&amp;b=2"' in back


def test_anki_notation_in_content_adds_no_cloze_and_splits_no_field(
    hostile: Export, collection: Collection
) -> None:
    import_package(collection, hostile.path)
    (cloze_note,) = collection.find_notes('"note:quizgen Cloze v1"')
    cards = collection.get_note(cloze_note).cards()
    assert len(cards) == 1  # the key's "::" is no hint, and no second cloze appears
    _, back = rendered(cards[0])
    revealed = re.findall(r'<span class="cloze" data-ordinal="1">(.*?)</span>', back)
    assert [plain(text) for text in revealed] == [f"{IMAGE}::East"]
    for note_id in collection.find_notes(""):
        note = collection.get_note(note_id)
        assert (
            plain(note["Source"]) == "“Evil <b>bold</b> source”, Pub <img src=x onerror=alert(1)> \\x1f split"
        )
    (choice,) = collection.find_notes('"Quizgen id:villain-born-in:born-in:multiple_choice"')
    options = [plain(collection.get_note(choice)[f"Option {n}"]) for n in (1, 2, 3)]
    assert sorted(options) == sorted(["Otherton [sound:x.mp3]", "Third {{c2::town}}", f"{IMAGE}::East"])
