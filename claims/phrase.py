"""The phrase a figure's claim spans (pure): the figure with the words framing it as a change, its direction
before it and its base after it ("rose 3% YoY", "up 71% quarter on quarter", "同比下降 4.1 个百分点",
"下降至41.6%"), and the bound or hedge written before it ("just under $400m", "at least $18 billion", 超过50亿元).
The verdict judges those words too (a page saying "fell 3%" contradicts "rose 3%", "has passed $400 million"
contradicts "just under"), so the claim a reviewer reads, and the span an export gives, holds them; the figure
itself stays the key."""

from __future__ import annotations

import re

from claims.values import qualifier_start

__all__ = ["claim_phrase"]

_EN_DIRECTION = (
    r"rose|rises|risen|rising|increased|increases|grew|grows|grown|climbed|climbs|jumped|jumps|surged|surges|soared"
    r"|gained|gains|improved|improves|expanded|expands|widened|fell|falls|fallen|dropped|drops|declined|declines"
    r"|decreased|decreases|slipped|slips|slid|shrank|shrinks|narrowed|narrows|contracted|plunged|tumbled|sank|up|down"
)
# "rose 3%", "rose by 3%", "slipped to 42%", "up 71%": the direction word right before the figure
_BEFORE_EN = re.compile(rf"\b(?:{_EN_DIRECTION})(?:\s+(?:by|to))?\s+$", re.I)
# 同比下降 / 环比增长 / 较上年同期下降 / 年增 / 月減 / 下降至: a change's base and direction right before the figure
_HAN_BASE = r"(?:同比|环比|環比|按年|按季|按月|较上年同期|較上年同期|较去年同期|較去年同期|较上季度|較上季度|较上季|較上季)"
_BEFORE_HAN = re.compile(
    rf"(?:(?:{_HAN_BASE}\s*)?(?:增长|增長|下降|下滑|减少|減少|提升|提高|上升|下跌|上涨|上漲|增加|回落|扩大|擴大|收窄|降低)"
    rf"|(?:{_HAN_BASE}|[年季月])[增减減升降跌涨漲])(?:了)?(?:至|到)?\s*$"
)
# "3% YoY", "71% quarter on quarter", "12% higher", "9% from a year earlier": the base or direction right after
_AFTER_EN = re.compile(
    r"\s*(?:yoy|y/y|q/q|qoq|m/m|mom|year[- ]over[- ]year|year[- ]on[- ]year|quarter[- ]over[- ]quarter"
    r"|quarter[- ]on[- ]quarter|month[- ]over[- ]month|month[- ]on[- ]month|sequentially|higher|lower"
    r"|from (?:a|the) year (?:earlier|before|ago)|from (?:a|the) (?:previous|prior) (?:quarter|year|month))\b",
    re.I,
)
_WINDOW = 16  # characters looked at before the figure: a direction is written right beside it
# the adverb before a bound ("just under", "well above", "slightly over")
_ADVERB = re.compile(r"\b(?:just|slightly|well|a little|a bit)\s+$", re.I)

_CHANGE_KINDS = frozenset({"percent", "money", "count"})


def claim_phrase(text: str, start: int, end: int, kind: str) -> tuple[int, int]:
    """``[start, end)`` (a figure of ``text``) widened over its bound or hedge and the direction written right
    before it and the base written right after it; unchanged for dates, versions, facts and figures framed by
    none of them."""
    if kind not in _CHANGE_KINDS:
        return start, end
    if (q := qualifier_start(text, start)) < start:
        a = _ADVERB.search(text, max(0, q - _WINDOW), q)
        start = a.start() if a is not None else q
    before = text[max(0, start - _WINDOW) : start]
    m = _BEFORE_EN.search(before) or _BEFORE_HAN.search(before)
    # ("set up 3 labs": "up" before a count is seldom its direction)
    if m is not None and not (kind == "count" and m.group().split()[0].lower() in {"up", "down"}):
        start -= len(before) - m.start()
    if (a := _AFTER_EN.match(text, end)) is not None:
        end = a.end()
    while start < end and text[start].isspace():
        start += 1
    return start, end
