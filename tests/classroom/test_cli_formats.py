"""``quizgen export`` for the classroom formats: format from the extension, help, summaries and refusals."""

from __future__ import annotations

import json
import os
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from quizgen.classroom.formats import FORMATS
from quizgen.cli import main
from quizgen.exitcodes import ExitCode
from quizgen.exporting import files

from .conftest import CURIE, run, run_quietly

SUFFIXES = {"moodle": ".xml", "gift": ".gift", "qti": ".zip", "kahoot": ".xlsx", "quizlet": ".tsv"}


def recognise(fmt: str, path: Path) -> bool:
    return next(f for f in FORMATS if f.name == fmt).is_ours(path)


@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_the_extension_chooses_the_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"curie{SUFFIXES[fmt]}"
    code, out, _ = run(capsys, "export", CURIE, "-o", str(path))
    assert code == ExitCode.OK
    assert recognise(fmt, path)
    assert f"Wrote {path}" in out
    description = next(f.description for f in FORMATS if f.name == fmt)
    assert "“curie”: " in out
    assert f"questions as {description}" in out
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


def test_a_named_format_gets_its_suffix_by_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "export", "soleimani-timeline", "--format", "kahoot")
    assert code == ExitCode.OK, err
    assert openpyxl.load_workbook(tmp_path / "soleimani-timeline.xlsx").active is not None


def test_a_txt_file_needs_a_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", CURIE, "-o", str(tmp_path / "quiz.txt"))
    assert code == ExitCode.FAILURE
    assert (
        "cannot tell the format from '.txt'; name it with --format (apkg, moodle, gift, qti, kahoot, quizlet)"
        in err
    )
    code, _, err = run(capsys, "export", CURIE, "--format", "gift", "-o", str(tmp_path / "quiz.txt"))
    assert code == ExitCode.OK, err
    assert (tmp_path / "quiz.txt").read_text(encoding="utf-8").startswith("// quizgen GIFT export: curie")


def test_a_name_that_says_another_format_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "export", CURIE, "--format", "moodle", "-o", str(tmp_path / "quiz.zip"))
    assert code == ExitCode.FAILURE
    assert (
        "ends in .zip, the suffix for Canvas QTI 1.2 package files; use --format qti, or a name ending in .xml"
        in err
    )
    assert list(tmp_path.iterdir()) == []


def course_zip(path: Path) -> None:
    """A teacher's own content package: a manifest, like quizgen's, and a lesson it would lose."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("imsmanifest.xml", '<manifest identifier="course"/>')
        archive.writestr("lesson1.html", "my lesson")


def foreign_workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["A1"] = "my marks"
    book.save(path)


@pytest.mark.parametrize(
    ("fmt", "make", "kind"),
    [
        (
            "moodle",
            lambda p: p.write_text("<quiz><question type='essay'/></quiz>"),
            "a Moodle XML quiz written by quizgen",
        ),
        ("gift", lambda p: p.write_text("::Q1:: My own question {=yes}\n"), "a GIFT file written by quizgen"),
        ("qti", course_zip, "a QTI package written by quizgen"),
        ("kahoot", foreign_workbook, "a Kahoot sheet written by quizgen"),
        (
            "quizlet",
            lambda p: p.write_text("my term\tmy definition\n"),
            "a Quizlet card list written by quizgen",
        ),
    ],
)
def test_refuses_to_overwrite_a_file_it_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str, make, kind: str
) -> None:
    path = tmp_path / f"mine{SUFFIXES[fmt]}"
    make(path)
    before = path.read_bytes()
    code, out, err = run(capsys, "export", CURIE, "-o", str(path))
    assert code == ExitCode.FAILURE
    assert f"{path} exists and is not {kind}; refusing to overwrite it" in err
    assert out == ""
    assert path.read_bytes() == before


@pytest.mark.parametrize("fmt", ["quizlet", "gift", "moodle"])
def test_refuses_a_file_it_wrote_once_a_teacher_has_edited_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """A GIFT or Moodle file keeps quizgen's header through a teacher's edits, and a card list has
    no room for one: quizgen remembers what it wrote, and a file changed by hand since is the
    teacher's."""
    path = tmp_path / f"quiz{SUFFIXES[fmt]}"
    assert run(capsys, "export", CURIE, "-o", str(path))[0] == ExitCode.OK
    addition = {"quizlet": b"my term\tmy definition\n", "gift": b"\n::mine:: My own question? {=yes}\n"}
    path.write_bytes(path.read_bytes() + addition.get(fmt, b"<!-- my note -->\n"))
    edited = path.read_bytes()
    code, _, err = run(capsys, "export", CURIE, "-o", str(path))
    assert code == ExitCode.FAILURE
    assert err == (
        f"quizgen: {path} has changed since quizgen wrote it; refusing to overwrite it"
        " (remove it, or choose another name)\n"
    )
    assert path.read_bytes() == edited


