"""Questions from facts and claims, through their relation's templates.

For each template we first work out what is asked (``Asked``): the key, what
else is correct, the stem. Each kind then builds on that, or declines when it
cannot be honest (no multiple choice for an open set, no true/false swap
without a certainly wrong value).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from quizgen.facts.dates import HistoricalDate, Precision
from quizgen.facts.model import Fact, Kind, Qualifier, Quantity, Relation, Template

from .context import Context
from .distractors import quantity_label
from .model import Cloze, Question, SourceRef
from .normalise import contains_any_phrase, normalise
from .wording import asks_when, capitalise, compose, date_option, fact_slots, fill, how_many, listing, which

YEAR_GUESS_PRECISIONS = (Precision.DAY, Precision.MONTH, Precision.PART, Precision.YEAR)
MAX_CLOZE_QUOTE = 320
MIN_CLOZE_QUOTE_WORDS = 8  # a shorter quote is a fragment: the relation's own sentence reads better
MAX_RECALL_WORDS = 8  # longer answers are recognised, not recalled: no typed or cloze question
# a choice of two is a true/false in disguise, and the stem's words often pick it ("Which government
# did he support in the Syrian Civil War?" — Syrian government or US government)
MIN_CHOICES = 3


@dataclass(frozen=True, slots=True)
class Asked:
    """What a template asks of one fact."""

    target: str  # object, subject or when
    answer_kind: str  # entity, date, quantity or text
    key: str
    accepted: tuple[str, ...]
    stem: str  # attributed, before a kind changes it
    voice: str | None
    statement: str  # the true statement, attributed: shown after answering
    slots: dict[str, str]  # the fact's slots, filled once and copied by the kinds that change one
    leaks: bool  # the stem names the key or an accepted answer: only kinds that hide the stem may ask
    correct: frozenset[str] = frozenset()  # entity ids that answer it
    strict_kind: bool = False  # the stem names the kind ("Which force"): options must be of it
    wrong_pool_exclude: frozenset[str] = frozenset()  # entity ids never offered as wrong
    date: HistoricalDate | None = None
    quantity: Quantity | None = None
    open_set: bool = False
    entity_type: str | None = None  # the key entity's type, for an entity answer
    loose: tuple[str, ...] = ()  # of ``accepted``, the forms a stem may name ("Kerman")


def fact_questions(ctx: Context, fact: Fact) -> Iterator[Question]:
    relation = ctx.library.relations[fact.relation]
    statement: str | None = None
    filled: dict[str, str] = {}
    for template in relation.templates:
        wanted = [k for k in template.kinds if k in ctx.kinds]
        if relation.many and template.ask == "object":  # another club he joined would be "wrong"
            wanted = [k for k in wanted if k not in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)]
        if not wanted:
            continue
        if statement is None:  # once per fact, shared by its templates
            filled = fact_slots(ctx.library, fact)
            statement = compose(relation.statement, filled, ctx.answers.voice(fact))
        asked = _asked(ctx, fact, template, filled, statement)
        if asked is None:
            continue
        # one generator per statement and template: its questions stay stable when other facts change
        rng = ctx.rng(f"{fact.id}:{template.id}")
        for kind in wanted:
            question_id = f"{fact.id}:{template.id}:{kind}"  # a StrEnum formats as its value
            build = _BUILDERS.get(kind)
            if build is None:
                continue
            question = build(ctx, fact, relation, template, asked, question_id, rng)
            if question is not None and _honest(question, asked):
                yield question


@dataclass(frozen=True, slots=True)
class _Key:
    """The answer a template asks for, before the stem is worded."""

    answer_kind: str
    key: str
    which: str  # the question word: "Who", "Which force", "When", "How many"
    accepted: tuple[str, ...] = ()
    correct: frozenset[str] = frozenset()
    wrong_pool_exclude: frozenset[str] = frozenset()
    date: HistoricalDate | None = None
    quantity: Quantity | None = None
    open_set: bool = False
    loose: tuple[str, ...] = ()  # typed answers accepted too, never held against a stem ("Kerman")


def _asked(
    ctx: Context, fact: Fact, template: Template, filled: dict[str, str], statement: str
) -> Asked | None:
    """``filled`` are the fact's slots and ``statement`` its true sentence, worked out once per fact."""
    answer = _KEYS[template.ask](ctx, fact, template)
    if answer is None:
        return None
    slots = dict(filled)
    slots[_SLOT[template.ask]] = ""
    if fact.quantity is not None:
        slots["how_many"] = how_many(fact.quantity)
    slots["Which"] = answer.which
    slots["which"] = answer.which[:1].lower() + answer.which[1:]
    strict = False
    entity_type = None
    if answer.answer_kind == "entity":
        key_entity = ctx.library.entities[min(answer.correct)]
        strict = key_entity.kind is not None and "{which}" in template.question.lower()
        entity_type = key_entity.type
    voice = ctx.answers.voice(fact)
    stem = compose(template.question, slots, voice, answer.date)
    accepted = tuple(a for a in answer.accepted if normalise(a) != normalise(answer.key))
    return Asked(
        target=template.ask,
        answer_kind=answer.answer_kind,
        key=answer.key,
        accepted=accepted + answer.loose,
        stem=stem,
        voice=voice,
        statement=statement,
        slots=filled,
        leaks=names_an_answer(stem, (answer.key, *accepted)),
        correct=answer.correct,
        strict_kind=strict,
        wrong_pool_exclude=answer.wrong_pool_exclude,
        date=answer.date,
        quantity=answer.quantity,
        open_set=answer.open_set,
        entity_type=entity_type,
        loose=answer.loose,
    )


