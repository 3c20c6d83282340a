"""Pure helpers for the pages: cut a text into plain and marked segments from character spans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Segment", "segments", "spans_from_json", "page_starts", "split_at"]

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


def page_starts(passages_json: str | Sequence[dict[str, object]]) -> list[tuple[int, int]]:
    """``(page, offset)`` where each page of a PDF snapshot starts in its text; [] for other pages."""
    import json

    try:
        raw = json.loads(passages_json) if isinstance(passages_json, str) else list(passages_json)
    except ValueError:
        return []
    out: list[tuple[int, int]] = []
    for p in raw if isinstance(raw, list) else []:
        page, start = (p.get("page"), p.get("start")) if isinstance(p, dict) else (None, None)
        if isinstance(page, int) and isinstance(start, int) and (not out or page != out[-1][0]):
            out.append((page, start))
    return out


def split_at(pieces: Sequence[Segment[T]], offsets: Sequence[int]) -> list[list[Segment[T]]]:
    """``pieces`` (covering a text in order) cut at the given text offsets: len(offsets) + 1 groups."""
    groups: list[list[Segment[T]]] = [[]]
    cuts = sorted(offsets)
    pos = 0
    for piece in pieces:
        text = piece.text
        while cuts and pos <= cuts[0] < pos + len(text):
            at = cuts.pop(0) - pos
            if at:
                groups[-1].append(Segment(text[:at], piece.mark))
            groups.append([])
            text, pos = text[at:], pos + at
        if text:
            groups[-1].append(Segment(text, piece.mark))
        pos += len(text)
    while cuts:  # offsets past the end: empty groups keep the count
        cuts.pop(0)
        groups.append([])
    return groups
