"""Where `find_times` tries the grammar: trigger characters, the entry conditions of each expression
rule, and one scan regex that jumps between candidate positions."""

from __future__ import annotations

import functools
import re

from newsctl.timeline.grammar import _EXPRESSIONS, _RX_ONE_HOUR, _five_year_plan_rx, _ganzhi_year_rx, _Parser
from newsctl.timeline.patterns import (
    _CN,
    _CONN,
    _INT,
    _RX_DUR_PRE,
    _RX_LUNAR,
    _RX_MONTHHALF,
    _RX_PREFIX,
    _rx,
    _vocab,
)
from newsctl.timeline.prefilter import (
    _CATEGORY_RX,
    _NO_CHARS,
    _RUN_OF,
    _RUNS,
    _Chars,
    _first_chars,
    _is_empty,
    _Prefilter,
    _union,
)


@functools.cache
def _trigger_chars() -> frozenset[str]:
    """The characters a time expression may begin with (the parser is never tried elsewhere)."""
    v = _vocab()
    words = set()
    for key in (
        "rel_year",
        "rel_month",
        "rel_week",
        "rel_quarter",
        "rel_day",
        "day_with_part",
        "dayparts",
        "solar_festivals",
        "lunar_festivals",
        "weekday_festivals",
        "easter_festivals",
        "orthodox_easter_festivals",
        "era_years",
        "heavenly_stems",
    ):
        words.update(v[key])
    firsts = {w[0] for w in words}
    firsts.update(
        "0123456789"
        + _CN
        + "之从自截至到直大约每民农阴旧闰上下前后本这今当同次周星礼近过最未此目现如眼日不往早连"
        "全整半多数几好Qq的第首头立雨惊春清谷夏小芒处白秋寒霜冬大好迄为昨明去届距入接暑“\"‘'"
    )
    firsts.discard("的")
    return frozenset(firsts)


#: a trigger character that at most this many characters (and no class such as \d) may follow is
#: scanned for as a pair by `_pair_rx`: mostly the first characters of words (era names, feasts),
#: many of them common characters (建 成 正 道 ...) that `_scan_rx` would otherwise stop at often
_PAIR_NEXTS_MAX = 4


@functools.cache
def _trigger_conditions() -> dict[str, tuple[int | None, _Chars, _Chars, tuple[str, ...]]]:
    """For each trigger character some `_entry_rules` regex may match at: the run it begins (or
    None), the characters the rules allow after it, after the number it begins, and the rules
    that may match wholly inside that number."""
    conditions: dict[str, tuple[int | None, _Chars, _Chars, tuple[str, ...]]] = {}
    for ch in sorted(_trigger_chars()):
        run = _RUN_OF.get(ch)
        nexts: _Chars = _NO_CHARS
        exits: _Chars = _NO_CHARS
        inside: list[str] = []  # rules that may match wholly inside the number: checked as they are
        for (_, rule), nxt, rule_exits in _entries().after(ch):
            nexts = _union(nexts, nxt)
            if run is not None and rule_exits is None:
                inside.append(rule.pattern)
            elif run is not None:
                exits = _union(exits, rule_exits)
        if _is_empty(nexts) or (run is not None and _is_empty(exits) and not inside):
            continue  # no rule can match at ch
        conditions[ch] = (run, nexts, exits, tuple(inside))
    return conditions


def _is_pair_trigger(run: int | None, nexts: _Chars) -> bool:
    return run is None and nexts is not None and not nexts[1] and len(nexts[0]) <= _PAIR_NEXTS_MAX


def _pair_source() -> str:
    """The pair triggers (`_PAIR_NEXTS_MAX`) as one regex source: a first character followed by a
    second character of any pair, checked by a class for every character, then the alternation of
    the pairs, which sre tries one alternative after another (most first characters, 国 全 世 ...,
    are not followed by a second character of any pair).  A match is one character long."""
    pairs = {
        ch: nexts
        for ch, (run, nexts, _, _) in _trigger_conditions().items()
        if nexts is not None and _is_pair_trigger(run, nexts)
    }
    alternatives = ["%s(?=[%s])" % (re.escape(ch), _class_source(nexts)) for ch, nexts in pairs.items()]
    firsts: frozenset[str] = frozenset(pairs)
    seconds: frozenset[str] = frozenset().union(*(nexts[0] for nexts in pairs.values()))
    return "[%s](?=[%s])(?<=%s)" % (
        _class_source((firsts, frozenset())),
        _class_source((seconds, frozenset())),
        "|".join(alternatives),
    )


