"""Deck recipes: which content a deck takes, which statements, which question kinds.

A deck is the unit the app studies and the exporters write, so both read
the same recipe. Recipes live in ``decks/``; content paths are relative to
the recipe, so a deck and its content move together.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from .facts.errors import ContentError, Location, Problem, did_you_mean
from .facts.library import Library
from .facts.loader import display_path
from .facts.model import Event, Fact, Kind, Statement
from .facts.reader import Reader, Reference
from .facts.yamlread import Mapping as MappingNode
from .facts.yamlread import Scalar, describe, read_yaml_file
from .facts.yamlread import Sequence as SequenceNode
from .paths import real

CONTENT_SUFFIXES = (".yaml", ".yml")
ANKI_MAX_ID = 2**63 - 1
# a top-level key as YAML may write it: at a line's start, or in a flow mapping ("{title: X,
# content: [...]}"), plain or quoted ("content":)
_KEY = r"""(?:^|[{{,]\s*)(?P<q>["']?){names}(?P=q)\s*:"""
_DECK_MARKER = re.compile(_KEY.format(names="content"), re.MULTILINE)
# a content file's sections start lines: "{relations: [...]}" may be a recipe's select
_CONTENT_MARKER = re.compile(r"^(sources|entities|relations|facts|claims|events)\s*:", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which statements a deck takes; an empty field does not restrict."""

    tags: frozenset[str] = frozenset()
    exclude_tags: frozenset[str] = frozenset()
    types: frozenset[str] = frozenset()
    relations: frozenset[str] = frozenset()
    sections: frozenset[str] = frozenset({"facts", "claims", "events"})

    def takes(self, statement: Statement, library: Library) -> bool:
        tags = set(statement.tags)
        if self.tags and not tags & self.tags:
            return False
        if tags & self.exclude_tags:
            return False
        if isinstance(statement, Event):
            return "events" in self.sections and not self.relations and not self.types
        section = "claims" if statement.is_claim else "facts"
        if section not in self.sections:
            return False
        if self.relations and statement.relation not in self.relations:
            return False
        return not self.types or library.entities[statement.subject].type in self.types


@dataclass(frozen=True, slots=True)
class Deck:
    """A deck recipe, read and checked."""

    id: int
    title: str
    path: Path
    content: tuple[Path, ...]
    location: Location
    description: str | None = None
    id_at: Location | None = field(default=None, compare=False, repr=False)  # its id: line
    selection: Selection = field(default_factory=Selection)
    kinds: tuple[Kind, ...] = tuple(Kind)
    exclude: frozenset[str] = frozenset()
    pin: frozenset[str] = frozenset()
    reword: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reword_at: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    references: tuple[Reference, ...] = field(default=(), compare=False, repr=False)
    name: str | None = None  # the files' name, when not its first file's: content named together

    @property
    def slug(self) -> str:
        return self.name or self.path.stem

    def statements(self, library: Library) -> list[Statement]:
        """The deck's statements, in content order."""
        chosen: list[Statement] = [
            f for f in library.statements_with_relations() if self.selection.takes(f, library)
        ]
        chosen.extend(e for e in library.events if self.selection.takes(e, library))
        return chosen

    def facts(self, library: Library) -> list[Fact]:
        return [s for s in self.statements(library) if isinstance(s, Fact)]


def looks_like_deck(path: Path) -> bool:
    """A recipe names its content; a content file has sections. Reads only the file's head: a content
    file's first section comes early, and a large library must not be read to find that out."""
    try:
        if not path.is_file():  # a pipe would wait for a writer: reading it reports it
            return False
        with path.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    # content first: a content file names its first section within a few lines, and a search for
    # `content:` would scan the whole head of it
    return not _CONTENT_MARKER.search(head) and bool(_DECK_MARKER.search(head))


def content_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the YAML files inside them, sorted so every run reads the same order.

    Whatever is named like a content file is kept, folders aside: a broken link, a link that loops
    or a pipe is then reported where it is, not skipped without a word."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.suffix in CONTENT_SUFFIXES and not p.is_dir())
            )
        else:
            files.append(path)
    return files


def content_deck(paths: list[Path], title: str | None = None) -> Deck:
    """A deck made on the spot from content files: everything they hold, every kind.

    Its id is derived from the file names, so exporting the same file twice
    gives Anki the same deck.
    """
    names = ",".join(sorted(real(p).name for p in paths))
    deck_id = 1_000_000_000 + zlib.crc32(names.encode("utf-8"))
    name = title or (paths[0].stem if len(paths) == 1 else "content")
    return Deck(
        id=deck_id, title=name, path=paths[0], content=tuple(paths), location=Location(display_path(paths[0]))
    )


def load_deck(path: Path) -> Deck:
    """Read a deck recipe; raise ContentError with every problem found."""
    display = display_path(path)
    root, problems = read_yaml_file(path, display)
    reader = Reader(display)
    reader.problems.extend(problems)
    if root is None:
        raise ContentError(
            [
                Problem(
                    Location(display), "the deck recipe is empty", "a recipe needs title:, id: and content:"
                )
            ]
        )
    values = reader.record(root, "deck", "a deck recipe") if isinstance(root, MappingNode) else None
    if values is None:
        if not isinstance(root, MappingNode):
            reader.problem(
                root, f"a deck recipe is a mapping (title:, id:, content:, ...), found {describe(root)}"
            )
        raise ContentError(reader.problems)
    deck_id = values.get("id")
    if deck_id is not None and not 1 <= deck_id <= ANKI_MAX_ID:
        reader.problem(
            root.values["id"],
            "the deck id must be a positive number below 2**63",
            "Anki stores it as a 64-bit integer",
        )
    content = []
    content_node = root.values.get("content")
    nodes = content_node.items if isinstance(content_node, SequenceNode) else [content_node]
    for entry, node in zip(values.get("content", ()), nodes, strict=False):
        target = real(path.parent / entry)
        if not target.exists():
            reader.problem(
                node,
                f"content {entry!r} does not exist",
                f"paths are relative to {display_path(path.parent) or '.'}",
            )
        content.append(target)
    reworded, seen = root.values.get("reword"), set()
    for item in reworded.items if isinstance(reworded, SequenceNode) else []:
        ident = item.values.get("id") if isinstance(item, MappingNode) else None
        if isinstance(ident, Scalar) and ident.value.strip() in seen:  # the last would win unseen
            reader.problem(
                ident, f"{ident.value.strip()!r} is reworded twice", "keep one of the two wordings"
            )
        elif isinstance(ident, Scalar):
            seen.add(ident.value.strip())
    if reader.problems:
        raise ContentError(reader.problems)
    selection = values.get("select", {})
    return Deck(
        id=values["id"],
        title=values["title"],
        path=path,
        content=tuple(content),
        location=Location(display, root.line, root.column),
        id_at=reader.at(root.values["id"]),
        description=values.get("description"),
        selection=Selection(
            tags=frozenset(selection.get("tags", ())),
            exclude_tags=frozenset(selection.get("exclude_tags", ())),
            types=frozenset(selection.get("types", ())),
            relations=frozenset(selection.get("relations", ())),
            sections=frozenset(selection.get("sections", ("facts", "claims", "events"))),
        ),
        kinds=tuple(Kind(k) for k in values.get("kinds", [k.value for k in Kind])),
        exclude=frozenset(values.get("exclude", ())),
        pin=frozenset(values.get("pin", ())),
        reword=MappingProxyType(
            {r["id"]: r["question"] for r in values.get("reword", ()) if "id" in r and "question" in r}
        ),
        reword_at=_reword_locations(root, reader),
        references=tuple(reader.references),
    )


def _reword_locations(root: MappingNode, reader: Reader) -> dict[str, Location]:
    """Where each rewording's new question is written: ``check`` reports its problems there."""
    node = root.values.get("reword")
    items = node.items if isinstance(node, SequenceNode) else []
    found = {}
    for item in items:
        if isinstance(item, MappingNode) and isinstance(item.values.get("id"), Scalar):
            question = item.values.get("question")
            found[item.values["id"].value.strip()] = reader.at(question if question is not None else item)
    return found


def deck_problems(deck: Deck, library: Library, question_ids: Iterable[str] | None = None) -> list[Problem]:
    """What in a recipe names something its content does not have: a mistyped tag or relation, and,
    when the deck's questions are given, a question id to exclude, pin or reword."""
    known = {
        "tag": {tag for s in (*library.statements_with_relations(), *library.events) for tag in s.tags},
        "relation": set(library.relations),
    }
    if question_ids is not None:
        known["question"] = set(question_ids)
    return [
        Problem(
            ref.location,
            f"no question of this deck has the id {ref.id!r}"
            if ref.table == "question"
            else f"no statement in this deck's content has the {ref.table} {ref.id!r}",
            did_you_mean(ref.id, known[ref.table]),
        )
        for ref in deck.references
        if ref.id not in known.get(ref.table, {ref.id})
    ]
