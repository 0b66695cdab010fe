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
