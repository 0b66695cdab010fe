"""Exit statuses, as the contract documents them (docs/exit-codes.md)."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    OK = 0  # every article analysed (for `check`: no problem found); also: the reader of stdout went away
    FAILED = 1  # at least one article failed, `check` found a problem, or the output could not be written
    USAGE = 2  # bad command line or option value
    HANGUP = 129  # SIGHUP: 128 + 1
    INTERRUPTED = 130  # Ctrl-C (SIGINT): 128 + 2
    TERMINATED = 143  # SIGTERM: 128 + 15
