"""Data files shipped with newsctl (word lists, patterns, tables) and their loaders.

Vocabulary lives in these files, not in code; each loader reads its file once
per process.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    return json.loads(read_text(name))


@cache
def load_word_list(name: str) -> frozenset[str]:
    """A file of one entry per line; `#` starts a comment line."""
    words = set()
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line)
    return frozenset(words)


@cache
def common_hanzi() -> frozenset[str]:
    return frozenset(read_text("common_hanzi.txt").strip())