def test_a_card_list_that_could_not_be_noted_says_a_later_export_will_not_replace_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(cache))
    code, _, err = run(capsys, "export", CURIE, "-o", str(tmp_path / "cards.tsv"))
    assert code == ExitCode.OK
    assert (
        "quizlet: the cache folder could not be written, so a later export will not replace cards.tsv" in err
    )


@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_replaces_its_own_file(capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"quiz{SUFFIXES[fmt]}"
    assert run(capsys, "export", CURIE, "-o", str(path))[0] == ExitCode.OK
    path.chmod(0o640)
    assert run(capsys, "export", "soleimani-timeline", "-o", str(path))[0] == ExitCode.OK
    assert path.stat().st_mode & 0o777 == 0o640


def test_one_epoch_gives_the_same_bytes_a_second_later(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """SOURCE_DATE_EPOCH (set for every classroom test) stands for the clock in every file: the
    workbook's own modified time too, which openpyxl sets on saving."""
    first = {fmt: tmp_path / f"first{suffix}" for fmt, suffix in SUFFIXES.items()}
    second = {fmt: tmp_path / f"second{suffix}" for fmt, suffix in SUFFIXES.items()}
    for path in first.values():
        assert run(capsys, "export", CURIE, "-o", str(path))[0] == ExitCode.OK
    time.sleep(1.1)  # a second on: any clock written into a file now reads differently
    for path in second.values():
        assert run(capsys, "export", CURIE, "-o", str(path))[0] == ExitCode.OK
    assert [fmt for fmt in SUFFIXES if first[fmt].read_bytes() != second[fmt].read_bytes()] == []


def test_an_interrupted_write_keeps_the_previous_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "quiz.xml"
    assert run(capsys, "export", CURIE, "-o", str(path))[0] == ExitCode.OK
    previous = path.read_bytes()

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupted)
    code, _, _err = run(capsys, "export", "soleimani", "-o", str(path))
    assert code == ExitCode.INTERRUPTED
    assert path.read_bytes() == previous
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.xml"]


@pytest.mark.parametrize("fmt", [*SUFFIXES, "apkg"])
def test_a_full_disk_is_reported_by_the_name_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """ENOSPC carries no file name: the message read "cannot write : No space left on device"."""

    def full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    path = tmp_path / f"quiz{SUFFIXES.get(fmt, '.apkg')}"
    code, out, err = run(capsys, "export", CURIE, "-o", str(path))
    assert code == ExitCode.FAILURE
    assert err.endswith(f"quizgen: cannot write {path}: No space left on device\n")
    assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_refuses_new_files_is_reported_by_the_name_asked_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(**_: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied", str(tmp_path / ".quiz.xml.x1y2.part"))

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    code, out, err = run(capsys, "export", CURIE, "-o", str(tmp_path / "quiz.xml"))
    assert code == ExitCode.FAILURE
    assert err == f"quizgen: cannot write {tmp_path / 'quiz.xml'}: Permission denied\n"
    assert out == ""


@pytest.mark.parametrize("fmt", list(SUFFIXES))
def test_a_pipe_or_device_is_no_place_to_export_to(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    """Looking into a pipe to see whose file it is would wait for ever; /dev/full would fill memory."""
    pipe = tmp_path / f"pipe{SUFFIXES[fmt]}"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/full")):
        code, out, err = run(capsys, "export", CURIE, "--format", fmt, "-o", str(path))
        assert code == ExitCode.FAILURE
        assert err == f"quizgen: {path} is not a regular file but a device or pipe; give a file name\n"
        assert out == ""


@pytest.mark.parametrize("fmt", [*SUFFIXES, "apkg"])
def test_a_dash_is_refused_not_written_as_a_file_named_dash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", CURIE, "--format", fmt, "-o", "-")
    assert code == ExitCode.FAILURE
    assert err == "quizgen: this is written as a file, not to standard output: give -o a file name\n"
    assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_help_lists_every_format_and_what_it_carries(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "export", "--help")
    text = " ".join(capsys.readouterr().out.split())
    for fmt in FORMATS:
        assert f"{fmt.name} {fmt.suffix} {fmt.description}: {' '.join(fmt.carries.split())}" in text
    assert "apkg .apkg Anki package" in text


@pytest.mark.parametrize(
    ("name", "kinds", "description"),
    [("k.xlsx", "year_guess", "Kahoot spreadsheet"), ("q.tsv", "which_first", "Quizlet cards")],
)
def test_a_format_that_can_carry_none_of_the_questions_writes_nothing(
    tmp_path: Path, name: str, kinds: str, description: str
) -> None:
    """Year guesses alone made an empty Kahoot sheet, and which-came-first alone an empty Quizlet
    list, both with exit 0: a teacher would import nothing and not know why."""
    (tmp_path / "ada.yaml").write_text(
        "sources:\n  - id: s\n    title: A Life\nevents:\n"
        "  - id: notes\n    date: 1843\n    title: Ada Lovelace publishes her notes\n    sources: [s]\n"
        "  - id: born\n    date: 1815\n    title: The Analytical Engine is first described\n    sources: [s]\n",
        encoding="utf-8",
    )
    deck = tmp_path / "deck.yaml"
    deck.write_text(f"title: Ada\nid: 5\ncontent: [ada.yaml]\nkinds: [{kinds}]\n", encoding="utf-8")
    code, _, err = run_quietly("export", str(deck), "-o", str(tmp_path / name))
    assert code == ExitCode.FAILURE
    assert f"no question of “Ada” fits the {description} format (" in err
    assert err.rstrip().endswith("nothing written (moodle (.xml) and qti (.zip) carry every kind)")
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("command", [["export", "soleimani"], ["print", "soleimani"], ["backup"]])
def test_an_empty_output_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """ "-o ''" wrote the default file in the working folder, as if -o had not been given."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as refused:
        main([*command, "-o", ""])
    assert refused.value.code == 2
    assert "an empty name names no file; give a file or a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["export", "soleimani"], ["print", "soleimani"], ["backup"]])
def test_a_folder_named_with_a_final_slash_must_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """ "-o out/new/" wrote an Anki package called "new": the slash said a folder was meant."""
    missing = f"{tmp_path / 'new'}/"
    with pytest.raises(SystemExit) as refused:
        main([*command, "-o", missing])
    assert refused.value.code == 2
    assert f"no such folder: {missing} (make it first, or leave off the final /)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_card_list_and_a_printed_key_never_replace_each_other(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Neither file has room for a mark, so quizgen records which kind each one is: a Quizlet list
    named like a printed test's key must not turn the key a teacher marks with into cards."""
    assert run(capsys, "print", CURIE, "-o", str(tmp_path / "t.pdf"), "--versions", "A")[0] == ExitCode.OK
    key = tmp_path / "t-key-A.csv"
    printed_key = key.read_bytes()
    code, _, err = run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(key))
    assert code == ExitCode.FAILURE
    assert f"{key} exists and is not a Quizlet card list written by quizgen" in err
    assert key.read_bytes() == printed_key

    cards = tmp_path / "u-key-A.csv"
    assert run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(cards))[0] == ExitCode.OK
    listed = cards.read_bytes()
    code, _, err = run(capsys, "print", CURIE, "-o", str(tmp_path / "u.pdf"), "--versions", "A")
    assert code == ExitCode.FAILURE
    assert f"{cards} exists and is not an answer key written by quizgen" in err
    assert cards.read_bytes() == listed
    assert run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(cards))[0] == ExitCode.OK


