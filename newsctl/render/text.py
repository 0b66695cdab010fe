"""Text helpers every human format shares: making untrusted text safe to show,
fitting it to terminal cells, numbers and bars.

rich's cell-width functions are imported where they are used: the core imports
this module (through the analyzers' report sections) and must not load rich.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from newsctl.render.model import Bar, Heading, Snippet, Styled

# C0/C1 controls, DEL and bidi overrides: shown as \xNN / \uNNNN, never sent raw.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str | None, *, one_line: bool = True) -> str:
    """Text safe for a terminal: controls escaped, newlines folded when asked."""
    if text is None:
        return ""
    if one_line:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def crop(snippet: Snippet, width: int) -> tuple[str, str, str]:
    """(before, mention, after) fitting `width` terminal cells, the mention kept in view
    and ellipses where the sentence was cut."""
    text, start, end = snippet.text, snippet.start, snippet.end
    from rich.cells import cell_len, get_character_cell_size

    if cell_len(text) <= width:
        return text[:start], text[start:end], text[end:]
    if cell_len(text[start:end]) + 2 > width:
        end = start  # the mention alone does not fit: show the sentence from where it starts
    size = [get_character_cell_size(ch) for ch in text]
    left, right = start, end
    used = sum(size[start:end])

    def total(lo: int, hi: int, used: int) -> int:
        return used + (lo > 0) + (hi < len(text))

    while True:
        grew = False
        for side in ("left", "right") if start - left <= right - end else ("right", "left"):
            if side == "left" and left > 0 and total(left - 1, right, used + size[left - 1]) <= width:
                left -= 1
                used += size[left]
                grew = True
            elif (
                side == "right" and right < len(text) and total(left, right + 1, used + size[right]) <= width
            ):
                used += size[right]
                right += 1
                grew = True
        if not grew:
            break
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    return before, text[start:end], after


def trim(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells, an ellipsis marking the cut (rich would
    leave a gap when a wide character does not fit)."""
    from rich.cells import cell_len, get_character_cell_size

    if cell_len(text) <= width:
        return text
    used = 0
    for at, ch in enumerate(text):
        used += get_character_cell_size(ch)
        if used > width - 1:
            return text[:at] + "…"
    return text


def file_labels(sources: list[Heading]) -> list[str]:
    """Short names for the timeline's file column: the file name without extensions
    (or the record id for jsonl), unless that makes two inputs look the same."""
    full = [h.id if h.id != h.path else h.path for h in sources]
    short = []
    for name in full:
        base = PurePath(name).name
        for suffix in (".gz", ".txt", ".jsonl", ".ndjson"):
            base = base.removesuffix(suffix)
        short.append(base or name)
    return short if len(set(short)) == len(set(full)) else full


def bar(fraction: float, width: int) -> str:
    """A horizontal bar in eighths of a character cell."""
    fraction = min(max(fraction, 0.0), 1.0)
    eighths = round(fraction * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + ("▏▎▍▌▋▊▉"[rest - 1] if rest else "")


def count_of(number: int, noun: str) -> str:
    """`1 paragraph`, `2 paragraphs` (the nouns shown take an -s)."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def format_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


def plain(value: Any) -> str:
    """A cell as plain text (Markdown, HTML, widths)."""
    if isinstance(value, Styled):
        return value.text
    if isinstance(value, Snippet):
        return value.text
    if isinstance(value, Bar):
        return ""
    return "" if value is None else str(value)
