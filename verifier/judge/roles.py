"""Who holds an office, pure: the name a claim puts in an office of a deal or a decision, read against the
name a page sentence puts there.

"保荐机构为东瀛证券" against "本次发行的保荐机构（主承销商）为中岳证券，联席主承销商为东瀛证券": the page gives the
sponsor's office to another name and names the claim's in another office. "approved by the Public Utilities
Commission of Ohio" against "The Ohio Power Siting Board approved … The Public Utilities Commission of Ohio is
still reviewing …": another body approved, the claim's is named doing something else. Either is a
contradiction; a page that never names the claim's name in any capacity says nothing of it (as a lead the
page does not name, in ``leads``).

An office is a closed class (sponsor, underwriter, bookrunner, auditor, adviser, trustee, contractor, operator,
and the approval of a decision): the words of each, Chinese and English, read as one office, "joint" / 联席 kept apart
(the joint lead underwriter is not the lead underwriter), "sole" / 独家 not.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from claims.textnorm import matching_view
from verifier.judge.evidence import EvidenceDraft, Thresholds, draft_evidence
from verifier.judge.leads import chinese_name_terms, says
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences

# ---------------------------------------------------------------- offices

_ZH_NOUNS = {
    "保荐机构": "sponsor", "保荐人": "sponsor", "保荐商": "sponsor", "保荐券商": "sponsor",
    "主承销商": "lead underwriter", "承销商": "underwriter",
    "全球协调人": "global coordinator", "整体协调人": "global coordinator", "账簿管理人": "bookrunner",
    "审计机构": "auditor", "审计师": "auditor", "核数师": "auditor",
    "律师事务所": "legal adviser", "法律顾问": "legal adviser", "财务顾问": "financial adviser",
    "托管人": "custodian", "托管银行": "custodian", "托管行": "custodian", "受托人": "trustee",
    "总承包商": "general contractor", "总包商": "general contractor", "总承包方": "general contractor",
}  # fmt: skip
_EN_NOUNS = {
    "sponsor": "sponsor", "lead underwriter": "lead underwriter", "underwriter": "underwriter",
    "bookrunner": "bookrunner", "book-runner": "bookrunner", "global coordinator": "global coordinator",
    "auditor": "auditor", "legal adviser": "legal adviser", "legal advisor": "legal adviser",
    "legal counsel": "legal adviser", "financial adviser": "financial adviser", "financial advisor": "financial adviser",
    "trustee": "trustee", "custodian": "custodian", "general contractor": "general contractor",
    "prime contractor": "general contractor", "epc contractor": "general contractor",
    "operator": "operator",
}  # fmt: skip
# a decision's maker, named as the agent of its verb: "approved by X", "X approved", "经X批准"
_EN_VERBS = {
    "approved": "approval", "cleared": "approval", "authorized": "approval", "authorised": "approval",
    "signed off on": "approval", "signed off": "approval", "greenlit": "approval",
    "audited": "auditor", "underwritten": "underwriter", "sponsored": "sponsor",
    "operated": "operator", "run": "operator", "operate": "operator",
}  # fmt: skip
_ZH_VERBS = {"批准": "approval", "核准": "approval", "审批通过": "approval", "保荐": "sponsor", "承销": "underwriter"}


# offices several firms hold together as one (joint sponsors are the sponsors; the joint lead underwriter is not
# the lead underwriter, nor a co-trustee the trustee)
_SHARED = frozenset({"sponsor", "global coordinator", "bookrunner"})


def _alternation(words: Collection[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ZH_OFFICE = rf"(?P<mod>联席|联合|独家)?(?P<noun>{_alternation(_ZH_NOUNS)})"
_EN_OFFICE = rf"(?P<mod>(?:sole|joint)\s+)?(?P<noun>{_alternation(_EN_NOUNS)})s?\b"
_EN_VERB = rf"(?P<verb>{_alternation(_EN_VERBS)})"
_ZH_VERB = rf"(?P<verb>{_alternation(_ZH_VERBS)})"

# a name: a run of capitalised words (with "of" / "and" / "&" inside: "Public Utilities Commission of Ohio")
# (one way to split the spaces, at most nine words: a page's run of capitals costs a scan, not a square of one)
_NAME = r"(?:The\s+)?[A-Z][\w&'.\-]*(?:\s+(?:(?:of|for|and|&|de)\s+)?[A-Z][\w&'.\-]*){0,8}"
_ZH_FILLER = r"[^，,。；;、\s（(：:][^，,。；;（(]{1,30}"
_EN_FILLER = r"[^,;.()]{2,80}?(?=[,;.()]|\s+(?:with|while|and the|alongside|as well as|which|who)\b|$)"
_ASIDE = r"(?:\s*[（(][^）)]{1,16}[）)])?"

_SLOTS = (
    # 保荐机构（主承销商）为中岳证券 / 审计机构：X
    re.compile(rf"{_ZH_OFFICE}{_ASIDE}\s*(?:为|是|系|：|:)\s*(?P<name>{_ZH_FILLER})"),
    # 华峦证券和鹤汀融资为联席保荐人 / 中岳证券为本次发行的保荐机构: the holder(s) first
    re.compile(rf"(?P<name>[^，,。；;、\s为是為][^，,。；;为是為]{{1,29}}?)(?:为|是|為)(?:本次[^，,。；;]{{0,12}}的)?{_ZH_OFFICE}"),
    # 由中岳证券担任本次发行的保荐机构
    re.compile(
        rf"(?:由|聘请)?(?P<name>[^，,。；;、\s由]{{2,20}}?)(?:担任|出任|作为)(?:本次[^，,。；;]{{0,12}}的)?{_ZH_OFFICE}"
    ),
    # 经国家发改委批准 / 获X核准 / 由维港资本和嘉泓证券联席保荐 (the office as a verb, not its holder's noun)
    re.compile(rf"(?:经|获|由)(?P<name>[^，,。；;、\s经获由]{{2,20}}?)(?:联席|联合|独家|共同)?{_ZH_VERB}(?![人机商券])"),
    # the sole sponsor is X / auditor: X
    re.compile(rf"(?i:\b(?:the\s+)?{_EN_OFFICE}\s+(?:is|was|are|were|will be|:))\s+(?P<name>{_EN_FILLER})"),
    # X as (the) sole sponsor / X is the auditor
    re.compile(
        rf"(?P<name>{_NAME})\s+(?i:(?:is|was|are|were|will act as|acted as|acts as|serves as|served as|as)\s+"
        rf"(?:the\s+|its\s+|their\s+)?{_EN_OFFICE})"
    ),
    # approved by the Public Utilities Commission of Ohio / underwritten by X / (the sites will be) run by X
    re.compile(rf"(?i:\b{_EN_VERB}\s+by)\s+(?:the\s+)?(?P<name>{_NAME})"),
    # X will operate them / X is to run the sites: who will hold the office, said ahead
    re.compile(rf"(?P<name>{_NAME})\s+(?:will|would|is to|are to|is set to)\s+(?P<verb>operate|run)\b"),
)
# the active voice: "The Ohio Power Siting Board approved the project's on-site generation" (a page's; a claim's
# only of a decision: "PUCO signed off on the substation", "NEDO approved another 45 billion yen")
_ACTIVE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:(?:has|have|had|formally|unanimously|officially|also)\s+)*(?i:{_EN_VERB})\b(?!\s+by\b|-)"
)


@dataclass(frozen=True)
class Slot:
    """One office filled in a text: which office, and the span of the name(s) filling it."""

    office: str
    start: int
    end: int


def _office(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("verb"):
        verb = groups["verb"].lower()
        return _EN_VERBS.get(verb) or _ZH_VERBS[verb]
    noun = groups["noun"]
    base = _ZH_NOUNS.get(noun) or _EN_NOUNS[" ".join(noun.lower().split())]
    mod = (groups.get("mod") or "").strip().lower()
    return f"joint {base}" if mod in {"联席", "联合", "joint"} and base not in _SHARED else base


def slots(text: str, *, page: bool = False) -> Iterator[Slot]:
    """Every office ``text`` fills, with its holder; the active voice ("X approved …", "X will operate …") a
    page's in every office, a claim's only in a decision's approval."""
    for rx in (*_SLOTS, _ACTIVE):
        for m in rx.finditer(text):
            if rx is _ACTIVE and not page and _office(m) != "approval":
                continue
            s, e = m.span("name")
            name = text[s:e].strip()
            s += len(text[s:e]) - len(text[s:e].lstrip())
            if name.startswith("The "):  # "The Ohio Power Siting Board": the body is the name
                s, name = s + 4, name[4:]
            if name:
                yield Slot(_office(m), s, s + len(name))