@functools.cache
def _pair_rx() -> re.Pattern[str]:
    """The positions of the pair triggers alone (`_scan_rx` finds them with the others)."""
    return re.compile(_pair_source())


@functools.cache
def _scan_rx() -> re.Pattern[str]:
    """One regex for the other positions `find_times` examines, so that the scan jumps between them
    in C: a trigger character followed by a character some `_entry_rules` regex allows after it; at
    a number, not inside one (a digit right after a digit or letter, a numeral after a numeral),
    and followed by a character some rule allows after the number.  It accepts a superset of the
    positions worth a parse: `find_times` checks each hit again exactly."""
    groups: dict[tuple[int | None, _Chars, _Chars, tuple[str, ...]], list[str]] = {}
    for ch, condition in _trigger_conditions().items():
        if not _is_pair_trigger(condition[0], condition[1]):
            groups.setdefault(condition, []).append(ch)
    # the pair triggers first: a character that begins no pair fails their class at once
    alternatives = [_pair_source()]
    for (run, nexts, exits, inside_rules), chars in groups.items():
        cls = "[%s]" % _class_source((frozenset(chars), frozenset()))
        alternative = cls
        if run is not None:
            guard = (r"(?<![\dA-Za-z])", rf"(?<![{_CN}])")[run]
            checks = ""
            if exits is not None:
                digits = _class_source((_RUNS[run], frozenset()))
                checks_at = ["(?:%s)" % rule for rule in inside_rules]
                if not _is_empty(exits):  # the whole number, then a character a rule allows after it
                    checks_at.insert(0, f"[{digits}]+(?![{digits}])[{_class_source(exits)}]")
                checks = "(?=%s)" % "|".join(checks_at)
            alternative += f"(?<={guard}{checks}{cls})"
        if nexts is not None:
            alternative += "(?![^%s])" % _class_source(nexts)
        alternatives.append(alternative)
    every = frozenset(c for chars in groups.values() for c in chars)
    every |= {ch for ch, (run, nexts, _, _) in _trigger_conditions().items() if _is_pair_trigger(run, nexts)}
    # and where a number beginning there ends, for `_Prefilter.at`
    runs = "|".join("(?<=[{0}])[{0}]*".format(_class_source((run, frozenset()))) for run in _RUNS)
    return re.compile(
        "[%s](?<=%s)(?=(?:%s)?(?P<run_end>))"
        % (_class_source((every, frozenset())), "|".join(alternatives), runs)
    )


def _class_source(chars: _Chars) -> str:
    """The inside of a [...] class for a bounded character set."""
    assert chars is not None
    return "".join(re.escape(c) for c in sorted(chars[0])) + "".join(
        _CATEGORY_RX[k].pattern for k in sorted(chars[1])
    )


#: component regexes `parse_point` only tries after an earlier component (last >= 3) or never
_NOT_AT_START = frozenset({"lunar_day", "numday", "monthpart", "nth_wd", "clock_sp", "about"})


@functools.cache
def _entry_rules() -> dict[str, list[str]]:
    """Necessary conditions for each expression rule of `_Parser.parse_at(i)` to find anything,
    as regexes one of which must match at i.
    Every rule begins with a regex at i, or with an optional prefix regex (从, 过去 …) and then a
    regex right after it, so a position where none of those sequences matches is skipped without
    a parse.  The patterns only have to accept a superset: alternations may backtrack where the
    rules do not, and a pattern it cannot embed as is (back-references) is loosened."""
    # what `_range_or_point` needs at its start: a component `parse_point` tries at the start of
    # a point (last == -1), or a bare number and a connector (`_bare_left`)
    top = {k: r.pattern for k, r in _rx().items() if k not in _NOT_AT_START}
    top["yearpart"] = "(?=[年岁开伊])(?:%s)" % top["yearpart"]
    # a bare number and a connector, or 、 (7、8月: `_bare_left`)
    bare_left = [rf"(?:{_INT}){_CONN}", rf"(?:{_INT})、(?:\d{{1,2}}|[{_CN}]{{1,3}})\s?(?:月|日|号)"]
    point = list(top.values()) + [_RX_LUNAR.pattern, _RX_MONTHHALF.pattern, *bare_left]
    point_alt = "|".join(_embed(p) for p in point)
    return {
        "_point_expr": [
            "%s(?:%s)" % (_embed(_RX_PREFIX.pattern), point_alt),  # after a prefix
            *(_embed(p) for p in point),  # without one
        ],
        "_set_expr": [_embed(_Parser._SET_RX.pattern)],
        "_special": [_embed(_Parser._SPECIAL.pattern)],
        "_anniversary": [_embed(_Parser._ANN_RX.pattern)],
        "_duration_expr": [
            "%s%s" % (_embed(_RX_DUR_PRE.pattern), _embed(_Parser._DUR_RX.pattern)),
            "%s%s" % (_embed(_RX_DUR_PRE.pattern), _embed(_RX_ONE_HOUR.pattern)),  # 下个小时
            _embed(_Parser._DUR_RX.pattern),
        ],
        "_paren_relative": [_embed(_Parser._PAREN_RX.pattern)],
        "_five_year_plan": [_embed(_five_year_plan_rx().pattern)],
        "_ganzhi_year": [_embed(_ganzhi_year_rx().pattern)],
        "_anaphoric_period": [_embed(_Parser._ANAPHORIC_RX.pattern)],
    }


