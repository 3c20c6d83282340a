"""Number claims (money, percent, count), pure: the passage search's agreeing or slipped figure,
then the figures aligned with the claim's frame (verifier.judge.statements) decide."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claims.model import Value
from verifier.judge.compare import (
    Comparison,
    compare_in_text,
    compare_values,
    far_coarser,
    is_vague,
    same_digits,
    significant_digits,
    unit_family,
)
from verifier.judge.evidence import (
    Assessment,
    EvidenceDraft,
    Thresholds,
    claim_subjects,
    draft_evidence,
    on_sparse_page,
    subject_on_page,
)
from verifier.judge.frames import (
    CHANGE_BASES,
    ClaimFrame,
    clause_words,
    measure_match,
    noun_terms,
    periods_conflict,
    span_marks,
    stale_spans,
)
from verifier.judge.han_subject import han_subject
from verifier.judge.matching import (
    ClaimQuery,
    Concept,
    PassageScore,
    SnapshotIndex,
    compact,
)
from verifier.judge.rules import Finding
from verifier.judge.statements import (
    PLAUSIBLE_MATCH,
    STRICT_MATCH,
    SUPPORT_MATCH,
    Statement,
    aligned_plausible,
    aligned_statements,
    clause_partners,
    contradiction,
    frame_of,
    midpoint_range,
    mixed_pair,
    nouns_agree,
    other_range_end,
    partnered_with_clause_before,
    passage_sentences,
    same_range,
    sentence_siblings,
    sentence_values,
    speaks_ahead,
    swapped_pair,
)
from verifier.judge.statements import supports as aligned_supports


def _lone_slip(claimed: Value, comparisons: Sequence[tuple[Value, Comparison]]) -> tuple[Value, Comparison] | None:
    """The passage's one figure with the claim's digits on another scale or transposed, when the claim's
    digits are too many (two or more) to meet by chance, or it is an amount and the passage gives at
    most two, none of them the claim's ("1 亿美元" against "$10 million … and $26 million")."""
    slips = [(pv, c) for pv, c in comparisons if c.strong]
    if len(slips) != 1:
        return None
    if len(significant_digits(float(claimed.value))) >= 2:
        return slips[0]
    # one digit (五个 against 5,000) meets a round figure by chance: only an amount of the same currency counts
    if claimed.kind != "money":
        return None
    # … or the passage's amounts all in the claim's currency, none of them the claim's figure
    return slips[0] if len(comparisons) <= 2 and all(c.disagrees for _pv, c in comparisons) else None


def _row_counts_other_things(claimed: Value, ps: PassageScore) -> bool:
    """A table row whose label names another thing than the claim's noun ("Availability zones | 89 |
    95" for "95 个地域": regions): its cells count that thing."""
    p = ps.passage
    if p.kind not in {"td", "tr"} or not claimed.noun:
        return False
    label = noun_terms(p.text.split("|", 1)[0].strip())
    mine = noun_terms(claimed.noun)
    return bool(label and mine and not label & mine)


def assess_number(
    q: ClaimQuery, claimed: Value, passages: list[PassageScore], t: Thresholds, indexes: Sequence[SnapshotIndex] = ()
) -> Assessment:
    out = _assess_number_near(q, claimed, passages, t)
    return with_alignment(q, claimed, out, indexes) if indexes else out


def _stale_support(draft: EvidenceDraft) -> bool:
    """The supporting figure is one the page itself says was revised."""
    if draft.stance != "supports" or not draft.highlight:
        return False
    start = draft.highlight[0][0]
    return any(s <= start < e for s, e in stale_spans(draft.passage))


def _statement_draft(st: Statement, stance: str) -> EvidenceDraft:
    ps = PassageScore(st.index, st.passage_no, st.match, st.match, ())
    return draft_evidence(ps, stance, st.match, st.value)


Places = dict[tuple[int, int, int], Statement]


def _statement_at(d: EvidenceDraft, by_place: Places) -> Statement | None:
    """The aligned statement of the figure a passage-search finding highlights, if any."""
    return by_place.get((d.snapshot_id, d.passage_start, d.highlight[0][0])) if d.highlight else None


def _contradicted_by(idx: SnapshotIndex, passage_no: int, match: float, value: Value, detail: str) -> Assessment:
    """An assessment whose one finding is ``value`` on passage ``passage_no`` contradicting the claim
    (the finding counts at least 0.5; the evidence keeps the passage's own ``match``)."""
    ps = PassageScore(idx, passage_no, match, match, ())
    out = Assessment()
    out.add(Finding("contradicts", max(match, 0.5), "value", detail), draft_evidence(ps, "contradicts", match, value))
    return out


