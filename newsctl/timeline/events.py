"""The clause a time expression dates (its `event`)."""

from __future__ import annotations

import re
from bisect import bisect_left


def _event(text: str, bounds: list[int], s: int, e: int) -> str | None:
    """The clause around [s, e); a time adverbial ending its clause ('2019年以来,…') dates the next one.
    `bounds`: where the clause boundaries of the (folded) text are, in order; the clause reaches at
    most 120 characters around the time, and further only when the next clause is wanted."""
    n = len(text)
    k = bisect_left(bounds, s)  # bounds[k - 1]: the last boundary before s
    a = max(bounds[k - 1] + 1, s - 120) if k else max(0, s - 120)
    k = bisect_left(bounds, e, k)  # bounds[k]: the first boundary from e on
    after_e = bounds[k] if k < len(bounds) else None
    boundary = after_e if after_e is not None and after_e < e + 120 else None  # when near
    b = boundary if boundary is not None else min(n, e + 120)
    gap = max(text.rfind(" ", a, s), text.rfind("\u3000", a, s))
    if gap >= 0 and text[a:gap].strip():
        a = gap + 1  # '…5月20日讯 2019年以来': the dateline is not part of the clause
    clause = None
    if after_e is not None and _RX_EVENT_NOTHING.fullmatch(text, e, b):
        following = bounds[k + 1] if k + 1 < len(bounds) else n  # the end of the next clause
        clause = text[b + 1 : min(following, b + 121)]
    if clause is None:
        clause = text[a:b]
    clause = clause.strip(" \t\u3000,，。；;:：")
    return clause or None


#: what may stand between a time and the end of its clause when the time dates the next one
#: ('2019年以来,…'): digits, date words, conjunctions, spaces and punctuation
_RX_EVENT_NOTHING = re.compile(r"[\d年月日号和及与、至到\s,，:：“”\"'（）()]*")
