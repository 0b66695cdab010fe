"""`newsctl check`: per-document problems, duplicates, exit codes, GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from contract import validate_jsonl_output

from newsctl.article import parse_article
from newsctl.check import DuplicateTracker, document_problems, fingerprint
from newsctl.cli import cli
from newsctl.read import RawDocument

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
BODY = "本报讯 市政府今天召开常务会议，研究部署今年的重点工作。会议强调，要坚持稳中求进，抓好各项任务落实。"


def codes(text: str, encoding: str = "utf-8") -> set[str]:
    article = parse_article(RawDocument("x", "x", text=text, encoding=encoding))
    return {p.code for p in document_problems(article, encoding)}


def test_the_seed_is_clean() -> None:
    assert codes(SEED.read_text(encoding="utf-8")) == set()


def test_missing_metadata_and_short_body_are_warnings() -> None:
    assert codes("本报讯 今天开会。") == {"too_short", "no_published", "no_source"}


def test_mojibake_and_replacement_characters() -> None:
    assert "mojibake" in codes(BODY + "\n锟斤拷锟斤拷")
    assert "mojibake" in codes(BODY + "\nÃ¤Ã¶")
    assert "mojibake" in codes(BODY + "\n\ufffd\ufffd")


def test_leftover_pinyin_but_not_real_parentheses() -> None:
    assert "leftover_annotation" in codes(BODY + "\n网wang络安全很重要。")
    assert "leftover_annotation" in codes(BODY + "\n这是错误(cuò wù)的。")
    assert "leftover_annotation" not in codes(BODY + "\n请下载(app)并联系(WHO)处室(单位)。")


def test_not_utf8_is_a_warning() -> None:
    assert "not_utf8" in codes(BODY, encoding="gbk")


def test_near_duplicates_share_a_fingerprint_neighbourhood() -> None:
    tracker = DuplicateTracker()
    text = SEED.read_text(encoding="utf-8")
    assert tracker.problems("a", "1", fingerprint(text)) == []
    near = tracker.problems("b", "2", fingerprint(text.replace("成績顯著", "成績突出")))
    assert [p.code for p in near] == ["near_duplicate"]
    other = tracker.problems("c", "3", fingerprint(BODY * 3))
    assert other == []


def test_cli_exit_codes_and_strict(tmp_path: Path) -> None:
    runner = CliRunner()
    short = tmp_path / "short.txt"
    short.write_text("本报讯 今天开会。", encoding="utf-8")
    assert runner.invoke(cli, ["check", str(SEED)]).exit_code == 0
    assert runner.invoke(cli, ["check", str(short)]).exit_code == 0  # warnings only
    assert runner.invoke(cli, ["check", str(short), "--strict"]).exit_code == 1
    duplicate = runner.invoke(cli, ["check", str(SEED), str(SEED), "-f", "jsonl"])
    assert duplicate.exit_code == 1
    documents = validate_jsonl_output(duplicate.stdout)
    assert [p["code"] for p in documents[1]["problems"]] == ["duplicate"]


def test_github_annotations(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(BODY + "\n锟斤拷", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(bad), "-f", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"::error file={bad},line=2,title=newsctl mojibake::") for line in lines)
    assert any(line.startswith("::warning ") for line in lines)


def test_github_format_is_only_for_check() -> None:
    result = CliRunner().invoke(cli, ["summary", str(SEED), "-f", "github"])
    assert result.exit_code == 2


def test_unreadable_input_is_a_problem_too(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nope.txt"), "-f", "json"])
    assert result.exit_code == 1
    (document,) = json.loads(result.stdout)["documents"]
    assert document["problems"][0]["code"] == "not_found"


def _fingerprint_bit_by_bit(text: str) -> int:
    """The SimHash spelt out: each distinct 4-gram votes +1/-1 on each of its 64 hash bits."""
    import hashlib
    import re

    chars = re.sub(r"[\W_]+", "", text)
    if len(chars) < 4:
        return int.from_bytes(hashlib.blake2b(chars.encode(), digest_size=8).digest(), "big")
    weights = [0] * 64
    for gram in {chars[i : i + 4] for i in range(len(chars) - 3)}:
        value = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def test_fingerprint_is_the_simhash_of_the_4grams() -> None:
    text = SEED.read_text(encoding="utf-8")
    for sample in (text, BODY, "一二三四", "一二三四五", "ab", text[:500] + BODY):
        assert fingerprint(sample) == _fingerprint_bit_by_bit(sample)


# ---------------------------------------------------------------------------
# corpus runs: totals, record lines and ids, duplicate ids, --summary-only (issue 24)


PARK = "本报讯 全市今年新建口袋公园十二座，新增绿地面积约三十万平方米，市民休闲健身的去处明显增多。"
RAIN = "本报讯 受冷空气影响，今天全市普遍降温五到八度，气象部门提醒市民出行注意安全，及时增添衣物，谨防感冒。"


def _corpus(tmp_path: Path) -> Path:
    """Line 1 ok, 3 mojibake (error), 4 undated (warning), 5 reuses id a (error), 6 not JSON."""
    dated = {"published": "2021-07-08", "source": "青禾日报"}
    records = [
        {"id": "a", "text": BODY, **dated},
        {"id": "b", "text": BODY + "\n锟斤拷", **dated},
        {"id": "c", "text": PARK, "source": "青禾日报"},
        {"id": "a", "text": RAIN, **dated},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path = tmp_path / "corpus.jsonl"
    path.write_text(lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n{oops\n", encoding="utf-8")
    return path


def test_github_annotations_carry_the_record_line_and_id(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path), "-f", "github"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"::error file={path},line=3,title=newsctl mojibake::b: 1 mojibake" in "\n".join(lines)
    assert (
        f"::error file={path},line=5,title=newsctl duplicate_id::a: id 'a' is already used at {path}:1"
        in lines
    )
    assert f"::warning file={path},line=4,title=newsctl no_published::c: no publication date found" in lines
    # an unreadable record: file and line say where; the message does not repeat them
    assert f"::error file={path},line=6,title=newsctl invalid_json::invalid JSON (" in "\n".join(lines)
    assert "Totals" not in result.stdout and "articles:" not in result.stdout  # totals go to stderr here


def test_totals_follow_the_table_and_go_to_stderr_after_json(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    table = CliRunner().invoke(cli, ["check", str(path)])
    expected = (
        "5 articles: 1 ok, 1 with warnings, 3 with errors\n"
        "  severity  code          findings\n"
        "  error     duplicate_id         1\n"
        "  error     invalid_json         1\n"
        "  error     mojibake             1\n"
        "  warning   no_published         1\n"
    )
    assert table.stdout.endswith(expected)
    as_json = CliRunner().invoke(cli, ["check", str(path), "-f", "json"])
    assert json.loads(as_json.stdout)["documents"][4]["problems"][0]["line"] == 6
    assert as_json.stderr.endswith(expected)
    as_jsonl = CliRunner().invoke(cli, ["check", str(path), "-f", "jsonl"])
    validate_jsonl_output(as_jsonl.stdout)
    assert as_jsonl.stderr.endswith(expected)


def test_summary_only(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(path), "--summary-only"])
    assert result.exit_code == 1
    assert result.stdout.startswith("5 articles: 1 ok, 1 with warnings, 3 with errors\n")
    assert "#a" not in result.stdout and "problems" not in result.stdout
    as_json = CliRunner().invoke(cli, ["check", str(path), "--summary-only", "-j"])
    assert json.loads(as_json.stdout) == {
        "articles": 5,
        "ok": 1,
        "warning": 1,
        "error": 3,
        "findings": [
            {"severity": "error", "code": "duplicate_id", "count": 1},
            {"severity": "error", "code": "invalid_json", "count": 1},
            {"severity": "error", "code": "mojibake", "count": 1},
            {"severity": "warning", "code": "no_published", "count": 1},
        ],
    }


def test_duplicate_ids_across_files_but_not_a_file_named_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_text(json.dumps({"id": "x", "text": BODY}, ensure_ascii=False) + "\n", encoding="utf-8")
    second.write_text(
        json.dumps({"id": "x", "text": BODY + "另一篇。" * 30}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["check", str(first), str(second), "-f", "jsonl"])
    documents = validate_jsonl_output(result.stdout)
    assert "duplicate_id" in [p["code"] for p in documents[1]["problems"]]
    twice = CliRunner().invoke(cli, ["check", str(SEED), str(SEED), "-f", "jsonl"])
    assert [p["code"] for p in validate_jsonl_output(twice.stdout)[1]["problems"]] == ["duplicate"]


def test_an_empty_jsonl_fails_strict(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["check", str(empty), "--strict", "-f", "jsonl"])
    assert result.exit_code == 1
    (document,) = validate_jsonl_output(result.stdout)
    assert document["problems"][0]["code"] == "empty"


def test_one_article_has_no_totals_unless_asked(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(SEED)])
    assert "article" not in result.stdout and result.stderr == ""
    summary = CliRunner().invoke(cli, ["check", str(SEED), "--summary-only"])
    assert summary.stdout == "1 article: 1 ok, 0 with warnings, 0 with errors\n"