def with_alignment(q: ClaimQuery, claimed: Value, out: Assessment, indexes: Sequence[SnapshotIndex]) -> Assessment:
    """Add what the figures aligned with the claim's frame say (verifier.judge.statements): a supporting
    statement anywhere on the cited pages; with no support, the closest contradicting one."""
    frame = frame_of(q)
    statements = aligned_statements(q, claimed, indexes, claim_subjects(q), frame)
    siblings = sentence_siblings(q, claimed)  # the other figures of the claim's sentence
    # (a change said by its base alone, "+63% y/y", needs a page figure that changed as much as one said rising)
    frame_direction = frame.direction or (1 if frame.periods & CHANGE_BASES else 0)
    by_place = {(st.index.snapshot_id, st.passage.start, st.value.start): st for st in statements}
    kept = Assessment()
    for f, d in zip(out.findings, out.evidence, strict=True):
        if f.stance == "supports":
            st = _statement_at(d, by_place)
            if st is not None and not aligned_plausible(claimed, st, statements, frame_direction):
                continue  # the same digits, but in another frame: another period, tranche, direction
        elif f.stance == "contradicts" and frame.looks_ahead:
            st = _statement_at(d, by_place)
            if st is None or not speaks_ahead(st):
                continue  # a forecast for the year to come is not contradicted by a level reached now
        elif f.stance == "contradicts" and (st := _statement_at(d, by_place)) is not None and st.sibling and any(
            compare_values(o, st.value).agrees for o in siblings
        ):
            continue  # another figure of the claim's sentence, in that figure's own words: that figure's statement
        if not _stale_support(d):
            kept.add(f, d)
    backing = sorted((st for st in statements if aligned_supports(claimed, st)), key=lambda st: -st.match)
    if not backing and (ranged := same_range(q, claimed, statements) or midpoint_range(q, claimed, statements)) is not None:
        backing = [ranged]
    found_by_search = _supporting(kept, by_place)
    for st in [*backing[:1], *(st for st in found_by_search if st is not None)]:
        end = other_range_end(q, claimed, st)
        if end is not None:  # the page's range is another one: both of its ends say so
            return _contradicted_by(st.index, st.passage_no, st.match, end, "different")
    if backing:
        st = backing[0]
        kept.add(Finding("supports", st.match, "value", "aligned"), _statement_draft(st, "supports"))
    if any(f.stance == "supports" for f in kept.findings) and _only_title_backs(kept, by_place, statements, claimed):
        kept = Assessment()  # the support's own words say nothing of the claim; a figure whose words do differs
    supporting = _supporting(kept, by_place)  # (one per supporting finding: empty when nothing supports)
    if supporting:
        owners = _subject_says_otherwise(supporting, statements, claimed)
        if owners is not None:
            own, said = owners
            return _contradicted_by(own.index, own.passage_no, _contradiction_match(own, said), own.value, said)
        whole = _whole_frame_says_otherwise(supporting, statements, claimed, siblings, frame) or (
            _sister_segment_says_otherwise(supporting, statements, claimed, siblings, frame, q)
        )
        if whole is not None:
            st, said = whole
            return _contradicted_by(st.index, st.passage_no, st.clause_match, st.value, said)
        slipped = _own_unit_slip(supporting, statements, claimed)
        if slipped is not None:
            return _contradicted_by(slipped.index, slipped.passage_no, slipped.match, slipped.value, slipped.comparison.detail)
        paired = _partner_says_otherwise(supporting, statements, claimed)
        if paired is not None:
            return _contradicted_by(paired.index, paired.passage_no, max(paired.match, paired.event_match), paired.value, "event")
        beside = _change_beside_partner(q, supporting, statements, claimed, frame)
        if beside is not None:
            return _contradicted_by(beside.index, beside.passage_no, max(beside.match, beside.clause_match), beside.value, "period")
        counted = _count_beside_amount(q, supporting, statements, claimed)
        if counted is not None:
            return _contradicted_by(counted.index, counted.passage_no, max(counted.match, counted.clause_match), counted.value, "different")
        board = _board_says_otherwise(q, supporting, statements, claimed)
        if board is not None:
            return _contradicted_by(board.index, board.passage_no, max(board.match, 0.5), board.value, "different")
        swapped = _swap_said_closer(supporting, statements, claimed)
        if swapped is not None:
            return _contradicted_by(swapped.index, swapped.passage_no, max(swapped.match, swapped.clause_match), swapped.value, "swapped")
        shown = [*backing[:1], *(st for st in found_by_search if st is not None)]
        over = _bound_said_otherwise(q, claimed, [st for st in supporting if st is not None])
        if over is not None:
            return _contradicted_by(over.index, over.passage_no, over.match, over.value, "qualifier")
        turned = _direction_said_elsewhere(claimed, shown, statements)
        if turned is not None:
            return _contradicted_by(turned.index, turned.passage_no, turned.match, turned.value, "direction")
        moved = _period_said_elsewhere(claimed, shown, statements, frame.periods)
        if moved is not None:
            return _contradicted_by(moved.index, moved.passage_no, moved.match, moved.value, "period")
        swap = swapped_pair(q, claimed, statements)
        if swap is not None:
            return _contradicted_by(swap.index, swap.passage_no, swap.match, swap.value, "swapped")
        mixed = mixed_pair(q, claimed, indexes)
        if mixed is not None:
            idx, n, value = mixed
            return _contradicted_by(idx, n, 0.6, value, "swapped")
        return kept
    flipped = _counterpart_flipped(statements)
    if flipped is not None:
        return _contradicted_by(flipped.index, flipped.passage_no, max(flipped.match, SUPPORT_MATCH), flipped.value, "swapped")
    swapped_subjects = _subjects_swapped(statements, siblings)
    if swapped_subjects is not None:
        st = swapped_subjects
        return _contradicted_by(st.index, st.passage_no, max(st.match, SUPPORT_MATCH), st.value, "swapped")
    same_amount = _change_of_the_same_amount(q, statements, claimed, frame)
    if same_amount is not None:
        st = same_amount
        return _contradicted_by(st.index, st.passage_no, max(st.clause_match, SUPPORT_MATCH), st.value, st.comparison.detail)
    # (a slip of the claim's digits is no slip where the page also gives the claim's very figure as closely:
    # 成文日期 2026-11-19 beside 发布日期 2026年11月20日)
    exact = [
        st.match for st in statements
        if st.comparison.detail == "exact" and st.strict_match > 0  # (its own words, not the title's, meet the claim)
        and not (st.other_subject or st.sibling or st.unclaimed_row or st.other_column or st.rival_column)
    ]
    against = [
        (st, kind) for st in statements
        if (kind := contradiction(claimed, st, ahead=frame.looks_ahead))
        and not (kind in _DIGIT_SLIPS and any(compare_values(o, st.value).agrees for o in siblings))
        and not (kind in _DIGIT_SLIPS and any(m >= st.match for m in exact))
    ]
    if against:
        # the claim's very figure in another role (swapped, revised, turned) is read with its clause, as
        # statements.contradiction reads it
        # (… and a date of the claim's own year, a quarter or a day off, before another year's)
        year = str(claimed.value)[:4] if claimed.kind == "date" else ""
        st, kind = max(
            against,
            key=lambda sk: (
                _contradiction_match(*sk), bool(year) and str(sk[0].value.value).startswith(year), sk[1] in _EXACT_FIGURE_KINDS,
                sk[0].partnered,  # (… and a date beside a figure of the claim's clause before a dateline)
            ),
        )
        kept.add(Finding("contradicts", _contradiction_match(st, kind), "value", kind), _statement_draft(st, "contradicts"))
    return kept


