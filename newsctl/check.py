"""`newsctl check`: a corpus lint for CI.

Per document: decodable, not empty or implausibly short, publication date and
source found, no leftover annotation artefacts or mojibake, not a duplicate
(same bytes) or near-duplicate (same body, give or take a few characters) of
an earlier document, and UTF-8. Duplicate detection keeps one 64-bit
fingerprint per document and finds near matches through banded lookups, so it
stays linear in the corpus size.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from newsctl.article import Article
from newsctl.records import Document, Problem

MIN_BODY_CHARS = 40
THIN_BODY_SHARE = 1 / 3  # body under this share of the text's characters: mostly furniture
OLDEST_PUBLISHED = 1900
NEAR_DUPLICATE_BITS = 3  # fingerprints this close are the same article
_BANDS = 4  # 64 bits in 4 bands of 16: two fingerprints within 3 bits share a band

ERROR = "error"
WARNING = "warning"

# Severity of each problem code; docs/output.md lists them.
SEVERITY = {
    "decode_error": ERROR,
    "read_error": ERROR,
    "empty": ERROR,
    "binary": ERROR,
    "mojibake": ERROR,
    "leftover_annotation": ERROR,
    "duplicate": ERROR,
    "duplicate_id": ERROR,
    "no_body": ERROR,
    "too_short": WARNING,
    "thin_body": WARNING,
    "glued_page": WARNING,
    "published_future": WARNING,
    "published_too_old": WARNING,
    "no_published": WARNING,
    "no_source": WARNING,
    "near_duplicate": WARNING,
    "not_utf8": WARNING,
}

_MOJIBAKE = re.compile(
    r"锟斤拷|烫烫烫|屯屯屯|\ufffd"  # GBK/UTF-8 round-trip debris and replacement characters
    r"|[ÃÂÅÆÐÑ][\u0080-\u00bf]"  # UTF-8 read as Latin-1: Ã¤, Â·
    r"|[ÃÂ][¡-¿]{1,2}"
)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Annotation-shaped leftovers: a tone-marked syllable in brackets the cleaner
# did not accept, or a bare syllable glued between two Han characters (网wang络).
_ANNOTATION_LEFT = re.compile(
    rf"[(（][a-zü ]{{0,20}}[{_TONED}][a-zü {_TONED}]{{0,20}}[)）]"
    rf"|(?<=[\u4e00-\u9fff])[a-zü{_TONED}]{{1,6}}(?=[\u4e00-\u9fff])"
)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def document_problems(article: Article, encoding: str | None) -> list[Problem]:
    """Problems visible in one document on its own."""
    problems: list[Problem] = []
    source = article.cleaned.source
    body_chars = sum(e - s for s, e in article.paragraphs)
    if body_chars < MIN_BODY_CHARS:
        problems.append(
            Problem("too_short", WARNING, f"body has only {body_chars} characters (under {MIN_BODY_CHARS})")
        )
    problems.extend(structure_problems(article))
    if article.published is None:
        problems.append(Problem("no_published", WARNING, "no publication date found"))
    if article.source is None:
        problems.append(Problem("no_source", WARNING, "no source (来源) found"))
    bad = _MOJIBAKE.search(source)
    if bad:
        count = len(_MOJIBAKE.findall(source))
        problems.append(
            Problem(
                "mojibake",
                ERROR,
                f"{count} mojibake sequence(s) such as {bad.group(0)!r}: wrong encoding somewhere upstream",
                _line_of(source, bad.start()),
            )
        )
    left = next(
        (m for m in _ANNOTATION_LEFT.finditer(article.text) if _is_pinyin_left(article.text, m)), None
    )
    if left:
        line = _line_of(source, article.cleaned.source_span(left.start(), left.end())[0])
        problems.append(
            Problem(
                "leftover_annotation",
                ERROR,
                f"pinyin left in the cleaned text: {left.group(0)!r}",
                line,
            )
        )
    if encoding and encoding not in ("utf-8", "ascii"):
        problems.append(Problem("not_utf8", WARNING, f"encoded as {encoding}, not UTF-8"))
    return problems


def structure_problems(article: Article, now: dt.datetime | None = None) -> list[Problem]:
    """What the article's blocks say about how it was crawled: no body, a body
    that is a small part of the page, a source or time line inside the story
    (two pages glued together), a publication time after `now` or before 1900."""
    problems: list[Problem] = []
    cleaned = article.cleaned
    blocks = article.blocks
    body = [block for block in blocks if block.kind == "body"]
    if blocks and not body:
        problems.append(Problem("no_body", ERROR, "no block of the text reads as story body"))
    total = sum(len(cleaned.text[b.start : b.end].replace(" ", "")) for b in blocks)
    body_chars = sum(len(cleaned.text[b.start : b.end].replace(" ", "")) for b in body)
    if body and total and body_chars < THIN_BODY_SHARE * total:
        problems.append(
            Problem(
                "thin_body", WARNING, f"body is {body_chars} of {total} characters: mostly page furniture"
            )
        )
    if body:
        first_body, last_body = body[0].start, body[-1].start
        for block in blocks:
            if block.kind in ("source_line", "time_line") and first_body < block.start < last_body:
                span = cleaned.source_span(block.start, block.end)
                problems.append(
                    Problem(
                        "glued_page",
                        WARNING,
                        f"{block.kind} inside the story: {cleaned.text[block.start : block.end][:40]!r}",
                        _line_of(cleaned.source, span[0]),
                        span,
                    )
                )
    if article.published is not None:
        now = now or dt.datetime.now(dt.timezone.utc)
        if article.published > now + dt.timedelta(days=1):
            problems.append(
                Problem("published_future", WARNING, f"published {article.published_iso()}, after this check")
            )
        elif article.published.year < OLDEST_PUBLISHED:
            problems.append(
                Problem(
                    "published_too_old",
                    WARNING,
                    f"published {article.published_iso()}, before {OLDEST_PUBLISHED}",
                )
            )
    return problems


def _is_pinyin_left(text: str, match: re.Match[str]) -> bool:
    from newsctl.clean import is_reading_of

    syllable = match.group(0).strip("(（)）")
    if any(ch in _TONED for ch in syllable):
        return True
    return match.start() > 0 and is_reading_of(text[match.start() - 1], syllable)


def fingerprint(text: str) -> int:
    """A 64-bit SimHash of the body's character 4-grams (whitespace and punctuation ignored).

    Each distinct 4-gram votes with the 64 bits of its hash; a bit of the fingerprint is set
    when more grams have it set than not. The votes are counted per byte column of the
    hashes (collections.Counter counts in C), not bit by bit in Python."""
    chars = re.sub(r"[\W_]+", "", text)
    if len(chars) < 4:
        return int.from_bytes(hashlib.blake2b(chars.encode(), digest_size=8).digest(), "big")
    grams = {chars[i : i + 4] for i in range(len(chars) - 3)}
    digests = b"".join(hashlib.blake2b(gram.encode(), digest_size=8).digest() for gram in grams)
    total = len(grams)
    value = 0
    for column in range(8):  # byte `column` of a big-endian digest holds bits 8*(7-column) ...
        counts = Counter(digests[column::8])
        for bit in range(8):
            ones = sum(count for byte, count in counts.items() if byte >> bit & 1)
            if 2 * ones > total:
                value |= 1 << (8 * (7 - column) + bit)
    return value


@dataclass
class DuplicateTracker:
    """Remembers what it has seen; flags repeats as the documents stream by."""

    by_digest: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)  # id -> where it was first seen
    bands: list[defaultdict[int, list[tuple[int, str]]]] = field(
        default_factory=lambda: [defaultdict(list) for _ in range(_BANDS)]
    )

    def problems(
        self, doc_id: str, digest: str | None, print_: int | None, place: str | None = None
    ) -> list[Problem]:
        """Problems for the next document; a file named twice is its own duplicate.
        `place` says where the document is (`path:line` for a record), for the
        message when another one reuses its id."""
        found: list[Problem] = []
        if digest is not None:
            if digest in self.by_digest:
                found.append(Problem("duplicate", ERROR, f"same bytes as {self.by_digest[digest]}"))
                return found
            self.by_digest[digest] = doc_id
        if doc_id in self.by_id:
            found.append(
                Problem("duplicate_id", ERROR, f"id {doc_id!r} is already used at {self.by_id[doc_id]}")
            )
        else:
            self.by_id[doc_id] = place or doc_id
        if print_ is None:
            return found
        match = None
        for band, table in enumerate(self.bands):
            key = print_ >> (16 * band) & 0xFFFF
            for other, other_id in table[key]:
                if bin(other ^ print_).count("1") <= NEAR_DUPLICATE_BITS:
                    match = other_id
                    break
            if match:
                break
        for band, table in enumerate(self.bands):
            table[print_ >> (16 * band) & 0xFFFF].append((print_, doc_id))
        if match:
            found.append(Problem("near_duplicate", WARNING, f"nearly the same body as {match}"))
        return found


def with_duplicates(docs: Iterable[Document]) -> Iterator[Document]:
    """Add duplicate problems to a stream of checked documents, in order. A record's
    problems point at its line in its file (JSONL, CSV): a line inside its text could
    not be found in the file."""
    tracker = DuplicateTracker()
    for doc in docs:
        if doc.error is not None:
            doc.problems = [Problem(doc.error.code, ERROR, doc.error.message)]
        elif doc.problems is not None:
            place = f"{doc.path}:{doc.line}" if doc.line is not None else doc.path
            doc.problems.extend(tracker.problems(doc.id, doc.sha256, doc.fingerprint, place))
        if doc.line is not None and doc.problems:
            doc.problems = [replace(problem, line=doc.line) for problem in doc.problems]
        yield doc


def is_failure(doc: Document, strict: bool) -> bool:
    if doc.error is not None:
        return True
    return any(p.severity == ERROR or strict for p in doc.problems or [])


def status_of(doc: Document) -> str:
    """`error`, `warning` or `ok`: the worst of a checked document's problems."""
    severities = {p.severity for p in doc.problems or []}
    if doc.error is not None or ERROR in severities:
        return ERROR
    return WARNING if WARNING in severities else "ok"


