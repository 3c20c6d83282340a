"""Polarity, pure: does a clause deny what it states ("the rule does not require …", "该公司并未裁员")?

A claim and a passage that share their words but not their polarity say opposite things: the passage
never supports the claim, and when it speaks squarely to the claim's clause it contradicts it. Words
that merely hold a negation character or word (不断, 未来, 无人机, "not only", "no more than") are
read first and do not count.
"""

from __future__ import annotations

import re

from claims.extract import DENIAL_LEAD
from verifier.judge.evidence import Assessment, Thresholds, draft_evidence
from verifier.judge.frames import clause_span, clause_words
from verifier.judge.matching import ClaimQuery, PassageScore
from verifier.judge.rules import Finding

__all__ = ["clause_spans", "negated", "with_polarity"]

_NEGATION = re.compile(
    r"\b(?:not|never|no longer|cannot|neither|nor|rather than|instead of)\b|n't\b|不|没有|没|未|并非|尚未|拒绝|否认|而非",
    re.IGNORECASE,
)
# negation characters inside words that deny nothing, and negations that are bounds or emphasis
_NOT_A_DENIAL = re.compile(
    r"\bnot (?:only|just|merely|least)\b|\b(?:no|not) (?:more|less|fewer|later|earlier|sooner) than\b"
    r"|\bwhether or not\b|\bif not\b"
    r"|不断|不少|不仅|不同|不过|不久|不到|不足|不超过|不低于|不高于|不止|不亚于|不管|不论|不得不|不可或缺|不一|不错|不再局限"
    r"|不只|不光|未来|未经|无人|无线|无论|无疑|非常|非洲|毫无疑问|没过多久",
    re.IGNORECASE,
)


def negated(text: str) -> bool:
    """Does ``text`` (one clause) deny something?"""
    return bool(_NEGATION.search(_NOT_A_DENIAL.sub(" ", text)))


# a key that is itself a denial ("does not require", 并未披露), not a clause that holds a 不 somewhere
_DENIAL_KEY = re.compile(DENIAL_LEAD + r"\b|并未|未|没有|不会|不再|尚未|拒绝|否认", re.IGNORECASE)
_BEFORE_KEY = 8  # characters before a claim's key where a denial still bears on it (决定不向…, "did not")
_BEFORE_PAGE = 40  # … and before a page's matched words ("said it would not be releasing it")
_SHARED_WORDS = 3  # a passage clause sharing this many of the claim clause's words speaks to it


def _claim_clause(q: ClaimQuery) -> tuple[int, int]:
    at = q.sentence.find(q.key_text)
    return clause_span(q.sentence, at, at + len(q.key_text)) if at >= 0 else (0, len(q.sentence))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` (frames.clause_span's), in order."""
    out, pos = [], 0
    while pos < len(text):
        s, e = clause_span(text, pos, pos)
        out.append((s, e))
        pos = max(e + 1, pos + 1)
    return out


def _closest_clause(text: str, words: frozenset[str]) -> tuple[str, int]:
    """The clause of a passage sharing most words with ``words``, and how many it shares."""
    best, shared = "", 0
    for s, e in clause_spans(text):
        n = len(clause_words(text[s:e]) & words)
        if n > shared:
            best, shared = text[s:e], n
    return best, shared


def with_polarity(q: ClaimQuery, out: Assessment, passages: list[PassageScore], t: Thresholds) -> Assessment:
    """``out`` read for polarity: a supporting passage whose clause denies what the claim's clause states
    (or states what it denies) does not support; when the page speaks squarely to a claim whose own
    key is a denial ("does not require") and states it, the claim is contradicted."""
    cs, ce = _claim_clause(q)
    claim_clause = q.sentence[cs:ce]
    at = q.sentence.find(q.key_text)
    # the denial must bear on the key: inside it or right before it (尽管 OpenAI 对其未剔除…: the 未 is another verb's)
    claim_denies = negated(q.sentence[max(cs, at - _BEFORE_KEY) : at + len(q.key_text)]) if at >= 0 else negated(claim_clause)
    words = clause_words(claim_clause)
    kept = Assessment()
    for f, d in zip(out.findings, out.evidence, strict=True):
        if f.stance == "supports" and d.highlight:
            hs, he = d.highlight[0]  # passage offsets
            s, _e = clause_span(d.passage, hs, he)
            if negated(d.passage[max(s, hs - _BEFORE_PAGE) : he]) != claim_denies:
                continue
        kept.add(f, d)
    if any(f.stance == "supports" for f in kept.findings) or not _DENIAL_KEY.match(q.key_text.strip()):
        return kept
    for ps in passages:
        if ps.context < t.contradict_context:
            continue
        clause, shared = _closest_clause(ps.passage.text, words)
        if shared >= _SHARED_WORDS and not negated(clause):
            kept.add(Finding("contradicts", ps.context, "topic", "negation"), draft_evidence(ps, "contradicts", ps.context, None))
            break
    return kept
