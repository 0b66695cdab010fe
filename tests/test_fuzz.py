"""Property-based fuzzing (hypothesis) of every analyzer and of the CLI.

Random Unicode built from what trips up a Chinese-text analyzer: Han text, digits
and Chinese numerals, 年月日, 万亿, brackets and quotes, repeated punctuation, astral
characters, combining marks, right-to-left text, NUL and other controls, very long
runs. The properties: no exception (and no `analysis_error` document), spans within
bounds and consistent with the source, finite numbers, JSON valid against the
shipped schema.

Example counts are modest by default so `make test` stays fast. A deeper run:

    NEWSCTL_FUZZ=deep pytest tests/test_fuzz.py          # many more examples
    NEWSCTL_FUZZ=ci pytest tests/test_fuzz.py            # the time-boxed run of `make test`
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
from typing import Any

import pytest
from click.testing import CliRunner
from contract import validate_document, validate_json_output, validate_jsonl_output
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsctl.article import parse_article
from newsctl.clean import clean_text
from newsctl.cli import cli
from newsctl.figures import KINDS, find_figures
from newsctl.pipeline import ANALYSES, Options, process
from newsctl.read import RawDocument
from newsctl.render import dump_json
from newsctl.timeline import find_times

settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "deep", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("NEWSCTL_FUZZ", "default"))

# ---------------------------------------------------------------------------
# strategies


def words(text: str) -> list[str]:
    return text.split()


FRAGMENTS = [
    # numerals, multipliers and units
    *"〇零一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟廿卅几数多余半萬億點",
    *"0123456789０１２３４５６７８９",
    *words("分之 百分之 又 个 名 人次 岁 周年 元 美元 港元 块 角 毛 % ％ ‰ 成 折 吨 公里 km k M e E ^"),
    *words("e9999 e-9999 ^999 1,234 3.5 .5 1/3 2019 20 99999 第 约 近 超过 左右 以上 以下 至 到 或 比"),
    *words("- — ~ ～ / . : ： ， 。 、 ； ！ ？ …… ——"),
    # dates and times
    *words("年 月 日 号 时 点 分 秒 半年 季度 世纪 年代 星期 周 礼拜 每 去年 今年 明年 前年 上月 本月"),
    *words("昨天 今天 上午 下午 凌晨 春节 中秋 国庆 农历 闰 民国 初 底 末 以来 之前 期间 截至 从 自"),
    *words("立春 2019年 5月20日 3时 14:30 2020-05-20 19年 个月前 周前 天前 年前 年后 多年"),
    # brackets, quotes, markup
    *words("（ ） ( ) “ ” ‘ ’ 《 》 【 】 「 」 『 』 [ ] [bold] [/] [link=http://x]"),
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    # whitespace and controls
    *["\n", "\n\n", "\r\n", " ", "\u3000", "\t", "\x00", "\x0b", "\x0c", "\x85", "\u2028", "\u200b"],
    *["\ufeff", "\ufffd", "\x9b"],
    # other scripts: astral, combining, right-to-left
    *["𠀀", "𪚥", "😀", "👩\u200d👩\u200d👧", "\u0301", "\u0308", "\u20dd", "a\u0301", "שלום", "مرحبا"],
    *["\u202e", "\u200f", "٢٠١٩"],
    # article furniture and annotations
    *words("網(wǎng) 絡(luò) (wǎng) 本报讯 新华社北京3月5日电 来源： 记者 编辑 责任编辑 中新网 齐鲁网"),
    *words("http://x.cn/1 电话 稿件编号"),
    # ordinary prose
    *words("政府 会议 经济 增长 人民 群众 发展 项目 投资 企业"),
]
_RANDOM_CHARS = st.characters(codec="utf-8")  # any code point but surrogates: astral, controls, marks
_REPEATED = st.tuples(
    st.sampled_from(["(", "一", "2019年", "多", "“《", "。", "9", "万", "年", "-"]), st.integers(2, 60)
)

piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS),
    st.text(_RANDOM_CHARS, min_size=1, max_size=4),
    st.integers(-(10**12), 10**12).map(str),
    _REPEATED.map(lambda pair: pair[0] * pair[1]),
)
texts = st.lists(piece, min_size=1, max_size=60).map("".join)
references = st.one_of(
    st.none(), st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
)

# ---------------------------------------------------------------------------
# checks shared by the properties

_C1_OR_ESC = re.compile(r"[\x1b\x80-\x9f]")


def _walk_numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [value]
    if isinstance(value, dict):
        return [x for v in value.values() for x in _walk_numbers(v)]
    if isinstance(value, list):
        return [x for v in value for x in _walk_numbers(v)]
    return []


def check_document(source: str, doc_dict: dict[str, Any]) -> None:
    """A DOCUMENT from `source`: valid, finite, spans in bounds and consistent with the source."""
    assert "error" not in doc_dict, doc_dict.get("error")
    # round-trips through strict JSON: no NaN or infinity, no giant integers
    text = json.dumps(doc_dict, ensure_ascii=False, allow_nan=False)
    again = json.loads(text)
    validate_document(again)
    for number in _walk_numbers(again):
        assert math.isfinite(number) and abs(number) < 1e300
    cleaned = clean_text(source)
    mentions = list(doc_dict.get("summary", {}).get("sentences", []))
    mentions += doc_dict.get("timeline", []) + doc_dict.get("figures", [])
    for mention in mentions:
        start, end = mention["span"]
        assert 0 <= start <= end <= len(source), mention
        assert mention["text"] == cleaned.strip_annotations(start, end), mention
    for figure in doc_dict.get("figures", []):
        assert figure["kind"] in KINDS
        if figure["value_max"] is not None:
            assert figure["value_max"] >= figure["value"] or figure["value"] < 0 or figure["value_max"] < 0
    for keyword in doc_dict.get("keywords", []):
        assert keyword["term"] and keyword["count"] >= 0


ALL = Options(analyses=ANALYSES, max_bytes=1 << 30)


def analyse(text: str, options: Options = ALL) -> dict[str, Any]:
    raw = RawDocument("fuzz", "fuzz", text=text, sha256="0" * 64, encoding="utf-8")
    return process(raw, options).to_dict()


# ---------------------------------------------------------------------------
# the analyzers


@given(texts)
def test_pipeline_never_fails_and_meets_the_contract(text: str) -> None:
    assume(text.strip())
    check_document(text, analyse(text))


@given(
    texts, st.sampled_from(["2020-05-20", "0001-01-01", "1000-01-01", "9999-12-31T23:59:59", "2000-02-29"])
)
def test_pipeline_with_reference_dates_at_the_calendar_edges(text: str, reference: str) -> None:
    assume(text.strip())
    options = Options(analyses=("timeline", "figures"), max_bytes=1 << 30, reference_date=reference)
    check_document(text, analyse(text, options))


@given(texts)
def test_check_analysis_never_fails(text: str) -> None:
    assume(text.strip())
    doc = analyse(text, Options(analyses=("check",), max_bytes=1 << 30))
    assert "error" not in doc
    validate_document(json.loads(dump_json(doc)))


@given(texts)
def test_find_figures_spans_and_values(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        for value in (figure.value, figure.value_max):
            if value is not None:
                assert math.isfinite(value) and abs(value) < 1e300
        json.dumps(figure.value, allow_nan=False)  # no giant integers either


@given(texts, references, st.booleans())
def test_find_times_spans_and_intervals(
    text: str, reference: dt.datetime | None, is_publication: bool
) -> None:
    matches = find_times(text, reference, reference_is_publication=is_publication)
    previous_start = -1
    for match in matches:
        assert 0 <= match.start_offset < match.end_offset <= len(text)
        assert match.start_offset >= previous_start  # text order
        previous_start = match.start_offset
        assert match.type in ("date", "datetime", "range", "duration", "set")
        if match.start is not None and match.end is not None:
            assert match.start <= match.end


@given(texts)
def test_clean_text_offset_map(text: str) -> None:
    cleaned = clean_text(text)
    assert len(cleaned.text) == len(cleaned.original) == len(cleaned.source_index)
    positions = list(cleaned.source_index)
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)
    for start, end in cleaned.annotations:
        assert 0 <= start < end <= len(text)
    span = cleaned.source_span(0, len(cleaned.text))
    assert 0 <= span[0] <= span[1] <= len(text)


@given(texts)
def test_parse_article_parts_in_bounds(text: str) -> None:
    assume(text.strip())
    cleaned = clean_text(text)
    article = parse_article(RawDocument("fuzz", "fuzz", text=text), cleaned)
    n = len(cleaned.text)
    assert len(article.body_text) == n
    for start, end in article.paragraphs:
        assert 0 <= start <= end <= n
    for index, sentence in enumerate(article.sentences):
        assert sentence.index == index
        assert 0 <= sentence.start < sentence.end <= n


@given(st.text(_RANDOM_CHARS, max_size=200))
def test_pipeline_on_raw_random_unicode(text: str) -> None:
    assume(text.strip())
    check_document(text, analyse(text))


@settings(max_examples=max(10, settings.default.max_examples // 10))  # each takes a while
@given(
    st.sampled_from(["(", "一", "2019年", "多", "“《", "9", "万", "年", "十", "零"]), st.integers(500, 5000)
)
def test_pipeline_on_very_long_repeated_runs(unit: str, repeat: int) -> None:
    text = unit * repeat
    check_document(text, analyse(text))


# ---------------------------------------------------------------------------
# the CLI


@settings(max_examples=max(20, settings.default.max_examples // 2))
@given(texts, st.sampled_from(["analyze", "summary", "figures", "timeline", "keywords", "clean", "check"]))
def test_cli_on_random_articles(tmp_path_factory: pytest.TempPathFactory, text: str, command: str) -> None:
    directory = tmp_path_factory.mktemp("fuzz")
    path = directory / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    runner = CliRunner()
    result = runner.invoke(cli, [command, str(path), "-f", "jsonl"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not _C1_OR_ESC.search(result.stdout)
    (document,) = validate_jsonl_output(result.stdout)
    if command == "check":
        assert result.exit_code == (1 if any(p["severity"] == "error" for p in document["problems"]) else 0)
    elif "error" in document:
        # only an input the reader refuses (binary, empty) may fail, never the analysis
        assert result.exit_code == 1
        assert document["error"]["code"] in ("binary", "empty", "decode_error"), document["error"]
    else:
        assert result.exit_code == 0
        check_document(text.lstrip("\ufeff"), document)  # the reader drops every leading BOM
    table = runner.invoke(cli, [command, str(path)], catch_exceptions=False)
    assert table.exit_code == result.exit_code
    assert not _C1_OR_ESC.search(table.stdout) and not _C1_OR_ESC.search(table.stderr)


@settings(max_examples=max(10, settings.default.max_examples // 4))
@given(st.lists(texts, min_size=1, max_size=4))
def test_cli_jsonl_input_round_trips(tmp_path_factory: pytest.TempPathFactory, articles: list[str]) -> None:
    corpus = tmp_path_factory.mktemp("fuzz") / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(articles):
            handle.write(json.dumps({"id": f"d{i}", "text": text}) + "\n")
    result = CliRunner().invoke(cli, ["analyze", str(corpus), "-j"], catch_exceptions=False)
    data = validate_json_output(result.stdout)
    assert [d["id"] for d in data["documents"]] == [f"d{i}" for i in range(len(articles))]
    for text, document in zip(articles, data["documents"]):
        if not text.strip():
            assert document["error"]["code"] == "empty"
        else:
            check_document(text, document)
    expected = 1 if any(not t.strip() for t in articles) else 0
    assert result.exit_code == expected, result.stderr
    assert not _C1_OR_ESC.search(result.stdout)


def test_fuzz_profile_is_known() -> None:
    assert os.environ.get("NEWSCTL_FUZZ", "default") in ("default", "ci", "deep")


# ---------------------------------------------------------------------------
# what fuzzing found, pinned


@pytest.mark.parametrize(
    "text",
    [
        "1e9999",  # a 10,000-digit integer: json.dumps refused it, the whole output was lost
        "本报讯 共有1e9999个，2^999个，" + "亿" * 45 + "元。",
        "1.5e-9999元",
        "100-去年",  # a range from year 100: '100-01-01T00:00:00' broke the datetime pattern
        "22000个月前，99999周前",  # relative dates before year 1000
    ],
    ids=["exponent", "exponent-in-article", "tiny", "year-100-range", "before-year-1000"],
)
def test_regressions_found_by_fuzzing(text: str) -> None:
    options = Options(analyses=ANALYSES, max_bytes=1 << 30, reference_date="2020-05-20")
    document = analyse(text, options)
    check_document(text, document)
    dump_json(document)


def test_huge_numbers_are_not_figures() -> None:
    assert find_figures("共有1e9999个") == []
    assert [f.value for f in find_figures("共有1.5e3个")] == [1500]


def test_times_before_year_1000_are_not_resolved() -> None:
    reference = dt.datetime(2020, 5, 20)
    assert find_times("22000个月前", reference) == []
    assert [m.value for m in find_times("100-去年", reference)] == ["2019"]
    assert [m.value for m in find_times("1995-1997年", reference)] == ["1995/1997"]
