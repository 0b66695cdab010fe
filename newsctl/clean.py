"""Cleaning: strip inline pinyin annotations, normalise whitespace and widths,
convert to Simplified Chinese, and keep a map from every cleaned character
back to its index in the source text.

Every analyzer works on `CleanedText.text`; every result is reported with
`CleanedText.source_span`, so spans in the output always index the text the
user gave us (contract, "Spans").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

# A Han character followed by a parenthesised Latin syllable with tone marks:
# the `網(wǎng)` form crawlers leave behind. Whether it really is an
# annotation is decided by the character's readings, not by this pattern.
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PINYIN_LETTERS = "a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜêÊḿńňǹ\u0300\u0301\u0304\u030c"
_HSPACE = r" \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_NEWLINE = r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85"
_CONTROLS = (
    r"\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # C0/C1 except the ones handled as whitespace
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb"  # zero-width and bidi
)

# Control characters inside a run of whitespace belong to the run, so `a \x00 b`
# becomes `a b` and a run of blank lines with stray controls stays one blank
# line. The character classes are disjoint, so no pattern can backtrack.
# The leading lookahead names every character an edit can start with: it lets the
# regex engine skip plain text quickly instead of trying each branch at every
# position (about 5x faster on news text).
_EDIT_STARTS = r"(（\r\n\u2028\u2029\x0b\x0c\x85" + _HSPACE + _CONTROLS
_EDITS = re.compile(
    rf"(?=[{_EDIT_STARTS}])(?:"
    rf"(?P<ann>(?<=[{_HAN}])[(（][{_PINYIN_LETTERS}]{{1,8}}[1-5]?[)）])"
    rf"|(?P<nl>[{_HSPACE}{_CONTROLS}]*(?:{_NEWLINE})(?:[{_HSPACE}{_CONTROLS}]*(?:{_NEWLINE}))*"
    rf"[{_HSPACE}{_CONTROLS}]*)"
    rf"|(?P<hs>[{_CONTROLS}]*(?P<space>[{_HSPACE}])[{_HSPACE}{_CONTROLS}]*)"
    rf"|(?P<ctl>[{_CONTROLS}]+))"
)
_NEWLINE_RE = re.compile(_NEWLINE)
_UTF32 = "utf-32-le"  # one 4-byte code unit per character, no byte-order mark
assert array("I").itemsize == 4
# Source offsets 0, 1, 2, ... shared by every article up to this length, grown as needed.
_RAMP = array("q")
_RAMP_LIMIT = 1 << 20  # 8 MB of offsets at most; longer articles build their own

# Full-width ASCII forms (U+FF01-U+FF5E) fold to ASCII one to one, so the fold
# never moves an offset.
_WIDTH_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH_RE = re.compile("[\uff01-\uff5e]")


def fold_width(text: str) -> str:
    """Full-width ASCII forms to ASCII. A translate() would look up every character
    of the article, a sub() with a function calls Python once per match (a news
    article has dozens of full-width digits and colons); one str.replace per
    distinct full-width character found does the work in C. The replacements are
    ASCII, outside the folded range, so their order does not matter."""
    for char in set(_FULL_WIDTH_RE.findall(text)):
        text = text.replace(char, chr(ord(char) - 0xFEE0))
    return text


_CLAUSE_PUNCTUATION = frozenset("，：；！？（）／")
_HAN_RE = re.compile(f"[{_HAN}]")
_NON_HAN_RUN_RE = re.compile(f"[^{_HAN}]+")
_TONE_MARKS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ",
    "aaaaeeeeiiiioooouuuuvvvv",
)


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class CleanedText:
    """The cleaned text of one article and the way back to its source."""

    source: str
    text: str  # Simplified, widths folded, annotations removed: what analyzers read
    original: str  # the same characters in the source's own script and widths
    source_index: array[int]  # source_index[i] is the source offset of text[i]
    annotations: tuple[tuple[int, int], ...]  # source spans of removed annotations, sorted
    script: str  # simplified | traditional | mixed

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of `text` to the source text."""
        if end <= start:
            position = self.source_index[start] if start < len(self.source_index) else len(self.source)
            return position, position
        return self.source_index[start], self.source_index[end - 1] + 1

    def display(self, start: int, end: int, *, printed: bool = False) -> str:
        """A cleaned span for showing as a metadata value: Simplified, annotations
        removed, whitespace normalised and widths folded, except that Chinese
        clause punctuation written full-width (，：；！？（）／) stays full-width
        (`警惕！`, `记者X／新北报导`), unless it sits between two ASCII letters or
        digits (`０８：１５` -> `08:15`). `printed` keeps the source's own script
        (a Traditional byline's names as the page prints them: `陳培煌`, not `陈培煌`)."""
        out = []
        for i in range(start, end):
            char = self.original[i]
            keep = char in _CLAUSE_PUNCTUATION and not (
                0 < i < len(self.text) - 1
                and _is_ascii_alnum(self.text[i - 1])
                and _is_ascii_alnum(self.text[i + 1])
            )
            if keep:
                out.append(char)
            elif printed and char != self.text[i] and _HAN_RE.match(char):
                out.append(char)  # a Han character the Simplified conversion changed
            else:
                out.append(self.text[i])
        return "".join(out).strip()

    def source_text(self, start: int, end: int) -> str:
        """The source slice behind a cleaned span, minus inline annotations."""
        src_start, src_end = self.source_span(start, end)
        return self.strip_annotations(src_start, src_end)

    def strip_annotations(self, src_start: int, src_end: int) -> str:
        """`source[src_start:src_end]` with the annotations inside it removed."""
        if not self.annotations:
            return self.source[src_start:src_end]
        pieces = []
        cursor = src_start
        first = bisect.bisect_left(self.annotations, (src_start, -1))
        for ann_start, ann_end in self.annotations[first:]:
            if ann_start >= src_end:
                break
            pieces.append(self.source[cursor:ann_start])
            cursor = max(cursor, ann_end)
        pieces.append(self.source[cursor:src_end])
        return "".join(pieces)


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def _t2s() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")  # opencc ships no type information
    return converter


