"""What an assessment carries (pure): the thresholds that decide what counts, the findings with
the evidence to keep, and the helpers every kind of claim shares (the claim's subjects, highlights)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from claims.bridge import has_han, stem
from claims.entities import names_no_one
from claims.model import Value
from claims.pinyin import page_keys, word_key
from claims.textnorm import matching_view
from verifier.judge.compare import (
    normalise_version,
)
from verifier.judge.matching import (
    CLAUSE_STOP,
    ClaimQuery,
    PassageScore,
    SnapshotIndex,
    clause_with_its_own_subject,
    compact,
)
from verifier.judge.rules import Finding

GENERIC_NAMES = frozenset({"AI", "API", "APP", "CEO", "CTO", "GPU", "CPU", "LLM", "SDK", "AGI", "IPO"})
@dataclass(frozen=True)
class Thresholds:
    number_context: float = 0.4  # passage must speak this much to a numeric claim to count
    number_context_near: float = 0.25  # … or this much when the words next to the figure are met
    near_share: float = 0.5
    contradict_context: float = 0.5
    date_context: float = 0.3
    slip_context: float = 0.6  # a passage speaking this much to the claim needs no near words for a digit slip
    # a page that gives figures of the claim's kind in at most ``sparse_passages`` passages offers few
    # chances of a coincidence: its exact figure supports in a passage speaking this much to the claim
    sparse_context: float = 0.2
    sparse_passages: int = 2
    fact_key: float = 0.6
    fact_context: float = 0.35
    fact_key_loose: float = 0.5  # a weaker key match is enough when the passage speaks strongly to the sentence
    fact_sum: float = 1.0  # … key + context
    name_context: float = 0.25
    key_words_weight: float = 1.5  # Chinese words in a named key that must be met as well…
    key_words_share: float = 0.5  # … at least this share of their weight


def on_sparse_page(ps: PassageScore, family: str, t: Thresholds) -> bool:
    """Does the passage speak at least ``t.sparse_context`` to the claim, on a page that gives figures of
    ``family`` in at most ``t.sparse_passages`` passages (few chances of a coincidence)?"""
    return ps.context >= t.sparse_context and len(ps.index.by_family.get(family, ())) <= t.sparse_passages


@dataclass
class EvidenceDraft:
    snapshot_id: int
    passage: str
    passage_start: int
    passage_end: int
    score: float
    stance: str
    values_found: list[dict[str, Any]] = field(default_factory=list)
    matched_value: str | None = None
    highlight: list[list[int]] = field(default_factory=list)


@dataclass
class Assessment:
    findings: list[Finding] = field(default_factory=list)
    evidence: list[EvidenceDraft] = field(default_factory=list)

    def add(self, finding: Finding, draft: EvidenceDraft) -> None:
        self.findings.append(finding)
        self.evidence.append(draft)


def draft_evidence(ps: PassageScore, stance: str, score: float, value: Value | None = None, spans: Sequence[tuple[int, int]] = ()) -> EvidenceDraft:
    p = ps.passage
    hl = [[value.start, value.end]] if value is not None and value.end > value.start else []
    hl += [[s, e] for s, e in spans]
    return EvidenceDraft(
        snapshot_id=ps.index.snapshot_id,
        passage=p.text,
        passage_start=p.start,
        passage_end=p.end,
        score=round(score, 4),
        stance=stance,
        values_found=[v.to_json() for v in p.values],
        matched_value=value.raw if value is not None else None,
        highlight=hl,
    )


def claim_subjects(q: ClaimQuery) -> list[str]:
    """The sentence's names (compact form) that can stand for a subject: not generic acronyms, amounts,
    measures ("Interim DPS") or months ("Jan-Oct")."""
    names = [
        n for n in q.context_names
        if len(normalise_version(n)) >= 3
        and n.upper() not in GENERIC_NAMES
        and not sentence_initial_word(q, n)
        and not names_no_one(n)
    ]
    # a key figure whose clauses name no one is not bound to the names of a later clause with a figure of its
    # own ("云枢科技拟投资不超过 96.5 亿元…，Northstar 在得州启动 1.2 GW 园区建设": Northstar is the 1.2 GW's)
    later = _later_clauses_own(q)
    if later and all(q.sentence.find(n) >= later[0] for n in names):
        return []
    # … nor to the names of a later clause with a subject of its own ("They add 2.1 gigawatts this year, and they
    # still haven't signed a deal with Tarrow": Tarrow is whom they deal with, not who adds the capacity)
    at = q.sentence.find(q.key_text)
    own = clause_with_its_own_subject(q.sentence, at + len(q.key_text)) if at >= 0 else None
    if own is not None and all(q.sentence.find(n) >= own for n in names):
        names = []
    out = [normalise_version(n) for n in names]
    # a sentence opening on a description ("The model scored …") speaks of its antecedent first
    if q.antecedent and (ante := normalise_version(q.antecedent)) not in out:
        out.insert(0, ante)
    return out


def _later_clauses_own(q: ClaimQuery) -> tuple[int] | tuple[()]:
    """Where the clauses after the key figure's begin, when they hold a figure of their own."""
    at = q.sentence.find(q.key_text)
    if at < 0 or q.kind not in {"money", "percent", "count"}:
        return ()
    stop = CLAUSE_STOP.search(q.sentence, at + len(q.key_text))
    if stop is None or not _FIGURE.search(q.sentence, stop.end()):
        return ()
    return (stop.end(),)


