"""What every test shares: the user's own cache folder is never read or written."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache for the whole run (warm libraries are shared across tests), never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QUIZGEN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield
