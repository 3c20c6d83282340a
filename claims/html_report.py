"""A report saved as an HTML document (a newsletter saved from a mail client, a web page saved as a file) read as
the text it renders, in a view of the same length (offsets stay the source's).

The view blanks what a reader never sees — comments, scripts, styles, the document's head but its ``<title>``,
elements hidden with ``display:none`` (an e-mail's preheader) — and reads the rest as the plain-text readers know
it: a block element (``<p>``, ``<td>``, ``<br>``, ``<li>`` …) breaks the line where it stands, a heading
(``<h2>``) is a markdown heading line, the title is the document's first heading, a link keeps its address where
its tag stood and its words where they are, and a character reference is the character it stands for. A link to
the newsletter's own pages (the host of its "unsubscribe" or "view in browser" link) is its chrome, not a source.

A report cut into cells (a newsletter's layout table) cites by cell: ``html_item_spans`` gives each innermost cell
(``<td>``, ``<th>``, ``<li>``) of a section as a stretch citing its own links.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from urllib.parse import urlsplit

from claims.sections import cut_at
from claims.textnorm import blanked as _blank

__all__ = ["html_item_spans", "html_view", "is_html"]

_DOCUMENT = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html\b|html[\s>])", re.I | re.S)
# what a reader never sees, content and all
_UNSEEN = re.compile(r"<!--.*?-->|<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|<![A-Za-z][^>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_HREF = re.compile(
    r"""\bhref\s*=\s*(?:"\s*(https?://[^"\s]+)\s*"|'\s*(https?://[^'\s]+)\s*'|(https?://[^\s>"']+))""", re.I
)
_HIDDEN = re.compile(r"""display\s*:\s*none|visibility\s*:\s*hidden|(?:^|\s)hidden(?:\s|=|$)""", re.I)
_STYLE_OR_HIDDEN = re.compile(r"""\bstyle\s*=\s*(?:"[^"]*"|'[^']*')|(?:^|\s)hidden\b""", re.I)
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
)
_LINK = re.compile(r"<a\b([^>]*)>(.{0,2000}?)</a\s*>", re.I | re.S)
_HIDDEN_REACH = (
    20000  # how far a hidden element's end is looked for (a preheader is short; markup may never close)
)
# the words of a newsletter's own links: they lead to its pages, never to a source
_CHROME = re.compile(
    r"\b(?:unsubscribe|view (?:it )?(?:in (?:your )?browser|online|as a web ?page)|manage (?:your )?(?:preferences|subscription)"
    r"|update (?:your )?preferences|email preferences|forward (?:this )?to a friend)\b"
    r"|退订|取消订阅|在浏览器中(?:查看|打开)|退訂|取消訂閱",
    re.I,
)


def is_html(text: str) -> bool:
    """Is ``text`` an HTML document (a doctype or an ``<html>`` element first)?"""
    return "<" in text[:4000] and _DOCUMENT.match(text[:4000]) is not None


def _padded(content: str, width: int, *, before: bool) -> str:
    content = content[:width]
    pad = " " * (width - len(content))
    return pad + content if before else content + pad


def _host(url: str) -> str:
    return urlsplit(html.unescape(url)).netloc.lower()


def _chrome_hosts(text: str) -> frozenset[str]:
    """The hosts of the links whose words are a newsletter's own ("Unsubscribe", "View in browser")."""
    hosts = set()
    for m in _LINK.finditer(text):
        href = _HREF.search(m.group(1))
        words = re.sub(r"<[^>]*>", " ", m.group(2))
        if href and _CHROME.search(html.unescape(words)):
            hosts.add(_host(next(g for g in href.groups() if g)))
    return frozenset(hosts)


def _hidden_ends(text: str, m: re.Match[str]) -> int:
    """The end of the element opened by tag ``m`` (its matching closing tag, nesting counted), or the tag's end."""
    name = m.group(2).lower()
    if name in _VOID or m.group(0).endswith("/>"):
        return m.end()
    depth = 1
    for t in re.finditer(rf"<(/?){name}\b[^>]*>", text[m.end() : m.end() + _HIDDEN_REACH], re.I):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return m.end() + t.end()
    return m.end()