@dataclass
class CheckTotals:
    """What a `check` run found: articles by status, findings by severity and code."""

    articles: Counter[str] = field(default_factory=Counter)
    findings: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, doc: Document) -> None:
        self.articles[status_of(doc)] += 1
        for problem in doc.problems or []:
            self.findings[(problem.severity, problem.code)] += 1

    def total(self) -> int:
        return sum(self.articles.values())

    def counted(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Pass `docs` through, counting each."""
        for doc in docs:
            self.add(doc)
            yield doc

    def _rows(self) -> list[tuple[str, str, int]]:
        order = {ERROR: 0, WARNING: 1}
        return sorted(
            ((severity, code, count) for (severity, code), count in self.findings.items()),
            key=lambda row: (order.get(row[0], 2), -row[2], row[1]),
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.total(),
            "ok": self.articles["ok"],
            "warning": self.articles[WARNING],
            "error": self.articles[ERROR],
            "findings": [{"severity": s, "code": c, "count": n} for s, c, n in self._rows()],
        }

    def text(self) -> str:
        """A plain-text totals table (no colour, so it suits logs as well as terminals)."""
        total = self.total()
        lines = [
            f"{total} article{'' if total == 1 else 's'}: {self.articles['ok']} ok, "
            f"{self.articles[WARNING]} with warnings, {self.articles[ERROR]} with errors"
        ]
        rows = self._rows()
        if rows:
            width = max(len(code) for _, code, _ in rows)
            count_width = max(len("findings"), *(len(str(n)) for _, _, n in rows))
            lines.append(f"  {'severity':<8}  {'code':<{width}}  {'findings':>{count_width}}")
            lines += [f"  {sev:<8}  {code:<{width}}  {n:>{count_width}}" for sev, code, n in rows]
        return "\n".join(lines) + "\n"
