"""Stopping a run cleanly: signals, worker processes and temporary files.

The command line installs the handlers once (`install`). The first SIGINT,
SIGTERM or SIGHUP asks the run to stop. Mostly it only sets a flag, which the
loops check after each document, so that output ends on a whole document and a
JSON document is closed (a signal during start-up: an empty one). Inside an
`interruptible()` stretch (waiting for input, where there is no document to
finish) it raises `Interrupted` at once instead. A second signal exits at once:
worker processes are killed and temporary files removed first, and nothing is
waited for.

Library callers never install the handlers; for them `stop_requested()` stays
False and nothing here changes behaviour.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
_END = object()

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


GRACE_SECONDS = 30  # after a first signal, the longest the run may take to stop cleanly


class Interrupted(BaseException):
    """A stop signal arrived outside a deferred section. A BaseException, like
    KeyboardInterrupt, so that `except Exception` does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _State:
    signum: int | None = None  # the first stop signal received
    deferring = 0
    installed = False
    worker_pids: set[int] = set()
    temp_paths: set[str] = set()


_state = _State()


def exit_code(signum: int) -> int:
    """The shell's convention: 128 + the signal number (130 SIGINT, 143 SIGTERM, 129 SIGHUP)."""
    return 128 + int(signum)


def stop_requested() -> bool:
    return _state.signum is not None


def stop_signal() -> int | None:
    return _state.signum


def install() -> None:
    """Handle SIGINT, SIGTERM and SIGHUP for this process (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        return
    _state.deferring += 1  # for the whole run: raise only where interruptible()
    for signum in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signum, _handler)
    _state.installed = True


def _handler(signum: int, frame: Any) -> None:
    if _state.signum is not None:
        hard_exit(_state.signum)
    _state.signum = signum
    # Finishing the current document must not become a hang (stdout blocked for
    # good, a document that never ends): past the grace time, exit as a second
    # signal would.
    if hasattr(signal, "SIGALRM"):
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signal.SIGALRM, lambda *_: hard_exit(signum))
            signal.alarm(GRACE_SECONDS)
    if not _state.deferring:
        raise Interrupted(signum)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """While inside, a first stop signal only sets the flag (see `stop_requested`)."""
    _state.deferring += 1
    try:
        yield
    finally:
        _state.deferring -= 1


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Inside a deferred section, a stretch where a stop signal raises at once
    (waiting for input: there is no document to finish)."""
    if _state.signum is not None:
        raise Interrupted(_state.signum)
    saved, _state.deferring = _state.deferring, 0
    try:
        yield
    finally:
        _state.deferring = saved


def interruptible_iter(items: Iterable[T]) -> Iterator[T]:
    """`items`, with each wait for the next one `interruptible`."""
    iterator = iter(items)
    while True:
        with interruptible():
            item = next(iterator, _END)
        if item is _END:
            return
        yield item  # type: ignore[misc]


def defer_from_now() -> None:
    """For the way out: from here on a first signal only sets the flag."""
    _state.deferring += 1


def block_stop_signals() -> None:
    """Block the stop signals for the rest of the process (its very end): a pending one
    is discarded at exit. A handler that already ran has set `stop_signal()`."""
    if hasattr(signal, "pthread_sigmask"):
        with contextlib.suppress(OSError, ValueError):
            signal.pthread_sigmask(signal.SIG_BLOCK, set(STOP_SIGNALS))


def hard_exit(signum: int) -> None:
    """Exit now: kill our workers, remove our temporary files, skip every cleanup
    that could wait (buffered output, joins, locks)."""
    for pid in list(_state.worker_pids):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    for path in list(_state.temp_paths):
        with contextlib.suppress(OSError):
            os.unlink(path)
    # No message: stderr may be a pipe nobody reads, and this must not block.
    os._exit(exit_code(signum))


# ---------------------------------------------------------------------------
# what hard_exit must not leave behind


def add_worker(pid: int) -> None:
    _state.worker_pids.add(pid)


def remove_worker(pid: int) -> None:
    _state.worker_pids.discard(pid)


def add_temp(path: str) -> None:
    _state.temp_paths.add(path)


def remove_temp(path: str) -> None:
    """Unlink a temporary file and forget it (missing is fine)."""
    with contextlib.suppress(OSError):
        os.unlink(path)
    _state.temp_paths.discard(path)


def reset_in_child() -> None:
    """In a freshly forked worker: default signal actions (the parent's handlers
    were copied), SIGINT ignored (Ctrl-C is the parent's to handle), and none
    of the parent's bookkeeping."""
    for signum in STOP_SIGNALS:
        with contextlib.suppress(OSError, ValueError):
            signal.signal(signum, signal.SIG_IGN if signum == signal.SIGINT else signal.SIG_DFL)
    _state.signum = None
    _state.deferring = 0
    _state.installed = False
    _state.worker_pids = set()
    _state.temp_paths = set()
