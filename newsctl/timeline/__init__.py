"""Chinese time expressions: extraction and resolution against a reference (publication) date.

`find_times(text, reference)` scans cleaned Simplified-Chinese text and returns `TimeMatch`es in text
order.  The package, in reading order:

- `patterns`: the vocabulary (data/timewords.json) and the named component patterns, compiled once;
- `prefilter`: which patterns can match at a position, judged by the characters there;
- `scan`: the positions worth a parse, found by one regex;
- `anchor`: the anchoring model (docs/timeline.md): what a partial expression takes from where
  (the year of a month, the month of a day, the day of a time of day, the base of 当天, 次日,
  全年, 当年, the year of a festival, of a lunar month, of an ROC or 2-digit year, of a decade),
  what 'now' is and where 'until now' ends, and what each expression leaves as the context for the next;
- `grammar`: the parser (it inherits `anchor.Anchoring`): points from calendar components,
  ranges, prefixes and suffixes, durations, sets and anniversaries;
- `resolve`: value helpers (durations as steps, partial values);
- `events`: the clause each expression dates;
- `find`: `find_times`, tying them together.

Extraction and resolution are still one pass: the parser asks `anchor` for the missing parts of a
component as it reads it, because what it recognises depends on the answer (a bare 22日 with no
month to take is no date; 第3天 in a story is a count within an event).  Durations against the
reference (两年前, 近3年, 未来5天: `_duration_expr`), the other reference words of `_special`
(近年来, 今明两天, 全天) still compute their values inside `grammar`; an anniversary's year is
decided by `anchor` (`_anniversary_year`).
"""

from newsctl.timeline.find import find_times
from newsctl.timeline.model import TimeMatch

__all__ = ["TimeMatch", "find_times"]
