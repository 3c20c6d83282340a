"""Value normalisation: every figure in a Chinese or English text as ``(value, unit, qualifier)``.

``parse_values`` runs four finders in order — dates, money, versions, other numbers — and the first
finder to claim a stretch of text wins it, so "2026-04-13" is one date and not three numbers.
Every regex is linear (no nested repetition) and context checks look at a bounded window, so the
whole scan is linear in the length of the text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache, lru_cache

import cn2an

from claims.lexicon import head_noun, noun_at, translate, trie_alternation
from claims.model import ClaimKind, Qualifier, Value
from claims.numwords import WORD_VALUES, number_words
from claims.prescan import with_first_chars
from claims.textnorm import fold_width, to_simplified
from claims.units import BITS, CURRENCY_CODES, UnitWord, model_families, qualifier_words, unit_words

__all__ = ["parse_values", "parse_dates", "cn_number", "normalise_version", "qualifier_start"]

# ---------------------------------------------------------------- gates

# The non-ASCII letters re.I matches to an ASCII letter whose str.lower() is no ASCII letter (İ ı ſ; the
# Kelvin sign lowers to k). A text holding one opens every word gate.
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f")


@lru_cache(maxsize=4)  # asked by every finder of one parse_values call, for the same string
def _lowered(text: str) -> str | None:
    """``text`` in lower case, for word gates; None when a word gate cannot be trusted on it."""
    return None if any(ch in text for ch in _FOLDS_TO_ASCII) else text.lower()


@lru_cache(maxsize=4)  # asked by every word gate of one parse_values call, for the same string
def _ascii_lowered(text: str) -> bytes | None:
    """The ASCII characters of ``text`` in lower case, the others dropped (None as ``_lowered``).

    The gate words are ASCII: each occurrence in the lower-cased text is one in this string too,
    which is far shorter for a Chinese text (dropping characters may join others into a word that
    is not there: the gate then opens for nothing, it never closes wrongly)."""
    low = _lowered(text)
    return None if low is None else low.encode("ascii", "ignore")


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` may hold one of ``words`` (lower case ASCII) in any letter case: a cheap
    necessary condition checked before a case-insensitive pattern scans the whole text (most texts
    hold none)."""
    low = _ascii_lowered(text)
    return low is None or _any_of(words).search(low) is not None


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (case-insensitive, its letters written in lower case) without re.I, to scan the lowered
    text with (``_finditer_i``); re.I makes the engine fold every character it compares."""
    source = pattern.pattern
    # without group names, escapes (\\b, \\d) and ranges of both cases ([A-Za-z])
    letters = re.sub(r"\(\?P[<=]\w+[>)]|\\[A-Za-z]|A-Za-z|a-zA-Z", "", source)
    if re.search("[A-Z]", letters):
        raise ValueError(f"a capital in {source!r}: its twin would not match it on the lowered text")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def _finditer_i(pattern: re.Pattern[str], twin: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a case-insensitive ``pattern``, through ``twin`` on the lowered text
    when that reads the same: str.lower() keeps every offset and the class of every character (\\w, \\d,
    \\s), and it turns a letter into an ASCII one exactly where re.I reads one as it, but for ı, İ and ſ
    (``_lowered`` then gives None). A match's groups are then lower case: raw text is read off its span."""
    low = _lowered(text)
    return twin.finditer(low) if low is not None else pattern.finditer(text)


@cache
def _any_of(words: tuple[str, ...]) -> re.Pattern[bytes]:
    """One scan for any of ``words`` (what ``any(w in text for w in words)`` asks, for long lists), their
    shared prefixes written once."""
    return re.compile(trie_alternation(words).encode("ascii"))


# ---------------------------------------------------------------- Chinese numerals

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


_CN_FORMAL = str.maketrans("壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟", "一二二三三三四五六六七八九十百千")
# cn2an reads neither 卅 (30) and 卌 (40) nor the simplified 参 (formal 3): spelled out before it reads
_CN_SPELL = str.maketrans({"卅": "三十", "卌": "四十", "参": "叁", "參": "叁"})
_CN_SPELL_NEEDED = re.compile("[卅卌参參]")


_CN_MAX_CHARS = 40


@lru_cache(maxsize=4096)  # a pure function of a short string; reports repeat their figures
def cn_number(text: str) -> float | None:
    """三百万 → 3000000, 十二 → 12, 两 → 2, 四万五 → 45000, 贰仟叁佰 → 2300; None when ``text`` is not
    a Chinese numeral. cn2an (smart mode) reads the colloquial and formal forms; our own reader is the
    fallback for what it refuses."""
    if not text or len(text) > _CN_MAX_CHARS:
        return None  # no figure is written with this many numerals (and float() would overflow)
    if _CN_SPELL_NEEDED.search(text):
        text = text.translate(_CN_SPELL)
    try:
        got = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError, OverflowError):
        got = None
    if isinstance(got, int | float):
        return float(got)
    text = text.translate(_CN_FORMAL)
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (digit if digit is not None else 1) * _CN_SMALL[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            if section == 0:
                section = 1.0
            if _CN_BIG[ch] == 10_000 and total and total % 100_000_000 == 0 and section < 10_000:
                total += section * _CN_BIG[ch]
            else:
                total = (total + section) * _CN_BIG[ch]
            section = 0.0
            digit = None
        else:
            return None
    return total + section + (digit or 0)


# ---------------------------------------------------------------- dates

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# the same names with either case of the first letter ("25th march 2015", "11 sept. 2014")
_MONTH_RE_CASED = re.sub(r"(?<=[:|])([A-Z])", lambda m: f"[{m.group(1)}{m.group(1).lower()}]", _MONTH_RE)
_YEAR = r"(?:19|20)\d{2}"
# a year of the Republic of China era as Taiwan writes it (民國115年 / 115年12月1日 / 117年第三季: 2026, 2028), read
# only where a month or a quarter follows it, or where 民國 says so: "115年" alone is as often 115 years
_ROC_YEAR = r"(?:民[國国]\s*)?1[0-2]\d"
_CJK_YEAR = rf"(?:{_YEAR}|{_ROC_YEAR})"
_MONTH_RE_ANY = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
_CN_DIGIT_CHARS = str.maketrans("零〇一二三四五六七八九", "00123456789")
_SEP = r"\s*[-/.‑–]\s*"
# a month or a day of the month in Arabic or Chinese numerals (3, 03, 三, 十二; 15, 十五, 三十一)
_MD_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_MD_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# (kind, pattern, gate): the gate is what the text must contain for the pattern to be tried at all
# ("digit", "month" — an English month name and a digit, "quarter" — 季度, "month-name" — an English
# month name; the others name the literals a pattern needs besides a digit: "W", "Q" (Q1-Q4), "H" (H1, H2),
# "half-en" (half), "slash-dot" (/ or . before 19 or 20),
# "year-cjk" 年, "month-cjk" 月, "year-month" 年 and 月, "year-quarter" 年 and 季度, "month-day" 月 and 日/号).
_DATE_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("week", re.compile(rf"(?<![\d.])(?P<y>{_YEAR})\s*[-‑–]\s*W(?P<w>\d{{1,2}})(?![\w])"), "W"),
    # 2027年第一季度, 2027年一季度 (the press drops 第), 明年一季度 (a quarter of a year said relative to the report's)
    # (… and 2028年第3季, as Taiwan's press writes it, 季 without 度; never a season, 季节)
    ("quarter", re.compile(rf"(?<![\d.])(?P<y>{_CJK_YEAR})\s*年\s*第?\s*(?P<q>[一二三四1-4])\s*季(?:度|(?!节))"), "year-quarter"),
    ("quarter", re.compile(r"(?P<ry>[今去明])年\s*第?\s*(?P<q>[一二三四1-4])\s*季(?:度|(?!节))"), "year-quarter"),
    ("quarter", re.compile(rf"(?<![\d.])(?P<y>{_YEAR})\s*年?\s*[-‑ ]?Q(?P<q2>[1-4])(?![A-Za-z0-9])"), "Q"),
    ("quarter", re.compile(rf"\bQ(?P<q2>[1-4])\s*(?P<y>{_YEAR})\b"), "Q"),
    # the analysts' "2Q27" / "3Q 2026" (not a fiscal "FY2Q27": the calendar's quarter only)
    ("quarter", re.compile(rf"(?<![\w.])(?P<q2>[1-4])Q\s?(?P<y>{_YEAR}|\d{{2}})(?![\w.])"), "nQ"),
    ("quarter", re.compile(r"(?<![\d])第\s*(?P<q>[一二三四1-4])\s*季(?:度|(?![节節]))"), "quarter"),
    # "the third quarter of 2028", "fourth-quarter 2026", "the fourth quarter of calendar 2026" (a fiscal quarter is not the calendar's: left alone)
    ("quarter", re.compile(rf"\b(?P<qw>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[\s-]+quarter\s+(?:of\s+)?(?:calendar\s+(?:year\s+)?)?(?P<y>{_YEAR})\b"), "quarter-en"),
    # "Q2 this year", "the first quarter of next year": a quarter of a year said relative to the report's
    ("quarter", re.compile(r"\b(?:Q(?P<q2>[1-4])|(?P<qw>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth)[\s-]+quarter)\s+(?:of\s+)?(?P<rye>this|next|last)\s+year\b"), "quarter-rel"),
    ("ymd", re.compile(rf"(?<![\d.])(?P<y>{_YEAR}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?![\d])"), "digit"),
    (
        "ymd",
        re.compile(rf"(?<![\d.])(?P<y>{_CJK_YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})(?:\s*[日号]|(?![\d.%]))"),
        "year-month",
    ),
    # "Aug 05, 2015"; a clock time may stand between the day and the year ("Aug 05 12:00:00 2015")
    (
        "ymd",
        re.compile(
            rf"\b(?P<mn>{_MONTH_RE_CASED})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,\s*|\s+)"
            rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+)?(?P<y>{_YEAR})\b"
        ),
        "month",
    ),
    (
        "ymd",
        re.compile(rf"(?<![\w-])(?P<y>{_YEAR})-(?P<mn>{_MONTH_RE_ANY})-(?P<d>\d{{1,2}})(?![\w-])", re.I),
        "month",
    ),
    (
        "ymd",
        re.compile(rf"(?<![\w-])(?P<d>\d{{1,2}})(?P<s>[-/])(?P<mn>{_MONTH_RE_ANY})(?P=s)(?P<y>{_YEAR})(?![\w-])", re.I),
        "month",
    ),
    # 3/15/2024, 18/07/2023, 24.6.2022: which number is the month is read off the numbers themselves
    ("num", re.compile(rf"(?<![\d./-])(?P<p1>\d{{1,2}})(?P<sep>[/.])(?P<p2>\d{{1,2}})(?P=sep)(?P<y>{_YEAR})(?!\d|[./]\d)"), "slash-dot"),
    # 二零一九年七月八日, 2015年三月3号: a year, month and day where any part is in Chinese numerals
    ("cn", re.compile(rf"(?P<cy>[零〇一二三四五六七八九]{{4}})\s*年(?:\s*(?P<cm>{_MD_MONTH})\s*月(?:\s*(?P<cd>{_MD_DAY})\s*[日号])?|\s*(?P<h>[上下])半年)?"), "cn-year"),
    ("cn", re.compile(rf"(?<![\d.])(?P<y>{_CJK_YEAR})\s*年\s*(?P<cm>{_MD_MONTH})\s*月(?:\s*(?P<cd>{_MD_DAY})\s*[日号])?"), "year-month"),
    ("ymd", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?P<mn>{_MONTH_RE_CASED})\.?,?\s+(?P<y>{_YEAR})\b"), "month"),
    # 三月一日, 十二月: a month (and day) in Chinese numerals, the year from the context
    # 今年4月, 去年8月份, 明年三月一日: a month of a year said relative to the report's
    ("cnmd", re.compile(rf"(?P<ry>[今去明前])年\s*(?P<cm>{_MD_MONTH})\s*月(?:份)?(?:\s*(?P<cd>{_MD_DAY})\s*[日号])?"), "cn-month"),
    ("cnmd", re.compile(rf"(?<![\d一二三四五六七八九十年第个])(?P<cm>{_MD_MONTH})\s*月(?:份)?(?:\s*(?P<cd>{_MD_DAY})\s*[日号])?"), "cn-month"),
    ("ym", re.compile(rf"(?<![\d.])(?P<y>{_CJK_YEAR})\s*年\s*(?P<m>\d{{1,2}})\s*月(?!\s*\d)"), "year-month"),
    ("ym", re.compile(rf"\b(?P<mn>{_MONTH_RE_CASED})\.?,?\s+(?P<y>{_YEAR})\b"), "month"),
    ("md", re.compile(r"(?<![\d.])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"), "month-day"),
    ("md", re.compile(rf"\b(?P<mn>{_MONTH_RE_CASED})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]*\s*\d)"), "month"),
    # (the dot of an abbreviated month is its own, "14 Nov."; after a full name it ends the sentence: "on 26 November.")
    ("md", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH_RE_CASED})\b(?:(?<![a-z]{{4}})\.)?(?![,.]?\s*\d)"), "month"),
    ("m", re.compile(r"(?<![\d.年])(?P<m>\d{1,2})\s*月(?:份)?(?![\d日号])"), "month-cjk"),
    (
        "m",
        re.compile(
            r"\b(?:in|since|by|until|from|during|early|late|mid-|end of|beginning of)\s+"
            r"(?P<mn>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![ ,]*\d)"
        ),
        "month-name",
    ),
    # (a half "of fiscal 2027" or "of calendar 2027" keeps its basis in its raw text: the date judge compares it)
    ("half", re.compile(rf"\b(?P<hw>[Ff]irst|[Ss]econd)\s+half\s+(?:of\s+)?(?:(?:[Ff]iscal|[Cc]alendar)\s+(?:year\s+)?)?(?P<y>{_YEAR})\b"), "half-en"),
    ("half", re.compile(rf"\bH(?P<hn>[12])\s*(?:FY\s*)?(?P<y>{_YEAR})\b|(?<![\d.])(?P<y2>{_YEAR})\s*[-‑ ]?H(?P<hn2>[12])\b"), "H"),
    # the analysts' "1H28" / "2H 2027", as "2Q27" writes a quarter
    ("half", re.compile(rf"(?<![\w.])(?P<hn3>[12])H\s?(?P<y3>{_YEAR}|\d{{2}})(?![\w.])"), "nH"),
    (
        "y",
        re.compile(
            rf"(?<![\d.])(?<!\d,)(?P<y>{_YEAR}|民[國国]\s*1?\d{{2}})\s*年\s*(?P<rel>上半年|下半年|年初|年底|年末|年中|初|底|末|起|以来|以后|之前|前|后)?"
        ),
        "year-cjk",
    ),
]
_RELATIVE = re.compile(
    r"今年(?:晚些时候|下半年|上半年|年底|年初|内|底|晚些)?|明年(?:初|底)?|去年(?:底|同期)?|年内|年底前"
)
_RELATIVE_EN = re.compile(r"\b(?:later|earlier|early|late)?\s?(?:this|next|last) year\b|\bby (?:the )?(?:end of the year|year-end)\b", re.I)
# "last October", "next February", "May last year", "this March": a month of a year said relative to the text's
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_RELATIVE_MONTH_EN = re.compile(
    rf"\b(?:(?P<rel>last|next|this)\s+(?P<mn>{_FULL_MONTH})(?!\s*\d)|(?P<mn2>{_FULL_MONTH})\s+(?P<rel2>last|next|this)\s+year)\b(?!\s+Day)"
)
_DIGIT = re.compile(r"\d")
_REL_QUALIFIER: dict[str, Qualifier] = {
    "起": ">=",
    "以来": ">=",
    "以后": ">=",
    "后": ">",
    "前": "<",
    "之前": "<",
}


