"""`quotes`: who said what. Direct speech (a quotation attached to a speech verb:
X说：“……” / “……”X说。) and reported speech (X表示，…… / 据X介绍，…… /
X指出：……), each with its speaker as written, the speech verb, its span and
whether it is direct or reported.

Rules on the cleaned body text (Simplified, punctuation folded to ASCII), cues
in data/quotes.json:
- a speech verb counts only when punctuation or a quotation mark follows it
  (说，/ 说：/ 说“ / 说。), and not inside a set phrase (来说, 据说, 之称, 简称);
- the speaker is the clause before the verb, less connectives (但, 同时),
  times (25日, 当天) and settings (在记者会上, 接受采访时) at its ends;
- after the verb: a quotation is direct speech; other text up to the end of the
  sentence is reported speech; a sentence end means the verb closes a
  quotation just before the speaker (“……”，X说。);
- in transcripts a speaker opening its sentence with a colon and a quotation
  (民众：「……」) is direct speech without a verb (cue `:`).
Pronouns are kept as written (他说 -> 他); they are not resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from newsctl.analyzers.spec import AnalyzerSpec
from newsctl.data import load_json
from newsctl.records import Document
from newsctl.render.model import Block, Column, Group, Section

if TYPE_CHECKING:
    from newsctl.article import Article
    from newsctl.pipeline import Options
    from newsctl.render.report import Report

KINDS = ("direct", "reported")
MAX_SPEAKER_CHARS = 30
MAX_QUOTE_CHARS = 800
SHORT_QUOTED_NAME = 8  # 「小新」: a name or nickname in quotation marks, part of a speaker
_SENTENCE_END = "。!?！？\n"
_CLAUSE_END = ",，。!?！？;；:：\n【】"


@dataclass(frozen=True)
class QuoteMatch:
    """A quotation in cleaned-text offsets (the quoted words, without the marks)."""

    start: int
    end: int
    kind: str
    cue: str
    speaker: tuple[int, int] | None


@dataclass(slots=True)
class Quote:
    """The contract's QUOTE."""

    text: str
    span: tuple[int, int]
    kind: str
    speaker: str | None
    speaker_span: tuple[int, int] | None
    cue: str
    sentence: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "cue": self.cue,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class _Cues:
    verb: re.Pattern[str]
    according_verbs: frozenset[str]
    according_to: re.Pattern[str]
    not_after: dict[str, tuple[str, ...]]
    leading: re.Pattern[str]
    trailing: re.Pattern[str]
    not_speakers: frozenset[str]
    colon_not_speakers: re.Pattern[str]
    open_marks: str
    close_marks: str


@cache
def _cues() -> _Cues:
    data = load_json("quotes.json")
    verbs = sorted(data["verbs"], key=len, reverse=True)
    marks = re.escape(data["open_marks"])
    return _Cues(
        verb=re.compile(f"(?:{'|'.join(map(re.escape, verbs))})(?=[,:。!?！？\\n{marks}]|$)"),
        according_verbs=frozenset(data["according_verbs"]),
        according_to=re.compile(data["according_to"]),
        not_after={verb: tuple(words) for verb, words in data["verb_not_after"].items()},
        leading=re.compile(f"^{data['speaker_leading']}"),
        trailing=re.compile(f"(?:{'|'.join(data['speaker_trailing'])})$"),
        not_speakers=frozenset(data["not_speakers"]),
        colon_not_speakers=re.compile(data["colon_not_speakers"]),
        open_marks=data["open_marks"],
        close_marks=data["close_marks"],
    )


def _quotations(text: str, cues: _Cues) -> dict[int, int]:
    """Opening-mark offset -> closing-mark offset, for quotations on one line."""
    out: dict[int, int] = {}
    at = 0
    while True:
        found = [i for i in (text.find(mark, at) for mark in cues.open_marks) if i >= 0]
        if not found:
            return out
        start = min(found)
        close = cues.close_marks[cues.open_marks.index(text[start])]
        end = text.find(close, start + 1)
        newline = text.find("\n", start)
        if end < 0 or (0 <= newline < end) or end - start > MAX_QUOTE_CHARS:
            at = start + 1
            continue
        out[start] = end
        at = end + 1


def _speaker(text: str, verb_start: int, cues: _Cues) -> tuple[tuple[int, int] | None, bool]:
    """The speaker's span before a verb, and whether it was introduced by 据."""
    start = verb_start
    while start > 0 and text[start - 1] not in _CLAUSE_END:
        if text[start - 1] in "/\t" or (text[start - 1] == " " and not text[start - 2 : start - 1].isascii()):
            break  # a credit or caption before the speaker (记者X/摄影 老师说)
        if text[start - 1] in cues.close_marks:
            # A short quoted name belongs to the speaker (老师「小新」表示); a quotation does not.
            opening = _opening_of(text, start - 1, cues)
            if opening is None:
                break
            start = opening
            continue
        start -= 1
    end = verb_start
    according = False
    while True:
        clause = text[start:end]
        stripped = clause.strip()
        start += len(clause) - len(clause.lstrip())
        end = start + len(stripped)
        if matches := list(cues.according_to.finditer(stripped)):
            start, according = start + matches[-1].end(), True
        elif match := cues.leading.match(stripped):
            start += match.end()
        elif (match := cues.trailing.search(stripped)) and match.start() > 0:
            end = start + match.start()
        else:
            break
    speaker = text[start:end]
    if not 1 <= len(speaker) <= MAX_SPEAKER_CHARS or speaker in cues.not_speakers:
        return None, according
    return (start, end), according


