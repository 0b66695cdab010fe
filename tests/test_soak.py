"""The short soak: real processes in hostile situations (bench/soak.py --quick).

Runs by default (7 situations, 30-60 s on a loaded 2-core machine); `bench/soak.py`
without --quick runs all 31.
Each situation checks records in = DOCUMENTs out, no traceback, no hang, no
process and no temporary file left behind, valid JSON.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SOAK = Path(__file__).resolve().parent.parent / "bench" / "soak.py"


def _soak_module() -> object:
    spec = importlib.util.spec_from_file_location("newsctl_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.soak
def test_quick_soak() -> None:
    soak = _soak_module()
    failures = soak.soak(quick=True, records=40, timeout=60)  # type: ignore[attr-defined]
    assert failures == []
