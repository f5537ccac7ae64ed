"""``quizgen check``: one line per file, or its problems, like a compiler."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from rich.console import Console
from rich.text import Text

from quizgen.decks import Deck, content_files, deck_problems, load_deck, looks_like_deck
from quizgen.exitcodes import ExitCode
from quizgen.facts.errors import ContentError, Problem
from quizgen.facts.library import Library
from quizgen.facts.loader import FileReport, display_path, load_content
from quizgen.facts.model import Event, Fact
from quizgen.facts.quotes import uncovered
from quizgen.paths import default_folders, real
from quizgen.plural import counted
from quizgen.questions.from_facts import MAX_RECALL_WORDS
from quizgen.questions.generate import generate, reword_problems
from quizgen.targets import find_deck
from quizgen.textsafe import visible

EPILOG = """\
Without PATH, checks ./content and ./decks when they exist, else the bundled ones.
Exit status: 0 when everything is clean, 2 when any file has problems, 1 when a path named
does not exist (the others are checked all the same).
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="content files, deck recipes (or deck names) or folders",
    )


def run(args: argparse.Namespace, out: Console, err: Console) -> ExitCode:
    # "check soleimani", as every other command takes a deck's name
    named = [p if p.exists() else find_deck(str(p)) or p for p in args.paths] or default_folders()
    missing = [p for p in named if not p.exists()]
    for path in missing:
        err.print(f"quizgen: no such file or folder: {visible(str(path))}", markup=False)
    targets = [p for p in named if p.exists()]  # the others are checked all the same
    if not targets:
        return ExitCode.FAILURE
    files = content_files(targets)
    if not files:
        err.print(
            "quizgen: no .yaml files to check in " + ", ".join(visible(str(p)) for p in targets), markup=False
        )
        return ExitCode.FAILURE
    decks = [f for f in files if looks_like_deck(f)]
    result = load_content([f for f in files if f not in decks])
    verdicts = [_print_report(out, report) for report in result.reports]  # every file, bad ones or not
    clean = all(verdicts)
    if result.library is not None:
        _print_unasked(out, result.library)
        _print_uncovered(out, result.library)
    loaded = {real(report.path) for report in result.reports}
    ids: dict[int, Deck] = {}  # deck id -> the recipe that has it: Anki would take two as one deck
    for deck_path in decks:
        clean = _check_deck(out, deck_path, loaded, ids) and clean
    if not clean:
        return ExitCode.CONTENT_ERROR
    return ExitCode.FAILURE if missing else ExitCode.OK


def _print_unasked(out: Console, library: Library) -> None:
    """A statement that yields no question is no error, but its author would want to know: a
    claim whose text runs too long to recall gave a teacher nothing, and check said ✓."""
    asked = {s for q in generate(library, random.Random(0)) for s in q.statement_ids}
    statements = (*library.statements_with_relations(), *library.events)
    for statement in sorted((s for s in statements if s.id not in asked), key=lambda s: s.location):
        line = Text(visible(f"{statement.location}: "), style="bold")
        line.append("note: ", style="yellow")
        line.append(visible(f"{statement.id!r} yields no question: {_why_unasked(library, statement)}"))
        out.print(line)


def _print_uncovered(out: Console, library: Library) -> None:
    """A sentence of a stored text that no statement quotes and no exclusion names: a claim the
    author may have missed (CONTENT.md: every quizzable claim is in the content)."""
    statements = (*library.statements_with_relations(), *library.events)
    for source in library.sources.values():
        if source.text_path is None:
            continue
        try:
            text = source.text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader has reported it where the source names it
        quotes = [q for s in statements if source.id in s.sources for q in s.quotes]
        for sentence in uncovered(text, quotes, [e.text for e in source.excluded]):
            line = Text(visible(f"{display_path(source.text_path)}:{sentence.line}:1: "), style="bold")
            line.append("note: ", style="yellow")
            shown = sentence.text if len(sentence.text) <= 80 else sentence.text[:79] + "…"
            line.append(visible(f"no statement quotes {shown!r} and the source does not exclude it"))
            line.append(" (quote it, or list it under the source's excluded with a reason)", style="dim")
            out.print(line)


