"""quizgen's speed and memory at scale, as ratios against baselines measured in the same run.

    python3 -m uv run python tests/bench/run.py [--sizes 1000,10000,50000] [--repeat 5] [--only load,...]

For each library size (synthetic, realistic in shape: people, nested places,
organisations, dates of mixed precision, quantities, events, attributed
claims) it prints one table; each row is quizgen's figure, its baseline and the
ratio, with the target. Figures are the minimum of ``--repeat`` interleaved
runs, with the spread ((max - min) / min) beside them: the machine is shared
and noisy, so only ratios are meaningful. Nothing here runs in the test suite.

Stages: load (cold, and warm from the cache) and generate against a bare
``yaml.load(..., Loader=CSafeLoader)`` of the same file; export against bare
genanki writing the same notes; app start to the first question (with a second,
reference baseline: the quiz screen's Textual widgets alone), and answering
(key press to the next question), against a bare Textual app; peak memory in a
fresh process against a bare Textual app holding the parsed YAML.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402

from tests.synthetic import write_synthetic  # noqa: E402

STAGES = ("load", "generate", "export", "start", "answer", "memory")


@dataclass
class Row:
    name: str
    ours: float
    base: float
    target: str
    unit: str = "s"
    spread: float = 0.0

    @property
    def ratio(self) -> float:
        return self.ours / self.base if self.base else float("inf")


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def interleaved(
    repeat: int, ours: Callable[[], object], base: Callable[[], object]
) -> tuple[float, float, float]:
    """Minimum of interleaved runs of each, and the spread of ours."""
    mine, theirs = [], []
    for _ in range(repeat):
        theirs.append(timed(base))
        mine.append(timed(ours))
    return min(mine), min(theirs), (max(mine) - min(mine)) / min(mine)


# ---------------------------------------------------------------------------
# Stages


def bench_load(path: Path, repeat: int) -> list[Row]:
    from quizgen.facts.cache import load_cached
    from quizgen.facts.loader import load_content

    def bare() -> None:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    cold, base, spread = interleaved(repeat, lambda: load_content([path]), bare)
    load_cached([path])  # fill the cache
    warm, base_again, warm_spread = interleaved(repeat, lambda: load_cached([path]), bare)
    return [
        Row("load + validate, cold", cold, base, "≤ 1.3x", spread=spread),
        Row("load, warm (cache)", warm, min(base, base_again), "≤ 0.1x", spread=warm_spread),
    ]


def bench_generate(path: Path, repeat: int, facts: int) -> tuple[list[Row], float]:
    from quizgen.facts.cache import load_cached
    from quizgen.questions.generate import generate

    library = load_cached([path])
    questions: list = []

    def ours() -> None:
        questions[:] = generate(library, random.Random(0), present_year=2026)

    def bare() -> None:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    mine, base, spread = interleaved(repeat, ours, bare)
    per_fact = mine / facts
    return [
        Row(f"generate all {len(questions):,} questions", mine, base, "< 1x", spread=spread),
        Row("  generation per fact", per_fact * 1e6, base / facts * 1e6, "flat", unit="µs"),
    ], per_fact


def bench_export(path: Path, repeat: int) -> list[Row]:
    import genanki

    from quizgen.anki.export import export_deck, guid_for
    from quizgen.anki.notes import note_specs
    from quizgen.decks import content_deck
    from quizgen.facts.cache import load_cached
    from quizgen.questions.generate import generate_for_deck

    library = load_cached([path])
    deck = content_deck([path])
    questions = generate_for_deck(deck, library, present_year=2026)
    specs = list(note_specs(deck, library, questions))
    folder = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))

    def ours() -> None:
        export_deck(deck, library, questions, folder / "ours.apkg", timestamp=1_767_225_600)

    def bare() -> None:
        anki_deck = genanki.Deck(deck.id, deck.title)
        models: dict[int, genanki.Model] = {}
        for spec in specs:
            model = models.setdefault(spec.note_type.model_id, spec.note_type.model())
            anki_deck.add_note(  # the same notes: fields, tags and GUIDs
                genanki.Note(
                    model=model,
                    fields=spec.note_type.values(spec.fields),
                    tags=list(spec.tags),
                    guid=guid_for(spec.id),
                )
            )
        genanki.Package(anki_deck).write_to_file(str(folder / "bare.apkg"))

    mine, base, spread = interleaved(repeat, ours, bare)
    return [Row(f"Anki export of {len(specs):,} notes", mine, base, "≤ 1.3x", spread=spread)]


async def _until(make: Callable[[], App[object]], ready: Callable[[App[object]], bool]) -> float:
    """Seconds from creating an app to ``ready`` holding: checked at every turn of the event loop,
    so neither app waits on a pilot's pauses."""
    start = time.perf_counter()
    app = make()
    running = asyncio.create_task(app.run_async(headless=True, size=(100, 30)))
    while not ready(app):
        if running.done():  # never a figure for an app that stopped before showing anything
            await running
            raise RuntimeError(f"{type(app).__name__} ended before it showed what the benchmark waits for")
        await asyncio.sleep(0)
    elapsed = time.perf_counter() - start
    app.exit()
    await running
    return elapsed


