"""`summary`: the most important body sentences, with the article's metadata in
the report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.records import Document, SummarySentence
from newsctl.render.model import Block, Column, Group, Section
from newsctl.render.text import count_of

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report


def run(article: Article, options: Options, doc: Document) -> None:
    from newsctl.summary import summarize

    chosen = summarize(article, top=options.summary_top, max_chars=options.max_chars)
    out = []
    for ranked in chosen:
        sentence = article.sentences[ranked.index]
        out.append(
            SummarySentence(
                text=article.cleaned.source_text(sentence.start, sentence.end),
                span=article.cleaned.source_span(sentence.start, sentence.end),
                index=sentence.index,
                score=ranked.score,
            )
        )
    doc.summary = out


class SummaryReport:
    def document(self, doc: Document, report: Report) -> list[Block]:
        blocks: list[Block] = [metadata_section(doc)]
        if doc.summary is not None:
            blocks.append(summary_section(doc))
        return blocks

    def finish(self, report: Report) -> list[Block]:
        return []


def metadata_section(doc: Document) -> Section:
    meta = doc.metadata
    rows: list[list[Any]] = []
    if meta is not None:
        printed = meta.printed_or_self()  # as the page prints them (contract 1.2)
        for name, value in (
            ("title", printed.title),
            ("source", printed.source),
            ("published", meta.published),
            ("dateline", printed.dateline),
            ("reporters", "、".join(printed.reporters) or None),
            ("headings", " / ".join(printed.headings) or None),
        ):
            rows.append([name, value if value is not None else "—"])
    if doc.stats is not None:
        stats = doc.stats
        rows.append(
            [
                "stats",
                ", ".join(
                    count_of(n, noun)
                    for n, noun in (
                        (stats.chars, "char"),
                        (stats.paragraphs, "paragraph"),
                        (stats.sentences, "sentence"),
                    )
                ),
            ]
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


SPEC = AnalyzerSpec(
    name="summary",
    run=run,
    option_keys=("summary_top", "max_chars"),
    schema="summary",
    report=SummaryReport,
)
