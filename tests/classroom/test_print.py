"""``quizgen print``: the PDF read back with pypdf (questions, options, keys, pages), the CSV keys, the refusals."""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pypdf
import pytest

from quizgen.classroom import paper, printable
from quizgen.classroom.paper import LETTERS, Version
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.questions.model import Question, SourceRef
from quizgen.questions.normalise import contains_phrase
from quizgen.textsafe import visible

from .conftest import RTL_WORDS, Deck, run, run_quietly

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def flat(text: str) -> str:
    """Text as the PDF reads back: whitespace collapsed, control characters as visible escapes."""
    return visible(" ".join(text.split()))


@dataclass(frozen=True)
class Printed:
    pdf: Path
    title: str
    pages: list[str]  # each page's text, whitespace collapsed
    sizes: list[tuple[float, float]]
    versions: list[Version]
    out: str
    err: str

    def part(self, tag: str) -> list[str]:
        """The pages whose header carries ``tag`` ("Version A", "Answer key · Version A")."""
        return [page for page in self.pages if page.startswith(f"{self.title} {tag} ")]


def read_pdf(path: Path) -> tuple[list[str], list[tuple[float, float]]]:
    reader = pypdf.PdfReader(path)
    pages = [flat(page.extract_text()) for page in reader.pages]
    sizes = [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in reader.pages]
    return pages, sizes


def print_test(deck: Deck, pdf: Path, *options: str, letters: str = "A", count: int = 20) -> Printed:
    code, out, err = run_quietly("print", deck.spec, "-o", str(pdf), "--versions", letters, *options)
    assert code == ExitCode.OK, err
    kinds = None
    if "--kinds" in options:
        kinds = {Kind(k) for k in options[options.index("--kinds") + 1].split(",")}
    chosen = paper.choose(deck.questions, count, 0, kinds)
    versions = paper.make_versions(paper.parse_versions(letters), chosen, 0)
    pages, sizes = read_pdf(pdf) if pdf.exists() else ([], [])
    return Printed(pdf, deck.target.deck.title, pages, sizes, versions, out, err)