def bench_start(path: Path, repeat: int) -> list[Row]:
    """From creating the app to its first question mounted and drawn from the question, bank warm.

    The issue's baseline is a bare app showing one line of text. Two reference
    apps with nothing of quizgen show where the floor lies: a line and Textual's
    option list (the least a choice question needs), and the Textual widgets of
    the quiz screen's first frame (status line, stem, the first question's option
    list or input, the hidden feedback; the header and footer come a frame
    later), the floor any question screen built from them starts from.
    """
    from textual.containers import VerticalScroll
    from textual.widgets import Input, OptionList, Static

    from quizgen.study.settings import Settings
    from quizgen.study.store import open_store
    from quizgen.tui.app import AppConfig, make_app
    from quizgen.tui.screens.quiz import QuizScreen

    data = Path(tempfile.mkdtemp(prefix="quizgen-bench-data-"))
    store = open_store(data)

    def question_shown(app: App[object]) -> bool:
        """The quiz screen is mounted, its stem holds the question and what answers it (the options
        or the input) is mounted and shown: not merely a session made."""
        screen = app.screen_stack[-1] if app.screen_stack else None
        if not (isinstance(screen, QuizScreen) and screen.is_mounted and screen.question is not None):
            return False
        if str(screen.query_one("#stem", Static).content) != screen.question.stem:
            return False
        answers = OptionList if screen.question.options else Input
        return any(widget.is_mounted and widget.display for widget in screen.query(answers))

    def ours() -> App[object]:
        return make_app(AppConfig([path], store, Settings(), start_mode="quiz", seed=1))

    _run(WARM_BANK.format(root=str(ROOT), path=str(path)))  # as an earlier run would: a warm start
    shown: list[QuizScreen] = []

    async def first_question() -> None:
        app = ours()
        async with app.run_test(size=(100, 30)) as pilot:
            while not question_shown(app):
                await pilot.pause(0.001)
            shown.append(app.screen)

    asyncio.run(first_question())  # every run shows this question (seeded): the reference shows its widget
    first_has_options = bool(shown[0].question and shown[0].question.options)

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("One line of text", id="shown")

    class WithOptions(App[None]):
        """The least a choice question needs from Textual: its line and an option list."""

        def compose(self) -> ComposeResult:
            yield Static("Which city is the capital of France?", id="shown")
            yield OptionList("1  Paris", "2  Rome", "3  Madrid", "4  Berlin")

    class SameWidgets(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("Question 1 of 15", id="status")
            with VerticalScroll():
                yield Static("Which city is the capital of France?", id="shown")
                if first_has_options:
                    yield OptionList("1  Paris", "2  Rome", "3  Madrid", "4  Berlin")
                else:
                    yield Input()
                hidden = Static("")
                hidden.display = False
                yield hidden

    def line_shown(app: App[object]) -> bool:
        stack = app.screen_stack
        return bool(stack) and bool(stack[-1].query("#shown")) and stack[-1].query_one("#shown").is_mounted

    mine, bare, options, same = [], [], [], []
    for _ in range(repeat):
        bare.append(asyncio.run(_until(Bare, line_shown)))
        options.append(asyncio.run(_until(WithOptions, line_shown)))
        same.append(asyncio.run(_until(SameWidgets, line_shown)))
        mine.append(asyncio.run(_until(ours, question_shown)))
    store.close()
    spread = (max(mine) - min(mine)) / min(mine)
    widget = "option list" if first_has_options else "input"
    return [
        Row("app start to first question", min(mine), min(bare), "≤ 1.5x", spread=spread),
        Row("  a line and an option list alone", min(options), min(bare), "reference"),
        Row(f"  its first frame's Textual widgets alone ({widget})", min(same), min(bare), "reference"),
        Row("  quizgen over those widgets", min(mine), min(same), "reference"),
    ]


def bench_answer(path: Path, answers: int = 200) -> list[Row]:
    """Median time from the answer key to the next question on screen, over a 200-answer session."""
    from textual.app import App
    from textual.binding import Binding
    from textual.screen import Screen
    from textual.widgets import Static

    from quizgen.study.settings import Settings
    from quizgen.study.store import open_store
    from quizgen.tui.app import AppConfig, make_app
    from quizgen.tui.screens.quiz import QuizScreen

    store = open_store(Path(tempfile.mkdtemp(prefix="quizgen-bench-data-")))
    ours: list[float] = []

    async def session() -> None:
        app = make_app(AppConfig([path], store, Settings(quiz_length=answers), start_mode="quiz", seed=2))
        async with app.run_test(size=(100, 30)) as pilot:
            while not isinstance(app.screen, QuizScreen):
                await pilot.pause(0.001)
            screen = app.screen
            while screen.question is not None and len(ours) < answers:
                question = screen.question
                keys = (
                    [str((question.answer_index or 0) + 1)]
                    if question.options
                    else [*question.answer, "enter"]
                )
                if not question.options:
                    await pilot.press(*keys[:-1])  # typing is the student's time, not quizgen's
                    keys = keys[-1:]
                start = time.perf_counter()
                await pilot.press(*keys)
                await pilot.press("enter")
                await pilot.pause()
                ours.append(time.perf_counter() - start)
                if screen.session.finished:
                    break

    class Page(Screen[None]):
        BINDINGS = [Binding("n", "app.pop_screen", "")]

        def compose(self):
            yield Static("The next page")

    class Bare(App[None]):
        BINDINGS = [Binding("n", "next", "")]

        def compose(self):
            yield Static("A question")

        def action_next(self) -> None:
            self.push_screen(Page())

    bare: list[float] = []

    async def switches() -> None:
        async with Bare().run_test(size=(100, 30)) as pilot:
            for _ in range(answers):
                start = time.perf_counter()
                await pilot.press("n", "n")  # two screen switches: what an answer and "next" cost
                await pilot.pause()
                bare.append(time.perf_counter() - start)

    asyncio.run(session())
    asyncio.run(switches())
    store.close()
    return [
        Row(
            f"answer to next question (median of {len(ours)})",
            statistics.median(ours) * 1e3,
            statistics.median(bare) * 1e3,
            "≤ 2x",
            unit="ms",
        )
    ]


WARM_BANK = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from quizgen.study.catalog import load_study_deck
load_study_deck(Path({path!r}), seed=1)
"""
MEMORY_OURS = """
import asyncio, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from quizgen.study.settings import Settings
from quizgen.study.store import open_store
from quizgen.tui.app import AppConfig, make_app
from quizgen.tui.screens.quiz import QuizScreen
async def main():
    app = make_app(AppConfig([Path({path!r})], open_store(Path({data!r})), Settings(), start_mode="quiz", seed=1))
    async with app.run_test(size=(100, 30)) as pilot:
        while not (isinstance(app.screen, QuizScreen) and app.screen.question is not None):
            await pilot.pause(0.001)
        await pilot.pause()
asyncio.run(main())
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""
MEMORY_BARE = """
import asyncio, yaml
from textual.app import App
from textual.widgets import Static
parsed = yaml.load(open({path!r}, encoding="utf-8").read(), Loader=yaml.CSafeLoader)
class Bare(App):
    def compose(self):
        yield Static("One line of text")
async def main():
    async with Bare().run_test(size=(100, 30)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""
MEMORY_LIBRARY = """
import sys, tracemalloc, yaml
sys.path.insert(0, {root!r})
from pathlib import Path
from quizgen.facts.cache import load_cached
tracemalloc.start()
parsed = yaml.load(open({path!r}, encoding="utf-8").read(), Loader=yaml.CSafeLoader)
yaml_bytes = tracemalloc.get_traced_memory()[0]
del parsed
tracemalloc.reset_peak()
start = tracemalloc.get_traced_memory()[0]
library = load_cached([Path({path!r})])
print(tracemalloc.get_traced_memory()[0] - start, yaml_bytes)
"""


def _run(code: str) -> list[int]:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ
    )
    return [int(x) for x in done.stdout.split()]


def bench_memory(path: Path) -> list[Row]:
    data = tempfile.mkdtemp(prefix="quizgen-bench-data-")
    (ours,) = _run(MEMORY_OURS.format(root=str(ROOT), path=str(path), data=data))
    (bare,) = _run(MEMORY_BARE.format(path=str(path)))
    library, parsed = _run(MEMORY_LIBRARY.format(root=str(ROOT), path=str(path)))
    return [
        Row("peak RSS, app at its first question", ours / 1024, bare / 1024, "report", unit="MiB"),
        Row("library in memory vs parsed YAML", library / 2**20, parsed / 2**20, "≤ 1x", unit="MiB"),
    ]


# ---------------------------------------------------------------------------


def table(title: str, rows: list[Row]) -> Table:
    result = Table(title=title, title_justify="left")
    for column in ("measure", "quizgen", "baseline", "ratio", "target", "spread"):
        result.add_column(column, justify="left" if column == "measure" else "right")
    for row in rows:
        result.add_row(
            row.name,
            f"{row.ours:.3g} {row.unit}",
            f"{row.base:.3g} {row.unit}",
            f"{row.ratio:.2f}x",
            row.target,
            f"{row.spread:.0%}" if row.spread else "",
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default=",".join(STAGES))
    args = parser.parse_args()
    stages = set(args.only.split(","))
    console = Console()
    folder = Path(tempfile.mkdtemp(prefix="quizgen-bench-"))
    os.environ["QUIZGEN_CACHE_DIR"] = str(folder / "cache")  # a private, fresh cache
    per_fact: dict[int, float] = {}
    for size in (int(s) for s in args.sizes.split(",")):
        path = write_synthetic(folder, size)
        rows: list[Row] = []
        if "load" in stages:
            rows += bench_load(path, args.repeat)
        if "generate" in stages:
            generated, per_fact[size] = bench_generate(path, args.repeat, size)
            rows += generated
        if "export" in stages:
            rows += bench_export(path, args.repeat)
        if "start" in stages:
            rows += bench_start(path, args.repeat)
        if "answer" in stages:
            rows += bench_answer(path)
        if "memory" in stages:
            rows += bench_memory(path)
        console.print(table(f"{size:,} facts ({path.stat().st_size / 1e6:.1f} MB of YAML)", rows))
    if len(per_fact) > 1:
        smallest = min(per_fact)
        rows = [
            Row(
                f"generation per fact at {size:,} vs {smallest:,}",
                per_fact[size] * 1e6,
                per_fact[smallest] * 1e6,
                "≤ 1.5x",
                unit="µs",
            )
            for size in sorted(per_fact)
            if size != smallest
        ]
        console.print(table("Generation grows linearly", rows))


if __name__ == "__main__":
    main()
