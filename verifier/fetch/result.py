"""What one fetch attempt ended in. Pure data: the fetcher fills it, ``store_fetch`` applies it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from storage.models import utcnow

__all__ = ["FetchResult", "Outcome", "TEXT_TYPES", "PDF_TYPES", "READABLE_TYPES", "looks_like_pdf"]

# ok: a readable body; not_modified: 304 to a conditional GET; dead: a definite 404/410 answer
# (a host that does not resolve is a transient failure: DNS or the network may be down); blocked: refused by the SSRF guard or robots.txt; unsupported: not a text content type;
# failed: timeouts, 5xx, 429, connection errors, too large… after the retries were used up.
Outcome = Literal["ok", "not_modified", "dead", "blocked", "unsupported", "failed", "malformed"]

TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
PDF_TYPES = ("application/pdf", "application/x-pdf")
READABLE_TYPES = TEXT_TYPES + PDF_TYPES  # what is fetched and read; anything else is ``unsupported``


def looks_like_pdf(mime: str, body: bytes | None) -> bool:
    """A PDF by its content type or, when the server sent none or a generic one, its signature."""
    return mime in PDF_TYPES or (body is not None and body[:1024].lstrip().startswith(b"%PDF-"))


@dataclass
class FetchResult:
    url: str
    outcome: Outcome
    status: int | None = None
    final_url: str = ""
    content_type: str = ""
    body: bytes | None = None  # the decoded (not content-encoded) body bytes
    text: str | None = None  # the body as text (charset from headers, meta or detection)
    encoding: str | None = None
    headers: dict[str, str] = field(default_factory=dict)  # the headers that matter, lower-case names
    error: str | None = None
    fetched_at: dt.datetime = field(default_factory=utcnow)
    attempts: int = 1
    elapsed: float = 0.0
    redirects: list[str] = field(default_factory=list)
    # the host gave no answer at all (DNS, refused, reset, timeout): says nothing about the page
    transient: bool = False
    # the parsed page (verifier.passages.PageText), filled before the write transaction opens so
    # the ledger's write lock is never held across HTML parsing (verifier.snapshots.prepare_page)
    page: Any = None

    @property
    def mime(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def is_failure(self) -> bool:
        return self.outcome not in ("ok", "not_modified")
