"""HTML to passages through trafilatura's main-text extraction.

trafilatura (Apache-2.0) finds the article in a page and drops its chrome: navigation, teasers,
"most read" lists, comments, footers — the places where other figures live and become false
evidence. Its output tree (``p``, ``head``, ``list/item``, ``table/row/cell``, ``quote``, ``code``)
is walked here into our own passages: one per title, heading, paragraph, list item and table row
(a row's cells joined by `` | `` so a figure stays next to its row label), with offsets into the
text we store, so highlighting works as before. What trafilatura prunes or loses is read from the
page before it runs: the title element, the page's own dateline (``dateline``; htmldate's original
publication date in its conservative mode as the last resort), which table rows hold header cells,
text sitting directly in a ``div`` of the article, headings above a paragraph it keeps. When
trafilatura finds no main text, our own extractor (``verifier.passages.html_to_passages``) reads the
page instead (``reader="fallback"``).

Pure: takes a string, returns a ``PageText``.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any

from lxml import etree

from verifier.passages import PageText, PassageBuilder, html_to_passages, normalise_text, parse_date_text
from verifier.reading.dateline import dateline, dateline_in_text, dateline_line
from verifier.reading.sections import sections_beside
from verifier.reading.state import page_state

__all__ = ["read_html", "main_text_tree", "parse_html", "page_title", "htmldate_of"]

# trafilatura logs every page it finds no text in at WARNING; that is our fallback's job to report
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_BLOCKS = frozenset({"p", "head", "list", "item", "table", "row", "quote", "code", "div", "section"})
# trafilatura's own second opinion (readability, jusText) when its extraction looks short: on (with
# fast=True, F1 drops below 0.92 on bench/pages.py). favor_recall: off. On the 990 pages of
# trafilatura's evaluation set it kept less main text (0.950 vs 0.952 of the snippets) and more
# boilerplate (dropped 0.880 vs 0.889): where it reads more than the default it mostly takes a wider
# container, with the page's teasers and link lists in it. What it did keep that the default drops
# is a second section beside the body (the devset's p27 notice with its attached Q&A): ``sections``
# reads such a section after the body instead.
FAST = False
FAVOR_RECALL = False


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
    are mostly chrome (measured on real pages: converting them all costs F1), and only a div of at
    least a line of text (``LEAF_DIV_MIN_COLUMNS``): shorter ones are labels, tags, bylines, "download
    as PDF" links (on trafilatura's evaluation set they held 99 boilerplate snippets and 9 main-text
    ones). Returns how many.
    """
    changed = 0
    for el in tree.iter("div"):
        if not any(a.tag in ("article", "main") for a in el.iterancestors()):
            continue
        has_text = (el.text or "").strip() or any((c.tail or "").strip() for c in el)
        if (
            has_text
            and not any(isinstance(c.tag, str) and c.tag in _BLOCK_HTML for c in el)
            and columns(normalise_text(" ".join(el.itertext()))) >= LEAF_DIV_MIN_COLUMNS
        ):
            el.tag = "p"
            changed += 1
    return changed


LEAF_DIV_MIN_COLUMNS = 80


def text_lists_to_paragraphs(tree: Any) -> int:
    """The items of a list without links, standing among paragraphs of text, become paragraphs.

    On a page with no article or main element trafilatura falls back to reading paragraphs, tables and
    quotes only ("wild text"), and a press release's highlights list ("Revenue of $1.284 billion, up 71%
    …") goes with the chrome. A list beside a paragraph of at least a line of text (``LEAF_DIV_MIN_COLUMNS``)
    under the same parent, none of whose items holds a link, is the text's own; navigation and
    related-story lists hold links or stand apart. Returns how many items.
    """
    changed = 0
    for lst in list(tree.iter("ul", "ol")):
        parent = lst.getparent()
        # (inside an article or main element trafilatura reads lists itself, as list items)
        if parent is None or any(a.tag in ("nav", "header", "footer", "aside", "article", "main") for a in lst.iterancestors()):
            continue
        items = [c for c in lst if isinstance(c.tag, str) and c.tag == "li"]
        if not items or next(lst.iter("a", "img", "button", "input"), None) is not None:
            continue
        if not any(
            isinstance(c.tag, str) and c.tag == "p" and columns(normalise_text(" ".join(c.itertext()))) >= LEAF_DIV_MIN_COLUMNS
            for c in parent
        ):
            continue
        for li in items:
            li.tag = "p"
            changed += 1
        lst.tag = "div"
    return changed


