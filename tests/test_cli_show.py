"""`quizgen show`: readable questions for a teacher, JSON lines for other tools."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.cli import main
from quizgen.facts.model import Kind

DATA = Path(__file__).parent / "data"
JSON_KEYS = {
    "id",
    "kind",
    "stem",
    "answer",
    "accepted",
    "options",
    "answer_index",
    "answer_kind",
    "attribution",
    "statement",
    "statement_ids",
    "template_id",
    "sources",
    "quotes",
    "tags",
}


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["show", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "soleimani", "--kind", "multiple_choice", "--limit", "1")
    assert code == 0
    assert "Where was Qasem Soleimani born?" in out
    assert "✓" in out
    assert "Answer: Qanat-e Malek" in out
    assert "Source: “Who is Qasem Soleimani?" in out
    assert "1 question from “Qasem Soleimani”" in out


def test_json_lines_have_the_documented_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "soleimani", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) > 100
    assert {row["kind"] for row in rows} == {k.value for k in Kind}
    for row in rows:
        assert set(row) >= JSON_KEYS
        if row["options"]:
            assert row["options"][row["answer_index"]] == row["answer"]
    orders = [row for row in rows if row["kind"] == "order"]
    assert {"items", "correct_order"} <= set(orders[0])


def test_kind_filter_limit_and_seed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "soleimani", "--json", "--kind", "cloze", "--kind", "typed", "--limit", "7")
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 7
    assert {row["kind"] for row in rows} <= {"cloze", "typed"}
    _, first, _ = run(capsys, "soleimani", "--json", "--seed", "3")
    _, again, _ = run(capsys, "soleimani", "--json", "--seed", "3")
    assert first == again


def test_timeline_deck_only_asks_timeline_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "soleimani-timeline", "--json")
    kinds = {json.loads(line)["kind"] for line in out.splitlines()}
    assert kinds == {"year_guess", "order", "which_first"}


def test_a_content_file_is_a_deck_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(DATA / "curie.yaml"), "--kind", "typed")
    assert code == 0
    assert "Where was Marie Curie born?" in out


def test_content_files_named_together_are_shown_as_one_deck(capsys: pytest.CaptureFixture[str]) -> None:
    soleimani = DATA.parent.parent / "content" / "soleimani.yaml"
    code, out, err = run(
        capsys, str(DATA / "curie.yaml"), str(soleimani), "--kind", "typed", "--limit", "500"
    )
    assert code == 0, err
    assert "Where was Marie Curie born?" in out
    assert "Soleimani" in out
    assert "from “curie + soleimani”" in out


def test_unknown_target(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "no-such-deck")
    assert code == 1
    assert "no deck, file or folder named 'no-such-deck'" in err
    assert "soleimani" in err


def test_broken_content_is_reported_with_its_location(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text((DATA / "curie.yaml").read_text().replace("relation: born_in", "relation: born_inn"))
    code, _, err = run(capsys, str(broken))
    assert code == 2
    assert "broken.yaml:62:15: unknown relation 'born_inn'" in err


@pytest.mark.parametrize("command", ["show", "export"])
def test_a_location_is_never_read_as_an_emoji_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    """Line 100 is ":100:", Rich's code for an emoji; a location must stay a location."""
    broken = tmp_path / "broken.yaml"
    text = (DATA / "curie.yaml").read_text().replace("relation: born_in", "relation: born_inn")
    broken.write_text("# padding\n" * 38 + text)
    code = main([command, str(broken), *(["-o", str(tmp_path / "out.apkg")] if command == "export" else [])])
    err = capsys.readouterr().err
    assert code == 2
    assert "broken.yaml:100:15: unknown relation 'born_inn'" in err


def test_markup_and_escapes_in_content_are_shown_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        (DATA / "curie.yaml")
        .read_text()
        .replace("name: Warsaw", 'name: "[bold red]War\\e[31msaw[/] [@click=app.quit] :smile:"')
    )
    (tmp_path / "hostile.yaml").write_text(text)
    code, out, _ = run(capsys, str(tmp_path / "hostile.yaml"), "--kind", "typed")
    assert code == 0
    assert "[bold red]War\\x1b[31msaw[/] [@click=app.quit] :smile:" in out
    assert "\x1b" not in out


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_a_limit_below_one_is_refused(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["show", "soleimani", "--limit", limit])
    assert exit_info.value.code == 2
    assert f"must be 1 or more, not {limit}" in capsys.readouterr().err


def test_a_folder_of_decks_asks_for_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(Path(__file__).parents[1] / "decks"))
    assert code == 1
    assert "is a folder of decks; name one:" in err
    assert "soleimani-timeline.yaml" in err


def test_an_empty_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(tmp_path))
    assert code == 1
    assert f"no .yaml content files in {tmp_path}" in err
    assert "Traceback" not in err


def test_a_long_id_is_printed_whole_on_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    """Teachers copy ids from here into a recipe's exclude: a wrapped id would be copied broken."""
    code, out, _ = run(capsys, "soleimani", "--kind", "order", "--limit", "1")
    assert code == 0
    question_id = out.splitlines()[0].split()[-1]
    assert len(question_id) > 80
    assert question_id.endswith(":timeline-order:order")


def test_which_came_first_lists_its_events_once(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "soleimani", "--kind", "which_first", "--limit", "1")
    assert code == 0
    lines = out.splitlines()
    assert any(line.strip().removeprefix("✓ ").startswith("A. ") for line in lines)  # the key is marked
    assert not any(line.strip().startswith("1. ") for line in lines[1:])  # no second, numbered list


def test_a_right_to_left_override_in_content_is_shown_not_obeyed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """U+202E would print the rest of the line backwards: "Trojan Source" in a quiz."""
    text = (DATA / "curie.yaml").read_text().replace("name: Warsaw", 'name: "War\\u202esaw"')
    (tmp_path / "bidi.yaml").write_text(text)
    code, out, _ = run(capsys, str(tmp_path / "bidi.yaml"), "--kind", "typed")
    assert code == 0
    assert "War\\u202esaw" in out
    assert "\u202e" not in out


@pytest.mark.parametrize("command", ["show", "export"])
def test_an_empty_name_is_no_deck(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """ "quizgen show ''" read every YAML file in the folder it ran in, as Path('') is '.'."""
    monkeypatch.chdir(tmp_path)
    code = main([command, ""])
    assert code == 1
    assert "an empty name names no deck" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("columns", ["50", "200"])
def test_piped_lines_end_where_their_words_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """Every line was padded with spaces to the terminal's width: a diff of two runs, or of a
    file saved from one, was all trailing blanks."""
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run(capsys, "soleimani", "--limit", "12")
    assert code == 0
    lines = out.splitlines()
    assert [line for line in lines if line != line.rstrip()] == []
    assert any(line.startswith("   Source: ") for line in lines)  # the indented body is all there
    body = [line for line in lines if line.startswith("   ")]  # a heading keeps its id whole
    assert max(map(len, body)) <= int(columns)
