"""Hostile inputs, through the CLI (issue 7): nothing in the input takes over the
terminal or the machine, and no article is lost.

For every bad input: one clear line on stderr (`newsctl: ID: message [code]`), an
error DOCUMENT in its place, every other article analysed, exit code 1. stdout and
stderr are checked separately (click's CliRunner keeps them apart).
"""

from __future__ import annotations

import builtins
import codecs
import gzip
import json
import os
import re
import threading
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from contract import validate_json_output, validate_jsonl_output

from newsctl.cli import cli
from newsctl.read import DEFAULT_MAX_BYTES, iter_documents

GOOD = (
    "本报讯 市政府今天召开常务会议，研究部署今年的重点工作。"
    "会议强调，2019年全市完成投资3.5亿元，新增就业岗位1200多个。\n"
    "会议要求，各部门要在5月20日前抓好各项任务落实。\n"
)
OTHER = "新华社北京3月5日电 今年经济增长5%左右，城镇新增就业1100万人以上。\n"
# No ESC, CSI/OSC introducer, other C1 control or BEL may reach a terminal.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ERROR_LINE = re.compile(r"^newsctl: .+: .+ \[[a-z_]+\]$")


def invoke(*args: str, input: bytes | None = None) -> Result:
    # wide tables, so that no cell is wrapped in the middle of what a test looks for
    runner = CliRunner(env={"COLUMNS": "400"})
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*records: Any) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def assert_outcome(result: Result, errors: dict[str, str], ok: list[str]) -> list[dict[str, Any]]:
    """exit 1; one stderr line per failed document; the failed ones carry `error` with
    the expected code, the others carry results. Keys are file names or jsonl ids."""
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    documents = validate_jsonl_output(result.stdout)

    def name(doc: dict[str, Any]) -> str:
        return doc["id"] if doc["id"] != doc["path"] else Path(doc["path"]).name

    assert sorted(name(d) for d in documents) == sorted([*errors, *ok])
    for doc in documents:
        if name(doc) in errors:
            assert doc["error"]["code"] == errors[name(doc)], doc["error"]
            assert doc["error"]["message"] and "\n" not in doc["error"]["message"]
            assert doc["metadata"] is None
        else:
            assert "error" not in doc, doc["error"]
            assert doc["metadata"] is not None and doc["stats"]["chars"] > 0
    lines = result.stderr.splitlines()
    assert len(lines) == len(errors), result.stderr
    for line in lines:
        assert ERROR_LINE.match(line), line
        assert "Traceback" not in line
    assert not TERMINAL_CONTROLS.search(result.stderr)
    return documents


# ---------------------------------------------------------------------------
# rich markup and ANSI / OSC escape sequences in the text

HOSTILE_TEXT = (
    "本报讯 他说“[bold red]警告[/bold red]”，并贴出[link=http://evil.example]链接[/link]。"
    "2019年[blink]5月[/blink]，全市投资[red]3亿元[/red]，共有1200名[i]工人[/i]参加。\n"
    "第二段有转义\x1b[31m红色\x1b[0m文字，标题\x1b]0;pwned\x07，超链接\x1b]8;;http://evil\x1b\\点我\x1b]8;;\x1b\\，"
    "还有\x9b2J清屏、\x9d0;title\x9c和\u202e反向\u202c文字。会议强调，要抓好落实。\n"
)


