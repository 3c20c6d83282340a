"""Cited sources in report text: markdown links, ``(<url>)``, bare URLs, numbered reference lists.

Every URL-like thing is kept: a usable one as ``SourceRef(url=...)``, a malformed one (broken scheme,
no host) as ``SourceRef(malformed=True, url=None, raw=...)`` so an editor sees it.
"""

from __future__ import annotations

import re

from claims.model import SourceRef
from claims.prescan import with_first_chars
from claims.urls import normalise_url

__all__ = [
    "CIRCLED",
    "SEE_LINK",
    "circled_number",
    "find_sources",
    "find_references",
    "footnote_numbers",
    "inherited_marks",
    "letter_number",
    "url_spans",
    "link_definitions",
    "reference_links",
]

_MD_LINK = re.compile(r"\[(?P<text>[^\]\n]{0,500})\]\(\s*<?(?P<url>[^()\s<>]{1,2000})>?\s*\)")
# "<url>", and Slack's "<url|label>" (a URL holds "|" only escaped, as %7C)
_ANGLE = re.compile(r"<(?P<url>(?:[A-Za-z]{1,8}:)?//?[^<>\s|][^<>|]{0,2000}?)(?:\|(?P<label>[^<>|\n]{0,300}))?>")
# (a URL ends before ";" or "," that opens another, or Chinese prose: "url1；url2" and "url1；募投项目详见…" read
# "url1;url2" and "url1;募投…" in the width-folded view; and at a brace or a backslash, which a URL writes only
# escaped: LaTeX's \url{…} and \href{…}{label})
_BARE = re.compile(
    r"(?<![\w/])(?:(?:https?|ps|ttps|tps|s)://|www\.)"
    r"(?:(?![;,](?:https?://|www\.|[\u3400-\u9fff]))[^\s<>()\[\]\"'，。；、）（“”{}\\]){1,2000}"
)
# a first-character look-ahead lets the engine skip positions no URL starts at (claims.prescan)
_BARE = with_first_chars(_BARE)


def _may_hold_url(text: str) -> bool:
    """Whether ``text`` holds what every _BARE match holds (its first letters are common: the scan is
    costly on text without a URL)."""
    return "://" in text or "www." in text
