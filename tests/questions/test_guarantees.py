"""The question engine's guarantees, checked over every question of the bundled content and of a
large synthetic library. Each check lists its violations, so a failure names the questions."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from quizgen.facts.dates import Precision
from quizgen.facts.library import Library
from quizgen.facts.loader import load_library
from quizgen.facts.model import Fact, Kind
from quizgen.questions.answers import Verdict, check_typed
from quizgen.questions.distractors import kind_group
from quizgen.questions.generate import generate
from quizgen.questions.model import Question
from quizgen.questions.normalise import contains_any_phrase, contains_phrase, normalise
from quizgen.questions.uniqueness import value_key
from quizgen.questions.wording import attribution
from tests.synthetic import write_synthetic

ROOT = Path(__file__).parents[2]
PRESENT = 2026


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Library, list[Question]]:
    if request.param == "bundled":
        library = load_library([ROOT / "content" / "soleimani.yaml"])
    else:
        library = load_library([write_synthetic(tmp_path_factory.mktemp("synthetic"), 2000)])
    return library, generate(library, random.Random(0), present_year=PRESENT)


def template_of(library: Library, question: Question):
    statement = library.statements_by_id[question.fact_id]
    if not isinstance(statement, Fact):
        return None, statement
    relation = library.relations[statement.relation]
    return next((t for t in relation.templates if t.id == question.template_id), None), statement


def entity_named(library: Library, name: str):
    return next(e for e in library.entities.values() if e.name == name)


def test_questions_exist_for_every_kind(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    assert set(Counter(q.kind for q in questions)) == set(Kind)


def test_ids_are_unique_and_stable_in_shape(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids))
    for question in questions:
        statements, template, kind = question.id.split(":")
        assert kind == question.kind.value
        assert template == question.template_id
        assert all(s in library.statements_by_id for s in statements.split("+"))


def test_the_stem_has_exactly_one_answer(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    violations = []
    for question in questions:
        template, fact = template_of(library, question)
        if template is None or question.kind is Kind.TRUE_FALSE:
            continue
        voice = attribution(library, fact)
        if template.ask == "object":
            peers = [
                p
                for p in library.by_subject_relation[fact.subject, fact.relation]
                if attribution(library, p) == voice
            ]
            if "{when}" in template.question and fact.when:
                peers = [p for p in peers if not p.when or p.when.overlaps(fact.when)]
            if len({value_key(p) for p in peers}) != 1:
                violations.append(question.id)
        elif template.ask == "subject":
            peers = [
                p
                for p in library.by_relation[fact.relation]
                if value_key(p) == value_key(fact) and attribution(library, p) == voice
            ]
            if len({p.subject for p in peers}) != 1:
                violations.append(question.id)
    assert violations == []


def test_no_distractor_is_also_correct(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    violations = []
    for question in questions:
        if question.kind is not Kind.MULTIPLE_CHOICE:
            continue
        template, fact = template_of(library, question)
        wrong = [o for i, o in enumerate(question.options) if i != question.answer_index]
        if question.answer_kind == "entity" and template is not None:
            key = entity_named(library, question.answer)
            for option in wrong:
                entity = entity_named(library, option)
                if template.ask == "object":
                    truths = {
                        o for p in library.by_subject_relation[fact.subject, fact.relation] for o in p.objects
                    }
                    correct = entity.id in truths
                else:
                    correct = any(
                        p.subject == entity.id
                        for p in library.by_relation[fact.relation]
                        if value_key(p) == value_key(fact)
                    )
                if correct or library.related_by_containment(entity.id, key.id):
                    violations.append(f"{question.id}: {option}")
        if question.answer_kind == "date" and question.date is not None:
            for option in wrong:
                if option_date(question, option).overlaps(question.date):
                    violations.append(f"{question.id}: {option}")
    assert violations == []


def test_accepted_answers_are_other_forms_of_the_key(world: tuple[Library, list[Question]]) -> None:
    """ "Also accepted" lists only other spellings: never the key again, and for a choice never the
    names of an entity that is not the option marked right."""
    library, questions = world
    violations = []
    for question in questions:
        if normalise(question.answer) in {normalise(a) for a in question.accepted}:
            violations.append(f"{question.id}: {question.answer!r} in {question.accepted}")
        if question.kind is Kind.MULTIPLE_CHOICE and question.answer_kind == "entity":
            entity = entity_named(library, question.answer)
            labels = set(entity.labels)
            if entity.kind and entity.name.lower().endswith(f" {entity.kind.lower()}"):
                labels.add(entity.name[: -len(entity.kind) - 1])  # "Kerman" for Kerman Province
            violations += [f"{question.id}: {a!r}" for a in question.accepted if a not in labels]
    assert violations == []


def test_a_question_asking_for_a_year_is_answered_by_a_year(world: tuple[Library, list[Question]]) -> None:
    """ "In what year ...?" answered "late 2023" would mark the student's "2023" wrong."""
    _, questions = world
    year = re.compile(r"^\d{1,4}( BC)?$")
    violations = [
        f"{q.id}: {q.answer!r} or {[o for o in q.options if not year.match(o)]}"
        for q in questions
        if "in what year" in q.stem.lower()
        and q.kind in (Kind.TYPED, Kind.MULTIPLE_CHOICE, Kind.YEAR_GUESS)
        and not (year.match(q.answer) and all(year.match(o) for o in q.options))
    ]
    assert violations == []


