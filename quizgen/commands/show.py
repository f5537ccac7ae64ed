"""``quizgen show``: the questions a deck yields, readable or as JSON lines for other tools."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.segment import Segment, Segments
from rich.text import Text

from quizgen.commands.arguments import positive
from quizgen.exitcodes import ExitCode
from quizgen.facts.model import Kind
from quizgen.plural import counted
from quizgen.questions.generate import generate_for_deck
from quizgen.questions.model import Question
from quizgen.targets import open_target
from quizgen.textsafe import visible

EPILOG = """\
examples:
  quizgen show soleimani                       every question of the bundled deck
  quizgen show soleimani --kind cloze --limit 5
  quizgen show content/my-topic.yaml --json    one JSON object per line (see README)
"""
LETTERS = "ABCDEFGHIJ"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "target",
        nargs="*",
        metavar="DECK",
        help="a deck name, a deck recipe, or content files and folders (taken together as one deck)",
    )
    parser.add_argument(
        "--kind", action="append", choices=[k.value for k in Kind], help="only this kind (repeatable)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="the seed for options and distractors (default 0)"
    )
    parser.add_argument("--limit", type=positive, help="show at most N questions")
    parser.add_argument("--json", action="store_true", help="write one JSON object per question, a line each")


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    target = open_target(args.target)
    questions = generate_for_deck(target.deck, target.library, seed=args.seed)
    if args.kind:
        questions = [q for q in questions if q.kind.value in args.kind]
    if args.limit is not None:
        questions = questions[: args.limit]
    if args.json:
        for question in questions:
            sys.stdout.write(json.dumps(question.to_json(), ensure_ascii=False) + "\n")
        return ExitCode.OK
    for number, question in enumerate(questions, 1):
        out.print(heading(number, question), soft_wrap=True)  # an id is copied into recipes whole
        print_trimmed(out, render(question))
    out.print(Text(f"{counted(len(questions), 'question')} from “{visible(target.deck.title)}”", style="dim"))
    return ExitCode.OK


def print_trimmed(out: Console, renderable: RenderableType) -> None:
    """Print without the spaces Rich pads each line with to the console's width: piped into a
    file or a diff, a line ends where its words do."""
    trimmed: list[Segment] = []
    for line in out.render_lines(renderable, out.options, pad=False):
        while line and not line[-1].control and not line[-1].text.rstrip():
            line.pop()
        if line and not line[-1].control:
            line[-1] = Segment(line[-1].text.rstrip(), line[-1].style)
        trimmed += [*line, Segment.line()]
    out.print(Segments(trimmed), end="")


def heading(number: int, question: Question) -> Text:
    """Its number, kind and id: one line, however long, so the id is never broken."""
    return Text.assemble((f"{number}. ", "bold"), (question.kind.value.replace("_", " "), "cyan"), "  ",
                         (visible(question.id), "dim"))  # fmt: skip


def render(question: Question) -> Padding:
    """One question as a teacher reads it: stem, options with the key marked, answer, source."""
    body: list[Text] = [Text(visible(question.cloze.text if question.cloze else question.stem), style="bold")]
    for index, option in enumerate(question.options):
        mark = "✓" if index == question.answer_index else " "
        style = "green" if index == question.answer_index else ""
        body.append(Text(f" {mark} {LETTERS[index]}. {visible(option)}", style=style))
    if not question.options:  # which-came-first lists its events as its options
        for index, item in enumerate(question.items, 1):
            body.append(Text(f"   {index}. {visible(item.label)}"))
    answer = Text.assemble(("Answer: ", "bold green"), visible(question.answer))
    if question.kind is Kind.ORDER:
        answer = Text.assemble(("Answer: ", "bold green"), visible(question.order_text()))
    if question.accepted:
        answer.append(f"   (also accepted: {visible(', '.join(question.accepted))})", style="dim")
    body.append(answer)
    body.append(Text(visible(question.source_line()), style="dim italic"))
    return Padding(Group(*body), (0, 0, 1, 3))
