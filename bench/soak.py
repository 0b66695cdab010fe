"""Soak: run the installed command in hostile situations and check the run itself.

Every situation runs `newsctl` as a real process (real signals, real pipes, a
real locale) on a generated corpus and checks:

- records in = DOCUMENTs out (all of them, or for an interrupted run only whole
  ones, in a valid JSON document or on whole JSONL lines);
- no traceback on stderr, and the exit status the situation calls for;
- nothing hangs (a run is killed and failed after --timeout seconds);
- no process left behind (every process started carries a marker in its
  environment, and /proc is searched for it afterwards);
- no temporary file left (each run has its own TMPDIR, which must end empty);
- no NaN or Infinity in JSON output.

    .venv/bin/python bench/soak.py            # all situations, about a minute
    .venv/bin/python bench/soak.py --quick    # the short set `make test` runs
    NEWSCTL=/path/to/newsctl .venv/bin/python bench/soak.py -k sig

Exit status 0 when every situation passes, 1 otherwise (one line per failure).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
MARKER = "NEWSCTL_SOAK_MARK"


def command() -> list[str]:
    """NEWSCTL (a path to the command) or this interpreter's `-m newsctl`."""
    given = os.environ.get("NEWSCTL")
    return [given] if given else [sys.executable, "-m", "newsctl"]


