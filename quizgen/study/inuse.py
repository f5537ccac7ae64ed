"""Whether a data folder's progress is open: the study app holds it, shared, for as long as it
runs, so that a restore, which replaces the file, refuses instead of pulling it away from under
the app (whose answers would then go to a file no longer there)."""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows has no advisory locks here: restore's help asks to close the app first
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "progress.lock"


class Hold:
    """A lock on a data folder's progress, until released (or the process ends)."""

    def __init__(self, descriptor: int | None = None) -> None:
        self._descriptor = descriptor

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing the file releases its lock
            self._descriptor = None


def hold_shared(folder: Path, wait: float = 5.0) -> Hold | None:
    """Held by each open progress store. A restore holds the lock alone for a moment: wait for it
    up to ``wait`` seconds, then None (the caller refuses to open). A folder where no lock file
    can be made leaves the progress unguarded, as the app must still start."""
    deadline = time.monotonic() + wait
    while (held := _lock(folder, exclusive=False)) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return held


def hold_exclusive(folder: Path) -> Hold | None:
    """Held by a restore while it replaces the file; None while anything else holds the progress."""
    return _lock(folder, exclusive=True)


def _lock(folder: Path, *, exclusive: bool) -> Hold | None:
    if fcntl is None:
        return Hold()
    try:
        descriptor = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return Hold()  # cannot even make the lock file: nothing to guard against here
    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return Hold(descriptor)