@pytest.mark.parametrize(
    "command", ["summary", "keywords", "timeline", "figures", "analyze", "check", "clean"]
)
def test_markup_and_escapes_print_literally_in_tables(tmp_path: Path, command: str) -> None:
    article = write(tmp_path / "hostile.txt", HOSTILE_TEXT)
    every_sentence = {"summary": ["-n", "10"], "analyze": ["--sentences", "10"]}.get(command, [])
    result = invoke(command, str(article), *every_sentence)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert not TERMINAL_CONTROLS.search(result.stdout)
    assert "\u202e" not in result.stdout  # bidi overrides are shown escaped, too
    if command in ("summary", "analyze", "clean"):
        assert "[bold red]警告[/bold red]" in result.stdout
        assert "[link=http://evil.example]" in result.stdout
        # made visible (summary shows the source) or dropped (clean drops control characters)
        assert ("\\x1b[31m" if command != "clean" else "转义[31m红色") in result.stdout
    if command in ("figures", "analyze"):
        assert "[red]" in result.stdout  # the context of 3亿元, literally
    if command in ("timeline",):
        assert "[blink]" in result.stdout or "[/blink]" in result.stdout


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_escapes_never_reach_stdout_as_raw_bytes_in_json(tmp_path: Path, fmt: str) -> None:
    article = write(tmp_path / "hostile.txt", HOSTILE_TEXT)
    result = invoke("analyze", str(article), "-f", fmt)
    assert result.exit_code == 0
    assert not TERMINAL_CONTROLS.search(result.stdout.replace("\n", ""))
    documents = (
        validate_json_output(result.stdout)["documents"]
        if fmt == "json"
        else validate_jsonl_output(result.stdout)
    )
    # the escapes are still in the data, as JSON escapes: nothing is lost or altered
    texts = [s["text"] for s in documents[0]["summary"]["sentences"]]
    assert any("\x1b[31m" in t for t in texts)


def test_github_annotations_cannot_be_forged_or_escape(tmp_path: Path) -> None:
    body = GOOD + "锟斤拷\x1b]0;pwned\x07\n"
    records = [
        {"id": "first", "text": body},
        {"id": "x\x1b[2J\n::warning file=forged::injected%0A", "text": body},  # a duplicate
    ]
    corpus = write(tmp_path / "corpus.jsonl", jsonl(*records))
    result = invoke("check", str(corpus), "-f", "github")
    assert result.exit_code == 1
    assert not TERMINAL_CONTROLS.search(result.stdout.replace("\n", ""))
    lines = result.stdout.splitlines()
    assert lines and all(
        re.match(r"^::(error|warning) file=[^:]*,(line=\d+,)?title=newsctl [a-z_]+::", line) for line in lines
    )
    assert not any("file=forged" in line.split("::")[1] for line in lines)


