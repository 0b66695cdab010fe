"""The time grammar: at a trigger position, a point is built from calendar components that narrow an
interval; points combine into ranges and take prefixes and suffixes; durations, sets and
anniversaries have their own rules.  What a partial component takes from the reference or the
context (the anchoring model) is asked of `anchor.Anchoring`, which `_Parser` inherits."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

from newsctl import names
from newsctl.numerals import numeral_int, numeral_value
from newsctl.region import Region
from newsctl.timeline.anchor import _SENTENCE_END, ROC_EPOCH, Anchoring, nearest_leap_year, roc_year
from newsctl.timeline.model import (
    MIN_YEAR,
    RANK_OF_KIND,
    Rank,
    _Cand,
    _Ctx,
    _Frame,
    _in_calendar,
    _safe_date,
    replace,
)
from newsctl.timeline.patterns import (
    _BOUNDARY,
    _CN,
    _INT,
    _NUM,
    _RX_ANN_TRAIL,
    _RX_BELOW,
    _RX_CONN,
    _RX_DAY_GLOSS,
    _RX_DAY_NEXT,
    _RX_DUR_JOIN,
    _RX_DUR_PRE,
    _RX_DUR_SUF,
    _RX_HOUR_NEXT,
    _RX_INT,
    _RX_LUNAR,
    _RX_MINUTE,
    _RX_MONTHHALF,
    _RX_MONTHHALF_G,
    _RX_NIGHT_NUM,
    _RX_PREFIX,
    _RX_SEP_WD,
    _RX_SET_MONTHDAY,
    _RX_SET_SEASON,
    _RX_SET_WD,
    _RX_SET_WD_TO,
    _RX_SMALL_SEC,
    _SMALL,
    _WD,
    _alt,
    _anniversaries_longest_first,
    _day_blockers,
    _day_length_words,
    _event_anchor_words,
    _fold,
    _grouped,
    _neg_rx,
    _rx,
    _vocab,
)
from newsctl.timeline.prefilter import _RUN_OF, _component_keys, _FirstChar, _prefilter_key
from newsctl.timeline.resolve import (
    UNKNOWN_VALUE,
    _delta,
    _fine_grain,
    _iv_value,
    _partial_value,
)
from newsctl.timewords import (
    GRAIN_ORDER,
    add_grain,
    fmt_duration,
    grain_interval,
    lunar_to_solar,
    solar_term,
    timex_value,
    trunc,
)

#: the expression rules `_Parser.parse_at` tries at a position, in this order
_EXPRESSIONS = (
    "_anaphoric_period",  # first: 这一年 after a named year is that year, not the reference's
    "_point_expr",
    "_set_expr",
    "_special",
    "_anniversary",
    "_duration_expr",
    "_paren_relative",
    "_five_year_plan",
    "_ganzhi_year",
)


@functools.cache
def _kind_cues() -> tuple[
    frozenset[str],
    frozenset[str],
    frozenset[str],
    tuple[str, ...],
    frozenset[str],
    frozenset[tuple[int, ...]],
]:
    """The cue lists of data/timewords.json the parser checks by membership, built once."""
    v = _vocab()
    return (
        frozenset(v["bare_hao_before"]),
        frozenset(v["bare_hao_after"]),
        frozenset(v["verb_chars_after_qi"]),
        tuple(v["same_day_back_words"]),
        frozenset(v["month_part_may_follow"]),
        frozenset(tuple(v["dayparts"][w]) for w in v["midnight_parts"]),
    )


@functools.cache
def _five_year_plan_rx() -> re.Pattern[str]:
    v = _vocab()
    return re.compile(
        "([“\"‘'])?(%s)([”\"’'])?(%s)?" % (_alt(v["five_year_plans"]), _alt(v["five_year_plan_words"]))
    )


@functools.cache
def _ganzhi_year_rx() -> re.Pattern[str]:
    """壬寅年, 壬寅虎年: a year of the sixty-year cycle, its animal optional (not 甲子年华)."""
    v = _vocab()
    return re.compile(
        "([%s])([%s])(%s)?年(?!华|纪|龄|级|代)"
        % (v["heavenly_stems"], v["earthly_branches"], _alt(v["zodiac_animals"]))
    )


_RX_WEEKDAY_THEN_HAN = re.compile(r"周[一二三四五六日天]([\u4e00-\u9fff])")
# A weekday glued to the same character this often in one text is a name (周天乐), not a day:
# a day is followed by many different words (周一上午, 周一举行, 周一起).
WEEKDAY_NAME_MENTIONS = 3


def _decimal_colons(s: str, colon: str) -> set[int]:
    """Positions of each H:MM around `colon` that is glued to a decimal on either side: a ratio
    or a race time (2.1:38.6:59.3, 12:30.5), no time of day. Found from the colons alone: a scan
    of the whole text for digits costs more than the rest of the mask."""
    found: set[int] = set()
    at = s.find(colon)
    while at >= 0:
        start = at
        while start > at - 2 and start > 0 and s[start - 1].isdigit():
            start -= 1
        end = at + 1
        while end < at + 3 and end < len(s) and s[end].isdigit():
            end += 1
        if start < at < end - 1 and (
            (start >= 2 and s[start - 1] in ".．" and s[start - 2].isdigit())
            or (s[end : end + 1] in (".", "．") and s[end + 1 : end + 2].isdigit())
        ):
            found.update(range(start, end))
        at = s.find(colon, at + 1)
    return found


def _name_cue(s: str, at: int, cues: dict[str, Any]) -> tuple[bool, bool]:
    """(strong, weak): does the text show a person at the three characters 周天X at `at`?  Strong,
    enough once: a speech verb right after (周天宏说, 周一鸣指出; a day is followed by its clause's
    subject or verb: 周日亦表示 has an adverb, 周一宣称 a verb, `verb_before_say`), a day
    (周天宏今天比赛: a weekday is not followed by one more character and a day), or a list comma
    (李明、周日新、王刚).  Weak, enough when the same three characters come again: a role noun
    before (选手周天宏) or a title after (周天宏教练), which a day can also stand beside
    (记者周一获悉)."""
    end = at + 3
    said = s[at + 2] not in cues["verb_before_say"] and s.startswith(names.cues().speech_verbs, end)
    strong = said or s.startswith((*cues["day_after"], *cues["list_after"]), end)
    if not strong and at > 0 and s[at - 1] == "、":
        strong = s[end : end + 1] in cues["list_between"]
    weak = s.endswith(tuple(cues["roles_before"]), 0, at) or s.startswith(tuple(cues["titles_after"]), end)
    return strong, weak


def _weekday_names(s: str) -> set[int]:
    """Positions of the weekday part of names like 周天乐: the same three characters said
    WEEKDAY_NAME_MENTIONS times, or once with a person shown around them (`_name_cue`), or twice
    with a role beside one.  A character that goes on a day (周一上午, 周日晚) or an adverb never
    makes one, and 周 after a word that counts or points to weeks (本周天, 这周天) is the week."""
    v = _vocab()
    goes_on = v["weekday_continuations"]
    cues = v["weekday_name_cues"]
    found: dict[str, list[int]] = {}
    strong: set[str] = set()
    weak: set[str] = set()
    for m in _RX_WEEKDAY_THEN_HAN.finditer(s):
        given = m.group(1)
        if given in goes_on or given in cues["not_given"]:
            continue
        at = m.start()
        if at > 0 and s[at - 1] in cues["week_before"]:
            continue
        word = m.group(0)
        found.setdefault(word, []).append(at)
        is_strong, is_weak = _name_cue(s, at, cues)
        if is_strong:
            strong.add(word)
        if is_weak:
            weak.add(word)
    return {
        at + k
        for word, starts in found.items()
        if len(starts) >= WEEKDAY_NAME_MENTIONS or word in strong or (word in weak and len(starts) >= 2)
        for at in starts
        for k in (0, 1)
    }


class _Parser(Anchoring):
    def __init__(
        self,
        raw: str,
        ref: dt.datetime | None,
        ref_is_pub: bool,
        region: Region | Callable[[], Region] | None = None,
    ) -> None:
        self.raw = raw
        self._region = region
        self.s = _fold(raw)
        self.n = len(self.s)
        self.ref = ref
        self.ref_anchor = "publication" if ref_is_pub else "reference"
        self.ctx = _Ctx(ref, self.ref_anchor)
        self.rx = _rx()
        self.v = _vocab()
        self._speech_verbs = tuple(self.v["speech_day_verbs"])
        self.neg = self._negative_mask()
        self._boundaries: list[int] | None = None
        self._coming_marks: list[int] | None = None
        self._story_year_said: bool | None = None
        self.here = 0  # where the expression being parsed begins
        self._daypart_noun_heads = tuple(self.v["daypart_noun_heads"])
        self._rule_words = tuple(self.v["rule_words"])
        (
            self._bare_hao_before,
            self._bare_hao_after,
            self._verb_chars_after_qi,
            self._same_day_words,
            self._month_part_may_follow,
            self._midnight_parts,
        ) = _kind_cues()
        self._in_set = False  # parsing the calendar part of a set (每天早上): no habit test
        self._last_end = -1  # where the last expression found ended
        self._last_placed = False  # whether it has a start
        self.component_keys = _component_keys()

    # -- helpers -----------------------------------------------------------

    def _negative_mask(self) -> set[int]:
        """Start positions covered by a known non-time word (时间表, 同时, 晚会 …), by a
        clock-like H:MM glued to a decimal (a ratio, 2.1:38.6:59.3, or a race time, 12:30.5), or by a
        name that opens with a weekday (周天乐 said three times: a person, not a Sunday)."""
        rx = _neg_rx()
        mask: set[int] = set()
        for m in rx.finditer(self.s):
            mask.update(range(m.start(), m.end()))
        for word, unless in self.v["negatives_unless_next"].items():
            at = self.s.find(word)
            while at >= 0:
                if self.s[at + len(word) : at + len(word) + 1] not in unless or at + len(word) == self.n:
                    mask.update(range(at, at + len(word)))
                at = self.s.find(word, at + 1)
        for colon in (":", "："):
            if colon in self.s:
                mask.update(_decimal_colons(self.s, colon))
        if "周" in self.s:
            mask.update(_weekday_names(self.s))
        return mask

    @staticmethod
    def _set(f: _Frame, start: dt.datetime, gran: str, end: dt.datetime | None = None) -> None:
        f.start = start
        f.end = end if end is not None else add_grain(start, gran)
        f.gran = gran
        f.y = start.year
        if GRAIN_ORDER[gran] <= GRAIN_ORDER["month"]:
            f.mo = start.month
        if GRAIN_ORDER[gran] <= GRAIN_ORDER["day"]:
            f.d = start.day

    # -- components ----------------------------------------------------------

    def _plan(self, key: str, last: Rank) -> tuple[_Step, ...]:
        """The component steps to run at a position with this `_prefilter_key` after a component
        of rank `last` (the plan depends on the character, the component regexes `_component_keys`
        lets through, which depend on the key only, and `last`)."""
        plan_key = (key[0], self.component_keys.for_key(key), last)
        plan = _PLANS.get(plan_key)
        if plan is None:
            plan = _PLANS[plan_key] = _component_plan(*plan_key)
        _PLAN_AT[key, last] = plan
        return plan

    # component handlers: return a new frame or None -----------------------

    @staticmethod
    def _unres(f: _Frame, kind: str, **kw: Any) -> _Frame:
        """A component after an unresolvable part (no reference): keep the span, lose the resolution."""
        nf = replace(f, kinds=f.kinds + (kind,), **kw)
        nf.unresolved, nf.start, nf.end = True, None, None
        return nf

    def _c_year(self, y: int | None, f: _Frame, explicit: bool) -> _Frame | None:
        if y is None or not (1000 <= y <= 2200):
            return None
        nf = replace(f, kinds=f.kinds + ("year",), anchor="absolute", explicit_year=explicit, weak=None)
        self._set(nf, dt.datetime(y, 1, 1), "year")
        return nf

    def _c_year2(self, yy: str, f: _Frame, strong: bool = False) -> _Frame | None:
        n = int(yy)
        y = self._two_digit_year(n)
        nf = self._c_year(y, f, explicit=True)
        if nf is not None and not strong and not yy.startswith("0"):
            nf.weak = "yy"
        return nf

    def _c_century(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        if m.group(2):
            decades = 1
            digits = m.group(2)
            if len(digits) == 3 and digits[1] != "十":  # 八九十年代: the eighties and nineties
                if not _neighbouring_numerals(digits[:2]):
                    return None
                digits, decades = digits[0] + "十", 2
            dec = numeral_int(digits)
            if dec is None or dec % 10:
                return None
            cent = m.group(1)
            if dec >= 1000:  # 1990年代: the decade of that year
                if cent or not MIN_YEAR <= dec <= 2200:
                    return None
                base, dec = dec, 0
            elif cent in ("上",):
                base = 1900
            elif cent == "本":
                base = 2000
            elif cent:
                c = numeral_int(cent)
                if not c:
                    return None
                base = (c - 1) * 100
            else:
                base = self._decade_century(dec)
                if dec >= 100:
                    return None
            y0 = base + dec
            start, end = dt.datetime(y0, 1, 1), dt.datetime(y0 + 10 * decades, 1, 1)
            part = m.group(3)
            if part in ("初", "初期"):
                end = dt.datetime(y0 + 3, 1, 1)
            elif part in ("末", "末期"):
                start = dt.datetime(y0 + 7, 1, 1)
            elif part in ("中", "中期"):
                start, end = dt.datetime(y0 + 3, 1, 1), dt.datetime(y0 + 7, 1, 1)
        else:
            c = {"上": 20, "上个": 20, "本": 21}.get(m.group(4)) or numeral_int(m.group(4))
            if not c or c > 22:
                return None
            if self.s.startswith(tuple(self.v["century_name_words"]), m.end()):
                return None  # 21世纪经济报道, 21世纪报系: a name
            start, end = dt.datetime(max(1, (c - 1) * 100), 1, 1), dt.datetime(c * 100, 1, 1)
            part = m.group(5)
            if part in ("初", "初期"):
                end = start.replace(year=start.year + 20)
            elif part in ("末", "末期"):
                start = end.replace(year=end.year - 20)
            elif part == "上半叶":
                end = start.replace(year=start.year + 50)
            elif part == "下半叶":
                start = start.replace(year=start.year + 50)
        nf = replace(f, kinds=f.kinds + ("year",), anchor="absolute", rtype="range")
        nf.start, nf.end, nf.gran = start, end, "year"
        nf.y = None
        return nf

    def _c_rel(
        self, f: _Frame, off: int | str | None, grain: str, compared: dt.datetime | None = None
    ) -> _Frame | None:
        """A relative word (去年, 下个月); `compared`: the period it names instead, the one before a
        period its sentence compares with (`_period_compared`)."""
        nf = replace(f, kinds=f.kinds + ({"quarter": "yearsub", "week": "day"}.get(grain, grain),))
        if off is None:
            return None
        if compared is not None and off == -1:
            base: dt.datetime | None = compared
            nf.anchor = "context"
        else:
            base = self._rel_base(nf, off, grain)
        if base is None:
            nf.unresolved = True
            return nf
        if grain == "week":
            base = base - dt.timedelta(days=base.weekday())
        self._set(nf, base, grain)
        nf.explicit_year = grain == "year"
        return nf

    def _c_fulldate(self, key: str, m: re.Match[str], f: _Frame) -> _Frame | None:
        g = m.groups()
        hh = mi = ss = None
        if key == "iso":
            if g[0]:
                y, mo, d = int(g[0]), int(g[2]), int(g[3])
            else:
                y, mo, d = int(g[4]), int(g[5]), int(g[6])
        elif key == "compact":
            y, mo, d = int(g[0]), int(g[1]), int(g[2])
        elif key == "dmy":
            d, mo, yy = int(g[0]), int(g[1]), g[2]
            y = int(yy) if len(yy) == 4 else 2000 + int(yy)
            if mo > 12 >= d:
                d, mo = mo, d  # 12/25/2014 can only be month/day/year (the US order)
        else:
            y, mo, d = 2000 + int(g[0]), int(g[1]), int(g[2])
        if not (1000 <= y <= 2200):
            return None
        start = _safe_date(y, mo, d)
        if start is None:
            return None
        nf = replace(f, kinds=f.kinds + ("year", "month", "day"), anchor="absolute", explicit_year=True)
        self._set(nf, start, "day")
        del hh, mi, ss
        return nf

    def _c_ym(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        nf = replace(f, kinds=f.kinds + ("year", "month"), anchor="absolute", explicit_year=True)
        self._set(nf, dt.datetime(y, mo, 1), "month")
        return nf

    @staticmethod
    def _unresolved_sub(key: str, m: re.Match[str]) -> dict[str, Any]:
        """The half or quarter of a year that cannot be placed (今年上半年 with no reference): its
        first month and grain, so that the value keeps them (XXXX-H1, XXXX-Q3), not only XXXX."""
        if key == "half":
            return {"gran": "half", "mo": 1 if m.group(1) in ("上", "前") else 7}
        if key == "quarter_tw" or (key == "quarter" and not m.group(4)):
            g = (m.group(1) if key == "quarter_tw" else m.group(1) or m.group(2) or "1") or "1"
            q = 1 if key == "quarter" and m.group(3) else numeral_int(g)
            if q and 1 <= q <= 4:
                return {"gran": "quarter", "mo": 3 * (q - 1) + 1}
        return {}

    def _c_yearsub(self, key: str, m: re.Match[str], f: _Frame, pos: int) -> _Frame | None:
        part = m.group(0)
        if key == "yearpart" and part in ("初", "底", "末", "中") and not self._part_ok(m.end(), part):
            return None  # 当年中山舰, 今年中国: a word after the year, not its middle
        if f.unresolved:
            return self._unres(f, "yearsub", **self._unresolved_sub(key, m))
        nf = replace(f, kinds=f.kinds + ("yearsub",))
        if "year" not in f.kinds and f.start is None:
            if key == "yearpart" and m.group(0) in ("初", "底", "末", "中", "初期", "伊始", "年内"):
                return None
            if key in ("firstn", "nth"):
                return None
            if not self._take_year(nf, False):
                if not nf.unresolved:
                    return None
                return replace(nf, **self._unresolved_sub(key, m))  # 上半年 with no year: XXXX-H1
            assert nf.y is not None  # _take_year filled it in
            ys = dt.datetime(nf.y, 1, 1)
        else:
            if f.start is None:
                return None
            if f.gran != "year":
                return None
            ys = dt.datetime(f.start.year, 1, 1)
            if f.end is not None and f.end - f.start > dt.timedelta(days=366):
                return None
        g = m.group(0)
        if key == "half":
            h = 1 if m.group(1) in ("上", "前") else 2
            start = ys.replace(month=1 if h == 1 else 7)
            self._set(nf, start, "half")
        elif key == "season":
            first_month, months = self.v["school_holidays"].get(m.group(1)) or (
                self.v["seasons"][m.group(1)],
                3,
            )
            first = ys.replace(month=first_month)
            self._set(nf, first, "month", end=first + relativedelta(months=months))
        elif key == "quarter_tw":
            q = numeral_int(m.group(1)) if m.group(1) else 1
            if not q or q > 4:
                return None
            self._set(nf, ys.replace(month=3 * (q - 1) + 1), "quarter")
        elif key == "quarter":
            if m.group(4):
                n = numeral_int(m.group(4))
                assert n is not None  # the group is a numeral
                self._set(nf, ys, "quarter", end=ys + relativedelta(months=3 * n))
                nf.rtype = "range"
            else:
                q = numeral_int(m.group(1) or m.group(2) or "1") if not m.group(3) else 1
                if not q or q > 4:
                    return None
                self._set(nf, ys.replace(month=3 * (q - 1) + 1), "quarter")
        elif key == "yearpart":
            word = g
            if word in ("年初", "初", "伊始", "开年", "初期"):
                start, end, mod = ys, ys + relativedelta(months=2 if word != "伊始" else 1), "start"
            elif word in ("年底", "年末", "年终", "岁末", "底", "末"):
                start, end, mod = ys.replace(month=11), ys.replace(year=ys.year + 1), "end"
            elif word in ("年中", "中"):
                if word == "中" and not self._part_ok(m.end(), "中"):
                    return None
                start, end, mod = ys.replace(month=6), ys.replace(month=8), "middle"
            else:  # 年内
                start, end, mod = ys, ys.replace(year=ys.year + 1), None
            if word in ("初", "底", "末") and not self._part_ok(m.end(), word):
                return None
            if word in self.v["unbounded_year_parts"]:
                start, end = ys, ys.replace(year=ys.year + 1)  # 年底: the year, said to be its end
                nf.start, nf.end, nf.gran, nf.mod = start, end, "year", mod
                return nf
            nf.start, nf.end, nf.gran = start, end, "year" if mod is None else "month"
            nf.mod = mod
            nf.rtype = "range" if mod else None
        elif key == "firstn":
            if m.group(4):
                self._set(nf, ys, "month")
                return nf
            n = numeral_int(m.group(2))
            unit = m.group(3)
            if not n:
                return None
            delta = {
                "月": relativedelta(months=n),
                "季度": relativedelta(months=3 * n),
                "天": relativedelta(days=n),
                "日": relativedelta(days=n),
                "周": relativedelta(weeks=n),
                "星期": relativedelta(weeks=n),
            }[unit]
            ye = ys.replace(year=ys.year + 1)
            if m.group(1) in ("前", "头"):
                nf.start, nf.end = ys, ys + delta
            else:
                nf.start, nf.end = ye - delta, ye
            nf.gran = {"月": "month", "季度": "quarter", "天": "day", "日": "day"}.get(unit, "week")
            nf.rtype = "range"
        elif key == "nth":
            n = numeral_int(m.group(1))
            unit = m.group(2)
            if not n:
                return None
            if unit == "天":
                self._set(nf, ys + dt.timedelta(days=n - 1), "day")
            elif unit == "月":  # 明年第3个月, 2019年的第3个月
                if n > 12:
                    return None
                self._set(nf, ys.replace(month=n), "month")
            else:
                w1 = ys + dt.timedelta(days=(7 - ys.weekday()) % 7)  # week 1 starts on the first Monday
                self._set(nf, w1 + dt.timedelta(weeks=n - 1), "week")
        return nf

    def _part_ok(self, end: int, word: str) -> bool:
        """A one-character part word (初/中/底/末) must not start another word (初步, 中国 …)."""
        nxt = self.s[end] if end < self.n else "\x00"
        blockers = self.v["month_part_blockers"].get(word, "")
        return not nxt or nxt not in blockers

    def _c_month(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        lunar = bool(m.group(1)) or m.group(3) in ("正", "腊", "冬")
        leap = bool(m.group(2))
        mv = {"正": 1, "腊": 12, "冬": 11}.get(m.group(3)) or numeral_int(m.group(3))
        if not mv or not 1 <= mv <= 12:
            return None
        if m.start() > 0 and self.s[m.start() - 1] in "个每第" and not m.group(1):
            return None
        lunar = lunar or f.lunar or leap
        if f.unresolved:
            return self._unres(f, "month", mo=mv, lunar=lunar)
        nf = replace(f, kinds=f.kinds + ("month",), lunar=lunar)
        if "year" in f.kinds and f.gran != "year":
            return None
        nf.mo = mv  # (the year a month takes may depend on the month: `_before_story_reached`)
        if not self._take_year(nf, True):
            return nf
        assert nf.y is not None  # _take_year filled it in
        if lunar and nf.year_unknown:  # a lunar month's solar dates depend on the year
            return self._unres(f, "month", mo=mv, lunar=True)
        if lunar:
            y = self._lunar_year(nf.y, "year" in f.kinds or nf.anchor == "context")
            a = lunar_to_solar(y, mv, 1, leap)
            if a is None:
                return None
            # the month ends where its leap twin (闰四月 after 四月) or the next month begins
            nxt = None if leap else lunar_to_solar(y, mv, 1, True)
            if nxt is None:
                nxt = lunar_to_solar(y + (mv == 12), mv % 12 + 1, 1, False)
            nf.start, nf.end, nf.gran = a, nxt or a + dt.timedelta(days=30), "month"
            nf.y = y
            nf.lunar = True
            nf.explicit_year = "year" in f.kinds
            return nf
        self._set(nf, dt.datetime(nf.y, mv, 1), "month")
        return nf

    def _c_monthpart(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        if f.start is None or f.gran != "month":
            return None if not f.unresolved else replace(f, kinds=f.kinds + ("monthsub",))
        w = m.group(1)
        if w in ("初", "中", "底", "末") and not self._part_ok(m.end(), w):
            return None
        ms, me = f.start, f.end
        assert me is not None  # a frame with a start has an end
        ndays = (me - ms).days
        table = {
            "上旬": (0, 10, "start"),
            "中旬": (10, 20, "middle"),
            "下旬": (20, ndays, "end"),
            "中下旬": (10, ndays, None),
            "上中旬": (0, 20, None),
            "月初": (0, 5, "start"),
            "初": (0, 5, "start"),
            "月中": (10, 20, "middle"),
            "中": (10, 20, "middle"),
            "月底": (ndays - 7, ndays, "end"),
            "月末": (ndays - 7, ndays, "end"),
            "底": (ndays - 7, ndays, "end"),
            "末": (ndays - 7, ndays, "end"),
            "上半月": (0, 15, "start"),
            "下半月": (15, ndays, "end"),
        }
        a, b, mod = table[w]
        nf = replace(f, kinds=f.kinds + ("monthsub",))
        if w in self.v["unbounded_month_parts"]:
            nf.mod = mod  # 月底: the month itself, said to be its end (no fixed days, unlike 下旬)
            return nf
        nf.start, nf.end = ms + dt.timedelta(days=a), ms + dt.timedelta(days=b)
        nf.mod, nf.rtype = mod, "range"
        return nf

    def _c_monthsub(self, key: str, m: re.Match[str], f: _Frame) -> _Frame | None:
        if f.start is None or f.gran != "month":
            return None
        ms, me = f.start, f.end
        assert me is not None  # a frame with a start has an end
        nf = replace(f, kinds=f.kinds + ("monthsub",))
        if key == "firstn":
            if m.group(4):
                return None
            n = numeral_int(m.group(2))
            unit = m.group(3)
            if not n or unit not in ("天", "日", "周", "星期"):
                return None
            delta = dt.timedelta(days=n) if unit in ("天", "日") else dt.timedelta(weeks=n)
            if m.group(1) in ("前", "头"):
                nf.start, nf.end = ms, ms + delta
            else:
                nf.start, nf.end = me - delta, me
            nf.gran, nf.rtype = "day", "range"
            return nf
        if key == "nth_wd" and m.group(2):  # 三月的最后一个星期五: counted back from the month's end
            wd = _WD.get(m.group(3))
            if wd is None or wd > 6:
                return None
            last = me - dt.timedelta(days=1)
            nf.kinds = nf.kinds + ("day",)
            self._set(nf, last - dt.timedelta(days=(last.weekday() - wd) % 7), "day")
            return nf
        n = numeral_int(m.group(1))
        if not n:
            return None
        if key == "nth":
            if m.group(2) == "天":
                self._set(nf, ms + dt.timedelta(days=n - 1), "day")
                return nf
            w1 = (
                ms - dt.timedelta(days=ms.weekday())
                if ms.weekday() == 0
                else ms + dt.timedelta(days=7 - ms.weekday())
            )
            self._set(nf, w1 + dt.timedelta(weeks=n - 1), "week")
            return nf
        wd = _WD.get(m.group(3))
        if wd is None or wd > 6:
            return None
        first = ms + dt.timedelta(days=(wd - ms.weekday()) % 7)
        nf.kinds = nf.kinds + ("day",)
        self._set(nf, first + dt.timedelta(weeks=n - 1), "day")
        return nf

    def _c_day(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        dv = numeral_int(m.group(1))
        if not dv or not 1 <= dv <= 31:
            return None
        tail = self.s[m.end(2) - 1 : m.end(2) + 3]
        if tail.startswith(_day_blockers()):
            return None
        if not m.group(1).isdigit() and not f.kinds and (len(m.group(1)) < 2 or dv < 11):
            return None  # news writes bare days in digits (or 廿六日, 二十八日); 一日 is 'one day'
        if not f.kinds and self._day_length(m.start(1), m.end(2)):
            return None  # 处以10日行政拘留: ten days, not the 10th
        if f.unresolved:
            return self._unres(f, "day", d=dv)
        nf = replace(f, kinds=f.kinds + ("day",))
        if f.lunar and f.mo is not None and f.y is not None:
            if f.year_unknown:
                return self._unres(f, "day", d=dv)
            a = lunar_to_solar(f.y, f.mo, dv, False)
            if a is None:
                return None
            self._set(nf, a, "day")
            return nf
        if "month" not in f.kinds and f.kinds and f.gran not in ("month",):
            if not (f.start is not None and f.gran == "month"):
                return None
        if not self._take_month(nf):
            return nf if nf.unresolved else None
        assert nf.y is not None and nf.mo is not None  # _take_month filled them in
        start = _safe_date(nf.y, nf.mo, dv)
        if start is None and (nf.mo, dv) == (2, 29) and "year" not in f.kinds and "month" in f.kinds:
            if nf.anchor != "context":  # 2月29日 without a year names the nearest leap year
                start = dt.datetime(nearest_leap_year(nf.y), 2, 29)
        if start is None:
            return None
        if m.group(2) == "号" and "month" not in f.kinds and not f.kinds:
            nf.weak = "bare_hao"
        self._set(nf, start, "day")
        return nf

    def _c_numday(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        dv = int(m.group(1))
        if f.unresolved and 1 <= dv <= 31:
            return self._unres(f, "day", d=dv)
        if not 1 <= dv <= 31 or f.start is None or f.gran != "month":
            return None
        if f.lunar:
            assert f.y is not None and f.mo is not None  # a month frame with a start has both
            if f.year_unknown:
                return self._unres(f, "day", d=dv)
            a = lunar_to_solar(f.y, f.mo, dv, False)
            if a is None:
                return None
            nf = replace(f, kinds=f.kinds + ("day",))
            self._set(nf, a, "day")
            return nf
        start = _safe_date(f.start.year, f.start.month, dv)
        if start is None:
            return None
        nf = replace(f, kinds=f.kinds + ("day",))
        self._set(nf, start, "day")
        return nf

    def _c_lunar_day(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        txt = m.group(1) or m.group(2)
        dv = numeral_int(txt)
        if f.unresolved and dv and dv <= 30 and (f.lunar or m.group(0).startswith(("初", "廿"))):
            return self._unres(f, "day", d=dv)
        if not dv or dv > 30 or f.mo is None or f.y is None:
            return None
        if not m.group(0).startswith("初") and dv <= 10 and not f.lunar:
            return None  # "十月一" is too weak
        if f.year_unknown:  # 二月十二 with no year known: too weak for a lunar day
            return self._unres(f, "day", d=dv) if f.lunar else None
        y = self._lunar_year(f.y, f.lunar or "year" in f.kinds)
        a = lunar_to_solar(y, f.mo, dv, False)
        if a is None:
            return None
        nf = replace(f, kinds=f.kinds + ("day",), lunar=True)
        self._set(nf, a, "day")
        return nf

    def _c_md(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        g = m.groups()
        mo, dv = (g[0], g[1]) if g[0] else ((g[2], g[3]) if g[2] else (g[4], g[5]))
        mo, dv = int(mo), int(dv)
        if not (1 <= mo <= 12 and 1 <= dv <= 31):
            return None
        nf = replace(f, kinds=f.kinds + ("month", "day"))
        if not self._take_year(nf, True):
            return nf if nf.unresolved else None
        assert nf.y is not None  # _take_year filled it in
        start = _safe_date(nf.y, mo, dv)
        if start is None:
            return None
        self._set(nf, start, "day")
        return nf

    def _c_nthday(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        n = numeral_int(m.group(1))
        if not n or f.kinds:
            return None
        nf = replace(f, kinds=f.kinds + ("day",))
        dated_here = self._day_in_sentence()
        if self.s[max(0, self.here - 3) : self.here].endswith(tuple(self.v["ordinal_day_state_before"])):
            # 11日，停摆进入第11天: the count an event has reached on the day its sentence is about
            day = self._day_reached(nf, dated_here)
            if day is None:
                return self._unres(f, "day")
            self._set(nf, trunc(day, "day"), "day")
            return nf
        base = self._first_day_of_count(nf, dated_here)
        if base is None:
            return nf
        self._set(nf, base + dt.timedelta(days=n - 1), "day")
        return nf

    def _c_week(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        pre, unit, wd = m.group(1), m.group(2), m.group(3)
        if not pre and not wd:
            return None
        if pre in ("今", "这一") and unit == "周" and not wd:
            return None
        if not pre and unit in ("星期", "礼拜") and wd is None:
            return None
        nxt = self.s[m.end()] if m.end() < self.n else "\x00"
        if wd and unit == "周" and nxt in "年岁":
            return None
        off = {
            None: 0,
            "上上": -2,
            "下下": 2,
            "上": -1,
            "下": 1,
            "本": 0,
            "这": 0,
            "今": 0,
            "今个": 0,
            "这个": 0,
            "上个": -1,
            "下个": 1,
            "上一": -1,
            "下一": 1,
            "这一": 0,
        }[pre]
        if not pre and wd == "末" and not f.kinds:
            if self.s.startswith(tuple(self.v["weekend_noun_heads"]), m.end()):
                return None  # 周末票房榜, 周末班: a kind of thing, no weekend
            habit = self.s.startswith(tuple(self.v["weekend_habit_after"]), m.end())
            if habit or self._habit_sentence(self.here):
                return self._unres(f, "day")  # 周末最常去…, 平时周末: every weekend, none in particular
        if f.unresolved:
            return self._unres(f, "day")
        nf = replace(f, kinds=f.kinds + ("day",))
        if f.start is not None and f.gran == "week" and wd:
            base = f.start
        elif f.kinds:
            return None
        else:
            week_of = self._rel_base(nf, off, "week")
            if week_of is None:
                nf.unresolved = True
                return nf
            base = week_of - dt.timedelta(days=week_of.weekday())
        if not wd:
            self._set(nf, base, "week")
            return nf
        k = _WD[wd]
        if k == 7:  # 周末: Saturday and Sunday
            start = base + dt.timedelta(days=5)
            nf.start, nf.end, nf.gran, nf.rtype = start, start + dt.timedelta(days=2), "day", "range"
            nf.y, nf.mo, nf.d = start.year, start.month, None
            return nf
        day = base + dt.timedelta(days=k)
        ref = self.ctx.ref
        if not pre and ref is not None and day > ref and self.s.startswith(self._speech_verbs, m.end()):
            day -= dt.timedelta(days=7)  # 国防部周日称 in a Monday's paper: a statement made, the day past
        self._set(nf, day, "day")
        if not pre:
            nf.kinds = nf.kinds + ("weekday",)
        return nf

    def _c_holiday(self, word: str, f: _Frame) -> _Frame | None:
        nf = replace(f, kinds=f.kinds + ("day",), festival=True)
        year_given = "year" in f.kinds and f.start is not None
        if year_given and f.gran != "year":
            return None
        if f.kinds and not year_given:
            return None
        on = self._festival_day(word)
        if on is None:
            return None
        if year_given:
            assert f.start is not None  # year_given says so
            y = f.start.year
        else:
            taken = self._take_festival_year(nf, f, on, word)
            if taken is None:
                return nf
            y = taken
        day = on(y)
        if day is None:
            return None
        self._set(nf, day, "day")
        return nf

    def _festival_day(self, word: str) -> Callable[[int], dt.datetime | None] | None:
        """The day of festival `word` in a given (Gregorian, or for a lunar festival lunar) year."""
        v = self.v
        if word in v["taiwan_solar_festivals"] and self.taiwan:
            md = v["taiwan_solar_festivals"][word]
            return lambda y: _safe_date(y, md[0], md[1])
        if word in v["solar_festivals"]:
            md = v["solar_festivals"][word]
            return (lambda y: _safe_date(y, md[0], md[1])) if md else None
        if word in v["lunar_festivals"]:
            mo, dv = v["lunar_festivals"][word]
            if dv == 0:  # 除夕: the day before the next lunar new year

                def eve(y: int) -> dt.datetime | None:
                    a = lunar_to_solar(y + 1, 1, 1, False)
                    return a - dt.timedelta(days=1) if a else None

                return eve
            return lambda y: lunar_to_solar(y, mo, dv, False)
        for key, method in (
            ("easter_festivals", EASTER_WESTERN),
            ("orthodox_easter_festivals", EASTER_ORTHODOX),
        ):
            if word in v[key]:
                offset = dt.timedelta(days=v[key][word])

                def easter_day(y: int, method: int = method) -> dt.datetime:
                    return dt.datetime.combine(easter(y, method), dt.time()) + offset  # noqa: B023 (returned at once: the loop ends here)

                return easter_day
        mo, nth, wd = v["weekday_festivals"][word]

        def nth_weekday(y: int) -> dt.datetime:
            first = dt.datetime(y, mo, 1)
            first += dt.timedelta(days=(wd - 1 - first.weekday()) % 7)
            return first + dt.timedelta(weeks=nth - 1)

        return nth_weekday

    def _c_term(self, word: str, f: _Frame) -> _Frame | None:
        nf = replace(f, kinds=f.kinds + ("day",), festival=True)
        year_given = "year" in f.kinds and f.start is not None and f.gran == "year"
        if f.kinds and not year_given:
            return None
        if word in ("清明", "清明节", "芒种", "冬至", "夏至", "立春", "立秋") or year_given:
            pass
        else:
            return None  # 小满, 大雪 … are too ambiguous without a year
        if year_given:
            assert f.start is not None  # year_given says so
            y = f.start.year
        elif not self._take_year(nf, True):
            return nf
        elif nf.year_unknown:  # a solar term's day depends on the year
            nf.unresolved = True
            return nf
        else:
            assert nf.y is not None  # _take_year filled it in
            y = nf.y
        d = solar_term(y, word.removesuffix("节"))
        if d is None:
            return None
        self._set(nf, d, "day")
        return nf

    def _c_daypart(self, word: str, f: _Frame, strong: bool, end: int | None = None) -> _Frame | None:
        h0, h1 = self.v["dayparts"][word]
        if len(word) == 1 and not strong:
            # 晚/早/夜 alone only before a clock time (晚8时)
            nxt = self.s[end] if end is not None and end < self.n else "\x00"
            if end is None or not (nxt.isdigit() or nxt in _CN) or not _RX_CLOCK_NUMBER.match(self.s, end):
                return None  # (早一秒清醒: 早 is 'earlier', the number no clock time)
        if (
            len(word) == 1
            and end is not None
            and end >= 3
            and self.s[end - 3] == "朝"
            and self.s[end - 2] in _CN
        ):
            return None  # 朝九晚五: working hours, not an evening
        if len(word) == 1 and end is not None and end < self.n:
            nxt = self.s[end]
            if not (nxt.isdigit() or nxt in _CN or nxt in "上间，,。 " or self._evening_of_day(f, word, nxt)):
                return None
        if not f.kinds and end is not None and not self._in_set:
            if self._habitual(end - len(word), end):
                return None
            if self.s.startswith(self._daypart_noun_heads, end):
                return None  # 夜间照明, 下午茶, 黄昏色: a kind of thing, not a time of any day
            if (
                self._habit_sentence(end - len(word))
                or self._routine_opening(word, end)
                or self.s.startswith(self._rule_words, end)  # 夜间禁止施工
            ):
                # 每天清晨出门，晚上10点多回家; 他白天搬砖，晚上摆摊 (opening the text): no date
                nf = self._unres(f, "daypart", part=(h0, h1))
                nf.rtype = "datetime"
                return nf
        if f.unresolved:
            return self._unres(f, "daypart", part=(h0, h1), pm=1 if word in self.v["pm_parts"] else 0)
        nf = replace(f, kinds=f.kinds + ("daypart",), part=(h0, h1))
        nf.pm = 1 if word in self.v["pm_parts"] else (-1 if h1 <= 12 else 0)
        if word in ("中午", "午间", "正午"):
            nf.pm = 2
        if not self._take_day(nf):
            return nf if nf.unresolved else None
        day = trunc(nf.start, "day")
        nf.start = day + dt.timedelta(hours=h0)
        nf.end = day + dt.timedelta(hours=h1)
        nf.gran = "hour"
        nf.rtype = "datetime"
        return nf

    def _evening_of_day(self, f: _Frame, word: str, nxt: str) -> bool:
        """Is 晚/夜 right after a day (24日晚公告, 10日夜赶到) the evening of that day, the verb
        following it, rather than a word (晚会, 晚报, 晚于, 夜市)?  (`_evening_after_day`)"""
        v = self.v["evening_after_day"]
        return (
            f.kinds[-1:] == ("day",)
            and word in v["parts"]
            and "\u4e00" <= nxt <= "\u9fff"
            and nxt not in v["not_before"]
        )

    def _day_deixis(self, i: int) -> bool:
        """Is the one character 昨, 今 or 明 at i a day (外交部昨表示, 今起实施), not part of a word
        (如今, 今后, 文明)?  (data/timewords.json `_day_deixis`)"""
        s, v = self.s, self.v
        w = s[i]
        nxt = s[i + 1 : i + 2]
        prev = s[i - 1 : i]
        if not ("\u4e00" <= nxt <= "\u9fff") or nxt in v["day_deixis_not_before"][w]:
            return False
        if prev and prev in v["day_deixis_not_after"][w]:
            return False
        only = v["day_deixis_only_before"].get(w)
        if only is not None:
            return (not prev or not "\u4e00" <= prev <= "\u9fff") and s.startswith(tuple(only), i + 1)
        return True

    def _looks_ahead(self, e: int) -> bool:
        """Does the clause after 近期 (ending at e; the next clause when a comma follows it) look
        ahead (近期将…, 近期，他准备…) and tell nothing done (了, 已)?  data/timewords.json
        `near_term_ahead`"""
        s = self.s
        start = e + 1 if s[e : e + 1] in ("，", ",") else e
        stop = _BOUNDARY.search(s, start)
        clause = s[start : stop.start() if stop else self.n]
        if "了" in clause or "已" in clause:
            return False
        return any(w in clause for w in self.v["near_term_ahead"])

    def _in_past_narrative(self, i: int, e: int) -> bool:
        """Is the 'N年后' at i..e told in a story of the past: an opener (一开始, 当初 …) earlier in
        its sentence or the one before, and nothing looking ahead in its clause or the next
        (data/timewords.json `past_narrative_openers`, `future_markers`)?"""
        s = self.s
        k = max(s.rfind(ch, 0, i) for ch in "。！？!?\n")
        k = max(s.rfind(ch, 0, k) for ch in "。！？!?\n") if k > 0 else k
        if not any(w in s[k + 1 : i] for w in self.v["past_narrative_openers"]):
            return False
        lo = max(s.rfind(ch, 0, i) for ch in "，,。；;！？!?\n") + 1
        hi = e + 1 if s[e : e + 1] in ("，", ",") else e
        for _ in range(2):  # its own clause, then the next
            stop = _BOUNDARY.search(s, hi)
            hi = stop.end() if stop else self.n
        return not any(w in s[lo:hi] for w in self.v["future_markers"])

    def _told_as_past(self, i: int, e: int) -> bool:
        """Does 'N年后' (ending at e) open a clause that tells what already happened (3年后，团队终于
        生产出了样机): 终于 or a verb with 了 in the clause, nothing that looks ahead (将, 预计 …)?"""
        s = self.s
        if i and s[i - 1] not in "，,。；;：:\n ":
            return self._in_past_narrative(i, e)
        if self._in_past_narrative(i, e):
            return True
        start = e + 1 if s[e : e + 1] in ("，", ",") else e
        stop = _BOUNDARY.search(s, start)
        clause = s[start : stop.start() if stop else self.n]
        if any(w in clause for w in self.v["future_markers"]):
            return False
        return "终于" in clause or "了" in clause[1:]

    def _some_day(self, i: int) -> bool:
        """Is the 一天 at i 'one day' (某一天; 有一天 opening a clause, also after 如果, 总, 终 …), a day
        not placed, rather than a length (只有一天, 还有一天)?"""
        before = self.s[max(0, i - 2) : i]
        if before.endswith("某"):
            return True
        return before.endswith("有") and (
            len(before) < 2 or not "\u4e00" <= before[0] <= "\u9fff" or before[0] in "果是若总终等会将但可而"
        )

    def _habitual(self, a: int, b: int) -> bool:
        """Is the part of day at [a, b) a habit (妈妈晚上也不在, 经常半夜醒来), not a date?"""
        v = self.v
        return self.s[b : b + 1] in tuple(v["habitual_daypart_after"]) or self.s[max(0, a - 2) : a].endswith(
            tuple(v["habitual_daypart_before"])
        )

    #: the parts of day a routine sets against each other (白天…晚上, 早上…晚上); 上午 and 下午
    #: also schedule a day's events (上午开幕，下午讨论), so they do not make a routine
    _ROUTINE_PARTS = ("白天", "晚上", "夜里", "夜间", "早上", "早晨", "清晨")
    _RX_ROUTINE_OTHER_PART = re.compile("|".join(_ROUTINE_PARTS))
    _RX_NAMED_DAY = re.compile(r"[今昨明前][天日晚早]|\d{1,2}[日号]|[周星期][一二三四五六日天]|当天|当晚")

    def _routine_opening(self, word: str, end: int) -> bool:
        """Is the part of day `word` ending at `end` one of a routine told at the start of the text:
        nothing placed before it, no clock time after it, and the rest of its sentence sets another
        part of day against it but names no day (他白天在工地搬砖，晚上去夜市摆摊)?  It would
        otherwise fall back on the reference day."""
        if word not in self._ROUTINE_PARTS or self._last_end >= 0 or self.ctx.day is not None:
            return False
        if self.ctx.ref is None or end >= self.n or self.s[end].isdigit() or self.s[end] in _CN:
            return False
        stop = _SENTENCE_END.search(self.s, end)
        rest = self.s[end : stop.start() if stop else self.n]
        return bool(self._RX_ROUTINE_OTHER_PART.search(rest)) and not self._RX_NAMED_DAY.search(rest)

    def _habit_sentence(self, a: int) -> bool:
        """Does the sentence before a bare part of day or clock time at `a` tell a habit (每天,
        经常, 总是 …) or a recollection (a clause …刚…时, 当时, 小时候), so that the time
        is not on a date (data/timewords.json `_habit_sentence`)?"""
        s, v = self.s, self.v
        sentence = s[self._sentence_start(max(0, a - 80), a) : a]
        if not sentence or any(w in sentence for w in v["habit_sentence_words"]):
            return bool(sentence)
        if any(w in sentence for w in v["rule_words"]):
            return True  # 该市规定夜间禁止施工: the hours a rule covers
        for clause in _CLAUSE_SPLIT.split(sentence)[:-1]:
            if clause in v["recollection_clauses"]:
                return True
            if clause.endswith(("时", "时候")) and any(w in clause for w in v["recollection_clause_words"]):
                return True
        return False

    def _c_clock(self, m: re.Match[str], f: _Frame) -> _Frame | None:
        h, mi = int(m.group(1)), int(m.group(2))
        sec = int(m.group(3)) if m.group(3) else None
        ampm = (m.group(4) or "").lower()
        if h > 24 or mi > 59 or (sec is not None and sec > 59):
            return None
        if ampm.startswith("p") and h < 12:
            h += 12
        elif ampm.startswith("a") and h == 12:
            h = 0
        return self._time(f, h, mi, sec, "second" if sec is not None else "minute")

    def _c_hour(self, pos: int, f: _Frame) -> tuple[int, _Frame] | None:
        s = self.s
        m = self.rx["hour"].match(s, pos)
        if not m:
            return None
        # 七八点: seven or eight o'clock, a range over both hours (not 78)
        pair = _neighbouring_numerals(m.group(1))
        hv = _CN_DIGITS.find(m.group(1)[0]) if pair else numeral_int(m.group(1))
        if hv is None or hv > 24:
            return None
        unit = m.group(2)
        end = m.end()
        if unit == "时" and end < self.n and s[end] in self.v["clock_after_blockers"] and not m.group(3):
            return None
        if pos > 0 and s[pos - 1] in "小当同一每第" and unit == "时":
            return None
        mi: int | None = 0
        sec, gran, strong = None, "hour", bool(m.group(3))
        rest = s[end : end + 12]
        mm = _RX_MINUTE.match(rest)
        if mm and mm.end() > 0:
            if mm.group(1):
                mi = {"半": 30, "一刻": 15, "三刻": 45, "整": 0, "正": 0}[mm.group(1)]
                gran = "minute" if mm.group(1) not in ("整", "正") else "hour"
                strong = True
            elif mm.group(6):
                before = {"一刻": 15, "三刻": 45}.get(mm.group(6)) or numeral_int(mm.group(6))
                if before is None or not 0 < before < 60 or hv == 0:
                    return None
                hv, mi, gran, strong = hv - 1, 60 - before, "minute", True
            elif mm.group(7) or mm.group(8):
                marks = numeral_int(mm.group(7) or mm.group(8))
                mi = 5 * marks if marks is not None and marks < 12 else None
                gran, strong = "minute", True
            elif mm.group(2):
                mi = numeral_int(mm.group(2))
                sec = numeral_int(mm.group(3)) if mm.group(3) else None
                gran = "second" if sec is not None else "minute"
                strong = True
            elif mm.group(4):
                mi = numeral_int(mm.group(4))
                gran = "minute"
                strong = True
            else:
                mm = None
            if mm is not None:
                end += mm.end()
        elif rest and (rest[0] in _CN or rest[0].isdigit()):
            return None  # 七点三: a decimal, not a time
        if mi is None or mi > 59 or (sec is not None and sec > 59):
            return None
        if not strong and not f.kinds:
            weak_ok = unit == "时" and m.group(1).isdigit()
            if not weak_ok:
                nxt = s[end : end + 3]
                if not _RX_HOUR_NEXT.match(nxt):
                    if not (pos > 0 and s[pos - 1] in "在于到至从约近"):
                        return None
        if pair and (mm is not None or f.kinds[-1:] != ("daypart",)):
            return None  # only 下午七八点 (a part of day first): 七八点半 or a bare 七八点 is no such range
        nf = self._time(f, hv, mi, sec, gran)
        if pair and nf is not None and nf.start is not None and nf.end is not None:
            nf.end, nf.rtype = nf.end + dt.timedelta(hours=1), "range"
        return (end, nf) if nf is not None else None

    def _time(self, f: _Frame, h: int, mi: int, sec: int | None, gran: str) -> _Frame | None:
        if f.unresolved:
            return self._unres(f, "clock")
        if not f.kinds and not self._in_set and self._habit_sentence(self.here):
            nf = self._unres(f, "clock")
            nf.rtype = "datetime"
            return nf
        nf = replace(f, kinds=f.kinds + ("clock",))
        evening_midnight = False
        if f.pm == 0 and not f.kinds and h < 12:
            nf.pm = self._half_of_day(h)  # 下午3点到5点, 下午9点24分…9点38分
        if nf.pm == 1 and h < 5 and f.part and f.part[0] >= 18:
            h += 24  # 深夜两点, 夜里3点: the small hours after that evening, not the afternoon
        elif nf.pm == 1 and h == 12 and f.part and f.part[0] >= 18:
            h, evening_midnight = 24, True  # 晚上12点(半): the midnight ending that evening, not noon
        elif nf.pm == 1 and h < 12 or nf.pm == 2 and h < 6:
            h += 12
        elif nf.pm == -1 and h == 12 and f.part in self._midnight_parts:
            h, evening_midnight = 24, True  # 午夜12点: the midnight ending the day, as after an evening
        elif nf.pm == -1 and h == 12 and f.part and f.part[0] == 0:
            h = 0
        if h == 24 and (mi or sec) and not evening_midnight:
            h = 0
        if not self._take_day(nf):
            return nf if nf.unresolved else None
        day = trunc(nf.start, "day")
        # 24时 is the end of the day (the next day's 00:00), not the 00:00 it starts with
        start = day + dt.timedelta(hours=h, minutes=mi, seconds=sec or 0)
        nf.start, nf.end, nf.gran = start, add_grain(start, gran), gran
        nf.rtype = "datetime"
        nf.part = None
        return nf

    # -- points ----------------------------------------------------------------

    def parse_point(
        self, pos: int, base: _Frame | None = None, allow_weak: bool = False
    ) -> tuple[int, _Frame] | None:
        f = base if base is not None else _Frame()
        last = (
            Rank.NONE
            if base is None
            else max((RANK_OF_KIND.get(k, Rank.MARKER) for k in base.kinds), default=Rank.NONE)
        )
        start_pos = pos
        s, n = self.s, self.n
        while pos < n:
            ch = s[pos]
            if ch in _GOES_ON_AT:  # what lets a point go on past its last component: a gloss, 全年, 的
                if last == Rank.YEAR and ch == "(" and f.start is not None:
                    gloss = _RX_YEAR_GLOSS.match(s, pos)  # 去年(2014)6月: the year restated, one expression
                    if gloss is not None and int(gloss.group(1)) in (f.start.year, f.start.year - ROC_EPOCH):
                        pos = gloss.end()
                        continue
                whole_year = last == Rank.YEAR and s.startswith("全年", pos) and f.gran == "year"
                if whole_year and f.start is not None:
                    pos += 2  # 2023年全年, 去年全年: the year said whole, one expression
                    continue
                if last == Rank.YEAR and ch == "的" and f.start is not None and self.ref is not None:
                    same = next((w for w in self._same_day_words if s.startswith(w, pos)), None)
                    day = _safe_date(f.start.year, self.ref.month, self.ref.day) if same else None
                    if same is not None and day is not None:  # 去年的今天: that day of that year
                        f = replace(f, kinds=f.kinds + ("day",))
                        self._set(f, day, "day")
                        pos, last = pos + len(same), Rank.DAY
                        continue
                if last == Rank.YEAR and ch == "的":
                    of = _RX_OF_MONTH.match(s, pos)  # 1996年的11月, 2012 年的 6 月: one month of that year
                    if of is not None and self.rx["month"].match(s, of.end()):
                        pos = of.end()
                        continue
                if ch == "(" and Rank.DAY <= last <= Rank.DAYPART and f.start is not None:
                    # 今天（1月3日）上午, 今晚（2月10日）九点半: the day restated, one expression that goes on
                    gloss = _RX_DAY_GLOSS.match(s, pos)
                    if gloss is not None and self._glosses_day(gloss, f):
                        pos = gloss.end()
                        continue
            at = pos
            if ch == " " and last in _SPACED_RANKS and s[pos - 1] in "年月日号午晚上间夜晨" and pos + 1 < n:
                at = pos + 1  # 2017 年 2 月 22 日上午 7 时: one space between the parts of a date
                if not s[at].isdigit():
                    break
            # all component parses at `at` finer than rank `last`: (end, rank, new frame)
            key = s[at : at + 2] if s[at] not in _RUN_OF else _prefilter_key(s, at)
            plan = _PLAN_AT.get((key, last))
            if plan is None:
                plan = self._plan(key, last)
            cands: _Candidates = []
            for step in plan:
                step(self, s, at, f, cands)
            if not cands:
                break
            best = cands[0]  # the longest, the first of equally long ones
            for c in cands:
                if c[0] > best[0]:
                    best = c
            end, rank, nf = best
            f, pos, last = nf, end, rank
            if f.unresolved and f.start is None and rank >= Rank.DAY:
                # keep consuming for the span, resolution is lost anyway
                pass
        if pos == start_pos or not f.kinds or f.kinds == ("lunar",):
            return None
        if f.weak and len(f.kinds) == 1 and not allow_weak:
            if f.weak == "bare_hao":
                if not self._bare_hao_ok(start_pos, pos):
                    return None
            elif f.weak != "bare_year" or not self._bare_year_ok(start_pos, pos):
                return None
        return pos, f

    def _bare_hao_ok(self, a: int, b: int) -> bool:
        """'18号，双方再次会面': a bare N号 is a date where it stands as one (data: `bare_hao_*`)."""
        prev = self.s[a - 1] if a > 0 else "\n"
        return prev in self._bare_hao_before and b < self.n and self.s[b] in self._bare_hao_after

    def _bare_year_ok(self, a: int, b: int) -> bool:
        """'2018' alone is a year only when it stands free: '根据财税2016 36号文', a title date."""
        prev = self.s[a - 1] if a > 0 else " "
        nxt = self.s[b] if b < self.n else " "
        return (
            (nxt.isspace() or nxt in "，。；、）)")
            and not (prev.isalnum() and prev.isascii())
            and prev not in ("第共约近达为超逾增降减至到和及与、")
        )

    # -- expressions -------------------------------------------------------------

    def parse_at(self, i: int, expressions: Sequence[str] = _EXPRESSIONS) -> _Cand | None:
        """The longest expression at i (the first of equally long ones, in `_EXPRESSIONS` order);
        `expressions` may leave out rules that cannot match there."""
        best: _Cand | None = None
        self.here = i
        for name in expressions:
            try:
                c = getattr(self, name)(i)
            except (ValueError, OverflowError):  # dates out of the calendar range: not a usable match
                c = None
            if c is not None and not _in_calendar(c):
                c = None
            if c is not None and (best is None or c.e > best.e):
                best = c
        return best

    def _point_expr(self, i: int) -> _Cand | None:
        s = self.s
        pre_m = _RX_PREFIX.match(s, i) if _PREFIX_MAY_BEGIN[s[i]] else None
        prefix = pre_m.group(0) if pre_m else None
        j = pre_m.end() if pre_m else i
        r = self._range_or_point(j)
        if r is None:
            if prefix:
                return None
            return None
        e, lf, rf = r
        if prefix is None and rf is None and lf.kinds == ("year",) and s.startswith("同期", e):
            same = self._same_period_in(i, e + 2, lf)  # 2022年同期: the period in context, in 2022
            if same is not None:
                return same
        if prefix is None and rf is None and lf.kinds == ("day", "weekday"):
            dated = self._date_after_weekday(e)
            if dated is not None:
                e, lf = dated
        if rf is None and lf.kinds and lf.kinds[-1] in ("month", "day") and s.startswith("的一天", e):
            e += 3  # 2月18日的一天, 5月的一天: that date (a day of that month), not a length of one day
        if (
            prefix in ("到", "至")
            and rf is None
            or (prefix in ("自从", "从", "自") and rf is None and _RX_VALUE_OF_TIME.match(s, e))
        ):
            # 从2016年的650万台(增至…): the year of a value compared, a point, not 'since 2016'
            prefix = None
            if j != i:
                return self._point_expr(j)
        if prefix is None and rf is None and self._after_passing(j):
            prefix, i = "过完", j - 2  # 过完春节再回去: after the festival
        c = self._finish(i if prefix else j, e, lf, rf, prefix)
        return c

    def _after_passing(self, j: int) -> bool:
        """Is the time at j said to be got through first (过完春节, 今年过完农历年): after it?  Not
        after 度, 经, 渡 (度过完), where 过 belongs to the word before."""
        s = self.s
        return (
            j >= 2
            and s.startswith("过完", j - 2)
            and j - 2 >= self._last_end
            and (j < 3 or s[j - 3] not in "度经渡")
        )

    def _day_gloss_end(self, e: int, lf: _Frame) -> int:
        """Where a day expression ends with the day or weekday restated in parentheses after it
        (上周六(24日), 24日(周六), 今晚(8月2日)): one expression, not two.  A restated day must be the day the
        expression resolved to (else it stays a date of its own)."""
        g = _RX_DAY_GLOSS.match(self.s, e)
        if g is None or "day" not in lf.kinds and "weekday" not in lf.kinds:
            return e
        if g.group("d") is None:
            return g.end() if "day" in lf.kinds else e  # a weekday after a weekday is not a gloss
        start = lf.start
        if start is None or lf.gran not in ("day", "hour", "minute") or int(g.group("d")) != start.day:
            return e  # (今晚（8月2日）, 今天上午（12月9日）: a part of the day restates its day too)
        if g.group("mo") is not None and int(g.group("mo")) != start.month:
            return e
        return g.end()

    @staticmethod
    def _glosses_day(g: re.Match[str], f: _Frame) -> bool:
        """Does the gloss `g` ((24日), (8月2日)) restate the day frame `f` resolved to?"""
        start = f.start
        if start is None or g.group("d") is None or f.gran not in ("day", "hour", "minute"):
            return False
        return int(g.group("d")) == start.day and (g.group("mo") is None or int(g.group("mo")) == start.month)

    def _date_after_weekday(self, e: int) -> tuple[int, _Frame] | None:
        """'周日，二月十号': a weekday set before its month and day is one expression, dated by them
        (not when the date begins a range)."""
        sep = _RX_SEP_WD.match(self.s, e)
        if sep is None or sep.end() == e or sep.end() >= self.n:
            return None
        p = self.parse_point(sep.end())
        if p is None or "month" not in p[1].kinds or "day" not in p[1].kinds:
            return None
        if _RX_CONN.match(self.s, p[0]):
            return None
        return p

    def _bare_left(self, j: int) -> tuple[int | None, int, int] | None:
        """'2——4月', '1995-1997年', '早上五到六点': a bare number followed by a connector."""
        if j >= self.n or not _INT_MAY_BEGIN[self.s[j]]:
            return None
        m = _RX_INT.match(self.s, j)
        if not m:
            return None
        c = _RX_CONN.match(self.s, m.end())
        if c:
            return numeral_int(m.group(1)), m.end(), c.end()
        # '7、8月', '3、4日', '七、八月份': two numbers one apart listed with 、 are both
        # units of one stretch, as 7至8月 is (not '3、5月': two points, not read here)
        if self.s[m.end() : m.end() + 1] != "、":
            return None
        nxt = _RX_INT.match(self.s, m.end() + 1)
        val = numeral_int(m.group(1))
        if nxt is None or val is None or numeral_int(nxt.group(1)) != val + 1:
            return None
        return val, m.end(), m.end() + 1

    def _range_or_point(self, j: int) -> tuple[int, _Frame, _Frame | None] | None:
        p = self.parse_point(j)
        if p is None:
            bl = self._bare_left(j)
            if bl is None or bl[0] is None:
                return None
            val, _, rstart = bl
            rp = self.parse_point(rstart)
            if rp is None:
                return None
            re_, rf = rp
            assert val is not None  # checked above
            lf = self._left_from_right(val, rf, 0)
            if lf is None:
                return None
            return re_, lf, rf
        e, lf = p
        if e < self.n and self.s[e] == "(":
            e = self._day_gloss_end(e, lf)
        bl = self._bare_left(e)
        if bl is None and self.s.startswith(" ", e) and lf.kinds and lf.kinds[-1] == "year":
            bl = self._bare_left(e + 1)  # 今年 1 - 10 月: one space after the year, as inside a date
        if bl is not None and bl[0] is not None and lf.kinds and lf.kinds[-1] in ("year", "month", "daypart"):
            rp = self.parse_point(bl[2], base=replace(lf), allow_weak=True)
            if rp is not None:
                lf2 = self._left_from_right(bl[0], rp[1], len(lf.kinds))
                if lf2 is not None:
                    return rp[0], lf2, rp[1]
        at = e
        if self.s.startswith("起", e) and self.s.startswith(("至", "到"), e + 1):
            at = e + 1  # 自5月1日起至6月30日止: one range
        c = _RX_CONN.match(self.s, at) if at < self.n and _CONN_MAY_BEGIN[self.s[at]] else None
        if c and c.end() > at:
            rp = self._right(c.end(), lf)
            if rp is not None:
                re_ = rp[0]
                if re_ < self.n and self.s[re_] == "(":
                    re_ = self._day_gloss_end(re_, rp[1])  # 至25日(周日)
                if at > e and re_ < self.n and self.s[re_] == "止":
                    re_ += 1  # …起至…止: the closing word of the pair is part of the range
                return re_, lf, rp[1]
        between = self._between(e, lf)
        if between is not None:
            return between
        return e, lf, None

    _RX_AND = re.compile(r"\s{0,1}(?:和|与|跟)\s{0,1}")
    _RX_BETWEEN = re.compile("之间|间")

    def _between(self, e: int, lf: _Frame) -> tuple[int, _Frame, _Frame] | None:
        """'3月和5月之间', '下午3点与5点间': two points joined by 和/与 and closed by 之间 are one range."""
        a = self._RX_AND.match(self.s, e) if e < self.n and self.s[e] in " 和与跟" else None
        if a is None:
            return None
        try:
            rp = self._right(a.end(), lf)
        except (ValueError, OverflowError):  # 明年 of year 9999: the left side stands alone
            return None
        if rp is None:
            return None
        b = self._RX_BETWEEN.match(self.s, rp[0])
        if b is None:
            return None
        return b.end(), lf, rp[1]

    def _left_from_right(self, val: int, rf: _Frame, idx: int) -> _Frame | None:
        k = rf.kinds[idx] if len(rf.kinds) > idx else None
        lf = replace(rf)
        if rf.start is None:
            return None
        try:
            if k == "year":
                if val < 100:
                    val += (rf.start.year // 100) * 100
                if not 1000 <= val <= 2200:  # the years _c_year accepts: 100-去年 is no range
                    return None
                self._set(lf, dt.datetime(val, 1, 1), "year")
            elif k == "month" and rf.gran in ("month",):
                self._set(lf, rf.start.replace(month=val), "month")
            elif k == "day" and rf.gran == "day":
                self._set(lf, rf.start.replace(day=val), "day")
            elif k in ("daypart", "clock") or (rf.kinds and rf.kinds[-1] == "clock"):
                if rf.gran not in ("hour", "minute", "second"):
                    return None
                h = val
                if rf.start.hour >= 12 and h < 12 and rf.start.hour - 12 >= h:
                    h += 12
                st = trunc(rf.start, "day") + dt.timedelta(hours=h)
                lf.start, lf.end, lf.gran = st, st + dt.timedelta(hours=1), "hour"
            else:
                return None
        except ValueError:
            return None
        lf.weak = None
        return lf

    def _right(self, pos: int, lf: _Frame) -> tuple[int, _Frame] | None:
        """Right side of a range: inherits the coarser fields of the left side."""
        saved = self._left_side_as_context(lf, pos)
        try:
            rp = self.parse_point(pos, allow_weak=True)
            if rp is None:
                return None
            e, rf = rp
            if rf.start is None or lf.start is None:
                return (e, rf) if (rf.unresolved or lf.unresolved) else None
            assert rf.end is not None  # a frame with a start has an end
            if "weekday" in rf.kinds and rf.gran == "day" and lf.gran == "day":
                # 下周一至周三, 上周五至周日: the first such weekday from the left side on
                days = (rf.start.weekday() - lf.start.weekday()) % 7
                rf.start = trunc(lf.start, "day") + dt.timedelta(days=days)
                rf.end = rf.start + dt.timedelta(days=1)
            if rf.start < lf.start and "year" not in rf.kinds and rf.gran in ("month", "day"):
                rf.start, rf.end = rf.start + relativedelta(years=1), rf.end + relativedelta(years=1)
            if rf.end <= lf.start:
                return None
            return e, rf
        finally:
            self._restore_context(saved)

    _SUFFIX = re.compile(
        r"\s{0,2}(?:(?:或|及|以及)(?:之前|以前)|(?:或|及|以及)(?:之后|以后)|以来|至今|迄今|到现在|到目前|到今天|至目前|为止|起|开始|"
        r"以前|之前|以后|之后|过后|过完(?:之后|以后|后)?(?=[了再就才]|[^\u4e00-\u9fff]|$)|底前|前后|前|后|左右|许|上下|"
        r"以内|之内|内|来)"
    )

    def _finish(self, s0: int, e: int, lf: _Frame, rf: _Frame | None, prefix: str | None) -> _Cand | None:
        s = self.s
        mod = lf.mod
        typ = lf.rtype or "date"
        start, end, gran = lf.start, lf.end, lf.gran
        anchor = lf.anchor
        unresolved = lf.unresolved or start is None
        if rf is not None:
            unresolved = unresolved or rf.unresolved or rf.start is None
            if not unresolved:
                end = rf.end
                assert rf.gran is not None and gran is not None  # frames with a start have a grain
                if GRAIN_ORDER[rf.gran] < GRAIN_ORDER[gran]:
                    gran = rf.gran
            typ, mod = "range", None
            if anchor == "absolute" and rf.anchor != "absolute":
                anchor = rf.anchor
        suf = self._SUFFIX.match(s, e) if e < self.n and _SUFFIX_MAY_BEGIN[s[e]] else None
        ref = self.ctx.ref
        years_span = False
        w = suf.group(0).strip() if suf else None
        if (
            w in ("前", "后")
            and lf.kinds
            and lf.kinds[-1] in ("day", "daypart", "clock", "monthsub")
            and rf is None
        ):
            assert suf is not None  # w is its text
            nxt = s[suf.end()] if suf.end() < self.n else "\x00"
            if nxt in "天夕日台排面来辈期者人往":  # 前天 / 后来 / 前往 …: not a modifier
                w = None
        if w == "来" and not (lf.kinds and lf.kinds[0] == "year"):
            w = None
        if w == "起" and suf is not None and s[suf.end() : suf.end() + 1] in self._verb_chars_after_qi:
            w = None  # 早上起来, 半夜起床, 昨天起诉: the verb, not 'from the morning on'
        if w == "开始" and prefix not in ("自从", "从", "自"):
            w = None  # 今天开始实施, 直到60年代开始: 开始 is the verb; the time is the point it begins at
        if w is not None:
            assert suf is not None  # w is its text
            e = suf.end()
            if w in ("以来", "来", "至今", "迄今", "到现在", "到目前", "到今天", "至目前"):
                mod, typ = "since", "range"
                if not unresolved:
                    assert start is not None  # resolved
                    end = self._since_end_now(start)
            elif w in ("起", "开始"):
                mod, typ = "since", "range"
                if not unresolved:
                    end = self._since_end(end)
            elif w in ("或之后", "或以后", "及之后", "及以后", "以及之后", "以及以后"):
                mod, typ = "since", "range"
                if not unresolved:
                    end = None
            elif w in ("或之前", "或以前", "及之前", "及以前", "以及之前", "以及以前", "为止"):
                mod, typ = "until", "range"
                if not unresolved:
                    start = None
            elif w in ("以前", "之前", "前", "底前"):
                if w == "底前":
                    return None
                mod, typ = "before", "range"
                # 年底前: the last day of a period said to be its end decides (the year starts before now)
                last = end - dt.timedelta(days=1) if lf.mod == "end" and end is not None else start
                if not unresolved and start is not None and last is not None and self._is_deadline(last):
                    start = ref  # a deadline: from now until then
                    if gran in ("hour", "minute", "second"):
                        end = lf.start  # 三点之前: until 15:00
            elif w in ("以后", "之后", "后") or w.startswith("过"):  # 春节过后, 中秋节过完(后): after it
                mod, typ = "after", "range"
                years = self._years_after(e) if gran == "year" and w != "后" and start is not None else None
                if years is not None and not unresolved:
                    # 2011年以后的30年里: those thirty years, one range from the year named
                    e, mod, end = years[0], None, start + relativedelta(years=years[1])
                    years_span = True
            elif w in ("左右", "前后", "许", "上下"):
                mod = "about"
            elif w in ("以内", "之内", "内"):
                if lf.kinds and lf.kinds[0] != "year":
                    e = suf.start()
        if (
            w is None
            and rf is None
            and mod is None
            and lf.kinds[-1:] == ("clock",)
            and s[e - 1] in "点时"
            and s.startswith("多", e)
            and s[e + 1 : e + 2] not in _NOT_APPROX_AFTER_DUO
        ):
            mod, e = "about", e + 1  # 晚上9时多: a little after nine, as 9时许 is about nine
        if prefix in ("自从", "从", "自") and rf is None:
            # 自端午后, 从春节过后: since then, up to now (not only the day after)
            if mod in (None, "since") or (
                mod == "after" and w is not None and (w in ("后", "之后", "以后") or w.startswith("过"))
            ):
                mod, typ = "since", "range"
                if not unresolved and end is not None:
                    if w not in ("以来", "至今", "起", "开始", "来"):
                        end = self._since_end(end)
        elif prefix in ("截至", "截止到", "截止至", "截止", "直到") and rf is None:
            mod, typ = "until", "range"
            if not unresolved:
                start = None
        elif prefix in ("大约", "大概", "约") and mod is None:
            mod = "about"
        elif prefix == "过完" and rf is None and mod is None:
            mod, typ = "after", "range"
        if unresolved:
            start = end = None
        if start is not None and end is not None and end <= start:
            if gran in ("hour", "minute", "second"):
                end += dt.timedelta(days=1)  # 晚11时至1时: runs past midnight
            else:
                return None  # an empty or reversed interval is not a time expression
        value = self._value(lf, rf, start, end, gran, unresolved, mod)
        if years_span:
            value = timex_value(start, end, gran)
        time_of_day = lf.kinds[-1:] in (("daypart",), ("clock",))
        if typ == "date" and (gran in ("hour", "minute", "second") or (unresolved and time_of_day)):
            typ = "datetime"  # a time of day is one whether or not its day can be placed (下午 alone)
        if rf is not None or lf.kinds[-1:] not in (("year",), ("yearsub",)) or not self._names_report(e):
            self._update_ctx(lf if rf is None else rf, lf, e)
        cand = _Cand(s0, e, typ, value, start, end, gran, mod, anchor, frame=lf, kinds=lf.kinds)
        cand.year_unknown = max(lf.year_unknown, rf.year_unknown if rf is not None else 0)
        if start is not None and end is not None:
            self._update_last(cand)
        return cand

    def _value(
        self,
        lf: _Frame,
        rf: _Frame | None,
        start: dt.datetime | None,
        end: dt.datetime | None,
        gran: str | None,
        unresolved: bool,
        mod: str | None,
    ) -> str | None:
        if unresolved:
            return _partial_value(lf)
        lv = timex_value(lf.start, lf.end, lf.gran) if lf.start else None
        if rf is not None and rf.start is not None:
            rv = timex_value(rf.start, rf.end, rf.gran)
            if lv and rv and "/" not in lv + rv:
                return "%s/%s" % (lv, rv)
            return _iv_value(start, end) if start is not None and end is not None else rv
        return lv

    # -- durations ---------------------------------------------------------------

    _UNITS = {
        "年": (12, 0, 0, "year"),
        "个月": (1, 0, 0, "month"),
        "月": (1, 0, 0, "month"),
        "季度": (3, 0, 0, "quarter"),
        "个季度": (3, 0, 0, "quarter"),
        "周": (0, 7, 0, "week"),
        "星期": (0, 7, 0, "week"),
        "个星期": (0, 7, 0, "week"),
        "礼拜": (0, 7, 0, "week"),
        "个礼拜": (0, 7, 0, "week"),
        "天": (0, 1, 0, "day"),
        "日": (0, 1, 0, "day"),
        "小时": (0, 0, 3600, "hour"),
        "个小时": (0, 0, 3600, "hour"),
        "钟头": (0, 0, 3600, "hour"),
        "个钟头": (0, 0, 3600, "hour"),
        "个钟": (0, 0, 3600, "hour"),
        "钟": (0, 0, 3600, "hour"),  # only in 一个半钟 (Cantonese: an hour and a half)
        "分钟": (0, 0, 60, "minute"),
        "分": (0, 0, 60, "minute"),
        "秒钟": (0, 0, 1, "second"),
        "秒": (0, 0, 1, "second"),
        "刻钟": (0, 0, 900, "minute"),
        "世纪": (1200, 0, 0, "year"),
        "载": (12, 0, 0, "year"),
        "晚": (0, 1, 0, "day"),
        "宿": (0, 1, 0, "day"),
        "夜": (0, 1, 0, "day"),
    }
    _DUR_RX = re.compile(
        rf"(?:(?P<num>{_NUM}|半)(?P<more>多|余|来|几)?(?:整(?=个|年|天|日|周|星期|小时|夜))?(?P<ge>个)?(?P<more0>多|余)?(?P<half>半)?"
        rf"|(?P<fz>多|数|几|十几|几十|数十)(?P<ge2>个)?)"
        r"\s{0,1}(?P<unit>个季度|季度|个星期|星期|个礼拜|礼拜|个小时|小时|个钟头|钟头|个钟(?!点)|个月|刻钟|分钟|秒钟|世纪|年|月|周|天|日|秒|分|载|夜|(?<=个半)钟(?![点表楼声摆情爱]))"
        r"(?P<half2>半(?!个|年|月|天|日|小时|周|星期|礼拜))?(?:钟)?(?P<more2>多|余)?"
    )

    def _one_duration(
        self, i: int, bare_month: bool = False, after_hours: bool = False
    ) -> tuple[int, float | None, tuple[int, int, int], str, bool, str] | None:
        if i >= self.n or not _DURATION_MAY_BEGIN[self.s[i]]:
            return None
        m = self._DUR_RX.match(self.s, i)
        if not m:
            return None
        unit = m.group("unit")
        num = m.group("num")
        fuzzy = m.group("fz")
        if unit == "月" and not (m.group("ge") or m.group("ge2")) and num != "半" and not bare_month:
            if fuzzy not in ("数", "数十"):
                return None  # 十月 is a month, 两个月 a duration (and so is 数月, several months)
        nxt = self.s[m.end() : m.end() + 1]
        if unit in ("周", "年") and nxt and nxt in "岁年份度级龄":
            return None  # 18周岁, 两个年份
        if unit == "年" and (m.group("ge") or m.group("ge2")):
            return None
        if (
            unit == "分"
            and not (
                after_hours  # 8小时30分: minutes after hours, one length
                or m.group(0).endswith(("半", "钟"))
                or _RX_SMALL_SEC.match(self.s[m.end() : m.end() + 4])
            )
        ):
            return None  # 十分 (very), 五分 (points)
        if unit in ("周", "日") and num is not None and m.group("ge"):
            return None
        n: float | None
        if (
            num in _rhetorical_numbers()
            and unit in ("年", "载")
            and not (m.group("more") or m.group("more0"))  # 千余年 is a count
            and self.s[i - 1 : i] not in "近数上逾超约几"
        ):
            return None  # 一眼千年, 千年古刹: a figure of speech, not a length of time
        if fuzzy or num in _approximate_numbers():
            # 几个月, 三五天, 千百年: vague, not 35 or 1100. Two neighbouring numerals (两三个月) are a
            # length given by the smaller, as 2、3个月 and 10年至20年 are; before 前/后/内/来 they
            # stay vague (两三年前 is no year)
            low = None if fuzzy else _smaller_of_neighbours(num)
            n = low if low is not None and not self.s.startswith(_POINT_SUFFIX_STARTS, m.end()) else None
        elif num == "半":
            n = 0.5
        else:
            n = numeral_value(num, allow_float=True)
            if n is None:
                return None
            if m.group("half") or m.group("half2"):
                n += 0.5
        if unit == "年" and num and num.isdigit() and len(num) == 4:
            return None
        if unit == "世纪" and self.s.startswith(tuple(self.v["century_name_words"]), m.end()):
            return None  # 21世纪经济报道: a name
        mo, d, sec, grain = self._UNITS[unit]
        more = bool(m.group("more") or m.group("more0") or m.group("more2")) or bool(
            fuzzy and fuzzy not in ("多", "数", "几", "好几")
        )
        if fuzzy in ("十几",):
            n, more = 10, True
        elif fuzzy in ("几十", "数十"):
            n, more = None, True
        return m.end(), n, (mo, d, sec), grain, more, unit

    def _day_length(self, i: int, end: int) -> bool:
        """Is the bare N日 at i..end a number of days (为期3日, 10日行政拘留: data/timewords.json
        `_day_lengths`) rather than a day of the month?"""
        before, after = _day_length_words()
        if self.s.startswith(after, end):
            return True
        return self.s[max(0, i - _LONGEST_DAY_LENGTH_WORD) : i].endswith(before)

    def _months_of_years(self, i: int) -> bool:
        """Is the bare N月 at i the months of a number of years before it (判刑6年2月, 刑期3年6月)?
        Only 1-11 months, and not a date (3年6月1日, 6月份, 6月底)."""
        m = self._MONTHS_AFTER_YEARS.match(self.s, i)
        return m is not None and 1 <= (numeral_int(m.group(1)) or 0) <= 11

    _MONTHS_AFTER_YEARS = re.compile(r"(\d{1,2}|[一二两三四五六七八九十]{1,2})月(?![\d日号份初底中上下旬末])")

    def _after_event(self, i: int) -> bool:
        """Is the 后 at i the end of an event word (婚后, 毕业后, 手术后) rather than a time anchor
        (2021年后) or the start of a clause (后3年)?"""
        if i == 0:
            return False
        prev = self.s[i - 1]
        return "\u4e00" <= prev <= "\u9fff" and prev not in self.v["after_prefix_anchor_chars"]

    def _event_before(self, i: int) -> bool:
        """Does an event word end right before position i (结婚|7年后, 出狱|两年后)?"""
        head = self.s[max(0, i - 4) : i]
        return head.endswith(_event_anchor_words())

    _RX_EVENT_FRAME = re.compile(
        r"\s*[^，,。；;！!？?：:\s]{0,2}在[^\d年月日号时点分秒天周，,。；;！!？?：:\n]{2,16}"
    )

    def _in_event_frame(self, i: int) -> bool:
        """Is the count at i the middle of 在 + an event + N后 opening a clause (在双方签署协议|三天后,
        在父亲车祸|两年后): counted from that event, not from the reference?"""
        start = max(self.s.rfind(p, 0, i) for p in "，,。；;！!？?：:\n") + 1
        m = self._RX_EVENT_FRAME.match(self.s, start, i)
        return m is not None and m.end() == i

    def _not_from_now(self, i: int) -> bool:
        """Is 'N个月内' at i a length of time rather than the next N months: in a generic or
        conditional clause (通常会在6个月内分解), after an event (入帐后15日内) or achieved
        (短短三个月内)?  (data/timewords.json `_within_not_from_now`)"""
        v = self.v
        if i > 0 and self.s[i - 1] in v["within_after_event_chars"]:
            return True
        clause = self.s[self._clause_start(max(0, i - 40), i) : i]
        return any(w in clause for w in v["within_not_from_now"])

    def _quantity_modifier(self, i: int) -> str | None:
        """The modifier a word right before the count at i gives it (约 about, 至少 more_than,
        不到 less_than: data/timewords.json `quantity_modifiers`)."""
        if i == 0 or self.s[i - 1] not in _quantity_word_ends():
            return None
        before = self.s[max(0, i - 4) : i]  # (the longest word, 不得超过: a negation flips 超过)
        for word, mod in self.v["quantity_modifiers"].items():
            if before.endswith(word):
                prev = before[: -len(word)][-1:]
                if prev and prev in self.v["quantity_modifier_not_after"]:
                    return None  # 合约3年, 续约2年: a contract, not 'about'
                return str(mod)
        return None

    def _after_length_verb(self, i: int) -> bool:
        """Does a verb of lasting end right before i (持续, 长达, or V了: 休了), so that 近3年 there is
        a length (data/timewords.json `near_length_after`)?"""
        if i > 0 and self.s[i - 1] in "将將接":  # 修了将近3个月, 持续接近两年
            i -= 1
        return self.s[max(0, i - 2) : i].endswith(tuple(self.v["near_length_after"]))

    def _lower_count_before(self, i: int, n: float) -> tuple[int, float] | None:
        """Where a smaller count joined to the count n at i by 至, 到 or a dash begins (3至6周,
        20到25分钟, 1—1.5小时: between the two), and that count; or None; not an ordinal (第3至6周)."""
        m = _RX_LOWER_COUNT.search(self.s, max(0, i - 8), i)
        if m is None or m.end() != i:
            return None
        start = m.start()
        if start and (self.s[start - 1].isdigit() or self.s[start - 1] in "第.／/"):
            return None
        low = numeral_value(m.group(1), allow_float=True)
        return (start, low) if low is not None and 0 < low < n else None

    def _approximate_pair_before(self, i: int, n: float) -> bool:
        """Is the count n at i the second of a pair of neighbouring numerals written with 、
        (七、八年, 2、3个月: about seven or eight), not an item of a list after an ordinal (第1、2天)?"""
        s = self.s
        if i < 2 or s[i - 1] != "、" or s[i - 3 : i - 2] == "第" or (i >= 3 and s[i - 3].isdigit()):
            return False
        first = numeral_int(s[i - 2])
        return first is not None and first >= 1 and first + 1 == n

    def _years_after(self, e: int) -> tuple[int, int] | None:
        """的N年里 (间, 中, 内) right after Y年以后 at e: the end of those words and N."""
        if not self.s.startswith("的", e):
            return None
        d = self._one_duration(e + 1)
        if d is None or d[5] != "年" or d[1] is None or d[4] or not float(d[1]).is_integer():
            return None
        k = d[0]
        if self.s[k : k + 1] not in self.v["years_after_span_ends"] or not self.s[k : k + 1]:
            return None
        return k + 1, int(d[1])

    def _night_length(self, i: int, j: int, end: int, has_prefix: bool, m_num: str) -> bool:
        """Is N夜 at j..end a length of nights (躲了一夜, 一整夜, 两夜排队)?

        Not 半夜 (midnight), not after a prefix (前一夜) or a count of days (三天两夜: a stay),
        not in an idiom (一夜之间, 一夜暴富: night_length_not_before)."""
        s = self.s
        if has_prefix or m_num.startswith("半") or (i >= 1 and s[i - 1] in "天日半午深昨今前当"):
            return False
        return not s.startswith(tuple(self.v["night_length_not_before"]), end)

    def _one_unit_not_a_length(self, j: int, end: int) -> bool:
        """Is the one day or year at j..end a day described (难忘的一天) or compared (一天比一天)?"""
        s, word = self.s, self.s[j:end]
        if word not in self.v["one_unit_described_words"]:
            return False
        if s.startswith(word + "比" + word, j) or s.startswith(word + "比", j - 1 - len(word)):
            return True
        return j >= 1 and s[j - 1] in self.v["one_unit_described_after"]

    def _again_after(self, i: int) -> bool:
        """Does 再过 stand right before the count at i, or 过 opening a clause (过十周)?"""
        s = self.s
        if s.startswith("再过", i - 2) if i >= 2 else False:
            return True
        return i >= 1 and s[i - 1] == "过" and (i == 1 or s[i - 2] in _CLAUSE_OPENERS)

    def _duration_expr(self, i: int) -> _Cand | None:
        s = self.s
        if i and s[i - 1] == "第":
            return None  # 连续第5年, 第14周: an ordinal within an event, not a length of time
        pre = _RX_DUR_PRE.match(s, i) if _DURATION_PREFIX_MAY_BEGIN[s[i]] else None
        if pre is not None and pre.group(1) == "下" and i and s[i - 1] in "剩余留":
            return None  # 还剩下1个月: the time left, read from the count on, not 'the next month'
        j = pre.end() if pre else i
        d = self._one_duration(j, bare_month=pre is not None)
        if d is None and pre is not None and pre.group(1) in ("上", "下"):
            hour = _RX_ONE_HOUR.match(s, j)  # 下个小时: the next hour, 一 left out
            if hour is not None:
                d = hour.end(), 1, (0, 0, 3600), "hour", False, hour.group(0)
        if d is None:
            return None
        end, n, unitdur, grain, more, unit = d
        if pre is not None and "整" in s[j:end]:
            pre, i = None, j  # 门前一整天: a whole day is a length, whatever stands before it
        # A length between two counts (七、八年, 2、3天, 3至6周, 1—1.5小时) spans both and is given by
        # the smaller, as 10年至20年 is (P10Y): the form annotators accept beside the range itself.
        if pre is None and n is not None and self._approximate_pair_before(i, n):
            i = j = i - 2
            # 2、3年前 is a vague point (PAST_REF), not two years back
            n = None if s.startswith(_POINT_SUFFIX_STARTS, end) else n - 1
        elif pre is None and n is not None and not s.startswith(_POINT_SUFFIX_STARTS, end):
            lower = self._lower_count_before(i, n)
            if lower is not None and lower[0] >= self._last_end:  # not back into the last expression
                i = j = lower[0]
                n = lower[1]
        total = [0.0, 0.0, 0.0]
        if n is not None:
            total = [x * n for x in unitdur]
        # compound durations: 一年零三个月, 8天又二十个小时
        k = end
        part_unit = unitdur
        while n is not None:
            mm = _RX_DUR_JOIN.match(s, k)
            assert mm is not None  # the pattern matches the empty string
            d2 = self._one_duration(
                mm.end(),
                bare_month=grain == "year" and self._months_of_years(mm.end()),
                after_hours=grain == "hour",
            )
            if d2 is None or d2[1] is None:
                break
            if d2[3] == grain or (GRAIN_ORDER[d2[3]] > GRAIN_ORDER[grain] and mm.group(0) != "又"):
                break  # 两天又一个月 is one duration, 3天5年 is not
            if GRAIN_ORDER[d2[3]] < GRAIN_ORDER[grain] and _seconds(d2[2]) * d2[1] >= _seconds(part_unit):
                break  # 一天24小时, 一年12个月: a whole unit restated, not a day and 24 hours
            if s[j:end] in ("一天", "一日") and d2[3] == "hour" and not mm.group(0):
                break  # 一天9小时: nine hours a day, a rate (a day and nine hours is 1天9小时, 一天零9小时)
            k, part_unit = d2[0], d2[2]
            total = [a + b * d2[1] for a, b in zip(total, d2[2])]
            grain = d2[3] if GRAIN_ORDER[d2[3]] < GRAIN_ORDER[grain] else grain
        end = k
        if grain == "year" and total[0] % 12:
            grain = "month"  # 半年, 一年半: counted in months
        if (
            unit in self.v["age_units"]
            and s.startswith("大", end)
            and s[end + 1 : end + 2] in self.v["age_after"]
        ):
            return None  # 4个月大的婴儿: an age
        if pre is None and n == 1 and unit == "天" and end == j + 2 and self._some_day(i):
            # 有一天, 某一天: one day, a day not placed, not a length of one day
            return _Cand(i, end, "date", "XXXX-XX-XX", None, None, "day", None, "absolute")
        if n == 1 and j >= 2 and s.startswith(tuple(self.v["one_unit_position_before"]), j - 2):
            return None  # 假期最后一天, 任期的最后一年: a place in a period, not a length of one unit
        if n == 1 and pre is None and end == j + 2 and self._one_unit_not_a_length(j, end):
            return None  # 最糟糕的一天, 一天比一天差: a day described or compared, not a length of one day
        if unit == "日" and s[end : end + 1] in ("元", "圆", "币"):
            return None  # 291.5日圆: yen, not days
        if unit == "日" and n is not None and n <= 31 and float(n).is_integer() and not pre:
            nxt = s[end : end + 2]
            if not _RX_DAY_NEXT.match(nxt) and not self._day_length(j, end):
                return None  # 20日 is a date
        if unit in ("晚", "宿") and not pre and end > j:
            pass
        if unit in ("晚", "宿") and (n is None or j == i and not _RX_NIGHT_NUM.match(s[j])):
            return None
        if unit == "晚" and s[end : end + 1] in "上间会饭报年":
            return None
        if unit == "夜" and not self._night_length(i, j, end, pre is not None, m_num=s[j:end]):
            return None
        if n is not None and n == 0:
            return None
        ref = self.ctx.ref
        pw = pre.group(1) if pre else None
        if pw == "后" and self._after_event(i):
            # 婚后7年, 毕业后5年: N years after an event, not the N years after the reference
            pre, pw, i = None, None, j
        suf = _RX_DUR_SUF.match(s, end) if end < self.n and _DURATION_SUFFIX_MAY_BEGIN[s[end]] else None
        sw = suf.group(0) if suf else None
        if (
            sw in ("后", "之后", "以后", "过后")
            and not pre
            and (
                self._event_before(i) or GRAIN_ORDER[grain] >= GRAIN_ORDER["day"] and self._in_event_frame(i)
            )
        ):
            # 结婚7年后, 在协议签署三天后: counted from the event, a duration (hours after an event
            # are one already: 在抢修12小时后)
            sw, suf = None, None
        if (
            sw in ("前", "后")
            and end < self.n - 1
            and s[end + 1] in "天年日夕台排面辈期者人方"
            and sw == "前"
        ):
            sw = None
        if sw == "后" and end + 1 < self.n and s[end + 1] in "来期续者人方面":
            sw = None
        if sw == "来" and end + 1 < self.n and s[end + 1] in "说看讲自到":
            sw = None
        if sw is None and pre is None and n is not None and self._again_after(i):
            # 再过两天 (and 过十周 opening a clause): that long from now, as 两天后 is
            i = i - 2 if s.startswith("再过", i - 2) else i - 1
            suf, sw = _RX_NOTHING.match(s, end), "后"
        durv = (
            fmt_duration(*total)
            if n is not None
            else "PX" + {"year": "Y", "month": "M", "quarter": "M", "week": "W", "day": "D"}.get(grain, "TH")
        )
        if n is None and grain in ("hour", "minute", "second"):
            durv = "PTX" + {"hour": "H", "minute": "M", "second": "S"}[grain]
        lead = self._quantity_modifier(i)  # 约需30天, 至少半年, 不到两个月
        mod_more = "more_than" if more else lead
        anchor = self.ref_anchor
        fine = _fine_grain(total, grain)
        after_clock = self._after_last_clock(i, n, pw, sw, fine)
        if after_clock is not None:
            assert suf is not None  # sw is its text
            p = after_clock + _delta(total)
            cand = _Cand(
                i,
                suf.end(),
                "datetime",
                timex_value(p, add_grain(p, fine), fine),
                p,
                add_grain(p, fine),
                fine,
                "after" if sw != "后" else None,
                "context",
            )
            cand.year_unknown = self.ctx.time_unknown
            self.ctx.time, self.ctx.time_at = p, suf.end()
            return cand
        after_part = self._after_last_daypart(i, n, pw, sw, fine)
        if after_part is not None:
            assert suf is not None and self.ctx.last is not None  # sw is its text; checked there
            a, b = (t + _delta(total) for t in after_part)
            cand = _Cand(i, suf.end(), "datetime", timex_value(a, b, "hour"), a, b, "hour", None, "context")
            cand.year_unknown = self.ctx.last.year_unknown
            return cand
        if (
            n is not None
            and (ref is None or ref == trunc(ref, "day"))
            and GRAIN_ORDER[fine] < GRAIN_ORDER["day"]
            and (pw is not None or sw in _HOURS_FROM_EVENT_SUFFIXES)
        ):
            # 连续加班10个小时后, 谈判近40分钟: hours and minutes counted from a reference date
            # without a time of day would be a made-up clock time; they count from the story's
            # events, so they stay a duration (so do they with no reference at all); so does
            # 租车1小时内免费 (within an hour of the story's event, not of midnight)
            e2 = suf.end() if suf is not None and sw in _HOURS_FROM_EVENT_SUFFIXES else end
            return _Cand(i if pw else j, e2, "duration", durv, None, None, grain, mod_more, "absolute")
        if pw == "这" and (grain != "year" or n is None or n < 2):
            return None  # 这两天 is vague; 这一年 is a year (the point rules)
        if pw == "距今":  # 距今857年: that many years back, a point
            if n is None or sw is not None:
                return None
            if ref is None:
                return _Cand(
                    i, end, "date", UNKNOWN_VALUE.get(fine, "XXXX-XX-XX"), None, None, fine, None, anchor
                )
            a, b = grain_interval(ref - _delta(total), fine)[:2]
            return _Cand(i, end, "date", timex_value(a, b, fine), a, b, fine, mod_more and "about", anchor)
        if pw in ("过去", "最近", "近", "这", "前", "上", "之前") and n is not None:
            if pw in ("近", "这") and sw in ("来", "以来"):
                assert suf is not None  # sw is its text
                end = suf.end()
            if ref is None or (pw == "近" and sw is None and self._after_length_verb(i)):
                # 过去30天 with no reference date cannot be placed: what is left is its length; so
                # is 近3年 after a verb of lasting (持续近3年, 休了近2年: nearly that long, not the
                # last three years up to the reference); 近 (将近, 接近) is then 'nearly': just under
                if pw != "近" or not self._after_length_verb(i):
                    return _Cand(i, end, "duration", durv, None, None, grain, None, "absolute")
                i0 = i - 1 if i > 0 and self.s[i - 1] in "将將接" else i
                return _Cand(i0, end, "duration", durv, None, None, grain, "less_than", "absolute")
            delta = _delta(total)
            if pw in ("最近", "近", "这", "之前"):  # 这两年: the last two years, like 近两年
                a, b = ref - delta, ref
                if GRAIN_ORDER[grain] >= GRAIN_ORDER["day"]:
                    a = trunc(a, "day")
            elif pw == "过去":
                b = trunc(ref, "day") if GRAIN_ORDER[grain] >= GRAIN_ORDER["day"] else ref
                said_on = self._speech_day(i) if GRAIN_ORDER[grain] >= GRAIN_ORDER["day"] else None
                if said_on is not None:  # 国防部6日称，过去一天: counted back from the 6th
                    b, anchor = said_on, "context"
                a = b - delta
            else:
                if grain == "week" and pw == "上":  # 上两周: calendar weeks, like 上周
                    b = trunc(ref, "day") - dt.timedelta(days=ref.weekday())
                elif grain == "week":  # 前1周: the last seven days
                    b = trunc(ref, "day")
                else:
                    b = trunc(ref, grain)
                a = b - delta
            return _Cand(i, end, "range", _iv_value(a, b), a, b, grain, None, anchor)
        if pw in ("未来", "今后", "接下来", "下", "后", "之后", "此后") and n is not None:
            if ref is None:
                # 过去30天 with no reference date cannot be placed: what is left is its length
                return _Cand(i, end, "duration", durv, None, None, grain, None, "absolute")
            delta = _delta(total)
            if pw in ("下", "后"):
                a = add_grain(
                    trunc(ref, grain if grain != "quarter" else "month"),
                    grain if grain != "quarter" else "month",
                    1 if grain != "quarter" else 3,
                )
                b = a + delta
            elif pw in ("之后", "此后"):
                a, b = ref, ref + delta
            else:
                a = ref
                b = trunc(ref + delta, "day") if GRAIN_ORDER[grain] >= GRAIN_ORDER["day"] else ref + delta
            return _Cand(i, end, "range", _iv_value(a, b), a, b, grain, None, anchor)
        if pre:
            return None
        if sw is None or sw in ("左右", "以上", "以下", "多") or n is None or ref is None:
            mod = mod_more
            if sw in ("左右",):
                assert suf is not None  # sw is its text
                mod, end = "about", suf.end()
            elif sw == "以上":
                assert suf is not None  # sw is its text
                mod, end = "more_than", suf.end()
            elif sw == "以下":
                assert suf is not None  # sw is its text
                mod, end = "less_than", suf.end()
            if sw in ("以来", "来") and n is not None and ref is None:
                # 六年来 with no reference date cannot be placed: what is left is its length (as 过去30天)
                assert suf is not None  # sw is its text
                return _Cand(i, suf.end(), "duration", durv, None, None, grain, None, "absolute")
            if (
                sw in ("前", "之前", "以前", "后", "之后", "以后", "以来", "来", "内", "以内", "之内")
                and n is not None
            ):
                # relative expression without a reference: unresolved date
                assert suf is not None  # sw is its text
                if sw in ("内", "以内", "之内"):
                    # 七日内 with no reference date cannot be placed: what is left is its length
                    return _Cand(j, suf.end(), "duration", durv, None, None, grain, None, "absolute")
                story = self._after_story_time(i, n, pw, sw, fine) if sw in ("后", "之后", "以后") else None
                if story is not None and story[0] is not None and fine not in ("hour", "minute", "second"):
                    # 2004年6月1日实施，5个月后: counted from the story's time, which the text gives
                    a, b = grain_interval(story[0] + _delta(total), fine)[:2]
                    mod_after = "after" if sw != "后" or lead == "more_than" else None
                    return _Cand(
                        i, suf.end(), "date", timex_value(a, b, fine), a, b, fine, mod_after, "context"
                    )
                unknown = UNKNOWN_VALUE.get(fine, "XXXX-XX-XX")
                return _Cand(i, suf.end(), "date", unknown, None, None, fine, None, anchor)
            if sw in ("前", "之前", "以前") and n is None:  # 多年前, 几天前: some time back
                assert suf is not None  # sw is its text
                return _Cand(i, suf.end(), "date", "PAST_REF", None, None, None, "before", anchor)
            if sw in ("以来", "来") and n is None:
                assert suf is not None  # sw is its text
                end = suf.end()
            c2 = _RX_CONN.match(s, end)
            if c2 and c2.end() > end and n is not None:
                d2 = self._one_duration(c2.end())
                if d2 is not None and d2[1] is not None:
                    end, mod = d2[0], None
                    s2 = _RX_BELOW.match(s, end)
                    end = s2.end() if s2 else end
            return _Cand(j, end, "duration", durv, None, None, grain, mod or lead, "absolute")
        assert suf is not None  # sw is its text
        e2 = suf.end()
        delta = _delta(total)
        if sw in ("前", "之前", "以前"):
            p = ref - delta
            if sw == "前" and fine in ("year", "month") and s.startswith(self._same_day_words, e2):
                # 两年前的今天: that day N years back, one expression (not 'two years ago' and today)
                e2 += next(len(w) for w in self._same_day_words if s.startswith(w, e2))
                fine = "day"
            a, b = grain_interval(p, fine)[:2]
            if fine in ("hour", "minute", "second"):
                a, b = p, p + dt.timedelta(seconds=1)
            if sw == "以前":
                return _Cand(i, e2, "range", _iv_value(a, b), a, b, fine, "before", anchor)
            return _Cand(
                i,
                e2,
                "date" if fine not in ("hour", "minute", "second") else "datetime",
                timex_value(a, b, fine) if b - a > dt.timedelta(seconds=1) else _instant_value(a),
                a,
                b,
                fine,
                # 2个多月前: more than two months back, so then or earlier; 十来年前: about
                ("about" if "来" in s[j:end] else "before") if more else None,
                anchor,
            )
        if sw in ("后", "之后", "以后", "过后"):
            story = self._after_story_time(i, n, pw, sw, fine)
            if story is None and self._told_as_past(i, e2):
                story = (None,)  # 3年后，团队终于生产出了样机: after an event of the story, not years ahead
            if story is not None and story[0] is None:  # counted from an event of the story
                return _Cand(i if pw else j, e2, "duration", durv, None, None, grain, mod_more, "absolute")
            p = (ref if story is None else story[0]) + delta
            if story is not None:
                anchor = "context"
            a, b = grain_interval(p, fine)[:2]
            if fine in ("hour", "minute", "second"):
                a, b = p, p + dt.timedelta(seconds=1)
            return _Cand(
                i,
                e2,
                "date" if fine not in ("hour", "minute", "second") else "datetime",
                timex_value(a, b, fine) if b - a > dt.timedelta(seconds=1) else _instant_value(a),
                a,
                b,
                fine,
                # 至少半年后, 两个多月后: then or later
                "after" if sw != "后" or lead == "more_than" or (more and "来" not in s[j:end]) else None,
                anchor,
            )
        if sw in ("以来", "来"):
            p = ref - delta
            a = trunc(p, fine) if fine not in ("hour", "minute", "second") else p
            b = ref
            if fine in ("week", "year", "day"):
                a = trunc(p, "day")  # 两年来: the last two years up to the reference, not from 1 January
                if ref == trunc(ref, "day"):  # up to and including the reference day
                    b = ref + dt.timedelta(days=1)
                    a = b - delta
            elif fine == "month" and ref == trunc(ref, "day"):
                b = ref + dt.timedelta(days=1)  # 3个月来: whole months, up to and including the reference day
            return _Cand(i, e2, "range", _iv_value(a, b), a, b, fine, "since", anchor)
        if sw in ("内", "以内", "之内"):
            if self._not_from_now(i):  # 通常会在6个月内分解: a length of time, not the next 6 months
                return _Cand(j, e2, "duration", durv, None, None, grain, None, "absolute")
            p = ref + delta
            b = p if fine in ("hour", "minute", "second") else trunc(p, "day") + dt.timedelta(days=1)
            return _Cand(i, e2, "range", _iv_value(ref, b), ref, b, fine, None, anchor)
        return None

    # -- sets ----------------------------------------------------------------------

    _SET_RX = re.compile(
        rf"每(?:隔|逢)?(?:一|个|一个)?(?P<num>{_SMALL})?(?P<half>半)?(?:个)?"
        r"(?P<unit>年度|年|季度|个月|月|周末|周|星期|礼拜|工作日|交易日|天|日|晚|小时|钟头|分钟|秒)"
    )

    def _set_expr(self, i: int) -> _Cand | None:
        if self.s[i] != "每":
            return None
        m = self._SET_RX.match(self.s, i)
        if not m:
            return None
        unit = m.group("unit")
        n: float | None = numeral_int(m.group("num")) if m.group("num") else 1
        if n is None:
            return None
        if m.group("half"):
            n = 0.5 if not m.group("num") else n + 0.5
        per = {
            "年度": "Y",
            "年": "Y",
            "季度": "Q",
            "个月": "M",
            "月": "M",
            "周末": "W",
            "周": "W",
            "星期": "W",
            "礼拜": "W",
            "工作日": "D",
            "交易日": "D",
            "天": "D",
            "日": "D",
            "晚": "D",
            "小时": "H",
            "钟头": "H",
            "分钟": "MIN",
            "秒": "S",
        }[unit]
        e = m.end()
        # 每周三, 每天晚上8点, 每年9月: absorb the following calendar components
        if per == "W":
            wm = _RX_SET_WD.match(self.s, e)
            if wm and unit != "周末":
                e = wm.end()
                to = _RX_SET_WD_TO.match(self.s, e)
                if to is not None:
                    e = to.end()
        saved = self.ctx
        self.ctx = _Ctx(dt.datetime(2000, 1, 3), "absolute")  # resolution is irrelevant inside a set
        self._in_set = True
        try:
            # 每年2-3月, 每年5月至6月: a range after 每 recurs with it, it is not a dated range
            p = self._range_or_point(e) if e < self.n else None
            if p is None and e + 1 < self.n and self.s[e] == "的":
                p = self._range_or_point(e + 1)
        finally:
            self.ctx = saved
            self._in_set = False
        if p is not None and "year" not in p[1].kinds and (p[2] is None or "year" not in p[2].kinds):
            e = p[0]
        elif p is None:
            part = {"M": _RX_SET_MONTHDAY, "Y": _RX_SET_SEASON}.get(per)
            pm = part.match(self.s, e) if part is not None else None
            if pm is not None:
                e = pm.end()
        if per == "Q":
            val = "P%gM" % (3 * n)
        elif per in ("H", "MIN", "S"):
            val = "PT%g%s" % (n, {"H": "H", "MIN": "M", "S": "S"}[per])
            if n == 0.5 and per == "H":
                val = "PT30M"
        else:
            val = "P%g%s" % (n, per)
        return _Cand(i, e, "set", val, None, None, None, None, "absolute")

    # -- special words --------------------------------------------------------------

    _SPECIAL = re.compile(
        _grouped(
            "未来几天|未来几周|未来几个月|未来几年|未来数天|未来数周|未来数月|未来数个月|未来数年|"
            "接下来几天|接下来几周|接下来几个月|接下来几年|接下来数天|接下来数月|接下来数年|"
            "暑假期间|寒假期间|暑假|寒假|"
            "今年入冬以来|今年入夏以来|今年入秋以来|今年入汛以来|今冬以来|今夏以来|"
            "入冬以来|入夏以来|入秋以来|入汛以来|"
            "今明两年|今明两天|截至目前|截止目前|截至当前|截止到目前|截至现在|截止到现在|迄今为止|至今|迄今|到目前为止|目前|现在|"
            "如今|现今|此时|此刻|近日|日前|近期|这两天|这几天|这些天|连日来|此前|不久前|前不久|前一阵子|前阵子|前些日子|前段时间|最近几年|最近这几年|最近|"
            "近年来|近年|近些年|近几年|近来|"
            "这些年|这几年|前几年|前些年|前几天|前些天|前几日|前几个月|前些个月|前几周|前几个星期|"
            "今后|将来|未来|过去|以往|往年|早前|上周末|这周末|本周末|下周末|全天|整天|一整天|新的一年"
        )
    )

    def _school_holiday(self, i: int, e: int, word: str) -> _Cand | None:
        """暑假期间, 正值暑假, 暑假将至 alone: the school holiday nearest the reference, as a festival
        without a year is; before a noun (暑假作业, 暑假活动) it names a kind of thing, no time."""
        if e - i == 2 and not self.s.startswith(tuple(self.v["school_holiday_time_after"]), e):
            return None
        if i and self.s[i - 1] == "寒":
            return None  # 寒暑假: both holidays of every year, no one time
        first_month, months = self.v["school_holidays"][word]
        ref = self.ctx.ref
        if ref is None:
            return _Cand(i, e, "date", "XXXX", None, None, "month", None, self.ref_anchor)
        y = self._festival_year(lambda year: dt.datetime(year, first_month, 1), ref)
        a = dt.datetime(y, first_month, 1)
        b = a + relativedelta(months=months)
        return _Cand(i, e, "date", _iv_value(a, b), a, b, "month", None, self.ref_anchor)

    def _special(self, i: int) -> _Cand | None:
        m = self._SPECIAL.match(self.s, i)
        if not m:
            return None
        w = m.group(0)
        ref = self.ctx.ref
        anchor = self.ref_anchor
        e = m.end()
        if w.startswith(("截至", "截止", "到目前", "迄今为止")):
            return _Cand(
                i, e, "range", "PRESENT_REF", None, self._now_end(), "day" if ref else None, "until", anchor
            )
        if w in ("至今", "迄今"):
            return _Cand(i, e, "range", "PRESENT_REF", None, self._now_end(), None, "until", anchor)
        if w == "现今" and i and self.s[i - 1] in _VERB_BEFORE_XIAN:
            return None  # 展现今年: the verb 展现, then 今年
        if w in ("目前", "现在", "如今", "现今", "此时", "此刻"):
            if w in ("如今", "眼下", "目前", "当前") and ref is not None:
                pass
            if ref is None:
                return _Cand(i, e, "datetime", "PRESENT_REF", None, None, None, None, anchor)
            a, b, g = self._now_interval(ref)
            return _Cand(i, e, "datetime", "PRESENT_REF", a, b, g, None, anchor)
        if w in ("近期", "这两天", "这几天") and self._looks_ahead(e):
            return _Cand(i, e, "date", "FUTURE_REF", None, None, None, None, anchor)
        if w.startswith(("暑假", "寒假")):
            return self._school_holiday(i, e, w[:2])
        if w != "未来" and w.startswith(("未来", "接下来")):
            # 未来几天, 接下来几个月: a vague stretch ahead, as 近日 is one behind (not the length 几天)
            return _Cand(i, e, "date", "FUTURE_REF", None, None, None, "after", anchor)
        if w.endswith("以来"):
            # 入冬以来, 今年入夏以来: since a season set in, a recent period with no stated start
            return _Cand(i, e, "date", "PAST_REF", None, None, None, "before", anchor)
        if w in ("这两天", "这几天", "这些天", "连日来"):
            # a vague recent period, as 近日 is (docs/timeline.md, annotation conventions)
            return _Cand(i, e, "date", "PAST_REF", None, None, None, "before", anchor)
        if w in ("近日", "日前", "近期", "此前", "不久前", "前不久", "最近", "近来", "早前") or w in (
            "前一阵子",
            "前阵子",
            "前些日子",
            "前段时间",
        ):
            return _Cand(i, e, "date", "PAST_REF", None, None, None, "before", anchor)
        if w.startswith(("前几", "前些")):  # 前几年, 前几天: some time back, not a length (`_vague_past`)
            prev = self.s[i - 1] if i else ""
            han_before = "\u4e00" <= prev <= "\u9fff" and prev not in self.v["vague_past_subjects"]
            early = bool(prev) and prev in self.v["vague_past_not_after"]
            if early or (han_before and w not in ("前几年", "前些年")):
                # 提前几天, 之前几年: a length; 事件前几天, 消失的前几天: days before an event, not now
                return None
            return _Cand(i, e, "date", "PAST_REF", None, None, None, "before", anchor)
        if w in ("近年来", "近年", "近些年", "近几年", "这些年", "这几年", "最近几年", "最近这几年"):
            w = "近年"
        if w in ("近年", "过去", "以往", "往年"):
            if w in ("过去", "以往", "往年"):
                return None
            if ref is None:
                return _Cand(i, e, "range", "PAST_REF", None, None, "year", None, anchor)
            # a recent period with no stated start, up to and including the reference day
            b = trunc(ref, "day") + dt.timedelta(days=1)
            return _Cand(i, e, "range", "PAST_REF", None, b, "year", None, anchor)
        if w in ("今后", "将来", "未来"):
            return None
        if w.startswith("今明两"):
            g = "year" if w.endswith("年") else "day"
            if ref is None:
                return _Cand(i, e, "range", None, None, None, g, None, anchor)
            a = trunc(ref, g)
            b = add_grain(a, g, 2)
            return _Cand(i, e, "range", _iv_value(a, b), a, b, g, None, anchor)
        if w == "新的一年":  # the year the nearest New Year's Day opens: this one until June, then the next
            if ref is None:
                return _Cand(i, e, "date", "XXXX", None, None, "year", None, anchor)
            a = dt.datetime(ref.year + (1 if ref.month > 6 else 0), 1, 1)
            b = dt.datetime(a.year + 1, 1, 1)
            return _Cand(i, e, "date", str(a.year), a, b, "year", None, anchor)
        if w in ("全天", "整天", "一整天"):
            if self.s[:i].strip() or self.s[e:].strip(" 。.，,"):
                return None  # 比赛全天进行: 'all day long', not a date of its own
            if ref is None:
                return _Cand(i, e, "date", None, None, None, "day", None, anchor)
            a = trunc(ref, "day")
            return _Cand(
                i,
                e,
                "date",
                timex_value(a, a + dt.timedelta(days=1), "day"),
                a,
                a + dt.timedelta(days=1),
                "day",
                None,
                anchor,
            )
        if w.endswith("周末"):
            off = {"上": -1, "这": 0, "本": 0, "下": 1}[w[0]]
            if ref is None:
                return _Cand(i, e, "range", None, None, None, "day", None, anchor)
            a = self._weekend_of(ref, off)
            return _Cand(
                i,
                e,
                "range",
                _iv_value(a, a + dt.timedelta(days=2)),
                a,
                a + dt.timedelta(days=2),
                "day",
                None,
                anchor,
            )
        return None

    # -- 昨（2）日, 明（2018）年: a relative word with the explicit date in parentheses ------------

    _PAREN_RX = re.compile(
        rf"([昨今明前后去本])(?:\s?\(\s?(\d{{1,4}}|[{_CN}]{{1,4}})\s?\)\s?(日|号|年)"
        # 今天（28日）, 今天（6月2日）: the relative day restated in parentheses, one expression
        # 昨(25日): the same with the day word left out
        r"|[天日]?\s?\(\s?(?:(\d{1,2})\s?月\s?)?(\d{1,2})\s?[日号]\s?\))"
    )

    def _paren_relative(self, i: int) -> _Cand | None:
        m = self._PAREN_RX.match(self.s, i)
        if not m or m.group(1) not in self.v["paren_relative"]:
            return None
        rel = self.v["paren_relative"][m.group(1)]
        restated = m.group(5) is not None  # 今天（28日）
        n = numeral_int(m.group(5) if restated else m.group(2))
        ref = self.ctx.ref
        if n is None:
            return None
        if restated and m.group(1) in ("去", "本"):
            return None
        if restated and self.s[i + 1] not in "天日" and m.group(1) not in "昨今明":
            return None  # 后(25日) is the end of 三天后, not 后天
        if restated and m.group(4) is not None and ref is not None:
            a = self._restated_date(ref, int(m.group(4)), n)
            if a is None:
                return None
            b = a + dt.timedelta(days=1)
            self._fix_day(a, m.end())
            return _Cand(i, m.end(), "date", timex_value(a, b, "day"), a, b, "day", None, self.ref_anchor)
        if not restated and m.group(3) == "年":
            year = roc_year(n) if n < 200 else n  # 去（106）年: a year of the Republic of China
            if not MIN_YEAR <= year <= 9999 or m.group(1) in ("前", "后"):
                return None
            a = dt.datetime(year, 1, 1)
            b = dt.datetime(year + 1, 1, 1)
            self._fix_year(year, m.end())
            return _Cand(i, m.end(), "date", str(year), a, b, "year", None, "absolute")
        if not 1 <= n <= 31:
            return None
        if ref is None:
            return _Cand(i, m.end(), "date", None, None, None, "day", None, self.ref_anchor)
        a = self._restated_day(ref, rel, n)
        if a is None:
            return None
        b = a + dt.timedelta(days=1)
        self._fix_day(a, m.end())
        return _Cand(i, m.end(), "date", timex_value(a, b, "day"), a, b, "day", None, self.ref_anchor)

    # -- 壬寅虎年: a year of the sixty-year cycle ----------------------------------------------

    @functools.cached_property
    def _ganzhi_rx(self) -> re.Pattern[str]:
        return _ganzhi_year_rx()

    def _ganzhi_year(self, i: int) -> _Cand | None:
        """壬寅(虎)年: the year of the sixty-year cycle up to the year after the reference's (see
        `_ganzhi_years`), the story's year from here on."""
        m = self._ganzhi_rx.match(self.s, i)
        if m is None:
            return None
        v = self.v
        stem, branch = v["heavenly_stems"].index(m.group(1)), v["earthly_branches"].index(m.group(2))
        if stem % 2 != branch % 2 or (m.group(3) and v["zodiac_animals"][m.group(3)] != branch):
            return None  # 甲丑 is no year of the cycle; 壬寅马年 is no year at all
        if self.ctx.ref is None:
            return _Cand(i, m.end(), "date", None, None, None, "year", None, self.ref_anchor)
        # 1984 was 甲子, the cycle's first year; the last year with this stem and branch up to the
        # year after the reference's (a 虎年 just ending or a 龙年 about to begin, else a past one)
        first = 1984 + (6 * stem - 5 * branch) % 60
        year = first + (self.ctx.ref.year + 1 - first) // 60 * 60
        a, b = dt.datetime(year, 1, 1), dt.datetime(year + 1, 1, 1)
        self._fix_year(year, m.end())
        return _Cand(i, m.end(), "date", str(year), a, b, "year", None, "absolute", kinds=("year",))

    # -- “十四五”时期: the five years of a five-year plan -------------------------------------

    @functools.cached_property
    def _plan_rx(self) -> re.Pattern[str]:
        return _five_year_plan_rx()

    def _five_year_plan(self, i: int) -> _Cand | None:
        m = self._plan_rx.match(self.s, i)
        if m is None:
            return None
        # quoted means the name alone in quotes (“十五”), not the start of a longer quoted word
        quoted, word = bool(m.group(1) and m.group(3)), m.group(4)
        if not (quoted or word) or self.s.startswith(tuple(self.v["five_year_plan_not_after"]), m.end()):
            return None  # 三五成群; “十五五”规划 names the plan document, not a time
        first = self.v["five_year_plans"][m.group(2)]
        a, b = dt.datetime(first, 1, 1), dt.datetime(first + 5, 1, 1)
        if word == "以来":
            now = self._now_end()
            end = now if now is not None and now > a else None
            return _Cand(i, m.end(), "range", _iv_value(a, b), a, end, "year", "since", "absolute")
        return _Cand(i, m.end(), "range", _iv_value(a, b), a, b, "year", None, "absolute")

    # -- 去年同期, 届时: a period or time set earlier in the text ------------------------------

    _ANAPHORIC_RX = re.compile(r"(去年|上年|前年)同期|届时|(这一年)")

    def _anaphoric_period(self, i: int) -> _Cand | None:
        m = self._ANAPHORIC_RX.match(self.s, i)
        if m is None:
            return None
        if m.group(2) is not None:  # 这一年: the year (or year-long stretch) the text just named
            span = self.ctx.year_span
            if span is None:
                return None  # none named: the reference's year, by the point rules
            found = _Cand(i, m.end(), span.type, span.value, span.start, span.end, span.gran, None, "context")
            return found
        if m.group(1) is None:  # 届时: the time an arrangement was set for
            last = self._time_ahead()
            if last is None:
                return None
            found = _Cand(i, m.end(), last.type, last.value, last.start, last.end, last.gran, None, "context")
            found.year_unknown = last.year_unknown
            return found
        period = self._last_period() or self._last_placed_time()
        if period is None:
            return None  # nothing to compare with: 去年 alone is read by the point rules
        assert period.start is not None and period.end is not None  # _last_period says so
        years = -2 if m.group(1) == "前年" else -1
        a, b = period.start + relativedelta(years=years), period.end + relativedelta(years=years)
        value = timex_value(a, b, period.gran) if period.gran else _iv_value(a, b)
        found = _Cand(i, m.end(), period.type, value, a, b, period.gran, None, "context")
        found.year_unknown = period.year_unknown
        return found

    def _same_period_in(self, i: int, e: int, year: _Frame) -> _Cand | None:
        """2022年同期 (i..e): the period in context (`_last_period`, else the last time placed) in
        the year named, when that period is shorter than a year and of a later year; None otherwise
        (the year is then read alone)."""
        period = self._last_period() or self._last_placed_time()
        if period is None or year.start is None or year.year_unknown or period.year_unknown:
            return None
        assert period.start is not None and period.end is not None  # _last_period says so
        years = year.start.year - period.start.year
        if years >= 0 or period.end - period.start > dt.timedelta(days=366):
            return None
        a, b = period.start + relativedelta(years=years), period.end + relativedelta(years=years)
        value = timex_value(a, b, period.gran) if period.gran else _iv_value(a, b)
        return _Cand(i, e, period.type, value, a, b, period.gran, None, "context")

    # -- anniversaries ----------------------------------------------------------------

    _ANN_RX = re.compile(rf"({_INT})\s{{0,1}}周年")

    def _anniversary(self, i: int) -> _Cand | None:
        m = self._ANN_RX.match(self.s, i)
        if not m:
            return None
        n = numeral_int(m.group(1))
        if not n:
            return None
        held, anchor = self._anniversary_year(n, self._anniversary_event_year(i))
        if held is None:
            return _Cand(i, m.end(), "date", None, None, None, "year", None, anchor)
        a = dt.datetime(held, 1, 1)
        return _Cand(i, m.end(), "date", str(held), a, dt.datetime(held + 1, 1, 1), "year", None, anchor)

    def _anniversary_event_year(self, i: int) -> int | None:
        """The year of the event an anniversary at i counts from, when the event is one of the known
        ones named right before it (新中国成立70周年: data/timewords.json `anniversaries`)."""
        before = _RX_ANN_TRAIL.sub("", self.s[max(0, i - 24) : i])
        for key, year in _anniversaries_longest_first():
            if before.endswith(key) or before.endswith(key + "成立") or before.endswith(key + "胜利"):
                if key in _national_events() and _after_country(before, len(before) - len(key)):
                    return None  # 老挝建国50周年: Laos's founding, not China's
                return year
        return None


