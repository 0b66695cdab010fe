"""Unit tests for newsctl.timeline (Chinese time expressions)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.region import Region
from newsctl.timeline import (  # private helpers: the pre-checks the speed rests on
    TimeMatch,
    events,
    find_times,
    grammar,
    patterns,
    prefilter,
    rxsource,
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


# --- grammar cases: tests/specs/timeline*.jsonl ------------------------------------------------------
#
# One case a line: `text`, `ref` (the reference date, ISO, or null), `expect` (every expression
# find_times should give, in text order: its `text` and any of type, value, start, end,
# granularity, modifier, anchor; start/end as ISO dates or datetimes), optionally `region` ("tw":
# a Taiwan article), and a `note` saying which
# rule of docs/timeline.md it checks. A case with `known_gap` (timeline_variants.jsonl: the suites'
# reading where newsctl reads otherwise) is expected to fail, strictly: once it passes, the test
# fails until the mark is removed.

SPECS = Path(__file__).parent / "specs"


def _spec_cases() -> list:
    cases = []
    for path in sorted(SPECS.glob("timeline*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                gap = case.get("known_gap")
                marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
                cases.append(pytest.param(case, id=f"{path.stem}:{n}:{case['text'][:20]}", marks=marks))
    return cases


def _as_spec(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.isoformat() if value.time() != dt.time() else value.date().isoformat()
    return value


def test_spec_files_exist() -> None:
    assert len(_spec_cases()) >= 100


@pytest.mark.parametrize("case", _spec_cases())
def test_spec(case: dict) -> None:
    ref = dt.datetime.fromisoformat(case["ref"]) if case["ref"] else None
    text = case["text"]
    region = Region(case["region"]) if case.get("region") else None
    found = find_times(text, ref, region=region, dateline=case.get("dateline"))
    got = [
        {"text": text[t.start_offset : t.end_offset]}
        | {key: _as_spec(getattr(t, key)) for key in want if key != "text"}
        for t, want in zip(found, case["expect"])
    ]
    assert got == case["expect"], case["note"]
    assert len(found) == len(case["expect"]), [text[t.start_offset : t.end_offset] for t in found]


# --- the seed article ------------------------------------------------------------------------------------

SEED = Path(__file__).parent.parent / "seeds" / "000_1af901b8fa6e4dc4.txt"
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü]+\)")


def _clean(raw: str) -> str:
    try:
        from newsctl.clean import clean_text  # type: ignore[attr-defined]

        return clean_text(raw).text
    except ImportError:
        import opencc

        text = opencc.OpenCC("t2s").convert(_PINYIN.sub("", raw))
        return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)


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
    assert [(t.type, t.value) for t in got["多年"]] == [("duration", "PXY")] * 2
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
            assert scan_rx.match(s, i) or scan._pair_rx().match(s, i), (s, i)
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


def test_prefilters_read_every_timeline_pattern_whole() -> None:
    """The prefilters read regex source themselves (`rxsource`); a construct it does not know
    widens a pattern to 'anything may match', which costs speed silently: none may."""
    sources = [rx.pattern for rx in patterns._rx().values()]
    sources += [rule for rules in scan._entry_rules().values() for rule in rules]
    for source in sources:
        rxsource.parse(source)  # raises on a construct it does not take apart


#: pieces of regex source the timeline patterns are made of, for random patterns
_RX_ATOMS = ["年", "月", "[0-9]", r"\d", r"\s", "[^年]", ".", "[一二三]", "[年月-]", r"\-", r"\u5e74"]
_RX_ZERO_WIDTH = ["(?=月)", "(?!年)", "(?<=1)", "(?<!x)", "^", "$", r"\b"]
_RX_QUANTIFIERS = ["", "", "?", "*", "+", "{1,2}", "{0,1}", "??", "*?", "{2}"]


def _rx_source(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    quantified = st.tuples(inner, st.sampled_from(_RX_QUANTIFIERS)).map("".join)
    item = st.one_of(quantified, st.sampled_from(_RX_ZERO_WIDTH))
    sequence = st.lists(item, min_size=1, max_size=4).map("".join)
    return st.one_of(
        st.lists(sequence, min_size=1, max_size=3).map(lambda alts: "(?:%s)" % "|".join(alts)),
        sequence.map("({})".format),
    )


_RX_SOURCES = st.recursive(st.sampled_from(_RX_ATOMS), _rx_source, max_leaves=8).map(
    lambda source: source + ""
)


@settings(max_examples=500, deadline=None)
@given(_RX_SOURCES, st.text(alphabet="年月12一二 -x", max_size=6))
def test_prefilter_shapes_never_drop_a_match(source: str, text: str) -> None:
    """Whatever a regex matches at the start of a text, its shape (read by `rxsource`) allows."""
    m = re.compile(source).match(text)
    if m is None:
        return
    shape = prefilter._shape(source)
    if m.end() == 0:
        assert shape.nullable, (source, text)
        return
    assert prefilter._has(shape.first, text[0]), (source, text)
    if m.end() == 1:
        assert shape.nullable or prefilter._has(shape.single, text[0]), (source, text)
    else:
        assert shape.nullable or any(
            prefilter._has(a, text[0]) and prefilter._has(b, text[1]) for a, b in shape.pairs
        ), (source, text)


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


# --- numerals as dates and durations write them (newsctl.numerals, the one numeral parser) ----------


@pytest.mark.parametrize(
    ("text", "allow_float", "value"),
    [
        ("2019", False, 2019),
        ("二〇一九", False, 2019),
        ("一二", False, 12),  # a two-digit year written digit by digit, not 'one or two'
        ("二十三", False, 23),
        ("廿一", False, 21),
        ("35,000", False, 35000),
        ("2621.2", False, None),
        ("2621.2", True, 2621.2),
        ("1.0", True, 1.0),
        ("三四十", False, None),
        ("两三", False, None),
        ("", False, None),
    ],
)
def test_numeral_value(text: str, allow_float: bool, value: float | None) -> None:
    from newsctl.numerals import numeral_value

    got = numeral_value(text, allow_float)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize(
    ("year", "term", "day"),
    [
        (2023, "冬至", "2023-12-22"),
        (2024, "冬至", "2024-12-21"),
        (2025, "立春", "2025-02-03"),
        (2024, "清明", "2024-04-04"),
        # years where the formula alone is a day off
        (2021, "冬至", "2021-12-21"),
        (2019, "小寒", "2019-01-05"),
        (2026, "雨水", "2026-02-18"),
        (2008, "小满", "2008-05-21"),
        (2016, "小暑", "2016-07-07"),
        (2002, "立秋", "2002-08-08"),
    ],
)
def test_solar_term_dates(year: int, term: str, day: str) -> None:
    from newsctl.timewords import solar_term

    found = solar_term(year, term)
    assert found is not None and found.date().isoformat() == day


# --- kinds of issue 20 (tests/data/timeline_kinds.jsonl names the kinds) -----------------------------


def test_bare_hao_standing_as_a_date() -> None:
    ref = D(2024, 5, 25)
    assert [
        (x, t.value)
        for x, t in zip(
            spans("但被拒绝。18号，双方再次会面。", ref), find_times("但被拒绝。18号，双方再次会面。", ref)
        )
    ] == [("18号", "2024-05-18")]
    assert [t.value for t in find_times("节目《夜未央》，26号的播出内容为", ref)] == ["2024-05-26"]
    # a number, not a day: not at a clause's start, or not before a clause mark, 的 or 起
    assert spans("他身穿23号，出场三次。", ref) == []
    assert spans("5号出场的选手。", ref) == []
    assert spans("1号、2号机组。", ref) == []


def test_midnight_twelve_ends_the_day() -> None:
    ref = D(2023, 12, 31)
    assert one("午夜12点，钟声敲响。", ref).start == D(2024, 1, 1)
    assert one("半夜12点多，他回到家。", ref).start == D(2024, 1, 1)
    assert one("午夜0点，新规生效。", ref).start == D(2023, 12, 31)  # 0点 begins the day
    assert one("凌晨零点，烟花升起。", ref).start == D(2023, 12, 31)


def test_since_until_pair_is_one_range() -> None:
    t = one("活动自5月1日起至6月30日止。", D(2024, 4, 20))
    assert (t.type, iv(t)) == ("range", (D(2024, 5, 1), D(2024, 7, 1)))
    assert spans("活动自5月1日起至6月30日止。", D(2024, 4, 20)) == ["自5月1日起至6月30日止"]
    assert spans("即日起到7月5日报名。", D(2017, 6, 28)) == ["即日起到7月5日"]


def test_same_period_of_a_named_year() -> None:
    text = "2023年上半年，营收30亿元，与2022年同期持平。"
    found = find_times(text, D(2024, 5, 25))
    assert [(text[t.start_offset : t.end_offset], t.value) for t in found] == [
        ("2023年上半年", "2023-H1"),
        ("2022年同期", "2022-H1"),
    ]
    # with no period before it, the year alone
    assert [t.value for t in find_times("比2019年同期增长", D(2024, 5, 25))] == ["2019"]


def test_minutes_written_fen_after_hours() -> None:
    assert one("这场手术历时8小时30分。").value == "PT8H30M"
    assert one("耗时两个小时二十分").value == "PT2H20M"
    assert spans("比分是十分接近") == []  # 分 alone stays 'very' / points


def test_japanese_era_years() -> None:
    assert one("日本政府在平成31年4月公布新年号。").value == "2019-04"
    assert one("昭和二十年八月，日本投降。").value == "1945-08"
    assert spans("明治维新后") == []


def test_hours_after_a_reference_time_is_one_moment() -> None:
    t = one("3小时后将发布新的预警。", D(2024, 5, 25, 10, 30))
    assert (t.value, t.start) == ("2024-05-25T13:30", D(2024, 5, 25, 13, 30))


def test_programme_and_added_quarter_are_no_times() -> None:
    ref = D(2017, 11, 30)
    assert spans("日本电视台的深夜节目《夜未央》", ref) == []  # a kind of programme
    assert spans("深夜两点，他回到家。", ref) != []
    tw = Region("tw")
    assert find_times("加上季线仍持续走扬", ref, region=tw) == []  # 加上 + 季线, no last quarter
    assert [t.value for t in find_times("营收较上季成长", ref, region=tw)] == ["2017-Q3"]


def test_year_before_goods_words() -> None:
    ref = D(2023, 11, 16)
    assert [t.value for t in find_times("2021年货柜量达980万", ref)] == ["2021"]
    assert [t.value for t in find_times("110年货柜量达980万", ref, region=Region("tw"))] == ["2021"]
    assert find_times("市民采购年货。", ref) == []  # 年货: New Year goods


def test_qi_before_a_verb_character() -> None:
    t = one("检方昨天起诉被告。", D(2023, 11, 16))
    assert (t.value, t.modifier) == ("2023-11-15", None)
    assert one("新规明天起实施。", D(2023, 11, 16)).modifier == "since"


def test_that_day_years_back() -> None:
    ref = D(2017, 6, 28)
    assert [
        (x, t.value)
        for x, t in zip(
            spans("四年前的今天，他被送进禁闭室。", ref), find_times("四年前的今天，他被送进禁闭室。", ref)
        )
    ] == [("四年前的今天", "2013-06-28")]
    assert [t.value for t in find_times("去年的今天，他还在上学。", ref)] == ["2016-06-28"]
    assert [t.value for t in find_times("10年前，他来到这里。", ref)] == ["2007"]


def test_spaced_month_range_after_a_year() -> None:
    t = one("今年 1 - 10 月，全市新增就业 8 万人。", D(2023, 11, 16))
    assert (t.type, iv(t)) == ("range", (D(2023, 1, 1), D(2023, 11, 1)))


def test_lunar_festival_after_a_lunar_date_takes_its_lunar_year() -> None:
    text = "腊月二十三是北方的小年。"  # 二十三: a lunar day; 小年 in the lunar year of that 腊月
    assert [t.value for t in find_times(text, D(2021, 12, 28))] == ["2022-01-25", "2022-01-25"]


def test_month_part_standing_alone() -> None:
    ref = D(2021, 8, 12)
    t = one("检测持续到月底。", ref)
    assert (t.value, t.modifier) == ("2021-08", "end")
    assert spans("在岁月中沉淀", ref) == []
    assert spans("他们还在蜜月中。", ref) == []


def test_every_occurrence_of_a_weekday() -> None:
    assert one("每逢周末，公园里游人如织。", D(2021, 8, 12)).type == "set"
    assert spans("每逢周三、周日消费满450元", D(2017, 6, 28)) == ["每逢周三、周日"]


def test_lower_count_does_not_reach_into_the_expression_before() -> None:
    found = find_times("周1-十周", None)  # found by the property test: 周1 and then 1-十周 overlapped
    assert len(found) == 2 and found[0].end_offset <= found[1].start_offset


def test_a_bare_day_after_a_narrative_link_continues_the_date_before() -> None:
    # made-up sentences: 接着 opening the next clause of the same sentence carries the story on
    def values(text: str) -> list[str | None]:
        return [t.value for t in find_times(text, REF)]

    assert values("展览7月5日开幕，接着13日移至外地展出。") == ["2020-07-05", "2020-07-13"]
    # no link, an earlier day, or another clause between: the publication's month, as before
    assert values("展览7月5日开幕，13日移至外地展出。") == ["2020-07-05", "2020-05-13"]
    assert values("展览7月25日开幕，接着3日移至外地展出。") == ["2020-07-25", "2020-05-03"]
    assert values("展览7月5日开幕，观众很多，接着13日移至外地。") == ["2020-07-05", "2020-05-13"]
