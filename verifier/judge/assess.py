"""Assess one claim against the indexed snapshots of its sources (pure): findings for the verdict
rules and the evidence to keep.

Per kind of claim:
- numbers (money, percent, count): the page's figure for the same quantity is the comparable value
  (same unit family) in a passage that speaks to the claim, bound by the noun it counts; an agreeing
  one supports; a scale slip, transposed digits, or a differing figure bound to the same noun
  contradicts; the same digits on another unit next to the same subject is a garbled unit;
- dates: a passage that states the date, or the page's own dateline when the page is about the
  claim's subject; a release date that differs from the dateline of a page titled with the claim's
  subject contradicts;
- versions: normalised strings on the page; a model family the page lists with other versions only
  contradicts;
- facts: names (fuzzy on the page; a near-miss name contradicts) or, for Chinese-only keys, the key's
  concepts through the lexicon and the dictionary bridge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from verifier.judge.compare import (
    met_families,
)
from verifier.judge.dates import assess_date
from verifier.judge.evidence import (
    Assessment,
    Thresholds,
)
from verifier.judge.matching import (
    ClaimQuery,
    SnapshotIndex,
    score_passages,
)
from verifier.judge.names import assess_fact, assess_version
from verifier.judge.numbers import assess_number, with_alignment
from verifier.judge.polarity import with_polarity
from verifier.judge.ratios import with_implied_change


def assess_claim(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds | None = None) -> Assessment:
    """Findings and evidence for one claim from the indexes of the snapshots it rests on.

    The thresholds above decide what counts; a counted finding's score is mapped to [0.5, 1]
    (0.5 + half its relevance) for the verdict rules and the confidence."""
    out = _assess(q, indexes, t or Thresholds())
    out.findings = [replace(f, score=0.5 + 0.5 * min(1.0, max(0.0, f.score))) for f in out.findings]
    return out


def _assess(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    if not indexes:
        return Assessment()
    passages = score_passages(q, indexes, limit=8)
    key_value = q.values[0] if q.values else None
    if q.kind in {"money", "percent", "count"} and key_value is not None and isinstance(key_value.value, float | int):
        fams = [*met_families(key_value), "count"]
        out = assess_number(q, key_value, score_passages(q, indexes, limit=12, families=fams), t, indexes)
        return with_implied_change(q, key_value, out, indexes)
    if q.kind == "date" and key_value is not None and key_value.kind == "date":
        dated = assess_date(q, key_value, passages, indexes, t)
        if any(f.detail == "event" for f in dated.findings):
            return dated  # the page dates the claim's event otherwise: another event's date is no support
        return with_alignment(q, key_value, dated, indexes) if re.search(r"\d", key_value.raw) else dated
    if q.kind == "version":
        return assess_version(q, passages, indexes, t)
    return with_polarity(q, assess_fact(q, passages, indexes, t), passages, t)
