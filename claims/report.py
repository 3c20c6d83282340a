"""Reading a report: bytes → text (with clear refusals), text → sections, sources, title and date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import yaml

from claims.casual_dates import dated_by_weekday
from claims.citations import (
    CIRCLED,
    find_references,
    find_sources,
    footnote_numbers,
    link_definitions,
    named_ref_uses,
    named_refs,
    reference_links,
)
from claims.comment_threads import is_comment_thread, submission_title, top_level_comments
from claims.csv_rows import csv_row_spans
from claims.email_thread import message_spans, sent_dates
from claims.errors import ReportError
from claims.forum_floors import floor_spans
from claims.html_report import html_item_spans
from claims.model import ParsedReport, Section, SectionKind, SourceRef
from claims.sections import (
    ORG_KEYWORD,
    Heading,
    answer_spans,
    classify_heading,
    clean_heading,
    cue_spans,
    find_headings,
    is_item_heading,
    is_transcript,
    item_titles_kept_in,
    members_link_named,
    source_paragraph_spans,
    turn_sender,
    turn_spans,
)
from claims.textnorm import cjk_share_above, is_traditional, matching_view
from claims.values import parse_dates
from claims.views import document_view

__all__ = ["decode_report", "parse_report"]

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_DATE_LINE = re.compile(r"^[ \t#*+]*(?:日期|Date|发布日期|時間|时间)\s*[：:]\s*(?P<rest>.+)$", re.M | re.I)
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]*\[\^\d{1,3}\]:[^\n]*$", re.M)
_CIRCLED_NOTE = re.compile(rf"^[ \t]*[{CIRCLED}][^\n]*$", re.M)
# "[a] https://…" (a Google Docs export's notes), "[1] 芯衡科技：三季报\nhttps://…" (a WeChat article's 参考资料):
# a list of notes under a label line or none, not under a heading of its own
_LISTED_NOTE = re.compile(r"^[ \t]*\[(?:[a-z]{1,2}|\d{1,3})\][ \t]*\S[^\n]*$", re.M)
_SUBJECT_LINE = re.compile(r"\s*(?:Subject|主题|主題|标题|標題|模板名称|模板名稱)[ \t]*[：:][ \t]*(?P<title>[^\n]+)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_report(data: bytes, name: str, max_bytes: int) -> str:
    """UTF-8 text of a report file, or :class:`ReportError` saying why it cannot be read."""
    if len(data) > max_bytes:
        raise ReportError(f"{name}: {len(data)} bytes is over the {max_bytes}-byte limit for a report")
    if not data.strip():
        raise ReportError(f"{name}: the report is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReportError(f"{name}: the report is UTF-16, not UTF-8", hint="save the report as UTF-8")
    if b"\x00" in data[:65536]:
        raise ReportError(f"{name}: looks like a binary file, not a text report")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportError(
            f"{name}: not valid UTF-8 (byte {exc.start})", hint="save the report as UTF-8"
        ) from exc
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise ReportError(f"{name}: looks like a binary file (control characters), not a text report")
    return text


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _front_matter(text: str) -> tuple[dict[str, Any], int]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        _check_front_matter(m.group("body"))
        data = yaml.safe_load(m.group("body"))
    except yaml.YAMLError:
        return {}, 0
    except ValueError as e:  # YAML read "date: 2026-13-45" as a timestamp and the calendar refused it
        raise ReportError(f"front matter holds an impossible date ({e}); write it as YYYY-MM-DD") from e
    return (data if isinstance(data, dict) else {}), m.end()


MAX_FRONT_MATTER = 64_000
MAX_FRONT_MATTER_DEPTH = 20


def _check_front_matter(body: str) -> None:
    """Refuse front matter that costs more than it is worth: over 64 kB, nested deeper than 20,
    or using anchors/aliases (an alias bomb expands exponentially). Streams parser events, so
    nothing is built before the check passes."""
    if len(body) > MAX_FRONT_MATTER:
        raise ReportError(f"front matter is {len(body)} characters; at most {MAX_FRONT_MATTER}")
    depth = 0
    for event in yaml.parse(body, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ReportError("front matter uses YAML anchors or aliases, which are not accepted")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_FRONT_MATTER_DEPTH:
                raise ReportError(f"front matter is nested deeper than {MAX_FRONT_MATTER_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _first_date(text: str) -> dt.date | None:
    """The first full date ``parse_values`` reads in ``text`` (only its date pass can give one)."""
    for v in parse_dates(text):
        if v.kind == "date" and isinstance(v.value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.value):
            try:
                return dt.date.fromisoformat(v.value)
            except ValueError:
                continue
    return None


def _report_date(meta: dict[str, Any], view: str, title: str, body_start: int) -> dt.date | None:
    raw = meta.get("date")
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str) and (found := _first_date(raw)):
        return found
    m = _DATE_LINE.search(view, body_start)
    if m and (found := _first_date(m.group("rest"))):
        return found
    head = _visible_head(view, body_start, 600)
    return _first_date(title) or _first_date(head) or dated_by_weekday(head, parse_dates(head), view)


def _visible_head(view: str, start: int, size: int) -> str:
    """The first ``size`` characters the text shows from ``start``, its runs of blanks read as one (a saved web
    page's view blanks its markup: the masthead's date stands thousands of characters in)."""
    words: list[str] = []
    length = 0
    for m in re.finditer(r"\S+", view[start : start + 40 * size]):
        words.append(m.group())
        length += len(m.group()) + 1
        if length >= size:
            break
    return " ".join(words)[:size]


def _kinds(headings: list[Heading]) -> list[SectionKind]:
    """Each heading's kind: its own cue words, or its group's kind for item titles."""
    kinds: list[SectionKind] = []
    group: SectionKind | None = None
    group_level = 0
    for i, h in enumerate(headings):
        own = classify_heading(h.text)
        if i == 0 and h.level == 1 and not h.item:
            # the report's title ("# 每周 AI 观察") names the whole report, not a group of sections
            kinds.append(own or "other")
            continue
        # an item title under a group inherits its kind — a deeper heading, or a numbered title at the
        # group's own level under a list heading (## 今日 Top 5 大事件 / ## 2. …); a summary is one passage,
        # not a list: "## 一、…" after "## 今日总览" starts a section of its own
        same_level_item = h.item and group != "summary"
        if group and (h.level > group_level or same_level_item) and own != "references":
            kinds.append(group)
            continue
        kinds.append(own or "other")
        group, group_level = (own, h.level) if own else (None, 0)
    return kinds


def _listed_notes(
    view: str, lines: Iterable[re.Match[str]], references: list[SourceRef], listed: set[int]
) -> list[tuple[int, int]]:
    """Add the references of notes given a line each (their URL on that line or the next) that are not listed
    yet; return the spans of those notes' lines and addresses."""
    spans: list[tuple[int, int]] = []
    for m in lines:
        below = view.find("\n", m.end() + 1)
        for ref in find_references(view, m.start(), below if below >= 0 else len(view)):
            if ref.start not in listed:
                references.append(ref)
                listed.add(ref.start)
                spans += [(m.start(), m.end()), (ref.start, ref.end)]
    return spans


