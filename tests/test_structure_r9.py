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


def test_a_source_label_glued_to_its_copyright_notice_before_the_lede() -> None:
    text = (
        "来源：某某市交警支队官方微博版权归原作者所有，如有侵权请联系我们3月2日8时许，"
        "某某高速公路发生一起多车相撞事故，造成2人受伤。目前道路已恢复通行。"
        "交警提醒，雨雪天气路面湿滑，驾驶人应当降低车速、保持车距，遇到拥堵时听从现场民警的指挥。"
    )
    article = parse(text)
    blocks = kinds(article)
    assert blocks[:2] == [
        ("source_line", "来源：某某市交警支队官方微博"),
        ("copyright", "版权归原作者所有，如有侵权请联系我们"),
    ]
    assert blocks[2][0] == "body" and blocks[2][1].startswith("3月2日8时许，")
    assert article.source == "某某市交警支队官方微博"


def test_a_source_label_without_a_notice_is_not_cut_there() -> None:
    # no copyright notice marks where the value ends: the opening is left as it was
    text = (
        "来源：某某市交警支队3月2日8时许，某某高速公路发生一起多车相撞事故，造成2人受伤。目前道路已恢复通行。"
    )
    assert "copyright" not in [kind for kind, _ in kinds(parse(text))]


def test_praise_in_a_closing_story_sentence_is_no_share_prompt() -> None:
    text = (
        "3日下午，某镇一处民房起火，派出所所长带队冲进火场，将火扑灭。\n"
        "所长的眉毛被烧焦，经医院处理后已无大碍。\n"
        "镇上的居民听说后，纷纷留言点赞道：“所长，你真棒！”\n"
        "作者：张某某\n"
    )
    blocks = kinds(parse(text))
    assert ("body", "镇上的居民听说后，纷纷留言点赞道：“所长，你真棒！”") in blocks


def test_a_plea_to_like_and_share_closing_the_page_is_a_share_prompt() -> None:
    text = (
        "3日下午，某镇一处民房起火，派出所所长带队冲进火场，将火扑灭。\n"
        "所长的眉毛被烧焦，经医院处理后已无大碍。\n"
        "觉得不错，请点赞转发\n"
    )
    assert kinds(parse(text))[-1] == ("share_prompt", "觉得不错，请点赞转发")


def test_short_lines_over_linked_teasers_are_titles_not_captions() -> None:
    text = (
        "某某基金会开展的公益活动\n"
        "某某大学志愿者宣传周启动\n"
        "此次活动面向在校大学生，目的是在同学中宣传和普及预防知识，通过互相影响，互相促进，"
        "加强全社会对预防工作的了解与关注，激发大学生的社会责任感和参与热情，让更多的同学成为宣传志愿者…［详细］\n"
        "某某社区慰问演出举行\n"
        "五百多位居民一起观看了演出，了解了有关的健康知识…［详细］\n"
    )
    blocks = kinds(parse(text))
    assert "caption" not in [kind for kind, _ in blocks]
    assert blocks.count(("related_links", "［详细］")) == 2


def test_two_short_lines_over_a_lede_are_still_photo_captions() -> None:
    text = (
        "志愿者在广场上向市民发放宣传册\n"
        "孩子们在老师带领下参观展览\n"
        "3日，某某市举行科普宣传周活动，吸引了上千名市民参加。活动持续一周，共设二十个展台。\n"
    )
    assert [kind for kind, _ in kinds(parse(text))][:2] == ["caption", "caption"]


def test_the_links_and_outlet_closing_a_teaser_are_related_links() -> None:
    text = (
        "规划提出，将完善养老服务补贴制度。［详细］（某某晚报）\n"
        "评选活动已收到一百多个项目的申报。［详细］［主办方官方网站］\n"
        "图书馆计划今年在三个省份举行志愿者活动…［详细］ ［更多消息］ …［图集］\n"
    )
    blocks = kinds(parse(text))
    assert ("related_links", "［详细］（某某晚报）") in blocks
    assert ("related_links", "［详细］［主办方官方网站］") in blocks
    assert ("related_links", "［详细］ ［更多消息］ …［图集］") in blocks


def test_a_numbered_subheading_after_an_empty_one_goes_on_with_the_run() -> None:
    text = (
        "某某助学项目内容\n"
        "一、资助对象\n"
        "项目资助对象为在校小学生，且父母双亡或者家庭没有足够的经济能力。\n"
        "二、资助标准\n"
        "每名学生每年资助一千元，其中九成用于生活费用，一成用于项目执行。\n"
        "三、反馈服务\n"
        "四、捐款方式\n"
        "现场捐款：请到某某市某某区某某路三十六号的项目部办理，工作日全天开放。\n"
        "银行捐款：请在汇款时注明助学项目，并留下您的联系方式以便寄送收据。\n"
    )
    blocks = kinds(parse(text))
    assert ("heading", "四、捐款方式") in blocks
    assert ("heading", "三、反馈服务") in blocks


def test_numbered_lines_with_no_paragraph_under_them_stay_a_list() -> None:
    text = (
        "某某助学项目内容\n"
        "一、资助对象\n"
        "项目资助对象为在校小学生，且父母双亡或者家庭没有足够的经济能力。\n"
        "二、资助标准\n"
        "每名学生每年资助一千元，其中九成用于生活费用，一成用于项目执行。\n"
        "三、反馈服务\n"
        "四、捐款方式\n"
        "五、联系我们\n"
    )
    assert ("heading", "四、捐款方式") not in kinds(parse(text))