@pytest.fixture(scope="module")
def two_versions(soleimani: Deck, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return print_test(soleimani, tmp_path_factory.mktemp("print") / "test.pdf", letters="A,B")


def printed_lines(printed: paper.PrintedQuestion) -> list[str]:
    """What a version must show for one question, in order: its number and text, then options or boxes."""
    question = printed.question
    if question.cloze is not None:
        head = [f"{printed.number}. {flat(question.cloze.before)}", flat(question.cloze.after)]
    else:
        head = [f"{printed.number}. {flat(question.stem)}"]
    options = [f"{LETTERS[i]}. {flat(option)}" for i, option in enumerate(printed.options)]
    items = [flat(item.label) for item in printed.items]
    return [line for line in [*head, *options, *items] if line]


def test_each_version_prints_its_questions_in_its_own_order(two_versions: Printed) -> None:
    for version in two_versions.versions:
        text = " ".join(two_versions.part(f"Version {version.letter}"))
        assert text.startswith("Qasem Soleimani Version " + version.letter + " Qasem Soleimani 20 questions")
        assert "Name Class Date" in text
        position = 0
        for printed in version.questions:
            for line in printed_lines(printed):
                found = text.find(line, position)
                assert found >= 0, f"version {version.letter}: {line!r} missing or out of order"
                position = found + len(line)
            if printed.question.kind is Kind.YEAR_GUESS:
                assert text.startswith(
                    "Year:", text.find(flat(printed.question.stem)) + len(flat(printed.question.stem)) + 1
                )
        sources = text[text.rindex(" Sources ") :]
        for citation in {ref.citation for p in version.questions for ref in p.question.sources}:
            assert flat(citation) in sources
    a, b = two_versions.versions
    assert [p.question.id for p in a.questions] != [p.question.id for p in b.questions]
    assert sorted(p.question.id for p in a.questions) == sorted(p.question.id for p in b.questions)


def test_each_key_follows_its_version_after_a_page_break(two_versions: Printed) -> None:
    order = []
    for page in two_versions.pages:
        tag = re.match(r"Qasem Soleimani (Answer key · Version [AB]|Version [AB]) ", page)
        assert tag is not None, page[:80]
        if not order or order[-1] != tag.group(1):
            order.append(tag.group(1))
    assert order == ["Version A", "Answer key · Version A", "Version B", "Answer key · Version B"]
    for version in two_versions.versions:
        key = " ".join(two_versions.part(f"Answer key · Version {version.letter}"))
        assert f"Answer key — Version {version.letter} No. Answer" in key
        position = 0
        for printed in version.questions:
            entry = f"{printed.number} {flat(printed.key)}"
            found = key.find(entry, position)
            assert found >= 0, f"{entry!r} missing from key {version.letter}"
            position = found + len(entry)
            if printed.key_index is not None:  # the letter's option is named beside it
                assert key.startswith(flat(printed.options[printed.key_index]), position + 1)
        for printed in version.questions:  # the key is on pages of its own
            assert flat(printed.question.stem) not in key or printed.question.kind is Kind.CLOZE


def test_csv_keys_for_scanning_tools(two_versions: Printed) -> None:
    for version in two_versions.versions:
        path = two_versions.pdf.with_name(f"test-key-{version.letter}.csv")
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["question", "answer"]
        assert rows[1:] == [[str(p.number), " ".join(p.key.split())] for p in version.questions]
        lettered = [
            row for row, p in zip(rows[1:], version.questions, strict=True) if p.key_index is not None
        ]
        assert lettered
        assert all(row[1] in LETTERS for row in lettered)
    assert f"Wrote {two_versions.pdf.with_name('test-key-B.csv')}" in two_versions.out


SAMPLE = Question(
    id="f:t:typed",
    kind=Kind.TYPED,
    stem="Where?",
    answer="Baghdad",
    statement_ids=("f",),
    template_id="t",
    sources=(SourceRef("s", "Source", "Source"),),
)


def test_a_csv_key_never_holds_a_formula() -> None:
    """An answer starting with = + - or @ would run as a formula when a teacher opens the key in a
    spreadsheet: it is written as text (a leading apostrophe), and other answers as they are."""
    answers = ['=HYPERLINK("http://x")', "+3", "-5 degrees", "@home", "Baghdad"]
    questions = tuple(
        paper.PrintedQuestion(number, replace(SAMPLE, answer=answer))
        for number, answer in enumerate(answers, 1)
    )
    rows = list(csv.reader(printable.key_csv(Version("A", questions)).decode("utf-8").splitlines()))
    assert [row[1] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x")',
        "'+3",
        "'-5 degrees",
        "'@home",
        "Baghdad",
    ]


def test_pages_are_a4_numbered_and_none_is_blank(two_versions: Printed) -> None:
    assert len(two_versions.pages) >= 4
    assert set(two_versions.sizes) == {A4}
    for tag in ("Version A", "Answer key · Version A", "Version B", "Answer key · Version B"):
        pages = two_versions.part(tag)
        assert pages, tag
        total = len(pages)
        for number, page in enumerate(pages, 1):
            footer = f"{tag} Page {number} of {total}"
            assert page.endswith(footer)
            body = page.removeprefix(f"{two_versions.title} {tag} ").removesuffix(footer)
            # questions, key rows or the sources: never the header, footer and a table's head only
            assert len(body.replace("No. Answer", "").strip()) >= 5, page
    first = two_versions.part("Version A")[0]
    assert len(re.findall(r"\b\d+\. ", first)) >= 5  # questions fill the first page, not one a page


def test_same_deck_seed_and_epoch_give_identical_bytes(
    soleimani: Deck, two_versions: Printed, tmp_path: Path
) -> None:
    again = tmp_path / "again.pdf"
    assert run_quietly("print", "soleimani", "--versions", "A,B", "-o", str(again))[0] == ExitCode.OK
    assert again.read_bytes() == two_versions.pdf.read_bytes()
    other = tmp_path / "other.pdf"
    assert run_quietly("print", "soleimani", "--versions", "A,B", "--seed", "1", "-o", str(other))[0] == 0
    assert other.read_bytes() != two_versions.pdf.read_bytes()


def test_key_only_and_us_letter(soleimani: Deck, tmp_path: Path) -> None:
    printed = print_test(
        soleimani, tmp_path / "keys.pdf", "--key-only", "--paper", "us-letter", letters="A,B"
    )
    assert set(printed.sizes) == {LETTER}
    assert all(re.match(r"Qasem Soleimani Answer key · Version [AB] ", page) for page in printed.pages)
    assert "Name Class Date" not in " ".join(printed.pages)
    assert "answer keys" in printed.out


def test_the_keys_alone_never_replace_the_printed_test(soleimani: Deck, tmp_path: Path) -> None:
    """Printed after the test under the same name (the README's two examples both wrote
    soleimani.pdf), the keys alone replaced the test without a word."""
    test = tmp_path / "t.pdf"
    assert run_quietly("print", "soleimani", "--count", "5", "-o", str(test))[0] == ExitCode.OK
    before = test.read_bytes()
    code, _out, err = run_quietly("print", "soleimani", "--count", "5", "--key-only", "-o", str(test))
    assert code == ExitCode.FAILURE
    assert "holds a printed test, which the answer keys alone would replace" in flat(err)
    assert "t-keys.pdf" in flat(err)
    assert test.read_bytes() == before
    keys = tmp_path / "keys.pdf"  # the keys alone may replace the keys alone
    for _ in range(2):
        code, _out, err = run_quietly("print", "soleimani", "--count", "5", "--key-only", "-o", str(keys))
        assert code == ExitCode.OK, err
    code, _out, err = run_quietly("print", "soleimani", "--count", "5", "--key-only", "-o", str(tmp_path))
    assert code == ExitCode.OK, err
    assert printable.is_printed_keys(tmp_path / "soleimani-keys.pdf")  # by default, under its own name
    assert not printable.is_printed_keys(test)


def test_a_folder_holds_the_test_under_the_decks_name(soleimani: Deck, tmp_path: Path) -> None:
    code, _out, err = run_quietly("print", "soleimani", "--count", "5", "-o", str(tmp_path))
    assert code == ExitCode.OK, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["soleimani-key-A.csv", "soleimani.pdf"]


def test_separate_files_per_version(soleimani: Deck, tmp_path: Path) -> None:
    code, _out, err = run_quietly(
        "print", "soleimani", "--versions", "A,B", "--separate", "-o", str(tmp_path / "t.pdf")
    )
    assert code == ExitCode.OK, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t-A.pdf", "t-B.pdf", "t-key-A.csv", "t-key-B.csv"]
    for letter in "AB":
        pages, _ = read_pdf(tmp_path / f"t-{letter}.pdf")
        other = "B" if letter == "A" else "A"
        assert all(f"Version {letter} " in page and f"Version {other}" not in page for page in pages)


def printed(tmp_path: Path, name: str, *options: str) -> str:
    code, out, err = run_quietly("print", "soleimani", "--count", "5", "-o", str(tmp_path / name), *options)
    assert code == ExitCode.OK, err
    return " ".join(out.split())


def test_a_new_print_removes_the_keys_and_tests_the_earlier_one_left(tmp_path: Path) -> None:
    """Version B's key of an earlier print stayed beside a new test that has no version B: a teacher
    could mark a class against it. So did one PDF per version beside a test printed as one."""
    (tmp_path / "t-key-C.csv").write_text("1,A\n")  # the teacher's own: never removed
    printed(tmp_path, "t.pdf", "--versions", "A,B")
    out = printed(tmp_path, "t.pdf", "--versions", "A", "--seed", "5")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t-key-A.csv", "t-key-C.csv", "t.pdf"]
    assert f"Removed {tmp_path / 't-key-B.csv'}: an earlier print's" in out
    printed(tmp_path, "t.pdf", "--versions", "A,B", "--separate")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "t-A.pdf",
        "t-B.pdf",
        "t-key-A.csv",
        "t-key-B.csv",
        "t-key-C.csv",
    ]
    printed(tmp_path, "t.pdf", "--versions", "A")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t-key-A.csv", "t-key-C.csv", "t.pdf"]


