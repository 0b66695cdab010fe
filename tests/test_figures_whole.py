"""Kinds of error found on whole unseen articles (issue 21, blind samples of session r9).

Made-up sentences of the same shape as the articles; never text from the corpus or eval sets."""

from __future__ import annotations

import pytest

from newsctl.figures import find_figures


def _surfaces(text: str) -> list[str]:
    return [text[f.start : f.end] for f in find_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "年度十大新闻昨天揭晓，评委会共收到投票两万张",
        "机构公布2019年10大热门景点，海滨小城入选",
        "公布「2019 年10大热门景点」",
        "该公司营收首度挤进前十大企业",
        "全球前三大手机品牌中，两家来自亚洲",
        "这里是全省十大名湖之一",
        "老牌公司首次跌出十大企业榜外",
        "1992年团的十四大提出新的目标",
    ],
)
def test_ranking_and_named_sets_are_not_counts(text: str) -> None:
    assert not [s for s in _surfaces(text) if s.endswith("大")], _surfaces(text)


@pytest.mark.parametrize(
    "text, surface",
    [
        ("高温、干旱、洪涝成为当地农业的三大难题", "三大"),
        ("目前三大任务进展顺利", "三大"),
        ("此前两大银行已宣布降息", "两大"),
        ("力争全市五大产业产值翻番", "五大"),
    ],
)
def test_main_ones_are_still_counted(text: str, surface: str) -> None:
    assert surface in _surfaces(text)


def test_decimal_before_magnitude_is_money_not_a_year_month() -> None:
    text = "全年完成交通建设投资1975.4亿元，同比增长3%"
    figs = find_figures(text)
    money = [f for f in figs if f.kind == "money"]
    assert len(money) == 1
    assert text[money[0].start : money[0].end] == "1975.4亿元"
    assert float(money[0].value) == pytest.approx(197540000000)


def test_dotted_year_month_stays_a_date() -> None:
    assert _surfaces("该版本于2016.5上线") == []


def test_unround_number_joined_by_plus_is_a_prefix_not_more_than() -> None:
    assert _surfaces("没有客户端时，需拨17951+副号序号+对方号码") == []


def test_round_number_plus_unit_is_still_more_than() -> None:
    (fig,) = find_figures("平台收录了2500+部纪录片")
    assert fig.approx == "more_than" and fig.unit == "部"


@pytest.mark.parametrize(
    "text",
    [
        "这种人两面三刀，说一套做一套",
        "为实现“两个一百年”奋斗目标而努力",
        "新业务支持一卡多号，副号另计",
        "村里开展“两户一体”活动",
        "她穿一字领连衣裙出席",
    ],
)
def test_set_phrases_with_numerals_are_not_figures(text: str) -> None:
    assert _surfaces(text) == []
