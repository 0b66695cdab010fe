"""Digits that belong to a name, not to a figure, for `newsctl.figures`.

A fund or an index product carries digits in its name (某某台湾50, 某某加权反1, listed as
某某台湾50反1（00632R）), a product line is named by a number (某某1895系列), and the ordinal of a
formal event is part of its name (第三次全国…普查).  Each name is decided once per article and
then held at every later mention, where the bracketed code or the fund word may be missing.
A decimal number split by a typesetting space (２　．２万亿元) is joined back into one number.
Numbers that place a home or an office (5栋3单元1502室) are an address, and a span of time written
in two units (三年三个月) is one duration. The vocabulary is in `newsctl/data/figures_names.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Protocol, TypeVar

from newsctl.data import load_json

_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_ASCII_DIGITS = "0123456789"
_NUMBER_CHARS = frozenset("0123456789.,．，" + _FULLWIDTH_DIGITS)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def unit(self) -> str | None: ...


_S = TypeVar("_S", bound=_Span)


class _Amount(_Span, Protocol):
    @property
    def value(self) -> Decimal: ...
    @property
    def approx(self) -> str | None: ...


_A = TypeVar("_A", bound=_Amount)


class _Duration(Protocol):
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    approx: str | None
    unit: str | None
    kind: str


_D = TypeVar("_D", bound=_Duration)


@dataclass(frozen=True)
class _Vocab:
    ticker_re: re.Pattern[str]
    ticker_open: str
    ticker_name_max: int
    designator_re: re.Pattern[str]
    designator_signs: str
    designator_name_max: int
    fund_cues: tuple[str, ...]
    name_followers: tuple[str, ...]
    spec_followers: tuple[str, ...]
    route_words: tuple[str, ...]
    ranking_words: tuple[str, ...]
    route_numerals: str
    route_numeral_min: int
    key_before: int
    key_min: int
    event_units: frozenset[str]
    event_endings: tuple[str, ...]
    event_max_chars: int
    event_stops: frozenset[str]
    spaced_decimal_re: re.Pattern[str]
    spaced_decimal_points: str
    spaced_decimal_spaces: str
    fullstop_before_digit: Callable[[str], re.Match[str] | None]
    fullstop_decimal_re: re.Pattern[str]
    clock_unit: str
    clock_max: int
    clock_approx: frozenset[str | None]
    clock_range_re: re.Pattern[str]
    times_of_day: tuple[str, ...]
    brackets: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_json("figures_names.json")
    ticker = data["ticker"]
    designator = data["fund_designator"]
    event = data["formal_event_ordinal"]
    spaced = data["spaced_decimal"]
    ticker_re = re.compile(
        f"[{re.escape(ticker['open'])}]"
        f"[0-9]{{{ticker['digits_min']},{ticker['digits_max']}}}[A-Za-z]{{0,{ticker['letters_max']}}}"
        f"[{re.escape(ticker['close'])}]"
    )
    # 反1, 正2 right after a name's character, with no digit or unit-like character glued after
    designator_re = re.compile(
        f"(?<=[\u4e00-\u9fff0-9])[{re.escape(designator['signs'])}][1-{int(designator['max'])}](?![0-9.%％])"
    )
    names = load_json("figures_context.json")["numbers_in_names"]
    spaces, points = re.escape(spaced["spaces"]), re.escape(spaced["points"])
    # a digit, one space, a decimal point, a digit of the same width: ２　．２, 2 .2
    spaced_decimal_re = re.compile(
        f"(?<=[0-9])[{spaces}](?=[{points}][0-9])|(?<=[{_FULLWIDTH_DIGITS}])[{spaces}](?=[{points}][{_FULLWIDTH_DIGITS}])"
    )
    fullstop = data["fullstop_decimal"]
    followers = "|".join(re.escape(w) for w in sorted(fullstop["before"], key=len, reverse=True))
    # 3。7亿元: a full stop between digits, the digits after it glued to a multiplier or a percent
    fullstop_decimal_re = re.compile(
        f"(?<=[0-9{_FULLWIDTH_DIGITS}]){re.escape(fullstop['stop'])}(?=[0-9{_FULLWIDTH_DIGITS}]+(?:{followers}))"
    )
    clock = data["clock_hour"]
    joiners = "|".join(re.escape(word) for word in clock["range_joiners"])
    # 5点到 right before the figure: the start of a range of clock hours
    clock_range_re = re.compile(
        f"(?:[0-9]{{1,2}}|[零一二三四五六七八九十两]{{1,3}}){re.escape(clock['unit'])}(?:{joiners})$"
    )
    times_of_day = load_json("figures_context.json")["time_of_day_words"]
    return _Vocab(
        ticker_re=ticker_re,
        ticker_open=ticker["open"],
        ticker_name_max=int(ticker["name_max_chars"]),
        designator_re=designator_re,
        designator_signs=designator["signs"],
        designator_name_max=int(designator["name_max_chars"]),
        fund_cues=tuple(designator["cues"]),
        name_followers=(*data["series_words"], *names["index_name_followers"]),
        spec_followers=tuple(names["spec_followers"]),
        route_words=tuple(data["route_words"]),
        ranking_words=tuple(data["ranking_words"]),
        route_numerals=data["route_numerals"],
        route_numeral_min=int(data["route_numeral_min_chars"]),
        key_before=int(data["key_chars_before"]),
        key_min=int(data["key_min_chars"]),
        event_units=frozenset(event["units"]),
        event_endings=tuple(event["endings"]),
        event_max_chars=int(event["max_chars"]),
        event_stops=frozenset(event["clause_stops"]),
        spaced_decimal_re=spaced_decimal_re,
        spaced_decimal_points=spaced["points"],
        spaced_decimal_spaces=spaced["spaces"],
        fullstop_before_digit=re.compile(f"{re.escape(fullstop['stop'])}[0-9{_FULLWIDTH_DIGITS}]").search,
        fullstop_decimal_re=fullstop_decimal_re,
        clock_unit=clock["unit"],
        clock_max=int(clock["max"]),
        clock_approx=frozenset(clock["approx"]),
        clock_range_re=clock_range_re,
        times_of_day=tuple(sorted(times_of_day, key=len, reverse=True)),
        brackets=tuple(clock["brackets"]),
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"  # as figures.py reads Han


def _is_name_char(ch: str) -> bool:
    return _is_han(ch) or (ch.isascii() and ch.isalnum())


def _name_before(text: str, end: int, limit: int) -> int:
    """Where the run of name characters (Han, Latin letters, digits) that ends at `end` starts."""
    k = end
    while k > 0 and end - k < limit and _is_name_char(text[k - 1]):
        k -= 1
    return k


def _key(text: str, start: int, end: int, key_before: int) -> str | None:
    """The part of a name that is looked for at its later mentions: a few characters before
    its first digit, up to its end (权反1, 台湾50反1). None when the name has no digit."""
    first_digit = next((k for k in range(start, end) if text[k].isdigit()), None)
    if first_digit is None:
        return None
    return text[max(start, first_digit - key_before) : end]


def _positions(text: str, word: str) -> Iterator[int]:
    """Where `word` starts in `text`, left to right. Its first character is looked for alone:
    str.find of one character is a memchr, about a hundred times cheaper than a search for
    two characters or a regex scan, and most articles hold no anchor at all."""
    first = word[0]
    at = text.find(first)
    while at >= 0:
        if len(word) == 1 or text.startswith(word, at):
            yield at
        at = text.find(first, at + 1)


def _digits_before(text: str, end: int, digits: str = _ASCII_DIGITS) -> int:
    """Where the run of `digits` that ends at `end` starts (`end` when there is none)."""
    k = end
    while k > 0 and text[k - 1] in digits:
        k -= 1
    return k


def name_spans(text: str, candidates: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the names in `text` that carry digits, looked for around `candidates` (the
    spans of the figures without a unit): a name that one of them is part of, and every mention
    of that name. Only the few unit-less figures are looked at, not the whole text."""
    vocab = _vocab()
    n = len(text)
    spans: list[tuple[int, int]] = []
    keys: set[str] = set()
    fund_article: bool | None = None
    followers_in_text: bool | None = None

    def add(start: int, end: int, key_end: int | None = None) -> None:
        key = _key(text, start, end if key_end is None else key_end, vocab.key_before)
        if key is not None:
            spans.append((start, end))
            keys.add(key)

    for start, end in candidates:
        if text.startswith(vocab.route_words, end):
            # 台61线, 七十四线: the number of a road or a line (线 is written at each mention)
            first = _digits_before(text, end)
            if first == end:
                first = _digits_before(text, end, vocab.route_numerals)
                if end - first < vocab.route_numeral_min:
                    continue
            spans.append((first, end))
            continue
        if text.startswith(vocab.ranking_words, end):
            # 4强赛, 世界500强: a round of a contest or a ranked list, named by its size
            first = _digits_before(text, end)
            if first < end:
                spans.append((first, end))
                continue
        first = start
        while first < end and text[first] not in _ASCII_DIGITS:
            first += 1  # past an approximation word (约) to the digits
        if first == end:
            continue
        # 某某台湾50反1（00632R）: the name runs from before the digits to a bracketed code
        reach = end + vocab.ticker_name_max + 1
        if any(text.find(bracket, end, reach) >= 0 for bracket in vocab.ticker_open):
            k = end
            while k < n and k - end < vocab.ticker_name_max and _is_name_char(text[k]):
                k += 1
            if text[k : k + 1] in vocab.ticker_open and vocab.ticker_re.match(text, k) is not None:
                add(_name_before(text, k, vocab.ticker_name_max), k)
                continue
        # 某某加权反1, 某某50正2: the sign of a leveraged or an inverse fund, after a name
        sign_at = first - 1 if end - first == 1 and text[first - 1 : first] in vocab.designator_signs else end
        if text[sign_at : sign_at + 1] in vocab.designator_signs and vocab.designator_re.match(text, sign_at):
            if fund_article is None:  # asked once, only when a sign stands after a name
                fund_article = any(cue in text for cue in vocab.fund_cues)
            if fund_article:
                add(_name_before(text, sign_at, vocab.designator_name_max), sign_at + 2)
                continue
        if first > 0 and _is_name_char(text[first - 1]) and text[first - 1] not in _NUMBER_CHARS:
            if text.startswith(vocab.name_followers, end):
                follower = next(w for w in vocab.name_followers if text.startswith(w, end))
                # 某某1760系列: held as 某某1760, which later mentions use without 系列
                add(first - min(vocab.key_before, first), end + len(follower), end)
                continue
        if followers_in_text is None:  # asked once: most articles name no index nor sound layout
            followers_in_text = any(w in text for w in (*vocab.name_followers, *vocab.spec_followers))
        if followers_in_text:
            keys.update(_held_elsewhere(text, first, end, vocab))
    keys = {key for key in keys if len(key) >= vocab.key_min and (key[0] in _ASCII_DIGITS or _has_han(key))}
    for key in keys:
        for at in _positions(text, key):
            key_end = at + len(key)
            # the whole name, not a part of a longer number (权反1 is not in 权反10, 5.1 not in 15.1)
            if not (key[0].isdigit() and at > 0 and text[at - 1] in _NUMBER_CHARS) and not (
                key[-1].isdigit() and text[key_end : key_end + 1] in _NUMBER_CHARS
            ):
                spans.append((at, key_end))
    return spans