def _md_number(text: str) -> int:
    return int(text) if text.isdigit() else int(cn_number(text) or 0)


def _month_days(year: int | None, month: int) -> int:
    """Days in a month (29 for February when the year is unknown)."""
    return calendar.monthrange(year if year is not None else 2024, month)[1]


def _year_number(written: str) -> int:
    """A year as written: 2026, "26" (this century's: the caller's), or an ROC year (民國115, 115: 2026)."""
    digits = written.lstrip("民國国 \t")
    year = int(digits)
    return year + 1911 if written != digits or len(digits) == 3 else year


def _date_value(kind: str, m: re.Match[str], default_year: int | None) -> tuple[str, Qualifier] | None:
    g = m.groupdict()
    year = _year_number(g["y"]) if g.get("y") else default_year
    if year is not None and year < 100:  # "2Q27": this century's
        year += 2000
    if kind == "week":
        week = int(g["w"])
        return (f"{year}-W{week:02d}", "=") if 1 <= week <= 53 else None
    if kind == "quarter":
        if year is None:
            return None
        if g.get("ry"):
            year += {"今": 0, "去": -1, "明": 1}[g["ry"]]
        if g.get("rye"):
            year += {"this": 0, "last": -1, "next": 1}[g["rye"]]
        if g.get("qw"):
            return f"{year}-Q{_QUARTER_WORDS[g['qw'].lower()]}", "="
        q = g.get("q") or g.get("q2") or ""
        return f"{year}-Q{'一二三四'.index(q) + 1 if q in '一二三四' else int(q)}", "="
    if kind == "num":
        p1, p2 = int(g["p1"]), int(g["p2"])
        if g["sep"] == "." or p1 > 12:  # 24.6.2022 and 18/07/2023 are day-first
            day, month = p1, p2
        elif p2 > 12 or p1 == p2:  # 3/15/2024 can only be month-first; 3/3/2024 reads the same both ways
            month, day = p1, p2
        else:  # 3/4/2024: which is the month is unknowable here; only the year is certain
            return f"{year:04d}", "="
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}", "="
    if kind in ("cn", "cnmd"):
        if g.get("cy"):
            year = int(g["cy"].translate(_CN_DIGIT_CHARS))
        if g.get("ry") and year is not None:
            year += {"今": 0, "去": -1, "明": 1, "前": -2}[g["ry"]]
        prefix = f"{year:04d}" if year is not None else "-"
        if g.get("h") and year is not None:
            return f"{prefix}-H{1 if g['h'] == '上' else 2}", "="  # 二零二七年下半年: the second half of 2027
        if not g.get("cm"):
            return prefix, "="
        cm = _md_number(g["cm"])
        if not 1 <= cm <= 12:
            return None
        if g.get("cd"):
            cd = _md_number(g["cd"])
            return (f"{prefix}-{cm:02d}-{cd:02d}", "=") if 1 <= cd <= _month_days(year, cm) else None
        return f"{prefix}-{cm:02d}", "="
    if g.get("mn"):
        month = _MONTHS[g["mn"][:3].lower()]
    elif g.get("m"):
        month = int(g["m"])
    else:
        month = 0
    day = int(g["d"]) if g.get("d") else 0
    if kind in ("ymd", "md", "ym", "m") and not 1 <= month <= 12:
        return None
    if kind in ("ymd", "md") and not 1 <= day <= _month_days(year, month):
        return None  # 31 April, 29 February 2015: no such day
    prefix = f"{year:04d}" if year is not None else "-"
    if kind in ("ymd", "md"):
        return f"{prefix}-{month:02d}-{day:02d}", "="
    if kind in ("ym", "m"):
        # "5 月" / "in September" with no year known: a partial date (the month), never the count 5
        return (f"{prefix}-{month:02d}", "=") if year is not None else (f"--{month:02d}", "=")
    rel = g.get("rel") or ""
    if rel in _HALVES:  # 2027年下半年, the second half of 2027, H2 2027: a half of the year, not the year
        return f"{year:04d}-H{_HALVES[rel]}", "="
    if kind == "half":
        year = int(g["y2"]) if g.get("y2") else year
        if g.get("y3"):
            year = int(g["y3"]) + (2000 if len(g["y3"]) == 2 else 0)
        half = g.get("hn") or g.get("hn2") or g.get("hn3") or (1 if (g.get("hw") or "").lower() == "first" else 2)
        return (f"{year:04d}-H{half}", "=") if year is not None else None
    return f"{year:04d}", _REL_QUALIFIER.get(rel, "=")


_HALVES = {"上半年": 1, "下半年": 2}
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


_HAS_MONTH_NAME = re.compile(r"(?i)(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
# the same test on the lower-cased text, where the case-sensitive scan skips by the first letter
_HAS_MONTH_LOW = with_first_chars(re.compile(r"(?<![a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"))


def _date_gates(text: str) -> dict[str, bool]:
    """Which gates of _DATE_PATTERNS ``text`` opens: cheap tests of what a pattern cannot match without."""
    digit = _DIGIT.search(text) is not None
    low = _lowered(text)
    month_name = (_HAS_MONTH_LOW.search(low) if low is not None else _HAS_MONTH_NAME.search(text)) is not None
    has_year, has_month, has_quarter = "年" in text, "月" in text, "季度" in text  # each literal looked for once
    has_season = has_year and "季" in text  # (2028年第3季: 季 without 度)
    return {
        "digit": digit,
        "month": digit and month_name,
        # narrower gates: a literal each pattern cannot match without
        "W": digit and "W" in text,
        "H": digit and ("H1" in text or "H2" in text),
        "nH": digit and ("1H" in text or "2H" in text),
        "half-en": digit and "half" in text,
        "Q": digit and ("Q1" in text or "Q2" in text or "Q3" in text or "Q4" in text),
        "nQ": digit and ("1Q" in text or "2Q" in text or "3Q" in text or "4Q" in text),
        # a month and day then the year, each after the same / or .: the year's first digits right after one
        "slash-dot": digit and ("/19" in text or "/20" in text or ".19" in text or ".20" in text),
        "year-cjk": digit and has_year,
        "month-cjk": digit and has_month,
        "year-month": digit and has_year and has_month,
        "year-quarter": has_season,
        "month-day": digit and has_month and ("日" in text or "号" in text),
        "quarter": has_quarter or "第" in text and "季" in text,
        "quarter-en": digit and "quarter" in text,
        "quarter-rel": " year" in text and ("quarter" in text or "Q1" in text or "Q2" in text or "Q3" in text or "Q4" in text),
        "cn-year": has_year,
        "cn-month": has_month,
        "month-name": month_name,
    }


def _find_dates(text: str, default_year: int | None) -> Iterator[Value]:
    open_gates = _date_gates(text)
    month_name = open_gates["month-name"]
    if default_year is not None:  # before the bare month: "in August last year" is one date
        for m in _RELATIVE_MONTH_EN.finditer(text) if month_name and _mentions(text, ("last", "next", "this")) else ():
            rel, name = m.group("rel") or m.group("rel2"), m.group("mn") or m.group("mn2")
            year = default_year + (1 if rel == "next" else -1 if rel == "last" else 0)
            yield Value(m.group(0), f"{year:04d}-{_MONTHS[name[:3].lower()]:02d}", "date", "=", m.start(), m.end(), "date")
    for kind, pattern, gate in _DATE_PATTERNS:
        if not open_gates[gate]:
            continue
        for m in pattern.finditer(text):
            got = _date_value(kind, m, default_year)
            if got is None:
                continue
            value, qualifier = got
            start, end = (m.start("mn"), m.end("mn")) if kind == "m" and m.groupdict().get("mn") else (m.start(), m.end())
            raw = text[start:end].rstrip()
            yield Value(raw, value, "date", qualifier, start, start + len(raw), "date")
    if default_year is not None:
        for m in _RELATIVE.finditer(text):
            raw = m.group(0)
            year = default_year + (1 if raw.startswith("明年") else -1 if raw.startswith("去年") else 0)
            later: Qualifier = ">=" if ("晚" in raw or "下半年" in raw) else "="
            yield Value(raw, f"{year:04d}", "date", later, m.start(), m.end(), "date")
        for m in _RELATIVE_EN.finditer(text) if _mentions(text, ("year",)) else ():
            raw = m.group(0).strip()
            low = raw.lower()
            year = default_year + (1 if "next" in low else -1 if "last" in low else 0)
            later = ">=" if low.startswith("later") else "<=" if low.startswith("by") else "="  # "by the end of the year": no later
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            yield Value(raw, f"{year:04d}", "date", later, start, start + len(raw), "date")


# ---------------------------------------------------------------- versions


# what may follow a capitalised name's generation ("Kestrel-4", "Auralis-3.5"): no letter, digit or percent, and no
# Chinese counter word, though other Chinese may be glued to it ("取代Auralis-3成为默认模型")
_NO_FIGURE_AFTER = r"(?![A-Za-z0-9_%％-]|\.\d|\s*[%％亿万千百十元个家台张名款项倍年月日号期轮次])"


@cache
def _version_patterns() -> tuple[re.Pattern[str], ...]:
    families = "|".join(re.escape(f) for f in model_families())
    num = r"[A-Za-z]?\d+(?:\s*\.\s*\d+)*[a-z]?"
    suffix = r"(?:\s*[-‑]\s*(?!\d)[A-Za-z][A-Za-z0-9]*)?"
    size = r"(?:(?:\s+|[-‑])(?:[A-Z]?\d+(?:\.\d+)?[BM]|\d+\.\d+|[A-Z]\d+[A-Z]))?"
    patterns = (
        re.compile(
            rf"(?<![A-Za-z0-9])(?:Claude\s+)?(?:{families})(?:\s*[-‑]\s*|\s+)?{num}{suffix}{size}"
            rf"(?:\s+(?:MoE|Dense|Preview|Pro|Flash|Mini|mini|Turbo|Max|Ultra|Nano))?(?![\w.%]|\s*%)"
        ),
        re.compile(r"(?<![\w.$])[A-Z]\d+[A-Z](?:\s+(?:MoE|Dense))?(?![\w])"),
        re.compile(
            r"(?<![\w.$¥€£])(?<!per )\d+(?:\.\d+)?[BM](?:\s+(?:MoE|Dense))?(?![\w])"
            r"(?![-‑\s]*(?:total\s+|active\s+)?(?:parameters?|params|tokens?|users|active|context|downloads|people|customers|"
            r"subscribers|employees|viewers|visitors|devices|units|jobs|workers|members|followers|views|copies|households))"
            # … nor a count of what a lower-case word after it names ("45M shares", "310M weekly users")
            r"(?![ \t]+(?!models?\b|versions?\b|variants?\b|checkpoints?\b|instruct\b|base\b|chat\b)[a-z])"
        ),
        # (… a full stop after it ends its sentence: "cheaper than Xuanjing-2.5.")
        # (… Chinese glued after it is no part of it: "取代Auralis-3.5成为", but a counter word makes it a figure)
        re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z]+\s*[-‑]?\s*v?\d+\.\d+(?:\.\d+)*" + _NO_FIGURE_AFTER),
        re.compile(r"(?<![A-Za-z0-9.])v\d+(?:\.\d+)+(?![\w.])"),
        # a product designation: capitals joined to a model number (HX-500, GB-200, MI-300X), not a count
        # (Chinese text around it is no part of it: "主要系XH-800系列")
        re.compile(r"(?<![A-Za-z0-9_.$-])(?!FY|CVE|ISO)[A-Z]{2,4}[-‑]\d{2,5}[A-Z]{0,2}(?![A-Za-z0-9_.%-]|\s*%)"),
        re.compile(r"(?<![A-Za-z0-9.])o[1-9](?:[-‑](?:mini|pro|preview|high))?(?![\w.])"),
        # a CamelCase product name joined to its generation by a hyphen (HengChuan-2, DeepMind-3), whatever family
        re.compile(r"(?<![A-Za-z0-9_.-])[A-Z][a-z]+(?:[A-Z][a-z]+)+[-‑]\d{1,2}(?!\.)" + _NO_FIGURE_AFTER),
        # … or a plain capitalised name so joined ("Kestrel-4, successor to Kestrel-3"): a generation, never a
        # count of 4 (a word that counts or ranks, "Top-10", "Phase-2", "Under-30", is no name)
        re.compile(
            r"(?<![A-Za-z0-9_.-])(?!(?:Top|Under|Over|Mid|Pre|Post|Phase|Stage|Level|Tier|Class|Type|Grade|Day|Week|Year"
            r"|Month|Page|Step|Round|Game|Group|Section|Chapter|Part|Figure|Table|Item|Article|Route|Covid|Best|First|Last)[-‑])"
            r"[A-Z][a-z]{2,}[-‑]\d{1,2}" + _NO_FIGURE_AFTER
        ),
        # … or a Chinese name so joined (曜问-4, 问渠-3.5, 曜问-4-Mini): a generation, not a count — never a
        # negative figure ("同比-3%", "-3.5亿") nor a range's end
        re.compile(
            r"[\u3400-\u9fff]{2}[-‑]\d{1,2}(?:\.\d)?(?:[-‑](?:Mini|Pro|Max|Flash|Air|Lite|Turbo|Plus|Ultra|Nano)(?![A-Za-z]))?"
            r"(?![A-Za-z0-9_.%％-]|\s*[%％亿万千百十元个家台张名款项倍年月日号期轮次])"
        ),
    )
    # a first-character look-ahead lets the engine skip positions (claims.prescan); not for the one
    # starting with \d: there the engine's own digit scan is as fast
    return tuple(p if p.pattern.startswith(r"(?<![\w.$¥€£])\d") else with_first_chars(p) for p in patterns)


