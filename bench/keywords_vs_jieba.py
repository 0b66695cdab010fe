"""Keyword quality benchmark: newsctl vs jieba's own `jieba.analyse.extract_tags`.

Both systems run in this one process over the CSL development abstracts in
../shared/eval/keywords.dev.jsonl (read at run time; nothing from it is stored
in the repository) and see the same cleaned text: newsctl's cleaning and
article parsing, then the body paragraphs newsctl itself segments. The scores
come from the evaluation kit's own scorer (`evalkit.tasks.keywords.score`), so
the numbers are the ones `score.py keywords` prints.

    python bench/keywords_vs_jieba.py [--limit N] [--segmenter auto|jieba|rjieba] [--show N]
    python bench/keywords_vs_jieba.py --throughput ../shared/corpus/news.jsonl

`--throughput FILE` (jsonl articles) instead times, in this one process and on
the same cleaned body text: bare `jieba.lcut` (an own Tokenizer), bare
`rjieba.cut`, and newsctl's whole keyword extraction with each segmenter.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).resolve().parents[2] / "shared" / "eval"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news.jsonl"
Case = dict[str, Any]


def load_cases(path: Path, limit: int) -> list[Case]:
    cases = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                cases.append(json.loads(line))
            if limit and len(cases) >= limit:
                break
    return cases


def as_doc(case: Case, terms: list[str]) -> dict[str, Any]:
    return {"id": case["id"], "keywords": [{"term": t} for t in terms]}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--eval-dir", default=str(EVAL_DIR))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--segmenter", default="auto", choices=["auto", "jieba", "rjieba"])
    parser.add_argument("--method", default="tfidf", choices=["tfidf", "textrank"])
    parser.add_argument("--show", type=int, default=0, help="print N cases with both systems' terms")
    parser.add_argument("--throughput", metavar="JSONL", nargs="?", const=str(CORPUS), help="time instead")
    args = parser.parse_args()
    if args.throughput:
        throughput(Path(args.throughput), args.method)
        return

    eval_dir = Path(args.eval_dir)
    sys.path.insert(0, str(eval_dir))
    sys.dont_write_bytecode = True  # keep the shared folder free of __pycache__
    from evalkit.tasks import keywords as scorer

    from newsctl.article import parse_article
    from newsctl.clean import clean_text
    from newsctl.keywords import body_text, extract_keywords
    from newsctl.read import RawDocument
    from newsctl.segment import get_segmenter

    cases = load_cases(eval_dir / "keywords.dev.jsonl", args.limit)
    articles = []
    for case in cases:
        raw = RawDocument(id=case["id"], path=case["id"], text=case["text"], published=case.get("published"))
        articles.append(parse_article(raw, clean_text(case["text"])))

    segmenter = get_segmenter(args.segmenter)

    def newsctl_terms(article: Any) -> list[str]:
        found = extract_keywords(article, segmenter, top=args.top, method=args.method)
        return [k.term for k in found]

    import jieba
    import jieba.analyse

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    def jieba_terms(article: Any) -> list[str]:
        return jieba.analyse.extract_tags(body_text(article), topK=args.top)

    systems: dict[str, Callable[[Any], list[str]]] = {
        f"newsctl ({segmenter.name}, {args.method})": newsctl_terms,
        "jieba extract_tags": jieba_terms,
    }
    predictions: dict[str, list[list[str]]] = {}
    print(f"{len(cases)} CSL dev abstracts from {eval_dir / 'keywords.dev.jsonl'}")
    print(f"{'system':34} {'F1@5':>6} {'F1@10':>6} {'lenF1@5':>8} {'lenF1@10':>9} {'seconds':>8}")
    for name, system in systems.items():
        started = time.perf_counter()
        predictions[name] = [system(article) for article in articles]
        elapsed = time.perf_counter() - started
        docs = [as_doc(case, terms) for case, terms in zip(cases, predictions[name])]
        res = scorer.score(cases, docs)["all"]
        print(
            f"{name:34} {100 * res['strict_f1@5']:6.1f} {100 * res['strict_f1@10']:6.1f}"
            f" {100 * res['lenient_f1@5']:8.1f} {100 * res['lenient_f1@10']:9.1f} {elapsed:8.2f}"
        )
    for case, *terms in list(zip(cases, *predictions.values()))[: args.show]:
        print(f"--- {case['id']}  gold: {case['keywords']}")
        for name, found in zip(predictions, terms):
            print(f"  {name}: {found}")


def throughput(path: Path, method: str) -> None:
    from newsctl.article import parse_article
    from newsctl.clean import clean_text
    from newsctl.keywords import body_text, extract_keywords
    from newsctl.read import RawDocument
    from newsctl.segment import get_segmenter

    articles = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            record = json.loads(line)
            raw = RawDocument(id=str(record.get("id", number)), path=str(path), text=record["text"])
            articles.append(parse_article(raw, clean_text(record["text"])))
    texts = [body_text(a) for a in articles]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    import jieba
    import rjieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    segmenters = {name: get_segmenter(name) for name in ("jieba", "rjieba")}
    for segmenter in segmenters.values():  # warm up: dictionary tables, lexicon memo
        extract_keywords(articles[0], segmenter, method=method)
    runs: dict[str, Callable[[], object]] = {
        "jieba.lcut (bare)": lambda: [tokenizer.lcut(t) for t in texts],
        "rjieba.cut (bare)": lambda: [rjieba.cut(t) for t in texts],
    }
    for name, segmenter in segmenters.items():
        runs[f"newsctl keywords ({name}, {method})"] = lambda s=segmenter: [
            extract_keywords(a, s, method=method) for a in articles
        ]
    print(f"{len(texts)} articles, {megabytes:.2f} MB of cleaned body text from {path}")
    print(f"{'run':40} {'seconds':>8} {'MB/s':>7} {'docs/s':>8}")
    for name, run in runs.items():
        started = time.perf_counter()
        run()
        elapsed = time.perf_counter() - started
        print(f"{name:40} {elapsed:8.2f} {megabytes / elapsed:7.2f} {len(texts) / elapsed:8.0f}")


if __name__ == "__main__":
    main()
