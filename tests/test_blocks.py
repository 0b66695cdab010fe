"""Blocks: the coverage properties on any text, one hand-written page per layout
(tests/fixtures/blocks/cases.json, every kind of the contract), what the
analyzers read off the blocks, `check`'s structure findings and `clean --body`
/ `clean --blocks` through the real command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.article import Article, article_blocks, content_text, parse_article
from newsctl.blocks import KINDS, NO_FACT_KINDS, Block, cover
from newsctl.check import structure_problems
from newsctl.cli import cli
from newsctl.read import RawDocument

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parent / "fixtures" / "blocks" / "cases.json").read_text(encoding="utf-8")
)["cases"]


def parse(text: str, title: str | None = None, published: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title, published=published))


def source_blocks(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, block.text or "") for block in article_blocks(article, with_text=True)]


# ---------------------------------------------------------------------------
# properties on any text

# Pieces that exercise the rules: brackets, slashes, labels, credits, newlines, spaces, annotations.
_PIECES = st.sampled_from(
    [
        "。",
        "，",
        "！",
        "？",
        "\n",
        "\n\n",
        " ",
        "\u3000",
        "（",
        "）",
        "【",
        "】",
        "〔",
        "〕",
        "／",
        "╱",
        "：",
        "记者",
        "报导",
        "报道",
        "来源：",
        "编辑：",
        "摄",
        "提供",
        "本报讯",
        "新华社北京3月5日电",
        "［详细］",
        "出版时间01:46",
        "返回搜狐，查看更多",
        "原标题：",
        "(更新：影片)",
        "网(wǎng)",
        "\u200b",
        "美联社",
        "张某某",
        "台北",
        "2023-04-23 09:30",
        "相关阅读：",
        "基金会编号：A1",
        "编者按：",
        "A",
        "1",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, st.text(min_size=1, max_size=6)), max_size=40).map("".join)


def _check_cover(text: str, spans: list[tuple[int, int]]) -> None:
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), (start, end, previous_end)
        assert not text[start].isspace() or not text[start].strip(), "a block starts on a space"
        covered.update(range(start, end))
        previous_end = end
    missing = [i for i, char in enumerate(text) if not char.isspace() and i not in covered]
    assert missing == [], f"not covered: {[text[i] for i in missing]}"


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_blocks_cover_every_non_space_character_in_order(text: str) -> None:
    article = parse(text)
    assert all(block.kind in KINDS for block in article.blocks)
    _check_cover(article.cleaned.text, [(block.start, block.end) for block in article.blocks])
    records = article_blocks(article)
    _check_cover(text, [record.span for record in records])
    if article.blocks:
        assert [record.kind for record in records] == [block.kind for block in article.blocks]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_analyzers_read_only_their_blocks(text: str) -> None:
    article = parse(text)
    body = [(block.start, block.end) for block in article.blocks if block.kind == "body"]
    for start, end in article.paragraphs:
        assert any(s <= start and end <= e for s, e in body)
    for sentence in article.sentences:
        assert any(s <= sentence.start and sentence.end <= e for s, e in body)
    assert len(article.body_text) == len(article.cleaned.text)
    for block in article.blocks:
        kept = article.body_text[block.start : block.end]
        if block.kind in NO_FACT_KINDS:
            assert not kept.strip()
        else:
            assert kept == article.cleaned.text[block.start : block.end]


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.sampled_from(sorted(KINDS))), max_size=8)
)
def test_cover_accepts_any_pieces(pieces: list[tuple[int, int, str]]) -> None:
    text = "甲乙 丙丁\n戊己庚 辛壬癸子丑寅卯辰 巳午未申酉戌亥"
    blocks = cover(text, pieces)
    _check_cover(text, [(b.start, b.end) for b in blocks])
    assert all(isinstance(b, Block) for b in blocks)


def test_empty_and_blank_texts_have_no_blocks() -> None:
    assert parse("").blocks == []
    assert parse(" \n\u3000\n").blocks == []
    assert [r.kind for r in article_blocks(parse("\u200b"))] == ["other_boilerplate"]


# ---------------------------------------------------------------------------
# one page per layout


@pytest.mark.parametrize("case", CASES, ids=[case["name"][:40] for case in CASES])
def test_fixture_blocks(case: dict[str, Any]) -> None:
    article = parse("\n".join(case["lines"]), case.get("title"))
    blocks = source_blocks(article)
    for kind, texts in case["expect"].items():
        for text in texts:
            assert any(k == kind and text in t for k, t in blocks), (
                f"no {kind} block holds {text!r}: {blocks}"
            )
    for key, value in case.get("metadata", {}).items():
        assert getattr(article, key) == value, key


def test_fixtures_exercise_every_kind() -> None:
    seen = {kind for case in CASES for kind in case["expect"]}
    assert seen == set(KINDS)


def test_fixture_published_time_from_the_page() -> None:
    glued = CASES[1]
    article = parse("\n".join(glued["lines"]), glued["title"], published="2017-06-29")
    assert article.published_iso() == "2017-06-29T08:30:00+08:00"


def test_source_line_in_the_middle_does_not_swallow_the_story() -> None:
    """issue 18: `……划上了句号。(来源:羊城晚报)` with a WeChat footer after it."""
    article = parse(
        "比赛在当晚落下帷幕，为本届赛事圆满划上了句号。（来源：某城晚报）\n"
        "组委会表示，明年将继续举办，并扩大参赛规模。\n"
        "长按识别二维码关注我们\n"
    )
    kinds = source_blocks(article)
    assert ("source_line", "（来源：某城晚报）") in kinds
    assert article.source == "某城晚报"
    texts = [article.cleaned.source_text(s.start, s.end) for s in article.sentences]
    assert texts == [
        "比赛在当晚落下帷幕，为本届赛事圆满划上了句号。",
        "组委会表示，明年将继续举办，并扩大参赛规模。",
    ]


def test_unpunctuated_phrases_are_not_headings() -> None:
    lines = [
        "早上八点左右",
        "路口发生一起事故",
        "多辆车受损",
        "目击者称",
        "现场一度拥堵",
        "交警随后赶到",
        "道路已恢复通行",
    ]
    assert parse("\n".join(lines)).headings == []


def test_photo_only_credit_and_desk_name_no_reporter() -> None:
    article = parse("（娱乐中心／综合报导）某歌手昨天宣布新专辑将于下月发行。\n摄影／某某社")
    assert article.reporters == []


# ---------------------------------------------------------------------------
# check


def codes(text: str, published: str | None = None, now: dt.datetime | None = None) -> set[str]:
    return {p.code for p in structure_problems(parse(text, published=published), now)}


def test_no_body_and_thin_body() -> None:
    assert "no_body" in codes("相关阅读：\n某省启动春耕生产")
    furniture = "\n".join(["扫码关注我们的公众号", "版权所有 未经授权不得转载", "新闻热线：0000-1234"] * 3)
    assert "thin_body" in codes("某地今天下雨。\n" + furniture)
    assert codes("某地今天下雨，气温下降五度。\n明天转晴。") == set()


def test_glued_page_has_a_span() -> None:
    text = "第一篇的正文写到这里结束了。\n来源：某某日报\n第二篇的正文从这里开始讲起。"
    [problem] = structure_problems(parse(text))
    assert problem.code == "glued_page"
    assert problem.span is not None and text[problem.span[0] : problem.span[1]] == "来源：某某日报"
    assert problem.line == 2


def test_publication_time_out_of_range() -> None:
    now = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    assert codes("某地今天下雨。", published="2030-01-01", now=now) == {"published_future"}
    assert codes("某地今天下雨。", published="1850-01-01", now=now) == {"published_too_old"}
    assert codes("某地今天下雨。", published="2023-12-31", now=now) == set()


def test_check_command_reports_structure_findings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "第一篇的正文写到这里结束了。\n来源：某某日报\n第二篇的正文从这里开始讲起。", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["check", str(path), "-f", "json"])
    [doc] = json.loads(result.stdout)["documents"]
    glued = [p for p in doc["problems"] if p["code"] == "glued_page"]
    assert glued and glued[0]["span"] == [15, 22] and glued[0]["severity"] == "warning"


# ---------------------------------------------------------------------------
# clean --body / --blocks


PAGE = (
    "某市举办读书节\n\n本报讯（记者 李某某）4月22日，读书节开幕。\n"
    "图为市民选购图书。记者 王某 摄\n讲座共30场。\n责任编辑：赵某"
)


def test_clean_body_prints_only_the_story(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["clean", "--body", str(path)])
    assert result.exit_code == 0
    assert (
        result.stdout == "某市举办读书节\n本报讯 4月22日,读书节开幕。\n讲座共30场。\n"
    )  # cleaned: widths folded
    assert content_text(parse(PAGE)) + "\n" == result.stdout


def test_clean_blocks_table_and_json(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PAGE, encoding="utf-8")
    table = CliRunner().invoke(cli, ["clean", "--blocks", str(path)], env={"COLUMNS": "100"})
    assert table.exit_code == 0
    for kind in ("title", "dateline", "byline", "body", "caption"):
        assert kind in table.stdout
    data = json.loads(CliRunner().invoke(cli, ["clean", str(path), "-f", "json"]).stdout)
    blocks = data["documents"][0]["blocks"]
    assert [b["kind"] for b in blocks] == ["title", "dateline", "byline", "body", "caption", "body", "byline"]
    assert all(PAGE[b["span"][0] : b["span"][1]] == b["text"] for b in blocks)


def test_every_analysed_document_has_blocks(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(PAGE, encoding="utf-8")
    for command in ("summary", "keywords", "timeline", "figures", "analyze", "check"):
        data = json.loads(CliRunner().invoke(cli, [command, str(path), "-f", "json"]).stdout)
        blocks = data["documents"][0]["blocks"]
        assert blocks and all("text" not in b for b in blocks), command


# The byline forms issue 18 lists, with invented names: each names its reporters, and only them.
BYLINE_FORMS = [
    ("市府今天宣布擴大補助，每戶五千元。報導•攝影╱張某某\n補助下月起發放。", ["张某某"]),
    ("市府今天宣布擴大補助，每戶五千元。（蔡某某／台北報導）", ["蔡某某"]),
    ("【林某某、劉某某╱台北報導】市府今天宣布擴大補助。\n補助下月起發放。", ["林某某", "刘某某"]),
    ("〔記者呂某某／台北報導〕市府今天宣布擴大補助。\n補助下月起發放。", ["吕某某"]),
    ("作者：李大同\n今天天气很好，我们去公园玩了一整天。\n大家都很开心。", ["李大同"]),
    ("本报北京6月9日电（记者白某、毛某）会议今天召开。\n会议持续两天。", ["白某", "毛某"]),
    ("会议今天召开，各方代表出席。\n会议持续两天，将讨论多项议题。（李某）", ["李某"]),
    ("（中央社記者王小明台北28日電）行政院今天宣布新政策。\n政策將於下月實施。", ["王小明"]),
    ("市府今天宣布擴大補助，每戶五千元。\n報導．攝影／張某某\n補助下月起發放。", ["张某某"]),
    ("市府今天宣布擴大補助，每戶五千元。\n報導・攝影/張某某\n補助下月起發放。", ["张某某"]),
    ("市府今天宣布擴大補助，每戶五千元。\n報導·攝影╱張某某\n補助下月起發放。", ["张某某"]),
    ("（國際中心／綜合報導）某國今天舉行大選。\n投票率創新高。", []),
    ("某國今天舉行大選，投票率創新高。\n記者鄧某某／攝影", []),
    ("今天天气很好，我们去公园玩了一整天。\n记者 刘一手\n编辑 张三丰", ["刘一手"]),
    ("报导/刘某某 摄影/陈某某\n今天天气很好，我们去公园玩了一整天。\n大家都很开心。", ["刘某某"]),
    (
        "记者 李某 通讯员 崔某 编辑 佳某 统筹 王某\n今天天气很好，我们去公园玩了一整天。\n大家都很开心。",
        ["李某", "崔某"],
    ),
    # A desk named before the reporter is dropped, the reporter kept.
    ("市府今天宣布擴大補助。\n補助下月起發放，每戶五千元。（採訪組、林某某／台北報導）", ["林某某"]),
    # `记者:` with the name spaced out, in a closing line of staff labels.
    ("今天天气很好，我们去公园玩了一整天。\n大家都很开心。\n—end—记者：周 某编辑：王某某", ["周某"]),
]


@pytest.mark.parametrize(("text", "reporters"), BYLINE_FORMS, ids=[t[:12] for t, _ in BYLINE_FORMS])
def test_byline_forms_name_reporters(text: str, reporters: list[str]) -> None:
    article = parse(text)
    assert article.reporters == reporters
    assert all(kind != "body" or "报导" not in text for kind, text in source_blocks(article))


@pytest.mark.parametrize(
    ("closing", "source"),
    [
        ("本文来自某某号，仅代表某某号自媒体观点。", "某某号"),
        ("文章来源：某某种植宝典返回搜狐，查看更多 责任编辑：", "某某种植宝典"),
        ("信源：某岛晨报", "某岛晨报"),
        ("说多了都是泪。某果网（example.com）", "某果网"),
    ],
)
def test_source_named_at_the_end(closing: str, source: str) -> None:
    article = parse("今天天气很好，我们去公园玩了一整天。\n大家都很开心，说多了都是泪。\n" + closing)
    assert article.source == source
    assert "source_line" in [kind for kind, _ in source_blocks(article)]


@pytest.mark.parametrize(
    "id_line", ["案件编号B1234", "案件编号：B1234", "案件編號 B1234", "稿件编号:2019-118"]
)
def test_id_line_is_a_footer_with_or_without_a_colon(id_line: str) -> None:
    """An ID line is page furniture wherever it stands, never a heading."""
    text = "\n".join(["某地居民生活困难", id_line, "今天天气很好，我们去公园玩了一整天。", "大家都很开心。"])
    text += f"\n{id_line}\n晚上大家各自回家休息。"
    article = parse(text)
    assert all("编号" not in h and "編號" not in h for h in article.headings)
    kinds = [kind for kind, piece in source_blocks(article) if piece.strip() == id_line]
    assert kinds == ["footer", "footer"]


def test_numbered_label_in_a_sentence_stays_body() -> None:
    article = parse("今天天气很好，我们去公园玩了一整天。\n车辆编号为A123的公交车停运。\n大家都很开心。")
    assert [kind for kind, _ in source_blocks(article)] == ["body", "body", "body"]


_PARAGRAPHS = [
    "今天上午，某县一处仓库发生火灾，消防员赶到后很快将火扑灭。",
    "仓库管理员说，起火时库房里存放着一批刚到的纸箱和木料。",
    "据了解，火灾没有造成人员伤亡，具体原因正在调查之中。",
]


def test_short_line_recurring_between_paragraphs_is_a_caption() -> None:
    text = "\n现场照片\n".join(_PARAGRAPHS)
    article = parse(text)
    assert [kind for kind, piece in source_blocks(article) if piece.strip() == "现场照片"] == [
        "caption",
        "caption",
    ]
    assert article.headings == []


def test_short_line_once_between_paragraphs_stays_a_heading() -> None:
    article = parse(f"{_PARAGRAPHS[0]}\n现场照片\n{_PARAGRAPHS[1]}\n{_PARAGRAPHS[2]}")
    assert article.headings == ["现场照片"]


def test_table_cells_repeated_are_not_captions() -> None:
    text = f"{_PARAGRAPHS[0]}\n系统\n人数\n西安\n12\n西安\n12\n{_PARAGRAPHS[1]}"
    assert "caption" not in [kind for kind, _ in source_blocks(parse(text))]


def test_portal_chrome_after_editor_and_keyword_labels() -> None:
    text = "\n".join([*_PARAGRAPHS, "责任编辑：王某", "文章关键词：", "仓库 火灾", "我要反馈", "保存网页"])
    blocks = source_blocks(parse(text))
    assert [kind for kind, _ in blocks[:3]] == ["body", "body", "body"]
    assert all(kind != "body" for kind, _ in blocks[3:])


def test_closing_outlet_reporters_glued_to_last_paragraph() -> None:
    article = parse("\n".join(_PARAGRAPHS) + "某报记者 李某 张某某")
    assert article.reporters == ["李某", "张某某"]
    assert source_blocks(article)[-1] == ("byline", "某报记者 李某 张某某")


@pytest.mark.parametrize("label", ["来源/某某网", "来源／某某网", "来源：某某网"])
def test_source_with_a_slash_glued_after_a_sentence(label: str) -> None:
    article = parse(_PARAGRAPHS[0] + label + "\n" + "\n".join(_PARAGRAPHS[1:]))
    assert article.source == "某某网"
    assert ("source_line", label) in source_blocks(article)


def test_dated_entries_glued_to_a_paragraph_are_a_list() -> None:
    """A chronology glued onto the last paragraph: one line per entry, not one sentence."""
    entries = ["2001/03/05 ．某甲成立公司", "2004/11/20 ．公司遷往台中", "2010/06/01 ．某甲退休"]
    article = parse(f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}" + " ".join(entries))
    blocks = source_blocks(article)
    assert blocks[-3:] == [("body", entry) for entry in entries]
    assert article.headings == []
    assert all(sentence.end - sentence.start < 60 for sentence in article.sentences)


def test_two_dated_entries_stay_in_the_paragraph() -> None:
    article = parse(f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}2001/03/05 ．某甲成立公司 2004/11/20 ．公司遷往台中")
    assert len(source_blocks(article)) == 2


def test_story_signed_under_its_lede_is_not_a_roundup() -> None:
    text = "\n".join(
        [
            "仓库失火损失惨重",
            _PARAGRAPHS[0],
            "報導•攝影╱張某某",
            "员工忙清点",
            _PARAGRAPHS[1],
            "警方查原因",
            _PARAGRAPHS[2],
        ]
    )
    assert "item_title" not in [kind for kind, _ in source_blocks(parse(text))]


def test_roundup_items_expose_headline_and_paragraphs() -> None:
    """The summary can read a roundup item by item: each item's headline (without
    its list number) and the paragraphs up to the next item."""
    text = (
        "1某市地铁新线开通运营\n新线全长二十公里，设站十五座。\n沿线居民出行更方便。\n"
        "2某省发布夏季防汛预案\n预案要求各地加强巡查。\n"
        "3某公司发布新款手机\n新手机售价三千元，将于下月上市。"
    )
    article = parse(text, "一周看点")
    assert [article.text[slice(*item.headline)] for item in article.items] == [
        "某市地铁新线开通运营",
        "某省发布夏季防汛预案",
        "某公司发布新款手机",
    ]
    assert [len(item.paragraphs) for item in article.items] == [2, 1, 1]
    assert all(
        "发布" not in article.text[sentence.start : sentence.end] for sentence in article.sentences[:1]
    )


def test_phrases_and_single_stories_have_no_items() -> None:
    phrases = "\n".join(
        ["春天来了", "花儿开了", "小鸟在枝头唱歌，", "孩子们在草地上奔跑，", "笑声传得很远。"] * 3
    )
    story = "某市今天召开会议。\n会议部署了全年工作，要求各部门抓好落实。"
    assert parse(phrases).items == []
    assert parse(story).items == []


def test_closing_source_list_after_unpunctuated_text_gives_the_first() -> None:
    article = parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "大家都看到了希望来源：某某日报、某某社、某晚报")
    assert article.source == "某某日报"
    assert source_blocks(article)[-1] == ("source_line", "来源：某某日报、某某社、某晚报")


def test_source_line_with_a_list_gives_the_first() -> None:
    article = parse("\n".join(_PARAGRAPHS) + "\n来源：某某日报、某某网")
    assert article.source == "某某日报"


_NOTICE = [
    "【某某基金會作業說明】",
    "1. 本會對每筆捐款皆開立收據，於入帳後15日內寄發。",
    "2. 指定捐款全數轉交，不指定者匯入急難救助金。",
    "3. 本會每年由會計師查帳，免付費電話是0800000000。",
]


def test_closing_donation_notice_is_a_footer() -> None:
    article = parse("\n".join([*_PARAGRAPHS, "基金會編號：A1234", *_NOTICE]))
    blocks = source_blocks(article)
    assert blocks[-4:] == [("footer", line) for line in _NOTICE]
    assert article.headings == []
    assert "收据" not in article.body_text


def test_bank_details_with_labels_close_the_page() -> None:
    notice = "捐款方式：开户银行：某银行某支行　户名：某某基金会　账号：1234567890"
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, notice])))
    assert blocks[-1] == ("footer", notice)


def test_story_ending_on_bank_words_stays_body() -> None:
    """Notice words in the story's own sentences, with no title and no labels, are the story."""
    ending = "骗子冒充客服，让她报出开户银行和账号，随后转走了存款。"
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, ending])))
    assert blocks[-1] == ("body", ending)


