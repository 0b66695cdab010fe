"""Markdown: the report as GitHub-flavoured Markdown."""

from __future__ import annotations

import re
from typing import Any, TextIO

from newsctl import __version__
from newsctl.render.model import Bar, Block, Column, Group, Heading, Snippet
from newsctl.render.text import bar, crop, plain, visible

# Always escaped: what could start emphasis, code, a link, an HTML tag or entity, a
# table cell, strikethrough, maths or a heading's closing sequence. `_` only where it
# could open or close emphasis (not inside a word: 000_1af9 stays as it is).
_MD_SPECIAL = re.compile(r"[\\`*\[\]<>|~$&#]|_(?!(?<=\w_)\w)")


def md(text: Any) -> str:
    """Article text as literal Markdown: one line, controls visible, punctuation escaped."""
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), visible(plain(text)))


class MarkdownBackend:
    """GitHub-flavoured Markdown: a heading per article, a table per section
    (a sub-heading and table per group when grouped), a list for metadata."""

    SNIPPET_CHARS = 48

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self, command: str) -> None:
        self.out.write(f"# newsctl {command}\n\n")

    def end_document(self) -> None:
        self.out.flush()

    def finish(self) -> None:
        self.out.write(f"<sub>newsctl {__version__}</sub>\n")
        self.out.flush()

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.out.write(f"## {md(block.name)}\n\n")
            if block.details:
                self.out.write(" · ".join(md(d) for d in block.details) + "\n\n")
            return
        self.out.write(f"### {md(block.title)}\n\n")
        if not block.rows:
            self.out.write(f"_{md(block.empty or 'none')}_\n\n")
            return
        if block.facts:
            for name, value in block.rows:
                self.out.write(f"- **{md(name)}**: {md(value)}\n")
            self.out.write("\n")
            return
        for group in block.groups if any(g.label for g in block.groups) else [Group(None, block.rows)]:
            if group.label:
                self.out.write(f"#### {md(group.label)}\n\n")
            self._table(block.columns, group.rows)
        if block.note:
            self.out.write(md(block.note) + "\n\n")

    def _table(self, columns: list[Column], rows: list[list[Any]]) -> None:
        self.out.write("| " + " | ".join(md(c.name) for c in columns) + " |\n")
        self.out.write("|" + "|".join("---:" if c.align == "right" else "---" for c in columns) + "|\n")
        for row in rows:
            self.out.write("| " + " | ".join(self._cell(v, c) for v, c in zip(row, columns)) + " |\n")
        self.out.write("\n")

    def _cell(self, value: Any, column: Column) -> str:
        if isinstance(value, Bar):
            return bar(value.fraction, 10)
        if isinstance(value, Snippet):
            before, mention, after = crop(value, self.SNIPPET_CHARS * 2)
            if mention and "`" not in mention:
                code = visible(mention).replace("|", "\\|")
                return f"{md(before)}`{code}`{md(after)}"
            return md(before + mention + after)
        text = md(value)
        return f"**{text}**" if column.style == "key" and text else text
