"""Structure rules of session r10, second pass (issue 18): page tails and glued credits, made-up
pages of the shapes met in the corpus."""

from __future__ import annotations

from newsctl.article import Article, article_blocks, parse_article
from newsctl.read import RawDocument


def parse(text: str, title: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title))


def kinds(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, (block.text or "").strip()) for block in article_blocks(article, with_text=True)]


MAGAZINE_PAGE = (
    "某連鎖書店下周在市中心開出新旗艦店，賣場面積比一般門市大上一倍。 "
    "店內設有兒童閱讀區和咖啡座，開幕當天前百名顧客可獲得限量帆布袋。 "
    "店長表示，希望新店成為周末親子出遊的好去處。 "
    "（撰文：林某某）店內的兒童閱讀區鋪上軟墊，孩子可以席地而坐。（攝影：陳某某）"
    "咖啡座靠窗，能看到整條街景。（攝影：陳某某）"
)


def test_writer_credit_opening_the_last_line_closes_the_story_and_captions_follow() -> None:
    article = parse(MAGAZINE_PAGE)
    got = kinds(article)
    assert ("byline", "（撰文：林某某）") in got
    assert ("caption", "店內的兒童閱讀區鋪上軟墊，孩子可以席地而坐。") in got
    assert ("photo_credit", "（攝影：陳某某）") in got
    assert ("caption", "咖啡座靠窗，能看到整條街景。") in got
    assert article.reporters == ["林某某"]


def test_writer_credit_opening_the_text_is_not_a_closing_byline() -> None:
    text = (
        "（撰文：林某某）店內的兒童閱讀區鋪上軟墊，孩子可以席地而坐。（攝影：陳某某）"
        "店長表示，希望新店成為好去處。"
    )
    got = kinds(parse(text))
    assert not any(kind == "caption" for kind, _ in got)


FOOD_PAGE = (
    "〔記者王某某／台北報導〕某日式餐廳下月推出夏季限定菜單，主打冷麵與海鮮丼。"
    "主廚表示，今年特別選用在地漁港直送的漁獲，價格與去年持平，希望讓更多上班族吃得起。"
    "餐廳也將延長營業時間至晚上十點。圖片提供：某餐廳夏季限定的冷麵套餐，含小菜與飲料，320元。"
    "（記者王某某攝）海鮮丼使用當日漁獲，份量十足。"
)


def test_picture_credit_glued_after_the_last_sentence_opens_the_caption_run() -> None:
    got = kinds(parse(FOOD_PAGE))
    assert got[-3:] == [
        ("caption", "圖片提供：某餐廳夏季限定的冷麵套餐，含小菜與飲料，320元。"),
        ("photo_credit", "（記者王某某攝）"),
        ("caption", "海鮮丼使用當日漁獲，份量十足。"),
    ]
    assert got[-4][0] == "body" and got[-4][1].endswith("餐廳也將延長營業時間至晚上十點。")


def test_picture_credit_without_a_photographer_after_it_stays_body() -> None:
    text = FOOD_PAGE.replace("（記者王某某攝）", "")
    assert not any(kind == "caption" for kind, _ in kinds(parse(text)))


CREDITS_PAGE = (
    "某市图书馆今年新增自助借还机二十台，读者借书不再需要排队。馆方表示，明年还将开通夜间借阅服务。\n"
    "文稿来源/某市文化局责任编辑/张某某 统筹策划/李某某本期编辑/王某\n"
    "喜欢就请分享给朋友这是一个有温度的公众号\n"
)


def test_a_line_opening_with_slashed_credits_closes_the_page() -> None:
    article = parse(CREDITS_PAGE)
    got = kinds(article)
    assert got[-2] == ("source_line", "文稿来源/某市文化局责任编辑/张某某 统筹策划/李某某本期编辑/王某")
    assert got[-1] == ("share_prompt", "喜欢就请分享给朋友这是一个有温度的公众号")
    assert article.source == "某市文化局"
    assert article.reporters == []


def test_one_slashed_label_in_a_sentence_stays_body() -> None:
    text = "某市图书馆今年新增自助借还机二十台。\n编辑/校对工作由馆员轮流负责，每周更换一次书目。\n"
    assert all(kind == "body" for kind, _ in kinds(parse(text)))


