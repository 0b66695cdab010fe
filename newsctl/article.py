"""Article structure: title, source, publication time, dateline, byline,
headings, body paragraphs and sentences, and boilerplate.

Works on the cleaned (Simplified, width-folded) text, so one set of patterns
serves Simplified and Traditional articles alike. Every part is kept as a
span of the cleaned text; analyzers read `Article.body_text`, which has the
same length as the cleaned text with everything but the body blanked out, so
their offsets need no translation.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsctl.blocks import NO_FACT_KINDS, Block, cover, source_spans
from newsctl.clean import _WIDTH_FOLD, CleanedText, clean_text
from newsctl.data import load_json
from newsctl.names import looks_like_person
from newsctl.numerals import scan_numeral
from newsctl.printed import Printer, article_printer
from newsctl.read import RawDocument
from newsctl.records import Block as BlockRecord
from newsctl.region import Region, detect_region

DEFAULT_TZ = dt.timezone(dt.timedelta(hours=8))
HEADING_MAX_CHARS = 30
HEADING_MIN_HAN = 2
TITLE_MAX_CHARS = 60
GLUED_TITLE_MIN_CHARS = 12  # a headline glued before the lede with no label
TITLE_MIN_CHARS = 4
BYLINE_MAX_CHARS = 60
CAPTION_MAX_CHARS = 80
# A line closed by a credit (`……。(资料照片)`) longer than this is a paragraph, not the photo's caption.
CLOSED_CAPTION_MAX_CHARS = 150
MAX_INNER_BYLINES = 3
HEADER_MAX_LINES = 8  # header lines before the title, and again after it
SENTENCE_END = "。！？!?；;…"
CLOSERS = "”’」』)）》〉】]\"'"
_OPENERS = {"“": "”", "「": "」", "『": "』", "《": "》", "(": ")", "〈": "〉", "【": "】"}
_SLASHES = "/／╱∕"
# What joins two credits (`报导•摄影╱X`, `報導．攝影／X`): every middle dot, full stop and slash form.
_CREDIT_JOINERS = "•·・．.、‧∙" + _SLASHES
_NAME = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_QUOTE_GIVE_UP = 300  # an unclosed quote longer than this is a crawl error, not a quote
# What ends a sentence of the body. Not `；`: it joins the clauses of one sentence
# (`…被降级为第三级；这分报告…`), and a sentence cut there stops mid-thought.
_SENTENCE_STOPS = "。！？!?…"
_SPLIT_STOPS = re.compile(
    "[" + re.escape("".join(_OPENERS) + "".join(_OPENERS.values()) + _SENTENCE_STOPS) + "]"
)
_QUOTE_CLOSERS = "”’」』"
# After a quote that ends a sentence (`。」`), text that is no attribution of the quote
# (`」阿嬷说，…`, `”他表示。`) starts a new sentence; punctuation goes on with the old one.
_GOES_ON = ",，、:：;；)）.。!！?？…"


@dataclass(frozen=True)
class Sentence:
    start: int  # offsets in the cleaned text
    end: int
    index: int  # sentence number in the body, from 0
    paragraph: int


@dataclass(frozen=True)
class RoundupItem:
    """One item of a roundup: its headline block and the paragraphs up to the next item.
    `headline` leaves out a leading list number (`1某市地铁开通` -> `某市地铁开通`)."""

    title: tuple[int, int]
    headline: tuple[int, int]
    paragraphs: tuple[tuple[int, int], ...]


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
    dateline_value_span: tuple[int, int] | None = None  # the dateline's value inside dateline_span
    dateline_byline_span: tuple[int, int] | None = None  # `(记者 X)` right after the dateline
    # `记者X／特稿` opening the text: read like a dateline, but no place or date, so a byline.
    dateline_is_byline: bool = False
    blocks: list[Block] = field(default_factory=list)
    items: list[RoundupItem] = field(default_factory=list)  # a roundup's items, in order; else empty
    body_text: str = ""
    # sentence starts, for sentence_at; built on first use, once the sentences are final
    _sentence_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _region: Region | None = field(default=None, repr=False, compare=False)
    _printer: Printer | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.cleaned.text

    def region(self) -> Region:
        """Where the article was written (newsctl.region): detected on first use, once per
        article, so the timeline and figures read the same signal and pay for it once."""
        if self._region is None:
            self._region = detect_region(self.text, script=self.cleaned.script, source=self.source)
        return self._region

    def printer(self) -> Printer:
        """The article's printed forms (newsctl.printed, contract 1.2): made on first use, once
        per article, so metadata and keywords share one table of its characters."""
        if self._printer is None:
            self._printer = article_printer(self)
        return self._printer

    def published_iso(self) -> str | None:
        return format_published(self.published, self.published_precision)

    # Metadata as the page prints it. `dateline`, `reporters` and `headings` are
    # Simplified, for matching; an editor reads the names of a Traditional page
    # in its own characters (`陳培煌`, not `陈培煌`).
    def printed_dateline(self) -> str | None:
        if self.dateline is None or self.dateline_value_span is None:
            return self.dateline
        return self.cleaned.display(*self.dateline_value_span, printed=True)

    def printed_reporters(self) -> list[str]:
        return list(self.printer().forms(self.reporters))

    def printed_headings(self) -> list[str]:
        if len(self.heading_spans) != len(self.headings):
            return list(self.headings)
        return [self.cleaned.display(*span, printed=True) for span in self.heading_spans]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The body sentence containing a cleaned offset (binary search)."""
        starts = self._sentence_starts
        if starts is None or len(starts) != len(self.sentences):
            starts = self._sentence_starts = [sentence.start for sentence in self.sentences]
        at = bisect.bisect_right(starts, offset) - 1
        if at < 0:
            return None
        sentence = self.sentences[at]
        return sentence if offset < sentence.end else None


# ---------------------------------------------------------------------------
# vocabulary -> patterns (built once)
#
# Every pattern is linear: character classes with bounded repeats, lazy runs
# followed by a literal, and no nested quantifiers over overlapping classes.


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cores(words: list[str]) -> tuple[str, ...]:
    """The words that hold no other of `words` (`来源` of `文章来源`): a text holding one of
    `words` holds one of these."""
    return tuple(word for word in words if not any(other != word and other in word for other in words))


@dataclass(frozen=True)
class _Patterns:
    source_line: re.Pattern[str]
    date_time: re.Pattern[str]
    header_label: re.Pattern[str]
    update_label: re.Pattern[str]
    dateline: re.Pattern[str]
    bracket_dateline: re.Pattern[str]
    program_paren: re.Pattern[str]
    reporter_paren: re.Pattern[str]
    byline_role: re.Pattern[str]
    byline_tail: re.Pattern[str]
    byline_separator: re.Pattern[str]
    slash_byline: re.Pattern[str]
    editor_line: re.Pattern[str]
    editor_tail: re.Pattern[str]
    boilerplate: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    caption_credit: re.Pattern[str]
    related_label: re.Pattern[str]
    breadcrumb: re.Pattern[str]
    print_footer: re.Pattern[str]
    outlet_prefix: re.Pattern[str]
    place_suffix: re.Pattern[str]
    role: re.Pattern[str]
    not_name: re.Pattern[str]
    stop_words: re.Pattern[str]
    marker_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    closing_prompt: re.Pattern[str]
    source_tail: re.Pattern[str]
    source_labels: tuple[str, ...]  # one of them is in every source_tail match
    site_tail: re.Pattern[str]
    closing_byline: re.Pattern[str]
    signature: re.Pattern[str]
    source_signature: re.Pattern[str]
    credit_byline: re.Pattern[str]
    credit_tail: re.Pattern[str]
    related_tail: re.Pattern[str]
    related_start: re.Pattern[str]
    closing_source: re.Pattern[str]
    opening_prompt: re.Pattern[str]
    plug: re.Pattern[str]
    glued_credit: re.Pattern[str]
    forum_source: re.Pattern[str]
    plug_channel: re.Pattern[str]
    picture_disclaimer: re.Pattern[str]
    inline_byline: re.Pattern[str]
    glued_caption: re.Pattern[str]
    credit_line: re.Pattern[str]
    picture_credit: re.Pattern[str]
    leading_credit: re.Pattern[str]
    glued_tails: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]
    closing_tails: re.Pattern[str]
    closing_tail_words: re.Pattern[str]
    head_before_bracket: re.Pattern[str]
    desk_dateline: re.Pattern[str]
    story_labels: frozenset[str]  # `特稿`, `综合报导`: what a story is, after a byline's slash
    editor_note: re.Pattern[str]
    agency_caption: re.Pattern[str]
    time_line: re.Pattern[str]
    photo_credit: re.Pattern[str]
    desk_prefix: re.Pattern[str]
    inline_note: re.Pattern[str]
    stamp_line: re.Pattern[str]
    id_line: re.Pattern[str]
    notice_marker: re.Pattern[str]
    notice_title: re.Pattern[str]
    spaced_kicker: re.Pattern[str]
    source_value_stop: re.Pattern[str]
    label_tail: re.Pattern[str]
    glued_subhead: re.Pattern[str]
    subhead_opener: re.Pattern[str]
    subhead_openers: tuple[str, ...]
    colon_label_heading: re.Pattern[str]
    closing_label: re.Pattern[str]
    marked_notice: re.Pattern[str]
    page_chrome_label: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    vocab = load_json("article.json")
    roles = _alternation(vocab["reporter_roles"])
    verbs = _alternation(vocab["byline_verbs"])
    outlets = _alternation(vocab["outlets"])
    places = _alternation(vocab["places"])
    editors = _alternation(vocab["editor_labels"])
    number = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
    month_day = rf"{number}月{number}日"
    day_only = rf"{number}日"
    name = r"[\u4e00-\u9fff·]{2,4}"
    lead = r"[^\s，,。!?！？“”\"(（:：]"  # a dateline's outlet/place part: no spaces or punctuation
    source_labels = _alternation(vocab["source_labels"])
    # A photo's source (`报系资料照`, `美联社`), and a reporter's photo credit (`[outlet]记者X/摄影`).
    # `路透、欧新社`: the agencies of a page's pictures, listed.
    agency = f"(?:{_alternation(vocab['photo_agencies'])})"
    agencies = rf"{agency}(?:\s*[、,，]\s*{agency})*"
    # `新华社资料照片`, `某报资料照`: any outlet's file photo.
    sources = _alternation(vocab["photo_credit_sources"])
    credit_source = f"(?:{agencies}|{sources}|{vocab['photo_file_credit']})"
    sites = _alternation(vocab["picture_sites"])
    web_pictures = r"[(（]?(?:via\s*[:：]\s*)?(?:以上)?(?:图片|配图)均?来(?:自|源)于?(?:互联)?网络"
    web_disclaimer = r"(?:\s*[,，]?\s*(?:与正文无关|(?:如有)?侵权(?:请)?(?:联系)?(?:删除|告知))[。!！]?)"
    # `记者X/摄影`, `记者X/翻摄` (a reporter's copy of someone's picture), `记者X/提供`.
    shot = "(?:翻摄|摄影?)"
    reporter_shot = rf"[\u4e00-\u9fff]{{0,6}}?(?:{roles})\s*{name}\s*[{_SLASHES}]\s*(?:{shot}|提供)"
    after_role = rf"(?:[\u4e00-\u9fff]{{0,6}}?(?:{roles}))?"
    after_source = rf"(?:\s*[{_SLASHES}，,]\s*{after_role}\s*{name}\s*[{_SLASHES}]?\s*{shot})?"
    outlet_suffixes = _alternation(vocab["outlet_suffixes"])
    requests = _alternation(vocab["source_request_prefixes"])
    # `来源:X` starts a line or follows a non-Han character, or closes a request (`转载请注明来源:X`).
    source_start = (
        "(?:(?<![\u4e00-\u9fff])"
        + "".join(f"|(?<={re.escape(prefix)})" for prefix in vocab["source_request_prefixes"])
        + ")"
    )
    return _Patterns(
        source_line=re.compile(
            # Not `图片来源:` or `数据来源:`: the label starts the line or follows a non-Han character.
            # A list of sources (`来源:X、Y`) gives the first.
            rf"{source_start}(?:{source_labels})\s*[:：/／|｜]\s*([^\s:：|｜，,、。;；()（）/／\[【?？]{{2,30}})"
        ),
        date_time=re.compile(
            r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
            r"(?:\s*(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2}))?)?"
        ),
        header_label=re.compile(
            rf"^(?:{_alternation(vocab['header_labels'] + vocab['published_labels'])})\s*[:：]"
        ),
        update_label=re.compile(rf"(?:{_alternation(vocab['update_labels'])})\s*[:：]"),
        # `新华社北京3月5日电`, `齐鲁网·闪电新闻5月20日讯`, `本报讯`, `青禾网讯 `,
        # `明报专讯`, `央视网消息:`. Group `dl` is the dateline.
        dateline=re.compile(
            rf"^(?P<dl>{lead}{{0,24}}?(?:{month_day}|{day_only})(?:专电|电|讯)"
            r"|本报讯|本台讯|本网讯|本报消息|本台消息|本网消息"
            rf"|{lead}{{2,20}}?(?:专讯|讯)(?=[\s(（:：,，]|$|{roles})"  # `某报讯记者X`
            rf"|{lead}{{2,12}}?消息(?=\s*[(（:：])"
            # Not `据某报报道,……`: an attribution inside the lede's sentence, not the page's dateline.
            r")"
        ),
        # `【明报专讯】`, `〔记者林志明/新北报导〕`, `(中央社记者陈怡君台北2日电)`:
        # a bracket that names a dispatch or a reporter.
        bracket_dateline=re.compile(
            r"^(?:【(?P<a>[^】\n]{1,30})】|〔(?P<b>[^〕\n]{1,40})〕|\[(?P<c>[^\]\n]{1,30})\]"
            r"|[(（](?P<d>[^)）\n]{1,40})[)）])"
        ),
        program_paren=re.compile(r"^\s*[(（][^)）\n]{1,12}[)）](?=\s*[:：])"),
        # `(记者 X)`, `(某某日报社全媒体记者 X 通讯员 Y)`: an outlet may come before the role.
        reporter_paren=re.compile(
            rf"^\s*[(（【〔]\s*[\u4e00-\u9fff]{{0,12}}?(?:{roles})[^()（）【】〔〕\n]{{1,60}}[)）】〕]"
        ),
        # A byline is checked in steps (_is_byline), not by one pattern: a
        # repeated group of names separated by optional spaces can backtrack
        # exponentially on a line that almost matches.
        byline_role=re.compile(rf"^[^\s，,。]{{0,12}}?(?:{roles})\s*[:：]?"),
        byline_tail=re.compile(rf"\s*[{_SLASHES}]?\s*(?:{places})?\s*(?:{verbs})\s*$"),
        slash_byline=re.compile(
            # the place: any short name (`台北`, `桃园机场`) before the verb
            rf"(?P<names>[^{_SLASHES}]{{2,30}}?)\s*[{_SLASHES}]\s*[\u4e00-\u9fff]{{0,6}}?\s*"
            r"(?:综合)?(?:外电)?(?:报导|报道|采访报道)"
        ),
        byline_separator=re.compile(rf"[\s、,，]+|{roles}"),
        # `责任编辑:X`, and `编辑 张某` with only a space before the name.
        # `▌责编/某某`, `审稿 | 某某`: an editor's credit with a slash or a bar.
        editor_line=re.compile(
            rf"^[(（【\[]?\s*(?:{editors})\s*(?:[:：]|\s(?=\s*{name}\s*[)）】\]]?\s*$))"
            rf"|^[▌▍|｜]?\s*(?:{_alternation(vocab['slash_editor_labels'])})\s*[/／|｜]\s*{name}\s*$"
        ),
        # `(编辑:黄国华)1060502` glued to the end of the last paragraph.
        editor_tail=re.compile(
            rf"[(（【\[]\s*(?:{editors})\s*[:：][^)）】\]\n]{{1,30}}[)）】\]]\s*\d{{0,8}}\s*$"
        ),
        boilerplate=re.compile(
            _alternation([marker for markers in vocab["boilerplate_kinds"].values() for marker in markers])
        ),
        caption_prefix=re.compile(rf"^(?:{_alternation(vocab['caption_prefixes'])})"),
        caption_credit=re.compile(
            rf"(?:(?:{roles})\s*)?{name}(?:[ 、,，]{name}){{0,3}}"
            rf"\s*(?:{_alternation(vocab['caption_credits'])})\s*[)）]?$"
        ),
        related_label=re.compile(rf"^[【\[]?(?:{_alternation(vocab['related_labels'])})[】\]]?\s*[:：]?\s*$"),
        breadcrumb=re.compile(r"[^›»>\n]{1,16}(?:[›»>][^›»>\n]{1,16}){1,6}"),
        print_footer=re.compile(r"^《\s*(?P<name>[^》\n]{2,12}?)\s*》\s*[(（][^)）\n]{4,40}[)）]\s*$"),
        outlet_prefix=re.compile(rf"^(?:{outlets})"),
        place_suffix=re.compile(rf"(?:{places})$"),
        role=re.compile(roles),
        not_name=re.compile(rf"(?:{_alternation(vocab['not_name_suffixes'])})$"),
        stop_words=re.compile(rf"(?:{_alternation(vocab['byline_verbs'] + vocab['reporter_roles'])})$"),
        marker_kinds=tuple(
            (kind, re.compile(_alternation(markers))) for kind, markers in vocab["boilerplate_kinds"].items()
        ),
        closing_prompt=re.compile(_alternation(vocab["closing_prompts"])),
        # `……划上了句号。(来源:羊城晚报)`: a source line glued to a paragraph's end.
        source_tail=re.compile(
            rf"[(（【\[]\s*(?:{requests})?(?:{source_labels})\s*[:：]\s*[^()（）【】\[\]\n]{{1,30}}[)）】\]]\s*$"
            # `……干部。来源/某某网`: unbracketed, after a sentence's end.
            rf"|(?<=[。！？!?”」])\s*(?:{source_labels})\s*[:：/／]\s*[^\s:：/／，,。()（）]{{2,20}}\s*$"
        ),
        source_labels=_cores(vocab["source_labels"]),
        # `…泪。鲜果网(xaniguo.com)`: a site named with its domain closes a repost.
        site_tail=re.compile(
            r"(?<=[。！？!?”」])\s*[\u4e00-\u9fff]{2,10}[(（][a-z0-9.-]+\.(?:com|cn|net|org|tw|hk)[)）]\s*$"
        ),
        # `(侯某、汤某/高雄报导)`, `〔记者X/台北报导〕`, `(娱乐中心/综合报导)` closing a paragraph.
        closing_byline=re.compile(
            rf"[(（〔【\[][^()（）〔〕【】\[\]\n]{{2,30}}?[{_SLASHES}][^()（）〔〕【】\[\]\n{_SLASHES}]{{0,8}}?"
            r"(?:报导|报道)[)）〕】\]]\s*$"
            rf"|[(（](?:{roles})\s*[^()（）\n]{{2,30}}[)）]\s*$"
        ),
        # `……。(李某)`: a name in brackets signs the last paragraph.
        # `……。(数据宝 周某)`, `……。(张某 李某)`: the source before the names, spaced.
        signature=re.compile(
            rf"(?<=[。！？!?”」])\s*[(（]\s*(?:(?P<source>[\u4e00-\u9fff]{{2,8}})\s+)?"
            rf"(?P<name>[\u4e00-\u9fff·]{{2,9}}(?:\s+{name}){{0,2}})\s*[)）]\s*$"
        ),
        # `……指数情况。(某某文明网)`: an outlet in brackets closes the story it came from.
        source_signature=re.compile(
            rf"(?<=[。！？!?”」])\s*[(（]\s*(?!翻摄|取自|截自|截图|摘自|图)"
            rf"(?P<name>[\u4e00-\u9fff]{{1,10}}(?:{outlet_suffixes}))\s*[)）]\s*$"
        ),
        # `报导•摄影╱张某`, `文/张某`, `撰文╱张某`: the writer's credit, glued to a paragraph.
        credit_byline=re.compile(
            rf"(?:报导|报道|采访|撰文|文字?)(?:\s*[{_CREDIT_JOINERS}]\s*(?:摄影|图))?\s*[{_SLASHES}]\s*"
            rf"(?P<names>{name}(?:[、,，]{name}){{0,3}})\s*$"
        ),
        # `……退出校园。(主妇联盟提供)`: a photo credit closing a caption.
        credit_tail=re.compile(
            r"[(（](?:[^()（）\n]{0,16}?(?:提供|摄|摄影|供图|资料照片?)|(?:翻摄|取自|截自|截图自)[^()（）\n]{1,16}"
            r"|\s*[Pp]hoto\s+by\s[^()（）\n]{1,30})[)）]\s*$"
        ),
        # `。图/全家提供`, `。(图/消防局提供)`: a picture credit after a caption sentence.
        picture_credit=re.compile(
            rf"(?<=[。！？!?])\s*(?:"
            # `图/TOM FORD提供`: a Latin name with spaces runs to its 提供.
            rf"[(（]?图\s*[{_SLASHES}]\s*[A-Za-z0-9][A-Za-z0-9 .&'-]{{0,24}}?提供[)）]?"
            rf"|[(（]?图\s*[{_SLASHES}]\s*[^\s。，,()（）]{{1,16}}[)）]?"
            # `……撻伐。圖擷自 推特`: where the picture was taken from.
            rf"|图\s*(?:撷|截|取|翻摄)自\s*[^\s。，,]{{1,16}}(?:\s*[,，][^。！？!?\n]{{1,12}}[。]?)?(?=\s|$)"
            # `……霧茫茫。記者X／攝影 苗栗縣……`, `……柯文哲。聯合報系資料照／記者X攝影`,
            # `……提勒森。路透 美國……`, `……突破20億。資料來源：Statista`: a credit after a
            # caption sentence, closing the line or followed by a space and the story.
            # `联合报系资料照，记者X／摄影`, `示意图／记者X摄影`, `某报系记者X／摄影`, `东京特派记者X／摄影`.
            rf"|{credit_source}{after_source}(?=\s|$)"
            rf"|(?:{roles})\s*{name}\s*[{_SLASHES}]?\s*{shot}(?=\s|$)"
            rf"|{reporter_shot}(?=\s|$)"
            # `……射伤右眼。引自某某日报`: the outlet the picture was taken from.
            rf"|(?:{_alternation(vocab['picture_from_labels'])})\s*[^\s。，,()（）]{{2,16}}(?=\s|$)"
            rf"|(?:{_alternation(vocab['data_source_labels'])})\s*[:：]\s*[^\s。，,]{{1,24}}(?=\s|$)"
            r")"
        ),
        # `美联社 美国总统……`, `报系资料照 某公司……`: a credit opening a line, then the story.
        # `记者X/摄影 迎接暑假……`, `图/某大学提供 第二名……`: the reporter's or a provider's credit too.
        # `图/报系资料照片 第12届……`, `某学会提供 俗称……`, and a line that is only `图/翻摄自X`.
        leading_credit=re.compile(
            rf"\s*(?:{credit_source}{after_source}|{reporter_shot}"
            # `图/撷取自Vectra Networks, Inc.脸书 官员……`: a Latin name with spaces.
            rf"|图\s*[{_SLASHES}]\s*[\u4e00-\u9fff]{{0,4}}[A-Za-z][A-Za-z0-9 .,&'-]{{0,40}}?"
            r"[A-Za-z.][\u4e00-\u9fff]{1,4}"
            rf"|图\s*[{_SLASHES}]\s*(?!文)[^\s。，,()（）]{{1,20}}|[\u4e00-\u9fff]{{2,10}}提供)(?=\s|$)"
        ),
        # `报导/刘某 摄影/陈某 部分图片/业者提供`: a line of credits.
        credit_line=re.compile(
            rf"^(?:\s*(?:报导|报道|文字?|撰文|撰稿|采访|摄影|图|部分图片|编辑|排版)\s*[{_SLASHES}|｜]\s*"
            rf"[^\s{_SLASHES}|｜]{{1,12}}){{1,4}}\s*$"
        ),
        glued_caption=re.compile(
            rf"(?<=[。！？!?)】\]])\s*(?:{_alternation(vocab['caption_prefixes'])})(?=.*(?:摄|提供|供图)\s*$)"
        ),
        # `新快报讯 记者 罗某 实习生 葛某 报道 施工……`: reporters between dateline and story.
        inline_byline=re.compile(
            # `珠江商报讯记者何某某通讯员谭某某报道:近日……`: roles between the names need no space;
            # `南都讯 记者程某 某区法院……`: a name and a space, no verb.
            rf"\s*(?:{roles})\s*{name}(?:(?:\s+(?:(?:{roles})\s*)?|\s*(?:{roles})\s*){name}){{0,7}}"
            rf"(?:\s*(?:报道|报导|采写)(?:\s*[:：]|(?=\s|$))|(?=\s))"
        ),
        # `更多内容，点击“阅读原文”进入某某app`, `长按二维码关注`, `点击上方“某某发布”可以订阅哦`: a
        # sentence pushing an app, a channel or a subscription. The action opens the sentence or its
        # clause (`更多内容，`, `请`, a button's `赞赏`): a story's `市民可下载某某app预约` is none.
        plug=re.compile(
            rf"(?:[^。！？!?\n]{{0,6}}?[,，:：\s])?(?:{_alternation(vocab['plug_lead_ins'])})?"
            rf"(?:{_alternation(vocab['plug_actions'])})"
            rf"[^。！？!?\n]{{0,16}}?(?:{_alternation(vocab['plug_channels'])})[^。！？!?\n]{{0,20}}"
            r"(?:[。！？!?]+|$)"
        ),
        plug_channel=re.compile(_alternation(vocab["plug_channels"])),
        # `……分享。来自【某某吧】…`, `上传来自: android客户端`: where a forum post was sent from.
        forum_source=re.compile(rf"(?:{'|'.join(vocab['forum_source_tails'])})\s*$"),
        # `。趙某攝`, `。翻攝某網站`, `)翻攝YouTube`: a photo credit glued after a caption sentence
        # (or a closing byline), with no space before the next caption.
        glued_credit=re.compile(
            rf"(?<=[。！？!?”」)）])(?:{name}\s*(?:摄影|摄(?!影)|提供)"
            r"|翻自\s*《[^《》\n]{1,12}》"  # `翻自《某报》`: a picture copied from a paper
            rf"|翻摄自?\s*[\u4e00-\u9fff]{{0,6}}?"
            rf"(?:[A-Za-z][A-Za-z0-9]*(?:[\u4e00-\u9fff]{{0,6}}?(?:{sites}))?|{sites}))(?=[^\s。！？!?，,]|$)"
        ),
        # `图片来源网络，侵权联系删除`, `（以上图片来源于网络）`, `图片来自于网络，与正文无关`: the page's
        # pictures credited to "the web", anywhere in a paragraph.
        # Standing on its own (not after a word: `这些图片来自网络论坛` is a story's), or with its
        # disclaimer after it.
        picture_disclaimer=re.compile(
            rf"(?<![\u4e00-\u9fff]){web_pictures}{web_disclaimer}{{0,2}}[)）]?"
            rf"|{web_pictures}{web_disclaimer}{{1,2}}[)）]?"
        ),
        # `点击左上方蓝字“某某网”快速关注2月7日……`: a follow prompt glued before the story.
        opening_prompt=re.compile(
            rf"^(?:{_alternation(vocab['opening_prompts'])})[^。！？!?\n]{{0,24}}?关注(?:我们)?[!！。]?"
        ),
        # `本文来自大风号,仅代表……观点。`: a repost names where it came from.
        closing_source=re.compile(r"^\s*本文(?:来自|转自|转载自)\s*[:：]?\s*([^\s:：,，。;；()（）]{2,20})"),
        # `更多热文紧急通知!……`: the label glued to the first link's headline.
        related_start=re.compile(rf"^[【\[]?(?:{_alternation(vocab['related_labels'])})[】\]]?\s*[:：]?"),
        # `［详细］［图集］`: a link with the gallery link after it.
        related_tail=re.compile(
            # `…[详细] [更多消息] …[图集]`, `[详细][主办方官方网站]`: the links closing a teaser,
            # and the outlet a digest credits it to (`[详细](新京报)`)
            r"[\[【]\s*(?:详细|详情|更多|全文)\s*[\]】](?:\s*…*\s*[\[【][^\[\]【】\n]{1,12}[\]】])*"
            r"(?:\s*[(（][\u4e00-\u9fff]{2,10}[)）])?\s*$"
        ),
        # Each kind with the words one of its tails must contain (a cheap test before the pattern).
        glued_tails=tuple(
            (kind, re.compile(rf"(?:{'|'.join(patterns)})\s*$"), tuple(vocab["glued_tail_words"][kind]))
            for kind, patterns in vocab["glued_tails"].items()
            if "/" not in kind
        ),
        # The page's closing credits, contacts and links glued after a sentence, looked for on the
        # last few body lines only: one pattern, a named group per kind, behind one word test.
        closing_tails=re.compile(
            "(?:"
            + "|".join(
                rf"(?P<{kind}>{'|'.join(patterns)})" for kind, patterns in vocab["closing_tails"].items()
            )
            + r")\s*$"
        ),
        closing_tail_words=re.compile(_alternation(vocab["closing_tail_words"])),
        # `教部:不可强制学生使用〔记者X/台北报导〕`: a deck glued before the dateline bracket.
        head_before_bracket=re.compile(
            r"^(?P<head>[^\s。！？!?，,【〔\[(（](?:[^\n。！？!?，,【〔\[(（]{0,38}?[^\s。！？!?，,【〔\[(（])?)\s*"
            r"(?=[【〔\[][^】〕\]\n]{2,40}?(?:报导|报道|电|讯)[】〕\]])"
        ),
        # `国际中心/综合报导`, `记者张某/台北报导` opening the text without a bracket.
        desk_dateline=re.compile(
            rf"^(?P<dl>[^\s，,。(（【〔{_SLASHES}]{{2,12}}[{_SLASHES}]\s*(?:{places})?(?:综合|外电|连线)?(?:报导|报道)|[^\s，,。(（【〔{_SLASHES}]{{2,12}}[{_SLASHES}]\s*(?:特稿|专访|专题))"
        ),
        story_labels=frozenset(vocab["story_labels"]),
        editor_note=re.compile(
            rf"^[(（【\[]\s*(?:{_alternation(vocab['editor_note_labels'])})\s*[:：][^()（）【】\[\]\n]{{0,60}}[)）】\]]"
            # `(新增影片)`, `【新增影片】`, `(11:53新增影片)`: an update note needs no colon.
            rf"|^[(（【\[]\s*(?:\d{{1,2}}[:：]\d{{2}}\s*)?(?:{_alternation(vocab['editor_update_labels'])})"
            rf"(?!时间|日期)[^()（）【】\[\]\n:：]{{1,20}}[)）】\]]"
            rf"|^(?:{_alternation(vocab['editor_note_openers'])})\s*[:：].*$"
            # `更新：增加内文、照片 台湾首间……`: unbracketed, a space before the story.
            rf"|^更新\s*[:：]\s*(?:{_alternation(vocab['editor_update_labels'])})[^\s。！？!?]{{1,20}}(?=\s)"
        ),
        # `在北韩试射飞弹后，……更强硬措施。美联社 美国与…`: a caption and its agency credit open the text.
        agency_caption=re.compile(
            rf"^(?P<caption>[^。！？\n]{{8,160}}[。！？])\s*(?P<credit>{agencies})(?=\s)"
        ),
        time_line=re.compile(
            rf"^(?:(?P<published>{_alternation(vocab['time_line_labels'])})|{_alternation(vocab['footer_time_labels'])})"
            r"\s*[:：]?\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*)?"
            r"(?P<hour>\d{1,2})\s*[:：]\s*(?P<minute>\d{2})"
        ),
        photo_credit=re.compile(
            rf"^(?:(?:{roles})?\s*{name}\s*[{_SLASHES}]?\s*(?:翻?摄影?|提供)|翻摄\S{{0,12}}|(?:摄影|图)\s*[{_SLASHES}]\s*\S{{1,12}}"
            rf"|{agencies}(?:提供)?|以上图片\S{{0,16}}|图片\S{{0,4}}提供\S{{0,8}})$"
        ),
        desk_prefix=re.compile(
            rf"^\S{{1,6}}?(?:{_alternation(vocab['desk_suffixes'])})(?=[\u4e00-\u9fff]{{2,4}}$)"
        ),
        # `(详见本报3月2日A5版报道)`, `(转载请注明来源:X)`: bracketed notes anywhere in a paragraph.
        inline_note=re.compile(
            rf"[(（]\s*(?:(?P<note>(?:{_alternation(vocab['cross_reference_openers'])})[^()（）\n]{{1,30}})"
            rf"|(?P<source>(?:{requests})(?:{source_labels})\s*[:：][^()（）\n]{{1,30}}))[)）]"
        ),
        # `(更新时间戳: 1705063907343)`: a machine time stamp.
        stamp_line=re.compile(
            rf"^[(（]?\s*(?:{_alternation(vocab['timestamp_labels'])})\s*[:：]?\s*\d{{10,13}}\s*[)）]?$"
        ),
        # `基金会编号A3939`, `稿件编号：2019-118`: an ID line, with or without a colon.
        id_line=re.compile(
            rf"^[\u4e00-\u9fff]{{0,6}}(?:{_alternation(vocab['id_labels'])})\s*[:：]?\s*[A-Za-z]{{0,2}}\d[\d-]{{0,19}}$"
        ),
        # `收据`, `开户银行`, `免付费电话`: the words of a donation or service notice.
        notice_marker=re.compile(_alternation(vocab["notice_markers"])),
        # `注 意近日，……`: a kicker label spaced out letter by letter, opening a line.
        spaced_kicker=re.compile(
            "^(?:"
            + "|".join(r"\s+".join(map(re.escape, word)) for word in vocab["kicker_labels"])
            + r")(?=\s*[\u4e00-\u9fff“「])"
        ),
        # `【某基金会作业说明】`: the bracketed title over such a notice.
        notice_title=re.compile(
            rf"^[【\[〔][^】\]〕\n]{{0,16}}(?:{_alternation(vocab['notice_title_words'])})[】\]〕]$"
        ),
        source_value_stop=re.compile(_alternation(vocab["source_value_stops"])),
        # the next label's word closing a source value that ran into it (`某报编辑` of `来源：某报编辑：X`)
        label_tail=re.compile(rf"(?:{_alternation(vocab['editor_labels'] + vocab['reporter_roles'])})$"),
        # `……走势。 某机构估年底9975点不过,在……`: a print page's subheading glued before its
        # paragraph's opening connective (`不过,`, `对此,`), at a line start or after a sentence end.
        glued_subhead=re.compile(
            r"(?:^|(?<=[。！？!?”」]))\s*(?P<head>[^\s,，。！？!?：:；;、()（）【】\[\]]{4,18})$"
        ),
        subhead_opener=re.compile(rf"(?:{_alternation(vocab['subhead_paragraph_openers'])})[,，]"),
        subhead_openers=tuple(f"{word}," for word in vocab["subhead_paragraph_openers"]),
        # `基金的管理和使用：` on its own line: a label naming what the paragraph under it is about,
        # not a sentence's lead-in (`分别是：`, `他表示：`).
        colon_label_heading=re.compile(
            "".join(f"(?<!{re.escape(word)})" for word in vocab["colon_lead_in_endings"]).join(
                [r"[^,，。！？!?：:；;、\s]{2,14}", "[：:]"]
            )
        ),
        # `……第7版【案例要旨】`: a bracketed section label closing a paragraph, the next one under it.
        closing_label=re.compile(r"(?<=\S)\s*(?P<label>【[^【】\s,，。！？!?：:；;、]{2,10}】)\s*$"),
        # `※本片由某台授权首播,未经同意不得转载`: a marked notice whose words are a copyright's.
        marked_notice=re.compile(
            rf"(?:{_alternation(vocab['notice_marks'])})[^。！？!?\n]{{0,60}}?"
            rf"(?:{_alternation(vocab['boilerplate_kinds']['copyright'])})"
        ),
        page_chrome_label=re.compile(rf"\s*(?:{_alternation(vocab['page_chrome_labels'])})\s*[:：]"),
    )