def _instant_value(p: dt.datetime) -> str | None:
    """The value of a moment counted from a reference time (3小时后 at 10:30 is 2024-05-25T13:30):
    the moment itself to the minute, or to the second when it has seconds, not a two-sided range."""
    grain = "second" if p.second else "minute"
    return timex_value(p, add_grain(p, grain), grain)


#: what after a count makes it a time counted from now or an event (3周内, 两年后), not a length
_POINT_SUFFIX_STARTS = ("内", "以内", "之内", "前", "以前", "之前", "后", "以后", "之后", "来", "以来")

#: the first characters of verbs ending in 现 (出现, 展现, 发现 …): 现今 after them is no 'nowadays'
_VERB_BEFORE_XIAN = frozenset("出展表体呈实发涌浮再重兑")

#: a count and a connector right before another count (the 3至 of 3至6周)
_RX_LOWER_COUNT = re.compile(r"(\d{1,3}(?:\.\d)?|[一二三四五六七八九十两]{1,3})\s?(?:至|到|—{1,2}|-|~|～)\s?")

#: how far before a bare N日 `_day_length` looks for a word that makes it a number of days
_LONGEST_DAY_LENGTH_WORD = max(map(len, _day_length_words()[0]))

#: a year restated in parentheses after a year (去年(2014), 今年(106)); the text is folded (（ is ()
_RX_YEAR_GLOSS = re.compile(r"\(\s?(\d{2,4})\s?年?\s?\)")

