"""CPU seconds per MB of each pipeline stage, in one process, on the shared sample.

Reading and JSON output are left out; each stage is timed over all articles
after the articles were cleaned and parsed once, best of `--runs` passes (the
first pass pays for per-process memos: use `--runs 1` for it).

    python bench/stages.py                       # every stage, best of 3
    python bench/stages.py figures --runs 1      # one stage, first pass only
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
STAGES = ("clean", "article", "summary", "keywords", "timeline", "figures")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stages", nargs="*", help=f"any of {', '.join(STAGES)} (default: all)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    unknown = set(args.stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(sorted(unknown))}")
    stages = args.stages or list(STAGES)
    os.environ.setdefault("NEWSCTL_CACHE_DIR", str(ROOT / "bench" / "out" / "cache"))
    sys.path.insert(0, str(ROOT))
    from newsctl.article import parse_article
    from newsctl.clean import clean_text
    from newsctl.pipeline import ANALYZERS, Options, process, timezone_from
    from newsctl.read import RawDocument
    from newsctl.records import Document

    records = [json.loads(line) for line in SHARED_CORPUS.read_text(encoding="utf-8").splitlines() if line]
    raws = [
        RawDocument(  # with the record's title and source, as `newsctl` reads a JSONL record
            id=str(i),
            path="-",
            text=r["text"],
            published=r.get("published"),
            title=r.get("title"),
            source=r.get("source"),
        )
        for i, r in enumerate(records)
        if r.get("text")
    ]
    megabytes = sum(len(raw.text.encode("utf-8")) for raw in raws if raw.text) / 1e6
    options, tz = Options(), timezone_from(None)
    process(raws[0], options)  # load dictionaries and compile patterns outside the timing
    prepared = []
    for raw in raws:
        assert raw.text is not None
        cleaned = clean_text(raw.text)
        prepared.append((raw, cleaned, parse_article(raw, cleaned, tz=tz)))
    print(f"{len(raws)} articles, {megabytes:.2f} MB of text; CPU seconds per MB, best of {args.runs}")
    for stage in stages:
        best = float("inf")
        for _ in range(args.runs):
            started = time.process_time()
            for raw, cleaned, article in prepared:
                if stage == "clean":
                    clean_text(raw.text or "")
                elif stage == "article":
                    parse_article(raw, cleaned, tz=tz)
                else:
                    ANALYZERS[stage](article, options, Document(id=raw.id, path=raw.path))
            best = min(best, time.process_time() - started)
        print(f"  {stage:9} {best / megabytes:6.3f} s/MB  ({best:.2f} s)")


if __name__ == "__main__":
    main()
