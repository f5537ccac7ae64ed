"""Hostile and broken content files: every case ends in the loader's own located report.

Bounded by examples and by structural limits (no aliases, a nesting limit, a
size limit), never by stopwatches: a hang or a traceback fails the test; so
does a report without a place.
"""

from __future__ import annotations

import codecs
import os
import random
import threading
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.facts import yamlread
from quizgen.facts.loader import LoadResult, load_content

ROOT = Path(__file__).parents[2]
BUNDLED = (ROOT / "content" / "soleimani.yaml").read_bytes()
SMALL = (ROOT / "tests" / "data" / "curie.yaml").read_bytes()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def load_bytes(tmp_path: Path, data: bytes, name: str = "hostile.yaml") -> LoadResult:
    path = tmp_path / name
    path.write_bytes(data)
    return load_content([path])


def assert_located(result: LoadResult, name: str = "hostile.yaml") -> None:
    assert result.library is None
    assert result.problems, "a refused file must say why"
    for problem in result.problems:
        assert problem.location.path.endswith(name)
        assert problem.location.line >= 1
        assert problem.location.column >= 1
        assert problem.message


@FUZZ
@given(st.binary(min_size=1, max_size=3000))
def test_random_bytes(tmp_path: Path, data: bytes) -> None:
    result = load_bytes(tmp_path, data)
    if result.library is None:
        assert_located(result)


@FUZZ
@given(st.integers(min_value=0, max_value=len(BUNDLED)))
def test_truncated_files(tmp_path: Path, cut: int) -> None:
    result = load_bytes(tmp_path, BUNDLED[:cut])
    if result.library is None:
        assert_located(result)


@pytest.mark.parametrize(
    ("encoding", "message"),
    [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_other_encodings_are_refused(tmp_path: Path, encoding: str, message: str) -> None:
    data = SMALL.decode("utf-8").encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    result = load_bytes(tmp_path, data)
    assert_located(result)
    assert message in result.problems[0].message


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, codecs.BOM_UTF8 + SMALL).library is not None


@FUZZ
@given(
    st.integers(min_value=0, max_value=len(SMALL) - 1),
    st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\x80"]),
)
def test_invalid_utf8_anywhere(tmp_path: Path, position: int, bad: bytes) -> None:
    data = SMALL[:position] + bad + SMALL[position:]
    result = load_bytes(tmp_path, data)
    assert_located(result)
    (problem,) = result.problems
    line = SMALL[:position].count(b"\n") + 1
    assert problem.location.line == line
    assert "not UTF-8" in problem.message


@pytest.mark.parametrize("depth", [yamlread.MAX_DEPTH + 1, 10_000, 1_000_000])
@pytest.mark.parametrize("shape", ["flow-list", "flow-map", "block"])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int, shape: str) -> None:
    if shape == "flow-list":
        text = "[" * depth + "]" * depth
    elif shape == "flow-map":
        text = "{a: " * depth + "}" * depth
    else:
        text = "".join(" " * i + "- \n" for i in range(min(depth, 3000)))
    result = load_bytes(tmp_path, text.encode())
    assert_located(result)
    assert "nesting deeper than" in result.problems[0].message


def test_very_long_strings(tmp_path: Path) -> None:
    long_name = "x" * 5_000_000
    text = SMALL.decode().replace("name: Warsaw", f"name: {long_name}")
    tracemalloc.start()
    result = load_bytes(tmp_path, text.encode())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.library is not None
    assert peak < 60 * len(long_name)  # proportional to the input, not runaway


def test_very_many_keys(tmp_path: Path) -> None:
    keys = "".join(f"    key{i}: {i}\n" for i in range(20_000))
    text = "entities:\n  - id: x\n    type: person\n    name: X\n" + keys
    result = load_bytes(tmp_path, text.encode())
    assert_located(result)
    assert len(result.problems) == 20_000
    assert result.problems[0].message == "unknown key 'key0' in this entity"


def test_too_large_a_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "MAX_FILE_BYTES", 20_000)  # the bundled relations file is smaller
    result = load_bytes(tmp_path, b"# padding\n" * 3000)
    assert_located(result)
    assert "this file is 30,000 bytes; the limit is 20,000" in result.problems[0].message


def test_a_device_or_a_pipe_is_refused_without_being_read(tmp_path: Path) -> None:
    """/dev/zero would be read for ever, a pipe would wait for a writer: a hang fails this test."""
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    zero = tmp_path / "zero.yaml"
    zero.symlink_to("/dev/zero")
    for path in (pipe, zero):
        result = load_content([path])
        assert_located(result, path.name)
        assert result.problems[0].message == "this is not a regular file but a device, pipe or socket"


def test_a_pipe_put_in_a_files_place_never_makes_quizgen_wait(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file swapped for a pipe after a look at it: what is opened is what is examined."""
    pipe = tmp_path / "swapped.yaml"
    os.mkfifo(pipe)
    regular = tmp_path / "regular.yaml"
    regular.write_bytes(SMALL)
    looked = regular.stat()
    monkeypatch.setattr(Path, "stat", lambda self, **_: looked)  # every look sees the regular file
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            yamlread.read_bytes(pipe)
        except OSError as error:
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # free the waiting reader before failing
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a pipe waited for a writer")
    assert [str(e.strerror) for e in outcome] == ["this is not a regular file but a device, pipe or socket"]


@FUZZ
@given(st.lists(st.sampled_from(["id", "type", "name", "aliases", "kind"]), min_size=2, max_size=8))
def test_duplicate_keys(tmp_path: Path, keys: list[str]) -> None:
    body = "".join(f"    {key}: value\n" for key in keys)
    result = load_bytes(tmp_path, f"entities:\n  - {body.lstrip()}".encode())
    if len(set(keys)) < len(keys):
        assert_located(result)
        assert any("appears twice" in p.message for p in result.problems)


UNSAFE = [
    "!!python/object:os.system {}",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/module:os",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!custom thing",
]


@pytest.mark.parametrize("tagged", UNSAFE)
def test_unsafe_tags_are_refused(tmp_path: Path, tagged: str) -> None:
    result = load_bytes(tmp_path, f"entities:\n  - id: x\n    type: person\n    name: {tagged}\n".encode())
    assert_located(result)
    assert "is not allowed in content" in result.problems[0].message


def test_billion_laughs_is_refused_at_the_first_alias_in_bounded_memory(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 12):
        name, previous = f"l{level}", "a" if level == 1 else f"l{level - 1}"
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    tracemalloc.start()
    result = load_bytes(tmp_path, ("\n".join(lines) + "\n").encode())
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert_located(result)
    assert result.problems[0].message.startswith("YAML aliases (*name) are not allowed")
    assert (result.problems[0].location.line, result.problems[0].location.column) == (
        2,
        10,
    )  # "l1: &l1 [" then the first "*a"
    assert peak < 5_000_000  # nothing was expanded


def test_random_mutations_of_the_bundled_content(tmp_path: Path) -> None:
    """A fixed, seeded sweep of byte flips over the real content (300 files)."""
    rng = random.Random(20261123)
    for _ in range(300):
        data = bytearray(BUNDLED)
        for _ in range(rng.randint(1, 5)):
            position = rng.randrange(len(data))
            data[position] = rng.randrange(256)
        result = load_bytes(tmp_path, bytes(data))
        if result.library is None:
            assert_located(result)


def test_a_folder_read_as_a_file_is_called_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="this is a folder, not a file"):
        yamlread.read_bytes(tmp_path)
