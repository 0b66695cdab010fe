"""Cleaning: pinyin-annotation stripping, width folding, whitespace and control
characters, and the offset map back to the source text."""

from __future__ import annotations

import re

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from newsctl.clean import _changed_characters, _offsets, _readings_of, clean_text, is_reading_of

T2S = opencc.OpenCC("t2s")
# What an inline annotation looks like: a parenthesised run of pinyin letters.
LEFTOVER_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[1-5]?[)）]")


def annotation_free(source: str) -> str:
    """The source with every `字(pinyin)` annotation whose syllable is a reading removed."""
    return re.sub(
        r"(?<=[\u4e00-\u9fff])[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8})[)）]",
        lambda m: "" if is_reading_of(source[m.start() - 1], m.group(1)) else m.group(0),
        source,
    )


# ---------------------------------------------------------------------------
# the seed


def test_seed_annotations_removed(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    assert len(cleaned.annotations) == 133
    assert not LEFTOVER_PINYIN.search(cleaned.text)
    assert not LEFTOVER_PINYIN.search(cleaned.original)
    for start, end in cleaned.annotations:
        assert LEFTOVER_PINYIN.fullmatch(seed_text[start:end])


def test_seed_text_is_simplified(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    assert cleaned.script == "traditional"
    assert T2S.convert(cleaned.text) == cleaned.text
    assert "齐鲁网" in cleaned.text
    assert "齊" not in cleaned.text


def test_seed_original_keeps_traditional_minus_annotations(seed_text: str) -> None:
    cleaned = clean_text(seed_text)
    assert cleaned.original.startswith("來源:齊魯網\n2020-05-20 11:09:05\n齊魯網·閃電新聞5月20日訊 ")
    assert cleaned.original == annotation_free(seed_text).strip()
    assert T2S.convert(cleaned.original) != cleaned.original
    assert len(cleaned.original) == len(cleaned.text) == len(cleaned.source_index)


def test_seed_real_parentheses_survive(seed_text: str) -> None:
    text = clean_text(seed_text).text
    assert "所有处室(单位)全部列入活动组" in text
    assert "( https://minsheng.iqilu.com/)" in text
    assert "官方微博(@齐鲁网)" in text


# ---------------------------------------------------------------------------
# annotations


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("网(wǎng)站", "网站"),
        ("網(wǎng)站", "网站"),
        ("網（wǎng）站", "网站"),  # full-width parentheses
        ("网(wang3)站", "网站"),  # tone number
        ("网(wang)站", "网站"),  # no tone
        ("绿(lǜ)色", "绿色"),
        ("绿(lv4)色", "绿色"),
        ("绿(lü)色", "绿色"),
        ("网(wa\u030cng)站", "网站"),  # decomposed tone mark
        ("长(zhǎng)大", "长大"),  # heteronym: 长 is cháng and zhǎng
        ("长(cháng)度", "长度"),
    ],
)
def test_annotation_removed(source: str, text: str) -> None:
    cleaned = clean_text(source)
    assert cleaned.text == text
    assert len(cleaned.annotations) == 1


@pytest.mark.parametrize(
    "source",
    [
        "所有处室(单位)全部列入",
        "群众下载(app)后即可办理",
        "世界卫生组织(WHO)发布",
        "网站(https://www.example.cn/a)查询",
        "登录官方网站( https://www.example.cn/qinghe/zwfw )查询",
        "官方微博(@齐鲁网)提供",
        "网(shì)站",  # not a reading of 网
        "网(xyz)站",  # not pinyin at all
        "A(wang)B",  # not after a Han character
        "网 (wǎng)",  # not directly after the character
    ],
)
def test_real_parentheses_kept(source: str) -> None:
    cleaned = clean_text(source)
    assert cleaned.text == source
    assert cleaned.original == source
    assert cleaned.annotations == ()