def test_short_picture_lines_before_the_lede_are_captions() -> None:
    pictures = ["志愿者们在仓库门口一起整理捐赠的物资", "某公司负责人向学校代表递交捐赠证书"]
    article = parse("\n".join([*pictures, *_PARAGRAPHS]))
    assert source_blocks(article)[:3] == [
        ("caption", pictures[0]),
        ("caption", pictures[1]),
        ("body", _PARAGRAPHS[0]),
    ]
    assert article.headings == []


def test_one_deck_before_the_lede_is_not_a_caption() -> None:
    article = parse("\n".join(["仓库失火无人受伤", *_PARAGRAPHS]))
    assert ("caption", "仓库失火无人受伤") not in source_blocks(article)


def test_spaced_kicker_and_layout_glyphs_are_not_body() -> None:
    text = "注 意" + _PARAGRAPHS[0] + "?↓↓↓" + _PARAGRAPHS[1] + "\n" + _PARAGRAPHS[2]
    article = parse(text)
    assert source_blocks(article)[:4] == [
        ("other_boilerplate", "注 意"),
        ("body", _PARAGRAPHS[0]),
        ("other_boilerplate", "?↓↓↓"),
        ("body", _PARAGRAPHS[1]),
    ]
    assert article.text[article.sentences[0].start : article.sentences[0].end].startswith("今天上午")


