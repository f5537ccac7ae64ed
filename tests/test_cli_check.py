"""`quizgen check`: one line per clean file, every problem with its place, exit codes, no tracebacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.cli import main

DATA = Path(__file__).parent / "data"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_clean_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(DATA / "curie.yaml"))
    assert code == 0
    assert out.strip().endswith("curie.yaml: 2 sources, 8 entities, 1 relation, 4 facts, 3 events, 1 claim")


def test_a_file_named_twice_is_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "curie.yaml ./curie.yaml" or a file and its folder: one file, not a file that duplicates itself."""
    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    monkeypatch.chdir(tmp_path)
    for names in (["curie.yaml", "./curie.yaml"], ["curie.yaml", "."]):
        code, out, _ = run(capsys, *names)
        assert code == 0, out
        assert out.count("curie.yaml: 2 sources") == 1


def test_broken_file_reports_location_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text((DATA / "curie.yaml").read_text().replace("object: warsaw", "object: warsw"))
    code, out, err = run(capsys, str(broken))
    assert code == 2
    assert f"{broken}:63:13: unknown entity 'warsw' (did you mean 'warsaw'?)" in out
    assert "✗" in out
    assert out.rstrip().endswith("broken.yaml: 1 problem")
    assert "Traceback" not in out + err


def test_every_file_is_reported_after_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A teacher fixes every file from one run, not one file per run."""
    (tmp_path / "a-bad.yaml").write_text("facts: [\n")
    (tmp_path / "b-bad.yaml").write_text("entities: [\n")
    shutil.copy(DATA / "curie.yaml", tmp_path / "c-good.yaml")
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 2
    assert "a-bad.yaml: 1 problem" in out
    assert "b-bad.yaml:2:1: YAML syntax error" in out
    assert "b-bad.yaml: 1 problem" in out
    assert "c-good.yaml: 2 sources" in out


def test_one_broken_file_does_not_stop_the_others(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(DATA / "curie.yaml", tmp_path / "a-good.yaml")
    (tmp_path / "b-bad.yaml").write_text("facts: [\n")
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 2
    assert "a-good.yaml: 2 sources" in out
    assert "b-bad.yaml:2:1: YAML syntax error" in out


def test_a_deck_is_checked_by_its_name_as_other_commands_take_it(capsys: pytest.CaptureFixture[str]) -> None:
    """ "check soleimani" said "no such file or folder" where show, export and print take the name."""
    code, out, err = run(capsys, "soleimani")
    assert code == 0, err
    assert "decks/soleimani.yaml: deck “Qasem Soleimani”" in out
    assert "content/soleimani.yaml" in out  # and the content it chooses from


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "no/such/file.yaml")
    assert code == 1
    assert "no such file or folder: no/such/file.yaml" in err


def test_a_missing_path_does_not_stop_the_others_being_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(DATA / "curie.yaml"), "no/such/file.yaml")
    assert code == 1
    assert "no such file or folder: no/such/file.yaml" in err
    assert "curie.yaml: 2 sources, 8 entities" in out


def test_bundled_content_and_decks_are_clean(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./content here: the bundled content is used
    code, out, _ = run(capsys)
    assert code == 0, out
    assert "soleimani.yaml" in out
    assert "deck “Qasem Soleimani”" in out
    assert "deck “Qasem Soleimani — timeline”" in out
    assert "note:" not in out  # every statement of the bundled content is asked


def test_a_statement_that_yields_no_question_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim whose words run too long to recall gave a teacher no question, and check said ✓."""
    text = (DATA / "curie.yaml").read_text(encoding="utf-8")
    long = "the most astonishing teacher that has hitherto lived in the world"
    text = text.replace(
        "    text: the greatest teacher of her age\n    accept: [greatest teacher]\n", f"    text: {long}\n"
    )
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, str(tmp_path / "curie.yaml"))
    assert code == 0  # a note, not a problem
    line = next(line for line in out.splitlines() if "note:" in line)
    row = 1 + text.splitlines().index("  - id: tabloid-greatest")
    assert line == (
        f"{tmp_path / 'curie.yaml'}:{row}:5: note: 'tabloid-greatest' yields no question: its text has "
        "11 words, too many to recall (at most 8 are asked typed or as a cloze), and too few other facts "
        "of its relation offer options to choose among"
    )


