"""What an author may write, declared once.

The loader checks files against these tables (unknown keys, required keys,
shapes) and the JSON Schema that editors use is generated from them, so the
two can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import ASK_TARGETS, ENTITY_TYPES, SOURCE_KINDS, VALUE_KINDS, Kind

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
# a web address a card can link to: a host, no spaces or double quotes, never "javascript:"
URL_PATTERN = '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s"<>/]+[^\\s"<>]*$'  # no flags in JSON Schema
CONTAINERS = ("place", "organisation", "group")  # what part_of may name: a person contains nothing


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a record.

    ``type`` is one of: id, text, url, bool, int, date, quantity, choice, ref,
    list (of ``item``), texts (one text or a list), record (a nested mapping
    of the record named by ``record``), records (a list of them).
    """

    type: str
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    item: str = "text"
    record: str | None = None
    non_empty: bool = False  # a list that must hold something: a deck of no content asks nothing


def _refs(section: str, doc: str, required: bool = False, non_empty: bool = False) -> Field:
    return Field("list", doc, required, ref=section, item="ref", non_empty=non_empty)


def _ref(section: str, doc: str, required: bool = False) -> Field:
    return Field("ref", doc, required, ref=section)


_QUOTE = Field(
    "texts",
    "The exact words of the source that state this (one quote, or a list with one per source). "
    "Checked against the source's stored text.",
)
_TAGS = Field("list", "Labels that deck recipes select by (letters, digits, '-', '_').", item="id")
_ACCEPT = Field("list", "Further accepted spellings of a text answer.")
_VALUE_DOC = "Exactly one of object, objects, date, quantity and text gives the value."

RECORDS: dict[str, dict[str, Field]] = {
    "source": {
        "id": Field("id", "A stable id, used by statements to cite this source.", required=True),
        "title": Field("text", "The title, if the source has one (a title or a publisher is required)."),
        "publisher": Field("text", "Who published it (a title or a publisher is required)."),
        "author": Field("text", "Who wrote or said it."),
        "kind": Field("choice", "What sort of source it is.", choices=SOURCE_KINDS),
        "url": Field("url", "Where to find it: an http:// or https:// address."),
        "date": Field("date", "When it was published, only if the source says so."),
        "opinion": Field(
            "bool",
            "The source carries opinion or an open editorial slant: everything it states "
            'is asked as its claim ("According to Sputnik, ...").',
        ),
        "cite_as": Field("text", "A short name for attributions; defaults to the publisher or title."),
        "text": Field(
            "text", "Path (relative to this file) of the source's stored text; quotes are checked against it."
        ),
        "excluded": Field(
            "records",
            "Sentences of the stored text deliberately not quizzed, each with its reason.",
            record="exclusion",
        ),
    },
    "exclusion": {
        "text": Field("text", "The sentence, or a distinctive part of it.", required=True),
        "reason": Field("text", "Why it is not quizzed (a heading, a rhetorical line, ...).", required=True),
    },
    "entity": {
        "id": Field("id", "A stable id, used by statements to refer to this entity.", required=True),
        "type": Field("choice", "What the entity is.", required=True, choices=ENTITY_TYPES),
        "name": Field("text", "The name shown and expected as the answer.", required=True),
        "aliases": Field("list", "Other accepted answers and spellings (Qods for Quds)."),
        "article": Field(
            "choice",
            'Article used before the name in sentences ("the Quds Force").',
            choices=("the", "a", "an"),
        ),
        "kind": Field("text", "A noun for questions: 'Which force ...?' (defaults by type)."),
        "part_of": _ref("entity", "The place, organisation or group this one lies inside."),
        "plural": Field("bool", 'The name is plural ("the tunnel networks were").'),
        "adjectives": Field(
            "list",
            "Words naming it inside a phrase (Iranian, American): 'Iranian influence' answers "
            "'Iran's influence'; never an answer alone.",
        ),
    },
    "relation": {
        "id": Field("id", "The relation's name, used by facts (born_in, commander_of).", required=True),
        "value": Field(
            "choice",
            "What the object is: an entity, a date, a quantity or text.",
            required=True,
            choices=VALUE_KINDS,
        ),
        "statement": Field(
            "text",
            "A sentence stating the fact, with {subject}, {object} and optional {when} and {where} slots.",
            required=True,
        ),
        "subject_types": Field("list", "Entity types a subject may have.", item="choice:entity_types"),
        "object_types": Field("list", "Entity types an object may have.", item="choice:entity_types"),
        "templates": Field("records", "The questions this relation yields.", record="template"),
        "many": Field(
            "bool",
            "A subject may have values the content does not list (clubs joined): its object is then "
            "asked typed or as a cloze, never with other values offered or swapped in as wrong.",
        ),
    },
    "template": {
        "id": Field("id", "A stable id: question ids, progress and Anki notes depend on it.", required=True),
        "ask": Field("choice", "Which part is the answer.", required=True, choices=ASK_TARGETS),
        "question": Field(
            "text",
            "The question, with slots such as {subject}, {object}, {when}, {where}, {Which}. "
            "A question starting with 'When' is reworded by the date's precision.",
            required=True,
        ),
        "kinds": Field(
            "list", "The question kinds this template yields.", required=True, item="choice:kinds"
        ),
    },
    "fact": {
        "id": Field("id", "A stable id, written once and never changed.", required=True),
        "subject": _ref("entity", "The entity the fact is about.", required=True),
        "relation": _ref("relation", "How the subject relates to the value.", required=True),
        "object": _ref("entity", "The entity the subject relates to. " + _VALUE_DOC),
        "objects": _refs("entity", "Several entities named together. " + _VALUE_DOC, non_empty=True),
        "open": Field("bool", "The objects are only some of a larger set the source does not list."),
        "date": Field(
            "date", "A date value (EDTF or '11 March 1957', 'late 2023', '2014 to 2017'). " + _VALUE_DOC
        ),
        "quantity": Field("quantity", "A number, as the source qualifies it ('at least 13'). " + _VALUE_DOC),
        "text": Field("text", "A short text value. " + _VALUE_DOC),
        "accept": _ACCEPT,
        "when": Field("date", "When the fact held or happened."),
        "where": _ref("entity", "Where the fact happened."),
        "sources": _refs("source", "The sources that state this fact.", required=True),
        "quote": _QUOTE,
        "tags": _TAGS,
    },
    "event": {
        "id": Field("id", "A stable id, written once and never changed.", required=True),
        "date": Field("date", "When it happened, as precisely as the source says.", required=True),
        "title": Field("text", "What happened, in a few words and without the date.", required=True),
        "ask": Field("text", "The question for its date, starting with 'When' ('When did ... ?')."),
        "place": _ref("entity", "Where it happened."),
        "participants": _refs("entity", "Who took part."),
        "by": Field("text", "Who claims it happened, when it is someone's claim."),
        "sources": _refs("source", "The sources that report it.", required=True),
        "quote": _QUOTE,
        "tags": _TAGS,
    },
}
# A claim is a fact reported by one source as someone's statement.
RECORDS["claim"] = {
    **{k: v for k, v in RECORDS["fact"].items() if k != "sources"},
    "by": Field(
        "text",
        "Who made the claim, as the source puts it ('a senior Hamas representative'); "
        "leave it out when the claim is the source's own.",
    ),
    "source": _ref("source", "The source that reports the claim.", required=True),
}

