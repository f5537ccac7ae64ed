"""The Anki note types quizgen writes: frozen ids, frozen field and template names, one CSS.

Anki matches an imported note type by its id and then compares field and
template names: a renamed or added field makes Anki copy the note type and
refuse to update the notes already imported (they are logged as conflicting),
so a student would stop receiving corrections. Hence:

- a model id, once released, never changes (each was drawn at random once);
- field and template names never change; a change that needs new fields is a
  new note type with a new id and a new version in its name ("... v2");
- template text and CSS may change freely: Anki applies them when the
  package is newer than the copy in the collection.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import genanki

SOURCE = "Source"
QUESTION_ID = "Quizgen id"
MAX_OPTIONS = 6


@dataclass(frozen=True, slots=True)
class CardTemplate:
    name: str
    front: str
    back: str


@dataclass(frozen=True, slots=True)
class NoteType:
    """A note type as data; ``model()`` builds a fresh genanki object each time (genanki mutates it)."""

    model_id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[CardTemplate, ...]
    cloze: bool = False
    _names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_names", frozenset(self.fields))  # checked on every note

    def model(self) -> genanki.Model:
        return genanki.Model(
            self.model_id,
            self.name,
            fields=[{"name": name} for name in self.fields],
            templates=[{"name": t.name, "qfmt": t.front, "afmt": t.back} for t in self.templates],
            css=CSS,
            model_type=genanki.Model.CLOZE if self.cloze else genanki.Model.FRONT_BACK,
        )

    def values(self, fields: Mapping[str, str]) -> list[str]:
        """Field values in this type's order; a name it does not have is a bug, so it raises."""
        if not self._names.issuperset(fields):
            unknown = set(fields) - self._names
            raise KeyError(f"{self.name} has no field {', '.join(sorted(unknown))}")
        return [fields.get(name, "") for name in self.fields]


CSS = """\
.card {
  --qg-fg: #1f2328; --qg-bg: #fcfcfa; --qg-muted: #5c6370; --qg-line: #c8ccd2;
  --qg-accent: #1f5fae; --qg-good: #1b6e33; --qg-good-bg: #e2f3e5; --qg-panel: #f0f1f3;
  font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: var(--qg-fg); background-color: var(--qg-bg);
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --qg-fg: #e6e6e3; --qg-bg: #1d1f23; --qg-muted: #a3a9b3; --qg-line: #4a505a;
  --qg-accent: #7fb2f0; --qg-good: #8fd6a0; --qg-good-bg: #1f3a27; --qg-panel: #2a2d33;
}
.qg { max-width: 36em; margin: 0 auto; }
.qg-kind { font-size: 0.7em; letter-spacing: 0.06em; text-transform: uppercase; color: var(--qg-muted); }
.qg-question { font-weight: 600; margin: 0.3em 0 0.6em; }
.qg-answer { font-size: 1.1em; font-weight: 600; color: var(--qg-good); margin: 0.4em 0; }
.qg-accepted, .qg-extra, .qg-source { color: var(--qg-muted); font-size: 0.8em; margin: 0.5em 0; }
.qg-extra blockquote { margin: 0.4em 0 0; padding-left: 0.8em; border-left: 3px solid var(--qg-line); }
.qg-source a { color: var(--qg-accent); }
.cloze { font-weight: 700; color: var(--qg-accent); }
ol.qg-options { padding-left: 1.8em; }
ol.qg-options li { margin: 0.3em 0; padding: 0.15em 0.4em; border-radius: 4px; }
.qg-key-1 li[data-option="1"], .qg-key-2 li[data-option="2"], .qg-key-3 li[data-option="3"],
.qg-key-4 li[data-option="4"], .qg-key-5 li[data-option="5"], .qg-key-6 li[data-option="6"] {
  background-color: var(--qg-good-bg); color: var(--qg-good); font-weight: 700;
}
.qg-key-1 li[data-option="1"]::after, .qg-key-2 li[data-option="2"]::after,
.qg-key-3 li[data-option="3"]::after, .qg-key-4 li[data-option="4"]::after,
.qg-key-5 li[data-option="5"]::after, .qg-key-6 li[data-option="6"]::after { content: "  ✓"; }
ol.qg-items, ol.qg-order { padding-left: 1.8em; }
ol.qg-order .qg-date, ol.qg-timeline .qg-date { color: var(--qg-muted); font-variant-numeric: tabular-nums; }
ol.qg-timeline {
  list-style: none; margin: 0.8em 0; padding: 0.2em 0 0.2em 1.4em;
  border-left: 3px solid var(--qg-line); font-size: 0.9em;
}
ol.qg-timeline li { position: relative; margin: 0.5em 0; }
ol.qg-timeline li::before {
  content: ""; position: absolute; left: -1.4em; top: 0.35em; margin-left: -7px;
  width: 9px; height: 9px; border-radius: 50%;
  background-color: var(--qg-bg); border: 2px solid var(--qg-line);
}
ol.qg-timeline li.qg-now { font-weight: 700; }
ol.qg-timeline li.qg-now::before { background-color: var(--qg-accent); border-color: var(--qg-accent); }
ol.qg-timeline .qg-date { display: block; font-size: 0.85em; }
ol.qg-timeline li.qg-now .qg-date { color: var(--qg-accent); }
"""

