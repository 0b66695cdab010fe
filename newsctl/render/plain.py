"""The two plain-text formats: `clean`'s cleaned text and `check -f github`."""

from __future__ import annotations

from typing import TextIO

from newsctl.records import Document
from newsctl.render.text import visible


class TextRenderer:
    """`clean` without a JSON format: the cleaned text, articles separated by a blank line."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        if doc.text is None:
            return
        if self.count:
            self.out.write("\n")
        self.out.write(visible(doc.text, one_line=False).rstrip("\n") + "\n")
        self.count += 1
        self.out.flush()

    def finish(self) -> None:
        pass


class GithubRenderer:
    """`check -f github`: one GitHub Actions workflow command per problem."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def start(self) -> None:
        pass

    def document(self, doc: Document) -> None:
        for problem in doc.problems or []:
            props = f"file={_gh_property(doc.path)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={_gh_property('newsctl ' + problem.code)}"
            # A record (JSONL, CSV, .json array) is named by its id, unless file and line already do.
            named = doc.id in (doc.path, f"{doc.path}:{doc.line}")
            message = problem.message if named else f"{doc.id}: {problem.message}"
            self.out.write(f"::{problem.severity} {props}::{_gh_data(message)}\n")
        self.out.flush()

    def finish(self) -> None:
        pass


def _gh_data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"), one_line=False)


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
