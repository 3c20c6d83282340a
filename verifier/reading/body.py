"""Which reader reads a body: PDF, plain text or HTML, by content type (and the PDF signature)."""

from __future__ import annotations

from verifier.fetch.result import looks_like_pdf
from verifier.passages import PageText, text_to_passages
from verifier.reading.main_text import read_html
from verifier.reading.pdf import PdfLimits, read_pdf
from verifier.reading.state import page_state

__all__ = ["READERS", "is_pdf", "read_body"]

READERS = ("trafilatura", "fallback", "pdf", "text")
is_pdf = looks_like_pdf


def read_body(
    body: bytes | None,
    mime: str = "text/html",
    *,
    text: str | None = None,
    url: str | None = None,
    pdf_limits: PdfLimits | None = None,
) -> PageText:
    """``body`` (or its already decoded ``text``) read by the reader its type calls for."""
    if is_pdf(mime, body):
        return read_pdf(body or b"", pdf_limits)
    if text is None:
        text = (body or b"").decode("utf-8", "replace")
    if mime == "text/plain":
        page = text_to_passages(text)
        return PageText(
            page.title, page.text, page.passages, None,
            state=page_state("", page.text, page.passages), reader="text",
        )
    return read_html(text, url)
