"""The bundled subject (content/soleimani.yaml) says what its two sources say, no more, no less.

Every statement captured from the two stored articles is asserted here by id, with its value,
date precision, qualifier, source and holder, so that an edit that changes what a card teaches
fails a test. The rules are those of ../shared/CONTENT.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.facts.library import Library
from quizgen.facts.loader import load_content, load_library
from quizgen.facts.model import Event, Fact, Qualifier
from quizgen.facts.quotes import normalise, sentences, uncovered
from quizgen.questions.wording import attribution

CONTENT = Path(__file__).parents[1] / "content" / "soleimani.yaml"
B = ("biography",)
S = ("sputnik",)
BOTH = B + S


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library([CONTENT])


def fact(library: Library, statement_id: str) -> Fact:
    statement = library.statements_by_id[statement_id]
    assert isinstance(statement, Fact), f"{statement_id} is not a fact or claim"
    return statement


def event(library: Library, statement_id: str) -> Event:
    statement = library.statements_by_id[statement_id]
    assert isinstance(statement, Event), f"{statement_id} is not an event"
    return statement


def quoted(statement: Fact | Event, words: str) -> bool:
    return any(normalise(words) in normalise(q) for q in statement.quotes)


# ---------------------------------------------------------------------------
# Loading, sources, coverage


def test_loads_without_problems() -> None:
    result = load_content([CONTENT])
    assert [str(p) for p in result.problems] == []
    assert result.library is not None


def test_the_file_points_editors_at_the_schema() -> None:
    first_line = CONTENT.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./content.schema.json"


def test_counts(library: Library) -> None:
    counts = library.counts()
    assert counts["sources"] == 2
    assert counts["facts"] >= 40
    assert counts["claims"] >= 25
    assert counts["events"] >= 15


def test_biography_source_states_only_its_title(library: Library) -> None:
    source = library.sources["biography"]
    text = source.text_path.read_text(encoding="utf-8")
    first_heading = next(line.strip() for line in text.splitlines() if line.strip())
    assert source.title == first_heading
    assert source.cite_as == "“Who is Qasem Soleimani?”"
    assert source.kind == "article"
    assert (source.publisher, source.author, source.date, source.url) == (None, None, None, None)
    assert source.opinion is False


def test_sputnik_source_states_only_its_publisher_and_is_opinion(library: Library) -> None:
    source = library.sources["sputnik"]
    assert source.publisher == "Sputnik"
    assert source.name == "Sputnik"
    assert source.kind == "article"
    assert source.opinion is True
    assert (source.title, source.author, source.date, source.url) == (None, None, None, None)


def test_sputnik_artifacts_are_excluded(library: Library) -> None:
    excluded = {e.text for e in library.sources["sputnik"].excluded}
    assert {"Source: Sputnik", "4194"} <= excluded


@pytest.mark.parametrize("source_id", BOTH)
def test_every_sentence_is_quoted_or_excluded(library: Library, source_id: str) -> None:
    source = library.sources[source_id]
    quotes = [
        q
        for statement in (*library.facts, *library.claims, *library.events)
        if source_id in statement.sources
        for q in statement.quotes
    ]
    text = source.text_path.read_text(encoding="utf-8")
    missing = uncovered(text, quotes, [e.text for e in source.excluded])
    assert [f"{s.line}: {s.text}" for s in missing] == []


@pytest.mark.parametrize("source_id", BOTH)
def test_every_exclusion_names_a_sentence_of_its_text(library: Library, source_id: str) -> None:
    source = library.sources[source_id]
    text = source.text_path.read_text(encoding="utf-8")
    normal_sentences = [normalise(s.text) for s in sentences(text)]
    for exclusion in source.excluded:
        assert exclusion.reason.strip()
        assert any(normalise(exclusion.text) in s for s in normal_sentences), exclusion.text


def test_statements_citing_both_sources_quote_each(library: Library) -> None:
    both = [s for s in (*library.facts, *library.events) if set(s.sources) == set(BOTH)]
    assert {s.id for s in both} == {
        "soleimani-joined-irgc",
        "quds-force-part-of-irgc",
        "iranian-revolution",
        "soleimani-joins-irgc",
        "soleimani-rose-through-ranks",
    }
    texts = {sid: normalise(library.sources[sid].text_path.read_text(encoding="utf-8")) for sid in BOTH}
    for statement in both:
        for source_id in BOTH:
            assert any(normalise(q) in texts[source_id] for q in statement.quotes), (statement.id, source_id)


# ---------------------------------------------------------------------------
# Entities: names, aliases, containment


def test_places_contain_places(library: Library) -> None:
    assert library.ancestors("qanat-e-malek") == ("kerman-province", "iran")
    assert library.ancestors("kerman-province") == ("iran",)
    assert library.ancestors("baghdad") == ("iraq",)
    assert library.ancestors("tehran") == ("iran",)
    assert library.related_by_containment("qanat-e-malek", "iran")
    assert not library.related_by_containment("qanat-e-malek", "baghdad")


def test_the_quds_force_lies_inside_the_irgc(library: Library) -> None:
    assert library.ancestors("quds-force") == ("irgc",)
    assert library.ancestors("quds-force-advisers") == ("quds-force", "irgc")


def test_irgc_accepts_both_texts_spellings(library: Library) -> None:
    irgc = library.entities["irgc"]
    assert irgc.name == "Islamic Revolutionary Guard Corps"
    assert {"IRGC", "Islamic Revolution Guards Corps"} <= set(irgc.aliases)
    biography = library.sources["biography"].text_path.read_text(encoding="utf-8")
    sputnik = library.sources["sputnik"].text_path.read_text(encoding="utf-8")
    assert "Islamic Revolutionary Guard Corps" in biography
    assert "Islamic Revolution Guards Corps" in sputnik


def test_quds_force_is_a_force_and_accepts_qods(library: Library) -> None:
    quds = library.entities["quds-force"]
    assert (quds.name, quds.kind, quds.article) == ("Quds Force", "force", "the")
    assert {"Qods Force", "IRGC Quds Force"} <= set(quds.aliases)


@pytest.mark.parametrize(
    ("entity_id", "entity_type", "kind"),
    [
        ("soleimani", "person", None),
        ("iran", "place", "country"),
        ("kerman-province", "place", "province"),
        ("baghdad", "place", "city"),
        ("tehran", "place", "city"),
        ("united-states", "place", "country"),
        ("pmf", "group", "militias"),
        ("tehran-court", "organisation", "court"),
        ("united-nations", "organisation", "international organisation"),
        ("interpol", "organisation", "international organisation"),
        ("hezbollah", "organisation", None),
        ("iran-iraq-war", "event", "war"),
        ("persian-gulf-crisis", "event", "crisis"),
        ("nuclear-deal", "thing", "deal"),
    ],
)
def test_entity_types_and_kinds(library: Library, entity_id: str, entity_type: str, kind: str | None) -> None:
    entity = library.entities[entity_id]
    assert (entity.type, entity.kind) == (entity_type, kind)


# ---------------------------------------------------------------------------
# Events: every dated happening, at the precision its source gives


@pytest.mark.parametrize(
    ("event_id", "edtf", "sources", "place"),
    [
        ("soleimani-born", "1957-03-11", B, "qanat-e-malek"),
        ("iranian-revolution", "1979", BOTH, "iran"),
        ("soleimani-joins-irgc", "1979", BOTH, None),
        ("iran-iraq-war", "1980/1988", S, None),
        ("soleimani-rises-through-ranks", "1980/1988", S, None),
        ("soleimani-takes-command-of-quds-force", "1998", S, None),
        ("israeli-invasion-of-lebanon", "2006", S, "lebanon"),
        ("quds-force-takes-charge-in-syria", "2012", S, "syria"),
        ("advisers-killed-alongside-pmf", "2014/2017", S, None),
        ("nuclear-deal-made", "2015", B, None),
        ("soleimani-lobbies-russia", "2015", S, None),
        ("us-withdraws-from-nuclear-deal", "2018", B, None),
        ("soleimani-assassinated", "2020-01-03", B, "baghdad"),
        ("first-interpol-attempt", "2020-06", S, None),
        ("second-interpol-attempt", "2021-01", S, None),
        ("regional-conflict-begins", "2023-10", S, None),
        ("invasion-bogged-down-by-tunnels", "2023", S, None),
        ("tehran-court-ruling", "2023-39", S, "tehran"),
    ],
)
def test_event_dates(
    library: Library, event_id: str, edtf: str, sources: tuple[str, ...], place: str | None
) -> None:
    happened = event(library, event_id)
    assert happened.date.edtf() == edtf
    assert tuple(happened.sources) == sources
    assert happened.place == place


def test_late_2023_is_kept_as_late_2023(library: Library) -> None:
    assert event(library, "tehran-court-ruling").date.label() == "late 2023"


def test_event_titles_hide_the_date_and_asks_start_with_when(library: Library) -> None:
    for happened in library.events:
        assert str(happened.date.year) not in happened.title, happened.id
        assert happened.ask is not None, happened.id
        assert happened.ask.startswith("When "), happened.id


@pytest.mark.parametrize(
    ("event_id", "participants"),
    [
        ("soleimani-born", {"soleimani"}),
        ("soleimani-joins-irgc", {"soleimani", "irgc"}),
        ("soleimani-takes-command-of-quds-force", {"soleimani", "quds-force"}),
        ("soleimani-assassinated", {"soleimani", "united-states"}),
        ("soleimani-lobbies-russia", {"soleimani", "russia"}),
        ("first-interpol-attempt", {"iran", "interpol", "trump"}),
        ("second-interpol-attempt", {"iran", "interpol", "trump"}),
        ("tehran-court-ruling", {"tehran-court", "us-government"}),
    ],
)
def test_event_participants(library: Library, event_id: str, participants: set[str]) -> None:
    assert set(event(library, event_id).participants) == participants


def test_the_assassination_event_quotes_the_headline_too(library: Library) -> None:
    killed = event(library, "soleimani-assassinated")
    assert quoted(killed, "On January 3, 2020, Soleimani was assassinated by a U.S. drone strike in Baghdad.")
    assert quoted(killed, "Why USA Assassinated Him in 2020")


# ---------------------------------------------------------------------------
# Facts and claims with an entity value


@pytest.mark.parametrize(
    ("statement_id", "subject", "relation", "objects", "sources", "when"),
    [
        ("soleimani-born-in", "soleimani", "born_in", ("qanat-e-malek",), B, None),
        ("qanat-e-malek-in-kerman-province", "qanat-e-malek", "located_in", ("kerman-province",), B, None),
        ("kerman-province-in-iran", "kerman-province", "located_in", ("iran",), B, None),
        ("soleimani-joined-irgc", "soleimani", "joined", ("irgc",), BOTH, "1979"),
        (
            "soleimani-rose-through-ranks",
            "soleimani",
            "rose_through_ranks_during",
            ("iran-iraq-war",),
            BOTH,
            None,
        ),
        ("soleimani-quds-force-commander-by-1998", "soleimani", "commander_of", ("quds-force",), B, "1998"),
        ("soleimani-took-command-of-quds-force", "soleimani", "took_command_of", ("quds-force",), S, "1998"),
        ("quds-force-part-of-irgc", "quds-force", "part_of_organisation", ("irgc",), BOTH, None),
        ("soleimani-supported-syrian-government", "soleimani", "supported", ("syrian-government",), B, None),
        ("soleimani-aided-hezbollah", "soleimani", "aided", ("hezbollah",), B, None),
        (
            "soleimani-efforts-against-isis-in-iraq",
            "soleimani",
            "coordinated_efforts_against",
            ("isis",),
            B,
            None,
        ),
        (
            "soleimani-efforts-against-isis-in-syria",
            "soleimani",
            "coordinated_efforts_against",
            ("isis",),
            B,
            None,
        ),
        ("soleimani-sanctioned", "soleimani", "sanctioned_by", ("united-nations", "european-union"), B, None),
        (
            "soleimani-designated-terrorist",
            "soleimani",
            "designated_terrorist_by",
            ("united-states",),
            B,
            None,
        ),
        ("soleimani-killed-in-baghdad", "soleimani", "killed_in", ("baghdad",), B, "2020-01-03"),
        ("us-withdrew-from-nuclear-deal", "united-states", "withdrew_from", ("nuclear-deal",), B, "2018"),
        (
            "assassination-without-iraqi-consent",
            "assassination",
            "occurred_without_consent_of",
            ("iraq",),
            B,
            None,
        ),
        ("iran-vowed-revenge", "iran", "vowed_revenge_after_death_of", ("soleimani",), B, None),
        (
            "assassination-gulf-crisis-context",
            "assassination",
            "contributed_to",
            ("persian-gulf-crisis",),
            B,
            None,
        ),
        ("soleimani-revered-in-iran", "soleimani", "revered_in", ("iran",), B, None),
        (
            "soleimani-vision-strengthened-axis",
            "soleimani",
            "strategic_vision_strengthened",
            ("axis-of-resistance",),
            B,
            None,
        ),
        (
            "quds-force-took-on-al-qaeda-and-taliban",
            "quds-force",
            "took_on",
            ("al-qaeda", "taliban"),
            S,
            None,
        ),
        (
            "quds-force-coordinated-with-northern-alliance",
            "quds-force",
            "coordinated_with",
            ("northern-alliance",),
            S,
            None,
        ),
        ("quds-force-assisted-hezbollah", "quds-force", "provided_assistance_to", ("hezbollah",), S, None),
        (
            "quds-force-assisted-hezbollah-before-invasion",
            "quds-force",
            "assisted_hezbollah_in_years_before",
            ("invasion-of-lebanon",),
            S,
            None,
        ),
        (
            "iran-set-aside-differences-with-gaza-militias",
            "iran",
            "set_aside_differences_with",
            ("gaza-militias",),
            S,
            None,
        ),
        ("hamas-tunnels-brainchild", "tunnel-networks", "partly_brainchild_of", ("soleimani",), S, None),
        (
            "tunnels-bogged-down-israeli-forces",
            "tunnel-networks",
            "bogged_down",
            ("israeli-forces",),
            S,
            None,
        ),
        (
            "quds-force-took-charge-of-syria-mission",
            "quds-force",
            "took_charge_of",
            ("iran-syria-mission",),
            S,
            "2012",
        ),
        (
            "soleimani-lobbied-russia",
            "soleimani",
            "lobbied_to_intervene_against_isis",
            ("russia",),
            S,
            "2015",
        ),
        ("quds-force-trained-pmf", "quds-force", "coordinated_and_trained", ("pmf",), S, None),
        ("pmf-of-iraq", "pmf", "militias_of", ("iraq",), S, None),
        ("advisers-served-alongside-pmf", "quds-force-advisers", "served_alongside", ("pmf",), S, None),
        (
            "soleimani-conceptual-father-of-axis",
            "soleimani",
            "conceptual_father_of",
            ("axis-of-resistance",),
            S,
            None,
        ),
        (
            "axis-bogged-down-israel-and-us",
            "axis-of-resistance",
            "bogged_down",
            ("israel", "united-states"),
            S,
            None,
        ),
        ("iran-vowed-justice", "iran", "vowed_to_bring_killers_to_justice", ("soleimani",), S, None),
        (
            "tehran-court-ordered-us-government-to-pay",
            "tehran-court",
            "ordered_to_pay",
            ("us-government",),
            S,
            "2023-39",
        ),
        (
            "tehran-court-held-responsible",
            "tehran-court",
            "held_responsible_for_death",
            ("trump", "pompeo", "nsa", "cia"),
            S,
            None,
        ),
        ("iran-interpol-warrants-against", "iran", "sought_interpol_warrants_against", ("trump",), S, None),
        (
            "quds-force-credited-saving-minorities",
            "quds-force",
            "credited_with_saving_minorities",
            ("christians", "kurds", "yazidis", "alawites"),
            S,
            None,
        ),
    ],
)
def test_entity_statements(
    library: Library,
    statement_id: str,
    subject: str,
    relation: str,
    objects: tuple[str, ...],
    sources: tuple[str, ...],
    when: str | None,
) -> None:
    statement = fact(library, statement_id)
    assert (statement.subject, statement.relation, statement.objects) == (subject, relation, objects)
    assert tuple(statement.sources) == sources
    assert (statement.when.edtf() if statement.when else None) == when


@pytest.mark.parametrize(
    ("statement_id", "where"),
    [
        ("soleimani-supported-syrian-government", "syrian-civil-war"),
        ("soleimani-aided-hezbollah", "lebanon"),
        ("soleimani-efforts-against-isis-in-iraq", "iraq"),
        ("soleimani-efforts-against-isis-in-syria", "syria"),
        ("quds-force-took-on-al-qaeda-and-taliban", "afghanistan"),
        ("quds-force-coordinated-with-northern-alliance", "afghanistan"),
        ("soleimani-hailed-in-iran", "iran"),
        ("soleimani-hailed-as-symbol", "iran"),
    ],
)
def test_where_statements_happened(library: Library, statement_id: str, where: str) -> None:
    assert fact(library, statement_id).where == where


# ---------------------------------------------------------------------------
# Facts and claims with a text value


@pytest.mark.parametrize(
    ("statement_id", "subject", "relation", "text"),
    [
        ("soleimani-assassinated-by-drone-strike", "soleimani", "assassinated_by", "a U.S. drone strike"),
        (
            "gulf-crisis-began-with-withdrawal",
            "persian-gulf-crisis",
            "began_with",
            "the U.S. withdrawal from the 2015 nuclear deal with Iran",
        ),
        (
            "assassination-sovereignty-questions",
            "assassination",
            "raised_questions_about",
            "the sovereignty of Iraq",
        ),
        (
            "assassination-strained-iraq-us-relations",
            "assassination",
            "strained_relationship_between",
            "Iraq and the United States",
        ),
        (
            "assassination-sparked-debates",
            "assassination",
            "sparked_debates_about",
            "the use of targeted killings in international relations and the boundaries of state actions in the pursuit of national security objectives",
        ),
        ("pmf-mostly-shia", "pmf", "religious_makeup", "mostly Shia"),
        (
            "revenge-vows-security-concerns",
            "iran",
            "revenge_vows_led_to",
            "heightened security concerns in the region",
        ),
        (
            "quds-force-coordinated-ahead-of-us-invasion",
            "quds-force",
            "coordinated_with_northern_alliance_ahead_of",
            "the US invasion",
        ),
        (
            "tehran-court-defendants-charged",
            "tehran-court",
            "defendants_charged_with",
            "conspiring to assassinate the Quds Force commander",
        ),
        ("tehran-court-damages", "tehran-court", "compensation_for", "material, moral and punitive damages"),
        ("tehran-court-class-action", "tehran-court", "ruled_as_part_of", "a class action lawsuit"),
        ("pompeo-secretary-of-state", "pompeo", "position", "Secretary of State"),
        (
            "iran-pursued-us-officials",
            "iran",
            "sought_to_pursue_us_officials_using",
            "international judicial and legal venues",
        ),
        ("interpol-refused", "interpol", "refused_to_help_citing", 'the case\'s "political" nature'),
        (
            "tehran-threatened-us-officials",
            "tehran",
            "threatened_after_death",
            "target US officials directly in a tit-for-tat, eye-for-an-eye manner",
        ),
        ("soleimani-humble-origins", "soleimani", "journey_began_with", "humble origins"),
        ("soleimani-reputation", "soleimani", "reputation_for", "bravery and strategic prowess"),
        ("quds-force-renowned-for", "quds-force", "renowned_for", "its extraterritorial operations"),
        ("soleimani-central-figure", "soleimani", "central_figure_in", "Middle Eastern geopolitics"),
        (
            "soleimani-acumen-pivotal",
            "soleimani",
            "strategic_acumen_pivotal_in",
            "extending Iran's influence across the Middle East",
        ),
        ("soleimani-polarizing-figure", "soleimani", "seen_internationally_as", "a polarizing figure"),
        ("assassination-escalation", "assassination", "escalation_in", "U.S.-Iran tensions"),
        ("soleimani-hailed-in-iran", "soleimani", "hailed_as", "a hero and a martyr"),
        (
            "soleimani-hailed-as-symbol",
            "soleimani",
            "hailed_as_symbol_of",
            "resistance against foreign intervention",
        ),
        ("soleimani-vision-impact", "soleimani", "strategic_vision_impact_on", "Iran's regional policies"),
        (
            "soleimani-militia-role-pivotal",
            "soleimani",
            "militia_role_pivotal_in",
            "shaping the regional power dynamics",
        ),
        (
            "us-designation-reason",
            "soleimani",
            "designated_terrorist_due_to",
            "his role in orchestrating attacks against American and other international targets",
        ),
        (
            "us-justification",
            "assassination",
            "justified_as",
            "a response to an imminent threat and a series of escalating attacks attributed to Iran",
        ),
        (
            "assassination-viewed-as-necessary",
            "assassination",
            "viewed_as",
            "a necessary step in countering Iran's influence and preventing future attacks",
        ),
        (
            "assassination-viewed-as-provocative",
            "assassination",
            "viewed_as",
            "a provocative action that undermined international law and escalated regional tensions",
        ),
        (
            "quds-force-described-by-sputnik",
            "quds-force",
            "is_described_as",
            "the IRGC's elite foreign operations formation",
        ),
        ("invasion-left-israel-bloody-nose", "invasion-of-lebanon", "left_israel_with", "a bloody nose"),
        (
            "invasion-forced-ceasefire",
            "invasion-of-lebanon",
            "forced_israel_to_sign",
            "a humiliating ceasefire",
        ),
        (
            "syria-mission-described-by-sputnik",
            "iran-syria-mission",
            "is_described_as",
            "a counterterrorism advise and support mission",
        ),
        ("pmf-instrumental-against-isis", "pmf", "instrumental_in", "the ground operations to crush ISIS"),
        (
            "quds-force-credited-against-takfiri-extremism",
            "quds-force",
            "credited_with_freeing_communities_from",
            "the scourge of Takfiri extremism",
        ),
        ("us-imperialism-global-arrogance", "us-imperialism", "colloquially_known_as", "Global Arrogance"),
        (
            "tehran-gave-up-targeting",
            "tehran",
            "gave_up_after_failing_to_find",
            "any American commander or political leader of equal value",
        ),
    ],
)
def test_text_statements(library: Library, statement_id: str, subject: str, relation: str, text: str) -> None:
    statement = fact(library, statement_id)
    assert (statement.subject, statement.relation, statement.text) == (subject, relation, text)


def test_takfiri_extremism_is_accepted_without_the_scourge(library: Library) -> None:
    assert "Takfiri extremism" in fact(library, "quds-force-credited-against-takfiri-extremism").accept


def test_mostly_shia_keeps_its_qualifier_in_every_accepted_answer(library: Library) -> None:
    statement = fact(library, "pmf-mostly-shia")
    for answer in (statement.text, *statement.accept):
        assert answer.split()[0] in {"mostly", "mainly", "predominantly"}, answer


# ---------------------------------------------------------------------------
# Numbers: kept with the source's qualifier, never totalled


@pytest.mark.parametrize(
    ("statement_id", "value", "qualifier", "currency", "when", "text"),
    [
        ("advisers-killed-in-battle", 13, Qualifier.AT_LEAST, None, "2014/2017", "at least 13"),
        ("tehran-court-compensation", 50e9, Qualifier.ABOUT, "USD", "2023-39", "nearly $50 billion"),
        ("iran-interpol-attempts", 2, Qualifier.EXACT, None, None, "two"),  # the source: "twice"
        ("regional-conflict-seven-fronts", 7, Qualifier.EXACT, None, None, "seven"),  # "seven-front war"
    ],
)
def test_quantities(
    library: Library,
    statement_id: str,
    value: float,
    qualifier: Qualifier,
    currency: str | None,
    when: str | None,
    text: str,
) -> None:
    statement = fact(library, statement_id)
    assert statement.quantity is not None
    assert (statement.quantity.value, statement.quantity.qualifier) == (value, qualifier)
    assert statement.quantity.currency == currency
    assert statement.quantity.text == text
    assert (statement.when.edtf() if statement.when else None) == when


def test_advisers_killed_quotes_at_least_13_between_2014_and_2017(library: Library) -> None:
    assert quoted(
        fact(library, "advisers-killed-in-battle"), "with at least 13 killed in battle between 2014-2017"
    )


@pytest.mark.parametrize(
    "statement_id",
    [
        "tehran-court-held-responsible",
        "tehran-court-ordered-us-government-to-pay",
        "iran-interpol-warrants-against",
        "quds-force-credited-saving-minorities",
    ],
)
def test_partial_lists_are_open_sets(library: Library, statement_id: str) -> None:
    assert fact(library, statement_id).open_set is True


@pytest.mark.parametrize(
    "statement_id",
    ["soleimani-sanctioned", "quds-force-took-on-al-qaeda-and-taliban", "axis-bogged-down-israel-and-us"],
)
def test_complete_lists_are_closed_sets(library: Library, statement_id: str) -> None:
    assert fact(library, statement_id).open_set is False


def test_the_court_list_is_never_totalled(library: Library) -> None:
    held = fact(library, "tehran-court-held-responsible")
    assert quoted(held, "the CIA and 38 other individuals, organizations and entities")
    for statement in library.statements_with_relations():
        if statement.quantity is not None:
            assert statement.quantity.value not in (38, 42), statement.id


# ---------------------------------------------------------------------------
# The two sources' own wordings, kept apart


def test_quds_force_command_one_statement_per_source(library: Library) -> None:
    biography = fact(library, "soleimani-quds-force-commander-by-1998")
    sputnik = fact(library, "soleimani-took-command-of-quds-force")
    assert biography.sources == ("biography",)
    assert sputnik.sources == ("sputnik",)
    assert quoted(biography, "By 1998, he had risen to become the commander of the IRGC’s Quds Force")
    assert quoted(
        sputnik,
        "Soleimani took command of the IRGC’s elite foreign operations formation, the Quds Force, in 1998",
    )
    assert biography.when.edtf() == sputnik.when.edtf() == "1998"
    assert biography.relation != sputnik.relation
    assert event(library, "soleimani-takes-command-of-quds-force").sources == ("sputnik",)


def test_rising_through_the_ranks_is_one_fact_both_articles_state(library: Library) -> None:
    """Asked once, as fact: the biography states it too, so it is not Sputnik's claim alone."""
    rose = fact(library, "soleimani-rose-through-ranks")
    assert quoted(rose, "quickly advanced through the ranks")
    assert quoted(rose, "rising through the ranks as a young commander")
    assert attribution(library, rose) is None


