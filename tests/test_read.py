"""Reading: paths, directories, globs, stdin, jsonl(.gz) and decoding. Every
input yields exactly one document, and a bad one carries an error code."""

from __future__ import annotations

import builtins
import codecs
import gzip
import hashlib
import io
import json
import os
import select
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl import read
from newsctl.read import DEFAULT_MAX_BYTES, RawDocument, decode_bytes, expand_paths, iter_documents

ARTICLE = (
    "青禾县城区新增三处口袋公园\n"
    "7日上午，位于青禾县城东街道的滨河口袋公园正式向市民开放。"
    "至此，今年上半年城区新建的3处口袋公园已全部投入使用，新增绿地面积约1.6万平方米。\n"
)
TRADITIONAL = (
    "區公所表示，青溪老街全長約260公尺，假日人潮最多時每小時超過3000人次，人車爭道問題長期受到關注。\n"
)


def read_one(path: Path | str, **options: object) -> RawDocument:
    docs = list(iter_documents([str(path)], **options))  # type: ignore[arg-type]
    assert len(docs) == 1
    return docs[0]


def assert_error(doc: RawDocument, code: str) -> None:
    assert doc.text is None
    assert doc.error is not None, f"expected {code}, got text"
    assert doc.error.code == code, doc.error
    assert doc.error.message and "\n" not in doc.error.message


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------
# bad inputs from the foundation issue


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    doc = read_one(missing)
    assert_error(doc, "not_found")
    assert doc.id == doc.path == str(missing)


def test_missing_path_does_not_stop_the_run(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE.encode())
    docs = list(iter_documents([str(tmp_path / "missing.txt"), str(good)]))
    assert [d.error.code if d.error else "ok" for d in docs] == ["not_found", "ok"]


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", "\u3000\n".encode(), codecs.BOM_UTF8 + b"\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    doc = read_one(write(tmp_path / "empty.txt", data))
    assert_error(doc, "empty")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        bytes(range(256)) * 40,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
        b"ab\x00\x00cd\x00" * 200,
    ],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    assert_error(read_one(write(tmp_path / "image.txt", data)), "binary")


def test_gbk(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "gbk.txt", ARTICLE.encode("gbk")))
    assert doc.error is None
    assert doc.text == ARTICLE
    assert doc.encoding in ("gbk", "gb18030")


def test_gb18030_outside_gbk(tmp_path: Path) -> None:
    text = "村民王䶮拿到了新换领的居民身份证，覆盖了“𠮷”“䶮”“㙟”等一批过去难以录入的生僻字。\n" * 3
    data = text.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    doc = read_one(write(tmp_path / "rare.txt", data))
    assert doc.text == text
    assert doc.encoding == "gb18030"


def test_big5(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "big5.txt", TRADITIONAL.encode("big5")))
    assert doc.error is None
    assert doc.text == TRADITIONAL
    assert doc.encoding in ("big5", "cp950", "big5hkscs")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str) -> None:
    data = ("\ufeff" + ARTICLE).encode(codec)
    doc = read_one(write(tmp_path / "wide.txt", data))
    assert doc.error is None
    assert doc.text == ARTICLE  # the BOM is not part of the text: spans start at the first character
    assert doc.encoding == codec[:6]


def test_utf8_bom(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode()))
    assert doc.text == ARTICLE
    assert doc.encoding == "utf-8"


def test_invalid_bytes_mid_file(tmp_path: Path) -> None:
    data = ARTICLE.encode()
    middle = data.index("正式向市民开放".encode())  # a character boundary in the middle
    damaged = data[:middle] + b"\xff\xfe\x80" + data[middle:]
    doc = read_one(write(tmp_path / "damaged.txt", damaged))
    assert_error(doc, "decode_error")
    assert str(damaged.index(b"\xff")) in doc.error.message  # names the byte offset
    assert "--encoding" in doc.error.message


