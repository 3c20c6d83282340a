"""Splitting a report into sections: markdown headings, plain-text headings and numbered item titles.

A *group* heading (今日 Top 5 大事件, 前沿研究速递, 参考文献…) gets its kind from cue words in
``claims/data/cues.tsv``; an *item* heading under it (a numbered or bulleted title, or a deeper
markdown heading) inherits the group's kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from claims.lexicon import cue_words
from claims.model import SectionKind

__all__ = ["Heading", "find_headings", "classify_heading", "clean_heading", "is_item_heading", "turn_spans", "speaker_labels", "LINE_RE", "cue_spans", "cut_at"]

LINE_RE = re.compile(r"[^\n]*\n?")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
# MediaWiki: "== 历史 ==", "=== 融资 ===" (the same run of = on both sides)
_WIKI_HEADING = re.compile(r"^(={2,6})[ \t]*([^=\s](?:[^\n]*?[^=\s])?)[ \t]*\1[ \t]*$")
# Emacs Org-mode: "* 本周要闻", "** 星澜智算三季报" are headings of that many levels, "#+TITLE: …" a keyword line
_ORG_HEADING = re.compile(r"^(\*{1,6})[ \t]+(\S.*?)[ \t]*$")
ORG_KEYWORD = re.compile(r"^#\+(?P<key>[A-Za-z_]+):[ \t]*(?P<value>[^\n]*)$", re.M)
_ORG_DEEP_HEADING = re.compile(r"^\*{2,}[ \t]+\S", re.M)


def is_org(text: str) -> bool:
    """Is ``text`` an Org-mode document (a "#+TITLE:" keyword, or headings two stars deep)? There a line
    opening on stars is a heading, not a bullet."""
    if "#+" in text and ORG_KEYWORD.search(text) is not None:
        return True
    return "**" in text and len(_ORG_DEEP_HEADING.findall(text)) >= 2
_ITEM = re.compile(
    r"^(?:[-*+•][ \t]+|\d{1,2}(?:[.、)）]|[ \t])[ \t]*|[一二三四五六七八九十]{1,3}[、.．][ \t]*"
    r"|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)][ \t]*)"
)
_EMPHASIS = re.compile(r"^(?:\*\*|__|【)(.+?)(?:\*\*|__|】)[:：]?$")
_TERMINAL = tuple("。！？；，,;!?：:.…")
_BRACKETED_TITLE = re.compile(r"【[^【】\n]{1,20}】[:：]?")
_LABEL = re.compile(r"^[\u4e00-\u9fffA-Za-z ]{1,10}[：:]")
_PAGE_NUMBER = re.compile(r"\s\d{1,3}$")
_SECTION_ORDER: tuple[SectionKind, ...] = ("references", "summary", "social", "research", "event")


@dataclass(frozen=True)
class Heading:
    start: int  # start of the heading line
    end: int  # end of the heading line (without the newline)
    text: str  # heading text without markdown marks
    level: int  # markdown level; plain headings are 2, item titles 3
    item: bool  # a numbered/bulleted title inside a group


def clean_heading(raw: str) -> str:
    """A heading line without markdown marks or emphasis: "## **今日要闻**" → "今日要闻"."""
    s = raw.strip().lstrip("\ufeff").lstrip("#").strip()
    s = re.sub(r"^\*{1,6}[ \t]+", "", s)  # an Org heading's stars
    marked = _MARKED_TITLE.match(s)
    if marked:
        s = marked.group("title").strip()
    emphasis = _EMPHASIS.match(s)
    return emphasis.group(1).strip() if emphasis else s


def is_item_heading(heading: str) -> bool:
    """A numbered or bulleted title (1. …, 一、…, （二）…, - …) rather than a group heading."""
    return bool(_ITEM.match(heading.strip()))


@cache
def _heading_cues() -> tuple[tuple[SectionKind, str, re.Pattern[str] | None], ...]:
    """(kind, cue, whole-word pattern for an ASCII cue) in the order cues are tried, compiled once."""
    cues = cue_words()
    return tuple(
        (kind, cue, re.compile(rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])") if cue.isascii() else None)
        for kind in _SECTION_ORDER
        for cue in cues.get(kind, ())
    )


def classify_heading(text: str) -> SectionKind | None:
    """The kind a heading's cue words give it, or None."""
    for kind, cue, pattern in _heading_cues():
        # an ASCII cue must also stand as a whole word: its pattern is searched only where it occurs
        if cue in text and (pattern is None or pattern.search(text)):
            return kind
    return None


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


