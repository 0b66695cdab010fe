"""Option values checked where they enter: click types and callbacks.

A value that would otherwise surface mid-run as an internal error, a MemoryError
or a NaN in the JSON output is refused up front as a usage error (exit 2).
"""

from __future__ import annotations

import math
from typing import Any

import click

MAX_BYTES_LIMIT = 1 << 30  # one article; a larger buffer is no article and may not fit in memory
IDF_LIMIT = 1e6  # IDF weights are logarithms: real ones are below 30


class FiniteFloat(click.types.FloatParamType):
    """A float that is a number: nan, inf and -inf are refused."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class FiniteFloatRange(click.FloatRange):
    """click.FloatRange lets nan through (every comparison with nan is false)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


def byte_limit() -> click.IntRange:
    return click.IntRange(min=1, max=MAX_BYTES_LIMIT)


def idf_source(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--idf jieba|corpus|FILE: a FILE must parse, and every weight be a finite,
    bounded number (a nan or inf weight would silently empty every keyword list)."""
    if value is None or value in ("jieba", "corpus"):
        return value
    from newsctl.keywords import parse_idf_file

    try:
        table = parse_idf_file(value)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    for word, weight in table.values.items():
        if not math.isfinite(weight) or abs(weight) > IDF_LIMIT:
            raise click.BadParameter(
                f"{value}: the weight of {word!r} is {weight!r}; weights must be finite numbers "
                f"below {IDF_LIMIT:g}",
                ctx,
                param,
            )
    return value
