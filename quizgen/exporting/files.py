"""Writing export files safely: never half a file, never over someone else's file, the same bytes twice.

Every exporter (Anki, Moodle, GIFT, QTI, Kahoot, Quizlet, the printable
test) writes through here, so each one refuses the same things with the same
words and leaves the same guarantees: a reader sees the old file or the new
one, and a file quizgen did not write is left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from quizgen import reproducible
from quizgen.paths import unwritable_folder

STANDARD_OUTPUT = "-"  # the usual name for it; never a file quizgen writes
_ZIP_EPOCH = 315532800  # 1980-01-01: the earliest date a zip entry can carry
_ZIP_LATEST = 4354819199  # 2107-12-31


class ExportError(Exception):
    """The export cannot be written as asked; the message says why, for a person."""


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` (the reproducible-builds convention), or None when unset."""
    try:
        return reproducible.source_date_epoch()
    except reproducible.EpochError as error:
        raise ExportError(str(error)) from None


def export_time() -> int:
    """The moment an export records: ``SOURCE_DATE_EPOCH`` when set (same bytes every run), else now."""
    epoch = source_date_epoch()
    return epoch if epoch is not None else int(time.time())


_REFUSAL = "refusing to overwrite it (remove it, or choose another name)"


def check_destination(path: Path, is_ours: Callable[[Path], bool], kind: str) -> None:
    """Refuse a missing folder, a folder, and an existing file that ``is_ours`` does not recognise.

    ``kind`` names what may be replaced, for the message: "an Anki package",
    "a Moodle XML quiz". A teacher's own file of the same name is never lost
    to an export.
    """
    if path.name == STANDARD_OUTPUT:
        raise ExportError("this is written as a file, not to standard output: give -o a file name")
    folder = unwritable_folder(path.parent)
    if folder is not None:
        raise ExportError(f"cannot write {path}: {folder}")
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give the file a name")
    if path.exists() and not path.is_file():  # a device or pipe: opening it to look could wait forever
        raise ExportError(f"{path} is not a regular file but a device or pipe; give a file name")
    from quizgen.exporting import written  # which writes its record through this module

    if path.is_file() and not path.stat().st_mode & stat.S_IWUSR:  # a rename would replace it all the same
        raise ExportError(
            f"{path} is read-only; refusing to overwrite it (make it writable, or choose another name)"
        )
    if path.exists() and written.edited(path):  # the teacher's edits: said as such, for every file
        raise ExportError(f"{path} has changed since quizgen wrote it; {_REFUSAL}")
    if path.exists() and not is_ours(path):
        raise ExportError(f"{path} exists and is not {kind}; {_REFUSAL}")


def write_zip(
    handle: BinaryIO, entries: Iterable[tuple[str, bytes]], timestamp: float, comment: bytes = b""
) -> None:
    """A zip whose every byte follows from its entries and the timestamp (and the archive's
    ``comment``, which readers ignore: a mark of who wrote it).

    Deflated at level 1: on a large Anki collection it is three times faster
    than the default level 6 for a file about an eighth larger.
    """
    moment = min(max(int(timestamp), _ZIP_EPOCH), _ZIP_LATEST)
    date_time = time.gmtime(moment)[:6]
    with zipfile.ZipFile(handle, "w") as archive:
        archive.comment = comment
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, whatever the host
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data, compresslevel=1)


def write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write beside ``path`` and rename over it: readers see the old file or the new, never half.

    On any failure, an interruption included, the temporary file is removed
    and whatever was at ``path`` is left as it was.
    """
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:  # name the file asked for, not the hidden one beside it
        raise OSError(error.errno, error.strerror, str(path)) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except OSError as error:  # a full disk says no file name: name the one asked for
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise OSError(error.errno, error.strerror, str(path)) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_bytes_atomically(path: Path, data: bytes) -> None:
    write_atomically(path, lambda handle: handle.write(data))


def _mode_for(path: Path) -> int:
    """Keep a replaced file's permissions; a new file gets the usual ones (mkstemp makes 0600)."""
    with contextlib.suppress(FileNotFoundError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
