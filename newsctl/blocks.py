"""Blocks: an article cut into consecutive pieces of one kind each (contract 1.1, BLOCK).

`newsctl.article` decides the kinds; this module holds the kinds themselves,
what each group of kinds means to the analyzers, and the one function that
turns classified pieces into blocks that cover every non-space character of
the cleaned text, in order and without overlap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Every kind, in the contract's order (the JSON Schema's enum is filled from it).
# The first five are what a reader came for: the story and its own labels.
KIND_ORDER = (
    "body",
    "title",
    "heading",
    "item_title",
    "dateline",
    "source_line",
    "time_line",
    "byline",
    "caption",
    "photo_credit",
    "editor_note",
    "footer",
    "ad",
    "related_links",
    "hotline",
    "copyright",
    "program_name",
    "share_prompt",
    "other_boilerplate",
)
CONTENT_KINDS = frozenset(KIND_ORDER[:5])
BOILERPLATE_KINDS = frozenset(KIND_ORDER[5:])
KINDS = frozenset(KIND_ORDER)
# Blocks that state no story facts: timeline and figures skip them. Captions,
# headings and editor notes describe the story and stay; a title or a dateline
# restates what the body says (a dateline's date is the dispatch, not an event).
NO_FACT_KINDS = frozenset(
    {
        "byline",
        "source_line",
        "time_line",
        "hotline",
        "footer",
        "copyright",
        "ad",
        "share_prompt",
        "related_links",
        "program_name",
        "other_boilerplate",
        "photo_credit",
        "title",
        "dateline",
    }
)


@dataclass(frozen=True, slots=True)
class Block:
    """One piece of the article: `kind`, and its span in the cleaned text."""

    kind: str
    start: int
    end: int

    @property
    def is_content(self) -> bool:
        return self.kind in CONTENT_KINDS


def cover(text: str, pieces: list[tuple[int, int, str]]) -> list[Block]:
    """Blocks from classified pieces `(start, end, kind)` of `text`.

    Pieces may leave gaps, overlap or come unordered: every gap holding
    non-space characters becomes a `body` block, a piece that overlaps an
    earlier one keeps only what is left of it, and each block is trimmed to its
    first and last non-space character. So the blocks always cover every
    non-space character once, in text order."""
    blocks: list[Block] = []
    cursor = 0

    def add(start: int, end: int, kind: str) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            blocks.append(Block(kind, start, end))

    for start, end, kind in sorted(pieces, key=lambda piece: (piece[0], piece[1])):
        start, end = max(start, cursor), min(end, len(text))
        if end <= start:
            continue
        if start > cursor:
            add(cursor, start, "body")
        add(start, end, kind)
        cursor = end
    add(cursor, len(text), "body")
    return blocks


def source_spans(
    blocks: list[Block], source: str, to_source: Callable[[int, int], tuple[int, int]]
) -> list[tuple[str, int, int]]:
    """`(kind, start, end)` of each block in the source text, through `to_source`
    (`CleanedText.source_span`). What cleaning removed between two blocks (an
    inline annotation, a zero-width character) joins the block before it, so the
    source spans too cover every non-space character."""
    spans = [(block.kind, *to_source(block.start, block.end)) for block in blocks]
    if not spans and source.strip():  # only characters that cleaning removes (controls, zero-width)
        start = len(source) - len(source.lstrip())
        return [("other_boilerplate", start, len(source.rstrip()))]
    out = []
    for position, (kind, start, end) in enumerate(spans):
        if position == 0:
            start = len(source[:start]) - len(source[:start].lstrip()) if source[:start].strip() else start
        next_start = spans[position + 1][1] if position + 1 < len(spans) else len(source)
        gap = source[end:next_start]
        if gap.strip():
            end += len(gap.rstrip())
        out.append((kind, start, end))
    return out