def _why_unasked(library: Library, statement: Fact | Event) -> str:
    if isinstance(statement, Event):
        return "an event is asked by its date and on timelines; check that it has a date and a title"
    relation = library.relations[statement.relation]
    if not relation.templates:
        return f"the relation {relation.id!r} has no templates"
    words = len(statement.text.split()) if statement.text else 0
    if words > MAX_RECALL_WORDS:
        return (
            f"its text has {words} words, too many to recall (at most {MAX_RECALL_WORDS} are asked typed "
            "or as a cloze), and too few other facts of its relation offer options to choose among"
        )
    return (
        f"no template of {relation.id!r} can ask it with one answer (another statement may give the same "
        "question a second answer, or too few others of its kind offer options)"
    )


def _print_problems(out: Console, problems: list[Problem]) -> None:
    for problem in sorted(problems, key=lambda p: p.location):
        line = Text(visible(f"{problem.location}: "), style="bold")
        line.append(visible(problem.message), style="red")
        if problem.hint:
            line.append(visible(f" ({problem.hint})"), style="dim")
        out.print(line)


_SINGULAR = {
    "sources": "source",
    "entities": "entity",
    "relations": "relation",
    "facts": "fact",
    "claims": "claim",
    "events": "event",
}


def _print_report(out: Console, report: FileReport) -> bool:
    if report.problems:
        _print_problems(out, report.problems)
        out.print(
            Text.assemble(
                ("✗ ", "bold red"), visible(report.display), f": {counted(len(report.problems), 'problem')}"
            )
        )
        return False
    counts = ", ".join(f"{n} {name if n != 1 else _SINGULAR[name]}" for name, n in report.counts.items())
    out.print(
        Text.assemble(("✓ ", "bold green"), visible(report.display), f": {counts or 'nothing to quiz'}")
    )
    return True


def _check_deck(out: Console, path: Path, loaded: set[Path], ids: dict[int, Deck]) -> bool:
    display = display_path(path)
    try:
        deck = load_deck(path)
    except ContentError as error:
        _print_problems(out, list(error.problems))
        out.print(
            Text.assemble(
                ("✗ ", "bold red"), visible(display), f": {counted(len(error.problems), 'problem')}"
            )
        )
        return False
    first = ids.setdefault(deck.id, deck)  # recorded whatever its content holds
    result = load_content(content_files(deck.content))
    library = result.library
    for report in result.reports:
        if real(report.path) not in loaded:  # not printed yet
            _print_report(out, report)
            loaded.add(real(report.path))  # two recipes of one content: its line once
    if library is None:
        out.print(Text.assemble(("✗ ", "bold red"), visible(display), ": its content has problems (above)"))
        return False
    questions = None
    if deck.exclude or deck.pin or deck.reword:  # ids to check: every question the content can yield
        questions = generate(library, random.Random(0))
    problems = deck_problems(deck, library, None if questions is None else [q.id for q in questions])
    if questions is not None:
        problems += reword_problems(deck, questions)
    if real(first.path) != real(path):
        problems.append(
            Problem(
                deck.id_at or deck.location,
                f"deck id {deck.id} is {display_path(first.path)}'s too: Anki would merge the two decks",
                f"give each deck its own id; the other is at {first.id_at or first.location}",
            )
        )
    if problems:
        _print_problems(out, problems)
        out.print(
            Text.assemble(("✗ ", "bold red"), visible(display), f": {counted(len(problems), 'problem')}")
        )
        return False
    statements = deck.statements(library)
    out.print(
        Text.assemble(
            ("✓ ", "bold green"),
            visible(display),
            f": deck “{visible(deck.title)}” (id {deck.id}): {len(statements)} statements",
        )
    )
    return True
