"""Where shares list (pure): a claim that names a stock exchange or one of its boards (港交所, 科创板,
"the Nasdaq") is read against the exchange the cited page's listing sentences name. Exchanges are a
closed class (claims/data/venues.tsv), so a page that says where the listing is and names another
exchange, never the claim's, contradicts it; a page naming the claim's supports it."""

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
    r"上市|挂牌|掛牌|登陆|登陸|招股|首发|首發|发行|發行|交易|IPO|\b(?:list(?:ed|s|ing)?|debut(?:ed|s)?|trad(?:e|es|ed|ing)|"
    r"flotation|float(?:ed|s)?|go(?:es|ing)? public|went public|shares?)\b",
    re.I,
)


@cache
def _surfaces() -> tuple[tuple[str, str], ...]:
    """(surface, venue) pairs, longest surface first."""
    pairs = [(surface.strip(), row[0]) for row in data_lines("venues.tsv") for surface in row[1].split(",") if surface.strip()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _pattern() -> re.Pattern[str]:
    parts = []
    for surface, _venue in _surfaces():
        escaped = re.escape(surface)
        # a Latin acronym or name stands alone ("SSE" is not inside "SSEC"); Chinese needs no boundary
        parts.append(rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if surface.isascii() else escaped)
    return re.compile("|".join(parts))


@cache
def _venue_of() -> dict[str, str]:
    return {surface: venue for surface, venue in _surfaces()}


def venues_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, venue) of every exchange ``text`` names (venues.tsv writes both scripts)."""
    table = _venue_of()
    return [(m.start(), m.end(), table[m.group(0)]) for m in _pattern().finditer(text)]


def assess_venue(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> Assessment | None:
    """Support when a listing sentence of a cited page names the claim's exchange; a contradiction when
    listing sentences name only other exchanges; None when no listing sentence names one (or the claim
    names no single exchange)."""
    claimed = {venue for _s, _e, venue in venues_in(q.key_text)}
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
                if not _LISTING.search(sentence):
                    continue
                for a, b, venue in venues_in(sentence):
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
