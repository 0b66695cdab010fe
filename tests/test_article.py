"""Article structure: metadata, body, sentences and boilerplate, on the seed,
on hand-made cases and on every fixture article in tests/fixtures/articles."""

from __future__ import annotations

import bisect
import json
from pathlib import Path

import pytest

from newsctl.article import Article, parse_article, parse_published, split_sentences
from newsctl.clean import clean_text
from newsctl.read import RawDocument, iter_documents

FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "articles"
EXPECTED: dict[str, dict] = json.loads((FIXTURE_DIR / "expected.json").read_text(encoding="utf-8"))


def parse_path(path: Path) -> Article:
    [doc] = list(iter_documents([str(path)]))
    assert doc.error is None, doc.error
    return parse_article(doc)


def parse_text(text: str) -> Article:
    return parse_article(RawDocument("t", "t", text=text))


def cleaned_range(article: Article, needle: str) -> tuple[int, int]:
    """The cleaned-text range behind the first occurrence of `needle` in the source."""
    source = article.cleaned.source
    assert needle in source, f"{needle!r} is not in the source text"
    src_start = source.index(needle)
    index = article.cleaned.source_index
    return bisect.bisect_left(index, src_start), bisect.bisect_left(index, src_start + len(needle))


def _content_spans(article: Article) -> list[tuple[int, int]]:
    """What the summary and keywords read: body paragraphs and headings."""
    return article.paragraphs + article.heading_spans


def in_body(article: Article, needle: str) -> bool:
    start, end = cleaned_range(article, needle)
    spans = _content_spans(article)
    return end > start and all(
        article.text[i].isspace() or any(s <= i < e for s, e in spans) for i in range(start, end)
    )


def out_of_body(article: Article, needle: str) -> bool:
    start, end = cleaned_range(article, needle)
    return all(min(end, e) <= max(start, s) for s, e in _content_spans(article))


def sentence_texts(article: Article) -> list[str]:
    return [article.text[s.start : s.end] for s in article.sentences]


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, [(0, len(text))])]


# ---------------------------------------------------------------------------
# the seed


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Article:
    return parse_path(seed_path)


def test_seed_metadata(seed: Article) -> None:
    assert seed.title is None
    assert seed.source == "齐鲁网"
    assert seed.published_iso() == "2020-05-20T11:09:05+08:00"
    assert seed.dateline == "齐鲁网·闪电新闻5月20日讯"
    assert seed.reporters == ["刘晨", "冯振弘"]
    assert seed.headings == [
        "完善工作机制高位推进更加有力",
        "突出工作重点 优势特色更加鲜明",
        "做好结合文章 促进作用更加明显",
    ]


def test_seed_first_sentence_without_dateline(seed: Article) -> None:
    first = sentence_texts(seed)[0]
    assert first.startswith("2019年以来,山东省政府办公厅全力抓实文明创建各项工作")
    assert first.endswith("文明创建取得重要阶段性成果。")
    assert seed.paragraphs[0][0] == seed.sentences[0].start
    assert seed.cleaned.source_text(seed.sentences[0].start, seed.sentences[0].end).startswith("2019年以來")


def test_seed_byline_and_footer_not_in_body(seed: Article) -> None:
    source_lines = seed.cleaned.source.splitlines()
    byline, footer = source_lines[-2], source_lines[-1]
    assert byline.startswith("閃電新聞記者")
    assert footer.startswith("想爆料")
    for line in (source_lines[0], source_lines[1], byline, footer):
        assert out_of_body(seed, line)
    assert out_of_body(seed, "齊魯網(wǎng)·閃電新聞5月20日訊")
    for sentence in sentence_texts(seed):
        for fragment in ("记者", "刘晨", "冯振弘", "报道", "爆料", "热线", "诚邀合作", "来源", "2020-05-20"):
            assert fragment not in sentence
    body = seed.body_text
    for fragment in ("刘晨", "爆料", "广告热线", "闪电新闻5月20日讯", "11:09:05"):
        assert fragment not in body
    assert sentence_texts(seed)[-1].endswith(";“放管服”改革在全国也开辟多例首创之举。")


def test_seed_body_text_is_aligned(seed: Article) -> None:
    assert len(seed.body_text) == len(seed.text)
    for start, end in seed.paragraphs + seed.heading_spans:
        assert seed.body_text[start:end] == seed.text[start:end]
    assert sum(1 for ch in seed.body_text if not ch.isspace()) < sum(
        1 for ch in seed.text if not ch.isspace()
    )


