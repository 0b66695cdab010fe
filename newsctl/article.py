"""Article structure: title, source, publication time, dateline, byline,
headings, body paragraphs and sentences, and boilerplate.

Works on the cleaned (Simplified, width-folded) text, so one set of patterns
serves Simplified and Traditional articles alike. Every part is kept as a
span of the cleaned text; analyzers read `Article.body_text`, which has the
same length as the cleaned text with everything but the body blanked out, so
their offsets need no translation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from newsctl.clean import CleanedText, clean_text
from newsctl.data import load_json
from newsctl.read import RawDocument

DEFAULT_TZ = dt.timezone(dt.timedelta(hours=8))
HEADING_MAX_CHARS = 30
TITLE_MAX_CHARS = 60
BYLINE_MAX_CHARS = 60
SENTENCE_END = "。！？!?；;…"
CLOSERS = "”’」』)）》〉】]\"'"
_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "〈": "〉", "【": "】"}
_QUOTE_GIVE_UP = 300  # an unclosed quote longer than this is a crawl error, not a quote


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in the cleaned text
    end: int
    index: int  # sentence number in the body, from 0
    paragraph: int


@dataclass
class Article:
    """One parsed article. Offsets are into `cleaned.text`."""

    doc: RawDocument
    cleaned: CleanedText
    title: str | None = None
    source: str | None = None
    published: dt.datetime | None = None
    published_precision: str | None = None  # year | month | day | minute | second
    dateline: str | None = None
    reporters: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    heading_spans: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    boilerplate_spans: list[tuple[int, int]] = field(default_factory=list)
    byline_spans: list[tuple[int, int]] = field(default_factory=list)
    header_spans: list[tuple[int, int]] = field(default_factory=list)
    dateline_span: tuple[int, int] | None = None
    body_text: str = ""

    @property
    def text(self) -> str:
        return self.cleaned.text

    def published_iso(self) -> str | None:
        return format_published(self.published, self.published_precision)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The body sentence containing a cleaned offset (binary search)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            sentence = self.sentences[mid]
            if offset < sentence.start:
                hi = mid
            elif offset >= sentence.end:
                lo = mid + 1
            else:
                return sentence
        return None


# ---------------------------------------------------------------------------
# vocabulary -> patterns (built once)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    source_line: re.Pattern[str]
    date_time: re.Pattern[str]
    header_label: re.Pattern[str]
    dateline: re.Pattern[str]
    bracket_dateline: re.Pattern[str]
    reporter_paren: re.Pattern[str]
    byline: re.Pattern[str]
    editor_line: re.Pattern[str]
    boilerplate: re.Pattern[str]
    outlet_prefix: re.Pattern[str]
    place_suffix: re.Pattern[str]
    role: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    vocab = load_json("article.json")
    roles = _alternation(vocab["reporter_roles"])
    verbs = _alternation(vocab["byline_verbs"])
    outlets = _alternation(vocab["outlets"])
    places = _alternation(vocab["places"])
    month_day = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
    day_only = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
    name = r"[\u4e00-\u9fff·]{2,4}"
    names = rf"{name}(?:[ 、,，和与]+{name})*"
    return _Patterns(
        source_line=re.compile(
            rf"(?:{_alternation(vocab['source_labels'])})\s*[:：]\s*([^\s:：|｜]{{2,30}})"
        ),
        date_time=re.compile(
            r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
            r"(?:\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?)?"
        ),
        header_label=re.compile(
            rf"^(?:{_alternation(vocab['header_labels'] + vocab['published_labels'])})\s*[:：]"
        ),
        dateline=re.compile(
            rf"^(?:(?P<lead>[^\s，,。!?！？“”\"]{{0,24}}?)(?:{month_day}|{day_only})(?:电|讯|专电)"
            r"|本报讯|本台消息|本报消息|据[^\s，,。]{1,12}?(?:报道|消息))"
        ),
        bracket_dateline=re.compile(r"^(?:【[^】\n]{1,30}】|〔[^〕\n]{1,40}〕|\[[^\]\n]{1,30}\])"),
        reporter_paren=re.compile(rf"^\s*[(（【〔]\s*(?:{roles})[^)）】〕\n]{{1,60}}[)）】〕]"),
        byline=re.compile(
            rf"^[(（〔【]?\s*(?:[^\s，,。]{{0,12}}?(?:{roles}))\s*[:：]?\s*(?P<names>{names})"
            rf"(?:\s*(?:[ 、,，]|{roles})\s*{names})*"
            rf"\s*(?:[/／]?\s*(?:{places})?\s*(?:{verbs}))?\s*[)）〕】]?\s*$"
        ),
        editor_line=re.compile(rf"^[(（【\[]?\s*(?:{_alternation(vocab['editor_labels'])})\s*[:：]"),
        boilerplate=re.compile(_alternation(vocab["boilerplate_markers"])),
        outlet_prefix=re.compile(rf"^(?:{outlets})"),
        place_suffix=re.compile(rf"(?:{places})$"),
        role=re.compile(roles),
    )


# ---------------------------------------------------------------------------
# publication time


def parse_published(value: str | None, tz: dt.tzinfo = DEFAULT_TZ) -> tuple[dt.datetime | None, str | None]:
    """An ISO 8601 date/datetime (reduced precision allowed: `2021`, `2019-02-18T07`)
    or a Chinese date such as `2020年5月20日 11:09` -> (aware datetime, precision)."""
    if not value:
        return None, None
    text = value.strip()
    match = re.fullmatch(
        r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?)?)?)?"
        r"\s*(Z|[+-]\d{2}:?\d{2})?",
        text,
    )
    if match:
        parts = match.groups()
        numbers = [int(p) if p else None for p in parts[:6]]
        precision = ("year", "month", "day", "hour", "minute", "second")[
            max(i for i, n in enumerate(numbers) if n is not None)
        ]
        year, month, day, hour, minute, second = numbers
        try:
            stamp = dt.datetime(year or 1, month or 1, day or 1, hour or 0, minute or 0, second or 0)
        except ValueError:
            return None, None
        offset = parts[6]
        if offset:
            from dateutil.parser import isoparse

            stamp = stamp.replace(tzinfo=isoparse("2000-01-01T00:00:00" + offset).tzinfo)
        else:
            stamp = stamp.replace(tzinfo=tz)
        return stamp, precision
    found = _patterns().date_time.search(text)
    if found:
        return _datetime_from_match(found, tz)
    try:
        from dateutil.parser import parse

        stamp = parse(text)
    except (ValueError, OverflowError):
        return None, None
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=tz)), "second"


def _datetime_from_match(match: re.Match[str], tz: dt.tzinfo) -> tuple[dt.datetime | None, str | None]:
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups())
    try:
        stamp = dt.datetime(year or 1, month or 1, day or 1, hour or 0, minute or 0, second or 0, tzinfo=tz)
    except ValueError:
        return None, None
    precision = "second" if second is not None else "minute" if minute is not None else "day"
    return stamp, precision


def format_published(stamp: dt.datetime | None, precision: str | None) -> str | None:
    if stamp is None:
        return None
    if precision == "year":
        return f"{stamp.year:04d}"
    if precision == "month":
        return f"{stamp.year:04d}-{stamp.month:02d}"
    if precision == "day":
        return stamp.date().isoformat()
    spec = "minutes" if precision in ("hour", "minute") else "seconds"
    return stamp.isoformat(timespec=spec)


# ---------------------------------------------------------------------------
# lines


@dataclass
class _Line:
    start: int
    end: int
    text: str
    blank_before: bool
    role: str = "body"  # header | title | byline | boilerplate | heading | body


def _split_lines(text: str) -> list[_Line]:
    lines = []
    offset = 0
    blank = True
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(_Line(offset, offset + len(raw), raw, blank_before=blank))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
    return lines


def _is_header_line(line: str) -> bool:
    patterns = _patterns()
    if patterns.source_line.search(line) or patterns.header_label.match(line):
        return True
    date = patterns.date_time.search(line)
    # A line that is mostly a date (a timestamp line) and not a sentence.
    return bool(date and len(line) - (date.end() - date.start()) <= 12 and not _ends_sentence(line))


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _is_boilerplate(line: str) -> bool:
    return bool(_patterns().boilerplate.search(line))


def _is_byline(line: str) -> bool:
    if len(line) > BYLINE_MAX_CHARS:
        return False  # bylines are short; the name pattern is not meant for long lines
    patterns = _patterns()
    return bool(patterns.byline.match(line) or patterns.editor_line.match(line))


def _reporters_in(text: str) -> list[str]:
    """Names after a reporter role: `记者 刘晨 冯振弘`, `(记者 王某某 李某)`, `记者张三/台北报导`."""
    patterns = _patterns()
    vocab = load_json("article.json")
    stop_words = set(vocab["byline_verbs"]) | set(vocab["reporter_roles"])
    names: list[str] = []
    for role in patterns.role.finditer(text):
        rest = text[role.end() :]
        rest = re.split(r"[)）〕】/／\n。]", rest, maxsplit=1)[0]
        rest = re.sub(rf"(?:{_alternation(sorted(stop_words))})\s*$", "", rest.strip())
        for chunk in re.split(r"[\s、,，:：]+|和|与", rest):
            chunk = chunk.strip("·")
            chunk = patterns.place_suffix.sub("", chunk) if len(chunk) > 3 else chunk
            chunk = re.sub(rf"(?:{_alternation(sorted(stop_words))})$", "", chunk)
            chunk = re.sub(r"\d.*$", "", chunk)  # 张三台北2日电 -> 张三台北 -> 张三
            chunk = patterns.place_suffix.sub("", chunk) if len(chunk) > 3 else chunk
            is_name = 2 <= len(chunk) <= 4 and re.fullmatch(r"[\u4e00-\u9fff·]+", chunk)
            if is_name and chunk not in stop_words and chunk not in names:
                names.append(chunk)
    return names


# ---------------------------------------------------------------------------
# parse


def parse_article(
    doc: RawDocument,
    cleaned: CleanedText | None = None,
    *,
    tz: dt.tzinfo = DEFAULT_TZ,
) -> Article:
    """Split one decoded article into its parts."""
    if doc.text is None:
        raise ValueError("parse_article needs a document with text")
    cleaned = cleaned or clean_text(doc.text)
    text = cleaned.text
    article = Article(doc=doc, cleaned=cleaned)
    lines = _split_lines(text)
    patterns = _patterns()

    _mark_header(lines, article, tz)
    _mark_footer(lines)
    body = [line for line in lines if line.role == "body"]

    # The dateline opens the first body paragraph.
    if body:
        first = body[0]
        _take_dateline(first, article)

    # Bylines and boilerplate can also stand between paragraphs.
    for line in body if len(body) > 1 else ():
        if _is_byline(line.text) and len(line.text) <= 40:
            line.role = "byline"
        elif _is_boilerplate(line.text) and len(line.text) <= 40 and not _ends_sentence(line.text):
            line.role = "boilerplate"
    body = [line for line in lines if line.role == "body"]
    for position, line in enumerate(body):
        is_inner = 0 < position < len(body) - 1
        if is_inner and len(line.text.strip()) <= HEADING_MAX_CHARS and not _ends_sentence(line.text):
            line.role = "heading"

    for line in lines:
        span = (line.start, line.end)
        if line.role == "heading":
            article.heading_spans.append(span)
            article.headings.append(line.text.strip())
        elif line.role == "byline":
            article.byline_spans.append(span)
            for name in _reporters_in(line.text):
                if name not in article.reporters:
                    article.reporters.append(name)
        elif line.role == "boilerplate":
            article.boilerplate_spans.append(span)
            if article.source is None:
                found = patterns.source_line.search(line.text)
                if found:
                    article.source = found.group(1)
        elif line.role == "body":
            start = line.start
            if article.dateline_span and article.dateline_span[0] == line.start:
                start = article.dateline_span[1]
            while start < line.end and text[start] in " ,，:：":
                start += 1
            if start < line.end:
                article.paragraphs.append((start, line.end))

    if doc.title:
        article.title = clean_text(doc.title).text.strip()
    if doc.source:
        article.source = clean_text(doc.source).text.strip()
    if doc.published:
        stamp, precision = parse_published(doc.published, tz)
        if stamp is not None:
            article.published, article.published_precision = stamp, precision
    if article.source is None and article.dateline:
        outlet = patterns.outlet_prefix.match(article.dateline.lstrip("【〔[("))
        if outlet and not outlet.group(0).startswith("本"):
            article.source = outlet.group(0)

    article.sentences = split_sentences(text, article.paragraphs)
    article.body_text = _blank_outside(text, article.paragraphs + article.heading_spans)
    return article


def _mark_header(lines: list[_Line], article: Article, tz: dt.tzinfo) -> None:
    patterns = _patterns()
    # Title: a short first line without final punctuation, set apart from what
    # follows by a blank line or by header lines. The seed has none.
    if len(lines) >= 2:
        first, second = lines[0], lines[1]
        candidate = first.text.strip()
        if (
            len(candidate) <= TITLE_MAX_CHARS
            and not _ends_sentence(candidate)
            and not _is_header_line(candidate)
            and not patterns.dateline.match(candidate)
            and not _is_byline(candidate)
            and (second.blank_before or _is_header_line(second.text))
        ):
            first.role = "title"
            article.title = candidate
    for position, line in enumerate(lines[:8]):
        if line.role == "title":
            continue
        if not _is_header_line(line.text) or (_ends_sentence(line.text) and len(line.text) > 40):
            break
        if position == len(lines) - 1:
            break  # a text that is only a date line is content, not a header
        line.role = "header"
        article.header_spans.append((line.start, line.end))
        found = patterns.source_line.search(line.text)
        if found and article.source is None:
            article.source = found.group(1)
        date = patterns.date_time.search(line.text)
        if date and article.published is None:
            article.published, article.published_precision = _datetime_from_match(date, tz)
        for name in _reporters_in(line.text):
            if name not in article.reporters:
                article.reporters.append(name)


def _mark_footer(lines: list[_Line]) -> None:
    """Walk up from the end: credit lines, bylines and boilerplate close an article."""
    body_count = sum(1 for line in lines if line.role == "body")
    for line in reversed(lines):
        if line.role != "body" or body_count <= 1:
            break  # never leave an article without a body
        if _is_byline(line.text):
            line.role = "byline"
        elif _is_footer_boilerplate(line.text) or _is_source_footer(line.text):
            line.role = "boilerplate"
        else:
            break
        body_count -= 1


def _is_footer_boilerplate(line: str) -> bool:
    """Short lines with a marker, or longer ones with several (a tip-off footer
    names 爆料, 热线 and 微博 at once; a last paragraph that mentions 广告 does not)."""
    markers = {m.group(0) for m in _patterns().boilerplate.finditer(line)}
    return bool(markers) and (len(line) <= 60 or len(markers) >= 2)


def _is_source_footer(line: str) -> bool:
    stripped = line.strip()
    return bool(
        len(stripped) <= 60
        and (_patterns().source_line.search(stripped) or _patterns().date_time.search(stripped))
        and not _ends_sentence(stripped)
    )


def _take_dateline(line: _Line, article: Article) -> None:
    patterns = _patterns()
    text = line.text
    match = patterns.bracket_dateline.match(text) or patterns.dateline.match(text)
    if not match:
        return
    end = match.end()
    dateline = text[:end].strip()
    reporters_text = dateline
    paren = patterns.reporter_paren.match(text[end:])
    if paren:
        reporters_text += text[end : end + paren.end()]
        end += paren.end()
    article.dateline = dateline
    article.dateline_span = (line.start, line.start + end)
    for name in _reporters_in(reporters_text):
        if name not in article.reporters:
            article.reporters.append(name)


def split_sentences(text: str, paragraphs: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences of the body paragraphs: split on 。！？；… (and ASCII ?!; after
    Chinese), never inside “…” or 《…》, unless a quote never closes."""
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        spans = _split_paragraph(text, start, end, respect_quotes=True)
        if any(e - s > _QUOTE_GIVE_UP for s, e in spans):
            spans = _split_paragraph(text, start, end, respect_quotes=False)
        for s, e in spans:
            sentences.append(Sentence(s, e, len(sentences), number))
    return sentences


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in CLOSERS


