"""A forum post's BBCode source (phpBB, vBulletin, Discourse's BBCode) read as the post it renders, in a view of the
same length.

A thread copied from a forum's editor keeps its markup: ``[b]…[/b]``, ``[list][*]…[/list]``, links written
``[url=https://…]label[/url]`` or ``[url]https://…[/url]``, and quotes of earlier posts, ``[quote="user"]…[/quote]``.
The view keeps what the poster wrote: a link's address (where it stands, so that the post cites it) and its label, a
list's items (each a "-" bullet); tags are blanked, and so is a quoted block — it is another post's words, already read where that post
stands, and its links are that post's citations, not the quoting one's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.textnorm import blank_span

__all__ = ["is_bbcode", "bbcode_view"]

_QUOTE_TAG = re.compile(r"\[quote(?:=[^\]\n]{0,200})?(?:\s[^\]\n]{0,200})?\]|(?P<close>\[/quote\])", re.I)
# (a label or an image is short: bounded, so an unclosed tag costs no scan to the end of the text)
_LINK = re.compile(r"\[url=(?P<url>[^\]\s]{1,2000})\](?P<label>.{0,500}?)\[/url\]|\[url\](?P<bare>[^\[\s]{1,2000})\[/url\]", re.I | re.S)
_IMAGE = re.compile(r"\[img(?:=[^\]\n]{0,200})?\][^\[]{0,2000}\[/img\]", re.I)
_TAG = re.compile(
    r"\[/?(?:b|i|u|s|size|color|colour|font|list|\*|center|left|right|code|spoiler|url|quote|img|hr|sup|sub|strike|highlight)"
    r"(?:=[^\]\n]{0,200})?\]",
    re.I,
)
_MARKERS = ("[url", "[quote", "[/b]", "[list]", "[*]", "[/i]", "[img]")


def is_bbcode(text: str) -> bool:
    """Does ``text`` carry BBCode: two kinds of its tags or more?"""
    if "[" not in text:
        return False
    low = text.lower()
    return sum(marker in low for marker in _MARKERS) >= 2 and ("[/url]" in low or "[/quote]" in low or "[/b]" in low)


def _quotes(text: str) -> list[tuple[int, int]]:
    """The outermost ``[quote]…[/quote]`` blocks (nested quotes inside them), in one pass; an unclosed quote
    quotes nothing."""
    blocks: list[tuple[int, int]] = []
    depth, start = 0, 0
    for m in _QUOTE_TAG.finditer(text):
        if m.group("close") is None:
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                blocks.append((start, m.end()))
    return blocks


@lru_cache(maxsize=16)
def bbcode_view(text: str) -> str:
    """``text`` as its forum post reads (``text`` itself when it carries no BBCode). Cached: a report is parsed, then
    its claims are read, from the same view."""
    if not is_bbcode(text):
        return text
    chars = list(text)
    for start, end in _quotes(text):
        blank_span(chars, start, end)
    for m in _IMAGE.finditer(text):
        blank_span(chars, m.start(), m.end())
    view = "".join(chars)
    for m in _LINK.finditer(view):
        if m.group("url") is not None:
            blank_span(chars, m.start(), m.start("url"))  # "[url="
            blank_span(chars, m.end("url"), m.start("label"))  # "]"
            blank_span(chars, m.end("label"), m.end())  # "[/url]"
        else:
            blank_span(chars, m.start(), m.start("bare"))
            blank_span(chars, m.end("bare"), m.end())
    view = "".join(chars)
    for m in _TAG.finditer(view):
        blank_span(chars, m.start(), m.end())
        if m.group(0) == "[*]":
            chars[m.start()] = "-"  # a list item: a bullet, its own line's
    return "".join(chars)
