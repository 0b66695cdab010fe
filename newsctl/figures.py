"""Numeric facts in cleaned Chinese text: value, unit, approximation, kind and what is counted.

`find_figures(text)` scans the text once.  At each numeral it reads the numeral
(`newsctl.numerals`), then what follows (多/余, units and measure words, money chains such as
5元6角, ranges such as 20-30万, approximation words such as 左右/以上) and what precedes
(约/近/超过, 人民币, 第).  Dates, times, phone numbers, URLs, codes, enumerators and set
phrases (一盘棋, 统一) are dropped.  All vocabulary is in `newsctl/data/figures_*.json`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from newsctl.data import load_json
from newsctl.figures_names import (
    drop_address_numbers,
    drop_clock_hours,
    drop_kin_ordinals,
    drop_name_digits,
    formal_event_ordinal,
    join_spaced_decimals,
    merge_compound_durations,
    read_fullstop_decimals,
)
from newsctl.numerals import Number, Numeral, distribute_multiplier, is_numeral_start, scan_numeral, to_number
from newsctl.numerals import tables as numeral_tables
from newsctl.region import Region, detect_region

KINDS = ("money", "percent", "count", "age", "measure", "ordinal", "anniversary", "ratio")
APPROX_VALUES = ("more_than", "about", "nearly", "at_least", "at_most", "less_than")


@dataclass(frozen=True)
class FigureMatch:
    """One numeric fact; start/end are offsets into the text given to find_figures."""

    start: int
    end: int
    value: Number
    value_max: Number | None
    approx: str | None
    unit: str | None
    currency: str | None
    kind: str
    counted: str | None


# ---------------------------------------------------------------------------
# vocabulary


class _Words(tuple[str, ...]):
    """A word list, longest first, that carries its own index for _startswith_any and
    _endswith_any: the distinct lengths (longest first), the set of (non-empty) words and
    their first and last characters (most look-ups end at that one test)."""

    lengths: tuple[int, ...]
    members: frozenset[str]
    first_chars: frozenset[str]
    last_chars: frozenset[str]


@dataclass(frozen=True)
class _Vocab:
    units: dict[str, tuple[str, Any]]  # surface -> (category, payload)
    max_unit_len: int
    #: first character -> match() of the units starting with it that are not ASCII-only, longest first
    unit_matchers: dict[str, Any]
    ascii_units: dict[str, tuple[str, Any]]  # lower-cased ASCII unit -> (category, payload)
    block_next: dict[str, _Words]
    block_next_unless: dict[str, _Words]
    currency_prefixes: list[tuple[str, str]]
    currency_prefix_words: _Words
    currency_prefix_code: dict[str, str]
    currency_pair_joiners: _Words
    currency_minor: dict[str, tuple[str, Decimal]]
    currency_minor_words: _Words
    minor_chain_starters: frozenset[str]
    money_tail: _Words
    discount_words: dict[str, dict[str, Any]]
    age_suffix: _Words
    age_time_units: frozenset[str]
    approx_prefix: list[tuple[str, str | None]]
    approx_prefix_words: _Words
    approx_prefix_of: dict[str, str | None]
    prefix_fillers: _Words
    prefix_not_after: dict[str, _Words]
    prefix_comparative: tuple[frozenset[str], str, int]
    prefix_time_sense: frozenset[str]
    approx_suffix: list[tuple[str, str]]
    approx_suffix_words: _Words
    approx_suffix_of: dict[str, str]
    inclusive_marks: _Words
    compare_before: _Words
    compare_after: dict[str, str]
    more_suffix: frozenset[str]
    about_suffix: frozenset[str]
    more_or_about_suffix: frozenset[str]
    vague_after_unit_ok: _Words
    more_before_copula: frozenset[str]
    more_before_dimension: frozenset[str]
    vague_after_age_ok: frozenset[str]
    range_connectors: _Words
    between_connectors: _Words
    between_suffix: _Words
    range_prefix: _Words
    lower_bound: frozenset[str]
    upper_bound: frozenset[str]
    negated_comparative: dict[str, str]
    comparative_negations: _Words
    bound_joiners: _Words
    ordinal_prefix: _Words
    half: tuple[str, ...]
    date_units: dict[str, str]
    date_unit_max: dict[str, int]
    time_chain_units: frozenset[str]
    clock_followers: _Words
    time_of_day_words: _Words
    weekday_prefixes: _Words
    phone_cues: tuple[str, ...]
    phone_window: int
    code_cues: tuple[str, ...]
    code_followers: _Words
    enumerator_followers: frozenset[str]
    indefinite_before_yi: _Words
    phrases_by_char: dict[str, list[tuple[str, int]]]
    numeral_only_phrases: frozenset[str]
    counted_stop: tuple[str, ...]
    counted_determiners: tuple[str, ...]
    counted_max: int
    counted_stops: _Words  # counted_stop + counted_determiners
    quote_open: frozenset[str]
    quote_close: frozenset[str]
    ratio_joiners: _Words
    code_min_bare_digits: int
    verbal_measure_words: frozenset[str]
    ascii_unit_suffixes: frozenset[str]


def _by_length(words: Any) -> _Words:
    out = _Words(sorted(words, key=len, reverse=True))
    out.members = frozenset(w for w in out if w)
    out.lengths = tuple(sorted({len(w) for w in out.members}, reverse=True))
    out.first_chars = frozenset(w[0] for w in out.members)
    out.last_chars = frozenset(w[-1] for w in out.members)
    return out


def _matchers_by_first_char(words: Iterable[str]) -> dict[str, Any]:
    """One regex per first character: the alternation of its words, longest first, so that the
    match is the longest word (one C call instead of a slice and a look-up per length)."""
    by_char: dict[str, list[str]] = {}
    for word in words:
        by_char.setdefault(word[0], []).append(word)
    return {
        ch: re.compile("|".join(re.escape(w) for w in sorted(group, key=len, reverse=True))).match
        for ch, group in by_char.items()
    }


@cache
def _vocab() -> _Vocab:
    units_raw: dict[str, Any] = load_json("figures_units.json")
    ctx: dict[str, Any] = load_json("figures_context.json")
    units: dict[str, tuple[str, Any]] = {}

    def add(word: str, category: str, payload: Any = None) -> None:
        units.setdefault(word, (category, payload))

    # order matters for setdefault: currencies first (元 is money, not a count)
    for code, names in units_raw["currencies"].items():
        for name in names:
            add(name, "currency", code)
    for word, minor in units_raw["currency_minor"].items():
        add(word, "minor", (minor["code"], Decimal(str(minor["factor"]))))
    for word in units_raw["age"]:
        add(word, "age")
    for word in units_raw["anniversary"]:
        add(word, "anniversary")
    for word, factor in units_raw["percent"].items():
        add(word, "percent_sign", Decimal(str(factor)))
    for word in units_raw["percentage_point"]:
        add(word, "percentage_point")
    for word in units_raw["tenths_percent"]:
        add(word, "tenths")
    for word in units_raw["discount"]:
        add(word, "discount")
    for word in units_raw["ratio"]:
        add(word, "ratio")
    for word, unit_kind in ctx["date_units"].items():
        add(word, "date", unit_kind)
    for word in units_raw["time"]:
        add(word, "time")
    for word in units_raw["measure"]:
        add(word, "measure")
    for word, factor in units_raw["count_factor"].items():
        add(word, "count", Decimal(factor))
    for word in units_raw["count"]:
        add(word, "count")
    for word in units_raw["index_points"]:
        add(word, "count")
    # ASCII units are case-sensitive: 5g is grams, 5G is a network generation (a code)
    ascii_units = {w: v for w, v in units.items() if w.isascii()}
    phrases_by_char: dict[str, list[tuple[str, int]]] = {}
    numeral_only: set[str] = set()
    for phrase in ctx["set_phrases"]:
        for k, ch in enumerate(phrase):
            if is_numeral_start(ch):
                phrases_by_char.setdefault(ch, []).append((phrase, k))
        if all(is_numeral_start(ch) for ch in phrase):
            numeral_only.add(phrase)
    ascii_suffixes = set(ascii_units) | set(numeral_tables().ascii_multipliers) | {"%"}
    return _Vocab(
        units=units,
        max_unit_len=max(len(w) for w in units),
        unit_matchers=_matchers_by_first_char(w for w in units if not w.isascii()),
        ascii_units=ascii_units,
        block_next={k: _by_length(v) for k, v in units_raw["block_next"].items()},
        block_next_unless={k: _by_length(v) for k, v in units_raw["block_next_unless"].items()},
        currency_prefixes=[
            (w, units_raw["currency_prefixes"][w]) for w in _by_length(units_raw["currency_prefixes"])
        ],
        currency_prefix_words=_by_length(units_raw["currency_prefixes"]),
        currency_prefix_code=dict(units_raw["currency_prefixes"]),
        currency_pair_joiners=_by_length(units_raw["currency_pair_joiners"]),
        currency_minor={
            k: (v["code"], Decimal(str(v["factor"]))) for k, v in units_raw["currency_minor"].items()
        },
        currency_minor_words=_by_length(units_raw["currency_minor"]),
        minor_chain_starters=frozenset(units_raw["minor_chain_starters"]),
        money_tail=_by_length(units_raw["money_tail"]),
        discount_words={
            word: {**spec, "requires_before": _by_length(spec.get("requires_before") or ())}
            for word, spec in units_raw["discount_words"].items()
        },
        age_suffix=_by_length(units_raw["age_suffix_after_time"]),
        age_time_units=frozenset(units_raw["age_time_units"]),
        approx_prefix=[(w, ctx["approx_prefix"][w]) for w in _by_length(ctx["approx_prefix"])],
        approx_prefix_words=_by_length(ctx["approx_prefix"]),
        approx_prefix_of=dict(ctx["approx_prefix"]),
        prefix_fillers=_by_length(ctx["approx_prefix_fillers"]),
        prefix_not_after={k: _by_length(v) for k, v in ctx["approx_prefix_not_after"].items()},
        prefix_comparative=(
            frozenset(ctx["approx_prefix_comparative"]["words"]),
            ctx["approx_prefix_comparative"]["before"],
            int(ctx["approx_prefix_comparative"]["window"]),
        ),
        prefix_time_sense=frozenset(ctx["approx_prefix_time_sense"]),
        approx_suffix=[(w, ctx["approx_suffix"][w]) for w in _by_length(ctx["approx_suffix"])],
        approx_suffix_words=_by_length(ctx["approx_suffix"]),
        approx_suffix_of=dict(ctx["approx_suffix"]),
        inclusive_marks=_by_length(ctx["inclusive_marks"]),
        compare_before=_by_length(ctx["comparative_frame"]["before"]),
        compare_after=ctx["comparative_frame"]["after"],
        more_suffix=frozenset(ctx["more_suffix"]),
        about_suffix=frozenset(ctx["about_suffix"]),
        more_or_about_suffix=frozenset(ctx["more_suffix"]) | frozenset(ctx["about_suffix"]),
        vague_after_unit_ok=_by_length(ctx["vague_after_unit_ok"]),
        more_before_copula=frozenset(ctx["more_before_copula"]),
        more_before_dimension=frozenset(ctx["more_before_dimension"]),
        vague_after_age_ok=frozenset(ctx["vague_after_age_ok"]),
        range_connectors=_by_length(ctx["range_connectors"]),
        between_connectors=_by_length(ctx["range_between_connectors"]),
        between_suffix=_by_length(ctx["range_between_suffix"]),
        range_prefix=_by_length(ctx["range_prefix"]),
        lower_bound=frozenset(ctx["lower_bound_approx"]),
        upper_bound=frozenset(ctx["upper_bound_approx"]),
        negated_comparative=dict(ctx["negated_comparative"]),
        comparative_negations=_by_length(ctx["comparative_negations"]),
        bound_joiners=_by_length(ctx["bound_joiners"]),
        ordinal_prefix=_by_length(ctx["ordinal_prefix"]),
        half=tuple(ctx["half"]),
        date_units=ctx["date_units"],
        date_unit_max=ctx["date_unit_max"],
        time_chain_units=frozenset(ctx["time_chain_units"]),
        clock_followers=_by_length(ctx["clock_hour_followers"]),
        time_of_day_words=_by_length(ctx["time_of_day_words"]),
        weekday_prefixes=_by_length(ctx["weekday_prefixes"]),
        phone_cues=_by_length(ctx["phone_cues"]),
        phone_window=int(ctx["phone_cue_window"]),
        code_cues=_by_length(ctx["code_cues"]),
        code_followers=_by_length(ctx["code_followers"]),
        enumerator_followers=frozenset(ctx["enumerator_followers"]),
        indefinite_before_yi=_by_length(ctx["indefinite_before_yi"]),
        phrases_by_char=phrases_by_char,
        numeral_only_phrases=frozenset(numeral_only),
        counted_stop=_by_length(ctx["counted_stop"]),
        counted_determiners=_by_length(ctx["counted_determiners"]),
        counted_max=int(ctx["counted_max_chars"]),
        counted_stops=_by_length(ctx["counted_stop"] + ctx["counted_determiners"]),
        quote_open=frozenset(ctx["quote_open"]),
        quote_close=frozenset(ctx["quote_close"]),
        ratio_joiners=_by_length(ctx["ratio_joiners"]),
        code_min_bare_digits=int(ctx["code_min_bare_digits_in_article"]),
        verbal_measure_words=frozenset(ctx.get("verbal_measure_words", ())),
        ascii_unit_suffixes=frozenset(ascii_suffixes),
    )


# ---------------------------------------------------------------------------
# character classes

_SPACES = " \u3000\t"
_BIG_UNIT_CHARS = frozenset("万萬亿億兆")
_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_PUNCT = "，,、：:；;。！？!?\n（）()《》“”\"'‘’「」『』【】[]"


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


#: the categories of a unit after which 多 is "more than" (3个多, 一年多, 1岁多, 三成多, 两米多)
_MORE_AFTER_UNIT = frozenset(("count", "time", "age", "tenths", "measure", "ratio"))

_DIGITS = frozenset("0123456789０１２３４５６７８９")  # as _is_digit, for inline tests


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"


def _skip_spaces(text: str, i: int, limit: int = 3) -> int:
    j = i
    while j < len(text) and text[j] in _SPACES and j - i < limit:
        j += 1
    return j


def _startswith_any(text: str, i: int, words: _Words) -> str | None:
    """The longest word of `words` that starts at offset i."""
    if text[i : i + 1] not in words.first_chars:
        return None
    members = words.members
    for length in words.lengths:
        piece = text[i : i + length]
        if piece in members:  # a piece cut short by the end of text is a shorter word: same answer
            return piece
    return None


def _endswith_any(text: str, i: int, words: _Words) -> str | None:
    """The longest word of `words` that ends exactly at offset i."""
    if i < 1 or text[i - 1 : i] not in words.last_chars:
        return None
    members = words.members
    for length in words.lengths:
        if length <= i:
            piece = text[i - length : i]
            if piece in members:
                return piece
    return None


# ---------------------------------------------------------------------------
# masks: URLs, e-mails, times, dates, phones, versions and codes written in ASCII

_RUN_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-/:@%+#=?&~^,")
_RE_TIME = re.compile(r"\d{1,2}:\d{2}")
_RE_DATE = re.compile(
    r"(?<!\d)(?:1[89]|20)\d\d[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?(?!\d)"
    r"|(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"
)
_RE_PHONE = re.compile(r"(?<!\d)(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4}|\d{3,4}-\d{7,8})(?!\d)")
_NUM = r"[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?(?:\^[-+]?\d+)?(?:/\d+)?%?"
_RE_NUMBERISH = re.compile(rf"{_NUM}(?P<s1>[A-Za-z/]*)(?:[-~]{_NUM}(?P<s2>[A-Za-z/]*))?")
#: ASCII runs longer than this are noise or codes, never a figure
_MAX_RUN = 64
_RE_YEAR_RANGE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d-(?:1[89]|20)\d\d(?!\d)")
#: 87mg/100ml: a measure per an amount of something (a compound unit), not a code
_RE_PER_UNIT = re.compile(rf"{_NUM}(?P<s1>[A-Za-z]+)/\d*(?P<s2>[A-Za-z]+)")


_RE_COLON_RATIO = re.compile(r"(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)")


def _colon_ratio_sides(a: str, b: str) -> bool:
    """Can A:B be a ratio in the sense of _ratio_colon (one side 1, the other at least ratio_min
    or with decimals, and not a clock time)?"""
    if b == "1":
        other = a
    elif a == "1":
        other = b
    else:
        return False
    if "." not in a and "." not in b and int(a) <= 24 and len(b) == 2:
        return False
    return "." in other or Decimal(other) >= _names_vocab()["ratio_min"]


def _classify_run(run: str) -> bool:
    """Should this ASCII run (no spaces) be masked as a non-figure?"""
    if "://" in run or run.lower().startswith("www.") or "@" in run:
        return True
    ratio = _RE_COLON_RATIO.fullmatch(run)
    if ratio is not None and _colon_ratio_sides(ratio.group(1), ratio.group(2)):
        return False  # 3000:1, 0.233:1: a ratio (find_figures reads it), not a clock time
    if _RE_TIME.search(run) or _RE_DATE.search(run) or _RE_PHONE.search(run) or _RE_YEAR_RANGE.search(run):
        return True
    if run.count("-") >= 2 and any(c.isdigit() for c in run):
        return True
    if not any(c.isdigit() for c in run):
        return False
    if len(run) > _MAX_RUN:
        return True
    allowed = _vocab().ascii_unit_suffixes
    # 2.5mg/kg is both a number with the suffix mg/kg and a measure per unit: it is a figure if
    # either reading's suffixes are units
    for pattern in (_RE_NUMBERISH, _RE_PER_UNIT):
        m = pattern.fullmatch(run)
        if m is not None and not any(s and s not in allowed for s in (m.group("s1"), m.group("s2"))):
            return False
    return True


#: a lone character is never masked (see _masked_part), so runs start at two characters
_RE_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_RUN_CHARS)) + "]{2,}")
_RUN_EDGES = ",.-~/:?&=#+"


def _masked_part(run: str) -> tuple[int, int] | None:
    """(start, end) within an ASCII run of the part to mask, or None."""
    # trailing and leading punctuation belongs to the sentence, not to the token
    core = run.lstrip(_RUN_EDGES)
    start = len(run) - len(core)
    core = core.rstrip(_RUN_EDGES)
    if len(core) > 1 and any(c.isalnum() for c in core) and _classify_run(core):
        return start, start + len(core)
    return None


#: the same short runs (years, percentages, short numbers) recur across articles
_masked_part_memo = lru_cache(maxsize=4096)(_masked_part)


_RE_DOTTED_YEAR_MONTH = re.compile(r"\d{4}\.\d{1,2}")


@cache
def _magnitude_after_decimal() -> str:
    return "".join(load_json("figures_units.json")["magnitude_after_decimal"])


def _mask(text: str) -> bytearray:
    mask = bytearray(len(text))
    for m in _RE_RUN.finditer(text):
        run = m.group()
        part = _masked_part_memo(run) if len(run) <= _MAX_RUN else _masked_part(run)
        if (
            part is not None
            and m.end() < len(text)
            and text[m.end()] in _magnitude_after_decimal()
            and _RE_DOTTED_YEAR_MONTH.fullmatch(run[part[0] : part[1]])
        ):
            continue  # 投资1988.1亿元: a decimal before 亿/万, not the date 1988.1
        if part is not None:
            a = m.start() + part[0]
            b = m.start() + part[1]
            mask[a:b] = b"\x01" * (b - a)
    return mask


# ---------------------------------------------------------------------------
# one candidate


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    approx: str | None
    unit: str | None
    currency: str | None
    kind: str
    numeral: Numeral
    unit_category: str | None = None
    unit_start: int = -1
    is_time: bool = False
    notes: set[str] = field(default_factory=set)


def _lookup_unit(text: str, i: int) -> tuple[str, str, Any] | None:
    """Longest unit or measure word at i: (surface, category, payload)."""
    vocab = _vocab()
    first = text[i : i + 1]
    if not first:
        return None
    n = len(text)
    if first.isascii():
        j = i
        while j < n and text[j].isascii() and (text[j].isalpha() or text[j] in "/²³%$"):
            j += 1
        # try the longest ASCII unit that ends at a word boundary
        for k in range(j, i, -1):
            word = text[i:k]
            hit = vocab.ascii_units.get(word)
            if hit is not None and not (k < n and text[k].isascii() and text[k].isalpha()):
                return word, hit[0], hit[1]
    matcher = vocab.unit_matchers.get(first)
    found = matcher(text, i) if matcher is not None else None
    if found is None:
        return None
    word = found.group()
    hit = vocab.units[word]
    return word, hit[0], hit[1]


def _blocked(text: str, unit: str, end: int) -> bool:
    """Is this unit the first character of a longer ordinary word (元旦, 成立, 折合)?"""
    blocks = _vocab().block_next.get(unit)
    return (
        blocks is not None
        and bool(blocks)
        and _startswith_any(text, end, blocks) is not None
        and not _block_lifted(text, unit, end)
    )


def _block_lifted(text: str, unit: str, end: int) -> bool:
    """Does the blocked word go on into the noun counted (10支队伍, 163台风机)? Asked only
    once a block word was found."""
    unless = _vocab().block_next_unless.get(unit)
    return unless is not None and _startswith_any(text, end, unless) is not None


def _read_money_chain(text: str, i: int, factor: Decimal) -> tuple[Decimal, int]:
    """What follows a money unit whose factor is `factor` (1 for 元, 0.1 for 角).

    6角3分, 零5分, 一块二 (a lone digit is the next smaller unit), 七毛八; then 钱/整/正.
    Returns (amount in the major currency unit, end).
    """
    vocab = _vocab()
    n = len(text)
    pos = i
    extra = Decimal(0)
    minors = vocab.currency_minor_words
    for _ in range(3):
        j = pos
        if j < n and text[j] in "零〇":
            j += 1
        if j >= n or not is_numeral_start(text[j]):
            break
        num = scan_numeral(text, j)
        if num is None or num.overflow or num.value_max is not None or num.value < 0 or num.form != "number":
            break
        unit = _startswith_any(text, num.end, minors)
        if unit is not None and not _blocked(text, unit, num.end + len(unit)):
            factor = vocab.currency_minor[unit][1]
            extra += num.value * factor
            pos = num.end + len(unit)
            continue
        if num.end - num.start == 1 and 0 <= num.value <= 9 and factor > Decimal("0.01"):
            nxt = text[num.end] if num.end < n else ""
            if (not _is_han(nxt) and not _is_ascii_alnum(nxt)) or nxt in "到至钱以或的":  # not 49元2gb
                extra += num.value * factor / 10
                pos = num.end
        break
    tail = _startswith_any(text, pos, vocab.money_tail)
    if tail:
        pos += len(tail)
    return extra, pos


def _digits_after_unit(text: str, pos: int, value: Decimal) -> tuple[int, Decimal]:
    """一米八, 1米75, 68米45: one digit after a whole 1 to 9, or two digits (centimetres) after
    any whole, right after 米 and with no unit or number after them, are its decimals."""
    if not (value >= 1 and value == value.to_integral_value()) or pos >= len(text):
        return pos, value
    if not is_numeral_start(text[pos]):
        return pos, value
    tail = scan_numeral(text, pos)
    if tail is None:
        return pos, value
    places = tail.n_digits if tail.digit_sequence else 1  # 八: one Chinese digit
    if (
        tail.end - tail.start != places
        or places > 2
        or (places == 1 and value > 9)  # 10米3层: after a larger whole, only centimetres (68米45)
        or tail.value >= 10**places
        or tail.value_max is not None
        or tail.has_decimal
        or (tail.end < len(text) and is_numeral_start(text[tail.end]))
        or _lookup_unit(text, tail.end) is not None
    ):
        return pos, value
    return tail.end, value + tail.value / Decimal(10) ** places


def _quantity(text: str, num: Numeral, mask: bytearray) -> _Quantity:
    """The numeral plus what follows it: 多/余, unit, money chain, 半, 左右/以上."""
    vocab = _vocab()
    news = _news_vocab()
    n = len(text)
    value = num.value
    value_max = num.value_max
    approx = num.approx
    unit: str | None = None
    currency: str | None = None
    category: str | None = None
    kind = "count"
    note: str | None = None
    if num.form == "percent":
        kind, unit, category = "percent", "%", "percent"
    elif num.form == "fraction":
        kind, category = "ratio", "fraction"
    pos = num.end
    unit_start = -1
    duration = False
    if num.form == "number":
        j = _skip_spaces(text, pos, 2) if pos < n and text[pos] in _SPACES else pos
        ch = text[j : j + 1]
        # 14000+小时, 6300+部: a plus sign after a round number, before a unit, is "more than"
        # (not 12583+副号: a prefix written before a number, joined by a plus)
        if ch in "+＋" and num.arabic and j + 1 < n and (num.value < 10 or num.value % 10 == 0):
            after_plus = _lookup_unit(text, j + 1)
            if after_plus is not None and after_plus[1] in ("count", "time", "measure", "currency"):
                approx = "more_than"
                j += 1
                ch = text[j : j + 1]
        # 10几万元 (十几万): vague digits between a round number and a big unit, more than 100000
        big_after_vague = numeral_tables().big_units.get(text[j + 1 : j + 2]) if ch in _VAGUE_DIGITS else None
        if big_after_vague is not None and num.arabic and num.value >= 10 and num.value % 10 == 0:
            value, approx = value * big_after_vague, approx or "more_than"
            j += 2
            pos = j
            ch = text[j : j + 1]
        # 320多个, 10余人, 十来个, 20几年
        elif ch in vocab.more_or_about_suffix or (
            ch in _VAGUE_DIGITS and num.arabic and num.value >= 10 and num.value % 10 == 0
        ):
            after = _lookup_unit(text, j + 1)
            if after is not None and (after[1] != "date" or after[0] in _DURATION_DATE_UNITS):
                # 10多年, 20来天: a vague count of years is a duration, never a date
                approx = "about" if ch in vocab.about_suffix else "more_than"
                duration = after[1] == "date"
                j += 1
                ch = text[j : j + 1]
            elif (
                ch in vocab.more_suffix
                and not (
                    j + 1 < n
                    and (
                        _is_han(text[j + 1])
                        and text[j + 1] not in _AFTER_BARE_MORE
                        and not _round_digits_before_more(num)
                        and not _more_before_new_word(text, j)
                        and not _more_after_multiplier(text, j)
                        or _is_ascii_alnum(text[j + 1])
                    )
                )
                and num.value >= 10
            ):
                # 四百多 at the end of a clause, 我才60多就…: before a function word
                approx = "more_than"
                pos = j + 1
        hit: tuple[str, str, Any] | None = None
        if not ch or mask[j]:
            pass
        elif ch.isascii():
            hit = _lookup_unit(text, j)
        else:
            # _lookup_unit for a non-ASCII character, inline (it runs for almost every figure)
            matcher = vocab.unit_matchers.get(ch)
            found = matcher(text, j) if matcher is not None else None
            if found is not None:
                word = found.group()
                hit = (word, *vocab.units[word])
        if hit is not None and ch in _SPACES:
            hit = None
        if (
            hit is not None
            and hit[0] == _DECADE_UNIT
            and (value % 10 or value_max is not None and value_max % 10)
        ):
            hit = ("年", *vocab.units["年"])  # 15年代养13名孤儿: 15 years, then 代养 (90年代 is a decade)
        if hit is not None:
            word, category, payload = hit
            blocks = vocab.block_next.get(word)
            if (
                blocks
                and _startswith_any(text, j + len(word), blocks) is not None
                and not _block_lifted(text, word, j + len(word))
                and not (word == "分" and num.has_decimal)  # 9.6分为很不幸福: 分 ends the score
            ):
                # 元旦, 成立: the character belongs to another word; a shorter unit may still
                # stand (19日元宵: 日, not yen)
                hit = None
                category = None
                for k in range(len(word) - 1, 0, -1):
                    shorter = vocab.units.get(word[:k])
                    if shorter is not None and not _blocked(text, word[:k], j + k):
                        hit = (word[:k], *shorter)
                        break
        if (hit is None or hit[0] == "个") and ch in "个百":
            spaced = _SPACED_PERCENTAGE_POINT(text, j)
            if spaced is not None and any(c in _SPACES for c in spaced.group()):
                hit = (spaced.group(), *vocab.units["百分点"])  # 六 个 百 分 点, spelled out
        if hit is not None:
            word, category, payload = hit
            unit_start = j
            pos = j + len(word)
            unit = word if category != "percentage_point" else "".join(word.split())
            # the most common categories first (they exclude each other)
            if category == "count":
                kind = "count"
                if payload is not None:
                    value *= payload
                    if value_max is not None:
                        value_max *= payload
                if word == news["big_count_unit"] and not _big_count_at(text, num, pos):
                    # 三大主因 (the three main causes), but not 一大早 or 三大队; 党的十二大 is a name
                    kind, unit, category, unit_start, pos = "count", None, None, -1, j
                    noun_at = pos + len(word)
                    if _is_congress(text, num, noun_at) or _is_ranking_title(text, num, noun_at):
                        category = "reject"
            elif category == "date":
                kind = "date"
                if duration or (
                    word == "年" and num.n_digits < 3 and text[pos : pos + 1] in vocab.more_suffix
                ):
                    kind, category = "measure", "time"  # 10多年, 一年多
            elif category == "measure":
                kind = "measure"
                if text[pos : pos + 1] in "/／":
                    # 87mg/100ml, 92mg／100ml: a compound unit is one measure; so is an amount
                    # per piece or per portion (46kcal/片, 42kcal/半盒)
                    k = pos + 1
                    while k < n and (_is_digit(text[k]) or text[k] == "半" and k == pos + 1):
                        k += 1
                    per = _lookup_unit(text, k)
                    if per is not None and per[1] in ("measure", "time", "count"):
                        pos = k + len(per[0])
                        unit = text[j:pos]
                if word == news["degree_times_unit"] and _degree_is_times(text, num, pos):
                    kind, category = "count", "count"  # 两度夺冠: 度 counts times
            elif category == "time":
                kind = "measure"
                if _startswith_any(text, pos, vocab.age_suffix) and word in vocab.age_time_units:
                    kind = "age"
                    pos += 1
                elif word == news["age_decade_unit"] and _decade_of_age(text, num, pos):
                    # 九旬婆婆: in her nineties
                    kind, note = "age", "range"
                    value, value_max = value * 10, value * 10 + 9
            elif category == "currency":
                kind, currency = "money", payload
                if (
                    word == "块"
                    and pos < n
                    and _is_han(text[pos])
                    and not (text[pos] in "钱零" or is_numeral_start(text[pos]))
                ):
                    # 一块蛋糕: 块 is a measure word here
                    kind, currency, category = "count", None, "count"
                elif (
                    word == "块"
                    and text[num.start : num.end] == "一"
                    and not _money_context(text, num.start, pos)
                ):
                    kind, currency, category = "count", None, "count"  # 不会去重视的一块: a piece
                else:
                    extra, pos = _read_money_chain(text, pos, Decimal(1))
                    value += extra
                    # 三万元欧元, 数十亿元人民币: a currency name after the unit names the currency
                    more = _lookup_unit(text, pos)
                    if more is not None and more[1] == "currency" and more[0] not in ("元", "块", "圆"):
                        currency = more[2]
                        pos += len(more[0])
                    # 两美元又三美分
                    if text.startswith("又", pos) and pos + 1 < n and is_numeral_start(text[pos + 1]):
                        sub = scan_numeral(text, pos + 1)
                        if sub is not None and not sub.overflow:
                            minor = _lookup_unit(text, sub.end)
                            if minor is not None and minor[1] == "minor" and minor[2][0] == currency:
                                value += sub.value * minor[2][1]
                                pos = sub.end + len(minor[0])
            elif category == "percent_sign":
                kind, unit = "percent", "%"
                value *= payload
                if value_max is not None:
                    value_max *= payload
            elif category == "age":
                kind = "age"
            elif category == "minor":
                code, factor = payload
                financial = any(c in "壹贰叁肆伍陆柒捌玖拾佰仟" for c in text[num.start : num.end])
                if word != "分" or financial or text.startswith("钱", pos):
                    kind, currency = "money", code
                    value *= factor
                    if value_max is not None:
                        value_max *= factor
                    extra, pos = _read_money_chain(text, pos, factor)
                    value += extra
                else:
                    # 95分: points or marks (a measure), not money
                    kind, category = "measure", "measure"
            elif category == "percentage_point":
                kind = "percent"
            elif category == "tenths":
                kind, unit = "percent", "%"
                value *= 10
                if value_max is not None:
                    value_max *= 10
            elif category == "discount":
                kind, unit = "percent", "%"
                if (
                    num.has_decimal
                    or (not num.digit_sequence and value < 10)
                    or (num.digit_sequence and num.n_digits == 1)
                ):
                    value *= 10
                elif not (num.digit_sequence and num.n_digits == 2) and not (num.arabic and value < 100):
                    category = "reject"
                if value_max is not None:
                    value_max *= 10
            elif category == "ratio":
                kind = "ratio"
            elif category == "anniversary":
                kind = "anniversary"
            # 一米八, 1米75: a height said as metres and the next digits (1.8 m, 1.75 m)
            if word in news["digits_after_unit"] and value_max is None and not num.has_decimal:
                pos, value = _digits_after_unit(text, pos, value)
            # 一吨半, 两米半, 一个半小时, 2年半
            if category == "date" and word == "年" and num.n_digits < 3 and text.startswith("半", pos):
                kind, category = "measure", "time"  # 2年半: two and a half years, not a date
            if category in ("count", "measure", "time", "currency", "age") and text.startswith("半", pos):
                after_half = _lookup_unit(text, pos + 1)
                if word == "个" and after_half is not None and after_half[1] == "time":
                    value += Decimal("0.5")
                    unit = after_half[0]
                    kind, category = "measure", "time"
                    pos = pos + 1 + len(after_half[0])
                elif (
                    not (pos + 1 < n and _is_han(text[pos + 1]) and after_half is None)
                    or _startswith_any(text, pos + 1, news["half_followers"]) is not None
                ):  # 1年半前, 两年半来: the half ends the figure before a time word
                    value += Decimal("0.5")
                    pos += 1
            # 两分多钟, 十分多钟: 多 inside a time unit
            if pos + 1 < n and text[pos] in vocab.more_suffix and category not in ("currency", "time"):
                split = vocab.units.get(word + text[pos + 1])
                if split is not None and split[0] == "time":
                    approx = approx or "more_than"
                    unit, kind, category = word + text[pos + 1], "measure", "time"
                    pos += 2
            # 3个多月, 一年多
            if category in _MORE_AFTER_UNIT and pos < n and text[pos] in vocab.more_suffix:
                after = _lookup_unit(text, pos + 1)
                if word == "个" and after is not None and after[1] in ("time", "date"):
                    approx = approx or "more_than"
                    unit = "个" + after[0] if not after[0].startswith("个") else after[0]
                    kind, category = "measure", "time"
                    pos = pos + 1 + len(after[0])
                # 三成多, 两米多 (一卡多号: 多 before another unit is no "more than" of a measure)
                elif (
                    category in ("time", "age", "tenths", "measure", "ratio")
                    and (category not in ("measure", "ratio") or after is None)
                    and (
                        pos + 1 >= n
                        or not _is_han(text[pos + 1])
                        or _startswith_any(text, pos + 1, vocab.vague_after_unit_ok)
                        or text[pos + 1] in _AFTER_BARE_MORE  # 开展4天多就: before an adverb
                        or category == "measure"
                        and text[pos + 1] in vocab.more_before_dimension  # 两公里多长: not 多长 (how long)
                        or text[pos] == "多"
                        and (
                            text[pos + 1] in vocab.more_before_copula  # 七成多是: not 多是 (mostly are)
                            or _more_before_new_word(text, pos)  # 余 is also a surname
                        )
                        or category == "age"
                        and text[pos + 1] in vocab.vague_after_age_ok
                    )
                ):  # 1岁多儿子: 多 after an age before a word for a child is "more than"
                    approx = approx or "more_than"
                    pos += 1
    # 左右 / 以上 / （含）以上
    j = _skip_spaces(text, pos, 2) if pos < n and text[pos] in _SPACES else pos
    if text[j : j + 1] in _suffix_first_chars():
        mark = _startswith_any(text, j, vocab.inclusive_marks)
        k = j + len(mark) if mark else j
        suffix = _startswith_any(text, k, vocab.approx_suffix_words)
    else:
        mark, k, suffix = None, j, None  # neither a mark nor a suffix starts at j
    if suffix is not None:
        suffix_approx = vocab.approx_suffix_of[suffix]
        if not (suffix == "上下" and k + 2 < n and text[k + 2] in "班学车楼游"):
            if approx is None or approx == "more_than" and suffix_approx in ("more_than", "at_least"):
                approx = suffix_approx if approx is None else approx
            pos = k + len(suffix)
            note = "suffix"
    elif mark:
        note = "inclusive"
        pos = k
    if kind == "money" and category == "minor" and unit in ("角", "毛") and _han_word_after(text, pos):
        category = "reject"  # 三角草, 一毛不拔: not money
    # positional arguments, in the order of the fields: keywords cost twice the whole call
    return _Quantity(
        num.start,  # start
        pos,  # end
        value,
        value_max,
        approx,
        unit,
        currency,
        kind,
        num,  # numeral
        category,  # unit_category
        unit_start,
        False,  # is_time
        {note} if note else set(),  # notes
    )


def _on_a_scale(text: str, q: _Quantity) -> bool:
    """6.7级地震, 震度7级, 风力8级: a degree on the scale of an earthquake or of the wind."""
    news = _news_vocab()
    if _startswith_any(text, q.end, news["scale_after"]) is not None:
        return True
    before = _same_clause_before(text, q.start, news["scale_window"])
    return any(word in before for word in news["scale_before"])


def _seismic_intensity(text: str, q: _Quantity) -> None:
    """震度“6弱”级: 弱/强 after the number of an intensity is part of it (unit 弱/强)."""
    news = _news_vocab()
    suffix = text[q.end : q.end + 1]
    if suffix not in news["scale_intensity"] or not 1 <= q.value <= 7 or q.value_max is not None:
        return
    window = news["scale_window"]
    before = text[max(0, q.start - window) : q.start]
    after = text[q.end + 1 : q.end + 3]
    closed = after.lstrip("”」\"'’")
    if any(word in before for word in news["scale_before"]) or closed.startswith(news["scale_unit"]):
        q.unit, q.kind, q.unit_category = suffix, "measure", "measure"
        q.end += 1


def _per_unit_before(text: str, q: _Quantity) -> None:
    """每立方米14微克, 每小时80公里: 每 + a unit of measure or time before a measure makes one
    compound unit (微克/立方米), the span taking the 每 phrase in."""
    units = _vocab().units
    for length in (1, 2, 3, 4):
        p0 = q.start - length
        if p0 < 1 or text[p0 - 1] != "每":
            continue
        hit = units.get(text[p0 : q.start])
        if hit is not None and hit[0] in ("measure", "time"):
            q.unit = f"{q.unit}/{text[p0 : q.start]}"
            q.start = p0 - 1
            return


def _money_context(text: str, start: int, end: int) -> bool:
    """一块钱, 一块五, 票价一块: is there money around 一块 (a price, a payment) in its sentence?"""
    if text[end : end + 1] and (text[end] in "钱零" or is_numeral_start(text[end])):
        k = end
        while k < len(text) and is_numeral_start(text[k]) and k - end < 4:
            k += 1
        # 一块廿才角材, 一块三斤重的肉: a piece of N units, not 一块五 (一块五的 stays 1.5 yuan)
        nxt = text[k : k + 1]
        return text[end] == "零" or not _is_han(nxt or "a") or nxt in "毛角分钱块元" or nxt in _NOT_A_NOUN
    spec = _news_vocab()["one_kuai_money"]
    window = int(spec["window"])
    around = text[max(0, start - window) : start] + "\n" + text[end : end + window]
    return any(cue in around for cue in spec["cues"])


@cache
def _suffix_first_chars() -> frozenset[str]:
    """First characters of the inclusive marks and approximation words read after a figure."""
    vocab = _vocab()
    return vocab.inclusive_marks.first_chars | vocab.approx_suffix_words.first_chars


#: 14楼: a floor (an ordinal); 一楼/二楼 in words name a place in the building
_FLOOR_UNIT = "楼"
#: N年代 is a decade (a date) only for N a multiple of ten
_DECADE_UNIT = "年代"
#: 个百分点 written with spaces between its characters (the unit lookup takes words whole)
_SPACED_PERCENTAGE_POINT = re.compile("个?[ \u3000]*百[ \u3000]*分[ \u3000]*点").match
#: function words after N多 that end the figure (我才60多就退休了, 三十多了)
_AFTER_BARE_MORE = frozenset("就了还都也才却吧呢啊")
#: 几 after an Arabic round number: 20几年 is 20多年
_VAGUE_DIGITS = frozenset("几幾")
#: date units that also measure a duration after 多/余/来 (10多年, 20余日)
_DURATION_DATE_UNITS = frozenset(("年", "日"))


def _han_word_after(text: str, pos: int) -> bool:
    """Does a Han character other than 钱/零 or a numeral follow (三角草, but 三角钱, 三角五分)?"""
    nxt = text[pos : pos + 1]
    return bool(nxt) and _is_han(nxt) and nxt not in "钱零" and not is_numeral_start(nxt)


def _big_count_at(text: str, num: Numeral, pos: int) -> bool:
    """三大主因, 5大品牌: N大 before a noun counts the main ones (never 一大早, 一大批)."""
    return (
        text[num.start : num.end] not in ("一", "1")
        and num.value_max is None
        and 2 <= num.value <= 20
        and pos < len(text)
        and _is_han(text[pos])
        and not _is_congress(text, num, pos)
        and not _is_ranking_title(text, num, pos)
    )


def _is_ranking_title(text: str, num: Numeral, pos: int) -> bool:
    """2018年10大新兴旅游城市, 年度十大案件, 前十大企业, 十大企业榜, 四大名著之一: N大 names a
    ranking (the top N) or a named set something is one of, not a count of things in the story."""
    news = _news_vocab()
    start = num.start
    if text[start - 1 : start] == "前" and text[start - 2 : start] not in news["ranking_not_before"]:
        return True  # 前十大, 市值前20大 (not 目前三大, 此前两大)
    year_digit = text[start - 2 : start - 1].strip() or text[start - 3 : start - 2]  # 2018 年10大
    by_year = text[start - 1 : start] == "年" and _is_digit(year_digit or "x")
    if by_year or text[start - 2 : start] == "年度":
        return True  # 2018年10大, 2024年度十大: a year's list
    end = pos
    while end < len(text) and end - pos < 8 and _is_han(text[end]):
        end += 1
    tail = text[pos:end]
    return any(word in tail for word in news["ranking_after"])


def _is_congress(text: str, num: Numeral, pos: int) -> bool:
    """党的十二大, 越共十四大有关情况, 十二大以来: N大 names a party congress."""
    news = _news_vocab()
    return (
        _endswith_any(text, num.start, news["congress_before"]) is not None
        or _startswith_any(text, pos, news["congress_after"]) is not None
    )


_SCORE = re.compile(r"[0-9]{1,3}[-－][0-9]{1,3}")


def _is_score(text: str, q: _Quantity) -> bool:
    """王某1-3不敌, 首局11-4拿下, 11-13、12-14连丢三局: a game's score, not a range."""
    news = _news_vocab()
    m = _SCORE.match(text, q.start)
    if m is None or q.unit is not None or q.approx is not None or q.end - q.start > 3:
        return False
    if q.start and text[q.start - 1].isdigit() or text[m.end() : m.end() + 1].isdigit():
        return False
    if _endswith_any(text, q.start, news["score_before"]) is not None:
        return True
    end = m.end()
    while text[end : end + 1] == "、":  # a list of scores: 11-13、12-14、12-14连丢三局
        more = _SCORE.match(text, end + 1)
        if more is None:
            return False
        end = more.end()
    return _startswith_any(text, end, news["score_after"]) is not None


