"""The pipeline: one document per input, order kept across worker processes,
errors isolated per document, and the Python API."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsctl
from newsctl import pipeline
from newsctl.pipeline import Options, process, run, run_encoded, timezone_from
from newsctl.read import RawDocument, ReadError, iter_documents
from newsctl.records import Document
from newsctl.render import jsonl_line

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
SUMMARY_ONLY = Options(analyses=("summary",))


def raw(text: str, doc_id: str = "x") -> RawDocument:
    return RawDocument(id=doc_id, path=doc_id, text=text, sha256="0" * 64, encoding="utf-8")


def test_parallel_run_keeps_input_order_and_equals_serial() -> None:
    texts = [f"本报讯 第{i}篇文章说，今年会议召开了{i}次。会议要求抓落实。" for i in range(40)]
    raws = [raw(t, f"doc{i}") for i, t in enumerate(texts)]
    serial = [d.to_dict() for d in run(raws, SUMMARY_ONLY, jobs=1)]
    parallel = [d.to_dict() for d in run(raws, SUMMARY_ONLY, jobs=2)]
    assert [d["id"] for d in parallel] == [f"doc{i}" for i in range(40)]
    assert parallel == serial


def _id_and_pid(doc: Document) -> str:
    return f"{doc.id} {os.getpid()}"


def test_encoded_run_equals_encoding_the_serial_documents() -> None:
    raws = [raw(f"本报讯 第{i}篇文章说，今年会议召开了{i}次。", f"doc{i}") for i in range(40)]
    raws.append(RawDocument(id="bad", path="bad", error=ReadError("not_found", "no such file")))
    expected = [jsonl_line(d) for d in run(raws, SUMMARY_ONLY, jobs=1)]
    for jobs in (1, 2):
        encoded = list(run_encoded(raws, SUMMARY_ONLY, jsonl_line, jobs=jobs))
        assert [e.text for e in encoded] == expected
        assert [e.id for e in encoded] == [r.id for r in raws]
        assert encoded[-1].error is not None and encoded[-1].error.code == "not_found"


def test_parallel_runs_encode_in_the_workers() -> None:
    raws = [raw(f"本报讯 第{i}篇文章说，今年会议召开了{i}次。", f"doc{i}") for i in range(40)]
    encoded = list(run_encoded(raws, SUMMARY_ONLY, _id_and_pid, jobs=2))
    pids = {e.text.split()[1] for e in encoded[1:]}  # the first is done here, to warm up the workers
    assert [e.text.split()[0] for e in encoded] == [r.id for r in raws]
    assert str(os.getpid()) not in pids


def test_auto_jobs_runs_small_inputs_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a handful of documents must not start worker processes")

    monkeypatch.setattr(pipeline, "_run_parallel", no_pool)
    docs = list(run([raw("本报讯 今天开会。"), raw("本报讯 明天开会。")], SUMMARY_ONLY))
    assert len(docs) == 2


@pytest.mark.parametrize("jobs", [None, 1])
def test_a_run_freezes_what_its_first_document_loaded(
    monkeypatch: pytest.MonkeyPatch, jobs: int | None
) -> None:
    frozen_after: list[int] = []
    seen: list[str] = []
    monkeypatch.setattr(pipeline, "_loaded_objects_settled", False)
    monkeypatch.setattr(pipeline.gc, "freeze", lambda: frozen_after.append(len(seen)))
    for doc in run([raw("本报讯 今天开会。", "a"), raw("本报讯 明天开会。", "b")], SUMMARY_ONLY, jobs=jobs):
        seen.append(doc.id)
    assert seen == ["a", "b"]
    assert frozen_after == [1]


def test_an_internal_error_costs_only_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(article: object, options: object, doc: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(pipeline.ANALYZERS, "summary", broken)
    doc = process(raw("本报讯 今天开会。"), SUMMARY_ONLY)
    assert doc.error is not None and doc.error.code == "analysis_error"
    assert "boom" in doc.error.message
    with pytest.raises(RuntimeError):
        process(raw("本报讯 今天开会。"), replace(SUMMARY_ONLY, debug=True))


def test_read_errors_become_error_documents(tmp_path: Path) -> None:
    docs = list(run(iter_documents([str(tmp_path / "nope.txt")]), SUMMARY_ONLY))
    assert len(docs) == 1
    assert docs[0].error is not None and docs[0].error.code == "not_found"
    assert docs[0].to_dict()["error"]["code"] == "not_found"


def test_analyze_text_api_returns_the_contract_document() -> None:
    doc = newsctl.analyze_text(SEED.read_text(encoding="utf-8"), analyses=("summary",))
    data = doc.to_dict()
    assert data["metadata"]["source"] == "齐鲁网"
    assert len(data["summary"]["sentences"]) == 3
    assert "keywords" not in data


def test_api_turns_a_lone_surrogate_into_a_replacement_character() -> None:
    # Python strings can hold lone surrogates (the CLI's readers already replace them).
    doc = newsctl.analyze_text("北京\ud800今天下午2020年5月20日开会。")
    assert doc.error is None
    assert doc.timeline and doc.timeline[0].text == "2020年5月20日"
    assert doc.timeline[0].span == (7, 17)  # the surrogate still counts as one character


def test_published_given_to_the_api_wins() -> None:
    doc = newsctl.analyze_text("本报讯 今天开会。", published="2021-03-04", analyses=("summary",))
    assert doc.metadata is not None and doc.metadata.published == "2021-03-04"


@pytest.mark.parametrize(
    ("name", "hours"),
    [("+08:00", 8), ("-0500", -5), ("UTC", 0), ("Asia/Taipei", 8)],
)
def test_timezones(name: str, hours: int) -> None:
    import datetime as dt

    offset = timezone_from(name).utcoffset(dt.datetime(2020, 1, 1))
    assert offset == dt.timedelta(hours=hours)


def test_unknown_timezone_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="time zone"):
        timezone_from("Mars/Olympus")


@given(st.datetimes(timezones=st.none() | st.just(dt.timezone(dt.timedelta(hours=8)))))
def test_property_iso_is_whole_seconds_wall_time(value: dt.datetime) -> None:
    # The wall time as written, to the second, zero-padded years included.
    assert pipeline._iso(value) == value.replace(microsecond=0, tzinfo=None).isoformat()
