"""`keywords`: the terms a news editor would tag the article with; over several
articles the table report adds the corpus's keywords."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.records import Document, Keyword
from newsctl.render.model import Bar, Block, Column, Group, Section

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report


def run(article: Article, options: Options, doc: Document) -> None:
    from newsctl.keywords import DEFAULT_POS, extract_keywords, idf_table_for
    from newsctl.segment import get_segmenter

    segmenter = get_segmenter(options.segmenter, options.userdict, options.verbose)
    found = extract_keywords(
        article,
        segmenter,
        top=options.keyword_top,
        method=options.method,
        idf=idf_table_for(options.corpus_idf or options.idf),
        allowed_pos=options.pos if options.pos is not None else DEFAULT_POS,
        phrases=options.phrases,
        min_weight=options.min_weight,
    )
    printer = article.printer()  # contract 1.2: each term as the article prints it
    doc.keywords = [Keyword(k.term, k.weight, k.count, k.pos, printer.form(k.term)) for k in found]


class KeywordsReport:
    """Each article's keywords; alone over several articles, the corpus's too."""

    def __init__(self) -> None:
        self._docs: Counter[str] = Counter()
        self._weight: defaultdict[str, float] = defaultdict(float)

    def document(self, doc: Document, report: Report) -> list[Block]:
        if doc.keywords is None:
            return []
        for keyword in doc.keywords:
            self._docs[keyword.term] += 1
            self._weight[keyword.term] += keyword.weight
        return [keywords_section(doc.keywords)]

    def finish(self, report: Report) -> list[Block]:
        if report.command == "keywords" and report.documents > 1 and self._docs:
            return [self._corpus_keywords(report)]
        return []

    def _corpus_keywords(self, report: Report) -> Section:
        weight, docs = self._weight, self._docs
        ranked = sorted(docs, key=lambda t: (-weight[t], -docs[t], t))[: report.top]
        best = weight[ranked[0]] or 1.0
        rows = [[term, str(docs[term]), f"{weight[term]:.2f}", Bar(weight[term] / best)] for term in ranked]
        return Section(
            "corpus-keywords",
            f"corpus keywords ({report.documents} documents)",
            [
                Column("term", style="key"),
                Column("docs", align="right"),
                Column("weight", align="right"),
                Column("", style="bar", max_width=12),
            ],
            [Group(None, rows)],
        )


def keywords_section(keywords: list[Any]) -> Section:
    # The term as the article prints it (contract 1.2): a Traditional article's tags in its own characters.
    rows = [
        [k.printed or k.term, f"{k.weight:.2f}", Bar(k.weight), str(k.count), k.pos or ""] for k in keywords
    ]
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


SPEC = AnalyzerSpec(
    name="keywords",
    run=run,
    option_keys=("keyword_top", "method", "idf", "pos", "phrases", "min_weight", "userdict", "segmenter"),
    schema="keywords",
    report=KeywordsReport,
)
