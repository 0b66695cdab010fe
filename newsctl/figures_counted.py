"""`counted`: what a count, money or percent figure counts, read from the dictionary noun phrase
in the figure's clause (see docs/figures.md, "counted").

`counted_all(text, quantities)` is called by `newsctl.figures.find_figures` once per text, with the
figures it found; it returns one noun phrase or None per figure.  Words are tagged from jieba's
dictionary (`newsctl.segment.lexicon`), looked up together for all the figures of a text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Generator
from dataclasses import replace
from functools import cache
from typing import Any

from newsctl.data import load_json
from newsctl.figures import (
    _TAG_MEMO_LIMIT,
    _by_length,
    _counts_next_noun,
    _endswith_any,
    _is_han,
    _lexicon_tags,
    _news_vocab,
    _Quantity,
    _same_clause_before,
    _startswith_any,
    _vocab,
    _Words,
)
from newsctl.numerals import is_numeral_start
from newsctl.numerals import tables as numeral_tables

#: measure words of events (三次, 两期): what follows them is not what they count; 届 numbers
#: the sessions of a body named before it (中共二十届, 全国政协十四届), which it does not count
_VERBAL_UNITS = frozenset(("次", "期", "回", "遍", "趟", "轮", "批", "届"))


def _counted_spans(text: str, q: _Quantity, lo: int, hi: int) -> list[tuple[str, str, bool]]:
    """Where `counted` may be read, in order of preference: ("after", the characters right after a
    measure word: 9名同志; or after the 的 that closes a modifier there: 一个可怕的男人),
    ("before", the characters just before the figure: 培训党员干部450人次) and ("word", the noun of
    a measure word that counts people: 3人受伤), each with whether the text goes on in Han
    characters past its outer end (a word there may be cut: 第一产业用电量 read back from the figure
    stops at 一). The text read lies between lo and hi: the ends of the figures next to it (a
    numeral character that no figure took is read back as part of a word: 景气指数为, 零售总额;
    read forwards, a numeral character still ends the run: 运动员|参赛)."""
    vocab = _vocab()
    if q.kind in ("ordinal", "anniversary") or q.unit_category == "time":
        return []
    limit = vocab.counted_max
    han_run = _forward_char_run()  # Han characters that cannot start a numeral (but 数, 零: 指数, 零售)
    news = _news_vocab()
    # the dictionary decides where the noun phrase ends: no stop-character cuts (人, 才 end nouns too)
    if q.unit_category == "count" and q.unit == "度":
        return []  # 二度中风: 度 counts times, and what follows is what happened
    if q.kind == "count" and _is_grade(text, q):
        return []  # 三级医院, 市、县、乡三级: a grade or a number of tiers, not a count of the noun after
    if q.unit in _VERBAL_UNITS or q.unit in vocab.verbal_measure_words:
        # 同志两次上交: the noun before 两次 is not what 次 counts; a noun right after it is the
        # event counted (3次地震, 一场战争)
        after = han_run(text, q.end, min(q.end + limit, hi)).group()
        return [("after_event", after, _han_goes_on(text, q.end + len(after), hi))] if after else []
    if q.kind == "count" and q.unit is None and _counts_next_noun(text, q):
        # 婚后生2子, 3200万受灾群众: the noun after a bare number is what it counts
        after = han_run(text, q.end, min(q.end + limit, hi)).group()
        if after[:1] in news["self_noun_units"] and after[1:2] in _counted_vocab()["adverbs_after_person"]:
            return [("word", news["person_noun"], False)]  # 这3人|才再住: 人 and an adverb, not 人才
        return [("after", after, _han_goes_on(text, q.end + len(after), hi))] if after else []
    person = q.kind == "count" and q.unit in news["person_units"]
    after_spans: list[tuple[str, str, bool]] = []
    percent_after = ""
    if q.kind in ("count", "age", "money") and q.unit is not None or q.kind == "percent":
        after = han_run(text, q.end, min(q.end + limit, hi)).group()
        side = "after_age" if q.kind == "age" else "after"
        owned = text[q.start - 1 : q.start] == "的"  # (银行的3%目标: a percentage owned names a noun)
        if q.kind == "percent" and not after.startswith("的"):
            percent_after = after
        if after and (q.kind != "percent" or owned) and q.unit not in news["self_noun_units"]:
            # 9名同志: what follows the measure word (3人受伤: 人 is the noun itself)
            after_spans.append((side, after, _han_goes_on(text, q.end + len(after), hi)))
        de = after.find("的")
        if (
            (
                not person
                or q.unit not in news["self_noun_units"]
                and after[de - 1 : de] not in _counted_vocab()["possessor_endings"]
            )
            and (0 < de <= news["modifier_max"] or de == 0 and q.kind in ("percent", "money"))
            and de < len(after) - 1
            and not _has_any(after[:de], news["pronoun_chars"])
        ):
            # 一个可怕的男人: a modifier closed by 的, then the noun counted; 75%的居民; 上百名危在
            # 旦夕的游客 (not 三位老师傅的兴趣: a possessor before 的)
            more = han_run(text, q.end + de + 1, min(q.end + de + 1 + limit, hi)).group()
            after_spans.append((side, more, _han_goes_on(text, q.end + de + 1 + len(more), hi)))
    if q.kind == "age":
        return after_spans
    person_after = after_spans[0][1] if person and after_spans else ""
    if person and after_spans:
        # 1400名安保人员: a head noun of people closes the phrase after the measure word, whatever
        # the dictionary makes of the words before it
        after_spans.append(("person_heads", after_spans[0][1], False))
    if person and q.unit not in news["self_noun_units"]:
        # 80名在工地干活的外地工人: the people after a longer modifier closed by 的, within the
        # clause (a head noun of people, not 三位老师傅的兴趣)
        far = text.find("的", q.end, min(q.end + _counted_vocab()["person_modifier_far"], hi))
        if (
            far > q.end
            and _HAN_RUN(text, q.end, far).end() == far
            and text[far - 1] not in _counted_vocab()["possessor_endings"]
        ):
            more = han_run(text, far + 1, min(far + 1 + limit, hi)).group()
            if more:
                after_spans.append(("person_heads", more, False))
    elif (
        q.kind == "count"
        and q.unit is not None
        and after_spans
        and q.unit not in _counted_vocab()["run_not_units"]
    ):
        # 三个旧书包。, 两段短暂婚姻、: a short run up to a boundary that ends with a noun (the run is
        # open when a numeral character goes on after it: 一张手机付款|二维码)
        run = after_spans[0][1]
        after_spans.append(("after_run", run, _is_han(text[q.end + len(run) : q.end + len(run) + 1] or "，")))
    if (
        q.kind == "count"
        and q.unit is not None
        and not person
        and q.unit not in _counted_vocab()["run_not_units"]
        and q.unit not in _counted_vocab()["phrase_not_units"]
    ):
        # 4艘无人船参与: the noun phrase up to the clause's next function word or verb, a word the
        # dictionary lacks or not, opened by a model name in Latin letters and digits or not
        model = _MODEL_NAME(text, q.end, hi)
        at = model.end() if model else q.end
        found = _ANY_HAN_RUN(text, at, min(at + limit, hi))  # (无人船参与: 参 ends no word here)
        if han := found.group() if found else "":
            edge = _is_han(text[at + len(han) : at + len(han) + 1] or "，")
            after_spans.append(("after_phrase", (model.group() if model else "") + "|" + han, edge))
    if q.kind == "count" and q.unit is not None and not person and not after_spans:
        # 25个“城中村”改造项目, 1组「创业潜力奖」: a quoted name right after the measure word, or the
        # noun after it
        quoted = _quoted_after(text, q.end, hi)
        if quoted is not None:
            title, rest_at = quoted
            rest = han_run(text, rest_at, min(rest_at + limit, hi)).group()
            edge = _han_goes_on(text, rest_at + len(rest), hi)
            after_spans.append(("after_quote", title + "|" + rest, edge))
    if q.kind == "count" and q.unit is not None and after_spans and not person:
        # 144辆运送救援物资的卡车: a clause opened by a verb and closed by 的 qualifies the noun after
        # it, within the clause (read when nothing nearer names what is counted)
        far = text.find("的", q.end, min(q.end + _counted_vocab()["clause_modifier_far"], hi))
        if far > q.end + 1 and _HAN_RUN(text, q.end, far).end() == far:
            more = han_run(text, far + 1, min(far + 1 + limit, hi)).group()
            # (not the first item of a list: 十起加重负担的形式主义、官僚主义问题)
            if (
                more
                and text[far + 1 + len(more) : far + 2 + len(more)]
                not in _counted_vocab()["list_joiner_chars"]
            ):
                edge = _han_goes_on(text, far + 1 + len(more), hi)
                after_spans.append(("after_clause", text[q.end : far] + "|" + more, edge))
    if q.kind == "count" and after_spans and not person:
        return after_spans  # the noun before 该公司一架 is not what 架 counts
    # before the figure: the noun phrase that ends there, past linking words (用电量同比增长16.9%,
    # 死亡人数已升至118人); the word next to the figure must be a noun (事故造成3人死亡: not 事故)
    side = "before_money" if q.kind == "money" else "before"
    # 参展企业已超160家。: the clause ends at the measure word, so its topic is what it counts (not
    # after a grade or a count of parts: 分为12级)
    next_char = text[q.end : q.end + 1]
    topic = (
        q.kind == "count"
        and q.unit is not None
        and not person
        and not after_spans
        and not (_is_han(next_char) or next_char.isalnum())
        and q.unit not in _counted_vocab()["topic_not_units"]
    )
    spans = after_spans if q.kind == "count" else []
    if topic:
        # 发出《监督意见书》520余份。: a quoted name right before the count names what it counts
        named = _quoted_before(text, q.start, lo)
        if named is not None:
            spans.append(("word", named, False))
    if q.kind != "count" and text[q.end : q.end + 1] == "的":
        spans = after_spans  # 价值6.8亿美元的武器, 75%的居民: the noun the figure qualifies
        acronym = None if after_spans else _counted_vocab()["acronym_match"](text, q.end + 1, hi)
        if acronym and not (
            _is_han(text[acronym.end() : acronym.end() + 1] or "，")
            and text[acronym.end()] not in _counted_vocab()["list_joiner_chars"]
        ):
            # 贡献了60%以上的GDP。: an acronym after 的 that ends the phrase (not 的CPU份额)
            return [("word", acronym.group(), False)]
    based = False  # a base after 占 stands right before the percentage (占公司总股本64.05%)
    if q.kind == "percent":
        # X占Y的N%, 工业投资占比超过37%: what is counted is the subject before 占, not the base Y
        share = _share_word_before(text, q.start)
        if share is not None:
            subject_end, based = share
            if subject_end is not None:
                spans += _before_spans(text, subject_end, "before_money", lo=lo if lo <= subject_end else 0)
    if not based:
        spans += _before_spans(text, q.start, side, 2 if person else 4, lo)
    vocab_c = _counted_vocab()
    if q.kind in ("percent", "money") or q.unit in vocab_c["subject_units"] or topic:
        # 蔬菜价格比节前下降1.2%, 营收年减59.36%: the subject of the clause, before its predicate
        # (read only when the readings before it find nothing, but first after a comparison)
        window = text[max(lo, q.start - vocab_c["subject_reach"]) : q.start]
        compared = vocab_c["comparison_search"](window) is not None
        subject = _subject_before(text, q.start, lo) if compared else None
        if subject is None:
            spans.append(("subject", "", False))
        elif all(subject[0] != chars or read != "before_verbal" for read, chars, _open in spans):
            reach = len(subject[0]) + vocab_c["comparison_max"]
            if _compared(text[max(0, q.start - reach) : q.start], subject[0]):
                # 猪肉价格比上月下降: a comparison follows the subject, and 价格比 is no noun here
                spans.insert(0, ("before_verbal", *subject))
            else:
                spans.append(("before_verbal", *subject))
    if q.kind != "count" and spans is not after_spans:
        spans += after_spans  # 每月4700元补助: after what comes before
        if q.kind == "percent":
            spans.append(("rate", "", False))  # ，满载率95%: read when nothing before it is
            if percent_after and not after_spans:
                # 六成受访者认为: people right after a percentage (a head noun of people closes the
                # phrase), when nothing before names what it counts
                spans.append(("person_heads", percent_after, False))
        if q.kind == "money" and after_spans:
            # 获得了150万元无抵押贷款: a head noun of money closes the phrase after the amount
            spans.append(("money_heads", after_spans[0][1], False))
            run = after_spans[0][1]
            spans.append(("money_run", run, _is_han(text[q.end + len(run) : q.end + len(run) + 1] or "，")))
        if q.kind == "money":
            spans.append(("rate", "", False))  # ，月租约3000元: read when nothing before it is
    if (
        text[q.start - 1 : q.start] == "的"
        and q.kind in ("count", "money", "percent")
        and not _endswith_any(text, q.start - 1, _counted_vocab()["owner_not_endings"])
    ):
        # 某厂的800万台: the noun before 的 owns what is counted, it is not it; before a percentage
        # it is what the percentage is a share of, read after a noun that follows (银行的3%目标, 收入的30%)
        owner = [span for span in spans if span[0].startswith("before")]
        spans = [span for span in spans if not span[0].startswith("before")]
        if q.kind == "percent":
            spans += owner
    if person:
        if person_after and q.unit not in news["self_noun_units"]:
            # 500多名外国人在当地失踪, 15位报告人做了: the shortest run after the measure word that
            # ends like a noun of people, when nothing else names them
            spans.append(("person_run", person_after, False))
        # 河长32万名: a noun of people the dictionary lacks, right before the count
        start = max(lo, q.start - 4)
        spans.append(("role_before", text[start : q.start], start == lo))
        household = _counted_vocab()["household"]
        if (
            q.unit in household["units"]
            and text[q.end : q.end + 1] != news["person_noun"]
            and q.value <= household["max_members"]
        ):
            spans.append(("word", household["noun"], False))  # 一家5口, 3口生计: the members of a household
        spans.append(("word", news["person_noun"], False))
    return spans


def _head_phrase(after: str, heads: str) -> str | None:
    """The phrase of at most head_modifier_max characters (no function character) closed by one
    of the head nouns `heads` (person_heads: 人员, 员工, 学生…; money_heads: 贷款, 押金…) at the
    start of `after`."""
    vocab = _counted_vocab()
    words = vocab[heads]
    for k in range(min(len(after), vocab["head_modifier_max"] + max(words.lengths)), 1, -1):
        head = _endswith_any(after, k, words)
        if head is not None and not _has_any(after[: k - len(head)], _BOUNDARY_CHARS):
            return after[:k]
    return None


def _subject_before(text: str, end: int, lo: int) -> tuple[str, bool] | None:
    """The characters that end with the subject of the clause before a figure at `end`: the
    predicate between them is left out from the end (words of change and linking words:
    同比增长了, 走跌, 最高; a comparison: 比节前, 较上年同期), and what stays must have lost at
    least one of them.  Returns the last counted_max characters and whether a word may go on
    past their start."""
    vocab = _counted_vocab()
    limit = _vocab().counted_max
    # (a comparison may hold digits and numerals: 较2015年, 较上一季度)
    run = _SUBJECT_RUN(text[max(lo, end - vocab["subject_reach"]) : end][::-1]).end()
    chars = text[end - run : end]
    edge = end - run
    if 0 < lo == edge and chars.endswith(vocab["joiners_after_noun"]):
        return None  # (the noun of the figure before, then a list word)
    subject = _strip_predicate(chars)
    if subject == chars or len(subject) < 2:
        return None
    han = _back_char_run()(subject[::-1]).end()
    if han < len(subject):
        subject, edge = subject[-han:], edge + len(subject) - han
    if len(subject) < 2:
        return None
    if vocab["transfer_verbs"](chars, len(subject)) is not None:
        return None  # X公司捐赠了3380元, X获得50万元: who pays or is paid is not what is counted
    return subject[-limit:], len(subject) > limit or (edge > lo and _is_han(text[edge - 1]))


def _rate_noun_before(text: str, end: int, lo: int, money: bool = False) -> str | None:
    """，重箱率100%: a short noun of a rate (…率, …比例) that opens its clause right before a
    percentage (past its predicate) is what the percentage counts, known to the dictionary or not;
    so is a short noun of money (…费, …金, …款: ，月租约3000元) before an amount of money."""
    vocab = _counted_vocab()
    suffixes = vocab["money_noun_suffixes"] if money else vocab["rate_suffixes"]
    run = _back_char_run()(text[max(lo, end - vocab["subject_reach"]) : end][::-1]).end()
    edge = end - run
    if edge > 0 and (_is_han(text[edge - 1]) or edge == lo or text[edge - 1].isdigit()):
        return None  # the clause goes on before it: the rate may be cut (19日出工率)
    subject = _strip_predicate(text[edge:end])
    if not 2 <= len(subject) <= vocab["rate_max"] or not subject.endswith(suffixes):
        return None
    return None if _has_any(subject, _BOUNDARY_CHARS) else subject


def _compared(chars: str, subject: str) -> bool:
    """Does a comparison (比/较) follow `subject` in `chars` (the text before a figure)?"""
    at = chars.rfind(subject)
    return (
        at >= 0 and chars[at + len(subject) : at + len(subject) + 1] in _counted_vocab()["comparison_heads"]
    )


def _strip_predicate(chars: str) -> str:
    """`chars` without the words of a predicate at its end (同比增长了, 比节前下降)."""
    vocab = _counted_vocab()
    while len(chars) >= 2:
        word = _endswith_any(chars, len(chars), vocab["predicate_words"])
        if word is not None:
            chars = chars[: -len(word)]
            continue
        per = _endswith_any(chars, len(chars), vocab["per_units"])
        if per is not None and len(chars) > len(per):
            chars = chars[: -len(per)]  # 包车每趟要800元: the price of one, not what is counted
            continue
        when = vocab["time_tail"](chars)
        if when is not None and when.start() > 0:
            chars = chars[: when.start()]  # 房价指数在4月也比去年同期上扬: the time of the change
            continue
        start = max(0, len(chars) - vocab["comparison_max"])
        k = -1
        for head in vocab["comparison_heads"]:  # (the last comparison word; a loop costs less than max())
            k = max(k, chars.rfind(head, start))
        if (
            k > 0
            and chars[k + 1 : k + 2] not in vocab["comparison_not_next"]
            and chars[k - 1] not in (vocab["comparison_not_before"])
        ):
            chars = chars[:k]
            continue
        break
    return chars


def _before_spans(text: str, end: int, side: str, most: int = 4, lo: int = 0) -> list[tuple[str, str, bool]]:
    """The noun phrase spans that end at `end`: the run of Han characters there, then the same
    run without each of up to `most` - 1 linking words at its end."""
    vocab = _vocab()
    limit = vocab.counted_max
    reach = limit + 4
    length = _back_char_run()(text[max(lo, end - reach) : end][::-1]).end()
    before = text[end - length : end]
    edge = end - length
    if 0 < lo == edge and before.endswith(_counted_vocab()["joiners_after_noun"]):
        return []  # 95%抗环境光功效和115%: the noun of the figure before, then a list word
    open_edge = edge > lo and _is_han(text[edge - 1])  # (no word goes on into the figure before)
    payers = _news_vocab()["payer_verbs"]
    payer = _endswith_any(before, len(before), payers) or _endswith_any(before, len(before) - 1, payers)
    if payer is not None and before.endswith((payer, payer + "了")):
        # X公司捐赠了3380元, X先生捐款200元: the noun before the verb is the payer, never what
        # is counted; only the verb itself may name the amount (捐款)
        return [(side, payer, False)]
    spans: list[tuple[str, str, bool]] = []
    inner = ""  # the first character of the linking words left out (side "before:均")
    for _ in range(most):
        if len(before) >= 2:
            edge_open = open_edge or len(before) > limit
            if side == "before_money":  # the plain reading first, then what an amount names
                spans.append((f"before:{inner}" if inner else "before", before[-limit:], edge_open))
            spans.append((f"{side}:{inner}" if inner else side, before[-limit:], edge_open))
        stop = _endswith_any(before, len(before), vocab.counted_stops)
        if (
            not stop
            or len(before) - len(stop) < 2
            or stop in _counted_vocab()["transfer_words"]
            or stop in _counted_vocab()["agent_verbs"]
        ):
            # (某会计划每年筹集50万美元, 某市发放3000万元: who gets or gives is not what is counted;
            # 县政府已提出两亿元, 我市接待2万人次: nor who does what the verb says)
            break
        before = before[: -len(stop)]
        inner = stop[0]
    return spans


def _share_word_before(text: str, start: int) -> tuple[int | None, bool] | None:
    """Where 占 (its share) stands in the clause before a percentage: the end of its subject (None
    when the clause opens with it: ，占总股本的28%), and whether Han characters stand between it
    and the percentage (the base the share is taken of: 占总股本, not 占比超过)."""
    news, vocab = _news_vocab(), _counted_vocab()
    if "占" not in text[max(0, start - news["share_window"]) : start]:
        return None  # (every share word has 占)
    clause = _same_clause_before(text, start, news["share_window"])
    for word in news["share_words"]:
        k = clause.rfind(word)
        if k >= 0:
            rest = _strip_predicate(clause[k + len(word) :])
            # (占全国进出口值比重15.6%: a noun of a share before it is what it counts)
            base = len(rest) >= 2 and all(map(_is_han, rest)) and not rest.endswith(vocab["rate_suffixes"])
            return (start - len(clause) + k if k > 0 else None), base
    return None


def _han_goes_on(text: str, i: int, hi: int) -> bool:
    """Does a word go on at i: a Han character that starts no numeral, or one that starts words
    more than numerals after a noun (德国|零售企业), or an opening quote before one (10个环境空气
    质量监测“国控点”, where the noun is the quoted word)?"""
    if i >= hi:
        return False  # the next figure starts here
    nxt = text[i : i + 1]
    if nxt in "“「『":
        nxt = text[i + 1 : i + 2]
    return bool(nxt) and _is_han(nxt) and (not is_numeral_start(nxt) or nxt in _news_vocab()["word_numerals"])


def _comparison_search(spec: dict[str, Any]) -> Any:
    """search() of a comparison word (比, 较) that is not part of 同比, 占比, 比重…"""
    heads = "".join(spec["heads"])
    before = "".join(spec["not_before"]) + "".join(spec["also_not_before"])
    after = "".join(spec["not_next"])
    return re.compile(f"(?<![{re.escape(before)}])[{re.escape(heads)}](?![{re.escape(after)}])").search


def _time_tail_search(spec: dict[str, Any]) -> Any:
    """search() of a time at the end of a clause read back (在4月, 于三季度, 1-4月): a numeral, a
    range of them, and a unit of a date."""
    leads = "|".join(map(re.escape, spec["leads"]))
    units = "|".join(map(re.escape, sorted(spec["units"], key=len, reverse=True)))
    number = "[0-9０-９]{1,4}|[一二三四五六七八九十]{1,3}"
    search = re.compile(f"(?:{leads})?(?:{number})(?:[-－至到~](?:{number}))?(?:{units})$").search
    ends = (*spec["units"], "\n")  # ($ also matches before a final newline)

    def find(chars: str) -> Any:
        # (the text must end with a unit: a string test first, the regex only then)
        return search(chars) if chars.endswith(ends) else None

    return find


def _per_units() -> _Words:
    """_endswith_any's table of 每 + a unit (每趟, 每剂, 每公斤, 每小时): the measure before a price."""
    units: dict[str, Any] = load_json("figures_units.json")
    return _by_length(sorted({"每" + unit for key in ("count", "measure", "time") for unit in units[key]}))


