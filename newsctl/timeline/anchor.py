"""The anchoring model: what a partial expression takes, and from where.

A partial expression (5月, 22日, 上午11时许, 当天, 次日, 全年, 40分钟后) leaves out a year, a month or
a day, and takes it from the reference (the publication date), from the context (the last
expression the story placed, `_Ctx`), or from nothing (unresolved).  The rules are those of
docs/timeline.md, "The anchoring model"; `Anchoring` holds them, and the parser (`grammar._Parser`)
inherits them: it recognises components and asks these methods what the missing parts are.

- `_context_applies`, `_same_sentence`: may the context be used here (same clause, same sentence);
- `_take_year`, `_take_month`, `_take_day`: the year of a month, season or festival, the month
  of a day, the day of a time of day; `_lunar_year` of a lunar month or day, `_month_of_part` of
  上半月 or 月底 alone; `_half_of_day` of a bare clock hour;
- `_rel_base`: the base of a relative word: the reference (今天, 去年: `_reference_base`), the
  story's last day, month or year (当天, 次日, 同年: `_story_base`), the clause's year (全年), the
  sentence's year (当年);
- `_day_reached`, `_first_day_of_count`: the day of 进入第N天 and the day 第N天 counts from;
- `_take_festival_year`, `_festival_year`: which year's festival a festival without a year is;
- `taiwan`, `_is_roc_year`, `roc_year`: whether a bare year of a Taiwan article counts from 1912;
- `_two_digit_year`, `_decade_century`: the century of a 2-digit year, of a decade;
- `nearest_leap_year`: the year of 2月29日 without one;
- `_now_interval`, `_now_end`, `_since_end_now`, `_since_end`: what 'now' is, and where 'until
  now', 'since X' and 'from X on' end; `_is_deadline`: when 'before X' runs from now;
- `_weekend_of`: the weekend of 上周末, 本周末;
- `_after_last_clock`, `_after_last_daypart`: what '40分钟后' opening a clause counts from;
- `_time_ahead`, `_last_period`: what 届时 and 去年同期 refer to;
- `_restated_date`, `_restated_day`: the date a relative day restates in parentheses
  (今天（6月2日）, 昨（30）日); `_fix_day`, `_fix_year`: what it leaves as the context;
- `_left_side_as_context`, `_restore_context`: a range's left side as the context of its right side;
- `_update_last`: what 届时 and 去年同期 will refer to;
- `_update_ctx`: what a placed expression leaves as the context for those after it (not a year
  that names a report: `_names_report`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from newsctl.region import Region
from newsctl.timeline.model import (
    STAND_IN_DAY,
    STAND_IN_MONTH,
    STAND_IN_YEAR,
    UNKNOWN_DAY,
    UNKNOWN_MONTH,
    UNKNOWN_YEAR,
    _Cand,
    _Ctx,
    _Frame,
    _safe_date,
)
from newsctl.timeline.patterns import _BOUNDARY
from newsctl.timeline.resolve import lunar_year_of
from newsctl.timewords import GRAIN_ORDER, add_grain, grain_interval, lunar_to_solar, trunc

#: the digits of a day opening an expression (接着13日)
_RX_LEAD_DAY = re.compile(r"\d{1,2}(?=\s?[日号])")

#: a month right after a year word (当年9月, 当年十二月)
_RX_MONTH_NEXT = re.compile(r"(?:\d{1,2}|十[一二]|[一二三四五六七八九十])月")


@functools.cache
def _speech_day_rx(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """From a day to a clause it introduces: a short stretch of its own clause ending in a verb of
    saying (and a bracket closing the day's gloss), the clause mark, a few characters (得州在)."""
    alternation = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))
    inside = r"[^，,。；;！!？?：:\n]"
    return re.compile(rf"{inside}{{0,12}}?(?:{alternation})[）)]?[，,：:]{inside}{{0,6}}")


#: one period back, as `add_grain` takes it
_ONE_BACK = {"year": ("year", -1), "quarter": ("month", -3), "month": ("month", -1), "week": ("week", -1)}

#: where a sentence ends: a year named before it does not date what comes after
_SENTENCE_ENDS = "。！!？?\n\r"
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")

#: what may open a clause before '40分钟后' that counts from the last clock time
_RX_CLAUSE_OPENING = re.compile(r"\s*(?:约|大约|大概|仅|不到|又|再|过了|又过了|仅过了|没过|经过|仅仅)?\s*")


#: what may open a clause before 'N天后' that counts from the story's last time
_RX_STORY_OPENING = re.compile(
    r"\s*(?:但|但是|可|可是|不料|没想到|沒想到|谁知|誰知|直到|短短|仅|僅|仅仅|又|而|然而|约|大约)?\s*"
)


#: a year of the Republic of China plus this is the Gregorian year (民国1年 is 1912)
ROC_EPOCH = 1911

#: the year that stands in for the reference's when judging years without one (ROC years, 2-digit years)
NO_REFERENCE_YEAR = 2030


def roc_year(n: int) -> int:
    """The Gregorian year of year `n` of the Republic of China (民国106年, Taiwan's 106年: 2017)."""
    return ROC_EPOCH + n


#: the fields of the context a range's left side stands in for while its right side is parsed
_SavedContext = tuple[int | None, int | None, int | None, int, int, dt.datetime | None, int, int]


def _occurrences(s: str, words: list[str]) -> list[int]:
    """Where each of `words` (not empty) begins in `s`, each word's occurrences not overlapping
    one another (as `re.finditer` of the word finds them), in no particular order."""
    found = []
    for w in words:
        at = s.find(w)
        while at >= 0:
            found.append(at)
            at = s.find(w, at + len(w))
    return found


