"""Every problem class the loader reports, with its exact line, column and message."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from quizgen.facts.errors import ContentError
from quizgen.facts.loader import load_content, load_library

VALID = """\
sources:
  - id: brit
    title: Marie Curie
    publisher: Britannica
entities:
  - id: curie
    type: person
    name: Marie Curie
  - id: warsaw
    type: place
    name: Warsaw
facts:
  - id: curie-born-in
    subject: curie
    relation: born_in
    object: warsaw
    sources: [brit]
"""


def problems(tmp_path: Path, text: str | bytes, name: str = "topic.yaml") -> list[str]:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = load_content([path])
    found = sorted(result.problems, key=lambda p: p.location)
    return [str(p).replace(str(tmp_path) + "/", "") for p in found]


def test_valid_file_loads(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(VALID, encoding="utf-8")
    library = load_library([tmp_path / "ok.yaml"])
    assert library.counts() == {"sources": 1, "entities": 2, "facts": 1, "events": 0, "claims": 0}
    assert library.statements_by_id["curie-born-in"].objects == ("warsaw",)


def test_yaml_syntax_error(tmp_path: Path) -> None:
    text = VALID.replace("    name: Warsaw", "    name: Warsaw: city")
    assert problems(tmp_path, text) == [
        "topic.yaml:11:17: YAML syntax error: mapping values are not allowed in this context"
    ]


@pytest.mark.parametrize("later", ["warsaw", '"warsaw"'])  # no later quote, or one that closes it
def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path, later: str) -> None:
    """libyaml reported the line where it gave up: many lines on, or past the end of the file."""
    text = VALID.replace("    name: Warsaw", '    name: "Warsaw').replace(
        "object: warsaw", f"object: {later}"
    )
    (found,) = problems(tmp_path, text)
    assert found.startswith("topic.yaml:11:11: YAML syntax error: this quoted value is never closed")
    assert "the lines after it were read as part of it, up to line" in found


@pytest.mark.parametrize(
    ("written", "what", "closer"), [("[Warsaw", "list", "]"), ("{a: Warsaw", "mapping", "}")]
)
def test_an_unclosed_bracket_is_reported_where_it_opens(
    tmp_path: Path, written: str, what: str, closer: str
) -> None:
    """libyaml reported the next line, where it gave up, not the bracket left open."""
    text = VALID.replace("    name: Warsaw", f"    name: {written}")
    (found,) = problems(tmp_path, text)
    assert found == (
        f"topic.yaml:11:11: YAML syntax error: the {what} that opens here runs on to line 12, column 6,"
        f" where ',' or '{closer}' was expected (close it with '{closer}', or separate its items with commas)"
    )


def test_a_comma_missing_in_a_list_over_several_lines_is_reported_where_it_is_missing(tmp_path: Path) -> None:
    """Only a bracket the file's own structure runs on past was left open: inside a list written
    over several lines, the place is libyaml's own."""
    text = VALID.replace(
        "    name: Warsaw", '    name: Warsaw\n    aliases: [\n      "a",\n      "b"\n      "c",\n    ]'
    )
    (found,) = problems(tmp_path, text)
    assert found.startswith("topic.yaml:15:7: YAML syntax error: did not find expected ',' or ']'")


def test_a_bracket_left_open_to_the_end_of_the_file_says_so(tmp_path: Path) -> None:
    (found,) = problems(tmp_path, VALID.rstrip("\n") + "\n    tags: [a, b\n")
    assert "the list that opens here runs on to the end of the file, where ',' or ']' was expected" in found


def test_tab_indentation_gets_a_hint(tmp_path: Path) -> None:
    text = VALID.replace("    name: Warsaw", "\tname: Warsaw")
    (found,) = problems(tmp_path, text)
    assert found.startswith("topic.yaml:11:1: YAML syntax error")
    assert "indent with spaces, not tabs" in found


def test_wrong_shape(tmp_path: Path) -> None:
    text = VALID.replace("    sources: [brit]", "    sources: {brit: yes}")
    assert problems(tmp_path, text) == [
        "topic.yaml:17:14: an entry of sources must be a single value, found a mapping"
    ]


