"""Files quizgen wrote that cannot say so inside themselves: a Quizlet card list, a CSV answer key.

Every other export carries a mark of its writer (a header line, a comment,
the workbook's creator). A tab-separated card list or a CSV has nowhere to
put one that its reader would not take as content, so quizgen remembers a
digest of each such file it writes, in the cache folder. A re-export replaces
the file quizgen wrote, unchanged since; a teacher's own file of the same name,
or one edited since, is never replaced. Losing the record (a cleared cache)
only means a refusal, never a lost file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from quizgen.exporting.files import write_bytes_atomically
from quizgen.facts.cache import cache_root
from quizgen.paths import real

KEPT = 500  # the most recent files remembered: a teacher's exports, not an archive


def remember(path: Path, data: bytes) -> None:
    """Note that quizgen has just written ``data`` to ``path``; a failure to note it is harmless."""
    record = _read()
    key = str(real(path))
    record.pop(key, None)
    record[key] = _digest(data)
    kept = dict(list(record.items())[-KEPT:])
    with contextlib.suppress(OSError):
        _record_path().parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(_record_path(), json.dumps(kept, indent=0).encode("utf-8"))


def wrote(path: Path) -> bool:
    """Whether quizgen wrote this file, byte for byte as it is now."""
    expected = _read().get(str(real(path)))
    if expected is None:
        return False
    try:
        return _digest(path.read_bytes()) == expected
    except OSError:
        return False


def _record_path() -> Path:
    return cache_root() / "written.json"


def _read() -> dict[str, str]:
    try:
        record = json.loads(_record_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {k: v for k, v in record.items() if isinstance(k, str) and isinstance(v, str)}


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