def _has_han(text: str) -> bool:
    return any(_is_han(ch) for ch in text)


def _held_elsewhere(text: str, first: int, end: int, vocab: _Vocab) -> list[str]:
    """The name that the digits text[first:end] are part of at another mention, where a rule
    of figures.py took them for a name: a sound layout (5.1声道, then 全无线5.1) or an index
    (标普500指数, then 标普500期货)."""
    digits = text[first:end]
    layout = (
        len(digits) == 3 and digits[1] == "." and digits[0] in _ASCII_DIGITS and digits[2] in _ASCII_DIGITS
    )
    before = text[max(0, first - vocab.key_before) : first]
    named = before + digits if len(before) == vocab.key_before and _has_han(before) else None
    if named is not None:
        # 标普500 at another mention before 指数 or 系列
        at = text.find(named)
        while at >= 0:
            after = at + len(named)
            if at != first - len(before) and text[after : after + 1] not in _NUMBER_CHARS:
                if text.startswith(vocab.name_followers, after):
                    return [named]
            at = text.find(named, at + 1)
    if layout:
        # 5.1 at another mention before 声道 or 音响
        at = text.find(digits)
        while at >= 0:
            after = at + len(digits)
            if (
                at != first
                and text[at - 1 : at] not in _NUMBER_CHARS
                and text[after : after + 1] not in _NUMBER_CHARS
            ):
                if text.startswith(vocab.spec_followers, after):
                    return [digits]
            at = text.find(digits, at + 1)
    return []


