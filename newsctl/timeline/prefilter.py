"""Cheap pre-checks: which patterns can match at a position, judged by the characters there."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from newsctl.timeline import rxsource as _sre  # parse trees of regex source, in the shape of re._parser's
from newsctl.timeline.patterns import _CN, _rx

# ---------------------------------------------------------------------------
# regex shapes: what the first two characters of a match can be, for cheap pre-checks

_CATEGORY_RX = {_sre.CATEGORY_DIGIT: re.compile(r"\d"), _sre.CATEGORY_SPACE: re.compile(r"\s")}

#: an item of a regex parse tree: (opcode, argument), the argument's type depends on the opcode
_Code = tuple[str, Any]

#: a set of characters: (characters, regex categories such as \d), or None for 'any character'
_Chars = tuple[frozenset[str], frozenset[Any]] | None
_NO_CHARS: _Chars = (frozenset(), frozenset())


def _union(a: _Chars, b: _Chars) -> _Chars:
    if a is None or b is None:
        return None
    return a[0] | b[0], a[1] | b[1]


#: the regex categories (`_CATEGORY_RX`) each character seen so far belongs to
_CATEGORIES_OF: dict[str, frozenset[Any]] = {}


def _categories_of(ch: str) -> frozenset[Any]:
    got = _CATEGORIES_OF.get(ch)
    if got is None:
        got = _CATEGORIES_OF[ch] = frozenset(cat for cat, rx in _CATEGORY_RX.items() if rx.match(ch))
    return got


def _has(chars: _Chars, ch: str) -> bool:
    # called for every regex and character while the prefilters fill: no generator, and each
    # character's categories are looked up once
    if chars is None or ch in chars[0]:
        return True
    categories = chars[1]
    return bool(categories) and not categories.isdisjoint(_categories_of(ch))


def _intersection(a: _Chars, b: _Chars) -> _Chars:
    if a is None or b is None:
        return b if a is None else a
    chars = (a[0] & b[0]) | {c for c in a[0] if _has((frozenset(), b[1]), c)}
    chars |= {c for c in b[0] if _has((frozenset(), a[1]), c)}
    return frozenset(chars), a[1] & b[1]


def _is_empty(chars: _Chars) -> bool:
    return chars is not None and not chars[0] and not chars[1]


@dataclass(frozen=True)
class _Shape:
    """How a regex match can begin, as supersets (anything not understood widens to 'any')."""

    first: _Chars  # first character
    nullable: bool  # can match the empty string
    single: _Chars  # characters it can match as a whole one-character match
    pairs: tuple[tuple[_Chars, _Chars], ...]  # (first, second) characters of longer matches


_EMPTY_SHAPE = _Shape(_NO_CHARS, True, _NO_CHARS, ())
_ANY_SHAPE = _Shape(None, True, None, ((None, None),))


def _shape_seq(items: Iterable[_Code]) -> _Shape:
    first, nullable, single, pairs = _NO_CHARS, True, _NO_CHARS, []
    must: _Chars = None  # what leading lookaheads require of the first character
    for op, av in items:
        if op is _sre.ASSERT and av[0] == 1 and _is_empty(first) and nullable:
            ahead = _shape_seq(av[1])
            if not ahead.nullable:
                must = _intersection(must, ahead.first)
            continue
        item = _shape_item(op, av)
        if not _is_empty(single) and not _is_empty(item.first):
            pairs.append((single, item.first))  # a one-character prefix, then this item
        if nullable:
            first = _union(first, item.first)
            pairs.extend(item.pairs)
        single = _union(single if item.nullable else _NO_CHARS, item.single if nullable else _NO_CHARS)
        nullable = nullable and item.nullable
        if not nullable and _is_empty(single):
            break  # the first two characters are settled
    if must is not None:
        first, single = _intersection(first, must), _intersection(single, must)
        pairs = [(_intersection(a, must), b) for a, b in pairs]
    return _Shape(first, nullable, single, tuple(pairs))


def _shape_item(op: str, av: Any) -> _Shape:
    if op is _sre.LITERAL:
        one: _Chars = (frozenset(chr(av)), frozenset())
        return _Shape(one, False, one, ())
    if op is _sre.IN:
        chars: set[str] = set()
        cats: set[Any] = set()
        for o, a in av:
            if o is _sre.LITERAL:
                chars.add(chr(a))
            elif o is _sre.RANGE and a[1] - a[0] <= 2000:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            elif o is _sre.CATEGORY and a in _CATEGORY_RX:
                cats.add(a)
            else:  # a negated or too wide class
                return _Shape(None, False, None, ())
        one = (frozenset(chars), frozenset(cats))
        return _Shape(one, False, one, ())
    if op is _sre.CATEGORY:
        one = (frozenset(), frozenset([av])) if av in _CATEGORY_RX else None
        return _Shape(one, False, one, ())
    if op is _sre.ANY:
        return _Shape(None, False, None, ())
    if op is _sre.BRANCH:
        alts = [_shape_seq(alt) for alt in av[1]]
        first = single = _NO_CHARS
        for alt in alts:
            first, single = _union(first, alt.first), _union(single, alt.single)
        pairs = tuple(p for alt in alts for p in alt.pairs)
        return _Shape(first, any(alt.nullable for alt in alts), single, pairs)
    if op is _sre.SUBPATTERN:
        return _shape_seq(av[-1])
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        if high == 0:
            return _EMPTY_SHAPE
        inner = _shape_seq(body)
        pairs = inner.pairs
        if high > 1 and not _is_empty(inner.single):
            pairs += ((inner.single, inner.first),)  # a one-character repetition, then another
        return _Shape(inner.first, low == 0 or inner.nullable, inner.single, pairs)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return _EMPTY_SHAPE  # zero width: ignoring the condition only widens the sets
    return _ANY_SHAPE


@functools.cache
def _parse_tree(pattern: str) -> Any:
    return _sre.parse(pattern)


@functools.cache
def _shape(pattern: str, flags: int = 0) -> _Shape:
    try:
        if flags & ~re.UNICODE:
            return _ANY_SHAPE
        return _shape_seq(_parse_tree(pattern))
    except Exception:  # an unexpected parser shape: no pre-check, always try the regex
        return _ANY_SHAPE


_K = TypeVar("_K")
_R = TypeVar("_R")


#: runs of digits and of Chinese numerals: at a number, its first characters tell little about
#: what can match, the character right after it a lot
_RUNS = (frozenset("0123456789"), frozenset(_CN))
_RX_RUNS = (re.compile("[0-9]+"), re.compile(f"[{_CN}]+"))
_RUN_OF = {ch: k for k, run in enumerate(_RUNS) for ch in run}


def _exits_seq(items: Iterable[_Code], run: frozenset[str], started: bool = False) -> tuple[_Chars, bool]:
    """For matches that begin with a character of `run`: (the characters outside `run` they can
    first meet, whether a match can lie wholly inside a run).  `started`: a character has been
    matched already (False: the next one is the first, so it must be a `run` one)."""
    exits: _Chars = _NO_CHARS
    for op, av in items:
        item_exits, inside = _exits_item(op, av, run, started)
        exits = _union(exits, item_exits)
        if not inside:
            return exits, False
        if not started:  # a character before the first `run` one cannot be: only runs matter
            first = _shape_item(op, av).first
            started = first is None or any(_has(first, c) for c in run)
    return exits, True


def _exits_item(op: str, av: Any, run: frozenset[str], started: bool) -> tuple[_Chars, bool]:
    if op in (_sre.LITERAL, _sre.IN, _sre.CATEGORY, _sre.ANY):
        chars = _shape_item(op, av).first  # one character
        if chars is None:
            return (None if started else _NO_CHARS), True
        outside = (chars[0] - run, chars[1]) if started else _NO_CHARS
        return outside, any(_has(chars, c) for c in run)
    if op is _sre.BRANCH:
        alts = [_exits_seq(alt, run, started) for alt in av[1]]
        exits: _Chars = _NO_CHARS
        for alt_exits, _ in alts:
            exits = _union(exits, alt_exits)
        return exits, any(inside for _, inside in alts)
    if op is _sre.SUBPATTERN:
        return _exits_seq(av[-1], run, started)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        if high == 0:
            return _NO_CHARS, True
        exits, inside = _exits_seq(body, run, started)
        if high > 1 and not started and inside:  # the repetitions after a first one in the run
            exits = _union(exits, _exits_seq(body, run, True)[0])
        return exits, inside or low == 0
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return _NO_CHARS, True
    return None, True


@functools.cache
def _run_exits(pattern: str, run: int) -> tuple[_Chars, bool]:
    try:
        return _exits_seq(_parse_tree(pattern), _RUNS[run])
    except Exception:  # an unexpected parser shape: no pre-check
        return None, True


class _Prefilter(Generic[_K, _R]):
    """Which of a set of regexes can match at a position, judged by the two characters there and,
    at a number (`_RUNS`), by the character after it; cached by those characters."""

    def __init__(self, patterns: list[tuple[_K, str]], build: Callable[[list[_K]], _R]) -> None:
        self._patterns = patterns
        self._build = build
        self._by_char: dict[str, list[tuple[_K, _Chars, _Chars]]] = {}
        self._by_key: dict[str, _R] = {}
        self._built: dict[tuple[int, ...], _R] = {}  # `_build` of each list of patterns, by their ids
        self._candidates: dict[str, list[int]] | None = None
        self._by_category: dict[frozenset[Any], list[int]] = {}  # patterns that begin with \d …

    def _candidates_for(self, ch: str) -> list[int]:
        """Indexes (in `_patterns` order) of the patterns whose shape may let a match begin with
        ch: those listing ch among their first characters or a category ch is in (\\d), and those
        whose first character is any character or none (checked as they are)."""
        if self._candidates is None:
            by_char: dict[str, list[int]] = {}
            general = []
            for k, (_, pattern) in enumerate(self._patterns):
                shape = _shape(pattern)
                if shape.nullable or shape.first is None:
                    general.append(k)
                    continue
                if shape.first[1]:
                    self._by_category.setdefault(shape.first[1], []).append(k)
                for c in shape.first[0]:
                    by_char.setdefault(c, []).append(k)
            self._candidates = {c: sorted(ks + general) for c, ks in by_char.items()}
            self._candidates[""] = general
        got = self._candidates.get(ch)
        if got is None:
            got = self._candidates[""]
        categories = _categories_of(ch)
        in_category = [
            k for cats, ks in self._by_category.items() if not cats.isdisjoint(categories) for k in ks
        ]
        return sorted(set(got).union(in_category)) if in_category else got

    def after(self, ch: str) -> list[tuple[_K, _Chars, _Chars]]:
        """The regexes a match of which can begin with ch, each with the characters that can come
        right after it (None: any, or the end of the match) and, when ch begins a number, the
        characters that can follow the number (None: any, or the match may end inside it)."""
        out = self._by_char.get(ch)
        if out is None:
            out = self._by_char[ch] = self._after(ch)
        return out

    def _after(self, ch: str) -> list[tuple[_K, _Chars, _Chars]]:
        out = []
        run = _RUN_OF.get(ch)
        patterns = self._patterns
        for k in self._candidates_for(ch):
            key, pattern = patterns[k]
            shape = _shape(pattern)
            if not (shape.nullable or _has(shape.first, ch)):
                continue
            nxt: _Chars = None
            if not (shape.nullable or _has(shape.single, ch)):
                by_first, others = _pairs_by_first(pattern)
                nxt = by_first.get(ch, _NO_CHARS)
                for a, b in others:
                    if _has(a, ch):
                        nxt = _union(nxt, b)
            exits: _Chars = None
            if run is not None:
                exits, inside = _run_exits(pattern, run)
                if inside:
                    exits = None
            out.append((key, nxt, exits))
        return out

    def at(self, s: str, i: int, run_end: int | None = None) -> _R:
        """`run_end`: where the number beginning at i ends (if there is one), when the caller knows."""
        return self.for_key(_prefilter_key(s, i, run_end))

    def for_key(self, key: str) -> _R:
        """What `at` gives at a position with this `_prefilter_key`."""
        got = self._by_key.get(key)
        if got is None:
            got = self._by_key[key] = self._for_key(key)
        return got

    def _for_key(self, key: str) -> _R:
        nxt = key[1:2]  # '' at the end of the text
        end = key[2:] if key[0] in _RUN_OF else ""  # '' at the end of the text
        # `_has(nexts, nxt) and _has(exits, end)`, spelled out: this runs for every new key
        nxt_categories = _categories_of(nxt) if nxt else frozenset()
        end_categories = _categories_of(end) if end else frozenset()
        ks = [
            k
            for k, nexts, exits in self.after(key[0])
            if (nexts is None or (nxt and (nxt in nexts[0] or not nexts[1].isdisjoint(nxt_categories))))
            and (exits is None or (end and (end in exits[0] or not exits[1].isdisjoint(end_categories))))
        ]
        # many keys (10年, 12月, 2日 ...) let the same patterns through: built once per list,
        # known by the patterns' identities (a compiled regex hashes its whole code)
        ids = tuple(map(id, ks))
        built = self._built.get(ids)
        if built is None:
            built = self._built[ids] = self._build(ks)
        return built


def _prefilter_key(s: str, i: int, run_end: int | None = None) -> str:
    """What `_Prefilter.at` judges position i by: its two characters and, at a number, the one
    after the number (`run_end`: where the number ends, when the caller knows)."""
    run = _RUN_OF.get(s[i])
    if run is None:
        return s[i : i + 2]
    if run_end is None:
        run_end = _RX_RUNS[run].match(s, i).end()  # type: ignore[union-attr]
    return s[i : i + 2] + s[run_end : run_end + 1]


@functools.cache
def _pairs_by_first(pattern: str) -> tuple[dict[str, _Chars], tuple[tuple[_Chars, _Chars], ...]]:
    """The (first, second) character pairs of `pattern`'s shape as the union of the seconds by
    each listed first character, and the pairs whose first is a category or any character
    (checked per character), their seconds united by first: a word list has hundreds of pairs,
    and a pattern that begins with a digit (\\d) dozens with the same first."""
    by_first: dict[str, _Chars] = {}
    others: dict[_Chars, _Chars] = {}
    for a, b in _shape(pattern).pairs:
        if a is None or a[1]:
            others[a] = _union(others.get(a, _NO_CHARS), b)
        else:
            for c in a[0]:
                by_first[c] = _union(by_first.get(c, _NO_CHARS), b)
    return by_first, tuple(others.items())


class _FirstChar(dict[str, bool]):
    """Can a match of `rx` begin with a given character?  `may_begin[ch]`: a cheap test before
    matching a regex that mostly fails (a regex that can match the empty string always may).
    A dict filled on first lookup of each character, so that a known answer costs no Python
    call (and a compiled regex, a slow dictionary key, is never hashed)."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        super().__init__()
        self._rx = rx

    def __missing__(self, ch: str) -> bool:
        got = self[ch] = _has(_first_chars(self._rx), ch)
        return got


def _first_chars(rx: re.Pattern[str] | str) -> _Chars:
    """Characters a match of `rx` can start with, or None when that cannot be bounded."""
    shape = _shape(rx) if isinstance(rx, str) else _shape(rx.pattern, rx.flags)
    return None if shape.nullable else shape.first


_KEY_SETS: dict[frozenset[str], frozenset[str]] = {}


def _key_set(keys: list[str]) -> frozenset[str]:
    ok = frozenset(keys)
    return _KEY_SETS.setdefault(ok, ok)


@functools.cache
def _component_keys() -> _Prefilter[str, frozenset[str]]:
    """Keys of the component regexes (`_rx`) that can match at a position."""
    return _Prefilter([(key, rx.pattern) for key, rx in _rx().items()], _key_set)
