"""newsctl.names.cut_given_names: a given name cut off its surname, the surname glued to the word
before it or the given name a word of its own. Made-up names, the shapes of real cuts."""

from __future__ import annotations

import pytest

from newsctl import names
from newsctl.article import Article, parse_article
from newsctl.clean import clean_text
from newsctl.keywords import extract_keywords
from newsctl.read import RawDocument
from newsctl.segment import Segmenter, get_segmenter

pytest.importorskip("rjieba")


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return get_segmenter("rjieba")


def article_of(text: str, title: str) -> Article:
    raw = RawDocument(id="t", path="t", text=text, title=title)
    return parse_article(raw, clean_text(text))


WORDS = {"年金", "列车"}
SURNAMES = set(names.cues().surnames)


def cut(terms: list[str], text: str) -> dict[str, str]:
    return names.cut_given_names(terms, text, SURNAMES, WORDS.__contains__)


def test_a_given_name_after_its_surname_every_time_is_the_whole_name() -> None:
    text = "立委段宜平今日表示反对。对此，段宜平说不会退让。「就这样」段宜平贴文后离开。"
    assert cut(["宜平"], text) == {"宜平": "段宜平"}


def test_a_given_name_that_is_a_word_too() -> None:
    text = "总统蔡英华出席。但对蔡英华而言，压力不小。"
    assert cut(["英华"], text) == {"英华": "蔡英华"}


def test_not_where_the_surname_character_ends_a_word() -> None:
    text = "年金改革上路。立法院通过年金改革，外界关注年金改革。"
    assert cut(["改革"], text) == {}


def test_not_after_a_numeral_nor_the_same_character_every_time() -> None:
    assert cut(["披索"], "罚款5万披索，另罚3万披索。") == {}
    assert cut(["告上"], "他把小黄车告上法庭，小黄车告上的理由。") == {}


def test_not_in_a_transliteration() -> None:
    assert cut(["海尔"], "芝加哥欧海尔机场停飞，旅客前往欧海尔机场。") == {}


def test_said_once_or_after_different_characters_is_no_cut() -> None:
    assert cut(["宜平"], "段宜平表示反对。") == {}
    assert cut(["宜平"], "段宜平表示反对，林宜平也说。") == {}


def test_keywords_tag_the_whole_name(segmenter: Segmenter) -> None:
    text = (
        "绿委段宜平昨日宣布不再竞选连任，引发党内讨论。\n"
        "「就这样」段宜平贴文后，支持者纷纷留言。党团表示尊重段宜平的决定。\n"
        "据了解，段宜平担任立委多年，曾推动多项改革法案。"
    )
    found = [k.term for k in extract_keywords(article_of(text, "段宜平不再竞选连任"), segmenter, top=10)]
    assert "段宜平" in found and "宜平" not in found, found


def test_a_name_cut_before_its_serial_number_is_whole() -> None:
    text = "天梭十二号发射成功。天梭十二号乘组进入舱内。天梭十二号将迎接天梭十三号。天梭十二号返回。"
    assert names.numbered_wholes(["天梭"], text) == {"天梭": "天梭十二号"}


def test_a_series_named_apart_keeps_its_name() -> None:
    text = "云鹊六号、云鹊七号和云鹊八号任务。云鹊七号将采样。"
    assert names.numbered_wholes(["云鹊"], text) == {}


def test_a_road_and_its_house_number_is_no_name() -> None:
    assert names.numbered_wholes(["柳湾路"], "住柳湾路69号。柳湾路69号二楼。") == {}


def test_keywords_tag_the_numbered_name(segmenter: Segmenter) -> None:
    text = (
        "今天9时，天梭十二号航天员乘组顺利进入实验舱，实验舱完成转位。\n"
        "转位期间，实验舱先完成状态设置。随后，天梭十二号乘组开展了在轨实验。\n"
        "按计划，天梭十二号乘组将在站内迎接货运飞船的访问。"
    )
    found = [
        k.term for k in extract_keywords(article_of(text, "天梭十二号乘组进入实验舱"), segmenter, top=10)
    ]
    assert any("天梭十二号" in term for term in found) and "天梭" not in found, found