# ---------------------------------------------------------------------------
# publication time


def parse_published(value: str | None, tz: dt.tzinfo = DEFAULT_TZ) -> tuple[dt.datetime | None, str | None]:
    """An ISO 8601 date/datetime (reduced precision allowed: `2021`, `2019-02-18T07`)
    or a Chinese date such as `2020年5月20日 11:09` -> (aware datetime, precision)."""
    if not value:
        return None, None
    text = value.strip().translate(_WIDTH_FOLD)
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
    """ISO 8601 at the precision the source gave; a time always carries seconds
    (RFC 3339: `2021-07-08T09:30:00+08:00`, not `…T09:30+08:00`)."""
    if stamp is None:
        return None
    if precision == "year":
        return f"{stamp.year:04d}"
    if precision == "month":
        return f"{stamp.year:04d}-{stamp.month:02d}"
    if precision == "day":
        return stamp.date().isoformat()
    return stamp.isoformat(timespec="seconds")


# ---------------------------------------------------------------------------
# lines


@dataclass
class _Line:
    """A line of the text, or a piece of one: glued pages put several paragraphs,
    a byline or a caption on one line."""

    start: int
    end: int
    text: str
    blank_before: bool
    role: str = "body"  # header | title | byline | boilerplate | heading | body
    kind: str | None = None  # the block kind, where the role alone does not say it


def _split_lines(cleaned: CleanedText) -> list[_Line]:
    text = cleaned.text
    indented = "\u3000\u3000" in cleaned.source and (
        len(_INDENTED_PARAGRAPH.findall(cleaned.source)) >= INDENTED_PARAGRAPHS_MIN
        or len(_INDENTED_SUBHEAD.findall(cleaned.source)) >= INDENTED_PARAGRAPHS_MIN
    )
    lines = []
    offset = 0
    blank = True
    for raw in text.split("\n"):
        if raw.strip():
            line = _Line(offset, offset + len(raw), raw, blank_before=blank)
            lines.extend(_split_glued(line, cleaned, indented=indented))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
    return lines


# A space after a sentence end or a closing bracket, or before an opening one,
# separates paragraphs that a crawler glued onto one line (`……报导) 出版时间`);
# only between Chinese text (not `(SIMS) U-Pb`, `Yahoo! Japan`, `(20 nm) (80 nm)`).
_GLUED_BREAK = re.compile(
    r"(?:(?<=[。！？!?…])|(?<=[。！？!?…][」』”’])|(?<=[\u4e00-\u9fff][)）】〕\]]))"
    r"\s+(?=[\u3000-\u9fff【〔「“(（])|\s+(?=[【〔])"
    # `……没看到。(记者罗某)一例一休……`: a reporter's bracket between a story and a caption.
    r"|(?<=[。！？])(?=[(（]记者[\u4e00-\u9fff·]{2,3}[)）])"
    r"|(?<=[。！？][(（]记者[\u4e00-\u9fff·]{2}[)）])(?=\S)|(?<=[。！？][(（]记者[\u4e00-\u9fff·]{3}[)）])(?=\S)"
)
# Every break above is a run of spaces or sits next to `(记者`: where neither occurs, none does.
_SPACE = re.compile(r"\s")
# A neighbour link glued between paragraphs, set off by runs of spaces.
_GLUED_NEIGHBOUR_LINK = re.compile(r"(^\s*|\s+)[上下]一[篇页]\s*[:：]\s*\S{1,40}?(\s+|\s*$)")
GLUED_MIN_CHARS = 80  # shorter lines are headlines and credits, whose spaces are their own


# A portal page that indents its paragraphs with two ideographic spaces (`……。　　下周……`) and
# lost its line breaks: in such a line every such run is a paragraph break, also after a
# subheading (`……。　　某某最高　　数据显示……`) or a source line (`来源:X[2017年…]　　通告……`).
# Cleaning folds the run to one space; the source tells it from a plain space.
INDENTED_PARAGRAPHS_MIN = 2  # one such run may be a label's spacing (`审判员　　某某`)
_INDENTED_PARAGRAPH = re.compile(r"[。！？!?”」] ?\u3000\u3000")
# `……走你　　2、某某　　高速路上……`: numbered subheads standing between such runs (the runs, not a
# sentence's end, close the paragraph before them) mark the page as indented too.
_INDENTED_SUBHEAD = re.compile(
    r"(?:^|\u3000\u3000)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*、[^\u3000\n。！？!?；;，,]{2,23}\u3000\u3000",
    re.MULTILINE,
)


def _indent_breaks(line: _Line, cleaned: CleanedText) -> list[tuple[int, int]]:
    """Spans (in `line.text`) of the spaces that were a run of two or more ideographic spaces."""
    source, index = cleaned.source, cleaned.source_index
    found = []
    for space in re.finditer(r" +", line.text):
        at = line.start + space.start()
        after = line.start + space.end()
        end = index[after] if after < len(index) else len(source)
        if "\u3000\u3000" in source[index[at] : end]:
            found.append(space.span())
    return found


def _neighbour_link_breaks(line: _Line, cleaned: CleanedText) -> list[tuple[int, int]]:
    """`……机器。  上一篇：某标题    可想而知……`: the spaces around a neighbour link that a
    page set off with runs of spaces (one space in the cleaned text), at any line length."""
    source, index = cleaned.source, cleaned.source_index
    found = []
    for link in _GLUED_NEIGHBOUR_LINK.finditer(line.text):
        start, end = link.span(2)
        if end < len(line.text):
            at, after = line.start + start, line.start + end
            if len(source[index[at] : index[after]].strip(" \t\u3000\xa0")) or index[after] - index[at] < 2:
                continue  # one space: the link's title goes on
        found += [link.span(1), link.span(2)]
    return found


def _glued_breaks(text: str) -> Iterator[re.Match[str]]:
    """`_GLUED_BREAK`'s matches in `text`, looked for only from where one can start: the
    first space, or the bracket before the first `记者` (its lookbehinds still see before)."""
    starts = []
    space = _SPACE.search(text)
    if space:
        starts.append(space.start())
    reporter = text.find("记者")
    if reporter >= 0:
        starts.append(max(reporter - 1, 0))
    if not starts:
        return iter(())
    return _GLUED_BREAK.finditer(text, min(starts))


def _split_glued(line: _Line, cleaned: CleanedText, *, indented: bool) -> list[_Line]:
    """`indented`: the page indents paragraphs with ideographic spaces."""
    links = _neighbour_link_breaks(line, cleaned) if "一篇" in line.text or "一页" in line.text else []
    if len(line.text) < GLUED_MIN_CHARS and not links:
        return [line]
    breaks = sorted([found.span() for found in _glued_breaks(line.text)] + links)
    if indented and " " in line.text:
        breaks = sorted(breaks + _indent_breaks(line, cleaned))
    pieces = []
    cursor = 0
    for start, end in breaks:
        if start > cursor:
            pieces.append((cursor, start))
        cursor = max(cursor, end)
    pieces.append((cursor, len(line.text)))
    if len(pieces) == 1:
        return [line]
    return [
        _Line(line.start + s, line.start + e, line.text[s:e], blank_before=line.blank_before or i > 0)
        for i, (s, e) in enumerate(pieces)
        if line.text[s:e].strip()
    ]


def _carved(line: _Line, marks: Iterable[tuple[int, int, str, str | None]]) -> list[_Line]:
    """`line` cut at `marks` (start, end, role, kind; offsets into its text, in order; a mark
    that starts inside the one before is skipped): the text around them is body, blank pieces
    left out, and the first piece keeps the line's blank line before it."""
    text = line.text
    pieces: list[_Line] = []
    cursor = 0
    for start, end, role, kind in marks:
        if start < cursor:
            continue
        if text[cursor:start].strip():
            pieces.append(_Line(line.start + cursor, line.start + start, text[cursor:start], False))
        pieces.append(_Line(line.start + start, line.start + end, text[start:end], False, role, kind))
        cursor = end
    if text[cursor:].strip():
        pieces.append(_Line(line.start + cursor, line.end, text[cursor:], False))
    if pieces:
        pieces[0].blank_before = line.blank_before
    return pieces


def _cut(line: _Line, at: int, role: str, kind: str | None = None) -> tuple[_Line, _Line]:
    """`line` split at `at` (an offset into its text): the head keeps the line's
    role, the tail takes `role`/`kind`."""
    head = _Line(line.start, line.start + at, line.text[:at], line.blank_before, line.role, line.kind)
    tail = _Line(line.start + at, line.end, line.text[at:], False, role, kind)
    return head, tail


def _is_header_line(line: str) -> bool:
    patterns = _patterns()
    source = patterns.source_line.search(line)
    # A source glued after a sentence (`……句号。(来源:X)`) closes a paragraph: the line is story.
    if source and not re.search(r"[。！？!?]", line[: source.start()]):
        return True
    if patterns.header_label.match(line) or _is_breadcrumb(line):
        return True
    date = patterns.date_time.search(line)
    # A line that is mostly a date (a timestamp line) and not a sentence.
    return bool(date and len(line) - (date.end() - date.start()) <= 12 and not _ends_sentence(line))


def _is_breadcrumb(line: str) -> bool:
    """`香港01 › 港闻 › 社会新闻`, `首页 > 新闻 > 国内`: short segments, no sentence."""
    stripped = line.strip()
    return (
        len(stripped) <= 60
        and not _ends_sentence(stripped)
        and bool(_patterns().breadcrumb.fullmatch(stripped))
        and not re.search(r"[，,。:：]", stripped)
    )


def _breadcrumb_source(line: _Line) -> tuple[int, int] | None:
    """The span of a breadcrumb's first segment when it names a known outlet."""
    first = re.split(r"[›»>]", line.text, maxsplit=1)[0]
    name = first.strip()
    if name in load_json("article.json")["breadcrumb_skip"] or not _patterns().outlet_prefix.fullmatch(name):
        return None
    start = line.start + line.text.index(name)
    return start, start + len(name)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _ends_title(line: str) -> bool:
    """A headline may end in ！ or ？ (`警惕！`), never in 。 or ；."""
    stripped = line.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in "。；;…"


def _is_boilerplate(line: str) -> bool:
    return bool(_patterns().boilerplate.search(line))


def _is_byline(line: str) -> bool:
    """`记者 刘晨 冯振弘 报道`, `闪电新闻记者 X`, `(记者 X)`, `〔记者X/新北报导〕`,
    `撰文:X`, `记者 X 通讯员 Y`, or an editor line (`责任编辑:X`). Only short lines."""
    if len(line) > BYLINE_MAX_CHARS:
        return False
    patterns = _patterns()
    if patterns.editor_line.match(line):
        return True
    text = line.strip().lstrip("(（〔【[ ").rstrip(")）〕】] ")
    if _name_role_credits().match(text) or _outlet_report().match(text):
        return True
    role = patterns.byline_role.match(text)
    if not role:
        return False
    rest = patterns.byline_tail.sub("", text[role.end() :])
    names = [token for token in patterns.byline_separator.split(rest) if token]
    if not names or not all(_NAME.fullmatch(token) for token in names):
        return False
    # `某某网5月23日讯(记者 X)`: a dateline and its reporters, which the opening reads.
    return not patterns.dateline.match(line.strip())


@cache
def _outlet_report() -> re.Pattern[str]:
    """`某某新闻网综合报道`: the outlet that compiled the story, on a line of its own."""
    suffixes = _alternation(load_json("article.json")["outlet_suffixes"])
    return re.compile(rf"^[\u4e00-\u9fff]{{1,10}}(?:{suffixes})(?:综合)?(?:报道|报导)$")


@cache
def _name_role_credits() -> re.Pattern[str]:
    """`《某刊》记者 张某/文 李某/编辑`: names each followed by what they did."""
    roles = _alternation(load_json("article.json")["reporter_roles"])
    credit = rf"[\u4e00-\u9fff·]{{2,4}}\s*[{_SLASHES}]\s*(?:文|图|摄影?|编辑|责编|撰文|整理)"
    return re.compile(rf"^(?:[^。！？\n]{{0,16}}?(?:{roles})\s*)?{credit}(?:\s+{credit}){{0,3}}$")


_NUMBERED_PICTURE = re.compile(r"[(（]?图\s*\d{1,2}(?:[)）]|\s*[:：])")  # `图1:…`, `(图5)`


def _is_caption(line: str) -> bool:
    """Photo captions: `图为…`, `▲…`, `图1:…`, `(图5)`, a line pointing down at its
    picture (`孩子摔倒在地▼`), or a line ending in a photo credit (`记者 X 摄`)."""
    stripped = line.strip()
    if len(stripped) > CAPTION_MAX_CHARS:
        return False
    patterns = _patterns()
    return bool(
        patterns.caption_prefix.match(stripped)
        or patterns.caption_credit.search(stripped[-24:])
        or _NUMBERED_PICTURE.match(stripped)
        or stripped.endswith(("▼", "↓", "⬇"))
    )


def _is_widget_line(line: str) -> bool:
    """Page furniture near the header: `【字号:大 中 小】【打印】【关闭】`, `分享到:…`."""
    stripped = line.strip()
    return len(stripped) <= 60 and not _ends_sentence(stripped) and _is_boilerplate(stripped)


