"""Summary ranking: the fast paths of newsctl.summary against their plain
definitions. The scores are printed, so "the same" means the same floats,
bit for bit: the reference below is the straightforward algorithm (dict rows,
one term at a time), and every optimisation must add up the same numbers in
the same order."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from operator import add
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsctl import summary
from newsctl.article import Article, parse_article
from newsctl.data import load_json
from newsctl.read import RawDocument, iter_documents
from newsctl.summary import RankedSentence, rank_sentences, sentence_terms, summarize

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_PATHS = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")) + sorted(
    (ROOT / "seeds").glob("*.txt")
)
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你说年着发"
# Han text, Latin words, numbers, punctuation, and the characters that take other paths:
# digits at or above U+3400 (math, Vai), other-script digits, astral Han, a Yijing symbol
# inside the Han range, a lone surrogate, controls.
ALPHABET = [
    *HAN,
    *"ABCxyz0123456789.,，。！？；、“” \n\t",
    "\U0001d7ce",
    "\ua620",
    "\u0660",
    "𠀀",
    "\u4dc0",
    "\ud800",
    "\x00",
]
texts = st.lists(st.sampled_from(ALPHABET), max_size=80).map("".join)
article_texts = st.lists(st.sampled_from([c for c in ALPHABET if c != "\ud800"]), max_size=80).map("".join)
lax = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------------------
# the plain definitions


def reference_rank(
    article: Article, lead_bias: bool = True
) -> tuple[list[RankedSentence], list[Counter[str]]]:
    texts = [article.text[s.start : s.end] for s in article.sentences[: summary.MAX_CANDIDATES]]
    if not texts:
        return [], []
    bags = [Counter(sentence_terms(t)) for t in texts]
    n = len(bags)
    lengths = [sum(b.values()) for b in bags]
    average = (sum(lengths) / n) if n else 1.0
    postings: dict[str, list[int]] = {}
    for i, bag in enumerate(bags):
        for term in bag:
            postings.setdefault(term, []).append(i)
    directed: list[dict[int, float]] = [{} for _ in range(n)]
    for i, bag in enumerate(bags):
        norm = summary.BM25_K1 * (1 - summary.BM25_B + summary.BM25_B * lengths[i] / (average or 1.0))
        for term, tf in bag.items():
            sharing = postings[term]
            if len(sharing) < 2:
                continue
            idf = math.log((n - len(sharing) + 0.5) / (len(sharing) + 0.5) + 1.0)
            weight = idf * tf * (summary.BM25_K1 + 1) / (tf + norm)
            for j in sharing:
                if j != i:
                    directed[i][j] = directed[i].get(j, 0.0) + weight
    graph: list[dict[int, float]] = [{} for _ in range(n)]
    for i, row in enumerate(directed):
        for j, weight in row.items():
            graph[i][j] = graph[j][i] = (weight + directed[j].get(i, 0.0)) / 2
    items = reference_items(article, bags) if lead_bias else None
    opener = False
    if items is not None:
        weights = []
        for i, item in enumerate(items):
            position = items[:i].count(item)  # items are contiguous runs
            weight = 1.0 / math.sqrt(position + 1) / math.sqrt(item + 1)
            weights.append(weight * 2.0 if position == 0 else weight)
        teleport = [w / (sum(weights) or 1.0) for w in weights]
    elif lead_bias and (peg := reference_peg(article, n)):
        # a commentary: the lead prior over the news it retells; after it, each sentence as
        # likely as the last of the news, those of the last paragraph twice as likely
        last = article.sentences[n - 1].paragraph
        weights = summary.lead_prior(peg)
        weights += [weights[-1] * (2.0 if s.paragraph == last else 1.0) for s in article.sentences[peg:n]]
        teleport = [w / sum(weights) for w in weights]
    else:
        lede = summary.news_lede(texts, reference_told(article, texts))
        teleport = summary.lead_prior(n, lede) if lead_bias else [1.0 / n] * n
        # a first line of at most 16 characters that the news lede follows: a motto or a scene
        opener = lead_bias and lede > 0 and len(texts[0].strip()) <= summary.OPENER_MAX_CHARS
    if article.title and lead_bias:
        title_terms = set(sentence_terms(article.title))
        overlap = [len(title_terms & bag.keys()) / (len(title_terms) or 1) for bag in bags]
        teleport = [t * (1.0 + 2.0 * o) for t, o in zip(teleport, overlap)]
        total = sum(teleport)
        teleport = [t / total for t in teleport]
    damping = summary.DAMPING if lead_bias else summary.PLAIN_TEXTRANK_DAMPING
    out_weight = [sum(row.values()) for row in graph]
    rank = teleport[:]
    for _ in range(summary.ITERATIONS):
        new = [(1 - damping) * t for t in teleport]
        dangling = sum(rank[j] for j in range(n) if out_weight[j] == 0)
        if dangling:
            new = [x + damping * dangling * t for x, t in zip(new, teleport)]
        for j, row in enumerate(graph):
            if out_weight[j]:
                for i, weight in row.items():
                    new[i] += damping * rank[j] / out_weight[j] * weight
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < summary.CONVERGED:
            break
    ranked = []
    background = reference_told(article, texts)
    for i, (text, score) in enumerate(zip(texts, rank)):
        if len(re.findall(r"[\u3400-\u9fff]", text)) < summary.MIN_HAN_CHARS:
            score *= 0.2
        if lead_bias:
            score *= reference_news_weight(article, i, text, background[i])
        if i == 0 and opener:
            score *= summary.OPENER_WEIGHT
        if lead_bias and i <= summary.NEWS_LEDE_REACH and reference_platitude(text):
            score *= summary.OPENER_WEIGHT
        ranked.append(RankedSentence(i, score * n))
    return ranked, bags


def reference_platitude(text: str) -> bool:
    """A general statement (the `platitude` cue: 每个人, 随着…的发展, 俗话说 …) with no time and no
    figure or 某-person (the `time` and `story_lede` cues)."""
    cues = load_json("summary_cues.json")
    return (
        re.search(cues["platitude"], text) is not None
        and re.search("|".join(cues["time"]), text) is None
        and re.search(cues["story_lede"], text) is None
    )


def reference_told(article: Article, texts: list[str]) -> list[bool]:
    """Background (a four-digit year two or more before publication, not a year of birth, or
    2 or more 年前, not 民国91年前; and no time of the now) before a sentence that tells the now
    (今天, 去年, 目前, 以来, 三年来, a day without its year, a year of now or the one before)."""
    if article.published is None:
        return [False] * len(texts)
    now = article.published.year
    cues = load_json("summary_cues.json")
    recent = cues["recent_time"] + "|" + cues["recent_day"]
    current = []
    earlier = []
    for text in texts:
        years = [
            int(m.group(1))
            for m in re.finditer(r"(?<!\d)(\d{4}) ?年", text)
            if not re.match(r"(?:\d{1,2}月)?(?:\d{1,2}[日号])?出?生", text[m.end() :])
        ]
        numeral = r"(?:[2-9]|[1-9]\d|[两三四五六七八九十多]|[二三四五六七八九]?十[一二三四五六七八九]?)"
        ago = re.search(rf"(?<![\d一二三四五六七八九十国]){numeral}年前", text)
        told_now = re.search(recent, text) is not None or any(year >= now - 1 for year in years)
        current.append(told_now)
        earlier.append(not told_now and (ago is not None or bool(years)))
    return [earlier[i] and any(current[i + 1 :]) for i in range(len(texts))]


def reference_news_weight(article: Article, i: int, text: str, background: bool = False) -> float:
    """A deck or headline (a short sentence without final punctuation, closing quotes
    aside) 0.2; a question of at most 60 characters, not quoted, 0.2, and so a list: over 200
    characters with three dates or more, or two
    numbered items (一)(二); a sentence with six separators 、/; or more whose inner items of
    at most 8 characters (each with its separator) make 40 % of it, 0.4; a sentence with a phone,
    account or ID number (seven digits in a row, or dashed 0800-066-628) 0.2; else a whole-paragraph
    cry or question, or a question or cry (a final particle) without a figure that is no
    quotation, 0.5; times 1.3 for a cause or motive (not in a question); times 1.2 for a
    sentence with a digit, or else 0.5 for a sentence that is one quotation; times 2 for one that
    opens with the writer's view or conclusion (笔者认为, 综上); times 1.5 for what both sides
    announced or signed (双方宣布, 两国总理共同见证签署) or what a court ruled (判处有期徒刑, 判…无罪),
    or how a vote, a case or an illness ended (表决通过, 行政拘留, 停职, 宣告不治; not a penalty a rule
    threatens: 可撤职, 可能为行政拘留), unless a year (in digits or 二○一四年), 去年, 此前 or 曾 comes first;
    a sentence that opens with a year two or more before the article's is background: its
    digits are no figure (no 1.2, and no 0.5 for a quotation either). A sentence of two to four
    four-character phrases and nothing else (a saying, a slogan) 0.2, and so a sentence without a
    figure, of at most 40 characters, in which the writer speaks to the reader (the `aside` cue:
    小编, 大家好); one that only
    names who attended or presided (某某出席会议。) or conveys greetings (转达…问候。), without a
    figure, 0.5."""
    sentence = article.sentences[i]
    start, end = article.paragraphs[sentence.paragraph]
    whole_paragraph = sentence.start <= start and sentence.end >= end
    stripped = text.strip()
    unquoted = re.sub(r"[」”』]+$", "", stripped)
    if not re.search(r"[。！？!?…]$", unquoted) and len(stripped) <= summary.DECK_MAX_CHARS:
        return summary.DECK_WEIGHT
    dates = re.findall(r"\d{4}\s*[年/.-]\s*\d{1,2}|\d{1,2}月\d{1,2}[日号]|\d{4}年", text)
    if len(stripped) > summary.LIST_MIN_CHARS and len(dates) >= summary.LIST_MIN_DATES:
        return summary.DECK_WEIGHT
    if len(re.findall(r"[(（][一二三四五六七八九十]{1,2}[)）]", text)) >= summary.LIST_MIN_ITEMS:
        return summary.DECK_WEIGHT
    if re.fullmatch(r"(?:[\u4e00-\u9fff]{4}[,，、]){1,3}[\u4e00-\u9fff]{4}[。!！]", stripped):
        return summary.DECK_WEIGHT  # a saying or a slogan of four-character phrases
    aside = re.search(load_json("summary_cues.json")["aside"], stripped)
    if aside and len(stripped) <= summary.ASIDE_MAX_CHARS and not re.search(r"[0-9０-９]", stripped):
        return summary.DECK_WEIGHT  # the writer speaking to the reader, without a figure
    protocol = (load_json("summary_cues.json")[key] for key in ("attendance", "greetings"))
    if any(re.match(cue, stripped) for cue in protocol) and not re.search(r"[0-9０-９]", stripped):
        return summary.ATTENDANCE_WEIGHT  # who attended, without a figure
    parts = re.split(r"[、;；]", stripped)
    listed = sum(len(part) + 1 for part in parts[1:-1] if len(part) <= summary.ENUMERATION_ITEM_CHARS)
    if len(parts) > summary.ENUMERATION_MIN_ITEMS and listed >= summary.ENUMERATION_SHARE * len(stripped):
        return summary.ENUMERATION_WEIGHT
    bars = stripped.split("|")
    menu = sum(len(part) + 1 for part in bars[1:-1] if len(part.strip()) <= summary.MENU_ITEM_CHARS)
    if len(bars) > summary.MENU_MIN_BARS and menu >= summary.ENUMERATION_SHARE * len(stripped):
        return summary.DECK_WEIGHT  # a menu of links between bars
    if re.search(r"[？?]$", stripped) and len(stripped) <= summary.QUESTION_MAX_CHARS:
        return summary.QUESTION_WEIGHT
    if re.search(r"(?<![\d.,])(?:\d{7,}|\d{3,4}-\d{3,4}-?\d{3,4})(?!\d|\.\d|[元万亿人次])", text):
        return summary.DECK_WEIGHT
    # an exclamation over 60 characters tells the story loudly; no cry
    loud = re.search(r"[！!]$", unquoted) is not None and len(unquoted) > summary.CRY_MAX_CHARS
    asks = re.search(r"[！？!?]$", unquoted) is not None and not loud
    fact = re.search(r"[0-9０-９]", text) is not None
    quotation = re.fullmatch(r"「[^」]*」|“[^”]*”|『[^』]*』", stripped, re.S) is not None
    cries = re.search(r"[？?]$|[啊吧喔呢哦呀啦嘛哟唷耶哇][！？!?]+$", unquoted) is not None
    # a short exclamation opening the article is a hook (`超商宅配再添生力军！`)
    cries = (
        cries
        or i == 0
        and re.search(r"[！!]$", unquoted) is not None
        and len(unquoted) <= summary.OPENER_MAX_CHARS
    )
    hook = summary.HOOK_WEIGHT if asks and (whole_paragraph or not (fact or quotation) and cries) else 1.0
    why = summary.WHY_WEIGHT if not asks and summary._why().search(text) else 1.0
    agreed = re.search(r"(?:双方|两国|共同)[^,，。;；]{0,12}?(?:宣布|签署|签订)", text) or re.search(
        r"(?:判处|判刑|改判|判决|判|处)[^,，。;；]{0,12}?(?:有期徒刑|徒刑|拘役|罚金|无罪|死刑|无期|缓刑|定谳)",
        text,
    )
    ended = re.search(
        r"审议通过|投票通过|三读通过|获得通过|获通过|一致通过|表决[,，]?通过"
        r"|行政拘留|刑事拘留|被刑拘|依法逮捕|批准逮捕|提起公诉|被起诉|停止工作|停职|免职"
        r"|撤职|开除党籍|开除公职|给予[^,，。;；]{0,12}处分|处[^,，。;；]{0,8}罚款"
        r"|不治身亡|抢救无效|宣告不治|宣告逝世|宣告死亡|当场死亡|不幸身亡|不幸遇难",
        text,
    )
    if agreed is None and ended is not None and not re.search(r"[可或将为]$", text[: ended.start()]):
        agreed = ended
    retold = agreed and re.search(
        r"\d{4}\s*年|[〇○零一二三四五六七八九]{4}年|去年|前年|此前|曾", text[: agreed.start()]
    )
    outcome = summary.OUTCOME_WEIGHT if agreed and not retold else 1.0
    thesis = summary.THESIS_WEIGHT if summary._cue_pattern("thesis").match(stripped) else 1.0
    if background:
        return hook * why * outcome * thesis * summary.BACKGROUND_WEIGHT  # an earlier event retold
    opening_year = re.match(r"[^,，。]{0,4}?(\d{4}) ?年", stripped)
    opens_earlier = (
        article.published is not None
        and opening_year is not None
        and int(opening_year.group(1)) <= article.published.year - 2
    )
    if fact and not opens_earlier:
        return hook * why * outcome * thesis * summary.FACT_WEIGHT
    if fact:
        return hook * why * outcome * thesis
    if quotation:
        return hook * why * outcome * thesis * summary.QUOTE_WEIGHT
    return hook * why * outcome * thesis


def reference_items(article: Article, bags: list[Counter[str]]) -> list[int] | None:
    """Item numbers when the article is a roundup: item headlines (four Han characters or
    more) with sentences under them, two or more under a title with a roundup word, three or
    more whose consecutive items share under 2 % of their terms (median)."""
    from newsctl.data import load_word_list

    named = any(cue in (article.title or "") for cue in load_word_list("summary_roundup.txt"))
    least = 2 if named else 3
    starts = [
        s for s, e in article.heading_spans if len(re.findall(r"[\u3400-\u9fff]", article.text[s:e])) >= 4
    ]
    items = [sum(1 for h in starts if h <= s.start) for s in article.sentences[: len(bags)]]
    numbered = sorted(set(items) - {0})
    if len(numbered) < least:
        return None
    if named:
        return items
    terms = {k: set().union(*(bag for bag, item in zip(bags, items) if item == k)) for k in numbered}
    shares = sorted(
        len(terms[a] & terms[b]) / (min(len(terms[a]), len(terms[b])) or 1)
        for a, b in itertools.pairwise(numbered)
    )
    return items if shares[len(shares) // 2] < summary.ROUNDUP_MAX_SHARED else None


def reference_peg(article: Article, count: int) -> int:
    """The sentences of the first paragraph when it ends citing the news it retold (`(7月17日X网)`)
    and two sentences or more follow; else 0."""
    sentences = article.sentences[:count]
    if not sentences:
        return 0
    peg = sum(1 for s in sentences if s.paragraph == sentences[0].paragraph)
    last = article.text[sentences[peg - 1].start : sentences[peg - 1].end]
    cited = summary._cue_pattern("peg_citation").search(last) is not None
    return peg if cited and len(sentences) - peg >= 2 else 0


def reference_frame(article: Article, count: int) -> int:
    """Up to and with a presenter's intro that is sentence 2, 3 or 4, with a sentence after it."""
    texts = [article.text[s.start : s.end] for s in article.sentences[:count]]
    for k, text in enumerate(texts):
        if 1 <= k < min(count - 1, summary.FRAME_REACH) and summary._cue_pattern("programme_intro").match(
            text
        ):
            return k + 1
    return 0