_NOTE_MARK_AT_END = re.compile(r"(?:\[\^?\w{1,4}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[①-⑳])+$")
_NOTE_MARK_ENDS = frozenset("]¹²³⁴⁵⁶⁷⁸⁹⁰")


def _is_plain_heading(line: str, prev_blank: bool, next_blank: bool) -> bool:
    s = line.strip()
    if not s or not prev_blank or not next_blank or len(s) > 110:
        return False  # (the numbered-title test below is asked only of a short line set apart)
    limit = 110 if _ITEM.match(s) else 60
    if len(s) > limit:
        return False
    # (a sentence closed by its note's mark is no title: "… summarised below.[^1]", "…如下。[3]", "… below.⁸")
    closed = _NOTE_MARK_AT_END.sub("", s) if s[-1] in _NOTE_MARK_ENDS or "①" <= s[-1] <= "⑳" else s
    if "\t" in line or closed.endswith(_TERMINAL) or s.endswith(("）", ")")) and len(s) > 40:
        return False
    if "http" in s or "<" in s or "](" in s or s.startswith(("---", "|", ">", "[")) or s.endswith("：**"):
        return False
    if _LABEL.match(s) and not _ITEM.match(s):
        return False
    if _PAGE_NUMBER.search(s) and _ITEM.match(s) and not re.match(r"^\d", s.lstrip("-*+ ")[:1] or "x"):
        return False
    if _PAGE_NUMBER.search(s) and s.lstrip("-*+ ")[:1].isdigit() and len(s) > 20:
        return False  # a table-of-contents line: "1 Title … 2"
    return any(ch.isalpha() for ch in s)


# a line that only draws a rule across the text ("-----", "=====", "- - -", "────"): it sets lines and items apart
_RULE = re.compile(r"^[ \t]*([-=_*─━═~])(?:[ \t]?\1){2,}[ \t]*$", re.M)


def _blank_or_rule(line: str) -> bool:
    return not line.strip() or _RULE.match(line) is not None


_BULLET = re.compile(r"^[-*+•][ \t]+\S")
_OUTLINE_TITLE_CHARS = 110


def _numbered_title(s: str) -> bool:
    """A numbered line (not a bullet) in which no sentence ends."""
    return bool(_ITEM.match(s)) and not s.startswith(("-", "*", "+", "•")) and not s.endswith(_TERMINAL)


def _item_title(line: str, below: str) -> bool:
    """A short numbered title with its paragraph right under it ("1. 瀚昕科技（上市6782）" over "瀚昕公告…"), or
    its byline or another labelled field ("分析师：卓映川", "核心观点："): the line below is longer, or a field, and
    is no item of its own."""
    s, b = line.strip(), below.strip()
    if not _numbered_title(s) or _ITEM.match(b):
        return False
    return len(s) <= 40 and len(b) > len(s) or len(s) <= 60 and _LABEL.match(b) is not None


# a title led by a glyph a newsletter sets its sections with ("■ Lanxin Technology (688791.SS): Q3 results")
_MARKED_TITLE = re.compile(r"^[■□◆◇▶►▌▍▎◼◾❖][ \t\u3000]*(?P<title>\S.*)$")
_CAPS_TITLE_CHARS = 40