def _reporters_in(text: str) -> list[str]:
    """Names after a reporter role: `记者 刘晨 冯振弘`, `(记者 王某某 李某)`, `记者张三/台北报导`."""
    patterns = _patterns()
    names: list[str] = []
    for role in patterns.role.finditer(text):
        rest = text[role.end() :]
        rest = re.split(rf"[)）〕】{_SLASHES}\n。]", rest, maxsplit=1)[0]
        rest = patterns.role.split(rest, maxsplit=1)[0]  # `何某通讯员谭某`: the next role's names are its own
        rest = _NOT_WRITERS.split(rest, maxsplit=1)[0]  # `记者 李某 编辑 佳某`: the editor is no reporter
        rest = rest.split("图片由", 1)[0]  # `实习生李某图片由受访者提供`: the pictures' credit after the name
        # `记者:张 菁`: one name after a colon, its characters spaced out by the page.
        rest = _SPACED_NAME.sub(r"\1\2", rest)
        rest = patterns.stop_words.sub("", rest.strip())
        for chunk in re.split(r"[\s、,，:：]+|和|与", rest):
            chunk = chunk.strip("·")
            chunk = patterns.place_suffix.sub("", chunk) if len(chunk) > 3 else chunk
            chunk = patterns.stop_words.sub("", chunk)
            chunk = re.sub(r"\d.*$", "", chunk)  # 张三台北2日电 -> 张三台北 -> 张三
            chunk = patterns.place_suffix.sub("", chunk) if len(chunk) > 3 else chunk
            # `陈某杨某`: two names a list printed without a space between them.
            for name in (_glued_names(chunk) if 4 <= len(chunk) <= 6 else []) or [chunk]:
                if _is_name(name) and not patterns.stop_words.fullmatch(name) and name not in names:
                    names.append(name)
    return names


_LABELLED_REPORTER = re.compile(r"记者\s*[:：]")
_SPACED_NAME = re.compile(r"^(\s*[:：]\s*[\u4e00-\u9fff])[ \u3000]([\u4e00-\u9fff]{1,2})\s*$")
_NOT_WRITERS = re.compile(r"责任编辑|编辑|责编|校对|审核|审校|监制|主编|统筹|摄影|制作")


def _is_name(token: str) -> bool:
    """2-4 Han characters that do not end like an organisation (`政治中心`, `采访组`)."""
    return bool(_NAME.fullmatch(token)) and not _patterns().not_name.search(token)


def _slash_names(text: str) -> list[str]:
    """Reporters named before a slash without a role word: `吴某、陈某/台北报导`."""
    found = _patterns().slash_byline.fullmatch(text.strip())
    if not found:
        return []
    names = [
        _patterns().desk_prefix.sub("", token)
        for token in re.split(r"[、,，\s]+", found.group("names"))
        if token
    ]
    # `特勤组、赵某某/台北报导`: a desk named before the reporters is no reporter.
    people = [name for name in names if not _is_desk(name)]
    return people if people and all(_is_name(name) for name in people) else []


def _is_desk(token: str) -> bool:
    """`特勤组`, `即时新闻中心`: a unit named in a byline, 2-8 Han characters ending like one."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", token)) and bool(_patterns().not_name.search(token))


def _add_reporters(article: Article, text: str, more: list[str] | None = None) -> None:
    for name in _reporters_in(text) + (more or []):
        if name not in article.reporters:
            article.reporters.append(name)


# ---------------------------------------------------------------------------
# parse


def parse_article(
    doc: RawDocument,
    cleaned: CleanedText | None = None,
    *,
    tz: dt.tzinfo = DEFAULT_TZ,
) -> Article:
    """Split one decoded article into blocks, and read its metadata off them.

    The order of the steps matters: the header (lines before the body: title,
    source and date lines, breadcrumbs, bylines, page widgets) and the footer
    (walking up from the end) are taken first, then related-article blocks,
    captions and bylines between paragraphs; then what a crawler glued onto a
    paragraph (a closing byline, a source, a credit) is cut off it anywhere in
    the text; what follows a closing byline is page furniture; the dateline
    opens the first body line; headings are the short lines left between body
    paragraphs."""
    if doc.text is None:
        raise ValueError("parse_article needs a document with text")
    cleaned = cleaned or clean_text(doc.text)
    text = cleaned.text
    article = Article(doc=doc, cleaned=cleaned)
    lines = _split_labelled_items(
        _split_dated_items(_split_numbered_items(_split_layout_glyphs(_split_lines(cleaned))))
    )
    patterns = _patterns()
    record_title = clean_text(doc.title).text if doc.title else None

    _mark_repeated(lines)
    _mark_header(lines, article, tz, record_title)
    _mark_footer(lines, article, tz)
    _mark_related(lines)
    _mark_inner(lines)
    lines = _carve(_split_inline_notes(lines))
    _mark_after_closing_byline(lines)
    _mark_closing_credit_lines(lines)
    lines = _split_page_credit_tail(_split_caption_boxes(_split_time_line_tails(lines)))
    lines = _split_caption_run_lines(lines)
    _mark_page_chrome(lines)
    _mark_recurring_captions(lines)
    _mark_closing_link_run(lines)
    _mark_closing_widgets(lines)
    lines = _take_opening(lines, article)
    _mark_opening_caption(lines, article)
    lines = _split_two_part_subheads(_split_glued_subheads(lines, text), text)
    lines = _split_glued_numbered_subheads(lines, text)
    _mark_data_source_lines(lines)
    body = [line for line in lines if line.role == "body"]
    # A deck at the head that opens a numbered list (1, 2, 3 at line starts) is a roundup's first headline.
    numbered_deck = [line for line in lines if line.role == "heading" and _opens_numbered_list(line, lines)]
    if not _mark_roundup(
        [line for line in lines if line.role == "body" or line in numbered_deck], article, lines
    ):
        _mark_headings(body)
        _mark_opening_photo_captions(lines, article)
    _mark_caption_headings(lines, text)
    _mark_item_titles(lines, record_title)
    tails = [tail for line in body if (tail := _editor_tail(line))]

    pieces: list[tuple[int, int, str]] = []
    time_lines: list[str] = []
    byline_outlet: str | None = None  # `（某报记者 X）`: the inside of a bracketed byline
    for line in lines:
        span = (line.start, line.end)
        kind = _kind_of(line)
        if line.role == "heading":
            article.heading_spans.append(span)
            article.headings.append(cleaned.display(*span))
        elif line.role == "byline":
            if kind == "byline":
                article.byline_spans.append(span)
                more = _slash_names(_unbracket(line.text)) + _credit_names(line.text)
                signed = _SIGNATURE_LINE.fullmatch(line.text)
                if signed:
                    names = _signature_names(signed)
                    more += names
                    source = signed.group("source")
                    if names and source and source not in names and article.source is None:
                        article.source = cleaned.display(
                            line.start + signed.start("source"), line.start + signed.end("source")
                        )
                bracketed = _BRACKETED_BYLINE.fullmatch(line.text)
                if bracketed and byline_outlet is None:
                    byline_outlet = bracketed.group("inner")
                outlet = _OUTLET_BYLINE.match(line.text)
                if outlet and article.source is None:
                    article.source = cleaned.display(
                        line.start + outlet.start("outlet"), line.start + outlet.end("outlet")
                    )
                _add_reporters(article, line.text, more)
        elif line.role in ("boilerplate", "header"):
            article.boilerplate_spans.append(span)
            found = patterns.source_line.search(line.text)
            if found and kind == "source_line":
                if article.source is None:
                    article.source = cleaned.display(
                        line.start + found.start(1), line.start + _source_end(line.text, found)
                    )
                # `来源：某报记者站 赵某某编辑：…`: the reporter after the source, before the editors.
                signed = _SOURCE_REPORTERS.match(line.text, found.end(1))
                if signed and all(looks_like_person(name) for name in signed.group("names").split()):
                    _add_reporters(article, "", signed.group("names").split())
            elif kind == "source_line" and article.source is None:
                # `（某某网）` alone: the story's outlet, unless it is a digest's last item's credit.
                credit = re.fullmatch(r"\s*[(（]\s*([\u4e00-\u9fff]{2,12})\s*[)）]\s*", line.text)
                site = (
                    re.match(r"\s*([\u4e00-\u9fff]{2,10})[(（]", line.text)
                    or patterns.closing_source.match(line.text)
                    or (credit if credit and not _credits_several_outlets(text) else None)
                )
                if site:
                    article.source = cleaned.display(line.start + site.start(1), line.start + site.end(1))
            if kind == "time_line":
                time_lines.append(line.text)
            elif kind == "other_boilerplate" and _LABELLED_REPORTER.search(line.text):
                _add_reporters(article, line.text)  # `记者:X 编辑:Y` closing the page
        elif line.role == "body":
            start, end = line.start, line.end
            if article.dateline_span and article.dateline_span[0] == line.start:
                opening_kind = "byline" if article.dateline_is_byline else "dateline"
                pieces.append((*article.dateline_span, opening_kind))
                start = article.dateline_span[1]
                if article.dateline_byline_span:
                    pieces.append((*article.dateline_byline_span, "byline"))
                    start = article.dateline_byline_span[1]
            for tail_start, tail_end in tails:
                if start <= tail_start < end:
                    end = tail_start
                    article.boilerplate_spans.append((tail_start, tail_end))
                    pieces.append((tail_start, tail_end, "byline"))
            while start < end and text[start] in " ,，:：":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            if start < end:
                article.paragraphs.append((start, end))
                pieces.append((start, end, "body"))
            continue
        pieces.append((*span, kind))
    article.boilerplate_spans.sort()
    article.blocks = cover(text, pieces)

    if doc.title:
        title = clean_text(doc.title)
        article.title = title.display(0, len(title.text))
    if doc.source:
        source = clean_text(doc.source)
        article.source = source.display(0, len(source.text))
    if doc.published:
        stamp, precision = parse_published(doc.published, tz)
        if stamp is not None:
            article.published, article.published_precision = stamp, precision
            if precision == "day":
                _add_printed_time(article, time_lines)
    if article.source is None and article.dateline:
        article.source = _source_from_dateline(article.dateline)
    if article.source is None and byline_outlet:
        _take_bracket_outlet(byline_outlet, article)

    article.items = _roundup_items(article)
    article.sentences = split_sentences(text, article.paragraphs, cleaned.original, indent_breaks(cleaned))
    article.body_text = _blank_outside(
        text, [(block.start, block.end) for block in article.blocks if block.kind not in NO_FACT_KINDS]
    )
    return article


def article_blocks(article: Article, *, with_text: bool = False) -> list[BlockRecord]:
    """The article's blocks as output records: spans in the source text, and the
    source text of each block (annotations removed) when asked for."""
    cleaned = article.cleaned
    out = []
    for kind, start, end in source_spans(article.blocks, cleaned.source, cleaned.source_span):
        out.append(
            BlockRecord(kind, (start, end), cleaned.strip_annotations(start, end) if with_text else None)
        )
    return out


def content_text(article: Article, *, original: bool = False) -> str:
    """The story alone: the text of the content blocks (body, title, headings,
    item titles, dateline), cleaned, in the original script when asked; blocks
    that shared a line stay on one line, others are one per line."""
    text = article.cleaned.original if original else article.cleaned.text
    out: list[str] = []
    previous_end = None
    for block in article.blocks:
        if not block.is_content:
            continue
        if previous_end is not None:
            out.append(" " if "\n" not in article.cleaned.text[previous_end : block.start] else "\n")
        out.append(text[block.start : block.end])
        previous_end = block.end
    return "".join(out)


def _add_printed_time(article: Article, time_lines: list[str]) -> None:
    """A record dated to the day and a printed `出版时间 01:46`: the time of that day."""
    assert article.published is not None
    for line in time_lines:
        found = _patterns().time_line.match(line.strip())
        if found and found.group("published"):
            hour, minute = int(found.group("hour")), int(found.group("minute"))
            if hour < 24 and minute < 60:
                article.published = article.published.replace(hour=hour, minute=minute)
                article.published_precision = "minute"
            return


def _unbracket(text: str) -> str:
    return text.strip().lstrip("(（〔【[ ").rstrip(")）〕】] ")


def _credit_names(text: str) -> list[str]:
    """`报导•摄影/张某`, `报导/刘某 摄影/陈某`: the writer's names (not the photographer's)."""
    if _patterns().credit_line.match(text.strip()):
        pairs = re.findall(
            rf"(报导|报道|文字?|撰文|撰稿|采访|摄影|图|部分图片|编辑|排版)\s*[{_SLASHES}|｜]\s*([^\s{_SLASHES}|｜]+)",
            text,
        )
        writers = ("报导", "报道", "文", "文字", "撰文", "撰稿", "采访")
        return [
            name
            for label, names in pairs
            if label in writers
            for name in re.split(r"[、,，]", names)
            if _is_name(name)
        ]
    found = _patterns().credit_byline.search(text)
    if not found:
        return []
    return [name for name in re.split(r"[、,，]", found.group("names")) if _is_name(name)]


def _kind_of(line: _Line) -> str:
    """The block kind of a classified line."""
    if line.kind == "byline" and _patterns().photo_credit.match(_unbracket(line.text)):
        return "photo_credit"  # `(记者X摄)`: a photo credit, not a reporter's byline
    if line.kind:
        return line.kind
    if line.role in ("title", "heading", "body"):
        return line.role
    if line.role == "byline":
        return "photo_credit" if _patterns().photo_credit.match(_unbracket(line.text)) else "byline"
    return _boilerplate_kind(line.text)


def _boilerplate_kind(text: str) -> str:
    """What a line of page furniture is, from its markers."""
    patterns = _patterns()
    stripped = text.strip()
    if patterns.time_line.match(stripped):
        return "time_line" if patterns.time_line.match(stripped).group("published") else "footer"  # type: ignore[union-attr]
    if (
        patterns.source_line.search(stripped)
        or patterns.print_footer.match(stripped)
        or patterns.closing_source.match(stripped)
    ):
        return "source_line"
    if patterns.editor_line.match(stripped):
        return "byline"
    if patterns.photo_credit.match(stripped):
        return "photo_credit"
    if _is_caption(stripped):
        return "caption"
    for kind, markers in patterns.marker_kinds:
        if markers.search(stripped):
            return kind
    if _is_byline(stripped):
        return "byline"
    date = patterns.date_time.search(stripped)
    if date and len(stripped) - (date.end() - date.start()) <= 12:
        return "time_line"
    return "other_boilerplate"


def _title_like(line: str, title: str) -> bool:
    """A printed headline shares most of its characters with the record's title."""
    chars = [ch for ch in line if "\u4e00" <= ch <= "\u9fff" or ch.isalnum()]
    if not chars:
        return False
    known = set(title)
    return sum(ch in known for ch in chars) >= 0.5 * len(chars)


def _mark_repeated(lines: list[_Line]) -> None:
    """A short line printed twice in a row is an image's alt text and its caption."""
    for previous, line in itertools.pairwise(lines):
        stripped = line.text.strip()
        if stripped == previous.text.strip() and len(stripped) <= CAPTION_MAX_CHARS:
            for each in (previous, line):
                each.role, each.kind = "boilerplate", "caption"


def _carve(lines: list[_Line]) -> list[_Line]:
    """Cut what a crawler glued onto the end of a paragraph off it: a source or
    site line, a closing byline or signature, a `[详细]` link, a photo credit
    (and the caption it closes), `返回搜狐,查看更多`, `责任编辑:`."""
    # A spam page's contacts, links and random text, and a glued script, before anything is read.
    lines = _split_spam_lines(lines)
    # Picture credits first: the story left after the last caption may still end in a glued tail.
    first_body = next((i for i, line in enumerate(lines) if line.role == "body"), -1)
    expanded: list[_Line] = []
    for position, line in enumerate(lines):
        credit = _leading_credit(line, expanded)
        if credit is not None:
            expanded.extend(credit)
            continue
        label = _FILE_PICTURE.match(line.text) if line.role == "body" else None
        if label:
            mark, line = _cut(line, label.end(), "body")
            mark.role, mark.kind = "boilerplate", "photo_credit"
            expanded.append(mark)
        glyph_caption = _glyph_caption_end(line) if _CAPTION_GLYPH.match(line.text) else None
        if glyph_caption is not None:
            caption, line = _cut(line, glyph_caption, "body")
            caption.role, caption.kind = "boilerplate", "caption"
            expanded.append(caption)
            label = _FILE_PICTURE.match(line.text)  # `图为…。(资料图片)某地……`: the caption's credit
            if label:
                mark, line = _cut(line, label.end(), "body")
                mark.role, mark.kind = "boilerplate", "photo_credit"
                expanded.append(mark)
        if line.role == "body" and line.text.count("▲") >= MARKED_CAPTIONS_MIN:
            marked = _split_marked_captions(line)
            if sum(piece.kind == "caption" for piece in marked) >= MARKED_CAPTIONS_MIN:
                expanded.extend(marked)
                continue
        if (
            line.role == "body"
            and _patterns().picture_credit.search(line.text)
            and not _patterns().time_line.match(line.text.strip())  # `出版時間 13:50 …` stays a time line
        ):
            expanded.extend(_split_picture_credits(line, opening=position == first_body))
        else:
            expanded.append(line)
    lines = expanded
    out: list[_Line] = []
    body_positions = [i for i, line in enumerate(lines) if line.role == "body"]
    last_body = body_positions[-1] if body_positions else -1
    # `……下期再见。本文为某号作者原创,未经授权不得转载`: a closing line read as furniture for its
    # glued notice is the page's last line too, where a share prompt is looked for once the notice is cut
    story_last = next(
        (
            position
            for position in range(len(lines) - 1, last_body, -1)
            if lines[position].role == "boilerplate" and lines[position].kind is None
        ),
        last_body,
    )
    # the page's closing credits may sit above its related links, still body here
    closing = set(body_positions[-CLOSING_LINES:])
    for position, line in enumerate(lines):
        if line.role == "title" or line.kind in ("caption", "photo_credit"):
            out.append(line)
            continue
        run = _glued_credit_run(line)
        captions: list[_Line] = []
        if run is not None and run[0].kind is not None:  # captions only, no story part
            out.extend(run)
            continue
        if run is not None:
            line, *captions = run  # the story part may still end in a tail (its closing byline)
        caption_at = _glued_caption_start(line)
        if caption_at is not None:
            # the story part may still close with a tail: `……之中。(完)` before the caption
            line, caption = _cut(line, caption_at, "boilerplate", "caption")
            line.role, line.kind = "body", None
            captions.insert(0, caption)
        peeled: list[_Line] = []
        shared = _glued_credit_source(line) if position == last_body and line.role == "body" else None
        if shared is not None:
            line, tail = _cut(line, shared[1], "boilerplate", "source_line")
            line, prompts = _cut(line, shared[0], "boilerplate", _boilerplate_kind(line.text[shared[0] :]))
            line.role, line.kind = "body", None
            peeled += [tail]
            note = _NOTE_BEFORE_PROMPTS.match(prompts.text)
            if note:  # `(文中当事人均为化名)` before the prompts: the editor's note on the story
                prompts, after = _cut(prompts, note.end(), "boilerplate", prompts.kind)
                prompts.kind = "editor_note"
                peeled.append(after)
            peeled.append(prompts)
        glued_at = _glued_footer_start(line)
        if glued_at is not None:
            line, tail = _cut(line, glued_at, line.role, line.kind)
            line.role, line.kind = "body", None
            peeled.append(tail)
        while True:
            cut = _tail_cut(line, is_last=position in (last_body, story_last), closing=position in closing)
            if cut is None:
                break
            at, role, kind = cut
            if at == 0:
                line.role, line.kind = role, kind
                break
            line, tail = _cut(line, at, role, kind)
            peeled.append(tail)
            if line.role == "boilerplate" and line.kind is None and _reads_as_body(line.text):
                line.role = "body"  # it was the glued tail that looked like furniture
            if kind == "photo_credit":
                caption_at = _last_sentence_start(line.text)
                # `……幸福」。(翻攝網路)`: a credit naming where the page's pictures were taken
                # from closes a paragraph of story, not a caption, unless it is the whole line.
                if caption_at is not None and _PAGE_CREDIT.match(tail.text):
                    pass
                elif caption_at is not None:
                    line, caption = _cut(line, caption_at, "boilerplate", "caption")
                    peeled.append(caption)
                elif line.role == "body" and len(line.text.strip()) <= CLOSED_CAPTION_MAX_CHARS:
                    line.role, line.kind = "boilerplate", "caption"
        out.append(line)
        out.extend(reversed(peeled))
        out.extend(captions)
    return out


# `资料图双方争执不下，……`: a file-picture label left where the picture was, glued to the story.
_FILE_PICTURE = re.compile(
    r"\s*(?:资料图片?|资料照片?|[(（]\s*资料(?:图|照)片?\s*[)）])(?=[\u4e00-\u9fff“「])"
)
MARKED_CAPTIONS_MIN = 2
MARKED_CAPTION_MAX_CHARS = 40


def _split_marked_captions(line: _Line) -> list[_Line]:
    """`……的风采。▲某某为大赛致辞▲某队的参赛舞蹈《某某》▲……`: photo captions, each
    opened by ▲, glued onto one line. A short unpunctuated piece from one ▲ to the next
    is a caption; the piece after the last ▲ runs into the story and stays."""
    starts = [found.start() for found in re.finditer("▲", line.text)]
    bounds = [0, *starts, len(line.text)]
    pieces: list[_Line] = []
    for start, end in itertools.pairwise(bounds):
        text = line.text[start:end]
        if not text.strip():
            continue
        is_caption = (
            start in starts
            and end != len(line.text)
            and len(text.strip()) <= MARKED_CAPTION_MAX_CHARS
            and not re.search(r"[。！？!?]", text)
        )
        pieces.append(
            _Line(
                line.start + start,
                line.start + end,
                text,
                line.blank_before and start == 0,
                "boilerplate" if is_caption else "body",
                "caption" if is_caption else None,
            )
        )
    return pieces


# What a spam page (a sales or SEO page) glues into its text: a sales contact in brackets
# (`【销售电话/微信:16600000000】`), a run of two or more bare URLs, and a long run of random
# characters (no punctuation, no sentence) behind a random letters-and-digits token.
_SALES_CONTACT = re.compile(
    r"[【\[](?:销售|咨询|订购|订货|客服|联系|业务)?(?:电话|手机|微信|QQ|qq)(?:\s*[/／、]\s*(?:电话|手机|微信|QQ|qq))*"
    r"\s*[:：]\s*[\dA-Za-z_-]{5,20}[】\]]"
)
# `热线【156-1330-4344】王经理`, `财富热线:18000000000(微信同号)`, `某公司电话155-1043-7772`: a mobile
# number (11 digits, 1[3-9] first, grouped 3-4-4 by one repeated mark or none) behind a contact
# label or in brackets (a bracketed service label before it too: `【某某调查】【…】`), with a note on
# it and the contact's name: a sales page's hotline.
_MOBILE_CONTACT = re.compile(
    r"(?:(?:热线|电话|手机|商务合作)(?:[/／、与和](?:微信|电话|手机))*(?:同步|同号)?\s*[:：]?\s*【?|(?:【[^【】\s]{2,8}】)?【)"
    r"1[3-9]\d(?P<mark>[^\d\s]?)\d{4}(?P=mark)\d{4}(?!\d)"
    r"】?"
    r"(?:\s*[(（][^()（）]{2,6}[)）])?(?:[\u4e00-\u9fff](?:经理|先生|女士|老师))?"
)
_URL_RUN = re.compile(r"(?:\s*(?:https?://|www\.)[!-~]+?(?=https?://|www\.|\s|$)){2,}\s*$")
# `某某游戏官方网站：http://x.example.com/  某某游戏：http://www.example.com/`: a site's name and
# address, each piece opening the line or after a space (the page's run of spaces), closing the
# line: a promotion.
_SITE_PROMO_RUN = re.compile(r"(?:(?:^|\s)\s*[^\s:：]{2,40}[:：]\s*(?:https?://|www\.)[!-~]+)+\s*$")
# `……沒有去處。」domready(function() {…` / `(function(d, s, id) { var js…`: a page's script
# glued after the story's last sentence, to the end of the line.
_SCRIPT_TAIL = re.compile(
    r"(?<=[。！？!?」”）)])\s*(?:\(function\s*\(|domready\s*\(|\$\(\s*(?:document|function)"
    r"|document\.write\s*\(|var\s+[A-Za-z_$][\w$]*\s*=).*$"
)
# A random run: Han characters and letters-and-digits tokens with no punctuation or space,
# from a sentence end (or the line's start) on; it holds such a token and 60+ Han characters.
_MIXED_RUN = re.compile(r"(?:(?<=[。！？!?])|^)(?:[\u4e00-\u9fff]+|[A-Za-z0-9]{4,16}(?![A-Za-z0-9:./]))+")
# `9mo03aof`: letters and digits alternating at least four times; a model name (`GTX1080Ti`) alternates less.
_ALNUM_TOKEN = re.compile(r"[A-Za-z0-9]{6,}")
_LETTERS_OR_DIGITS = re.compile(r"[A-Za-z]+|[0-9]+")
RANDOM_TOKEN_MIN_PARTS = 4


def _has_random_token(text: str) -> bool:
    return any(
        len(token) <= 16 and len(_LETTERS_OR_DIGITS.findall(token)) >= RANDOM_TOKEN_MIN_PARTS
        for token in _ALNUM_TOKEN.findall(text)
    )


RANDOM_RUN_MIN_HAN = 60