def reference_summarize(
    article: Article,
    top: int = 3,
    max_chars: int | None = None,
    redundancy: float = 0.7,
    lead_bias: bool = True,
) -> list[RankedSentence]:
    ranked, counted = reference_rank(article, lead_bias)
    if not ranked or top <= 0:
        return []
    bags = [set(bag) for bag in counted]
    items = reference_items(article, counted) if lead_bias else None
    peg = reference_peg(article, len(ranked)) if lead_bias and items is None else 0
    if lead_bias and items is None and not peg:
        peg = reference_frame(article, len(ranked))  # one sentence of a programme's frame
    best = max(r.score for r in ranked) or 1.0
    chosen: list[RankedSentence] = []
    used = 0
    remaining = list(ranked)
    while remaining and len(chosen) < top:

        def mmr(c: RankedSentence) -> tuple[float, int]:
            similarity = max(
                (
                    len(bags[c.index] & bags[o.index]) / len(bags[c.index] | bags[o.index])
                    if bags[c.index] and bags[o.index]
                    else 0.0
                    for o in chosen
                ),
                default=0.0,
            )
            return (-(redundancy * c.score / best - (1 - redundancy) * similarity), c.index)

        pick = min(remaining, key=mmr)
        remaining.remove(pick)
        if items is not None:  # a roundup: one sentence per item while other items are left
            remaining = [r for r in remaining if items[r.index] != items[pick.index]] or remaining
        if pick.index < peg:  # a commentary: one sentence of the news it comments on
            remaining = [r for r in remaining if r.index >= peg] or remaining
        sentence = article.sentences[pick.index]
        if max_chars is not None and used + sentence.end - sentence.start > max_chars:
            continue
        if any(
            reference_restates(article, pick.index, o.index)
            for o in chosen
            if (shared := len(bags[pick.index] & bags[o.index]))
            and shared >= summary.RESTATE_MIN_OVERLAP * min(len(bags[pick.index]), len(bags[o.index]))
        ):
            continue
        chosen.append(pick)
        used += sentence.end - sentence.start
        # a sentence mostly made of the pick's terms, or the pick mostly of its, says it again;
        # outside a roundup, so does one naming the same month and day that shares 30 % of
        # the terms, unless one of the two opens with a point number (一、, 2、)
        mine = bags[pick.index]
        days = reference_days(article, pick.index) if items is None else set()
        remaining = [
            r
            for r in remaining
            if not (
                mine
                and bags[r.index]
                and (
                    len(mine & bags[r.index]) >= summary.DUPLICATE_SHARE * min(len(mine), len(bags[r.index]))
                    or days & reference_days(article, r.index)
                    and len(mine & bags[r.index]) >= summary.RETELL_SHARE * min(len(mine), len(bags[r.index]))
                )
            )
        ]
    return sorted(chosen, key=lambda r: r.index)


