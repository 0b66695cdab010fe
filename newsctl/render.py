"""Rendering: table, json, jsonl (and plain text for `clean`) for every command,
in one place. Commands never format output themselves.

Article text is untrusted: it is never parsed as rich markup (every cell is a
`rich.text.Text`) and control or escape sequences are made visible before they
reach a terminal. JSON is written as it streams, one document at a time, and
is byte-identical for the same input.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsctl import __version__
from newsctl.records import SCHEMA_VERSION, Document

FORMATS = ("table", "json", "jsonl", "github")

# C0/C1 controls, DEL and bidi overrides: shown as \xNN / \uNNNN, never sent raw.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_C1_IN_JSON = {code: f"\\u{code:04x}" for code in range(0x80, 0xA0)}


def visible(text: str | None, *, one_line: bool = True) -> str:
    """Text safe for a terminal: controls escaped, newlines folded when asked."""
    if text is None:
        return ""
    if one_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def cell(value: Any, style: str = "") -> Text:
    return Text(visible("" if value is None else str(value)), style=style)


def dump_json(obj: Any, indent: int | None = None) -> str:
    text = json.dumps(
        obj, ensure_ascii=False, indent=indent, separators=(",", ": ") if indent else (",", ":")
    )
    return text.translate(_C1_IN_JSON)


# ---------------------------------------------------------------------------
# json / jsonl


class JsonlRenderer:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        self.out.write(dump_json(doc.to_dict()) + "\n")
        self.out.flush()

    def finish(self) -> None:
        pass


class JsonRenderer:
    """One JSON object; documents are written as they arrive, so memory stays flat
    and the bytes equal `json.dumps(whole, indent=2)`."""

    def __init__(self, out: TextIO, command: str, options: dict[str, Any]) -> None:
        self.out = out
        self.header = {
            "schema_version": SCHEMA_VERSION,
            "command": command,
            "version": __version__,
            "options": options,
            "documents": [],
        }
        self.count = 0

    def start(self) -> None:
        head = dump_json(self.header, indent=2)
        self.out.write(head[: head.rindex("[]")] + "[")

    def document(self, doc: Document) -> None:
        body = dump_json(doc.to_dict(), indent=2).replace("\n", "\n    ")
        self.out.write(("," if self.count else "") + "\n    " + body)
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        self.out.write("\n  ]\n}\n" if self.count else "]\n}\n")
        self.out.flush()


class TextRenderer:
    """`clean` without a JSON format: the cleaned text, articles separated by a blank line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        if doc.text is None:
            return
        if self.count:
            self.out.write("\n")
        self.out.write(visible(doc.text, one_line=False).rstrip("\n") + "\n")
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        pass


# ---------------------------------------------------------------------------
# tables