def test_question_after_a_closing_quote_stays_a_question() -> None:
    text = "他问：“这就是公平吗”？大家都沉默了。\n" + _PARAGRAPHS[1]
    assert source_blocks(parse(text))[0] == ("body", "他问：“这就是公平吗”？大家都沉默了。")


def test_half_width_desk_byline_and_caption_credited_from_an_outlet() -> None:
    last = "店主說：「我已將剩下的貨全部下架。」(即時中心/綜合報導)男童在學校受傷。引自某某日報"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + last))
    assert blocks[-4:] == [
        ("body", "店主說：「我已將剩下的貨全部下架。」"),
        ("byline", "(即時中心/綜合報導)"),
        ("caption", "男童在學校受傷。"),
        ("photo_credit", "引自某某日報"),
    ]


def test_reporter_photo_credit_between_paragraphs_closes_the_caption_before_it() -> None:
    text = (
        "某大學昨天舉行機器人比賽，冠軍作品能自己爬樓梯。 記者王大明／攝影 暑假將到，某大學邀請小學生當評審，"
        "現場有30組作品開放試玩。學生們說，比賽讓他們學到很多。某大學共展出30組作品，圖為冠軍作品。"
        " 圖／某大學提供 第二名的作品是一台會畫畫的手臂，小朋友排隊體驗。"
    )
    blocks = source_blocks(parse(text))
    assert blocks == [
        ("caption", "某大學昨天舉行機器人比賽，冠軍作品能自己爬樓梯。"),
        ("photo_credit", "記者王大明／攝影"),
        ("body", "暑假將到，某大學邀請小學生當評審，現場有30組作品開放試玩。學生們說，比賽讓他們學到很多。"),
        ("caption", "某大學共展出30組作品，圖為冠軍作品。"),
        ("photo_credit", "圖／某大學提供"),
        ("body", "第二名的作品是一台會畫畫的手臂，小朋友排隊體驗。"),
    ]


def test_reporter_photo_credit_closing_a_paragraph_takes_its_last_sentence() -> None:
    last = "警方說，兩人都承認犯行，已依法送辦。警方在店內起出數千片光碟。（記者林小華攝）"
    article = parse(_PARAGRAPHS[0] + "\n" + last)
    assert source_blocks(article)[-3:] == [
        ("body", "警方說，兩人都承認犯行，已依法送辦。"),
        ("caption", "警方在店內起出數千片光碟。"),
        ("photo_credit", "（記者林小華攝）"),
    ]
    assert article.reporters == []


def test_long_paragraph_before_a_file_photo_credit_stays_body() -> None:
    delays = "，經過多次展延工期仍未完工" * 12
    long_sentence = "原訂今年交付的第14艘船" + delays + "，依合約規定即日起解除契約。"
    text = _PARAGRAPHS[0] + " " + long_sentence + "(資料照片) 一、書面通知廠商解除契約。"
    blocks = source_blocks(parse(text))
    assert ("body", long_sentence) in blocks
    assert ("photo_credit", "(資料照片)") in blocks


def test_recommendation_box_of_credited_captions() -> None:
    box = "【小編推薦】某歌手今天發片，師兄到場站台。王小明攝某歌手熊抱師兄。王小明攝某歌手激動落淚。"
    last = _PARAGRAPHS[1] + _PARAGRAPHS[2] + "（林大華／台北報導） " + box
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + last))
    assert blocks[-6:] == [
        ("related_links", "【小編推薦】"),
        ("caption", "某歌手今天發片，師兄到場站台。"),
        ("photo_credit", "王小明攝"),
        ("caption", "某歌手熊抱師兄。"),
        ("photo_credit", "王小明攝"),
        ("caption", "某歌手激動落淚。"),
    ]


@pytest.mark.parametrize(
    "credit",
    [
        "圖／報系資料照片",
        "圖／美聯社",
        "某某學會提供",
        "東京特派記者王小明／攝影",
        "圖／擷取自Some Group, Inc.臉書",
        "某某日報資料照片",
        "本報系資料照",
        "中新社",
        "歐新社資料照片",
        "路透、歐新社",
        "記者王小明／攝影",
        "图／某某协会提供",
    ],
)
def test_credit_opening_the_second_line_closes_the_opening_caption(credit: str) -> None:
    caption = "某某展覽昨天開幕，民眾排隊入場。"
    story = "某某展覽昨天在台北開幕，主辦單位說，首日就有上萬人次入場參觀，創下歷年新高。"
    blocks = source_blocks(parse(caption + "\n" + credit + " " + story + "\n" + _PARAGRAPHS[1]))
    assert blocks[:3] == [("caption", caption), ("photo_credit", credit), ("body", story)]


@pytest.mark.parametrize("credit", ["新華社資料照片", "報系資料照", "某某晚報資料照片"])
def test_credit_opening_the_text_is_the_opening_photos_credit(credit: str) -> None:
    story = "某某展覽昨天在台北開幕，主辦單位說，首日就有上萬人次入場參觀，創下歷年新高。"
    blocks = source_blocks(parse(credit + " " + story + "\n" + _PARAGRAPHS[1]))
    assert blocks[:2] == [("photo_credit", credit), ("body", story)]


def test_word_opening_the_text_before_a_space_is_no_credit() -> None:
    story = "某某展覽昨天在台北開幕，主辦單位說，首日就有上萬人次入場參觀，創下歷年新高。"
    blocks = source_blocks(parse("展覽資料 " + story + "\n" + _PARAGRAPHS[1]))
    assert "photo_credit" not in [kind for kind, _ in blocks]


def test_caption_opening_a_line_with_its_bracketed_file_credit() -> None:
    caption = "图为某县新建成的体育馆。"
    story = "某县体育馆昨天正式开放，市民可以免费预约入场，首周就有三千多人次前来健身。"
    blocks = source_blocks(parse(caption + "（资料图片）" + story + "\n" + _PARAGRAPHS[1]))
    assert blocks[:3] == [("caption", caption), ("photo_credit", "（资料图片）"), ("body", story)]


def test_file_photo_and_reporter_credit_after_a_caption_sentence() -> None:
    story = "立法院今天繼續審查條例草案，朝野立委在會中激烈辯論，最後表決通過。"
    text = "立法院。聯合報系資料照，記者王小明／攝影 " + story
    blocks = source_blocks(parse(text + "\n" + _PARAGRAPHS[1]))
    assert blocks[:2] == [("caption", "立法院。"), ("photo_credit", "聯合報系資料照，記者王小明／攝影")]


def test_credited_captions_glued_after_a_closing_byline() -> None:
    captions = "某選手打敗對手闖進八強。李小華攝教練在場邊指導。李小華攝"
    last = "他說：「比賽還沒結束，我們會繼續努力。」(王大明／綜合報導)" + captions
    article = parse(_PARAGRAPHS[0] + "\n" + last)
    assert source_blocks(article)[-6:] == [
        ("body", "他說：「比賽還沒結束，我們會繼續努力。」"),
        ("byline", "(王大明／綜合報導)"),
        ("caption", "某選手打敗對手闖進八強。"),
        ("photo_credit", "李小華攝"),
        ("caption", "教練在場邊指導。"),
        ("photo_credit", "李小華攝"),
    ]
    assert article.reporters == ["王大明"]