def _object_key(ctx: Context, fact: Fact, template: Template) -> _Key | None:
    """ "Where was X born?": the fact's value, when the library gives no other in this voice."""
    if ctx.answers.objects(fact, template) is None:
        return None
    library = ctx.library
    if fact.objects:
        entities = [library.entities[o] for o in fact.objects]
        return _Key(
            "entity",
            # a list reads as a phrase, articles and all: "al-Qaeda and the Taliban"
            listing(
                [e.display if len(entities) > 1 or fact.open_set else e.name for e in entities], fact.open_set
            ),
            which(entities[0]),
            accepted=tuple(label for e in entities for label in e.labels),
            loose=tuple(short for e in entities if (short := ctx.short_name(e.id)) is not None),
            correct=frozenset(fact.objects),
            wrong_pool_exclude=frozenset(ctx.answers.all_objects(fact) | {fact.subject}),
            open_set=fact.open_set,
        )
    if fact.date is not None:
        return _Key("date", fact.date.label(), "When", date=fact.date)
    if fact.quantity is not None:
        return _Key(
            "quantity",
            fact.quantity.text,
            capitalise(how_many(fact.quantity)),
            accepted=(quantity_label(fact.quantity),),
            quantity=fact.quantity,
        )
    return _Key("text", fact.text or "", "What", accepted=fact.accept)


def _subject_key(ctx: Context, fact: Fact, template: Template) -> _Key | None:
    """ "Who was born in Qanat-e Malek?": only when exactly one subject fits."""
    subjects = ctx.answers.subjects(fact, template)
    if subjects is None:
        return None
    subject = ctx.library.entities[fact.subject]
    return _Key(
        "entity",
        subject.name,
        which(subject),
        accepted=subject.aliases,
        correct=subjects,
        wrong_pool_exclude=frozenset(ctx.answers.all_subjects(fact) | set(fact.objects)),
    )


def _when_key(ctx: Context, fact: Fact, template: Template) -> _Key | None:
    """ "When did X join Y?": the fact's own date, when every statement of it agrees."""
    when = ctx.answers.when(fact, template)
    return None if when is None else _Key("date", when.label(), "When", date=when)


_KEYS = {"object": _object_key, "subject": _subject_key, "when": _when_key}


def _base(ctx: Context, fact: Fact, template: Template, asked: Asked, question_id: str, kind: Kind) -> dict:
    """The fields every kind shares; a builder overrides what its kind changes."""
    return {
        "id": question_id,
        "kind": kind,
        "stem": asked.stem,
        "answer": asked.key,
        "statement_ids": (fact.id,),
        "template_id": template.id,
        "sources": ctx.sources(fact),
        "accepted": asked.accepted,
        "answer_kind": asked.answer_kind,
        "date": asked.date,
        "quantity": asked.quantity,
        "attribution": asked.voice,
        "statement": asked.statement,
        "quotes": fact.quotes,
        "tags": fact.tags,
        "entity_type": asked.entity_type,
    }


