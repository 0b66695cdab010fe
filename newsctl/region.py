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

import re
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


@cache
def _cue_finder() -> re.Pattern[str]:
    """One pattern for every cue of every region and the longer words that contain a cue without
    being it (_not_cues: 舞台视觉, 明镜周刊, 万里长江), longest first: one pass over the text finds
    them all, and a cue inside a longer word is consumed by the longer word."""
    words = set(load_json("region.json")["_not_cues"])
    for spec in _cues().values():
        words.update(spec["outlets"], spec["words"], spec.get("traditional_words", ()))
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))))


def _found_in(text: str) -> set[str]:
    """The cues printed in `text`, except those printed only in scare quotes (“立法院”, 台湾
    “中央社”), as mainland outlets write the institutions of Taiwan: a Taiwan outlet never
    quotes its own."""
    found: set[str] = set()
    for match in _cue_finder().finditer(text):
        start, end = match.span()
        if not (text[start - 1 : start] == "“" and text[end : end + 1] == "”"):
            found.add(match.group())
    return found


def detect_region(text: str, *, script: str = "simplified", source: str | None = None) -> Region:
    """The region of one article. `text` is the cleaned (Simplified) text; `script` is what
    clean.detect_script said of the source; `source` is the record's or the article's outlet."""
    record_source = (source or "").lower()
    found = _found_in(text)
    best: Region = UNKNOWN
    best_score = 0
    best_named = False
    for code, spec in _cues().items():
        named = tuple(o for o in spec["outlets"] if o.lower() in record_source)
        cited = tuple(o for o in spec["outlets"] if o not in named and o in found)
        words = tuple(w for w in spec["words"] if w in found)
        score = len(named) * 2 + len(cited) * 2 + len(words)
        # Traditional script alone does not make an article Taiwanese (Hong Kong, Macau and
        # overseas outlets print it too), but it tips a story with one regional cue.
        if script == "traditional" and (named or cited or words):
            score += 1
        # Place names every outlet prints (台北, 台湾) say where the writer is only in the
        # region's own script: mainland news names Taiwan's cities too, in Simplified.
        places = tuple(w for w in spec.get("traditional_words", ()) if w in found)
        if script == "traditional" and places:
            score += len(places) + (not (named or cited or words))
            words += places
        # the outlet alone decides when it is the record's source, or is cited in a text
        # printed in the region's script; a Simplified text citing 中央社 is mainland news
        alone = spec.get("outlet_alone") and (named or (cited and script != "simplified"))
        decided = alone or score >= spec["min_cues"]
        if decided and (score > best_score or (score == best_score and named and not best_named)):
            best, best_score, best_named = Region(code, named + cited + words), score, bool(named)
        elif decided and score == best_score and not best_named:
            # two regions' cues in equal measure (a Hong Kong page about Taiwan), and the
            # record's outlet decides neither: no region
            best = UNKNOWN
    return best