def test_a_choice_offers_at_least_three_options(world: tuple[Library, list[Question]]) -> None:
    """Two options are a true/false in disguise: "Syrian government or US government?" for the
    government he supported in the Syrian Civil War."""
    _, questions = world
    few = [f"{q.id}: {q.options}" for q in questions if q.kind is Kind.MULTIPLE_CHOICE and len(q.options) < 3]
    assert few == []


def test_a_blank_for_a_place_inside_another_says_which_kind(world: tuple[Library, list[Question]]) -> None:
    """ "Qanat-e Malek is in ____." has Iran for a true answer too; "____ (province)" has one."""
    library, questions = world
    violations = []
    for question in questions:
        if question.kind is not Kind.CLOZE or question.answer_kind != "entity" or "“" in question.stem:
            continue  # a quote's own words carry their context; only the relation's sentence is checked
        place = next((e for e in library.entities.values() if e.name == question.answer), None)
        if place is not None and place.part_of is not None and f"____ ({place.kind})" not in question.stem:
            violations.append(f"{question.id}: {question.stem}")
    assert violations == []


def test_an_unattributed_quote_is_never_an_opinion_sources_words(
    world: tuple[Library, list[Question]],
) -> None:
    """A fact both articles state is asked plainly, so a quote in its stem must not be Sputnik's
    ("the IRGC's elite foreign operations formation"): such a cloze blanks the plain sentence."""
    _, questions = world
    violations = [
        f"{q.id}: {q.stem}"
        for q in questions
        if q.kind is Kind.CLOZE
        and q.attribution is None
        and "“" in q.stem
        and any(s.opinion for s in q.sources)
    ]
    assert violations == []


def option_date(question: Question, option: str):
    from quizgen.questions.answers import parse_answer_date

    assert question.date is not None
    return parse_answer_date(option, question.date)


