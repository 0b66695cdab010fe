"""`make bench`: start-up, throughput, parallel scaling, segmenters and memory.

Every number is a ratio against a baseline measured in the same run on the
same machine, so runs on different machines compare. The corpus is built at
run time from ../shared/corpus/news.jsonl (real news, not ours to ship),
replicated to the size asked for, under bench/out/ (git-ignored).

    python bench/run.py                 # everything, 50 MB corpus
    python bench/run.py --mb 5 --quick  # a smaller, faster pass
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"
SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
NEWSCTL = [sys.executable, "-m", "newsctl"]


def build_corpus(megabytes: float, path: Path, max_docs: int | None = None) -> tuple[int, int]:
    """Replicate the shared news sample (ids made unique) to at least `megabytes`."""
    records = [json.loads(line) for line in SHARED_CORPUS.read_text(encoding="utf-8").splitlines() if line]
    target = int(megabytes * 1024 * 1024)
    written = docs = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        copy = 0
        while written < target and (max_docs is None or docs < max_docs):
            for record in records:
                line = json.dumps(
                    {
                        "id": f"{record['id']}#{copy}",
                        "text": record["text"],
                        "published": record.get("published"),
                    },
                    ensure_ascii=False,
                )
                handle.write(line + "\n")
                written += len(line.encode("utf-8")) + 1
                docs += 1
                if written >= target or (max_docs is not None and docs >= max_docs):
                    break
            copy += 1
    return docs, written


def timed(argv: list[str], repeat: int = 1, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Best wall time of `repeat` runs, and the peak RSS (KiB) of the child."""
    best = float("inf")
    peak = 0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        best = min(best, time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return best, peak


def peak_rss(argv: list[str], env: dict[str, str] | None = None) -> float:
    """Peak RSS in MB of one run, measured by GNU time when present, else getrusage."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    if os.path.exists(gnu_time):
        proc = subprocess.run(
            [gnu_time, "-f", "%M", *argv],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            check=True,
        )
        return int(proc.stderr.decode().strip().splitlines()[-1]) / 1024
    # getrusage's children maximum only grows, so this is an upper bound.
    return timed(argv, env=env)[1] / 1024


def cleaned_text_file(corpus: Path, out: Path) -> int:
    """The cleaned body text of every article, for the bare-jieba baseline."""
    subprocess.run(
        [*NEWSCTL, "clean", str(corpus), "-f", "jsonl", "--jobs", "2"],
        stdout=out.open("w", encoding="utf-8"),
        check=True,
    )
    return out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=50.0, help="corpus size for throughput runs")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-document memory run")
    args = parser.parse_args()
    if not SHARED_CORPUS.exists():
        sys.exit(f"benchmark corpus source missing: {SHARED_CORPUS}")
    env = dict(os.environ, NEWSCTL_CACHE_DIR=str(OUT / "cache"))
    report: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print(f"machine: {report['machine']}")

    # -- start-up ---------------------------------------------------------------
    subprocess.run(
        [*NEWSCTL, "keywords", str(SEED)], env=env, stdout=subprocess.DEVNULL, check=True
    )  # warm caches
    jieba_init, _ = timed([sys.executable, "-c", "import jieba; jieba.initialize()"], repeat=5, env=env)
    help_time, _ = timed([*NEWSCTL, "--help"], repeat=5, env=env)
    startup = {"jieba_initialize_s": jieba_init, "help_s": help_time}
    for command in ("summary", "keywords", "timeline", "figures", "analyze"):
        seconds, _ = timed([*NEWSCTL, command, str(SEED), "-f", "json"], repeat=5, env=env)
        startup[f"{command}_seed_s"] = seconds
    imports = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, newsctl.cli; print(sorted(m for m in ('jieba', 'opencc') if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.strip()
    startup["help_imports_heavy"] = imports
    report["startup"] = startup
    print("\nstart-up (best of 5, seconds)")
    print(f"  python -c 'import jieba; jieba.initialize()'  {jieba_init:6.3f}")
    print(
        f"  newsctl --help                               {help_time:6.3f}"
        f"   heavy imports at CLI import: {imports}"
    )
    for command in ("summary", "keywords", "timeline", "figures", "analyze"):
        seconds = startup[f"{command}_seed_s"]
        print(
            f"  newsctl {command:9} seed                    {seconds:6.3f}"
            f"   ({seconds - jieba_init:+.3f} vs jieba init)"
        )

    # -- throughput --------------------------------------------------------------
    corpus = OUT / f"corpus-{args.mb:g}mb.jsonl"
    docs, size = build_corpus(args.mb, corpus)
    megabytes = size / 1024 / 1024
    print(f"\ncorpus: {docs} documents, {megabytes:.1f} MB ({corpus.name})")
    cleaned = OUT / "cleaned.jsonl"
    cleaned_text_file(corpus, cleaned)
    baseline = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, time, jieba; jieba.setLogLevel(60); jieba.initialize();"
            "texts=[json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')];"
            "t=time.perf_counter(); [jieba.lcut(x) for x in texts]; print(time.perf_counter()-t)",
            str(cleaned),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    jieba_seconds = float(baseline.stdout.strip())
    throughput: dict[str, object] = {"corpus_mb": megabytes, "docs": docs, "bare_jieba_lcut_s": jieba_seconds}
    print(
        f"  bare jieba.lcut over the cleaned text: {jieba_seconds:7.1f} s"
        f"  {megabytes / jieba_seconds:6.2f} MB/s"
    )
    runs = [
        ("analyze", "jieba", 1),
        ("analyze", "rjieba", 1),
        ("analyze", "jieba", 2),
        ("summary", "auto", 1),
        ("keywords", "jieba", 1),
        ("timeline", "auto", 1),
        ("figures", "auto", 1),
    ]
    for command, segmenter, jobs in runs:
        argv = [*NEWSCTL, command, str(corpus), "-f", "jsonl", "--jobs", str(jobs)]
        if command in ("analyze", "keywords"):
            argv += ["--segmenter", segmenter]
        seconds, _ = timed(argv, env=env)
        key = f"{command}_{segmenter}_{jobs}job"
        throughput[key] = seconds
        ratio = jieba_seconds / seconds
        print(
            f"  newsctl {command:8} segmenter={segmenter:6} jobs={jobs}: {seconds:7.1f} s  "
            f"{megabytes / seconds:6.2f} MB/s  {docs / seconds:7.1f} docs/s"
            f"  {100 * ratio:5.1f}% of bare jieba"
        )
    one = throughput["analyze_jieba_1job"]
    two = throughput["analyze_jieba_2job"]
    assert isinstance(one, float) and isinstance(two, float)
    print(f"  parallel scaling analyze 1 -> 2 jobs: {one / two:.2f}x")
    report["throughput"] = throughput

    # -- memory ----------------------------------------------------------------
    memory = {}
    sizes = [1000, 10000] if args.quick else [1000, 10000, 100000]
    print("\npeak RSS, newsctl analyze -f jsonl --jobs 1")
    for count in sizes:
        path = OUT / f"docs-{count}.jsonl"
        build_corpus(10_000, path, max_docs=count)
        rss = peak_rss([*NEWSCTL, "analyze", str(path), "-f", "jsonl", "--jobs", "1"], env=env)
        memory[count] = rss
        print(f"  {count:>7} documents: {rss:7.1f} MB")
    report["memory_mb"] = memory
    (OUT / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(
        f"\nreport: {OUT / 'report.json'};"
        f" mean of the start-up runs: {statistics.mean(startup_values(startup)):.3f} s"
    )


def startup_values(startup: dict[str, object]) -> list[float]:
    return [v for k, v in startup.items() if k.endswith("_s") and isinstance(v, float)]


if __name__ == "__main__":
    main()
