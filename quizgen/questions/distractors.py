"""Honest distractors: wrong for certain, of the key's type and precision, and plausible.

Every check is an index look-up, never a scan of the library: candidates are
sampled from per-type buckets, so a question costs the same in a library of
fifty facts or fifty thousand.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from quizgen.facts.dates import DatePoint, HistoricalDate, Precision, days_from_civil
from quizgen.facts.library import Library
from quizgen.facts.model import Entity, Quantity
from quizgen.facts.quantities import format_number

from .normalise import normalise

SAMPLE = 24  # candidates examined per question, whatever the library's size
# Kinds close enough to stand in for each other: a village's wrong options may be cities.
KIND_GROUPS = {
    **dict.fromkeys(("village", "town", "city", "capital", "settlement", "municipality"), "settlement"),
    **dict.fromkeys(("province", "state", "region", "governorate", "county", "district"), "region"),
    **dict.fromkeys(("country", "nation", "empire", "kingdom", "republic"), "country"),
}


_Ends = tuple[DatePoint, DatePoint | None]  # a candidate date's first and last point
_Shape = tuple[str | None, str | None, int]  # an entity's kind, kind group and depth (see _shape)


_UNLIKE = 2  # _distance between places of unrelated kinds
_ANY_KIND = frozenset({"person", "place"})  # types whose wrong options may be of another kind


def kind_group(kind: str | None) -> str | None:
    return KIND_GROUPS.get(kind or "", kind)


@dataclass(frozen=True, slots=True)
class _Buckets:
    """Entity ids by type and kind, by type and kind group, and by type: where options are sampled."""

    by_kind: dict[tuple[str, str | None], tuple[str, ...]]
    by_group: dict[tuple[str, str | None], tuple[str, ...]]
    by_type: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> _Buckets:
        by_kind: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        by_group: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        by_type: dict[str, list[str]] = defaultdict(list)
        for entity in entities:
            by_kind[entity.type, entity.kind].append(entity.id)
            by_group[entity.type, kind_group(entity.kind)].append(entity.id)
            by_type[entity.type].append(entity.id)
        return cls(*({key: tuple(ids) for key, ids in pool.items()} for pool in (by_kind, by_group, by_type)))


class Distractors:
    """Wrong options for one library, with the buckets built once."""

    def __init__(self, library: Library, present_year: int) -> None:
        self.library = library
        # No option lies in the future: "2027" would give itself away as wrong.
        self.latest_year = present_year
        texts: dict[str, list[str]] = defaultdict(list)
        told_of: set[str] = set()
        for fact in library.statements_with_relations():
            told_of.add(fact.subject)
            if fact.text:
                texts[fact.relation].append(fact.text)
        entities = library.entities.values()
        self._everyone = _Buckets.of(entities)
        self._told_of = _Buckets.of(e for e in entities if e.id in told_of)
        self._texts = {r: tuple(dict.fromkeys(values)) for r, values in texts.items()}
        # per-entity look-ups, filled as questions need them: the same entities come up again and again
        self._names: dict[str, str] = {}
        self._labels: dict[str, frozenset[str]] = {}
        self._shapes: dict[str, _Shape] = {}

    # -- entities -----------------------------------------------------------

    def entities(
        self,
        key: str,
        correct: Collection[str],
        rng: random.Random,
        n: int = 3,
        *,
        strict: bool = False,
        told_of: bool = False,
    ) -> list[str]:
        """Entities of the key's type, none correct, none containing or inside it, closest in kind first.

        ``strict`` keeps to the key's kind: under "Which force ...?" only forces will do. Anything but
        a person or a place keeps to its kind group whatever ``strict`` says, a kindless key to the
        kindless: among armed groups the United Nations is the odd one out. Places always
        keep to their granularity (a town's wrong options are towns, not countries) where the library
        has enough of them, and a place whose kind no other place shares gets none. ``told_of`` keeps
        to entities the library states something of: "Who was born in Qanat-e Malek?" in a subject
        about one man, with two men it only names as wrong options, is answered by the subject's name.
        """
        library = self.library
        entity = library.entities[key]
        taken: set[str] = set()
        for c in correct:
            taken |= self._normalised_labels(c)
        pools = self._told_of if told_of else self._everyone
        buckets = [
            pools.by_kind.get((entity.type, entity.kind), ()),
            pools.by_group.get((entity.type, kind_group(entity.kind)), ()),
        ]
        if entity.type in _ANY_KIND and (not strict or entity.kind is None):
            buckets.append(pools.by_type.get(entity.type, ()))
        # what contains a correct answer, and the answers themselves, may never stand in as wrong
        answers = frozenset(correct)
        excluded = answers.union(*(library.ancestors(c) for c in correct))
        valid: list[str] = []
        names = self._names
        for bucket in buckets:
            for candidate in _sample(bucket, rng):
                if len(valid) >= 2 * n + 2:
                    break
                if candidate in excluded or candidate in valid:
                    continue
                if not answers.isdisjoint(library.ancestors(candidate)):  # lies inside an answer
                    continue
                label = names.get(candidate)
                if label is None:
                    label = names[candidate] = normalise(library.entities[candidate].name)
                if label in taken:
                    continue
                taken.add(label)
                valid.append(candidate)
        key_shape = self._shape(key)
        distance = {c: _distance(key_shape, self._shape(c)) for c in valid}
        ranked = sorted(valid, key=distance.__getitem__)
        if ranked and entity.type == "place":
            best = distance[ranked[0]]
            if best >= _UNLIKE:  # a lunar sea among countries and cities: the odd one out is the key
                return []
            ranked = [c for c in ranked if distance[c] <= max(best, 1)]
        lengths = {c: len(library.entities[c].name) for c in ranked}
        return _not_outstanding(ranked[: 2 * n], lengths, len(entity.name), n)

    def _shape(self, entity_id: str) -> _Shape:
        """An entity's kind, kind group and, for a place, how deeply it is nested (-1 otherwise)."""
        shape = self._shapes.get(entity_id)
        if shape is None:
            entity = self.library.entities[entity_id]
            depth = len(self.library.ancestors(entity_id)) if entity.type == "place" else -1
            shape = self._shapes[entity_id] = (entity.kind, kind_group(entity.kind), depth)
        return shape

    def _normalised_labels(self, entity_id: str) -> frozenset[str]:
        """Every spelling that answers for the entity (name and aliases), normalised."""
        labels = self._labels.get(entity_id)
        if labels is None:
            labels = frozenset(normalise(label) for label in self.library.entities[entity_id].labels)
            self._labels[entity_id] = labels
        return labels

    # -- dates --------------------------------------------------------------

    def dates(
        self,
        key: HistoricalDate,
        avoid: Sequence[HistoricalDate],
        rng: random.Random,
        n: int = 3,
        *,
        same_year: bool = False,
    ) -> list[HistoricalDate]:
        """Dates of the key's precision near it, spaced by era, on both sides, overlapping nothing correct.

        ``same_year`` keeps month distractors inside the key's year, for stems
        such as "In which month of 2020 ...".
        """
        if key.is_range:
            candidates = self._shifted_ranges(key, rng)
        elif same_year and key.precision is Precision.MONTH:
            candidates = self._months_of_year(key, rng)
        else:
            candidates = self._shifted_points(key, rng)
        chosen: list[HistoricalDate] = []
        labels = {key.label()}
        correct = (key, *avoid)
        for first, last in candidates:
            if len(chosen) >= n:
                break
            candidate = HistoricalDate(first, last)  # only the candidates looked at are built
            label = candidate.label()
            if label in labels or any(candidate.overlaps(a) for a in correct):
                continue
            labels.add(label)
            chosen.append(candidate)
        return chosen

    def _step(self, key: HistoricalDate) -> int:
        """Years between options: a few for recent history, wider for older, never inside an approximation."""
        distance = abs(self.latest_year - key.year)
        if key.precision is Precision.CENTURY:
            step = 100
        elif key.precision is Precision.DECADE:
            step = 10
        else:  # a few years apart for recent history, wider for older
            step = next(
                s for limit, s in ((60, 1), (150, 2), (500, 5), (1500, 10), (10**9, 25)) if distance <= limit
            )
        if key.approximate:
            step = max(step, 5)
        return step

    def _offsets(self, key: HistoricalDate, rng: random.Random, step: int) -> list[int]:
        """Year offsets, the nearest first, never past the latest year the library knows: a random
        share above the key and the rest below, so that its place among the options (always in
        the middle, when both sides were taken) says nothing; then the others, in case some fall
        on a correct date."""
        below = [-k * step for k in range(1, 5)]
        above = [k * step for k in range(1, 5) if key.year + k * step <= max(self.latest_year, key.year)]
        for side in (below, above):  # near ones first, in a random order among themselves
            side.sort(key=lambda offset: (abs(offset) > 2 * step, rng.random()))
        wanted = min(rng.randint(0, 3), len(above))
        first = above[:wanted] + below[: 3 - wanted]
        rng.shuffle(first)
        return first + [o for o in (*below, *above) if o not in first]

    # Candidates come as (first, last) ends, all drawn up front so the generator's draws do not
    # depend on how many are looked at.

    def _shifted_points(self, key: HistoricalDate, rng: random.Random) -> list[_Ends]:
        """For a day: every option on the key's day of the year, or every one on a day of its own
        (mixed, the key was the day shared by the others, between the years of two of them)."""
        point = key.first
        keep_day = rng.random() < 0.5
        result: list[_Ends] = []
        for offset in self._offsets(key, rng, self._step(key)):
            shifted = _shift_point(point, offset, rng, keep_day=keep_day)
            if shifted is not None:
                result.append((shifted, None))
        return result

    def _months_of_year(self, key: HistoricalDate, rng: random.Random) -> list[_Ends]:
        month = key.first.month or 1
        before = [m for m in range(month - 3, month) if m >= 1]
        after = [m for m in range(month + 1, month + 4) if m <= 12]
        rng.shuffle(before)
        rng.shuffle(after)
        order = [m for pair in zip(before, after, strict=False) for m in pair]
        order += before[len(after) :] + after[len(before) :]
        return [(replace(key.first, month=m), None) for m in order]

    def _shifted_ranges(self, key: HistoricalDate, rng: random.Random) -> list[_Ends]:
        assert key.last is not None
        span = key.last.year - key.first.year + 1
        step = max(self._step(key), 1)
        result = []
        for offset in self._offsets(key, rng, step):
            shift = offset + (span if offset > 0 else -span) - (1 if offset > 0 else -1)
            first, last = (
                _shift_point(key.first, shift, rng, keep_day=True),
                _shift_point(key.last, shift, rng, keep_day=True),
            )
            if first is not None and last is not None and last.year <= max(self.latest_year, key.last.year):
                result.append((first, last))
        return result

    # -- numbers and text ---------------------------------------------------

    def quantities(self, key: Quantity, rng: random.Random, n: int = 3, *, side: int = 0) -> list[Quantity]:
        """Values clearly apart from the key and from each other, some above it and some below in
        a random share (the key's rank among the options tells nothing, but for a share near the
        whole: no 150% beside 95%), at the key's precision
        (13 among 22 and 8, 25.8 billion among 41.3 billion), by uneven steps (no option a plain
        multiple of another). ``side`` 1 keeps above the key, -1 below."""
        scale, places = _precision(key.value)
        taken = [key.value]
        chosen: list[Quantity] = []
        ceiling = 100.0 if key.unit and key.unit.startswith("%") and key.value <= 100 else None
        room, value = 0, key.value  # how many fit above: a share stays within the whole
        while room < n and (ceiling is None or value * 1.5 <= ceiling):
            room, value = room + 1, value * 1.5
        above = rng.randint(0, room)
        # a side that runs out (nothing below 1, nothing above 100%) gives way to the other
        directions = [1] * above + [-1] * (n - above) + [-1] * n + [1] * n
        for direction in [side] * 2 * n if side else directions:
            if len(chosen) >= n:
                break
            start = max(taken) if direction > 0 else min(taken)
            for _ in range(8):
                value = _rounded_like(start * rng.uniform(1.5, 2.2) ** direction, scale, places)
                if value and ceiling is not None and value > ceiling:
                    continue  # a smaller step may fit
                if value and all(max(value, v) / min(value, v) >= 1.4 for v in taken):
                    taken.append(value)
                    chosen.append(replace(key, value=value, text=quantity_label(replace(key, value=value))))
                    break
        return chosen

    def texts(self, relation: str, correct: Collection[str], rng: random.Random, n: int = 3) -> list[str]:
        """Other values the library gives for the same relation: only those are surely of the same kind."""
        taken = {normalise(c) for c in correct}
        pool = [t for t in self._texts.get(relation, ()) if normalise(t) not in taken]
        picked = _sample(pool, rng)
        unique: dict[str, str] = {}
        for text in picked:
            unique.setdefault(normalise(text), text)
        return list(unique.values())[:n]


def _distance(key: _Shape, candidate: _Shape) -> int:
    """How far apart two entities are in kind: 0 same kind, 1 same group, 2 otherwise;
    for places, the difference in how deeply each is nested (town in province in country)."""
    a_kind, a_group, a_depth = key
    b_kind, b_group, b_depth = candidate
    if a_kind and a_kind == b_kind:
        distance = 0
    elif a_kind and a_group == b_group:
        distance = 1
    else:
        distance = 2 if a_kind or b_kind else 1
    if a_depth >= 0 and (not a_kind or not b_kind):  # a place
        distance = min(distance, abs(a_depth - b_depth))
    return distance


def quantity_label(quantity: Quantity) -> str:
    """A quantity as an option shows it: the number with its currency and unit, without the qualifier."""
    symbol = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}.get(quantity.currency or "", "")
    text = f"{symbol}{format_number(quantity.value)}"
    if quantity.unit and quantity.unit.startswith("%"):  # "12%", "40% of voters"
        return f"{text}{quantity.unit}"
    return f"{text} {quantity.unit}" if quantity.unit else text


