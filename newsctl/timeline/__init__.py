"""Chinese time expressions: extraction and resolution against a reference (publication) date.

`find_times(text, reference)` scans cleaned Simplified-Chinese text and returns `TimeMatch`es in text
order.  The package, in reading order:

- `patterns`: the vocabulary (data/timewords.json) and the named component patterns, compiled once;
- `prefilter`: which patterns can match at a position, judged by the characters there;
- `scan`: the positions worth a parse, found by one regex;
- `grammar`: the parser: points from calendar components, ranges, prefixes and suffixes,
  durations, sets and anniversaries;
- `resolve`: value helpers (durations as steps, partial values);
- `events`: the clause each expression dates;
- `find`: `find_times`, tying them together.

The anchoring model (what a partial expression takes from where) is written in docs/timeline.md.
"""

from newsctl.timeline.find import find_times
from newsctl.timeline.model import TimeMatch

__all__ = ["TimeMatch", "find_times"]