def test_a_hand_edited_key_is_refused_as_edited(tmp_path: Path) -> None:
    """It was refused as "not an answer key written by quizgen", though quizgen wrote it."""
    printed(tmp_path, "t.pdf")
    key = tmp_path / "t-key-A.csv"
    key.write_text(key.read_text() + "21,B\n")
    code, _out, err = run_quietly("print", "soleimani", "--count", "5", "-o", str(tmp_path / "t.pdf"))
    assert code == ExitCode.FAILURE
    assert f"{key} has changed since quizgen wrote it; refusing to overwrite it" in " ".join(err.split())
    assert key.read_text().endswith("21,B\n")


def test_a_stale_key_that_cannot_be_removed_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printed(tmp_path, "t.pdf", "--versions", "A,B")

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    code, out, err = run_quietly("print", "soleimani", "--count", "5", "-o", str(tmp_path / "t.pdf"))
    assert code == ExitCode.OK, err  # the new test and its key are written all the same
    assert f"Wrote {tmp_path / 't.pdf'}" in " ".join(out.split())
    assert (
        f"{tmp_path / 't-key-B.csv'} is an earlier print's, which this test's keys do not match, and could"
        " not be removed: Permission denied"
    ) in " ".join(err.split())


def test_a_test_printed_under_a_name_like_a_version_is_its_own(tmp_path: Path) -> None:
    """ "-o t-B.pdf" is a test of its own (its key is t-B-key-A.csv), not version B of t.pdf."""
    printed(tmp_path, "t-B.pdf")
    printed(tmp_path, "t.pdf", "--versions", "A,B")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "t-B-key-A.csv",
        "t-B.pdf",
        "t-key-A.csv",
        "t-key-B.csv",
        "t.pdf",
    ]


