"""Atomic claims from a parsed report: one key value (or one named fact) per claim.

The pipeline per section: mask text that never holds claims (URLs, source lines, list ordinals,
footnote markers, arXiv ids, metadata lines, tables of contents, reference lists), split the rest
into sentences, read values (``claims.values``) and named facts (Latin names, list members, quoted
and bracketed terms, and a clause-level fact for Chinese-only clauses), then attach entities and
topic words. All spans are offsets into ``report.text``; parsing runs on the same-length
simplified/width-folded view so Traditional Chinese reads the same way.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import accumulate
from operator import attrgetter

from claims.antecedents import antecedent
from claims.casual_dates import (
    as_casual_date,
    in_nearest_year,
    with_relative_dates,
    with_slash_dates,
)
from claims.citations import CIRCLED, SEE_LINK, url_spans
from claims.csv_rows import csv_rows_alike
from claims.entities import chinese_entities, entities_in, fact_stopwords, latin_spans
from claims.lexicon import cue_words, topics_in, translate
from claims.model import ClaimKind, ExtractedClaim, ParsedReport, Section, Value
from claims.openness import CLOSED_RELEASE
from claims.prescan import with_first_chars
from claims.sections import (
    ORG_KEYWORD,
    is_item_heading,
    is_message_stamp,
    members_link_named,
    opens_a_turn,
    speaker_labels,
)
from claims.table_units import PER_SHARE, declared_unit, scaled_to
from claims.textnorm import matching_view, to_simplified
from claims.values import parse_dates, parse_values
from claims.views import document_view

__all__ = ["extract_claims", "iter_claims", "noise_mask", "sentence_spans", "is_table_row"]

_MAX_SENTENCE = 400
# (one before a URL query's "name=" is inside a URL: "detail?stockCode=688721" ends no sentence)
# (a sentence ends after the footnote markers that follow its full stop: "…in November 2031.[^1] About …")
# (the semicolon of "TL;DR" ends nothing)
_SENTENCE_END = re.compile(r"(?<!\bTL)(?<!\btl)[。！？!?；;]+(?![\w.%-]+=)|\n(?:[ \t]*\n)?|\.(?=[ \t]+[A-Z0-9“\"(])|\](?=[ \t]+[A-Z“\"])")
_MARKED_STOP = re.compile(r"\.(?:\[\^?\d{1,3}\])+\Z")
# a line that ends in none of these (nor in a space) stops mid-sentence
_CLOSED_ENDS = frozenset("。！？!?；;：:）)”\"」>|.")
_MONTHS_SHORT = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
# a full stop after these is an abbreviation, not the end of an English sentence
_ABBREVIATIONS = frozenset(
    ["mr", "ms", "mrs", "dr", "prof", "st", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr", "approx", "est", "fig", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m"]
) | _MONTHS_SHORT
# (an emoji opens a line as a bullet does: "📈 revenue $6.42B" under "💾 Halcyon Micro, fiscal Q3")
# a number that opens a line with its scale word after it is a figure a wrapped sentence goes on with ("The headline
# spec is a\n2 million token context window"), no item's number
_SCALE_AFTER = r"(?![ \t]*(?i:million|billion|trillion|thousand|mn|bn|tn|per ?cent)\b)"
_NEW_BLOCK = re.compile(
    r"[ \t]*(?:[-*+#>•‣⁃·|\u25A0-\u25FF]|\d{1,2}(?:\.(?!\d)|[、)）]|\s" + _SCALE_AFTER + r")|[^\n：:]{1,14}[：:]|[(（<\[]"
    r"|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF])"
)
# a list item's opening: a blank line after an item's line ends its sentence (a labelled line, "关键信息：…", may break
# across a blank line; a quoted line, "> …", goes on: the reply under it answers it)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•‣⁃·](?=[ \t])|\d{1,2}[.、)）](?!\d))")
_STOP_THEN_MARKS = re.compile(r"[.。!?！？](?:\[\^?\w{1,3}\])+$")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_ORDINAL = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+•][ \t]+)?(?:\*\*)?(\d{1,2}(?:\.(?!\d)|[、)）]|[ \t]" + _SCALE_AFTER + r")|[（(]\d{1,2}[）)])", re.M
)
_FOOTNOTE = re.compile(rf"\[\^?\d{{1,3}}\](?!\()|【\d{{1,3}}】|\^\d{{1,3}}\b|[（(][註注]\s?\d{{1,3}}[）)]|{SEE_LINK}")
# "arXiv: 2401.12345v2" or a bare id; the letters spelled out in the cases ``re.I`` matches them in
# (ı and İ are i too), without the flag that makes the engine fold every character it passes
_ARXIV = re.compile(
    r"(?=[aA\d])(?:[aA][rR][xX][iIİı][vV]\s*[:：]?\s*\d{4}\.\d{4,5}(?:[vV]\d+)?"
    r"|(?<![\d.])\d{4}\.\d{4,5}(?:[vV]\d+)?(?![\d.]))"
)
# every _ARXIV match holds one of these: searched first (a digit scan), the case-insensitive
# alternation, tried at every position, only in a text that has one
_ARXIV_GATE = re.compile(r"\d{4}\.\d{4}")
_SOURCE_LINE = re.compile(
    r"^[ \t>*-]*(?:\*\*)?(?:可信来源|来源|信源|出处|Source|Sources|参考来源|参考链接|原文链接|原文|链接|Via|Link|Links|Reference)"
    r"(?:\*\*)?\s*[：:].*$",
    re.M | re.I,
)
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{1,40})[”\"」』]")
_BRACKETED = re.compile(r"[（(]([^（）()\n]{2,40})[）)]")
_BARE_ID = re.compile(r"[（(]\d{5,}[）)]")  # "(4596854)": an id after a link, not a figure
_SHORT_LINE = re.compile(r"^[ \t]*(?=[^\n]*\d)[^\n]{4,40}$", re.M)  # short lines holding a digit
_CJK_ANY = re.compile(r"[\u4e00-\u9fff]")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+(?:[、][\u4e00-\u9fff]+)*")
_CJK_ITEM = re.compile(r"[\u4e00-\u9fff]{2,}")
_LABEL = re.compile(r"^[ \t>*-]*([^\n：:]{1,14})[：:]", re.M)
_CJK_LABEL = re.compile(r"^[ \t>*-]*([\u4e00-\u9fff][\u4e00-\u9fff /、]{0,13})[：:]", re.M)
_TOC = re.compile(r"^(?:contents|目录|table of contents)$", re.I)
_FACT_SECTIONS = frozenset({"event", "research", "social", "other"})
_NUMERIC: frozenset[ClaimKind] = frozenset({"money", "percent", "count", "date", "version"})


_START, _SPAN = attrgetter("start"), attrgetter("start", "end")  # sort keys of drafts, in C


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    kind: ClaimKind
    value: Value | None = None


def _mask(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        elif b > a:
            out.append((a, b))
    return out


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SENTENCE_WORDS = 6  # words outside its links that make a line a sentence, not a list of sources


def _mask_link_lines(text: str, links: list[tuple[int, int]], mask: bytearray) -> None:
    """A line that is mostly links is a source line ("[site](url) | Reuters (<url>) (4596854)")."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in links:
        by_line.setdefault(text.rfind("\n", 0, start) + 1, []).append((start, end))
    for line_start, found in by_line.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end]
        spans = _merged([(max(a, line_start), min(b, line_end)) for a, b in found])
        if is_table_row(line):
            _mask_link_cells(text, line_start, line_end, spans, mask)
            continue
        covered = sum(b - a for a, b in spans)
        cjk_outside = len(_CJK_ANY.findall(line)) - sum(len(_CJK_ANY.findall(text, a, b)) for a, b in spans)
        # ("- **2.3x** — how much faster Halden 3.5 generates tokens than 3.1 ([Nerova](url))" says something)
        words_outside = len(_LATIN_WORD.findall(line)) - sum(len(_LATIN_WORD.findall(text, a, b)) for a, b in spans)
        if (
            covered / max(len(line.strip()), 1) > 0.5
            and cjk_outside < 12
            and words_outside < _SENTENCE_WORDS
            and not _states_a_measure(text, line_start, line_end, spans)
        ):
            _mask(mask, line_start, line_end)