def write_corpus(directory: Path, records: int) -> Path:
    """`records` distinct articles as JSONL, built from the seed article's paragraphs."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").splitlines() if p.strip()]
    path = directory / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(records):
            # rotate the paragraphs so that no two records are the same text
            shift = number % len(paragraphs)
            body = paragraphs[shift:] + paragraphs[:shift]
            text = f"本报讯 第{number}期：2021年{number % 12 + 1}月{number % 28 + 1}日，" + "\n".join(body)
            record = {"id": f"r{number:05d}", "text": text, "published": "2021-05-20"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------------------
# one run


class Run:
    """A started process, its stdout collected by a thread (which can be paused,
    to leave the pipe full, or can close the pipe early like `| head -1`)."""

    def __init__(self, argv: list[str], env: dict[str, str], stdin: Any, stdout: Any, stderr: Any) -> None:
        # its own process group, as a shell job is: signals can go to the whole group
        self.proc = subprocess.Popen(
            argv, env=env, stdin=stdin, stdout=stdout, stderr=stderr, start_new_session=True
        )
        self.out = bytearray()
        self.err = bytearray()
        self.first_output = threading.Event()
        self.paused = threading.Event()
        self.close_after_first = False
        self.missed = False  # the run had ended before a signal could be sent: nothing to test
        self.threads = []
        if self.proc.stdout is not None:
            self.threads.append(threading.Thread(target=self._read_out, daemon=True))
        if self.proc.stderr is not None:
            self.threads.append(threading.Thread(target=self._read_err, daemon=True))
        for thread in self.threads:
            thread.start()

    def _read_out(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            while self.paused.is_set():
                time.sleep(0.02)
            data = stream.read1(1 << 12) if hasattr(stream, "read1") else stream.read(1 << 12)
            if not data:
                return
            self.out += data
            self.first_output.set()
            if self.close_after_first and b"\n" in self.out:
                stream.close()
                return

    def _read_err(self) -> None:
        stream = self.proc.stderr
        assert stream is not None
        while data := stream.read(1 << 12):
            self.err += data

    def wait(self, timeout: float) -> bool:
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return False
        for thread in self.threads:
            thread.join(timeout=5)
        return True


def marked_processes(mark: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            environ = Path(f"/proc/{entry}/environ").read_bytes()
            state = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"{MARKER}={mark}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(entry))
    return found


def child_pids(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


# ---------------------------------------------------------------------------
# situations


@dataclass
class Situation:
    name: str
    args: list[str]
    fmt: str  # jsonl, json, table, none (no stdout expected)
    codes: tuple[int, ...] = (0,)
    records: str = "all"  # all: every record out; whole: an interrupted run's whole documents
    env: dict[str, str] = field(default_factory=dict)
    stdin: str = "devnull"  # devnull, closed, corpus (the corpus on a pipe), slow (half, then a pause)
    stdout: str = "pipe"  # pipe, closed
    stderr: str = "pipe"  # pipe, closed
    during: Callable[[Run], None] | None = None
    quick: bool = False
    extra: int = 0  # DOCUMENTs expected beyond the corpus's records
    stderr_has: str | None = None


def after_first_output(action: Callable[[Run], None], delay: float = 0.0) -> Callable[[Run], None]:
    def during(run: Run) -> None:
        run.first_output.wait(30)
        time.sleep(delay)
        action(run)

    return during


def send(*signums: int, gap: float = 0.05) -> Callable[[Run], None]:
    def action(run: Run) -> None:
        for number, signum in enumerate(signums):
            if number:
                time.sleep(gap)
            if number == 0 and run.proc.poll() is not None:
                run.missed = True
                return
            run.proc.send_signal(signum)

    return action


def send_group(signum: int) -> Callable[[Run], None]:
    """To the parent and its workers at once, as Ctrl-C on a terminal or `kill -- -PGID` does."""

    def action(run: Run) -> None:
        try:
            if run.proc.poll() is None:
                os.killpg(run.proc.pid, signum)
                return
        except ProcessLookupError:
            pass
        run.missed = True

    return action


def kill_workers(times: int) -> Callable[[Run], None]:
    def action(run: Run) -> None:
        killed: set[int] = set()
        for _ in range(times):
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and run.proc.poll() is None:
                fresh = [p for p in child_pids(run.proc.pid) if p not in killed]
                if fresh:
                    os.kill(fresh[0], signal.SIGKILL)
                    killed.add(fresh[0])
                    break
                time.sleep(0.05)
            time.sleep(0.3)

    return action


def blocked_then(action: Callable[[Run], None], block: float = 1.5) -> Callable[[Run], None]:
    """Stop reading stdout (the pipe fills and the writer blocks), act, read again."""

    def during(run: Run) -> None:
        run.first_output.wait(30)
        run.paused.set()
        time.sleep(block)
        action(run)
        time.sleep(0.2)
        run.paused.clear()

    return during


def kill_parent(run: Run) -> None:
    run.first_output.wait(30)
    run.proc.kill()


def close_early(run: Run) -> None:
    run.close_after_first = True


def situations(corpus: Path, work: Path) -> list[Situation]:
    c = str(corpus)
    nan_idf = work / "nan.idf"
    nan_idf.write_text("会议 nan\n工作 inf\n", encoding="utf-8")
    userdict = work / "user.dict"
    userdict.write_text("高位推进 ² n\n结合文章 3\n", encoding="utf-8")
    osc = str(work / "idf\x1b]0;pwned\x07.txt")
    bad = work / "bad.jsonl"
    bad.write_bytes(corpus.read_bytes() + b'{"id": "broken", "text": "\xe6\x9c\xac\n' + b"[" * 5000 + b"\n")
    return [
        Situation(
            "worker killed once",
            ["figures", c, "-f", "jsonl", "--jobs", "2"],
            "jsonl",
            during=after_first_output(kill_workers(1)),
            quick=True,
        ),
        Situation(
            "workers killed three times",
            ["analyze", c, "-j", "--jobs", "2"],
            "json",
            # a retried document whose worker is killed again is an error DOCUMENT (exit 1)
            codes=(0, 1),
            during=kill_workers(3),
        ),
        Situation(
            "SIGTERM, --jobs 2",
            ["timeline", c, "-f", "jsonl", "--jobs", "2"],
            "jsonl",
            codes=(143,),
            records="whole",
            during=after_first_output(send(signal.SIGTERM)),
            quick=True,
        ),
        Situation(
            "SIGINT, json",
            ["figures", c, "-j", "--jobs", "2"],
            "json",
            codes=(130,),
            records="whole",
            during=after_first_output(send(signal.SIGINT), 0.3),
        ),
        Situation(
            "SIGTERM during start-up, json",
            ["keywords", c, "-j", "--jobs", "2"],
            "json",
            codes=(143,),
            records="whole",
            during=lambda run: (time.sleep(1.0), send(signal.SIGTERM)(run)),
        ),
        Situation(
            "SIGINT, check --jobs 2",
            ["check", c, "-f", "jsonl", "--jobs", "2"],
            "jsonl",
            codes=(130,),
            records="whole",
            during=after_first_output(send(signal.SIGINT)),
        ),
        Situation(
            "SIGTERM, markdown report",
            ["summary", c, "-f", "markdown", "--jobs", "2"],
            "table",
            codes=(143,),
            during=after_first_output(send(signal.SIGTERM), 0.05),  # as below: 0.5 s ends the run first
        ),
        Situation(
            "SIGTERM to the process group, --jobs 2",
            ["figures", c, "-f", "jsonl", "--jobs", "2"],
            "jsonl",
            codes=(143,),
            records="whole",
            during=after_first_output(send_group(signal.SIGTERM), 0.05),
        ),
        Situation(
            "SIGINT to the process group, json, --jobs 2",
            ["analyze", c, "-j", "--jobs", "2"],
            "json",
            codes=(130,),
            records="whole",
            # documents come back from the workers in chunks of 16: half a second after
            # the first one, a quiet machine has written them all and the run is over
            during=after_first_output(send_group(signal.SIGINT), 0.05),
            quick=True,
        ),
        Situation(
            "SIGHUP",
            ["keywords", c, "-f", "jsonl", "--jobs", "2"],
            "jsonl",
            codes=(129,),
            records="whole",
            during=after_first_output(send(signal.SIGHUP)),
        ),
        Situation(
            "SIGINT with stdout blocked",
            ["analyze", c, "-j", "--jobs", "2"],
            "json",
            codes=(130,),
            records="whole",
            during=blocked_then(send(signal.SIGINT)),
            quick=True,
        ),
        Situation(
            "SIGTERM in-process with stdout blocked",
            ["clean", c, "-f", "jsonl", "--jobs", "1"],
            "jsonl",
            codes=(143,),
            records="whole",
            during=blocked_then(send(signal.SIGTERM), 1.0),
        ),
        Situation(
            "two SIGINTs with stdout blocked, --jobs 2",
            ["clean", c, "-f", "jsonl", "--jobs", "2"],  # about 6 KB a record: the pipe fills
            "none",
            codes=(130,),
            during=blocked_then(send(signal.SIGINT, signal.SIGINT)),
            quick=True,
        ),
        Situation(
            "SIGTERM then SIGINT",
            ["analyze", c, "--jobs", "2"],
            "none",
            codes=(143, 130),  # arriving together, Python runs the lower-numbered handler first
            during=after_first_output(send(signal.SIGTERM, signal.SIGINT, gap=0.01)),
        ),
        Situation(
            "parent SIGKILLed",
            ["timeline", c, "-f", "jsonl", "--jobs", "2"],
            "none",
            codes=(-9,),
            during=kill_parent,
        ),
        Situation(
            "PYTHONIOENCODING=ascii, json",
            ["clean", c, "-j", "--jobs", "2"],
            "json",
            env={"PYTHONIOENCODING": "ascii"},
            quick=True,
        ),
        Situation(
            "LC_ALL=C PYTHONUTF8=0, jsonl",
            ["check", c, "-f", "jsonl"],
            "jsonl",
            env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
        ),
        Situation(
            "LC_ALL=C PYTHONUTF8=0, table",
            ["summary", str(SEED)],
            "table",
            env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"},
        ),
        Situation("stdout closed", ["figures", c, "--jobs", "2"], "none", stdout="closed"),
        Situation("stdin closed", ["timeline", c, "-f", "jsonl"], "jsonl", stdin="closed"),
        Situation(
            "stderr closed, a bad record",
            ["summary", str(bad), "-f", "jsonl"],
            "jsonl",
            codes=(1,),
            stderr="closed",
            extra=2,
        ),
        Situation(
            "JSONL on stdin",
            ["summary", "-", "--input-format", "jsonl", "-f", "jsonl"],
            "jsonl",
            stdin="corpus",
        ),
        Situation(
            "reader goes away (| head -1)",
            ["analyze", c, "-f", "jsonl", "--jobs", "2"],
            "none",
            during=close_early,
            quick=True,
        ),
        Situation(
            "--jobs 512",
            ["summary", c, "-f", "jsonl", "--jobs", "512"],
            "jsonl",
            stderr_has="CPUs",
        ),
        Situation("--min-value nan", ["figures", c, "--min-value", "nan"], "none", codes=(2,)),
        Situation("--max-bytes 1e11", ["summary", c, "--max-bytes", "100000000000"], "none", codes=(2,)),
        Situation("--idf with nan weights", ["keywords", c, "--idf", str(nan_idf)], "none", codes=(2,)),
        Situation("OSC in an --idf path", ["keywords", c, "--idf", osc], "none", codes=(2,)),
        Situation("userdict count ²", ["keywords", c, "--userdict", str(userdict), "-f", "jsonl"], "jsonl"),
        Situation("COLUMNS=0", ["check", str(SEED)], "table", env={"COLUMNS": "0"}),
        Situation(
            "SIGTERM during --idf corpus on stdin",
            ["keywords", "-", "--idf", "corpus", "-j"],
            "json",
            codes=(143,),
            records="whole",
            stdin="slow",
            during=lambda run: (time.sleep(1.5), send(signal.SIGTERM)(run)),
        ),
    ]


# ---------------------------------------------------------------------------
# checks


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} in JSON output")


def count_documents(situation: Situation, out: bytes) -> tuple[int, str | None]:
    """(DOCUMENTs found, problem) for the situation's format."""
    text = out.decode("utf-8")
    if situation.fmt == "jsonl":
        if text and not text.endswith("\n"):
            return 0, "JSONL output does not end on a whole line"
        for number, line in enumerate(text.splitlines(), start=1):
            try:
                json.loads(line, parse_constant=_no_constants)
            except ValueError as exc:
                return 0, f"line {number} is not JSON: {exc}"
        return len(text.splitlines()), None
    if situation.fmt == "json":
        try:
            document = json.loads(text, parse_constant=_no_constants)
        except ValueError as exc:
            return 0, f"output is not one JSON document: {exc}"
        return len(document["documents"]), None
    return 0, None


