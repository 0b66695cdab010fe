"""The command line, driven with click's CliRunner (stdout and stderr apart)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from contract import validate_json_output, validate_jsonl_output

from newsctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
COMMANDS = ["summary", "keywords", "timeline", "figures", "analyze", "clean", "schema"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = invoke(runner, "--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(runner: CliRunner, command: str) -> None:
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout
    assert result.stderr == ""


def test_version(runner: CliRunner) -> None:
    from newsctl import __version__

    result = invoke(runner, "--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_mistyped_command_suggests_the_right_one(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["sumary", "seeds/"])
    assert result.exit_code == 2
    assert "Did you mean 'summary'" in result.stderr
    assert result.stdout == ""


def test_summary_on_the_seed_meets_the_contract(runner: CliRunner) -> None:
    result = invoke(runner, "summary", str(SEED), "-j")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    data = validate_json_output(result.stdout)
    assert data["command"] == "summary"
    (document,) = data["documents"]
    meta = document["metadata"]
    assert meta["title"] is None
    assert meta["source"] == "齐鲁网"
    assert meta["published"] == "2020-05-20T11:09:05+08:00"
    assert meta["reporters"] == ["刘晨", "冯振弘"]
    assert len(meta["headings"]) == 3
    sentences = document["summary"]["sentences"]
    assert len(sentences) == 3
    texts = [s["text"] for s in sentences]
    assert texts[0].startswith("2019年以來")  # the lead, without the dateline
    raw = SEED.read_text(encoding="utf-8")
    for sentence in sentences:
        start, end = sentence["span"]
        assert "記者" not in sentence["text"] and "熱線" not in sentence["text"]
        # the span indexes the source; the text is that slice minus pinyin annotations
        assert len(raw[start:end]) >= len(sentence["text"])
    assert [s["index"] for s in sentences] == sorted(s["index"] for s in sentences)


def test_jsonl_streams_one_document_per_line(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("新华社北京3月5日电 今年经济增长5%。会议强调要稳中求进。", encoding="utf-8")
    result = invoke(runner, "summary", str(SEED), str(other), "-f", "jsonl")
    assert result.exit_code == 0
    documents = validate_jsonl_output(result.stdout)
    assert [d["path"] for d in documents] == [str(SEED), str(other)]


def test_bad_inputs_give_error_documents_and_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("本报讯 市政府今天召开会议，部署全年工作。", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = invoke(runner, "summary", str(tmp_path), str(missing), "-f", "jsonl")
    assert result.exit_code == 1
    documents = validate_jsonl_output(result.stdout)
    assert [Path(d["path"]).name for d in documents] == ["empty.txt", "good.txt", "missing.txt"]
    errors = {Path(d["path"]).name: d["error"]["code"] for d in documents if "error" in d}
    assert errors == {"empty.txt": "empty", "missing.txt": "not_found"}
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith("newsctl: ") for line in lines)
    assert "empty.txt" in lines[0] and "missing.txt" in lines[1]
    assert "Traceback" not in result.stderr


def test_usage_error_without_paths_on_a_terminal_is_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["summary", "--tz", "Mars/Olympus"])
    assert result.exit_code == 2
    assert "time zone" in result.stderr


def test_stdin_dash(runner: CliRunner) -> None:
    result = invoke(runner, "summary", "-", "-j", input="本报讯 今天召开会议。会议要求抓好落实。".encode())
    assert result.exit_code == 0
    data = validate_json_output(result.stdout)
    assert data["documents"][0]["id"] == "-"


def test_markup_and_escapes_in_articles_print_literally(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        "本报讯 他说“[bold red]警告[/bold red]”，并贴出[link=http://x]链接[/link]。\n"
        "第二段有转义\x1b[31m红色\x1b]8;;http://evil\x07文字，还有\x9b2J清屏。\n",
        encoding="utf-8",
    )
    result = invoke(runner, "summary", str(article), "-n", "5")
    assert result.exit_code == 0
    assert "[bold red]警告[/bold red]" in result.stdout
    assert "[link=http://x]" in result.stdout
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\x07" not in result.stdout
    json_result = invoke(runner, "summary", str(article), "-j")
    assert "\x1b" not in json_result.stdout and "\x9b" not in json_result.stdout


def test_json_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed, NEWSCTL_CACHE_DIR=str(tmp_path / "cache"))
        proc = subprocess.run(
            [sys.executable, "-m", "newsctl", "analyze", str(SEED), "-j"],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    env = dict(os.environ, NEWSCTL_CACHE_DIR=str(tmp_path / "cache"))
    many = [str(SEED)] * 40
    proc = subprocess.run(
        f"{sys.executable} -m newsctl summary {' '.join(many)} -f jsonl --jobs 1 | head -1",
        shell=True,
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.stdout.count(b"\n") == 1
    assert proc.stderr == b""


def test_clean_removes_annotations_and_converts(runner: CliRunner) -> None:
    result = invoke(runner, "clean", str(SEED))
    assert result.exit_code == 0
    assert "(wǎng)" not in result.stdout and "網" not in result.stdout
    assert "齐鲁网" in result.stdout
    original = invoke(runner, "clean", str(SEED), "--script", "original")
    assert "齊魯網" in original.stdout and "(wǎng)" not in original.stdout


def test_clean_json_carries_text(runner: CliRunner) -> None:
    result = invoke(runner, "clean", str(SEED), "-f", "jsonl")
    (document,) = validate_jsonl_output(result.stdout)
    assert document["text"].startswith("来源:齐鲁网")


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    result = invoke(runner, "schema")
    schema = json.loads(result.stdout)
    assert schema["title"].startswith("newsctl DOCUMENT")


def test_j_conflicts_with_another_format(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["summary", str(SEED), "-j", "-f", "jsonl"])
    assert result.exit_code == 2


def test_ctrl_c_exits_130_with_whole_jsonl_lines(tmp_path: Path) -> None:
    import signal

    text = SEED.read_text(encoding="utf-8")
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for i in range(2000):
            handle.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    env = dict(os.environ, NEWSCTL_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsctl", "summary", str(corpus), "-f", "jsonl", "--jobs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the run is under way
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=120)
    lines = (first + rest).decode("utf-8").splitlines()
    assert proc.returncode == 130
    assert 1 <= len(lines) < 2000
    assert all(json.loads(line)["id"].startswith("d") for line in lines)
    assert b"Traceback" not in err
    assert err.decode().strip().endswith("newsctl: interrupted")


# ---------------------------------------------------------------------------
# presentation options: colour, formats, consistency


ANSI = re.compile(r"\x1b\[[0-9;]*m")
ANALYSING = ["summary", "keywords", "timeline", "figures", "analyze", "clean", "check"]


def _table(runner: CliRunner, *args: str, env: dict[str, str | None] | None = None) -> str:
    base = {"COLUMNS": "100", "NO_COLOR": None, "FORCE_COLOR": None}
    result = runner.invoke(cli, ["keywords", str(SEED), *args], env={**base, **(env or {})})
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_no_colour_or_box_characters_into_a_pipe(runner: CliRunner) -> None:
    output = _table(runner)
    assert not ANSI.search(output)
    assert "─" not in output and "---+---" in output  # plain ASCII rules


def test_color_forces_colour(runner: CliRunner) -> None:
    output = _table(runner, "--color")
    assert ANSI.search(output)
    assert "─" in output


def test_color_wins_over_no_color_env(runner: CliRunner) -> None:
    assert ANSI.search(_table(runner, "--color", env={"NO_COLOR": "1"}))


def test_no_color_env_on_a_terminal_keeps_the_layout_without_escapes(runner: CliRunner) -> None:
    output = _table(runner, env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert "\x1b" not in output
    assert "─" in output  # still laid out for a terminal
    coloured = _table(runner, env={"FORCE_COLOR": "1"})
    assert ANSI.search(coloured)
    assert ANSI.sub("", coloured) == output


def test_no_color_flag_on_a_terminal(runner: CliRunner) -> None:
    assert "\x1b" not in _table(runner, "--no-color", env={"FORCE_COLOR": "1"})


@pytest.mark.parametrize("command", ANALYSING)
def test_every_analysing_command_takes_the_shared_options(command: str) -> None:
    params = {opt for p in cli.commands[command].params for opt in getattr(p, "opts", [])}
    shared = {"-f", "--format", "-j", "--encoding", "--input-format", "--max-bytes", "--reference-date"}
    assert shared | {"--tz", "--jobs", "--color"} <= params
    if command in ("summary", "keywords", "analyze"):
        assert {"-n", "--top"} <= params


@pytest.mark.parametrize(
    ("command", "presentation"),
    [("figures", ["--group"]), ("timeline", ["--chart"]), ("analyze", ["--group", "--chart", "--color"])],
)
def test_presentation_options_never_change_the_json(command: str, presentation: list[str]) -> None:
    plain = CliRunner(env={"COLUMNS": "80"}).invoke(cli, [command, str(SEED), "-j"])
    dressed = CliRunner(env={"COLUMNS": "200"}).invoke(cli, [command, str(SEED), "-j", *presentation])
    assert plain.exit_code == dressed.exit_code == 0
    assert plain.stdout == dressed.stdout


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_report_formats_write_nothing_to_stderr(runner: CliRunner, fmt: str) -> None:
    result = invoke(runner, "analyze", str(SEED), "-f", fmt)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert not ANSI.search(result.stdout)


def test_report_formats_on_a_failed_article_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(cli, ["analyze", str(tmp_path / "empty.txt"), str(SEED), "-f", "html"])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr
    # the seed's source as its Traditional page prints it (contract 1.2)
    assert result.stdout.rstrip().endswith("</html>") and "齊魯網" in result.stdout


def test_completion_script_from_the_entry_point(tmp_path: Path) -> None:
    env = dict(os.environ, _NEWSCTL_COMPLETE="bash_source", NEWSCTL_CACHE_DIR=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", "from newsctl.cli import main; main()"],
        capture_output=True,
        env=env,
        text=True,
        check=False,
    )
    assert proc.returncode == 0
    assert "complete -o nosort -F _newsctl_completion newsctl" in proc.stdout


def test_an_empty_no_color_does_not_turn_colour_off(runner: CliRunner) -> None:
    # no-color.org: only a non-empty NO_COLOR counts.
    assert ANSI.search(_table(runner, env={"NO_COLOR": "", "FORCE_COLOR": "1"}))


@pytest.mark.parametrize("flag", ["--debug", "--verbose", "-v"])
def test_group_options_are_accepted_after_the_command(runner: CliRunner, flag: str) -> None:
    before = runner.invoke(cli, [flag, "summary", str(SEED), "-j"])
    after = runner.invoke(cli, ["summary", str(SEED), "-j", flag])
    assert before.exit_code == after.exit_code == 0, after.stderr
    assert before.stdout == after.stdout


def test_debug_after_the_command_reraises_internal_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsctl import pipeline

    def broken(*_: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(pipeline.ANALYZERS, "summary", broken)
    quiet = CliRunner().invoke(cli, ["summary", str(SEED), "-j"])
    assert quiet.exit_code == 1 and "analysis_error" in quiet.stdout
    loud = CliRunner().invoke(cli, ["summary", str(SEED), "-j", "--debug"])
    assert isinstance(loud.exception, RuntimeError)


@pytest.mark.parametrize("command", ANALYSING)
def test_help_lists_only_the_formats_the_command_accepts(runner: CliRunner, command: str) -> None:
    from newsctl.analyzers.spec import FORMATS

    choice = next(p for p in cli.commands[command].params if p.name == "fmt").type
    shown = set(re.search(r"--format \[([a-z|]+)\]", invoke(runner, command, "--help").stdout)[1].split("|"))
    assert shown == set(choice.choices)
    for fmt in sorted(set(FORMATS) - shown):
        result = runner.invoke(cli, [command, str(SEED), "-f", fmt])
        assert result.exit_code == 2 and "try -f json" in result.stderr, fmt


def test_short_options_mean_one_thing_across_commands() -> None:
    # Each short option is one long option wherever it appears (-n is --top: how
    # many of the one thing the command lists).
    meaning: dict[str, set[tuple[str, ...]]] = {}
    for command in cli.commands.values():
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if not opt.startswith("--") and not getattr(param, "hidden", False):
                    meaning.setdefault(opt, set()).add(tuple(param.opts))
    assert {opt: longs for opt, longs in meaning.items() if len(longs) > 1} == {}


def test_analyze_refuses_the_ambiguous_n(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["analyze", str(SEED), "-n", "3"])
    assert result.exit_code == 2 and "--keywords N or --sentences N" in result.stderr
    keywords = runner.invoke(cli, ["analyze", str(SEED), "-j", "--keywords", "3"])
    assert [len(d["keywords"]) for d in json.loads(keywords.stdout)["documents"]] == [3]


@pytest.mark.parametrize("command", ["", *sorted(cli.commands)])
def test_help_fits_80_columns(command: str) -> None:
    from rich.cells import cell_len

    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert [line for line in result.stdout.splitlines() if cell_len(line) > 80] == []


def test_counts_in_the_report_agree_with_their_number(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "one.txt"
    article.write_text("市里今天开会。\n", encoding="utf-8")
    output = invoke(runner, "summary", str(article)).stdout
    assert "1 paragraph, 1 sentence" in output and "1 paragraphs" not in output


def _keywords_stderr(cache: Path, stderr_is_terminal: bool) -> str:
    """stderr of `newsctl keywords SEED -f jsonl` with an empty or filled cache, stderr a
    terminal (a pty) or a pipe; stdout is a pipe either way."""
    import pty
    import select

    env = {**os.environ, "NEWSCTL_CACHE_DIR": str(cache), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    command = [sys.executable, "-m", "newsctl", "keywords", str(SEED), "-f", "jsonl"]
    if not stderr_is_terminal:
        done = subprocess.run(command, env=env, capture_output=True, timeout=300, check=True)
        return done.stderr.decode()
    main_fd, other_fd = pty.openpty()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=other_fd)
    os.close(other_fd)
    seen = b""
    while True:
        ready, _, _ = select.select([main_fd], [], [], 300)
        if not ready:
            break
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the pty closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    proc.communicate(timeout=300)
    os.close(main_fd)
    assert proc.returncode == 0
    return seen.decode(errors="replace")


def test_first_lexicon_build_is_announced_on_a_terminal_only(tmp_path: Path) -> None:
    assert "building the keyword lexicon" in _keywords_stderr(tmp_path / "a", stderr_is_terminal=True)
    # built now: nothing to announce
    assert "building the keyword lexicon" not in _keywords_stderr(tmp_path / "a", stderr_is_terminal=True)
    # a pipe never gets the spinner
    assert _keywords_stderr(tmp_path / "b", stderr_is_terminal=False) == ""
