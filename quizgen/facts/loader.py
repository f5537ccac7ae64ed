"""Load content files into one validated, immutable Library.

Three passes: read each file into located nodes (yamlread), check each
record's shape and build the model (reader, here), then resolve what crosses
records and files: references, duplicate ids, relation types and quotes.
Every problem of every pass is collected; a library is returned only when
there are none.
"""

from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from quizgen.paths import real
from quizgen.plural import with_article

from .errors import ContentError, Location, Problem, did_you_mean
from .library import Library
from .model import Entity, Event, Exclusion, Fact, Kind, Relation, Source, Template
from .quotes import closest_passage, normalise, quote_found
from .reader import Reader
from .spec import CONTAINERS, SECTIONS
from .yamlread import Mapping, Node, Scalar, decode, describe, read_bytes, read_yaml_file
from .yamlread import Sequence as SequenceNode

TEMPLATE_SLOTS = frozenset(
    {"subject", "Subject", "object", "Object", "when", "where", "Which", "which", "how_many", "How_many"}
)
STATEMENT_SLOTS = frozenset({"subject", "Subject", "object", "Object", "when", "where"})
_GIVEN_FOR_ASK = {"object": ("subject",), "subject": ("object",), "when": ("subject", "object")}
_SLOT_FOR_ASK = {"object": ("object", "Object"), "subject": ("subject", "Subject"), "when": ("when",)}


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working directory when inside it."""
    try:
        return str(real(path).relative_to(real(Path.cwd())))
    except ValueError:
        return str(path)


@dataclass
class FileReport:
    """What one file contributed, or what is wrong with it."""

    path: Path
    display: str
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Located:
    """A built object with the node it came from, kept until cross-checks are done."""

    obj: Any
    node: Mapping
    report: FileReport

    def at(self, key: str) -> Location:
        target: Node = self.node.values.get(key) or self.node
        if isinstance(target, SequenceNode) and target.items:
            target = target.items[0]
        return Location(self.report.display, target.line, target.column)


@dataclass
class _Parts:
    sources: list[_Located] = field(default_factory=list)
    entities: list[_Located] = field(default_factory=list)
    relations: list[_Located] = field(default_factory=list)
    facts: list[_Located] = field(default_factory=list)
    claims: list[_Located] = field(default_factory=list)
    events: list[_Located] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)
    references: list = field(default_factory=list)
    reports: dict[str, FileReport] = field(default_factory=dict)
    # ids of records that had problems of their own: references to them are not reported again
    broken: dict[str, set[str]] = field(
        default_factory=lambda: {"source": set(), "entity": set(), "relation": set()}
    )
    # those records by section, their ids still held against the others': a duplicate id is said
    # at once, not only once the record's other problems are mended
    unbuilt: dict[str, list[_Located]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class LoadResult:
    """The library (None if anything is wrong) and a report for every file."""

    library: Library | None
    reports: tuple[FileReport, ...]

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.reports for p in r.problems]


def default_relations_path() -> Path:
    return Path(str(resources.files("quizgen") / "templates" / "relations.yaml"))


def load_library(paths: Iterable[Path]) -> Library:
    """Load content files (with the default relations); raise ContentError on any problem."""
    result = load_content(paths)
    if result.library is None:
        raise ContentError(result.problems)
    return result.library


def load_content(paths: Iterable[Path], *, with_defaults: bool = True) -> LoadResult:
    """Load and cross-check content files, reporting per file."""
    parts = _Parts()
    if with_defaults:
        _read_file(default_relations_path(), BUILT_IN_RELATIONS, parts)
    read: set[Path] = {real(default_relations_path())} if with_defaults else set()
    for path in paths:
        resolved = real(path)  # a loop of links stays as named: reading it reports the problem
        if resolved in read:  # named twice ("a.yaml ./a.yaml", a file and its folder): one file, read once
            continue
        read.add(resolved)
        _read_file(path, display_path(path), parts)
    library = _resolve(parts)
    reports = [r for r in parts.reports.values() if r.problems or not r.display.startswith("quizgen/")]
    return LoadResult(library, tuple(reports))


def _read_file(path: Path, display: str, parts: _Parts) -> FileReport:
    report = parts.reports.setdefault(display, FileReport(path, display))
    try:
        root, report.problems = read_yaml_file(path, display)
    except ContentError as error:
        report.problems.extend(error.problems)
        return report
    if root is None:
        report.problems.append(
            Problem(
                Location(display),
                "the file is empty",
                "a content file has sections such as sources:, entities: and facts:",
            )
        )
        return report
    if not isinstance(root, Mapping):
        report.problems.append(
            Problem(
                Location(display, root.line, root.column),
                "a content file is a mapping of sections (sources:, entities:, facts:, ...), "
                f"found {describe(root)}",
            )
        )
        return report
    reader = Reader(display)
    if not SECTIONS.keys() & root.values.keys() and "title" in root.values and "id" in root.values:
        # a recipe read as content: say that, not "unknown section 'title'"
        if "content" in root.values:
            message = "this is a deck recipe, named where content files belong (a recipe cannot be content)"
            hint = "list under content: only files of sources:, entities:, facts: and the like"
        else:
            message = "this reads as a deck recipe without content: the content files it takes"
            hint = "add content: [my-subject.yaml], or write sources:, entities:, facts: here"
        report.problems.append(Problem(Location(display, root.line, root.column), message, hint))
        return report
    for section, node in root.values.items():
        record = SECTIONS.get(section)
        if record is None:
            reader.problem(
                root.keys[section], f"unknown section {section!r}", did_you_mean(section, SECTIONS)
            )
            continue
        if isinstance(node, Mapping) or not isinstance(node, SequenceNode):
            if not (hasattr(node, "is_null") and node.is_null):
                reader.problem(
                    node, f"the section {section!r} must be a list (each entry starting with '- ')"
                )
            continue
        target: list[_Located] = getattr(parts, section)
        before = len(target)
        for item in node.items:
            values = reader.record(item, record, f"this {record}")
            if values is None:
                continue
            built = _BUILDERS[record](values, item, reader, path.parent, parts)
            if built is not None:
                target.append(_Located(built, item, report))  # type: ignore[arg-type]
            elif "id" in values:
                if record in parts.broken:
                    parts.broken[record].add(values["id"])
                parts.unbuilt[section].append(_Located(_Unbuilt(values["id"]), item, report))
        report.counts[section] = len(target) - before
    report.problems.extend(reader.problems)
    parts.references.extend(reader.references)
    return report


# ---------------------------------------------------------------------------
# Building model objects from checked values


def _location(reader: Reader, node: Node) -> Location:
    return reader.at(node)


def _build_source(values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts) -> Source | None:
    if "id" not in values:
        return None
    if "title" not in values and "publisher" not in values:
        reader.problem(node, "a source needs a title or a publisher", "add title: or publisher:")
    text_path = None
    if "text" in values:
        text_path = folder / values["text"]
        try:
            parts.source_texts[values["id"]] = normalise(decode(read_bytes(text_path), str(text_path)))
        except OSError as error:
            reader.problem(
                node.values["text"], f"cannot read the source text {values['text']!r}: {error.strerror}"
            )
        except ContentError as error:
            reader.problems.extend(error.problems)
    excluded_node = node.values.get("excluded")
    entries = excluded_node.items if isinstance(excluded_node, SequenceNode) else []
    if excluded_node is not None and "text" not in values and values.get("excluded"):
        reader.problem(
            excluded_node,
            "excluded names sentences of the source's stored text, and this source has no text:",
            "add text: with the file of the source's words, or leave excluded out",
        )
    excluded = []
    for entry_values, entry in zip(values.get("excluded", ()), entries, strict=False):
        if "text" not in entry_values or "reason" not in entry_values:
            continue
        where = entry.values.get("text", entry) if isinstance(entry, Mapping) else entry
        stored = parts.source_texts.get(values["id"])
        if stored is not None and not quote_found(entry_values["text"], stored):
            reader.problem(
                where,
                "this excluded sentence is not in the source's text",
                "copy it exactly; only whitespace and typographic quotes may differ",
            )
        excluded.append(Exclusion(entry_values["text"], entry_values["reason"], _location(reader, where)))
    return Source(
        id=values["id"],
        location=_location(reader, node),
        title=values.get("title"),
        publisher=values.get("publisher"),
        author=values.get("author"),
        kind=values.get("kind", "document"),
        url=values.get("url"),
        date=values.get("date"),
        opinion=values.get("opinion", False),
        cite_as=values.get("cite_as"),
        text_path=text_path,
        excluded=tuple(excluded),
    )


def _build_entity(values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts) -> Entity | None:
    if not {"id", "type", "name"} <= values.keys():
        return None
    return Entity(
        id=values["id"],
        type=values["type"],
        name=values["name"],
        location=_location(reader, node),
        aliases=values.get("aliases", ()),
        article=values.get("article", ""),
        kind=values.get("kind"),
        part_of=values.get("part_of"),
        plural=values.get("plural", False),
        adjectives=values.get("adjectives", ()),
    )


def _slot_names(text: str) -> set[str]:
    """The slots a checked template names, whatever their capital: {Subject} is {subject}."""
    return {name.lower() for _, name, _, _ in string.Formatter().parse(text) if name}


def _check_slots(reader: Reader, node: Node, text: str, allowed: frozenset[str], what: str) -> bool:
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError as error:
        reader.problem(node, f"{what} has unbalanced braces: {error}", "write literal braces as {{ and }}")
        return False
    slots = [name for name, _, _ in fields if name is not None]
    ok = True
    for name, spec, conversion in fields:
        if name is not None and (spec or conversion):  # {subject:>50}, {Subject!r}: Python's, not ours
            written = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            reader.problem(node, f"{what} has a formatted slot {written}", f"write it as {{{name}}}")
            ok = False
    for slot in slots:
        if slot not in allowed:
            reader.problem(node, f"{what} has an unknown slot {{{slot}}}", did_you_mean(slot, allowed))
            ok = False
    for glued in _glued_slots(text):  # "assassinate{where}" reads "assassinatein Paris"
        reader.problem(
            node,
            f"{what} has a slot against a word or another slot: {glued!r}",
            "put a space between them; quizgen fills {when} and {where} with their preposition, "
            "or nothing, and closes the gap an empty one leaves",
        )
        ok = False
    return ok


def _glued_slots(text: str) -> list[str]:
    """Each slot with a letter or another slot right before it, or a letter right after it, shown
    with the word it touches ("assassinate{where}", "{object}{when}")."""
    glued = []
    for slot in re.finditer(r"\{\w+\}", text):
        before, after = text[: slot.start()], text[slot.end() :]
        word_before = re.search(r"(?:\w+|\{\w+\})$", before)
        word_after = re.match(r"[^\W_]\w*", after)
        if word_before or word_after:
            glued.append(
                (word_before.group() if word_before else "")
                + slot.group()
                + (word_after.group() if word_after else "")
            )
    return glued


def _build_relation(
    values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts
) -> Relation | None:
    if not {"id", "value", "statement"} <= values.keys():
        return None
    statement_node, statement = node.values["statement"], values["statement"]
    if _check_slots(reader, statement_node, statement, STATEMENT_SLOTS, "the statement"):
        named = _slot_names(statement)
        for slot in ("subject", "object"):  # without both, a true/false question is always true
            if slot not in named:
                reader.problem(
                    statement_node,
                    f"the statement has no {{{slot}}} slot",
                    'name both, as in "{Subject} was born in {object}."',
                )
    templates = []
    template_nodes = node.values.get("templates")
    items = template_nodes.items if isinstance(template_nodes, SequenceNode) else []
    for item, template in zip(items, values.get("templates", ()), strict=False):
        if not {"id", "ask", "question", "kinds"} <= template.keys():
            continue
        question_node = item.values["question"] if isinstance(item, Mapping) else item
        timeline = [k for k in template["kinds"] if k in ("order", "which_first")]
        if timeline:
            reader.problem(
                item.values["kinds"] if isinstance(item, Mapping) else item,
                f"{' and '.join(timeline)} questions come from events, not from a relation's template",
                "list them in a deck recipe's kinds instead",
            )
            continue
        if _check_slots(reader, question_node, template["question"], TEMPLATE_SLOTS, "the question"):
            for slot in _SLOT_FOR_ASK[template["ask"]]:
                if "{" + slot + "}" in template["question"]:
                    reader.problem(question_node, f"the question names {{{slot}}}, which is its own answer")
            named = _slot_names(template["question"])
            given = _GIVEN_FOR_ASK[template["ask"]]
            if named.isdisjoint(given):
                reader.problem(
                    question_node,
                    f"the question names no {' or '.join('{' + g + '}' for g in given)}: "
                    "every fact of the relation would ask it in the same words",
                )
        templates.append(
            Template(
                id=template["id"],
                relation=values["id"],
                ask=template["ask"],
                question=template["question"],
                kinds=tuple(Kind(k) for k in template["kinds"]),
                location=_location(reader, item),
            )
        )
    return Relation(
        id=values["id"],
        value=values["value"],
        statement=values["statement"],
        location=_location(reader, node),
        subject_types=values.get("subject_types", ()),
        object_types=values.get("object_types", ()),
        templates=tuple(templates),
        many=values.get("many", False),
    )


_VALUE_KEYS = ("object", "objects", "date", "quantity", "text")


def _build_fact(
    values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts, *, claim: bool = False
) -> Fact | None:
    given = [k for k in _VALUE_KEYS if k in node.values]
    if len(given) != 1:
        message = "a fact needs a value: one of object, objects, date, quantity or text"
        if given:
            message = f"a fact has one value, but this one gives {' and '.join(given)}"
        reader.problem(node, message)
        return None
    if "open" in values and given != ["objects"]:
        reader.problem(
            node.keys["open"], "'open' belongs with 'objects' (a list the source gives only in part)"
        )
    sources = (values["source"],) if claim and "source" in values else values.get("sources", ())
    sources_node = node.values.get("sources")
    if not claim and sources_node is not None and not sources and _is_empty(sources_node):
        reader.problem(sources_node, "a fact needs at least one source")
    if not {"id", "subject", "relation"} <= values.keys() or not sources:
        return None
    if not all(k in values for k in given):
        return None
    objects = values.get("objects") or ((values["object"],) if "object" in values else ())
    return Fact(
        id=values["id"],
        subject=values["subject"],
        relation=values["relation"],
        sources=sources,
        location=_location(reader, node),
        objects=objects,
        open_set=values.get("open", False),
        date=values.get("date"),
        quantity=values.get("quantity"),
        text=values.get("text"),
        accept=values.get("accept", ()),
        when=values.get("when"),
        where=values.get("where"),
        quotes=values.get("quote", ()),
        tags=values.get("tags", ()),
        by=values.get("by"),
        is_claim=claim,
    )


def _is_empty(node: Node) -> bool:
    return (isinstance(node, SequenceNode) and not node.items) or (isinstance(node, Scalar) and node.is_null)


def _build_claim(values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts) -> Fact | None:
    return _build_fact(values, node, reader, folder, parts, claim=True)


def _build_event(values: dict, node: Mapping, reader: Reader, folder: Path, parts: _Parts) -> Event | None:
    if not {"id", "date", "title", "sources"} <= values.keys():
        return None
    if not values["sources"]:
        if _is_empty(node.values["sources"]):
            reader.problem(node.values["sources"], "an event needs at least one source")
        return None
    date = values["date"]
    year = str(abs(date.first.year))
    if len(year) >= 3 and year in values["title"]:
        reader.problem(
            node.values["title"],
            "the title gives away the date",
            "timeline questions ask for it; leave it out",
        )
    ask = values.get("ask")
    if ask is not None and not ask.startswith("When "):
        reader.problem(
            node.values["ask"],
            "'ask' must start with 'When': quizgen rewords it by the date's precision (In what year, ...)",
            "for example: When did the war end?",
        )
    return Event(
        id=values["id"],
        date=date,
        title=values["title"],
        sources=values["sources"],
        location=_location(reader, node),
        ask=ask,
        place=values.get("place"),
        participants=values.get("participants", ()),
        quotes=values.get("quote", ()),
        tags=values.get("tags", ()),
        by=values.get("by"),
    )


_BUILDERS = {
    "source": _build_source,
    "entity": _build_entity,
    "relation": _build_relation,
    "fact": _build_fact,
    "claim": _build_claim,
    "event": _build_event,
}


# ---------------------------------------------------------------------------
# Cross-checks: what spans records and files


BUILT_IN_RELATIONS = "quizgen/templates/relations.yaml"  # how the built-in relations file is named


def _unique(
    items: Sequence[_Located], what: str, key=lambda obj: obj.id, *, same_allowed: bool = False
) -> dict[str, _Located]:
    """Each item by its id; a second of one id is a problem, unless ``same_allowed`` and it says
    exactly what the first does (a relation copied into each of two files used together)."""
    table: dict[str, _Located] = {}
    for item in items:
        ident = key(item.obj)
        first = table.get(ident)
        if first is not None:
            if same_allowed and _unlocated(first.obj) == _unlocated(item.obj):
                continue
            if first.report.display == BUILT_IN_RELATIONS:  # a path the author has nowhere
                message, hint = (
                    f"{ident!r} is a built-in relation",
                    "give yours another id, or use the built-in one",
                )
            else:
                message, hint = f"duplicate {what} id {ident!r}", f"first defined at {first.at('id')}"
            item.report.problems.append(Problem(item.at("id"), message, hint))
            continue
        table[ident] = item
    return table


def _unlocated(relation: Relation) -> Relation:
    """A relation as written, wherever it was: two copies of one compare equal."""
    nowhere = Location("", 0, 0)
    templates = tuple(replace(t, location=nowhere) for t in relation.templates)
    return replace(relation, location=nowhere, templates=templates)


@dataclass(frozen=True)
class _Unbuilt:
    """A record with problems of its own, kept for its id alone."""

    id: str


def _resolve(parts: _Parts) -> Library | None:
    sources = _unique(parts.sources, "source")
    entities = _unique(parts.entities, "entity")
    relations = _unique(parts.relations, "relation", same_allowed=True)
    statements = _unique([*parts.facts, *parts.claims, *parts.events], "statement")
    unbuilt = parts.unbuilt
    for table, what, sections in (
        (sources, "source", ("sources",)),
        (entities, "entity", ("entities",)),
        (relations, "relation", ("relations",)),
        (statements, "statement", ("facts", "claims", "events")),
    ):
        _unique([*table.values(), *(item for s in sections for item in unbuilt[s])], what)
    first_template: dict[str, Location] = {}  # each where it is written, not at its relation's id
    for item in relations.values():  # a copy of a relation kept once brings no second template
        for template in item.obj.templates:
            first = first_template.setdefault(template.id, template.location)
            if first != template.location:
                item.report.problems.append(
                    Problem(
                        template.location,
                        f"duplicate template id {template.id!r}",
                        f"first defined at {first}",
                    )
                )
    tables = {"source": sources, "entity": entities, "relation": relations}
    reports = parts.reports
    for reference in parts.references:
        if reference.id not in tables[reference.table] and reference.id not in parts.broken[reference.table]:
            problem = Problem(
                reference.location,
                f"unknown {reference.table} {reference.id!r}",
                did_you_mean(reference.id, tables[reference.table]),
            )
            report = reports.get(reference.location.path)
            if report is not None:
                report.problems.append(problem)
    for item in (*parts.facts, *parts.claims):
        _check_fact_types(item, entities, relations)
    _check_containment(entities)
    for item in (*parts.facts, *parts.claims, *parts.events):
        _check_quotes(item, sources, parts.source_texts)
    if any(r.problems for r in reports.values()):
        return None
    return Library(
        sources={k: v.obj for k, v in sources.items()},
        entities={k: v.obj for k, v in entities.items()},
        relations={k: v.obj for k, v in relations.items()},
        facts=tuple(i.obj for i in parts.facts),
        claims=tuple(i.obj for i in parts.claims),
        events=tuple(i.obj for i in parts.events),
        files=tuple(r.display for r in reports.values()),
    )


def _check_containment(entities: dict[str, _Located]) -> None:
    """A place inside itself, or two inside each other, or inside a person: no distractor or swap
    could be trusted, and "Baghdad, Qasem Soleimani" would be accepted as an address."""
    for entity_id, item in entities.items():
        container = entities.get(item.obj.part_of or "")
        if container is not None and container.obj.type not in CONTAINERS:
            item.report.problems.append(
                Problem(
                    item.at("part_of"),
                    f"part_of names what {entity_id!r} lies inside, "
                    f"but {item.obj.part_of!r} is {with_article(container.obj.type)}",
                    "name the place, organisation or group it lies inside, or leave part_of out",
                )
            )
            continue
        seen = [entity_id]
        current = item.obj.part_of
        while current is not None and current in entities and current not in seen:
            seen.append(current)
            current = entities[current].obj.part_of
        if current == entity_id:  # reported once per place on the loop, at its own part_of
            loop = " → ".join([*seen, entity_id])
            item.report.problems.append(Problem(item.at("part_of"), f"part_of goes round in a loop: {loop}"))


def _check_fact_types(item: _Located, entities: dict[str, _Located], relations: dict[str, _Located]) -> None:
    fact: Fact = item.obj
    relation_item = relations.get(fact.relation)
    if relation_item is None:
        return
    relation: Relation = relation_item.obj
    problems = item.report.problems
    if fact.value_kind != relation.value:
        expected = "object" if relation.value == "entity" else relation.value
        problems.append(
            Problem(
                item.at("relation"),
                f"the relation {fact.relation!r} takes {with_article(relation.value)} value",
                f"give '{expected}:' instead of '{_given_key(item.node)}:'",
            )
        )
        return
    subject = entities.get(fact.subject)
    if subject and relation.subject_types and subject.obj.type not in relation.subject_types:
        problems.append(
            Problem(
                item.at("subject"),
                f"{fact.relation!r} is about {with_article(' or '.join(relation.subject_types))}, "
                f"but {fact.subject!r} is {with_article(subject.obj.type)}",
            )
        )
    for key in ("when", "where"):  # given, but never said nor asked: lost without a word
        if getattr(fact, key) is None or (key == "when" and any(t.ask == "when" for t in relation.templates)):
            continue
        wordings = (relation.statement, *(template.question for template in relation.templates))
        if not any(f"{{{key}}}" in wording for wording in wordings):
            problems.append(
                Problem(
                    item.at(key),
                    f"the relation {fact.relation!r} never says {{{key}}}: no question would tell it",
                    f"add {{{key}}} to the relation's statement, or leave '{key}' out",
                )
            )
    for obj in fact.objects:
        target = entities.get(obj)
        if target and relation.object_types and target.obj.type not in relation.object_types:
            key = "objects" if "objects" in item.node.values else "object"
            problems.append(
                Problem(
                    item.at(key),
                    f"{fact.relation!r} links to {with_article(' or '.join(relation.object_types))}, "
                    f"but {obj!r} is {with_article(target.obj.type)}",
                )
            )


def _given_key(node: Mapping) -> str:
    return next((k for k in _VALUE_KEYS if k in node.values), "object")


def _check_quotes(item: _Located, sources: dict[str, _Located], texts: dict[str, str]) -> None:
    statement = item.obj
    cited_with_text = [s for s in statement.sources if s in texts]
    if not cited_with_text:
        return
    problems = item.report.problems
    if not statement.quotes:
        problems.append(
            Problem(
                item.at("id"),
                f"{statement.id!r} cites a source with a stored text but has no quote",
                "add quote: with the words of the source that state it",
            )
        )
        return
    quote_node = item.node.values.get("quote")
    quote_nodes = quote_node.items if isinstance(quote_node, SequenceNode) else [quote_node]
    # the reader kept only the quotes with words (an empty one is its own problem): so are the nodes
    quote_nodes = [n for n in quote_nodes if isinstance(n, Scalar) and not n.is_null and n.value.strip()]
    supported: set[str] = set()
    unmatched = []
    for quote, node in zip(statement.quotes, quote_nodes, strict=False):
        found_in = {s for s in cited_with_text if quote_found(quote, texts[s])}
        supported |= found_in
        if not found_in:
            unmatched.append((quote, node))
    names = " or ".join(repr(s) for s in cited_with_text)
    for quote, node in unmatched:
        near = next((p for s in cited_with_text if (p := closest_passage(quote, texts[s])) is not None), None)
        copy = "copy the words exactly; only whitespace and typographic quotes may differ"
        problems.append(
            Problem(
                Location(item.report.display, node.line, node.column),
                f"this quote is not in the text of {names}",
                f"the nearest words in it are “{near}”: {copy}" if near else copy,
            )
        )
    if unmatched:
        return  # the unmatched quote is the problem to fix first
    for source_id in cited_with_text:
        if source_id not in supported:
            problems.append(
                Problem(
                    item.at("sources" if "sources" in item.node.values else "source"),
                    f"{statement.id!r} cites {source_id!r} but none of its quotes is from that text",
                    f"add a quote from {source_id!r}, or stop citing it",
                )
            )
