"""schema.org ClaimReview JSON-LD for claims a person has reviewed (https://schema.org/ClaimReview),
in the shape search engines document for fact-check markup.

- ``author`` and ``publisher``: the publishing Organization (settings ``publisher_name``,
  ``publisher_url``); ``url``: the claim's page under ``public_base_url``.
- ``itemReviewed``: a ``Claim`` with ``author`` (the report's publisher when its front matter
  names one — ``publisher`` or ``author`` — else the report itself as a CreativeWork),
  ``datePublished`` (the report's date), ``appearance`` (the report, with its ``url`` when the front
  matter gives one) and ``inLanguage``.
- ``datePublished``: the first time a person reviewed the claim; ``dateModified``: the newest
  entry of its verdict history.
- Rating scale (ours, stated in every review): 1 = contradicted (false), 2 = unverified,
  3 = verified (true), ``worstRating`` 1, ``bestRating`` 3; ``alternateName`` carries the word.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from storage.models import Claim, Report, Verdict, VerdictEvent
from storage.queries import ClaimView, VerdictView, get_report, reviewed_claims

__all__ = ["RATINGS", "DEFAULT_BASE_URL", "Publisher", "claim_review", "claim_reviews", "claimreview_document",
           "claim_dates"]

DEFAULT_BASE_URL = "http://127.0.0.1:8000"

RATINGS: dict[str, tuple[int, str]] = {
    "contradicted": (1, "Contradicted"),
    "unverified": (2, "Unverified"),
    "verified": (3, "Verified"),
}


class Publisher:
    """The organisation publishing the reviews."""

    def __init__(self, name: str = "claimledger", url: str | None = None) -> None:
        self.name, self.url = name, url

    def as_ld(self) -> dict[str, Any]:
        out: dict[str, Any] = {"@type": "Organization", "name": self.name}
        if self.url:
            out["url"] = self.url
        return out


def _iso(value: dt.datetime | dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def _meta(report: Report) -> dict[str, Any]:
    try:
        meta = json.loads(report.meta) if isinstance(getattr(report, "meta", None), str) else {}
    except ValueError:
        return {}
    return meta if isinstance(meta, dict) else {}


def _report_author(meta: dict[str, Any]) -> dict[str, Any] | None:
    who = meta.get("publisher") or meta.get("author")
    if isinstance(who, dict) and who.get("name"):
        out = {"@type": "Organization", "name": str(who["name"])}
        if who.get("url"):
            out["url"] = str(who["url"])
        return out
    if isinstance(who, str) and who.strip():
        return {"@type": "Organization", "name": who.strip()}
    return None


def _report_url(meta: dict[str, Any]) -> str | None:
    for key in ("url", "canonical_url", "link"):
        value = meta.get(key)
        if isinstance(value, str) and value.lower().startswith(("http://", "https://")):
            return value
    return None


def claim_review(
    claim: Claim | ClaimView,
    verdict: Verdict | VerdictView,
    report: Report,
    *,
    base_url: str,
    publisher: Publisher | str | None = None,
    first_reviewed: dt.datetime | None = None,
    modified: dt.datetime | None = None,
) -> dict[str, Any]:
    """One ClaimReview object (without ``@context``; :func:`claim_reviews` adds it)."""
    org = publisher if isinstance(publisher, Publisher) else Publisher(publisher or "claimledger")
    value, label = RATINGS[verdict.status]
    base = base_url.rstrip("/")
    meta = _meta(report)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "name": report.title or report.name}
    url = _report_url(meta)
    if url:
        appearance["url"] = url
    if report.date:
        appearance["datePublished"] = report.date.isoformat()
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance, "firstAppearance": appearance,
                            "inLanguage": report.language or "zh"}
    author = _report_author(meta)
    if author:
        appearance["author"] = author
    item["author"] = author or {"@type": "Organization", "name": report.title or report.name}
    published = report.date or (report.ingested_at.date() if report.ingested_at else None)
    if published:  # the report's own date; else the day it reached the desk
        item["datePublished"] = published.isoformat()
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": f"{base}/claims/{claim.id}",
        "claimReviewed": claim.text,
        "datePublished": _iso(first_reviewed or verdict.updated_at),
        "dateModified": _iso(modified or verdict.updated_at),
        "author": org.as_ld(),
        "publisher": org.as_ld(),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": label,
        },
    }
    if verdict.note:
        review["reviewBody"] = verdict.note
    return review


def claim_reviews(rows: list[tuple[Claim | ClaimView, Verdict | VerdictView, Report]], *, base_url: str,
                  publisher: Publisher | None = None,
                  dates: dict[int, tuple[dt.datetime | None, dt.datetime | None]] | None = None) -> dict[str, Any]:
    """A JSON-LD document: ``{"@context": "https://schema.org", "@graph": [ClaimReview, ...]}``."""
    dates = dates or {}
    graph = []
    for c, v, r in rows:
        if v.actor == "auto":
            continue
        first, last = dates.get(int(c.id or 0), (None, None))
        graph.append(claim_review(c, v, r, base_url=base_url, publisher=publisher, first_reviewed=first, modified=last))
    return {"@context": "https://schema.org", "@graph": graph}


def claim_dates(session: Session, claim_ids: Sequence[int]) -> dict[int, tuple[dt.datetime | None, dt.datetime | None]]:
    """Per claim: the first event by a person, and the newest event of its verdict history."""
    out: dict[int, tuple[dt.datetime | None, dt.datetime | None]] = {}
    ids = list(claim_ids)
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        rows = session.exec(
            select(VerdictEvent.claim_id, VerdictEvent.actor, VerdictEvent.created_at)
            .where(col(VerdictEvent.claim_id).in_(chunk))
            .order_by(col(VerdictEvent.created_at), col(VerdictEvent.id))
        ).all()
        for cid, actor, at in rows:
            first, _ = out.get(cid, (None, None))
            if first is None and actor != "auto":
                first = at
            out[cid] = (first, at)
    return out


def _settings_bits(settings: Any, base_url: str | None) -> tuple[str, Publisher]:
    if settings is None:
        return base_url or DEFAULT_BASE_URL, Publisher()
    base = getattr(settings, "public_base_url", None) or base_url or DEFAULT_BASE_URL
    return base, Publisher(getattr(settings, "publisher_name", "claimledger"), getattr(settings, "publisher_url", None))


def claimreview_document(session: Session, report: str | None = None, base_url: str | None = None,
                         settings: Any = None) -> dict[str, Any]:
    """ClaimReview JSON-LD for every reviewed claim (of one report when ``report`` is given)."""
    if settings is None:
        from verifier.settings import get_settings

        settings = get_settings()
    base, org = _settings_bits(settings, base_url)
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
    dates = claim_dates(session, [int(c.id or 0) for c, _, _ in triples])
    return claim_reviews(triples, base_url=base, publisher=org, dates=dates)


def claimreview_for_claim(session: Session, claim: Claim, verdict: Verdict | None, report: Report,
                          settings: Any, base_url: str) -> dict[str, Any] | None:
    """The JSON-LD a claim page embeds (None while no person has reviewed the claim)."""
    if verdict is None or verdict.actor == "auto":
        return None
    base, org = _settings_bits(settings, base_url)
    first, last = claim_dates(session, [int(claim.id or 0)]).get(int(claim.id or 0), (None, None))
    out = {"@context": "https://schema.org",
           **claim_review(claim, verdict, report, base_url=base, publisher=org, first_reviewed=first, modified=last)}
    return out


__all__ += ["claimreview_for_claim"]