def to_simplified(text: str) -> str:
    """Phrase-aware Traditional-to-Simplified conversion that keeps the length.

    OpenCC converts by phrases, which nearly always keeps the character count.
    Where a line changes length, that line is converted character by
    character instead, so offsets stay one to one.
    """
    if not text:
        return text
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) == len(text):
        return converted
    lines = text.split("\n")
    out = []
    for line in lines:
        line_converted = converter.convert(line)
        if len(line_converted) != len(line):
            line_converted = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        out.append(line_converted)
    return "\n".join(out)


@cache
def _readings_table() -> str:
    """pypinyin's readings as one string, a line `<char>\t<readings>` per character
    (comma-separated, with tone marks), after a leading newline.

    Cached in the user cache directory. pypinyin's own table takes a quarter of a
    second to import. A dict of its 42,000 characters, unmarshalled, still takes
    a tenth of a second or more, where an article with inline pinyin asks about a
    few dozen characters: one string loads at once, and `str.find` looks a
    character up in C."""

    def build() -> str:
        from pypinyin.pinyin_dict import pinyin_dict

        lines = (f"{chr(code)}\t{readings}\n" for code, readings in sorted(pinyin_dict.items()))
        return "\n" + "".join(lines)

    from newsctl.cache import cached_table, files_key, package_dir

    # Keyed by pypinyin's table file: its version, read through importlib.metadata,
    # costs a 0.07 s import.
    key = files_key(package_dir("pypinyin") / "pinyin_dict.py")
    readings: str = cached_table("pinyin-readings-text", key, build)
    return readings