def _precision(value: float) -> tuple[float, int]:
    """The scale a number is written in and its precision there: decimal places, or for a whole
    number minus its significant digits (25.8 billion → (1e9, 1); 50 → (1, -1); 13 → (1, -2))."""
    scale = next((s for s in (1e12, 1e9, 1e6) if abs(value) >= s), 1.0)
    text = f"{abs(value) / scale:.10g}"
    if "." in text:
        return scale, len(text.split(".")[1])
    return scale, -max(1, len(text.strip("0")))


def _rounded_like(value: float, scale: float, precision: int) -> float | None:
    """``value`` written as precisely as the key, or None where that would show: a last decimal
    of 0 that :g drops (210 among 110.6), or nothing left above zero."""
    scaled = value / scale
    if precision > 0:
        rounded = round(scaled, precision)
        if rounded == round(rounded, precision - 1):
            return None
    elif scaled < 1:
        return None
    else:  # as many significant digits as the key's, and whole
        rounded = float(round(scaled, min(0, -precision - 1 - math.floor(math.log10(scaled)))))
    return rounded * scale if rounded > 0 else None


def _sample(pool: Sequence[str], rng: random.Random) -> Sequence[str]:
    """Up to SAMPLE candidates: a small pool shuffled whole; from a large one, a window starting at a
    random place (one draw instead of SAMPLE, and the cost stays flat however large the pool)."""
    if len(pool) <= SAMPLE:
        items = list(pool)
        rng.shuffle(items)
        return items
    start = rng.randrange(len(pool))
    window = pool[start : start + SAMPLE]
    return window if len(window) == SAMPLE else [*window, *pool[: SAMPLE - len(window)]]