# a paragraph that opens on a summary label ("📌 总结：…", "TL;DR: …"), an emoji or a mark before it
_SUMMARY_LABEL = re.compile(
    r"(?:^|\n[ \t]*\n)[ \t]*(?:[^\w\s]{1,3}[ \t]*)?(?P<label>总结|小结|结语|一句话总结|编者按|編者按|編輯室觀點|编辑室观点"
    r"|我的看法|个人看法|個人看法|我的观点|我的觀點|个人观点|個人觀點|小编观点|笔者观点"
    r"|Summary|TL;DR|In short|Bottom line|The bottom line|Takeaways?|My take|Our take|My view|Our view)[ \t]*[：:]",
    re.I,
)


def _closing_summary(view: str, heading: str, kind: SectionKind, start: int, end: int) -> list[tuple[str, SectionKind, int, int]]:
    """A section whose pages are cited before a closing paragraph that opens on a summary label and cites
    nothing ("🔗 https://…" then "📌 总结：…"): the paragraph is a summary of its own, resting on the report's
    pages, not on the section's last link."""
    if kind == "references" or "://" not in view[start:end]:
        return [(heading, kind, start, end)]
    for m in _SUMMARY_LABEL.finditer(view, start, end):
        at = view.rfind("\n", start, m.start("label")) + 1
        if at > start and "://" in view[start:at] and "://" not in view[at:end]:
            return [(heading, kind, start, at), ("", kind, at, end)]
    return [(heading, kind, start, end)]


