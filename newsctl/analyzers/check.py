"""`check`: a corpus lint for CI (the problems; duplicates across documents are
added in `newsctl.check.with_duplicates`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.records import Document
from newsctl.render.model import Block, Column, Group, Section, Styled

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report


def run(article: Article, options: Options, doc: Document) -> None:
    from newsctl.check import document_problems, fingerprint

    doc.problems = document_problems(article, doc.encoding)
    doc.fingerprint = fingerprint("".join(article.text[s:e] for s, e in article.paragraphs))


class CheckReport:
    def document(self, doc: Document, report: Report) -> list[Block]:
        return [problems_section(doc)]

    def finish(self, report: Report) -> list[Block]:
        return []


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


SPEC = AnalyzerSpec(
    name="check",
    run=run,
    schema="check",
    report=CheckReport,
    in_analyze=False,
    formats=("table", "json", "jsonl", "github"),
)