# ---------------------------------------------------------------- names

_LATIN_RUN = re.compile(_NAME)
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def holder_terms(name: str) -> frozenset[str]:
    """The holder's name as a page would write it, lower-cased: its longest Latin run without a leading
    "The" ("Public Utilities Commission of Ohio", not "Ohio" alone: a place shared by two bodies), its
    Chinese names in English through the lexicon, and a Chinese name no dictionary knows as written."""
    out: set[str] = set()
    runs = [" ".join(m.group(0).split()) for m in _LATIN_RUN.finditer(name)]
    runs = [r[4:] if r.startswith("The ") else r for r in runs]
    if runs:
        out.add(max(runs, key=len).lower())
    out |= chinese_name_terms(name)
    return frozenset(t for t in out if len(t) >= 3 or _HAN.fullmatch(t))


def holds(terms: Collection[str], text: str) -> bool:
    low = text.lower()
    return any(says(low, t) for t in terms)


def claim_slot(sentence: str, key: tuple[int, int]) -> Slot | None:
    """The one office the claim fills with its key's name (None when it fills none, or several)."""
    found = {(s.office, s.start, s.end) for s in slots(sentence) if s.start < key[1] and key[0] < s.end}
    if len(found) != 1:
        return None
    office, start, end = found.pop()
    return Slot(office, start, end)


