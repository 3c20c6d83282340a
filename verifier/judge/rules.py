"""Verdict rules (pure): from what the sources say about a claim to a status, a reason code and a
confidence in [0, 1].

Order of the rules (the first that applies wins):
1. ``not_checkworthy`` — the extractor marked the claim as opinion or framing: unverified.
2. ``no_source`` / ``source_malformed`` / ``source_unreachable`` — nothing usable to read: unverified.
3. ``supported`` — a passage that speaks to the claim states an agreeing value: verified. A claim a
   source supports stays verified even when another report disagrees with it — unless a passage that
   speaks more to the claim states the figure scaled ×10ⁿ or with transposed digits (then 4).
4. ``value_mismatch`` / ``name_mismatch`` — a passage that speaks to the claim states a different
   value for the same quantity, or a near-miss name: contradicted. When the page's figure is the
   claim's in another frame, the reason says which: ``stale_figure`` (the page revised it),
   ``wrong_period``, ``wrong_direction``, ``wrong_currency``, ``wrong_unit``, ``wrong_bound``.
5. ``conflicting_reports`` — another report states the same fact differently and no source supports
   this one: contradicted.
6. ``not_disclosed`` — a cited page says it does not give the figure ("未披露今年的营收规模", "declined to
   disclose its gross margin") and no other page decides: unverified, that sentence shown.
7. ``not_found_in_source`` — everything else: unverified. When unsure we prefer unverified: marking a
   wrong claim verified is the worst error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "REASONS",
    "Status",
    "Stance",
    "SourceStatus",
    "Finding",
    "Decision",
    "decide",
]

Status = Literal["verified", "unverified", "contradicted"]
Stance = Literal["supports", "contradicts", "neutral"]

REASONS: dict[str, str] = {
    "supported": "a cited page states an agreeing value",
    "value_mismatch": "a cited page states a different value for the same quantity",
    "name_mismatch": "a cited page names a near-miss or different name for the same thing",
    "stale_figure": "the claim repeats a figure the cited page says was revised or corrected",
    "wrong_period": "a cited page gives this figure for another period (quarter, half, fiscal or calendar year)",
    "wrong_direction": "a cited page gives this figure going the other way (a fall, not a rise)",
    "wrong_currency": "a cited page gives this amount in another currency",
    "wrong_unit": "a cited page gives this figure in another unit of the same kind (GB vs TB, MW vs GW)",
    "wrong_bound": "a cited page bounds this figure the other way (more than, not less than)",
    "swapped_figures": "a cited page gives this figure for the other end of the change (from, not to) or the other quantity of the pair",
    "conflicting_reports": "another report states the same fact with a different value",
    "no_source": "the claim's section (and report) cites nothing",
    "source_malformed": "every cited link is malformed",
    "source_unreachable": "every cited link is dead, blocked or not fetched yet",
    "not_disclosed": "a cited page says the figure is not disclosed",
    "not_found_in_source": "no cited page speaks to the claim",
    "not_checkworthy": "opinion or framing, nothing to check",
    "source_changed": "a cited page changed and the verdict moved (re-check)",
}


@dataclass(frozen=True)
class SourceStatus:
    """What the claim can rest on: counts of cited sources by state."""

    total: int = 0
    usable: int = 0  # with at least one snapshot to read
    malformed: int = 0
    dead: int = 0  # dead, blocked or never fetched


@dataclass(frozen=True)
class Finding:
    """What one passage says about the claim. ``score`` is how well it speaks to the claim, [0, 1]."""

    stance: Stance
    score: float
    basis: Literal["value", "name", "date", "version", "topic"] = "value"
    detail: str = ""


@dataclass(frozen=True)
class Decision:
    status: Status
    reason: str
    confidence: float
    finding: Finding | None = None


_STRONG = frozenset({"scale_slip", "transposed"})
_SLIP_MARGIN = 0.05
# what an aligned page figure says is wrong with the claim (verifier.judge.statements) → its reason code
_DETAIL_REASONS = {
    "stale": "stale_figure",
    "period": "wrong_period",
    "direction": "wrong_direction",
    "currency": "wrong_currency",
    "unit": "wrong_unit",
    "qualifier": "wrong_bound",
    "wrong_side": "wrong_bound",
    "swapped": "swapped_figures",
}


def _clamp(x: float) -> float:
    return max(0.0, min(1.0, x))


def decide(
    sources: SourceStatus,
    findings: Sequence[Finding],
    *,
    checkworthy: bool = True,
    conflicting_reports: bool = False,
    threshold: float = 0.5,
) -> Decision:
    """Apply the rules above. ``findings`` below ``threshold`` do not count as evidence."""
    if not checkworthy:
        return Decision("unverified", "not_checkworthy", 0.9)
    if sources.total == 0:
        return Decision("unverified", "no_source", 0.95)
    if sources.usable == 0:
        if sources.malformed and sources.malformed >= sources.total - sources.dead and not sources.dead:
            return Decision("unverified", "source_malformed", 0.95)
        return Decision("unverified", "source_unreachable", 0.9)
    counted = [f for f in findings if f.score >= threshold]
    supports = [f for f in counted if f.stance == "supports"]
    contradicts = [f for f in counted if f.stance == "contradicts"]
    if supports:
        best = max(supports, key=lambda f: f.score)
        slips = [f for f in contradicts if f.detail in _STRONG and f.score > best.score + _SLIP_MARGIN]
        if not slips:
            return Decision("verified", "supported", _clamp(0.5 + 0.5 * best.score), best)
        # the figure also appears elsewhere on the page, but the passage that speaks most to the
        # claim states it ×10ⁿ or with its digits swapped: the coincidence is the weaker account
        contradicts = slips
    if contradicts:
        best = max(contradicts, key=lambda f: f.score)
        reason = "name_mismatch" if best.basis == "name" else _DETAIL_REASONS.get(best.detail, "value_mismatch")
        strong = 0.15 if best.detail in {"scale_slip", "transposed"} else 0.0
        return Decision("contradicted", reason, _clamp(0.45 + 0.4 * best.score + strong), best)
    if withheld := next((f for f in counted if f.stance == "neutral" and f.detail == "withheld"), None):
        return Decision("unverified", "not_disclosed", 0.8, withheld)
    if conflicting_reports:
        return Decision("contradicted", "conflicting_reports", 0.6)
    return Decision("unverified", "not_found_in_source", 0.6)
