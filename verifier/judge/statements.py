"""Numbers, aligned first (pure): every figure on the cited pages that measures what the claim's figure
measures, whatever its value, and what it says about the claim.

For each page figure of the claim's unit family (and, for money, data sizes and power, of the same
kind in another currency or unit) the clause around it is read as a frame (:mod:`verifier.judge.frames`).
A statement whose clause meets the claim's measure, for the same period, not revised by the page
itself, is *aligned*; aligned statements decide:

- an agreeing aligned figure supports the claim;
- with no support: an aligned figure that differs contradicts it (``different``, ``scale_slip``,
  ``transposed``, ``currency``, ``unit``), as does the claim repeating a figure the page says was
  revised (``stale``), an agreeing figure that went the other way (``direction``), or one stated for
  another period while the claim's period is nowhere on the page (``period``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.bridge import content_words, has_han
from claims.entities import names_no_one
from claims.extract import is_table_row, sentence_spans
from claims.grouping_events import events_apart
from claims.model import Value
from claims.pinyin import page_keys, word_key
from claims.values import link_speeds
from verifier.judge.compare import (
    Comparison,
    compare_values,
    counts_other_things,
    date_precision,
    far_coarser,
    is_vague,
    met_families,
    one_currency,
    significant_digits,
    unit_family,
)
from verifier.judge.evidence import GENERIC_NAMES, subject_on_page
from verifier.judge.frames import (
    CHANGE_BASES,
    FRAME_NEUTRAL,
    ClaimFrame,
    bases_named,
    basis_marks,
    claim_frame,
    clause_span,
    clause_words,
    compared_direction,
    comparison_basis,
    direction_of,
    excluded_words,
    figure_role,
    is_base_figure,
    is_stale,
    label_of,
    measure_key,
    measure_match,
    noun_terms,
    offset_direction,
    own_years,
    part_of_year_spans,
    period_end_before,
    period_marks,
    periods_conflict,
    previous_clause,
    reaches_level,
    round_marks,
    says_average,
    segment_span,
    stale_spans,
    starts_leaving_out,
    to_between,
    trailing_change,
    value_words,
    year_before,
)
from verifier.judge.han_subject import han_names, han_subject
from verifier.judge.matching import (
    ClaimQuery,
    IndexedPassage,
    SnapshotIndex,
    column_of,
    compact,
    passage_values,
    split_names,
)
from verifier.judge.respective import respective_owner

__all__ = ["Statement", "aligned_statements", "frame_of", "swapped_pair", "mixed_pair", "same_range", "other_range_end", "SUPPORT_MATCH", "CONTRADICT_MATCH"]

SUPPORT_MATCH = 0.5  # share of the claim clause's concepts a page clause must meet to support
CONTRADICT_MATCH = 0.67  # … to contradict (a wrong figure needs a closer frame than a right one)
# … unless the page's figure is the claimed one mis-stated: the same digits ×10ⁿ, digits swapped, the
# same amount in another currency or unit, the same figure bounded the other way — no coincidence
STRONG_CONTRADICT_MATCH = 0.34
STRICT_MATCH = 0.25  # … of which its own words (without the page title) must carry at least this much
_STRONG = frozenset({"scale_slip", "transposed", "currency", "unit", "qualifier", "day_slip"})
_MONEY_FAMILIES_EXTRA = ("money",)


@dataclass(frozen=True)
class Statement:
    """One page figure read against the claim."""

    index: SnapshotIndex
    passage_no: int
    value: Value
    value_no: int  # the figure's place among its passage's values (what its geometry is cached by)
    comparison: Comparison
    match: float  # measure match of the figure's own segment (its clause cut at the figures around it)
    strict_match: float  # … without the page title (what the figure's own words say)
    bare_match: float  # … without the passage's heading either (its own segment, noun, row label, column)
    event_match: float  # … without the names (for a date: the event, not who it happened to)
    clause_match: float  # … of its clause and the clause before it
    alone: bool  # the only figure of its kind in its clause
    sibling: bool  # its own words are those of another figure of the claim's sentence
    other_subject: bool  # its clause or table row names another entity the claim speaks of, not the claim's subject
    bound_elsewhere: bool  # … its own segment does, an entity the claim binds to another of its figures
    names_near: bool  # its clause (or the one before, or its table row) names an entity of the claim's sentence
    subject_near: bool | None  # … names the claim's subject (None: the claim names none)
    names_other: bool  # … names an entity that is not the claim's subject
    subjects_row: bool  # a table row whose label (its first two cells) names the claim's subject
    # a table cell under the column of the name the claim's figure is given for ("Corvane Atlas 2"), or under
    # another name's column while the table has one for the claim's (rival)
    subjects_column: bool
    rival_column: bool
    foreign: bool  # its clause names another entity, none of the claim's, and not the claim's subject
    period_conflict: bool
    direction_conflict: bool
    direction: int  # +1 / -1 when the words next to the figure say it rose or fell
    periods: frozenset[str]  # the periods its clause states (q2, fiscal, y2026, …)
    partnered: bool  # (a date) its clause or the one before holds a figure of the claim's clause or the one before
    ends_apart: bool  # the claim's date ends a period (截至…) and this is the page's dateline, or the reverse
    other_event: bool  # (a date) its window dates a distinct event from the claim's sentence (成立 vs 上市)
    same_end: bool  # this date ends a period in so many words ("quarter ended …") and is not apart from the claim's
    change_for_share: bool  # a change on its base where the claim's figure is a share of a whole
    level_for_change: bool  # a level or share where the claim's figure is a change (on a base, or in points), or the reverse
    role_conflict: bool  # the claim's figure ends a change ("to 9%") where the page's starts it ("from 9%")
    # a table cell under a qualified column ("Cached input" beside "Input") whose qualifier the claim lacks
    other_column: bool
    # the page's figure is an earlier level a change or comparison starts from ("compared with 64.8% a
    # year earlier"), while the claim gives its figure as the level now
    earlier_level: bool
    stale: bool
    # a table row labelled by a versioned name ("Halden 3.1 | $0.80 | $3.20") the claim's sentence does not name
    unclaimed_row: bool
    span: tuple[int, int]  # the figure's clause inside the passage
    frame_weight: float = 0.0  # total weight of the claim's measure concepts (how much the frame says)
    # its own words are those of a figure of another family in the claim's sentence, none the claim's own: it
    # backs nothing (the claim may have moved that segment's figure onto its own measure)
    other_segment: bool = False
    # its own segment names the claim's measure only to leave it out ("DRAM revenue excluding HBM" for HBM), or
    # names another product line by its link speed ("800G光模块收入" for 1.6T's): another measure's figure, neither
    # backing nor contradicting
    other_measure: bool = False
    # its nearest words name the claim's side of a two-sided measure (+1: "input" for an input price) or only the
    # other side (-1: "output"), or neither (0)
    side: int = 0

    @property
    def passage(self) -> IndexedPassage:
        return self.index.passages[self.passage_no]

    @property
    def geometry(self) -> _Geometry:
        return _geometry(self.passage, self.value_no)


def frame_of(q: ClaimQuery, *, names_measure: bool = True, figure: Value | None = None) -> ClaimFrame:
    """The frame of the claim's key figure (or of ``figure``, another figure of its sentence)."""
    spans = tuple((v.start, v.end) for v in sentence_values(q.sentence) if v.kind != "date")
    key = figure if figure is not None else (q.values[0] if q.values else None)
    kin = _kin_spans(q, figure)
    frame = claim_frame(
        q.sentence,
        figure.raw if figure is not None else q.key_text,
        tuple((c.terms, c.weight, c.source) for c in q.concepts),
        q.context_names,
        spans,
        key.noun if key is not None else None,
        names_measure=names_measure,
        key_value=_number(key) if key is not None else None,
        kin_spans=kin,
        # (a date's siblings stay every other figure of its sentence: the words they bind are no event's)
        sibling_spans=None if key is None or unit_family(key) == "date" else kin,
    )
    if frame.weights and all(terms & _MODAL for terms, _ in frame.weights):
        # "预计2027年第三季度投运": a frame of nothing but "expected" names no measure (投运 unread): "expected
        # by 2030" on the page is no statement of it
        frame = replace(frame, weights=(), wide=())
    return frame


_MODAL = frozenset({"expect", "estimat", "forecas", "plan", "intend", "aim"})


def _kin_spans(q: ClaimQuery, figure: Value | None) -> tuple[tuple[int, int], ...]:
    """Spans of the sentence's figures of the key figure's own family (the years of its clause may be theirs)."""
    key = figure if figure is not None else (q.values[0] if q.values else None)
    if key is None:
        return ()
    family = unit_family(key)
    return tuple((v.start, v.end) for v in sentence_values(q.sentence) if v.kind != "date" and unit_family(v) == family)


@lru_cache(maxsize=4096)
def sentence_values(sentence: str) -> tuple[Value, ...]:
    """The figures of a claim's sentence (cached: several checks read the same sentence)."""
    return tuple(passage_values(sentence))


def _number(v: Value) -> float | None:
    try:
        return float(v.value)
    except (TypeError, ValueError):
        return None


def _compare(claimed: Value, found: Value, text: str) -> Comparison:
    """compare_values, extended across currencies and units of one kind (yuan vs dollars, GB vs TB), for a figure
    read in its passage ``text`` (a Traditional page's bare 元 after "人民幣…及" is the yuan, not the local dollar)."""
    if unit_family(found) in met_families(claimed) or one_currency(claimed, found, text):
        return compare_values(claimed, found)
    a, b = measure_key(claimed), measure_key(found)
    if a is None or b is None or a[0] != b[0]:
        return Comparison("incomparable", "unit")
    if a[0] == "money":
        if claimed.unit and found.unit and claimed.unit != found.unit:
            same = math.isclose(a[1], b[1], rel_tol=0.02) or significant_digits(a[1]) == significant_digits(b[1])
            return Comparison("disagree", "currency") if same else Comparison("incomparable", "currency")
        return Comparison("incomparable", "unit")
    x, y = a[1], b[1]
    if math.isclose(x, y, rel_tol=0.02):
        return Comparison("agree", "exact")
    if x > 0 and y > 0 and significant_digits(x) == significant_digits(y):
        return Comparison("disagree", "unit")
    return Comparison("incomparable", "unit")


def _as_multiple(claimed: Value, p: IndexedPassage, i: int) -> Comparison:
    """A claimed multiple ("more than doubled") against a page's rise in percent: up 118% is ×2.18. A
    percent that says no rise (a share of revenue) is no multiple."""
    pv = p.values[i]
    if pv.unit == "pp" or _geometry(p, i).direction <= 0 or not isinstance(pv.value, float | int):
        return Comparison("incomparable", "unit")  # (a change in points is no rise in percent: 提高5.2个百分点)
    return compare_values(claimed, replace(pv, value=1 + float(pv.value) / 100, unit="x", kind="count", precision=None))


def _families(claimed: Value) -> tuple[str, ...]:
    fam = unit_family(claimed)
    if fam == "date":
        return (fam,)
    key = measure_key(claimed)
    if key is None:
        return (fam,)
    if key[0] == "money":
        return (fam, "USD", "CNY", "JPY", "EUR", "GBP", "HKD", "TWD", "KRW", "INR", *_MONEY_FAMILIES_EXTRA)
    return (fam, "count", "power")


def _candidates(idx: SnapshotIndex, families: Iterable[str]) -> list[int]:
    seen: set[int] = set()
    for fam in families:
        seen.update(idx.by_family.get(fam, ()))
    return sorted(seen)


def nouns_agree(claimed: Value, found: Value) -> bool:
    """Both figures name what they count and share a word (241 个模型 / 214 models), or one counts people
    and the other a kind of people ("employs about 14,600 people" / 员工约 1.46 万人)."""
    if not (claimed.noun and found.noun):
        return False
    a, b = noun_terms(claimed.noun), noun_terms(found.noun)
    return bool(a & b) or bool(a & _PEOPLE and b & _KINDS_OF_PEOPLE) or bool(b & _PEOPLE and a & _KINDS_OF_PEOPLE)


_PEOPLE = frozenset({"peopl", "person"})
_KINDS_OF_PEOPLE = frozenset(
    {"worker", "employ", "staf", "workfor", "personn", "custome", "client", "develop", "member", "subscri",
     "enginee", "researc", "user", "consume", "student", "resident"}
)


def _nouns_clash(claimed: Value, found: Value) -> bool:
    """Both figures name what they count and share no word: 12 models vs 5 benchmarks. (An amount's noun
    "amount" — 订单金额 — names nothing it counts: no clash.)"""
    if not (claimed.noun and found.noun) or claimed.noun.lower() in _GENERIC_NOUNS or found.noun.lower() in _GENERIC_NOUNS:
        return False
    if _loss_as_negative(claimed, found) or _loss_as_negative(found, claimed):
        return False
    return not nouns_agree(claimed, found)


_GENERIC_NOUNS = frozenset({"amount", "sum", "total amount"})
_LOSS_NOUN = re.compile(r"\b(?:net )?loss(?:es)?\b", re.I)
_PROFIT_NOUN = re.compile(r"\b(?:profit|income|earnings)\b", re.I)


def _level_sign_flipped(claimed: Value, found: Value, frame: ClaimFrame) -> bool:
    """A level claimed positive with no way said (net profit of 1.24亿元) against the page's negative figure for it
    ("净利润 | -12,384.21", a loss): the sign says the other way, unless the claim's noun says it is a loss."""
    if frame.direction or claimed.kind not in ("money", "percent") or not isinstance(found.value, float):
        return False
    if not isinstance(claimed.value, float) or claimed.value <= 0 or found.value >= 0:
        return False
    return not (_loss_as_negative(claimed, found) or _NEGATIVE_WORDS.search(frame.clause))


# a claim's clause calling its figure an amount lost or gone out ("亏损约1.24亿元", "a cash outflow of RMB 1.25
# billion"): a negative figure on the page is the same amount
_NEGATIVE_WORDS = re.compile(r"亏损|虧損|流出|赤字|负数|負數|\b(?:loss(?:es)?|outflows?|deficits?|burn(?:ed|s)?|negative|minus)\b", re.I)


def _loss_as_negative(loss: Value, profit: Value) -> bool:
    """A loss said as a loss ("亏损约1.24亿元") and a profit line written negative ("净利润 | -12,384.21"): one
    quantity, counted both ways (the figures themselves are compared apart from their sign)."""
    return (
        bool(loss.noun and profit.noun) and _LOSS_NOUN.search(loss.noun or "") is not None
        and _PROFIT_NOUN.search(profit.noun or "") is not None and isinstance(profit.value, float) and profit.value < 0
    )


def sister_nouns(claimed: Value, found: Value) -> bool:
    """Both figures count the same thing of different kinds: one head, each qualified by a word the other lacks
    ("1,100 permanent jobs" / "1,100 construction jobs", "monthly active users" / "weekly active users"). Words
    that qualify nothing of the kind (total, new, about) do not count."""
    if not (claimed.noun and found.noun):
        return False
    a, b = content_words(claimed.noun), content_words(found.noun)
    if not a or not b or a[-1] != b[-1]:
        return False
    mine, theirs = set(a[:-1]) - _PLAIN_QUALIFIERS, set(b[:-1]) - _PLAIN_QUALIFIERS
    return bool(mine and theirs and not mine & theirs)


_PLAIN_QUALIFIERS = frozenset({"total", "overall", "combin", "new", "annual", "about", "more", "all", "other", "own"})


def _family_head(name: str) -> str:
    """The family a model or product name belongs to: Qwen4-Max, Qwen4-235B → qwen4 (read on the
    name as written: its compact form runs the family's digits into the model's, qwen4235b)."""
    m = re.match(r"[a-z]+\d*", name.lower())
    return m.group() if m else name.lower()


