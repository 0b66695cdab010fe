"""The command line: parse options, call the core, hand results to render.

Nothing here analyses text; every command is a thin wrapper over
`newsctl.pipeline.run`, and every output goes through `newsctl.render`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import click

from newsctl import __version__, validate
from newsctl.analyzers.registry import BY_NAME, specs_for
from newsctl.analyzers.spec import ANALYSIS_FORMATS, FORMATS, REPORT_FORMATS, AnalyzerSpec
from newsctl.exitcodes import ExitStatus

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
# `clean` is no analyzer: it prints text, or the DOCUMENTs with their text.
CLEAN_FORMATS = ("table", "json", "jsonl")


class SuggestingGroup(click.Group):
    """A group that answers a mistyped command with the closest real ones, and
    that gives every analyzer in the registry without a command of its own here
    a generated one (built when first asked for: the registry is not loaded
    for `newsctl summary`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        from newsctl.analyzers.registry import SPECS

        return sorted(set(super().list_commands(ctx)) | {spec.name for spec in SPECS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        from newsctl.analyzers.registry import BY_NAME

        spec = BY_NAME.get(cmd_name)
        if spec is None:
            return None
        command = analyzer_command(spec)
        self.add_command(command)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            close = difflib.get_close_matches(name, self.list_commands(ctx), n=2, cutoff=0.5)
            hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise click.UsageError(f"No such command {name!r}.{hint}", ctx)
        return super().resolve_command(ctx, args)


@click.group(cls=SuggestingGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="newsctl")
@click.option("--debug", is_flag=True, help="Show tracebacks for internal errors.")
@click.option("-v", "--verbose", is_flag=True, help="Let jieba's log lines through to stderr.")
@click.pass_context
def cli(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Analyse Chinese news articles: summaries, keywords, timelines and figures.

    PATHS are files, directories (walked recursively, *.txt and *.jsonl, also .gz),
    globs, or - for standard input. Output is a table on a terminal, or JSON with
    -j / -f json / -f jsonl for jq, pipelines and CI.

    \b
    Examples:
      newsctl summary seeds/
      newsctl figures seeds/ -f jsonl | jq '.figures[] | select(.kind=="money")'
      newsctl timeline news/*.txt --chart
      newsctl analyze corpus.jsonl -f jsonl > results.jsonl
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["verbose"] = verbose


# ---------------------------------------------------------------------------
# shared options


class FormatChoice(click.Choice):  # type: ignore[type-arg]  # generic only from click 8.2
    """-f: the formats one command accepts (its --help lists only those); a format
    of another command is refused with a pointer to what works here."""

    def __init__(self, accepted: tuple[str, ...]) -> None:
        super().__init__(accepted)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in FORMATS and value not in self.choices:
            command = ctx.info_name if ctx is not None else "this command"
            hint = "newsctl check" if value == "github" else "the analysing commands"
            self.fail(f"-f {value} is for {hint}, not {command}; try -f json", param, ctx)
        return super().convert(value, param, ctx)


def shared_options(formats: tuple[str, ...]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options every analysing command takes, declared once; `formats` are the
    output formats this command accepts."""
    decorators = [
        click.argument("paths", nargs=-1, metavar="[PATHS]..."),
        click.option(
            "-f",
            "--format",
            "fmt",
            type=FormatChoice(formats),
            default=None,
            help="Output format (default table"
            + ("; markdown and html: a report to share)." if "html" in formats else ")."),
        ),
        click.option("-j", "json_flag", is_flag=True, help="Short for --format json."),
        click.option(
            "--encoding",
            metavar="NAME",
            help="Decode input (text, JSONL, CSV) with this codec (default: detect).",
        ),
        click.option(
            "--input-format",
            type=click.Choice(["auto", "txt", "jsonl", "json", "csv", "tsv"]),
            default="auto",
            show_default=True,
            help="How to read files and stdin (auto: by file name; stdin by content).",
        ),
        click.option(
            "--field",
            "fields",
            multiple=True,
            metavar="FIELD=KEY",
            help="Read an article field from this record key, e.g. published=pubdate (repeatable).",
        ),
        click.option(
            "--max-bytes",
            type=validate.byte_limit(),
            default=None,
            metavar="N",
            help="Refuse articles larger than N bytes (default 10 MB).",
        ),
        click.option(
            "--reference-date",
            metavar="ISO",
            help="Resolve relative dates (去年, 5月20日) against this date, not each article's.",
        ),
        click.option("--tz", metavar="TZ", help="Time zone for times without an offset (default +08:00)."),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            default=None,
            metavar="N",
            help="Worker processes (default: all cores for large inputs).",
        ),
        click.option(
            "--color/--no-color", default=None, help="Force colour on or off (NO_COLOR is honoured)."
        ),
        # The group's options, also accepted after the command (`newsctl summary x --debug`).
        click.option("--debug", "debug_here", is_flag=True, hidden=True),
        click.option("-v", "--verbose", "verbose_here", is_flag=True, hidden=True),
    ]

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return decorate


def _global_flag(params: dict[str, Any], name: str) -> bool:
    """A group option (--debug, --verbose) given before or after the command."""
    root = click.get_current_context().find_root().obj or {}
    return bool(params.get(f"{name}_here") or root.get(name))


def _fail_usage(message: str) -> None:
    raise click.UsageError(message)


def _base_options(params: dict[str, Any], analyses: tuple[str, ...]) -> Any:
    from newsctl.pipeline import Options, timezone_from
    from newsctl.read import DEFAULT_MAX_BYTES

    if params.get("tz"):
        try:
            timezone_from(params["tz"])
        except ValueError as exc:
            _fail_usage(str(exc))
    if params.get("reference_date"):
        from newsctl.article import parse_published

        if parse_published(params["reference_date"])[0] is None:
            _fail_usage(
                f"--reference-date: cannot read {params['reference_date']!r}; use ISO 8601 (2020-05-20)"
            )
    from newsctl.read import check_encoding, parse_field_overrides

    encoding = None
    try:
        fields = tuple(parse_field_overrides(params.get("fields") or ()).items())
        if params.get("encoding"):
            encoding = check_encoding(params["encoding"])
    except ValueError as exc:
        _fail_usage(str(exc))
    input_format = params.get("input_format")
    return Options(
        analyses=analyses,
        encoding=encoding,
        fields=fields,
        input_format=None if input_format in (None, "auto") else input_format,
        max_bytes=params.get("max_bytes") or DEFAULT_MAX_BYTES,
        reference_date=params.get("reference_date"),
        tz=params.get("tz"),
        verbose=_global_flag(params, "verbose"),
        debug=_global_flag(params, "debug"),
    )


def _output_format(params: dict[str, Any]) -> str:
    if params.get("json_flag"):
        if params.get("fmt") not in (None, "json"):
            _fail_usage("-j means --format json; it cannot be combined with --format " + params["fmt"])
        return "json"
    return params.get("fmt") or "table"


def _console(color: bool | None, stream: Any) -> Any:
    from rich.console import Console

    # no-color.org: NO_COLOR counts when set to a non-empty value.
    no_color = color is False or (color is None and bool(os.environ.get("NO_COLOR")))
    return Console(
        file=stream,
        highlight=False,
        markup=False,
        emoji=False,
        force_terminal=True if color else None,
        no_color=no_color,
        color_system=None if no_color else "auto",
    )


def execute(command: str, params: dict[str, Any], options: Any, **table_options: Any) -> None:
    """Read, analyse and render: the one loop every command shares."""
    from newsctl.render import make_renderer

    fmt = _output_format(params)
    paths = list(params.get("paths") or ())
    stdin = sys.stdin.buffer
    if not paths:
        if stdin.isatty():
            _fail_usage(f"no PATHS given; try: newsctl {command} seeds/   (or pipe text into -)")
        paths = ["-"]
    if fmt in REPORT_FORMATS and any(spec.needs_sentence_texts for spec in specs_for(command)):
        options = replace(options, with_sentences=True)
    stdout = sys.stdout
    stderr = sys.stderr
    with contextlib.ExitStack() as cleanup:
        if "keywords" in options.analyses:
            options, paths = _prepare_keywords(options, paths, stdin, stderr, cleanup)
        shows_table = command != "clean" or table_options.get("blocks")
        console = _console(params.get("color"), stdout) if fmt == "table" and shows_table else None
        renderer = make_renderer(fmt, command, options.public(command), stdout, console, **table_options)
        status = _run_loop(command, params, options, paths, stdin, stdout, stderr, renderer)
    click.get_current_context().exit(status)


def _prepare_keywords(
    options: Any, paths: list[str], stdin: Any, stderr: Any, cleanup: contextlib.ExitStack
) -> tuple[Any, list[str]]:
    """Once per run, before any worker starts: user-dictionary warnings and the first
    pass of --idf corpus (inputs are read twice, so standard input is spooled to a
    temporary file first)."""
    from newsctl.pipeline import corpus_idf_file
    from newsctl.read import iter_documents

    if options.userdict:
        from newsctl.segment import userdict_warnings

        for line in userdict_warnings(options.userdict):
            stderr.write(f"newsctl: warning: {line}\n")
    _build_lexicon_visibly(stderr)
    if options.idf != "corpus":
        return options, paths
    from newsctl import shutdown

    try:
        if "-" in paths:
            from newsctl.read import spool_stdin

            fd, spool = _temp_file(cleanup, prefix="newsctl-stdin-")
            with os.fdopen(fd, "wb") as handle, shutdown.interruptible():
                kind = spool_stdin(stdin, handle)  # gunzipped, its kind recognised by content
            paths = [spool if p == "-" else p for p in paths]
            if options.input_format is None:
                options = replace(options, input_format=kind)
        fd, idf_path = _temp_file(cleanup, prefix="newsctl-", suffix=".idf")
        os.close(fd)
        raws = iter_documents(
            paths,
            encoding=options.encoding,
            input_format=options.input_format,
            max_bytes=options.max_bytes,
            fields=dict(options.fields),
        )
        # As in the run itself: a signal while reading stops at once, one during an
        # article (jieba may be writing its cache) once the article is done.
        corpus_idf_file(shutdown.interruptible_iter(raws), options, idf_path)
    except shutdown.Interrupted:
        return options, []  # the run then writes an empty, whole output and exits 128 + N
    return replace(options, corpus_idf=idf_path), paths


def _build_lexicon_visibly(stderr: Any) -> None:
    """The keyword lexicon's first build takes a few seconds: on a terminal, say so with a
    spinner on stderr instead of sitting silent. Never on a pipe or file, never on stdout."""
    from newsctl.segment import lexicon
    from newsctl.streams import raw_terminal

    terminal = raw_terminal(stderr)
    if not _isatty(terminal) or lexicon().is_built():
        return
    from rich.console import Console

    console = Console(file=terminal, stderr=True)
    with console.status("building the keyword lexicon (first run only)…"):
        lexicon().ensure_open()


def _temp_file(cleanup: contextlib.ExitStack, prefix: str, suffix: str = "") -> tuple[int, str]:
    """A temporary file removed when the run ends, however it ends (a second
    signal skips the ExitStack: newsctl.shutdown removes it then)."""
    import tempfile

    from newsctl import shutdown

    with shutdown.deferred():  # no signal between creating the file and registering it
        fd, path = tempfile.mkstemp(prefix=prefix, suffix=suffix)
        shutdown.add_temp(path)
        cleanup.callback(shutdown.remove_temp, path)
    return fd, path


def _run_loop(
    command: str,
    params: dict[str, Any],
    options: Any,
    paths: list[str],
    stdin: Any,
    stdout: Any,
    stderr: Any,
    renderer: Any,
) -> int:
    from newsctl import shutdown
    from newsctl.pipeline import default_jobs, run, run_encoded
    from newsctl.read import iter_documents
    from newsctl.render import visible
    from newsctl.streams import prefer_html_escapes, prefer_json_encoding, raw_terminal

    jobs = params.get("jobs")
    cpus = default_jobs()
    if jobs is not None and jobs > cpus:
        stderr.write(f"newsctl: note: --jobs {jobs} is more than the {cpus} CPUs available; using {cpus}\n")
        jobs = cpus
    if jobs is None and "-" in paths and not _is_regular_file(stdin):
        # A pipe or terminal may pause between records (`tail -f feed.jsonl | newsctl ...`):
        # workers would hold finished records until their chunk fills, so by default a
        # stream is analysed here, each record printed as soon as it is done.
        jobs = 1
    fmt = _output_format(params)
    if fmt in ("json", "jsonl"):
        prefer_json_encoding(stdout)
    elif fmt == "html":
        prefer_html_escapes(stdout)
    # Waiting for input can be interrupted at once; a document being analysed or
    # written is finished first (see newsctl.shutdown).
    raws = shutdown.interruptible_iter(
        iter_documents(
            paths,
            encoding=options.encoding,
            input_format=options.input_format,
            max_bytes=options.max_bytes,
            stdin=stdin,
            fields=dict(options.fields),
            note=_note_writer(stderr),
        )
    )
    failed = False
    progress = _progress_for(paths, stdout, raw_terminal(stderr))
    # JSON formats encode each document where it was analysed (in a worker when
    # parallel), except for `check`, which adds duplicates across documents after.
    encode = getattr(renderer, "encode", None) if command != "check" else None
    docs: Any
    if encode is not None:
        docs = run_encoded(raws, options, encode, jobs=jobs)
    else:
        docs = run(raws, options, jobs=jobs)
    if command == "check":
        from newsctl.check import CheckTotals, is_failure, with_duplicates

        totals = CheckTotals()
        docs = totals.counted(with_duplicates(docs))
        if params.get("summary_only"):
            renderer = _NoDocuments()
    try:
        with shutdown.deferred():
            renderer.start()
            try:
                with progress or contextlib.nullcontext():
                    for doc in docs:
                        if command == "check" and is_failure(doc, bool(params.get("strict"))):
                            failed = True
                        if doc.error is not None:
                            failed = True
                            message = f"{visible(doc.error.message)} [{doc.error.code}]"
                            stderr.write(f"newsctl: {visible(doc.id)}: {message}\n")
                            stderr.flush()
                        if encode is not None:
                            renderer.encoded(doc.text)
                        else:
                            renderer.document(doc)
                        if progress is not None:
                            progress.advance()
                        if shutdown.stop_requested():
                            break
            except shutdown.Interrupted:
                pass  # while waiting for input: nothing half-written
            finally:
                if hasattr(docs, "close"):
                    docs.close()  # stops worker processes now rather than at exit
            renderer.finish()
            if command == "check":
                _write_check_totals(totals, params, stdout, stderr)
            stdout.flush()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): it has what it wanted (exit 0,
        # docs/exit-codes.md). Handled here, before click turns it into exit 1.
        _silence_stdout()
        return ExitStatus.OK
    signum = shutdown.stop_signal()
    if signum is not None:
        stderr.write("newsctl: interrupted\n")
        return shutdown.exit_code(signum)
    return ExitStatus.FAILED if failed else ExitStatus.OK


class _NoDocuments:
    """`check --summary-only`: no output per document, only the totals."""

    def start(self) -> None:
        pass

    def document(self, doc: Any) -> None:
        pass

    def finish(self) -> None:
        pass


def _write_check_totals(totals: Any, params: dict[str, Any], stdout: Any, stderr: Any) -> None:
    """For more than one article, the totals after the tables on stdout; after JSON or
    annotations on stderr, so stdout stays parseable. With --summary-only they are the
    output (JSON for -f json/jsonl)."""
    fmt = _output_format(params)
    if not params.get("summary_only") and totals.total() < 2:
        return  # one article: its own report says it all
    if params.get("summary_only") and fmt in ("json", "jsonl"):
        from newsctl.render import dump_json

        stdout.write(dump_json(totals.to_dict()) + "\n")
    elif params.get("summary_only") or fmt == "table":
        stdout.write(totals.text())
    else:
        stderr.write(totals.text())
        stderr.flush()


def _note_writer(stderr: Any) -> Callable[[str], None]:
    """Reading notes (record keys left unused) as `newsctl: note: ...` lines on stderr."""
    from newsctl.render import visible

    def note(message: str) -> None:
        stderr.write(f"newsctl: note: {visible(message)}\n")
        stderr.flush()

    return note


def _progress_for(paths: list[str], stdout: Any, stderr: Any) -> Any:
    """A progress bar on stderr, only when stderr is a terminal and stdout is not."""
    if not _isatty(stderr) or _isatty(stdout):
        return None
    from newsctl.read import expand_paths, input_kind
    from newsctl.render import Progress

    expanded = [p for p, _ in expand_paths(paths)]
    one_per_file = all(input_kind(p, None) == "txt" and p != "-" for p in expanded)
    return Progress(stderr, len(expanded) if one_per_file else None)


def _is_regular_file(stream: Any) -> bool:
    """Whether a stream reads a regular file (`< corpus.jsonl`), which never pauses."""
    import stat

    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):
        return False


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------------------
# commands


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(BY_NAME["summary"].formats)
@click.option(
    "-n", "--top", type=click.IntRange(min=0), default=3, show_default=True, help="Sentences to pick."
)
@click.option(
    "--max-chars", type=click.IntRange(min=1), default=None, help="Character budget for the summary."
)
def summary(top: int, max_chars: int | None, **params: Any) -> None:
    """Metadata, stats and the most important body sentences of each article.

    Sentences are ranked by a BM25 sentence graph with a lead bias and picked
    without redundancy; header, dateline, byline and footer are never chosen.

    \b
    Examples:
      newsctl summary seeds/
      newsctl summary article.txt -n 5 --max-chars 300
      newsctl summary seeds/ -j | jq -r '.documents[].summary.sentences[].text'
    """
    options = replace(_base_options(params, ("summary",)), summary_top=top, max_chars=max_chars)
    execute("summary", params, options)


# `keywords -n` and `analyze --keywords`: one meaning, one text.
KEYWORDS_TOP_HELP = "Keywords per article, at most (a weak tail is left out)."


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(BY_NAME["keywords"].formats)
@click.option(
    "-n",
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help=KEYWORDS_TOP_HELP,
)
@click.option("--method", type=click.Choice(["tfidf", "textrank"]), default="tfidf", show_default=True)
@click.option(
    "--idf",
    default="jieba",
    callback=validate.idf_source,
    show_default=True,
    metavar="jieba|corpus|FILE",
    help="Where IDF weights come from.",
)
@click.option(
    "--pos", metavar="TAGS", help="Comma-separated jieba POS tags to keep (default: nouns and names)."
)
@click.option(
    "--phrases/--no-phrases", default=True, show_default=True, help="Merge recurring adjacent keywords."
)
@click.option(
    "--min-weight",
    type=validate.FiniteFloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Leave out terms weighing less than this share of the best one.",
)
@click.option(
    "--userdict",
    type=click.Path(exists=True, dir_okay=False),
    help="A jieba user dictionary (word [freq] [tag]).",
)
@click.option(
    "--segmenter", type=click.Choice(["auto", "jieba", "rjieba"]), default="auto", show_default=True
)
def keywords(
    top: int,
    method: str,
    idf: str,
    pos: str | None,
    phrases: bool,
    min_weight: float,
    userdict: str | None,
    segmenter: str,
    **params: Any,
) -> None:
    """The keywords and keyphrases a news editor would pick.

    \b
    Examples:
      newsctl keywords seeds/
      newsctl keywords news/ -n 5 --idf corpus
      newsctl keywords seeds/ -j | jq -r '.documents[].keywords[].term'
    """
    options = replace(
        _base_options(params, ("keywords",)),
        keyword_top=top,
        method=method,
        idf=idf,
        pos=tuple(p.strip() for p in pos.split(",") if p.strip()) if pos else None,
        phrases=phrases,
        min_weight=min_weight,
        userdict=userdict,
        segmenter=segmenter,
    )
    execute("keywords", params, options, top=top)


def _refuse_ambiguous_n(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        raise click.UsageError("-n: analyze lists several things; use --keywords N or --sentences N", ctx)


def _csv_choice(value: str | None, allowed: tuple[str, ...], flag: str) -> tuple[str, ...] | None:
    if not value:
        return None
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in allowed]
    if unknown:
        _fail_usage(f"{flag}: unknown {', '.join(unknown)}; choose from {', '.join(allowed)}")
    return items


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(BY_NAME["timeline"].formats)
@click.option("--since", metavar="ISO", help="Only events ending after this date.")
@click.option("--until", metavar="ISO", help="Only events starting before this date.")
@click.option(
    "--include",
    default="durations,sets",
    show_default=True,
    metavar="durations,sets",
    help="Undated kinds to list after the timeline ('' for none).",
)
@click.option("--chart", is_flag=True, help="Draw events per month or year (html always does).")
def timeline(since: str | None, until: str | None, include: str, chart: bool, **params: Any) -> None:
    """Time expressions resolved against the publication date, in date order.

    \b
    Examples:
      newsctl timeline seeds/
      newsctl timeline news/ --since 2019-01-01 --until 2020-01-01 --chart
      newsctl timeline article.txt --reference-date 2020-05-20 -j
    """
    from newsctl.analyzers.timeline import TIME_EXTRAS

    for flag, value in (("--since", since), ("--until", until)):
        if value:
            from newsctl.article import parse_published

            if parse_published(value)[0] is None:
                _fail_usage(f"{flag}: cannot read {value!r}; use ISO 8601 (2019-01-01)")
    options = replace(
        _base_options(params, ("timeline",)),
        since=since,
        until=until,
        include=_csv_choice(include, TIME_EXTRAS, "--include") or (),
    )
    execute("timeline", params, options, chart=chart)


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(BY_NAME["figures"].formats)
@click.option(
    "--kind", "kinds", metavar="KINDS", help="Only these kinds: money,percent,count,age,measure,..."
)
@click.option(
    "--min-value", type=validate.FiniteFloat(), default=None, help="Only figures at least this large."
)
@click.option("--sort", type=click.Choice(["position", "value"]), default="position", show_default=True)
@click.option("--group", is_flag=True, help="One table per kind (money, percent, count, ...).")
def figures(kinds: str | None, min_value: float | None, sort: str, group: bool, **params: Any) -> None:
    """Every numeric fact: value, unit, approximation and what it counts.

    Dates, phone numbers, URLs, codes and set phrases (一盘棋, 统一) are left out.

    \b
    Examples:
      newsctl figures seeds/
      newsctl figures news/ --kind money --min-value 10000 --sort value
      newsctl figures seeds/ --group
      newsctl figures seeds/ -f jsonl | jq '.figures[] | {text, value, unit}'
    """
    from newsctl.analyzers.figures import FIGURE_KINDS

    options = replace(
        _base_options(params, ("figures",)),
        kinds=_csv_choice(kinds, FIGURE_KINDS, "--kind"),
        min_value=min_value,
        sort=sort,
    )
    execute("figures", params, options, group=group)


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(ANALYSIS_FORMATS)
@click.option(
    "--keywords",
    "--top",
    "top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help=KEYWORDS_TOP_HELP,
)
# -n is "how many" of the one thing a command lists; analyze lists several.
@click.option("-n", "ambiguous_n", hidden=True, expose_value=False, callback=_refuse_ambiguous_n)
@click.option(
    "--sentences", type=click.IntRange(min=0), default=3, show_default=True, help="Summary sentences."
)
@click.option(
    "--segmenter", type=click.Choice(["auto", "jieba", "rjieba"]), default="auto", show_default=True
)
@click.option("--chart", is_flag=True, help="Draw each article's events per month or year.")
@click.option("--group", is_flag=True, help="Figures in one table per kind.")
def analyze(top: int, sentences: int, segmenter: str, chart: bool, group: bool, **params: Any) -> None:
    """All four analyses in one pass: summary, keywords, timeline and figures.

    Each article is read, cleaned, parsed and segmented once. On a terminal
    it prints a full report per article; -f markdown and -f html write the
    same report to share; -f jsonl is the format for batch jobs.

    \b
    Examples:
      newsctl analyze seeds/
      newsctl analyze seeds/ -f markdown > report.md
      newsctl analyze seeds/ -f html > report.html
      newsctl analyze corpus.jsonl -f jsonl --jobs 2 > results.jsonl
    """
    from newsctl.analyzers.registry import ANALYSES

    options = replace(
        _base_options(params, ANALYSES), keyword_top=top, summary_top=sentences, segmenter=segmenter
    )
    execute("analyze", params, options, top=top, chart=chart, group=group)


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(CLEAN_FORMATS)
@click.option(
    "--script",
    type=click.Choice(["simplified", "original"]),
    default="simplified",
    show_default=True,
    help="Convert to Simplified, or keep the source's characters (annotations still removed).",
)
@click.option(
    "--body",
    "body_only",
    is_flag=True,
    help="Only the story (body, title, headings, dateline): no bylines, captions or page furniture.",
)
@click.option("--blocks", "show_blocks", is_flag=True, help="Show each article's blocks: kind | text.")
def clean(script: str, body_only: bool, show_blocks: bool, **params: Any) -> None:
    """Print each article's cleaned text, for piping into other tools.

    Inline pinyin annotations such as 網(wǎng) are removed, widths folded,
    whitespace normalised and (by default) the text converted to Simplified.
    --body keeps only the story's own blocks; --blocks shows how the article
    was cut (boilerplate dimmed).

    \b
    Examples:
      newsctl clean seeds/
      newsctl clean seeds/ --script original
      newsctl clean seeds/ --body > story.txt
      newsctl clean seeds/ --blocks
      newsctl clean seeds/ -f jsonl | jq -r .text
    """
    options = replace(_base_options(params, ()), script=script, with_text=True, body_only=body_only)
    execute("clean", params, options, blocks=show_blocks)


@cli.command(context_settings=CONTEXT_SETTINGS)
@shared_options(BY_NAME["check"].formats)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option("--github", "github", is_flag=True, help="Same as -f github.")
@click.option(
    "--summary-only", is_flag=True, help="Print only the totals (findings by code, articles by status)."
)
def check(strict: bool, github: bool, summary_only: bool, **params: Any) -> None:
    """Lint a corpus for CI: decodable, long enough, dated, sourced, clean, unique.

    Problems are errors (decode_error, empty, binary, mojibake,
    leftover_annotation, duplicate, duplicate_id) or warnings (too_short,
    no_published, no_source, near_duplicate, not_utf8). Exit 1 on any error,
    or on any warning with --strict. For several articles, totals follow the
    table (on stderr after JSON). -f github prints GitHub Actions
    annotations; a JSONL or CSV record's carry its line and its id.

    \b
    Examples:
      newsctl check seeds/
      newsctl check corpus/ --strict -f github
      newsctl check corpus/ -f jsonl | jq -c 'select(.problems != [])'
      newsctl check corpus.jsonl --summary-only
    """
    if github:
        params["fmt"] = "github"
    params["strict"] = strict
    params["summary_only"] = summary_only
    options = replace(_base_options(params, ("check",)))
    execute("check", params, options)


def analyzer_command(spec: AnalyzerSpec) -> click.Command:
    """The command of an analyzer that needs no options of its own: the shared
    options, the spec's help, the one read-analyse-render loop."""

    def command(**params: Any) -> None:
        execute(spec.name, params, _base_options(params, (spec.name,)))

    return click.command(spec.name, help=spec.help, context_settings=CONTEXT_SETTINGS)(
        shared_options(spec.formats)(command)
    )


@cli.command(context_settings=CONTEXT_SETTINGS)
def schema() -> None:
    """Print the JSON Schema of the output contract's DOCUMENT.

    \b
    Example:
      newsctl schema > document.schema.json
    """
    from newsctl.schema import schema_text

    click.echo(schema_text(), nl=False)


# ---------------------------------------------------------------------------
# entry point


def main(args: list[str] | None = None) -> None:
    """Console entry point. Exit statuses (docs/exit-codes.md): 0 ok, 1 an article
    failed, 2 usage, 128 + N on signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP),
    0 when the reader of stdout goes away (`| head`). One line per error."""
    from newsctl import shutdown, streams

    debug = "--debug" in (args if args is not None else sys.argv[1:])
    shutdown.install()
    notes = streams.prepare()
    _sanitize_terminal_size()
    for note in notes:
        sys.stderr.write(f"newsctl: warning: {note}\n")
    try:
        code = cli.main(args=args, prog_name="newsctl", standalone_mode=False)
        _exit(code if isinstance(code, int) else ExitStatus.OK)
    except click.exceptions.Exit as exc:
        _exit(exc.exit_code)
    except click.ClickException as exc:
        shutdown.defer_from_now()
        exc.show()
        _exit(ExitStatus.USAGE if isinstance(exc, click.UsageError) else ExitStatus.FAILED)
    except (click.Abort, KeyboardInterrupt):
        shutdown.defer_from_now()
        sys.stderr.write("newsctl: interrupted\n")
        _exit(ExitStatus.INTERRUPTED)
    except shutdown.Interrupted as exc:
        shutdown.defer_from_now()
        sys.stderr.write("newsctl: interrupted\n")
        _exit(shutdown.exit_code(exc.signum))
    except BrokenPipeError:
        _silence_stdout()
        _exit(ExitStatus.OK)
    except SystemExit:
        if not streams.stdout_broken():
            raise
        _silence_stdout()
        _exit(ExitStatus.OK)
    except OSError as exc:
        failed = streams.stdout_error()
        if failed is None:
            _internal_error(exc, debug)
        else:
            shutdown.defer_from_now()
            _silence_stdout()  # what is still buffered cannot be written either
            sys.stderr.write(f"newsctl: cannot write the output: {failed.strerror or failed}\n")
            _exit(ExitStatus.FAILED)
    except Exception as exc:
        _internal_error(exc, debug)


def _internal_error(exc: Exception, debug: bool) -> None:
    from newsctl import shutdown

    if debug:
        raise exc
    shutdown.defer_from_now()
    sys.stderr.write(f"newsctl: internal error: {exc.__class__.__name__}: {exc} (rerun with --debug)\n")
    _exit(ExitStatus.FAILED)


def _sanitize_terminal_size() -> None:
    # rich sizes tables from COLUMNS/LINES: 0 or junk would print nothing, a huge
    # value would pad every line to it. Out-of-range values are clamped or ignored.
    for name, low, high in (("COLUMNS", 20, 1000), ("LINES", 5, 1000)):
        value = os.environ.get(name)
        if value is None:
            continue
        value = value.strip()
        if not value.isascii() or not value.isdigit() or int(value) == 0:
            del os.environ[name]
        else:
            os.environ[name] = str(min(max(int(value), low), high))


def _silence_stdout() -> None:
    # The reader went away (`| head -1`): point stdout at /dev/null so the
    # interpreter's final flush does not complain.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _exit(code: int) -> None:
    from newsctl import shutdown

    shutdown.defer_from_now()  # a signal from here on must not raise mid-exit
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    # The output is complete: a stop signal arriving from here on finds nothing to stop.
    # Blocked, it is discarded at exit, instead of killing the process during Python's
    # finalisation (which restores the default actions) and reporting death by signal.
    shutdown.block_stop_signals()
    signum = shutdown.stop_signal()
    if signum is not None and code in (ExitStatus.OK, ExitStatus.FAILED):
        code = shutdown.exit_code(signum)
    sys.exit(int(code))
