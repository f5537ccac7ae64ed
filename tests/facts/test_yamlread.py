"""Reading YAML safely: no aliases, no unsafe tags, bounded nesting, one document, exact places."""

from __future__ import annotations

import pytest

from quizgen.facts import yamlread
from quizgen.facts.errors import ContentError
from quizgen.facts.yamlread import Mapping, Scalar, Sequence, parse_yaml


def refused(text: str) -> str:
    with pytest.raises(ContentError) as caught:
        parse_yaml(text, "f.yaml")
    (problem,) = caught.value.problems
    return str(problem)


def test_scalars_stay_as_written() -> None:
    root, problems = parse_yaml("a: no\nb: 1:30\nc: 2001-02-03\nd: '13'\n", "f.yaml")
    assert problems == []
    assert isinstance(root, Mapping)
    values = {k: v.value for k, v in root.values.items() if isinstance(v, Scalar)}
    assert values == {"a": "no", "b": "1:30", "c": "2001-02-03", "d": "13"}
    assert root.values["d"].plain is False
    assert root.values["a"].plain is True
    assert (root.values["c"].line, root.values["c"].column) == (3, 4)


def test_nested_locations() -> None:
    root, _ = parse_yaml("facts:\n  - id: x\n    tags: [a, b]\n", "f.yaml")
    assert isinstance(root, Mapping)
    facts = root.values["facts"]
    assert isinstance(facts, Sequence)
    fact = facts.items[0]
    assert isinstance(fact, Mapping)
    tags = fact.values["tags"]
    assert isinstance(tags, Sequence)
    assert [(t.line, t.column) for t in tags.items] == [(3, 12), (3, 15)]


def test_aliases_are_refused() -> None:
    assert (
        refused("a: &x [1, 2]\nb: *x\n")
        == "f.yaml:2:4: YAML aliases (*name) are not allowed in content (write the value out in full)"
    )


def test_billion_laughs_is_refused_at_the_first_alias() -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    assert refused(bomb).startswith("f.yaml:2:8: YAML aliases")


@pytest.mark.parametrize(
    "tag", ["!!python/object:os.system", "!!python/name:os.system", "!custom", "!!binary"]
)
def test_unsafe_tags_are_refused(tag: str) -> None:
    assert "is not allowed in content" in refused(f"a: {tag} x\n")


def test_nesting_depth_is_bounded() -> None:
    deep = "[" * (yamlread.MAX_DEPTH + 1) + "]" * (yamlread.MAX_DEPTH + 1)
    assert (
        refused(deep) == f"f.yaml:1:{yamlread.MAX_DEPTH + 1}: nesting deeper than {yamlread.MAX_DEPTH} levels"
    )


def test_one_document_only() -> None:
    assert refused("a: 1\n---\nb: 2\n").startswith("f.yaml:2:1: a content file holds one YAML document")


def test_complex_keys_are_refused() -> None:
    assert refused("? [a, b]\n: c\n") == "f.yaml:1:3: a key must be plain text (check the indentation)"


def test_repeated_keys_are_reported_and_the_first_kept() -> None:
    root, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [str(p) for p in problems] == [
        "f.yaml:3:1: the key 'a' appears twice in this mapping (first at line 1, column 1)"
    ]
    assert isinstance(root, Mapping)
    assert root.values["a"].value == "1"  # type: ignore[union-attr]


def test_control_characters_are_refused_with_a_location() -> None:
    assert refused("a: b\x07c\n").startswith("f.yaml:1:")
    # the escape to write is the character's own ("\x07" was offered for every one)
    assert refused("a: b\x1bc\n").endswith(
        '(write it as an escape inside double quotes, "\\x1b", or remove it)'
    )


def test_empty_document() -> None:
    assert parse_yaml("", "f.yaml") == (None, [])
    assert parse_yaml("# just a comment\n", "f.yaml") == (None, [])


def test_nulls_are_plain_only() -> None:
    root, _ = parse_yaml("a:\nb: ~\nc: null\nd: 'null'\n", "f.yaml")
    assert isinstance(root, Mapping)
    nulls = {k: v.is_null for k, v in root.values.items() if isinstance(v, Scalar)}
    assert nulls == {"a": True, "b": True, "c": True, "d": False}