@lru_cache(maxsize=65536)
def _name_heads(window: str) -> tuple[tuple[str, str], ...]:
    """(compact name, family head) of every name in ``window``."""
    return tuple((compact(n), _family_head(n)) for n in split_names(window))


def subject_head(q: ClaimQuery, subject: str | None) -> str:
    """The family head of the claim's subject, read on the subject as the sentence writes it."""
    if subject is None:
        return ""
    return next((_family_head(n) for n in q.context_names if compact(n) == subject), _family_head(subject))


def claim_subject(q: ClaimQuery) -> str | None:
    """The first name written before the key in the key's clause (compact), if any."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return None
    end = at + len(q.key_text)
    values = sentence_values(q.sentence)
    key = next((n for n, v in enumerate(values) if at <= v.start < end), None)
    if key is not None and (owner := respective_owner(q.sentence, values, key)) and len(owner) >= 3:
        return owner  # "Alder and Birch raised $120 million and $80 million, respectively": the $80 million is Birch's
    s, e = clause_span(q.sentence, at, end)
    # the figure's own segment names its subject first: in "Astra 5's $10 output price is a third below the
    # $15 that Astra 4.5 charged" the $15 is Astra 4.5's, though the clause opens on Astra 5
    spans = [(v.start, v.end) for v in sentence_values(q.sentence) if v.kind not in {"date", "version"} and not at <= v.start < end]
    ss, se = segment_span(q.sentence, at, end, spans)
    if spans and ss > s:
        own = [compact(n) for n in split_names(q.sentence[ss:at]) or split_names(q.sentence[end:se]) if len(compact(n)) >= 3]
        if own:
            return own[0]
    head = q.sentence[s:at]
    # (the base a comparison is made against is no subject: "比Lyra 4.1低约17%", "17% lower than Lyra 4.1's")
    names = [compact(n) for n in split_names(head) if len(compact(n)) >= 3 and not _comparison_base(head, n)]
    if names:
        return names[0]
    # a Chinese attribute names its subject after the figure: "估值 3800 亿美元的 Anthropic"
    m = _OF_NAME.match(q.sentence, end, e)
    names = [compact(n) for n in split_names(m.group(1))] if m else []
    if names and len(names[0]) >= 3:
        return names[0]
    # "The model scored 71.2% …" after "Tessel Labs released Aster 4": the description's antecedent, in the
    # sentence's first clause only (a later one, "…, while Hollis 2 Pro scored 71.2%", names its own subject)
    if q.antecedent and s == 0:
        return compact(q.antecedent)
    # "Halvorsen Cloud, now the second-largest provider, spent $27.9 billion": the name the sentence opens
    # with, an aside between it and the clause of the figure
    opening = _OPENING_NAME.match(q.sentence, 0, s)
    if opening is not None and "," in q.sentence[opening.end() : s + 1]:
        name = opening.group(1)
        # (the whole opening is the name: not "In Korea, …", nor a plain word such as "Revenue, …")
        if split_names(name) == (name,) and len(compact(name)) >= 3 and not _PLAIN_WORD.fullmatch(name):
            return compact(name)
    return None


# a sentence opening on a name ("* **Halvorsen Cloud**, …"), bullets and emphasis before it
_BASE_BEFORE = re.compile(r"(?:比|较|較|相比|相较|相較|对比|對比|\bthan|\bversus|\bvs\.?|\bcompared (?:with|to))\s*$", re.I)


def _comparison_base(text: str, name: str) -> bool:
    """Is ``name`` written in ``text`` right after a comparison's base word (比 / 较 / than / versus)?"""
    at = text.find(name)
    return at > 0 and _BASE_BEFORE.search(text, 0, at) is not None


_OPENING_NAME = re.compile(r"[\s*#>\-–•]*(?:\*\*)?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})(?:\*\*)?\s*,")


_OF_NAME = re.compile(r"\s*的\s*([^，。；、,;与和及]{2,40})")


def _names_in(window: str) -> tuple[str, ...]:
    return tuple(n for n, _head in _name_heads(window))


def _other_subject(
    subject: str | None, head: str, window: str, sentence_names: frozenset[str], table_row: bool = False
) -> bool:
    """The window speaks of another entity: it names one the claim's sentence also names, or a sibling
    of the claim's subject's family (Qwen4-235B beside Qwen4-Max), and not the claim's subject. (The
    figure's own segment speaks first: see :func:`_bound_elsewhere`.)"""
    if subject is None:
        return False
    flat = compact(window)
    if subject in flat:
        return False
    heads = _name_heads(window)
    if _named_in_parts(subject, heads):
        return False
    if table_row:
        if _MEASURE_LABEL.fullmatch(window.split("|", 1)[0].strip()):
            return False  # a row labelled with a measure ("Net sales", "Operating profit"), not an entity
        row_names = [n for n in _names_in(window) if len(n) >= 3]
        # a table row is about the entity it names — unless that is one the claim names (its benchmark)
        return bool(row_names) and not any(n in sentence_names for n in row_names)
    for n, their_head in heads:
        if len(n) < 3 or n == subject:
            continue
        if n in sentence_names or (len(head) >= 3 and their_head == head):
            return True
    return False


# a name right before its figure, joined to it by a verb of holding ("with Ruiqi taking 25%"), or a model's versioned
# name by "at" ("behind Orison Labs' Orison-2 at 1,431"): the figure is that name's ("values Talvik at $2.1 billion"
# says whom the figure values, not whose it is)
_NAME = r"[A-Z][\w.\-]*(?:[ \t]+[A-Z0-9][\w.\-]*){0,3}"
_NAME_AT = re.compile(
    rf"(?:(?P<held>{_NAME})(?:['’]s)?[ \t]+(?:taking|takes|took|holding|holds|held)"
    rf"|(?P<model>[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){{0,2}}[ \t-]?\d[\w.]*)[ \t]+at)[ \t]+$"
)
_NAME_AT_REACH = 60


def _named_right_before(text: str, at: int, subject: str | None, sentence_flat: str) -> bool:
    """The page figure at ``at`` follows a name the claim's sentence never writes, joined to it by "at" or a verb of
    holding: that name's figure, not the claim's subject's."""
    if subject is None:
        return False
    m = _NAME_AT.search(text, max(0, at - _NAME_AT_REACH), at)
    if m is None:
        return False
    name = compact(m.group("held") or m.group("model"))
    return len(name) >= 3 and name not in sentence_flat and subject not in name and name not in subject


def _named_in_parts(subject: str, heads: Sequence[tuple[str, str]]) -> bool:
    """The window names the claim's subject in two parts, its maker and its product ("Halcyon HX9" as
    "Halcyon announced the HX9 accelerator"): the maker is no sibling of the product."""
    names = {n for n, _ in heads}
    return any(
        len(n) >= 3 and len(subject) - len(n) >= 2 and subject.startswith(n) and subject[len(n):] in names
        for n in names
    )


_YEAR_AGO_COLUMN = re.compile(r"上年同期|去年(?:同期|累[计計]|度|全年)?|上年(?:度|累[计計])|同期数|同期數|\b(?:year[- ]ago|prior[- ]year|previous[- ]year|last[- ]year)\b", re.I)
# … unless the header compares with it: "本报告期比上年同期增减变动幅度(%)", "Change vs prior year"
_COMPARED_WITH = re.compile(r"[比较較]上?[年期]|增[减減]|[变變]动|[变變]化|同比|\b(?:change|growth|vs\.?|versus|compared)\b|%", re.I)
_MEASURE_LABEL = re.compile(r"[A-Z][a-z]+(?:[ -][a-z]+)+(?:\s*\([^)]*\))?")


@dataclass(frozen=True)
class _Geometry:
    """What a page figure's surroundings say, whoever asks: computed once per figure, not per claim."""

    span: tuple[int, int]  # its clause
    words: frozenset[str]  # its clause, the clause before, the passage's heading (and a row's label)
    seg_words: frozenset[str]  # its own segment, heading, row label and noun
    own_words: frozenset[str]  # its own segment alone
    near: str  # … from the last joining word before the figure ("… input tokens and 8 yuan ($1.10) …")
    # the words its own segment names only to leave out of its measure ("excluding HBM") and the rest of them
    # (both empty when it leaves nothing out)
    left_out: tuple[frozenset[str], frozenset[str]]
    speeds: frozenset[float]  # the link speeds its own segment names its product by (800G光模块: {800.0})
    bare_words: frozenset[str]  # seg_words without the heading: what the figure's own place says
    window: str  # the clause before and its own (a table row: the row)
    segment: str  # its own segment (its clause cut at the figures around it)
    window_compact: str
    periods: frozenset[str]
    direction: int
    compared: int  # the way it moved from the earlier level it is compared with right after it (or 0)
    role: str | None
    base: bool  # the start of a change or comparison (frames.is_base_figure)
    year_ago: bool  # a table cell under a year-ago column ("上年同期", "Year-ago")
    earlier_column: bool  # … under a period column older than another of its header ("Q3 FY2026" beside "Q3 FY2027")
    stale: bool
    alone: bool  # the only figure of its kind in its clause
    # its base ("from a year ago", 环比), when no other figure of its kind in its clause is given against the
    # same one ("up 11% from Q2 and up 37% from a year ago": 37% is the clause's only change on a year before)
    own_base: str | None
    table_row: bool
    row_head: str  # a table row's first two cells, compact ("" for prose): the entity the row is about
    column_head: str  # the header over its cell ("" outside a table with a header)
    column_extra: frozenset[str]  # its header's words beyond another column's ("cach" of "Cached input" beside "Input")
    column_at: int  # the index of its cell's column (0 outside a table with a header)
    label_words: frozenset[str]  # a table row's label, read as words (empty for prose)
    # the names its window gives (compact; no generic acronym, no plain word opening a clause) and whether
    # the window is Chinese: what a claim's subject is read against (_foreign)
    proper_names: tuple[str, ...]
    han: bool
    owner: str  # the name a list given "respectively" assigns it to (compact; "" outside such a list)
    clause_at: int  # where its own clause starts in its window (-1 in a table row): for han_names, read on demand


def passage_sentences(p: IndexedPassage) -> tuple[tuple[int, int, tuple[Value, ...]], ...]:
    """The sentences of a passage, each with the figures it holds (cached on the passage object like
    its figures' geometry: every round, period and ratio claim reads the same passages)."""
    got: tuple[tuple[int, int, tuple[Value, ...]], ...] | None = getattr(p, "_sentences", None)
    if got is None:
        got = tuple(
            (s, e, tuple(v for v in p.values if s <= v.start < e)) for s, e in sentence_spans(p.text, 0, len(p.text))
        )
        object.__setattr__(p, "_sentences", got)
    return got


