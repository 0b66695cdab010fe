"""Reading: PATHS -> a stream of raw documents (decoded text or an error).

One article per `.txt` file; one per record of a `.jsonl`/`.ndjson` file (a
line), a `.json` array (an element) or a CSV/TSV file with a header (a row),
their keys mapped to article fields by data/input_fields.json or `--field`;
`.gz` forms of all; directories walked recursively in sorted order; globs; `-`
for stdin, gunzipped and recognised by content. Every article yields one
`RawDocument`, in input order, and a bad input yields one carrying a
`ReadError` instead of text, so nothing is lost. Records stream: each is
yielded as soon as its line has been read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
import gzip
import hashlib
import io
import json
import os
import re
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # an article larger than this is not an article
# Read in a directory walk. `.json`, `.csv` and `.tsv` files are read when named (or
# globbed) only: in a directory they are as often metadata or tables as articles.
ARTICLE_SUFFIXES = tuple(base + gz for base in (".txt", ".jsonl", ".ndjson") for gz in ("", ".gz"))
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
    line: int | None = None  # a record's line in its file (JSONL, CSV), for annotations


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
                yield (
                    path,
                    ReadError(
                        "no_articles",
                        f"no .txt, .jsonl or .ndjson files under directory {path}",
                    ),
                )
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
        # Without a NUL byte it is not wide text (control characters in UTF-8 decoded
        # as UTF-16 give mojibake).
        found = _detect_wide(data) if b"\x00" in data else None
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


# ---------------------------------------------------------------------------
# records: JSONL, .ndjson, .json arrays, CSV/TSV rows

RECORD_FIELDS = ("id", "text", "title", "published", "source", "url")


def _normal_key(key: str) -> str:
    return key.strip().lower().replace("-", "_").replace(" ", "_")


def parse_field_overrides(specs: Iterable[str]) -> dict[str, str]:
    """`--field FIELD=KEY` values -> {field: key}. Raises ValueError with a message for the user."""
    out: dict[str, str] = {}
    for spec in specs:
        field_name, sep, key = spec.partition("=")
        field_name, key = field_name.strip(), key.strip()
        if not sep or not key:
            raise ValueError(f"--field {spec!r}: write FIELD=KEY, e.g. --field published=pubdate")
        if field_name not in RECORD_FIELDS:
            raise ValueError(
                f"--field {spec!r}: unknown field {field_name!r}; one of {', '.join(RECORD_FIELDS)}"
            )
        out[field_name] = key
    return out


class FieldMap:
    """Which record key feeds which article field: the keys of data/input_fields.json,
    in order, unless `--field` named one."""

    def __init__(self, explicit: Mapping[str, str] | None = None) -> None:
        from newsctl.data import load_json

        aliases = load_json("input_fields.json")["fields"]
        self._aliases = {name: [_normal_key(k) for k in aliases[name]] for name in RECORD_FIELDS}
        self._explicit = dict(explicit or {})
        self._cache: dict[tuple[str, ...], dict[str, list[str]]] = {}

    def candidates(self, keys: tuple[str, ...]) -> dict[str, list[str]]:
        """Per field, the record's keys that may feed it, best first."""
        found = self._cache.get(keys)
        if found is not None:
            return found
        by_normal: dict[str, str] = {}
        for key in keys:
            by_normal.setdefault(_normal_key(key), key)
        found = {}
        for name, aliases in self._aliases.items():
            if name in self._explicit:
                wanted = self._explicit[name]
                actual = wanted if wanted in keys else by_normal.get(_normal_key(wanted))
                found[name] = [actual] if actual is not None else []
            else:
                found[name] = [by_normal[alias] for alias in aliases if alias in by_normal]
        if len(self._cache) < 64:
            self._cache[keys] = found
        return found


_EPOCH = re.compile(r"\s*\d{10}(?:\d{3})?\s*")  # Unix seconds or milliseconds, as text


def _epoch_iso(value: float) -> str | None:
    """A Unix timestamp in seconds or milliseconds as ISO 8601 UTC."""
    seconds = value / 1000 if abs(value) >= 1e11 else value
    try:
        stamp = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


def _field_value(name: str, value: Any) -> str | None:
    """The value as the field takes it, or None when it cannot feed the field."""
    if isinstance(value, bool) or value is None:
        return None
    if name == "text":  # a blank one gives way to another key (CSV rows have empty cells)
        return value if isinstance(value, str) and value.strip() else None
    if name == "id" and isinstance(value, int):
        return str(value)
    if name == "published":
        if isinstance(value, (int, float)):
            return _epoch_iso(value)
        if isinstance(value, str) and _EPOCH.fullmatch(value):
            return _epoch_iso(int(value))
    if isinstance(value, str) and value.strip():
        return _without_surrogates(value.strip() if name in ("id", "url") else value)
    return None


