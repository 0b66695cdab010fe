"""The records the timeline works with: the public `TimeMatch`, and the parse frame, context and
candidate the grammar builds."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from enum import IntEnum
from typing import Any, TypeVar


@dataclass(frozen=True)
class TimeMatch:
    start_offset: int
    end_offset: int
    type: str  # date | datetime | range | duration | set
    value: str | None
    start: dt.datetime | None
    end: dt.datetime | None
    granularity: str | None
    modifier: str | None
    anchor: str  # absolute | publication | reference | context
    event: str | None

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start_offset, self.end_offset


# ---------------------------------------------------------------------------
# parse frame


class Rank(IntEnum):
    """How fine a calendar component is: a point takes its components in rising rank (a year, then
    a month, then a day …), so a component only follows coarser ones."""

    NONE = -1  # nothing parsed yet
    MARKER = 0  # a marker that narrows nothing by itself (农历)
    YEAR = 1
    YEARSUB = 2  # half, quarter, holiday, solar term
    MONTH = 3
    MONTHSUB = 4  # 上旬, 月底, 第N周
    DAY = 5
    WEEKDAY = 6
    DAYPART = 7
    CLOCK = 8


#: the rank of each component kind a frame records
RANK_OF_KIND = {
    "year": Rank.YEAR,
    "yearsub": Rank.YEARSUB,
    "month": Rank.MONTH,
    "monthsub": Rank.MONTHSUB,
    "day": Rank.DAY,
    "weekday": Rank.WEEKDAY,
    "daypart": Rank.DAYPART,
    "clock": Rank.CLOCK,
}


@dataclass
class _Frame:
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    gran: str | None = None
    y: int | None = None
    mo: int | None = None
    d: int | None = None
    lunar: bool = False
    anchor: str = "absolute"
    unresolved: bool = False
    kinds: tuple[str, ...] = ()
    weak: str | None = None  # reason the point alone is not trusted (yy year, bare 号, bare clock)
    pm: int = 0  # +1 afternoon/evening, -1 morning, 0 unknown
    part: tuple[int, int] | None = None
    mod: str | None = None
    rtype: str | None = None
    explicit_year: bool = False
    year_unknown: int = 0  # `UNKNOWN_YEAR`: the year is `STAND_IN_YEAR`; `UNKNOWN_MONTH`: the month too
    festival: bool = False  # the day is a festival's or a solar term's (春节, 新春, 清明)


@dataclass
class _Ctx:
    """What earlier expressions leave for later ones (docs/timeline.md, the anchoring model)."""

    ref: dt.datetime | None
    ref_anchor: str
    y: int | None = None
    mo: int | None = None
    d: int | None = None
    pm: int = 0
    at: int = -1  # where the expression that set y/mo/d ended
    day: dt.datetime | None = None  # the last day an expression fixed: the day a bare clock time is on
    y_unknown: int = 0  # y (and with `UNKNOWN_MONTH` mo) are stand-ins (no reference, no year in the text)
    lunar_y: tuple[int, int] | None = None  # (y, its lunar year) when a lunar date set y: 腊月…小年
    day_unknown: int = 0  # what of `day` is a stand-in
    time: dt.datetime | None = None  # the last clock time the story named: what 40分钟后 counts from
    time_at: int = -1  # where that clock time ended
    time_unknown: int = 0  # what of `time` is a stand-in
    # the day of the last day-long expression, counted ones too (三天后), and where it ended: a time
    # of day right after it, or after 的 (三天后的下午3点), is on that day
    next_to_day: tuple[int, dt.datetime] | None = None
    period: _Cand | None = None  # the last period (month, quarter, half, range): what 去年同期 shifts
    last: _Cand | None = None  # the last resolved point or range: what 届时 refers to
    year_span: _Cand | None = None  # the last year or year-long range (2022年, 过去一年): what 这一年 is
    # with no reference, the day a dateline printed without a year (中新网大连2月21日电), in
    # `STAND_IN_YEAR`: what 今天, 昨天, 上月 count from (their year unknown)
    dateline_day: dt.datetime | None = None
    # the latest full date (year, month and day) the text has given: with no reference, a month
    # whose context year would put it before that is the story's, year unknown (`_take_year`)
    reached: dt.datetime | None = None


@dataclass
class _Cand:
    s: int
    e: int
    type: str
    value: str | None
    start: dt.datetime | None
    end: dt.datetime | None
    gran: str | None
    mod: str | None
    anchor: str
    frame: _Frame | None = None
    kinds: tuple[str, ...] = field(default_factory=tuple)
    year_unknown: int = (
        0  # resolved in `STAND_IN_YEAR` (and month): reported without start, end, year (month)
    )


#: The year a month or day of the text is resolved in when neither the text nor a reference gives
#: one (5月1日下午4时57分 with no publication date): it carries the month, day and clock time to
#: later expressions (1日下午, 当天, 40分钟后) like any context, and is reported as XXXX with no start
#: and end. A leap year, so that 2月29日 is a day.
STAND_IN_YEAR = 2000
#: A day of the text with no month anywhere (21日下午9点22分 with no reference) is resolved in the
#: stand-in year's January (31 days) and reported as XXXX-XX-21T21:22.
STAND_IN_MONTH = 1
#: A clock time with no day anywhere in a story with no reference (上午9点，记者… in an undated
#: article) is resolved on the stand-in month's first day and reported as XXXX-XX-XXT09:00.
STAND_IN_DAY = 1
UNKNOWN_YEAR, UNKNOWN_MONTH, UNKNOWN_DAY = 1, 2, 3


def unknown_year_value(value: str | None, unknown: int = UNKNOWN_YEAR) -> str | None:
    """`value` of an expression resolved in `STAND_IN_YEAR`, with its years (and with
    `UNKNOWN_MONTH` its months) written XXXX (XX)."""
    if value is None:
        return None
    if unknown >= UNKNOWN_DAY:
        return _RX_VALUE_DAY.sub(r"\1XXXX-XX-XX", value)
    if unknown >= UNKNOWN_MONTH:
        return _RX_VALUE_MONTH.sub(r"\1XXXX-XX", value)
    return _RX_VALUE_YEAR.sub(r"\1XXXX", value)


_RX_VALUE_YEAR = re.compile(r"(^|/)\d{4}")
_RX_VALUE_MONTH = re.compile(r"(^|/)\d{4}(?:-\d{2})?")
_RX_VALUE_DAY = re.compile(r"(^|/)\d{4}(?:-\d{2}){0,2}")


#: Resolved times stay within four-digit years, like the years the grammar reads (22000个月前,
#: 99999周前 or a reference date in year 1 would otherwise reach back before year 1000).
MIN_YEAR = 1000


def _in_calendar(c: _Cand) -> bool:
    return (c.start is None or c.start.year >= MIN_YEAR) and (c.end is None or c.end.year >= MIN_YEAR)


_FRAME_FIELDS = frozenset(f.name for f in fields(_Frame)) | frozenset(f.name for f in fields(_Cand))


_T = TypeVar("_T", "_Frame", "_Cand")


def replace(obj: _T, **changes: Any) -> _T:
    """`dataclasses.replace` for the parser's plain dataclasses (no __post_init__, no
    init=False fields), by copying the instance dict: a frame is copied several times
    per date, and dataclasses.replace is the slow part of that."""
    if changes and not _FRAME_FIELDS.issuperset(changes):
        raise TypeError(f"unknown fields {sorted(changes.keys() - _FRAME_FIELDS)}")
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def _safe_date(y: int, m: int, d: int) -> dt.datetime | None:
    try:
        return dt.datetime(y, m, d)
    except ValueError:
        return None
