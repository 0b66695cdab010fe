"""newsctl.names: a place chain written as an address is no tag; its city or district is.

The places and people below are made up; the shape is a court or police report's address."""

from __future__ import annotations

import pytest

from newsctl import names
from newsctl.article import Article, parse_article
from newsctl.clean import clean_text
from newsctl.keywords import extract_keywords
from newsctl.read import RawDocument
from newsctl.segment import Segmenter, get_segmenter

pytest.importorskip("rjieba")


@pytest.mark.parametrize(
    ("term", "scored", "tag"),
    [
        ("江南省青川市", {"青川"}, "青川"),  # the city, as the text tags it
        ("江南省青川市", set(), "青川市"),  # a province is no tag of an address
        ("青川市白沙区柳湾路", set(), "白沙区"),  # the most specific city or district
        ("青川市白沙区柳湾路", {"青川"}, "青川"),  # one the text tags already
        ("平安县桥头镇", set(), "平安县"),  # a town ends it; the county is the tag
        ("城市社区", set(), None),  # two-character words ending like units: no address
        ("青川市", set(), None),  # one unit
        ("青川市经济技术开发区", set(), None),  # a zone's long name is no unit of an address
        ("白沙区柳湾", set(), None),  # no unit ends it
    ],
)
def test_address_tag(term: str, scored: set[str], tag: str | None) -> None:
    assert names.address_tag(term, scored) == tag


def test_address_pieces_said_only_inside_it_go_but_not_its_units() -> None:
    text = "住平安县桥头镇的刘某。平安县桥头镇有集市。平安县法院审理。"
    found = names.address_pieces(
        "平安县桥头镇", "平安县", ["桥头镇", "县桥头", "平安县", "平安", "法院"], text
    )
    assert found == ["桥头镇", "县桥头"]


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return get_segmenter("rjieba")


def article_of(text: str, title: str) -> Article:
    raw = RawDocument(id="t", path="t", text=text, title=title)
    return parse_article(raw, clean_text(text))


def test_an_address_gives_way_to_its_district(segmenter: Segmenter) -> None:
    text = (
        "近日，家住南江市东城区长宁路的租客李先生向记者投诉，称其所租房屋的电费远高于市场价。\n"
        "李先生说，他在南江市东城区长宁路租下一套房子，每月电费都要好几百元。\n"
        "记者联系了房屋中介公司，对方表示电费按合同收取。李先生认为收费不合理，已向有关部门投诉。\n"
        "南江市东城区长宁路一带的租客也反映过类似的电费问题。"
    )
    found = [k.term for k in extract_keywords(article_of(text, "租客投诉电费过高"), segmenter, top=10)]
    assert not any("长宁" in term for term in found), found  # the road is no tag
    assert any(term.endswith("东城区") for term in found), found  # the district is
