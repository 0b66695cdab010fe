"""Parsing of Arabic, Chinese and mixed numerals.

Covers 〇零一二两…十百千万亿兆 (and the financial forms 壹贰叁…拾佰仟), 廿/卅, Arabic numbers
with thousands separators, decimals, exponents and k/M suffixes, mixed forms (3.5万, 2千零30万,
一千多万), digit sequences (一九九八), abbreviated forms (一万三, 四百五), decimals (二点五),
fractions (五分之一, 3/5, 三又三分之一), bare percentages (百分之三十), adjacent-digit ranges
(三四十万, 五六) and ordinals (第三).

The scanner works on tokens so that the cost is linear in the length of the numeral, and it
gives up on absurdly long runs (codes, noise) instead of building giant integers.  All
vocabulary (numeral characters, multipliers, connectors) lives in `newsctl/data/`.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache, lru_cache
from typing import Any

from newsctl.data import load_json

Number = int | float

#: More tokens than this in one numeral is noise (or an attack), never a quantity.
MAX_TOKENS = 48
#: Longest Arabic digit run read as a number; longer runs are codes or noise.
MAX_DIGITS = 30
#: Largest and smallest magnitudes (powers of ten) a numeral may have: 1e9999 or 亿亿亿… is
#: noise, and would give an integer too long for JSON (and infinity in most JSON readers).
#: Kept under decimal's default precision of 28 digits, so that the analyzers' integer
#: arithmetic on a value (value % 10) stays exact instead of raising.
MAX_EXPONENT = 27

_ASCII_DIGITS = "0123456789"
_FULLWIDTH_DIGITS = "０１２３４５６７８９"
_DIGIT_VALUE = {c: i for i, c in enumerate(_ASCII_DIGITS)} | {c: i for i, c in enumerate(_FULLWIDTH_DIGITS)}
_SPACES = " \u3000\t"
_RE_DIGITS = re.compile(f"[{_ASCII_DIGITS}{_FULLWIDTH_DIGITS}]*")
_TO_ASCII_DIGITS = str.maketrans(_FULLWIDTH_DIGITS, _ASCII_DIGITS)


@dataclass(frozen=True)
class Numeral:
    """A numeral found in a text: offsets, value(s) and what its surface looked like."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None = None
    #: inner vagueness: 一千多万, 十几万 -> "more_than"
    approx: str | None = None
    #: leading vagueness 几十万 / 数百: value..value_max is a guess, not a stated range
    vague: bool = False
    chinese: bool = False
    arabic: bool = False
    #: a bare digit run without place units: 2019, 一九九八, 0531
    digit_sequence: bool = False
    n_digits: int = 0
    leading_zero: bool = False
    has_decimal: bool = False
    has_separator: bool = False
    #: starts with a place unit and no digit: 百分之…, 万分之…, bare 万
    leading_unit: bool = False
    #: value before the trailing 万/亿 and that multiplier (2到3万 distributes it)
    base: Decimal | None = None
    multiplier: Decimal = Decimal(1)
    #: "number", "fraction" (五分之一, 3/5) or "percent" (百分之三十, value in percent)
    form: str = "number"
    #: one character that is also an ordinary word (陆, 伍, 拾 …)
    ambiguous_alone: bool = False
    #: the run was too long to be a number; [start, end) should be skipped as a whole
    overflow: bool = False
    n_chars: int = 0


@dataclass(frozen=True)
class _Tables:
    digits: dict[str, int]
    zero_chars: frozenset[str]
    liang_chars: frozenset[str]
    tens_shorthand: dict[str, int]
    small_units: dict[str, int]
    big_units: dict[str, int]
    decimal_points: frozenset[str]
    negative_signs: tuple[str, ...]
    vague_digits: frozenset[str]
    vague_leading: frozenset[str]
    inner_more: frozenset[str]
    ge_before_big: frozenset[str]
    scale_label_suffixes: frozenset[str]
    scale_label_not_words: tuple[str, ...]
    ascii_multipliers: dict[str, int]
    extra_pairs: frozenset[tuple[int, int]]
    ambiguous_alone: frozenset[str]
    range_connectors: tuple[str, ...]
    start_chars: frozenset[str]
    unit_words_after_digit: tuple[str, ...]
    dot_stops: frozenset[str]
    dot_middles: frozenset[str]
    after_stop_decimal: frozenset[str]
    after_middle_decimal: frozenset[str]
    a_little_after: frozenset[str]


@cache
def tables() -> _Tables:
    """Numeral vocabulary, loaded once from the package data."""
    raw: dict[str, Any] = load_json("figures_numerals.json")
    ctx: dict[str, Any] = load_json("figures_context.json")
    units: dict[str, Any] = load_json("figures_units.json")
    unit_words = [*units["count"], *units["measure"], *units["time"], *units["ratio"], *units["percent"]]
    unit_words += [*units["currencies"], *units["percentage_point"]]
    digits = {k: int(v) for k, v in raw["digits"].items()}
    small = {k: int(v) for k, v in raw["small_units"].items()}
    big = {k: int(v) for k, v in raw["big_units"].items()}
    tens = {k: int(v) for k, v in raw["tens_shorthand"].items()}
    start = set(digits) | set(small) | set(big) | set(tens) | set(raw["vague_digits"])
    start |= set(_ASCII_DIGITS) | set(_FULLWIDTH_DIGITS) | set(raw["vague_leading"])
    return _Tables(
        digits=digits,
        zero_chars=frozenset(raw["zero_chars"]),
        liang_chars=frozenset(raw["liang_chars"]),
        tens_shorthand=tens,
        small_units=small,
        big_units=big,
        decimal_points=frozenset(raw["decimal_points"]),
        negative_signs=tuple(raw["negative_signs"]),
        vague_digits=frozenset(raw["vague_digits"]),
        vague_leading=frozenset(raw["vague_leading"]),
        inner_more=frozenset(raw["inner_more"]),
        ge_before_big=frozenset(raw["ge_before_big_unit"]),
        scale_label_suffixes=frozenset(raw["scale_label_suffixes"]),
        scale_label_not_words=tuple(raw["scale_label_not_words"]),
        ascii_multipliers={k: int(v) for k, v in raw["ascii_multipliers"].items()},
        extra_pairs=frozenset((int(a), int(b)) for a, b in raw["consecutive_pairs_extra"]),
        ambiguous_alone=frozenset(raw["ambiguous_alone"]),
        range_connectors=tuple(sorted(ctx["range_connectors"], key=len, reverse=True)),
        start_chars=frozenset(start),
        unit_words_after_digit=tuple(
            raw["unit_words_starting_with_multiplier"] + raw["words_starting_with_multiplier"]
        ),
        dot_stops=frozenset(raw["dot_decimal_stops"]),
        dot_middles=frozenset(raw["dot_decimal_middles"]),
        after_stop_decimal=frozenset(w[0] for w in unit_words if w) | frozenset(big),
        after_middle_decimal=frozenset(raw["middle_dot_decimal_before"]) | frozenset(big),
        a_little_after=frozenset(raw["a_little_after"]),
    )