def test_seed_quoted_question_mark_not_split(seed: Article) -> None:
    [sentence] = [s for s in sentence_texts(seed) if "身边好人?最美人物" in s]
    assert sentence.startswith("2019年共组织“道德讲堂”2期")
    assert sentence.endswith("个人品德教育。")


# ---------------------------------------------------------------------------
# sentence splitting


def test_split_on_chinese_punctuation() -> None:
    text = "第一句。第二句！第三句？第四句；第五句……第六句"
    assert split(text) == ["第一句。", "第二句！", "第三句？", "第四句；第五句……", "第六句"]


def test_semicolon_joins_the_clauses_of_one_sentence() -> None:
    text = "报告将其降为第三级；这份报告是一系列信号的一部分。下一句。"
    assert split(text) == ["报告将其降为第三级；这份报告是一系列信号的一部分。", "下一句。"]
    assert split("强化责任;广大干部要履责。") == ["强化责任;广大干部要履责。"]


def test_never_split_inside_quotes() -> None:
    text = "他说：“今天很好。明天也好！后天呢？”随后离开了会场。第二句。"
    assert split(text) == ["他说：“今天很好。明天也好！后天呢？”", "随后离开了会场。", "第二句。"]


def test_never_split_inside_book_title() -> None:
    text = "印发了《关于加强。以党建促创建！的意见？》，提出10条要求。下一句。"
    assert split(text) == ["印发了《关于加强。以党建促创建！的意见？》，提出10条要求。", "下一句。"]


def test_quoted_ascii_question_mark_not_split() -> None:
    text = "积极开展“道德模范”“身边好人?最美人物”“文明家庭”等活动。完。"
    assert split(text) == ["积极开展“道德模范”“身边好人?最美人物”“文明家庭”等活动。", "完。"]


def test_ascii_question_and_exclamation_after_chinese_split() -> None:
    assert split("想爆料?请拨打热线!谢谢") == ["想爆料?", "请拨打热线!", "谢谢"]
    assert split("版本2.0发布,Hello!World?真的") == ["版本2.0发布,Hello!World?真的"]


def test_full_width_punctuation_after_digits_splits() -> None:
    cleaned = clean_text("小学组占比42%；女性选手达到310名，同比增长50%！下一句。")
    sentences = split_sentences(cleaned.text, [(0, len(cleaned.text))], cleaned.original)
    assert [cleaned.source_text(s.start, s.end) for s in sentences] == [
        "小学组占比42%；女性选手达到310名，同比增长50%！",
        "下一句。",
    ]
    assert split("访问https://x.cn/a?id=3;b=4查看") == ["访问https://x.cn/a?id=3;b=4查看"]


def test_quote_that_ends_a_sentence_ends_it() -> None:
    text = "她说：“我们会继续努力。”记者了解到，活动持续一周。"
    assert split(text) == ["她说：“我们会继续努力。”", "记者了解到，活动持续一周。"]
    assert split("研究团队表示：「成果将被抵销。」臭氧层位于平流层。") == [
        "研究团队表示：「成果将被抵销。」",
        "臭氧层位于平流层。",
    ]
    assert split("他喊道：“快跑！”") == ["他喊道：“快跑！”"]


def test_closing_quote_keeps_its_attribution_and_punctuation() -> None:
    text = "「我很安慰。」阿嬷洪某说，但很烦恼医疗费。下一句。"
    assert split(text) == ["「我很安慰。」阿嬷洪某说，但很烦恼医疗费。", "下一句。"]
    assert split("“明天见。”他表示。") == ["“明天见。”他表示。"]
    assert split("他说“好。”，然后走了。") == ["他说“好。”，然后走了。"]
    assert split("“手机全搞定，”这是评价。") == ["“手机全搞定，”这是评价。"]
    # a cry or question quoted inside a clause goes on with it
    assert split("他吃完辣椒立刻猛喊「好辣！」赶紧猛灌西瓜汁。") == [
        "他吃完辣椒立刻猛喊「好辣！」赶紧猛灌西瓜汁。"
    ]
    assert split("他在「采购涉弊？」记者会上发言。") == ["他在「采购涉弊？」记者会上发言。"]
    assert split("「快醒来！」只见他举起右手。") == ["「快醒来！」", "只见他举起右手。"]


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = "他说：“" + "这是很长的一句话。" * 60
    sentences = split(text)
    assert len(sentences) == 60
    assert "".join(sentences) == text


def test_sentences_index_the_body(seed: Article) -> None:
    for number, sentence in enumerate(seed.sentences):
        assert sentence.index == number
        start, end = seed.paragraphs[sentence.paragraph]
        assert start <= sentence.start < sentence.end <= end