def normalise_version(raw: str) -> str:
    """'GPT - 5 . 4 - Cyber' → 'GPT-5.4-Cyber'; 'Gemma 4  27B' → 'Gemma 4 27B'."""
    s = raw.replace("‑", "-").replace("–", "-")
    s = re.sub(r"\s*([.\-])\s*", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


_CURRENCY_CODE_AMOUNT = re.compile(r"(?:USD|RMB|CNY|HKD|EUR|GBP|JPY|AUD|CAD|SGD|KRW|INR|TWD|CHF)\s?\d")


# per version pattern, a shorter one every match of it contains (None: no gate), searched first: it
# stops at rarer characters (B/M after a digit, a hyphen after a capital) than the pattern, whose
# scan is then skipped on most sections
_VERSION_GATES: tuple[re.Pattern[str] | None, ...] = (
    None,  # a family name: the pattern skips by the families' first letters already
    re.compile(r"[A-Z](?<=\d[A-Z])"),  # H100, B200X: a digit then a capital
    re.compile(r"[BM](?<=\d[BM])"),  # 70B, 1.5M: B or M right after a digit
    re.compile(r"\d\.\d"),  # Name 1.2: a digit, a dot, a digit (half of all sections hold none)
    re.compile(r"v\d"),  # v1.2
    re.compile(r"[-‑](?<=[A-Z][-‑])(?=\d)"),  # HX-500: a capital, a hyphen, a digit
    re.compile(r"o[1-9]"),  # o1, o3-mini
    re.compile(r"[a-z][A-Z][a-z]+[-‑]\d"),  # HengChuan-2: a hump of the CamelCase name, then a hyphen and a digit
    re.compile(r"[a-z][-‑]\d"),  # Kestrel-4: a lower-case letter, a hyphen, a digit
    re.compile(r"[-‑](?<=[\u3400-\u9fff][-‑])\d"),  # 曜问-4: a Chinese character, a hyphen, a digit
)


def _find_versions(text: str, default_year: int | None) -> Iterator[Value]:
    for pattern, gate in zip(_version_patterns(), _VERSION_GATES, strict=True):
        if gate is not None and gate.search(text) is None:
            continue
        for m in pattern.finditer(text):
            raw = m.group(0).rstrip()
            if not any(ch.isdigit() for ch in raw) or _CURRENCY_CODE_AMOUNT.match(raw):
                continue  # "USD 12.5" is an amount, not a version
            yield Value(
                raw, normalise_version(raw), "version", "=", m.start(), m.start() + len(raw), "version"
            )


# ---------------------------------------------------------------- numbers (money, percent, counts)

# a currency code written before a figure: the ISO codes, and RMB for the yuan
_CODE_MARKS = ("RMB", *CURRENCY_CODES)
_CODES = "|".join(_CODE_MARKS)
_NUM_TOKEN = re.compile(
    r"(?:(?<![A-Za-z0-9_.])|(?<=" + _CODES + r"))(?<!\d,)(?:"
    r"(?P<d>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?P<a>[数几上])(?P<as>十万|百万|千万|十亿|百亿|千亿|十|百|千|万|亿)"
    # 逾百亿, 超千亿, 近百万: a scale word alone after a qualifier is one of it
    r"|(?<=[逾超近约達达破过])(?P<e>十万|百万|千万|十亿|百亿|千亿)"
    r"|(?P<c>[零〇一二两三四五六七八九十壹贰貳叁參参肆伍陆陸柒捌玖拾廿卅卌]"
    r"[零〇一二两三四五六七八九十百千万亿壹贰貳叁參参肆伍陆陸柒捌玖拾佰仟廿卅卌]*(?:点(?:[零〇一二三四五六七八九]+|\d+))?)"
    r")"
)
_PREFIX_MONEY = re.compile(
    r"(?<![A-Za-z])(US\$|HK\$|C\$|CA\$|A\$|AU\$|NZ\$|NT\$|S\$|R\$|\$|¥|￥|€|£|人民币|港币|港元|新台币|"
    r"(?:" + _CODES + r")\$?)\s*:?\s*$"
)
# the last characters of _PREFIX_MONEY's currency marks (US$ … ¥ € £ 人民币 港元 … and the codes)
_PREFIX_MONEY_ENDS = frozenset("$¥￥€£币元") | {code[-1] for code in _CODE_MARKS}


def _may_prefix_money(text: str, start: int) -> bool:
    """Whether a currency mark may end right before ``start`` (then spaces, a colon, spaces): a
    necessary condition checked before _PREFIX_MONEY searches five positions back."""
    lo = max(0, start - 5)
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j > lo and text[j - 1] == ":":
        j -= 1
        while j > lo and text[j - 1].isspace():
            j -= 1
    return j > lo and text[j - 1] in _PREFIX_MONEY_ENDS


def _may_name_before(text: str, start: int) -> bool:
    """Whether a word and one space may end right before ``start`` (or before a newline there, as ``$``
    also matches): a necessary condition checked before _NAME_BEFORE searches 30 positions back."""
    end = start - 1 if text[start - 1 : start] == "\n" else start
    return end - 2 >= max(0, start - 30) and text[end - 1] == " " and text[end - 2] in _ASCII_LETTERS


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# "pounds" is a weight beside these words (and never with a scale: "3 million pounds" is money)
_WEIGHT_NEAR = re.compile(r"\b(?:weigh\w*|\w*weight\w*|heav\w+|kilo\w*|kg|lbs?|tonnes?|tons?|grams?|ounces?)\b", re.I)
# a list item's number: "1. ", "1、", "1)" after a line start, a colon or a bracket ("附件：1. 申请表")
_ENUMERATOR = re.compile(r"[.．、)）](?:\s+(?=\S)|(?=[^\d\s.]))")
_ENUM_LEAD = re.compile(r"(?:^|[\n:：;；，,（(])\s*\Z")
_MONEY_NEAR = re.compile(
    r"\b(?:paid|pay\w*|cost\w*|pric\w+|worth|spen[dt]\w*|fine[ds]?|sterling|salar\w+|fund\w*|budget\w*|fees?|tax\w*"
    r"|earn\w*|charg\w+|sold|sell\w*|bought|buy\w*|wage\w*|bonus\w*)\b|£",
    re.I,
)


def _weighs(text: str, start: int, end: int) -> bool:
    """Is "pounds" a weight here: weight words around it and no money words."""
    lo, hi = max(0, start - 40), min(len(text), end + 40)
    return _WEIGHT_NEAR.search(text, lo, hi) is not None and _MONEY_NEAR.search(text, lo, hi) is None


# "$95m", "RMB150m": a lower-case m right after an amount in a currency is millions
_MONEY_MILLIONS = re.compile(r"m(?![A-Za-z0-9])")
# what a number glued to a one-letter scale names when it is a link speed, not an amount: 1.6T光模块, 400G switch
_SPEC_AFTER = re.compile(
    r"\s?(?:光?(?:收[发發])?模[块組塊组]|交[换換][机機]|以太[网網]|[网網]卡|端口|光口"
    r"|(?:optical\s+)?(?:modules?|transceivers?|optics|switch(?:es)?|ports?|Ethernet|NICs?)\b)",
    re.I,
)
_LINK_SPEED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?([GgTt])(?:bps|b/s)?(?=" + _SPEC_AFTER.pattern + ")", re.I)


def link_speeds(text: str) -> frozenset[float]:
    """The link speeds a text names its products by, in Gbit/s ("1.6T光模块" → {1600.0}, "800G switches" → {800.0}):
    what tells one product line's figure from another's beside it."""
    return frozenset(float(m.group(1)) * (1000.0 if m.group(2) in "Tt" else 1.0) for m in _LINK_SPEED.finditer(text))


# a scale written after a currency code that follows the figure ("2.37 USD bn", "640 USD m", "5.2 CNY bn")
_CODE_SCALE = re.compile(r"\s?(bn|bln|billion|m|mn|mln|million|k|thousand|tn|trillion)(?![A-Za-z0-9])", re.I)
_CODE_SCALES = {"bn": 1e9, "bln": 1e9, "billion": 1e9, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3, "tn": 1e12, "trillion": 1e12}
_PREFIX_CODES = {
    "US$": "USD",
    "HK$": "HKD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NT$": "TWD",
    "S$": "SGD",
    "R$": "BRL",
    "NZ$": "NZD",
    "人民币": "CNY",
    "港币": "HKD",
    "港元": "HKD",
    "新台币": "TWD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "RMB": "CNY",
    **{code: code for code in CURRENCY_CODES},
}
# ¥ (and full-width ￥) is yen or yuan: the nearest cue in the text around the amount says which; with
# no cue the currency is unknown (None), never guessed
_YEN_YUAN_CUES = re.compile(
    r"(?P<jp>日元|日圆|円|日本|东京|Japan|Japanese|Tokyo|Nikkei|\byen\b)"
    r"|(?P<cn>人民币|RMB|CNY|\byuan\b|China|Chinese|中国|[0-9亿万千百]元)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？；;]|\n")
_CENTS = re.compile(r"\s*,?\s*(?:and\s+)?(?P<c>\d{1,2}|[a-z]+(?:-[a-z]+)?)\s*(?:cents?\b|c\b|¢)", re.I)
_CN_DIGIT_CLASS = "零〇一二两三四五六七八九壹贰贰叁肆伍陆柒捌玖"
# 元/圆 then 角 and 分: 壹拾壹元壹角壹分 = 11.11 (分钟 and 分之 are not cents)
_JIAO_FEN = re.compile(
    rf"(?:(?P<j>[{_CN_DIGIT_CLASS}]|\d)角)?(?:(?P<f>[{_CN_DIGIT_CLASS}]|\d)分(?![钟之]))?"
)
# words right after a number that make it part of a name: teams (49人队, 76人队), shopping festivals
# named by their date (618 购物节)
_NAME_AFTER = re.compile(r"\s?(?:人队|队|购物节|狂欢节|大促)")


def _yen_or_yuan(text: str, start: int, end: int) -> str | None:
    """JPY or CNY from the nearest cue: before the amount anywhere in its paragraph (at most 300
    characters back: writers name the currency once, "¥30bn (yen, …)", and go on writing ¥), after
    it only within its own sentence."""
    lo = max(0, start - 300, text.rfind("\n\n", 0, start) + 1)
    stop = _SENTENCE_END.search(text, end, min(len(text), end + 300))
    hi = stop.start() if stop else min(len(text), end + 300)
    best: tuple[int, str] | None = None
    for m in _YEN_YUAN_CUES.finditer(text, lo, hi):
        distance = start - m.end() if m.end() <= start else m.start() - end
        code = "JPY" if m.group("jp") else "CNY"
        if best is None or distance < best[0]:
            best = (distance, code)
    return best[1] if best else None


def _cents(text: str, end: int) -> tuple[float, int] | None:
    """"20 dollars and 15 cents", "$20 and 43c", "1 dollar and forty-two cents": (cents / 100, end)."""
    m = _CENTS.match(text, end)
    if not m:
        return None
    raw = m.group("c")
    if raw.isdigit():
        cents = float(raw)
    else:
        found = [v for _, _, v, _ in number_words(raw)]
        if len(found) != 1:
            return None
        cents = found[0]
    return (cents / 100, m.end()) if 0 < cents < 100 else None


def _jiao_fen(text: str, end: int) -> tuple[float, int] | None:
    m = _JIAO_FEN.match(text, end)
    if not m or m.end() == end:
        return None
    total = 0.0
    for group, unit in (("j", 0.1), ("f", 0.01)):
        raw = m.group(group)
        if raw:
            total += (float(raw) if raw.isdigit() else cn_number(raw) or 0.0) * unit
    return round(total, 2), m.end()


def _after_hyphen(text: str, end: int, kinds: tuple[str, ...]) -> tuple[UnitWord, int] | None:
    """A Latin scale, currency or unit word after a hyphen: $250-million, 8,000-yuan, 500-million-euro,
    a 1.2-gigawatt campus."""
    if not (text.startswith("-", end) and text[end + 1 : end + 2].isalpha()):
        return None
    word = _match_word(text, end + 1, kinds)
    return word if word and word[0].surface.isascii() and len(word[0].surface) >= 3 else None


# a minus sign glued to a figure (not the dash of a range: "10-15"), or 负 (负增长 1.5%)
_NEGATIVE = re.compile(r"(?:(?<![\w.%)\]])[-−]|负(?:增长)?\s*)$")
# … and a minus right after a Chinese word before a rate (年均贡献率为-1.28%); not a designation (歼-20)
_NEGATIVE_AFTER_HAN = re.compile(r"[\u4e00-\u9fff][-−]$")
# the lookbehinds start ``den`` only at the head of a run: without them a long run of digits or
# numerals is tried from every position (quadratic in the run's length)
_FRACTION = re.compile(
    r"(?P<den>(?<!\d)\d+|(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+)\s*分之\s*(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
)
_PERCENT_CN = re.compile(r"百分之\s*(?P<num>\d+(?:\.\d+)?|[零一二两三四五六七八九十百点]+)")
# 三成 = 30%; not 成为/成功/成本/成员/成果/成立/成熟/成长/成交
_TENTHS_CN = re.compile(r"(?<![\d.])(?P<num>[一二两三四五六七八九]|\d(?:\.\d)?)\s*成(?![为功本员果立熟长交型绩效不])")
# (腰斩, "cut at the waist", halves a price or a valuation; said of a project or a show it means cancelled)
_HALF_CN = re.compile(r"一半|半数|减半|減半|(?:(?<=[价價格值入润潤量额額费費])|(?<=[价價格值入润潤量额額费費][遭被]))腰斩|(?:(?<=[价價格值入润潤量额額费費])|(?<=[价價格值入润潤量额額费費][遭被]))腰斬")
_DOUBLE_CN = re.compile(
    r"翻倍|翻番|翻了?(?P<n>[一两二三四])番|(?:多出?|高出?|增长了?|增加了?|提高了?|提升了?|上涨了?|扩大了?|翻了?)\s*"
    r"(?P<q>超过|超|逾|近|接近|将近|约|不到|不足)?\s*(?P<one>一|1)\s*倍"  # (增长超过一倍: more than doubled)
)
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
_RANK = re.compile(r"(?:第|#|No\.)\s*$")
# a listed company's code in brackets right after its Chinese name, 曜芯微(688652), 崴晟（7841） (a year aside)
_STOCK_CODE = re.compile(r"(?<=[\u4e00-\u9fff])[（(]\s*(?!(?:19|20)\d{2}\s*[)）])\d{4,6}\s*[)）]")
_TIME_ZONE = re.compile(r"\b(?:GMT|UTC)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?(?!\d)")
_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)")
# times of day written in words: 3 p.m., 10am; 下午3点, 10点30分, 3点半 (点 alone is also a measure word:
# 三点建议 = three suggestions, so a Chinese time needs a time of day before it or minutes after it)
# the gate: an hour (a digit or numeral) right before 点/时 or before am/pm, as every _CLOCK_WORDS match
# has it (searched alone: a first search for 点/时/am/pm, whose matches this one holds, opens on half of
# all sections and costs as much)
_CLOCK_HOUR = re.compile(r"(?:\d|[一二两三四五六七八九十])\s*[点时]|\d\s*(?:[ap]\.?m|[AP]M)")
_CN_HOUR = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_CLOCK_WORDS = re.compile(
    r"(?<![\d.])\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)"
    rf"|(?:上午|下午|晚上|凌晨|中午|早上|傍晚|夜间|晚|早)\s*{_CN_HOUR}\s*[点时](?:\s*{_CN_HOUR}\s*分|半|钟|整)?"
    rf"|(?<![\d.]){_CN_HOUR}\s*[点时]\s*(?:\d{{1,2}}\s*分(?!之)|半|钟|整)"
)
_EN_APPROX = re.compile(r"\b(?P<w>dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions|tens of millions|"
                        r"hundreds of millions|billions)\s+of\b", re.I)
