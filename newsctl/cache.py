"""The per-user cache directory and small marshal-backed caches in it.

jieba's dictionary cache and our derived lookup tables live here instead of a
shared temp file, so two users never fight over one file and a cache survives
reboots. `NEWSCTL_CACHE_DIR` overrides the location.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "NEWSCTL_CACHE_DIR"
# Another install's version of a cached table, unused this long, is removed. Removing
# it at once made two installs sharing the user cache (two venvs, an upgrade beside
# an old version) rebuild each other's table on every run.
STALE_SECONDS = 30 * 24 * 3600


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("newsctl", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def package_dir(name: str) -> Path:
    """Where an installed package's files are, found without importing it (importing
    jieba or pypinyin costs a sixth to a quarter of a second)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def files_key(*paths: Path) -> str:
    """A cache key for tables built from these files: their sizes and mtimes."""
    parts = []
    for path in paths:
        stat = path.stat()
        parts += [stat.st_size, int(stat.st_mtime)]
    return "-".join(str(p) for p in parts)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write via a temp file and rename, so a concurrent reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_versions(keep: Path, pattern: str) -> None:
    """Remove the files matching `pattern` beside `keep` (other versions of one
    cached table) that nobody has rewritten for STALE_SECONDS."""
    stale_before = time.time() - STALE_SECONDS
    for old in keep.parent.glob(pattern):
        try:
            if old != keep and old.stat().st_mtime < stale_before:
                old.unlink()
        except OSError:
            pass


def cached_table(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Load `name` from the cache if it was built for `key`, else build and store it.

    `key` should change whenever the inputs of `build` change (a package version).
    Each key has its own file, so installs with different inputs sharing one cache
    keep their own tables. A cache that cannot be read or written is ignored: it
    only saves time.
    """
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    try:
        path = cache_dir() / f"{name}-{digest}.marshal"
    except OSError:
        return build()
    try:
        with open(path, "rb") as handle:
            stored_key, value = marshal.load(handle)
        if stored_key == key:
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        atomic_write_bytes(path, marshal.dumps((key, value)))
    except (OSError, ValueError):
        return value
    remove_stale_versions(path, f"{name}-*.marshal")
    return value