def _is_digit_count(text: str, q: _Quantity) -> bool:
    """两位数增长, 年薪六位数: N位数 is a number of N digits (两位数学老师 counts teachers)."""
    news = _news_vocab()
    unit, nxt = news["digit_count"]
    return (
        q.unit == unit
        and text[q.end : q.end + len(nxt)] == nxt
        and _startswith_any(text, q.end, news["digit_count_word_starts"]) is None
    )


def _is_rate_base(text: str, q: _Quantity) -> bool:
    """一礼拜菜钱只花300元, 一吨价格八百元: 一 + a unit before a word of price or pay, with money
    later in the clause, is the base of the rate (per week, per ton), not a quantity."""
    news = _news_vocab()
    num = q.numeral
    if (
        q.unit_category not in news["rate_base_categories"]
        or q.start != num.start
        or q.approx is not None
        or text[num.start : num.end] not in news["rate_base_numerals"]
    ):
        return False
    for gap in range(news["rate_base_gap"] + 1):
        at = q.end + gap
        if gap and not _is_han(text[at - 1 : at] or " "):
            return False
        word_end = next(
            (
                k
                for k in range(at + 1, at + news["rate_base_follower_reach"])
                if text[k : k + 1] in news["rate_base_follower_ends"] and all(_is_han(c) for c in text[at:k])
            ),
            None,
        )
        if word_end is not None or _startswith_any(text, at, news["rate_base_followers"]) is not None:
            clause = _FIRST_CLAUSE_MARK.split(text[at : at + 30], 1)[0]
            return any(_after_numeral(clause, mark) for mark in news["rate_base_money_marks"])
    return False