def _marked_title(line: str, set_apart: bool = False) -> str | None:
    """The title of a glyph-led title line, or None (a sentence's end or a link is no title; a question
    is one when a blank line sets it apart: "▌ 02 深衡智能：收入能否跟上估值？")."""
    m = _MARKED_TITLE.match(line.strip())
    if m is None:
        return None
    title = m.group("title").strip()
    if len(title) > _OUTLINE_TITLE_CHARS or "http" in title:
        return None
    if title.endswith(_TERMINAL) and not (set_apart and title.endswith(("？", "?", "！", "!"))):
        return None
    return title


def _caps_title(line: str) -> bool:
    """A short line in capitals ("OUR VIEW", "IN THIS ISSUE"): a newsletter's heading even with its text
    right under it."""
    s = line.strip()
    letters = [ch for ch in s if ch.isalpha()]
    return (
        len(letters) >= 3 and len(s) <= _CAPS_TITLE_CHARS and all(ch.isascii() and ch.isupper() for ch in letters)
        and " " in s and not s.endswith(_TERMINAL) and "http" not in s.lower()
    )


def _list_title(line: str, below: str) -> bool:
    """A short line over a numbered list of links ("节目单 / 本期提到的链接" over "1. 标题 — https://…"): the
    list's heading."""
    s, b = line.strip(), below.strip()
    return (
        0 < len(s) <= _CAPS_TITLE_CHARS and not s.endswith(_TERMINAL) and "http" not in s
        and bool(_ITEM.match(b)) and "http" in b and not _BULLET.match(b)
    )


def _outline_title(line: str, below: str) -> bool:
    """A numbered title over bullets: an outline's section ("1) Corvane Systems — fiscal Q2 2027 (to 31
    Oct)" over "- Revenue $6.84bn, +38% y/y"), whatever it ends with but a sentence's end."""
    s = line.strip()
    return (
        _numbered_title(s) and len(s) <= _OUTLINE_TITLE_CHARS and "http" not in s
        and _BULLET.match(below.strip()) is not None
    )


# a transcript's turn: a time stamp ("[12:35]", "01:05:12") and/or a speaker's label ("主持人：", "嘉宾（周远）：",
# "Host:") opening a line; a chat export's reply opens on an arrow, indented ("    ↳ [08:55] raj: …")
# (… and a chat export's day and time: WhatsApp's "[27/12/2026, 09:14:05]" on a phone, "27/12/2026, 09:14 - " on another)
_DAY_TIME = r"\d{1,2}/\d{1,2}/\d{2,4},?[ \t]\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?"
_STAMP = rf"\[\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?=[ \t])|\[{_DAY_TIME}\]|{_DAY_TIME}[ \t]-(?=[ \t])"
_SPEAKER = r"(?:主持人|嘉宾|嘉賓|主播|来宾|來賓|Host|Guest|Interviewer)[^\n：:。.]{0,20}[：:]"
# a BBS push's mark and user ("推 gpuman:", "噓 bear88:"; an arrow "→ lurker:" is left out, arrows open other lines),
# looked for only in a text that has one (its alternative costs every other text's line scans 2%)
_PUSH = r"[推噓嘘][ \t]+[\w.\-]{1,20}[ \t]*:"
_REPLY = r"[ \t]*[↳└][ \t]*"
# a chat handle right after a time stamp ("[09:14] dana.w: …"): the speaker's label of a chat export
# (… or a name of up to four words, as a chat export writes its members: "[27/12/2026, 09:14:05] Priya Raman: …")
_HANDLE_NAME = r"[A-Za-z][\w.\-]{0,30}(?:[ \t][A-Z][\w.\-]{0,30}){0,3}"
_HANDLE = rf"{_HANDLE_NAME}:(?=[ \t])"
_TURN = re.compile(rf"^(?:{_REPLY})?(?:{_STAMP})|^{_SPEAKER}", re.M)
_TURN_OR_PUSH = re.compile(rf"^(?:{_REPLY})?(?:{_STAMP})|^(?:{_SPEAKER}|{_PUSH})", re.M)
MIN_TURNS = 3  # a text of this many turns is a transcript: each turn cites only what it refers to


