"""A figure the cited page says it does not give (pure): "公司未披露今年的营收规模", "declined to disclose the
company's gross margin", "does not disclose unit shipments". Whatever figure of that page meets the claim is
another's, so that page neither supports nor contradicts it; the claim rests on the other cited pages, and
where none of them speaks to it, it is unverified for that reason (``not_disclosed``), the sentence shown.

The clause must withhold the claim's own measure and little else (every word the claim's figure's own segment
measures it by, a Chinese word by itself on a Chinese page; at least half of what it withholds the claim's words:
"前五大客户的具体名称及各自销售占比" is more than a claimed revenue), of no other period (a year's revenue withheld
says nothing of November's), on a page naming the claim's subject, and give no figure of the claim's kind itself
("未披露具体金额，但称超过10亿元" gives one). Guidance withheld ("公司未给出全年业绩指引", "暂不提供全年业绩指引") withholds
any forecast: a claim whose figure's own clause forecasts ("预计全年营收将突破90亿元") is not disclosed there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from claims.bridge import has_han
from claims.model import Value
from claims.textnorm import to_simplified
from verifier.judge.compare import unit_family
from verifier.judge.evidence import Assessment, EvidenceDraft, claim_subjects, draft_evidence, subject_on_page
from verifier.judge.frames import clause_span, clause_words, period_marks
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex, build_query
from verifier.judge.rules import Finding
from verifier.judge.statements import frame_of, passage_sentences

__all__ = ["with_withheld"]

_WITHHELD = re.compile(
    r"未披露|未透露|未公布|未公开|未公開|未予披露|不予披露|拒绝透露|拒絕透露|拒绝披露|拒絕披露|没有披露|沒有披露|未有披露|並未披露|并未披露"
    r"|未揭露|不揭露|未给出|未給出|不提供|未提供|暂不提供|暫不提供|[并並]?[无無](?:披露|透露|公布|公佈)|未公佈|没有公布|沒有公佈"
    r"|\b(?:did not|does not|do not|didn't|doesn't|won't|would not|will not|declined to|refused to|wouldn't)\s+"
    r"(?:disclose|reveal|break out|share|make public|give|provide|offer|issue)\b|\bno (?:guidance|forecast|outlook)\b"
    r"|\bnot (?:disclosed|being disclosed|made public|broken out)\b|\bundisclosed\b",
    re.I,
)
# guidance withheld ("公司未给出全年业绩指引", "暂不提供全年业绩指引", "did not give a full-year outlook") … and a
# forecast claimed ("预计全年营收将突破90亿元", "expects revenue of …"): no figure the page gives is the forecast
_GUIDANCE = re.compile(r"指引|预测|預測|展望|\b(?:guidance|guide|forecasts?|outlook|projections?)\b", re.I)
_FORECAST = re.compile(r"预计|預計|预期|預期|有望|预测|預測|指引|\b(?:expects?|expected|forecasts?|guid(?:e|ance|ed)|outlook|projects?|projected|targets?)\b", re.I)
_SQUARELY = 0.75  # a support this strong on the same page outweighs its withholding sentence


# who withholds and when: no part of what is withheld ("公司未披露今年的…", "She declined to disclose the company's …")
# (… nor "the amount", "具体", which say only that a figure is meant)
_WHO_OR_WHEN = frozenset({
    "compan", "corpora", "firm", "incorpo", "year", "she", "he", "they", "it", "this", "its",
    "amount", "sum", "monetar", "mone", "figur", "number", "specifi", "concret", "definit", "detail", "exact",
})


# how the claim says it was told ("公司还透露", "are said to be"): no part of what it measures
_SAYING = frozenset({"reveal", "disclos", "divulg", "leak", "announc", "say", "said", "report", "state", "tell", "told", "claim"})
# a whole year's figure withheld ("今年的营收规模", "full-year revenue"): no month's, quarter's or half's
_WHOLE_YEAR = re.compile(r"今年|本年|全年|年度|\b(?:this year|full[- ]year|annual)\b", re.I)


def _all_the_claims(q: ClaimQuery, withheld: str) -> bool:
    """Is what the clause withholds the claim's own measure, and nothing else besides — at least half of its
    words (by weight) the claim's ("前五大客户的具体名称及各自销售占比" is more than a claimed revenue)?"""
    terms = q.all_terms()
    concepts = [c for c in build_query(kind="fact", sentence=withheld, key_text="", key_start=-1).concepts
                if not c.terms <= _WHO_OR_WHEN and not (c.source[:1].isupper() and c.source.lower() not in terms)]
    total = sum(c.weight for c in concepts)
    return total > 0 and sum(c.weight for c in concepts if c.terms & terms) >= 0.5 * total


@lru_cache(maxsize=8192)
def _withholds(text: str) -> bool:
    """Does a passage say anywhere that something is not disclosed? (Asked of every passage for every figure
    claimed: read once per passage.)"""
    return _WITHHELD.search(text) is not None


