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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path

from newsctl.article import Article
from newsctl.segment import Segmenter

DEFAULT_POS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "nw", "eng", "j", "l", "an")
METHODS = ("tfidf", "textrank")

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
MIN_RELATIVE_WEIGHT = 0.0  # default --min-weight: a full top-N unless the user asks for a cut-off

_HAN = re.compile(r"[\u3400-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_UPPER = re.compile(r"[A-Z]")
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z.&+\-]*$")
_NUMERIC = re.compile(r"^[\d.,%:/\-+年月日号时分秒万亿千百十零一二三四五六七八九两〇几多余第半]+$")
# Clause breaks: phrases never span them.
_BREAK_TOKEN = re.compile(r"^[\s\W_]+$")
_TITLE_MAX_CHARS = 40
_SENTENCE_END = tuple("。！？!?；;…")
_NO_ENTRY: tuple[str | None, float | None] = (None, None)


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
    """Words too vague to be a keyword alone but fine inside a phrase (工作 -> 创建工作)."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_generic.txt")


@cache
def boilerplate() -> frozenset[str]:
    """News furniture (记者, 热线, 广告, 客户端) and outlet names (齐鲁网, 新华社)."""
    from newsctl.data import load_json, load_word_list

    outlets = load_json("article.json").get("outlets", [])
    return load_word_list("keyword_boilerplate.txt") | frozenset(outlets)


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
        units.append((title, TITLE_WEIGHT))
    lead_seen = False
    for (start, end), text in zip(spans, texts):
        stripped = text.strip()
        if stripped == title or _looks_like_title(stripped, lead_seen, (start, end) in headings):
            units.append((text, TITLE_WEIGHT))
        elif (start, end) in headings:
            units.append((text, HEADING_WEIGHT))
        elif not lead_seen:
            units.append((text, LEAD_WEIGHT))
            lead_seen = True
        else:
            units.append((text, 1.0))
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
def _function_chars() -> frozenset[str]:
    """Single-character function words (的, 之, 对, 这...): an unknown word that starts
    or ends with one is an HMM mis-cut (这是, 之滋, 对草酰溴), not a new term."""
    from newsctl.data import load_word_list

    return load_word_list("keyword_function_chars.txt")


def _is_word_candidate(word: str, tag: str | None, allowed: frozenset[str] | None) -> bool:
    if len(word) < 2 or _NUMERIC.match(word):
        return False
    if tag is None and (word[0] in _function_chars() or word[-1] in _function_chars()):
        return False
    if not _HAN.search(word):
        # Latin: acronyms and names (GDP, PSCAD, 5G, COVID-19); lower-case tokens
        # are pinyin fragments or URL pieces (ng, chu, https, iqilu).
        if not _UPPER.search(word) or len(word) > 20:
            return False
        tag = tag or "eng"
    elif _DIGIT.search(word):
        return False  # 70周年, 259项: numbers with a measure word
    if allowed is None:
        return True
    # Words jieba's dictionary lacks come from its HMM: usually names and new terms.
    return (tag or "nz") in allowed


def _is_phrase_part(word: str, tag: str | None) -> bool:
    if not _HAN.search(word):
        return bool(_UPPER.search(word)) and not _DIGIT.fullmatch(word)
    if _DIGIT.search(word) or _NUMERIC.match(word):
        return False
    if len(word) == 1:
        return tag in _SINGLE_POS
    if tag is None and (word[0] in _function_chars() or word[-1] in _function_chars()):
        return False
    return tag is None or tag in _PHRASE_POS or tag[0] in "nj" or tag in ("l", "eng")


# Word classes, ordered: a candidate is also a phrase part.
_BREAK, _OTHER, _PART, _CANDIDATE = 0, 1, 2, 3
_CLASS_MEMO_LIMIT = 500_000
_class_memos: dict[tuple[int, frozenset[str] | None], dict[str, int]] = {}


def _class_memo(segmenter: Segmenter, allowed: frozenset[str] | None) -> dict[str, int]:
    """word -> class, kept per process, segmenter (user tags) and POS set: a corpus
    reuses a small vocabulary, so most words are classified once."""
    memo = _class_memos.setdefault((id(segmenter), allowed), {})
    if len(memo) > _CLASS_MEMO_LIMIT:
        memo.clear()
    return memo


def _classify(word: str, tag: str | None, allowed: frozenset[str] | None) -> int:
    if _BREAK_TOKEN.match(word):
        return _BREAK
    if word in stopwords() or word in boilerplate():
        return _OTHER
    if word not in generic_words() and _is_word_candidate(word, tag, allowed):
        return _CANDIDATE
    return _PART if _is_phrase_part(word, tag) else _OTHER


@dataclass
class _Doc:
    """One article's candidates: occurrence weights, counts and token positions of
    words and phrases (positions let the selection skip what is already covered)."""

    word_weight: dict[str, float]
    word_count: Counter[str]
    phrase_weight: dict[str, float]
    phrase_count: Counter[str]
    phrase_parts: dict[str, tuple[str, ...]]
    starts: dict[str, list[int]]  # token index of each occurrence, words and phrases alike
    lexicon: dict[str, tuple[str | None, float | None]]  # word -> (dictionary POS tag, jieba IDF)
    clauses: list[tuple[list[str], float]]

    @classmethod
    def build(
        cls,
        article: Article,
        segmenter: Segmenter,
        allowed_pos: Iterable[str] | None,
        phrases: bool,
    ) -> _Doc:
        allowed = frozenset(allowed_pos) if allowed_pos is not None else None
        units = [(segmenter.cut(text), weight) for text, weight in body_units(article)]
        table = segmenter.lookup(chain.from_iterable(words for words, _ in units))
        doc = cls({}, Counter(), {}, Counter(), {}, defaultdict(list), table, [])
        classes = _class_memo(segmenter, allowed)
        furniture = _article_furniture(article)
        word_weight: dict[str, float] = defaultdict(float)
        word_count = doc.word_count
        starts = doc.starts
        index = 0
        for words, weight in units:
            clause: list[str] = []
            run: list[str] = []  # a maximal stretch of phrase parts, cut into n-grams
            for word in words:
                index += 1
                kind = classes.get(word)
                if kind is None:
                    kind = classes[word] = _classify(word, table.get(word, _NO_ENTRY)[0], allowed)
                if kind >= _PART and word in furniture:
                    kind = _OTHER
                if kind == _CANDIDATE:
                    word_weight[word] += weight
                    word_count[word] += 1
                    starts[word].append(index)
                if kind >= _PART:
                    run.append(word)
                    continue
                if len(run) > 1 and phrases:
                    doc._add_ngrams(run, index - len(run), weight, classes)
                clause.extend(run)
                run = []
                if kind == _BREAK:
                    if clause:
                        doc.clauses.append((clause, weight))
                        clause = []
                else:
                    clause.append("")  # a gap: breaks adjacency, still inside the co-occurrence window
            if len(run) > 1 and phrases:
                doc._add_ngrams(run, index + 1 - len(run), weight, classes)
            clause.extend(run)
            if clause:
                doc.clauses.append((clause, weight))
            index += 1  # units never touch
        doc.word_weight = dict(word_weight)
        # Phrases must recur, or stand in a title line: one chance meeting of two words is no compound.
        for phrase in list(doc.phrase_weight):
            if doc.phrase_count[phrase] < 2 and doc.phrase_weight[phrase] < TITLE_WEIGHT:
                del doc.phrase_weight[phrase]
        return doc

    def _add_ngrams(self, run: list[str], first: int, weight: float, classes: dict[str, int]) -> None:
        """Count the 2..4-word n-grams of a run of phrase parts; `first` is the run's token index."""
        size = len(run)
        # Per-word facts looked up once per run, not once per n-gram that holds the word.
        lengths = [len(word) for word in run]
        candidate = [classes.get(word) == _CANDIDATE for word in run]
        phrase_weight, phrase_count, phrase_parts, starts = (
            self.phrase_weight,
            self.phrase_count,
            self.phrase_parts,
            self.starts,
        )
        for i in range(size - 1):
            chars = lengths[i]
            has_candidate = candidate[i]
            for j in range(i + 1, min(i + _MAX_PHRASE_WORDS, size)):
                chars += lengths[j]
                if chars > _MAX_PHRASE_CHARS:
                    break
                has_candidate = has_candidate or candidate[j]
                # A compound names a thing: it holds at least one content word.
                if not has_candidate or lengths[i] + lengths[j] < 3:
                    continue
                parts = run[i : j + 1]
                phrase = "".join(parts)
                phrase_weight[phrase] = phrase_weight.get(phrase, 0.0) + weight
                phrase_count[phrase] += 1
                if phrase not in phrase_parts:
                    phrase_parts[phrase] = tuple(parts)
                starts[phrase].append(first + i)

    def span(self, term: str) -> int:
        """Number of tokens one occurrence of `term` covers."""
        parts = self.phrase_parts.get(term)
        return len(parts) if parts is not None and term not in self.word_count else 1


