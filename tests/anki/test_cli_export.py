"""`quizgen export`: the summary, the default file name, atomic writes and the refusals."""

from __future__ import annotations

import argparse
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from anki.collection import Collection
from rich.console import Console

from quizgen.anki import export as anki_export
from quizgen.cli import main
from quizgen.commands import export as export_command
from quizgen.exitcodes import ExitCode

from .conftest import DATA, import_package

CURIE = str(DATA / "curie.yaml")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_summary_matches_what_anki_imports(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, collection: Collection
) -> None:
    output = tmp_path / "curie.apkg"
    code, out, err = run(capsys, CURIE, "-o", str(output))
    assert code == ExitCode.OK, err
    assert f"Wrote {output}" in out
    notes, cards, questions, tags = map(
        int, re.search(r"(\d+) notes, (\d+) cards from (\d+) questions, (\d+) tags", out).groups()
    )
    assert "decks: curie, curie::Timeline" in out
    for name in ("quizgen Type-in v1", "quizgen Multiple choice v1", "quizgen Timeline v1", "year guess"):
        assert name in out
    log = import_package(collection, output)
    assert (len(log.new), collection.note_count(), collection.card_count()) == (notes, notes, cards)
    assert questions >= cards
    assert tags == len(collection.tags.all())


def test_default_output_is_the_deck_name_in_the_working_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "soleimani-timeline")
    assert code == ExitCode.OK, err
    assert (tmp_path / "soleimani-timeline.apkg").is_file()
    assert str(tmp_path / "soleimani-timeline.apkg") in out
    assert leftovers(tmp_path) == []


def test_a_read_only_package_is_not_replaced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The atomic rename replaced a file its owner had made read-only, without a word."""
    output = tmp_path / "curie.apkg"
    assert run(capsys, CURIE, "-o", str(output))[0] == ExitCode.OK
    output.chmod(0o444)
    before = output.read_bytes()
    code, _out, err = run(capsys, "soleimani-timeline", "-o", str(output))
    assert code == ExitCode.FAILURE
    assert f"{output} is read-only; refusing to overwrite it" in " ".join(err.split())
    assert output.read_bytes() == before


def test_content_files_named_together_are_one_deck(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    collection: Collection,
) -> None:
    """ "export a.yaml b.yaml" was refused ("unrecognized arguments"), though DECK may be content files."""
    soleimani = Path(__file__).parents[2] / "content" / "soleimani.yaml"
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, CURIE, str(soleimani))
    assert code == ExitCode.OK, err
    output = tmp_path / "curie-soleimani.apkg"  # named after both, not over curie.apkg
    assert f"Wrote {output}" in " ".join(out.split())
    import_package(collection, output)
    assert collection.find_notes("Warsaw")
    assert collection.find_notes("Quds")


def test_a_deck_recipe_is_not_merged_with_other_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _out, err = run(capsys, CURIE, "soleimani", "-o", str(tmp_path / "x.apkg"))
    assert code == ExitCode.FAILURE
    assert "soleimani.yaml is a deck recipe: name it alone, or name its content files" in " ".join(
        err.split()
    )
    assert list(tmp_path.iterdir()) == []


def test_an_existing_package_is_replaced(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "curie.apkg"
    assert run(capsys, CURIE, "-o", str(output))[0] == ExitCode.OK
    output.chmod(0o640)
    assert run(capsys, "soleimani-timeline", "-o", str(output))[0] == ExitCode.OK
    with zipfile.ZipFile(output) as archive:
        assert "collection.anki2" in archive.namelist()
    assert output.stat().st_mode & 0o777 == 0o640  # the replaced file's permissions are kept


def interrupted(collection: bytes) -> Iterator[tuple[str, bytes]]:
    yield "collection.anki2", collection
    raise KeyboardInterrupt  # as if Ctrl-C arrived between two zip entries


def test_an_interrupted_write_leaves_the_previous_file_intact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "curie.apkg"
    assert run(capsys, CURIE, "-o", str(output))[0] == ExitCode.OK
    previous = output.read_bytes()
    monkeypatch.setattr(anki_export, "zip_entries", interrupted)
    code, _, err = run(capsys, "soleimani", "-o", str(output))
    assert code == ExitCode.INTERRUPTED
    assert "interrupted" in err
    assert output.read_bytes() == previous
    assert leftovers(tmp_path) == []


def test_a_failed_first_write_leaves_no_partial_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(collection: bytes) -> Iterator[tuple[str, bytes]]:
        yield "collection.anki2", collection
        raise OSError(28, "No space left on device", str(tmp_path / "new.apkg"))

    monkeypatch.setattr(anki_export, "zip_entries", disk_full)
    code, _, err = run(capsys, CURIE, "-o", str(tmp_path / "new.apkg"))
    assert code == ExitCode.FAILURE
    assert "No space left on device" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.apkg", b"my lesson notes, not a deck\n"),
        ("other.apkg", "lesson.txt"),  # a zip, but not an Anki package
        ("History.apkg", "collection.anki2"),  # a deck the teacher exported from Anki
    ],
)
def test_refuses_to_overwrite_what_quizgen_did_not_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: bytes | str
) -> None:
    target = tmp_path / name
    if isinstance(content, str):
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr(content, "the teacher's own")
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    code, out, err = run(capsys, CURIE, "-o", str(target))
    assert code == ExitCode.FAILURE
    assert f"{target} exists and is not an Anki package written by quizgen; refusing to overwrite it" in err
    assert target.read_bytes() == before
    assert out == ""
    assert leftovers(tmp_path) == []


def test_a_folder_holds_the_decks_file_and_a_missing_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, CURIE, "-o", str(tmp_path))
    assert code == ExitCode.OK, err
    assert (tmp_path / "curie.apkg").is_file()  # as cp takes a folder
    (tmp_path / "quizlet.tsv").mkdir()  # a folder, whatever its name says
    code, _, err = run(capsys, CURIE, "-o", str(tmp_path / "quizlet.tsv"), "--format", "moodle")
    assert code == ExitCode.OK, err
    assert (tmp_path / "quizlet.tsv" / "curie.xml").is_file()
    code, _, err = run(capsys, CURIE, "-o", str(tmp_path / "missing" / "x.apkg"))
    assert code == ExitCode.FAILURE
    assert f"the folder {tmp_path / 'missing'} does not exist" in " ".join(err.split())


def test_a_file_named_as_the_folder_is_said_to_be_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """ "-o notes.yaml/x.apkg" said the folder notes.yaml did not exist, beside the teacher's file."""
    notes = tmp_path / "notes.yaml"
    notes.write_text("mine", encoding="utf-8")
    for target in (notes / "x.apkg", notes / "deeper" / "x.apkg"):
        code, _, err = run(capsys, CURIE, "-o", str(target))
        assert code == ExitCode.FAILURE
        assert f"cannot write {target}: {notes} is a file, not a folder" in " ".join(err.split())
    assert notes.read_text(encoding="utf-8") == "mine"


