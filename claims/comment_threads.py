"""A discussion thread copied as text from a link aggregator (Hacker News, Lobsters and their kind), read as its
comments say, in a view of the same length.

Such a page opens on the submission — its title, the submitted address, a "412 points by … | 287 comments" line —
and then lists comments, each under a header such as ``user 3 hours ago | parent | next [–]``, replies indented
under their parent, each closed by a "reply" link. The view keeps the submission's title and address and each
comment's author (so that its header still heads the comment) and blanks the site's own lines: menus, the points
line, the header's age and links, "reply", and the addresses in lines a comment quotes from its parent ("> …"):
those are the parent's citations (the quoted words stay, as what the reply answers). :func:`top_level_comments` tells which comments answer the
submission itself: one with no link of its own speaks of the submitted page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.textnorm import blank_span

__all__ = ["is_comment_thread", "comment_thread_view", "top_level_comments", "submission_title"]

# "gwillen_ 13 hours ago | next [–]", "  hnrd 12 hours ago | parent | next [–]", "jkl 6 hours ago [flagged] | prev [–]"
_HEADER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<user>[\w.-]{2,40})[ \t]+(?P<meta>(?:\d{1,3}|an?|one)[ \t]+"
    r"(?:second|minute|hour|day|week|month|year)s?[ \t]+ago\b[^\n]{0,120}?\[[–-]\])[ \t]*$",
    re.M,
)
_POINTS = re.compile(r"^[ \t]*\d{1,6}[ \t]+points?[ \t]+by[ \t]+\S{1,40}[ \t][^\n]{0,200}$", re.M)
_SITE_LINE = re.compile(r"^[ \t]*(?:reply|add comment|more|link|flag|parent|edit|delete)[ \t]*$", re.M | re.I)
_QUOTED = re.compile(r"^[ \t]*>[^\n]*$", re.M)
_ADDRESS = re.compile(r"https?://\S{1,2000}")
# a menu: four items or more between bars, each of one to three words without a figure
_MENU = re.compile(r"^[ \t]*[^\d|\n]{1,30}(?:[ \t]\|[ \t][^\d|\n]{1,30}){3,}[ \t]*$", re.M)


@lru_cache(maxsize=16)  # asked by the view, by the title and by the sections of the same text: one scan
def _headers(text: str) -> tuple[re.Match[str], ...]:
    return tuple(_HEADER.finditer(text)) if " ago" in text else ()


def is_comment_thread(text: str) -> bool:
    """Does ``text`` list comments under "user 3 hours ago … [–]" headers (two or more)?"""
    return len(_headers(text)) >= 2


@lru_cache(maxsize=16)
def comment_thread_view(text: str) -> str:
    """``text`` as its thread's comments read (``text`` itself when it is no comment thread). Cached: a report is
    parsed, then its claims are read, from the same view."""
    headers = _headers(text)
    if len(headers) < 2:
        return text
    chars = list(text)
    first = headers[0].start()
    for m in headers:
        blank_span(chars, m.start("meta"), m.end("meta"))
    for pattern in (_POINTS, _SITE_LINE, _MENU):
        for m in pattern.finditer(text):
            blank_span(chars, m.start(), m.end())
    for m in _QUOTED.finditer(text, first):
        for link in _ADDRESS.finditer(text, m.start(), m.end()):
            blank_span(chars, link.start(), link.end())
    return "".join(chars)


def top_level_comments(text: str) -> tuple[int, ...]:
    """Where each comment that answers the submission (its header not indented) starts."""
    return tuple(m.start() for m in _headers(text) if not m.group("indent"))


def submission_title(view: str) -> str:
    """The thread's first line with words (in its first 4,000 characters): the submission's title ("Larkspur 4
    (quillon.ai)")."""
    for line in view[:4000].splitlines():
        if line.strip() and not line.lstrip().startswith(("http://", "https://")):
            return line.strip()[:200]
    return ""
