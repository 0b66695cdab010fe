"""Calendar helpers for newsctl.timeline: grains, TIMEX values, lunar dates, solar terms (numerals are
read by newsctl.numerals)."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import Any

from dateutil.relativedelta import relativedelta

CN_NUM = "零〇一二两三四五六七八九十廿卅百千"

GRAIN_ORDER = {
    "second": 0,
    "minute": 1,
    "hour": 2,
    "day": 3,
    "week": 4,
    "month": 5,
    "quarter": 6,
    "half": 7,
    "year": 8,
}


# The calendar helpers below are pure and called several times per time expression, mostly on the
# same few dates (publication days, their years and months): their results are cached.
_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=_CACHE_SIZE, typed=True)
def trunc(d: dt.datetime, grain: str) -> dt.datetime:
    if grain == "year":
        return dt.datetime(d.year, 1, 1)
    if grain == "half":
        return dt.datetime(d.year, 1 if d.month <= 6 else 7, 1)
    if grain == "quarter":
        return dt.datetime(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if grain == "month":
        return dt.datetime(d.year, d.month, 1)
    if grain == "week":
        day = dt.datetime(d.year, d.month, d.day)
        return day - dt.timedelta(days=day.weekday())
    if grain == "day":
        return dt.datetime(d.year, d.month, d.day)
    if grain == "hour":
        return d.replace(minute=0, second=0, microsecond=0)
    if grain == "minute":
        return d.replace(second=0, microsecond=0)
    return d.replace(microsecond=0)


def _add_months(d: dt.datetime, months: int) -> dt.datetime:
    """`d + relativedelta(months=months)` without building a relativedelta: the day is
    clamped to the end of a shorter month, and a year outside 1-9999 is a ValueError."""
    year, month = divmod(d.year * 12 + d.month - 1 + months, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    day = d.day if d.day <= 28 else min(d.day, calendar.monthrange(year, month + 1)[1])
    return d.replace(year=year, month=month + 1, day=day)


_MONTHS_PER = {"year": 12, "half": 6, "quarter": 3, "month": 1}


@functools.lru_cache(maxsize=_CACHE_SIZE, typed=True)
def add_grain(d: dt.datetime, grain: str, n: int = 1) -> dt.datetime:
    months = _MONTHS_PER.get(grain)
    if months is not None:
        if type(n) is int:
            return _add_months(d, months * n)
        # anything but an int goes through relativedelta, as it always has (and fails as it did)
        shifted: dt.datetime = d + (
            relativedelta(years=n) if grain == "year" else relativedelta(months=months * n)
        )
        return shifted
    if grain == "week":
        return d + dt.timedelta(weeks=n)
    if grain == "day":
        return d + dt.timedelta(days=n)
    if grain == "hour":
        return d + dt.timedelta(hours=n)
    if grain == "minute":
        return d + dt.timedelta(minutes=n)
    return d + dt.timedelta(seconds=n)


#: the patterns the parser formats with, as %-templates over (year, month, day, hour, minute, second)
_DATE_TEMPLATES = {
    "%Y-%m-%d": "%04d-%02d-%02d",
    "%Y-%m": "%04d-%02d",
    "%Y-%m-%dT%H": "%04d-%02d-%02dT%02d",
    "%Y-%m-%dT%H:%M": "%04d-%02d-%02dT%02d:%02d",
    "%Y-%m-%dT%H:%M:%S": "%04d-%02d-%02dT%02d:%02d:%02d",
}


def fmt_date(d: dt.datetime, pattern: str) -> str:
    """`d.strftime(pattern)` with the year always four digits (strftime gives `1-01-01` for year 1)."""
    template = _DATE_TEMPLATES.get(pattern)
    if template is not None:  # the common patterns without strftime, which is slow
        fields = (d.year, d.month, d.day, d.hour, d.minute, d.second)
        return template % fields[: template.count("%")]
    return d.strftime(pattern.replace("%Y", "%04d" % d.year))


def grain_interval(d: dt.datetime, grain: str) -> tuple[dt.datetime, dt.datetime, str]:
    a = trunc(d, grain)
    return a, add_grain(a, grain), grain


@functools.lru_cache(maxsize=_CACHE_SIZE, typed=True)
def timex_value(a: dt.datetime | None, b: dt.datetime | None, grain: str | None) -> str | None:
    """TIMEX3-like value of [a, b) at `grain`; an interval that is not one calendar unit is 'a/b'."""
    if a is None:
        return None
    if grain is None or b is None:
        return fmt_date(a, "%Y-%m-%d")
    exact = b == add_grain(trunc(a, grain), grain) and a == trunc(a, grain)
    if not exact:
        f = (
            "%Y-%m-%d"
            if (a.hour, a.minute, a.second, b.hour, b.minute, b.second) == (0,) * 6
            else "%Y-%m-%dT%H:%M"
        )
        return "%s/%s" % (fmt_date(a, f), fmt_date(b, f))
    if grain == "year":
        return "%04d" % a.year
    if grain == "half":
        return "%04d-H%d" % (a.year, 1 if a.month <= 6 else 2)
    if grain == "quarter":
        return "%04d-Q%d" % (a.year, (a.month - 1) // 3 + 1)
    if grain == "month":
        return fmt_date(a, "%Y-%m")
    if grain == "week":
        y, w, _ = a.isocalendar()
        return "%04d-W%02d" % (y, w)
    if grain == "day":
        return fmt_date(a, "%Y-%m-%d")
    if grain == "hour":
        return fmt_date(a, "%Y-%m-%dT%H")
    if grain == "minute":
        return fmt_date(a, "%Y-%m-%dT%H:%M")
    return fmt_date(a, "%Y-%m-%dT%H:%M:%S")


def _n(x: float) -> str:
    return ("%.4f" % x).rstrip("0").rstrip(".")


def fmt_duration(months: float, days: float, secs: float) -> str:
    """(months, days, seconds) -> ISO 8601 duration ('P3Y', 'P1M15D', 'PT1H30M')."""
    out = "P"
    if months:
        out += (
            "%sY" % _n(months / 12)
            if months % 12 == 0 or (months / 12) % 0.5 == 0 and months > 12
            else ("%sM" % _n(months))
        )
    if days:
        out += "%sW" % _n(days / 7) if days % 7 == 0 and not months else "%sD" % _n(days)
    if secs:
        h, rem = divmod(secs, 3600)
        m, s = divmod(rem, 60)
        out += "T"
        if h:
            out += "%sH" % _n(h)
        if m:
            out += "%sM" % _n(m)
        if s:
            out += "%sS" % _n(s)
    return out if out != "P" else "PT0S"


@functools.cache
def _lunar() -> Any:  # lunardate ships no type information: the LunarDate class
    from lunardate import LunarDate  # deferred: only lunar expressions need it

    return LunarDate


def lunar_to_solar(y: int, m: int, d: int, leap: bool) -> dt.datetime | None:
    try:
        sd = _lunar()(y, m, d, leap).to_solar_date()
    except (ValueError, IndexError, TypeError):
        return None
    return dt.datetime(sd.year, sd.month, sd.day)


# 21st-century constants of the 寿星 formula for the 24 solar terms: (month, C)
_TERMS = {
    "小寒": (1, 5.4055),
    "大寒": (1, 20.12),
    "立春": (2, 3.87),
    "雨水": (2, 18.73),
    "惊蛰": (3, 5.63),
    "春分": (3, 20.646),
    "清明": (4, 4.81),
    "谷雨": (4, 20.1),
    "立夏": (5, 5.52),
    "小满": (5, 21.04),
    "芒种": (6, 5.678),
    "夏至": (6, 21.37),
    "小暑": (7, 7.108),
    "大暑": (7, 22.83),
    "立秋": (8, 7.5),
    "处暑": (8, 23.13),
    "白露": (9, 7.646),
    "秋分": (9, 23.042),
    "寒露": (10, 8.318),
    "霜降": (10, 23.438),
    "立冬": (11, 7.438),
    "小雪": (11, 22.36),
    "大雪": (12, 7.18),
    "冬至": (12, 21.94),
}


# The years of this century where the formula misses the astronomical date by a
# day (the formula's published list of exceptions).
_FORMULA_EXCEPTIONS = {
    (2002, "立秋"): 1,
    (2008, "小满"): 1,
    (2016, "小暑"): 1,
    (2019, "小寒"): -1,
    (2021, "冬至"): -1,
    (2026, "雨水"): -1,
    (2082, "大寒"): 1,
    (2084, "春分"): 1,
    (2089, "霜降"): 1,
    (2089, "立冬"): 1,
}


def solar_term(year: int, name: str) -> dt.datetime | None:
    if name not in _TERMS or not 2000 <= year <= 2099:
        return None
    month, c = _TERMS[name]
    y = year % 100
    leap_corr = (y - 1) // 4 if month <= 2 else y // 4
    day = int(y * 0.2422 + c) - leap_corr + _FORMULA_EXCEPTIONS.get((year, name), 0)
    try:
        return dt.datetime(year, month, day)
    except ValueError:
        return None