def _after_numeral(clause: str, word: str) -> bool:
    """Does `word` stand right after a numeral (or 多/余 after one) somewhere in `clause`?"""
    i = clause.find(word, 1)
    while i > 0:
        prev = clause[i - 1]
        if is_numeral_start(prev) or prev in "多余" and i > 1 and is_numeral_start(clause[i - 2]):
            return True
        i = clause.find(word, i + 1)
    return False


def _degree_is_times(text: str, num: Numeral, pos: int) -> bool:
    """两度夺冠, 7度捧回冠军: N度 before a verb counts times, not degrees or kilowatt-hours."""
    if num.has_decimal or num.value_max is not None or not 1 <= num.value <= 20:
        return False
    if text[max(0, num.start - 2) : num.start] == "零下":
        return False
    if pos >= len(text) or not _is_han(text[pos]):
        return False
    return _startswith_any(text, pos, _news_vocab()["degree_not_times_before"]) is None


def _decade_of_age(text: str, num: Numeral, pos: int) -> bool:
    """九旬婆婆, 年过七旬: N旬 of a person's age is a decade of life (上旬 of a month is not)."""
    if num.has_decimal or num.value_max is not None or not 1 <= num.value <= 12:
        return False
    news = _news_vocab()
    return (
        _startswith_any(text, pos, news["age_decade_after"]) is not None
        or _endswith_any(text, num.start, news["age_decade_before"]) is not None
    )


def _try_range(text: str, first: _Quantity, mask: bytearray) -> _Quantity:
    """first + connector + second: 20-30万, 2到3万元, 10至15人, 1万(含)-5万元, A与B之间."""
    vocab = _vocab()
    n = len(text)
    if first.kind == "date" and _duration_years(text, first):
        first.kind, first.unit_category = "measure", "time"  # １０年至２０年: years of work
    _points_not_clock(text, first)
    if (first.value_max is not None or first.kind in ("date", "ordinal")) and first.numeral.form != "percent":
        return first
    j = _skip_spaces(text, first.end, 2)
    conn = _startswith_any(text, j, vocab.range_connectors)
    if conn is not None and _change_then_level(text, first, conn):
        return first
    between = False
    if conn is None:
        conn = _startswith_any(text, j, vocab.between_connectors)
        between = conn is not None
    consecutive = False
    if conn is None:
        conn = _startswith_any(text, j, _news_vocab()["consecutive_connectors"])
        consecutive = conn is not None and _next_digit_follows(text, first, j + len(conn))
        if not consecutive:
            return first
    assert conn is not None  # a connector was found, or the range was given up above
    k = _skip_spaces(text, j + len(conn), 2)
    if k >= n or mask[k]:
        return first
    if not (is_numeral_start(text[k]) or text[k] == "."):
        return first
    # 20-30: the hyphen must not be a minus sign glued to a following digit run after a digit run
    second_num = scan_numeral(text, k)
    if second_num is None or second_num.overflow:
        return first
    vague_top = second_num.value_max is not None and first.numeral.value_max is None and conn in ("到", "至")
    if second_num.value_max is not None and not vague_top:
        return first  # (十万到数十万 is one range, up to the vague end's top)
    second = _quantity(text, second_num, mask)
    if second.kind == "date" and first.kind != "date" and _duration_years(text, second):
        second.kind, second.unit_category = "measure", "time"
    if first.kind != "date":
        _points_not_clock(text, second)
    if second.kind == "date" and first.unit is None and not _is_date_or_time(text, first):
        if _is_date_or_time(text, second):
            # 1至7月, 1—2月: the first number is a date too
            first.kind, first.unit, first.unit_category = "date", second.unit, "date"
            first.end = second.end
            first.notes.add("date_range")
        return first
    if second.kind == "date" or first.kind == "date":
        return first
    end = second.end
    if consecutive and second.unit is None and second_num.end - second_num.start < 2:
        return first  # 2、3万元 and 三、四个 are ranges; a list of bare numbers 2、3、4 is not
    if between:
        suf = _startswith_any(text, _skip_spaces(text, end, 1), vocab.between_suffix)
        if suf is None:
            return first
        end = _skip_spaces(text, end, 1) + len(suf)
    elif conn == "或" and second.approx is not None:
        return first
    # units must agree (or the first has none)
    if first.unit is not None and second.unit is not None:
        same_kind = first.kind == second.kind
        if not same_kind:
            return first
    elif first.unit is not None and second.unit is None:
        # 百分之五十到六十, 5%-8: the unit of the first end carries over only with a dash
        if first.numeral.form != "percent" and conn not in ("-", "–", "—", "~", "～", "〜", "－"):
            return first
    low, _ = (
        distribute_multiplier(first.numeral, second.numeral) if first.unit is None else (first.value, None)
    )
    if first.unit is None and low == first.value:
        low = _distribute_small_unit(text, first.numeral, second_num, low)
    if consecutive and second_num.arabic and second_num.digit_sequence and low == first.value:
        place = Decimal(10) ** (second_num.n_digits - 1)
        if second_num.value % place == 0:
            low = first.value * place  # 5、600元: 500-600
    if first.unit is None and second.kind == "percent" and second.unit == "%":
        low = low * (second.value / second.numeral.value) if second.numeral.value else low
    high = second.value_max if vague_top and second.value_max is not None else second.value
    if low > high:
        return first
    unit = second.unit or first.unit
    kind = second.kind if second.unit is not None else first.kind
    if first.numeral.form == "percent" and second.unit is None:
        kind, unit = "percent", "%"
    return _Quantity(
        start=first.start,
        end=end,
        value=low,
        value_max=high,
        approx=None if first.approx == second.approx else (first.approx or second.approx),
        unit=unit,
        currency=second.currency or first.currency,
        kind=kind,
        numeral=first.numeral,
        unit_category=second.unit_category or first.unit_category,
        unit_start=second.unit_start,
        notes={"range", "between"} if between else {"range"},
    )


def _points_not_clock(text: str, q: _Quantity) -> None:
    """N点 that is no clock time (9,800点, 三点意见) is a count of points: it can end a range."""
    if q.kind == "date" and q.unit == "点" and not _is_date_or_time(text, q):
        q.kind, q.unit_category = "count", "count"


def _change_then_level(text: str, first: _Quantity, conn: str) -> bool:
    """加码2,000口至9,000口: after a verb of change, X至Y with a unit on X is the change and the
    new level, two figures (a percentage and a bare first number stay ranges)."""
    news = _news_vocab()
    if conn not in news["change_connectors"] or first.unit is None or first.kind in ("percent", "date"):
        return False
    before = _same_clause_before(text, first.start, news["change_window"])
    for verb in news["change_verbs"]:
        at = before.rfind(verb)
        if at >= 0 and not before.startswith(news["level_markers"], at + len(verb)):
            return True  # (提高到25元至40元: the verb reaches a level, a range of levels)
    return False


def _distribute_small_unit(text: str, low: Numeral, high: Numeral, value: Decimal) -> Decimal:
    """1~2千元, 三到五百人: a lone digit before a digit + 千/百/十 takes the same place."""
    small = numeral_tables().small_units
    if low.end - low.start != 1 or high.end - high.start != 2 or text[high.end - 1] not in small:
        return value
    place = Decimal(small[text[high.end - 1]])
    if 0 < value < high.value / place:
        return value * place
    return value


def _next_digit_follows(text: str, first: _Quantity, k: int) -> bool:
    """2、3万元: a lone digit, then the next digit up (the way Chinese writes an estimate); also
    two Arabic digits and the next number up (15、16度)."""
    num = first.numeral
    if first.unit is not None or text[num.start - 1 : num.start] in ("、", "，", ","):
        return False  # 2、3、4个: a list, not an estimate
    if k >= len(text):
        return False
    if num.end - num.start == 2 and num.arabic and num.digit_sequence and 10 <= num.value <= 98:
        second = scan_numeral(text, k)
        return (
            second is not None
            and second.end - second.start == 2
            and second.arabic
            and second.value == num.value + 1
            and _lookup_unit(text, second.end) is not None
        )
    if num.end - num.start != 1 or not 1 <= num.value <= 8:
        return False
    tail = k + 1
    while tail < len(text) and _is_digit(text[tail]):
        if text[tail] not in "0０":
            return False  # 第一、25岁: the next number is not a digit of the same place (5、600元)
        tail += 1
    second = scan_numeral(text[k], 0)
    return second is not None and second.value == num.value + 1


def _duration_years(text: str, q: _Quantity) -> bool:
    """N年 that cannot be a year (one or two digits, not 05年): a number of years."""
    num = q.numeral
    return (
        q.unit == "年"
        and num.value_max is None
        and not num.has_decimal
        and not (num.arabic and num.leading_zero)
        and (num.n_digits < 3 if num.digit_sequence else num.value < 100)
        and not _is_date_or_time(text, q)
    )


def _try_ratio(text: str, first: _Quantity, mask: bytearray, joiners: _Words | None = None) -> _Quantity:
    """A比B (师生比1比8): one ratio figure, value A/B (A-B too for a game's score)."""
    vocab = _vocab()
    if first.unit is not None or first.numeral.form != "number" or first.value_max is not None:
        return first
    joiner = _startswith_any(text, first.end, vocab.ratio_joiners if joiners is None else joiners)
    if joiner is None:
        return first
    k = first.end + len(joiner)
    if k >= len(text) or mask[k] or not is_numeral_start(text[k]):
        return first
    num = scan_numeral(text, k)
    if num is None or num.overflow or num.value == 0 or num.form != "number" or num.value_max is not None:
        return first
    second = _quantity(text, num, mask)
    if second.unit is not None:
        return first
    return _Quantity(
        start=first.start,
        end=second.end,
        value=first.value / num.value,
        value_max=None,
        approx=second.approx,
        unit=None,
        currency=None,
        kind="ratio",
        numeral=first.numeral,
        unit_category="ratio",
        notes={"ratio"},
    )


# ---------------------------------------------------------------------------
# exclusions


#: groups of set phrases: (offset of the character in them, length, phrase -> its position in
#: the character's list), by the two characters that the character forms with its neighbour
_PhraseGroups = dict[str, list[tuple[int, int, dict[str, int]]]]
#: character -> (groups by the pair that ends at it, groups by the pair that starts at it,
#: groups of one-character phrases)
_PhraseIndex = dict[str, tuple[_PhraseGroups, _PhraseGroups, list[tuple[int, int, dict[str, int]]]]]


def _index_phrases(entries: dict[str, list[tuple[str, int]]], keep: Any) -> _PhraseIndex:
    """Set phrases per character, grouped by (offset, length) so that one slice and one look-up
    tests a group, and filed under the pair of characters the character forms with the one
    before it in the phrase (or else the one after it): a position is only tested against the
    few groups that share its pair in the text."""
    index: _PhraseIndex = {}
    for ch, items in entries.items():
        by_pair: tuple[dict[str, dict[tuple[int, int], dict[str, int]]], ...] = ({}, {}, {})
        for order, (phrase, offset) in enumerate(items):
            if not keep(phrase):
                continue
            if offset > 0:
                side, pair = 0, phrase[offset - 1 : offset + 1]
            elif len(phrase) > 1:
                side, pair = 1, phrase[offset : offset + 2]
            else:
                side, pair = 2, ""
            groups = by_pair[side].setdefault(pair, {})
            groups.setdefault((offset, len(phrase)), {}).setdefault(phrase, order)
        before, after, alone = (
            {
                pair: [(offset, length, members) for (offset, length), members in groups.items()]
                for pair, groups in side.items()
            }
            for side in by_pair
        )
        index[ch] = (before, after, alone.get("", []))
    return index


@cache
def _phrase_index() -> tuple[_PhraseIndex, _PhraseIndex]:
    """(all set phrases, those _phrase_skip may jump over), indexed by character."""
    vocab = _vocab()
    every = _index_phrases(vocab.phrases_by_char, lambda phrase: True)
    skippable = _index_phrases(
        vocab.phrases_by_char,
        lambda phrase: phrase not in vocab.numeral_only_phrases and is_numeral_start(phrase[-1]),
    )
    return every, skippable


