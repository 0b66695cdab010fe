"""Unit tests for newsctl.numerals: Chinese, Arabic and mixed numerals, fractions, ranges."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.figures import find_figures
from newsctl.numerals import (
    parse_number,
    parse_ordinal,
    parse_percent,
    parse_range,
    scan_numeral,
)

_DIGITS = "零一二三四五六七八九"


def _section(n: int, leading: bool) -> str:
    """0 < n < 10000 in standard Chinese: 一千零五, 三百二十; 十五 (not 一十五) at the start."""
    out: list[str] = []
    pending_zero = False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // unit % 10
        if d == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if unit == 10 and d == 1 and leading and not out:
            out.append("十")
        else:
            out.append(_DIGITS[d] + char)
    return "".join(out)


def to_chinese(n: int) -> str:
    """A small integer-to-Chinese-numeral writer (n < 10**12), used only by these tests."""
    if n == 0:
        return "零"
    parts: list[str] = []
    gap = False
    for unit, char in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        chunk = n // unit % 10_000
        if not chunk:
            gap = bool(parts)
            continue
        text = _section(chunk, leading=not parts)
        if parts and (gap or chunk < 1000):
            text = "零" + text
        parts.append(text + char)
        gap = False
    return "".join(parts)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三百五十", 350),
        ("十五", 15),
        ("一千零五", 1005),
        ("一千零五十", 1050),
        ("四百五", 450),
        ("一万三", 13000),
        ("1万8", 18000),
        ("3千5", 3500),
        ("1万零8", 10008),
        ("1万5000", 15000),
        ("两千六", 2600),
        ("九万零四百", 90400),
        ("四千万零六千", 40006000),
        ("四万万", 400_000_000),
        ("二十一万亿", 21_000_000_000_000),
        ("十万柒仟捌佰伍拾肆", 107854),
        ("壹佰贰拾萬", 1_200_000),
        ("廿", 20),
        ("五百卅四", 534),
        ("二〇〇二", 2002),
        ("一九九八", 1998),
        ("零点零一", 0.01),
        ("二点五", 2.5),
        ("两千三点一", 2300.1),
        ("3.5万", 35000),
        ("1.2亿", 120_000_000),
        ("2千零30万", 20_300_000),
        ("1,050,000,000", 1_050_000_000),
        ("10,000.233", 10000.233),
        ("40k", 40000),
        ("-2.5 M", -2_500_000),
        ("负六点六", -6.6),
        ("21.2E0", 21.2),
        ("2^5", 32),
        ("五分之一", 0.2),
        ("三又三分之一", 3 + 1 / 3),
        ("3/5", 0.6),
        ("1 3/5", 1.6),
        ("一百分之五十五点五七九", 0.55579),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got is not None
    assert got == pytest.approx(value, rel=1e-9)


def test_integral_values_are_ints() -> None:
    assert isinstance(parse_number("4万"), int)
    assert parse_number("4万") == 40000
    assert isinstance(parse_number("3.5"), float)


@pytest.mark.parametrize("text", ["万", "萬萬", "陆地", "", "abc", "百分之三十"])
def test_not_a_plain_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("三．五倍", "3.5", 3),  # a full stop between Chinese digits before a unit
        ("四.二万人", "42000", 4),
        ("六·五倍", "6.5", 3),  # a middle dot before 倍 or a multiplier
        ("五·一节", "5", 1),  # elsewhere a middle dot joins a month and a day
        ("七．三", "7", 1),  # no unit after: not a decimal
        ("一.二.三公里", "1", 1),  # a run of dots numbers items
    ],
)
def test_dot_between_chinese_digits(text: str, value: str, end: int) -> None:
    num = scan_numeral(text, 0)
    assert num is not None and num.value == Decimal(value) and num.end == end


def test_a_little_is_not_one_point() -> None:
    # 快一点: "a little faster"; the Arabic number after it stands alone
    assert scan_numeral("跑快一点20多分钟", 2) is None
    num = scan_numeral("距离一点20公里", 2)
    assert num is not None and num.value == Decimal("1.2")
    num = scan_numeral("提高一点五倍", 2)
    assert num is not None and num.value == Decimal("1.5")


def test_liang_is_not_a_trailing_digit() -> None:
    # 三千两百两: the last 两 is the weight unit, not 3202
    num = scan_numeral("三千两百两", 0)
    assert num is not None and num.value == 3200 and num.end == 4


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("三四十万", 300_000, 400_000),
        ("五六", 5, 6),
        ("十五六", 15, 16),
        ("八九亿", 800_000_000, 900_000_000),
        ("三五百", 300, 500),
        ("20-30万", 200_000, 300_000),
        ("2到3万", 20000, 30000),
        ("10至15", 10, 15),
        ("一千到两千万", 10_000_000, 20_000_000),
        ("8500到3万", 8500, 30000),
        ("几十万", 100_000, 1_000_000),
    ],
)
def test_parse_range(text: str, low: int, high: int) -> None:
    assert parse_range(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("百分之三十", 30),
        ("30%", 30),
        ("三成", 30),
        ("百分之百", 100),
        ("千分之五", 0.5),
        ("百分之一 点五", 1.5),
    ],
)
def test_parse_percent(text: str, value: float) -> None:
    assert parse_percent(text) == pytest.approx(value)


def test_parse_ordinal() -> None:
    assert parse_ordinal("第三") == 3
    assert parse_ordinal("第12") == 12
    assert parse_ordinal("三") is None


def test_inner_more_is_approximate() -> None:
    num = scan_numeral("一千多万", 0)
    assert num is not None and num.value == 10_000_000 and num.approx == "more_than"


def test_long_runs_are_skipped_not_parsed() -> None:
    num = scan_numeral("1" * 10_000, 0)
    assert num is not None and num.overflow and num.end == 10_000
    num = scan_numeral("一" * 10_000, 0)
    assert num is not None and num.overflow


@pytest.mark.parametrize("numeral", ["一" * 29, "9" * 29, "一" * 27 + "亿"])
def test_figures_beyond_decimal_precision_are_no_figures(numeral: str) -> None:
    # decimal keeps 28 digits: value % 10 on a 29-digit value raises instead of answering
    for text in (numeral, numeral + "年代", numeral + "元"):
        assert find_figures(text) == []


def test_writer_sanity() -> None:
    assert to_chinese(10) == "十"
    assert to_chinese(1005) == "一千零五"
    assert to_chinese(120_000) == "十二万"
    assert to_chinese(100_000_001) == "一亿零一"


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


# The scanner memoises the scan of the run of numeral-like characters at a position (see
# scan_numeral): at any offset of any text it must give what a direct scan gives.
_SCAN_ALPHABET = (
    "零一二两三四五六十百千万亿兆廿几数多余个点分之又负-−－.．,，eE^+/／ 　kM0123456789０５克瓦时元人年的，%"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_SCAN_ALPHABET, min_size=1, max_size=40), st.data())
def test_memoised_scan_is_a_direct_scan(text: str, data: st.DataObject) -> None:
    from newsctl.numerals import _scan_signed

    pos = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    for fractions in (True, False):
        assert scan_numeral(text, pos, fractions) == _scan_signed(text, pos, fractions)


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        ("据说三千克", 2),  # a unit word (千克) reaches past the run
        ("共1,234人", 1),
        ("约负" + "一" * 60 + "人", 1),  # a sign, then a run too long to be a number
        ("负六兆亿兆拾数伍数5^^.%", 0),
        ("12.5万元", 0),
        ("3/5的人", 0),
    ],
)
def test_memoised_scan_examples(text: str, pos: int) -> None:
    from newsctl.numerals import _scan_signed

    assert scan_numeral(text, pos) == _scan_signed(text, pos)
    shifted = scan_numeral("啊啊" + text, pos + 2)
    direct = scan_numeral(text, pos)
    assert shifted is not None and direct is not None
    assert (shifted.start - 2, shifted.end - 2) == (direct.start, direct.end)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("－5", -5),  # a minus before digits
        ("-3.5", -3.5),
        ("负十", -10),  # Chinese writes a negative number in words with 负
        ("－十", None),  # a dash before a Chinese numeral is punctuation, not a sign
        ("-二十", None),
    ],
)
def test_sign_before_digits_only(text: str, value: float | None) -> None:
    found = scan_numeral(text, 0)
    assert (found.value if found else None) == (None if value is None else Decimal(str(value)))