def _article_furniture(article: Article) -> frozenset[str]:
    """The article's own outlet and reporters: true on every page, never its topic."""
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
    """The article's top keywords and keyphrases, best first, weights scaled so the best
    is 1; terms weighing less than `min_weight` of the best are left out."""
    if method not in METHODS:
        raise ValueError(f"unknown keyword method {method!r}; choose one of {', '.join(METHODS)}")
    doc = _Doc.build(article, segmenter, allowed_pos, phrases)
    if not doc.word_weight and not doc.phrase_weight:
        return []
    if method == "textrank":
        scores = _textrank_scores(doc)
    else:
        scores = _tfidf_scores(doc, segmenter, idf)
    chosen = _select(doc, scores, top)
    if not chosen:
        return []
    best = scores[chosen[0]] or 1.0
    chosen = [t for t in chosen if scores[t] >= min_weight * best]
    out = []
    for term in chosen:
        is_phrase = term in doc.phrase_parts and term not in doc.word_count
        count = doc.phrase_count[term] if is_phrase else doc.word_count[term]
        tag = doc.lexicon.get(term, _NO_ENTRY)[0]
        pos = "phrase" if is_phrase else (tag or ("eng" if not _HAN.search(term) else None))
        out.append(KeywordScore(term, round(scores[term] / best, 4), count, pos))
    return out


