"""Names of people, places and organisations, as a news editor tags them.

jieba's dictionary lacks most names, so its HMM cuts them in ways that make
poor tags: a given name without its surname (俊玮 beside 谢俊玮), a name glued
to the title or kin term before it (阿嬷洪素女) or to the speech verb after it
(陈朝灯指出), the given names of a transliterated name (埃马纽埃尔·马克龙).
This module tells what kind of name a word is, from its dictionary tag or from
its form (a surname from `data/names.json` and one or two characters; a place
or organisation suffix), and finds the whole name a fragment belongs to, so
that the mentions of one entity are counted together.

Pure functions of words and text; the cue lists are data (`names.json`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from functools import cache
from itertools import chain

PERSON = "person"
PLACE = "place"
ORGANISATION = "organisation"

_HAN_ONLY = re.compile(r"[\u3400-\u9fff]+")
# A transliterated name: parts joined by a middle dot (埃马纽埃尔·马克龙); the last part is the surname.
_DOT_CHARS = "·‧•・"  # the middle dot between the parts of a transliterated name
_DOTS = re.compile(f"[{_DOT_CHARS}]")
# A Latin gloss in brackets right after a Han name: 麦可庞德（Michael Bond）.
_LATIN_GLOSS = re.compile(r"[\u3400-\u9fff][（(]\s*([A-Za-z][A-Za-z .'\-]*[A-Za-z])\s*[）)]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
# A Chinese name in brackets right after a word: 阿琴（王某琴）.
_BRACKETED_NAME = re.compile(r"[（(]([\u3400-\u9fff]{2,4})[）)]")


@dataclass(frozen=True)
class NameCues:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    prefixes: frozenset[str]
    speech_verbs: tuple[str, ...]  # longest first
    place_suffixes: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    variant_suffixes: frozenset[str]  # X市 / X, X方 / X: one tag
    glued_before: frozenset[str]  # 连, 向, 帮: a word the HMM glues to the name after it (连 + 阿芳)
    transliteration_chars: frozenset[str]  # 斯, 特, 纳, 西: the characters foreign names are spelt with
    country_abbreviations: dict[str, tuple[str, ...]]  # 俄: (俄罗斯,), 伊: (伊朗, 伊拉克)
    country_sides: frozenset[str]  # 方, 军: 俄方 and 俄军 are mentions of 俄罗斯
    countries_alone: frozenset[str]  # 俄, 乌: the country as a word of its own (not 日, 法)
    time_words_like_names: frozenset[str]  # 周天, 明年: a name that starts like one is read as it
    admin_unit_suffixes: frozenset[str]  # 省, 市, 县, 区: the units an address starts with
    tag_unit_suffixes: frozenset[str]  # 市, 县, 区: the city or district, an address's tag
    local_unit_suffixes: frozenset[str]  # 镇, 村, 路: the one unit an address may end with
    # A kin term or title, then the rest (at least one character); a speech verb at the end.
    prefix: re.Pattern[str]
    prefix_line: re.Pattern[str]  # a line that starts with one; group 1: the rest
    speech_verb_end: re.Pattern[str]


@cache
def cues() -> NameCues:
    from newsctl.data import load_json

    data = load_json("names.json")

    def longest_first(words: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(words), key=lambda w: (-len(w), w)))

    prefixes = longest_first(data["name_prefixes"])
    speech_verbs = longest_first(data["speech_verbs"])
    return NameCues(
        surnames=frozenset(data["surnames"]),
        compound_surnames=frozenset(data["compound_surnames"]),
        prefixes=frozenset(prefixes),
        speech_verbs=speech_verbs,
        place_suffixes=longest_first(data["place_suffixes"]),
        organisation_suffixes=longest_first(data["organisation_suffixes"]),
        variant_suffixes=frozenset(data["variant_suffixes"]),
        glued_before=frozenset(data["glued_before"]),
        transliteration_chars=frozenset(data["transliteration_chars"]),
        country_abbreviations={char: tuple(names) for char, names in data["country_abbreviations"].items()},
        country_sides=frozenset(data["country_sides"]),
        countries_alone=frozenset(data["countries_alone"]),
        time_words_like_names=frozenset(data["time_words_like_names"]),
        admin_unit_suffixes=frozenset(data["admin_unit_suffixes"]),
        tag_unit_suffixes=frozenset(data["tag_unit_suffixes"]),
        local_unit_suffixes=frozenset(data["local_unit_suffixes"]),
        prefix=re.compile(f"(?:{'|'.join(map(re.escape, prefixes))})(?=.)"),
        prefix_line=re.compile(f"^(?:{'|'.join(map(re.escape, prefixes))})([^\\n]+)$", re.MULTILINE),
        speech_verb_end=re.compile(f"(?<=.)(?:{'|'.join(map(re.escape, speech_verbs))})$"),
    )


@cache
def place_suffix_chars() -> frozenset[str]:
    """The one-character place suffixes (县, 山, 岛): a name always followed by one is cut short."""
    return frozenset(suffix for suffix in cues().place_suffixes if len(suffix) == 1)


def variant_of(word: str, others: Container[str]) -> str | None:
    """The term among `others` that `word` is a variant of, an editor's one tag: the word
    without a variant suffix (上海市 -> 上海, 母女俩 -> 母女)."""
    if len(word) < 3 or word[-1] not in cues().variant_suffixes:
        return None
    return word[:-1] if word[:-1] in others else None


def _address_units(term: str, start: int = 0) -> list[str] | None:
    """The units of `term[start:]` read as an address: admin units (two to four characters and
    an admin suffix: 浙江省, 温州市, 成华区), then at most one local unit (one to six characters
    and a local suffix: 小龙桥路, 泸沽镇); None when it is not one."""
    known = cues()
    for end in range(start + 3, min(start + 5, len(term)) + 1):
        if term[end - 1] in known.admin_unit_suffixes:
            if end == len(term):
                return [term[start:]]
            rest = _address_units(term, end)
            if rest is not None:
                return [term[start:end], *rest]
    if start and term[-1] in known.local_unit_suffixes and 2 <= len(term) - start <= 7:
        return [term[start:]]
    return None


@cache
def _address_end_chars() -> frozenset[str]:
    """The last characters of an address: an admin or a local unit's suffix."""
    return cues().admin_unit_suffixes | cues().local_unit_suffixes