@dataclass(frozen=True)
class RecordPlace:
    """Where a record sits: its file, its line there (None inside a .json array) and the id
    to use when it has none of its own."""

    path: str
    line: int | None
    fallback_id: str


def record_document(
    place: RecordPlace, record: Any, fields: FieldMap, encoding: str = "utf-8"
) -> tuple[RawDocument, list[str]]:
    """One article from one decoded record -> (document, the record's keys left unused)."""
    path, fallback_id = place.path, place.fallback_id
    if not isinstance(record, dict):
        error = ReadError("invalid_record", f"expected an object, not {_json_kind(record)}")
        return RawDocument(fallback_id, path, line=place.line, error=error), []
    keys = tuple(str(key) for key in record)
    values: dict[str, str] = {}
    used: set[str] = set()
    recognised: set[str] = set()  # keys a field reads, used or not (a null `published`)
    for name, candidates in fields.candidates(keys).items():
        recognised.update(candidates)
        for key in candidates:
            value = _field_value(name, record.get(key))
            if value is not None:
                values[name] = value
                used.add(key)
                break
    if "text" not in values and any(
        isinstance(record.get(key), str) for key in fields.candidates(keys)["text"]
    ):
        doc_id = values.get("id") or values.get("url") or fallback_id
        return RawDocument(doc_id, path, line=place.line, error=ReadError("empty", "no text")), []
    ignored = [key for key in keys if key not in used and key not in recognised]
    if "text" not in values:
        shown = ", ".join(repr(key) for key in keys[:8]) + (", ..." if len(keys) > 8 else "")
        message = (
            f'no article text: expected a "text" string (or content, body, ...) among {shown or "no keys"};'
            " name it with --field text=KEY"
        )
        return RawDocument(fallback_id, path, line=place.line, error=ReadError("invalid_record", message)), []
    raw_text = values["text"]
    doc_id = values.get("id") or values.get("url") or fallback_id
    digest = hashlib.sha256(raw_text.encode("utf-8", errors="surrogatepass")).hexdigest()
    text = _without_surrogates(raw_text)
    document = RawDocument(
        doc_id,
        path,
        text=text,
        sha256=digest,
        encoding=encoding,
        title=values.get("title"),
        source=values.get("source"),
        published=values.get("published"),
        line=place.line,
    )
    return document, ignored


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a number" if isinstance(value, (int, float)) else type(value).__name__