def _sections(text: str, shown: str, view: str, body_start: int) -> tuple[tuple[Section, ...], tuple[SourceRef, ...]]:
    """The report's sections with the sources each cites (``shown``: the text as its format shows it, ``view``: the
    same read for matching), and its list of references."""
    headings = item_titles_kept_in(view, find_headings(view, body_start))
    spans: list[tuple[str, SectionKind, int, int]] = []
    first = headings[0].start if headings else len(text)
    if view[body_start:first].strip():
        spans.append(("", "other", body_start, first))
    following: list[Heading | None] = [*headings[1:], None] if headings else []
    for h, kind, nxt in zip(headings, _kinds(headings), following, strict=True):
        spans.append(
            (
                clean_heading(shown[h.start : h.end]),
                kind,
                h.start,
                nxt.start if nxt else len(text),
            )
        )
    transcript = is_transcript(view)
    # a section is cut, in turn, into a transcript's turns, a record's questions and answers, the paragraphs its
    # source lines close and a CSV block's rows, each citing its own sources (a reference list is never cut)
    splitters: tuple[Callable[[int, int], list[tuple[int, int]]], ...] = (
        lambda a, b: html_item_spans(text, view, a, b),  # (a saved newsletter's layout cells)
        lambda a, b: message_spans(text, a, b),  # (the view blanks the header blocks)
        lambda a, b: floor_spans(text, a, b),  # (… and a thread's floor numbers)
        lambda a, b: turn_spans(view, a, b, transcript=transcript),
        lambda a, b: answer_spans(view, a, b),
        lambda a, b: cue_spans(view, a, b),
        lambda a, b: source_paragraph_spans(view, a, b),
        lambda a, b: csv_row_spans(text, a, b),  # (the rows as written: the view joins a figure to its unit cell)
    )
    for split in splitters:
        spans = [
            (heading, kind, s, e)
            for heading, kind, start, end in spans
            for s, e in ((split(start, end) if kind != "references" else []) or [(start, end)])
        ]
    spans = [piece for span in spans for piece in _closing_summary(view, *span)]
    references: list[SourceRef] = []
    for _heading, kind, start, end in spans:
        if kind == "references":
            references.extend(find_references(view, start, end))
    listed = {r.start for r in references}
    for m in _FOOTNOTE_DEFINITION.finditer(view):  # "[^2]: https://…" anywhere in the text
        for ref in find_references(view, m.start(), m.end()):
            if ref.start not in listed:
                references.append(ref)
    # "① 36 氪：《…》，\nhttps://…" at the foot of a page
    _listed_notes(view, _CIRCLED_NOTE.finditer(view), references, listed)
    # the listed notes' lines and addresses: no citation of where they stand
    notes = _listed_notes(view, _LISTED_NOTE.finditer(view) if "[" in view else (), references, listed)
    # "[4]: https://…" link definitions anywhere: the numbered ones are the report's references too
    definitions = link_definitions(view)
    defined = [(d.start, d.end) for d in definitions.values()] + notes
    for d in definitions.values():
        if d.ref_number is not None and d.start not in listed:
            references.append(d)
    by_number = {r.ref_number: r for r in references if r.ref_number is not None}
    wiki_notes = named_refs(text)
    sections = []
    for order, (heading, kind, start, end) in enumerate(spans):
        if kind == "references":
            sources = [r for r in references if start <= r.start < end] or find_sources(view, start, end)
        else:
            # a definition line is no citation of the section it stands in
            sources = [r for r in find_sources(view, start, end) if not any(a <= r.start < b for a, b in defined)]
            for ref in [*reference_links(view, start, end, definitions), *named_ref_uses(text, start, end, wiki_notes)]:
                if ref not in sources and not any(r.url is not None and r.url == ref.url for r in sources):
                    sources.append(ref)
            for number, at, _e in footnote_numbers(view[start:end]):
                if notes and any(a <= start + at < b for a, b in notes):
                    continue  # the note's own mark ("[a] https://…"), not a citation
                if number in by_number and _on_its_line(view, start + at, by_number[number].start):
                    continue  # (… however the note was listed: "[7] 独家｜… https://…" under 参考链接)
                if number in by_number and by_number[number] not in sources:
                    # the numbered note stands for the same URL written in the section ("① …\nhttps://…")
                    sources = [r for r in sources if r.ref_number is not None or r.url != by_number[number].url]
                    sources.append(by_number[number])
        if kind == "summary" and sources and is_item_heading(heading):
            # a numbered item under a commentary group ("【公司点评】" over "4. 辰砂半导体：…") that cites its own
            # page is a sourced item, not the report's analysis: its facts are checked as any item's are
            kind = "other"
        sections.append(Section(order, heading, kind, start, end, tuple(sources)))
    return _answers_to_a_members_link(view, _comments_on_the_submission(text, tuple(sections))), tuple(references)


