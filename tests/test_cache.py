"""The small marshal-backed table cache."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsctl.cache import STALE_SECONDS, cached_table


def test_installs_with_different_inputs_keep_their_own_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two installs sharing one cache (two venvs) must not rebuild each other's table."""
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    builds: list[str] = []

    def builder(value: str) -> Callable[[], str]:
        def build() -> str:
            builds.append(value)
            return value

        return build

    for _ in range(3):
        assert cached_table("table", "install-a", builder("a")) == "a"
        assert cached_table("table", "install-b", builder("b")) == "b"
    assert builds == ["a", "b"]


def test_another_versions_table_goes_only_once_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path))
    recent = tmp_path / "table-recentversion.marshal"
    stale = tmp_path / "table-oldversion.marshal"
    unrelated = tmp_path / "other-oldversion.marshal"
    for path in (recent, stale, unrelated):
        path.write_bytes(b"")
    long_ago = time.time() - STALE_SECONDS - 3600
    os.utime(stale, (long_ago, long_ago))
    os.utime(unrelated, (long_ago, long_ago))
    assert cached_table("table", "new", lambda: 1) == 1
    assert recent.exists() and unrelated.exists()
    assert not stale.exists()


def test_an_unwritable_cache_still_gives_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSCTL_CACHE_DIR", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a directory")
    assert cached_table("table", "key", lambda: [1, 2]) == [1, 2]
