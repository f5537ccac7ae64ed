"""A cache of validated libraries, so a large library loads in a fraction of its parse.

The key is a hash of quizgen's cache format, the default relations and every
content file's bytes; the entry also records the stored source texts that its
quotes were checked against, and is used only while they are unchanged.
Entries live under ``libraries`` in the user cache folder (``QUIZGEN_CACHE_DIR``
overrides the folder). A
stale, corrupt or unreadable entry is ignored and rebuilt; the cache is never
needed for correctness.

Objects are stored as plain tuples and lists through ``marshal``: unpickling
frozen dataclasses goes through a Python-level ``__setstate__`` per object,
which costs more than parsing the YAML again.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from platformdirs import user_cache_path

from quizgen.nogc import cycle_collection_paused
from quizgen.paths import real

from .dates import DatePoint, HistoricalDate, Precision
from .errors import Location
from .library import Library
from .loader import default_relations_path, load_library
from .model import Entity, Event, Exclusion, Fact, Kind, Qualifier, Quantity, Relation, Source, Template
from .yamlread import read_bytes

FORMAT = 3  # raise when the model's classes or fields change: old entries are then ignored
_PRECISION = {p.value: p for p in Precision}
_QUALIFIER = {q.value: q for q in Qualifier}
_KIND = {k.value: k for k in Kind}


def cache_root() -> Path:
    """Where every quizgen cache lives: ``QUIZGEN_CACHE_DIR``, else the user cache folder."""
    override = os.environ.get("QUIZGEN_CACHE_DIR")
    return Path(override).expanduser() if override else user_cache_path("quizgen", appauthor=False)


def cache_folder() -> Path:
    return cache_root() / "libraries"


@functools.cache
def code_signature() -> str:
    """Which build of quizgen's reading and question-making code this is, by the size and time of
    its files: an upgrade (a new release, a pull of main) makes every cache entry built by the old
    code stale, though the content is unchanged. Stats, not contents: a few microseconds a file."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parts = []
    for folder in ("facts", "questions", "templates", "study", "."):  # all that makes a bank's content
        try:
            with os.scandir(os.path.join(package, folder)) as entries:
                for entry in entries:
                    if entry.name.endswith((".py", ".yaml")):
                        status = entry.stat()
                        parts.append(f"{folder}/{entry.name}:{status.st_size}:{status.st_mtime_ns}")
        except OSError:  # run from a zip: no files to stat, so no build to tell apart
            parts.append(f"{folder}:unreadable")
    return hashlib.sha256("\n".join(sorted(parts)).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _key(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"quizgen-library-cache:{FORMAT}:{code_signature()}".encode())
    for path in [default_relations_path(), *paths]:
        digest.update(str(real(path)).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(read_bytes(path))
    return digest.hexdigest()


def _text_digest(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def load_cached(paths: list[Path]) -> Library:
    """The library for ``paths``, from the cache when it is current; raises ContentError like the loader."""
    try:
        key = _key(paths)
    except OSError:
        return load_library(paths)  # an unreadable file: the loader reports it with its place
    entry = cache_folder() / f"{key}.marshal"
    library = _read(entry)
    if library is not None:
        return library
    library = load_library(paths)
    _write(entry, library)
    return library


def _read(entry: Path) -> Library | None:
    # building many objects at once: collections would only rescan what is being built
    with cycle_collection_paused():
        try:
            texts, body = marshal.loads(entry.read_bytes())
            for path, digest in texts:
                if _text_digest(Path(path)) != digest:
                    return None
            return decode_library(body)
        except Exception:  # a cache that cannot be used is just absent
            return None


def _write(entry: Path, library: Library) -> None:
    try:
        texts = [
            (str(s.text_path), _text_digest(s.text_path)) for s in library.sources.values() if s.text_path
        ]
        data = marshal.dumps((texts, encode_library(library)))
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(entry)
    except OSError:
        pass  # a read-only or full disk only costs the next load its speed


# ---------------------------------------------------------------------------
# Plain encoding: each class as a tuple of its constructor's arguments, nested objects encoded in
# place. Written out per class because this runs once per statement of a large library; a
# round-trip test over the bundled and a synthetic library keeps it in step with the model.


def _loc(location: Location) -> tuple[str, int, int]:
    return (location.path, location.line, location.column)


def _point(p: DatePoint) -> tuple[Any, ...]:
    return (p.year, p.precision.value, p.month, p.day, p.part, p.approximate, p.uncertain)


def _unpoint(t: tuple[Any, ...]) -> DatePoint:
    return DatePoint(t[0], _PRECISION[t[1]], t[2], t[3], t[4], t[5], t[6])


def _date(d: HistoricalDate | None) -> tuple[Any, ...] | None:
    if d is None:
        return None
    return (_point(d.first), None if d.last is None else _point(d.last))


def _undate(t: tuple[Any, ...] | None) -> HistoricalDate | None:
    if t is None:
        return None
    return HistoricalDate(_unpoint(t[0]), None if t[1] is None else _unpoint(t[1]))


def _quantity(q: Quantity | None) -> tuple[Any, ...] | None:
    return None if q is None else (q.value, q.text, q.qualifier.value, q.unit, q.currency)


def _unquantity(t: tuple[Any, ...] | None) -> Quantity | None:
    return None if t is None else Quantity(t[0], t[1], _QUALIFIER[t[2]], t[3], t[4])


def _source(s: Source) -> tuple[Any, ...]:
    excluded = tuple((e.text, e.reason, _loc(e.location)) for e in s.excluded)
    path = None if s.text_path is None else str(s.text_path)
    return (
        s.id,
        _loc(s.location),
        s.title,
        s.publisher,
        s.author,
        s.kind,
        s.url,
        _date(s.date),
        s.opinion,
        s.cite_as,
        path,
        excluded,
    )


def _unsource(t: tuple[Any, ...]) -> Source:
    excluded = tuple(Exclusion(text, reason, Location(*loc)) for text, reason, loc in t[11])
    path = None if t[10] is None else Path(t[10])
    return Source(
        t[0], Location(*t[1]), t[2], t[3], t[4], t[5], t[6], _undate(t[7]), t[8], t[9], path, excluded
    )


def _entity(e: Entity) -> tuple[Any, ...]:
    return (
        e.id,
        e.type,
        e.name,
        _loc(e.location),
        e.aliases,
        e.article,
        e.kind,
        e.part_of,
        e.plural,
        e.adjectives,
    )


def _unentity(t: tuple[Any, ...]) -> Entity:
    return Entity(t[0], t[1], t[2], Location(*t[3]), t[4], t[5], t[6], t[7], t[8], t[9])


def _relation(r: Relation) -> tuple[Any, ...]:
    templates = tuple(
        (t.id, t.relation, t.ask, t.question, tuple(k.value for k in t.kinds), _loc(t.location))
        for t in r.templates
    )
    return (r.id, r.value, r.statement, _loc(r.location), r.subject_types, r.object_types, templates, r.many)


def _unrelation(t: tuple[Any, ...]) -> Relation:
    templates = tuple(
        Template(i, rel, ask, question, tuple(_KIND[k] for k in kinds), Location(*loc))
        for i, rel, ask, question, kinds, loc in t[6]
    )
    return Relation(t[0], t[1], t[2], Location(*t[3]), t[4], t[5], templates, t[7])


def _fact(f: Fact) -> tuple[Any, ...]:
    return (
        f.id,
        f.subject,
        f.relation,
        f.sources,
        _loc(f.location),
        f.objects,
        f.open_set,
        _date(f.date),
        _quantity(f.quantity),
        f.text,
        f.accept,
        _date(f.when),
        f.where,
        f.quotes,
        f.tags,
        f.by,
        f.is_claim,
    )


def _unfact(t: tuple[Any, ...]) -> Fact:
    return Fact(
        t[0],
        t[1],
        t[2],
        t[3],
        Location(*t[4]),
        t[5],
        t[6],
        _undate(t[7]),
        _unquantity(t[8]),
        t[9],
        t[10],
        _undate(t[11]),
        t[12],
        t[13],
        t[14],
        t[15],
        t[16],
    )


def _event(e: Event) -> tuple[Any, ...]:
    return (
        e.id,
        _date(e.date),
        e.title,
        e.sources,
        _loc(e.location),
        e.ask,
        e.place,
        e.participants,
        e.quotes,
        e.tags,
        e.by,
    )


def _unevent(t: tuple[Any, ...]) -> Event:
    return Event(t[0], _undate(t[1]), t[2], t[3], Location(*t[4]), t[5], t[6], t[7], t[8], t[9], t[10])  # type: ignore[arg-type]


def encode_library(library: Library) -> tuple[Any, ...]:
    return (
        tuple(map(_source, library.sources.values())),
        tuple(map(_entity, library.entities.values())),
        tuple(map(_relation, library.relations.values())),
        tuple(map(_fact, library.facts)),
        tuple(map(_fact, library.claims)),
        tuple(map(_event, library.events)),
        library.files,
    )


def decode_library(body: tuple[Any, ...]) -> Library:
    sources, entities, relations, facts, claims, events, files = body
    return Library(
        sources={s.id: s for s in map(_unsource, sources)},
        entities={e.id: e for e in map(_unentity, entities)},
        relations={r.id: r for r in map(_unrelation, relations)},
        facts=tuple(map(_unfact, facts)),
        claims=tuple(map(_unfact, claims)),
        events=tuple(map(_unevent, events)),
        files=tuple(files),
    )