_EN_APPROX_VALUE = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "tens of thousands": 1e4,
                    "hundreds of thousands": 1e5, "millions": 1e6, "tens of millions": 1e7,
                    "hundreds of millions": 1e8, "billions": 1e9}
_LATIN_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z-]*(?:\s+[A-Za-z][A-Za-z-]*){0,2})")
_CJK_AFTER = re.compile(r"\s*([\u4e00-\u9fff]{1,10})")
_CN_SCALES = {
    "十": 10.0,
    "百": 100.0,
    "千": 1e3,
    "万": 1e4,
    "亿": 1e8,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "十亿": 1e9,
    "百亿": 1e10,
    "千亿": 1e11,
}


def _decimals(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


_NOT_RESOLUTION = "".join(rf"(?<!(?<![\d.,]){r})" for r in ("480", "720", "1080", "1440", "2160", "4320"))
_MILLION_M_NEXT = (
    r"(?=[ \t]+[A-Za-z])(?![ \t]+(?:ago|tall|long|wide|high|deep|thick|away|from|above|below|under|over|of|per|in|at|to|and"
    r"|or|by|left|run|race|sprint|dash|hurdles|freestyle|cable|cables|square|range|mark|radius|depth|height|length)\b)"
)


@cache
def _word_pattern(kind: str) -> tuple[re.Pattern[str], dict[str, UnitWord]]:
    """One anchored regex per kind of unit word, longest surface first; a word ending in a Latin
    letter must not run on into another Latin letter or digit ("B" of "Blackwell", "M" of "MoE")."""
    words = {w.surface: w for w in unit_words() if w.kind == kind}
    longer = [w.surface for w in unit_words() if w.kind != kind]
    alternatives = []
    for surface in sorted(words, key=len, reverse=True):
        guard = r"(?![A-Za-z0-9])" if surface[-1].isascii() and surface[-1].isalpha() else ""
        if words[surface].unit in BITS:
            guard += r"(?!\s?/\s?s|\s+(?:per|a)\s+second)"  # a rate ("800Gb/s") is a link's speed, no amount of bits
        if surface == "P":
            # computing power as Chinese reports write it, glued to its figure: 算力规模约1.2万P, 12,000P; not a
            # video's resolution (1080P, 720P)
            alternatives.append(r"(?<=[\d万萬])" + _NOT_RESOLUTION + "P" + guard)
            continue
        if surface == "m":
            # a million written as the press writes it, glued to its figure before a noun ("1.5m users", "~2m Aster X2");
            # not a length ("a 1.5m cable", "5m tall"), a time ("5m ago") or a figure closing its sentence
            alternatives.append(r"(?<=\d)m" + guard + _MILLION_M_NEXT)
            continue
        # 兆 is a scale, but 兆瓦 is a unit: a surface never takes the head of a longer word of another kind
        tails = [w[len(surface) :] for w in longer if w.startswith(surface) and len(w) > len(surface)]
        if tails and not surface.isascii():
            guard += "(?!" + "|".join(re.escape(t) for t in sorted(tails, key=len, reverse=True)) + ")"
        alternatives.append(re.escape(surface) + guard)
    if kind == "money":  # currency names in any case: "20 Euros", "300 japanese yen"
        words.update({surface.lower(): w for surface, w in list(words.items())})
        return re.compile(r" {0,2}(?:" + "|".join(alternatives) + ")", re.I), words
    return re.compile(r" {0,2}(?:" + "|".join(alternatives) + ")"), words


@cache
def _word_firsts(kind: str) -> frozenset[str]:
    """Every character a unit word of ``kind`` can start with (in any letter case for the kind read
    ignoring case, with the non-ASCII letters ``re.I`` takes for ASCII ones)."""
    pattern, words = _word_pattern(kind)
    firsts = {w[0] for w in words}
    if pattern.flags & re.IGNORECASE:
        firsts |= {f(ch) for ch in firsts for f in (str.lower, str.upper)} | set(_FOLDS_TO_ASCII) | {"\u212a"}
    return frozenset(ch for ch in firsts if len(ch) == 1)


def _match_word(text: str, pos: int, kinds: tuple[str, ...]) -> tuple[UnitWord, int] | None:
    """The unit word of one of ``kinds`` at ``pos`` (after up to two spaces), and where it ends."""
    first = text[pos : pos + 1]
    if first == " ":  # the pattern allows up to two spaces before the word (no word starts with one)
        first = text[pos + 1 : pos + 2]
        if first == " ":
            first = text[pos + 2 : pos + 3]
    for kind in kinds:
        if first not in _word_firsts(kind):
            continue  # no word of the kind starts here: the match would fail
        pattern, words = _word_pattern(kind)
        m = pattern.match(text, pos)
        if m:
            surface = m.group(0).lstrip(" ")
            return words.get(surface) or words[surface.lower()], m.end()
    return None


@cache
def _before_pattern() -> tuple[re.Pattern[str], dict[str, Qualifier]]:
    """Qualifier words that may end the text before a number, longest first; Latin ones whole words."""
    table: dict[str, Qualifier] = {}
    alternatives = []
    for surface, position, qualifier in qualifier_words():
        if position != "before":
            continue
        table[surface.lower()] = qualifier  # type: ignore[assignment]
        guard = r"(?<![A-Za-z])" if surface[0].isascii() and surface[0].isalpha() else ""
        alternatives.append(guard + re.escape(surface))
    verbs = "(?:" + "|".join(_BEFORE_VERBS) + ")"
    return re.compile("(?P<q>" + "|".join(alternatives) + rf")\s*{verbs}?\s*$", re.I), table


# a Chinese verb may stand between a qualifier and its number: 至少有 25 名, 超过了 15 亿, 最多达 20 年,
# 至少拥有 8 家, 最多容纳 500 人
_BEFORE_VERBS = ("拥有", "持有", "具有", "占有", "容纳", "需要", "招募", "招收", "投入", "开设", "建成", "覆盖", "有", "达到", "达", "为", "是", "了")


@cache
def _before_suffixes() -> tuple[str, ...]:
    """What the text before a qualified number ends with, spaces left out: a qualifier word (lower case)
    or a verb after one."""
    words = {surface.lower() for surface, position, _q in qualifier_words() if position == "before"}
    return tuple(sorted(words | set(_BEFORE_VERBS)))


# the letters re.I reads as ASCII ones whose str.lower() is not that letter (K lowers to k itself)
_LOWER_MISREADS = frozenset("\u0130\u0131\u017f")


@cache
def _before_ends() -> frozenset[str]:
    """Every character a qualifier word before a number can end with, in either letter case, and the
    last characters of the verbs that may stand between it and the number (有, 达到, 为 …)."""
    ends = {ch for surface, position, _q in qualifier_words() if position == "before" for ch in (surface[-1].lower(), surface[-1].upper())}
    return frozenset(ends | set("有达到为是了纳要募收入设成盖") | set(_FOLDS_TO_ASCII) | {"\u212a"})


def _qualifier_before(text: str, start: int) -> Qualifier:
    m = _qualifier_match(text, start)
    return _before_pattern()[1][m.group("q").lower()] if m else "="


def qualifier_start(text: str, start: int) -> int:
    """Where the qualifier words written before the figure at ``start`` begin ("just under $400m" → the
    "under"; 超过了15亿 → the 超), or ``start`` when it has none."""
    m = _qualifier_match(text, start)
    return m.start() if m else start


def _qualifier_match(text: str, start: int) -> re.Match[str] | None:
    lo = max(0, start - 16)
    j = start
    while j > lo and text[j - 1].isspace():
        j -= 1
    # a match ends with a qualifier word or a verb, then spaces (\s is str.isspace): when the last other
    # character ends neither, the search cannot match and is skipped (most numbers have no qualifier)
    if j == lo or text[j - 1] not in _before_ends():
        return None
    # closer: the words themselves (a match ends at ``start`` inside the window); the lower-cased
    # window says it unless it holds a letter whose lower case re.I does not read the same way
    window = text[lo:j]
    if not window.lower().endswith(_before_suffixes()) and _LOWER_MISREADS.isdisjoint(window):
        return None
    return _before_pattern()[0].search(text, lo, start)


# a bound on a share said before its base: "按不超过项目总投资10%的比例", "不低于营业收入的5%"
_SHARE_BASE = re.compile(r"(?:总投资|投资额|总额|总量|总收入|营业收入|营收|收入|总资产|总股本|股本|总数)的?\s*$")


def _share_qualifier(text: str, start: int) -> Qualifier:
    """The qualifier before the base of a percentage (不超过 in "不超过项目总投资10%", at most six characters
    before the base), or "="."""
    base = _SHARE_BASE.search(text, max(0, start - 8), start)
    if base is None:
        return "="
    for at in range(base.start(), max(0, base.start() - 6) - 1, -1):
        if at < base.start() and not "\u4e00" <= text[at] <= "\u9fff":
            break  # the base's own words are Han characters; a mark ends them
        q = _qualifier_before(text, at)
        if q != "=":
            return q
    return "="


@cache
def _after_words() -> tuple[tuple[str, Qualifier], ...]:
    """Qualifier words that may follow a number (以上, or more…), longest first."""
    return tuple((surface, q) for surface, position, q in qualifier_words() if position == "after")  # type: ignore[misc]


def _qualifier_after(text: str, end: int) -> tuple[Qualifier | None, int]:
    """The qualifier written after a number (以上, or more), also past a conversion in brackets:
    "150美元（约合人民币962元）以上" is more than 150 dollars."""
    for start in (end, _past_aside(text, end)):
        if start < 0:
            continue
        i = start
        while i < len(text) and text[i] == " " and i - start < 2:
            i += 1
        for surface, qualifier in _after_words_by_first().get(text[i : i + 1], ()):
            if text.startswith(surface, i):
                return qualifier, i + len(surface)
    return None, end


@cache
def _after_words_by_first() -> dict[str, tuple[tuple[str, Qualifier], ...]]:
    """``_after_words`` by their first character, each list in the same order (the first word that
    starts at a position is the one read there)."""
    out: dict[str, list[tuple[str, Qualifier]]] = {}
    for surface, qualifier in _after_words():
        out.setdefault(surface[:1], []).append((surface, qualifier))
    return {k: tuple(v) for k, v in out.items()}


_ASIDE = re.compile(r" ?[（(][^（）()]{1,40}[）)]")


def _past_aside(text: str, end: int) -> int:
    """Where a bracketed aside right after ``end`` closes, or -1."""
    if end >= len(text) or text[end] not in "（( ":
        return -1
    m = _ASIDE.match(text, end)
    return m.end() if m else -1


_CLASSIFIER_LATIN = re.compile(r"\s*[个块台张款家名位颗枚辆部套项条种只]\s*([A-Za-z][A-Za-z0-9\-]*)")


def _noun_after(text: str, pos: int) -> str | None:
    """The noun right after a number: Latin words, optionally followed by a Chinese head noun; a
    Chinese classifier before a Latin noun is skipped (10 万块 GPU counts GPUs)."""
    cl = _CLASSIFIER_LATIN.match(text, pos)
    if cl and cl.group(1).lower() not in _EN_STOP:
        return head_noun(cl.group(1)) or cl.group(1)
    m = _LATIN_AFTER.match(text, pos)
    if m:
        words: list[str] = []
        for w in m.group(1).split():
            if w.lower() in _EN_STOP:
                break
            words.append(w)
        cjk = _CJK_AFTER.match(text, m.end())
        if cjk:
            head = head_noun(re.split(r"[和与及或、]", cjk.group(1))[0])
            if head and head.isascii():
                return head
        return head_noun(" ".join(words)) if words else None
    m = _CJK_AFTER.match(text, pos)
    if m:
        return head_noun(re.split(r"[和与及或、]", m.group(1))[0])
    return None


_NOT_PAST = re.compile(r"[，。；：,;:、（）()\n]|\d")
_EN_STOP = frozenset({"and", "or", "in", "of", "to", "the", "for", "on", "at", "by", "with", "from", "among",
                      "across", "per", "than", "as", "into", "over", "is", "are", "was", "were", "that", "vs", "versus",
                      "against"})


_RIGHT_AFTER = re.compile(r" ?(?:新|的)?")


def _measure_right_after(text: str, pos: int) -> str | None:
    """A lexicon noun written right after an amount ("620 亿美元融资", "$62bn post-money valuation"),
    in English; None when anything else comes first."""
    return noun_at(text, _RIGHT_AFTER.match(text, pos).end())  # type: ignore[union-attr]


def _noun_before(text: str, start: int) -> str | None:
    return _noun_in_window(text[max(0, start - 14) : start])


@lru_cache(maxsize=4096)  # a pure function of at most 14 characters
def _noun_in_window(window: str) -> str | None:
    """The lexicon noun ending nearest the end of ``window``, in English (the subject before a figure)."""
    window = _NOT_PAST.split(window)[-1]  # not past another figure
    best: tuple[int, str] | None = None
    for key in sorted({k for k in _lexicon_keys() if k in window}, key=len, reverse=True):
        pos = window.rfind(key) + len(key)
        if best is None or pos > best[0]:
            best = (pos, key)
    return translate(best[1]) if best else None


@cache
def _lexicon_keys() -> tuple[str, ...]:
    from claims.lexicon import lexicon

    # (a change's verb is no noun: "价格下调50%" is a price's cut, as "价格下降50%" is its fall)
    return tuple(k for k in lexicon() if k not in _CHANGE_VERBS)


_CHANGE_VERBS = frozenset({"上调", "下调", "上調", "下調"})


def _number_of(m: re.Match[str]) -> tuple[float, float, Qualifier | None] | None:
    """(value, precision, implied qualifier) of a number token."""
    if m.group("d"):
        digits = m.group("d").replace(",", "")
        return float(digits), 10.0 ** -_decimals(digits), None
    if m.group("a"):
        scale = _CN_SCALES[m.group("as")]
        return scale, scale, ">="
    if m.group("e"):
        scale = _CN_SCALES[m.group("e")]
        return scale, scale, None
    value = cn_number(m.group("c"))
    if value is None:
        return None
    decimals = m.group("c").split("点", 1)[1] if "点" in m.group("c") else ""
    return value, 10.0 ** -len(decimals), None


_NAME_BEFORE = re.compile(
    r"(?<![A-Za-z])(?!(?:Top|Over|About|Nearly|Around|Up|More|Some|Only|To|And|By)\b)(?:[A-Z][A-Za-z]+|[a-z]+[A-Z][A-Za-z]*) $"
)
# capitals and a hyphen glued to a number make a designation (a fiscal year, quarter or half is a period)
_HYPHEN_NAME = re.compile(r"(?<![\w-])(?!(?:FY|CY|Q|H)-)[A-Z][A-Z0-9]{0,5}-\Z")
_RANGE_NEXT = re.compile(r"\s*(?P<sep>[-–~～至到]|to\b|and\b)\s*[$€£]?(\d+(?:\.\d+)?)", re.I)


def _range_unit(text: str, end: int, start: int) -> tuple[float, str | None, ClaimKind] | None:
    """(scale, unit, kind) of the other end of a range that starts at ``end`` ("-24 个月", " to 20
    dollars", "到5.78元"; "and 20 dollars" after "between"), if it has a unit."""
    m = _RANGE_NEXT.match(text, end)
    if not m:
        return None
    sep = m.group("sep").lower()
    if sep == "and" and not _BETWEEN.search(text, max(0, start - 9), start):
        return None
    if sep in ("to", "and") and _YEARLIKE.fullmatch(text, start, end):
        return None  # "in 2025 to 3.1 billion yuan": a year, then the figure it reached
    pos = m.end()
    factor = 1.0
    scale = _match_word(text, pos, ("scale",))
    if scale and not (len(scale[0].surface) == 1 and text[pos : pos + 1] == " "):
        factor, pos = scale[0].factor, scale[1]
    money = _match_word(text, pos, ("money",))
    if money:
        return factor, money[0].unit, "money"
    for kinds in (("percent",), ("unit",), ("measure",)):
        word = _match_word(text, pos, kinds)
        if word:
            return factor, word[0].unit, "percent" if kinds == ("percent",) else "count"
    return (factor, None, "count") if factor != 1.0 else None


_BETWEEN = re.compile(r"between\s+$", re.I)
# the first end of a range written with a currency mark, right before the second end ("$6-", "RMB 3 to ")
_RANGE_CURRENCY_BEFORE = re.compile(
    r"(?<![A-Za-z])(US\$|HK\$|C\$|A\$|NZ\$|NT\$|S\$|\$|€|£|[A-Z]{3})\s?\d+(?:\.\d+)?\s*(?:[-–~～]|to)\s*$"
)


_DECLARED = re.compile(r"\s?[（(]\s*")


def _declared_currency(text: str, end: int) -> str | None:
    """The currency a bracket right after a bare 元 declares ("60多元(美元，下同)": US dollars), or None."""
    m = _DECLARED.match(text, end)
    if m is None:
        return None
    word = _match_word(text, m.end(), ("money",))
    if word is None or word[0].unit == "CNY":
        return None
    after = text[word[1] : word[1] + 1]
    return word[0].unit if after in ("，", ",", "）", ")", "、", " ") else None


def _range_currency_before(text: str, start: int) -> str | None:
    """The currency of a range's first end written with a currency mark right before ``start``."""
    m = _RANGE_CURRENCY_BEFORE.search(text, max(0, start - 16), start)
    return _PREFIX_CODES.get(m.group(1)) if m else None


# 五次会议, 三次全会: the Nth session of a congress or committee (an ordinal, as 届 is)
_SESSION_AFTER = re.compile(r"\s*(?:会议|全会|全体会议|大会)")
_ERA_AFTER = re.compile(r"\s*(?:年代|世纪)")
# "delivered 2025 humanoids", "a survey of 2008 people": a year-like number counting the plural noun
# right after it (a year is "in 2025", "the 2024 elections": the word before decides, see below)
_YEARLIKE_COUNT = re.compile(r" (?:people|persons|[a-z]{3,}(?<!ss)s)\b(?! of\b)")
_YEAR_LEAD = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|the|this|that|before|after|for|through|to|and|or|early|late|mid"
    r"|fiscal|FY|between|of the|class of)\s+|[-–/'’(]|^\s*|[.!?:;]\s+)$",
    re.IGNORECASE,
)
_YEARLIKE = re.compile(r"(?:19|20)\d\d")


