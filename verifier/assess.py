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
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from claims.bridge import content_words, has_han, stem
from claims.model import Value
from verifier.compare import Comparison, compare_values, is_vague, normalise_version, same_digits, unit_family
from verifier.frames import clause_span, names_a_lead, round_marks, stale_spans
from verifier.matching import (
    ClaimQuery,
    IndexedPassage,
    NameMatch,
    PassageScore,
    SnapshotIndex,
    compact,
    find_name,
    passage_values,
    score_passages,
    split_names,
)
from verifier.numbers import (
    STRICT_MATCH,
    Statement,
    aligned_plausible,
    aligned_statements,
    contradiction,
    frame_of,
    mixed_pair,
    swapped_pair,
)
from verifier.numbers import supports as aligned_supports
from verifier.rules import Finding

__all__ = ["EvidenceDraft", "Assessment", "assess_claim", "Thresholds"]

_GENERIC_NAMES = frozenset({"AI", "API", "APP", "CEO", "CTO", "GPU", "CPU", "LLM", "SDK", "AGI", "IPO"})
_RELEASE = re.compile(
    r"发布|宣布|公布|提交|推出|上线|官宣|启动|开源|release|announc|launch|submit|unveil|introduc|said on",
    re.IGNORECASE,
)
# an update is dated by the page it is on, but a page's dateline says nothing against a later update
_UPDATE = re.compile(r"更新|updat", re.IGNORECASE)


@dataclass(frozen=True)
class Thresholds:
    number_context: float = 0.4  # passage must speak this much to a numeric claim to count
    number_context_near: float = 0.25  # … or this much when the words next to the figure are met
    near_share: float = 0.5
    contradict_context: float = 0.5
    date_context: float = 0.3
    fact_key: float = 0.6
    fact_context: float = 0.35
    fact_key_loose: float = 0.5  # a weaker key match is enough when the passage speaks strongly to the sentence
    fact_sum: float = 1.0  # … key + context
    name_context: float = 0.25
    key_words_weight: float = 1.5  # Chinese words in a named key that must be met as well…
    key_words_share: float = 0.5  # … at least this share of their weight


@dataclass
class EvidenceDraft:
    snapshot_id: int
    passage: str
    passage_start: int
    passage_end: int
    score: float
    stance: str
    values_found: list[dict[str, Any]] = field(default_factory=list)
    matched_value: str | None = None
    highlight: list[list[int]] = field(default_factory=list)


@dataclass
class Assessment:
    findings: list[Finding] = field(default_factory=list)
    evidence: list[EvidenceDraft] = field(default_factory=list)

    def add(self, finding: Finding, draft: EvidenceDraft) -> None:
        self.findings.append(finding)
        self.evidence.append(draft)


def _draft(ps: PassageScore, stance: str, score: float, value: Value | None = None, spans: Sequence[tuple[int, int]] = ()) -> EvidenceDraft:
    p = ps.passage
    hl = [[value.start, value.end]] if value is not None and value.end > value.start else []
    hl += [[s, e] for s, e in spans]
    return EvidenceDraft(
        snapshot_id=ps.index.snapshot_id,
        passage=p.text,
        passage_start=p.start,
        passage_end=p.end,
        score=round(score, 4),
        stance=stance,
        values_found=[v.to_json() for v in p.values],
        matched_value=value.raw if value is not None else None,
        highlight=hl,
    )


def _subjects(q: ClaimQuery) -> list[str]:
    """The sentence's names (compact form) that can stand for a subject: not generic acronyms."""
    return [
        normalise_version(n) for n in q.context_names
        if len(normalise_version(n)) >= 3
        and n.upper() not in _GENERIC_NAMES
        and not _sentence_initial_word(q, n)
        and not _AMOUNT_NAME.match(n)
    ]


# "RMB4.2bn", "US$2bn", "HK$48": an amount written with a currency code is not a name
_AMOUNT_NAME = re.compile(r"(?:[A-Z]{2,3}|[A-Z]{0,2}\$)\s?\d")


