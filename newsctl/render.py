"""Rendering: every output format of every command, in one place. Commands never
format output themselves.

- `json` / `jsonl`: the output contract, streamed one document at a time and
  byte-identical for the same input.
- `table` (terminal), `markdown` and `html`: the human report. What it shows is
  decided once, by `Report`, as headings and `Section`s (columns, grouped rows,
  bars, highlighted snippets); three backends only draw them. The terminal one
  fits the columns to the console width, dropping the least useful column when
  narrow; Markdown and HTML show every column.
- plain text for `clean`, GitHub annotations for `check`.

Article text is untrusted: it is never parsed as rich markup (every cell is a
`rich.text.Text`), control or escape sequences are made visible before they
reach a terminal, Markdown punctuation is backslash-escaped, and HTML is
escaped and served under a Content-Security-Policy that forbids scripts and
external resources.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, TextIO

from rich.cells import cell_len, get_character_cell_size

# rich's console, table and text modules cost ~50 ms to import: JSON output never needs them.
if TYPE_CHECKING:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

from newsctl import __version__
from newsctl.records import SCHEMA_VERSION, Document, Figure, TimeEntry

FORMATS = ("table", "json", "jsonl", "markdown", "html", "github")
REPORT_FORMATS = ("table", "markdown", "html")

# C0/C1 controls, DEL and bidi overrides: shown as \xNN / \uNNNN, never sent raw.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_C1_IN_JSON = {code: f"\\u{code:04x}" for code in range(0x80, 0xA0)}
_C1 = re.compile("[\x80-\x9f]")


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
    from rich.text import Text

    return Text(visible("" if value is None else str(value)), style=style)


def dump_json(obj: Any, indent: int | None = None) -> str:
    text = json.dumps(
        obj, ensure_ascii=False, indent=indent, separators=(",", ": ") if indent else (",", ":")
    )
    # translate() looks every character up; most documents have no C1 control at all.
    return text.translate(_C1_IN_JSON) if _C1.search(text) else text


# ---------------------------------------------------------------------------
# json / jsonl


def jsonl_line(doc: Document) -> str:
    """A DOCUMENT as one JSONL line, newline included."""
    return dump_json(doc.to_dict()) + "\n"


def json_member(doc: Document) -> str:
    """A DOCUMENT as a member of the `documents` array, indented to its place."""
    return dump_json(doc.to_dict(), indent=2).replace("\n", "\n    ")


class JsonlRenderer:
    # Pure functions of one document, so parallel runs call them in the workers:
    # the parent then only writes text (see `pipeline.run_encoded`).
    encode = staticmethod(jsonl_line)

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        self.encoded(jsonl_line(doc))

    def encoded(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def finish(self) -> None:
        pass


class JsonRenderer:
    """One JSON object; documents are written as they arrive, so memory stays flat
    and the bytes equal `json.dumps(whole, indent=2)`."""

    encode = staticmethod(json_member)

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
        self.encoded(json_member(doc))

    def encoded(self, text: str) -> None:
        self.out.write(("," if self.count else "") + "\n    " + text)
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


class BlocksRenderer:
    """`clean --blocks`: each article's blocks as a table of kind | text, boilerplate dimmed."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        from rich.table import Table

        from newsctl.blocks import CONTENT_KINDS

        if doc.error is not None or doc.blocks is None:
            return
        table = Table(title=doc.id, show_lines=False, expand=False)
        table.add_column("kind", no_wrap=True)
        table.add_column("text")
        for block in doc.blocks:
            style = None if block.kind in CONTENT_KINDS else "dim"
            table.add_row(block.kind, visible(block.text or "", one_line=True), style=style)
        self.console.print(table)

    def finish(self) -> None:
        pass


# ---------------------------------------------------------------------------
# the report model: what the human formats show


KIND_ORDER = ("money", "percent", "count", "age", "measure", "ordinal", "anniversary", "ratio")
# The terminal puts a figure's approximation in front of its value, to save a column.
APPROX_SIGNS = {
    "more_than": ">",
    "less_than": "<",
    "at_least": ">=",
    "at_most": "<=",
    "about": "~",
    "nearly": "~<",
}


