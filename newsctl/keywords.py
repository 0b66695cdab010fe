"""Keywords: TF-IDF (or TextRank) over the segmented body, filtered by part of
speech and stopwords, with recurring adjacent keywords merged into phrases."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsctl.article import Article
from newsctl.segment import Segmenter

DEFAULT_POS = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "vn", "nw", "eng", "j", "l", "an")
_NUMERIC = re.compile(r"^[\d.,%:/\-年月日号时分秒万亿千百十零一二三四五六七八九两〇第]+$")
_HAS_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_FRAGMENT = re.compile(r"^[a-zA-Z]{1,3}$")


@dataclass(frozen=True)
class KeywordScore:
    term: str
    weight: float
    count: int
    pos: str | None


@cache
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median (for unseen words), cached per jieba version."""
    import jieba

    from newsctl.cache import cached_table

    path = Path(jieba.__file__).parent / "analyse" / "idf.txt"
    stat = path.stat()

    def build() -> dict[str, float]:
        table = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) == 2:
                table[parts[0]] = float(parts[1])
        return table

    table = cached_table("jieba-idf", f"{stat.st_size}-{int(stat.st_mtime)}", build)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 10.0


@cache
def stopwords() -> frozenset[str]:
    """stopwords-iso's Chinese list plus newsctl's news-boilerplate words."""
    import stopwordsiso

    from newsctl.data import load_word_list

    return frozenset(stopwordsiso.stopwords("zh")) | load_word_list("keyword_stopwords.txt")


def is_candidate(word: str, pos: str | None, allowed_pos: frozenset[str] | None) -> bool:
    if len(word) < 2 or (not _HAS_HAN.search(word) and not (pos == "eng" and len(word) >= 3)):
        return False
    if _NUMERIC.match(word) or _LATIN_FRAGMENT.match(word):
        return False
    if word in stopwords():
        return False
    if allowed_pos is None:
        return True
    return (pos or "n") in allowed_pos


def extract_keywords(
    article: Article,
    segmenter: Segmenter,
    *,
    top: int = 10,
    method: str = "tfidf",
    idf: dict[str, float] | None = None,
    idf_default: float | None = None,
    allowed_pos: Iterable[str] | None = DEFAULT_POS,
    phrases: bool = True,
) -> list[KeywordScore]:
    """The article's top keywords, best first."""
    words = segment_body(article, segmenter)
    return rank_words(
        words,
        segmenter,
        top=top,
        method=method,
        idf=idf,
        idf_default=idf_default,
        allowed_pos=allowed_pos,
        phrases=phrases,
    )


def segment_body(article: Article, segmenter: Segmenter) -> list[list[str]]:
    """Words per body paragraph (headings included: they name the topic)."""
    spans = sorted(article.paragraphs + article.heading_spans)
    return [segmenter.cut(article.text[s:e]) for s, e in spans]


def rank_words(
    paragraphs: list[list[str]],
    segmenter: Segmenter,
    *,
    top: int,
    method: str = "tfidf",
    idf: dict[str, float] | None = None,
    idf_default: float | None = None,
    allowed_pos: Iterable[str] | None = DEFAULT_POS,
    phrases: bool = True,
) -> list[KeywordScore]:
    allowed = frozenset(allowed_pos) if allowed_pos is not None else None
    if idf is None:
        idf, idf_default = jieba_idf()
    default = idf_default if idf_default is not None else 10.0
    counts: Counter[str] = Counter()
    tags: dict[str, str | None] = {}
    flags: list[list[bool]] = []
    for words in paragraphs:
        row = []
        for word in words:
            if word not in tags:
                tags[word] = segmenter.pos(word)
            keep = is_candidate(word, tags[word], allowed)
            row.append(keep)
            if keep:
                counts[word] += 1
        flags.append(row)
    if not counts:
        return []
    total = sum(counts.values())
    if method == "textrank":
        scores = _textrank(paragraphs, flags)
    else:
        scores = {w: c / total * idf.get(w, default) for w, c in counts.items()}
    ranked = {w: KeywordScore(w, s, counts[w], tags.get(w)) for w, s in scores.items()}
    if phrases:
        ranked = _merge_phrases(paragraphs, flags, ranked)
    ordered = sorted(ranked.values(), key=lambda k: (-k.weight, k.term))
    if not ordered:
        return []
    best = ordered[0].weight or 1.0
    return [KeywordScore(k.term, k.weight / best, k.count, k.pos) for k in ordered[:top]]


def _textrank(paragraphs: list[list[str]], flags: list[list[bool]], window: int = 5) -> dict[str, float]:
    graph: dict[str, Counter[str]] = defaultdict(Counter)
    for words, keep in zip(paragraphs, flags):
        kept = [w for w, k in zip(words, keep) if k]
        for i, word in enumerate(kept):
            for other in kept[i + 1 : i + window]:
                if other != word:
                    graph[word][other] += 1
                    graph[other][word] += 1
    nodes = sorted(graph)
    if not nodes:
        return {w: 1.0 for p, f in zip(paragraphs, flags) for w, k in zip(p, f) if k}
    rank = dict.fromkeys(nodes, 1.0 / len(nodes))
    out = {n: sum(graph[n].values()) for n in nodes}
    for _ in range(30):
        rank = {
            n: 0.15 / len(nodes) + 0.85 * sum(rank[m] * w / out[m] for m, w in graph[n].items())
            for n in nodes
        }
    return rank


def _merge_phrases(
    paragraphs: list[list[str]], flags: list[list[bool]], ranked: dict[str, KeywordScore]
) -> dict[str, KeywordScore]:
    """Adjacent candidate words that recur together become one phrase
    (文明 + 创建 -> 文明创建); words mostly seen inside a stronger phrase go."""
    pair_counts: Counter[tuple[str, str]] = Counter()
    for words, keep in zip(paragraphs, flags):
        for i in range(len(words) - 1):
            if keep[i] and keep[i + 1]:
                pair_counts[(words[i], words[i + 1])] += 1
    merged = dict(ranked)
    for (left, right), together in pair_counts.items():
        if together < 2 or left not in ranked or right not in ranked:
            continue
        phrase = left + right
        if len(phrase) > 8:
            continue
        weight = (
            (ranked[left].weight + ranked[right].weight)
            * together
            / max(ranked[left].count, ranked[right].count)
        )
        merged[phrase] = KeywordScore(phrase, weight * 1.2, together, "phrase")
        for part in (left, right):
            if part in merged and together >= 0.6 * ranked[part].count and merged[part].weight < weight * 1.2:
                del merged[part]
    return merged