def _own_measure_met(q: ClaimQuery, own: tuple[frozenset[str], ...], withheld: str) -> bool:
    """Do the withheld words name everything the claim's figure's own words say it measures ("gross margin" of
    "gross margins are said to be around 55%")? A Chinese word of the claim is met by itself on a Chinese page
    (金额 is no 估值, however the dictionary glosses them); across languages through the glosses."""
    sources = {c.terms: c.source for c in q.concepts}
    groups = [g for g in own if not g <= _WHO_OR_WHEN and not g & _SAYING and not _part_of_a_name(q, sources.get(g, ""))]
    if not groups:
        return False
    words = clause_words(withheld)
    simplified = to_simplified(withheld)
    for g in groups:
        src = sources.get(g, "")
        met = to_simplified(src) in simplified if has_han(src) and has_han(withheld) else bool(g & words)
        if not met:
            return False
    return True


# the last word of a Chinese company's name ("澜衡智能", "云枢科技"): who, not what is measured
_NAME_SUFFIX = ("智能", "科技", "集团", "集團", "股份", "控股", "半导体", "半導體", "微电子", "微電子", "电子", "電子")


def _part_of_a_name(q: ClaimQuery, src: str) -> bool:
    """Is a concept of the claim's sentence a word of a name it gives ("Corvid", the 智能 of 澜衡智能)?"""
    if not src:
        return False
    if src[:1].isupper() and any(src in n for n in q.context_names):
        return True
    at = q.sentence.find(src)
    return src in _NAME_SUFFIX and at >= 2 and has_han(q.sentence[at - 2 : at])


def _other_period(claimed: frozenset[str], withheld: str) -> bool:
    """Does the clause withhold the figure of another period ("今年的营收" for November's revenue)?"""
    said = period_marks(withheld)
    if claimed and said:
        return not claimed & said
    return bool(_WHOLE_YEAR.search(withheld)) and any(m[0] in "nqh" for m in claimed)


def _withheld_at(q: ClaimQuery, claimed: Value, indexes: Sequence[SnapshotIndex]) -> tuple[SnapshotIndex, int, tuple[int, int]] | None:
    """The page clause withholding the claim's measure: (page, passage, span of the clause)."""
    if not any(_withholds(p.text) for idx in indexes for p in idx.passages):
        return None  # (most pages withhold nothing: the claim's frame is not worth reading then)
    frame = frame_of(q)
    if not frame.weights:
        return None
    family = unit_family(claimed)
    subjects = claim_subjects(q)
    for idx in indexes:
        if not subject_on_page(q, subjects, idx):
            continue
        for n, p in enumerate(idx.passages):
            if not _withholds(p.text):
                continue
            for s, e, figures in passage_sentences(p):
                sentence = p.text[s:e]
                for m in _WITHHELD.finditer(sentence):
                    a, b = clause_span(sentence, m.start(), m.end())
                    if any(unit_family(v) == family for v in figures):
                        continue  # the sentence gives a figure of the claim's kind itself ("…，但称营收超过10亿元")
                    # what it withholds: the clause but its verb
                    withheld = sentence[a : m.start()] + " " * (m.end() - m.start()) + sentence[m.end() : b]
                    # (the figure's own clause is the forecast: "预计全年营收将突破90亿元", not a sentence that forecasts another)
                    forecast_withheld = _GUIDANCE.search(withheld) is not None and _FORECAST.search(frame.clause) is not None
                    if (
                        (forecast_withheld or (_own_measure_met(q, frame.own_groups, withheld) and _all_the_claims(q, withheld)))
                        and not _other_period(frame.periods, withheld)
                    ):
                        return idx, n, (s + a, s + b)
    return None


def with_withheld(q: ClaimQuery, claimed: Value, out: Assessment, indexes: Sequence[SnapshotIndex]) -> Assessment:
    """``out`` without the findings of a page that says it does not give the claim's figure, and that page's
    sentence as a finding of its own (neutral, ``withheld``) when no other page decides."""
    found = _withheld_at(q, claimed, indexes)
    if found is None:
        return out
    idx, n, span = found
    if any(f.stance == "supports" and f.score >= _SQUARELY and d.snapshot_id == idx.snapshot_id for f, d in zip(out.findings, out.evidence, strict=True)):
        return out  # the page gives the very figure squarely elsewhere: what it withholds is another's ("小尺寸版本 … 未透露具体参数规模")
    kept = Assessment()
    for f, d in zip(out.findings, out.evidence, strict=True):
        if d.snapshot_id != idx.snapshot_id:
            kept.add(f, d)
    draft: EvidenceDraft = draft_evidence(PassageScore(idx, n, 1.0, 1.0, ()), "neutral", 1.0, None, [span])
    kept.add(Finding("neutral", 1.0, "value", "withheld"), draft)
    return kept