@dataclass(frozen=True)
class Bar:
    """A horizontal bar, `fraction` of the column's width."""

    fraction: float


@dataclass(frozen=True)
class Snippet:
    """A sentence with a mention to highlight; each backend crops it around the mention."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Styled:
    """A cell with a meaning-bearing style: `error`, `warning` or `ok`."""

    text: str
    style: str


@dataclass(frozen=True)
class Column:
    name: str
    align: str = "left"  # left | right
    style: str = ""  # key (bold) | dim | bar | ""
    wrap: bool = False  # long text wraps onto more lines (else it is trimmed with an ellipsis)
    flex: bool = False  # takes the width the other columns leave
    min_width: int = 0  # a flexible column narrower than this is not worth showing
    max_width: int | None = None
    drop: int = 0  # terminal: when the table does not fit, the highest goes first; 0 = always shown


@dataclass
class Group:
    label: str | None  # a sub-header (figures by kind); None: just a separator (timeline years)
    rows: list[list[Any]]


@dataclass
class Section:
    # metadata | summary | keywords | corpus-keywords | timeline | undated | chart | figures | problems
    name: str
    title: str
    columns: list[Column]
    groups: list[Group]
    empty: str = ""  # said instead of an empty table
    empty_style: str = "dim"
    facts: bool = False  # a field/value list rather than a table
    note: str = ""  # a line under the table (a legend)

    @property
    def rows(self) -> list[list[Any]]:
        return [row for group in self.groups for row in group.rows]


@dataclass(frozen=True)
class Heading:
    """One article's header line: file, source, date."""

    path: str
    id: str
    source: str | None = None
    published: str | None = None

    @classmethod
    def of(cls, doc: Document) -> Heading:
        meta = doc.metadata
        return cls(doc.path, doc.id, meta.source if meta else None, meta.published if meta else None)

    @property
    def name(self) -> str:
        return self.path if self.id == self.path else f"{self.path} #{self.id}"

    @property
    def details(self) -> list[str]:
        return [p for p in (self.source, self.published and self.published.replace("T", " ")) if p]


Block = Heading | Section


class Report:
    """Documents in, headings and sections out: the same content for the terminal,
    Markdown and HTML. Per-article commands give their blocks as each document
    arrives; `timeline` (one chronology over all inputs) and the corpus keyword
    table come at the end."""

    def __init__(
        self, command: str, *, top: int = 10, chart: bool = False, group: bool = False, compact: bool = False
    ) -> None:
        self.command = command
        self.top = top
        self.chart = chart
        self.group = group
        self.compact = compact
        self.documents = 0
        self._timeline: list[tuple[str, TimeEntry, int]] = []
        self._undated: list[tuple[TimeEntry, int]] = []
        self._sources: list[Heading] = []
        self._keyword_docs: Counter[str] = Counter()
        self._keyword_weight: defaultdict[str, float] = defaultdict(float)

    def document(self, doc: Document) -> list[Block]:
        self.documents += 1
        if doc.failed:
            return []  # reported on stderr, one line
        if self.command == "timeline":
            self._collect_timeline(doc)
            return []
        blocks: list[Block] = [Heading.of(doc)]
        if self.command in ("summary", "analyze"):
            blocks.append(metadata_section(doc))
            if doc.summary is not None:
                blocks.append(summary_section(doc))
        if self.command in ("keywords", "analyze") and doc.keywords is not None:
            blocks.append(keywords_section(doc.keywords))
            for keyword in doc.keywords:
                self._keyword_docs[keyword.term] += 1
                self._keyword_weight[keyword.term] += keyword.weight
        if self.command == "analyze" and doc.timeline is not None:
            self._collect_timeline(doc)
            blocks += self._timeline_blocks(several=False)
            self._timeline, self._undated, self._sources = [], [], []
        if self.command in ("figures", "analyze") and doc.figures is not None:
            blocks.append(figures_section(doc, group=self.group, compact=self.compact))
        if self.command == "check":
            blocks.append(problems_section(doc))
        return blocks

    def finish(self) -> list[Block]:
        blocks: list[Block] = []
        if self.command == "timeline":
            several = len({(h.path, h.id) for h in self._sources}) > 1 or self.documents > 1
            if not several and self._sources:
                blocks.append(self._sources[0])
            blocks += self._timeline_blocks(several=several)
        if self.command == "keywords" and self.documents > 1 and self._keyword_docs:
            blocks.append(self._corpus_keywords())
        return blocks

    def _collect_timeline(self, doc: Document) -> None:
        key = len(self._sources)
        self._sources.append(Heading.of(doc))
        for entry in doc.timeline or []:
            placed_at = entry.start or entry.end
            if placed_at is not None and entry.type not in ("duration", "set"):
                self._timeline.append((placed_at, entry, key))
            else:
                self._undated.append((entry, key))

    def _timeline_blocks(self, several: bool) -> list[Block]:
        labels = file_labels(self._sources) if several else None
        title = "timeline" + (f" of {len(self._sources)} documents" if several else "")
        blocks: list[Block] = [timeline_section(self._timeline, labels, title)]
        if self.chart and self._timeline:
            blocks.append(chart_section(self._timeline))
        if self._undated:
            blocks.append(undated_section(self._undated, labels))
        return blocks

    def _corpus_keywords(self) -> Section:
        weight, docs = self._keyword_weight, self._keyword_docs
        ranked = sorted(docs, key=lambda t: (-weight[t], -docs[t], t))[: self.top]
        best = weight[ranked[0]] or 1.0
        rows = [[term, str(docs[term]), f"{weight[term]:.2f}", Bar(weight[term] / best)] for term in ranked]
        return Section(
            "corpus-keywords",
            f"corpus keywords ({self.documents} documents)",
            [
                Column("term", style="key"),
                Column("docs", align="right"),
                Column("weight", align="right"),
                Column("", style="bar", max_width=12),
            ],
            [Group(None, rows)],
        )


