"""Summary quality benchmark: newsctl's ranking vs Lead-3 and plain TextRank.

Reference: each article's headline from ../shared/corpus/news.jsonl (the
summarizer never sees it). Metric: character-level ROUGE-1/ROUGE-2 recall of
the headline by the 3 chosen sentences, ROUGE-1/2 F1 of the single best
sentence, and ROUGE-L F1 (longest common character subsequence) of both. Real
text, read at run time; nothing from the corpus is stored.

    python bench/summary_rouge.py [--limit N] [--by-collection] [--dump FILE]

`--by-collection` adds a table per corpus collection (the margin over Lead
must hold in each, not only overall); `--dump` writes one JSON line per
article with each system's picks and scores, to read the losses.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from pathlib import Path

from newsctl.article import Article, parse_article
from newsctl.read import RawDocument
from newsctl.summary import summarize

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"
_KEEP = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def grams(text: str, n: int) -> Counter[str]:
    chars = _KEEP.findall(text)
    return Counter("".join(chars[i : i + n]) for i in range(len(chars) - n + 1))


def rouge(candidate: str, reference: str, n: int) -> tuple[float, float]:
    """(recall, F1) of character n-grams."""
    cand, ref = grams(candidate, n), grams(reference, n)
    overlap = sum((cand & ref).values())
    recall = overlap / max(1, sum(ref.values()))
    precision = overlap / max(1, sum(cand.values()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return recall, f1


def rouge_l(candidate: str, reference: str) -> float:
    """F1 of the longest common subsequence of characters (ROUGE-L)."""
    cand, ref = _KEEP.findall(candidate), _KEEP.findall(reference)
    if not cand or not ref:
        return 0.0
    previous = [0] * (len(ref) + 1)
    for char in cand:
        current = [0]
        for j, other in enumerate(ref):
            current.append(previous[j] + 1 if char == other else max(previous[j + 1], current[j]))
        previous = current
    common = previous[-1]
    if not common:
        return 0.0
    recall, precision = common / len(ref), common / len(cand)
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--by-collection", action="store_true")
    parser.add_argument("--dump", default="")
    args = parser.parse_args()
    from newsctl.clean import clean_text

    systems = {
        "lead-3": lambda a, k: list(range(min(k, len(a.sentences)))),
        "textrank": lambda a, k: [r.index for r in summarize(a, top=k, lead_bias=False, redundancy=1.0)],
        "newsctl": lambda a, k: [r.index for r in summarize(a, top=k)],
    }
    scores: dict[str, dict[str, list[float]]] = {s: {} for s in systems}
    by_collection: dict[str, dict[str, dict[str, list[float]]]] = {}
    rows: list[dict[str, object]] = []
    count = 0
    with open(args.corpus, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            title, text = record.get("title"), record.get("text")
            if not title or not text:
                continue
            raw = RawDocument(id=record["id"], path="corpus", text=text, published=record.get("published"))
            article = parse_article(raw)
            if len(article.sentences) < 4:
                continue
            reference = clean_text(title).text
            collection = record.get("collection") or "?"
            per_collection = by_collection.setdefault(collection, {s: {} for s in systems})
            row: dict[str, object] = {"id": record["id"], "collection": collection}
            for name, pick in systems.items():
                top3 = " ".join(_plain(article, i) for i in pick(article, 3))
                best = pick(article, 1)
                top1 = _plain(article, best[0]) if best else ""
                for label, value in (
                    ("R1 recall@3", rouge(top3, reference, 1)[0]),
                    ("R2 recall@3", rouge(top3, reference, 2)[0]),
                    ("R1 F1@1", rouge(top1, reference, 1)[1]),
                    ("R2 F1@1", rouge(top1, reference, 2)[1]),
                    ("RL F1@1", rouge_l(top1, reference)),
                    ("RL F1@3", rouge_l(top3, reference)),
                ):
                    scores[name].setdefault(label, []).append(value)
                    per_collection[name].setdefault(label, []).append(value)
                row[name] = {
                    "top1": best,
                    "top3": pick(article, 3),
                    "rl1": rouge_l(top1, reference),
                    "rl3": rouge_l(top3, reference),
                }
            rows.append(row)
            count += 1
            if args.limit and count >= args.limit:
                break
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as dump:
            dump.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    print(f"{count} articles with >= 4 body sentences; reference = headline (unseen by the summarizer)")
    _table(scores)
    if args.by_collection:
        for collection, table in sorted(by_collection.items()):
            size = len(next(iter(table["lead-3"].values()), []))
            print(f"\n{collection} ({size} articles)")
            _table(table)


def _plain(article: Article, index: int) -> str:
    sentence = article.sentences[index]
    return article.text[sentence.start : sentence.end]


def _table(scores: dict[str, dict[str, list[float]]]) -> None:
    labels = list(next(iter(scores.values())).keys())
    print(f"{'system':10}" + "".join(f"{label:>14}" for label in labels))
    for name, table in scores.items():
        print(f"{name:10}" + "".join(f"{100 * statistics.mean(table[label]):14.2f}" for label in labels))


if __name__ == "__main__":
    main()