_EXACT_FIGURE_KINDS = frozenset({"swapped", "stale", "direction", "period"})


def _counterpart_flipped(statements: Sequence[Statement]) -> Statement | None:
    """The page gives the claim's figure to the other side of its measure and another figure to the claim's side
    ("2 yuan (about $0.28) per million input tokens and 8 yuan ($1.10) per million output tokens" for "$1.10 per
    million input tokens"): the figure of the claim's side, on the page that flips it, says otherwise."""
    # (the flipped figure's words meet the claim's measure — or its clause does, where the claim's measure is its side
    # alone, "$2.40/M output" against "$2.40 per million input tokens and $9.60 per million output tokens"; the
    # other's need only name the claim's side)
    flipped = {
        (id(st.index), st.passage_no) for st in statements
        if st.comparison.agrees and st.side < 0 and not st.other_subject and max(st.match, st.clause_match) >= SUPPORT_MATCH
    }
    return next(
        (
            st for st in statements
            if (id(st.index), st.passage_no) in flipped and st.comparison.disagrees and st.side > 0
            and not (st.other_subject or st.foreign or st.stale or st.period_conflict)
        ),
        None,
    )


def _subjects_swapped(statements: Sequence[Statement], siblings: Sequence[Value]) -> Statement | None:
    """The claim gives its figure to its subject and another figure of its sentence to another entity ("Meridale
    rose 11.2% and Halvorsen 6.3%"); the page gives the claim's figure to that other entity and the other figure
    to the claim's subject ("Meridale shares rose 6.3%, while Halvorsen jumped 11.2%"): the pair is swapped, and
    the page's figure for the claim's subject says so."""
    if not siblings:
        return None
    # (pages giving the claim's figure to the entity of its sentence's other figure)
    given_away = {id(st.index) for st in statements if st.comparison.agrees and st.bound_elsewhere and not st.other_measure}
    return next(
        (
            own for own in statements
            if id(own.index) in given_away and own.comparison.disagrees and own.subject_near and not own.other_subject
            and not own.other_measure and own.match >= SUPPORT_MATCH and any(compare_values(o, own.value).agrees for o in siblings)
        ),
        None,
    )


# a page figure that reads as the claim's digits garbled, but equals another figure of the claim's own
# sentence, is that figure's statement ("第三次全体会议" beside "第三十次会议" meets "third plenary
# session"): no slip of the claim's (a figure that merely differs still contradicts: a swapped pair)
_DIGIT_SLIPS = frozenset({"scale_slip", "transposed", "day_slip"})


def _contradiction_match(st: Statement, kind: str) -> float:
    if kind == "stale" and st.comparison.detail == "exact" and st.alone:
        # the very figure a correction note withdraws, on a page the claim cites: the note speaks to it whatever
        # else the claim's words say ("~$12B all in" against "an earlier version … said … about $12 billion")
        return max(st.match, st.clause_match, SUPPORT_MATCH)
    if st.subjects_row and kind in _DIGIT_SLIPS:
        return max(st.match, SUPPORT_MATCH)  # the subject's own table row speaks to the claim as a half-met frame
    if st.value.unit == "x" and st.alone:
        return max(st.match, st.clause_match)  # a multiple alone in its clause is read with its clause, as contradiction() reads it
    return max(st.match, st.clause_match) if kind in _EXACT_FIGURE_KINDS else st.match


def _period_said_elsewhere(
    claimed: Value, backing: Sequence[Statement], statements: Sequence[Statement], claim_periods: frozenset[str]
) -> Statement | None:
    """The figure that backs the claim says no period ("revenue of $7.60 billion for the quarter ending in
    early August"), while the page gives the same figure for the same measure elsewhere with a period that
    conflicts with the claim's ("Q2 revenue forecast $7.60 bln" against 第三季): that statement decides."""
    quarters = _parts_of_year(claim_periods)  # a quarter or a half: a year said elsewhere is often another figure's
    # (a fiscal calendar the page's title declares is no period of the figure's own)
    if not quarters or not backing or any(m != "fiscal" and not m.startswith("fy") for st in backing for m in st.periods):
        return None
    moved = [
        st for st in statements
        if st.comparison.agrees and st.period_conflict and not st.other_subject and not st.sibling
        and st.match >= PLAUSIBLE_MATCH and _parts_of_year(st.periods) and not _parts_of_year(st.periods) & quarters
    ]
    return max(moved, key=lambda st: st.match) if moved else None