def metadata_section(doc: Document) -> Section:
    meta = doc.metadata
    rows: list[list[Any]] = []
    if meta is not None:
        for name, value in (
            ("title", meta.title),
            ("source", meta.source),
            ("published", meta.published),
            ("dateline", meta.dateline),
            ("reporters", "、".join(meta.reporters) or None),
            ("headings", " / ".join(meta.headings) or None),
        ):
            rows.append([name, value if value is not None else "—"])
    if doc.stats is not None:
        stats = doc.stats
        rows.append(
            ["stats", f"{stats.chars} chars, {stats.paragraphs} paragraphs, {stats.sentences} sentences"]
        )
    return Section(
        "metadata",
        "metadata",
        [Column("field", style="dim"), Column("value", wrap=True, flex=True, min_width=20)],
        [Group(None, rows)],
        facts=True,
    )


def summary_section(doc: Document) -> Section:
    rows = [[str(s.index), s.text, f"{s.score:.2f}"] for s in doc.summary or []]
    return Section(
        "summary",
        "summary",
        [
            Column("#", align="right", style="dim"),
            Column("sentence", wrap=True, flex=True, min_width=20),
            Column("score", align="right", drop=1),
        ],
        [Group(None, rows)],
        empty="no body sentences",
    )


def keywords_section(keywords: list[Any]) -> Section:
    rows = [[k.term, f"{k.weight:.2f}", Bar(k.weight), str(k.count), k.pos or ""] for k in keywords]
    return Section(
        "keywords",
        "keywords",
        [
            Column("term", style="key"),
            Column("weight", align="right"),
            Column("", style="bar", max_width=12),
            Column("count", align="right"),
            Column("pos", style="dim", drop=1),
        ],
        [Group(None, rows)],
        empty="no keywords found",
    )