def test_nested_annotation_inside_real_parentheses() -> None:
    cleaned = clean_text("关注官方微博(@青禾网(wǎng))获取")
    assert cleaned.text == "关注官方微博(@青禾网)获取"
    assert len(cleaned.annotations) == 1


def test_annotation_spans_map_back() -> None:
    source = "齊魯網(wǎng)訊 山東"
    cleaned = clean_text(source)
    assert cleaned.text == "齐鲁网讯 山东"
    assert cleaned.original == "齊魯網訊 山東"
    assert cleaned.annotations == ((3, 9),)
    start = cleaned.text.index("网讯")
    assert cleaned.source_span(start, start + 2) == (2, 10)
    assert cleaned.source_text(start, start + 2) == "網訊"
    assert cleaned.source_text(0, len(cleaned.text)) == "齊魯網訊 山東"


# ---------------------------------------------------------------------------
# widths, whitespace, control characters


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("警惕！冒充“系统升级”", "警惕！冒充“系统升级”"),  # Chinese punctuation stays as written
        (
            "青禾县一季度ＧＤＰ同比增长１２．５％　增速居全市首位",
            "青禾县一季度GDP同比增长12.5% 增速居全市首位",
        ),
        ("〔記者林志明／新北報導〕", "〔记者林志明／新北报导〕"),
        ("０８：１５", "08:15"),  # between digits it is a time
        ("世界卫生组织（ＷＨＯ）", "世界卫生组织（WHO）"),
        ("齊魯網(wǎng)", "齐鲁网"),
        ("  標題 ", "标题"),
    ],
)
def test_display(source: str, shown: str) -> None:
    cleaned = clean_text(source)
    assert cleaned.display(0, len(cleaned.text)) == shown


def test_width_folding_keeps_offsets() -> None:
    source = "一季度ＧＤＰ同比增长１２．５％"
    cleaned = clean_text(source)
    assert cleaned.text == "一季度GDP同比增长12.5%"
    assert cleaned.original == source
    start = cleaned.text.index("12.5%")
    assert cleaned.source_span(start, start + 5) == (start, start + 5)
    assert cleaned.source_text(start, start + 5) == "１２．５％"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("甲\u3000\u3000乙", "甲 乙"),
        ("甲 \t 乙", "甲 乙"),
        ("甲\u00a0乙", "甲 乙"),
        ("甲\r\n乙", "甲\n乙"),
        ("甲\r乙", "甲\n乙"),
        ("甲\r\n\r\n\r\n乙", "甲\n\n乙"),
        ("甲  \n  \n\n  乙", "甲\n\n乙"),
        ("甲\u2028乙", "甲\n乙"),
        ("  \n\u3000甲乙 \r\n \n", "甲乙"),
    ],
)
def test_whitespace_normalised(source: str, text: str) -> None:
    cleaned = clean_text(source)
    assert cleaned.text == text
    assert cleaned.original == text


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("甲\x00乙", "甲乙"),
        ("甲\x07\x1b乙\x7f", "甲乙"),
        ("甲\u200b乙\ufeff", "甲乙"),
        ("\u202e甲乙", "甲乙"),
        ("甲 \x00 乙", "甲 乙"),  # a control inside a whitespace run: still one space
        ("甲\n\x00\n\x00\n乙", "甲\n\n乙"),  # ...and still at most one blank line
        ("甲\u200b \u200b乙", "甲 乙"),
    ],
)
def test_control_characters_dropped(source: str, text: str) -> None:
    cleaned = clean_text(source)
    assert cleaned.text == text
    for i, char in enumerate(cleaned.text):
        assert source[cleaned.source_index[i]] == char or char.isspace()


def test_readings_table_agrees_with_pypinyin() -> None:
    # Every 7th character pypinyin knows, its first and last, and characters it lacks.
    from pypinyin.pinyin_dict import pinyin_dict

    codes = sorted(pinyin_dict)
    for code in [*codes[::7], codes[0], codes[-1]]:
        assert _readings_of(chr(code)) == pinyin_dict[code], hex(code)
    for absent in ["a", "。", "\n", "\t", "", "网络"]:
        assert _readings_of(absent) is None, repr(absent)


