"""The output layer: streaming JSON, terminal safety, bars."""

from __future__ import annotations

import io
import json

from hypothesis import given
from hypothesis import strategies as st

from newsctl.records import Document, Error, Metadata, Stats
from newsctl.render import JsonlRenderer, JsonRenderer, bar, dump_json, format_number, visible


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