def _states_a_measure(text: str, line_start: int, line_end: int, links: list[tuple[int, int]]) -> bool:
    """Does a line, its links aside, give a figure with a unit ("• Pylon Robotics Series C: $300M <url|TC>") or
    a word of its own?
    A source line's own numbers are ids and dates ("Reuters (<url>) (4596854)")."""
    outside, at = [], line_start
    for a, b in links:
        outside.append(text[at:a])
        at = b
    outside.append(text[at:line_end])
    rest = " ".join(outside)
    # (or a count with its scale or measure word: "总参数 1.2 万亿", "累计交付超过 1,300 台")
    return _DIGIT.search(rest) is not None and any(
        v.kind != "date" and (v.unit or _BARE_FIGURE.fullmatch(v.raw) is None) for v in parse_values(rest)
    )


_BARE_FIGURE = re.compile(r"[\d,.\s]+")


_DIGIT = re.compile(r"\d")
_FIELD_LABELS = frozenset({"Title", "Link", "Links", "Description", "Summary", "Subject", "Feed", "Items", "Category", "Excerpt"})
_CHARACTER_REFERENCE = re.compile(r"&#(?:\d{2,7}|[xX][0-9a-fA-F]{2,6});")


def _mask_link_cells(text: str, line_start: int, line_end: int, links: list[tuple[int, int]], mask: bytearray) -> None:
    """A table row with a source column ("| Kestrel | Q3 revenue | $812.4 million | [Wire](url) |"): its
    link cells name the page, its other cells still state the row's figures."""
    bars = [i for i in range(line_start, line_end) if text[i] == "|"]
    for a, b in zip(bars, bars[1:], strict=False):
        cell = text[a + 1 : b].strip()
        covered = sum(min(e, b) - max(s, a) for s, e in links if s < b and e > a)
        if cell and covered / len(cell) > 0.5:
            _mask(mask, a + 1, b)


def _mask_source_continuations(text: str, links: list[tuple[int, int]], mask: bytearray) -> None:
    """A line with a link right under a source line continues the source list ("可信来源：A (<url>)\n
    B | Title (<url>)"): it names a page, it claims nothing."""
    source_lines = {m.start() for m in _SOURCE_LINE.finditer(text)}
    ordered = sorted(links)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))  # the furthest end of the links up to each one
    stating: set[int] = set()  # lines read already and found to state a figure of their own
    for at, (start, _end) in enumerate(ordered):
        s, e = _line_bounds(text, start)
        if s in source_lines or s in stating:
            continue
        prev = s - 1
        while prev > 0:
            ps, pe = _line_bounds(text, prev - 1) if prev > 0 else (0, 0)
            if text[ps:pe].strip():
                break
            prev = ps - 1 if ps > 0 else 0
        else:
            continue
        ps, _pe = _line_bounds(text, prev - 1)
        if ps in source_lines:
            if _states_a_measure(text, s, e, _line_links(ordered, starts, reach, at, s, e)):
                stating.add(s)
                continue  # a claim of its own under the last one's source ("- Q2 guide $7.2–7.6 billion [BW](url)")
            source_lines.add(s)  # chains: a third line under the second
            _mask(mask, s, e)


def _line_links(
    ordered: list[tuple[int, int]], starts: list[int], reach: list[int], at: int, s: int, e: int
) -> list[tuple[int, int]]:
    """The links of the line ``[s, e)`` (clipped to it, merged and in order), link ``at`` of ``ordered`` being one of
    them: those starting on the line, and the earlier ones reaching into it (found by their running furthest end,
    without a scan of every link before)."""
    found = ordered[bisect_left(starts, s, hi=at + 1) : bisect_left(starts, e, lo=at)]
    k = bisect_left(starts, s, hi=at + 1) - 1
    while k >= 0 and reach[k] > s:
        if ordered[k][1] > s:
            found.append(ordered[k])
        k -= 1
    return _merged([(max(a, s), min(b, e)) for a, b in found])


def noise_mask(report: ParsedReport, view: str) -> bytearray:
    """1 for every character that can never be part of a claim."""
    text = view
    mask = bytearray(len(text) + 1)
    body_start = report.sections[0].start if report.sections else 0
    _mask(mask, 0, body_start)  # front matter
    metadata = cue_words().get("metadata", ())
    links = url_spans(text)
    for start, end in links:
        _mask(mask, start, end)
    _mask_link_lines(text, links, mask)
    arxiv = _ARXIV_GATE.search(text) is not None
    for pattern in (_FOOTNOTE, _ARXIV, _SOURCE_LINE, _BARE_ID):
        for m in pattern.finditer(text) if arxiv or pattern is not _ARXIV else ():
            _mask(mask, m.start(), m.end())
    for m in _CHARACTER_REFERENCE.finditer(text) if "&#" in text else ():  # "&#8217;" left by a feed reader: a character
        _mask(mask, m.start(), m.end())
    for start, end in speaker_labels(text):  # "[17:05] 嘉宾（林可）：" opens a turn, it claims nothing
        _mask(mask, start, end)
    for m in ORG_KEYWORD.finditer(text) if "#+" in text else ():  # "#+TITLE: …", "#+CAPTION: 单位：亿元"
        _mask(mask, m.start(), m.end())
    for m in _ORDINAL.finditer(text):
        _mask(mask, m.start(1), m.end(1))
    for m in _LABEL.finditer(text):
        label = m.group(1).strip()
        if label in _FIELD_LABELS:  # "Title: …", "Description: …" (a feed or a form): the field's name, no entity
            _mask(mask, m.start(1), m.end(1))
        if label.startswith(tuple(metadata)):
            s, e = _line_bounds(text, m.start(1))
            while e < len(text) and _continues(text, 0, e, e + 1, len(text)):
                _mask(mask, s, e)
                s, e = _line_bounds(text, e + 1)
            _mask(mask, s, e)
    for m in _CJK_LABEL.finditer(text):
        _mask(mask, m.start(), m.end())  # 发生了什么：, 关键信息： — labels, not claims
    _mask_source_continuations(text, links, mask)
    boilerplate = cue_words().get("boilerplate", ())
    for section in report.sections:
        heading = section.heading.strip()
        if section.kind == "references" or _TOC.match(heading) or any(cue in heading for cue in boilerplate):
            _mask(mask, section.start, section.end)  # reference lists, contents, contact/disclaimer blocks
    # a line that is nothing but a date (a report's dateline) is metadata
    for line in _SHORT_LINE.finditer(text):
        if _dateline(line.group(0)):
            _mask(mask, line.start(), line.end())
    return mask


