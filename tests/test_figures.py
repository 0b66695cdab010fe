"""Unit tests for newsctl.figures: one test group per figure kind and per exclusion, plus the seed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsctl.figures import FigureMatch, find_figures

ROOT = Path(__file__).resolve().parents[1]


def _one(text: str) -> FigureMatch:
    figs = find_figures(text)
    assert len(figs) == 1, figs
    return figs[0]


def _surfaces(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_figures(text)]


# ---------------------------------------------------------------------------
# kinds


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "currency"),
    [
        ("上交特殊党费4万元。", "4万元", 40000, "元", "CNY"),
        ("投资3541.07万元", "3541.07万元", 35_410_700, "元", "CNY"),
        ("中国资金净流出1200亿美元", "1200亿美元", 120_000_000_000, "美元", "USD"),
        ("港币两千九百六十元", "港币两千九百六十元", 2960, "元", "HKD"),
        ("50元6角三分", "50元6角三分", 50.63, "元", "CNY"),
        ("一百三十五块六角七分钱", "一百三十五块六角七分钱", 135.67, "块", "CNY"),
        ("壹佰壹拾壹圆整", "壹佰壹拾壹圆整", 111, "圆", "CNY"),
        ("三万元欧元", "三万元欧元", 30000, "元", "EUR"),
    ],
)
def test_money(text: str, surface: str, value: float, unit: str, currency: str) -> None:
    fig = _one(text)
    assert (text[fig.start : fig.end], fig.kind, fig.unit, fig.currency) == (surface, "money", unit, currency)
    assert fig.value == pytest.approx(value)


def test_local_yuan_follows_the_stated_currency() -> None:
    figs = find_figures("今年经费约新台币650万元,较去年多出80万元。")
    assert [f.currency for f in figs] == ["TWD", "TWD"]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("注册率达到100%,", 100, "%"),
        ("百分之三十的人", 30, "%"),
        ("赞助收入占六成以上", 60, "%"),
        ("比上年提高1.7个百分点", 1.7, "个百分点"),
        ("打八五折", 85, "%"),
        ("千分之五", 0.5, "%"),
    ],
)
def test_percent(text: str, value: float, unit: str) -> None:
    fig = _one(text)
    assert fig.kind == "percent" and fig.unit == unit
    assert fig.value == pytest.approx(value)


def test_ratio_and_fraction() -> None:
    fig = _one("占五分之一")
    assert (fig.kind, fig.value) == ("ratio", 0.2)
    fig = _one("增长了3倍")
    assert (fig.kind, fig.value, fig.unit) == ("ratio", 3, "倍")


@pytest.mark.parametrize(
    ("text", "value", "unit", "counted"),
    [
        ("抽调9名同志成立工作专班", 9, "名", "同志"),
        ("培训党员干部450人次。", 450, "人次", "党员干部"),
        ("包括8个方面259项", 8, "个", "方面"),
        ("兩次调整领导小组", 2, "次", None),
        ("研究制定《关于夯实责任的十条措施》", 10, "条", "措施"),
    ],
)
def test_count(text: str, value: int, unit: str, counted: str | None) -> None:
    fig = find_figures(text)[0]
    assert (fig.kind, fig.value, fig.unit) == ("count", value, unit)
    if counted is not None:
        assert fig.counted == counted


def test_more_than_and_counted_before() -> None:
    fig = _one("解决各类问题320多个。")
    assert (fig.value, fig.approx, fig.unit, fig.counted) == (320, "more_than", "个", "问题")
    assert isinstance(fig.value, int)


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("约1.2万个", "about"),
        ("300个左右", "about"),
        ("逾3500万人次", "more_than"),
        ("超过8万家", "more_than"),
        ("近700万元", "nearly"),
        ("不到40人", "less_than"),
        ("至少九千块钱", "at_least"),
        ("最多一块二", "at_most"),
        ("65岁或以上", "at_least"),
    ],
)
def test_approx(text: str, approx: str) -> None:
    assert _one(text).approx == approx


def test_nearly_in_time_sense_is_not_an_approximation() -> None:
    # 近3年 = the last three years: 近3年来 is a time expression (the timeline's), not a figure;
    # before a noun the duration stays, without an approximation
    assert find_figures("近3年来") == []
    assert _one("近3年的数据").approx is None


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("配送图书20-30万册", 200_000, 300_000, "册"),
        ("预计2到3万元", 20000, 30000, "元"),
        ("每组10至15人", 10, 15, "人"),
        ("三四十万人", 300_000, 400_000, "人"),
        ("五六个", 5, 6, "个"),
        ("从8500到3万港元", 8500, 30000, "港元"),
        ("大于100 并且小于300 的数", 100, 300, None),
        ("十五六岁", 15, 16, "岁"),
    ],
)
def test_ranges(text: str, low: int, high: int, unit: str | None) -> None:
    fig = _one(text)
    assert (fig.value, fig.value_max, fig.unit) == (low, high, unit)


def test_age_anniversary_measure_ordinal() -> None:
    assert (_one("91岁离休干部").kind, _one("91岁离休干部").unit) == ("age", "岁")
    fig = _one("庆祝新中国成立70周年")
    assert (fig.kind, fig.value, fig.unit) == ("anniversary", 70, "周年")
    fig = _one("新增绿地约1.6万平方米")
    assert (fig.kind, fig.value, fig.unit, fig.approx) == ("measure", 16000, "平方米", "about")
    fig = _one("连续三年获得")
    assert (fig.value, fig.unit) == (3, "年")
    fig = _one("两米半")
    assert (fig.value, fig.unit) == (2.5, "米")
    fig = _one("第三届全国大会")
    assert (fig.kind, fig.value) == ("ordinal", 3)


# ---------------------------------------------------------------------------
# exclusions


@pytest.mark.parametrize(
    "text",
    [
        "2019年以来",
        "2019年11月,",
        "5月20日讯",
        "2020-05-20 11:09:05",
        "2019年4月和10月,",
        "今年1至7月",
        "下午3点20分开会",
        "二〇一九年",
        "周三上午",
        "一季度全县",
    ],
)
def test_dates_and_times_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "拨打新闻热线0531-66661234或96678,",
        "齐鲁网广告热线0531-81695052,诚邀",
        "请拨打12345热线",
        "联系电话13812345678",
        "服务专线(02)2671-0000",
    ],
)
def test_phone_numbers_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "请登录( https://minsheng.iqilu.com/)",
        "发邮件到news123@example.com",
        "升级到V2.0.1版本",
        "版本3.10.2发布",
        "COVID-19疫情",
        "5G网络",
        "邮编250001",
        "乘坐地铁3号线",
    ],
)
def test_urls_versions_and_codes_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "“一盘棋”思想",
        "心往一块想、劲往一处使",
        "统一领导",
        "一批先进事迹",
        "这是唯一的办法",
        "万一出现问题",
        "千万不要大意",
        "一律不得",
        "大家一起努力",
        "一样重要",
        "一道参加",
        "多年独自照料",
        "多例首创之举",
        "十分重要",
        "陆地上有许多动物",
        "这是我的队伍",
        "一、加强领导",
    ],
)
def test_set_phrases_are_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_only_the_second_one_of_weiyi_yige_counts() -> None:
    text = "唯一一个先进单位"
    assert _surfaces(text) == ["一个"]


def test_measure_word_after_ordinary_word_is_blocked() -> None:
    assert all(f.kind != "money" for f in find_figures("经济一元化"))
    assert all(f.kind != "percent" for f in find_figures("由3成员组成"))
    assert _one("打八折").kind == "percent"
    assert all(f.kind != "percent" for f in find_figures("1美元折合6.5元"))


# ---------------------------------------------------------------------------
# offsets, robustness, speed


def test_offsets_are_into_the_given_text_and_sorted() -> None:
    text = "甲方出资约480万元,乙方出资210万元,占比约30%。"
    figs = find_figures(text)
    assert [text[f.start : f.end] for f in figs] == ["约480万元", "210万元", "约30%"]
    assert [f.start for f in figs] == sorted(f.start for f in figs)


def test_fullwidth_and_traditional_input_do_not_crash() -> None:
    figs = find_figures("增長１２．５％,兩次上交４萬元")
    assert figs  # robust, even if the caller did not clean the text
    assert any(f.kind == "money" for f in figs)


@pytest.mark.parametrize(
    "text",
    ["一" * 20_000, "多" * 20_000, "9" * 20_000, "2019年" * 4_000, "五分之" * 6_000, "十" * 20_000],
)
def test_pathological_input_gives_well_formed_results(text: str) -> None:
    # Speed on such input is measured by bench/linear.py, not here.
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)


# ---------------------------------------------------------------------------
# the seed article

SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"

#: required figures of the seed article (from the project's issue): surface, value, unit, approx
SEED_REQUIRED = [
    ("两次", 2, "次", None),
    ("9名", 9, "名", None),
    ("8个", 8, "个", None),
    ("259项", 259, "项", None),
    ("70周年", 70, "周年", None),
    ("91岁", 91, "岁", None),
    ("两次", 2, "次", None),
    ("4万元", 40000, "元", None),
    ("100%", 100, "%", None),
    ("100%", 100, "%", None),
    ("10条", 10, "条", None),
    ("两次", 2, "次", None),
    ("2期", 2, "期", None),
    ("3次", 3, "次", None),
    ("十条", 10, "条", None),
    ("7期", 7, "期", None),
    ("450人次", 450, "人次", None),
    ("38期", 38, "期", None),
    ("30名", 30, "名", None),
    ("320多个", 320, "个", "more_than"),
    ("三年", 3, "年", None),
]
SEED_OPTIONAL = {"一次", "四级", "四种", "一个"}


def _seed_text() -> str:
    raw = SEED.read_text(encoding="utf-8")
    try:
        from newsctl.clean import clean_text

        return clean_text(raw).text
    except ImportError:  # pragma: no cover - the foundation module is not there yet
        import opencc

        text = re.sub(r"(?<=[\u4e00-\u9fff])\([a-zü\u0101-\u01dc]+\)", "", raw)
        return opencc.OpenCC("t2s").convert(text)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not in this checkout")
def test_seed_article() -> None:
    text = _seed_text()
    figs = find_figures(text)
    got = [(text[f.start : f.end], f.value, f.unit, f.approx) for f in figs]
    required = [g for g in got if g[0] not in SEED_OPTIONAL]
    assert required == SEED_REQUIRED
    money = next(f for f in figs if f.kind == "money")
    assert (money.value, money.currency) == (40000, "CNY")
    assert isinstance(money.value, int)
    assert next(f for f in figs if f.unit == "周年").kind == "anniversary"
    assert next(f for f in figs if f.unit == "岁").kind == "age"
    assert [f.kind for f in figs if f.unit == "%"] == ["percent", "percent"]
    surfaces = {text[f.start : f.end] for f in figs}
    for absent in ("0531", "66661234", "96678", "81695052", "2019", "2020", "5月", "10月", "11:09"):
        assert not any(absent in s for s in surfaces), absent
    assert {"一盘棋", "一块", "一处", "统一", "一批", "多年", "多例"}.isdisjoint(surfaces)


# ---------------------------------------------------------------------------
# news text: Taiwanese and mainland press conventions


@pytest.mark.parametrize(
    "text",
    [
        "2025台北国际书展下月开幕。",  # a year glued to a place name, not 2025 machines
        "他从民国70年起就在这里卖面。",  # an era year, not a duration of 70 years
        "路人赶紧拨打119报警。",
        "120救护车十分钟后赶到。",
        "市民可通过12345热线反映。",
    ],
)
def test_news_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_school_grade_is_an_ordinal() -> None:
    fig = _one("她今年读小学三年级。")
    assert (fig.kind, fig.value, fig.unit) == ("ordinal", 3, "年级")


def test_machines_are_still_counted() -> None:
    fig = _one("工厂新添了12台机器。")
    assert (fig.kind, fig.value, fig.unit, fig.counted) == ("count", 12, "台", "机器")


@pytest.mark.parametrize(
    ("text", "value", "approx"),
    [
        ("受访者中约3成的人表示满意。", 30, "about"),
        ("有6成5的家长支持。", 65, None),
    ],
)
def test_tenths_percent_in_news(text: str, value: int, approx: str | None) -> None:
    fig = _one(text)
    assert (fig.kind, fig.value, fig.unit, fig.approx) == ("percent", value, "%", approx)


def test_yuan_in_taiwanese_story_is_twd() -> None:
    text = "（中央社记者王明／台北报导）这家店的便当一个卖80元，一天能卖出300个。"
    money = [f for f in find_figures(text) if f.kind == "money"]
    assert [(f.value, f.currency) for f in money] == [(80, "TWD")]
    text = "新台币与人民币都能用，门票50元。"
    assert [f.currency for f in find_figures(text) if f.kind == "money"] == ["CNY"]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("去年共引进技术人才35名。", "技术人才"),
        ("现场有两名工人受伤。", "工人"),
        ("他一口气捐出20万元助学金。", "助学金"),
        ("消防局派出3辆消防车赶往现场。", "消防车"),
        ("邻居们说他家里只剩3口人过日子。", "人"),  # 人 on its own (not 口人, not 人过日子)
        ("这次活动中她捐了500元。", None),  # 她捐了: no noun before the money
        ("演出吸引了近百万人次观看。", None),
        ("市里下发了3条指导性要求。", "指导性要求"),  # 要求 heads the phrase after an attributive X性
        ("本市青年志愿者注册率达到90%。", "志愿者注册率"),  # a dictionary word plus the noun suffix 率
        ("老同志三次上门求助。", None),  # 次 counts events, not the noun before it
    ],
)
def test_counted_is_a_noun_phrase_or_null(text: str, counted: str | None) -> None:
    fig = find_figures(text)[0]
    assert fig.counted == counted


def test_figures_are_whole_figure_matches() -> None:
    # find_figures fills FigureMatch fields directly (its frozen __init__ is slow): the objects
    # must be exactly those the constructor makes
    from dataclasses import astuple, fields

    fig = _one("现场有两名工人受伤。")
    assert list(vars(fig)) == [f.name for f in fields(FigureMatch)]
    assert fig == FigureMatch(*astuple(fig))
    assert hash(fig) == hash(FigureMatch(*astuple(fig)))


def test_counted_does_not_depend_on_what_was_read_before() -> None:
    # the dictionary tags of earlier texts are memoised: a text gives the same answer alone
    texts = ["去年共引进技术人才35名。", "市里下发了3条指导性要求。", "本市青年志愿者注册率达到90%。"]
    first = [find_figures(text)[0].counted for text in texts]
    from newsctl import figures_counted

    figures_counted._tag_memo.clear()
    assert [find_figures(text)[0].counted for text in reversed(texts)] == first[::-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the early exit for a lone 一/三 in prose must keep what the full tests keep
        ("他说“一”字很难写，大家都笑了起来，场面很热闹。", [(3, 4, 1, "count")]),
        ("大家都很高兴，场面很热闹，这是第一次来到这里。", [(15, 18, 1, "ordinal")]),
        ("一", [(0, 1, 1, "count")]),
        ("三", [(0, 1, 3, "count")]),
        ("大家都很高兴，场面很热闹，他们一共植树三十棵。", [(19, 22, 30, "count")]),
        ("大家都很高兴，场面很热闹，报名人数达三，比去年多。", []),
        # the inline gates before _phrase_skip and _phrase_covers must still find set phrases
        ("大家都很高兴，场面很热闹。我们要统一思想，一盘棋推进，唯一的办法。", []),
        ("大家都很高兴，场面很热闹。万一出事，十分危险。", []),
    ],
)
def test_fast_paths_keep_and_drop_what_the_full_tests_do(
    text: str, expected: list[tuple[int, int, int, str]]
) -> None:
    assert [(f.start, f.end, f.value, f.kind) for f in find_figures(text)] == expected


# ---------------------------------------------------------------------------
# grammar cases as data: tests/specs/figures*.jsonl


def _spec_cases() -> list[Any]:
    cases = []
    for path in sorted((ROOT / "tests" / "specs").glob("figures*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                cases.append(pytest.param(case, id=f"{path.stem}:{number}:{case['text'][:16]}"))
    return cases


SPEC_CASES = _spec_cases()


def test_spec_files_are_not_empty() -> None:
    assert len(SPEC_CASES) >= 40


@pytest.mark.parametrize("case", SPEC_CASES)
def test_spec(case: dict[str, Any]) -> None:
    """`figures` lists every figure of `text` in order: its surface and the fields given."""
    text = case["text"]
    found = find_figures(text)
    note = case.get("note")
    assert [text[f.start : f.end] for f in found] == [want["text"] for want in case["figures"]], note
    for fig, want in zip(found, case["figures"]):
        got = {key: getattr(fig, key) for key in want if key != "text"}
        assert got == {key: value for key, value in want.items() if key != "text"}, (want["text"], note)
