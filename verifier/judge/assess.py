"""Assess one claim against the indexed snapshots of its sources (pure): findings for the verdict
rules and the evidence to keep.

Per kind of claim:
- numbers (money, percent, count): the page's figure for the same quantity is the comparable value
  (same unit family) in a passage that speaks to the claim, bound by the noun it counts; an agreeing
  one supports; a scale slip, transposed digits, or a differing figure bound to the same noun
  contradicts; the same digits on another unit next to the same subject is a garbled unit;
- dates: a passage that states the date, or the page's own dateline when the page is about the
  claim's subject; a release date that differs from the dateline of a page titled with the claim's
  subject contradicts;
- versions: normalised strings on the page; a model family the page lists with other versions only
  contradicts;
- facts: names (fuzzy on the page; a near-miss name contradicts) or, for Chinese-only keys, the key's
  concepts through the lexicon and the dictionary bridge.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claims.model import Value
from verifier.judge.change_words import change_said_of_figure
from verifier.judge.compare import (
    compare_values,
    met_families,
)
from verifier.judge.dates import assess_date, is_relative
from verifier.judge.evidence import (
    Assessment,
    Thresholds,
)
from verifier.judge.frames import period_marks
from verifier.judge.matching import (
    ClaimQuery,
    PassageScore,
    SnapshotIndex,
    build_query,
    passage_values,
    score_passages,
)
from verifier.judge.names import assess_fact, assess_version, short_of_record
from verifier.judge.numbers import assess_number, with_alignment
from verifier.judge.openness import open_release_said
from verifier.judge.polarity import with_polarity
from verifier.judge.range_ends import range_end_said
from verifier.judge.ratios import with_implied_change
from verifier.judge.rules import Finding
from verifier.judge.statements import sentence_values
from verifier.judge.successions import replaced_version_said
from verifier.judge.withheld import with_withheld


def assess_claim(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds | None = None) -> Assessment:
    """Findings and evidence for one claim from the indexes of the snapshots it rests on.

    The thresholds above decide what counts; a counted finding's score is mapped to [0.5, 1]
    (0.5 + half its relevance) for the verdict rules and the confidence."""
    out = _assess(q, indexes, t or Thresholds())
    out.findings = [replace(f, score=0.5 + 0.5 * min(1.0, max(0.0, f.score))) for f in out.findings]
    return out


# a change said as a verb right before its figure: "较上年同期增加17.37个百分点", "shipments rose 3%", "提升至18%"
_CHANGE_WORD = re.compile(
    r"(?:增加|增长|下降|减少|上升|下滑|提升|提高|降低|上涨|下跌|回落|扩大|收窄|[年月季][增减]"
    r"|\b(?:rose|fell|grew|declined|dropped|increased|decreased|climbed|jumped|slid|gained|was up|was down))"
    r"(?:至|到)?\s*$",  # (its end named: "占比提升至18%")
    re.IGNORECASE,
)
_FIGURE_AFTER = re.compile(r"\s*(?:了|by|to)?\s*(?=[\d$€£¥])", re.IGNORECASE)


def _change_figure(q: ClaimQuery) -> Value | None:
    """The figure a fact claim's change verb is said of, right after its key ("增加" → 17.37个百分点), or
    the figure its bound is said of ("按不低于总投资" → 10%, read as "at least 10%"; "在手订单接近" → 15亿元, nearly reached)."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return None
    change = _CHANGE_WORD.search(q.key_text) is not None
    if not change and not _BOUND_WORD.search(q.key_text):
        return None
    end = at + len(q.key_text)
    gap = _FIGURE_AFTER.match(q.sentence, end)
    if gap is None:
        return None
    return next(
        (
            v for v in sentence_values(q.sentence)
            if v.start == gap.end() and v.kind in {"percent", "money", "count"} and isinstance(v.value, float)
            and (change or v.qualifier != "=")
        ),
        None,
    )


