"""The pipeline: raw documents -> cleaned, parsed articles -> analyses -> DOCUMENTs.

One read, one cleaning, one parse and (when keywords are asked for) one
segmentation per article, whichever analyses run. Documents stream through one
at a time, in input order, optionally across worker processes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, replace
from functools import cache, partial
from typing import Any, TypeVar

from newsctl.analyzers.figures import FIGURE_KINDS  # noqa: F401 (the name callers know)
from newsctl.analyzers.registry import ANALYSES, BY_NAME, SPECS
from newsctl.analyzers.timeline import TIME_EXTRAS, _iso, reference_for  # noqa: F401 (as above)
from newsctl.article import DEFAULT_TZ, Article, article_blocks, content_text, parse_article
from newsctl.clean import clean_text
from newsctl.read import DEFAULT_MAX_BYTES, RawDocument
from newsctl.records import Document, Error, Metadata, PrintedMetadata, Stats

T = TypeVar("T")

# Options of the commands that are not analyzers, reported in the JSON header.
COMMAND_OPTION_KEYS = {"clean": ("script",)}
AUTO_PARALLEL_AFTER = 8  # fewer documents than this are done in-process: workers cost start-up


@dataclass(frozen=True)
class Options:
    """Everything that changes what the analyses produce. Picklable, so it can
    travel to worker processes."""

    analyses: tuple[str, ...] = ANALYSES
    # reading
    encoding: str | None = None
    input_format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    fields: tuple[tuple[str, str], ...] = ()  # --field FIELD=KEY pairs
    # time
    reference_date: str | None = None
    tz: str | None = None
    # summary
    summary_top: int = 3
    max_chars: int | None = None
    # keywords
    keyword_top: int = 10
    method: str = "tfidf"
    idf: str = "jieba"
    pos: tuple[str, ...] | None = None
    phrases: bool = True
    min_weight: float = 0.0
    userdict: str | None = None
    segmenter: str = "auto"
    corpus_idf: str | None = None  # --idf corpus: the IDF file the first pass wrote (not reported)
    # timeline
    since: str | None = None
    until: str | None = None
    include: tuple[str, ...] = TIME_EXTRAS
    # figures
    kinds: tuple[str, ...] | None = None
    min_value: float | None = None
    sort: str = "position"
    # clean
    script: str = "simplified"
    with_text: bool = False
    body_only: bool = False  # `clean --body`: the content blocks' text only
    with_sentences: bool = False  # sentence texts for table views (not in JSON)
    verbose: bool = False
    debug: bool = False  # re-raise internal errors instead of recording them

    def public(self, command: str) -> dict[str, Any]:
        """The effective options a command reports in its JSON header."""
        everything = asdict(self)
        keys = ["encoding", "input_format", "max_bytes", "reference_date", "tz"]
        for name in self.analyses if command == "analyze" else [command]:
            spec = BY_NAME.get(name)
            keys += spec.option_keys if spec is not None else COMMAND_OPTION_KEYS.get(name, ())
        out = {}
        for key in keys:
            value = everything[key]
            out[key] = list(value) if isinstance(value, tuple) else value
        out["tz"] = self.tz or "+08:00"
        if self.fields:  # --field mappings, when given
            out["fields"] = dict(self.fields)
        return out


@cache  # called for every document; a zone name resolves the same way each time
def timezone_from(name: str | None) -> dt.tzinfo:
    """`+08:00`, `-0500`, `UTC` or an IANA name such as `Asia/Taipei`."""
    if not name:
        return DEFAULT_TZ
    text = name.strip()
    if text.upper() in ("UTC", "Z", "GMT"):
        return dt.timezone.utc
    sign = text[:1]
    if sign in "+-":
        digits = text[1:].replace(":", "")
        if digits.isdigit() and len(digits) in (2, 4):
            hours, minutes = int(digits[:2]), int(digits[2:] or 0)
            if hours > 23 or minutes > 59:
                raise ValueError(f"time zone {name!r}: an offset runs from -23:59 to +23:59")
            delta = dt.timedelta(hours=hours, minutes=minutes)
            return dt.timezone(delta if sign == "+" else -delta)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"unknown time zone {name!r}: use +08:00, UTC or a name like Asia/Shanghai"
        ) from None


# ---------------------------------------------------------------------------
# one document


def error_document(raw: RawDocument, code: str, message: str) -> Document:
    return Document(
        id=raw.id,
        path=raw.path,
        sha256=raw.sha256,
        encoding=raw.encoding,
        error=Error(code, message),
        line=raw.line,
    )


def process(raw: RawDocument, options: Options) -> Document:
    """Analyse one raw document; never raises for bad input."""
    if raw.error is not None:
        return error_document(raw, raw.error.code, raw.error.message)
    try:
        return _analyse(raw, options)
    except RecursionError:
        return error_document(raw, "analysis_error", "input too deeply nested to analyse")
    except MemoryError:
        return error_document(raw, "analysis_error", "out of memory; try a smaller --max-bytes")
    except Exception as exc:
        # A bug of ours must not cost the user the other articles.
        if options.debug:
            raise
        message = f"internal error ({exc.__class__.__name__}: {exc}); please report it, rerun with --debug"
        return error_document(raw, "analysis_error", message)


def printed_metadata(
    raw: RawDocument, article: Article, title: str | None, source: str | None
) -> PrintedMetadata:
    """Contract 1.2: the metadata as the page prints it (newsctl.printed). A record's own
    title or source is printed as the record gives it (cleaned, in its own script); a value
    found in the text, as the text prints it."""
    # A Simplified text (script simplified) prints its values as they are: no pass over them.
    plain = article.cleaned.script == "simplified"
    printer = article.printer()

    def own(given: str | None, value: str | None) -> str | None:
        if value is None or not given:
            return value
        record = clean_text(given)  # cached: the article's rules cleaned it already
        return value if record.script == "simplified" else record.display(0, len(record.text), printed=True)

    return PrintedMetadata(
        title=own(raw.title, title) if raw.title else title and printer.form(title),
        source=own(raw.source, source) if raw.source else source and printer.form(source),
        dateline=article.dateline if plain else article.printed_dateline(),
        reporters=tuple(article.reporters) if plain else tuple(article.printed_reporters()),
        headings=tuple(article.headings) if plain else tuple(article.printed_headings()),
    )


def _analyse(raw: RawDocument, options: Options) -> Document:
    tz = timezone_from(options.tz)
    assert raw.text is not None
    cleaned = clean_text(raw.text)
    article = parse_article(raw, cleaned, tz=tz)
    # A record's own title and source are metadata like any other: cleaned and
    # Simplified (the contract); only a blank one is passed on as given.
    title = article.title if raw.title or raw.title is None else raw.title
    source = article.source if raw.source or raw.source is None else raw.source
    doc = Document(
        id=raw.id,
        path=raw.path,
        sha256=raw.sha256,
        encoding=raw.encoding,
        script=cleaned.script,
        line=raw.line,
        metadata=Metadata(
            title=title,
            source=source,
            published=article.published_iso(),
            dateline=article.dateline,
            reporters=tuple(article.reporters),
            headings=tuple(article.headings),
            printed=printed_metadata(raw, article, title, source),
        ),
        stats=Stats(
            chars=len(raw.text),
            paragraphs=len(article.paragraphs),
            sentences=len(article.sentences),
        ),
    )
    doc.blocks = article_blocks(article, with_text=options.with_text)
    if options.with_sentences:
        doc.sentence_texts = [cleaned.source_text(s.start, s.end) for s in article.sentences]
        doc.sentence_starts = [cleaned.source_span(s.start, s.end)[0] for s in article.sentences]
    if options.with_text:
        original = options.script != "simplified"
        doc.text = (
            content_text(article, original=original)
            if options.body_only
            else cleaned.text
            if not original
            else cleaned.original
        )
    for name in options.analyses:
        ANALYZERS[name](article, options, doc)
    return doc


def corpus_idf_file(raws: Iterable[RawDocument], options: Options, path: str) -> int:
    """First pass of `--idf corpus`: count, per candidate term, the documents that
    contain it (counts only) and write the IDF to `path` in jieba's `word idf`
    format. Pass the path on as `Options.corpus_idf` for the second pass.
    Returns the number of documents counted (unreadable ones are skipped)."""
    from newsctl.keywords import DEFAULT_POS, corpus_document_frequencies
    from newsctl.segment import get_segmenter

    segmenter = get_segmenter(options.segmenter, options.userdict, options.verbose)
    tz = timezone_from(options.tz)

    def articles() -> Iterator[Article]:
        for raw in raws:
            if raw.error is None and raw.text is not None:
                yield parse_article(raw, clean_text(raw.text), tz=tz)

    frequencies = corpus_document_frequencies(
        articles(),
        segmenter,
        allowed_pos=options.pos if options.pos is not None else DEFAULT_POS,
        phrases=options.phrases,
    )
    frequencies.write_idf(path)
    return frequencies.documents


# The analyzers' run functions by name, from the registry (a test may swap one).
ANALYZERS: dict[str, Callable[[Article, Options, Document], None]] = {spec.name: spec.run for spec in SPECS}


# ---------------------------------------------------------------------------
# many documents


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


@dataclass(slots=True)
class Encoded:
    """A DOCUMENT already turned into output text, with what the caller reports on."""

    id: str
    error: Error | None
    text: str


def _encoded(encode: Callable[[Document], str], doc: Document) -> Encoded:
    return Encoded(doc.id, doc.error, encode(doc))


def _same(doc: Document) -> Document:
    return doc


def _finished(raw: RawDocument, options: Options, finish: Callable[[Document], T]) -> T:
    """`finish(process(raw))`: a failure to encode costs only this document, as a
    failure to analyse does (in a worker it would otherwise kill the worker)."""
    doc = process(raw, options)
    try:
        return finish(doc)
    except Exception as exc:
        if options.debug:
            raise
        message = f"internal error ({exc.__class__.__name__}: {exc}) writing it; please report it"
        return finish(error_document(raw, "analysis_error", message))


def run(raws: Iterable[RawDocument], options: Options, jobs: int | None = None) -> Iterator[Document]:
    """DOCUMENTs in input order. `jobs=None` picks: in-process for a handful of
    documents, all cores beyond that."""
    return _run(raws, options, jobs, _same)


def run_encoded(
    raws: Iterable[RawDocument], options: Options, encode: Callable[[Document], str], jobs: int | None = None
) -> Iterator[Encoded]:
    """As `run`, with each DOCUMENT turned into text by `encode` where it was
    analysed: in a worker, the parent then only writes text, and neither
    unpickles nor encodes the documents, so it leaves the cores to the workers.
    `encode` must be picklable (a module-level function)."""
    return _run(raws, options, jobs, partial(_encoded, encode))


def _run(
    raws: Iterable[RawDocument], options: Options, jobs: int | None, finish: Callable[[Document], T]
) -> Iterator[T]:
    iterator = iter(raws)
    if jobs is None:
        # The first few are done here, each as soon as it has been read, so a stream
        # (`tail -f x.jsonl | newsctl ...`) shows its first results at once; workers
        # start only when there are more.
        for raw in itertools.islice(iterator, AUTO_PARALLEL_AFTER):
            yield finish(process(raw, options))
            _settle_loaded_objects()
        following = next(iterator, None)
        if following is None:
            return
        iterator = itertools.chain([following], iterator)
        jobs = default_jobs()
    if jobs <= 1:
        from newsctl.shutdown import stop_requested

        for raw in iterator:
            yield _finished(raw, options, finish)
            _settle_loaded_objects()
            if stop_requested():
                return
        return
    yield from _run_parallel(iterator, options, jobs, finish)


_loaded_objects_settled = False


def _settle_loaded_objects() -> None:
    """Once a run has analysed its first document, what that loaded (the
    segmenter's dictionary, compiled patterns, tables) stays until the process
    ends: it is moved out of the garbage collector's sight (gc.freeze), so full
    collections stop walking it again and again, and forked workers stop
    writing to, and so copying, the pages it sits on (over 300 corpus articles
    the collector's own time fell from 0.34 s to 0.09 s)."""
    global _loaded_objects_settled
    if not _loaded_objects_settled:
        _loaded_objects_settled = True
        gc.freeze()


CHUNK_DOCS = 16  # documents per task: amortises a round trip to a worker
CHUNK_CHARS = 1 << 20  # ...unless they are long: a chunk of huge articles would hold memory and stall order
WINDOW_PER_JOB = 3  # chunks in flight per worker: enough to keep it busy while the parent writes


def _chunks(iterator: Iterator[RawDocument]) -> Iterator[list[RawDocument]]:
    chunk: list[RawDocument] = []
    chars = 0
    for raw in iterator:
        chunk.append(raw)
        chars += len(raw.text or "")
        if len(chunk) >= CHUNK_DOCS or chars >= CHUNK_CHARS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _pool_context() -> Any:
    """`fork` where it is safe: workers then start with everything the parent has
    already loaded (segmenter dictionary, compiled patterns, tables) instead of
    each loading it again. With other threads running (a progress bar's), a fork
    could copy a lock some thread holds, so `spawn`, whose workers load lazily."""
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn" if "spawn" in methods else None)


def _run_parallel(
    iterator: Iterator[RawDocument], options: Options, jobs: int, finish: Callable[[Document], T]
) -> Iterator[T]:
    from newsctl.shutdown import stop_requested

    chunks = _chunks(iterator)
    first = next(chunks, None)
    if first is None:
        return
    # The first document is done here, before any worker exists: it loads what the
    # analyses need once, and forked workers inherit it (copy-on-write) rather
    # than each paying the start-up (about a second for jieba's dictionary).
    yield _finished(first[0], options, finish)
    _settle_loaded_objects()
    if stop_requested():
        return
    rest = itertools.chain([first[1:]] if len(first) > 1 else [], chunks)
    pool = _WorkerPool(jobs, options, finish)
    try:
        yield from pool.ordered_results(rest)
    finally:
        # Also reached when the consumer stops early (a signal, a closed pipe):
        # busy workers are killed, not waited for.
        pool.close()


@dataclass
class _Task:
    """A run of consecutive documents of chunk `chunk`, from `offset` on."""

    chunk: int
    offset: int
    raws: list[RawDocument]
    retried: bool = False


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: _Task | None = None


class _WorkerPool:
    """Worker processes, each with its own pipe and one task at a time, so the
    parent always knows which documents a worker holds.

    A worker that dies (killed from outside, out of memory, a crash in a C
    extension) is replaced and its documents are retried once, one by one; a
    document whose worker dies again becomes an error DOCUMENT. Nothing is lost
    and the run goes on. Workers die with the parent (PR_SET_PDEATHSIG on
    Linux; elsewhere they see their pipe close) and never hold stdout open."""

    def __init__(self, jobs: int, options: Options, finish: Callable[[Document], Any]) -> None:
        self.jobs = jobs
        self.options = options
        self.finish = finish
        self.context = _pool_context()
        self.workers: list[_Worker] = []
        self.deaths_in_a_row = 0  # since the last task that came back; too many: work in-process
        self.in_process = False

    # -- results in input order -------------------------------------------

    def ordered_results(self, chunks: Iterator[list[RawDocument]]) -> Iterator[Any]:
        from multiprocessing.connection import wait

        from newsctl.shutdown import stop_requested

        window = self.jobs * WINDOW_PER_JOB  # chunks ahead of the one to yield next
        todo: deque[_Task] = deque()  # retries first, then new chunks
        parts: dict[int, list[Any]] = {}  # chunk -> results (None until known)
        missing: dict[int, int] = {}  # chunk -> documents still out
        read = 0  # chunks taken from `chunks`
        emit = 0  # the next chunk to yield
        exhausted = False
        while not stop_requested():  # then no new work and no new workers, not even replacements
            while not exhausted and read < emit + window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                todo.append(_Task(read, 0, chunk))
                parts[read] = [None] * len(chunk)
                missing[read] = len(chunk)
                read += 1
            while todo and not self.in_process:
                worker = self._idle_worker()
                if worker is None:
                    break
                self._send(worker, todo.popleft(), todo)
            if self.in_process:  # workers cannot be kept alive: do the rest here
                while todo:
                    task = todo.popleft()
                    self._store(
                        task, [_finished(r, self.options, self.finish) for r in task.raws], parts, missing
                    )
            while emit < read and missing[emit] == 0:
                results = parts.pop(emit)
                del missing[emit]
                emit += 1
                yield from results
                if stop_requested():
                    return
            if exhausted and emit == read:
                return
            busy = [w for w in self.workers if w.task is not None]
            if not busy:
                continue
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=0.2)
            for worker in busy:
                if worker.conn in ready or worker.process.sentinel in ready:
                    self._collect(worker, todo, parts, missing)

    def _store(
        self, task: _Task, results: list[Any], parts: dict[int, list[Any]], missing: dict[int, int]
    ) -> None:
        parts[task.chunk][task.offset : task.offset + len(results)] = results
        missing[task.chunk] -= len(results)

    def _collect(
        self, worker: _Worker, todo: deque[_Task], parts: dict[int, list[Any]], missing: dict[int, int]
    ) -> None:
        task = worker.task
        assert task is not None
        try:
            results = worker.conn.recv() if worker.conn.poll() else None
        except (EOFError, OSError):
            results = None
        if results is not None:
            worker.task = None
            self.deaths_in_a_row = 0
            self._store(task, results, parts, missing)
            return
        if worker.process.is_alive():
            return  # woken without a result: the sentinel and the pipe disagree for a moment
        self._bury(worker)
        if task.retried:
            reason = f"the worker process analysing it died twice ({_death(worker.process)})"
            errors = [self.finish(error_document(r, "analysis_error", reason)) for r in task.raws]
            self._store(task, errors, parts, missing)
        else:
            # Retried once, one document at a time, so that one bad document costs only itself.
            singles = [_Task(task.chunk, task.offset + i, [r], retried=True) for i, r in enumerate(task.raws)]
            todo.extendleft(reversed(singles))

    # -- workers --------------------------------------------------------------

    def _idle_worker(self) -> _Worker | None:
        for worker in self.workers:
            if worker.task is None:
                return worker
        if len(self.workers) >= self.jobs:
            return None
        return self._start()

    def _start(self) -> _Worker | None:
        from newsctl.shutdown import add_worker

        if self.deaths_in_a_row > 2 * self.jobs + 2:
            self.in_process = not self.workers
            return None
        try:
            parent_end, child_end = self.context.Pipe(duplex=True)
            proc = self.context.Process(
                target=_worker_main,
                args=(child_end, self.options, self.finish, os.getpid()),
                daemon=True,
                name="newsctl-worker",
            )
            proc.start()
        except OSError:  # no more processes (EAGAIN, ENOMEM): go on with the workers there are
            self.in_process = not self.workers
            return None
        child_end.close()
        add_worker(proc.pid)
        worker = _Worker(proc, parent_end)
        self.workers.append(worker)
        return worker

    def _send(self, worker: _Worker, task: _Task, todo: deque[_Task]) -> None:
        worker.task = task
        try:
            worker.conn.send(task.raws)
        except OSError:
            # It died while idle: not this task's fault, so no retry is used up.
            worker.task = None
            self._bury(worker)
            todo.appendleft(task)

    def _bury(self, worker: _Worker) -> None:
        from newsctl.shutdown import remove_worker

        self.deaths_in_a_row += 1
        with contextlib.suppress(OSError):
            worker.conn.close()
        worker.process.join(timeout=1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=1)
        remove_worker(worker.process.pid)
        self.workers.remove(worker)

    def close(self) -> None:
        """Idle workers are told to stop; busy ones (an early stop) are killed."""
        from newsctl.shutdown import remove_worker

        for worker in self.workers:
            if worker.task is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            else:
                with contextlib.suppress(OSError):
                    worker.process.kill()
        for worker in self.workers:
            worker.process.join(timeout=2)
            if worker.process.is_alive():
                with contextlib.suppress(OSError):
                    worker.process.kill()
                worker.process.join(timeout=2)
            with contextlib.suppress(OSError):
                worker.conn.close()
            remove_worker(worker.process.pid)
        self.workers = []


def _death(proc: Any) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        import signal

        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


def _worker_main(conn: Any, options: Options, finish: Callable[[Document], Any], parent: int) -> None:
    """A worker's life: one task at a time from the pipe until None or the pipe closes."""
    from newsctl.shutdown import reset_in_child

    reset_in_child()
    _die_with_parent(parent)
    # Only the parent writes output: a worker must not keep a reader waiting on
    # stdout (`| jq`) after the parent is gone, nor read the parent's stdin.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        os.close(devnull)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        results = [_finished(raw, options, finish) for raw in task]
        _settle_loaded_objects()  # a worker that did not fork from a settled parent
        try:
            conn.send(results)
        except OSError:
            return


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this worker when the parent dies, whatever kills it."""
    import sys

    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        with contextlib.suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(0)


def analyze_one_text(text: str, published: str | None = None, **overrides: Any) -> Document:
    """Library entry point behind `newsctl.analyze_text`."""
    from newsctl.read import _without_surrogates

    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    text = _without_surrogates(text)  # as the readers do: a lone surrogate becomes U+FFFD
    raw = RawDocument(
        id=overrides.pop("id", "text"),
        path=overrides.pop("path", "<text>"),
        text=text,
        sha256=digest,
        encoding="utf-8",
        title=overrides.pop("title", None),
        source=overrides.pop("source", None),
        published=published,
    )
    options = replace(Options(), **overrides)
    return process(raw, options)