def _is_grade(text: str, q: _Quantity) -> bool:
    """Whether a count's measure word gives a grade or a number of tiers (三级医院), not one after a
    figure's scale (5个万亿级: 个 counts)."""
    vocab = _counted_vocab()
    return (
        q.unit in vocab["grade_units"]
        and text[q.unit_start - 1 : q.unit_start] not in vocab["grade_scale_chars"]
    )


@cache
def _counted_vocab() -> dict[str, Any]:
    """The rules of data/figures_counted.json."""
    data: dict[str, Any] = load_json("figures_counted.json")
    respectively = data["respectively"]
    acronym = data["acronym_subject"]
    acronym_letters = "[A-Z]{%d,%d}" % (int(acronym["min_letters"]), int(acronym["max_letters"]))
    return {
        "tag_fixes": {k: v for k, v in data["tag_fixes"].items() if not k.startswith("_")},
        "amount_verbs": dict(data["amount_verbs"]),
        "grade_units": frozenset(data["grade_units"]["units"]),
        "grade_scale_chars": frozenset(data["grade_units"]["scale_chars"]),
        "label_colons": frozenset(data["label"]["colons"]),
        "apposition_words": _by_length(data["label"]["apposition_words"]),
        "namely_words": _by_length(data["label"]["namely_words"]),
        "label_max": int(data["label"]["max_chars"]),
        "label_money_endings": tuple(data["label"]["money_endings"])
        + tuple(data["rate_noun"]["money_suffixes"]),
        "amount_verb_words": _by_length(list(data["amount_verbs"])),
        "noun_suffixes_not_names": tuple(data["tag_fix_suffixes"]["suffixes"]),
        "noun_word_endings": tuple(data["tag_fix_suffixes"]["noun_words"]),
        "name_tags": frozenset(data["tag_fix_suffixes"]["name_tags"]),
        "back_word_numerals": tuple(data["back_word_numerals"]),
        "forward_word_numerals": tuple(data["forward_word_numerals"]),
        "lead_word_numerals": tuple(data["lead_word_numerals"]),
        "subject_reach": int(data["subject"]["reach"]),
        "adverbs_after_person": frozenset(data["adverbs_after_person"]),
        "joiners_after_noun": tuple(data["joiners_after_noun"]),
        "idiom_head_next_tags": frozenset(data["idiom_head_next_tags"]),
        "person_heads": _by_length(data["person_heads"]["words"]),
        "money_heads": _by_length(data["money_heads"]),
        "possessor_endings": frozenset(data["possessor_endings"]),
        "adverbial_nouns": frozenset(data["adverbial_nouns"]),
        "verbs_tagged_nouns": frozenset(data["verbs_tagged_nouns"]),
        "list_joiner_chars": frozenset(data["list_joiner_chars"]),
        "rate_suffixes": tuple(data["rate_noun"]["suffixes"]),
        "rate_max": int(data["rate_noun"]["max_chars"]),
        "money_noun_suffixes": tuple(data["rate_noun"]["money_suffixes"]),
        "head_modifier_max": int(data["person_heads"]["modifier_max"]),
        "demonstratives": _by_length(data["anaphora"]["demonstratives"]),
        "subject_units": frozenset(data["subject"]["units"]),
        "predicate_words": _by_length(data["subject"]["predicate_words"]),
        "transfer_verbs": re.compile("|".join(map(re.escape, data["subject"]["transfer_verbs"]))).search,
        "comparison_heads": tuple(data["subject"]["comparison"]["heads"]),
        "comparison_search": _comparison_search(data["subject"]["comparison"]),
        "comparison_max": int(data["subject"]["comparison"]["max_chars"]),
        "comparison_not_next": frozenset(data["subject"]["comparison"]["not_next"]),
        "comparison_not_before": frozenset(data["subject"]["comparison"]["not_before"]),
        "respectively": respectively["word"],
        "respectively_lead": int(respectively["lead_max"]),
        "list_joiners": frozenset(respectively["joiners"]),
        "sentence_ends": tuple(respectively["sentence_ends"]),
        "clause_ends": tuple(respectively["clause_ends"]),
        "list_leads": tuple(respectively["list_leads"]),
        "list_item_max": int(respectively["list_item_max"]),
        "shared_head_min": int(respectively["shared_head_min"]),
        "shared_head_max": int(respectively["shared_head_max"]),
        "list_split": re.compile("|".join(map(re.escape, respectively["list_separators"]))).split,
        "transfer_words": frozenset(data["subject"]["transfer_verbs"]),
        "owner_not_endings": _by_length(data["owner"]["not_endings"]),
        "change_nouns": frozenset(data["subject"]["change_nouns"]),
        "time_tail": _time_tail_search(data["subject"]["time_tail"]),
        "person_modifier_far": int(data["person_heads"]["modifier_far"]),
        "person_run_max": int(data["person_heads"]["run_max"]),
        "person_run_endings": frozenset(data["person_heads"]["run_endings"]),
        "person_run_extenders": frozenset(data["person_heads"]["run_extenders"]),
        "role_endings": frozenset(data["role_before"]["endings"]),
        "per_units": _per_units(),
        "household": {
            "units": frozenset(data["household"]["units"]),
            "noun": str(data["household"]["noun"]),
            "max_members": float(data["household"]["max_members"]),
        },
        "run_max": int(data["short_run"]["max_chars"]),
        "run_not_units": frozenset(data["short_run"]["not_units"]),
        "clause_modifier_far": int(data["clause_modifier"]["far"]),
        "clause_verb_tags": frozenset(data["clause_modifier"]["verb_tags"]),
        "quoted_pairs": {pair[0]: pair[1] for pair in data["quoted"]["pairs"]},
        "quoted_max": int(data["quoted"]["max_chars"]),
        "adverbial_adjective_tags": frozenset(data["adverbial_adjective_tags"]),
        "topic_not_units": frozenset(data["topic"]["not_units"]),
        "run_head_tags": frozenset(data["short_run"]["head_tags"]),
        "phrase_max_han": int(data["phrase_run"]["max_han"]),
        "phrase_stop_tags": frozenset(data["phrase_run"]["stop_tags"]),
        "phrase_not_first": frozenset(data["phrase_run"]["not_first"]),
        "phrase_verb_tags": frozenset(data["phrase_run"]["verb_tags"]),
        "phrase_not_units": frozenset(data["phrase_run"]["not_units"]),
        "phrase_end_chars": frozenset(data["phrase_run"]["end_chars"]),
        "phrase_half_word_tags": frozenset(data["phrase_run"]["half_word_tags"]),
        "phrase_weak_single_tags": frozenset(data["phrase_run"]["weak_single_tags"]),
        "phrase_not_first_tags": frozenset(data["phrase_run"]["not_first_tags"]),
        "toll_units": frozenset(data["tolls"]["units"]),
        "toll_words": _by_length(data["tolls"]["words"]),
        "toll_leads": _by_length(data["tolls"]["lead_words"]),
        "toll_reach": int(data["tolls"]["reach"]),
        "toll_number_word": data["tolls"]["number_word"],
        "partitive_markers": tuple(data["partitive"]["markers"]),
        "partitive_not_endings": tuple(data["partitive"]["not_endings"]),
        "action_units": frozenset(data["actions"]["units"]),
        "action_aspects": frozenset(data["actions"]["aspects"]),
        "action_links": _by_length(data["actions"]["linking_words"]),
        "action_tags": frozenset(data["actions"]["tags"]),
        "action_word_max": int(data["actions"]["word_max"]),
        "action_not_endings": tuple(data["actions"]["not_endings"]),
        "action_not_verbs": frozenset(data["actions"]["not_verbs"]),
        "score_match": re.compile(
            "[0-9０-９零〇一二两三四五六七八九十]+[%s][0-9０-９零〇一二两三四五六七八九十]+$"
            % re.escape("".join(data["score_ratio"]["joiners"]))
        ).match,
        "ratio_noun_endings": tuple(data["score_ratio"]["noun_endings"]),
        "acronym_search": re.compile("(?<![A-Za-z0-9])" + acronym_letters + "$").search,
        "acronym_clause_stops": frozenset(acronym["clause_stops"]),
        "elided_changes": _by_length(data["elided_subject"]["change_words"]),
        "elided_joiners": frozenset(data["elided_subject"]["joiners"]),
        "elided_max": int(data["elided_subject"]["max_chars"]),
        "unknown_changes": _by_length(
            data["elided_subject"]["change_words"] + data["unknown_subject"]["change_words"]
        ),
        "unknown_adverbs": frozenset(data["unknown_subject"]["adverbs"]),
        "unknown_min": int(data["unknown_subject"]["min_chars"]),
        "value_words": _by_length(data["value_word"]["words"]),
        "value_links": _by_length(data["value_word"]["links"]),
        "value_tags": frozenset(data["value_word"]["tags"]),
        "unknown_max": int(data["unknown_subject"]["max_chars"]),
        "unknown_tags": frozenset(data["unknown_subject"]["tags"]),
        "unknown_not_first": frozenset(data["unknown_subject"]["not_first"]),
        "latin_subject": re.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{%d,}$" % int(data["unknown_subject"]["latin_min"])
        ).search,
        "acronym_match": re.compile(acronym_letters + "(?![A-Za-z0-9])").match,
        "agent_verbs": frozenset(data["agent_verbs"]),
        "de_max_words": int(data["after_de"]["max_words"]),
        "de_window": int(data["after_de"]["window"]),
        "de_tags": frozenset(data["after_de"]["tags"]),
        "de_first_tags": frozenset(data["after_de"]["first_tags"]),
        "de_head_tags": frozenset(data["after_de"]["head_tags"]),
        "de_not_heads": frozenset(data["after_de"]["not_heads"]),
        "age_person_endings": tuple(data["age_person"]["person_endings"])
        + tuple(data["person_heads"]["words"]),
        "age_nickname_prefixes": frozenset(data["age_person"]["nickname_prefixes"]),
        "generic_heads": frozenset(data["generic_heads"]["heads"]),
        "generic_prefixes": _by_length(data["generic_heads"]["prefixes"]),
        "generic_tags": frozenset(data["generic_heads"]["tags"]),
        "generic_word_max": int(data["generic_heads"]["word_max"]),
        "per_time_words": frozenset(data["per_time_words"]),
        "scope_words": frozenset(data["scope_words"]),
        "compared_object": {
            "heads": frozenset(data["compared_object"]["heads"]),
            "kinds": frozenset(data["compared_object"]["kinds"]),
            "reach": int(data["compared_object"]["reach"]),
            "stops": frozenset(data["compared_object"]["stops"]),
            "not_after": frozenset(data["compared_object"]["not_after"]),
        },
        "measure_heads": {
            unit: _by_length(heads) for unit, heads in data["measure_heads"]["heads"].items() if heads
        },
        "measure_heads_max": int(data["measure_heads"]["max_chars"]),
        "measure_heads_not_first": frozenset(data["measure_heads"]["not_first"]),
        "measure_heads_trim_not": frozenset(data["measure_heads"]["trim_not_units"]),
        "measure_heads_not_inside": frozenset(data["measure_heads"]["not_inside"]),
        "measure_heads_ended": frozenset(data["measure_heads"]["ended_units"]),
        "measure_heads_end_chars": frozenset(data["measure_heads"]["end_chars"]),
        "change_frame": {
            "openers": frozenset(data["change_frame"]["openers"]),
            "reach": int(data["change_frame"]["reach"]),
            "subject_max": int(data["change_frame"]["subject_max"]),
            "subject_tags": frozenset(data["change_frame"]["subject_tags"]),
            "adverbs": _by_length(data["change_frame"]["adverbs"]),
            "verbs": frozenset(data["change_frame"]["verbs"]),
            "commas": frozenset(data["change_frame"]["commas"]),
        },
    }