#: 个小时 right after 上/下 (下个小时): one hour
_RX_ONE_HOUR = re.compile("个(?:小时|钟头)")

#: characters after 多 that make it a word (多少, 多久, 多种), not 'a little after' a clock hour
_NOT_APPROX_AFTER_DUO = frozenset("少久种样数次名人个万亿元")

_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")

#: after a count of hours or minutes, what makes it a time counted from an event: a duration
#: when the reference is a date (连续加班10个小时后, 租车1小时内免费)
_HOURS_FROM_EVENT_SUFFIXES = ("前", "之前", "以前", "后", "之后", "以后", "过后", "内", "以内", "之内")


@functools.cache
def _quantity_word_ends() -> frozenset[str]:
    """The last characters of the `quantity_modifiers` words: a cheap first test."""
    return frozenset(w[-1] for w in _vocab()["quantity_modifiers"])


@functools.cache
def _rhetorical_numbers() -> frozenset[str]:
    return frozenset(_vocab()["rhetorical_numbers"])


@functools.cache
def _approximate_numbers() -> frozenset[str]:
    return frozenset(_vocab()["approximate_numbers"])


def _smaller_of_neighbours(num: str) -> int | None:
    """The smaller of two neighbouring numerals written together (两三 -> 2, 七八 -> 7), or None."""
    if len(num) != 2:
        return None
    first, second = numeral_int(num[0]), numeral_int(num[1])
    return first if first is not None and second == first + 1 else None


