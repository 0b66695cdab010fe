"""Structure rules of session r9 (issue 18), on made-up pages of the shapes met in
held-out samples: a glued `更多相关:` link list, a source label and its copyright
notice glued before the lede, `点赞` in a story sentence, a page of linked teasers,
and the links and outlet that close a teaser."""

from __future__ import annotations

from newsctl.article import Article, article_blocks, parse_article
from newsctl.read import RawDocument


def parse(text: str, title: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, (block.text or "").strip()) for block in article_blocks(article, with_text=True)]


def test_a_glued_list_of_related_searches_closing_a_page_is_related_links() -> None:
    text = (
        "市法院近日公布了立案的新规定，当事人可以在网上提交材料。法院应当在七日内决定是否受理。"
        "更多相关:网上立案流程，立案需要什么材料，立案庭电话查询，法院立案时间，"
    )
    blocks = kinds(parse(text))
    assert blocks[-1] == (
        "related_links",
        "更多相关:网上立案流程，立案需要什么材料，立案庭电话查询，法院立案时间，",
    )
    assert blocks[0][0] == "body"


def test_a_related_label_inside_a_sentence_stays_body() -> None:
    text = "法院应当在七日内决定是否受理。记者注意到，更多相关规定将在下月公布，包括立案和执行两部分。"
    assert [kind for kind, _ in kinds(parse(text))] == ["body"]
