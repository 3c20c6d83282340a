"""HTML to passages: the readable text of a page, cut into passages with offsets, plus its dateline.

Pages are read by ``verifier.reading`` (trafilatura's main text walked into these same passages);
this extractor reads a page only when trafilatura finds no main text in it, and provides the shared
``Passage`` / ``PageText`` / ``PassageBuilder`` types, ``normalise_text`` and ``parse_date_text``.

Pure: takes a string, returns values. The page's chrome (scripts, styles, navigation, site header and
footer, cookie banners, forms, sidebars) is dropped; what remains is walked in document order and
every block (title, heading, paragraph, list item, table row, caption, quote…) becomes one passage.
A table row is one passage (its cells joined by `` | ``) so a figure stays next to its row label.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

__all__ = [
    "Passage", "PageText", "PassageBuilder", "html_to_passages", "text_to_passages", "parse_date_text",
    "find_full_date", "normalise_text", "published_of",
]


@dataclass(frozen=True)
class Passage:
    """``text[start:end]`` of the page's text; ``kind`` is title, h1…h6, p, li, td, th, caption, quote, pre."""

    start: int
    end: int
    kind: str
    heading: str = ""  # the nearest heading above (a heading's own text for a heading)
    page: int | None = None  # 1-based page of a PDF

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "kind": self.kind, "heading": self.heading}
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True)
class PageText:
    title: str
    text: str
    passages: list[Passage] = field(default_factory=list)
    published: str | None = None  # ISO date (YYYY-MM-DD) of the page's own dateline
    # ok | soft_404 | paywall | consent (a 200 page that is not the article) | unsupported | empty
    state: str = "ok"
    reader: str = "fallback"  # which reader made it: trafilatura | fallback | pdf | text

    def passage_text(self, p: Passage) -> str:
        return self.text[p.start : p.end]

    def passages_json(self) -> list[dict[str, Any]]:
        return [p.as_dict() for p in self.passages]


# --- what to drop -------------------------------------------------------------------------------

_DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "form",
        "iframe",
        "svg",
        "canvas",
        "button",
        "select",
        "input",
        "textarea",
        "aside",
        "dialog",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "head",
    ]
)
_CHROME_TAGS = frozenset({"header", "footer"})  # dropped unless inside the article itself
# class/id/aria-label words of page chrome: distinctive ones anywhere, common words only as a whole
# part of a name ("share-bar", "related_posts", but not "shareholders" or "unrelated-work")
_NOISE_RE = re.compile(
    r"cookie|consent|gdpr|onetrust|newsletter|breadcrumb|sidebar|paywall|skip-link|site-nav|"
    r"(?:^|[\s_-])(?:share|sharing|social|related|promo|advert|ads?|donate|login|signup|subscribe|menu)"
    r"(?:s|-\w*|_\w*)?(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOISE_ROLES = frozenset({"dialog", "alertdialog", "navigation", "banner", "contentinfo", "search", "menu"})
_BANNER_WORDS = re.compile(r"\bcookies?\b|\bconsent\b", re.IGNORECASE)

# --- what makes a passage -----------------------------------------------------------------------

_BLOCK_KIND = {
    "p": "p",
    "li": "li",
    "dt": "li",
    "dd": "li",
    "tr": "td",
    "caption": "caption",
    "figcaption": "caption",
    "blockquote": "quote",
    "pre": "pre",
    "div": "p",
    "section": "p",
    "article": "p",
    "main": "p",
    "body": "p",
    "ul": "p",
    "ol": "p",
    "dl": "p",
    "table": "p",
    "figure": "p",
    "header": "p",
    "footer": "p",
    "address": "p",
    "center": "p",
    **{f"h{i}": f"h{i}" for i in range(1, 7)},
}
_CELL_TAGS = frozenset({"td", "th"})
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_WS_RE = re.compile(r"\s+")
# invisible formatting characters a page puts inside words and numbers: soft hyphens (hyphenated
# body text), zero-width spaces, word joiners, BOMs and bidi marks around figures. They split a word
# or a figure for every substring match; trafilatura's text output drops them too. ZWJ/ZWNJ stay
# (they shape emoji and some scripts).
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_CELL_STRIP = " |\t\n\r\f\v\u00a0\u3000"  # around a row: whitespace and the separators of empty cells


def normalise_text(s: str) -> str:
    """NFKC (full-width letters, digits and punctuation become ASCII), invisible formatting characters
    dropped, whitespace collapsed."""
    return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", s))).strip()


def _attr_text(tag: Tag) -> str:
    raw: str | list[str] = tag.get("class") or []  # type: ignore[assignment]
    classes = [raw] if isinstance(raw, str) else [str(c) for c in raw]
    return " ".join([*classes, str(tag.get("id") or ""), str(tag.get("aria-label") or "")])


_BANNER_MAX_DEPTH = 8  # banners sit near the top of the page; deeper blocks are not looked at
_BANNER_MAX_CHARS = 600


def _short_text(tag: Tag, limit: int) -> str | None:
    """The tag's text, or None as soon as it is longer than ``limit`` (bounded work on big blocks)."""
    parts: list[str] = []
    size = 0
    for s in tag.strings:
        parts.append(s)
        size += len(s)
        if size > limit * 2:
            return None
    text = " ".join(" ".join(parts).split())
    return text if len(text) <= limit else None


def _is_noise(tag: Tag, in_article: bool, depth: int) -> bool:
    name = tag.name
    if name in _DROP_TAGS:
        return True
    if name in _CHROME_TAGS and not in_article:
        return True
    if name in ("main", "article", "body", "html"):
        return False
    if tag.has_attr("hidden") or str(tag.get("aria-hidden") or "").lower() == "true":
        return True
    if str(tag.get("role") or "").lower() in _NOISE_ROLES:
        return True
    if _NOISE_RE.search(_attr_text(tag)):
        return True
    # an unlabelled cookie banner: a short block outside the article that talks about cookies
    if name in ("div", "section", "p") and not in_article and depth <= _BANNER_MAX_DEPTH:
        text = _short_text(tag, _BANNER_MAX_CHARS)
        if text and _BANNER_WORDS.search(text) and tag.find(["button", "a"]) is not None:
            return True
    return False


_LEAD_MAX_CHARS = 240


class PassageBuilder:
    """Passages appended in order: each one's normalised text joins ``text`` on its own line."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.passages: list[Passage] = []
        self.heading = ""
        self.lead = ""  # a paragraph introducing the list under it ("Halden's outlook for the second quarter is as follows:")

    def add(self, raw: str, kind: str, page: int | None = None) -> None:
        text = normalise_text(raw)
        if not text:
            return
        if self.parts:
            self.parts.append("\n")
            self.length += 1
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        if kind.startswith("h") and kind[1:].isdigit():
            self.heading = text
        heading = self.heading
        if kind == "li" and self.lead:
            heading = f"{self.heading} — {self.lead}" if self.heading else self.lead  # its items speak under it
        elif kind == "p" and text.endswith((":", "：")) and len(text) <= _LEAD_MAX_CHARS:
            self.lead = text
        else:
            self.lead = ""
        self.passages.append(Passage(start, self.length, kind, heading, page))

    def text(self) -> str:
        return "".join(self.parts)


def _walk(root: Tag, out: PassageBuilder) -> None:
    """Document-order walk without recursion (deeply nested pages must not hit the recursion limit)."""
    buf: list[str] = []
    kinds: list[str] = ["p"]
    cell_depth = 0
    # stack items: ("node", node, depth, in_article), or ("exit",) / ("cell",) markers
    stack: list[tuple[Any, ...]] = [("node", root, 0, False)]

    def push_children(node: Tag, depth: int, in_article: bool) -> None:
        stack.extend(("node", child, depth + 1, in_article) for child in reversed(node.contents))

    while stack:
        item = stack.pop()
        if item[0] == "cell":
            cell_depth -= 1
            buf.append(" | ")
            continue
        if item[0] == "exit":
            out.add("".join(buf).strip(_CELL_STRIP), kinds[-1])
            buf.clear()
            kinds.pop()
            continue
        _, node, depth, in_article = item
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIP_STRINGS):
                buf.append(str(node))
            continue
        if not isinstance(node, Tag) or _is_noise(node, in_article, depth):
            continue
        name = node.name
        in_article = in_article or name in ("article", "main")
        if name == "br":
            buf.append(" ")
            continue
        if name in _CELL_TAGS:
            if name == "th" and kinds[-1] == "td":
                kinds[-1] = "th"
            stack.append(("cell",))
            cell_depth += 1
            push_children(node, depth, in_article)
            continue
        kind = _BLOCK_KIND.get(name)
        if kind is None or cell_depth:
            push_children(node, depth, in_article)  # inline: its text joins the current block
            continue
        out.add("".join(buf).strip(_CELL_STRIP), kinds[-1])
        buf.clear()
        kinds.append(kind if kind != "p" or kinds[-1] in ("p", "td", "th") else kinds[-1])
        stack.append(("exit",))
        push_children(node, depth, in_article)
    out.add("".join(buf).strip(_CELL_STRIP), kinds[-1])


# --- dates --------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MON = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_RES = [
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), ("y", "m", "d")),
    (re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("M", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(\d{{4}})\b", re.I), ("d", "M", "y")),
]


def parse_date_text(text: str) -> str | None:
    """The first full date (year, month and day) written in ``text``, as ``YYYY-MM-DD``."""
    found = find_full_date(text)
    return found[2] if found else None


def find_full_date(text: str) -> tuple[int, int, str] | None:
    """Start, end and ``YYYY-MM-DD`` of the first full date (year, month and day) written in ``text``."""
    best: tuple[int, int, str] | None = None
    for rx, order in _DATE_RES:
        m = rx.search(text)
        if not m:
            continue
        got = dict(zip(order, m.groups(), strict=True))
        month = _MONTHS.get(got["M"].lower().rstrip(".")) if "M" in got else int(got["m"])
        try:
            year, day = int(got["y"]), int(got["d"])
            iso = f"{year:04d}-{month:02d}-{day:02d}" if month else None
            if iso is None or not (1 <= month <= 12 and 1 <= day <= 31 and 1900 < year < 2200):  # type: ignore[operator]
                continue
        except (TypeError, ValueError):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), m.end(), iso)
    return best


META_DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dc.date",
    "date",
    "pubdate",
    "publish-date",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
)
DATELINE_CLASS = re.compile(r"date|dateline|byline|meta|time|posted|published", re.I)


def published_of(html: str) -> str | None:
    """The page's own dateline (see ``html_to_passages``) without reading its passages."""
    return _published(BeautifulSoup(html, "lxml"))


def meta_date(metas: Iterable[Any]) -> str | None:
    """The date the page's ``<meta>`` elements give (the first of ``META_DATE_KEYS`` that parses);
    ``metas`` are BeautifulSoup tags or lxml elements (both answer ``.get``)."""
    found: dict[str, str] = {}
    for el in metas:
        key = str(el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = str(el.get("content") or "")
        if key and content and key not in found:
            found[key] = content
    for key in META_DATE_KEYS:
        if key in found and (iso := parse_date_text(found[key])):
            return iso
    return None


def _published(soup: BeautifulSoup) -> str | None:
    metas: list[Tag] = []
    times: list[Tag] = []
    for el in soup.find_all(["meta", "time"]):  # one pass over the tree
        (times if el.name == "time" else metas).append(el)
    if iso := meta_date(metas):
        return iso
    # a <time> inside the article first (a sidebar's "related posts" dates come later or outside)
    in_article = [t for t in times if t.find_parent(["article", "main"]) is not None]
    inside = {id(t) for t in in_article}
    for t in in_article + [t for t in times if id(t) not in inside]:
        iso = parse_date_text(str(t.get("datetime") or "")) or parse_date_text(t.get_text(" "))
        if iso:
            return iso
    for el in soup.find_all(class_=DATELINE_CLASS):
        if isinstance(el, Tag) and (iso := parse_date_text(normalise_text(el.get_text(" ")))):
            return iso
    return None


# --- entry point --------------------------------------------------------------------------------


def html_to_passages(html: str | bytes) -> PageText:
    """Readable text of a page in passages with offsets, its title and its own dateline.

    Survives broken and deeply nested markup; an empty or non-HTML input gives an empty PageText.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    soup = BeautifulSoup(html, "lxml")
    title_tag = soup.find("title")
    title = normalise_text(title_tag.get_text(" ")) if title_tag else ""
    if not title:
        og = soup.find("meta", attrs={"property": "og:title"})
        title = normalise_text(str(og.get("content") or "")) if isinstance(og, Tag) else ""
    published = _published(soup)
    out = PassageBuilder()
    if title:
        out.add(title, "title")
        out.heading = ""
    body = soup.body or soup
    _walk(body, out)
    return PageText(title=title, text=out.text(), passages=out.passages, published=published)


def text_to_passages(text: str) -> PageText:
    """A plain-text page: one passage per paragraph (blank-line separated); the first line is the title."""
    out = PassageBuilder()
    for block in re.split(r"\n\s*\n", text):
        out.add(block, "p")
    first = out.text().split("\n", 1)[0] if out.passages else ""
    return PageText(title=first[:200], text=out.text(), passages=out.passages, published=None, reader="text")