def _sentence_initial_word(q: ClaimQuery, name: str) -> bool:
    """"Guidance for the next quarter…", "Shares jumped…": a plain capitalised word that opens the
    sentence is a word, not a name."""
    return q.sentence.lstrip().startswith(name) and bool(re.fullmatch(r"[A-Z][a-z]+", name))


_WORDS = re.compile(r"[A-Za-z0-9]+")


def _term_spans(text: str, terms: frozenset[str], limit: int = 20) -> list[tuple[int, int]]:
    """Spans of the passage's words that met the claim's key (for the reviewer's highlight)."""
    spans = [(m.start(), m.end()) for m in _WORDS.finditer(text) if stem(m.group()) in terms]
    return spans[:limit]


def _noun_bound(claimed: Value, found: Value) -> bool:
    if not claimed.noun or not found.noun:
        return False
    return bool(set(content_words(claimed.noun)) & set(content_words(found.noun)))


def _assess_number(
    q: ClaimQuery, claimed: Value, passages: list[PassageScore], t: Thresholds, indexes: Sequence[SnapshotIndex] = ()
) -> Assessment:
    out = _assess_number_near(q, claimed, passages, t)
    return _with_alignment(q, claimed, out, indexes) if indexes else out


def _stale_support(draft: EvidenceDraft) -> bool:
    """The supporting figure is one the page itself says was revised."""
    if draft.stance != "supports" or not draft.highlight:
        return False
    start = draft.highlight[0][0]
    return any(s <= start < e for s, e in stale_spans(draft.passage))


def _statement_draft(st: Statement, stance: str) -> EvidenceDraft:
    ps = PassageScore(st.index, st.passage_no, st.match, st.match, ())
    return _draft(ps, stance, st.match, st.value)


def _with_alignment(q: ClaimQuery, claimed: Value, out: Assessment, indexes: Sequence[SnapshotIndex]) -> Assessment:
    """Add what the figures aligned with the claim's frame say (verifier.numbers): a supporting
    statement anywhere on the cited pages; with no support, the closest contradicting one."""
    frame = frame_of(q)
    statements = aligned_statements(q, claimed, indexes, _subjects(q), frame)
    frame_direction = frame.direction
    by_place = {(st.index.snapshot_id, st.passage.start, st.value.start): st for st in statements}
    kept = Assessment()
    for f, d in zip(out.findings, out.evidence, strict=True):
        if f.stance == "supports" and d.highlight:
            st = by_place.get((d.snapshot_id, d.passage_start, d.highlight[0][0]))
            if st is not None and not aligned_plausible(claimed, st, statements, frame_direction):
                continue  # the same digits, but in another frame: another period, tranche, direction
        if not _stale_support(d):
            kept.add(f, d)
    backing = sorted((st for st in statements if aligned_supports(claimed, st)), key=lambda st: -st.match)
    if backing:
        st = backing[0]
        kept.add(Finding("supports", st.match, "value", "aligned"), _statement_draft(st, "supports"))
    if any(f.stance == "supports" for f in kept.findings) and _only_title_backs(kept, by_place, statements, claimed):
        kept = Assessment()  # the support's own words say nothing of the claim; a figure whose words do differs
    if any(f.stance == "supports" for f in kept.findings):
        swap = swapped_pair(q, claimed, statements)
        if swap is not None:
            out = Assessment()
            out.add(Finding("contradicts", max(swap.match, 0.5), "value", "swapped"), _statement_draft(swap, "contradicts"))
            return out
        mixed = mixed_pair(q, claimed, indexes)
        if mixed is not None:
            idx, n, value = mixed
            ps = PassageScore(idx, n, 0.6, 0.6, ())
            out = Assessment()
            out.add(Finding("contradicts", 0.6, "value", "swapped"), _draft(ps, "contradicts", 0.6, value))
            return out
        return kept
    against = [(st, kind) for st in statements if (kind := contradiction(claimed, st))]
    if against:
        st, kind = max(against, key=lambda sk: sk[0].match)
        kept.add(Finding("contradicts", st.match, "value", kind), _statement_draft(st, "contradicts"))
    return kept