def test_empty_and_blank() -> None:
    for source in ("", "   ", "\r\n\x00\u3000"):
        cleaned = clean_text(source)
        assert cleaned.text == ""
        assert cleaned.source_span(0, 0) == (len(source), len(source))


# ---------------------------------------------------------------------------
# property tests

HAN = "网开门车东来源齐鲁闪电新闻讯山省政府办公厅文明创建工作長說國發處室单位青禾县"
ANNOTATED = "网網开開门門车車东東长長绿綠银銀设設务務讯訊"
FULL_WIDTH = "０１２９ＡＢＺａｚ，．：；！？（）％＋－／"
WHITESPACE = [" ", "  ", "\t", "\u3000", "\u00a0", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " \n "]
CONTROLS = ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u200b", "\u202e", "\ufeff"]
REAL_PARENS = ["(单位)", "(app)", "(WHO)", "（新闻联播）", "( https://www.example.cn/a )", "(@齐鲁网)", "(1)"]
PUNCT = ["，", "。", "“", "”", "《", "》", ",", ".", "?", "!", ":", "(", ")", "1", "20", "%"]

CONTROL_SET = set("".join(CONTROLS))


def _readings(char: str) -> list[str]:
    toned = pinyin(char, heteronym=True, style=Style.TONE)[0]
    numbered = pinyin(char, heteronym=True, style=Style.TONE3)[0]
    return sorted(set(toned) | set(numbered))


@st.composite
def annotation(draw: st.DrawFn) -> tuple[str, str]:
    """(source piece, the same piece with the annotation removed)."""
    char = draw(st.sampled_from(ANNOTATED))
    reading = draw(st.sampled_from(_readings(char)))
    left, right = draw(st.sampled_from([("(", ")"), ("（", "）")]))
    return f"{char}{left}{reading}{right}", char


@st.composite
def nested_annotation(draw: st.DrawFn) -> tuple[str, str]:
    source, kept = draw(annotation())
    return f"(@{source})", f"(@{kept})"


def _plain(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, str]]:
    return strategy.map(lambda piece: (piece, piece))


PIECE = st.one_of(
    _plain(st.text(alphabet=HAN, min_size=1, max_size=6)),
    annotation(),
    nested_annotation(),
    _plain(st.sampled_from(REAL_PARENS)),
    _plain(st.text(alphabet=FULL_WIDTH, min_size=1, max_size=4)),
    _plain(st.sampled_from(WHITESPACE)),
    _plain(st.sampled_from(CONTROLS)),
    _plain(st.lists(st.sampled_from(WHITESPACE + CONTROLS), min_size=2, max_size=5).map("".join)),
    _plain(st.sampled_from(PUNCT)),
)


@st.composite
def article_like(draw: st.DrawFn) -> tuple[str, str]:
    """(source, source minus exactly its annotations)."""
    pieces = draw(st.lists(PIECE, max_size=40))
    return "".join(p for p, _ in pieces), "".join(k for _, k in pieces)


def _strip_edges(text: str) -> str:
    is_edge = lambda ch: ch.isspace() or ch in CONTROL_SET  # noqa: E731
    start, end = 0, len(text)
    while start < end and is_edge(text[start]):
        start += 1
    while end > start and is_edge(text[end - 1]):
        end -= 1
    return text[start:end]


PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(article_like())
def test_property_offset_map(case: tuple[str, str]) -> None:
    source, _ = case
    cleaned = clean_text(source)
    text, index = cleaned.text, cleaned.source_index
    assert len(text) == len(cleaned.original) == len(index)
    for i, char in enumerate(cleaned.original):
        assert 0 <= index[i] < len(source)
        if char.isspace():
            assert source[index[i]].isspace()
        else:
            assert source[index[i]] == char  # the very character, before folding and t2s
        if i:
            collapsed = text[i] == text[i - 1] == "\n"
            assert index[i] > index[i - 1] or (collapsed and index[i] == index[i - 1])


