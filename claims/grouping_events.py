"""What a date dates, for cross-report grouping (pure): the event class its own segment of the sentence
names (``data/events.tsv``) and the names written around it; unsure dates (relative, bounded, two kinds
of event, fewer than two names) date nothing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from claims.grouping_names import NameForm, han_head, name_form
from claims.units import data_lines

__all__ = ["Event", "event_at", "date_span", "event_classes", "events_apart"]


@dataclass(frozen=True)
class Event:
    kind: str  # an event class of data/events.tsv
    names: tuple[NameForm, ...]  # the names written in the date's segment (who, and what)


@lru_cache(maxsize=1)
def _event_patterns() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """word → event class, and the English and Chinese words as patterns (longest first)."""
    table = {row[1].strip().lower(): row[0].strip() for row in data_lines("events.tsv") if len(row) >= 2}
    latin = sorted((w for w in table if w.isascii()), key=len, reverse=True)
    han = sorted((w for w in table if not w.isascii()), key=len, reverse=True)
    latin_re = re.compile(r"(?<![a-z-])(?:" + "|".join(re.escape(w) for w in latin) + r")(?![a-z-])")
    return table, latin_re, re.compile("|".join(re.escape(w) for w in han))


def event_classes(text: str) -> frozenset[str]:
    """The event classes (data/events.tsv) whose words ``text`` writes (the simplified view for Chinese)."""
    table, latin_re, han_re = _event_patterns()
    found = {table[m.group(0)] for m in latin_re.finditer(text.lower())}
    found |= {table[m.group(0)] for m in han_re.finditer(text)}
    return frozenset(found)


# the moments of a company's or a product's life that are never one another's day; an announcement, a
# preview, an unveiling, a debut, availability or open weights are often said of the release's own day
_DISTINCT_EVENTS = frozenset({"release", "funding", "listing", "founding", "acquisition", "signing"})


@lru_cache(maxsize=4096)
def events_apart(a: str, b: str) -> bool:
    """Do two sentences date distinct events: each names only distinct life events (a founding, a listing, a
    funding round, a release…) and they share none? "计划于2027年启动科创板IPO" and "成立于2023年" do."""
    first = event_classes(a)
    if not first or not first <= _DISTINCT_EVENTS:
        return False
    second = event_classes(b)
    return bool(second) and second <= _DISTINCT_EVENTS and not first & second


# a date's segment ends at a clause mark or where the sentence joins another event to it
_SEGMENT_BREAK = re.compile(
    r"[，,;；。:：!?！？()（）]|\s(?:and|but|while|after|before|when|which|that|then|as)\s"
    r"|并且|并于|并将|并在|随后|之后|此前|以及|而且|同时",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(
    r"\b(?:by|before|after|until|till|since|from|no later than|as early as|within|around|about)\s*$"
    r"|(?:截至|截止|不晚于|最早|最晚|最快|约)(?:于|在)?\s*$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(r"\s*(?:底|初|中|末|上旬|中旬|下旬)?\s*(?:前|之前|以前|后|之后|以后|起|以来|左右|前后)")
_DATE_LEAD = re.compile(r"\s*(?:on|in|by|at|as of|于|在|截至)?\s*", re.IGNORECASE)
# a name that is (or holds) a date: "April 9", "On April 9", "Q2", "2026"
_DATE_LIKE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?:\s+\d|$)"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|^(?:q[1-4]|h[12]|\d+)$",
    re.IGNORECASE,
)


def _segment(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the segment of ``text`` holding [start, end) (see ``_SEGMENT_BREAK``); a date that
    stands alone before its clause ("On April 9, Meta released …", "2026 年 4 月 8 日，Meta 发布 …")
    takes the next one."""
    lo = 0
    for brk in _SEGMENT_BREAK.finditer(text, 0, start):
        lo = brk.end()
    m = _SEGMENT_BREAK.search(text, end)
    hi = m.start() if m else len(text)
    if m and hi == end and _DATE_LEAD.fullmatch(text, lo, start):
        nxt = _SEGMENT_BREAK.search(text, m.end())
        hi = nxt.start() if nxt else len(text)
    return lo, hi


@lru_cache(maxsize=1 << 14)  # a claim is read as a candidate again and again, report after report
def event_at(text: str, start: int, raw: str, entities: tuple[str, ...]) -> Event | None:
    end = start + len(raw)
    if not re.search(r"\d", raw) or text[start:end] != raw:
        return None
    if _BOUND_BEFORE.search(text, 0, start) or _BOUND_AFTER.match(text, end):
        return None  # "by April 9", 4 月底前: a bound, not the day of the event
    lo, hi = _segment(text, start, end)
    table, latin_re, han_re = _event_patterns()
    seg = text[lo:start] + " " + text[end:hi]
    found = {table[m.group()] for m in latin_re.finditer(seg.lower())}
    found |= {table[m.group()] for m in han_re.finditer(seg)}
    if len(found) != 1:
        return None
    names: list[NameForm] = []
    for ent in entities:
        pos = text.find(ent, lo, hi)
        if pos < 0 or (start <= pos < end) or _DATE_LIKE.search(ent.strip()) or ent.strip().lower() in table:
            continue  # a date or an event word ("IPO") is not a thing the event is about
        names.append(name_form(ent))
    head = han_head(text, lo, start)
    if head is not None and not any(text.find(e, lo, hi) == lo for e in entities):
        names.append(head)
    if len(names) < 2:
        return None
    return Event(found.pop(), tuple(names))


_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@lru_cache(maxsize=1 << 12)  # every comparison of two dates asks it of both, for a few hundred dates
def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a written date covers ("2026-04" → April 1 to 30); None if unreadable."""
    m = _ISO_DATE.fullmatch(value)
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            first = dt.date(year, month, 1)
            return first, (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
