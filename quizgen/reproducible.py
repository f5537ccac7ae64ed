"""The reproducible-builds convention: ``SOURCE_DATE_EPOCH`` fixes the time a build records.

Exports stamp it on every note and zip entry, and question generation takes
its year as the present, so the same content and epoch give the same bytes.
"""

from __future__ import annotations

import os

LATEST = 253_402_300_799  # 9999-12-31T23:59:59Z: the last moment a calendar date can name


class EpochError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set to something that is not a usable time."""


def source_date_epoch() -> int | None:
    """The epoch in seconds, or None when unset; a value that is not a plain date refuses clearly."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) > LATEST:
        raise EpochError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value!r}")
    return int(value)
