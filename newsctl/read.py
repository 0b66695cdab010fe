"""Reading: PATHS -> a stream of raw documents (decoded text or an error).

One article per `.txt` file, one per line of a `.jsonl` file; `.gz` forms of
both; directories walked recursively in sorted order; globs; `-` for stdin.
Every input yields exactly one `RawDocument`, in input order, and a bad input
yields one carrying a `ReadError` instead of text, so nothing is lost.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not an article
ARTICLE_SUFFIXES = (".txt", ".txt.gz", ".jsonl", ".jsonl.gz")
GLOB_CHARS = set("*?[")

# Codecs tried by detection, in order of preference for a tie.
DETECTION_CODECS = ("gb18030", "big5")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
    b"GIF8",
    b"\xff\xd8\xff",
    b"BZh",
    b"\xfd7zXZ",
)


@dataclass(frozen=True)
class ReadError:
    """Why an input could not be read. `code` is one of the documented error codes."""

    code: str
    message: str


@dataclass(frozen=True)
class RawDocument:
    id: str
    path: str
    text: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    error: ReadError | None = None


class InputError(Exception):
    """Raised by decoding helpers; carries the error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# ---------------------------------------------------------------------------
# paths


def expand_paths(paths: list[str]) -> Iterator[tuple[str, ReadError | None]]:
    """Yield (path, error) for each input in order; directories are walked."""
    for path in paths:
        if path == "-":
            yield path, None
            continue
        if os.path.isdir(path):
            found = list(_walk(path))
            if not found:
                yield path, ReadError("no_articles", f"no .txt or .jsonl files under directory {path}")
            yield from found
            continue
        if os.path.lexists(path):
            yield path, None
            continue
        if GLOB_CHARS & set(path):
            matches = sorted(m for m in glob.glob(path, recursive=True) if not os.path.isdir(m))
            if matches:
                yield from ((m, None) for m in matches)
                continue
            yield path, ReadError("not_found", f"no file matches {path}")
            continue
        yield path, ReadError("not_found", "no such file or directory; check the path")


def _walk(top: str) -> Iterator[tuple[str, ReadError | None]]:
    """Article files under `top` in path order (names compared level by level, so
    `a.txt`, `b/c.txt`, `d.txt`). Symlinked directories are followed, but each
    real directory is entered once, so a symlink loop cannot make the walk
    endless. Hidden entries are skipped, and so are FIFOs, sockets and devices
    (opening one could block); a symlink that cannot be resolved is yielded so
    that reading it reports why. The walk uses a stack, not recursion."""
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(directory: str) -> ReadError | None:
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                return None
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(directory) as entries:
                stack.append(iter(sorted(entries, key=lambda entry: entry.name)))
        except OSError as exc:
            return _os_error(exc)
        return None

    error = enter(top)
    if error is not None:
        yield top, error
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            mode = os.stat(entry.path).st_mode
        except OSError:
            mode = None  # a broken symlink or a symlink loop
        if mode is not None and stat.S_ISDIR(mode):
            error = enter(entry.path)
            if error is not None:
                yield entry.path, error
        elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
            if mode is None or stat.S_ISREG(mode):
                yield entry.path, None
            else:
                # Accounted for, never opened: a FIFO in a directory could block forever.
                yield entry.path, ReadError("read_error", "not a regular file (a FIFO, socket or device)")


def _is_jsonl(path: str, input_format: str | None) -> bool:
    if input_format:
        return input_format == "jsonl"
    return path.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson"))


# ---------------------------------------------------------------------------
# decoding


# C0 control bytes that never occur in text (tab, newlines, form feed and ESC do).
_BINARY_CONTROLS = bytes(set(range(0x20)) - set(b"\t\n\r\x0b\x0c\x1b"))