_INDENTED = (
    "内容来源：某某财经-某某报[2019年03月02日08:15]\u3000\u3000上周两市共有20只股票面临解禁，解禁市值合计100亿元。"
    "\u3000\u3000从行业来看，电子行业个股最多，排行居首。\u3000\u3000某公司解禁市值最高\u3000\u3000统计显示，"
    "某公司解禁股数高达10亿股，解禁市值为50亿元。\u3000\u3000整体来看，这些股票过去一个月大多下跌。"
    "（某数据 周某某）"
)


def test_ideographic_indents_are_paragraph_breaks_in_a_glued_portal_page() -> None:
    article = parse(_INDENTED)
    blocks = source_blocks(article)
    assert blocks[0] == ("source_line", "内容来源：某某财经-某某报[2019年03月02日08:15]")
    assert ("heading", "某公司解禁市值最高") in blocks
    assert ("body", "从行业来看，电子行业个股最多，排行居首。") in blocks
    assert blocks[-1] == ("byline", "（某数据 周某某）")
    assert article.source == "某某财经-某某报"
    assert article.reporters == ["周某某"]
    assert article.headings == ["某公司解禁市值最高"]


def test_one_ideographic_indent_is_a_label_spacing() -> None:
    ruling = "本院认为，原告未预交案件受理费，本案按原告撤回起诉处理。审判员\u3000\u3000王某某二〇一八年四月"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + ruling))
    assert blocks[-1] == ("body", ruling)


def test_signature_of_two_reporters_names_both() -> None:
    last = _PARAGRAPHS[1] + "（张某某 李某某）"
    article = parse(_PARAGRAPHS[0] + "\n" + last)
    assert source_blocks(article)[-1] == ("byline", "（张某某 李某某）")
    assert article.reporters == ["张某某", "李某某"]
    assert article.source is None


def test_latin_short_line_is_no_heading() -> None:
    article = parse("\n".join([_PARAGRAPHS[0], "no.1", _PARAGRAPHS[1], "第一部分", _PARAGRAPHS[2]]))
    assert article.headings == ["第一部分"]


def test_names_with_what_they_did_are_a_byline() -> None:
    credits = "《某刊》(博客，微博)记者 王某某/文 李某某/编辑"
    article = parse("\n".join([_PARAGRAPHS[0], credits, _PARAGRAPHS[1], _PARAGRAPHS[2]]))
    assert ("byline", credits) in source_blocks(article)
    assert article.reporters == ["王某某"]


def test_names_alone_in_the_bracket_after_a_dateline_are_reporters() -> None:
    article = parse("某某网武汉3月2日电 (王某 李某某)记者2日从警方获悉，一个窝点被捣毁。\n" + _PARAGRAPHS[1])
    assert source_blocks(article)[:3] == [
        ("dateline", "某某网武汉3月2日电"),
        ("byline", "(王某 李某某)"),
        ("body", "记者2日从警方获悉，一个窝点被捣毁。"),
    ]
    assert article.reporters == ["王某", "李某某"]


def test_back_to_home_navigation_is_a_footer() -> None:
    chrome = "返回文章首页 首页>新闻>本地新闻收藏 分享到:微博下一篇：某某新闻"
    assert source_blocks(parse("\n".join([*_PARAGRAPHS, chrome])))[-1] == ("footer", chrome)


def test_two_names_signed_without_a_space() -> None:
    article = parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "(王小明李大华)")
    assert source_blocks(article)[-1] == ("byline", "(王小明李大华)")
    assert article.reporters == ["王小明", "李大华"]


def test_reporter_after_the_source_before_the_editors() -> None:
    article = parse("\n".join([*_PARAGRAPHS, "来源：某某日报驻某地记者站 王小明编辑：李某 张某"]))
    assert article.source == "某某日报驻某地记者站"
    assert article.reporters == ["王小明"]


def test_dateline_glued_to_roles_and_names() -> None:
    article = parse("某某商报讯记者王小明通讯员李大华报道:近日，某镇发生一起交通事故。\n" + _PARAGRAPHS[1])
    assert source_blocks(article)[:3] == [
        ("dateline", "某某商报讯"),
        ("byline", "记者王小明通讯员李大华报道:"),
        ("body", "近日，某镇发生一起交通事故。"),
    ]
    assert article.reporters == ["王小明", "李大华"]


def test_dateline_then_reporter_and_a_space() -> None:
    article = parse("某都讯 记者程某 某区法院昨日对一起受贿案作出判决。\n" + _PARAGRAPHS[1])
    assert source_blocks(article)[:2] == [("dateline", "某都讯"), ("byline", "记者程某")]
    assert article.reporters == ["程某"]


def test_closing_staff_labels_glued_after_a_sentence() -> None:
    last = _PARAGRAPHS[1] + "记者：王小明、李大华通讯员：张某某"
    article = parse(_PARAGRAPHS[0] + "\n" + last)
    assert source_blocks(article)[-1] == ("byline", "记者：王小明、李大华通讯员：张某某")
    assert article.reporters == ["王小明", "李大华", "张某某"]


def test_outlet_compiled_report_line_is_a_byline() -> None:
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, "某某新闻网综合报道"])))
    assert blocks[-1] == ("byline", "某某新闻网综合报道")


def test_more_label_and_the_headlines_after_it_are_related_links() -> None:
    links = ["更多精彩内容重磅：某省四市获批建设新海关", "某省进出口50强揭晓！哪些企业上榜？"]
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, *links])))
    assert blocks[-2:] == [("related_links", line) for line in links]


def test_detail_link_with_a_gallery_link_is_cut_off() -> None:
    last = _PARAGRAPHS[1] + "\u3000［详细］［图集］"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + last))
    assert blocks[-2:] == [("body", _PARAGRAPHS[1]), ("related_links", "［详细］［图集］")]


def test_column_author_with_several_titles_is_a_byline() -> None:
    opening = (
        "王某某／某大學兼任助理教授、保險精算師 看到標題想進來了解真相的朋友，很抱歉，這個命題並不存在。"
    )
    article = parse(opening + "\n" + _PARAGRAPHS[1])
    assert source_blocks(article)[0] == ("byline", "王某某／某大學兼任助理教授、保險精算師")
    assert article.reporters == ["王某某"]


def test_three_names_signed_on_a_line_of_their_own() -> None:
    article = parse("\n".join([*_PARAGRAPHS, "（孙某某许某某姜某）"]))
    assert source_blocks(article)[-1] == ("byline", "（孙某某许某某姜某）")
    assert article.reporters == ["孙某某", "许某某", "姜某"]


def test_two_part_subheading_may_run_long() -> None:
    subhead = "某国成立边境地区军事安全协调委员会 某方称在某州成立军事管制局"
    article = parse("\n".join([_PARAGRAPHS[0], _PARAGRAPHS[1], subhead, _PARAGRAPHS[2]]))
    assert article.headings == [subhead]


def test_caption_glyph_line_is_a_caption_up_to_its_sentence_end() -> None:
    caption = "▲某某村民在田间查看今年新种的水稻秧苗。"
    article = parse("\n".join([_PARAGRAPHS[0], caption + _PARAGRAPHS[1] + _PARAGRAPHS[2]]))
    assert source_blocks(article)[1:3] == [("caption", caption), ("body", _PARAGRAPHS[1] + _PARAGRAPHS[2])]


@pytest.mark.parametrize("glyph", ["↑", "图说："])
def test_other_caption_glyphs_open_a_caption_line(glyph: str) -> None:
    caption = glyph + "工人在某港口码头装卸集装箱"
    article = parse("\n".join([_PARAGRAPHS[0], caption, _PARAGRAPHS[1]]))
    assert ("caption", caption) in source_blocks(article)


def test_listed_agencies_credit_the_caption_before_them() -> None:
    caption = "某队前锋在比赛中突破对方防线后射门得分，全场观众起立鼓掌。"
    article = parse(caption + "\n路透、歐新社 " + _PARAGRAPHS[1] + "\n" + _PARAGRAPHS[2])
    assert source_blocks(article)[:3] == [
        ("caption", caption),
        ("photo_credit", "路透、歐新社"),
        ("body", _PARAGRAPHS[1]),
    ]


def test_numbered_subheads_over_paragraphs_in_an_unpunctuated_page() -> None:
    lines = [
        "一、产业发展",
        "全县发展特色种植面积达到五万亩 带动农户增收 村集体经济不断壮大 群众收入稳步提高",
        "二、人居环境",
        "各村完成改厕改水工程 道路硬化全面覆盖 垃圾集中处理 村容村貌焕然一新",
        "三、乡风文明",
        "开展文明家庭评选活动 倡导移风易俗 新时代文明实践站覆盖所有行政村",
    ]
    article = parse("\n".join(["某县推进乡村振兴工作综述", *lines]), title="某县推进乡村振兴工作综述")
    assert article.headings == ["一、产业发展", "二、人居环境", "三、乡风文明"]


def test_numbered_form_fields_are_no_headings() -> None:
    fields = ["1、姓名", "姓名", "2、性别", "性别", "3、年龄", "年龄", "4、住址", "住址"]
    article = parse("\n".join(["某某活动志愿者报名表", *fields]), title="某某活动志愿者报名表")
    assert article.headings == []


def test_closing_editor_word_is_an_editor_note() -> None:
    note = "小编：天气转凉，出门记得多穿衣服。"
    assert source_blocks(parse("\n".join([*_PARAGRAPHS, note])))[-1] == ("editor_note", note)


