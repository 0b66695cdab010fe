"""The docs never lie: captured output is current, recipes run, every command
teaches by example, the Python API example works, every contract field is
documented.

Stale captured output is fixed with `make docs` (docs/regenerate.py).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsctl.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
OUTPUT_DOC = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
SEED = "seeds/000_1af901b8fa6e4dc4.txt"


def _load_regenerate() -> Any:
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "docs" / "regenerate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regenerate = _load_regenerate()
DOCUMENTED = [
    (name, command)
    for name in regenerate.FILES
    if (ROOT / name).exists()
    for command in regenerate.commands((ROOT / name).read_text(encoding="utf-8"))
]


def test_the_docs_show_every_command() -> None:
    shown = {command.split()[1] for _, command in DOCUMENTED}
    assert set(cli.commands) | {"--help"} <= shown


@pytest.mark.parametrize(("name", "command"), DOCUMENTED, ids=[f"{n}: {c}" for n, c in DOCUMENTED])
def test_captured_output_is_current(name: str, command: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    (current,) = {m.group(3) for m in regenerate.MARKER.finditer(text) if m.group(2) == command}
    assert current == regenerate.block(command), f"{name} is stale for `{command}`: run `make docs`"


def test_regenerate_only_touches_marked_blocks() -> None:
    text = "before\n<!-- BEGIN newsctl schema --help -->\nold\n<!-- END -->\nafter\n"
    new = regenerate.regenerate(text)
    assert new.startswith("before\n<!-- BEGIN newsctl schema --help -->\n```text\n$ newsctl schema --help\n")
    assert new.endswith("```\n<!-- END -->\nafter\n")


# ---------------------------------------------------------------------------
# recipes


def _recipes() -> list[str]:
    section = README[README.index("## Recipes") :]
    section = section[: section.index("\n## ")]
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        lines += [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    return lines


RECIPES = _recipes()


def test_the_readme_has_the_promised_recipes() -> None:
    joined = "\n".join(RECIPES)
    assert "10000" in joined and "2019" in joined and "keywords seeds/" in joined and "jq -e" in joined
    assert all(line.startswith("newsctl ") for line in RECIPES)


@pytest.fixture(scope="module")
def shell_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    bin_dir = Path(sys.executable).parent
    return dict(
        os.environ,
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        NEWSCTL_CACHE_DIR=os.environ.get("NEWSCTL_CACHE_DIR") or str(tmp_path_factory.mktemp("cache")),
    )


@pytest.mark.skipif(shutil.which("jq") is None, reason="jq is not installed")
@pytest.mark.parametrize("recipe", RECIPES)
def test_recipe_runs(recipe: str, shell_env: dict[str, str]) -> None:
    if not shutil.which("newsctl", path=shell_env["PATH"]):
        pytest.skip("the newsctl script is not installed next to this Python")
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", recipe],
        cwd=ROOT,
        env=shell_env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip(), "a recipe should print something on the seed"
    assert "Traceback" not in proc.stderr


def test_money_recipe_finds_the_seed_donation(shell_env: dict[str, str]) -> None:
    if shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    (recipe,) = [r for r in RECIPES if "10000" in r and "currency" in r]
    proc = subprocess.run(
        ["bash", "-o", "pipefail", "-c", recipe], cwd=ROOT, env=shell_env, capture_output=True, text=True
    )
    assert [json.loads(line)["value"] for line in proc.stdout.splitlines()] == [40000]


# ---------------------------------------------------------------------------
# help, options, quick start


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert re.search(r"^\s+Examples?:\n\s+newsctl " + command, result.stdout, re.M), result.stdout


def test_quick_start_is_exactly_make_run_and_make_test() -> None:
    section = README[README.index("## Quick start") :]
    section = section[: section.index("\n## ")]
    (block,) = re.findall(r"```sh\n(.*?)```", section, re.S)
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make run", "make test"]


def test_shell_completion_is_documented_and_works() -> None:
    assert "_NEWSCTL_COMPLETE=bash_source newsctl" in README
    result = CliRunner().invoke(cli, [], prog_name="newsctl", env={"_NEWSCTL_COMPLETE": "bash_source"})
    assert result.exit_code == 0
    assert "_newsctl_completion" in result.stdout


def test_readme_links_resolve() -> None:
    for target in re.findall(r"\]\(((?:docs/)?[\w./-]+\.md)\)", README):
        assert (ROOT / target).exists(), target


# ---------------------------------------------------------------------------
# Python API and the contract's fields


def test_python_api_example_runs_as_documented(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `expression  # literal` line of the README's Python block evaluates to the literal."""
    monkeypatch.chdir(ROOT)
    section = README[README.index("## Python API") :]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)[:1]
    namespace: dict[str, Any] = {}
    checked = 0
    for line in code.splitlines():
        statement, _, comment = line.partition("  # ")
        try:
            expected = ast.literal_eval(comment.strip()) if comment else None
        except (ValueError, SyntaxError):
            expected = None
        if expected is not None and "=" not in statement.split("(")[0]:
            assert eval(statement, namespace) == expected, line
            checked += 1
        elif statement.strip():
            exec(statement, namespace)
    assert checked >= 3
    assert namespace["doc"].to_dict()["metadata"]["source"] == "齐鲁网"


def _keys(value: Any, out: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            out.add(key)
            _keys(item, out)
    elif isinstance(value, list):
        for item in value:
            _keys(item, out)
    return out


def test_every_contract_field_is_documented(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    keys: set[str] = set()
    for command in ("analyze", "check", "clean"):
        result = CliRunner().invoke(cli, [command, SEED, "-f", "json"])
        data = json.loads(result.stdout)
        keys |= set(data) | _keys(data["documents"], set())
    (tmp_path / "dup.txt").write_bytes((ROOT / SEED).read_bytes())
    result = CliRunner().invoke(cli, ["check", SEED, str(tmp_path / "dup.txt"), "-f", "json"])
    keys |= _keys(json.loads(result.stdout)["documents"], set())
    result = CliRunner().invoke(cli, ["summary", str(tmp_path / "missing.txt"), "-f", "json"])
    keys |= _keys(json.loads(result.stdout)["documents"], set())
    assert {"problems", "error", "text", "line", "severity"} <= keys
    missing = sorted(k for k in keys if f"`{k}`" not in OUTPUT_DOC and f'"{k}"' not in OUTPUT_DOC)
    assert missing == [], f"docs/output.md does not document {missing}"


def test_every_format_is_documented() -> None:
    from newsctl.render import FORMATS

    for fmt in FORMATS:
        assert f"`-f {fmt}`" in OUTPUT_DOC, fmt
