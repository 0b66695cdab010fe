"""How often `figures` names what a count, money or percent figure counts.

Reads `newsctl figures -f jsonl` output over the shared corpus (runs it with this
checkout's newsctl unless --from names a saved output) and prints the share of
count, money and percent figures that have a non-null `counted`, by kind, over all
of them and over those whose measure word can name what they count (see
UNNAMEABLE_UNITS). With
--sample N it also prints N random figures with a `counted` and N without, each
with the text around it, for reading by hand.

    python bench/figures_counted.py                         # the share, by kind
    python bench/figures_counted.py --sample 40 --seed 1    # and 40 + 40 figures to read
    python bench/figures_counted.py --from out.jsonl        # from a saved run
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
COUNTED_KINDS = ("count", "money", "percent")
# Counts whose measure word says how often or at what grade, never how many of a thing: the
# contract's `counted` ("what is counted, when the text says so") has nothing to name for them.
# 度 counts times (二度中风, 两度会晤: the analyzer never reads one); 级 is a grade (三级医院, 4～6级偏北风,
# 九级伤残, 四级应急响应) or a number of tiers named by a list before it (市、县、乡三级), not a count
# of the noun after it. The second measure leaves these out of the denominator.
UNNAMEABLE_UNITS = frozenset({"度", "级"})


def _documents(args: argparse.Namespace) -> list[dict[str, Any]]:
    if args.source:
        lines = Path(args.source).read_text(encoding="utf-8").splitlines()
    else:
        newsctl = Path(sys.executable).parent / "newsctl"
        run = subprocess.run(
            [str(newsctl), "figures", "-f", "jsonl", str(args.corpus)],
            check=True,
            capture_output=True,
            text=True,
        )
        lines = run.stdout.splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=str(SHARED_CORPUS))
    parser.add_argument("--from", dest="source", help="a saved `figures -f jsonl` output")
    parser.add_argument("--sample", type=int, default=0, help="print N figures with and N without")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    texts = {}
    for line in Path(args.corpus).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            texts[str(record.get("id"))] = record.get("text") or ""
    total: Counter[str] = Counter()
    named: Counter[str] = Counter()
    nameable_total: Counter[str] = Counter()
    nameable_named: Counter[str] = Counter()
    with_counted: list[tuple[str, dict[str, Any]]] = []
    without: list[tuple[str, dict[str, Any]]] = []
    for doc in _documents(args):
        for figure in doc.get("figures") or []:
            kind = figure["kind"]
            if kind not in COUNTED_KINDS:
                continue
            total[kind] += 1
            nameable = not (kind == "count" and figure["unit"] in UNNAMEABLE_UNITS)
            nameable_total[kind] += nameable
            if figure["counted"]:
                named[kind] += 1
                nameable_named[kind] += nameable
                with_counted.append((doc["id"], figure))
            else:
                without.append((doc["id"], figure))
    for title, of, among in (
        ("all count, money and percent figures", named, total),
        ("leaving out counts of times and grades (度, 级)", nameable_named, nameable_total),
    ):
        print(f"# {title}")
        for kind in (*COUNTED_KINDS, "all"):
            n = sum(among.values()) if kind == "all" else among[kind]
            k = sum(of.values()) if kind == "all" else of[kind]
            print(f"{kind:8} {k:6} / {n:6} = {100 * k / max(n, 1):5.1f} % with counted")
    if args.sample:
        rng = random.Random(args.seed)
        for title, pool in (("with counted", with_counted), ("without counted", without)):
            print(f"\n## {title}")
            for doc_id, figure in rng.sample(pool, min(args.sample, len(pool))):
                start, end = figure["span"]
                text = texts.get(doc_id, "")
                context = (
                    text[max(0, start - 20) : start] + "[" + text[start:end] + "]" + text[end : end + 20]
                )
                context = context.replace("\n", " ")
                print(f"{figure['kind']:7} {figure['counted'] or '-':12} {context}")


if __name__ == "__main__":
    main()