def _random_runs(text: str) -> list[tuple[int, int]]:
    return [
        found.span()
        for found in _MIXED_RUN.finditer(text)
        if _has_random_token(found.group())
        and len(re.findall(r"[\u4e00-\u9fff]", found.group())) >= RANDOM_RUN_MIN_HAN
    ]


# A page that gives a contact or a link may be a spam page; only there are its lines searched for one.
_SPAM_PAGE_MARKERS = ("http", "www.", "微信", "电话", "热线", "QQ", "qq")
_CODE_MARKERS = ("function", "var ", "document")


LISTING_FIELDS_MIN = 3  # `价格：… 产地：… 所在地：…`: a product listing's fields, not a story's one label
LISTING_LEAD_MAX = 40  # characters of product name before the first field
LISTING_DETAILS_REACH = 80  # characters from the last field to the `产品详情` tab


@cache
def _listing_field() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(load_json('article.json')['listing_field_labels'])})\s*[:：]")


def _split_listing_header(lines: list[_Line]) -> list[_Line]:
    """A sales page opening with its product listing's header (`某某装置2017-07-21价格： 1 元/套产地：…
    所在地：某市发送询价进入展台…产品详情某某装置 `): the product's name, three or more listing fields
    and the page's tabs, up to the space after the last field's value (or after `产品详情`), are
    `other_boilerplate`, not the story's opening."""
    first = next((i for i, line in enumerate(lines) if line.role == "body"), None)
    if first is None or "：" not in lines[first].text and ":" not in lines[first].text:
        return lines
    line = lines[first]
    fields = list(_listing_field().finditer(line.text))
    if len(fields) < LISTING_FIELDS_MIN:
        return lines
    lead = line.text[: fields[0].start()]
    if len(lead.strip()) > LISTING_LEAD_MAX or re.search(r"[。！？!?]", lead):
        return lines
    after = fields[-1].end()
    details = line.text.find("产品详情", after, after + LISTING_DETAILS_REACH)
    value = re.compile(r"\s*\S+").match(line.text, details if details >= 0 else after)
    end = value.end() if value else len(line.text)
    if not line.text[end:].strip():
        return lines  # the whole line: a form, not a header over a story
    return [
        *lines[:first],
        *_carved(line, [(0, end, "boilerplate", "other_boilerplate")]),
        *lines[first + 1 :],
    ]


def _split_spam_lines(lines: list[_Line]) -> list[_Line]:
    """Every line, with a spam page's furniture and a glued page script cut off their story."""
    lines = _split_listing_header(lines)
    page = "\n".join(line.text for line in lines)
    spam_page = any(marker in page for marker in _SPAM_PAGE_MARKERS)
    if not spam_page and not any(marker in page for marker in _CODE_MARKERS):
        return lines
    return [piece for line in lines for piece in (_split_spam(line, spam_page=spam_page) or [line])]


def _split_spam(line: _Line, *, spam_page: bool) -> list[_Line] | None:
    """A body line cut around a spam page's sales contact, URL run and random text, and a
    page script glued after the story, or None."""
    text = line.text
    if line.role != "body":
        return None
    marks = []
    if spam_page:
        marks += [(found.start(), found.end(), "hotline") for found in _SALES_CONTACT.finditer(text)]
        if not marks:
            marks += [(found.start(), found.end(), "hotline") for found in _MOBILE_CONTACT.finditer(text)]
        if len(text) > RANDOM_RUN_MIN_HAN and _has_random_token(text):
            marks += [(start, end, "other_boilerplate") for start, end in _random_runs(text)]
        urls = _URL_RUN.search(text)
        if urls:
            marks.append((urls.start(), urls.end(), "related_links"))
        promo = _SITE_PROMO_RUN.search(text) if not urls and ("http" in text or "www." in text) else None
        if promo:
            marks.append((promo.start(), promo.end(), "ad"))
    script = _SCRIPT_TAIL.search(text) if any(marker in text for marker in _CODE_MARKERS) else None
    if script:
        marks.append((script.start(), script.end(), "other_boilerplate"))
    if not marks:
        return None
    return _carved(line, ((start, end, "boilerplate", kind) for start, end, kind in sorted(marks)))


_CAPTION_GLYPH = re.compile(r"\s*(?:[▲▼△↑]|图说\s*[:：]|图为)")
_GLYPH_CAPTION_STOP = re.compile(r"[。！？!?](?:[”」』）)])?")


def _glyph_caption_end(line: _Line) -> int | None:
    """`▲某某在现场。……`: a line opened by a caption glyph (`▲`, `↑`, `图说:`) is a caption up to
    its first sentence end, when the story runs on after it on the same line. Where the
    caption ends, or None."""
    if line.role not in ("body", "boilerplate") or line.kind or not _CAPTION_GLYPH.match(line.text):
        return None
    stop = _GLYPH_CAPTION_STOP.search(line.text)
    if stop is None or len(line.text[: stop.end()].strip()) > CAPTION_MAX_CHARS:
        return None
    rest = line.text[stop.end() :]
    return stop.end() if _reads_as_body(rest) or len(rest.strip()) > CAPTION_MAX_CHARS else None


def _leading_credit(line: _Line, before: list[_Line]) -> list[_Line] | None:
    """`……擁抱。` + ` 美聯社 美國總統……`: a crawler broke the line between a caption and
    the credit that closes it. The credit opens this line, followed by a space and the
    story; the caption is the last sentence of the line before (which `before` ends
    with, and which is replaced by its story part). The pieces of this line, or None."""
    found = _patterns().leading_credit.match(line.text)
    if line.role != "body" or not found:
        return None
    if not any(other.role == "body" or other.kind in ("caption", "photo_credit") for other in before):
        # `新华社资料照片 某部发言人27日说，……`: the opening photo's credit, its caption left out
        after = line.text[found.end() :]
        if not after[:1].isspace() or not _reads_as_body(after):
            return None
        credit, story = _cut(line, found.end(), "body")
        credit.role, credit.kind = "boilerplate", "photo_credit"
        return [credit, story]
    if not before or before[-1].role != "body":
        return None
    previous = before[-1]
    if not _ends_sentence(previous.text.strip()):
        return None
    caption_at = _last_sentence_start(previous.text.rstrip()) or 0
    opening = not any(line.role == "body" or line.kind in ("caption", "photo_credit") for line in before[:-1])
    if opening and len(previous.text.strip()) <= CAPTION_MAX_CHARS:
        caption_at = 0  # the opening photo's caption: the whole first line
    if len(previous.text[caption_at:].strip()) > CAPTION_MAX_CHARS:
        return None
    if caption_at > 0:
        story, caption = _cut(previous, caption_at, "boilerplate", "caption")
        before[-1:] = [story, caption]
    else:
        previous.role, previous.kind = "boilerplate", "caption"
    credit, rest = _cut(line, found.end(), "body")
    credit.role, credit.kind = "boilerplate", "photo_credit"
    return [credit, rest] if rest.text.strip() else [credit]


def _glued_caption_start(line: _Line) -> int | None:
    """`……办理之中。(完)图为,民警清点假票 田某 摄`, `……窝点。图为,民警检查手机 田某 摄`: a caption
    glued after the story's last sentence."""
    if line.role not in ("boilerplate", "body") or line.kind is not None:
        return None
    if not line.text.rstrip().endswith(_CAPTION_CREDIT_ENDS):
        return None  # the cheap test first: the caption's credit closes the line
    found = _patterns().glued_caption.search(line.text)
    if not found or not _reads_as_body(line.text[: found.start()].replace("(完)", "")):
        return None
    return found.start()


def _glued_credit_run(line: _Line) -> list[_Line] | None:
    """`……新制將上路。趙某攝7月起……受罰。趙某攝`, `（某某╱綜合報導）「某團」成員做章魚燒。翻攝某網站`:
    the page's photo captions glued one after another onto the end of a paragraph, each closed by
    its credit with no space (`X攝`, `翻攝X網站`). Taken only when captions and credits run to the
    end of the line, two credits or more, or one right after a closing bracket (a byline's)."""
    if line.role != "body" or line.kind is not None:
        return None
    text = line.text.rstrip()
    if not text.endswith(_GLUED_CREDIT_ENDS) and "翻摄" not in text[-40:] and "翻自" not in text[-40:]:
        return None  # the cheap test first: the run closes the line with a credit
    credits = list(_patterns().glued_credit.finditer(text))
    if not credits or credits[-1].end() != len(text):
        return None
    if len(credits) < 2 and not _CLOSING_BYLINE_END.search(text, 0, credits[0].start()):
        return None
    for before, after in itertools.pairwise(credits):
        between = text[before.end() : after.start()]
        if not between.strip() or len(between) > CAPTION_MAX_CHARS:
            return None
    first = credits[0].start()
    signed = _CLOSING_BYLINE_END.search(text, 0, first)
    if signed:
        caption_at = first  # the credit of the page's picture, after the story's closing byline
    else:
        caption_at = _last_sentence_start(text[:first]) or 0
        inner = _CAPTION_BYLINE.match(text, caption_at, first)
        if inner:
            caption_at = inner.end()  # `……沒簽。（X／台中報導）<caption>。X攝`: the byline stays
        # A line that is nothing but captions and their credits (two or more) is the page's
        # photo captions, printed as a paragraph of their own.
        if first - caption_at > CAPTION_MAX_CHARS or (not text[:caption_at].strip() and len(credits) < 2):
            return None
        if not text[:caption_at].strip() and (
            _patterns().time_line.match(text.strip()) or _time_line_related().search(text, 0, first)
        ):
            return None  # `出版時間… 小編推薦 <caption>。X攝`: the time line's split reads it
    captions = _captions_and_credits(line, caption_at, credits)[0]
    if not text[:caption_at].strip():
        return captions
    pieces = [_Line(line.start, line.start + caption_at, text[:caption_at], line.blank_before, "body")]
    return pieces + captions


_GLUED_CREDIT_ENDS = ("摄", "摄影", "提供")
_CAPTION_CREDIT_ENDS = ("摄", "提供", "供图")
_CLOSING_BYLINE_END = re.compile(r"[(（〔【][^()（）〔〕【】\n]{2,30}?(?:报导|报道)[)）〕】]$")


def _glued_footer_start(line: _Line) -> int | None:
    """`……下降8.6%。来源:山东统计记得点个赞……`: where the page's end matter starts
    in a last paragraph that the footer walk took whole."""
    if line.role != "boilerplate" or line.kind is not None or len(line.text) <= 60:
        return None
    patterns = _patterns()
    starts = [
        m.start()
        for m in (patterns.boilerplate.search(line.text), patterns.source_line.search(line.text))
        if m
    ]
    if not starts:
        return None
    at = min(starts)
    while at > 0 and line.text[at - 1] in "(（【[ ":
        at -= 1
    if not _reads_as_body(line.text[:at]):  # the marker sits inside a sentence: the sentence goes too
        at = _last_sentence_start(line.text[:at]) or 0
    head = line.text[:at]
    return at if at > 0 and _reads_as_body(head) and len(head.strip()) > 20 else None


def _reads_as_body(text: str) -> bool:
    stripped = text.strip()
    return _ends_sentence(stripped) and not _is_boilerplate(stripped) and not _is_caption(stripped)


PLUG_MAX_CHARS = 60


def _plug_tail(text: str) -> int | None:
    """`……产业。长按二维码关注`, `……破灭！赞赏点击下方阅读原文获取更多爆文`: where the sentences
    pushing an app, a channel or a subscription that close a line start (at most two)."""
    plug = _patterns().plug
    stripped = text.rstrip()
    starts = [0] + [m.end() for m in re.finditer(r"[。！？!?][”」』]?\s*", stripped[:-1])]
    cut = None
    for start in reversed(starts[-2:]):
        if len(stripped) - start <= PLUG_MAX_CHARS and plug.match(stripped, start):
            cut = start
        else:
            break
    return cut


def _opening_plug(text: str) -> re.Match[str] | None:
    """`点击上方“某某发布”可以订阅哦? 5月23日，……`: a plug opening the story's first line."""
    found = _patterns().plug.match(text)
    return found if found and found.end() <= PLUG_MAX_CHARS and text[found.end() :].strip() else None


def _share_tail(text: str) -> int | None:
    """`……矛盾!喜欢的看官可以在下方评论或者留言,加关注,下期见!`: the last
    sentences of an article asking for comments and follows."""
    share = _patterns().closing_prompt
    starts = [0] + [m.end() for m in re.finditer(r"[。！？!?][”」』]?", text.rstrip()[:-1])]
    cut = None
    for start in reversed(starts[-2:]):
        if share.search(text[start:]) and len(text) - start <= 80:
            cut = start
        else:
            break
    return cut


def _split_picture_credits(line: _Line, *, opening: bool = False) -> list[_Line]:
    """`小小兵泡面碗。图/全家提供 米奇餐具组。图/7-11提供`: each `图/X` credit
    closes the caption sentence before it; text before the first caption stays.
    A credit that opens the article's first line (`……霧茫茫。記者X／攝影 苗栗縣……`)
    closes the opening photo's caption, however many sentences it has."""
    pieces: list[_Line] = []
    cursor = 0
    text = line.text
    for credit in _patterns().picture_credit.finditer(text):
        caption_at = _last_sentence_start(text[cursor : credit.start()])
        caption_at = cursor + (caption_at or 0)
        alone = not text[credit.end() :].strip()
        closing_byline = _CAPTION_BYLINE.match(text, caption_at, credit.start())
        if cursor == 0 and (alone or opening) and credit.start() <= CAPTION_MAX_CHARS and not closing_byline:
            caption_at = 0  # a line that is nothing but a caption and its credit: the caption is a unit
        if caption_at > cursor and text[cursor:caption_at].strip():
            pieces.append(
                _Line(line.start + cursor, line.start + caption_at, text[cursor:caption_at], False, "body")
            )
        # `……治療。（林某／綜合外電報導）貝拉母親……。資料照片`: the story's closing byline
        # sits between the story and the caption.
        signed = _CAPTION_BYLINE.match(text, caption_at, credit.start())
        if signed:
            pieces.append(
                _Line(
                    line.start + caption_at,
                    line.start + signed.end(),
                    signed.group(0),
                    False,
                    "byline",
                    "byline",
                )
            )
            caption_at = signed.end()
        captioned, cursor = _captions_and_credits(line, caption_at, (credit,))
        pieces.extend(captioned)
    if text[cursor:].strip():
        pieces.append(_Line(line.start + cursor, line.end, text[cursor:], False, "body"))
    if pieces:
        pieces[0].blank_before = line.blank_before
    return pieces


# `(翻摄网路)`, `图片提供者：X、Y`: where the page's pictures came from, not one caption's credit.
_PAGE_CREDIT = re.compile(r"\s*(?:[(（](?:翻摄|取自|截自|截图自)|图片(?:提供者|提供)?\s*[:：|｜/／])")
_CAPTION_BYLINE = re.compile(r"\s*[(（〔【][^()（）〔〕【】\n]{2,30}?(?:报导|报道)[)）〕】]")


CLOSING_LINES = 3  # the last body lines where a page's closing credits are looked for
TAIL_WINDOW = 240  # characters: longer than any glued tail a pattern below can match


@cache
def _line_end_tails() -> tuple[tuple[re.Pattern[str], str, str, str, tuple[str, ...]], ...]:
    """The tails looked for at the end of every line, in order: pattern, role, kind, and what
    any match needs (tests/test_article_prechecks.py): the line's last character among
    `endings` (each pattern ends in a bracket, before `\\s*$` on a stripped line), one of
    `words` in the window. A line without them is not searched; empty: no such test."""
    patterns = _patterns()
    return (
        (patterns.source_tail, "boilerplate", "source_line", "", patterns.source_labels),
        (patterns.site_tail, "boilerplate", "source_line", ")）", ()),
        (patterns.closing_byline, "byline", "byline", ")）〕】]", ()),
        (patterns.related_tail, "boilerplate", "related_links", ")）]】", ()),
        (patterns.credit_tail, "boilerplate", "photo_credit", ")）", ()),
        (patterns.credit_byline, "byline", "byline", "", tuple(_SLASHES)),
    )


SIGNATURE_ENDINGS = ")）"  # a closing signature's bracket: the last character of any match


def _tail_cut(line: _Line, *, is_last: bool, closing: bool = False) -> tuple[int, str, str] | None:
    """Where a glued tail starts in `line.text`, with its role and kind. `closing`: one of the
    last body lines, where a page's closing credits, contacts and links are looked for too."""
    patterns = _patterns()
    text = line.text.rstrip()
    if not text:
        return None
    window = max(0, len(text) - TAIL_WINDOW)
    tail = text[window:]
    last = text[-1]
    candidates: list[tuple[re.Pattern[str], str, str]] = [
        (pattern, role, kind)
        for pattern, role, kind, endings, words in _line_end_tails()
        if (not endings or last in endings) and (not words or any(map(tail.__contains__, words)))
    ]
    if last in ")）】]" or last.isdigit():
        # `……减少。(数据宝 周某)(责任编辑: X)`: the editor's tag first, then what it closed.
        candidates.insert(0, (patterns.editor_tail, "byline", "byline"))
    if "来自" in tail:
        candidates.append((patterns.forum_source, "boilerplate", "source_line"))
    candidates += [
        (pattern, kind if kind in ("byline", "title") else "boilerplate", kind)
        for kind, pattern, words in patterns.glued_tails
        if any(map(tail.__contains__, words))
    ]
    if closing and patterns.closing_tail_words.search(tail):
        candidates.append((patterns.closing_tails, "", ""))  # the role and kind: the group that matched
    if is_last and last in SIGNATURE_ENDINGS:
        candidates.append((patterns.signature, "byline", "byline"))
        if text.endswith((")", "）")):
            candidates.append((patterns.source_signature, "boilerplate", "source_line"))
    if line.role == "body" and patterns.plug_channel.search(text, len(text) - PLUG_MAX_CHARS):
        plug_at = _plug_tail(text)
        if plug_at is not None:
            return plug_at, "boilerplate", "ad"
    if is_last and line.role == "body":
        signed = _SIGNATURE_LINE.fullmatch(text) if text[-1] in ")）" else None
        if signed and _signature_names(signed):
            return 0, "byline", "byline"  # `(孙某某许某某)` on a line of its own
        share_at = _share_tail(text)
        if share_at is not None:
            return share_at, "boilerplate", "share_prompt"
    # Every tail is anchored at the line's end and shorter than the window: search only there.
    for pattern, role, kind in candidates:
        found = pattern.search(text, window)
        if not found:
            continue
        if pattern is patterns.signature and not _signature_names(found):
            continue
        if pattern is patterns.closing_byline and patterns.photo_credit.match(_unbracket(found.group(0))):
            role, kind = "boilerplate", "photo_credit"  # `……影片。(记者X摄)`: a caption's credit
        if pattern is patterns.closing_tails:
            kind = found.lastgroup or "other_boilerplate"
            role = "byline" if kind == "byline" else "boilerplate"
        if found.start() == 0 and line.role == role and line.kind in (None, kind):
            return None  # already the whole line
        at = found.start()
        while at < len(text) and text[at] == " ":
            at += 1
        return at, role, kind
    return None


_SOURCE_REPORTERS = re.compile(
    r"\s+(?P<names>[\u4e00-\u9fff]{2,4}?(?:\s+[\u4e00-\u9fff]{2,4}?){0,2})\s*(?=责任编辑|编辑|责编|[)）]?\s*$)"
)
# A byline that is only a signature: `(李某)`, `(数据宝 周某)`.
# `《某刊》(博客,微博)记者 X/文 Y/编辑`: the outlet in 《》 before its reporter is the source.
_OUTLET_BYLINE = re.compile(r"\s*《(?P<outlet>[^《》\s]{1,12})》[^《》。\n]{0,12}?记者")
_SIGNATURE_LINE = re.compile(
    r"\s*[(（]\s*(?:(?P<source>[\u4e00-\u9fff]{2,8})\s+)?"
    r"(?P<name>[\u4e00-\u9fff·]{2,9}(?:\s+[\u4e00-\u9fff·]{2,4}){0,2})\s*[)）]\s*"
)


def _signature_names(found: re.Match[str]) -> list[str]:
    """The reporters of a closing signature: `(李某)`; spaced, each must read as a
    person's name (`(数据宝 周某)`: 周某; the source before them is no person)."""
    names = found.group("name").split()
    if len(names) == 1 and found.group("source") is None:
        pair = _glued_names(names[0])
        if pair:
            return pair
        return names if _is_name(names[0]) else []
    source = found.group("source")
    if source and _patterns().role.search(source):
        return []  # `(记者 X)`: a reporter's bracket, read as one
    if not all(looks_like_person(name) for name in names):
        return []
    return ([source] if source and looks_like_person(source) else []) + names


def _glued_names(token: str) -> list[str]:
    """`姜某某曹某某`, `孙某某许某某姜某`: two or three names signed without a space,
    where exactly one way of cutting gives surname-led names (2-3 characters, or
    3-4 after a two-character surname)."""
    if len(token) < 4 or (len(token) == 4 and looks_like_person(token)):
        return []  # `欧阳某某`: one name after a two-character surname

    def is_person(part: str) -> bool:
        return looks_like_person(part) and _is_name(part)

    cuts: list[list[str]] = []
    for first in range(2, len(token) - 1):
        head, rest = token[:first], token[first:]
        if not is_person(head):
            continue
        if is_person(rest):
            cuts.append([head, rest])
        cuts += [
            [head, rest[:second], rest[second:]]
            for second in range(2, len(rest) - 1)
            if is_person(rest[:second]) and is_person(rest[second:])
        ]
    return cuts[0] if len(cuts) == 1 else []


def _last_sentence_start(text: str) -> int | None:
    """Where the last sentence of `text` starts, when there is one before it."""
    body = text.rstrip(" ")
    ends = [m.end() for m in re.finditer(r"[。！？!?][”」』]?", body[:-1])]
    return ends[-1] if ends else None


_CLOSING_SHARE = 0.4  # what follows a closing byline is furniture when it is under this share of the text


def _mark_after_closing_byline(lines: list[_Line]) -> None:
    """`……(侯某、汤某/高雄报导)` ends the story: the related links, publication
    times and photo captions a page prints after it are not the article (when
    they are a small part of the page, or open with such furniture)."""
    closing = None
    for position, line in enumerate(lines):
        if line.role == "byline" and re.search(r"(?:报导|报道)[)）〕】\]]\s*$", line.text):
            if any(other.role == "body" for other in lines[:position]):
                closing = position
    if closing is None or closing == len(lines) - 1:
        return
    total = sum(len(line.text.strip()) for line in lines)
    after = lines[closing + 1 :]
    opens_furniture = after[0].role != "body" or _boilerplate_kind(after[0].text) != "other_boilerplate"
    if sum(len(line.text.strip()) for line in after) >= _CLOSING_SHARE * total and not opens_furniture:
        return
    for line in after:
        if line.role == "body":
            line.role = "boilerplate"
            kind = _boilerplate_kind(line.text)
            line.kind = "caption" if kind == "other_boilerplate" else kind


@cache
def _credit_run_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A labelled credit with a slash or a bar (`责编/某某`, `来源｜某报`), as WeChat pages print their
    closing credits; and a source credit of that form."""
    vocab = load_json("article.json")
    return (
        re.compile(rf"(?:{_alternation(vocab['credit_run_labels'])})\s*[|｜/／]"),
        re.compile(rf"(?:{_alternation(vocab['credit_run_source_labels'])})\s*[|｜/／]"),
    )


CREDIT_RUN_MIN = 2  # labelled credits on a line that opens with one: the page's closing credits
SIGN_OFF_MAX_CHARS = 60  # a line after them: the page's sign-off, not story


def _mark_closing_credit_lines(lines: list[_Line]) -> None:
    """`文稿来源/某某 责任编辑/某某 统筹策划/某某`: a line among the last few that opens with
    labelled credits is the page's closing credits; the short lines after it its sign-off."""
    credit, source = _credit_run_patterns()
    # the credits may have been taken already, for their label; the sign-off after them not
    for position in range(max(0, len(lines) - CLOSING_LINES - 1), len(lines)):
        line = lines[position]
        text = line.text.lstrip(" ?▍▌|")
        if line.role not in ("body", "boilerplate", "byline") or not credit.match(text):
            continue
        if len(credit.findall(text)) < CREDIT_RUN_MIN:
            continue
        after = lines[position + 1 :]
        if not any(other.role == "body" for other in after[:1]) and line.role != "body":
            return
        if any(other.role == "body" and len(other.text.strip()) > SIGN_OFF_MAX_CHARS for other in after):
            return
        if line.role == "body":
            line.role, line.kind = "boilerplate", "source_line" if source.match(text) else "byline"
        for other in after:
            if other.role == "body":
                kind = _boilerplate_kind(other.text)
                other.role = "boilerplate"
                signed_off = kind == "other_boilerplate" and "公众号" in other.text
                other.kind = "share_prompt" if signed_off else kind
        return


