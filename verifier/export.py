"""Export renderers: JSON (the contract in DESIGN.md), CSV, and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from sqlmodel import Session

from storage.export import claim_records

__all__ = ["FORMATS", "render_export", "to_json", "to_csv"]

CSV_COLUMNS = ["id", "report", "start", "end", "kind", "key", "status", "reason", "confidence", "found", "url", "text"]


def to_json(session: Session, report: str | None = None) -> str:
    return json.dumps({"claims": claim_records(session, report=report)}, ensure_ascii=False, indent=1) + "\n"


def to_csv(session: Session, report: str | None = None) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for rec in claim_records(session, report=report):
        best = rec["evidence"][0] if rec["evidence"] else {}
        writer.writerow({**rec, "found": best.get("matched_value") or "", "url": best.get("url") or ""})
    return buf.getvalue()


def to_claimreview(session: Session, report: str | None = None) -> str:
    from verifier.claimreview import claimreview_document  # the service part owns the schema mapping

    return json.dumps(claimreview_document(session, report=report), ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Callable[..., str]] = {"json": to_json, "csv": to_csv, "claimreview": to_claimreview}


def render_export(session: Session, fmt: str, report: str | None = None) -> str:
    return FORMATS[fmt](session, report=report)