def test_options_share_the_keys_type_and_precision(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    violations = []
    for question in questions:
        if question.kind is not Kind.MULTIPLE_CHOICE:
            continue
        labels = [normalise(o) for o in question.options]
        if len(labels) != len(set(labels)) or len(labels) < 2:
            violations.append(f"{question.id}: options not distinct or too few")
        if question.answer_kind == "entity":
            types = {entity_named(library, o).type for o in question.options}
            if len(types) != 1:
                violations.append(f"{question.id}: types {types}")
        if question.answer_kind == "date" and question.date is not None:
            precisions = {option_date(question, o).precision for o in question.options}
            if precisions != {question.date.precision}:
                violations.append(f"{question.id}: precisions {precisions}")
    assert violations == []


def test_an_organisation_group_or_things_options_are_of_its_kind(
    world: tuple[Library, list[Question]],
) -> None:
    """The United Nations among armed groups is the odd one out; people and places are held to
    their own rules (a chemist may stand for a physicist, a town for a city)."""
    library, questions = world
    violations = []
    for question in questions:
        if question.kind is not Kind.MULTIPLE_CHOICE or question.answer_kind != "entity":
            continue
        key = entity_named(library, question.answer)
        if key.type in ("person", "place"):
            continue
        kinds = {kind_group(entity_named(library, o).kind) for o in question.options}
        if kinds != {kind_group(key.kind)}:
            violations.append(f"{question.id}: {question.options}")
    assert violations == []


def test_key_position_is_balanced(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    for count in (2, 3, 4):
        positions = Counter(
            q.answer_index
            for q in questions
            if q.kind in (Kind.MULTIPLE_CHOICE, Kind.WHICH_FIRST) and len(q.options) == count
        )
        if sum(positions.values()) >= count:
            tallies = [positions.get(i, 0) for i in range(count)]
            assert max(tallies) - min(tallies) <= 1, (count, tallies)


def test_the_key_is_not_reliably_the_longest(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    choices = [
        q
        for q in questions
        if q.kind is Kind.MULTIPLE_CHOICE and q.answer_kind == "entity" and len(q.options) > 2
    ]
    longest = sum(len(q.answer) > max(len(o) for o in q.options if o != q.answer) for q in choices)
    assert longest <= len(choices) * 0.4, (longest, len(choices))


def test_no_leakage(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    violations = []
    for question in questions:
        if question.kind in (Kind.TRUE_FALSE, Kind.ORDER, Kind.WHICH_FIRST):
            continue
        text = question.stem
        if question.cloze is not None:
            text = question.cloze.before + " " + question.cloze.after
        forms = (
            [question.answer, *question.accepted] if question.kind is not Kind.CLOZE else [question.answer]
        )
        violations += [f"{question.id}: {f!r}" for f in forms if len(f) > 2 and contains_phrase(text, f)]
    assert violations == []


GRAMMAR = [
    (re.compile(r"\{|\}"), "unfilled slot"),
    (re.compile(r"\s{2,}"), "double space"),
    (re.compile(r"\s[,.?!;:](?!\.\.)"), "space before punctuation"),
    (
        re.compile(r"According to [^,]+, (What|Which|Who|Whom|When|Where|How|In|On|As|From|By|The|A|An)\b"),
        "capital after attribution",
    ),
    (re.compile(r"\b(a|an) (a|an|the)\b", re.IGNORECASE), "double article"),
]


def test_readable_grammar(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    violations = []
    for question in questions:
        text = question.cloze.text if question.cloze else question.stem
        if not text[:1].isupper() and not text.startswith("“"):
            violations.append(f"{question.id}: starts lower-case: {text!r}")
        if not text.rstrip().endswith(("?", ".", "”", "…", "!")):
            violations.append(f"{question.id}: no final punctuation: {text!r}")
        violations += [f"{question.id}: {why}: {text!r}" for pattern, why in GRAMMAR if pattern.search(text)]
    assert violations == []


def test_deterministic_for_a_seed(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    again = generate(library, random.Random(0), present_year=PRESENT)
    assert [q.to_json() for q in again] == [q.to_json() for q in questions]
    other = generate(library, random.Random(1), present_year=PRESENT)
    assert other
    assert [q.options for q in other] != [q.options for q in questions]


def test_date_distractors_are_near_and_the_keys_place_among_them_gives_nothing_away(
    world: tuple[Library, list[Question]],
) -> None:
    """Near the key; and not always on both sides of it: then the key was never the earliest or
    the latest option, and a student could strike those two out."""
    _, questions = world
    violations = []
    ranks: Counter[int] = Counter()
    for question in questions:
        date = question.date
        if question.kind is not Kind.MULTIPLE_CHOICE or date is None or date.is_range:
            continue
        if date.precision is not Precision.YEAR or date.approximate:
            continue
        years = [option_date(question, o).year for o in question.options if o != question.answer]
        step = 1 if PRESENT - date.year <= 60 else 2 if PRESENT - date.year <= 150 else 5
        if any(abs(y - date.year) > 4 * step for y in years):
            violations.append(f"{question.id}: too far: {years} for {date.year}")
        if len(years) == 3 and date.year + 3 * step <= PRESENT:
            ranks[sum(y > date.year for y in years)] += 1
    assert violations == []
    if sum(ranks.values()) >= 40:  # the synthetic library's
        assert sorted(ranks) == [0, 1, 2, 3]
        assert max(ranks.values()) <= sum(ranks.values()) / 2, ranks


def test_numeric_options_are_written_as_precisely_as_the_key(world: tuple[Library, list[Question]]) -> None:
    _, questions = world
    violations = []
    for question in questions:
        if question.kind is Kind.MULTIPLE_CHOICE and question.quantity is not None:
            decimals = {len(m.group(1)) if (m := re.search(r"\.(\d+)", o)) else 0 for o in question.options}
            if len(decimals) != 1:
                violations.append(f"{question.id}: {question.options}")
    assert violations == []


def test_a_choice_among_several_right_answers_says_one_is_listed(
    world: tuple[Library, list[Question]],
) -> None:
    """ "Who imposed the sanctions?" offering the EU alone read as if the EU were the whole answer."""
    library, questions = world
    several = [
        q
        for q in questions
        if q.kind is Kind.MULTIPLE_CHOICE
        and isinstance(statement := library.statements_by_id[q.fact_id], Fact)
        and len(statement.objects) > 1
        and (template_of(library, q)[0] is None or template_of(library, q)[0].ask == "object")
    ]
    assert all(re.search(r" One of (the \w+|several) is listed\.$", q.stem) for q in several), [
        q.stem for q in several
    ]
    if library.relations.get("sanctioned_by"):
        assert several


def test_a_text_key_never_alone_repeats_a_word_of_its_stem(world: tuple[Library, list[Question]]) -> None:
    """ "How is Iran's mission in Syria described?" offered one option with "mission": the key."""
    _, questions = world
    echoes = []
    for question in questions:
        if question.kind is Kind.MULTIPLE_CHOICE and question.answer_kind == "text":
            words = {w for w in normalise(question.stem).split() if len(w) > 3}
            shared = words & set(normalise(question.answer).split())
            wrong = [o for o in question.options if o != question.answer]
            if shared and not any(shared & set(normalise(o).split()) for o in wrong):
                echoes.append(question.id)
    assert echoes == []


def test_a_days_options_never_single_out_the_key_by_its_day(world: tuple[Library, list[Question]]) -> None:
    """ "11 March 1957 / 4 April 1949 / 11 March 1961 / 11 March 1953": strike the odd day out and
    the key sits between the other two years. Every option shares the key's day of the year, or
    none does."""
    _, questions = world
    violations = []
    for question in questions:
        date = question.date
        if question.kind is not Kind.MULTIPLE_CHOICE or date is None or date.precision is not Precision.DAY:
            continue
        if date.is_range:
            continue
        days = [(d.first.month, d.first.day) for d in (option_date(question, o) for o in question.options)]
        shared = sum(day == (date.first.month, date.first.day) for day in days) - 1
        if 0 < shared < len(days) - 1:
            violations.append(f"{question.id}: {question.options}")
    assert violations == []


def test_a_quote_naming_the_answer_twice_falls_back_to_the_statement(tmp_path: Path) -> None:
    """Blanking the short form once left the long one showing: the cloze was refused and none made."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    text: the greatest teacher of her age\n    accept: [greatest teacher]",
        "    text: teacher of her age\n    accept: [greatest teacher of her age]\n"
        '    quote: "Curie was simply the greatest teacher of her age, and no teacher of her age came close."',
    )
    path = tmp_path / "curie.yaml"
    path.write_text(text, encoding="utf-8")
    questions = generate(load_library([path]), random.Random(0), present_year=PRESENT)
    [cloze] = [q for q in questions if q.fact_id == "tabloid-greatest" and q.kind is Kind.CLOZE]
    assert cloze.cloze is not None
    assert "teacher of her age" not in cloze.cloze.before + cloze.cloze.after


def test_opinion_and_claims_are_always_attributed(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    violations = []
    for question in questions:
        statements = [library.statements_by_id[s] for s in question.statement_ids]
        for statement in statements:
            must = (isinstance(statement, Fact) and statement.is_claim) or all(
                library.sources[s].opinion for s in statement.sources
            )
            if not must:
                continue
            if question.kind in (Kind.ORDER, Kind.WHICH_FIRST):
                item = next(i for i in question.items if i.id == statement.id)
                ok = "(according to" in item.label
            else:
                text = question.cloze.text if question.cloze else question.stem
                ok = question.attribution is not None and (
                    "According to" in text
                    or text.startswith(
                        tuple(
                            opening
                            for s in statement.sources
                            for opening in (  # "Sputnik writes of the Quds Force:" too
                                f"{library.sources[s].name} writes",
                                f"In {library.sources[s].name}:",
                                f"In {library.sources[s].name}, on ",
                            )
                        )
                    )
                )
            if not ok:
                violations.append(question.id)
    assert violations == []


def test_a_quoted_cloze_says_whom_it_is_about(world: tuple[Library, list[Question]]) -> None:
    """ "…which played an instrumental role in ____…" could not be answered without the source: the
    words shown, or their introduction, name the entity the question is about."""
    library, questions = world
    violations = []
    for question in questions:
        statement = library.statements_by_id[question.fact_id]
        if question.cloze is None or not isinstance(statement, Fact) or "“" not in question.cloze.before:
            continue
        template = template_of(library, question)[0]
        about = statement.subject if template is None or template.ask != "subject" else statement.objects[0]
        entity = library.entities.get(about)
        shown = re.sub(r"[’']s\b", "", question.cloze.before + " " + question.cloze.after)
        if entity is not None and not contains_any_phrase(shown, entity.labels):
            short = entity.name.split()[-1]  # "Soleimani", the short name a source uses
            if not contains_phrase(shown, short):
                violations.append(question.cloze.text)
    assert violations == []


def test_a_quoted_cloze_nests_its_quotes(world: tuple[Library, list[Question]]) -> None:
    """The source's own quotes inside a cloze's double quotes are single: “…for ‘____’”."""
    library, questions = world
    texts = [q.cloze.text for q in questions if q.cloze is not None and "“" in q.cloze.text]
    quoting = [q for f in library.statements_with_relations() for q in f.quotes if "“" in q or '"' in q]
    assert texts or not quoting  # the bundled content quotes "Global Arrogance" and “____”
    for text in texts:
        marks = "".join(c for c in text if c in '“”"')
        assert marks == "“”" * (len(marks) // 2), text


def test_open_sets_are_never_totalled_or_swapped(world: tuple[Library, list[Question]]) -> None:
    library, questions = world
    open_facts = {f.id for f in library.statements_with_relations() if f.open_set}
    for question in questions:
        if question.fact_id not in open_facts:
            continue
        assert question.kind not in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE), question.id
        if question.kind is Kind.TYPED and question.answer_kind == "entity":
            fact = library.statements_by_id[question.fact_id]
            for member in fact.objects:
                name = library.entities[member].name
                assert check_typed(question, name).verdict is Verdict.CORRECT, (question.id, name)


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(tmp_path: Path) -> None:
    """A doubled stop ("born in Warsaw, Pol..") reads as a typo in every stem, statement and export."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    (tmp_path / "curie.yaml").write_text(text.replace("name: Warsaw", "name: Warsaw, Pol."), encoding="utf-8")
    library = load_library([tmp_path / "curie.yaml"])
    questions = generate(library, random.Random(0), present_year=PRESENT)
    sentences = [q.stem for q in questions] + [q.statement for q in questions if q.statement]
    assert any("Warsaw, Pol." in s for s in sentences)
    assert [s for s in sentences if s.endswith("..")] == []


@pytest.mark.parametrize(("kind", "offered"), [("city", True), ("lunar sea", False)])
def test_a_place_of_a_kind_no_other_place_shares_is_not_offered_among_unlike_places(
    tmp_path: Path, kind: str, offered: bool
) -> None:
    """A lunar sea among countries and cities is the odd one out: the choice would give it away."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace("    kind: city\n    name: Warsaw\n", f"    kind: {kind}\n    name: Warsaw\n")
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    ids = {
        q.id
        for q in generate(load_library([tmp_path / "curie.yaml"]), random.Random(0), present_year=PRESENT)
    }
    assert ("curie-born-in:born-in:multiple_choice" in ids) is offered
    assert "curie-born-in:born-in:typed" in ids


@pytest.mark.parametrize(("city", "accepted"), [("Lyon", True), ("Masovian", False)])
def test_a_place_named_with_its_kind_is_answered_without_it(
    tmp_path: Path, city: str, accepted: bool
) -> None:
    """ "Kerman" names Kerman Province, unless a place of its own is called Kerman."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - id: poland\n",
        "  - id: masovia\n    type: place\n    kind: province\n    name: Masovian Province\n    part_of: poland\n"
        f"  - id: other-city\n    type: place\n    kind: city\n    name: {city}\n  - id: poland\n",
    ).replace("    relation: born_in\n    object: warsaw\n", "    relation: born_in\n    object: masovia\n")
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    library = load_library([tmp_path / "curie.yaml"])
    questions = generate(library, random.Random(0), present_year=PRESENT)
    question = next(q for q in questions if q.id == "curie-born-in:born-in:typed")
    assert question.answer == "Masovian Province"
    assert (check_typed(question, "Masovian").verdict is Verdict.CORRECT) is accepted


def test_a_stem_with_two_answers_is_not_asked(tmp_path: Path) -> None:
    """Two people of one name: "Where was Pierre Curie born?" has two answers, and neither is right."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - id: warsaw\n", "  - id: pierre-2\n    type: person\n    name: Pierre Curie\n  - id: warsaw\n"
    ).replace(
        "facts:\n",
        "facts:\n  - id: pierre-born\n    subject: pierre\n    relation: born_in\n    object: paris\n"
        "    sources: [britannica]\n  - id: pierre-2-born\n    subject: pierre-2\n    relation: born_in\n"
        "    object: stockholm\n    sources: [britannica]\n",
    )
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    questions = generate(load_library([tmp_path / "curie.yaml"]), random.Random(0), present_year=PRESENT)
    stems = [q.stem for q in questions]
    assert "Where was Pierre Curie born?" not in stems
    assert "Where was Marie Curie born?" in stems


def test_quoted_words_are_introduced_by_who_writes_them_or_where() -> None:
    """A publisher writes; an article known only by its title does not: "In “...”:"."""
    from quizgen.questions.from_facts import _introduced
    from quizgen.questions.model import SourceRef

    sputnik = SourceRef("s", "Sputnik", "Sputnik")
    article = SourceRef("a", "“Who is Qasem Soleimani?”", "“Who is Qasem Soleimani?”")
    assert _introduced([sputnik]) == "Sputnik writes:"
    assert _introduced([article]) == "In “Who is Qasem Soleimani?”:"
    assert _introduced([sputnik, SourceRef("r", "Reuters", "Reuters")]) == "Sputnik and Reuters write:"


def test_a_relation_of_many_values_never_offers_another_as_wrong(tmp_path: Path) -> None:
    """Danton was a Jacobin too: "True or false: Danton was a member of the Jacobin Club. (False)"
    would teach a falsehood where the content lists only the Cordeliers. The built-in spouse_of is
    marked many, so no other person is offered as Marie Curie's husband; the same relation written
    without the mark asks as before."""
    path = tmp_path / "curie.yaml"
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")

    def kinds(content: str, template: str) -> set[Kind]:
        path.write_text(content, encoding="utf-8")
        questions = generate(load_library([path]), random.Random(0), present_year=PRESENT)
        return {q.kind for q in questions if q.template_id == template}

    assert kinds(text, "spouse-of") == {Kind.TYPED}
    own = text.replace("relation: spouse_of", "relation: married_to").replace(
        "relations:\n",
        "relations:\n  - id: married_to\n    value: entity\n    statement: '{Subject} was married to {object}.'\n"
        "    templates:\n      - id: married-to\n        ask: object\n"
        "        question: 'Who was {subject} married to?'\n        kinds: [multiple_choice, typed, true_false]\n",
        1,
    )
    assert kinds(own, "married-to") == {Kind.TYPED, Kind.TRUE_FALSE}  # too few people for a choice
    marked = own.replace("  - id: married_to\n", "  - id: married_to\n    many: true\n")
    assert kinds(marked, "married-to") == {Kind.TYPED}


@pytest.mark.parametrize("told_of", [False, True])
def test_a_who_question_offers_only_people_the_library_tells_of(tmp_path: Path, told_of: bool) -> None:
    """In a subject about one woman, "Who was born in Warsaw?" against people the content only names
    is answered by the subject's name alone: it is asked typed, or among people it tells of."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    named = "".join(
        f"  - id: {id_}\n    type: person\n    name: {name}\n" for id_, name in NAMED_ONLY.items()
    )
    text = text.replace("  - id: warsaw\n", named + "  - id: warsaw\n", 1)
    if told_of:  # two of them get a statement of their own
        text = text.replace(
            "\nfacts:\n",
            "\nfacts:\n"
            + "".join(
                f"  - id: {id_}-died-on\n    subject: {id_}\n    relation: died_on\n    date: {year}\n"
                "    sources: [britannica]\n"
                for id_, year in (("einstein", 1955), ("bohr", 1962))
            ),
            1,
        )
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    questions = {
        q.id: q
        for q in generate(load_library([tmp_path / "curie.yaml"]), random.Random(0), present_year=PRESENT)
    }
    assert "curie-born-in:born-in-who:typed" in questions
    choice = questions.get("curie-born-in:born-in-who:multiple_choice")
    if not told_of:  # Marie Curie against Pierre, named as her husband, and three names
        assert choice is None
    else:
        assert choice is not None
        assert set(choice.options) - {choice.answer} <= {"Albert Einstein", "Niels Bohr"}


NAMED_ONLY = {"einstein": "Albert Einstein", "bohr": "Niels Bohr", "planck": "Max Planck"}


@pytest.mark.parametrize(("written", "beyond"), [("at least 13", 1), ("at most 13", -1), ("13", 0)])
def test_a_bound_is_not_a_choice_and_its_swap_lies_beyond_it(
    tmp_path: Path, written: str, beyond: int
) -> None:
    """ "At least 13 were killed" makes "at least 7" true: no lower option can be offered as wrong,
    and with only higher ones the key is always the least. The exact 13 is asked both ways."""
    text = (ROOT / "tests" / "data" / "curie.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "relations:\n",
        "relations:\n  - id: students_of\n    value: quantity\n    statement: '{Subject} taught {object} students.'\n"
        "    templates:\n      - id: students-of\n        ask: object\n"
        "        question: '{How_many} students did {subject} teach?'\n"
        "        kinds: [multiple_choice, typed, true_false]\n",
        1,
    ).replace(
        "\nfacts:\n",
        f"\nfacts:\n  - id: curie-students\n    subject: curie\n    relation: students_of\n"
        f"    quantity: {written}\n    sources: [britannica]\n",
        1,
    )
    (tmp_path / "curie.yaml").write_text(text, encoding="utf-8")
    library = load_library([tmp_path / "curie.yaml"])
    swapped: list[float] = []
    kinds: set[Kind] = set()
    for seed in range(30):
        for question in generate(library, random.Random(seed), present_year=PRESENT):
            if question.fact_id != "curie-students":
                continue
            kinds.add(question.kind)
            if question.kind is Kind.TRUE_FALSE and question.answer == "False":
                assert "13" in (question.statement or "")
                (number,) = re.findall(r"\d+", question.stem)
                swapped.append(float(number))
    assert (Kind.MULTIPLE_CHOICE in kinds) is (beyond == 0)
    assert Kind.TYPED in kinds
    assert swapped  # some seed swaps the number
    if beyond > 0:
        assert min(swapped) > 13
    elif beyond < 0:
        assert max(swapped) < 13
    else:
        assert min(swapped) < 13 < max(swapped)  # an exact figure is swapped either way