def columns(text: str) -> int:
    """Display width of ``text``: a wide (CJK) character takes two columns, like on a terminal."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def main_text_tree(tree: Any, url: str | None = None, *, fast: bool = FAST) -> Any | None:
    """trafilatura's main-text tree, or None when it finds no main text."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(
            tree,
            url=url,
            fast=fast,
            favor_recall=FAVOR_RECALL,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            with_metadata=False,  # title and date are read by page_title and htmldate below: cheaper
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError):  # hostile markup: fall back
        return None
    body = getattr(doc, "body", None)
    if body is None or not len(body):
        return None
    return body


_TITLE_METAS = ("og:title", "twitter:title")


def page_title(tree: Any) -> str:
    """The page's title element as written — with its site name ("Agents · Cloudflare Agents docs"):
    the title passage is context for every figure on the page, and the site often names the subject
    the headline leaves out —, else og:title / twitter:title, else trafilatura's title rules (a
    single h1, the first h2…)."""
    from trafilatura.metadata import extract_title

    title = tree.find(".//title")
    if title is not None and (text := normalise_text(" ".join(title.itertext()))):
        return text
    for el in tree.iter("meta"):
        key = str(el.get("property") or el.get("name") or "").lower()
        if key in _TITLE_METAS and (content := normalise_text(str(el.get("content") or ""))):
            return content
    try:
        found = extract_title(tree)
    except (ValueError, TypeError, etree.LxmlError):
        found = None
    return normalise_text(found or "")