def _address(term: str) -> list[str] | None:
    """The units of an address of two units or more; None when `term` is none."""
    if len(term) < 6 or term[-1] not in _address_end_chars() or _HAN_ONLY.fullmatch(term) is None:
        return None
    units = _address_units(term)
    return units if units is not None and len(units) >= 2 else None


def address_pieces(address: str, tag: str, terms: Iterable[str], text: str) -> list[str]:
    """The `terms` that are pieces of `address` said only inside it (泸沽镇 and 某县泸沽 of
    某县泸沽镇), no tags of their own; not the address's `tag` nor a piece of that, nor its
    province, city or district (浙江 of 浙江省温州市 is a tag still)."""
    units = _address(address) or []
    admin = {unit for unit in units if unit[-1] in cues().admin_unit_suffixes}
    admin.update(unit[:-1] for unit in list(admin))
    said = text.count(address)
    return [
        term
        for term in terms
        if term != address
        and term in address
        and term not in tag
        and term not in admin
        and text.count(term) == said
    ]


def address_tag(term: str, scored: Container[str]) -> str | None:
    """The tag of a place chain written as an address (浙江省温州市, 成都市成华区小龙桥路),
    which is no tag of its own: the city or district, the most specific one that is `scored`
    already (as 温州 or 温州市), else the most specific one; None when `term` is no address
    of two units or more with a city or district among them."""
    units = _address(term)
    if units is None:
        return None
    known = cues()
    tags = [unit for unit in reversed(units) if unit[-1] in known.tag_unit_suffixes]
    for unit in tags:
        if unit[-1] in known.variant_suffixes and unit[:-1] in scored:
            return unit[:-1]
        if unit in scored:
            return unit
    return tags[0] if tags else None


