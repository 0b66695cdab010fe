"""Rendering: every output format of every command, in one place. Commands never
format output themselves.

- `json` / `jsonl` (json.py): the output contract, streamed one document at a
  time and byte-identical for the same input.
- `table` (terminal.py), `markdown` (markdown.py) and `html` (html.py): the human
  report. What it shows is decided once, by `Report` (report.py) from the
  analyzers' sections (model.py); the three backends only draw them. The
  terminal one fits the columns to the console width, dropping the least useful
  column when narrow; Markdown and HTML show every column.
- plain text for `clean`, GitHub annotations for `check` (plain.py).

Article text is untrusted: it is never parsed as rich markup (every cell is a
`rich.text.Text`), control or escape sequences are made visible before they
reach a terminal, Markdown punctuation is backslash-escaped, and HTML is
escaped and served under a Content-Security-Policy that forbids scripts and
external resources.

Names are imported from their modules on first use, so JSON output never loads
the report backends (nor rich).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, TextIO

from newsctl.analyzers.spec import FORMATS, REPORT_FORMATS

if TYPE_CHECKING:
    from rich.console import Console

    from newsctl.render.json import JsonlRenderer, JsonRenderer
    from newsctl.render.plain import GithubRenderer, TextRenderer
    from newsctl.render.report import ReportRenderer
    from newsctl.render.terminal import BlocksRenderer

__all__ = ["FORMATS", "REPORT_FORMATS", "make_renderer"]

# name -> module, for `from newsctl.render import NAME`
_LAZY = {
    "newsctl.render.text": ("visible", "plain", "bar", "format_number", "crop", "trim", "file_labels"),
    "newsctl.render.model": ("Bar", "Snippet", "Styled", "Column", "Group", "Section", "Heading", "Block"),
    "newsctl.render.report": ("Report", "ReportRenderer"),
    "newsctl.render.json": ("dump_json", "jsonl_line", "json_member", "JsonRenderer", "JsonlRenderer"),
    "newsctl.render.plain": ("TextRenderer", "GithubRenderer"),
    "newsctl.render.terminal": ("TerminalBackend", "TableRenderer", "Progress", "cell", "BlocksRenderer"),
    "newsctl.render.markdown": ("MarkdownBackend", "md"),
    "newsctl.render.html": ("HtmlBackend", "h"),
    "newsctl.analyzers.summary": ("metadata_section", "summary_section"),
    "newsctl.analyzers.keywords": ("keywords_section",),
    "newsctl.analyzers.timeline": ("timeline_section", "undated_section", "chart_section", "period_label"),
    "newsctl.analyzers.figures": ("figures_section", "snippet_of", "APPROX_SIGNS"),
    "newsctl.analyzers.check": ("problems_section",),
}
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'newsctl.render' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def make_renderer(
    fmt: str,
    command: str,
    options: dict[str, Any],
    out: TextIO,
    console: Console | None = None,
    **table_options: Any,
) -> JsonRenderer | JsonlRenderer | ReportRenderer | TextRenderer | GithubRenderer | BlocksRenderer:
    """The one place a format is turned into a renderer. `table_options` are the
    presentation options of the human formats: `top`, `chart`, `group`."""
    if fmt == "json":
        from newsctl.render.json import JsonRenderer

        return JsonRenderer(out, command, options)
    if fmt == "jsonl":
        from newsctl.render.json import JsonlRenderer

        return JsonlRenderer(out)
    if fmt == "github":
        from newsctl.render.plain import GithubRenderer

        return GithubRenderer(out)
    if command == "clean":
        if console is not None and table_options.get("blocks"):
            from newsctl.render.terminal import BlocksRenderer

            return BlocksRenderer(console)
        from newsctl.render.plain import TextRenderer

        return TextRenderer(out)
    from newsctl.render.report import Report, ReportRenderer

    if fmt == "markdown":
        from newsctl.render.markdown import MarkdownBackend

        return ReportRenderer(Report(command, **table_options), MarkdownBackend(out))
    if fmt == "html":
        from newsctl.render.html import HtmlBackend

        table_options = {**table_options, "chart": True}  # the page always draws the timeline chart
        return ReportRenderer(Report(command, **table_options), HtmlBackend(out))
    from newsctl.render.terminal import TableRenderer

    assert console is not None
    return TableRenderer(console, command, **table_options)
