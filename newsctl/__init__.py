"""newsctl: analyse Chinese news articles (summaries, keywords, timelines, figures).

The library core never imports click or rich, so it can run inside a worker
process or a distributed job. `analyze_text` is the one-call entry point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# pyproject.toml reads the version from here (setuptools `attr`).
__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsctl.records import Document

__all__ = ["__version__", "analyze_text"]


def analyze_text(text: str, published: str | None = None, **options: Any) -> Document:
    """Run all four analyses on one article's text and return its DOCUMENT.

    `published` is an ISO 8601 date or datetime; other keyword options are the
    fields of `newsctl.pipeline.Options` (`analyses`, `summary_top`,
    `keyword_top`, `reference_date`, `tz`, `method`, ...). Call `.to_dict()` on
    the result for the contract's JSON shape.
    """
    from newsctl.pipeline import analyze_one_text

    return analyze_one_text(text, published=published, **options)