def timeline_section(rows: list[tuple[str, TimeEntry, int]], labels: list[str] | None, title: str) -> Section:
    """Dated entries in chronological order, a separator between years."""
    by_year: dict[str, list[list[Any]]] = {}
    for placed_at, entry, key in sorted(rows, key=lambda r: r[0]):
        row: list[Any] = [period_label(entry), entry.text, entry.event or ""]
        if labels is not None:
            row.append(labels[key])
        by_year.setdefault(placed_at[:4], []).append(row)
    columns = [
        Column("when", style="key"),
        Column("expression", max_width=16, drop=2),
        Column("event", flex=True, min_width=16),
    ]
    if labels is not None:
        columns.append(Column("file", style="dim", max_width=16))
    return Section(
        "timeline",
        title,
        columns,
        [Group(None, year_rows) for year_rows in by_year.values()],
        empty="no dated time expressions found",
    )


def undated_section(undated: list[tuple[TimeEntry, int]], labels: list[str] | None) -> Section:
    rows = []
    for entry, key in undated:
        row: list[Any] = [entry.type, entry.value or "?", entry.text, entry.event or ""]
        if labels is not None:
            row.append(labels[key])
        rows.append(row)
    columns = [
        Column("type", style="dim"),
        Column("value", max_width=12),
        Column("expression", max_width=16, drop=2),
        Column("event", flex=True, min_width=16),
    ]
    if labels is not None:
        columns.append(Column("file", style="dim", max_width=16))
    return Section("undated", "durations, sets and unresolved", columns, [Group(None, rows)])


def chart_section(rows: list[tuple[str, TimeEntry, int]]) -> Section:
    """Events per month (when the dated entries span three years or less) or per year,
    with the empty periods in between, so the bars read as a time axis."""
    dated = [(m.group(1), m.group(2), entry) for placed_at, entry, _ in rows if (m := _YEAR.match(placed_at))]
    years = sorted({int(year) for year, _, _ in dated})
    by_month = not years or years[-1] - years[0] < 3
    unit = "month" if by_month else "year"
    columns = [
        Column(unit),
        Column("events", align="right"),
        Column("", style="bar", flex=True, min_width=10, max_width=40),
    ]
    if not years:
        return Section("chart", f"events per {unit}", columns, [Group(None, [])], empty="no dated events")
    counts: Counter[str] = Counter()
    for year, month, entry in dated:
        # An event known only to the year is counted in that year's own row, not in January.
        coarse = entry.granularity in ("year", "half", "quarter")
        counts[f"{year}-{month}" if by_month and not coarse else year] += 1
    periods: list[str] = []
    for year in range(years[0], years[-1] + 1):
        if not by_month:
            if str(year) in counts or years[-1] - years[0] <= 60:  # gaps shown on a readable axis
                periods.append(str(year))
            continue
        if str(year) in counts:
            periods.append(str(year))
        months = [f"{year}-{m:02d}" for m in range(1, 13)]
        seen = [m for m in months if m in counts]
        if year == years[0] and seen:
            months = months[months.index(seen[0]) :]
        if year == years[-1]:
            months = months[: months.index(seen[-1]) + 1] if seen else []
        periods += months
    most = max(counts.values())
    table = [[p, str(counts[p]) if counts[p] else "", Bar(counts[p] / most)] for p in periods]
    return Section("chart", f"events per {unit}", columns, [Group(None, table)])


_YEAR = re.compile(r"(\d{4})-(\d{2})")