def test_the_axis_of_resistance_has_two_attributed_descriptions(library: Library) -> None:
    descriptions = [
        c for c in library.claims if c.subject == "axis-of-resistance" and c.relation == "is_described_as"
    ]
    assert {c.id: c.sources for c in descriptions} == {
        "axis-described-by-biography": ("biography",),
        "axis-described-by-sputnik": ("sputnik",),
    }
    assert fact(library, "axis-described-by-biography").text.startswith("a network of Iranian-backed forces")
    assert fact(library, "axis-described-by-sputnik").text.startswith(
        "a loose alliance of countries and militias"
    )
    assert not [
        f for f in library.facts if f.subject == "axis-of-resistance" and f.relation == "is_described_as"
    ]


# ---------------------------------------------------------------------------
# Who says it


@pytest.mark.parametrize(
    ("claim_id", "source", "by"),
    [
        ("hamas-tunnels-brainchild", "sputnik", "a senior Hamas representative"),
        ("us-designation-reason", "biography", "the United States"),
        ("us-justification", "biography", "the United States"),
        ("assassination-viewed-as-necessary", "biography", "some"),
        ("assassination-viewed-as-provocative", "biography", "others"),
        ("soleimani-reputation", "biography", None),
        ("soleimani-acumen-pivotal", "biography", None),
        ("soleimani-militia-role-pivotal", "biography", None),
        ("soleimani-hailed-in-iran", "biography", None),
        ("axis-described-by-biography", "biography", None),
        ("axis-described-by-sputnik", "sputnik", None),
        ("invasion-left-israel-bloody-nose", "sputnik", None),
        ("quds-force-credited-against-takfiri-extremism", "sputnik", None),
        ("tehran-gave-up-targeting", "sputnik", None),
    ],
)
def test_claims_name_their_holder(library: Library, claim_id: str, source: str, by: str | None) -> None:
    claim = fact(library, claim_id)
    assert claim.is_claim
    assert claim.sources == (source,)
    assert claim.by == by