_NOTE_BEFORE_PROMPTS = re.compile(r"\s*[(（][^()（）\n]{2,40}[)）]")
SHARE_CHUNK_MAX_CHARS = 100  # the unpunctuated prompts a glued source credit may follow


def _glued_credit_source(line: _Line) -> tuple[int, int] | None:
    """`……化名)关注我们免费接收更多精彩内容来源｜某报/某号点击发布……`: a source credit with a bar
    or slash after a run of share prompts glued to the last sentence: where the prompts start and
    where the source starts."""
    text = line.text
    found = _credit_run_patterns()[1].search(text, max(0, len(text) - TAIL_WINDOW))
    if not found:
        return None
    stops = [m.end() for m in re.finditer(r"[。！？!?][”」』)）]?", text[: found.start()])]
    at = stops[-1] if stops else 0
    chunk = text[at : found.start()]
    if not at or not chunk.strip() or len(chunk) > SHARE_CHUNK_MAX_CHARS:
        return None
    if _boilerplate_kind(chunk) not in ("share_prompt", "ad", "related_links"):
        return None
    return at, found.start()


GLUED_PROMPT_MAX_CHARS = 40
_GLUED_TIME = re.compile(r"(?<=\S\s)(?:出版|发布|发稿)时间\s*[:：]?\s*\d{1,2}\s*[:：]\s*\d{2}")


def _split_glued_time_lines(lines: list[_Line]) -> list[_Line]:
    """`……分享照片吧 出版時間：10:00 更新時間：19:35 小編推薦 ……`: a page's publication
    time, after a space, ends the story part of a line; from there on it is page furniture."""
    out: list[_Line] = []
    for line in lines:
        found = _GLUED_TIME.search(line.text) if line.role == "body" and "时间" in line.text else None
        if found is None:
            out.append(line)
            continue
        head, tail = _cut(line, found.start(), "boilerplate")
        head.role = "body"
        if not _ends_sentence(head.text.strip()) and len(head.text.strip()) <= GLUED_PROMPT_MAX_CHARS:
            # `快來「 」社團分享照片吧`: an unpunctuated prompt over the page's furniture, no heading.
            head.role, head.kind = "boilerplate", "other_boilerplate"
        out.extend([head, tail])
    return out


def _split_time_line_tails(lines: list[_Line]) -> list[_Line]:
    """`出版時間 10:40 更新時間 15:27 小編推薦：某某與家人外出。翻攝畫面……`: after the
    times, a related-links label and the photo captions a page printed on the same
    line: time line, related link, captions."""
    out: list[_Line] = []
    for line in _split_glued_time_lines(lines):
        label = None
        # A furniture line without a kind yet is a time line when it opens with a publication time.
        opening_time = _patterns().time_line.match(line.text.strip()) if line.kind is None else None
        is_time_line = line.kind == "time_line" or bool(opening_time and opening_time.group("published"))
        if line.role in ("boilerplate", "header") and is_time_line:
            label = _time_line_related().search(line.text)
        if label is None and line.role in ("boilerplate", "header") and is_time_line:
            out.extend(_time_line_captions(line))
            continue
        if label is None or not line.text[: label.start()].strip():
            out.append(line)
            continue
        head, rest = _cut(line, label.start(), "boilerplate", "related_links")
        out.append(head)
        if line.text[label.end() :].strip():
            label_line, captions = _cut(rest, label.end() - label.start(), "boilerplate", "caption")
            out.extend([label_line, captions])
        else:
            out.append(rest)
    return out


# `出版時間01:46 更新時間11:01某某開回警局。某某攝某某到案說明。翻攝畫面`: the times, then the
# page's photo captions, each closed by its credit (a name's 攝, 翻攝畫面, an agency).
_TIMES_RUN = re.compile(r"\s*(?:(?:出版|发布|发稿|更新)(?:时间)?\s*[:：]?\s*\d{1,2}\s*[:：]\s*\d{2}\s*)+")


@cache
def _caption_credit_after_sentence() -> re.Pattern[str]:
    agencies = _alternation(load_json("article.json")["photo_agencies"])
    return re.compile(
        rf"(?<=[。！？!?])\s*(?:[\u4e00-\u9fff]{{2,4}}摄影?|[\u4e00-\u9fff]{{2,8}}提供|翻摄(?:画面|网路|网络|影片|视频|脸书)?|{agencies})"
    )


def _time_line_captions(line: _Line) -> list[_Line]:
    """A time line and the photo captions printed after it, when every caption is closed by its
    credit up to the line's end; else the line as it is."""
    times = _TIMES_RUN.match(line.text)
    if not times or not line.text[times.end() :].strip():
        return [line]
    credits = list(_caption_credit_after_sentence().finditer(line.text, times.end()))
    if not credits or line.text[credits[-1].end() :].strip():
        return [line]
    head, _rest = _cut(line, times.end(), "boilerplate", "caption")
    pieces, _end = _captions_and_credits(line, times.end(), credits)
    return [head, *pieces]


# `【小编推荐】某某出席记者会。陈某摄某某落泪。陈某摄`: a recommendation box of the page's
# photos, each caption closed by its credit.
# `……把玩。(摄影:某某)`, `……开幕。(记者某某摄)`: the credit in brackets.
_BOX_CREDIT = re.compile(
    r"(?<=[。！？!?])\s*(?:[\u4e00-\u9fff]{2,4}摄影?|[\u4e00-\u9fff]{2,8}提供"
    r"|[(（](?:摄影|图)\s*[:：/／╱]\s*[^()（）\n]{1,16}[)）]|[(（](?:记者)?[\u4e00-\u9fff]{2,4}摄影?[)）])"
)


# `……下架。」(某某/台北报导)`: a closing byline after the story's last sentence, with more after it.
# `……福利。(撰文:某某)`: a writer's credit in brackets closes the story the same way.
# It may open a line of its own after the story's last paragraph.
_WRITER_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[、,，][\u4e00-\u9fff·]{2,4}){0,3}"
_WRITER_CREDIT = rf"[(（](?:撰文|撰稿|文字?|采访)\s*[:：{_SLASHES}]\s*{_WRITER_NAMES}[)）]"
_INNER_CLOSING_BYLINE = re.compile(
    rf"(?<=[。！？!?」”』])\s*(?:[(（〔][^()（）〔〕\n]{{2,30}}?[{_SLASHES}][^()（）〔〕\n{_SLASHES}]{{0,8}}?(?:报导|报道)[)）〕]"
    rf"|{_WRITER_CREDIT})"
)
_OPENING_WRITER_CREDIT = re.compile(rf"\s*{_WRITER_CREDIT}")
# the words one of them holds (a cheap test before the pattern)
_INNER_BYLINE_WORDS = ("报导", "报道", "撰文", "撰稿", "(文", "(采访", "（文", "（采访")


def _split_caption_boxes(lines: list[_Line]) -> list[_Line]:
    """A related-links label opening a line of photo captions closed by credits
    (`小编推荐:……。某某摄……。某某摄`) is a related link; what follows it is the
    captions and their credits, not links. So are captions with credits glued
    after a closing byline (`……(某某/台北报导)某某出席。陈某摄`)."""
    out: list[_Line] = []
    for line in lines:
        text = line.text
        # A short last line ending in a credit may have been taken whole for a caption.
        reported = any(map(text.__contains__, _INNER_BYLINE_WORDS))
        taken = (
            reported
            and line.role == "boilerplate"
            and line.kind in (None, "caption")
            and _is_caption(text.strip())
        )
        if reported and (line.role == "body" or taken):
            byline = _INNER_CLOSING_BYLINE.search(text) or (
                _OPENING_WRITER_CREDIT.match(text) if any(other.role == "body" for other in out) else None
            )
            if byline and byline.end() < len(text.rstrip()) and _BOX_CREDIT.search(text, byline.end()):
                if text[: byline.start()].strip():
                    out.append(
                        _Line(
                            line.start,
                            line.start + byline.start(),
                            text[: byline.start()],
                            line.blank_before,
                            "body",
                        )
                    )
                out.append(
                    _Line(
                        line.start + byline.start(),
                        line.start + byline.end(),
                        byline.group(0),
                        False,
                        "byline",
                        "byline",
                    )
                )
                out.extend(_credited_captions(line, byline.end()))
                continue
        label = None
        if line.role in ("boilerplate", "header") and line.kind in (None, "related_links", "caption"):
            label = _box_label().match(text)
        if label is None or not _BOX_CREDIT.search(text, label.end()):
            out.append(line)
            continue
        out.append(
            _Line(
                line.start,
                line.start + label.end(),
                text[: label.end()],
                line.blank_before,
                "boilerplate",
                "related_links",
            )
        )
        out.extend(_credited_captions(line, label.end()))
    return out


# `……甜点胃。图片提供:某某<caption>。(记者X摄)<caption>`: the page's picture credit glued after the
# story's last sentence opens the run of photo captions a page closes with.
_GLUED_PAGE_CREDIT = re.compile(rf"(?<=[。！？!?」”』])\s*图片提供\s*[:：{_SLASHES}]")
_BRACKETED_SHOT = re.compile(r"[(（](?:记者)?[\u4e00-\u9fff]{2,4}摄影?[)）]")
PAGE_CREDIT_TAIL_SHARE = 0.5  # the captions after such a credit are under this share of the text


def _split_page_credit_tail(lines: list[_Line]) -> list[_Line]:
    """A picture credit glued after a sentence on one of the last body lines, with a bracketed
    photographer's credit after it (`(记者X摄)`), ends the story: the rest are captions."""
    body_positions = [position for position, line in enumerate(lines) if line.role == "body"]
    for position in body_positions[-CLOSING_LINES:]:
        line = lines[position]
        found = _GLUED_PAGE_CREDIT.search(line.text) if "图片提供" in line.text else None
        if not found or not _reads_as_body(line.text[: found.start()]):
            continue
        after = lines[position + 1 :]
        rest = [line.text[found.start() :]] + [other.text for other in after]
        if not any(_BRACKETED_SHOT.search(text) for text in rest):
            return lines
        total = sum(len(other.text.strip()) for other in lines)
        if sum(len(text.strip()) for text in rest) >= PAGE_CREDIT_TAIL_SHARE * total:
            return lines
        if any(other.role not in ("body", "boilerplate") for other in after):
            return lines
        head, tail = _cut(line, found.start(), "boilerplate", "caption")
        out = [*lines[:position], head]
        for piece in (tail, *after):
            if piece.role == "boilerplate" and piece is not tail:
                out.append(piece)
                continue
            captions, cursor = _captions_and_credits(piece, 0, _BRACKETED_SHOT.finditer(piece.text))
            out.extend(captions)
            rest_text = piece.text[cursor:]
            if rest_text.strip():
                out.append(_Line(piece.start + cursor, piece.end, rest_text, False, "boilerplate", "caption"))
        return out
    return lines


_OPENING_CLOSING_BYLINE = re.compile(
    rf"\s*[(（〔][^()（）〔〕\n]{{2,30}}?[{_SLASHES}][^()（）〔〕\n{_SLASHES}]{{0,8}}?(?:报导|报道)[)）〕]"
)
_CAPTION_KINDS = ("caption", "photo_credit")
CLOSING_CAPTION_MAX_CHARS = 80  # what may follow a closing byline opening a line, as a caption


def _among_captions(line: _Line) -> bool:
    """A caption, a credit, or page furniture not told yet (a caption run's lines are taken as
    furniture before their kind is known)."""
    return line.role == "boilerplate" and line.kind in (None, *_CAPTION_KINDS)


def _split_caption_run_lines(lines: list[_Line]) -> list[_Line]:
    """Lines of the photo captions a page closes with that kept a piece of story's look: a line
    between captions with a credit glued after one of its sentences (`……参观。某某摄彩虹……`) is
    captions too; a line that opens with the closing byline and has only captions after it is
    that byline and a caption (`(某中心/台北报导)多项新制上路。`)."""
    out: list[_Line] = []
    for position, line in enumerate(lines):
        if line.role != "body" or not out:
            out.append(line)
            continue
        after = lines[position + 1 :]
        between = _among_captions(out[-1]) and (not after or _among_captions(after[0]))
        if between and _BOX_CREDIT.search(line.text):
            out.extend(_credited_captions(line, 0))
            continue
        byline = _OPENING_CLOSING_BYLINE.match(line.text)
        rest = line.text[byline.end() :].strip() if byline else ""
        if (
            byline
            and rest
            and len(rest) <= CLOSING_CAPTION_MAX_CHARS
            and after
            and all(other.role != "body" for other in after)
            and any(other.role == "body" for other in out)
        ):
            head, tail = _cut(line, byline.end(), "boilerplate", "caption")
            head.role, head.kind = "byline", "byline"
            out += [head, tail]
            continue
        out.append(line)
    return out


def _captions_and_credits(
    line: _Line, cursor: int, credits: Iterable[re.Match[str]]
) -> tuple[list[_Line], int]:
    """Each caption of `line.text` from `cursor` up to a credit, and that credit, in turn; and
    where the last credit ends."""
    text = line.text
    out = []
    for credit in credits:
        if credit.start() > cursor:
            out.append(
                _Line(
                    line.start + cursor,
                    line.start + credit.start(),
                    text[cursor : credit.start()],
                    False,
                    "boilerplate",
                    "caption",
                )
            )
        out.append(
            _Line(
                line.start + credit.start(),
                line.start + credit.end(),
                credit.group(0),
                False,
                "boilerplate",
                "photo_credit",
            )
        )
        cursor = credit.end()
    return out, cursor


def _credited_captions(line: _Line, cursor: int) -> list[_Line]:
    """The captions and credits of `line.text[cursor:]` (`某某出席。陈某摄某某落泪。陈某摄`)."""
    text = line.text
    out, cursor = _captions_and_credits(line, cursor, _BOX_CREDIT.finditer(text, cursor))
    if text[cursor:].strip():
        out.append(_Line(line.start + cursor, line.end, text[cursor:], False, "boilerplate", "caption"))
    return out


@cache
def _box_label() -> re.Pattern[str]:
    return re.compile(rf"\s*[【\[]?(?:{_time_line_related().pattern})[】\]]?\s*")


@cache
def _time_line_related() -> re.Pattern[str]:
    vocab = load_json("article.json")
    labels = vocab["related_labels"] + vocab["boilerplate_kinds"]["related_links"]
    return re.compile(rf"(?:{_alternation(labels)})\s*[:：]?")


def _mark_page_chrome(lines: list[_Line]) -> None:
    """A portal page's `责任编辑:` or `文章关键词:` line closes the story: the
    keyword list, feedback and save buttons and ads after it are page chrome."""
    page_chrome_label = _patterns().page_chrome_label
    start = next(
        (
            position
            for position, line in enumerate(lines)
            if page_chrome_label.match(line.text) and any(other.role == "body" for other in lines[:position])
        ),
        None,
    )
    if start is None:
        return
    for line in lines[start:]:
        if line.role in ("body", "heading"):
            line.role, line.kind = "boilerplate", _boilerplate_kind(line.text)


RECURRING_CAPTION_MAX_CHARS = 16
LONE_CAPTION_MAX_CHARS = 60  # a one-sentence caption over its photographer's credit
CAPTION_LEAD_MAX_CHARS = 40  # `某地的某某故居。图为…`: the caption's naming sentence


# `某某事件最新进展 2019-01-02`, `某地发生地震 01-02 12:30`, `某某回应 阅读 1.2万`: a linked headline
# with the date or the view count after it, as a page lists its related stories.
_LISTED_LINK = re.compile(
    r"^(?P<head>[^\n]{4,40}?)\s*(?:(?:(?:19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?"
    r"|(?:阅读|浏览|播放|评论)\s*[:：]?\s*\d+(?:\.\d+)?[万w]?|\d+(?:\.\d+)?[万w]?\s*[次人]?(?:阅读|浏览|播放|评论))\s*$"
)
_BULLET = ("·", "•", "●")
_LINK_COUNT_WORDS = ("阅读", "浏览", "播放", "评论")


def _is_listed_link(text: str) -> bool:
    """A bulleted line, or a headline (four Han characters or more, not a `label：` field such as
    `报名截止：2019-01-02`) with its date or view count after it."""
    if text.startswith(_BULLET):
        return True
    if not text or not (text[-1].isdigit() or text[-1] in "万w" or text.endswith(_LINK_COUNT_WORDS)):
        return False  # the cheap test first: a date or a count closes the line
    found = _LISTED_LINK.match(text)
    if not found:
        return False
    head = found.group("head").rstrip()
    return not head.endswith((":", "：")) and len(re.findall(r"[\u4e00-\u9fff]", head)) >= 4


LINK_RUN_MIN = 2


def _mark_closing_link_run(lines: list[_Line]) -> None:
    """After the story, a run of two or more lines each a linked headline (its date or view
    count closing it) or opened by a bullet (`·某某万万没想到……`), with nothing of the story
    after them: the page's related links."""
    run: list[_Line] = []
    for line in reversed(lines):
        if line.role == "body":
            if not _is_listed_link(line.text.strip()):
                break
            run.append(line)
        elif line.role == "boilerplate" and line.kind in (None, "other_boilerplate"):
            if _is_listed_link(line.text.strip()):
                run.append(line)  # a dated link the footer's reading took for a date line
        # other furniture between or after the links (a plug, a footer) is passed over
    if not run:
        return
    body = sum(line.role == "body" for line in lines)
    # `●某某……●某某……`: a run of bulleted links glued onto one line is a run too
    items = sum(max(1, sum(line.text.count(bullet) for bullet in _BULLET)) for line in run)
    if items >= LINK_RUN_MIN and any(line.role == "body" for line in run) and body > len(run):
        for line in run:
            line.role, line.kind = "boilerplate", "related_links"


WIDGET_SCAN_MAX_CHARS = 40
WIDGET_MAX_CHARS = 6  # `金币 枚`, `零钱 元`: a counter's label, not a paragraph or a heading


def _is_widget_text(text: str) -> bool:
    """A page widget's piece: no sentence punctuation, and no Han character (`+10`)
    or at most WIDGET_MAX_CHARS characters (`金币  枚`)."""
    if len(text) > WIDGET_SCAN_MAX_CHARS:
        return False  # the cheap test first: a paragraph is no widget
    compact = "".join(text.split())
    if not compact or any(ch in _SENTENCE_STOPS + "。，,、；;：:" for ch in compact):
        return False
    return len(compact) <= WIDGET_MAX_CHARS or not any(_is_cjk(ch) for ch in compact)


def _mark_closing_widgets(lines: list[_Line]) -> None:
    """After the story, a portal's reward or feedback widget (`本文已阅 奖励+20金币`,
    `金币  枚`, `+10`): once a line of furniture follows the last paragraph, the short
    unpunctuated pieces between furniture lines are furniture too, never a heading,
    a caption or a paragraph. A short line right after the story, before any
    furniture, is left as it is (a signature, a closing heading)."""
    run: list[_Line] = []
    for line in reversed(lines):
        furniture = line.role in ("boilerplate", "byline", "header")
        if not (furniture or (line.role in ("body", "heading") and _is_widget_text(line.text))):
            break
        run.append(line)
    seen_furniture = False
    for line in reversed(run):  # top down, from the story's end
        # `+10` printed twice reads as a repeated caption: a counter has no Han character.
        counter = line.kind == "caption" and not any(_is_cjk(ch) for ch in line.text)
        if line.role in ("boilerplate", "byline", "header") and not counter:
            seen_furniture = True
        elif seen_furniture:
            line.role, line.kind = "boilerplate", "other_boilerplate"


def _mark_recurring_captions(lines: list[_Line]) -> None:
    """A short unpunctuated line printed verbatim between several paragraphs
    (`现场图` under each photo) is a caption, not a heading."""
    body = [line for line in lines if line.role == "body"]

    def is_paragraph(line: _Line) -> bool:
        return len(line.text.strip()) > RECURRING_CAPTION_MAX_CHARS and _ends_sentence(line.text.strip())

    # Between paragraphs: not a cell of a table printed one cell a line.
    between = [
        line
        for before, line, after in zip(body, body[1:], body[2:])
        if is_paragraph(before) and is_paragraph(after)
    ]
    counts = Counter(line.text.strip() for line in between)
    for line in between:
        stripped = line.text.strip()
        if (
            counts[stripped] >= 2
            and len(stripped) <= RECURRING_CAPTION_MAX_CHARS
            and re.search(r"[\u4e00-\u9fff]", stripped)
            and not _ends_sentence(stripped)
            and stripped[-1] not in ":：,，、"
        ):
            line.role, line.kind = "boilerplate", "caption"