def reference_restates(article: Article, index: int, other: int) -> bool:
    """The longest common subsequence of kept characters (dynamic programming) is 65 % of the
    shorter sentence, and the shorter names no number the longer does not; either sentence also
    compared without its quotations."""
    texts = []
    for i in (index, other):
        sentence = article.sentences[i]
        texts.append(article.text[sentence.start : sentence.end])
    first, second = texts
    pairs = [(first, second), (reference_unquoted(first), second), (first, reference_unquoted(second))]
    return any(reference_tells_again(a, b) for a, b in pairs)


def reference_unquoted(text: str) -> str:
    """Each quotation cut out, opener to the first closer after it, one kind of quote after another."""
    for opener, closer in ("「」", "“”", "『』"):
        text = re.sub(f"{opener}[^{closer}]*{closer}", "", text)
    return text


def reference_tells_again(first: str, second: str) -> bool:
    texts = [first, second]
    kept = [re.findall(r"[\u3400-\u9fffA-Za-z\d]", text) for text in texts]
    (short, short_text), (long, long_text) = sorted(zip(kept, texts), key=lambda pair: len(pair[0]))
    if len(short) < summary.MIN_HAN_CHARS:
        return False
    table = [[0] * (len(long) + 1) for _ in range(len(short) + 1)]
    for i, a in enumerate(short):
        for j, b in enumerate(long):
            table[i + 1][j + 1] = table[i][j] + 1 if a == b else max(table[i][j + 1], table[i + 1][j])
    if table[-1][-1] < summary.RESTATE_SHARE * len(short):
        return False
    number = r"\d+(?:\.\d+)?"
    return set(re.findall(number, short_text)) <= set(re.findall(number, long_text))


def reference_days(article: Article, index: int) -> set[str]:
    sentence = article.sentences[index]
    text = article.text[sentence.start : sentence.end]
    if re.match(r"\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})、", text):
        return set()
    return set(re.findall(r"\d{1,2}月\d{1,2}[日号]", text))


def bits(ranked: list[RankedSentence]) -> list[tuple[int, str]]:
    return [(r.index, r.score.hex()) for r in ranked]


def article_of(text: str, title: str | None = None) -> Article:
    return parse_article(RawDocument("t", "t", text=text, title=title))


def weights_by_sentence(article: Article) -> dict[str, float]:
    """The news weight of each sentence, keyed by its stripped text."""
    texts = [article.text[s.start : s.end] for s in article.sentences]
    background = summary.background_sentences(article, texts)
    return dict(zip((t.strip() for t in texts), summary._news_weights(article, texts, background)))


# ---------------------------------------------------------------------------
# terms


@lax
@given(st.lists(texts, max_size=6))
def test_terms_of_many_sentences_are_their_sentence_terms(batch: list[str]) -> None:
    assert summary._terms_of_sentences(batch) == [sentence_terms(t) for t in batch]


@lax
@given(texts)
def test_sentence_terms_follow_the_token_definition(text: str) -> None:
    assert sentence_terms(text) == summary._sentence_terms_tokenwise(text)


@lax
@given(texts)
def test_rewritten_patterns_match_their_plain_forms(text: str) -> None:
    assert summary._NON_HAN_TOKEN.findall(text) == re.findall(r"[A-Za-z]+|\d+(?:\.\d+)?", text)
    assert (summary._HIGH_DIGIT.search(text) is None) == (re.search(r"(?=\d)[^\x00-\u33ff]", text) is None)
    han = len(re.findall(r"[\u3400-\u9fff]", text))
    assert (summary._ENOUGH_HAN.match(text) is not None) == (han >= summary.MIN_HAN_CHARS)


@lax
@given(st.lists(st.sampled_from([*HAN[:6], "A", "12"]), max_size=40))
def test_term_counts_are_a_counter_in_first_seen_order(terms: list[str]) -> None:
    counts = summary._term_counts(terms)
    assert type(counts) is dict
    assert list(counts.items()) == list(Counter(terms).items())


@lax
@given(st.lists(st.sampled_from([*HAN, " ", "A", "\u3400", "\uffff"]), max_size=40).map("".join))
def test_adjacent_pairs(text: str) -> None:
    assert summary._adjacent_pairs(text) == list(map(add, text, text[1:]))


# ---------------------------------------------------------------------------
# ranking and picking, bit for bit