# the rest of a URL on the next line: ASCII URL characters only (a "来源：https://…" line is a citation of
# its own, never the tail of the one above)
_URL_CONT = re.compile(r"\n([A-Za-z0-9_/\-.~%?=&#+:]{2,400})(?=\n|$)")
_SCHEME_LIKE = re.compile(r"^[A-Za-z]{1,8}://")
_END_TAG = re.compile(r"/[A-Za-z][\w-]*")
# a markdown link to another page of the same notes, not to the web: an anchor ("#costs") or a page file beside
# it in a Notion / Obsidian export ("AI%E4%BA%A7%E4%B8%9A 2c41f0a9.md"); a path elsewhere ("../weekly/w06") stays
# a malformed citation an editor should see
_INTERNAL_LINK = re.compile(r"#|(?!www\.)[^/]*\.(?:md|markdown)$", re.I)
# "4. …", "[4] …", "[^4]: …", "【4】…", and the 註/注 notes of Chinese print ("註1　經濟日報，〈…〉")
CIRCLED = "①-⑳"  # the circled numbers 1-20 a Chinese research report marks its notes with
_REF_ITEM = re.compile(
    r"^[ \t]*(?:(?:\[\^?|【)?(?P<n>\d{1,3})(?:[.\]、)】]|\]:)|[註注][ \t]?(?P<note>\d{1,3})(?=[ \t\u3000])|(?P<circ>[①-⑳])"
    r"|\[(?P<letter>[a-z]{1,2})\])"
    r"[ \t\u3000]*(?P<body>\S[^\n]*)$",
    re.M,
)
# a note pointing at a numbered link of the report's list: "（见链接 4）" / "(see link 4)"
SEE_LINK = r"[（(](?:(?:参|參|详|詳)?[见見]|[Ss]ee)?\s?(?:链接|鏈接|連結|[Ll]ink)\s?(\d{1,3})[）)]"
# "[4]", "[^4]", "【4】", "（註4）" / "(注 4)", and SEE_LINK
# (a circled number marks a note after the words it cites, "…2.6 倍①。"; one opening a line is an item)
_FOOTNOTE = re.compile(
    rf"\[\^?(\d{{1,3}})\](?![(:])|【(\d{{1,3}})】|[（(][註注]\s?(\d{{1,3}})[）)]|{SEE_LINK}|(?<=\S)([{CIRCLED}])"
    # a Google Docs export's comment and footnote markers, "[a]" … "[z]", "[aa]"; superscript numbers after
    # the words they cite ("同比增长41%⁸", "revenue¹²")
    r"|\[([a-z]{1,2})\](?![(:\[])|(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_LABEL_REACH = 300
_LABEL_CUT = re.compile(r">\)|\)\s*[|｜]|(?:可信来源|来源|Source|Sources|参考)\s*[：:]")


def _label(text: str, start: int) -> str:
    """The words a URL is cited with: back to the previous separator on its line."""
    line_start = text.rfind("\n", max(0, start - _LABEL_REACH), start) + 1
    line_start = max(line_start, start - _LABEL_REACH)  # a label is short; never scan a whole long line
    before = text[line_start:start]
    if not before.strip(" (<（"):
        prev_start = text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        before = text[prev_start : max(line_start - 1, prev_start)]
    parts = _LABEL_CUT.split(before)
    return parts[-1].strip(" \t(<（*|｜")[:300]


def _make(raw: str, label: str, start: int, end: int, ref_number: int | None = None) -> SourceRef:
    url, _reason = normalise_url(raw)
    return SourceRef(
        raw=raw, url=url, malformed=url is None, label=label, ref_number=ref_number, start=start, end=end
    )


def _join_broken(text: str, end: int, url: str) -> tuple[str, int]:
    """A URL that runs to the end of a line and goes on on the next line (no spaces there)."""
    m = _URL_CONT.match(text, end)
    if m and "://" not in m.group(1) and ("/" in m.group(1) or url.endswith(("/", "-", "_"))):
        return url + m.group(1), m.end(1)
    return url, end


def url_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every link, URL or URL-like token — text that never holds a claim."""
    spans: list[tuple[int, int]] = []
    bare = _may_hold_url(text)
    for pattern in (_MD_LINK, _ANGLE, _BARE):
        for m in pattern.finditer(text) if bare or pattern is not _BARE else ():
            if pattern is _MD_LINK:
                spans.append((m.start("url") - 1, m.end()))
                if (
                    _SCHEME_LIKE.match(m.group("text"))
                    or "/" in m.group("text")
                    and " " not in m.group("text")
                ):
                    spans.append((m.start(), m.start("url")))
            else:
                spans.append((m.start(), m.end()))
    return spans


def find_sources(text: str, start: int = 0, end: int | None = None) -> list[SourceRef]:
    """Every cited source in ``text[start:end]``, in order, de-duplicated; offsets into ``text``."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    taken = bytearray(len(chunk) + 1)
    found: list[SourceRef] = []

    def free(a: int, b: int) -> bool:
        return taken.find(1, a, b) < 0

    def take(a: int, b: int) -> None:
        taken[a:b] = b"\x01" * (b - a)

    for m in _MD_LINK.finditer(chunk):
        link_text, target = m.group("text").strip(), m.group("url")
        if _INTERNAL_LINK.match(target):
            take(m.start(), m.end())  # a link inside the notes (another page of the export, an anchor): no source
            continue
        label = link_text if not _SCHEME_LIKE.match(link_text) else _label(chunk, m.start())
        found.append(_make(target, label, start + m.start(), start + m.end()))
        if _SCHEME_LIKE.match(link_text) and normalise_url(link_text)[0] is None:
            found.append(_make(link_text, label, start + m.start(), start + m.start("url")))
        take(m.start(), m.end())
    for m in _ANGLE.finditer(chunk):
        if not free(m.start(), m.end()):
            continue
        raw = re.sub(r"\s+", "", m.group("url"))
        if "/" not in raw or _END_TAG.fullmatch(raw):
            continue  # (an HTML end tag, "</aside>" of a Notion export's callout, is no address)
        label = (m.group("label") or "").strip() or _label(chunk, m.start())
        found.append(_make(raw, label, start + m.start(), start + m.end()))
        take(m.start(), m.end())
    for m in _BARE.finditer(chunk) if _may_hold_url(chunk) else ():
        if not free(m.start(), m.end()):
            continue
        raw, stop = _join_broken(chunk, m.end(), m.group(0))
        raw = raw.rstrip(".,;:!?")
        found.append(_make(raw, _label(chunk, m.start()), start + m.start(), start + stop))
        take(m.start(), stop)
    found.sort(key=lambda s: s.start)
    seen: set[str] = set()
    unique: list[SourceRef] = []
    for ref in found:
        key = ref.url or ref.raw
        if key in seen:
            continue
        seen.add(key)
        unique.append(ref)
    return unique


def find_references(text: str, start: int, end: int) -> list[SourceRef]:
    """A numbered reference list ("4. OpenAI, *Title*. <url>") with each item's number."""
    refs: list[SourceRef] = []
    chunk = text[start:end]
    for m in _REF_ITEM.finditer(chunk):
        body_start = start + m.start("body")
        line_end = start + m.end()
        sources = find_sources(text, body_start, line_end)
        if not sources:  # "註1　經濟日報，〈…〉" with its URL on the line below
            next_end = text.find("\n", line_end + 1)
            next_end = end if next_end < 0 or next_end > end else next_end
            if line_end < next_end and not _REF_ITEM.match(text[line_end + 1 : next_end]):
                sources = find_sources(text, line_end + 1, next_end)
        number = (
            circled_number(m.group("circ")) if m.group("circ")
            else letter_number(m.group("letter")) if m.group("letter") else int(m.group("n") or m.group("note"))
        )
        label = re.split(r"<|\(?https?://", m.group("body"))[0].strip(" .*")
        for ref in sources:
            refs.append(
                SourceRef(ref.raw, ref.url, ref.malformed, label or ref.label, number, ref.start, ref.end)
            )
    return refs


# Markdown reference-style links (CommonMark): "[text][label]" and "[label][]" cite the URL that a
# "[label]: url" line defines anywhere in the document
_LINK_DEFINITION = re.compile(
    r"^[ \t]{0,3}\[(?!\^)(?P<label>[^\]\n]{1,60})\]:[ \t]*<?(?P<url>[^\s<>]{1,2000}?)>?(?:[ \t]+[\"'(][^\n]*)?[ \t]*$", re.M
)
_LINK_USE = re.compile(r"\[(?P<text>[^\]\n]{0,300})\]\[(?P<label>[^\]\n]{0,60})\]")


def _link_key(label: str) -> str:
    return " ".join(label.split()).lower()


def link_definitions(text: str) -> dict[str, SourceRef]:
    """The reference-style link definitions of ``text`` by label (case and spacing folded, as CommonMark
    matches them); the first definition of a label wins."""
    found: dict[str, SourceRef] = {}
    for m in _LINK_DEFINITION.finditer(text):
        label = m.group("label").strip()
        number = int(label) if label.isdigit() and len(label) <= 3 else None
        found.setdefault(_link_key(label), _make(m.group("url"), label, m.start(), m.end(), number))
    return found


def reference_links(text: str, start: int, end: int, definitions: dict[str, SourceRef]) -> list[SourceRef]:
    """The defined sources ``text[start:end]`` cites with "[text][label]" or "[label][]", in order."""
    if not definitions:
        return []
    cited: list[SourceRef] = []
    for m in _LINK_USE.finditer(text, start, end):
        ref = definitions.get(_link_key(m.group("label") or m.group("text")))
        if ref is not None and ref not in cited:
            cited.append(ref)
    return cited


# MediaWiki footnotes: <ref name="36kr">…url…</ref> defines a named note, <ref name="36kr" /> cites it again
_NAMED_REF = re.compile(r"<ref\s+name\s*=\s*(?:\"(?P<q>[^\"<>]{1,80})\"|'(?P<s>[^'<>]{1,80})'|(?P<b>[^\s\"'<>/]{1,80}))\s*(?P<close>/?)>")
_REF_END = re.compile(r"</ref\s*>", re.I)


def _ref_name(m: re.Match[str]) -> str:
    return (m.group("q") or m.group("s") or m.group("b") or "").strip()


def named_refs(text: str) -> dict[str, SourceRef]:
    """MediaWiki's named footnotes by name: the first address inside each ``<ref name="…">…</ref>``."""
    found: dict[str, SourceRef] = {}
    if "<ref" not in text:
        return found
    for m in _NAMED_REF.finditer(text):
        if m.group("close") or _ref_name(m) in found:
            continue
        end = _REF_END.search(text, m.end(), m.end() + 3000)
        if end is not None and (sources := find_sources(text, m.end(), end.start())):
            found[_ref_name(m)] = sources[0]
    return found


def named_ref_uses(text: str, start: int, end: int, definitions: dict[str, SourceRef]) -> list[SourceRef]:
    """The named footnotes ``text[start:end]`` cites again with ``<ref name="…" />``, in order."""
    cited: list[SourceRef] = []
    for m in _NAMED_REF.finditer(text, start, end) if definitions else ():
        ref = definitions.get(_ref_name(m))
        if m.group("close") and ref is not None and ref not in cited:
            cited.append(ref)
    return cited


def footnote_numbers(text: str) -> list[tuple[int, int, int]]:
    """``[4]`` footnote markers as (number, start, end) (a letter's number is ``letter_number``'s)."""
    return [
        (
            circled_number(m.group(5)) if m.group(5)
            else letter_number(m.group(6)) if m.group(6)
            else int(m.group(7).translate(_SUPERSCRIPTS)) if m.group(7)
            else int(m.group(1) or m.group(2) or m.group(3) or m.group(4)),
            m.start(),
            m.end(),
        )
        for m in _FOOTNOTE.finditer(text)
    ]


LETTER_NOTES = 1000  # letter notes are numbered after any numbered ones a report may also have


def letter_number(mark: str) -> int:
    """a → 1001 … z → 1026, aa → 1027: a letter note's number, apart from numbered notes."""
    n = 0
    for ch in mark:
        n = n * 26 + ord(ch) - ord("a") + 1
    return LETTER_NOTES + n


def circled_number(mark: str) -> int:
    """① → 1 … ⑳ → 20."""
    return ord(mark) - ord("①") + 1


_INDENT = " \t\u3000"


def _paragraph_lines(text: str, at: int) -> tuple[list[tuple[int, str]], int]:
    """The lines (start, text) of the paragraph (lines between blank ones) holding offset ``at``, and which
    of them holds it."""
    line_start = text.rfind("\n", 0, at) + 1
    lines: list[tuple[int, str]] = []
    pos = line_start
    while pos > 0:  # upward, to a blank line
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if not line.strip():
            break
        lines.insert(0, (prev, line))
        pos = prev
    own = len(lines)
    pos = line_start
    while pos <= len(text):  # the claim's line and downward, to a blank line
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end]
        if not line.strip():
            break
        lines.append((pos, line))
        pos = end + 1
    return lines, own


def inherited_marks(text: str, at: int) -> set[int]:
    """The notes a sentence that marks none of its own rests on (devset labelling rule 1: the notes of its
    paragraph): a nested list item's, those of the nearest line above it set less deep that marks any (its
    parent bullet); otherwise every note its paragraph marks. Empty when the paragraph marks none."""
    lines, own = _paragraph_lines(text, at)
    if not lines or own >= len(lines):
        return set()
    _start, line = lines[own]
    depth = len(line) - len(line.lstrip(_INDENT))
    if depth:
        for _s, above in reversed(lines[:own]):
            if len(above) - len(above.lstrip(_INDENT)) < depth:
                marks = {n for n, _a, _b in footnote_numbers(above)}
                if marks:
                    return marks
                break
    return {n for _s, ln in lines for n, _a, _b in footnote_numbers(ln)}