def test_a_link_to_nothing_named_as_the_folder_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A link whose folder was moved away was called "a file, not a folder"."""
    gone = tmp_path / "gone"
    gone.symlink_to(tmp_path / "moved-away")
    code, _, err = run(capsys, CURIE, "-o", str(gone / "x.apkg"))
    assert code == ExitCode.FAILURE
    assert f"{gone} is a link to {tmp_path / 'moved-away'}, which does not exist" in " ".join(err.split())


def test_broken_content_exits_2_with_located_problems(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        (DATA / "curie.yaml")
        .read_text(encoding="utf-8")
        .replace("    tags: [life]\n", "    tagz: [life]\n", 1)
    )
    code, out, err = run(capsys, str(broken), "-o", str(tmp_path / "broken.apkg"))
    assert code == ExitCode.CONTENT_ERROR
    assert re.search(r"broken\.yaml:\d+:\d+: unknown key 'tagz'", err)
    assert out == ""
    assert not (tmp_path / "broken.apkg").exists()


@pytest.mark.parametrize("epoch", ["yesterday", "-5", "99999999999999999999"])
@pytest.mark.parametrize("command", [["export", CURIE], ["show", CURIE]])
def test_a_malformed_epoch_is_refused(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    epoch: str,
    command: list[str],
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    code = main([*command, "-o", str(tmp_path / "x.apkg")] if command[0] == "export" else command)
    captured = capsys.readouterr()
    assert code == ExitCode.FAILURE
    assert f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}" in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "x.apkg").exists()


def console(terminal: bool) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=100), buffer


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_shows_on_a_terminal_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
) -> None:
    monkeypatch.setattr(export_command, "PROGRESS_FROM", 10)
    out, _ = console(terminal=False)
    err, progress = console(terminal=terminal)
    args = argparse.Namespace(target=CURIE, output=tmp_path / "x.apkg", format="apkg", seed=0)
    assert export_command.run(args, out, err) == ExitCode.OK
    assert ("Writing notes" in progress.getvalue()) is terminal


def test_a_deck_that_yields_no_question_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The timeline deck with only cloze questions: an empty package would import as nothing."""
    import shutil

    root = Path(__file__).parents[2]
    shutil.copytree(root / "content", tmp_path / "content")
    deck = tmp_path / "decks" / "timeline.yaml"
    deck.parent.mkdir()
    text = (root / "decks" / "soleimani-timeline.yaml").read_text(encoding="utf-8")
    deck.write_text(re.sub(r"(?m)^kinds:.*$", "kinds: [cloze]", text), encoding="utf-8")
    code, out, err = run(capsys, str(deck), "-o", str(tmp_path / "t.apkg"))
    assert code == ExitCode.FAILURE
    assert "yields no questions (see its kinds and select:); nothing written" in err
    assert out == ""
    assert not (tmp_path / "t.apkg").exists()


def test_a_re_export_dated_no_later_warns_that_anki_keeps_the_old_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    output = tmp_path / "curie.apkg"
    assert run(capsys, CURIE, "-o", str(output))[0] == ExitCode.OK
    code, _, err = run(capsys, CURIE, "-o", str(output))
    assert code == ExitCode.OK
    assert "warning" not in err  # the same notes: nothing for Anki to miss

    edited = tmp_path / "curie.yaml"
    edited.write_text(
        Path(CURIE).read_text(encoding="utf-8").replace("receives the Nobel", "wins the Nobel"),
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(edited), "-o", str(output))
    assert code == ExitCode.OK
    assert re.search(
        r"quizgen: warning: \d+ changed notes? (is|are) dated no later than the package replaced "
        r"\(SOURCE_DATE_EPOCH\), so Anki would keep its old copies on import\. "
        r"Export with a later SOURCE_DATE_EPOCH \(or none\) to update them\.",
        " ".join(err.split()),
    )

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    code, _, err = run(capsys, CURIE, "-o", str(output))
    assert (code, "warning" in err) == (ExitCode.OK, False)