def drop_name_digits(text: str, found: list[_S]) -> list[_S]:
    """`found` without the figures that have no unit and lie inside a name (某某台湾50反1: no
    50 and no 1). A figure with a unit (500张台积电) is a figure even next to a name."""
    candidates = [(q.start, q.end) for q in found if q.unit is None]
    if not candidates:
        return found
    spans = name_spans(text, candidates)
    if not spans:
        return found
    return [q for q in found if q.unit is not None or not _inside(spans, q.start, q.end)]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def formal_event_ordinal(text: str, unit: str | None, end: int) -> bool:
    """第N次 (ending at `end`) opening the name of a formal event in the same clause:
    第三次全国土壤普查, 第二十次全国代表大会. The ordinal is part of the event's name."""
    vocab = _vocab()
    if unit not in vocab.event_units:
        return False
    limit = min(len(text), end + vocab.event_max_chars)
    for k in range(end, limit):
        if text[k] in vocab.event_stops:
            return False
        if text.startswith(vocab.event_endings, k):
            return True
    return False


def _space_before_a_point(text: str, vocab: _Vocab) -> bool:
    """Is there a space right before a decimal point? (found from the points, one character
    each: the common answer, no, costs two scans of the text)"""
    spaces = vocab.spaced_decimal_spaces
    for point in vocab.spaced_decimal_points:
        at = text.find(point, 1)
        while at > 0:
            if text[at - 1] in spaces:
                return True
            at = text.find(point, at + 1)
    return False


