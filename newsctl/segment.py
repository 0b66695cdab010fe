"""Word segmentation: one owned jieba Tokenizer (or rjieba), built lazily.

jieba's global tokenizer is built on first use, logs to stderr and caches its
dictionary in a shared temp file. We own an instance instead: its cache lives
in the user cache directory, its log lines are silenced unless asked for, and
nothing is loaded until a command actually needs words.

Part-of-speech tags and IDF weights come from jieba's own data files through a
`Lexicon`: an SQLite table built once into the user cache directory and queried
only for the words a document contains. Loading the full 350,000-word tables
into dicts costs over a second per run (more than cutting a whole article);
a batched point lookup costs milliseconds. jieba.posseg's HMM tagger is never
run on whole documents: it is several times slower than cutting.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from pathlib import Path
from types import ModuleType

from newsctl.cache import files_key, package_dir, remove_stale_versions

SEGMENTERS = ("auto", "jieba", "rjieba")
LEXICON_SCHEMA = 1
_NO_ENTRY: tuple[str | None, float | None] = (None, None)
_QUERY_BATCH = 900  # bound parameters per query: under SQLite's old limit of 999
_MMAP_BYTES = 64 << 20  # more than the lexicon file (about 9 MB)
_WORD, _ENTRY = itemgetter(0), itemgetter(slice(1, 3))  # of a (word, tag, idf) row
_TAG = re.compile(r"[A-Za-z]{1,5}")
_ASCII_JOINED = re.compile(r"[A-Za-z0-9][^A-Za-z0-9\u3400-\u9fff\s]+[A-Za-z0-9]")
_ASCII_PIECE = re.compile(r"[A-Za-z0-9]+(?:\.\d+)?%?|[^A-Za-z0-9]")  # jieba HMM keeps decimals: PM2.5


# ---------------------------------------------------------------------------
# user dictionaries


@dataclass(frozen=True)
class UserDictProblem:
    line: int
    message: str


@dataclass(frozen=True)
class UserWord:
    word: str
    freq: int | None
    tag: str | None


def parse_userdict(path: str | os.PathLike[str]) -> tuple[list[UserWord], list[UserDictProblem]]:
    """jieba's user-dictionary format (`word [freq] [tag]` per line), tolerating
    a BOM and CRLF; bad lines are reported with their numbers, not fatal.
    Raises OSError when the file cannot be read at all."""
    words: list[UserWord] = []
    problems: list[UserDictProblem] = []
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # Report where the bad byte is, then keep the lines that do decode.
        bad = raw[: exc.start].count(b"\n") + 1
        problems.append(UserDictProblem(bad, f"not UTF-8 (byte {exc.start}); save the dictionary as UTF-8"))
        text = raw.decode("utf-8-sig", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "\ufffd" in line:
            if not any(p.line == number for p in problems):
                problems.append(UserDictProblem(number, "undecodable bytes; line skipped"))
            continue
        parts = line.split()
        word, rest = parts[0], parts[1:]
        freq: int | None = None
        tag: str | None = None
        if rest and rest[0].isascii() and rest[0].isdigit():  # not ² or other digits int() refuses
            freq = int(rest.pop(0))
        if rest and _TAG.fullmatch(rest[0]):
            tag = rest.pop(0).lower()
        if rest:
            problems.append(UserDictProblem(number, f"expected 'word [freq] [tag]', got {line!r}"))
            continue
        words.append(UserWord(word, freq, tag))
    return words, problems


def userdict_warnings(path: str | os.PathLike[str]) -> list[str]:
    """Human-readable problems of a user dictionary, `FILE:LINE: message`, for the
    CLI to print on stderr once per run (not once per worker process)."""
    try:
        _, problems = parse_userdict(path)
    except OSError as exc:
        return [f"{path}: cannot read user dictionary ({exc.strerror or exc})"]
    return [f"{path}:{p.line}: {p.message}" for p in problems]


# ---------------------------------------------------------------------------
# jieba's data files, without importing jieba


def _import_jieba() -> ModuleType:
    """`import jieba`, minus a sixth of a second: jieba imports pkg_resources only
    to open its own data files and falls back to a plain open() when that import
    fails, and pkg_resources alone takes about 0.15 s (it scans every installed
    distribution). So block it for the duration of the import, if nothing has
    loaded it yet; the data read is the same."""
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import` raises ImportError
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    module: ModuleType = jieba  # jieba ships no type information
    return module


def _quiet_jieba(verbose: bool) -> None:
    # jieba sets its logger to DEBUG when imported, so call this after importing it.
    logging.getLogger("jieba").setLevel(logging.DEBUG if verbose else logging.WARNING)


def _read_pairs(path: Path, column: int) -> Iterable[tuple[str, str]]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) > column:
                yield parts[0], parts[column]


class Lexicon:
    """word -> (POS tag, IDF) from jieba's dict.txt and analyse/idf.txt.

    Stored as an SQLite table in the user cache directory (built on first use,
    keyed by the data files' sizes and mtimes) and looked up in batches; answers
    are memoised, so a long batch run soon stops querying at all.
    """

    MEMO_LIMIT = 400_000  # about the dictionary's size: bounds memory on open-ended vocabularies

    def __init__(self) -> None:
        base = package_dir("jieba")
        self._dict_path = base / "dict.txt"
        self._idf_path = base / "analyse" / "idf.txt"
        self._memo: dict[str, tuple[str | None, float | None]] = {}
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._fallback: dict[str, tuple[str | None, float | None]] | None = None
        self.median_idf = 10.0

    def _key(self) -> str:
        return f"{LEXICON_SCHEMA}-{files_key(self._dict_path, self._idf_path)}"

    def _rows(self) -> dict[str, tuple[str | None, float | None]]:
        table: dict[str, tuple[str | None, float | None]] = {}
        for word, tag in _read_pairs(self._dict_path, 2):
            table[word] = (tag, None)
        for word, value in _read_pairs(self._idf_path, 1):
            try:
                table[word] = (table.get(word, (None, None))[0], float(value))
            except ValueError:
                continue
        return table

    def _connect(self) -> sqlite3.Connection | None:
        # A connection must not cross fork(): worker processes open their own.
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        self._conn, self._pid = None, os.getpid()
        if self._fallback is not None:
            return None
        from newsctl.cache import cache_dir

        key = self._key()
        try:
            path = cache_dir() / f"jieba-lexicon-{key}.sqlite"
            if path.exists():
                os.utime(path)  # in use: a build for another jieba install leaves it alone
            else:
                self._build(path)
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            # Read pages straight from the mapped file rather than copying them into a cache.
            conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
            (median,) = conn.execute("SELECT value FROM meta WHERE name = 'median_idf'").fetchone()
        except (OSError, sqlite3.Error):
            # No usable cache directory: hold the table in memory (slower start, same answers).
            self._fallback = self._rows()
            self.median_idf = _median(v for _, v in self._fallback.values() if v is not None)
            return None
        self.median_idf = float(median)
        self._conn = conn
        return conn

    def _build(self, path: Path) -> None:
        rows = self._rows()
        median = _median(v for _, v in rows.values() if v is not None)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        os.close(fd)
        try:
            conn = sqlite3.connect(tmp)
            with conn:
                conn.execute("CREATE TABLE lexicon (word TEXT PRIMARY KEY, tag TEXT, idf REAL) WITHOUT ROWID")
                conn.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value REAL)")
                conn.executemany(
                    "INSERT INTO lexicon VALUES (?, ?, ?)", ((w, t, v) for w, (t, v) in rows.items())
                )
                conn.execute("INSERT INTO meta VALUES ('median_idf', ?)", (median,))
            conn.close()
            os.replace(tmp, path)  # atomic: a concurrent reader never sees half a table
        finally:
            Path(tmp).unlink(missing_ok=True)
        remove_stale_versions(path, "jieba-lexicon-*.sqlite")  # other jieba installs' tables

    def lookup(self, words: Iterable[str]) -> dict[str, tuple[str | None, float | None]]:
        """(tag, idf) for each word; (None, None) for words jieba's files lack."""
        memo = self._memo
        wanted = words if isinstance(words, (set, frozenset)) else set(words)
        missing = wanted.difference(memo)  # in C: a long run soon finds every word memoised
        if missing:
            if len(memo) + len(missing) > self.MEMO_LIMIT:
                memo.clear()
                missing = set(wanted)
            memo.update(dict.fromkeys(missing, _NO_ENTRY))
            memo.update(self._fetch(list(missing)))
        return dict(zip(wanted, map(memo.__getitem__, wanted)))

    def _fetch(self, words: list[str]) -> dict[str, tuple[str | None, float | None]]:
        """The entries of the given words that jieba's files have."""
        conn = self._connect()
        if conn is None:
            assert self._fallback is not None
            table = self._fallback
            return {w: table[w] for w in words if w in table}
        found: dict[str, tuple[str | None, float | None]] = {}
        for start in range(0, len(words), _QUERY_BATCH):
            chunk = words[start : start + _QUERY_BATCH]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT word, tag, idf FROM lexicon WHERE word IN ({marks})", chunk
            ).fetchall()
            found.update(zip(map(_WORD, rows), map(_ENTRY, rows)))  # in C: word -> (tag, idf)
        return found

    def is_built(self) -> bool:
        """Whether the cached table exists already (its first build takes a few seconds)."""
        from newsctl.cache import cache_dir

        try:
            return (cache_dir() / f"jieba-lexicon-{self._key()}.sqlite").exists()
        except OSError:
            return True  # no cache directory: nothing is built, nothing to announce

    def ensure_open(self) -> float:
        """Open (building if needed) the table; returns the median IDF."""
        self._connect()
        return self.median_idf


