"""A change said in words after its figure, pure: "同期净亏损2.15亿元，亏损同比扩大" says the loss of 2.15亿元 widened.

The key ("扩大", "losses widened") carries no figure of its own; the figure it is said of stands before it in its
sentence. A page sentence that gives that very figure and says it moved the other way ("净亏损2.15亿元，较上年同期的
3.62亿元明显收窄") contradicts the key; one that gives it moving the same way backs it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from claims.model import Value
from verifier.judge.compare import compare_values, significant_digits
from verifier.judge.evidence import Assessment, draft_evidence
from verifier.judge.frames import clause_span, compared_direction, direction_of
from verifier.judge.matching import ClaimQuery, IndexedPassage, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences, sentence_values

__all__ = ["change_said_of_figure"]

_AMOUNTS = frozenset({"money", "count", "percent"})
_FIGURE_NEXT = re.compile(r"\s*(?:了|by|to|至|到|约|約|about|around)?\s*[-+]?[\d$€£¥]", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z]")
_KEY_CHARS = 24  # a change word with its measure and base ("亏损同比扩大", "losses widened"): no longer


def _figure_before(q: ClaimQuery) -> Value | None:
    """The nearest amount before the key in its sentence, given with at least two digits (or a unit): what the
    key's change is said of."""
    at = q.sentence.find(q.key_text)
    if at < 0 or _FIGURE_NEXT.match(q.sentence, at + len(q.key_text)):
        return None  # "定位误差可降至约 0.5 毫米": the change is said of the figure after it
    before = [
        v
        for v in sentence_values(q.sentence)
        if v.end <= at and v.kind in _AMOUNTS and isinstance(v.value, float)
    ]
    if not before:
        return None
    v = before[-1]
    return v if len(significant_digits(abs(float(v.value)))) >= 2 or v.unit else None


def change_said_of_figure(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """Findings for a fact key that is a change's direction said of the figure before it, or None when the key is
    no such change (or no page sentence gives that figure with a direction)."""
    way = direction_of(q.key_text)
    if (
        not way
        or len(q.key_text) > _KEY_CHARS
        or re.search(r"\d", q.key_text)
        or _CAPITALISED.search(q.key_text)
    ):
        return None  # (a name is no change: "Halcyon Growth")
    figure = _figure_before(q)
    if figure is None:
        return None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            for _s, e, figures in passage_sentences(p):
                for v in figures:
                    if v.kind != figure.kind or compare_values(figure, v).detail != "exact":
                        continue
                    moved = _way_moved(p, v, e)
                    if not moved:
                        continue
                    stance: Literal["supports", "contradicts"] = "supports" if moved == way else "contradicts"
                    out = Assessment()
                    detail = "direction" if stance == "contradicts" else "agree"
                    out.add(
                        Finding(stance, 1.0, "value", detail),
                        draft_evidence(PassageScore(idx, n, 1.0, 0.0, ()), stance, 1.0, v),
                    )
                    return out
    return None


def _way_moved(p: IndexedPassage, v: Value, sentence_end: int) -> int:
    """The way the page says its figure ``v`` moved: in its clause ("net loss narrowed to $187 million"), else after it
    in its sentence ("净亏损2.15亿元，较上年同期的3.62亿元明显收窄"), else against the earlier level it is compared with
    ("55% of revenue, compared with 46%"); 0 when it says none."""
    cs, ce = clause_span(p.text, v.start, v.end)
    moved = direction_of(p.text[cs:ce]) or direction_of(p.text[v.end : sentence_end])
    if moved:
        return moved
    later = [(x.start, x.end, float(x.value)) for x in p.values if x.start >= v.end and x.kind == v.kind]
    return compared_direction(p.text, float(v.value), v.end, later)