_FIRST_COMMA = re.compile(r"[，,]")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts: after the last sentence end before it, as ``_SENTENCE_END`` reads
    one (a Chinese stop or a semicolon; ".", "!" or "?" before whitespace or at ``at``). Read back from ``at``, so a
    long passage is not scanned from its start once per figure."""
    start = max(text.rfind(ch, 0, at) for ch in "。！？；;") + 1
    for ch in ".!?":
        i = text.rfind(ch, start, at)
        while i >= 0:
            if i + 1 == at or text[i + 1].isspace():
                start = max(start, min(i + 2, at))
                break
            i = text.rfind(ch, start, i)
    return start


def _topic_names(text: str, clause_start: int, clause: str) -> frozenset[str] | None:
    """The words of the names a Chinese sentence opens on (its topic clause), for a later clause of it that
    names no one: a comma-chained sentence says its subject once. None when there is none to add."""
    if not has_han(clause):
        return None
    start = _sentence_start(text, clause_start)
    comma = _FIRST_COMMA.search(text, start, clause_start)
    if comma is None:
        return None  # the figure's clause is the sentence's first
    names = split_names(text[start : comma.start()])
    # (the clause's own Chinese names are read last: jieba's tagger is not cheap)
    if not names or split_names(clause) or han_names(clause, 0):
        return None
    return frozenset(w for n in names for w in clause_words(n)) or None


# a sentence's end in a passage: a Chinese stop, or a full stop before a space (not "68.4")
_STOP = re.compile(r"[。！？；]|[.!?;](?=\s|$)")


def _within_sentence(text: str, lo: int, start: int, end: int, hi: int) -> str:
    """``text[lo:hi]`` around the figure at [start, end), cut to the figure's own sentence (a direction word of
    the next sentence, "成本较去年下降约35%", says nothing of "占比68%。")."""
    before = [m.end() for m in _STOP.finditer(text, lo, start)]
    after = _STOP.search(text, end, hi)
    return text[before[-1] if before else lo : after.start() if after else hi]


def _with_heading(own: frozenset[str], heading: frozenset[str]) -> frozenset[str]:
    """A clause's periods, with its heading's (or its table row label's) where the clause names none of
    that kind ("Q2 highlights" over a bare figure; but "the Series B" in the clause outranks "Series C"
    above it)."""
    said = {m[0] for m in own if m[0] in "qhyr"}
    return own | {m for m in heading if m[0] not in said}


_DECK = re.compile(r"[$€£¥]\s?\d|\d\s?%|\d\s?(?:billion|million|bn\b|亿|万)", re.I)
_INDEX_CELL = re.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.)、]?\s*")


def _year_of_a_figure(st: Statement) -> bool:
    """A bare year whose clause gives an amount, a share or a count: the period of that figure; or a fiscal
    year's name ("Third Quarter Fiscal 2027 Results", 2027财年), which dates no day."""
    if st.value.kind != "date" or len(str(st.value.value)) != 4:
        return False
    text = st.passage.text
    if _FISCAL_BEFORE.search(text, max(0, st.value.start - 10), st.value.start) or _FISCAL_AFTER.match(text, st.value.end):
        return True
    s, e = st.span
    return any(s <= v.start < e and v.kind in ("money", "percent") for v in st.passage.values)


_FISCAL_BEFORE = re.compile(r"\b(?:fiscal(?: year)?|FY)\s*'?$", re.I)
_FISCAL_AFTER = re.compile(r"\s*(?:财年|財年|财政年度|會計年度|fiscal year)")


def _index_cell_end(row: str) -> int:
    """Where a table row's first cell ends when it only numbers the rows ("2 | 大模型…项目 | …"), else -1."""
    first = row.find("|", 1)
    return first if first > 0 and _INDEX_CELL.fullmatch(row[:first]) else -1


def _numbers_the_row(row: str, v: Value) -> bool:
    """Is ``v`` in a first cell that only numbers the rows?"""
    return v.end <= _index_cell_end(row)


def _row_label(row: str) -> str:
    """A table row's label: its first cell, or its first two when the first only numbers the rows (序号)."""
    index_end = _index_cell_end(row)
    if index_end > 0 and (second := row.find("|", index_end + 1)) > 0:
        return row[:second]
    return row[: max(0, row.find("|", 1))]


def _in_period_words(text: str, start: int, end: int, v: Value) -> bool:
    """Is ``v`` the ordinal of a quarter or half that ``text[start:end]`` names ("the third quarter")?"""
    return any(start + a <= v.start and v.end <= start + b for a, b in part_of_year_spans(text[start:end]))


def _inside_name(text: str, v: Value) -> bool:
    """A figure that ends a hyphenated name (the 70B of Lyra4-70B) does not cut the words around it."""
    return v.start >= 2 and text[v.start - 1] == "-" and text[v.start - 2].isalnum()


# "4.8 trillion won ($3.4 billion)", "1.2 亿美元（约合 8.6 亿元人民币）": the same amount in another currency
_CONVERSION_OPEN = re.compile(r"\s*[(（]\s*(?:(?:about|approximately|roughly|around|some|or|约合?|合|折合|约为)\s*)?")
_CONVERSION_CLOSE = re.compile(r"\s*[)）]")


def _converted(text: str, amount: Value, other: Value) -> bool:
    """Is ``other`` ``amount`` converted, in brackets right after it? One amount, not a second figure: its
    words are the first's."""
    return (
        other.kind == "money" and amount.end <= other.start
        and _CONVERSION_OPEN.fullmatch(text, amount.end, other.start) is not None
        and _CONVERSION_CLOSE.match(text, other.end) is not None
    )


def _compared(text: str, values: Sequence[Value], i: int, family: str) -> int:
    pv = values[i]
    level = _number(pv)
    if level is None or family in {"date", "version", "fact"}:
        return 0
    later = [
        (v.start, v.end, n) for v in values[i + 1 :]
        if unit_family(v) == family and (n := _number(v)) is not None
    ]
    return compared_direction(text, level, pv.end, later) if later else 0


# a clause that opens on a change of the clause before's figure: "…, up 11% from a year ago", "，年增118.6%"
_GOES_ON_WITH_CHANGE = re.compile(
    r"[\s,，、;；]*(?:(?:and\s+)?(?:up|down|rising|falling|an? (?:increase|decrease|rise|fall|drop|gain) of)\b|[年月季]增|[年月季][减減]|同比|环比|環比|较上|較上)",
    re.I,
)
_SHORT_LABEL = re.compile(r"\s*[\u4e00-\u9fff]{2,8}\s*")
_FOLLOWS = re.compile(r"\b(?:as follows|the following|below)\s*\Z|如下\s*\Z|以下\s*\Z", re.I)
# a phrase that opens a sentence and says where or in what (no verb, no figure of its own)
_INTRO = re.compile(r"\s*(?:On|In|At|For|Among|Across|Within|Of|By)\s+[^,;:.]{2,40}$|\s*(?:在|于|於)[^，,；;。]{2,20}(?:上|中|方面|领域|領域)$")


# an appositive after a name ("a smaller rival", "which makes memory chips") and a clause that opens with
# its verb, in lower case ("reported …")
_APPOSITIVE = re.compile(r"\s*(?:a|an|the|which|who|whose)\s[^,;:.\d]{0,60}")
_OPENS_WITH_VERB = re.compile(r"\s*(?:[a-z]+(?:ed|s)|said|saw|rose|fell|grew|made|had|won|took|hit|led|raised|will|is|was)\b")
_NAME_ONLY = re.compile(r"\s*(?:[A-Z][\w.&'’-]*\s+){0,3}[A-Z][\w.&'’-]*\s*")


def _appositive_subject(text: str, s: int, ps: int, pe: int) -> tuple[int, int] | None:
    """The span of the name a figure's clause is said of across an appositive: the clause opens with its
    verb, the clause before it is an appositive, and the one before that a name alone."""
    if ps < 2 or not _OPENS_WITH_VERB.match(text, s) or not _APPOSITIVE.fullmatch(text, ps, pe):
        return None
    ns, ne = previous_clause(text, ps)
    return (ns, ne) if ne > ns and _NAME_ONLY.fullmatch(text, ns, ne) else None


def _points_beside(claimed: Value, p: IndexedPassage, i: int) -> bool:
    """Is the page's figure ``i`` a percent level (or a change in points) beside a change in points (or a percent
    level) of its own sentence, where the claim gives the other one? "61.8%, up 2.4 percentage points" holds
    the rate and its change: a claimed "+240 bps" is the second's, a claimed 61.8% the first's."""
    pv = p.values[i]
    if {claimed.unit, pv.unit} != {"pp", "percent"}:
        return False
    for j, v in enumerate(p.values):
        if j != i and v.unit == claimed.unit:
            a, b = sorted((pv.start, v.start))
            if 0 < b - a <= _BESIDE and not _SENTENCE_END.search(p.text, a, b):
                return True
    return False


_BESIDE = 60
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|[。！？；;]")


def _own_base(
    text: str, values: Sequence[Value], i: int, family: str, clause: tuple[int, int], basis: frozenset[str]
) -> str | None:
    """The figure's base when no other figure of its kind in its clause is a change against the same one."""
    if not basis:
        return None
    (mark,) = basis
    s, e = clause
    for j, v in enumerate(values):
        if j == i or not s <= v.start < e or unit_family(v) != family:
            continue
        others = [(w.start, w.end) for k, w in enumerate(values) if k != j and w.kind != "date"]
        if comparison_basis(text, v.start, v.end, others) == mark:
            return None
    return mark


def _opens_by_leaving_out(text: str, start: int, end: int, values: Sequence[Value]) -> bool:
    """The clause before a figure's opens by leaving something out and holds no figure ("剔除数据中心业务后，营业收入
    为12.6亿元", "Excluding HBM, memory revenue was …"): what it leaves out is left out of the figure's measure."""
    return starts_leaving_out(text[start:end]) and not any(start <= v.start < end for v in values)


# what joins a range's two ends ("$860 million to $900 million", "43%至45%"): the low end is the figure's own
_RANGE_JOIN = re.compile(r"\s*(?:to|and|-|–|—|~|～|至|到)\s*", re.I)


def _geometry(p: IndexedPassage, i: int) -> _Geometry:
    """The geometry of value ``i`` of passage ``p``, cached on the passage object (indexes are
    rebuilt per verify run, so the cache lives and dies with them)."""
    cache: dict[int, _Geometry] | None = getattr(p, "_geometry", None)
    if cache is None:
        cache = {}
        object.__setattr__(p, "_geometry", cache)
    got = cache.get(i)
    if got is not None:
        return got
    pv = p.values[i]
    text = p.text
    # a money figure's segment is cut at the other amounts only (a duration or a count between says when
    # or how, not what: "committed $25 million over ten years to a community fund")
    money_only = pv.kind == "money"
    spans = [
        (v.start, v.end) for v in p.values
        if v.kind != "date" and (v.start, v.end) != (pv.start, pv.end) and not _inside_name(text, v)
        and (not money_only or v.kind == "money")
        and not (money_only and (_converted(text, pv, v) or _converted(text, v, pv)))
        # (a multiple said as the clause's verb, "the maximum output length doubles to 64,000 tokens", 翻了一番至8亿元,
        # moves the measure before it to the figure after it: no figure of its own between them)
        and not (v.unit == "x" and v.end <= pv.start and to_between(text, v.end, pv.start))
    ]
    s, e = clause_span(text, pv.start, pv.end, min_chars=12)
    clause = text[s:e]
    ps, _pe = previous_clause(text, s)
    words = clause_words(clause) | clause_words(text[ps:_pe]) | p.context
    first, last = _list_run(text, p.values, i)
    gs, ge = segment_span(text, first.start, first.end, spans)
    if last is not first:  # "the 2.3% and 2.1% it predicted": a list's words belong to each of its figures
        ge = segment_span(text, last.start, last.end, [sp for sp in spans if sp != (last.start, last.end)])[1]
    if pv.kind == "date" and _bare_clause(text, gs, ge, pv) and ge < len(text):
        # "5 月 7 日，星河智能发布…", "On June 4, DeepSeek released…": a date that opens its sentence alone
        # dates the clause after it
        nxt = segment_span(text, min(len(text) - 1, ge + 1), min(len(text), ge + 2), spans)[1]
        ge = max(ge, nxt)
    own = clause_words(text[gs:ge])
    # "On CodeTrail Verified, Halden 3.5 ranks second", "In the third quarter of 2026, revenue rose 21% to
    # $5.2 billion": the opening phrase (a date in it aside, no figure of its own) is the clause's
    # (… and so is a clause that introduces what follows it: "Halcyon's outlook for the fourth quarter of
    # fiscal 2027 is as follows: Revenue is expected to be $7.1 billion")
    # (… and so is a short label a colon closes, "公示期：2026年12月7日至2026年12月11日": what its value measures)
    introduces = text[_pe : _pe + 1] in {":", "："} and (
        _FOLLOWS.search(text, ps, _pe) is not None or _SHORT_LABEL.fullmatch(text, ps, _pe) is not None
    )
    intro = (_INTRO.match(text, ps, _pe) is not None or introduces) and not any(
        # (no figure of its own, nor one before the figure's own segment: the intro's dates and the ordinal of
        # its quarter aside, "For the third quarter of fiscal 2027, Corvane expects revenue of $7.30 billion")
        (v.kind != "date" and not _in_period_words(text, ps, _pe, v))
        if ps <= v.start < _pe
        # (… a version or a rank aside: "On the OpenArena leaderboard, MJ-4 debuted in third place with a score of 1,371")
        else s <= v.start < gs and v.kind != "version" and v.unit != "rank" and not _RANGE_JOIN.fullmatch(text, v.end, pv.start)
        for v in p.values
    )
    if intro:
        own |= clause_words(text[ps:_pe])
    if (topic := _topic_names(text, s, clause)) is not None:
        words |= topic  # "同时开源的还有轻量版玄策-4-Mini，参数量300亿，…，可在单张96GB显存的显卡上…": Mini's memory
    if (named := _appositive_subject(text, s, ps, _pe)) is not None:
        # "Halden Micro, a smaller rival, reported a gross margin of 49.6%": the name before the appositive
        # is the subject of a clause that opens with its verb
        ns, ne = named
        own |= clause_words(text[ns:ne])
        words |= clause_words(text[ns:ne])
        ps = ns
    bare_words = own | noun_terms(pv.noun) if pv.noun else own
    segment = text[gs:ge]
    column = ""
    at = 0
    table_row = p.kind in {"td", "tr"}
    label = _row_label(text) if table_row else ""
    if table_row:  # a table row: its label binds every cell, its column's header its own
        # (… by its sounds too: the row of 前海澄算智算中心 is that of "Qianhai Chengsuan", as a passage's words are)
        sounds = _name_sounds(label) if has_han(label) else frozenset()
        words |= clause_words(text) | sounds
        bare_words |= clause_words(label) | sounds
        at = column_of(text, pv.start)
        if 0 < at < len(p.columns):
            column = p.columns[at]
            segment = f"{column} {segment}"
            bare_words |= clause_words(column)
    window = text if table_row else text[ps:e]
    family = unit_family(pv)
    alone = sum(1 for v in p.values if s <= v.start < e and unit_family(v) == family) <= 1
    marks = period_marks(f"{column} {clause}" if column else clause)
    if intro:
        marks = _with_heading(marks, period_marks(text[ps:_pe]))
    elif _GOES_ON_WITH_CHANGE.match(clause) and not any(m[0] == "n" for m in marks):
        # "11月合併營收42.7億元，月增9.2%、年增118.6%": a change that goes on from the clause before is of its month
        marks |= {m for m in period_marks(text[ps:_pe]) if m[0] == "n"}
    around = _within_sentence(text, max(0, pv.start - 40), pv.start, pv.end, pv.end + 40)
    basis = basis_marks(text, pv.start, pv.end, spans)
    own_base = _own_base(text, p.values, i, family, (s, e), basis)
    base = is_base_figure(text, pv.start, pv.end, direction_of(around))
    # (a deck of figures, "Revenue of $3.18 billion, up 62%; … raises 2026 capex outlook", dates its own items,
    # not the passages under it)
    heading_marks = (period_marks(p.heading) if not _DECK.search(p.heading) else frozenset()) | period_marks(label)
    if not table_row and (lead_in := _RUN_IN_TITLE.match(text)) is not None and lead_in.end() <= s:
        # a paragraph opening on a title of its own ("First quarter fiscal 2027 outlook. Tavora expects revenue of
        # $3.60 billion …"): its period heads the paragraph's figures, as a heading's does
        heading_marks |= period_marks(lead_in.group(1))
    if base and "byoy" in basis:  # "compared with 47.6% a year earlier" under a heading of fiscal 2026
        heading_marks = year_before(heading_marks)
    got = _Geometry(
        span=(s, e),
        words=words,
        seg_words=bare_words | p.context,
        own_words=own,
        near=text[_near_start(text, gs, first.start) : ge],
        left_out=excluded_words(text[ps if _opens_by_leaving_out(text, ps, _pe, p.values) else gs : ge]),
        # (… else by its clause and the one before: "800G模組月產能將由18萬組，提升至明年第二季的32萬組")
        speeds=link_speeds(text[gs:ge]) or link_speeds(text[ps:e]),
        bare_words=bare_words,
        window=window,
        segment=segment,
        window_compact=compact(window),
        # (its clause's years are its own when another figure of its kind shares the clause)
        periods=_with_heading(
            own_years(marks, text, pv.start, pv.end, gs, ge) if family != "date" and not alone else marks,
            heading_marks,
        )
        | basis,
        direction=direction_of(around, _number(pv))
        or (offset_direction(text, pv.end) if pv.kind == "percent" else 0) or trailing_change(text, e)
        # both ways around it ("按年升12.4%，但按季跌3.1%"): its own segment says which
        or direction_of(text[gs:pv.end]),
        compared=_compared(text, p.values, i, family),
        role=figure_role(text, pv.start, pv.end),
        base=base,
        # (or in its row's label, in a table that runs down: "去年累計 | 131,540,225")
        year_ago=_year_ago(column) or _year_ago(label),
        earlier_column=bool(column) and _earlier_column(p.columns, column_of(text, pv.start)),
        stale=is_stale(pv, stale_spans(text)),
        alone=alone,
        own_base=own_base,
        table_row=table_row,
        row_head=compact(text[: max(0, text.find("|", text.find("|", 1) + 1))]) if table_row else "",
        column_head=column,
        column_extra=_column_extras(p.columns)[at] if column else frozenset(),
        column_at=at if column else 0,
        label_words=clause_words(label) if label else frozenset(),
        proper_names=_proper_names(window),
        han=has_han(window),
        owner=respective_owner(text, p.values, i),
        clause_at=-1 if table_row else s - ps,
    )
    cache[i] = got
    return got


# a word joining two figures' phrases: what comes before it is the figure before's ("2 yuan per million input
# tokens and 8 yuan per million output tokens")
_JOINER = re.compile(r"\s(?:and|while|whereas|but)\s|[、和与與及；;]", re.I)


def _near_start(text: str, start: int, figure: int) -> int:
    """Where the words nearest a figure begin in its segment ``text[start:…]``: after the last joining word
    before it, or at the segment's start."""
    at = start
    for m in _JOINER.finditer(text, start, figure):
        at = m.end()
    return at


_BARE_LEAD = re.compile(r"^\W*(?:on|in|at|since|by|as of|于|在|截至|自)?\W*$", re.I)


# a title run into its paragraph: a short opening sentence with a year and no other figure ("First quarter fiscal
# 2027 outlook.", "Fourth Quarter Fiscal 2026 Highlights:")
_RUN_IN_TITLE = re.compile(r"\s*([A-Z][A-Za-z ,'&/-]{2,60}?(?:19|20)\d{2}[A-Za-z ,'&/-]{0,30})[.:]\s")


def _year_ago(header: str) -> bool:
    """A table column's header (or a row's label) naming the year-ago period itself, not a change against it."""
    return bool(header) and _YEAR_AGO_COLUMN.search(header) is not None and _COMPARED_WITH.search(header) is None


def _bare_clause(text: str, s: int, e: int, v: Value) -> bool:
    """Does the clause ``[s, e)`` hold nothing but the figure (and a preposition before it)?"""
    return bool(_BARE_LEAD.match(text[s : v.start])) and not text[v.end : e].strip(" ，,、")


def _list_run(text: str, values: Sequence[Value], i: int) -> tuple[Value, Value]:
    """The first and last figures of the list value ``i`` is listed in ("4.2% and 2.7%", "1、2、3 号"):
    figures of one family side by side, joined by a comma or a conjunction alone — or the two ends of
    one change ("growth eased from more than 50% to less than 40%", "从 12% 降至 9%")."""
    pv = values[i]
    family = unit_family(pv)
    first = last = pv
    j = i
    while j > 0 and values[j - 1].kind != "date" and unit_family(values[j - 1]) == family and _joined(text, values[j - 1], first):
        j -= 1
        first = values[j]
    j = i
    while j + 1 < len(values) and values[j + 1].kind != "date" and unit_family(values[j + 1]) == family and _joined(text, last, values[j + 1]):
        j += 1
        last = values[j]
    return first, last


_BOUND_WORDS = r"(?:less than|more than|under|over|above|below|about|nearly|almost|around|近|超过|不到|约)?"
# … with the year each end is of ("由2026年的24%提高至2027年的31%", "from 24% in 2026 to 31% in 2027")
_END_YEAR_ZH = r"(?:(?:19|20)\d{2}\s*年(?:底|末|初)?的?\s*)?"
_END_YEAR_EN = r"(?:\s*(?:in|at the end of|by)\s+(?:19|20)\d{2})?"
# (由原先规划的 32 亿美元上修至 38 亿美元: an attribute of the start between 由 and it)
_FROM_LEAD = re.compile(rf"(?:\bfrom|[从由](?:[^\d，,。；;]{{1,8}}的)?)\s*{_END_YEAR_ZH}{_BOUND_WORDS}\s*$", re.I)
_CHANGE_GAP = re.compile(
    rf"{_END_YEAR_EN}\s*(?:to|至|到|降至|升至|增至|跌至|涨至|减至|提高到|提升至|提高至|下降到|上升到|增加到|减少到"
    # a forecast revised: 上修至 / 下修至 (Taiwan), 上调至 / 下调至, 调升至 / 调降至 (either script)
    rf"|[上下][修調调]至|[調调][升降]至|漲至|減至"
    # a move written in two characters, either script: 攀升至, 回落至, 增長至, 擴大到
    r"|(?:攀升|回升|[跃躍]升|[飙飆]升|上升|下降|下滑|滑落|回落|增[长長]|成[长長]|[扩擴]大|[缩縮]小|降低)[至到]"
    rf")\s*{_END_YEAR_ZH}{_BOUND_WORDS}\s*",
    re.I,
)


def _joined(text: str, first: Value, second: Value) -> bool:
    """Are two figures one list, or the two ends of one change (their measure is written once for both)?"""
    if _listed(text, first, second):
        return True
    return (
        first.end <= second.start
        and _CHANGE_GAP.fullmatch(text, first.end, second.start) is not None
        and _FROM_LEAD.search(text, max(0, first.start - 20), first.start) is not None
    )


def _bound_elsewhere(subject: str | None, segment: str, elsewhere: frozenset[str]) -> bool:
    """The figure's own segment names an entity the claim binds to another of its figures, and not the
    claim's subject: the figure is that entity's. In "Qwen4-Max ranks first and DeepSeek second, while
    Kestrel ranks third", "third" is Kestrel's although the clause also names Qwen4-Max."""
    if subject is None or not segment or not elsewhere or subject in compact(segment):
        return False
    return any(n in elsewhere for n in _names_in(segment))


def _named_elsewhere(q: ClaimQuery, names: frozenset[str]) -> frozenset[str]:
    """Names of the claim's sentence outside its key figure's own segment (bound to its other figures)."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return frozenset()
    end = at + len(q.key_text)
    spans = [(v.start, v.end) for v in sentence_values(q.sentence) if v.kind != "date" and not at <= v.start < end]
    s, e = segment_span(q.sentence, at, end, spans)
    own = compact(q.sentence[s:e])
    return frozenset(n for n in names if n not in own)


def sentence_siblings(q: ClaimQuery, claimed: Value) -> list[Value]:
    """The other figures of the claim's sentence of its family and another value."""
    family = unit_family(claimed)
    return [v for v in sentence_values(q.sentence) if unit_family(v) == family and compare_values(claimed, v).disagrees]


def aligned_statements(
    q: ClaimQuery,
    claimed: Value,
    indexes: Sequence[SnapshotIndex],
    subjects: Sequence[str],
    frame: ClaimFrame | None = None,
) -> list[Statement]:
    """Every page figure of a comparable kind with its frame read against the claim's (``frame``:
    the claim's, when the caller has read it already)."""
    frame = frame or frame_of(q)
    if not frame.weights and len(sentence_values(q.sentence)) < 2:
        return []  # (a frame without a measure still pairs two figures of one sentence: "A 今年 73 岁，B 71 岁")
    event = frame_of(q, names_measure=False)
    subject = claim_subject(q)
    head = subject_head(q, subject)
    all_names = frozenset(compact(n) for n in q.context_names if len(compact(n)) >= 3 and not names_no_one(n))
    sentence_names = frozenset(compact(n) for n in q.context_names if len(compact(n)) >= 3) - {subject or ""}
    elsewhere = _named_elsewhere(q, sentence_names)
    frame_weight = sum(w for _, w in frame.weights)
    partners = clause_partners(q.sentence, claimed)
    date_partners = clause_partners(q.sentence, claimed, clause_before=True) if claimed.kind == "date" else ()
    own_noun = _own_noun(q, claimed)
    level_now = _states_a_level_now(q, claimed, frame)
    reached = bool(frame.direction) and (at := q.sentence.find(claimed.raw)) >= 0 and reaches_level(q.sentence, at)
    key_segment = _key_segment(q)
    own_names = _segment_names(key_segment)
    if q.antecedent and subject == compact(q.antecedent):
        own_names |= {subject}  # the description's antecedent is the key's own name
    own_segment = compact(key_segment)
    subject_forms = _subject_forms(q, subject)
    claim_words = clause_words(q.sentence)
    sentence_flat = compact(q.sentence)
    out: list[Statement] = []
    families = _families(claimed)
    change_claim = claimed.kind == "percent" and bool(frame.periods & CHANGE_BASES)
    share_words = _SHARE.search(frame.clause) is not None
    share_claim = claimed.kind == "percent" and not frame.direction and not change_claim and share_words
    moving_claim = claimed.kind == "percent" and bool(frame.direction) and not share_words
    # a date that ends a period (截至2026年10月25日) against one that dates an event, or the reverse
    at_claim = q.sentence.find(claimed.raw) if claimed.kind == "date" else -1
    # ("截至…", "as of …", or "…止", "…为止" after it)
    ends_after = at_claim >= 0 and _END_AFTER.match(q.sentence, at_claim + len(claimed.raw)) is not None
    claim_end = at_claim >= 0 and (period_end_before(q.sentence, at_claim, strict=True) or ends_after)
    # (a claim read as an event's date only when nothing around it may end a period: not "to", 至, "the end of")
    claim_event = at_claim >= 0 and not period_end_before(q.sentence, at_claim) and not ends_after
    multiple = claimed.unit == "x"  # "doubled", 翻了一倍: a page's rise in percent says it too ("up 118%")
    if multiple:
        families = (*families, "percent")
    claim_rounds = {m for m in frame.periods if m[:1] == "r"}
    whole_frame = frame
    sentence_others = sentence_siblings(q, claimed)
    for idx in indexes:
        if not subject_on_page(q, subjects, idx):
            continue  # another company's page
        # a page that never names the claim's round speaks of the same round under its own letter: the round
        # is judged as the claim's round letter is, not held against every figure of it ("RMB 1.8 billion in a
        # Series C" against "18亿元人民币B轮融资")
        frame = whole_frame
        if claim_rounds and not {f"r{r}" for r in round_marks(idx.page_text)} & claim_rounds:
            frame = replace(whole_frame, periods=whole_frame.periods - claim_rounds)
        # a page titled with a fiscal period ("Third Quarter Fiscal 2027 Results") reports every quarter in it
        fiscal = frozenset(m for m in period_marks(idx.title) if m == "fiscal" or m.startswith("fy"))
        fiscal_before = year_before(fiscal)  # (for a base "compared with … a year earlier")
        report_part = _report_part(idx.title)
        for n in _candidates(idx, families):
            p = idx.passages[n]
            for i, pv in enumerate(p.values):
                if p.kind in {"td", "tr"} and _numbers_the_row(p.text, pv):
                    continue  # "2 | 大模型…项目 | 64,320.00": the row's number, not a figure
                cmp = _compare(claimed, pv, p.text) if not (multiple and pv.kind == "percent") else _as_multiple(claimed, p, i)
                if cmp.outcome == "incomparable" or counts_other_things(claimed, pv):
                    continue
                g = _geometry(p, i)
                if multiple and pv.kind == "percent" and not (g.direction and direction_of(g.segment)):
                    continue  # a share or a rate, "综合毛利率为53.8%", is no change a multiple can be read from
                # (a level the claim says was reached, "rose to 44.1%", also meets the page's comparison)
                moved = g.direction or (g.compared if reached else 0)
                # (… unless its clause says calendar: "ships in the first quarter of calendar 2027")
                periods = g.periods | (fiscal_before if g.base and "byoy" in g.periods else fiscal) if fiscal and not g.periods & {"fiscal", "calendar"} else g.periods
                if report_part and g.column_head:
                    periods |= _report_column(g.column_head, report_part)
                bound = _bound_elsewhere(subject, g.segment, elsewhere)
                owned = _owned(subject, g.owner)
                # (its place gives it to an entity none of the claim's: "and 45 billion yen for Tomoe Advanced")
                other_owner = bool(g.owner) and bool(subjects) and not any(_owned(n, g.owner) for n in subjects)
                # a period the page writes in words ("third-quarter revenue") meets the claim's "Q3 revenue"
                seg_words = g.seg_words | idx.title_words | periods
                match = measure_match(frame, seg_words)
                # its clause holds another figure equal to another figure of the claim's clause ("USD1 to
                # RMB6.4401" for 1美元对人民币6.4401元): the pair anchors it as well as a frame half met
                if partners and partnered(p, i, g.span, partners):
                    match = max(match, SUPPORT_MATCH)
                # a table cell under a model of the claim's family at another version ("Halden 3.1" for
                # Halden 3.5's score) is the other model's
                rival_column = (bool(own_names) and (
                    _rival_name(g.column_head, own_names) or _other_named_column(p.columns, g.column_head, own_names)
                )) or _other_labelled_column(p.columns, g.column_head, own_segment)
                words = g.words | idx.title_words | periods
                # (… and so are they for the one change of its clause given against the claim's base: "up 9%
                # from the previous quarter and up 28% from a year ago" for "+28% y/y")
                own_base = g.own_base is not None and g.own_base in frame.periods
                page_end = claimed.kind == "date" and period_end_before(p.text, pv.start, strict=True)
                # (… names the claim's measure only to leave it out: "DRAM revenue excluding HBM" for HBM; or
                # another product line by its link speed: "800G光模块收入" for 1.6T's)
                # (its nearest words are read only for a claim that names one side of a two-sided measure)
                side = frame.side_of(clause_words(g.near)) if frame.sides else 0
                other_measure = frame.left_out_by(*g.left_out) or frame.other_speed(g.speeds) or side < 0
                # (an average claimed, a figure whose words say no average: "较明镜-3分别下降60%和50%" for 平均降幅超过五成)
                other_measure = other_measure or (frame.aggregate and not says_average(g.window))
                # (a period's end is no page's dateline; "the quarter ended …" dates no event)
                ends_apart = (claim_end and bool(idx.published) and str(pv.value) == str(idx.published)[:10]) or (
                    claim_event and page_end
                )
                if owned is not None or own_base:  # a list given "respectively": its clause's words are each figure's
                    match = max(match, measure_match(frame, words))
                # a period's end said of nothing but its period ("截至2026年10月25日的第三财季"): the page's end of the
                # same period ("the third quarter of fiscal 2027, ended October 25, 2026") is its statement
                if not frame.weights and claim_end and page_end and frame.periods and frame.periods <= periods | period_marks(g.window):
                    match = max(match, SUPPORT_MATCH)
                out.append(
                    Statement(
                        index=idx,
                        passage_no=n,
                        value=pv,
                        value_no=i,
                        comparison=cmp,
                        match=match,
                        strict_match=measure_match(frame, g.seg_words | periods),
                        bare_match=measure_match(frame, g.bare_words),
                        event_match=measure_match(event, seg_words) if event.weights else 0.0,
                        clause_match=measure_match(frame, words),
                        # (… or the only one of its clause given against the claim's base)
                        alone=g.alone or own_base,
                        # … unless they name what the claim's figure counts, which no other figure counts
                        sibling=(frame.bound_to_sibling(g.own_words) and not own_noun & g.own_words)
                        # (… or it is another figure of the claim's sentence, in words only that figure has:
                        # "合计占比为64.5%" beside a claimed "最大单一客户…约三成" and its "合计占比64.5%")
                        or (any(compare_values(o, pv).agrees for o in sentence_others) and frame.sibling_words_only(g.own_words))
                        or other_measure,
                        other_measure=other_measure,
                        side=side,
                        other_segment=frame.other_words_only(g.own_words),
                        # its own segment first: a family sibling named there owns the figure ("开源旗舰
                        # Lyra4-70B 原生支持 12.8 万", even after a clause on Lyra4-Max)
                        # (a table row is one entity's: its label decides, not a neighbouring cell's maker)
                        # (a list given "respectively" says whose each figure is, whatever else its clause names)
                        other_subject=other_owner or (not owned if owned is not None else bound or rival_column)
                        or (not g.table_row and _other_subject(subject, head, g.segment, frozenset()))
                        or (not g.table_row and _named_right_before(p.text, pv.start, subject, sentence_flat))
                        # (a prose window is read against the names bound to the claim's other figures, not
                        # those of its own segment: "for its Johor campus" is the claim's own campus)
                        or _other_subject(subject, head, g.window, sentence_names if g.table_row else elsewhere, g.table_row),
                        bound_elsewhere=(bound and not owned) or other_owner,
                        subjects_row=bool(owned) or (g.table_row and subject is not None and subject in g.row_head),
                        subjects_column=bool(g.column_head) and compact(g.column_head) in own_names,
                        rival_column=rival_column,
                        names_near=not all_names or any(n in g.window_compact for n in all_names),
                        subject_near=any(f in g.window_compact for f in subject_forms) if subject_forms else None,
                        names_other=_names_other(g, subject_forms),
                        foreign=not owned and _foreign(subject, g, all_names),
                        # (a date's own quarter or half is its value, compared as such: "the third quarter
                        # of 2027" against "the fourth quarter of 2027" differs, it is no other period)
                        period_conflict=periods_conflict(*_outside_dates(claimed, pv, frame.periods, periods))
                        # (a base said "in the year-ago quarter" is the cell a year before the table's latest)
                        or (bool(g.column_head) and _another_base_column(frame, p.columns, g.column_at)),
                        direction_conflict=bool(frame.direction and moved and frame.direction != moved)
                        or _level_sign_flipped(claimed, pv, frame),
                        direction=g.direction,
                        periods=periods,
                        partnered=bool(date_partners) and partnered_with_clause_before(p, i, g.span, date_partners),
                        ends_apart=ends_apart,
                        other_event=claimed.kind == "date" and events_apart(q.sentence, g.window),
                        same_end=page_end and not ends_apart,
                        # the claim's figure is a change on a base ("+37% y/y", 同比+6%); this one says neither a
                        # base nor a move: a level or a share ("represented 84% of total revenue")
                        level_for_change=(change_claim and not g.table_row and not g.direction and not periods & CHANGE_BASES)
                        # (a fall or a rise the claim says, "价格降了七成", against a share the page gives, "占比68%")
                        or (moving_claim and not g.direction and _SHARE.search(g.segment) is not None)
                        # (a rate where the claim gives a change in points, and the page gives one beside it:
                        # "61.8%, up 2.4 percentage points" for "+240 bps"; a change in points where the claim
                        # gives a change in percent is the same change in the wrong unit: 季增1.6% for 季增1.6個百分點)
                        or (_points_beside(claimed, p, i) and not ((change_claim or moving_claim) and pv.unit == "pp")),
                        # (… or the reverse: the claim's figure is a share, "占总营收五成", and this one a change on
                        # its base, "up 54% from a year ago")
                        change_for_share=share_claim and bool(g.direction) and bool(periods & CHANGE_BASES),
                        role_conflict=bool(frame.role and g.role and frame.role != g.role),
                        # (a change column, "…比上年同期增减变动幅度(%)", is the column of a change on its base)
                        # (… but a periodic report's column of the claim's own part of the year is the claim's:
                        # 年初至报告期末 of a third-quarter report for "over the first nine months")
                        other_column=(bool(g.column_extra) and not g.column_extra & claim_words
                                      and not bases_named(g.column_head) & frame.periods & CHANGE_BASES
                                      and not (report_part and _report_column(g.column_head, report_part) & frame.periods))
                        or (g.column_at > 0 and _sister_measure(p.columns, g.column_at, frame, g.label_words))
                        or _negated_measure(frame, g.segment),
                        # (a year-ago column's cell is the year before whatever period the claim names)
                        earlier_level=(g.base and level_now) or (g.year_ago and frame.role is None and not frame.looks_back)
                        # (a claim that names no period means the table's latest one, not "Q3 FY2026" beside "Q3 FY2027")
                        or (g.earlier_column and not _dated(frame.periods) and frame.role is None and not frame.looks_back),
                        stale=g.stale,
                        unclaimed_row=_unclaimed_model_row(p.text, subjects, idx.title) if g.table_row
                        else _other_version_said(g.segment, subjects, idx.title),
                        span=g.span,
                        frame_weight=frame_weight,
                    )
                )
    return _whole_years_apart(_sides_told_apart(out), frame.periods)


def _sides_told_apart(statements: list[Statement]) -> list[Statement]:
    """A figure's words name the claim's side of a two-sided measure only where its passage tells the sides apart,
    giving a figure to the other side too ("输入1.5元、输出6元"); elsewhere the word names a product ("训练卡"), no
    side."""
    told = {(id(st.index), st.passage_no) for st in statements if st.side < 0}
    return [
        replace(st, side=0) if st.side > 0 and (id(st.index), st.passage_no) not in told else st for st in statements
    ]


_PERIODIC_REPORT = re.compile(r"(?:第[一二三四]季度|半年度|年度)报告|(?:第[一二三四]季度|半年度|年度)報告")
# a periodic report's columns (上市公司季度报告): the period it reports, and the year up to that period's end
_TO_DATE = {"q1": "q1", "q2": "h1", "h1": "h1", "q3": "q123"}


def _report_part(title: str) -> str | None:
    """The part of the year a Chinese periodic report's title names ("2026年第三季度报告" → q3, 半年度报告 → h1)."""
    if _PERIODIC_REPORT.search(title) is None:
        return None
    if "半年度" in title:
        return "h1"
    parts = sorted(m for m in period_marks(title) if m in {"q1", "q2", "q3", "q4"})
    return parts[0] if len(parts) == 1 else None


def _report_column(column: str, part: str) -> frozenset[str]:
    """What a periodic report's column speaks of: 本报告期 its own part of the year, 年初至报告期末 the year to its
    end (the first three quarters, in a third-quarter report)."""
    if "年初至报告期末" in column or "年初至報告期末" in column:
        return frozenset({_TO_DATE[part]}) if part in _TO_DATE else frozenset()
    if "本报告期" in column or "本報告期" in column:
        return frozenset({part})
    return frozenset()


_NAME_LETTERS = re.compile(r"[^a-z\u4e00-\u9fff]+")


def _subject_forms(q: ClaimQuery, subject: str | None) -> frozenset[str]:
    """The compact spellings of the claim's subject: its Latin name, or the Chinese name its clause opens
    with (both spellings of a known one: 阿里巴巴, alibaba)."""
    if subject is not None:
        return frozenset({subject})
    at = q.sentence.find(q.key_text)
    return han_subject(q.sentence, at, at + len(q.key_text)) if at >= 0 else frozenset()


def _names_other(g: _Geometry, subject_forms: frozenset[str]) -> bool:
    """Does the figure's window name an entity that is none of the claim's subject's spellings?"""
    if not subject_forms:
        return False
    # (the Chinese names are read only here, for a claim with a subject: jieba's tagger is not cheap)
    chinese = han_names(g.window, g.clause_at) if g.han and g.clause_at >= 0 else ()
    return any(not any(f in n or n in f for f in subject_forms) for n in (*g.proper_names, *chinese))


def _period_key(header: str) -> tuple[int, int, int] | None:
    """(year, month, day) a table column's header names ("Q3 FY2027" → (2027, 9, 0), "2026" → (2026, 0, 0),
    "Oct 25, 2026" → (2026, 10, 25): three quarters' ends of one year apart), or None."""
    marks = period_marks(header)
    years = [int(m[1:]) for m in marks if m[:1] == "y" and m[1:].isdigit()]
    if not years:
        return None
    if _DAY_HEADER.search(header):
        day = next((str(v.value) for v in sentence_values(header) if v.kind == "date" and len(str(v.value)) == 10), None)
        if day is not None:
            return int(day[:4]), int(day[5:7]), int(day[8:])
    quarters = [int(m[-1]) for m in marks if m[:1] == "q" and m[1:].isdigit()]
    return max(years), 3 * max(quarters, default=0), 0


_DAY_HEADER = re.compile(r"\d{1,2}(?:,|\s*日)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def _earlier_column(columns: tuple[str, ...], at: int) -> bool:
    """Is column ``at`` a period older than another period column of the same header?"""
    return 0 <= at < len(columns) and _earlier_columns(columns)[at]


@lru_cache(maxsize=1024)
def _column_extras(columns: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """For each column of a header, the words its header adds to another column's whole header ("Cached
    input", "Batch input" beside "Input": cach, batch), the most specific such column read; empty when no
    other header is part of its own. The first column (the rows' labels) is nobody's part."""
    words = [clause_words(c) for c in columns]
    out: list[frozenset[str]] = []
    for i, mine in enumerate(words):
        parts = [w for j, w in enumerate(words) if j and j != i and w and w < mine]
        out.append(mine - max(parts, key=len) if i and parts else frozenset())
    return tuple(out)


# "non-GAAP", "non GAAP", 非GAAP, 非总统: the measure word a "non-" negates
# (非 before two hanzi too, "非司法机制" for a "non-judicial mechanism"; not 非常 "very", 非洲 "Africa", 并非 …, nor
# 扣非, "net of non-recurring items", which negates no word after it: 扣非净利润 is a net profit)
_NEGATED = re.compile(r"\bnon-?\s?([A-Za-z]+)|(?<![并並除是莫扣])非\s?([A-Za-z]+|(?![常洲])[\u4e00-\u9fff]{2})", re.I)


def _negated_words(text: str, latin: bool = False) -> frozenset[str]:
    """The words ``text`` negates ("non-GAAP", 非经常性); ``latin``: only Latin ones ("非GAAP")."""
    negated = (m.group(1) or m.group(2) for m in _NEGATED.finditer(text))
    return frozenset().union(*(clause_words(w) for w in negated if not latin or w.isascii()))


def _negated_measure(frame: ClaimFrame, segment: str) -> bool:
    """Does the page figure's own segment negate a word of the claim's measure that the claim does not
    ("non-GAAP gross margin of 63.8%" for a GAAP gross margin of 63.8%), or write plain what the claim
    negates? Then it is the other measure."""
    # (the claim's own segment: "GAAP diluted EPS was $1.38" of "… and non-GAAP diluted EPS $1.12")
    own = frame.segment or frame.clause
    if "non" not in segment.lower() and "非" not in segment and "non" not in own.lower() and "非" not in own:
        return False
    # across languages a negation is worded too many ways (不良贷款, "non-performing loans"), but a Latin term
    # negated is the same in either script ("非GAAP毛利率" is the "non-GAAP gross margin")
    latin = has_han(segment) != has_han(own)
    if latin and any(not (m.group(1) or m.group(2)).isascii() for text in (segment, own) for m in _NEGATED.finditer(text)):
        return False  # (非司法机制 and "non-judicial mechanism" negate the same word in two languages)
    page, claim = _negated_words(segment, latin), _negated_words(own, latin)
    # (a page that writes the measure bare, "EPS of $1.21" under a non-GAAP table, does not say it is GAAP)
    differ = (page - claim) | ((claim - page) & clause_words(_NEGATED.sub(" ", segment)))
    return any(terms & differ for terms, _ in frame.weights)


def _unclaimed_model_row(row: str, subjects: Sequence[str], title: str) -> bool:
    """Is a table row labelled by a model's versioned name ("Saga 3.2 (legacy) | …", "Halden 3.1 | …") that
    neither the claim's sentence nor the page's title names? Which model's row is the claim's, the sentence
    does not say (the model a page is titled by is the one it speaks of: "Introducing Aster 4")."""
    models = _row_models(row)
    if not models or {compact(s) for s in subjects} & set(models):
        return False
    titled = compact(title)
    return not any(_titled(m, titled) for m in models)


def _titled(model: str, titled: str) -> bool:
    """Does the page's compact title name ``model`` (compact), not a longer version of it ("aster4" in "aster4.5")?"""
    return re.search(rf"{re.escape(model)}(?![0-9a-z.])", titled) is not None


def _other_version_said(segment: str, subjects: Sequence[str], title: str) -> bool:
    """Does a figure's own segment give it to a versioned name of a family the claim's sentence names, at a
    version neither the sentence nor the page's title names ("$3.75 and $15 for Orrin 3.2" for a sentence on
    Orrin 3.5 and Orrin 3.1)?"""
    if not subjects or not any(ch.isdigit() for ch in segment):
        return False
    models = [compact(n) for n in split_names(segment) if re.search(r"\d", n)]
    if not models:
        return False
    families = {_family_head(s) for s in subjects}
    titled = compact(title)
    return any(m not in subjects and _family_head(m) in families and not _titled(m, titled) for m in models)


@lru_cache(maxsize=4096)
def _row_models(row: str) -> tuple[str, ...]:
    """The versioned names in a table row's label (its first cell), compact."""
    return tuple(compact(n) for n in split_names(row.split("|", 1)[0]) if re.search(r"\d", n))


def _sister_measure(columns: tuple[str, ...], at: int, frame: ClaimFrame, label: frozenset[str]) -> bool:
    """Is the cell at column ``at`` another measure than the claim's: a concept of the claim's measure that
    its row's label does not hold meets the header of another measure column of the table, and none meets
    its own column's ("拟使用募集资金" for a cell under "项目投资总额" beside "拟使用募集资金金额")? The headers'
    own words are compared; a header with none of its own ("Input" beside "Cached input") by all its words."""
    own = _measure_headers(columns)
    if at >= len(own) or not own[at]:
        return False
    concepts = [c for c, _ in frame.weights if not c & label]
    if any(c & own[at] for c in concepts):
        return False
    return any(c & w for j, w in enumerate(own) if j != at for c in concepts)


@lru_cache(maxsize=1024)
def _measure_headers(columns: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """For each column of a header, the words of its header no other column's header has, when the header
    names a measure ("项目投资总额" beside "拟使用募集资金金额"), or all its words when none is its own ("Input"
    beside "Cached input"); empty for the rows' labels and a period's column ("2026年1-9月")."""
    words = [
        frozenset(w for w in clause_words(c) if not any(ch.isdigit() for ch in w)) if i and not period_marks(c) else frozenset()
        for i, c in enumerate(columns)
    ]
    return tuple(
        (mine - frozenset().union(*(w for j, w in enumerate(words) if j != i))) or mine
        for i, mine in enumerate(words)
    )


@lru_cache(maxsize=1024)
def _column_keys(columns: tuple[str, ...]) -> tuple[tuple[tuple[int, int, int] | None, ...], tuple[int, int, int] | None]:
    """Each column's period key (``_period_key``) and the header's latest, when two columns or more name a period
    (read once per header, not once per cell)."""
    keys = tuple(_period_key(c) for c in columns)
    dated = [k for k in keys if k is not None]
    return keys, (max(dated) if len(dated) >= 2 else None)


@lru_cache(maxsize=1024)
def _earlier_columns(columns: tuple[str, ...]) -> tuple[bool, ...]:
    """For each column of a header, whether it is a period older than another of its period columns."""
    keys, latest = _column_keys(columns)
    return tuple(latest is not None and k is not None and k < latest for k in keys)


@lru_cache(maxsize=1024)
def _column_ages(columns: tuple[str, ...]) -> tuple[int | None, ...]:
    """For each column of a header, how many months its period ends before the header's latest one ("Oct 25,
    2026 | Jul 26, 2026 | Oct 26, 2025" → 0, 3, 12); None for a column naming no period, or with fewer than two."""
    keys, latest = _column_keys(columns)
    if latest is None:
        return tuple(None for _ in keys)
    return tuple(None if k is None else (latest[0] - k[0]) * 12 + latest[1] - k[1] for k in keys)


# the months before the latest period a base names: a year before (11-13, fiscal calendars drift a few
# days), a step before (a quarter or a month)
_BASE_AGES = {"byoy": range(11, 14), "bstep": range(1, 4)}


# a share of a whole: "占总营收", "accounted for", "share of", 比重
_SHARE = re.compile(r"占|比重|份额|\baccount(?:s|ed|ing)? for\b|\bshare of\b|\bof (?:total|all|the total)\b|\bmake(?:s)? up\b|\bmade up\b", re.I)


def _another_base_column(frame: ClaimFrame, columns: tuple[str, ...], at: int) -> bool:
    """The claim gives the base of a change ("vs $1.29bn in the year-ago quarter"), the table has a column
    of that age, and the cell is under another one (the previous quarter's, the latest)."""
    bases = frame.periods & CHANGE_BASES
    if len(bases) != 1 or not (frame.role == "from" or frame.looks_back):
        return False
    ages = _column_ages(columns)
    wanted = _BASE_AGES[next(iter(bases))]
    mine = ages[at] if 0 <= at < len(ages) else None
    return mine is not None and mine not in wanted and any(a in wanted for a in ages if a is not None)


def _dated(periods: frozenset[str]) -> bool:
    """Does a claim name a year, a quarter, a half or a fiscal year? (A quarter named by its calendar
    months alone may be any fiscal quarter: it dates nothing of a fiscal table.)"""
    months = "months" in periods
    return any(m[:1] in {"y", "h"} or (m[0] == "q" and not months) or m.startswith("fy") for m in periods)


def _outside_dates(
    claimed: Value, found: Value, claim_periods: frozenset[str], page_periods: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The periods to compare: when both figures are quarters or halves of a year, without the parts of a
    year (the quarter is the date itself, compared as a value)."""
    if not (_part_of_year(claimed) and _part_of_year(found)):
        return claim_periods, page_periods
    return (
        frozenset(m for m in claim_periods if m[:1] not in {"q", "h"}),
        frozenset(m for m in page_periods if m[:1] not in {"q", "h"}),
    )


def _part_of_year(v: Value) -> bool:
    return v.kind == "date" and isinstance(v.value, str) and re.fullmatch(r"\d{4}-[QH]\d", v.value) is not None


def _owned(subject: str | None, owner: str) -> bool | None:
    """Is a figure a "respectively" list gives to ``owner`` the claim's subject's? (None: no such list, or no subject.)"""
    if not owner or subject is None:
        return None
    return subject in owner or owner in subject


def _key_segment(q: ClaimQuery) -> str:
    """The key figure's own segment in the claim ("" when the sentence has no key figure): whose figure it is
    ("Halden 3.5's score", not the "Halden 3.0" of the comparison after it), and which table column it names."""
    key = _sentence_key(q)
    if key is None:
        return ""
    others = [(v.start, v.end) for v in sentence_values(q.sentence) if v.kind not in {"date", "version"} and v is not key]
    s, e = label_of(q.sentence, key.start, key.end) or segment_span(q.sentence, key.start, key.end, others)
    return q.sentence[s:e]


def _segment_names(segment: str) -> frozenset[str]:
    """The names (compact) of the key figure's own segment."""
    return frozenset(compact(n) for n in split_names(segment) if len(compact(n)) >= 3)


def _other_labelled_column(columns: tuple[str, ...], header: str, segment: str) -> bool:
    """A cell under one column where the claim's own segment names another column of the table by its label
    (二期 in "二期土建及机电投资 12.4 亿元", for the cell under 一期 of "项目 | 一期 | 二期 | 合计"); periods are
    compared as periods, not as labels."""
    if not header or not segment or period_marks(header):
        return False
    heads = {h for c in columns[1:] if len(h := compact(c)) >= 2 and not period_marks(c)}
    return compact(header) in heads and compact(header) not in segment and any(h in segment for h in heads)


def _rival_name(header: str, names: frozenset[str]) -> bool:
    """A column header naming a model of the same family as one of the claim's names (compact) but none of
    them: the same words at another version ("Halden 3.1" against "halden3.5"; not a period, "Q3 FY2025")."""
    head = compact(header)
    if len(head) < 3 or head in names or not any(ch.isdigit() for ch in head) or period_marks(header):
        return False
    letters = _NAME_LETTERS.sub("", head)
    return bool(letters) and any(n != head and any(ch.isdigit() for ch in n) and _NAME_LETTERS.sub("", n) == letters for n in names)


def _other_named_column(columns: tuple[str, ...], header: str, names: frozenset[str]) -> bool:
    """A cell under one name's column where the table has a column of the claim's own name ("Pellmark K4"
    while the claim gives "Corvane Atlas 2's 66.1%" and a "Corvane Atlas 2" column stands beside it)."""
    if not header or period_marks(header):
        return False
    mine = names & {compact(c) for c in columns[1:]}
    return bool(mine) and compact(header) not in mine


def _whole_years_apart(statements: list[Statement], claim_periods: frozenset[str]) -> list[Statement]:
    """A claim for a part of a year (前三季度, Q3) is not met by a figure whose clause names a year and no
    part of it, when the same page gives the measure for the claim's part elsewhere: that figure is the
    whole year's ("2025年营收18.6亿元；2026年前三季度营收23.4亿元" for 前三季度营收)."""
    parts = {m for m in claim_periods if m[0] in "qh"}
    if not parts:
        return statements
    said = any(
        {m for m in st.periods if m[0] in "qh"} & parts and not st.sibling and not st.other_subject and st.match >= SUPPORT_MATCH
        for st in statements
    )
    if not said:
        return statements
    return [
        replace(st, period_conflict=True)
        if not any(m[0] in "qh" for m in st.periods) and any(m[0] == "y" for m in st.periods)
        else st
        for st in statements
    ]


def _foreign(subject: str | None, g: _Geometry, names: frozenset[str]) -> bool:
    """An English clause about another entity: it names one (not a generic acronym), none of the claim's,
    and not the claim's subject."""
    if subject is None or subject in g.window_compact or g.han:
        return False
    return any(n not in names for n in g.proper_names)


def _proper_names(window: str) -> tuple[str, ...]:
    """The names a window gives (compact), as _foreign reads them: no generic acronym, no plain word
    opening a clause."""
    return tuple(
        compact(n) for n in split_names(window)
        if len(compact(n)) >= 3 and n.upper() not in GENERIC_NAMES and not _opening_word(window, n)
        and not _CALENDAR_WORD.fullmatch(n)
    )


# a month or a weekday, whole or cut short ("Dec." of "on Dec. 18"): a date's word, no name
_CALENDAR_WORD = re.compile(
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|August|September"
    r"|October|November|December|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday)\.?"
)


_PLAIN_WORD = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)*")


def _opening_word(window: str, name: str) -> bool:
    """A plain capitalised word that opens a sentence or clause ("Gross margin was …") is a word, not a name."""
    if not _PLAIN_WORD.fullmatch(name):
        return False
    at = window.find(name)
    if at < 0:
        return False
    before = window[:at]
    return not before.strip(" \t\n\"“'(") or re.search(r"[.;:!?]\s*$", before) is not None


def _states_a_level_now(q: ClaimQuery, claimed: Value, frame: ClaimFrame) -> bool:
    """The claim gives its figure as a level, with no time and no second figure: not the start of a
    change, not placed in an earlier time (去年, "a year earlier", a year or date in its clause), not one
    of two figures of its kind it compares itself ("增至 1.8%，而前三个月只有 1.1%")."""
    if frame.role is not None or frame.looks_back:
        return False
    s, e = clause_span(q.sentence, *_key_span(q))
    family = unit_family(claimed)
    values = sentence_values(q.sentence)
    if any(v.kind == "date" and s <= v.start < e for v in values):
        return False
    return sum(1 for v in values if unit_family(v) == family) < 2


def _key_span(q: ClaimQuery) -> tuple[int, int]:
    at = q.sentence.find(q.key_text)
    return (at, at + len(q.key_text)) if at >= 0 else (0, len(q.sentence))


# words that carry a quantity on to another time or target ("不到4万颗GPU，目标2027年底扩至10万颗"), not to a parallel item
_MOVES_ON = re.compile(r"目标|目標|计划|計劃|预计|預計|将|將|扩|擴|增|降|提|至|到|升|\b(?:to|target|expect|plan)", re.I)


def _own_noun(q: ClaimQuery, claimed: Value) -> frozenset[str]:
    """The terms of the noun the claimed figure counts ("net proceeds"), when no other figure of its
    sentence counts a noun sharing them."""
    mine = noun_terms(claimed.noun) if claimed.noun else frozenset()
    if not mine:
        return frozenset()
    family, at = unit_family(claimed), q.sentence.find(claimed.raw)
    for v in sentence_values(q.sentence):
        if v.noun and noun_terms(v.noun) & mine and not compare_values(claimed, v).agrees:
            return frozenset()
        # (… nor when a figure of its family after it counts nothing it names: the noun is said once for both,
        # "数据中心收入4.12亿美元，汽车与边缘业务26.8亿美元")
        if (
            at >= 0 and unit_family(v) == family and v.kind != "date" and not compare_values(claimed, v).agrees
            and _parallel_after(q.sentence, at + len(claimed.raw), v)
        ):
            return frozenset()
    return mine


def clause_partners(sentence: str, claimed: Value, *, clause_before: bool = False) -> tuple[Value, ...]:
    """The other figures of the claimed figure's clause that can anchor it: an amount (its currency
    tells it apart) or a figure of two or more significant digits, never a date (a date is said once
    for a whole sentence) and never the claimed figure's own value. ``clause_before``: the clause itself and
    the one before it (a date's partners: "在手订单约312亿元，交付排至2027年一季度")."""
    values = sentence_values(sentence)
    me = next((v for v in values if v.raw == claimed.raw), None)
    if me is None:
        return ()
    s, e = clause_span(sentence, me.start, me.end, min_chars=0 if clause_before else 12)
    if clause_before and s > 0:
        s = previous_clause(sentence, s)[0]
    return tuple(
        v for v in values
        if s <= v.start < e and (v.start, v.end) != (me.start, me.end) and v.kind != "date"
        and not compare_values(claimed, v).agrees and _distinctive(v)
    )


def _distinctive(v: Value) -> bool:
    if v.kind == "money" and v.unit:
        return True
    n = _number(v)
    return n is not None and len(significant_digits(n)) >= 2


def partnered_with_clause_before(p: IndexedPassage, i: int, span: tuple[int, int], partners: Sequence[Value]) -> bool:
    """Does the clause ``span`` or the clause before it hold one of ``partners`` beside figure ``i`` ("在手订单约312亿元，
    交付排至2027年一季度", "Revenue of $4.12 billion, up 47%")?"""
    return partnered(p, i, (previous_clause(p.text, span[0])[0], span[1]), partners)


def partnered(p: IndexedPassage, i: int, span: tuple[int, int], partners: Sequence[Value]) -> bool:
    """Does the clause ``span`` of passage ``p`` hold, beside its figure ``i``, a figure equal to one of
    ``partners``?"""
    s, e = span
    for j, v in enumerate(p.values):
        if j == i or not s <= v.start < e or v.kind == "date":
            continue
        for c in partners:
            cmp = compare_values(c, v)
            if cmp.agrees and cmp.detail in {"exact", "within_precision"}:
                return True
    return False


def _coarser_figure(claimed: Value, st: Statement) -> bool:
    """A page figure that agrees only within its own far coarser precision ("约三成" for 34.6%)."""
    return st.comparison.detail == "within_precision" and claimed.kind != "date" and far_coarser(claimed, st.value)


def _coarser_date(claimed: Value, found: Value) -> bool:
    """A page date less precise than the claim's (2026 for 2026-06-20) does not confirm it."""
    return claimed.kind == "date" and date_precision(found.value) < date_precision(claimed.value)


BOUND_FRAME_WEIGHT = 1.5  # a figure merely inside a claimed bound supports only through a frame this full …
BOUND_MATCH = CONTRADICT_MATCH  # … met this closely ("收涨逾四成" is not met by "cache-hit rates above 80%")


BOUND_NEAR = 0.05  # a page figure this close to the bound is the bound's own figure (6,218,442 for 超过 620 万)


def _at_the_bound(claimed: Value, st: Statement) -> bool:
    """The page figure meeting the claim's bound is the bound's own figure (6,218,442 for 超过 620 万)."""
    a, b = _number(claimed), _number(st.value)
    return a is not None and a != 0 and b is not None and abs(a - b) <= BOUND_NEAR * abs(a)


def very_figure(claimed: Value, st: Statement) -> bool:
    """The page figure is the claim's very figure (equal, or at the claim's bound), not merely one a bound admits
    ("超过40亿元" is met by 68.2亿元, which is no figure of the claim's moved to another period)."""
    return st.comparison.agrees and (st.comparison.detail != "bound" or _at_the_bound(claimed, st))


def _firm_frame(claimed: Value, st: Statement) -> bool:
    return _at_the_bound(claimed, st) or (st.frame_weight >= BOUND_FRAME_WEIGHT and st.match >= BOUND_MATCH)


_END_AFTER = re.compile(r"\s*(?:止|为止|為止|底|末|終|终)")


def supports(claimed: Value, st: Statement) -> bool:
    return (
        st.comparison.agrees
        and not st.sibling
        and not st.other_segment
        and not st.other_subject
        and (not st.foreign or st.same_end)
        and not _nouns_clash(claimed, st.value)
        and not sister_nouns(claimed, st.value)
        and not _coarser_date(claimed, st.value)
        and not _coarser_figure(claimed, st)
        and not st.other_event
        # many dates on a page: the event's own sentence (or the same period's end: "the quarter ended …")
        and (claimed.kind != "date" or st.names_near or st.same_end)
        and (st.match >= SUPPORT_MATCH or (st.alone and st.clause_match >= SUPPORT_MATCH))
        and (st.comparison.detail != "bound" or _firm_frame(claimed, st))
        and not st.period_conflict
        and not st.level_for_change
        and not st.change_for_share
        and not st.stale
        and not st.unclaimed_row
        and not st.direction_conflict
        and not st.role_conflict
        and not st.other_column
        and not st.earlier_level
    )


PLAUSIBLE_MATCH = 0.34
_CLOSER = 0.3


def aligned_plausible(
    claimed: Value, st: Statement, statements: Sequence[Statement], direction: int = 0
) -> bool:
    """May a figure found by the passage search still support? Not when its own frame says it is
    another period, direction or a revised figure, nor when another figure on the page measures the
    claim's quantity far more closely and differs (the retail tranche's 1,862 times is not the
    international book's 12.4 times)."""
    if st.stale or st.period_conflict or st.direction_conflict or st.role_conflict or st.bound_elsewhere or st.earlier_level or st.other_event:
        return False
    if st.other_measure or sister_nouns(claimed, st.value):
        return False  # another measure's figure; another kind of the same thing ("construction jobs" for permanent)
    if _coarser_figure(claimed, st):
        return False  # "约三成" says nothing of 34.6%
    if st.other_column or st.rival_column or st.unclaimed_row or st.change_for_share:
        return False  # the "Cached input" price is not the input price; Pellmark K4's column is not Corvane's
    if st.other_subject and st.strict_match < PLAUSIBLE_MATCH:
        return False  # another model's or company's figure, in words that say little of the claim's measure
    if st.other_subject and any(
        not other.other_subject and other.match >= st.match and contradiction(claimed, other) for other in statements
    ):
        return False  # another model's figure, while the claim's own subject is given another as closely
    if claimed.kind == "percent" and direction and not st.direction:
        return False  # "年增 41.8%" needs a page that says it rose, not a bare 41.8% elsewhere
    bound = st.sibling or st.other_segment
    closer = _CLOSER if not bound else 0.0  # a figure bound to the sentence's other figure yields sooner
    if st.match >= PLAUSIBLE_MATCH and not bound:
        return True
    return not any(
        contradiction(claimed, other) and other.match > st.match + closer for other in statements
    )


# what a page says of a time to come: the next year, an expectation, a forecast, guidance
_AHEAD_WORDS = frozenset({"next", "expect", "forecas", "guidanc", "outlook", "predict", "estimat"})


def speaks_ahead(st: Statement) -> bool:
    """Does a page figure's clause (or the one before, its heading, its page's title) speak of a time to come?"""
    return bool((st.geometry.words | st.index.title_words) & _AHEAD_WORDS)


def contradiction(claimed: Value, st: Statement, *, ahead: bool = False, need_at_most: float = 1.0) -> str | None:
    """The kind of contradiction an aligned statement makes, or None. ``ahead``: the claim forecasts the
    year to come ("明年出货量会突破100万片"), which a level the page gives for now does not contradict."""
    if ahead and not speaks_ahead(st):
        return None
    if claimed.kind == "date" and st.event_match < PLAUSIBLE_MATCH:
        return None  # a date differs only for the same event (published vs takes effect)
    if claimed.kind == "date" and (_year_of_a_figure(st) or st.ends_apart or st.other_event):
        return None  # "公司2027年的资本开支预计不低于40亿元": the year of an amount, no event's date
    # the very figure at the other end of the change ("to 14%" against "down from 14%") is no
    # coincidence; a change's measure is written once for both ends, so its clause is read
    swap = st.comparison.agrees and (st.role_conflict or st.other_column) and not st.other_subject
    # the very figure a correction note says was wrong ("an earlier version said the shares rose 8.1%"):
    # the note names what it corrects in the clause before ("the size of the after-hours share move")
    revised = st.comparison.agrees and st.stale and not st.other_subject
    # the very figure, said to have moved the other way ("closed 27.4% above" against "closed down 27.4%")
    turned = st.comparison.agrees and st.direction_conflict and not st.other_subject and not st.sibling
    # the very figure, given for another period or against another base ("34% year over year" against 季增
    # 34%): its clause speaks for it as for a swapped one
    moved = st.comparison.agrees and st.period_conflict and not st.other_subject and not st.sibling
    strong = st.comparison.detail in _STRONG or swap or revised or turned
    # another quarter or half of the claim's own year ("the fourth quarter of 2027" for its third): the same
    # date moved within its year, read with its clause as a figure given for another period is
    requarter = _part_of_year(claimed) and _part_of_year(st.value) and str(claimed.value)[:4] == str(st.value.value)[:4]
    # (… and so is a garbled unit's, the only figure of its kind in its clause: "the M7 Rack72, which packs 72
    # accelerators and draws about 132 kW" against 132 MW)
    unit_slip = st.comparison.detail == "unit" and st.alone
    # (… and so is a multiple's, the only one of its clause: it multiplies the clause's measure, "a context window
    # of 1 million tokens, roughly four times Vega 3.0's", whose segment holds only its base; and a rank's: it ranks
    # on the board its clause names, "在…九章评测综合榜上，曜问-4以1,412分位列第二", though a score stands between)
    multiple = claimed.unit in {"x", "rank"} and st.value.unit == claimed.unit and st.alone
    # (… and so is a date beside a figure the claim's clause also gives: its clause is the claim's event's)
    as_precise = claimed.kind == "date" and date_precision(st.value.value) == date_precision(claimed.value)
    partnered = as_precise and st.partnered
    match = max(st.match, st.clause_match) if swap or revised or turned or moved or requarter or unit_slip or multiple or partnered else st.match
    # a slip of the claimed digits counting the very thing the claim counts (241 models vs 214 models)
    # needs less of the rest of the frame
    need = STRONG_CONTRADICT_MATCH if strong else CONTRADICT_MATCH
    if strong and nouns_agree(claimed, st.value):
        need = STRICT_MATCH
    if strong and st.subjects_row and not st.comparison.agrees:
        need = 0.0  # the claim's digits slipped, in the row of the claim's own subject ("DeepSeek-V4.5 | … | 1476")
    if st.subjects_column and not st.comparison.agrees:
        need = min(need, SUPPORT_MATCH)  # the cell at the claim's name's column: the claim's own figure
    if revised and st.comparison.detail == "exact" and st.alone:
        need = 0.0  # the very figure a correction note withdraws, the only one of its kind in its clause
    if moved and st.comparison.detail == "exact":
        # the very figure, met as closely as would back the claim, but given for another period ("In the first
        # nine months of 2026, revenue was 590 million yuan" for 2026年上半年…收入5.9亿元): it speaks against the claim
        need = min(need, SUPPORT_MATCH)
    if st.side > 0 and not st.comparison.agrees:
        need = min(need, SUPPORT_MATCH)  # bound by its nearest words to the claim's side of its measure ("输出6元")
    # a date as precise as the claim's beside a figure the claim's clause also gives ("首期96兆瓦预计2028年第2季" for
    # "首期96兆瓦预计2027年第2季"): the same event's date, moved
    if partnered and not st.comparison.agrees:
        need = min(need, SUPPORT_MATCH)
    # (… and so is another quarter or half of the claim's year, the only date of its clause, whose own words
    # meet half the claim's: "volume shipments in the third quarter of 2027" for "volume shipments … Q2 2027")
    if requarter and as_precise and st.alone and st.strict_match >= SUPPORT_MATCH:
        need = min(need, SUPPORT_MATCH)
    need = min(need, need_at_most)
    # a wrong figure is read off its own words too: the page title speaks for every figure on the page
    if match < need or is_vague(claimed) or is_vague(st.value):
        return None
    if st.comparison.agrees:
        if not very_figure(claimed, st):
            return None  # "超过40亿元" met by 68.2亿元 of another period: not the very figure, moved or turned
        if st.stale:
            return "stale"
        if st.direction_conflict:
            return "direction"
        if st.role_conflict or st.other_column:
            return "swapped"  # the claim's end of the change is the page's start: the pair is swapped
        if st.period_conflict and not st.sibling and not st.other_subject:
            return "period"  # the right figure given for another period (fiscal as calendar, Q3 as Q2)
        return None
    # a figure at the other end of the change ("from 0.9%" against the claim's "增至 1.4%") is another quantity,
    # and so is a level or a share against a change on a base ("84% of revenue" against "+37% y/y")
    if st.level_for_change or st.stale or st.period_conflict or st.role_conflict or st.other_column or st.sibling or st.other_subject or _nouns_clash(claimed, st.value):
        return None
    if not strong and not st.names_near and st.passage.kind in {"td", "tr"}:
        return None  # a table row naming none of the claim's entities: another deal's figure
    if not strong and st.foreign:
        return None  # a different figure of a clause about another entity ("Hanbit's base die … 3-nanometer")
    if claimed.kind == "date" and not strong and date_precision(st.value.value) < date_precision(claimed.value):
        return None  # a bare year against the claim's quarter or day ("phases will be added through 2029"): a span or another milestone as often
    return st.comparison.detail or "different"


_NEAR = 10  # characters either side of a figure that bind to it alone (≈ two words, four hanzi)


def _near_words(text: str, start: int, end: int, others: Sequence[tuple[int, int]], drop: frozenset[str]) -> frozenset[str]:
    """Measure words right next to a figure (inside its segment): what tells it from its neighbours."""
    s, e = segment_span(text, start, end, [o for o in others if o != (start, end)])
    # an item of a list starts after the conjunction before it ("28岁的印度尼西亚女子和 | 25岁的越南女子")
    s = max([s, *(m.end() for m in _ITEM_JOIN.finditer(text, s, start))])
    # … and the other end of a comparison starts at its "from" / "versus" ("0.3% in the second quarter
    # from 0.2%": the quarter is the 0.3%'s)
    if _FROM_BEFORE.search(text, s, start):
        s = start
    # … and a Chinese counted figure's noun follows it: the words between a figure ending in a measure word
    # and the next figure are the first one's ("第十八届中央纪律检查委员会 | 第六次全体会议", "32个国家的 | 600部图书")
    if s > 0 and s < start and text[s - 1] in _MEASURE_WORDS and any(b == s for _a, b in others) and _HAN_RUN.fullmatch(text, s, start):
        s = start
    # the figure's own qualifier ("valued at more than 250 billion yen", 逾 300 亿) is not a measure
    # word: the window reaches past it
    before, after = _qualifier_before().search(text, max(s, start - 20), start), _qualifier_after().match(text, end, e)
    q_start, q_end = (before.start() if before else start), (after.end() if after else end)
    # … and so is a rate's "per million" ("$6 per million input tokens", 每百万 token 30 美元)
    if (per := _PER_BEFORE.search(text, max(s, q_start - 16), q_start)) is not None:
        q_start = per.start()
    if (per_after := _PER_AFTER.match(text, q_end, e)) is not None:
        q_end = per_after.end()
    lo, hi = max(s, q_start - _NEAR), min(e, q_end + _NEAR)
    # a window edge inside a Latin word takes the whole word ("valuation of $852bn", not "uation")
    while lo > s and _latin(text[lo - 1]) and _latin(text[lo]):
        lo -= 1
    while hi < e and _latin(text[hi - 1]) and _latin(text[hi]):
        hi += 1
    near = text[lo:start] + " " + text[end:hi]
    return (clause_words(text[lo:start]) | clause_words(text[end:hi]) | _name_sounds(near)) - drop


@lru_cache(maxsize=65536)
def _name_sounds(text: str) -> frozenset[str]:
    """Names by their pinyin, on both sides: a Chinese run's syllables (汪兴莲 → py:xinglian, …) and a
    Latin word that is two to four pinyin syllables ("Xinglian" → py:xinglian), so a person or company
    written in characters meets its romanised name."""
    if has_han(text):
        return page_keys(text)
    keys = (word_key(w) for w in _LATIN_NAME.findall(text))
    return frozenset(k for k in keys if k)


_LATIN_NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")


_FROM_BEFORE = re.compile(
    r"(?:\b(?:from|versus|vs\.?|compared with|against)|(?:较|相比|从|由)(?:此前|之前|去年|上年|上月|上季|同期)?的?)\s*(?:US\$|[$€£¥])?\s*\Z",
    re.I,
)
_PER_BEFORE = re.compile(r"每\s*(?:百万|千万|万|亿|千|百)?\s*(?:[A-Za-z]+|个)?\s*\Z")
_PER_AFTER = re.compile(r"\s*(?:/\s*|per\s+)(?:(?:million|billion|thousand|hundred|1,000|1m|1k|m|k)\s+)?", re.I)
_ITEM_JOIN = re.compile(r"[和与及、]|\band\b|;")
# measure words a counted Chinese figure ends with; the noun after one is that figure's (not 元, 亿: an
# amount's measure word stands before it, "营收18亿元，净利润3亿元")
_MEASURE_WORDS = frozenset("届次个名位家款台部辆架颗张座条项所只件艘枚")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{1,16}")


@lru_cache(maxsize=1)
def _qualifier_before() -> re.Pattern[str]:
    from claims.units import qualifier_words

    words = [w for w, at, _q in qualifier_words() if at == "before"]
    return re.compile(r"(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in words) + r")\s*\Z", re.IGNORECASE)


@lru_cache(maxsize=1)
def _qualifier_after() -> re.Pattern[str]:
    from claims.units import qualifier_words

    words = [w for w, at, _q in qualifier_words() if at == "after"]
    # a compound the figure opens ("a 25-year-old Indonesian woman") is the figure's own word too
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in words) + r")(?![A-Za-z])|\s?-?[A-Za-z]+(?:-[A-Za-z]+)+|-[A-Za-z]+", re.IGNORECASE)


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _page_near(st: Statement, drop: frozenset[str]) -> frozenset[str]:
    p = st.passage
    spans = [(v.start, v.end) for v in p.values if v.kind != "date"]
    words = _near_words(p.text, st.value.start, st.value.end, spans, drop)
    return words | noun_terms(st.value.noun)


_RANGE_GAP = re.compile(r"\s*(?:[-–—~～至到]|to|and)\s*")


def _in_range(text: str, first: Value, second: Value) -> bool:
    """Do ``first`` and ``second`` (positions in ``text``) open and close one range (20%–30%, $14bn to
    $16bn, 2 million and 5 million)?"""
    return first.end <= second.start and _RANGE_GAP.fullmatch(text, first.end, second.start) is not None


def _range_ends(sentence: str, a: Value, b: Value) -> bool:
    """Are ``a`` and ``b`` (figures of ``sentence``) the two ends of one range, in either order?"""
    return _in_range(sentence, a, b) or _in_range(sentence, b, a)


def _sentence_key(q: ClaimQuery) -> Value | None:
    """The claim's key figure as its sentence's value reader reads it (positions in the sentence)."""
    return next((v for v in sentence_values(q.sentence) if v.kind != "date" and v.raw == q.key_text), None)


def swapped_pair(q: ClaimQuery, claimed: Value, statements: Sequence[Statement]) -> Statement | None:
    """The page figure that measures the claim's quantity when the claim swapped two figures of its
    sentence ("a $62bn Series D at a $4.5bn valuation" against "$4.5bn … at a $62bn valuation").

    For a sibling figure S of the claim's figure K (same unit family, another value), only the words
    right next to each figure that the other lacks count (names are the subject, not the measure).
    The pair is swapped when the page's figure equal to K sits next to S's distinguishing words and
    none of K's, and the page's figure equal to S next to none of S's (and to K's, unless both sit
    in one passage). The two ends of a range (20%–30%) are one figure, not a pair. Returns the
    page's figure equal to S (the page's value for the claim's quantity)."""
    key = _sentence_key(q)
    if key is None:
        return None
    family = unit_family(claimed)
    values = [v for v in sentence_values(q.sentence) if v.kind != "date"]
    siblings = [
        v for v in values
        if v is not key and unit_family(v) == family and compare_values(claimed, v).disagrees
        and not _range_ends(q.sentence, key, v)
    ]
    if not siblings:
        return None
    drop = _neutral_words(q.context_names)
    spans = [(v.start, v.end) for v in values]
    mine = [st for st in statements if st.comparison.agrees]
    # a table cell's noun is its column's header, which the claim's stored figure carries
    k_near = _near_words(q.sentence, key.start, key.end, spans, drop) | noun_terms(claimed.noun or key.noun)
    for sib in siblings:
        s_near = _near_words(q.sentence, sib.start, sib.end, spans, drop) | noun_terms(sib.noun or _cell_noun(q, sib))
        k_only, s_only = k_near - s_near, s_near - k_near
        # a noun said once for two parallel figures is both's ("数据中心收入26.8亿美元，汽车与边缘业务4.12亿美元")
        shared = _elided_noun(q.sentence, sib, key) | _elided_noun(q.sentence, key, sib)
        k_only, s_only = k_only - shared, s_only - shared
        theirs = _stating(sib, statements)
        if k_only and not s_only and is_table_row(q.sentence):
            # a bare cell beside the claim's: its column's words sit next to the page's figure equal to
            # the other cell, and not next to the page's figure equal to the claim's
            swapped = _column_swapped(mine, theirs, k_only, drop)
            if swapped is not None:
                return swapped
            continue
        if not k_only or not s_only:
            continue
        near_mine = [(a, _page_near(a, drop)) for a in mine]
        if any(wa & k_only for _a, wa in near_mine):
            continue  # the page also binds the claim's figure to the claim's own words
        for a, wa in near_mine:
            if not wa & s_only:
                continue
            for b in theirs:
                if b.index is a.index and not _page_near(b, drop) & s_only:
                    return b
    for sib in siblings:
        crossed = _crossed_pair(q.sentence, key, sib, spans, drop, mine, statements)
        if crossed is not None:
            return crossed
    for sib in siblings:
        reversed_list = _reversed_list(q.sentence, key, sib, mine, statements)
        if reversed_list is not None:
            return reversed_list
    for sib in siblings:
        moved = _moved_by_segment(q.sentence, key, sib, spans, drop, mine, _stating(sib, statements))
        if moved is not None:
            return moved
    return None


def _parallel_after(sentence: str, end: int, later: Value) -> bool:
    """Does ``later``, counting no noun of its own, follow the figure ending at ``end`` as a parallel item (not a
    figure carried on to a target or another time)? Then the first figure's noun is said once for both."""
    return not later.noun and later.start >= end and not _MOVES_ON.search(sentence, end, later.start)


def _elided_noun(sentence: str, first: Value, later: Value) -> frozenset[str]:
    """The noun ``first`` counts, when ``later`` stands beside it as a parallel item: the noun is said once for both."""
    return noun_terms(first.noun) if first.noun and _parallel_after(sentence, first.end, later) else frozenset()


def _stating(v: Value, statements: Sequence[Statement]) -> list[Statement]:
    """The page figures equal to the claim's other figure ``v`` (and not to the claim's own)."""
    return [st for st in statements if not st.comparison.agrees and compare_values(v, st.value).agrees]


_SEGMENT_WORDS = 2  # the claim's own segment words the page's other figure must carry


def _segment_words(
    text: str, v: Value, spans: Sequence[tuple[int, int]], drop: frozenset[str], *, items: bool = False
) -> frozenset[str]:
    others = [sp for sp in spans if sp != (v.start, v.end)]
    s, e = item_span(text, v.start, v.end, others) if items else segment_span(text, v.start, v.end, others)
    return _wordy((clause_words(text[s:e]) | noun_terms(v.noun)) - drop)


def _page_segment(st: Statement, drop: frozenset[str]) -> frozenset[str]:
    return _wordy((st.geometry.own_words | noun_terms(st.value.noun)) - drop)


def _page_item(st: Statement, drop: frozenset[str]) -> frozenset[str]:
    """The words of the page figure's own list item (its segment cut at the conjunctions that part it
    from the figures around it: "the 135th anniversary of his birth | and 80th anniversary of his death")."""
    p, v = st.passage, st.value
    others = [(o.start, o.end) for o in p.values if o is not v and o.kind != "date" and not _inside_name(p.text, o)]
    s, e = item_span(p.text, v.start, v.end, others)
    return _wordy((clause_words(p.text[s:e]) | noun_terms(v.noun)) - drop)


def item_span(text: str, start: int, end: int, others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """A figure's segment, cut further at a list conjunction (、, 和, and) that stands between it and
    the figure before or after it: each item of a list owns its words."""
    s, e = segment_span(text, start, end, list(others))
    if any(b == s for _a, b in others):  # the segment starts at the figure before
        s = max([s, *(m.end() for m in _ITEM_JOIN.finditer(text, s, start))])
    if any(a == e for a, _b in others):  # … or ends at the figure after
        first = _ITEM_JOIN.search(text, end, e)
        if first is not None:
            e = first.start()
    return s, e


def _wordy(words: frozenset[str]) -> frozenset[str]:
    """Words without the figures' own digits (a segment holds its figure)."""
    return frozenset(w for w in words if not any(ch.isdigit() for ch in w))


def _moved_by_segment(
    sentence: str, key: Value, sib: Value, spans: Sequence[tuple[int, int]], drop: frozenset[str],
    mine: Sequence[Statement], theirs: Sequence[Statement],
) -> Statement | None:
    """Read with whole segments of two clauses (the clause cut at the figures around it), where the
    words right next to the figures tell nothing: the page's figure equal to the claim's other figure S
    carries words of the claim's own segment that S's segment lacks (two, or one when the crossing shows
    from both ends), and none of S's; the page's figure equal to the claim's carries none of the claim's
    own ("啤酒节预订率已达到 45%，灯会预订率也超过了 72%" against "bookings for the Beer Festival have
    reached 72%, and those for the Lantern Fair have passed 45%")."""
    # two items of a list that each carry words of their own ("诞辰 80 周年、逝世 135 周年"; not "预期为
    # 2.3% 和 2.1%", whose words are both figures'): each item's words are its own, on both sides
    first, second = (key, sib) if key.start < sib.start else (sib, key)
    items = _ITEM_JOIN.search(sentence, first.end, second.start) is not None
    if not items and clause_span(sentence, key.start, key.end) == clause_span(sentence, sib.start, sib.end):
        return None  # one clause: word order moves its words between its figures in translation
    k_seg = _segment_words(sentence, key, spans, drop, items=items)
    s_seg = _segment_words(sentence, sib, spans, drop, items=items)
    k_only, s_only = k_seg - s_seg, s_seg - k_seg
    if len(k_only) < _SEGMENT_WORDS or (items and not s_only):
        return None
    page_words = _page_item if items else _page_segment
    for a in mine:
        wa = page_words(a, drop)
        for b in theirs:
            if b.index is not a.index or b.passage_no != a.passage_no:
                continue
            # on the page too, only the words one figure has and the other lacks tell them apart ("… credit
            # facility of $2.75 billion and a term loan facility of $1.25 billion": facility is both's)
            wb = page_words(b, drop)
            a_own, b_own = wa - wb, wb - wa
            if a_own & k_only or b_own & s_only:
                continue
            # two of the claim's own words beside the page's other figure; or one, when the page's figure
            # equal to the claim's carries one of the other segment's own (the crossing seen from both ends)
            if len(b_own & k_only) >= _SEGMENT_WORDS or (b_own & k_only and a_own & s_only):
                return b
    return None


# two figures listed side by side: "2.3% 和 2.1%", "0.6%、1.1%", "52.6% and 50.8%" (not a range: see _RANGE_GAP)
_LIST_GAP = re.compile(r"\s*(?:[和与及、,，&]|and|as well as)\s*", re.I)


def _listed(text: str, first: Value, second: Value) -> bool:
    return first.end <= second.start and _LIST_GAP.fullmatch(text, first.end, second.start) is not None


def _reversed_list(
    sentence: str, key: Value, sib: Value, mine: Sequence[Statement], statements: Sequence[Statement]
) -> Statement | None:
    """The claim lists two figures side by side ("预期为 2.1% 和 2.3%") and the page lists the same two
    in the other order ("the 2.3% and 2.1% it expected"): a list keeps the order of what it is said of
    in either language, so the claim gave each figure to the other's subject. Returns the page's figure
    standing where the claim's stands."""
    key_first = _listed(sentence, key, sib)
    if not key_first and not _listed(sentence, sib, key):
        return None
    for a in mine:
        for b in statements:
            if b.index is not a.index or b.passage_no != a.passage_no or not compare_values(sib, b.value).agrees:
                continue
            text = a.passage.text
            if (key_first and _listed(text, b.value, a.value)) or (not key_first and _listed(text, a.value, b.value)):
                return b
    return None


def _crossed_pair(
    sentence: str, key: Value, sib: Value, spans: Sequence[tuple[int, int]], drop: frozenset[str],
    mine: Sequence[Statement], statements: Sequence[Statement],
) -> Statement | None:
    """One passage gives both figures, and the words next to each of the claim's figures meet the words
    next to the page's other figure, none next to its own: the claim crossed them ("重建了他3根脚趾的所有
    韧带和4根肌腱" against "all ligaments and three tendons of his four toes")."""
    k_words = _tight_words(sentence, key.start, key.end, spans, drop)
    s_words = _tight_words(sentence, sib.start, sib.end, spans, drop)
    for a in mine:
        p_spans = [(v.start, v.end) for v in a.passage.values if v.kind != "date"]
        wa = _tight_words(a.passage.text, a.value.start, a.value.end, p_spans, drop) | noun_terms(a.value.noun)
        for b in statements:
            if b.index is not a.index or b.passage_no != a.passage_no or not compare_values(sib, b.value).agrees:
                continue
            if compare_values(key, b.value).agrees:
                continue
            wb = _tight_words(b.passage.text, b.value.start, b.value.end, p_spans, drop) | noun_terms(b.value.noun)
            straight = len(k_words & wa) + len(s_words & wb)
            crossed = len(k_words & wb) + len(s_words & wa)
            if straight == 0 and crossed >= _CROSSED_WORDS:
                return b
    return None


_CROSSED_WORDS = 2  # words the crossed reading must meet (the straight one meeting none)
_TIGHT_LATIN = re.compile(r"[A-Za-z][A-Za-z\-']*")


def _tight_words(text: str, start: int, end: int, others: Sequence[tuple[int, int]], drop: frozenset[str]) -> frozenset[str]:
    """The words bound to a figure alone: what it counts right after it (four hanzi past a measure word,
    or the next two Latin words) and one word (two hanzi) before it, inside its segment."""
    s, e = segment_span(text, start, end, [o for o in others if o != (start, end)])
    after, before = text[end:e], text[s:start]
    after = after[:5] if has_han(after[:3]) else " ".join(_TIGHT_LATIN.findall(after)[:2])
    before = before[-3:] if has_han(before[-3:]) else " ".join(_TIGHT_LATIN.findall(before)[-1:])
    return (clause_words(before) | clause_words(after)) - drop


def _cell_noun(q: ClaimQuery, v: Value) -> str | None:
    """What the column of a table cell measures, as the cell's own claim read it from the header."""
    if not q.cell_nouns or not is_table_row(q.sentence):
        return None
    at = column_of(q.sentence, v.start)
    return next((noun for offset, noun in q.cell_nouns if column_of(q.sentence, offset) == at), None)


def _column_swapped(
    mine: Sequence[Statement], theirs: Sequence[Statement], k_only: frozenset[str], drop: frozenset[str]
) -> Statement | None:
    for a in mine:
        if _page_near(a, drop) & k_only:
            return None  # the page's figure equal to the claim's is written with the column's words
    for b in theirs:
        if _page_near(b, drop) & k_only and any(a.index is b.index for a in mine):
            return b
    return None


def mixed_pair(
    q: ClaimQuery, claimed: Value, indexes: Sequence[SnapshotIndex]
) -> tuple[SnapshotIndex, int, Value] | None:
    """The page figure for the claim's quantity when the claim pairs its figure K with a figure S of
    another kind that the page pairs with another K: "fines can reach 7% of turnover or €15m" against
    "up to 3% … or €15 million" and "7% … or €35 million". Both page clauses must hold a figure of each
    kind; the page's clause holding S gives the claim's quantity (3%). Returns (page, passage, figure)."""
    at = q.sentence.find(q.key_text)
    if at < 0:
        return None
    family = unit_family(claimed)
    if family == "count":
        return None
    cs, ce = clause_span(q.sentence, at, at + len(q.key_text), min_chars=12)
    values = sentence_values(q.sentence)
    partners = [
        v for v in values
        if v.kind != "date" and cs <= v.start < ce and unit_family(v) not in {family, "count"} and v.raw != q.key_text
    ]
    if not partners:
        key = _sentence_key(q)
        bound = _level_or_change(q.sentence, values, key) if key is not None else None
        if bound is None or unit_family(bound) == family:
            return None
        partners = [bound]
    return _mixed(claimed, partners[0], indexes)


def _clause_values(p: IndexedPassage, v: Value) -> list[Value]:
    s, e = clause_span(p.text, v.start, v.end, min_chars=12)
    out = [w for w in p.values if s <= w.start < e and w.kind != "date"]
    bound = _level_or_change(p.text, p.values, v)
    return [*out, bound] if bound is not None and bound not in out else out


_CHANGE_REACH = 80  # characters after a level its change may follow in ("$2.91bn, up 74% year-over-year")


def _level_of_change(text: str, values: Sequence[Value], v: Value) -> Value | None:
    """The level a bare change is said of: "revenue of $2.91bn, up 74%" and "营收 29.1 亿元，同比增长 74%"
    give $2.91bn for 74%. Only a percent alone in a clause that says a direction, right after a clause
    that ends with a figure of another family which is not the change's starting point ("compared
    with $617 million a year earlier, an increase of 130%": $617 million is the base, not the level)."""
    if unit_family(v) != "percent":
        return None
    s, e = clause_span(text, v.start, v.end)
    if any(w is not v and w.kind != "date" and s <= w.start < e for w in values):
        return None
    if direction_of(text[s:e]) == 0:
        return None
    ps, pe = previous_clause(text, s)
    before = [w for w in values if w.kind != "date" and ps <= w.start < pe]
    if not before or unit_family(before[-1]) == "percent" or figure_role(text, before[-1].start, before[-1].end):
        return None
    return before[-1]


def _level_or_change(text: str, values: Sequence[Value], v: Value) -> Value | None:
    """The figure a level and its change are said together with: the level of a change, or the change
    said of a level (the first percent after it whose level it is)."""
    level = _level_of_change(text, values, v)
    if level is not None:
        return level
    if unit_family(v) == "percent":
        return None
    after = [w for w in values if v.end <= w.start <= v.end + _CHANGE_REACH and w.kind != "date"]
    first_percent = next((w for w in after if unit_family(w) == "percent"), None)
    if first_percent is not None and _level_of_change(text, values, first_percent) is v:
        return first_percent
    return None


def _mixed(claimed: Value, partner: Value, indexes: Sequence[SnapshotIndex]) -> tuple[SnapshotIndex, int, Value] | None:
    fam, pfam = unit_family(claimed), unit_family(partner)
    for idx in indexes:
        split = False  # a clause pairs the claim's figure with another partner
        other: tuple[int, Value] | None = None  # a clause pairs the partner with another figure
        for n, p in enumerate(idx.passages):
            for v in p.values:
                if unit_family(v) == fam and compare_values(claimed, v).agrees:
                    ps = [w for w in _clause_values(p, v) if unit_family(w) == pfam]
                    if ps and not any(compare_values(partner, w).agrees for w in ps):
                        split = True
                    elif ps:
                        return None  # the page pairs them as the claim does
                elif unit_family(v) == pfam and compare_values(partner, v).agrees and other is None:
                    ks = [w for w in _clause_values(p, v) if unit_family(w) == fam]
                    if ks and not any(compare_values(claimed, w).agrees for w in ks):
                        other = (n, ks[0])
        if split and other is not None:
            return idx, other[0], other[1]
    return None


@lru_cache(maxsize=4096)
def _neutral_words(names: tuple[str, ...]) -> frozenset[str]:
    """Words that never tell two figures apart: the names, time and comparison words, the figures'
    own scales and currencies."""
    out = set(FRAME_NEUTRAL) | set(value_words())
    for n in names:
        out |= set(content_words(n))
    return frozenset(out)


def range_partner(q: ClaimQuery, claimed: Value) -> Value | None:
    """The other end of the range the claim's figure is one end of ("$14bn–$16bn" → $16bn), if any."""
    key = _sentence_key(q)
    if key is None:
        return None
    values = [v for v in sentence_values(q.sentence) if v.kind != "date"]
    return next((v for v in values if v is not key and _range_ends(q.sentence, key, v)), None)


def page_range_end(st: Statement) -> Value | None:
    """The figure that closes the range a page figure opens ("$14 billion to $16 billion"), if any."""
    return next((o for o in st.passage.values if _in_range(st.passage.text, st.value, o)), None)


def page_range_start(st: Statement) -> Value | None:
    """The figure that opens the range a page figure closes ("2 million and [5 million] euros")."""
    return next((o for o in st.passage.values if _in_range(st.passage.text, o, st.value)), None)


def same_range(q: ClaimQuery, claimed: Value, statements: Sequence[Statement]) -> Statement | None:
    """A page range equal to the claim's at both ends ("$14bn–$16bn" against "$14 billion to $16
    billion"): two figures that coincide are the same quantity with less of the frame met (its own
    words must still meet some of the claim's measure, and nothing may set it apart)."""
    partner = range_partner(q, claimed)
    if partner is None:
        return None
    for st in statements:
        if not st.comparison.agrees or st.match < STRICT_MATCH:
            continue
        if st.other_subject or st.period_conflict or st.stale or st.direction_conflict or st.sibling:
            continue
        end = page_range_end(st)
        if end is not None and compare_values(partner, end).agrees:
            return st
    return None


_PLUS_MINUS = re.compile(r"\s*,?\s*(?:plus or minus|\+/-|±|上下浮动|上下)\s*")


def midpoint_range(q: ClaimQuery, claimed: Value, statements: Sequence[Statement]) -> Statement | None:
    """A page figure given with its margin ("$7.4 billion plus or minus $200 million", "$4.50 billion, plus or
    minus 2%") whose two ends are the claim's range ("$7.2–7.6 billion", "$4.41bn–$4.59bn"): the same range,
    written from its middle (a margin in percent within the precision the claim writes its ends to)."""
    partner = range_partner(q, claimed)
    a, b = _number(claimed), _number(partner) if partner is not None else None
    if a is None or b is None or a == b:
        return None
    mid, half = (a + b) / 2, abs(a - b) / 2
    for st in statements:
        found = _number(st.value)
        if found is None or not math.isclose(found, mid, rel_tol=1e-6) or st.match < STRICT_MATCH:
            continue
        # (the range's other end shares its words: no sibling of it)
        if st.other_subject or st.period_conflict or st.stale:
            continue
        text = st.passage.text
        sign = _PLUS_MINUS.match(text, st.value.end)
        if sign is None:
            continue
        margin = next((v for v in st.passage.values if v.start == sign.end()), None)
        if margin is None or (m := _number(margin)) is None:
            continue
        if margin.unit == "percent":  # "$4.50 billion, plus or minus 2%": a margin of 2% of the middle
            if abs(mid * m / 100 - half) <= max(claimed.precision or 0.0, 1e-6 * mid):
                return st
        elif math.isclose(m, half, rel_tol=1e-6):
            return st
    return None


def other_range_end(q: ClaimQuery, claimed: Value, st: Statement) -> Value | None:
    """The page's range opens at the claim's figure but closes elsewhere ("$14bn–$18bn" against "$14
    billion to $16 billion"), or closes with the figure the claim opens with ("€5m–€2m" against "2
    million and 5 million euros"): the page's other end, which the claim's contradicts."""
    partner = range_partner(q, claimed)
    if partner is None:
        return None
    end = page_range_end(st)
    if end is not None:
        return end if compare_values(partner, end).disagrees else None
    start = page_range_start(st)
    if start is None:
        return None
    key = _sentence_key(q)
    if key is not None and key.start < partner.start:  # the page closes its range with the figure the claim opens with
        return start if compare_values(claimed, start).disagrees else None
    # both close their ranges with the figure ("3到5年" against "three to five years"): the openings decide
    return start if compare_values(partner, start).disagrees else None