def _parts_of_year(periods: frozenset[str]) -> frozenset[str]:
    return frozenset(p for p in periods if p[:1] in {"q", "h"})


def _direction_said_elsewhere(claimed: Value, backing: Sequence[Statement], statements: Sequence[Statement]) -> Statement | None:
    """The figure that backs the claim says no direction (a table cell "41.8%"), while the page gives
    the same figure for the same measure elsewhere with the opposite direction to the claim's ("年增
    41.8%" against "年減 41.8%"): that statement decides."""
    if not backing or any(st.direction for st in backing):
        return None
    turned = [st for st in statements if contradiction(claimed, st) == "direction"]
    return max(turned, key=lambda st: st.match) if turned else None


# a figure said to be nearly reached ("接近15亿元", "nearly 20 models"): below it, though close (近 alone, not 最近 /
# 附近 / 靠近)
_NEARLY_REACHED = re.compile(r"(?:接近|逼近|将近|(?<![最附靠将接逼])近|差不多|nearly|almost|close to|approaching|just (?:under|shy of))\s*\Z", re.I)
_OVER = frozenset({">", ">="})


def _said_nearly(text: str, start: int) -> bool:
    return _NEARLY_REACHED.search(text, max(0, start - 16), start) is not None


def _bound_said_otherwise(q: ClaimQuery, claimed: Value, backing: Sequence[Statement]) -> Statement | None:
    """The claim's figure, nearly reached in the claim and exceeded on the page that backs it (接近15亿元 against 超过15亿元),
    or the reverse: a wrong qualifier, though the number is the page's."""
    at = q.sentence.find(claimed.raw)
    nearly = at >= 0 and _said_nearly(q.sentence, at)
    for st in backing:
        if not st.comparison.agrees or st.comparison.detail not in {"exact", "within_precision"}:
            continue
        if nearly and st.value.qualifier in _OVER:
            return st
        if claimed.qualifier in _OVER and _said_nearly(st.passage.text, st.value.start):
            return st
    return None


def _supporting(kept: Assessment, by_place: Places) -> list[Statement | None]:
    """The aligned statements of the figures the supporting findings highlight (None where none is)."""
    return [_statement_at(d, by_place) for f, d in zip(kept.findings, kept.evidence, strict=True) if f.stance == "supports"]


