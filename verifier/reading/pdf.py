"""PDF to passages with pypdf: text page by page, every passage carrying its (1-based) page number.

Annual reports, filings, government notices and arXiv papers come as PDFs. The limits match those on
HTML: the body size is capped by the fetcher; here at most ``max_pages`` pages are read and reading
stops after ``seconds`` (what was read by then is kept). A PDF that cannot be opened (broken, or
encrypted with a password) gives an empty page with state ``unsupported``.

pypdf gives lines, not paragraphs: lines are joined into a paragraph until a blank line or a short
line that ends a sentence; a short line that is no sentence, at the start of a paragraph, stands alone
(a heading); a word hyphenated across lines is joined; Chinese lines are joined without a space.
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass

from verifier.passages import PageText, PassageBuilder, normalise_text, parse_date_text

__all__ = ["PdfLimits", "read_pdf", "paragraphs"]

logging.getLogger("pypdf").setLevel(logging.ERROR)  # malformed PDFs are common; pypdf warns on each


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int = 300
    seconds: float = 20.0


_SENTENCE_END = tuple(".!?:;。！？：；")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def _join(a: str, b: str) -> str:
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    if _CJK.match(a[-1:]) and _CJK.match(b[:1]):
        return a + b
    return a + " " + b


def paragraphs(page_text: str) -> list[str]:
    """The paragraphs of one page's extracted text (see the module docstring)."""
    lines = [ln.strip() for ln in page_text.splitlines()]
    widths = sorted(len(ln) for ln in lines if ln)
    if not widths:
        return []
    full = widths[len(widths) * 3 // 4]  # a typical full line
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                out.append(current)
            current = ""
            continue
        short = len(line) < 0.7 * full
        if not current and short and not line.endswith(_SENTENCE_END) and len(line) < 80:
            out.append(line)  # a heading line: a short line on its own, not a sentence
            continue
        current = _join(current, line) if current else line
        if short and line.endswith(_SENTENCE_END):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def read_pdf(body: bytes, limits: PdfLimits | None = None) -> PageText:
    """The PDF's text in passages (``kind`` ``p``, ``page`` set); never raises on a broken file."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    limits = limits or PdfLimits()
    deadline = time.monotonic() + limits.seconds
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")  # many PDFs are "encrypted" with an empty user password
        meta = reader.metadata
        title = normalise_text(str(meta.title or "")) if meta is not None else ""
        created = str(meta.get("/CreationDate") or "") if meta is not None else ""
        pages = reader.pages
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, NotImplementedError):
        return PageText("", "", [], None, state="unsupported", reader="pdf")
    out = PassageBuilder()
    if title:
        out.add(title, "title")
        out.heading = ""
    truncated = False
    for number, pdf_page in enumerate(pages, start=1):
        if number > limits.max_pages or time.monotonic() > deadline:
            truncated = True
            break
        try:
            text = pdf_page.extract_text() or ""
        except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError):
            continue  # one unreadable page does not spoil the others
        for para in paragraphs(text):
            out.add(para, "p", page=number)
    published = _pdf_date(created)
    body_text = out.text()
    state = "ok" if any(p.kind != "title" for p in out.passages) else "empty"
    page = PageText(title, body_text, out.passages, published, state=state, reader="pdf")
    if truncated:
        logging.getLogger(__name__).info("PDF read up to its limits (%s pages, %ss)", limits.max_pages, limits.seconds)
    return page


def _pdf_date(raw: str) -> str | None:
    """``D:20260605120000+08'00'`` → ``2026-06-05``."""
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", raw)
    return parse_date_text(f"{m.group(1)}-{m.group(2)}-{m.group(3)}") if m else None