def _cn_remainder(text: str, end: int, scale: float) -> tuple[float, float, int] | None:
    """What follows 亿/万 inside the same figure: 5亿2000万 → 2000万, 1万600元 → 600 (value, precision,
    end). The rest must be smaller than the scale and carry its own scale or a unit, so that
    "5亿2024年" stays two things."""
    m = _CN_REST.match(text, end)
    if not m:
        return None
    num = m.group("n")
    value = float(num.replace(",", "")) if num[0].isdigit() else cn_number(num)
    if value is None:
        return None
    precision = 10.0 ** -_decimals(num) if num[0].isdigit() else 1.0
    small = m.group("s")
    if small:
        value, precision = value * _CN_SCALES[small], precision * _CN_SCALES[small]
    elif not (num[-1] in "十百千" or _match_word(text, m.end(), ("money", "unit", "measure"))):
        return None
    return (value, precision, m.end()) if 0 < value < scale else None


_CN_REST = re.compile(
    r"零?(?P<n>\d{1,4}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(?P<s>千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?"
)


def _find_numbers(text: str, default_year: int | None, taken: bytearray | None = None) -> Iterator[Value]:
    """Numbers, money, percents and counts; a token that touches a stretch ``taken`` marks already
    (a date, a duration, a time of day) is skipped: its value would span it (a value only ever
    grows around its token), so ``parse_values`` would drop it."""
    for m in _NUM_TOKEN.finditer(text):
        if taken is not None and taken.count(0, m.start(), m.end()) < m.end() - m.start():
            continue
        got = _number_of(m)
        if got is None:
            continue
        value, precision, implied = got
        start, end = m.start(), m.end()
        is_cn = bool(m.group("c"))
        is_digits = bool(m.group("d"))
        # a Chinese numeral glued to its own scale: 三百万 is parsed whole by cn_number
        unit: str | None = None
        kind: ClaimKind = "count"
        measure = None
        scale_word = _match_word(text, end, ("scale",)) or _after_hyphen(text, end, ("scale",))
        approx_more = False
        more_at = end + (text[end : end + 1] == " ")  # "500 多万英镑" is written with a space too
        if scale_word is None and text[more_at : more_at + 1] in ("多", "余") and (is_digits or is_cn):
            # 3000多万 = more than 30 million: 多/余 between a number and its scale (or its measure word:
            # 五十余个国家 = more than fifty countries)
            scale_word = _match_word(text, more_at + 1, ("scale",))
            approx_more = scale_word is not None
            if scale_word is None and _match_word(text, more_at + 1, ("measure", "unit", "money")):
                end, approx_more = more_at + 1, True
        if (
            scale_word
            and scale_word[0].surface.isascii()
            and len(scale_word[0].surface) == 1
            and text[end : end + 1] == " "
        ):
            scale_word = None  # "26 B" with a space is not a scale
        if scale_word and scale_word[0].surface.isascii() and len(scale_word[0].surface) == 1 and _SPEC_AFTER.match(text, scale_word[1]):
            continue  # 1.6T光模块, "1.6T optical modules": a link speed naming a product (as 800G does), not 1.6 trillion
        if scale_word:
            value = float(f"{value * scale_word[0].factor:.12g}")  # 1.1 亿 is 110000000, not …0.00000001
            precision *= scale_word[0].factor
            end = scale_word[1]
            if scale_word[0].surface in ("兆", "万亿", "亿", "万") and (rest := _cn_remainder(text, end, scale_word[0].factor)):
                value, precision, end = value + rest[0], rest[1], rest[2]  # 5亿2000万, 1万600元, 1兆4,218億
            elif text[end : end + 1] in ("多", "余") and _match_word(text, end + 1, ("money", "unit", "measure")):
                end, approx_more = end + 1, True  # 5 亿多美元: more than half a billion dollars
        has_scale = scale_word is not None or (is_cn and any(ch in "百千万亿佰仟" for ch in m.group("c")))
        prefix = _PREFIX_MONEY.search(text, max(0, start - 5), start) if _may_prefix_money(text, start) else None
        money = _match_word(text, end, ("money",)) or _after_hyphen(text, end, ("money",))
        if prefix:
            symbol = prefix.group(1)
            code = _PREFIX_CODES.get(symbol) or _PREFIX_CODES.get(symbol.rstrip("$"))
            if symbol in ("¥", "￥"):
                code = money[0].unit if money else _yen_or_yuan(text, start, end)
            elif symbol == "$" and money and money[0].surface.isupper():
                code = money[0].unit  # "$1,190.00 AUD": the code after names the dollar
            unit, kind = code, "money"
            start = prefix.start()
            if scale_word is None and (mm := _MONEY_MILLIONS.match(text, end)):
                value, precision, end = value * 1e6, precision * 1e6, mm.end()
            elif money and money[0].unit == code:
                end = money[1]
            elif scale_word is None and is_digits and (ranged := _range_unit(text, end, start)) and ranged[2] == "count" and ranged[0] != 1.0:
                # "$6-7 million", "RMB 3-5 billion": the first end of a range takes the second's scale
                value, precision = value * ranged[0], precision * ranged[0]
                has_scale = True
        elif money and money[0].unit == "GBP" and money[0].surface.lower() == "pounds" and not has_scale and _weighs(text, start, money[1]):
            unit, end = "lb", money[1]  # "weighs 3,000 pounds (1,300 kilograms)", "lightweight (135 pounds)"
        elif money:
            unit, kind, end = money[0].unit, "money", money[1]
            if scale_word is None and (money[0].surface[-1:].isupper() or money[0].surface[-1:] == "$") and (after := _CODE_SCALE.match(text, end)):
                # "2.37 USD bn", "640 USD m", "41.26 NT$ bn": a spreadsheet's unit cell, the scale after the code
                factor = _CODE_SCALES[after.group(1).lower()]
                value, precision, end, has_scale = float(f"{value * factor:.12g}"), precision * factor, after.end(), True
            if money[0].factor != 1.0:  # 港仙, 美分, US cents: hundredths of the currency
                value, precision = float(f"{value * money[0].factor:.12g}"), precision * money[0].factor
            if money[0].surface == "元" and (declared := _declared_currency(text, end)) is not None:
                unit = declared  # 60多元(美元，下同): the bracket names which 元
            elif money[0].surface == "元" and (named := _match_word(text, end, ("money",))) is not None and named[0].unit not in {None, "CNY"}:
                unit, end = named[0].unit, named[1]  # 1,286.4億元新台幣: the currency named after 元 says which 元
        else:
            pct = _match_word(text, end, ("percent",))
            other = _match_word(text, end, ("unit",)) or _after_hyphen(text, end, ("unit",))  # a 1.2-gigawatt campus
            measure = _match_word(text, end, ("measure",))
            if pct:
                unit, kind, end = pct[0].unit, "percent", pct[1]
                value, precision = value * pct[0].factor, precision * pct[0].factor
            elif other:
                unit, end = other[0].unit, other[1]
                value, precision = value * other[0].factor, precision * other[0].factor
            elif measure:
                if text[end : measure[1]].strip() == "分" and not is_digits:
                    continue  # 十分重要, 万分感谢: an adverb; a score is written in digits (9 分, 95 分)
                if text[end : measure[1]].strip() == "周年":
                    unit = "rank"  # 建交六十周年: the 60th anniversary, an ordinal as "60th" is
                elif text[end : measure[1]].strip() in ("岁", "周岁"):
                    unit = "age"  # 30 多岁的记者: years of age, not a count of the reporters after it
                elif (
                    text[end : measure[1]].strip() == "届" or _SESSION_AFTER.match(text, measure[1]) and text[end : measure[1]].strip() == "次"
                ) and not text[max(0, start - 2) : start].endswith(("连续", "连")):
                    unit = "rank"  # 十二届全国人大五次会议: the 12th NPC's 5th session, ordinals as "5th" is
                end = measure[1]
            elif is_digits and end < len(text) and text[end].isascii() and text[end].isalpha():
                continue  # 5G, 3D, 2604x: digits glued to letters are a name, not a figure
            elif is_digits and not has_scale and (ranged := _range_unit(text, end, start)):
                # "12-24 个月", "10-20 dollars", "3-5 亿元": the first end of a range takes the second's
                # scale and unit
                factor, unit, kind = ranged
                value, precision = value * factor, precision * factor
                has_scale = factor != 1.0
            elif has_scale and kind == "count" and unit is None and (ranged := _range_unit(text, end, start)) and ranged[2] == "money":
                unit, kind = ranged[1], "money"  # "between 2 million and 5 million euros": both ends are euros
            elif has_scale and kind == "count" and unit is None and (before := _range_currency_before(text, start)):
                unit, kind = before, "money"  # "$6-7 million": the second end is dollars too
            elif is_digits and not has_scale and not 1900 <= value <= 2100 and _may_name_before(text, start) and _NAME_BEFORE.search(text, max(0, start - 30), start):
                continue  # Microsoft 365, Horizon 1000, Nikkei 225: a number inside a name
            elif (
                is_digits and not has_scale and unit is None and text[start - 1 : start] == "-"
                and _HYPHEN_NAME.search(text, max(0, start - 8), start)
            ):
                continue  # NX-9 racks, F-35 jets, COVID-19 cases: a number inside a designation
            elif is_cn and not has_scale and not m.group("c").endswith(("百", "千", "万", "亿")):
                continue  # 一体, 三大: a bare small Chinese numeral is not a claim
            if (
                unit is None and measure is None and is_digits and not has_scale and "." not in m.group("d")
                and _ENUMERATOR.match(text, end) and _ENUM_LEAD.search(text, max(0, start - 4), start)
            ):
                continue  # "附件：1. 申请表", "1、总则": a list item's number, not a figure
            if _NAME_AFTER.match(text, m.end()) or (measure and _NAME_AFTER.match(text, end)):
                continue  # 49人队, 618 购物节: a name, not a figure
            if not scale_word and _ERA_AFTER.match(text, m.end()):
                continue  # 上世纪70年代, 20 世纪: a decade or a century, not a count
            if text[start - 1 : start] == "双" and value <= 12 and not scale_word:
                continue  # 双11, 双十二: a shopping festival's name (a month and day), not a figure
            day = end + 1 if text[end : end + 1] == " " else end
            if (
                text[day : day + 1] in ("日", "号") and not scale_word and value == int(value) and 1 <= value <= 31
                and _qualifier_before(text, start) == "=" and text[start - 1 : start] not in ("第", "每")
            ):
                continue  # 记者7日获悉: the day of the report's month, not a count (近20日 is a duration)
            if text[day : day + 1] == "日" and kind == "count" and unit is None and not scale_word and text[start - 1 : start] != "第":
                unit, end = "d", day + 1  # 近20日, 超过 45 日: days
            rank = _RANK.search(text, max(0, start - 4), start)
            if rank:
                unit, start = "rank", rank.start()
            if (
                kind == "count"
                and unit is None
                and is_digits
                and not has_scale
                and measure is None
                and "." not in m.group("d")
                and "," not in m.group("d")
                and 1900 <= value <= 2100
                and not (_YEARLIKE_COUNT.match(text, end) and not _YEAR_LEAD.search(text, max(0, start - 12), start))
            ):
                kind, unit = "date", "date"
        if kind == "money":
            extra = _cents(text, end) if unit not in ("CNY", "JPY", "KRW") else None
            if unit == "CNY" and text[end - 1 : end] in "元圆":
                extra = _jiao_fen(text, end)
            if extra:
                value, precision, end = value + extra[0], 0.01, extra[1]
        if is_cn and not has_scale and kind == "count" and unit != "x" and not (measure and value >= 2):
            continue  # 一家, 一周, 三大: small Chinese numerals are wording; 四个版本, 三家公司 are counts
        if (
            _NEGATIVE.search(text, max(0, start - 4), start) and kind in ("percent", "money", "count")
        ) or (kind == "percent" and _NEGATIVE_AFTER_HAN.search(text, max(0, start - 2), start)):
            value, start = -value, start - 1 if text[start - 1] in "-−" else start  # -1.5%, 负增长 1.5%
        qualifier = _qualifier_before(text, start)
        if qualifier == "=" and kind == "percent":
            qualifier = _share_qualifier(text, start)
        if approx_more and qualifier == "=":
            qualifier = ">"
        after_q, after_end = _qualifier_after(text, end)
        if after_q is not None and kind != "date":
            qualifier = after_q
        elif implied is not None and qualifier == "=":
            qualifier = implied
        noun: str | None = None
        if kind == "date":
            yield Value(text[start:end], f"{int(value):04d}", "date", "=", start, end, "date")
            continue
        if unit is None or unit == "rank":
            points = measure is not None and text[measure[1] - 1 : measure[1]] == "分"  # 1498 分居首: no noun after a score
            noun = _noun_after(text, after_end) if (measure if unit is None else True) and not points else None
            if noun is None and unit is None:
                noun = _noun_after(text, end) if _LATIN_AFTER.match(text, end) else None
            if noun is None and unit is None:
                known = _noun_after(text, after_end)  # 数百万企业客户: a known noun right after
                noun = known if known and known.isascii() else None
            if noun is None:
                noun = _noun_before(text, start)
        else:
            # money, percent and measures: the subject written before ("周活达到 300 分钟" → weekly active users),
            # unless a measure noun follows the amount at once ("以 45 亿美元投后估值完成 620 亿美元融资":
            # the 620 is the funding, not the valuation written before it)
            noun = (_measure_right_after(text, after_end) if kind == "money" else None) or _noun_before(text, start)
        yield Value(text[start:end], value, unit, qualifier, start, end, kind, precision, noun)


