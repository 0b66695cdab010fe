"""Keywords and keyphrases: what a news editor would tag an article with.

One pass over the segmented body (title and headings included: they name the
topic) builds two kinds of candidates:

- words whose dictionary POS is in the allowed set (nouns, names, verbal
  nouns...), minus stopwords, boilerplate, numbers, dates, single characters,
  Latin fragments (pinyin, URL pieces) and the article's own outlet/reporters;
- phrases: runs of 2-4 adjacent content words inside one clause that recur
  (or stand in a title line), e.g. 文明 + 创建 -> 文明创建. Most author and
  editor keywords are such compounds, which jieba's dictionary splits.

Weighting is TF-IDF (`tfidf`) or a position-biased TextRank over the word
co-occurrence graph (`textrank`); occurrences in a title-like line or the lead
paragraph count more. A word mostly seen inside a stronger phrase is dropped in
its favour. IDF comes from jieba's table, a corpus's own document frequencies,
or a file.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from heapq import heapify, heappop, heappush
from itertools import accumulate, chain, compress, pairwise, repeat
from operator import add, itemgetter, methodcaller, mul, neg
from pathlib import Path
from weakref import WeakKeyDictionary

from newsctl import names
from newsctl.article import Article
from newsctl.segment import Segmenter

DEFAULT_POS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "nw", "eng", "j", "l", "an")
METHODS = ("tfidf", "textrank")
_DEFAULT_ALLOWED = frozenset(DEFAULT_POS)

# Tags of words that may stand inside a phrase without being keywords alone:
# verbs and adjectives make compounds such as 文明创建, 质量管理, 敏感负荷.
_PHRASE_POS = frozenset({"v", "vn", "a", "an", "b", "ad", "vd"})
# Single-character nouns join phrases as heads or modifiers (凹陷域, 气调法) but never stand alone.
_SINGLE_POS = frozenset({"n", "ng", "j", "k", "vn", "v", "b", "a"})
_MAX_PHRASE_WORDS = 4
_MAX_PHRASE_CHARS = 10

# Weight of one occurrence by where it stands: a title line names the topic, the lead summarises it.
TITLE_WEIGHT = 3.0
HEADING_WEIGHT = 2.0  # section headings name sub-topics; often slogans (做好结合文章), so less than a title
LEAD_WEIGHT = 1.5
# A phrase's IDF: its rarest part's plus this share of the other parts'.
PHRASE_IDF_GAIN = 0.5
# Long word chains are mostly fragments of a sentence rather than names of a thing.
_LENGTH_PRIOR = {2: 1.0, 3: 0.8, 4: 0.6}
# A word whose occurrences fall inside a kept phrase at least this often is dropped for the phrase.
SUBSUMED_SHARE = 0.8
# Names of people, places and organisations are what editors tag first.
NAME_GAIN = 1.3
# A name the text comes back to (all its mentions: full name, given name, surname + title) is who or
# what the story is about: it gains this much more per mention after the first, up to RECURRING_CAP.
RECURRING_NAME_GAIN = 0.2
RECURRING_CAP = 3
# Names commoner than this share of jieba's median IDF (中国, 美国) recur in any story: no such gain.
COMMON_NAME_IDF_SHARE = 0.5
# The best terms names are gathered from, and those checked for a name cut short: as many
# whatever --top is, so a term's count and weight are the same in `keywords -n 25` and in
# `analyze` (a given name counted with the full name in one and not in the other).
NAMES_LOOKED_AT = 40
CUTS_LOOKED_AT = 20
# The longest string a recurring piece grows into (洁厕灵, 全国统一大市场): longer is a clause.
RECURRING_SPAN_LIMIT = 8
# ...said this often: a title and its lead often say the same words twice in the same order.
RECURRING_SPAN_MENTIONS = 3
# ...in at least this share of them (全国统一 + 大市场 in 11 of 13, 全国统一 + 的 + 市场 in another).
RECURRING_SPAN_SHARE = 0.75
# Words a cut-off transliteration may have on each side of a foreign name (斯 | 凯里 | 特)
TRANSLITERATION_REACH = 2
# The longest word of the HMM's glued onto the edge of such a string that is taken as its piece (厕灵时).
GLUED_PIECE_LIMIT = 3
# The first letters of the POS tags a one-character word at the edge of such a string may have: nouns,
# names, adjectives, unknown pieces (洁 + 厕灵).
_EDGE_CHAR_TAGS = frozenset("nag")
# the first letters of the tags of a character the HMM left off a word it guessed, which belongs to it:
# nouns, adjectives, time and place characters (小, 卯, 东), not verbs or function words
_GUESSED_EDGE_TAGS = frozenset("nagts")
_NUMERAL_CHAR = re.compile(r"[0-9０-９零一二三四五六七八九十百千万两几]")
# POS tags no such string starts or ends with: adverbs, numbers, measures, pronouns, localisers, particles.
_EDGE_FUNCTION_TAGS = frozenset(("d", "ad", "m", "mq", "q", "r", "f", "p", "c", "u"))
# Dictionary tags a name may carry (names.kind_of); None: a word the dictionary lacks.
_NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", None})
# Tags a person's name may carry; None: a word the dictionary lacks.
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt", None})
# jieba's tags of the name of a place or of an organisation that sits somewhere
_PLACE_TAGS = frozenset({"ns", "nt"})
# Parts that make a headline phrase a piece of a sentence rather than a compound: a
# verb, or a word jieba does not know.
_LOOSE_TAGS = frozenset({"v", None})
# Tags jieba gives the single characters of transliterated names (迪, 尔, 钦).
_FOREIGN_CHAR_TAGS = frozenset({"nr", "nrt"})
# A verb the text names this often, rarer than jieba's median word, is the story's event (纵火).
TOPIC_VERB_MIN_COUNT = 3
TOPIC_VERB_IDF_SHARE = 0.67  # of jieba's median IDF: 罢工, 受贿, 纵火 are as rare; 出席, 打击 commoner
# A word as common as 改革 or 日本 after a surname character (金 | 改革) is no given name; 宏图, 英文 are.
GIVEN_NAME_IDF_SHARE = 0.67
# A plain word commoner than this share of jieba's median IDF (经济, 技术, 医院) weighs this much less.
COMMON_WORD_IDF_SHARE = 0.5
COMMON_WORD_WEIGHT = 0.6
# A word jieba's dictionary lacks (an HMM guess) or a set expression (tag l) said once, outside
# the title lines, is as often a mis-cut (恶状全, 手往) or a predicate (毫发无损) as a term; it
# weighs this share of its score.
GUESSED_ONCE_WEIGHT = 0.5
# A common noun that mostly ends longer terms (产业 of 北斗产业) weighs this much more (on top of
# COMMON_WORD_WEIGHT); only words among the best so many scores are looked at.
HEAD_WEIGHT = 0.6
HEADS_LOOKED_AT = 15
# A lower-case Latin word said this often (not in a URL), and no pinyin, is a brand or acronym (iphone).
LOWER_LATIN_MIN_MENTIONS = 2
PINYIN_MAX_SYLLABLE = 6  # letters: zhuang, shuang
MIN_RELATIVE_WEIGHT = 0.0  # default --min-weight: no cut-off of the user's beyond the tail's below
# A term said once and weighing under this share of the article's best is the tail of the ranking, not
# a tag: one mention in the body of a story whose leader is said about ten times (救援, 已达 under
# 龙卷风 and the town it hit). Not a name: a roundup names each item's people once. The list is
# then shorter than --top, which is a maximum.
TAIL_SHARE = 0.1

_HAN = re.compile(r"[\u3400-\u9fff]")
# A lower-case Latin word stands alone unless these touch it: part of a longer word, a URL,
# path, e-mail, entity or code.
_LOWER_LATIN_WORD = re.compile(r"[a-z]{3,}")
_LATIN_BEFORE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789&#./@:_%=?-")
_LATIN_AFTER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./@:_%=?;(-")
_DIGIT = re.compile(r"[0-9０-９]")
_UPPER = re.compile(r"[A-Z]")
_NUMERIC = re.compile(r"^[\d.,%:/\-+年月日号时分秒万亿千百十零一二三四五六七八九两〇几多余第半]+$")
_NUMBER = re.compile(f"{_DIGIT.pattern}|{_NUMERIC.pattern}")  # a digit, or numerals only
# Han characters only, not all of them numerals: neither a break nor a number.
_HAN_WORD = re.compile(f"(?!{_NUMERIC.pattern}){_HAN.pattern}+")
# Clause breaks: phrases never span them.
_BREAK_TOKEN = re.compile(r"^[\s\W_]+$")
_TITLE_MAX_CHARS = 40
_SERIES_LABEL = re.compile(r"【[^【】\n]{1,30}】")
_SENTENCE_END = tuple("。！？!?；;…")
_NO_ENTRY: tuple[str | None, float | None] = (None, None)
# A short name in quotes: “一村一品”, 「清水计划」 (Han only, so no quoted sentence).
_QUOTED_NAME = re.compile(r"[“「『\"《]([\u3400-\u9fff]{3,10})[”」』\"》]")
_OPENING_QUOTES = frozenset('“「『‘"')
_CLOSING_QUOTES = frozenset('”」』’"')
_ANONYMISED = "某"  # stands for the given name of a person the report does not name (郑某辉)


@dataclass(frozen=True)
class KeywordScore:
    term: str
    weight: float
    count: int
    pos: str | None


# ---------------------------------------------------------------------------
# data: stopwords, boilerplate, IDF tables


@cache
def stopwords() -> frozenset[str]:
    """Chinese function words (stopwords-iso's list, shipped as a data file) and
    words too generic to be a keyword (工作, 问题, 方面)."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_stopwords.txt")


@cache
def generic_words() -> frozenset[str]:
    """Words too vague to be a keyword alone but fine inside a phrase (工作 -> 创建工作), and
    idioms and set phrases (真抓实干, 夷为平地) that colour a report but name no topic."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_generic.txt") | load_word_list("keyword_idioms.txt") | kin_words()


@cache
def kin_words() -> frozenset[str]:
    """Kin and role nouns (女友, 前夫, 幼子, 老人): who someone is to the story's people, a tag
    only when the headline names it."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_kin.txt")


@cache
def organisation_heads() -> frozenset[str]:
    """Head nouns of organisation and event names (基金会, 总台, 论坛, 医院), said alone for the
    one the text named in full."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_org_heads.txt")


@cache
def boilerplate() -> frozenset[str]:
    """News furniture (记者, 热线, 广告, 客户端) and outlet names (齐鲁网, 新华社)."""
    from newsctl.data import load_json, load_word_list

    outlets = load_json("article.json").get("outlets", [])
    return load_word_list("keyword_boilerplate.txt") | frozenset(outlets)


@cache
def _pinyin_syllables() -> frozenset[str]:
    from newsctl.data import load_word_list

    return load_word_list("keyword_pinyin.txt")


@cache
def _latin_non_terms() -> frozenset[str]:
    from newsctl.data import load_word_list

    return load_word_list("keyword_latin_words.txt")


def _is_pinyin(word: str) -> bool:
    """`word` splits wholly into pinyin syllables (qingming, zhongguo, chu)."""
    syllables = _pinyin_syllables()
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(word[start:end] in syllables for start in ends if end - start <= PINYIN_MAX_SYLLABLE):
            ends.add(end)
    return len(word) in ends


def _is_latin_term_word(word: str) -> bool:
    """A lower-case Latin word that may be a brand or acronym: three letters or more, no
    pinyin, no English function word or web residue (the, nbsp, https)."""
    return (
        _LOWER_LATIN_WORD.fullmatch(word) is not None
        and word not in _latin_non_terms()
        and not _is_pinyin(word)
    )


def _lower_latin_terms(text: str, words: Iterable[str]) -> list[str]:
    """Of `words` (lower-case Latin that may be terms, see _is_latin_term_word), those the text
    says at least LOWER_LATIN_MIN_MENTIONS times outside URLs, e-mails and entities, once at
    least next to a Han character (iphone, cognex, apec, oled): sources that lower-case all
    Latin write brands and acronyms so. Words of English sentences quoted whole (talk to me
    in english) touch no Han character."""
    terms = []
    for word in words:
        mentions, beside_han, width = 0, False, len(word)
        start = text.find(word)
        while start >= 0:
            end = start + width
            before, after = text[start - 1 : start] if start else "", text[end : end + 1]
            if before not in _LATIN_BEFORE and after not in _LATIN_AFTER:
                mentions += 1
                beside_han = beside_han or bool(_HAN.match(before) or _HAN.match(after))
            start = text.find(word, end)
        if mentions >= LOWER_LATIN_MIN_MENTIONS and beside_han:
            terms.append(word)
    return terms


@dataclass(frozen=True)
class IdfTable:
    """IDF weights from a file or a corpus; `default` is used for unseen words."""

    values: Mapping[str, float]
    default: float


def parse_idf_file(path: str | os.PathLike[str]) -> IdfTable:
    """jieba's idf.txt format: `word idf` per line (BOM, CRLF and blank lines tolerated).

    Unseen words get the median IDF, as jieba does. Raises ValueError naming the
    first malformed line, since a silently half-read table would skew every score."""
    text = Path(path).read_bytes().decode("utf-8-sig")
    values: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        try:
            if len(parts) != 2:
                raise ValueError
            values[parts[0]] = float(parts[1])
        except ValueError:
            raise ValueError(f"{path}:{number}: expected 'word idf', got {line!r}") from None
    if not values:
        raise ValueError(f"{path}: no 'word idf' lines")
    ordered = sorted(values.values())
    return IdfTable(values, ordered[len(ordered) // 2])


@cache
def load_idf_file(path: str, mtime_ns: int) -> IdfTable:
    """`parse_idf_file`, once per process and file version (workers reuse it)."""
    return parse_idf_file(path)


def idf_table_for(source: str | None) -> IdfTable | None:
    """The IdfTable for `--idf SOURCE`: None for jieba's own table, else the file's."""
    if source is None or source == "jieba":
        return None
    if source == "corpus":
        raise ValueError("--idf corpus needs the corpus's document frequencies (corpus_idf_file)")
    return load_idf_file(source, os.stat(source).st_mtime_ns)


# ---------------------------------------------------------------------------
# corpus document frequencies (--idf corpus)


@dataclass
class DocumentFrequencies:
    """Counts only: how many documents contain each candidate term. Memory grows
    with the vocabulary, not with the number of documents."""

    documents: int = 0
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self.counts.update(set(terms))

    def idf(self) -> IdfTable:
        # Smoothed IDF, log((N + 1) / (df + 1)) + 1: positive even for terms in every document.
        n = self.documents
        values = {t: math.log((n + 1) / (df + 1)) + 1.0 for t, df in self.counts.items()}
        return IdfTable(values, math.log(n + 1) + 1.0)

    def write_idf(self, path: str | os.PathLike[str]) -> None:
        """Write the IDF in jieba's `word idf` format, readable by `--idf FILE`."""
        table = self.idf()
        with open(path, "w", encoding="utf-8") as handle:
            for term in sorted(table.values):
                handle.write(f"{term} {table.values[term]:.6f}\n")