@dataclass
class TableRenderer:
    console: Console
    command: str
    top: int = 10
    chart: bool = False
    group: bool = False
    box_style: box.Box | None = None
    _timeline_rows: list[tuple[Any, ...]] = field(default_factory=list)
    _undated_rows: list[tuple[Any, ...]] = field(default_factory=list)
    _keyword_docs: Counter[str] = field(default_factory=Counter)
    _keyword_weight: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    _documents: int = 0
    _paths: list[str] = field(default_factory=list)

    def start(self) -> None:
        if self.box_style is None:
            self.box_style = box.SIMPLE_HEAD if self.console.is_terminal else box.ASCII2

    def table(self, *columns: tuple[str, dict[str, Any]], title: str | None = None) -> Table:
        table = Table(box=self.box_style, title=title, title_justify="left", show_edge=False, pad_edge=False)
        for name, kwargs in columns:
            table.add_column(name, **kwargs)
        return table

    def header(self, doc: Document) -> None:
        meta = doc.metadata
        parts = [doc.path if doc.id == doc.path else f"{doc.path} #{doc.id}"]
        if meta is not None:
            parts += [p for p in (meta.source, meta.published) if p]
        line = Text(" · ".join(visible(p) for p in parts), style="bold")
        self.console.print(line)

    def document(self, doc: Document) -> None:
        self._documents += 1
        self._paths.append(doc.path)
        if doc.failed:
            return  # reported on stderr, one line
        if self.command in ("timeline",):
            self._collect_timeline(doc)
            return
        self.header(doc)
        if self.command in ("summary", "analyze"):
            self._summary(doc)
        if self.command in ("keywords", "analyze"):
            self._keywords(doc)
        if self.command == "analyze":
            self._collect_timeline(doc)
            self._timeline_table(self._timeline_rows, self._undated_rows, several=False)
            self._timeline_rows, self._undated_rows = [], []
        if self.command in ("figures", "analyze"):
            self._figures(doc)
        if self.command == "check":
            self._problems(doc)
        self.console.print()

    def finish(self) -> None:
        if self.command == "timeline":
            several = len(set(self._paths)) > 1 or self._documents > 1
            self._timeline_table(self._timeline_rows, self._undated_rows, several=several)
            if self.chart:
                self._chart()
        if self.command == "keywords" and self._documents > 1 and self._keyword_docs:
            self._corpus_keywords()

    # -- summary

    def _summary(self, doc: Document) -> None:
        meta = doc.metadata
        if meta is not None:
            facts = self.table(("field", {"style": "dim"}), ("value", {"overflow": "fold"}))
            for name, value in (
                ("title", meta.title),
                ("source", meta.source),
                ("published", meta.published),
                ("dateline", meta.dateline),
                ("reporters", "、".join(meta.reporters) or None),
                ("headings", " / ".join(meta.headings) or None),
            ):
                facts.add_row(cell(name), cell(value if value is not None else "—"))
            if doc.stats is not None:
                stats = doc.stats
                facts.add_row(
                    cell("stats"),
                    cell(f"{stats.chars} chars, {stats.paragraphs} paragraphs, {stats.sentences} sentences"),
                )
            self.console.print(facts)
        if doc.summary is not None:
            table = self.table(
                ("#", {"justify": "right", "style": "dim"}),
                ("summary sentence", {"overflow": "fold", "ratio": 1}),
                ("score", {"justify": "right"}),
                title="summary",
            )
            for sentence in doc.summary:
                table.add_row(cell(sentence.index), cell(sentence.text), cell(f"{sentence.score:.2f}"))
            self.console.print(table)

    # -- keywords

    def _keywords(self, doc: Document) -> None:
        if doc.keywords is None:
            return
        table = self.table(
            ("term", {}),
            ("weight", {"justify": "right"}),
            ("", {"no_wrap": True}),
            ("count", {"justify": "right"}),
            ("pos", {"style": "dim"}),
            title="keywords",
        )
        for keyword in doc.keywords:
            table.add_row(
                cell(keyword.term, "bold"),
                cell(f"{keyword.weight:.2f}"),
                cell(bar(keyword.weight, 12), "cyan"),
                cell(keyword.count),
                cell(keyword.pos or ""),
            )
            self._keyword_docs[keyword.term] += 1
            self._keyword_weight[keyword.term] += keyword.weight
        self.console.print(table)

    def _corpus_keywords(self) -> None:
        ranked = sorted(
            self._keyword_docs, key=lambda t: (-self._keyword_weight[t], -self._keyword_docs[t], t)
        )
        best = self._keyword_weight[ranked[0]] or 1.0
        table = self.table(
            ("term", {}),
            ("docs", {"justify": "right"}),
            ("weight", {"justify": "right"}),
            ("", {"no_wrap": True}),
            title=f"corpus keywords ({self._documents} documents)",
        )
        for term in ranked[: self.top]:
            weight = self._keyword_weight[term]
            table.add_row(
                cell(term, "bold"),
                cell(self._keyword_docs[term]),
                cell(f"{weight:.2f}"),
                cell(bar(weight / best, 12), "cyan"),
            )
        self.console.print(table)

    # -- timeline

    def _collect_timeline(self, doc: Document) -> None:
        for entry in doc.timeline or []:
            placed_at = entry.start or entry.end
            if placed_at is not None and entry.type not in ("duration", "set"):
                self._timeline_rows.append((placed_at, period_label(entry), entry, doc.path))
            else:
                self._undated_rows.append((entry, doc.path))

    def _timeline_table(
        self, rows: list[tuple[Any, ...]], undated: list[tuple[Any, ...]], several: bool
    ) -> None:
        columns: list[tuple[str, dict[str, Any]]] = [
            ("when", {"no_wrap": True, "style": "bold"}),
            ("expression", {"no_wrap": True}),
            ("event", {"overflow": "ellipsis", "ratio": 1}),
        ]
        if several:
            columns.append(("file", {"style": "dim", "overflow": "ellipsis"}))
        table = self.table(*columns, title="timeline")
        for _, when, entry, path in sorted(rows, key=lambda r: r[0]):
            row = [cell(when), cell(entry.text), cell(entry.event or "")]
            if several:
                row.append(cell(path))
            table.add_row(*row)
        if rows:
            self.console.print(table)
        if undated:
            other = self.table(
                ("type", {"style": "dim"}),
                ("value", {"no_wrap": True}),
                ("expression", {"no_wrap": True}),
                ("event", {"overflow": "ellipsis", "ratio": 1}),
                *([("file", {"style": "dim"})] if several else []),
                title="durations, sets and unresolved",
            )
            for entry, path in undated:
                row = [cell(entry.type), cell(entry.value or "?"), cell(entry.text), cell(entry.event or "")]
                if several:
                    row.append(cell(path))
                other.add_row(*row)
            self.console.print(other)
        if not rows and not undated:
            self.console.print(Text("no time expressions found", style="dim"))

    def _chart(self) -> None:
        starts = sorted(r[0] for r in self._timeline_rows)
        if not starts:
            return
        years = {s[:4] for s in starts}
        by_month = len(years) <= 3
        # An event known only to the year is counted in that year's own row, not in January.
        counts = Counter(
            row[0][:7] if by_month and row[2].granularity not in ("year", "half", "quarter") else row[0][:4]
            for row in self._timeline_rows
        )
        most = max(counts.values())
        table = self.table(
            ("month" if by_month else "year", {"no_wrap": True}),
            ("events", {"justify": "right"}),
            ("", {"no_wrap": True}),
            title="events per " + ("month" if by_month else "year"),
        )
        for period in sorted(counts):
            table.add_row(cell(period), cell(counts[period]), cell(bar(counts[period] / most, 20), "green"))
        self.console.print(table)

    # -- figures

    def _figures(self, doc: Document) -> None:
        if doc.figures is None:
            return
        table = self.table(
            ("figure", {"no_wrap": True, "style": "bold"}),
            ("value", {"justify": "right", "no_wrap": True}),
            ("unit", {"no_wrap": True}),
            ("kind", {"style": "dim"}),
            ("approx", {"style": "dim"}),
            ("counted", {}),
            ("context", {"overflow": "ellipsis", "ratio": 1}),
            title="figures",
        )
        figures = doc.figures
        if self.group:
            figures = sorted(figures, key=lambda f: (f.kind, f.span))
        for figure in figures:
            value = format_number(figure.value)
            if figure.value_max is not None:
                value += "–" + format_number(figure.value_max)
            unit = figure.unit or ""
            if figure.currency and figure.currency not in unit:
                unit = f"{unit} ({figure.currency})" if unit else figure.currency
            table.add_row(
                cell(figure.text),
                cell(value),
                cell(unit),
                cell(figure.kind),
                cell(figure.approx or ""),
                cell(figure.counted or ""),
                cell(context_of(doc, figure.sentence, figure.text)),
            )
        if figures:
            self.console.print(table)
        else:
            self.console.print(Text("no figures found", style="dim"))

    # -- check

    def _problems(self, doc: Document) -> None:
        problems = doc.problems or []
        if not problems:
            self.console.print(Text("ok", style="green"))
            return
        table = self.table(
            ("severity", {}), ("code", {"style": "bold"}), ("line", {"justify": "right"}), ("message", {})
        )
        for problem in problems:
            style = "red" if problem.severity == "error" else "yellow"
            table.add_row(
                cell(problem.severity, style),
                cell(problem.code),
                cell(problem.line or ""),
                cell(problem.message),
            )
        self.console.print(table)


