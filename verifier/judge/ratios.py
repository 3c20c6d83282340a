"""Changes stated as a multiple or a share, pure: "its ARR of €310m is more than triple a year
earlier", "降至 0.28 美元，比 V4 降低一半". Pages rarely write the multiple; they give the two ends
("€310m, up from €90m", "from $0.56 to $0.28"). The claim's other figure is found on the page with
the figure it changed from in the same sentence, and their ratio is compared with the claim's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from claims.model import Value
from verifier.judge.compare import compare_values, unit_family
from verifier.judge.evidence import Assessment, draft_evidence
from verifier.judge.frames import direction_of, figure_role
from verifier.judge.matching import ClaimQuery, IndexedPassage, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding, Stance
from verifier.judge.statements import passage_sentences, sentence_values

__all__ = ["ChangeEvidence", "claimed_ratio", "implied_change", "with_implied_change"]

_TOLERANCE = 0.1  # a writer rounds a 3.1× rise to "triple", a 47% cut to "half"
_CLEARLY_OFF = 0.25  # a multiple this far from the page's is another one (2 倍 vs 1.5x)
_STRONG = 0.8  # how much a page's two ends of the change speak to the claim's multiple
_FROM_NEAR = re.compile(r"\bfrom\b|较|比|从")


@dataclass(frozen=True)
class ChangeEvidence:
    index: SnapshotIndex
    passage_no: int
    value: Value  # the figure the change started from
    ratio: float  # the page's ratio, later over earlier
    agrees: bool


def claimed_ratio(q: ClaimQuery, claimed: Value) -> tuple[float, str] | None:
    """The ratio (later over earlier) and its qualifier the claim states: 3× for "triple", 0.5 for
    "降低一半", 1.2 for "up 20%"; None when the key is not a change."""
    try:
        amount = float(claimed.value)
    except (TypeError, ValueError):
        return None
    if claimed.unit == "x":
        return (amount, claimed.qualifier) if amount > 1 else None
    if claimed.kind == "percent" and claimed.unit == "percent":
        at = max(0, q.sentence.find(q.key_text))
        direction = direction_of(q.sentence[max(0, at - 12) : at + len(q.key_text)], amount)
        if direction and 0 < amount < 1000 and (direction > 0 or amount < 100):
            return 1 + direction * amount / 100, claimed.qualifier
    return None


def _partners(q: ClaimQuery, claimed: Value) -> list[Value]:
    """The claim's other amounts (the later end of its change), nearest first."""
    key_at = max(0, q.sentence.find(q.key_text))
    out = [
        v
        for v in sentence_values(q.sentence)
        if v.kind in {"money", "count"} and isinstance(v.value, float | int) and not v.start <= key_at < v.end
    ]
    return sorted(out, key=lambda v: abs(v.start - key_at))


def _pairs(p: IndexedPassage, partner: Value) -> Iterator[tuple[Value, Value]]:
    """(the page's figure agreeing with the partner, the figure it changed from) in one sentence."""
    for s, _e, figures in passage_sentences(p):
        inside = [v for v in figures if isinstance(v.value, float | int)]
        for later in inside:
            if compare_values(partner, later).outcome != "agree":
                continue
            for earlier in inside:
                if earlier is later or unit_family(earlier) != unit_family(later) or not earlier.value:
                    continue
                if _changed_from(p.text, s, earlier):
                    yield later, earlier


def _changed_from(text: str, sentence_start: int, v: Value) -> bool:
    """Is ``v`` the figure a change starts from ("up from $6.1 billion", "由…的128K", "较…")?"""
    return figure_role(text, v.start, v.end) == "from" or _FROM_NEAR.search(text, max(sentence_start, v.start - 8), v.start) is not None


