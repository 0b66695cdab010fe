"""`counted` of times of an action, of scores and of an acronym subject (issue 21; docs/figures.md,
"counted", "Times, scores and acronyms").  Made-up sentences."""

from __future__ import annotations

import pytest

from newsctl.figures import find_figures


def _counted(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[f.start : f.end], f.kind, f.counted) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # times of an action that end their clause count the verb before them
        ("这名男子在商场偷窃了12次，终于落网。", [("12次", "count", "偷窃")]),
        ("她先后获奖3次。", [("3次", "count", "获奖")]),
        ("他曾访问过两次，印象很深。", [("两次", "count", "访问")]),
        ("这条消息被网友转发5000次。", [("5000次", "count", "转发")]),
        # ... not when a noun or a verb follows: that is what is counted, or nothing is
        ("军方实施了一次大规模空袭。", [("一次", "count", None)]),
        ("村委会组织6次植树活动。", [("6次", "count", "植树活动")]),
        # ... not a verb that only links or measures, nor one that ends in a result
        ("全年事故发生3次。", [("3次", "count", None)]),
        ("停运的列车增加到45次。", [("45次", "count", None)]),
        # ... not a noun before the figure (what was changed, not the change)
        ("他把合同条款修改两次，", [("两次", "count", "修改")]),
        ("他修改合同条款两次，", [("两次", "count", None)]),
        # ... 趟 also counts trains: not read
        ("今天北站始发列车停运30趟，", [("30趟", "count", None)]),
    ],
)
def test_times_of_an_action(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank is an ordinal and a score a ratio; neither counts a thing
        ("她在决赛中获得第4名。", [("第4名", "ordinal", None)]),
        ("主队终场以3比1击败客队。", [("3比1", "ratio", None)]),
        ("首局他以11-6拿下。", [("11-6", "ratio", None)]),
        # ... unless the words before the ratio name it
        ("该校师生比1比8。", [("1比8", "ratio", "师生比")]),
    ],
)
def test_ranks_and_scores(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym subject before a predicate of change or a linking word
        ("一季度GDP同比增长5.3%。", [("5.3%", "percent", "GDP")]),
        ("去年，CPI上涨0.2%，", [("0.2%", "percent", "CPI")]),
        ("公司去年EPS为1.25元。", [("1.25元", "money", "EPS")]),
        # ... not an acronym with no predicate between it and the figure, nor one inside a word
        ("比GDP高5%的部分", [("5%", "percent", None)]),
    ],
)
def test_acronym_subject(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount or a percentage that qualifies the noun after it through 的
        ("因此已拟定两亿元的治理方案，", [("两亿元", "money", "治理方案")]),
        ("随后拿出五千万元的改造方案，", [("五千万元", "money", "改造方案")]),
        ("今年定下6%左右的增长目标。", [("6%左右", "percent", "增长目标")]),
        # ... not a head that names only a part of something
        ("超过30万元的部分，", [("超过30万元", "money", None)]),
    ],
)
def test_noun_after_de(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _counted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent of a verb read past is not what is counted
        ("县政府已提出两亿元，用于治理。", [("两亿元", "money", None)]),
        # ... and a verbal noun of that kind closes the phrase that ends with it
        ("今年以来，制造业投资同比增长7.5%。", [("7.5%", "percent", "制造业投资")]),
    ],
)
def test_agent_verbs(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _counted(text) == expected


def test_subject_past_an_adverb() -> None:
    # an adverb of one character between the subject and its predicate is part of the predicate
    assert _counted("但公司利润亦下滑3%。") == [("3%", "percent", "公司利润")]
