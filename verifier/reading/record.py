"""How a page was read, as one JSON-ready record (what ``claimledger page`` prints). Pure."""

from __future__ import annotations

from typing import Any

from claims.values import parse_values
from verifier.passages import PageText

__all__ = ["page_record"]


def page_record(page: PageText, *, file: str, url: str | None = None, year: int | None = None) -> dict[str, Any]:
    """``{"file", "url", "title", "published", "state", "reader", "text", "passages": [...]}``; each
    passage has its offsets into ``text``, kind, heading, page (PDFs), text and the values read in it."""
    if year is None and page.published:
        year = int(page.published[:4])
    passages = []
    for p in page.passages:
        body = page.passage_text(p)
        values = [
            {"raw": v.raw, "value": v.value, "unit": v.unit, "qualifier": v.qualifier, "start": v.start,
             "end": v.end, "kind": v.kind}
            for v in parse_values(body, default_year=year)
        ]
        passages.append({**p.as_dict(), "text": body, "values": values})
    return {
        "file": file,
        "url": url,
        "title": page.title,
        "published": page.published,
        "state": page.state,
        "reader": page.reader,
        "text": page.text,
        "passages": passages,
    }
