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

import math
import re
import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, pairwise, repeat
from operator import add, itemgetter, sub

from newsctl.article import Article

MAX_CANDIDATES = 250  # sentences beyond this add cost, not summary quality
DAMPING = 0.3  # low: the lead prior carries as much as centrality (tuned on half the corpus)
PLAIN_TEXTRANK_DAMPING = 0.85
ITERATIONS = 60
CONVERGED = 1e-9
REDUNDANCY = 0.7  # MMR lambda: 1.0 ignores redundancy
DUPLICATE_SHARE = 0.8  # a sentence whose terms are this much another's says it again
# A sentence that names the same day as one already chosen and shares this much of its
# terms tells the same event again (the lede, then the same accident retold with the
# witness's account); below it, a follow-up on the same day (the verdict, the arrest).
RETELL_SHARE = 0.3
# A later pick whose characters are mostly (this share of the shorter of the two, as the longest
# common subsequence) those of a sentence already chosen, in the same order, tells its fact again
# in other words (the lede, then `X表示，…` saying it once more); unless the shorter one brings a
# figure the other lacks (a total, then the part of it: a follow-up, not a retelling).
RESTATE_SHARE = 0.65
RESTATE_MIN_OVERLAP = 0.2  # of the smaller term set: the least a restatement in the corpus shares
_FIGURE = re.compile(r"\d+(?:\.\d+)?")
BM25_K1 = 1.2
BM25_B = 0.75
MIN_HAN_CHARS = 8
MIN_ROUNDUP_ITEMS = 3
MIN_NAMED_ROUNDUP_ITEMS = 2  # when the headline says roundup (国际联播快讯), two items make one
ROUNDUP_MAX_SHARED = 0.02  # median share of words between items; a story's sections share more
_ITEM_TITLE = re.compile(r"(?:[\u3400-\u9fff][^\u3400-\u9fff]*){4}")  # a headline has words (not `---`)
# Sentence forms (see `_news_weights`); the weights were checked on the corpus headlines
# (bench/summary_rouge.py) and the structure dev set.
DECK_MAX_CHARS = 40
DECK_WEIGHT = 0.2
FACT_WEIGHT = 1.2
WHY_WEIGHT = 1.3
# A sentence that opens with the writer's view or conclusion (`笔者认为，…`, `综上，…`, `总之…`):
# the thesis of a commentary, the finding of an explainer or a ruling.
THESIS_WEIGHT = 2.0
# What both sides announced or signed (`两国元首宣布，…`, `会谈后，两国总理共同见证签署…`): the
# outcome of talks, which the retold positions of each side lead up to; not an earlier one retold
# (`2016年，两国元首共同宣布…`).
OUTCOME_WEIGHT = 1.5
BACKGROUND_WEIGHT = 0.5  # a sentence told in earlier years, before a later one tells the now
PEG_CITATION_REACH = 64  # characters: a citation closing a paragraph, `(7月17日X在线)`, is shorter
FRAME_REACH = 4  # sentences: a programme's intro follows at most three of scene or background
OPENER_MAX_CHARS = 16  # a first line this short that tells no time opens the story, no more
OPENER_WEIGHT = 0.5
NEWS_LEDE_REACH = 3  # sentences of scene, general lines or background a news lede may follow
LIST_MIN_CHARS = 200
LIST_MIN_DATES = 3
LIST_MIN_ITEMS = 2
HOOK_WEIGHT = 0.5
ATTENDANCE_WEIGHT = 0.5
ASIDE_MAX_CHARS = 40  # a transition or a greeting to the reader is a short line (`对此小编可是深有体会。`)
QUESTION_WEIGHT = 0.2
QUESTION_MAX_CHARS = 60
CRY_MAX_CHARS = 60  # an exclamation longer than a question's teaser tells the story loudly
_QUESTION_MARKS = ("？", "?")
# A sentence that is mostly an enumeration (names of attendees, co-founders, cities, product
# types) names who or what, not what happened: the share of its characters in short inner
# items between `、`/`;` (cleaned text folds `；` to `;`), checked on the corpus.
ENUMERATION_MIN_ITEMS = 6
ENUMERATION_ITEM_CHARS = 8
ENUMERATION_SHARE = 0.4
ENUMERATION_WEIGHT = 0.4
_ENUMERATION_SEPARATOR = re.compile("[、;；]")
# A line of links between bars (`招考公告|职位表|报考指南|…`; cleaned text folds `｜` to `|`): a
# site's navigation bar or a topic menu, no news. Its inner items are short, like a list's.
MENU_MIN_BARS = 3
MENU_ITEM_CHARS = 16
_HOOK_PUNCTUATION = tuple("！？!?")
_FINAL_PUNCTUATION = tuple("。！？!?…")
_QUOTE_OPENERS = tuple("「“『")
_AFTER_EVENT = ("后,", "后，")  # the end of `time`'s cue for a time told by the event before it
_QUOTE_CLOSERS = "」”』"
QUOTE_WEIGHT = 0.5
_FACT_NUMBER = re.compile(r"[0-9０-９]")
_TOKEN = re.compile(r"[\u3400-\u9fff]|[A-Za-z]+|\d+(?:\.\d+)?")
# Latin words and numbers: `[A-Za-z]+|\d+(?:\.\d+)?`, written to start with one
# character class so the regex engine can skip ahead to candidates.
_NON_HAN_TOKEN = re.compile(r"[A-Za-z\d](?:(?<=[A-Za-z])[A-Za-z]*|(?<=\d)\d*(?:\.\d+)?)")
_NOT_TOKEN = re.compile(r"[^\u3400-\u9fffA-Za-z\d]+")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]{2,}")
_HIGH_DIGIT = re.compile(r"\d(?<=[^\x00-\u33ff])")  # a digit at or above U+3400
# Written out rather than as a group repeated MIN_HAN_CHARS times: the same strings match, and
# each step is then a single-character loop, not the engine's general repeat.
_ENOUGH_HAN = re.compile(r"[^\u3400-\u9fff]*[\u3400-\u9fff]" * MIN_HAN_CHARS)
# Han runs are all in the Basic Multilingual Plane: one UTF-16 code unit per character.
_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
_UNIT = "H"
assert array(_UNIT).itemsize == 2
_NEWLINE_UNIT = array(_UNIT, [ord("\n")])
_WEIGHT = itemgetter(1)  # of a graph edge (neighbour, weight)


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
    for a, b in pairwise(tokens):
        if len(a) == 1 and len(b) == 1 and a >= "\u3400" and b >= "\u3400":
            terms.append(a + b)
    terms.extend(t for t in tokens if not ("\u3400" <= t[0] <= "\u9fff"))
    return terms


