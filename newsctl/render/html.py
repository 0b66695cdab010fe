"""HTML: the report as one self-contained page."""

from __future__ import annotations

import html
import re
from typing import Any, TextIO

from newsctl import __version__
from newsctl.render.model import Bar, Block, Column, Heading, Snippet, Styled
from newsctl.render.text import crop, plain, visible

_CSS = """
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #6e6e73; --line: #d2d2d7; --bar: #2f7fc1;
  --bar2: #3aa76d; --mark: #fff3b0; --bg: #fff; --panel: #f5f5f7; }
@media (prefers-color-scheme: dark) { :root { --fg: #f5f5f7; --muted: #a1a1a6; --line: #424245;
  --bg: #1d1d1f; --panel: #2c2c2e; --mark: #5c4b00; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.55 system-ui, -apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei",
  "Source Han Sans SC", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
article { border-top: 3px solid var(--line); padding-top: .5rem; margin-top: 2rem; }
h2 { font-size: 1.2rem; margin: .25rem 0; word-break: break-all; }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: .9rem; margin: 1rem 0 .25rem; color: var(--muted); }
p.meta { margin: 0 0 1rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.key { font-weight: 600; white-space: nowrap; }
td.dim { color: var(--muted); }
td.bar { width: 40%; min-width: 8rem; }
td.bar span { display: block; height: .8rem; border-radius: 2px; background: var(--bar); }
section.chart td.bar span { background: var(--bar2); }
section.chart td { padding-top: .1rem; padding-bottom: .1rem; }
td.nw { white-space: nowrap; }
tbody.sep tr:first-child td { border-top: 2px solid var(--line); }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; }
.error { color: #c62828; font-weight: 600; } .warning { color: #b26a00; } .ok { color: #2e7d32; }
p.empty, p.note, footer { color: var(--muted); }
footer { margin-top: 3rem; font-size: .8rem; }
"""


def h(text: Any) -> str:
    """Article text as HTML text: one line, controls visible, every special character escaped."""
    return html.escape(visible(plain(text)), quote=True)


class HtmlBackend:
    """One self-contained page: inline CSS, no script, no external resource (the
    Content-Security-Policy says so to the browser too), every string escaped."""

    SNIPPET_CHARS = 60

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.in_article = False

    def start(self, command: str) -> None:
        self.out.write(
            '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="newsctl {h(__version__)}">\n'
            f"<title>newsctl {h(command)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>newsctl {h(command)}</h1>\n"
        )

    def _close_article(self) -> None:
        if self.in_article:
            self.out.write("</article>\n")
            self.in_article = False

    def end_document(self) -> None:
        self._close_article()
        self.out.flush()

    def finish(self) -> None:
        self._close_article()
        self.out.write(f"<footer>newsctl {h(__version__)}</footer>\n</body>\n</html>\n")
        self.out.flush()

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self._close_article()
            self.out.write(f"<article>\n<h2>{h(block.name)}</h2>\n")
            self.in_article = True
            if block.details:
                self.out.write(f'<p class="meta">{" · ".join(h(d) for d in block.details)}</p>\n')
            return
        name = re.sub(r"[^a-z-]", "", block.name)
        self.out.write(f'<section class="{name}">\n<h3>{h(block.title)}</h3>\n')
        if not block.rows:
            style = "ok" if block.empty_style == "ok" else "empty"
            self.out.write(f'<p class="{style}">{h(block.empty or "none")}</p>\n</section>\n')
            return
        if block.facts:
            self.out.write("<dl>\n")
            for key, value in block.rows:
                self.out.write(f"<dt>{h(key)}</dt><dd>{h(value)}</dd>\n")
            self.out.write("</dl>\n</section>\n")
            return
        labelled = any(g.label for g in block.groups)
        groups = block.groups
        for number, group in enumerate(groups):
            if labelled:
                self.out.write(f"<h4>{h(group.label)}</h4>\n")
            if labelled or number == 0:
                self.out.write("<table>\n<thead><tr>")
                for column in block.columns:
                    css = ' class="num"' if column.align == "right" else ""
                    self.out.write(f"<th{css}>{h(column.name)}</th>")
                self.out.write("</tr></thead>\n")
            self.out.write('<tbody class="sep">\n' if number and not labelled else "<tbody>\n")
            for row in group.rows:
                self.out.write(
                    "<tr>" + "".join(self._cell(v, c) for v, c in zip(row, block.columns)) + "</tr>\n"
                )
            self.out.write("</tbody>\n")
            if labelled or number == len(groups) - 1:
                self.out.write("</table>\n")
        if block.note:
            self.out.write(f'<p class="note">{h(block.note)}</p>\n')
        self.out.write("</section>\n")

    def _cell(self, value: Any, column: Column) -> str:
        classes = {"right": "num"}.get(column.align, "")
        if column.style in ("key", "dim"):
            classes = (classes + " " + column.style).strip()
        if not (column.wrap or column.flex or column.max_width):
            classes = (classes + " nw").strip()
        if isinstance(value, Bar):
            percent = round(min(max(value.fraction, 0.0), 1.0) * 100, 1)
            return f'<td class="bar"><span style="width: {percent}%"></span></td>'
        if isinstance(value, Snippet):
            before, mention, after = crop(value, self.SNIPPET_CHARS * 2)
            body = f"{h(before)}<mark>{h(mention)}</mark>{h(after)}" if mention else h(before + after)
        elif isinstance(value, Styled):
            classes = (classes + " " + re.sub(r"[^a-z]", "", value.style)).strip()
            body = h(value.text)
        else:
            body = h(value)
        return f'<td class="{classes}">{body}</td>' if classes else f"<td>{body}</td>"
