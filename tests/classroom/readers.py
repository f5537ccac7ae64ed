"""Readers that parse the exported files the way the platforms do, written for the tests.

They follow the platforms' documented parsing (Moodle's GIFT importer and
its cloze syntax), not quizgen's writers, so a file that only quizgen could
read back fails here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field, replace

from quizgen.questions.model import Question
from quizgen.textsafe import visible

# GIFT: Moodle replaces escaped specials with placeholders before parsing, and restores them after.
_GIFT_ESCAPES = {"\\:": ":", "\\#": "#", "\\=": "=", "\\{": "{", "\\}": "}", "\\~": "~", "\\n": "\n"}
_PLACEHOLDER = "\x00{}\x00"


def xml_shown(text: str) -> str:
    """Content as an XML format shows it: the control characters XML 1.0 forbids as visible escapes."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: visible(m.group()), text)


def shown(question: Question) -> Question:
    """The engine's question as XML can hold it: forbidden control characters as visible escapes."""
    return replace(
        question,
        stem=xml_shown(question.stem),
        answer=xml_shown(question.answer),
        accepted=tuple(xml_shown(a) for a in question.accepted),
        options=tuple(xml_shown(o) for o in question.options),
        statement=xml_shown(question.statement) if question.statement else question.statement,
        items=tuple(replace(i, label=xml_shown(i.label)) for i in question.items),
        sources=tuple(replace(r, citation=xml_shown(r.citation)) for r in question.sources),
        cloze=replace(question.cloze, before=xml_shown(question.cloze.before), key=xml_shown(question.cloze.key),
                      after=xml_shown(question.cloze.after)) if question.cloze else None,
    )  # fmt: skip


def with_control_characters(questions: list[Question]) -> list[str]:
    return [q.id for q in questions if q != shown(q)]


def html_to_text(markup: str) -> str:
    """What a student reads: ``<br>`` as a line break, our ``<p>`` wrappers dropped, entities decoded."""
    text = markup.replace("<br>", "\n").replace("</p><p>", "\n").removeprefix("<p>").removesuffix("</p>")
    assert "<" not in text, f"unexpected markup in {markup!r}"
    return html.unescape(text)


@dataclass
class GiftQuestion:
    idnumber: str | None
    name: str
    text_format: str | None
    text: str  # the question text, with "_____" where a missing word stood
    qtype: str
    answers: list[tuple[str, float]] = field(default_factory=list)  # (answer, fraction)
    tolerances: list[float] = field(default_factory=list)
    general_feedback: str = ""


def _pre(text: str) -> str:
    text = text.replace("\\\\", _PLACEHOLDER.format("bs"))
    for index, escaped in enumerate(_GIFT_ESCAPES):
        text = text.replace(escaped, _PLACEHOLDER.format(index))
    return text.replace(_PLACEHOLDER.format("bs"), "\\")


def _post(text: str) -> str:
    for index, character in enumerate(_GIFT_ESCAPES.values()):
        text = text.replace(_PLACEHOLDER.format(index), character)
    return text


def _with_format(text: str) -> tuple[str | None, str]:
    text = text.strip()
    match = re.match(r"\[(html|moodle|plain|markdown)\]", text)
    if match:
        return match.group(1), _post(text[match.end() :]).strip()
    return None, _post(text).strip()


def _weight(answer: str, default: float) -> tuple[float, str]:
    match = re.match(r"^%(-?[0-9]{1,3}(?:\.[0-9]*)?)%", answer)
    if match:
        return float(match.group(1)) / 100, answer[match.end() :]
    return default, answer