def _agrees(page: float, claimed: float, qualifier: str) -> bool | None:
    """True / False when the page's ratio agrees / clearly disagrees; None in between."""
    # (a bound leaves less room than a round figure: "more than tripled" is not met by 2.3×)
    if qualifier in {">", ">="}:
        return True if page >= claimed * (1 - _TOLERANCE / 5) else (False if page < claimed * (1 - _TOLERANCE) else None)
    if qualifier in {"<", "<="}:
        return True if page <= claimed * (1 + _TOLERANCE / 5) else (False if page > claimed * (1 + _TOLERANCE) else None)
    off = abs(page - claimed) / claimed
    return True if off <= _TOLERANCE else (False if off >= _CLEARLY_OFF else None)


def implied_change(q: ClaimQuery, claimed: Value, indexes: Sequence[SnapshotIndex]) -> ChangeEvidence | None:
    """The page's two ends of the change the claim states as a multiple or share, and whether their
    ratio agrees; None when no page gives the claim's other figure with the figure it changed from."""
    stated = claimed_ratio(q, claimed)
    if stated is None:
        return None
    ratio, qualifier = stated
    found: list[ChangeEvidence] = []
    for partner in _partners(q, claimed)[:2]:
        for idx in indexes:
            for n, p in enumerate(idx.passages):
                for later, earlier in _pairs(p, partner):
                    page = float(later.value) / float(earlier.value)
                    verdict = _agrees(page, ratio, qualifier)
                    if verdict is not None:
                        found.append(ChangeEvidence(idx, n, earlier, page, verdict))
        if found:
            break
    if not found and claimed.unit == "x":
        found = _unpartnered(q, ratio, qualifier, indexes)
    if not found:
        return None
    # one page pair that agrees is enough; a disagreement must be the only reading
    agreeing = [c for c in found if c.agrees]
    return agreeing[0] if agreeing else (found[0] if len({round(c.ratio, 3) for c in found}) == 1 else None)


_SPEAKS = 0.6  # how closely a passage must speak to a multiple the claim gives without its other figure


def _unpartnered(q: ClaimQuery, ratio: float, qualifier: str, indexes: Sequence[SnapshotIndex]) -> list[ChangeEvidence]:
    """A multiple said with neither end ("its context window is four times that of LanTu-2.0"): the change a
    passage that speaks closely to the claim gives from one figure to another in one sentence ("由澜图-2.0的128K
    提升至256K")."""
    from verifier.judge.matching import score_passages

    found: list[ChangeEvidence] = []
    for ps in score_passages(q, indexes, limit=4):
        if ps.context < _SPEAKS:
            continue
        p = ps.passage
        for s, _e, figures in passage_sentences(p):
            inside = [v for v in figures if isinstance(v.value, float | int) and v.kind in {"money", "count"} and v.unit != "x"]
            for earlier in inside:
                if not earlier.value or not _changed_from(p.text, s, earlier):
                    continue
                later = next((v for v in inside if v.start > earlier.end and unit_family(v) == unit_family(earlier)), None)
                if later is None or figure_role(p.text, later.start, later.end) != "to":
                    continue
                page = float(later.value) / float(earlier.value)
                verdict = _agrees(page, ratio, qualifier)
                if verdict is not None:
                    found.append(ChangeEvidence(ps.index, ps.passage_no, earlier, page, verdict))
    return found


def with_implied_change(q: ClaimQuery, claimed: Value, out: Assessment, indexes: Sequence[SnapshotIndex]) -> Assessment:
    """``out`` with what the page's two ends of the change say: a ratio that agrees with the claimed
    multiple or share supports it; one clearly off contradicts it when nothing else was found."""
    if any(f.stance == "supports" and f.score >= _STRONG for f in out.findings):
        return out
    change = implied_change(q, claimed, indexes)
    if change is None or (not change.agrees and out.findings):
        return out
    stance: Stance = "supports" if change.agrees else "contradicts"
    ps = PassageScore(change.index, change.passage_no, _STRONG, _STRONG, ())
    draft = draft_evidence(ps, stance, _STRONG, change.value)
    draft.matched_value = change.value.raw
    kept = Assessment()
    kept.add(Finding(stance, _STRONG, "value", "ratio" if change.agrees else "different"), draft)
    for f, d in zip(out.findings, out.evidence, strict=True):
        kept.add(f, d)
    return kept