def looks_like_person(word: str) -> bool:
    """A Chinese personal name by its form: a surname and one or two characters
    (two and one or two after a two-character surname)."""
    if _HAN_ONLY.fullmatch(word) is None:
        return False
    known = cues()
    if word[:2] in known.compound_surnames:
        return 3 <= len(word) <= 4
    return word[0] in known.surnames and 2 <= len(word) <= 3


def kind_of(word: str, tag: str | None, common: bool = False, common_head: bool = False) -> str | None:
    """PERSON, PLACE, ORGANISATION or None, from jieba's tag (nr*, ns, nt) or, for a word
    its dictionary lacks (tag None), from its form. `common`: the word is frequent in
    general text (jieba tags some common words nr: 文明, 苏醒), so a two-character nr
    tag is not trusted. `common_head`: the first two characters are a common word (文明定),
    so a three-character word the dictionary lacks is a mis-cut, not a name."""
    known = cues()
    if word in known.prefixes:
        return None  # a kin term or title (阿公), which jieba may tag as a name
    if tag is not None:
        if tag in ("nrfg", "nrt"):
            return PERSON
        if tag == "nr":  # jieba also tags some words nr (宣传教育, 文明): trust the form
            return PERSON if looks_like_person(word) and (len(word) > 2 or not common) else None
        if tag == "ns":
            return PLACE
        if tag == "nt":
            return ORGANISATION
        if tag != "nz":
            return None
    if len(word) < 3 or _HAN_ONLY.fullmatch(word) is None:
        return None
    if word.endswith(known.organisation_suffixes):
        return ORGANISATION
    if word.endswith(known.place_suffixes):
        return PLACE
    if tag is None and not common_head and looks_like_person(word):
        return PERSON
    return None


def core_name(word: str) -> str | None:
    """The name inside a word that glues a kin term or title before it, or a speech verb
    after it, to a personal name (阿嬷洪素女 -> 洪素女, 陈朝灯指出 -> 陈朝灯); None when
    the word is not such a compound."""
    known = cues()
    core = word
    verb = known.speech_verb_end.search(core)
    if verb is not None:
        core = core[: verb.start()]
    prefix = known.prefix.match(core)
    if prefix is not None:
        core = core[prefix.end() :]
    if core == word or not looks_like_person(core):
        return None
    return core


def unglued(word: str, text: str) -> str | None:
    """The name inside a word the dictionary lacks that glues an adverb, preposition or verb
    before it (连 + 阿芳, 向 + 庆富), when the text names it without that character more often
    than with it; None otherwise (向 and 连 are surnames too: 向庆富 said alone is a name)."""
    if len(word) < 3 or word[0] not in cues().glued_before:
        return None
    rest, glued = word[1:], text.count(word)
    return rest if text.count(rest) - glued > glued else None


def is_glued_fragment(word: str) -> bool:
    """An unknown word that ends in a speech verb without a name before it (姨说, 我累说):
    a piece of a sentence, not a term."""
    return cues().speech_verb_end.search(word) is not None


_NUMERAL_CHARS = frozenset("0123456789０１２３４５６７８９零一二三四五六七八九十百千万萬两兩")


