"""A fetched page shown inert: no scripts, no network, no forms, no navigation of the desk.

Two ways, both defended twice:
- in the source page, an ``<iframe sandbox srcdoc=...>`` (the sandbox attribute without
  ``allow-scripts`` or ``allow-same-origin``), whose document starts with a CSP ``<meta>`` that
  forbids every load (a page's own later ``<meta>`` can only add restrictions);
- at ``/sources/{id}/snapshots/{sid}/raw``, served with ``Content-Security-Policy: sandbox;
  default-src 'none'`` so even opened on its own it runs nothing and loads nothing.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib

from storage.models import Snapshot

__all__ = ["RAW_CSP", "MAX_RAW_SHOWN", "raw_html", "sandboxed"]

RAW_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
_META = ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
         "style-src 'unsafe-inline'; img-src data:\">")
MAX_RAW_SHOWN = 2_000_000  # characters of a raw page put in a frame
_CHARSET = re.compile(r"charset=([\w-]+)", re.I)


def _charset(snap: Snapshot) -> str:
    found = _CHARSET.search(snap.content_type or "")
    if not found:
        try:
            headers = json.loads(snap.headers or "{}")
        except ValueError:
            headers = {}
        ctype = next((str(v) for k, v in headers.items() if str(k).lower() == "content-type"), "") \
            if isinstance(headers, dict) else ""
        found = _CHARSET.search(ctype)
    return found.group(1) if found else "utf-8"


def raw_html(snap: Snapshot) -> str | None:
    """The snapshot's raw body as text (None when only the extracted text was kept)."""
    if not snap.raw_gz:
        return None
    try:
        body = gzip.decompress(snap.raw_gz)
    except (OSError, EOFError, zlib.error):
        return None
    if body[:1024].lstrip().startswith(b"%PDF-"):
        return None  # a PDF is shown as its text, page by page, not as HTML
    try:
        text = body.decode(_charset(snap), errors="replace")
    except LookupError:
        text = body.decode("utf-8", errors="replace")
    return text[:MAX_RAW_SHOWN]


def sandboxed(raw: str) -> str:
    """The document for an ``iframe srcdoc``: the CSP meta first, then the page."""
    return _META + raw
