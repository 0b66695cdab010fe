"""The timeline's speed-ups keep what they replace: each against the plain form it stands for."""

from __future__ import annotations

import re

from newsctl.timeline.anchor import _occurrences


def test_occurrences_are_where_finditer_finds_each_word() -> None:
    # made-up text: markers that overlap one another (即将于: 即将 and 将于) and repeat (将于将于)
    text = "公司即将于明年1月上市，新厂将于将于3月投产，预计接下来还有"
    words = ["将于", "即将", "接下来", "预计", "可望于"]
    expected = sorted(m.start() for w in words for m in re.finditer(re.escape(w), text))
    assert sorted(_occurrences(text, words)) == expected
    assert sorted(_occurrences("年年年年", ["年年"])) == [0, 2]  # not overlapping itself, as finditer
    assert _occurrences("", words) == []


def test_prefilter_after_is_what_the_shapes_say() -> None:
    """`_Prefilter.after` (candidates indexed by first character and by category, the pairs with a
    category first united per first) lists exactly the patterns a shape lets begin with the
    character, with the characters the shape allows next: worked out here pair by pair."""
    from newsctl.timeline.prefilter import _NO_CHARS, _component_keys, _has, _shape, _union

    prefilter = _component_keys()
    patterns = prefilter._patterns
    for ch in "0123456789一二十两年月日号周上下前今明去第初春国的（( -~T中a":
        expected = []
        for key, pattern in patterns:
            shape = _shape(pattern)
            if not (shape.nullable or _has(shape.first, ch)):
                continue
            nxt = None
            if not (shape.nullable or _has(shape.single, ch)):
                nxt = _NO_CHARS
                for a, b in shape.pairs:
                    if _has(a, ch):
                        nxt = _union(nxt, b)
            expected.append((key, nxt))
        assert [(key, nxt) for key, nxt, _ in prefilter.after(ch)] == expected, ch


def test_pair_scan_finds_the_positions_its_alternation_does() -> None:
    """`_pair_rx` checks a first and a second character of any pair before its alternation: that
    pre-check rejects no position the alternation accepts, over every pair trigger, each with
    every character that follows some trigger, a digit, a space and the end of the text."""
    from newsctl.timeline.scan import _class_source, _is_pair_trigger, _pair_rx, _trigger_conditions

    pairs = {
        ch: n
        for ch, (run, n, _, _) in _trigger_conditions().items()
        if n is not None and _is_pair_trigger(run, n)
    }
    assert pairs
    plain = re.compile("|".join("%s(?=[%s])" % (re.escape(ch), _class_source(n)) for ch, n in pairs.items()))
    nexts = set().union(*(n[0] for n in pairs.values())) | set(pairs) | {"1", " ", "的", "年"}
    rx = _pair_rx()
    for first in pairs:
        for text in [first] + [first + nxt for nxt in sorted(nexts)]:
            assert (rx.match(text) is not None) == (plain.match(text) is not None), text
    text = "全国人民在国庆节前后去世界各地，国家与国际组织；入冬以来Q3季度。" * 2
    assert [m.start() for m in rx.finditer(text)] == [m.start() for m in plain.finditer(text)]


def test_prefilter_builds_once_per_set_of_patterns_with_the_same_result() -> None:
    """`_Prefilter.for_key` builds each set of patterns once: what it gives for a key is what the
    build gives for that key's patterns."""
    from newsctl.timeline.prefilter import _Prefilter

    patterns = [("a", r"\d+年"), ("b", r"\d+月"), ("c", r"今年"), ("d", r"[今明]天")]
    built: list[list[str]] = []

    def build(keys: list[str]) -> tuple[str, ...]:
        built.append(keys)
        return tuple(keys)

    pf = _Prefilter(patterns, build)
    for key in ["10年", "12年", "2年", "3月", "45月", "今年", "今天", "明天", "今日", "x"]:
        fresh = _Prefilter(patterns, tuple)
        assert pf.for_key(key) == fresh.for_key(key), key
    assert len(built) == len({tuple(b) for b in built})
