"""Synthetic libraries of realistic shape, for property tests and benchmarks.

Entities of several types (people, nested places, organisations with kinds),
facts with dates of mixed precision, quantities, events and attributed
claims, written as a YAML content file exactly as an author would.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = [
    "Ada",
    "Bela",
    "Chen",
    "Dara",
    "Emil",
    "Fatima",
    "Goran",
    "Hana",
    "Ivo",
    "Jana",
    "Kofi",
    "Lena",
    "Mira",
    "Nils",
    "Omar",
    "Pia",
    "Quinn",
    "Rosa",
    "Sami",
    "Tove",
    "Uma",
    "Vera",
    "Wim",
    "Xena",
]
LAST = [
    "Abel",
    "Brandt",
    "Costa",
    "Dahl",
    "Eze",
    "Faber",
    "Gallo",
    "Horvat",
    "Ito",
    "Jensen",
    "Kova",
    "Lund",
    "Moreau",
    "Novak",
    "Olsen",
    "Petrov",
    "Quist",
    "Rossi",
    "Silva",
    "Tanaka",
]
SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "ve", "sa", "no", "be", "di", "go", "ha", "ri", "zu"]
ORG_KINDS = ["party", "company", "university", "army", "union"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _date(rng: random.Random) -> str:
    year = rng.randint(1700, 2020)
    shape = rng.random()
    if shape < 0.35:
        return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if shape < 0.55:
        return f"{year:04d}-{rng.randint(1, 12):02d}"
    if shape < 0.85:
        return f"{year:04d}"
    if shape < 0.92:
        return f"c. {year}"
    if shape < 0.96:
        return f"late {year}"
    return f"{year}/{year + rng.randint(1, 6)}"


def synthetic_yaml(facts: int, seed: int = 7) -> str:
    """A content file with about ``facts`` facts (and a tenth as many events and claims)."""
    rng = random.Random(seed)
    people = max(20, facts // 4)
    places = max(12, facts // 20)
    orgs = max(10, facts // 25)
    out = [
        "sources:",
        "  - id: atlas",
        "    title: The Synthetic Atlas",
        "    publisher: Example Press",
        "  - id: gazette",
        "    publisher: The Opinionated Gazette",
        "    opinion: true",
        "entities:",
    ]
    countries = max(3, places // 10)
    used: set[str] = set()

    def unique(name: str) -> str:
        while name in used:
            name += " " + rng.choice(SYLLABLES)
        used.add(name)
        return name

    for i in range(countries):
        out += [
            f"  - id: country-{i}",
            "    type: place",
            "    kind: country",
            f"    name: {unique(_name(rng, 3))}ia",
        ]
    regions = max(countries, places // 4)
    for i in range(regions):
        out += [
            f"  - id: region-{i}",
            "    type: place",
            "    kind: province",
            f"    name: {unique(_name(rng, 3))} Province",
            f"    part_of: country-{i % countries}",
        ]
    for i in range(places):
        out += [
            f"  - id: place-{i}",
            "    type: place",
            "    kind: city",
            f"    name: {unique(_name(rng, 3))}",
            f"    part_of: region-{i % regions}",
        ]
    for i in range(orgs):
        kind = ORG_KINDS[i % len(ORG_KINDS)]
        out += [
            f"  - id: org-{i}",
            "    type: organisation",
            f"    kind: {kind}",
            "    article: the",
            f"    name: {unique(_name(rng, 2) + ' ' + kind.capitalize())}",
        ]
    for i in range(people):
        name = unique(f"{rng.choice(FIRST)} {rng.choice(LAST)}")
        out += [
            f"  - id: person-{i}",
            "    type: person",
            f"    name: {name}",
            f"    aliases: [{name.split()[-1]} {i}]",
        ]
    out.append("facts:")
    for i in range(facts):
        person = f"person-{i % people}"
        slot = (i // people) % 5
        common = ["    sources: [atlas]", f"    tags: [t{i % 7}]"]
        if slot == 0:
            out += [
                f"  - id: fact-{i}",
                f"    subject: {person}",
                "    relation: born_in",
                f"    object: place-{rng.randrange(places)}",
                *common,
            ]
        elif slot == 1:
            out += [
                f"  - id: fact-{i}",
                f"    subject: {person}",
                "    relation: born_on",
                f"    date: {_date(rng)}",
                *common,
            ]
        elif slot == 2:
            out += [
                f"  - id: fact-{i}",
                f"    subject: {person}",
                "    relation: joined",
                f"    object: org-{rng.randrange(orgs)}",
                f"    when: {rng.randint(1750, 2020)}",
                *common,
            ]
        elif slot == 3:
            out += [
                f"  - id: fact-{i}",
                f"    subject: {person}",
                "    relation: died_in",
                f"    object: place-{rng.randrange(places)}",
                *common,
            ]
        else:
            out += [
                f"  - id: fact-{i}",
                f"    subject: place-{i % places}",
                "    relation: population",
                f"    quantity: {'about ' if rng.random() < 0.5 else ''}{rng.randint(2, 900) * 1000}",
                f"    when: {rng.randint(1800, 2020)}",
                *common,
            ]
    out.append("events:")
    for i in range(max(5, facts // 10)):
        out += [
            f"  - id: event-{i}",
            f"    date: {_date(rng)}",
            f"    title: The {_name(rng, 2)} accord is signed",
            f"    place: place-{rng.randrange(places)}",
            f"    participants: [person-{rng.randrange(people)}]",
            "    sources: [atlas]",
            f"    tags: [t{i % 7}]",
        ]
    out.append("claims:")
    for i in range(max(3, facts // 10)):
        claim = [
            f"  - id: claim-{i}",
            "    source: gazette",
            f"    subject: person-{rng.randrange(people)}",
            "    relation: member_of",
            f"    object: org-{rng.randrange(orgs)}",
            "    tags: [claims]",
        ]
        if i % 2:
            claim.insert(2, "    by: a rival historian")
        out += claim
    return "\n".join(out) + "\n"


def write_synthetic(folder: Path, facts: int, seed: int = 7) -> Path:
    path = folder / f"synthetic-{facts}.yaml"
    path.write_text(synthetic_yaml(facts, seed), encoding="utf-8")
    return path
