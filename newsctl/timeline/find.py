"""`find_times`: scan, parse, resolve, and attach each expression's clause."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from newsctl.region import Region
from newsctl.timeline.events import _event
from newsctl.timeline.grammar import _Parser
from newsctl.timeline.model import TimeMatch, _Cand, _safe_date, unknown_year_value
from newsctl.timeline.patterns import _CN, _title_quote_nouns
from newsctl.timeline.prefilter import _RUN_OF
from newsctl.timeline.resolve import UNKNOWN_VALUE
from newsctl.timeline.scan import _applicable, _entries, _scan_rx


def find_times(
    text: str,
    reference: dt.datetime | None,
    *,
    reference_is_publication: bool = True,
    region: Region | Callable[[], Region] | None = None,
    dateline: str | None = None,
) -> list[TimeMatch]:
    """Time expressions in `text` (cleaned Simplified Chinese), resolved against `reference`.
    `region` (newsctl.region.detect_region, or a function giving it, called only when the text
    has a bare year it decides): in a Taiwan article bare years are ROC years.  `dateline` (the
    article's, outside `text`: 新华社北京5月15日电) dates a text with no reference: a date printed
    with its year is the reference; a month and day without one start the story there, year unknown."""
    if not text:
        return []
    if reference is not None and reference.tzinfo is not None:
        reference = reference.replace(tzinfo=None)
    printed = _dateline_date(dateline) if reference is None and dateline else None
    if printed is not None and printed[0] is not None:
        reference, printed = _safe_date(printed[0], printed[1], printed[2]), None
    p = _Parser(text, reference, reference_is_publication, region)
    if printed is not None:
        p._start_on_dateline_day(printed[1], printed[2])
    s = p.s
    entries_for = _entries().for_key
    neg = p.neg
    cands: list[_Cand] = []
    pos = 0
    # every position worth a look, pair triggers included (`_scan_rx`), in one pass; a hit inside
    # an expression found before (pos moved past it) is skipped
    for m in _scan_rx().finditer(s):
        i = m.start()
        if i < pos:
            continue
        pos = i + 1
        if i:  # never start inside a number
            prev, ch = s[i - 1], s[i]
            if ch.isdigit() and (prev.isdigit() or (prev.isascii() and prev.isalpha())):
                continue
            if ch.isdigit() and prev == "." and i > 1 and s[i - 2].isdigit():
                continue  # the decimals of 291.5
            if prev in _CN and ch in _CN:
                continue
        if i in neg:
            continue
        key = s[i : i + 2]  # `_prefilter_key`, with the end of a number known from the scan
        if key[0] in _RUN_OF:  # a number (pair triggers are none)
            run_end = m.start("run_end")
            key += s[run_end : run_end + 1]
        expressions = _applicable(entries_for(key), s, i)
        if not expressions:
            continue
        c = p.parse_at(i, expressions)
        # (an empty interval, 上半秒: half of a second truncated to the second, is no time)
        empty = c is not None and c.start is not None and c.end is not None and c.end <= c.start
        if c is not None and c.e > c.s and not empty:
            cands.append(c)
            pos = p._last_end = c.e
            p._note_year_span(c)
            p._last_placed = c.start is not None or c.end is not None or c.type in ("duration", "set")
            one_day = c.start is not None and c.end is not None and c.end - c.start == _ONE_DAY
            if one_day and c.start is not None and not c.year_unknown:
                p.ctx.next_to_day = (c.e, c.start)  # one whole day (三天后), not a run of days
    if cands and any(q in s for q in _TITLE_OPEN):
        cands = [c for c in cands if c.anchor == "absolute" or not _in_title(s, c.s, c.e)]
    if cands:
        cands = [c for c in cands if not _part_of_number(s, c.s, c.e)]
    bounds = p.boundaries() if cands else []
    return [
        _time_match(
            start_offset=c.s,
            end_offset=c.e,
            type=c.type,
            value=unknown_year_value(c.value, c.year_unknown) if c.year_unknown else _value_or_unknown(c),
            start=None if c.year_unknown else c.start,
            end=None if c.year_unknown else c.end,
            granularity=c.gran,
            modifier=c.mod,
            anchor=c.anchor,
            event=_event(text, bounds, c.s, c.e),
        )
        for c in cands
    ]


#: the date of a dateline (新华社北京2019年5月15日电, 中新网大连2月21日电): year, month and day
_RX_DATELINE_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def _dateline_date(dateline: str) -> tuple[int | None, int, int] | None:
    m = _RX_DATELINE_DATE.search(dateline)
    if m is None:
        return None
    return (int(m.group(1)) if m.group(1) else None), int(m.group(2)), int(m.group(3))


def _value_or_unknown(c: _Cand) -> str | None:
    """A time left unplaced (前天（9日）, 上月14日, 20周年 with no reference date) still says what is
    unknown, as 昨天 (XXXX-XX-XX) does: never a null value."""
    if c.value is not None or c.type in ("duration", "set"):
        return c.value
    return UNKNOWN_VALUE.get(c.gran or "day", "XXXX-XX-XX")


_ONE_DAY = dt.timedelta(days=1)
_TITLE_OPEN = {"《": "》", "「": "」", "“": "”"}
_CLAUSE_MARKS = frozenset("，,。？?！!；;：:\n")


def _in_title(s: str, a: int, b: int) -> bool:
    """Is s[a:b] inside a title: 《…》, or 「…」/“…” with no clause punctuation that ends in a
    document noun (data/timewords.json `_titles`)?"""
    for opening, closing in _TITLE_OPEN.items():
        lo = s.rfind(opening, max(0, a - 40), a)
        if lo < 0 or s.rfind(closing, lo, a) >= 0:
            continue
        hi = s.find(closing, b, b + 40)
        if hi < 0 or "\n" in s[lo:hi]:
            continue
        inner = s[lo + 1 : hi]
        if opening == "《":
            return True
        if not any(ch in _CLAUSE_MARKS for ch in inner) and inner.endswith(_title_quote_nouns()):
            return True
    return False


#: after a year in brackets, the rest of a document or case number: （2018）黑06民终1085号, 〔2018〕32号
_RX_NUMBER_AFTER_YEAR = re.compile(r"\s?[)）〕\]］]\s?[\u4e00-\u9fff\dA-Za-z]{0,12}?\d+\s?号")


def _part_of_number(s: str, a: int, b: int) -> bool:
    """Is s[a:b] part of a number rather than a time: digits right before a percent sign
    (营收比重达10-15%), or a bare year in brackets that opens a document or case number?"""
    if s[b - 1].isdigit() and s.startswith(("%", "％"), b):
        return True
    return (
        b - a == 4
        and a > 0
        and s[a - 1] in "(（〔[［"
        and s[a:b].isdigit()
        and _RX_NUMBER_AFTER_YEAR.match(s, b) is not None
    )


def _time_match(**values: Any) -> TimeMatch:
    """`TimeMatch(**values)` (every field given) without the frozen dataclass's `__init__`, which
    sets each field through `object.__setattr__`: the slow part of making thousands of them."""
    match = object.__new__(TimeMatch)
    match.__dict__.update(values)
    return match
