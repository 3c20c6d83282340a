"""A post of a PTT-style BBS (批踢踢) copied from a terminal client, read as the post it shows, in a view of the same
length.

Such a post opens on a header block (``作者``, ``看板``, ``標題``, ``時間`` fields), ends on the site's system lines
(``※ 發信站: …``, ``※ 文章網址: https://…``, ``※ 編輯: …``) and then its pushes, one a line: ``推 user: text  12/21
09:20``. Lines quoted from another post (``※ 引述《user》之銘言：`` and the ``: …`` lines under it) are that post's words.
The view blanks the system lines (the post's own address is no citation), the quoted lines and each push's trailing
time stamp (a date and a clock time, no figure); each push is a turn of its own (``claims.sections``), citing only the
addresses written in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.textnorm import blank_span

__all__ = ["is_ptt", "ptt_view"]

_HEADER = re.compile(r"\A\s*作者[ \t]+\S[^\n]*\n(?:[^\n]*\n){0,2}?[ \t]*標題[ \t]+\S", re.M)
_SYSTEM_LINE = re.compile(r"^※[^\n]*$", re.M)
_QUOTED_LINE = re.compile(r"^:[ \t][^\n]*$|^:$", re.M)
# a push: its mark, the user's id and a colon, then its text, ending on the push's time (with its IP before it, when shown)
_PUSH_STAMP = re.compile(r"^(?:推|→|噓|嘘)[ \t]+[\w.\-]{1,20}[ \t]*:[^\n]*?(?P<stamp>(?:[ \t]+\d{1,3}(?:\.\d{1,3}){3})?[ \t]+\d{2}/\d{2}[ \t]+\d{2}:\d{2})[ \t]*$", re.M)


def is_ptt(text: str) -> bool:
    """Does ``text`` open on a BBS post's header block (作者 … 標題) and carry the site's system lines?"""
    return "※" in text and _HEADER.match(text) is not None


@lru_cache(maxsize=16)
def ptt_view(text: str) -> str:
    """``text`` as the post reads (``text`` itself when it is no BBS post). Cached: a report is parsed, then its claims
    are read, from the same view."""
    if not is_ptt(text):
        return text
    chars = list(text)
    for pattern in (_SYSTEM_LINE, _QUOTED_LINE):
        for m in pattern.finditer(text):
            blank_span(chars, m.start(), m.end())
    for m in _PUSH_STAMP.finditer(text):
        blank_span(chars, m.start("stamp"), m.end("stamp"))
    return "".join(chars)