def test_markup_in_content_is_printed_literally(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "markup.yaml"
    path.write_text(
        'entities:\n  - id: x\n    type: "\\e[31mperson"\n    name: "[bold red]x[/]"\n    "[b]colour": 1\n'
    )
    code, out, _ = run(capsys, str(path))
    assert code == 2
    assert "\x1b" not in out
    assert "type: '\\x1b[31mperson' is not one of the allowed values" in out
    assert "unknown key '[b]colour'" in out


def test_runs_as_a_module_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe\x00\x00garbage")
    done = subprocess.run(
        [sys.executable, "-m", "quizgen", "check", str(tmp_path / "bad.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert "bad.yaml:1:1:" in done.stdout


def test_two_recipes_with_one_deck_id_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anki knows a deck by its id: two recipes sharing one would fill one deck from both."""
    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(f"title: {name}\nid: 1700000000001\ncontent: [curie.yaml]\n")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "a.yaml", "b.yaml")
    assert code == 2
    assert (
        "b.yaml:2:5: deck id 1700000000001 is a.yaml's too: Anki would merge the two decks"
        " (give each deck its own id; the other is at a.yaml:2:5)"
    ) in out
    assert out.count("✓ curie.yaml") == 1


def test_a_broken_link_a_loop_or_a_pipe_in_a_folder_is_reported_not_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    shutil.copy(DATA / "curie.yaml", tmp_path / "curie.yaml")
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()  # a folder, whatever its name: looked into, not read
    code, out, err = run(capsys, str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'broken.yaml'}:1:1: cannot read this file: No such file or directory" in out
    assert f"{tmp_path / 'loop.yaml'}:1:1: cannot read this file: Too many levels of symbolic links" in out
    assert f"{tmp_path / 'pipe.yaml'}:1:1: this is not a regular file but a device, pipe or socket" in out
    assert "curie.yaml: 2 sources" in out
    assert "folder.yaml" not in out
    assert err == ""


def test_a_sentence_of_a_stored_text_neither_quoted_nor_excluded_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every quizzable claim of a source belongs in the content: a sentence no statement quotes and
    no exclusion names is one the author may have missed."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bio.txt").write_text(
        "A Life. In Brief.\n\nMarie Curie was born in Warsaw. She loved long walks.\n", encoding="utf-8"
    )
    (tmp_path / "bio.yaml").write_text(
        "sources:\n  - id: bio\n    title: A Life\n    text: sources/bio.txt\n    excluded:\n"
        "      - text: A Life. In Brief.\n        reason: heading (one exclusion, two sentences)\n"
        "entities:\n  - id: curie\n    type: person\n    name: Marie Curie\n"
        "  - id: warsaw\n    type: place\n    name: Warsaw\n"
        "facts:\n  - id: born\n    subject: curie\n    relation: born_in\n    object: warsaw\n"
        "    sources: [bio]\n    quote: Marie Curie was born in Warsaw\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "bio.yaml")
    assert code == 0
    notes = [line for line in out.splitlines() if "note:" in line]
    assert notes == [
        "sources/bio.txt:3:1: note: no statement quotes 'She loved long walks.' and the source does not "
        "exclude it (quote it, or list it under the source's excluded with a reason)"
    ]


def test_an_exclusion_covers_whole_sentences_only() -> None:
    """ "Iran." was taken as covered by an exclusion that merely held the letters of "Iranian"."""
    from quizgen.facts.quotes import uncovered

    text = "The Iranian Revolution. Iran.\n"
    assert [s.text for s in uncovered(text, [], ["The Iranian Revolution."])] == ["Iran."]
    assert uncovered(text, [], ["The Iranian Revolution. Iran."]) == []  # one exclusion, two sentences