def test_invalid_bytes_in_gbk_file(tmp_path: Path) -> None:
    data = ARTICLE.encode("gbk")
    damaged = data[:40] + b"\xff\xff" + data[40:]
    assert_error(read_one(write(tmp_path / "damaged.txt", damaged)), "decode_error")


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    chunk = (ARTICLE * 2000).encode()
    with big.open("wb") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    size = big.stat().st_size
    assert size > DEFAULT_MAX_BYTES
    doc = read_one(big)
    assert_error(doc, "too_large")
    assert "--max-bytes" in doc.error.message
    allowed = read_one(big, max_bytes=size)
    assert allowed.error is None
    assert allowed.text is not None and len(allowed.text) == len(ARTICLE) * (size // len(ARTICLE.encode()))
    assert_error(read_one(big, max_bytes=size - 1), "too_large")


def test_directory_mixing_good_and_bad_files(tmp_path: Path) -> None:
    top = tmp_path / "corpus"
    write(top / "a_good.txt", ARTICLE.encode())
    write(top / "b_empty.txt", b"")
    write(top / "c" / "d_binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(256))
    write(top / "c" / "e_big5.txt", TRADITIONAL.encode("big5"))
    write(top / "f_damaged.txt", ARTICLE.encode()[:30] + b"\xff" + ARTICLE.encode()[30:])
    write(top / "g_utf16.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    write(top / "h_gbk.txt.gz", gzip.compress(ARTICLE.encode("gbk")))
    write(top / "i.jsonl", b'{"id": "x1", "text": "\xe6\x96\x87"}\nnot json\n')
    write(top / "notes.md", b"not an article")
    write(top / ".hidden.txt", ARTICLE.encode())
    docs = list(iter_documents([str(top)]))
    names = [os.path.relpath(d.path, top) for d in docs]
    assert names == [
        "a_good.txt",
        "b_empty.txt",
        os.path.join("c", "d_binary.txt"),
        os.path.join("c", "e_big5.txt"),
        "f_damaged.txt",
        "g_utf16.txt",
        "h_gbk.txt.gz",
        "i.jsonl",
        "i.jsonl",
    ]
    outcome = [d.error.code if d.error else d.encoding for d in docs]
    assert outcome == [
        "utf-8",
        "empty",
        "binary",
        "big5",
        "decode_error",
        "utf-16",
        "gbk",
        "utf-8",
        "invalid_json",
    ]


def test_empty_directory(tmp_path: Path) -> None:
    write(tmp_path / "readme.md", b"hello")
    assert_error(read_one(tmp_path), "no_articles")


# ---------------------------------------------------------------------------
# jsonl


def jsonl(*records: object) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    return ("\n".join(lines) + "\n").encode()


def test_jsonl_records(tmp_path: Path) -> None:
    path = write(
        tmp_path / "articles.jsonl",
        jsonl(
            {"id": "a", "text": ARTICLE, "title": "标题", "source": "青禾日报", "published": "2021-07-08"},
            "",
            {"id": 7, "text": TRADITIONAL},
            {"text": "没有编号的文章。"},
        ),
    )
    docs = list(iter_documents([str(path)]))
    assert [d.id for d in docs] == ["a", "7", f"{path}:4"]
    assert all(d.error is None and d.path == str(path) for d in docs)
    first = docs[0]
    assert (first.text, first.title, first.source, first.published) == (
        ARTICLE,
        "标题",
        "青禾日报",
        "2021-07-08",
    )
    assert first.sha256 == hashlib.sha256(ARTICLE.encode()).hexdigest()


def test_jsonl_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.jsonl", jsonl({"id": "a", "text": ARTICLE}, '{"id": "b", "text": ', {"text": "好"})
    )
    docs = list(iter_documents([str(path)]))
    assert len(docs) == 3
    assert docs[0].error is None and docs[2].error is None
    assert_error(docs[1], "invalid_json")
    assert (docs[1].id, docs[1].line) == (f"{path}:2", 2)
    assert "line 2" not in docs[1].error.message


@pytest.mark.parametrize(
    "record",
    [{"id": "a"}, {"id": "a", "text": 5}, {"id": "a", "text": None}, ["text"], "just a string"],
)
def test_jsonl_missing_text(tmp_path: Path, record: object) -> None:
    path = write(tmp_path / "bad.jsonl", (json.dumps(record) + "\n").encode())
    doc = read_one(path)
    assert_error(doc, "invalid_record")
    assert (doc.id, doc.line) == (f"{path}:1", 1)
    assert "line" not in doc.error.message  # the id names it: `bad.jsonl:1: line 1: ...` said it twice


def test_jsonl_empty_text(tmp_path: Path) -> None:
    assert_error(read_one(write(tmp_path / "e.jsonl", jsonl({"id": "a", "text": "  "}))), "empty")


def test_jsonl_gz(tmp_path: Path) -> None:
    data = gzip.compress(jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": TRADITIONAL}))
    docs = list(iter_documents([str(write(tmp_path / "articles.jsonl.gz", data))]))
    assert [(d.id, d.text) for d in docs] == [("a", ARTICLE), ("b", TRADITIONAL)]


def test_corrupt_gzip(tmp_path: Path) -> None:
    data = gzip.compress(ARTICLE.encode())
    assert_error(read_one(write(tmp_path / "broken.txt.gz", data[: len(data) // 2])), "read_error")


def test_jsonl_overlong_line_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = write(
        tmp_path / "long.jsonl", jsonl({"id": "long", "text": "长" * 5000}, {"id": "short", "text": "短文。"})
    )
    docs = list(iter_documents([str(path)], max_bytes=1000))
    assert_error(docs[0], "too_large")
    assert (docs[1].id, docs[1].text) == ("short", "短文。")


# ---------------------------------------------------------------------------
# globs, stdin, --encoding


def test_glob(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.md"):
        write(tmp_path / name, ARTICLE.encode())
    write(tmp_path / "sub" / "d.txt", ARTICLE.encode())
    docs = list(iter_documents([str(tmp_path / "*.txt")]))
    assert [Path(d.path).name for d in docs] == ["a.txt", "b.txt"]
    docs = list(iter_documents([str(tmp_path / "**" / "*.txt")]))
    assert [Path(d.path).name for d in docs] == ["a.txt", "b.txt", "d.txt"]


def test_glob_without_matches(tmp_path: Path) -> None:
    assert_error(read_one(tmp_path / "*.nothing"), "not_found")


def test_stdin_text() -> None:
    doc = read_one("-", stdin=io.BytesIO(ARTICLE.encode("gbk")))
    assert (doc.id, doc.text, doc.encoding) == ("-", ARTICLE, "gbk")


def test_stdin_jsonl() -> None:
    stream = io.BytesIO(jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": TRADITIONAL}))
    docs = list(iter_documents(["-"], stdin=stream, input_format="jsonl"))
    assert [(d.id, d.path) for d in docs] == [("a", "-"), ("b", "-")]


def test_stdin_empty_and_too_large() -> None:
    assert_error(read_one("-", stdin=io.BytesIO(b"")), "empty")
    assert_error(read_one("-", stdin=io.BytesIO(ARTICLE.encode()), max_bytes=10), "too_large")


def test_forced_encoding(tmp_path: Path) -> None:
    path = write(tmp_path / "big5.txt", TRADITIONAL.encode("big5"))
    doc = read_one(path, encoding="big5")
    assert (doc.text, doc.encoding) == (TRADITIONAL, "big5")
    wrong = read_one(path, encoding="utf-8")
    assert_error(wrong, "decode_error")
    assert "--encoding" in wrong.error.message
    assert_error(read_one(path, encoding="no-such-codec"), "bad_encoding")


def test_forced_encoding_wins_over_detection(tmp_path: Path) -> None:
    # GBK bytes that also happen to be valid Big5: forcing decides.
    path = write(tmp_path / "gbk.txt", ARTICLE.encode("gbk"))
    assert read_one(path, encoding="gbk").text == ARTICLE
    assert read_one(path, encoding="gb18030").encoding == "gb18030"


def test_decode_bytes_directly() -> None:
    assert decode_bytes("漢字".encode("big5"), "big5") == ("漢字", "big5")
    assert decode_bytes(ARTICLE.encode()) == (ARTICLE, "utf-8")


# ---------------------------------------------------------------------------
# the file system's awkward corners


def test_symlink_loop_in_directory_walk(tmp_path: Path) -> None:
    top = tmp_path / "corpus"
    write(top / "a.txt", ARTICLE.encode())
    write(top / "sub" / "b.txt", ARTICLE.encode())
    os.symlink(top, top / "sub" / "loop")  # a directory that contains itself
    os.symlink("self.txt", top / "self.txt")  # a file symlink pointing at itself
    docs = list(iter_documents([str(top)]))
    names = [os.path.relpath(d.path, top) for d in docs]
    assert names == ["a.txt", "self.txt", os.path.join("sub", "b.txt")]
    assert docs[0].error is None and docs[2].error is None
    assert_error(docs[1], "read_error")
    assert "symbolic link" in docs[1].error.message


def test_symlinked_directory_is_followed_once(tmp_path: Path) -> None:
    real = tmp_path / "real"
    write(real / "a.txt", ARTICLE.encode())
    top = tmp_path / "top"
    top.mkdir()
    os.symlink(real, top / "linked")
    assert [Path(d.path).name for d in iter_documents([str(top)])] == ["a.txt"]


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE.encode())
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    doc = read_one(path)
    assert_error(doc, "permission_denied")
    other = write(tmp_path / "other.txt", ARTICLE.encode())
    assert read_one(other).text == ARTICLE


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied_real(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", ARTICLE.encode())
    path.chmod(0)
    try:
        assert_error(read_one(path), "permission_denied")
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as handle:
            handle.write(ARTICLE.encode("gbk"))

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    doc = read_one(fifo)
    thread.join()
    assert (doc.text, doc.encoding) == (ARTICLE, "gbk")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_directory_walk_reports_fifos_without_opening_them(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE.encode())
    os.mkfifo(tmp_path / "b.txt")  # nobody writes to it: opening it would block
    found = [(Path(p).name, e.code if e else None) for p, e in expand_paths([str(tmp_path)])]
    assert found == [("a.txt", None), ("b.txt", "read_error")]


def test_directory_given_as_file(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    doc = read.read_text_document(str(tmp_path / "dir.txt"), encoding=None, max_bytes=DEFAULT_MAX_BYTES)
    assert_error(doc, "read_error")


def test_sha256_of_raw_bytes(tmp_path: Path) -> None:
    data = ARTICLE.encode("gbk")
    doc = read_one(write(tmp_path / "a.txt", data))
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec: str) -> None:
    from newsctl.read import decode_bytes

    text = "新华社北京3月5日电 今年经济增长5%。会议强调要稳中求进，抓好各项任务落实。" * 3
    decoded, used = decode_bytes(text.encode(codec))
    assert decoded == text
    assert used == codec


def test_random_bytes_are_still_binary() -> None:
    import random

    from newsctl.read import InputError, decode_bytes

    noise = random.Random(7).randbytes(4000)
    with pytest.raises(InputError) as error:
        decode_bytes(noise)
    assert error.value.code in ("binary", "decode_error")


# ---------------------------------------------------------------------------
# records with other field names, .ndjson, .json arrays, CSV/TSV (issue 24)


def test_common_field_names_are_recognised(tmp_path: Path) -> None:
    record = {
        "doc_id": "d1",
        "content": ARTICLE,
        "pubtime": "2021-07-08 09:30",
        "headline": "標題",
        "media": "青禾日报",
    }
    doc = read_one(write(tmp_path / "a.jsonl", jsonl(record)))
    assert (doc.id, doc.text, doc.published, doc.title, doc.source) == (
        "d1",
        ARTICLE,
        "2021-07-08 09:30",
        "標題",
        "青禾日报",
    )
    assert doc.line == 1


def test_url_is_the_id_when_there_is_none_and_keys_compare_loosely(tmp_path: Path) -> None:
    doc = read_one(
        write(tmp_path / "a.jsonl", jsonl({"URL": " http://x/1 ", "Body": ARTICLE, "Pub-Date": "2021-07-08"}))
    )
    assert (doc.id, doc.published) == ("http://x/1", "2021-07-08")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1625700000, "2021-07-07T23:20:00Z"),
        (1625700000000, "2021-07-07T23:20:00Z"),
        ("1625700000", "2021-07-07T23:20:00Z"),
    ],
)
def test_unix_timestamps_become_iso_dates(tmp_path: Path, value: object, expected: str) -> None:
    doc = read_one(write(tmp_path / "a.jsonl", jsonl({"text": ARTICLE, "timestamp": value})))
    assert doc.published == expected


def test_explicit_field_mapping_wins(tmp_path: Path) -> None:
    record = {"text": "摘要而已。", "fulltext": ARTICLE, "date": "2020-01-01", "crawled": "2021-07-08"}
    path = write(tmp_path / "a.jsonl", jsonl(record))
    doc = read_one(path, fields={"text": "fulltext", "published": "crawled"})
    assert (doc.text, doc.published) == (ARTICLE, "2021-07-08")
    # a key named explicitly but missing from the record feeds nothing, rather than a guess
    assert read_one(path, fields={"published": "nope"}).published is None


def test_field_overrides_are_validated() -> None:
    assert read.parse_field_overrides(["published=pubdate", "text = 正文"]) == {
        "published": "pubdate",
        "text": "正文",
    }
    for bad in ("published", "published=", "author=by"):
        with pytest.raises(ValueError, match="--field"):
            read.parse_field_overrides([bad])


def test_one_note_per_file_for_ignored_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.jsonl",
        jsonl(
            {"text": ARTICLE, "tags": ["x"], "date": "2021-07-08", "source": None},
            {"text": ARTICLE, "category": "y"},
        ),
    )
    notes: list[str] = []
    docs = list(iter_documents([str(path), str(path)], note=notes.append))
    assert len(docs) == 4
    assert notes == [f"{path}: ignored record keys 'tags' (map one with --field FIELD=KEY)"] * 2


def test_ndjson_in_a_directory_walk_json_array_csv_and_tsv_named(tmp_path: Path) -> None:
    write(tmp_path / "a.ndjson", jsonl({"id": "n1", "text": ARTICLE}))
    array = [{"id": "j1", "content": ARTICLE}, {"id": "j2", "content": TRADITIONAL, "date": "2021-07-08"}]
    write(tmp_path / "b.json", json.dumps(array, ensure_ascii=False).encode())
    write(tmp_path / "c.json", json.dumps({"id": "one", "text": ARTICLE}, ensure_ascii=False).encode())
    csv_text = 'id,title,content,publish_time\nc1,标题,"第一行\n第二行",2021-07-08\n\nc2,,短文。,\n'
    write(tmp_path / "d.csv", csv_text.encode("utf-8-sig"))
    write(tmp_path / "e.tsv.gz", gzip.compress("url\tbody\nhttp://t/1\t正文。\n".encode()))
    write(tmp_path / "f.md", b"not read")
    walked = list(iter_documents([str(tmp_path)]))
    assert [d.id for d in walked] == ["n1"]  # .json, .csv and .tsv only when named: often not articles
    docs = list(iter_documents([str(tmp_path / "*.*json"), str(tmp_path / "[de].*")]))
    assert [d.id for d in docs] == ["n1", "j1", "j2", "one", "c1", "c2", "http://t/1"]
    assert all(d.error is None for d in docs)
    assert docs[2].published == "2021-07-08"
    c1, c2 = docs[4], docs[5]
    assert (c1.title, c1.text, c1.published, c1.line) == ("标题", "第一行\n第二行", "2021-07-08", 2)
    assert (c2.title, c2.published, c2.line) == (None, None, 5)
    assert docs[1].line is None  # a .json array has no line per record


def test_json_file_that_is_not_articles(tmp_path: Path) -> None:
    assert_error(read_one(write(tmp_path / "a.json", b"[]")), "empty")
    assert_error(read_one(write(tmp_path / "b.json", b'"text"')), "invalid_record")
    assert_error(read_one(write(tmp_path / "c.json", b"[1, ")), "invalid_json")
    docs = list(iter_documents([str(write(tmp_path / "d.json", b'[{"text": "\xe5\xa5\xbd"}, 3]'))]))
    assert docs[0].text == "好" and docs[0].id == f"{tmp_path / 'd.json'}[0]"
    assert_error(docs[1], "invalid_record")


def test_csv_row_with_too_many_columns(tmp_path: Path) -> None:
    docs = list(iter_documents([str(write(tmp_path / "a.csv", "text\n好文章。,多余\n".encode()))]))
    assert_error(docs[0], "invalid_record")
    assert docs[0].line == 2


def test_empty_jsonl_is_an_empty_document(tmp_path: Path) -> None:
    for data in (b"", b"\n  \n"):
        assert_error(read_one(write(tmp_path / "e.jsonl", data)), "empty")


# ---------------------------------------------------------------------------
# stdin by content, gzip on stdin, --encoding for records


def test_stdin_jsonl_is_recognised_by_content() -> None:
    stream = io.BytesIO(jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": TRADITIONAL}))
    assert [(d.id, d.text, d.line) for d in iter_documents(["-"], stdin=stream)] == [
        ("a", ARTICLE, 1),
        ("b", TRADITIONAL, 2),
    ]


def test_stdin_json_array_and_text_starting_with_a_brace() -> None:
    array = json.dumps([{"text": ARTICLE}], ensure_ascii=False).encode()
    assert [d.text for d in iter_documents(["-"], stdin=io.BytesIO(array))] == [ARTICLE]
    braced = ("{编者按} " + ARTICLE).encode()
    assert read_one("-", stdin=io.BytesIO(braced)).text == braced.decode()
    # --input-format stays the override
    assert (
        read_one("-", stdin=io.BytesIO(jsonl({"text": "好"})), input_format="txt").text == '{"text": "好"}\n'
    )


def test_gzip_on_stdin_is_decompressed() -> None:
    docs = list(iter_documents(["-"], stdin=io.BytesIO(gzip.compress(jsonl({"id": "a", "text": ARTICLE})))))
    assert [(d.id, d.text) for d in docs] == [("a", ARTICLE)]
    assert read_one("-", stdin=io.BytesIO(gzip.compress(ARTICLE.encode("gbk")))).text == ARTICLE


def test_stdin_records_stream_one_by_one() -> None:
    """Each record is yielded once its line has arrived, not when the input ends."""
    read_fd, write_fd = os.pipe()
    stream = io.BufferedReader(io.FileIO(read_fd))
    docs = iter_documents(["-"], stdin=stream)
    os.write(write_fd, jsonl({"id": "first", "text": ARTICLE}))
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(next(docs).id))
    reader.start()
    reader.join(timeout=10)
    alive = reader.is_alive()
    os.close(write_fd)
    reader.join()
    assert not alive and result == ["first"]
    assert list(docs) == []
    stream.close()


@pytest.mark.parametrize("codec", ["gbk", "big5", "utf-16"])
def test_encoding_is_honoured_for_jsonl_and_csv(tmp_path: Path, codec: str) -> None:
    data = jsonl({"id": "a", "text": TRADITIONAL}, {"id": "b", "text": TRADITIONAL})
    docs = list(
        iter_documents([str(write(tmp_path / "a.jsonl", data.decode().encode(codec)))], encoding=codec)
    )
    assert [(d.id, d.text) for d in docs] == [("a", TRADITIONAL), ("b", TRADITIONAL)]
    assert docs[0].encoding == codecs.lookup(codec).name
    csv_data = f"id,text\nc,{TRADITIONAL.strip()}\n".encode(codec)
    (doc,) = iter_documents([str(write(tmp_path / "a.csv", csv_data))], encoding=codec)
    assert doc.text == TRADITIONAL.strip()


def test_gbk_jsonl_without_encoding_is_detected_per_line(tmp_path: Path) -> None:
    doc = read_one(write(tmp_path / "a.jsonl", jsonl({"id": "a", "text": ARTICLE}).decode().encode("gbk")))
    assert (doc.text, doc.encoding) == (ARTICLE, "gbk")


def test_wrong_encoding_for_one_record_does_not_stop_the_file(tmp_path: Path) -> None:
    data = jsonl({"text": "好"}).decode().encode("gbk") + jsonl({"text": "abc"})
    docs = list(iter_documents([str(write(tmp_path / "a.jsonl", data))], encoding="utf-8"))
    assert_error(docs[0], "decode_error")
    assert docs[1].text == "abc"


@pytest.mark.parametrize("name", ["rot13", "hex", "base64", "zlib", "nope"])
def test_only_text_codecs_are_accepted(name: str) -> None:
    with pytest.raises(ValueError, match="--encoding"):
        read.check_encoding(name)
    assert read.check_encoding("GBK") == "gbk"


# ---------------------------------------------------------------------------
# truncated input keeps every record read


def test_jsonl_cut_mid_record(tmp_path: Path) -> None:
    data = jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE})
    docs = list(iter_documents([str(write(tmp_path / "cut.jsonl", data[:-20]))]))
    assert docs[0].id == "a" and docs[0].error is None
    assert_error(docs[1], "invalid_json")
    assert "truncated" in docs[1].error.message and docs[1].line == 2


def test_truncated_jsonl_gz_keeps_the_records_before(tmp_path: Path) -> None:
    records = [{"id": str(i), "text": ARTICLE + str(i) * 2000} for i in range(30)]
    data = gzip.compress(jsonl(*records))
    docs = list(iter_documents([str(write(tmp_path / "cut.jsonl.gz", data[: len(data) * 2 // 3]))]))
    good, last = docs[:-1], docs[-1]
    assert good and all(d.error is None for d in good)
    assert [d.id for d in good] == [str(i) for i in range(len(good))]
    assert_error(last, "read_error")
    assert "truncated" in last.error.message and f"after line {len(good)}" in last.error.message


# ---------------------------------------------------------------------------
# through the command line


def newsctl(*args: str, stdin: bytes | None = None) -> Any:
    from click.testing import CliRunner

    from newsctl.cli import cli

    return CliRunner().invoke(cli, list(args), input=stdin)


def test_cli_jsonl_on_stdin_is_one_document_per_record() -> None:
    data = jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": TRADITIONAL})
    for command in ("summary", "check"):
        result = newsctl(command, "-f", "jsonl", stdin=data)
        assert result.exit_code in (0, 1), result.output
        assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]
    gz = newsctl("summary", "-f", "jsonl", "-", stdin=gzip.compress(data))
    assert [json.loads(line)["id"] for line in gz.stdout.splitlines()] == ["a", "b"]
    forced = newsctl("summary", "-f", "jsonl", "--input-format", "txt", stdin=data)
    assert [json.loads(line)["id"] for line in forced.stdout.splitlines()] == ["-"]


def test_cli_other_field_names_date_every_article(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.jsonl",
        jsonl(
            {"url": "http://x/1", "content": ARTICLE, "pubtime": "2021-07-08 09:30", "tags": []},
            {"url": "http://x/2", "content": ARTICLE, "pubtime": "2021-07-09"},
        ),
    )
    result = newsctl("summary", str(path), "-f", "jsonl")
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["metadata"]["published"][:10] for d in documents] == ["2021-07-08", "2021-07-09"]
    assert (
        result.stderr
        == f"newsctl: note: {path}: ignored record keys 'tags' (map one with --field FIELD=KEY)\n"
    )
    explicit = newsctl("summary", str(path), "-f", "jsonl", "--field", "published=tags")
    assert all(json.loads(line)["metadata"]["published"] is None for line in explicit.stdout.splitlines())


def test_cli_csv_export(tmp_path: Path) -> None:
    path = write(
        tmp_path / "export.csv", f'标题,正文,发布时间\n標題,"{ARTICLE.strip()}",2021-07-08\n'.encode("gbk")
    )
    result = newsctl("summary", str(path), "-f", "jsonl", "--encoding", "gbk")
    (document,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert document["id"] == f"{path}:2"
    assert (document["metadata"]["title"], document["metadata"]["published"]) == ("标题", "2021-07-08")


def test_cli_record_title_and_source_are_metadata_in_simplified(tmp_path: Path) -> None:
    # The contract shows every metadata value cleaned and in Simplified Chinese,
    # a record's own title and source included.
    path = write(
        tmp_path / "a.jsonl",
        jsonl({"id": "a", "text": TRADITIONAL, "title": "區公所 說明", "source": "青溪時報"}),
    )
    (document,) = [
        json.loads(line) for line in newsctl("summary", str(path), "-f", "jsonl").stdout.splitlines()
    ]
    assert (document["metadata"]["title"], document["metadata"]["source"]) == ("区公所 说明", "青溪时报")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--encoding", "rot13"], "not a text encoding"),
        (["--encoding", "hex"], "not a text encoding"),
        (["--encoding", "klingon"], "unknown codec"),
        (["--field", "author=by"], "unknown field"),
        (["--field", "published"], "FIELD=KEY"),
        (["--tz", "+99:99"], "from -23:59 to +23:59"),
    ],
)
def test_cli_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    result = newsctl("summary", str(path), *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr and "timedelta" not in result.stderr


def test_cli_errors_name_the_line_once(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.jsonl", jsonl({"text": ARTICLE}, '{"text": oops}'))
    result = newsctl("summary", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"newsctl: {path}:2: invalid JSON")
    assert "line 2" not in result.stderr


def test_cli_truncated_jsonl_keeps_every_record(tmp_path: Path) -> None:
    data = jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE})
    path = write(tmp_path / "cut.jsonl", data[:-10])
    result = newsctl("summary", str(path), "-f", "jsonl")
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in documents] == ["a", f"{path}:2"]
    assert "truncated" in result.stderr and result.exit_code == 1


def _newsctl_process(*args: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NEWSCTL_CACHE_DIR=str(Path(kwargs.pop("cache"))))
    return subprocess.Popen([sys.executable, "-m", "newsctl", *args], env=env, **kwargs)


def test_cli_streams_each_record_as_it_arrives(tmp_path: Path) -> None:
    """`tail -f x.jsonl | newsctl summary -f jsonl`: every result is printed while the
    input is still open, past the first 8 too (a pipe is not handed to workers by
    default: they would hold records until a chunk of 16 fills)."""
    proc = _newsctl_process(
        "summary",
        "-f",
        "jsonl",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cache=tmp_path,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for record_id in [f"record-{n}" for n in range(10)]:
            proc.stdin.write(jsonl({"id": record_id, "text": ARTICLE}))
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no output while the input stays open"
            assert json.loads(proc.stdout.readline())["id"] == record_id
    finally:
        proc.stdin.close()
        assert proc.stdout.read() == b""
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_cli_full_output_device_is_a_clear_error(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.fail("/dev/full is missing on this system")
    path = write(tmp_path / "a.txt", ARTICLE.encode())
    for fmt in ("jsonl", "table"):
        with open("/dev/full", "wb") as full:
            proc = _newsctl_process(
                "summary", str(path), "-f", fmt, stdout=full, stderr=subprocess.PIPE, cache=tmp_path
            )
            _, err = proc.communicate(timeout=120)
        assert proc.returncode == 1
        assert err.decode() == "newsctl: cannot write the output: No space left on device\n"


def test_cli_idf_corpus_reads_gzipped_jsonl_on_stdin_as_records() -> None:
    data = gzip.compress(jsonl({"id": "a", "text": ARTICLE}, {"id": "b", "text": TRADITIONAL}))
    result = newsctl("keywords", "--idf", "corpus", "-f", "jsonl", "-n", "2", stdin=data)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_cli_field_mapping_is_reported_with_the_effective_options(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"text": ARTICLE, "crawled": "2021-07-08"}))
    mapped = json.loads(newsctl("summary", str(path), "-j", "--field", "published=crawled").stdout)
    assert mapped["options"]["fields"] == {"published": "crawled"}
    assert mapped["documents"][0]["metadata"]["published"] == "2021-07-08"
    assert "fields" not in json.loads(newsctl("summary", str(path), "-j").stdout)["options"]


# ---------------------------------------------------------------------------
# property: whatever the key names and formats, one document per record, in order

_TEXT_KEYS = ("text", "content", "Body", "正文", "full-text")
_DATE_KEYS = ("published", "pubtime", "Pub Date", "publish_time", "date")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(
        st.tuples(
            st.sampled_from(_TEXT_KEYS),
            # text as articles have it: letters, digits, punctuation, spaces, line breaks
            st.text(
                st.characters(categories=["L", "N", "P", "Zs"], include_characters="\n"),
                min_size=1,
                max_size=30,
            ).filter(str.strip),
            st.sampled_from(_DATE_KEYS),
            st.dates().map(lambda d: d.isoformat()),
        ),
        min_size=1,
        max_size=6,
    ),
    kind=st.sampled_from(["jsonl", "json", "csv", "stdin"]),
)
def test_every_record_is_one_document_in_order(tmp_path: Path, records: list[Any], kind: str) -> None:
    import csv

    dicts = [
        {"id": f"r{i}", text_key: text, date_key: date}
        for i, (text_key, text, date_key, date) in enumerate(records)
    ]
    if kind == "csv":
        buffer = io.StringIO(newline="")
        columns = list(dict.fromkeys(key for record in dicts for key in record))
        writer = csv.DictWriter(buffer, fieldnames=columns)
        writer.writeheader()
        writer.writerows(dicts)
        docs = list(iter_documents([str(write(tmp_path / "p.csv", buffer.getvalue().encode()))]))
    elif kind == "json":
        docs = list(iter_documents([str(write(tmp_path / "p.json", json.dumps(dicts).encode()))]))
    elif kind == "stdin":
        docs = list(iter_documents(["-"], stdin=io.BytesIO(jsonl(*dicts))))
    else:
        docs = list(iter_documents([str(write(tmp_path / "p.jsonl", jsonl(*dicts)))]))
    assert [d.id for d in docs] == [f"r{i}" for i in range(len(records))]
    for doc, (_, text, _, date) in zip(docs, records, strict=True):
        assert (doc.text, doc.published) == (read._without_surrogates(text), date)


def test_csv_is_detected_from_its_start_and_read_as_a_stream(tmp_path: Path) -> None:
    rows = "".join(f"c{i},{ARTICLE.strip().replace(chr(10), ' ')}\n" for i in range(400))  # > 64 KB
    gbk = write(tmp_path / "gbk.csv", ("id,content\n" + rows).encode("gbk"))
    docs = list(iter_documents([str(gbk)]))
    assert len(docs) == 400 and all(d.error is None and d.encoding == "gbk" for d in docs)
    # a row the detected codec does not fit is one decode_error; the rows around it are read
    late = ("id,content\n" + rows).encode() + "c400,好\n".encode("gbk") + b"c401,ok\n"
    docs = list(iter_documents([str(write(tmp_path / "late.csv", late))]))
    assert [d.error is None for d in docs] == [True] * 400 + [False, True]
    assert_error(docs[400], "decode_error")
    assert "check --encoding" in docs[400].error.message and docs[400].line == 402


def test_cli_directory_walk_reads_ndjson_and_named_json_arrays_and_tsv(tmp_path: Path) -> None:
    write(tmp_path / "corpus" / "a.ndjson", jsonl({"id": "n1", "text": ARTICLE}))
    write(tmp_path / "corpus" / "b.txt", ARTICLE.encode())
    write(tmp_path / "corpus" / "meta.json", b'{"version": 2}')  # not read in a walk
    array = write(
        tmp_path / "array.json", json.dumps([{"id": "j1", "body": ARTICLE}], ensure_ascii=False).encode()
    )
    tsv = write(tmp_path / "t.tsv", f"guid\tcontent\nt1\t{ARTICLE.strip().replace(chr(10), ' ')}\n".encode())
    result = newsctl("summary", str(tmp_path / "corpus"), str(array), str(tsv), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["n1", str(tmp_path / "corpus" / "b.txt"), "j1", "t1"]


def test_cli_encoding_for_a_gbk_jsonl(tmp_path: Path) -> None:
    path = write(tmp_path / "gbk.jsonl", jsonl({"id": "g", "text": ARTICLE}).decode().encode("gbk"))
    for args in ([], ["--encoding", "gbk"]):
        result = newsctl("summary", str(path), "-f", "jsonl", *args)
        (document,) = [json.loads(line) for line in result.stdout.splitlines()]
        assert (document["id"], document["encoding"]) == ("g", "gbk")
    wrong = newsctl("summary", str(path), "-f", "jsonl", "--encoding", "big5")
    assert wrong.exit_code == 1 and "[decode_error]" in wrong.stderr


def test_control_characters_in_utf8_are_not_read_as_wide_text() -> None:
    # no NUL byte: not UTF-16/32, whatever a detector makes of it
    data = "六0\x1f0\x1f\x17".encode()
    try:
        text, codec = decode_bytes(data)
    except read.InputError as exc:
        assert exc.code == "binary"
    else:
        assert (text, codec) == ("六0\x1f0\x1f\x17", "utf-8")