# a turn's opening: its time stamp and speaker's label ("[12:35] 嘉宾（周远）：", "Host:", "[09:14] dana.w:"),
# never a claim's words
_TURN_LABEL = re.compile(rf"^(?:{_REPLY})?(?:(?:{_STAMP})[ \t]*(?:{_HANDLE})?[ \t]*)?(?:{_SPEAKER})?", re.M)
_TURN_OR_PUSH_LABEL = re.compile(rf"^(?:{_REPLY})?(?:(?:{_STAMP})[ \t]*(?:{_HANDLE})?[ \t]*)?(?:{_SPEAKER}|{_PUSH})?", re.M)


# a chat message's sender after its stamp, and the words it opens on
_SENDER = re.compile(rf"(?:{_REPLY})?(?:{_STAMP})[ \t]*(?P<who>{_HANDLE_NAME}):[ \t]+")


_MESSAGE_STAMP = re.compile(rf"(?:{_REPLY})?(?:\[|{_DAY_TIME})")


def is_message_stamp(text: str, at: int) -> bool:
    """Does the turn at ``at`` open on a message's stamp (bracketed, "[10:41]", or with its day, "27/12/2026,
    09:14 -"), not on a media time ("52:30 Xinheng: …", a chapter of a recording)?"""
    return _MESSAGE_STAMP.match(text, at) is not None


def turn_sender(text: str, at: int) -> tuple[str, int] | None:
    """The sender a chat message at ``at`` names after its stamp ("[27/12/2026, 09:16:48] Tom Okafor: …") and
    where its words start; None for a turn without one."""
    m = _SENDER.match(text, at)
    return (m.group("who"), m.end()) if m else None


# a chat message answering another member's link: "re Priya's link: …", "re: Tom's article —"
_ON_A_MEMBERS_LINK = re.compile(
    r"(?:re:?|Re:?|RE:?)[ \t]+(?P<name>[A-Z][\w.\-]{0,30}(?:[ \t][A-Z][\w.\-]{0,30})?)['’]s[ \t]+"
    r"(?:link|article|piece|post|story|source)\b[ \t]*[:：,—–-]?[ \t]*"
)


def members_link_named(text: str, at: int) -> tuple[str, int] | None:
    """The member whose link a message at ``at`` says it answers ("re Priya's link: …"), and where its own words
    start; None when it opens otherwise."""
    m = _ON_A_MEMBERS_LINK.match(text, at)
    return (m.group("name"), m.end()) if m else None


@lru_cache(maxsize=8)  # asked per line of a text (opens_a_turn): one scan of the text
def _turns(text: str) -> re.Pattern[str]:
    """The pattern of a turn's opening in ``text``: with a BBS push's, where a line opens on one."""
    return _TURN_OR_PUSH if "\n推 " in text or "\n噓 " in text or "\n嘘 " in text else _TURN


# a thread's post counter opening a line ("1/16 🧵 …", "2/16 Halcyon …"): each post of the thread is a turn
_POST = re.compile(r"^(\d{1,3})/(\d{1,3})(?=[ \t]|$)", re.M)


@lru_cache(maxsize=1)  # read per report, then per section of it (turn_spans): one scan of the text
def post_counters(text: str) -> tuple[tuple[int, int], ...]:
    """The post counters of a thread export: at least ``MIN_TURNS`` lines opening on "n/N" with one total N
    and each n at most N (dates written 11/20, 11/21 … share no total), else ()."""
    if "/" not in text:
        return ()
    found = [(m.start(), m.end(), int(m.group(1)), int(m.group(2))) for m in _POST.finditer(text)]
    totals = Counter(total for _s, _e, n, total in found if 1 <= n <= total)
    if not totals:
        return ()
    total, posts = totals.most_common(1)[0]
    return tuple((s, e) for s, e, n, t in found if t == total and 1 <= n <= t) if posts >= MIN_TURNS else ()


def is_transcript(text: str) -> bool:
    """Does ``text`` open at least ``MIN_TURNS`` lines on a time stamp or a speaker's label, or is it a
    thread of numbered posts?"""
    return len(_turns(text).findall(text)) >= MIN_TURNS or bool(post_counters(text))