def test_forum_author_with_one_short_title_is_a_byline() -> None:
    opening = "陳某某／公 " + _PARAGRAPHS[0] + _PARAGRAPHS[1]
    notice = "【即時論壇徵稿】 你對新聞有想法嗎？歡迎讀者投稿，對新聞時事表達意見。"
    article = parse("\n".join([opening, _PARAGRAPHS[2], notice]))
    assert source_blocks(article)[0] == ("byline", "陳某某／公")
    assert article.reporters == ["陈某某"]


def test_short_title_without_a_forum_notice_stays_body() -> None:
    opening = "陳某某／公 " + _PARAGRAPHS[0] + _PARAGRAPHS[1]
    article = parse("\n".join([opening, _PARAGRAPHS[2]]))
    assert source_blocks(article)[0][0] == "body"
    assert article.reporters == []


def test_outlet_in_angle_quotes_before_its_reporter_is_the_source() -> None:
    article = parse(
        "\n".join([_PARAGRAPHS[0], "《某某周刊》记者 张某某/文 李某/编辑", _PARAGRAPHS[1], _PARAGRAPHS[2]])
    )
    assert article.source == "某某周刊"
    assert article.reporters == ["张某某"]


def test_spam_page_contacts_random_text_and_url_runs() -> None:
    chars = "盗胰悸祷宗扯止汛艺帜圃赌蒙燎伎杏盅弦豆崭俺陀箍蕴闷仲绰卧邑湃宰捶氖爻辜咎勺玖钦"
    random_run = "a1b2c3d4" + "".join(chars[(i * 17) % len(chars)] for i in range(80))
    urls = "http://example.com/a/1.htmlhttp://example.com/b/2.html"
    text = "某某二手摩托【销售电话/微信:13000000000】长期提供各类二手摩托车信息!" + random_run + urls
    kinds = [kind for kind, _ in source_blocks(parse(text))]
    assert kinds == ["body", "hotline", "body", "other_boilerplate", "related_links"]


def test_page_script_glued_after_the_story_is_boilerplate() -> None:
    script = 'domready(function() {var area = "poll_0";loadTemplate(area);});'
    blocks = source_blocks(parse("\n".join([_PARAGRAPHS[0], _PARAGRAPHS[1] + _PARAGRAPHS[2] + script])))
    assert blocks[-2:] == [("body", _PARAGRAPHS[1] + _PARAGRAPHS[2]), ("other_boilerplate", script)]


def test_code_words_inside_a_sentence_stay_body() -> None:
    line = "工程师解释说，var x = 1 这样的写法在新版本里会报错，团队正在修复。"
    assert source_blocks(parse("\n".join([_PARAGRAPHS[0], line, _PARAGRAPHS[1]])))[1] == ("body", line)


def test_random_run_with_a_token_inside_is_boilerplate() -> None:
    chars = "盗胰悸祷宗扯止汛艺帜圃赌蒙燎伎杏盅弦豆崭俺陀箍蕴闷仲绰卧邑湃宰捶氖爻辜咎勺玖钦"
    run = "".join(chars[(i * 17) % len(chars)] for i in range(30)) + "ab12cd34"
    run += "".join(chars[(i * 13) % len(chars)] for i in range(50))
    blocks = source_blocks(parse("某某车行长期提供各类二手摩托车信息！" + run + "\n详情请加微信咨询。"))
    assert blocks[:2] == [("body", "某某车行长期提供各类二手摩托车信息！"), ("other_boilerplate", run)]


def test_random_run_counts_only_on_a_page_with_a_contact_or_link() -> None:
    chars = "盗胰悸祷宗扯止汛艺帜圃赌蒙燎伎杏盅弦豆崭俺陀箍蕴闷仲绰卧邑湃宰捶氖爻辜咎勺玖钦"
    run = "ab12cd34" + "".join(chars[(i * 13) % len(chars)] for i in range(70))
    assert [kind for kind, _ in source_blocks(parse("某某车行长期提供各类二手摩托车信息！" + run))] == [
        "body"
    ]


def test_model_name_in_an_unpunctuated_sentence_stays_body() -> None:
    line = (
        "新款手机型号为Redmi12C起售价为六百九十九元搭载大容量电池和高清屏幕支持快充功能续航时间长"
        "外观设计时尚多种配色可选首批产品将在下周一开始在各大电商平台和线下门店同步发售"
    )
    assert source_blocks(parse("某公司今天发布新款手机。" + line))[-1][0] == "body"


# ---------------------------------------------------------------------------
# furniture of unseen pages: reporters' copied pictures, plugs, forum and copyright tails


def test_reporter_copy_credit_closes_the_caption_before_it() -> None:
    caption = "某某公園的步道昨天封閉。"
    story = "公園管理處說，步道因颱風受損，預計下月初修復後重新開放，民眾可改走東側步道。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + caption + "記者王小明／翻攝 " + story))
    assert blocks[1:] == [("caption", caption), ("photo_credit", "記者王小明／翻攝"), ("body", story)]


@pytest.mark.parametrize(
    "plug", ["长按二维码关注", "更多内容，点击“阅读原文”进入某某新闻app", "点击下方阅读原文获取更多好文"]
)
def test_a_plug_closing_a_line_is_an_ad(plug: str) -> None:
    story = "".join(_PARAGRAPHS)  # a short line holding a plug's word is furniture whole
    blocks = source_blocks(parse(story + plug + "\n" + _PARAGRAPHS[1]))
    assert blocks[:2] == [("body", story), ("ad", plug)]


def test_a_plug_opening_the_story_is_an_ad() -> None:
    blocks = source_blocks(parse("点击上方“某某发布”可以订阅哦! " + _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1]))
    assert blocks[:2] == [("ad", "点击上方“某某发布”可以订阅哦!"), ("body", _PARAGRAPHS[0])]


@pytest.mark.parametrize(
    "sentence",
    [
        "市民可下载某某app预约挂号。",
        "记者点开某某公众号，发现这条消息已被删除。",
        "车站提醒，旅客可通过某某公众号购票。",
    ],
)
def test_a_story_sentence_about_an_app_is_no_plug(sentence: str) -> None:
    blocks = source_blocks(parse(_PARAGRAPHS[0] + sentence + "\n" + _PARAGRAPHS[1]))
    assert [kind for kind, _ in blocks] == ["body", "body"]


@pytest.mark.parametrize("source", ["来自【某某吧】", "来自某某新闻客户端", "来自某某论坛的帖子"])
def test_a_forum_repost_source_closing_a_line_is_a_source_line(source: str) -> None:
    blocks = source_blocks(parse(_PARAGRAPHS[0] + _PARAGRAPHS[1] + source))
    assert blocks == [("body", _PARAGRAPHS[0] + _PARAGRAPHS[1]), ("source_line", source)]


def test_a_bracketed_copyright_statement_closing_a_line_is_copyright() -> None:
    statement = "【版权声明】本文来自某某号，不代表本站的观点和立场。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + statement))
    assert blocks == [("body", _PARAGRAPHS[0]), ("copyright", statement)]


def test_captions_glued_after_the_story_each_closed_by_its_credit() -> None:
    story = "市府今天公布新制，下月起上路，違者最高可罰3600元，民眾應多加留意。"
    first, second = "新制下月起上路。", "違規者最高可罰3600元。"
    text = _PARAGRAPHS[0] + "\n" + story + first + "王小明攝" + second + "翻攝某某網站"
    blocks = source_blocks(parse(text))
    assert blocks[1:] == [
        ("body", story),
        ("caption", first),
        ("photo_credit", "王小明攝"),
        ("caption", second),
        ("photo_credit", "翻攝某某網站"),
    ]


def test_a_copied_picture_credit_after_the_closing_byline() -> None:
    story = "警方獲報後趕到現場，逮捕另一名竊嫌，全案依竊盜罪移送法辦。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + story + "（王小明／綜合外電報導）翻攝YouTube"))
    assert blocks[1:] == [
        ("body", story),
        ("byline", "（王小明／綜合外電報導）"),
        ("photo_credit", "翻攝YouTube"),
    ]


def test_one_glued_credit_after_a_story_sentence_is_not_enough() -> None:
    text = _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "王小明攝影多年的作品昨天展出。"
    assert [kind for kind, _ in source_blocks(parse(text))] == ["body", "body"]


def test_a_credited_caption_glued_after_a_story_sentence() -> None:
    caption = "图为，民警清点查获的物品 王小明 摄"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + caption))
    assert blocks[1:] == [("body", _PARAGRAPHS[1]), ("caption", caption)]


def test_an_app_plug_line_closing_the_page_is_an_ad() -> None:
    plug = "进入某某新闻app后，选择本地页卡，定位“某市”。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "\n" + plug))
    assert blocks[-1] == ("ad", plug)


def test_a_report_button_closing_the_page_is_furniture() -> None:
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "\n举报本文"))
    assert blocks[-1] == ("other_boilerplate", "举报本文")


@pytest.mark.parametrize(
    "disclaimer", ["图片来源网络，侵权联系删除", "（以上图片来源于网络）", "图片来自于网络，与正文无关"]
)
def test_pictures_credited_to_the_web_anywhere_in_a_paragraph(disclaimer: str) -> None:
    blocks = source_blocks(parse(_PARAGRAPHS[0] + disclaimer + _PARAGRAPHS[1] + "\n" + _PARAGRAPHS[2]))
    assert blocks[:3] == [("body", _PARAGRAPHS[0]), ("photo_credit", disclaimer), ("body", _PARAGRAPHS[1])]


def test_a_story_sentence_about_pictures_on_the_web_stays_body() -> None:
    sentence = "警方说，这些图片来自网络论坛，已被转发上万次。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + sentence + "\n" + _PARAGRAPHS[1]))
    assert [kind for kind, _ in blocks] == ["body", "body"]


def test_a_request_for_comments_closing_the_story_is_a_share_prompt() -> None:
    prompt = "你有什么好办法呢？请在评论区说说您的建议！"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + prompt))
    assert blocks[-1] == ("share_prompt", prompt)