_SOURCE_LINE = f'<div class="qg-source">Source: {{{{{SOURCE}}}}}</div>'
_EXTRA = '{{#Extra}}<div class="qg-extra">{{Extra}}</div>{{/Extra}}'

BASIC = NoteType(
    model_id=1335084038,
    name="quizgen Basic v1",
    fields=("Question", "Answer", "Extra", SOURCE, QUESTION_ID),
    templates=(
        CardTemplate(
            "Card 1",
            '<div class="qg"><div class="qg-question">{{Question}}</div></div>',
            '<div class="qg"><div class="qg-question">{{Question}}</div>\n<hr id="answer">\n'
            f'<div class="qg-answer">{{{{Answer}}}}</div>\n{_EXTRA}\n{_SOURCE_LINE}</div>',
        ),
    ),
)

# The Reverse card exists only when "Reverse question" is filled: Anki makes no
# card whose front renders empty.
TYPE_IN = NoteType(
    model_id=1890991479,
    name="quizgen Type-in v1",
    fields=(
        "Question",
        "Answer",
        "Also accepted",
        "Reverse question",
        "Reverse answer",
        "Reverse also accepted",
        "Extra",
        SOURCE,
        QUESTION_ID,
    ),
    templates=(
        CardTemplate(
            "Forward",
            '<div class="qg"><div class="qg-question">{{Question}}</div>\n{{type:Answer}}</div>',
            '<div class="qg"><div class="qg-question">{{Question}}</div>\n{{type:Answer}}\n<hr id="answer">\n'
            '<div class="qg-answer">{{Answer}}</div>\n'
            '{{#Also accepted}}<div class="qg-accepted">Also accepted: {{Also accepted}}</div>'
            f"{{{{/Also accepted}}}}\n{_EXTRA}\n{_SOURCE_LINE}</div>",
        ),
        CardTemplate(
            "Reverse",
            '{{#Reverse question}}<div class="qg"><div class="qg-question">{{Reverse question}}</div>\n'
            "{{type:Reverse answer}}</div>{{/Reverse question}}",
            '<div class="qg"><div class="qg-question">{{Reverse question}}</div>\n{{type:Reverse answer}}\n'
            '<hr id="answer">\n<div class="qg-answer">{{Reverse answer}}</div>\n'
            '{{#Reverse also accepted}}<div class="qg-accepted">Also accepted: {{Reverse also accepted}}'
            f"</div>{{{{/Reverse also accepted}}}}\n{_EXTRA}\n{_SOURCE_LINE}</div>",
        ),
    ),
)

