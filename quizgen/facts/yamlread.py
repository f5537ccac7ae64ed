"""Read a YAML file into small located nodes, safely and with bounds.

We build our own nodes from libyaml's event stream instead of calling
``yaml.compose``: it is several times faster (no implicit type resolution:
``no`` stays the text "no", ``1:30`` stays "1:30"), every node keeps its
line and column, and the structural limits that stop hostile input
(aliases, unknown tags, nesting depth, size) are enforced as we go, before
anything can blow up.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from pathlib import Path

import yaml
from yaml import events as ev

from quizgen.textsafe import shortened

from .errors import ContentError, Location, Problem

try:  # libyaml's C parser when it is available, the pure-Python one otherwise
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 5_000_000
_SAFE_TAGS = frozenset({"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"})
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


class Scalar:
    """A scalar exactly as written; ``plain`` is False for quoted and block scalars."""

    __slots__ = ("column", "line", "plain", "value")

    def __init__(self, value: str, line: int, column: int, plain: bool) -> None:
        self.value = value
        self.line = line
        self.column = column
        self.plain = plain

    @property
    def is_null(self) -> bool:
        return self.plain and self.value in _NULLS


class Mapping:
    """A mapping whose keys are plain strings; ``keys`` keeps the key nodes for locations."""

    __slots__ = ("column", "keys", "line", "values")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.keys: dict[str, Scalar] = {}
        self.values: dict[str, Node] = {}


class Sequence:
    __slots__ = ("column", "items", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column
        self.items: list[Node] = []


Node = Scalar | Mapping | Sequence


def describe(node: Node) -> str:
    """A node's shape in words, for messages such as 'expected a list, found text'."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return "nothing" if node.is_null else f"the text {shortened(node.value, 40)!r}"


def decode(data: bytes, path: str) -> str:
    """UTF-8, with or without a BOM; anything else is refused with its location."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise _refuse(path, 1, 1, "this file is UTF-32 text", "save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refuse(path, 1, 1, "this file is UTF-16 text", "save it as UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise _refuse(
            path,
            line,
            column,
            f"this file is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read)",
            "save it as UTF-8",
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise _refuse(path, line, 1, "this file contains a NUL character; is it a binary file?")
    return text


def read_bytes(path: Path) -> bytes:
    """A content file's bytes. A device or a pipe is refused (reading /dev/zero never ends), and a
    file is never read past the limit. Opened without blocking, then examined: a pipe put in the
    file's place cannot make quizgen wait for a writer."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise OSError(errno.EINVAL, "this is a folder, not a file", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "this is not a regular file but a device, pipe or socket", str(path))
        if info.st_size > MAX_FILE_BYTES:
            message = f"this file is {info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}"
            raise OSError(errno.EFBIG, message, str(path))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(info.st_size + 1)  # a buffer of the file's size, not of the limit
        if len(data) > info.st_size:  # it grew since: read on, up to the limit
            data += handle.read(MAX_FILE_BYTES + 1 - len(data))
    if len(data) > MAX_FILE_BYTES:  # it grew since
        raise OSError(errno.EFBIG, f"this file is over the limit of {MAX_FILE_BYTES:,} bytes", str(path))
    return data


def read_yaml_file(path: Path, display: str | None = None) -> tuple[Node | None, list[Problem]]:
    """Read and parse one file: its root (None when empty) and the problems that did not stop it."""
    shown = display or str(path)
    try:
        data = read_bytes(path)
    except OSError as error:
        refused = error.errno in (errno.EINVAL, errno.EFBIG)  # our own refusals say it all
        message = error.strerror if refused else f"cannot read this file: {error.strerror or error}"
        raise _refuse(shown, 1, 1, message) from None
    return parse_yaml(decode(data, shown), shown)


_FLOWS = {  # libyaml's context for a [...] or {...}: what it is, and what closes it
    "while parsing a flow sequence": ("list", "]"),
    "while parsing a flow mapping": ("mapping", "}"),
}


def _past_the_end(lines: list[str], line: int) -> bool:
    """Whether nothing but blank lines stands from ``line`` on: libyaml ran out of file."""
    return line > len(lines) or not "".join(lines[line - 1 :]).strip()


def _left_open(lines: list[str], opened: int, given_up: int) -> bool:
    """Whether a bracket opened on line ``opened`` was left open: libyaml gave up on a later line
    indented no deeper than the bracket's, where the file's own structure goes on (or past the
    end). A line indented deeper is the list's own, written over several lines, with a comma
    missing there."""
    if given_up <= opened:
        return False
    if _past_the_end(lines, given_up):
        return True

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip(" "))

    return indent(lines[given_up - 1]) <= indent(lines[opened - 1])


_OPENS_QUOTE = re.compile(r'^\s*(?:-\s+)?(?:[^\s"#][^:#]*:\s+)?(")')  # key: "..., - "..., "...


def _unclosed_quote(text: str, error: yaml.MarkedYAMLError, problem_line: int) -> tuple[int, int] | None:
    """Where a double-quoted value opens that its own line does not close, the nearest above the
    error: libyaml read on to the next quote and failed later. None when no line looks so."""
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return error.context_mark.line + 1, error.context_mark.column + 1
    lines = text.split("\n")[: problem_line - 1]
    for number in range(len(lines), 0, -1):
        opened = _OPENS_QUOTE.match(lines[number - 1])
        if opened and not _closes(lines[number - 1][opened.end() :]):
            return number, opened.start(1) + 1
    return None


def _closes(rest: str) -> bool:
    """Whether the rest of a line after an opening double quote holds its closing one."""
    escaped = False
    for character in rest:
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == '"':
            return True
    return False