def _readings_of(char: str) -> str | None:
    """The comma-separated readings of one character, or None when pypinyin has none."""
    if len(char) != 1:
        return None
    table = _readings_table()
    # The lines are sorted by character: a binary search over the text, where a
    # str.find scanned the 0.7 MB table (about 0.7 ms a character, a quarter of
    # cleaning the corpus). `lo` is always the start of a line, `hi` the start of
    # a line or the end of the table.
    lo, hi = 1, len(table)
    while lo < hi:
        start = table.rfind("\n", lo - 1, (lo + hi) // 2) + 1
        end = table.index("\n", start)
        here = table[start]
        if here == char:
            return table[start + 2 : end]
        if here < char:
            lo = end + 1
        else:
            hi = start
    return None


def _normalise_syllable(syllable: str) -> str:
    return unicodedata.normalize("NFC", syllable).lower().replace("ü", "v").replace("u:", "v")


@lru_cache(maxsize=8192)
def _reading_sets(char: str) -> tuple[frozenset[str], frozenset[str]]:
    """(readings with tone marks, readings without) of one character, normalised."""
    readings = _readings_of(char)
    if not readings:
        return frozenset(), frozenset()
    toned = frozenset(_normalise_syllable(r) for r in readings.split(","))
    return toned, frozenset(r.translate(_TONE_MARKS) for r in toned)


def is_reading_of(char: str, syllable: str) -> bool:
    """True when `syllable` (tone marks, tone digit or none) is a reading of `char`."""
    toned, bare_readings = _reading_sets(char)
    if not toned:
        return False
    wanted = _normalise_syllable(syllable)
    if wanted in toned:
        return True
    bare = wanted.rstrip("12345")
    return bare == bare.translate(_TONE_MARKS) and bare in bare_readings


def detect_script(folded: str, simplified: str) -> str:
    """simplified | traditional | mixed, from how many Han characters OpenCC changed."""
    if folded == simplified:
        return "simplified"  # nothing changed: the common case, decided without a per-character loop
    han = _han_count(folded)
    if han == 0:
        return "simplified"
    ratio = _changed_characters(folded, simplified) / han
    if ratio < 0.01:
        return "simplified"
    if ratio >= 0.06:
        return "traditional"
    return "mixed"


def _han_count(text: str) -> int:
    """How many Han characters `text` has: what is left once the runs of other
    characters are cut out (a findall built a one-character string per Han
    character, about 20 % of cleaning a Traditional article)."""
    return len(_NON_HAN_RUN_RE.sub("", text))


def _changed_characters(before: str, after: str) -> int:
    """Positions where two equally long strings differ, counted in C: the XOR of
    their UTF-32 code units is zero exactly where they agree (a character loop
    over every traditional article cost about 2 % of `analyze`)."""
    if len(before) != len(after):
        return sum(1 for a, b in zip(before, after) if a != b)
    encoded = before.encode(_UTF32)
    differences = int.from_bytes(encoded, "little") ^ int.from_bytes(after.encode(_UTF32), "little")
    units = array("I", differences.to_bytes(len(encoded), "little"))
    return len(units) - units.count(0)


def _offsets(start: int, end: int) -> array[int]:
    """`array("q", range(start, end))`, sliced from a shared ramp of offsets
    instead of built one Python int at a time (about 2 % of `analyze`)."""
    global _RAMP
    if end > len(_RAMP):
        if end > _RAMP_LIMIT:
            return array("q", range(start, end))
        _RAMP = array("q", range(min(max(end, 2 * len(_RAMP)), _RAMP_LIMIT)))
    return _RAMP[start:end]


# Short texts (a record's title, source or byline) are cleaned again and again: several
# rules of one article ask for its title, and a few outlets' names recur across a corpus.
# A CleanedText is never changed once made, so the same one can be handed out again.
_SHORT_TEXT_CHARS = 200


def clean_text(source: str) -> CleanedText:
    """Clean one article's decoded text. Linear in the length of `source`."""
    if len(source) <= _SHORT_TEXT_CHARS:
        return _clean_short_text(source)
    return _clean(source)


@lru_cache(maxsize=1024)
def _clean_short_text(source: str) -> CleanedText:
    return _clean(source)


def _clean(source: str) -> CleanedText:
    pieces: list[str] = []
    index = array("q")
    annotations: list[tuple[int, int]] = []
    cursor = 0

    def keep(start: int, end: int) -> None:
        pieces.append(source[start:end])
        index.extend(_offsets(start, end))

    for match in _EDITS.finditer(source):
        start, end = match.span()
        kind = match.lastgroup
        if kind == "ann":
            if not is_reading_of(source[start - 1], source[start + 1 : end - 1]):
                continue  # a real parenthesis such as 处室(单位): left in place
            keep(cursor, start)
            annotations.append((start, end))
        elif kind == "nl":
            keep(cursor, start)
            at_edge = len(index) == 0 or end == len(source)
            if not at_edge:
                breaks = len(_NEWLINE_RE.findall(source, start, end))
                newline_at = _NEWLINE_RE.search(source, start, end)
                position = newline_at.start() if newline_at else start
                text = "\n\n" if breaks >= 2 else "\n"
                pieces.append(text)
                index.extend([position] * len(text))
        elif kind == "hs":
            keep(cursor, start)
            at_edge = len(index) == 0 or end == len(source)
            if not at_edge:
                pieces.append(" ")
                index.append(match.start("space"))
        else:  # control characters: dropped
            keep(cursor, start)
        cursor = end
    keep(cursor, len(source))
    original = "".join(pieces)
    # Whitespace the pattern could not see at the edges (after dropped controls).
    original, index = _trim(original, index)
    folded = fold_width(original)
    simplified = to_simplified(folded)
    return CleanedText(
        source=source,
        text=simplified,
        original=original,
        source_index=index,
        annotations=tuple(annotations),
        script=detect_script(folded, simplified),
    )


def _trim(text: str, index: array[int]) -> tuple[str, array[int]]:
    stripped_left = len(text) - len(text.lstrip())
    stripped = text.strip()
    if len(stripped) == len(text):
        return text, index
    return stripped, index[stripped_left : stripped_left + len(stripped)]
