"""Contract 1.2: `printed` on KEYWORD and `metadata` (newsctl.printed), through the real
command and as a unit. Every article here is made up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from contract import validate_json_output, validate_jsonl_output
from hypothesis import given, settings
from hypothesis import strategies as st

from newsctl.clean import clean_text
from newsctl.cli import cli
from newsctl.printed import Printer
from newsctl.records import Keyword, Metadata

TRADITIONAL = """長照專線擴大服務 衛福部：明年全天候接聽

〔記者黃詠晴／台北報導〕衛福部今天宣布，長照專線明年起擴大服務，全天候接聽民眾來電。衛福部長照司表示，長照專線去年接聽超過十二萬通電話，人力已經不足。

專線人力將增加

衛福部指出，長照專線將增加三十名專員，並與各縣市長照中心合作。長照司長說，民眾撥打長照專線，可以得到即時協助。

許多家屬反映，長照專線過去晚上無人接聽。衛福部表示，明年起長照專線全天候服務，家屬不必再等待。
"""

SIMPLIFIED = (
    "社区食堂开进老旧小区\n\n"
    "本报讯（记者 周明远）社区食堂近日在城南街道开张，老旧小区的老人在家门口就能吃上热饭。"
    "街道办表示，社区食堂每天供应午餐和晚餐，老人用餐可享受补贴。\n\n"
    "社区食堂负责人说，食堂的菜价由街道和居民代表一起商定。不少老人说，社区食堂解决了做饭难的问题。\n"
)


def _analyze(tmp_path: Path, text: str, *args: str) -> dict:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "-j", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return validate_json_output(result.stdout)["documents"][0]


def test_a_traditional_article_prints_its_tags_and_metadata_in_its_own_script(tmp_path: Path) -> None:
    doc = _analyze(tmp_path, TRADITIONAL)
    assert doc["script"] == "traditional"
    by_term = {k["term"]: k["printed"] for k in doc["keywords"]}
    assert by_term["卫福部"] == "衛福部"  # term Simplified, printed as the page prints it
    assert by_term["长照专线"] == "長照專線"
    meta = doc["metadata"]
    assert meta["reporters"] == ["黄咏晴"]
    assert meta["printed"] == {
        "title": "長照專線擴大服務 衛福部：明年全天候接聽",
        "source": None,
        "dateline": "記者黃詠晴／台北報導",
        "reporters": ["黃詠晴"],
        "headings": ["專線人力將增加"],
    }
    # The added keys come last: the JSON is otherwise as it was (1.1).
    assert list(doc["keywords"][0]) == ["term", "weight", "count", "pos", "printed"]
    assert list(meta) == ["title", "source", "published", "dateline", "reporters", "headings", "printed"]


def test_a_simplified_article_prints_its_values_unchanged(tmp_path: Path) -> None:
    doc = _analyze(tmp_path, SIMPLIFIED)
    assert doc["script"] == "simplified"
    assert doc["keywords"]
    assert all(k["printed"] == k["term"] for k in doc["keywords"])
    meta = doc["metadata"]
    assert meta["printed"] == {
        key: meta[key] for key in ("title", "source", "dateline", "reporters", "headings")
    }


def test_a_records_own_title_and_source_print_as_the_record_gives_them(tmp_path: Path) -> None:
    record = {
        "id": "a",
        "title": "長照專線擴大服務",
        "source": "某某時報",
        "text": TRADITIONAL.split("\n", 2)[2],
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["keywords", str(path), "-f", "jsonl"], catch_exceptions=False)
    (doc,) = validate_jsonl_output(result.stdout)
    assert doc["metadata"]["title"] == "长照专线扩大服务"
    assert doc["metadata"]["source"] == "某某时报"
    assert doc["metadata"]["printed"]["title"] == "長照專線擴大服務"
    assert doc["metadata"]["printed"]["source"] == "某某時報"


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_the_human_views_show_the_printed_forms(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TRADITIONAL, encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(path), "-f", fmt], catch_exceptions=False)
    assert result.exit_code == 0
    for printed in ("衛福部", "長照專線", "黃詠晴"):
        assert printed in result.stdout
    # the keyword and metadata cells: no Simplified twin of a printed tag or name
    assert "黄咏晴" not in result.stdout
    assert "长照专线" not in result.stdout.split("timeline")[0]


def test_the_schema_rejects_a_wrong_printed_value(tmp_path: Path) -> None:
    import jsonschema
    from contract import validate_document

    doc = _analyze(tmp_path, TRADITIONAL)
    doc["keywords"][0]["printed"] = ""
    with pytest.raises(jsonschema.ValidationError):
        validate_document(doc)
    doc = _analyze(tmp_path, TRADITIONAL)
    doc["metadata"]["printed"]["reporters"] = "黃詠晴"
    with pytest.raises(jsonschema.ValidationError):
        validate_document(doc)


def test_records_built_by_hand_print_their_own_values() -> None:
    assert Keyword("卫福部", 1.0, 2, None).to_dict()["printed"] == "卫福部"
    meta = Metadata(title="标题", reporters=("王某",)).to_dict()
    assert meta["printed"]["title"] == "标题"
    assert meta["printed"]["reporters"] == ["王某"]


# --- the rule itself (newsctl.printed) -------------------------------------------------


def test_the_most_frequent_surface_wins() -> None:
    cleaned = clean_text("臺灣的選手說，台灣隊贏了。台灣隊明年再來。")
    assert Printer(cleaned).form("台湾") == "台灣"  # 台灣 twice, 臺灣 once


def test_equally_frequent_surfaces_go_to_the_first() -> None:
    cleaned = clean_text("臺灣的選手說，台灣隊贏了。")
    assert Printer(cleaned).form("台湾") == "臺灣"


def test_a_value_not_in_the_text_prints_character_by_character() -> None:
    # A name gathered from its pieces: the article never prints 张秀鸳 whole.
    cleaned = clean_text("司長張秀鴛表示，張司長說秀鴛不會離開。")
    assert "张秀鸳" in cleaned.text
    assert Printer(cleaned).form("张鸳") == "張鴛"
    assert Printer(cleaned).form("张鸳x") == "張鴛x"


def test_a_character_mostly_printed_unconverted_stays() -> None:
    cleaned = clean_text("台北的台中人說台南好，臺東也好。")
    assert Printer(cleaned).form("台东南") == "台東南"  # 台 three times as 台, once as 臺


def test_full_width_punctuation_of_a_metadata_value_is_kept() -> None:
    cleaned = clean_text("記者黃詠晴／台北報導")
    value = "记者黄咏晴／台北报导"  # as metadata shows it: the clause slash full-width
    assert value not in cleaned.text
    assert Printer(cleaned).form(value) == "記者黃詠晴／台北報導"


_TRADITIONAL_CHARS = "長專線衛福部黃詠晴說國會對時間書"
_SIMPLIFIED_CHARS = "长专线卫福部黄咏晴说国会对时间书"
_OTHER = "的是在，。１2ab　 "


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=_TRADITIONAL_CHARS + _SIMPLIFIED_CHARS + _OTHER, min_size=1, max_size=40), st.data())
def test_a_printed_form_differs_from_its_value_only_in_converted_han(text: str, data: st.DataObject) -> None:
    cleaned = clean_text(text)
    if not cleaned.text:
        return
    start = data.draw(st.integers(0, len(cleaned.text) - 1))
    end = data.draw(st.integers(start + 1, len(cleaned.text)))
    value = cleaned.text[start:end]
    printed = Printer(cleaned).form(value)
    assert len(printed) == len(value)
    for mine, theirs in zip(printed, value, strict=True):
        if mine != theirs:
            # a character the source printed where the cleaned text has `theirs`
            assert any(o == mine and t == theirs for o, t in zip(cleaned.original, cleaned.text, strict=True))


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=_SIMPLIFIED_CHARS + _OTHER, min_size=1, max_size=40), st.data())
def test_simplified_text_prints_every_value_as_it_is(text: str, data: st.DataObject) -> None:
    cleaned = clean_text(text)
    if not cleaned.text:
        return
    start = data.draw(st.integers(0, len(cleaned.text) - 1))
    value = cleaned.text[start : data.draw(st.integers(start + 1, len(cleaned.text)))]
    assert Printer(cleaned).form(value) == value


def test_a_term_said_only_in_the_records_title_prints_as_the_title_does() -> None:
    body, title = clean_text("市長今天出訪，行程三天。"), clean_text("市長出訪紐約")
    assert "纽约" not in body.text
    assert Printer(body, title).form("纽约") == "紐約"
    assert Printer(body).form("纽约") == "纽约"  # without the title: nothing to go by


def test_a_simplified_text_prints_its_values_as_they_are() -> None:
    # One Traditional character in a long Simplified text: its script is simplified
    # (under 1 % converted), and its values print as the Simplified text has them.
    body = "市民在公园里散步，孩子们在草地上放风筝，老人们在树下下棋聊天。" * 8 + "记者从臺湾来。"
    cleaned = clean_text(body)
    assert cleaned.script == "simplified" and "台湾" in cleaned.text
    assert Printer(cleaned).form("台湾") == "台湾"
