"""The analyzers, one line each, in the order their results and report sections
appear. Adding an analyzer: write its module (see `spec.py`), add its line here."""

from __future__ import annotations

from importlib import import_module

from newsctl.analyzers.spec import AnalyzerSpec


def _spec(module: str) -> AnalyzerSpec:
    spec: AnalyzerSpec = import_module(f"newsctl.analyzers.{module}").SPEC
    return spec


SPECS: tuple[AnalyzerSpec, ...] = (
    _spec("summary"),
    _spec("keywords"),
    _spec("timeline"),
    _spec("figures"),
    _spec("check"),
    _spec("quotes"),
)

BY_NAME: dict[str, AnalyzerSpec] = {spec.name: spec for spec in SPECS}
# What `newsctl analyze` runs.
ANALYSES: tuple[str, ...] = tuple(spec.name for spec in SPECS if spec.in_analyze)


def specs_for(command: str) -> list[AnalyzerSpec]:
    """The analyzers a command runs: `analyze` runs ANALYSES, an analyzer's command itself."""
    if command == "analyze":
        return [BY_NAME[name] for name in ANALYSES]
    return [BY_NAME[command]] if command in BY_NAME else []