#: match() of a run of Han characters, digits and decimal points: a clause read back for its subject
_SUBJECT_RUN: Any = re.compile("[\u3400-\u4dbf\u4e00-\u9fff0-9０-９.．]*").match

#: punctuation that ends a clause: a generic head read across it is not the figure's own
_CLAUSE_MARKS = frozenset("，。；：！？、,;:!?\n（）()")

#: match() of a run of Han characters (as figures._is_han)
_HAN_RUN: Any = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]*").match


@cache
def _back_char_run() -> Any:
    """match() of a run of Han characters that start no numeral or are numeral characters that
    end words (景气指数, 零售, 参保: back_word_numerals): what `counted` reads back from a figure."""
    return _counted_char_run(frozenset(_counted_vocab()["back_word_numerals"]))


@cache
def _forward_char_run() -> Any:
    """match() of a run of Han characters that start no numeral or are numeral characters that
    go on words read forwards (四大指数, 5家零售企业: forward_word_numerals); 参 only at the start of
    the run (150部参赛作品; 运动员|参赛 ends at it)."""
    run = _counted_char_run(frozenset(_counted_vocab()["forward_word_numerals"]))
    lead = frozenset(_counted_vocab()["lead_word_numerals"])
    whole = _counted_char_run(frozenset(_counted_vocab()["forward_word_numerals"]) | lead)

    def match(text: str, start: int, end: int) -> Any:
        return whole(text, start, end) if text[start : start + 1] in lead else run(text, start, end)

    return match


@cache
def _counted_char_run(allowed: frozenset[str] = frozenset()) -> Any:
    """match() of a run of Han characters that cannot start a numeral (but for `allowed`): what
    `counted` reads forwards from a figure."""
    starts = numeral_tables().start_chars - allowed
    ranges: list[str] = []
    for low, high in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)):  # as _is_han
        code = low
        for excluded in sorted(ord(c) for c in starts if low <= ord(c) <= high):
            if code < excluded:
                ranges.append(f"{chr(code)}-{chr(excluded - 1)}")
            code = excluded + 1
        if code <= high:
            ranges.append(f"{chr(code)}-{chr(high)}")
    return re.compile("[" + "".join(ranges) + "]*").match


#: word -> its tag in jieba's dictionary (None: not in it), for the words looked up so far: the
#: dictionary does not change within a process, and news text keeps asking for the same words
_tag_memo: dict[str, str | None] = {}
_UNKNOWN: Any = object()  # tags.get default: the word is not in _tag_memo yet


def _noun_phrase(
    side: str, chars: str, tags: dict[str, str | None], open_edge: bool = False
) -> str | list[str] | None:
    """The dictionary noun phrase next to the figure: words are matched longest first, from the
    figure outwards; the phrase is made of nouns and ends with a head noun (prefer null over junk).

    Returns the list of words it must know first when `tags` lacks one that decides the match:
    the caller looks the words of every figure up together and asks again."""
    return _step(_noun_phrase_steps(side, chars, tags, open_edge))


#: a reading that stops where it lacks words: it yields the words it must know first and goes
#: on from there once the caller has put their tags in the dictionary it reads; its result is
#: the value of the StopIteration that ends it
_Steps = Generator[list[str], None, str | None]


def _step(steps: _Steps) -> str | list[str] | None:
    """Runs a reading on to the next words it lacks (a list) or to its end (its result)."""
    try:
        return next(steps)
    except StopIteration as done:
        result: str | None = done.value
        return result


