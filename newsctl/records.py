"""The output contract's records as dataclasses (docs/output.md, schema/).

Each record has one `to_dict()` that fixes key order and rounds floats, so the
same input gives byte-identical JSON. Field names never change meaning; a
renamed or removed field bumps `SCHEMA_VERSION`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
FLOAT_DIGITS = 4


def round_float(value: float) -> float | int:
    """Finite, rounded; an integral float stays a float only when it is not whole."""
    if not math.isfinite(value):
        return 0.0
    rounded = round(value, FLOAT_DIGITS)
    return rounded + 0.0  # -0.0 -> 0.0


def json_number(value: float | int | None) -> float | int | None:
    """Numbers for figures: whole values as int (40000, not 40000.0)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if not math.isfinite(value):
        return None
    if float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return float(f"{value:.10g}")


@dataclass(frozen=True)
class Error:
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class PrintedMetadata:
    """Contract 1.2: the metadata values as the page prints them, in the source's own
    script (`陳培煌`, not `陈培煌`); the same values as `Metadata`'s otherwise."""

    title: str | None = None
    source: str | None = None
    dateline: str | None = None
    reporters: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "dateline": self.dateline,
            "reporters": list(self.reporters),
            "headings": list(self.headings),
        }


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    source: str | None = None
    published: str | None = None
    dateline: str | None = None
    reporters: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()
    # Contract 1.2 (additive): the printed twins of title, source, dateline, reporters and
    # headings; None only for a Metadata built by hand, which then prints as its own values.
    printed: PrintedMetadata | None = None

    def printed_or_self(self) -> PrintedMetadata:
        """The printed values; the (Simplified) values themselves when none were given."""
        if self.printed is not None:
            return self.printed
        return PrintedMetadata(self.title, self.source, self.dateline, self.reporters, self.headings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "published": self.published,
            "dateline": self.dateline,
            "reporters": list(self.reporters),
            "headings": list(self.headings),
            "printed": self.printed_or_self().to_dict(),
        }


@dataclass(frozen=True)
class Stats:
    chars: int
    paragraphs: int
    sentences: int

    def to_dict(self) -> dict[str, Any]:
        return {"chars": self.chars, "paragraphs": self.paragraphs, "sentences": self.sentences}


@dataclass(slots=True)
class Block:
    """A piece of the article of one kind (contract 1.1, BLOCK); `text` only where asked for (`clean`)."""

    kind: str
    span: tuple[int, int]
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "span": list(self.span)}
        if self.text is not None:
            out["text"] = self.text
        return out


@dataclass(slots=True)  # one per mention: a frozen __init__ costs 3x as much
class SummarySentence:
    text: str
    span: tuple[int, int]
    index: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "index": self.index,
            "score": round_float(self.score),
        }


@dataclass(slots=True)  # one per mention: a frozen __init__ costs 3x as much
class Keyword:
    term: str  # Simplified, for joining and counting across articles
    weight: float
    count: int
    pos: str | None
    printed: str | None = None  # contract 1.2: as the article prints it; None means `term`

    def to_dict(self) -> dict[str, Any]:
        return {
            "term": self.term,
            "weight": round_float(self.weight),
            "count": self.count,
            "pos": self.pos,
            "printed": self.term if self.printed is None else self.printed,
        }


@dataclass(slots=True)  # one per mention: a frozen __init__ costs 3x as much
class TimeEntry:
    text: str
    span: tuple[int, int]
    type: str
    value: str | None
    start: str | None
    end: str | None
    granularity: str | None
    modifier: str | None
    anchor: str
    event: str | None
    sentence: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "type": self.type,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "modifier": self.modifier,
            "anchor": self.anchor,
            "event": self.event,
            "sentence": self.sentence,
        }


@dataclass(slots=True)  # one per mention: a frozen __init__ costs 3x as much
class Figure:
    text: str
    span: tuple[int, int]
    value: float | int
    value_max: float | int | None
    approx: str | None
    unit: str | None
    currency: str | None
    kind: str
    counted: str | None
    sentence: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "value": json_number(self.value),
            "value_max": json_number(self.value_max),
            "approx": self.approx,
            "unit": self.unit,
            "currency": self.currency,
            "kind": self.kind,
            "counted": self.counted,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class Problem:
    """A `check` finding."""

    code: str
    severity: str  # error | warning
    message: str
    line: int | None = None
    span: tuple[int, int] | None = None  # in the source text, where the finding has one

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
        }
        if self.span is not None:
            out["span"] = list(self.span)
        return out


@dataclass
class Document:
    """One input article's results: the contract's DOCUMENT."""

    id: str
    path: str
    sha256: str | None = None
    encoding: str | None = None
    script: str | None = None
    metadata: Metadata | None = None
    stats: Stats | None = None
    blocks: list[Block] | None = None
    summary: list[SummarySentence] | None = None
    keywords: list[Keyword] | None = None
    timeline: list[TimeEntry] | None = None
    figures: list[Figure] | None = None
    text: str | None = None  # `clean` only
    problems: list[Problem] | None = None  # `check` only
    error: Error | None = None
    # Results of analyzers added through the registry, by their key, in the order
    # they ran; each item has a `to_dict()`.
    extra_results: dict[str, list[Any]] = field(default_factory=dict)
    # Body sentence texts for table views (a figure's context); not part of the JSON.
    sentence_texts: list[str] | None = field(default=None, repr=False, compare=False)
    # Where each of those sentences starts in the record's text (a mention's span places it).
    sentence_starts: list[int] | None = field(default=None, repr=False, compare=False)
    # `check`: SimHash of the body, for near-duplicate detection across documents; not in the JSON.
    fingerprint: int | None = field(default=None, repr=False, compare=False)
    # A record's line in its file (JSONL, CSV), for `check` annotations; not in the JSON.
    line: int | None = field(default=None, repr=False, compare=False)

    @property
    def failed(self) -> bool:
        return self.error is not None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "path": self.path,
            "sha256": self.sha256,
            "encoding": self.encoding,
            "script": self.script,
            "metadata": self.metadata.to_dict() if self.metadata else None,
            "stats": self.stats.to_dict() if self.stats else None,
        }
        if self.blocks is not None:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        if self.text is not None:
            out["text"] = self.text
        if self.summary is not None:
            out["summary"] = {"sentences": [s.to_dict() for s in self.summary]}
        if self.keywords is not None:
            out["keywords"] = [k.to_dict() for k in self.keywords]
        if self.timeline is not None:
            out["timeline"] = [t.to_dict() for t in self.timeline]
        if self.figures is not None:
            out["figures"] = [f.to_dict() for f in self.figures]
        for key, items in self.extra_results.items():
            out[key] = [item.to_dict() for item in items]
        if self.problems is not None:
            out["problems"] = [p.to_dict() for p in self.problems]
        if self.error is not None:
            out["error"] = self.error.to_dict()
        return out
