"""A forum thread copied from a web page whose posts are numbered floors (Mobile01, a Discuz! board: "#1 樓主",
"#2", …), read as the posts it shows, in a view of the same length (offsets stay the source's).

Each floor opens on its number, then its member's name and its post time, then its text; it may quote an earlier
floor in a 「引用 #n 某某 寫道：…」 block (the quoted floor's words and links, not the replier's), and it closes on a
signature under a rule ("--------") and the board's buttons ("分享　檢舉　引用　回覆"). The view blanks the floor
numbers, the members' names, the quote blocks, the signatures and the buttons; ``floor_spans`` gives each floor as a
stretch citing only the links of its own text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.sections import cut_at
from claims.textnorm import blank_span

__all__ = ["floor_spans", "floors_view", "is_forum_thread"]

# a floor's number on a line of its own, the thread's opening post marked as the poster's ("#1 樓主")
_FLOOR = re.compile(r"^#(?P<n>\d{1,4})(?:[ \t]+(?:樓主|楼主|原PO))?[ \t]*$", re.M)
_MIN_FLOORS = 3
_BUTTON = r"(?:分享|檢舉|检举|引用|回覆|回复|讚|赞|收藏|推薦|推荐)"
_BUTTONS = re.compile(rf"^[ \t]*{_BUTTON}(?:[ \t\u3000]+{_BUTTON}){{2,}}[ \t]*$", re.M)
_SIGNATURE_RULE = re.compile(r"^[ \t]*-{4,}[ \t]*$", re.M)
_QUOTE = re.compile(r"「[ \t]*引用[ \t]*#\d{1,4}[^」]{0,800}」")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=16)
def _floors(text: str) -> tuple[tuple[int, int], ...]:
    """The floor number lines of a thread, (start, end) each, when it numbers three or more in order; else ()."""
    if "#" not in text:
        return ()
    found = list(_FLOOR.finditer(text))
    numbers = [int(m.group("n")) for m in found]
    if len(found) < _MIN_FLOORS or numbers != sorted(numbers):
        return ()
    return tuple((m.start(), m.end()) for m in found)


def is_forum_thread(text: str) -> bool:
    """Does ``text`` number three or more posts as floors ("#1 樓主", "#2", …)?"""
    return bool(_floors(text))


@lru_cache(maxsize=16)
def floors_view(text: str) -> str:
    """``text`` as its posts read (``text`` itself when it is no thread of floors)."""
    floors = _floors(text)
    if not floors:
        return text
    chars = list(text)
    for start, end in floors:
        blank_span(chars, start, end)
        # (the member's name, the first line under the number)
        line_start = text.find("\n", end) + 1
        if 0 < line_start < len(text):
            line_end = text.find("\n", line_start)
            blank_span(chars, line_start, len(text) if line_end < 0 else line_end)
    for m in _QUOTE.finditer(text):
        blank_span(chars, m.start(), m.end())
    for m in _BUTTONS.finditer(text):
        blank_span(chars, m.start(), m.end())
    for m in _SIGNATURE_RULE.finditer(text):
        # the rule and the signature under it, up to the blank line that closes it
        close = _BLANK_LINE.search(text, m.end())
        blank_span(chars, m.start(), close.start() if close else len(text))
    view = "".join(chars)
    assert len(view) == len(text)
    return view


def floor_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The floors of the section ``text[start:end]`` of a thread, each a stretch citing its own links (the text
    before the first kept as its own); [] in a text of no floors or a section of none."""
    starts = [s for s, _e in _floors(text) if start <= s < end]
    return cut_at(text, start, end, starts) if starts else []
