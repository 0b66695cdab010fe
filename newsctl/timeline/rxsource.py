"""A reader of regex source for the prefilters (`prefilter.py`): the parse tree of the constructs the
timeline patterns use, in the shape of `re`'s own (private) parser: a list of (op, argument) items.
What it does not understand becomes ANY, which only widens what the prefilters allow."""

from __future__ import annotations

from typing import Any

LITERAL, IN, RANGE, NEGATE, CATEGORY, ANY = "LITERAL", "IN", "RANGE", "NEGATE", "CATEGORY", "ANY"
BRANCH, SUBPATTERN, MAX_REPEAT, MIN_REPEAT = "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT"
ASSERT, ASSERT_NOT, AT, GROUPREF = "ASSERT", "ASSERT_NOT", "AT", "GROUPREF"
#: an unbounded repeat's upper bound
MAXREPEAT = 1 << 32

#: the classes prefilters know by name (\\D, \\w … are categories they do not take apart)
CATEGORY_DIGIT, CATEGORY_SPACE = r"\d", r"\s"
_ESCAPED_CLASSES = {c: (CATEGORY, "\\" + c) for c in "dDsSwW"}
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}

Items = list[tuple[str, Any]]


class _Unknown(Exception):
    """A construct this reader does not take apart."""


def parse(pattern: str) -> Items:
    reader = _Reader(pattern)
    items = reader.alternation()
    if reader.i != len(pattern):
        raise _Unknown(pattern)
    return items


class _Reader:
    def __init__(self, source: str) -> None:
        self.s = source
        self.i = 0

    def peek(self, text: str) -> bool:
        return self.s.startswith(text, self.i)

    def alternation(self) -> Items:
        alternatives = [self.sequence()]
        while self.peek("|"):
            self.i += 1
            alternatives.append(self.sequence())
        if len(alternatives) == 1:
            return alternatives[0]
        return [(BRANCH, (None, alternatives))]

    def sequence(self) -> Items:
        items: Items = []
        s = self.s
        while self.i < len(s) and s[self.i] not in "|)":
            item = self.atom()
            item = self.repeat(item)
            items.append(item)
        return items

    def repeat(self, item: tuple[str, Any]) -> tuple[str, Any]:
        s = self.s
        if self.i >= len(s) or s[self.i] not in "?*+{":
            return item
        ch = s[self.i]
        if ch == "{":
            close = s.find("}", self.i)
            body = s[self.i + 1 : close] if close > 0 else ""
            low_s, comma, high_s = body.partition(",")
            if (
                close < 0
                or not (low_s.isdigit() or (comma and not low_s))
                or (high_s and not high_s.isdigit())
            ):
                return item  # a literal "{": left to the next atom
            low = int(low_s) if low_s else 0
            high = (int(high_s) if high_s else MAXREPEAT) if comma else low
            self.i = close + 1
        else:
            low, high = {"?": (0, 1), "*": (0, MAXREPEAT), "+": (1, MAXREPEAT)}[ch]
            self.i += 1
        op = MAX_REPEAT
        if self.peek("?"):
            op = MIN_REPEAT
            self.i += 1
        elif self.peek("+"):
            raise _Unknown("possessive repeat")
        if item[0] == AT or (item[0] in (ASSERT, ASSERT_NOT)):
            raise _Unknown("repeated zero-width item")
        return (op, (low, high, [item]))

    def atom(self) -> tuple[str, Any]:
        s = self.s
        ch = s[self.i]
        if ch == "(":
            return self.group()
        if ch == "[":
            return self.char_class()
        self.i += 1
        if ch == ".":
            return (ANY, None)
        if ch in "^$":
            return (AT, ch)
        if ch in "*+?":
            raise _Unknown("nothing to repeat")
        if ch == "\\":
            return self.escape(in_class=False)
        return (LITERAL, ord(ch))

    def group(self) -> tuple[str, Any]:
        s = self.s
        self.i += 1
        kind = None
        if self.peek("?"):
            for opening, name in (
                ("?:", SUBPATTERN),
                ("?=", "ahead"),
                ("?!", "ahead_not"),
                ("?<=", "behind"),
                ("?<!", "behind_not"),
            ):
                if self.peek(opening):
                    kind = name
                    self.i += len(opening)
                    break
            else:
                if self.peek("?P="):
                    self.i = s.index(")", self.i) + 1
                    return (GROUPREF, None)
                if self.peek("?P<"):
                    close = s.index(">", self.i)
                    self.i = close + 1
                    kind = SUBPATTERN
                else:
                    raise _Unknown("group flags, references or conditions")
        else:
            kind = SUBPATTERN
        body = self.alternation()
        if not self.peek(")"):
            raise _Unknown("unclosed group")
        self.i += 1
        if kind == SUBPATTERN:
            return (SUBPATTERN, (None, 0, 0, body))
        direction = 1 if kind in ("ahead", "ahead_not") else -1
        return (ASSERT if kind in ("ahead", "behind") else ASSERT_NOT, (direction, body))

    def escape(self, in_class: bool) -> tuple[str, Any]:
        s = self.s
        if self.i >= len(s):
            raise _Unknown("trailing backslash")
        ch = s[self.i]
        self.i += 1
        if ch in _ESCAPED_CLASSES:
            return _ESCAPED_CLASSES[ch]
        if ch in _CONTROL and not (ch == "0" and self.i < len(s) and s[self.i].isdigit()):
            return (LITERAL, ord(_CONTROL[ch]))
        if ch in "uU" or ch == "x":
            width = {"x": 2, "u": 4, "U": 8}[ch]
            code = s[self.i : self.i + width]
            self.i += width
            return (LITERAL, int(code, 16))
        if not in_class and ch in "bBAZ":
            return (AT, ch)
        if ch.isdigit() and not in_class:
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
            return (GROUPREF, None)
        if ch.isalnum():
            raise _Unknown("escape")
        return (LITERAL, ord(ch))

    def char_class(self) -> tuple[str, Any]:
        s = self.s
        self.i += 1
        members: Items = []
        if self.peek("^"):
            members.append((NEGATE, None))
            self.i += 1
        first = True
        while True:
            if self.i >= len(s):
                raise _Unknown("unclosed class")
            ch = s[self.i]
            if ch == "]" and not first:
                self.i += 1
                break
            first = False
            member = self.class_member()
            if self.peek("-") and self.i + 1 < len(s) and s[self.i + 1] != "]":
                self.i += 1
                high = self.class_member()
                if member[0] != LITERAL or high[0] != LITERAL:
                    raise _Unknown("range of a class")
                member = (RANGE, (member[1], high[1]))
            members.append(member)
        return (IN, members)

    def class_member(self) -> tuple[str, Any]:
        ch = self.s[self.i]
        self.i += 1
        if ch == "\\":
            return self.escape(in_class=True)
        return (LITERAL, ord(ch))