def join_spaced_decimals(text: str) -> str:
    """`text` with a space between a digit and a decimal point (２　．２) replaced, the same
    length, so that the number reads as one: the digits before the point move up to the space
    and a leading zero of their width takes their first place (０２．２). Offsets do not change."""
    vocab = _vocab()
    if not _space_before_a_point(text, vocab):
        return text
    chars = list(text)
    for m in vocab.spaced_decimal_re.finditer(text):
        space = m.start()
        first = space
        while first > 0 and text[first - 1].isdigit():
            first -= 1
        zero = "０" if text[space - 1] in _FULLWIDTH_DIGITS else "0"
        chars[first + 1 : space + 1] = text[first:space]
        chars[first] = zero
    return "".join(chars)


def read_fullstop_decimals(text: str) -> str:
    """`text` with a full stop that stands for a decimal point (3。7亿元, 15。8%) replaced by
    one, the same length: offsets do not change."""
    vocab = _vocab()
    if vocab.fullstop_before_digit(text) is None:
        return text  # (most articles: a search for a literal is much cheaper than the lookbehind)
    return vocab.fullstop_decimal_re.sub(".", text)


def drop_clock_hours(text: str, found: list[_A]) -> list[_A]:
    """`found` without the clock hours that read as counts of 点: an hour right after a time of
    day (今日上午不到11点, 明晚（30日）8点, a bracketed date between them skipped) or after
    another clock hour and a range joiner (5点到7点). Points (小涨9点) have no time word."""
    vocab = _vocab()
    if vocab.clock_unit not in text:
        return found
    return [q for q in found if q.unit != vocab.clock_unit or not _is_clock_hour(text, q, vocab)]


def _is_clock_hour(text: str, q: _Amount, vocab: _Vocab) -> bool:
    if (
        q.approx not in vocab.clock_approx
        or q.value != q.value.to_integral_value()
        or q.value > vocab.clock_max
    ):
        return False
    k = q.start
    for pair in vocab.brackets:
        if text[k - 1 : k] == pair[1]:
            opening = text.rfind(pair[0], max(0, k - 10), k)
            if opening >= 0:
                k = opening  # 明晚（30日）8点: the date in brackets between the time of day and the hour
            break
    before = text[max(0, k - 4) : k]
    if any(before.endswith(word) for word in vocab.times_of_day):
        return True
    return k == q.start and vocab.clock_range_re.search(text[max(0, k - 6) : k]) is not None


@dataclass(frozen=True)
class _AddressVocab:
    parts: frozenset[str]
    strong: tuple[str, ...]
    run_re: re.Pattern[str]
    numbered_re: re.Pattern[str]
    section: str
    section_re: re.Pattern[str]