def _only_title_backs(
    kept: Assessment, by_place: dict[tuple[int, int, int], Statement], statements: Sequence[Statement], claimed: Value
) -> bool:
    """Every supporting figure meets the claim's measure only through the page's title (its own words
    meet none of it: "a $1 million research grant" on a page titled "Microsoft … $10 billion
    investment"), while a figure whose own words do meet it contradicts the claim (the $10 billion)."""
    backing: list[Statement] = []
    for f, d in zip(kept.findings, kept.evidence, strict=True):
        if f.stance != "supports":
            continue
        st = by_place.get((d.snapshot_id, d.passage_start, d.highlight[0][0])) if d.highlight else None
        if st is None or st.strict_match > 0:
            return False
        backing.append(st)
    return bool(backing) and any(
        st.strict_match >= STRICT_MATCH and contradiction(claimed, st) for st in statements
    )


def _assess_number_near(q: ClaimQuery, claimed: Value, passages: list[PassageScore], t: Thresholds) -> Assessment:
    out = Assessment()
    subjects = _subjects(q)
    for ps in passages:
        if ps.context < t.number_context and not (ps.near >= t.near_share and ps.context >= t.number_context_near):
            continue
        if subjects and not any(n in ps.index.page_compact for n in subjects):
            continue  # the figure of another company's page
        comparisons: list[tuple[Value, Comparison]] = []
        for pv in ps.passage.values:
            cmp = compare_values(claimed, pv)
            if cmp.outcome != "incomparable":
                comparisons.append((pv, cmp))
        # a vague claim (数百万) met by a figure must count the same noun
        # a figure merely inside a claimed bound ("不到 80%" against 72.1%) is one of many a page may
        # give: only the aligned frame (verifier.numbers) may take it as support — but a rank is how
        # "top five" is met (#3)
        agree = [
            (pv, c) for pv, c in comparisons
            if c.agrees and (c.detail != "vague" or is_vague(pv) or _noun_bound(claimed, pv))
            and not (c.detail == "bound" and pv.qualifier in {"=", "~"} and claimed.unit != "rank")
        ]
        bound_agree = [pv for pv, _ in agree if _noun_bound(claimed, pv)]
        # the number's noun: "12 个模型" against "5 models on 12 benchmarks" — the page's figure for
        # models is 5; the 12 it also states counts something else
        bound_disagree = [(pv, c) for pv, c in comparisons if c.disagrees and _noun_bound(claimed, pv) and not is_vague(pv)]
        if agree and (bound_agree or not bound_disagree):
            pv = bound_agree[0] if bound_agree else agree[0][0]
            score = min(1.0, ps.context + (0.1 if bound_agree else 0.0))
            out.add(Finding("supports", score, "value", "agree"), _draft(ps, "supports", score, pv))
            continue
        if ps.context < t.contradict_context:
            continue
        # a slip is only the same quantity when the words next to the figure are met here too
        strong = [(pv, c) for pv, c in comparisons if c.strong and ps.near >= t.near_share]
        pick = bound_disagree[0] if bound_disagree else (strong[0] if strong else None)
        if pick is not None:
            pv, c = pick
            out.add(Finding("contradicts", ps.context, "value", c.detail), _draft(ps, "contradicts", ps.context, pv))
            continue
        if not comparisons:  # garbled unit: the same digits on another unit, same subject
            for pv in ps.passage.values:
                if (
                    isinstance(pv.value, float)
                    and isinstance(claimed.value, float)
                    and unit_family(pv) != unit_family(claimed)
                    and unit_family(pv) in {"count"}
                    and same_digits(float(claimed.value), float(pv.value))
                    and ps.context >= 0.6
                    and ps.near >= t.near_share
                    and bool(pv.noun and set(content_words(pv.noun)) & (q.all_terms() | set(content_words(claimed.noun or ""))))
                ):
                    out.add(
                        Finding("contradicts", ps.context, "value", "unit_garble"),
                        _draft(ps, "contradicts", ps.context, pv),
                    )
                    break
    return out


