"""schema.org ClaimReview JSON-LD for claims a person has reviewed (https://schema.org/ClaimReview).

Rating scale (our own, stated in every review): 1 = contradicted (false), 2 = unverified,
3 = verified (true); ``alternateName`` carries the plain word.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from storage.models import Claim, Report, Verdict
from storage.queries import ClaimView, VerdictView, get_report, reviewed_claims

__all__ = ["RATINGS", "DEFAULT_BASE_URL", "claim_review", "claim_reviews", "claimreview_document"]

DEFAULT_BASE_URL = "http://127.0.0.1:8000"

RATINGS: dict[str, tuple[int, str]] = {
    "contradicted": (1, "Contradicted"),
    "unverified": (2, "Unverified"),
    "verified": (3, "Verified"),
}


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def claim_review(
    claim: Claim | ClaimView, verdict: Verdict | VerdictView, report: Report, *, base_url: str, publisher: str = "claimledger"
) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``; :func:`claim_reviews` adds it)."""
    value, label = RATINGS[verdict.status]
    base = base_url.rstrip("/")
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": report.title or report.name}
    if report.date:
        appearance["datePublished"] = report.date.isoformat()
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": f"{base}/claims/{claim.id}",
        "claimReviewed": claim.text,
        "datePublished": _iso(verdict.updated_at),
        "author": {"@type": "Person", "name": verdict.actor},
        "publisher": {"@type": "Organization", "name": publisher},
        "itemReviewed": {
            "@type": "Claim",
            "appearance": appearance,
            "firstAppearance": appearance,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": label,
        },
    }
    if report.date:
        review["itemReviewed"]["datePublished"] = report.date.isoformat()
    if verdict.note:
        review["reviewBody"] = verdict.note
    return review


def claim_reviews(rows: list[tuple[Claim | ClaimView, Verdict | VerdictView, Report]], *, base_url: str) -> dict[str, Any]:
    """A JSON-LD document: ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``."""
    return {
        "@context": "https://schema.org",
        "@graph": [claim_review(c, v, r, base_url=base_url) for c, v, r in rows if v.actor != "auto"],
    }


def claimreview_document(session: Session, report: str | None = None, base_url: str | None = None) -> dict[str, Any]:
    """ClaimReview JSON-LD for every reviewed claim (of one report when ``report`` is given)."""
    rows = reviewed_claims(session, report=report)
    reports: dict[int, Report] = {}
    triples: list[tuple[Claim | ClaimView, Verdict | VerdictView, Report]] = []
    for row in rows:
        if row.verdict is None:
            continue
        rid = row.claim.report_id
        if rid not in reports:
            reports[rid] = get_report(session, rid)
        triples.append((row.claim, row.verdict, reports[rid]))
    return claim_reviews(triples, base_url=base_url or DEFAULT_BASE_URL)
