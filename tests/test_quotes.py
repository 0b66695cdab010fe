"""`newsctl quotes`: the grammar cases in tests/specs/quotes.jsonl (one sentence or
short article each, with every quote a careful reader would list as
[speaker, kind, text]), the record, the command and its report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from contract import validate_json_output

import newsctl
from newsctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SPECS = [json.loads(line) for line in (ROOT / "tests/specs/quotes.jsonl").read_text("utf-8").splitlines()]


def quotes_of(text: str) -> list[list[Any]]:
    doc = newsctl.analyze_text(text, analyses=("quotes",))
    return [[q.speaker, q.kind, q.text] for q in doc.extra_results["quotes"]]


@pytest.mark.parametrize("case", SPECS, ids=[case["text"][:16] for case in SPECS])
def test_spec_case(case: dict[str, Any]) -> None:
    assert quotes_of(case["text"]) == case["quotes"]


def test_specs_cover_both_kinds_and_sentences_without_quotes() -> None:
    kinds = {quote[1] for case in SPECS for quote in case["quotes"]}
    assert kinds == {"direct", "reported"}
    assert sum(1 for case in SPECS if not case["quotes"]) >= 10
    assert len(SPECS) >= 40


def test_spans_point_at_the_source_text() -> None:
    text = "記者／台北報導\n\n市長柯文哲昨天表示：「這是大家的功勞。」他說，市府會繼續努力。\n"
    doc = newsctl.analyze_text(text, analyses=("quotes",))
    quotes = doc.extra_results["quotes"]
    assert [q.kind for q in quotes] == ["direct", "reported"]
    for quote in quotes:
        assert text[quote.span[0] : quote.span[1]] == quote.text
        assert quote.speaker_span is not None
        assert text[quote.speaker_span[0] : quote.speaker_span[1]] == quote.speaker
    assert quotes[0].speaker == "市長柯文哲"


def test_boilerplate_is_not_searched() -> None:
    # A hotline footer with 称 or 说 is not body text.
    text = "张先生说，今年的收成不错。\n\n（编辑：李某 说明：本文来源网络）\n"
    assert quotes_of(text) == [["张先生", "reported", "今年的收成不错"]]


def test_command_json_meets_the_contract(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("“我们会继续努力。”他说。\n李强表示，今年是中多建交20周年。\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["quotes", str(article), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = validate_json_output(result.stdout)
    assert [q["kind"] for q in data["documents"][0]["quotes"]] == ["direct", "reported"]
    assert data["command"] == "quotes"


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_report_lists_speaker_and_quote(tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text("李强表示，今年是中多建交20周年。\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "100"}).invoke(cli, ["quotes", str(article), "-f", fmt])
    assert result.exit_code == 0, result.stderr
    assert "李强" in result.stdout and "今年是中多建交20周年" in result.stdout
    assert "quotes (1)" in result.stdout


def test_quotes_is_not_part_of_analyze() -> None:
    doc = newsctl.analyze_text("李强表示，今年是中多建交20周年。")
    assert "quotes" not in doc.to_dict()
