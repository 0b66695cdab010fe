"""Digits that belong to a name, not to a figure, for `newsctl.figures`.

A fund or an index product carries digits in its name (某某台湾50, 某某加权反1, listed as
某某台湾50反1（00632R）), a product line is named by a number (某某1895系列), and the ordinal of a
formal event is part of its name (第三次全国…普查).  Each name is decided once per article and
then held at every later mention, where the bracketed code or the fund word may be missing.
A decimal number split by a typesetting space (２　．２万亿元) is joined back into one number.
The vocabulary is in `newsctl/data/figures_names.json`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Protocol, TypeVar

from newsctl.data import load_json

_FULLWIDTH_DIGITS = "０１２３４５６７８９"
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


@dataclass(frozen=True)
class _Vocab:
    ticker_re: re.Pattern[str]
    ticker_name_max: int
    designator_re: re.Pattern[str]
    designator_name_max: int
    fund_cues: tuple[str, ...]
    series_re: re.Pattern[str] | None
    spec_re: re.Pattern[str] | None
    route_re: re.Pattern[str] | None
    key_before: int
    key_min: int
    event_prefix: str
    event_units: frozenset[str]
    event_endings: tuple[str, ...]
    event_max_chars: int
    event_stops: frozenset[str]
    spaced_decimal_re: re.Pattern[str]
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
    series = [re.escape(word) for word in data["series_words"]]
    series_re = re.compile(f"[0-9]+(?:{'|'.join(series)})") if series else None
    # 5.1音响 (figures_context.json's spec_followers): the layout names the product at every mention
    spec_followers = load_json("figures_context.json")["numbers_in_names"]["spec_followers"]
    spec = [re.escape(word) for word in spec_followers]
    spec_re = re.compile(f"(?<![0-9.])[0-9][.][0-9](?={'|'.join(spec)})") if spec else None
    routes = [re.escape(word) for word in data["route_words"]]
    min_chars = int(data["route_numeral_min_chars"])
    route_re = (
        re.compile(f"(?:[0-9]+|[零〇一二三四五六七八九十百]{{{min_chars},}})(?={'|'.join(routes)})")
        if routes
        else None
    )
    spaces, points = re.escape(spaced["spaces"]), re.escape(spaced["points"])
    # a digit, one space, a decimal point, a digit of the same width: ２　．２, 2 .2
    spaced_decimal_re = re.compile(
        f"(?<=[0-9])[{spaces}](?=[{points}][0-9])|(?<=[{_FULLWIDTH_DIGITS}])[{spaces}](?=[{points}][{_FULLWIDTH_DIGITS}])"
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
        ticker_name_max=int(ticker["name_max_chars"]),
        designator_re=designator_re,
        designator_name_max=int(designator["name_max_chars"]),
        fund_cues=tuple(designator["cues"]),
        series_re=series_re,
        spec_re=spec_re,
        route_re=route_re,
        key_before=int(data["key_chars_before"]),
        key_min=int(data["key_min_chars"]),
        event_prefix=event["prefix"],
        event_units=frozenset(event["units"]),
        event_endings=tuple(event["endings"]),
        event_max_chars=int(event["max_chars"]),
        event_stops=frozenset(event["clause_stops"]),
        spaced_decimal_re=spaced_decimal_re,
        clock_unit=clock["unit"],
        clock_max=int(clock["max"]),
        clock_approx=frozenset(clock["approx"]),
        clock_range_re=clock_range_re,
        times_of_day=tuple(sorted(times_of_day, key=len, reverse=True)),
        brackets=tuple(clock["brackets"]),
    )


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


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


def name_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the names in `text` that carry digits, each name at every mention."""
    vocab = _vocab()
    spans: list[tuple[int, int]] = []
    keys: set[str] = set()

    def add(start: int, end: int, key_end: int | None = None) -> None:
        key = _key(text, start, end if key_end is None else key_end, vocab.key_before)
        if key is not None:
            spans.append((start, end))
            keys.add(key)

    if "(" in text or "（" in text:
        for m in vocab.ticker_re.finditer(text):
            add(_name_before(text, m.start(), vocab.ticker_name_max), m.start())
    if any(cue in text for cue in vocab.fund_cues):
        for m in vocab.designator_re.finditer(text):
            add(_name_before(text, m.start(), vocab.designator_name_max), m.end())
    if vocab.series_re is not None:
        for m in vocab.series_re.finditer(text):
            start = m.start()
            if start > 0 and _is_name_char(text[start - 1]) and not text[start - 1].isdigit():
                digits_end = start
                while text[digits_end].isdigit():
                    digits_end += 1
                # 某某1760系列: held as 某某1760, which later mentions use without 系列
                add(start - min(vocab.key_before, start), m.end(), digits_end)
    if vocab.route_re is not None:
        # 台61线, 七十四线: the number of a road or a line, at each mention (线 is written each time)
        spans.extend(m.span() for m in vocab.route_re.finditer(text))
    keys = {key for key in keys if len(key) >= vocab.key_min and any(_is_han(ch) for ch in key)}
    if vocab.spec_re is not None:
        keys.update(m.group() for m in vocab.spec_re.finditer(text))
    for key in keys:
        at = text.find(key)
        while at >= 0:
            end = at + len(key)
            # the whole name, not a part of a longer number (权反1 is not in 权反10, 5.1 not in 15.1)
            if not (key[0].isdigit() and at > 0 and text[at - 1] in _NUMBER_CHARS) and not (
                key[-1].isdigit() and text[end : end + 1] in _NUMBER_CHARS
            ):
                spans.append((at, end))
            at = text.find(key, at + 1)
    return spans


def drop_name_digits(text: str, found: list[_S]) -> list[_S]:
    """`found` without the figures that have no unit and lie inside a name (某某台湾50反1: no
    50 and no 1). A figure with a unit (500张台积电) is a figure even next to a name."""
    if not found:
        return found
    spans = name_spans(text)
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
        if any(text.startswith(ending, k) for ending in vocab.event_endings):
            return True
    return False


def join_spaced_decimals(text: str) -> str:
    """`text` with a space between a digit and a decimal point (２　．２) replaced, the same
    length, so that the number reads as one: the digits before the point move up to the space
    and a leading zero of their width takes their first place (０２．２). Offsets do not change."""
    vocab = _vocab()
    if vocab.spaced_decimal_re.search(text) is None:
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


def drop_clock_hours(text: str, found: list[_A]) -> list[_A]:
    """`found` without the clock hours that read as counts of 点: an hour right after a time of
    day (今日上午不到11点, 明晚（30日）8点, a bracketed date between them skipped) or after
    another clock hour and a range joiner (5点到7点). Points (小涨9点) have no time word."""
    vocab = _vocab()
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
