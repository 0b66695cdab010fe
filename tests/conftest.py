"""Shared test fixtures: the seed article and the fixture-article directory."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_1af901b8fa6e4dc4.txt"
FIXTURE_DIR = Path(__file__).resolve().parent / "fixtures" / "articles"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    return FIXTURE_DIR


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "soak: real processes, signals and pipes (bench/soak.py --quick)")
