"""Wrong kinds of `counted` (issue 21, third pass; docs/figures.md, "Wrong names"): an age names
the person or nothing, a word of "per day / on average" alone names nothing, a generic head of a
measure (规模, 数量, 金额, 人数) takes the word the text puts before it.  Made-up sentences."""

from __future__ import annotations

import pytest

from newsctl.figures import find_figures


def _counted(text: str) -> dict[str, str | None]:
    return {text[f.start : f.end]: f.counted for f in find_figures(text)}


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # an age names the person whose age it is ...
        ("她还要照顾75岁婆婆，很辛苦。", "75岁", "婆婆"),
        ("村里有一名9岁男童走失。", "9岁", "男童"),
        # ... and nothing when what follows is no person
        ("他现年30岁视力良好的长子在外地打工。", "30岁", "长子"),
        ("阿美现年22岁视力无碍，", "22岁", None),
        ("我活到70岁身体还算硬朗。", "70岁", None),
        ("青年组16岁以下组别的决赛今晚举行。", "16岁以下", None),
        # ... a nickname after the person noun is cut
        ("她8岁儿子小安每天帮忙做饭。", "8岁", "儿子"),
    ],
)
def test_ages_name_people(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("本周全市客流累计3.2亿人次，日均4500万人次，同比增长6%。", "4500万人次", None),
        ("近五年城镇新增就业年均800万人。", "800万人", None),
    ],
)
def test_per_time_words_name_nothing(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        ("财政部今天发行地方债券，发行规模80亿元，认购踊跃。", "80亿元", "发行规模"),
        ("目前在轨卫星数量已经超过120颗。", "超过120颗", "卫星数量"),
        ("据统计，涉案金额高达3000万元。", "3000万元", "涉案金额"),
        ("活动期间参观人数超过5万人次。", "超过5万人次", "参观人数"),
        ("这次演练参与总人数超过800人。", "超过800人", "参与总人数"),
        # a boundary or a measure word before the head leaves it alone
        ("涉及的范围共12类、人数300多人。", "300多人", "人数"),
    ],
)
def test_generic_heads_take_the_word_before(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # nouns of news that jieba's dictionary tags as a place, a set phrase or a verb
        ("苏浙皖3省的12个城市宣布启动新政。", "12个", "城市"),
        ("军方称当晚击落6架俄罗斯无人机，", "6架", "俄罗斯无人机"),
        ("每天有2亿多件包裹在全国运送。", "2亿多件", "包裹"),
        ("派出所全年获赠锦旗16面，", "16面", "锦旗"),
    ],
)
def test_nouns_mistagged_by_the_dictionary(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # an aside in brackets between the subject and its predicate is read past
        ("上月居民消费价格指数（CPI）同比上涨1.8%，环比上涨0.3%。", "1.8%", "居民消费价格指数"),
        ("上月居民消费价格指数（CPI）同比上涨1.8%，环比上涨0.3%。", "0.3%", "居民消费价格指数"),
        ("今年动画电影票房（含点映）已突破12亿元。", "突破12亿元", "动画电影票房"),
        # ... not when nothing stands between the aside and the figure
        ("他侵占某商场（下称甲方）300万元。", "300万元", None),
    ],
)
def test_aside_before_the_predicate(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a total read past 一共, 总共, 共计: the subject before it
        ("去年受理的交通事故案件一共86件，", "86件", "交通事故案件"),
        ("今年游客总共12万人次。", "12万人次", "游客"),
    ],
)
def test_subject_past_a_word_of_total(text: str, figure: str, expected: str | None) -> None:
    assert _counted(text)[figure] == expected