def _word_idf(word: str, doc: _Doc, table: IdfTable | None, median: float) -> float:
    if table is not None:
        return table.values.get(word, table.default)
    value = doc.lexicon.get(word, _NO_ENTRY)[1]
    return value if value is not None else median


def _tfidf_scores(doc: _Doc, segmenter: Segmenter, table: IdfTable | None) -> dict[str, float]:
    median = segmenter.lexicon.ensure_open() if table is None else table.default
    scores = {w: tf * _word_idf(w, doc, table, median) for w, tf in doc.word_weight.items()}
    for phrase, tf in doc.phrase_weight.items():
        parts = doc.phrase_parts[phrase]
        if table is not None and phrase in table.values:
            value = table.values[phrase]  # a corpus IDF knows the phrase itself
        else:
            # A compound is rarer than its rarest part: that part's IDF plus a share of the others'.
            values = sorted((_word_idf(p, doc, table, median) for p in parts), reverse=True)
            value = values[0] + PHRASE_IDF_GAIN * sum(values[1:])
        scores[phrase] = max(scores.get(phrase, 0.0), tf * value * _LENGTH_PRIOR[len(parts)])
    return scores


def _textrank_scores(doc: _Doc, window: int = 5, iterations: int = 30) -> dict[str, float]:
    """PageRank over word co-occurrence (window of `window` words inside a clause),
    teleporting in proportion to where words occur (PositionRank), so title and
    lead words start ahead. Phrases score the ranks of their parts times
    their share of the parts' occurrences, combined as in `_tfidf_scores`."""
    graph: dict[str, Counter[str]] = defaultdict(Counter)
    nodes = set(doc.word_weight) | {p for parts in doc.phrase_parts.values() for p in parts}
    for clause, _ in doc.clauses:
        kept = [w if w in nodes else "" for w in clause]
        for i, word in enumerate(kept):
            if not word:
                continue
            for other in kept[i + 1 : i + window]:
                if other and other != word:
                    graph[word][other] += 1
                    graph[other][word] += 1
    teleport: dict[str, float] = defaultdict(float)
    for clause, weight in doc.clauses:
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


def _select(doc: _Doc, scores: dict[str, float], top: int) -> list[str]:
    """Best first, skipping a term whose occurrences mostly overlap tokens already
    covered by chosen terms: a word mostly seen inside a chosen phrase, a
    fragment or extension of a chosen phrase."""
    ordered = sorted(scores, key=lambda t: (-scores[t], -len(t), t))
    chosen: list[str] = []
    covered: set[int] = set()
    for term in ordered:
        if len(chosen) >= top:
            break
        width = doc.span(term)
        starts = doc.starts.get(term, [])
        overlapping = sum(1 for s in starts if any(i in covered for i in range(s, s + width)))
        if starts and overlapping >= SUBSUMED_SHARE * len(starts):
            continue
        chosen.append(term)
        for s in starts:
            covered.update(range(s, s + width))
    return chosen
