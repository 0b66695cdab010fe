"""Exit statuses, as the contract documents them."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0  # every article analysed (for `check`: no problem found)
    FAILED = 1  # at least one article failed, or `check` found a problem
    USAGE = 2  # bad command line
    INTERRUPTED = 130  # Ctrl-C