def looks_binary(data: bytes) -> bool:
    """Known binary signatures, NUL bytes, or many control bytes. Only for data
    without a BOM: UTF-16/32 text is full of NULs."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:8192]
    if sample.count(b"\x00") > max(1, len(sample) // 100):
        return True
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    return controls > max(2, len(sample) // 50)


def _valid_utf8_share(data: bytes) -> float:
    """Share of non-ASCII bytes that sit in valid UTF-8 sequences."""
    non_ascii = sum(1 for b in data[:65536] if b >= 0x80)
    if not non_ascii:
        return 1.0
    decoded = data[:65536].decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    return max(0.0, 1.0 - bad / non_ascii)


def _plausibility(text: str) -> float:
    """How much `text` looks like real Chinese: share of common CJK characters."""
    from newsctl.data import common_hanzi

    common = common_hanzi()
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for ch in han if ch in common) / len(han)


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode an article's bytes; returns (text, encoding name as reported)."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise InputError("bad_encoding", f"unknown encoding {encoding!r}") from None
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError as exc:
            raise InputError(
                "decode_error", f"not valid {codec} at byte {exc.start}; check --encoding"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError("decode_error", f"invalid {codec} at byte {exc.start}") from None
            return text.lstrip("\ufeff"), "utf-8" if codec == "utf-8-sig" else codec
    if looks_binary(data):
        # UTF-16/32 without a BOM is full of NULs too: let detection have a look first.
        found = _detect_wide(data)
        if found is None:
            raise InputError("binary", "binary data, not text; is this the right file?")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error_at = exc.start
    if _valid_utf8_share(data) > 0.9:
        # Mostly UTF-8 with damage: another codec would only produce mojibake.
        raise InputError(
            "decode_error",
            f"invalid UTF-8 at byte {utf8_error_at}; fix the file or force a codec with --encoding",
        )
    candidates = []
    for codec in DETECTION_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), -DETECTION_CODECS.index(codec), text, codec))
    if not candidates:
        found = _detect_any(data)
        if found is None:
            raise InputError(
                "decode_error",
                "not UTF-8, GB18030 or Big5, and no other encoding fits; name it with --encoding",
            )
        return found
    _, _, text, codec = max(candidates)
    return text, "gbk" if codec == "gb18030" and _is_gbk(data) else codec


def _printable_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t") / len(text)


def _detect_wide(data: bytes) -> tuple[str, str] | None:
    """UTF-16/32 without a BOM, by charset-normalizer, accepted only when the result
    reads as Chinese (a binary file can decode as UTF-16 too)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]).best()
    if best is None:
        return None
    text = str(best)
    if _printable_share(text) < 0.95 or _plausibility(text) < 0.6:
        return None
    return text, best.encoding.replace("_", "-")


