"""Structure rules of session r9, second pass (issue 18): subheadings a print page glued onto
their paragraphs, where the form marks their end. Made-up pages of the shapes met in the corpus."""

from __future__ import annotations

from newsctl.article import Article, article_blocks, parse_article
from newsctl.read import RawDocument


def parse(text: str, title: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, (block.text or "").strip()) for block in article_blocks(article, with_text=True)]


LEDE = (
    "〔記者林某某／台南報導〕台南市一所國小的老舊校舍昨天動工改建，預計明年完工，學生暫時借用鄰校教室上課。"
)


def test_a_two_part_subhead_before_a_named_speaker_is_a_heading() -> None:
    text = (
        LEDE + " 校舍老舊漏水 改建還差3千萬陳國文說，工程款還有缺口，他會再向教育部爭取補助。"
        "校長陳國文表示，學生的安全最重要。"
    )
    article = parse(text)
    assert article.printed_headings() == ["校舍老舊漏水 改建還差3千萬"]
    paragraph = "陳國文說，工程款還有缺口，他會再向教育部爭取補助。校長陳國文表示，學生的安全最重要。"
    assert ("body", paragraph) in kinds(article)


def test_a_two_part_subhead_before_a_date_or_a_body_is_a_heading() -> None:
    text = (
        LEDE + " 學生借鄰校上課 家長擔心通勤2016年以前，這所國小曾有兩次改建計畫，都因經費不足而停擺。"
        " 家長會籲加快 市府允協助警方表示，上下學時段將加派人力在路口指揮交通，避免發生意外。"
    )
    assert parse(text).printed_headings() == ["學生借鄰校上課 家長擔心通勤", "家長會籲加快 市府允協助"]


def test_a_spaced_name_before_a_title_and_speaker_stays_body() -> None:
    # an entity link's spaces (`衛福部 保護司長某某表示`): the title goes with the name, no heading
    text = (
        "衛福部昨天宣布新的補助方案，明年起擴大適用對象。 衛福部 保護司長張秀英表示，"
        "現階段會先延長原有合約三個月，再重新招標。張秀英說，不會有空窗期。"
    )
    assert parse(text).printed_headings() == []


def test_a_two_part_opening_without_a_marked_end_stays_body() -> None:
    text = LEDE + " 年底達到百輛 交局有信心台中市電動公車數量在今年一月還是全國第一，但隨後被超前。"
    assert parse(text).printed_headings() == []


def test_a_share_prompt_glued_before_a_closing_copyright_notice_is_a_share_prompt() -> None:
    text = (
        "某市昨天开通了第三条地铁线路，全长二十八公里，设站二十个。\n"
        "首日客流超过十万人次，运营平稳。你坐过这条线吗？欢迎在评论区留言。"
        "记得关注我的账号，我们下期再见。本文为某某号作者原创，未经授权不得转载"
    )
    blocks = kinds(parse(text))
    assert ("share_prompt", "欢迎在评论区留言。记得关注我的账号，我们下期再见。") in blocks
    assert ("body", "首日客流超过十万人次，运营平稳。你坐过这条线吗？") in blocks


def test_a_data_source_line_under_a_chart_is_a_credit_not_a_heading() -> None:
    text = (
        "今年春季的空气质量并不乐观。我们不妨看一看下面这张折线图：\n数据来源：某某网\n"
        "根据大家的经验，春季代表着雾霾季节的结束，大家已经纷纷将净化器收起来了。"
    )
    article = parse(text)
    assert article.printed_headings() == []
    assert ("photo_credit", "数据来源：某某网") in kinds(article)
    assert article.source is None