@cache
def _address_vocab() -> _AddressVocab:
    data = load_json("figures_names.json")["address"]
    numerals = re.escape(data["numerals"])
    parts = "|".join(re.escape(p) for p in sorted(data["parts"], key=len, reverse=True))
    segment = f"[{numerals}]+(?:{parts})"
    digits = f"[{_ASCII_DIGITS}{_FULLWIDTH_DIGITS}]"
    of_floor = re.escape(data["unit_of_floor"])
    section = data["road_section"]
    roads = "|".join(f"(?<={re.escape(w)})" for w in data["road_words"])
    return _AddressVocab(
        parts=frozenset(data["parts"]),
        strong=tuple(data["strong"]),
        # two segments or more (5栋3单元1502室), or one closed by bare digits (2单元2202) or by
        # the flat on the floor (3楼之2)
        run_re=re.compile(
            f"(?<![{numerals}])(?:(?:{segment}){{2,}}|{segment}(?={digits}|{of_floor}[{numerals}]))"
            f"{digits}*(?:{of_floor}[{numerals}]+)?"
        ),
        # 128号3楼: 号 and a segment after it; 3楼之2: the flat after the floor
        numbered_re=re.compile(f"号(?!楼|院)[{numerals}]|{of_floor}[{numerals}]"),
        section=section,
        section_re=re.compile(f"(?:{roads})[{numerals}]+{re.escape(section)}"),
    )


def drop_address_numbers(text: str, found: list[_S]) -> list[_S]:
    """`found` without the numbers of an address (5栋3单元1502室, 中山路128号3楼, 3楼之2, 信义路五段):
    a run of glued number-and-part segments that holds a unit, a room or a numbered building,
    and the section of a road. Looked for only when a figure has one of the parts for its unit."""
    vocab = _address_vocab()
    units = {q.unit for q in found}
    if units.isdisjoint(vocab.parts) and vocab.section not in units:
        return found
    spans = [
        m.span()
        for m in vocab.run_re.finditer(text)
        if any(word in m.group() for word in vocab.strong) or vocab.numbered_re.search(m.group())
    ]
    if vocab.section in units:
        spans += [m.span() for m in vocab.section_re.finditer(text)]
    if not spans:
        return found
    return [q for q in found if not _inside(spans, q.start, q.end)]


@cache
def _kin_ordinal() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("figures_names.json")["kin_ordinal"]
    return frozenset(data["units"]), frozenset(data["ordinal_numerals"])


def drop_kin_ordinals(text: str, found: list[_S]) -> list[_S]:
    """`found` without a child's place in the birth order (三子, 四女: the third son, the fourth
    daughter): a Chinese numeral other than 一/两 before 子, 女 or 男. 3子, 4女2男, 两子 stay counts."""
    units, ordinal_numerals = _kin_ordinal()
    return [
        q
        for q in found
        if q.unit not in units
        or not all(ch in ordinal_numerals for ch in text[q.start : q.end - len(q.unit or "")])
    ]


@dataclass(frozen=True)
class _DurationVocab:
    smaller_of: dict[str, tuple[frozenset[str], int]]
    joiners: frozenset[str]


@cache
def _duration_vocab() -> _DurationVocab:
    data = load_json("figures_names.json")["compound_duration"]
    smaller_of: dict[str, tuple[frozenset[str], int]] = {}
    for pair in data["pairs"]:
        for unit in pair["larger"]:
            smaller_of[unit] = (frozenset(pair["smaller"]), int(pair["factor"]))
    return _DurationVocab(smaller_of=smaller_of, joiners=frozenset(data["joiners"]))


def merge_compound_durations(text: str, found: list[_D]) -> list[_D]:
    """`found` (in text order) with each span of time written in two units (三年三个月, 1年6个月,
    两年零三个月) as one figure in the smaller unit (39 个月): the first figure is widened over the
    second, which is dropped."""
    vocab = _duration_vocab()
    out: list[_D] = []
    k = 0
    while k < len(found):
        q = found[k]
        k += 1
        pair = vocab.smaller_of.get(q.unit or "")
        if pair is not None and k < len(found) and q.kind == "measure" and q.value_max is None:
            r = found[k]
            smaller, factor = pair
            gap = text[q.end : r.start]
            if (
                r.unit in smaller
                and r.kind == "measure"
                and (not gap or gap in vocab.joiners)
                and r.value_max is None
                and r.approx is None
                and 0 < r.value < factor
            ):
                q.end, q.value, q.unit = r.end, q.value * factor + r.value, r.unit
                k += 1
        out.append(q)
    return out