def test_key_positions_over_a_long_test(soleimani: Deck, capsys: pytest.CaptureFixture[str]) -> None:
    """Each letter carries the key as often as the test allows (±1 per number of options), in every version."""
    kinds = {Kind.MULTIPLE_CHOICE, Kind.WHICH_FIRST}
    chosen = paper.choose(soleimani.questions, 28, 0, kinds)
    assert len(chosen) == 28
    report = []
    for version in paper.make_versions(("A", "B", "C"), chosen, 0):
        by_size: dict[int, dict[str, int]] = {}
        longest = 0
        for printed in version.questions:
            size = len(printed.options)
            tally = by_size.setdefault(size, dict.fromkeys(LETTERS[:size], 0))
            tally[printed.key] += 1
            lengths = sorted((len(o) for o in printed.options), reverse=True)
            longest += len(printed.options[printed.key_index]) == lengths[0] > lengths[1]
        for size, tally in by_size.items():
            assert max(tally.values()) - min(tally.values()) <= 1, (version.letter, size, tally)
        overall = version.key_positions()
        assert set(overall) == set("ABCD")
        assert overall["A"] <= 14  # 27 four-way and 11 two-way questions: A never dominates
        assert longest / len(chosen) <= 0.4  # the key is not reliably the longest option
        report.append(
            f"version {version.letter}: keys {dict(sorted(overall.items()))}, by options "
            f"{dict(sorted(by_size.items()))}, key strictly longest in {longest}/40"
        )
    with capsys.disabled():
        print("\n40-question key positions:\n  " + "\n  ".join(report))


def test_hostile_content_prints_literally(hostile: Deck, tmp_path: Path) -> None:
    kinds = "multiple_choice,year_guess,order,which_first"
    printed = print_test(hostile, tmp_path / "h.pdf", "--kinds", kinds)
    text = " ".join(printed.pages)
    for version in printed.versions:
        for question in version.questions:
            for line in printed_lines(question):
                if any(word in line for word in RTL_WORDS):  # extracted in visual order: checked below
                    assert line[:3] in text
                else:
                    assert line in text
    assert "#*$[{ Town ~=#{}:\\ }" in text
    assert "{1:SA:=y} *bold* $x$" in text
    assert "<script>alert(1)</script> [@click=app.quit]Villain[/]" in text
    for word in RTL_WORDS:  # right-to-left words come back in visual order, each whole
        assert word in text.replace(" ", "") or word in text
    cloze = print_test(hostile, tmp_path / "c.pdf", "--kinds", "cloze")
    assert (
        "“The villain <script>x</script> {1:SA:=y} was born in long ago, as records show [b].”"
        in " ".join(cloze.pages)
    )


def test_missing_typst_names_the_install_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "typst", None)  # import typst now raises ImportError
    code, out, err = run(capsys, "print", "soleimani", "-o", str(tmp_path / "t.pdf"))
    assert code == ExitCode.FAILURE
    assert (
        err
        == 'quizgen: printing needs Typst, which is not installed: python3 -m pip install "quizgen[print]"\n'
    )
    assert out == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("test.pdf", b"%PDF-1.7 my own worksheet", "is not a test printed by quizgen"),
        ("test-key-A.csv", b"question,answer\n1,my own key\n", "is not an answer key written by quizgen"),
    ],
)
def test_refuses_to_overwrite_what_it_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(content)
    code, _, err = run(capsys, "print", "soleimani", "-o", str(tmp_path / "test.pdf"))
    assert code == ExitCode.FAILURE
    assert f"{tmp_path / name} exists and {message}; refusing to overwrite it" in err
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_bytes() == content


