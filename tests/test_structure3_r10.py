"""Structure rules of session r10 (issue 18): an interview's question lines, made-up pages of the
shapes met in the corpus."""

from __future__ import annotations

from newsctl.article import Article, article_blocks, parse_article
from newsctl.read import RawDocument


def parse(text: str, title: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, (block.text or "").strip()) for block in article_blocks(article, with_text=True)]


INTERVIEW = (
    "本报讯 近日，某县文化馆馆长接受了本报采访，谈到乡村书屋的建设情况。\n"
    "为什么要在每个村都建书屋？\n"
    "村里的孩子放学后没有地方去，书屋既能看书，也能写作业，家长也放心。\n"
    "书屋的书从哪里来？\n"
    "一部分是县财政采购的，一部分是社会捐赠的，每季度更换一批。\n"
)


def test_question_lines_standing_between_answers_are_headings() -> None:
    assert parse(INTERVIEW).printed_headings() == ["为什么要在每个村都建书屋？", "书屋的书从哪里来？"]


def test_one_lone_question_line_stays_body() -> None:
    text = INTERVIEW.split("书屋的书从哪里来？")[0] + "书屋办得好不好，村民说了算。\n"
    article = parse(text)
    assert article.printed_headings() == []
    assert ("body", "为什么要在每个村都建书屋？") in kinds(article)


def test_labelled_and_quoted_questions_are_body() -> None:
    text = (
        "本报讯 近日，本报记者专访了某市科技局局长李某，谈及当地创新产业的发展。\n"
        "记者：今年全市科技投入有哪些变化？\n"
        "李某：今年全市研发投入比上年增长了一成多，重点投向新能源和生物医药。\n"
        "问：企业最关心的审批流程会怎样简化\n"
        "答：我们把审批时间从二十个工作日压缩到了七个工作日，同时推行网上办理。\n"
        "“下一步还有什么打算？”\n"
        "李某说，会继续优化营商环境，让更多企业愿意落户本市。\n"
    )
    article = parse(text)
    assert article.printed_headings() == []
    assert ("body", "问：企业最关心的审批流程会怎样简化") in kinds(article)


COURT_PAGE = (
    "某县法院日前成功执结一起厂房腾退案，申请人拿回了被长期占用的厂房。\n"
    "被执行人拒不搬离，执行法官多次上门做工作，但对方一直以各种理由拖延。\n"
    "5月12日，执行干警张贴腾退公告\n"
    "执行法官随后约谈了被执行人，讲明拒不履行的法律后果，并给出最后期限。\n"
    "执行干警清点现场物品\n"
    "仓库内堆满废旧设备\n"
    "期限届满后，法院依法组织强制腾退，现场秩序良好，厂房当天交还申请人。\n"
)


def test_short_lines_opening_like_the_pages_caption_are_captions() -> None:
    article = parse(COURT_PAGE)
    assert article.printed_headings() == []
    assert ("caption", "执行干警清点现场物品") in kinds(article)
    assert ("caption", "仓库内堆满废旧设备") in kinds(article)


def test_a_subheading_not_opening_like_a_caption_stays_a_heading() -> None:
    text = COURT_PAGE.replace("执行干警清点现场物品\n仓库内堆满废旧设备\n", "强制腾退依法进行\n")
    assert parse(text).printed_headings() == ["强制腾退依法进行"]


def test_unpunctuated_sentences_are_not_headings() -> None:
    text = (
        "某市地铁昨日公布了暴雨天气的应急预案，明确了各岗位的职责。\n"
        "先来看看，车站工作人员，遇到积水倒灌时要做什么\n"
        "值班站长负责指挥疏散，并向控制中心报告现场情况，必要时关闭出入口。\n"
        "不仅如此，在预案中\n"
        "还规定了列车司机在隧道内停车时的处置办法，以及与公交接驳的流程。\n"
        "延误十五分钟启动接驳\n"
        "接驳公交车将在出口外的指定地点等候乘客，免费送往附近各站。\n"
    )
    assert parse(text).printed_headings() == ["延误十五分钟启动接驳"]


WIRE = (
    "新华社北京3月5日电记者张小明高亮工信部5日发布数据显示，今年前两个月全国规模以上工业增加值同比增长。\n"
    "工信部有关负责人表示，工业经济总体保持平稳，制造业投资增速加快。\n"
)


def test_reporters_run_into_a_wire_lede_are_cut_where_the_story_begins() -> None:
    article = parse(WIRE)
    assert article.reporters == ["张小明", "高亮"]
    assert ("byline", "记者张小明高亮") in kinds(article)
    assert any(kind == "body" and text.startswith("工信部5日发布") for kind, text in kinds(article))


def test_no_cut_when_the_lede_opens_on_no_word_the_story_repeats() -> None:
    article = parse(WIRE.replace("工信部有关负责人", "有关负责人"))
    assert article.reporters == []


def test_a_forwarding_prompt_over_the_copyright_line_is_a_share_prompt() -> None:
    text = (
        "某市今年新建了十二所幼儿园，新增学位三千多个，缓解了入园难问题。\n"
        "市教育局表示，明年还将继续扩大学前教育资源。\n"
        "觉得有用就转发给身边的朋友吧！\n"
        "本文为原创，未经授权不得转载。\n"
    )
    assert ("share_prompt", "觉得有用就转发给身边的朋友吧！") in kinds(parse(text))


def test_a_labelled_title_printed_without_the_records_space_is_the_title() -> None:
    text = (
        "原标题:百年老钟送到南京修理三位老师傅接手某某讯某博物馆馆长亲自将老钟送到南京。\n"
        "三位老师傅用了十天时间，让这座百年老钟重新走了起来。\n"
    )
    article = parse(text, title="百年老钟送到南京修理 三位老师傅接手")
    assert ("title", "原标题:百年老钟送到南京修理三位老师傅接手") in kinds(article)
