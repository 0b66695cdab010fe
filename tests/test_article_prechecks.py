"""The cheap tests that spare the article stage a pattern search: each may skip a search only
where the pattern could not have matched. Texts are made up from the pieces the patterns
read (brackets, sentence ends, labels, slashes, spaces), so matches are common."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsctl.article import (
    _DATED_ITEM,
    _DIGIT,
    _GLUED_BREAK,
    _ITEM_NUMBER,
    SIGNATURE_ENDINGS,
    TAIL_WINDOW,
    _glued_breaks,
    _line_end_tails,
    _patterns,
    _spaces_for,
)

WORDS = (
    "某地 张三 李某某 数据宝 新华社 某某网 报 记者 通讯员 作者 文 图 来源 稿源 出处 信源 文章来源 转载请注明"
)
MARKS = "提供 摄 摄影 报导 报道 详细 全文 xaniguo.com abc 2 12 / ／ ╱ • : ： 、 ，"
STOPS = "。 ！ ？ ! ? … 」 ” ( ) （ ） 【 】 〔 〕 [ ]"
PIECES = [*WORDS.split(), *MARKS.split(), *STOPS.split(), " ", "  ", "\u3000", "\xa0", "\t"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
@example("下文。(记者张三)某地")
@example("记者说。(记者张三)某地,某地。 某地")
@example("某地。 【某地】")
def test_glued_breaks_are_all_the_pattern_finds(text: str) -> None:
    assert [found.span() for found in _glued_breaks(text)] == [
        found.span() for found in _GLUED_BREAK.finditer(text)
    ]


def _may_match(text: str, endings: str, words: tuple[str, ...]) -> bool:
    tail = text[max(0, len(text) - TAIL_WINDOW) :]
    return (not endings or text[-1] in endings) and (not words or any(word in tail for word in words))


@settings(max_examples=600, deadline=None)
@given(texts)
@example("某地下雨。(来源:某某网)")
@example("某地下雨。来源/某某网")
@example("某地下雨。鲜果网(xaniguo.com)")
@example("某地下雨。(记者张三/某地报导)")
@example("某地下雨。[详细]")
@example("某地下雨。(某地提供)")
@example("某地下雨。文/张三")
def test_a_line_end_tail_is_never_skipped_where_it_matches(text: str) -> None:
    text = text.rstrip()
    if not text:
        return
    window = max(0, len(text) - TAIL_WINDOW)
    for pattern, _role, _kind, endings, words in _line_end_tails():
        if pattern.search(text, window):
            assert _may_match(text, endings, words), (pattern.pattern[:60], text)
    if _patterns().signature.search(text, window):
        assert text[-1] in SIGNATURE_ENDINGS


def test_the_examples_do_match() -> None:
    """The pieces make texts the checks are about: every tail matches one of them."""
    lines = [
        "某地下雨。(来源:某某网)",
        "某地下雨。鲜果网(xaniguo.com)",
        "某地下雨。(记者张三/某地报导)",
        "某地下雨。[详细]",
        "某地下雨。(某地提供)",
        "某地下雨。文/张三",
    ]
    for pattern, *_ in _line_end_tails():
        assert any(pattern.search(line) for line in lines), pattern.pattern[:60]


@given(st.text(alphabet="某\n \r\u3000a", max_size=20))
def test_spaces_for_keeps_only_newlines(text: str) -> None:
    import re

    assert _spaces_for(text) == re.sub(r"[^\n]", " ", text)


@given(st.text(alphabet="2019/1.３一。 ", max_size=40))
@example("2019/1/2．某地。2019/1/3．某地。2019/1/4．某地")
def test_a_line_with_dated_items_has_two_slashes_each(text: str) -> None:
    assert text.count("/") >= 2 * len(_DATED_ITEM.findall(text))


@given(st.text(alphabet="1２٣a。 某“", max_size=20))
def test_a_numbered_item_holds_a_digit(text: str) -> None:
    if _ITEM_NUMBER.search(text):
        assert _DIGIT.search(text)