def _assess_date(q: ClaimQuery, claimed: Value, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    out = Assessment()
    relative = not re.search(r"\d", claimed.raw)  # 今年晚些时候, "later this year"
    for ps in passages:
        # many dates on one page: the passage must speak to the claim, not merely share a date
        if ps.context < t.date_context or (ps.near < t.near_share and ps.context < t.contradict_context):
            continue
        found_values = list(ps.passage.values)
        if relative and not ps.index.published and str(claimed.value)[:4].isdigit():
            # a page without a dateline: its own relative dates ("later this year") meet a relative
            # claim read in the same year — support only, never a contradiction
            year = int(str(claimed.value)[:4])
            found_values += [v for v in passage_values(ps.passage.text, year) if v.kind == "date" and not re.search(r"\d", v.raw)]
        for pv in found_values:
            cmp = compare_values(claimed, pv)
            found = str(pv.value)  # a coarser page date ("2026") does not support a full one
            if cmp.agrees and (len(found) >= len(str(claimed.value)) or found.startswith("--")):
                out.add(Finding("supports", ps.context, "date", "passage"), _draft(ps, "supports", ps.context, pv))
                break
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
        dateline = Value(raw=idx.published, value=idx.published, unit="date", kind="date")
        cmp = compare_values(claimed, dateline)
        about_page = _title_names_subject(q, idx)
        full = len(str(claimed.value)) >= 7  # a bare year is not what a dateline confirms
        if cmp.agrees and full and (about_page or ps.context >= t.date_context) and dated:
            draft = _draft(ps, "supports", ps.context, None)
            draft.matched_value = idx.published
            out.add(Finding("supports", max(ps.context, 0.6), "date", "dateline"), draft)
        elif cmp.disagrees and about_page and release and len(str(claimed.value)) >= 10:
            draft = _draft(ps, "contradicts", ps.context, None)
            draft.matched_value = idx.published
            out.add(Finding("contradicts", 0.7, "date", "dateline"), draft)
    return out


def _title_names_subject(q: ClaimQuery, idx: SnapshotIndex) -> bool:
    """The page's title carries a name the claim's sentence gives (the page is about the subject)."""
    title = normalise_version(idx.title)
    return any(len(normalise_version(n)) >= 4 and normalise_version(n) in title for n in q.context_names)


def _assess_version(q: ClaimQuery, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    out = Assessment()
    versions = [v for v in q.values if v.kind == "version"] or [
        Value(raw=q.key_text, value=q.key_text, unit="version", kind="version")
    ]
    patterns = [version_pattern(str(v.value)) for v in versions]
    found = [any(p.search(idx.page_text) for idx in indexes) for p in patterns]
    best = passages[0] if passages else None
    if all(found) and best is not None:
        ps = next((p for p in passages if any(pat.search(p.passage.text) for pat in patterns)), best)
        score = max(ps.context, 0.6)
        out.add(Finding("supports", score, "version", "exact"), _draft(ps, "supports", score, None))
        return out
    for v, hit in zip(versions, found, strict=True):
        if not hit:
            listing = _complete_listing(str(v.value), indexes)
            if listing is not None:
                ps, variants = listing
                draft = _draft(ps, "contradicts", ps.context, None)
                draft.matched_value = ", ".join(variants)
                out.add(Finding("contradicts", 0.8, "version", "not_in_complete_list"), draft)
                break
            sibling = _sibling_version(str(v.value), passages, t)
            if sibling is not None:
                ps, other = sibling
                draft = _draft(ps, "contradicts", ps.context, None)
                draft.matched_value = other
                out.add(Finding("contradicts", ps.context, "version", "sibling_version"), draft)
                break
    return out


_VERSIONED = re.compile(r"^(?P<family>[A-Za-z][A-Za-z\s\-]*?)[\s\-]*(?P<num>\d+(?:\.\d+)?)(?P<suffix>[A-Za-z]{0,2})$")


def _sibling_version(version: str, passages: Sequence[PassageScore], t: Thresholds) -> tuple[PassageScore, str] | None:
    """A version the pages never name (GPT-5.6, Gemma 6, E6B) while a passage that speaks strongly to
    the claim names the same family at another number of the same shape (GPT-5.4, Gemma 4, E4B): a
    garbled version. Only the passages that speak most to the claim count (the best three)."""
    m = _VERSIONED.match(version.strip())
    if not m or not passages:
        return None
    family, num, suffix = normalise_version(m.group("family")), m.group("num"), m.group("suffix")
    # a point release slips within its major (GPT-5.4 → GPT-5.6); GPT-6.1 against GPT-5.4 is another model
    shape = re.escape(num.split(".")[0]) + r"\.\d+" if "." in num else r"\d+"
    pattern = re.compile(
        r"(?<![a-z0-9])" + r"[\s\-]*".join(re.escape(ch) for ch in family) + r"[\s\-]*(" + shape + ")"
        + re.escape(suffix) + r"(?![\d.]|[a-z])",
        re.IGNORECASE,
    )
    for ps in passages[:3]:
        if ps.context < t.contradict_context:
            continue
        others = [hit for hit in pattern.finditer(ps.passage.text) if hit.group(1) != num]
        if others:
            return ps, others[0].group(0).strip()
    return None


@lru_cache(maxsize=4096)
def version_pattern(version: str) -> re.Pattern[str]:
    """A version as written on a page: its chunks with any spacing or hyphens between them, and not
    part of a longer name (GPT-5.4 is not found in "GPT-5.4-Cyber", but is in "GPT-5.4 and")."""
    chunks = re.findall(r"[a-z0-9]+(?:\s*\.\s*[0-9]+)*", version.lower().replace("‑", "-"))
    chunks = [re.sub(r"\s+", "", c) for c in chunks]
    body = r"[\s\-_]*".join(re.escape(c) for c in chunks)
    return re.compile(r"(?<![a-z0-9.])" + body + r"(?!-?[a-z0-9]|\.\d)", re.IGNORECASE)


_FAMILY = re.compile(r"^([A-Za-z][A-Za-z\-]*(?:\s+[A-Za-z][A-Za-z\-]*)*[\s\-]*\d+(?:\.\d+)?)[\s\-]+(\S.*)$")
_COMPLETE = re.compile(
    r"\b(?:comes?|available|ships?|offered|released)\s+in\s+(two|three|four|five|six|seven|eight|\d+)\s+"
    r"(?:sizes|versions|variants|models|editions|flavou?rs)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def _complete_listing(version: str, indexes: Sequence[SnapshotIndex]) -> tuple[PassageScore, list[str]] | None:
    """A page that says its list of a family's versions is complete ("Gemma 4 comes in four versions:")
    and lists them: the listed variants, when the claimed version (family + variant) is not among them."""
    m = _FAMILY.match(version.strip())
    if not m:
        return None
    family = normalise_version(m.group(1))
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            said = _COMPLETE.search(p.text)
            if not said or family not in (p.compact + normalise_version(p.heading) + normalise_version(idx.title)):
                continue
            size = said.group(1).lower()
            count = _NUMBER_WORDS.get(size) or int(size)
            variants: list[str] = [v.raw for v in p.values if v.kind == "version" and normalise_version(v.raw) != family]
            for q in idx.passages[n + 1 : n + 1 + count]:
                variants += [v.raw for v in q.values if v.kind == "version"]
            if variants:
                return PassageScore(idx, n, 1.0, 0.0, ()), variants
    return None


def _name_spans(p: IndexedPassage, name: str) -> list[tuple[int, int]]:
    m = re.search(re.escape(name), p.text, re.IGNORECASE)
    return [(m.start(), m.end())] if m else []


def _assess_fact(q: ClaimQuery, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    out = Assessment()
    best = passages[0] if passages else None
    if q.names:
        matches = [_find_name_in(name, indexes) for name in q.names]
        if best is None:
            return out
        near = [m for m in matches if m is not None and not m.found and m.near_miss]
        if (
            all(m is not None and m.found for m in matches)
            and best.context >= t.name_context
            and _key_words_met(q, passages, t)
        ):
            ps = next((p for p in passages if compact_has(p.passage, q.names[0])), best)
            score = max(ps.context, 0.55)
            role = _role_check(q, q.names[0], indexes)
            if role is None:
                out.add(Finding("supports", score, "name", "exact"), _draft(ps, "supports", score, None, _name_spans(ps.passage, q.names[0])))
            elif role.against is not None:
                ps, other = role.against
                draft = _draft(ps, "contradicts", 0.8, None, _name_spans(ps.passage, other))
                draft.matched_value = other
                out.add(Finding("contradicts", 0.8, "name", "role"), draft)
        elif near and best.context >= t.contradict_context:
            m = near[0]
            ps = next((p for p in passages if m.near_miss and m.near_miss in p.passage.text), best)
            draft = _draft(ps, "contradicts", best.context, None, _name_spans(ps.passage, m.near_miss or ""))
            draft.matched_value = m.near_miss
            out.add(Finding("contradicts", best.context, "name", "near_miss"), draft)
        else:
            missing = [n for n, m in zip(q.names, matches, strict=True) if not m.found]
            listing = _complete_name_list(missing, q, indexes) if missing else None
            if listing is not None:
                ps, names = listing
                draft = _draft(ps, "contradicts", ps.context, None)
                draft.matched_value = ", ".join(names)
                out.add(Finding("contradicts", 0.8, "name", "not_in_complete_list"), draft)
        return out
    subjects = _subjects(q)
    for ps in passages:
        # a claim about a named subject (TinyFish, Parcae…) needs that subject on the page
        if subjects and not any(n in ps.index.page_compact for n in subjects):
            continue
        if (ps.key >= t.fact_key and ps.context >= t.fact_context) or (
            ps.key >= t.fact_key_loose and ps.key + ps.context >= t.fact_sum
        ):
            terms = frozenset(t for c in q.key_concepts for t in c.terms)
            spans = _term_spans(ps.passage.text, terms)
            out.add(Finding("supports", ps.context, "topic", "concepts"), _draft(ps, "supports", ps.context, None, spans))
            break
    return out


_COMPLETE_NAMES = re.compile(
    r"\b(?:the|these|its|our|all)\s+(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:companies|partners|firms|members|signatories|investors|backers|labs|providers|customers|pillars|products)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9&'.\-]*(?:\s+[A-Z][A-Za-z0-9&'.\-]*)*")


@dataclass(frozen=True)
class RoleClash:
    """The page gives the claim's name another round than the claim's; ``against``: the passage that
    gives the claim's round to another name, with that name (None when the page does not say)."""

    against: tuple[PassageScore, str] | None


def _role_check(q: ClaimQuery, name: str, indexes: Sequence[SnapshotIndex]) -> RoleClash | None:
    """A name the claim puts in the lead of a round ("a Series C led by Altamira") is read against the
    round the page gives it. When every page clause naming it names another round ("Altamira, which
    led the Series B") it does not support; when the page also names the claim's round with a lead
    and another name ("the Series C … was led by Lumière"), that is the contradiction."""
    rounds = round_marks(q.sentence)
    if len(rounds) != 1 or not names_a_lead(q.sentence):
        return None
    key = compact(name)
    seen = other_round = 0
    for idx in indexes:
        for p in idx.passages:
            at = p.text.lower().find(name.lower()) if key in p.compact else -1
            if at < 0:
                continue
            s, e = clause_span(p.text, at, at + len(name), min_chars=40)
            if _RELATIVE.match(p.text, e):  # "Altamira Partners, which led the Series B": the clause about it
                e = clause_span(p.text, e + 2, e + 3)[1]
            seen += 1
            marks = round_marks(p.text[s:e])
            other_round += bool(marks and not marks & rounds)
    if not seen or other_round < seen:
        return None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            if key in p.compact or not round_marks(p.text) & rounds or not names_a_lead(p.text):
                continue
            lead = _LEAD_BY.search(p.text)
            others = [m for m in split_names(p.text[lead.end() :]) if len(compact(m)) >= 4] if lead else []
            if others:
                return RoleClash((PassageScore(idx, n, 0.8, 0.8, ()), others[0]))
    return RoleClash(None)


_RELATIVE = re.compile(r"[,，]\s*(?:which|who|that|此前|曾)\b", re.I)
_LEAD_BY = re.compile(r"\bled by\b|\blead investor (?:was|is)\b|由", re.I)


def _complete_name_list(
    missing: Sequence[str], q: ClaimQuery, indexes: Sequence[SnapshotIndex]
) -> tuple[PassageScore, list[str]] | None:
    """A page passage that gives a list as complete ("the three companies: A, B and C"), names some of
    the claim's other names, and not the missing ones: the missing name is not among them."""
    others = [n for n in q.context_names if n not in missing]
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            said = _COMPLETE_NAMES.search(p.text)
            if not said:
                continue
            if not any(normalise_version(o) in p.compact for o in others):
                continue
            if any(normalise_version(m) in p.compact for m in missing):
                continue
            listed = [m.group().strip(" .") for m in _CAPITALISED.finditer(p.text[said.end():])]
            if len(listed) >= 2:
                return PassageScore(idx, n, 1.0, 0.0, ()), listed
    return None


def _key_words_met(q: ClaimQuery, passages: Sequence[PassageScore], t: Thresholds) -> bool:
    """A key with names and a substantial Chinese part ("Sora 的部分推进计划") says more than the
    names: its Chinese words must be met too, in a passage that speaks to the claim."""
    chinese = [c for c in q.key_concepts if has_han(c.source)]
    total = sum(c.weight for c in chinese)
    if total < t.key_words_weight:
        return True
    for ps in passages:
        local = set(ps.passage.words) | ps.passage.context
        met = sum(c.weight for c in chinese if c.terms & local)
        if met / total >= t.key_words_share:
            return True
    return False


def _find_name_in(name: str, indexes: Sequence[SnapshotIndex]) -> NameMatch:
    """A name is on a page when written there (spaces, hyphens, case aside) or when all its words
    stand in one passage (a reordered or merged name: "Claude AI Codex" by "Claude Code … Codex")."""
    words = set(content_words(name))
    near: NameMatch | None = None
    for idx in indexes:
        m = find_name(name, idx.page_compact, idx.page_text)
        if m.found:
            return m
        if len(words) >= 2 and any(words <= p.words for p in idx.passages):
            return NameMatch(name, True, score=0.8)
        if m.near_miss and near is None:
            near = m
    return near or NameMatch(name, False)


def compact_has(p: IndexedPassage, name: str) -> bool:
    return normalise_version(name) in p.compact


def assess_claim(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds | None = None) -> Assessment:
    """Findings and evidence for one claim from the indexes of the snapshots it rests on.

    The thresholds above decide what counts; a counted finding's score is mapped to [0.5, 1]
    (0.5 + half its relevance) for the verdict rules and the confidence."""
    out = _assess(q, indexes, t or Thresholds())
    out.findings = [replace(f, score=0.5 + 0.5 * min(1.0, max(0.0, f.score))) for f in out.findings]
    return out


def _assess(q: ClaimQuery, indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    if not indexes:
        return Assessment()
    passages = score_passages(q, indexes, limit=8)
    key_value = q.values[0] if q.values else None
    if q.kind in {"money", "percent", "count"} and key_value is not None and isinstance(key_value.value, float | int):
        fams = [unit_family(key_value), "count"]
        return _assess_number(q, key_value, score_passages(q, indexes, limit=12, families=fams), t, indexes)
    if q.kind == "date" and key_value is not None and key_value.kind == "date":
        dated = _assess_date(q, key_value, passages, indexes, t)
        return _with_alignment(q, key_value, dated, indexes) if re.search(r"\d", key_value.raw) else dated
    if q.kind == "version":
        return _assess_version(q, passages, indexes, t)
    return _assess_fact(q, passages, indexes, t)