def test_a_source_with_a_bar_after_glued_share_prompts_is_cut_with_them() -> None:
    text = (
        "某县法院日前审结一起邻里纠纷案，双方当庭达成和解，原告撤回了起诉。"
        "法官提醒，邻里之间有矛盾应当先协商解决。（文中当事人均为化名）"
        "关注我们免费接收更多精彩内容来源｜某某晚报/某某客户端\n"
    )
    article = parse(text)
    got = kinds(article)
    assert got[-3:] == [
        ("editor_note", "（文中当事人均为化名）"),
        ("share_prompt", "关注我们免费接收更多精彩内容"),
        ("source_line", "来源｜某某晚报/某某客户端"),
    ]
    assert article.source == "某某晚报"


def test_a_source_glued_to_an_unpunctuated_closing_line_is_cut() -> None:
    text = (
        "某中学文学社本周举办了读书分享会，三十多名同学参加。\n"
        "同学们说这样的活动让大家更爱读书了快来为他们点赞吧来源：某某中学团委\n"
    )
    article = parse(text)
    assert kinds(article)[-1] == ("source_line", "来源：某某中学团委")
    assert article.source == "某某中学团委"


def test_a_compound_ending_in_source_at_a_line_end_stays_body() -> None:
    text = "某村今年种植的蔬菜全部销往城里。\n大棚蔬菜已经成为村民的主要收入来源：村民说\n"
    assert not any(kind == "source_line" for kind, _ in kinds(parse(text)))


REALTIME_PAGE = (
    "某市今天起實施多項交通新制，違規停車罰款提高，機車路口待轉區也將增加。 "
    "交通局表示，新制上路前有一個月宣導期，宣導期內以勸導為主。\n"
    "(生活中心／台北報導)多項新制今起上路，提醒民眾留意。\n"
    "交通局說明新制內容。王某某攝\n"
    "路口增設待轉區。李某某攝\n"
)


def test_a_line_opening_with_the_closing_byline_before_captions_is_byline_and_caption() -> None:
    article = parse(REALTIME_PAGE)
    got = kinds(article)
    assert ("byline", "(生活中心／台北報導)") in got
    assert ("caption", "多項新制今起上路，提醒民眾留意。") in got


def test_a_line_with_a_glued_credit_between_captions_is_captions() -> None:
    text = REALTIME_PAGE.replace(
        "交通局說明新制內容。王某某攝\n",
        "交通局說明新制內容。王某某攝\n宣導人員在路口發放傳單。陳某某攝待轉區畫上新標線，方便機車停等。\n",
    )
    got = kinds(parse(text))
    assert ("caption", "宣導人員在路口發放傳單。") in got
    assert ("caption", "待轉區畫上新標線，方便機車停等。") in got


def test_a_closing_byline_line_with_story_after_it_stays() -> None:
    text = REALTIME_PAGE.split("交通局說明")[0] + "交通局也提醒，違規將依法開罰，請駕駛人多加注意安全。\n"
    assert not any(kind == "caption" for kind, _ in kinds(parse(text)))


def test_a_closing_wechat_id_line_is_a_share_prompt() -> None:
    text = (
        "某县交警大队昨天走进小学开展交通安全宣讲，发放宣传单三百余份。\u3000\u3000\u3000\u3000"
        "民警提醒学生过马路要走斑马线，不在路边追逐打闹。\u3000\u3000\u3000\u3000"
        "学校负责人表示，今后将定期邀请民警到校宣讲。\u3000\u3000\u3000\u3000"
        "微信号：abcjj01 某县交警 平安出行\n"
    )
    assert kinds(parse(text))[-1] == ("share_prompt", "微信号：abcjj01 某县交警 平安出行")


def test_a_short_headline_holding_an_advert_word_is_not_an_ad() -> None:
    text = (
        "某视频平台一季度营收增长两成，净亏损收窄。\n"
        "某门户网站营收3亿 移动广告带动增长\n"
        "财报显示，一季度净广告收入同比增长一成，主要来自移动端。\n"
    )
    assert ("body", "某门户网站营收3亿 移动广告带动增长") in kinds(parse(text)) or (
        "heading",
        "某门户网站营收3亿 移动广告带动增长",
    ) in kinds(parse(text))


def test_an_advert_label_line_is_still_furniture() -> None:
    text = "某视频平台一季度营收增长两成，净亏损收窄。\n【广告】\n财报显示，一季度净广告收入同比增长一成。\n"
    assert ("ad", "【广告】") in kinds(parse(text))


def test_a_slashed_writer_credit_closes_the_story_too() -> None:
    text = MAGAZINE_PAGE.replace("（撰文：林某某）", "（文／林某某）")
    got = kinds(parse(text))
    assert ("byline", "（文／林某某）") in got
    assert ("caption", "咖啡座靠窗，能看到整條街景。") in got
