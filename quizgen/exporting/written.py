"""What quizgen wrote, as it wrote it: a digest of each classroom file and answer key, kept in
the cache folder.

Most exports carry a mark of their writer (a header line, a comment, the
workbook's creator), but a mark survives a teacher's edits: the digest tells a
file edited since from one to replace. A tab-separated card list or a CSV has
nowhere to put a mark its reader would not take as content, so for those the
digest is the only sign. The record keeps what kind of file each was, so a
Quizlet list never replaces a printed test's answer key of the same name, nor
the key a list (for a record from before kinds were kept, the file's layout
tells). A re-export replaces the file quizgen wrote, unchanged since;
a teacher's own file of the same name, or one edited since, is never
replaced. Losing the record (a cleared cache) only means a refusal for the
files without a mark, never a lost file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from quizgen.exporting.files import write_bytes_atomically
from quizgen.facts.cache import cache_root
from quizgen.paths import real

KEPT = 500  # the most recent files remembered: a teacher's exports, not an archive
_KIND_END = ":"  # a record reads "quizlet:<digest>"; a hex digest holds no colon


def remember(path: Path, data: bytes, kind: str) -> bool:
    """Note that quizgen has just written ``data`` to ``path`` as a file of ``kind`` ("quizlet",
    "answer key"); False when the note could not be kept (a read-only cache folder), which only
    means a later export is refused."""
    record = _read()
    key = str(real(path))
    record.pop(key, None)
    record[key] = f"{kind}{_KIND_END}{_digest(data)}"
    kept = dict(list(record.items())[-KEPT:])
    try:
        _record_path().parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(_record_path(), json.dumps(kept, indent=0).encode("utf-8"))
    except OSError:
        return False
    return True


def edited(path: Path) -> bool:
    """Whether quizgen wrote this file and it has changed since: a teacher's edits, never replaced."""
    recorded = _recorded(path)
    return recorded is not None and not recorded[2]


def wrote(path: Path, kind: str, *, reads_as: Callable[[bytes], bool] | None = None) -> bool:
    """Whether quizgen wrote this file as a file of ``kind``, byte for byte as it is now. A record
    from before kinds were kept counts when the file ``reads_as`` that kind (an answer key's
    header): the files written then are replaced as they were."""
    recorded = _recorded(path)
    if recorded is None or not recorded[2]:
        return False
    recorded_kind, data, _ = recorded
    if recorded_kind is not None or reads_as is None:
        return recorded_kind == kind
    return reads_as(data)


def _recorded(path: Path) -> tuple[str | None, bytes, bool] | None:
    """The kind recorded for a file (None in a record from before kinds were kept), its bytes, and
    whether they are as written; None when there is no record, or the file cannot be read."""
    value = _read().get(str(real(path)))
    if value is None:
        return None
    kind, end, digest = value.rpartition(_KIND_END)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return (kind if end else None), data, _digest(data) == digest


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
