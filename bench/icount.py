"""Instructions one pipeline stage costs, counted by valgrind: a number that does
not drift with the machine's load, for judging a code change (wall and CPU time
on a shared machine moved by up to 2x between runs).

    python bench/icount.py analyze                 # first pass over the first 150 articles
    python bench/icount.py timeline --warm         # a second pass, per-process memos filled
    python bench/icount.py figures --repo ../old   # the same stage in another checkout
    python bench/icount.py analyze --jobs 2        # what --jobs 2 costs beyond --jobs 1

Two runs under `valgrind --tool=cachegrind`: one that prepares the articles and
stops, one that also runs the stage; the difference is the stage. Needs valgrind.

With --jobs N, `newsctl analyze` itself runs over the first --docs articles
repeated --copies times (as the bench corpus repeats the sample), once with one
job and once with N, and every process is counted. A forked worker's count
starts from its parent's count at the fork, so what a worker inherited is taken
off: the count of the worker that stays idle in a two-document run. What is left
over the one-job run is what parallel work costs in itself (pickling, each
worker filling its own memos, the pool): the ceiling it puts on scaling is N
over that ratio, on a machine whose cores are really free.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
STAGES = ("clean", "article", "summary", "keywords", "timeline", "figures", "analyze")

# Runs inside valgrind: prepare the first N articles, then (when asked) run the stage.
STAGE_RUN = """
import json, sys
repo, corpus, stage, count, warm, measure = sys.argv[1:7]
sys.path.insert(0, repo)
from newsctl.article import parse_article
from newsctl.clean import clean_text
from newsctl.pipeline import ANALYZERS, Options, process, timezone_from
from newsctl.read import RawDocument
from newsctl.records import Document
records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
# with the record's title and source, as `newsctl` reads a JSONL record: rules read them
raws = [RawDocument(id=str(i), path="-", text=r["text"], published=r.get("published"),
                    title=r.get("title"), source=r.get("source"))
        for i, r in enumerate(records) if r.get("text")][: int(count)]
options, tz = Options(), timezone_from(None)
process(raws[0], options)  # load dictionaries and compile patterns in both runs
import gc; gc.freeze()  # as a run does after its first document (pipeline._settle_loaded_objects)
prepared = [(raw, parse_article(raw, clean_text(raw.text), tz=tz)) for raw in raws]
def run_stage():
    for raw, article in prepared:
        if stage == "clean":
            clean_text(raw.text)
        elif stage == "article":
            parse_article(raw, article.cleaned, tz=tz)
        elif stage == "analyze":
            process(raw, options)
        else:
            ANALYZERS[stage](article, options, Document(id=raw.id, path=raw.path))
if warm == "1":
    run_stage()
if measure == "1":
    run_stage()
"""


def cachegrind(argv: list[str], env: dict[str, str], out_file: str) -> str:
    """Runs argv under cachegrind; its stderr (valgrind's summary). A run that
    fails would count as nothing: it stops here with its error instead."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out_file}", *argv]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if done.returncode != 0:
        sys.exit(done.stderr[-3000:])
    return done.stderr


def instructions(argv: list[str], env: dict[str, str]) -> int:
    stderr = cachegrind(argv, env, "/dev/null")
    found = re.search(r"I\s+refs:\s+([\d,]+)", stderr)
    if found is None:
        sys.exit(stderr[-3000:] or "valgrind printed no instruction count")
    return int(found.group(1).replace(",", ""))


def process_counts(argv: list[str], env: dict[str, str], folder: Path) -> list[int]:
    """Instructions of each process of a run (the first is the parent), one
    cachegrind file per process."""
    for old in folder.glob("cg.*"):
        old.unlink()
    cachegrind(argv, env, str(folder / "cg.%p"))
    counts = []
    for path in sorted(folder.glob("cg.*"), key=lambda p: int(p.suffix[1:])):  # pids rise: parent first
        found = re.search(r"^summary:\s+(\d+)", path.read_text(), re.MULTILINE)
        if found is None:
            sys.exit(f"no instruction count in {path}")
        counts.append(int(found.group(1)))
    return counts


def parallel_overhead(args: argparse.Namespace, env: dict[str, str]) -> None:
    import tempfile

    with open(SHARED_CORPUS, encoding="utf-8") as handle:
        lines = [line for line in handle if '"text"' in line][: args.docs]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus, pair = folder / "corpus.jsonl", folder / "two.jsonl"
        corpus.write_text("".join(lines) * args.copies, encoding="utf-8")
        pair.write_text("".join(lines[:2]), encoding="utf-8")

        def analyze(path: Path, jobs: int) -> list[int]:
            cli = [sys.executable, "-m", "newsctl", "analyze", str(path), "-f", "jsonl", "--jobs", str(jobs)]
            return process_counts(cli, dict(env, PYTHONPATH=args.repo), folder)

        # A two-document run forks N workers and gives one the second document.
        inherited = min(analyze(pair, args.jobs)[1:])
        (one,) = analyze(corpus, 1)
        parent, *workers = analyze(corpus, args.jobs)
    own = [count - inherited for count in workers]
    total = parent + sum(own)
    print(
        f"analyze over {args.docs} articles x {args.copies}: --jobs 1 {one / 1e9:.2f} G instructions;"
        f" --jobs {args.jobs} {total / 1e9:.2f} G (parent {parent / 1e9:.2f} G, workers"
        f" {', '.join(f'{w / 1e9:.2f}' for w in own)} G beyond the {inherited / 1e9:.2f} G each inherited)"
    )
    print(
        f"parallel work costs {100 * (total / one - 1):+.1f}%: scaling ceiling on {args.jobs} free cores"
        f" {args.jobs * one / total:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--docs", type=int, default=150, help="the first N corpus articles")
    parser.add_argument("--warm", action="store_true", help="count a second pass (memos filled by a first)")
    parser.add_argument("--repo", default=str(ROOT), help="the checkout whose newsctl to count")
    parser.add_argument("--jobs", type=int, help="count `analyze --jobs N` against --jobs 1 (stage: analyze)")
    parser.add_argument("--copies", type=int, default=24, help="with --jobs: times the articles repeat")
    args = parser.parse_args()
    if not SHARED_CORPUS.exists():
        sys.exit(f"corpus missing: {SHARED_CORPUS}")
    # Fixed hashing, so set and dict orders (and with them the counts) repeat exactly.
    env = dict(os.environ, PYTHONHASHSEED="0", NEWSCTL_CACHE_DIR=str(ROOT / "bench" / "out" / "cache"))
    if args.jobs is not None:
        if args.stage != "analyze" or args.jobs < 2:
            parser.error("--jobs counts `analyze` with 2 or more jobs")
        parallel_overhead(args, env)
        return
    warm = "1" if args.warm else "0"
    argv = [sys.executable, "-c", STAGE_RUN, args.repo, str(SHARED_CORPUS), args.stage, str(args.docs), warm]

    def run(measure: str) -> int:
        return instructions([*argv, measure], env)

    # One run outside valgrind first: it rewrites stale bytecode and builds the user-cache
    # tables (segmenter lexicon, pinyin readings) that a new version has none of yet; built
    # inside the first counted run, they made that run dearer and the stage look cheaper.
    subprocess.run([*argv, "0"], env=env, check=True, stdout=subprocess.DEVNULL)
    without = run("0")
    stage = run("1") - without
    print(
        f"{args.stage}: {stage / 1e6:,.1f} M instructions over {args.docs} articles"
        f" ({stage / args.docs / 1e3:,.0f} k per article){' [warm]' if args.warm else ''}"
    )


if __name__ == "__main__":
    main()