def nearest_leap_year(year: int) -> int:
    """The leap year closest to `year`, the earlier of two as close (leap years are at most 8 apart)."""
    return min((y for y in range(year - 4, year + 5) if calendar.isleap(y)), key=lambda y: abs(y - year))


class Anchoring:
    """The anchoring rules, as methods of the parser (a mixin): they read the parser's state
    (the text, the reference, the context, where the expression being parsed begins)."""

    s: str
    n: int
    ref: dt.datetime | None
    ctx: _Ctx
    v: dict[str, Any]
    here: int
    _last_end: int
    _last_placed: bool
    _boundaries: list[int] | None
    _coming_marks: list[int] | None
    _story_year_said: bool | None
    _region: Region | Callable[[], Region] | None

    @functools.cached_property
    def taiwan(self) -> bool:
        """A Taiwan article: bare years are years of the Republic of China, 第2季 a quarter.  The
        region is asked for (and detected, when given as a function) only when the text has such
        an expression."""
        region = self._region() if callable(self._region) else self._region
        return region is not None and region.roc_years

    def boundaries(self) -> list[int]:
        """Where the clause boundaries (，。；！？ and line ends) of the text are, in order."""
        if self._boundaries is None:
            self._boundaries = list(map(re.Match.start, _BOUNDARY.finditer(self.s)))
        return self._boundaries

    def _context_applies(self) -> bool:
        """May a partial expression here take its year or month from the context?  Only from an
        expression in the same clause (or a list within it: 3月、4月); across a clause boundary it
        takes them from the reference (the publication), and from the context only without one."""
        c = self.ctx
        if c.ref is None:
            return True
        bounds = self.boundaries()
        k = bisect_left(bounds, c.at)
        return k >= len(bounds) or bounds[k] >= self.here

    def _narrative_day(self, f: _Frame) -> bool:
        """7月5日开始，接着13日…: a bare day opening the next clause of the same sentence right after a
        narrative link (`narrative_links`) continues the story of the full date in the clause before,
        when it is later in that month."""
        c = self.ctx
        day = _RX_LEAD_DAY.match(self.s, self.here)
        if c.d is None or day is None or int(day.group()) <= c.d or c.y_unknown or f.mo is not None:
            return False
        bounds = self.boundaries()
        k = bisect_left(bounds, c.at)
        if k >= len(bounds) or self.s[bounds[k]] not in "，," or bounds[k] >= self.here:
            return False
        if k + 1 < len(bounds) and bounds[k + 1] < self.here:
            return False  # more than one clause between
        return self.s[bounds[k] + 1 : self.here] in self.v["narrative_links"]

    def _same_sentence(self) -> bool:
        """Was the context set in the sentence this expression is in (only ，； between)?"""
        bounds = self.boundaries()
        k = bisect_left(bounds, self.ctx.at)
        while k < len(bounds) and bounds[k] < self.here:
            if self.s[bounds[k]] not in "，,；;":
                return False
            k += 1
        return True

    def _take_year(self, f: _Frame, stand_in: bool) -> bool:
        """The year of a month, season or festival (5月, 第二季度, 6月上旬): the context's when set in
        the same clause (2018年3月住院、4月出院), else the reference's; with neither, a stand-in
        year when `stand_in` (a month of the text), else unresolved.  False when it has none."""
        if f.y is not None:
            return True
        c = self.ctx
        if c.y is not None and self._context_applies():
            if self._before_story_reached(f):
                f.y, f.year_unknown = STAND_IN_YEAR, UNKNOWN_YEAR
                return True
            f.y, f.year_unknown = c.y, min(c.y_unknown, UNKNOWN_YEAR)  # the month is the frame's
            if not c.y_unknown:  # a stand-in year is no anchor: the month is the text's own
                f.anchor = "context"
            return True
        if c.ref is not None:
            f.y, f.anchor = c.ref.year, c.ref_anchor
            if f.mo is not None and f.mo < c.ref.month and self._clause_looks_to_coming_months():
                f.y += 1  # 将于1月举行 in a November article: the coming January, not the past one
            return True
        if stand_in:  # a month of the text with no year anywhere: a stand-in year
            f.y, f.year_unknown = STAND_IN_YEAR, UNKNOWN_YEAR
            return True
        f.unresolved = True
        return False

    def _clause_looks_to_coming_months(self) -> bool:
        """Does the clause before the expression being parsed look ahead (将于, 接下来, 预计:
        data/timewords.json `coming_month_markers`), so that a bare month already past this year
        is next year's?"""
        marks = self._coming_marks
        if marks is None:  # where the markers stand, found once per text
            marks = self._coming_marks = sorted(_occurrences(self.s, self.v["coming_month_markers"]))
        k = bisect_left(marks, self.here) - 1  # the last marker before the expression
        return k >= 0 and marks[k] >= self._clause_start(max(0, self.here - 40), self.here)

    def _before_story_reached(self, f: _Frame) -> bool:
        """With no reference, would the year of an earlier sentence's bare year (已于2014年停产)
        put month `f.mo` before a full date the text has already given (2015年5月25日申请执行)?
        Then the year is the story's, not that background year's: unknown rather than guessed."""
        c = self.ctx
        return (
            c.ref is None
            and c.reached is not None
            and c.mo is None
            and not c.y_unknown
            and f.mo is not None
            and c.y is not None
            and (c.y, f.mo) < (c.reached.year, c.reached.month)
            and not self._same_sentence()
        ) or (
            c.ref is None
            and c.mo is None
            and not c.y_unknown
            and f.mo is not None
            and self._says_story_year()
            and not self._same_sentence()
        )

    def _says_story_year(self) -> bool:
        """Does an undated text name its own year only relatively (今年, 去年, 明年, 本年:
        `story_year_words`)?  Then that year is unknown, and a bare month of a sentence without a
        year of its own (2018年GDP增长…。5月18日，…今年…) is in it: unknown too, not in the year
        a background sentence named (one article, one anchoring: docs/timeline.md)."""
        said = self._story_year_said
        if said is None:
            said = self._story_year_said = any(w in self.s for w in self.v["story_year_words"])
        return said

    def _take_month(self, f: _Frame) -> bool:
        """The month (and year) of a day (22日): the context's when set in the same clause, else the
        reference's; with neither, stand-ins for a bare day.  A day after a month takes only the
        year (`_take_year`).  False when it has none (2019年5日 is no date)."""
        if f.mo is not None and f.y is not None:
            return True
        if f.mo is not None:  # month known, year missing
            return self._take_year(f, True)
        if f.y is not None and f.mo is None and "year" in f.kinds:
            return False  # "2019年5日" is not a date
        c = self.ctx
        if c.mo is not None and c.y is not None and (self._context_applies() or self._narrative_day(f)):
            f.y, f.mo, f.anchor, f.year_unknown = c.y, c.mo, "context", c.y_unknown
            return True
        if c.ref is not None:
            f.y, f.mo, f.anchor = c.ref.year, c.ref.month, c.ref_anchor
            return True
        if f.y is None and "day" in f.kinds[-1:]:  # 21日 with no month anywhere: stand-ins
            f.y, f.mo, f.year_unknown = STAND_IN_YEAR, STAND_IN_MONTH, UNKNOWN_MONTH
            return True
        f.unresolved = True
        return False

    def _lunar_year(self, y: int, placed: bool) -> int:
        """The year of a lunar month or day: `y` when a year was named or taken from the context
        (`placed`), else the reference's lunar year."""
        ref = self.ctx.ref
        if not placed and ref is not None:
            return lunar_year_of(ref)
        return y

    def _month_of_part(self, nf: _Frame) -> int | None:
        """The month of 上半月, 月底 … standing alone (its year taken by `_take_year`): the context's
        when the year came from it, else the reference's; None with neither."""
        ctx = self.ctx
        mo = nf.mo or (ctx.mo if nf.anchor == "context" and ctx.mo else None)
        if mo is None and ctx.ref is not None:
            mo = ctx.ref.month
        return mo

    def _half_of_day(self, h: int) -> int:
        """The half of the day of a bare clock hour h (< 12) with no part of day before it: the
        context's afternoon (a range's left side: 下午3点到5点), or the evening of the paragraph's
        last clock time when it is at most three hours on (`_evening_goes_on`); else 0 (as
        written).  Values as `_Frame.pm`."""
        pm = self.ctx.pm
        if pm:
            return pm
        return 1 if self._evening_goes_on(h) else 0

    def _evening_goes_on(self, h: int) -> bool:
        """Is a bare clock hour h (< 12) the same afternoon or evening as the paragraph's last clock
        time, at most three hours after it (下午9点24分…于9点38分恢复)?"""
        c = self.ctx
        return (
            c.time is not None
            and c.time.hour >= 12
            and 0 <= h + 12 - c.time.hour <= 3
            and "\n" not in self.s[c.time_at : self.here]
        )

    def _take_day(self, f: _Frame) -> bool:
        """The day of a time of day (上午11时许, 晚上): the last day the story fixed, wherever it is;
        the reference day when nothing precedes it in the text; in a story that named times but no
        day, unresolved (anchor context).  True as well when the frame already has its day."""
        if (
            f.start is not None
            and f.gran in ("day", "hour", "minute", "second")
            or (f.start is not None and f.part is not None)
        ):
            return True
        if f.d is not None and f.mo is not None and f.y is not None:
            return True
        if any(k not in ("daypart", "clock") for k in f.kinds):
            return f.start is not None and GRAIN_ORDER.get(f.gran or "", 9) <= GRAIN_ORDER["day"]
        c = self.ctx
        if c.next_to_day is not None and c.ref is not None and self._joined_to(c.next_to_day[0]):
            day = c.next_to_day[1]  # 三天后的下午3点: on the day just named, counted or not
            f.y, f.mo, f.d, f.anchor = day.year, day.month, day.day, "context"
            f.start, f.end, f.gran = grain_interval(day, "day")
            return True
        if c.day is not None:  # a clock time is on the day the story last fixed
            f.y, f.mo, f.d, f.anchor = c.day.year, c.day.month, c.day.day, "context"
            f.year_unknown = c.day_unknown
            f.start, f.end, f.gran = grain_interval(c.day, "day")
            return True
        if c.ref is not None and self._last_end < 0:  # nothing before it: the report's day
            r = c.ref
            f.y, f.mo, f.d, f.anchor = r.year, r.month, r.day, c.ref_anchor
            f.start, f.end, f.gran = grain_interval(dt.datetime(r.year, r.month, r.day), "day")
            return True
        if c.ref is not None:
            # a story that named times but no day (今年4月复发…记者晚上9点多访视): the day
            # of a bare part of day or clock time is not known, and not the publication's
            f.unresolved, f.anchor, f.rtype = True, "context", "datetime"
            return False
        if f.kinds and set(f.kinds) <= {"daypart", "clock"}:
            # no reference and no day anywhere before it (上午9点，记者… in an undated article): the
            # clock time is still the text's own, on a day written XXXX-XX-XX
            f.y, f.mo, f.d, f.year_unknown = STAND_IN_YEAR, STAND_IN_MONTH, STAND_IN_DAY, UNKNOWN_DAY
            f.start, f.end, f.gran = grain_interval(dt.datetime(f.y, f.mo, f.d), "day")
            return True
        f.unresolved = True
        return False

    def _joined_to(self, end: int) -> bool:
        """Does the expression being parsed follow the one that ended at `end` directly, or after 的?"""
        return self.here == end or (self.here == end + 1 and self.s[end] == "的")

    def _now_end(self) -> dt.datetime | None:
        """Where 'until now' ends: the end of the reference day when the reference has no time of
        day (截至目前 in an article of 6月2日 includes 6月2日), else the reference itself."""
        ref = self.ctx.ref
        if ref is None or ref != trunc(ref, "day"):
            return ref
        return ref + dt.timedelta(days=1)

    def _rel_base(self, f: _Frame, off: int | str, grain: str) -> dt.datetime | None:
        """Base datetime for a relative word: story-relative ('ctx', 'ctx+1': `_story_base`),
        reference-relative (an int: `_reference_base`), or 'near' (全年) and 'sentence' (当年),
        which choose between the two."""
        if off == "near":  # 全年: the year the clause is about, else the reference's
            c = self.ctx
            off = "ctx" if c.y is not None and (c.ref is None or self._same_sentence()) else 0
        if off == "sentence":  # 当年: that same year when the sentence named one, else 'back then'
            # 当年9月 after a dated sentence (2019年6月3日，他被捕。当年9月…) is the story's year, as 同年 is
            of_month = _RX_MONTH_NEXT.match(self.s, self.here + 2) is not None
            if self.ctx.y is None or not (self._same_sentence() or of_month):
                f.unresolved, f.anchor = True, "context"
                return None
            off = "ctx"
        if isinstance(off, str):
            return self._story_base(f, off, grain)
        return self._reference_base(f, off, grain)

    def _story_base(self, f: _Frame, off: str, grain: str) -> dt.datetime | None:
        """A narrative-time word (当天, 当晚, 次日, 隔月, 同年 …; `off` 'ctx' or 'ctx+N'): the
        story's last day, month or year, wherever it is, N `grain`s on; the reference only when
        nothing precedes it in the text; else unresolved, never the publication's."""
        c = self.ctx
        k = 0
        if off.startswith("ctx") and len(off) > 3:
            k = int(off[3:])
        base = None
        if grain == "day" and c.next_to_day is not None and self._joined_to(c.next_to_day[0]):
            base, f.anchor = c.next_to_day[1], "context"  # 中秋节当天, 5月1日的次日: that day
        elif grain == "year" and c.y is not None:
            base, f.anchor = dt.datetime(c.y, 1, 1), "context"
        elif grain == "month" and c.y is not None and c.mo is not None:
            base, f.anchor = dt.datetime(c.y, c.mo, 1), "context"
        elif grain in ("day", "week") and c.day is not None:
            # the last day the story fixed, even when a year or month was named since
            # (5月17日…今年是建交75周年…当日)
            base, f.anchor = c.day, "context"
        if base is not None and grain == "day" and self._after_unplaced(f):
            base = None  # 端午节那天 with 端午节 not placed: that day is not known either
        if base is None and c.ref is not None and self._last_end < 0:
            # nothing in the text before it: the story's time is the report's (当晚十时,
            # 次日 opening a wire story), the reference
            base, f.anchor = c.ref, c.ref_anchor
        if base is None:
            # 当晚, 次日, 隔月, 同年 tell the story's own time: when the story has named
            # times but not this one, they stay unresolved, never the publication's
            f.unresolved, f.anchor = True, "context"
            return None
        f.year_unknown = (
            c.day_unknown
            if grain in ("day", "week")
            else (c.y_unknown if grain == "month" else min(c.y_unknown, UNKNOWN_YEAR))
        )
        return add_grain(trunc(base, grain), grain, k)

    def _reference_base(self, f: _Frame, off: int, grain: str) -> dt.datetime | None:
        """A deictic word (今天, 去年, 下个月): the reference's `grain`, `off` of them on;
        unresolved without a reference."""
        c = self.ctx
        if c.ref is None and c.dateline_day is not None and grain in ("day", "week", "month"):
            # 昨天 in a story whose dateline says 2月21日电 but no year: 20 February, year unknown
            f.anchor, f.year_unknown = "context", UNKNOWN_YEAR
            return add_grain(trunc(c.dateline_day, grain), grain, off)
        if c.ref is None:
            f.unresolved = True
            return None
        f.anchor = c.ref_anchor
        return add_grain(trunc(c.ref, grain), grain, off)

    def _day_in_sentence(self) -> bool:
        """Did the sentence this expression is in fix a day before it?"""
        c = self.ctx
        return c.day is not None and c.at >= 0 and self._same_sentence()

    def _day_reached(self, nf: _Frame, dated_here: bool) -> dt.datetime | None:
        """The day of 进入第N天 (the count an event has reached): the day its sentence is about
        (`dated_here`), else the reference's; None without either."""
        c = self.ctx
        if dated_here:
            assert c.day is not None
            nf.anchor, nf.year_unknown = "context", c.day_unknown
            return c.day
        if c.ref is not None:
            nf.anchor = c.ref_anchor
            return c.ref
        return None

    def _first_day_of_count(self, nf: _Frame, dated_here: bool) -> dt.datetime | None:
        """The first day 第N天 counts from: the day its sentence fixed (`dated_here`), or the
        reference's when nothing precedes it in the text.  A 第N天 in a story whose sentence named
        no day counts within an event whose start is unknown here: None, `nf` unresolved."""
        if self._last_end >= 0 and not dated_here:
            # 第3天 in a story, its first day not named in the sentence: not an offset from the
            # publication or a far date
            nf.unresolved, nf.anchor = True, "context"
            return None
        return self._rel_base(nf, "ctx", "day")

    def _after_unplaced(self, f: _Frame) -> bool:
        """Does the day word being parsed (no component before it) follow a time expression left
        unresolved (端午节那天, with no year known)?"""
        return len(f.kinds) <= 1 and self._last_end == self.here and not self._last_placed

    def _take_festival_year(
        self, nf: _Frame, f: _Frame, on: Callable[[int], dt.datetime | None], word: str
    ) -> int | None:
        """The year of a festival named without one (`on` gives its day in a year): the context's
        when set in the same clause, else the reference's nearest (`_festival_year`).  None, with
        `nf` unresolved, when there is neither, or when the context's year is a stand-in and the
        festival's date depends on the year (端午节 with no year known)."""
        c = self.ctx
        if c.y is not None and self._context_applies():
            y, nf.anchor, nf.year_unknown = c.y, "context", c.y_unknown
            if c.lunar_y is not None and c.lunar_y[0] == y and word in self.v["lunar_festivals"]:
                y = c.lunar_y[1]  # 腊月二十三是小年: the lunar year of the lunar date before it
            if nf.year_unknown:
                nf.anchor = f.anchor  # a stand-in year is no anchor
                if not self._fixed_date_festival(word):
                    nf.unresolved = True  # 端午节 with no year known: its date depends on the year
                    return None
            return y
        if c.ref is not None:
            y, nf.anchor = self._festival_year(on, c.ref), c.ref_anchor
            return y
        nf.unresolved = True
        return None

    def _fixed_date_festival(self, word: str) -> bool:
        """Is festival `word` on the same solar date every year (国庆节, 元旦)?"""
        v = self.v
        return (word in v["taiwan_solar_festivals"] and self.taiwan) or bool(v["solar_festivals"].get(word))

    @staticmethod
    def _festival_year(on: Callable[[int], dt.datetime | None], ref: dt.datetime) -> int:
        """A festival without a year is the one of the reference's year, unless that one is half
        a year away and the one of the year before or after is within a season (元旦 in a late-
        December article is the coming one; 圣诞节 in early January the one just past)."""
        y = lunar_year_of(ref)
        this = on(y)
        if this is None or abs((this - ref).days) <= 183:
            return y
        for other in (y + 1, y - 1):
            day = on(other)
            if day is not None and abs((day - ref).days) < 90:
                return other
        return y

    def _two_digit_year(self, n: int) -> int:
        """The century of a 2-digit year ('98, 19年): this one up to ten years after the
        reference's, else the last."""
        ref_y = self.ref.year if self.ref else NO_REFERENCE_YEAR
        pivot = ref_y % 100 + 10
        return (2000 if n <= pivot else 1900) + n

    def _decade_century(self, dec: int) -> int:
        """The century of a decade named without one (80年代, 00后): the 00s and 10s are this
        century when there is a reference, the others the last."""
        return 1900 if dec >= 20 or self.ref is None else (2000 if dec < 30 else 1900)

    def _is_roc_year(self, m: re.Match[str]) -> bool:
        """Is this bare N年 of a Taiwan article a year of the Republic of China?  (data/timewords.json
        `_roc_years`: 3-digit years up to five after the reference's, 2-digit ones where they stand
        as a point.)"""
        n = int(m.group(1))
        now = (self.ref.year if self.ref else NO_REFERENCE_YEAR) - ROC_EPOCH
        if 100 <= n <= now + 5:
            return True
        if not 40 <= n <= 99:
            return False
        # the same year the text named before as one of the Republic (民国91年前…91年后条例废除)
        return self._stands_as_point(m) or f"民国{n}年" in self.s[: m.start()]

    def _stands_as_point(self, m: re.Match[str]) -> bool:
        """Does a bare N年 whose number may be a count stand as a point: after 在, 于, 从 … or
        before 月, 底, 起, 至 … (`roc_year_before`, `roc_year_after`)?"""
        before = self.s[max(0, m.start() - 2) : m.start()]
        after = self.s[m.end() : m.end() + 2]
        return before.endswith(tuple(self.v["roc_year_before"])) or after.startswith(
            tuple(self.v["roc_year_after"])
        )

    @staticmethod
    def _now_interval(ref: dt.datetime) -> tuple[dt.datetime, dt.datetime, str]:
        """What 目前, 现在, 如今 are: the reference day when the reference has no time of day
        (not its first second), else the reference's second."""
        if ref == trunc(ref, "day"):
            return ref, ref + dt.timedelta(days=1), "day"
        return ref, ref + dt.timedelta(seconds=1), "second"

    def _is_deadline(self, start: dt.datetime) -> bool:
        """Is 'before X' (X以前, X之前) a deadline, from now until X: X begins after the reference."""
        ref = self.ctx.ref
        return ref is not None and start > ref

    @staticmethod
    def _weekend_of(ref: dt.datetime, off: int) -> dt.datetime:
        """The Saturday of the weekend `off` weeks from the reference's (上周末 -1, 本周末 0)."""
        mon = trunc(ref, "day") - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=off)
        return mon + dt.timedelta(days=5)

    def _since_end_now(self, start: dt.datetime) -> dt.datetime | None:
        """The end of 'since X' (X以来, X至今), given X's start: now, when X began before now; open
        when it did not (no reference, or a start after it)."""
        now = self._now_end()
        return now if now is not None and now > start else None

    def _since_end(self, end: dt.datetime | None) -> dt.datetime | None:
        """The end of 'from X on' (X起, 从X开始), given X's end: now, when X is over by now
        (从1月就开始住院); open when X reaches now or later (从6月上旬开始, 今年起: it goes on)."""
        now = self._now_end()
        return now if now is not None and end is not None and end < now else None

    def _names_report(self, b: int) -> bool:
        """Does the year (or quarter) ending at b name a report or a ranking (2018年一季报,
        2017年年报, 2017年度…百强榜单) rather than the time of the story, so that it does not
        date later bare days?
        (data/timewords.json `_report_years`)"""
        s, v = self.s, self.v
        if s.startswith(tuple(v["report_year_after"]), b):
            return not s.startswith(tuple(v["report_year_not_after"]), b)
        if not s.startswith("年度", b - 2):
            return False
        clause_end = _BOUNDARY.search(s, b, b + 24)
        rest = s[b : clause_end.start() if clause_end else b + 24]
        return any(w in rest for w in v["report_year_nouns"])

    def _anniversary_year(self, n: int, event_year: int | None) -> tuple[int | None, str]:
        """The year of an Nth anniversary: N years after the event when its year is known
        (新中国成立70周年); else, for an event whose year is not known (建交75周年, 发行两週年), a
        news story marks an anniversary in the year it reports on, so the reference's year; when
        a year was named earlier in the same sentence, that year is either the anniversary's
        (今年是…20周年, 2014年两国建交50周年之际: named with 是 before it, or the sum would lie ahead)
        or the event's (去年对越访问一周年 is a year after 去年).  Unknown without a reference and such
        a year.  Returns (year, anchor)."""
        if event_year is not None:
            return event_year + n, "absolute"
        ref, last = self.ctx.ref, self.ctx.last
        if last is not None and last.start is not None and not last.year_unknown:
            between = self.s[last.e : self.here]
            if not _SENTENCE_END.search(between):
                year = last.start.year
                limit = ref.year + 1 if ref is not None else year
                if year + n > limit or between.lstrip().startswith(tuple(self.v["anniversary_year_is"])):
                    return year, "context"
                return year + n, "context"
        if ref is not None:
            return ref.year, self.ctx.ref_anchor
        return None, "context"

    def _time_ahead(self) -> _Cand | None:
        """What 届时 refers to: the last time named, when it is not already past (its start not
        before the reference day); None otherwise."""
        last, ref = self.ctx.last, self.ctx.ref
        if last is None or last.start is None or (ref is not None and last.start < trunc(ref, "day")):
            return None  # 届时 looks ahead: a time already past is not what it refers to
        return last

    def _last_period(self) -> _Cand | None:
        """The period 去年同期 compares with: the last one named (今年上半年, 1-5月), if placed."""
        period = self.ctx.period
        if period is None or period.start is None or period.end is None:
            return None
        return period

    def _last_placed_time(self) -> _Cand | None:
        """What 去年同期 compares with when no period was named: the last time placed (2017年, 今年,
        2月末); None when there is none (去年 alone is then read by the point rules)."""
        last = self.ctx.last
        if last is not None and last.start is not None and last.end is not None and not last.year_unknown:
            return last
        return None

    @staticmethod
    def _restated_date(ref: dt.datetime, mo: int, d: int) -> dt.datetime | None:
        """The date restated after a relative day (今天（6月2日）): the month and day in the
        reference's year, or in the year next to it when that one is half a year away
        (今天（1月2日） written on 31 December)."""
        a = _safe_date(ref.year, mo, d)
        if a is None:
            return None
        if abs((a - trunc(ref, "day")).days) > 183:
            a = _safe_date(ref.year + (1 if a < ref else -1), a.month, a.day)
        return a

    @staticmethod
    def _restated_day(ref: dt.datetime, rel: int, n: int) -> dt.datetime | None:
        """The day in parentheses after a relative day (昨（27）日, `rel` days from the reference):
        day `n` of the reference month, or of the month before (昨（30）日 written on the 1st) or
        after (明（1）日 written on the 31st)."""
        base = trunc(ref, "month")
        if rel < 0 and n > ref.day:
            base = add_grain(base, "month", -1)
        elif rel > 0 and n < ref.day:
            base = add_grain(base, "month", 1)
        return _safe_date(base.year, base.month, n)

    def _fix_day(self, day: dt.datetime, at: int) -> None:
        """A restated day (今天（28日）) is the story's day, year and month from here on."""
        c = self.ctx
        c.y, c.mo, c.d, c.at, c.day = day.year, day.month, day.day, at, day
        c.y_unknown = c.day_unknown = 0

    def _start_on_dateline_day(self, month: int, day: int) -> None:
        """With no reference, a dateline's day printed without a year (2月21日电) is where the story
        starts: the month of its bare days, the day of its times of day, the base of 今天 and 昨天,
        its year unknown (`UNKNOWN_YEAR`: values XXXX-02-20)."""
        c = self.ctx
        on = _safe_date(STAND_IN_YEAR, month, day)
        if c.ref is not None or on is None:
            return
        c.y, c.mo, c.d, c.day, c.dateline_day = on.year, on.month, on.day, on, on
        c.y_unknown = c.day_unknown = UNKNOWN_YEAR

    def _fix_year(self, year: int, at: int) -> None:
        """A restated year (去（106）年) is the story's year from here on, with no month or day."""
        c = self.ctx
        c.y, c.mo, c.d, c.at = year, None, None, at
        c.y_unknown = 0

    def _left_side_as_context(self, lf: _Frame, pos: int) -> _SavedContext:
        """While the right side of a range (at `pos`) is parsed, the left side is the context: the
        right side takes its year and month (8月11日至22日) and its afternoon (下午3点到5点).
        Returns the context to put back (`_restore_context`)."""
        c = self.ctx
        saved = (c.y, c.mo, c.d, c.pm, c.at, c.day, c.y_unknown, c.day_unknown)
        if lf.start is not None:
            c.y, c.mo, c.d = lf.start.year, lf.start.month, lf.start.day
            c.at, c.day = pos, trunc(lf.start, "day")  # the left side, in the same clause
            c.y_unknown = c.day_unknown = lf.year_unknown
            c.pm = 1 if lf.start.hour >= 12 and lf.gran in ("hour", "minute", "second") else 0
        return saved

    def _restore_context(self, saved: _SavedContext) -> None:
        c = self.ctx
        c.y, c.mo, c.d, c.pm, c.at, c.day, c.y_unknown, c.day_unknown = saved

    def _update_last(self, cand: _Cand) -> None:
        """A placed expression is what 届时 refers to next; a period (a month, quarter, half or
        range, unmodified) what 去年同期 shifts."""
        c = self.ctx
        c.last = cand
        if cand.mod is None and (cand.type == "range" or cand.gran in ("month", "quarter", "half")):
            c.period = cand

    def _note_year_span(self, cand: _Cand) -> None:
        """What 这一年 will refer to: an expression found that is a year or a year long (今年,
        过去一年), or that names its year (2019年3月5日: that year)."""
        if cand.mod is not None or cand.start is None or cand.end is None or cand.year_unknown:
            return
        if 365 <= (cand.end - cand.start).days <= 366:
            self.ctx.year_span = cand
        elif "year" in cand.kinds and cand.start.year < dt.MAXYEAR:  # year 9999 has no next year
            a = dt.datetime(cand.start.year, 1, 1)
            b = dt.datetime(cand.start.year + 1, 1, 1)
            self.ctx.year_span = _Cand(cand.s, cand.e, "date", str(a.year), a, b, "year", None, cand.anchor)

    def _period_compared(self, pos: int, grain: str) -> dt.datetime | None:
        """The period 上月, 上年, 上一季度 at `pos` names after 较 or 比 (4月份…比上月下降, 2025年第四季度
        …较上一季度): the one before the month, year or quarter its sentence just named, not the
        one before the reference's; None when the sentence named no such period."""
        last = self.ctx.last
        if pos == 0 or self.s[pos - 1] not in "较比" or last is None or last.start is None:
            return None
        if last.gran != grain or last.mod is not None or last.year_unknown:
            return None
        if _SENTENCE_END.search(self.s, last.e, pos) is not None:
            return None
        return add_grain(trunc(last.start, grain if grain != "quarter" else "month"), *_ONE_BACK[grain])

    def _update_ctx(self, f: _Frame, lf: _Frame, end: int) -> None:
        if f.start is None or f.unresolved:
            return
        c = self.ctx
        if c.ref is None and "year" in f.kinds and self._year_not_the_storys(end):
            return  # with no publication date the context year is the only anchor: keep it the story's
        if "year" in f.kinds or "month" in f.kinds or "day" in f.kinds:
            c.at = end
        fixes_day = "day" in f.kinds or "clock" in f.kinds or "daypart" in f.kinds
        if fixes_day and f.gran in ("day", "hour", "minute", "second") and not self._festival_ahead(f):
            # a time of day fixes its day too (下午3点开会，次日9点结束)
            c.day, c.day_unknown = trunc(f.start, "day"), f.year_unknown
        if "clock" in f.kinds:
            c.time, c.time_at, c.time_unknown = f.start, end, f.year_unknown
        if f.year_unknown >= UNKNOWN_MONTH:  # 21日 with no month known: only the day is the story's
            return
        if "year" in f.kinds or "month" in f.kinds or "day" in f.kinds:
            c.y, c.y_unknown = f.start.year, f.year_unknown
            c.lunar_y = None
            if f.lunar:  # the lunar year of a lunar date: the year before until its new year
                new_year = lunar_to_solar(c.y, 1, 1, False)
                c.lunar_y = (c.y, c.y - 1 if new_year is not None and f.start < new_year else c.y)
        if {"year", "month", "day"} <= set(f.kinds) and not f.year_unknown and f.gran != "month":
            day = trunc(f.start, "day")
            c.reached = day if c.reached is None or day > c.reached else c.reached
        if ("month" in f.kinds or "day" in f.kinds) and f.gran in (
            "month",
            "day",
            "hour",
            "minute",
            "second",
        ):
            c.mo = f.start.month
        elif "year" in f.kinds:
            c.mo = None
        if "day" in f.kinds and f.gran in ("day", "hour", "minute", "second"):
            c.d = f.start.day
        elif "month" in f.kinds or "year" in f.kinds:
            c.d = None

    def _festival_ahead(self, f: _Frame) -> bool:
        """Is `f` a festival alone still ahead of the reference (共迎新春 in an article of the days
        before it)?  Such a festival is looked forward to, not the day the story is on: a later
        上午10时许 stays on the story's own day."""
        ref = self.ctx.ref
        return (
            f.festival
            and ref is not None
            and f.start is not None
            and f.start > ref
            and f.kinds[-1:] == ("day",)
        )

    def _after_last_clock(
        self, i: int, n: float | None, pw: str | None, sw: str | None, fine: str
    ) -> dt.datetime | None:
        """The clock time '40分钟后' at i counts from: the last one the story named, in the same
        paragraph (凌晨4时20分…，40分钟后消防车赶到); None when there is none (then the hours
        and minutes count from an event the grammar does not place: a duration)."""
        c = self.ctx
        if (
            n is None
            or pw is not None
            or sw not in ("后", "之后", "以后", "过后")
            or fine not in ("hour", "minute", "second")
            or c.time is None
            or "\n" in self.s[c.time_at : i]
            or not _RX_CLAUSE_OPENING.fullmatch(self.s, self._clause_start(c.time_at, i), i)
        ):
            return None  # 连续加班10个小时后: counted from an event inside the clause
        return c.time

    def _after_last_daypart(
        self, i: int, n: float | None, pw: str | None, sw: str | None, fine: str
    ) -> tuple[dt.datetime, dt.datetime] | None:
        """The span '1个半小时后' at i falls in when the story's last time, in the same paragraph,
        was a part of a day with no clock time (21日下午…，1个半小时后): that part of day
        shifted by the hours; None when there is none."""
        last = self.ctx.last
        if (
            n is None
            or pw is not None
            or sw not in ("后", "之后", "以后", "过后")
            or fine not in ("hour", "minute", "second")
            or last is None
            or last.type != "datetime"
            or last.gran != "hour"
            or last.start is None
            or last.end is None
            or not dt.timedelta(hours=1) < last.end - last.start <= dt.timedelta(hours=12)
            or last.e > i
            or "\n" in self.s[last.e : i]
            or (self.ctx.time is not None and self.ctx.time_at >= last.s)
            or not _RX_CLAUSE_OPENING.fullmatch(self.s, self._clause_start(last.e, i), i)
        ):
            return None
        return last.start, last.end

    def _after_story_time(
        self, i: int, n: float | None, pw: str | None, sw: str | None, fine: str
    ) -> tuple[dt.datetime | None] | None:
        """What 'N天后, 一年后' opening a clause at i counts from in a story told in the past: the
        story's last time, named earlier in the paragraph before the reference (范16日访越，但两天
        后取消 is the 18th; with no reference, a time of that sentence or the one before), not the
        reference, unless the clause looks ahead (将, 预计 …:
        data/timewords.json `future_markers`).  Returns (base,) with the base to count from, or
        (None,) when that time is coarser than the unit (去年罹癌…半年后复发: a length after an
        event); None when the rule does not apply (the reference is the base)."""
        last, ref = self.ctx.last, self.ctx.ref
        if (
            n is None
            or pw is not None
            or sw not in ("后", "之后", "以后", "过后")
            or fine in ("hour", "minute", "second")
            or last is None
            or last.start is None
            or last.end is None
            or last.gran is None
            or last.year_unknown
            or (ref is not None and last.end > trunc(ref, "day"))
            or "\n" in self.s[last.e : i]
            or not _RX_STORY_OPENING.fullmatch(self.s, self._clause_start(last.e, i), i)
        ):
            return None
        clause_end = _BOUNDARY.search(self.s, i)
        rest = self.s[i : clause_end.start() if clause_end else len(self.s)]
        if any(w in rest for w in self.v["future_markers"]):
            return None
        if ref is None and not self._story_time_near(last.s, i):
            return None
        if GRAIN_ORDER.get(last.gran, 0) > GRAIN_ORDER[fine]:
            return (None,)
        return (last.start,)

    def _story_time_near(self, at: int, i: int) -> bool:
        """With no reference to tell past from future: is the time at `at` in the sentence of i or
        the one before, in a sentence that does not look ahead (`future_markers`)?"""
        here = self._sentence_start(0, i)
        if at < self._sentence_start(0, max(here - 1, 0)):
            return False
        its_start = self._sentence_start(0, at)
        its_end = min((k for k in (self.s.find(p, at) for p in _SENTENCE_ENDS) if k >= 0), default=i)
        return not any(w in self.s[its_start : min(its_end, i)] for w in self.v["future_markers"])

    def _speech_day(self, i: int) -> dt.datetime | None:
        """The day of a statement whose words the clause at i reports (国防部6日称，过去一天，…): the
        day the last expression fixed, when a verb of saying (`speech_day_verbs`) follows it in its
        own clause and the clause at i comes right after; else None (the reference is the base)."""
        last = self.ctx.last
        if last is None or last.gran != "day" or last.start is None or last.year_unknown:
            return None
        m = _speech_day_rx(tuple(self.v["speech_day_verbs"])).match(self.s, last.e, i)
        return last.start if m is not None and m.end() == i else None

    def _year_not_the_storys(self, end: int) -> bool:
        """Does the year being parsed (from `here` to `end`) name something other than the story's
        time: a work whose title holds it (《2016年…年鉴》), or an event still to come
        (将于2019年举行: data/timewords.json `future_year_markers` opening its clause)?  Then
        later bare dates do not take it (they keep the year before it, or stay unknown)."""
        s, i = self.s, self.here
        opened = s.rfind("《", max(0, i - 40), i)
        if opened >= 0 and s.find("》", opened, i) < 0 and s.find("》", end, end + 40) >= 0:
            return True
        clause = s[self._clause_start(max(0, i - 24), i) : i]
        return any(w in clause for w in self.v["future_year_markers"])

    def _clause_start(self, lo: int, i: int) -> int:
        """Where the clause holding position i begins (not before lo)."""
        return max(lo, max(self.s.rfind(p, lo, i) for p in "，,。；;！!？?：:") + 1)

    def _sentence_start(self, lo: int, i: int) -> int:
        """Where the sentence holding position i begins (not before lo)."""
        return max(lo, max(self.s.rfind(p, lo, i) for p in _SENTENCE_ENDS) + 1)
