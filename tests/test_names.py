"""newsctl.names: what kind of name a word is, and the whole name a piece belongs to.

The names below are made up; the cases are the shapes jieba's HMM cuts names into."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsctl import names


@pytest.mark.parametrize(
    ("word", "tag", "common", "kind"),
    [
        ("林小明", None, False, names.PERSON),  # surname + two characters, unknown to jieba
        ("欧阳小明", None, False, names.PERSON),  # a two-character surname
        ("王毅", "nr", False, names.PERSON),
        ("文明", "nr", True, None),  # jieba tags some common words nr
        ("宣传教育", "nr", False, None),  # not a name's form
        ("阿公", "nr", False, None),  # a kin term, never a name
        ("马克龙", "nrt", False, names.PERSON),
        ("日本", "ns", False, names.PLACE),
        ("某某县", None, False, names.PLACE),
        ("某某医院", None, False, names.ORGANISATION),
        ("某某委员会", "nz", False, names.ORGANISATION),
        ("电脑", "n", False, None),
        ("ABC", None, False, None),
    ],
)
def test_kind_of(word: str, tag: str | None, common: bool, kind: str | None) -> None:
    assert names.kind_of(word, tag, common=common) == kind


def test_a_mis_cut_whose_head_is_a_common_word_is_no_name() -> None:
    assert names.kind_of("文明定", None) == names.PERSON
    assert names.kind_of("文明定", None, common_head=True) is None


@pytest.mark.parametrize(
    ("word", "core"),
    [
        ("阿嬷洪小女", "洪小女"),
        ("陈小灯指出", "陈小灯"),
        ("歌手林小祯", "林小祯"),
        ("记者王小明表示", "王小明"),
        ("洪小女", None),  # already a name
        ("阿嬷说", None),  # no name inside
        ("指出", None),
    ],
)
def test_core_name(word: str, core: str | None) -> None:
    assert names.core_name(word) == core


def test_glued_fragments_end_in_a_speech_verb_after_something() -> None:
    assert names.is_glued_fragment("姨说")
    assert not names.is_glued_fragment("说")
    assert not names.is_glued_fragment("小说家")


def test_fragment_owners() -> None:
    people = ["谢小玮", "洪小女", "李王毅"]
    owners = names.fragment_owners(["小玮", "阿嬷洪", "小女", "王毅", "谢小玮", "电脑"], people)
    assert owners == {"小玮": "谢小玮", "阿嬷洪": "洪小女", "小女": "洪小女"}  # 王毅 is a name of its own


def test_a_piece_of_two_names_belongs_to_neither() -> None:
    assert names.fragment_owners(["小明"], ["王小明", "李小明"]) == {}


def test_dotted_names_give_their_given_names_to_the_surname_that_recurs() -> None:
    tokens = ["总统", "埃马", "纽埃尔", "·", "马克龙", "访华", "。", "马克龙", "说"]
    is_part = {"埃马", "纽埃尔", "马克龙"}.__contains__
    assert names.dotted_name_parts(tokens, is_part) == {"埃马": "马克龙", "纽埃尔": "马克龙"}
    # named once, in full: the whole is the name, nothing is given away
    assert names.dotted_name_parts(tokens[:6], is_part) == {}
    assert names.dotted_name_parts(["没有", "圆点"], is_part) == {}


def test_latin_glosses() -> None:
    text = "作家麦小庞（Michael Bond）去世；品牌BAN.DO推出（新品）"
    assert names.latin_glosses(text) == {"Michael", "Bond"}


@given(st.text(alphabet="王李阿嬷说指出表示小明", max_size=8))
def test_a_core_name_is_inside_the_word_and_looks_like_a_name(word: str) -> None:
    core = names.core_name(word)
    if core is not None:
        assert core in word and core != word
        assert names.looks_like_person(core)


def test_variant_of_takes_a_variant_suffix_off() -> None:
    assert names.variant_of("上海市", {"上海", "浓度"}) == "上海"
    assert names.variant_of("母女俩", {"母女"}) == "母女"
    assert names.variant_of("上海市", {"浓度"}) is None  # no plain name to give way to
    assert names.variant_of("城市", {"城"}) is None  # a two-character word is no variant


@pytest.mark.parametrize(
    ("word", "text", "name"),
    [
        ("连阿宝", "连阿宝都笑了。阿宝说，阿宝每天练琴。", "阿宝"),  # 连 + a name said alone more often
        ("时阿宝", "采访时阿宝哭了，阿宝说很想念爸爸，阿宝的姐姐也在。", "阿宝"),
        ("向大明", "向大明道谢。向大明说他很高兴，大明笑了。", None),  # a name of its own (surname 向)
        ("林大明", "林大明说，大明很好，大明很高兴。", None),  # 林 is no glued word
        ("连阿", "连阿阿阿", None),  # too short to hold a name
    ],
)
def test_a_name_glued_to_the_word_before_it_is_unglued_when_said_alone_more_often(
    word: str, text: str, name: str | None
) -> None:
    assert names.unglued(word, text) == name


def test_country_mentions_count_the_abbreviation_of_a_country_named_in_full() -> None:
    tokens = ["俄罗斯", "称", "，", "俄军", "击退", "乌军", "。", "俄方", "说", "俄", "官员", "乌称"]
    text = "".join(tokens) + "乌克兰"
    assert names.country_mentions(tokens, text) == {
        "俄罗斯": {"俄军": 1, "俄方": 1, "俄": 1},
        "乌克兰": {"乌军": 1, "乌称": 1},
    }
    # 乌 stands for no country the text spells out: 乌军 is left alone
    assert "乌克兰" not in names.country_mentions(tokens, "".join(tokens))
    # 日 alone is a date, not Japan
    assert names.country_mentions(["日本", "22", "日", "日方"], "日本22日日方") == {"日本": {"日方": 1}}
    # 伊 is 伊朗 or 伊拉克: with both spelt out, neither takes 伊方
    assert names.country_mentions(["伊朗", "伊拉克", "伊方"], "伊朗伊拉克伊方") == {}


def test_a_dotted_name_never_said_apart_is_one_whole() -> None:
    is_part = {"艾丽", "布朗迪", "女主", "米洛", "斯拉夫", "延恰"}.__contains__
    tokens = ["女主", "艾丽", "·", "布朗迪", "主演", "。", "艾丽", "·", "布朗迪", "说"]
    assert names.dotted_wholes(tokens, is_part) == {"艾丽": "艾丽·布朗迪", "布朗迪": "艾丽·布朗迪"}
    # the surname said alone: the given name goes to it instead (dotted_name_parts)
    assert names.dotted_wholes([*tokens, "布朗迪"], is_part) == {}
    # cut where the transliteration goes on (米洛 | 斯拉夫·延恰): not whole
    assert names.dotted_wholes(["米洛", "斯拉夫", "·", "延恰", "表示"], is_part) == {}


def test_a_full_name_in_brackets_is_the_person_the_story_calls_by_the_name_before() -> None:
    text = "44岁的阿芬（林秀芬）说，阿芬每天照顾丈夫。67岁友福伯（曹友福）也来帮忙。"
    assert names.aliases(text, ["阿芬", "友福伯", "丈夫"]) == {"林秀芬": "阿芬", "曹友福": "友福伯"}
    assert names.aliases(text, ["丈夫"]) == {}  # no name before the brackets
    assert names.aliases("公司（2023年）成立", ["公司"]) == {}  # no name in the brackets