class _IgnoredKeys:
    """One note per file naming the keys no field used (first seen in the first record
    that had any), so a user learns why a date or a title did not come through."""

    def __init__(self, path: str, note: Callable[[str], None] | None) -> None:
        self.path = path
        self.note = note
        self.done = note is None

    def saw(self, ignored: list[str]) -> None:
        if self.done or not ignored:
            return
        self.done = True
        assert self.note is not None
        shown = ", ".join(repr(key) for key in ignored[:8]) + (", ..." if len(ignored) > 8 else "")
        self.note(f"{self.path}: ignored record keys {shown} (map one with --field FIELD=KEY)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """JSON can carry lone surrogates (`\\ud800`) that no encoder writes: each becomes
    U+FFFD, one for one, so spans still index the text as given."""
    return _SURROGATE.sub("\ufffd", text)


def _decoded_line(line: bytes, encoding: str) -> str:
    try:
        return line.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            "decode_error", f"not valid {encoding} at byte {exc.start}; check --encoding"
        ) from None


def _jsonl_record(
    path: str, line_number: int, line: bytes, *, max_bytes: int, encoding: str | None, fields: FieldMap
) -> tuple[RawDocument, list[str]]:
    place = RecordPlace(path, line_number, f"{path}:{line_number}")
    if len(line) > max_bytes:
        return RawDocument(
            place.fallback_id,
            path,
            line=line_number,
            error=ReadError("too_large", f"larger than {max_bytes} bytes"),
        ), []
    used = encoding or "utf-8"
    try:
        record = json.loads(_decoded_line(line, encoding) if encoding else line)
    except UnicodeDecodeError:
        # Not UTF-8 (json.loads also reads UTF-16/32): detected as a .txt file would be (GBK, Big5...).
        try:
            text, used = decode_bytes(line)
            record = json.loads(text)
        except InputError as exc:
            return RawDocument(
                place.fallback_id, path, line=line_number, error=ReadError(exc.code, exc.message)
            ), []
        except (ValueError, RecursionError):
            error = ReadError("invalid_json", f"invalid JSON in {used}")
            return RawDocument(place.fallback_id, path, line=line_number, error=error), []
    except InputError as exc:
        return RawDocument(
            place.fallback_id, path, line=line_number, error=ReadError(exc.code, exc.message)
        ), []
    except RecursionError:
        error = ReadError("invalid_json", "invalid JSON (nested too deeply)")
        return RawDocument(place.fallback_id, path, line=line_number, error=error), []
    except ValueError as exc:
        if not line.endswith(b"\n"):
            message = "the file ends in the middle of a record (truncated?); every record before it was read"
        else:
            message = f"invalid JSON ({_json_problem(exc)})"
        return RawDocument(
            place.fallback_id, path, line=line_number, error=ReadError("invalid_json", message)
        ), []
    return record_document(place, record, fields, used)


def _json_problem(exc: ValueError) -> str:
    """What json.loads disliked, by character: its own `line 2 column 1` counts the
    line's newline and would contradict the record's line number."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg.removesuffix(' at')} at character {exc.pos + 1}"
    return f"{exc.__class__.__name__}: {str(exc)[:80]}"


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


def _ascii_compatible(encoding: str) -> bool:
    return "\n{}".encode(encoding) == b"\n{}"


def read_jsonl_documents(
    path: str,
    handle: BinaryIO,
    *,
    max_bytes: int,
    encoding: str | None = None,
    fields: FieldMap | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[RawDocument]:
    """One document per non-blank line, each as soon as its line has arrived."""
    fields = fields or FieldMap()
    ignored_keys = _IgnoredKeys(path, note)
    if encoding and not _ascii_compatible(encoding):
        # UTF-16/32: lines cannot be split in bytes; read as text, hand json.loads UTF-8.
        handle = _reencoded(handle, encoding)
    decode_as = encoding if encoding and _ascii_compatible(encoding) else None
    line_number = 0
    records = 0
    try:
        for line_number, line in enumerate(_iter_lines(handle, max_bytes), start=1):
            if line_number == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            if not line.strip():
                continue
            records += 1
            document, ignored = _jsonl_record(
                path, line_number, line, max_bytes=max_bytes, encoding=decode_as, fields=fields
            )
            if encoding and decode_as is None and document.encoding:
                document = replace(document, encoding=encoding)
            ignored_keys.saw(ignored)
            yield document
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        yield _stopped(path, line_number, exc)
        return
    if records == 0:
        yield RawDocument(path, path, error=ReadError("empty", "no records (an empty file)"))


def _stopped(path: str, line_number: int, exc: BaseException) -> RawDocument:
    """The document for a stream that broke off: the records before it were all read."""
    if isinstance(exc, EOFError):
        reason = "the compressed data ends early (truncated?)"
    elif isinstance(exc, UnicodeDecodeError):
        reason = f"cannot decode the text ({exc.reason}); check --encoding"
    else:
        reason = str(exc)
    if line_number:
        message = f"stopped reading after line {line_number}: {reason}; every record before it was read"
    else:
        message = f"stopped reading before the first line: {reason}"
    return RawDocument(
        f"{path}:{line_number + 1}", path, line=line_number + 1, error=ReadError("read_error", message)
    )


def _reencoded(handle: BinaryIO, encoding: str) -> BinaryIO:
    """A binary stream of `handle`'s text (in `encoding`) as UTF-8, line by line."""
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")

    class Lines(io.RawIOBase):
        pending = b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            if not self.pending:
                self.pending = text.readline().encode("utf-8", errors="surrogatepass")
            size = min(len(buffer), len(self.pending))
            buffer[:size] = self.pending[:size]
            self.pending = self.pending[size:]
            return size

    return io.BufferedReader(Lines())


def read_json_documents(
    path: str,
    data: bytes,
    *,
    encoding: str | None,
    fields: FieldMap | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[RawDocument]:
    """A `.json` file: an array of article objects (or one object)."""
    fields = fields or FieldMap()
    try:
        text, used = decode_bytes(data, encoding) if data.strip() else ("", "utf-8")
        if not text.strip():
            yield RawDocument(path, path, error=ReadError("empty", "empty file"))
            return
        value = json.loads(text)
    except InputError as exc:
        yield RawDocument(path, path, error=ReadError(exc.code, exc.message))
        return
    except RecursionError:
        yield RawDocument(path, path, error=ReadError("invalid_json", "invalid JSON (nested too deeply)"))
        return
    except ValueError as exc:
        yield RawDocument(path, path, error=ReadError("invalid_json", f"invalid JSON ({str(exc)[:120]})"))
        return
    if isinstance(value, dict):
        document, ignored = record_document(RecordPlace(path, None, path), value, fields, used)
        _IgnoredKeys(path, note).saw(ignored)
        yield document
        return
    if not isinstance(value, list):
        error = ReadError("invalid_record", f"expected an array of article objects, not {_json_kind(value)}")
        yield RawDocument(path, path, error=error)
        return
    if not value:
        yield RawDocument(path, path, error=ReadError("empty", "no records (an empty array)"))
        return
    ignored_keys = _IgnoredKeys(path, note)
    for index, record in enumerate(value):
        document, ignored = record_document(RecordPlace(path, None, f"{path}[{index}]"), record, fields, used)
        ignored_keys.saw(ignored)
        yield document


_SAMPLE_BYTES = 1 << 16  # what a streamed file's codec is detected from


def _table_codec(head: bytes, encoding: str | None) -> tuple[str, str]:
    """(codec to decode a CSV/TSV stream with, encoding name as reported), detected from
    its first bytes (cut at a line end, so no character is split) unless forced."""
    if encoding:
        return encoding, encoding
    sample = head
    if len(head) >= _SAMPLE_BYTES and b"\n" in head:
        sample = head[: head.rindex(b"\n") + 1]
    _, used = decode_bytes(sample)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", used
    # GBK is reported when the sample fits it; GB18030 (its superset) decodes the rest safely.
    return ("gb18030" if used == "gbk" else used), used


def read_table_documents(
    path: str,
    handle: BinaryIO,
    *,
    delimiter: str,
    encoding: str | None,
    max_bytes: int,
    fields: FieldMap | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[RawDocument]:
    """A CSV or TSV file with a header row: one article per row, read as a stream (a row
    longer than max_bytes stops the file, as no article is that long)."""
    import csv

    fields = fields or FieldMap()
    head = handle.read(_SAMPLE_BYTES)
    if not head.strip():
        yield RawDocument(path, path, error=ReadError("empty", "empty file"))
        return
    try:
        codec, used = _table_codec(head, encoding)
    except InputError as exc:
        yield RawDocument(path, path, error=ReadError(exc.code, exc.message))
        return
    # Bytes the codec rejects become lone surrogates, so one bad row is one decode_error.
    stream = io.BufferedReader(_Replay(head, handle))
    text = io.TextIOWrapper(stream, encoding=codec, errors="surrogateescape", newline="")
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))
    reader = csv.reader(text, delimiter=delimiter)
    ignored_keys = _IgnoredKeys(path, note)
    records = 0
    start = 1
    try:
        header = next(reader, None) or []
        start = reader.line_num + 1
        for row in reader:
            line, start = start, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            records += 1
            place = RecordPlace(path, line, f"{path}:{line}")
            if any(_SURROGATE.search(cell) for cell in row):
                error = ReadError("decode_error", f"not valid {used} in this row; check --encoding")
                yield RawDocument(place.fallback_id, path, line=line, error=error)
                continue
            if len(row) > len(header):
                error = ReadError("invalid_record", f"{len(row)} columns, but the header has {len(header)}")
                yield RawDocument(place.fallback_id, path, line=line, error=error)
                continue
            document, ignored = record_document(place, dict(zip(header, row, strict=False)), fields, used)
            ignored_keys.saw(ignored)
            yield document
    except csv.Error as exc:
        error = ReadError("invalid_record", f"not valid CSV from here on: {exc}")
        yield RawDocument(f"{path}:{start}", path, line=start, error=error)
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield _stopped(path, start - 1, exc)
        return
    if not records:
        yield RawDocument(path, path, error=ReadError("empty", "no rows under the header"))


# ---------------------------------------------------------------------------
# the entry point


def input_kind(path: str, input_format: str | None) -> str:
    """How a named file is read: txt, jsonl, json, csv or tsv."""
    if input_format:
        return input_format
    name = path.lower().removesuffix(".gz")
    for suffix, kind in (
        (".jsonl", "jsonl"),
        (".ndjson", "jsonl"),
        (".json", "json"),
        (".csv", "csv"),
        (".tsv", "tsv"),
    ):
        if name.endswith(suffix):
            return kind
    return "txt"


def check_encoding(name: str) -> str:
    """The codec's canonical name; ValueError for an unknown codec or one that does
    not decode bytes to text (rot13, hex, base64, zlib)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ValueError(f"--encoding: unknown codec {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ValueError(f"--encoding: {name!r} is not a text encoding; name one such as utf-8, gbk or big5")
    return info.name


class _Replay(io.RawIOBase):
    """`head` (already read) followed by the rest of `stream`, read as it arrives."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self.head = head
        self.stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        read1 = getattr(self.stream, "read1", None)
        data = read1(len(buffer)) if read1 is not None else self.stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _sniff_stdin(stream: BinaryIO) -> tuple[BinaryIO, str]:
    """Standard input, gunzipped when it is gzip, and its kind by content: `jsonl` when the
    first line is a JSON object, `json` when it opens an array, else `txt`."""
    magic = stream.read(2)
    stream = io.BufferedReader(_Replay(magic, stream))
    if magic == b"\x1f\x8b":
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"))
    head = stream.readline(1 << 20)
    stream = io.BufferedReader(_Replay(head, stream))
    first = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n")[:1]
    if first == b"[":
        return stream, "json"
    if first == b"{":
        if not head.endswith(b"\n") and len(head) >= 1 << 20:
            return stream, "jsonl"
        try:
            if isinstance(json.loads(head.lstrip(codecs.BOM_UTF8)), dict):
                return stream, "jsonl"
        except (ValueError, RecursionError):
            pass
    return stream, "txt"


def spool_stdin(stdin: BinaryIO, out: BinaryIO) -> str:
    """Copy standard input to `out` (gunzipped) for a run that reads it twice; returns
    its kind as recognised by content (txt, jsonl or json)."""
    stream, kind = _sniff_stdin(stdin)
    while chunk := stream.read(1 << 20):
        out.write(chunk)
    return kind


def iter_documents(
    paths: list[str],
    *,
    encoding: str | None = None,
    input_format: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    fields: Mapping[str, str] | None = None,
    note: Callable[[str], None] | None = None,
) -> Iterator[RawDocument]:
    """Every article named by `paths`, one at a time, in input order. `fields` maps
    article fields to record keys (`--field`); `note` receives one line per file
    about record keys that were left unused."""
    field_map = FieldMap(fields)
    for path, error in expand_paths(paths):
        if error is not None:
            yield RawDocument(path, path, error=error)
            continue
        if path == "-":
            stream = stdin if stdin is not None else io.BufferedReader(io.FileIO(0, closefd=False))
            try:
                stream, sniffed = _sniff_stdin(stream)
            except (OSError, EOFError, zlib.error) as exc:
                yield _stopped("-", 0, exc)
                continue
            yield from _read_stream(
                "-", stream, input_format or sniffed, encoding, max_bytes, field_map, note
            )
            continue
        kind = input_kind(path, input_format)
        if kind == "txt":
            yield read_text_document(path, encoding=encoding, max_bytes=max_bytes)
            continue
        try:
            with _open_binary(path) as handle:
                yield from _read_stream(path, handle, kind, encoding, max_bytes, field_map, note)
        except OSError as exc:
            yield RawDocument(path, path, error=_os_error(exc))


def _read_stream(
    path: str,
    stream: BinaryIO,
    kind: str,
    encoding: str | None,
    max_bytes: int,
    fields: FieldMap,
    note: Callable[[str], None] | None,
) -> Iterator[RawDocument]:
    if kind == "jsonl":
        yield from read_jsonl_documents(
            path, stream, max_bytes=max_bytes, encoding=encoding, fields=fields, note=note
        )
        return
    if kind in ("csv", "tsv"):
        delimiter = "\t" if kind == "tsv" else ","
        yield from read_table_documents(
            path,
            stream,
            delimiter=delimiter,
            encoding=encoding,
            max_bytes=max_bytes,
            fields=fields,
            note=note,
        )
        return
    try:
        data = stream.read() if kind == "json" else _read_limited(stream, max_bytes)
    except InputError as exc:
        yield RawDocument(path, path, error=ReadError(exc.code, exc.message))
        return
    except (OSError, EOFError, zlib.error) as exc:
        yield _stopped(path, 0, exc)
        return
    if kind == "txt":
        yield read_text_document(path, data, encoding=encoding, max_bytes=max_bytes)
    else:
        yield from read_json_documents(path, data, encoding=encoding, fields=fields, note=note)