CLOZE = NoteType(
    model_id=1107983579,
    name="quizgen Cloze v1",
    fields=("Text", "Back Extra", SOURCE, QUESTION_ID),
    templates=(
        CardTemplate(
            "Cloze",
            '<div class="qg"><div class="qg-question">{{cloze:Text}}</div></div>',
            '<div class="qg"><div class="qg-question">{{cloze:Text}}</div>\n'
            '{{#Back Extra}}<div class="qg-extra">{{Back Extra}}</div>{{/Back Extra}}\n'
            f"{_SOURCE_LINE}</div>",
        ),
    ),
    cloze=True,
)

# Shuffles the options on the front and replays the same order on the back,
# which Anki renders from {{FrontSide}} with this script in it. Without
# scripts the options stay in their fixed order and CSS marks the key.
SHUFFLE_SCRIPT = """\
<script>
(function () {
  var list = document.getElementById("qg-options");
  if (!list) { return; }
  var items = Array.prototype.slice.call(list.children);
  var store = "quizgen-order:" + (list.getAttribute("data-note") || "");
  var onBack = !!(list.closest && list.closest(".qg-back"));
  var order = null;
  if (onBack) {
    try { order = JSON.parse(window.sessionStorage.getItem(store) || "null"); } catch (e) { order = null; }
  } else {
    order = items.map(function (item, index) { return index; });
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = order[i]; order[i] = order[j]; order[j] = swap;
    }
    try { window.sessionStorage.setItem(store, JSON.stringify(order)); } catch (e) { /* no storage */ }
  }
  if (!order || order.length !== items.length) { return; }
  order.forEach(function (index) { list.appendChild(items[index]); });
})();
</script>"""

_OPTIONS = "\n".join(
    f'{{{{#Option {n}}}}}<li data-option="{n}">{{{{Option {n}}}}}</li>{{{{/Option {n}}}}}'
    for n in range(1, MAX_OPTIONS + 1)
)

MULTIPLE_CHOICE = NoteType(
    model_id=2015725969,
    name="quizgen Multiple choice v1",
    fields=(
        "Question",
        *(f"Option {n}" for n in range(1, MAX_OPTIONS + 1)),
        "Correct",
        "Answer",
        "Keep order",
        "Extra",
        SOURCE,
        QUESTION_ID,
    ),
    templates=(
        CardTemplate(
            "Choice",
            '<div class="qg"><div class="qg-question">{{Question}}</div>\n'
            f'<ol class="qg-options" id="qg-options" type="A" data-note="{{{{{QUESTION_ID}}}}}">\n'
            f"{_OPTIONS}\n</ol>\n{{{{^Keep order}}}}{SHUFFLE_SCRIPT}{{{{/Keep order}}}}</div>",
            '<div class="qg-back qg-key-{{Correct}}">{{FrontSide}}</div>\n'
            '<div class="qg">\n<hr id="answer">\n'
            f'<div class="qg-answer">{{{{Answer}}}}</div>\n{_EXTRA}\n{_SOURCE_LINE}</div>',
        ),
    ),
)

TIMELINE = NoteType(
    model_id=2070675948,
    name="quizgen Timeline v1",
    fields=("Question", "Answer", "Timeline", "Extra", SOURCE, QUESTION_ID),
    templates=(
        CardTemplate(
            "Date",
            '<div class="qg"><div class="qg-kind">Timeline</div>\n'
            '<div class="qg-question">{{Question}}</div></div>',
            '<div class="qg"><div class="qg-kind">Timeline</div>\n'
            '<div class="qg-question">{{Question}}</div>\n<hr id="answer">\n'
            '<div class="qg-answer">{{Answer}}</div>\n{{Timeline}}\n'
            f"{_EXTRA}\n{_SOURCE_LINE}</div>",
        ),
    ),
)

NOTE_TYPES: tuple[NoteType, ...] = (BASIC, TYPE_IN, CLOZE, MULTIPLE_CHOICE, TIMELINE)
