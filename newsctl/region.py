"""Where an article was written, read once per article from its own signals.

Two analyzers depend on it: the timeline reads bare years in a Taiwan article
as ROC years (107年 = 2018), and figures read a bare 元 there as TWD. One
detection serves both, so they never disagree about the same article.

The signals are the script (Traditional), the outlet (the record's source or
an outlet named in the text) and region-specific vocabulary, matched on the
cleaned Simplified text so one cue list serves both scripts. The cues live in
data/region.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from newsctl.data import load_json

TAIWAN = "tw"
HONG_KONG = "hk"


@dataclass(frozen=True)
class Region:
    code: str | None  # "tw", "hk", or None (mainland or not known)
    cues: tuple[str, ...] = ()  # what decided it, for debugging and docs

    @property
    def roc_years(self) -> bool:
        """Bare years are 民国 years (Taiwan)."""
        return self.code == TAIWAN

    @property
    def local_currency(self) -> str | None:
        """The currency a bare 元 means: TWD in Taiwan, HKD in Hong Kong, else None (CNY by default)."""
        return {TAIWAN: "TWD", HONG_KONG: "HKD"}.get(self.code or "")


UNKNOWN = Region(None)


@cache
def _cues() -> dict[str, Any]:
    data = load_json("region.json")
    return {code: spec for code, spec in data.items() if not code.startswith("_")}


def detect_region(text: str, *, script: str = "simplified", source: str | None = None) -> Region:
    """The region of one article. `text` is the cleaned (Simplified) text; `script` is what
    clean.detect_script said of the source; `source` is the record's or the article's outlet."""
    haystack_source = source or ""
    best: Region = UNKNOWN
    best_score = 0
    for code, spec in _cues().items():
        outlets = tuple(o for o in spec["outlets"] if o in haystack_source or o in text)
        words = tuple(w for w in spec["words"] if w in text)
        score = len(outlets) * 2 + len(words)
        # Traditional script alone does not make an article Taiwanese (Hong Kong, Macau and
        # overseas outlets print it too), but it tips a story with one regional cue.
        if script == "traditional" and (outlets or words):
            score += 1
        decided = (outlets and spec.get("outlet_alone")) or score >= spec["min_cues"]
        if decided and score > best_score:
            best, best_score = Region(code, outlets + words), score
    return best