def _median(values: Iterable[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 10.0


@cache
def lexicon() -> Lexicon:
    return Lexicon()


# ---------------------------------------------------------------------------
# the segmenter


class Segmenter:
    """Cuts cleaned Simplified text into words and tags them from the dictionary."""

    def __init__(self, name: str = "auto", userdict: str | None = None, verbose: bool = False) -> None:
        self.userdict_problems: list[UserDictProblem] = []
        self._user_tags: dict[str, str] = {}
        self.name = _resolve(name)
        self.lexicon = lexicon()
        words: list[UserWord] = []
        if userdict:
            words, self.userdict_problems = parse_userdict(userdict)
            self._user_tags = {w.word: w.tag for w in words if w.tag}
        self._cut: Callable[[str], list[str]]
        if self.name == "rjieba":
            self._cut = self._build_rjieba(words)
        else:
            self._cut = self._build_jieba(words, verbose)

    def _build_rjieba(self, words: list[UserWord]) -> Callable[[str], list[str]]:
        import rjieba

        if words:
            instance = rjieba.Jieba()  # our own copy, so user words never leak into the shared one
            for entry in words:
                instance.add_word(entry.word, entry.freq, entry.tag)
            raw_cut, known = instance.cut, instance.has_word
        else:
            # rjieba's default instance, read-only: we never add words to it.
            raw_cut, known = rjieba.cut, rjieba.has_word

        def cut(text: str) -> list[str]:
            words = raw_cut(text)
            if _ASCII_JOINED.search(text) is None:
                return words
            # jieba-rs keeps 2020-05-20, TPP-11 and BAN.DO whole; jieba splits them at the
            # symbol (keeping decimals such as PM2.5 whole). Split the same way so both
            # segmenters give the same keywords. (The regex scans each word in C; only
            # the words it matches are looked at in Python.)
            joined = list(compress(range(len(words)), map(_ASCII_JOINED.search, words)))
            for index in reversed(joined):  # back to front: splitting shifts what follows
                if not known(words[index]):
                    words[index : index + 1] = _ASCII_PIECE.findall(words[index])
            return words

        return cut

    def _build_jieba(self, words: list[UserWord], verbose: bool) -> Callable[[str], list[str]]:
        jieba = _import_jieba()
        from newsctl.cache import cache_dir

        _quiet_jieba(verbose)
        tokenizer = jieba.Tokenizer(dictionary=jieba.DEFAULT_DICT)
        try:
            tokenizer.tmp_dir = str(cache_dir())
        except OSError:
            pass  # no writable cache: jieba rebuilds its prefix dictionary each run
        tokenizer.initialize()
        for entry in words:
            tokenizer.add_word(entry.word, entry.freq, entry.tag)

        def cut(text: str) -> list[str]:
            tokens: list[str] = tokenizer.lcut(text, HMM=True)
            return tokens

        return cut

    def cut(self, text: str) -> list[str]:
        return self._cut(text)

    def lookup(self, words: Iterable[str]) -> dict[str, tuple[str | None, float | None]]:
        """word -> (POS tag, jieba IDF) for at least the given words (user tags win)."""
        table = self.lexicon.lookup(words)
        if self._user_tags:
            for word, (_, idf) in table.items():
                if word in self._user_tags:
                    table[word] = (self._user_tags[word], idf)
        return table

    def pos(self, word: str) -> str | None:
        return self._user_tags.get(word) or self.lexicon.lookup([word])[word][0]


def _resolve(name: str) -> str:
    if name not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")
    if name == "auto":
        return "rjieba" if importlib.util.find_spec("rjieba") is not None else "jieba"
    return name


_SEGMENTERS: dict[tuple[str, str | None, bool], Segmenter] = {}


def get_segmenter(name: str = "auto", userdict: str | None = None, verbose: bool = False) -> Segmenter:
    """One segmenter per process and configuration, built on first use."""
    key = (name, os.path.abspath(userdict) if userdict else None, verbose)
    if key not in _SEGMENTERS:
        _SEGMENTERS[key] = Segmenter(name, userdict, verbose)
    return _SEGMENTERS[key]