def _recallable(text: str) -> bool:
    return len(text.split()) <= MAX_RECALL_WORDS


def _typed(ctx, fact, relation, template, asked, question_id, rng) -> Question | None:
    if not any(_recallable(form) for form in (asked.key, *asked.accepted)):
        return None
    return Question(**_base(ctx, fact, template, asked, question_id, Kind.TYPED), within=_within(ctx, asked))


def _within(ctx: Context, asked: Asked) -> tuple[str, ...]:
    """Every name of the places around a place answer, nearest first, short names too: a student
    may write "Baghdad, Iraq" or "Qanat-e Malek, Kerman" as an address is written."""
    if asked.answer_kind != "entity" or asked.entity_type != "place" or len(asked.correct) != 1:
        return ()
    library = ctx.library
    names: list[str] = []
    for around in library.ancestors(next(iter(asked.correct))):
        names.extend(library.entities[around].labels)
        short = ctx.short_name(around)
        if short is not None:
            names.append(short)
    return tuple(names)


_COUNTS = {2: "the two", 3: "the three", 4: "the four"}
_BOUNDS = {Qualifier.AT_LEAST: 1, Qualifier.AT_MOST: -1}  # the side where a bound's wrong values lie


def _multiple_choice(ctx, fact, relation, template, asked, question_id, rng) -> Question | None:
    if asked.open_set:
        return None  # any person might be among "the 38 others": no option is surely wrong
    accepted = asked.accepted
    if asked.answer_kind == "entity":
        key_id = rng.choice(sorted(asked.correct)) if len(asked.correct) > 1 else next(iter(asked.correct))
        wrong = ctx.distractors.entities(
            key_id,
            asked.correct | asked.wrong_pool_exclude,
            rng,
            strict=asked.strict_kind,
            told_of=_asks_who(ctx, key_id),
        )
        key = ctx.library.entities[key_id].name
        accepted = ctx.answer_labels(key_id)  # the chosen entity's names, not its fellows'
        options = [key, *(ctx.library.entities[w].name for w in wrong)]
    elif asked.answer_kind == "date" and asked.date is not None:
        same_year = asked.date.question_phrase().startswith("In which month of")
        wrong_dates = ctx.distractors.dates(
            asked.date, ctx.answers.other_dates(fact), rng, same_year=same_year
        )
        key = date_option(asked.date, same_year)
        options = [key, *(date_option(d, same_year) for d in wrong_dates)]
    elif asked.answer_kind == "quantity" and asked.quantity is not None:
        if asked.quantity.qualifier in _BOUNDS:
            return None  # "at least 13": a lower option is true too, and with none lower 13 is the least
        key = quantity_label(asked.quantity)
        options = [key, *(q.text for q in ctx.distractors.quantities(asked.quantity, rng))]
    else:
        key = asked.key
        options = [key, *ctx.distractors.texts(fact.relation, _all_texts(ctx, fact, asked), rng)]
    if len(options) < MIN_CHOICES:
        return None
    base = _base(ctx, fact, template, asked, question_id, Kind.MULTIPLE_CHOICE)
    if asked.answer_kind == "text" and _echoes_the_stem(base["stem"], key, options[1:]):
        return None
    if asked.answer_kind == "entity" and len(asked.correct) > 1:  # "Who crewed Apollo 11?" offers one
        base["stem"] = f"{base['stem']} One of {_COUNTS.get(len(asked.correct), 'several')} is listed."
    base["answer"] = key
    base["accepted"] = tuple(a for a in accepted if normalise(a) != normalise(key))
    rng.shuffle(options)
    return Question(**base, options=tuple(options), answer_index=options.index(key))


_COMMON = frozenset(
    {
        "about",
        "according",
        "after",
        "also",
        "been",
        "before",
        "from",
        "have",
        "into",
        "more",
        "most",
        "other",
        "over",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "under",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
    }
)