# ---------------------------------------------------------------------------
# hand-made cases


def test_no_title_when_first_line_is_a_sentence() -> None:
    article = parse_text("本报讯 这是第一段的内容，说明了事情的经过。\n\n这是第二段。")
    assert article.title is None
    assert article.dateline == "本报讯"


def test_title_then_blank_line() -> None:
    article = parse_text("青禾县举办读书节\n\n本报讯（记者 张三）3日，读书节开幕。\n\n活动持续一周。")
    assert article.title == "青禾县举办读书节"
    assert article.reporters == ["张三"]
    first = article.sentences[0]
    assert article.cleaned.source_text(first.start, first.end) == "3日，读书节开幕。"


def test_metadata_from_jsonl_record_wins() -> None:
    doc = RawDocument(
        "x",
        "x",
        text="来源：甲报\n2020-01-02 03:04\n正文内容。",
        title="標題",
        source="乙報",
        published="2021-05",
    )
    article = parse_article(doc)
    assert (article.title, article.source, article.published_iso()) == ("标题", "乙报", "2021-05")


def test_title_may_mention_boilerplate_words() -> None:
    article = parse_text("青禾县查处一批虚假广告 扫码点餐也要守规矩\n\n本报讯 第一段。\n\n第二段。")
    assert article.title == "青禾县查处一批虚假广告 扫码点餐也要守规矩"


def test_reporter_bracket_without_dispatch() -> None:
    article = parse_text("(记者 王五)近日，青禾县举办读书节。\n活动持续一周。")
    assert article.dateline is None
    assert article.reporters == ["王五"]
    assert sentence_texts(article)[0] == "近日,青禾县举办读书节。"


def test_bracket_tag_is_not_a_dateline() -> None:
    article = parse_text("【独家】青禾县举办读书节。\n活动持续一周。")
    assert article.dateline is None
    assert in_body(article, "【独家】青禾县举办读书节")


def test_slash_byline_names_without_role_word() -> None:
    article = parse_text("【吳某某、陳某某╱台北報導】台北市昨日宣布新措施。\n措施下月實施。")
    assert article.dateline == "吴某某、陈某某╱台北报导"
    assert article.reporters == ["吴某某", "陈某某"]
    desk = parse_text("【政治中心╱台北報導】台北市昨日宣布新措施。\n措施下月實施。")
    assert desk.dateline == "政治中心╱台北报导"
    assert desk.reporters == []  # a desk, not a person


@pytest.mark.parametrize(
    ("opening", "dateline", "reporters"),
    [
        # A reporter and what the story is, with no place: a byline, not a dateline.
        ("記者王小明／特稿\n", None, ["王小明"]),
        ("記者李大同／專訪\n", None, ["李大同"]),
        ("〔記者張美華／綜合報導〕", None, ["张美华"]),
        # A place is a dateline; a desk with a story label names no reporter and stays one.
        ("〔記者張美華／台中報導〕", "记者张美华／台中报导", ["张美华"]),
        ("國際中心／綜合報導\n", "国际中心／综合报导", []),
    ],
)
def test_reporter_with_a_story_label_is_a_byline(
    opening: str, dateline: str | None, reporters: list[str]
) -> None:
    article = parse_text(opening + "市議會昨天通過新的預算案，明年起實施。\n議員表示將持續監督。")
    assert (article.dateline, article.reporters) == (dateline, reporters)
    first = article.blocks[0]
    assert first.kind == ("byline" if dateline is None else "dateline")
    assert (first.start, first.end) == (0, len(opening.strip()))


def test_a_digest_takes_no_source_from_its_last_items_credit() -> None:
    items = (
        "某市新建三座公園，下月開放。（甲乙網）\n某縣今年糧食增產一成。（丙丁日報）\n"
        "某鎮舉辦龍舟賽，千人觀看。（甲乙網）"
    )
    assert parse_text(items).source is None  # each item credits its own outlet
    single = "某市新建三座公園，下月開放。\n市民表示期待。（甲乙網）"
    assert parse_text(single).source == "甲乙网"  # one story, closed by its outlet


def test_program_name_after_dateline() -> None:
    article = parse_text("央视网消息（新闻联播）：国务院今天召开常务会议。\n会议指出，要稳就业。")
    assert (article.dateline, article.source) == ("央视网消息", "央视网")
    assert sentence_texts(article)[0] == "国务院今天召开常务会议。"