_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "a": 1, "an": 1}
_EN_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "tenth": 10, "tenths": 10}
_EN_FRACTION = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:in|out of)\s+(?P<d>two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
    r"|\b(?P<n2>a|an|one|two|three|four)[\s-](?P<p>half|third|thirds|quarter|quarters|fourth|fifth|fifths|sixth|tenth|tenths)\b(?!-)",
    re.I,
)

_EN_FRACTION_LOW = _lower_twin(_EN_FRACTION)
_EN_FRACTION_WORDS = ("in", "out of", "half", "third", "quarter", "fourth", "fifth", "sixth", "tenth")


def _find_english_fractions(text: str, default_year: int | None) -> Iterator[Value]:
    """"one in five", "two-thirds", "a quarter" → percent."""
    if not _mentions(text, _EN_FRACTION_WORDS):
        return
    for m in _finditer_i(_EN_FRACTION, _EN_FRACTION_LOW, text):
        if m.group("n"):
            n_s, d_s = m.group("n").lower(), m.group("d").lower()
            num = float(n_s) if n_s.isdigit() else _EN_NUMBERS[n_s]
            den = float(d_s) if d_s.isdigit() else _EN_NUMBERS[d_s]
        else:
            num, den = _EN_NUMBERS[m.group("n2").lower()], _EN_PARTS[m.group("p").lower()]
        if not den or num > den:
            continue
        yield Value(text[m.start() : m.end()], round(num / den * 100, 4), "percent", _qualifier_before(text, m.start()),
                    m.start(), m.end(), "percent", 1.0)


_EN_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50,
}
_EN_DETERMINER = re.compile(r"(?<![\w-])(?:those|these|the|all|its|their)\s+$", re.I)
_EN_NOUN_AFTER = re.compile(r"\s+(?:[A-Za-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*s\b|\s+people\b")
_A_CURRENCY = re.compile(r"(?<![\w-])an?\s+(?=(?:dollar|euro|pound|yuan|yen|rupee)\b)", re.I)
_WORD_HYPHEN_UNIT = re.compile(r"(?<![\w-])([A-Za-z]{3,9})-(?=[a-z])")
_A_CURRENCY_WORDS = ("dollar", "euro", "pound", "yuan", "yen", "rupee")
_NUMBER_WORDS = tuple(WORD_VALUES)  # every run number_words reads holds one of them
_EN_SIGN_BEFORE = re.compile(r"(?:minus|negative)\s+$", re.I)


def _word_precision(value: float) -> float:
    """The size of the last digit a number in words gives: "three million" → 1e6, "two point two" → 0.1."""
    text = f"{value:.6f}".rstrip("0")
    if not text.endswith("."):
        return 10.0 ** -len(text.split(".")[1])
    digits = text[:-1]
    return 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits.strip("0") else 1.0


def _find_english_number_words(text: str, default_year: int | None) -> Iterator[Value]:
    """Numbers in words: "five seconds", "three companies", "one hundred and forty-two people",
    "two point two million", "half a million", "ten dollars", "four decades", "those twelve".

    A single number word counts only with what it counts after it (a currency, a unit, or a plural
    noun within two words) or after a determiner ("the three"); "one of", "two-thirds" and the like
    are wording. Numbers of several words ("one hundred and twelve") are figures by themselves."""
    for start, end, value, n_words in number_words(text) if _mentions(text, _NUMBER_WORDS) else ():
        if value == 0 or _EN_SIGN_BEFORE.search(text, max(0, start - 9), start):
            continue
        unit: str | None = None
        kind: ClaimKind = "count"
        money = _match_word(text, end, ("money",)) or _after_hyphen(text, end, ("money",))
        pct = None if money else _match_word(text, end, ("percent",))
        unit_word = None if money or pct else _match_word(text, end, ("unit",)) or _after_hyphen(text, end, ("unit",))
        precision = _word_precision(value)
        if money:
            unit, kind, end = money[0].unit, "money", money[1]
            if extra := _cents(text, end):
                value, precision, end = value + extra[0], 0.01, extra[1]
        elif pct:
            unit, kind, end = pct[0].unit, "percent", pct[1]
            value, precision = value * pct[0].factor, precision * pct[0].factor
        elif unit_word:
            unit, end = unit_word[0].unit, unit_word[1]
            value, precision = value * unit_word[0].factor, precision * unit_word[0].factor
        elif value == 1 or not (
            n_words > 1 or _EN_NOUN_AFTER.match(text, end) or _EN_DETERMINER.search(text, max(0, start - 7), start)
        ):
            continue
        noun = _noun_after(text, end) if unit is None else None
        yield Value(text[start:end], value, unit, _qualifier_before(text, start), start, end, kind, precision, noun)
    for m in _WORD_HYPHEN_UNIT.finditer(text) if "-" in text else ():  # "a two-day event", "a six-month trial"
        unit_word = _match_word(text, m.end(1) + 1, ("unit",))
        word_value = WORD_VALUES.get(m.group(1).lower())
        if unit_word and word_value:
            yield Value(text[m.start(1) : unit_word[1]], float(word_value), unit_word[0].unit, _qualifier_before(text, m.start(1)),
                        m.start(1), unit_word[1], "count", 1.0)
    for m in _A_CURRENCY.finditer(text) if _mentions(text, _A_CURRENCY_WORDS) else ():  # "a dollar a day", "less than a euro"
        money = _match_word(text, m.end(), ("money",))
        if money:
            yield Value(text[m.start() : money[1]], 1.0, money[0].unit, _qualifier_before(text, m.start()), m.start(),
                        money[1], "money", 1.0)


