"""Word segmentation: one owned jieba Tokenizer (or rjieba), built lazily.

jieba's global tokenizer is built on first use, logs to stderr and caches its
dictionary in a shared temp file. We own an instance instead: its cache lives
in the user cache directory, its log lines are silenced unless asked for, and
nothing is loaded until a command actually needs words. Part-of-speech tags
come from the dictionary (a cached word -> tag table) rather than from
jieba.posseg's HMM, which is several times slower than cutting.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SEGMENTERS = ("auto", "jieba", "rjieba")


@dataclass(frozen=True)
class UserDictProblem:
    line: int
    message: str


@dataclass(frozen=True)
class UserWord:
    word: str
    freq: int | None
    tag: str | None


def parse_userdict(path: str) -> tuple[list[UserWord], list[UserDictProblem]]:
    """jieba's user-dictionary format (`word [freq] [tag]` per line), tolerating
    a BOM and CRLF; bad lines are reported with their numbers, not fatal."""
    words: list[UserWord] = []
    problems: list[UserDictProblem] = []
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return [], [UserDictProblem(0, f"not UTF-8 (byte {exc.start}); save the dictionary as UTF-8")]
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word, freq, tag = parts[0], None, None
        rest = parts[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        if rest and re.fullmatch(r"[A-Za-z]{1,5}", rest[0]):
            tag = rest.pop(0)
        if rest:
            problems.append(UserDictProblem(number, f"expected 'word [freq] [tag]', got {line!r}"))
            continue
        words.append(UserWord(word, freq, tag))
    return words, problems


def _quiet_jieba(verbose: bool) -> None:
    logging.getLogger("jieba").setLevel(logging.DEBUG if verbose else logging.WARNING)


def _jieba_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


@cache
def pos_table() -> dict[str, str]:
    """word -> part-of-speech tag from jieba's dictionary (cached per jieba version)."""
    from newsctl.cache import cached_table

    path = _jieba_dictionary()
    stat = path.stat()

    def build() -> dict[str, str]:
        table = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                parts = line.split()
                if len(parts) >= 3:
                    table[parts[0]] = parts[2]
        return table

    return cached_table("jieba-pos", f"{stat.st_size}-{int(stat.st_mtime)}", build)


class Segmenter:
    """Cuts cleaned Simplified text into words and tags them from the dictionary."""

    def __init__(self, name: str = "auto", userdict: str | None = None, verbose: bool = False) -> None:
        self.userdict_problems: list[UserDictProblem] = []
        self._user_tags: dict[str, str] = {}
        self.name = _resolve(name, userdict)
        _quiet_jieba(verbose)
        self._cut: Callable[[str], list[str]]
        if self.name == "rjieba":
            import rjieba

            self._cut = rjieba.cut
        else:
            self._cut = self._build_jieba(userdict)

    def _build_jieba(self, userdict: str | None) -> Callable[[str], list[str]]:
        import jieba

        from newsctl.cache import cache_dir

        tokenizer = jieba.Tokenizer(dictionary=jieba.DEFAULT_DICT)
        try:
            tokenizer.tmp_dir = str(cache_dir())
        except OSError:
            pass  # no writable cache: jieba rebuilds its prefix dictionary each run
        tokenizer.initialize()
        if userdict:
            words, self.userdict_problems = parse_userdict(userdict)
            for entry in words:
                tokenizer.add_word(entry.word, entry.freq, entry.tag)
                if entry.tag:
                    self._user_tags[entry.word] = entry.tag

        def cut(text: str) -> list[str]:
            return tokenizer.lcut(text, HMM=True)

        return cut

    def cut(self, text: str) -> list[str]:
        return self._cut(text)

    def pos(self, word: str) -> str | None:
        return self._user_tags.get(word) or pos_table().get(word)


def _resolve(name: str, userdict: str | None) -> str:
    if name not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")
    if name == "auto":
        if userdict:
            return "jieba"  # rjieba cannot load a user dictionary
        try:
            import rjieba  # noqa: F401
        except ImportError:
            return "jieba"
        return "rjieba"
    if name == "rjieba" and userdict:
        raise ValueError("--userdict needs --segmenter jieba (rjieba cannot load user dictionaries)")
    return name


_SEGMENTERS: dict[tuple[str, str | None, bool], Segmenter] = {}


def get_segmenter(name: str = "auto", userdict: str | None = None, verbose: bool = False) -> Segmenter:
    """One segmenter per process and configuration, built on first use."""
    key = (name, os.path.abspath(userdict) if userdict else None, verbose)
    if key not in _SEGMENTERS:
        _SEGMENTERS[key] = Segmenter(name, userdict, verbose)
    return _SEGMENTERS[key]