_PREFIX_MAY_BEGIN = _FirstChar(_RX_PREFIX)
_DURATION_PREFIX_MAY_BEGIN = _FirstChar(_RX_DUR_PRE)
_DURATION_SUFFIX_MAY_BEGIN = _FirstChar(_RX_DUR_SUF)
_RX_NOTHING = re.compile("")  # an empty suffix, where a word before the count says 'from now'
_CLAUSE_OPENERS = frozenset("，,。；;！!？?：:\n 　")
_INT_MAY_BEGIN = _FirstChar(_RX_INT)
_CONN_MAY_BEGIN = _FirstChar(_RX_CONN)
_SUFFIX_MAY_BEGIN = _FirstChar(_Parser._SUFFIX)
_DURATION_MAY_BEGIN = _FirstChar(_Parser._DUR_RX)


# ---------------------------------------------------------------------------
# component steps: `_Parser.parse_point` runs, at a position, the steps `_component_plan` picks
# for its character, the component regexes that can match there and the rank of the last
# component; each step tries one component and appends (end, rank, new frame) when it parses.

#: component parses at a position: (end, rank, new frame)
_Candidates = list[tuple[int, Rank, _Frame]]
_Step = Callable[["_Parser", str, int, _Frame, _Candidates], None]
_PLANS: dict[tuple[str, frozenset[str], int], tuple[_Step, ...]] = {}
#: the plans by (`_prefilter_key`, last)
_PLAN_AT: dict[tuple[str, int], tuple[_Step, ...]] = {}