def test_every_claim_has_exactly_one_source(library: Library) -> None:
    for claim in library.claims:
        assert claim.is_claim, claim.id
        assert len(claim.sources) == 1, claim.id


def test_statements_that_quote_a_named_holder_carry_by(library: Library) -> None:
    holders = {
        "senior Hamas representative saying": "a senior Hamas representative",
        "The U.S. justified": "the United States",
        "due to his role in orchestrating attacks": "the United States",
    }
    for words, by in holders.items():
        statements = [s for s in library.statements_with_relations() if quoted(s, words)]
        assert statements, words
        assert all(s.is_claim and s.by == by for s in statements), words


def test_sputnik_only_statements_are_asked_as_sputniks(library: Library) -> None:
    sputnik_only = [
        s for s in (*library.facts, *library.claims, *library.events) if tuple(s.sources) == ("sputnik",)
    ]
    assert len(sputnik_only) > 40
    assert all(library.sources[s].opinion for st in sputnik_only for s in st.sources)
    assert not library.sources["biography"].opinion


@pytest.mark.parametrize(
    "words",
    [
        # Sputnik's evaluative wording (CONTENT.md)
        "bloody nose",
        "humiliating ceasefire",
        "widely credited",
        "US imperialism",
        "seven-front war",
        "successfully bogged down",
        "gave up on the idea",
        "counterterrorism advise and support mission",
        # the biography's evaluations and the positions it reports
        "bravery and strategic prowess",
        "pivotal",
        "hailed as a hero and a martyr",
        "due to his role in orchestrating attacks",
        "imminent threat",
    ],
)
def test_evaluative_wording_is_only_ever_a_claim(library: Library, words: str) -> None:
    claims = [c for c in library.claims if quoted(c, words)]
    assert claims, f"no claim carries {words!r}"
    for statement in library.facts:
        assert normalise(words) not in normalise(statement.text or ""), statement.id
        assert not any(normalise(words) in normalise(library.entities[o].name) for o in statement.objects)
    for happened in library.events:
        assert normalise(words) not in normalise(happened.title), happened.id


