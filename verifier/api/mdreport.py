"""A report rendered as its readers see it (markdown: headings, lists, links) with claims marked.

Claims are character spans of the raw text, and markdown moves characters around, so each marked
span is bracketed by private-use sentinel characters before rendering (markdown-it passes them
through as text) and the sentinels become tags afterwards. A mark never crosses a tag: when a claim
spans a link or a line break the mark is closed before the tag and reopened after it, so the HTML
stays well-formed. Raw HTML in the report is escaped (``html=False``) and links are limited to
markdown-it's safe schemes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from markdown_it import MarkdownIt

__all__ = ["Mark", "render_marked"]

_OPEN, _NUM0, _SEP, _CLOSE = "\ue000", 0xE010, "\ue001", "\ue002"
_SENTINELS = re.compile("[\ue000-\ue0ff]")
_START = re.compile("\ue000([\ue010-\ue019]+)\ue001")
_TAG = re.compile(r"(<[^>]*>)")
# markdown that must stay at the start of a line: a mark opened there goes after it
_LINE_SYNTAX = re.compile(r"[ \t]*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|>[ \t]?)*")

# breaks: a plain-text report's single line breaks stay line breaks, as its readers see them
_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True}).enable("table")
# a bare http(s) address in the text (``来源：https://…``) becomes a link; CJK punctuation ends it
_BARE_URL = re.compile(r"https?://[^\s<>\"'）)（(，。；、】\]]+")


def _autolink(escaped: str) -> str:
    return _BARE_URL.sub(lambda m: f'<a rel="noopener noreferrer nofollow" href="{m.group(0)}">{m.group(0)}</a>', escaped)


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    claim_id: int
    status: str
    title: str = ""


def _num(i: int) -> str:
    return "".join(chr(_NUM0 + int(d)) for d in str(i))


def _unnum(s: str) -> int:
    return int("".join(str(ord(c) - _NUM0) for c in s))


def _place_start(text: str, pos: int) -> int:
    line_start = text.rfind("\n", 0, pos) + 1
    m = _LINE_SYNTAX.match(text, line_start)
    if m and m.end() > pos:
        return m.end()
    return pos


def _place_end(text: str, pos: int) -> int:
    """Never between a link's ``]`` and its ``(url)``: that would unmake the link."""
    if 0 < pos < len(text) and text[pos - 1] == "]" and text[pos] == "(":
        close = text.find(")", pos)
        if close > 0:
            return close + 1
    return pos


def _with_sentinels(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with each span (in mark order: by start, the longest first) bracketed by sentinels."""
    text = _SENTINELS.sub("", text)  # the report's own private-use characters cannot fake a mark
    inserts: list[tuple[int, int, str]] = []
    last_end = -1
    for i, (m_start, m_end) in enumerate(spans):
        start, end = max(0, m_start), min(len(text), m_end)
        start = _place_start(text, start)
        end = _place_end(text, end)
        if end <= start or start < last_end:  # empty, or overlapping an earlier mark
            continue
        inserts.append((start, 1, _OPEN + _num(i) + _SEP))
        inserts.append((end, 0, _CLOSE))
        last_end = end
    out, pos = [], 0
    for at, _, s in sorted(inserts, key=lambda t: (t[0], t[1])):
        out.append(text[pos:at])
        out.append(s)
        pos = at
    out.append(text[pos:])
    return "".join(out)


MEMO_CHARS = 200_000  # reports up to this size keep their layout (128 of them: ~50 MB at most)

# the rendered report as literal HTML pieces and mark openings: (index of the mark in start order,
# inside a markdown link). What a mark's opening tag says (status, title, first occurrence) is
# filled in per request; everything else is fixed by the text and where its marks sit
Layout = tuple["str | tuple[int, bool]", ...]


def _layout_for(text: str, spans: tuple[tuple[int, int], ...]) -> Layout:
    """The layout of a report text with its marks at ``spans``: a pure function of the text and
    where its marks sit (not of their verdicts, applied afterwards), so a report shown again with
    the same claims is neither marked with sentinels, nor parsed again by markdown-it, nor walked
    tag by tag (most of the page's work). A new version or another set of marks is a new key; a
    very long report is laid out each time rather than held."""
    if len(text) > MEMO_CHARS:
        return _layout(_md.render(_with_sentinels(text, spans)))
    return _memo_layout(text, spans)


@lru_cache(maxsize=128)
def _memo_layout(text: str, spans: tuple[tuple[int, int], ...]) -> Layout:
    return _layout(_md.render(_with_sentinels(text, spans)))


def _layout(html: str) -> Layout:
    out: list[str | tuple[int, bool]] = []
    current: int | None = None
    link_depth = 0
    opened = False

    def closer() -> str:
        return "</mark>" if link_depth else "</a>"

    def emit(chunk: str) -> None:
        nonlocal opened
        if not chunk:
            return
        if current is None and not link_depth:
            chunk = _autolink(chunk)
        if current is not None and not opened:  # opened lazily: no empty marks around tags
            out.append((current, bool(link_depth)))
            opened = True
        out.append(chunk)

    for part in _TAG.split(html):
        if not part:
            continue
        if part.startswith("<"):
            clean = _SENTINELS.sub("", part)  # a sentinel inside an attribute (a URL) is dropped
            if opened:
                out.append(closer())
                opened = False
            if clean.startswith("<a "):
                clean = clean.replace("<a ", '<a rel="noopener noreferrer nofollow" ', 1)
                link_depth += 1
            elif clean == "</a>":
                link_depth = max(0, link_depth - 1)
            out.append(clean)
            continue
        pos = 0
        while pos < len(part):
            nxt_open = part.find(_OPEN, pos)
            nxt_close = part.find(_CLOSE, pos)
            cands = [p for p in (nxt_open, nxt_close) if p >= 0]
            if not cands:
                emit(part[pos:])
                break
            at = min(cands)
            emit(part[pos:at])
            if at == nxt_close:
                if opened:
                    out.append(closer())
                current, opened = None, False
                pos = at + 1
                continue
            m = _START.match(part, at)
            if m is None:  # a broken sentinel: drop the character
                pos = at + 1
                continue
            if opened:
                out.append(closer())
            current, opened = _unnum(m.group(1)), False
            pos = m.end()
    if opened:
        out.append(closer())
    # adjacent literal pieces joined: filling in walks fewer items
    merged: list[str | tuple[int, bool]] = []
    for item in out:
        if type(item) is str and merged and type(merged[-1]) is str:
            merged[-1] = merged[-1] + item  # type: ignore[operator]
        else:
            merged.append(item)
    return tuple(merged)


def render_marked(text: str, marks: Sequence[Mark]) -> str:
    """The report as HTML with each mark as ``<a class="claim st-STATUS" ...>`` (a ``<mark>``
    inside a markdown link, where a nested link is not allowed)."""
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    out: list[str] = []
    seen: set[int] = set()
    for item in _layout_for(text, tuple((m.start, m.end) for m in ordered)):
        if isinstance(item, str):
            out.append(item)
            continue
        idx, in_link = item
        m = ordered[idx]  # every index in the text is a mark's (the report's own sentinels are removed)
        first = m.claim_id not in seen
        seen.add(m.claim_id)
        ident = f' id="claim-{m.claim_id}"' if first else ""
        attrs = (f'class="claim st-{escape(m.status)}"{ident} data-claim-id="{m.claim_id}" '
                 f'data-status="{escape(m.status)}" title="{escape(m.title)}"')
        out.append(f"<mark {attrs}>" if in_link else f'<a {attrs} href="/claims/{m.claim_id}">')
    return "".join(out)
