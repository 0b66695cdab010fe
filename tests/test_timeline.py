"""Unit tests for newsctl.timeline (Chinese time expressions)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.timeline import (  # private helpers: the pre-checks the speed rests on
    TimeMatch,
    events,
    find_times,
    grammar,
    patterns,
    prefilter,
    scan,
)

REF = dt.datetime(2020, 5, 20, 11, 9, 5)  # a Wednesday
D = dt.datetime


def one(text: str, ref: dt.datetime | None = REF) -> TimeMatch:
    found = find_times(text, ref)
    assert len(found) == 1, [(text[t.start_offset : t.end_offset], t.value) for t in found]
    return found[0]


def spans(text: str, ref: dt.datetime | None = REF) -> list[str]:
    return [text[t.start_offset : t.end_offset] for t in find_times(text, ref)]


def iv(t: TimeMatch) -> tuple[dt.datetime | None, dt.datetime | None]:
    return t.start, t.end


# --- absolute dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2019年11月5日",
        "2019-11-05",
        "2019/11/05",
        "2019.11.05",
        "二〇一九年十一月五日",
        "２０１９年１１月５日",
        "20191105",
    ],
)
def test_absolute_day_forms(text: str) -> None:
    t = one(text)
    assert (t.type, t.value, t.granularity, t.anchor) == ("date", "2019-11-05", "day", "absolute")
    assert iv(t) == (D(2019, 11, 5), D(2019, 11, 6))
    assert (t.start_offset, t.end_offset) == (0, len(text))


def test_year_and_month() -> None:
    t = one("2019年11月")
    assert (t.value, t.granularity) == ("2019-11", "month")
    assert iv(t) == (D(2019, 11, 1), D(2019, 12, 1))
    t = one("2019年")
    assert (t.value, t.granularity) == ("2019", "year")


def test_datetime_with_clock() -> None:
    t = one("2019年11月5日下午3点")
    assert (t.type, t.value) == ("datetime", "2019-11-05T15")
    t = one("2019-05-27 09:36:46")
    assert t.start == D(2019, 5, 27, 9, 36, 46)
    assert t.granularity == "second"


# --- partial dates and context ------------------------------------------------------------


def test_partial_dates_take_publication_year() -> None:
    t = one("5月20日")
    assert (t.value, t.anchor) == ("2020-05-20", "publication")
    assert one("10月").value == "2020-10"
    assert one("20日").value == "2020-05-20"


def test_partial_dates_take_context() -> None:
    text = "2019年4月和10月，两次召开会议。20日，又召开会议。"
    found = find_times(text, REF)
    assert [t.value for t in found] == ["2019-04", "2019-10", "2019-10-20"]
    assert found[1].anchor == "context"


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("同日", "2019-03-08"),
        ("当天", "2019-03-08"),
        ("次日", "2019-03-09"),
        ("当月", "2019-03"),
        ("同年", "2019"),
    ],
)
def test_anaphoric_words(word: str, value: str) -> None:
    found = find_times("2019年3月8日发生地震。" + word + "，救援展开。", REF)
    assert [t.value for t in found] == ["2019-03-08", value]
    assert found[1].anchor == "context"


def test_reference_is_not_publication() -> None:
    t = find_times("昨天", REF, reference_is_publication=False)[0]
    assert (t.anchor, t.value) == ("reference", "2020-05-19")


def test_no_reference_leaves_relative_unresolved() -> None:
    t = one("去年", None)
    assert t.start is None and t.end is None
    assert one("2019年", None).start == D(2019, 1, 1)


# --- relative expressions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "start", "end"),
    [
        ("今年", D(2020, 1, 1), D(2021, 1, 1)),
        ("去年", D(2019, 1, 1), D(2020, 1, 1)),
        ("前年", D(2018, 1, 1), D(2019, 1, 1)),
        ("明年", D(2021, 1, 1), D(2022, 1, 1)),
        ("上月", D(2020, 4, 1), D(2020, 5, 1)),
        ("本月", D(2020, 5, 1), D(2020, 6, 1)),
        ("下月", D(2020, 6, 1), D(2020, 7, 1)),
        ("上周", D(2020, 5, 11), D(2020, 5, 18)),
        ("本周", D(2020, 5, 18), D(2020, 5, 25)),
        ("昨天", D(2020, 5, 19), D(2020, 5, 20)),
        ("前天", D(2020, 5, 18), D(2020, 5, 19)),
        ("今日", D(2020, 5, 20), D(2020, 5, 21)),
        ("三年前", D(2017, 1, 1), D(2018, 1, 1)),
        ("两个月后", D(2020, 7, 1), D(2020, 8, 1)),
    ],
)
def test_relative(word: str, start: dt.datetime, end: dt.datetime) -> None:
    t = one(word)
    assert iv(t) == (start, end)
    assert t.anchor == "publication"


@pytest.mark.parametrize("word", ["近日", "日前", "此前"])
def test_vague_past(word: str) -> None:
    t = one(word)
    assert t.value == "PAST_REF"


def test_present_and_until_now() -> None:
    assert one("目前").start == REF
    t = one("截至目前")
    assert (t.start, t.end, t.modifier) == (None, REF, "until")
    t = one("至今")
    assert t.end == REF


# --- coordination and ranges ------------------------------------------------------------------


def test_ranges() -> None:
    t = one("4月至6月")
    assert (t.type, iv(t)) == ("range", (D(2020, 4, 1), D(2020, 7, 1)))
    t = one("2018年至2020年")
    assert iv(t) == (D(2018, 1, 1), D(2021, 1, 1))
    t = one("从2018年3月到2019年6月")
    assert iv(t) == (D(2018, 3, 1), D(2019, 7, 1))
    t = one("2017年8月11日至8月22日")
    assert iv(t) == (D(2017, 8, 11), D(2017, 8, 23))
    t = one("2018年2——4月")
    assert iv(t) == (D(2018, 2, 1), D(2018, 5, 1))


def test_since_until_before_after() -> None:
    t = one("2019年以来")
    assert (t.type, t.modifier, iv(t)) == ("range", "since", (D(2019, 1, 1), REF))
    t = one("截至2019年底")
    assert (t.modifier, t.start, t.end) == ("until", None, D(2020, 1, 1))
    t = one("2015年以前")
    assert (t.modifier, iv(t)) == ("before", (D(2015, 1, 1), D(2016, 1, 1)))
    t = one("2015年之后")
    assert t.modifier == "after"
    t = one("2035年前")
    assert (t.modifier, iv(t)) == ("before", (REF, D(2036, 1, 1)))  # a deadline


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("10月上旬", D(2020, 10, 1), D(2020, 10, 11)),
        ("10月中旬", D(2020, 10, 11), D(2020, 10, 21)),
        ("10月下旬", D(2020, 10, 21), D(2020, 11, 1)),
        ("10月底", D(2020, 10, 25), D(2020, 11, 1)),
        ("一季度", D(2020, 1, 1), D(2020, 4, 1)),
        ("2019年前三季度", D(2019, 1, 1), D(2019, 10, 1)),
        ("上半年", D(2020, 1, 1), D(2020, 7, 1)),
        ("2019年下半年", D(2019, 7, 1), D(2020, 1, 1)),
        ("年初", D(2020, 1, 1), D(2020, 3, 1)),
        ("年底", D(2020, 11, 1), D(2021, 1, 1)),
        ("2019年末", D(2019, 11, 1), D(2020, 1, 1)),
    ],
)
def test_parts_of_periods(text: str, start: dt.datetime, end: dt.datetime) -> None:
    assert iv(one(text)) == (start, end)


# --- times of day, weekdays, festivals ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("上午9时", D(2020, 5, 20, 9)),
        ("下午3点半", D(2020, 5, 20, 15, 30)),
        ("11:09", D(2020, 5, 20, 11, 9)),
        ("晚8时", D(2020, 5, 20, 20)),
        ("凌晨", D(2020, 5, 20, 0)),
        ("昨晚10点", D(2020, 5, 19, 22)),
    ],
)
def test_times_of_day(text: str, start: dt.datetime) -> None:
    t = one(text)
    assert t.start == start
    assert t.type == "datetime"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("周一", D(2020, 5, 18)),
        ("星期三", D(2020, 5, 20)),
        ("周日", D(2020, 5, 24)),
        ("下周三", D(2020, 5, 27)),
        ("上周五", D(2020, 5, 15)),
    ],
)
def test_weekdays_in_reference_week(text: str, day: dt.datetime) -> None:
    assert iv(one(text)) == (day, day + dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("元旦", D(2020, 1, 1)),
        ("国庆", D(2020, 10, 1)),
        ("国庆节", D(2020, 10, 1)),
        ("春节", D(2020, 1, 25)),
        ("中秋节", D(2020, 10, 1)),
        ("2019年春节", D(2019, 2, 5)),
    ],
)
def test_festivals(text: str, day: dt.datetime) -> None:
    assert one(text).start == day


def test_anniversary() -> None:
    text = "举办庆祝新中国成立70周年文艺晚会"
    t = one(text)
    assert text[t.start_offset : t.end_offset] == "70周年"
    assert (t.type, t.value, t.granularity, iv(t)) == ("date", "2019", "year", (D(2019, 1, 1), D(2020, 1, 1)))


# --- durations and sets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("三年", "三年", "P3Y"),
        ("两个月", "两个月", "P2M"),
        ("连续三年获奖", "三年", "P3Y"),
        ("多年", "多年", "P?Y"),
        ("两年半", "两年半", "P2.5Y"),
        ("半小时", "半小时", "PT30M"),
    ],
)
def test_durations(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.type, t.value, text[t.start_offset : t.end_offset]) == ("duration", value, span)
    assert t.start is None and t.end is None


@pytest.mark.parametrize(
    ("text", "value"), [("每季度", "P3M"), ("每月", "P1M"), ("每周", "P1W"), ("每年", "P1Y")]
)
def test_sets(text: str, value: str) -> None:
    t = one(text)
    assert (t.type, t.value, t.start, t.end) == ("set", value, None, None)


# --- not time ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "制定时间表",
        "在做好工作的同时",
        "一时难以决定",
        "十分重要",
        "增长七点三个百分点",
        "文艺晚会",
        "拨打0531-66661234",
        "91岁离休干部",
        "第一时间赶到",
        "这个玩具一点都不好玩",
        "财税36号文",
        "以下三点",
    ],
)
def test_not_time(text: str) -> None:
    assert spans(text) == []


# --- the seed article ------------------------------------------------------------------------------------

SEED = Path("/work/shared/seeds/000_1af901b8fa6e4dc4.txt")
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]+\)")


def _clean(raw: str) -> str:
    try:
        from newsctl.clean import clean_text  # type: ignore[attr-defined]

        return clean_text(raw).text
    except ImportError:
        import opencc

        text = opencc.OpenCC("t2s").convert(_PINYIN.sub("", raw))
        return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article() -> None:
    text = _clean(SEED.read_text(encoding="utf-8"))
    found = find_times(text, REF)
    got = {}
    for t in found:
        got.setdefault(text[t.start_offset : t.end_offset], []).append(t)
    since = got["2019年以来"][0]
    assert (since.type, since.modifier, iv(since)) == ("range", "since", (D(2019, 1, 1), REF))
    assert [t.value for t in got["2019年11月"]] == ["2019-11"]
    assert [(t.type, t.value) for t in got["每季度"] + got["每月"] + got["每周"]] == [
        ("set", "P3M"),
        ("set", "P1M"),
        ("set", "P1W"),
    ]
    assert [t.value for t in got["2019年"]] == ["2019"] * 3
    until = got["截至目前"][0]
    assert (until.modifier, until.end) == ("until", REF)
    assert [(t.type, t.value) for t in got["70周年"]] == [("date", "2019")]
    assert [(t.type, t.value) for t in got["多年"]] == [("duration", "P?Y")] * 2
    assert [t.value for t in got["2019年4月"]] == ["2019-04"]
    assert [(t.value, t.anchor) for t in got["10月"]] == [("2019-10", "context")]
    assert [(t.type, t.value) for t in got["三年"]] == [("duration", "P3Y")]
    # nothing else but the header and the dateline
    assert set(got) - {"2020-05-20 11:09:05", "5月20日"} == {
        "2019年以来",
        "2019年11月",
        "每季度",
        "每月",
        "每周",
        "2019年",
        "截至目前",
        "70周年",
        "多年",
        "2019年4月",
        "10月",
        "三年",
    }
    assert "山东省政府办公厅全力抓实文明创建各项工作" in (since.event or "")


# --- properties -----------------------------------------------------------------------------------

_ALPHABET = (
    "0123456789年月日号周时点分秒上下前后今明去本每至到-/.:"
    "以来截至目前初底旬季度半一二三十〇两个多天星期，。 \n"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=60), st.booleans())
def test_property_no_crash_and_sane(text: str, with_ref: bool) -> None:
    found = find_times(text, REF if with_ref else None)
    last = -1
    for t in found:
        assert 0 <= t.start_offset < t.end_offset <= len(text)
        assert t.start_offset >= last  # text order, no overlaps
        last = t.end_offset
        if t.start is not None and t.end is not None:
            assert t.start < t.end
        assert t.type in ("date", "datetime", "range", "duration", "set")


def test_pathological_input_gives_well_formed_results() -> None:
    # Speed on such input is measured by bench/linear.py, not here.
    for text in ("2019年" * 2000, "一" * 10000, "1" * 10000, "2019-" * 2000, "多" * 10000):
        for t in find_times(text, REF):
            assert 0 <= t.start_offset < t.end_offset <= len(text)


# ---------------------------------------------------------------------------
# news text: events as anchors, Taiwanese dates in parentheses


@pytest.mark.parametrize(
    "text", ["两人婚后3年才有了孩子。", "他毕业后两年进了工厂。", "他们结婚5年后分开了。"]
)
def test_years_after_an_event_are_a_duration(text: str) -> None:
    found = find_times(text, REF)
    assert [(t.type, t.start, t.end) for t in found] == [("duration", None, None)]
    assert found[0].value in ("P3Y", "P2Y", "P5Y")


def test_years_later_from_the_reference() -> None:
    t = one("他说，两年后工程将完工。")
    assert (t.type, t.value) == ("date", "2022")


def test_all_day_is_not_a_date_in_running_text() -> None:
    assert spans("比赛全天进行，观众很多。") == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("警方昨（19）日表示，案件已侦破。", dt.datetime(2020, 5, 19)),
        ("市府今(20)日宣布新措施。", dt.datetime(2020, 5, 20)),
        ("厂商昨（30）日公布营收。", dt.datetime(2020, 4, 30)),  # the day before the reference's month
        ("公司明（2021）年将扩厂。", dt.datetime(2021, 1, 1)),
        ("去（108）年营收创新高。", dt.datetime(2019, 1, 1)),  # a year of the Republic of China
    ],
)
def test_relative_word_with_explicit_date_in_parentheses(text: str, start: dt.datetime) -> None:
    t = find_times(text, REF)[0]
    assert t.start == start
    assert t.type == "date"
    assert text[t.start_offset] in "昨今明去"


def test_present_ref_of_a_date_only_reference_is_that_day() -> None:
    t = find_times("目前工程进展顺利。", dt.datetime(2020, 5, 20))[0]
    assert (t.type, t.value, t.granularity) == ("datetime", "PRESENT_REF", "day")
    assert (t.start, t.end) == (dt.datetime(2020, 5, 20), dt.datetime(2020, 5, 21))
    assert one("目前").granularity == "second"  # a reference with a time of day keeps it


# --- the pre-checks that skip regexes and positions must never skip a match ------------------------

_WORDS = sorted(
    {
        w
        for key in (
            "rel_year",
            "rel_month",
            "rel_day",
            "rel_quarter",
            "day_with_part",
            "dayparts",
            "negatives",
        )
        for w in patterns._vocab()[key]
    }
    | set(patterns._vocab()["solar_festivals"])
    | set(patterns._vocab()["lunar_festivals"])
)
_CHUNKS = (
    sorted(
        set(_ALPHABET + "农历闰正腊民国世纪代年初末的第每隔约近过去最从自截止直今昨（）()~—、,Qq号秒钟晚早夜")
    )
    + _WORDS
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CHUNKS), max_size=14).map("".join))
def test_prefilters_keep_every_position_and_regex_that_matches(text: str) -> None:
    s = patterns._fold(text)
    components, entries, scan_rx = prefilter._component_keys(), scan._entries(), scan._scan_rx()
    for i in range(len(s)):
        keys = components.at(s, i)
        assert all(key in keys for key, rx in patterns._rx().items() if rx.match(s, i)), (s, i)
        kept = {(name, rx.pattern) for name, rules in entries.at(s, i) for rx in rules}
        matching = [
            (name, rule)
            for name, rules in scan._entry_rules().items()
            for rule in rules
            if re.compile(rule).match(s, i)
        ]
        assert set(matching) <= kept, (s, i)
        prev = s[i - 1] if i else ""
        inside_number = prev and (
            (s[i].isdigit() and (prev.isdigit() or (prev.isascii() and prev.isalpha())))
            or (prev in patterns._CN and s[i] in patterns._CN)
        )
        if matching and s[i] in scan._trigger_chars() and not inside_number:
            assert scan_rx.match(s, i), (s, i)
        for gate, rx in (
            (grammar._INT_MAY_BEGIN, patterns._RX_INT),
            (grammar._CONN_MAY_BEGIN, patterns._RX_CONN),
            (grammar._SUFFIX_MAY_BEGIN, grammar._Parser._SUFFIX),
            (grammar._DURATION_MAY_BEGIN, grammar._Parser._DUR_RX),
            (grammar._PREFIX_MAY_BEGIN, patterns._RX_PREFIX),
            (grammar._DURATION_PREFIX_MAY_BEGIN, patterns._RX_DUR_PRE),
            (grammar._DURATION_SUFFIX_MAY_BEGIN, patterns._RX_DUR_SUF),
        ):
            if rx.match(s, i):
                assert gate[s[i]], (s, i, rx.pattern)


def test_prefilter_candidate_index_skips_no_regex() -> None:
    """`_Prefilter.after` looks only at the patterns its first-character index names: the same
    list as looking at every pattern, for every trigger character and a few others."""
    chars = sorted(scan._trigger_chars() | set("的，。 \n\u3000a.:-/（(秒钟号"))
    for table in (prefilter._component_keys(), scan._entries()):
        for ch in chars:
            everyone = prefilter._Prefilter(table._patterns, table._build)
            everyone._candidates = {"": list(range(len(table._patterns)))}  # no index: every one
            assert table.after(ch) == everyone.after(ch), ch


def _event_by_search(text: str, folded: str, s: int, e: int) -> str | None:
    """`_event` as it was written with regex searches (forwards and over the reversed text)."""
    n, backwards, boundary_rx = len(text), folded[::-1], patterns._BOUNDARY
    m = boundary_rx.search(backwards, n - s, n - max(0, s - 121))
    a = max(n - m.start(), s - 120) if m else max(0, s - 120)
    m = boundary_rx.search(folded, e, e + 120)
    boundary = m.start() if m else None
    b = boundary if boundary is not None else min(n, e + 120)
    gap = max(text.rfind(" ", a, s), text.rfind("\u3000", a, s))
    if gap >= 0 and text[a:gap].strip():
        a = gap + 1
    clause = None
    if events._RX_EVENT_NOTHING.fullmatch(text, e, b):
        if boundary is None:
            m = boundary_rx.search(folded, e + 120)
            boundary = m.start() if m else None
        if boundary is not None:
            m = boundary_rx.search(folded, boundary + 1)
            clause = text[b + 1 : min(m.start() if m else n, b + 121)]
    if clause is None:
        clause = text[a:b]
    return clause.strip(" \t\u3000,，。；;:：") or None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["，", "。", ",", "\n", " ", "\u3000", "年", "月", "和", "3", "开会", "x" * 60]),
        max_size=20,
    ),
    st.data(),
)
def test_event_boundaries_by_bisection_match_the_searches(parts: list[str], data: st.DataObject) -> None:
    text = "".join(parts)
    if not text:
        return
    folded = patterns._fold(text)
    bounds = [m.start() for m in patterns._BOUNDARY.finditer(folded)]
    s = data.draw(st.integers(0, len(text) - 1))
    e = data.draw(st.integers(s + 1, len(text)))
    assert events._event(text, bounds, s, e) == _event_by_search(text, folded, s, e)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_CHUNKS), max_size=10).map("".join))
def test_grouped_alternation_matches_like_the_plain_one(text: str) -> None:
    words = ["截至", "截止到", "截止", "至今", "至", "到目前为止", "到", "今后", "今", "后"]
    grouped, plain = re.compile(patterns._grouped(words)), re.compile("|".join(words))
    for i in range(len(text) + 1):
        a, b = grouped.match(text, i), plain.match(text, i)
        assert (a and a.group(0)) == (b and b.group(0))


def test_fold_is_the_translation_table() -> None:
    text = "２０１９年１１月５日　週一，國慶節後○時︰３０"
    assert patterns._fold(text) == text.translate(patterns._fold_table())
