"""A wiki article's source (MediaWiki wikitext) read as the text it renders, in a view of the same length.

An editor who copies an article from the edit box copies its markup: ``'''bold'''``, ``[[内部链接|显示]]`` links,
templates (``{{Infobox company …}}``, ``{{lang-en|…}}``, ``{{来源请求|time=…}}``), footnotes
(``<ref>{{cite web |url=… |title=… |date=…}}</ref>``, reused as ``<ref name="…" />``) and tables
(``{| class="wikitable"``, ``|-`` rows, ``||`` cells). The view keeps what a reader sees: a link's label, an
infobox's ``| 参数 = 值`` lines, a table's cells (one row a line, cells apart by ``|``), a template's words where it
prints them (``{{lang-en|Moju Technology}}``) and a start date as a date (``{{Start date|2022|3|14}}``). Markup,
maintenance templates and a footnote's title, publisher and dates are blanked: only the footnote's address stays,
where it stands, so that the sentence it closes cites it (a named footnote cited again is resolved by
``claims.citations.named_refs``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.textnorm import blank_span

__all__ = ["is_wikitext", "wikitext_view"]

_REF_OPEN = re.compile(r"<ref(?:\s[^<>]{0,200}?)?>", re.I)
_REF_CLOSED = re.compile(r"<ref(?:\s[^<>]{0,200}?)?/>|</ref\s*>", re.I)
_REF = re.compile(r"<ref(?:\s[^<>/]{0,200})?>(?P<body>(?:(?!</?ref)[\s\S]){0,3000}?)</ref\s*>", re.I)
_ADDRESS = re.compile(r"https?://[^\s|\]}<>]+")
_TEMPLATE = re.compile(r"\{\{(?P<body>[^{}]*)\}\}")
_TEMPLATE_DEPTH = 8
_DATE_TEMPLATE = re.compile(r"\s*(?:start date(?: and age)?|birth date(?: and age)?|end date|dts)\s*\|", re.I)
# templates that print their last parameter (a language's words, a list's items, text kept on one line)
_PRINTS = re.compile(r"\s*(?:lang(?:-[a-z-]+)?|ubl|unbulleted list|plainlist|flatlist|hlist|nowrap|tooltip|abbr)\s*\|", re.I)
_BOX = re.compile(r"\s*(?:infobox|信息框)\b", re.I)
_LINK = re.compile(r"\[\[(?P<target>[^\[\]|\n]{1,200})(?:\|(?P<label>[^\[\]\n]{0,200}))?\]\]")
_EXTERNAL = re.compile(r"\[(?P<url>https?://[^\s\]]+)(?P<label>[^\]\n]{0,300})\]")
_QUOTES = re.compile(r"'{2,5}")
_BREAK = re.compile(r"<br\s*/?>", re.I)
_TABLE_LINE = re.compile(r"^[ \t]*(?P<mark>\{\||\|\}|\|-|\|\+|!|\|)(?P<rest>[^\n]*)$", re.M)
_HIDDEN = re.compile(r"^(?:category|file|image|分类|分類|文件|檔案|图像|圖像)\s*:", re.I)


def is_wikitext(text: str) -> bool:
    """Does ``text`` read as wikitext: footnotes in ``<ref>`` tags, or templates beside ``== …==`` headings?"""
    if "<ref" in text and "</ref>" in text:
        return True
    return "{{" in text and "}}" in text and re.search(r"^==[^=\n].*==[ \t]*$", text, re.M) is not None


def _keep_addresses(chars: list[str], text: str, start: int, end: int) -> None:
    """Blank ``text[start:end]`` but the web addresses in it."""
    kept = [(m.start(), m.end()) for m in _ADDRESS.finditer(text, start, end)]
    at = start
    for s, e in kept:
        blank_span(chars, at, s)
        at = e
    blank_span(chars, at, end)


def _write(chars: list[str], start: int, end: int, words: str) -> None:
    """Blank ``[start, end)`` and write ``words`` at its end (a template's closing braces aside)."""
    blank_span(chars, start, end)
    at = max(start, end - 2 - len(words))
    chars[at : at + len(words)] = list(words)


@lru_cache(maxsize=16)
def wikitext_view(text: str) -> str:
    """``text`` as its wiki page reads (``text`` itself when it is no wikitext). Cached: a report is parsed, then its
    claims are read, from the same view."""
    if not is_wikitext(text):
        return text
    chars = list(text)
    # footnotes: their address only; a footnote cited again by name, and the tags, blank
    for m in _REF.finditer(text):
        _keep_addresses(chars, text, m.start(), m.end())
    for m in _REF_CLOSED.finditer(text):
        blank_span(chars, m.start(), m.end())
    for m in _REF_OPEN.finditer(text):
        blank_span(chars, m.start(), m.end())
    # templates, innermost first (a blanked inner template lets its outer one match; a few levels deep at most)
    view = "".join(chars)
    for _level in range(_TEMPLATE_DEPTH):
        if not (found := list(_TEMPLATE.finditer(view))):
            break
        for m in found:
            body = m.group("body")
            s, e = m.start(), m.end()
            if _DATE_TEMPLATE.match(body):
                parts = [p.strip() for p in body.split("|")[1:4]]
                if len(parts) == 3 and all(p.isdigit() for p in parts):
                    _write(chars, s, e, f"{parts[0]}年{int(parts[1])}月{int(parts[2])}日")
                    continue
            if _PRINTS.match(body):
                words = body.split("|", 1)[1]
                blank_span(chars, s, e - len(words) - 2)
                for i in range(e - len(words) - 2, e - 2):
                    if chars[i] == "|":
                        chars[i] = "、"
                blank_span(chars, e - 2, e)
            elif _BOX.match(body):
                name_end = s + 2 + len(body.split("\n", 1)[0])
                blank_span(chars, s, name_end)  # "{{Infobox company": its "| 参数 = 值" lines are what it shows
                blank_span(chars, e - 2, e)
            else:
                blank_span(chars, s, e)
        view = "".join(chars)
    for m in _LINK.finditer(view):
        if _HIDDEN.match(m.group("target")):
            blank_span(chars, m.start(), m.end())
        elif m.group("label") is not None:
            blank_span(chars, m.start(), m.start("label"))
            blank_span(chars, m.end() - 2, m.end())
        else:
            blank_span(chars, m.start(), m.start() + 2)
            blank_span(chars, m.end() - 2, m.end())
    for m in _EXTERNAL.finditer(view):
        chars[m.start()] = " "
        chars[m.end() - 1] = " "
    for pattern in (_QUOTES, _BREAK):
        for m in pattern.finditer(view):
            blank_span(chars, m.start(), m.end())
    _tables(chars, view)
    return "".join(chars)


def _tables(chars: list[str], view: str) -> None:
    """A table's rows as lines of cells apart by ``|``: ``{|`` and ``|}`` lines and ``|-`` row marks blank, a
    ``|+`` caption its words, ``!`` header and ``|`` data lines with their ``!!`` / ``||`` between cells."""
    inside = False
    for m in _TABLE_LINE.finditer(view):
        mark = m.group("mark")
        if mark == "{|":
            inside = True
            blank_span(chars, m.start(), m.end())
            continue
        if not inside:
            continue
        if mark == "|}":
            inside = False
            blank_span(chars, m.start(), m.end())
        elif mark == "|-":
            blank_span(chars, m.start("rest"), m.end())  # (a row mark stays: a blank line would end the table)
        elif mark == "|+":
            blank_span(chars, m.start("mark"), m.end("mark"))
        elif mark == "!":  # a header row, written as wiki markup's "||Header||Header" row that heads its table
            chars[m.start("mark")] = "|"
            if view[m.start("rest") : m.start("rest") + 1] == " ":
                chars[m.start("rest")] = "|"
            for cell in re.finditer(r"!!", view[m.start("rest") : m.end()]):
                at = m.start("rest") + cell.start()
                chars[at], chars[at + 1] = "|", "|"
        else:
            for cell in re.finditer(r"\|\|", view[m.start("rest") : m.end()]):
                at = m.start("rest") + cell.start()
                chars[at], chars[at + 1] = " ", "|"
