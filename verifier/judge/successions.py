"""Which version a new one replaces, pure: "取代Auralis-3成为默认模型" against "It replaces Auralis-3.5 as the default
model" is contradicted; against a page naming Auralis-3 as what is replaced it is supported. Without this, a page
that merely names Auralis-3 elsewhere ("Auralis-3 was retired in June") confirmed the claim's version.

The claim's key must be a version right after a verb of replacing (取代, 替代, 接替, "replaces", "succeeds",
"successor to"); the page sentence must say what is replaced in the same words and name a version of the same
family there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from claims.textnorm import to_simplified
from claims.values import normalise_version
from verifier.judge.evidence import Assessment, draft_evidence
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences

__all__ = ["replaced_version_said"]

_REPLACE = r"(?:取代|替代|接替|替换|接棒|\b(?:replac(?:es|ed|ing)|succeed(?:s|ed|ing)?|successor to|supersed(?:es|ed|ing)))"
_BEFORE_KEY = re.compile(_REPLACE + r"\s*(?:the\s+)?\Z", re.I)
_REPLACED = re.compile(_REPLACE + r"\s*(?:the\s+)?", re.I)
_FAMILY = re.compile(r"^[^\d]*")


def _family(version: str) -> str:
    return _FAMILY.match(normalise_version(version)).group(0)  # type: ignore[union-attr]


def replaced_version_said(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """Findings for a version key the claim says is replaced, or None when the key is none (or no cited page says
    which version of its family is replaced)."""
    at = q.sentence.find(q.key_text)
    if q.kind != "version" or at < 0 or _BEFORE_KEY.search(to_simplified(q.sentence[max(0, at - 16) : at])) is None:
        return None
    claimed = normalise_version(q.key_text)
    family = _family(q.key_text)
    if not family.strip("-"):
        return None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            text = to_simplified(p.text)
            for s, e, figures in passage_sentences(p):
                for m in _REPLACED.finditer(text, s, e):
                    said = next((v for v in figures if v.kind == "version" and m.end() <= v.start <= m.end() + 2), None)
                    if said is None or _family(said.raw) != family:
                        continue
                    stance: Literal["supports", "contradicts"] = "supports" if normalise_version(said.raw) == claimed else "contradicts"
                    draft = draft_evidence(PassageScore(idx, n, 1.0, 0.0, ()), stance, 1.0, said)
                    out = Assessment()
                    out.add(Finding(stance, 1.0, "version", "exact" if stance == "supports" else "sibling_version"), draft)
                    return out
    return None