def test_section_that_is_not_a_list(tmp_path: Path) -> None:
    assert problems(tmp_path, "entities:\n  id: curie\n") == [
        "topic.yaml:2:3: the section 'entities' must be a list (each entry starting with '- ')"
    ]


def test_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    assert problems(tmp_path, "- one\n- two\n") == [
        "topic.yaml:1:1: a content file is a mapping of sections (sources:, entities:, facts:, ...), found a list"
    ]


def test_unknown_key_with_did_you_mean(tmp_path: Path) -> None:
    text = VALID.replace("    object: warsaw", "    objet: warsaw")
    assert problems(tmp_path, text) == [
        "topic.yaml:13:5: a fact needs a value: one of object, objects, date, quantity or text",
        "topic.yaml:16:5: unknown key 'objet' in this fact (did you mean 'object'?)",
    ]


def test_unknown_section(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID + "event:\n  - id: x\n") == [
        "topic.yaml:18:1: unknown section 'event' (did you mean 'events'?)"
    ]


def test_unknown_entity_reference(tmp_path: Path) -> None:
    text = VALID.replace("    object: warsaw", "    object: warsw")
    assert problems(tmp_path, text) == ["topic.yaml:16:13: unknown entity 'warsw' (did you mean 'warsaw'?)"]


def test_unknown_source_reference(tmp_path: Path) -> None:
    text = VALID.replace("    sources: [brit]", "    sources: [britannica]")
    assert problems(tmp_path, text) == [
        "topic.yaml:17:15: unknown source 'britannica' (did you mean 'brit'?)"
    ]


def test_unknown_relation(tmp_path: Path) -> None:
    text = VALID.replace("relation: born_in", "relation: born_inn")
    assert problems(tmp_path, text) == [
        "topic.yaml:15:15: unknown relation 'born_inn' (did you mean 'born_in'?)"
    ]


def test_duplicate_id(tmp_path: Path) -> None:
    second = VALID[VALID.index("  - id: curie-born-in") :]
    assert problems(tmp_path, VALID + second) == [
        "topic.yaml:18:9: duplicate statement id 'curie-born-in' (first defined at topic.yaml:13:9)"
    ]


def test_a_duplicate_id_is_said_even_when_its_record_has_other_problems(tmp_path: Path) -> None:
    """A second fact 'curie-born-in' with a bad date was reported for its date alone: the
    duplicate came to light only once the date was mended."""
    text = VALID + (
        "  - id: curie-born-in\n    subject: curie\n    relation: born_on\n    date: 1867-13-07\n"
        "    sources: [brit]\n"
    )
    found = problems(tmp_path, text)
    assert any("has no month 13" in problem for problem in found), found
    (duplicate,) = [problem for problem in found if "duplicate statement id 'curie-born-in'" in problem]
    first = re.search(r"first defined at topic.yaml:(\d+):9", duplicate)
    assert first is not None
    assert int(duplicate.split(":")[1]) > int(first.group(1))  # said at the second, the broken one


def test_duplicate_key(tmp_path: Path) -> None:
    text = VALID.replace("    name: Warsaw", "    name: Warsaw\n    name: Varsovie")
    assert problems(tmp_path, text) == [
        "topic.yaml:12:5: the key 'name' appears twice in this mapping (first at line 11, column 5)"
    ]


def one_relation(ident: str, value: str, statement: str, question: str) -> str:
    """A relations section of one relation with one typed template, as written in a content file."""
    return (
        f"relations:\n  - id: {ident}\n    value: {value}\n    statement: {statement!r}\n"
        f"    templates:\n      - id: t\n        ask: object\n        question: {question!r}\n"
        "        kinds: [typed]\n"
    )


def test_date_that_does_not_parse(tmp_path: Path) -> None:
    text = (
        VALID
        + "  - id: born\n    subject: curie\n    relation: born_on\n    date: 7/11/1867\n    sources: [brit]\n"
    )
    assert problems(tmp_path, text) == [
        "topic.yaml:21:11: date: '7/11/1867' is ambiguous: the order of day and month differs between "
        "countries (write 1957-03-11 or 11 March 1957)"
    ]