def cut_given_names(
    terms: Iterable[str], text: str, surnames: Container[str], is_word: Callable[[str], bool]
) -> dict[str, str]:
    """Two-character words that every one of their (two or more) mentions in `text` follows the
    same surname character, whether the segmenter cut it off or glued it to the word before
    (綠委段 | 宜康, 蔡奇丁 | 薛祥), each with the whole name: a given name that is a word of
    its own too (英文, 永昌) is no tag without its surname. Not where the character ends a
    word with the one before it (年金 | 改革, 列车 | 运营: `is_word`) or follows the same
    character every time, nor after a numeral (5万 | 披索), nor in a transliteration."""
    found: dict[str, str] = {}
    for term in terms:
        at = text.find(term)
        if at < 1 or len(term) != 2 or text[at - 1] not in surnames or _HAN_ONLY.fullmatch(term) is None:
            continue  # (most terms) not after a surname the first time
        starts = []
        while at != -1:
            starts.append(at)
            at = text.find(term, at + 1)
        if len(starts) < 2 or starts[0] < 1 or len({text[at - 1] for at in starts}) != 1:
            continue
        surname = text[starts[0] - 1]
        whole = surname + term
        if surname not in surnames or not looks_like_person(whole) or _spelt_foreign(whole):
            continue  # 迈杜古利, 欧海尔: a transliteration, no surname and given name
        pairs = {text[at - 2 : at] for at in starts if at >= 2}
        if len(pairs) < 2 or any(pair[0] in _NUMERAL_CHARS for pair in pairs):
            continue  # the same character before every time (小黄车 | 告上): maybe the word it ends
        if not any(_HAN_ONLY.fullmatch(pair) is not None and is_word(pair) for pair in pairs):
            found[term] = whole
    return found


_SERIAL_NUMBER = re.compile(r"[0-9零一二三四五六七八九十百]{1,4}号")
NUMBERED_SHARE = 0.8  # of a name's mentions that go on with the same number


def numbered_wholes(terms: Iterable[str], text: str) -> dict[str, str]:
    """Names the segmenter cut before the serial number that ends them (神舟 | 十四号,
    天舟 | 五号), each with the whole name, when NUMBERED_SHARE of its (two or more)
    mentions, and two at least, go on with the same number; a series whose members the text
    names apart (嫦娥六号, 七号, 八号) keeps its name."""
    found: dict[str, str] = {}
    if "号" not in text:  # most texts
        return found
    before = {text[number.start() - 1] for number in _SERIAL_NUMBER.finditer(text, 1)}
    for term in terms:
        if term[-1] not in before or len(term) < 2:
            continue  # no number after it anywhere (the cheap test first)
        if _HAN_ONLY.fullmatch(term) is None or term[-1] in place_suffix_chars():
            continue  # 某某路 | 69号: a house number, not a name's
        numbers: Counter[str] = Counter()
        at = text.find(term)
        while at != -1:
            after = _SERIAL_NUMBER.match(text, at + len(term))
            numbers[after.group() if after is not None else ""] += 1
            at = text.find(term, at + 1)
        number, count = max(numbers.items(), key=lambda item: item[1])
        if number and count >= 2 and count >= NUMBERED_SHARE * sum(numbers.values()):
            found[term] = term + number
    return found


def fragment_owners(words: Iterable[str], names: list[str]) -> dict[str, str]:
    """The words that are a piece of exactly one of the full personal `names`, each with
    that name: its given name (俊玮 of 谢俊玮), or a kin term or title glued to its surname
    (阿嬷洪 of 洪素女)."""
    endings: dict[str, list[str]] = {}
    for name in names:
        for cut in range(1, len(name) - 1):
            endings.setdefault(name[cut:], []).append(name)
    words = list(words)
    found: dict[str, list[str]] = {}
    for word in endings.keys() & set(words):
        if not looks_like_person(word):  # else a name of its own (王毅 is no piece of 李王毅)
            found[word] = [name for name in endings[word] if name != word]
    # the few words that start with a kin term or title, found in one scan
    for glued in cues().prefix_line.finditer("\n".join(words)):
        word = glued.group()
        bare = glued.group(1)
        found.setdefault(word, []).extend(name for name in names if name != word and name.startswith(bare))
    return {word: owners[0] for word, owners in found.items() if len(owners) == 1}


