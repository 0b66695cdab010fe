"""Standard streams the command line can rely on, whatever it was started with.

- A closed descriptor (`>&-`, `<&-`, `2>&-`) is reopened on /dev/null, so that
  no file the run opens later takes its number and nothing prints a traceback.
- stdout writes every byte it is given: short writes (a signal, a full pipe)
  and a non-blocking descriptor (left so by another program sharing the pipe)
  are retried until the whole line is out.
- No locale makes a write fail: characters the output encoding cannot take are
  written as `\\uXXXX` escapes, which inside JSON strings are exactly JSON's own;
  JSON itself is written as UTF-8, or as ASCII-escaped JSON when the output
  encoding is plain ASCII (LC_ALL=C, PYTHONIOENCODING=ascii).
- stderr shows control characters as escapes, so a path or value with an
  escape sequence in it (`\\x1b]0;title\\x07`) cannot drive the terminal.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import re
import select
import sys
from typing import Any

ESCAPE_ERRORS = "newsctl.escape"
_UNICODE_CODECS = ("utf-8", "utf-16", "utf-32")
# C0 controls but tab and newline, DEL, C1 controls, bidi overrides.
_UNSAFE_ON_STDERR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:  # as a JSON surrogate pair
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    return "".join(out), error.end


codecs.register_error(ESCAPE_ERRORS, _escape_unencodable)


class FdWriter(io.RawIOBase):
    """Raw writes to a descriptor that always write everything."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.broken = False  # the reader went away (EPIPE)
        self.error: OSError | None = None  # the write that failed otherwise (ENOSPC, EBADF, EIO)

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        try:
            return os.isatty(self.fd)
        except OSError:
            return False

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            try:
                done += os.write(self.fd, view[done:])
            except BlockingIOError:
                select.select([], [self.fd], [])
            except InterruptedError:
                continue
            except BrokenPipeError:
                self.broken = True
                raise
            except OSError as exc:
                self.error = exc
                raise
        return done


class EscapingStderr(io.TextIOBase):
    """stderr with control characters made visible; `terminal` is the unescaped
    stream, for the one writer that needs escapes (a progress bar on a terminal)."""

    def __init__(self, terminal: io.TextIOWrapper) -> None:
        super().__init__()
        self.terminal = terminal

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.terminal.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.terminal.errors

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.terminal.fileno()

    def isatty(self) -> bool:
        return self.terminal.isatty()

    def write(self, text: str) -> int:
        def escape(match: re.Match[str]) -> str:
            code = ord(match.group(0))
            return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

        self.terminal.write(_UNSAFE_ON_STDERR.sub(escape, text))
        return len(text)

    def flush(self) -> None:
        self.terminal.flush()


def _reopen_closed_descriptors() -> list[int]:
    closed = []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.append(fd)
    for fd in closed:
        opened = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if opened != fd:
            os.dup2(opened, fd)
            os.close(opened)
    return closed


def _encoding_of(stream: Any, default: str) -> str:
    name = getattr(stream, "encoding", None) or default
    try:
        return codecs.lookup(name).name
    except LookupError:
        return default


def prepare() -> list[str]:
    """Replace sys.stdin/stdout/stderr with the streams described above. Returns
    notes for the user (a closed stdout), to print once stderr is ready."""
    closed = _reopen_closed_descriptors()
    notes = []
    out_encoding = _encoding_of(sys.stdout, "utf-8")
    err_encoding = _encoding_of(sys.stderr, "utf-8")
    if 0 in closed or sys.stdin is None:
        sys.stdin = io.TextIOWrapper(io.FileIO(0, "rb", closefd=False), encoding="utf-8", errors="replace")
    stdout_raw = FdWriter(1)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(stdout_raw, buffer_size=1 << 16),
        encoding=out_encoding,
        errors=ESCAPE_ERRORS,
        line_buffering=stdout_raw.isatty(),
    )
    stderr_raw = FdWriter(2)
    sys.stderr = EscapingStderr(
        io.TextIOWrapper(
            io.BufferedWriter(stderr_raw),
            encoding=err_encoding,
            errors="backslashreplace",
            line_buffering=True,
        )
    )
    if 1 in closed:
        notes.append("standard output is closed; the output is discarded")
    return notes


def prefer_json_encoding(stream: Any) -> None:
    """JSON goes out as UTF-8, the encoding JSON is exchanged in, unless the
    output is plain ASCII: then as ASCII with \\u escapes (still valid UTF-8)."""
    if not isinstance(stream, io.TextIOWrapper):
        return
    current = _encoding_of(stream, "utf-8")
    wanted = "ascii" if current == "ascii" else "utf-8"
    if current != wanted or stream.errors != ESCAPE_ERRORS:
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
            stream.reconfigure(encoding=wanted, errors=ESCAPE_ERRORS)


def _stdout_raw() -> Any:
    return getattr(getattr(sys.stdout, "buffer", None), "raw", None)


def stdout_broken() -> bool:
    """Whether a write to stdout found its reader gone, whoever caught the error
    (rich and click turn it into SystemExit(1))."""
    return bool(getattr(_stdout_raw(), "broken", False))


def stdout_error() -> OSError | None:
    """The error a write to stdout failed with (a full disk, a descriptor not open
    for writing), if one did."""
    return getattr(_stdout_raw(), "error", None)


def prefer_html_escapes(stream: Any) -> None:
    """HTML takes characters its encoding lacks as character references (&#x4e2d;),
    which every browser shows as the character itself."""
    if isinstance(stream, io.TextIOWrapper) and _encoding_of(stream, "utf-8") not in _UNICODE_CODECS:
        with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
            stream.reconfigure(errors="xmlcharrefreplace")


def raw_terminal(stream: Any) -> Any:
    """The unescaped stream behind stderr (for a progress bar)."""
    return getattr(stream, "terminal", stream)
