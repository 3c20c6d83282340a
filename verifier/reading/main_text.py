"""HTML to passages through trafilatura's main-text extraction.

trafilatura (Apache-2.0) finds the article in a page and drops its chrome: navigation, teasers,
"most read" lists, comments, footers — the places where other figures live and become false
evidence. Its output tree (``p``, ``head``, ``list/item``, ``table/row/cell``, ``quote``, ``code``)
is walked here into our own passages: one per title, heading, paragraph, list item and table row
(a row's cells joined by `` | `` so a figure stays next to its row label), with offsets into the
text we store, so highlighting works as before. Its metadata gives the title and the published date
(htmldate, the original publication date). When trafilatura finds no main text, our own extractor
(``verifier.passages.html_to_passages``) reads the page instead (``reader="fallback"``).

Pure: takes a string, returns a ``PageText``.
"""

from __future__ import annotations

import logging
from typing import Any

from lxml import etree

from verifier.passages import PageText, PassageBuilder, html_to_passages, normalise_text, parse_date_text
from verifier.reading.dateline import dateline, dateline_line
from verifier.reading.state import page_state

__all__ = ["read_html", "main_text_tree", "parse_html"]

# trafilatura logs every page it finds no text in at WARNING; that is our fallback's job to report
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_BLOCKS = frozenset({"p", "head", "list", "item", "table", "row", "quote", "code", "div", "section"})
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def parse_html(html: str) -> Any:
    """The lxml tree trafilatura reads (None for what is not HTML at all)."""
    from trafilatura.utils import load_html  # imported late: a 0.3 s import only readers pay

    try:
        return load_html(html)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return None


_BLOCK_HTML = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "table", "ul",
    }
)


def leaf_divs_to_paragraphs(tree: Any) -> int:
    """A ``div`` inside ``article``/``main`` that holds only text and inline markup becomes a ``p``.

    trafilatura reads paragraphs, list items, headings and tables, and drops text sitting directly
    in a ``div`` — an update or correction box (``<div class="update-box">``), a lede, a dateline —
    even inside the article. As a ``p`` it is judged like every other paragraph (link density,
    boilerplate classes). Only inside the page's own article or main element: elsewhere such divs
    are mostly chrome (measured on real pages: converting them all costs F1). Returns how many.
    """
    changed = 0
    for el in tree.iter("div"):
        if not any(a.tag in ("article", "main") for a in el.iterancestors()):
            continue
        has_text = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if has_text and not any(isinstance(c.tag, str) and c.tag in _BLOCK_HTML for c in el):
            el.tag = "p"
            changed += 1
    return changed


def main_text_tree(tree: Any, url: str | None = None) -> tuple[Any, Any] | None:
    """trafilatura's (main-text tree, metadata document), or None when it finds no main text."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            tree,
            url=url,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError):  # hostile markup: fall back
        return None
    body = getattr(doc, "body", None)
    if body is None or not len(body):
        return None
    return body, doc


class _Out(PassageBuilder):
    def __init__(self, head_rows: frozenset[str]) -> None:
        super().__init__()
        self.head_rows = head_rows


_MAX_DEPTH = 60  # deeper than this (hostile nesting) a block is read as one passage


def rows_with_header_cells(tree: Any) -> frozenset[str]:
    """The texts (cells joined by `` | ``) of the table rows that hold a ``th`` cell.

    trafilatura marks header cells in a table's first header row only; our passages call a row with a
    header cell anywhere ``th`` (a label column too), as ``verifier.passages`` always did, and the
    matcher reads a ``th`` row as the header of the rows below it.
    """
    rows: set[str] = set()
    for th in tree.iter("th"):
        tr = th.getparent()
        if tr is None or tr.tag != "tr":
            continue
        cells = [normalise_text(" ".join(c.itertext())) for c in tr if c.tag in ("td", "th")]
        rows.add(" | ".join(c for c in cells if c))
    return frozenset(rows)


def _row_text(row: Any) -> tuple[str, bool]:
    """A table row's cells joined by `` | ``, and whether trafilatura marked a header cell in it."""
    cells: list[str] = []
    head = False
    for cell in row:
        if cell.tag != "cell":
            continue
        head = head or cell.get("role") == "head"
        text = normalise_text(" ".join(cell.itertext()))
        if text:
            cells.append(text)
    return " | ".join(cells), head


def _block(el: Any, kind: str, out: _Out, depth: int) -> None:
    """One block of trafilatura's tree: a passage of its own, or a container of passages."""
    tag = el.tag
    if depth > _MAX_DEPTH:
        out.add(" ".join(el.itertext()), kind)
    elif tag == "table":
        for row in el:
            if row.tag == "row":
                _block(row, kind, out, depth + 1)
            elif isinstance(row.tag, str):
                _container(row, kind, out, depth + 1)
    elif tag == "row":
        text, is_head = _row_text(el)
        out.add(text, "th" if is_head or text in out.head_rows else "td")
    elif tag == "head":
        rend = str(el.get("rend") or "h2")
        out.add(" ".join(el.itertext()), rend if rend[:1] == "h" and rend[1:].isdigit() else "h2")
    elif tag == "code":
        out.add(" ".join(el.itertext()), "pre")
    elif tag in ("list", "item"):
        _container(el, "li", out, depth)
    elif tag == "quote":
        _container(el, "quote", out, depth)
    else:
        _container(el, kind, out, depth)


def _container(el: Any, kind: str, out: _Out, depth: int) -> None:
    """The text runs of ``el`` (its text, inline children, the tails of its blocks) as passages of
    ``kind``, and its nested blocks in document order."""
    buf: list[str] = [el.text or ""]
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag in _BLOCKS:
            out.add("".join(buf), kind)
            _block(child, kind, out, depth + 1)
            buf = []
        elif tag == "lb":
            buf.append(" ")
        elif isinstance(tag, str) and tag != "graphic":
            buf.append(" ".join(child.itertext()))
        buf.append(child.tail or "")
    out.add("".join(buf), kind)


def _title(doc: Any) -> str:
    return normalise_text(str(getattr(doc, "title", "") or ""))


def read_html(html: str, url: str | None = None) -> PageText:
    """The page's main text in passages (see the module docstring); never raises on bad markup."""
    tree = parse_html(html) if html.strip() else None
    # what trafilatura prunes or loses is read first: the dateline, and which table rows hold a header cell
    own_date = dateline(tree) if tree is not None else None
    own_line = dateline_line(tree) if tree is not None else ""
    head_rows = rows_with_header_cells(tree) if tree is not None else frozenset()
    if tree is not None:
        leaf_divs_to_paragraphs(tree)
    found = main_text_tree(tree, url) if tree is not None else None
    if found is None:
        page = html_to_passages(html)
        return PageText(
            page.title, page.text, page.passages, page.published,
            state=page_state(page.title, page.text, page.passages), reader="fallback",
        )
    body, doc = found
    out = _Out(head_rows)
    title = _title(doc)
    if title:
        out.add(title, "title")
        out.heading = ""
    if own_line and normalise_text(own_line) not in normalise_text(" ".join(body.itertext())):
        out.add(own_line, "dateline")
    _container(body, "p", out, 0)
    published = own_date or parse_date_text(str(getattr(doc, "date", "") or ""))
    text = out.text()
    return PageText(
        title=title,
        text=text,
        passages=out.passages,
        published=published,
        state=page_state(title, text, out.passages),
        reader="trafilatura",
    )