def test_two_years_that_edtf_reads_as_a_season_are_asked_about(tmp_path: Path) -> None:
    text = VALID + "events:\n  - id: war\n    date: 1939-40\n    title: The war\n    sources: [brit]\n"
    assert problems(tmp_path, text) == [
        "topic.yaml:20:11: date: '1939-40' could be the years 1939–1940 or, in EDTF's code, the first "
        "half of 1939 (write 1939/1940 for the years, or the first half of 1939 for the part of the year)"
    ]


def test_impossible_date(tmp_path: Path) -> None:
    text = (
        VALID
        + "  - id: born\n    subject: curie\n    relation: born_on\n    date: 1867-02-30\n    sources: [brit]\n"
    )
    assert problems(tmp_path, text) == ["topic.yaml:21:11: date: '1867-02-30': February 1867 has no day 30"]


def test_fact_with_no_source(tmp_path: Path) -> None:
    text = VALID.replace("    sources: [brit]\n", "")
    assert problems(tmp_path, text) == ["topic.yaml:13:5: this fact is missing the required key 'sources'"]


def test_a_misspelt_required_key_is_one_problem_not_two(tmp_path: Path) -> None:
    text = VALID.replace("    sources: [brit]\n", "    soruces: [brit]\n")
    assert problems(tmp_path, text) == [
        "topic.yaml:17:5: unknown key 'soruces' in this fact (did you mean 'sources'?)"
    ]


def test_fact_with_empty_sources(tmp_path: Path) -> None:
    text = VALID.replace("    sources: [brit]", "    sources: []")
    assert problems(tmp_path, text) == ["topic.yaml:17:14: a fact needs at least one source"]


def test_fact_with_empty_objects(tmp_path: Path) -> None:
    """It said 'give object: instead of objects:', as if objects were the wrong key."""
    text = VALID.replace("    object: warsaw", "    objects: []")
    assert problems(tmp_path, text) == ["topic.yaml:16:14: objects is empty (name at least one)"]


def test_an_ask_that_does_not_start_with_when(tmp_path: Path) -> None:
    """It read as a statement ("'ask' starts with 'When'") and gave the bundled subject as the example."""
    text = VALID + (
        "events:\n  - id: war-ends\n    date: 1988\n    title: The war ends\n"
        "    ask: In what year did the war end?\n    sources: [brit]\n"
    )
    assert problems(tmp_path, text) == [
        "topic.yaml:22:10: 'ask' must start with 'When': quizgen rewords it by the date's precision "
        "(In what year, ...) (for example: When did the war end?)"
    ]


def test_a_where_or_when_the_relation_never_says_is_reported(tmp_path: Path) -> None:
    """'where:' on a fact whose relation has no {where} was dropped without a word."""
    text = VALID.replace("    object: warsaw\n", "    object: warsaw\n    where: warsaw\n    when: 1867\n")
    assert problems(tmp_path, text) == [
        "topic.yaml:17:12: the relation 'born_in' never says {where}: no question would tell it "
        "(add {where} to the relation's statement, or leave 'where' out)",
        "topic.yaml:18:11: the relation 'born_in' never says {when}: no question would tell it "
        "(add {when} to the relation's statement, or leave 'when' out)",
    ]


def test_empty_file(tmp_path: Path) -> None:
    assert problems(tmp_path, "") == [
        "topic.yaml:1:1: the file is empty (a content file has sections such as sources:, entities: and facts:)"
    ]
    assert problems(tmp_path, "# only a comment\n", "comment.yaml") == [
        "comment.yaml:1:1: the file is empty (a content file has sections such as sources:, entities: and facts:)"
    ]


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    text = VALID.replace("Marie Curie\n    publisher", "Marie Curie\n    publisher").encode("utf-8")
    broken = text.replace(b"Britannica", b"Brit\xe4nnica")
    assert problems(tmp_path, broken) == [
        "topic.yaml:4:20: this file is not UTF-8 text (byte 0xe4 cannot be read) (save it as UTF-8)"
    ]


