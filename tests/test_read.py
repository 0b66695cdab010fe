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
import threading
from pathlib import Path

import pytest

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
    assert "line 2" in docs[1].error.message
    assert docs[1].id == f"{path}:2"


@pytest.mark.parametrize(
    "record",
    [{"id": "a"}, {"id": "a", "text": 5}, {"id": "a", "text": None}, ["text"], "just a string"],
)
def test_jsonl_missing_text(tmp_path: Path, record: object) -> None:
    path = write(tmp_path / "bad.jsonl", (json.dumps(record) + "\n").encode())
    doc = read_one(path)
    assert_error(doc, "invalid_record")
    assert "line 1" in doc.error.message


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
