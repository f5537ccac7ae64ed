"""Shared fixtures for the classroom formats: the decks, hostile content, and running the commands.

Files are generated once per module (module-scoped fixtures) and re-read by
several tests, so the suite stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import Target, open_target

DATA = Path(__file__).parent.parent / "data"
CURIE = str(DATA / "curie.yaml")
EPOCH = "1767225600"  # 2026-01-01 00:00 UTC
RTL_WORDS = ("قاسم", "سليماني", "שלום", "עולם")

# Markup for Rich, Textual and HTML, script, cloze and GIFT syntax, braces, tabs, line breaks,
# right-to-left text and Typst's own specials, in names, titles, quotes and sources.
HOSTILE = r"""
sources:
  - id: evil-src
    title: "Evil <b>bold</b> [bold red]source[/] {{c1::x}}"
    publisher: "Pub <script>alert(1)</script> #*$[{ ~=#{}:\\ end"
    kind: article
entities:
  - id: villain
    type: person
    name: "<script>alert(1)</script> [@click=app.quit]Villain[/]"
    aliases: ["Vil\tlain", "{1:SHORTANSWER:=x}", "=SUM(A1)*2", "Vil -> lain"]
  - id: town
    type: place
    name: "#*$[{ Town ~=#{}:\\ }"
  - id: other-town
    type: place
    name: "قاسم سليماني"
  - id: third-town
    type: place
    name: "שלום עולם"
  - id: fourth-town
    type: place
    name: "Tab\tand\nnewline \e[31mtown"
facts:
  - id: villain-born-in
    subject: villain
    relation: born_in
    object: town
    sources: [evil-src]
    quote: "The villain <script>x</script> {1:SA:=y} was born in #*$[{ Town ~=#{}:\\ } long ago, as records show [b]."
events:
  - id: evil-event
    date: 1999-05-01
    title: "The <script>alert(1)</script> affair {1:SA:=y} *bold* $x$"
    sources: [evil-src]
  - id: second-event
    date: 2001
    title: "Second <i>event</i>\twith a tab"
    sources: [evil-src]
  - id: third-event
    date: 2005
    title: "Third event -> arrow"
    sources: [evil-src]
"""


@dataclass(frozen=True)
class Deck:
    """A deck as the tests use it: what the command is given, and the engine's own questions."""

    spec: str
    target: Target
    questions: list[Question]

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}


def load(spec: str) -> Deck:
    target = open_target(spec)
    return Deck(spec, target, generate_for_deck(target.deck, target.library))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_quietly(*args: str) -> tuple[int, str, str]:
    """The command in a module-scoped fixture (where capsys is not available)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module", autouse=True)
def fixed_epoch() -> Iterator[str]:
    """Every classroom test runs at one moment: the engine's present year and each file's dates agree."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        yield EPOCH


@pytest.fixture(scope="module")
def soleimani() -> Deck:
    return load("soleimani")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return load(str(path))