@cache
def _caption_line_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The dated scene form of a caption line, and a photographer's credit at a line's end."""
    vocab = load_json("article.json")
    photographer = re.compile(rf"(?:{_alternation(vocab['caption_photographer_verbs'])})\s*$")
    return re.compile(vocab["caption_dated_scene"]), photographer


def _mark_caption_headings(lines: list[_Line], text: str) -> None:
    """A photo's caption standing on its own line is not a subheading: a subheading
    names what the paragraphs after it are about, a caption says who did what in the
    picture. Two forms tell it: the news photo's `日期，某某做某事` with no sentence
    end, and a short line right over the picture's caption glyph or `图X为…` line
    (the caption's first part). A lone sentence right over a photographer's own-line
    credit (`记者某某／摄影`) is that photo's caption, not the story's last paragraph;
    and a short sentence naming what the photo shows, without a comma, that opens a
    line and runs into `图为…` is the caption's first sentence (`某地的某某故居。图为…`)."""
    dated = _caption_line_patterns()[0]
    caption_prefix = _patterns().caption_prefix
    for line, after in itertools.pairwise(lines):
        if line.role == "heading":
            stripped, following = line.text.strip(), after.text.strip()
            if dated.match(stripped) or (
                (caption_prefix.match(following) or following in ("▼", "↓", "⬇"))
                and _kind_of(after) == "caption"
            ):
                line.role, line.kind = "boilerplate", "caption"
        elif (
            line.role == "body"
            and after.role in ("boilerplate", "byline")
            and (_is_lone_credited_caption(line, after) or _is_caption_lead(line, after, text))
        ):
            line.role, line.kind = "boilerplate", "caption"
    _mark_captions_like_captions(lines)


CAPTION_HEADING_MAX_CHARS = 16  # a photo caption standing as a heading is short
CAPTION_SUBJECT_CHARS = 4  # `执行干警…`: the opening a page's captions share


def _mark_captions_like_captions(lines: list[_Line]) -> None:
    """A page captions its photos in one voice: a short line standing as a heading that opens
    with the same subject as a caption on the page (`执行干警勘察现场` under `4月24日，执行干警
    张贴清场公告`) is another photo's caption, and so is a short line right next to it with no
    paragraph between (the next photo's)."""
    subjects = set()
    for line in lines:
        if line.kind == "caption":
            scene = re.sub(r"^[^,，。]{0,14}[日天时][,，]", "", line.text.strip())
            if len(scene) >= CAPTION_SUBJECT_CHARS:
                subjects.add(scene[:CAPTION_SUBJECT_CHARS])
    if not subjects:
        return
    run: list[_Line] = []  # the headings standing together, with no paragraph between
    for position in range(len(lines) + 1):
        if position < len(lines) and lines[position].role == "heading":
            run.append(lines[position])
            continue
        if any(head.text.strip()[:CAPTION_SUBJECT_CHARS] in subjects for head in run):
            for head in run:
                if len(head.text.strip()) <= CAPTION_HEADING_MAX_CHARS:
                    head.role, head.kind = "boilerplate", "caption"
        run = []


def _is_lone_credited_caption(line: _Line, credit: _Line) -> bool:
    """One sentence on its own line over a photographer's credit (`记者某某／摄影`)."""
    stripped = line.text.strip()
    return (
        len(stripped) <= LONE_CAPTION_MAX_CHARS
        and bool(_caption_line_patterns()[1].search(credit.text.strip()))
        and _ends_sentence(stripped)
        and len(re.findall(r"[。！？!?]", stripped)) == 1
        and _kind_of(credit) == "photo_credit"
    )


def _is_caption_lead(line: _Line, caption: _Line, text: str) -> bool:
    """`某地的某某故居。图为…`: a short comma-less sentence naming what the photo shows,
    opening its line (not glued to the story's sentence) and running into the caption."""
    stripped = line.text.strip()
    return (
        len(stripped) <= CAPTION_LEAD_MAX_CHARS
        and text[line.start - 1 : line.start] in ("", "\n", " ", "\u3000")
        and not text[line.end : caption.start].strip(" \u3000")  # on the same line
        and bool(_patterns().caption_prefix.match(caption.text.strip()))
        and _kind_of(caption) == "caption"
        and _ends_sentence(stripped)
        and not re.search(r"[,，、;；:：!?！？]|。.", stripped)
    )


def _mark_item_titles(lines: list[_Line], record_title: str | None) -> None:
    """In a roundup (a `快讯` title, or a title that strings the items' headlines
    together), the headings are the items' headlines."""
    if not record_title:
        return
    headings = [line for line in lines if line.role == "heading"]
    words = load_json("article.json")["roundup_title_words"]
    is_roundup = any(word in record_title for word in words)
    for line in headings:
        stripped = line.text.strip()
        if is_roundup or (
            len(headings) >= 2 and stripped in record_title and stripped != record_title.strip()
        ):
            line.kind = "item_title"


def _take_opening(lines: list[_Line], article: Article) -> list[_Line]:
    """The first body line: an editor's note (`(新增:警方调查)`), a photo caption
    with its agency credit, a deck glued before the dateline bracket, then the dateline."""
    patterns = _patterns()
    for _ in range(3):
        position = next((i for i, line in enumerate(lines) if line.role == "body"), None)
        if position is None:
            return lines
        line = lines[position]
        note = (
            patterns.editor_note.match(line.text)
            or patterns.opening_prompt.match(line.text)
            or _opening_plug(line.text)
            or _ADVERTORIAL_LABEL.match(line.text)
        )
        caption = patterns.agency_caption.match(line.text) if position == 0 else None
        sourced = _opening_source_notice().match(line.text) if position == _first_line(lines) else None
        head = patterns.head_before_bracket.match(line.text)
        author = (
            _author_line().match(line.text)
            or _forum_author_line(line.text, lines)
            or _GLUED_CREDIT_AUTHOR.match(line.text)
            if position == next((i for i, other in enumerate(lines) if other.role != "title"), 0)
            else None
        )
        printed_title = _BRACKETED_TITLE.match(line.text) or _labelled_title(line.text, article)
        title_end = printed_title.end() if printed_title else _glued_title_end(line.text, article)
        if title_end:
            first, rest = _cut(line, title_end, "body")
            first.role = "title"
            pieces = [first, rest]
        elif author and _is_name(author.group("name")):
            first, rest = _cut(line, author.end(), "body")
            first.role, first.kind = "byline", "byline"
            _add_reporters(article, "", [author.group("name")])
            pieces = [first, rest]
        elif sourced and line.text[sourced.end() :].strip():
            source, rest = _cut(line, sourced.end(), "body")
            source, notice = _cut(source, sourced.start("notice"), "boilerplate", "copyright")
            source.role, source.kind = "boilerplate", "source_line"
            pieces = [source, notice, rest]
        elif note:
            pieces = list(_cut(line, note.end(), "body"))
            pieces[0].role = "boilerplate"
            kinds = {patterns.editor_note: "editor_note", patterns.plug: "ad", _ADVERTORIAL_LABEL: "ad"}
            pieces[0].kind = kinds.get(note.re, "share_prompt")
        elif caption:
            first, rest = _cut(line, caption.end("credit"), "body")
            first.role, first.kind = "boilerplate", "caption"
            cap, credit = _cut(first, caption.start("credit"), "boilerplate", "photo_credit")
            pieces = [cap, credit, rest]
        elif head and _is_heading_text(head.group("head")):
            first, rest = _cut(line, head.end(), "body")
            first.role = "heading"
            pieces = [first, rest]
        else:
            _take_dateline(line, article)
            if article.dateline_span is None:
                _take_later_dateline(lines, position, article)
            return lines
        lines[position : position + 1] = [piece for piece in pieces if piece.text.strip()]
    return lines


def _first_line(lines: list[_Line]) -> int:
    """The position of the first line that is not the printed headline."""
    return next((i for i, other in enumerate(lines) if other.role != "title"), 0)


@cache
def _opening_source_notice() -> re.Pattern[str]:
    """`来源：某某官方微博版权归原作者所有，如有侵权请联系我们12月8日……`: a portal's source
    label and its copyright notice glued, unpunctuated, before the story's first sentence.
    The notice (`glued_source_notice`) ends the source's value."""
    vocab = load_json("article.json")
    labels = _alternation(vocab["source_labels"])
    return re.compile(
        rf"\s*(?:{labels})\s*[:：]\s*(?P<value>[^\s:：,，。！？!?()（）]{{2,30}}?)\s*"
        rf"(?P<notice>{vocab['glued_source_notice']})"
    )


# `【廣編特輯】暑假快來囉！……`: a label opening the text that says the piece is paid for.
_ADVERTORIAL_LABEL = re.compile(
    r"\s*[【\[〔(（]\s*(?:广编特辑|广编企划|广告企划|赞助内容|业配)\s*[】\]〕)）]"
)


# `(原标题：某某)` opening the text: the headline the story first ran under.
_BRACKETED_TITLE = re.compile(r"\s*[(（]\s*原标题\s*[:：][^()（）\n]{2,60}[)）]")


@lru_cache(maxsize=64)
def _cleaned_title(title: str) -> str:
    """The record's title as the cleaned text spells it (asked by several rules per article)."""
    return clean_text(title).text.strip()


def _labelled_title(text: str, article: Article) -> re.Match[str] | None:
    """`原标题：<the record's title>正文……`, `导语：<the record's title>……`: the headline
    printed under a label, glued to the story; known by the record's title, spaces aside
    (`原标题:某某怀表正在某地维修` for the record's `某某怀表 正在某地维修`)."""
    if not article.doc.title:
        return None
    label = _title_label().match(text)  # the cheap test first: the label opens the line
    if label is None:
        return None
    title = _cleaned_title(article.doc.title)
    if len(title) < TITLE_MIN_CHARS:
        return None
    end = _printed_prefix_end(text[label.end() :], title)
    return _WHOLE.match(text, 0, label.end() + end) if end else None


_WHOLE = re.compile(r"[\s\S]*")  # a match for a span found by hand


@cache
def _title_label() -> re.Pattern[str]:
    return re.compile(rf"\s*(?:{_alternation(load_json('article.json')['title_labels'])})\s*[:：]\s*")


_TITLE_RUBRIC = re.compile(r"^[【\[][^【】\[\]\s]{1,8}[】\]]\s*")


def _glued_title_end(text: str, article: Article) -> int | None:
    """`<the record's title>还记得之前……`: the headline glued, unlabelled, before the lede;
    where it ends. A lede that opens with the headline's words goes on with punctuation
    (`……失败，`) or repeats a short headline; a glued one is long, has parts (a comma, a
    space, a closing `？`) and the story runs on with no punctuation between."""
    if not article.doc.title:
        return None
    title = _cleaned_title(article.doc.title)
    if title[:1] in "【[" and text.lstrip()[:1] != title[:1]:
        # `[热点评述] 因港而兴……`, `【特稿】……`: a column's rubric before the record's title,
        # which the page prints apart from its headline.
        title = _TITLE_RUBRIC.sub("", title, count=1)
    if text.lstrip()[:1] != title[:1] or len(title) < GLUED_TITLE_MIN_CHARS:
        return None
    if not re.search(r"[\s，,、：:？?！!|｜-]", title[:-1]) and title[-1] not in "？?！!":
        return None
    end = _printed_prefix_end(text, title)
    if end is None or not text[end:].strip() or text[end:].lstrip()[0] in "，,、：:；;。.）)」”":
        return None
    return end


def _printed_prefix_end(text: str, title: str) -> int | None:
    """Where `text` stops spelling `title` out (spaces aside) from its start, or None."""
    at = 0
    for ch in title:
        if ch.isspace():
            continue
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text) or text[at] != ch:
            return None
        at += 1
    return at


@cache
def _author_line() -> re.Pattern[str]:
    """`王某某／律師 日前報載……`: a column's author and profession open the text."""
    titles = _alternation(load_json("article.json")["author_titles"])
    return re.compile(
        # `某某／某大学兼任助理教授、保险精算师 `, `某某／旅美作家、《某书》作者 `: several titles.
        rf"\s*(?P<name>[\u4e00-\u9fff]{{2,4}})\s*[{_SLASHES}]\s*[^\s。！？!?]{{0,40}}?(?:{titles})(?=\s)"
    )


# `文/某某派记者 王某记者2日从……获悉`: an opening credit glued onto a lede that opens with `记者`;
# the lede's `记者` marks where the name ends.
_GLUED_CREDIT_AUTHOR = re.compile(
    rf"\s*文\s*[{_SLASHES}]\s*[\u4e00-\u9fff]{{0,10}}?记者\s*(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?=记者)"
)


# `王某某／公 公教年金改革……`: on a reader's forum page, the author and one short word of who
# they are (a trade, a job) open the text.
_FORUM_AUTHOR = re.compile(
    rf"\s*(?P<name>[\u4e00-\u9fff]{{2,4}})\s*[{_SLASHES}]\s*[\u4e00-\u9fff]{{1,12}}(?=\s)"
)


def _forum_author_line(text: str, lines: list[_Line]) -> re.Match[str] | None:
    found = _FORUM_AUTHOR.match(text)
    return found if found and _reads_as_body(text[found.end() :]) and _has_forum_notice(lines) else None


def _has_forum_notice(lines: list[_Line]) -> bool:
    """The page calls for readers' pieces (`【即时论坛征稿】`): its pieces are readers' op-eds."""
    markers = load_json("article.json")["forum_notice_markers"]
    return any(marker in line.text for line in lines for marker in markers)


LATER_DATELINE_MAX_LINES = 4


def _take_later_dateline(lines: list[_Line], first: int, article: Article) -> None:
    """`本报讯 ……` opening the second to fourth body line, under a kicker or a deck
    (`地铁倒计时`, a summary of the story): the dateline is there, and a short
    unpunctuated line before it is the deck, a heading."""
    body = [i for i in range(first, len(lines)) if lines[i].role == "body"][:LATER_DATELINE_MAX_LINES]
    for position in body[1:]:
        if _patterns().dateline.match(lines[position].text):
            _take_dateline(lines[position], article)
            for before in body:
                if before < position and _is_heading_text(lines[before].text):
                    if _is_boilerplate(lines[before].text):  # `报料有奖` over a tip-off line
                        lines[before].role = "boilerplate"
                    else:
                        lines[before].role = "heading"
            return


def _is_heading_text(text: str) -> bool:
    stripped = text.strip()
    return (
        2 <= len(stripped) <= HEADING_MAX_CHARS and not _ends_sentence(stripped) and not _ends_dots(stripped)
    )


def _ends_dots(line: str) -> bool:
    """`先不多说了,上图......`: a trailing ellipsis or tilde ends a sentence, not a heading."""
    return bool(re.search(r"(?:\.{2,}|…|~|～)\s*$", line))


def _source_end(text: str, found: re.Match[str]) -> int:
    """Where a `来源：X` value ends. A footer that runs its labels together
    (`来源：某报记得点个赞编辑：张某`) gives a value up to the next colon: the
    next label (`编辑`, `作者`) is cut off it, and so is a plea to the reader
    (`记得点个赞`, `感谢`, `欢迎转载`; `source_value_stops`)."""
    start, end = found.span(1)
    value = text[start:end]
    stop = _patterns().source_value_stop.search(value)
    if stop and stop.start() >= 2:
        return start + stop.start()
    if end < len(text) and text[end] in ":：|｜/／":
        label = _patterns().label_tail.search(value)
        if label and label.start() >= 2:
            return start + label.start()
    return end


def _source_from_dateline(dateline: str) -> str | None:
    """`新华社北京3月5日电` -> 新华社 (a known outlet); `青禾网讯` -> 青禾网 (an
    outlet's own 讯); never from 本报/本台 or a reporter's bracket."""
    text = dateline.translate(_WIDTH_FOLD)
    outlet = _patterns().outlet_prefix.match(text)
    if outlet and not outlet.group(0).startswith("本"):
        return outlet.group(0)
    tokens = text.split()
    if _dispatch_names(text) and re.fullmatch(r"[\u4e00-\u9fff]{2,8}", tokens[0]):
        return tokens[0]
    own = re.fullmatch(r"([^\d\s·/]{2,12}?)(?:专讯|讯)", text)
    if own and not own.group(1).startswith("本") and not _patterns().role.search(own.group(1)):
        return own.group(1)
    # `某某在线12月21日讯`, `某某网宁波2月18日电`, `某某网综合报道`: the longest name ending
    # like an outlet, before an optional place and the date.
    suffixes = load_json("article.json")["outlet_suffixes"]
    # `某某网-某某新闻客户端12月11日讯`: the outlet, then its channel after a hyphen.
    joined = re.fullmatch(r"([\u4e00-\u9fff]{2,10})[-·]\S{2,16}?\d{1,2}日(?:专电|电|讯)", text)
    if joined and joined.group(1).endswith(tuple(suffixes)) and not joined.group(1).startswith("本"):
        return joined.group(1)
    rest = re.fullmatch(
        r"([\u4e00-\u9fff]{2,16}?)(?:\d{1,2}月)?\d{1,2}日(?:专电|电|讯)|([\u4e00-\u9fff]{2,16}?)综合报道",
        text,
    )
    if rest is None:
        return None
    head = rest.group(1) or rest.group(2)
    for end in range(len(head), 1, -1):
        name, place = head[:end], head[end:]
        if (
            name.endswith(tuple(suffixes))
            and len(place) <= 4
            and not name.startswith("本")
            and not _patterns().role.search(name)
        ):
            return name
    return None


def _mark_header(
    lines: list[_Line], article: Article, tz: dt.tzinfo, record_title: str | None = None
) -> None:
    """Lines before the body: header lines (date, source, breadcrumb), at most
    one title, then header lines, bylines and page widgets. The seed has no title.

    With the record's title known, a first line that shares most of its
    characters is the printed headline (two such lines: kicker and headline),
    and a short first line that does not is a deck above the story: a heading."""
    patterns = _patterns()
    position = 0
    # An editor's note may open the page: `(更新:新增影片)`, `编者按:……`.
    while position < min(len(lines) - 1, 2) and patterns.editor_note.fullmatch(lines[position].text.strip()):
        lines[position].role, lines[position].kind = "boilerplate", "editor_note"
        position += 1
    # Header lines may come before the title (a date line above a Ming Pao headline).
    while position < min(len(lines) - 1, HEADER_MAX_LINES) and _is_header_line(lines[position].text):
        lines[position].role = "header"
        position += 1
    while position < len(lines) - 1 and (
        lines[position].role != "body" or _furniture_kind(lines[position].text) is not None
    ):
        position += 1  # repeated captions, credit and ID lines above the headline
    first_label = (
        re.match(r"\s*原标题\s*[:：]", lines[position].text)
        if position < len(lines) - 1 and len(lines[position].text.strip()) <= TITLE_MAX_CHARS + 6
        else None
    )
    glued_title = _labelled_title(lines[position].text, article) if first_label else None
    if glued_title and lines[position].text[glued_title.end() :].strip():
        first_label = None  # the story follows the title on its line: the opening cuts it there
    if first_label:
        lines[position].role = "title"
        position += 1
    elif record_title and position < len(lines) - 1:
        # Up to three short lines open the page; through the last one that echoes the
        # record's title they are the printed headline (a kicker above it included).
        candidates: list[str] = []
        while position + len(candidates) < len(lines) - 1 and len(candidates) < 3:
            candidate = lines[position + len(candidates)].text.strip()
            if not (
                len(candidate) <= TITLE_MAX_CHARS
                and not _ends_title(candidate)
                and not patterns.dateline.match(candidate)
                and not patterns.bracket_dateline.match(candidate)
                and not _is_byline(candidate)
                and not _is_header_line(candidate)
            ):
                break
            candidates.append(candidate)
        # A printed headline has a few characters: `姓名` under a form's title shares one by chance.
        titled = [
            i
            for i, candidate in enumerate(candidates)
            if len(candidate) >= TITLE_MIN_CHARS
            and _title_like(candidate, record_title)
            # `某某基金宗旨：` over a paragraph is a label, not the headline, whatever it shares
            and not patterns.colon_label_heading.fullmatch(candidate)
        ]
        if titled:
            for line in lines[position : position + titled[-1] + 1]:
                line.role = "title"
            position += titled[-1] + 1
        elif (
            candidates
            and _is_heading_text(candidates[0])
            and _furniture_kind(candidates[0]) is None
            and not _is_boilerplate(candidates[0])  # `报料有奖` over a tip-off line: no deck
            and len(_next_story_line(lines, position).text.strip()) > HEADING_MAX_CHARS
        ):
            if _is_caption(candidates[0]):  # `图为…。 X 摄` over the story: the photo's caption
                lines[position].role, lines[position].kind = "boilerplate", "caption"
            else:
                lines[position].role = "heading"
            position += 1
    elif position < len(lines) - 1:
        first, second = lines[position], lines[position + 1]
        candidate = first.text.strip()
        if (
            len(candidate) <= TITLE_MAX_CHARS
            and not _ends_title(candidate)
            and not patterns.dateline.match(candidate)
            and not patterns.bracket_dateline.match(candidate)
            and not _is_byline(candidate)
            and (second.blank_before or _is_header_line(second.text) or _is_byline(second.text))
        ):
            first.role = "title"
            article.title = article.cleaned.display(first.start, first.end)
            position += 1
    while position < min(len(lines) - 1, HEADER_MAX_LINES + 4):
        line = lines[position]
        if _is_header_line(line.text) and not (_ends_sentence(line.text) and len(line.text) > 40):
            line.role = "header"
        elif _is_byline(line.text):
            line.role = "byline"
        elif _is_widget_line(line.text):
            line.role = "boilerplate"
        else:
            break
        position += 1
    published: tuple[dt.datetime | None, str | None] = (None, None)
    updated: tuple[dt.datetime | None, str | None] = (None, None)
    for line in lines[:position]:
        if line.role != "header":
            continue
        article.header_spans.append((line.start, line.end))
        found = patterns.source_line.search(line.text)
        if found and article.source is None:
            article.source = article.cleaned.display(
                line.start + found.start(1), line.start + _source_end(line.text, found)
            )
        if article.source is None and _is_breadcrumb(line.text):
            span = _breadcrumb_source(line)
            if span:
                article.source = article.cleaned.display(*span)
        date = patterns.date_time.search(line.text)
        if date:
            # 发布日期 wins over 最后更新日期, whichever comes first.
            is_update = bool(patterns.update_label.search(line.text[: date.start()]))
            if is_update and updated[0] is None:
                updated = _datetime_from_match(date, tz)
            elif not is_update and published[0] is None:
                published = _datetime_from_match(date, tz)
        _add_reporters(article, line.text)
    article.published, article.published_precision = published if published[0] else updated


def _mark_footer(lines: list[_Line], article: Article, tz: dt.tzinfo) -> None:
    """Walk up from the end: credit lines, bylines and boilerplate close an article."""
    body_count = sum(1 for line in lines if line.role == "body")
    patterns = _patterns()
    notice = {id(line) for line in _closing_notice(lines)}
    for line in reversed(lines):
        if line.role != "body" or body_count <= 1:
            break  # never leave an article without a body
        if id(line) in notice:
            line.role, line.kind = "boilerplate", "footer"
        elif _is_byline(line.text):
            line.role = "byline"
        elif furniture := _furniture_kind(line.text):
            line.role, line.kind = "boilerplate", furniture
        elif _is_footer_boilerplate(line.text) or _is_source_footer(line.text) or _is_code_footer(line.text):
            line.role = "boilerplate"
            if _is_code_footer(line.text) and not _is_boilerplate(line.text):
                line.kind = "footer"
            # A print-edition line, `《 人民日报 》( 2021年06月02日 第 04 版)`,
            # names the outlet and the date of the paper.
            edition = patterns.print_footer.match(line.text.strip())
            if edition:
                start = line.start + line.text.index(edition.group("name"))
                if article.source is None:
                    article.source = article.cleaned.display(start, start + len(edition.group("name")))
                date = patterns.date_time.search(line.text)
                if date and article.published is None:
                    article.published, article.published_precision = _datetime_from_match(date, tz)
        else:
            break
        body_count -= 1


NOTICE_LABELS_MIN = 2  # distinct `label:` markers that make an untitled closing run a notice
_NOTICE_ITEM = re.compile(r"\s*\d{1,2}\s*[.、．]")


def _closing_notice(lines: list[_Line]) -> list[_Line]:
    """A standing notice closing the page: donation or service instructions
    (`捐款方式:开户银行:…账号:…`, numbered `收据`/`免付费电话` paragraphs under a
    bracketed `【…说明】` title). Every line of the run names a notice word or is a
    numbered item of it; it is a notice under such a title, or when two or more
    notice words are labels (`账号:`). A story ending on a bank fraud names the
    words in sentences, without a title or labels, and stays body."""
    patterns = _patterns()
    run: list[_Line] = []
    for line in reversed(lines):
        if line.role != "body":
            if run:
                break
            continue
        if run and patterns.notice_title.match(line.text.strip()):
            found = {m.group(0) for ln in run for m in patterns.notice_marker.finditer(ln.text)}
            return [*run, line] if found else []
        if patterns.notice_marker.search(line.text) or _NOTICE_ITEM.match(line.text):
            run.append(line)
            continue
        break
    labels = {
        m.group(0)
        for line in run
        for m in patterns.notice_marker.finditer(line.text)
        if line.text[m.end() : m.end() + 2].lstrip().startswith((":", "："))
    }
    return run if len(labels) >= NOTICE_LABELS_MIN else []


def _next_story_line(lines: list[_Line], position: int) -> _Line:
    """The line after `position`, past furniture by form (`基金會編號A1234` under a deck)."""
    for line in lines[position + 1 :]:
        if _furniture_kind(line.text) is None:
            return line
    return lines[position + 1]


def _is_code_footer(line: str) -> bool:
    """`基金会编号:A3632`, `稿件编号:2019-118`: a short label and a code close the page."""
    return bool(re.fullmatch(r"\s*[\u4e00-\u9fff]{2,8}\s*[:：]\s*[A-Za-z0-9][A-Za-z0-9-]{1,19}\s*", line))


# `上一篇：某标题`, `下一页:某标题`: a page's link to its neighbour, not the article.
_NEIGHBOUR_LINK = re.compile(r"\s*[上下]一[篇页]\s*[:：]\s*(?:\S| (?=\S)){1,40}\s*")


def _mark_related(lines: list[_Line]) -> None:
    """`相关阅读:` and the headline-like links after it are not the article."""
    patterns = _patterns()
    inside = False
    for line in lines:
        stripped = line.text.strip()
        neighbour = stripped[1:3] in ("一篇", "一页") and _NEIGHBOUR_LINK.fullmatch(stripped)
        if neighbour and line.role in ("body", "heading") and not _ends_sentence(stripped):
            line.role, line.kind = "boilerplate", "related_links"
            continue
        glued_label = patterns.related_start.match(stripped) and not _ends_title(stripped)
        if line.role in ("body", "boilerplate") and (patterns.related_label.match(stripped) or glued_label):
            line.role, line.kind = "boilerplate", "related_links"
            inside = True
        elif line.role != "body":
            continue
        elif inside and len(stripped) <= TITLE_MAX_CHARS and not _ends_title(stripped):
            line.role, line.kind = "boilerplate", "related_links"
        else:
            inside = False


CLOSING_NOTE_LINES = 2  # an editor's note closing the story stands in its last lines


def _mark_inner(lines: list[_Line]) -> None:
    """Bylines, captions and short boilerplate lines between paragraphs."""
    body = [line for line in lines if line.role == "body"]
    if len(body) <= 1:
        return
    bylines = []
    closing_from = len(body) - CLOSING_NOTE_LINES
    for position, line in enumerate(body):
        stripped = line.text.strip()
        if position >= closing_from and _patterns().editor_note.match(stripped):
            # `小编:开车一定要保持车距。`: the editor's word after the story.
            line.role, line.kind = "boilerplate", "editor_note"
        elif furniture := _furniture_kind(stripped):
            line.role, line.kind = "boilerplate", furniture
        elif (_is_byline(stripped) and len(stripped) <= 40) or _patterns().credit_line.match(stripped):
            bylines.append(line)
        elif _is_caption(stripped) or _is_short_boilerplate(stripped) or _is_source_footer(stripped):
            line.role = "boilerplate"
    # Many author lines inside the text are a list's entries (`作者:X/某大学` under each work), not bylines.
    if len(bylines) <= MAX_INNER_BYLINES:
        for line in bylines:
            line.role = "byline"


# `某基金會求助•捐款專線：0809-000000 (每日上午10時至晚上7時)`: a label and a phone number.
_HOTLINE = re.compile(r"[^。！？\n]{0,20}?(?:专线|热线|电话)\s*[:：]\s*[(（]?\d[\d\s()（）-]{5,}")
HOTLINE_MAX_CHARS = 80
CREDIT_LINE_MAX_CHARS = 40


@cache
def _credit_label() -> re.Pattern[str]:
    labels = _alternation(load_json("article.json")["credit_labels"])
    return re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{labels})(?:单位|方|媒体|机构)?\s*[:：]\s*\S")


_RULE_LINE = re.compile(r"[-—–=_*~～·•]{3,}")


# `返回文章首页 首页>新闻>…`: a portal's navigation opening a line.
_BACK_HOME = re.compile(r"(?:>>|》|>)?\s*返回[\u4e00-\u9fff]{0,8}首页")


