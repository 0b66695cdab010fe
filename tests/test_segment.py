"""newsctl.segment: user dictionaries, the owned jieba/rjieba segmenters, the cache."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from newsctl.segment import Lexicon, Segmenter, parse_userdict, userdict_warnings

rjieba = pytest.importorskip("rjieba")


def test_userdict_tolerates_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_bytes("\ufeff文明创建 100 nz\r\n闪电新闻\r\n# comment\r\n\r\n工作专班 5\r\n".encode())
    words, problems = parse_userdict(path)
    assert problems == []
    assert [(w.word, w.freq, w.tag) for w in words] == [
        ("文明创建", 100, "nz"),
        ("闪电新闻", None, None),
        ("工作专班", 5, None),
    ]


def test_userdict_bad_lines_are_reported_with_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_text("好词 3 n\n坏 行 有 太多 字段\n好词二\n数字 abc 12\n", encoding="utf-8")
    words, problems = parse_userdict(path)
    assert [w.word for w in words] == ["好词", "好词二"]
    assert [p.line for p in problems] == [2, 4]
    assert userdict_warnings(path) == [f"{path}:{p.line}: {p.message}" for p in problems]


def test_userdict_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_bytes("好词\n".encode() + "坏词\n".encode("gbk") + "又一个\n".encode())
    words, problems = parse_userdict(path)
    assert [p.line for p in problems] == [2]
    assert [w.word for w in words] == ["好词", "又一个"]


def test_userdict_missing_file_is_one_warning(tmp_path: Path) -> None:
    warnings = userdict_warnings(tmp_path / "nope.txt")
    assert len(warnings) == 1 and "cannot read" in warnings[0]


def test_cache_dir_honours_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    lexicon = Lexicon()
    assert lexicon.ensure_open() > 0
    assert list(tmp_path.glob("jieba-lexicon-*.sqlite"))
    Segmenter("jieba")
    assert (tmp_path / "jieba.cache").exists()  # jieba's own prefix-dictionary cache, not /tmp


def test_lexicon_gives_dictionary_tags_and_idf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    table = Lexicon().lookup(["办公厅", "的", "不存在的词语乙丙"])
    assert table["办公厅"][0] == "n" and table["办公厅"][1] is not None
    assert table["的"][0] == "uj"
    assert table["不存在的词语乙丙"] == (None, None)


def test_lexicon_memo_stays_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    lexicon = Lexicon()
    monkeypatch.setattr(Lexicon, "MEMO_LIMIT", 3)
    assert lexicon.lookup(["办公厅", "的"])["的"][0] == "uj"
    # Overflowing the memo empties it, yet every word asked for is answered.
    table = lexicon.lookup({"办公厅", "的", "文明", "不存在的词语乙丙"})
    assert table["办公厅"][0] == "n" and table["文明"][0] is not None
    assert table["不存在的词语乙丙"] == (None, None)
    assert len(lexicon._memo) <= 4


def test_segmentation_writes_nothing(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    # jieba sets its logger to DEBUG on import; building our tokenizer must still be silent.
    # (jieba's handler keeps the stderr of its import time, so check the log records too.)
    logging.getLogger("jieba").setLevel(logging.DEBUG)
    segmenter = Segmenter("jieba")
    segmenter.cut("山东省政府办公厅全力抓实文明创建各项工作")
    Segmenter("rjieba").cut("山东省政府办公厅全力抓实文明创建各项工作")
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""
    assert not [r for r in caplog.records if r.name == "jieba"]


def test_verbose_lets_jieba_log(caplog: pytest.LogCaptureFixture) -> None:
    try:
        Segmenter("jieba", verbose=True)
        assert any("Prefix dict" in r.getMessage() for r in caplog.records if r.name == "jieba")
    finally:
        logging.getLogger("jieba").setLevel(logging.WARNING)


def test_jieba_and_rjieba_cut_ascii_joins_alike() -> None:
    text = "TPP-11与PM2.5以及BAN.DO联名,2020-05-20发布"
    assert Segmenter("rjieba").cut(text) == Segmenter("jieba").cut(text)


def test_userdict_words_are_kept_whole_by_both(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_text("抓实文明\n", encoding="utf-8")
    text = "全力抓实文明创建各项工作"
    for name in ("jieba", "rjieba"):
        segmenter = Segmenter(name, userdict=str(path))
        assert "抓实文明" in segmenter.cut(text), name
    # The user word never leaks into rjieba's shared default instance.
    assert "抓实文明" not in Segmenter("rjieba").cut(text)


def test_user_tags_win(tmp_path: Path) -> None:
    path = tmp_path / "user.txt"
    path.write_text("办公厅 nt\n", encoding="utf-8")
    assert Segmenter("rjieba", userdict=str(path)).pos("办公厅") == "nt"
    assert Segmenter("rjieba").pos("办公厅") == "n"


def test_unknown_segmenter_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown segmenter"):
        Segmenter("thulac")


def test_lexicon_build_keeps_other_installs_tables_until_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two installs sharing the user cache must not rebuild each other's table on every
    run; a table nobody has used for a month goes."""
    import os
    import time

    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    recent = tmp_path / "jieba-lexicon-other-install.sqlite"
    stale = tmp_path / "jieba-lexicon-old-install.sqlite"
    recent.write_bytes(b"")
    stale.write_bytes(b"")
    month_ago = time.time() - 31 * 24 * 3600
    os.utime(stale, (month_ago, month_ago))
    assert Lexicon().ensure_open() > 0
    assert recent.exists()
    assert not stale.exists()