def period_label(entry: Any) -> str:
    """How the timeline names an entry's time: `2019-04`, `2019 → 2020-05-20`, `until 2020-05-20`."""
    start, end = entry.start, entry.end
    grain = entry.granularity or "day"
    width = {"year": 4, "half": 7, "quarter": 7, "month": 7}.get(grain, 10)
    if entry.modifier == "since" and start and end:
        return f"{start[:width]} → {end[:10]}"
    if start is None and end is not None:
        return f"until {end[:10]}"
    value = entry.value if entry.value and not entry.value.isupper() else None
    label = value or (start or "")[:width]
    if grain in ("hour", "minute", "second") and start:
        label = start[:16].replace("T", " ")
    if entry.modifier and entry.modifier != "since":
        label += f" ({entry.modifier})"
    return label


def context_of(doc: Document, sentence: int | None, needle: str, width: int = 36) -> str:
    """A window of the sentence around a figure, for the table."""
    if sentence is None or not doc.sentence_texts or sentence >= len(doc.sentence_texts):
        return ""
    text = doc.sentence_texts[sentence]
    at = text.find(needle)
    if at < 0 or len(text) <= width:
        return text[:width] + ("…" if len(text) > width else "")
    start = max(0, at - width // 2)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def bar(fraction: float, width: int) -> str:
    """A horizontal bar in eighths of a character cell."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else "")


def format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


class GithubRenderer:
    """`check -f github`: one GitHub Actions workflow command per problem."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        for problem in doc.problems or []:
            props = f"file={_gh_property(doc.path)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={_gh_property('newsctl ' + problem.code)}"
            self.out.write(f"::{problem.severity} {props}::{_gh_data(problem.message)}\n")
        self.out.flush()

    def finish(self) -> None:
        pass


def _gh_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"), one_line=False)


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def make_renderer(
    fmt: str,
    command: str,
    options: dict[str, Any],
    out: TextIO,
    console: Console | None = None,
    **table_options: Any,
) -> JsonRenderer | JsonlRenderer | TableRenderer | TextRenderer | GithubRenderer:
    if fmt == "json":
        return JsonRenderer(out, command, options)
    if fmt == "jsonl":
        return JsonlRenderer(out)
    if fmt == "github":
        return GithubRenderer(out)
    if command == "clean":
        return TextRenderer(out)
    assert console is not None
    return TableRenderer(console, command, **table_options)


class Progress:
    """Documents done, docs/s and (when the total is known) ETA, on stderr.

    Only used when stderr is a terminal and stdout is not (the output goes to a
    file or a pipe), so it never mixes with tables or lands in a pipeline."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        columns = [SpinnerColumn(), TextColumn("analysing")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
        else:
            columns += [TextColumn("{task.completed} docs")]
        columns += [TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn()]
        self._progress = RichProgress(*columns, console=Console(file=stream), transient=True)
        self._task = self._progress.add_task("analyse", total=total, rate="-")

    def __enter__(self) -> Progress:
        self._progress.start()
        return self

    def advance(self) -> None:
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, advance=1, rate=f"{speed:.1f}" if speed else "-")

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()