def _terms_of_sentences(texts: list[str]) -> list[list[str]]:
    """`[sentence_terms(text) for text in texts]`, with the Han bigrams of all
    texts made in one go."""
    tokens_of = list(map(_NON_HAN_TOKEN.findall, texts))
    runs_of: list[list[str] | None]
    # Every digit is inside a number token, so only tokens can hold a high digit; most articles
    # have none in any sentence, and then every sentence takes the fast path.
    if _HIGH_DIGIT.search("".join(chain.from_iterable(tokens_of))) is None:
        runs_of = list(map(_HAN_RUN.findall, map(_NOT_TOKEN.sub, repeat(""), texts)))
    else:
        runs_of = []
        for text, tokens in zip(texts, tokens_of):
            if tokens and _HIGH_DIGIT.search("".join(tokens)) is not None:
                runs_of.append(None)
            else:
                runs_of.append(_HAN_RUN.findall(_NOT_TOKEN.sub("", text)))
    # The bigrams of all runs at once, a space between runs; the two pairs
    # around each space are skipped below.
    bigrams = _adjacent_pairs(" ".join(chain.from_iterable(filter(None, runs_of))))
    terms_of: list[list[str]] = []
    start = 0
    for text, runs, tokens in zip(texts, runs_of, tokens_of):
        if runs is None:
            terms_of.append(_sentence_terms_tokenwise(text))
            continue
        terms: list[str] = []
        for run in runs:
            end = start + len(run) - 1
            terms += bigrams[start:end]
            start = end + 2
        terms += tokens
        terms_of.append(terms)
    return terms_of


def _adjacent_pairs(text: str) -> list[str]:
    """`list(map(add, text, text[1:]))` for text in the Basic Multilingual Plane
    without newlines, made in C: the UTF-16 code units laid out as "ab\nbc\ncd"
    and split, one string allocation per pair."""
    count = len(text)
    if count < 2:
        return []
    units = array(_UNIT, text.encode(_UTF16))
    laid_out = _NEWLINE_UNIT * (3 * (count - 1))
    laid_out[0::3] = units[:-1]
    laid_out[1::3] = units[1:]
    laid_out.pop()  # the newline after the last pair
    return laid_out.tobytes().decode(_UTF16).split("\n")


try:
    # The C loop behind `Counter(iterable)`. A private name, so there is a fallback.
    from collections import _count_elements  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every CPython since 3.2 has it

    def _count_elements(counts: dict[str, int], terms: list[str]) -> None:
        for term in terms:
            counts[term] = counts.get(term, 0) + 1


def _term_counts(terms: list[str]) -> dict[str, int]:
    """`dict(Counter(terms))` without the Counter: Counter's own C counting
    loop into a plain dict, which also takes the sets' fast path for exact
    dicts in `_bm25_graph`."""
    counts: dict[str, int] = {}
    _count_elements(counts, terms)
    return counts


@dataclass(frozen=True)
class _TermIndex:
    """Which sentences have each term that links two or more (the others link nothing)."""

    linking: list[list[str]]  # each sentence's terms that another sentence has too, in bag order
    postings: dict[str, list[int]]  # such a term -> the sentences that have it, ascending

    def shared_counts(self, index: int) -> dict[int, int]:
        """How many terms each sentence shares with sentence `index` (itself included, with all of
        its linking terms): `len(bags[index].keys() & bags[other].keys())` for every other at once,
        counted in C from the postings rather than by a set per pair."""
        counts: dict[int, int] = {}
        _count_elements(counts, chain.from_iterable(map(self.postings.__getitem__, self.linking[index])))
        return counts


def _bm25_graph(
    bags: list[dict[str, int]], lengths: list[int]
) -> tuple[list[list[tuple[int, float]]], _TermIndex]:
    """Symmetric BM25 similarities as sparse rows: graph[i] lists (j, weight of
    edge i-j), lower j ascending, then higher j in the order sentence i's terms
    reach them (sums over a row depend on that order); and the term index it
    was built from.

    BM25 of sentence j as a query against sentence i, built from an inverted
    index so only sentence pairs that share a term cost anything; the edge
    weight is the mean of the two directions. `lengths[i]` is the number of
    terms of sentence i, repeats included."""
    n = len(bags)
    average = (sum(lengths) / n) if n else 1.0
    # A term in one sentence only links nothing: index the others.
    seen: set[str] = set()
    repeated: set[str] = set()
    for bag in bags:
        repeated.update(seen.intersection(bag))
        seen.update(bag)
    linking = [list(filter(repeated.__contains__, bag)) for bag in bags]  # bag order
    postings: dict[str, list[int]] = {term: [] for term in repeated}
    for i, terms in enumerate(linking):
        for term in terms:
            postings[term].append(i)
    # A term's IDF depends on its document frequency only.
    idf_for = [math.log((n - df + 0.5) / (df + 0.5) + 1.0) for df in range(n + 1)]
    k1_plus_1 = BM25_K1 + 1
    idf_k1_for = [idf * k1_plus_1 for idf in idf_for]  # idf * tf * k1_plus_1 when tf is 1
    directed: list[dict[int, float]] = []  # directed[i][j]: BM25 of j against i
    for i, terms in enumerate(linking):
        bag = bags[i]
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[i] / (average or 1.0))
        once = 1 + norm
        row: dict[int, float] = {}
        get = row.get
        for term in terms:  # in bag order, so each pair adds up its terms as it always has
            sharing = postings[term]
            tf = bag[term]
            if tf == 1:  # most terms: the same arithmetic, two operations fewer
                weight = idf_k1_for[len(sharing)] / once
            else:
                weight = idf_for[len(sharing)] * tf * k1_plus_1 / (tf + norm)
            for j in sharing:
                if j != i:
                    row[j] = get(j, 0.0) + weight
        directed.append(row)
    # symmetric: the similarity of i and j does not depend on which is the query
    graph: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i, row in enumerate(directed):
        edges = graph[i]  # already holds the lower neighbours, ascending
        for j, weight in row.items():
            if j > i:
                mean = (weight + directed[j][i]) / 2
                edges.append((j, mean))
                graph[j].append((i, mean))
    return graph, _TermIndex(linking, postings)