@pytest.mark.parametrize("path", ARTICLE_PATHS, ids=lambda p: p.name)
def test_articles_rank_and_summarise_as_the_reference(path: Path) -> None:
    [doc] = list(iter_documents([str(path)]))
    article = parse_article(doc)
    for lead_bias in (True, False):
        assert bits(rank_sentences(article, lead_bias=lead_bias)) == bits(
            reference_rank(article, lead_bias)[0]
        )
    for options in (
        {},
        {"top": 6},
        {"top": 10, "max_chars": 150},
        {"top": 4, "redundancy": 0.2},
        {"lead_bias": False},
    ):
        assert bits(summarize(article, **options)) == bits(reference_summarize(article, **options))


@lax
@given(st.lists(article_texts, min_size=1, max_size=25), st.none() | article_texts)
def test_generated_articles_rank_and_summarise_as_the_reference(
    sentences: list[str], title: str | None
) -> None:
    article = article_of("。".join(sentences) + "。", title=title or None)
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert bits(summarize(article, top=4)) == bits(reference_summarize(article, top=4))
    assert bits(summarize(article, top=3, max_chars=60)) == bits(
        reference_summarize(article, top=3, max_chars=60)
    )


def test_repeated_sentences_are_picked_once_and_empty_articles_give_nothing() -> None:
    article = article_of(
        "本报讯 会议要求抓好落实。会议要求抓好落实。会议要求抓好落实。今天天气很好，大家出门散步。"
    )
    picked = summarize(article, top=2)
    assert bits(picked) == bits(reference_summarize(article, top=2))
    assert summarize(article_of(""), top=3) == []
    assert summarize(article, top=0) == []


@lax
@given(
    st.lists(article_texts, min_size=1, max_size=25),
    st.sampled_from([0.0, 0.3, 1.0, 1.5]),
    st.integers(min_value=1, max_value=6),
)
def test_picks_follow_the_reference_for_any_redundancy(
    sentences: list[str], redundancy: float, top: int
) -> None:
    # The MMR values are updated only for the neighbours of each pick; a
    # negative penalty (redundancy above 1) and none at all must pick the same.
    article = article_of("。".join(sentences) + "。")
    assert bits(summarize(article, top=top, redundancy=redundancy)) == bits(
        reference_summarize(article, top=top, redundancy=redundancy)
    )


# ---------------------------------------------------------------------------
# what the summary is made of

ROUNDUP = """某市举办春季农业技术培训会
本月10日，某市农业农村局举办春季农业技术培训会，全市三百多名种植户参加。培训会邀请专家讲解病虫害防治和科学施肥。种植户们表示收获很大。

新建跨江大桥主体结构完工
12日，一座新建跨江大桥主体结构顺利完工，大桥全长两千四百米。大桥通车后两岸通行时间将缩短四十分钟。

博物馆推出夜间开放活动
今年夏天，省博物馆将在每周五和周六推出夜间开放活动，观众可以预约参观。馆方还准备了讲解和互动体验项目。

高校毕业生就业服务周启动
15日，高校毕业生就业服务周正式启动，两百多家用人单位提供五千多个岗位。活动将持续七天。
"""


def test_a_roundup_is_summarised_from_several_items() -> None:
    article = article_of(ROUNDUP, title="国内新闻快讯")
    items = summary.roundup_items(article, len(article.sentences))
    assert items is not None
    picked = summarize(article, top=3)
    assert len({items[r.index] for r in picked}) == 3
    assert bits(picked) == bits(reference_summarize(article, top=3))
    # the leads of the first items (their headlines are item titles, not sentences), not their colour
    assert [r.index for r in picked] == [0, 3, 5]


TWO_ITEM_ROUNDUP = """某市举办春季农业技术培训会
本月10日，某市农业农村局举办春季农业技术培训会，全市三百多名种植户参加。培训会邀请专家讲解病虫害防治和科学施肥。种植户们表示收获很大。专家还走进田间地头现场指导。

新建跨江大桥主体结构完工
12日，一座新建跨江大桥主体结构顺利完工，大桥全长两千四百米。大桥通车后两岸通行时间将缩短四十分钟。
"""


def test_a_roundup_of_two_items_is_one_when_its_title_says_so() -> None:
    # the second item's lead, not a third sentence of the first item
    article = article_of(TWO_ITEM_ROUNDUP, title="国内新闻快讯")
    items = summary.roundup_items(article, len(article.sentences))
    assert items is not None
    picked = summarize(article, top=2)
    assert [r.index for r in picked] == [0, 4]
    assert bits(picked) == bits(reference_summarize(article, top=2))
    # two sections under a plain title are one story's sections
    assert summary.roundup_items(article_of(TWO_ITEM_ROUNDUP, title="本市新闻"), 8, [{"甲": 1}] * 8) is None


def test_items_are_a_roundup_only_when_it_says_so_or_they_share_no_words() -> None:
    # without a roundup word in the title, and without term counts to compare, no roundup
    article = article_of(ROUNDUP, title="本市新闻")
    assert summary.roundup_items(article, len(article.sentences)) is None
    # sections of one story keep naming the same things; a roundup's items do not
    assert (
        summary._shared_between_items([0, 1, 2, 3], [{"甲": 1}, {"张三": 1}, {"张三": 1}, {"张三": 1}]) == 1.0
    )
    assert (
        summary._shared_between_items([0, 1, 2, 3], [{"甲": 1}, {"张三": 1}, {"李四": 1}, {"王五": 1}]) == 0.0
    )


def test_a_deck_line_is_not_the_summary() -> None:
    text = (
        "小标题式的导语一行\n"
        + "。".join(["今天市政府召开会议研究部署防汛工作"] * 1)
        + "。会议要求各部门落实责任确保安全度汛。\n"
    )
    article = article_of(text)
    picked = summarize(article, top=1)
    assert article.text[article.sentences[picked[0].index].start :].startswith("今天")