def _noun_phrase_steps(side: str, chars: str, tags: dict[str, str | None], open_edge: bool = False) -> _Steps:
    """_noun_phrase as a reading that resumes: where `tags` lacks a word that decides the match,
    it yields the words it must know and goes on from the same place once they are in `tags`
    (the caller looks the words of every figure up together; nothing is read twice)."""
    news = _news_vocab()
    heads, modifiers, longest = news["head_tags"], news["modifier_tags"], news["max_word"]
    words: list[tuple[str, str | None]] = []
    inner = ""
    if ":" in side:
        side, _, inner = side.partition(":")
    after = side[0] == "a"  # after, after_age, after_event
    if side == "before_money":
        # (tried after the plain "before" reading of the same characters, see _before_spans)
        # an amount of money names what it is (罚款200元, 总投资12亿元), when no noun phrase does;
        # a verbal noun right before it says what the money is for (进出口达6228.9亿元)
        verbal = news["verbal_noun_tags"]
        if any(
            tags.get(chars[-k:], "vn") in verbal or chars[-k:] in news["weak_heads"]
            for k in (4, 3, 2)
            if len(chars) >= k
        ):  # (only when a verbal noun or a generic head ends the text: 进出口|总额)
            found = yield from _noun_phrase_steps(f"before_verbal:{inner}", chars, tags, open_edge)
            if found is not None:
                return found
    if after:
        # a place noun heads a phrase read forwards (8个城市: jieba tags 城市 ns); an idiom or set
        # phrase (各行各业, 自动化) only ends one before a boundary (72架俄军无人机。)
        if side == "after":
            heads = news["after_heads"]
    else:
        # before a figure, a verbal noun is the verb that reports it: 投资498亿元, 培训党员干部450人次
        # (but an amount of money names what it is: 罚款200元, 总投资12亿元)
        if side != "before_verbal":
            heads, modifiers = news["plain_heads"], news["plain_modifiers"]
        money_word = (
            _endswith_any(chars, len(chars), news["money_nouns_before"]) if side == "before_money" else None
        )
        if money_word and len(money_word) >= 2:
            words.append((money_word, "n"))
    pos = 0 if after else len(chars) - (len(words[0][0]) if words else 0)
    n_chars = len(chars)
    stop_tag: Any = None  # the tag of the word that ended the phrase (_NO_WORD: no word went on)
    weak_head = False
    word: str | None = None
    while 0 <= pos <= n_chars and len(words) < 4:
        # the head may be a long dictionary word, its modifiers at most three characters (引进|技术人才)
        # (the candidates, longest first, are sliced one by one: most steps end at the first)
        room = n_chars - pos if after else pos
        sizes = range(min(longest if not words else longest - 1, room), 1, -1)
        word = None
        for size in sizes:
            cand = chars[pos : pos + size] if after else chars[pos - size : pos]
            tag = tags.get(cand, _UNKNOWN)
            if tag is _UNKNOWN:
                cands = [chars[pos : pos + k] if after else chars[pos - k : pos] for k in sizes]
                yield [c for c in cands if c not in tags]
                tag = tags[cand]
            if tag is not None:
                word = cand
                break
        if word is None and not words and not after and chars[-1:] in news["head_suffixes"]:
            # 注册率, 营业额: a dictionary word plus a noun suffix heads the phrase
            stems = [stem for stem in (chars[-4:-1], chars[-3:-1]) if len(stem) >= 2]
            stem = None
            for cand in stems:
                tag = tags.get(cand, _UNKNOWN)
                if tag is _UNKNOWN:
                    yield [c for c in stems if c not in tags]
                    tag = tags[cand]
                if tag:
                    stem = cand
                    break
            if stem is not None:
                words.append((stem + chars[-1], "n"))
                pos -= len(stem) + 1
                continue
        if word is None and not words and room > 0 and after:
            # a noun of one character right after the figure, on its own before a boundary
            # (4子2女, 一个人的) or a verb (两辆车正在); not before it: 钱包|内, 家里|空
            single = chars[pos]
            tag = tags.get(single, _UNKNOWN)
            if tag is _UNKNOWN:
                yield [single]
                tag = tags[single]
            if single in _counted_vocab()["forward_word_numerals"]:
                tag = None  # (两位数增长: 数 and 零 start words, they are no nouns alone)
            next_tag = None
            if tag in _SINGLE_NOUN_TAGS and side != "after_age" and single not in _BOUNDARY_CHARS:
                if not _boundary_after(chars, pos + 1, open_edge):
                    # 两辆车|正在: a word of its own when it makes no word with what follows and a
                    # verb, an adverb or a preposition starts after it (not 五大物|联网, 客|渡运)
                    crossing = [chars[pos : pos + k] for k in (2, 3, 4) if pos + k <= n_chars]
                    following = [chars[pos + 1 : pos + 1 + k] for k in (4, 3, 2) if pos + 1 + k <= n_chars]
                    lacking = [c for c in crossing + following if c not in tags]
                    if lacking:
                        yield lacking
                    next_word = next((c for c in following if tags[c] is not None), "")
                    next_tag = tags[next_word] if next_word else None
                    if any(tags[c] is not None for c in crossing):
                        tag = None
                    elif next_tag in ("n", "nz", "ng") and len(next_word) == 2:
                        words.append((single, "n"))  # 车|贩子, 客|渡运|航线: it heads on
                        pos += 1
                        continue
                    elif next_tag not in news["after_single_noun_tags"]:
                        tag = None
            if tag in _SINGLE_NOUN_TAGS and side != "after_age" and single not in _BOUNDARY_CHARS:
                words.append((single, "n"))  # a noun of one character before a verb or an end
                pos += 1
                if not _boundary_after(chars, pos, open_edge):
                    stop_tag = next_tag  # (a verb, an adverb or a preposition: checked above)
                break
        if word is None:
            stop_tag = _NO_WORD
            if len(words) >= 2 and 0 < pos < n_chars:
                # no dictionary word of two characters or more goes on from here: when the next
                # character is a noun on its own (馆 of 省份中医|馆), the outer word may be cut
                single = chars[pos] if after else chars[pos - 1]
                tag = tags.get(single, _UNKNOWN)
                if tag is _UNKNOWN:
                    yield [single]
                    tag = tags[single]
                if tag in heads:
                    open_edge = True
                    n_chars = pos if after else len(chars) - pos
            break
        if not after and not words and word in news["weak_heads"]:
            weak_head = True  # 进出口总额: a generic head counts only with a noun before it
        elif (
            tag not in modifiers
            or word in news["not_nouns"]
            or word in _counted_vocab()["verbs_tagged_nouns"]
        ):
            if after and words and words[-1][0].endswith(news["attributive"]) and tag in ("v", "vn"):
                words.append((word, "n"))  # 十条指导性要求: after an attributive X性, 要求 is the noun
                pos += len(word)
            elif word in _counted_vocab()["adverbial_nouns"]:
                stop_tag = "d"  # 17名被告人|全部, 议员|全部产生: a word that is no noun here ends the phrase
            elif word in _counted_vocab()["verbs_tagged_nouns"]:
                stop_tag = "v"  # 3000件展品|亮相: a verb the dictionary tags as a noun
            else:
                stop_tag = tag
            break
        words.append((word, tag))
        pos = pos + len(word) if after else pos - len(word)
    stop_word = word if stop_tag is not None and stop_tag is not _NO_WORD else None
    if weak_head and (len(words) < 2 or words[-2][1] not in heads):
        return None
    if not after:
        words.reverse()
    read = pos if after else len(chars) - pos  # the characters the phrase's words cover
    if open_edge and len(words) >= 2 and read == n_chars:
        # the phrase runs to the edge of what was read, and the text goes on: its outer word
        # may be cut (产业用电量 of 第一产业用电量): leave it out
        read -= len(words.pop()[0] if after else words.pop(0)[0])
    # the head is the last noun of the phrase: trim trailing modifiers that are not head nouns
    adverbial = False  # 两个部门|具体|负责: an adjective between the noun and a verb qualifies the verb
    while words and words[-1][1] not in heads:
        if not after:
            return None  # the word next to the figure must be the noun it counts
        adverbial = words[-1][1] in _counted_vocab()["adverbial_adjective_tags"] and (
            adverbial or stop_tag in _counted_vocab()["clause_verb_tags"]
        )
        read -= len(words.pop()[0])
    if after and words:
        end = read
        idioms = [k for k, (_w, tag) in enumerate(words) if tag in news["after_not_tags"]]
        if idioms and (
            idioms != [len(words) - 1]
            or not _boundary_after(chars, end, open_edge)
            and (len(words) > 1 or end != pos or stop_tag not in _counted_vocab()["idiom_head_next_tags"])
        ):
            return None  # 300支各行各业|志愿…, 9大机种自动化|改造 (43个发展中国家|签署: a set phrase heads)
        if words[-1][1] in news["after_place_tags"] and (
            len(words) > 1 or not _boundary_after(chars, end, open_edge)
        ):
            return None  # a place noun counts alone before a boundary (8个城市，), not 三块美国|造
        if stop_tag in news["not_after_counted_tags"]:
            return None  # 中央|冬春救助资金: a time word, a name or a numeral goes on: no phrase here
        if (
            side == "after_event"
            and not _boundary_after(chars, end, open_edge)
            and (end != pos or stop_tag not in news["after_event_next_tags"])
        ):
            return None  # 28次集群|打击: an event noun stands before a boundary or a time word (4趟列车每日)
        if end < len(chars) and not _boundary_after(chars, end, False):
            # what follows the phrase must start a verb, an adverb or a preposition (9名同志|参加),
            # not more of a noun phrase (300支各行各业志愿|服务队伍, 9大机种|自动化改造)
            if end != pos and len(words) > 0 and not adverbial:
                return None  # trailing modifiers were trimmed: the phrase went on
            next_tag = stop_tag
            if stop_tag is _NO_WORD:
                next_tag = tags.get(chars[end], _UNKNOWN)
                if next_tag is _UNKNOWN:
                    yield [chars[end]]
                    next_tag = tags[chars[end]]
            if next_tag not in news["after_single_noun_tags"] and not (
                side == "after_age" and next_tag in news["after_age_next_tags"]
            ):
                return None  # (after an age, a person's name may follow: 91岁离休干部|袁玉芳)
    if inner and words and not after:
        # 每天平|均一人: a linking word left out may be the end of the word next to the figure
        cross = words[-1][0][-1] + inner
        tag = tags.get(cross, _UNKNOWN)
        if tag is _UNKNOWN:
            yield [cross]
            tag = tags[cross]
        if tag is not None:
            return None
    start = len(chars) - read
    if not after and words and start >= 2 and chars[start - 1] in _counted_vocab()["list_joiner_chars"]:
        # 腐败和作风问题16.1万件: the last noun of a list that the figure counts whole (not when the
        # list word ends a word: 参与|院校)
        pair = chars[start - 2 : start]
        tag = tags.get(pair, _UNKNOWN)
        if tag is _UNKNOWN:
            yield [pair]
            tag = tags[pair]
        if tag is None and _is_han(pair[0]):
            return None
    if (
        not after
        and words
        and stop_tag is not _NO_WORD
        and stop_tag not in _counted_vocab()["clause_verb_tags"]
        and stop_word is not None
        and len(stop_word) == 2
        and chars[start - 2 : start] == stop_word
    ):
        # 少数|民族居民: the word of two characters that ended the reading and the phrase's first word
        # make a dictionary noun (the longest words were matched from the figure outwards): it opens
        # the phrase (not after a verb: 解决|问题困难)
        whole = stop_word + words[0][0]
        tag = tags.get(whole, _UNKNOWN)
        if tag is _UNKNOWN:
            yield [whole]
            tag = tags[whole]
        if tag in heads and len(chars) - start + 2 <= _vocab().counted_max:
            words[0] = (whole, tag)
            start -= 2
    if not after and words and stop_tag is _NO_WORD and start > 0 and (start > 1 or not open_edge):
        # 最|大功率, 进|出口值: the character before the phrase and its first character make a
        # word: the first word is read from its second character when that is a word, else the
        # phrase may be cut (一审|案件 at the edge of what was read: the numeral decides)
        first = words[0][0]
        cands = [chars[start - 1] + first[0], first[1:]]
        lacking = [c for c in cands if len(c) >= 2 and c not in tags]
        if lacking:
            yield lacking
        if tags[cands[0]] is not None:
            if len(cands[1]) >= 2 and tags[cands[1]] in heads:
                words[0] = (cands[1], tags[cands[1]])
            elif len(words) >= 2:
                words.pop(0)
            else:
                return None
    if (
        after
        and words
        and stop_tag is _NO_WORD
        and 0 < pos < n_chars
        and pos == read
        and chars[pos] not in _BOUNDARY_CHARS
    ):
        # no word goes on past the phrase: when its outer character and the next one make a word,
        # the outer word may be cut (4次大手|术): leave it out
        cross = words[-1][0][-1] + chars[pos]
        tag = tags.get(cross, _UNKNOWN)
        if tag is _UNKNOWN:
            yield [cross]
            tag = tags[cross]
        if tag is not None:
            words.pop()
    phrase = "".join([w for w, _ in words])
    if phrase.startswith("每"):
        return None  # 每公斤10元, 每坪58万元: a rate's denominator, not what is counted
    if len(phrase) == 1 and after and words[0][1] in _SINGLE_NOUN_TAGS:
        return phrase  # 4子2女, 另外一个人的: a noun of one character on its own
    return phrase if len(phrase) >= 2 else None


#: jieba's tags of a noun of one character (车, 村 are zg, 子 ng)
_SINGLE_NOUN_TAGS = frozenset(("n", "ng", "zg"))
_NO_WORD: Any = object()  # _noun_phrase's stop_tag when no dictionary word went on past the phrase


def _has_any(text: str, chars: frozenset[str]) -> bool:
    return not chars.isdisjoint(text)


#: characters that may follow a counted noun of one character as a word of their own
_BOUNDARY_CHARS = frozenset(
    "的了和与及或在中里上下后时都也是被将已就还又为有等把对向从由于以因而并则即共约达均仅只曾再，。、；：！？,.;:!?"
)


def _boundary_after(chars: str, i: int, open_edge: bool) -> bool:
    """Does a word end at chars[i]: the end of the text read (unless a word goes on past it), a
    character that is not Han, a numeral, or a function character?"""
    if i >= len(chars):
        return not open_edge
    ch = chars[i]
    return not _is_han(ch) or is_numeral_start(ch) or ch in _BOUNDARY_CHARS


#: the sides of a span that are not a noun phrase to read from the dictionary: a noun itself, or a
#: reading made only when the spans before it found nothing
_READ_WHEN_REACHED = frozenset(
    ("word", "subject", "rate", "person_heads", "money_heads", "money_run", "person_run")
)


