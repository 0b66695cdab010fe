"""Digits inside names (newsctl.figures_names): fund and product names held at every mention,
ordinals in the names of formal events, decimal numbers split by a typesetting space."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsctl.figures import find_figures
from newsctl.figures_names import drop_name_digits, formal_event_ordinal, join_spaced_decimals, name_spans


@dataclass
class _Found:
    start: int
    end: int
    unit: str | None


def _figures(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_figures(text)]


def test_a_name_before_its_listing_code_is_held_at_every_mention() -> None:
    text = "反向ETF宏远台湾50反1（00901R）大涨，宏远台湾50反1成交活跃。"
    later = text.rindex("50反1")
    candidates = [(later, later + 2), (later + 3, later + 4)]
    spans = name_spans(text, candidates)
    assert all(any(s <= a and b <= e for s, e in spans) for a, b in candidates)
    assert _figures(text) == []


def test_a_later_mention_must_be_the_whole_name() -> None:
    # 加权反1 is held; 加权反12 (another number) is not the same name
    assert _figures("宏远加权反1（00902R）上涨，某某加权反12下跌。") == ["12"]


def test_fund_designators_need_a_word_about_funds() -> None:
    assert _figures("这家公司提出了星河加权正2的说法。") == ["2"]
    assert _figures("这档ETF叫星河加权正2。") == []


def test_names_without_digits_are_not_held() -> None:
    text = "台积电（2330）今天上涨，2330这个数字。"
    at = text.rindex("2330")
    assert name_spans(text, [(at, at + 4)]) == []


def test_drop_name_digits_keeps_figures_with_a_unit() -> None:
    text = "买进500张宏远台湾50（00903）。"
    n = text.index("500")
    fifty = text.index("50（")
    found = [_Found(n, n + 4, "张"), _Found(fifty, fifty + 2, None)]
    assert drop_name_digits(text, found) == [found[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第七次全国人口普查", True),
        ("第二十次全国代表大会", True),
        ("第三次党代会", True),
        ("第5次审查", False),
        ("第二次会议", False),
        ("第一次，全国普查", False),  # the clause ends before the event's name
    ],
)
def test_formal_event_ordinal(text: str, expected: bool) -> None:
    end = text.index("次") + 1
    assert formal_event_ordinal(text, "次", end) is expected
    assert formal_event_ordinal(text, "届", end) is False


def test_formal_event_ordinal_is_dropped_from_figures() -> None:
    assert find_figures("他参加了第七次全国人口普查。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("超过２　．２万亿元", "超过０２．２万亿元"),
        ("共12 .5吨", "共012.5吨"),
        ("共12.5吨", "共12.5吨"),
        ("第1 2条", "第1 2条"),  # no decimal point: two numbers
        ("共２ .5吨", "共２ .5吨"),  # digits of two widths: not one number
    ],
)
def test_join_spaced_decimals(text: str, expected: str) -> None:
    assert join_spaced_decimals(text) == expected


@given(st.text(alphabet="12０２ 　.．万元亿超过", max_size=30))
def test_join_spaced_decimals_keeps_the_length_and_the_rest(text: str) -> None:
    joined = join_spaced_decimals(text)
    assert len(joined) == len(text)
    moved = set("0123456789０１２３４５６７８９ 　")
    # only digits and spaces move: the points, the units and the words stay where they were
    assert all(a == b or (a in moved and b in moved) for a, b in zip(text, joined))


def test_a_spaced_decimal_is_one_figure() -> None:
    text = "总额超过２　．２万亿元。"
    [figure] = find_figures(text)
    assert text[figure.start : figure.end] == "超过２　．２万亿元"
    assert figure.value == 2200000000000
    assert figure.approx == "more_than"
