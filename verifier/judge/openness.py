"""A claim that weights or code were not released openly, judged (pure): "nothing open-source this time, not
even a small model" against a page "releasing the weights of Veyra-4 Mini … under the Apache 2.0 license" is
contradicted; against "Muse Spark is not being released as open weights" it is supported.

The page sentence, on a page naming the claim's subject, must itself deny the release
(claims.openness.CLOSED_RELEASE: support) or say it happened with no denial in it (OPEN_RELEASE: contradiction);
a sentence denying something else near an open word says neither. A denial of every model of the release
("nothing", "not even", 均未) meets any such sentence; a denial of a named model meets only sentences naming
that very model or no model at all (its sibling "Veyra-4 Mini" being open leaves "Veyra-4 is closed" standing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from claims.openness import ALL_OF_THEM, CLOSED_RELEASE, OPEN_RELEASE
from claims.values import normalise_version
from verifier.judge.evidence import Assessment, claim_subjects, draft_evidence, subject_on_page
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex
from verifier.judge.polarity import clause_spans, negated
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences, sentence_values
from verifier.judge.venues import venues_in

__all__ = ["open_release_said"]

# a sibling's size or edition right after a model's name ("Veyra-4 Mini", 明镜-4-Flash)
_SIBLING = re.compile(r"[- ]?(?:mini|flash|lite|air|nano|pro|max|turbo|plus|small|base|instruct|chat)\b", re.I)


# what else a release may keep closed: its training data or code ("训练数据不开源", "the data is not open-sourced")
_OTHER_THING = re.compile(r"数据|數據|代码|代碼|\b(?:data|dataset|code)\b", re.I)


def _speaks_of(clause: str, at: int, models: Sequence[str]) -> bool:
    """Does ``clause`` speak of one of ``models`` where it says whether it was released (``at``): the model it
    names nearest there is one of them itself (not a sibling, "Tarn-3 Mini" of "Tarn-3"), or it names no model
    at all ("模型权重以 MIT 协议开源" on the model's own page)?"""
    # (a licence is no model: "以 Apache 2.0 协议开源")
    named = [v for v in sentence_values(clause) if v.kind == "version" and not venues_in(v.raw, "licences.tsv")]
    if not named:
        return True
    nearest = min(named, key=lambda v: abs(v.start - at))
    wanted = {normalise_version(m) for m in models}
    rest = clause[nearest.end :]
    return normalise_version(nearest.raw) in wanted and not _SIBLING.match(rest)


def open_release_said(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """Findings for a fact key denying an open release, or None when the key denies none (or no cited page
    says whether that release was open)."""
    if CLOSED_RELEASE.search(q.key_text) is None:
        return None
    every = ALL_OF_THEM.search(q.sentence) is not None
    models = [v.raw for v in sentence_values(q.sentence) if v.kind == "version"]
    subjects = claim_subjects(q)
    found: dict[str, tuple[SnapshotIndex, int, tuple[int, int]]] = {}
    for idx in indexes:
        if not subject_on_page(q, subjects, idx):
            continue  # another company's page
        for n, p in enumerate(idx.passages):
            for s, e, _figures in passage_sentences(p):
                for a, b in clause_spans(p.text[s:e]):
                    clause = p.text[s + a : s + b]
                    # the page denies the release itself ("not being released as open weights", 未开源), or says
                    # it happened with no denial in the clause; a denial of the data or code says neither
                    said = CLOSED_RELEASE.search(clause) or OPEN_RELEASE.search(clause)
                    if said is None or (models and not every and not _speaks_of(clause, said.start(), models)):
                        continue
                    if said.re is CLOSED_RELEASE and not _OTHER_THING.search(clause):
                        stance: Literal["supports", "contradicts"] = "supports"
                    elif said.re is OPEN_RELEASE and not negated(clause):
                        stance = "contradicts"
                    else:
                        continue
                    found.setdefault(stance, (idx, n, (s + a + said.start(), s + a + said.end())))
    # a page opening one model of a release and closing another: the denial of them all is wrong; a denial of
    # one model the page both opens and closes in some words is left to the claim's own words
    picked: Literal["supports", "contradicts"] | None = None
    if "contradicts" in found and (every or "supports" not in found):
        picked = "contradicts"
    elif "supports" in found and "contradicts" not in found:
        picked = "supports"
    if picked is None:
        return None
    idx, n, span = found[picked]
    draft = draft_evidence(PassageScore(idx, n, 0.8, 0.8, ()), picked, 0.8, None, [span])
    draft.matched_value = idx.passages[n].text[span[0] : span[1]]
    out = Assessment()
    out.add(Finding(picked, 0.8, "topic", "negation" if picked == "contradicts" else "agree"), draft)
    return out
