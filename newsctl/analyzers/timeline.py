"""`timeline`: time expressions resolved against the publication date, in date
order. Alone, the report is one chronology over all inputs."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.records import Document, TimeEntry
from newsctl.render.model import Bar, Block, Column, Group, Heading, Section
from newsctl.render.text import count_of, file_labels

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report

# Undated kinds listed after the timeline (--include).
TIME_EXTRAS = ("durations", "sets")


def reference_for(article: Article, options: Options) -> tuple[dt.datetime | None, bool]:
    """(naive local anchor datetime, whether it is the publication date)."""
    from newsctl.article import parse_published
    from newsctl.pipeline import timezone_from

    if options.reference_date:
        stamp, _ = parse_published(options.reference_date, timezone_from(options.tz))
        if stamp is not None:
            return stamp.replace(tzinfo=None), False
    if article.published is not None:
        local = article.published
        if options.tz:
            local = local.astimezone(timezone_from(options.tz))
        return local.replace(tzinfo=None), True
    return None, True


def _iso(value: dt.datetime | None) -> str | None:
    # isoformat pads the year to four digits; strftime("%Y") does not before 1000.
    # timespec="seconds" drops microseconds as replace(microsecond=0) would, without a copy.
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value.isoformat(timespec="seconds")


_GRANULARITY_ORDER = {g: i for i, g in enumerate(("year", "half", "quarter", "month", "week", "day", "hour"))}


def run(article: Article, options: Options, doc: Document) -> None:
    from newsctl.article import parse_published
    from newsctl.timeline import find_times

    reference, is_publication = reference_for(article, options)
    matches = find_times(
        article.body_text,
        reference,
        reference_is_publication=is_publication,
        region=article.region,  # detected only if a Taiwan-style year needs it
        dateline=article.dateline,  # dates an article with no publication date
    )
    since = parse_published(options.since)[0] if options.since else None
    until = parse_published(options.until)[0] if options.until else None
    cleaned = article.cleaned
    dated: list[tuple[tuple[Any, ...], TimeEntry]] = []
    undated: list[TimeEntry] = []
    for position, match in enumerate(matches):
        if match.type == "duration" and "durations" not in options.include:
            continue
        if match.type == "set" and "sets" not in options.include:
            continue
        sentence = article.sentence_at(match.start_offset)
        span = cleaned.source_span(match.start_offset, match.end_offset)  # mapped once, for both
        entry = TimeEntry(
            text=cleaned.strip_annotations(*span),
            span=span,
            type=match.type,
            value=match.value,
            start=_iso(match.start),
            end=_iso(match.end),
            granularity=match.granularity,
            modifier=match.modifier,
            anchor=match.anchor,
            event=match.event,
            sentence=sentence.index if sentence else None,
        )
        # An open range (截至目前: until publication) is placed by the bound it has.
        anchor_time = match.start or match.end
        if anchor_time is None or match.type in ("duration", "set"):
            if since is None and until is None:
                undated.append(entry)
            continue
        if since is not None and (match.end or anchor_time) <= since.replace(tzinfo=None):
            continue
        if until is not None and anchor_time >= until.replace(tzinfo=None):
            continue
        key = (anchor_time, _GRANULARITY_ORDER.get(match.granularity or "", 9), position)
        dated.append((key, entry))
    doc.timeline = [entry for _, entry in sorted(dated, key=lambda pair: pair[0])] + undated


class TimelineReport:
    """With other analyses, each article's own timeline; alone, one chronology of
    every input (with a file column when there are several), given at the end."""

    def __init__(self) -> None:
        self._timeline: list[tuple[str, TimeEntry, int]] = []
        self._undated: list[tuple[TimeEntry, int]] = []
        self._sources: list[Heading] = []

    def document(self, doc: Document, report: Report) -> list[Block]:
        if report.command == SPEC.name:
            self._collect(doc)
            return []
        if doc.timeline is None:
            return []
        self._collect(doc)
        blocks = self._blocks(report, several=False)
        self._timeline, self._undated, self._sources = [], [], []
        return blocks

    def finish(self, report: Report) -> list[Block]:
        if report.command != SPEC.name:
            return []
        blocks: list[Block] = []
        several = len({(h.path, h.id) for h in self._sources}) > 1 or report.documents > 1
        if not several and self._sources:
            blocks.append(self._sources[0])
        return blocks + self._blocks(report, several=several)

    def _collect(self, doc: Document) -> None:
        key = len(self._sources)
        self._sources.append(Heading.of(doc))
        for entry in doc.timeline or []:
            placed_at = entry.start or entry.end
            if placed_at is not None and entry.type not in ("duration", "set"):
                self._timeline.append((placed_at, entry, key))
            else:
                self._undated.append((entry, key))

    def _blocks(self, report: Report, several: bool) -> list[Block]:
        labels = file_labels(self._sources) if several else None
        title = "timeline" + (f" of {count_of(len(self._sources), 'document')}" if several else "")
        blocks: list[Block] = [timeline_section(self._timeline, labels, title)]
        if report.chart and self._timeline:
            blocks.append(chart_section(self._timeline))
        if self._undated:
            blocks.append(undated_section(self._undated, labels))
        return blocks


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


SPEC = AnalyzerSpec(
    name="timeline",
    run=run,
    option_keys=("since", "until", "include"),
    schema="timeline",
    report=TimelineReport,
    report_across_documents=True,
)
