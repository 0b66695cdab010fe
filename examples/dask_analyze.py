"""newsctl's per-document analysis on Dask, over JSONL partitions.

`newsctl analyze --jobs N` uses the cores of one machine. Past that, hand the
same per-document function to a distributed engine: each JSONL line (`{"id",
"text", "title"?, "source"?, "published"?}`, the format `newsctl` reads) is
analysed by `newsctl.analyze_text` wherever Dask runs it, and comes back as the
contract's DOCUMENT dict, the same one `newsctl analyze -f jsonl` prints.

    pip install 'newsctl[dask]'

    # locally, one worker process per core; one output file per partition
    python examples/dask_analyze.py 'corpus/*.jsonl' --out results/

    # on a cluster (pip install 'dask[distributed]'; every worker needs newsctl)
    python examples/dask_analyze.py 's3://bucket/news/*.jsonl' --out s3://bucket/analysed/ \\
        --scheduler tcp://scheduler:8786

Each partition is a byte range of a file (`--blocksize`, cut at line ends), so
one large file spreads over many workers. Options are plain keyword arguments
(those of `newsctl.pipeline.Options`: `segmenter`, `keyword_top`, `tz`, ...),
so they pickle to any worker. Every worker loads jieba's dictionary once, on
its first document.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import Any

import dask
import dask.bag as db

import newsctl


def analyze_line(line: str, path: str, options: dict[str, Any]) -> dict[str, Any] | None:
    """One JSONL line -> its DOCUMENT dict (None for a blank line). Never raises
    for bad input: like the CLI, a bad line becomes a DOCUMENT with `error`."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except ValueError as exc:
        return {"id": None, "path": path, "error": {"code": "invalid_json", "message": str(exc)[:120]}}
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        message = 'expected an object with a "text" string'
        return {"id": None, "path": path, "error": {"code": "invalid_record", "message": message}}

    def optional_str(key: str) -> str | None:
        value = record.get(key)
        return value if isinstance(value, str) and value.strip() else None

    doc = newsctl.analyze_text(
        record["text"],
        published=optional_str("published"),
        id=str(record.get("id")) if record.get("id") is not None else path,
        path=path,
        title=optional_str("title"),
        source=optional_str("source"),
        **options,
    )
    return doc.to_dict()


def analyze_bag(paths: str | Sequence[str], blocksize: int | str | None = "64MiB", **options: Any) -> db.Bag:
    """A lazy bag of DOCUMENT dicts, in input order (partition by partition)."""
    lines = db.read_text(paths, blocksize=blocksize, include_path=True, encoding="utf-8")
    docs = lines.map(lambda pair: analyze_line(pair[0], pair[1], options))
    return docs.filter(lambda doc: doc is not None)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="JSONL files or globs (local, s3://, gs://... via fsspec)")
    parser.add_argument("--out", required=True, help="output directory: one JSONL file per partition")
    parser.add_argument("--blocksize", default="64MiB", help="bytes per partition (default 64MiB)")
    parser.add_argument(
        "--scheduler",
        default="processes",
        help="processes (default), threads, synchronous, or a dask.distributed scheduler address",
    )
    parser.add_argument("--workers", type=int, default=None, help="local worker processes (default: cores)")
    parser.add_argument("--segmenter", choices=["auto", "jieba", "rjieba"], default="auto")
    args = parser.parse_args(argv)

    scheduler: Any = args.scheduler
    if "://" in args.scheduler:
        from dask.distributed import Client  # needs dask[distributed]

        scheduler = Client(args.scheduler)
    docs = analyze_bag(args.paths, blocksize=args.blocksize, segmenter=args.segmenter)
    lines = docs.map(lambda doc: json.dumps(doc, ensure_ascii=False))
    written = lines.to_textfiles(f"{args.out.rstrip('/')}/part-*.jsonl", encoding="utf-8", compute=False)
    dask.compute(*written, scheduler=scheduler, num_workers=args.workers)


if __name__ == "__main__":
    main()
