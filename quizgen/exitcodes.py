"""Exit codes, named once: scripts and CI rely on them."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # the command could not do its job (a file it may not overwrite, a missing path)
    CONTENT_ERROR = 2  # content or a deck recipe has problems; each is reported with its location
    INTERRUPTED = 130
