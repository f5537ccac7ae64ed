"""Pausing the cycle collector for a bulk build must always hand it back as it was."""

import gc

import pytest

from quizgen.nogc import cycle_collection_paused


@pytest.fixture(autouse=True)
def _restore_gc():
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_back_on_after() -> None:
    gc.enable()
    with cycle_collection_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_back_on_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), cycle_collection_paused():
        raise RuntimeError("interrupted")
    assert gc.isenabled()


def test_left_off_when_it_was_off() -> None:
    """A caller (or a host program) that turned the collector off keeps it off."""
    gc.disable()
    with cycle_collection_paused():
        pass
    assert not gc.isenabled()


def test_what_the_pause_built_is_left_old_so_no_young_collection_walks_it() -> None:
    gc.enable()
    with cycle_collection_paused():
        built = [[n] for n in range(1000)]
    young = {id(o) for o in gc.get_objects(generation=0)}
    old = {id(o) for o in gc.get_objects(generation=2)}
    assert id(built) not in young
    assert id(built) in old
    assert all(id(item) in old for item in built)
    assert gc.isenabled()