def _pagerank(
    graph: list[list[tuple[int, float]]], teleport: list[float], damping: float = DAMPING
) -> list[float]:
    n = len(graph)
    out_weight = [sum(map(_WEIGHT, edges)) for edges in graph]
    # Fixed across iterations, so found once: the dangling nodes, and the rows that pass rank on.
    dangling_nodes = [j for j in range(n) if out_weight[j] == 0]
    linked = [(j, graph[j], out_weight[j]) for j in range(n) if out_weight[j]]
    kept = [(1 - damping) * t for t in teleport]
    rank = teleport[:]
    for _ in range(ITERATIONS):
        new = kept[:]
        dangling = sum(map(rank.__getitem__, dangling_nodes)) if dangling_nodes else 0.0
        if dangling:
            new = [x + damping * dangling * t for x, t in zip(new, teleport)]
        for j, edges, weight_out in linked:
            factor = damping * rank[j] / weight_out
            for i, weight in edges:
                new[i] = new[i] + factor * weight  # `+=` is the same sum, in more bytecode
        change = sum(map(abs, map(sub, new, rank)))
        rank = new
        if change < CONVERGED:
            break
    return rank


def lead_prior(count: int, lede: int = 0) -> list[float]:
    """Teleport mass decaying with position: the lead matters most in news, and the
    sentence that opens the news (`lede`, see `news_lede`) counts double."""
    weights = [1.0 / math.sqrt(i + 1) for i in range(count)]
    if weights:
        weights[min(lede, count - 1)] *= 2.0
    total = sum(weights) or 1.0
    return [w / total for w in weights]


def news_lede(texts: list[str], background: Sequence[bool] = ()) -> int:
    """The sentence that opens the news: the first, unless it tells no time at all (a scene,
    a saying, background: `水是生命之源，…`) and one of the next `NEWS_LEDE_REACH`
    opens with the time of the event (`28日，…`, `而就在前天(9日)深夜，…`): news puts
    when next to what happened. A first sentence without time that cites what a leader,
    a meeting or a document stressed (`习近平总书记指出，…`) frames the story, and the
    next one tells it. A first sentence of background passes the lede to the next within reach
    that opens with a time and is none (`background`, see `background_sentences`). The cue words
    are in `data/summary_cues.json`."""
    any_time, opening_time, citing = _time_patterns()
    if background and background[0]:
        for k in range(1, min(len(texts), NEWS_LEDE_REACH + 1)):
            if not background[k] and opening_time.match(texts[k]) is not None:
                return k  # `近日，…`, `25日，…`: the news, not a span (`五年来，…`)
    if len(texts) < 2 or any_time.search(texts[0]) is not None:
        return 0
    if _cue_pattern("story_lede").search(texts[0]) is not None:
        return 0  # a figure or a person (`一男子…花了超过25万元`, `黑车司机李某被…`): it tells the story
    for k in range(1, min(len(texts), NEWS_LEDE_REACH + 1)):
        if opening_time.match(texts[k]) is not None:
            return k
    if citing.match(texts[0]) is not None:
        return 1
    if not (_opens_no_story(texts[0]) or _is_platitude(texts[0], any_time)):
        return 0
    story = _cue_pattern("story_lede")
    for k in range(1, min(len(texts), NEWS_LEDE_REACH + 1)):
        text = texts[k]
        if not _opens_no_story(text) and (story.search(text) is not None or _tells_time(text, any_time)):
            return k
    if _is_platitude(texts[0], any_time):
        # a general statement names no one: the story starts with the next sentence that is none
        for k in range(1, min(len(texts), NEWS_LEDE_REACH + 1)):
            if not (_opens_no_story(texts[k]) or _is_platitude(texts[k], any_time)):
                return k
    return 0


def _tells_time(text: str, any_time: re.Pattern[str]) -> bool:
    """Whether a sentence tells a time; not only one by the event before it (`在法院判决后，…`):
    that is background as often as it is the news."""
    return any(not match.group().endswith(_AFTER_EVENT) for match in any_time.finditer(text))


def _opens_no_story(text: str) -> bool:
    """Whether a sentence by its form opens a story without telling it: a short question, or,
    without a figure, someone's words alone (`「妈，我推你出去晒太阳。」`) or a cry
    (`…大吃水果啊！`). Not an exclamation that states news (`…投下震撼弹！`)."""
    stripped = text.strip()
    if stripped.endswith(_QUESTION_MARKS) and len(stripped) <= QUESTION_MAX_CHARS:
        return True  # a teaser (a long news sentence may end asking: `…智利能否盖过C罗的星光？`)
    if _FACT_NUMBER.search(stripped) is not None:
        return False
    if _short_cry(stripped):
        return True  # `赶快回家检查你的床！`: a hook announces the story, the next sentence tells it
    if len(stripped) <= ASIDE_MAX_CHARS and _cue_pattern("aside").search(stripped) is not None:
        return True  # `下面跟着小编一起来看看…`: the writer speaks to the reader
    unquoted = stripped.rstrip(_QUOTE_CLOSERS)
    if _cue_pattern("saying").match(stripped) is not None:
        return True  # `春回大地，草木蔓发。`: a saying sets the scene
    return (
        _is_quotation(stripped)
        or unquoted.endswith(_HOOK_PUNCTUATION)
        and _cries(unquoted)
        and not _tells_loud(unquoted)
    )


def _is_platitude(text: str, any_time: re.Pattern[str]) -> bool:
    """Whether a sentence is a general statement (`每个人都…`, `随着…的发展，…`, `俗话说…`): one
    that names no time and no figure and speaks of everyone, a trend or a saying opens a
    story without telling who did what."""
    return (
        _cue_pattern("platitude").search(text) is not None
        and any_time.search(text) is None
        and _cue_pattern("story_lede").search(text) is None
    )


