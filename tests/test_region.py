"""newsctl.region: one region signal per article, from outlet, script and vocabulary."""

from __future__ import annotations

import pytest

from newsctl.region import detect_region


@pytest.mark.parametrize(
    ("text", "script", "source", "code"),
    [
        ("记者王明／台北报导 立委今天在立法院质询。", "traditional", None, "tw"),
        ("今天天气晴。", "simplified", "联合报", "tw"),
        ("今天天气晴。", "simplified", "tvbs", "tw"),  # the record's source, in any case
        ("高雄捷运今天通车。", "traditional", None, "tw"),
        ("特首今天到立法会。", "traditional", None, "hk"),
        ("台湾“立法院”今天通过法案，“立委”表示。", "simplified", None, None),  # mainland scare quotes
        ("台湾“中央社”报道，德国《明镜周刊》记者造假。", "simplified", None, None),
        ("舞台视觉设计全面升级，万里长江绿色航运。", "simplified", None, None),  # cues inside words
        # a city printed in Traditional script is a regional cue; the same names in Simplified
        # are every outlet's (mainland news about Taiwan)
        ("台北的百货公司今天开幕，台湾首家门市。", "traditional", None, "tw"),
        ("台北的百货公司今天开幕，台湾首家门市。", "simplified", None, None),
        ("台湾的百货公司今天开幕。", "traditional", None, "tw"),
        ("特首谈台湾的百货公司。", "traditional", None, None),  # a Hong Kong cue as strong: no region
        ("新台币与人民币都能用。", "simplified", None, None),  # 台币 inside 新台币 counts once
        ("国务院今天召开常务会议。", "simplified", "央视网", None),
    ],
)
def test_detect_region(text: str, script: str, source: str | None, code: str | None) -> None:
    assert detect_region(text, script=script, source=source).code == code


def test_region_values() -> None:
    region = detect_region("立委在立法院说", script="traditional")
    assert (region.roc_years, region.local_currency) == (True, "TWD")
    assert detect_region("特首在立法会说", script="traditional").local_currency == "HKD"