def _furniture_kind(text: str) -> str | None:
    """Lines that are page furniture by their form alone, anywhere in the text:
    a `---` separator or an ID line `基金会编号A3632` (footer) and a machine stamp
    `(更新时间戳: 1705063907343)` (time_line)."""
    stripped = text.strip()
    if _RULE_LINE.fullmatch(stripped) or _patterns().id_line.match(stripped) or _BACK_HOME.match(stripped):
        return "footer"
    if ":" in stripped or "：" in stripped:  # both forms below are a label and a colon
        if len(stripped) <= HOTLINE_MAX_CHARS and _HOTLINE.match(stripped):
            return "hotline"
        # `活动主办：某报`, `战略合作：某品牌`: who stands behind the page.
        if (
            len(stripped) <= CREDIT_LINE_MAX_CHARS
            and _credit_label().match(stripped)
            and not _ends_sentence(stripped)
        ):
            return "other_boilerplate"
    if _patterns().stamp_line.match(stripped):
        return "time_line"
    return None


def _split_inline_notes(lines: list[_Line]) -> list[_Line]:
    """`……获救。(详见本报3月2日A5版报道)昨日，……`: a bracketed cross-reference is an
    editor's note, `(转载请注明来源:X)` a source line, and `图片来源网络，侵权联系删除` a photo
    credit, wherever they sit in a paragraph."""
    out: list[_Line] = []
    for line in lines:
        patterns = _patterns()
        notes: list[re.Match[str]] = []
        if line.role == "body":
            notes = list(patterns.inline_note.finditer(line.text))
            if "网络" in line.text:  # the cheap test first: few lines credit pictures to the web
                notes = sorted(
                    [*notes, *patterns.picture_disclaimer.finditer(line.text)],
                    key=lambda found: found.start(),
                )
            if "※" in line.text:  # the cheap test first: few lines hold a notice mark
                notes = sorted(
                    [*notes, *patterns.marked_notice.finditer(line.text)], key=lambda found: found.start()
                )
        if not notes:
            out.append(line)
            continue
        out.extend(
            _carved(
                line,
                (
                    (
                        found.start(),
                        found.end(),
                        "boilerplate",
                        "photo_credit"
                        if found.re is patterns.picture_disclaimer
                        else "copyright"
                        if found.re is patterns.marked_notice
                        else "editor_note"
                        if found.group("note")
                        else "source_line",
                    )
                    for found in notes
                ),
            )
        )
    return out


# `1某市…` at a line start, or `……出行更方便。2某省…` glued after a sentence: a list number before Han text.
_ITEM_NUMBER = re.compile(
    r"(?:^|(?<=[。！？!?”」]))\s*(?P<number>\d{1,2})(?:\s?(?=[\u4e00-\u9fff“《「])|\s(?=[A-Za-z]))"
)
_DIGIT = re.compile(r"\d")  # what every `_ITEM_NUMBER` holds
ROUNDUP_MIN_ITEMS = 3
ITEM_TITLE_MAX_CHARS = 40


def _split_numbered_items(lines: list[_Line]) -> list[_Line]:
    """A numbered roundup glued onto few lines: where the list numbers run 1, 2, 3, …
    (the first at a line start), a number after a sentence end that opens a short
    unpunctuated run to the end of the line starts an item headline of its own."""
    expected = 1
    cuts: dict[int, list[int]] = {}
    for position, line in enumerate(lines):
        if not _DIGIT.search(line.text):
            continue  # the cheap test first: no number, no item
        for found in _ITEM_NUMBER.finditer(line.text):
            number = int(found.group("number"))
            if number != expected or (number == 1 and found.start() > 0):
                continue
            expected += 1
            item_text = line.text[found.start("number") :].strip()
            if found.start() > 0 and len(item_text) <= ITEM_TITLE_MAX_CHARS and not _ends_sentence(item_text):
                cuts.setdefault(position, []).append(found.start("number"))
    if expected - 1 < ROUNDUP_MIN_ITEMS or not cuts:
        return lines
    out: list[_Line] = []
    for position, line in enumerate(lines):
        rest = line
        for at in cuts.get(position, []):
            head, rest = _cut(rest, at - (rest.start - line.start), "body")
            out.append(head)
        out.append(rest)
    return out


# `2012/07/26 ．某某判刑4年`: an entry of a dated chronology (a sidebar's event list).
_DATED_ITEM = re.compile(r"(?:19|20)\d{2}/\d{1,2}/\d{1,2}\s*[．.・•]")
DATED_LIST_MIN_ITEMS = 3


# `……危急。?↓↓↓就在……`: a portal's paragraph and video markers, a `?` left where an
# emoji was lost after a full stop, and arrow runs pointing at the next picture.
_GLYPH_RUN = re.compile(
    r"^(?:\s*\?)+|(?<=。)(?:\s*\?)+(?:\s*[↓⬇])*|(?<=[。！？!?…”」』])\s*[↓⬇]{2,}(?:\s*\?)*"
)


def _split_layout_glyphs(lines: list[_Line]) -> list[_Line]:
    """Layout glyphs between sentences, and a spaced-out kicker label opening a
    line (`注 意`), are page furniture of their own, not part of the story."""
    out: list[_Line] = []
    for line in lines:
        cuts: list[tuple[int, int]] = []
        kicker = _patterns().spaced_kicker.match(line.text)
        if kicker:
            cuts.append(kicker.span())
        if "?" in line.text or "↓" in line.text or "⬇" in line.text:
            cuts += [found.span() for found in _GLYPH_RUN.finditer(line.text)]
        if not cuts:
            out.append(line)
            continue
        rest, consumed = line, 0
        for start, end in cuts:
            if start > consumed:
                head, rest = _cut(rest, start - consumed, "body")
                out.append(head)
                consumed = start
            glyphs, rest = _cut(rest, end - consumed, "body")
            glyphs.role, glyphs.kind = "boilerplate", "other_boilerplate"
            out.append(glyphs)
            consumed = end
        if rest.text.strip():
            out.append(rest)
        else:
            out[-1] = _Line(
                out[-1].start,
                rest.end,
                out[-1].text + rest.text,
                out[-1].blank_before,
                "boilerplate",
                "other_boilerplate",
            )
    return out


def _split_dated_items(lines: list[_Line]) -> list[_Line]:
    """A run of three or more dated entries glued onto one line is a list, not
    one sentence: each entry becomes a line of its own."""
    out: list[_Line] = []
    for line in lines:
        # the cheap test first: each entry's date holds two slashes
        many = line.text.count("/") >= 2 * DATED_LIST_MIN_ITEMS
        starts = [found.start() for found in _DATED_ITEM.finditer(line.text)] if many else []
        if len(starts) < DATED_LIST_MIN_ITEMS:
            out.append(line)
            continue
        rest = line
        for at in starts:
            if at - (rest.start - line.start) <= 0:
                continue
            head, rest = _cut(rest, at - (rest.start - line.start), "body")
            out.append(head)
        out.append(rest)
    return out


# `……看看！ 1.草莓：8kcal/粒 其中……`: a numbered entry whose short label holds a colon,
# glued between sentences: the entry's title.
_LABELLED_ITEM = re.compile(
    r"(?P<number>\d{1,2})[.．、]\s*[^\s。！？!?，,]{0,30}[:：][^\s。！？!?]{0,40}(?=\s|$)"
)
_LABELLED_ITEM_AFTER = (
    "。！？!?」”)）"  # what may come before an entry's number, besides a space or the line start
)


def _split_labelled_items(lines: list[_Line]) -> list[_Line]:
    """A list whose entries run 1, 2, 3, … (three or more), each a number and a short
    label with a colon before the prose (`2.草莓：8kcal/粒 其中……`), whether or not a
    line break precedes them: each label is an item title."""
    found: list[tuple[int, re.Match[str]]] = []
    expected = 1
    for position, line in enumerate(lines):
        if ":" not in line.text and "：" not in line.text:
            continue
        for match in _LABELLED_ITEM.finditer(line.text):
            before = line.text[match.start() - 1] if match.start() else " "
            if not (before.isspace() or before in _LABELLED_ITEM_AFTER):
                continue
            if int(match.group("number")) == expected:
                found.append((position, match))
                expected += 1
    if expected - 1 < ROUNDUP_MIN_ITEMS:
        return lines
    cuts: dict[int, list[re.Match[str]]] = {}
    for position, match in found:
        cuts.setdefault(position, []).append(match)
    out: list[_Line] = []
    for position, line in enumerate(lines):
        marks = ((match.start(), match.end(), "heading", "item_title") for match in cuts.get(position, []))
        out.extend(_carved(line, marks))
    return out


def _list_number(text: str) -> int | None:
    found = _ITEM_NUMBER.match(text)
    return int(found.group("number")) if found else None


def _opens_numbered_list(line: _Line, lines: list[_Line]) -> bool:
    """`1某市…` and, on later lines, `2…` and `3…`: the first entry of a numbered list."""
    numbers = {_list_number(other.text) for other in lines}
    return _list_number(line.text) == 1 and {2, 3} <= numbers


def _is_item_title_text(text: str) -> bool:
    stripped = text.strip()
    return (
        2 <= len(stripped) <= ITEM_TITLE_MAX_CHARS
        and not _ends_sentence(stripped)
        and not _ends_dots(stripped)
        and stripped[-1] not in ":：,，、"
        and not _is_boilerplate(stripped)
    )


def _mark_roundup(body: list[_Line], article: Article, all_lines: list[_Line]) -> bool:
    """A text made of several (short unpunctuated headline, paragraph) pairs, opening
    with such a pair, is a roundup: the headlines are `item_title` blocks (a leading
    list number stays inside), and a short section word on its own line before an
    item (`要闻`, `行业`) is a heading. Text broken into phrases has few such pairs
    (its short lines follow each other), and a feature with subheadings opens with
    a lede, not a headline."""
    section_max = load_json("article.json")["roundup_section_max_chars"]
    lines = [line for line in body if not _is_dateline_only(line, article)]
    titles: list[_Line] = []
    sections: list[_Line] = []
    unpaired = 0
    following_lines: list[_Line | None] = [*lines[1:], None]
    for line, following in zip(lines, following_lines):
        if not _is_item_title_text(line.text):
            continue
        if following is not None and _ends_sentence(following.text.strip()):
            titles.append(line)
        elif (
            following is not None
            and len(line.text.strip()) <= section_max
            and _is_item_title_text(following.text)
        ):
            sections.append(line)
        else:
            unpaired += 1
    opening = next((line for line in lines if line not in sections), None)
    if len(titles) < ROUNDUP_MIN_ITEMS or opening is not titles[0] or unpaired * 2 > len(titles):
        return False
    # One story with a deck and subheadings is signed under its lede: a byline
    # between the first two headlines.
    first, second = all_lines.index(titles[0]), all_lines.index(titles[1])
    if any(line.role == "byline" for line in all_lines[first:second]):
        return False
    for line in titles:
        line.role, line.kind = "heading", "item_title"
    for line in sections:
        line.role = "heading"
    return True


def _is_dateline_only(line: _Line, article: Article) -> bool:
    """`央视网消息(新闻联播):` on a line of its own."""
    span = article.dateline_span
    return span is not None and span[0] == line.start and not line.text[span[1] - line.start :].strip()


def _roundup_items(article: Article) -> list[RoundupItem]:
    """The items of a roundup, from its blocks: each item_title block and the body
    blocks up to the next one."""
    items: list[tuple[tuple[int, int], tuple[int, int], list[tuple[int, int]]]] = []
    for block in article.blocks:
        if block.kind == "item_title":
            text = article.text[block.start : block.end]
            number = re.match(r"\s*\d{1,2}\s?(?=\D)", text)
            headline_start = block.start + (number.end() if number else 0)
            items.append(((block.start, block.end), (headline_start, block.end), []))
        elif block.kind == "body" and items:
            items[-1][2].append((block.start, block.end))
    return [RoundupItem(title, headline, tuple(paragraphs)) for title, headline, paragraphs in items]


def _mark_opening_caption(lines: list[_Line], article: Article) -> None:
    """A long first line without end punctuation, a clause with a comma, before a
    paragraph of story reads as the caption of the opening photo: too long for a
    deck, and no headline."""
    position = next((i for i, line in enumerate(lines) if line.role == "body"), None)
    if position is None or position + 1 >= len(lines) or lines[position + 1].role != "body":
        return
    if article.dateline_span and article.dateline_span[0] == lines[position].start:
        return
    stripped = lines[position].text.strip()
    following = lines[position + 1].text.strip()
    if (
        HEADING_MAX_CHARS < len(stripped) <= CAPTION_MAX_CHARS
        and re.search(r"[，,]", stripped)
        and not re.search(r"[。！？!?]", stripped)  # one clause, not a lede that lost its last stop
        and not _ends_sentence(stripped)
        and not _ends_dots(stripped)
        and stripped[-1] not in ":：,，、"
        and _ends_sentence(following)
    ):
        lines[position].role, lines[position].kind = "boilerplate", "caption"


OPENING_CAPTIONS_MIN = 2
OPENING_CAPTIONS_MAX = 4  # more short lines are text broken into phrases, or a form
LINKED_TEASERS_MIN = 2  # `[详细]` links that make a page a list of teasers
OPENING_CAPTION_MIN_CHARS = 10  # a caption says who does what; shorter lines are phrases and labels


def _mark_opening_photo_captions(lines: list[_Line], article: Article) -> None:
    """Two to four short unpunctuated lines in a row opening the text, before the
    lede, describe the photos printed above it (a deck is one line): captions,
    never headings. On a page of linked teasers (two or more `[详细]` links closing
    paragraphs) the short lines are the section's and the items' titles."""
    links = sum(
        1
        for line in lines
        if line.kind == "related_links" and _patterns().related_tail.match(line.text.strip())
    )
    if links >= LINKED_TEASERS_MIN:
        return
    run: list[_Line] = []
    for line in lines:
        if line.role not in ("body", "heading"):
            if run:
                break
            continue
        stripped = line.text.strip()
        if _ends_sentence(stripped) or len(stripped) > CAPTION_MAX_CHARS:
            break
        if (
            len(stripped) < OPENING_CAPTION_MIN_CHARS
            or re.search(r"[:：|｜,，]", stripped)
            or _ends_dots(stripped)
            or (article.dateline_span and article.dateline_span[0] == line.start)
            or (not run and line.role != "body")  # a deck the header found
        ):
            return
        run.append(line)
    else:
        return  # no lede after the run
    if OPENING_CAPTIONS_MIN <= len(run) <= OPENING_CAPTIONS_MAX:
        for line in run:
            line.role, line.kind = "boilerplate", "caption"


def _is_short_boilerplate(line: str) -> bool:
    if len(line) > 40 or _ends_sentence(line):
        return False
    markers = _patterns().boilerplate.findall(line)
    if not markers:
        return False
    # `移动广告驱动收入增长`: a word a headline may hold marks furniture only at the line's edge
    # (`广告`, `【广告】`, `广告位招租`)
    if set(markers) <= _weak_markers():
        return _weak_marker_at_edge(line)
    return True


def _weak_marker_at_edge(line: str) -> bool:
    weak = tuple(_weak_markers())
    edge = line.strip(" \u3000[]【】()（）:：|｜-—")
    return edge.startswith(weak) or edge.endswith(weak)


@cache
def _weak_markers() -> frozenset[str]:
    return frozenset(load_json("article.json")["weak_boilerplate_markers"])


UNPUNCTUATED_SHARE = 0.5  # text whose lines mostly end without punctuation is broken into phrases


# `某国成立边境安全协调委员会 某方称在某州成立军事管制局`: a two-part headline, each
# part a clause of its own, may run past HEADING_MAX_CHARS.
_TWO_PART_HEADING = re.compile(r"[^\s，,。！？!?：:]{6,20} [^\s，,。！？!?：:]{6,20}")


_NUMBERED_SUBHEAD = re.compile(r"\s*(?P<number>\d{1,2}|[一二三四五六七八九十]{1,3})\s*、\s*\S")
NUMBERED_SUBHEAD_MAX_CHARS = 25


def _subhead_number(text: str) -> int | None:
    """`3、某某` -> 3, `十二、某某` -> 12: the number of a numbered subheading, when the line is one."""
    found = _NUMBERED_SUBHEAD.match(text)
    if (
        not found
        or len(text) > NUMBERED_SUBHEAD_MAX_CHARS
        or _ends_sentence(text)
        or _ends_dots(text)
        or text[-1] in ":：,，、"
        or len(re.findall(r"[\u4e00-\u9fff]", text[found.end() - 1 :])) < HEADING_MIN_HAN
    ):
        return None
    number = found.group("number")
    return int(number) if number.isdigit() else _han_number(number)


def _mark_numbered_subheads(body: list[_Line]) -> None:
    """`一、某某` … `二、某某`: short unpunctuated numbered lines, each over a paragraph of
    its own and numbered one after another, are a piece's subheadings (also in a page whose
    lines mostly go unpunctuated). Numbered lines with no paragraph between them are a list or a form."""
    numbered = [
        (position, number)
        for position, line in enumerate(body)
        if _NUMBERED_SUBHEAD.match(line.text) and (number := _subhead_number(line.text.strip()))
    ]

    def has_paragraph(start: int, end: int) -> bool:
        return any(
            len(text) > NUMBERED_SUBHEAD_MAX_CHARS or _ends_sentence(text)
            for text in (line.text.strip() for line in body[start:end])
        )

    following = [position for position, _ in numbered[1:]] + [len(body)]
    for index, ((position, number), (next_position, next_number)) in enumerate(itertools.pairwise(numbered)):
        if next_number != number + 1 or next_position >= len(body) - 1:
            continue
        if has_paragraph(position + 1, next_position):
            body[position].role = body[next_position].role = "heading"
        elif body[position].role == "heading" and has_paragraph(next_position + 1, following[index + 1]):
            # `三、某某` with nothing under it, then `四、某某` over its paragraphs: the run of
            # subheadings goes on (a list's items have no paragraphs under them)
            body[next_position].role = "heading"


GLUED_SUBHEAD_MIN_PARAGRAPH = 10  # characters of paragraph after a glued subheading's opener


def _split_glued_subheads(lines: list[_Line], text: str) -> list[_Line]:
    """Subheadings a print page glued onto a paragraph, where the form marks their end: a run
    before the paragraph's opening connective (`……走势。 某机构估年底9975点不过,在……`), and a
    bracketed label closing a paragraph (`……第7版【案例要旨】`) with more story after it.
    Each must sit between paragraphs: story before it and after it."""
    patterns = _patterns()
    body_positions = [position for position, line in enumerate(lines) if line.role == "body"]
    if not body_positions:
        return lines
    first_body, last_body = body_positions[0], body_positions[-1]
    # the cheap test first: a search for each connective over the whole text, not a pattern over each line
    has_opener = any(opener in text for opener in patterns.subhead_openers)
    out: list[_Line] = []
    for position, line in enumerate(lines):
        if line.role != "body":
            out.append(line)
            continue
        marks: list[tuple[int, int, str, str | None]] = []
        for opener in patterns.subhead_opener.finditer(line.text) if has_opener else ():
            # the connective first, then the run before it, back to a sentence's end
            found = patterns.glued_subhead.search(line.text, max(0, opener.start() - 24), opener.start())
            if not found:
                continue
            start, end = found.span("head")
            head = found.group("head")
            if (
                (start > 0 or position > first_body)
                and len(line.text) - end >= GLUED_SUBHEAD_MIN_PARAGRAPH
                and len(re.findall(r"[\u4e00-\u9fff]", head)) >= HEADING_MIN_HAN
                and not _is_boilerplate(head)
            ):
                if patterns.caption_credit.search(head):  # `某网记者王某摄`: a photo's credit
                    marks.append((start, end, "boilerplate", "photo_credit"))
                elif not patterns.role.search(head):
                    marks.append((start, end, "heading", None))
        label = patterns.closing_label.search(line.text) if line.text.rstrip().endswith("】") else None
        if label and position < last_body and not _is_boilerplate(label.group("label")):
            marks.append((*label.span("label"), "heading", None))
        out.extend(_carved(line, marks) if marks else [line])
    return out


_DATA_SOURCE_LINE_MAX = 24  # characters of a chart's credit after its label


@cache
def _data_source_line() -> re.Pattern[str]:
    labels = _alternation(load_json("article.json")["data_source_labels"])
    return re.compile(rf"(?:{labels})\s*[:：]\s*[^\s。，,!！?？]{{1,{_DATA_SOURCE_LINE_MAX}}}")


def _mark_data_source_lines(lines: list[_Line]) -> None:
    """`数据来源：某某网` on a line of its own under a chart (`……看一看下面这张折线图：`): the
    chart's credit, not a subheading, and not the article's source."""
    pattern = _data_source_line()
    for line in lines:
        if line.role == "body" and "来源" in line.text and pattern.fullmatch(line.text.strip()):
            line.role, line.kind = "boilerplate", "photo_credit"


TWO_PART_HALF_MAX = 14  # characters of each half of a two-part subheading (`某某规定 建院还差1亿`)
TWO_PART_PARAGRAPH_MIN = 10  # characters of paragraph after it


@cache
def _two_part_subhead_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], str]:
    """The opening half and space of a two-part subheading, its paragraph's first clause, the
    clause's closing speech verb, a date or time word opening the paragraph, the characters a
    heading never ends on (`在`, `的`: a sentence goes on)."""
    vocab = load_json("article.json")
    run = r"[^\s,，。！？!?：:；;、()（）【】\[\]〔〕<>《》/／╱|]"
    opening = re.compile(rf"(?P<half>{run}{{2,{TWO_PART_HALF_MAX}}}) +(?=[^\s,，。！？!?])")
    clause = re.compile(r"[^,，。！？!?：:；;\s]{2,40}(?=[,，：:])")
    verb = re.compile(rf"(?:{_alternation(vocab['subhead_speaker_verbs'])})$")
    time = re.compile(rf"\d{{1,4}}[年月日]|{_alternation(vocab['subhead_time_openers'])}")
    cue = re.compile(rf"{verb.pattern}|(?P<time>{time.pattern})")
    return opening, clause, cue, vocab["subhead_head_final_stops"]


def _two_part_head_end(clause: str, text: str) -> int | None:
    """Where the second half of a two-part subheading ends in its paragraph's first clause, when
    the form marks it: before the paragraph's opening connective (`另外`), before a date or time
    word opening the paragraph (`2012年之前,`), or before the speaker of a clause that ends with
    a speech verb (`某某说,`, `警方表示,`): a person the article names again elsewhere, or a
    body (`警方`), with no title before it (`某司长`: the title goes with the name). Else None."""
    patterns = _patterns()
    _opening, _clause, cue, _stops = _two_part_subhead_patterns()
    for opener in patterns.subhead_openers:
        word = opener[:-1]
        if clause.endswith(word) and len(clause) > len(word):
            return len(clause) - len(word)
    found = cue.search(clause, 2)
    while found and found.group("time") is None and found.end() != len(clause):
        found = cue.search(clause, found.start() + 1)
    if found is None:
        return None
    if found.group("time") is not None:
        return found.start()
    vocab = load_json("article.json")
    before = clause[: found.start()]
    for size in (4, 3, 2):
        speaker, head = before[-size:], before[:-size]
        if (
            len(head) >= 2
            and (
                speaker in vocab["subhead_speaker_bodies"]
                or (looks_like_person(speaker) and text.count(speaker) >= 2)
            )
            and not head.endswith(tuple(vocab["subhead_speaker_titles"]))
        ):
            return len(head)
    return None


def _split_two_part_subheads(lines: list[_Line], text: str) -> list[_Line]:
    """A print page's subheading in two halves with a space between them, opening a paragraph
    it was glued onto (`……族人看诊。 摆脱某某规定 建院还差1亿徐某某说,……`): the space marks the
    first half's end; the second half's is marked by the paragraph's opening (see
    `_two_part_head_end`). There must be story before it and a paragraph after it."""
    if " " not in text:
        return lines
    body_positions = [position for position, line in enumerate(lines) if line.role == "body"]
    # the cheap test first: a space near the start of a body line after the first
    reach = TWO_PART_HALF_MAX + 3
    candidates = [position for position in body_positions[1:] if " " in lines[position].text[:reach]]
    if not candidates:
        return lines
    opening, clause_pattern, _cue, stops = _two_part_subhead_patterns()
    patterns = _patterns()
    marks: dict[int, tuple[int, int]] = {}
    for position in candidates:
        line = lines[position]
        offset = len(line.text) - len(line.text.lstrip())
        found = opening.match(line.text, offset)
        clause = clause_pattern.match(line.text, found.end()) if found else None
        end = _two_part_head_end(clause.group(), text) if found and clause else None
        if found is None or clause is None or end is None:
            continue
        second = clause.group()[:end]
        head_end = clause.start() + end
        head = line.text[offset:head_end]
        if (
            len(second) <= TWO_PART_HALF_MAX
            and second[-1] not in stops
            and len(re.findall(r"[\u4e00-\u9fff]", found.group("half"))) >= HEADING_MIN_HAN
            and len(re.findall(r"[\u4e00-\u9fff]", second)) >= HEADING_MIN_HAN
            and len(line.text) - head_end >= TWO_PART_PARAGRAPH_MIN
            and not _is_boilerplate(head)
            and not patterns.role.search(head)
            and not patterns.caption_credit.search(head)
        ):
            marks[position] = (offset, head_end)
    if not marks:
        return lines
    out: list[_Line] = []
    for position, line in enumerate(lines):
        if position in marks:
            out.extend(_carved(line, [(*marks[position], "heading", None)]))
        else:
            out.append(line)
    return out


