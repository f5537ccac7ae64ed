"""JSON Schemas for content files and deck recipes, generated from ``spec``.

Editors use them to check and complete YAML as an author types; the loader
uses the same tables, so the schema and the loader always agree.
"""

from __future__ import annotations

from typing import Any

from .spec import CHOICE_LISTS, DECK, ID_PATTERN, RECORDS, SECTIONS, URL_PATTERN, Field

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID_PREFIX = "https://quizgen.invalid/schema/"  # how a schema quizgen wrote is known again
# YAML lets an author write 1998 or 13 unquoted; the loader reads them as written.
_TEXT: dict[str, Any] = {"type": ["string", "number", "boolean"]}


def _scalar(kind: str, field: Field) -> dict[str, Any]:
    if field.ref == "question":  # statement ids, a template id and a kind: "curie-born-in:born-in:typed"
        return {"type": "string", "pattern": r"^[^:\s]+:[^:\s]+:[a-z_]+$"}
    if kind in ("id", "ref"):
        return {"type": ["string", "integer"], "pattern": ID_PATTERN}
    if kind == "url":
        return {"type": "string", "pattern": URL_PATTERN}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "int":
        return {"type": "integer", "minimum": 1}
    if kind == "date":
        return {
            "type": ["string", "integer"],
            "examples": ["1957-03-11", "June 2020", "1998", "c. 1998", "late 2023", "2014/2017"],
        }
    if kind == "quantity":
        return {"type": ["string", "number"], "examples": [13, "at least 13", "nearly $50 billion"]}
    if kind == "choice":
        return {"enum": list(field.choices)}
    if kind.startswith("choice:"):
        return {"enum": list(CHOICE_LISTS[kind.removeprefix("choice:")])}
    return dict(_TEXT)


def _field(field: Field) -> dict[str, Any]:
    if field.type == "record":
        schema = _record(field.record or "")
    elif field.type == "records":
        schema = {"type": "array", "items": _record(field.record or "")}
    elif field.type in ("list", "texts"):
        item = _scalar("ref" if field.ref else field.item, field)
        many: dict[str, Any] = {
            "type": "array",
            "items": item,
            **({"minItems": 1} if field.non_empty else {}),
        }
        schema = {"anyOf": [item, many]}
    else:
        schema = _scalar(field.type, field)
    return {"description": field.doc, **schema}


def _record(name: str) -> dict[str, Any]:
    spec = RECORDS[name]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [key for key, f in spec.items() if f.required],
        "properties": {key: _field(f) for key, f in spec.items()},
    }


def content_schema() -> dict[str, Any]:
    return {
        "$schema": _DIALECT,
        "$id": f"{SCHEMA_ID_PREFIX}content.schema.json",
        "title": "quizgen content file",
        "description": "Sources, entities, relations, facts, claims and events. See content/README.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            section: {"type": "array", "items": _record(record)} for section, record in SECTIONS.items()
        },
    }


def deck_schema() -> dict[str, Any]:
    return {
        "$schema": _DIALECT,
        "$id": f"{SCHEMA_ID_PREFIX}deck.schema.json",
        "title": "quizgen deck recipe",
        "description": "Which content a deck takes and which questions it asks. See content/README.md.",
        "type": "object",
        "additionalProperties": False,
        "required": [key for key, f in DECK.items() if f.required],
        "properties": {key: _field(f) for key, f in DECK.items()},
    }
