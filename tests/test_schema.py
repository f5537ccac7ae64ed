"""The JSON Schemas are generated from the loader's own tables, and the committed copies are current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.commands.schema import render
from quizgen.exitcodes import ExitCode
from quizgen.facts.spec import RECORDS, SECTIONS

ROOT = Path(__file__).parents[1]


def test_committed_content_schema_is_current() -> None:
    assert (ROOT / "content" / "content.schema.json").read_text(encoding="utf-8") == render(deck=False)


def test_committed_deck_schema_is_current() -> None:
    assert (ROOT / "decks" / "deck.schema.json").read_text(encoding="utf-8") == render(deck=True)


def test_schema_follows_the_loader_tables() -> None:
    schema = json.loads(render(deck=False))
    assert set(schema["properties"]) == set(SECTIONS)
    fact = schema["properties"]["facts"]["items"]
    assert set(fact["properties"]) == set(RECORDS["fact"])
    assert fact["additionalProperties"] is False
    assert set(fact["required"]) == {"id", "subject", "relation", "sources"}
    entity_type = schema["properties"]["entities"]["items"]["properties"]["type"]
    assert "person" in entity_type["enum"]


def test_bundled_files_point_editors_at_the_schema() -> None:
    for path in [*(ROOT / "content").glob("*.yaml"), *(ROOT / "decks").glob("*.yaml")]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=./"), path
        target = path.parent / first.split("$schema=")[1]
        assert target.is_file(), path


def test_writing_a_schema_replaces_only_a_schema_quizgen_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from quizgen.cli import main

    schema = tmp_path / "content.schema.json"
    assert main(["schema", "-o", str(schema)]) == ExitCode.OK
    assert main(["schema", "--deck", "-o", str(schema)]) == ExitCode.OK  # its own file: replaced
    assert json.loads(schema.read_text(encoding="utf-8"))["title"] == "quizgen deck recipe"
    content = tmp_path / "curie.yaml"
    content.write_text("sources: []\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["schema", "-o", str(content)]) == ExitCode.FAILURE
    err = capsys.readouterr().err
    assert f"{content} exists and is not a JSON Schema written by quizgen; refusing to overwrite it" in err
    assert content.read_text(encoding="utf-8") == "sources: []\n"


def test_a_dash_writes_the_schema_to_standard_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizgen.cli import main

    monkeypatch.chdir(tmp_path)
    assert main(["schema", "-o", "-"]) == ExitCode.OK
    assert json.loads(capsys.readouterr().out)["title"] == "quizgen content file"
    assert list(tmp_path.iterdir()) == []
