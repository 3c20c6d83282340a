"""Export renderers: JSON (the contract in DESIGN.md), CSV, and schema.org ClaimReview JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from sqlmodel import Session

from storage.export import claim_records

__all__ = ["FORMATS", "render_export", "to_json", "to_csv"]

CSV_COLUMNS = ["id", "report", "start", "end", "kind", "key", "status", "reason", "confidence", "found", "url", "text",
               "reviewer", "note", "reviewed_at"]
# a cell starting with one of these is a formula to Excel, LibreOffice and Sheets (OWASP: CSV injection)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: a leading formula character gets a ``'``.
    Numbers stay numbers (a negative figure is data, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_json(session: Session, report: str | None = None, **_: object) -> str:
    return json.dumps({"claims": claim_records(session, report=report)}, ensure_ascii=False, indent=1) + "\n"


def to_csv(session: Session, report: str | None = None, bom: bool = False) -> str:
    """Claims as CSV; ``bom`` starts it with a UTF-8 byte-order mark so Excel reads Chinese as UTF-8."""
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for rec in claim_records(session, report=report):
        best = rec["evidence"][0] if rec["evidence"] else {}
        row = {**rec, "found": best.get("matched_value") or "", "url": best.get("url") or "",
               "reviewer": rec.get("reviewer") or "", "reviewed_at": rec.get("reviewed_at") or ""}
        writer.writerow({k: csv_cell(row.get(k)) for k in CSV_COLUMNS})
    return buf.getvalue()


def to_claimreview(session: Session, report: str | None = None, **_: object) -> str:
    from verifier.claimreview import claimreview_document  # the service part owns the schema mapping

    return json.dumps(claimreview_document(session, report=report), ensure_ascii=False, indent=1) + "\n"


FORMATS: dict[str, Callable[..., str]] = {"json": to_json, "csv": to_csv, "claimreview": to_claimreview}


def render_export(session: Session, fmt: str, report: str | None = None, bom: bool = False) -> str:
    if fmt == "csv":
        return to_csv(session, report=report, bom=bom)
    return FORMATS[fmt](session, report=report)