def test_update_time_is_not_the_publication_time() -> None:
    article = parse_text(
        "最后更新：2021-09-14 18:02\n发布时间：2021-09-14 17:45\n\n正文第一段。\n\n正文第二段。"
    )
    assert article.published_iso() == "2021-09-14T17:45:00+08:00"
    only_update = parse_text("更新时间：2021-09-14 18:02\n\n正文第一段。\n\n正文第二段。")
    assert only_update.published_iso() == "2021-09-14T18:02:00+08:00"


def test_captions_are_not_body_and_name_no_source() -> None:
    article = parse_text(
        "本报讯 第一段正文内容。\n图为游客在花海中拍照留念。记者 张三 摄\n"
        "第二段正文内容。\n▲开幕式现场。图片来源：某县文旅局\n第三段。"
    )
    assert article.source is None
    assert out_of_body(article, "图为游客在花海中拍照留念。记者 张三 摄")
    assert out_of_body(article, "▲开幕式现场。图片来源：某县文旅局")
    assert len(article.paragraphs) == 3


def test_related_block_ends_at_a_sentence() -> None:
    article = parse_text(
        "本报讯 第一段正文内容。\n相关新闻：\n某地发布春季旅游线路\n另一条相关链接\n"
        "记者随后了解到，活动将持续一周。\n最后一段。"
    )
    assert out_of_body(article, "相关新闻：")
    assert out_of_body(article, "某地发布春季旅游线路")
    assert out_of_body(article, "另一条相关链接")
    assert in_body(article, "记者随后了解到，活动将持续一周。")
    assert article.headings == []


@pytest.mark.parametrize(
    "line",
    [
        "记者" + "和" * 56 + "。",
        "记者 " + "张三 " * 18 + "。",
        "记者" + " 和" * 28 + "x",
        "(" + "记者 " * 15 + "x",
        "和" * 60 + "摄影x",
    ],
)
def test_near_bylines_are_body(line: str) -> None:
    # These lines make a byline pattern with nested repeats backtrack for minutes.
    article = parse_text(f"本报讯 第一段。\n{line}\n最后一段。")
    assert article.reporters == []
    assert in_body(article, line)


def test_short_byline_variants() -> None:
    for line, names in [
        ("记者 刘晨 冯振弘 报道", ["刘晨", "冯振弘"]),
        ("闪电新闻记者 刘晨 冯振弘 报道", ["刘晨", "冯振弘"]),
        ("（记者　孙晓明）", ["孙晓明"]),
        ("记者 钱宇 通讯员 杨帆", ["钱宇", "杨帆"]),
        ("撰文：陈嘉欣", ["陈嘉欣"]),
        ("〔记者林志明／新北报导〕", ["林志明"]),
    ]:
        article = parse_text(f"本报讯 第一段。\n第二段。\n{line}")
        assert article.reporters == names, line
        assert out_of_body(article, line), line


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-05-20 11:09:05", "2020-05-20T11:09:05+08:00"),
        ("2020年5月20日 11:09", "2020-05-20T11:09:00+08:00"),
        ("2021年06月02日", "2021-06-02"),
        ("2017/05/03 14:20", "2017-05-03T14:20:00+08:00"),
        ("2021-09-14T17:45:00Z", "2021-09-14T17:45:00+00:00"),
        ("2021", "2021"),
        ("2019-02", "2019-02"),
    ],
)
def test_parse_published(value: str, iso: str) -> None:
    from newsctl.article import format_published

    assert format_published(*parse_published(value)) == iso


# ---------------------------------------------------------------------------
# every fixture article


def accepted(expected: dict, key: str) -> list:
    return [expected.get(key), *expected.get(f"{key}_alternatives", [])]


@pytest.fixture(scope="module")
def parsed() -> dict[str, Article]:
    return {}