def test_error_lines_on_stderr_escape_hostile_ids(tmp_path: Path) -> None:
    write(tmp_path / "evil\x1b]0;pwned\x07.txt", b"")
    corpus = write(
        tmp_path / "z.jsonl", jsonl({"id": "\x1b[2J\x9b31m", "text": " "}, {"id": "ok", "text": GOOD})
    )
    result = invoke("summary", str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 2
    assert str(corpus)  # (both inputs are in the directory)
    assert not TERMINAL_CONTROLS.search(result.stderr)


# ---------------------------------------------------------------------------
# sizes: a 200 MB file, --max-bytes, one 10 MB line


def _peak_bytes_while_reading(paths: list[str], **options: Any) -> tuple[list[Any], int]:
    tracemalloc.start()
    try:
        docs = list(iter_documents(paths, **options))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return docs, peak


def test_200_megabyte_file_is_refused_without_reading_it_whole(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", GOOD)
    with big.open("r+b") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: instant, and no disk space used
    write(tmp_path / "good.txt", OTHER)
    result = invoke("summary", str(tmp_path), "-f", "jsonl")
    (error,) = [
        d["error"] for d in assert_outcome(result, {"big.txt": "too_large"}, ["good.txt"]) if "error" in d
    ]
    assert "--max-bytes" in error["message"]
    assert "big.txt" in result.stderr and "[too_large]" in result.stderr
    # bounded: at most --max-bytes (+1) is read, never the 200 MB
    (doc,), peak = _peak_bytes_while_reading([str(big)])
    assert doc.error.code == "too_large"
    assert peak < 2 * DEFAULT_MAX_BYTES + (4 << 20)


def test_max_bytes_sets_the_limit(tmp_path: Path) -> None:
    write(tmp_path / "a_small.txt", OTHER)
    write(tmp_path / "b_large.txt", GOOD * 40)
    limit = len(OTHER.encode()) + 10
    result = invoke("figures", str(tmp_path), "--max-bytes", str(limit), "-f", "jsonl")
    documents = assert_outcome(result, {"b_large.txt": "too_large"}, ["a_small.txt"])
    assert str(limit) in documents[1]["error"]["message"]
    raised = invoke("figures", str(tmp_path), "--max-bytes", str(len(GOOD.encode()) * 40), "-f", "jsonl")
    assert raised.exit_code == 0
    assert invoke("figures", str(tmp_path), "--max-bytes", "0").exit_code == 2  # a usage error


def test_one_ten_megabyte_line(tmp_path: Path) -> None:
    line = "长" * (DEFAULT_MAX_BYTES // 3 + 10)  # one line, no newline, just over 10 MB
    write(tmp_path / "a_line.txt", line)
    corpus = write(
        tmp_path / "b.jsonl",
        jsonl({"id": "first", "text": GOOD}, {"id": "long", "text": line}, {"id": "last", "text": OTHER}),
    )
    result = invoke("summary", str(tmp_path), "-f", "jsonl")
    long_id = f"{corpus}:2"  # a record that could not be read is named by its line
    documents = assert_outcome(result, {"a_line.txt": "too_large", long_id: "too_large"}, ["first", "last"])
    assert "line 2" not in documents[2]["error"]["message"]  # the id names the line; said once
    assert [d["id"] for d in documents[1:]] == ["first", long_id, "last"]
    # the overlong line is skipped in bounded chunks, not held whole
    docs, peak = _peak_bytes_while_reading([str(corpus)], max_bytes=1 << 20)
    assert [d.error.code if d.error else None for d in docs] == [None, "too_large", None]
    assert peak < 8 << 20


# ---------------------------------------------------------------------------
# special files: FIFO, symlink loops, permission denied


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_named_on_the_command_line_is_read_like_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = write(tmp_path / "good.txt", GOOD)

    def writer() -> None:
        with open(fifo, "wb") as handle:
            handle.write(b"\x00\x01\x02binary\x00" * 100)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    result = invoke("summary", str(fifo), str(good), "-f", "jsonl")
    thread.join(timeout=10)
    assert_outcome(result, {"pipe.txt": "binary"}, ["good.txt"])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_in_a_directory_is_an_error_document_not_a_hang(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    os.mkfifo(tmp_path / "b.txt")  # nobody writes to it: opening it would block forever
    write(tmp_path / "c.txt", OTHER)
    result = invoke("summary", str(tmp_path), "-f", "jsonl")
    assert_outcome(result, {"b.txt": "read_error"}, ["a.txt", "c.txt"])


def test_symlink_loops(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "a.txt", GOOD)
    os.symlink("self.txt", corpus / "self.txt")  # a link to itself
    os.symlink("pong.txt", corpus / "ping.txt")  # two links to each other
    os.symlink("ping.txt", corpus / "pong.txt")
    os.symlink(corpus, corpus / "sub")  # a directory containing itself
    result = invoke("summary", str(corpus), str(corpus / "self.txt"), "-f", "jsonl")
    documents = validate_jsonl_output(result.stdout)
    assert len(documents) == 5  # a, ping, pong, self (walked), self (named)
    assert result.exit_code == 1
    errors = [d for d in documents if "error" in d]
    assert len(errors) == 4
    assert all(
        d["error"]["code"] == "read_error" and "symbolic link" in d["error"]["message"] for d in errors
    )
    assert len(result.stderr.splitlines()) == 4
    assert all(ERROR_LINE.match(line) for line in result.stderr.splitlines())
    assert "error" not in documents[0] and Path(documents[0]["path"]).name == "a.txt"


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: CI runs as root, which can read anything.
    secret = write(tmp_path / "b_secret.txt", GOOD)
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "c.txt", OTHER)
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(secret):
            raise PermissionError(13, "Permission denied", str(secret))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = invoke("summary", str(tmp_path), "-f", "jsonl")
    assert_outcome(result, {"b_secret.txt": "permission_denied"}, ["a.txt", "c.txt"])
    assert "permission" in result.stderr


# ---------------------------------------------------------------------------
# compressed and structured input: gzip bombs, invalid JSON lines


def _gzip_bomb(head: bytes, filler: bytes, megabytes: int, tail: bytes) -> bytes:
    """Concatenated gzip members: `megabytes` MB of `filler` for the price of compressing 1 MB."""
    block = gzip.compress(filler * ((1 << 20) // len(filler)), compresslevel=9)
    return gzip.compress(head) + block * megabytes + gzip.compress(tail)


def test_gzip_bomb_in_jsonl_gz_is_bounded(tmp_path: Path) -> None:
    bomb = _gzip_bomb(
        jsonl({"id": "before", "text": GOOD}) + b'{"id": "bomb", "text": "',
        b"A",
        64,  # 64 MB of one line from ~4 KB on disk
        b'"}\n' + jsonl({"id": "after", "text": OTHER}),
    )
    path = write(tmp_path / "corpus.jsonl.gz", bomb)
    assert path.stat().st_size < 1 << 20
    result = invoke("summary", str(path), "--max-bytes", "1000000", "-f", "jsonl")
    documents = assert_outcome(result, {f"{path}:2": "too_large"}, ["before", "after"])
    assert "line 2" not in next(d for d in documents if "error" in d)["error"]["message"]  # the id says it
    # Bounded: the overlong line is read in chunks of at most --max-bytes and 1 MB and
    # dropped, so memory stays near --max-bytes, never the decompressed size.
    docs, peak = _peak_bytes_while_reading([str(path)], max_bytes=1_000_000)
    assert [d.error.code if d.error else d.id for d in docs] == ["before", "too_large", "after"]
    assert peak < 8 << 20


def test_gzip_bomb_in_txt_gz_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "bomb.txt.gz", _gzip_bomb(GOOD.encode(), "一".encode(), 16, b""))
    result = invoke("summary", str(tmp_path), "--max-bytes", "2000000", "-f", "jsonl")
    assert_outcome(result, {"bomb.txt.gz": "too_large"}, ["a.txt"])


def test_invalid_json_lines_name_the_line_and_the_rest_continues(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "one", "text": GOOD}, ensure_ascii=False),
        '{"id": "two", "text": "本报讯 没有结束',  # truncated
        "not json at all \x1b[31m",
        json.dumps(["a list", "not an object"]),
        json.dumps({"id": "five", "abstract": "no text field"}),  # body, content... would be read
        json.dumps({"id": "six", "text": OTHER}, ensure_ascii=False),
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    result = invoke("summary", str(path), "-f", "jsonl")
    documents = assert_outcome(
        result,
        {
            f"{path}:2": "invalid_json",
            f"{path}:3": "invalid_json",
            f"{path}:4": "invalid_record",
            f"{path}:5": "invalid_record",
        },
        ["one", "six"],
    )
    assert [d["id"] for d in documents] == ["one", f"{path}:2", f"{path}:3", f"{path}:4", f"{path}:5", "six"]
    for number, document in enumerate(documents[1:5], start=2):
        assert f"line {number}" not in document["error"]["message"]  # the id names the line


def test_deeply_nested_json_line_is_an_invalid_json_document(tmp_path: Path) -> None:
    path = write(
        tmp_path / "corpus.jsonl",
        jsonl({"id": "one", "text": GOOD}) + b"[" * 100_000 + b"\n" + jsonl({"id": "three", "text": OTHER}),
    )
    result = invoke("summary", str(path), "-f", "jsonl")
    assert_outcome(result, {f"{path}:2": "invalid_json"}, ["one", "three"])


def test_lone_surrogates_in_jsonl_do_not_break_the_run(tmp_path: Path) -> None:
    records = [
        {"id": "one", "text": "本报讯 今天\ud800开会，共有100人参加。会议要求抓好落实。"},
        {"id": "two\udc80", "text": GOOD},
        {"id": "three", "text": OTHER},
    ]
    path = write(tmp_path / "corpus.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    result = invoke("summary", str(path), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    documents = validate_jsonl_output(result.stdout)
    assert len(documents) == 3 and not any("error" in d for d in documents)
    assert documents[0]["stats"]["chars"] == len(records[0]["text"])  # spans still index the text


def test_published_at_the_edges_of_the_calendar(tmp_path: Path) -> None:
    text = "本报讯 今天上午10点，市政府召开常务会议，研究部署去年和明年的重点工作。"
    records = [
        {"id": f"p{i}", "text": text, "published": p} for i, p in enumerate(["0001-01-01", "9999-12-31"])
    ]
    result = invoke("timeline", str(write(tmp_path / "corpus.jsonl", jsonl(*records))), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    first, last = validate_jsonl_output(result.stdout)  # four-digit years, or nothing
    assert first["timeline"] == []  # nothing before year 1000
    assert "去年" in [t["text"] for t in last["timeline"]]  # but 明年 would be year 10000


def test_iso_datetimes_have_four_digit_years() -> None:
    import datetime as dt

    from newsctl.pipeline import _iso

    assert _iso(dt.datetime(1, 1, 1, 10)) == "0001-01-01T10:00:00"


# ---------------------------------------------------------------------------
# encodings and NUL bytes


def test_mixed_encodings_in_one_directory(tmp_path: Path) -> None:
    write(tmp_path / "a_utf8.txt", GOOD)
    write(tmp_path / "b_gbk.txt", GOOD.encode("gbk"))
    write(
        tmp_path / "c_big5.txt",
        "區公所表示，青溪老街全長約260公尺，假日人潮最多時每小時超過3000人次。\n".encode("big5"),
    )
    write(tmp_path / "d_utf16.txt", OTHER.encode("utf-16"))
    write(tmp_path / "e_utf8_bom.txt", codecs.BOM_UTF8 + OTHER.encode())
    damaged = bytearray(GOOD.encode() * 3)
    damaged[40] = 0xFF  # one bad byte in otherwise UTF-8 text
    write(tmp_path / "f_damaged.txt", bytes(damaged))
    result = invoke("figures", str(tmp_path), "-f", "jsonl")
    documents = assert_outcome(
        result,
        {"f_damaged.txt": "decode_error"},
        ["a_utf8.txt", "b_gbk.txt", "c_big5.txt", "d_utf16.txt", "e_utf8_bom.txt"],
    )
    encodings = [d["encoding"] for d in documents[:5]]
    assert encodings == ["utf-8", "gbk", "big5", "utf-16", "utf-8"]
    assert [f["text"] for f in documents[1]["figures"]] == [f["text"] for f in documents[0]["figures"]]
    assert "--encoding" in documents[5]["error"]["message"]


def test_nul_bytes(tmp_path: Path) -> None:
    # NUL bytes all through a .txt file: binary data, refused
    write(tmp_path / "a_nuls.txt", "\x00".join(GOOD).encode())
    # a stray NUL inside real text is dropped by the cleaner, and never printed
    write(tmp_path / "b_stray.txt", GOOD.replace("今年", "今\x00年"))
    write(tmp_path / "c.txt", OTHER)
    result = invoke("analyze", str(tmp_path), "-f", "jsonl")
    documents = assert_outcome(result, {"a_nuls.txt": "binary"}, ["b_stray.txt", "c.txt"])
    assert "\\u0000" not in json.dumps([d.get("keywords") for d in documents])
    table = invoke("summary", str(tmp_path))
    assert table.exit_code == 1
    assert "\x00" not in table.stdout and "\x00" not in table.stderr


# ---------------------------------------------------------------------------
# the run itself (issue 23): workers, output streams, locales, option values.
# Real signals and processes: tests/test_soak.py (bench/soak.py).


def _newsctl(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> Any:
    import subprocess
    import sys

    if "stdout" not in kwargs:
        kwargs["stdout"] = subprocess.PIPE
    return subprocess.run(
        [sys.executable, "-m", "newsctl", *args],
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100", **(env or {})},
        timeout=120,
        **kwargs,
    )


def _poison_summary(article: Any, options: Any, doc: Any) -> None:
    # Kills the worker process analysing it (the parent is never harmed).
    import signal

    if "POISON" in article.text and os.getpid() != _PARENT_PID[0]:
        os.kill(os.getpid(), signal.SIGKILL)


_PARENT_PID = [0]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the poisoned analyzer reaches workers by fork")
def test_a_document_that_kills_its_worker_twice_becomes_an_error_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsctl import pipeline
    from newsctl.read import RawDocument

    _PARENT_PID[0] = os.getpid()
    monkeypatch.setitem(pipeline.ANALYZERS, "summary", _poison_summary)
    texts = [GOOD] * 40
    texts[20] = GOOD + "POISON"
    raws = [
        RawDocument(id=f"d{i}", path=f"d{i}", text=t, sha256="0", encoding="utf-8")
        for i, t in enumerate(texts)
    ]
    docs = list(pipeline.run(raws, pipeline.Options(analyses=("summary",)), jobs=2))
    assert [d.id for d in docs] == [r.id for r in raws]  # every record, in order
    failed = [d for d in docs if d.error is not None]
    assert [d.id for d in failed] == ["d20"]  # its chunk-mates were retried and came back
    assert failed[0].error is not None and "died twice" in failed[0].error.message


def test_short_and_nonblocking_writes_are_completed() -> None:
    import fcntl

    from newsctl.streams import FdWriter

    read_end, write_end = os.pipe()
    flags = fcntl.fcntl(write_end, fcntl.F_GETFL)
    fcntl.fcntl(write_end, fcntl.F_SETFL, flags | os.O_NONBLOCK)  # as a program sharing the pipe may leave it
    data = bytes(range(256)) * 8192  # 2 MB: far more than the pipe holds
    received = bytearray()

    def drain() -> None:
        while chunk := os.read(read_end, 1 << 16):
            received.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        assert FdWriter(write_end).write(data) == len(data)
    finally:
        os.close(write_end)
        reader.join(timeout=30)
        os.close(read_end)
    assert bytes(received) == data


def test_unencodable_output_is_escaped_as_json_escapes() -> None:
    import io

    from newsctl.streams import ESCAPE_ERRORS

    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii", errors=ESCAPE_ERRORS)
    stream.write(json.dumps({"t": "新闻 😀 \udc80"}, ensure_ascii=False))
    stream.flush()
    assert json.loads(buffer.getvalue().decode("ascii")) == {"t": "新闻 😀 \udc80"}


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
        {"PYTHONIOENCODING": "latin-1"},
    ],
)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_any_locale(tmp_path: Path, env: dict[str, str], fmt: str) -> None:
    corpus = write(tmp_path / "c.jsonl", jsonl({"id": "一", "text": GOOD}, {"id": "二", "text": OTHER}))
    result = _newsctl("figures", str(corpus), "-f", fmt, env=env)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    # JSON is UTF-8 (or ASCII) whatever the locale; a table is in the locale's encoding
    text = result.stdout.decode("utf-8" if fmt != "table" else "latin-1")
    if fmt == "json":
        assert [d["id"] for d in json.loads(text)["documents"]] == ["一", "二"]
    elif fmt == "jsonl":
        assert [json.loads(line)["id"] for line in text.splitlines()] == ["一", "二"]
    else:
        assert "3.5" in text


@pytest.mark.parametrize("redirect", ["<&-", ">&-", "2>&-", "<&- >&- 2>&-"])
def test_closed_standard_descriptors(tmp_path: Path, redirect: str) -> None:
    import subprocess
    import sys

    article = write(tmp_path / "a.txt", GOOD)
    out = tmp_path / "out"
    script = f"exec '{sys.executable}' -m newsctl summary '{article}' -f jsonl {redirect}"
    if ">&-" not in redirect:
        script += f" > '{out}'"
    result = subprocess.run(["/bin/sh", "-c", script], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    if ">&-" in redirect:
        assert b"standard output is closed" in result.stderr or "2>&-" in redirect
    else:
        assert json.loads(out.read_text(encoding="utf-8"))["id"].endswith("a.txt")


def test_output_that_cannot_be_written_is_one_line_and_exit_1(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", GOOD)
    with open(os.devnull, "rb") as read_only:  # stdout open, but not for writing
        result = _newsctl("summary", str(article), "-f", "jsonl", stdout=read_only)
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == ["newsctl: cannot write the output: Bad file descriptor"]


def test_reader_going_away_exits_0_for_every_format(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = write(tmp_path / "c.jsonl", jsonl(*({"id": f"r{i}", "text": GOOD * 20} for i in range(60))))
    for fmt in ("jsonl", "json", "table"):
        command = f"'{sys.executable}' -m newsctl timeline '{corpus}' -f {fmt}"
        script = f"{command} | head -c 10; exit ${{PIPESTATUS[0]}}"
        result = subprocess.run(["/bin/bash", "-c", script], capture_output=True, timeout=120)
        assert result.returncode == 0, (fmt, result.stderr)
        assert result.stderr == b"", (fmt, result.stderr)


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["figures", "--min-value", "nan"], "--min-value"),
        (["figures", "--min-value", "-inf"], "--min-value"),
        (["keywords", "--min-weight", "nan"], "--min-weight"),
        (["summary", "--max-bytes", "100000000000"], "--max-bytes"),
        (["keywords", "--idf", "WEIGHTS"], "--idf"),
    ],
)
def test_option_values_are_refused_where_they_enter(tmp_path: Path, args: list[str], flag: str) -> None:
    weights = write(tmp_path / "w.idf", "会议 nan\n工作 3.2\n")
    args = [str(weights) if a == "WEIGHTS" else a for a in args]
    result = invoke(*args, str(write(tmp_path / "a.txt", GOOD)), "-j")
    assert result.exit_code == 2, result.stdout
    assert flag in result.stderr
    assert result.stdout == ""


def test_userdict_count_that_is_not_ascii_digits_is_a_warning(tmp_path: Path) -> None:
    userdict = write(tmp_path / "u.dict", "重点工作 ² n\n常务会议 5\n")
    result = invoke(
        "keywords", str(write(tmp_path / "a.txt", GOOD)), "--userdict", str(userdict), "-f", "jsonl"
    )
    assert result.exit_code == 0, result.stderr
    assert "u.dict:1:" in result.stderr
    assert validate_jsonl_output(result.stdout)[0]["keywords"]


def test_paths_in_option_errors_reach_stderr_escaped(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", GOOD)
    for option in ("--idf", "--userdict"):
        result = _newsctl("keywords", str(article), option, str(tmp_path / "x\x1b]0;pwned\x07.txt"))
        assert result.returncode == 2
        assert b"\x1b" not in result.stderr and b"\x07" not in result.stderr
        assert b"\\x1b]0;pwned\\x07" in result.stderr


def test_jobs_is_capped_at_the_cpu_count(tmp_path: Path) -> None:
    from newsctl.pipeline import default_jobs

    corpus = write(tmp_path / "c.jsonl", jsonl(*({"id": f"r{i}", "text": OTHER} for i in range(20))))
    result = invoke("summary", str(corpus), "-f", "jsonl", "--jobs", "100000")
    assert result.exit_code == 0
    assert f"using {default_jobs()}" in result.stderr
    assert len(validate_jsonl_output(result.stdout)) == 20


@pytest.mark.parametrize("columns", ["0", "-5", "abc", "3", "99999999"])
def test_any_columns_value_prints_a_table(tmp_path: Path, columns: str) -> None:
    result = _newsctl("check", str(write(tmp_path / "a.txt", GOOD)), env={"COLUMNS": columns})
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines and max(len(line) for line in lines) <= 1000


def _encode_failing_on_bad(doc: Any) -> str:
    if doc.id == "bad" and doc.error is None:
        raise ValueError("cannot encode")
    return f"{doc.id} {doc.error.code if doc.error else 'ok'}"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_cannot_be_encoded_becomes_an_error_document(jobs: int) -> None:
    from newsctl import pipeline
    from newsctl.read import RawDocument

    ids = [f"d{i}" for i in range(30)]
    ids[17] = "bad"
    raws = [RawDocument(id=i, path=i, text=GOOD, sha256="0", encoding="utf-8") for i in ids]
    options = pipeline.Options(analyses=("summary",))
    texts = [e.text for e in pipeline.run_encoded(raws, options, _encode_failing_on_bad, jobs=jobs)]
    assert texts == [f"{i} {'analysis_error' if i == 'bad' else 'ok'}" for i in ids]


def test_a_first_signal_with_stdout_blocked_for_good_still_ends_the_run(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    corpus = write(tmp_path / "c.jsonl", jsonl(*({"id": f"r{i}", "text": GOOD * 30} for i in range(200))))
    code = "from newsctl import shutdown; shutdown.GRACE_SECONDS = 1; from newsctl.cli import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "clean", str(corpus), "-f", "jsonl", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        proc.stdout.read(100)  # and never again: the pipe fills and the run blocks writing
        time.sleep(2)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 143
    finally:
        proc.kill()
        proc.wait()
