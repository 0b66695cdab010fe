"""The report model: what the human formats (terminal, Markdown, HTML) show,
as headings and sections of columns and rows. Analyzers build sections
(newsctl/analyzers/*); `Report` puts them in order; backends only draw them.

Plain dataclasses: no rich, so the core can build sections without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsctl.records import Document


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
        # The source as the page prints it (contract 1.2: 聯合報, not 联合报).
        return cls(
            doc.path,
            doc.id,
            meta.printed_or_self().source if meta else None,
            meta.published if meta else None,
        )

    @property
    def name(self) -> str:
        return self.path if self.id == self.path else f"{self.path} #{self.id}"

    @property
    def details(self) -> list[str]:
        return [p for p in (self.source, self.published and self.published.replace("T", " ")) if p]


Block = Heading | Section