# `……。二、转子转子的作用是……`: a Chinese ordinal opening a line or following a sentence's end.
_GLUED_ORDINAL = re.compile(r"(?:^|(?<=[。！？!?”」]))\s*(?P<number>[一二三四五六七八九十]{1,3})、")
NUMBERED_SERIES_MIN = 3  # 一、二、三、 in order: a piece's sections, not one enumeration
GLUED_NUMBERED_HEAD_MAX = 20  # characters of a glued numbered subhead after its number
GLUED_NUMBERED_PARAGRAPH_MIN = 20  # characters of paragraph after it, before the next number


def _han_number(number: str) -> int | None:
    """`三` -> 3, `十二` -> 12: a section number, read by the numeral parser figures and the
    timeline use. A digit run (`一二`) or a pair (`三四`) numbers no section."""
    found = scan_numeral(number, 0)
    if found is None or found.end != len(number) or found.digit_sequence or found.value_max is not None:
        return None
    value = found.value
    return int(value) if value == value.to_integral_value() and value > 0 else None


def _glued_numbered_head_end(rest: str) -> tuple[int, bool] | None:
    """Where a numbered subhead glued onto its paragraph ends, when the form marks it: the
    paragraph opens by repeating the subhead's last word (`转子转子的作用是…`), or with a
    connective and its comma (`推动某某发展首先，…`); or the subhead is a short sentence of its
    own (`产业投资结构不断优化。1-4月，…`: the flag is True, a weaker mark). Else None."""
    patterns = _patterns()
    window = rest[: GLUED_NUMBERED_HEAD_MAX + 4]
    repeated = re.match(
        r"(?P<head>[^\s，,。！？!?：:；;、()（）]{0,16}?(?P<word>[\u4e00-\u9fff]{2,4}))(?P=word)", window
    )
    if repeated:
        return repeated.end("head"), False
    opener = patterns.subhead_opener.search(window)
    if (
        opener
        and 2 <= opener.start() <= GLUED_NUMBERED_HEAD_MAX
        and not re.search(r"[，,。！？!?：:；;]", rest[: opener.start()])
    ):
        return opener.start(), False
    sentence = re.match(r"[^，,。！？!?：:；;]{2,%d}[。！？!?]" % GLUED_NUMBERED_HEAD_MAX, rest)
    if sentence:
        return sentence.end(), True
    return None


def _split_glued_numbered_subheads(lines: list[_Line], text: str) -> list[_Line]:
    """`一、某某` … `三、某某` glued onto their paragraphs (at a line's start or after a sentence's
    end), numbered one after another from one, three or more: a piece's sections. Each subhead is
    cut off its paragraph where the form marks its end (`_glued_numbered_head_end`) and there
    is a paragraph after it; a subhead that is a short sentence counts only when every item of
    the series opens so. A series whose items have no paragraph is a list, and stays."""
    if not all(f"{digit}、" in text for digit in "一二三"):
        return lines  # the cheap test first, over the whole text
    found: list[tuple[int, int, int]] = []  # (line position, offset of the number, number)
    for position, line in enumerate(lines):
        if line.role == "body" and "、" in line.text:
            for match in _GLUED_ORDINAL.finditer(line.text):
                number = _han_number(match.group("number"))
                if number is not None:
                    found.append((position, match.start("number"), number))
    series: list[tuple[int, int, int]] = []
    for item in found:
        if item[2] == len(series) + 1:
            series.append(item)
        elif len(series) < NUMBERED_SERIES_MIN:
            series = [item] if item[2] == 1 else []
    if len(series) < NUMBERED_SERIES_MIN:
        return lines
    heads: list[tuple[int, int, int, bool] | None] = []
    for index, (position, offset, _number) in enumerate(series):
        text = lines[position].text
        following = series[index + 1] if index + 1 < len(series) else None
        item_end = following[1] if following and following[0] == position else len(text)
        body_start = text.index("、", offset) + 1
        end = _glued_numbered_head_end(text[body_start:item_end])
        if end is None or item_end - (body_start + end[0]) < GLUED_NUMBERED_PARAGRAPH_MIN:
            heads.append(None)
        else:
            heads.append((position, offset, body_start + end[0], end[1]))
    every_sentence = all(head is not None and head[3] for head in heads)
    marks: dict[int, list[tuple[int, int, str, str | None]]] = {}
    for head in heads:
        if head is not None and (every_sentence or not head[3]):
            marks.setdefault(head[0], []).append((head[1], head[2], "heading", None))
    if not marks:
        return lines
    out: list[_Line] = []
    for position, line in enumerate(lines):
        out.extend(_carved(line, marks[position]) if position in marks else [line])
    return out


def _mark_headings(body: list[_Line]) -> None:
    """Short lines between body paragraphs without final punctuation; a line that
    ends in a colon introduces what follows and is not a heading. In text broken
    into unpunctuated phrases, one per line, a short line is just a phrase."""
    _mark_numbered_subheads(body)
    ends = [_ends_sentence(line.text.strip()) for line in body]
    phrases = len(body) >= 6 and ends.count(False) > UNPUNCTUATED_SHARE * len(body)
    # a paragraph's end: a sentence's, a colon before a list, or a line longer than any heading
    paragraphs = (
        [
            end or len(line.text.strip()) > HEADING_MAX_CHARS or line.text.rstrip()[-1:] in ":："
            for end, line in zip(ends, body, strict=True)
        ]
        if phrases
        else []
    )
    for position, line in enumerate(body):
        stripped = line.text.strip()
        is_inner = 0 < position < len(body) - 1
        unpunctuated_heading = (
            is_inner
            # in text broken into phrases, only a line standing alone between two sentences' ends
            and (not phrases or (paragraphs[position - 1] and paragraphs[position + 1]))
            and (len(stripped) <= HEADING_MAX_CHARS or _TWO_PART_HEADING.fullmatch(stripped))
            and not _ends_sentence(stripped)
            and not _ends_dots(stripped)
            and stripped[-1] not in ":：,，、"
            and not _DATED_ITEM.match(stripped)
            and len(re.findall(r"[\u4e00-\u9fff]", stripped)) >= HEADING_MIN_HAN  # not `no.1`
        )
        if (
            unpunctuated_heading and not _qa_label().match(stripped) and not _is_broken_sentence(stripped)
        ) or (
            is_inner and _is_colon_label_heading(stripped, body[position - 1].text, body[position + 1].text)
        ):
            line.role = "heading"
    _mark_question_subheads(body)


HEADING_MAX_COMMAS = 1  # `抗诉，终获改判`; `先来看看，某某，…是什么`: a sentence that lost its end


@cache
def _sentence_opener() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(load_json('article.json')['sentence_openers'])})[,，]")


def _is_broken_sentence(stripped: str) -> bool:
    """An unpunctuated short line that is a sentence, not a subheading: one opening on a
    connective and its comma (`不仅如此，在视频中`), or one of several comma-parted clauses
    with no label before them (`情况六:…，…，…` is a numbered subheading)."""
    return bool(
        _sentence_opener().match(stripped)
        or (len(re.findall(r"[,，]", stripped)) > HEADING_MAX_COMMAS and not re.search(r"[:：]", stripped))
    )


QUESTION_SUBHEAD_MAX_CHARS = 40  # an interview's question set as a subheading may run past HEADING_MAX_CHARS
QUESTION_SUBHEADS_MIN = 2  # one lone question is a rhetorical paragraph; a run of them is the layout


@cache
def _qa_label() -> re.Pattern[str]:
    """`问：`, `答：`, `Q:`: a speaker's label opening a line of an interview's transcript."""
    return re.compile(rf"(?:{_alternation(load_json('article.json')['qa_labels'])})\s*[:：]")


def _mark_question_subheads(body: list[_Line]) -> None:
    """An interview laid out as questions, each a one-sentence line alone between a paragraph's end
    and the longer answer under it (`城市怎样对待外来工？`): the questions are its subheadings, when
    the page does it at least twice. A labelled question (`问：…？`, `记者：…？`) is the
    transcript's body; so is a quoted one (`“怎么办？”`)."""
    found: list[_Line] = []
    for position in range(1, len(body) - 1):
        stripped = body[position].text.strip()
        if (
            stripped[-1:] in "？?"
            and len(stripped) <= QUESTION_SUBHEAD_MAX_CHARS
            and not re.search(r"[。！？!?]", stripped[:-1])
            and stripped[0] not in '“「"『‘'
            and not re.search(r"[:：]", stripped[:COLON_LABEL_PARAGRAPH_LABEL_ZONE])
            and _ends_sentence(body[position - 1].text.strip())
        ):
            after = body[position + 1].text.strip()
            if len(after) > len(stripped) and after[-1:] not in "？?":
                found.append(body[position])
    if len(found) >= QUESTION_SUBHEADS_MIN:
        for line in found:
            line.role = "heading"


COLON_LABEL_PARAGRAPH_LABEL_ZONE = 8  # a colon this near the next line's start makes it a label line too


def _is_colon_label_heading(stripped: str, before: str, after: str) -> bool:
    """`基金的管理和使用：` alone between a sentence's end and a paragraph: a label naming what the
    paragraph is about. Not a lead-in (`分别是：`), nor a form's or a list's label lines."""
    after = after.strip()
    return bool(
        stripped[-1:] in ":："
        and _patterns().colon_label_heading.fullmatch(stripped)
        and len(re.findall(r"[\u4e00-\u9fff]", stripped)) >= 3
        and _ends_sentence(before.strip())
        and len(after) > HEADING_MAX_CHARS
        and not re.search(r"[：:]", after[:COLON_LABEL_PARAGRAPH_LABEL_ZONE])
        and not _is_boilerplate(stripped)
    )


def _editor_tail(line: _Line) -> tuple[int, int] | None:
    """`…洽询。(编辑:黄国华)1060502`: an editor tag glued to a paragraph's end."""
    found = _patterns().editor_tail.search(line.text)
    if not found or found.start() == 0:
        return None
    return line.start + found.start(), line.end


def _is_footer_boilerplate(line: str) -> bool:
    """Short lines with a marker, or longer ones with several (a tip-off footer
    names 爆料, 热线 and 微博 at once; a last paragraph that mentions 广告 does not)."""
    markers = {m.group(0) for m in _patterns().boilerplate.finditer(line)}
    if markers and markers <= _weak_markers() and not _weak_marker_at_edge(line):
        return False  # `……净广告收入增长一成。`: a story's sentence with a word a footer may hold
    return bool(markers) and (len(line) <= 60 or len(markers) >= 2)


def _is_source_footer(line: str) -> bool:
    """A source line, or a line that is mostly a date (not a list item that
    names one: `第一站:2007年9月23日-29日,某县希望小学`)."""
    stripped = line.strip()
    if len(stripped) > 60 or _ends_sentence(stripped):
        return False
    date = _patterns().date_time.search(stripped)
    return bool(
        _patterns().source_line.search(stripped)
        or _patterns().print_footer.match(stripped)
        or (date and len(stripped) - len(date.group(0)) <= 16 and not _DATED_ITEM.match(stripped))
    )


def _take_dateline(line: _Line, article: Article) -> None:
    """The dateline opening the first body line, with a reporter bracket after it:
    `本报北京6月1日电 (记者赵晓东、孙静怡)`, `【明报专讯】`, `(中央社记者X台北2日电)`."""
    patterns = _patterns()
    text = line.text
    value_start = value_end = 0
    bracket = patterns.bracket_dateline.match(text)
    if bracket:
        inner = next(g for g in bracket.group("a", "b", "c", "d") if g is not None)
        is_dispatch = bool(re.search(r"(?:电|讯|报导|报道|消息)$", inner) or patterns.dateline.match(inner))
        channel = None if is_dispatch else _OUTLET_CHANNEL.fullmatch(inner.strip())
        if channel and channel.group("outlet").endswith(tuple(load_json("article.json")["outlet_suffixes"])):
            is_dispatch = True  # `【某某网 行业动态】`: the outlet and its column
            if article.source is None:
                article.source = channel.group("outlet")
        if not (is_dispatch or patterns.role.search(inner)):
            return  # 【独家】, (图): not a dateline
        end = bracket.end()
        if is_dispatch:
            value_start = text.index(inner)
            value_end = value_start + len(inner)
        else:  # a reporter bracket, `(记者 X)`: reporters, but no dateline
            _take_bracket_outlet(inner, article)
        _add_reporters(article, inner, _slash_names(inner))
        _add_reporters(article, "", _dispatch_names(inner))
    else:
        match = patterns.dateline.match(text) or patterns.desk_dateline.match(text)
        if not match:
            return
        end = match.end()
        value_start, value_end = match.span("dl")
        program = patterns.program_paren.match(text[end:])  # 央视网消息(新闻联播):
        if program:
            end += program.end()
        if match.re is patterns.desk_dateline:
            _add_reporters(article, text[value_start:value_end], _slash_names(text[value_start:value_end]))
        while end < len(text) and text[end] in " :：":
            end += 1
    reporters_text = text[value_start:value_end]
    article.dateline_is_byline = _is_story_byline(reporters_text)
    article.dateline_span = (line.start, line.start + end)
    paren = patterns.reporter_paren.match(text[end:]) or patterns.inline_byline.match(text[end:])
    # `中新网武汉12月12日电 (田某 徐某)记者12日……`: the reporters' names alone in the bracket.
    names = _DISPATCH_NAMES.match(text[end:]) if paren is None else None
    if names and all(looks_like_person(name) for name in names.group("names").split()):
        paren = names
        _add_reporters(article, "", names.group("names").split())
    glued = _GLUED_LEDE_REPORTERS.match(text, end) if paren is None and value_end > value_start else None
    if glued:
        cut = _glued_lede_names(glued.group("run"), article.cleaned.text)
        if cut:
            names_end, reporters = cut
            paren = re.compile(re.escape(text[end : glued.start("run") + names_end])).match(text[end:])
            _add_reporters(article, "", reporters)
    if paren:
        reporters_text += " " + text[end : end + paren.end()]
        article.dateline_byline_span = (line.start + end, line.start + end + paren.end())
    if value_end > value_start and not article.dateline_is_byline:
        article.dateline_value_span = (line.start + value_start, line.start + value_end)
        article.dateline = article.cleaned.display(*article.dateline_value_span)
    _add_reporters(article, reporters_text)


_ITEM_CREDIT = re.compile(r"(?<=[。！？!?”」])\s*[(（]\s*([\u4e00-\u9fff]{2,12})\s*[)）]")


def _credits_several_outlets(text: str) -> bool:
    """`……。（某某网）……。（某某日报）`: a digest whose items each credit their own outlet
    (two or more outlets, by their suffixes); its last credit is an item's, not the page's."""
    suffixes = tuple(load_json("article.json")["outlet_suffixes"])
    outlets = {found.group(1) for found in _ITEM_CREDIT.finditer(text) if found.group(1).endswith(suffixes)}
    return len(outlets) >= 2


def _is_story_byline(value: str) -> bool:
    """`记者X／特稿`, `〔记者X／综合报导〕`: a reporter and what the story is, with no place or
    date, is a byline. A desk's `国际中心／综合报导` names no reporter and stays the dateline."""
    parts = re.split(rf"[{_SLASHES}]", value)
    if len(parts) != 2 or parts[1].strip() not in _patterns().story_labels:
        return False
    return bool(_reporters_in(value) or _slash_names(value))


_OUTLET_CHANNEL = re.compile(r"(?P<outlet>[\u4e00-\u9fff]{2,12})\s+[\u4e00-\u9fff]{2,6}")


def _take_bracket_outlet(inner: str, article: Article) -> None:
    """`【某某网科技 记者 X】`: the outlet before the role, a channel after its name
    allowed (up to four characters), is the source when the page names none."""
    role = _patterns().role.search(inner)
    if article.source is not None or role is None:
        return
    head = inner[: role.start()].strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,16}", head) or head.startswith("本"):
        return
    suffixes = tuple(load_json("article.json")["outlet_suffixes"])
    for end in range(len(head), 1, -1):
        if head[:end].endswith(suffixes) and len(head) - end <= 4:
            article.source = head[:end]
            return


# `（某报记者 X）` signing the story: its outlet, like a dateline's reporters' bracket, names the source.
_BRACKETED_BYLINE = re.compile(r"\s*[(（【〔](?P<inner>[^()（）【】〔〕\n]{4,30})[)）】〕]\s*")


# `某某社北京5月15日电记者张某某高某某部副部长……`: the reporters run into the lede, no bracket or space.
_GLUED_LEDE_REPORTERS = re.compile(r"记者(?P<run>[\u4e00-\u9fff]{4,16})")
GLUED_LEDE_NAMES_MAX = 10  # characters of up to three names
STORY_WORD_CHARS = (4, 3, 2)  # how much of the lede's opening word the story repeats


def _name_cut(head: str) -> list[str]:
    """`张某某高某`: one to three surname-led names filling `head`; of several cuts, the one
    whose first name is longest (three-character names are the most common)."""

    def is_person(part: str) -> bool:
        return looks_like_person(part) and _is_name(part)

    cuts: list[list[str]] = [[head]] if is_person(head) else []
    for first in range(2, len(head) - 1):
        one, rest = head[:first], head[first:]
        if is_person(one):
            if is_person(rest):
                cuts.append([one, rest])
            cuts += [
                [one, rest[:second], rest[second:]]
                for second in range(2, len(rest) - 1)
                if is_person(rest[:second]) and is_person(rest[second:])
            ]
    return max(cuts, key=lambda cut: len(cut[0])) if cuts else []


def _glued_lede_names(run: str, text: str) -> tuple[int, list[str]] | None:
    """Where the reporters' names end in a lede they run into: the one cut, into one to three
    surname-led names, after which the lede opens on a word the story uses again (`某某部`),
    while the names appear nowhere else. None when no cut, or more than one, reads so."""
    best: list[tuple[int, int, list[str]]] = []
    for length in range(2, min(GLUED_LEDE_NAMES_MAX, len(run) - 2) + 1):
        names = _name_cut(run[:length])
        if not names or any(text.count(name) > 1 for name in names):
            continue
        rest = run[length:]
        word = next(
            (size for size in STORY_WORD_CHARS if len(rest) >= size and text.count(rest[:size]) > 1), 0
        )
        if word:
            best.append((word, length, names))
    if not best:
        return None
    top = max(word for word, _, _ in best)
    winners = [(length, names) for word, length, names in best if word == top]
    return winners[0] if len(winners) == 1 else None


_DISPATCH_NAMES = re.compile(
    r"\s*[(（]\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4}){0,3})\s*[)）]"
)


def _dispatch_names(inner: str) -> list[str]:
    """`搜狐体育 陶某 4月22日广州报道`: outlet, reporter, date and place in space-separated parts."""
    tokens = inner.split()
    if len(tokens) < 3 or not re.search(r"\d", tokens[-1]):
        return []
    return [token for token in tokens[1:-1] if _is_name(token) and len(token) <= 4]


_INDENT = re.compile("\u3000{2,}")


def indent_breaks(cleaned: CleanedText) -> frozenset[int]:
    """The offsets in the cleaned text of a space that stands for two ideographic spaces or more
    in the source: portal text indents each paragraph so and runs them into one line, so a
    subhead without final punctuation ends there (`…股数最高　　数据宝统计显示，…`)."""
    source = cleaned.source
    if "\u3000\u3000" not in source:
        return frozenset()
    index, text = cleaned.source_index, cleaned.text
    breaks = []
    for match in _INDENT.finditer(source):
        at = bisect.bisect_left(index, match.start())
        if at < len(text) and text[at] == " " and index[at] == match.start():
            breaks.append(at)
    return frozenset(breaks)


def split_sentences(
    text: str,
    paragraphs: list[tuple[int, int]],
    original: str | None = None,
    breaks: Collection[int] = (),
) -> list[Sentence]:
    """Sentences of the body paragraphs: split on 。！？… (and on ASCII ?! in
    Chinese text), never on ；, never inside “…” or 《…》, unless a quote never
    closes; after a quote that ends a sentence (`。」`), the next sentence starts
    unless the text goes on with punctuation or names the speaker (`」他说，`).

    `original` is the unfolded text (`CleanedText.original`): where `text` has
    an ASCII `!` that was `！` in the source, it is Chinese punctuation whatever
    precedes it (`增长50%！`). `breaks` are offsets of spaces that end a sentence whatever
    precedes them (see `indent_breaks`)."""
    sentences: list[Sentence] = []
    cuts = sorted(breaks)
    for number, (start, end) in enumerate(paragraphs):
        inside = cuts[bisect.bisect_left(cuts, start) : bisect.bisect_left(cuts, end)]
        bounds = list(zip([start, *(at + 1 for at in inside)], [*inside, end]))
        spans = [
            span for s, e in bounds for span in _split_paragraph(text, s, e, original, respect_quotes=True)
        ]
        if any(e - s > _QUOTE_GIVE_UP for s, e in spans):
            # a quote left open to the paragraph's end, or one too long to be a quote:
            # split that span as if it had no quotes, and only that span
            spans = [
                piece
                for s, e in spans
                for piece in (
                    _split_paragraph(text, s, e, original, respect_quotes=False)
                    if e - s > _QUOTE_GIVE_UP
                    else [(s, e)]
                )
            ]
        for s, e in spans:
            sentences.append(Sentence(s, e, len(sentences), number))
    return sentences


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in CLOSERS


def _ends_chinese_sentence(text: str, i: int, start: int, end: int, original: str | None) -> bool:
    """Whether the ASCII `?` or `!` at `i` ends a sentence: it was full-width
    in the source, or it follows Chinese (`想爆料?请`). `Yahoo!` and `?id=3`
    do not split."""
    if original is not None and original[i] != text[i]:
        return True
    return i > start and _is_cjk(text[i - 1])


@cache
def _attribution() -> re.Pattern[str]:
    """The speaker clause after a closing quote: a few characters, then a speech verb
    and punctuation (`阿嬷洪素女说,`, `他表示。`)."""
    verbs = sorted(load_json("quotes.json")["verbs"], key=len, reverse=True)
    speech = "|".join(map(re.escape, verbs))
    return re.compile(rf"[^,，。!！?？:：;；“”「」]{{0,12}}?(?:{speech})[,，:：。]")


def _inside_a_clause(text: str, opener: int, closer: int, start: int) -> bool:
    """A cry or question quoted right after a word (`猛喊「好辣！」赶紧…`, `在「…涉弊？」记者会上`)
    is part of the clause around it; a quoted statement (`。」`) or one after a colon is not."""
    return text[closer - 1] in "!?！？" and opener > start and "\u4e00" <= text[opener - 1] <= "\u9fff"


def _split_paragraph(
    text: str, start: int, end: int, original: str | None, *, respect_quotes: bool
) -> list[tuple[int, int]]:
    spans = []
    expected_closers: list[str] = []
    opened_at: list[int] = []  # where each open quote or bracket starts
    sentence_start = start
    i = start
    while i < end:
        # Only quotes, brackets and sentence ends change anything: jump to the next one.
        found = _SPLIT_STOPS.search(text, i, end)
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if respect_quotes and ch in _OPENERS:
            expected_closers.append(_OPENERS[ch])
            opened_at.append(i)
        elif respect_quotes and expected_closers and ch == expected_closers[-1]:
            expected_closers.pop()
            opener = opened_at.pop()
            if (
                not expected_closers
                and ch in _QUOTE_CLOSERS
                and text[i - 1] in _SENTENCE_STOPS
                and not _inside_a_clause(text, opener, i, start)
            ):
                j = i + 1
                while j < end and text[j] in _QUOTE_CLOSERS:
                    j += 1
                after = j
                while after < end and text[after] == " ":
                    after += 1
                if (
                    after < end
                    and text[after] not in _GOES_ON
                    and _attribution().match(text, after, end) is None
                ):
                    spans.append((sentence_start, j))
                    sentence_start = i = after
                    continue
        elif ch in _SENTENCE_STOPS and not expected_closers:
            if ch in "?!" and not _ends_chinese_sentence(text, i, start, end, original):
                i += 1
                continue
            j = i + 1
            while j < end and (text[j] in _SENTENCE_STOPS or text[j] in "”’」』)）"):
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
            out.append(_spaces_for(text[cursor:start]))
        out.append(text[max(start, cursor) : end])
        cursor = max(cursor, end)
    out.append(_spaces_for(text[cursor:]))
    return "".join(out)


def _spaces_for(text: str) -> str:
    """`text` with every character but a newline turned into a space."""
    return "\n".join(" " * len(part) for part in text.split("\n"))
