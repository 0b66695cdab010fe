"""Resolution helpers: durations as steps, grains of fractional counts, interval and partial values."""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from newsctl.timeline.model import _Frame
from newsctl.timewords import (
    fmt_date,
)

# ---------------------------------------------------------------------------


def lunar_year_of(d: dt.datetime) -> int:
    """Lunar year a month/festival without a year belongs to: the reference's calendar year."""
    return d.year


def _delta(total: list[float]) -> relativedelta:
    """(months, days, seconds) as one step back or forth; fractions of months and days as seconds."""
    return relativedelta(
        months=int(total[0]),
        days=int(total[1]),
        seconds=int(total[2] + (total[0] % 1) * 30 * 86400 + (total[1] % 1) * 86400),
    )


def _fine_grain(total: list[float], grain: str) -> str:
    """Resolution of 'N units ago': a fractional count resolves one grain finer (一年半前 -> month)."""
    months, days, secs = total
    if secs:
        return "second" if secs % 60 else ("minute" if secs % 3600 else "hour")
    if days:
        return "day" if float(days).is_integer() else "hour"
    if months:
        if not float(months).is_integer():
            return "day"
        return "year" if months % 12 == 0 and grain == "year" else "month"
    return grain


def _iv_value(a: dt.datetime, b: dt.datetime) -> str:
    f = (
        "%Y-%m-%dT%H:%M:%S"
        if (a.hour, a.minute, a.second) != (0, 0, 0) or (b.hour, b.minute, b.second) != (0, 0, 0)
        else "%Y-%m-%d"
    )
    return "%s/%s" % (fmt_date(a, f), fmt_date(b, f))


#: the value of a relative expression with nothing to resolve it against, by its finest part
UNKNOWN_VALUE = {
    "year": "XXXX",
    "yearsub": "XXXX",
    "month": "XXXX-XX",
    "monthsub": "XXXX-XX",
    "day": "XXXX-XX-XX",
    "weekday": "XXXX-XX-XX",
    "daypart": "XXXX-XX-XX",
    "clock": "XXXX-XX-XX",
}


def _partial_value(f: _Frame) -> str | None:
    if f.unresolved and f.mo is not None and f.gran in ("half", "quarter") and f.kinds[-1:] == ("yearsub",):
        # 今年上半年, 去年第三季度 without a reference: the year is unknown, the half or quarter is not
        return "XXXX-H%d" % (1 + f.mo // 7) if f.gran == "half" else "XXXX-Q%d" % (1 + (f.mo - 1) // 3)
    if f.mo is None and f.d is None:
        # 去年, 昨天 without a reference date: the type is kept, the value says what is unknown
        return UNKNOWN_VALUE.get(f.kinds[-1]) if f.kinds and f.unresolved else None
    y = "%04d" % f.y if f.y else "XXXX"
    if f.mo is None:
        return None
    v = "%s-%02d" % (y, f.mo)
    if f.d is not None:
        v += "-%02d" % f.d
    return v
