"""newsctl.keywords: lower-case Latin brands and acronyms (iphone, cognex) versus pinyin and web residue."""

from __future__ import annotations

import pytest

from newsctl.article import Article, parse_article
from newsctl.clean import clean_text
from newsctl.keywords import _is_latin_term_word, _is_pinyin, _lower_latin_terms, extract_keywords
from newsctl.read import RawDocument
from newsctl.segment import Segmenter, get_segmenter

pytest.importorskip("rjieba")

# Made-up text in the shape of a source that lower-cases all Latin.
STORY = (
    "据外媒报道，传感器厂商zantrix周一公布财报，zantrix第一季度营收增长两成。"
    "分析师表示，zantrix的订单主要来自手机厂商，手机厂商今年将削减订单。"
    "分析师认为手机市场已经饱和。"
)


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return get_segmenter()


def article_of(text: str) -> Article:
    raw = RawDocument(id="t", path="t", text=text, title=None)
    return parse_article(raw, clean_text(text))


def test_a_repeated_lower_case_brand_is_a_keyword(segmenter: Segmenter) -> None:
    terms = [k.term for k in extract_keywords(article_of(STORY), segmenter)]
    assert "zantrix" in terms


def test_pinyin_is_told_from_brands() -> None:
    assert _is_pinyin("qingming") and _is_pinyin("zhongguo") and _is_pinyin("chu")
    assert not _is_pinyin("iphone") and not _is_pinyin("zantrix") and not _is_pinyin("apec")


def test_urls_entities_english_sentences_and_single_mentions_are_not_terms() -> None:
    text = (
        "详见www.zantrix.com/zantrix页面&nbsp&nbsp。老人说“talk to me in english, english!”。"
        "品牌qingming在qingming节推出新品，quorvex只说了一次。"
    )
    words = [
        w
        for w in ("zantrix", "english", "nbsp", "qingming", "quorvex", "2023", "mp3")
        if _is_latin_term_word(w)
    ]
    assert words == ["zantrix", "english", "quorvex"]
    assert _lower_latin_terms(text, words) == []
    assert _lower_latin_terms("厂商zantrix和zantrix公司", words) == ["zantrix"]