def opens_a_turn(text: str, at: int) -> bool:
    """Does the line at ``at`` open a transcript's turn (a time stamp, a speaker's label, a post counter)?"""
    return _turns(text).match(text, at) is not None or (_POST.match(text, at) is not None and bool(post_counters(text)))


@lru_cache(maxsize=2)  # asked by the noise mask and by the sentences of the same text
def speaker_labels(text: str) -> tuple[tuple[int, int], ...]:
    """The time stamps and speaker labels opening a transcript's turns, and a thread's post counters
    (none in a text of fewer than ``MIN_TURNS`` turns)."""
    posts = post_counters(text)
    if not posts and len(_turns(text).findall(text)) < MIN_TURNS:
        return ()
    labels = _TURN_OR_PUSH_LABEL if _turns(text) is _TURN_OR_PUSH else _TURN_LABEL
    return tuple(sorted([(m.start(), m.end()) for m in labels.finditer(text) if m.end() > m.start()] + list(posts)))


# a line that only gives a source ("链接：https://…", "来源：36氪 https://…", "Source: https://…", "🔗原文：https://…"): it closes the
# paragraphs above it, back to the previous such line
_SOURCE_PARAGRAPH_LINE = re.compile(
    r"^[ \t>*-]*(?:[^\w\s:：]{1,2}[ \t]*)?(?:\*\*)?(?:链接|鏈接|来源|來源|信源|出处|出處|原文链接|原文連結|原文|Source|Sources|Via|Link)"
    r"(?:\*\*)?[ \t]*[：:]"
    r"[^\n]{0,80}?https?://\S+[ \t]*$",
    re.M | re.I,
)