def _add(out: _Candidates, pos: int, end: int, rank: Rank, nf: _Frame | None) -> None:
    if nf is not None and end > pos:
        out.append((end, rank, nf))


def _component_plan(ch: str, ok: frozenset[str], last: Rank) -> tuple[_Step, ...]:
    """The steps to run at a position holding `ch` after a component of rank `last`, in the order
    their results are listed (the first of equally long parses wins); `ok`: the keys of the
    component regexes that can match there."""
    steps: list[_Step] = []
    isdig = ch.isdigit()
    iscn = ch in _CN

    def want(key: str, step: _Step) -> None:
        if key in ok:
            steps.append(step)

    if last == Rank.NONE and ch in "农阴旧":
        steps.append(_step_lunar)
    if last in (Rank.DAY, Rank.WEEKDAY, Rank.DAYPART) and (ch == " " or isdig or ch == "T"):
        want("clock_sp", _step_clock_sp)
    if last < Rank.YEAR:
        if isdig:
            for key in ("iso", "compact", "dmy", "yymmdd"):
                want(key, _step_fulldate(key))
            want("ym", _step_ym)
            want("year4", _step_year4)
            want("roc", _step_roc)
            want("roc_bare", _step_roc_bare)
            want("year2", _step_year2)
            want("year_bare", _step_year_bare)
        if iscn:
            want("yearcn", _step_yearcn)
        if ch == "民":
            steps.append(_step_minguo)
        want("era", _step_era)
        want("century", _step_century)
        want("rel_year", _step_rel("rel_year", Rank.YEAR, "year"))
    if last < Rank.YEARSUB:
        if last == Rank.YEAR or ch in "上下前后的第一二三四Qq1234首本这当年岁开伊":
            for key in ("half", "quarter", "firstn", "nth", "yearpart"):
                if key == "yearpart" and last != Rank.YEAR and ch not in "年岁开伊":
                    continue
                want(key, _step_yearsub(key))
        want("rel_quarter", _step_rel("rel_quarter", Rank.YEARSUB, "quarter"))
        if last == Rank.YEAR:
            want("season", _step_yearsub("season"))
        if ch in "第首":
            want("quarter_tw", _step_taiwan(_step_yearsub("quarter_tw")))
        want("rel_quarter_tw", _step_taiwan(_step_rel("rel_quarter_tw", Rank.YEARSUB, "quarter")))
        want("holiday", _step_holiday)
        want("term", _step_term)
    if last == Rank.YEARSUB and ch in "初末底":
        steps.append(_step_quarter_part)
    if last < Rank.MONTH:
        want("month", _step_month)
        want("rel_month", _step_rel("rel_month", Rank.MONTH, "month"))
    if last < Rank.MONTH and ch in "上下月":
        steps.append(_step_month_half)
    if 3 <= last < Rank.MONTHSUB:
        want("monthpart", _step_monthpart)
        for key in ("firstn", "nth", "nth_wd"):
            want(key, _step_monthsub(key))
    if last < Rank.DAY:
        if isdig or iscn:
            want("day", _step_day)
            if last in (Rank.MONTH, Rank.MONTHSUB):
                want("lunar_day", _step_lunar_day_of_month)
                want("numday", _step_numday)
            if last < Rank.MONTH:
                want("md_num", _step_md)
        elif ch == "初" and last in (Rank.MONTH, Rank.MONTHSUB):
            want("lunar_day", _step_lunar_day)
        want("rel_day", _step_rel("rel_day", Rank.DAY, "day"))
        if last < Rank.YEAR:
            want("nthday", _step_nthday)
        want("week", _step_week)
    elif last == Rank.DAY:
        want("week", _step_weekday)
        steps.append(_step_weekday_after_separator)
    if last < Rank.DAYPART:
        want("day_part_word", _step_day_part_word)
        want("daypart", _step_daypart(strong=last >= Rank.DAY))
    if last < Rank.CLOCK:
        if isdig:
            want("clock", _step_clock)
        if isdig or iscn:
            want("hour", _step_hour)
    return tuple(steps)