def figures_section(doc: Document, *, group: bool = False, compact: bool = False) -> Section:
    """Every figure; with `group`, one sub-table per kind (in the contract's order of kinds)."""
    figures = doc.figures or []
    occurrence = _occurrences(figures)
    used_signs: dict[str, str] = {}

    def row(figure: Figure) -> list[Any]:
        value = format_number(figure.value)
        if figure.value_max is not None:
            value += "–" + format_number(figure.value_max)
        unit = figure.unit or ""
        if figure.currency and figure.currency not in unit:
            unit = f"{unit} ({figure.currency})" if unit else figure.currency
        cells: list[Any] = [figure.text]
        if compact:
            sign = APPROX_SIGNS.get(figure.approx or "", "")
            if sign:
                used_signs[figure.approx or ""] = sign
            cells.append(f"{sign}{value}")
        else:
            cells += [value, figure.approx or ""]
        cells.append(unit)
        if not group:
            cells.append(figure.kind)
        cells += [figure.counted or "", snippet_of(doc, figure, occurrence[id(figure)])]
        return cells

    columns = [Column("figure", style="key"), Column("value", align="right")]
    if not compact:
        columns.append(Column("approx", style="dim"))
    columns.append(Column("unit"))
    if not group:
        columns.append(Column("kind", style="dim"))
    columns += [
        Column("counted", max_width=14, drop=1),
        Column("context", flex=True, min_width=24, drop=2),
    ]
    if group:
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        kinds = sorted({f.kind for f in figures}, key=lambda k: (order.get(k, len(order)), k))
        groups = []
        for kind in kinds:
            members = [row(f) for f in figures if f.kind == kind]
            groups.append(Group(f"{kind} ({len(members)})", members))
    else:
        groups = [Group(None, [row(f) for f in figures])]
    note = ""
    if used_signs:
        words = {k: k.replace("_", " ") for k in APPROX_SIGNS}
        note = "  ".join(f"{sign} {words[k]}" for k, sign in APPROX_SIGNS.items() if k in used_signs)
    title = f"figures ({len(figures)})" + (" by kind" if group and figures else "")
    return Section("figures", title, columns, groups, empty="no figures found", note=note)


def problems_section(doc: Document) -> Section:
    rows = []
    for problem in doc.problems or []:
        rows.append(
            [
                Styled(problem.severity, problem.severity),
                problem.code,
                str(problem.line or ""),
                problem.message,
            ]
        )
    return Section(
        "problems",
        "problems",
        [
            Column("severity"),
            Column("code", style="key"),
            Column("line", align="right"),
            Column("message", wrap=True, flex=True, min_width=20),
        ],
        [Group(None, rows)],
        empty="ok",
        empty_style="ok",
    )


def _occurrences(figures: list[Figure]) -> dict[int, int]:
    """Which occurrence of its text in its sentence each figure is (三次 … 三次)."""
    seen: Counter[tuple[int | None, str]] = Counter()
    out = {}
    for figure in sorted(figures, key=lambda f: f.span):
        key = (figure.sentence, figure.text)
        out[id(figure)] = seen[key]
        seen[key] += 1
    return out


def snippet_of(doc: Document, figure: Figure, occurrence: int = 0) -> Snippet | str:
    """The figure's sentence, with the figure marked (its `occurrence`-th appearance)."""
    sentence = figure.sentence
    if sentence is None or not doc.sentence_texts or not 0 <= sentence < len(doc.sentence_texts):
        return ""
    text = visible(doc.sentence_texts[sentence])
    at = -1
    for _ in range(occurrence + 1):
        found = text.find(figure.text, at + 1)
        if found < 0:
            break
        at = found
    if at < 0:
        return Snippet(text, 0, 0)
    return Snippet(text, at, at + len(figure.text))


def crop(snippet: Snippet, width: int) -> tuple[str, str, str]:
    """(before, mention, after) fitting `width` terminal cells, the mention kept in view
    and ellipses where the sentence was cut."""
    text, start, end = snippet.text, snippet.start, snippet.end
    if cell_len(text) <= width:
        return text[:start], text[start:end], text[end:]
    if cell_len(text[start:end]) + 2 > width:
        end = start  # the mention alone does not fit: show the sentence from where it starts
    size = [get_character_cell_size(ch) for ch in text]
    left, right = start, end
    used = sum(size[start:end])

    def total(lo: int, hi: int, used: int) -> int:
        return used + (lo > 0) + (hi < len(text))

    while True:
        grew = False
        for side in ("left", "right") if start - left <= right - end else ("right", "left"):
            if side == "left" and left > 0 and total(left - 1, right, used + size[left - 1]) <= width:
                left -= 1
                used += size[left]
                grew = True
            elif (
                side == "right" and right < len(text) and total(left, right + 1, used + size[right]) <= width
            ):
                used += size[right]
                right += 1
                grew = True
        if not grew:
            break
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after