_FIGURE = re.compile(r"\d")


def subject_on_page(q: ClaimQuery, subjects: Sequence[str], idx: SnapshotIndex) -> bool:
    """Does the page name the claim's subject (any of ``subjects``, compact)? A Chinese company the claim
    writes in pinyin ("Suixin Microelectronics") meets its characters (燧芯) on a Chinese page."""
    if not subjects or any(n in idx.page_compact for n in subjects):
        return True
    # the claim glosses its subject in Chinese characters ("Weisheng (崴晟, 7841)"): the page writes them
    if (glosses := [compact(m.group(1)) for m in _HAN_GLOSS.finditer(q.sentence)]) and any(
        g in _page_simplified(idx) for g in glosses
    ):
        return True
    keys = _page_keys(idx)
    if any(
        # (a model named in pinyin with its version, "Xuanjing-2.5", is its characters' too: 玄鲸-2.5)
        (key := word_key(letters.group())) is not None and key in keys
        for n in q.context_names
        if normalise_version(n) in subjects and (letters := _LEADING_LETTERS.match(n.lstrip())) is not None
    ):
        return True
    # a product named with its maker ("Corvane TX4") on a page that names them apart ("Corvane unveiled the TX4")
    # (a product code: its second word holds a digit, not "China AI")
    if any(
        len(words := n.split()) == 2 and len(words[0]) >= 3 and any(ch.isdigit() for ch in words[1])
        and all(normalise_version(w) in idx.page_compact for w in words)
        for n in q.context_names
        if normalise_version(n) in subjects
    ):
        return True
    # an acronym the claim writes ("the TKO campus") meets the words it abbreviates ("Tseung Kwan O")
    acronyms = [n.lower() for n in q.context_names if _ACRONYM.fullmatch(n) and normalise_version(n) in subjects]
    return bool(acronyms) and any(a in _page_initials(idx) for a in acronyms)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")
# a name's Chinese characters in brackets after it: "Weisheng (崴晟, 7841)", "Yunshan Shuzhi（雲杉數智）"
_HAN_GLOSS = re.compile(r"[A-Za-z0-9.&'-][ \t]?[（(][ \t]?([\u3400-\u9fff]{2,12})[ \t]?[,，)）]")
# a run of two or more capitalised words ("Tseung Kwan O", "Harbourline Digital Holdings")
_CAPITAL_RUN = re.compile(r"\b[A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)+\b")


_T = TypeVar("_T")


def _on_index(idx: SnapshotIndex, attr: str, compute: Callable[[str], _T]) -> _T:
    """``compute(page text)``, cached on the index under ``attr`` (an index is rebuilt per verify run)."""
    got: _T | None = getattr(idx, attr, None)
    if got is None:
        got = compute(idx.page_text)
        object.__setattr__(idx, attr, got)
    return got


def _page_initials(idx: SnapshotIndex) -> frozenset[str]:
    """The initials of the page's runs of capitalised words (lower case)."""
    return _on_index(
        idx, "_initials", lambda text: frozenset("".join(w[0] for w in re.split(r"[ -]", m.group())).lower() for m in _CAPITAL_RUN.finditer(text))
    )


def _page_simplified(idx: SnapshotIndex) -> str:
    """The page's compact text read in Simplified script, as a claim's sentence is."""
    return _on_index(idx, "_simplified_compact", lambda text: compact(matching_view(text)))


def _page_keys(idx: SnapshotIndex) -> frozenset[str]:
    """The pinyin keys of a page's Han runs."""
    return _on_index(idx, "_pinyin_keys", lambda text: page_keys(text) if has_han(text) else frozenset())


def sentence_initial_word(q: ClaimQuery, name: str) -> bool:
    """"Guidance for the next quarter…", "Shares jumped…": a plain capitalised word that opens the
    sentence is a word, not a name."""
    opening = _LINE_MARK.sub("", q.sentence, count=1)  # "• Operating cash outflow…": a bullet opens no name
    return opening.startswith(name) and bool(re.fullmatch(r"[A-Z][a-z]+(?:-[a-z]+)*", name))


_LINE_MARK = re.compile(r"^\s*(?:[-*+•·▪■◆▶>]+|\d{1,2}[.)])?\s*")


_WORDS = re.compile(r"[A-Za-z0-9]+")


def term_spans(text: str, terms: frozenset[str], limit: int = 20) -> list[tuple[int, int]]:
    """Spans of the passage's words that met the claim's key (for the reviewer's highlight)."""
    spans = [(m.start(), m.end()) for m in _WORDS.finditer(text) if stem(m.group()) in terms]
    return spans[:limit]