def source_paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of a section ``text[start:end]`` each closed by a line that only gives its source, when
    the section has two such lines or more (a 知乎 answer's paragraphs, each followed by its "链接：" line):
    a claim rests on the source line under its paragraph, or on the one inside its blank-line-separated item
    when each such line stands inside an item of its own (a feed's "Link:" under the item's title). [] otherwise;
    the text after the last such line is a stretch of its own."""
    if "://" not in text[start:end]:
        return []
    found = [m for m in _SOURCE_PARAGRAPH_LINE.finditer(text, start, end) if _closes_its_item(text, m)]
    if len(found) < 2:
        return []
    # (lines in a row close the same paragraphs: "来源：…\n来源：…" are two sources of one item)
    ends = [m.end() for m, nxt in zip(found, [*found[1:], None], strict=True) if nxt is None or text[m.end() : nxt.start()].strip()]
    if len(ends) < 2:
        return []
    blocks = _blocks(text, start, end)
    holders = [_block_of(blocks, at) for at in ends]
    if (
        len(set(holders)) == len(holders)
        and all(h >= 0 and text[at : blocks[h][1]].strip() for h, at in zip(holders, ends, strict=True))
    ):
        # every source line stands inside an item of its own, text after it ("Title: … / Link: url / Published: … /
        # Description: …", a feed read in a terminal): each blank-line-separated item is cited by its own line
        return blocks
    items = _ruled_items(text, start, end)
    holders = [_block_of(items, at) for at in ends]
    if len(set(holders)) == len(holders) and all(h >= 0 for h in holders):
        # items set apart by rule lines ("-----"), each with one source line among its fields ("Outlet: … /
        # Link: url"), its headline and its text after them (a monitoring service's clippings): each item is
        # cited by its own line
        return items
    cuts = [start, *ends]
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]
    if text[ends[-1] : end].strip():
        spans.append((ends[-1], end))
    return spans


def item_titles_kept_in(text: str, headings: list[Heading]) -> list[Heading]:
    """``headings`` without the plain titles standing inside items set apart by rule lines, each cited by one
    source line of its own (a clipping's headline, under its "Outlet: … / Link: url" fields): such a title
    heads its item, it opens no section of its own."""
    cited: list[tuple[int, int]] = []
    sourced_at: list[int] = []  # where each cited item's source line starts
    for a, b in _ruled_items(text, 0, len(text)):
        found = list(_SOURCE_PARAGRAPH_LINE.finditer(text, a, b))
        if len(found) == 1:
            cited.append((a, b))
            sourced_at.append(found[0].start())
    if len(cited) < 2:
        return headings
    # (… under its source line: a title over its item's text and source line opens the section it cites)
    return [
        h for h in headings
        if text.startswith("#", h.start) or (k := _block_of(cited, h.start)) < 0 or sourced_at[k] > h.start
    ]


def _ruled_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` between rule lines ([] when it draws fewer than two)."""
    rules = list(_RULE.finditer(text, start, end))
    if len(rules) < 2:
        return []
    cuts = [start, *(m.end() for m in rules), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
# the end of a blank-line-separated item: a blank line or the end of the text
_ITEM_END = re.compile(r"[ \t]*(?:\n[ \t]*\n|\n?\Z)")


def _closes_its_item(text: str, m: re.Match[str]) -> bool:
    """A source line led by a mark (an emoji: "🔗原文：https://…") closes its points only as the last line of a
    blank-line-separated item (other source lines may follow it), as a phone app's note sets it under each point;
    a plain one ("链接：…") always."""
    line = m.group().lstrip(" \t>*-")
    if not line or line[0].isalnum() or line.startswith("**"):
        return True
    at = m.end()
    while text.startswith("\n", at) and (nxt := _SOURCE_PARAGRAPH_LINE.match(text, at + 1)) is not None:
        at = nxt.end()
    return _ITEM_END.match(text, at) is not None


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The blank-line-separated stretches of ``text[start:end]`` (each kept from its first character)."""
    cuts = [start, *(m.end() for m in _BLANK_LINES.finditer(text, start, end)), end]
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def _block_of(blocks: Sequence[tuple[int, int]], at: int) -> int:
    """The index of the stretch of ``blocks`` (sorted, apart) that holds ``at``, or -1 (one bisection)."""
    i = bisect_right(blocks, (at, _AFTER_ANY)) - 1
    return i if i >= 0 and blocks[i][0] <= at < blocks[i][1] else -1


_AFTER_ANY = 1 << 62  # (a stretch starting at ``at`` sorts before (at, this))


def turn_spans(text: str, start: int, end: int, *, transcript: bool) -> list[tuple[int, int]]:
    """The turns of a section ``text[start:end]`` of a transcript (the text before the first kept as its
    own span), or [] when it holds one turn or none. ``transcript``: whether the whole text is one
    (``is_transcript``): a chat message and its reply are two turns, however few the section holds. A
    podcast guest's "（见链接 3）" cites link 3 for that turn alone, a reply nothing of its message's."""
    if not transcript:
        return []
    posts = [s for s, _e in post_counters(text) if start <= s < end]
    starts = sorted({m.start() for m in _turns(text).finditer(text, start, end)} | set(posts))
    if not starts or (len(starts) == 1 and not text[start : starts[0]].strip()):
        return []
    return cut_at(text, start, end, starts)


def cut_at(text: str, start: int, end: int, starts: list[int]) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at each of ``starts`` (the text before the first kept as its own span)."""
    spans = [(start, starts[0])] if text[start : starts[0]].strip() else []
    return spans + list(zip(starts, [*starts[1:], end], strict=True))


# a question or its answer opening a line: "问：…" / "答：…", "Q: …" / "A: …" (an investor-relations record, an FAQ)
_QA = re.compile(r"^[ \t]*(?P<mark>问|問|答|Q|A)[ \t]*[：:]", re.M)


def answer_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The questions and answers of a section ``text[start:end]`` written as "问：…" / "答：…" lines, each
    its own stretch, when two answers or more cite an address inside them (an answer cites what it links
    to, not its neighbour's links); [] otherwise (answers whose sources are listed elsewhere are not cut)."""
    if "://" not in text[start:end]:
        return []
    marks = [(m.start(), m.group("mark")) for m in _QA.finditer(text, start, end)]
    if len(marks) < 3:
        return []
    starts = [at for at, _ in marks]
    ends = [*starts[1:], end]
    if sum(mark in "答A" and "://" in text[a:b] for (a, mark), b in zip(marks, ends, strict=True)) < 2:
        return []
    return cut_at(text, start, end, starts)


# a cue opening a line of a video or broadcast script: 【口播】 the words spoken, 【画面】 the picture, 【字幕】 a caption
_CUE = re.compile(
    r"^[ \t]*【(?:口播|画面|畫面|字幕|旁白|解说|解說|镜头|鏡頭|同期声|同期聲|配音|开场|開場|结尾|結尾|片头|片頭|片尾|音效|花字|场景|場景)】",
    re.M,
)
_MARK_OR_LINK = re.compile(r"\[\d{1,3}\]|://")


def cue_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cue lines of a script's section ``text[start:end]`` ("【口播】…", "【画面】…", "【字幕】…"), each its own
    stretch, when two or more of them cite a source inside them (a ``[n]`` mark or an address): a spoken line
    cites its own marks, not the line before's; [] otherwise."""
    if "【" not in text[start:end]:
        return []
    starts = [m.start() for m in _CUE.finditer(text, start, end)]
    if len(starts) < 3:
        return []
    ends = [*starts[1:], end]
    if sum(_MARK_OR_LINK.search(text, a, b) is not None for a, b in zip(starts, ends, strict=True)) < 2:
        return []
    return cut_at(text, start, end, starts)


def find_headings(text: str, body_start: int = 0) -> list[Heading]:
    """Heading lines of ``text`` at or after ``body_start`` (front matter is skipped by the caller)."""
    lines = _lines(text)
    # a rule of ===, ---, ═ or ─ above or under a line sets it apart as a blank line does (and a
    # line underlined with one is a setext heading); each line is tested once
    blank = [_blank_or_rule(line) for _start, _end, line in lines]
    headings: list[Heading] = []
    org = is_org(text)
    for i, (start, end, line) in enumerate(lines):
        if start < body_start:
            continue
        line = line.lstrip("\ufeff")  # a byte-order mark before the first heading
        md = (
            _MD_HEADING.match(line) if line[:1] == "#"
            else _ORG_HEADING.match(line) if org and line[:1] == "*"
            else _WIKI_HEADING.match(line) if line[:2] == "=="
            else None
        )
        if md:
            title = md.group(2).strip()
            item = bool(_ITEM.match(title))
            headings.append(
                Heading(start, end, _ITEM.sub("", title, count=1) if item else title, len(md.group(1)), item)
            )
            continue
        prev_blank = i == 0 or blank[i - 1] or lines[i - 1][0] < body_start
        next_blank = i + 1 >= len(lines) or blank[i + 1]
        if not next_blank and _item_title(line, lines[i + 1][2]):
            next_blank = True  # "5. 台穎材料（上櫃8429）" over its paragraph: an item's title
        below = lines[i + 1][2] if i + 1 < len(lines) else ""
        marked = _marked_title(line, next_blank) if prev_blank else None
        if marked is not None:
            headings.append(Heading(start, end, marked, 2, False))
            continue
        outline = prev_blank and not next_blank and (
            _outline_title(line, below) or _caps_title(line) or _list_title(line, below)
            # (a form's field in lenticular brackets heads the items under it: "【今日完成工作】" over "1、…")
            or (_BRACKETED_TITLE.fullmatch(line.strip()) is not None and _ITEM.match(below.lstrip()) is not None)
        )
        if outline or _is_plain_heading(line, prev_blank, next_blank):
            s = line.strip()
            emphasis = _EMPHASIS.match(s)
            if emphasis:  # **今日要闻** or 【今日要闻】 on a line of its own
                s = emphasis.group(1).strip()
            item = bool(_ITEM.match(s))
            headings.append(
                Heading(start, end, _ITEM.sub("", s, count=1).strip() if item else s, 3 if item else 2, item)
            )
    return headings