def check(situation: Situation, run: Run, finished: bool, records: int, mark: str, tmp: Path) -> list[str]:
    problems = []
    if not finished:
        problems.append("hung: killed after the timeout")
    codes = (0,) if run.missed else situation.codes
    if run.missed:
        print(f"note: {situation.name}: the run ended before the signal was sent", file=sys.stderr)
    if run.proc.returncode not in codes:
        problems.append(f"exit status {run.proc.returncode}, expected {codes}")
    err = run.err.decode("utf-8", "replace")
    if "Traceback" in err or "internal error" in err:
        problems.append("traceback or internal error on stderr: " + err.strip().splitlines()[-1][:200])
    if "\x1b" in err or "\x07" in err:
        problems.append("a raw escape sequence reached stderr")
    if situation.stderr_has and situation.stderr_has not in err:
        problems.append(f"stderr lacks {situation.stderr_has!r}")
    if situation.fmt in ("json", "jsonl"):
        found, problem = count_documents(situation, bytes(run.out))
        expected = records + situation.extra
        if problem:
            problems.append(problem)
        elif found != expected if situation.records == "all" else found > expected:
            problems.append(f"{found} DOCUMENTs for {expected} records")
    if situation.fmt == "table" and not run.out.strip():
        problems.append("no output")
    if situation.fmt == "none" and situation.during is kill_parent:
        # the workers must not hold stdout open: the reader sees the end at once
        if not run.threads or run.threads[0].is_alive():
            problems.append("stdout still open after the parent died")
    deadline = time.monotonic() + 3
    while (left := marked_processes(mark)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if left:
        problems.append(f"processes left: {left}")
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    leftovers = sorted(p.name for p in tmp.iterdir())
    if leftovers:
        problems.append(f"temporary files left: {leftovers[:5]}")
    return problems


def run_situation(situation: Situation, corpus: Path, records: int, timeout: float) -> list[str]:
    mark = uuid.uuid4().hex
    tmp = Path(tempfile.mkdtemp(prefix="soak-tmp-"))
    env = {**os.environ, MARKER: mark, "TMPDIR": str(tmp), "COLUMNS": "100", **situation.env}
    env.pop("NEWSCTL", None)
    stdin: Any = subprocess.DEVNULL
    feeder = None
    if situation.stdin == "corpus":
        stdin = corpus.open("rb")
    elif situation.stdin == "slow":
        stdin = subprocess.PIPE
    if situation.stdin == "closed" or situation.stdout == "closed" or situation.stderr == "closed":
        # closed descriptors: a shell's `<&-` / `>&-` / `2>&-`
        shell = " ".join(["exec", *map(_quote, command() + situation.args)])
        shell += " <&-" if situation.stdin == "closed" else ""
        shell += " >&-" if situation.stdout == "closed" else ""
        shell += " 2>&-" if situation.stderr == "closed" else ""
        argv = ["/bin/sh", "-c", shell]
    else:
        argv = command() + situation.args
    try:
        run = Run(
            argv,
            env,
            stdin=stdin,
            stdout=subprocess.PIPE if situation.stdout == "pipe" else None,
            stderr=subprocess.PIPE if situation.stderr == "pipe" else None,
        )
        if situation.stdin == "slow":
            feeder = threading.Thread(target=_feed_slowly, args=(run.proc, corpus), daemon=True)
            feeder.start()
        if situation.during is not None:
            threading.Thread(target=situation.during, args=(run,), daemon=True).start()
        finished = run.wait(timeout)
        return check(situation, run, finished, records, mark, tmp)
    finally:
        if hasattr(stdin, "close"):
            stdin.close()
        shutil.rmtree(tmp, ignore_errors=True)


def _feed_slowly(proc: subprocess.Popen[bytes], corpus: Path) -> None:
    data = corpus.read_bytes()
    assert proc.stdin is not None
    try:
        proc.stdin.write(data[: len(data) // 2])
        proc.stdin.flush()
        time.sleep(5)
        proc.stdin.write(data[len(data) // 2 :])
        proc.stdin.close()
    except OSError:
        pass


def _quote(word: str) -> str:
    return "'" + word.replace("'", "'\\''") + "'"


def soak(quick: bool = False, pattern: str = "", records: int = 80, timeout: float = 60) -> list[str]:
    """Run the situations; returns one line per failure (empty: all passed)."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="newsctl-soak-") as directory:
        work = Path(directory)
        corpus = write_corpus(work, records)
        for situation in situations(corpus, work):
            if (quick and not situation.quick) or pattern.lower() not in situation.name.lower():
                continue
            started = time.monotonic()
            problems = run_situation(situation, corpus, records, timeout)
            seconds = time.monotonic() - started
            status = "ok" if not problems else "FAIL"
            print(f"{status:4} {seconds:5.1f}s  {situation.name}", file=sys.stderr)
            failures += [f"{situation.name}: {p}" for p in problems]
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="only the short set (as `make test` runs)")
    parser.add_argument("-k", default="", metavar="TEXT", help="only situations whose name contains TEXT")
    parser.add_argument("--records", type=int, default=80, help="records in the generated corpus")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run counts as hung")
    args = parser.parse_args()
    failures = soak(args.quick, args.k, args.records, args.timeout)
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