def _words(text: str) -> set[str]:
    """The words that carry meaning: no "with" or "from" to single an option out."""
    return {word for word in normalise(text).split() if len(word) > 3 and word not in _COMMON}


def _asks_who(ctx: Context, key_id: str) -> bool:
    """Whether the answer is a person: the wrong options are then people the library tells of, not
    people it only names, or a subject about one person always has that person for its answer
    ("Who commanded the Quds Force?" against two men named once)."""
    return ctx.library.entities[key_id].type == "person"


def _echoes_the_stem(stem: str, key: str, wrong: Sequence[str]) -> bool:
    """The key alone repeats a word of the question ("How is Iran's mission in Syria described?" —
    only "a counterterrorism advise and support mission" says "mission"): it picks itself out."""
    echoed = _words(stem) & _words(key)
    return bool(echoed) and not any(echoed & _words(option) for option in wrong)


def _true_false(ctx, fact, relation, template, asked, question_id, rng) -> Question | None:
    if asked.open_set or len(fact.objects) > 1:
        return None
    slots = dict(asked.slots)
    truth = ctx.next_truth(rng)
    if not truth:
        swapped = _swap(ctx, fact, asked, rng)
        if swapped is None:
            ctx.truths[0] -= 1
            ctx.truths[1] += 1
            truth = True
        else:
            slots[_SLOT[asked.target]] = swapped
    shown = compose(relation.statement, slots, asked.voice)
    base = _base(ctx, fact, template, asked, question_id, Kind.TRUE_FALSE)
    base.update(
        stem=f"True or false: {shown}",
        answer="True" if truth else "False",
        accepted=(),
        answer_kind="boolean",
        entity_type=None,
    )
    return Question(**base, options=("True", "False"), answer_index=0 if truth else 1)


_SLOT = {"object": "object", "subject": "subject", "when": "when"}


def _swap(ctx: Context, fact: Fact, asked: Asked, rng: random.Random) -> str | None:
    """A certainly wrong value of the same type, as it reads in the statement."""
    library = ctx.library
    if asked.answer_kind == "entity":
        key_id = next(iter(sorted(asked.correct)))
        strict = library.entities[key_id].kind is not None  # "commanded the US government" is no test
        wrong = ctx.distractors.entities(
            key_id,
            asked.correct | asked.wrong_pool_exclude,
            rng,
            n=1,
            strict=strict,
            told_of=_asks_who(ctx, key_id),
        )
        return library.entities[wrong[0]].display if wrong else None
    if asked.answer_kind == "date" and asked.date is not None:
        dates = ctx.distractors.dates(asked.date, ctx.answers.other_dates(fact), rng, n=1)
        return dates[0].phrase() if dates else None
    if asked.answer_kind == "quantity" and asked.quantity is not None:
        values = ctx.distractors.quantities(  # "at least 7" would follow from "at least 13"
            asked.quantity, rng, n=1, side=_BOUNDS.get(asked.quantity.qualifier, 0)
        )
        if not values:
            return None
        return asked.quantity.text.replace(
            _number_text(asked.quantity.text), values[0].text.lstrip("$€£¥"), 1
        )
    texts = ctx.distractors.texts(fact.relation, _all_texts(ctx, fact, asked), rng, n=1)
    return texts[0] if texts else None


def _all_texts(ctx: Context, fact: Fact, asked: Asked) -> set[str]:
    """Every text the library gives for this subject and relation, in any voice: none is surely wrong."""
    group = ctx.library.by_subject_relation.get((fact.subject, fact.relation), ())
    return {asked.key, *asked.accepted, *(t for p in group for t in (p.text, *p.accept) if t)}


def _number_text(text: str) -> str:
    match = re.search(r"[\d,.]+(?:\s*(?:thousand|million|billion|trillion|bn|mn))?", text)
    return match.group() if match else text


def _cloze(ctx, fact, relation, template, asked, question_id, rng) -> Question | None:
    cloze = _quote_cloze(ctx, fact, asked) or _statement_cloze(ctx, fact, relation, asked)
    if cloze is None or not _recallable(cloze.key):
        return None
    base = _base(ctx, fact, template, asked, question_id, Kind.CLOZE)
    base.update(stem=cloze.text, answer=cloze.key)
    if normalise(cloze.key) != normalise(asked.key):
        others = (a for a in (asked.key, *asked.accepted) if normalise(a) != normalise(cloze.key))
        base["accepted"] = tuple(dict.fromkeys(others))
    return Question(**base, cloze=cloze, within=_within(ctx, asked))