def htmldate_of(tree: Any, url: str | None) -> str | None:
    """htmldate's original publication date in its conservative mode (structured markup, the URL)."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError, etree.LxmlError):
        return None
    return parse_date_text(str(found or ""))


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MAX_HEADING_CHARS = 300
_NOT_UNDER_HEADING = ("ul", "ol", "dl", "table")  # blocks that end a heading's reach


def headings_before_paragraphs(tree: Any) -> dict[str, tuple[str, str]]:
    """Paragraph text → (tag, text) of the heading right above it in the page (no other paragraph
    between them, nor a list or table: "Related stories" above a list of links is not the heading of
    the paragraph after the list). trafilatura drops headings that are links (a listing's post
    titles, a teaser's headline) yet may keep the paragraph under them; ``main_text`` puts such a
    heading back above its paragraph, since a heading says what the figures below it are about.
    ``h1`` is left out: the page's headline is its title passage already."""
    out: dict[str, tuple[str, str]] = {}
    heading: tuple[str, str] | None = None
    for el in tree.iter(*_HEADINGS, "p", *_NOT_UNDER_HEADING):
        if el.tag in _NOT_UNDER_HEADING:  # the heading names this list or table ("Related stories")
            heading = None
            continue
        text = normalise_text(" ".join(el.itertext()))
        if not text:
            continue
        if el.tag in _HEADINGS:
            heading = (el.tag, text) if el.tag != "h1" and len(text) <= _MAX_HEADING_CHARS else None
        elif heading is not None:
            out.setdefault(text, heading)
            heading = None
    return out


class _Out(PassageBuilder):
    def __init__(
        self, head_rows: frozenset[str], headings: dict[str, tuple[str, str]], kept: str, captions: dict[str, str]
    ) -> None:
        super().__init__()
        self.head_rows = head_rows
        self.headings = headings  # paragraph → the heading above it in the page
        self.kept = kept  # the main text as trafilatura kept it (normalised)
        self.restored: set[str] = set()
        self.captions = captions  # a table's first row → the unit caption above it (see unit_captions)

    def add(self, raw: str, kind: str, page: int | None = None) -> None:
        if kind == "p" and self.headings:
            found = self.headings.get(normalise_text(raw))
            if found is not None and found[1] not in self.kept and found[1] not in self.restored:
                self.restored.add(found[1])
                super().add(found[1], found[0])
        super().add(raw, kind, page)


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
        rows.add(_html_row_text(tr))
    return frozenset(rows)


def _html_row_text(tr: Any) -> str:
    """An HTML table row's cells joined by `` | `` (as trafilatura's rows are read: ``_row_text``)."""
    cells = [normalise_text(" ".join(c.itertext())) for c in tr if c.tag in ("td", "th")]
    return " | ".join(c for c in cells if c)


_CAPTION_CHARS = 80  # a unit caption is a short line ("单位：万元　币种：人民币", "(in millions of US dollars)")


def unit_captions(tree: Any) -> dict[str, str]:
    """A table's first row text → the unit caption written right above the table (its ``caption`` or the
    short block before it: "单位：万元"), which trafilatura drops as boilerplate while the cells need it."""
    from claims.table_units import declared_unit

    out: dict[str, str] = {}
    for table in tree.iter("table"):
        first = next(table.iter("tr"), None)
        if first is None:
            continue
        key = _html_row_text(first)
        caption = next((c for c in table if c.tag == "caption"), None)
        before = caption if caption is not None else table.getprevious()
        if before is None or not isinstance(before.tag, str) or before.tag in ("table", "script", "style"):
            continue
        text = normalise_text(" ".join(before.itertext()))
        if key and text and len(text) <= _CAPTION_CHARS and declared_unit(text) is not None:
            out[key] = text
    return out


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
        first = next((r for r in el if r.tag == "row"), None)
        caption = out.captions.get(_row_text(first)[0]) if first is not None and out.captions else None
        if caption is not None and caption not in out.kept:
            out.add(caption, "p")  # the unit its cells are in, which trafilatura dropped
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


def read_html(html: str, url: str | None = None, *, fast: bool = FAST) -> PageText:
    """The page's main text in passages (see the module docstring); never raises on bad markup."""
    tree = parse_html(html) if html.strip() else None
    if tree is None:
        return _fallback(html)
    # what trafilatura prunes or loses is read first: title, dateline, which table rows hold a header cell
    title = page_title(tree)
    published = dateline(tree) or htmldate_of(tree, url)
    own_line = dateline_line(tree)
    head_rows = rows_with_header_cells(tree)
    captions = unit_captions(tree)
    leaf_divs_to_paragraphs(tree)
    text_lists_to_paragraphs(tree)
    headings = headings_before_paragraphs(tree)
    body = main_text_tree(tree, url, fast=fast)
    if body is None:
        return _fallback(html)
    kept = normalise_text(" ".join(body.itertext()))
    out = _Out(head_rows, headings, kept + "\n" + title, captions)
    if title:
        out.add(title, "title")
        out.heading = ""
    if own_line and normalise_text(own_line) not in kept:
        out.add(own_line, "dateline")
    _container(body, "p", out, 0)
    for kind, section_text in sections_beside(tree, body):
        PassageBuilder.add(out, section_text, kind)  # its own headings: none to put back
    text = out.text()
    return PageText(
        title=title,
        text=text,
        passages=out.passages,
        published=published or dateline_in_text(text, out.passages),
        state=page_state(title, text, out.passages),
        reader="trafilatura",
    )


def _fallback(html: str) -> PageText:
    """Our own extractor, where trafilatura finds no main text."""
    page = html_to_passages(html)
    return PageText(
        page.title, page.text, page.passages, page.published or dateline_in_text(page.text, page.passages),
        state=page_state(page.title, page.text, page.passages), reader="fallback",
    )