def _dotted_spans(
    tokens: list[str], is_name_part: Callable[[str], bool], text: str | None = None
) -> list[tuple[int, int]]:
    """The token ranges of transliterated names written with middle dots (埃马纽埃尔 · 马克龙):
    up to four name parts before the last dot, and the surname after it. `text`: the tokens
    joined, when the caller has it."""
    joined = "".join(tokens) if text is None else text
    if not any(dot in joined for dot in _DOT_CHARS):  # str.find, faster than a regex scan
        return []
    spans: list[tuple[int, int]] = []
    for i in [i for i, token in enumerate(tokens) if _DOTS.fullmatch(token)]:
        if i + 1 >= len(tokens) or (i + 2 < len(tokens) and _DOTS.fullmatch(tokens[i + 2])):
            continue  # not the last dot of its name
        given = 0
        j = i - 1
        while j >= 0 and given < 4:
            token = tokens[j]
            if _DOTS.fullmatch(token):
                j -= 1
                continue
            if _HAN_ONLY.fullmatch(token) is None or not is_name_part(token):
                break
            given += 1
            j -= 1
        if given:
            spans.append((j + 1, i + 2))
    return spans


def dotted_name_parts(
    tokens: list[str], is_name_part: Callable[[str], bool], text: str | None = None
) -> dict[str, str]:
    """The given names of transliterated names mapped to the surname an editor tags, when
    the text also names the person by that surname alone: {埃马纽埃尔: 马克龙} for
    埃马纽埃尔·马克龙 ... 马克龙. `tokens` are the words in order; `is_name_part` tells a
    word that may be part of a name (one the dictionary lacks, or tags as a name)."""
    parts: dict[str, str] = {}
    spans = _dotted_spans(tokens, is_name_part, text)
    surnames = Counter(tokens[end - 1] for _, end in spans)
    for start, end in spans:
        surname = tokens[end - 1]
        if tokens.count(surname) > surnames[surname]:
            for token in tokens[start : end - 1]:
                if _DOTS.fullmatch(token) is None:
                    parts.setdefault(token, surname)
    return parts


def _spelt_foreign(word: str) -> bool:
    """Whether a word is spelt with transliteration characters only (米洛, 德)."""
    return bool(word) and cues().transliteration_chars.issuperset(word)


def dotted_wholes(
    tokens: list[str], is_name_part: Callable[[str], bool], text: str | None = None
) -> dict[str, str]:
    """The parts of transliterated names that the text never says apart mapped to the whole
    name, the editor's one tag: {艾米莉: 艾米莉·布朗特, 布朗特: 艾米莉·布朗特} when neither
    is said alone (when the surname is, `dotted_name_parts` gives the given names to it)."""
    spans = []
    for start, end in _dotted_spans(tokens, is_name_part, text):
        while _DOTS.fullmatch(tokens[start + 1]) is None:
            start += 1  # one word before each dot: 女主 of 女主艾米莉·布朗特 is no part of the name
        # a name cut where its transliteration goes on (米洛 | 斯拉夫·延恰, 伍德沃 | 德) is not whole
        before = tokens[start - 1] if start else ""
        after = tokens[end] if end < len(tokens) else ""
        if not (_spelt_foreign(before) or _spelt_foreign(after)):
            spans.append((start, end))
    if not spans:
        return {}
    inside: Counter[str] = Counter()
    for start, end in spans:
        inside.update(tokens[start:end])
    of: dict[str, set[str]] = {}  # the wholes each part stands in
    for start, end in spans:
        whole = "".join(tokens[start:end])
        for part in tokens[start:end]:
            of.setdefault(part, set()).add(whole)
    wholes: dict[str, str] = {}
    for start, end in spans:
        parts = [t for t in tokens[start:end] if _DOTS.fullmatch(t) is None]
        # every part said only inside this one name (not 约翰 of two Johns)
        if all(len(of[part]) == 1 and tokens.count(part) == inside[part] for part in parts):
            whole = "".join(tokens[start:end])
            wholes.update(dict.fromkeys(parts, whole))
    return wholes


