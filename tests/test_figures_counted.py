"""Tests for newsctl.figures_counted: what a count, money or percent figure counts (`counted`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.cli import cli
from newsctl.figures import find_figures

ROOT = Path(__file__).resolve().parents[1]


def _counted(text: str) -> list[tuple[str, str | None]]:
    return [(text[f.start : f.end], f.counted) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the clause, before a predicate of change and a comparison
        ("猪肉价格比上月下降3.5%。", [("3.5%", "猪肉价格")]),
        ("蔬菜价格较上年同期上涨2%。", [("2%", "蔬菜价格")]),
        ("恒生指数下跌120点。", [("120点", "恒生指数")]),
        ("增值税率调整到13%。", [("13%", "增值税率")]),
        # a short noun of a rate opening the clause, known to the dictionary or not
        ("货运量增长8%，满载率95%。", [("8%", "货运量"), ("95%", "满载率")]),
        # 分别: the nouns listed before it, in order
        ("出口和进口分别增长5%和6%。", [("5%", "出口"), ("6%", "进口")]),
        # ... the last item holds a head that all share: each item takes it
        (
            "一线、二线、三线城市成交量分别增长5%、6%和7%。",
            [("5%", "一线城市成交量"), ("6%", "二线城市成交量"), ("7%", "三线城市成交量")],
        ),
        # ... not when the other items do not end alike (each reads its subject)
        (
            "甲地、乙市、丙县城市成交量分别增长5%、6%和7%。",
            [("5%", "成交量"), ("6%", "成交量"), ("7%", "成交量")],
        ),
        # 分别 before one figure
        ("甲、乙两人分别获得3000元奖金。", [("两人", "人"), ("3000元", "奖金")]),
        # 分别: else the figures before it in the sentence, in order
        (
            "今年共发送旅客320万人次，运送行李15万件，同比分别增长8%和12%。",
            [("320万人次", "旅客"), ("15万件", "行李"), ("8%", "旅客"), ("12%", "行李")],
        ),
        # money carries the noun of the figure before it over a word of change
        ("门票由80元提高为100元。", [("80元", "门票"), ("100元", "门票")]),
        # ... but not a word of change itself
        ("营收增幅约12%，增加300亿元。", [("约12%", "营收增幅"), ("300亿元", None)]),
        # the payer is never what is counted
        ("某公司捐赠了5000元。", [("5000元", None)]),
        # people: a head noun closes the phrase after the measure word
        ("车站约300名地勤人员参加演练。", [("约300名", "地勤人员")]),
        # a modifier closed by 的 after 名/位, unless it names the people who own what follows
        ("消防员救出了上百名被困的游客。", [("上百名", "游客")]),
        ("这件事引起了三位老工人的兴趣。", [("三位", "老工人")]),
        # money: a noun of money closes the phrase after the amount
        ("这家店只用两天就拿到了80万元无息贷款。", [("两天", None), ("80万元", "无息贷款")]),
        # a count of people counts the people, not what they own
        ("老板拖欠5名工人工资。", [("5名", "工人")]),
        # 这N人: the noun an earlier count of as many people named
        ("厂里有4名工人受伤，这4人已送医。", [("4名", "工人"), ("4人", "工人")]),
        # ... only when it is one noun
        ("厂里有4名工人和4名司机，这4人已送医。", [("4名", "工人"), ("4名", "司机"), ("4人", "人")]),
        # 人 + an adverb after a bare number is people, not 人才
        ("他带了5名学生，后来这5人才出发。", [("5名", "学生"), ("5人", "学生")]),
        # nouns that the dictionary tags as verbs
        ("共有30组选手参加比赛。", [("30组", "选手")]),
        ("共有12家展商参展。", [("12家", "展商")]),
        # between two figures, a noun closed by a list word belongs to the first
        ("该材料具有90%抗磨损性能和80%防水性能。", [("90%", None), ("80%", None)]),
        # 届 numbers the sessions of the body named before it: not what it counts
        ("共产党二十届三中全会在北京举行。", [("二十届", None)]),
        ("政协十四届三次会议开幕。", [("十四届", None), ("三次", None)]),
        ("他连续参加了三届奥运会。", [("三届", "奥运会")]),
        # verbs the dictionary tags as nouns end a phrase as a verb would
        ("本届展会有3000件展品亮相。", [("3000件", "展品")]),
        ("有20万解放军发动反击。", [("20万", "解放军")]),
        ("月薪被扣50元。", [("50元", None)]),
        # the last noun of a list before the figure is not all that it counts
        ("全省查处腐败和作风问题300件。", [("300件", None)]),
        ("船上游客和船员共36人落水。", [("36人", "人")]),
        # ... unless the list word ends a word (参与)
        ("本次参与院校超过200所。", [("超过200所", "院校")]),
        # a set phrase with a modifier does not head a phrase read forwards
        ("推动9大机种自动化改造顺利投产", [("9大", None)]),
        # 占: the base after it is what the share is taken of, never what is counted
        ("外来人口占全县总人口的12%。", [("12%", "外来人口")]),
        ("该厂新增订单800万件，占全年订单总量的40%。", [("800万件", "订单"), ("40%", None)]),
        ("客运站今年接送旅客，占全市旅客总量三成。", [("三成", None)]),
        ("工业投资占比超过37%。", [("超过37%", "工业投资")]),
        # 的 and then an acronym that ends the phrase, or a place name opening the noun phrase
        ("这些企业创造了全省50%以上的GDP。", [("50%以上", "GDP")]),
        ("该厂拿下了30%的CPU份额。", [("30%", None)]),
        ("已有60%的黄河水系得到治理。", [("60%", "黄河水系")]),
        # a comparison word (较) in the text before does not keep the subject from being read
        ("各项指标较好。工业生产指数同比增长3%。", [("3%", "工业生产指数")]),
        # a clause of only a predicate of change: the subject said in the clause before it
        ("今年全市粮食产量环比持平，同比下降2%。", [("2%", "全市粮食产量")]),
        ("他表示，同比增长8%。", [("8%", None)]),
        # a subject the dictionary lacks (a stock, a coin) before a predicate of change
        ("电子股收黑，华昱则走跌0.8%。", [("0.8%", "华昱")]),
        ("虚拟货币方面，第二大货币stellar跌9%。", [("第二大", None), ("9%", "stellar")]),
        # ... or any word, when the clause before has the same predicate and a named subject
        ("今年民间投资成长3.1%，输出成长2.2%。", [("3.1%", "民间投资"), ("2.2%", "输出")]),
        ("他们增长5%，输出上涨3%。", [("5%", None), ("3%", None)]),
        # ... not the last item of a list, a word cut by the predicate, an adverb of time
        ("面板股甲达、乙创皆走跌逾1%。", [("逾1%", None)]),
        ("屏幕亮度提升30%以上。", [("30%以上", None)]),
        ("盘中一度暴跌超14%。", [("超14%", None)]),
        # what is worth an amount (价值): the noun right before the word of value, not a list's last
        ("警方追回的被盗财物价值3万元。", [("3万元", "财物")]),
        ("这项交易价值约20亿美元。", [("约20亿美元", "交易")]),
        ("钻石、宝石及白金价值逾50万元。", [("逾50万元", None)]),
        # nouns of money the dictionary tags as a verb or an adjective (所得, 私募)
        ("法院判决没收其违法所得人民币50万元。", [("人民币50万元", "违法所得")]),
        ("公司拟进行2亿元的私募。", [("2亿元", "私募")]),
        ("扣除税费后所得为3万元。", [("3万元", "所得")]),
    ],
)
def test_counted(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _counted(text) == expected


def test_counted_module_has_no_cli_imports() -> None:
    tree = ast.parse((ROOT / "newsctl" / "figures_counted.py").read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])
    }
    assert not imported & {"click", "rich"}


_PIECES = st.sampled_from(
    [
        "公司",
        "员工",
        "这",
        "3名",
        "5人",
        "才",
        "分别",
        "增长",
        "12%",
        "和",
        "8%",
        "价格",
        "比上月",
        "下降",
        "，",
        "。",
        "营收",
        "100元",
        "捐赠了",
        "指数",
        "20点",
        "、",
        "两个",
        "卫星",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=14))
def test_counted_is_read_from_the_text(pieces: list[str]) -> None:
    # never a word made up: `counted` is in the text (or people, the noun of 名/位/人)
    text = "".join(pieces)
    for figure in find_figures(text):
        assert figure.counted is None or figure.counted == "人" or figure.counted in text


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # the figure is marked at its span, not at the first place its text occurs in the sentence
        ("某选手在公开赛12强赛事中以直落2(22比20、21比11)获胜。", "直落`2`("),
        ("某選手在公開賽12強賽事中以直落2(22比20、21比11)獲勝。", "直落`2`("),
        ("全市有12个村，其中2个村完成改造。", "其中`2个`村"),
    ],
)
def test_table_context_marks_the_figure_at_its_span(tmp_path: Path, text: str, marked: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["figures", "-f", "markdown", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert marked in result.stdout


# made-up text next to a figure, read from the dictionary with nothing known at first
_RESUME_CASES = [
    ("before", "今年全省粮食总产量", True),
    ("before", "最大功率", False),
    ("before", "腐败和作风问题", True),
    ("before", "少数民族居民", True),
    ("before:平", "每天平", True),
    ("before_money", "全年进出口总额", True),
    ("before_money", "县里罚款", False),
    ("before_verbal", "公司营业额", True),
    ("after", "车正在路口等候", True),
    ("after", "同志参加了会议", False),
    ("after", "城市，", False),
    ("after", "大手术", True),
    ("after", "子2女", False),
    ("after_event", "列车每日往返", True),
    ("after_age", "离休干部张某某", True),
]


@pytest.mark.parametrize(("side", "chars", "open_edge"), _RESUME_CASES)
def test_noun_phrase_resumed_reads_as_read_again(side: str, chars: str, open_edge: bool) -> None:
    """counted_all lets a noun phrase reading that lacked words go on where it stopped once they
    are looked up: the same phrase as reading the text again from the start with what is known."""
    from newsctl.figures import _lexicon_tags
    from newsctl.figures_counted import _noun_phrase, _noun_phrase_steps, _step

    again: dict[str, str | None] = {}
    rounds_again = 0
    while type(found_again := _noun_phrase(side, chars, again, open_edge)) is list:
        rounds_again += 1
        again.update(_lexicon_tags(set(found_again)) or {})
    resumed: dict[str, str | None] = {}
    steps = _noun_phrase_steps(side, chars, resumed, open_edge)
    rounds = 0
    while type(found := _step(steps)) is list:
        rounds += 1
        resumed.update(_lexicon_tags(set(found)) or {})
    assert found == found_again
    assert rounds == rounds_again and resumed == again  # the same words asked for, in as many rounds