def counted_all(text: str, qs: list[_Quantity]) -> list[str | None]:
    """`counted` of every figure: the noun phrase of the first of its spans that has one.  The
    words that the figures lack are looked up in the dictionary together, then those figures
    read on (a few rounds for a text while _tag_memo fills, one once it is full): a noun phrase
    reading goes on from where it stopped, the other readings are made again."""
    _back_char_run()  # (compiled with the vocabulary by the first text, not by the first figure that
    _forward_char_run()  # has a noun near it)
    out: list[str | None] = [None] * len(qs)
    # each figure reads the text between the figures next to it
    bounds = sorted((q.start, q.end) for q in qs)
    starts = [start for start, _end in bounds]
    ends_before = [0]  # ends_before[i]: the furthest end of the first i figures
    for _start, end in bounds:
        ends_before.append(max(ends_before[-1], end))
    # (figure, its spans from the one being read, the noun phrase reading of that span that
    # stopped for words the dictionary had to give, or None)
    pending: list[tuple[int, list[tuple[str, str, bool]], _Steps | None]] = []
    change_nouns = _counted_vocab()["change_nouns"]
    fallback: dict[int, str] = {}
    lows = [0] * len(qs)
    for k, q in enumerate(qs):
        at = bisect_left(starts, q.start)
        lo = lows[k] = min(ends_before[at], q.start)
        hi = starts[at + 1] if at + 1 < len(starts) else len(text)
        if spans := _counted_spans(text, q, lo, max(hi, q.end)):
            pending.append((k, spans, None))
    while pending:
        wanted: set[str] = set()
        waiting: list[tuple[int, list[tuple[str, str, bool]], _Steps | None]] = []
        for k, spans, stopped in pending:
            for at, (side, chars, open_edge) in enumerate(spans):
                steps = stopped if at == 0 else None
                if steps is not None:
                    pass  # (the noun phrase reading of this span goes on where it stopped)
                elif side in ("after_run", "after_phrase", "role_before", "after_clause", "after_quote"):
                    found = (
                        _short_run(chars, open_edge, _tag_memo)
                        if side == "after_run"
                        else _after_quote(chars, open_edge, _tag_memo)
                        if side == "after_quote"
                        else _phrase_run(chars, open_edge, _tag_memo)
                        if side == "after_phrase"
                        else _after_clause(chars, open_edge, _tag_memo)
                        if side == "after_clause"
                        else _role_before(chars, open_edge, _tag_memo)
                    )
                    if type(found) is list:
                        wanted.update(found)
                        waiting.append((k, spans[at:], None))
                        break
                    if found:
                        out[k] = found  # type: ignore[assignment]
                        break
                    continue
                elif side in _READ_WHEN_REACHED:  # (the readings that cost work are made when reached)
                    if side == "word":
                        out[k] = chars
                        break
                    if side == "subject":
                        subject = _subject_before(text, qs[k].start, lows[k])
                        if subject is None:
                            continue
                        side, chars, open_edge = "before_verbal", *subject
                    else:
                        if side == "rate":
                            named = _rate_noun_before(text, qs[k].start, lows[k], qs[k].kind == "money")
                        else:
                            named = (
                                _money_run(chars, open_edge)
                                if side == "money_run"
                                else _person_run(chars)
                                if side == "person_run"
                                else _head_phrase(chars, side)
                            )
                        if named is not None:
                            out[k] = named
                            break
                        continue
                if steps is None:
                    steps = _noun_phrase_steps(side, chars, _tag_memo, open_edge)
                found = _step(steps)
                if type(found) is list:
                    wanted.update(found)
                    # the spans before it have no phrase, whatever the dictionary adds: not again
                    waiting.append((k, spans[at:], steps))
                    break
                if found:
                    if found in change_nouns and qs[k].unit == "%":
                        # 用水强度累计降幅超过20%: a word of change alone is read last; the subject whose
                        # change it is comes first (增幅达15% keeps it when none is found)
                        fallback.setdefault(k, found)  # type: ignore[arg-type]
                        continue
                    out[k] = found  # type: ignore[assignment]
                    break
        if not waiting:
            break
        looked_up = _lexicon_tags(wanted)
        if looked_up is None:
            return [None] * len(qs)  # no dictionary: no `counted`
        if len(_tag_memo) + len(looked_up) > _TAG_MEMO_LIMIT:
            _tag_memo.clear()  # bounded memory; the waiting figures ask again for what they lose
            waiting = [(k, spans, None) for k, spans, _steps in waiting]  # (from the start)
        _tag_memo.update(looked_up)
        fixes = _counted_vocab()["tag_fixes"]
        _tag_memo.update({w: fixes[w] for w in fixes.keys() & looked_up.keys()})
        suffixes, names = _counted_vocab()["noun_suffixes_not_names"], _counted_vocab()["name_tags"]
        # 贡献率: a word that ends like a noun of a rate is no person's name, whatever the tag says
        _tag_memo.update({w: "n" for w, t in looked_up.items() if t in names and w.endswith(suffixes)})
        # 违纪行为, 合作社: words that end with a noun are nouns, whatever the tag says
        endings = _counted_vocab()["noun_word_endings"]
        _tag_memo.update({w: "n" for w, t in looked_up.items() if t is not None and w.endswith(endings)})
        pending = waiting
    for k, found in fallback.items():
        if out[k] is None:
            out[k] = found
    _end_at_people(qs, out)
    _carry_counted(text, qs, out)
    _distribute_respectively(text, qs, out)
    _name_people_again(text, qs, out)
    _name_tolls(text, qs, out)
    _name_partitive_people(text, qs, out)
    _name_by_amount_verb(text, qs, out)
    _name_by_label(text, qs, out)
    _name_by_apposition(text, qs, out)
    _name_actions(text, qs, out)
    _name_after_de(text, qs, out)
    _name_acronym_subjects(text, qs, out, lows)
    _name_elided_subjects(text, qs, out)
    _name_unknown_subjects(text, qs, out, lows)
    _name_by_value_word(text, qs, out)
    _name_by_measure_head(text, qs, out)
    _name_change_frames(text, qs, out)
    _drop_score_counted(text, qs, out)
    _ages_name_people(qs, out)
    _drop_per_time_words(out)
    _widen_generic_heads(text, qs, out, lows)
    _name_past_parenthetical(text, qs, out, lows)
    _drop_compared_objects(text, qs, out)
    scopes = _counted_vocab()["scope_words"]
    if not scopes.isdisjoint(out):
        for k, name in enumerate(out):
            if name in scopes:
                out[k] = None  # (珍禽全球只有600多只: where they are counted is not what is counted)
    return out