def office_clash(office: str, terms: Collection[str], sentence: str) -> Slot | None:
    """The slot of ``sentence`` that gives ``office`` to a holder other than the claim's (``terms``), or
    None; a slot giving it to the claim's holder is a support the caller must look for first."""
    for slot in slots(sentence, page=True):
        if slot.office == office and not holds(terms, sentence[slot.start : slot.end]):
            return slot
    return None


def office_held(office: str, terms: Collection[str], sentence: str) -> bool:
    """``sentence`` gives ``office`` to the claim's holder (among others, maybe)."""
    return any(
        s.office == office and holds(terms, sentence[s.start : s.end]) for s in slots(sentence, page=True)
    )


# ---------------------------------------------------------------- reading a claim against its pages


def office_reading(
    q: ClaimQuery, passages: Sequence[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds
) -> tuple[Finding, EvidenceDraft] | None:
    """The claim puts its key's name in an office (保荐机构为东瀛证券, "approved by the Public Utilities
    Commission of Ohio"): a page sentence that speaks to the claim and gives the office to that name supports
    it; one that gives it to another name, its passage (or its page, when the passage speaks squarely to the
    claim) naming the claim's elsewhere, contradicts it (the page's holder highlighted), unless a cited page
    gives the office to the claim's name anywhere. None when the claim fills no office or no page sentence
    speaks to it."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return None
    view = matching_view(q.sentence)
    slot = claim_slot(view, (at, at + len(q.key_text)))
    if slot is None:
        return None
    # several holders named together ("由维港资本和瑞沣证券联席保荐"): each is read, the key's own one when the key is
    # one of them; any one the pages give no such office, beside another they do, makes the claim wrong
    holder = view[slot.start : slot.end]
    inside = at <= slot.start and slot.end <= at + len(q.key_text)
    members = _HOLDERS.split(holder) if inside else [view[max(at, slot.start) : min(at + len(q.key_text), slot.end)]]
    held_by = [(terms, _held_anywhere(slot.office, terms, indexes)) for m in members if (terms := holder_terms(m))]
    left_out = [terms for terms, h in held_by if not h]
    if len(held_by) >= 2 and len(left_out) < len(held_by) and any(holds(terms, matching_view(idx.page_text)) for terms in left_out for idx in indexes):
        # a holder named beside others the page gives the office to, in a slot that leaves it out (the page naming
        # it in another capacity): that slot speaks to the claim, however little else of the claim its passage says
        others = [terms for terms, h in held_by if h]
        if (clash := _slot_of_others(slot.office, others, indexes)) is not None:
            return clash
    readings = [r for terms, held in held_by if (r := _office_reading(slot, terms, held, passages, t))]
    return next((r for r in readings if r[0].stance == "contradicts"), readings[0] if readings else None)


def _held_anywhere(office: str, terms: frozenset[str], indexes: Sequence[SnapshotIndex]) -> bool:
    """Does a sentence of a cited page give ``office`` to the holder ``terms`` name?"""
    return any(
        office_held(office, terms, matching_view(p.text)[s:e]) for idx in indexes for p in idx.passages for s, e, _ in passage_sentences(p)
    )


def _slot_of_others(
    office: str, others: Sequence[frozenset[str]], indexes: Sequence[SnapshotIndex]
) -> tuple[Finding, EvidenceDraft] | None:
    """The page slot giving ``office`` to the claim's other holders (and so not to the one it leaves out)."""
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            text = matching_view(p.text)
            for s, e, _ in passage_sentences(p):
                for x in slots(text[s:e], page=True):
                    if x.office == office and any(holds(terms, text[s + x.start : s + x.end]) for terms in others):
                        ps = PassageScore(idx, n, 0.8, 0.8, ())
                        draft = draft_evidence(ps, "contradicts", 0.8, None, [(s + x.start, s + x.end)])
                        draft.matched_value = p.text[s + x.start : s + x.end]
                        return Finding("contradicts", 0.8, "name", "role"), draft
    return None


# holders named together: "维港资本和嘉泓证券", "A、B及C", "X and Y"
_HOLDERS = re.compile(r"、|和|及|与|與|,\s*|\s+and\s+")


def _office_reading(
    slot: Slot, terms: frozenset[str], held: bool, passages: Sequence[PassageScore], t: Thresholds
) -> tuple[Finding, EvidenceDraft] | None:
    """``office_reading`` for one holder (``terms``) of the claim's ``slot``; ``held``: a cited page gives it the
    office somewhere (``_held_anywhere``)."""
    for ps in passages:
        if ps.context < t.fact_context:
            continue
        # (a clash needs a passage that speaks to the claim as a contradiction does, or one that speaks as much
        # as a support does and names the claim's name in the very sentence that gives its office to another)
        near = ps.context < t.contradict_context
        text = matching_view(ps.passage.text)
        for s, e, _figures in passage_sentences(ps.passage):
            sentence = text[s:e]
            if held:
                own = [
                    x
                    for x in slots(sentence, page=True)
                    if x.office == slot.office and holds(terms, sentence[x.start : x.end])
                ]
                if own:
                    span = (s + own[0].start, s + own[0].end)
                    return Finding("supports", ps.context, "name", "role"), draft_evidence(
                        ps, "supports", ps.context, None, [span]
                    )
                continue
            clash = office_clash(slot.office, terms, sentence)
            if clash is None:
                continue
            rest, at = (sentence, 0) if near else (text, s)
            # (a passage that speaks squarely to the claim: its page may name the claim's holder in another
            # paragraph, "The funds will be disbursed by … (NEDO)"; the clash's holder is never the claim's)
            if holds(terms, rest[: at + clash.start] + " " + rest[at + clash.end :]) or (
                not near and holds(terms, ps.index.page_text)
            ):
                draft = draft_evidence(ps, "contradicts", 0.8, None, [(s + clash.start, s + clash.end)])
                draft.matched_value = ps.passage.text[s + clash.start : s + clash.end]
                return Finding("contradicts", 0.8, "name", "role"), draft
    return None