def _find_english_approx(text: str, default_year: int | None) -> Iterator[Value]:
    """"thousands of vulnerabilities" → a count of at least 1000."""
    if not _mentions(text, ("dozens", "hundreds", "thousands", "millions", "billions")):
        return
    for m in _EN_APPROX.finditer(text):
        value = _EN_APPROX_VALUE[m.group("w").lower()]
        yield Value(m.group("w"), value, None, ">=", m.start(), m.start() + len(m.group("w")), "count", value,
                    _noun_after(text, m.end()))


def _find_fractions(text: str, default_year: int | None) -> Iterator[Value]:
    for m in _PERCENT_CN.finditer(text):
        num_s = m.group("num")
        value = float(num_s) if num_s[0].isdigit() else cn_number(num_s)
        if value is None:
            continue
        decimals = num_s.split("点", 1)[1] if "点" in num_s else num_s.split(".", 1)[1] if "." in num_s else ""
        after_q, _ = _qualifier_after(text, m.end())  # 百分之五十一以上: at least 51%
        yield Value(
            m.group(0),
            value,
            "percent",
            after_q or _qualifier_before(text, m.start()),
            m.start(),
            m.end(),
            "percent",
            10.0 ** -len(decimals),
            _noun_before(text, m.start()),
        )
    for m in _FRACTION.finditer(text) if "分之" in text else ():
        den = float(m.group("den")) if m.group("den").isdigit() else cn_number(m.group("den"))
        num_s = m.group("num")
        num = float(num_s) if num_s[0].isdigit() else cn_number(num_s)
        if not den or num is None:
            continue
        start = m.start()
        qualifier = _qualifier_before(text, start)
        yield Value(
            m.group(0),
            round(num / den * 100, 4),
            "percent",
            qualifier,
            start,
            m.end(),
            "percent",
            1.0,
            _noun_before(text, start),
        )
    for m in _TENTHS_CN.finditer(text) if "成" in text else ():
        num_s = m.group("num")
        tenths = float(num_s) if num_s[0].isdigit() else cn_number(num_s)
        if tenths is None:
            continue
        after, _ = _qualifier_after(text, m.end())
        qualifier = after or _qualifier_before(text, m.start())
        yield Value(m.group(0), tenths * 10, "percent", qualifier, m.start(), m.end(), "percent", 10.0,
                    _noun_before(text, m.start()))
    for m in _HALF_CN.finditer(text) if "半" in text or "腰" in text else ():  # every word holds 半 or 腰
        yield Value(m.group(0), 50.0, "percent", _qualifier_before(text, m.start()), m.start(), m.end(), "percent",
                    10.0, _noun_before(text, m.start()))
    for m in _DOUBLE_CN.finditer(text) if "倍" in text or "番" in text else ():  # every match ends in one
        # 翻两番 is two doublings (×4); 多出一倍, 增长了 1 倍 add the whole again (×2): a "×1" says no change
        times = 2.0 ** _DOUBLINGS[m.group("n")] if m.group("n") else 2.0
        start = m.start("one") if m.group("one") else m.start()
        qualifier = _qualifier_before(text, start) if m.group("q") else "="
        if qualifier == "=" and text[m.end() : m.end() + 1] == "多":
            qualifier = ">"  # 翻了一倍多, 翻了一番多: more than doubled
        yield Value(text[start : m.end()], times, "x", qualifier, start, m.end(), "count", 1.0, _noun_before(text, m.start()))
# ---------------------------------------------------------------- multiples, halves and ranks in words