_DIGIT_RUN4 = re.compile(r"\d{4}")


def _dateline(line: str) -> bool:
    """Whether ``line`` is one date and nothing else (two characters of slack).

    The whole reading is asked only when the date pass finds a date long enough, or when the numbers
    pass may name a bare year a date (four digits in a row): the one value must be a date that long."""
    least = len(line.strip()) - 2
    if not any(v.kind == "date" and len(v.raw) >= least for v in parse_dates(line)) and not _DIGIT_RUN4.search(line):
        return False
    values = parse_values(line)
    return len(values) == 1 and values[0].kind == "date" and len(values[0].raw) >= least


def sentence_spans(text: str, start: int, end: int, *, lines_joined: bool = False) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (split at 。！？；, line ends), trimmed of spaces. ``lines_joined``: the
    lines a sentence runs on across are joined already (:func:`_wrapped_lines`): every single line break ends one."""
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group(0) == "]":  # only a full stop's footnote markers end a sentence there, after them
            if not _MARKED_STOP.search(text, max(start, m.end() - 24), m.end()) or _PRONOUN_OPENS.match(text, m.end(), end):
                continue  # ("…Orrin Labs….[^2] Its Reno campus runs…": the sentence after says it of the one before)
            yield from _bounded(text, pos, m.end())
            pos = m.end()
            continue
        if m.group(0) in {";", "；"} and _PRONOUN_OPENS.match(text, m.end(), end):
            continue  # "Brevik Labs released Saga 4; it lists at $1.60": the clause after says it of the one before
        elif (
            m.group(0)[0] == "\n" and not (lines_joined and m.group(0) == "\n")
            and not (m.group(0) != "\n" and _LIST_ITEM.match(text, text.rfind("\n", 0, m.start()) + 1))
            and _continues(text, start, m.start(), m.end(), end)
        ):
            continue  # (a blank line after a list item ends it: "* … in 1H27\n\nThe one thing …")
        if m.group(0) == "." and _abbreviation(text, m.start()):
            continue
        if m.group(0) and m.group(0)[0] in "。！？!?" and (marks := _MARKS_AFTER.match(text, m.end(), end)):
            yield from _bounded(text, pos, marks.end())  # "…年增 61%。[1]": the markers after a stop are its sentence's
            pos = marks.end()
            continue
        yield from _bounded(text, pos, m.start())
        pos = m.end()
    yield from _bounded(text, pos, end)


_MARKS_AFTER = re.compile(rf"(?:\[\^?\d{{1,3}}\]|【\d{{1,3}}】|[{CIRCLED}])+")


# a clause whose subject is a pronoun for the one before it
_PRONOUN_OPENS = re.compile(
    r"[ \t]*(?:(?:[Ii]ts?|[Tt]hey|[Tt]heir|[Tt]he (?:company|firm|group|startup|model))\b|(?:该|該)(?:公司|模型|集团|集團)|其(?![他它余餘中次实實])|它)"
)


def _abbreviation(text: str, dot: int) -> bool:
    """The full stop at ``dot`` ends an abbreviation (Inc., U.S., Jan.) or a single initial (J. Smith)."""
    i = dot
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if word in _MONTHS_SHORT and _DAY_BEFORE.search(text, max(0, i - 4), i) and _CAPITAL_AFTER.match(text, dot + 1):
        return False  # "confirmed on 1 Dec. Four sites were picked": a day-first date ends its sentence
    # (a letter after a slash is no initial: "up 118.6% y/y. Liquid cooling …" ends its sentence)
    initial = len(word) == 1 and word.isalpha() and not (i > 0 and text[i - 1] == "/")
    return bool(word) and (word in _ABBREVIATIONS or initial)


_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A run-on "sentence" longer than ``_MAX_SENTENCE`` is cut at its last comma (or space) before
    the limit, so that work per sentence stays bounded and extraction stays linear."""
    while end - start > _MAX_SENTENCE:
        cut = max(text.rfind(ch, start, start + _MAX_SENTENCE) for ch in "，,、 ")
        cut = cut + 1 if cut > start else start + _MAX_SENTENCE
        yield from _trimmed(text, start, cut)
        start = cut
    yield from _trimmed(text, start, end)


def _wrapped_lines(report: ParsedReport, view: str) -> list[int]:
    """Where a single line break continues a sentence of a section (see :func:`_continues`)."""
    if "\n" not in view:
        return []
    out: list[int] = []
    for section in report.sections:
        if is_message_stamp(view, section.start) and opens_a_turn(view, section.start):
            continue  # a chat message's lines are each its sender's own (a line is sent as typed, never wrapped)
        for m in _LINE_BREAK.finditer(view, section.start, section.end):
            if _continues(view, section.start, m.start(), m.end(), section.end):
                out.append(m.start())
    return out


_LINE_BREAK = re.compile(r"\n(?![ \t]*\n)")


def _as_spaces(text: str, at: Sequence[int]) -> str:
    chars = list(text)
    for i in at:
        chars[i] = " "
    return "".join(chars)


_HAN_RUN_AFTER = re.compile(r"[\u3400-\u9fff]{1,8}")


def _joined_words(text: str, at: Sequence[int]) -> str:
    """``text`` (its breaks at ``at`` already spaces) with a Chinese word broken across the line whole again
    ("估\n值约 142 亿美元" reads "估值约  142 亿美元"): the run of characters after the break moves up one, and
    the space goes after it (the same length: a claim keeps its offsets, save inside such a run)."""
    chars = list(text)
    for i in at:
        if 0 < i < len(text) - 1 and _HAN_RUN_AFTER.match(text[i - 1]) and (run := _HAN_RUN_AFTER.match(text, i + 1)):
            chars[i : run.end()] = [*text[i + 1 : run.end()], " "]
    return "".join(chars)


def _continues(text: str, block_start: int, brk: int, nxt: int, end: int) -> bool:
    """A line break inside a sentence: a long line that stops without punctuation, followed by a
    line that is not a new item, label, heading or link ("……真正的大规模 AI\n价值，不一定……")."""
    line_start = text.rfind("\n", 0, brk) + 1
    if line_start <= block_start:
        return False  # the heading line of a section
    line = text[line_start:brk].rstrip()
    # the line holds no newline and, stripped, ends in no space: its last character says it (after any
    # note markers: "…post-money valuation.[g]", "…亿元。[3]")
    if len(line) < 30 or line[-1] in _CLOSED_ENDS or (line[-1] == "]" and _STOP_THEN_MARKS.search(line)):
        return False
    if _LABELLED_ADDRESS.match(line) is not None:
        return False  # "Link: https://…": a labelled address is a field of its own, it wraps nothing
    following = text[nxt : text.find("\n", nxt) if text.find("\n", nxt) >= 0 else end]
    # (a row of a table laid out with spaces, "Halcyon Micro    FY2027Q3      6,418", is a line of its own)
    return bool(following.strip()) and not _NEW_BLOCK.match(following) and not (_laid_out(line) or _laid_out(following)) and not csv_rows_alike(line, following)


_LABELLED_ADDRESS = re.compile(r"^[ \t>*-]*[^\W\d][\w ]{0,20}[:：][ \t]*<?https?://\S+$")


def _laid_out(line: str) -> bool:
    """A row of a table laid out with spaces (two gaps between cells); the gaps tested for first."""
    return ("   " in line or "\t" in line or "\u3000\u3000" in line) and _COLUMNS.search(line) is not None


