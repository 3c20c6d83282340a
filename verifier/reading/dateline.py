"""A page's own dateline from its lxml tree: the same rules as ``verifier.passages`` (meta tags first,
then a ``<time>`` inside the article, then an element whose class names a date or byline), on the tree
trafilatura parses anyway, so no second parse is needed.

htmldate's extensive search (trafilatura's default) reads any date on the page — a copyright year,
a "last updated" line, a sidebar's story — and is only used by ``main_text`` as the last resort, in
its conservative mode (structured markup and the URL).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from verifier.passages import (
    DATELINE_CLASS,
    Passage,
    find_full_date,
    meta_date,
    normalise_text,
    parse_date_text,
)

__all__ = ["dateline", "dateline_in_text", "dateline_line"]

_MAX_DATELINE_CHARS = 5000  # bounded work on a wrapper whose class says "meta"
_MAX_LINE_CHARS = 300  # a visible dateline is one short line (date, byline, reading time)
_LINE_BLOCKS = frozenset({"p", "div", "span", "li", "header", "small"})


def _in_article(el: Any) -> bool:
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def dateline(tree: Any) -> str | None:
    """ISO date (``YYYY-MM-DD``) the page states as its own, or None."""
    metas: list[Any] = []
    times: list[Any] = []
    for el in tree.iter("meta", "time"):
        (times if el.tag == "time" else metas).append(el)
    if iso := meta_date(metas):
        return iso
    inside = [t for t in times if _in_article(t)]
    for t in inside + [t for t in times if t not in inside]:
        iso = parse_date_text(str(t.get("datetime") or "")) or parse_date_text(" ".join(t.itertext()))
        if iso:
            return iso
    for el in tree.iter():
        cls = el.get("class") if isinstance(el.tag, str) else None
        if cls and DATELINE_CLASS.search(cls):
            text = normalise_text(" ".join(el.itertext()))[:_MAX_DATELINE_CHARS]
            if iso := parse_date_text(text):
                return iso
    return None


def _visible(el: Any) -> str:
    return normalise_text(" ".join(el.itertext()))


def dateline_line(tree: Any) -> str:
    """The visible line that dates the page ("June 8, 2026 · Ines Navarro · 7 min read"), or "".

    Readers drop bylines with the chrome, yet a release date is best checked against the page's own
    dateline: ``main_text`` keeps this line as a passage when the main text lacks it. A ``<time>``
    inside the article first, then one elsewhere, then an element whose class names a date; the
    line is the short block around it.
    """
    times = list(tree.iter("time"))
    inside = [t for t in times if _in_article(t)]
    candidates = inside + [t for t in times if t not in inside]
    for el in tree.iter():
        cls = el.get("class") if isinstance(el.tag, str) else None
        if cls and DATELINE_CLASS.search(cls):
            candidates.append(el)
    for el in candidates:
        text = _visible(el)
        if not text or len(text) > _MAX_LINE_CHARS or not parse_date_text(text):
            continue
        parent = el.getparent()
        if el.tag == "time" and parent is not None and parent.tag in _LINE_BLOCKS:
            around = _visible(parent)
            if len(around) <= _MAX_LINE_CHARS:
                return around
        return text
    return ""


_TOP_PASSAGES = 8  # the dateline is at the top of the article: its headline, kicker, summary bullets, lede
_KICKER_CHARS = 80  # "Product · November 24, 2026", "公告日期:2026-11-24 来源:巨潮资讯网"
_KICKER_WORDS = 6
_NOT_A_DATELINE = frozenset({"li", "td", "th", "caption", "quote", "pre"})  # a list's or table's dates are its items'
_LEDE_DATE_WITHIN = 100
# a wire lede: a place in capitals, maybe a wire's name, the date, then a dash or the wire's slash
# ("SAN JOSE, Calif.--(BUSINESS WIRE)--Nov. 24, 2026--", "BEIJING, Nov. 24, 2026 /PRNewswire/ --")
_AFTER_LEDE_DATE = re.compile(r"\s*(?:--|—|–|/|-\s)")
_WORD = re.compile(r"[^\W\d_][\w.'’]*")


def dateline_in_text(text: str, passages: Sequence[Passage]) -> str | None:
    """The date the top of an article's text gives as its own, where its markup gives none: a short
    kicker line holding a full date and a few words, or a wire lede opening on a place and the date
    followed by a dash. ISO ``YYYY-MM-DD`` or None.

    Only the first passages count, and only those two shapes: a lede that opens "On March 3, 2025, the
    company was founded" dates an event, not the page."""
    for passage in [p for p in passages if p.kind not in ("title", "h1")][:_TOP_PASSAGES]:
        if passage.kind in _NOT_A_DATELINE:
            continue
        line = text[passage.start : passage.end]
        found = find_full_date(line)
        if found is None:
            continue
        start, end, iso = found
        rest = line[:start] + " " + line[end:]
        # (its words, not its separators: "Product · Tuesday, December 22, 2026 · 9 min read")
        if len(line) <= _KICKER_CHARS and len(_WORD.findall(rest)) <= _KICKER_WORDS and find_full_date(rest) is None:
            return iso
        before = line[:start]
        if (
            start <= _LEDE_DATE_WITHIN
            and _AFTER_LEDE_DATE.match(line, end)
            and _WORD.search(before)
            and all(w[0].isupper() for w in _WORD.findall(before))
        ):
            return iso
    return None