def test_utf16_is_refused_but_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert problems(tmp_path, VALID.encode("utf-16")) == [
        "topic.yaml:1:1: this file is UTF-16 text (save it as UTF-8)"
    ]
    assert problems(tmp_path, b"\xef\xbb\xbf" + VALID.encode("utf-8"), "bom.yaml") == []


def test_every_problem_in_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    text = (
        VALID.replace("type: place", "type: city")
        .replace("relation: born_in", "relation: born_inn")
        .replace("sources: [brit]", "sources: [nope]")
    )
    found = problems(tmp_path, text)
    assert found == [
        "topic.yaml:10:11: type: 'city' is not one of the allowed values "
        "(expected one of: event, group, organisation, person, place, term, thing, work)",
        "topic.yaml:15:15: unknown relation 'born_inn' (did you mean 'born_in'?)",
        "topic.yaml:17:15: unknown source 'nope' (expected one of: brit)",
    ]


def test_wrong_value_kind_for_relation(tmp_path: Path) -> None:
    text = VALID.replace("    object: warsaw", "    date: 1867")
    assert problems(tmp_path, text) == [
        "topic.yaml:15:15: the relation 'born_in' takes an entity value (give 'object:' instead of 'date:')"
    ]


def test_wrong_entity_type_for_relation(tmp_path: Path) -> None:
    text = VALID.replace("    object: warsaw", "    object: curie")
    assert problems(tmp_path, text) == [
        "topic.yaml:16:13: 'born_in' links to a place, but 'curie' is a person"
    ]


def test_an_organisation_is_named_with_an(tmp_path: Path) -> None:
    text = VALID.replace(
        "    relation: born_in\n    object: warsaw", "    relation: member_of\n    object: warsaw"
    )
    assert problems(tmp_path, text) == [
        "topic.yaml:16:13: 'member_of' links to an organisation or group, but 'warsaw' is a place"
    ]


