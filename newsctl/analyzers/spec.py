"""What the rest of newsctl needs to know about one analyzer: the `AnalyzerSpec`.

cli, pipeline and render read specs from `newsctl.analyzers.registry`; none of
them names an analyzer. An analyzer is one module in this package that defines
`SPEC`, plus its line in the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.records import Document
    from newsctl.render.model import Block
    from newsctl.render.report import Report

# Every output format, once. A command accepts a subset (AnalyzerSpec.formats).
FORMATS = ("table", "json", "jsonl", "markdown", "html", "github")
# The formats a person reads: the report drawn by a backend.
REPORT_FORMATS = ("table", "markdown", "html")
ANALYSIS_FORMATS = ("table", "json", "jsonl", "markdown", "html")


class ReportPart(Protocol):
    """An analyzer's share of the human report. `document` gives the blocks for one
    analysed document (after its heading); `finish` those due once all are in
    (a corpus-wide table). `report.command` tells whether the analyzer runs alone."""

    def document(self, doc: Document, report: Report) -> list[Block]: ...

    def finish(self, report: Report) -> list[Block]: ...


@dataclass(frozen=True)
class AnalyzerSpec:
    """One analyzer.

    - `name`: its command and, for analyzers added through the registry, its key
      in the DOCUMENT (the four original analyses have their own `Document` fields).
    - `run(article, options, doc)`: fills its part of `doc`; pure but for that.
    - `option_keys`: the `Options` fields it reads, reported in the JSON header.
    - `schema`: the file under newsctl/schema/ holding its schema fragment.
    - `report`: builds its `ReportPart` for table/markdown/html (None: no report).
    - `in_analyze`: whether `newsctl analyze` runs it.
    - `formats`: the output formats its command accepts.
    - `needs_sentence_texts`: its report shows a mention's sentence.
    - `report_across_documents`: alone, it reports once over all inputs (one
      chronology) instead of a section per article.
    - `help`: its command's --help text (with an `Examples:` block), for an
      analyzer whose command is generated from the spec (see cli.analyzer_command).
    """

    name: str
    run: Callable[[Article, Options, Document], None]
    option_keys: tuple[str, ...] = ()
    schema: str | None = None
    report: Callable[[], ReportPart] | None = None
    in_analyze: bool = True
    formats: tuple[str, ...] = ANALYSIS_FORMATS
    needs_sentence_texts: bool = False
    report_across_documents: bool = False
    help: str = ""
