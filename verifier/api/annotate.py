"""Pure helpers for the pages: cut a text into plain and marked segments from character spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Segment", "segments", "spans_from_json"]

T = TypeVar("T")


@dataclass(frozen=True)
class Segment(Generic[T]):
    text: str
    mark: T | None = None  # what covers this piece (a claim, a highlight flag); None = plain text


def segments(text: str, spans: Iterable[tuple[int, int, T]]) -> list[Segment[T]]:
    """Split ``text`` at the spans ``(start, end, mark)``.

    Spans are clipped to the text; empty spans are dropped; when spans overlap the earlier-starting
    (then longer) one wins and the overlapped part of the later one is left plain, so every
    character appears exactly once and ``"".join(s.text for s in result) == text``.
    """
    n = len(text)
    cleaned = sorted(
        ((max(0, s), min(n, e), m) for s, e, m in spans if min(n, e) > max(0, s)),
        key=lambda t: (t[0], -(t[1] - t[0])),
    )
    out: list[Segment[T]] = []
    pos = 0
    for start, end, mark in cleaned:
        if start < pos:  # overlaps what is already marked
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], mark))
        pos = end
    if pos < n:
        out.append(Segment(text[pos:]))
    return out


def spans_from_json(pairs: Sequence[Sequence[int]] | None) -> list[tuple[int, int, bool]]:
    """``[[s, e], ...]`` (Evidence.highlight) as marked spans; malformed pairs are skipped."""
    out: list[tuple[int, int, bool]] = []
    for pair in pairs or []:
        if isinstance(pair, (list, tuple)) and len(pair) == 2 and all(isinstance(x, int) for x in pair):
            out.append((pair[0], pair[1], True))
    return out
