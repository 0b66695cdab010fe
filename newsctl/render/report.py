"""`Report`: documents in, headings and sections out, the same content for the
terminal, Markdown and HTML. Each analyzer the command runs contributes its part
(its spec's `report`), in registry order, under one heading per article; an
analyzer that reports across documents when alone (timeline) gives its blocks
at the end instead."""

from __future__ import annotations

from typing import Any

from newsctl.analyzers.registry import specs_for
from newsctl.records import Document
from newsctl.render.model import Block, Heading


class Report:
    def __init__(
        self, command: str, *, top: int = 10, chart: bool = False, group: bool = False, compact: bool = False
    ) -> None:
        self.command = command
        self.top = top
        self.chart = chart
        self.group = group
        self.compact = compact
        self.documents = 0
        specs = specs_for(command)
        self.parts = [spec.report() for spec in specs if spec.report is not None]
        self.across_documents = len(specs) == 1 and specs[0].report_across_documents

    def document(self, doc: Document) -> list[Block]:
        self.documents += 1
        if doc.failed:
            return []  # reported on stderr, one line
        blocks: list[Block] = [] if self.across_documents else [Heading.of(doc)]
        for part in self.parts:
            blocks += part.document(doc, self)
        return blocks

    def finish(self) -> list[Block]:
        blocks: list[Block] = []
        for part in self.parts:
            blocks += part.finish(self)
        return blocks


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
