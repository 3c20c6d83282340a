"""Align before comparing (pure): what a figure measures, read around the figure itself.

A claim's figure and a page's figure are comparable only when they measure the same thing. Each is
read as a *frame*: the words of the clause the figure sits in (its **measure**: revenue, valuation,
context window …), the **period** it is stated for (a quarter, a half, a fiscal or calendar year), its
**direction** (up / down) — the value comes last. A page figure in the claim's frame that agrees
supports the claim; one that differs contradicts it, whatever its value; a figure in another frame
(another period, another measure, a figure the page itself says was revised) says nothing.

Only clause-local text is read for a page figure: the passage's other sentences talk about other
figures. The passage's heading and a table row's header row are part of every clause in it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claims.bridge import bridge, content_words, has_han, widen
from claims.lexicon import topics_in
from claims.model import Value
from claims.textnorm import matching_view, to_simplified
from claims.units import BYTES as _BYTES
from claims.units import FLOPS as _FLOPS
from claims.units import WATTS as _WATTS
from claims.values import cn_number, link_speeds

__all__ = [
    "ClaimFrame",
    "span_marks",
    "year_before",
    "compared_direction",
    "reaches_level",
    "claim_frame",
    "clause_span",
    "clause_words",
    "period_marks",
    "own_years",
    "CHANGE_BASES",
    "period_end_before",
    "bases_named",
    "basis_marks",
    "comparison_basis",
    "periods_conflict",
    "direction_of",
    "stale_spans",
    "measure_key",
    "figure_role",
    "is_base_figure",
    "trailing_change",
    "noun_terms",
    "round_marks",
    "names_a_lead",
]

# clause boundaries: CJK and Latin punctuation; a comma between digits (1,489) is not one, nor the comma of a
# date before its year ("as of June 30, 2026")
_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d|\s(?:19|20)\d{2}\b)|[，;；。！？!?\n：·|]|:(?!\d)|(?<=[a-z)%\"”’\]])\.\s|(?<=\d)\.\s+(?=[A-Z])|\s[–—]\s|、(?=\D)")


_REACH = 300  # a clause is read at most this far either side of the figure (bounded work per figure)


def clause_span(text: str, start: int, end: int, *, min_chars: int = 0) -> tuple[int, int]:
    """The clause of ``text`` that holds ``[start, end)``; widened to the clause before it while
    shorter than ``min_chars`` (a bare "估值 Y" leans on the clause that names what is valued)."""
    left = max(0, start - _REACH)
    for m in _CLAUSE_END.finditer(text, left, max(0, start)):
        left = m.end()
    nxt = _CLAUSE_END.search(text, end, end + _REACH)
    right = nxt.start() if nxt else min(len(text), end + _REACH)
    while right - left < min_chars and left > 0:
        prev = max(0, left - 1 - _REACH)
        for m2 in _CLAUSE_END.finditer(text, prev, max(0, left - 1)):
            prev = m2.end()
        left = prev
    return left, right


_LABEL_COLON = re.compile(r"\s*(?:[:：]|[—–](?=\s))\s*")  # "$0.02: …", "**74.6%** — Halden 3.5's score …"


def label_of(sentence: str, at: int, end: int) -> tuple[int, int] | None:
    """Where the words a figure at ``[at, end)`` is a label of are (see ``_label_span``)."""
    s, e = clause_span(sentence, at, end)
    return _label_span(sentence, s, at, end, e)


def _label_span(sentence: str, s: int, at: int, end: int, e: int) -> tuple[int, int] | None:
    """The words a figure is a label of, when it alone opens its clause ``[s, e)`` and a colon or a dash
    follows it ("* $0.02: Saga 4 Lite's price per million input tokens", "**74.6%** — Halden 3.5's score
    on LongHaul-QA"): those words say what it measures. None for any other figure."""
    if re.search(r"\w", sentence[s:at] + sentence[end:e]) or not (m := _LABEL_COLON.match(sentence, e)):
        return None
    return m.end(), clause_span(sentence, m.end(), m.end())[1]


def noun_terms(noun: str | None) -> frozenset[str]:
    """What a figure counts, as stemmed English words: "availability zones" → {availabl, zone}; a
    Chinese noun through the dictionary bridge (地域 → {region, area, distric}; empty when unknown)."""
    return widen(clause_words(noun)) if noun else frozenset()


@lru_cache(maxsize=65536)
def clause_words(text: str) -> frozenset[str]:
    """Stemmed English words of a clause; Chinese words through the dictionary bridge."""
    words = set(content_words(text))
    if has_han(text):
        # Traditional script through the Simplified dictionary words (募資淨額 is 募资净额 to jieba), Taiwan's
        # words read as the mainland's as a claim's sentence and a page's passages are (啟用 as 激活)
        simplified = matching_view(text)
        for bw in bridge(simplified):
            words |= bw.english
        # … and the lexicon's terms, as a claim's words are read (所得款项净额: net proceeds)
        for en in topics_in(simplified):
            words.update(_english_words(en))
    return frozenset(words)


# what a segment leaves out of its measure: "DRAM revenue excluding HBM", "ex-HBM", 不含税, 剔除汇率影响后
_EXCLUDING = re.compile(
    r"\b(?:excluding|excludes|exclusive\s+of|except(?:\s+for)?|other\s+than|not\s+including|ex-)\s*"
    r"|(?:不含|不包括|不包含|剔除|扣除|除去|除)", re.I
)
# … up to where the left-out phrase ends: a delimiter, a verb or linking word, a figure
_EXCLUDED_END = re.compile(
    r"[,;:()，。；：（）、\d$€£¥]|\s(?:was|were|is|are|of|at|to|and|rose|fell|grew|came|totall?ed|reached|in|for)\b"
    r"|[后後外的为為]|以外", re.I
)


def starts_leaving_out(clause: str) -> bool:
    """Does a clause open by leaving something out ("Excluding HBM,", "剔除汇率影响后，")?"""
    m = _EXCLUDING.search(clause, 0, 24)
    return m is not None and not clause[: m.start()].strip(" \t\n*-•（(")


def excluded_words(segment: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words a segment names only to leave them out of its measure ("DRAM revenue excluding HBM": {hbm}), a few
    words after each marker, and the words of the rest of it ({dram, revenu}); both empty when it leaves nothing out."""
    out: set[str] = set()
    kept: list[str] = []
    at = 0
    for m in _EXCLUDING.finditer(segment):
        rest = segment[m.end() : m.end() + 40]
        end = _EXCLUDED_END.search(rest)
        stop = m.end() + (end.start() if end is not None else len(rest))
        if segment[m.end() : stop].strip():
            out |= clause_words(segment[m.end() : stop])
            kept.append(segment[at : m.start()])
            at = stop
    if not out:
        return frozenset(), frozenset()
    kept.append(segment[at:])
    return frozenset(out), clause_words(" ".join(kept))


@lru_cache(maxsize=1024)
def _english_words(en: str) -> frozenset[str]:
    return frozenset(content_words(en))


# ---------------------------------------------------------------- periods

_ORD = {"first": "1", "second": "2", "third": "3", "fourth": "4", "一": "1", "二": "2", "三": "3", "四": "4"}
_QUARTER_CODE = re.compile(r"\b([1-4])Q(FY)?['’]?(\d{4}|\d{2})?\b")
_QUARTER = re.compile(
    r"(?<![A-Za-z0-9])Q([1-4])(?![A-Za-z0-9])|\b(first|second|third|fourth)[- ]quarter\b"
    # 第三季度, 第三季, and a fiscal quarter: 第四财季, 第二财政季度 (a fiscal year's quarter; 财年 says fiscal)
    r"|(?<![前上下])(?:第?([一二三四1-4])\s*季度|第([一二三四1-4])(?:[财財]政|[财財])?季(?!节))",
    re.IGNORECASE,
)
# one quarter, unnamed: "in the quarter", "for the quarter", 单季, 本季度 (not "the quarter ended …", a period's end)
_ONE_QUARTER = re.compile(r"\b(?:in|for|during|over)\s+the\s+quarter\b(?!\s+(?:ended|ending|to)\b)|单季|單季|本季度", re.I)
# the first months of a year, counted from January: "the first three months" / 1-3月 is Q1, six months
# H1, nine months (前三季度, "the first three quarters") the three quarters together (前三个月 is left
# out: it is as often "the previous three months")
_FIRST_MONTHS = re.compile(
    r"\bfirst (three|six|nine) months\b|\bfirst three quarters\b|前三季度|(?<![\d.])1\s*[-–至到]\s*([369])\s*月",
    re.IGNORECASE,
)
# "the first, second and third quarters": each quarter of the list
_QUARTER_LIST = re.compile(
    r"\b((?:(?:first|second|third|fourth)(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+))+(?:first|second|third|fourth))\s+quarters\b",
    re.IGNORECASE,
)
# a calendar quarter written as its months: "the October-December quarter", "July–September", 7-9月, 10月至12月
_MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_MONTH_WORD = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\bmonths\b")
_MONTH_QUARTER = re.compile(
    r"\b(Jan(?:uary)?|Apr(?:il)?|Jul(?:y)?|Oct(?:ober)?)\.?\s*(?:-|–|—|to|through)\s*(Mar(?:ch)?|Jun(?:e)?|Sep(?:t|tember)?|Dec(?:ember)?)\b\.?"
    r"(?=\s+(?:quarter|period|three months))"
    r"|(?<![\d.])(1|4|7|10)\s*(?:月份?)?\s*(?:-|–|—|~|至|到)\s*(3|6|9|12)\s*月",
    re.IGNORECASE,
)
_MONTH_RANGE_MARK = {(1, 3): "q1", (4, 6): "q2", (7, 9): "q3", (10, 12): "q4"}


def _month_number(word: str) -> int:
    return int(word) if word.isdigit() else _MONTH_NAMES.split("|").index(word[:3].lower()) + 1


_MONTHS_MARK = {"three": "q1", "3": "q1", "six": "h1", "6": "h1", "nine": "q123", "9": "q123"}
# the months a figure is counted over: one month (11月, "November revenue") or the months from January (前11月,
# 1-11月, "Jan–Nov", "the first eleven months"), marked n11 and n1-11; a month with its day (11月9日, "Nov. 9") is
# a date, a number of months (3个月) no month
_CN_MONTH = "十[一二]|[一二三四五六七八九十]"
_EN_MONTHS = (  # (capitalised: "may" is no month, "Marketing" none)
    r"(?-i:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?))\b\.?"
)
_COUNTED = {w: i for i, w in enumerate(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 2)}
_MONTHS_FROM_JANUARY = re.compile(
    r"(?<![\d.])(?:前|1\s*月?\s*(?:-|–|—|~|至|到))\s*(\d{1,2}|" + _CN_MONTH + r")\s*(?:个|個)?月"
    r"|\b(?-i:Jan(?:uary)?)\.?\s*(?:-|–|—|to|through)\s*" + _EN_MONTHS +
    r"|\bfirst (two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) months\b",
    re.I,
)
_ONE_MONTH = re.compile(
    r"(?<![\d.\-/前])(\d{1,2}|" + _CN_MONTH + r")\s*月(?:份)?(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号號])"
    r"|\b" + _EN_MONTHS + r"(?!\.?\s*\d{1,2}(?:st|nd|rd|th)?\b)",
    re.I,
)
_MONTH_AS_POINT = re.compile(
    r"(?:[较較比从從自至到]|相[比较較]|截至|截止|\b(?:since|from|than|versus|as of|through|until|by|end of"
    r"|(?:ending|ended|ends|closing|closed)(?: in)?(?: (?:early|mid|late))?)\s+)\s*$",
    re.I,
)
_MONTH_PART = re.compile(r"\s*(?:末|底|初|[上中下]旬|以来|以來)")


def _month_count(word: str) -> int | None:
    """A month's number, or a count of months, however written: 11, 十一, "eleven", "Nov"."""
    word = word.lower()
    if word.isdigit():
        n: int | None = int(word)
    elif has_han(word):
        n = int(read) if (read := cn_number(word)) is not None else None
    elif word in _COUNTED:
        n = _COUNTED[word]
    else:
        n = _month_number(word) if word[:3] in _MONTH_NAMES.split("|") else None
    return n if n is not None and 1 <= n <= 12 else None


def month_marks(text: str) -> frozenset[str]:
    """``n11`` for a figure of one month, ``n1-11`` for one counted from January to November."""
    marks: set[str] = set()
    spans = []  # the months from January: none of their months is one of its own
    for m in _MONTHS_FROM_JANUARY.finditer(text):
        if (n := _month_count(next(g for g in m.groups() if g))) is not None and n > 1:
            marks.add(f"n1-{n}")
        spans.append((m.start(), m.end()))
    for m in _ONE_MONTH.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        if _MONTH_AS_POINT.search(text, max(0, m.start() - 24), m.start()) or _MONTH_PART.match(text, m.end()):
            continue  # a month a change is measured from or a total runs to (较6月末, "since June"): no figure's month
        if (n := _month_count(next(g for g in m.groups() if g))) is not None:
            marks.add(f"n{n}")
    return frozenset(marks)


def _months_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """One clause counts its figure over months from January the other does not ("Jan–Nov" against 11月, or
    against "Jan–Oct"); two single months apart are left alone (a month is as often an event's)."""
    na, nb = {m for m in a if m[0] == "n"}, {m for m in b if m[0] == "n"}
    return bool(na and nb and not na & nb and any("-" in m for m in na | nb))


_FISCAL_QUARTER = re.compile(r"(?<![A-Za-z0-9])FY\s?'?((?:20)?\d{2})\s?-?Q([1-4])(?![A-Za-z0-9])", re.I)
_HALF = re.compile(r"(?<![A-Za-z0-9])H([12])(?![A-Za-z0-9])|\b(first|second) half\b|([上下])半年", re.IGNORECASE)
_FISCAL = re.compile(r"\bfiscal\b|\bFY\s?'?\d{2,4}\b|财年|財年|财政年度|会计年度|[财財](?:政)?季", re.IGNORECASE)
_FISCAL_YEAR = re.compile(
    r"\bfiscal(?: year)?\s+((?:19|20)\d{2})\b|\bFY\s?'?((?:19|20)?\d{2})\b|((?:19|20)\d{2})\s*(?:财年|財年|财政年度|会计年度)", re.I
)
_CALENDAR = re.compile(r"\bcalendar(?: year)?\b|自然年|日历年", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.])(?<!\d,)((?:19|20)\d{2})(?![\d%]|[.,]\d)")


# a quarter a change is measured from is its base, not its period: "up 11% from Q4", 較第四季成長 11%
_BASE_QUARTER = re.compile(
    r"(?:\b(?:up|down|higher|lower|rose|fell|grew|gained|increased|decreased|declined|jumped|climbed|dropped|slipped)\b"
    r"[^,;，；。]{0,40}?\b(?:from|than|over|versus|vs\.?|compared (?:with|to))\s+(?:the\s+)?"
    r"|(?:[较較]|(?<![占对對])比(?![例重率])|相[比较較]於?于?)\s*(?:(?:\d{4}|上|去)\s*年度?\s*)?)"
    r"(?P<q>Q[1-4](?![A-Za-z0-9])|(?:first|second|third|fourth)[- ]quarter\b|第?[一二三四1-4]\s*季度?)",
    re.I,
)


def period_marks(text: str, *, skip: tuple[int, int] | None = None) -> frozenset[str]:
    """The periods a clause states: ``q1``…``q4``, ``h1``/``h2``, ``fiscal``/``calendar``, ``y2026``,
    and the funding round it is of (``rC``); a quarter a change is measured from is none of them.
    ``skip`` is the figure's own span (a claimed year is the value, not its period)."""
    marks: set[str] = set()
    if "Q" in text or "q" in text or "季" in text:
        text = _BASE_QUARTER.sub(lambda m: m.group(0)[: m.start("q") - m.start()] + " " * len(m.group("q")), text)
    for m in _QUARTER.finditer(text):
        cn = m.group(3) or m.group(4)  # 第三季度, and 第三季 as Taiwan's press writes a quarter
        q = m.group(1) or _ORD.get((m.group(2) or "").lower()) or _ORD.get(cn or "", cn)
        if q:
            marks.add(f"q{q}")
    for m in _FISCAL_QUARTER.finditer(text) if "FY" in text or "fy" in text else ():  # "FY27Q3": the year first
        year = m.group(1) if len(m.group(1)) == 4 else "20" + m.group(1)
        marks |= {f"q{m.group(2)}", f"fy{year}", "fiscal"}
    for m in _QUARTER_CODE.finditer(text):  # "2Q27", "4QFY26": the quarter first, then its year
        marks.add(f"q{m.group(1)}")
        if m.group(3):
            year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
            marks |= {f"fy{year}", "fiscal"} if m.group(2) else {f"y{year}"}
    for m in _HALF.finditer(text):
        h = m.group(1) or {"first": "1", "second": "2", "上": "1", "下": "2"}.get((m.group(2) or m.group(3) or "").lower())
        if h:
            marks.add(f"h{h}")
    for m in _QUARTER_LIST.finditer(text):
        marks |= {f"q{_ORD[w.lower()]}" for w in re.findall(r"[A-Za-z]+", m.group(1)) if w.lower() in _ORD}
    for m in _FIRST_MONTHS.finditer(text):
        marks.add(_MONTHS_MARK.get((m.group(1) or m.group(2) or "nine").lower(), "q123"))
    if not any(x[0] == "q" for x in marks) and _ONE_QUARTER.search(text):
        marks.add("qx")  # "revenue in the quarter": one quarter, which one unsaid
    for m in _MONTH_QUARTER.finditer(text):
        if (quarter := _MONTH_RANGE_MARK.get((_month_number(m.group(1) or m.group(3)), _month_number(m.group(2) or m.group(4))))):
            marks |= {quarter, "months"}  # (a calendar quarter: no fiscal quarter's number)
    if _FISCAL.search(text):
        marks.add("fiscal")
        for m in _FISCAL_YEAR.finditer(text):  # which fiscal year: "fiscal 2027", "FY27", "2027 财年"
            year = m.group(1) or m.group(2) or m.group(3)
            marks.add(f"fy{year if len(year) == 4 else '20' + year}")
    if _CALENDAR.search(text):
        marks.add("calendar")
    for m in _YEAR.finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        marks.add(f"y{m.group(1)}")
    marks |= {f"r{r}" for r in round_marks(text)}  # a figure of the Series B is not one of the Series C
    marks |= span_marks(text)
    if "月" in text or _MONTH_WORD.search(text):
        marks |= month_marks(text)
    return frozenset(marks)


# the stretch of time a total runs over, counted back from now: this week's financing is not the year's so far
_SPANS = (
    ("sweek", re.compile(r"本周|本週|这周|這週|\bthis week\b", re.I)),
    ("smonth", re.compile(r"本月|这个月|這個月|\bthis month\b", re.I)),
    ("sytd", re.compile(r"今年以来|今年以來|今年已|年初至今|年初以来|年初以來|今年迄今|\byear[- ]to[- ]date\b|\bso far this year\b|\bYTD\b", re.I)),
)


def span_marks(text: str) -> frozenset[str]:
    """``sweek`` / ``smonth`` / ``sytd``: the span back from now a clause's figure is totalled over."""
    return frozenset(mark for mark, pattern in _SPANS if pattern.search(text))


_YEAR_AT = re.compile(_YEAR.pattern + r"\s*(?:年度?|财年|財年)?")  # a year with its 年 / 财年
# a word between a year and a figure that joins the figure to another: the year is that other's
_JOINS = re.compile(r"\b(?:to|from|and|versus|vs|while|compared|against|than)\b|[至到从從由较較和与與及，,;；]", re.I)


def own_years(clause_marks: frozenset[str], text: str, start: int, end: int, lo: int, hi: int) -> frozenset[str]:
    """A clause naming several years gives a figure the year written next to it in ``[lo, hi)`` (its
    segment), not across a word that joins it to another figure ("由2026年的14.2%提高至2027年的17.5%",
    "from 14.2% in 2026 to 17.5% in 2027"); the clause's other marks stay."""
    years = {m for m in clause_marks if m[0] == "y"}
    if len(years) < 2:
        return clause_marks
    best: tuple[int, str] | None = None
    for m in _YEAR_AT.finditer(text, lo, hi):
        if m.end() > start and m.start() < end:
            continue  # (the figure itself)
        gap = text[m.end() : start] if m.end() <= start else text[end : m.start()]
        if _JOINS.search(gap):
            continue
        if best is None or len(gap.strip()) < best[0]:
            best = (len(gap.strip()), m.group(1))
    return (clause_marks - years) | {f"y{best[1]}"} if best else clause_marks


def _figure_years(
    marks: frozenset[str], text: str, start: int, end: int, segment: tuple[int, int],
    value_spans: Sequence[tuple[int, int]], clause: tuple[int, int],
) -> frozenset[str]:
    """own_years, when the clause holds another figure of the same kind the years may belong to (one
    figure in a clause of two years is of both: "9 countries' young people born between 1980 and 2000";
    "the 12 months from August 2015 to July 2016" are no second rate)."""
    others = [(a, b) for a, b in value_spans if clause[0] <= a < clause[1] and not start <= a < end]
    if not others:
        return marks
    years = {m for m in marks if m[0] == "y"}
    if len(years) == 1 and _year_of_another(text, start, end, others, clause):
        return marks - years  # "… to about $3.6 billion and pencilled in 2027 capex of $14 billion": the capex's year
    return own_years(marks, text, start, end, *segment)


def _year_of_another(
    text: str, start: int, end: int, others: Sequence[tuple[int, int]], clause: tuple[int, int]
) -> bool:
    """Every year the clause writes stands across a joining word from the figure, on the side of another figure
    ("to about $3.6 billion at the midpoint and pencilled in 2027 capex of $14 billion")."""
    found = [m for m in _YEAR_AT.finditer(text, clause[0], clause[1]) if not (m.end() > start and m.start() < end)]
    return bool(found) and all(
        (m.start() >= end and _JOINS.search(text[end : m.start()]) is not None and any(a >= m.end() for a, _b in others))
        or (m.end() <= start and _JOINS.search(text[m.end() : start]) is not None and any(b <= m.start() for _a, b in others))
        for m in found
    )


def _distinct_hits(groups: Sequence[frozenset[str]], words: frozenset[str]) -> int:
    """How many of ``groups`` ``words`` hit, groups sharing a term counted once (收入 read as the noun and as a
    word of the clause is one concept, not two)."""
    hit: list[set[str]] = []
    for g in groups:
        if not g & words:
            continue
        joined = [h for h in hit if h & g]
        merged = set(g).union(*joined)
        hit = [h for h in hit if not h & g] + [merged]
    return len(hit)


def part_of_year(text: str) -> frozenset[str]:
    """The quarters and halves ``text`` names (``q3``, ``h1``): the part of a year a figure is for."""
    return frozenset(m for m in period_marks(text) if m[0] in "qh")


def part_of_year_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a quarter, a half year or the first months of one ("the first nine months")."""
    return sorted(m.span() for pattern in (_QUARTER, _HALF, _FIRST_MONTHS) for m in pattern.finditer(text))


def periods_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two clauses speak of different periods: both name a quarter (or half, or year) and none is
    shared, or one says fiscal where the other says calendar."""
    # a quarter written as its calendar months says nothing of a fiscal quarter's number ("the
    # July-September quarter" is a Japanese company's fiscal second)
    months_against_fiscal = ("months" in a and "fiscal" in b) or ("months" in b and "fiscal" in a)
    if ("qx" in a and _SEVERAL_QUARTERS & b) or ("qx" in b and _SEVERAL_QUARTERS & a):
        return True  # one quarter's figure is not the nine months' ("in the quarter" against "the first nine months")
    for prefix in ("q", "h", "y", "fy", "r", "b", "s"):
        if prefix == "q" and months_against_fiscal:
            continue
        pa = {m for m in a if m.startswith(prefix) and m != "qx"}
        pb = {m for m in b if m.startswith(prefix) and m != "qx"}
        if pa and pb and not pa & pb:
            return True
    if ("fiscal" in a and "calendar" in b) or ("calendar" in a and "fiscal" in b):
        return True
    if _quarter_against_half(a, b) or _quarter_against_half(b, a):
        return True  # a half year's figure is no quarter's (the H1 column against "Q2")
    if _months_conflict(a, b):
        return True  # November's growth is not that of January to November
    return _calendar_against_fiscal(a, b) or _calendar_against_fiscal(b, a)


_SEVERAL_QUARTERS = frozenset({"q123", "h1", "h2"})


def _quarter_against_half(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(m[0] == "q" for m in a) and not any(m[0] == "h" for m in a) and any(m[0] == "h" for m in b) and not any(
        m[0] == "q" for m in b
    )


def _calendar_against_fiscal(a: frozenset[str], b: frozenset[str]) -> bool:
    """``a`` names a quarter or half of a calendar year that is not the fiscal year ``b`` names it of:
    "the third quarter of 2026" against "the third quarter of fiscal 2027, ended October 26, 2026"."""
    if "fiscal" in a or not any(m[0] in "qh" for m in a):
        return False
    fiscal_years = {m[2:] for m in b if m.startswith("fy")}
    years = {m[1:] for m in a if m[0] == "y"}
    return bool(fiscal_years and years and not years & fiscal_years)


# ---------------------------------------------------------------- what a change is measured against

# a change against the same period a year before (同比, 年增, "year over year", "from a year ago") or
# against the period just before (环比, 月增 / 季增, "sequentially", "from the previous quarter"): the
# same rise given against the other base is another figure
_YEAR_BASIS = (
    r"同比|年[增减減]|(?:较|比|較)(?:去年|上年|上一年|前一年)(?:同期)?|(?:去年|上年)同期"
    r"|\byear[- ](?:over|on)[- ]year\b|\by(?:/?o/?|/)y\b|\bfrom a year (?:ago|earlier|before)\b"
    r"|\b(?:a|the) year[- ](?:ago|earlier)\b|\bsame (?:quarter|period|month|time) (?:a year (?:ago|earlier)|last year|of (?:the previous|last) year)\b"
)
_STEP_BASIS = (
    r"环比|環比|[季月][增减減]|(?:较|比|較)上(?:一)?(?:个)?(?:季度?|月)"
    r"|\bsequential(?:ly)?\b|\b(?:quarter|month)[- ](?:over|on)[- ](?:quarter|month)\b|\b[qm](?:/?o/?|/)[qm]\b"
    r"|\b(?:from|than|over|versus|compared (?:with|to)) the (?:previous|prior|preceding|last) (?:quarter|month)\b"
    # (a quarter named as the base, with no year of its own: "up 11% from Q4", 較第四季成長 11%)
    r"|\b(?:from|than|over|versus|vs\.?|compared (?:with|to))\s+(?:the\s+)?(?:Q[1-4]|(?:first|second|third|fourth)[- ]quarter)\b(?!,?\s*(?:of\s+)?(?:FY|fiscal\s+)?'?\d{2})"
    r"|(?:较|比|較)第?[一二三四1-4]\s*季度?(?![0-9])"
)
_BASIS = re.compile(f"(?P<year>{_YEAR_BASIS})|(?P<step>{_STEP_BASIS})", re.I)


# "for the quarter ended October 25", 截至2026年10月25日: a period's end, not an event's date
_PERIOD_END = re.compile(r"\b(?:ended|ending|ends|as\s+of|through|to|the\s+end\s+of)\s*$|(?:截至|截止|至)\s*$", re.IGNORECASE)


_PERIOD_CLOSE = re.compile(r"\b(?:ended|ending|as\s+of)\s*$|(?:截至|截止)(?:日期?为?)?\s*$", re.IGNORECASE)


def period_end_before(text: str, start: int, *, strict: bool = False) -> bool:
    """Does the date at ``start`` of ``text`` end a period ("quarter ended October 25", 截至10月25日)? ``strict``:
    said so in so many words (not "to" or 至, which also move an event: "postponed to March 5")."""
    return (_PERIOD_CLOSE if strict else _PERIOD_END).search(text, max(0, start - 24), start) is not None


CHANGE_BASES = frozenset({"byoy", "bstep"})  # the marks ``comparison_basis`` gives a change


def bases_named(text: str) -> frozenset[str]:
    """Every base ``text`` names ("本报告期比上年同期增减变动幅度(%)" → byoy): a column header's, say."""
    return frozenset("byoy" if m.group("year") else "bstep" for m in _BASIS.finditer(text))


def basis_marks(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> frozenset[str]:
    basis = comparison_basis(text, start, end, [o for o in others if o != (start, end)])
    return frozenset({basis}) if basis else frozenset()


def comparison_basis(text: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()) -> str | None:
    """``"byoy"`` when the figure at ``[start, end)`` is a change against the same period a year before,
    ``"bstep"`` against the period just before, else None: the base said nearest the figure in its own
    clause, cut at the figures before and after it ("up 18% from the previous quarter and up 41% from a
    year ago": 18% is sequential, 41% year on year)."""
    s, e = segment_span(text, start, end, list(others), min_chars=0)
    best: tuple[int, str] | None = None
    for m in _BASIS.finditer(text, s, e):
        if start <= m.start() < end:
            continue
        gap = start - m.end() if m.end() <= start else m.start() - end
        mark = "byoy" if m.group("year") else "bstep"
        if best is None or gap < best[0]:
            best = (gap, mark)
    return best[1] if best else None


# ---------------------------------------------------------------- funding rounds and roles

_ROUND = re.compile(r"\bSeries\s+([A-H])\b|(?<![A-Za-z])([A-H])\s*轮|\bPre-([A-H])\b")
_LEAD_ROLE = re.compile(r"\b(?:led|leads|co-led|lead investor|leading the round)\b|领投|牵头|领衔", re.I)


def round_marks(text: str) -> frozenset[str]:
    """The funding rounds a clause names: "Series C", "C 轮" → {"C"}; "Pre-A" → {"pre-A"}."""
    out: set[str] = set()
    for m in _ROUND.finditer(text):
        out.add(f"pre-{m.group(3)}" if m.group(3) else (m.group(1) or m.group(2)))
    return frozenset(out)


def round_mark_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a funding round ("Series B", "C 轮")."""
    return [m.span() for m in _ROUND.finditer(text)]


def names_a_lead(text: str) -> bool:
    """The clause says who led (a round, a consortium): led by, lead investor, 领投, 牵头."""
    return bool(_LEAD_ROLE.search(text))


# ---------------------------------------------------------------- direction

_NEGATIVE_GROWTH = re.compile(r"负增长|negative growth", re.I)
_UP = re.compile(
    # ("made up 68% of revenue", "set up", "signed up": a share, a founding, a sign-up, no rise)
    r"增长|成长|增加|上升|上涨|提升|提高|年增|同比增|涨|升|攀升|扩大|上调|调高|\b(?:(?<!\bmade )(?<!\bmake )(?<!\bmakes )(?<!making )(?<!\bset )"
    r"(?<!signed )(?<!\bsign )up|rose|ris(?:e[sn]?|ing)|grew|grow(?:s|n|th|ing)?|gain(?:ed|s|ing)?"
    r"|increas(?:e[sd]?|ing)|jump(?:ed|s|ing)?|climb(?:ed|s|ing)?|surg(?:e[sd]?|ing)|soar(?:ed|s|ing)?"
    r"|rebound(?:ed|s|ing)?|expand(?:ed|s|ing)?|widen(?:ed|s|ing)?|higher|boost(?:ed|s|ing)?)\b",
    re.I,
)
_DOWN = re.compile(
    r"下降|下滑|减少|下跌|降低|年减|同比减|跌|降|萎缩|贬值|减半|腰斩|收窄|下调|调低|\b(?:down|fell|fall(?:s|en|ing)?|drop(?:ped|s|ping)?"
    r"|declin(?:e[sd]?|ing)|depreciat(?:ed|es|ion|ing)|decreas(?:e[sd]?|ing)|shr[ua]nk|shrink(?:s|ing)?"
    r"|slump(?:ed|s|ing)?|slip(?:ped|s|ping)?|dip(?:ped|s|ping)?|sank|sink(?:s|ing)?|plung(?:e[sd]?|ing)"
    r"|tumbl(?:e[sd]?|ing)|contract(?:ed|s)?|lower|cuts?|reduc(?:e[sd]?|ing)|slash(?:ed|es|ing)?|trimm(?:ed|ing)"
    # (a loss that narrowed shrank; a gap narrowed to a rival is a closing in, no fall: "narrowing the efficiency gap")
    r"|halv(?:ed|ing)|(?<!gap )(?<!gaps )narrow(?:ed|s|ing)?(?!\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[\w-]+\s+)?gap))\b",
    re.I,
)


# nouns that hold a direction word and say no change: 工业增加值 (value added), 附加值
_NOT_A_CHANGE = re.compile(r"增加值|附加值|value[- ]added", re.I)

_AFTER_UP = re.compile(r"\s*(?:above|over|higher than|more than)\b", re.I)
_AFTER_DOWN = re.compile(r"\s*(?:below|under|lower than|less than)\b", re.I)


def offset_direction(text: str, end: int) -> int:
    """+1 / -1 when the figure ending at ``end`` is written as a difference from another ("closed
    27.4% above the offer price", "12% below last year's"), 0 otherwise."""
    if _AFTER_UP.match(text, end):
        return 1
    if _AFTER_DOWN.match(text, end):
        return -1
    return 0


def direction_of(text: str, value: float | None = None) -> int:
    """+1 when the clause says a figure went up, -1 down, 0 when it says neither or both; a negative
    figure (-1.5%, 负增长 1.5%) went down."""
    if value is not None and value < 0:
        return -1
    if has_han(text):
        text = to_simplified(text)  # 年減 → 年减: pages in Traditional script are read as written
    text = _NEGATIVE_GROWTH.sub(" down ", _NOT_A_CHANGE.sub(" ", text))
    up, down = bool(_UP.search(text)), bool(_DOWN.search(text))
    return 0 if up == down else (1 if up else -1)


# ---------------------------------------------------------------- roles in a change

# the figure a change started from: "from $24.5 billion", "up from 14%", "compared with $1.67 billion",
# "较 2025 年的 12.8 万", "从 12.8 万 token"; the figure it went to: "to 9%", "提升至 100 万", "增至"
_FROM_BEFORE = re.compile(
    r"(?:\b(?:(?:up|down) from|from|compared (?:with|to)|versus|vs\.?|against|(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!rather )(?<!other )than)|[从由较]|(?<![占对對])比)\s*"
    r"(?:the\s+|a\s+|an\s+|[\w\-. ]{1,16}?\s*的\s*|(?:(?:its|the|their|a)\s+)?(?:previous|prior|earlier|original|initial|old)\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|约|近)?(?:[A-Z]{0,3}[$€£¥]\s?)?$",
    re.I,
)
_TO_BEFORE = re.compile(r"(?:\bto|[至到])\s*(?:[A-Z]{0,3}[$€£¥]\s?)?$")
# a Chinese verb of change with 至/到 names the end of a change on its own (增至 0.3%, 降到 5%): unlike
# English "to 9%", it is never a limit or a target
_CHANGED_TO = re.compile(
    r"(?:[增升降跌涨减]|提[升高]|上[升涨调修]|下[降跌滑调修]|调[高低升降]|增[加长]|减少|扩大|缩[小减]|攀升|回落)[至到]\s*(?:约|近|逾)?\s*(?:[A-Z]{0,3}[$€£¥]\s?)?$"
)
_BOUND_AFTER = re.compile(r"\s*(?:以[下上内]|之[下上内])")
_FROM_SOMEWHERE = re.compile(r"\b(?:from|compared (?:with|to))\b|[从由较]", re.I)


_PLAIN_FROM = re.compile(r"\b(?:from|than)\b", re.I)  # … "older than 18" is a bound, not an earlier level


def is_base_figure(text: str, start: int, end: int, direction: int) -> bool:
    """The figure is what a change or comparison started from ("compared with 64.8% a year earlier",
    "up from $9 billion", "较去年的 12.8 万"): the level of an earlier time, not the figure now. A plain
    "from" or "than" counts only beside a change ("grew to $5bn from $3.8bn", "higher than 64.8%"; not
    "from 12 investors", "older than 18")."""
    if figure_role(text, start, end) != "from":
        return False
    m = _FROM_BEFORE.search(text[max(0, start - 48) : start])
    plain = m is not None and _PLAIN_FROM.match(m.group(0)) is not None
    return not plain or direction != 0


def year_before(marks: frozenset[str]) -> frozenset[str]:
    """Period marks moved one year back (y2026 → y2025, fy2026 → fy2025): the year-ago level a figure is
    compared with stands in the year before the period its heading or page title names."""
    out = set()
    for m in marks:
        for prefix in ("fy", "y"):
            if m.startswith(prefix) and m[len(prefix):].isdigit():
                m = f"{prefix}{int(m[len(prefix):]) - 1}"
                break
        out.add(m)
    return frozenset(out)


def to_between(text: str, end: int, start: int) -> bool:
    """Is the text between a figure ending at ``end`` and one starting at ``start`` only a "to" (至, 到, a currency's
    sign after it): "doubles to 64,000 tokens", 翻了一番至8亿元?"""
    m = _TO_BEFORE.search(text, end, start)
    return m is not None and not text[end : m.start()].strip()


def reaches_level(text: str, start: int) -> bool:
    """The figure at ``start`` is a level a change reached ("rose to 44.1%", "降至 5%"), not the change."""
    before = text[max(0, start - 48) : start]
    return _TO_BEFORE.search(before) is not None or _CHANGED_TO.search(before) is not None


def compared_direction(text: str, level: float, end: int, later: Sequence[tuple[int, int, float]]) -> int:
    """The way a level moved, read off the earlier level it is compared with right after it: "gross margin
    was 44.1%, compared with 47.6% a year earlier" → -1. ``later``: (start, end, value) of the figures of
    its kind after it; 0 when none of them, in its sentence, is such a base."""
    for start, stop, base in later:
        if start - end > 80 or re.search(r"[.;。；!?！？]\s", text[end:start]):
            return 0
        if is_base_figure(text, start, stop, 0) and base != level:
            return 1 if level > base else -1
    return 0


def figure_role(text: str, start: int, end: int) -> str | None:
    """``"from"`` for the figure a change started from, ``"to"`` for the one it went to, else None.
    "to" counts only in a clause that also says "from" (``"cut to 9% from 14%"``, ``"从 X 提升至 Y"``):
    alone, "to 9%" is often a limit or a target, not the end of a change."""
    before = text[max(0, start - 48) : start]
    if _FROM_BEFORE.search(before):
        return "from"
    if _CHANGED_TO.search(before) and not _BOUND_AFTER.match(text, end):
        return "to"  # (降至 50% 以下 is a bound crossed, not the level reached)
    if _TO_BEFORE.search(before):
        s, e = clause_span(text, start, end)
        # "extended to 1M tokens, up from 128K": the change's start may follow in the next clause
        if _FROM_SOMEWHERE.search(text[s:e]) or _CHANGE_AFTER.match(text[e:]):
            return "to"
    return None


_CHANGE_AFTER = re.compile(r"^[\s,;，]*(?:(up|higher|rising|increas\w*)|(down|lower|falling|decreas\w*))\s+(?:\S+\s+)?from\b", re.I)


def trailing_change(text: str, clause_end: int) -> int:
    """The direction a level was reached in, said right after its clause: "9% of revenue, down from
    14%" → -1 for the 9%; 0 when the next clause does not start that way."""
    m = _CHANGE_AFTER.match(text[clause_end : clause_end + 40])
    if not m:
        return 0
    return 1 if m.group(1) else -1


# ---------------------------------------------------------------- revisions

_REVISION = re.compile(
    r"earlier version|original version|originally (?:reported|stated|said)|previously (?:reported|stated|said)"
    r"|incorrectly|erroneously|mistakenly|\bmis(?:stated|reported|printed)\b|\bcorrect(?:ed|ion|s|ing)\b|误植|誤植|此前版本|首发版本|首發版本|原文|原稿|原[称稱]|更正|勘误|勘誤|误为|誤為|有误|有誤|早前版本",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"(?:earlier|original|previous|first) version[^.;。；]*?\b(?:said|put|stated|gave|reported|cited|had)\b"
    # 此前版本称 / 首发版本称 / 早前报道为 / 初稿写作 …: what an earlier version said
    r"|(?:此前|首发|首發|早前|最初|先前|初始|原始)(?:版本|报道|報道|報導|稿件|文章)[^。；]*?(?:[称稱]|[为為]|[写寫]作)|初稿[^。；]*?(?:[称稱]|[为為]|[写寫]作)"
    r"|原(?:文|稿)[^。；]*?(?:[称稱]|[为為]|[写寫]作)|原[称稱][^。；;]*?(?:[为為]|是)"
    # 误植 / 误写 … 为: what was misprinted; "incorrectly said", "misstated": what was wrong
    r"|(?:误植|誤植|误写|誤寫|错写|錯寫|误作|誤作|错植|錯植)[^。；]*?(?:[为為]|作|成)"
    r"|\b(?:incorrectly|erroneously|mistakenly) (?:said|stated|gave|reported|put|listed)\b|\bmis(?:stated|reported|printed)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def stale_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Stretches of a passage holding figures the page itself says were superseded: in a sentence
    that speaks of a correction or an earlier version, the clause an earlier version "said", or a
    figure revised *from* ("revised to 400 MW from the 350 MW …")."""
    spans: list[tuple[int, int]] = []
    noted = False  # a sentence before, in the passage, spoke of a correction ("Correction: … misstated …")
    for sent in re.finditer(r"(?:[^.;。；!?！？]|(?<=\d)\.(?=\d))+(?:[.;。；!?！？]|$)", text):  # (68.4 is no sentence end)
        s = sent.group()
        if not _REVISION.search(s):
            if noted:  # the note's next sentence gives the right figure: "The agreement covers 1.4 GW, not 1.2 GW."
                base = sent.start()
                spans += [(base + m.end(), base + min(len(s), m.end() + 24)) for m in _NOT_THE_OLD.finditer(s)]
            continue
        noted = True
        base = sent.start()
        for m in _SAID.finditer(s):
            # … up to where the note gives the right figure ("，經公司確認應為 86.4 億元")
            end = re.search(r"[;；]|, (?:citing|but|while)|[,，]\s*(?:经|經|应|應|实|實|现|現|已|正确|正確)|$", s[m.end() :])
            stop = m.end() + (end.start() if end else len(s) - m.end())
            spans.append((base + m.end(), base + stop))
        # revised *from* a figure, or to one "not" / "rather than" / 而非 the old one ("corrects the amount to
        # $1.4 billion, not $1.2 billion")
        for m in _REVISED_FROM.finditer(s):
            # … up to where the new figure is given ("由此前公布的63.5%更正为61.8%": 61.8% is the right one)
            to = _REVISED_TO.search(s, m.end(), min(len(s), m.end() + 24))
            spans.append((base + m.end(), base + (to.start() if to else min(len(s), m.end() + 24))))
    return tuple(spans)


# the old figure named after the right one ("1.4 GW, not 1.2 GW", 而非): in a correction note's later sentence
# alone, and among the words a revision starts from
_NOT_THE_OLD_WORDS = r",\s*not(?: the| an?)?|\brather than|\binstead of|而非|而不是"
_NOT_THE_OLD = re.compile(rf"(?:{_NOT_THE_OLD_WORDS})\s*", re.IGNORECASE)
_REVISED_TO = re.compile(r"(?:更正|修正|调整|調整|修订|修訂|改|上调|下调|上調|下調)?(?:为|為|至)|\bto\b", re.IGNORECASE)
_REVISED_FROM = re.compile(rf"(?:\bfrom(?: the| an?)?|从|由|{_NOT_THE_OLD_WORDS}|并非|並非)\s*", re.IGNORECASE)


def is_stale(value: Value, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= value.start < e for s, e in spans)


# ---------------------------------------------------------------- measures in a common unit



def measure_key(value: Value) -> tuple[str, float] | None:
    """A quantity in a unit shared by its family: bytes, watts, flops, or money whatever the currency (the
    currency is compared apart, so "48 亿美元" meets "HK$4.8bn" as a wrong currency). None otherwise."""
    try:
        x = float(value.value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(x):
        return None
    unit = value.unit or ""
    if unit in _BYTES:
        return "bytes", x * _BYTES[unit]
    if unit in _WATTS:
        return "watts", x * _WATTS[unit]
    if unit in _FLOPS:
        return "flops", x * _FLOPS[unit]
    if value.kind == "money":
        return "money", x
    return None


# the two sides of one measure (stems, as clause_words gives them, Chinese words through the bridge): a figure
# of one side never speaks for the other
_COUNTERPARTS: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in (
        ("input", "output"),
        ("import", "export"),
        ("upload", "downloa"),
        ("train", "infer inferen"),
        ("peak maximum highest", "averag typical"),
        ("gross", "net"),
        ("buy", "sell"),
        ("inbound", "outboun"),
    )
)


@dataclass(frozen=True)
class ClaimFrame:
    """What a claim's figure measures."""

    weights: tuple[tuple[frozenset[str], float], ...]  # the measure's concepts with their weights
    periods: frozenset[str]
    direction: int
    clause: str
    wide: tuple[tuple[frozenset[str], float], ...] = ()  # … with the clause before at half weight
    # the concepts that bind the sentence's *other* figures ("the international book" beside "the retail
    # tranche": a page figure bound by them is that other figure, whatever its value) and the figure's
    # own, one group of interchangeable terms each: a concept with many glosses (款项: fund, money,
    # raise, round, sum …) counts once, as a concept with one gloss does
    sibling_groups: tuple[frozenset[str], ...] = ()
    own_groups: tuple[frozenset[str], ...] = ()
    sibling_terms: frozenset[str] = frozenset()  # every term of the other figures' segments, shared ones too
    # the same of the sentence's figures of other families (an amount's "液冷…收入同比增长183%" beside it)
    other_groups: tuple[frozenset[str], ...] = ()
    other_terms: frozenset[str] = frozenset()
    leaves_out: bool = False  # its own segment leaves something out of its measure ("ex-HBM", 不含税)
    speeds: frozenset[float] = frozenset()  # the link speeds its own segment names its product by (1.6T光模块)
    role: str | None = None  # "from" / "to" when the figure is one end of a change (figure_role)
    looks_back: bool = False  # the clause places its figure in an earlier time (去年, "a year earlier", a year)
    looks_ahead: bool = False  # … in the year to come (明年, "next year"): a forecast, not a level reached
    segment: str = ""  # the figure's own segment of the clause (cut at the next figure's measure)
    # its own segment says its figure is an average ("API价格平均降幅超过五成", "the average price"): one entity's
    # figure on a page is no average
    aggregate: bool = False

    def bound_to_sibling(self, words: frozenset[str]) -> bool:
        """Do a page figure's own words name another figure of the claim's sentence more than this one?"""
        if not self.sibling_groups:
            return False
        theirs = _distinct_hits(self.sibling_groups, words)
        mine = _distinct_hits(self.own_groups, words)
        return theirs > mine

    def sibling_words_only(self, words: frozenset[str]) -> bool:
        """Do a page figure's own words hold a concept only the sentence's other figures have, and none only
        this one has ("前五大客户销售额合计占比" for "最大单一客户销售占比约三成" beside "前五大客户销售额合计占比64.5%")?"""
        if not any(g & words for g in self.sibling_groups):
            return False
        return not any(g & words for g in self.own_groups if not g & self.sibling_terms)

    def left_out_by(self, excluded: frozenset[str], kept: frozenset[str]) -> bool:
        """Does a page figure's segment name a concept of this figure's own only to leave it out ("DRAM revenue
        excluding HBM was $2.77 billion" for a claimed "HBM $2.77 billion"), when this one leaves nothing out?"""
        if not excluded or self.leaves_out:
            return False
        return any(g & excluded and not g & kept for g in self.own_groups)

    def other_speed(self, speeds: frozenset[float]) -> bool:
        """Does a page figure's segment name its product by another link speed than this one's ("800G光模块收入" for
        "1.6T光模块收入")?"""
        return bool(self.speeds and speeds and not self.speeds & speeds)

    @cached_property
    def sides(self) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
        """The two-sided measures this figure names one side of, as (its side, the other side): read once per claim,
        asked of every page figure."""
        mine = frozenset(t for g in self.own_groups for t in g)
        return tuple(
            (a, b) for one, other in _COUNTERPARTS for a, b in ((one, other), (other, one)) if mine & a and not mine & b
        )

    def side_of(self, words: frozenset[str]) -> int:
        """Which side of a two-sided measure this figure names ("input" of input / output, 平均 of 峰值 / 平均) a page
        figure's own words name: +1 the same side, -1 only the other ("8 yuan ($1.10) per million output tokens" for
        "$1.10 per million input tokens": the counterpart's figure, whatever its value), 0 neither or both."""
        for a, b in self.sides:
            if words & b and not words & a:
                return -1
            if words & a and not words & b:
                return 1
        return 0

    def other_words_only(self, words: frozenset[str]) -> bool:
        """Do a page figure's own words hold a concept only a figure of another family in the claim's sentence has,
        and none only this one has ("液冷整机柜及配套产品收入9.7亿元" for a claimed "智算中心运营服务收入9.7亿元" said
        after "液冷整机柜及配套收入同比增长183%")? Such a figure is the other segment's, whatever its value."""
        if not self.own_groups or sum(1 for g in self.other_groups if g & words) < 2:
            # (a figure whose own segment says nothing, "rose 61% to $5.82bn", is the clause's; one word in
            # common is what a translation's other word order gives: "six years … uncovering the beast within the
            # 2,500-pound lump" for "耗时6年…才使藏在2500磅…的这具野兽")
            return False
        shared = self.sibling_terms | self.other_terms
        return not any(g & words for g in self.own_groups if not g & shared)


# the marks that end a sentence: a clause before one of them is another sentence's
_ENDS = ("。", ".", "；", ";", "!", "！", "?", "？")


def _said_before(sentence: str, start: int, read: Callable[[str], frozenset[str]]) -> frozenset[str]:
    """What ``read`` finds in the nearest clause before ``start`` where it finds anything, in the same sentence."""
    while start > 0:
        s, e = previous_clause(sentence, start)
        if e <= s or s >= start:
            return frozenset()
        if sentence[s:e].rstrip().endswith(_ENDS) and e < start:
            return frozenset()
        found = read(sentence[s:e])
        if found:
            return found
        start = s
    return frozenset()


def _part_said_before(sentence: str, start: int) -> frozenset[str]:
    """The quarter or half year the nearest clause before ``start`` names, in the same sentence: what a change
    clause naming none speaks of ("前三季度归母净利润 3.89 亿元，同比增长 163.27%": the growth is of the nine months)."""
    return _said_before(sentence, start, part_of_year)


# "that month", in the words a clause refers back to the month named before it with
_THAT_MONTH = re.compile(r"当月|當月|该月|該月|同月|单月|單月|\bthat month\b|\bthe month\b", re.I)
_SINGLE_MONTH_MARK = re.compile(r"n\d{1,2}")


def _month_said_before(sentence: str, start: int) -> frozenset[str]:
    """The one month the nearest clause before ``start`` naming one names, in the same sentence."""
    return _said_before(sentence, start, lambda clause: frozenset(m for m in period_marks(clause) if _SINGLE_MONTH_MARK.fullmatch(m)))


# a clause that is a period alone: "In the first nine months of 2026", "For the quarter", "2026年上半年", "今年前三季度"
_PERIOD_ALONE_EN = re.compile(r"\s*(?:In|For|During|Over|Through|Across)\s[^,;:.!?]{2,40}", re.I)
_PERIOD_ALONE_ZH = re.compile(r"\s*(?:在|于|於)?[^，,；;。：:A-Za-z]{2,12}")


def _opening_period(sentence: str, start: int, value_spans: tuple[tuple[int, int], ...]) -> frozenset[str]:
    """The quarter, half or run of months a clause that is a period alone names, right before the clause at
    ``start`` ("2026年上半年，公司收入5.9亿元", "In the first nine months of 2026, revenue was …"): the period of the
    clause it opens. (A clause before with a figure of its own, or other words, speaks of its own figure.)"""
    ps, pe = previous_clause(sentence, start)
    if pe <= ps or any(ps <= a < pe for a, _ in value_spans) or sentence[ps:pe].rstrip().endswith(_ENDS):
        return frozenset()
    if not (_PERIOD_ALONE_EN.fullmatch(sentence, ps, pe) or _PERIOD_ALONE_ZH.fullmatch(sentence, ps, pe)):
        return frozenset()
    return frozenset(m for m in period_marks(sentence[ps:pe]) if m[0] in "qhn")


_AVERAGE = re.compile(r"平均|均价|均值|中位数|\b(?:average|mean|median)\b", re.I)


def says_average(text: str) -> bool:
    """Does ``text`` say its figure is an average (平均, 均价, "the average price", a median)?"""
    return _AVERAGE.search(text) is not None


def previous_clause(text: str, start: int) -> tuple[int, int]:
    """The clause before the one starting at ``start`` ("revenue was $2.91 billion" before "up 74%")."""
    if start <= 0:
        return 0, 0
    return clause_span(text, max(0, start - 2), max(0, start - 1))


def segment_span(text: str, start: int, end: int, others: list[tuple[int, int]], *, min_chars: int = 12) -> tuple[int, int]:
    """The words that belong to the figure at ``[start, end)`` alone: its clause (widened while shorter
    than ``min_chars``), cut at the figures before and after it ("raised $4.5 billion in Series D | at a
    $62 billion post-money valuation")."""
    s, e = clause_span(text, start, end, min_chars=min_chars)
    after_figure = False
    for a, b in others:
        if s <= b <= start:
            s, after_figure = b, True
        if end <= a <= e:
            e = a
            # a list of names each with its figure ("Hoshida 51%, Kanemura 34% and Tessaly 15%"): the name
            # after the separator is the next figure's
            if (item := _NAMED_ITEM.search(text, end, a)) is not None and item.end() == a:
                e = item.start()
            # … and so is a measure said after a conjunction ("gross margin was 61.2% and non-GAAP gross
            # margin was 63.0%"): the words after "and" name the next figure's measure
            elif (joint := _NEXT_MEASURE.search(text, end, a)) is not None:
                e = joint.start()
    # a word between the figure before and a separator is that figure's ("$12 in / $2.50 out"), and so is the rate
    # said after it up to a conjunction ("$1.20 per million input tokens and $0.30 per million output")
    if after_figure and (sep := _LAST_SEPARATOR.search(text, s, start) or _RATE_BEFORE.match(text, s, start)) is not None:
        s = sep.end()
    return s, e


_LAST_SEPARATOR = re.compile(r"[/／][^/／]*\Z")
_RATE_BEFORE = re.compile(r"\s*per\s+[^,;\d]{1,40}?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+while\s+)", re.I)
# a conjunction, then a measure of two words or more and its verb (or none: "and non-GAAP diluted EPS $1.12"),
# or the measure's negation alone ("GAAP gross margin 44.6% and non-GAAP 41.8%"), right before the next figure
_NEXT_MEASURE = re.compile(
    r"(?:,\s*|\s)(?:and|while|whereas)\s+(?=non-?[a-z][\w-]*\s+\S*\Z"
    r"|(?:(?:a|an|the|its|their)\s+)?[a-z][\w-]*\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}"
    # (… its verb, or a relative clause's: "and a gross margin that slipped to 42%")
    r"(?:\s+(?:was|were|is|are|of|at|reached|stood at|came in at|(?:that|which)\s+[a-z]+(?:\s+(?:to|by))?))?\s+\S*\Z)",
    re.I,
)


# a list item's name right before its figure: a separator, then one to three capitalised words
_NAMED_ITEM = re.compile(r"(?:,|;|\band\b|、|，|；)\s*(?:[A-Z][\w.&'’-]*\s+){0,2}[A-Z][\w.&'’-]*\s*")


# a second predicate of the sentence's subject after the figure ("has about 410 employees and expects volume
# shipments in the first half of 2028"): its words and its period are another statement's
_PREDICATE_AFTER = re.compile(
    r",?\s+(?:and|but|while)\s+(?:also\s+)?(?:expects?|plans?|aims?|intends?|hopes?|targets?|wants?|will|"
    r"is|are|was|were|has|have|had|says?|said)\s"
)
_REASON_AFTER = re.compile(r",?\s(?:as|because|amid|since)\s+(?!of\b|much\b|many\b|well\b|such\b|a result\b|long\b|soon\b|far\b|part\b)[a-z]", re.I)


# words that say when or compared with what, not what is measured (the period is read apart)
# the base of a change written as a word of its own (Hong Kong's 按季 / 按年, 同比 / 环比)
_BASE_WORDS = frozenset({"按季", "按年", "按月", "按季度", "按年度", "同比", "环比", "同期"})
FRAME_NEUTRAL = frozenset(
    ["year", "earlier", "ago", "previou", "last", "compar", "period", "same", "over", "from", "versu", "annual", "yearli", "time", "rate", "predece"]
    # the class of the subject (这家公司, "the firm") names who, not what is measured
    + ["compan", "firm", "corpora", "incorpo"]
    # a period's end says when, as "from" says where it starts ("deliveries through June 2028")
    + ["through", "thru", "until", "till"]
    # months say when ("Jan-Oct revenue"), as years do (not "mar"/"march": Mars and a march are things)
    + ["jan", "januar", "feb", "februar", "apr", "april", "jun", "june", "jul", "july", "aug", "august",
       "sep", "sept", "septemb", "oct", "october", "nov", "novembe", "dec", "decembe"]
)


@lru_cache(maxsize=1)
def value_words() -> frozenset[str]:
    """Surfaces of scales, currencies and qualifiers: the figure's own words, not its measure."""
    from claims.units import qualifier_words, unit_words

    words = {w.surface.lower() for w in unit_words() if w.kind in {"scale", "money", "percent"}}
    for q in qualifier_words():
        words |= set(q[0].lower().split())
    return frozenset(words | {"bln", "mln", "m", "b", "k", "us", "usd", "rmb", "hk", "per", "cent", "now", "currently"})


_AMOUNT_PART = re.compile(r"\d|(?:rmb|usd|hkd|eur|gbp|jpy|cny|us)\d", re.I)


def _measure_concept(terms: frozenset[str], src: str, name_words: set[str]) -> bool:
    low = src.lower().lstrip("万亿千百兆")  # 亿日元 is a scale and a currency: the figure's own words
    if _AMOUNT_PART.match(src):
        return False  # "1bn" of RMB3.1bn: a piece of a figure, not what it measures
    if _UP.fullmatch(src) or _DOWN.fullmatch(src):
        return False  # rose / fell: the direction, compared apart (ClaimFrame.direction)
    if src in _BASE_WORDS:
        return False  # 按季 / 按年: the base of a change, compared apart (basis_marks), not what it measures
    if has_han(low) and any(low in w for w in name_words if has_han(w)):
        return False  # a piece of a Chinese name (深度 of 深度求索)
    return bool(src) and low not in name_words and low not in value_words() and not terms <= FRAME_NEUTRAL


def _name_words(sentence: str, names: tuple[str, ...]) -> set[str]:
    """Words that name the claim's subjects: Latin names' words and known Chinese names (深度求索)."""
    from claims.entities import chinese_entities

    # (a word the sentence also writes in lower case is a word too: "power" of "Brightline Power & Data …
    # First power is due")
    words = {w.lower() for n in names for w in re.findall(r"[A-Za-z0-9]+", n)} - set(re.findall(r"\b[a-z]+\b", sentence))
    words |= {sentence[s:e] for s, e, _ in chinese_entities(sentence)} if has_han(sentence) else set()
    return words


# column headers that say a cell is a figure and nothing of what it measures
_GENERIC_COLUMNS = frozenset({"figure", "figures", "value", "values", "amount", "number", "data", "数值", "数据", "金额", "数字", "數值", "數據", "金額"})


def claim_frame(
    sentence: str,
    key_text: str,
    concepts: tuple[tuple[frozenset[str], float, str], ...],
    names: tuple[str, ...] = (),
    value_spans: tuple[tuple[int, int], ...] = (),
    noun: str | None = None,
    names_measure: bool = True,
    key_value: float | None = None,
    kin_spans: tuple[tuple[int, int], ...] = (),
    sibling_spans: tuple[tuple[int, int], ...] | None = None,
) -> ClaimFrame:
    """The frame of the claim's key figure. ``concepts``: (terms, weight, source word) of the
    sentence; ``names`` (the subject) and the figures' own words (scales, currencies, qualifiers) are
    not the measure, nor are words of time and comparison (the period is read apart). The measure is
    read from the figure's own segment, else its clause, else its clause and the one before it at half
    weight ("营收 X，同比增长 Y" measures a growth of 营收)."""
    at = sentence.find(key_text)
    if at < 0:
        at, end = 0, len(sentence)
    else:
        end = at + len(key_text)
    s, e = clause_span(sentence, at, end, min_chars=12)
    ss, se = segment_span(sentence, at, end, [v for v in value_spans if v != (at, end) and not (at <= v[0] < end)])
    label = _label_span(sentence, s, at, end, e)
    if label is not None:  # "$0.02: Saga 4 Lite's price per million input tokens"
        e = se = label[1]
    # a reason said after the figure ("fell 6.4% in after-hours trading as investors fretted over memory costs")
    # is why it moved, not what it measures
    reason = _REASON_AFTER.search(sentence, end, e) or _PREDICATE_AFTER.search(sentence, end, e)
    if reason is not None:
        e = reason.start()
        se = min(se, e)
    clause = sentence[s:e]
    table_row = sentence.lstrip().startswith("|") and "|" in sentence[end:]
    if table_row:
        # a table row: a figure's own words are those of its cell (its column is its noun) and its
        # row's label, not the neighbouring cells (another column's investor is not what it measures)
        ss, se = max(ss, sentence.rfind("|", 0, at) + 1), min(se, sentence.find("|", end))
    seg = sentence[ss:at] + " " + sentence[end:se]
    if table_row:  # … and its row's label (the first cell): whose figure it is
        first = sentence.find("|") + 1
        seg += " " + sentence[first : sentence.find("|", first)]
        if noun and noun.strip().lower() in _GENERIC_COLUMNS:
            # under a column that only says "Figure" (公司 | 指标 | 数值), the cells before it say what it measures
            seg += " " + sentence[first : sentence.rfind("|", 0, at)]
    ps, pe = previous_clause(sentence, s)
    before = sentence[ps:pe]
    # a benchmark's name is what a score measures; an event's date is measured by the event, not the name
    name_words = set() if names_measure else _name_words(sentence, names)
    own: list[tuple[frozenset[str], float]] = []
    if noun:  # what the figure counts is the first part of what it measures
        own.append((noun_terms(noun), 1.0))
    inside: list[tuple[frozenset[str], float]] = []
    wide: list[tuple[frozenset[str], float]] = []
    for terms, w, src in concepts:
        if not _measure_concept(terms, src, name_words):
            continue
        # a concept is written once in ``concepts`` (its first spelling): "Power" of a name meets "power" later
        low = src.lower() if src[:1].isupper() and src[1:].islower() else src
        if src in seg or low in seg:
            own.append((terms, w))
        if src in clause or low in clause:
            inside.append((terms, w))
            wide.append((terms, w))
        elif src in before or low in before:
            wide.append((terms, 0.5 * w))
    # (the key's own words are its own too: the "token" of "1M-token")
    key_words = clause_words(key_text)
    own_terms = frozenset(t for terms, _ in own for t in terms) | frozenset(
        t for terms, _w, _src in concepts if terms & key_words for t in terms
    )
    sibling_groups: dict[frozenset[str], None] = {}
    sibling_terms: set[str] = set()
    # (``sibling_spans``, when given: the figures that can be confused with it — for an amount only those of
    # its own family, "纯利…11.2亿港元，收入增长24%至84.6亿美元": the 24% binds "rose 24 per cent" on the page, yet
    # the amount after it is still the revenue)
    kin = value_spans if sibling_spans is None else sibling_spans
    other_groups: dict[frozenset[str], None] = {}
    other_terms: set[str] = set()
    for a, b in value_spans:
        if a <= at < b or (a, b) == (at, end):
            continue
        groups, group_terms = (sibling_groups, sibling_terms) if (a, b) in kin else (other_groups, other_terms)
        os_, oe = segment_span(sentence, a, b, [v for v in value_spans if v != (a, b)])
        other = sentence[os_:a] + " " + sentence[b:oe]
        for terms, _w, src in concepts:
            if not (src and src in other and _measure_concept(terms, src, name_words)):
                continue
            group_terms |= terms
            not_mine = terms - own_terms
            if not_mine and src not in seg:
                groups[not_mine] = None
    # a table row's cells share its period and round ("| C 轮 | … | 58 亿欧元 |")
    periods = (
        period_marks(_FULL_DATE.sub(lambda m: " " * len(m.group()), sentence), skip=(at, end))
        if table_row
        else _figure_years(period_marks(clause, skip=(at - s, end - s)), sentence, at, end, (ss, se), kin_spans, (s, e))
    ) | basis_marks(sentence, at, end, value_spans)
    if not table_row and periods & CHANGE_BASES and not any(m[0] in "qh" for m in periods):
        periods |= _part_said_before(sentence, s)  # a change on a base is of the figure said before it
    if not table_row and not any(m[0] in "qhn" for m in periods):
        periods |= _opening_period(sentence, s, value_spans)
    if not table_row and not any(m[0] == "n" for m in periods) and _THAT_MONTH.search(clause):
        periods |= _month_said_before(sentence, s)  # "11月合并营收…，当月营收同比增长38.5%": November's growth
    direction = direction_of(clause, key_value)
    if not direction and _UP.search(to_simplified(clause)) and _DOWN.search(to_simplified(clause)):
        # a clause that goes both ways ("降至 0.28 美元，比 V4 提升一半"): the figure's own segment says its way
        direction = direction_of(sentence[ss:end], key_value)
    if not direction and periods & CHANGE_BASES and at > 0 and sentence[at - 1] in _SIGNS:
        direction = _SIGNS[sentence[at - 1]]  # "同比+6%", "+37% y/y": a change on a base, signed
    return ClaimFrame(
        weights=tuple(o for o in own if o[0]) or tuple(inside) or tuple(wide),
        periods=periods,
        direction=direction,
        clause=clause,
        wide=tuple(wide),
        sibling_groups=tuple(sibling_groups),
        own_groups=tuple(dict.fromkeys(terms for terms, _ in own if terms)),
        sibling_terms=frozenset(sibling_terms),
        other_groups=tuple(other_groups),
        other_terms=frozenset(other_terms),
        leaves_out=bool(excluded_words(seg)[0]),
        aggregate=says_average(seg),
        speeds=link_speeds(seg),
        role=figure_role(sentence, at, end) if key_text in sentence else None,
        looks_back=bool(_EARLIER.search(clause)) or any(m[0] == "y" for m in periods),
        looks_ahead=_LATER.search(clause) is not None,
        segment=seg,
    )


# a day in a table row ("| 2027/03/15 正式商用 |"): the date of an event in another cell, not the row's period
_FULL_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d)|(?<!\d)\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?!\d)"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)


_SIGNS = {"+": 1, "＋": 1, "-": -1, "−": -1, "–": -1}


# a clause that places its figure in the year to come, or gives it as the writer's own estimate ("我们估计今年…将
# 突破300亿美元", "we expect …"): a forecast, which only a page's own forecast answers
_LATER = re.compile(
    r"明年|来年|來年|下一年|\bnext (?:fiscal )?year\b|\bthe coming year\b"
    r"|(?:我们|我們|笔者|筆者)\s*(?:估计|估計|预计|預計|预期|預期|预测|預測|判断|判斷)"
    r"|\bwe (?:estimate|expect|forecast|project|reckon)\b|\bour (?:estimate|forecast|projection)s?\b",
    re.I,
)


# a clause that places its figure in an earlier time: it may be met by a page's earlier level
_EARLIER = re.compile(
    r"去年|上年|前年|此前|之前|以前|原先|原本|原来|一年前|同期|上季|上月|上一|\b(?:previous(?:ly)?|prior|earlier|last year|a year ago|year[- ]ago|"
    r"formerly|originally|used to)\b",
    re.I,
)


def _share(weights: tuple[tuple[frozenset[str], float], ...], words: frozenset[str]) -> float:
    total = sum(w for _, w in weights)
    return sum(w for terms, w in weights if terms & words) / total if total > 0 else 0.0


def measure_match(frame: ClaimFrame, words: frozenset[str]) -> float:
    """Weighted share of the claim's measure concepts that the page words meet."""
    return _share(frame.weights, words)
