"""Extractive summary: the body sentences that carry the article.

Ranking: a sentence graph weighted by BM25 similarity over character bigrams
(no segmenter needed, so `summary` never loads jieba's dictionary), ranked by
PageRank whose teleport vector favours the lead (news puts the point first),
with a title bonus when there is a title; then a redundancy-aware pick (MMR)
within the sentence and character budgets, returned in document order.
Header, dateline, byline, headings and footer never reach this module: it only
sees `Article.sentences`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from operator import add

from newsctl.article import Article

MAX_CANDIDATES = 250  # sentences beyond this add cost, not summary quality
DAMPING = 0.3  # low: the lead prior carries as much as centrality (tuned on half the corpus)
PLAIN_TEXTRANK_DAMPING = 0.85
ITERATIONS = 60
CONVERGED = 1e-9
REDUNDANCY = 0.7  # MMR lambda: 1.0 ignores redundancy
BM25_K1 = 1.2
BM25_B = 0.75
MIN_HAN_CHARS = 8
_TOKEN = re.compile(r"[\u3400-\u9fff]|[A-Za-z]+|\d+(?:\.\d+)?")
_NON_HAN_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_NOT_TOKEN = re.compile(r"[^\u3400-\u9fffA-Za-z\d]+")
_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_HIGH_DIGIT = re.compile(r"(?=\d)[^\x00-\u33ff]")


@dataclass(frozen=True)
class RankedSentence:
    index: int  # into Article.sentences
    score: float


def sentence_terms(text: str) -> list[str]:
    """Character bigrams of Han runs, plus Latin words and numbers as units.

    Two Han characters pair up when no Latin word or number stands between
    them (punctuation and spaces do not break a pair)."""
    if _HIGH_DIGIT.search(text) is not None:
        return _sentence_terms_tokenwise(text)
    # The same terms as the token-by-token definition, built in C: drop what is
    # no token, then every Han run left yields its bigrams.
    terms: list[str] = []
    for run in _HAN_RUN.findall(_NOT_TOKEN.sub("", text)):
        terms.extend(map(add, run, run[1:]))
    terms.extend(_NON_HAN_TOKEN.findall(text))
    return terms


def _sentence_terms_tokenwise(text: str) -> list[str]:
    # The definition: a single-character token at or above U+3400 pairs with the
    # next one. Digits beyond U+9FFF (rare scripts, math digits) are such tokens.
    tokens = _TOKEN.findall(text)
    terms = []
    for a, b in itertools.pairwise(tokens):
        if len(a) == 1 and len(b) == 1 and a >= "\u3400" and b >= "\u3400":
            terms.append(a + b)
    terms.extend(t for t in tokens if not ("\u3400" <= t[0] <= "\u9fff"))
    return terms


def _bm25_graph(bags: list[Counter[str]]) -> list[dict[int, float]]:
    """Symmetric BM25 similarities as sparse rows: graph[i][j] = weight of edge i-j.

    BM25 of sentence j as a query against sentence i, built from an inverted
    index so only sentence pairs that share a term cost anything."""
    n = len(bags)
    lengths = [sum(b.values()) for b in bags]
    average = (sum(lengths) / n) if n else 1.0
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for term in bag:
            postings.setdefault(term, []).append(i)
    # A term's IDF depends on the term only: computed once, not once per sentence.
    idfs = {
        term: math.log((n - len(sharing) + 0.5) / (len(sharing) + 0.5) + 1.0)
        for term, sharing in postings.items()
        if len(sharing) >= 2
    }
    k1_plus_1 = BM25_K1 + 1
    directed: list[dict[int, float]] = [{} for _ in range(n)]
    for i, bag in enumerate(bags):
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[i] / (average or 1.0))
        row = directed[i]
        get = row.get
        for term, tf in bag.items():
            idf = idfs.get(term)
            if idf is None:
                continue  # a term no other sentence has links nothing
            weight = idf * tf * k1_plus_1 / (tf + norm)
            for j in postings[term]:
                if j != i:
                    row[j] = get(j, 0.0) + weight
    # symmetric: the similarity of i and j does not depend on which is the query
    graph: list[dict[int, float]] = [{} for _ in range(n)]
    for i, row in enumerate(directed):
        for j, weight in row.items():
            mean = (weight + directed[j].get(i, 0.0)) / 2
            graph[i][j] = mean
            graph[j][i] = mean
    return graph


def _pagerank(graph: list[dict[int, float]], teleport: list[float], damping: float = DAMPING) -> list[float]:
    n = len(graph)
    out_weight = [sum(row.values()) for row in graph]
    # Fixed across iterations, so found once: the dangling nodes, and the rows that pass rank on.
    dangling_nodes = [j for j in range(n) if out_weight[j] == 0]
    linked = [(j, row.items(), out_weight[j]) for j, row in enumerate(graph) if out_weight[j]]
    kept = [(1 - damping) * t for t in teleport]
    rank = teleport[:]
    for _ in range(ITERATIONS):
        new = kept[:]
        dangling = sum(rank[j] for j in dangling_nodes)
        if dangling:
            new = [x + damping * dangling * t for x, t in zip(new, teleport)]
        for j, edges, weight_out in linked:
            factor = damping * rank[j] / weight_out
            for i, weight in edges:
                new[i] += factor * weight
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < CONVERGED:
            break
    return rank


def lead_prior(count: int) -> list[float]:
    """Teleport mass decaying with position: the lead matters most in news."""
    weights = [1.0 / math.sqrt(i + 1) for i in range(count)]
    if weights:
        weights[0] *= 2.0
    total = sum(weights) or 1.0
    return [w / total for w in weights]


def rank_sentences(article: Article, *, lead_bias: bool = True) -> list[RankedSentence]:
    """Every candidate sentence with its score (higher is more central).
    `lead_bias=False` gives plain TextRank (uniform teleport, no title bonus)."""
    return _rank(article, lead_bias)[0]


def _rank(article: Article, lead_bias: bool) -> tuple[list[RankedSentence], list[Counter[str]]]:
    texts = [article.text[s.start : s.end] for s in article.sentences[:MAX_CANDIDATES]]
    if not texts:
        return [], []
    bags = [Counter(sentence_terms(t)) for t in texts]
    graph = _bm25_graph(bags)
    teleport = lead_prior(len(texts)) if lead_bias else [1.0 / len(texts)] * len(texts)
    if article.title and lead_bias:
        title_terms = set(sentence_terms(article.title))
        overlap = [len(title_terms & bag.keys()) / (len(title_terms) or 1) for bag in bags]
        teleport = [t * (1.0 + 2.0 * o) for t, o in zip(teleport, overlap)]
        total = sum(teleport)
        teleport = [t / total for t in teleport]
    scores = _pagerank(graph, teleport, DAMPING if lead_bias else PLAIN_TEXTRANK_DAMPING)
    ranked = []
    for i, (text, score) in enumerate(zip(texts, scores)):
        han = len(_HAN_CHAR.findall(text))
        if han < MIN_HAN_CHARS:
            score *= 0.2  # fragments and captions rarely summarise anything
        ranked.append(RankedSentence(i, score * len(texts)))
    return ranked, bags


def summarize(
    article: Article,
    *,
    top: int = 3,
    max_chars: int | None = None,
    redundancy: float = REDUNDANCY,
    lead_bias: bool = True,
) -> list[RankedSentence]:
    """The chosen sentences in document order."""
    ranked, counted_bags = _rank(article, lead_bias)
    if not ranked or top <= 0:
        return []
    bags = [set(bag) for bag in counted_bags]
    best = max(r.score for r in ranked) or 1.0
    chosen: list[RankedSentence] = []
    used_chars = 0
    remaining = sorted(ranked, key=lambda r: (-r.score, r.index))
    while remaining and len(chosen) < top:

        def mmr(candidate: RankedSentence) -> tuple[float, int]:
            similarity = max((_jaccard(bags[candidate.index], bags[c.index]) for c in chosen), default=0.0)
            return (-(redundancy * candidate.score / best - (1 - redundancy) * similarity), candidate.index)

        pick = min(remaining, key=mmr)
        remaining.remove(pick)
        sentence = article.sentences[pick.index]
        length = sentence.end - sentence.start
        if max_chars is not None and used_chars + length > max_chars:
            continue  # a shorter sentence further down may still fit
        chosen.append(pick)
        used_chars += length
    return sorted(chosen, key=lambda r: r.index)


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