# a bound word inside a fact's key, said of the figure right after it
_BOUND_WORD = re.compile(r"接近|逼近|将近|\bnearly\b|\balmost\b|不低于|不超过|不少于|不多于|不高于|不足|不到|至少|最多|最高|超过|低于|高于|少于|多于")


# a key that names only a period ("fourth-quarter", "第三季度"), then its measure and the figure within a few words
# (a period that opens its clause may close with a comma: "2026年上半年，公司收入5.9亿元")
_MEASURE_GAP = re.compile(r"(?:\s*[,，](?=\s*\D))?[^\d$€£¥.;；。,，]{1,40}?(?=[$€£¥]?\d)")
# a date that is a part of a year (2026-H1, 2027-Q2): the period of a figure as often as an event's date
_PART_OF_YEAR = re.compile(r"\d{4}-[HQ][1-4]")


def _period_figure(q: ClaimQuery) -> Value | None:
    """The figure a fact claim's key gives the period of ("fourth-quarter revenue of $6.84 billion"), or a date
    claim's half or quarter ("2026年上半年营收28.6亿元")."""
    marks = period_marks(q.key_text)
    if not marks or any(m.startswith("r") for m in marks) or len(q.key_text) > 24:
        return None
    if re.search(r"\d", q.key_text) and not (q.kind == "date" and q.values and _PART_OF_YEAR.fullmatch(str(q.values[0].value))):
        return None
    return _figure_after_key(q, frozenset({"money", "percent", "count"}))


def _figure_after_key(q: ClaimQuery, kinds: frozenset[str], *, at_once: bool = False) -> Value | None:
    """The figure of ``kinds`` a few words (its measure) after the claim's key; ``at_once``: or right after it
    ("募资净额约22.9亿港元")."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return None
    end = at + len(q.key_text)
    gap = _MEASURE_GAP.match(q.sentence, end)
    if gap is None and not at_once:
        return None
    reach = gap.end() if gap is not None else end
    return next(
        (v for v in sentence_values(q.sentence) if (end if at_once else reach) <= v.start <= reach + 1
         and v.kind in kinds and isinstance(v.value, float)),
        None,
    )


# the basis a figure is given on, named by its acronym ("non-GAAP gross margin of 58.4%") or as net or gross
# proceeds (募资净额, 所得款项总额)
_BASIS = frozenset({"GAAP", "IFRS"})
_NET_OR_GROSS = re.compile(r"净额|淨額|总额|總額|毛额|毛額|扣非|归母|歸母")
_NOT = re.compile(r"^NON[- ]?", re.I)


def _basis_figure(q: ClaimQuery) -> Value | None:
    """The figure a fact claim's key names the basis of, within a few words after it ("GAAP" of "a non-GAAP gross
    margin of 58.4%", "募资净额约" of "募资净额约22.9亿港元")."""
    if _NOT.sub("", q.key_text).upper() not in _BASIS and _NET_OR_GROSS.search(q.key_text) is None:
        return None
    return _figure_after_key(q, frozenset({"money", "percent"}), at_once=True)