def test_content_error_carries_the_problems(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("facts: [", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_library([path])
    assert len(caught.value.problems) == 1
    assert str(caught.value.problems[0]).endswith(
        "bad.yaml:2:1: YAML syntax error: did not find expected node content (while parsing a flow node)"
    )


def test_quote_not_in_the_stored_text(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text(
        "Marie Curie was born in Warsaw.\nShe moved to Paris.\n", encoding="utf-8"
    )
    text = VALID.replace("    publisher: Britannica\n", "    publisher: Britannica\n    text: text.txt\n")
    text = text.replace(
        "    sources: [brit]", "    sources: [brit]\n    quote: Marie Curie was born in Krakow"
    )
    assert problems(tmp_path, text) == [  # the words nearest it shown, to copy
        "topic.yaml:19:12: this quote is not in the text of 'brit' (the nearest words in it are "
        "“Marie Curie was born in Warsaw”: copy the words exactly; only whitespace and typographic "
        "quotes may differ)"
    ]
    elsewhere = text.replace("Marie Curie was born in Krakow", "The Nobel committee met in Oslo")
    assert problems(tmp_path, elsewhere, "elsewhere.yaml") == [  # nothing near: no passage guessed
        "elsewhere.yaml:19:12: this quote is not in the text of 'brit' "
        "(copy the words exactly; only whitespace and typographic quotes may differ)"
    ]
    fixed = text.replace("born in Krakow", "born in  Warsaw")  # whitespace may differ
    assert problems(tmp_path, fixed, "fixed.yaml") == []


def test_missing_quote_when_the_source_has_a_text(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("Marie Curie was born in Warsaw.\n", encoding="utf-8")
    text = VALID.replace("    publisher: Britannica\n", "    publisher: Britannica\n    text: text.txt\n")
    assert problems(tmp_path, text) == [
        "topic.yaml:14:9: 'curie-born-in' cites a source with a stored text but has no quote "
        "(add quote: with the words of the source that state it)"
    ]


def test_excluded_sentence_must_be_in_the_text(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("Marie Curie was born in Warsaw.\n", encoding="utf-8")
    text = VALID.replace(
        "    publisher: Britannica\n",
        "    publisher: Britannica\n    text: text.txt\n    excluded:\n      - text: A heading\n        reason: heading\n",
    ).replace("    sources: [brit]", "    sources: [brit]\n    quote: born in Warsaw")
    assert problems(tmp_path, text) == [
        "topic.yaml:7:15: this excluded sentence is not in the source's text "
        "(copy it exactly; only whitespace and typographic quotes may differ)"
    ]


@pytest.mark.parametrize(
    ("statement", "missing"),
    [("{Subject} landed on the Moon.", "object"), ("It was described as {object}.", "subject")],
)
def test_a_statement_names_its_subject_and_its_object(tmp_path: Path, statement: str, missing: str) -> None:
    """Without its object, "True or false: Armstrong landed on the Moon." is true whatever the fact."""
    relation = (
        "relations:\n  - id: described_as\n    value: text\n"
        f"    statement: {statement!r}\n"
        "    templates:\n      - id: d\n        ask: object\n        question: 'How was {subject} described?'\n"
        "        kinds: [typed]\n"
    )
    line = (VALID + relation).splitlines().index(f"    statement: {statement!r}") + 1
    assert problems(tmp_path, VALID + relation) == [
        f"topic.yaml:{line}:16: the statement has no {{{missing}}} slot "
        '(name both, as in "{Subject} was born in {object}.")'
    ]


def test_a_template_names_what_its_question_is_about(tmp_path: Path) -> None:
    """ "Where is it?" asks every fact of the relation in the same words, with different answers."""
    relation = (
        "relations:\n  - id: described_as\n    value: text\n    statement: '{Subject} was described as {object}.'\n"
        "    templates:\n      - id: d\n        ask: object\n        question: 'How was it described?'\n"
        "        kinds: [typed]\n"
    )
    found = problems(tmp_path, VALID + relation)
    assert len(found) == 1, found
    assert found[0].endswith(
        "the question names no {subject}: every fact of the relation would ask it in the same words"
    )


@pytest.mark.parametrize(
    ("statement", "question", "reported"),
    [
        ("{Subject!r} was described as {object}.", "How was {subject} described?", "{Subject!r}"),
        ("{Subject} was described as {object:>9}.", "How was {subject} described?", "{object:>9}"),
        ("{Subject} was described as {object}.", "How was {subject:>50} described?", "{subject:>50}"),
    ],
)
def test_a_formatted_slot_is_refused(tmp_path: Path, statement: str, question: str, reported: str) -> None:
    """Python's format specs in a slot would reach the student as written: "{subject:>50}"."""
    found = problems(tmp_path, VALID + one_relation("described_as", "text", statement, question))
    assert len(found) == 1, found
    assert f"has a formatted slot {reported}" in found[0]
    assert found[0].startswith("topic.yaml:")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "title: My deck\nid: 17\n",
            "this reads as a deck recipe without content: the content files it takes",
        ),
        (
            "title: Me\nid: 17\ncontent: [topic.yaml]\n",
            "this is a deck recipe, named where content files belong",
        ),
    ],
)
def test_a_recipe_read_as_content_is_named_as_one(tmp_path: Path, text: str, message: str) -> None:
    """A recipe without content:, or one that includes itself, was 'unknown section title, id'."""
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    assert found[0].startswith(f"topic.yaml:1:1: {message}")


@pytest.mark.parametrize(
    ("places", "loops"),
    [
        (
            "    part_of: poland\n  - id: poland\n    type: place\n    name: Poland\n    part_of: warsaw\n",
            ["warsaw → poland → warsaw", "poland → warsaw → poland"],
        ),
        ("    part_of: warsaw\n", ["warsaw → warsaw"]),
    ],
)
def test_a_place_inside_itself_is_refused(tmp_path: Path, places: str, loops: list[str]) -> None:
    text = VALID.replace("    name: Warsaw\n", "    name: Warsaw\n" + places)
    found = problems(tmp_path, text)
    assert [p.split(": ", 1)[1] for p in found] == [f"part_of goes round in a loop: {loop}" for loop in loops]
    assert all(p.startswith("topic.yaml:") for p in found)


@pytest.mark.parametrize(
    ("statement", "question", "reported"),
    [
        ("{Subject} killed {object}{when}.", "Whom did {subject} kill?", "{object}{when}"),
        ("{Subject} killed {object} {when}.", "Whom did {subject} kill{where}?", "kill{where}"),
        ("{Subject} killed {object}s {when}.", "Whom did {subject} kill?", "{object}s"),
    ],
)
def test_a_slot_against_a_word_is_refused(
    tmp_path: Path, statement: str, question: str, reported: str
) -> None:
    """ "kill{where}" reads "killin Paris": {when} and {where} bring their preposition, not a space."""
    found = problems(tmp_path, VALID + one_relation("killed", "entity", statement, question))
    assert len(found) == 1, found
    assert f"has a slot against a word or another slot: {reported!r} (put a space between them" in found[0]
    assert found[0].startswith("topic.yaml:")


@pytest.mark.parametrize("number", ["9" * 308, "9" * 296 + " trillion", "2000000000000000000"])
def test_a_number_too_large_to_ask_about_is_refused_where_it_stands(tmp_path: Path, number: str) -> None:
    """Three hundred nines passed check, then every other command stopped: "cannot convert float
    infinity to integer"."""
    text = (
        VALID
        + f"  - id: size\n    subject: warsaw\n    relation: population\n    quantity: {number}\n    sources: [brit]\n"
    )
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    assert found[0].startswith("topic.yaml:21:15: quantity: ")
    assert found[0].endswith("is too large a number (numbers go up to a quintillion)")


def test_a_duplicate_template_id_is_reported_where_each_template_is(tmp_path: Path) -> None:
    """Both places pointed at the relation's id, not at the two templates."""
    relation = (
        "relations:\n  - id: described_as\n    value: text\n    statement: '{Subject} was described as {object}.'\n"
        "    templates:\n      - id: d\n        ask: object\n        question: 'How was {subject} described?'\n"
        "        kinds: [typed]\n      - id: d\n        ask: object\n"
        "        question: 'What was {subject} called?'\n        kinds: [typed]\n"
    )
    text = VALID + relation
    lines = text.splitlines()
    first, second = (n + 1 for n, line in enumerate(lines) if line == "      - id: d")
    found = problems(tmp_path, text)
    assert found == [
        f"topic.yaml:{second}:9: duplicate template id 'd' (first defined at topic.yaml:{first}:9)"
    ]


DESCRIBED_AS = (
    "relations:\n  - id: described_as\n    value: text\n    statement: '{Subject} was described as {object}.'\n"
    "    templates:\n      - id: described\n        ask: object\n"
    "        question: 'How was {subject} described?'\n        kinds: [typed]\n"
)


def test_one_relation_copied_into_two_files_used_together_is_one(tmp_path: Path) -> None:
    """Each of two files holding the content/README's own relation example was reported as a
    duplicate of the other: they could not be checked, shown or exported together."""
    (tmp_path / "a.yaml").write_text(DESCRIBED_AS, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("\n" + DESCRIBED_AS, encoding="utf-8")  # at another line
    result = load_content([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    assert result.problems == []
    assert len(result.library.relations["described_as"].templates) == 1
    (tmp_path / "b.yaml").write_text(DESCRIBED_AS.replace("described as", "called"), encoding="utf-8")
    found = [
        str(p).replace(str(tmp_path) + "/", "")
        for p in load_content([tmp_path / "a.yaml", tmp_path / "b.yaml"]).problems
    ]
    assert found == ["b.yaml:2:9: duplicate relation id 'described_as' (first defined at a.yaml:2:9)"]


def test_an_empty_quote_does_not_move_the_place_of_the_next(tmp_path: Path) -> None:
    """With an empty quote first, "not in the text" pointed at the quote before the wrong one."""
    source = tmp_path / "bio.txt"
    source.write_text("Marie Curie was born in Warsaw. She died in Passy.\n", encoding="utf-8")
    text = (
        "sources:\n  - id: bio\n    title: A Life\n    text: bio.txt\n"
        "entities:\n  - id: curie\n    type: person\n    name: Marie Curie\n"
        "  - id: warsaw\n    type: place\n    name: Warsaw\n"
        "facts:\n  - id: born\n    subject: curie\n    relation: born_in\n    object: warsaw\n"
        "    sources: [bio]\n    quote: ['', 'born in Warsaw', 'nope']\n"
    )
    found = problems(tmp_path, text)
    column = text.splitlines()[17].index("'nope'") + 1
    assert "topic.yaml:18:13: an entry of quote is empty" in found
    assert any(
        p.startswith(f"topic.yaml:18:{column}: this quote is not in the text of 'bio'") for p in found
    ), found


def test_exclusions_need_a_stored_text_to_exclude_from(tmp_path: Path) -> None:
    text = VALID.replace(
        "    publisher: Britannica\n",
        "    publisher: Britannica\n    excluded:\n      - {text: A heading., reason: heading}\n",
        1,
    )
    assert text != VALID
    found = problems(tmp_path, text)
    assert len(found) == 1, found
    assert "excluded names sentences of the source's stored text, and this source has no text:" in found[0]


def test_a_number_below_zero_is_refused_in_words(tmp_path: Path) -> None:
    text = (
        VALID
        + "  - id: size\n    subject: warsaw\n    relation: population\n    quantity: -5\n    sources: [brit]\n"
    )
    found = problems(tmp_path, text)
    assert found == [
        "topic.yaml:21:15: quantity: '-5' is below zero, and quantities are counts and amounts "
        "(write the amount and let the relation say which way: 'fell by {object}', 5)"
    ]  # was "cannot read '-5' as a number"


def test_a_relation_named_as_a_built_in_one_is_told_so(tmp_path: Path) -> None:
    """It said "first defined at quizgen/templates/relations.yaml:40:9", a file no author has."""
    relation = (
        "relations:\n  - id: born_in\n    value: entity\n    statement: '{Subject} was born in {object}.'\n"
    )
    found = problems(tmp_path, VALID + relation)
    assert found == [
        "topic.yaml:19:9: 'born_in' is a built-in relation (give yours another id, or use the built-in one)"
    ]


@pytest.mark.parametrize("container", ["curie", "warsaw"])
def test_part_of_names_a_place_organisation_or_group(tmp_path: Path, container: str) -> None:
    """Warsaw inside Marie Curie made "Warsaw, Marie Curie" a right answer to where she was born."""
    text = VALID.replace(
        "    name: Warsaw\n",
        f"    name: Warsaw\n  - id: mazovia\n    type: place\n    name: Mazovia\n    part_of: {container}\n",
    )
    found = problems(tmp_path, text)
    if container == "warsaw":
        assert found == []
    else:
        assert found == [
            "topic.yaml:15:14: part_of names what 'mazovia' lies inside, but 'curie' is a person"
            " (name the place, organisation or group it lies inside, or leave part_of out)"
        ]


@pytest.mark.parametrize(
    ("url", "reported"),
    [
        ("https://www.britannica.com/biography/Marie-Curie", None),
        ("HTTP://example.org", None),
        ("www.britannica.com/biography", "write the whole address, starting with https:// or http://"),
        ("javascript:alert(1)", "write the whole address, starting with https:// or http://"),
        ("https://", "write the whole address, starting with https:// or http://"),
        ("https://en.wikipedia.org/wiki/Conan_O'Brien", None),  # an apostrophe is a legal part
        (
            "https://example.org/Marie Curie",
            "a web address holds no spaces, double quotes, '<' or '>'; write a space as %20",
        ),
    ],
)
def test_a_source_url_is_a_web_address(tmp_path: Path, url: str, reported: str | None) -> None:
    """A url the card cannot link to was kept, and the exported card lost its source link unsaid."""
    quoted = url.replace("'", "''")  # as YAML writes an apostrophe inside single quotes
    text = VALID.replace("    publisher: Britannica\n", f"    publisher: Britannica\n    url: '{quoted}'\n")
    found = problems(tmp_path, text)
    if reported is None:
        assert found == []
    else:
        assert found == [f"topic.yaml:5:10: url {url!r} is not a web address ({reported})"]