def to_number(value: Decimal) -> Number:
    """Decimal -> int when integral (40000, not 40000.0), else float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


_start_chars: frozenset[str] | None = None


def _load_start_chars() -> frozenset[str]:
    global _start_chars
    _start_chars = tables().start_chars
    return _start_chars


def is_numeral_start(ch: str) -> bool:
    """Can a numeral start with this character (ignoring signs and a leading '.')?"""
    return ch in (_start_chars or _load_start_chars())


# ---------------------------------------------------------------------------
# tokens

# Token kinds: D digit, Z zero, U place unit (十百千), T tens shorthand (廿), B big unit (万亿),
# A Arabic number, P decimal point, V vague digit (几), L leading vague (数), M inner 多/余,
# G 个 before a big unit (两个亿).


@dataclass(slots=True)  # never changed after creation; not frozen because frozen init is slow
class _Tok:
    kind: str
    value: Decimal
    start: int
    end: int
    liang: bool = False
    n_digits: int = 0
    has_sep: bool = False
    has_dec: bool = False
    leading_zero: bool = False
    raw_digits: str = ""


def _out_of_range(value: Decimal) -> bool:
    """Too large or too small to be a quantity anyone writes in prose."""
    return bool(value) and not -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _scan_arabic(text: str, pos: int) -> tuple[_Tok | None, int]:
    """An Arabic number at pos (digits, 1,234 groups, decimals, e-exponent, ^power).

    Returns (token, end).  A digit run longer than MAX_DIGITS gives (None, end-of-run) so the
    caller can skip it as a whole.
    """
    n = len(text)
    run = _RE_DIGITS.match(text, pos).group()  # type: ignore[union-attr]
    if len(run) > MAX_DIGITS:
        i = pos + MAX_DIGITS + 1
        while i < n and (text[i] in _DIGIT_VALUE or text[i] in ",.，"):
            i += 1
        return None, i
    i = pos + len(run)
    int_part = run.translate(_TO_ASCII_DIGITS)
    digits = int_part
    has_sep = False
    # thousands groups: ",ddd" not followed by another digit; only after 1-3 leading digits
    if 0 < len(digits) <= 3:
        j = i
        groups: list[str] = []
        while j + 3 < n + 1 and j < n and text[j] in ",，":
            grp = text[j + 1 : j + 4]
            if (
                len(grp) == 3
                and all(c in _DIGIT_VALUE for c in grp)
                and not (j + 4 < n and text[j + 4] in _DIGIT_VALUE)
            ):
                groups.append("".join(str(_DIGIT_VALUE[c]) for c in grp))
                j += 4
                if len(groups) * 3 + len(digits) > MAX_DIGITS:
                    return None, j
            else:
                break
        if groups:
            has_sep = True
            int_part += "".join(groups)
            i = j
    frac = ""
    has_dec = False
    if i + 1 < n and text[i] in ".．" and text[i + 1] in _DIGIT_VALUE:
        fd = _RE_DIGITS.match(text, i + 1).group()  # type: ignore[union-attr]
        if len(fd) > MAX_DIGITS:
            return None, i + 1 + MAX_DIGITS + 1
        j = i + 1 + len(fd)
        fd = fd.translate(_TO_ASCII_DIGITS)
        # 1.2.3 is a version or a date, not a number
        if j + 1 < n and text[j] in ".．" and text[j + 1] in _DIGIT_VALUE:
            while j < n and (text[j] in _DIGIT_VALUE or text[j] in ".．"):
                j += 1
            return None, j
        frac = fd
        has_dec = True
        i = j
    if not int_part and not frac:
        return None, pos
    value = Decimal((int_part or "0") + ("." + frac if frac else ""))
    # exponent: 21.2E0, -127.32e13, 2.7890e-1
    if i < n and text[i] in "eE":
        j = i + 1
        sign = ""
        if j < n and text[j] in "+-－":
            sign = "-" if text[j] in "-－" else ""
            j += 1
        k = j
        while k < n and text[k] in _DIGIT_VALUE and k - j < 4:
            k += 1
        if k > j and not (k < n and (_is_ascii_letter(text[k]) or text[k] in _DIGIT_VALUE)):
            exp = int(sign + "".join(str(_DIGIT_VALUE[c]) for c in text[j:k]))
            value = value.scaleb(exp)
            i = k
    # power: 2^5, 2.5^-1, 1.1^+23
    if i < n and text[i] == "^":
        j = i + 1
        sign = ""
        if j < n and text[j] in "+-":
            sign = "-" if text[j] == "-" else ""
            j += 1
        k = j
        while k < n and text[k] in _DIGIT_VALUE and k - j < 3:
            k += 1
        if k > j:
            exp = int(sign + text[j:k])
            try:
                with localcontext() as ctx:
                    ctx.prec = 28
                    value = value**exp
            except (InvalidOperation, ZeroDivisionError, OverflowError):
                return None, k
            i = k
    if _out_of_range(value):
        return None, i
    tok = _Tok(
        "A",
        value,
        pos,
        i,
        n_digits=len(int_part),
        has_sep=has_sep,
        has_dec=has_dec,
        leading_zero=len(int_part) > 1 and int_part[0] == "0",
        raw_digits=int_part if not has_dec and not has_sep and i == pos + len(int_part) else "",
    )
    return tok, i


@cache
def _unit_word_index() -> tuple[tuple[int, ...], frozenset[str]]:
    words = tables().unit_words_after_digit
    return tuple(sorted({len(w) for w in words if w})), frozenset(w for w in words if w)


def _unit_word_at(text: str, i: int) -> bool:
    """Does a unit word starting with a multiplier (千克, 百分点, 兆瓦) or another word that does
    (百货) start at i?"""
    lengths, words = _unit_word_index()
    return any(text[i : i + length] in words for length in lengths)


def _skip_spaces(text: str, i: int, limit: int = 3) -> int:
    j = i
    while j < len(text) and text[j] in _SPACES and j - i < limit:
        j += 1
    return j


def _scale_label_at(text: str, i: int) -> bool:
    """万亿级, 百亿级 at i: multipliers alone, then 级: the scale of what is counted."""
    t = tables()
    j = i
    while j < len(text) and (text[j] in t.big_units or text[j] in t.small_units):
        j += 1
    if j == i or text[j : j + 1] not in t.scale_label_suffixes:
        return False
    return not text.startswith(t.scale_label_not_words, j)  # 5个亿级别: still 5亿


def _tokenize(text: str, pos: int) -> tuple[list[_Tok], bool, int]:
    """Greedy tokens of a numeral starting at pos.

    Returns (tokens, overflow, run_end); on overflow run_end is where the run of numeral
    characters ends, so the whole run can be skipped.
    """
    t = tables()
    n = len(text)
    toks: list[_Tok] = []
    i = pos
    while i < n:
        if len(toks) >= MAX_TOKENS:
            j = i
            while j < n and (is_numeral_start(text[j]) or text[j] in _SPACES):
                j += 1
            return toks, True, j
        ch = text[i]
        if ch in _DIGIT_VALUE or (ch in ".．" and i + 1 < n and text[i + 1] in _DIGIT_VALUE and not toks):
            if toks and toks[-1].kind == "A":
                break
            tok, end = _scan_arabic(text, i)
            if tok is None:
                if end > i:
                    return toks, True, end
                break
            toks.append(tok)
            i = end
        elif ch in t.zero_chars:
            toks.append(_Tok("Z", Decimal(0), i, i + 1))
            i += 1
        elif ch in t.digits:
            toks.append(_Tok("D", Decimal(t.digits[ch]), i, i + 1, liang=ch in t.liang_chars))
            i += 1
        elif (ch in t.small_units or ch in t.big_units) and toks and _unit_word_at(text, i):
            # 2.3千克, 12百分点, 100兆瓦: the character starts a unit, not a multiplier
            break
        elif ch in t.small_units:
            toks.append(_Tok("U", Decimal(t.small_units[ch]), i, i + 1))
            i += 1
        elif ch in t.tens_shorthand:
            toks.append(_Tok("T", Decimal(t.tens_shorthand[ch]), i, i + 1))
            i += 1
        elif ch in t.big_units:
            toks.append(_Tok("B", Decimal(t.big_units[ch]), i, i + 1))
            i += 1
        elif ch in t.vague_digits:
            toks.append(_Tok("V", Decimal(0), i, i + 1))
            i += 1
        elif ch in t.vague_leading and not toks:
            j = _skip_spaces(text, i + 1)
            if j < n and (text[j] in t.small_units or text[j] in t.big_units):
                toks.append(_Tok("L", Decimal(0), i, i + 1))
                i += 1
            else:
                break
        elif ch in t.decimal_points and toks:
            j = _skip_spaces(text, i + 1)
            if j < n and (
                (text[j] in t.digits and text[j] not in t.liang_chars)
                or text[j] in t.zero_chars
                or text[j] in _DIGIT_VALUE
            ):
                toks.append(_Tok("P", Decimal(0), i, i + 1))
                i += 1
            else:
                break
        elif ch in t.inner_more and toks:
            # 一千多万 / 500余万: only when a big unit follows
            j = _skip_spaces(text, i + 1)
            if j < n and text[j] in t.big_units:
                toks.append(_Tok("M", Decimal(0), i, i + 1))
                i += 1
            else:
                break
        elif ch in t.ge_before_big and toks and toks[-1].kind in "DAZU":
            # 两个亿, 一个亿 (not 两个百亿级: 个 counts the noun that 百亿级 describes)
            if i + 1 < n and text[i + 1] in t.big_units and not _scale_label_at(text, i + 1):
                toks.append(_Tok("G", Decimal(0), i, i + 1))
                i += 1
            else:
                break
        elif ch in _SPACES and toks:
            j = _skip_spaces(text, i)
            if j >= n:
                break
            nxt = text[j]
            prev = toks[-1].kind
            # 7万 5千, 一百 五 十 二, 1000  万 — but never two Arabic numbers (1, 234, 567)
            if nxt in _DIGIT_VALUE:
                if prev in ("A", "D", "Z", "T"):
                    break
            elif not (
                nxt in t.digits
                or nxt in t.zero_chars
                or nxt in t.small_units
                or nxt in t.big_units
                or nxt in t.decimal_points
                or nxt in t.tens_shorthand
                or nxt in t.vague_digits
            ):
                break
            if prev == "A" and nxt in t.digits:
                break
            i = j
        else:
            break
    return toks, False, i


# ---------------------------------------------------------------------------
# evaluation


@dataclass
class _Eval:
    value: Decimal
    used: int
    approx: str | None
    digit_sequence: bool
    n_digits: int
    leading_unit: bool
    base: Decimal | None
    multiplier: Decimal
    has_decimal: bool


def _evaluate(toks: list[_Tok]) -> _Eval | None:
    """Value of the longest valid prefix of toks (Chinese place-value grammar)."""
    total = Decimal(0)
    section = Decimal(0)
    pending: Decimal | None = None
    pending_is_char_digit = False
    arabic_abbrev = False  # 1万8, 3千5: one Arabic digit after a place, the next place down
    pending_liang = False
    last_small: Decimal | None = None
    last_big: Decimal | None = None
    abbrev_unit: Decimal | None = None
    zero_gap = False
    seq: list[int] = []
    units_seen = False
    frac: list[int] | None = None
    approx: str | None = None
    leading_unit = False
    anything = False
    base: Decimal | None = None
    multiplier = Decimal(1)
    big_count = 0
    trailing_bigs = False
    used = 0
    has_decimal = False

    def seq_value() -> Decimal:
        return Decimal("".join(str(d) for d in seq)) if seq else Decimal(0)

    for k, tok in enumerate(toks):
        kind = tok.kind
        if kind != "B":
            trailing_bigs = False
        if frac is not None:
            if kind in ("D", "Z") and not tok.liang:
                frac.append(int(tok.value))
                used = k + 1
                continue
            if kind == "A" and tok.raw_digits and not frac:
                # 一百点123, 零點77
                frac.extend(int(c) for c in tok.raw_digits)
                used = k + 1
                continue
            if kind == "B":
                pass  # 四点五万: handled below
            else:
                break
        if kind in ("D", "Z", "V"):
            is_zero_word = kind == "Z"
            if is_zero_word and units_seen:
                if pending is not None:
                    break
                zero_gap = True
                used = k + 1
                continue
            if pending is not None or seq:
                if units_seen or not pending_is_char_digit or kind == "V" or tok.liang or pending_liang:
                    break
                # digit sequence: 一九九八, 二〇〇二
                if not seq:
                    assert pending is not None  # no sequence yet: the run started with `pending`
                    seq.append(int(pending))
                seq.append(int(tok.value))
                pending = None
                used = k + 1
                anything = True
                continue
            # 两 right after a place unit ends the numeral: 三千两百两 = 3200 两 (liang, a unit)
            if tok.liang and units_seen and not zero_gap and k + 1 == len(toks):
                break
            if tok.liang and units_seen and not zero_gap and toks[k + 1].kind not in ("U", "B", "T"):
                break
            pending = tok.value
            pending_is_char_digit = True
            pending_liang = tok.liang
            if kind == "V":
                approx = "more_than"
            anything = True
            used = k + 1
            continue
        if kind == "A":
            if pending is not None or seq:
                break
            pending = tok.value
            pending_is_char_digit = False
            arabic_abbrev = (
                tok.n_digits == 1
                and not tok.has_dec
                and not tok.has_sep
                and units_seen
                and abbrev_unit is not None
                and abbrev_unit >= 100
                and not zero_gap
            )
            if not arabic_abbrev:
                abbrev_unit = None
            anything = True
            has_decimal = has_decimal or tok.has_dec
            used = k + 1
            continue
        if kind == "L":
            break  # handled by the caller (数十亿)
        pending_liang = False
        if kind in ("U", "T"):
            if len(seq) >= 2:
                break
            unit = tok.value if kind == "U" else Decimal(10)
            if last_small is not None and unit >= last_small:
                break
            if seq:
                pending = seq_value()
                seq = []
            if kind == "T":
                if pending is not None:
                    break
                section += tok.value
            else:
                if pending is None and not anything and unit >= 100:
                    leading_unit = True
                section += (pending if pending is not None else Decimal(1)) * unit
            last_small = unit
            abbrev_unit = unit
            pending = None
            zero_gap = False
            units_seen = True
            anything = True
            used = k + 1
            continue
        if kind == "B":
            if len(seq) >= 2:
                break
            if seq:
                pending = seq_value()
                seq = []
            if frac is not None:
                if pending is None:
                    pending = Decimal(0)
                pending += Decimal("0." + "".join(map(str, frac))) if frac else Decimal(0)
                frac = None
            sec = section + (pending if pending is not None else Decimal(0))
            if sec == 0 and total == 0:
                if anything:
                    break
                # a bare 万 / 亿: only meaningful before 分之 (万分之三) or a unit; the caller decides
                leading_unit = True
                total = tok.value
                last_big = tok.value
            elif sec == 0:
                total *= tok.value
                last_big = (last_big or Decimal(1)) * tok.value
                if trailing_bigs:
                    multiplier *= tok.value
            elif last_big is None or tok.value > last_big:
                if big_count == 0:
                    base = sec
                    multiplier = tok.value
                total = (total + sec) * tok.value
                last_big = tok.value
            else:
                total += sec * tok.value
            big_count += 1
            trailing_bigs = True
            section = Decimal(0)
            pending = None
            last_small = None
            abbrev_unit = tok.value
            zero_gap = False
            units_seen = True
            anything = True
            used = k + 1
            continue
        if kind == "P":
            if frac is not None or k + 1 >= len(toks):
                break
            if pending is not None and not pending_is_char_digit and not units_seen:
                break  # 3点20分 is a clock time; Arabic decimals use "."
            after_point = toks[k + 1 :]
            n_frac = 0
            while n_frac < len(after_point) and after_point[n_frac].kind in ("D", "Z"):
                n_frac += 1
            if n_frac < len(after_point) and after_point[n_frac].kind in ("U", "T"):
                break  # 三点二十分: 点 is o'clock, not a decimal point
            if seq:
                pending = seq_value()
                seq = []
            if pending is None and not units_seen:
                break
            if pending is not None and pending_is_char_digit and abbrev_unit is not None and not zero_gap:
                pending *= abbrev_unit / 10
                abbrev_unit = None
            frac = []
            has_decimal = True
            continue
        if kind == "M":
            if k + 1 < len(toks) and toks[k + 1].kind == "B":
                approx = "more_than"
                continue
            break
        if kind == "G":
            if k + 1 < len(toks) and toks[k + 1].kind == "B":
                continue
            break
        break

    if not anything or used == 0:
        return None
    # If we stopped right after P/M/G tokens, they are not part of the numeral (used excludes them).
    digit_sequence = False
    n_digits = 0
    if frac is not None and not frac:
        frac = None
    if seq:
        digit_sequence = True
        n_digits = len(seq)
        pending = seq_value()
        pending_is_char_digit = False
    elif (
        pending is not None
        and (pending_is_char_digit or arabic_abbrev)
        and abbrev_unit is not None
        and not zero_gap
    ):
        # 四百五 = 450, 一万三 = 13000, 十五 = 15, 1万8 = 18000
        if frac is None:
            pending *= abbrev_unit / 10
    value = total + section + (pending if pending is not None else Decimal(0))
    if frac:
        value += Decimal("0." + "".join(map(str, frac)))
    if leading_unit and any(tk.kind in ("D", "A", "Z", "V") for tk in toks[:used]):
        leading_unit = False
    if not trailing_bigs or big_count != 1:
        base, multiplier = None, Decimal(1)
    if not units_seen and len(toks) and toks[0].kind == "A" and used == 1:
        n_digits = toks[0].n_digits
        digit_sequence = not toks[0].has_sep and not toks[0].has_dec
    return _Eval(
        value=value,
        used=used,
        approx=approx,
        digit_sequence=digit_sequence,
        n_digits=n_digits,
        leading_unit=leading_unit,
        base=base,
        multiplier=multiplier,
        has_decimal=has_decimal,
    )


def _find_pair(toks: list[_Tok]) -> int | None:
    """Index of an adjacent-digit range (三四十, 五六, 十五六, 三五百), else None."""
    t = tables()
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.kind != "D" or b.kind != "D":
            continue
        da, db = int(a.value), int(b.value)
        if da == 0 or not (db == da + 1 or (da, db) in t.extra_pairs):
            continue
        if i > 0 and toks[i - 1].kind in ("D", "Z", "P", "A"):
            continue
        if i + 2 < len(toks) and toks[i + 2].kind in ("D", "Z", "P", "V"):
            continue
        return i
    return None


def scan_numeral(text: str, pos: int, fractions: bool = True) -> Numeral | None:
    """The longest numeral starting at pos (a sign may come first), or None.

    Fractions (五分之一, 3/5, 1 3/5, 三又三分之一) and bare percentages (百分之三十) are
    included; units and measure words are left to the caller.
    """
    n = len(text)
    if pos >= n or text[pos] in _HYPHEN_SIGNS:
        # a hyphen looks at the character before it (glued to a digit, it is no minus sign)
        return _scan_signed(text, pos, fractions) if pos < n else None
    run_match, unit_search, unit_word_len = _patterns or _run_patterns()
    end = run_match(text, pos).end()
    # a decimal dot or 一点 needs a run of three characters, or a middle dot (outside the run) after it
    if (end - pos > 2 or (end < n and text[end] in _middle_dots)) and _dot_search(text, pos, end + 2):
        read = _read_dots(text, pos, end)
        if read is None:
            return None
        if read is not text:
            text = read
            end = run_match(text, pos).end()
    if unit_search(text, max(pos, end - unit_word_len + 1), end) is None:
        window = text[pos:end] + _RUN_END if end < n else text[pos:end]
    else:
        window = _window_with_unit_words(text, pos, end)
    if len(window) > _MAX_WINDOW:
        return _scan_signed(text, pos, fractions)
    num = _scan_window(window, fractions)
    if num is None or pos == 0:
        return num
    # num was read in the window: the same numeral shifted by pos.  A plain copy of its fields,
    # because dataclasses.replace (or the frozen __init__) is several times slower on 22 fields.
    moved = _new_numeral(Numeral)
    fields = moved.__dict__
    fields.update(num.__dict__)
    fields["start"] = num.start + pos  # not always 0: an overflow after a sign starts past it
    fields["end"] = num.end + pos
    return moved


def _is_han_digit(ch: str) -> bool:
    t = tables()
    return (ch in t.digits and ch not in t.liang_chars) or ch in t.zero_chars


def _dot_decimal_at(text: str, pos: int, end: int) -> int | None:
    """Offset of a dot in (or right after) the run at pos that is the decimal point of a Chinese
    numeral: a Chinese digit on both sides, and a unit right after the digits that follow it
    (二．五倍, 三.五万); a middle dot only before a multiplier, 倍 or a percent (九·一八 is a date)."""
    t = tables()
    n = len(text)
    for k in range(pos + 1, min(end, n - 2) + 1):
        ch = text[k]
        if ch not in t.dot_stops and ch not in t.dot_middles:
            continue
        if not (_is_han_digit(text[k - 1]) and _is_han_digit(text[k + 1])):
            return None
        if k >= 2 and (text[k - 2] in t.dot_stops or text[k - 2] in t.dot_middles):
            return None
        m = k + 1
        while m < n and _is_han_digit(text[m]):
            m += 1
        after = t.after_stop_decimal if ch in t.dot_stops else t.after_middle_decimal
        return k if m < n and text[m] in after else None
    return None


def _read_dots(text: str, pos: int, end: int) -> str | None:
    """text with a dot that is a decimal point in the run at pos..end read as 点 (二．五倍 as
    二点五倍, one character for one: the offsets stay); None when 一点 at pos is 'a little'."""
    if text[pos] == "一" and _a_little_at(text, pos):
        return None
    dot = _dot_decimal_at(text, pos, end)
    return text if dot is None else text[:dot] + "点" + text[dot + 1 :]


def _a_little_at(text: str, pos: int) -> bool:
    """久一点10年: 一点 after an adjective is 'a little', and the Arabic digits after it are
    a number of their own, not the decimals of 一."""
    t = tables()
    return (
        pos > 0
        and pos + 3 <= len(text)
        and text[pos - 1] in t.a_little_after
        and text[pos] == "一"
        and text[pos + 1] in t.decimal_points
        and text[pos + 2] in _DIGIT_VALUE
    )


# The scanner is a pure function of the characters it reads, and it reads only the run of
# "numeral-like" characters at pos (numeral characters, spaces, ASCII letters and digits,
# signs, separators, 分之/又/点/多/个 …), the character that ends the run, which it only
# tests for membership in those classes, and unit words (千克, 百分点) that start in the run.
# The same short runs (一, 两, 3, 10) recur all the time, so the scan of the run plus a
# stand-in for the ending character is memoised.

#: signs that look at the character before them
_HYPHEN_SIGNS = "-−－"
#: stands for the character that ends a run: it belongs to none of the scanner's classes
_RUN_END = "\x00"
#: longer windows are rare (codes, noise) and not worth keeping
_MAX_WINDOW = 24


_new_numeral = object.__new__
_patterns: tuple[Any, Any, int] | None = None  # _run_patterns(), once loaded
#: search for a dot between Chinese digits (二．五) or 一点 before an Arabic digit: the only runs
#: that _read_dots may change; set with _patterns
_dot_search: Any = None
_middle_dots: frozenset[str] = frozenset()  # tables().dot_middles, set with _patterns


def _run_patterns() -> tuple[Any, Any, int]:
    """(match of a run of numeral-like characters, search for a place-unit character that may
    start a unit word, the longest such unit word)."""
    global _patterns, _dot_search, _middle_dots
    t = tables()
    chars = set(t.start_chars) | set(_SPACES) | set(_ASCII_DIGITS) | set(_FULLWIDTH_DIGITS)
    chars |= set(string.ascii_letters)
    chars |= set(",，.．+-－−^/／") | set("分之又")  # separators, exponents, fractions
    chars |= t.decimal_points | t.inner_more | t.ge_before_big | t.vague_leading
    chars |= set("".join(t.negative_signs)) | set(t.ascii_multipliers)
    run = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]*")
    units = sorted(set(t.small_units) | set(t.big_units))
    unit = re.compile("[" + "".join(re.escape(c) for c in units) + "]")
    longest = max(len(w) for w in t.unit_words_after_digit if w)
    dots = "".join(re.escape(c) for c in sorted(t.dot_stops | t.dot_middles))
    han = "".join(re.escape(c) for c in sorted(set(t.digits) - t.liang_chars | t.zero_chars))
    points = "".join(re.escape(c) for c in sorted(t.decimal_points))
    digits = _ASCII_DIGITS + _FULLWIDTH_DIGITS
    _dot_search = re.compile(f"[{han}][{dots}][{han}]|一[{points}][{digits}]").search
    _middle_dots = t.dot_middles
    _patterns = (run.match, unit.search, longest)
    return _patterns


def _window_with_unit_words(text: str, pos: int, end: int) -> str:
    """The run at pos..end plus the characters of any unit word (千克) starting in it."""
    _, unit_search, longest = _patterns or _run_patterns()
    reach = end + 1
    for k in range(max(pos, end - longest + 1), end):
        if unit_search(text, k, k + 1) is not None:
            reach = max(reach, k + longest)
    return text[pos:reach]


@lru_cache(maxsize=8192)
def _scan_window(window: str, fractions: bool) -> Numeral | None:
    return _scan_signed(window, 0, fractions)


def _scan_signed(text: str, pos: int, fractions: bool = True) -> Numeral | None:
    t = tables()
    n = len(text)
    if pos >= n:
        return None
    run_match, _, _ = _patterns or _run_patterns()
    end = run_match(text, pos).end()
    if _dot_search(text, pos, end + 2) is not None:
        read = _read_dots(text, pos, end)
        if read is None:
            return None
        text = read
    i = pos
    negative = False
    for sign in t.negative_signs:
        if text.startswith(sign, pos):
            if len(sign) == 1 and sign in _HYPHEN_SIGNS:
                # a minus sign, not a hyphen: not glued to a preceding digit or letter, nor
                # to the unit of a preceding number (23日－29日, 5元-8元: a range's dash)
                if pos > 0 and (text[pos - 1] in _DIGIT_VALUE or _is_ascii_letter(text[pos - 1])):
                    return None
                if pos > 1 and text[pos - 2] in _DIGIT_VALUE and not text[pos - 1].isspace():
                    return None
            j = _skip_spaces(text, pos + len(sign))
            if j < n and (is_numeral_start(text[j]) or (text[j] in ".．" and j + 1 < n)):
                # before a Chinese numeral a dash is punctuation (`－十`); Chinese writes
                # a negative number in words with 负 or 零下
                if sign in _HYPHEN_SIGNS and text[j] not in _DIGIT_VALUE and text[j] not in ".．":
                    break
                negative = True
                i = j
            break
    num = _scan_unsigned(text, i, fractions)
    if num is None:
        return None
    if negative and not num.overflow:
        num = replace(
            num,
            start=pos,
            value=-num.value,
            value_max=-num.value_max if num.value_max is not None else None,
            base=-num.base if num.base is not None else None,
        )
    return num


def _scan_unsigned(text: str, pos: int, fractions: bool | str = True) -> Numeral | None:
    """fractions: True (X分之Y and A又X分之Y), "no_mixed" (X分之Y only) or False."""
    t = tables()
    n = len(text)
    toks, overflow, run_end = _tokenize(text, pos)
    if overflow:
        return Numeral(start=pos, end=max(run_end, pos + 1), value=Decimal(0), overflow=True)
    if not toks:
        return None
    leading_vague = toks[0].kind in ("L", "V") and len(toks) > 1 and toks[1].kind in ("U", "B")
    pair = None if leading_vague else _find_pair(toks)
    value_max: Decimal | None = None
    vague = False
    ev: _Eval | None
    if leading_vague:
        lo_toks = [replace(toks[0], kind="D", value=Decimal(1))] + toks[1:]
        # 几十万 = 100000..1000000 (the common reading of 几/数 before a place unit)
        hi_toks = [replace(toks[0], kind="D", value=Decimal(10))] + toks[1:]
        lo = _evaluate(lo_toks)
        hi = _evaluate(hi_toks)
        if lo is None or hi is None:
            return None
        ev = lo
        value_max = hi.value
        vague = True
        used_toks = lo_toks[: lo.used]
    elif pair is not None:
        lo_toks = toks[: pair + 1] + toks[pair + 2 :]
        hi_toks = toks[:pair] + toks[pair + 1 :]
        lo = _evaluate(lo_toks)
        hi = _evaluate(hi_toks)
        if lo is None or hi is None or lo.used <= pair or hi.used != lo.used:
            ev = _evaluate(toks)
            if ev is None:
                return None
            used_toks = toks[: ev.used]
        else:
            ev = lo
            value_max = hi.value
            used_toks = toks[: lo.used + 1]
    else:
        ev = _evaluate(toks)
        if ev is None:
            return None
        used_toks = toks[: ev.used]
    if not used_toks:
        return None
    end = used_toks[-1].end
    chinese = any(tk.kind != "A" for tk in used_toks)
    arabic = any(tk.kind == "A" for tk in used_toks)
    value = ev.value
    # k / M after an Arabic number: 40k, -2.5 M, 5k (but not 5km, 3MB)
    if arabic and not chinese:
        j = _skip_spaces(text, end, 1)
        if j < n and text[j] in t.ascii_multipliers and not (j + 1 < n and _is_ascii_letter(text[j + 1])):
            mult = Decimal(t.ascii_multipliers[text[j]])
            value *= mult
            end = j + 1
            if value_max is not None:
                value_max *= mult
    if _out_of_range(value) or (value_max is not None and _out_of_range(value_max)):
        return Numeral(start=pos, end=end, value=Decimal(0), overflow=True)
    first = used_toks[0]
    num = Numeral(
        start=pos,
        end=end,
        value=value,
        value_max=value_max,
        approx=ev.approx,
        vague=vague,
        chinese=chinese,
        arabic=arabic,
        digit_sequence=ev.digit_sequence,
        n_digits=ev.n_digits,
        leading_zero=first.kind == "A" and first.leading_zero,
        has_decimal=ev.has_decimal,
        has_separator=any(tk.has_sep for tk in used_toks),
        leading_unit=ev.leading_unit,
        base=ev.base,
        multiplier=ev.multiplier,
        ambiguous_alone=len(used_toks) == 1 and text[first.start] in t.ambiguous_alone,
        n_chars=end - pos,
    )
    return _extend_fraction(text, num, mixed=fractions == "mixed" or fractions is True) if fractions else num


def _extend_fraction(text: str, num: Numeral, mixed: bool = True) -> Numeral:
    """X分之Y, A又X分之Y, a/b and 'a b/c' after a scanned numeral."""
    n = len(text)
    end = num.end
    j = _skip_spaces(text, end)
    # X 分之 Y
    if j < n and text[j] == "分":
        k = _skip_spaces(text, j + 1)
        if k < n and text[k] == "之":
            k = _skip_spaces(text, k + 1)
            # the numerator never starts another fraction: bounded work on 五分之五分之…
            numer = scan_numeral(text, k, fractions=False)
            if numer is not None and not numer.overflow and num.value != 0 and numer.form == "number":
                value = numer.value / num.value
                vmax = numer.value_max / num.value if numer.value_max is not None else None
                if num.leading_unit:
                    # 百分之三十 = 30 (%), 千分之五 = 0.5 (%): value in percent
                    return replace(
                        numer,
                        start=num.start,
                        value=value * 100,
                        value_max=vmax * 100 if vmax is not None else None,
                        form="percent",
                        chinese=True,
                        n_chars=numer.end - num.start,
                        leading_unit=False,
                        ambiguous_alone=False,
                        digit_sequence=False,
                    )
                return replace(
                    numer,
                    start=num.start,
                    value=value,
                    value_max=vmax,
                    form="fraction",
                    chinese=True,
                    n_chars=numer.end - num.start,
                    ambiguous_alone=False,
                    digit_sequence=False,
                )
    # A 又 X分之Y
    if mixed and j < n and text[j] == "又" and num.form == "number":
        k = _skip_spaces(text, j + 1)
        if k < n and is_numeral_start(text[k]):
            frac = _scan_unsigned(text, k, fractions="no_mixed")
            if frac is not None and frac.form == "fraction" and not frac.overflow:
                sign = -1 if num.value < 0 else 1
                return replace(
                    num,
                    end=frac.end,
                    value=num.value + sign * frac.value,
                    form="number",
                    n_chars=frac.end - num.start,
                    digit_sequence=False,
                    ambiguous_alone=False,
                )
    # a/b and 'a b/c' (Arabic only)
    if num.arabic and not num.chinese and not num.has_decimal and num.value_max is None:
        if end < n and text[end] in "/／":
            den = _scan_arabic(text, end + 1)[0] if end + 1 < n and text[end + 1] in _DIGIT_VALUE else None
            if den is not None and den.value != 0 and not den.has_dec:
                after = den.end
                if not (after < n and (text[after] in "/／" or text[after] in _DIGIT_VALUE)):
                    return replace(
                        num,
                        end=after,
                        value=num.value / den.value,
                        form="fraction",
                        n_chars=after - num.start,
                        digit_sequence=False,
                    )
        if end + 1 < n and text[end] == " " and text[end + 1] in _DIGIT_VALUE:
            tok, k = _scan_arabic(text, end + 1)
            if tok is not None and not tok.has_dec and k < n and text[k] in "/／":
                den = _scan_arabic(text, k + 1)[0] if k + 1 < n and text[k + 1] in _DIGIT_VALUE else None
                if den is not None and den.value != 0 and not den.has_dec:
                    after = den.end
                    if not (after < n and text[after] in "/／"):
                        sign = -1 if num.value < 0 else 1
                        return replace(
                            num,
                            end=after,
                            value=num.value + sign * tok.value / den.value,
                            form="fraction",
                            n_chars=after - num.start,
                            digit_sequence=False,
                        )
    return num


# ---------------------------------------------------------------------------
# whole-string helpers


def distribute_multiplier(low: Numeral, high: Numeral) -> tuple[Decimal, Decimal | None]:
    """Lower end of 'low-high' when high carries a trailing 万/亿 that low omits.

    2到3万 -> 20000 (and 20-30万, 一千到两千万); 从8500到3万 -> 8500 stays.
    Returns (low value, low value_max).
    """
    if (
        high.base is not None
        and high.multiplier > 1
        and low.multiplier == 1
        and low.base is None
        and not low.leading_unit
        and 0 < abs(low.value) < abs(high.base)
    ):
        lmax = low.value_max * high.multiplier if low.value_max is not None else None
        return low.value * high.multiplier, lmax
    return low.value, low.value_max


def _strip(s: str) -> str:
    return s.strip(" \u3000\t\r\n")


def parse_number(s: str) -> Number | None:
    """Value of a string that is exactly one numeral (三百五十, 3.5万, 二点五, 五分之一, 1,234)."""
    s = _strip(s)
    num = scan_numeral(s, 0)
    if num is None or num.overflow or num.end != len(s) or num.value_max is not None:
        return None
    if num.form == "percent" or num.leading_unit and num.value >= 10000:
        return None
    return to_number(num.value)


def parse_percent(s: str) -> Number | None:
    """Percent value of 百分之三十 / 30% / 三成 / 2.4个百分点-free forms; None otherwise."""
    s = _strip(s)
    num = scan_numeral(s, 0)
    if num is None or num.overflow:
        return None
    rest = s[num.end :].strip()
    if num.form == "percent" and not rest:
        return to_number(num.value)
    if num.form == "number" and rest in ("%", "％"):
        return to_number(num.value)
    if num.form == "number" and rest == "成":
        return to_number(num.value * 10)
    return None


def parse_range(s: str) -> tuple[Number, Number] | None:
    """(low, high) of a numeric range: 三四十万, 五六, 20-30万, 2到3万, 10至15, 八九亿."""
    s = _strip(s)
    first = scan_numeral(s, 0)
    if first is None or first.overflow:
        return None
    if first.value_max is not None and first.end == len(s):
        return to_number(first.value), to_number(first.value_max)
    j = _skip_spaces(s, first.end)
    for conn in tables().range_connectors:
        if s.startswith(conn, j):
            k = _skip_spaces(s, j + len(conn))
            second = scan_numeral(s, k)
            if second is None or second.overflow or second.end != len(s):
                return None
            low, _ = distribute_multiplier(first, second)
            high = second.value_max if second.value_max is not None else second.value
            if low > high:
                return None
            return to_number(low), to_number(high)
    return None


def parse_ordinal(s: str) -> int | None:
    """第三 -> 3, 第12 -> 12; None when s is not an ordinal."""
    s = _strip(s)
    if not s.startswith("第"):
        return None
    value = parse_number(s[1:])
    if isinstance(value, int) and value >= 0:
        return value
    return None


@lru_cache(maxsize=4096)
def numeral_value(s: str | None, allow_float: bool = False) -> Number | None:
    """The value of `s` when it is exactly one numeral, as dates and durations write them: 2019,
    二〇一九, 二十三, 廿一, 35,000, and with `allow_float` 2621.2 (else a number with a decimal
    point is None).  A run of two or more digit characters is read digit by digit (一二年 is 12,
    not the range one-or-two, as a two-digit year)."""
    if not s:
        return None
    if s.isascii() and s.isdigit():  # the common case, as parse_number reads it
        return int(s)
    if s.isascii() and "." in s:
        if not allow_float:
            return None
        value = parse_number(s)
        return float(value) if value is not None else None
    value = parse_number(s)
    if value is None:
        digits = tables().digits
        if len(s) > 1 and all(ch in digits for ch in s) and not set(s) & tables().liang_chars:
            return int("".join(str(digits[ch]) for ch in s))
        return None
    if isinstance(value, float) and not allow_float:
        return None
    return value


@lru_cache(maxsize=4096)
def numeral_int(s: str | None) -> int | None:
    """`numeral_value(s)` when it is a whole number (a year, month, day, count of units)."""
    value = numeral_value(s)
    return value if isinstance(value, int) else None
