"""The timeline at the edges of the calendar: a case hypothesis found, kept as a plain test."""

from __future__ import annotations

from newsctl.pipeline import analyze_one_text


def test_a_year_expression_in_the_last_calendar_year_is_no_error() -> None:
    # 1800上月 against a reference of 9999-12-31 once raised "year 10000 is out of range".
    doc = analyze_one_text("1800上月", reference_date="9999-12-31", analyses=("timeline", "figures"))
    assert doc.error is None