#: per expression rule that may apply at a position: its name and the entry regexes to check
_Entries = tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


def _by_expression(rules: list[tuple[str, re.Pattern[str]]]) -> _Entries:
    grouped: dict[str, list[re.Pattern[str]]] = {}
    for name, rx in rules:
        grouped.setdefault(name, []).append(rx)
    return tuple((name, tuple(grouped[name])) for name in _EXPRESSIONS if name in grouped)


@functools.cache
def _entries() -> _Prefilter[tuple[str, re.Pattern[str]], _Entries]:
    """The `_entry_rules` that can match at a position, grouped by expression rule."""
    rules = [((name, re.compile(rule)), rule) for name, rs in _entry_rules().items() for rule in rs]
    return _Prefilter(rules, _by_expression)


def _embed(pat: str) -> str:
    """`pat` as a group that can sit inside a larger pattern, accepting at least what it accepts."""
    if re.search(r"\\[1-9]", pat):
        pat = _without_backrefs(pat) or pat
    if re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]|\\\(\?P", pat):
        fc = _first_chars(re.compile(pat))
        if fc is None:
            return r"(?:[\s\S])"
        return f"(?:[{_class_source(fc)}])"
    return "(?:%s)" % re.sub(r"\(\?P<\w+>", "(?:", pat)


#: a back-reference, a group opening, an escape or a character class, in regex source
_RX_SOURCE_TOKEN = re.compile(r"\\([1-9])(?!\d)|\((\?P<\w+>|\?)?|\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\)", re.S)


def _without_backrefs(pat: str) -> str | None:
    """`pat` with each back-reference \\N replaced by a copy of group N's pattern, which accepts
    at least the text the reference does; None when that is not safe (a group with lookarounds
    or anchors, which could match elsewhere differently, or with references of its own)."""
    bodies: dict[int, str] = {}
    refs: list[tuple[int, int, int]] = []
    stack: list[tuple[int | None, int]] = []
    count = 0
    for m in _RX_SOURCE_TOKEN.finditer(pat):
        tok = m.group(0)
        if m.group(1):
            refs.append((m.start(), m.end(), int(m.group(1))))
        elif tok[0] == "(":
            capturing = m.group(2) is None or m.group(2).startswith("?P<")
            count += capturing
            stack.append((count if capturing else None, m.end()))
        elif tok == ")":
            if not stack:
                return None
            group, body_start = stack.pop()
            if group is not None:
                bodies[group] = pat[body_start : m.start()]
    out, last = [], 0
    for start, end, group in refs:
        body = bodies.get(group)
        if body is None or re.search(r"\(\?<?[=!]|\\[1-9bBAZ]|[$^]", body):
            return None
        out += [pat[last:start], "(?:%s)" % _RX_SOURCE_TOKEN.sub(_uncapture, body)]
        last = end
    return "".join(out) + pat[last:]


def _uncapture(m: re.Match[str]) -> str:
    """A capturing group opening as a non-capturing one, any other token as it is."""
    tok = m.group(0)
    return "(?:" if tok[0] == "(" and (m.group(2) is None or m.group(2).startswith("?P<")) else tok


def _applicable(entries: _Entries, s: str, i: int) -> list[str]:
    """The expression rules one of whose entry regexes matches at i."""
    found = []
    for name, rules in entries:
        for rx in rules:
            if rx.match(s, i) is not None:
                found.append(name)
                break
    return found
