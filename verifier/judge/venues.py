"""Closed classes of names (pure). Where shares list: a claim that names a stock exchange or one of its boards
(港交所, 科创板, "the Nasdaq") is read against the exchange the cited page's listing sentences name; under which
licence weights or code are released (MIT, Apache 2.0): against the licence the page's licensing sentences name;
which agency issued a notice or an approval (发改委, 经信委, 工信部): against the agency the page's issuing sentences
name. Each class is closed (claims/data/venues.tsv, licences.tsv, agencies.tsv), so a page that says where the listing is
(or which licence) and names another member, never the claim's, contradicts it; a page naming the claim's
supports it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Literal

from claims.units import data_lines
from verifier.judge.evidence import Assessment, claim_subjects, draft_evidence, subject_on_page
from verifier.judge.matching import ClaimQuery, PassageScore, SnapshotIndex
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences

__all__ = ["venues_in", "assess_venue"]

# a sentence about a listing: the shares' debut, trading, an IPO
_LISTING = re.compile(
    # (… or the application for one, filed with the exchange: 递表, "filed its application with the … exchange")
    r"上市|挂牌|掛牌|登陆|登陸|招股|首发|首發|发行|發行|交易|递表|遞表|IPO|\b(?:list(?:ed|s|ing)?|debut(?:ed|s)?|trad(?:e|es|ed|ing)|"
    r"flotation|float(?:ed|s)?|go(?:es|ing)? public|went public|shares?|fil(?:e|es|ed|ing))\b",
    re.I,
)


# a sentence about a licence: open weights or code, a licence or an agreement to use them
_LICENSING = re.compile(r"开源|開源|协议|協議|许可|許可|授权|授權|\b(?:open[- ]?sourc|open[- ]weights?|licen[cs]|released under)", re.I)
# a sentence about who issued or approved something: a notice, rules, a plan, an approval
_ISSUING = re.compile(
    r"发文|發文|印发|印發|发布|發布|公布|通知|公告|办法|辦法|方案|意见|意見|规定|規定|批准|批复|批覆|核准|牵头|牽頭|主管|主办|主辦|"
    r"申报|申報|生效|审批|審批|备案|備案|"
    r"\b(?:issu(?:e|ed|es|ing)|publish(?:ed|es)?|announc(?:e|ed|es)|approv(?:e|ed|es|al)|clear(?:s|ed)|notice|rules?|guidelines?|led by"
    # (… or chose whom a programme funds: "selected five AI data center projects", 选定, 入选)
    r"|select(?:s|ed|ion)?|pick(?:s|ed)?|chose|choos(?:e|es|ing)|award(?:s|ed)?)\b|选定|選定|遴选|遴選|入选|入選",
    re.I,
)
# each closed class: its data file and the sentences that say which member
_CLASSES = (("venues.tsv", _LISTING), ("licences.tsv", _LICENSING), ("agencies.tsv", _ISSUING))


@cache
def _surfaces(data: str = "venues.tsv") -> tuple[tuple[str, str], ...]:
    """(surface, member) pairs of a class, longest surface first."""
    pairs = [(surface.strip(), row[0]) for row in data_lines(data) for surface in row[1].split(",") if surface.strip()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _pattern(data: str = "venues.tsv") -> re.Pattern[str]:
    parts = []
    for surface, _venue in _surfaces(data):
        escaped = re.escape(surface)
        # a Latin acronym or name stands alone ("SSE" is not inside "SSEC"); Chinese needs no boundary
        # (… and a name of several words in any case: "the Hong Kong stock exchange")
        if surface.isascii() and " " in surface:
            escaped = f"(?i:{escaped})"
        parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if surface.isascii() else escaped)
    return re.compile("|".join(parts))


@cache
def _member_of(data: str = "venues.tsv") -> dict[str, str]:
    members = {surface: member for surface, member in _surfaces(data)}
    return members | {surface.lower(): member for surface, member in _surfaces(data) if " " in surface}


def venues_in(text: str, data: str = "venues.tsv") -> list[tuple[int, int, str]]:
    """(start, end, member) of every member of a class ``text`` names (the data files write both scripts)."""
    table = _member_of(data)
    return [(m.start(), m.end(), table.get(m.group(0)) or table[m.group(0).lower()]) for m in _pattern(data).finditer(text)]


def assess_venue(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """The first closed class the claim's key names a member of, judged (see ``_assess_member``)."""
    for data, context in _CLASSES:
        if (judged := _assess_member(q, indexes, data, context)) is not None:
            return judged
    return None


def _assess_member(q: ClaimQuery, indexes: Sequence[SnapshotIndex], data: str, context: re.Pattern[str]) -> Assessment | None:
    """Support when a sentence of a cited page that says which (a listing sentence, a licensing one) names the
    claim's member; a contradiction when such sentences name only other members; None when none names one (or
    the claim names no single member)."""
    # (the member the key is part of: "MIT" of "under an MIT license")
    at = q.sentence.find(q.key_text)
    key = (at, at + len(q.key_text)) if at >= 0 else None
    claimed = {venue for _s, _e, venue in venues_in(q.key_text, data)} or {
        venue for s, e, venue in venues_in(q.sentence, data) if key is not None and s <= key[0] and key[1] <= e
    }
    if len(claimed) != 1:
        return None
    subjects = claim_subjects(q)
    same: tuple[SnapshotIndex, int, tuple[int, int]] | None = None
    other: tuple[SnapshotIndex, int, tuple[int, int]] | None = None
    for idx in indexes:
        if not subject_on_page(q, subjects, idx):
            continue  # another company's page
        for n, p in enumerate(idx.passages):
            for s, e, _figures in passage_sentences(p):
                sentence = p.text[s:e]
                if not context.search(sentence):
                    continue
                for a, b, venue in venues_in(sentence, data):
                    if venue in claimed:
                        same = same or (idx, n, (s + a, s + b))
                    elif other is None:
                        other = (idx, n, (s + a, s + b))
    stance: Literal["supports", "contradicts"] = "supports" if same else "contradicts"
    picked = same or other
    if picked is None:
        return None
    idx, n, span = picked
    ps = PassageScore(idx, n, 0.8, 0.8, ())
    draft = draft_evidence(ps, stance, 0.8, None, [span])
    draft.matched_value = idx.passages[n].text[span[0] : span[1]]
    out = Assessment()
    out.add(Finding(stance, 0.8, "name", "exact" if stance == "supports" else "role"), draft)
    return out