def _cue_pattern(key: str) -> re.Pattern[str]:
    """The pattern of summary_cues.json's `key` (dated_item, numbered_item, event_day, list_point,
    story_lede)."""
    return _cue_patterns()[key]


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    """All of them, compiled at the first use of any: most articles need only some, and a
    pattern compiled in the middle of a run costs more than the article."""
    from newsctl.data import load_json

    cues = load_json("summary_cues.json")
    keys: tuple[str, ...] = ("dated_item", "numbered_item", "event_day", "list_point")
    keys += ("story_lede", "thesis", "peg_citation", "contact_number", "outcome", "earlier")
    keys += ("saying", "verdict", "result", "programme_intro", "platitude", "aside", "attendance")
    keys += ("greetings", "told_year", "recent_time", "recent_day")
    return {key: re.compile(cues[key]) for key in keys}


@cache
def _why() -> re.Pattern[str]:
    from newsctl.data import load_json

    return re.compile("|".join(load_json("summary_cues.json")["why"]))


@cache
def _result_threat() -> frozenset[str]:
    """The characters that make a `result` a threat, not an outcome (`可撤职`, `可能为行政拘留`)."""
    from newsctl.data import load_json

    return frozenset(load_json("summary_cues.json")["result_threat"])


@cache
def _time_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Any time, a time opening a sentence, a citation opening one (see `news_lede`)."""
    from newsctl.data import load_json

    words = load_json("summary_cues.json")
    clause = "[^,，。!?！？;；:：]"
    opening = "|".join(words["opening"])
    citing = "|".join(words["citing"])
    return (
        re.compile("|".join(words["time"])),
        re.compile(rf"{clause}{{0,{int(words['opening_prefix'])}}}?(?:{opening})"),
        re.compile(rf"{clause}{{0,{int(words['citing_prefix'])}}}?(?:{citing})"),
    )


def roundup_items(article: Article, count: int, bags: list[dict[str, int]] | None = None) -> list[int] | None:
    """For a roundup (several short stories, each under its own headline, as in 国内联播快讯),
    the item number of each of the first `count` sentences (0: before the first item
    headline); None for an article with one story. A roundup says so in its headline
    (`data/summary_roundup.txt`), or, given the sentences' term counts `bags`, its items
    share almost no words (a story's sections keep naming the same people and things)."""
    text = article.text
    heading_starts = sorted(
        start for start, end in article.heading_spans if _ITEM_TITLE.search(text, start, end) is not None
    )
    if len(heading_starts) < MIN_NAMED_ROUNDUP_ITEMS:
        return None
    title = article.title or ""
    named = any(cue in title for cue in _roundup_cues())
    sentences = article.sentences[:count]
    items = [bisect_right(heading_starts, sentence.start) for sentence in sentences]
    if len(set(items) - {0}) < (MIN_NAMED_ROUNDUP_ITEMS if named else MIN_ROUNDUP_ITEMS):
        return None  # headings with no story under them: sections, not items
    if named:
        return items
    if bags is None or _shared_between_items(items, bags) >= ROUNDUP_MAX_SHARED:
        return None
    return items


@cache
def _roundup_cues() -> frozenset[str]:
    from newsctl.data import load_word_list

    return load_word_list("summary_roundup.txt")


def news_peg(article: Article, count: int) -> int:
    """The number of opening sentences that retell the news a commentary comments on: its first
    paragraph, when that paragraph ends citing where the news was read (`…(7月17日国际在线)`,
    `(据新华社报道)`; `peg_citation` in `data/summary_cues.json`) and two sentences or more
    follow; 0 for any other article. The writer's argument follows, and the summary takes one
    sentence of the news, not three."""
    sentences = article.sentences[:count]
    if not sentences:
        return 0
    first = sentences[0].paragraph
    start, end = article.paragraphs[first]
    # the cheap test first: a citation is short and closes the paragraph
    cited = _cue_pattern("peg_citation").search(article.text, max(start, end - PEG_CITATION_REACH), end)
    if cited is None:
        return 0
    peg = 1
    while peg < len(sentences) and sentences[peg].paragraph == first:
        peg += 1
    if peg >= len(sentences) - 1 or cited.start() < sentences[peg - 1].start:
        return 0  # no argument after it, or the brackets are no sentence's end
    return peg


def programme_frame(texts: list[str]) -> int:
    """The number of opening sentences that frame a programme or a feature: up to and with the
    presenter's intro (`今天(3月2日)的《栏目》，我们来认识…`, `首先，我们来认识…`; `programme_intro`
    in `data/summary_cues.json`) when it is one of the first `FRAME_REACH` sentences and not the
    first; 0 for any other article. The scene or background before the intro leads up to the
    feature's subject, and the summary takes one sentence of the frame, not three."""
    intro = _cue_pattern("programme_intro").match
    for k in range(1, min(len(texts) - 1, FRAME_REACH)):
        if intro(texts[k]) is not None:
            return k + 1
    return 0


def _shared_between_items(items: list[int], bags: list[dict[str, int]]) -> float:
    """The median share of words one item has in common with the next (overlap coefficient)."""
    terms: dict[int, set[str]] = {}
    for item, bag in zip(items, bags):
        if item:
            terms.setdefault(item, set()).update(bag)
    ordered = [terms[item] for item in sorted(terms)]
    shares = sorted(len(a & b) / (min(len(a), len(b)) or 1) for a, b in pairwise(ordered))
    return shares[len(shares) // 2] if shares else 1.0


def _roundup_prior(items: list[int]) -> list[float]:
    """The lead prior within each item (an item's first sentence is its lead), with later
    items a little less likely to be the day's main news."""
    weights: list[float] = []
    position = 0
    for i, item in enumerate(items):
        position = position + 1 if i and items[i - 1] == item else 0
        weight = 1.0 / math.sqrt(position + 1) / math.sqrt(item + 1)
        weights.append(weight * 2.0 if position == 0 else weight)
    total = sum(weights) or 1.0
    return [w / total for w in weights]


def _commentary_prior(article: Article, count: int, peg: int) -> list[float]:
    """The lead prior over the news a commentary retells (its first `peg` sentences); over the
    argument, every sentence alike but those of the last paragraph, twice as likely: a
    commentary ends on its thesis."""
    weights = lead_prior(peg)
    last = article.sentences[count - 1].paragraph
    argument = weights[-1]
    for sentence in article.sentences[peg:count]:
        weights.append(argument * 2.0 if sentence.paragraph == last else argument)
    total = sum(weights)
    return [w / total for w in weights]


def rank_sentences(article: Article, *, lead_bias: bool = True) -> list[RankedSentence]:
    """Every candidate sentence with its score (higher is more central).
    `lead_bias=False` gives plain TextRank (uniform teleport, no title bonus)."""
    return [RankedSentence(i, score) for i, score in enumerate(_rank(article, lead_bias)[0])]


def _rank(
    article: Article, lead_bias: bool
) -> tuple[
    list[float], list[dict[str, int]], list[list[tuple[int, float]]], _TermIndex, list[int] | None, int
]:
    """The score of every candidate sentence, its term counts, the sentence graph, each
    sentence's item when the article is a roundup, and the number of opening sentences of which
    the summary takes one: a commentary's news peg (`news_peg`) or a programme's frame
    (`programme_frame`)."""
    texts = [article.text[s.start : s.end] for s in article.sentences[:MAX_CANDIDATES]]
    if not texts:
        return [], [], [], _TermIndex([], {}), None, 0
    terms_of = _terms_of_sentences(texts)
    bags = list(map(_term_counts, terms_of))
    lengths = [len(terms) for terms in terms_of]
    graph, term_index = _bm25_graph(bags, lengths)
    count = len(texts)
    items = roundup_items(article, count, bags) if lead_bias else None
    background = background_sentences(article, texts) if lead_bias else []
    peg = 0
    lede = 0
    if items is not None:
        teleport = _roundup_prior(items)
    elif lead_bias and (peg := news_peg(article, count)):
        teleport = _commentary_prior(article, count, peg)
    elif lead_bias:
        lede = news_lede(texts, background)
        teleport = lead_prior(count, lede)
        peg = programme_frame(texts)
    else:
        teleport = [1.0 / count] * count
    if article.title and lead_bias:
        title_terms = set(sentence_terms(article.title))
        overlap = [len(title_terms & bag.keys()) / (len(title_terms) or 1) for bag in bags]
        teleport = [t * (1.0 + 2.0 * o) for t, o in zip(teleport, overlap)]
        total = sum(teleport)
        teleport = [t / total for t in teleport]
    scores = _pagerank(graph, teleport, DAMPING if lead_bias else PLAIN_TEXTRANK_DAMPING)
    for i, text in enumerate(texts):
        if _ENOUGH_HAN.match(text) is None:
            scores[i] *= 0.2  # fragments and captions rarely summarise anything
    if lead_bias:
        weights = _news_weights(article, texts, background)
        scores = [score * weight for score, weight in zip(scores, weights)]
        if lede and len(texts[0].strip()) <= OPENER_MAX_CHARS:
            # a one-line opener the news lede follows (`好山好水出好茶。`, `周末，很多人会去郊外踏青。`):
            # a motto or a scene, no news of its own
            scores[0] *= OPENER_WEIGHT
        any_time = _time_patterns()[0]
        for i in range(min(count, NEWS_LEDE_REACH + 1)):
            if _is_platitude(texts[i], any_time):
                # a general statement before the news (`每个人都…`, `近年来，…日益…`): no
                # actor, no time, no figure
                scores[i] *= OPENER_WEIGHT
    return [score * count for score in scores], bags, graph, term_index, items, peg


def _news_weights(article: Article, texts: list[str], background: Sequence[bool] = ()) -> list[float]:
    """What a sentence's form says about its news value: a deck or headline line standing
    as its own paragraph without final punctuation is furniture (the annotation takes
    summaries from body sentences); a number (how many, how much, when) marks a fact."""
    weights = [1.0] * len(texts)
    thesis = _cue_pattern("thesis").match
    contact = _cue_pattern("contact_number").search
    outcome = _cue_pattern("outcome").search
    verdict = _cue_pattern("verdict").search
    result = _cue_pattern("result").search
    threat = _result_threat()
    earlier = _cue_pattern("earlier").search
    saying = _cue_pattern("saying").match
    aside = _cue_pattern("aside").search
    attended = _cue_pattern("attendance").match
    greeted = _cue_pattern("greetings").match
    why = _why().search
    year_now = article.published.year if article.published is not None else 0
    for i, text in enumerate(texts):
        stripped = text.strip()
        unquoted = stripped.rstrip(_QUOTE_CLOSERS)  # `…孝顺阿嬷。」` ends a sentence
        if not unquoted.endswith(_FINAL_PUNCTUATION) and len(stripped) <= DECK_MAX_CHARS:
            # a line of its own, a crawler glued it after a story's last sentence
            # (`…阵地。3川航机组完成…` before the next item), or portal text ran it into
            # the next paragraph (`…股数最高　　数据宝统计显示…`): a headline
            weights[i] *= DECK_WEIGHT
            continue
        if (
            len(stripped) > LIST_MIN_CHARS
            and len(_cue_pattern("dated_item").findall(text)) >= LIST_MIN_DATES
            or ("(" in text or "（" in text)  # the cheap test first: most sentences have no item
            and len(_cue_pattern("numbered_item").findall(text)) >= LIST_MIN_ITEMS
        ):
            # a chronology, a schedule or an info box run into one long "sentence", or the
            # numbered points of a regulation quoted in full: a list
            weights[i] *= DECK_WEIGHT
            continue
        if saying(stripped) is not None:
            # four-character phrases and nothing else (`春回大地，草木蔓发。`, `产业协同，优势互补。`):
            # a saying, a season's opener or a section's slogan, no who, what or when
            weights[i] *= DECK_WEIGHT
            continue
        if (
            len(stripped) <= ASIDE_MAX_CHARS
            and aside(stripped) is not None
            and _FACT_NUMBER.search(stripped) is None
        ):
            # the writer or the page speaking to the reader (`下面跟着小编一起来看看…`, `大家好！`,
            # `点击上方蓝字关注`): a transition or a greeting, no news
            weights[i] *= DECK_WEIGHT
            continue
        if (
            "，" not in stripped  # both cues match only a sentence without a comma: the cheap test first
            and "," not in stripped
            and (attended(stripped) or greeted(stripped)) is not None
            and _FACT_NUMBER.search(stripped) is None
        ):
            # a line that only names who attended (`某某出席会议。`, `某某等参加会见。`): who was
            # there, not what was said or decided
            weights[i] *= ATTENDANCE_WEIGHT
            continue
        if _is_enumeration(stripped):
            weights[i] *= ENUMERATION_WEIGHT
            continue
        if _is_menu(stripped):
            weights[i] *= DECK_WEIGHT  # a navigation bar or a topic menu: furniture
            continue
        if stripped.endswith(_QUESTION_MARKS) and len(stripped) <= QUESTION_MAX_CHARS:
            # a question (`…后市是否会迎来修复性行情？`) asks what the story should tell: a teaser
            # or a rhetorical lede, a summary sentence only when nothing else is. Not a quoted
            # question (someone's words, `…柯文哲表示，…「现在又要改？」`) nor a long news
            # sentence that ends asking (`…两队28日交手，…智利能否盖过C罗的星光？`)
            weights[i] *= QUESTION_WEIGHT
            continue
        fact = _FACT_NUMBER.search(text) is not None
        if fact and contact(text) is not None:
            # a phone, account or ID number (`电洽0800-066-628`, `身份证号:3208…`): a contact line
            # or a record, no news figure
            weights[i] *= DECK_WEIGHT
            continue
        asks = unquoted.endswith(_HOOK_PUNCTUATION) and not _tells_loud(unquoted)  # a cry
        quotation = _is_quotation(stripped)
        if asks and (
            _stands_alone(article, i)
            or not (fact or quotation)
            and (_cries(unquoted) or i == 0 and _short_cry(unquoted))
        ):
            # a cry or a question standing alone, or a question or cry without a figure anywhere
            # (`他們是誰啊？`, `夏天一定要好好大吃水果啊！`), opens a story or leads the reader on,
            # never tells it; an exclamation that states news (`…投下震撼彈！`) is no cry
            weights[i] *= HOOK_WEIGHT
        if not asks and why(text) is not None:
            weights[i] *= WHY_WEIGHT  # why it happened (a question about it tells nothing yet)
        agreed = outcome(text) or verdict(text)
        if agreed is None and (ended := result(text)) is not None:
            # how a vote, a case or an illness ended; not a penalty a rule threatens (`…可撤职`)
            agreed = ended if text[ended.start() - 1 : ended.start()] not in threat else None
        if agreed is not None and earlier(text, 0, agreed.start()) is None:
            # what talks agreed, what a court ruled, how a vote, a case or an illness ended; not one retold
            weights[i] *= OUTCOME_WEIGHT
        if thesis(stripped) is not None:
            weights[i] *= THESIS_WEIGHT  # what the writer concludes
        if background and background[i]:
            weights[i] *= BACKGROUND_WEIGHT  # an earlier event retold before the news
        elif fact:
            if not (year_now and _opens_earlier_year(stripped, year_now)):
                weights[i] *= FACT_WEIGHT  # a figure of the news, not the year of background
        elif quotation:
            # someone's words alone, without who, what or how much (`「妹妹乖，快醒来！」`);
            # a quotation with figures (`“…超过两小时收5块钱…”`) carries facts
            weights[i] *= QUOTE_WEIGHT
    return weights


def _stands_alone(article: Article, index: int) -> bool:
    """Whether a sentence is its paragraph, all of it."""
    sentence = article.sentences[index]
    start, end = article.paragraphs[sentence.paragraph]
    return sentence.start <= start and sentence.end >= end


_OPENING_YEAR = re.compile(r"[^,，。]{0,4}?(\d{4}) ?年")  # `2016年，…`, `早在2016年…`
_OPENING_YEAR_REACH = 10  # characters within which its 年 stands


def background_sentences(article: Article, texts: list[str]) -> list[bool]:
    """Which sentences tell background: an earlier event (a year two or more before the year of
    publication, `N年前`) and nothing of the now (no `recent_time`: 今天, 日前, 目前, 三年来, a
    day without its year), while a later sentence tells the now (a `recent_time`, or a year of
    now or the one before). An undated article has no now. A story that opens with a case or a
    war of years ago (`2015年5月，某银行申请执行…`) and then tells what happened this week
    leads with the news."""
    flags = [False] * len(texts)
    if article.published is None:
        # without a date the now is unknown: the latest year told ends a case's chronology as
        # often as it dates the news
        return flags
    now = article.published.year
    earlier = [i for i, text in enumerate(texts) if "年" in text and _tells_earlier(text, now)]
    if not earlier:
        return flags  # the cheap test first: most articles tell nothing of years ago
    last_now = next(  # the last sentence that tells the now
        (
            i
            for i in range(len(texts) - 1, earlier[0], -1)
            if _tells_recent(texts[i]) or _tells_year(texts[i], now)
        ),
        -1,
    )
    for i in earlier:
        if i < last_now and not _tells_recent(texts[i]):
            flags[i] = True
    return flags


def _tells_recent(text: str) -> bool:
    """Whether a sentence tells a time of the now in words (`今天`, `日前`, `三年来`) or a day
    without its year (`25日`)."""
    if _cue_pattern("recent_time").search(text) is not None:
        return True
    return ("日" in text or "号" in text) and _cue_pattern("recent_day").search(text) is not None


def _tells_earlier(text: str, now: int) -> bool:
    """Whether a sentence tells a year two or more before `now` (`2015年`, `六年前`) and none of
    now or the one before."""
    earlier = False
    for match in _cue_pattern("told_year").finditer(text):
        if int(match.group(1)) >= now - 1:
            return False
        earlier = True
    return earlier or "年前" in text and _tells_years_ago(text)


def _tells_year(text: str, now: int) -> bool:
    """Whether a sentence tells the year `now` or the one before."""
    return "年" in text and any(int(m.group(1)) >= now - 1 for m in _cue_pattern("told_year").finditer(text))


AGO_NUMERAL_MAX = 3  # characters: `十二年前`; a four-digit `2014年前` is a year


def _tells_years_ago(text: str) -> bool:
    """Whether a sentence tells an event two or more years ago (`六年前`, `24年前`), not
    `1年前` nor a year of the Republic (`民国91年前`, before that year). A scan for `年前` and
    the numerals before it: a regex with these character classes costs more to compile than
    all the sentences it would read."""
    numerals = _ago_numerals()
    at = text.find("年前")
    while at > 0:
        start = at
        while start > 0 and text[start - 1] in numerals:
            start -= 1
        count = text[start:at]
        if (
            count
            and len(count) <= AGO_NUMERAL_MAX
            and count not in ("1", "一")
            and text[start - 1 : start] != "国"
        ):
            return True
        at = text.find("年前", at + 2)
    return False


@cache
def _ago_numerals() -> frozenset[str]:
    from newsctl.data import load_json

    return frozenset(load_json("summary_cues.json")["ago_numerals"])


def _opens_earlier_year(text: str, year_now: int) -> bool:
    """Whether a sentence opens with a year two or more before the article's (`2016年，两国元首…`
    in a story of 2024): background retold, whose year is no figure of the news. Last year's is
    (`2025年，各级纪检监察机关查处…16.1万件` in a story of February 2026)."""
    if "年" not in text[:_OPENING_YEAR_REACH]:
        return False  # the cheap test first: most sentences open otherwise
    found = _OPENING_YEAR.match(text)
    return found is not None and int(found.group(1)) < year_now - 1


def _is_enumeration(text: str) -> bool:
    """Whether most of a sentence is a list of short items (`出席的还有张三、李四、王五、…等。`):
    at least `ENUMERATION_SHARE` of its characters are items of at most `ENUMERATION_ITEM_CHARS`
    between two separators. The frame around the list (who attended, what was signed) is short."""
    if text.count("、") + text.count(";") + text.count("；") < ENUMERATION_MIN_ITEMS:
        return False  # the cheap test first: most sentences list nothing
    inner = _ENUMERATION_SEPARATOR.split(text)[1:-1]
    listed = sum(len(item) + 1 for item in inner if len(item) <= ENUMERATION_ITEM_CHARS)
    return listed >= ENUMERATION_SHARE * len(text)


def _is_menu(text: str) -> bool:
    """Whether a sentence is a menu of links between bars (`…考试:招考公告|职位表|报考指南|考试大纲`):
    `MENU_MIN_BARS` bars or more, and the items between them (not the first and the last, which
    the line's label and the next text may run into) make `ENUMERATION_SHARE` of it, each of at
    most `MENU_ITEM_CHARS` characters."""
    if text.count("|") < MENU_MIN_BARS:
        return False  # the cheap test first: news sentences have no bars
    inner = text.split("|")[1:-1]
    listed = sum(len(item) + 1 for item in inner if len(item.strip()) <= MENU_ITEM_CHARS)
    return listed >= ENUMERATION_SHARE * len(text)


def _event_days(article: Article, index: int) -> set[str]:
    """The month-and-day dates a sentence names (`5月17日`), as written; none for a numbered point."""
    sentence = article.sentences[index]
    text = article.text
    if _cue_pattern("list_point").match(text, sentence.start) is not None:
        return set()  # the numbered points of a statement (`一、…截止6月30日…`) each tell their own fact
    return set(_cue_pattern("event_day").findall(text, sentence.start, sentence.end))


def _tells_loud(text: str) -> bool:
    """Whether a sentence ending in ！ is too long for a cry: who did what, told with a flourish
    (`…的Lara挑战大叔之歌《山丘》，…都很迷人，别有一番风情啊！`); a hook is short (`砸车还呛警察！`)."""
    return text.endswith(("！", "!")) and len(text) > CRY_MAX_CHARS


def _short_cry(text: str) -> bool:
    """Whether a sentence is a short exclamation (`超商宅配再添生力军！`, `赶快回家检查你的床！`): a
    line of an opener's length (`OPENER_MAX_CHARS`) ending in ！, which announces the story and
    leaves the telling to the next sentence. The caller knows it has no figure."""
    return text.endswith(("！", "!")) and len(text) <= OPENER_MAX_CHARS


def _cries(text: str) -> bool:
    """Whether a sentence ending in ！ or ？ is a question or a cry (`…水果啊！`)."""
    stripped = text.rstrip("！？!?")
    return text.endswith(("？", "?")) or (bool(stripped) and stripped[-1] in _cry_particles())


@cache
def _cry_particles() -> str:
    from newsctl.data import load_json

    particles: str = load_json("summary_cues.json")["cry_particles"]
    return particles


def _is_quotation(text: str) -> bool:
    """Whether the sentence is one quotation and nothing else (`「…。」`): the quote
    opened first closes last."""
    if not text.startswith(_QUOTE_OPENERS) or not text.endswith(tuple(_QUOTE_CLOSERS)):
        return False
    closer = _QUOTE_CLOSERS[_QUOTE_OPENERS.index(text[0])]
    return text.find(closer) == len(text) - 1


def _text_of(article: Article, index: int) -> str:
    sentence = article.sentences[index]
    return article.text[sentence.start : sentence.end]


def _sharing(
    bags: list[dict[str, int]], index: int, others: list[int], shared_with: dict[int, dict[int, int]]
) -> list[int]:
    """The sentences of `others` that share a term with sentence `index`, and
    `RESTATE_MIN_OVERLAP` of the smaller term set: the only ones it may restate (every
    restatement found in the corpus shares more), and the cheap test before the common
    subsequence. `shared_with[other]` holds how many terms each of its graph neighbours
    shares with it (a sentence that is no neighbour shares none)."""
    size = len(bags[index])
    sharing = []
    for other in others:
        shared = shared_with[other].get(index, 0)
        if shared and shared >= RESTATE_MIN_OVERLAP * min(size, len(bags[other])):
            sharing.append(other)
    return sharing


def _restates_any(article: Article, index: int, others: list[int]) -> bool:
    """Whether sentence `index` tells the fact of one of `others` again (see `_restates`); only
    sentences that share a term can (the caller knows which from the graph)."""
    text = _text_of(article, index)
    return any(_restates(text, _text_of(article, other)) for other in others)


def _restates(text: str, other: str) -> bool:
    """Whether two sentences tell one fact: the longest common subsequence of their characters
    is `RESTATE_SHARE` of the shorter one or more, and the shorter has no figure the longer lacks.
    Each is also compared without its quotations (`她说，1年多前得鼻癌，…，「很怕…」`: the fact
    retold, then how the speaker feels about it)."""
    if _tells_again(text, other):
        return True
    bare, other_bare = _without_quotations(text), _without_quotations(other)
    return (bare != text and _tells_again(bare, other)) or (
        other_bare != other and _tells_again(text, other_bare)
    )


def _without_quotations(text: str) -> str:
    """The text with each quotation (`「…」`, `“…”`, `『…』`, opener to the first closer after it) cut out."""
    for opener, closer in zip(_QUOTE_OPENERS, _QUOTE_CLOSERS):
        start = text.find(opener)
        while start != -1:
            end = text.find(closer, start + 1)
            if end == -1:
                break
            text = text[:start] + text[end + 1 :]
            start = text.find(opener, start)
    return text


def _tells_again(text: str, other: str) -> bool:
    a, b = _tokens_only(text), _tokens_only(other)
    if len(a) > len(b):
        a, b, text, other = b, a, other, text
    least = RESTATE_SHARE * len(a)
    # `char in b` scans b in C: cheaper than hashing every character of both into a set
    if len(a) < MIN_HAN_CHARS or sum(map(b.__contains__, a)) < least:
        return False  # the cheap bound first: a common subsequence uses only characters the longer one has
    if not set(_FIGURE.findall(text)) <= set(_FIGURE.findall(other)):
        return False  # a figure of its own: a follow-up
    return common_subsequence(a, b) >= least


@lru_cache(maxsize=64)
def _tokens_only(text: str) -> str:
    """The text without what is no token; each chosen sentence meets several later picks."""
    return _NOT_TOKEN.sub("", text)


def common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of `a` and `b`, bit-parallel (Crochemore et
    al. 2001): one pass over `a` with an integer of len(b) bits, a zero bit per matched step.
    Carries only run upwards and `u` lies within `v`, so the bits above len(b) are cut once, at
    the end."""
    masks: dict[str, int] = {}
    get = masks.get
    for i, char in enumerate(b):
        masks[char] = get(char, 0) | (1 << i)
    full = (1 << len(b)) - 1
    v = full
    for char in a:
        u = v & get(char, 0)
        v = (v + u) | (v - u)
    return len(b) - (v & full).bit_count()


def summarize(
    article: Article,
    *,
    top: int = 3,
    max_chars: int | None = None,
    redundancy: float = REDUNDANCY,
    lead_bias: bool = True,
) -> list[RankedSentence]:
    """The chosen sentences in document order.

    Maximal marginal relevance: each pick maximises redundancy * score / best
    minus (1 - redundancy) * its highest Jaccard similarity to a sentence
    already chosen (ties: the earlier sentence)."""
    scores, bags, graph, term_index, items, peg = _rank(article, lead_bias)
    if not scores or top <= 0:
        return []
    best = max(scores) or 1.0
    relevance = [redundancy * score / best for score in scores]
    penalty = 1 - redundancy
    similarity = [0.0] * len(scores)  # to the closest sentence chosen so far
    # The MMR value of every sentence, kept up to date: only the neighbours of
    # a pick change, and `max` can then compare list items in C.
    merit = [value - penalty * 0.0 for value in relevance]  # similarity 0 so far
    chosen: list[int] = []
    shared_with: dict[int, dict[int, int]] = {}  # of each chosen sentence: terms shared with each neighbour
    used_chars = 0
    remaining = list(range(len(scores)))
    while remaining and len(chosen) < top:
        pick = max(remaining, key=merit.__getitem__)
        remaining.remove(pick)
        if pick < peg:
            # a commentary: one sentence of the news it comments on, the rest its argument; a
            # programme: one sentence of its frame, the rest what the feature tells
            remaining = [i for i in remaining if i >= peg] or remaining
        if items is not None:
            # a roundup's summary: one sentence from each of its most important items
            remaining = [i for i in remaining if items[i] != items[pick]] or remaining
        sentence = article.sentences[pick]
        length = sentence.end - sentence.start
        if max_chars is not None and used_chars + length > max_chars:
            continue  # a shorter sentence further down may still fit
        if chosen and _restates_any(article, pick, _sharing(bags, pick, chosen, shared_with)):
            continue  # the same fact in other words: the next best may tell another
        chosen.append(pick)
        used_chars += length
        if len(chosen) < top:
            # Sentences that share a term are exactly the graph's neighbours:
            # every other sentence has similarity 0 to this pick. Neighbours
            # share a term, so neither term set is empty.
            picked_size = len(bags[pick])
            shared_with[pick] = shared_counts = term_index.shared_counts(pick)  # its neighbours (and itself)
            repeats = []
            # a roundup's items may share their day (`今天(2月10日)发布数据显示`), not their event
            picked_days = _event_days(article, pick) if items is None else set()
            for c, _ in graph[pick]:
                size = len(bags[c])
                shared = shared_counts[c]
                smaller = min(picked_size, size)
                if shared >= DUPLICATE_SHARE * smaller:
                    repeats.append(c)  # a deck and the lede that repeats it: one of them is enough
                elif picked_days and shared >= RETELL_SHARE * smaller:
                    if picked_days & _event_days(article, c):
                        repeats.append(c)  # the same day's event told again
                jaccard = shared / (picked_size + size - shared)  # len(a | b), without building it
                if jaccard > similarity[c]:
                    similarity[c] = jaccard
                    merit[c] = relevance[c] - penalty * jaccard
            if repeats:
                remaining = [i for i in remaining if i not in repeats]
    return [RankedSentence(i, scores[i]) for i in sorted(chosen)]