def _not_outstanding(valid: list[str], lengths: dict[str, int], key_length: int, n: int) -> list[str]:
    """Pick ``n`` of the (already shuffled) candidates so the key is neither reliably the longest
    nor the shortest option: include one at least as long and, where possible, one no longer."""
    longer = next((c for c in valid if lengths[c] >= key_length), None)
    shorter = next((c for c in valid if lengths[c] <= key_length and c != longer), None)
    picked = [c for c in (longer, shorter) if c is not None][:n]
    picked += [c for c in valid if c not in picked][: n - len(picked)]
    return picked


def _shift_point(
    point: DatePoint, years: int, rng: random.Random, *, keep_day: bool = False
) -> DatePoint | None:
    year = point.year + years
    month, day = point.month, point.day
    if point.precision is Precision.DAY and not keep_day:
        while (month, day) == (point.month, point.day):  # a day of its own, never the key's by chance
            month = rng.randint(1, 12)
            last_day = days_from_civil(year + (month == 12), month % 12 + 1, 1) - days_from_civil(
                year, month, 1
            )
            day = rng.randint(1, last_day)
    elif point.precision is Precision.DAY and month == 2 and day == 29:
        day = 28
    # constructed directly: dataclasses.replace is the slow path here, called for every date option
    return DatePoint(year, point.precision, month, day, point.part, point.approximate, point.uncertain)
