"""Linear time on adversarial input: every analysis over inputs of doubling size.

For each pattern (`((((`, `一一一…`, `2019年2019年…`, endless digits, `多多多`,
and real text) the time of a full `analyze` is printed per size with the
ratio to the previous size: about 2.0 means linear, 4.0 quadratic.

    python bench/linear.py [--max-kb 800]
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

from newsctl.pipeline import Options, process
from newsctl.read import RawDocument

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1af901b8fa6e4dc4.txt"
PATTERNS = {
    "parens": "((((",
    "yi": "一",
    "years": "2019年",
    "digits": "1234567890",
    "duo": "多",
    "dates": "2019-",
    "quotes": "“《",
    "seed text": SEED.read_text(encoding="utf-8"),
}


def seconds_for(text: str, options: Options) -> float:
    raw = RawDocument("bench", "bench", text=text, sha256="0" * 64, encoding="utf-8")
    start = time.perf_counter()
    doc = process(raw, options)
    elapsed = time.perf_counter() - start
    if doc.error is not None:
        raise SystemExit(f"analysis failed: {doc.error}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-kb", type=int, default=800)
    args = parser.parse_args()
    options = Options(max_bytes=1 << 30)
    seconds_for(PATTERNS["seed text"], options)  # load dictionaries once
    sizes = []
    kb = 50
    while kb <= args.max_kb:
        sizes.append(kb)
        kb *= 2
    print("pattern      " + "".join(f"{s:>9} KB" for s in sizes) + "   growth per doubling")
    for name, unit in PATTERNS.items():
        times = []
        for size in sizes:
            chars = size * 1024 // 3  # about 3 UTF-8 bytes per Han character
            text = (unit * (chars // len(unit) + 1))[:chars]
            times.append(seconds_for(text, options))
        ratios = [b / a for a, b in itertools.pairwise(times) if a > 0]
        print(
            f"{name:12} "
            + "".join(f"{t:10.2f}s" for t in times)
            + "   "
            + " ".join(f"{r:.1f}" for r in ratios)
        )


if __name__ == "__main__":
    main()