@pytest.mark.parametrize(
    "links",
    [
        ["某市地铁三号线下月开通试运营 2019-01-02", "某县一小区突发火灾无人伤亡 01-03 12:30"],
        ["某地警方破获一起电信诈骗案 阅读 1.2万", "某某公园樱花进入最佳观赏期 3456次浏览"],
        ["·某某万万没想到，竟然把它捧红了！", "·某地大妈忍不住怀疑……网友：塑料婆媳情"],
    ],
)
def test_a_run_of_listed_links_closing_the_page_is_related_links(links: list[str]) -> None:
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, *links])))
    assert [text for _, text in blocks[-2:]] == links
    # a dated line closing the page may already be furniture by the footer's reading
    assert all(kind in ("related_links", "other_boilerplate") for kind, _ in blocks[-2:])
    assert "related_links" in [kind for kind, _ in blocks]
    assert [kind for kind, _ in blocks[:3]] == ["body", "body", "body"]


@pytest.mark.parametrize(
    "lines",
    [
        ["报名截止：2019-01-02", "活动时间：2019-01-05"],
        ["2012/07/26 ．某某一审判刑4年", "2013/10/17 ．某某二审改判"],
        ["某某公司发布新品 2019-01-02"],
    ],
)
def test_fields_chronologies_and_one_dated_line_are_no_links(lines: list[str]) -> None:
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, *lines])))
    assert "related_links" not in [kind for kind, _ in blocks]


def test_a_statement_of_rights_closing_a_paragraph_is_copyright() -> None:
    statement = "声明：本文为原创稿件，版权归某某所有，转载请联系后台授权。"
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + statement + "\n" + _PARAGRAPHS[2]))
    assert blocks[1:3] == [("body", _PARAGRAPHS[1]), ("copyright", statement)]


def test_a_trainee_editor_glued_after_the_last_sentence_is_a_byline() -> None:
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1] + "见习编辑：王小明"))
    assert blocks[-2:] == [("body", _PARAGRAPHS[1]), ("byline", "见习编辑：王小明")]


@pytest.mark.parametrize("credit", ["▌责编/王小明", "审稿 | 王小明"])
def test_an_editor_credit_with_a_slash_or_a_bar_is_a_byline_naming_no_reporter(credit: str) -> None:
    article = parse("\n".join([*_PARAGRAPHS, credit]))
    assert source_blocks(article)[-1] == ("byline", credit)
    assert article.reporters == []


def test_bulleted_links_glued_on_one_line_closing_the_page() -> None:
    links = "●某地女子搭顺风车走了八个小时…●某村近千人参加一场运动会！"
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, links])))
    assert blocks[-1] == ("related_links", links)


@pytest.mark.parametrize(
    ("tail", "kind"),
    [("点击下方小卡片，关注更多资讯", "ad"), ("商务合作", "ad"), ("上传来自: android客户端", "source_line")],
)
def test_page_furniture_glued_after_the_last_sentence(tail: str, kind: str) -> None:
    story = "".join(_PARAGRAPHS)
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + story + tail))
    assert blocks[-2:] == [("body", story), (kind, tail)]


def test_a_credited_caption_over_the_story_is_no_deck() -> None:
    caption = "图为某县新建成的体育馆。 王小明 摄"
    story = "某县体育馆昨天正式开放，市民可以免费预约入场，首周就有三千多人次前来健身，场馆说周末延长开放。"
    article = parse(caption + "\n" + story + "\n" + _PARAGRAPHS[1], title="体育馆开放首周迎客三千")
    assert source_blocks(article)[0] == ("caption", caption)
    assert article.headings == []


def test_a_reward_widget_after_the_story_is_furniture() -> None:
    widget = ["本文已阅  奖励+5积分", "积分  个", "红包  元", "举报本文", "+8", "+8"]
    article = parse("\n".join([*_PARAGRAPHS, *widget]))
    assert source_blocks(article)[len(_PARAGRAPHS) :] == [("other_boilerplate", line) for line in widget]
    assert article.headings == []


def test_a_short_line_right_after_the_story_is_no_widget() -> None:
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS, "某县融媒"])))
    assert blocks[-1][1] == "某县融媒" and blocks[-1][0] != "other_boilerplate"


def test_a_source_value_ends_before_the_next_label_and_a_plea() -> None:
    footer = "来源：某某统计记得点个赞感谢支持编辑：王小明核稿：李小红"
    assert parse("\n".join([*_PARAGRAPHS, footer])).source == "某某统计"
    assert parse("\n".join([*_PARAGRAPHS, "来源：某某日报编辑：王小明"])).source == "某某日报"


def test_the_outlet_of_a_reporters_bracket_is_the_source() -> None:
    article = parse("【某某网财经 记者 王小明】" + _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1])
    assert (article.source, article.reporters) == ("某某网", ["王小明"])
    assert parse("【本报记者 王小明】" + _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1]).source is None


@pytest.mark.parametrize("tail", ["【更多精彩内容，详见 】", "》某某明细 》某某排行》某某重点"])
def test_related_links_glued_after_the_last_sentence(tail: str) -> None:
    story = "".join(_PARAGRAPHS[1:])
    lead = story if tail.startswith("【") else story[:-1] + "，请上官网："
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + lead + tail))
    assert blocks[-2:] == [("body", lead), ("related_links", tail)]


@pytest.mark.parametrize(
    ("tail", "kind", "source"),
    [
        ("来源｜某某报责编｜王小明 实习生 李小红", "source_line", "某某报"),
        ("来源于?某某实务参考", "source_line", None),
        ("责任编辑：王小明要闻", "byline", None),
        ("文字、图片：某某街道 / 王小明责编 / 李小红", "byline", None),
        ("图片提供者：王小明、李小红??左右滑动查看更多", "photo_credit", None),
    ],
)
def test_closing_credits_glued_after_the_last_sentence(tail: str, kind: str, source: str | None) -> None:
    story = "".join(_PARAGRAPHS[1:])
    article = parse(_PARAGRAPHS[0] + "\n" + story + tail)
    assert source_blocks(article)[-2:] == [("body", story), (kind, tail)]  # no caption cut off the story
    assert article.source == source


@pytest.mark.parametrize(
    ("tail", "names"),
    [("见习记者 王小明通讯员 李小红", ["王小明", "李小红"]), ("整理/本报记者\xa0\xa0王小明", ["王小明"])],
)
def test_a_staff_run_glued_after_the_last_sentence_names_the_reporters(tail: str, names: list[str]) -> None:
    story = "".join(_PARAGRAPHS[1:])
    article = parse(_PARAGRAPHS[0] + "\n" + story + tail)
    assert source_blocks(article)[-2:] == [("body", story), ("byline", tail)]
    assert article.reporters == names


def test_a_contact_glued_after_the_last_sentence_is_an_ad() -> None:
    story = "".join(_PARAGRAPHS[1:])
    blocks = source_blocks(parse(_PARAGRAPHS[0] + "\n" + story + "微信abc12345 www.example.com"))
    assert blocks[-2:] == [("body", story), ("ad", "微信abc12345 www.example.com")]
    lead = story[:-1] + "。手机5G用户已超过一亿"  # a story's number is no contact
    assert source_blocks(parse(_PARAGRAPHS[0] + "\n" + lead))[-1] == ("body", lead)


def test_the_record_title_glued_before_the_lede_is_the_printed_title() -> None:
    title = "某县仓库深夜起火，消防员连夜扑救"
    lede = "昨天深夜，某县一处仓库起火，消防员赶到后很快将火扑灭。"
    article = parse(title + lede + "\n" + _PARAGRAPHS[1], title=title)
    assert source_blocks(article)[:2] == [("title", title), ("body", lede)]
    # A lede that repeats the headline's words and goes on with a comma keeps them.
    repeated = title + "，仓库管理员说起火时库房里存放着纸箱。"
    assert source_blocks(parse(repeated + "\n" + _PARAGRAPHS[1], title=title))[0] == ("body", repeated)


def test_a_glued_headline_is_known_under_the_column_rubric_of_the_record_title() -> None:
    headline = "某县仓库深夜起火，消防员连夜扑救"
    lede = "昨天深夜，某县一处仓库起火，消防员赶到后很快将火扑灭。"
    for rubric in ("【特稿】", "[热点评述] "):
        article = parse(headline + lede + "\n" + _PARAGRAPHS[1], title=rubric + headline)
        assert source_blocks(article)[:2] == [("title", headline), ("body", lede)]
    # a rubric longer than a column's name is part of the title: nothing is cut
    article = parse(headline + lede, title="【某县仓库深夜起火消防员连夜扑救】" + headline)
    assert source_blocks(article)[0] == ("body", headline + lede)


def test_an_unbracketed_update_note_and_a_glued_publication_time() -> None:
    note, story = "更新：增加内文、照片", "某市首间旗舰店今天开放参观，预计周六正式开幕，现场将送限量纪念品。"
    prompt, times = "快来社团分享照片吧", "出版时间：10:00 更新时间：19:35"
    text = f"{note} {story}\n{_PARAGRAPHS[1]}\n{prompt} {times}"
    article = parse(text, title="某市首间旗舰店开放参观", published="2017-06-29")
    assert source_blocks(article) == [
        ("editor_note", note),
        ("body", story),
        ("body", _PARAGRAPHS[1]),
        ("other_boilerplate", prompt),
        ("time_line", times),
    ]
    assert article.published_iso() == "2017-06-29T10:00:00+08:00"


