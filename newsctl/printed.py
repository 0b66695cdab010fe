"""Contract 1.2: keyword terms and metadata values as the article prints them.

Analyzers read the cleaned text, which is Simplified, so that a term or a name is the
same string across a mixed corpus (`term`, `metadata`). An editor of a Traditional page
pastes what the page prints: `陳培煌`, not `陈培煌`. A value's printed form is the value
with each Han character that the Traditional-to-Simplified conversion changed given back
as the source wrote it; every other character (widths, punctuation, Latin, digits) is the
value's own, so the printed form is exactly as long as the value and differs from it in
Han characters only.

Which source characters: those of the value's mentions in the cleaned text (title,
body and page furniture alike) and in a record's own title, which keywords read too.
Mentions may differ in script (`台灣` in one paragraph, `臺灣` in another, both `台湾`):
the surface printed most often wins, the first one among equally frequent. A value the
texts do not contain verbatim (a name gathered from its pieces, a merged variant, a
phrase cut across a line) is given back character by character: each Han character as
this article most often prints it, and as it is where the article never converts it.
A Simplified text (`script` simplified: under 1 % of its Han characters converted)
prints every value as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from newsctl.clean import clean_text, fold_width

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.clean import CleanedText

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def article_printer(article: Article) -> Printer:
    """The printer of one article: its text, and its record's title when it has one."""
    title = article.doc.title
    if title:
        return Printer(article.cleaned, clean_text(title))  # cached: the article's rules cleaned it
    return Printer(article.cleaned)


class Printer:
    """The printed forms of strings of one article's cleaned texts (see the module)."""

    __slots__ = ("_chars", "_plain", "_sources")

    def __init__(self, *sources: CleanedText) -> None:
        self._sources = sources
        self._chars: dict[str, str] | None = None  # Simplified char -> its usual printed char
        self._plain: bool | None = None  # every source Simplified

    def form(self, value: str) -> str:
        if not value:
            return value
        plain = self._plain
        if plain is None:
            # A Simplified text (the cleaned text's `script`: under 1 % of its Han characters
            # converted) prints every value as it is: decided once, with no pass over the text.
            plain = self._plain = all(source.script == "simplified" for source in self._sources)
        if plain:
            return value
        width = len(value)
        # Each distinct surface as the source has it, with its count and the cleaned text
        # under its first mention, in the order first met.
        raw: dict[str, int] = {}
        under: dict[str, str] = {}
        folded: str | None = None
        for source in self._sources:
            text, original = source.text, source.original
            needle = value
            at = text.find(needle)
            if at < 0:
                # A metadata value keeps full-width clause punctuation the text folds.
                if folded is None:
                    folded = fold_width(value)
                needle = folded
                at = text.find(needle) if needle != value else -1
            while at >= 0:
                end = at + width
                printed = original[at:end]
                if printed in raw:
                    raw[printed] += 1
                else:
                    raw[printed] = 1
                    under[printed] = text[at:end]
                at = text.find(needle, end)
        if not raw:
            return self._by_character(value)
        forms: dict[str, int] = {}
        for printed, count in raw.items():
            simplified = under[printed]
            form = value if printed == simplified else self._surface(value, printed, simplified)
            forms[form] = forms.get(form, 0) + count
        # max keeps the first of equal counts: the surface met first wins a tie.
        return max(forms, key=forms.__getitem__)

    def forms(self, values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
        return tuple(self.form(value) for value in values)

    @staticmethod
    def _surface(value: str, printed: str, simplified: str) -> str:
        return "".join(
            p if p != s and _HAN.match(p) else v for v, p, s in zip(value, printed, simplified, strict=True)
        )

    def _by_character(self, value: str) -> str:
        chars = self._chars
        if chars is None:
            chars = self._chars = self._char_table()
        if not chars:
            return value
        return "".join(chars.get(char, char) for char in value)

    def _char_table(self) -> dict[str, str]:
        seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
        for source in self._sources:
            if fold_width(source.original) != source.text:  # some character was converted
                for s, p in zip(source.text, source.original, strict=True):
                    if s != p and _HAN.match(p):
                        seen[s][p] += 1
        # A character the article prints both ways (台 and 臺 for 台) keeps its most usual form.
        table = {}
        for s, counts in seen.items():
            kept = sum(source.text.count(s) for source in self._sources) - sum(counts.values())
            best, times = counts.most_common(1)[0]
            table[s] = best if times >= kept else s
        return table
