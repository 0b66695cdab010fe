"""Paste each command's real output into the docs, between marker comments:

    <!-- BEGIN newsctl summary seeds/ -->
    ...generated...
    <!-- END -->

The command after BEGIN is run (in-process, from the repository root, with
COLUMNS=100, NO_COLOR=1 and FORCE_COLOR=1: terminal layout without escape
codes) and its output replaces what is between the markers: a ```text block
that starts with `$ COMMAND`, or the Markdown itself for `-f markdown`. A
command may end in `| head -N`. Trailing spaces are removed from every line.

    python docs/regenerate.py           # rewrite the files (make docs)
    python docs/regenerate.py --check   # exit 1 and name the stale blocks

tests/test_docs.py runs the same check, so CI fails when the docs are stale.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FILES = ("README.md", "docs/output.md", "docs/commands.md", "docs/report.md")
ENV = {"COLUMNS": "100", "LINES": "50", "NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
MARKER = re.compile(r"(<!-- BEGIN (newsctl [^\n]*?) -->\n)(.*?)(<!-- END -->)", re.S)


@contextmanager
def _at_root() -> Iterator[None]:
    before = Path.cwd()
    os.chdir(ROOT)  # the docs show paths as a user types them: seeds/...
    try:
        yield
    finally:
        os.chdir(before)


def run(command: str) -> str:
    """The output of one documented command, as the docs show it."""
    from click.testing import CliRunner

    from newsctl.cli import cli

    args = shlex.split(command)
    head = None
    if "|" in args:
        at = args.index("|")
        pipe, args = args[at + 1 :], args[:at]
        if len(pipe) != 2 or pipe[0] != "head" or not re.fullmatch(r"-n?\d+", pipe[1]):
            raise ValueError(f"{command!r}: only `| head -N` may follow the command")
        head = int(pipe[1].lstrip("-n"))
    if args[0] != "newsctl":
        raise ValueError(f"{command!r}: a documented command starts with newsctl")
    with _at_root():
        result = CliRunner(env=ENV).invoke(cli, args[1:], catch_exceptions=False, prog_name="newsctl")
    if result.exit_code not in (0, 1):
        raise RuntimeError(f"{command!r} exited {result.exit_code}: {result.stderr}")
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    if head is not None:
        lines = lines[:head]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def block(command: str) -> str:
    """What goes between the markers of `command`."""
    output = run(command)
    args = shlex.split(command)
    if any(a in ("markdown", "-fmarkdown", "--format=markdown") for a in args):
        return output
    return f"```text\n$ {command}\n{output}```\n"


def commands(text: str) -> list[str]:
    return [match.group(2) for match in MARKER.finditer(text)]


def regenerate(text: str) -> str:
    return MARKER.sub(lambda m: m.group(1) + block(m.group(2)) + m.group(4), text)


def stale(path: Path) -> list[str]:
    """The commands whose block in `path` differs from their output now."""
    text = path.read_text(encoding="utf-8")
    return [m.group(2) for m in MARKER.finditer(text) if m.group(3) != block(m.group(2))]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    problems = 0
    for name in FILES:
        path = ROOT / name
        if not path.exists():
            continue
        if check:
            for command in stale(path):
                print(f"{name}: stale output of `{command}` (run make docs)", file=sys.stderr)
                problems += 1
            continue
        old = path.read_text(encoding="utf-8")
        new = regenerate(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(f"updated {name}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