def country_mentions(tokens: list[str], text: str) -> dict[str, dict[str, int]]:
    """The words that stand for a country the text names in full, with how often each is
    said: {俄罗斯: {俄军: 3, 俄方: 2, 俄: 2, 俄称: 2}}. A country's one-character abbreviation
    heading a side (方, 军) or a speech verb (俄称), or standing alone when it is one of the
    `countries_alone` (俄, not 日: a date), is one more mention of the country; only when the
    text spells out exactly one country that character stands for (伊 is 伊朗 or 伊拉克)."""
    words = _abbreviation_words()
    present = _abbreviation_set().intersection(tokens)  # in C: most texts have none
    if not present:
        return {}
    names_of = cues().country_abbreviations
    said: dict[str, dict[str, int]] = {}
    for char in sorted({words[word] for word in present}):
        spelt = [name for name in names_of[char] if name in text]
        if len(spelt) == 1:
            for word in sorted(w for w in present if words[w] == char):
                said.setdefault(spelt[0], {})[word] = tokens.count(word)
    return said


def country_pairs(words: Iterable[str], text: str) -> list[str]:
    """Words of two country abbreviations (美伊, 美韩) when the text spells out both countries,
    each the one country its character stands for: the two countries are the tags."""
    names_of = cues().country_abbreviations
    return [
        word
        for word in _pair_words().intersection(words)  # in C: most texts have none
        if all(sum(name in text for name in names_of[char]) == 1 for char in word)
    ]


@cache
def _pair_words() -> frozenset[str]:
    """Every word of two country abbreviations that is no country itself (美伊, 美英)."""
    chars = cues().country_abbreviations
    return frozenset(a + b for a in chars for b in chars if a != b).difference(country_names())


@cache
def country_names() -> frozenset[str]:
    """The countries of `country_abbreviations` (俄罗斯, 法国 ...)."""
    return frozenset(chain.from_iterable(cues().country_abbreviations.values()))


@cache
def _abbreviation_set() -> frozenset[str]:
    return frozenset(_abbreviation_words())


@cache
def _abbreviation_words() -> dict[str, str]:
    """Each word that may stand for a country (俄军, 俄方, 俄称, 俄) mapped to its character."""
    known = cues()
    single_verbs = [verb for verb in known.speech_verbs if len(verb) == 1]
    words: dict[str, str] = {}
    for char in known.country_abbreviations:
        words.update((char + end, char) for end in chain(known.country_sides, single_verbs))
        if char in known.countries_alone:
            words[char] = char
    return words


def aliases(text: str, terms: Iterable[str]) -> dict[str, str]:
    """Full names given in brackets after the name a story goes by, mapped to that name:
    {王某琴: 阿琴} for 阿琴（王某琴）, {罗某美: 阿美} for 阿美婆（罗某美）: one person, whom the
    story calls by the name before the brackets. The bracketed name has a Chinese name's form;
    the name before them is one of `terms`, maybe with one character more (婆, 伯)."""
    if "（" not in text and "(" not in text:
        return {}
    found: dict[str, str] = {}
    terms = [t for t in terms if _HAN_ONLY.fullmatch(t)]
    for match in _BRACKETED_NAME.finditer(text):
        full = match.group(1)
        if not match.start() or not _HAN_ONLY.match(text, match.start() - 1) or not looks_like_person(full):
            continue  # right after a Han word, a name's form
        before = text[max(0, match.start() - 6) : match.start()]
        called = [t for t in terms if full not in t and (before.endswith(t) or before[:-1].endswith(t))]
        if called:
            found.setdefault(full, max(called, key=len))
    return found


def latin_glosses(text: str) -> frozenset[str]:
    """Latin words that only gloss the Han name before them (麦可庞德（Michael Bond）):
    the Han name is the tag."""
    words: set[str] = set()
    for match in _LATIN_GLOSS.finditer(text):
        words.update(_LATIN_WORD.findall(match.group(1)))
    return frozenset(words)