def _subject_says_otherwise(
    backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> tuple[Statement, str] | None:
    """Every figure that backs the claim stands in words naming another entity and none of the claim's
    subject, while a figure in words that do name it measures the claim's quantity and differs ("Tencent posted
    revenue of $52.3 billion … Alibaba posted $41.7 billion" against Alibaba's $52.3 billion): that figure
    is the subject's, and the claim gave it another's."""
    if not backing or any(st is None or st.subject_near is not False or not st.names_other for st in backing):
        return None
    # (the subject's figure is read with its clause: "Northwind spent $27.9 billion on capital expenditure.
    # Halvorsen Cloud spent $31.4 billion" says the measure once for both)
    # (when every figure that backs it stands in a clause naming another entity and none of the claim's, two
    # thirds of the frame in the subject's own clause do: "Its biggest rival, Pellucid AI, runs a 100,000-
    # accelerator cluster" against "Orrin's … campus outside Reno houses about 64,000 accelerators")
    need = _TWO_THIRDS if all(st is not None and st.foreign for st in backing) else 1.0
    against = [
        (st, kind) for st in statements
        if st.subject_near and not st.other_subject
        and (kind := contradiction(claimed, replace(st, match=max(st.match, st.clause_match)), need_at_most=need))
    ]
    return max(against, key=lambda sk: sk[0].match) if against else None


_TWO_THIRDS = 2 / 3 - 1e-9


def _swap_said_closer(
    backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> Statement | None:
    """The claim's very figure stands in words naming the other measure of a pair ("GAAP gross margin of
    61.2%; non-GAAP gross margin of 63.8%" against a non-GAAP margin of 61.2%, the "Cached input" column's
    price), more closely than any figure that backs it meets the claim: the pair is swapped."""
    if not backing or any(st is None for st in backing):
        return None
    swaps = [st for st in statements if contradiction(claimed, st) == "swapped"]
    if not swaps:
        return None
    closest = max(swaps, key=lambda st: st.match)
    return closest if all(st is not None and st.match < closest.match for st in backing) else None


def _own_unit_slip(
    backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> Statement | None:
    """Every figure that backs the claim is written in another unit of its dimension (1.5 GW for 1500 兆瓦), while a
    figure in the claim's own unit that is a slip of its digits (150 MW) meets the claim nearly as closely: that one is
    the claim's ("a capacity of 150 MW … aims to have 1.5 GW in all")."""
    if not claimed.unit or not backing or any(st is None or st.value.unit == claimed.unit for st in backing):
        return None
    best = max(st.match for st in backing if st is not None)
    slips = [
        st for st in statements
        if st.value.unit == claimed.unit and st.comparison.detail in {"scale_slip", "transposed"} and st.match >= best - _NEARLY
        and not (st.other_subject or st.foreign or st.sibling)
    ]
    return max(slips, key=lambda st: st.match) if slips else None


_NEARLY = 0.3  # (as aligned_plausible's margin)


def _partner_says_otherwise(
    backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> Statement | None:
    """A date no figure of the claim's sentence stands beside backs it, while another date of the page stands
    beside one ("在手订单约312亿元，交付排至2027年一季度" against "在手订单约312亿元，交付已排至2027年第二季度", the
    first quarter said of stock built for deliveries): the date beside the figure is the claim's."""
    if claimed.kind != "date" or not backing or any(st is None or st.partnered for st in backing):
        return None
    paired = [st for st in statements if st.partnered and not st.comparison.agrees and contradiction(claimed, st)]
    return max(paired, key=lambda st: st.event_match) if paired else None


def _change_beside_partner(
    q: ClaimQuery, backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value, frame: ClaimFrame
) -> Statement | None:
    """A change said beside an amount ("Revenue $4.12bn, up 44% y/y") is the change of that amount: when no figure
    that backs it stands beside the claim's amount, while a change of the same kind does and differs ("Revenue of
    $4.12 billion, up 47% year over year" against the nine months' "$11.05 billion, up 44%"), that change is the
    claim's."""
    bases = frame.periods & CHANGE_BASES
    if claimed.kind != "percent" or not bases or not backing:
        return None  # (a change on a base the claim names: "up 44% y/y"; a bare "up 44%" may be of any period)
    partners = _amounts_changed(q, claimed)
    if not partners or any(st is None or _beside(st, partners) for st in backing):
        return None
    beside = [
        st for st in statements
        if st.comparison.disagrees and not (st.period_conflict or st.direction_conflict or st.other_subject or st.sibling)
        and st.direction == (frame.direction or st.direction) and st.periods & bases and _beside(st, partners)
    ]
    return max(beside, key=lambda st: (st.clause_match, st.match)) if len(beside) == 1 else None


def _amounts_changed(q: ClaimQuery, claimed: Value) -> list[Value]:
    """The amounts of its clause a claimed change is of: said before it, or right after it as the level it reached
    ("Revenue $4.12bn, up 44%", "up 44% to $4.12bn")."""
    at = q.sentence.find(claimed.raw)
    if at < 0:
        return []
    return [
        v for v in clause_partners(q.sentence, claimed)
        if v.kind == "money" and (v.end <= at or _REACHED.match(q.sentence[at + len(claimed.raw) : v.start]))
    ]


def _change_of_the_same_amount(q: ClaimQuery, statements: Sequence[Statement], claimed: Value, frame: ClaimFrame) -> Statement | None:
    """A change the claim gives with the amount it reached ("data centre up 37% to $2.05bn"), unbacked, where the
    page gives that very amount with one change of the same way beside it ("Data Center revenue of $2.05 billion, up
    73% year over year"): that change is the claim's, and it differs."""
    if claimed.kind != "percent" or not frame.direction:
        return None
    at = q.sentence.find(claimed.raw)
    partners = [v for v in _amounts_changed(q, claimed) if v.unit and v.start > at]  # (the level it reached)
    if not partners:
        return None
    beside = [
        st for st in statements
        if st.value.kind == "percent" and _beside(st, partners) and st.direction == frame.direction
        and not (st.period_conflict or st.direction_conflict or st.other_subject or st.sibling or st.stale)
    ]
    if len(beside) != 1 or not beside[0].comparison.disagrees:
        return None
    return beside[0]


def _count_beside_amount(
    q: ClaimQuery, backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> Statement | None:
    """A count said with an amount in its sentence ("共支持14个项目，支持资金合计2.36亿元") is the count that goes with
    that amount: when the count that backs it stands in a sentence without the amount (the first batch's "14个项目,
    支持资金合计1.92亿元") while one count of the same things stands with it and differs (the second batch's "12个项目
    予以支持,支持资金合计2.36亿元"), that count is the claim's."""
    if claimed.kind != "count" or not backing or any(st is None for st in backing):
        return None
    amounts = [v for v in sentence_values(q.sentence) if v.kind == "money" and v.unit]
    if not amounts or any(_sentence_holds(st, amounts) for st in backing if st is not None):
        return None
    with_amount = [
        st for st in statements
        if st.comparison.disagrees and not (st.period_conflict or st.other_subject or st.sibling or st.bound_elsewhere)
        and st.value.kind == "count" and nouns_agree(claimed, st.value) and _sentence_holds(st, amounts)
    ]
    return with_amount[0] if len(with_amount) == 1 else None


def _sentence_holds(st: Statement, amounts: Sequence[Value]) -> bool:
    """Does the page sentence of ``st``'s figure hold one of ``amounts``?"""
    for s, e, figures in passage_sentences(st.passage):
        if s <= st.value.start < e:
            return any(compare_values(a, f).agrees for a in amounts for f in figures if f.kind == "money")
    return False


# (the amount a change is of is said before it, or right after it as the level it reached: "up 44% to $4.12bn")
_REACHED = re.compile(r"[^,，;；]{0,25}?\b(?:to|at)\s*$|[^,，;；]{0,10}?(?:至|到|达|達)\s*$", re.I)


def _beside(st: Statement, partners: Sequence[Value]) -> bool:
    """Does the figure's clause, or the one before it, hold one of ``partners`` ("Revenue of $4.12 billion, up 47%")?"""
    return partnered_with_clause_before(st.passage, st.value_no, st.span, partners)


def _whole_frame_says_otherwise(
    backing: Sequence[Statement | None],
    statements: Sequence[Statement],
    claimed: Value,
    others: Sequence[Value],
    frame: ClaimFrame,
) -> tuple[Statement, str] | None:
    """Every figure that backs the claim stands in a clause missing part of the claim's measure (the
    segment, product or line it is of), while a figure of the same passage whose clause meets all of it differs
    ("数据中心业务…同比增长58%；客户端业务收入…同比增长31%" against the client business's 58%): that figure is the
    claim's."""
    if not backing or any(st is None or st.clause_match >= _WHOLE_FRAME for st in backing):
        return None
    if any(st is not None and measure_match(frame, clause_words(st.passage.text[: st.value.end])) >= _WHOLE_FRAME for st in backing):
        return None  # what its clause misses was said before it ("宇晶半導體…公布10月營收…；累計前10月營收達2.71兆元")
    best = max(st.clause_match for st in backing if st is not None)
    places = {(st.index.snapshot_id, st.passage_no) for st in backing if st is not None}
    # (… or of another labelled paragraph of the same page: a release gives each segment a paragraph of its own,
    # "Client and Gaming: Third-quarter revenue was $1.6 billion", "Edge and Automotive: … $0.8 billion")
    labelled = {st.index.snapshot_id for st in backing if st is not None and _SEGMENT_LABEL.match(st.passage.text)}
    against = [
        (st, kind) for st in statements
        if ((st.index.snapshot_id, st.passage_no) in places or (st.index.snapshot_id in labelled and _SEGMENT_LABEL.match(st.passage.text)))
        and st.clause_match >= _WHOLE_FRAME and st.clause_match - best >= _CLEAR_MARGIN
        and not (st.other_subject or st.foreign or st.sibling) and not any(compare_values(o, st.value).agrees for o in others)
        and not _change_for_level(st, frame)
        and (kind := contradiction(claimed, replace(st, match=st.clause_match)))
    ]
    return max(against, key=lambda sk: (sk[0].clause_match, not sk[0].direction_conflict, not sk[0].period_conflict, sk[0].match)) if against else None


_WHOLE_FRAME = 1.0 - 1e-9
# a paragraph opening on a label of its own ("Edge and Automotive: …", "数据中心业务：…")
_SEGMENT_LABEL = re.compile(r"\s*(?:[A-Z][\w&/.-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w&/.-]*){0,5}|[\u4e00-\u9fff]{2,12})\s*[:：]")
_QUALIFIER_GAP = 1  # characters at most between a qualifier and the measure word it qualifies ("AI 服务器")


def _subject_names(q: ClaimQuery) -> tuple[str, ...]:
    """The compact names the claim's figure is said of: its Chinese subject (乙辰智能) and its Latin subjects."""
    at = q.sentence.find(q.key_text)
    han = han_subject(q.sentence, at, at + len(q.key_text)) if at >= 0 else frozenset()
    return (*han, *claim_subjects(q))


def _qualifies(q: ClaimQuery, terms: frozenset[str], shared: Sequence[Concept], subjects: Sequence[str]) -> bool:
    """Is the claim's word of concept ``terms`` written right before one of the ``shared`` measure words, and
    no part of a name the claim's figure is said of (``subjects``: "乙辰智能营收" names a subject, not a kind
    of revenue)?"""
    word = next((c.source for c in q.concepts if c.terms == terms), None)
    at = q.sentence.find(word) if word else -1
    if word is None or at < 0 or any(compact(word) in name for name in subjects):
        return False
    end = at + len(word)
    return any(0 <= q.sentence.find(c.source, end) - end <= _QUALIFIER_GAP for c in shared)


def _board_says_otherwise(
    q: ClaimQuery, backing: Sequence[Statement | None], statements: Sequence[Statement], claimed: Value
) -> Statement | None:
    """A rank the claim gives on a board or benchmark it names ("Aster 4在RepoFix Verified上…排名第一"), backed only by
    ranks whose own segments name other boards, while a rank of the same passage whose own segment names the
    claim's board differs ("ranks first on ProofBench, LongDoc-QA and AgentTrack, and second on RepoFix Verified"):
    the claim's rank is that one."""
    backed = [st for st in backing if st is not None]
    if claimed.unit != "rank" or not backed or len(backed) < len(backing):
        return None
    places = {(st.index.snapshot_id, st.passage_no) for st in backed}
    backing_segments = [compact(st.geometry.segment) for st in backed]
    names = [c for n in q.context_names if len(c := compact(n)) >= 4]
    for st in statements:
        if (st.index.snapshot_id, st.passage_no) not in places or st.value.unit != "rank" or not compare_values(claimed, st.value).disagrees:
            continue
        own = compact(st.geometry.segment)
        boards = [n for n in names if n in own]
        if boards and not any(n in seg for seg in backing_segments for n in boards):
            return st
    return None


def _sister_segment_says_otherwise(
    backing: Sequence[Statement | None],
    statements: Sequence[Statement],
    claimed: Value,
    others: Sequence[Value],
    frame: ClaimFrame,
    q: ClaimQuery,
) -> tuple[Statement, str] | None:
    """Every figure that backs the claim has its own segment miss a word of the claim that qualifies a measure
    word both figures share, while a figure of the same passage whose own segment meets all of the claim's
    measure differs: the qualifier makes them sister measures, and the claim's is that sister's ("AI服务器业务收入
    121.6亿元…；通用服务器收入48.3亿元" against "AI服务器收入48.3亿元": 48.3 is the general-purpose servers'). A
    word of the subject's name said earlier in the passage ("宇晶半導體前10月營收") qualifies no measure word."""
    if not backing or any(st is None or st.strict_match >= _WHOLE_FRAME for st in backing):
        return None
    best = max(st.strict_match for st in backing if st is not None)
    places = {(st.index.snapshot_id, st.passage_no) for st in backing if st is not None}
    against = []
    subjects: tuple[str, ...] | None = None  # (read once, when a sister is first weighed)
    for st in statements:
        if (st.index.snapshot_id, st.passage_no) not in places or st.strict_match <= best:
            continue
        if (st.strict_match < _WHOLE_FRAME or st.strict_match - best < _CLEAR_MARGIN) and not _meets_more(st, backing, frame):
            continue
        if st.other_subject or st.foreign or st.sibling or st.earlier_level or any(compare_values(o, st.value).agrees for o in others):
            continue
        sister = st.geometry.seg_words
        missed = [
            terms for terms, _ in frame.weights
            if terms & sister and not any(b is not None and terms & b.geometry.seg_words for b in backing)
        ]
        if not missed:
            continue
        shared = [c for c in q.concepts if c.terms & sister and all(b is None or c.terms & b.geometry.seg_words for b in backing)]
        subjects = _subject_names(q) if subjects is None else subjects
        if not all(_qualifies(q, terms, shared, subjects) for terms in missed):
            continue
        if st.strict_match < _WHOLE_FRAME and not all(_qualifier_written_before(st.geometry.segment, terms, shared) for terms in missed):
            continue  # (meeting more, not all: the page too must write the qualifier on the shared measure word)
        # (a sister meeting more of the measure than the backers, not all of it, is read as aligned as they are
        # read when they back the claim: the words it misses are missed by them too)
        whole = st.strict_match >= _WHOLE_FRAME and st.strict_match - best >= _CLEAR_MARGIN
        kind = contradiction(claimed, replace(st, match=st.strict_match if whole else _WHOLE_FRAME))
        if kind:
            against.append((st, kind))
    return max(against, key=lambda sk: (sk[0].strict_match, sk[0].match)) if against else None


def _qualifier_written_before(segment: str, terms: frozenset[str], shared: Sequence[Concept]) -> bool:
    """Does ``segment`` write a word of concept ``terms`` right before a word of one of the ``shared`` concepts
    ("a $3.8 billion construction loan", "AI服务器")?"""
    low = segment.lower()
    for term in terms:
        for m in re.finditer(re.escape(term), low):
            end = m.end()
            while end < len(low) and low[end].isalnum() and low[end].isascii():
                end += 1  # (the rest of the word the stem opens: "constru" → "construction")
            nxt = low[end + 1 if low[end : end + 1] == " " else end :]
            if any(nxt.startswith(s) for c in shared for s in c.terms):
                return True
    return False


def _one_sentence(a: Statement, b: Statement) -> bool:
    """Do two page figures stand in one sentence of one passage?"""
    if a.index is not b.index or a.passage_no != b.passage_no:
        return False
    lo, hi = sorted((a.value, b.value), key=lambda v: v.start)
    return any(s <= lo.start and hi.end <= e for s, e, _figures in passage_sentences(a.passage))


def _meets_more(st: Statement, backing: Sequence[Statement | None], frame: ClaimFrame) -> bool:
    """Does ``st``'s own segment meet every concept of the claim's measure that a backing figure's own segment
    meets, and more ("a $3.8 billion construction loan" beside "a $1.6 billion term loan B", for "a $1.6 billion
    construction loan", a list of the same clause)? Its frame need not be whole then: the rest of the claim's words
    may be said elsewhere."""
    own = st.geometry.seg_words
    mine = [terms for terms, _ in frame.weights if terms & own]

    def outmet(b: Statement) -> bool:
        theirs = [terms for terms, _ in frame.weights if terms & b.geometry.seg_words]
        return all(terms & own for terms in theirs) and len(mine) > len(theirs)

    return all(b is not None and _one_sentence(b, st) and outmet(b) for b in backing)


def _change_for_level(st: Statement, frame: ClaimFrame) -> bool:
    """A change said on its base ("up 54% from a year ago") where the claim's figure is a level or share said
    with neither a base nor a move ("占总营收近七成"): whatever its clause meets, it is not the claim's figure."""
    return bool(st.direction and st.periods & CHANGE_BASES) and not frame.direction and not frame.periods & CHANGE_BASES
_CLEAR_MARGIN = 0.15


def _only_title_backs(kept: Assessment, by_place: Places, statements: Sequence[Statement], claimed: Value) -> bool:
    """Every supporting figure meets the claim's measure only through the page's title or its passage's
    heading (its own words meet none of it: "a $1 million research grant" on a page titled "Microsoft …
    $10 billion investment"; a rival's "2.6 trillion won expansion" under a headline of the claim's
    subject's line), while a figure whose own words do meet it contradicts the claim (the $10 billion)."""
    backing: list[Statement] = []
    for f, d in zip(kept.findings, kept.evidence, strict=True):
        if f.stance != "supports":
            continue
        st = _statement_at(d, by_place)
        # (under a heading of the claim's measure, a figure whose window names none of the claim's names)
        if st is None or st.bare_match > 0 or (st.strict_match > 0 and st.names_near):
            return False
        backing.append(st)
    # (… and no figure alone in its clause, whose own words meet it, agrees: "revenue rose 48% from a year earlier"
    # beside the deck's "… up 11% from Q4 and up 48% from a year ago", whose own segment names nothing)
    return bool(backing) and any(
        st.bare_match >= STRICT_MATCH and contradiction(claimed, st) for st in statements
    ) and not any(
        st.alone and st.bare_match >= STRICT_MATCH and aligned_supports(claimed, st) and not (st.sibling or st.other_subject)
        for st in statements
    )


def _assess_number_near(q: ClaimQuery, claimed: Value, passages: list[PassageScore], t: Thresholds) -> Assessment:
    out = Assessment()
    subjects = claim_subjects(q)
    family = unit_family(claimed)
    claim_spans = span_marks(q.sentence)
    for ps in passages:
        sparse = on_sparse_page(ps, family, t)
        if ps.context < t.number_context and not (ps.near >= t.near_share and ps.context >= t.number_context_near) and not sparse:
            continue
        if not subject_on_page(q, subjects, ps.index):
            continue  # the figure of another company's page
        comparisons: list[tuple[Value, Comparison]] = []
        for pv in ps.passage.values:
            cmp = compare_in_text(claimed, pv, ps.passage.text)
            if cmp.outcome != "incomparable":
                comparisons.append((pv, cmp))
        # a vague claim (数百万) met by a figure must count the same noun
        # a figure merely inside a claimed bound ("不到 80%" against 72.1%) is one of many a page may
        # give: only the aligned frame (verifier.judge.statements) may take it as support — but a rank is how
        # "top five" is met (#3)
        other_things = _row_counts_other_things(claimed, ps)
        agree = [
            (pv, c) for pv, c in comparisons
            if c.agrees and not other_things
            and (c.detail != "vague" or is_vague(pv) or nouns_agree(claimed, pv))
            and not (c.detail == "within_precision" and far_coarser(claimed, pv))
            and not (c.detail == "bound" and pv.qualifier in {"=", "~"} and claimed.unit != "rank")
        ]
        bound_agree = [pv for pv, _ in agree if nouns_agree(claimed, pv)]
        # the number's noun: "12 个模型" against "5 models on 12 benchmarks" — the page's figure for
        # models is 5; the 12 it also states counts something else
        bound_disagree = [(pv, c) for pv, c in comparisons if c.disagrees and nouns_agree(claimed, pv) and not is_vague(pv)]
        if sparse and ps.context < t.number_context and not (ps.near >= t.near_share and ps.context >= t.number_context_near):
            # admitted only as a page with few figures: its exact figure, nothing weaker, and no verdict against
            agree = [(pv, c) for pv, c in agree if c.detail == "exact"]
            if agree and not bound_disagree:
                out.add(Finding("supports", ps.context, "value", "agree"), draft_evidence(ps, "supports", ps.context, agree[0][0]))
            elif not agree and (slip := _lone_slip(claimed, comparisons)) is not None:
                # the one figure of the kind such a page gives with the claim's digits on another scale or
                # transposed: the same quantity mis-stated, as a page with few figures supports its own
                out.add(Finding("contradicts", ps.context, "value", slip[1].detail), draft_evidence(ps, "contradicts", ps.context, slip[0]))
            continue
        if agree and (bound_agree or not bound_disagree):
            pv = bound_agree[0] if bound_agree else agree[0][0]
            score = min(1.0, ps.context + (0.1 if bound_agree else 0.0))
            out.add(Finding("supports", score, "value", "agree"), draft_evidence(ps, "supports", score, pv))
            continue
        lone = _lone_slip(claimed, comparisons) if not agree and (sparse or ps.context >= t.slip_context) else None
        if ps.context < t.contradict_context and lone is None:
            continue
        # a slip is only the same quantity when the words next to the figure are met here too — or when
        # the passage speaks squarely to the claim, or is one of a page with few figures, and holds one
        strong = [(pv, c) for pv, c in comparisons if c.strong and ps.near >= t.near_share] or ([lone] if lone else [])
        pick = bound_disagree[0] if bound_disagree else (strong[0] if strong else None)
        if pick is not None and claim_spans and periods_conflict(claim_spans, span_marks(ps.passage.text)):
            continue  # the year's total so far says nothing against this week's
        if pick is not None:
            pv, c = pick
            out.add(Finding("contradicts", ps.context, "value", c.detail), draft_evidence(ps, "contradicts", ps.context, pv))
            continue
        # garbled unit: the same digits on another unit, same subject (digits the claim writes: "增长超过一倍" holds
        # none, and its ×2 is no garbled "2万套")
        if not comparisons and any(ch.isdigit() for ch in claimed.raw):
            for pv in ps.passage.values:
                if (
                    isinstance(pv.value, float)
                    and isinstance(claimed.value, float)
                    and unit_family(pv) != unit_family(claimed)
                    and unit_family(pv) in {"count"}
                    and same_digits(float(claimed.value), float(pv.value))
                    and ps.context >= 0.6
                    and ps.near >= t.near_share
                    and bool(pv.noun and noun_terms(pv.noun) & (q.all_terms() | noun_terms(claimed.noun)))
                ):
                    out.add(
                        Finding("contradicts", ps.context, "value", "unit_garble"),
                        draft_evidence(ps, "contradicts", ps.context, pv),
                    )
                    break
    return out


