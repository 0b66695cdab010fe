"""The kinds set: made-up news sentences, one or more per kind of time expression that issue 20
names (context anchoring, Taiwan years, ranges, first/last N, leap days, era years, compound and
remaining durations, the next hour, midnight, points vs durations, seasons and holidays, 同期,
上半年, 届时, X月中 + a word, no reference date), Simplified and Traditional, written from the
conventions before newsctl ran on them (tests/data/timeline_kinds.jsonl).

Each case runs through the whole pipeline (cleaning, region detection, spans in the source
script). An expected item has `text` (or a list of accepted texts) and any of type, value (or a
list of accepted values) and modifier, compared exactly, and start/end, compared as prefixes (or
any of a list of prefixes) of the ISO datetimes; `opt` items count neither way. Every other
expression found fails the case.
A case with `known_gap` is a kind newsctl does not read yet: expected to fail, strictly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsctl.pipeline import analyze_one_text

KINDS = Path(__file__).parent / "data" / "timeline_kinds.jsonl"


def _cases() -> list[Any]:
    cases = []
    for n, line in enumerate(KINDS.read_text(encoding="utf-8").splitlines(), 1):
        case = json.loads(line)
        gap = case.get("known_gap")
        marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
        cases.append(pytest.param(case, id=f"{case['kind']}:{n}", marks=marks))
    return cases


def _agrees(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    bad = []
    for key, value in want.items():
        if key in ("text", "opt"):
            continue
        have = got.get(key)
        if key in ("start", "end") and value is not None:
            prefixes = tuple(value) if isinstance(value, list) else (value,)
            ok = isinstance(have, str) and have.startswith(prefixes)
        elif isinstance(value, list):
            ok = have in value
        else:
            ok = have == value
        if not ok:
            bad.append(f"{got['text']}: {key}={have!r}, want {value!r}")
    return bad


def misreadings(case: dict[str, Any]) -> list[str]:
    """What the pipeline gets wrong in one case: [] when it reads the case as expected."""
    extra = {"source": case["source"]} if case.get("source") else {}
    found = analyze_one_text(case["text"], published=case["ref"], **extra).to_dict()["timeline"]
    bad: list[str] = []
    used: set[int] = set()
    for want in case["expect"]:
        texts = want["text"] if isinstance(want["text"], list) else [want["text"]]
        hits = [i for i, got in enumerate(found) if got["text"] in texts and i not in used]
        if not hits:
            if not want.get("opt"):
                bad.append(f"missing {texts[0]}")
            continue
        used.add(hits[0])
        if not want.get("opt"):
            bad += _agrees(want, found[hits[0]])
    bad += [f"extra {got['text']} = {got['value']}" for i, got in enumerate(found) if i not in used]
    return bad


def test_kinds_set_is_varied() -> None:
    cases = [c for c in (json.loads(x) for x in KINDS.read_text(encoding="utf-8").splitlines())]
    kinds = {c["kind"] for c in cases}
    assert len(kinds) >= 17 and all(sum(c["kind"] == k for c in cases) >= 3 for k in kinds)


@pytest.mark.parametrize("case", _cases())
def test_kind(case: dict[str, Any]) -> None:
    assert misreadings(case) == [], case["text"]