def test_a_line_of_nothing_but_captions_and_credits() -> None:
    first = "门市今天开放媒体入内参观，店员在门口迎接来宾，现场还有乐队演出。"
    third = "玻璃外观的门市可一览无遗店内情况，门口有大大的招牌，吸引路人驻足拍照。"
    captions = f"{first}王小明攝店内的购物袋。李小红攝{third}李小红攝"
    blocks = source_blocks(parse("\n".join([*_PARAGRAPHS[:2], captions, _PARAGRAPHS[2]])))
    assert blocks[2:-1] == [
        ("caption", first),
        ("photo_credit", "王小明攝"),
        ("caption", "店内的购物袋。"),
        ("photo_credit", "李小红攝"),
        ("caption", third),
        ("photo_credit", "李小红攝"),
    ]


def test_captions_copied_from_a_paper_after_the_closing_byline() -> None:
    story = "".join(_PARAGRAPHS[1:])
    tail = "（王小明／綜合外電報導）展场入口。翻自《某某报》展场里的作品。翻自《某某邮报》"
    article = parse(_PARAGRAPHS[0] + "\n" + story + tail)
    assert source_blocks(article)[-5:] == [
        ("byline", "（王小明／綜合外電報導）"),
        ("caption", "展场入口。"),
        ("photo_credit", "翻自《某某报》"),
        ("caption", "展场里的作品。"),
        ("photo_credit", "翻自《某某邮报》"),
    ]
    assert article.reporters == ["王小明"]


def test_a_dateline_with_its_reporters_split_off_a_long_first_line() -> None:
    story = (
        "“快看啊，这个方向盘自己会动”在体验区前，市民很是惊叹。"
        + "展会在会展中心开展，与人们生活密切相关的技术会通过多种形式向人们展现。" * 2
    )
    article = parse("某某网5月23日讯(记者 王小明) " + story + "\n" + _PARAGRAPHS[1])
    assert source_blocks(article)[:2] == [("dateline", "某某网5月23日讯"), ("byline", "(记者 王小明)")]
    assert (article.source, article.dateline, article.reporters) == ("某某网", "某某网5月23日讯", ["王小明"])


def test_the_outlet_before_a_hyphen_in_a_dateline_and_two_names_printed_together() -> None:
    article = parse("某某网-某某新闻客户端12月11日讯（记者 王小明 通讯员 陈小红李小华）" + _PARAGRAPHS[0])
    assert article.source == "某某网"
    assert article.reporters == ["王小明", "陈小红", "李小华"]


def _in_body_block(article: Article, needle: str) -> bool:
    return any(kind == "body" and needle in text for kind, text in source_blocks(article))


def test_a_subheading_glued_before_its_paragraphs_opening_connective() -> None:
    text = (
        "某市今年的用电量比去年增长了一成，夏季高峰期的负荷再创新高。 "
        "电网扩容计划延后不过，供电公司表示，新变电站最快明年年底才能投入使用。 "
        "市民反映，部分老旧小区在高峰时段仍会出现短暂停电的情况。"
    )
    article = parse(text)
    assert ("heading", "电网扩容计划延后") in source_blocks(article)
    assert article.headings == ["电网扩容计划延后"]
    assert _in_body_block(article, "不过，供电公司表示")


def test_a_connective_after_a_clause_opens_no_subheading() -> None:
    # `此外，` after a comma continues a sentence; a run longer than a subheading is a sentence.
    text = (
        "某市今年的用电量比去年增长了一成，夏季高峰期此外，负荷再创新高。\n"
        "供电公司在新闻发布会上向市民介绍了今年的扩容计划对此，表示会尽快完成。\n"
        "市民反映，部分老旧小区在高峰时段仍会出现短暂停电的情况。"
    )
    assert parse(text).headings == []


def test_a_bracketed_label_closing_a_paragraph_is_the_next_ones_heading() -> None:
    text = (
        "某区法院审理了一起合同纠纷案。案例来源：某某法制报 第3版【裁判要点】\n"
        "合同约定不明的，应当按照交易习惯确定双方的权利义务，法院据此作出判决。\n"
        "双方均未上诉，判决已经生效，案件执行工作正在进行。"
    )
    article = parse(text)
    assert article.headings == ["【裁判要点】"]
    assert _in_body_block(article, "案例来源：某某法制报 第3版")


def test_a_bracketed_label_closing_the_story_is_no_heading() -> None:
    text = "\n".join(_PARAGRAPHS) + "【完】"
    assert parse(text).headings == []


def test_a_marked_copyright_notice_inside_a_paragraph() -> None:
    text = (
        _PARAGRAPHS[0]
        + " ※本片由某某电视台授权播出，未经同意不得转载 "
        + _PARAGRAPHS[1]
        + "\n"
        + _PARAGRAPHS[2]
    )
    blocks = source_blocks(parse(text))
    assert ("copyright", "※本片由某某电视台授权播出，未经同意不得转载") in blocks
    assert ("body", _PARAGRAPHS[1]) in blocks


def test_a_caption_naming_who_stands_where_in_the_photo() -> None:
    text = "\n".join([_PARAGRAPHS[0], _PARAGRAPHS[1], "图右二为王小明", _PARAGRAPHS[2]])
    article = parse(text)
    assert ("caption", "图右二为王小明") in source_blocks(article)
    assert article.headings == []


def test_subheadings_standing_alone_in_a_page_of_list_lines() -> None:
    # Most lines go unpunctuated (photo captions, list entries after a colon), but a short line
    # between two paragraphs' ends is still a subheading; the list entries and captions are not.
    text = "\n".join(
        [
            "志愿者向山区小学的孩子发放新书包",
            "孩子们在教室里试背新书包",
            "某公益行动自上月启动以来，受到网友的广泛关注，大家通过多种方式参与认捐。",
            "已募集善款五十余万",
            "截至本月底，共有三千多位网友参与，众多爱心企业也参与了认捐（仅为部分）：",
            "某某公司认捐三百个书包",
            "某某商会认捐一百个书包",
            "与此同时，几位发起人也各自认捐了一批书包和文具，将于下月送到学校。",
            "近千名孩子背上新书包",
            "截至目前，公益行动已将近千个书包送到五所山区学校，孩子们都很高兴。",
        ]
    )
    article = parse(text)
    assert article.headings == ["已募集善款五十余万", "近千名孩子背上新书包"]


def test_numbered_subheads_between_indent_runs() -> None:
    # The page ran its paragraphs together, each indented with two ideographic spaces; the runs
    # close the numbered subheads even where no sentence end comes before them.
    text = (
        "某地交警整理了几起少见的事故，一起来看看……\u3000\u30001、货车倒着开\u3000\u3000"
        "一辆货车在路口突然倒车，后面的轿车躲闪不及，两车轻微剐蹭，好在没人受伤\u3000\u3000"
        "2、电动车冲进花坛\u3000\u3000一辆电动车为躲避行人冲进花坛，骑车人爬出来拍拍土走了~\u3000\u3000"
        "3、轿车停在台阶上\u3000\u3000一位司机把油门当刹车，轿车冲上了商场门口的台阶。"
    )
    article = parse(text)
    assert article.headings == ["1、货车倒着开", "2、电动车冲进花坛", "3、轿车停在台阶上"]
    assert (
        "body",
        "一辆货车在路口突然倒车，后面的轿车躲闪不及，两车轻微剐蹭，好在没人受伤",
    ) in source_blocks(article)


def test_one_numbered_line_between_indent_runs_is_no_subhead() -> None:
    text = (
        "审判长\u3000\u3000王某\n某法院今天公开宣判一起合同纠纷案，当事人双方均到庭。"
        "\u3000\u30001、驳回原告诉讼请求\u3000\u3000本判决为终审判决。"
    )
    assert parse(text).headings == []


def test_outlet_of_a_bracketed_closing_byline_is_the_source() -> None:
    article = parse("某市法院今天一审宣判一起案件，被告人被判处有期徒刑五年。\n（某某晚报记者 王小明）")
    assert article.source == "某某晚报"
    assert article.reporters == ["王小明"]
    # a source line wins over the byline's outlet
    article = parse("某市法院今天一审宣判一起案件。\n（某某晚报记者 王小明）\n来源：某某网")
    assert article.source == "某某网"
    # `本报记者` names no outlet
    assert (
        parse("某市法院今天一审宣判一起案件，被告人被判处有期徒刑五年。\n（本报记者 王小明）").source is None
    )


def test_glued_numbered_subheads_cut_where_the_form_marks_their_end() -> None:
    # 一、二、三、 in order, each glued onto its paragraph: cut where the paragraph repeats the
    # subhead's last word, or opens with a connective and its comma; an unmarked end stays body.
    text = (
        "水泵由几个部分组成，下面一一介绍。一、泵体泵体是水泵的外壳，用铸铁制成，内部有流道。"
        "二、叶轮叶轮的作用是把能量传给水，它装在泵轴上，随轴一起高速转动。"
        "三、密封装置的维护首先，要定期检查密封圈有没有老化，发现渗漏及时更换。"
        "四、轴承的选用轴承决定了水泵能不能长期平稳地运行，选用时要看转速和载荷。"
    )
    article = parse(text)
    assert article.headings == ["一、泵体", "二、叶轮", "三、密封装置的维护"]
    blocks = source_blocks(article)
    after = blocks[blocks.index(("heading", "三、密封装置的维护")) + 1]
    assert (
        after[0] == "body"
        and after[1].startswith("首先，要定期检查")
        and "四、轴承的选用轴承决定" in after[1]
    )


def test_numbered_subheads_that_are_short_sentences_count_only_as_a_series() -> None:
    series = (
        "今年前四个月全市投资保持平稳。一、工业投资稳步回升。前四个月，工业投资增长百分之六，比一季度加快。"
        "二、民间投资持续活跃。前四个月，民间投资增长百分之八，占全部投资的六成。"
        "三、重点项目进展顺利。前四个月，重点项目完成投资两百亿元，进度快于往年。"
    )
    assert parse(series).headings == [
        "一、工业投资稳步回升。",
        "二、民间投资持续活跃。",
        "三、重点项目进展顺利。",
    ]
    # one item opens with a long clause: the short sentences of the others are not taken
    mixed = series.replace("一、工业投资稳步回升。", "一、工业投资在多个行业的带动下稳步回升，")
    assert parse(mixed).headings == []
    # a list of short items with no paragraphs after them is a list
    listed = "会议提出三点要求。一、提高认识。二、加强领导。三、落实责任。会议还部署了下一阶段的工作。"
    assert parse(listed).headings == []