# ---------------------------------------------------------------------------
# No date where the text gives none


@pytest.mark.parametrize(
    "statement_id",
    [
        "quds-force-coordinated-with-northern-alliance",  # "ahead of the US invasion"
        "quds-force-coordinated-ahead-of-us-invasion",
        "interpol-refused",
        "soleimani-sanctioned",
        "soleimani-designated-terrorist",
        "us-designation-reason",
        "quds-force-assisted-hezbollah",  # "in the years leading up to the 2006 ... invasion"
        "quds-force-assisted-hezbollah-before-invasion",
        "quds-force-took-on-al-qaeda-and-taliban",
        "tehran-threatened-us-officials",
        "tehran-gave-up-targeting",
    ],
)
def test_undated_statements_carry_no_date(library: Library, statement_id: str) -> None:
    statement = fact(library, statement_id)
    assert statement.when is None
    assert statement.date is None


@pytest.mark.parametrize(
    "words",
    [
        "Northern Alliance",
        "Interpol refused",
        "faced sanctions",
        "designated a terrorist",
        "Provided Hezbollah",
        "aiding Hezbollah",
        "gave up on the idea",
    ],
)
def test_no_event_is_built_from_undated_statements(library: Library, words: str) -> None:
    assert not [e.id for e in library.events if quoted(e, words)]


