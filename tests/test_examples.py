"""examples/: the documented Dask example runs, locally, on a small input and
gives the same DOCUMENTs as `newsctl analyze -f jsonl`. Skipped without dask
(`pip install 'newsctl[dask]'`; the dev extra installs it)."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from newsctl.cli import cli

pytest.importorskip("dask.bag")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "dask_analyze.py"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_analyze", EXAMPLE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def without_path(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "path"}


@pytest.fixture()
def corpus(tmp_path: Path, seed_text: str) -> list[Path]:
    first = tmp_path / "a.jsonl"
    second = tmp_path / "b.jsonl"
    write_jsonl(
        first,
        [
            {"id": "seed", "text": seed_text},
            {
                "id": "short",
                "text": "本报讯 2019年3月5日，全市新增就业1.2万人，同比增长15%。",
                "published": "2019-03-06",
            },
        ],
    )
    write_jsonl(
        second,
        [
            {"id": f"copy{i}", "text": seed_text, "title": "济南文明创建", "published": "2020-05-20"}
            for i in range(3)
        ],
    )
    return [first, second]


def test_dask_example_matches_the_cli_in_input_order(corpus: list[Path], tmp_path: Path) -> None:
    example = load_example()
    out = tmp_path / "out"
    # Small blocks: several partitions per file, analysed by two local worker processes.
    example.main([*map(str, corpus), "--out", str(out), "--blocksize", "4kB", "--workers", "2"])
    parts = sorted(out.glob("part-*.jsonl"), key=lambda p: int(re.findall(r"\d+", p.name)[0]))
    assert len(parts) > 2
    got = [json.loads(line) for part in parts for line in part.read_text(encoding="utf-8").splitlines()]

    result = CliRunner().invoke(cli, ["analyze", *map(str, corpus), "-f", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    expected = [json.loads(line) for line in result.stdout.splitlines()]

    assert [d["id"] for d in got] == ["seed", "short", "copy0", "copy1", "copy2"]
    assert [without_path(d) for d in got] == [without_path(d) for d in expected]
    assert {"summary", "keywords", "timeline", "figures"} <= set(got[0])


def test_a_bad_line_becomes_an_error_document_not_a_failed_job() -> None:
    example = load_example()
    assert example.analyze_line("\n", "x.jsonl", {}) is None
    bad = example.analyze_line("{not json\n", "x.jsonl", {})
    assert bad is not None and bad["error"]["code"] == "invalid_json"
    wrong = example.analyze_line('{"id": 1}\n', "x.jsonl", {})
    assert wrong is not None and wrong["error"]["code"] == "invalid_record"


def test_options_travel_to_the_workers(corpus: list[Path]) -> None:
    example = load_example()
    docs = example.analyze_bag([str(corpus[0])], blocksize=None, keyword_top=2, summary_top=1)
    got = docs.compute(scheduler="synchronous")
    # the seed has far more than 2 candidates (10 by default); the one-line article may have fewer
    counts = {d["id"]: len(d["keywords"]) for d in got}
    assert counts["seed"] == 2 and counts["short"] <= 2
    assert all(len(d["summary"]["sentences"]) <= 1 for d in got)