def _split_paragraph(text: str, start: int, end: int, *, respect_quotes: bool) -> list[tuple[int, int]]:
    spans = []
    expected_closers: list[str] = []
    sentence_start = start
    i = start
    while i < end:
        ch = text[i]
        if respect_quotes and ch in _OPENERS:
            expected_closers.append(_OPENERS[ch])
        elif respect_quotes and expected_closers and ch == expected_closers[-1]:
            expected_closers.pop()
        elif ch in SENTENCE_END and not expected_closers:
            if ch in "?!;" and not (i > start and _is_cjk(text[i - 1])):
                i += 1
                continue
            j = i + 1
            while j < end and (text[j] in SENTENCE_END or text[j] in "”’」』)）"):
                j += 1
            spans.append((sentence_start, j))
            while j < end and text[j] == " ":
                j += 1
            sentence_start = j
            i = j
            continue
        i += 1
    if sentence_start < end and text[sentence_start:end].strip():
        spans.append((sentence_start, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _blank_outside(text: str, keep: list[tuple[int, int]]) -> str:
    """`text` with every character outside the kept spans turned into a space
    (newlines stay, so line structure survives); same length as `text`."""
    out = []
    cursor = 0
    for start, end in sorted(keep):
        if start > cursor:
            out.append(re.sub(r"[^\n]", " ", text[cursor:start]))
        out.append(text[max(start, cursor) : end])
        cursor = max(cursor, end)
    out.append(re.sub(r"[^\n]", " ", text[cursor:]))
    return "".join(out)