def _quote_cloze(ctx: Context, fact: Fact, asked: Asked) -> Cloze | None:
    """The source's own sentence with the key blanked, when the key appears in it exactly once."""
    if asked.answer_kind == "date" or asked.target == "when":
        return None
    if asked.voice is None and any(ref.opinion for ref in ctx.sources(fact)):
        # a plain fact that an opinion source states too: a quote shown unattributed might be that
        # source's words ("the IRGC's elite foreign operations formation"); blank the relation's own
        return None
    surfaces = [asked.key, *asked.accepted] if not fact.objects or len(fact.objects) == 1 else []
    for quote in map(_quoted_within, fact.quotes):
        if len(quote) > MAX_CLOZE_QUOTE or len(quote.split()) < MIN_CLOZE_QUOTE_WORDS:
            continue
        span = _blank_in(quote, surfaces)
        if span is None:
            continue
        start, end = span
        opening = "“" if quote[:1].isupper() or not quote[:1].isalpha() else "“…"
        closing = "”" if quote.endswith((".", "!", "?", "’")) else "…”"
        about = _unnamed_side(ctx, fact, asked, quote[:start] + " " + quote[end:])
        if asked.voice:  # the source's own words, introduced by who says them
            opening = f"{_introduced(ctx.sources(fact), about)} {opening}"
        elif about:  # "…which played an instrumental role in ____…" says nothing of whom
            opening = f"On {about}: {opening}"
        return Cloze(opening + quote[:start], quote[start:end], quote[end:] + closing)
    return None


def _quoted_within(quote: str) -> str:
    """The quote's own double quotes as single ones, since the cloze puts it inside double quotes:
    “…for ‘____’”, not “…for “____””. One character for one, so the quote's spans still hold."""
    chars = list(quote.replace("“", "‘").replace("”", "’"))
    straight = [i for i, c in enumerate(chars) if c == '"']
    for n, i in enumerate(straight):
        chars[i] = "‘" if n % 2 == 0 else "’"
    return "".join(chars)


def _typographic(form: str) -> str:
    """A pattern for ``form`` as a source may print it: "IRGC's" stands as "IRGC’s" in a quote."""
    return re.escape(form).replace("'", "['’]").replace('"', '["“”]')


def _blank_in(quote: str, surfaces: Sequence[str]) -> tuple[int, int] | None:
    """Where the answer stands, once, in the quote: every form of it, merged; or, when that is
    too long to recall ("a provocative action that undermined international law and ..."), the
    shortest form that is not and stands there once ("a provocative action")."""

    def spans(forms: Iterable[str]) -> list[tuple[int, int]]:
        return _merged(
            m.span()
            for form in forms
            for m in re.finditer(rf"(?<!\w){_typographic(form)}(?!\w)", quote, re.IGNORECASE)
        )

    found = spans(surfaces)
    if len(found) != 1:  # not there, or there twice: blanking one would leave the other showing
        return None
    start, end = found[0]
    if _recallable(quote[start:end]):
        return found[0]
    for form in sorted((f for f in surfaces if _recallable(f)), key=len):
        alone = spans([form])
        if len(alone) == 1 and start <= alone[0][0] and alone[0][1] <= end:
            return alone[0]
    return found[0]


def _unnamed_side(ctx: Context, fact: Fact, asked: Asked, shown: str) -> str | None:
    """The entity the question is about, as a sentence names it, when the quoted words around the
    blank never name it (by any of its names): then the cloze says whom it is about."""
    given = (
        fact.subject
        if asked.target == "object"
        else (fact.objects or (None,))[0]
        if asked.target == "subject"
        else None
    )
    entity = ctx.library.entities.get(given) if given else None
    if entity is None:
        return None
    short = ctx.short_name(entity.id)
    names = (*entity.labels, short) if short else entity.labels
    shown = re.sub(r"[’']s\b", "", shown)  # "Qasem Soleimani’s leadership" names him
    return None if contains_any_phrase(shown, names) else entity.display


