"""`json` and `jsonl`: the output contract, streamed one document at a time and
byte-identical for the same input."""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from newsctl import __version__
from newsctl.records import SCHEMA_VERSION, Document

_C1_IN_JSON = {code: f"\\u{code:04x}" for code in range(0x80, 0xA0)}
_C1 = re.compile("[\x80-\x9f]")


# `json.dumps(obj, ensure_ascii=False, indent=..., separators=...)`, made once rather
# than per document, and without the check for circular references: the records'
# `to_dict()` build fresh trees, which cannot hold a cycle, and the check kept a
# dict of every container's id.
_COMPACT = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":"))
_INDENTED = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=2, separators=(",", ": "))


def dump_json(obj: Any, indent: int | None = None) -> str:
    if indent is None:
        text = _COMPACT.encode(obj)
    elif indent == 2:
        text = _INDENTED.encode(obj)
    else:
        text = json.dumps(
            obj, ensure_ascii=False, indent=indent, separators=(",", ": ") if indent else (",", ":")
        )
    # translate() looks every character up; most documents have no C1 control at all.
    return text.translate(_C1_IN_JSON) if _C1.search(text) else text


def jsonl_line(doc: Document) -> str:
    """A DOCUMENT as one JSONL line, newline included."""
    return dump_json(doc.to_dict()) + "\n"


def json_member(doc: Document) -> str:
    """A DOCUMENT as a member of the `documents` array, indented to its place."""
    return dump_json(doc.to_dict(), indent=2).replace("\n", "\n    ")


class JsonlRenderer:
    # Pure functions of one document, so parallel runs call them in the workers:
    # the parent then only writes text (see `pipeline.run_encoded`).
    encode = staticmethod(jsonl_line)

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        self.encoded(jsonl_line(doc))

    def encoded(self, text: str) -> None:
        self.out.write(text)
        self.out.flush()

    def finish(self) -> None:
        pass


class JsonRenderer:
    """One JSON object; documents are written as they arrive, so memory stays flat
    and the bytes equal `json.dumps(whole, indent=2)`."""

    encode = staticmethod(json_member)

    def __init__(self, out: TextIO, command: str, options: dict[str, Any]) -> None:
        self.out = out
        self.header = {
            "schema_version": SCHEMA_VERSION,
            "command": command,
            "version": __version__,
            "options": options,
            "documents": [],
        }
        self.count = 0

    def start(self) -> None:
        head = dump_json(self.header, indent=2)
        self.out.write(head[: head.rindex("[]")] + "[")

    def document(self, doc: Document) -> None:
        self.encoded(json_member(doc))

    def encoded(self, text: str) -> None:
        self.out.write(("," if self.count else "") + "\n    " + text)
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        self.out.write("\n  ]\n}\n" if self.count else "]\n}\n")
        self.out.flush()