def _comments_on_the_submission(text: str, sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """A thread's comment that answers the submission and links nothing of its own speaks of the submitted page:
    it cites the submission's address (a reply citing nothing still cites nothing)."""
    tops = set(top_level_comments(text)) if sections and sections[0].sources else set()
    if not tops:
        return sections
    submitted = sections[0].sources
    return tuple(
        replace(s, sources=submitted) if s.start in tops and not s.sources and s.kind != "references" else s
        for s in sections
    )


def _answers_to_a_members_link(view: str, sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """A chat message that says which member's link it answers ("re Priya's link: run-rate is just under $400m")
    and links nothing of its own speaks of the page that member last linked: it cites that page."""
    if "'s " not in view and "’s " not in view:
        return sections
    linked: list[tuple[str, tuple[SourceRef, ...]]] = []  # (sender, sources) of the messages linking something
    out = list(sections)
    for i, section in enumerate(sections):
        sender = turn_sender(view, section.start)
        if sender is None or section.kind == "references":
            continue
        who, body = sender
        if section.sources:
            linked.append((who.lower(), section.sources))
        elif (named_member := members_link_named(view, body)) is not None:
            name = named_member[0].lower()
            named = [src for member, src in linked if member == name or member.split()[0] == name]
            if named:
                out[i] = replace(section, sources=named[-1])
    return tuple(out)


def _on_its_line(view: str, mark: int, address: int) -> bool:
    """Does a note's mark open the line its address stands on ("[7] title https://…")?"""
    line_start = view.rfind("\n", 0, mark) + 1
    return not view[line_start:mark].strip() and line_start <= address and "\n" not in view[mark:address]


def parse_report(text: str, name: str) -> ParsedReport:
    """Sections (with kinds and cited sources), title, date and language of a report's text."""
    if not text.strip():
        raise ReportError(f"{name}: the report is empty")
    shown = document_view(text)
    if not shown.strip():  # (a saved page or a transcript whose markup holds no words)
        raise ReportError(f"{name}: the report shows no text, only markup", hint="save the page with its content, or export it as text")
    view = matching_view(shown)
    meta, body_start = _front_matter(text)
    sections, references = _sections(text, shown, view, body_start)
    title = str(meta.get("title") or "").strip()
    if not title and (subject := _SUBJECT_LINE.match(text, body_start)):  # an email's "Subject:" names it
        title = subject.group("title").strip()
    org = {m.group("key").upper(): m.group("value").strip() for m in ORG_KEYWORD.finditer(text, body_start, body_start + 2000)}
    title = title or org.get("TITLE", "")
    if not title and is_comment_thread(text):
        title = submission_title(view[body_start : body_start + 4000])  # the submission's title, over the site's menu
    if not title:
        first = next((s for s in sections if s.heading and s.kind != "references"), None)  # (a link list titles nothing)
        title = first.heading if first else text[body_start:].strip().split("\n", 1)[0][:200]
    # (an e-mail thread is dated by its latest message: the view blanks the header blocks' dates)
    sent = [d for d in map(_first_date, sent_dates(text)) if d is not None]
    date = max(sent) if sent else _report_date(meta, view, matching_view(title), body_start)
    language = "zh-Hant" if is_traditional(text) else ("zh" if cjk_share_above(text[:20000], 0.05) else "en")
    return ParsedReport(
        name=name,
        text=text,
        title=title,
        date=date,
        language=language,
        sections=sections,
        references=references,
        meta=_json_safe(meta),
    )
