"""The output layer: streaming JSON, terminal safety, bars."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newsctl.records import Document, Error, Metadata, Stats, TimeEntry
from newsctl.render import (
    Heading,
    JsonlRenderer,
    JsonRenderer,
    Snippet,
    bar,
    crop,
    dump_json,
    file_labels,
    format_number,
    md,
    period_label,
    trim,
    visible,
)


def sample_documents() -> list[Document]:
    ok = Document(
        id="a.txt",
        path="a.txt",
        sha256="0" * 64,
        encoding="utf-8",
        script="simplified",
        metadata=Metadata(source="新华社", reporters=("王某",)),
        stats=Stats(10, 1, 1),
    )
    bad = Document(id="b.txt", path="b.txt", error=Error("empty", "empty file"))
    return [ok, bad]


def test_streamed_json_equals_one_json_dump() -> None:
    out = io.StringIO()
    renderer = JsonRenderer(out, "summary", {"summary_top": 3})
    renderer.start()
    for doc in sample_documents():
        renderer.document(doc)
    renderer.finish()
    whole = {
        "schema_version": 1,
        "command": "summary",
        "version": renderer.header["version"],
        "options": {"summary_top": 3},
        "documents": [d.to_dict() for d in sample_documents()],
    }
    assert out.getvalue() == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"


def test_streamed_json_with_no_documents_is_valid() -> None:
    out = io.StringIO()
    renderer = JsonRenderer(out, "summary", {})
    renderer.start()
    renderer.finish()
    assert json.loads(out.getvalue())["documents"] == []


def test_jsonl_is_one_line_per_document() -> None:
    out = io.StringIO()
    renderer = JsonlRenderer(out)
    for doc in sample_documents():
        renderer.document(doc)
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a.txt", "b.txt"]


def test_c1_controls_are_escaped_in_json() -> None:
    text = dump_json({"t": "a\x9b2Jb\x1b[31m"})
    assert "\x9b" not in text and "\x1b" not in text
    assert json.loads(text)["t"] == "a\x9b2Jb\x1b[31m"


@given(st.text())
def test_visible_never_lets_a_control_through(text: str) -> None:
    shown = visible(text)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in shown)
    assert "\u202e" not in shown


def test_visible_keeps_chinese_and_markup_literally() -> None:
    assert visible("[bold]新华社[/bold]") == "[bold]新华社[/bold]"


def test_bar_lengths() -> None:
    assert bar(1.0, 10) == "█" * 10
    assert bar(0.0, 10) == ""
    assert bar(0.55, 10).startswith("█████")
    assert bar(2.0, 4) == "████"


def test_format_number() -> None:
    assert format_number(40000) == "40,000"
    assert format_number(40000.0) == "40,000"
    assert format_number(0.25) == "0.25"


# ---------------------------------------------------------------------------
# the human report's pieces


def _time(start: str | None, end: str | None, grain: str | None, modifier: str | None = None) -> TimeEntry:
    return TimeEntry("x", (0, 1), "date", None, start, end, grain, modifier, "absolute", None, 0)


def test_period_labels_read_as_people_write_dates() -> None:
    t = "T00:00:00"
    assert period_label(_time(f"2019-01-01{t}", f"2020-01-01{t}", "year")) == "2019"
    assert period_label(_time(f"2019-04-01{t}", f"2019-05-01{t}", "month")) == "2019-04"
    assert period_label(_time(f"2020-01-01{t}", f"2020-04-01{t}", "quarter")) == "2020-Q1"
    assert period_label(_time(f"2019-07-01{t}", f"2020-01-01{t}", "half")) == "2019-H2"
    assert period_label(_time(f"2019-11-05{t}", f"2019-11-06{t}", "day")) == "2019-11-05"
    # dates inclusive, the year not repeated
    assert period_label(_time(f"2017-07-10{t}", f"2017-08-19{t}", "day")) == "2017-07-10/08-18"
    assert period_label(_time(f"2016-11-01{t}", f"2017-01-01{t}", "month", "end")) == "2016-11/12 (end)"
    assert period_label(_time(f"2014-05-02{t}", f"2017-05-02{t}", "year")) == "2014-05-02/2017-05-01"
    # clock times: a point, or a span with its exclusive end
    assert period_label(_time("2019-12-19T02:27:00", "2019-12-19T02:28:00", "minute")) == "2019-12-19 02:27"
    assert (
        period_label(_time("2017-05-13T10:00:00", "2017-05-13T21:00:00", "hour")) == "2017-05-13 10:00–21:00"
    )
    # open intervals
    assert (
        period_label(_time(f"2019-01-01{t}", "2020-05-20T11:09:05", "year", "since")) == "2019 → 2020-05-20"
    )
    assert period_label(_time(f"2021-10-01{t}", None, "day", "since")) == "2021-10-01 →"
    assert period_label(_time(None, f"2022-11-20{t}", "day", "until")) == "until 2022-11-19"
    assert period_label(_time(None, "2020-05-20T11:09:05", "day", "until")) == "until 2020-05-20"


def test_crop_keeps_the_mention_in_view() -> None:
    text = "一二三四五六七八九十" * 3 + "4万元" + "甲乙丙丁戊己庚辛壬癸" * 3
    start = text.index("4万元")
    before, mention, after = crop(Snippet(text, start, start + 3), 20)
    assert mention == "4万元"
    assert before.startswith("…") and after.endswith("…")
    assert cell_len(before + mention + after) <= 20
    assert crop(Snippet("短句4万元。", 2, 5), 20) == ("短句", "4万元", "。")


def test_trim_counts_wide_characters() -> None:
    assert trim("机关志愿者注册率", 12) == "机关志愿者…"
    assert cell_len(trim("机关志愿者注册率", 11)) <= 11
    assert trim("短", 4) == "短"


def test_md_escapes_what_markdown_would_interpret() -> None:
    assert md("a|b *c* [d](e) <f> `g` ~~h~~ $i$") == r"a\|b \*c\* \[d\](e) \<f\> \`g\` \~\~h\~\~ \$i\$"
    assert md("seeds/000_1af9.txt") == "seeds/000_1af9.txt"  # an underscore inside a word is safe
    assert md("_强调_") == r"\_强调\_"
    assert md("2020-05-20 11:09:05+08:00") == "2020-05-20 11:09:05+08:00"


def test_file_labels_are_short_unless_ambiguous() -> None:
    one = [Heading("a/x.txt", "a/x.txt"), Heading("b/y.txt.gz", "b/y.txt.gz")]
    assert file_labels(one) == ["x", "y"]
    clash = [Heading("a/x.txt", "a/x.txt"), Heading("b/x.txt", "b/x.txt")]
    assert file_labels(clash) == ["a/x.txt", "b/x.txt"]
    assert file_labels([Heading("c.jsonl", "rec-7")]) == ["rec-7"]


def test_chart_survives_odd_and_far_apart_years() -> None:
    from newsctl.render import chart_section

    def row(start: str) -> tuple[str, TimeEntry, int]:
        return (start, _time(start, None, "year"), 0)

    far = chart_section([row("1900-01-01T00:00:00"), row("2020-01-01T00:00:00")])
    assert [r[0] for r in far.rows] == ["1900", "2020"]  # no 120 empty rows
    near = chart_section([row("2001-01-01T00:00:00"), row("2010-01-01T00:00:00")])
    assert len(near.rows) == 10
    odd = chart_section([row("100-01-01T00:00:00")])
    assert odd.rows == [] and odd.empty