def parse_gift(source: str) -> tuple[list[str], list[GiftQuestion]]:
    """Categories and questions, split on blank lines as Moodle does."""
    categories: list[str] = []
    questions: list[GiftQuestion] = []
    for block in re.split(r"\n\s*\n", source):
        lines = block.strip("\n").split("\n")
        comments = [line for line in lines if line.strip().startswith("//")]
        body = "\n".join(line for line in lines if not line.strip().startswith("//")).strip()
        if not body:
            continue
        idnumber = next((m.group(1) for c in comments if (m := re.search(r"\[id:([^\]]+)\]", c))), None)
        text = _pre(body)
        if text.startswith("$CATEGORY:"):
            categories.append(text[len("$CATEGORY:") :].strip())
            continue
        name = ""
        if text.startswith("::"):
            end = text.index("::", 2)
            name, text = _post(text[2:end]), text[end + 2 :].strip()
        start, finish = text.index("{"), text.index("}")
        answer_text = text[start + 1 : finish].strip()
        if text.endswith("}"):
            question_text = text[:start] + text[finish + 1 :]
        else:
            question_text = text[:start] + "_____" + text[finish + 1 :]
        feedback = ""
        if "####" in answer_text:
            answer_text, feedback = answer_text.rsplit("####", 1)
            answer_text = answer_text.strip()
        text_format, question_text = _with_format(question_text)
        question = GiftQuestion(idnumber, name, text_format, question_text, "", [])
        question.general_feedback = _with_format(feedback)[1]
        _answers(question, answer_text)
        questions.append(question)
    return categories, questions


def _answers(question: GiftQuestion, answer_text: str) -> None:
    if answer_text.startswith("#"):
        question.qtype = "numerical"
        for part in filter(None, (p.strip() for p in answer_text[1:].split("="))):
            fraction, value = _weight(part, 1.0)
            centre, tolerance = value.split(":")
            question.answers.append((centre.strip(), fraction))
            question.tolerances.append(float(tolerance))
    elif "~" in answer_text:
        question.qtype = "multichoice"
        for part in filter(None, (p.strip() for p in answer_text.replace("=", "~=").split("~"))):
            if part.startswith("="):
                fraction, value = 1.0, part[1:]
            else:
                fraction, value = _weight(part, 0.0)
            question.answers.append((_with_format(value.split("#", 1)[0])[1], fraction))
    elif "=" in answer_text and "->" in answer_text:
        question.qtype = "match"
    elif answer_text.split("#", 1)[0].strip() in ("T", "TRUE", "F", "FALSE"):
        question.qtype = "truefalse"
        question.answers.append((answer_text.split("#", 1)[0].strip(), 1.0))
    else:
        question.qtype = "shortanswer"
        for part in filter(None, (p.strip() for p in answer_text.split("="))):
            fraction, value = _weight(part, 1.0)
            question.answers.append((_post(value.split("#", 1)[0]).strip(), fraction))


def unescape_wildcard(answer: str) -> str:
    """Moodle's short answers: ``\\*`` is a literal star (a bare ``*`` would match anything)."""
    assert not re.search(r"(?<!\\)\*", answer), f"an unescaped wildcard in {answer!r}"
    return answer.replace("\\*", "*")


# Moodle's cloze (multianswer) syntax, as its question type parses it.
_CLOZE = re.compile(r"\{([0-9]*):(SHORTANSWER|SA|MW|NUMERICAL|NM|MULTICHOICE|MC):((?:\\.|[^}])*?)\}")
_ALTERNATIVE = re.compile(
    r"(=|%(-?[0-9]+)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?"
)


@dataclass
class ClozeQuestion:
    text: str  # the question text with each blank as {#1}
    blanks: list[list[str]]  # per blank, its accepted answers as Moodle stores them


def parse_cloze(questiontext: str) -> ClozeQuestion:
    blanks: list[list[str]] = []
    text = questiontext
    while (match := _CLOZE.search(text)) is not None:
        answers = []
        remaining = match.group(3)
        while remaining:
            alternative = _ALTERNATIVE.match(remaining.lstrip("~"))
            assert alternative is not None, remaining
            answer = html.unescape(alternative.group(3)).replace("\\}", "}").replace("\\#", "#")
            answers.append(answer)
            remaining = remaining.lstrip("~")[alternative.end() :]
        blanks.append(answers)
        text = text[: match.start()] + f"{{#{len(blanks)}}}" + text[match.end() :]
    return ClozeQuestion(text, blanks)