def _drop_compared_objects(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """参会客商10350人，比上届增长54%: a name read right after a word of comparison (比, 较) in the
    figure's clause is what the figure is compared with, not what it counts (compared_object); not
    after 同/环 (同比增幅12%: 增幅 is the word of change, kept)."""
    spec = _counted_vocab()["compared_object"]
    marks = []
    for head in spec["heads"]:
        at = text.find(head)
        while at >= 0:
            marks.append(at)
            at = text.find(head, at + 1)
    if not marks:
        return
    marks.sort()
    reach, kinds = spec["reach"], spec["kinds"]
    for k, name in enumerate(out):
        if name is None:
            continue
        q = qs[k]
        lo = max(0, q.start - len(name) - reach - 1)
        i = bisect_left(marks, lo)
        if i == len(marks) or marks[i] >= q.start or q.kind not in kinds:
            continue  # (no comparison word before the figure within reach: the common case)
        at = text.rfind(name, lo, q.start)
        if (
            at > 0
            and text[at - 1] in spec["heads"]
            and text[at - 2 : at - 1] not in spec["not_after"]
            and not _has_any(text[at : q.start], spec["stops"])
        ):
            out[k] = None


#: search() of a parenthetical aside right after a word and before a figure's predicate (居民消费价格
#: 指数（CPI）同比上涨, 电影票房（含预售）已突破): the aside, then 1 to 8 Han characters (the
#: predicate: not 某商场（下称甲方）300万元, where nothing says what the amount is)
_ASIDE_BEFORE: Any = re.compile(
    "(?<=[\u3400-\u4dbf\u4e00-\u9fffA-Za-z])"
    "(（[^（）()\n]{1,20}）|\\([^（）()\n]{1,20}\\))"
    "[\u3400-\u4dbf\u4e00-\u9fff]{1,8}$"
).search


def _name_past_parenthetical(text: str, qs: list[_Quantity], out: list[str | None], lows: list[int]) -> None:
    """A count, an amount of money or a percentage that nothing names, whose clause puts an aside in
    brackets between its subject and its predicate (居民消费价格指数（CPI）同比上涨2% → 居民消费价格指数,
    动画电影票房（含点映）已突破12亿元 → 电影票房), is read again as if the aside were not there: the
    text between the figures next to it, less the aside. A figure of the same clause after it that
    names nothing is carried again (环比上涨0.5%)."""
    named = False
    starts = sorted(q.start for q in qs)
    for k, q in enumerate(qs):
        if out[k] is not None or q.kind not in ("count", "money", "percent"):
            continue
        near = text[max(lows[k], q.start - 9) : q.start]
        if "）" not in near and ")" not in near:
            continue  # (the aside ends at most 8 characters before the figure)
        aside = _ASIDE_BEFORE(text, max(lows[k], q.start - 32), q.start)
        if aside is None:
            continue
        at = bisect_left(starts, q.end)
        hi = starts[at] if at < len(starts) else len(text)
        cut = aside.end(1) - aside.start(1)
        read = text[lows[k] : aside.start(1)] + text[aside.end(1) : hi]
        shift = lows[k] + cut
        moved = replace(
            q,
            start=q.start - shift,
            end=q.end - shift,
            unit_start=q.unit_start - shift if q.unit_start >= 0 else -1,
        )
        out[k] = counted_all(read, [moved])[0]
        named = named or out[k] is not None
    if named:
        _carry_counted(text, qs, out)


def _ages_name_people(qs: list[_Quantity], out: list[str | None]) -> None:
    """An age counts the years of the person it stands before: its `counted` names a person (ends
    with one of age_person.person_endings: 5歲女兒, 70岁以上老人) or is null (30岁视力良好 → not
    视力, 16岁以下组别的决赛 → not 决赛); a nickname after the person noun is cut (儿子小安 → 儿子)."""
    vocab = _counted_vocab()
    endings, prefixes = vocab["age_person_endings"], vocab["age_nickname_prefixes"]
    for k, q in enumerate(qs):
        found = out[k]
        if q.kind != "age" or found is None or found.endswith(endings):
            continue
        noun = found[:-2]
        if len(noun) >= 2 and found[-2] in prefixes and noun.endswith(endings):
            out[k] = noun
        else:
            out[k] = None


def _drop_per_time_words(out: list[str | None]) -> None:
    """日均, 人均, 平均 read alone name nothing counted (日均4500万人次): null."""
    words = _counted_vocab()["per_time_words"]
    for k, found in enumerate(out):
        if found in words:
            out[k] = None


def _widen_generic_heads(text: str, qs: list[_Quantity], out: list[str | None], lows: list[int]) -> None:
    """A noun of a measure read alone (规模, 数量, 金额, 人数: generic_heads.heads) takes the dictionary
    word that ends right before it in the figure's clause, past a prefix (总, 总体), when that word is
    tagged one of generic_heads.tags: 发行规模80亿元 → 发行规模, 在轨卫星数量超过120颗 → 卫星数量,
    参与总人数超过800人 → 参与总人数. A boundary, 的 or a measure word before the head leaves it alone."""
    vocab = _counted_vocab()
    heads = vocab["generic_heads"]
    found: list[tuple[int, int, list[str]]] = []
    for k, q in enumerate(qs):
        head = out[k]
        if head is None or head not in heads:
            continue
        at = text.rfind(head, lows[k], q.start)
        if at < 0 or any(c in _CLAUSE_MARKS for c in text[at + len(head) : q.start]):
            continue  # (a head in the clause before is not this figure's)
        end = at
        prefix = _endswith_any(text, end, vocab["generic_prefixes"])
        if prefix is not None:
            end -= len(prefix)
        words = [
            text[end - n : end]
            for n in range(vocab["generic_word_max"], 1, -1)
            if end - n >= lows[k] and all(_is_han(c) for c in text[end - n : end])
        ]
        if words:
            found.append((k, end, words))
    if not found:
        return
    tags = _lexicon_tags({w for _k, _end, words in found for w in words})
    if tags is None:
        return
    fixes = vocab["tag_fixes"]  # (卫星 is tagged a name)
    for k, end, words in found:
        head = out[k]
        assert head is not None
        for word in words:  # (longest first: the word that ends there is the one the text says)
            if tags.get(word) is not None:
                if fixes.get(word, tags[word]) in vocab["generic_tags"]:
                    out[k] = text[end - len(word) : text.rfind(head, lows[k], qs[k].start)] + head
                break


def _name_actions(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """偷窃了12次, 获奖3次, 访问过两次: times of an action (actions.units) that end their clause (no
    Han character after them: 实施一次炮击 counts the attack) count the action: the longest
    dictionary word right before the figure, past an aspect character (了, 过) and one linking word
    (累计, 曾), when it is tagged a verb and is no verb that only links or measures (超过, 进行,
    发生: actions.not_verbs) nor ends in a result (增加到).  A noun there is not the action
    (修改条款两次: 条款), nor is a verb after the figure (两次上交)."""
    vocab = _counted_vocab()
    units = vocab["action_units"]
    found: list[tuple[int, list[str]]] = []
    for k, q in enumerate(qs):
        if out[k] is not None or q.kind != "count" or q.unit not in units or _is_han(text[q.end : q.end + 1]):
            continue  # (a noun or a verb after the figure: 实施一次炮击, 两次上交)
        end = q.start
        link = _endswith_any(text, end, vocab["action_links"])
        if link is not None:
            end -= len(link)
        if text[end - 1 : end] in vocab["action_aspects"]:
            end -= 1
        words = [
            text[end - n : end]
            for n in range(vocab["action_word_max"], 1, -1)
            if end - n >= 0 and all(_is_han(c) for c in text[end - n : end])
        ]
        if words:
            found.append((k, words))
    if not found:
        return
    tags = _lexicon_tags({w for _k, words in found for w in words})
    if tags is None:
        return
    for k, words in found:
        for word in words:  # (longest first: the word that ends there is the one the text says)
            if word in tags and tags[word] is not None:
                if (
                    tags[word] in vocab["action_tags"]
                    and word not in vocab["action_not_verbs"]
                    and not word.endswith(vocab["action_not_endings"])  # (增加到73次: a result)
                ):
                    out[k] = word
                break


def _name_after_de(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """拟定两亿元的治理方案, 6%左右的增长目标: a percentage or an amount of money that nothing else
    names and that qualifies the noun after it through 的 counts that noun phrase (after_de): up to
    max_words dictionary words read forwards, nouns (a verb or an adjective may qualify first),
    ending with a noun at a boundary or before a word of another kind; never a word the
    dictionary lacks (the noun may be cut there)."""
    vocab = _counted_vocab()
    runs: list[tuple[int, str]] = []
    for k, q in enumerate(qs):
        if out[k] is None and q.kind in ("percent", "money") and text[q.end : q.end + 1] == "的":
            run = _HAN_RUN(text, q.end + 1, q.end + 1 + vocab["de_window"]).group()
            if len(run) >= 2:
                runs.append((k, run))
    if not runs:
        return
    longest = _news_vocab()["max_word"]
    wanted = {
        run[i : i + n]
        for _k, run in runs
        for i in range(len(run) - 1)
        for n in range(2, longest + 1)
        if i + n <= len(run)
    } - _tag_memo.keys()
    if wanted:
        looked_up = _lexicon_tags(wanted)
        if looked_up is None:
            return
        if len(_tag_memo) + len(looked_up) > _TAG_MEMO_LIMIT:
            _tag_memo.clear()
        _tag_memo.update(looked_up)
        tags = {**_tag_memo, **looked_up}
    else:
        tags = _tag_memo
    for k, run in runs:
        words: list[tuple[str, str]] = []
        pos = 0
        cut = False
        while pos < len(run) and len(words) < vocab["de_max_words"]:
            known = [
                run[pos : pos + n]
                for n in range(min(longest, len(run) - pos), 1, -1)
                if tags.get(run[pos : pos + n])
            ]
            if not known:
                cut = True  # (a word the dictionary lacks, or one character: the phrase may go on)
                break
            allowed = vocab["de_tags"] if words else vocab["de_tags"] | vocab["de_first_tags"]
            # the longest word of a tag the phrase takes that a known word or the run's end follows
            # (江河|水系: not 江河水|系)
            word = next(
                (
                    w
                    for w in known
                    if tags[w] in allowed
                    and (
                        pos + len(w) == len(run)
                        or any(tags.get(run[pos + len(w) : pos + len(w) + n]) for n in range(2, longest + 1))
                    )
                ),
                known[0],
            )
            tag = str(tags[word])
            if tag not in vocab["de_tags"] and (words or tag not in vocab["de_first_tags"]):
                break
            words.append((word, tag))
            pos += len(word)
        else:
            # (more words of the phrase than are read, or a run cut by the window)
            cut = pos < len(run) and len(words) == vocab["de_max_words"] or len(run) == vocab["de_window"]
        while words and words[-1][1] not in vocab["de_head_tags"]:
            words.pop()
        if (
            words
            and not (cut and pos == sum(len(w) for w, _t in words))
            and words[-1][0] not in vocab["de_not_heads"]  # (超过30万元的部分: a part of what?)
        ):
            out[k] = "".join(w for w, _t in words)


def _clause_start(text: str, end: int, low: int, stops: Collection[str]) -> int:
    """Where the clause that ends at `end` starts: after the last stop character before it, and not
    before `low` (the reach of a subject reading, or the figure before it)."""
    i = end
    while i > low and text[i - 1] not in stops:
        i -= 1
    return i


def _name_acronym_subjects(text: str, qs: list[_Quantity], out: list[str | None], lows: list[int]) -> None:
    """GDP增长5%, CPI同比上涨0.2%: a percentage or an amount of money that nothing names, whose
    clause before it is an acronym in Latin capitals and then only words of its predicate
    (subject.predicate_words, a comparison), counts the acronym."""
    vocab = _counted_vocab()
    stops = vocab["acronym_clause_stops"]
    for k, q in enumerate(qs):
        if out[k] is not None or q.kind not in ("percent", "money"):
            continue
        i = _clause_start(text, q.start, max(lows[k], q.start - vocab["subject_reach"]), stops)
        clause = text[i : q.start]
        subject = _strip_predicate(clause)
        if subject == clause:
            continue  # (no predicate between them: GDP5% is not read)
        m = vocab["acronym_search"](subject)
        if m is not None and subject[m.start() - 1 : m.start()] not in vocab["comparison_heads"]:
            out[k] = m.group()  # (not what the figure is compared with: 比GDP高5%)


def _name_elided_subjects(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """X环比零增长，同比萎缩0.1%: a percentage that nothing names, whose clause is only its predicate
    (predicate words, with a word of change among them), counts the subject of the clause before it
    in the same sentence (after a joiner: ，): the noun phrase that ends where that clause's first
    word of change or comparison starts (同比, 增长), when that clause holds no figure and is made of
    Han characters only."""
    vocab = _counted_vocab()
    changes = vocab["elided_changes"]
    found: list[tuple[int, str]] = []
    for k, q in enumerate(qs):
        if out[k] is not None or q.kind != "percent":
            continue
        start = q.start
        while start > 0 and _is_han(text[start - 1]):
            start -= 1
        clause = text[start : q.start]
        if start < 2 or text[start - 1] not in vocab["elided_joiners"] or _strip_predicate(clause):
            continue  # (the clause names its own subject, or none is said before it)
        if not any(_startswith_any(clause, i, changes) for i in range(len(clause))):
            continue  # (，约为5%: no change is said, the clause may state something else)
        reach = text[max(0, start - 1 - vocab["elided_max"]) : start - 1]
        prev_start = start - 1 - _HAN_RUN(reach[::-1]).end()
        if prev_start > 0 and (_is_han(text[prev_start - 1]) or text[prev_start - 1].isalnum()):
            continue  # (the clause before goes on past what was read, or holds a figure)
        if any(prev_start <= p.start < start for p in qs):
            continue
        before = text[prev_start : start - 1]
        cut = next((i for i in range(2, len(before)) if _startswith_any(before, i, changes)), None)
        if cut is not None:
            found.append((k, before[:cut]))
    for k, chars in found:
        named = _noun_phrase("before_verbal", chars, _tag_memo)
        while type(named) is list:
            looked_up = _lexicon_tags(set(named))
            if looked_up is None:
                return
            if len(_tag_memo) + len(looked_up) > _TAG_MEMO_LIMIT:
                _tag_memo.clear()
            _tag_memo.update(looked_up)
            named = _noun_phrase("before_verbal", chars, {**_tag_memo, **looked_up})
        if named:
            out[k] = named  # type: ignore[assignment]


def _name_unknown_subjects(text: str, qs: list[_Quantity], out: list[str | None], lows: list[int]) -> None:
    """大立光走跌0.57%, 数位货币ripple跌13%: a percentage that nothing names, whose clause before it
    is a subject and then only its predicate (subject.predicate_words, a word of change among them:
    elided_subject.change_words), counts a subject that no dictionary reading names: a word in
    Latin letters, or the whole clause's subject when it is a short run of Han characters that the
    dictionary lacks or knows as a name (a company, a stock, a coin), opened by no pronoun,
    numeral or word of scope (全省, 各地, 该股)."""
    vocab = _counted_vocab()
    stops = vocab["acronym_clause_stops"]
    found: list[tuple[int, str, str, bool]] = []
    for k, q in enumerate(qs):
        if out[k] is not None or q.kind != "percent":
            continue
        i = _clause_start(text, q.start, max(lows[k], q.start - vocab["subject_reach"]), stops)
        clause = text[i : q.start]
        subject = _strip_predicate(clause)
        predicate = clause[len(subject) :]
        if subject == clause or not any(
            _startswith_any(predicate, j, vocab["unknown_changes"]) for j in range(len(predicate))
        ):
            continue
        if subject[-1:] in vocab["unknown_adverbs"]:
            subject = subject[:-1]  # (某科更走跌: an adverb between the subject and its predicate)
        latin = vocab["latin_subject"](subject)
        if latin is not None:
            out[k] = latin.group()  # (a name in Latin letters: what the clause is about)
            continue
        if (
            (
                i == 0
                or text[i - 1] in stops
                and (text[i - 1] not in vocab["list_joiner_chars"] or lows[k] == i - 1)
            )
            and vocab["unknown_min"] <= len(subject) <= vocab["unknown_max"]
            and _HAN_RUN(subject).end() == len(subject)
            and subject[0] not in vocab["unknown_not_first"]
            and not any(map(is_numeral_start, subject))  # (盘中一度暴跌)
            and not _has_any(subject, _news_vocab()["pronoun_chars"])
        ):
            # (the clause's whole subject, not one cut by the window, nor the last item of a list:
            # 甲、乙皆走跌; but 甲下降4%、乙下降7%, a figure before 、, lists clauses)
            prev = qs[k - 1] if k > 0 else None
            parallel = (
                prev is not None
                and prev.kind == q.kind
                and out[k - 1] is not None
                and prev.end == i - 1
                and text[prev.start - len(predicate) : prev.start] == predicate
            )  # (民间投资成长2.9%，输出成长4.89%: the clause before has the same predicate, and a subject)
            found.append((k, subject, subject[-1] + clause[len(subject) : len(subject) + 1], parallel))
    if not found:
        return
    wanted = {w for _k, subject, across, _p in found for w in (subject, across)} - _tag_memo.keys()
    tags: dict[str, str | None] = _tag_memo
    if wanted:
        looked_up = _lexicon_tags(wanted)
        if looked_up is None:
            return
        tags = {**_tag_memo, **looked_up}
    for k, subject, across, parallel in found:
        if tags.get(across) is not None:
            continue  # (亮度提|升: the predicate read cuts a word, 提升)
        if parallel or tags.get(subject) is None or tags[subject] in vocab["unknown_tags"]:
            out[k] = subject


def _name_by_value_word(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """这批装备价值约5000万元, 被盗财物价值3万元: an amount of money that nothing names, right after a
    word of value (value_word.words; a linking word of links may stand between: 约, 达, 高达), counts
    the dictionary noun (value_word.tags) that ends right before that word, when it stands on its
    own: after a boundary, a demonstrative and its measure word or a word the dictionary knows (no
    word crosses into it), and not after a list word (钻石、宝石及白金: not all that is worth it)."""
    vocab = _counted_vocab()
    found: list[tuple[int, int]] = []
    for k, q in enumerate(qs):
        if q.kind != "money" or out[k] is not None:
            continue
        end = q.start
        link = _endswith_any(text, end, vocab["value_links"])
        if link is not None:
            end -= len(link)
        word = _endswith_any(text, end, vocab["value_words"])
        if word is not None and end - len(word) >= 2:
            found.append((k, end - len(word)))
    if not found:
        return
    longest = _news_vocab()["max_word"]
    wanted = {
        text[a : a + n]
        for _k, end in found
        for a in range(max(0, end - 2 * longest), end - 1)
        for n in range(2, min(longest, end - a) + 1)
    } - _tag_memo.keys()
    tags: dict[str, str | None] = _tag_memo
    if wanted:
        looked_up = _lexicon_tags(wanted)
        if looked_up is None:
            return
        tags = {**_tag_memo, **looked_up}
    for k, end in found:
        noun = next(
            (
                text[end - n : end]
                for n in range(longest, 1, -1)
                if end - n >= 0 and tags.get(text[end - n : end])
            ),
            None,
        )
        if noun is None or tags[noun] not in vocab["value_tags"]:
            continue
        at = end - len(noun)
        if at > 0 and text[at - 1] in vocab["list_joiner_chars"]:
            continue
        if any(
            tags.get(text[at - n : at + m])
            for n in range(1, longest)
            for m in range(1, len(noun))
            if at - n >= 0
        ):
            continue  # (a word crosses into the noun: it is cut)
        out[k] = noun


def _measure_head_runs(text: str, q: _Quantity) -> list[str]:
    """The runs right after the measure word of `q` that end with one of its head endings
    (measure_heads), longest first: Han characters up to a numeral or a non-Han character, and
    before a character where a clause goes on (都, 被, 与…); none when 的 comes first (湿地类型的
    自然保护区: the run is a modifier) or a compound unit (台次).  After 个 (which counts anything)
    the run must end the noun phrase too (30个国家|级…: no)."""
    vocab = _counted_vocab()
    heads = vocab["measure_heads"].get(q.unit or "")
    if heads is None or q.kind != "count":
        return []
    run = _HAN_RUN(text, q.end, q.end + vocab["measure_heads_max"]).group()
    if not run or run[0] in vocab["measure_heads_not_first"]:
        return []
    not_inside = vocab["measure_heads_not_inside"]
    for i, ch in enumerate(run):
        if ch == "的":
            return []
        if ch in not_inside or is_numeral_start(ch):
            run = run[:i]
            break
    last_chars = heads.last_chars
    ended = q.unit in vocab["measure_heads_ended"]
    found = []
    for i in range(len(run), 0, -1):
        if run[i - 1] not in last_chars or _endswith_any(run, i, heads) is None:
            continue
        after = text[q.end + i : q.end + i + 1]
        if ended and _is_han(after or "，") and after not in vocab["measure_heads_end_chars"]:
            continue  # (30个国家|级: the head is a modifier here)
        found.append(run[:i])
    return found


def _name_by_measure_head(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """15艘巡防艇另行招标, 2台抢险救援车赶到: a count whose measure word is followed by a run that
    ends with a noun of the kind that measure word counts (艘: 艇, 船; 台: 车, 机) counts that run,
    the longest first, when no dictionary noun crosses its end (5台机器人: not 机器; a verb that does
    is no evidence: jieba holds odd ones, 车赶).  It names a count that nothing names, and replaces a
    name that does not end with such a noun when one of the two begins the other (120所乡村|寄宿学校,
    53座控制性水库|蓄水量: a fragment, or a name that runs past the noun counted)."""
    vocab = _counted_vocab()
    heads = vocab["measure_heads"]
    runs: dict[int, list[str]] = {}
    for k, q in enumerate(qs):
        named = out[k]
        if q.unit in heads and (named is None or _endswith_any(named, len(named), heads[q.unit]) is None):
            if found := _measure_head_runs(text, q):
                runs[k] = found
    if not runs:
        return
    # the dictionary words of two or three characters that cross the end of each run
    crossing = {
        k: [
            [text[a:b] for a in (end - 2, end - 1) for b in range(end + 1, a + 4)]
            if _is_han(text[end : end + 1] or "，")
            and text[end] not in _CLAUSE_MARKS
            and text[end] not in vocab["measure_heads_end_chars"]
            else []  # (no noun crosses into punctuation or a function character: 国际组织|和)
            for end in ends
        ]
        for k, ends in ((k, [qs[k].end + len(run) for run in found]) for k, found in runs.items())
    }
    wanted = {w for lists in crossing.values() for words in lists for w in words if w not in _tag_memo}
    if wanted:
        looked_up = _lexicon_tags(wanted)
        if looked_up is None:
            return
        if len(_tag_memo) + len(looked_up) > _TAG_MEMO_LIMIT:
            _tag_memo.clear()
        _tag_memo.update(looked_up)
    for k, found in runs.items():
        for run, words in zip(found, crossing[k]):
            if any((_tag_memo.get(w) or "x")[0] in "nj" for w in words):
                continue  # (机器|人: the run is cut from a dictionary noun)
            named = out[k]
            if (
                named is None
                or run.startswith(named)
                or named.startswith(run)
                and qs[k].unit not in vocab["measure_heads_trim_not"]
            ):
                out[k] = run  # (not 两项重要政策|工具: after a measure word of abstract things, kept)
            break


def _change_opener(text: str, start: int) -> int | None:
    """Where 从 or 由 opens a change in the clause before `start` (at most reach characters before
    it, no punctuation between), or None."""
    frame = _counted_vocab()["change_frame"]
    for i in range(start - 1, max(-1, start - frame["reach"] - 1), -1):
        ch = text[i]
        if ch in frame["openers"]:
            return i
        if ch in _CLAUSE_MARKS or not (_is_han(ch) or ch.isalnum() or ch in ".．%％"):
            return None
    return None


def _change_subject(text: str, at: int) -> str | None:
    """The noun phrase from the clause start to the opener at `at`, past trailing adverbs (实体书店也|从),
    or the clause before when the opener starts one (物流成本，从), after a 的 in it (保护区里的朱鹮),
    when it is short and its last dictionary word is a noun."""
    vocab = _counted_vocab()
    frame = vocab["change_frame"]
    end = at - 1 if text[at - 1 : at] in frame["commas"] else at  # (物流成本，从14.4元降至14.1元)
    while (adverb := _endswith_any(text, end, frame["adverbs"])) is not None:
        end -= len(adverb)
    start = end
    while start > 0 and _is_han(text[start - 1]) and end - start <= 2 * frame["subject_max"]:
        start -= 1
    subject = text[start:end]
    owned = subject.rfind("的")  # (保护区里的朱鹮由7只: the noun after 的)
    if owned >= 0:
        subject = subject[owned + 1 :]
    if (
        not 2 <= len(subject) <= frame["subject_max"]
        or owned < 0
        and start > 0
        and text[start - 1] not in _CLAUSE_MARKS
        or _has_any(subject, _BOUNDARY_CHARS)
    ):
        return None
    words = {subject[-k:] for k in (3, 2) if k <= len(subject)} | {
        subject[:k] for k in (3, 2) if k <= len(subject)
    }
    tags = {w: _tag_memo[w] for w in words if w in _tag_memo}
    if lacking := words - tags.keys():
        looked_up = _lexicon_tags(lacking)
        if looked_up is None:
            return None
        tags.update(looked_up)
    last = next((tags[subject[-k:]] for k in (3, 2) if k <= len(subject) and tags[subject[-k:]]), None)
    first = next((tags[subject[:k]] for k in (3, 2) if k <= len(subject) and tags[subject[:k]]), None)
    if last not in frame["subject_tags"] or first in vocab["phrase_not_first_tags"]:
        return None
    return subject


def _name_change_frames(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """实体书店从不足800家增至1500多家, 由7只增长到超过7000只朱鹮: two figures of one change (from
    one amount to another) count one thing, named once: the one that nothing names counts what the
    other counts, or both what the subject before 从 names when neither is named."""
    frame = _counted_vocab()["change_frame"]
    for k in range(len(qs) - 1):
        a, b = qs[k], qs[k + 1]
        if (out[k] is None) == (out[k + 1] is None) and out[k] is not None:
            continue
        if a.kind != b.kind or a.kind not in ("count", "money", "percent") or a.unit != b.unit:
            continue
        if text[a.end : b.start] not in frame["verbs"]:
            continue
        at = _change_opener(text, a.start)
        if at is None:
            continue
        if out[k] is None and out[k + 1] is None:
            subject = _change_subject(text, at)
            if subject is not None:
                out[k] = out[k + 1] = subject
        else:
            out[k] = out[k + 1] = out[k] or out[k + 1]


def _drop_score_counted(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """终场以2比5, 首局11-4, 3:1: a ratio of two bare integers is a score or a proportion and counts
    nothing, unless what was read names the ratio (公立私立比例4比6 → 比例: score_ratio.noun_endings)."""
    vocab = _counted_vocab()
    for k, q in enumerate(qs):
        if (
            q.kind == "ratio"
            and out[k] is not None
            and vocab["score_match"](text, q.start, q.end)
            and not out[k].endswith(vocab["ratio_noun_endings"])  # type: ignore[union-attr]
        ):
            out[k] = None


def _name_by_apposition(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """1800元为资助资金，: an amount of money with no noun that 为 (作为) names counts the noun of money
    after it, up to a boundary; a percentage that 即 (namely) glues to such an amount counts it too
    (90%即1800元为资助资金)."""
    vocab = _counted_vocab()
    for k, q in enumerate(qs):
        if q.kind != "money" or out[k] is not None:
            continue
        word = _startswith_any(text, q.end, vocab["apposition_words"])
        if word is None:
            continue
        start = q.end + len(word)
        run = _HAN_RUN(text, start, start + vocab["label_max"] + 1).end() - start
        named = text[start : start + run]
        cut = next((i for i, ch in enumerate(named) if ch in _BOUNDARY_CHARS), len(named))
        named = named[:cut]
        if 2 <= len(named) <= vocab["label_max"] and named.endswith(vocab["label_money_endings"]):
            out[k] = named
    for k, q in enumerate(qs[:-1]):
        glue = _startswith_any(text, q.end, vocab["namely_words"])
        nxt = qs[k + 1]
        if q.kind == "percent" and out[k] is None and glue and nxt.start == q.end + len(glue):
            out[k] = out[k + 1]


def _name_by_label(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """①生活费用：1500元, 合格率：98%: an amount of money or a percentage with no noun, right after a
    label and its colon, counts the label when it opens its line or clause and ends like a noun of
    money or of a rate (label_money_endings, rate suffixes)."""
    vocab = _counted_vocab()
    for k, q in enumerate(qs):
        if q.kind not in ("money", "percent") or out[k] is not None:
            continue
        colon = q.start - 1
        while colon >= 0 and text[colon] in " \u3000":
            colon -= 1
        if colon >= 0 and colon < q.start - 1 and q.kind == "money" and _is_han(text[colon]):
            colon += 1  # 二、捐赠标准 2000元: a label and a space before an amount
        elif colon < 2 or text[colon] not in vocab["label_colons"]:
            continue
        start = colon - _HAN_RUN(text[max(0, colon - vocab["label_max"] - 1) : colon][::-1]).end()
        label = text[start:colon]
        if not 2 <= len(label) <= vocab["label_max"] or start > 0 and _is_han(text[start - 1]):
            continue  # (a label opens its line or clause; a longer run is a sentence)
        endings = vocab["label_money_endings"] if q.kind == "money" else vocab["rate_suffixes"]
        if label.endswith(endings):
            out[k] = label


def _name_by_amount_verb(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """最高可罚1800元, 每月只能挣约1万元, 汇了约3万元: an amount of money with no noun, right after
    a verb that says what the money is (amount_verbs: 罚 → 罚款, 挣 → 收入; 了 may stand between)."""
    verbs = _counted_vocab()["amount_verbs"]
    words = _counted_vocab()["amount_verb_words"]
    for k, q in enumerate(qs):
        if q.kind != "money" or out[k] is not None:
            continue
        end = q.start - 1 if text[q.start - 1 : q.start] == "了" else q.start
        verb = _endswith_any(text, end, words)
        if verb is not None:
            out[k] = verbs[verb]


def _name_tolls(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """1人死亡、6人受伤, 死亡31例: a count of people or cases that a word of harm follows (past a
    lead word: 4人不幸遇难) or stands right after counts that state, when no noun was found."""
    vocab = _counted_vocab()
    units, words, leads = vocab["toll_units"], vocab["toll_words"], vocab["toll_leads"]
    person = _news_vocab()["person_noun"]
    numbered = vocab["toll_number_word"] in text  # (死亡人数: looked for once per text)
    for k, q in enumerate(qs):
        if q.kind != "count" or q.unit not in units or out[k] not in (None, person):
            continue
        at = q.end
        word = _startswith_any(text, at, words)
        lead = _startswith_any(text, at, leads) if word is None else None
        if lead is not None:
            at += len(lead)
            word = _startswith_any(text, at, words)
        if word is not None:
            after = text[at + len(word) : at + len(word) + 1]
            if len(word) > 1 or not after or not _is_han(after) or after in _BOUNDARY_CHARS:
                out[k] = word
            continue
        word = _endswith_any(text, q.start, words)
        if word is not None and len(word) > 1:
            before = text[q.start - len(word) - 1 : q.start - len(word)]
            if not before or not _is_han(before) or before in _BOUNDARY_CHARS:
                out[k] = word  # ，死亡31例 (not 非正常死亡: a word goes on before it)
                continue
        if not numbered:
            continue
        # 死亡人数已升至40人: the number of the harmed, named just before in the clause
        clause = _same_clause_before(text, q.start, vocab["toll_reach"])
        at = clause.rfind(vocab["toll_number_word"])
        word = _endswith_any(clause, at, words) if at > 0 else None
        if word is not None and len(word) > 1:
            out[k] = word


def _name_partitive_people(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """受访的30名教师中，有12人…另外9人: a count that names only 人 after a larger count of people in
    the same sentence that names a noun, with a word of part between them, counts that noun."""
    vocab = _counted_vocab()
    units, person = _news_vocab()["person_units"], _news_vocab()["person_noun"]
    ends = vocab["sentence_ends"]
    taken: set[int] = set()
    for k, q in enumerate(qs):
        if q.kind != "count" or out[k] != person or q.unit not in units:
            continue
        start = max(text.rfind(end, 0, q.start) for end in ends) + 1
        for j in range(k - 1, -1, -1):
            p = qs[j]
            if p.start < start:
                break
            named = out[j]
            if j in taken or p.kind != "count" or p.unit not in units or named in (None, person):
                continue  # (有12人…另外9人: both are parts of the same whole)
            if named.endswith(vocab["partitive_not_endings"]):
                break  # (参保人数达900万人，其中600万人: 人数 names no people)
            between = text[p.end : q.start]
            if q.value < p.value and any(marker in between for marker in vocab["partitive_markers"]):
                out[k] = named
                taken.add(k)
            break


def _quoted_after(text: str, at: int, hi: int) -> tuple[str, int] | None:
    """The quoted name that opens at `at` (“城中村”, 「创业潜力奖」) and where the text goes on after it."""
    vocab = _counted_vocab()
    close = vocab["quoted_pairs"].get(text[at : at + 1])
    if close is None:
        return None
    end = text.find(close, at + 1, min(at + 2 + vocab["quoted_max"], hi))
    title = text[at + 1 : end]
    if end < 0 or len(title) < 2 or not _QUOTED_NAME(title):
        return None
    return title, end + 1


def _quoted_before(text: str, end: int, lo: int) -> str | None:
    """The quoted name that closes right before `end` (《监督意见书》)."""
    vocab = _counted_vocab()
    opener = next((o for o, c in vocab["quoted_pairs"].items() if c == text[end - 1 : end] and o != c), None)
    if opener is None or end - 1 <= lo:
        return None
    start = text.rfind(opener, max(lo, end - 2 - vocab["quoted_max"]), end - 1)
    title = text[start + 1 : end - 1]
    if start < 0 or len(title) < 2 or not _QUOTED_NAME(title):
        return None
    return title


#: a quoted name: Han characters, Latin letters and digits, no punctuation
_QUOTED_NAME = re.compile("[\u3400-\u4dbf\u4e00-\u9fffA-Za-z0-9]+").fullmatch


def _after_quote(chars: str, open_edge: bool, tags: dict[str, str | None]) -> str | list[str] | None:
    """What a count followed by a quoted name counts (`chars`: the name, "|", the Han run after
    the closing mark): the noun phrase after the name (“城中村”改造项目 → 改造项目, 「异域」的书籍 →
    书籍), or the name itself when the clause ends or goes on with a function character there
    (1组「创业潜力奖」，, 两组“XX”和…); else nothing (五个“XX”集中体现: the name may be no noun)."""
    title, _, rest = chars.partition("|")
    if rest.startswith("的"):
        rest = rest[1:]
    if rest and rest[0] not in _BOUNDARY_CHARS:
        found = _noun_phrase("after", rest, tags, open_edge)
        if type(found) is str and tags.get(found) in _news_vocab()["after_not_tags"]:
            return None  # 五个“XX”集中体现: a set phrase alone after the name is its predicate
        return found
    return title


def _after_clause(chars: str, open_edge: bool, tags: dict[str, str | None]) -> str | list[str] | None:
    """The noun after a clause closed by 的 (`chars`: the clause, "|", the text after 的) when the
    clause opens with a verb of two characters or more (运送|救援物资的卡车), not a noun that may own
    what follows (企业的产品): the words it must know first when `tags` lacks them."""
    clause, _, after = chars.partition("|")
    firsts = [clause[:k] for k in (4, 3, 2) if k <= len(clause)]
    lacking = [word for word in firsts if word not in tags]
    if lacking:
        return lacking
    first = next((word for word in firsts if tags[word] is not None), None)
    if first is None or tags[first] not in _counted_vocab()["clause_verb_tags"]:
        return None
    return _noun_phrase("after", after, tags, open_edge)


def _short_run(chars: str, open_edge: bool, tags: dict[str, str | None]) -> str | list[str] | None:
    """The run of 2 to run_max characters after a measure word up to a boundary (a function
    character, or the end of what was read when no word goes on past it) when it ends with a
    dictionary noun of two or three characters (旧书包, 短暂婚姻; not 受损, a verb): the words it must
    know first when `tags` lacks them."""
    vocab = _counted_vocab()
    cut = next((i for i, ch in enumerate(chars) if ch in _BOUNDARY_CHARS), len(chars))
    if cut == len(chars) and open_edge or not 2 <= cut <= vocab["run_max"] or chars[cut : cut + 1] == "的":
        return None  # (30多处森林类型的保护区: the run is a modifier)
    run = chars[:cut]
    tails = [run[-k:] for k in (3, 2) if k <= cut]
    lacking = [tail for tail in tails if tail not in tags]
    if lacking:
        return lacking
    if any(tags[tail] in vocab["run_head_tags"] for tail in tails):
        return run
    return None


#: a model name in Latin letters and digits right after a measure word (3台XK2型机床)
_MODEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*").match
_ANY_HAN_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]*").match


def _phrase_run(chars: str, open_edge: bool, tags: dict[str, str | None]) -> str | list[str] | None:
    """The noun phrase after a measure word (`chars`: a model name, "|", the Han run after it) up
    to punctuation, or a function character or a dictionary word of stop_tags that no dictionary
    word crosses, when it ends with a dictionary noun and has at most max_han Han characters: the words it
    must know first when `tags` lacks them."""
    vocab = _counted_vocab()
    model, _bar, han = chars.partition("|")
    if (
        not han
        or han[0] in _BOUNDARY_CHARS
        or is_numeral_start(han[0])
        and han[0] not in vocab["forward_word_numerals"] + vocab["lead_word_numerals"]
        or han[0] in vocab["phrase_not_first"]
    ):
        return None  # (一户多宅, 两户一体: a set phrase that numbers its parts, no count of a noun)
    # the first word first: most runs open a clause (a pronoun, an adverb, a verb) and need no more
    # look-ups; no stop falls inside it (a word crosses there), so it opens the phrase too
    openers = [han[:k] for k in (3, 2, 1) if k <= len(han)]
    lacking = [word for word in openers if word not in tags]
    if lacking:
        return lacking
    first = next((word for word in openers if tags[word]), han[0])
    if (
        tags[first] in vocab["phrase_not_first_tags"]
        and (len(first) > 1 or tags[first] not in vocab["phrase_verb_tags"])
        or first in vocab["verbs_tagged_nouns"]
    ):
        return None  # (4条途经本省: a verb the dictionary tags as a noun opens a clause)
    words = {han[i:j] for i in range(len(han)) for j in range(i + 1, min(i + 3, len(han)) + 1)}
    lacking = [word for word in words if word not in tags]
    if lacking:
        return lacking
    stops, heads = vocab["phrase_stop_tags"], vocab["run_head_tags"]
    verbs = vocab["phrase_verb_tags"]
    end = len(han)
    for i in range(1, len(han)):
        if any(
            tags[han[a:b]] for a in range(max(0, i - 2), i) for b in range(i + 1, min(a + 3, len(han)) + 1)
        ):
            continue  # (无人船参与: 与 ends nothing inside 参与)
        # the longest dictionary word that starts here decides (满意度 and 中心 end no phrase)
        word = next((han[i : i + k] for k in (3, 2) if i + k <= len(han) and tags[han[i : i + k]]), han[i])
        tag = tags[word]
        if len(word) > 1:
            if tag not in stops:
                continue
        elif (
            han[i] not in _BOUNDARY_CHARS
            and han[i] not in vocab["phrase_end_chars"]
            and (tag not in stops or tag in verbs or tag in vocab["phrase_weak_single_tags"])
        ):
            continue  # (车 alone is tagged as a bound morpheme, like 仍: only the listed ones end a phrase)
        rest = han[i + len(word) :]
        rest = rest[: next((k for k, ch in enumerate(rest) if ch in _BOUNDARY_CHARS), len(rest))]
        after = next((rest[:k] for k in (3, 2) if k <= len(rest) and tags.get(rest[:k])), rest[:1])
        if tag in verbs and after and tags.get(after, _UNKNOWN) in heads:
            # 农机具维修网点, 两枚反潜巡航导弹: a verb before a noun may modify it (the phrase is longer)
            # or take it as its object (5辆车运送物资): unsure, so no phrase
            return None
        if (
            len(word) == 1
            and tag in vocab["phrase_half_word_tags"]
            and after
            and tags.get(after) not in stops
        ):
            return None  # (线下线|上活动: a character that ends nothing before a noun may be half of a word)
        end = i
        break
    if end == len(han) and open_edge or han[end : end + 1] == "的":
        return None  # (the phrase goes on past what was read, or is a modifier)
    phrase = han[:end]
    if not (1 if model else 2) <= len(phrase) <= vocab["phrase_max_han"]:
        return None
    first = next((phrase[:k] for k in (3, 2) if k <= len(phrase) and tags[phrase[:k]]), phrase[0])
    opens = tags[first]  # (a verb of one character opens many nouns jieba lacks: 保母)
    if (
        opens in vocab["phrase_not_first_tags"]
        and (len(first) > 1 or opens not in verbs)
        or any(
            is_numeral_start(phrase[j])
            and phrase[j] not in vocab["forward_word_numerals"]
            and not any(
                tags[phrase[a:b]] not in (None, "m")
                for a in range(max(0, j - 2), j + 1)
                for b in range(max(a + 2, j + 1), min(a + 3, end) + 1)
            )
            for j in range(1, end)
        )
    ):
        return None  # (对我们有所希望, 换一个地点: a pronoun or a verb opens a clause; 队伍 is a word)
    if _verb_inside(phrase, tags, verbs, vocab["name_tags"]):
        return None  # (5辆车运送物资, 13辆车定损: a verb inside makes the run a clause)
    # the longest dictionary word that ends the phrase decides (受损 is a verb, whatever 损 alone is)
    last = next((tags[phrase[-k:]] for k in (3, 2, 1) if k <= len(phrase) and tags[phrase[-k:]]), None)
    if last not in heads:
        return None
    return model + phrase


def _verb_inside(
    phrase: str, tags: dict[str, str | None], verbs: frozenset[str], names: frozenset[str]
) -> bool:
    """Whether a word after the first of `phrase`, read back from its end (longest dictionary words
    of two or three characters first, names left out: the dictionary holds many odd ones), is a verb
    of two characters or more, or a verb of one character before other characters; or a character
    alone inside it that the dictionary tags as a name (a word the dictionary lacks is cut there)."""
    end = len(phrase)
    while end > 1:
        word = next(
            (
                phrase[end - k : end]
                for k in (3, 2)
                if end - k >= 0 and tags.get(phrase[end - k : end]) not in (None, *names)
            ),
            phrase[end - 1],
        )
        if end - len(word) > 0 and tags.get(word) in verbs and (len(word) > 1 or end < len(phrase)):
            return True
        if end - 1 > 0 and end < len(phrase) and len(word) == 1 and tags.get(word) in names:
            return True  # (业者纳食品: a character of a name alone inside it, a word cut)
        end -= len(word)
    return False


def _person_run(chars: str) -> str | None:
    """The shortest run of 2 to person_run_max characters after a measure word of people, before
    any function character, that ends with a character of a noun of people (外国人, 报告人, 男子),
    and goes on over the characters that end such nouns again (老师傅, 子女, 民众, 人士)."""
    vocab = _counted_vocab()
    most = min(len(chars), vocab["person_run_max"])
    for end in range(2, most + 1):
        if chars[end - 1] in _BOUNDARY_CHARS:
            return None
        if chars[end - 1] in vocab["person_run_endings"]:
            while end < len(chars) and chars[end] in vocab["person_run_extenders"]:
                end += 1  # 老师傅, 子女, 民众, 人士
            return None if chars[end : end + 1] == "的" else chars[:end]  # (英勇救人的: a modifier)
    return None


def _role_before(chars: str, at_edge: bool, tags: dict[str, str | None]) -> str | list[str] | None:
    """The last two characters of `chars` (the text before a count of people) when they end like a
    noun of people (role_before.endings: 河长, 辅警, 村医), make no dictionary word (a known word was
    read by the dictionary readings), and stand on their own: after a boundary, or after a
    dictionary word that no word crossing into them continues (`at_edge`: the text before `chars` is
    another figure). Else None, or the words to look up first."""
    if len(chars) < 2 or chars[-1] not in _counted_vocab()["role_endings"]:
        return None
    role, before = chars[-2:], chars[:-2]
    if not _is_han(role[0]) or role[0] in _BOUNDARY_CHARS or is_numeral_start(role[0]):
        return None
    words = [role] + ([before[-1] + role[0]] if before else []) + ([before[-2:]] if len(before) >= 2 else [])
    lacking = [word for word in words if word not in tags]
    if lacking:
        return lacking
    if tags[role] is not None or before and tags[before[-1] + role[0]] is not None:
        return None  # (增长3人: a word of another kind; 学生会员3名: a word crosses into it)
    if not before:
        return role if at_edge else None
    alone = not _is_han(before[-1]) or before[-1] in _BOUNDARY_CHARS or is_numeral_start(before[-1])
    return role if alone or len(before) >= 2 and tags[before[-2:]] is not None else None


def _money_run(chars: str, open_edge: bool) -> str | None:
    """共约2万元救急金，: the run of 2 to run_max characters after an amount of money up to a
    boundary that ends with a noun of money (money_suffixes), known to the dictionary or not."""
    vocab = _counted_vocab()
    cut = next((i for i, ch in enumerate(chars) if ch in _BOUNDARY_CHARS), len(chars))
    if cut == len(chars) and open_edge or not 2 <= cut <= vocab["run_max"] or chars[cut : cut + 1] == "的":
        return None
    return chars[:cut] if chars[:cut].endswith(vocab["money_noun_suffixes"]) else None


def _listed_subjects(text: str, at: int, n: int) -> list[str | None]:
    """大专学历、女性分别占53.1%、45.9%: the n nouns listed right before 分别 at `at`, from the start
    of its clause, when the list is made of n short runs of Han characters and nothing else."""
    vocab = _counted_vocab()
    clause_start = max(text.rfind(end, 0, at) for end in vocab["clause_ends"]) + 1
    clause = _strip_predicate(text[clause_start:at])  # 进货量、交易量较一周前分别增长
    for lead in vocab["list_leads"]:
        if clause.startswith(lead):
            clause = clause[len(lead) :]
            break
    items = vocab["list_split"](clause)
    if len(items) != n or not all(2 <= len(item) <= vocab["list_item_max"] for item in items):
        return []
    if not all(_HAN_RUN(item).end() == len(item) for item in items):
        return []
    if n < 2 or "的" in items[-1]:
        return []
    if len(items[-1]) - min(len(item) for item in items[:-1]) >= vocab["shared_head_min"]:
        # 一线、二线、三线城市成交量: the last item's head is shared by all; when the other items end
        # with the same character and the last item has it before its head, each item takes the head
        # (甲类、乙类、丙类产品销量 → 甲类产品销量…)
        last, end = items[-1], items[0][-1]
        at = last.rfind(end, 0, len(last) - 2)
        head = last[at + 1 :]
        if at < 1 or len(head) > vocab["shared_head_max"] or any(item[-1] != end for item in items[:-1]):
            return []
        return [item + head for item in items[:-1]] + [last]
    return list(items)


def _end_at_people(qs: list[_Quantity], out: list[str | None]) -> None:
    """数十名工人工资: a count of people counts the people of a phrase that goes on past its head
    noun of people (工人), not what they own (工资)."""
    units = _news_vocab()["person_units"]
    heads = _counted_vocab()["person_heads"]
    for k, q in enumerate(qs):
        named = out[k]
        if named is None or q.kind != "count" or q.unit not in units or len(named) < 4:
            continue
        if _endswith_any(named, len(named), heads) is not None:
            continue  # 大学生乡村医生: the phrase ends with one
        for end in range(len(named) - 1, 1, -1):
            if _endswith_any(named, end, heads) is not None:
                out[k] = named[:end]
                break


def _name_people_again(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """这3人, 该5名: a count of people after a demonstrative counts the noun an earlier count of as
    many people named, when the earlier counts of that number name one noun only."""
    news = _news_vocab()
    units, person = news["person_units"], news["person_noun"]
    demonstratives = _counted_vocab()["demonstratives"]
    for k, q in enumerate(qs):
        if q.kind != "count" or out[k] not in (None, person) or q.unit not in units and out[k] != person:
            continue  # (a bare 这3人才: 人 was read as the noun itself)
        if _endswith_any(text, q.start, demonstratives) is None:
            continue
        names = {
            out[j]
            for j, p in enumerate(qs)
            if p.end <= q.start and p.kind == "count" and p.unit in units and p.value == q.value
        }
        names.discard(None)
        if len(names) == 1 and person not in names:
            out[k] = names.pop()


def _distribute_respectively(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """开行5611列，运送货物60.9万标箱，同比分别增长17%和32%: the figures listed after 分别 go,
    in order, with as many figures listed before it in the same sentence, each counting what
    that one counts (when those name different things)."""
    vocab = _counted_vocab()
    word = vocab["respectively"]
    if word not in text:
        return
    order = sorted(range(len(qs)), key=lambda k: qs[k].start)
    clause_marks = frozenset(vocab["clause_ends"])
    at = text.find(word)
    while at >= 0:
        here = at + len(word)
        # the figures after 分别, joined by list words only (17%和32%, 5%、6%和7%)
        after: list[int] = []
        pos = here
        for k in order:
            q = qs[k]
            if q.start < pos:
                continue
            gap = text[pos : q.start]
            if len(gap) > vocab["respectively_lead"] if not after else gap not in vocab["list_joiners"]:
                break
            after.append(k)
            pos = q.end
        # the figures before it in the same sentence, the nearest last
        sentence_start = max(text.rfind(end, 0, at) for end in vocab["sentence_ends"]) + 1
        before = [k for k in order if sentence_start <= qs[k].start and qs[k].end <= at]
        n = len(after)
        names = _listed_subjects(text, at, n)
        if (
            not names
            and n >= 2
            and len(before) >= n
            and _has_any(text[qs[before[-1]].end : at], clause_marks)
        ):
            # (each of those figures in a clause of its own: 开行5611列，运送货物60.9万标箱，同比分别)
            names = [out[k] for k in before[-n:]]
        if n >= 2 and len(names) == n and all(names) and len(set(names)) == n:
            for k, name in zip(after, names):
                if qs[k].unit_category != "time":  # 分别获刑5年和4年: a term is no count of the person
                    out[k] = name
        at = text.find(word, here)


def _carry_counted(text: str, qs: list[_Quantity], out: list[str | None]) -> None:
    """营业收入7.37万亿元，同比增长8%: a figure whose clause names nothing between it and the figure
    before it but words of change and comparison counts what that figure counts."""
    news = _news_vocab()
    kinds, words, window = news["carry_kinds"], news["carry_words"], news["carry_window"]
    for k in range(1, len(qs)):
        named = out[k - 1]
        if out[k] is not None or named is None or _endswith_any(named, len(named), words) is not None:
            continue  # (增幅约12%，增加18610亿美元: a word of change is not what the next one counts)
        q, prev = qs[k], qs[k - 1]
        if q.kind not in kinds:
            continue
        gap = q.start - prev.end
        if gap < 0 or gap > window:
            continue
        i = prev.end
        while i < q.start:
            word = _startswith_any(text, i, words)
            if word is None or i + len(word) > q.start:
                break
            i += len(word)
        if i == q.start:
            out[k] = out[k - 1]
