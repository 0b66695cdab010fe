"""`figures`: every numeric fact, with value, unit, approximation and what it counts."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.records import Document, Figure
from newsctl.render.model import Block, Column, Group, Section, Snippet
from newsctl.render.text import format_number, visible

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report

# The kinds of figure, in the order the contract and the grouped report list them.
FIGURE_KINDS = ("money", "percent", "count", "age", "measure", "ordinal", "anniversary", "ratio")
# The terminal puts a figure's approximation in front of its value, to save a column.
APPROX_SIGNS = {
    "more_than": ">",
    "less_than": "<",
    "at_least": ">=",
    "at_most": "<=",
    "about": "~",
    "nearly": "~<",
}


def run(article: Article, options: Options, doc: Document) -> None:
    from newsctl.figures import find_figures

    out = []
    for match in find_figures(article.body_text, region=article.region):
        if options.kinds and match.kind not in options.kinds:
            continue
        if options.min_value is not None and (match.value_max or match.value) < options.min_value:
            continue
        sentence = article.sentence_at(match.start)
        out.append(
            Figure(
                text=article.cleaned.source_text(match.start, match.end),
                span=article.cleaned.source_span(match.start, match.end),
                value=match.value,
                value_max=match.value_max,
                approx=match.approx,
                unit=match.unit,
                currency=match.currency,
                kind=match.kind,
                counted=match.counted,
                sentence=sentence.index if sentence else None,
            )
        )
    if options.sort == "value":
        out.sort(key=lambda f: (-(f.value_max if f.value_max is not None else f.value), f.span))
    doc.figures = out


class FiguresReport:
    def document(self, doc: Document, report: Report) -> list[Block]:
        if doc.figures is None:
            return []
        return [figures_section(doc, group=report.group, compact=report.compact)]

    def finish(self, report: Report) -> list[Block]:
        return []


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
        order = {kind: i for i, kind in enumerate(FIGURE_KINDS)}
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
    """The figure's sentence, with the figure marked: at its span (直落2 is not the 2 of an earlier
    12强), or, where the sentence text does not hold it there (an inline annotation removed before
    it), at the `occurrence`-th appearance of its text."""
    sentence = figure.sentence
    if sentence is None or not doc.sentence_texts or not 0 <= sentence < len(doc.sentence_texts):
        return ""
    raw = doc.sentence_texts[sentence]
    text = visible(raw)
    starts = doc.sentence_starts
    if starts is not None and sentence < len(starts):
        at = figure.span[0] - starts[sentence]
        if at >= 0 and raw[at : at + len(figure.text)] == figure.text:
            start = len(visible(raw[:at]))  # (visible() may widen a control character)
            return Snippet(text, start, start + len(visible(figure.text)))
    at = -1
    for _ in range(occurrence + 1):
        found = text.find(figure.text, at + 1)
        if found < 0:
            break
        at = found
    if at < 0:
        return Snippet(text, 0, 0)
    return Snippet(text, at, at + len(figure.text))


SPEC = AnalyzerSpec(
    name="figures",
    run=run,
    option_keys=("kinds", "min_value", "sort"),
    schema="figures",
    report=FiguresReport,
    needs_sentence_texts=True,
)