def test_hezbollah_training_is_not_dated_2006(library: Library) -> None:
    assert not [e.id for e in library.events if "hezbollah" in e.participants]
    in_2006 = [e for e in library.events if e.date.edtf() == "2006"]
    assert [e.id for e in in_2006] == ["israeli-invasion-of-lebanon"]
    assert set(in_2006[0].participants) == {"israel"}
    for statement in library.statements_with_relations():
        if "hezbollah" in statement.objects or statement.subject == "hezbollah":
            assert statement.when is None, statement.id


def test_only_events_and_facts_the_text_dates_carry_dates(library: Library) -> None:
    dated = {s.id: s.when.edtf() for s in library.statements_with_relations() if s.when is not None}
    assert dated == {
        "soleimani-joined-irgc": "1979",
        "soleimani-quds-force-commander-by-1998": "1998",
        "soleimani-took-command-of-quds-force": "1998",
        "soleimani-killed-in-baghdad": "2020-01-03",
        "soleimani-assassinated-by-drone-strike": "2020-01-03",
        "us-withdrew-from-nuclear-deal": "2018",
        "quds-force-took-charge-of-syria-mission": "2012",
        "soleimani-lobbied-russia": "2015",
        "advisers-killed-in-battle": "2014/2017",
        "tehran-court-compensation": "2023-39",
        "tehran-court-ordered-us-government-to-pay": "2023-39",
    }


