"""The JSON Schemas are generated from the loader's own tables, and the committed copies are current."""

from __future__ import annotations

import json
from pathlib import Path

from quizgen.commands.schema import render
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