def document_terms(
    article: Article,
    segmenter: Segmenter,
    *,
    allowed_pos: Iterable[str] | None = DEFAULT_POS,
    phrases: bool = True,
) -> set[str]:
    """The candidate terms (words and phrases) of one article, for counting document frequencies."""
    doc = _Doc.build(article, segmenter, allowed_pos, phrases)
    return set(doc.word_weight) | set(doc.phrase_weight)


def corpus_document_frequencies(
    articles: Iterable[Article],
    segmenter: Segmenter,
    *,
    allowed_pos: Iterable[str] | None = DEFAULT_POS,
    phrases: bool = True,
) -> DocumentFrequencies:
    """First pass of `--idf corpus`: document frequencies of candidate terms."""
    frequencies = DocumentFrequencies()
    for article in articles:
        frequencies.add(document_terms(article, segmenter, allowed_pos=allowed_pos, phrases=phrases))
    return frequencies


# ---------------------------------------------------------------------------
# candidates


def body_units(article: Article) -> list[tuple[str, float]]:
    """(text, weight per occurrence) of what keywords are taken from: the title
    (when given apart from the text), headings and body paragraphs in order."""
    spans = sorted(article.paragraphs + article.heading_spans)
    headings = set(article.heading_spans)
    units: list[tuple[str, float]] = []
    texts = [article.text[s:e] for s, e in spans]
    title = (article.title or "").strip()
    if title and not any(t.strip() == title for t in texts[:2]):
        units += _title_units(title)
    lead_seen = False
    for (start, end), text in zip(spans, texts):
        stripped = text.strip()
        if stripped == title or _looks_like_title(stripped, lead_seen, (start, end) in headings):
            units += _title_units(text)
        elif (start, end) in headings:
            units.append((text, HEADING_WEIGHT))
        elif not lead_seen:
            units.append((text, LEAD_WEIGHT))
            lead_seen = True
        else:
            units.append((text, 1.0))
    return units


def _title_units(text: str) -> list[tuple[str, float]]:
    """A title line as units: a series label in 【】 (【真抓实干 打开改革发展新天地】, 【一线调研】)
    names the programme the story runs in, not its topic, so its words count as once-said
    words of the text; the rest is the title."""
    if "【" not in text:
        return [(text, TITLE_WEIGHT)]
    units: list[tuple[str, float]] = []
    at = 0
    for match in _SERIES_LABEL.finditer(text):
        if text[at : match.start()].strip():
            units.append((text[at : match.start()], TITLE_WEIGHT))
        units.append((match.group(), 1.0))
        at = match.end()
    if text[at:].strip():
        units.append((text[at:], TITLE_WEIGHT))
    return units


def _looks_like_title(text: str, lead_seen: bool, heading: bool) -> bool:
    # A short first body line without sentence punctuation is a headline (a title
    # line followed by an abstract or by the story).
    if lead_seen or heading:
        return False
    return 0 < len(text) <= _TITLE_MAX_CHARS and not text.endswith(_SENTENCE_END)


def body_text(article: Article) -> str:
    """The text newsctl segments, one unit per line (benchmarks feed it to other tools)."""
    return "\n".join(text for text, _ in body_units(article))


@cache
def _locatives() -> frozenset[str]:
    """Locative prepositions (在, 于): a place and a verb after one are a clause."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_locatives.txt")


@cache
def _function_chars() -> frozenset[str]:
    """Single-character function words (的, 之, 对, 这...): an unknown word that starts
    or ends with one is an HMM mis-cut (这是, 之滋, 对草酰溴), not a new term."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_function_chars.txt")


# Word classes, one letter each: a document's classes form a string, which C code scans for
# keyword candidates (bytes.translate, itertools.compress) and runs of phrase parts (a regex)
# instead of a Python loop over every token.
_BREAK = "b"  # punctuation and spaces: phrases and clauses end here
_OTHER = "o"  # stopwords, numbers, furniture...: a gap inside a clause
_SHORT_PART = "s"  # a one-character phrase part
_PART = "p"  # a phrase part of two or more characters
_CANDIDATE = "c"  # a keyword candidate (always two or more characters), also a phrase part
_PART_CODES = frozenset((_SHORT_PART, _PART, _CANDIDATE))
# Between the units of one document: a break, and one token index, as units never touch.
_UNIT_BREAK = "\n"


# A run of adjacent phrase parts, the stuff of phrases.
_PART_RUN = re.compile(f"[{_SHORT_PART}{_PART}{_CANDIDATE}]{{2,}}")


@lru_cache(maxsize=4096)
def _run_ngrams(run: str) -> tuple[tuple[int, int], ...]:
    """(offset, size) of the n-grams of a run of phrase parts (their class letters) that
    may be compounds, in order: 2..4 words, at least one candidate (a compound names a
    thing), not a single character at both ends (candidates have two characters or more).
    Runs repeat their patterns, so this is kept per pattern."""
    found: list[tuple[int, int]] = []
    for i in range(len(run) - 1):
        has_candidate = run[i] == _CANDIDATE
        for j in range(i + 1, min(i + _MAX_PHRASE_WORDS, len(run))):
            has_candidate = has_candidate or run[j] == _CANDIDATE
            if has_candidate and not (run[i] == _SHORT_PART and run[j] == _SHORT_PART):
                found.append((i, j - i + 1))
    return tuple(found)


# Bytes 1 where a class string has a candidate, 0 elsewhere: a selector for itertools.compress.
_CANDIDATE_MASK = bytes(int(code == ord(_CANDIDATE)) for code in range(256))


