"""newsctl.keywords: a common noun that mostly ends longer terms (产业 of 北斗产业) weighs less."""

from __future__ import annotations

import pytest

from newsctl.article import parse_article
from newsctl.clean import clean_text
from newsctl.keywords import extract_keywords
from newsctl.read import RawDocument
from newsctl.segment import get_segmenter

pytest.importorskip("rjieba")

# Made-up text: 产业 is said four times, each time after a different modifier.
STORY = (
    "本届博览会在会展中心开幕，展示北斗产业的最新成果。主办方表示，北斗产业近年快速增长，"
    "导航产业和遥感产业也带动了就业。专家认为，航天产业的发展离不开人才，北斗芯片已经进入手机。"
    "博览会期间还将举办北斗芯片论坛。"
)


def test_a_common_head_noun_weighs_less_than_the_story_s_own_terms() -> None:
    raw = RawDocument(id="t", path="t", text=STORY, title=None)
    weights = {
        k.term: k.weight for k in extract_keywords(parse_article(raw, clean_text(STORY)), get_segmenter())
    }
    # said as often as 博览会 is (counting its compounds), 产业 alone names no thing
    assert weights["产业"] < 0.75 * weights["博览会"]