def test_a_bracketed_reposting_notice_is_copyright() -> None:
    text = (
        "某作家在专栏里谈起城市的老街，说那里藏着几代人的记忆。\n【本文经作者授权刊登，未经同意请勿拷贝转载】"
    )
    assert ("copyright", "【本文经作者授权刊登，未经同意请勿拷贝转载】") in source_blocks(parse(text))


def test_a_source_label_behind_a_bar_glyph_closing_the_story() -> None:
    text = "民警提醒，遇到索要转账的陌生人一定要先核实身份。▍内容来源：某某新闻网▍图文整理：某某"
    article = parse(text)
    assert ("source_line", "▍内容来源：某某新闻网▍图文整理：某某") in source_blocks(article)
    assert article.source == "某某新闻网"


def test_photo_captions_printed_after_the_publication_times() -> None:
    text = (
        "某市今天舉行市民運動會，上千名市民參加。（某某／台北報導）\n"
        "出版時間01：46 更新時間11：01市民在起點熱身。王小明攝選手衝過終點線。翻攝畫面"
    )
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert blocks[-5:] == [
        ("time_line", "出版時間01：46 更新時間11：01"),
        ("caption", "市民在起點熱身。"),
        ("photo_credit", "王小明攝"),
        ("caption", "選手衝過終點線。"),
        ("photo_credit", "翻攝畫面"),
    ]


def test_an_advertorial_label_opening_the_text_is_an_ad() -> None:
    text = "【廣編特輯】暑假快來囉！想要外出露營郊遊，或在自家陽台舉辦烤肉派對嗎？某品牌推出新款冷氣。"
    blocks = source_blocks(parse(text))
    assert blocks[0] == ("ad", "【廣編特輯】")
    assert blocks[1][0] == "body" and blocks[1][1].startswith("暑假快來囉")


def test_a_dated_scene_line_between_paragraphs_is_a_caption_not_a_heading() -> None:
    # `日期，某某做某事` with no sentence end: the news photo's caption form.
    text = f"{_PARAGRAPHS[0]}\n3月2日，消防队员清理过火的库房\n{_PARAGRAPHS[1]}\n{_PARAGRAPHS[2]}"
    article = parse(text)
    assert ("caption", "3月2日，消防队员清理过火的库房") in source_blocks(article)
    assert article.headings == []


def test_a_short_line_over_the_caption_line_is_the_caption_s_first_part() -> None:
    for caption in ("图左一为仓库管理员", "▼"):
        text = f"{_PARAGRAPHS[0]}\n消防队员在库房外待命\n{caption}\n{_PARAGRAPHS[1]}\n{_PARAGRAPHS[2]}"
        article = parse(text)
        assert ("caption", "消防队员在库房外待命") in source_blocks(article)
        assert article.headings == []


def test_a_topical_subheading_before_a_paragraph_stays_a_heading() -> None:
    # no caption line after it, no date-and-comma scene: it introduces what follows.
    text = f"{_PARAGRAPHS[0]}\n起火原因仍在调查\n{_PARAGRAPHS[1]}\n{_PARAGRAPHS[2]}"
    assert parse(text).headings == ["起火原因仍在调查"]


def test_a_lone_sentence_over_its_photographer_s_credit_is_the_caption() -> None:
    text = f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}\n消防队员昨在库房外清理现场。\n记者王小明/摄影"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert blocks[-2:] == [("caption", "消防队员昨在库房外清理现场。"), ("photo_credit", "记者王小明/摄影")]
    # a closing paragraph of several sentences before a credit stays the story's
    text = f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}{_PARAGRAPHS[2]}\n记者王小明/摄影"
    assert source_blocks(parse(text, published="2017-06-29"))[-2][0] == "body"


def test_a_naming_sentence_running_into_a_picture_caption_is_part_of_it() -> None:
    caption = "位于某市东郊的一座百年老仓库。图为游客在仓库门前拍照。记者王小明摄"
    text = f"{_PARAGRAPHS[0]}{_PARAGRAPHS[1]}\n{caption}"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert ("caption", "位于某市东郊的一座百年老仓库。") in blocks
    # the story's own sentence glued before the caption, with its commas, stays body
    text = f"{_PARAGRAPHS[0]}\n目前，案件正在调查中。图为游客在仓库门前拍照。记者王小明摄"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert ("body", "目前，案件正在调查中。") in blocks


def test_a_wire_story_s_end_mark_and_what_follows_it_on_the_line_are_no_story() -> None:
    text = f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}（完）（某某社专稿）关键词：某甲"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert ("footer", "（完）（某某社专稿）关键词：某甲") in blocks
    assert ("body", _PARAGRAPHS[1]) in blocks
    # 完 inside a sentence is the story's
    text = f"{_PARAGRAPHS[0]}\n工程已经全部完工（完成验收）。"
    assert ("body", "工程已经全部完工（完成验收）。") in source_blocks(parse(text, published="2017-06-29"))


def test_a_link_to_the_page_s_neighbour_is_a_related_link_even_glued_between_paragraphs() -> None:
    text = f"{_PARAGRAPHS[0]}  上一篇：某市举行春季运动会    {_PARAGRAPHS[1]}\n下一篇：某地发布暴雨预警"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert ("related_links", "上一篇：某市举行春季运动会") in blocks
    assert ("related_links", "下一篇：某地发布暴雨预警") in blocks
    assert ("body", _PARAGRAPHS[1]) in blocks
    # one space: the link's title goes on, nothing is cut out of it
    text = f"{_PARAGRAPHS[0]}\n{_PARAGRAPHS[1]}\n下一篇：某地发布 暴雨预警"
    blocks = source_blocks(parse(text, published="2017-06-29"))
    assert ("related_links", "下一篇：某地发布 暴雨预警") in blocks


def test_a_colon_label_alone_between_paragraphs_is_a_heading() -> None:
    # A label naming what the paragraph under it is about; a sentence's lead-in (`分别是：`), a
    # label over a list of label lines, or a label with no paragraph under it is not.
    long_paragraph = _PARAGRAPHS[1] + _PARAGRAPHS[2]
    text = "\n".join([_PARAGRAPHS[0], "项目资金的用途：", long_paragraph, "三个问题分别是：", long_paragraph])
    article = parse(text)
    assert article.headings == ["项目资金的用途："]
    listed = "\n".join(
        [
            _PARAGRAPHS[0],
            "报名须知：",
            "第一站：某县某小学，为期五天的支教活动。" + long_paragraph,
            _PARAGRAPHS[2],
        ]
    )
    assert parse(listed).headings == []


def test_a_wire_end_mark_before_a_glued_caption_is_a_footer() -> None:
    text = "\n".join([_PARAGRAPHS[0], _PARAGRAPHS[1] + "(完)图为，民警清点查获的物品 某某 摄"])
    blocks = source_blocks(parse(text))
    assert ("body", _PARAGRAPHS[1]) in blocks
    assert ("footer", "(完)") in blocks
    assert ("caption", "图为，民警清点查获的物品 某某 摄") in blocks


def test_a_mobile_number_behind_a_contact_label_is_a_hotline() -> None:
    text = "\n".join(
        [
            _PARAGRAPHS[0],
            "本地搬家热线【139乄0000乄1111】李经理【价格实惠】提供各类搬家服务，欢迎来电。",
            "某某物流公司电话138-0000-2222  我们提供整车零担运输。号码13800003333是旧号。",
        ]
    )
    blocks = source_blocks(parse(text))
    assert ("hotline", "热线【139乄0000乄1111】李经理") in blocks
    assert ("hotline", "电话138-0000-2222") in blocks
    assert not any(kind == "hotline" and "13800003333" in piece for kind, piece in blocks)


def test_a_site_name_and_address_closing_the_page_is_an_ad() -> None:
    text = "\n".join(
        [
            _PARAGRAPHS[0],
            _PARAGRAPHS[1],
            "某某游戏官方网站：http://game.example.com/  \u3000\u3000好玩不累！某某游戏：http://www.example.com/",
        ]
    )
    blocks = source_blocks(parse(text))
    assert blocks[-1][0] == "ad"
    assert blocks[-1][1].startswith("某某游戏官方网站")
    assert ("body", _PARAGRAPHS[1]) in blocks


def test_a_product_listing_header_opening_a_sales_page_is_boilerplate() -> None:
    header = (
        "某某净水装置2017-07-21价格： 1 元/套产地：某省最小起订：面议所在地：某市发送询价产品详情某某净水装置"
    )
    text = header + " " + _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1]
    blocks = source_blocks(parse(text))
    assert blocks[0] == ("other_boilerplate", header)
    assert ("body", _PARAGRAPHS[0]) in blocks
    # one label in a story's opening is no listing
    story = "产地：某省某县。" + _PARAGRAPHS[0] + "\n" + _PARAGRAPHS[1]
    assert all(kind != "other_boilerplate" for kind, _ in source_blocks(parse(story)))


def test_a_colon_label_opening_the_page_is_no_headline() -> None:
    # it shares its words with the record's title, but a headline does not end in a colon
    long_paragraph = _PARAGRAPHS[1] + _PARAGRAPHS[2]
    text = "\n".join(["仓库防火基金宗旨：", long_paragraph, _PARAGRAPHS[0]])
    article = parse(text, title="某县仓库防火基金说明")
    assert ("title", "仓库防火基金宗旨：") not in source_blocks(article)
    assert article.headings == ["仓库防火基金宗旨："]