_COLUMNS = re.compile(r"\S(?: {3,}|\t+|\u3000{2,})\S.*\S(?: {3,}|\t+|\u3000{2,})\S")  # two gaps between cells


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def _free(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(1, start, end) < 0


@cache
def _any_cue(kind: str) -> re.Pattern[str]:
    """One scan for any cue word of ``kind`` (what ``any(cue in text for cue in cues)`` asks)."""
    cues = cue_words().get(kind, ())
    return re.compile("|".join(re.escape(c) for c in cues)) if cues else re.compile(r"(?!)")


# a label alone on its line, numbered points under it ("核心观点：\n（1）…")
_POINTS_BELOW = re.compile(r"[ \t]*\n[ \t]*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、)）]|[①-⑳])")


def _opinion_ranges(view: str, section: Section) -> list[tuple[int, int]]:
    """Paragraphs that open with an opinion cue (为什么重要：, 一句话判断：…), to their end."""
    cue = _any_cue("opinion")
    ranges = []
    for m in _LABEL.finditer(view, section.start, section.end):
        label = m.group(1).strip()
        if cue.search(label):
            if _POINTS_BELOW.match(view, m.end()):
                continue  # "核心观点：" over "（1）…（2）…": a heading of points, each read on its own
            end = view.find("\n\n", m.end(), section.end)
            ranges.append((m.start(), section.end if end < 0 else end))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _window_values(
    view: str,
    section: Section,
    a: int,
    b: int,
    mask: bytearray,
    report_date: dt.date | None,
    normalised: bool = False,
) -> list[_Draft]:
    """Values of ``section`` that start in [a, b) (one scan) as drafts at report offsets, noise removed.

    The scan reads up to ``_VALUE_MARGIN`` characters of the section either side of the window, so a
    figure across an edge and the context before it read as in one scan of the whole section (a
    window is the whole section unless the section is longer than ``_VALUE_WINDOW``). A draft keeps
    the value as read (its offsets into the scanned slice): a claim takes only its reading, and the
    draft's own span, from it (``_claim``), so the value is not copied to shift its offsets."""
    lo, hi = max(section.start, a - _VALUE_MARGIN), min(section.end, b + _VALUE_MARGIN)
    out = []
    year = report_date.year if report_date else None
    window = view[lo:hi]
    found = with_slash_dates(window, parse_values(window, default_year=year, normalised=normalised), report_date)
    for v in with_relative_dates(window, found, report_date):
        start, end = lo + v.start, lo + v.end
        if a <= start < b and mask.find(1, start, end) < 0:
            if report_date is not None and v.kind == "count" and (casual := as_casual_date(window, v, report_date)) is not None:
                v = casual  # "11.19定价": the 19th of November, in a post of late November
            elif v.kind == "date":
                v = in_nearest_year(v, report_date, window)  # "ship Jan 26" in a post of 19 December: next January
            out.append(_Draft(start, end, v.kind, v))
    return out


def _value_drafts(values: list[_Draft], starts: list[int], s: int, e: int) -> list[_Draft]:
    """The section's value drafts inside [s, e) (``starts`` is the sorted list of their starts)."""
    return [d for d in values[bisect_left(starts, s) : bisect_left(starts, e)] if d.end <= e]


def _fact_drafts(
    view: str,
    s: int,
    e: int,
    mask: bytearray,
    taken: list[tuple[int, int]],
    clause_facts: bool,
    english: bool = False,
) -> list[_Draft]:
    """Named facts in one sentence: Latin names, quoted and bracketed terms, Chinese-only clauses."""
    drafts: list[_Draft] = []
    occupied = list(taken)

    def overlaps(a: int, b: int) -> bool:
        return any(x < b and a < y for x, y in occupied)

    def touches_version(a: int, b: int) -> bool:
        for x, y in taken:
            gap_before = view[y:a] if y <= a else None
            gap_after = view[b:x] if b <= x else None
            if (gap_before is not None and gap_before.strip() == "" and len(gap_before) <= 1) or (
                gap_after is not None and gap_after.strip() == "" and len(gap_after) <= 1
            ):
                return True
        return False

    sentence = view[s:e]
    for a, b in latin_spans(sentence, prose=english):
        a, b = s + a, s + b
        word = view[a:b]
        if not _free(mask, a, b) or overlaps(a, b) or len(word) < 2:
            continue
        if not (any(ch.isupper() for ch in word) or " " in word):
            quoted = a > 0 and view[a - 1] in "“\"「'" or a > 0 and view[a - 1] in "（("
            if not quoted:
                continue
        if touches_version(a, b) and " " not in word and any(ch.isupper() for ch in word):
            continue  # "Claude" of "Claude Opus 4.6" is part of the version
        drafts.append(_Draft(a, b, "fact"))
        occupied.append((a, b))
    for m in _TIME_PHRASE.finditer(sentence) if "未来" in sentence or "近" in sentence else ():
        # 未来几周, 近几年: when something happens is a checkable fact of its own
        a, b = s + m.start(), s + m.end()
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for a, b in _release_denials(sentence, s, latin=True):
        # "nothing open-source this time", "will not open-source": a denial that weights or code were released is a
        # fact of its own (before "will not open" is read as a denial of its own; a Chinese one is read last, below)
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for m in _DENIAL_EN.finditer(sentence) if "not" in sentence or "n't" in sentence or "never" in sentence else ():
        # "the rule does not require …": what a report says something does not do is a checkable fact
        a, b = s + m.start(), s + m.end()
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for m in _RANGE_END.finditer(sentence) if "range" in sentence or "限" in sentence or "间" in sentence or "間" in sentence else ():
        # "priced at the top of the range", 为招股区间上限: which end of its range a price was set at is a fact
        a, b = s + m.start(), s + m.end()
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for m in _BOUND_MARK.finditer(sentence) if _may_bound(sentence) else ():
        # C 轮, Pre-A 轮: which round a raise was, and "third-quarter": which quarter a result is
        # for, are checkable facts (a letter alone is too short to be read as a Latin name)
        a, b = s + m.start(), s + m.end()
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for m in _ACRONYM_NOUN.finditer(sentence):
        # "API 私有预览", "AI 眼镜": a generic acronym names a thing together with the noun after it
        a, b = s + m.start(), s + m.end()
        if m.group(1) in fact_stopwords() and _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    enclosed = _may_enclose(sentence)
    for pattern in (_QUOTED, _BRACKETED):
        for m in pattern.finditer(sentence) if enclosed else ():
            a, b = s + m.start(1), s + m.end(1)
            if pattern is _BRACKETED:
                glossed = _glossed_term(view, s, m.start() + s, mask)
                if glossed and not overlaps(*glossed):
                    drafts.append(_Draft(*glossed, "fact"))
                    occupied.append(glossed)
            inner = view[a:b].strip()
            if not inner or not _free(mask, a, b) or not _WORDLIKE.search(inner):
                continue
            # a quoted term may hold a name ("左翼自由主义 (Left-Libertarian)") but never a figure
            if any(x < b and a < y for x, y in taken) or (
                overlaps(a, b) and not _CJK_ANY.search(inner)
            ):
                continue
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    for a, b, _english in chinese_entities(sentence):
        # 英伟达、软银愿景基金二期和 Greyhaven Capital 跟投: a known organisation written in Chinese is a
        # named fact like a Latin name (the lexicon gives its English name for the pages)
        a, b = s + a, s + b
        if _free(mask, a, b) and not overlaps(a, b):
            drafts.append(_Draft(a, b, "fact"))
            occupied.append((a, b))
    if clause_facts:
        drafts.extend(_clause_facts(view, s, e, mask, occupied))
    for a, b in _release_denials(sentence, s, latin=False):
        # 并未开源, 闭源: read last, where no fact holds it yet (a Chinese list's member holding one, "产品集成、非开放权重
        # 和部分评测结论", stays the member it was; a run holding it, "未开源权重", is the fact the judge reads)
        if _free(mask, a, b) and not any(x < b and a < y for x, y in ((d.start, d.end) for d in drafts)):
            drafts.append(_Draft(a, b, "fact"))
    return drafts


_LONG_RUN = 6  # a Chinese-only run this long is a fact of its own even beside a longer one
_MEMBER_SPLIT = re.compile(r"[、]|(?<=[\u4e00-\u9fff]{2})(?:和|与|及|以及)(?=[\u4e00-\u9fff]{2})")


def _list_members(view: str, a: int, b: int) -> list[tuple[int, int]]:
    """Members of a Chinese list run (A、B 和 C → A, B, C); a run without 、 is one member."""
    run = view[a:b]
    if "、" not in run:
        return [(a, b)]
    members = []
    pos = 0
    for m in _MEMBER_SPLIT.finditer(run):
        members.append((a + pos, a + m.start()))
        pos = m.end()
    members.append((a + pos, b))
    return [(x, y) for x, y in members if y - x >= 2]


# the end of a range a price was set at: "the top of its marketed range", 招股区间上限, "（42.60–48.80港元）上限"
_RANGE_END = re.compile(
    r"\b(?:top|bottom|upper end|lower end|high end|low end)\s+of\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}range\b"
    r"|(?:招股|发行|發行|定价|定價)?(?:区间|區間)(?:的)?[上下]限|(?<=[)）])[上下]限"
    # … or that it was set outside the range: "above its marketed range", 高于20至22美元的招股区间
    r"|\b(?:above|below)\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}range\b|(?:高于|低于|高於|低於)(?=[^，。；,;]{0,24}?(?:区间|區間))",
    re.IGNORECASE,
)
_TIME_PHRASE = re.compile(
    r"未来(?:几|数|一|两|三|\d+)?(?:个)?(?:天|周|星期|个月|月|季度|年)|近(?:几|数)?(?:天|周|个月|年)"
)
_BOUND_MARK = re.compile(
    r"(?<![A-Za-z0-9])(?:Pre-)?[A-H]\+?\s?轮"
    # which part of the year a result is for: "third-quarter revenue", 第三季度, 上半年
    r"|\b(?:first|second|third|fourth)[- ]quarter\b|第[一二三四]季度|[上下]半年|\b(?:first|second) half\b"
    # (… and a quarter unnamed, after its figure: "$38.9bn revenue in the quarter")
    r"|(?<=[a-z] )(?:in|for) the quarter\b(?!\s+(?:ended|ending|to)\b)",
    re.IGNORECASE,
)
# how an English denial opens ("does not", "won't", "never"): a claim's key starts with it (verifier.judge.polarity)
DENIAL_LEAD = (
    r"(?:(?:does|do|did|will|would|is|are|was|were|has|have|had|can|could|should|must)\s+not"
    r"|(?:doesn|don|didn|won|isn|aren|wasn|weren|hasn|haven|can|couldn|shouldn)['’]t|never|no longer)"
)
_DENIAL_EN = re.compile(r"\b" + DENIAL_LEAD + r"\s+(?!only\b|just\b|be\s+(?:available|released)\b)[a-z]{3,}\b")
_BOUND_WORDS = ("轮", "季度", "半年", "quarter", "half")
# the words in either letter case, spelled out: re.I reads no other letter as one of theirs (only i, s and
# k have such letters), and without the flag the engine skips by their first characters
_BOUND_GATE = re.compile("|".join("".join(f"[{c.upper()}{c}]" if c.isascii() else c for c in w) for w in _BOUND_WORDS))
_ENCLOSERS = "“\"「『（("
_ENCLOSER = re.compile("[" + re.escape(_ENCLOSERS) + "]")


def _release_denials(sentence: str, s: int, *, latin: bool) -> Iterator[tuple[int, int]]:
    """Spans (offset by ``s``) of the denials of an open release ``sentence`` writes in Latin letters (``latin``) or
    in Chinese."""
    if not _may_deny_release(sentence) or (not latin and _CJK_ANY.search(sentence) is None):
        return
    for m in CLOSED_RELEASE.finditer(sentence):
        if m.group().isascii() == latin:
            yield s + m.start(), s + m.end()


def _may_deny_release(sentence: str) -> bool:
    """Whether ``sentence`` may hold a denial of an open release (a cheap check before the scan): open or closed
    source or weights, or weights released, published or made available, in English; 源 or 权重 in Chinese."""
    if "源" in sentence or "权重" in sentence or "權重" in sentence:
        return True
    said = "ource" in sentence or "OURCE" in sentence or "eight" in sentence or "EIGHT" in sentence
    return said and (
        "pen" in sentence or "PEN" in sentence or "losed" in sentence or "LOSED" in sentence or "elea" in sentence or "ublish" in sentence
        or "vailable" in sentence
    )


def _may_bound(sentence: str) -> bool:
    """Whether ``sentence`` may hold a _BOUND_MARK (a cheap check before the scan)."""
    # the pattern ignores case; its words are spelled in both cases in _BOUND_GATE
    return _BOUND_GATE.search(sentence) is not None


def _may_enclose(sentence: str) -> bool:
    """Whether ``sentence`` holds an opening quote or bracket (_QUOTED and _BRACKETED need one)."""
    return _ENCLOSER.search(sentence) is not None  # one scan, not one per character


_ACRONYM_NOUN = with_first_chars(  # claims.prescan: the engine skips to capitals
    re.compile(r"(?<![A-Za-z0-9])([A-Z]{2,4}s?) ?([\u4e00-\u9fff]{2,6})(?![\u4e00-\u9fff])")
)
_GLOSS_SPLIT = re.compile(r"[和与及、的了在是将被对]")
_GLOSSED = re.compile(r"[\u4e00-\u9fff]{2,12}$")


def _glossed_term(view: str, s: int, bracket: int, mask: bytearray) -> tuple[int, int] | None:
    """The Chinese term a bracket explains: 扑克（不完全信息…）, 主流媒体（如 …）."""
    m = _GLOSSED.search(view, s, bracket)
    if not m or not _free(mask, m.start(), m.end()):
        return None
    a, b = m.start(), m.end()
    # the term is the last phrase before its gloss: 社交网络和主流媒体（如…） → 主流媒体
    pieces = [p for p in _GLOSS_SPLIT.split(view[a:b]) if len(p) >= 2]
    if not pieces:
        return None
    a = b - len(pieces[-1])
    return _core(view, a, b)


def _uncovered(view: str, a: int, b: int, occupied: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [a, b) no other claim covers, without list commas at their ends."""
    pieces = [(a, b)]
    for x, y in occupied:
        if x < b and a < y:
            pieces = [p for pa, pb in pieces for p in ((pa, min(pb, x)), (max(pa, y), pb)) if p[1] > p[0]]
    out = []
    for pa, pb in pieces:
        while pa < pb and view[pa] == "、":
            pa += 1
        while pb > pa and view[pb - 1] == "、":
            pb -= 1
        if pb > pa:
            out.append((pa, pb))
    return out


def _clause_facts(
    view: str, s: int, e: int, mask: bytearray, occupied: list[tuple[int, int]]
) -> list[_Draft]:
    """Per clause, its longest Chinese-only run as a fact (a list joined by 、 gives one per member).

    A clause that already holds another claim needs a longer run (5 characters) to earn one.
    """
    drafts: list[_Draft] = []
    pos = s
    bounds = [m.start() for m in _CLAUSE_SPLIT.finditer(view, s, e)] + [e]
    # a run shorter than 3 characters (and so every piece of it) is never a fact nor the longest run
    # that earns one, unless no run is long enough: skipped before the mask and cover checks. One scan
    # of the sentence: a run holds no clause mark, so it lies in one clause, and the scan finds in
    # each clause the runs a scan of the clause alone finds
    long_runs = [
        (m.start(), m.end())
        for m in _CJK_RUN.finditer(view, s, e)
        if m.end() - m.start() >= 3 and mask.find(1, m.start(), m.end()) < 0
    ]
    i = 0
    for stop in bounds:
        a0, b0 = pos, stop
        pos = stop + 1
        if i == len(long_runs) or long_runs[i][0] >= b0:
            continue  # no run in this clause
        busy = any(x < b0 and a0 < y for x, y in occupied)
        runs = []
        while i < len(long_runs) and long_runs[i][0] < b0:
            runs.extend(_uncovered(view, *long_runs[i], occupied))
            i += 1
        if not runs:
            continue
        longest = max(runs, key=lambda r: r[1] - r[0])
        for a, b in runs:
            if b - a >= _LONG_RUN or ((a, b) == longest and b - a >= (5 if busy else 3)):
                for pa, pb in _list_members(view, a, b):
                    pa, pb = _core(view, pa, pb)
                    drafts.append(_Draft(pa, pb, "fact"))
    return drafts


_LEAD_PARTICLES = frozenset("的了而并且也还就都又把被")
_TAIL_PARTICLES = frozenset("的了等")


_LEAD_ADVERB = re.compile(r"(?:正在|已经|仍然|曾经|将会|还将|也将|已|将|仍|正)(?=[\u4e00-\u9fff]{2})")


def _core(view: str, a: int, b: int) -> tuple[int, int]:
    """A clause's core: without leading connectives (并/还/把…), aspect adverbs (正在/已经…) or
    trailing particles (的/了/等)."""
    while b - a > 2:
        if view[a] in _LEAD_PARTICLES:
            a += 1
            continue
        m = _LEAD_ADVERB.match(view, a, b)
        if not m:
            break
        a = m.end()
    while b - a > 2 and view[b - 1] in _TAIL_PARTICLES:
        b -= 1
    return a, b


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, non-overlapping ``ranges``."""
    i = bisect_right(ranges, (pos, sys.maxsize)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


@dataclass(frozen=True)
class _SectionContext:
    section: Section
    opinion: list[tuple[int, int]]  # sorted, non-overlapping
    heading_end: int
    group_heading: bool  # a heading such as 今日 Top 5 大事件, not an item title
    heading_entities: tuple[str, ...] = ()


def _section_context(view: str, section: Section, mask: bytearray, year: int | None) -> _SectionContext:
    line_end = view.find("\n", section.start)
    heading_end = section.end if line_end < 0 or not section.heading else line_end
    if section.heading and opens_a_turn(view, section.start) and section.heading not in view[section.start : heading_end]:
        heading_end = section.start  # a transcript's later turn: its first line is no heading, its title's above
    group_heading = bool(section.heading) and not is_item_heading(section.heading)
    heading_entities = entities_in(view[section.start : heading_end]) if section.heading else ()
    return _SectionContext(
        section,
        _opinion_ranges(view, section),
        heading_end,
        group_heading,
        heading_entities,
    )


_HAN_AFTER = re.compile(r"\s*[\u4e00-\u9fff]")
_SCALE_ONLY = re.compile(r"[\d.,\s]+(?:万亿|亿|万)")


def _elided_currency(view: str, drafts: list[_Draft]) -> list[_Draft]:
    """A bare amount in 万 / 亿 among amounts of one currency drops the currency they name ("合计 4.85 亿元，深澜拿了
    2000 万，云衍智算拿了 1.65 亿元"): it is theirs."""
    money = {d.value.unit for d in drafts if d.value is not None and d.kind == "money"}
    if len(money) != 1 or None in money:
        return drafts
    (unit,) = money
    return [
        replace(d, kind="money", value=replace(d.value, unit=unit, kind="money"))
        if d.kind == "count" and d.value is not None and not d.value.unit and not d.value.noun and _SCALE_ONLY.fullmatch(d.value.raw)
        and not _HAN_AFTER.match(view, d.end)  # (not "1.2亿股", "300 万用户": a count of things)
        else d
        for d in drafts
    ]


def _sentence_drafts(
    report: ParsedReport, view: str, mask: bytearray, ctx: _SectionContext, values: _Window, s: int, e: int
) -> list[_Draft]:
    """The claims of one sentence: its values (``values``: those of its window), then its named facts."""
    section = ctx.section
    in_heading = bool(section.heading) and s < ctx.heading_end
    numeric = _elided_currency(view, _value_drafts(values.values, values.starts, s, e))
    if in_heading and ctx.group_heading and section.kind != "other":
        numeric = [d for d in numeric if d.kind != "count"]  # 今日 Top 5 大事件: heading numbers
    if in_heading and report.date:
        today = report.date.isoformat()  # the report's own date in a heading is metadata
        numeric = [d for d in numeric if not (d.kind == "date" and d.value and d.value.value == today)]
    if (section.order == 0 and in_heading) or (in_heading and ctx.group_heading):
        return numeric  # the title line and group headings name no facts
    taken = [(d.start, d.end) for d in numeric]
    english = report.language == "en"
    return numeric + _fact_drafts(view, s, e, mask, taken, section.kind in _FACT_SECTIONS, english)


def _claim(
    text: str,
    view: str,
    d: _Draft,
    s: int,
    e: int,
    ctx: _SectionContext,
    checkworthy: bool,
    entities: tuple[str, ...],
    topics: tuple[str, ...],
    sentence: str,
) -> ExtractedClaim:
    key = text[d.start : d.end]
    if d.value is not None:
        v = d.value
        noun = v.noun or (_column_header(view, s, d.start) if v.kind in {"money", "count", "percent"} else None)
        value = Value(key, v.value, v.unit, v.qualifier, d.start, d.end, v.kind, v.precision, noun)
        if view[s] == "|" and v.kind in {"count", "money"}:
            value = _in_table_unit(view, s, e, value)
        elif v.kind in {"count", "money"} and _laid_out(view[s:e]):
            value = _in_spaced_table_unit(view, s, value)
        elif v.kind in {"count", "money"} and not v.unit and (s == 0 or view[s - 1] == "\n") and e - s < 200 and _plain_row(view[s:e]):
            value = _in_plain_table_unit(view, s, value)  # (a sentence that is a whole short line: cheap to ask)
    else:
        value = Value(key, _fact_value(view[d.start : d.end]), None, "=", d.start, d.end, "fact")
    return ExtractedClaim(
        start=d.start,
        end=d.end,
        sentence_start=s,
        sentence_end=e,
        sentence=sentence,  # one string shared by the claims of a sentence
        key_text=key,
        kind=d.kind if value.kind == d.kind or d.value is None else "money",  # a bare cell under "单位：亿元"
        section_order=ctx.section.order,
        values=(value,),
        entities=entities,
        topics=topics,
        checkworthy=checkworthy,
    )


_PROSE_END = frozenset("。.!?！？”\"")


@lru_cache(maxsize=64)
def _body_paragraphs(view: str, start: int, end: int) -> bool:
    """Three paragraphs of prose in a row in ``view[start:end]`` (each one line of 200 characters or more, the first
    two closed by a sentence's end, blank lines between): a body, not a lead. One pass over the lines (a regex over
    one long line backtracks quadratically)."""
    run, pos, blank_before = 0, start, True
    while pos < end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line = view[pos:stop].rstrip(" \t\r")
        pos = stop + 1
        if not line.strip():
            blank_before = True
            continue
        if run and not blank_before:
            run = 0  # a second line of one paragraph
        if run >= 2 and len(line) >= 200:
            return True
        run = run + 1 if len(line) >= 200 and line[-1] in _PROSE_END else 0
        blank_before = False
    return False


def is_table_row(sentence: str) -> bool:
    """Is this sentence a markdown table row ("| Kestrel AI | D 轮 | 45 亿美元 |")?"""
    return sentence.lstrip().startswith("|") and sentence.count("|") >= 3


_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}")


def _column_header(view: str, s: int, pos: int) -> str | None:
    """The header of the table column a figure sits in ("| 投后估值 |" above "| … | 620 亿美元 |"):
    what a bare cell measures. None outside a markdown table, or in its first (label) column."""
    line_start = view.rfind("\n", 0, s) + 1
    if not view.startswith("|", line_start):
        return None
    column = view.count("|", line_start, pos) - 1
    if column < 1:
        return None
    cells = _header_cells(_table_top(view, line_start)[1])
    if column >= len(cells) or not re.search(r"[\u4e00-\u9fffA-Za-z]", cells[column]):
        return None
    return translate(cells[column]) or cells[column]  # 投后估值 → post-money valuation, as the lexicon reads it


def _header_cells(header: str | None) -> list[str]:
    if not header:
        return []
    head = header.strip()
    if head.startswith("||"):  # Confluence / Jira wiki markup: "||Project||Investment (RMB billion)||"
        return [c.strip() for c in head.strip("|").split("||")]
    return [c.strip() for c in head.strip("|").split("|")]


def _table_top(view: str, line_start: int) -> tuple[int, str | None]:
    """Where the markdown table holding the row at ``line_start`` begins, and its header row (the one
    above the |---| rule, or a "||Header||" row of wiki markup; None when the table has neither)."""
    header: str | None = None
    top, end = line_start, line_start - 1
    for _ in range(200):  # up the table to its header row, the one above the |---| rule
        if end <= 0:
            break
        start = view.rfind("\n", 0, end) + 1
        line = view[start:end].strip()
        if not line.startswith("|"):
            break
        top = start
        if line.startswith("||") and start < line_start:  # a wiki-markup header row heads its table: no rule under it
            header = view[start:end]
            break
        if _TABLE_RULE.match(line):
            above_end = start - 1
            if above_end > 0:
                top = view.rfind("\n", 0, above_end) + 1
                header = view[top:above_end]
            break
        end = start - 1
    return top, header


def _declared_table_unit(view: str, s: int, pos: int) -> tuple[float, str] | None:
    """The unit a report's table declares for the bare cell at ``pos`` of the row at ``s``: in the cell's
    column header ("数值（亿元）") or a caption over the table ("单位：亿元", "#+CAPTION: (in US$ millions)")."""
    line_start = view.rfind("\n", 0, s) + 1
    if not view.startswith("|", line_start):
        return None
    top, header = _table_top(view, line_start)
    column = view.count("|", line_start, pos) - 1
    cells = _header_cells(header)
    if 0 <= column < len(cells) and (in_header := declared_unit(cells[column])) is not None:
        return in_header
    return _caption_unit(view, top)


def _caption_unit(view: str, top: int) -> tuple[float, str] | None:
    """The unit a caption declares in one of the two lines over a table starting at ``top``."""
    above, lines = top - 1, 0
    while above > 0 and lines < 2:
        start = view.rfind("\n", 0, above) + 1
        line = view[start:above].strip()
        if line and (caption := declared_unit(line)) is not None:
            return caption
        lines += bool(line)
        above = start - 1
    return None


def _in_table_unit(view: str, s: int, e: int, v: Value) -> Value:
    """A bare figure filling its cell of a report table, in the unit the table declares: 23.1 under
    "单位：亿元" is 23.1亿元; "$2,604" under "(in millions)" is $2,604 million. Others as they are."""
    cell_start, cell_end = view.rfind("|", s, v.start), view.find("|", v.end, e)
    whole = cell_start >= 0 and cell_end >= 0 and view[cell_start + 1 : cell_end].strip() == view[v.start : v.end].strip()
    if not whole or not isinstance(v.value, float) or v.kind not in {"count", "money"}:
        return v
    label = view[s:e].strip().strip("|").split("|", 1)[0]
    if PER_SHARE.search(label):
        return v  # "EPS | 2.31" under "(in millions, except per share data)"
    # the row's own label may declare it ("研发投入（亿元）"), else its column's header or the table's caption
    return scaled_to(v, declared_unit(label) or _declared_table_unit(view, s, v.start))


def _in_spaced_table_unit(view: str, s: int, v: Value) -> Value:
    """A bare figure filling its cell of a table laid out with spaces (text pulled from a PDF: "Meridian AI
    2026Q3   1.08   840" under "表 2：…（单位：百万美元）"), in the unit its row label, its column's header (the
    block's first line) or a caption over the block declares."""
    if not isinstance(v.value, float) or v.kind not in {"count", "money"}:
        return v
    line_start = view.rfind("\n", 0, s) + 1
    line_end = view.find("\n", s) if view.find("\n", s) >= 0 else len(view)
    cells = _spaced_cells(view, line_start, line_end)
    at = next((i for i, (a, b) in enumerate(cells) if a <= v.start and v.end <= b), -1)
    if at <= 0 or view[cells[at][0] : cells[at][1]] != view[v.start : v.end] or len(cells) < 3:
        return v
    label = view[cells[0][0] : cells[0][1]]
    if PER_SHARE.search(label):
        return v
    top = line_start  # up the block of spaced lines: its first is the header
    while top > 0:
        above = view.rfind("\n", 0, top - 1) + 1
        if not _COLUMNS.search(view, above, top - 1):
            break
        top = above
    header = _spaced_cells(view, top, view.find("\n", top)) if top < line_start else []
    declared = declared_unit(label)
    if declared is None and len(header) == len(cells):
        declared = declared_unit(view[header[at][0] : header[at][1]])
    return scaled_to(v, declared or _caption_unit(view, top))


_CELL_GAP = re.compile(r" {3,}|\t+|\u3000{2,}")


_TOKEN = re.compile(r"\S+")
_NUMBER_TOKEN = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?%?")


def _plain_row(line: str) -> int:
    """The cells of a line that is a row of a table pulled from a PDF with single spaces between cells
    ("玄湖智芯 营业收入 1,420 2,600 4,100": its label cells, then two or more bare numbers), or 0."""
    tokens = line.split()
    numbers = 0
    for token in reversed(tokens):
        if not _NUMBER_TOKEN.fullmatch(token):
            break
        numbers += 1
    return len(tokens) if numbers >= 2 and len(tokens) - numbers in {1, 2} else 0


def _in_plain_table_unit(view: str, s: int, v: Value) -> Value:
    """A bare number that is a whole cell of such a row, in the unit a caption declares over the block of rows
    with as many cells and the header line above them ("单位：百万元" / "公司 指标 2025A 2026E 2027E")."""
    if not isinstance(v.value, float):
        return v
    line_start, line_end = _line_bounds(view, s)
    width = _plain_row(view[line_start:line_end])
    if not width or not any(m.span() == (v.start, v.end) for m in _TOKEN.finditer(view, line_start, line_end)):
        return v
    top = line_start
    for _ in range(50):  # up the rows of the block, then its header line of as many cells
        above = view.rfind("\n", 0, top - 1) + 1 if top > 0 else 0
        line = view[above : max(above, top - 1)]
        if top == 0 or not line.strip() or len(line.split()) != width:
            return v
        top = above
        if not _plain_row(line):
            break  # the header
    else:
        return v
    declared = _caption_unit(view, top)
    return scaled_to(v, declared) if declared is not None else v


def _spaced_cells(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of a line laid out with spaces: the runs between gaps of three spaces or more (or tabs)."""
    cells: list[tuple[int, int]] = []
    while start < end and view[start] in " \t":
        start += 1
    pos = start
    for gap in _CELL_GAP.finditer(view, start, end):
        if gap.start() > pos:
            cells.append((pos, gap.start()))
        pos = gap.end()
    stop = end
    while stop > pos and view[stop - 1] in " \t\r":
        stop -= 1
    if stop > pos:
        cells.append((pos, stop))
    return cells


@dataclass(frozen=True)
class _Window:
    """The values of a stretch of a section (sorted by start) and their starts, for bisecting."""

    values: list[_Draft]  # drafts of the window's values
    starts: list[int]


_VALUE_WINDOW = 200_000  # characters of a section whose values are read (and held) at a time
_VALUE_MARGIN = 2_000  # characters read either side of a window for figures across its edges


def _windows(view: str, section: Section) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
    """The section's sentences in consecutive windows of about ``_VALUE_WINDOW`` characters, each
    as (window start, window end, its sentences); one window for any section shorter than that. (The
    view's wrapped lines are joined already.)"""
    start = section.start
    spans: list[tuple[int, int]] = []
    for s, e in sentence_spans(view, section.start, section.end, lines_joined=True):
        if spans and s - start >= _VALUE_WINDOW:
            yield start, s, spans
            start, spans = s, []
        spans.append((s, e))
    yield start, section.end, spans


def extract_claims(report: ParsedReport) -> list[ExtractedClaim]:
    """Every atomic claim of ``report``, in text order (see :func:`iter_claims`)."""
    return list(iter_claims(report))


def iter_claims(report: ParsedReport) -> Iterator[ExtractedClaim]:
    """Every atomic claim of ``report``, in text order, one sentence at a time.

    Memory stays bounded by a window of the text, not by the number of claims: values are read
    per window of a section, and each claim is handed on as soon as its sentence is read.
    Claims in summary sections and opinion passages (为什么重要, 一句话判断…) are kept with
    ``checkworthy=False`` unless they carry a concrete figure or date.
    """
    # (a LaTeX source's claims are quoted as the text it typesets; a CSV row's figure with its unit cell)
    text = document_view(report.text)
    view = matching_view(text)
    if wraps := _wrapped_lines(report, view):
        # a line broken inside a sentence (text pulled from a PDF: "拟投资不超过 96.5\n亿元建设") reads as one
        # line: the break is a space to the readers and in the sentence a claim is judged by
        view, joined = _as_spaces(view, wraps), _joined_words(_as_spaces(text, wraps), wraps)
    else:
        joined = text
    mask = noise_mask(report, view)
    year = report.date.year if report.date else None
    # the view is its own view unless t2s changes some of its characters again: then each window
    # is normalised once more, as parse_values always did
    normalised = to_simplified(view) is view
    # a message's stamp and sender ("[27/12/2026, 09:16:48] Tom Okafor: …", "[10:41] raj: …") are no words of the
    # sentence it opens: the sender is who says it, not whom it speaks of (a media time's label, "52:30 Xinheng:",
    # is a chapter's topic, and stays)
    label_end = {s: e for s, e in speaker_labels(view) if is_message_stamp(view, s)}
    for section in report.sections:
        ctx = _section_context(view, section, mask, year)
        previous, carried = "", ""  # the section's sentence before, and whom it spoke of
        for a, b, spans in _windows(view, section):
            found = sorted(_window_values(view, section, a, b, mask, report.date, normalised), key=_START)
            window = _Window(found, [d.start for d in found])
            for s, e in spans:
                if s in label_end:
                    s = label_end[s]
                    while s < e and view[s] in " \t":
                        s += 1
                    if (pointer := members_link_named(view, s)) is not None:
                        s = pointer[1]  # "re Priya's link:": which page it speaks of (its citation), no claim's words
                    if s >= e:
                        continue
                sentence = joined[s:e]
                carried = antecedent(sentence, previous, carried)
                yield from _sentence_claims(report, text, view, mask, ctx, window, s, e, joined, carried)
                previous = sentence


def _sentence_claims(
    report: ParsedReport,
    text: str,
    view: str,
    mask: bytearray,
    ctx: _SectionContext,
    window: _Window,
    s: int,
    e: int,
    joined: str,
    spoken_of: str = "",
) -> Iterator[ExtractedClaim]:
    """The claims of sentence [s, e), sorted by span; a span found twice is one claim. ``joined``: the
    report's text with its lines broken inside a sentence joined (by a space), what the sentence says;
    ``spoken_of``: whom the sentence speaks of when it opens on a description (claims.antecedents)."""
    if mask.find(0, s, e) < 0:  # all noise
        return
    drafts = _sentence_drafts(report, view, mask, ctx, window, s, e)
    if not drafts:
        return
    section = ctx.section
    # a sentence that names no one is about its section's subject ("该 blueprint 集成…")
    entities = entities_in(view[s:e]) or ctx.heading_entities
    topics = topics_in(view[s:e])
    # summaries, opinion passages and the lead under the report's title are analysis
    # (… unless the lead's sentence cites a page of its own: "*Headline:* … ([release|https://…])")
    # (… a lead, not a body: a show's description of several paragraphs, its links listed below, is the report)
    lead = (
        section.order == 0 and section.kind == "other" and section.heading in ("", report.title) and "://" not in view[s:e]
        and not _body_paragraphs(view, section.start, section.end)
    )
    opinion = lead or section.kind == "summary" or _inside(ctx.opinion, s)
    seen: set[tuple[int, int]] = set()
    sentence = joined[s:e]
    for d in sorted(drafts, key=_SPAN):
        if (d.start, d.end) in seen:
            continue
        seen.add((d.start, d.end))
        checkworthy = not opinion or (d.kind in _NUMERIC and d.kind != "version")
        claim = _claim(text, view, d, s, e, ctx, checkworthy, entities, topics, sentence)
        yield replace(claim, antecedent=spoken_of) if spoken_of else claim


def _fact_value(key: str) -> str:
    return " ".join(key.split())