def test_a_card_list_never_replaces_another_classroom_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "quiz.txt"
    assert run(capsys, "export", CURIE, "--format", "gift", "-o", str(path))[0] == ExitCode.OK
    gift = path.read_bytes()
    code, _, err = run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(path))
    assert code == ExitCode.FAILURE
    assert f"{path} exists and is not a Quizlet card list written by quizgen" in err
    assert path.read_bytes() == gift


def test_a_file_recorded_before_kinds_were_kept_is_replaced_when_its_layout_says_its_kind(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card list and a key written by the version before kept a record without their kind: the
    next export refused them both, every file a teacher had written before."""
    from quizgen.exporting import written

    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))  # this record alone is rewritten
    cards, key = tmp_path / "cards.tsv", tmp_path / "t-key-A.csv"
    assert run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(cards))[0] == ExitCode.OK
    assert run(capsys, "print", CURIE, "-o", str(tmp_path / "t.pdf"), "--versions", "A")[0] == ExitCode.OK
    record = written._record_path()
    old = {path: value.rpartition(":")[2] for path, value in json.loads(record.read_text()).items()}
    record.write_text(json.dumps(old))  # as the version before wrote it: digests alone

    assert run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(cards))[0] == ExitCode.OK
    code, _, err = run(capsys, "export", CURIE, "--format", "quizlet", "-o", str(key))
    assert code == ExitCode.FAILURE  # a key's layout is no card list's
    assert "is not a Quizlet card list written by quizgen" in err
    assert run(capsys, "print", CURIE, "-o", str(tmp_path / "t.pdf"), "--versions", "A")[0] == ExitCode.OK
