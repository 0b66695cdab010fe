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
