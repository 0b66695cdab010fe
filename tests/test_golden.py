"""Golden JSON: every command's output on the seed, byte for byte.

A change to an analyzer shows up here as a diff to review. After checking the
new output is right, regenerate with:

    NEWSCTL_UPDATE_GOLDEN=1 make test
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from contract import validate_json_output

from newsctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED = "seeds/000_1af901b8fa6e4dc4.txt"
COMMANDS = ["summary", "keywords", "timeline", "figures", "analyze", "clean", "check"]


@pytest.mark.parametrize("command", COMMANDS)
def test_seed_output_matches_golden(command: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the golden files hold the path as a user would type it
    result = CliRunner().invoke(cli, [command, SEED, "-f", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    validate_json_output(result.stdout)
    golden = GOLDEN / f"seed.{command}.json"
    if os.environ.get("NEWSCTL_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}; run with NEWSCTL_UPDATE_GOLDEN=1"
    assert result.stdout == golden.read_text(encoding="utf-8")