def test_accepted_answers_are_whole_answers(library: Library) -> None:
    """A comma in a flow list splits an answer: "material, moral and punitive damages" must not accept "moral"."""
    compensation = fact(library, "tehran-court-damages")
    assert compensation.accept == ("material, moral, and punitive damages",)


def test_both_contested_views_of_the_assassination_are_asked(library: Library) -> None:
    """Only the "some" view was asked: the "others" view's whole text stood in its quote and was too
    long to recall, so its cloze was dropped. Each now blanks the short form of its view."""
    import random

    from quizgen.questions.generate import generate

    clozes = {
        q.fact_id: q.cloze
        for q in generate(library, random.Random(0), present_year=2026)
        if q.cloze is not None and q.fact_id.startswith("assassination-viewed-as")
    }
    assert clozes["assassination-viewed-as-necessary"].key == "a necessary step"
    provocative = clozes["assassination-viewed-as-provocative"]
    assert provocative.key == "a provocative action"
    assert provocative.after.startswith(" that undermined international law")


def test_a_list_answer_reads_as_a_phrase_and_is_typed_without_its_articles(library: Library) -> None:
    """ "al-Qaeda and Taliban", "Israel and United States": a list is read as a phrase."""
    import random

    from quizgen.questions.answers import check_typed
    from quizgen.questions.generate import generate

    by_id = {q.id: q for q in generate(library, random.Random(0), present_year=2026)}
    took_on = by_id["quds-force-took-on-al-qaeda-and-taliban:took-on:typed"]
    assert took_on.answer == "al-Qaeda and the Taliban"
    assert check_typed(took_on, "Taliban and al-Qaeda").correct
    sanctions = by_id["soleimani-sanctioned:sanctioned-by:typed"]
    assert sanctions.answer == "the United Nations and the European Union"
    assert check_typed(sanctions, "United Nations and European Union").correct


def test_every_place_that_names_sputnik_says_it_carries_opinion(library: Library) -> None:
    """The Anki card said "Sputnik (opinion)"; the app's feedback and Moodle, GIFT and Canvas said
    "Source: Sputnik", as if it were any source."""
    import random

    from quizgen.questions.generate import generate

    questions = generate(library, random.Random(0), present_year=2026)
    sputnik = [q for q in questions if [ref.id for ref in q.sources] == ["sputnik"]]
    assert sputnik
    assert all(q.source_line() == "Source: Sputnik (opinion)" for q in sputnik)
    plain = next(q for q in questions if [ref.id for ref in q.sources] == ["biography"])
    assert "(opinion)" not in plain.source_line()