def _detect_any(data: bytes) -> tuple[str, str] | None:
    """Last resort for what is neither UTF-8 nor a Chinese codec (Shift-JIS, cp1252, ...):
    charset-normalizer's best guess, when it decodes to printable text."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if _printable_share(text) < 0.95:
        return None
    return text, best.encoding.replace("_", "-")


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------------------
# documents


def _read_limited(handle: BinaryIO, max_bytes: int) -> bytes:
    data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            "too_large",
            f"larger than {max_bytes} bytes; raise --max-bytes if this really is one article",
        )
    return data


def _open_binary(path: str) -> BinaryIO:
    handle: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed by the caller
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=handle, mode="rb")  # type: ignore[return-value]
    return handle


def _os_error(exc: OSError) -> ReadError:
    if isinstance(exc, PermissionError):
        return ReadError("permission_denied", "permission denied; check the file's permissions")
    if isinstance(exc, IsADirectoryError):
        return ReadError("read_error", "is a directory")
    if exc.errno == 40:  # ELOOP
        return ReadError("read_error", "too many levels of symbolic links (a symlink loop?)")
    if isinstance(exc, FileNotFoundError):
        return ReadError("not_found", "no such file (a broken symlink?)")
    return ReadError("read_error", exc.strerror or str(exc))


def read_text_document(
    path: str, data: bytes | None = None, *, encoding: str | None, max_bytes: int
) -> RawDocument:
    """One article from a file (or from `data`, already read)."""
    try:
        if data is None:
            mode = os.stat(path).st_mode
            if stat.S_ISDIR(mode):
                raise InputError("read_error", "is a directory")
            with _open_binary(path) as handle:
                data = _read_limited(handle, max_bytes)
        elif len(data) > max_bytes:
            raise InputError("too_large", f"larger than {max_bytes} bytes; raise --max-bytes")
        digest = hashlib.sha256(data).hexdigest()
        if not data.strip():
            return RawDocument(path, path, sha256=digest, error=ReadError("empty", "empty file"))
        text, used = decode_bytes(data, encoding)
        if not text.strip():
            return RawDocument(path, path, sha256=digest, encoding=used, error=ReadError("empty", "no text"))
        return RawDocument(path, path, text=text, sha256=digest, encoding=used)
    except InputError as exc:
        return RawDocument(path, path, error=ReadError(exc.code, exc.message))
    except (OSError, EOFError, zlib.error) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, gzip.BadGzipFile):
            return RawDocument(path, path, error=_os_error(exc))
        return RawDocument(path, path, error=ReadError("read_error", f"corrupt gzip data: {exc}"))


def _record_document(path: str, line_number: int, line: bytes, max_bytes: int) -> RawDocument:
    fallback_id = f"{path}:{line_number}"
    if len(line) > max_bytes:
        return RawDocument(
            fallback_id,
            path,
            error=ReadError("too_large", f"line {line_number} is larger than {max_bytes} bytes"),
        )
    try:
        record = json.loads(line)
    except RecursionError:
        message = f"line {line_number}: invalid JSON (nested too deeply)"
        return RawDocument(fallback_id, path, error=ReadError("invalid_json", message))
    except (ValueError, UnicodeDecodeError) as exc:
        message = f"line {line_number}: invalid JSON ({exc.__class__.__name__}: {str(exc)[:80]})"
        return RawDocument(fallback_id, path, error=ReadError("invalid_json", message))
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return RawDocument(
            fallback_id,
            path,
            error=ReadError("invalid_record", f'line {line_number}: expected an object with a "text" string'),
        )
    record_id = record.get("id")
    doc_id = str(record_id) if isinstance(record_id, (str, int)) and not isinstance(record_id, bool) else None
    doc_id = _without_surrogates(doc_id) if doc_id else fallback_id
    digest = hashlib.sha256(record["text"].encode("utf-8", errors="surrogatepass")).hexdigest()
    text = _without_surrogates(record["text"])

    def optional_str(key: str) -> str | None:
        value = record.get(key)
        return _without_surrogates(value) if isinstance(value, str) and value.strip() else None

    if not text.strip():
        return RawDocument(doc_id, path, sha256=digest, encoding="utf-8", error=ReadError("empty", "no text"))
    return RawDocument(
        doc_id,
        path,
        text=text,
        sha256=digest,
        encoding="utf-8",
        title=optional_str("title"),
        source=optional_str("source"),
        published=optional_str("published"),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """JSON can carry lone surrogates (`\\ud800`) that no encoder writes: each becomes
    U+FFFD, one for one, so spans still index the text as given."""
    return _SURROGATE.sub("\ufffd", text)


def _iter_lines(handle: BinaryIO, max_bytes: int) -> Iterator[bytes]:
    """Lines of at most max_bytes+1 bytes each; the rest of an overlong line is skipped
    in bounded chunks, so one endless line cannot exhaust memory."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def read_jsonl_documents(path: str, handle: BinaryIO, *, max_bytes: int) -> Iterator[RawDocument]:
    line_number = 0
    try:
        for line_number, line in enumerate(_iter_lines(handle, max_bytes), start=1):
            if line_number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            yield _record_document(path, line_number, line, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield RawDocument(
            f"{path}:{line_number + 1}",
            path,
            error=ReadError("read_error", f"stopped reading after line {line_number}: {exc}"),
        )


def iter_documents(
    paths: list[str],
    *,
    encoding: str | None = None,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument]:
    """Every article named by `paths`, one at a time, in input order."""
    for path, error in expand_paths(paths):
        if error is not None:
            yield RawDocument(path, path, error=error)
            continue
        if path == "-":
            stream = stdin if stdin is not None else io.BufferedReader(io.FileIO(0, closefd=False))
            if input_format == "jsonl":
                yield from read_jsonl_documents("-", stream, max_bytes=max_bytes)
            else:
                try:
                    data = _read_limited(stream, max_bytes)
                except InputError as exc:
                    yield RawDocument("-", "-", error=ReadError(exc.code, exc.message))
                    continue
                yield read_text_document("-", data, encoding=encoding, max_bytes=max_bytes)
            continue
        if _is_jsonl(path, input_format):
            try:
                with _open_binary(path) as handle:
                    yield from read_jsonl_documents(path, handle, max_bytes=max_bytes)
            except OSError as exc:
                yield RawDocument(path, path, error=_os_error(exc))
            continue
        yield read_text_document(path, encoding=encoding, max_bytes=max_bytes)