def _basis_judged(q: ClaimQuery, figure: Value, indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    """The basis a figure is given on, judged with that figure: the figure confirmed confirms its basis; the figure
    said otherwise where the passage gives the claim's very figure too (under the other basis: "GAAP gross margin
    of 58.4%; non-GAAP gross margin of 61.7%" for a non-GAAP 58.4%) contradicts it; else nothing is known of it."""
    got = _assess(_figure_query(q, figure), indexes, t)
    if any(f.stance == "supports" for f in got.findings):
        return got
    out = Assessment()
    for f, d in zip(got.findings, got.evidence, strict=True):
        if f.stance == "contradicts" and any(compare_values(figure, v).agrees for v in passage_values(d.passage)):
            out.add(replace(f, basis="name", detail="role"), d)
    return out


def _relative_aligned(q: ClaimQuery, claimed: Value, dated: Assessment, indexes: Sequence[SnapshotIndex]) -> Assessment:
    """A relative date read in the report's year ("明年第三季度" in a 2026 report: 2027-Q3) meets the page's
    aligned dates too, but only a date of the very year it was read as speaks to it — or, against it, the very
    part of the year next to it: whether "next year" is 2027 the page does not say, which quarter of 2027 it
    does, and that the claim's quarter is a year off."""
    year = str(claimed.value)[:4]
    if not year.isdigit() or len(str(claimed.value)) < 6 or any(f.stance == "supports" for f in dated.findings):
        return dated
    aligned = with_alignment(q, claimed, Assessment(), indexes)
    kept = Assessment()
    for f, d in zip(aligned.findings, aligned.evidence, strict=True):
        said = [v for v in sentence_values(d.matched_value or "") if v.kind == "date"]
        if said and (str(said[0].value).startswith(year) or f.stance == "contradicts" and _year_slip(claimed, said[0])):
            kept.add(f, d)
    return kept if kept.findings else dated


def _year_slip(claimed: Value, found: Value) -> bool:
    """The same part of a year said of the year before or after ("明年第三季度" in a note of January 2027, 2028-Q3,
    against 2027年第三季): a relative year slipped by one, the report's own date reading it."""
    a, b = str(claimed.value), str(found.value)
    return a[4:] == b[4:] != "" and a[:4].isdigit() and b[:4].isdigit() and abs(int(a[:4]) - int(b[:4])) == 1


def _assess(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    if not indexes:
        return Assessment()
    if q.kind == "fact" and (ended := range_end_said(q, indexes)) is not None:
        # "为招股区间上限", "高于…招股区间": where the page says the price was set against its range decides (before
        # "高于" is read as a bound of the figure after it)
        return ended
    if q.kind == "fact" and (figure := _change_figure(q)) is not None:
        # the change's direction is checked with its figure, as the figure's own claim checks it
        return _assess(_figure_query(q, figure), indexes, t)
    if q.kind == "date" and (figure := _period_figure(q)) is not None:
        # a half or quarter said of a figure: the page giving that figure for another period contradicts it
        got = _assess(_figure_query(q, figure), indexes, t)
        if any(f.detail == "period" and f.stance == "contradicts" for f in got.findings):
            return got
    if q.kind == "fact" and (figure := _period_figure(q)) is not None:
        # a period said of a figure is checked with the figure: the same figure given for another period
        # contradicts it, the page's figure in that period confirms it; else the key is read as any fact is
        got = _assess(_figure_query(q, figure), indexes, t)
        if any(f.detail == "period" for f in got.findings):
            return got
        if any(f.stance == "supports" for f in got.findings):
            # (the figure's support stands unless the key's own words are contradicted on the page)
            own = _assess_words(q, score_passages(q, indexes, limit=8), indexes, t)
            return own if any(f.stance == "contradicts" for f in own.findings) else got
    if q.kind == "fact" and (based := _basis_figure(q)) is not None:
        return _basis_judged(q, based, indexes, t)  # "non-GAAP gross margin of 58.4%": the figure decides its basis
    if q.kind == "fact" and (opened := open_release_said(q, indexes)) is not None:
        return opened  # "nothing open-source this time": the page's sentence on the weights' release decides
    if q.kind == "fact" and (changed := change_said_of_figure(q, indexes)) is not None:
        return changed  # "净亏损2.15亿元，亏损同比扩大": the page's way for that very figure decides
    passages = score_passages(q, indexes, limit=8)
    if (short := short_of_record(q, passages)) is not None:
        # "创单月历史新高" where the page calls that very figure second only to another ("為單月歷史次高")
        recorded = Assessment()
        recorded.add(Finding("contradicts", 0.8, "topic", "record"), short)
        return recorded
    key_value = q.values[0] if q.values else None
    if q.kind in {"money", "percent", "count"} and key_value is not None and isinstance(key_value.value, float | int):
        fams = [*met_families(key_value), "count"]
        out = assess_number(q, key_value, score_passages(q, indexes, limit=12, families=fams), t, indexes)
        return with_withheld(q, key_value, with_implied_change(q, key_value, out, indexes), indexes)
    if q.kind == "date" and key_value is not None and key_value.kind == "date":
        dated = assess_date(q, key_value, passages, indexes, t)
        if any(f.detail == "event" for f in dated.findings):
            return dated  # the page dates the claim's event otherwise: another event's date is no support
        if re.search(r"\d", key_value.raw) or not is_relative(key_value.raw):  # (a spelled year dates itself: 二零二七年)
            return with_alignment(q, key_value, dated, indexes)
        return _relative_aligned(q, key_value, dated, indexes) if is_relative(key_value.raw) else dated
    if q.kind == "version":
        # "取代Auralis-3成为默认模型": the version the page says is replaced decides
        return replaced_version_said(q, indexes) or assess_version(q, passages, indexes, t)
    words = _assess_words(q, passages, indexes, t)
    if not words.findings and _PRODUCT_CODE.fullmatch(q.key_text):
        # a product's code read as a name ("the HX8 memory fabric") that no page writes: its number is its version,
        # judged as one (the page's "HX9 memory fabric" says otherwise)
        return assess_version(replace(q, kind="version"), passages, indexes, t)
    return words


# a product's code: capitals, then a number its generation is counted by ("HX8", "TX1000", "K2")
_PRODUCT_CODE = re.compile(r"[A-Z]{1,4}\d{1,4}")


def _figure_query(q: ClaimQuery, figure: Value) -> ClaimQuery:
    """The query of a figure of the claim's sentence, as its own claim would be asked."""
    key = q.sentence[figure.start : figure.end]
    return build_query(kind=figure.kind, sentence=q.sentence, key_text=key, key_start=figure.start, values=(figure,))


def _assess_words(q: ClaimQuery, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    """A fact read by its own words (names, concepts) and their polarity on the page."""
    return with_polarity(q, assess_fact(q, passages, indexes, t), passages, t)


def read_unsourced(assessment: Assessment, key: str) -> Assessment:
    """The assessment of a claim whose section cites nothing, read against all its report's pages, none of them
    chosen for it: a page figure that merely differs is another quantity as often as the same one wrongly
    given, so it contradicts only when it shares the claim's digits (270 and 720, 2024年4月 and April 2025);
    a slip of its scale, unit, currency, period or pair, and every support, stand as they were."""
    kept = Assessment()
    for finding, draft in zip(assessment.findings, assessment.evidence, strict=True):
        differs = finding.stance == "contradicts" and finding.basis == "value" and finding.detail == "different"
        if differs and not _digits_shared(draft.matched_value or "", key) and not _date_moved(draft.matched_value or "", key):
            continue
        kept.add(finding, draft)
    return kept


def _date_moved(found: str, claimed: str) -> bool:
    """Are two written dates the same date with one part moved (2024年4月 and April 2025; Q2 2027 and the third
    quarter of 2027): given as finely, they differ in their year, or in their month, quarter or day alone?"""
    a, b = _one_date(found), _one_date(claimed)
    if a is None or b is None:
        return False
    pa, pb = a.split("-"), b.split("-")
    return len(pa) == len(pb) >= 2 and sum(x != y for x, y in zip(pa, pb, strict=True)) == 1


def _one_date(text: str) -> str | None:
    """The normalised date a written date reads as, when it is one date with its year."""
    dates = [v for v in passage_values(text) if v.kind == "date"]
    return str(dates[0].value) if len(dates) == 1 and not str(dates[0].value).startswith("--") else None


def _digits_shared(found: str, claimed: str) -> bool:
    """Do two written figures share their digits, one's within the other's (270 / 720, 172% / 127.4%)?"""
    a, b = set(re.sub(r"\D", "", found).rstrip("0")), set(re.sub(r"\D", "", claimed).rstrip("0"))
    return bool(a and b) and (a <= b or b <= a)