_WORD_MULTIPLE_PRECISION = 0.2  # "twice" is 1.9x-2.1x, as a writer rounds 1.95x
_MULTIPLE_WORDS = {"double": 2.0, "twice": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0, "quintuple": 5.0}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
_EN_MULTIPLE = re.compile(
    r"\b(?P<w>doubl(?:e[sd]?|ing)|twice|tripl(?:e[sd]?|ing)|trebl(?:e[sd]?|ing)|quadrupl(?:e[sd]?|ing)"
    r"|quintupl(?:e[sd]?|ing))\b|\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)-?fold\b",
    re.I,
)
# "four times that of", "3 times as many", "2.5 times larger" — a multiple; "four times a day" is not
_EN_TIMES = re.compile(
    r"(?<![\d,.])\b(?P<t>two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+times\b"
    r"(?=\s+(?:that|those|as|the|its|their"
    r"|what|more|less|higher|lower|larger|greater|bigger|smaller|faster|slower|over|last|a\s+year|from"
    # a valuation or a coverage: "42 times forward earnings", "3.6 times EBITDA", "12 times oversubscribed"
    r"|(?:forward\s+|trailing\s+|next\s+year'?s\s+|annual\s+|adjusted\s+|core\s+|underlying\s+)?(?:earnings|sales|revenues?|ebitda|ebit|book(?:\s+value)?"
    r"|profits?|cash\s+flows?|oversubscribed|subscribed|covered))\b"
    # … or a name's possession: "roughly four times Vega 3.0's 256K", "twice Nvidia's"
    r"|\s+(?-i:[A-Z])[\w.\-]*(?:\s+[\w.\-]+){0,2}['’]s\b)",
    re.I,
)
_EN_HALF = re.compile(r"\b(?:halv(?:e[sd]?|ing)|(?:by|in) half|half of)\b", re.I)
_EN_HALF_LOW = _lower_twin(_EN_HALF)
_ORDINAL_RUN = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
_SUPERLATIVE = r"(?:highest|largest|biggest|lowest|smallest|most|best|worst|busiest|richest|fastest|strongest|oldest)"
_EN_RANK = re.compile(
    r"\b(?:rank(?:ed|s|ing)?|plac(?:ed|es|ing)|finish(?:ed|es)?|came|comes|sits?|sat|stands?|stood)\s+"
    r"(?:at\s+|in\s+)?(?:No\.\s*|number\s+|#)?(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|\d{1,3}(?:st|nd|rd|th))\b"
    r"|\b(?P<o2>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
    r"[ -](?:place|position|spot)\b"
    # "the second-highest turnout", "third-largest bank", "fifth-biggest": a rank among all
    rf"|\b(?P<o3>{_ORDINAL_RUN})-{_SUPERLATIVE}\b"
    # "the second- and third-largest": the first ordinal of the pair, its superlative written once
    rf"|\b(?P<o4>{_ORDINAL_RUN})-(?=\s*(?:,|and|or|&)\s*(?:(?:{_ORDINAL_RUN})-\s*(?:,|and|or|&)\s*)*(?:{_ORDINAL_RUN})-{_SUPERLATIVE}\b)"
    r"|\btop[ -](?P<t>three|five|ten|twenty|\d{1,3})\b",
    re.I,
)
_EN_MULTIPLE_LOW = _lower_twin(_EN_MULTIPLE)
_EN_RANK_LOW = _lower_twin(re.compile(_EN_RANK.pattern.replace(r"No\.", r"no\."), _EN_RANK.flags))
# "the largest", "the world's largest", "China's biggest": first of all
_EN_LARGEST = re.compile(r"(?:(?<=\b[Tt]he )|(?<=\w's )|(?<=\w’s ))(?:largest|biggest)(?= [A-Za-z])")
_CONTRACTION = re.compile(r"\b(?:it|that|what|there|here|he|she|who)['’]s \Z", re.I)  # "it's biggest": "it is"
_ONE_OF = re.compile(r"\b(?:(?:one|some|two|three|several|many|each) of|among) (?:the )?(?:[\w.-]+(?:'s|’s) )?\Z", re.I)
_CN_RANK = re.compile(
    r"(?:排名|排在|位列|名列|位居|居|(?<![安编編并並彩])排)\s*第\s*(?P<c>[一二两三四五六七八九十])(?![\d一二两三四五六七八九十百千万亿季方批次期届屆轮輪])"
    # (… 第二大 before its noun, in Chinese or a Latin term: 第二大 AI 加速器供应商)
    r"|第\s*(?P<c2>[一二两三四五六七八九十])\s*(?:名|大(?=\s?[\u4e00-\u9fffA-Za-z])|高(?=[\u4e00-\u9fff]|[,.;，。；、!?！？)）]|\s|$))"
    r"|(?:进入|位列|跻身|排名|跻入|挤进|名列)\s*前\s*(?P<t>[一二两三四五六七八九十]|\d{1,3})"
    # a record ("创历史新高", "单季历史新高"): the first of all, against which 第二高 is another rank
    r"|(?P<record>历史新高|歷史新高)"
)
# a record in English: "a record month", "a monthly record", "a record high", "an all-time high"
_EN_RECORD = re.compile(
    r"\b(?:all-time high|record[- ]high|(?:monthly|quarterly|annual|yearly) record|record (?:month|quarter|year))\b",
    re.IGNORECASE,
)
_EN_RECORD_LOW = _lower_twin(_EN_RECORD)
_EN_ORDINAL = re.compile(
    r"(?<![\w.,-])(?:(\d{1,4})(?:st|nd|rd|th)|(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth))"
    r"(?= [A-Za-z])",
    re.IGNORECASE,
)
_EN_ORDINAL_LOW = _lower_twin(_EN_ORDINAL)
_A_SECOND = re.compile(r"(?:\d|\b(?:a|one|per|every|each|half|split))\s+$", re.IGNORECASE)
_ORDINAL_WORDS = {w: n for n, w in enumerate(
    ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"], start=2)}
_EN_MULTIPLE_WORDS = ("doubl", "twice", "tripl", "trebl", "quadrupl", "quintupl", "fold")
# a rank needs one of the verbs before an ordinal, a place word after one, or "top"
_EN_RANK_WORDS = ("rank", "plac", "finish", "came", "comes", "sit", "sat", "stand", "stood", "position", "spot", "top", "-")
# and every _EN_RANK match holds an ordinal or "top": a word here, or digits with st/nd/rd/th
_EN_RANK_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "top")
_SUFFIXED_DIGIT = re.compile(r"\d(?:st|nd|rd|th)", re.I)  # as _EN_RANK reads them (any digit, re.I)


def _may_rank(text: str) -> bool:
    """Whether ``text`` may hold an _EN_RANK match: one of its verbs or nouns and an ordinal (the
    verbs alone open the gate on most English text, and the scan that follows is costly)."""
    return _mentions(text, _EN_RANK_WORDS) and (
        _mentions(text, _EN_RANK_ORDINALS) or _SUFFIXED_DIGIT.search(text) is not None
    )
_TOP = {"three": 3, "five": 5, "ten": 10, "twenty": 20}


def _ordinal(word: str) -> int | None:
    low = word.lower()
    if low in _ORDINALS:
        return _ORDINALS[low]
    digits = re.match(r"\d+", low)
    return int(digits.group()) if digits else None


# a race or a record written as one duration: 2小时13分38秒, 1分45秒32, 23秒54 (seconds and hundredths);
# "in 2:13:38", "a time of 1:45.32" (a clock never shows hundredths; h:mm:ss is a time of day after "at")
_CN_DURATION = re.compile(
    r"(?<![\d.])(?:(?P<h>\d{1,2})\s*(?:个)?小时\s*)?(?:(?P<m>\d{1,2})\s*分(?:钟)?\s*)?(?P<s>\d{1,2}(?:\.\d+)?)\s*秒(?P<cs>\d{1,3}(?![\d.]))?"
)
_EN_DURATION = re.compile(r"(?<![\d.:])(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2}(?:\.\d+)?)(?![\d:])")
_CN_DURATION, _EN_DURATION = with_first_chars(_CN_DURATION), with_first_chars(_EN_DURATION)  # claims.prescan
_DIGIT_COLON_DIGIT = re.compile(r":(?<=\d:)(?=\d)")  # every _EN_DURATION match holds one; ":" alone is common
_DURATION_LEAD = re.compile(r"(?:\bin|\btime of|\bclocked|\bclocking|\brecord of|\bfinished in|\bwon in)\s*$", re.I)


def _find_durations(text: str, default_year: int | None) -> Iterator[Value]:
    """Durations written as one figure, in seconds: "2小时13分38秒" and "2:13:38" are both 8,018 s."""
    if "秒" in text:
        for m in _CN_DURATION.finditer(text):
            if not (m.group("m") or m.group("h") or m.group("cs")):
                continue  # "38秒" alone is read with the other measures
            secs = float(m.group("s")) + (float(f"0.{m.group('cs')}") if m.group("cs") else 0.0)
            secs += 60 * int(m.group("m") or 0) + 3600 * int(m.group("h") or 0)
            precision = 0.01 if m.group("cs") or "." in m.group("s") else 1.0
            yield Value(m.group(0), round(secs, 3), "s", "=", m.start(), m.end(), "count", precision)
    if ":" in text and _DIGIT_COLON_DIGIT.search(text):
        for m in _EN_DURATION.finditer(text):
            fraction = "." in m.group("s")
            if not fraction and not (m.group("h") and _DURATION_LEAD.search(text, max(0, m.start() - 16), m.start())):
                continue  # 09:45, "at 12:30:45": a time of day
            secs = float(m.group("s")) + 60 * int(m.group("m")) + 3600 * int(m.group("h") or 0)
            yield Value(m.group(0), round(secs, 3), "s", "=", m.start(), m.end(), "count", 0.01 if fraction else 1.0)


def _find_times(text: str, default_year: int | None) -> Iterator[Value]:
    """"four times that of a year earlier", "2.5 times larger" → ×N (read before the bare number)."""
    if "times" not in text.lower():
        return
    for m in _EN_TIMES.finditer(text):
        n = m.group("t").lower()
        factor = float(n.replace(",", "")) if n[0].isdigit() else float(_EN_COUNT_WORDS.get(n, 0))  # ("2,318 times")
        if factor:
            precision = 10.0 ** -_decimals(n) if n[0].isdigit() else 1.0  # "3.1 times" is not 3.6 times
            yield Value(m.group(0), factor, "x", _qualifier_before(text, m.start()), m.start(), m.end(), "count", precision)


# a board its subject is first on: "tops the OpenArena text leaderboard", "topped the chart", "sits atop the ranking"
_EN_TOPS = re.compile(
    r"\b(?P<verb>tops|topped|topping|atop)\s+(?:the|its|their|a)\s+(?:[\w.&-]+\s+){0,3}?"
    r"(?:leaderboards?|charts?|rankings?|board|list|league table|table)\b"
)


def _find_word_multiples(text: str, default_year: int | None) -> Iterator[Value]:
    """"doubled", "more than triple", "three-fold" → ×N; "halved", "half of" → 50%; ranks written as
    words: "ranked third", "2nd place", "top five", 第三, 进入前五 (a rank within the top N is ≤ N)."""
    for m in _finditer_i(_EN_MULTIPLE, _EN_MULTIPLE_LOW, text) if _mentions(text, _EN_MULTIPLE_WORDS) else ():
        if m.group("w"):
            word = m.group("w").lower()
            factor = next(v for k, v in _MULTIPLE_WORDS.items() if word.startswith(k[:-1]))
        else:
            n = m.group("n").lower()
            factor = float(n) if n.isdigit() else float(_EN_COUNT_WORDS.get(n, 0))
            if not factor:
                continue
        # "twice" / "3-fold" say a multiple as exactly as "2x" ("twice the standard rate" is not the page's
        # 1.75x); "doubled" / "tripled" say a change, which writers round more loosely (up 118% "more than doubled")
        exact = m.group("n") is not None or m.group("w").lower() == "twice"
        precision = _WORD_MULTIPLE_PRECISION if exact else 1.0
        yield Value(text[m.start() : m.end()], factor, "x", _qualifier_before(text, m.start()), m.start(), m.end(), "count", precision)
    for m in _finditer_i(_EN_HALF, _EN_HALF_LOW, text) if _mentions(text, ("halv", "half")) else ():
        yield Value(text[m.start() : m.end()], 50.0, "percent", _qualifier_before(text, m.start()), m.start(), m.end(), "percent", 1.0)
    for m in _EN_LARGEST.finditer(text) if "largest" in text or "biggest" in text else ():
        # "the largest STAR Market IPO", "the biggest shareholder": first of all (第一大) — not "one of the largest"
        if not _ONE_OF.search(text, max(0, m.start() - 40), m.start()) and not _CONTRACTION.search(text, max(0, m.start() - 8), m.start()):
            yield Value(m.group(0), 1.0, "rank", "=", m.start(), m.end(), "count", 1.0)
    for m in _finditer_i(_EN_RANK, _EN_RANK_LOW, text) if _may_rank(text) else ():
        if m.group("t"):
            t = m.group("t").lower()
            top = int(t) if t.isdigit() else _TOP.get(t)
            if top:
                yield Value(text[m.start() : m.end()], float(top), "rank", "<=", m.start(), m.end(), "count", 1.0)
            continue
        group = next(g for g in ("o", "o2", "o3", "o4") if m.group(g))
        rank = _ordinal(m.group(group))
        if rank:
            start = m.start(group)
            yield Value(text[start : m.end()], float(rank), "rank", "=", start, m.end(), "count", 1.0)
    for m in _finditer_i(_EN_ORDINAL, _EN_ORDINAL_LOW, text) if _mentions(text, ("st ", "nd ", "rd ", "th ")) else ():
        # "the 6th plenary session", "its third meeting": an ordinal, as 第六次 / 第三次 write it ("first"
        # is left out: "the first time" is wording far more often than a rank)
        if m.group(2) and m.group(2).lower() == "second" and _A_SECOND.search(text, max(0, m.start() - 12), m.start()):
            continue  # "one second later", "a second": the unit of time
        rank = int(m.group(1)) if m.group(1) else _ORDINAL_WORDS[m.group(2).lower()]
        yield Value(text[m.start() : m.end()], float(rank), "rank", "=", m.start(), m.end(), "count", 1.0)
    for m in _EN_TOPS.finditer(text) if "top" in text or "atop" in text else ():
        # "tops the OpenArena text leaderboard", "sits atop the chart": first on that board
        yield Value(m.group("verb"), 1.0, "rank", "=", m.start("verb"), m.end("verb"), "count", 1.0)
    for m in _finditer_i(_EN_RECORD, _EN_RECORD_LOW, text) if _mentions(text, ("record", "all-time")) else ():
        yield Value(m.group(0), 1.0, "rank", "=", m.start(), m.end(), "count", 1.0)  # a record: the first of all
    for m in _CN_RANK.finditer(text) if "第" in text or "前" in text or "新高" in text else ():
        if m.group("record"):
            yield Value(m.group(0), 1.0, "rank", "=", m.start(), m.end(), "count", 1.0)
        elif m.group("c") or m.group("c2"):
            digit = m.group("c") or m.group("c2")
            rank_value = cn_number(digit) or 0
            start = m.start("c") - 1 if m.group("c") else m.start()
            start = text.rfind("第", 0, start + 1)
            yield Value(text[start : m.end()], float(rank_value), "rank", "=", start, m.end(), "count", 1.0)
        else:
            top = _top_count(m.group("t"))
            yield Value(m.group(0), float(top), "rank", "<=", m.start(), m.end(), "count", 1.0)


# the top N said with its measure word at the end of a phrase, whatever the verb: 挺进金牌榜前三位, 前十强
# (not 前三位股东 / 前五名员工: the first three shareholders, counted people)
_CN_TOP = re.compile(r"前\s*([一二两三四五六七八九十]|\d{1,2})\s*(?:位|名|强)(?![\u4e00-\u9fff])")


def _top_count(t: str) -> int:
    """The N of 前N (前五, 前3): digits or a Chinese numeral."""
    return int(t) if t.isdigit() else int(cn_number(t) or 0)


def _find_top_ranks(text: str) -> Iterator[Value]:
    for m in _CN_TOP.finditer(text) if "前" in text else ():
        top = _top_count(m.group(1))
        if top:
            yield Value(m.group(0), float(top), "rank", "<=", m.start(), m.end(), "count", 1.0)


def parse_values(text: str, *, default_year: int | None = None, normalised: bool = False) -> list[Value]:
    """Every value in ``text``, in order, non-overlapping; offsets are into ``text``.

    Finders run in priority order — dates, money, versions, fractions, other numbers — and the
    first to claim a stretch of text wins it ("$122B" is money, never a model size). The text is
    read through its simplified, width-folded view (億 → 亿, ４４０ → 440, ％ → %), which has the
    same length, so offsets and ``raw`` still point into ``text`` as given. ``normalised=True`` says
    that ``text`` is that view already (a slice of a view that t2s leaves as it is), so it is not redone.
    """
    return _parse(text, default_year, normalised, dates_only=False)


def _later(make: Callable[[], Iterator[Value]]) -> Iterator[Value]:
    """The values ``make()`` gives, made only when the first is asked for (after the passes before)."""
    yield from make()


def parse_dates(text: str, *, default_year: int | None = None) -> list[Value]:
    """The dates ``parse_values`` reads in ``text`` (and the durations read before them), without
    the later finders: dates are the first pass, so no later pass can take a stretch from them, and
    a date value (``YYYY-MM-DD``, ``YYYY-MM``) comes from this pass only (the numbers pass names a
    bare year a date, nothing finer). For a caller that wants a full date and nothing else."""
    return _parse(text, default_year, False, dates_only=True)


def _parse(text: str, default_year: int | None, normalised: bool, dates_only: bool) -> list[Value]:
    original, text = text, text if normalised else fold_width(to_simplified(text))
    taken = bytearray(len(text) + 1)
    out: list[Value] = []
    for v in _find_durations(text, default_year):  # a race time before the clock takes its colons
        if not taken.find(1, v.start, v.end) >= 0:
            taken[v.start : v.end] = b"\x01" * (v.end - v.start)
            out.append(v)
    for m in _CLOCK.finditer(text) if ":" in text else ():  # times of day are never figures; a date may span one ("Aug 05 12:00 2015")
        if ":" in m.group(0):
            taken[m.start() : m.end()] = b"\x02" * (m.end() - m.start())
    if _CLOCK_HOUR.search(text):
        for m in _CLOCK_WORDS.finditer(text):
            taken[m.start() : m.end()] = b"\x02" * (m.end() - m.start())
    for m in _TIME_ZONE.finditer(text) if "GMT" in text or "UTC" in text else ():  # "GMT+8": a time zone, no figure
        taken[m.start() : m.end()] = b"\x02" * (m.end() - m.start())
    for m in _STOCK_CODE.finditer(text) if "(" in text or "（" in text else ():  # 曜芯微(688652): a listing's code
        taken[m.start() : m.end()] = b"\x02" * (m.end() - m.start())
    # the numbers are read once for two passes (money, then the others), after the dates: a number
    # inside a date (or a duration, a time of day) is not read at all
    numbers: list[Value] = []

    def read_numbers() -> Iterator[Value]:
        numbers.extend(_find_numbers(text, default_year, taken))
        return (v for v in numbers if v.kind == "money")

    passes: tuple[Iterable[Value], ...] = (_find_dates(text, default_year),) if dates_only else (
        _find_dates(text, default_year),
        _later(read_numbers),
        _find_versions(text, default_year),
        _find_fractions(text, default_year),
        _find_english_fractions(text, default_year),
        _find_english_approx(text, default_year),
        _find_times(text, default_year),
        _find_top_ranks(text),
        (v for v in numbers if v.kind != "money"),
        _find_english_number_words(text, default_year),
        _find_word_multiples(text, default_year),
    )
    for n, values in enumerate(passes):
        for v in values:
            if v.end <= v.start or taken.find(1, v.start, v.end) >= 0:
                continue
            if taken.find(2, v.start, v.end) >= 0 and (n or taken[v.end] == 2 or (v.start and taken[v.start - 1] == 2)):
                continue  # only a date may hold a time of day, and only a whole one
            taken[v.start : v.end] = b"\x01" * (v.end - v.start)
            out.append(v)
    out.sort(key=lambda v: v.start)
    if " p" in text and any(v.unit == "percent" for v in out):
        out = _points_of_a_rate(text, out)
    if original != text:
        out = [replace(v, raw=original[v.start : v.end]) for v in out]
    return out


# "gross margin of 14.6%, up 1.9 points": a rate's change in points is in percentage points (an index's or a
# score's points are no rate's: the sentence must give a percent before the change)
_POINTS_AFTER = re.compile(r"\s?(?:points?|pts?)\b(?!\s+(?:of|on|in)\s+(?:the\s+)?(?:index|benchmark|test|exam))", re.I)
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|gained|lost|added|shed|widened|narrowed|improved|slipped|climbed|dropped|increased|decreased"
    r"|expanded|contracted|declined)(?:\s+by)?\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?\Z",
    re.I,
)


def _points_of_a_rate(text: str, values: list[Value]) -> list[Value]:
    out: list[Value] = []
    rate_before = False
    for v in values:
        if (
            rate_before and v.kind == "count" and v.unit is None and isinstance(v.value, float) and v.value < 100
            and (m := _POINTS_AFTER.match(text, v.end)) is not None
            and _CHANGE_BEFORE.search(text, max(0, v.start - 40), v.start)
        ):
            v = replace(v, raw=text[v.start : m.end()], end=m.end(), unit="pp", kind="percent")
        rate_before = rate_before or v.unit == "percent"
        out.append(v)
    return out


# ---------------------------------------------------------------- scanning speed

# The patterns scanned over whole sections, with a look-ahead on their first character so that the
# engine skips positions no match can start at (claims.prescan): the same matches, 1.7-4x faster each.
# Left as they are: patterns with a literal prefix (the engine skips by it already) and the ones
# ignoring case whose first letters are many (their look-ahead costs more than it saves).
_NUM_TOKEN, _CLOCK, _FRACTION, _TENTHS_CN, _EN_APPROX, _A_CURRENCY, _EN_TIMES, _EN_HALF = (
    with_first_chars(p)
    for p in (_NUM_TOKEN, _CLOCK, _FRACTION, _TENTHS_CN, _EN_APPROX, _A_CURRENCY, _EN_TIMES, _EN_HALF)
)
_DATE_PATTERNS = [
    (kind, pattern if pattern.flags & re.IGNORECASE or gate == "cn-year" else with_first_chars(pattern), gate)
    for kind, pattern, gate in _DATE_PATTERNS
]
