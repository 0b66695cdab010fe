"""The fast paths of cleaning against the plain code they replace: width folding by
str.replace, the Han count by cutting out other runs, the readings table searched
by bisection."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsctl.clean import _HAN_RE, _han_count, _readings_of, _readings_table, fold_width

# Full-width forms, their neighbours just outside the folded range, ASCII, Han and astral.
_TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0xFF00, max_codepoint=0xFF60),
        st.sampled_from("ab1 ，。\n新闻網\U0002a6a5"),
        st.characters(),
    ),
    max_size=80,
)


def slow_fold_width(text: str) -> str:
    return re.sub("[\uff01-\uff5e]", lambda m: chr(ord(m.group()) - 0xFEE0), text)


@given(_TEXT)
def test_property_fold_width_is_the_per_character_fold(text: str) -> None:
    assert fold_width(text) == slow_fold_width(text)


def test_fold_width_examples() -> None:
    assert fold_width("２０２６年１２月８日，ＧＤＰ增长５％！") == "2026年12月8日,GDP增长5%!"
    assert fold_width("\uff00\uff5f新闻") == "\uff00\uff5f新闻"  # just outside the range: kept


@given(_TEXT)
def test_property_han_count_is_the_number_of_han_characters(text: str) -> None:
    assert _han_count(text) == len(_HAN_RE.findall(text))


def slow_readings_of(char: str) -> str | None:
    if len(char) != 1:
        return None
    table = _readings_table()
    at = table.find(f"\n{char}\t")
    if at < 0:
        return None
    return table[at + 3 : table.index("\n", at + 3)]


@given(
    st.one_of(
        st.characters(),
        st.characters(min_codepoint=0x3400, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x20000, max_codepoint=0x2FFFF),
        st.text(max_size=3),
    )
)
def test_property_readings_by_bisection_equal_the_scan(char: str) -> None:
    assert _readings_of(char) == slow_readings_of(char)


def test_readings_of_every_line_of_the_table() -> None:
    # Every character the table has (its line read directly), and characters just
    # outside it and at the ends of the code space.
    table = _readings_table()
    lines = dict(line.split("\t", 1) for line in table.strip("\n").split("\n"))
    for char, readings in lines.items():
        assert _readings_of(char) == readings, hex(ord(char))
    codes = sorted(map(ord, lines))
    for code in (0, 1, codes[0] - 1, codes[-1] + 1, 0x10FFFF):
        assert _readings_of(chr(code)) == slow_readings_of(chr(code)), hex(code)
