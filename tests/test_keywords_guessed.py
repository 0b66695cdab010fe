"""newsctl.keywords: words jieba's dictionary lacks, said once; generic abstract nouns; organisation heads."""

from __future__ import annotations

import pytest

from newsctl.article import Article, parse_article
from newsctl.clean import clean_text
from newsctl.keywords import extract_keywords
from newsctl.read import RawDocument
from newsctl.segment import Segmenter, get_segmenter

pytest.importorskip("rjieba")

# Made-up text: 手往 is the HMM's guess across 手 | 往 (a hand towards the table), said once.
STORY = (
    "社区门口昨天发生纠纷。男子突然手往桌面一拍，杯子碎了一地。"
    "社区民警赶到现场调解纠纷，民警询问双方。社区居民表示纠纷已经平息。"
)


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return get_segmenter()


def article_of(text: str, title: str | None = None) -> Article:
    raw = RawDocument(id="t", path="t", text=text, title=title)
    return parse_article(raw, clean_text(text))


def test_a_guess_said_once_ranks_below_the_dictionarys_words(segmenter: Segmenter) -> None:
    terms = [k.term for k in extract_keywords(article_of(STORY, "社区纠纷"), segmenter)]
    assert "桌面" in terms and "杯子" in terms
    if "手往" in terms:
        assert terms.index("手往") > terms.index("杯子")


def test_abstract_nouns_are_not_tags(segmenter: Segmenter) -> None:
    text = (
        "社区居民丢了东西。社区民警说东西一定能找到，居民感到痛苦，"
        "东西很重要，痛苦难以形容。社区民警帮助居民。"
    )
    terms = [k.term for k in extract_keywords(article_of(text, "社区居民"), segmenter)]
    assert "东西" not in terms and "痛苦" not in terms


def test_an_organisations_head_said_alone_is_the_organisation_named(segmenter: Segmenter) -> None:
    text = (
        "阿华一家五口靠打零工维生，儿子罹患肾病需要洗肾。医院社工把阿华一家转介给星光基金会，"
        "基金会访视后已拨款纾困。阿华说，儿子洗肾费用很高，全家靠借贷度日。基金会人员表示会持续关心。"
    )
    found = {k.term: k.count for k in extract_keywords(article_of(text, "儿子洗肾 阿华一家陷困"), segmenter)}
    assert "基金会" not in found
    assert found.get("星光基金会") == 3


def test_a_head_said_alone_far_more_often_than_a_name_is_a_common_noun(segmenter: Segmenter) -> None:
    text = (
        "市民小王到银行办理业务。各家银行的利率不同，银行之间竞争激烈，小王还咨询了招商银行。"
        "银行人员说，存款利率下调，银行理财产品收益也在下降。小王说银行太多了。"
    )
    found = {k.term: k.count for k in extract_keywords(article_of(text, "市民比较银行利率"), segmenter)}
    assert found.get("招商银行") == 1


def test_a_numeral_that_ends_a_personal_name_each_time_is_part_of_it(segmenter: Segmenter) -> None:
    # made-up name: the segmenter cuts 苏营 | 兆 (兆 is a numeral to it)
    text = "苏营兆今年五十岁，半年前中风。苏营兆说，复健很辛苦。邻居说苏营兆很努力，苏营兆的太太在工厂上班。"
    terms = [k.term for k in extract_keywords(article_of(text, "中风男努力复健"), segmenter)]
    assert "苏营兆" in terms and "苏营" not in terms


def test_a_set_expression_said_once_ranks_below_the_storys_nouns(segmenter: Segmenter) -> None:
    text = (
        "昨天一辆货车在国道侧翻，司机毫发无损，车上的水泥撒满路面。交警到场处置，路政人员清理水泥。"
        "货车司机说，事发时路面湿滑。交警提醒司机雨天减速。"
    )
    terms = [k.term for k in extract_keywords(article_of(text, "货车国道侧翻"), segmenter)]
    assert "事发" in terms
    if "毫发无损" in terms:
        assert terms.index("毫发无损") > terms.index("事发")
