"""The library cache: the same library warm as cold, and never a stale or broken one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quizgen.facts import cache
from quizgen.facts.errors import ContentError
from quizgen.facts.loader import load_library
from tests.synthetic import write_synthetic

ROOT = Path(__file__).parents[2]


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "libraries"


def same(a, b) -> bool:
    return (
        a.facts == b.facts and a.claims == b.claims and a.events == b.events and dict(a.sources) == dict(b.sources)
        and dict(a.entities) == dict(b.entities) and dict(a.relations) == dict(b.relations) and a.files == b.files
    )  # fmt: skip


@pytest.mark.parametrize("name", ["bundled", "synthetic"])
def test_warm_equals_cold(tmp_path: Path, cache_dir: Path, name: str) -> None:
    paths = [ROOT / "content" / "soleimani.yaml"] if name == "bundled" else [write_synthetic(tmp_path, 800)]
    cold = cache.load_cached(paths)
    assert len(list(cache_dir.iterdir())) == 1
    warm = cache.load_cached(paths)
    assert warm is not cold
    assert same(warm, cold)
    assert same(warm, load_library(paths))
    assert warm.ancestors(next(iter(warm.entities))) == cold.ancestors(next(iter(cold.entities)))


def test_an_edit_is_seen(tmp_path: Path) -> None:
    path = tmp_path / "curie.yaml"
    shutil.copy(ROOT / "tests" / "data" / "curie.yaml", path)
    assert cache.load_cached([path]).entities["warsaw"].name == "Warsaw"
    path.write_text(path.read_text().replace("name: Warsaw", "name: Varsovie"))
    assert cache.load_cached([path]).entities["warsaw"].name == "Varsovie"


def test_a_changed_source_text_is_seen(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    assert cache.load_cached([folder / "soleimani.yaml"]).facts
    text = folder / "sources" / "biography.txt"
    text.write_text(text.read_text().replace("March 11, 1957", "March 12, 1957"))
    with pytest.raises(ContentError) as caught:  # the quotes are checked again, not taken from the cache
        cache.load_cached([folder / "soleimani.yaml"])
    assert any("this quote is not in the text" in p.message for p in caught.value.problems)


def test_a_corrupt_entry_is_ignored_and_replaced(tmp_path: Path, cache_dir: Path) -> None:
    path = ROOT / "tests" / "data" / "curie.yaml"
    cache.load_cached([path])
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(b"\x00not marshal")
    assert same(cache.load_cached([path]), load_library([path]))
    assert entry.read_bytes() != b"\x00not marshal"


def test_broken_content_is_not_cached(tmp_path: Path, cache_dir: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("facts: [")
    with pytest.raises(ContentError):
        cache.load_cached([path])
    assert not cache_dir.exists() or not list(cache_dir.iterdir())


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("QUIZGEN_CACHE_DIR", str(blocker / "cache"))
    path = ROOT / "tests" / "data" / "curie.yaml"
    assert same(cache.load_cached([path]), load_library([path]))
