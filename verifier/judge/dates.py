"""Date claims, pure: a passage that states the date for the claim's event, or the page's own
dateline when the page is about the claim's subject."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extract import sentence_spans
from claims.grouping_events import event_classes, events_apart
from claims.model import Value
from verifier.judge.compare import (
    compare_values,
    date_precision,
    date_resolution,
    normalise_version,
)
from verifier.judge.evidence import (
    Assessment,
    Thresholds,
    draft_evidence,
    on_sparse_page,
)
from verifier.judge.frames import clause_span, period_end_before, period_marks
from verifier.judge.matching import (
    ClaimQuery,
    PassageScore,
    SnapshotIndex,
    passage_values,
)
from verifier.judge.rules import Finding

_RELEASE = re.compile(
    r"发布|释出|宣布|公布|披露|提交|推出|上线|官宣|启动|开源|release|announc|launch|submit|unveil|introduc|said on"
    r"|\breport(?=s\b|ed\b)"  # a company "reported results on …": the report is the dated event
    r"|\bpublish(?:es|ed)?\b|\bissued\b|\bc(?:a|o)mes? out\b",  # "results came out after the close on Nov 19"
    re.IGNORECASE,
)
# (the claim sentence is read in Simplified script: 釋出, Taiwan's word for a release, is 释出)
# an update is dated by the page it is on, but a page's dateline says nothing against a later update
_UPDATE = re.compile(r"更新|updat", re.IGNORECASE)
# a passage that says its event happened "today" is dated by its page's dateline, whatever the verb
_TODAY = re.compile(r"\btoday\b|今天|今日|本日", re.IGNORECASE)
# a date that ends or bounds a period ("the quarter ended October 31", "截至10月31日") is not an event's


# a year spelled in numerals dates itself (二零一八年, 公元二零零八年): no relative date, though it has no digit
_SPELLED_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}\s*年")


def is_relative(raw: str) -> bool:
    """Is a date written without a figure of its year ("明年第三季度", "年内", "later this year", 十月)?"""
    return not re.search(r"\d", raw) and _SPELLED_YEAR.search(raw) is None


def year_basis(raw: str) -> str | None:
    """"fiscal" or "calendar" when a date's own words say which year it is counted in (read as every clause's
    period is), else None: "the first half of fiscal 2027" is not "the first half of calendar 2027", whatever
    the two values read."""
    marks = period_marks(raw) & {"fiscal", "calendar"}
    return next(iter(marks)) if len(marks) == 1 else None


def assess_date(q: ClaimQuery, claimed: Value, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    out = Assessment()
    # 今年晚些时候, "later this year" (not a day said in words: 上周三, 三月一日 name their day as 12月30日 does)
    relative = not re.search(r"\d", claimed.raw) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(claimed.value))
    this_year = is_relative(claimed.raw) and str(claimed.value).isdigit()  # 年内, "this year": a bare year, relative
    reference = _reference_year(claimed) if relative else None
    basis = year_basis(claimed.raw)
    other_basis: tuple[PassageScore, Value] | None = None
    for ps in passages:
        # many dates on one page: the passage must speak to the claim, not merely share a date (a page
        # with dates in at most two passages offers few coincidences: its exact date needs less)
        sparse = on_sparse_page(ps, "date", t)
        close = ps.context >= t.date_context and (ps.near >= t.near_share or ps.context >= t.contradict_context)
        if not close and not sparse and not (reference is not None and ps.context >= t.date_context):
            continue
        # a relative claim in a passage that speaks to it less closely meets only the page's own
        # relative dates (去年八月 / "August last year"): the same words, not a coincidental date
        found_values = list(ps.passage.values) if close or sparse else []
        if reference is not None and not ps.index.published:
            # a page without a dateline: its own relative dates ("later this year") meet a relative
            # claim read in the same year — support only, never a contradiction
            found_values += [v for v in passage_values(ps.passage.text, reference) if v.kind == "date" and not re.search(r"\d", v.raw)]
        for pv in found_values:
            if this_year and (re.search(r"\d", pv.raw) or len(str(pv.value)) != 4):
                continue  # "年内", "this year": only the page's own "this year" says as much, not a quarter of it
            cmp = compare_values(claimed, pv)
            # a coarser page date ("2026") does not support a full one
            if cmp.agrees and date_precision(pv.value) >= date_precision(claimed.value):
                # (… and said of the claim's event: a founding year does not date a listing)
                if events_apart(q.sentence, _sentence_of(ps.passage.text, pv.start, pv.end)):
                    continue
                # (… and, a day ending a quarter or a half, the end of the one the claim names)
                if _parts_apart(q.sentence, claimed, ps.passage.text, pv):
                    continue
                if basis is not None and year_basis(pv.raw) not in (None, basis):
                    other_basis = other_basis or (ps, pv)  # the same half, counted in the other year
                    continue
                out.add(Finding("supports", ps.context, "date", "passage"), draft_evidence(ps, "supports", ps.context, pv))
                break
    if not out.findings and other_basis is not None:
        ps, pv = other_basis
        out.add(Finding("contradicts", ps.context, "date", "period"), draft_evidence(ps, "contradicts", ps.context, pv))
        return out
    if out.findings and not relative:
        told = _event_told_otherwise(q, claimed, passages, out, t)
        if told is not None:
            ps, pv = told
            contradicted = Assessment()
            contradicted.add(Finding("contradicts", ps.context, "date", "event"), draft_evidence(ps, "contradicts", ps.context, pv))
            return contradicted
    if not out.findings and not relative:
        slip = _lone_day_slip(claimed, passages, t)
        if slip is not None:
            ps, pv = slip
            out.add(Finding("contradicts", ps.context, "date", "day_slip"), draft_evidence(ps, "contradicts", ps.context, pv))
            return out
    release = bool(_RELEASE.search(q.sentence))
    dated = release or bool(_UPDATE.search(q.sentence))
    best_by_page: dict[int, PassageScore] = {}
    for ps in passages:
        best_by_page.setdefault(ps.index.snapshot_id, ps)
    for idx in indexes:
        page_best = best_by_page.get(idx.snapshot_id)
        if not idx.published or page_best is None:
            continue
        ps = page_best
        today = bool(_TODAY.search(ps.passage.text)) and ps.context >= t.contradict_context
        # support needs less: any passage of the page that speaks to the claim says its event is today's
        # ("MIDDLESBROUGH, 24 November 2026 — Albury Compute today announced the alliance")
        today_somewhere = today or any(
            p.index.snapshot_id == idx.snapshot_id and p.context >= t.date_context and _TODAY.search(p.passage.text)
            for p in passages
        )
        dateline = Value(raw=idx.published, value=idx.published, unit="date", kind="date")
        cmp = compare_values(claimed, dateline)
        about_page = _title_names_subject(q, idx)
        full = len(str(claimed.value)) >= 7  # a bare year is not what a dateline confirms
        if cmp.agrees and full and (about_page or ps.context >= t.date_context) and (dated or today_somewhere):
            draft = draft_evidence(ps, "supports", ps.context, None)
            draft.matched_value = idx.published
            out.add(Finding("supports", max(ps.context, 0.6), "date", "dateline"), draft)
        elif cmp.disagrees and about_page and (release or today) and len(str(claimed.value)) >= 10:
            draft = draft_evidence(ps, "contradicts", ps.context, None)
            draft.matched_value = idx.published
            out.add(Finding("contradicts", 0.7, "date", "dateline"), draft)
    return out


def _parts(text: str) -> frozenset[str]:
    return frozenset(m for m in period_marks(text) if m[:1] in {"q", "h"} and m[1:].isdigit())


def _parts_apart(sentence: str, claimed: Value, text: str, found: Value) -> bool:
    """The claim's day ends a quarter or half its sentence names ("截至2026年10月25日的第二财季") and the page's
    same day ends another ("the third quarter of fiscal 2027, ended October 25, 2026")."""
    if len(str(claimed.value)) != 10 or not period_end_before(text, found.start, strict=True):
        return False
    mine, theirs = _parts(sentence), _parts(_sentence_of(text, found.start, found.end))
    return bool(mine) and bool(theirs) and not mine & theirs


def _reference_year(claimed: Value) -> int | None:
    """The year a relative date was read in (去年八月 read in 2026 is 2025-08: 2026), so that a page's
    own relative dates are read in the same year; None when the value does not say."""
    head = str(claimed.value)[:4]
    if not head.isdigit():
        return None
    year = int(head)
    for ref in (year, year + 1, year - 1):
        got = [v for v in passage_values(claimed.raw, ref) if v.kind == "date"]
        if got and got[0].value == claimed.value:
            return ref
    return None


# what an event verb says happened, across scripts: a release is a release whatever the word
_EVENT_OF = {
    "发布": "release", "释出": "release", "推出": "release", "上线": "release", "release": "release",
    "launch": "release", "unveil": "release", "introduc": "release", "开源": "open", "宣布": "announce",
    "公布": "announce", "披露": "announce", "官宣": "announce", "announc": "announce", "report": "announce", "提交": "submit", "submit": "submit",
}


def _events(text: str) -> frozenset[str]:
    """The events a sentence dates: its release verbs, and the event classes of data/events.tsv ("reached
    financial close" is a funding)."""
    verbs = frozenset(_EVENT_OF.get(m.group(0).lower(), m.group(0).lower()) for m in _RELEASE.finditer(text))
    return verbs | {f"class:{c}" for c in event_classes(text)}


_HASHTAG = re.compile(r"#[^#\s]{1,30}#")


def _claimed_events(sentence: str, claimed: Value) -> frozenset[str]:
    """The events the claim's date dates: those of its own clause when another clause of the sentence holds a
    date of its own ("招股到12月4日截止，12月8日在港交所主板挂牌": the listing is the 8th's, not the 4th's)."""
    sentence = _HASHTAG.sub(lambda m: " " * len(m.group()), sentence)  # a topic tag (#港股IPO#) dates nothing
    at = sentence.find(claimed.raw)
    if at >= 0:
        s, e = clause_span(sentence, at, at + len(claimed.raw))
        if any(v.kind == "date" and not s <= v.start < e for v in passage_values(sentence)):
            return _events(sentence[s:e])
    return _events(sentence)


def _sentence_of(text: str, start: int, end: int) -> str:
    return next((text[s:e] for s, e in sentence_spans(text, 0, len(text)) if s <= start and end <= e), text)


def _event_told_otherwise(
    q: ClaimQuery, claimed: Value, passages: list[PassageScore], found: Assessment, t: Thresholds
) -> tuple[PassageScore, Value] | None:
    """The date that supports the claim sits beside fewer of the claim's event words than another full
    date of the claim's year does ("6 月 9 日发布并开源 V4.5" met by an update stamp "更新（6 月 9 日）… 开源权重
    模型" while "6 月 4 日，DeepSeek 正式发布并开源 V4.5" is on the same page): that other date is the event's."""
    wanted = _claimed_events(q.sentence, claimed)
    if not wanted or date_resolution(claimed.value) < 2:
        return None
    backing = max(
        (len(wanted & _events(_sentence_of(d.passage, *d.highlight[0]))) if d.highlight else len(wanted & _events(d.passage)) for d in found.evidence),
        default=0,
    )
    best: tuple[int, float, PassageScore, Value] | None = None
    for ps in passages:
        if ps.context < t.date_context:
            continue
        for pv in ps.passage.values:
            if pv.kind != "date" or date_resolution(pv.value) < 2 or not compare_values(claimed, pv).disagrees:
                continue
            if not str(pv.value).startswith("--") and str(pv.value)[:4] != str(claimed.value)[:4]:
                continue
            if period_end_before(ps.passage.text, pv.start):
                continue  # "for the quarter ended October 31": the period's end, not the event's date
            met = len(wanted & _events(_sentence_of(ps.passage.text, pv.start, pv.end)))
            if met > backing and (best is None or (met, ps.context) > best[:2]):
                best = (met, ps.context, ps, pv)
    return (best[2], best[3]) if best is not None else None


def _title_names_subject(q: ClaimQuery, idx: SnapshotIndex) -> bool:
    """The page's title carries a name the claim's sentence gives (the page is about the subject)."""
    title = normalise_version(idx.title)
    return any(len(normalise_version(n)) >= 4 and normalise_version(n) in title for n in q.context_names)


def _lone_day_slip(claimed: Value, passages: list[PassageScore], t: Thresholds) -> tuple[PassageScore, Value] | None:
    """The one date of a passage that speaks squarely to the claim (or of a page with few dates), of the
    claim's month and another day: the date copied with a slip, as a lone digit slip is for figures."""
    for ps in passages:
        if ps.context < t.slip_context and not on_sparse_page(ps, "date", t):
            continue
        dates = [pv for pv in ps.passage.values if pv.kind == "date"]
        if len(dates) == 1 and compare_values(claimed, dates[0]).detail == "day_slip" and len(_DAY_OF_MONTH.findall(ps.passage.text)) <= 1:
            return ps, dates[0]
    return None


# a day of the month, with its month or without ("12月15日", "今日（7日）起至本周四（10日）"): a passage that writes
# more than one has more than one date, though only one is read in full
_DAY_OF_MONTH = re.compile(r"(?<!\d)\d{1,2}\s*[日号號](?!元)")