def test_a_headline_glued_after_a_story_and_a_cry_standing_alone_weigh_less() -> None:
    text = (
        "我没有喝酒！\n"
        "日前，一名男子在停车场被查出酒后驾车，民警依法对他作出处罚。"
        "该男子称自己并没有开车。下一条新闻标题在这里\n"
        "另一条新闻的正文从这里开始，内容和前面的没有关系。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    by_text = dict(zip((t.strip() for t in texts), weights))
    assert by_text["我没有喝酒!"] == summary.HOOK_WEIGHT  # the text is normalised to ASCII punctuation
    assert by_text["下一条新闻标题在这里"] == summary.DECK_WEIGHT
    assert by_text["该男子称自己并没有开车。"] == 1.0


def test_a_quotation_alone_weighs_less_and_a_quoted_ending_is_no_deck() -> None:
    text = (
        "「你一定要好起来！」今年8月，52岁的陈某因中风住院，全家生活陷入困境。\n"
        "陈某的妻子说，家里每月只靠补助1万元维持。「我会撑下去。」「每月要花3万元。」\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    by_text = dict(zip((t.strip() for t in texts), weights))
    assert by_text["「你一定要好起来!」"] == summary.QUOTE_WEIGHT
    assert by_text["「我会撑下去。」"] == summary.QUOTE_WEIGHT  # a quotation, not a deck line
    assert by_text["「每月要花3万元。」"] == summary.FACT_WEIGHT  # a quotation with a figure carries a fact
    assert by_text["今年8月,52岁的陈某因中风住院,全家生活陷入困境。"] == summary.FACT_WEIGHT
    scores = [ranked.score for ranked in rank_sentences(article)]
    assert scores[0] < scores[1]  # the cry opening the story ranks under the sentence that tells it
    assert not summary._is_quotation("「他说」的事。")
    assert not summary._is_quotation("「甲」和「乙」")


def test_the_news_lede_follows_a_lead_that_tells_no_time() -> None:
    saying = "水是生命之源,饮用水与每个人的健康直接相关。"
    lede = "28日,常委会分组审议关于饮用水安全的报告。"
    assert summary.news_lede([saying, lede, "与会人员纷纷建言。"]) == 1
    assert summary.news_lede([saying, "与会人员纷纷建言。", "而就在前天(9日)深夜,一辆车冲进河中。"]) == 2
    # a lead that tells when is the news lede, and so is one that nothing better follows
    assert summary.news_lede(["常委会昨天审议报告。", lede]) == 0
    assert summary.news_lede(["主妇联盟昨指出,桌垫有毒。", lede]) == 0
    scene = "会场里座无虚席,气氛热烈。"
    assert summary.news_lede([scene, "与会人员纷纷建言。", "大家表示赞同。", lede]) == 3
    assert summary.news_lede([scene, "与会人员纷纷建言。", "大家表示赞同。", "会议开了一天。", lede]) == 0
    assert summary.news_lede([scene, "记者了解到,报告将于28日公布。"]) == 0  # a time inside, not opening
    # a general statement (每个人…) names no one: the next sentence starts the story
    assert summary.news_lede([saying, "与会人员纷纷建言。", "大家表示赞同。", "会议开了一天。", lede]) == 1
    assert summary.news_lede([saying]) == 0
    # a lede citing what a leader or a meeting stressed, without time, frames the story
    directive = "习近平总书记指出,推进现代化要把水资源问题考虑进去。"
    assert summary.news_lede([directive, "我国不断推进现代化水网建设。"]) == 1
    assert summary.news_lede(["习近平总书记6日指出,要推进水网建设。", "各地积极行动。"]) == 0
    assert summary.news_lede(["发言人在脸书表示,观光业急冻。", "业者亏损6000多万。"]) == 0
    # a lead that is a teaser question, someone's words alone or a cry opens the story without
    # telling it: the next sentence that tells who, how much or when is the lede
    story = "15岁的小婷每天放学后到医院照顾罹癌的爸爸。"
    assert summary.news_lede(["「爸，换药时要小心。」", story]) == 1
    assert summary.news_lede(["医师真的很好赚?", "网友在论坛发文分享收入。", story]) == 2
    assert summary.news_lede(["夏天一定要好好吃水果啊!", story]) == 1
    # no story after it (a time told by the event before it is background as often as news)
    assert summary.news_lede(["「爸，换药时要小心。」", "在法院判决后,他拒不执行。"]) == 0
    assert summary.news_lede(["「每月要花3万元。」", story]) == 0  # words with a figure tell a fact
    # a short exclamation announces the story; a longer one that tells who did what is the lede
    assert summary.news_lede(["某委员抛出不再参选的震撼弹!", story]) == 1
    assert summary.news_lede(["某市议员在议会质询时宣布不再竞选连任，抛出震撼弹!", story]) == 0
    prior = summary.lead_prior(3, 1)
    assert prior[1] > prior[0] > prior[2]
    assert summary.lead_prior(3) == summary.lead_prior(3, 0)


def test_a_cause_or_motive_weighs_more_but_not_a_question_about_it() -> None:
    text = (
        "警方昨天接获报案，一辆车在小区起火。\n"
        "据知情人透露，起火原因是车主想换车未得到父亲同意，一气之下烧了自己的车。\n"
        "但起火原因是电线老化，还是人为纵火？\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == summary.WHY_WEIGHT
    assert weights[2] == summary.QUESTION_WEIGHT


def test_a_long_run_of_dated_items_is_a_list_not_a_sentence() -> None:
    stop = "参访当地企业办公室并出席签名会，晚间与球迷互动、分享心得，参加投篮比赛与摊位巡礼"
    items = "".join(f"6月2{day}日(周{day}){stop}" for day in range(1, 6))
    article = article_of("球星昨天抵达台北访问。\n行程如下：" + items + "。\n")
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert len(texts[-1]) > summary.LIST_MIN_CHARS
    assert summary._news_weights(article, texts)[-1] == summary.DECK_WEIGHT


def test_a_cry_or_question_without_a_figure_weighs_less_anywhere() -> None:
    text = (
        "夏天到了，水果摊前人潮不断。大家一定要好好吃水果啊！草莓每粒8大卡，荔枝每粒约10大卡！"
        "哪种水果热量最高？歌手某某投下不再续约的震撼弹！\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights == [1.0, summary.HOOK_WEIGHT, summary.FACT_WEIGHT, summary.QUESTION_WEIGHT, 1.0]


def test_a_sentence_that_repeats_a_chosen_one_is_not_chosen_again() -> None:
    # a deck and the lede that repeats it inside a longer sentence (review 3, S2)
    text = (
        "甘肃首批16所偏远山区学校中，有15所学校的1197名困难学生有望获得爱心运动鞋。\n"
        "本报讯6月13日上午，从公益行动组委会传来消息称，经初步审查，"
        "甘肃首批16所偏远山区学校中，有15所学校的1197名困难学生有望获得爱心运动鞋。\n"
        "截至目前已从平凉、白银、定西、临夏和兰州四地共征集到19所贫困受捐学校。\n"
        "活动组委会将在月底前把运动鞋送到孩子们手中。\n"
    )
    article = article_of(text)
    picked = [r.index for r in summarize(article, top=3)]
    assert not {0, 1} <= set(picked)
    assert bits(summarize(article, top=3)) == bits(reference_summarize(article, top=3))


def test_the_numbered_points_of_a_regulation_are_a_list() -> None:
    text = (
        "司机驾驶货车闯禁行，被交警查获。根据《快速路管理办法》第十四条，下列车辆只允许在地面一层通行："
        "（一）各类货车；（二）三轮汽车、拖拉机。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary._news_weights(article, texts)[-1] == summary.DECK_WEIGHT


def test_a_sentence_that_is_mostly_a_list_of_names_weighs_less() -> None:
    text = (
        "市图书馆新馆昨天开馆，首日接待读者三千多人。"
        "出席开馆仪式的还有张伟、王芳、李娜、刘洋、陈静、杨帆、赵磊、黄敏等嘉宾。"
        "新馆设有少儿阅览室、自习区、报告厅、展览厅、咖啡区、书店和停车场，面向全体市民免费开放，"
        "此前老馆因为面积太小、座位不足而长期排队。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == summary.ENUMERATION_WEIGHT  # names between a short frame
    assert weights[2] != summary.ENUMERATION_WEIGHT  # a list inside a sentence that tells something
    assert weights[0] == 1.0


def test_a_sentence_that_retells_the_event_of_a_chosen_one_is_not_chosen() -> None:
    text = (
        "3月8日上午，城南一处十字路口发生交通事故，一辆电动车与货车相撞，骑车男子受伤倒地。\n"
        "路过的一名护士立即上前查看伤情，并拨打了急救电话。\n"
        "3月8日上午9时许，她骑车经过城南十字路口，看到男子受伤倒地，就停车上前帮忙。\n"
        "男子被送往医院后已无生命危险，家属专程送来锦旗表示感谢。\n"
        "交警部门表示，事故原因正在进一步调查中。\n"
    )
    article = article_of(text)
    picked = [r.index for r in summarize(article, top=3)]
    assert 0 in picked and 2 not in picked
    assert bits(summarize(article, top=3)) == bits(reference_summarize(article, top=3))
    # the numbered points of a statement may share their date and still each tell a fact
    points = (
        "一、本次活动截至3月31日24时，共收到捐款1200笔，善款合计35万元。\n"
        "二、本次活动截至3月31日24时，共支出善款12万元，用于购买图书。\n"
        "三、剩余善款将用于下一期活动。\n"
    )
    assert [r.index for r in summarize(article_of(points), top=2)] == [0, 1]


def test_a_question_is_no_summary_sentence_even_with_a_figure() -> None:
    article = article_of(
        "今年股市已调整了3个月，后市是否会迎来反弹？\n下周两市共有35只股票面临解禁，解禁市值合计400亿元。\n"
        "其中一家公司解禁市值最大，为160亿元。\n"
    )
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary._news_weights(article, texts)[0] == summary.QUESTION_WEIGHT
    assert [r.index for r in summarize(article, top=1)] == [1]


def test_a_subhead_run_into_the_next_paragraph_is_its_own_line() -> None:
    article = article_of(
        "　　下周两市共有35只股票面临解禁，解禁市值合计400亿元。　　某公司解禁市值最高"
        "　　数据统计显示，9只股票解禁数量逾亿股，其中某公司解禁股数达24亿股。\n"
    )
    texts = [article.text[s.start : s.end].strip() for s in article.sentences]
    assert texts[1] == "某公司解禁市值最高"
    assert texts[2].startswith("数据统计显示")
    assert summary._news_weights(article, [article.text[s.start : s.end] for s in article.sentences])[1] == (
        summary.DECK_WEIGHT
    )


def test_a_photo_caption_is_no_summary_sentence_and_the_story_after_its_credit_is_the_lede() -> None:
    # the blocks take the captions and the credit out of the body: summary never sees them
    article = article_of(
        "市长昨天为新落成的图书馆剪彩，小朋友在馆内看书。\n"
        "记者王小明／摄影 全市第一座24小时图书馆昨天启用，藏书20万册，市长说，明年还要再建两座。\n"
        "图为儿童阅览区。\n"
        "馆方表示，开馆首日就有3000人入馆，借书人次创下纪录。\n"
    )
    sentences = article.sentences
    picked = [
        article.text[sentences[r.index].start : sentences[r.index].end] for r in summarize(article, top=2)
    ]
    assert picked[0].startswith("全市第一座24小时图书馆昨天启用")  # not the credit before it
    assert picked[1].startswith("馆方表示")


def test_a_lead_that_tells_a_figure_or_a_person_stays_the_lede() -> None:
    texts = [
        "一男子喝了一支不足10元的酒后继续驾车，治疗花了超过25万元。",
        "昨日，记者从法院获悉，去年共受理危险驾驶案件1819件。",
    ]
    assert summary.news_lede(texts) == 0
    assert summary.news_lede(["酒驾害人害己，代价往往超出想象。", *texts[1:]]) == 1
    # a count in words is a figure too: the lede that says how many tells the story
    assert summary.news_lede(["多家研究机构认为，新能源车的价格还会下降。", *texts[1:]]) == 0
    assert summary.news_lede(["数十名志愿者清理了河道。", *texts[1:]]) == 0


def test_a_lead_that_reports_the_news_stays_the_lede() -> None:
    # a first sentence that says who reported or revealed the fact is the story, not scene-setting
    follow_up = "校方今天表示，已成立专案小组调查此事。"
    for lead in (
        "媒体报道，一所大学的宿舍楼在深夜传出怪声，引发学生恐慌。",
        "知名杂志被曝旗下记者长期编造采访内容。",
        "医师提醒，夏季游泳时配戴隐形眼镜，要小心细菌感染。",
    ):
        assert summary.news_lede([lead, follow_up]) == 0
    assert summary.news_lede(["校园本该是最安全的地方。", follow_up]) == 1
    # a time told by the event before it (`仪式后，…`) is a time: the lede stays
    assert summary.news_lede(["欢迎仪式后，两国总理举行会谈。", "今天上午，双方签署了合作文件。"]) == 0


def test_a_sentence_that_tells_the_chosen_fact_again_is_not_chosen_too() -> None:
    text = (
        "市交通局今天宣布，全市公交车票价从下月起下调至一元，以鼓励市民绿色出行。"
        "交通局表示，全市公交车票价下月起将下调为一元，鼓励市民绿色出行。"
        "新票价实施后，预计每年可为市民节省交通支出约3亿元。"
        "部分市民认为，票价下调后应同步增加班次。\n"
    )
    article = article_of(text)
    picked = [r.index for r in summarize(article, top=2)]
    assert picked == [0, 2]  # the follow-up with its figure, not the lede said again
    assert summary._restates(summary._text_of(article, 1), summary._text_of(article, 0))
    # the part of a total is a follow-up: the shorter sentence brings a figure the other lacks
    assert not summary._restates("全市公交车票价下调3成。", "全市公交车票价下调，惠及全市广大市民。")
    assert summary._restates("全市公交车票价下调了。", "全市公交车票价下调，惠及全市广大市民。")
    # the fact retold, then a quotation: still the fact again
    assert summary._restates(
        "她说，三年前确诊癌症，如今又复发，「很怕一辈子都要抗癌。」",
        "单亲妈妈阿芳三年前确诊癌症，以为痊愈，如今却又复发。",
    )


@given(st.text(alphabet="甲乙丙丁a1", max_size=40), st.text(alphabet="甲乙丙戊b1", max_size=40))
def test_the_bit_parallel_common_subsequence_is_the_longest(a: str, b: str) -> None:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    assert summary.common_subsequence(a, b) == table[-1][-1]


def test_the_writers_conclusion_weighs_more() -> None:
    text = (
        "某县一座老桥上月封闭检修，附近居民绕行两公里上班。"
        "有居民说，检修已经拖了三个月，出行非常不便。"
        "笔者认为，老桥检修应当公开工期，让居民心中有数。"
        "综上，公开工期比催促工期更要紧。"
        "有人说“总之是要修的”，居民也只能等待。\n"
    )
    article = article_of(text)
    weights = weights_by_sentence(article)
    assert weights["笔者认为,老桥检修应当公开工期,让居民心中有数。"] == summary.THESIS_WEIGHT
    assert weights["综上,公开工期比催促工期更要紧。"] == summary.THESIS_WEIGHT
    assert weights["有居民说,检修已经拖了三个月,出行非常不便。"] == 1.0
    assert weights["有人说“总之是要修的”,居民也只能等待。"] == 1.0  # a conclusion word inside a quote


COMMENTARY = (
    "3日上午，某市一名男子在天桥上挂出写满债务的横幅求助。"
    "记者赶到时，男子坐在雨中，身旁堆着欠条。"
    "几名亲属正在向路人发放传单。（7月4日某某在线）\n"
    "这样的场面让围观者难以接受。\n"
    "遇到困难向社会求助没有错，但求助要有正确的方式和渠道。"
    "他可以向民政部门申请救助，也可以向慈善组织求助。\n"
    "把家中的困境挂上天桥，伤害的是自己的尊严，这种求助是不道德的炒作。\n"
)


def test_a_commentary_is_summarised_from_its_argument_not_three_sentences_of_the_news() -> None:
    article = article_of(COMMENTARY, title="求助不能靠炒作")
    assert summary.news_peg(article, len(article.sentences)) == 4
    picked = [ranked.index for ranked in summarize(article, top=3)]
    assert sum(1 for i in picked if i < 4) == 1
    assert len(article.sentences) - 1 in picked  # the last paragraph: the thesis
    assert bits(summarize(article, top=3)) == bits(reference_summarize(article, top=3))
    # without the citation the first paragraph is news, and the lead is the summary
    plain = article_of(COMMENTARY.replace("（7月4日某某在线）", ""), title="求助不能靠炒作")
    assert summary.news_peg(plain, len(plain.sentences)) == 0
    assert sum(1 for ranked in summarize(plain, top=3) if ranked.index < 3) >= 2
    # a citation that is no news source (`(详见第3版)`) is no peg
    assert summary.news_peg(article_of(COMMENTARY.replace("7月4日某某在线", "详见第3版")), 10) == 0


def test_a_phone_account_or_id_number_is_no_news_figure() -> None:
    text = (
        "某县公所开办微型保险，中低收入户可免费投保。"
        "县民有相关问题，欢迎与公所或社会处(05)5522655洽询。"
        "详情请拨打0800-066-628。"
        "今年共有1234567人投保，保费3.2万元。\n"
    )
    article = article_of(text)
    weights = weights_by_sentence(article)
    assert weights["县民有相关问题,欢迎与公所或社会处(05)5522655洽询。"] == summary.DECK_WEIGHT
    assert weights["详情请拨打0800-066-628。"] == summary.DECK_WEIGHT
    # a count, not a number to call
    assert weights["今年共有1234567人投保,保费3.2万元。"] == summary.FACT_WEIGHT
    assert weights["某县公所开办微型保险,中低收入户可免费投保。"] == 1.0


def test_what_both_sides_announced_or_signed_weighs_more() -> None:
    text = (
        "某国总理昨天同来访的另一国总理举行会谈。"
        "他表示，两国友谊历久弥新。"
        "两国总理宣布，将双边关系提升为战略伙伴关系。"
        "会谈后，双方共同见证签署经贸合作文件。"
        "该国去年宣布退出一项协定。"
        "2016年，两国元首共同宣布建立伙伴关系。\n"
    )
    article = article_of(text)
    weights = weights_by_sentence(article)
    assert weights["两国总理宣布,将双边关系提升为战略伙伴关系。"] == summary.OUTCOME_WEIGHT
    assert weights["会谈后,双方共同见证签署经贸合作文件。"] == summary.OUTCOME_WEIGHT
    assert weights["该国去年宣布退出一项协定。"] == 1.0  # one side's announcement is the story's own matter
    assert weights["他表示,两国友谊历久弥新。"] == 1.0
    assert weights["2016年,两国元首共同宣布建立伙伴关系。"] == summary.FACT_WEIGHT  # an earlier one, retold


def test_a_year_of_background_is_no_figure_of_the_news() -> None:
    text = (
        "某国总理昨天同来访的另一国总理举行会谈。"
        "2016年，两国领导人决定建立伙伴关系。"
        "2023年，两国贸易额增长12%。"
        "今年两国将互派留学生300名。\n"
    )
    article = parse_article(RawDocument("t", "t", text=text, published="2024-01-16"))
    weights = weights_by_sentence(article)
    assert weights["2016年,两国领导人决定建立伙伴关系。"] == summary.BACKGROUND_WEIGHT  # before the now
    assert weights["2023年,两国贸易额增长12%。"] == summary.FACT_WEIGHT  # last year's figures are news
    assert weights["今年两国将互派留学生300名。"] == summary.FACT_WEIGHT
    undated = article_of(text)
    texts = [undated.text[s.start : s.end] for s in undated.sentences]
    assert summary._news_weights(undated, texts)[1] == summary.FACT_WEIGHT  # no date to tell
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    said = "他说。「2016年我们就来过。」他笑了。\n"
    quoted = parse_article(RawDocument("t", "t", text=said, published="2024-01-16"))
    texts = [quoted.text[s.start : s.end] for s in quoted.sentences]
    assert summary._news_weights(quoted, texts)[1] == 1.0  # a year, not words alone without a figure


def test_a_saying_of_four_character_phrases_is_no_news() -> None:
    text = (
        "秋高气爽，层林尽染。"
        "各地共有12万名游客走进山区观赏红叶。"
        "景区的停车场和道路都已满员。"
        "降本增效、提质扩容，以创新驱动发展。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[0] == summary.DECK_WEIGHT
    assert weights[1] == summary.FACT_WEIGHT
    assert weights[3] == 1.0  # phrases that go on into a clause are a sentence
    assert summary.news_lede(texts) == 1  # the saying sets the scene; the next one tells it
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert 0 not in {s.index for s in summarize(article, top=2)}


def test_what_a_court_ruled_weighs_more() -> None:
    text = (
        "某男子前年在车站殴打路人致其重伤。"
        "法院审理认为其恶性重大，依重伤害罪判处该男子有期徒刑5年。"
        "该男子曾因盗窃被判处有期徒刑1年。"
        "二○一四年，法院判另一名被告无罪。"
        "他辩称当时酒醉，记忆不连贯。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == summary.OUTCOME_WEIGHT * summary.FACT_WEIGHT
    assert weights[2] == summary.FACT_WEIGHT  # a record retold
    assert weights[3] == 1.0  # a year in Chinese numerals: background retold
    assert weights[4] == 1.0
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])


def test_how_a_vote_a_case_or_an_illness_ended_weighs_more() -> None:
    text = (
        "某市一名初中生上月在校内被同学殴打，视频在网上流传。"
        "公安机关经调查，依法对打人学生作出行政拘留五日的处罚。"
        "教育局对该校校长停止工作，接受调查。"
        "按规定，违反者最重可撤职。"
        "此前，该校曾发生类似事件，校长被停职。"
        "家长表示，孩子目前情绪稳定。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == summary.OUTCOME_WEIGHT
    assert weights[2] == summary.OUTCOME_WEIGHT
    assert weights[3] == 1.0  # a penalty a rule threatens, no outcome
    assert weights[4] == 1.0  # an earlier case retold
    assert weights[5] == 1.0
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])


FEATURE = (
    "我国高铁运营里程已超过4万公里。"
    "这背后，离不开许多养护工人的默默付出。"
    "今天（6月3日）的《身边的榜样》，我们来认识某某工务段的线路工王某。"
    "王某从事钢轨探伤工作28年，累计检查线路12万公里。"
    "他带领班组发明的检测工具，把探伤效率提高了3倍。"
    "如今，他已带出徒弟40多名。\n"
)


def test_a_programme_intro_frames_the_feature_and_the_summary_takes_one_sentence_of_the_frame() -> None:
    article = article_of(FEATURE)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary.programme_frame(texts) == 3
    picked = [ranked.index for ranked in summarize(article, top=3)]
    assert sum(1 for i in picked if i < 3) == 1
    assert bits(summarize(article, top=3)) == bits(reference_summarize(article, top=3))
    # the presenter may name whom we follow before the verb
    assert (
        summary.programme_frame([*texts[:2], "今天，我们就跟随一位养护工人，来看看钢轨的体检。", *texts[3:]])
        == 3
    )
    # a presenter's intro as the first sentence frames nothing before it
    assert summary.programme_frame(texts[2:]) == 0
    # nor does a sentence that only names a programme
    assert summary.programme_frame([texts[0], "今天的《身边的榜样》播出了第3期。", *texts[3:]]) == 0
    # without the intro the opening is the lead as usual
    plain = article_of(FEATURE.replace("今天（6月3日）的《身边的榜样》，我们来认识", "其中就有"))
    assert summary.programme_frame([plain.text[s.start : s.end] for s in plain.sentences]) == 0


def test_a_long_exclamation_tells_the_story_and_is_no_cry() -> None:
    text = (
        "出道多年的歌手某某昨晚在电视节目中挑战一首经典老歌，不论是气音、颤音还是娃娃音都很迷人，让现场观众听得如痴如醉，别有一番风情啊！\n"
        "真好听啊！\n"
        "她出道已有10年，发表过3张专辑。\n"
    )
    article = article_of(text)
    weights = weights_by_sentence(article)
    long_cry = next(key for key in weights if key.endswith("别有一番风情啊!"))
    assert len(long_cry) > summary.CRY_MAX_CHARS
    assert weights[long_cry] == 1.0
    assert weights["真好听啊!"] == summary.HOOK_WEIGHT
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary.news_lede(texts) == 0  # it tells who and what: the lede stays
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])


def test_a_one_line_opener_the_news_lede_follows_weighs_less() -> None:
    text = (
        "好山好水出好茶。"
        "今天，某县第十届春茶节开幕，吸引游客2万人次。"
        "茶农们说，今年的春茶品质好，价格也比去年高。"
        "好山好水出好茶，当地的茶园面积已经扩大到5万亩。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary.news_lede(texts) == 1
    ranked = rank_sentences(article)
    assert bits(ranked) == bits(reference_rank(article)[0])
    assert 0 not in {s.index for s in summarize(article, top=2)}
    # a longer first sentence without time keeps its weight: it may tell the story
    longer = article_of(text.replace("好山好水出好茶。", "好山好水出好茶，这里的茶农世世代代以种茶为生。", 1))
    assert bits(rank_sentences(longer)) == bits(reference_rank(longer)[0])
    assert summary.OPENER_WEIGHT < 1.0 and len(texts[0]) <= summary.OPENER_MAX_CHARS < len(
        longer.text[longer.sentences[0].start : longer.sentences[0].end]
    )


def test_a_general_statement_before_the_news_names_no_one_and_weighs_less() -> None:
    text = (
        "健康是每个人最宝贵的财富。"
        "某市第一医院的陈医生已经连续三个星期没有休息。"
        "他和同事一起为社区老人做了免费体检。"
        "陈医生说，社区里的老人很多都没有做过体检。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary.news_lede(texts) == 1  # the general statement names no one: the story starts next
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert 0 not in {s.index for s in summarize(article, top=2)}
    # a trend without a time or a figure before the news is a general statement too
    trend = ["近年来，网络诈骗日益猖獗。", "本月3日，警方破获一起诈骗案，抓获嫌疑人12名。"]
    assert summary.news_lede(trend) == 1
    hook = ["说起网购，很多人想到的是便宜。", "某市消协发布的报告显示，网购投诉量增长了3成。"]
    assert summary.news_lede(hook) == 1
    # with a figure or a time it tells the news: the lede stays
    for lead in (
        "随着气温升高，今天全市用电负荷创下新高。",
        "越来越多的市民选择骑车出行，共享单车日均骑行量达到20万次。",
    ):
        assert summary.news_lede([lead, "市民王先生说，他每天骑车上班。"]) == 0


def test_the_writer_speaking_to_the_reader_is_no_news() -> None:
    text = (
        "本周六上午，某区第三届龙舟赛在城南河道举行，共有12支队伍参赛。"
        "下面跟着小编一起来看看比赛现场。"
        "经过激烈角逐，城东村代表队夺得冠军。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == summary.DECK_WEIGHT
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert {s.index for s in summarize(article, top=2)} == {0, 2}
    # with a figure the writer reports a fact: it keeps its weight
    found = article_of("据网友提供的线索，小编查询到，2月共发生地震5次。")
    found_texts = [found.text[s.start : s.end] for s in found.sentences]
    assert summary._news_weights(found, found_texts)[0] == summary.FACT_WEIGHT
    # a greeting first passes the lede on to the sentence that tells who or when
    assert summary.news_lede(["各位读者，大家好！", "昨天，某市发生一起火灾，3人受伤。"]) == 1


def test_a_line_that_only_names_who_attended_weighs_less() -> None:
    text = (
        "某省今天上午召开全省安全生产工作会议，部署今冬明春安全生产工作。"
        "副省长王某某出席会议。"
        "会议要求，各地要深入排查隐患，坚决遏制重特大事故发生。"
        "会议由省政府秘书长李某主持。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    weights = summary._news_weights(article, texts)
    assert weights[1] == weights[3] == summary.ATTENDANCE_WEIGHT < 1.0
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert {s.index for s in summarize(article, top=2)} == {0, 2}
    # a count of who attended is a figure of the news
    many = article_of("全省各市县负责人共120余人参加会议。")
    many_texts = [many.text[s.start : s.end] for s in many.sentences]
    assert summary._news_weights(many, many_texts)[0] == summary.FACT_WEIGHT
    # greetings conveyed are protocol too; greetings and then what was said are not only that
    for line, weight in (
        ("王部长首先转达了省长对与会代表的亲切问候。", summary.ATTENDANCE_WEIGHT),
        ("王部长转达了亲切问候，表示愿意扩大两地合作。", 1.0),
    ):
        greeted = article_of(line)
        assert summary._news_weights(greeted, [line])[0] == weight


def test_an_earlier_event_told_first_gives_the_lede_to_the_news() -> None:
    text = (
        "2009年，某县一家纺织厂因资金链断裂停产，数百名工人被拖欠工资。\n"
        "近日，县法院将该厂的厂房和设备拍卖成交，所得款项优先用于支付工人工资。\n"
        "拍卖共吸引了6家企业竞价。\n"
    )
    article = parse_article(RawDocument("t", "t", text=text, published="2018-12-12"))
    texts = [article.text[s.start : s.end] for s in article.sentences]
    background = summary.background_sentences(article, texts)
    assert background == [True, False, False]  # 近日 tells the now
    assert summary.news_lede(texts, background) == 1
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert summarize(article, top=1)[0].index == 1
    undated = article_of(text)
    assert summary.background_sentences(undated, texts) == [False, False, False]  # no now to tell
    assert summarize(undated, top=1)[0].index == 0


def test_background_is_an_earlier_year_before_the_now() -> None:
    text = (
        "某市昨天启动老旧小区改造工程。"
        "该市的第一批商品房建于1998年，至今已有二十多年。"
        "这些小区大多建于1990年前后，管线老化。"
        "该小区居民王某某1965年3月出生，在这里住了一辈子。"
        "十五年前，该市曾改造过一次供水管网。"
        "今年全市将改造小区120个。\n"
    )
    article = parse_article(RawDocument("t", "t", text=text, published="2024-05-08"))
    texts = [article.text[s.start : s.end] for s in article.sentences]
    background = summary.background_sentences(article, texts)
    assert background == [False, False, True, False, True, False]  # a span to now, a birth: no
    weights = summary._news_weights(article, texts, background)
    assert weights[2] == summary.BACKGROUND_WEIGHT  # no figure of the news either
    assert weights[1] == summary.FACT_WEIGHT
    assert weights[5] == summary.FACT_WEIGHT
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    ending = "某市昨天启动改造。这些小区建于1990年。\n"
    last = parse_article(RawDocument("t", "t", text=ending, published="2024-05-08"))
    texts = [last.text[s.start : s.end] for s in last.sentences]
    assert summary.background_sentences(last, texts) == [False, False]  # nothing after it tells the now


def test_years_ago_are_two_or_more_and_no_year_of_the_republic() -> None:
    assert summary._tells_years_ago("他六年前曾在此肇事。")
    assert summary._tells_years_ago("长子20多年前车祸身亡。")
    assert summary._tells_years_ago("十二年前,工厂停产。")
    assert not summary._tells_years_ago("他1年前搬来。")
    assert not summary._tells_years_ago("民国91年前,国宅不能买卖。")  # before that year
    assert not summary._tells_years_ago("今年前三季营收增长。")
    assert not summary._tells_years_ago("2014年前后,该厂停产。")  # a year, told as one


def test_a_menu_of_links_between_bars_is_furniture() -> None:
    text = (
        "某市人事考试网：报名公告|岗位一览|报考须知|考试安排|成绩查询|常见问题|网上缴费|准考证打印\n"
        "截至今天上午，全市已有3200人报名参加考试，其中1800人通过审核。\n"
        "报名将于本周五结束，考生可在网上缴费。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary._news_weights(article, texts)[0] == summary.DECK_WEIGHT
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert [s.index for s in summarize(article, top=1)] == [1]
    # a bar or two inside a sentence (a title and its site) is no menu
    assert not summary._is_menu("某地召开会议|某某网")
    assert summary._is_menu("考试:公告|职位表|报考指南|考试大纲")


def test_a_short_exclamation_opening_the_article_is_a_hook() -> None:
    text = (
        "夜市美食又添新成员！\n"
        "某市夜市管理处昨天宣布，今年起每周五晚上开放50个新摊位，供青年创业者申请。\n"
        "管理处表示，申请将于下月底截止。\n"
    )
    article = article_of(text)
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert summary._news_weights(article, texts)[0] == summary.HOOK_WEIGHT
    assert summary.news_lede(texts) == 1
    assert bits(rank_sentences(article)) == bits(reference_rank(article)[0])
    assert [s.index for s in summarize(article, top=1)] == [1]
    # a short exclamation with a figure states the news (`…3天吸引超15万人！`); a longer one
    # that tells who did what is no hook either
    assert summary.news_lede(["樱花怒放，3天吸引超15万人！", texts[1]]) == 0
    assert not summary._opens_no_story("某市议员在议会质询时突然宣布将不再竞选连任，引起全场哗然！")


@pytest.mark.parametrize("isolated", [False, True])
def test_pagerank_is_the_plain_power_iteration(isolated: bool) -> None:
    # a triangle, and with `isolated` a fourth sentence that shares no term (a dangling node,
    # whose rank goes back to every node by the teleport): the same floats as the textbook loop
    graph: list[list[tuple[int, float]]] = [[(1, 0.5), (2, 1.5)], [(0, 0.5), (2, 2.0)], [(0, 1.5), (1, 2.0)]]
    if isolated:
        graph.append([])
    n = len(graph)
    teleport = summary.lead_prior(n)
    damping = summary.DAMPING
    out_weight = [sum(w for _, w in edges) for edges in graph]
    rank = teleport[:]
    for _ in range(summary.ITERATIONS):
        new = [(1 - damping) * t for t in teleport]
        dangling = sum(rank[j] for j in range(n) if out_weight[j] == 0)
        if dangling:
            new = [x + damping * dangling * t for x, t in zip(new, teleport)]
        for j, edges in enumerate(graph):
            for i, weight in edges:
                new[i] += damping * rank[j] / out_weight[j] * weight
        change = sum(abs(a - b) for a, b in zip(new, rank))
        rank = new
        if change < summary.CONVERGED:
            break
    assert summary._pagerank(graph, teleport) == rank
    assert rank[-1] > 0