@cache
def measure_words() -> frozenset[str]:
    """Measure words and numeral suffixes (成, 万, 世纪) that belong to a number before them."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_measures.txt")


@cache
def _measure_starts() -> tuple[str, ...]:
    return tuple(sorted(measure_words()))


# A number token: digits (4, ２１) or numerals only (三, 十五); not a word ending in one (统一).
_ENDS_IN_NUMBER = re.compile(r"(?:^[零一二三四五六七八九十百千万亿两〇]+|[0-9０-９])$")


def _number_residues(tokens: list[str], measured: set[str] | None = None) -> list[int]:
    """Indexes of tokens right after a number that start with a measure word (4 + 成,
    ２１ + 世纪, 35 + 万标箱, 5 + 万人次, 19 + 日晚): they belong to the number, so they are gaps,
    neither candidates nor phrase parts (no 成民众, 万标箱, 世纪经济). What follows the measure in
    such a token is a unit (标箱, 人次), no keyword either. `measured`: the words known to start
    with a measure word (the vocabulary tells each word once; found here when not given)."""
    if measured is None:
        measured = set(filter(methodcaller("startswith", _measure_starts()), tokens))
    # Few distinct words start with a measure: those are found in C, their places in C,
    # and only there is the word before looked at.
    starting = measured.intersection(tokens)
    if not starting:
        return []
    found = compress(range(len(tokens)), map(starting.__contains__, tokens))
    return [i for i in found if i and _ENDS_IN_NUMBER.search(tokens[i - 1])]


@cache
def _excluded_words() -> frozenset[str]:
    """Words that are never keywords nor phrase parts: stopwords and news furniture."""
    return stopwords() | boilerplate()


@cache
def _unwanted_phrases() -> frozenset[str]:
    """Texts no phrase may spell: the excluded and the generic words."""
    return _excluded_words() | generic_words()


class _Vocabulary:
    """Per word: its class, dictionary entry (POS tag, jieba IDF) and IDF (the median for
    words jieba's table lacks); entries and IDFs only for words that may be keywords or
    phrase parts. Kept per process, segmenter (user tags) and POS set, and filled as
    documents are seen: a corpus reuses a small vocabulary, so most words are classified,
    and looked up in the dictionary, once. Emptied when it outgrows LIMIT, so memory stays
    flat over an endless stream of documents."""

    LIMIT = 200_000

    def __init__(self, allowed: frozenset[str] | None) -> None:
        self.allowed = allowed
        self.codes: dict[str, str] = {}
        self.entries: dict[str, tuple[str | None, float | None]] = {}
        self.idf: dict[str, float] = {}
        self.median = math.inf  # jieba's median IDF, known once a word was looked up
        self.common: set[str] = set()  # candidates as common as the words of any report (经济, 技术)
        self.unsure: set[str] = set()  # candidates jieba lacks (no tag, no IDF) or tags l
        self.measured: set[str] = set()  # words that start with a measure word (成民众, 日晚)
        self.lower: set[str] = set()  # lower-case Latin words that may be terms (iphone; not https, chu)

    def codes_of(self, tokens: list[str], segmenter: Segmenter) -> str:
        """The class letters of the tokens, one each, classifying (one dictionary query) the
        words never seen."""
        codes = self.codes
        if len(codes) > self.LIMIT:
            codes.clear()
            self.entries.clear()
            self.idf.clear()
            self.common.clear()
            self.unsure.clear()
            self.measured.clear()
            self.lower.clear()
        try:
            return "".join(map(codes.__getitem__, tokens))  # in C; a KeyError means an unseen word
        except KeyError:
            self._learn(set(tokens).difference(codes), segmenter)
        return "".join(map(codes.__getitem__, tokens))

    def add_latin_terms(self, words: list[str], segmenter: Segmenter) -> None:
        """Dictionary entries for lower-case Latin words an article makes terms (iphone): the
        dictionary lacks them (tag eng, no IDF), so they weigh jieba's median IDF."""
        median = self.median = segmenter.lexicon.ensure_open()
        for word in words:
            self.entries.setdefault(word, ("eng", None))
            self.idf.setdefault(word, median)

    def _learn(self, words: set[str], segmenter: Segmenter) -> None:
        """Classify words never seen: first by what no POS tag changes (punctuation,
        stopwords, numbers, lower-case Latin), then Han words and Latin words with a
        capital by their dictionary entries, asked for in one query."""
        codes = self.codes
        self.measured.update(filter(methodcaller("startswith", _measure_starts()), words))
        excluded = _excluded_words()
        is_break, is_han_word, has_han, has_upper, is_number = (
            _BREAK_TOKEN.match,
            _HAN_WORD.fullmatch,
            _HAN.search,
            _UPPER.search,
            _NUMBER.search,
        )
        han: list[str] = []
        latin: list[str] = []
        for word in words:
            if word in excluded:
                codes[word] = _BREAK if is_break(word) else _OTHER
            elif is_han_word(word):
                han.append(word)  # the common case, told in one regex call
            elif is_break(word):
                codes[word] = _BREAK
            elif has_han(word) is None:
                # Lower-case Latin is pinyin fragments or URL pieces (ng, chu, https, iqilu).
                if has_upper(word):
                    latin.append(word)
                else:
                    codes[word] = _OTHER
                    if _is_latin_term_word(word):
                        self.lower.add(word)
            elif is_number(word):
                codes[word] = _OTHER  # 70周年, 259项, 三月: numbers, with or without a measure word
            else:
                han.append(word)
        if not han and not latin:
            return
        table = segmenter.lookup(han + latin)
        self.entries.update(table)
        median = self.median = segmenter.lexicon.ensure_open()
        idf = self.idf
        for word, (_, value) in table.items():
            idf[word] = value if value is not None else median
        allowed, generic, function_chars = self.allowed, generic_words(), _function_chars()
        common_idf = COMMON_WORD_IDF_SHARE * median
        # A tag of None: jieba's dictionary lacks the word, so it came from the HMM: usually
        # a name or new term, but a mis-cut (这是, 之滋, 对草酰溴) when it starts or ends
        # with a function character.
        for word in han:
            tag = table[word][0]
            if len(word) == 1:
                # Single characters join phrases as heads or modifiers (凹陷域, 气调法), never stand alone.
                codes[word] = _SHORT_PART if tag in _SINGLE_POS else _OTHER
            elif tag is None and (word[0] in function_chars or word[-1] in function_chars):
                codes[word] = _OTHER
            elif len(word) > 2 and word == word[0] * len(word):
                codes[word] = (
                    _OTHER  # one character repeated: a cry or laugh (啊啊啊), no term (two: a pet name, 乔乔)
                )
            elif word not in generic and (allowed is None or (tag or "nz") in allowed):
                codes[word] = _CANDIDATE
                if tag not in _NAME_TAGS and idf[word] < common_idf:
                    self.common.add(word)
                if tag == "l" or table[word] == _NO_ENTRY:
                    self.unsure.add(word)
            elif tag is None or tag in _PHRASE_POS or tag[0] in "nj" or tag in ("l", "eng"):
                codes[word] = _PART
            else:
                codes[word] = _OTHER
        # Latin with a capital: acronyms and names (GDP, PSCAD, 5G, COVID-19), else a phrase part.
        for word in latin:
            tag = table[word][0]
            if len(word) == 1:
                codes[word] = _SHORT_PART
            elif (
                (tag is not None or (word[0] not in function_chars and word[-1] not in function_chars))
                and len(word) <= 20
                and word not in generic
                and (allowed is None or (tag or "eng") in allowed)
            ):
                codes[word] = _CANDIDATE
            else:
                codes[word] = _PART


_vocabularies: WeakKeyDictionary[Segmenter, dict[frozenset[str] | None, _Vocabulary]] = WeakKeyDictionary()


def _vocabulary(segmenter: Segmenter, allowed: frozenset[str] | None) -> _Vocabulary:
    per_pos = _vocabularies.setdefault(segmenter, {})
    if allowed not in per_pos:
        per_pos[allowed] = _Vocabulary(allowed)
    return per_pos[allowed]


_HALF = 0.5


def _extra_halves(weight: float) -> int:
    """The halves of an occurrence that a unit of this weight adds to each occurrence in it.
    Unit weights are whole halves (title 3, heading 2, lead 1.5), so weights are summed
    exactly as counts of halves, in C."""
    halves = 2.0 * (weight - 1.0)
    if halves < 0 or not halves.is_integer():
        raise ValueError(f"unit weight {weight} is not a whole number of halves")
    return int(halves)


@dataclass
class _NGrams:
    """A document's phrase n-grams: candidates for compounds, in token order."""

    phrases: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # index in `_Doc.tokens` of each one's first word
    sizes: list[int] = field(default_factory=list)  # words in each
    first: dict[str, int] = field(default_factory=dict)  # phrase -> its first index in `phrases`

    @classmethod
    def find(cls, tokens: list[str], codes: str) -> _NGrams:
        """The 2..4-word n-grams of adjacent phrase parts that may be compounds."""
        grams = cls()
        add_phrase, add_start, add_size = grams.phrases.append, grams.starts.append, grams.sizes.append
        join = "".join
        for run in _PART_RUN.finditer(codes):
            run_start = run.start()
            for offset, size in _run_ngrams(run.group()):
                start = run_start + offset
                phrase = (
                    tokens[start] + tokens[start + 1] if size == 2 else join(tokens[start : start + size])
                )
                if len(phrase) <= _MAX_PHRASE_CHARS:
                    add_phrase(phrase)
                    add_start(start)
                    add_size(size)
        # Built back to front, so each phrase keeps its first index.
        grams.first = dict(zip(reversed(grams.phrases), range(len(grams.phrases) - 1, -1, -1)))
        return grams

    def within(self, start: int, end: int) -> list[str]:
        """The n-grams that start in tokens[start:end]."""
        return self.phrases[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


@dataclass
class _Doc:
    """One article's candidates: occurrence weights and counts of words and phrases, and
    where they stand (positions let the selection skip what is already covered).

    `tokens` holds every unit's words, a `_UNIT_BREAK` after each; an occurrence starting
    at `tokens[i]` is said to start at i + 1."""

    tokens: list[str]
    codes: str  # one class letter per token
    units: list[tuple[int, int, float]]  # token range and weight of each unit
    vocabulary: _Vocabulary
    word_weight: dict[str, float]
    word_count: Counter[str]
    candidate_words: list[str]  # every occurrence of a candidate, in order
    candidate_starts: list[int]  # and where it starts
    ngrams: _NGrams
    phrase_weight: dict[str, float]  # the phrases kept: recurring, or in a title line
    phrase_count: Counter[str]  # every phrase n-gram, kept or not
    phrase_parts: dict[str, tuple[str, ...]]  # words of a kept phrase's first occurrence
    in_headlines: frozenset[str] = frozenset()  # the phrase n-grams of titles and subheads
    text: str = ""  # the tokens joined (each unit and a _UNIT_BREAK)

    @classmethod
    def build(
        cls,
        article: Article,
        segmenter: Segmenter,
        allowed_pos: Iterable[str] | None,
        phrases: bool,
    ) -> _Doc:
        allowed = frozenset(allowed_pos) if allowed_pos is not None else None
        vocabulary = _vocabulary(segmenter, allowed)
        tokens: list[str] = []
        units: list[tuple[int, int, float]] = []
        texts: list[str] = []
        for text, weight in body_units(article):
            texts.append(text)
            start = len(tokens)
            tokens += segmenter.cut(text)
            units.append((start, len(tokens), weight))
            tokens.append(_UNIT_BREAK)
        if any(map(article.text.__contains__, _time_name_starts())):  # 周, 明: str.find, in C
            tokens, units = _time_cut_names(tokens, units, segmenter)
        tokens, units, set_terms = _numbered_set_terms(tokens, units, "\n".join(texts))
        codes = vocabulary.codes_of(tokens, segmenter)
        compounds = _headline_compounds(tokens, codes, units, vocabulary)
        if compounds:
            tokens, units = _joined_pairs(tokens, units, compounds)
            codes = vocabulary.codes_of(tokens, segmenter)
        if set_terms:
            # an unknown word starting with 一 reads as a mis-cut; these were said as one unit
            codes = _as_candidates(tokens, codes, set_terms)
        if vocabulary.lower and not vocabulary.lower.isdisjoint(tokens):
            # lower-case Latin is coded as pinyin or URL pieces; a repeated brand or acronym is a term
            terms = _lower_latin_terms(article.text, vocabulary.lower.intersection(tokens))
            if terms:
                vocabulary.add_latin_terms(terms, segmenter)
                codes = _as_candidates(tokens, codes, terms, only=_OTHER)
        # The article's own outlet, reporters and photographers are gaps, not candidates nor phrase parts.
        furniture = [
            index
            for index in _name_tokens(
                tokens,
                [n for n in sorted(_article_furniture(article)) if vocabulary.codes.get(n) != _OTHER],
                article.text,
            )
            if codes[index] in _PART_CODES
        ]
        residues = _number_residues(tokens, vocabulary.measured)
        if furniture or residues:
            code_list = list(codes)
            for index in furniture:
                code_list[index] = _OTHER
            for index in residues:
                code_list[index] = _OTHER
            codes = "".join(code_list)

        ngrams = _NGrams.find(tokens, codes) if phrases else _NGrams()
        phrase_count = Counter(ngrams.phrases)
        if allowed == _DEFAULT_ALLOWED:
            titles = [tokens[start:end] for start, end, weight in units if weight >= TITLE_WEIGHT]
            codes = _with_topic_verbs(tokens, codes, vocabulary, phrase_count, titles)
            codes = _with_headline_kin(tokens, codes, titles)
            codes = _with_topic_idioms(tokens, codes, vocabulary, titles)
            codes = _with_quoted_terms(tokens, codes, titles)
        candidates = codes.encode("ascii").translate(_CANDIDATE_MASK)
        candidate_words = list(compress(tokens, candidates))
        candidate_starts = list(compress(range(1, len(tokens) + 1), candidates))
        # Weights are counted in C: each occurrence once, plus the halves of an occurrence its
        # unit's weight adds (see _extra_halves); count + half the extra halves is exact in floats.
        extra_words: list[list[str]] = []
        extra_phrases: list[list[str]] = []
        title_phrases: list[list[str]] = []
        headline_phrases: set[str] = set()  # of titles and subheads
        for start, end, weight in units:
            if weight == 1.0:
                continue
            halves = _extra_halves(weight)
            low, high = bisect_left(candidate_starts, start + 1), bisect_left(candidate_starts, end + 1)
            extra_words += repeat(candidate_words[low:high], halves)
            extra_phrases += repeat(ngrams.within(start, end), halves)
            if weight >= TITLE_WEIGHT:
                title_phrases.append(_title_phrases(tokens, ngrams, start, end, phrase_count))
            if weight >= HEADING_WEIGHT:
                headline_phrases.update(ngrams.within(start, end))
        word_count = Counter(candidate_words)
        word_extra_halves = Counter(chain.from_iterable(extra_words))
        word_extra = map(_HALF.__mul__, map(word_extra_halves.get, word_count, repeat(0)))
        word_weight = dict(zip(word_count, map(add, word_count.values(), word_extra)))

        phrase_extra_halves = Counter(chain.from_iterable(extra_phrases))
        # Phrases must recur, or stand in a title line: one chance meeting of two words is no compound.
        recurring = compress(phrase_count, map((1).__lt__, phrase_count.values()))
        # A phrase that spells a stopword or a generic word (同比 + 增长) is no better alone.
        unwanted = _unwanted_phrases()
        kept = [phrase for phrase in recurring if phrase not in unwanted]
        title_phrases = [[p for p in phrases if p not in unwanted] for phrases in title_phrases]
        phrase_weight = {
            phrase: phrase_count[phrase] + _HALF * phrase_extra_halves.get(phrase, 0)
            for phrase in chain(kept, chain.from_iterable(title_phrases))
        }
        doc = cls(
            tokens,
            codes,
            units,
            vocabulary,
            word_weight,
            word_count,
            candidate_words,
            candidate_starts,
            ngrams,
            phrase_weight,
            phrase_count,
            {},
        )
        doc.phrase_parts = {phrase: doc.first_parts(phrase) for phrase in phrase_weight}
        doc.in_headlines = frozenset(headline_phrases)
        doc.text = "".join(tokens)
        for phrase in [p for p, parts in doc.phrase_parts.items() if doc.is_verb_phrase(p, parts)]:
            del doc.phrase_parts[phrase], phrase_weight[phrase]
        return doc

    @property
    def lexicon(self) -> Mapping[str, tuple[str | None, float | None]]:
        """word -> (dictionary POS tag, jieba IDF), for every candidate and phrase part."""
        return self.vocabulary.entries

    def is_verb_phrase(self, phrase: str, parts: tuple[str, ...]) -> bool:
        """A verb and its object or a clause cut short, not a compound an editor tags: a verb
        of two or more characters followed by a name (介入 + 台海, 退出 + 北约), or a phrase
        that ends in a one-character verb before a number (招聘会 + 超 + 50) or in a
        one-character adjective (工时 + 长, 远东 + 新; not a name: 马义 + 全). One-character
        verbs before a name are left alone (many are a surname or a transliteration: 谢 +
        金河), and so are words jieba tags as names that are common words (城市, 高峰). A place and a
        verb said only after a locative preposition (在 + 昆明 + 开幕) are where something happened."""
        entries = self.vocabulary.entries
        tags = [entries.get(part, _NO_ENTRY)[0] for part in parts]
        if len(parts[-1]) == 1 and tags[-1] == "a" and not names.looks_like_person(phrase):
            return True  # a predicate (工时 + 长) or the start of the next word (远东 + 新): no compound
        if "v" not in tags:
            return False
        if tags[-1] == "v" and len(parts[-1]) > 1 and tags[-2] in _PLACE_TAGS:
            if self._after_locative(phrase):
                return True  # where something happened (在 + 北京 + 开幕): a clause, not a thing
        if tags[0] == "v" and len(parts[0]) > 1 and phrase in self.in_headlines and self._is_common(parts[0]):
            return True  # a headline's common verb and its object (没有 + 风险): a clause, not a thing
        for i, tag in enumerate(tags[:-1]):
            if tag == "v" and len(parts[i]) > 1 and any(self._is_object_name(p) for p in parts[i + 1 :]):
                return True
        if len(parts[-1]) == 1 and tags[-1] == "v":
            index = self.ngrams.first[phrase]
            after = self.ngrams.starts[index] + self.ngrams.sizes[index]
            return after < len(self.tokens) and _ENDS_IN_NUMBER.search(self.tokens[after]) is not None
        return False

    def _after_locative(self, phrase: str) -> bool:
        """Whether every occurrence of the phrase follows a locative preposition (在, 于), or
        places that follow one (在 + 浙江 + 杭州 + 举办)."""
        tokens, locatives, entries = self.tokens, _locatives(), self.lexicon
        starts = self.starts(phrase)
        if not starts:
            return False
        for start in starts:
            before = start - 2
            while before >= 0 and entries.get(tokens[before], _NO_ENTRY)[0] in _PLACE_TAGS:
                before -= 1
            if before < 0 or tokens[before] not in locatives:
                return False
        return True

    def _is_common(self, word: str) -> bool:
        """As common as the verbs of any report (出席, 推动, 没有); rarer verbs are often nouns'
        modifiers (外卖, 联名)."""
        idf = self.lexicon.get(word, _NO_ENTRY)[1]
        return idf is not None and idf < TOPIC_VERB_IDF_SHARE * self.vocabulary.median

    def _is_object_name(self, word: str) -> bool:
        tag, idf = self.lexicon.get(word, _NO_ENTRY)
        if tag in _OBJECT_NAME_TAGS:
            return True
        median = self.vocabulary.median
        if tag == "ns":
            return idf is not None and idf >= COMMON_NAME_IDF_SHARE * median
        if tag == "nr":
            common = idf is not None and idf < median
            return names.kind_of(word, tag, common=common) == names.PERSON
        return False

    def first_parts(self, phrase: str) -> tuple[str, ...]:
        """The words of a phrase's first occurrence (the same text may be cut two ways)."""
        index = self.ngrams.first[phrase]
        start = self.ngrams.starts[index]
        return tuple(self.tokens[start : start + self.ngrams.sizes[index]])

    def starts(self, term: str) -> list[int]:
        """Where each occurrence of a term starts, as a word and as a phrase."""
        found: list[int] = []
        count = self.word_count.get(term)
        if count:
            word_starts = self.candidate_starts
            found = [word_starts[i] for i in _indexes(self.candidate_words, term, 0, count)]
        count = self.phrase_count.get(term)
        if count:
            phrase_starts = self.ngrams.starts
            found += [
                phrase_starts[i] + 1
                for i in _indexes(self.ngrams.phrases, term, self.ngrams.first[term], count)
            ]
        return found

    def is_noun_phrase(self, phrase: str, first: int = 0) -> bool:
        """Whether every part of the phrase from `first` on is a noun by jieba's tag."""
        entry = self.lexicon.get
        return all(
            (entry(part, _NO_ENTRY)[0] or "").startswith("n") for part in self.phrase_parts[phrase][first:]
        )

    def span(self, term: str) -> int:
        """Number of tokens one occurrence of `term` covers."""
        parts = self.phrase_parts.get(term)
        return len(parts) if parts is not None and term not in self.word_count else 1

    def clauses(self) -> list[tuple[list[str], float]]:
        """Runs of words between breaks, with their unit's weight; other words leave a gap
        (""), which breaks adjacency but stays inside the co-occurrence window."""
        out: list[tuple[list[str], float]] = []
        for start, end, weight in self.units:
            clause: list[str] = []
            for word, code in zip(self.tokens[start:end], self.codes[start:end]):
                if code == _BREAK:
                    if clause:
                        out.append((clause, weight))
                        clause = []
                else:
                    clause.append("" if code == _OTHER else word)
            if clause:
                out.append((clause, weight))
        return out

    def phrase_words(self) -> set[str]:
        """The words of the first occurrence of every phrase n-gram, kept or not."""
        return {word for phrase in self.phrase_count for word in self.first_parts(phrase)}


def _title_phrases(
    tokens: list[str], ngrams: _NGrams, start: int, end: int, counts: Counter[str]
) -> list[str]:
    """The phrase n-grams of a title line that may be compounds though said once: not one
    said nowhere else with a single character at either end (男 + 无力, 无尾熊 + 式, 案 + 延后),
    which the headline's telegraphic style glued to its neighbour."""
    low, high = bisect_left(ngrams.starts, start), bisect_left(ngrams.starts, end)
    phrases, starts, sizes = ngrams.phrases[low:high], ngrams.starts[low:high], ngrams.sizes[low:high]
    return [
        phrase
        for phrase, first, size in zip(phrases, starts, sizes)
        if counts[phrase] > 1 or (len(tokens[first]) > 1 and len(tokens[first + size - 1]) > 1)
    ]


# Tags of the word before a one-character head in a headline compound (罕见 + 病, 深远 + 海): a
# modifier or a name, not a verb (合作 + 奖 of a longer award's name).
_MODIFIER_TAGS = frozenset(("a", "b", "n", "ns", "nr", "nz", "j"))
# A headline compound is said this often (the headline's mention counted): once or twice is a
# chance meeting of a word and the next character.
HEADLINE_COMPOUND_MENTIONS = 3


def _headline_compounds(
    tokens: list[str], codes: str, units: list[tuple[int, int, float]], vocabulary: _Vocabulary
) -> set[tuple[str, str]]:
    """Compounds the segmenter cut in two and phrases cannot rebuild, as no part is a candidate:
    a modifier of two characters or more and a one-character noun (罕见 + 病), adjacent in a
    title or subhead, and said so HEADLINE_COMPOUND_MENTIONS times or more. The headline names
    the story's (or a roundup item's) topic; the text saying it again makes it a term."""
    entries = vocabulary.entries
    pairs = {
        (tokens[i], tokens[i + 1])
        for start, end, weight in units
        if weight >= HEADING_WEIGHT
        for i in range(start, end - 1)
        if codes[i] == _PART
        and codes[i + 1] == _SHORT_PART
        and entries.get(tokens[i], _NO_ENTRY)[0] in _MODIFIER_TAGS
    }
    if not pairs:
        return set()
    counts = Counter(pair for pair in pairwise(tokens) if pair in pairs)
    return {pair for pair, count in counts.items() if count >= HEADLINE_COMPOUND_MENTIONS}


def _joined_pairs(
    tokens: list[str], units: list[tuple[int, int, float]], pairs: set[tuple[str, str]]
) -> tuple[list[str], list[tuple[int, int, float]]]:
    """The tokens with each of `pairs` joined into one token where it is said, and the units'
    token ranges after the joins."""
    out: list[str] = []
    new_start = [0] * (len(tokens) + 1)  # where each old token index lands
    i = 0
    while i < len(tokens):
        new_start[i] = len(out)
        if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in pairs:
            new_start[i + 1] = len(out)
            out.append(tokens[i] + tokens[i + 1])
            i += 2
        else:
            out.append(tokens[i])
            i += 1
    new_start[len(tokens)] = len(out)
    return out, [(new_start[start], new_start[end], weight) for start, end, weight in units]


# A numbered set term (one X, N Y: a policy or slogan named by its parts): 一 and another single
# Han numeral, each before a different character that is no numeral. A literal first character
# lets the regex skip to each 一 (the form N X 一 Y would cost a scan of every character).
_NUMBERED_SET_TERM = re.compile(
    r"一([^\W\d零一二三四五六七八九十百千万两兩几])"
    r"[一二三四五六七八九十两兩](?!\1)([^\W\d零一二三四五六七八九十百千万两兩几])"
    r"(?![零一二三四五六七八九十百千万两兩几])"
)
# ...with none of these before it: a longer number or an ordinal (十一, 第一)
_NUMBERED_SET_BEFORE = frozenset("零一二三四五六七八九十百千万两兩几第")
# ...said as one unit this often: a count said in passing (三天两次) does not recur.
NUMBERED_SET_MENTIONS = 3


def _numbered_set_terms(
    tokens: list[str], units: list[tuple[int, int, float]], text: str
) -> tuple[list[str], list[tuple[int, int, float]], set[str]]:
    """Set terms named with numerals (one X, two Y) the segmenter cut into numbers and pieces,
    joined into one token where the pieces start and end with a mention: the term said
    NUMBERED_SET_MENTIONS times or more, its first numeral 一 (two counts side by side, 两港两区,
    name no set), its two content characters Han and no function characters. Returns the tokens,
    the units' token ranges after the joins, and the terms. `text` is the units' text, which
    the tokens spell."""
    before = _NUMBERED_SET_BEFORE
    counts = Counter(
        m.group() for m in _NUMBERED_SET_TERM.finditer(text) if text[m.start() - 1 : m.start()] not in before
    )
    function_chars = _function_chars()
    terms = {
        term
        for term, count in counts.items()
        if count >= NUMBERED_SET_MENTIONS
        and _HAN.fullmatch(term[1]) is not None
        and _HAN.fullmatch(term[3]) is not None
        and term[1] not in function_chars
        and term[3] not in function_chars
    }
    if not terms:
        return tokens, units, set()
    out: list[str] = []
    new_start = [0] * (len(tokens) + 1)  # where each old token index lands
    joined: set[str] = set()
    i = 0
    while i < len(tokens):
        new_start[i] = len(out)
        run, j = "", i
        while j < len(tokens) and len(run) < 4 and any(t.startswith(run + tokens[j]) for t in terms):
            run += tokens[j]
            j += 1
        if run in terms and j - i > 1:
            for k in range(i + 1, j):
                new_start[k] = len(out)
            out.append(run)
            joined.add(run)
            i = j
        else:
            out.append(tokens[i])
            i += 1
    new_start[len(tokens)] = len(out)
    return out, [(new_start[start], new_start[end], weight) for start, end, weight in units], joined


@cache
def _time_name_starts() -> tuple[str, ...]:
    """The first characters of the time words a name may start like (周, 明)."""
    return tuple(sorted({word[0] for word in names.cues().time_words_like_names}))


def _time_cut_names(
    tokens: list[str], units: list[tuple[int, int, float]], segmenter: Segmenter
) -> tuple[list[str], list[tuple[int, int, float]]]:
    """Names the segmenter read as a time word and a character (周天 | 成, 周一 | 鸣以: a surname
    and a given name that starts like a weekday), joined again: the time word is said twice or
    more, always before the same character, which is no function character. The units' token
    ranges follow the joins."""
    heads = names.cues().time_words_like_names.intersection(tokens)  # in C
    if not heads:
        return tokens, units
    nexts: dict[str, set[str]] = {}
    for head in heads:
        if tokens.count(head) >= 2:
            following = {
                tokens[i + 1] for i in _indexes(tokens, head, 0, tokens.count(head)) if i + 1 < len(tokens)
            }
            if len({after[:1] for after in following}) == 1:
                nexts[head] = following
    if not nexts:
        return tokens, units
    tags = segmenter.lookup(
        set(chain.from_iterable(nexts.values())) | {next(iter(f))[:1] for f in nexts.values()}
    )
    joined = {
        word: char
        for word, following in nexts.items()
        if _HAN.match(char := next(iter(following))[:1])
        and char not in _function_chars()
        and tags[char][0] not in _EDGE_FUNCTION_TAGS
        # not a word of its own after the time word (周年 | 大会, 明年 | 选举): only 成 or the HMM's 成以
        and all(len(after) == 1 or tags[after][0] is None for after in following)
    }
    if not joined:
        return tokens, units
    out: list[str] = []
    new_start = [0] * (len(tokens) + 1)  # where each old token index lands
    i = 0
    while i < len(tokens):
        new_start[i] = len(out)
        word = tokens[i]
        if word in joined and i + 1 < len(tokens):
            after = tokens[i + 1]
            new_start[i + 1] = len(out)
            out.append(word + after[0])
            if len(after) > 1:
                out.append(after[1:])  # 成 | 以
            i += 2
        else:
            out.append(word)
            i += 1
    new_start[len(tokens)] = len(out)
    return out, [(new_start[start], new_start[end], weight) for start, end, weight in units]


def _name_tokens(tokens: list[str], names: list[str], article_text: str) -> list[int]:
    """Indexes of the tokens that lie inside a mention of one of `names`, whole or cut into
    pieces (柯文 | 彬)."""
    found: list[int] = []
    names = [name for name in names if len(name) > 1 and name in article_text]
    if not names:
        return found  # most articles: their names are not in the text at all
    text = "".join(tokens)
    cut: list[str] = []
    for name in names:
        whole = tokens.count(name)
        found += _indexes(tokens, name, 0, whole)
        if text.count(name) > whole:
            cut.append(name)  # a mention cut into pieces
    if not cut:
        return found
    ends = list(accumulate(map(len, tokens)))  # where each token ends in `text`
    for name in cut:
        at = text.find(name)
        while at >= 0:
            index = bisect_right(ends, at)  # the token holding the mention's first character
            while index < len(tokens) and ends[index] <= at + len(name):
                if ends[index] - len(tokens[index]) >= at and tokens[index] != name:
                    found.append(index)
                index += 1
            at = text.find(name, at + len(name))
    return found


def _indexes(items: list[str], item: str, start: int, count: int) -> list[int]:
    """The indexes of the `count` occurrences of `item` in `items`, none before `start`
    (list.index scans in C)."""
    found: list[int] = []
    for _ in range(count):
        start = items.index(item, start)
        found.append(start)
        start += 1
    return found


def _with_topic_verbs(
    tokens: list[str],
    codes: str,
    vocabulary: _Vocabulary,
    phrases: Counter[str],
    titles: list[list[str]],
) -> str:
    """`codes` with the story's topic verbs made candidates: a rare verb that the headline
    names and the text comes back to (纵火, 罢工, 受贿) is the event an editor tags, though
    verbs are otherwise only phrase parts (纵火 + 案). Common verbs (等待, 出席) stay parts,
    and so does a verb mostly said inside one recurring phrase (3D + 列印): the phrase is
    the tag."""
    if not titles:
        return codes
    word_codes, entries, idf, generic = vocabulary.codes, vocabulary.entries, vocabulary.idf, generic_words()
    rare = TOPIC_VERB_IDF_SHARE * vocabulary.median
    # Only the few verbs of the headlines are counted.
    heads = {
        word
        for word in chain.from_iterable(titles)
        if word_codes.get(word) == _PART
        and word not in generic
        and entries.get(word, _NO_ENTRY)[0] == "v"
        and idf.get(word, 0.0) >= rare
        and _HAN_WORD.fullmatch(word) is not None
    }
    verbs = [(word, count) for word in heads if (count := tokens.count(word)) >= TOPIC_VERB_MIN_COUNT]
    if not verbs:
        return codes
    recurring = [(phrase, count) for phrase, count in phrases.items() if count > 1]
    topic = {
        word
        for word, count in verbs
        if 2 * max((n for phrase, n in recurring if word in phrase), default=0) <= count
    }
    if not topic:
        return codes
    return _as_candidates(tokens, codes, topic)


def _with_topic_idioms(
    tokens: list[str], codes: str, vocabulary: _Vocabulary, titles: list[list[str]]
) -> str:
    """`codes` with the story's set phrase made a candidate: an idiom of four characters or more
    (jieba's tag `i`: 见义勇为, 当家作主, 合同诈骗) that a title line names and the text says
    TOPIC_VERB_MIN_COUNT times or more is what the story is about, though idioms elsewhere
    only colour a report. Not those in the generic and idiom lists (真抓实干)."""
    entries, generic = vocabulary.entries, generic_words()
    heads = {
        word
        for word in chain.from_iterable(titles)
        if len(word) >= 4
        and entries.get(word, _NO_ENTRY)[0] == "i"
        and word not in generic
        and _HAN_WORD.fullmatch(word) is not None
    }
    topic = [word for word in heads if tokens.count(word) >= TOPIC_VERB_MIN_COUNT]
    if not topic:
        return codes
    return _as_candidates(tokens, codes, topic)


def _with_quoted_terms(tokens: list[str], codes: str, titles: list[list[str]]) -> str:
    """`codes` with a word a title line puts in quotes (“停摆”, 「赶考」) made a candidate when
    the text says it again: the headline marks it as the story's term, though verbs are
    otherwise only phrase parts. One word only (a quoted phrase is gathered by _quoted_wholes)."""
    quoted = {
        word
        for title in titles
        for before, word, after in zip(title, title[1:], title[2:])
        if before in _OPENING_QUOTES and after in _CLOSING_QUOTES
    }
    if not quoted:
        return codes
    terms = [
        word
        for word in quoted
        if codes[tokens.index(word)] == _PART
        and len(word) >= 2
        and word not in generic_words()
        and tokens.count(word) >= 2
    ]
    if not terms:
        return codes
    return _as_candidates(tokens, codes, terms)


def _with_headline_kin(tokens: list[str], codes: str, titles: list[list[str]]) -> str:
    """`codes` with the kin and role nouns the headline names made candidates: then they are
    the topic (a story about an elderly passenger: 老人), elsewhere only phrase parts."""
    kin = kin_words()
    named = {word for word in chain.from_iterable(titles) if word in kin}
    if not named:
        return codes
    return _as_candidates(tokens, codes, named, only=_PART)


def _as_candidates(tokens: list[str], codes: str, words: Iterable[str], only: str | None = None) -> str:
    """`codes` with every mention of `words` made a candidate (only those coded `only`, if given)."""
    marked = list(codes)
    for word in words:
        for index in _indexes(tokens, word, 0, tokens.count(word)):
            if only is None or marked[index] == only:
                marked[index] = _CANDIDATE
    return "".join(marked)


# Tags of the names a verb may take as its object (会见 + 塞浦路斯 + 议长, 抗议 + 欧盟).
_OBJECT_NAME_TAGS = frozenset({"nrt", "nrfg", "nt", "eng"})


def _article_furniture(article: Article) -> frozenset[str]:
    """The article's own outlet and reporters: true on every page, never its topic. (Photo credits
    and the captions they close are no body blocks, so their names are never counted.)"""
    names = {article.source or "", *article.reporters}
    return frozenset(n for n in names if n)


# ---------------------------------------------------------------------------
# ranking


def extract_keywords(
    article: Article,
    segmenter: Segmenter,
    *,
    top: int = 10,
    method: str = "tfidf",
    idf: IdfTable | None = None,
    allowed_pos: Iterable[str] | None = DEFAULT_POS,
    phrases: bool = True,
    min_weight: float = MIN_RELATIVE_WEIGHT,
) -> list[KeywordScore]:
    """The article's top keywords and keyphrases (at most `top`), best first, weights scaled so
    the best is 1; terms weighing less than `min_weight` of the best are left out, and the tail of terms said
    once that weigh less than TAIL_SHARE of it."""
    if method not in METHODS:
        raise ValueError(f"unknown keyword method {method!r}; choose one of {', '.join(METHODS)}")
    doc = _Doc.build(article, segmenter, allowed_pos, phrases)
    if not doc.word_weight and not doc.phrase_weight:
        return []
    if method == "textrank":
        scores = _textrank_scores(doc)
    else:
        scores = _tfidf_scores(doc, idf)
    span_pieces: dict[str, tuple[str, float]] = {}
    countries: set[str] = set()
    named: set[str] = set()
    merged = _gather_names(doc, scores, segmenter, span_pieces, countries, named)
    _damp_common_words(doc, scores)
    _damp_guessed_once(doc, scores, named)
    _damp_heads(doc, scores, named)
    chosen = _select(doc, scores, top, span_pieces, countries)
    if not chosen:
        return []
    best = scores[chosen[0]] or 1.0
    chosen = [t for t in chosen if scores[t] >= min_weight * best]
    out = []
    for term in chosen:
        is_phrase = term in doc.phrase_parts and term not in doc.word_count
        count = _token_count(doc, term) + merged.get(term, 0) or doc.text.count(term)
        if count == 1 and scores[term] < TAIL_SHARE * best and term not in named:
            continue
        tag = doc.lexicon.get(term, _NO_ENTRY)[0]
        pos = "phrase" if is_phrase else (tag or ("eng" if not _HAN.search(term) else None))
        out.append(KeywordScore(term, round(scores[term] / best, 4), count, pos))
    return out


def _damp_common_words(doc: _Doc, scores: dict[str, float]) -> None:
    """Plain words as common as 经济, 技术, 医院 (jieba IDF under COMMON_WORD_IDF_SHARE of the
    median) name the field of any report, rarely its subject: a single such word weighs
    COMMON_WORD_WEIGHT of its score, so it leads only when the story keeps saying it. Names,
    phrases and the words of a title line keep theirs."""
    common = doc.vocabulary.common.intersection(doc.word_count)
    if not common:
        return
    titles = [doc.tokens[start:end] for start, end, weight in doc.units if weight >= TITLE_WEIGHT]
    for term in common.difference(chain.from_iterable(titles)):
        if term in scores:
            scores[term] *= COMMON_WORD_WEIGHT


def _damp_guessed_once(doc: _Doc, scores: dict[str, float], named: set[str]) -> None:
    """A word jieba's dictionary lacks, found once by its HMM in the body, is as often a
    clause cut across words (恶状全 of 恶行恶状全被, 手往 of 突然手往轮胎一刺) as a new term or a
    name, and a set expression it tags l said once as often a predicate (毫发无损, 圆满完成,
    不仅如此) as a topic: it weighs GUESSED_ONCE_WEIGHT of its score, so the dictionary's
    words and what the story repeats come first. Words of a title line, names (a suspect
    named once can be the story's person) and phrases keep theirs. The vocabulary keeps
    such words (`unsure`), so only this article's are looked at."""
    count, text = doc.word_count, doc.text
    once = [term for term in doc.vocabulary.unsure.intersection(count) if count[term] == 1 and term in scores]
    if not once:
        return
    lines = [doc.tokens[start:end] for start, end, weight in doc.units if weight >= TITLE_WEIGHT]
    titles = frozenset(chain.from_iterable(lines))
    for term in once:
        if term not in titles and term not in named and text.count(term) == 1:
            scores[term] *= GUESSED_ONCE_WEIGHT


def _damp_heads(doc: _Doc, scores: dict[str, float], named: set[str]) -> None:
    """A common noun that most of its mentions ends a longer term, after two different words
    at least (产业 of 北斗产业 and 卫星导航产业, 中心 of 科创中心 and 科学中心), is the kind of
    thing the story is about, not the thing: it weighs HEAD_WEIGHT of its score, so the longer
    terms come first. Only words among the HEADS_LOOKED_AT best scores are looked at; names
    keep their weight."""
    count = doc.word_count
    common = [
        term for term in doc.vocabulary.common.intersection(count) if count[term] > 1 and term in scores
    ]
    if not common:
        return
    values = sorted(scores.values(), reverse=True)  # in C
    cutoff = values[HEADS_LOOKED_AT - 1] if len(values) >= HEADS_LOOKED_AT else 0.0
    tokens, codes, entries = doc.tokens, doc.codes, doc.lexicon
    for term in common:
        if scores[term] < cutoff or term in named:
            continue
        if entries.get(term, _NO_ENTRY)[0] in _NAME_TAGS:
            continue
        starts = [start for start in doc.starts(term) if start >= 2]  # token indexes + 1
        heads = [tokens[start - 2] for start in starts if codes[start - 2] in _PART_CODES]
        if len(heads) >= 2 and 2 * len(heads) > len(starts) and len(set(heads)) >= 2:
            scores[term] *= HEAD_WEIGHT


def _tfidf_scores(doc: _Doc, table: IdfTable | None) -> dict[str, float]:
    idf: Mapping[str, float]
    if table is None:
        idf = doc.vocabulary.idf
    else:
        # The file's IDF of every word scored alone or as a phrase part.
        words = list(chain(doc.word_weight, chain.from_iterable(doc.phrase_parts.values())))
        idf = dict(zip(words, map(table.values.get, words, repeat(table.default))))
    word_weight = doc.word_weight
    scores = dict(zip(word_weight, map(mul, word_weight.values(), map(idf.__getitem__, word_weight))))
    for phrase, tf in doc.phrase_weight.items():
        parts = doc.phrase_parts[phrase]
        if table is not None and phrase in table.values:
            value = table.values[phrase]  # a corpus IDF knows the phrase itself
        else:
            # A compound is rarer than its rarest part: that part's IDF plus a share of the others'.
            values = sorted(map(idf.__getitem__, parts), reverse=True)
            value = values[0] + PHRASE_IDF_GAIN * sum(values[1:])
        scores[phrase] = max(scores.get(phrase, 0.0), tf * value * _LENGTH_PRIOR[len(parts)])
    return scores


def _gather_names(
    doc: _Doc,
    scores: dict[str, float],
    segmenter: Segmenter,
    pieces: dict[str, tuple[str, float]],
    countries: set[str],
    named: set[str] | None = None,
) -> dict[str, int]:
    """Tags an editor would write for the names in the text (see `newsctl.names`), in
    place on `scores`: the pieces of a name (given name alone, glued title or speech
    verb, the given names of a transliterated name, a Latin gloss) give their weight
    to the whole name; fragments of the title and of sentences go; names of people,
    places and organisations gain. Only the NAMES_LOOKED_AT best terms are looked at, whatever
    the number of keywords asked for: the rest rarely reach the top. Returns the occurrences each whole
    name took over; `pieces` gets, for each recurring string, the best piece it took and its weight;
    `countries`, the countries that took the mentions of their abbreviation; `named`, the terms
    that are names of people, places or organisations."""
    entry = doc.lexicon.get
    text = doc.text
    merged: dict[str, int] = {}

    def count_of(term: str) -> int:
        return _token_count(doc, term)

    def give(piece: str, owner: str | None) -> None:
        weight = scores.pop(piece)
        if owner is not None and owner != piece:
            scores[owner] = scores.get(owner, 0.0) + weight
            taken = count_of(piece) + merged.pop(piece, 0)
            if piece in owner or owner in piece:
                # The owner's mentions are where the text says it (which its token count misses where
                # the segmenter cut it or glued a word on: 叶铭鸿说); a piece of it (福克镇 of 罗灵福克镇)
                # adds only its mentions elsewhere.
                said = text.count(owner)
                taken = (
                    min(taken, max(text.count(piece) - said * owner.count(piece), 0)) if piece in owner else 0
                )
                taken += max(said - count_of(owner) - merged.get(owner, 0), 0)
            merged[owner] = merged.get(owner, 0) + taken

    # Headlines and subheads are telegraphic (妻難, 師幫申請): a piece cut out of them where no word
    # ends, found nowhere else, is no term.
    title_ranges = [(start, end) for start, end, weight in doc.units if weight >= HEADING_WEIGHT]
    in_titles = set(chain.from_iterable(doc.tokens[start:end] for start, end in title_ranges))
    in_titles.update(chain.from_iterable(doc.ngrams.within(start, end) for start, end in title_ranges))
    # where an occurrence inside them starts (occurrences start at token index + 1)
    in_title_positions = set(chain.from_iterable(range(start + 1, end + 1) for start, end in title_ranges))
    glosses = names.latin_glosses(text)
    dotted = names.dotted_name_parts(
        doc.tokens, lambda token: (entry(token, _NO_ENTRY)[0] or "nr").startswith("nr"), text
    )
    looked_at = sorted(scores, key=scores.__getitem__, reverse=True)[:NAMES_LOOKED_AT]
    # The heads of three-character unknown words, which learn_kinds asks for, go in the same query.
    heads = {t[:2] for t in looked_at if len(t) == 3 and entry(t, _NO_ENTRY)[0] is None}
    for term, whole in _cut_words(doc, looked_at, text, segmenter, heads, CUTS_LOOKED_AT).items():
        give(term, whole)

    def give_whole(piece: str, whole: str) -> None:
        """give, counting the whole's mentions once, however many of its pieces it took"""
        if piece in scores:
            before = merged.get(whole, 0)
            give(piece, whole)
            merged[whole] = max(before, min(merged[whole], text.count(whole) - count_of(whole)))

    # before _surnamed: 莫 | 诺尔 | 特 is a transliteration, not a surname and a given name
    for term, whole in _transliterated_wholes(doc, text, looked_at[:CUTS_LOOKED_AT]).items():
        give_whole(term, whole)
    for term, whole in _surnamed(doc, looked_at[:CUTS_LOOKED_AT]).items():
        give_whole(term, whole)
    # 綠委段 | 宜康, 蔡 | 英文: a given name after its surname glued on or that is a word too
    unknown = [t for t in looked_at[:CUTS_LOOKED_AT] if t in scores and entry(t, _NO_ENTRY)[0] in _NAME_TAGS]
    is_word = lambda pair: segmenter.lookup((pair,))[pair][0] is not None  # noqa: E731
    for term, whole in names.cut_given_names(unknown, text, _given_name_surnames(), is_word).items():
        give_whole(term, whole)
    for term, whole in names.numbered_wholes(unknown, text).items():
        give_whole(term, whole)  # 神舟 | 十四号: the whole name
    for term, whole in _quoted_wholes(text, looked_at[:CUTS_LOOKED_AT]).items():
        give_whole(term, whole)
    for term, whole in _named_organisations(doc, looked_at[:CUTS_LOOKED_AT], looked_at).items():
        give_whole(term, whole)
    for term, whole in _recurring_spans(doc, text, looked_at[:CUTS_LOOKED_AT], segmenter).items():
        weight = scores.get(term, 0.0)
        scored = whole in scores
        # only a dictionary word stands as a tag on its own (接种率, not 翔平 of a cut name)
        if entry(term, _NO_ENTRY)[0] is not None and weight > pieces.get(whole, ("", 0.0))[1]:
            pieces[whole] = (term, weight)
        give_whole(term, whole)
        if scored:
            # the whole is scored already, on the same mentions: the better of the two weights, not both
            scores[whole] = max(scores[whole] - weight, weight)
    for term in looked_at:
        tag = entry(term, _NO_ENTRY)[0]
        is_phrase = term not in doc.word_count
        if term not in scores:
            continue
        if term in glosses:
            give(term, None)
        elif is_phrase or tag is None:
            in_title = (
                term in in_titles
                and _HAN.search(term) is not None  # Latin is a name or acronym (SOHO), no cut
                and (
                    not is_phrase
                    or any(entry(p, _NO_ENTRY)[0] in _LOOSE_TAGS for p in doc.phrase_parts[term])
                )
                and in_title_positions.issuperset(doc.starts(term))
            )
            if in_title:
                give(term, None)  # a piece of the headline, cut where no word ends
            elif (core := names.core_name(term)) is not None:
                give(term, core)
            elif not is_phrase and names.is_glued_fragment(term):
                give(term, None)
    for term in looked_at:
        if term not in scores or entry(term, _NO_ENTRY)[0] is not None or term not in doc.word_count:
            continue
        if term[0] == _ANONYMISED:
            # 郑某辉 cut after its surname: the whole name when it is there, else no tag
            give(term, next((t for t in looked_at if len(t) == len(term) + 1 and t.endswith(term)), None))
        elif (
            len(term) >= 3 and term[:-1] in scores and doc.word_count.get(term[:-1], 0) > doc.word_count[term]
        ):
            give(term, term[:-1])  # a name or term and the next word's first character (小杰 + 走)
        elif (name := names.unglued(term, text)) is not None:
            # an adverb or preposition and a name (连 + 阿芳): the name is the tag, with all its mentions
            if name in scores:
                give(term, name)
            else:
                scores[name] = scores.pop(term)
                merged.pop(term, None)
                merged[name] = text.count(name) - count_of(name)
    for term, owner in dotted.items():
        if term in scores and term != owner:
            give(term, owner if owner in scores else None)
    _join_dotted_names(doc, scores, merged)
    for term in _straddling_words(doc, [t for t in looked_at[:CUTS_LOOKED_AT] if t in scores]):
        give(term, None)
    countries.update(_gather_countries(doc, scores, merged, give))
    for pair in names.country_pairs([t for t in looked_at if t in scores], text):
        give(pair, None)
    best = [t for t in looked_at[:CUTS_LOOKED_AT] if t in scores]
    for head, full in _named_heads(doc, best).items():
        if head in scores:
            # 基金会 of 苹果基金会: one organisation, whose tag is the full name
            doc.phrase_parts.setdefault(full, doc.first_parts(full))
            give(head, full)
    for short, full in _short_forms(doc, best, segmenter).items():
        if short in scores and full in scores:
            # one tag, the full name; but a country goes by its common name (法国, not 法兰西共和国)
            give(*((full, short) if short in names.country_names() else (short, full)))
    # 阿琴（王某琴）: one person, the name the story goes by is the tag (not a place: 某某家（成都）,
    # nor a kin word: 表哥（李老师）)
    plain = _plain_words()
    callable_names = [t for t in looked_at[:CUTS_LOOKED_AT] if t not in plain]
    for full, alias in names.aliases(text, callable_names).items():
        if full in scores and alias in scores and entry(full, _NO_ENTRY)[0] in _PERSON_TAGS:
            give(full, alias)
    seen = set(looked_at)
    live = [t for t in looked_at if t in scores] + [t for t in merged if t in scores and t not in seen]
    median = doc.vocabulary.median

    kinds: dict[str, str | None] = {}

    def learn_kinds(terms: list[str]) -> None:
        """names.kind_of of each term, with what the dictionary knows of it and of its head."""
        heads = segmenter.lookup({t[:2] for t in terms if len(t) == 3 and entry(t, _NO_ENTRY)[0] is None})
        for term in terms:
            tag, idf = entry(term, _NO_ENTRY)
            head_idf = heads[term[:2]][1] if tag is None and len(term) == 3 else None
            kinds[term] = names.kind_of(
                term,
                tag,
                common=idf is not None and idf < median,
                common_head=head_idf is not None and head_idf < median,
            )

    # Only words the dictionary lacks or tags as a name can be names: the rest are not asked.
    learn_kinds([t for t in live if entry(t, _NO_ENTRY)[0] in _NAME_TAGS])
    people = [t for t, k in kinds.items() if k == names.PERSON and len(t) >= 3]
    for term in people:
        # A known two-character name and a character glued on by the HMM (韩正 + 同)
        if entry(term, _NO_ENTRY)[0] is None and term[:2] in scores and kinds.get(term[:2]) == names.PERSON:
            give(term, term[:2])
    people = [t for t in people if t in scores]
    shorter = set(people)
    for term in [t for t in live if t[:-1] in shorter and t in scores and t not in doc.word_count]:
        # A name the HMM cut one character short, which the phrase puts back (穆塔里 + 卡)
        name = term[:-1]
        if doc.phrase_parts[term][0] == name and name in scores:
            give(name, term)
            people[people.index(name)] = term
    live = [t for t in live if t in scores]
    owners = names.fragment_owners(live, people) if people else {}
    for term in live if people else ():
        if term in people or term not in scores:
            continue
        if term not in doc.word_count and any(name in term and len(term) - len(name) > 1 for name in people):
            give(term, None)  # a name with a title or verb around it: the name is the tag
        elif term in owners:
            give(term, owners[term])  # a given name, or a kin term or title glued to the surname
    # A word and the same word with kin nouns around it (家暴 and 前夫 + 家暴), the word said more often
    # alone: one tag, the word.
    kin, phrase_parts = kin_words(), doc.phrase_parts
    for term in live:
        parts = phrase_parts.get(term)
        if parts is None or kin.isdisjoint(parts) or term not in scores or term in doc.word_count:
            continue
        cores = [p for p in parts if p not in kin]
        if (
            len(cores) == 1
            and cores[0] in scores
            and doc.word_count.get(cores[0], 0) > doc.phrase_count[term]
        ):
            give(term, None)
    for term in live:
        if term in scores and (tag := names.address_tag(term, scores)) is not None:
            # an address (浙江省温州市, 某市某区某路): the city or district is the tag, on its own mentions
            give(term, None if tag in scores else tag)
            for piece in names.address_pieces(term, tag, list(scores), text):
                give(piece, None)  # 某县泸沽镇: 泸沽镇, said only in the address, is no tag
    variant_suffixes = names.cues().variant_suffixes
    for term in [t for t in live if t[-1] in variant_suffixes and t in scores]:
        other = names.variant_of(term, scores)
        if other is not None and other in scores:
            give(term, other)
    learn_kinds([t for t in merged if t in scores and t not in kinds])  # whole names made of pieces
    longer = [t for t in live if t in scores and len(t) > 2]
    for term, kind in kinds.items():
        if kind is not None and term in scores:
            if named is not None:
                named.add(term)
            within = max((count_of(t) for t in longer if term in t and t != term), default=0)
            mentions = count_of(term) + merged.get(term, 0)
            scores[term] *= NAME_GAIN * _recurrence_gain(mentions, entry(term, _NO_ENTRY)[1], median, within)
    return merged


# Tags of the words of an organisation's name before its head (not 尊重 + 法院, 小型 + 银行, 搭车到 + 医院)
_NAME_PART_TAGS = frozenset(("n", "nz", "ns", "nt", "nr", "nrt", "nrfg", "j", "vn", "eng"))
# (a word jieba's dictionary lacks, tag None, is not one: 故转介 + 苹果基金会)
HEAD_NAME_PARTS = 3  # words looked at before a head noun for the name it ends
HEAD_ALONE_RATIO = 2  # a head said alone more than this many times per mention of its name is a common noun


def _named_heads(doc: _Doc, terms: list[str]) -> dict[str, str]:
    """Head nouns of organisations (基金会, 总台, see `organisation_heads`) among `terms` that
    the text also says as the end of one name (苹果基金会; or of one name and its shorter
    tail: 中国轻工业联合会 and 轻工业联合会), each with that name. The name is the nouns and
    names (up to HEAD_NAME_PARTS words of two or more characters) right before the head, after
    a verb, a function word or a break, and not starting with a verbal noun (认捐 + 学校).
    A name that may be cut (a noun's character, a word the dictionary lacks or another noun
    before it: 芯 + 世界组委会, 陕煤 + 物资集团), two different names (公办学校 and 热门学校),
    a head the text never says alone or says alone more than HEAD_ALONE_RATIO times per
    mention of the name (the banks, 银行) leave the head alone."""
    heads = organisation_heads().intersection(terms)
    if not heads:
        return {}
    tokens, codes, entry = doc.tokens, doc.codes, doc.lexicon.get
    found: dict[str, str] = {}
    for head in heads:
        if head not in doc.word_count:
            continue
        names_seen: set[str] = set()
        alone = named = 0
        for start in doc.starts(head):
            i = start - 1  # tokens[i] is the head
            first = i
            for j in range(i - 1, i - 2 - HEAD_NAME_PARTS, -1):
                if j < 0 or codes[j] not in _PART_CODES:
                    break
                word = tokens[j]
                tag = entry(word, _NO_ENTRY)[0]
                if tag is None:
                    # a word the dictionary lacks: a name the text says again (陕煤 + 物资集团) may
                    # start this one; a guess said once (故转介 + 苹果基金会) ends it
                    if doc.word_count.get(word, 0) > 1:
                        first = -1
                    break
                if len(word) == 1 or first <= i - HEAD_NAME_PARTS:
                    if tag[0] in "nj":
                        first = -1  # a noun's character (芯 + 世界组委会) or more nouns: the name may be cut
                    break
                if tag not in _NAME_PART_TAGS:
                    break
                first = j
            while 0 <= first < i and entry(tokens[first], _NO_ENTRY)[0] == "vn":
                first += 1
            if first < 0:
                names_seen.add("")
            elif first < i:
                names_seen.add("".join(tokens[first : i + 1]))
                named += 1
            else:
                alone += 1
        if not alone or not names_seen or "" in names_seen or alone > HEAD_ALONE_RATIO * named:
            continue  # said alone far more often than in the name, the head is a common noun (银行)
        longest = max(names_seen, key=len)
        if all(longest.endswith(other) for other in names_seen) and longest in doc.phrase_count:
            found[head] = longest
    return found


def _is_short_form(short: str, full: str) -> bool:
    """Whether `short` is an abbreviation of `full` as Chinese makes them: some characters of
    the full name in order, the last one kept (世贸组织 of 世界贸易组织, 农发行 of 农业发展
    银行), and not one piece of it (that is a word of its own, 国民党 of 中国国民党)."""
    if len(short) < 2 or len(full) <= len(short) or short[-1] != full[-1] or short in full:
        return False
    rest = iter(full)
    return all(char in rest for char in short)


def _short_forms(doc: _Doc, terms: list[str], segmenter: Segmenter) -> dict[str, str]:
    """Terms that are the short form of another term of the text (亚沙会 and 亚洲沙滩运动会,
    老挝 + 人革党 and 老挝人民革命党), each with that full name: one organisation, event or
    place, whose tag is the full name. The short form is one word the dictionary lacks or
    knows as a name (after a place both share: 老挝), starting where the full name does or
    after the place that heads it (人革党). A full name that ends in a common word (震源 +
    深度) is cut short only with that word whole: 震度 is another thing."""
    # a short form keeps the full name's last character: only terms that share one are compared
    last = Counter(term[-1] for term in terms)
    shared = [term for term in terms if last[term[-1]] > 1]
    if not shared:
        return {}
    ending: dict[str, list[str]] = {}
    for term in shared:
        ending.setdefault(term[-1], []).append(term)
    entry = doc.lexicon.get
    pairs = [
        (short, full)
        for same_end in ending.values()
        for short in same_end
        if _HAN_WORD.fullmatch(short)
        and entry(doc.phrase_parts.get(short, (short,))[-1], _NO_ENTRY)[0] in _NAME_TAGS
        for full in same_end
        if _is_short_form(short, full)
    ]
    if not pairs:
        return {}
    ends = segmenter.lookup({full[-2:] for _, full in pairs})
    common = TOPIC_VERB_IDF_SHARE * doc.vocabulary.median
    found: dict[str, str] = {}
    for short, full in pairs:
        if short in found:
            continue
        parts = doc.phrase_parts.get(short, (short,))
        head = parts[0] if len(parts) == 2 and entry(parts[0], _NO_ENTRY)[0] == "ns" else ""
        if len(parts) > 1 + bool(head) or not full.startswith(head):
            continue
        if full[len(head)] != short[len(head)]:
            # the full name headed by a place the short form leaves out (老挝 + 人民革命党, 人革党)
            place = next((full[:n] for n in (2, 3) if entry(full[:n], _NO_ENTRY)[0] == "ns"), "")
            if head or not place or full[len(place)] != short[0]:
                continue
        end_idf = ends[full[-2:]][1]
        if end_idf is not None and end_idf < common and not short.endswith(full[-2:]):
            continue
        found[short] = full
    return found


def _straddling_words(doc: _Doc, terms: list[str]) -> list[str]:
    """Words the dictionary lacks (or knows as a rare name) cut across the edge of a better term: every
    mention of 伦特 starts inside a mention of 通伦 and goes on past it (通伦特使), so it is
    a piece of two words, not a tag. `terms` are best first."""
    entry = doc.lexicon.get
    text = doc.text
    found: list[str] = []
    for rank, term in enumerate(terms):
        tag, idf = entry(term, _NO_ENTRY)
        if term not in doc.word_count or not 2 <= len(term) <= 3:  # a cut is short (not 某某电气集团)
            continue
        if tag is not None and (tag not in _NAME_TAGS or idf is None or idf < doc.vocabulary.median):
            continue  # a word of the dictionary's, unless a rare name (伦特 is a place to jieba)
        width = len(term)
        starts: list[int] | None = None
        head, tail = term[:-1], term[1:]
        for better in terms[:rank]:
            # only a term that ends with this one's start, or starts with its end, can straddle it
            if better[-1] not in head and better[0] not in tail:
                continue
            if term in better or better in term:
                continue
            if not any(better.endswith(term[:k]) or better.startswith(term[-k:]) for k in range(1, width)):
                continue
            if starts is None:
                starts = _occurrences(text, term)
            ends = [at + len(better) for at in _occurrences(text, better)]
            # each mention starts inside one of the better term's and ends past it, or the reverse
            if all(
                any(at < end < at + width and end - len(better) < at for end in ends)
                or any(at < end - len(better) < at + width < end for end in ends)
                for at in starts
            ):
                found.append(term)
                break
    return found


@cache
def _plain_words() -> frozenset[str]:
    """Kin and generic words: no name a person goes by."""
    return kin_words() | generic_words()


def _join_dotted_names(doc: _Doc, scores: dict[str, float], merged: dict[str, int]) -> None:
    """A transliterated name the text never says apart (艾米莉·布朗特, neither part alone) is one
    tag, not two: the whole takes its parts' mentions, weighing as a phrase does (the better
    part's weight and half the other's)."""
    entry = doc.lexicon.get
    wholes = names.dotted_wholes(
        doc.tokens, lambda token: (entry(token, _NO_ENTRY)[0] or "nr").startswith("nr"), doc.text
    )
    parts_of: dict[str, list[float]] = {}
    for part, whole in wholes.items():
        if part in scores and whole not in scores:
            parts_of.setdefault(whole, []).append(scores.pop(part))
            merged.pop(part, None)
    for whole, weights in parts_of.items():
        weights.sort(reverse=True)
        scores[whole] = weights[0] + PHRASE_IDF_GAIN * sum(weights[1:])
        merged[whole] = doc.text.count(whole)


def _gather_countries(
    doc: _Doc, scores: dict[str, float], merged: dict[str, int], give: Callable[[str, str | None], None]
) -> list[str]:
    """A country the text names in full, alone or heading a word (俄罗斯国防部), takes the
    mentions of its abbreviation (俄军, 俄方, 俄 of 俄国防部: `names.country_mentions`): a
    scored one gives its weight, the others add the country's mean weight per mention. A
    roundup that names 俄罗斯 once and then 俄军, 俄方, 俄 is about Russia, and 俄军 beside
    俄罗斯 is one tag twice. Returns the countries."""
    said = names.country_mentions(doc.tokens, doc.text)
    for country, words in said.items():
        unscored = 0
        for word, count in words.items():
            if word in scores:
                give(word, country)  # the country is scored from here on, though only a longer word held it
            else:
                unscored += count
        if unscored and country in scores:
            mentions = doc.word_count.get(country, 0) + merged.get(country, 0) or 1
            scores[country] += scores[country] / mentions * unscored
            merged[country] = merged.get(country, 0) + unscored
    return list(said)


def _cut_words(
    doc: _Doc, terms: list[str], text: str, segmenter: Segmenter, also: set[str], ranks: int
) -> dict[str, str]:
    """Names that the segmenter cut one character short, each with the whole name: every one
    of their (two or more) mentions goes on with the same character, a place suffix (青杨 +
    山, 新北 + 市), or for a word the dictionary lacks or tags as a foreign name, a
    transliteration's (图尔 + 钦); not when that character starts a dictionary word with the
    next one (论坛北京 + 峰会, 海峡 + 岛民).

    `terms` are best first; only the first `ranks` are looked at (the only ones that may
    reach the top). `also`: words to look up in the same dictionary query, for the caller."""
    entry = doc.lexicon.get
    suffixes = names.place_suffix_chars()
    following: dict[str, str] = {}
    for term in terms[:ranks]:
        tag = entry(term, _NO_ENTRY)[0]
        is_word = term in doc.word_count
        if is_word and tag not in _NAME_TAGS:
            continue
        end = text.find(term) + len(term)
        char = text[end : end + 1]  # what the first mention goes on with
        if not char or _HAN.fullmatch(char) is None or char in _function_chars():
            continue
        if char not in suffixes and not (
            is_word and tag in (None, "nrt") and not names.looks_like_person(term)
        ):
            continue
        if _HAN_WORD.fullmatch(term) is None:
            continue
        mentions = text.count(term)
        if mentions >= 2 and text.count(term + char) == mentions and _ends_before(doc, term, char):
            following[term] = char
    probes = set(
        chain.from_iterable((char, term[-1]) for term, char in following.items() if char not in suffixes)
    )
    known = segmenter.lookup(probes | also)
    found: dict[str, str] = {}
    for term, char in following.items():
        # a transliteration goes on a transliteration: both characters as a name's (图尔 + 钦)
        if char in suffixes or (
            known[char][0] in _FOREIGN_CHAR_TAGS and known[term[-1]][0] in _FOREIGN_CHAR_TAGS
        ):
            found[term] = term + char
    return found


_FOREIGN_TAGS = frozenset(("nrt", None))  # a transliterated name, or a word the dictionary lacks
_NOT_FOREIGN = ("", None)


@cache
def _transliteration_alphabet() -> frozenset[str]:
    """The transliteration characters that may be cut off a foreign name: not function or
    measure words (于, 万)."""
    return names.cues().transliteration_chars - _function_chars() - measure_words()


def _transliterated_wholes(doc: _Doc, text: str, terms: list[str]) -> dict[str, str]:
    """Foreign names the segmenter cut a transliteration character off (西 | 米纳, 诺尔 | 特,
    斯 | 凯里 | 特), each with the whole name: a word it tags as a transliterated name (or lacks,
    in no Chinese name's form), or a phrase of such words, every one of whose (two or more)
    mentions has the same character of the transliteration alphabet (`names.json`), cut off
    as a word of its own, on the same side; at most TRANSLITERATION_REACH on each side. Not a
    function character (于, 和), and not a place name: 西 before a place is a direction. A word of
    three characters tagged as a Chinese name (连斯基) joins only lone such characters (泽 + 连斯基)."""
    entries, tokens, alphabet = doc.lexicon, doc.tokens, _transliteration_alphabet()
    found: dict[str, str] = {}

    def is_foreign(word: str) -> bool:
        if word not in entries:
            return False  # no candidate nor phrase part: a function word or a number
        tag = entries[word][0]
        if tag == "nrt":
            return True
        return tag is None and _HAN_WORD.fullmatch(word) is not None and not names.looks_like_person(word)

    def neighbour(starts: list[int], offset: int) -> str | None:
        """The one token at `offset` from every mention: a transliteration character or name."""
        words = {tokens[i] if 0 <= (i := start - 1 + offset) < len(tokens) else "" for start in starts}
        word = words.pop() if len(words) == 1 else ""
        if len(word) == 1:
            return word if word in alphabet else None
        return word if word and is_foreign(word) else None

    function_chars = _function_chars()

    def may_go_on(char: str) -> bool:
        return char != "" and char not in function_chars and _HAN.match(char) is not None

    counts, phrase_parts = doc.word_count, doc.phrase_parts
    for term in terms:
        # told by its dictionary tag, or its first part's, in most cases (杭州, 城市 + 更新)
        head = term if term in counts else phrase_parts.get(term, ("",))[0]
        # a three-character word tagged as a Chinese name (连斯基) may be the tail of a foreign one:
        # only the same transliteration character before or after every mention tells
        person_tail = term in counts and len(term) == 3 and entries.get(term, _NOT_FOREIGN)[0] == "nr"
        foreign_head = head in alphabet or entries.get(head, _NOT_FOREIGN)[0] in _FOREIGN_TAGS
        if not person_tail and not foreign_head:
            continue
        if term in counts:
            if not person_tail and not is_foreign(term):
                continue
        elif not all(is_foreign(p) or p in alphabet for p in phrase_parts[term]):
            continue
        if len(term) < 2 or _HAN_WORD.fullmatch(term) is None:
            continue
        at = text.find(term)
        # most names stop at punctuation or a function word on both sides of their first mention
        if not (may_go_on(text[at - 1 : at]) or may_go_on(text[at + len(term) : at + len(term) + 1])):
            continue
        starts = doc.starts(term)
        if len(starts) < 2 or text.count(term) != len(starts):
            continue
        width = doc.span(term)
        before: list[str] = []
        after: list[str] = []
        while len(before) < TRANSLITERATION_REACH and (word := neighbour(starts, -1 - len(before))):
            before.insert(0, word)
        while len(after) < TRANSLITERATION_REACH and (word := neighbour(starts, width + len(after))):
            after.append(word)
        if person_tail and any(len(word) > 1 for word in chain(before, after)):
            continue  # a Chinese name and a word beside it (金钱松 + 愈伤): only a lone character is told
        whole = "".join(before) + term + "".join(after)
        if whole != term and len(whole) <= _MAX_PHRASE_CHARS:
            found[term] = whole
    return found


@cache
def _given_name_surnames() -> frozenset[str]:
    """Surname characters a cut-off given name may follow: not function or measure words (和, 向)."""
    return frozenset(names.cues().surnames - _excluded_words() - _function_chars() - measure_words())


def _surnamed(doc: _Doc, terms: list[str]) -> dict[str, str]:
    """Two-character words that every one of their (two or more) mentions follows a surname
    cut off as a word of its own (郑 | 宏图), each with the whole name: the given name of a
    person, no tag without the surname. Not a common word (改革, 日本: GIVEN_NAME_IDF_SHARE),
    nor after a surname character that is a function word or a measure word (和, 向)."""
    tokens, entries, median = doc.tokens, doc.lexicon, doc.vocabulary.median
    surnames = _given_name_surnames()
    found: dict[str, str] = {}
    for term in terms:
        if len(term) != 2 or term not in doc.word_count or _HAN_WORD.fullmatch(term) is None:
            continue
        idf = entries.get(term, _NO_ENTRY)[1]
        if idf is not None and idf < GIVEN_NAME_IDF_SHARE * median:
            continue
        starts = doc.starts(term)  # token indexes + 1
        if len(starts) < 2 or starts[0] < 2:
            continue
        before = {tokens[start - 2] for start in starts}
        if len(before) == 1 and (surname := before.pop()) in surnames:
            found[term] = surname + term
    return found


@cache
def _organisation_words() -> frozenset[str]:
    """The organisation suffixes that are words of their own (大学, 公司, 医院)."""
    return frozenset(suffix for suffix in names.cues().organisation_suffixes if len(suffix) > 1)


def _named_organisations(doc: _Doc, terms: list[str], others: list[str]) -> dict[str, str]:
    """Organisation words (大学, 公司, 医院: `names.json` organisation_suffixes) that most of their
    (two or more) mentions follow the same name, each with the whole name (大同 + 大学): the
    story's organisation, which the segmenter cut after a name it tags as another part of
    speech. Not after a stopword, a function character or a number, nor when one of `others`
    holds the whole name (衡阳县人民医院 for 人民 + 医院): that longer name is the tag."""
    words = [term for term in terms if term in _organisation_words() and term in doc.word_count]
    if not words:
        return {}
    tokens, excluded, function_chars = doc.tokens, _excluded_words(), _function_chars()
    found: dict[str, str] = {}
    for term in words:
        starts = doc.starts(term)  # token indexes + 1
        before = Counter(tokens[start - 2] for start in starts if start >= 2)
        if not before:
            continue
        name, count = before.most_common(1)[0]
        if (
            count >= 2
            and 2 * count > len(starts)
            and len(name) >= 2
            and _HAN_WORD.fullmatch(name) is not None
            and name not in excluded
            and name[0] not in function_chars
            and name[-1] not in function_chars
        ):
            whole = name + term
            if not any(whole in other and whole != other for other in others):
                found[term] = whole
    return found


def _recurring_spans(
    doc: _Doc, text: str, terms: list[str], segmenter: Segmenter | None = None
) -> dict[str, str]:
    """Words nearly all of whose (three or more) mentions sit inside the same longer string,
    each with that string: a product or name the segmenter cut into pieces, of which only a
    piece is tagged (洁 | 厕灵, 全国统一 | 大 | 市场). The string grows a character at a time
    while RECURRING_SPAN_SHARE of the mentions have the same neighbour there, a Han character
    that is no function or clause character, up to RECURRING_SPAN_LIMIT characters; it starts
    and ends where the segmenter ended words or inside words it guessed (厕灵时), and it is no
    verb phrase."""
    # where each token starts, filled only once a term grows (in most articles none does)
    offsets: list[int] = []
    boundaries: set[int] = set()
    entries = doc.lexicon
    stops = _span_stop_chars()

    def char_at(at: int) -> str:
        return text[at] if 0 <= at < len(text) else ""

    # the text padded with a non-Han character, so a neighbour is read by index alone
    shift = RECURRING_SPAN_LIMIT + 1
    padded = "\0" * shift + text + "\0" * shift

    def edge_ok(at: int) -> bool:
        return (
            at in boundaries or entries.get(doc.tokens[bisect_right(offsets, at) - 1], _NO_ENTRY)[0] is None
        )

    found: dict[str, str] = {}
    for term in terms:
        if len(term) >= RECURRING_SPAN_LIMIT or text.count(term) < RECURRING_SPAN_MENTIONS:
            continue  # most terms: counted in C, never looked for one by one
        if _HAN_WORD.fullmatch(term) is None:
            continue
        starts = _occurrences(text, term)
        least = math.ceil(RECURRING_SPAN_SHARE * len(starts))
        begin, end = 0, len(term)  # relative to each mention
        grew = True
        while grew:
            grew = False
            for at in (begin - 1, end):
                if end - begin >= RECURRING_SPAN_LIMIT:
                    break
                if least == len(starts):  # every mention must have it: the first tells which
                    first = padded[starts[0] + at + shift]
                    if not "\u3400" <= first <= "\u9fff" or first in stops:
                        continue
                column = [padded[s + at + shift] for s in starts]
                char = _share_of(column, least)
                if "\u3400" <= char <= "\u9fff" and char not in stops:  # _HAN, without a regex call
                    starts = [s for s, c in zip(starts, column) if c == char]
                    begin, end = min(begin, at), max(end, at + 1)
                    grew = True
        if end - begin == len(term):
            continue
        if not offsets:
            offsets += accumulate(map(len, doc.tokens), initial=0)
            boundaries.update(offsets)
        if not all(edge_ok(s + begin) and edge_ok(s + end) for s in starts):
            continue
        whole = text[starts[0] + begin : starts[0] + end]
        aligned = [s for s in starts if s + begin in boundaries and s + end in boundaries]
        if not aligned or _HAN_WORD.fullmatch(whole) is None:
            continue
        parts = tuple(
            doc.tokens[bisect_left(offsets, aligned[0] + begin) : bisect_left(offsets, aligned[0] + end)]
        )
        if len(parts) < 2:
            continue
        tags = [entries.get(p, _NO_ENTRY)[0] for p in parts]
        if entries.get(term, _NO_ENTRY)[0] is None and len(parts) == 2 and term in parts and segmenter:
            # A word the dictionary lacks is the HMM's guess, and so is where it ends: a name's last
            # or first character it left out (福连国 | 小, 卯 | 澳湾) belongs to it, stopword or not,
            # when it is a noun, adjective, time or place character (not a verb or function word),
            # or a numeral that completes a personal name (林营 | 兆).
            lone = parts[0] if parts[1] == term else parts[1]
            if len(lone) == 1:
                tag = entries[lone][0] if lone in entries else segmenter.lookup([lone])[lone][0]
                if tag == "m" and names.looks_like_person(whole):
                    pass  # a numeral character in a given name (林营 | 兆, said so each time): no count
                elif tag is None or tag[0] not in _GUESSED_EDGE_TAGS:
                    continue
                tags[parts.index(lone)] = "n"
        if any(p not in entries and tags[i] is None for i, p in ((0, parts[0]), (-1, parts[-1]))):
            continue  # a stopword or number at an edge: no name
        verb_and_suffix = len(parts) == 2 and len(parts[1]) == 1 and not doc._is_common(parts[0])
        if not verb_and_suffix and (tags[0] in ("v", "vn") or "v" in tags):
            # a verb and its object (会见 + 总统, 了解 + 基层): a clause, not a thing; only a rare verb
            # and a one-character noun (充电 + 宝) names one
            continue
        if not kin_words().isdisjoint(parts):
            continue  # kin around a word (前夫 + 家暴): the word is the tag, as for phrases
        if all(tag == "ns" for tag in tags):
            continue  # places side by side are a route or an address (甲地 + 乙地), each its own tag
        if any(len(parts[i]) == 1 and (tags[i] or "n")[0] not in _EDGE_CHAR_TAGS for i in (0, -1)):
            continue  # a conjunction, verb or preposition at an edge (峰会 + 并, 论坛 + 致)
        if any(tags[i] in _EDGE_FUNCTION_TAGS for i in (0, -1)):
            continue  # an adverb or a pronoun at an edge (总额 + 同比, 事业 + 全面)
        if len(parts[0]) == 1 and any(_NUMERAL_CHAR.fullmatch(char_at(s + begin - 1)) for s in starts):
            continue  # a number's measure word (两 + 件 + 外套): the thing has no measure
        if doc.is_verb_phrase(whole, parts):
            continue
        found[term] = whole
        for at in chain.from_iterable((s + begin, s + end) for s in starts):
            if at not in boundaries:  # a word the HMM glued onto an edge (厕灵时): a piece of the whole
                glued = doc.tokens[bisect_right(offsets, at) - 1]
                if len(glued) <= GLUED_PIECE_LIMIT and glued not in found:
                    found[glued] = whole
    for term, whole in found.items():
        while whole in found and found[whole] != whole:
            whole = found[whole]  # 统一 -> 全国统一 -> 全国统一大市场
        found[term] = whole
    return found


def _share_of(seq: list[str], least: int) -> str:
    """The item at least `least` of `seq` are, more than half of them; "" if none is."""
    # such an item is among the first len(seq) - least + 1
    for item in dict.fromkeys(seq[: len(seq) - least + 1]):
        if seq.count(item) >= least:
            return item
    return ""


def _occurrences(text: str, term: str) -> list[int]:
    """Where each (non-overlapping) mention of `term` starts in `text`: the text between
    mentions, split off in C, tells each one's start."""
    between = text.split(term)
    if len(between) == 1:
        return []
    return list(accumulate(map(len(term).__add__, map(len, between[1:-1])), initial=len(between[0])))


@cache
def _span_stop_chars() -> frozenset[str]:
    """The characters a recurring span never grows over: function and clause characters."""
    return _function_chars() | _clause_chars()


@cache
def _clause_chars() -> frozenset[str]:
    """Pronouns, particles, negation (我, 了, 不): a quoted string with one is a clause, no name."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_clause_chars.txt")


def _quoted_wholes(text: str, terms: list[str]) -> dict[str, str]:
    """Words whose every mention sits inside one quoted name that the text says twice or more
    (“一村一品”, 「清水计划」), each with that name: the quotes mark it as one fixed term, which
    the segmenter split (一村 + 一品)."""
    clause_chars = _clause_chars()
    quoted = {q for q in _QUOTED_NAME.findall(text) if clause_chars.isdisjoint(q)}
    found: dict[str, str] = {}
    for term in terms:
        wholes = [q for q in quoted if term in q and q != term]
        if len(wholes) != 1:
            continue
        whole = wholes[0]
        mentions = text.count(whole)
        if mentions >= 2 and text.count(term) == mentions * whole.count(term):
            found[term] = whole
    return found


def _ends_before(doc: _Doc, term: str, char: str) -> bool:
    """Whether `char` after each occurrence of `term` is a word of its own, or the start of a
    word the HMM glued on (青杨 | 山是): not of a dictionary word (论坛北京 | 峰会, 海峡 | 岛民),
    where the name ended before it."""
    entries, tokens = doc.vocabulary.entries, doc.tokens
    width = doc.span(term)
    for start in doc.starts(term):
        following = tokens[start - 1 + width] if start - 1 + width < len(tokens) else ""
        if following != char and (
            not following.startswith(char) or entries.get(following, ("", None))[0] is not None
        ):
            return False
    return True


def _recurrence_gain(mentions: int, idf: float | None, median: float, within: int) -> float:
    """The extra gain of a name mentioned `mentions` times, `within` of them inside a longer
    candidate: none for a piece of a longer name or phrase (加沙 of 加沙地带, 伊萨 of 伊萨亚斯)
    nor for a name found in any story (中国, 美国)."""
    if 2 * within >= mentions or (idf is not None and idf < COMMON_NAME_IDF_SHARE * median):
        return 1.0
    return 1.0 + RECURRING_NAME_GAIN * min(max(mentions - 1, 0), RECURRING_CAP)


def _textrank_scores(doc: _Doc, window: int = 5, iterations: int = 30) -> dict[str, float]:
    """PageRank over word co-occurrence (window of `window` words inside a clause),
    teleporting in proportion to where words occur (PositionRank), so title and
    lead words start ahead. Phrases score the ranks of their parts times
    their share of the parts' occurrences, combined as in `_tfidf_scores`."""
    graph: dict[str, Counter[str]] = defaultdict(Counter)
    nodes = set(doc.word_weight) | doc.phrase_words()
    clauses = doc.clauses()
    for clause, _ in clauses:
        kept = [w if w in nodes else "" for w in clause]
        for i, word in enumerate(kept):
            if not word:
                continue
            for other in kept[i + 1 : i + window]:
                if other and other != word:
                    graph[word][other] += 1
                    graph[other][word] += 1
    teleport: dict[str, float] = defaultdict(float)
    for clause, weight in clauses:
        for word in clause:
            if word in nodes:
                teleport[word] += weight
    mass = sum(teleport.values()) or 1.0
    names = sorted(nodes)
    if not names:
        return {}
    rank = {n: teleport[n] / mass for n in names}
    out_weight = {n: sum(graph[n].values()) for n in names}
    for _ in range(iterations):
        rank = {
            n: 0.15 * teleport[n] / mass
            + 0.85 * sum(rank[m] * w / out_weight[m] for m, w in graph[n].items())
            for n in names
        }
    scores = {w: rank[w] for w in doc.word_weight}
    for phrase, tf in doc.phrase_weight.items():
        parts = doc.phrase_parts[phrase]
        share = tf / max(teleport[p] for p in parts)
        ranks = sorted((rank[p] for p in parts), reverse=True)
        value = (ranks[0] + PHRASE_IDF_GAIN * sum(ranks[1:])) * share * _LENGTH_PRIOR[len(parts)]
        scores[phrase] = max(scores.get(phrase, 0.0), value)
    return scores


def _select(
    doc: _Doc,
    scores: dict[str, float],
    top: int,
    span_pieces: Mapping[str, tuple[str, float]],
    countries: Iterable[str] = (),
) -> list[str]:
    """The `top` best terms, best first, skipping a term whose occurrences mostly overlap tokens already
    covered by chosen terms: a word mostly seen inside a chosen phrase, a
    fragment or extension of a chosen phrase. A piece of a chosen term that the
    text says only inside it is no tag of its own, and a term that holds every
    mention of a chosen piece takes its place. A recurring string skipped as an
    extension gives its piece back (疫苗 chosen, 疫苗接种率 skipped: 接种率 is a tag). A country
    that took its abbreviation's mentions (`countries`) is said outside any word that holds it, and
    still heads the nouns of its own (柬埔寨 and 柬埔寨国会). Once `top` terms are chosen, the
    rest of the ranking is still read for a term that would take the place of a chosen one (its
    glued object, a whole that holds it), so that asking for more terms never changes the first."""
    abbreviated = frozenset(countries)
    # A heap of (-score, -length, term), built in C.
    ordered = list(zip(map(neg, scores.values()), map(neg, map(len, scores)), scores))
    heapify(ordered)
    chosen: list[str] = []
    covered: set[int] = set()
    text = doc.text
    chosen_text = ""  # the chosen terms, for one search whether a term is a piece of one
    undiscounted: dict[str, float] = {}  # scores before a term's share said inside chosen terms
    full = False  # `top` terms chosen: only what would take a chosen term's place is read on
    # where the chosen terms start and end in the segmented text, for a test in C whether a term
    # stands right after or before one
    chosen_starts: set[int] = set()
    chosen_ends: set[int] = set()
    placed: dict[str, tuple[list[int], list[int]]] = {}  # a chosen term's starts and ends
    unplaced: list[str] = []  # said nowhere in the segmented text (a whole the segmenter never made)

    def place(term: str, starts: list[int], ends: list[int]) -> None:
        if len(starts) > 1:
            placed[term] = (starts, ends)
            chosen_starts.update(starts)
            chosen_ends.update(ends)
        elif not starts:
            unplaced.append(term)

    while ordered:
        if not full and len(chosen) >= top:
            full = True
            ordered = _replacing(doc, ordered, chosen, scores)
            continue
        term = heappop(ordered)[2]
        width = doc.span(term)
        starts = doc.starts(term)
        if width == 1:
            overlapping = sum(map(covered.__contains__, starts))
        elif doc.phrase_parts[term][0] in abbreviated and doc.is_noun_phrase(term, 1):
            # a country's own noun (柬埔寨 + 国会) overlaps the chosen country only where it says it
            overlapping = len(starts) - sum(
                map(covered.isdisjoint, _spans([s + 1 for s in starts], width - 1))
            )
        else:
            overlapping = len(starts) - sum(map(covered.isdisjoint, _spans(starts, width)))
        # a tag and a piece of it said only inside it (金车基金会 and 金车) are one tag: the whole,
        # unless it is the piece and one character glued on (戴 + 隐形眼镜: see _glued_on)
        holders = [i for i, other in enumerate(chosen) if term in other] if term in chosen_text else []
        if holders and term not in abbreviated and _same_mentions(text, chosen[holders[0]], term):
            if _glued_on(doc, chosen[holders[0]], term):
                chosen[holders[0]] = term
                place(term, starts, [s + width for s in starts])
                chosen_text = "\n".join(chosen)
            continue
        if starts and overlapping >= SUBSUMED_SHARE * len(starts):
            if term in span_pieces and not full:
                piece, weight = span_pieces[term]
                scores[piece] = weight
                heappush(ordered, (-weight, -len(piece), piece))
            continue
        pieces = (
            [
                i
                for i, other in enumerate(chosen)
                if other in term and other not in abbreviated and _same_mentions(text, term, other)
            ]
            if any(map(term.__contains__, chosen))  # in C: most terms hold no chosen one
            else []
        )
        if pieces:
            # not a string the segmenter found less often than its piece: a fragment across words (办案人
            # of 办案人员), said where 办案 is
            piece = chosen[pieces[0]]
            if not _glued_on(doc, term, piece) and _token_count(doc, term) >= _token_count(doc, piece):
                chosen[pieces[0]] = term  # in the place of its piece
                place(term, starts, [s + width for s in starts])
                for i in reversed(pieces[1:]):
                    del chosen[i]
                chosen_text = "\n".join(chosen)
                covered.update(starts if width == 1 else chain.from_iterable(_spans(starts, width)))
            continue
        if full:
            continue
        if overlapping:
            # Said partly inside chosen terms (抵押 of 抵押贷款, said alone once): it ranks by its
            # own mentions, the share of them outside the chosen terms.
            own = undiscounted.setdefault(term, scores[term]) * (len(starts) - overlapping) / len(starts)
            if own < scores[term]:
                scores[term] = own
                if ordered and own < -ordered[0][0]:
                    heappush(ordered, (-own, -len(term), term))
                    continue
        # a chosen term the segmented text says right before or after it (or any, for a string the
        # segmenter never made) may be a piece of one name with it, both said twice or more (a word
        # said once is no piece said only beside another)
        ends: list[int] = []
        if len(starts) > 1:
            ends = [s + width for s in starts]
            near = not chosen_ends.isdisjoint(starts) or not chosen_starts.isdisjoint(ends)
            asked = near or bool(unplaced)
        else:
            near, asked = False, not starts and bool(chosen)
        joined = _joined_neighbour(doc, term, starts, ends, near, chosen, placed, unplaced) if asked else None
        if joined is not None:
            # two pieces of one name side by side (重庆国际 | 铁路港综合保税区): the whole is the tag, in
            # the place of the piece said only inside it; a piece said apart too stays a tag of its own
            index, whole = joined
            scores[whole] = max(scores[term], scores[chosen[index]])
            covered.update(starts if width == 1 else chain.from_iterable(_spans(starts, width)))
            if _mostly_inside(text, whole, chosen[index]):
                chosen[index] = whole
                unplaced.append(whole)
                chosen_text = "\n".join(chosen)
                if _mostly_inside(text, whole, term):
                    continue
            else:
                term = whole  # in the place of the new piece, said only inside it
        chosen.append(term)
        chosen_text += "\n" + term
        covered.update(starts if width == 1 else chain.from_iterable(_spans(starts, width)))
        if joined is not None:
            unplaced.append(term)
        elif ends:
            placed[term] = (starts, ends)
            chosen_starts.update(starts)
            chosen_ends.update(ends)
        elif not starts:
            unplaced.append(term)
        if not starts:
            # a whole the segmenter never made (小 | 黄车: a recurring string): the words said
            # (nearly) only inside it are its mentions, and what overlaps them overlaps it (黄车 + 告上)
            covered.update(chain.from_iterable(map(doc.starts, _inner_words(doc, term))))
    return chosen


def _mostly_inside(text: str, whole: str, piece: str) -> bool:
    """Whether SUBSUMED_SHARE of the mentions of `piece` are inside mentions of `whole`."""
    return SUBSUMED_SHARE * text.count(piece) <= text.count(whole) * whole.count(piece)


_BOTH_SIDES: tuple[bool, ...] = (True, False)  # the other term before, then after


def _joined_neighbour(
    doc: _Doc,
    term: str,
    starts: list[int],
    ends: list[int],
    near: bool,
    chosen: list[str],
    placed: Mapping[str, tuple[list[int], list[int]]],
    unplaced: list[str],
) -> tuple[int, str] | None:
    """A chosen term that `term` (nearly) always stands beside, or that stands beside `term`, on the
    same side (two or more mentions, SUBSUMED_SHARE of the rarer one's), with the string they make:
    two pieces of one name the segmenter cut where no phrase could form (重庆国际 | 铁路港综合保税区,
    励磁 | 绕组 with 励磁 said once alone). Not a person and a title or two places (a route, an
    address), not a verb phrase. Asked of the chosen terms said nowhere in the segmented text
    (`unplaced`), of every chosen term when `term` is such a string (no `starts`), and, when `near`,
    of the chosen terms the segmented text says right before or after `term` (its tokens from
    `starts` to `ends`; `placed`: the chosen terms' own); the best chosen term first, the term after
    it before the term before it."""
    if _HAN_WORD.fullmatch(term) is None:
        return None
    text = doc.text
    if not near:
        asked = (
            sorted((chosen.index(other), other, _BOTH_SIDES) for other in set(unplaced) if other in chosen)
            if starts
            else [(i, other, _BOTH_SIDES) for i, other in enumerate(chosen)]
        )
    else:
        said_at, said_to = set(starts), set(ends)
        asked = []
        for i, other in enumerate(chosen):
            if other in unplaced:
                asked.append((i, other, _BOTH_SIDES))
            elif other in placed:
                other_starts, other_ends = placed[other]
                before, after = not said_at.isdisjoint(other_ends), not said_to.isdisjoint(other_starts)
                if before or after:
                    asked.append((i, other, _BOTH_SIDES if before and after else (before,)))
    for index, other, sides in asked:
        for other_first in sides:
            left, right = (other, term) if other_first else (term, other)
            whole = left + right
            if other in term or term in other or len(whole) > _MAX_PHRASE_CHARS + 2:
                continue
            together = text.count(whole)
            if together >= 2 and together >= SUBSUMED_SHARE * min(text.count(term), text.count(other)):
                if not _is_joinable(doc, term):
                    return None
                if _HAN_WORD.fullmatch(other) is None or not _is_joinable(doc, other):
                    continue
                if any(whole in c for c in chosen):
                    continue  # a piece of a chosen tag (俄罗斯 | 能源 of 俄罗斯能源部)
                if {_tag_of(doc, left), _tag_of(doc, right)} == {"ns"}:
                    continue
                return index, whole
    return None


@cache
def _titles() -> tuple[str, ...]:
    """Titles and kin words that go before a name (总统, 部长, 阿嬷: `name_prefixes`)."""
    return tuple(names.cues().prefixes)


def _tag_of(doc: _Doc, term: str) -> str | None:
    return doc.lexicon.get(term, _NO_ENTRY)[0]


def _is_joinable(doc: _Doc, term: str) -> bool:
    """Whether `term` may be a piece of a longer name: no person's name (a title goes beside it) and
    no verb among its words."""
    parts = doc.phrase_parts.get(term, (term,)) if term not in doc.word_count else (term,)
    tags = [_tag_of(doc, part) for part in parts]
    if "v" in tags or any(tag is not None and tag.startswith("nr") for tag in tags):
        return False
    if term.endswith(_titles()) or not kin_words().isdisjoint(parts):
        return False  # a title or kin word, which goes beside a name (能源部 | 部长)
    if len(parts) == 1:
        tag = tags[0]
        # a noun: no adjective, adverb or verbal noun glued on (基本 | 落地, 指导 | 国文作文)
        return tag is None and not names.looks_like_person(term) or tag is not None and tag[0] in "nj"
    return True


def _inner_words(doc: _Doc, whole: str) -> list[str]:
    """The candidate words inside `whole` that the text says nearly only there (SUBSUMED_SHARE of
    their mentions)."""
    text, counts = doc.text, doc.word_count
    inner = {whole[i:j] for i in range(len(whole) - 1) for j in range(i + 2, len(whole) + 1)} - {whole}
    said = text.count(whole)
    return [
        w for w in sorted(inner) if w in counts and SUBSUMED_SHARE * text.count(w) <= said * whole.count(w)
    ]


def _replacing(
    doc: _Doc, ordered: list[tuple[float, int, str]], chosen: list[str], scores: Mapping[str, float]
) -> list[tuple[float, int, str]]:
    """The heap of the terms left in `ordered` that may still take a chosen term's place: the
    object of a chosen verb phrase (see `_glued_on`) and the terms that hold a chosen term (found
    in C: most of the ranking is neither)."""
    text = doc.text
    joined = "\n" + "\n".join(map(itemgetter(2), ordered)) + "\n"
    glued = (doc.phrase_parts.get(term, ()) for term in chosen)
    wanted = {p[1] for p in glued if len(p) == 2 and len(p[0]) == 1 and f"\n{p[1]}\n" in joined}
    for term in chosen:
        at = joined.find(term)
        while at >= 0:
            end = joined.find("\n", at)
            whole = joined[joined.rfind("\n", 0, at) + 1 : end]
            if _same_mentions(text, whole, term) and _token_count(doc, whole) >= _token_count(doc, term):
                wanted.add(whole)  # as `_select` asks of a whole that takes its piece's place
            at = joined.find(term, end)
    found = [(-scores[t], -len(t), t) for t in wanted]
    heapify(found)
    return found


def _token_count(doc: _Doc, term: str) -> int:
    """How often the segmented text says `term`, as a word or as a phrase."""
    return doc.word_count.get(term, 0) or doc.phrase_count.get(term, 0)


def _same_mentions(text: str, whole: str, piece: str) -> bool:
    """Whether every mention of `piece` in the text is inside a mention of `whole`."""
    return text.count(piece) <= text.count(whole) * whole.count(piece)


def _glued_on(doc: _Doc, whole: str, word: str) -> bool:
    """Whether `whole` is a phrase of a one-character verb and `word` (戴 + 隐形眼镜, 找 + 慈济): the
    verb and its object, of which the object is the tag. Not when `word` is a transliterated name
    or a word the dictionary lacks (托 + 卡耶夫, 消 + 博会): the character is a part of it."""
    parts = doc.phrase_parts.get(whole)
    tag = doc.lexicon.get(word, _NO_ENTRY)[0]
    return (
        parts is not None
        and len(parts) == 2
        and parts[1] == word
        and len(parts[0]) == 1
        and doc.lexicon.get(parts[0], _NO_ENTRY)[0] == "v"
        and tag is not None
        and not tag.startswith("nr")
    )


def _spans(starts: list[int], width: int) -> Iterator[range]:
    """The token indexes each occurrence covers (mapped in C)."""
    return map(range, starts, map(width.__add__, starts))