def _step_lunar(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = _RX_LUNAR.match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.MARKER, replace(f, lunar=True, kinds=f.kinds + ("lunar",)))


def _step_clock_sp(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    if s[pos] == " " or (pos > 0 and s[pos - 1].isdigit()):  # also ISO's 2016-11-08T15:45
        m = p.rx["clock_sp"].match(s, pos)
        if m:
            _add(out, pos, m.end(), Rank.CLOCK, p._c_clock(m, f))


@functools.cache
def _step_fulldate(key: str) -> _Step:
    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx[key].match(s, pos)
        if m:
            _add(out, pos, m.end(), Rank.DAY, p._c_fulldate(key, m, f))

    return step


def _step_ym(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["ym"].match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.MONTH, p._c_ym(m, f))


def _step_year4(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["year4"].match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.YEAR, p._c_year(int(m.group(1)), f, explicit=True))


def _step_roc(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["roc"].match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.YEAR, p._c_year(roc_year(int(m.group(1))), f, explicit=True))


def _step_roc_bare(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["roc_bare"].match(s, pos)
    if m and p._is_roc_year(m) and p.taiwan:  # the region last: it may be detected on demand
        _add(out, pos, m.end(), Rank.YEAR, p._c_year(roc_year(int(m.group(1))), f, explicit=True))


def _step_year2(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["year2"].match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.YEAR, p._c_year2(m.group(1), f))


def _step_year_bare(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["year_bare"].match(s, pos)
    if m and pos + 4 <= p.n:
        nf = p._c_year(int(m.group(1)), f, explicit=True)
        if nf is not None:
            nf.weak = "bare_year"
        _add(out, pos, m.end(), Rank.YEAR, nf)


def _step_yearcn(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["yearcn"].match(s, pos)
    if m:
        g = m.group(1).replace("0", "〇")
        if len(g) == 4:
            _add(out, pos, m.end(), Rank.YEAR, p._c_year(numeral_int(g), f, explicit=True))
        elif not _neighbouring_numerals(g) or p._stands_as_point(m):
            _add(out, pos, m.end(), Rank.YEAR, p._c_year2(str(numeral_int(g)).zfill(2), f, strong=True))


# 的 and a number that is not itself a time (的650万台, 的1.2%), after a time: the value at that time.
_VALUE_NUMERALS = r"\d.,〇零一二三四五六七八九十百千万亿两"
#: (the value or rank the text compares: 从2016年的650万台, 從2015年的第五名; not 从2019年的第二季度)
_RX_VALUE_OF_TIME = re.compile(rf"的第?[{_VALUE_NUMERALS}]+(?![{_VALUE_NUMERALS}年月日号时点分秒周天季])")


#: the 的 between a year and its month (1996 年的 11 月), up to the month's number
_RX_OF_MONTH = re.compile(r"的\s?(?=\d|十|[一二三四五六七八九])")

#: the first characters of what `parse_point` reads between components without a component of
#: its own: a restated year or day in brackets, 全年, the 的 of 1996年的11月
_GOES_ON_AT = frozenset("(全的")

#: the components a date may go on after, past one space (2017 年 2 月 22 日上午 7 时)
_SPACED_RANKS = (Rank.YEAR, Rank.MONTH, Rank.DAY, Rank.DAYPART)

#: a number that is a clock hour: digits or numerals before 点, 时 or a colon (the 8时 of 晚8时)
_RX_CLOCK_NUMBER = re.compile(r"[\d〇零一二两三四五六七八九十]{1,3}[点时:：]")


def _seconds(unit: tuple[float, float, float]) -> float:
    """About how long a (months, days, seconds) unit is, to compare two units."""
    months, days, seconds = unit
    return (months * 30 + days) * 86400 + seconds


def _neighbouring_numerals(digits: str) -> bool:
    """七八, 五六: two numerals one apart, read as 'seven or eight', before 年 a length (又过了七八年)
    rather than a year ('78) unless the year stands as a point."""
    return len(digits) == 2 and _CN_DIGITS.find(digits[1]) - _CN_DIGITS.find(digits[0]) == 1


_CN_DIGITS = "〇一二三四五六七八九"


def _step_minguo(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["minguo"].match(s, pos)
    if m:
        n = numeral_int(m.group(1))
        if n:
            _add(out, pos, m.end(), Rank.YEAR, p._c_year(roc_year(n), f, explicit=True))


def _step_era(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["era"].match(s, pos)
    if m:
        n = 1 if m.group(2) == "元" else numeral_int(m.group(2))
        if n:
            _add(
                out,
                pos,
                m.end(),
                Rank.YEAR,
                p._c_year(p.v["era_years"][m.group(1)] + n - 1, f, explicit=True),
            )


def _step_match(key: str, rank: Rank, convert: Callable[..., Any]) -> _Step:
    """The component regex `key` at the position, converted by the parser method `convert`."""

    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx[key].match(s, pos)
        if m:
            _add(out, pos, m.end(), rank, convert(p, m, f))

    return step


_step_century = _step_match("century", Rank.YEAR, _Parser._c_century)
_step_month = _step_match("month", Rank.MONTH, _Parser._c_month)
_step_monthpart = _step_match("monthpart", Rank.MONTHSUB, _Parser._c_monthpart)
_step_day = _step_match("day", Rank.DAY, _Parser._c_day)
_step_md = _step_match("md_num", Rank.DAY, _Parser._c_md)
_step_lunar_day = _step_match("lunar_day", Rank.DAY, _Parser._c_lunar_day)
_step_nthday = _step_match("nthday", Rank.DAY, _Parser._c_nthday)
_step_clock = _step_match("clock", Rank.CLOCK, _Parser._c_clock)


@functools.cache
def _step_rel(key: str, rank: Rank, grain: str) -> _Step:
    """A relative word (去年, 下个月, 明天 …) of the vocabulary list `key`."""

    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx[key].match(s, pos)
        if m and (m.end() - pos > 1 or p._day_deixis(pos)):
            word = m.group(0)
            if pos and s[pos - 1] in p.v["rel_word_not_after"].get(word, ""):
                return  # 这次年改: 次 + 年改, not 次年
            compared = p._period_compared(pos, grain) if word.startswith("上") and not f.kinds else None
            _add(out, pos, m.end(), rank, p._c_rel(f, p.v[key][word], grain, compared))

    return step


@functools.cache
def _step_taiwan(step: _Step) -> _Step:
    """`step`, in Taiwan articles only (the region is asked for only when the step would match)."""

    def taiwan_step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        found: _Candidates = []
        step(p, s, pos, f, found)
        if found and p.taiwan:
            out.extend(found)

    return taiwan_step


@functools.cache
def _step_yearsub(key: str) -> _Step:
    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx[key].match(s, pos)
        if m:
            _add(out, pos, m.end(), Rank.YEARSUB, p._c_yearsub(key, m, f, pos))

    return step


#: a count of years and 周年 right before a national day (老挝50周年国庆)
_RX_YEARS_BEFORE = re.compile(rf"{_INT}\s?周年$")


@functools.cache
def _national_events() -> frozenset[str]:
    return frozenset(_vocab()["national_events"])


@functools.cache
def _countries_by_last_char() -> dict[str, tuple[str, ...]]:
    by_last: dict[str, list[str]] = {}
    for country in names.country_names():
        by_last.setdefault(country[-1], []).append(country)
    return {last: tuple(words) for last, words in by_last.items()}


def _after_country(s: str, i: int) -> bool:
    """Does a foreign country's name (names.json) end right before i, past 的/暨/之 and a count of
    years (老挝建国, 老挝50周年国庆): the founding or national day is that country's, not China's."""
    before = _RX_ANN_TRAIL.sub("", s[max(0, i - 16) : i])
    before = _RX_ANN_TRAIL.sub("", _RX_YEARS_BEFORE.sub("", before))
    return bool(before) and before.endswith(_countries_by_last_char().get(before[-1], ()))


def _step_holiday(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["holiday"].match(s, pos)
    if m and m.group(0) in _national_events() and _after_country(s, pos) and not f.kinds:
        # 老挝国庆, 以色列国庆节: that country's national day, whose date the text does not give
        _add(out, pos, _with_days_off(p, s, m.end()), Rank.DAY, p._unres(f, "day", festival=True))
        return
    if m and not s.startswith(tuple(p.v["festival_not_before"].get(m.group(0), ())), m.end()):
        _add(out, pos, _with_days_off(p, s, m.end()), Rank.DAY, p._c_holiday(m.group(0), f))


def _step_term(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["term"].match(s, pos)
    if m:
        _add(out, pos, _with_days_off(p, s, m.end()), Rank.DAY, p._c_term(m.group(0), f))


def _with_days_off(p: _Parser, s: str, end: int) -> int:
    """The end of a festival's name with its days off (国庆假期, 清明小长假, 元旦假期期间): one
    expression, dated by the festival (data/timewords.json `festival_period_suffixes`)."""
    suffix = next((w for w in p.v["festival_period_suffixes"] if s.startswith(w, end)), "")
    if suffix and p.rx["firstn"].match(s, end + len(suffix)):
        return end  # 春节假期前三天: the holiday's first days, read from the festival as 春节前三天 is
    return end + len(suffix)


def _step_quarter_part(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    """初/末/底 right after a quarter: its first or last month."""
    if f.gran == "quarter" and f.start is not None:
        ch = s[pos]
        nf = replace(f, kinds=f.kinds + ("yearsub",))
        st = f.start if ch == "初" else f.start + relativedelta(months=2)
        p._set(nf, st, "month")
        nf.mod, nf.rtype = ("start" if ch == "初" else "end"), "range"
        _add(out, pos, pos + 1, Rank.MONTHSUB, nf)


def _step_month_half(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    """上半月, 月底 … alone: a part of the current month."""
    m = _RX_MONTHHALF.match(s, pos)
    if m and s[pos] == "月" and not f.kinds and pos > 0 and s[pos - 1] not in p._month_part_may_follow:
        return  # 岁月中, 蜜月中, 他月底: 月 ends a word or the part is glued to a word before it
    if m:
        nf = replace(f, kinds=f.kinds + ("month",))
        if p._take_year(nf, True) and not f.kinds:
            mo = p._month_of_part(nf)
            if mo is not None:
                assert nf.y is not None  # _take_year filled it in
                p._set(nf, dt.datetime(nf.y, mo, 1), "month")
                mm = _RX_MONTHHALF_G.match(s, pos)
                assert mm is not None  # the same words the step matched
                _add(out, pos, m.end(), Rank.MONTHSUB, p._c_monthpart(mm, nf))


@functools.cache
def _step_monthsub(key: str) -> _Step:
    rank = Rank.MONTHSUB if key != "nth_wd" else Rank.DAY

    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx[key].match(s, pos)
        if m:
            _add(out, pos, m.end(), rank, p._c_monthsub(key, m, f))

    return step


def _step_lunar_day_of_month(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    if "month" in f.kinds:
        m = p.rx["lunar_day"].match(s, pos)
        if m and (m.group(1) or m.group(2)):
            _add(out, pos, m.end(), Rank.DAY, p._c_lunar_day(m, f))


def _step_numday(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    if "month" in f.kinds:
        m = p.rx["numday"].match(s, pos)
        if m:
            _add(out, pos, m.end(), Rank.DAY, p._c_numday(m, f))


def _step_week(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["week"].match(s, pos)
    if m:
        _add(out, pos, m.end(), Rank.DAY if not m.group(3) else Rank.WEEKDAY, p._c_week(m, f))


def _step_weekday(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    """A weekday right after a day (5月3日周五)."""
    m = p.rx["week"].match(s, pos)
    if m and m.group(3) and not m.group(1):
        if f.gran == "week" and f.start is not None and _WD[m.group(3)] < 7:
            nf = replace(f, kinds=f.kinds + ("weekday",))
            p._set(nf, f.start + dt.timedelta(days=_WD[m.group(3)]), "day")
            _add(out, pos, m.end(), Rank.WEEKDAY, nf)
        else:
            _add(out, pos, m.end(), Rank.WEEKDAY, replace(f, kinds=f.kinds + ("weekday",)))


def _step_weekday_after_separator(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    """A weekday after a day and a separator (5月3日, 周五)."""
    m2 = _RX_SEP_WD.match(s, pos)
    if m2 and m2.end() > pos:
        m = p.rx["week"].match(s, m2.end())
        if m and m.group(3) and not m.group(1):
            _add(out, pos, m.end(), Rank.WEEKDAY, replace(f, kinds=f.kinds + ("weekday",)))


def _step_day_part_word(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    m = p.rx["day_part_word"].match(s, pos)
    if m:
        off, part = p.v["day_with_part"][m.group(0)]
        nf = p._c_rel(f, off, "day")
        if nf is not None:
            nf = p._c_daypart(part, nf, strong=True)
        _add(out, pos, m.end(), Rank.DAYPART, nf)


@functools.cache
def _step_daypart(strong: bool) -> _Step:
    def step(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
        m = p.rx["daypart"].match(s, pos)
        if m:
            _add(out, pos, m.end(), Rank.DAYPART, p._c_daypart(m.group(0), f, strong=strong, end=m.end()))

    return step


def _step_hour(p: _Parser, s: str, pos: int, f: _Frame, out: _Candidates) -> None:
    r = p._c_hour(pos, f)
    if r:
        _add(out, pos, r[0], Rank.CLOCK, r[1])