def fixture_article(name: str, cache: dict[str, Article]) -> Article:
    if name not in cache:
        cache[name] = parse_path(FIXTURE_DIR / name)
    return cache[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reading(name: str, parsed: dict[str, Article]) -> None:
    expected = EXPECTED[name]
    article = fixture_article(name, parsed)
    assert article.doc.encoding in accepted(expected, "encoding")
    assert article.cleaned.script == expected["script"]
    raw = (FIXTURE_DIR / name).read_bytes()
    assert ("\r\n" in article.doc.text) == (expected["newline"] == "crlf")
    assert not article.doc.text.startswith("\ufeff")
    assert raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) == expected["bom"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("key", ["title", "source", "published", "dateline"])
def test_fixture_metadata(name: str, key: str, parsed: dict[str, Article]) -> None:
    expected = EXPECTED[name]
    article = fixture_article(name, parsed)
    value = article.published_iso() if key == "published" else getattr(article, key)
    assert value in accepted(expected, key)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reporters_and_headings(name: str, parsed: dict[str, Article]) -> None:
    expected = EXPECTED[name]
    article = fixture_article(name, parsed)
    assert article.reporters == expected["reporters"]
    assert article.headings == expected["headings"]
    for line in expected.get("not_headings", []):
        start, end = cleaned_range(article, line)
        assert not any(s < end and start < e for s, e in article.heading_spans), line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_body(name: str, parsed: dict[str, Article]) -> None:
    expected = EXPECTED[name]
    article = fixture_article(name, parsed)
    for fragment in expected["body_contains"]:
        assert in_body(article, fragment), f"not in the body: {fragment!r}"
    for fragment in expected["boilerplate_contains"]:
        assert out_of_body(article, fragment), f"in the body: {fragment!r}"
    for sentence in article.sentences:
        assert article.body_text[sentence.start : sentence.end] == article.text[sentence.start : sentence.end]
    assert article.sentences, "no body sentences"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_cleaning(name: str, parsed: dict[str, Article]) -> None:
    expected = EXPECTED[name]
    cleaned = fixture_article(name, parsed).cleaned
    for fragment in expected.get("clean_contains", []):
        assert fragment in cleaned.original
    for fragment in expected.get("clean_excludes", []):
        assert fragment not in cleaned.original
        assert fragment not in cleaned.text
    for value in (cleaned.text, cleaned.original):
        assert clean_text(value).annotations == ()


def test_traditional_names_are_printed_as_the_page_prints_them() -> None:
    article = parse_text("【陳大華、劉小龍╱台北報導】某縣今天舉行運動會。\n\n報導•攝影╱蔣明樺")
    assert article.reporters == ["陈大华", "刘小龙", "蒋明桦"]  # Simplified, for matching
    assert article.printed_dateline() == "陳大華、劉小龍╱台北報導"
    assert article.printed_reporters() == ["陳大華", "劉小龍", "蔣明樺"]


def test_simplified_names_print_unchanged() -> None:
    article = parse_text("本报北京3月1日电（记者张三、李四）某部门今天发布新规。")
    assert article.printed_dateline() == article.dateline == "本报北京3月1日电"
    assert article.printed_reporters() == ["张三", "李四"]


def test_outlet_of_a_dateline_with_a_date() -> None:
    for text, outlet in [
        ("某某在线12月21日讯 某区今天开展检查。", "某某在线"),
        ("某某网宁波2月18日电 某区今天开展检查。", "某某网"),
        ("【某某网综合报道】某区今天开展检查。", "某某网"),
    ]:
        assert parse_text(text).source == outlet, text


def test_an_attribution_opening_the_lede_is_no_dateline() -> None:
    article = parse_text("据某国媒体报道，某银行日前在取款机上增加了捐款选项。\n\n该功能将推广到其他银行。")
    assert article.dateline is None
    assert sentence_texts(article)[0].startswith("据某国媒体报道")


def test_slash_byline_with_a_place_not_in_the_list() -> None:
    article = parse_text("某機場今天舉行服務展，民眾踴躍參加。\n（突發中心黃小明／桃園機場報導）")
    assert article.reporters == ["黄小明"]


def test_opening_credit_glued_onto_a_lede_that_opens_with_its_role() -> None:
    article = parse_text("文/某某派记者 王小明记者2日从某法院获悉，一名店主违规使用添加剂被判刑。")
    assert article.reporters == ["王小明"]
    assert sentence_texts(article)[0].startswith("记者2日从某法院获悉")


def test_closing_outlet_and_reporters_glued_after_the_last_sentence() -> None:
    article = parse_text(
        "医生提醒，多吃蔬菜水果有助抵抗病毒的侵袭。某某晨报、某某网首席记者王小明实习生李大同图片由受访者提供"
    )
    assert article.reporters == ["王小明", "李大同"]
    assert parse_text("老人认为，这一切都有待考证，但也并非没有可能。某某点记者孔芳芳邵丹").reporters == [
        "孔芳芳",
        "邵丹",
    ]
    # a caption's photo credit is no byline
    assert parse_text("图为工人在检修设备。某某社记者刘小明摄").reporters == []


def test_an_opening_bracket_of_an_outlet_and_its_column() -> None:
    article = parse_text("【某某仪器网 行业动态】环境监测正面临两个风口，一个是资本风口，一个是造假风口。")
    assert article.source == "某某仪器网"
    assert article.dateline == "某某仪器网 行业动态"
    # a bracket that names no outlet is no dateline
    assert parse_text("【独家 深度调查】环境监测正面临两个风口，一个是资本风口。").dateline is None