def _opening_of(text: str, close: int, cues: _Cues) -> int | None:
    mark = cues.open_marks[cues.close_marks.index(text[close])]
    opening = text.rfind(mark, max(0, close - SHORT_QUOTED_NAME - 1), close)
    if opening == close - 1:
        return None
    if opening < 0 or any(ch in _CLAUSE_END for ch in text[opening:close]):
        return None
    return opening


def _sentence_end(text: str, start: int, quotations: dict[int, int]) -> int:
    at = start
    while at < len(text):
        if at in quotations:
            at = quotations[at] + 1
            continue
        if text[at] in _SENTENCE_END:
            return at
        at += 1
    return at


def find_quotes(text: str) -> list[QuoteMatch]:
    """Every quotation and reported statement attributed by a speech verb, in text order."""
    cues = _cues()
    quotations = _quotations(text, cues)
    closing = {end: start for start, end in quotations.items()}
    found: dict[tuple[int, int], QuoteMatch] = {}
    for match in cues.verb.finditer(text):
        verb, verb_start, after = match.group(), match.start(), match.end()
        if any(text.endswith(word, 0, verb_start) for word in cues.not_after.get(verb, ())):
            continue
        speaker, according = _speaker(text, verb_start, cues)
        if speaker is None or (according and verb not in cues.according_verbs):
            continue
        opening = after + 1 if after < len(text) and text[after] in ",:" else after
        while opening < len(text) and text[opening] == " ":
            opening += 1
        followed_by_quotation = opening in quotations
        if followed_by_quotation and not according:
            span = (opening + 1, quotations[opening])
            found.setdefault(span, QuoteMatch(*span, "direct", verb, speaker))
        elif after < len(text) and text[after] in ",:":
            end = _sentence_end(text, opening, quotations)
            if end - opening >= 2:
                found.setdefault((opening, end), QuoteMatch(opening, end, "reported", verb, speaker))
            continue  # the quotation before the speaker, if any, is someone else's
        # “……”，X说。 / “……”X说，“……”: the quotation just before the speaker is theirs too.
        before = speaker[0] - 1
        while before >= 0 and text[before] in ", ":
            before -= 1
        # ...unless that quotation ended its sentence and another follows the verb:
        # then the speaker opens a new statement (「……。」 律师说：「……」).
        ended = before in closing and text[before - 1 : before] in _SENTENCE_END
        if before in closing and not according and not (ended and followed_by_quotation):
            span = (closing[before] + 1, before)
            found.setdefault(span, QuoteMatch(*span, "direct", verb, speaker))
    # Interview transcripts: 民众：「……」 / 律师徐立信说：「……」 (a speaker that opens its sentence).
    for opening, closing_at in quotations.items():
        if opening < 2 or text[opening - 1] != ":" or (opening + 1, closing_at) in found:
            continue
        speaker, according = _speaker(text, opening - 1, cues)
        if speaker is None or according or cues.colon_not_speakers.search(text[speaker[0] : speaker[1]]):
            continue
        if speaker[0] > 0 and text[speaker[0] - 1] not in _SENTENCE_END + " " + cues.close_marks:
            continue
        span = (opening + 1, closing_at)
        found[span] = QuoteMatch(*span, "direct", ":", speaker)
    return sorted((q for q in found.values() if q.end > q.start), key=lambda q: (q.start, q.end))


def run(article: Article, options: Options, doc: Document) -> None:
    source = article.cleaned
    out = []
    for match in find_quotes(article.body_text):
        sentence = article.sentence_at(match.start)
        speaker = match.speaker
        out.append(
            Quote(
                text=source.source_text(match.start, match.end),
                span=source.source_span(match.start, match.end),
                kind=match.kind,
                speaker=source.source_text(*speaker) if speaker else None,
                speaker_span=source.source_span(*speaker) if speaker else None,
                cue=match.cue,
                sentence=sentence.index if sentence else None,
            )
        )
    doc.extra_results[SPEC.name] = out


class QuotesReport:
    def document(self, doc: Document, report: Report) -> list[Block]:
        quotes = doc.extra_results.get(SPEC.name)
        if quotes is None:
            return []
        rows = [[q.speaker or "?", q.kind, q.cue, q.text] for q in quotes]
        return [
            Section(
                "quotes",
                f"quotes ({len(quotes)})",
                [
                    Column("speaker", style="key", max_width=18),
                    Column("kind", style="dim"),
                    Column("cue", style="dim", drop=1),
                    Column("quote", wrap=True, flex=True, min_width=20),
                ],
                [Group(None, rows)],
                empty="no quotes found",
            )
        ]

    def finish(self, report: Report) -> list[Block]:
        return []


SPEC = AnalyzerSpec(
    name="quotes",
    run=run,
    schema="quotes",
    report=QuotesReport,
    in_analyze=False,
    help="""Who said what: direct quotations and reported speech, with their speakers.

    Direct: X说：“……” or “……”，X说。 Reported: X表示，…… / 据X介绍，…… /
    X指出：…… (to the end of the sentence). The speaker is given as written
    (pronouns are not resolved); the cue is the speech verb.

    \b
    Examples:
      newsctl quotes seeds/
      newsctl quotes news/ -f jsonl | jq -c '.quotes[] | {speaker, text}'
    """,
)
