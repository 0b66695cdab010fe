"""The time grammar's vocabulary and its named component patterns, compiled once: numbers, connectors,
years, months, days, weeks, parts of day, clocks (`component_patterns()`), and the word lists of
data/timewords.json."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

from newsctl.timewords import (
    CN_NUM,
)

# ---------------------------------------------------------------------------
# vocabulary


@functools.cache
def _vocab() -> dict[str, Any]:
    pkg = "newsctl"
    data = (resources.files(pkg) / "data" / "timewords.json").read_text(encoding="utf-8")
    vocab: dict[str, Any] = json.loads(data)
    return vocab


def _alt(words: Iterable[str]) -> str:
    """An alternation of `words`, longest first."""
    return _grouped(sorted(words, key=len, reverse=True))


def _grouped(words: list[str] | str) -> str:
    """An alternation of literal `words` ('a|b|c' or a list) in this order (the regex takes the
    first that matches), grouped by first character: the regex engine then only tries the words
    that begin right.  Words with different first characters never both match, so the grouping
    matches what the plain alternation does."""
    groups: dict[str, list[str]] = {}
    for w in words.split("|") if isinstance(words, str) else words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(
        re.escape(first + rests[0])
        if len(rests) == 1
        else "%s(?:%s)" % (re.escape(first), "|".join(re.escape(r) for r in rests))
        for first, rests in groups.items()
    )


@functools.cache
def _fold_table() -> dict[int, str]:
    table = {o: chr(o - 0xFEE0) for o in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table.update({ord(k): v for k, v in _vocab()["fold"].items() if len(k) == 1 and len(v) == 1})
    table.update({ord("○"): "〇", ord("０"): "0", ord("︰"): ":", ord("∶"): ":", ord("～"): "~"})
    return table


@functools.cache
def _fold_rx() -> re.Pattern[str]:
    table = _fold_table()
    return re.compile("[%s]" % "".join(re.escape(chr(k)) for k in sorted(table) if table[k] != chr(k)))


def _fold(text: str) -> str:
    """Same-length normalisation: full-width ASCII, Traditional time characters.  (A regex
    replacement: most texts have few such characters, and `str.translate` looks up every one.)"""
    table = _fold_table()
    return _fold_rx().sub(lambda m: table[ord(m.group())], text)


# ---------------------------------------------------------------------------
# regex building blocks (all bounded)

_CN = CN_NUM
_NUM = rf"(?:\d{{1,5}}(?:,\d{{3}}){{0,3}}(?:\.\d{{1,3}})?|[{_CN}]{{1,6}})"
_INT = rf"(?:\d{{1,4}}|[{_CN}]{{1,6}})"
_SMALL = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_CONN = r"\s{0,2}(?:至|到|—{1,2}|-{1,2}|~|〜|–|－|―|－|\u2014|\u2013)\s{0,2}"
_WD = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "末": 7,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
    "6": 5,
    "7": 6,
}

_RX_CONN = re.compile(_CONN)
_RX_SEP_WD = re.compile(r"\s{0,2}[,，、]?\s{0,2}")
#: a day or weekday restated in parentheses after a date: 上周六(24日), 24日(周六), 周二(10月31日)
_RX_DAY_GLOSS = re.compile(
    r"\(\s?(?:(?:(?P<mo>\d{1,2})月)?(?P<d>\d{1,2})[日号]|(?:周|星期|礼拜)[一二三四五六日天])\s?\)"
)
_BOUNDARY = re.compile(r"[，,。；;！!？?\n\r]")

# patterns used inside the parser, compiled once
_RX_LUNAR = re.compile("农历|阴历|旧历")
_RX_MONTHHALF = re.compile("上半月|下半月|月初|月中|月底|月末")
_RX_MONTHHALF_G = re.compile("(上半月|下半月|月初|月中|月底|月末)")
#: the minutes after a clock hour; bare two digits are not minutes when a unit of their own
#: follows them (久一点10多年: 'a bit longer, ten-odd years', not 1:10)
#: Cantonese clock talk (groups 6-8): 三点三个字 (three 'characters' of five minutes), 三点搭一 /
#: 踏半 (and one five-minute mark / and a half), 十二点正 (sharp, 正 not opening a word: 0点正式发售);
#: 七点差一刻, 八点差五分 (a quarter / five minutes to)
_RX_MINUTE = re.compile(
    rf"[搭踏]?(半|一刻|三刻|整|正(?![\u4e00-\u9fff]))|({_SMALL})\s{{0,1}}分(?:钟)?(?:({_SMALL})\s{{0,1}}秒)?"
    rf"|(\d{{2}}|[{_CN}]{{2,3}})(?![\d{_CN}分秒%多余年个天月岁元万亿倍])"
    rf"|([{_CN}]|\d)(?=分)"
    rf"|差(一刻|三刻|{_SMALL}(?=分))分?(?:钟)?|({_SMALL})个字|[搭踏]({_SMALL})(?![\d{_CN}])"
)
_RX_HOUR_NEXT = re.compile(r"左右|许|前后|以前|之前|以后|之后|之间|到|至|-|~")
_RX_PREFIX = re.compile(_grouped("自从|从|自|截至|截止到|截止至|截止|直到|到|至|大约|大概|约"))
_RX_INT = re.compile(rf"({_INT})")
_RX_SMALL_SEC = re.compile(rf"{_SMALL}秒")
_RX_DUR_PRE = re.compile(
    "(%s)(?:的)?" % _grouped("过去|最近|近|距今|这|未来|今后|接下来|此后|之后|之前|前|后|上|下")
)
_RX_DUR_JOIN = re.compile(r"(?:又|零|余|多)?")
_RX_DAY_NEXT = re.compile(r"前|后|之|以|内|来|里|间|多|余")
_RX_NIGHT_NUM = re.compile(r"\d|[一二两三四五六七八九十]")
_RX_DUR_SUF = re.compile(_grouped("以前|之前|前|以后|之后|过后|后|以来|来|以内|之内|内|左右|以上|以下|多"))
_RX_BELOW = re.compile("以下|以内")
#: a weekday after 每周, not a count (每周三次, 每周五天, 每周2班: so many a week); more weekdays
#: may follow it (每周一、三、五, 每周二和周四)
_SET_WEEKDAY = r"(?:[一二三四五六日天]|[1-7](?!\d))(?![次天日个班节堂场回遍趟小分晚名位人])"
_RX_SET_WD = re.compile(rf"(?:的)?{_SET_WEEKDAY}(?:[、和及与](?:周|星期|礼拜)?{_SET_WEEKDAY})*|(?:的)?工作日")
#: a day of the month after 每月 (每月15号, 每个月的1日) and a season after 每年 (每年冬天): parts of the set
_RX_SET_MONTHDAY = re.compile(rf"(?:的)?{_SMALL}[号日](?![楼线院号])")
_RX_SET_SEASON = re.compile(r"(?:的)?[春夏秋冬][天季](?![赛节])")
#: the end of a run of weekdays after 每周一: 每周一至周五, 每周一至五 recur as a whole
_RX_SET_WD_TO = re.compile(rf"(?:至|到|-|—|~)(?:周|星期|礼拜)?{_SET_WEEKDAY}")
_RX_ANN_TRAIL = re.compile(r"(的|暨|之|\s)+$")


@functools.cache
def _rx() -> dict[str, re.Pattern[str]]:
    v = _vocab()
    parts = v["dayparts"]
    out = {
        # whole numeric dates
        "iso": re.compile(
            r"(?<![\d.])(\d{4})\s{0,1}([-/.])\s{0,1}(\d{1,2})\s{0,1}\2\s{0,1}(\d{2}(?=\d{1,2}:)|\d{1,2})(?!\d{1,2}[-/.])"
            r"|(?<![\d.])(\d{4})\.(\d{1,2})-(\d{1,2})(?![\d])"
        ),
        "compact": re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
        "dmy": re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"),
        "yymmdd": re.compile(r"(?<![\d\-])(\d{2})-(\d{2})-(\d{2})(?![\d\-])"),
        # 1988.1亿元, 2019.5万: a decimal amount before its scale, currency or percent sign
        "ym": re.compile(
            r"(?<![\d.])((?:1[5-9]|20)\d{2})(?:\.|-|/)(\d{1,2})"
            r"(?![\d./:]|月|-\d{1,2}(?!\d)|\s{0,1}[万萬亿億兆元%％‰])"
        ),
        "md_num": re.compile(
            r"(?<![\d\-/.])(\d{1,2})(?:/|-)(\d{1,2})(?=\s{0,1}[号日])\s{0,1}[号日]"
            r"|(?<![\d\-/.:])(\d{2})-(\d{2})(?![\d\-:])"
            r"|(?<![\d.])(\d{1,2})[·・](\d{1,2})(?![\d])"
        ),
        "clock_sp": re.compile(r"(?:\s{0,2}|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])()"),
        "clock": re.compile(
            r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])(?:\s{0,1}(a\.m\.|p\.m\.|am|pm|AM|PM|"
            r"a(?![a-z])|p(?![a-z])))?(?:时)?"
        ),
        # years
        "year4": re.compile(
            r"(?<![\d.])(\d{4})\s{0,1}(?:年度|年(?!代|级|龄|轻|纪|薪|货(?![柜运物币车量])|终奖|会))"
        ),
        "roc": re.compile(r"(?<![\d.])(1[01]\d)\s{0,1}(?:年度|年(?=\d{1,2}\s{0,1}月))"),
        # a bare year of the Republic of China, tried in Taiwan articles only (`_Parser.roc_years`)
        "roc_bare": re.compile(
            r"(?<![\d.])(\d{2,3})\s{0,1}(?:年度|年)(?!代|级|龄|轻|纪|薪|货(?![柜运物币车量])|会|来|以来|多|半)"
        ),
        "year2": re.compile(r"(?<![\d.])(\d{2})\s{0,1}年(?!代|级|龄|轻|纪|薪|货(?![柜运物币车量])|会)"),
        "yearcn": re.compile(
            # a digit 0 among the numerals (二0一二年) as some pages write the year
            r"(?<![〇零0一二三四五六七八九])"
            r"([〇零一二三四五六七八九][〇零0一二三四五六七八九]{3}|[〇零一二三四五六七八九]{2})年(?!代|级|龄|轻|纪)"
        ),
        "year_bare": re.compile(
            r"(?<![\d.,])((?:1[89]|20)\d{2})(?![\d.%‰,]|\s{0,1}[万亿千百个名人元件次台辆只家所套项吨米])"
        ),
        "minguo": re.compile(rf"民国({_INT})年"),
        "era": re.compile("(%s)(元|[一二三四五六七八九十]{1,3}|\\d{1,2})年" % _alt(v["era_years"])),
        "century": re.compile(
            rf"(?:(上|本|{_SMALL})世纪)?(\d{{3}}0|\d0|[一二三四五六七八]?[一二三四五六七八九]十)年代(初期|中期|末期|中后期|初|末|中)?"
            rf"|(上个?|本|{_SMALL})世纪(初期|末期|初|末|上半叶|下半叶)?"
        ),
        "rel_year": re.compile(_alt(v["rel_year"])),
        # sub-year
        "half": re.compile(r"(?:的)?(上|下|前|后)半年"),
        "quarter": re.compile(
            r"(?:的)?(?:第)?([一二三四1-4])(?:季度|季(?=报))|(?:的)?[Qq]([1-4])(?!\d)|(?:的)?(首)季度"
            r"|(?:的)?前([一二三两1-3])(?:个)?季度"
        ),
        "rel_quarter": re.compile(_alt(v["rel_quarter"])),
        "season": re.compile(
            "(?:的)?(%s)(?![赛装档节])" % _alt(list(v["seasons"]) + list(v["school_holidays"]))
        ),
        # Taiwan quarters (第2季, 首季, 上季): tried in Taiwan articles only (`_Parser.taiwan`)
        "quarter_tw": re.compile(r"(?<!》)(?:的)?(?:第([一二三四1-4])|(首))季(?![度节风赛后军])"),
        "rel_quarter_tw": re.compile(_alt(v["rel_quarter_tw"]) + "(?![度节风赛后军])"),
        "yearpart": re.compile(r"年初|年底|年末|年中|年终|岁末|年内|伊始|开年|初期|初|底|末|中"),
        "firstn": re.compile(
            rf"(?:的)?(前|后|最后|头)({_SMALL})(?:个)?(月|天|日|周|星期|季度)|(?:的)?(首)(月)"
        ),
        "nth": re.compile(rf"(?:的)?第({_SMALL})(?:个)?(周|星期|礼拜|天|月)"),
        "nth_wd": re.compile(rf"(?:的)?(?:第({_SMALL})|(最后一))个?(?:星期|礼拜|周)([一二三四五六日天1-7])"),
        "holiday": re.compile(
            _alt(
                list(v["solar_festivals"])
                + list(v["lunar_festivals"])
                + list(v["weekday_festivals"])
                + list(v["easter_festivals"])
                + list(v["orthodox_easter_festivals"])
            )
        ),
        "term": re.compile(
            _grouped(
                "立春|雨水|惊蛰|春分|清明节|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|"
                "立冬|小雪|大雪|冬至|小寒|大寒"
            )
        ),
        # months
        "month": re.compile(
            r"(农历|阴历|旧历)?(闰)?(\d{1,2}|十[一二]|[一二三四五六七八九十]|正|腊|冬)\s{0,1}月(?:份)?"
            r"(?!亮|球|饼|光|薪|嫂|子|票|台|供|费|卡|活|经|度|利|息)"
        ),
        "rel_month": re.compile(_alt(v["rel_month"])),
        "monthpart": re.compile(
            r"(?:的)?(上旬|中旬|下旬|中下旬|上中旬|月初|月中|月底|月末|上半月|下半月|初|中|底|末)"
        ),
        # days
        "day": re.compile(r"(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s{0,1}(日|号)"),
        "lunar_day": re.compile(
            r"初([一二三四五六七八九十]|\d{1,2})(?![\d])|(廿[一二三四五六七八九]|二十[一二三四五六七八九]|卅|三十|二十|[十]?[一二三四五六七八九十])"
            r"(?![\d一二三四五六七八九十日号])"
        ),
        "numday": re.compile(r"(\d{1,2})(?![\d.%:万亿个名人元件次日号])"),
        "rel_day": re.compile(_alt(v["rel_day"])),
        "day_part_word": re.compile(_alt(v["day_with_part"])),
        "nthday": re.compile(rf"第({_SMALL})天"),
        # weeks
        "week": re.compile(
            r"(上上|下下|上|下|本|这|今|今个|这个|上个|下个|上一|下一|这一)?(?:个)?(周|星期|礼拜)"
            # 本周天气 is the week's weather, no Sunday (but 周天气温 is Sunday's temperature)
            r"([一二三四五六日1-7]|天(?!气(?![温压象]))|末)?"
        ),
        # parts of day / clock
        "daypart": re.compile(_alt(parts)),
        "hour": re.compile(rf"({_SMALL}|两)\s{{0,1}}(点|时)(钟)?"),
        "about": re.compile(r"左右|前后|许|上下"),
    }
    return out


@functools.cache
def _event_anchor_words() -> tuple[str, ...]:
    return tuple(_vocab()["event_anchor_words"])


@functools.cache
def _anniversaries_longest_first() -> tuple[tuple[str, int], ...]:
    """The (event, year) anniversary bases, the longest event names first (then in file order)."""
    return tuple(sorted(_vocab()["anniversaries"].items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _day_blockers() -> tuple[str, ...]:
    return tuple(_vocab()["day_after_blockers"])


@functools.cache
def _title_quote_nouns() -> tuple[str, ...]:
    return tuple(_vocab()["title_quote_nouns"])


@functools.cache
def _day_length_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words before (为期) and after (行政拘留) a bare N日 that make it a number of days."""
    v = _vocab()
    return tuple(v["day_length_before"]), tuple(v["day_length_after"])


@functools.cache
def _neg_rx() -> re.Pattern[str]:
    return re.compile(_alt(_vocab()["negatives"]))
