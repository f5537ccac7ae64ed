"""Turn located YAML nodes into checked values, collecting every problem.

The reader follows the tables in ``spec``: it knows shapes and scalar types,
not what a fact means. Problems are collected, never raised, so one run
reports everything wrong in a file.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from .dates import DateParseError, ambiguous_years, parse_date
from .errors import Location, Problem, closest, did_you_mean
from .quantities import QuantityParseError, parse_quantity
from .spec import CHOICE_LISTS, ID_PATTERN, RECORDS, URL_PATTERN, Field
from .yamlread import Mapping, Node, Scalar, Sequence, describe

_ID = re.compile(ID_PATTERN)
_URL = re.compile(URL_PATTERN)
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})
INVALID: Any = object()  # a value that failed its check; its problem is already recorded


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference to check once every file is read: which table, which id, where."""

    table: str
    id: str
    location: Location


class Reader:
    """Reads one file's nodes; ``problems`` and ``references`` accumulate as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.references: list[Reference] = []
        self._shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def at(self, node: Node | Scalar) -> Location:
        return Location(self.path, node.line, node.column)

    def problem(self, node: Node, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.at(node), message, hint))

    def record(self, node: Node, record: str, what: str) -> dict[str, Any] | None:
        """Check a mapping against a record table; None when it is not a mapping at all.

        Invalid fields are left out of the result; missing required ones are reported.
        """
        spec = RECORDS[record]
        if not isinstance(node, Mapping):
            self.problem(node, f"expected {what} (a mapping of keys), found {describe(node)}")
            return None
        values: dict[str, Any] = {}
        misspelt: set[str] = set()  # required keys a mistyped key stands for: one message, not two
        for key, value_node in node.values.items():
            field = spec.get(key)
            if field is None:
                self.problem(node.keys[key], f"unknown key {key!r} in {what}", did_you_mean(key, spec))
                misspelt.add(closest(key, spec) or key)
                continue
            value = self.value(value_node, field, key)
            if value is not INVALID:
                values[key] = value
        for key, field in spec.items():
            if field.required and key not in node.values and key not in misspelt:
                self.problem(node, f"{what} is missing the required key {key!r}")
        return values

    def value(self, node: Node, field: Field, name: str) -> Any:
        kind = field.type
        if kind in ("list", "texts", "records"):
            return self._many(node, field, name)
        if kind == "record":
            result = self.record(node, field.record or "", name)
            return INVALID if result is None else result
        return self.scalar(node, kind, name, field)

    def _many(self, node: Node, field: Field, name: str) -> Any:
        if field.non_empty and (
            (isinstance(node, Scalar) and node.is_null) or (isinstance(node, Sequence) and not node.items)
        ):
            default = ", or leave the key out for the default" if "(default" in field.doc else ""
            self.problem(node, f"{name} is empty", f"name at least one{default}")
            return INVALID
        if isinstance(node, Scalar) and node.is_null:
            return ()
        if field.type == "records":
            if not isinstance(node, Sequence):
                self.problem(node, f"{name} must be a list, found {describe(node)}")
                return INVALID
            records = (self.record(item, field.record or "", f"an entry of {name}") for item in node.items)
            return tuple(r for r in records if r is not None)
        items = node.items if isinstance(node, Sequence) else [node]  # one value stands for a list of one
        item_kind = "ref" if field.ref else field.item
        results = []
        for item in items:
            value = self.scalar(item, item_kind, f"an entry of {name}", field)
            if value is not INVALID:
                results.append(value)
        values = tuple(results)
        return self._shared.setdefault(values, values)  # "[atlas]", "[life]": one tuple for all

    def scalar(self, node: Node, kind: str, name: str, field: Field) -> Any:
        if not isinstance(node, Scalar):
            self.problem(node, f"{name} must be a single value, found {describe(node)}")
            return INVALID
        if node.is_null:
            self.problem(node, f"{name} is empty")
            return INVALID
        text = node.value.strip()
        if not text:
            self.problem(node, f"{name} is empty")
            return INVALID
        if kind == "text":
            return text
        if kind == "url":  # a card links to it: a typo here would leave the card without its source
            if _URL.match(text):
                return text
            whole = re.match(r"https?://[^\s/]", text, re.IGNORECASE) is not None
            self.problem(
                node,
                f"{name} {text!r} is not a web address",
                "a web address holds no spaces, double quotes, '<' or '>'; write a space as %20"
                if whole
                else "write the whole address, starting with https:// or http://",
            )
            return INVALID
        if field.ref == "question":  # "fact:template:kind": checked against the deck's questions
            self.references.append(Reference("question", text, self.at(node)))
            return text
        if kind in ("id", "ref"):
            if not _ID.match(text):
                self.problem(
                    node, f"{name} {text!r} is not a valid id", "use letters, digits, '-', '_' and '.'"
                )
                return INVALID
            if kind == "ref" and field.ref:
                self.references.append(Reference(field.ref, text, self.at(node)))
            return sys.intern(text)  # ids recur in every statement that names them: keep one copy
        if kind == "bool":
            lowered = text.lower()
            if lowered in _TRUE or lowered in _FALSE:
                return lowered in _TRUE
            self.problem(node, f"{name} must be true or false, found {text!r}")
            return INVALID
        if kind == "int":
            if node.plain and re.fullmatch(r"[0-9]+", text):
                return int(text)
            self.problem(node, f"{name} must be a whole number of 0 or more, found {text!r}")
            return INVALID
        if kind == "date":
            try:
                ambiguous = ambiguous_years(text)
                if ambiguous is not None:
                    raise ambiguous
                return parse_date(text)
            except DateParseError as error:
                self.problem(node, f"{name}: {error.message}", error.hint)
                return INVALID
        if kind == "quantity":
            try:
                return parse_quantity(text)
            except QuantityParseError as error:
                self.problem(node, f"{name}: {error.message}", error.hint)
                return INVALID
        choices = field.choices if kind == "choice" else CHOICE_LISTS.get(kind.removeprefix("choice:"), ())
        if text in choices:
            return text
        self.problem(node, f"{name}: {text!r} is not one of the allowed values", did_you_mean(text, choices))
        return INVALID