SECTIONS: dict[str, str] = {
    "sources": "source",
    "entities": "entity",
    "relations": "relation",
    "facts": "fact",
    "claims": "claim",
    "events": "event",
}

CHOICE_LISTS: dict[str, tuple[str, ...]] = {
    "entity_types": ENTITY_TYPES,
    "kinds": tuple(k.value for k in Kind),
}

DECK: dict[str, Field] = {
    "title": Field("text", "The deck's title, shown in the app and in Anki.", required=True),
    "id": Field(
        "int", "A stable number that Anki uses to recognise the deck; never change it.", required=True
    ),
    "description": Field("text", "A sentence about the deck."),
    "content": Field(
        "list", "Content files or folders, relative to this recipe.", required=True, non_empty=True
    ),
    "select": Field("record", "Which statements the deck takes (default: all).", record="selection"),
    "kinds": Field(
        "list", "The question kinds the deck asks (default: all).", item="choice:kinds", non_empty=True
    ),
    "exclude": Field("list", "Question ids to leave out.", ref="question"),
    "pin": Field(
        "list", "Question ids to keep even when the selection would leave them out.", ref="question"
    ),
    "reword": Field("records", "Replacement wording for single questions, by question id.", record="reword"),
}
RECORDS["deck"] = DECK
RECORDS["selection"] = {
    "tags": _refs("tag", "Take statements carrying any of these tags."),
    "exclude_tags": _refs("tag", "Leave out statements carrying any of these tags."),
    "types": Field(
        "list", "Take facts whose subject has one of these entity types.", item="choice:entity_types"
    ),
    "relations": _refs("relation", "Take facts of these relations."),
    "sections": Field("list", "Which sections to take.", item="choice:sections"),
}
RECORDS["reword"] = {
    "id": Field("ref", "The question id, as `quizgen show` prints it.", required=True, ref="question"),
    "question": Field("text", "The new wording of the question.", required=True),
}
CHOICE_LISTS["sections"] = ("facts", "claims", "events")