@PROPERTY_SETTINGS
@given(article_like())
def test_property_round_trip(case: tuple[str, str]) -> None:
    source, without_annotations = case
    cleaned = clean_text(source)
    assert cleaned.source_text(0, len(cleaned.text)) == _strip_edges(without_annotations)
    # The removed spans are exactly the annotations.
    removed = "".join(source[s:e] for s, e in cleaned.annotations)
    assert len(source) - len(removed) == len(without_annotations)
    assert annotation_free(cleaned.text) == cleaned.text


@PROPERTY_SETTINGS
@given(article_like(), st.data())
def test_property_sub_spans(case: tuple[str, str], data: st.DataObject) -> None:
    source, _ = case
    cleaned = clean_text(source)
    n = len(cleaned.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    src_start, src_end = cleaned.source_span(start, end)
    assert 0 <= src_start <= src_end <= len(source)
    piece = cleaned.source_text(start, end)
    if end > start and not cleaned.original[start:end].isspace():
        # Without whitespace and controls, the source piece is the original slice.
        squeeze = lambda s: "".join(ch for ch in s if not ch.isspace() and ch not in CONTROL_SET)  # noqa: E731
        assert squeeze(piece) == squeeze(cleaned.original[start:end])


@PROPERTY_SETTINGS
@given(article_like())
def test_property_normalised(case: tuple[str, str]) -> None:
    source, _ = case
    cleaned = clean_text(source)
    text = cleaned.text
    assert text == text.strip()
    assert "\r" not in text and "\t" not in text and "\u3000" not in text
    assert "  " not in text and "\n\n\n" not in text
    assert " \n" not in text and "\n " not in text
    assert not CONTROL_SET & set(text)
    assert not re.search("[\uff01-\uff5e]", text)
    assert T2S.convert(text) == text
    assert clean_text(text).text == text  # idempotent


@pytest.mark.parametrize(
    ("source", "script"),
    [
        ("今天天气很好，我们去公园散步。", "simplified"),
        ("今天天氣很好，我們去公園散步。", "traditional"),
        # 1 changed Han character in 30: between the 1 % and 6 % thresholds
        ("這" + "的" * 29, "mixed"),
    ],
)
def test_detect_script(source: str, script: str) -> None:
    assert clean_text(source).script == script


@given(st.text(max_size=60), st.data())
def test_property_changed_characters(before: str, data: st.DataObject) -> None:
    # Equally long strings differing at some positions, astral characters included.
    after = "".join(data.draw(st.sampled_from([ch, chr(ord(ch) ^ 1), "\U0002a6a5"])) for ch in before)
    assert _changed_characters(before, after) == sum(a != b for a, b in zip(before, after))


@given(st.integers(0, 5000), st.integers(0, 5000))
def test_property_offsets_are_a_range(start: int, length: int) -> None:
    assert list(_offsets(start, start + length)) == list(range(start, start + length))
    assert list(_offsets(0, 0)) == []


def test_offsets_beyond_the_ramp_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsctl.clean

    monkeypatch.setattr(newsctl.clean, "_RAMP_LIMIT", 100)
    monkeypatch.setattr(newsctl.clean, "_RAMP", newsctl.clean.array("q"))
    assert list(_offsets(90, 150)) == list(range(90, 150))
    assert len(newsctl.clean._RAMP) == 0  # no ramp longer than the limit is kept
    assert list(_offsets(10, 60)) == list(range(10, 60))
    assert len(newsctl.clean._RAMP) <= 100


def test_short_texts_are_cleaned_once_and_shared() -> None:
    # a record's title is asked for by several rules of one article: one CleanedText serves them all
    title = "臺北市長（記者會）宣佈　新措施"
    first = clean_text(title)
    assert clean_text(title) is first
    assert first.text == clean_text(title + " " * 300).text  # a long text is cleaned the same way