def parse_yaml(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Build located nodes from ``text``.

    Raises ContentError for anything unsafe or malformed; a repeated key is
    reported but does not stop the reading (the first value is kept).
    """
    loader = _Parser(text)
    problems: list[Problem] = []
    try:
        return _build(loader, path, problems), problems
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem or error.context or 'cannot parse'}"
        hint = None
        if error.context and error.problem:
            hint = error.context
        if "\t" in text and "tab" in (error.problem or "").lower():
            hint = "indent with spaces, not tabs"
        opened = error.context_mark if error.context in _FLOWS else None
        lines = text.split("\n")
        if opened is not None and _left_open(lines, opened.line + 1, line):
            # "name: [Warsaw" with no "]": libyaml gives up on a later line, at what follows
            given_up, (line, column) = (line, column), (opened.line + 1, opened.column + 1)
            what, closer = _FLOWS[error.context or ""]
            where = (
                "the end of the file"
                if _past_the_end(lines, given_up[0])
                else f"line {given_up[0]}, column {given_up[1]}"
            )
            message = (
                f"YAML syntax error: the {what} that opens here runs on to {where}, "
                f"where ',' or '{closer}' was expected"
            )
            hint = f"close it with '{closer}', or separate its items with commas"
        elif unclosed := _unclosed_quote(text, error, line):
            # libyaml reports where it gave up, often many lines on (or past the end): the place
            # to mend is where the quote opened
            given_up, (line, column) = line, unclosed
            message = "YAML syntax error: this quoted value is never closed"
            reason = error.problem or error.context or "cannot parse"
            hint = f"the lines after it were read as part of it, up to line {given_up}: {reason}"
        raise ContentError([Problem(Location(path, line, column), message, hint)]) from None
    except yaml.reader.ReaderError as error:  # a control character: no mark, only an offset
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        raise _refuse(
            path,
            line,
            column,
            f"the character U+{ord(character):04X} is not allowed in YAML text",
            f'write it as an escape inside double quotes, "\\x{ord(character):02x}", or remove it'
            if ord(character) < 0x100
            else f'write it as an escape inside double quotes, "\\u{ord(character):04x}", or remove it',
        ) from None
    except yaml.YAMLError as error:  # pragma: no cover - every libyaml error above carries a place
        raise _refuse(path, 1, 1, f"YAML error: {error}") from None
    finally:
        loader.dispose()


_DISCARD = Scalar("", 0, 0, False)  # the pending key of a repeated key: its value is dropped


def _build(loader: yaml.CSafeLoader, path: str, problems: list[Problem]) -> Node | None:
    stack: list[Mapping | Sequence] = []
    pending_keys: list[Scalar | None] = []
    root: Node | None = None
    documents = 0
    nodes = 0
    get_event = loader.get_event
    while True:
        event = get_event()
        if event is None:
            break
        kind = type(event)
        if kind is ev.ScalarEvent:
            tag = event.tag
            if tag is not None and tag not in _SAFE_TAGS:
                raise _refuse_at(
                    path, event, f"the YAML tag {tag!r} is not allowed in content", "remove the tag"
                )
            mark = event.start_mark
            node: Node = Scalar(
                event.value, mark.line + 1, mark.column + 1, event.implicit[0] and not event.style
            )
        elif kind is ev.MappingStartEvent or kind is ev.SequenceStartEvent:
            tag = event.tag
            if tag is not None and tag not in _SAFE_TAGS:
                raise _refuse_at(
                    path, event, f"the YAML tag {tag!r} is not allowed in content", "remove the tag"
                )
            if len(stack) >= MAX_DEPTH:
                raise _refuse_at(path, event, f"nesting deeper than {MAX_DEPTH} levels")
            mark = event.start_mark
            container = (Mapping if kind is ev.MappingStartEvent else Sequence)(
                mark.line + 1, mark.column + 1
            )
            stack.append(container)
            pending_keys.append(None)
            nodes += 1
            continue
        elif kind is ev.MappingEndEvent or kind is ev.SequenceEndEvent:
            node = stack.pop()
            if pending_keys.pop() is not None:  # pragma: no cover - libyaml guarantees pairs
                raise _refuse(path, node.line, node.column, "a key has no value")
        elif kind is ev.AliasEvent:
            raise _refuse_at(
                path, event, "YAML aliases (*name) are not allowed in content", "write the value out in full"
            )
        elif kind is ev.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _refuse_at(
                    path, event, "a content file holds one YAML document", "remove the second '---'"
                )
            continue
        else:
            continue
        nodes += 1
        if nodes > MAX_NODES:
            raise _refuse_at(path, event, f"more than {MAX_NODES:,} values in one file")
        if not stack:
            root = node
            continue
        parent = stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            continue
        key = pending_keys[-1]
        if key is None:
            if not isinstance(node, Scalar):
                raise _refuse(
                    path, node.line, node.column, "a key must be plain text", "check the indentation"
                )
            if node.value in parent.keys:
                first = parent.keys[node.value]
                problems.append(
                    Problem(
                        Location(path, node.line, node.column),
                        f"the key {node.value!r} appears twice in this mapping",
                        f"first at line {first.line}, column {first.column}",
                    )
                )
                node = _DISCARD
            pending_keys[-1] = node
        elif key is _DISCARD:
            pending_keys[-1] = None
        else:
            parent.keys[key.value] = key
            parent.values[key.value] = node
            pending_keys[-1] = None
    return root


def _refuse(path: str, line: int, column: int, message: str, hint: str | None = None) -> ContentError:
    return ContentError([Problem(Location(path, line, column), message, hint)])


def _refuse_at(path: str, event: ev.Event, message: str, hint: str | None = None) -> ContentError:
    mark = event.start_mark
    return _refuse(path, mark.line + 1, mark.column + 1, message, hint)