def trim(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells, an ellipsis marking the cut (rich would
    leave a gap when a wide character does not fit)."""
    if cell_len(text) <= width:
        return text
    used = 0
    for at, ch in enumerate(text):
        used += get_character_cell_size(ch)
        if used > width - 1:
            return text[:at] + "…"
    return text


def file_labels(sources: list[Heading]) -> list[str]:
    """Short names for the timeline's file column: the file name without extensions
    (or the record id for jsonl), unless that makes two inputs look the same."""
    full = [h.id if h.id != h.path else h.path for h in sources]
    short = []
    for name in full:
        base = PurePath(name).name
        for suffix in (".gz", ".txt", ".jsonl", ".ndjson"):
            base = base.removesuffix(suffix)
        short.append(base or name)
    return short if len(set(short)) == len(set(full)) else full


# -- time labels


_FORMATS = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M"}
_STEP = {"year": {"years": 1}, "month": {"months": 1}, "day": {"days": 1}}
_FINER = ("year", "month", "day", "minute")


def _moment(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None


def _precision(moment: dt.datetime) -> str:
    if moment.time() != dt.time():
        return "minute"
    if moment.day != 1:
        return "day"
    return "month" if moment.month != 1 else "year"


def _last_day(end: dt.datetime) -> str:
    """The last day an exclusive end covers: 2020-05-20T11:09 → 2020-05-20, 2022-11-20T00:00 → 2022-11-19."""
    if end.time() == dt.time():
        end -= dt.timedelta(days=1)
    return end.strftime("%Y-%m-%d")


def _point(moment: dt.datetime, grain: str | None) -> str:
    if grain in ("hour", "minute", "second"):
        return moment.strftime(_FORMATS["minute"])
    if grain in ("year", "month"):
        return moment.strftime(_FORMATS[grain])
    return moment.strftime(_FORMATS["day"])


def period_label(entry: Any) -> str:
    """How the human views name an entry's time, from its `start`/`end` (end exclusive):
    `2019`, `2019-04`, `2020-Q1`, `2017-07-10/08-18` (dates inclusive),
    `2017-05-13 10:00–21:00` (clock times), `2019 → 2020-05-20` (since), `until 2020-05-20`.
    A modifier other than since/until follows in brackets: `2019-10-25/10-31 (before)`."""
    try:
        return _period_label(entry)
    except (ValueError, OverflowError):  # dates at the calendar's edges (year 1, 9999)
        return entry.value or entry.start or entry.end or "?"


def _period_label(entry: Any) -> str:
    from dateutil.relativedelta import relativedelta

    start, end, grain = _moment(entry.start), _moment(entry.end), entry.granularity
    suffix = f" ({entry.modifier})" if entry.modifier and entry.modifier not in ("since", "until") else ""
    if start is None and end is None:
        return (entry.value or "?") + suffix
    if start is None:
        assert end is not None
        return f"until {_last_day(end)}{suffix}"
    if end is None or entry.modifier == "since":
        return f"{_point(start, grain)} →" + (f" {_last_day(end)}" if end else "") + suffix
    if grain in ("half", "quarter") and start.time() == dt.time() and start.day == end.day == 1:
        months = (end.year - start.year) * 12 + end.month - start.month
        if grain == "quarter" and months == 3 and start.month % 3 == 1:
            return f"{start.year}-Q{start.month // 3 + 1}{suffix}"
        if grain == "half" and months == 6 and start.month in (1, 7):
            return f"{start.year}-H{1 if start.month == 1 else 2}{suffix}"
    clock = grain in ("hour", "minute", "second")
    if not clock:
        start_p = "day" if _precision(start) == "minute" else _precision(start)
        end_p = "day" if _precision(end) == "minute" else _precision(end)
        precision = max(start_p, end_p, key=_FINER.index)
        last = end - relativedelta(**_STEP[precision])
        left = start.strftime(_FORMATS[precision])
        if last <= start:
            return left + suffix
        right = last.strftime(_FORMATS[precision])
        if right[:5] == left[:5] and precision != "year":
            right = right[5:]
        return f"{left}/{right}{suffix}"
    step = {"hour": dt.timedelta(hours=1), "minute": dt.timedelta(minutes=1)}.get(grain or "")
    left = start.strftime(_FORMATS["minute"])
    if step is not None and end - start <= step or grain == "second":
        return left + suffix
    right = end.strftime("%H:%M" if end.date() == start.date() else _FORMATS["minute"])
    return f"{left}–{right}{suffix}"


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


def plain(value: Any) -> str:
    """A cell as plain text (Markdown, HTML, widths)."""
    if isinstance(value, Styled):
        return value.text
    if isinstance(value, Snippet):
        return value.text
    if isinstance(value, Bar):
        return ""
    return "" if value is None else str(value)


# ---------------------------------------------------------------------------
# backends


class ReportRenderer:
    """table / markdown / html: a `Report` drawn by a backend."""

    def __init__(self, report: Report, backend: Any) -> None:
        self.report = report
        self.backend = backend

    def start(self) -> None:
        self.backend.start(self.report.command)

    def document(self, doc: Document) -> None:
        blocks = self.report.document(doc)
        for block in blocks:
            self.backend.block(block)
        if blocks:
            self.backend.end_document()

    def finish(self) -> None:
        blocks = self.report.finish()
        for block in blocks:
            self.backend.block(block)
        if blocks:
            self.backend.end_document()
        self.backend.finish()


class TerminalBackend:
    """rich tables fitted to the console width. Colour and box characters only on a
    terminal; every cell is a `Text`, so article text is never read as markup."""

    STYLES = {"key": "bold", "dim": "dim", "bar": "cyan", "error": "red", "warning": "yellow", "ok": "green"}

    def __init__(self, console: Console, box_style: box.Box | None = None) -> None:
        self.console = console
        self.box_style = box_style

    def start(self, command: str) -> None:
        from rich import box

        if self.box_style is None:
            self.box_style = box.SIMPLE_HEAD if self.console.is_terminal else box.ASCII2

    def end_document(self) -> None:
        self.console.print()

    def finish(self) -> None:
        pass

    def block(self, block: Block) -> None:
        if isinstance(block, Heading):
            self.heading(block)
        else:
            self.section(block)

    def heading(self, heading: Heading) -> None:
        from rich.rule import Rule
        from rich.text import Text

        text = Text(" · ".join(visible(p) for p in [heading.name, *heading.details]), style="bold")
        characters = "─" if self.console.is_terminal else "="
        self.console.print(Rule(text, characters=characters, align="left", style="dim"))

    def section(self, section: Section) -> None:
        from rich.text import Text

        title = Text(section.title, style="bold")
        if not section.rows:
            empty = Text(section.empty or "none", style=self.STYLES.get(section.empty_style, "dim"))
            self.console.print(title + Text(": ") + empty if section.name != "problems" else empty)
            return
        keep, widths = self.layout(section)
        labelled = any(g.label is not None for g in section.groups)
        if labelled:
            self.console.print(title)
            for group in section.groups:
                self.console.print(Text(visible(group.label or ""), style="bold magenta"))
                table = self._table(section, keep, widths)
                for row in group.rows:
                    table.add_row(*self._cells(section, row, keep, widths))
                self.console.print(table)
        else:
            table = self._table(section, keep, widths, title=section.title)
            for number, group in enumerate(section.groups):
                for index, row in enumerate(group.rows):
                    last = index == len(group.rows) - 1 and number < len(section.groups) - 1
                    table.add_row(*self._cells(section, row, keep, widths), end_section=last)
            self.console.print(table)
        if section.note:
            self.console.print(Text(section.note, style="dim"))

    def _table(
        self, section: Section, keep: list[int], widths: dict[int, int], title: str | None = None
    ) -> Table:
        from rich.table import Table

        table = Table(
            box=self.box_style,
            title=title,
            title_justify="left",
            title_style="bold",
            show_edge=False,
            pad_edge=False,
            show_header=not section.facts,
            expand=False,
        )
        for i in keep:
            column = section.columns[i]
            table.add_column(
                column.name,
                justify="right" if column.align == "right" else "left",
                style=self.STYLES.get(column.style, ""),
                width=widths[i],
                no_wrap=not column.wrap,
                overflow="fold" if column.wrap else "ellipsis",
            )
        return table

    def layout(self, section: Section) -> tuple[list[int], dict[int, int]]:
        """Which columns to show and how wide: every column its natural width (capped),
        flexible ones what is left; when even their minimum does not fit, drop columns."""
        width = self.console.width
        natural = {i: self._natural(section, i) for i in range(len(section.columns))}
        keep = list(range(len(section.columns)))

        def need(cols: list[int]) -> int:
            total = sum(
                min(natural[i], section.columns[i].min_width) if section.columns[i].flex else natural[i]
                for i in cols
            )
            return total + 3 * (len(cols) - 1)

        while need(keep) > width:
            droppable = [i for i in keep if section.columns[i].drop]
            if not droppable:
                break
            keep.remove(max(droppable, key=lambda i: (section.columns[i].drop, i)))
        widths = {i: natural[i] for i in keep if not section.columns[i].flex}
        flex = [i for i in keep if section.columns[i].flex]
        left = width - sum(widths.values()) - 3 * (len(keep) - 1)
        for n, i in enumerate(flex):
            share = left // (len(flex) - n)
            widths[i] = max(1, min(natural[i], max(share, section.columns[i].min_width)))
            left -= widths[i]
        return keep, widths

    def _natural(self, section: Section, index: int) -> int:
        column = section.columns[index]
        widest = 0 if section.facts else cell_len(column.name)
        for row in section.rows:
            value = row[index]
            if isinstance(value, Bar):
                widest = max(widest, column.max_width or 12)
            else:
                widest = max(widest, cell_len(visible(plain(value))))
        if column.max_width is not None and not column.flex:
            widest = min(widest, column.max_width)
        if column.flex and column.max_width is not None:
            widest = min(widest, column.max_width)
        return max(widest, 1)

    def _cells(self, section: Section, row: list[Any], keep: list[int], widths: dict[int, int]) -> list[Text]:
        from rich.text import Text

        out = []
        for i in keep:
            value = row[i]
            if isinstance(value, Bar):
                out.append(Text(bar(value.fraction, widths[i]), style=self.STYLES["bar"]))
            elif isinstance(value, Snippet):
                before, mention, after = crop(value, widths[i])
                text = Text(visible(before))
                text.append(visible(mention), style="bold underline")
                text.append(visible(after))
                out.append(text)
            elif isinstance(value, Styled):
                out.append(Text(visible(value.text), style=self.STYLES.get(value.style, "")))
            else:
                text = visible(plain(value))
                column = section.columns[i]
                out.append(Text(text if column.wrap else trim(text, widths[i])))
        return out


class TableRenderer(ReportRenderer):
    """The terminal report of a command."""

    def __init__(
        self, console: Console, command: str, top: int = 10, chart: bool = False, group: bool = False
    ) -> None:
        report = Report(command, top=top, chart=chart, group=group, compact=True)
        super().__init__(report, TerminalBackend(console))


# -- Markdown

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


# -- HTML

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


# ---------------------------------------------------------------------------
# check -f github


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
) -> JsonRenderer | JsonlRenderer | ReportRenderer | TextRenderer | GithubRenderer:
    """The one place a format is turned into a renderer. `table_options` are the
    presentation options of the human formats: `top`, `chart`, `group`."""
    if fmt == "json":
        return JsonRenderer(out, command, options)
    if fmt == "jsonl":
        return JsonlRenderer(out)
    if fmt == "github":
        return GithubRenderer(out)
    if command == "clean":
        return (
            BlocksRenderer(console)
            if console is not None and table_options.get("blocks")
            else TextRenderer(out)
        )
    if fmt == "markdown":
        return ReportRenderer(Report(command, **table_options), MarkdownBackend(out))
    if fmt == "html":
        table_options = {**table_options, "chart": True}  # the page always draws the timeline chart
        return ReportRenderer(Report(command, **table_options), HtmlBackend(out))
    assert console is not None
    return TableRenderer(console, command, **table_options)


class Progress:
    """Documents done, docs/s and (when the total is known) ETA, on stderr.

    Only used when stderr is a terminal and stdout is not (the output goes to a
    file or a pipe), so it never mixes with tables or lands in a pipeline."""

    def __init__(self, stream: TextIO, total: int | None) -> None:
        from rich.console import Console
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