def test_replaces_its_own_files(two_versions: Printed, tmp_path: Path) -> None:
    target = tmp_path / "test.pdf"
    target.write_bytes(two_versions.pdf.read_bytes())
    assert printable.is_printed_test(target)
    assert run_quietly("print", "soleimani", "-o", str(target), "--count", "5")[0] == ExitCode.OK


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kinds", "essay"],
            "unknown kind 'essay' (kinds: multiple_choice, typed, true_false, cloze, year_guess, order, which_first)",
        ),
        (["--versions", "A,A"], "each version is named once: 'A,A'"),
        (["--count", "0"], "must be 1 or more, not 0"),
    ],
)
def test_bad_options_are_refused_with_a_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(capsys, "print", "soleimani", "-o", str(tmp_path / "t.pdf"), *args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_a_pdf_name_and_a_short_deck_are_explained(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "print", "soleimani", "-o", str(tmp_path / "test.docx"))
    assert code == ExitCode.FAILURE
    assert "is not a .pdf name; the test is a PDF" in err
    code, _, err = run(capsys, "print", "soleimani-timeline", "-o", str(tmp_path / "t.pdf"), "--count", "500")
    assert code == ExitCode.OK
    assert re.search(r"gives (\d+) questions that do not give each other away; the test has \1, not 500", err)


def test_default_name_and_kinds_without_questions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "print", "soleimani-timeline", "--count", "3")
    assert code == ExitCode.OK, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "soleimani-timeline-key-A.csv",
        "soleimani-timeline.pdf",
    ]
    assert "3 questions; version A, each followed by its answer key" in out
    code, out, err = run(
        capsys, "print", "soleimani-timeline", "--count", "1", "-o", str(tmp_path / "one.pdf")
    )
    assert code == ExitCode.OK, err
    assert "“Qasem Soleimani — timeline”: 1 question; version A" in out  # was "1 questions"
    code, _, err = run(
        capsys, "print", "soleimani-timeline", "--kinds", "typed", "-o", str(tmp_path / "t.pdf")
    )
    assert code == ExitCode.FAILURE
    assert err == "quizgen: “Qasem Soleimani — timeline” has no questions of the kinds asked for\n"


@pytest.mark.parametrize("seed", range(5))
def test_no_two_questions_of_a_test_share_a_fact_or_an_event(seed: int) -> None:
    """The timeline deck asks each event many ways: which came first of it and another, its year..."""
    from .conftest import load

    timeline = load("soleimani-timeline")
    chosen = paper.choose(timeline.questions, 20, seed)
    asked = [statement for question in chosen for statement in question.statement_ids]
    assert len(chosen) >= 8
    assert len(asked) == len(set(asked))
    assert {q.kind for q in chosen} >= {Kind.WHICH_FIRST, Kind.YEAR_GUESS}


@pytest.mark.parametrize(("seed", "count"), [(seed, count) for seed in range(8) for count in (20, 40)])
def test_no_question_of_a_test_shows_another_ones_answer(soleimani: Deck, seed: int, count: int) -> None:
    """ "True or false: he was killed in Baghdad on 3 January 2020" answers "In what year was he
    assassinated?", though one asks of a fact and the other of an event."""
    chosen = paper.choose(soleimani.questions, count, seed)
    assert len(chosen) == count
    for question in chosen:
        if question.answer_kind not in ("date", "quantity") or question.kind is Kind.TRUE_FALSE:
            continue
        for other in chosen:
            shown = other.cloze.text if other.cloze else other.stem
            shown += " " + " ".join(item.label for item in other.items)
            assert other is question or not contains_phrase(shown, question.answer), (question.id, other.id)


def test_the_key_tells_half_credit_from_full(soleimani: Deck) -> None:
    """ "UN" for "Which two international organisations...?" earns half in the app, Moodle and
    GIFT: a teacher marking by the key must not give it full marks."""
    (sanctions,) = [q for q in soleimani.questions if q.id == "soleimani-sanctioned:sanctioned-by:typed"]
    (version,) = paper.make_versions(("A",), [sanctions], 0)
    (key,) = printable.payload(soleimani.target.deck, [version])["versions"][0]["key"]
    assert key["answer"] == "the United Nations and the European Union"
    assert key["detail"] == "half credit: United Nations; UN; U.N.; European Union; EU"

    born = next(q for q in soleimani.questions if q.id == "soleimani-born-in:born-in:typed")
    (version,) = paper.make_versions(("A",), [born], 0)
    (key,) = printable.payload(soleimani.target.deck, [version])["versions"][0]["key"]
    assert key["detail"].startswith("also accepted: ")
    assert "half credit" not in key["detail"]