def _introduced(sources: Sequence[SourceRef], about: str | None = None) -> str:
    """Who says the quoted words: "Sputnik writes:", or, for an article known by its title alone,
    "In “Who is Qasem Soleimani?”:" (a title does not write); and of whom, when the words do not
    say it ("Sputnik writes of the Popular Mobilization Forces:")."""
    names = " and ".join(ref.name for ref in sources)
    if all(ref.name.startswith("“") for ref in sources):
        return f"In {names}, on {about}:" if about else f"In {names}:"
    verb = "writes" if len(sources) == 1 else "write"
    return f"{names} {verb} of {about}:" if about else f"{names} {verb}:"


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches (an alias inside the name) count as one occurrence."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _statement_cloze(ctx: Context, fact: Fact, relation: Relation, asked: Asked) -> Cloze | None:
    """The relation's sentence with the answer blanked (its article stays: "the ____")."""
    if asked.target == "object" and len(fact.objects) > 1:
        return None
    marker = "\x00"
    slots = dict(asked.slots)
    article = ""
    if asked.answer_kind == "date" and asked.date is not None:
        key = asked.date.label()
        slots[_SLOT[asked.target]] = asked.date.phrase().replace(key, marker)
    elif asked.answer_kind == "entity":
        entity = ctx.library.entities[min(asked.correct)]
        key, article = entity.name, f"{entity.article} " if entity.article else ""
        slots[_SLOT[asked.target]] = marker
        if entity.part_of is not None:  # "is in ____": the places around it would be true too
            if entity.kind is None:
                return None
            slots[_SLOT[asked.target]] = f"{marker} ({entity.kind})"
    else:
        key = asked.key
        slots[_SLOT[asked.target]] = marker
    text = compose(relation.statement, slots, asked.voice)
    if text.count(marker) != 1:
        return None
    before, after = text.split(marker)
    return Cloze(before + article if before else capitalise(article), key, after)


def _year_guess(ctx, fact, relation, template, asked, question_id, rng) -> Question | None:
    date = asked.date
    if date is None or date.is_range or date.precision not in YEAR_GUESS_PRECISIONS:
        return None
    slots = _unanswered(ctx, fact, asked)
    if not asks_when(fill(template.question, slots)):
        return None  # only a "When ...?" question can be asked as "In what year ...?"
    stem = compose(template.question, slots, asked.voice, date, year_only=True)
    base = _base(ctx, fact, template, asked, question_id, Kind.YEAR_GUESS)
    base.update(stem=stem, answer=str(date.year) if date.year > 0 else date.first.label(), accepted=())
    return Question(**base)


def _unanswered(ctx: Context, fact: Fact, asked: Asked) -> dict[str, str]:
    slots = dict(asked.slots)
    slots[_SLOT[asked.target]] = ""
    slots["Which"] = slots["which"] = "When"
    return slots


def _honest(question: Question, asked: Asked) -> bool:
    """The stem never gives away the key or an accepted answer.

    Unfilled slots cannot occur (the loader refuses unknown slots), so braces in
    a stem are the author's own text and stay. The stem shared by several kinds
    was checked once, when it was worded.
    """
    if "\x00" in question.stem:
        return False
    if question.kind is Kind.TRUE_FALSE:
        return True
    strict = [a for a in question.accepted if a not in asked.loose]
    if question.kind is Kind.CLOZE and question.cloze is not None:
        return not names_an_answer(
            question.cloze.before + " " + question.cloze.after, (question.cloze.key, *strict)
        )
    if question.stem == asked.stem:
        return not asked.leaks
    return not names_an_answer(question.stem, (question.answer, *strict))


def names_an_answer(text: str, answers: Iterable[str]) -> bool:
    """Whether the text names any of the answers (words of three letters or fewer are too common to tell)."""
    return contains_any_phrase(text, (answer for answer in answers if len(answer) > 2))


_BUILDERS = {
    Kind.TYPED: _typed,
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.TRUE_FALSE: _true_false,
    Kind.CLOZE: _cloze,
    Kind.YEAR_GUESS: _year_guess,
}