@cache
def _phrase_gates(which: int) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What _phrase_groups_at needs to find any group at a position, for _phrase_index()[which]:
    (the pairs that end at the character, the pairs that start at it, the characters of
    one-character phrases), so that most positions are ruled out by two slices and three
    set look-ups."""
    index = _phrase_index()[which]
    before = frozenset(pair for entry in index.values() for pair in entry[0])
    after = frozenset(pair for entry in index.values() for pair in entry[1])
    alone = frozenset(ch for ch, entry in index.items() if entry[2])
    return before, after, alone


def _phrase_groups_at(index: _PhraseIndex, text: str, pos: int) -> list[tuple[int, int, dict[str, int]]]:
    """The groups of set phrases that may cover the character at pos, given its neighbours."""
    entry = index.get(text[pos])
    if entry is None:
        return []
    before, after, alone = entry
    groups = before.get(text[pos - 1 : pos + 1], []) if pos > 0 else []
    also = after.get(text[pos : pos + 2])
    if also is not None or alone:
        groups = groups + (also or []) + alone
    return groups


def _phrase_covers(text: str, num: Numeral, has_unit: bool) -> bool:
    """Is the numeral part of a set phrase (统一, 一盘棋, 十分)?"""
    index = _phrase_index()[0]
    pairs_before, pairs_after, alone = _phrase_gates(0)
    for pos in range(num.start, min(num.end, num.start + 2)):
        if not (
            (pos > 0 and text[pos - 1 : pos + 1] in pairs_before)
            or text[pos : pos + 2] in pairs_after
            or text[pos] in alone
        ):
            continue  # no group of set phrases at pos (see _phrase_groups_at)
        for offset, length, members in _phrase_groups_at(index, text, pos):
            p0 = pos - offset
            if p0 < 0:
                continue
            phrase = text[p0 : p0 + length]
            if phrase not in members:
                continue
            if num.end > p0 + length and num.end - num.start > 1:
                continue  # 一点五: the numeral goes on past 一点
            if phrase in _vocab().numeral_only_phrases and (has_unit or num.end != p0 + length):
                continue
            return True
    return False


def _phrase_skip(text: str, i: int) -> int:
    """End of a set phrase that ends with the numeral at i (统一, 唯一, 万一), else 0."""
    best = -1
    end = 0
    for offset, length, members in _phrase_groups_at(_phrase_index()[1], text, i):
        p0 = i - offset
        if p0 < 0:
            continue
        order = members.get(text[p0 : p0 + length])
        if order is not None and (best < 0 or order < best):
            best, end = order, p0 + length
    return end


def _clause_before(text: str, i: int, limit: int) -> str:
    j = i
    while j > 0 and i - j < limit and text[j - 1] not in _SENTENCE_END:
        j -= 1
    return text[j:i]


#: match() of a text up to its last clause mark (one scan, backwards from the end)
_FIRST_CLAUSE_MARK = re.compile("[" + re.escape(_CLAUSE_PUNCT) + "]")
_UP_TO_LAST_CLAUSE_MARK = re.compile("(?s).*[" + re.escape(_CLAUSE_PUNCT) + "]").match


def _same_clause_before(text: str, i: int, window: int) -> str:
    """The at most `window` characters before `i` that are in i's clause (after the last
    comma, colon, bracket or sentence end)."""
    before = text[max(0, i - window) : i]
    cut = _UP_TO_LAST_CLAUSE_MARK(before)
    return before[cut.end() :] if cut else before


_PHONE_BEFORE_LIST = re.compile(r"\d{2,4}-\d{6,8}[、/／]$").search


def _is_phone(text: str, q: _Quantity) -> bool:
    vocab = _vocab()
    num = q.numeral
    if (
        not (num.arabic and not num.chinese and num.digit_sequence and num.n_digits >= 3)
        or q.unit is not None
    ):
        return False
    if re.search(r"[(（]0\d{1,3}[)）]\s?$", text[max(0, num.start - 8) : num.start]):
        return True  # (02)2671-0000
    before = _clause_before(text, num.start, vocab.phone_window)
    if any(cue in before for cue in vocab.phone_cues):
        return True
    if num.n_digits >= 7 and _PHONE_BEFORE_LIST(text[max(0, num.start - 16) : num.start]):
        return True  # 07-4128666、7710277: the second number of a list of phone numbers
    after = text[q.end : q.end + 4]
    return after.startswith(vocab.phone_cues)


def _is_code(text: str, q: _Quantity) -> bool:
    vocab = _vocab()
    num = q.numeral
    if q.unit is None or q.kind == "date":
        before = text[max(0, num.start - 6) : num.start].rstrip(" :：是为")
        if before.endswith(vocab.code_cues):
            return True
        if (
            q.unit is None
            and num.digit_sequence
            and num.n_digits >= 6
            and text[num.start - 1 : num.start] in (":", "：")
            and q.approx is None
            and not num.has_separator
            and (num.n_digits >= 8 or not _is_han(text[num.start - 2 : num.start - 1] or "a"))
        ):
            return True  # 微信:52355108: a long bare number after a colon is an identifier
    if _startswith_any(text, num.end, vocab.code_followers) is not None:
        return True
    return num.arabic and num.leading_zero and not num.has_decimal and num.n_digits >= 2


def _is_date_or_time(text: str, q: _Quantity) -> bool:
    """2019年, 5月, 20日, 11点, 10时, 周三 and the 分/秒 after a clock time."""
    vocab = _vocab()
    num = q.numeral
    start = num.start
    # the minutes and seconds of a clock time: 11点20分, 10时30分, 10时30分15秒
    if (
        start > 1
        and text[start - 1] in "点时分點時"
        and is_numeral_start(text[start - 2])
        and q.unit
        in (
            "分",
            "秒",
            "分钟",
            None,
        )
        and (text[start - 1] != "分" or _clock_minutes_end(text, start - 1))
    ):
        return True
    if (
        q.unit is None
        and text[start - 1 : start] == "月"
        and num.value_max is None
        and not num.has_decimal
        and 1 <= num.value <= 31
        and (
            num.chinese
            and not num.arabic
            and text[start - 2 : start - 1] in _MONTH_NAME_ENDS
            or num.arabic
            and num.n_digits <= 2
            and _is_digit(text[start - 2 : start - 1] or "x")
        )
    ):
        return True  # 正月十五, 二月十二, 7月31: the day of a month, written without 日
    if q.unit == "年度" and num.digit_sequence and num.n_digits >= 3:
        return True  # 2023年度, 105年度: a (fiscal or award) year, not a span of years
    if q.unit_category == "date" or (q.unit in vocab.date_units and q.unit_category != "currency"):
        unit = q.unit or ""
        value = num.value
        if unit == "年":
            if num.digit_sequence and (num.n_digits >= 3 or (num.chinese and num.n_digits >= 2)):
                return not _long_span_of_years(text, q)
            return bool(num.arabic and num.leading_zero)
        maximum = vocab.date_unit_max.get(unit)
        integral = value == value.to_integral_value() and value >= 0
        if unit == "日" and text[start - 1 : start] != "月":
            day_end = text.find("日", num.end, q.end) + 1 or q.end  # before 以上/以下 read as approx
            after = _startswith_any(text, day_end, _news_vocab()["duration_after_day"])
            if after is not None:
                word = text[day_end + len(after) - 1 : day_end + len(after) + 1]
                if len(word) < 2 or not _is_han(word[1]) or _dictionary_tags({word}).get(word) is None:
                    return False  # 2日游, 三十日内: days (5日游客, 30日内阁: 游客, 内阁 are words; the 5th)
            if _endswith_any(text, start, _news_vocab()["duration_before_day"]) is not None:
                return False  # 不得超过三十日, 拘留十日: a number of days
        if unit in ("点",):
            if not integral or value > 24 or num.has_decimal:
                return False
            if _endswith_any(text, start, _news_vocab()["points_change_before"]) is not None:
                return False  # 下跌13点, 涨了9点: a change of an index, in points
            after = text[q.end : q.end + 4]
            if _startswith_any(text, q.end, vocab.clock_followers) or (
                after[:1] and is_numeral_start(after[0])
            ):
                return True
            if _endswith_any(text, start, vocab.time_of_day_words):
                return True
            if _clock_hour_in_clause(text, start, q.end):
                return True
            # 三点意见: 点 as a measure word before a noun
            return not (q.end < len(text) and _is_han(text[q.end]))
        if maximum is not None and integral and value <= maximum:
            return True
        return unit in ("号",)
    if q.unit is None and num.value_max is None:
        if _endswith_any(text, start, vocab.weekday_prefixes) and 1 <= num.value <= 7:
            return True
    return False


def _clock_hour_in_clause(text: str, start: int, end: int) -> bool:
    """，3点送医, 到五点开门: N点 that opens a clause (or follows a preposition of time) and goes on
    with a verb or an adverb is the hour something happened; 三点意见 counts what follows it."""
    news = _news_vocab()
    opens = start == 0 or text[start - 1] in _CLAUSE_PUNCT
    if not (opens or _endswith_any(text, start, news["clock_before"])):
        return False
    if _startswith_any(text, end, news["points_counted"]) is not None:
        return False
    word = text[end : end + 2]
    tags = _dictionary_tags({word, word[:1]})
    tag = tags.get(word) or tags.get(word[:1]) or ""
    return tag[:1] in ("v", "d")


def _clock_minutes_end(text: str, i: int) -> bool:
    """Is the 分 at i the minutes of a clock time (10时30分), not of a duration (2分54秒, 2小时40分)?
    Only then are the seconds after it part of the time."""
    k = i
    while k > 0 and is_numeral_start(text[k - 1]):
        k -= 1
    return k > 1 and text[k - 1] in "点时點時" and is_numeral_start(text[k - 2])


def _decimal_seconds(text: str, q: _Quantity) -> None:
    """9秒97, 41秒592, 10秒5: a race time writes the fractions after 秒; one figure of 9.97 seconds."""
    end, n = q.end, len(text)
    k = end
    while k < n and k - end < 4 and text[k] in _DIGITS:
        k += 1
    glued = k < n and (text[k] in _DIGITS or text[k] in ".．%" or text[k].isascii() and text[k].isalpha())
    if not 1 <= k - end <= 3 or glued:
        return
    if _lookup_unit(text, k) is not None:
        return  # 9秒10个: a new number with its own unit
    digits = text[end:k].translate(_WIDTH_DIGITS)
    q.value += Decimal(digits) / (Decimal(10) ** len(digits))
    q.end = k


def _mixed_digit_year(run: str) -> bool:
    """二０一二年: a year written with Chinese digits and a zero in digits (a date, the timeline's)."""
    return (
        any(c in _DIGITS for c in run)
        and any(c in _YEAR_HAN_DIGITS for c in run)
        and all(c in _DIGITS or c in _YEAR_HAN_DIGITS for c in run)
    )


_YEAR_HAN_DIGITS = frozenset("〇零○一二三四五六七八九")
#: the last character of a month's name (正月, 腊月, 十二月) before a day written without 日
_MONTH_NAME_ENDS = frozenset("正腊冬一二三四五六七八九十")


_RE_SLASH_PAIR = re.compile(r"([0-9０-９]{1,2})[/／]([0-9０-９]{1,2})")


def _is_month_day(text: str, q: _Quantity) -> bool:
    """6/29, 7/1, 5/4 (Taiwan writes dates so): a month and a day, not a fraction. A fraction is
    proper and its denominator small (1/3的肝脏, 扣1/3); a/b with a >= b or b > 12 is a date, and
    so is one after 至/起 or before a weekday in parentheses or 前."""
    m = _RE_SLASH_PAIR.fullmatch(text, q.start, q.end)
    if m is None:
        return False
    month, day = int(m.group(1).translate(_WIDTH_DIGITS)), int(m.group(2).translate(_WIDTH_DIGITS))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    if month >= day or day > 12:
        return True
    # 即日起至7/11, 7/2(日): a date's words around it
    before, after = text[q.start - 1 : q.start] if q.start else "", text[q.end : q.end + 1]
    return bool(before) and before in "至~～起" or bool(after) and after in "(（前"


_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _long_span_of_years(text: str, q: _Quantity) -> bool:
    """800多年, 距今857年历史, 已有1000年之久: a span of years, not the year 800."""
    if q.numeral.has_decimal or q.numeral.value_max is not None:
        return False
    news = _news_vocab()
    if q.unit_category == "time" or _startswith_any(text, q.end, news["long_years_after"]) is not None:
        return True
    return _endswith_any(text, q.numeral.start, news["long_years_before"]) is not None


def _is_article(text: str) -> bool:
    """Several lines: an article body, not a single expression or sentence."""
    return text.find("\n", 0, 4096) >= 0 or (len(text) > 4096 and "\n" in text[-4096:])


def _compared_lone_numeral(text: str, num: Numeral) -> bool:
    """A lone numeral character (not 一) right after a comparative (大于等于十, 低于五), or after
    是/为/有 at the end of its clause (答案是七。)."""
    if num.value < 2:
        return False
    news = _news_vocab()
    if _endswith_any(text, num.start, news["comparative_lone"]) is not None:
        return True
    vocab = _vocab()
    if (
        _endswith_any(text, num.start, vocab.compare_before) is not None
        and text[num.end : num.end + 1] in vocab.compare_after
    ):
        return True  # 比十大: the number compared
    # 答案是七。, 还有六: a number stated as the value, closing its clause
    after = text[num.end : num.end + 1]
    return (
        text[num.start - 1 : num.start] in news["stated_lone_before"]
        and (not after or after in _CLAUSE_PUNCT)
        and _endswith_any(text, num.start, news["stated_lone_negated"]) is None  # 没有二
    )


def _round_bare_at_clause_end(text: str, start: int, end: int) -> bool:
    """过千。, 破万了, 过百亿，: a round multiplier without a unit after 过/破/上 that closes its
    clause is an approximate number (more than a thousand); 千岛湖, 破万卷 go on into a word."""
    news = _news_vocab()
    if text[start - 1 : start] not in news["round_bare_before"]:
        return False
    end += text[end : end + 1] in news["round_bare_particles"]
    return end >= len(text) or text[end] in _CLAUSE_PUNCT


def _lone_numeral_is_figure(text: str, q: _Quantity, whole: bool) -> bool:
    """A numeral without any unit: keep multi-character numbers, drop lone 一/两/十 in prose."""
    vocab = _vocab()
    num = q.numeral
    if whole:
        return not (num.leading_unit and num.value >= 10000)
    if "between" in q.notes:
        return True  # 介于五和十之间: a range of numbers, stated as one
    if num.leading_unit:
        # 开价千万: a round sum of money; 点赞过千。: more than a thousand
        return _is_bare_money(text, q) or _round_bare_at_clause_end(text, num.start, num.end)
    if num.ambiguous_alone:
        return False
    if num.chinese and not num.arabic:
        chars = num.end - num.start
        if chars == 1 or (num.value_max is not None and chars == 2 and not q.approx):
            prev = text[num.start - 1] if num.start > 0 else ""
            nxt = text[num.end] if num.end < len(text) else ""
            if prev in "（(" and nxt in "）)":
                return False  # （一）各类货车: a list item's number, not a quoted numeral
            if chars == 1 and _startswith_any(text, num.end, _news_vocab()["numeral_nouns"]) is not None:
                return True  # 五部门联合发布: officialese counts some nouns without a measure word
            if chars == 1 and _compared_lone_numeral(text, num):
                return True  # 大于等于十, 低于五: the number compared
            return prev in vocab.quote_open and nxt in vocab.quote_close
        if num.digit_sequence:
            return False
    if num.arabic and not num.chinese and num.digit_sequence:
        # bare years (2020, 《中国制造2025》)
        if num.n_digits == 4 and 1900 <= num.value <= 2100 and q.approx is None:
            return False
        # in an article, a long bare digit run is a code (稿件编号, 1060502), not a quantity
        if num.n_digits >= vocab.code_min_bare_digits and _is_article(text) and q.approx is None:
            return False
    # enumerators: 1、 一、 (1) 1. at the start of an item
    nxt = text[q.end] if q.end < len(text) else ""
    prev = text[num.start - 1] if num.start > 0 else "\n"
    if nxt in vocab.enumerator_followers and num.value == num.value.to_integral_value() and q.kind != "ratio":
        if nxt in "、" or prev in "\n (（" or prev in _CLAUSE_PUNCT:
            if not (nxt in ".．" and q.end + 1 < len(text) and _is_digit(text[q.end + 1])):
                return False
    return True


# ---------------------------------------------------------------------------
# prefixes


def _prefix(text: str, q: _Quantity) -> _Quantity:
    """约/近/超过/不到 …, 人民币/$, 从 (ranges), 比 … 低, looked up just before the figure."""
    vocab = _vocab()
    start = q.start
    if start == 0 or text[start - 1] not in _prefix_last_chars():
        return q  # no word below can end right before the figure (nor spaces)
    # currency before the number: 人民币 50元, 港币两千九百六十元, $5
    s = start
    while s > 0 and text[s - 1] in _SPACES and start - s < 2:
        s -= 1
    # the longest currency word ending at s (the words are looked up by length, not one by one)
    word = _endswith_any(text, s, vocab.currency_prefix_words)
    if word is not None and _endswith_any(text, s - len(word), vocab.currency_pair_joiners) is not None:
        word = None  # 英镑兑美元1.27: the rate of a currency pair, not an amount of dollars
    if word is not None:
        code = vocab.currency_prefix_code[word]
        if q.kind == "count" and q.unit is None:
            q.kind, q.currency, q.unit = "money", code, word
        elif q.kind == "count" and q.unit in _colloquial_major_units() and q.value_max is None:
            # 港币三个一毫四: after a currency word, 个 is the major unit (Cantonese 3.14)
            extra, q.end = _read_money_chain(text, q.end, Decimal(1))
            q.value += extra
            q.kind, q.currency = "money", code
        elif q.kind == "money" and q.currency == "CNY" and q.unit in ("元", "块", "圆"):
            q.currency = code
        if q.kind == "money":
            q.start = s - len(word)
            start = q.start
    # 从 / 介于 before a range
    if "range" in q.notes:
        word = _endswith_any(text, start, vocab.range_prefix)
        if word is not None and word != "在":
            q.start = start - len(word)
            return q
    # approximation words, possibly followed by 了/是
    k = start
    filler = _endswith_any(text, k, vocab.prefix_fillers)
    candidates = [k] + ([k - len(filler)] if filler else [])
    approx_words = vocab.approx_prefix_words
    approx_of = vocab.approx_prefix_of
    for end in candidates:
        word = _endswith_any(text, end, approx_words)
        if word is not None:
            approx = approx_of[word]
            p0 = end - len(word)
            blockers = vocab.prefix_not_after.get(word)
            if blockers and _endswith_any(text, p0, blockers):
                continue
            if word in vocab.prefix_comparative[0] and vocab.prefix_comparative[1] in _same_clause_before(
                text, p0, vocab.prefix_comparative[2]
            ):
                continue  # 比去年快1倍: faster, not nearly
            if end != k and (q.approx is not None or q.value_max is not None):
                continue  # 大概有十几: through 有/需, a vague numeral keeps its own reading
            if word == "过" and (_after_aspect_opener(text, p0) or _verb_before_guo(text, p0, q)):
                continue  # 曾参加过两次, 发生过一次: 过 marks the past, not 超过
            if word in vocab.prefix_time_sense and q.unit_category in ("time", "date"):
                if not _lasted_nearly(text, p0, word):
                    continue  # 近3年: the last three years (经过近3个小时, 走了近60年: nearly)
            if word in _news_vocab()["round_only_prefixes"] and not q.numeral.leading_unit:
                continue  # 上千人, 上万元: but not 市场上3家
            if "range" in q.notes and approx is not None and approx != "about":
                continue  # 约7、8成: about covers the range; 超过3到5 is no reading
            negation = _endswith_any(text, p0, vocab.comparative_negations)
            if negation is not None and approx in vocab.negated_comparative:
                approx = vocab.negated_comparative[approx]  # 不得超过 = at most, 不能低于 = at least
                p0 -= len(negation)
            if approx is not None:
                q.approx = approx  # the word before the number wins over 左右/以上 after it
            q.start = p0
            return q
    # 比 170 低
    b = start
    while b > 0 and text[b - 1] in _SPACES and start - b < 2:
        b -= 1
    word = _endswith_any(text, b, vocab.compare_before)
    if word is not None:
        j = _skip_spaces(text, q.end, 2)
        if j < len(text) and text[j] in vocab.compare_after and q.approx is None:
            q.approx = vocab.compare_after[text[j]]
            q.start = b - len(word)
            q.end = j + 1
    return q


@cache
def _colloquial_major_units() -> frozenset[str]:
    return frozenset(load_json("figures_units.json")["colloquial_major_units"])


@cache
def _prefix_last_chars() -> frozenset[str]:
    """Spaces and the last characters of the words _prefix looks for before a figure."""
    vocab = _vocab()
    lasts = frozenset(_SPACES) | vocab.currency_prefix_words.last_chars | vocab.range_prefix.last_chars
    lasts |= vocab.prefix_fillers.last_chars | vocab.approx_prefix_words.last_chars
    return lasts | vocab.compare_before.last_chars


@cache
def _news_vocab() -> dict[str, Any]:
    """The news-text rules of figures_context.json (years glued to place names, era years,
    service numbers, local-currency cues, the dictionary tags behind `counted`)."""
    ctx: dict[str, Any] = load_json("figures_context.json")
    return {
        "year_glued": _by_length(ctx["year_glued_words"]),
        "era_prefixes": _by_length(ctx["era_year_prefixes"]),
        "ordinal_units": frozenset(ctx["ordinal_units"]),
        "service_numbers": frozenset(ctx["service_numbers"]),
        "service_before": _by_length(ctx["service_number_before"]),
        "service_after": _by_length(ctx["service_number_after"]),
        "head_tags": frozenset(ctx["counted_noun_tags"]),
        "modifier_tags": frozenset(ctx["counted_modifier_tags"]),
        "max_word": int(ctx["counted_max_word_len"]),
        "not_nouns": frozenset(ctx["counted_not_nouns"]),
        "head_suffixes": frozenset(ctx["counted_head_suffixes"]),
        "attributive": tuple(ctx["counted_attributive_suffixes"]),
        "verbal_noun_tags": frozenset(ctx["counted_verbal_noun_tags"]),
        "person_units": frozenset(ctx["counted_person_units"]["units"]),
        "not_after_counted_tags": frozenset(ctx["counted_not_after_tags"]),
        "after_single_noun_tags": frozenset(ctx["counted_after_single_noun_tags"]),
        "share_words": tuple(ctx["counted_share"]["words"]),
        "share_window": int(ctx["counted_share"]["window"]),
        "modifier_max": int(ctx["counted_modifier_before_de"]["max_chars"]),
        "pronoun_chars": frozenset(ctx["counted_modifier_before_de"]["not_chars"]),
        "person_noun": ctx["counted_person_units"]["noun"],
        "self_noun_units": frozenset(ctx["counted_person_units"]["self_noun_units"]),
        "after_not_tags": frozenset(ctx["counted_after_not_tags"]),
        "after_place_tags": frozenset(ctx["counted_after_place_tags"]),
        "after_heads": frozenset(ctx["counted_noun_tags"]) | frozenset(ctx["counted_after_place_tags"]),
        "plain_heads": frozenset(ctx["counted_noun_tags"]) - frozenset(ctx["counted_verbal_noun_tags"]),
        "plain_modifiers": frozenset(ctx["counted_modifier_tags"])
        - frozenset(ctx["counted_verbal_noun_tags"]),
        "after_event_next_tags": frozenset(ctx["counted_after_event_next_tags"]),
        "after_age_next_tags": frozenset(ctx["counted_after_age_next_tags"]),
        "word_numerals": frozenset(ctx["counted_word_numerals"]),
        "carry_kinds": frozenset(ctx["counted_carry"]["kinds"]),
        "carry_words": _by_length(ctx["counted_carry"]["words"]),
        "carry_window": int(ctx["counted_carry"]["window"]),
        "weak_heads": frozenset(ctx["counted_weak_heads"]),
        "round_only_prefixes": frozenset(ctx["approx_prefix_round_only"]),
        "negative_before": _by_length(ctx["negative_before"]),
        "reference_brackets": ctx["reference_brackets"],
        "list_marker_brackets": ctx["list_marker_brackets"],
        "school_grade_prefixes": {
            k: v for k, v in ctx["school_grade_prefixes"].items() if not k.startswith("_")
        },
        "list_openers": _by_length(ctx["list_openers"]),
        "k_grade": _by_length(ctx["k_grade_followers"]),
        "change_verbs": tuple(ctx["change_to_level"]["verbs"]),
        "change_connectors": frozenset(ctx["change_to_level"]["connectors"]),
        "change_window": int(ctx["change_to_level"]["window"]),
        "level_markers": tuple(ctx["change_to_level"]["level_markers"]),
        "comparative_lone": _by_length(ctx["comparative_lone_numeral"]),
        "stated_lone_before": frozenset(ctx["stated_lone_numeral_before"]),
        "round_bare_before": frozenset(ctx["round_bare_before"]),
        "round_bare_particles": frozenset(ctx["round_bare_after_particles"]),
        "bare_big_bounds": _by_length(ctx["bare_big_unit_bounds"]),
        "stated_lone_negated": _by_length(ctx["stated_lone_numeral_negated"]),
        "points_change_before": _by_length(ctx["points_change_before"]),
        "clock_before": _by_length(ctx["clock_hour_before"]),
        "points_counted": _by_length(ctx["points_counted_nouns"]),
        "digits_after_unit": frozenset(ctx["digits_after_unit"]),
        "k_resolutions": frozenset(ctx["k_resolutions"]["words"]),
        "relative_time": {
            "after": _by_length(ctx["relative_time"]["after"]),
            "before": _by_length(ctx["relative_time"]["before"]),
            "after_with_before": _by_length(ctx["relative_time"]["after_with_before"]),
            "calendar_units": frozenset(ctx["relative_time"]["calendar_units"]),
            "condition_after": frozenset(ctx["relative_time"]["condition_after"]),
            "not_before": _by_length(ctx["relative_time"]["not_before"]),
            "adjacent_before": frozenset(ctx["relative_time"]["adjacent_before"]),
            "adjacent_numerals": frozenset(ctx["relative_time"]["adjacent_numerals"]),
            "adjacent_not_after": frozenset(ctx["relative_time"]["adjacent_not_after"]),
        },
        "narrative_day_units": frozenset(ctx["narrative_day"]["units"]),
        "narrative_day_before": _by_length(ctx["narrative_day"]["before"]),
        "duration_after_year": _by_length(ctx["duration_after_year"]),
        "duration_after_day": _by_length(ctx["duration_after_day"]),
        "duration_before_day": _by_length(ctx["duration_before_day"]),
        "duration_verbs_before_near": _by_length(ctx["duration_verbs_before_near"]),
        "aspect_before_near": _by_length(ctx["aspect_before_near"]),
        "consecutive_connectors": _by_length(ctx["range_connectors_consecutive"]),
        "photo_positions": _by_length(ctx["photo_position_words"]),
        "quarter_units": frozenset(ctx["quarter_ordinal_units"]),
        "degree_times_unit": ctx["degree_times_unit"],
        "degree_not_times_before": _by_length(ctx["degree_not_times_before"]),
        "age_decade_unit": ctx["age_decade_unit"],
        "age_decade_after": _by_length(ctx["age_decade_after"]),
        "age_decade_before": _by_length(ctx["age_decade_before"]),
        "big_count_unit": ctx["big_count_unit"],
        "numeral_idioms": _numeral_idioms(ctx["set_phrases"]),
        "half_followers": _by_length(ctx["half_followers"]),
        "version_followers": _by_length(ctx["version_followers"]),
        "name_after_figure": _by_length(ctx["name_after_figure"]),
        "name_after_bare_figure": _by_length(ctx["name_after_bare_figure"]),
        "one_kuai_money": ctx["one_kuai_money"],
        "both_sides": (ctx["both_sides"]["numeral"], ctx["both_sides"]["unit"]),
        "score_joiners": _by_length(ctx["sports_score"]["joiners"]),
        "score_after": _by_length(ctx["sports_score"]["after"]),
        "score_before": _by_length(ctx["sports_score"]["before"]),
        "season_after": _by_length(ctx["sports_score"]["season_after"]),
        "digit_count": (ctx["digit_count"]["unit"], ctx["digit_count"]["next"]),
        "digit_count_word_starts": _by_length(ctx["digit_count"]["word_starts"]),
        "family_yi": (ctx["family_yi"]["numeral"], ctx["family_yi"]["unit"]),
        "one_x_many_y": ctx["one_x_many_y"],
        "rate_base_numerals": frozenset(ctx["rate_base"]["numerals"]),
        "rate_base_categories": frozenset(ctx["rate_base"]["categories"]),
        "rate_base_followers": _by_length(ctx["rate_base"]["followers"]),
        "rate_base_gap": int(ctx["rate_base"]["gap"]),
        "rate_base_follower_ends": tuple(ctx["rate_base"]["follower_ends"]),
        "rate_base_follower_reach": int(ctx["rate_base"]["follower_end_reach"]),
        "rate_base_money_marks": tuple(ctx["rate_base"]["money_marks"]),
        "congress_before": _by_length(ctx["congress_before"]),
        "ranking_not_before": frozenset(ctx["ranking_not_before"]),
        "ranking_after": tuple(ctx["ranking_after"]),
        "congress_after": _by_length(ctx["congress_after"]),
        "long_years_after": _by_length(ctx["long_duration_years"]["after"]),
        "long_years_before": _by_length(ctx["long_duration_years"]["before"]),
        "rhetorical_numerals": frozenset(ctx["rhetorical_years"]["numerals"]),
        "rhetorical_unit": ctx["rhetorical_years"]["unit"],
        "scale_unit": ctx["scale_degree"]["unit"],
        "scale_after": _by_length(ctx["scale_degree"]["after"]),
        "scale_before": tuple(ctx["scale_degree"]["before"]),
        "scale_window": int(ctx["scale_degree"]["window"]),
        "scale_intensity": tuple(ctx["scale_degree"]["intensity_suffixes"]),
        "indefinite_classifiers": frozenset(ctx["indefinite_yi"]["classifiers"]),
        "indefinite_quantity_before": tuple(ctx["indefinite_yi"]["quantity_before"]),
        "indefinite_window": int(ctx["indefinite_yi"]["window"]),
        "name_tags": frozenset(ctx["numeral_in_name"]["tags"]),
        "name_max_len": int(ctx["numeral_in_name"]["max_len"]),
        "name_after_unit": _by_length(ctx["numeral_in_name"]["after_unit"]),
        "name_after_numeral": _by_length(ctx["numeral_in_name"]["after_numeral"]),
        "name_place_chars": frozenset(ctx["numeral_in_name"]["place_chars"]),
        "brand_before_number": _by_length(ctx["brand_before_number"]["words"]),
        "session_term_words": _by_length(ctx["session_ordinal"]["届"]),
        "session_plenary_words": _by_length(ctx["session_ordinal"]["次"]),
        "session_after_term_words": _by_length(ctx["session_ordinal"]["次_after_term"]),
        "session_term_unit": ctx["session_ordinal"]["term_unit"],
        "session_term_window": ctx["session_ordinal"]["term_window"],
        "aspect_guo_before": tuple(ctx["aspect_guo"]["before"]),
        "aspect_guo_window": ctx["aspect_guo"]["window"],
        "aspect_guo_comparative": frozenset(ctx["aspect_guo"]["comparative_before"]),
        "article_role_units": frozenset(ctx["article_role"]["units"]),
        "article_role_nouns": _by_length(ctx["article_role"]["roles"]),
        "article_role_quantity": tuple(ctx["article_role"]["quantity_before"]),
        "article_role_window": ctx["article_role"]["window"],
        "couple_words": frozenset(ctx["couple_numerals"]["words"]),
        "couple_followers": _by_length(ctx["couple_numerals"]["followers"]),
        "programme_suffixes": _by_length(ctx["programme_suffixes"]),
        "money_nouns_before": _by_length(ctx["money_nouns_before"] + ctx["money_verbs_before"]),
        "money_nouns_after": tuple(ctx["money_nouns_after"]),
        "money_copulas": frozenset(ctx["money_copulas"]),
        "money_copula_window": int(ctx["money_copula_window"]),
        "money_nouns_after_window": int(ctx["money_nouns_after_window"]),
        "payer_verbs": _by_length(ctx["counted_payer_verbs"]),
        "numeral_nouns": _by_length(ctx["numeral_nouns"]["nouns"]),
        "document_title_endings": _by_length(ctx["document_title_endings"]),
        "article_yi_units": frozenset(ctx["indefinite_yi"]["classifiers"]),
        "article_yi_not_after": _by_length(ctx["article_yi"]["not_after"]),
        "article_yi_before": _by_length(ctx["article_yi"]["before"]),
        "article_yi_after": _by_length(ctx["article_yi"]["after"]),
    }


def _numeral_idioms(phrases: list[str]) -> dict[str, tuple[str, ...]]:
    """Set phrases of three numeral characters or more (千千万万, 十四五), by first character,
    longest first: the main loop skips them whole."""
    by_char: dict[str, list[str]] = {}
    for phrase in sorted(phrases, key=lambda p: (-len(p), p)):
        if len(phrase) >= 3 and all(is_numeral_start(ch) for ch in phrase):
            by_char.setdefault(phrase[0], []).append(phrase)
    return {ch: tuple(group) for ch, group in by_char.items()}


def _is_glued_year(text: str, q: _Quantity) -> bool:
    """2018台中世界花卉博览会: a year written straight before a place name, not 2018 machines."""
    num = q.numeral
    if not (num.arabic and num.digit_sequence and num.n_digits == 4 and not num.has_decimal):
        return False
    if not 1900 <= num.value <= 2100 or q.approx is not None:
        return False
    return _startswith_any(text, num.end, _news_vocab()["year_glued"]) is not None


def _is_era_year(text: str, q: _Quantity) -> bool:
    """民国65年: a year of an era, not a duration of 65 years."""
    return (
        q.unit in (None, "年")
        and _endswith_any(text, q.numeral.start, _news_vocab()["era_prefixes"]) is not None
    )


def _maybe_roc_year(text: str, q: _Quantity) -> bool:
    """98年 written as a year of the Republic of China era (in a Taiwan article, see region):
    two digits, no approximation, not followed by a duration word (98年来, 98年间)."""
    num = q.numeral
    if num.value_max is not None or num.has_decimal or not (num.digit_sequence and num.n_digits == 2):
        return False
    return _startswith_any(text, q.end, _news_vocab()["duration_after_year"]) is None


def _is_service_number(text: str, q: _Quantity) -> bool:
    """120急救车, 拨打110报警, 12345热线: an emergency or service number, not a count."""
    news = _news_vocab()
    num = q.numeral
    if q.unit is not None or text[num.start : num.end] not in news["service_numbers"]:
        return False
    if _startswith_any(text, _skip_spaces(text, q.end, 1), news["service_after"]) is not None:
        return True
    return _endswith_any(text, num.start, news["service_before"]) is not None


def _tenths_digit(text: str, q: _Quantity) -> None:
    """7成5 (Taiwan style for 75%): the digit after N成 adds percents."""
    if q.unit_category != "tenths" or q.value_max is not None or q.end >= len(text):
        return
    nxt = scan_numeral(text, q.end)
    if nxt is None or nxt.end - nxt.start != 1 or not 1 <= nxt.value <= 9:
        return
    after = text[nxt.end : nxt.end + 1]
    if after and (is_numeral_start(after) or after in ".%％成点"):
        return
    if _lookup_unit(text, nxt.end) is not None:
        return  # 7成5人: a count follows
    q.value += nxt.value
    q.end = nxt.end


def _lexicon_tags(words: set[str]) -> dict[str, str | None] | None:
    """POS tags from jieba's dictionary (newsctl.segment.lexicon: an SQLite table in the user
    cache, memoised), or None when the dictionary is not available."""
    if not words:
        return {}
    try:
        from newsctl.segment import lexicon

        found = lexicon().lookup(words)
    except (ImportError, OSError, RuntimeError):
        return None
    return {w: tag for w, (tag, _idf) in found.items()}


#: how many words the dictionary memos keep (bounded memory)
_TAG_MEMO_LIMIT = 200_000


# ---------------------------------------------------------------------------
# main entry


def _merge_bounds(text: str, figures: list[_Quantity]) -> list[_Quantity]:
    """大于100并且小于300, 1000以上，1500以下 -> one range."""
    vocab = _vocab()
    out: list[_Quantity] = []
    for q in figures:
        if out and out[-1].approx in vocab.lower_bound:
            prev = out[-1]
            gap = text[prev.end : q.start]
            if (
                q.approx in vocab.upper_bound
                and prev.value_max is None
                and q.value_max is None
                and len(gap) <= 6
                and prev.value < q.value
                and (prev.kind == q.kind or prev.unit is None or q.unit is None)
            ):
                rest = gap
                while rest:
                    w = _startswith_any(rest, 0, vocab.bound_joiners)
                    if w is None:
                        break
                    rest = rest[len(w) :]
                if not rest:
                    out[-1] = _Quantity(
                        start=prev.start,
                        end=q.end,
                        value=prev.value,
                        value_max=q.value,
                        approx=None,
                        unit=q.unit or prev.unit,
                        currency=q.currency or prev.currency,
                        kind=q.kind if q.unit else prev.kind,
                        numeral=prev.numeral,
                        unit_category=q.unit_category or prev.unit_category,
                        notes={"range"},
                    )
                    continue
        out.append(q)
    return out


#: currencies whose speakers call their own money 元: 港元 makes a later bare 元 HKD
_LOCAL_YUAN_UNITS = frozenset({"港元", "港币", "澳门元", "澳门币", "新台币", "台币"})


def _region_reader(text: str, region: Region | Callable[[], Region] | None) -> Callable[[], Region]:
    """The region as a function called at most once: detection reads the whole text."""
    known: list[Region] = [region] if isinstance(region, Region) else []

    def read() -> Region:
        if not known:
            known.append(region() if callable(region) else detect_region(text))
        return known[0]

    return read


#: sentence ends after an amount in a stated currency (港币7100万元) within which a bare 元 is
#: still in that currency (the sentence and the next two); further on, a bare 元 is the text's
#: own currency again
_STATED_CURRENCY_SENTENCES = 2


def _sentence_ends(text: str, start: int, end: int) -> int:
    return sum(text.count(ch, start, end) for ch in "。！？!?\n")


def _inherit_yuan_currency(text: str, found: list[_Quantity], region_of: Callable[[], Region]) -> None:
    """元 is the local currency of the text: in a Taiwan article a bare 元 is TWD (the region
    signal of newsctl.region, shared with the timeline), and after 新台币650万元 (or 港元) a
    later bare 80万元 is in the same currency, not CNY; after 人民币 it is CNY again."""
    if not any(q.kind == "money" for q in found):
        return  # detect_region reads the whole text: only worth it when there is money
    region_local: str | None = region_of().local_currency
    local = region_local
    stated_end = -1
    for q in found:
        if q.kind != "money":
            continue
        stated = text[q.start : q.end]
        if stated_end >= 0 and _sentence_ends(text, stated_end, q.start) > _STATED_CURRENCY_SENTENCES:
            local, stated_end = region_local, -1  # far from the stated amount: the text's own again
        if q.currency not in (None, "CNY") and (q.unit in ("元", "块", "圆") or q.unit in _LOCAL_YUAN_UNITS):
            if q.currency != region_local:
                local, stated_end = q.currency, q.end
        elif "人民币" in stated:
            local, stated_end = None, q.end
        elif q.currency == "CNY" and q.unit in ("元", "块", None) and local is not None:
            q.currency = local
            if stated_end >= 0:
                stated_end = q.end  # 港币500元…300元…200元: each bare amount carries it on


#: before a bare 万/亿, these make it a round number: 上万人, 近万名, 逾亿元
_ROUND_APPROX_CHARS = frozenset("上近逾超过约")
#: capital numerals that also end ordinary words (大陆, 队伍, 放肆)
_WORD_FINANCIAL_DIGITS = frozenset("陆陸伍肆")
_ORDINARY_DIGITS = frozenset("一二三四五六七八九十百千两兩")


def _mixes_financial_digits(text: str, num: Numeral) -> bool:
    """陆十 in 落后大陆十年: a capital numeral that ends the word before it, glued to an
    ordinary numeral, is that word's last character (壹百, 拾六万 stay numbers)."""
    return (
        num.start > 0
        and _is_han(text[num.start - 1])
        and any(ch in _ORDINARY_DIGITS for ch in text[num.start + 1 : num.end])
    )


def _opens_a_story(text: str, q: _Quantity) -> bool:
    """一天，杨某说…; 有一天晚上: "one day" that opens a scene in a story, not a count of days."""
    num = q.numeral
    if text[num.start : num.end] != "一" or q.approx is not None:
        return False
    start = num.start
    word = _endswith_any(text, start, _news_vocab()["narrative_day_before"])
    if word is not None:
        start -= len(word)
    before = text[start - 1 : start]
    return (not before or before in _SENTENCE_END or before in "“「\n ") and text[q.end : q.end + 1] in "，,"


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """第一，… 第二、… 第三是…: an ordinal that opens a clause (after a sentence's end, a colon,
    a quote or a comma) and is followed by a comma, 、 or 是 numbers the points of a list
    (排名第一、 stays a rank; 第二、第三名 is a list of ranks)."""
    after = text[end : end + 1]
    if after == "、":
        if is_numeral_start(text[end + 1 : end + 2] or "x") or text[end + 1 : end + 2] == "第":
            return False
    elif after not in ("，", ",", "：", ":", "是") and text[end : end + 2] != "则是":
        return False
    before = text[start - 1 : start]
    return (
        not before
        or before in _SENTENCE_END
        or before in "“「”」 \u3000，,：:"
        or _endswith_any(text, start, _news_vocab()["list_openers"]) is not None
    )


def _is_plus_name(text: str, q: _Quantity) -> bool:
    """里约+20峰会, 里约＋４０: a number joined by a plus sign to a name is part of the name; so is
    the unround prefix in 12583+副号 (a round 300+人 is "more than", read in _quantity)."""
    before, after = text[q.start - 2 : q.start], text[q.end : q.end + 2]
    return (
        (len(before) == 2 and before[1] in "+＋" and _is_han(before[0]))
        or (
            len(after) == 2
            and after[0] in "+＋"
            and _is_han(after[1])
            and _is_han(text[q.start - 1 : q.start] or "a")
            and _lookup_unit(text, q.end + 1) is None
        )
        or (
            # 12583+副号: an unround number with no unit of its own, joined by a plus to a word
            q.unit is None
            and len(after) == 2
            and after[0] in "+＋"
            and _is_han(after[1])
            and q.numeral.arabic
            and q.value >= 10
            and q.value % 10 != 0
        )
    )


def _is_reference_mark(text: str, q: _Quantity) -> bool:
    """[1], ［2］: a footnote or reference number; （一）, (六): a list number or a weekday."""
    around = list((text[q.start - 1 : q.start], text[q.end : q.end + 1]))
    news = _news_vocab()
    return around in news["reference_brackets"] or around in news["list_marker_brackets"]


@cache
def _unit_less_names() -> dict[str, Any]:
    names: dict[str, Any] = load_json("figures_context.json")["unit_less_names"]
    return {
        "figure_refs": frozenset(names["figure_refs"]),
        "figure_ref_after": frozenset(names["figure_ref_after"]),
        "address_after": frozenset(names["address_after"]),
        "road_before": _by_length(names["road_before"]),
        "date_dots": frozenset(names["date_dots"]),
        "mask_chars": frozenset(names["mask_chars"]),
    }


def _is_unit_less_name(text: str, q: _Quantity) -> bool:
    """A bare number that names or places a thing: (图4), 西昌街9巷, 国道219, “3·11”, “十四冬”,
    20**年 (digits masked)."""
    names = _unit_less_names()
    num = q.numeral
    before, after = text[num.start - 1 : num.start], text[q.end : q.end + 1]
    if before in names["figure_refs"] and after in names["figure_ref_after"]:
        return True
    if after in names["address_after"] or _endswith_any(text, num.start, names["road_before"]):
        return True
    masks, next_after = names["mask_chars"], text[q.end + 1 : q.end + 2]
    if after in masks and (next_after in masks or _is_digit(next_after or "x")):
        return True  # 20**年, 18****, 2*6号: a number with hidden digits
    if num.arabic and not num.has_decimal and (before in names["date_dots"] or after in names["date_dots"]):
        month: Decimal | int | None
        day: Decimal | int | None
        if after in names["date_dots"]:
            month, day = num.value, _digits_at(text, q.end + 1)
        else:
            month, day = _digits_before(text, num.start - 1), num.value
        if month is not None and day is not None and 1 <= month <= 12 and 1 <= day <= 31:
            return True
    vocab = _vocab()
    return (
        num.chinese
        and not num.arabic
        and before in vocab.quote_open
        and _is_han(after or "a")
        and text[q.end + 1 : q.end + 2] in vocab.quote_close
    )


def _digits_at(text: str, i: int) -> int | None:
    k = i
    while k < len(text) and k - i < 3 and text[k] in _DIGITS:
        k += 1
    return int(text[i:k].translate(_WIDTH_DIGITS)) if k > i else None


def _digits_before(text: str, i: int) -> int | None:
    k = i
    while k > 0 and i - k < 3 and text[k - 1] in _DIGITS:
        k -= 1
    return int(text[k:i].translate(_WIDTH_DIGITS)) if k < i else None


def _is_school_grade(text: str, q: _Quantity) -> bool:
    """小1, 国3: a school grade after 小/国/高, not a quantity."""
    num = q.numeral
    top = _news_vocab()["school_grade_prefixes"].get(text[num.start - 1 : num.start])
    return (
        top is not None
        and num.arabic
        and num.end - num.start == 1
        and 1 <= num.value <= top
        and not _is_digit(text[num.end : num.end + 1] or "x")
        and text[num.end : num.end + 1] not in (".", "．")
    )


def _is_photo_position(text: str, q: _Quantity) -> bool:
    """（右3）, （左起、前排右2）: a person's position in a photo caption, not a figure."""
    word = _endswith_any(text, q.numeral.start, _news_vocab()["photo_positions"])
    if word is None:
        return False
    before = text[q.numeral.start - len(word) - 1 : q.numeral.start - len(word)]
    return before in ("（", "(", "、", "，", ",") and text[q.end : q.end + 1] in ("）", ")", "、", "，", ",")


#: words that join the numbers of a list sharing the unit after the last one (15、7岁, 20和18岁)
_LIST_JOINERS = frozenset("、和与及")
#: units a list may share: ages, durations and physical measures (a list of counts, 2、3、4个,
#: stays one figure, and years, 2019、2020年, stay dates)
_SHARED_UNIT_CATEGORIES = frozenset(("age", "time", "measure"))


def _unit_of_list(text: str, q: _Quantity, mask: bytearray) -> _Quantity | None:
    """The figure that ends a list of bare numbers after `q` (15、7岁: 7岁), when its unit is
    one a list shares and no multiplier sits in it, else None."""
    if q.numeral.leading_unit or q.numeral.has_decimal and q.value != q.value.to_integral_value():
        return None
    if _endswith_any(text, q.start, _vocab().ordinal_prefix) is not None:
        return None  # 排名第一、30岁: a rank, then an age
    j = q.end
    for _ in range(4):
        if text[j : j + 1] not in _LIST_JOINERS:
            return None
        nxt = scan_numeral(text, j + 1)
        if nxt is None or nxt.overflow or nxt.form != "number" or nxt.approx is not None:
            return None
        if not any(_is_digit(c) for c in text[nxt.start : nxt.end]) and not nxt.digit_sequence:
            return None  # 十五万: a Chinese number with a multiplier is not a bare list item
        following = _quantity(text, nxt, mask)
        if following.unit is not None:
            if following.unit_category not in _SHARED_UNIT_CATEGORIES or following.value != nxt.value:
                return None
            return following
        j = following.end
    return None


def _in_work_title(text: str, q: _Quantity) -> bool:
    """《飞驰人生3》, 《长安三万里》: a number inside the title of a work is part of its name. A
    document's title states real counts (《…的十条措施》, 《…两项通用规范》): a figure with a
    unit in a title that ends with a document word stays."""
    opened = text.rfind("《", max(0, q.start - 40), q.start)
    if opened < 0 or text.find("》", opened, q.start) >= 0 or text.find("\n", opened, q.start) >= 0:
        return False
    closed = text.find("》", q.end, q.end + 40)
    if closed < 0 or text.find("\n", q.end, closed) >= 0 or text.find("《", q.end, closed) >= 0:
        return False
    return q.unit is None or _endswith_any(text, closed, _news_vocab()["document_title_endings"]) is None


def _is_list_number(text: str, q: _Quantity) -> bool:
    """1人民日报…, 10 facebook：…: a bare integer that opens a line (or follows the end of a
    sentence) right before the words of an item, with no measure word, numbers a list."""
    num = q.numeral
    if q.unit is not None or not num.digit_sequence or num.chinese or num.n_digits > 2 or num.has_decimal:
        return False
    before = text[q.start - 1 : q.start]
    if before and before not in "\n。！？!?":
        return False
    j = _skip_spaces(text, q.end, 2)
    nxt = text[j : j + 1]
    if not (nxt and (_is_han(nxt) or nxt.isascii() and nxt.isalpha())):
        return False
    # 22县市中 after a full stop counts counties: a list number has a neighbour (1…, 2…, 3…)
    value = int(q.value)
    return any(
        re.search(rf"(?:^|[\n。！？!?])\s?{neighbour}\s?[^\W\d]", text) is not None
        for neighbour in (value - 1, value + 1)
        if neighbour >= 0
    )


def _is_session_ordinal(text: str, q: _Quantity) -> bool:
    """N届 before an organ (十九届市委) and N次 before a plenary session (二次全会), or
    before 会议/代表大会 after a term number in the same clause (十四届全国人大一次会议)."""
    news = _news_vocab()
    if q.unit == news["session_term_unit"]:
        if _startswith_any(text, q.end, news["session_term_words"]) is not None:
            return True
        # 二十届四中全会, 十四届三次会议: the term, then the number of a session in it
        k = q.end
        while k < len(text) and k - q.end < 3 and is_numeral_start(text[k]):
            k += 1
        after_numeral = _names_vocab()["session_after_term_numeral"]
        return k > q.end and _startswith_any(text, k, after_numeral) is not None
    if q.unit != "次":
        return False
    if _startswith_any(text, q.end, news["session_plenary_words"]) is not None:
        return True
    if _startswith_any(text, q.end, news["session_after_term_words"]) is None:
        return False
    before = _same_clause_before(text, q.start, news["session_term_window"])
    return news["session_term_unit"] in before


def _is_role_article(text: str, q: _Quantity) -> bool:
    """一位网友, 一名司机: 一 + 位/名/个 + a person's role, with no word before that
    gives it a quantity sense (只有一名, 仅一位, 另一名, 又一个, 第一位)."""
    news = _news_vocab()
    num = q.numeral
    if q.unit not in news["article_role_units"] or text[num.start : num.end] != "一" or q.start != num.start:
        return False
    if _startswith_any(text, q.end, news["article_role_nouns"]) is None:
        return False
    before = _same_clause_before(text, num.start, news["article_role_window"])
    return not any(word in before for word in news["article_role_quantity"])


#: a text this short is a phrase on its own (一块蛋糕), with no sentence to read an article in
_PHRASE_MAX = 12


_SENTENCE_ENDS = re.compile("[" + _SENTENCE_END + "]")
_COMMAS = re.compile("[，,]")


def _is_indefinite_yi(text: str, q: _Quantity) -> bool:
    """一个出口, 一辆货车, 一顿饭: 一 + a classifier is the indefinite article, not a count of
    one, unless a word before it in the clause gives it a quantity sense (只有一个, 另一位,
    第一家) or the sentence counts the same classifier with another number (一个…两个)."""
    news = _news_vocab()
    num = q.numeral
    unit = q.unit
    if unit is None or unit not in news["indefinite_classifiers"]:
        return False
    if q.start != num.start or q.approx is not None:
        return False
    if text[num.start : num.end] != "一" or q.end != num.end + len(unit):
        return False
    if len(text) <= _PHRASE_MAX:
        return False  # 一块蛋糕 on its own: a quantity
    if is_numeral_start(text[q.end : q.end + 1]) and not _age_or_ratio_at(text, q.end):
        return False  # 一对八千 (a price for one pair): a quantity; not 一个4个月大的婴儿, 一个1:8的比例
    before = _same_clause_before(text, num.start, news["indefinite_window"])
    for word in _names_vocab()["indefinite_not_quantity"]:
        before = before.replace(word, "")  # 共同出席了一条: 共 of 共同 is no total
    if any(word in before for word in news["indefinite_quantity_before"]):
        return False
    if before.endswith("连"):
        return False  # 连一个医师都没有: not even one, a quantity
    more_at = before.rfind("多", len(before) - 2)
    if more_at >= 0 and before[more_at - 1 : more_at] not in ("差", "很", "许", "不"):
        return False  # 多一个, 多拿一个: one more (差不多可满足一位 is still an article)
    # the clause around and its neighbours: another number before the same classifier is a
    # contrast (一个…两个; 三块美国造，一块瑞士造); clauses further off count on their own
    # (共规划9个展区，每个…，像是…，形成了一个巧妙的弧度)
    head = _COMMAS.split(_SENTENCE_ENDS.split(text[max(0, num.start - 80) : num.start])[-1])[-2:]
    tail = _COMMAS.split(_SENTENCE_ENDS.split(text[q.end : q.end + 80], 1)[0], 2)[:2]
    sentence = "，".join(head) + text[num.start : q.end] + "，".join(tail)
    k = sentence.find(unit)
    while k >= 0:
        if k > 0 and is_numeral_start(sentence[k - 1]) and sentence[k - 1] != "一":
            other = _lookup_unit(sentence, k)
            if other is None or other[0] == unit:
                return False  # (not 一个4个月大的婴儿: 个月 is an age, not the same classifier)
        k = sentence.find(unit, k + 1)
    return True


def _age_or_ratio_at(text: str, i: int) -> bool:
    """Does the number at i describe the thing inside its noun phrase (an age or a duration:
    4个月大, 九十多岁; a ratio: 1:8; a measure: 100兆瓦, 5米长) rather than stand for a second
    quantity?"""
    j = i
    while j < len(text) and (is_numeral_start(text[j]) or text[j] in "多余几.．"):
        j += 1
    if text[j : j + 1] in (":", "："):
        return True
    hit = _lookup_unit(text, j)
    return hit is not None and hit[1] in ("age", "time", "measure")


def _after_aspect_opener(text: str, p0: int) -> bool:
    """曾 (曾经) shortly before 过 in the same clause: 过 is the past-experience particle."""
    news = _news_vocab()
    if text[p0 - 1 : p0] in news["aspect_guo_comparative"]:
        return False  # 曾高过45分: higher than, a comparison
    before = _same_clause_before(text, p0, news["aspect_guo_window"])
    return any(word in before for word in news["aspect_guo_before"])


def _is_part_of_name(text: str, q: _Quantity) -> bool:
    """Digits inside a name, a model or a title, not a quantity: 《飞驰人生3》, MAX 9, PM 2.5
    (a number after a Latin word), 羊城派4.0项目 (a version), 12年国教, 百日千万招聘行动 (a
    programme name), and list numbers (1人民日报…)."""
    num = q.numeral
    news = _news_vocab()
    if q.unit is None:
        if _is_list_number(text, q):
            return True
        k = num.start
        while k > 0 and text[k - 1] in _SPACES and num.start - k < 2:
            k -= 1
        if k < num.start and text[k - 1 : k].isascii() and text[k - 1 : k].isalpha():
            return True  # MAX 9, PM 2.5, iPhone 6
        if num.arabic and _endswith_any(text, k, news["brand_before_number"]) is not None:
            return True  # a brand or a model word, then digits: a model's name
        if _startswith_any(text, q.end, news["name_after_bare_figure"]) is not None:
            return True  # 台北101百货: the digits name the store
    if (
        num.has_decimal
        and text[num.end - 2 : num.end] in (".0", "．0")
        and _startswith_any(text, num.end, news["version_followers"]) is not None
    ):
        return True  # 4.0项目, 2.0版: a version number
    if _startswith_any(text, q.end, news["name_after_figure"]) is not None:
        return True  # 12年国教, 九年义务教育: the name of a school system
    if num.chinese and not num.arabic and (q.unit is None or q.unit_category == "time"):
        if _in_programme_name(text, q.end):
            return True
    return "《" in text and _in_work_title(text, q)


@cache
def _names_vocab() -> dict[str, Any]:
    """The rules of figures_context.json's numbers_in_names: numbers inside names, codes and
    technical specifications (see its comment)."""
    names: dict[str, Any] = load_json("figures_context.json")["numbers_in_names"]
    network = names["network_generation"]
    stock = names["stock_code"]
    return {
        "paired": frozenset(names["paired_numerals"]),
        "stock_digits": int(stock["digits"]),
        "stock_before": frozenset(stock["before"]),
        "stock_after": frozenset(stock["after"]),
        "spec_followers": _by_length(names["spec_followers"]),
        "version_before": _by_length(names["version_before"]),
        "network_units": frozenset(network["units"]),
        "network_max": int(network["max"]),
        "network_after": _by_length(network["after"]),
        "generation_unit": names["generation_unit"],
        "generation_stop": _by_length(names["generation_stop"]),
        "stage_unit": names["disease_stage"]["unit"],
        "stage_before": _by_length(names["disease_stage"]["before"] + names["disease_stage"]["phase_before"]),
        "stage_after": _by_length(names["disease_stage"]["phase_after"]),
        "stage_after_ends": frozenset(names["disease_stage"]["after_ends"]),
        "stage_after_reach": int(names["disease_stage"]["after_reach"]),
        "ratio_joiners": frozenset(names["ratio_joiners"]),
        "ratio_min": Decimal(names["ratio_min"]),
        "idiom_tags": frozenset(names["idiom_tags"]),
        "session_after_term_numeral": _by_length(names["session_after_term_numeral"]),
        "glued_code_digits": int(names["glued_code"]["digits"]),
        "glued_code_not_before": frozenset(names["glued_code"]["not_before"]),
        "indefinite_not_quantity": tuple(names["indefinite_not_quantity"]),
        "index_name_followers": _by_length(names["index_name_followers"]),
        "name_tags": frozenset(names["name_tags"]),
        "figure_tags": frozenset(names["figure_tags"]),
    }


def _paired_numeral_phrase(text: str, i: int) -> bool:
    """千人千面, 一院一策, 两党两国: the same numeral twice in four characters N X N Y, a set
    phrase (distributive or rhetorical), not two counts."""
    ch = text[i]
    if ch not in _names_vocab()["paired"] or text[i + 2 : i + 3] != ch or i + 3 >= len(text):
        return False
    x, y = text[i + 1], text[i + 3]
    if x == y or not (_is_han(x) and _is_han(y)) or is_numeral_start(x) or is_numeral_start(y):
        return False
    before = text[i - 1 : i]
    if before and (is_numeral_start(before) or before == "第"):
        return False
    second = _lookup_unit(text, i + 3)
    if second is not None and second[1] not in ("count", "time", "date"):
        after = text[i + 3 + len(second[0]) : i + 4 + len(second[0])]
        if after and (is_numeral_start(after) or after in "半多余"):
            return False  # 一名一米八, 一袋一斤半: the second figure goes on, no four-character phrase
    unit = _lookup_unit(text, i + 1)
    return unit is None or unit[1] not in ("time", "date")  # 近两年两人, 三年三个月: two figures


def _is_name_or_spec(text: str, q: _Quantity) -> bool:
    """A number that names or specifies a thing rather than counting or measuring it: a stock
    code (某公司(300123，…)), a specification (5.1音响, 技术2.0), a network generation (5g
    传输), the generation of a product or a plant (第6代引擎, 8.5代厂)."""
    names = _names_vocab()
    num = q.numeral
    if q.unit is None:
        if (
            num.digit_sequence
            and num.n_digits == names["stock_digits"]
            and not num.has_decimal
            and not num.has_separator
            and text[num.start - 1 : num.start] in names["stock_before"]
            and text[num.end : num.end + 1] in names["stock_after"]
        ):
            return True  # (300123，股吧), (600123): a stock code
        if (
            num.digit_sequence
            and num.n_digits >= names["glued_code_digits"]
            and not num.has_decimal
            and not num.has_separator
            and q.approx is None
            and _is_han(text[q.end : q.end + 1] or "a")
            and text[q.end] not in names["glued_code_not_before"]
        ):
            return True  # 12306网站, 12321艇: a long bare number glued to a word names it
        if (
            num.arabic
            and q.approx is None
            and num.start > 0
            and (_is_han(text[num.start - 1]) or _is_ascii_alnum(text[num.start - 1]))
            and _startswith_any(text, q.end, names["index_name_followers"]) is not None
        ):
            return True  # 标普500指数, 台湾50成分股: the number names a stock index or a fund
        vocab = _vocab()
        if (
            q.approx is None
            and num.form == "number"
            and (num.arabic or num.end - num.start > 1)  # a quoted lone “一” stays (_lone_numeral_is_figure)
            and text[num.start - 1 : num.start] in vocab.quote_open
            and text[q.end : q.end + 1] in vocab.quote_close
        ):
            return True  # 编号“105”, 「98」字样: a number alone in quotes, without a unit, is a name
        if num.has_decimal and num.arabic and num.end - num.start == 3:
            if _startswith_any(text, num.end, names["spec_followers"]) is not None:
                return True  # 5.1音响, 7.1声道: the layout of a sound system
            if text[num.end - 1] == "0" and _endswith_any(text, num.start, names["version_before"]):
                return True  # 技术2.0, 工业4.0: a version
    elif q.unit in names["network_units"]:
        if (
            not num.has_decimal
            and num.value <= names["network_max"]
            and _startswith_any(text, q.end, names["network_after"]) is not None
        ):
            return True  # 5g急速传输: the fifth generation of mobile networks, not five grams
    elif q.unit == names["generation_unit"] and num.arabic:
        nxt = text[q.end : q.end + 1]
        if nxt and _is_han(nxt) and _startswith_any(text, q.end, names["generation_stop"]) is None:
            return True  # 第6代双画质引擎, 8.5代厂: the generation of a named thing
    return False


def _ratio_colon(text: str, q: _Quantity) -> _Quantity | None:
    """3000:1, 0.233:1, 1:8: a ratio written with a colon; one side is 1, the other large or
    with decimals (a score, 2:1, is no ratio)."""
    names = _names_vocab()
    k = q.end + 1
    if q.unit is not None or q.value_max is not None or q.numeral.form != "number" or k >= len(text):
        return None
    if not _is_digit(text[k]):
        return None
    second = scan_numeral(text, k)
    if second is None or second.overflow or second.form != "number" or second.value == 0:
        return None
    if second.end < len(text) and (_is_digit(text[second.end]) or text[second.end] in ":："):
        return None
    first = q.numeral
    if first.value == 1:
        other, decimal = second.value, second.has_decimal
    elif second.value == 1 and not second.has_decimal:
        other, decimal = first.value, first.has_decimal
    else:
        return None
    if not (decimal or other >= names["ratio_min"]):
        return None
    if not first.has_decimal and not second.has_decimal and first.value <= 24 and second.n_digits == 2:
        return None  # 10:01, a clock time
    return _Quantity(
        start=q.start,
        end=second.end,
        value=first.value / second.value,
        value_max=None,
        approx=q.approx,
        unit=None,
        currency=None,
        kind="ratio",
        numeral=first,
        unit_category="ratio",
        notes={"ratio"},
    )


def _idiom_windows(text: str, q: _Quantity) -> set[str]:
    """The words of three and four characters around a numeral character and its one-character
    unit (五花八门, 危机四伏, 长三角), and for a unit of measure the figure itself (六安, 四平: a
    place whose name reads as a measure), for _drop_idioms to look up."""
    start, end = q.start, q.end
    if q.unit is None or len(q.unit) != 1 or end != q.numeral.end + 1:
        return set()
    words = set()
    for size in (3, 4):
        for k in range(max(0, end - size), start + 1):
            word = text[k : k + size]
            if len(word) == size and all(_is_han(c) for c in word):
                words.add(word)
    if q.unit_category in ("measure", "currency", "minor"):
        words.add(text[start:end])
    return words


def _drop_idioms(found: list[_Quantity], pending: list[tuple[_Quantity, set[str]]]) -> list[_Quantity]:
    """The figures without those of `pending` inside an idiom or a name of the dictionary (tags
    numbers_in_names.idiom_tags for four characters: 五花八门, 危机四伏; name_tags for three:
    长三角) or that are a place name themselves (六安, 四平: figure_tags): a numeral character in
    a set phrase states no quantity."""
    names = _names_vocab()
    tags = _dictionary_tags(set().union(*(words for _, words in pending)))
    # the windows have four or three characters, the figure itself two
    by_length = {4: names["idiom_tags"], 3: names["name_tags"], 2: names["figure_tags"]}
    drop = set()
    for q, words in pending:
        if any(tags.get(word) in by_length[len(word)] for word in words):
            drop.add(id(q))
    return [q for q in found if id(q) not in drop] if drop else found


def _disease_stage(text: str, q: _Quantity) -> bool:
    """乳癌二期, 3期鼻咽癌, 三期扩建, 二期临床: a stage of a disease or a phase of a project or a
    trial (an ordinal), not a count of periods."""
    names = _names_vocab()
    if q.unit != names["stage_unit"]:
        return False
    if _endswith_any(text, q.start, names["stage_before"]) is not None:
        return True
    if _startswith_any(text, q.end, names["stage_after"]) is not None:
        return True
    k = q.end
    while k < len(text) and k - q.end < names["stage_after_reach"] and _is_han(text[k]):
        if text[k] in names["stage_after_ends"]:
            return True  # 3期鼻咽癌: the cancer ends the noun the stage is of
        k += 1
    return False


def _is_relative_time(text: str, q: _Quantity) -> bool:
    """两年前, 一个月后, 过去20年来, 近5年: a duration that names a date (the timeline's)."""
    rel = _news_vocab()["relative_time"]
    if q.value_max is not None:
        return False  # 工作10年至20年后: an amount of time, not a date
    after = _startswith_any(text, q.end, rel["after"])
    if after is not None:
        # (超过两小时以后: a condition on an amount of time, not a date)
        prefix = _endswith_any(text, q.start, _vocab().approx_prefix_words)
        bound = prefix is not None and _vocab().approx_prefix_of.get(prefix) in ("more_than", "at_least")
        return not (bound and after in rel["condition_after"])
    num = q.numeral
    if (
        q.start == num.start
        and q.start >= 1
        and text[q.start - 1] in rel["adjacent_before"]
        and text[num.start : num.end] in rel["adjacent_numerals"]
        and q.unit in rel["calendar_units"]
        and text[q.start - 2 : q.start - 1] not in rel["adjacent_not_after"]
    ):
        return True  # 比前一天好, 案发的前一天: the day before (提前一天 shifts by a day)
    before = _endswith_any(text, q.start, rel["before"])
    if before is None or q.unit not in rel["calendar_units"]:
        return False  # 被困将近一个小时, 反映后24小时内: an amount of time
    if _endswith_any(text, q.start - len(before), rel["not_before"]) is not None:
        return False
    nxt = text[q.end : q.end + 1]
    if _startswith_any(text, q.end, rel["after_with_before"]) is not None:
        return True
    if nxt and _is_han(nxt):
        return False
    return not _lasted_nearly(text, q.start - len(before), before)


def _lasted_nearly(text: str, at: int, before: str) -> bool:
    """历时近两年，走了近60年。: 近 after a verb of lasting or a verb's 了 closes the clause with
    how long it lasted, not a date."""
    if _vocab().approx_prefix_of.get(before) != "nearly":
        return False  # 最近, 过去 name a date whatever comes before them
    news = _news_vocab()
    return (
        _endswith_any(text, at, news["duration_verbs_before_near"]) is not None
        or _endswith_any(text, at, news["aspect_before_near"]) is not None
    )


def _in_programme_name(text: str, end: int) -> bool:
    """百日行动, 三年行动计划, 百日千万专项招聘行动, “百日专项整治”行动: a numeral that a
    programme's name (行动, 工程, 计划…) follows directly, through a second numeral of the name
    or through the closing quote of the name."""
    suffixes = _news_vocab()["programme_suffixes"]
    if _startswith_any(text, end, suffixes) is not None:
        return True
    if is_numeral_start(text[end : end + 1]):  # 百日千万…行动: a name made of two numbers
        j = end + 1
        while j < len(text) and j - end < 10 and _is_han(text[j]) and text[j] not in "的了是在和与为":
            if _startswith_any(text, j, suffixes) is not None:
                return True
            j += 1
        return False
    closed = text.find("”", end, end + 10)
    return (
        closed > 0
        and _startswith_any(text, closed + 1, suffixes) is not None
        and "“" not in text[end:closed]
        and all(_is_han(c) for c in text[end:closed])
    )


#: word -> its tag in jieba's dictionary, for the words _in_place_name looked up so far
_name_tag_memo: dict[str, str | None] = {}


def _in_place_name(text: str, q: _Quantity) -> bool | set[str]:
    """千岁市, 二里岗派出所, 二十国集团, 三里屯: numeral characters inside a place or an
    organisation's name (a place suffix after the numeral and its unit, an organisation suffix
    after a bare numeral, or a dictionary name that runs past the figure), not a quantity.

    True or False when the words around decide; else the words whose dictionary tags decide
    (looked up once per text, see _drop_place_names)."""
    num = q.numeral
    news = _news_vocab()
    if q.unit is None:
        return _startswith_any(text, q.end, news["name_after_numeral"]) is not None
    if q.unit_category not in ("age", "measure", "time", "count") or q.end != num.end + len(q.unit):
        return False
    if q.unit_category != "count" and _startswith_any(text, q.end, news["name_after_unit"]) is not None:
        return True
    if num.end - num.start != 1 or text[q.end : q.end + 1] not in news["name_place_chars"]:
        return False  # (the names are 三里屯, 七台河: one numeral character, its unit, a place word)
    last = min(len(text), num.start + news["name_max_len"])
    words = set()
    for k in range(q.end + 1, last + 1):
        if not _is_han(text[k - 1]):
            break
        words.add(text[num.start : k])
    return words


def _drop_place_names(found: list[_Quantity], pending: list[tuple[_Quantity, set[str]]]) -> list[_Quantity]:
    """The figures without those of `pending` that a dictionary name covers (三里屯, 七台河)."""
    tags = _dictionary_tags(set().union(*(words for _, words in pending)))
    name_tags = _news_vocab()["name_tags"]
    names = {id(q) for q, words in pending if any(tags.get(w) in name_tags for w in words)}
    return [q for q in found if id(q) not in names] if names else found


def _in_quoted_name(text: str, q: _Quantity) -> bool:
    """“黄金50年”, “最美100天”: a short phrase in quotes that a word opens before the number
    is a slogan or a name; a quoted number alone (“3天”) or a quotation stays."""
    opened = text[max(0, q.start - 6) : q.start].rfind("“")
    if opened < 0:
        return False
    head = text[max(0, q.start - 6) + opened + 1 : q.start]
    return bool(head) and all(_is_han(c) for c in head) and text[q.end : q.end + 1] == "”"


def _dictionary_tags(words: set[str]) -> dict[str, str | None]:
    """The dictionary tags of `words` (None: not in the dictionary, or no dictionary), memoised."""
    missing = {w for w in words if w not in _name_tag_memo}
    if missing:
        tags = _lexicon_tags(missing)
        if tags is None:
            return {}
        if len(_name_tag_memo) > _TAG_MEMO_LIMIT:
            _name_tag_memo.clear()
        _name_tag_memo.update({w: tags.get(w) for w in missing})
    return {w: _name_tag_memo.get(w) for w in words}


def _one_x_many_y(text: str, q: _Quantity, num: Numeral, phrase: dict[str, Any]) -> bool:
    """一户多宅: 一, a measure word of one character, 多, then a character that starts no unit."""
    after = q.end + 1
    return (
        q.unit is not None
        and len(q.unit) == 1
        and q.unit not in phrase["not_units"]
        and q.start == num.start
        and q.approx is None
        and text[num.start : num.end] == phrase["numeral"]
        and text[q.end : after] == phrase["joiner"]
        and after < len(text)
        and _is_han(text[after])
        and not is_numeral_start(text[after])
        and _lookup_unit(text, after) is None
        and not is_numeral_start(text[num.start - 1 : num.start] or "x")
    )


def _scale_label_after_count(text: str, q: _Quantity, num: Numeral) -> bool:
    """百亿级 right after a count's 个 (两个百亿级产业): multipliers alone, describing the noun."""
    tables = numeral_tables()
    return (
        q.start == num.start
        and text[q.start - 1 : q.start] in tables.ge_before_big
        and all(ch in tables.big_units or ch in tables.small_units for ch in text[num.start : num.end])
    )


def _leading_point_is_decimal(text: str, i: int) -> bool:
    """.5 with no digit before the point: news writes 0.5, so a point that follows another point
    (an ellipsis: ....2014年), a bullet or a line's start, or that comes before a year, is no
    decimal point."""
    if i > 0 and text[i - 1] in ".．…。·•◎●■□◆◇▲△★☆\n \u3000":
        return False
    k = i + 1
    while k < len(text) and text[k] in _DIGITS:
        k += 1
    return not (k - i - 1 == 4 and text[k : k + 1] == "年")


def _more_after_multiplier(text: str, j: int) -> bool:
    """多/余 at j right after 万/亿 that follow a digit (月入1万多撑家, 1.5万余干部群众): "more
    than", unless 多/余 makes a word with the next character (三万多少, 1万余额) and no word of
    the dictionary starts right after it (余干 is a county, but 干部 follows)."""
    if text[j - 1 : j] not in ("万", "亿") or not is_numeral_start(text[j - 2 : j - 1] or "x"):
        return False
    pair = text[j : j + 2]
    nexts = {w for w in (text[j + 1 : j + 3], text[j + 1 : j + 4]) if len(w) > 1}
    tags = _dictionary_tags({pair} | nexts)
    return tags.get(pair) is None or any(tags.get(w) is not None for w in nexts)


def _round_digits_before_more(num: Numeral) -> bool:
    """60多班, 150多国: 多 after a round number in two or three digits is "more than" whatever
    follows (多国 is a word, but not after 150); a year (2020多地) has four digits."""
    return (
        num.arabic
        and num.digit_sequence
        and 2 <= num.n_digits <= 3
        and not num.has_decimal
        and num.value % 10 == 0
    )


def _more_before_new_word(text: str, j: int) -> bool:
    """多 at j before a Han character: it is "more than" when a word of the dictionary (two
    characters or more) starts right after it and 多 makes no word with that character
    (3亿多农村人口, 历时一年多创造); 多次 is a word, and 3岁多病 stays as it was (病 alone)."""
    pair = text[j : j + 2]
    unit = _lookup_unit(text, j + 1)
    nexts = {w for w in (text[j + 1 : j + 3], text[j + 1 : j + 4]) if len(w) > 1} if unit is None else set()
    tags = _dictionary_tags({pair} | nexts)
    if not (pair in tags and tags[pair] is None):
        return False
    return unit is not None or any(tags.get(w) is not None for w in nexts)


def _verb_before_guo(text: str, p0: int, q: _Quantity) -> bool:
    """发生过一次, 考过三级: 过 right after a verb is the aspect particle (has done), not 超过;
    a round number, a share or an amount keeps the comparison (过百条, 育秧过三成, 收入过五千)."""
    if q.numeral.leading_unit or q.kind != "count" or q.unit is None:
        return False
    words = {text[max(0, p0 - 2) : p0], text[p0 - 1 : p0]}
    words = {w for w in words if w and all(_is_han(c) for c in w)}
    if not words:
        return False
    tags = _dictionary_tags(words)
    two = text[max(0, p0 - 2) : p0]
    tag = tags.get(two) if tags.get(two) is not None else tags.get(text[p0 - 1 : p0])
    return tag == "v"


def _digit_before(text: str, i: int) -> bool:
    return i > 0 and (_is_digit(text[i - 1]) or text[i - 1] in ".．")


def _skip_back_fillers(text: str, i: int) -> int:
    """i moved back over up to two linking characters (为达了是约近超逾共估, 才/仅/只有: 月薪才22K):
    where a word before a number ends."""
    k = i
    while k > 0 and text[k - 1] in "为达了是约近超逾共估才仅只有" and i - k < 2:
        k -= 1
    return k


def _bare_big_bound(text: str, i: int) -> bool:
    """万人以上, 万余人, 万张以上: a bare 万/亿 before a count or money unit and a bound
    (以上, 余) is ten thousand (a hundred million), a bound as 上万人 is."""
    bounds = _news_vocab()["bare_big_bounds"]
    j = i + 1
    if text[j : j + 1] in bounds.first_chars and _startswith_any(text, j, bounds) is not None:
        j += len(_startswith_any(text, j, bounds) or "")
        unit = _lookup_unit(text, j)
        return unit is not None and unit[1] in ("count", "currency")
    unit = _lookup_unit(text, j)
    if unit is None or unit[1] not in ("count", "currency"):
        return False
    return _startswith_any(text, j + len(unit[0]), bounds) is not None


def _is_bare_money(text: str, q: _Quantity) -> bool:
    """营收2.8亿, 票房超过10亿, 月赚3千: a number with 万/亿/千 and no unit after a word for an
    amount of money or a verb of earning or spending is money (in the article's currency); so
    is one before 的 and a money noun (十八万的彩礼钱)."""
    num = q.numeral
    if not any(c in _BIG_UNIT_CHARS or c in "Kk千仟" for c in text[num.start : num.end]):
        return False  # (月薪8K: K is thousands)
    news = _news_vocab()
    if _endswith_any(text, _skip_back_fillers(text, q.start), news["money_nouns_before"]) is not None:
        return True
    # 报名费是一科一万五, 学费为每年3万: the money noun, 是/为, then a short measure of what is paid for
    for k in range(q.start - 1, max(0, q.start - 1 - news["money_copula_window"]), -1):
        if text[k] in _CLAUSE_PUNCT:
            break
        if text[k] in news["money_copulas"]:
            return _endswith_any(text, k, news["money_nouns_before"]) is not None
    if text[q.end : q.end + 1] != "的":
        return False
    phrase = text[q.end + 1 : q.end + 1 + news["money_nouns_after_window"]]
    for k, ch in enumerate(phrase):
        if not _is_han(ch):
            phrase = phrase[:k]
            break
    return any(word in phrase for word in news["money_nouns_after"])


#: function characters after a bare number that do not make it count a noun (超过101的天数)
_NOT_A_NOUN = frozenset("的了是和与至到及或为在就也都而")


def _counts_next_noun(text: str, q: _Quantity) -> bool:
    """Does a bare number stand before the noun it counts (4兄弟, 16区县), rather than for a value?"""
    j = _skip_spaces(text, q.end, 1)
    nxt = text[j : j + 1]
    if nxt in _vocab().quote_close and text[q.start - 1 : q.start] in _vocab().quote_open:
        return True  # “一”字: a numeral quoted as a word keeps its kind
    return bool(nxt) and _is_han(nxt) and nxt not in _NOT_A_NOUN


def _is_whole(text: str, q: _Quantity) -> bool:
    """Is the figure the whole input (a single expression such as 三百五十)?"""
    if q.start > 8 or len(text) - q.end > 8:
        return False  # cheap exit keeps find_figures linear on long texts
    head = text[: q.start].strip(" \u3000\t\r\n")
    tail = text[q.end :].strip(" \u3000\t\r\n。.,，!！?？")
    return not head and not tail


def _discount_word_at(text: str, i: int) -> _Quantity | None:
    vocab = _vocab()
    for word, spec in vocab.discount_words.items():
        if text.startswith(word, i):
            req = spec.get("requires_before")
            if req and _endswith_any(text, i, req) is None:
                return None
            value = Decimal(spec["value"])
            num = Numeral(start=i, end=i + len(word), value=value, chinese=True)
            return _Quantity(i, i + len(word), value, None, None, "%", None, "percent", num, "discount")
    return None


@cache
def _doubling_words() -> tuple[_Words, dict[str, Decimal]]:
    spec: dict[str, int] = load_json("figures_context.json")["doubling_words"]["words"]
    return _by_length(spec), {word: Decimal(times) for word, times in spec.items()}


@cache
def _doubling_not_after() -> frozenset[str]:
    return frozenset(load_json("figures_context.json")["doubling_words"]["not_after"])


def _doubling_word_at(text: str, i: int) -> _Quantity | None:
    """倍增, 翻一番, 翻两番 at i: a ratio of 2, 4, ... (the new level over the old)."""
    words, times = _doubling_words()
    word = _startswith_any(text, i, words)
    if word is None or text[i - 1 : i] in _doubling_not_after():
        return None  # (成倍增加: multiplied, no stated ratio)
    value = times[word]
    num = Numeral(start=i, end=i + len(word), value=value, chinese=True)
    return _Quantity(i, i + len(word), value, None, None, "倍", None, "ratio", num, "ratio")


@cache
def _half_duration_vocab() -> tuple[_Words, frozenset[str], frozenset[str]]:
    spec = load_json("figures_context.json")["half_duration"]
    return _by_length(spec["units"]), frozenset(spec["not_after"]), frozenset(spec["not_after_unit"])


def _half_duration_at(text: str, i: int) -> _Quantity | None:
    """半小时, 近半个月 at the 半 at i: half of a unit of time (上半年 and 一个半小时 are not)."""
    units, not_after, not_after_unit = _half_duration_vocab()
    if i > 0 and text[i - 1] in not_after:
        return None
    unit = _startswith_any(text, i + 1, units)
    if unit is None:
        return None
    end = i + 1 + len(unit)
    if text[end : end + 1] in not_after_unit and end < len(text):
        return None
    value = Decimal("0.5")
    num = Numeral(start=i, end=i + 1, value=value, chinese=True)
    vocab = _vocab()
    approx = None
    suffix = _startswith_any(text, end, vocab.approx_suffix_words)
    if suffix is not None:
        approx, end = vocab.approx_suffix_of[suffix], end + len(suffix)  # 半年以上
    elif text[end : end + 1] in vocab.more_suffix and _more_before_new_word(text, end):
        approx, end = "more_than", end + 1  # 半年多过去了
    elif text[end : end + 1] in vocab.more_suffix and not _is_han(text[end + 1 : end + 2] or "a"):
        approx, end = "more_than", end + 1
    return _Quantity(i, end, value, None, approx, unit, None, "measure", num, "time")


@cache
def _more_than_half_vocab() -> tuple[_Words, _Words, frozenset[str], Decimal]:
    spec = load_json("figures_context.json")["more_than_half"]
    return (
        _by_length(spec["before"]),
        _by_length(spec["after_included"]),
        frozenset(spec["after_ok"]),
        Decimal(spec["value"]),
    )


def _more_than_half_at(text: str, i: int) -> _Quantity | None:
    """过半, 超过半数 at the 半 at i: a share of more than 50 %."""
    before, after_included, after_ok, value = _more_than_half_vocab()
    word = _endswith_any(text, i, before)
    if word is None:
        return None
    end = i + 1
    included = _startswith_any(text, end, after_included)
    if included is not None:
        end += len(included)
    elif end < len(text) and _is_han(text[end]) and text[end] not in after_ok:
        return None  # 过半年, 过半决赛: 半 belongs to the next word
    start = i - len(word)
    approx = "more_than"
    negation = _endswith_any(text, start, _vocab().comparative_negations)
    if negation is not None:
        approx = _vocab().negated_comparative[approx]  # 未过半: at most half
        start -= len(negation)
    num = Numeral(start=i, end=end, value=value, chinese=True)
    return _Quantity(start, end, value, None, approx, "%", None, "percent", num, "share")


#: characters that may start a figure as a sign or a leading decimal point
_SIGN_CHARS = "-−－负負."


@cache
def _range_start_chars() -> frozenset[str]:
    """Characters that may follow a figure when _try_range finds a range: a space or the first
    character of a connector."""
    vocab = _vocab()
    consecutive: frozenset[str] = _news_vocab()["consecutive_connectors"].first_chars
    return (
        frozenset(_SPACES)
        | vocab.range_connectors.first_chars
        | vocab.between_connectors.first_chars
        | consecutive
    )


@cache
def _candidate_re() -> re.Pattern[str]:
    """Every character at which the main loop of find_figures can do anything: numeral
    characters, the first characters of set phrases and discount words (半/对), signs and '.'."""
    chars = set(numeral_tables().start_chars) | set(_vocab().phrases_by_char) | set("半对") | set(_SIGN_CHARS)
    chars |= _doubling_words()[0].first_chars
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


_new_figure_match = object.__new__
#: object.__setattr__(match, "__dict__", fields): a frozen FigureMatch gets its fields as one
#: dict built in place (a display of constant keys), not through keyword arguments
_set_fields = object.__setattr__


def find_figures(text: str, *, region: Region | Callable[[], Region] | None = None) -> list[FigureMatch]:
    """Every numeric fact in `text` (cleaned, Simplified), sorted by start offset.

    `region` is the article's region signal (newsctl.region.detect_region): a bare 元 in a
    Taiwan article is TWD. It may be a function giving the region, called only when a figure
    needs it (most articles have no bare 元 and no 70-99年). Without it, the region is
    detected from `text` alone."""
    region_of = _region_reader(text, region)
    if not text:
        return []
    text = join_spaced_decimals(text)  # ２　．２万亿元: one number (the same length)
    text = read_fullstop_decimals(text)  # 3。7亿元: the full stop is the decimal point (same length)
    vocab = _vocab()
    mask = _mask(text)
    n = len(text)
    found: list[_Quantity] = []
    # _phrase_skip finds nothing unless a set phrase has the pair of characters that ends or
    # starts at the position (or is that one character): tested inline, most positions fail
    skip_before, skip_after, skip_alone = _phrase_gates(1)
    skip_chars = _phrase_index()[1].keys()
    next_candidate = _candidate_re().search  # other characters start nothing: jump over them
    start_chars = numeral_tables().start_chars
    # the first characters of what _try_range and _try_ratio look for right after a figure
    range_chars, ratio_chars = _range_start_chars(), vocab.ratio_joiners.first_chars
    news = _news_vocab()
    ordinal_units = news["ordinal_units"]
    numeral_idioms = news["numeral_idioms"]
    one_x_many_y = news["one_x_many_y"]
    many_joiner = one_x_many_y["joiner"]  # tested inline: 多 right after a figure is rare
    ordinal_last_chars = vocab.ordinal_prefix.last_chars
    quote_open, quote_close = vocab.quote_open, vocab.quote_close
    masked_any = mask.find(1) >= 0
    place_name_words: list[tuple[_Quantity, set[str]]] = []
    idiom_words: list[tuple[_Quantity, set[str]]] = []
    quoted_any = "“" in text
    both_sides = news["both_sides"]
    paired_numerals = _names_vocab()["paired"]
    colon_joiners = _names_vocab()["ratio_joiners"]
    score_chars = news["score_joiners"].first_chars
    doubling_chars = _doubling_words()[0].first_chars
    i = 0
    while i < n:
        m = next_candidate(text, i)
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if masked_any and mask[i]:
            i += 1
            continue
        if ch in doubling_chars:
            dq = _doubling_word_at(text, i)
            if dq is not None:
                found.append(dq)
                i = dq.end
                continue
        if ch in "半对":
            dq = _discount_word_at(text, i) or _more_than_half_at(text, i)
            if dq is not None:
                found.append(dq)
                i = dq.end
                continue
            hq = _half_duration_at(text, i) if ch == "半" else None
            if hq is not None:
                i = hq.end
                if not _is_relative_time(text, hq):  # 半年前, 半小时后: a date, the timeline's
                    hq = _prefix(text, hq)
                    if hq.approx is None and text[hq.start - 1 : hq.start] == "近":
                        hq.start, hq.approx = hq.start - 1, "nearly"  # 近半个月: nearly half a month
                    found.append(hq)
                continue
        if ch in skip_chars and (
            text[i - 1 : i + 1] in skip_before or text[i : i + 2] in skip_after or ch in skip_alone
        ):
            skip_to = _phrase_skip(text, i)
            if skip_to:
                i = skip_to
                continue
        starts = ch in start_chars or (
            ch in _SIGN_CHARS
            and i + 1 < n
            and (text[i + 1] in start_chars or text[i + 1] in " .")
            and (ch != "." or _leading_point_is_decimal(text, i))
        )
        if not starts:
            i += 1
            continue
        # inside an ASCII word (A4, x2) or right after a digit run that was skipped
        if ch in _DIGITS and i > 0 and text[i - 1].isascii() and text[i - 1].isalpha():
            j = i
            while j < n and (_is_digit(text[j]) or text[j] in ".,"):
                j += 1
            i = max(j, i + 1)
            continue
        if masked_any and i > 0 and mask[i - 1] and _is_ascii_alnum(text[i - 1]):
            i += 1  # glued to a code or a date written in ASCII
            continue
        if (
            ch in _BIG_UNIT_CHARS
            and text[i - 1 : i] not in _ROUND_APPROX_CHARS
            and not _bare_big_bound(text, i)
            and not (text[i - 1 : i] == "破" and _round_bare_at_clause_end(text, i, i + 1))
            and text[i + 1 : i + 3] != "分之"  # 万分之三: a fraction of ten thousand
        ):
            i += 1  # a bare 万/亿 (万人空巷, 万元户) is not a number, but 上万人 and 近万名 are
            continue
        if ch in numeral_idioms:
            idiom = next((p for p in numeral_idioms[ch] if text.startswith(p, i)), None)
            if idiom is not None:
                i += len(idiom)  # 千千万万, 三三两两, 十四五
                continue
        if ch in paired_numerals and _paired_numeral_phrase(text, i):
            i += 4  # 千人千面, 一院一策: a set phrase, not two counts
            continue
        if text[i + 4 : i + 5] == "年" and _mixed_digit_year(text[i : i + 4]) and not _digit_before(text, i):
            i += 5  # 二０一二年: a year
            continue
        num = scan_numeral(text, i)
        if num is None or num.overflow:
            i = max(num.end, i + 1) if num is not None else i + 1
            continue
        if num.value == 0 and num.approx is not None:
            i = num.end  # 几分钟, 几条: a vague quantity without a magnitude is not a figure
            continue
        if ch in _WORD_FINANCIAL_DIGITS and num.end - num.start > 1 and _mixes_financial_digits(text, num):
            i += 1  # 大陆十年: 陆 is a word here; a figure does not mix 陆 with ordinary 十
            continue
        if num.leading_unit and num.end - num.start == 1:
            unit_name = _lookup_unit(text, i)
            if unit_name is not None and unit_name[1] == "measure" and len(unit_name[0]) > 1:
                i += len(unit_name[0])  # 千卡, 每千克, 千瓦时: the name of a unit, no amount
                continue
        q = _quantity(text, num, mask)
        if q.unit is not None and len(q.unit) == 1 and text[num.start : num.end] == "一":
            if text.startswith("一" + q.unit, q.end):
                i = q.end + 1 + len(q.unit)  # 一株一株, 一步一步: one by one, not a count
                continue
            if text.startswith(q.unit, q.end):
                i = q.end + len(q.unit)  # 一片片, 一个个: one after another
                continue
        if q.end < n and text[q.end] in score_chars and _is_score(text, q):
            q = _try_ratio(text, q, mask, news["score_joiners"])  # 1-3不敌: a score, not a range
            if q.kind != "ratio":
                i = q.end + 2
                continue  # 2-0: a score with nothing to divide, no figure
        if q.end < n and text[q.end] in range_chars:
            q = _try_range(text, q, mask)
        if q.end < n and text[q.end] in ratio_chars:
            q = _try_ratio(text, q, mask)
        elif q.end < n and text[q.end] in colon_joiners:
            q = _ratio_colon(text, q) or q  # 3000:1
        i = max(q.end, i + 1)
        num = q.numeral
        if q.unit is None and text[q.end : q.end + 1] in _LIST_JOINERS and num.form == "number":
            shared = _unit_of_list(text, q, mask)
            if shared is not None:  # 20和18岁, 15、7岁: each number has the unit written after the last
                q.unit, q.kind, q.unit_category = shared.unit, shared.kind, shared.unit_category
        if (
            q.unit is None
            and num.end - num.start == 1
            and num.chinese
            and not num.arabic
            and num.form == "number"
            and text[q.start - 1 : q.start] not in ordinal_last_chars
            and (q.start > 8 or n - q.end > 8)
            and not (
                text[num.start - 1 : num.start] in quote_open and text[num.end : num.end + 1] in quote_close
            )
            and _startswith_any(text, q.end, news["numeral_nouns"]) is None
            and not _compared_lone_numeral(text, num)
            and "between" not in q.notes
            and not (num.leading_unit and _round_bare_at_clause_end(text, num.start, num.end))  # 过千。
        ):
            # a lone 一/两/十 in prose, neither an ordinal nor the whole text nor quoted: every
            # path below ends at _lone_numeral_is_figure, which drops it (the cheap exit first)
            continue
        if masked_any and mask.find(1, q.start, num.end) >= 0:
            continue
        if q.unit_category == "reject":
            continue
        if num.form == "fraction" and (
            _is_month_day(text, q) or _startswith_any(text, q.end, vocab.code_followers) is not None
        ):
            continue  # 今天（6/29）, 至7/17: a month and a day; 第2/2019号: a document's number
        if "date_range" in q.notes or _is_date_or_time(text, q):
            continue
        # (each test behind the cheap condition that it starts with)
        if num.arabic and num.digit_sequence and num.n_digits == 4 and _is_glued_year(text, q):
            continue
        if q.unit in (None, "年") and _is_era_year(text, q):
            continue
        if q.unit == "年" and q.approx is None and 70 <= q.value <= 99 and _maybe_roc_year(text, q):
            if region_of().roc_years:
                continue  # 98年 in a Taiwan article: the year 2009 (a date, the timeline's)
        if q.unit is None and _is_service_number(text, q):
            continue
        if q.kind == "date":
            # not a date after all: 三年 and 100日 are durations, 三点意见 counts points
            if q.unit in ("年", "日") and q.numeral.value_max is None or q.unit == "年":
                q.kind, q.unit_category = "measure", "time"
            elif q.unit == "点":
                q.kind, q.unit_category = "count", "count"
        whole = q.start <= 8 and n - q.end <= 8 and _is_whole(text, q)
        has_unit = q.unit is not None
        ordinal = _endswith_any(text, q.start, vocab.ordinal_prefix)
        if ordinal is not None:
            if not whole and (_phrase_covers(text, num, has_unit) or _is_name_or_spec(text, q)):
                continue
            if not whole and formal_event_ordinal(text, q.unit, q.end):
                continue  # 第三次全国…普查: the ordinal is part of the event's name
            if q.unit in news["quarter_units"] and 1 <= q.value <= 4:
                continue  # 第2季: a quarter, a date
            if q.unit is None and not whole and _is_list_marker(text, q.start - len(ordinal), q.end):
                continue  # 。第二，透过快递…, 但是，第一，: the numbering of a list, not a rank
            if (
                q.unit is None
                and text[q.start - len(ordinal) - 1 : q.start - len(ordinal)] in quote_open
                and text[q.end : q.end + 1] in quote_close
            ):
                continue  # 创下多个“第一”: a first, a noun, no rank of anything
            q.kind = "ordinal"
            q.start -= len(ordinal)
            q.approx = None
            q.currency = None if q.unit_category != "currency" else q.currency
            found.append(q)
            continue
        if not whole and _is_session_ordinal(text, q):
            q.kind, q.approx = "ordinal", None  # 十九届市委三次全会: session numbers
            found.append(q)
            continue
        # the tests below only reject: the cheap ones first, the set phrases last
        if num.digit_sequence and num.arabic and q.unit is None and _is_phone(text, q):
            continue
        if not whole and _is_code(text, q):
            continue
        if q.kind == "date":
            continue
        if not has_unit and num.form == "number" and not _lone_numeral_is_figure(text, q, whole):
            continue
        if (
            not has_unit
            and not whole
            and (
                _is_photo_position(text, q)
                or _is_reference_mark(text, q)
                or _is_plus_name(text, q)
                or _is_unit_less_name(text, q)
            )
        ):
            continue
        if (
            text[num.end - 1 : num.end] in ("K", "k")
            and q.value_max is None
            and (
                _startswith_any(text, q.end, news["k_grade"])
                or text[num.start : num.end] in news["k_resolutions"]
                and not _digit_before(text, num.start)
                and _endswith_any(text, _skip_back_fillers(text, num.start), news["money_nouns_before"])
                is None
            )
        ):
            continue  # 24K金, 4K电视, 以4K转播: a gold purity or a screen resolution, not thousands
        if not whole and text[num.start : num.end] in ("零", "〇"):
            continue  # 零部件, 零增长: a lone 零 is a word, not a quantity
        if q.unit in news["narrative_day_units"] and not whole and _opens_a_story(text, q):
            continue
        if has_unit and not whole and num.ambiguous_alone and q.kind not in ("money",):
            # 陆续, 伍名? only keep ambiguous characters when they are unmistakably numbers
            if text[num.start] in "陆陸肆伍拾":
                continue
        if (
            has_unit
            and (q.kind == "count" or q.unit_category == "time")
            and not whole
            and text[num.start : num.end] == "一"
            and _endswith_any(text, num.start, vocab.indefinite_before_yi)
        ):
            continue
        if q.unit in news["article_yi_units"] and not whole and text[num.start : num.end] == "一":
            if (
                _endswith_any(text, num.start, news["article_yi_before"]) is not None
                and _endswith_any(text, num.start, news["article_yi_not_after"]) is None
                or _startswith_any(text, q.end, news["article_yi_after"]) is not None
            ):
                continue  # 历史进程的一个缩影, 最致命的一轮, 一个非常重要的标志: an article, no quantity
        if not whole and (_is_part_of_name(text, q) or _is_name_or_spec(text, q)):
            continue
        in_name = not num.arabic and not whole and _in_place_name(text, q)
        if in_name is True:
            continue  # 千岁市, 二里岗, 二十国集团: a name
        if quoted_any and not whole and text[q.end : q.end + 1] == "”" and _in_quoted_name(text, q):
            continue  # “黄金50年”: a slogan or a name in quotes, not a measured quantity
        if q.unit_category == "time" and not whole and _is_relative_time(text, q):
            continue  # 两年前, 过去20年来: the timeline's date, not a figure
        if not whole and _is_role_article(text, q):
            continue  # 一名司机说: an article before a person's role, no quantity
        if ch == "一" and q.kind == "count" and not whole and _is_indefinite_yi(text, q):
            continue  # 需要一个出口: an indefinite article, no quantity
        if (
            q.unit == "两"
            and text[num.start : q.end] in news["couple_words"]
            and _startswith_any(text, q.end, news["couple_followers"]) is not None
        ):
            continue  # 三两个人: "a couple of", a vague amount, not 两 the tael
        if not whole and _phrase_covers(text, num, has_unit):
            continue
        q = _prefix(text, q)
        if q.start == num.start and _endswith_any(text, q.start, news["negative_before"]):
            # 零下5度: below zero
            q.start -= len(_endswith_any(text, q.start, news["negative_before"]) or "")
            q.value = -q.value
            if q.value_max is not None:
                q.value, q.value_max = -q.value_max, q.value
        if q.unit_category == "tenths":
            _tenths_digit(text, q)
        if q.unit == "秒" and q.end < n and text[q.end] in _DIGITS and num.value_max is None:
            _decimal_seconds(text, q)
        if q.unit == both_sides[1] and text[num.start : num.end] == both_sides[0] and q.end == num.end + 1:
            continue  # 院检两方: both sides (双方), not two cubic metres
        if q.unit is None and q.value_max is not None and _startswith_any(text, q.end, news["season_after"]):
            continue  # 17-18赛季: a season named by its years
        if not whole and _is_digit_count(text, q):
            continue  # 两位数增长: a number of two digits, not two people
        if (
            (text[num.start : num.end], q.unit) == news["family_yi"]
            and q.end < n
            and is_numeral_start(text[q.end])
        ):
            continue  # 一家三口: the family, not one household
        if text[q.end : q.end + 1] == many_joiner and _one_x_many_y(text, q, num, one_x_many_y):
            continue  # 一户多宅, 一箭多星: a set phrase, not one household
        if not whole and _is_rate_base(text, q):
            continue  # 一个月能赚3千元: per month, the base of the rate, not a figure
        if (
            q.unit == news["rhetorical_unit"]
            and q.approx is None
            and q.start == num.start
            and text[num.start : num.end] in news["rhetorical_numerals"]
        ):
            continue  # 绵延千年, 百年变局, 千百年来: rhetoric, not a measured span
        if q.unit == news["scale_unit"] and _scale_label_after_count(text, q, num):
            continue  # 两个百亿级产业: 百亿级 says how big each is; the count is 两个
        if q.unit == news["scale_unit"] and q.kind == "count" and _on_a_scale(text, q):
            q.kind = "measure"  # 6.7级地震, 震度7级: a degree on a scale, not a count
        elif q.unit is None and text[q.end : q.end + 1] in "弱强" and num.arabic:
            _seismic_intensity(text, q)
        if q.unit_category == "measure" and q.unit is not None and "/" not in q.unit and q.start > 1:
            if "每" in text[q.start - 5 : q.start]:
                _per_unit_before(text, q)  # 每立方米14微克: 14 微克/立方米
        i = max(q.end, i)
        if q.unit is None and not whole and _is_school_grade(text, q):
            q.kind, q.approx = "ordinal", None  # 小1: first grade
            q.start -= 1
        elif q.unit in ordinal_units or q.kind == "count" and _disease_stage(text, q):
            if q.unit == _FLOOR_UNIT and not num.arabic:
                continue  # 一楼大厅, 二楼: a place in the building, as an address is not a figure
            q.kind, q.approx = "ordinal", None  # 四年级, 14楼: a school grade, a floor
        elif q.kind == "count" and q.unit is None and _is_bare_money(text, q):
            q.kind, q.unit_category, q.currency = "money", "currency", "CNY"  # 营收2.8亿
        elif (
            q.kind == "count"
            and q.unit is None
            and not whole
            and num.form == "number"
            and not _counts_next_noun(text, q)
            and not (num.leading_unit and q.approx is not None)  # 人数过千: a round count
        ):
            q.kind = "measure"  # 指数达到22.5, 超过101的天数: a value, not a count of anything
        if in_name:
            place_name_words.append((q, in_name))  # 三里屯: the dictionary decides, below
        elif (
            not num.arabic
            and not whole
            and num.end - num.start == 1
            and q.approx is None
            and q.unit_category != "time"
        ):
            windows = _idiom_windows(text, q)
            if windows:
                idiom_words.append((q, windows))  # 五花八门, 长三角: the dictionary decides, below
        found.append(q)
    found = drop_name_digits(text, found)  # 某某台湾50反1（00632R）: digits of a name, at every mention
    found = drop_clock_hours(text, found)  # 今日上午不到11点, 5点到7点: clock hours, not counts of 点
    found = drop_address_numbers(text, found)  # 5栋3单元1502室: an address, not figures
    found = drop_kin_ordinals(text, found)  # 三子, 四女: the third son, the fourth daughter
    if place_name_words:
        found = _drop_place_names(found, place_name_words)
    if idiom_words:
        found = _drop_idioms(found, idiom_words)
    found = _merge_bounds(text, found)
    found = merge_compound_durations(text, found)  # 三年三个月: one span of time, 39 个月
    _inherit_yuan_currency(text, found, region_of)
    out: list[FigureMatch] = []
    from newsctl.figures_counted import counted_all  # (it reads this module's vocabulary)

    for q, counted in zip(found, counted_all(text, found)):
        approx = q.approx if q.approx in APPROX_VALUES else None
        kind = q.kind if q.kind in KINDS else "count"
        value_max = q.value_max
        if value_max is not None and value_max == q.value and "range" not in q.notes:
            value_max = None
        # FigureMatch(...) would set each field through object.__setattr__ (it is frozen): its
        # fields are filled in directly instead, the same object at a third of the cost
        match = _new_figure_match(FigureMatch)
        _set_fields(
            match,
            "__dict__",
            {
                "start": q.start,
                "end": q.end,
                "value": to_number(q.value),
                "value_max": to_number(value_max) if value_max is not None else None,
                "approx": approx,
                "unit": q.unit,
                "currency": q.currency,
                "kind": kind,
                "counted": counted,
            },
        )
        out.append(match)
    out.sort(key=lambda f: (f.start, f.end))
    return out