def _tag_text(m: re.Match[str], chrome: frozenset[str]) -> str:
    """What tag ``m`` reads as: a line break for a block, a heading mark for a heading, a link's address."""
    raw = m.group(0)
    name = (m.group(2) or "").lower()
    closing = bool(m.group(1))
    if name in _BLOCK:
        if not closing and len(name) == 2 and name[0] == "h" and name[1] in "123456":
            marks = "#" * max(1, min(int(name[1]), len(raw) - 2))
            return _padded("\n" + marks + " ", len(raw), before=False)
        return _padded("\n", len(raw), before=False)
    if name == "a" and not closing and (href := _HREF.search(m.group(3) or "")):
        url = next(g for g in href.groups() if g)
        if _host(url) in chrome:
            return _blank(raw)
        at = m.start(3) + href.start() - m.start() + href.group(0).index(url)
        decoded = html.unescape(url)  # ("…?u=1&amp;i=2" is the address …?u=1&i=2)
        return " " * at + _padded(decoded, len(url), before=False) + " " * (len(raw) - at - len(url))
    return _blank(raw)


def _entity_text(m: re.Match[str]) -> str:
    char = html.unescape(m.group(0))
    if char == m.group(0) or not char.strip() or "\u200b" <= char <= "\u200d":
        return _blank(m.group(0))  # (an unknown name stays unread; &nbsp; and &zwnj; are blanks)
    return _padded(char, len(m.group(0)), before=True)  # ("Kestrel&#8217;s" → "Kestrel      ’s")


@lru_cache(maxsize=8)
def html_view(text: str) -> str:
    """``text`` read as the text it renders, one character for one (other texts are returned as they are)."""
    if not is_html(text):
        return text
    out = list(text)
    taken = bytearray(len(text))  # characters already read (blanked or written)

    def take(start: int, replacement: str) -> None:
        assert start + len(replacement) <= len(out)
        out[start : start + len(replacement)] = replacement
        taken[start : start + len(replacement)] = b"\x01" * len(replacement)

    for m in _UNSEEN.finditer(text):
        take(m.start(), _blank(m.group(0)))
    head = _HEAD.search(text)
    if head:
        title = _TITLE.search(text, head.start(1), head.end(1))
        take(head.start(), _blank(text[head.start() : head.end()]))
        if title:  # the title is the document's first heading line
            words = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", title.group(1))).split())
            if words and len(words) + 3 <= title.end() - title.start():
                take(title.start(), _padded("\n# " + words, title.end() - title.start(), before=False))
    chrome = _chrome_hosts(text)
    for m in _TAG.finditer(text):
        if taken[m.start()]:
            continue
        attrs = m.group(3) or ""
        if (
            m.group(2)
            and not m.group(1)
            and any(_HIDDEN.search(a.group(0)) for a in _STYLE_OR_HIDDEN.finditer(attrs))
        ):
            end = _hidden_ends(text, m)
            take(m.start(), _blank(text[m.start() : end]))
            continue
        take(m.start(), _tag_text(m, chrome))
    for m in _ENTITY.finditer(text):
        if not taken[m.start()]:
            take(m.start(), _entity_text(m))
    for m in _HEADING.finditer(text):  # a heading reads as one line: the line breaks inside it are blanks
        for i in range(m.start(2), m.end(2)):
            if out[i] == "\n":
                out[i] = " "
    view = "".join(out)
    assert len(view) == len(text)
    return view


_CELL_TAG = re.compile(r"<(/?)(td|th|li|table)\b[^>]*>", re.I)


@lru_cache(maxsize=8)
def _leaf_cells(text: str) -> tuple[tuple[int, int], ...]:
    """The innermost cells of an HTML document (a ``<td>``, ``<th>`` or ``<li>`` holding no cell or table), from
    their opening tag to their closing tag's end."""
    stack: list[list[int]] = []  # [start, holds another cell or table]
    cells = []
    for m in _CELL_TAG.finditer(text):
        name = m.group(2).lower()
        if not m.group(1):
            if stack:
                stack[-1][1] = 1
            if name != "table":
                stack.append([m.start(), 0])
            continue
        if name == "table" or not stack:
            continue
        start, holds = stack.pop()
        if not holds:
            cells.append((start, m.end()))
    return tuple(sorted(cells))


def html_item_spans(text: str, view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The innermost cells of the section ``text[start:end]`` of an HTML report, each a stretch citing its own
    links, when two of them or more show text and one at least links a source; [] otherwise (the text before the
    first cell is a stretch of its own, the blank markup between cells joins the cell before it)."""
    if not is_html(text):
        return []
    cells = [(a, b) for a, b in _leaf_cells(text) if start <= a < end and view[a:b].strip()]
    if len(cells) < 2 or "://" not in view[start:end]:
        return []
    return cut_at(view, start, end, [a for a, _b in cells])
