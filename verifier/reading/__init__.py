"""Reading a fetched page: bytes in, ``PageText`` out (title, published date, state, passages).

Pure: nothing here fetches or touches the ledger. ``read_body`` picks the reader by content type:
HTML goes to trafilatura's main-text extraction walked into our own passages (``main_text``), with
our own extractor (``verifier.passages``) only as a fallback when trafilatura finds nothing; PDFs
are read page by page (``pdf``); plain text is cut at blank lines. ``state`` says whether a page
answered 200 with something other than the article (``soft_404``, ``paywall``, ``consent``).
"""

from __future__ import annotations

from verifier.reading.body import READERS, read_body
from verifier.reading.main_text import read_html
from verifier.reading.pdf import PdfLimits, read_pdf
from verifier.reading.state import PAGE_STATES, page_state

__all__ = ["READERS", "PAGE_STATES", "PdfLimits", "page_state", "read_body", "read_html", "read_pdf"]
