"""Named facts and versions, pure: names found on the page (a near miss contradicts), versions as
written (a sibling or a complete listing without it contradicts), a name in a round's lead read
against the round the page gives it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Literal

from claims.bridge import content_words, has_han
from claims.model import Value
from claims.pinyin import han_sound, name_key, page_keys, word_key
from claims.textnorm import matching_view
from claims.values import cn_number
from verifier.judge.compare import (
    compare_values,
    normalise_version,
)
from verifier.judge.evidence import (
    Assessment,
    EvidenceDraft,
    Thresholds,
    claim_subjects,
    draft_evidence,
    subject_on_page,
    term_spans,
)
from verifier.judge.frames import (
    clause_span,
    names_a_lead,
    part_of_year,
    part_of_year_spans,
    round_mark_spans,
    round_marks,
)
from verifier.judge.leads import claim_lead_span, lead_clash, lead_terms, lists_participants, page_lead
from verifier.judge.matching import (
    ClaimQuery,
    IndexedPassage,
    NameMatch,
    PassageScore,
    SnapshotIndex,
    build_query,
    compact,
    find_name,
    score_passages,
    split_names,
)
from verifier.judge.polarity import negated
from verifier.judge.roles import office_reading
from verifier.judge.rules import Finding
from verifier.judge.statements import passage_sentences, sentence_values
from verifier.judge.venues import assess_venue


def assess_version(q: ClaimQuery, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    out = Assessment()
    versions = [v for v in q.values if v.kind == "version"] or [
        Value(raw=q.key_text, value=q.key_text, unit="version", kind="version")
    ]
    patterns = [version_pattern(str(v.value)) for v in versions]
    found = [any(p.search(idx.page_text) for idx in indexes) for p in patterns]
    for i, v in enumerate(versions):
        if not found[i] and (han := _han_spelling(str(v.value), indexes)) is not None:
            patterns[i], found[i] = han, True  # "Mingjing-3" on a page that writes 明镜-3
    best = passages[0] if passages else None
    if all(found) and best is not None:
        rival = _rival_in_role(versions, patterns, passages, t)
        if rival is not None:
            ps, other = rival
            draft = draft_evidence(ps, "contradicts", ps.context, None)
            draft.matched_value = other
            out.add(Finding("contradicts", ps.context, "version", "sibling_version"), draft)
            return out
        ps = next((p for p in passages if any(pat.search(p.passage.text) for pat in patterns)), best)
        score = max(ps.context, 0.6)
        out.add(Finding("supports", score, "version", "exact"), draft_evidence(ps, "supports", score, None))
        return out
    for v, hit in zip(versions, found, strict=True):
        if not hit:
            listing = _complete_listing(str(v.value), indexes)
            if listing is not None:
                _not_in_complete_list(out, *listing, kind="version")
                break
            sibling = _sibling_version(str(v.value), passages, t, q) or _sibling_listed_with(str(v.value), q, indexes)
            if sibling is not None and _next_generation(str(v.value), q, indexes):
                break  # "Auralis-5 ships in the second half of 2027": a generation to come, not a garbled one
            if sibling is not None:
                ps, other = sibling
                draft = draft_evidence(ps, "contradicts", ps.context, None)
                draft.matched_value = other
                out.add(Finding("contradicts", ps.context, "version", "sibling_version"), draft)
                break
    return out


_PINYIN_VERSION = re.compile(r"([A-Za-z]{4,24})[\s\-]*(\d+(?:\.\d+)?)")


def _han_spelling(version: str, indexes: Sequence[SnapshotIndex]) -> re.Pattern[str] | None:
    """A model named in pinyin with its version ("Mingjing-3") as a Chinese page writes it (明镜-3): the pattern
    of the Han characters sounding as its family, right before the same number; None when no page does."""
    m = _PINYIN_VERSION.fullmatch(version.strip())
    if m is None or (key := name_key(m.group(1))) is None:
        return None
    sound, number = key.removeprefix("py:"), re.escape(m.group(2))
    for idx in indexes:
        if not has_han(idx.page_text):
            continue
        for run in re.finditer(rf"([\u3400-\u9fff]{{2,4}})[\s\-]*{number}(?![\d.])", idx.page_text):
            han = run.group(1)
            tail = next((han[i:] for i in range(len(han) - 1) if han_sound(han[i:]) == sound), None)
            if tail is not None:
                return re.compile(rf"{re.escape(tail)}[\s\-]*{number}(?![\d.])")
    return None


_VERSIONED = re.compile(
    r"^(?P<family>[A-Za-z\u3400-\u9fff][A-Za-z\u3400-\u9fff\s\-]*?)[\s\-]*(?P<num>\d+(?:\.\d+)?)(?P<suffix>[A-Za-z]{0,2})$"
)


@lru_cache(maxsize=1024)
def _siblings(version: str) -> tuple[re.Pattern[str], str] | None:
    """A pattern for the versions of the same family and shape as ``version``, and its number."""
    m = _VERSIONED.match(version.strip())
    if not m:
        return None
    family, num, suffix = normalise_version(m.group("family")), m.group("num"), m.group("suffix")
    # a point release slips within its major (GPT-5.4 → GPT-5.6); GPT-6.1 against GPT-5.4 is another model
    shape = re.escape(num.split(".")[0]) + r"\.\d+" if "." in num else r"\d+"
    pattern = re.compile(
        r"(?<![a-z0-9])" + r"[\s\-]*".join(re.escape(ch) for ch in family) + r"[\s\-]*(" + shape + ")"
        + re.escape(suffix) + r"(?![\d.]|[a-z])",
        re.IGNORECASE,
    )
    return pattern, num


def _sibling_in(version: str, text: str, avoid: str = "") -> str | None:
    """Another version of ``version``'s family and shape named in ``text`` (GPT-5.4 for GPT-5.6),
    not one that ``avoid`` (the claim's sentence) names already."""
    sib = _siblings(version)
    if sib is None:
        return None
    pattern, num = sib
    named = {hit.group(1) for hit in pattern.finditer(avoid)} if avoid else set()
    return next((hit.group(0).strip() for hit in pattern.finditer(text) if hit.group(1) != num and hit.group(1) not in named), None)


# a sentence about what is to come: a version in it not yet out is no garbled one
_TO_COME = re.compile(
    r"\b(?:will|would|plans?|planned|to ship|ships? in|due|expected|upcoming|next|successor|coming|later this)\b"
    r"|将|将于|计划|預計|预计|有望|即将|下一代|后续|後續",
    re.I,
)


def _next_generation(version: str, q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> bool:
    """Is the claimed version a generation to come: the claim speaks of the future, and its number is above every
    one of its family the cited pages name (they tell of what is out, not of what is next)?"""
    sib = _siblings(version)
    if sib is None or _TO_COME.search(q.sentence) is None:
        return False
    pattern, num = sib
    try:
        mine = float(num)
        named = [float(hit.group(1)) for idx in indexes for hit in pattern.finditer(idx.page_text)]
    except ValueError:
        return False
    return bool(named) and all(mine > n for n in named)


def _sibling_version(
    version: str, passages: Sequence[PassageScore], t: Thresholds, q: ClaimQuery | None = None
) -> tuple[PassageScore, str] | None:
    """A version the pages never name (GPT-5.6, Gemma 6, E6B) while a passage that speaks strongly to
    the claim names the same family at another number of the same shape (GPT-5.4, Gemma 4, E4B): a
    garbled version. Only the passages that speak most to the claim count (the best three); a
    sentence whose other versions are garbled too is read with the passage's versions."""
    for ps in passages[:3]:
        other = _sibling_in(version, ps.passage.text)
        if other is None:
            continue
        if ps.context >= t.contradict_context or (q is not None and _context_with_page_versions(q, ps) >= t.contradict_context):
            return ps, other
    return None


def _sibling_listed_with(version: str, q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> tuple[PassageScore, str] | None:
    """A version the pages never name, where a passage names the same family at another number
    together with another name of the claim's sentence (the sentence lists GPT-5.3, Claude Opus 4.8
    and KIMI K2; the page lists GPT-5.3, Claude Opus 4.6 and KIMI K2): the page's list of the very
    things the claim lists, with this one garbled. A name counts in its page spelling or, for a
    version, as any member of its family the sentence does not already name."""
    own = compact(version)
    others = [n for n in q.context_names if compact(n) != own and len(compact(n)) >= 3 and own not in compact(n)]
    if not others:
        return None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            sibling = _sibling_in(version, p.text, avoid=q.sentence)
            if sibling is None:
                continue
            text = compact(p.text)
            if any(compact(o) in text or _sibling_in(o, p.text, avoid=q.sentence) for o in others):
                return PassageScore(idx, n, 0.6, 0.6, ()), sibling
    return None


def _context_with_page_versions(q: ClaimQuery, ps: PassageScore) -> float:
    """How much ``ps`` speaks to the claim once every version of the sentence that its page never
    names is written as the passage's sibling of it (GPT-5.6 and Gemma 6 as GPT-5.4 and Gemma 4)."""
    sentence, key = q.sentence, q.key_text
    for v in sentence_values(sentence):
        if v.kind != "version" or version_pattern(str(v.value)).search(ps.index.page_text):
            continue
        sibling = _sibling_in(str(v.value), ps.passage.text, avoid=q.sentence) or _sibling_in(
            str(v.value), ps.index.page_text, avoid=q.sentence
        )
        if sibling is not None:
            sentence, key = sentence.replace(v.raw, sibling), key.replace(v.raw, sibling)
    if sentence == q.sentence:
        return ps.context
    rescored = _rescored(q, sentence, key, [ps.index], limit=5)
    return max((r.context for r in rescored if r.passage_no == ps.passage_no), default=ps.context)


def _rescored(q: ClaimQuery, sentence: str, key: str, indexes: Sequence[SnapshotIndex], limit: int) -> list[PassageScore]:
    """The passages that speak most to the claim written as ``sentence`` (its key as ``key``): the
    claim read with the page's spelling of what it garbled."""
    fixed = build_query(kind=q.kind, sentence=sentence, key_text=key, key_start=sentence.find(key), values=q.values)
    return score_passages(fixed, indexes, limit=limit)


_ROLE_NEAR = 0.75  # the rival passage carries most of the words around the claimed version
_ROLE_MARGIN = 0.5  # ... and every passage naming the claimed version carries far fewer


def _rival_in_role(
    versions: Sequence[Value], patterns: Sequence[re.Pattern[str]], passages: Sequence[PassageScore], t: Thresholds
) -> tuple[PassageScore, str] | None:
    """The page names the claimed version, but what the claim says of it (began shipping, was
    released, tops the benchmark) the page says of a sibling: the passage that carries the words
    around the claimed version names another version of its family and not the claimed one, while the
    passages that do name the claimed version say something else (HX-500 sampling later, HX-400
    shipping now)."""
    if len(versions) != 1 or not passages:
        return None
    top = max(passages[:3], key=lambda ps: ps.near)
    if top.near < _ROLE_NEAR or top.context < t.contradict_context:
        return None
    if any(pat.search(top.passage.text) for pat in patterns):
        return None
    other = _sibling_in(str(versions[0].value), top.passage.text)
    if other is None:
        return None
    named = [ps.near for ps in passages if any(pat.search(ps.passage.text) for pat in patterns)]
    if named and max(named) > top.near - _ROLE_MARGIN:
        return None
    return top, other


@lru_cache(maxsize=4096)
def version_pattern(version: str) -> re.Pattern[str]:
    """A version as written on a page: its chunks (a Chinese name's characters too: 曜问-3 is no bare 3) with
    any spacing or hyphens between them, and not part of a longer name (GPT-5.4 is not found in
    "GPT-5.4-Cyber", but is in "GPT-5.4 and")."""
    chunks = re.findall(r"[a-z0-9\u3400-\u9fff]+(?:\s*\.\s*[0-9]+)*", version.lower().replace("‑", "-"))
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
        for n, p in enumerate(idx.passages):
            listed = _counted_run(p, family)
            if listed:
                return PassageScore(idx, n, 1.0, 0.0, ()), listed
    return None


_COUNTED = re.compile(r"(?:共|总共|一共|合计|等)\s*([两二三四五六七八九十]|\d+)\s*(?:款|个|种|版|型|项)")
_LIST_GAP = re.compile(r"[\s、和及与或-]*")


def _counted_run(p: IndexedPassage, family: str) -> list[str]:
    """"A、B、C 和 D 共四款": an enumeration of the family's versions that the page counts, when the
    count equals the versions listed right before it (a complete list)."""
    versions = [v for v in p.values if v.kind == "version"]
    for said in _COUNTED.finditer(p.text):
        run: list[Value] = []
        pos = said.start()
        for v in reversed([v for v in versions if v.end <= said.start()]):
            if not _LIST_GAP.fullmatch(p.text, v.end, pos):
                break
            run.insert(0, v)
            pos = v.start
        listed = [v.raw for v in run if normalise_version(v.raw).startswith(family) and normalise_version(v.raw) != family]
        count = cn_number(said.group(1)) if not said.group(1).isdigit() else int(said.group(1))
        if listed and len(listed) == count:
            return listed
    return []


@dataclass(frozen=True)
class _BoundMarks:
    """A mark a figure carries in its sentence: which round a raise was, which quarter a result is for."""

    marks: Callable[[str], frozenset[str]]
    spans: Callable[[str], list[tuple[int, int]]]
    kinds: frozenset[str]  # the kinds of the claim's figures the mark binds to
    around: bool  # the passage's heading and the page's title also mark the figure ("Q2 Highlights")
    detail: str


_ROUND_MARKS = _BoundMarks(round_marks, round_mark_spans, frozenset({"money"}), False, "round")
_PERIOD_MARKS = _BoundMarks(part_of_year, part_of_year_spans, frozenset({"money", "percent", "count"}), True, "period")


def _assess_bound(q: ClaimQuery, indexes: Sequence[SnapshotIndex], bound: _BoundMarks) -> Assessment | None:
    """A mark bound to the claim's figure ("C 轮" of 300 亿日元, "third-quarter" of $2.91bn) read off
    the page sentence that gives that figure: the same mark supports the claim, only other marks
    contradict it. None when no page sentence gives the figure with such a mark."""
    claimed = bound.marks(q.key_text)
    figures = [v for v in sentence_values(q.sentence) if v.kind in bound.kinds and isinstance(v.value, float | int)]
    if not figures:
        return None
    against: tuple[PassageScore, tuple[int, int] | None, str] | None = None
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            if not any(v.kind in bound.kinds for v in p.values):
                continue
            around = (p.heading + " " + idx.title) if bound.around else ""
            for s, e, inside in passage_sentences(p):
                found = [v for v in inside if v.kind in bound.kinds]
                if not any(compare_values(a, v).outcome == "agree" for a in figures for v in found):
                    continue
                spans = [(s + a, s + b) for a, b in bound.spans(p.text[s:e])]
                marks = bound.marks(p.text[s:e]) | bound.marks(around)
                if not marks:
                    continue
                ps = PassageScore(idx, n, 0.8, 0.8, ())
                if marks & claimed:
                    same = [sp for sp in spans if bound.marks(p.text[sp[0] : sp[1]]) & claimed]
                    out = Assessment()
                    out.add(Finding("supports", 0.8, "name", bound.detail), draft_evidence(ps, "supports", 0.8, None, same[:1]))
                    return out
                if against is None:
                    span = spans[0] if spans else None
                    said = p.text[span[0] : span[1]] if span else ", ".join(sorted(marks))
                    against = (ps, span, said)
    if against is None:
        return None
    ps, span, said = against
    draft = draft_evidence(ps, "contradicts", 0.8, None, [span] if span else [])
    draft.matched_value = said
    out = Assessment()
    out.add(Finding("contradicts", 0.8, "name", bound.detail), draft)
    return out


# a name the page says sat a deal out: "Tessellate Ventures, which led the Series B, did not participate", 未参与本轮
_SAT_OUT = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|will not|won't|was not|wasn't|is not|isn't|were not|weren't)\s+"
    r"(?:participate|invest|join|take part|co-invest|return)\w*|\bsat (?:it|the round|this round|the deal) out\b"
    r"|未参与|没有参与|未參與|沒有參與|未参投|未參投|未跟投|没有跟投|沒有跟投|缺席",
    re.I,
)


def _sat_out(name: str, indexes: Sequence[SnapshotIndex]) -> tuple[PassageScore, tuple[int, int]] | None:
    """The passage whose sentence naming ``name`` says, after the name, that it did not take part."""
    pattern = re.compile(re.escape(name), re.I)
    for idx in indexes:
        for n, p in enumerate(idx.passages):
            for m in pattern.finditer(p.text):
                for s, e, _figures in passage_sentences(p):
                    if s <= m.start() < e and _SAT_OUT.search(p.text, m.end(), e):
                        return PassageScore(idx, n, 0.8, 0.8, ()), (m.start(), m.end())
    return None


def _name_spans(p: IndexedPassage, name: str) -> list[tuple[int, int]]:
    m = re.search(re.escape(name), p.text, re.IGNORECASE)
    return [(m.start(), m.end())] if m else []


def assess_fact(q: ClaimQuery, passages: list[PassageScore], indexes: Sequence[SnapshotIndex], t: Thresholds) -> Assessment:
    if (listed := assess_venue(q, indexes)) is not None:
        return listed  # where shares list: a closed class of exchanges
    if round_marks(q.key_text) and (judged := _assess_bound(q, indexes, _ROUND_MARKS)) is not None:
        return judged
    if part_of_year(q.key_text) and (judged := _assess_bound(q, indexes, _PERIOD_MARKS)) is not None:
        return judged
    out = Assessment()
    if (han_listing := _han_complete_list(q, indexes)) is not None:
        _not_in_complete_list(out, *han_listing, sep="、")
        return out
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
            # a member the claim lists beside others the page gives as a complete list without it ("the three
            # partners A, B and C" against "A、B和Okabe Shoji"), though the page names it elsewhere
            listing = _complete_name_list(q.names, q, indexes) if _listed_with_others(q, q.names) else None
            if listing is not None:
                _not_in_complete_list(out, *listing)
            elif role is None and (clash := _lead_against(q, passages, t)) is not None:
                out.add(Finding("contradicts", 0.8, "name", "role"), clash)
            elif role is None and not negated(q.sentence) and (sat := _sat_out(q.names[0], indexes)) is not None:
                ps, span = sat  # "Tessellate Ventures, which led the Series B, did not participate"
                out.add(Finding("contradicts", 0.8, "name", "role"), draft_evidence(ps, "contradicts", 0.8, None, [span]))
            elif role is None and (office := office_reading(q, passages, indexes, t)) is not None:
                out.add(*office)
            elif role is None:
                out.add(Finding("supports", score, "name", "exact"), draft_evidence(ps, "supports", score, None, _name_spans(ps.passage, q.names[0])))
            elif role.against is not None:
                ps, other = role.against
                draft = draft_evidence(ps, "contradicts", 0.8, None, _name_spans(ps.passage, other))
                draft.matched_value = other
                out.add(Finding("contradicts", 0.8, "name", "role"), draft)
        elif near and (
            (read := _as_the_page_writes(q, near[0], passages, indexes)).context >= t.contradict_context
            or _supported_as_the_page_writes(q, near[0], indexes, t)
        ):
            m = near[0]
            ps = next((p for p in passages if m.near_miss and m.near_miss in p.passage.text), read)
            draft = draft_evidence(ps, "contradicts", read.context, None, _name_spans(ps.passage, m.near_miss or ""))
            draft.matched_value = m.near_miss
            out.add(Finding("contradicts", read.context, "name", "near_miss"), draft)
        else:
            missing = [n for n, m in zip(q.names, matches, strict=True) if not m.found]
            listing = _complete_name_list(missing, q, indexes) if missing else None
            if listing is None and missing:
                listing = _romanised_complete_list(missing, q, indexes)
            swapped = _list_with_another_member(q, passages, t) if missing and listing is None else None
            if swapped is not None:
                ps, span, other = swapped
                draft = draft_evidence(ps, "contradicts", 0.8, None, [span])
                draft.matched_value = other
                out.add(Finding("contradicts", 0.8, "name", "not_in_complete_list"), draft)
            elif listing is not None:
                _not_in_complete_list(out, *listing)
        return out
    subjects = claim_subjects(q)
    if (clash := _lead_against(q, passages, t)) is not None:
        # the claim's lead (辉达 of 由辉达领投) named among the participants of another's lead, whatever
        # script the page writes it in
        out.add(Finding("contradicts", 0.8, "name", "role"), clash)
        return out
    if (office := office_reading(q, passages, indexes, t)) is not None:
        # the claim's sponsor (保荐机构为东瀛证券) in that office on the page, or named in another
        out.add(*office)
        return out
    written = compact(q.key_text)
    ranked = _RANK_WORDS.search(q.key_text) is not None
    record = _RECORD_WORDS.search(q.key_text) is not None
    for ps in passages:
        # a claim about a named subject (TinyFish, Parcae…) needs that subject on the page
        if not subject_on_page(q, subjects, ps.index):
            continue
        # the key's very words in a passage that speaks to the claim ("由海岳资本领投": names no dictionary knows)
        verbatim = len(written) >= 4 and written in ps.passage.compact and ps.context >= t.fact_context
        if ranked and not verbatim and not _RANK_WORDS.search(ps.passage.text):
            continue  # "市占率居国内第一": a passage that ranks nothing says nothing of a rank
        if record and not verbatim and not _RECORD_WORDS.search(ps.passage.text):
            continue  # "創單月新高", "a record month": a passage that sets no record says nothing of one
        if verbatim or (ps.key >= t.fact_key and ps.context >= t.fact_context) or (
            ps.key >= t.fact_key_loose and ps.key + ps.context >= t.fact_sum
        ):
            terms = frozenset(t for c in q.key_concepts for t in c.terms)
            spans = term_spans(ps.passage.text, terms)
            out.add(Finding("supports", ps.context, "topic", "concepts"), draft_evidence(ps, "supports", ps.context, None, spans))
            break
    return out


# a rank or superlative: a claim of one needs a passage that ranks ("居国内第一", "the largest", "No. 1")
_RANK_WORDS = re.compile(
    # (第N of a quarter, batch, round or edition is an ordinal, no rank; 最高 is as often "up to", 最新 "latest")
    r"第[一二三四五六七八九十\d]+(?![季批次届屆期代轮輪阶階个個年月天周週款部章条條方\d])|首位|榜首|冠军|冠軍|龙头|龍頭"
    r"|最(?:大|多|强|強|快|早|先|佳|低|小)|领先|領先|居首|"
    # (… and "the five largest customers" is a group, no rank of one)
    r"\b(?:top|leading|(?<!\d )(?<!two )(?<!three )(?<!four )(?<!five )(?<!six )(?<!seven )(?<!eight )(?<!nine )(?<!ten )"
    r"(?:largest|biggest|highest|lowest|smallest|fastest|greatest)|most|best|No\.\s?\d|#\d|rank\w*"
    r"|(?:first|second|third)(?!\s+(?:quarter|half|phase|batch|time|round|day|week|month|year|nine|six|three)))\b",
    re.IGNORECASE,
)


# a figure the page says is second only to another: no record ("為單月歷史次高，僅次於今年8月的638.5億元")
_SHORT_OF_RECORD = re.compile(r"次高|次低|仅次于|僅次於|\bsecond[- ](?:highest|largest|best|biggest)\b", re.IGNORECASE)


def short_of_record(q: ClaimQuery, passages: list[PassageScore]) -> EvidenceDraft | None:
    """A record claimed ("创单月历史新高") for a figure of its sentence that a cited page, in the sentence giving that very
    figure, calls second only to another and no record ("為單月歷史次高"): the evidence that contradicts it."""
    if not _RECORD_WORDS.search(q.key_text):
        return None
    figures = [v for v in sentence_values(q.sentence) if v.kind in {"money", "count", "percent"} and v.unit != "rank"]
    if not figures:
        return None
    for ps in passages:
        text = ps.passage.text
        for s, e, inside in passage_sentences(ps.passage):
            m = _SHORT_OF_RECORD.search(text, s, e)
            if m is None or _RECORD_WORDS.search(text, s, e):
                continue
            if any(compare_values(f, v).detail == "exact" for v in inside for f in figures):
                draft = draft_evidence(ps, "contradicts", 0.8, None, [m.span()])
                draft.matched_value = m.group()
                return draft
    return None


# a record: a claim of one needs a passage that says one ("創單月歷史新高", "the highest ever", "a record month")
_RECORD_WORDS = re.compile(
    r"新高|新低|创高|創高|创新低|創新低|纪录|紀錄|記錄|历史最|歷史最|史上最|\b(?:record|all-time|ever)\b", re.IGNORECASE
)


_COMPLETE_NAMES = re.compile(
    # (… or a verb that says it chose them: "has qualified three back-end partners", "picked two banks")
    r"\b(?:the|these|its|our|their|all|with|through|via|from|by|to|has|have|had|comprises?|includes?|[a-z]{3,}ed|chose|picked)\s+"
    r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    # (a word or two between: "three founding partners", "four anchor launch customers")
    r"(?:(?!and\b|or\b)[a-z][a-z-]+\s+){0,2}"
    r"(?:companies|partners|firms|members|signatories|investors|backers|labs|providers|customers|pillars|products"
    r"|participants|sponsors|vendors|suppliers|banks|underwriters)\b",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"[A-Z][A-Za-z0-9&'.\-]*(?:\s+[A-Z][A-Za-z0-9&'.\-]*)*")
_SENTENCE_STOP = re.compile(r"\.(?=\s+[A-Z])|[。;；]|$")


@dataclass(frozen=True)
class RoleClash:
    """The page gives the claim's name another round than the claim's; ``against``: the passage that
    gives the claim's round to another name, with that name (None when the page does not say)."""

    against: tuple[PassageScore, str] | None


def _role_check(q: ClaimQuery, name: str, indexes: Sequence[SnapshotIndex]) -> RoleClash | None:
    """A name the claim puts in the lead of a round ("a Series C led by Altamira") is read against the
    round the page gives it. When every page clause naming it names another round ("Altamira, which
    led the Series B") it does not support, unless no page names the claim's round at all (the claim's letter is
    then what is wrong, read on its own); when the page also names the claim's round with a lead
    and another name ("the Series C … was led by Lumière", or "the round was led by Lumière" under a
    headline about the Series C), that is the contradiction."""
    rounds = round_marks(q.sentence)
    if len(rounds) != 1 or not names_a_lead(q.sentence):
        return None
    if not any(round_marks(idx.page_text) & rounds for idx in indexes):
        return None  # no page names the claim's round: it speaks of the same round under its own letter
    key = compact(name)
    seen = other_round = 0
    for idx in indexes:
        for p in idx.passages:
            found = _name_spans(p, name) if key in p.compact else []
            if not found:
                continue
            s, e = clause_span(p.text, *found[0], min_chars=40)
            if _RELATIVE.match(p.text, e):  # "Altamira Partners, which led the Series B": the clause about it
                e = clause_span(p.text, e + 2, e + 3)[1]
            seen += 1
            marks = round_marks(p.text[s:e])
            other_round += bool(marks and not marks & rounds)
    if not seen or other_round < seen:
        return None
    for idx in indexes:
        # "The round was led by …" on a page whose headline is the claim's round speaks of that round
        page_round = round_marks(idx.title) == rounds
        for n, p in enumerate(idx.passages):
            for s, e, _figures in passage_sentences(p):
                sentence = p.text[s:e]
                marks = round_marks(sentence)
                if key in compact(sentence) or not names_a_lead(sentence) or not (marks & rounds or (page_round and not marks)):
                    continue
                lead = _LEAD_BY.search(sentence)
                others = [m for m in split_names(sentence[lead.end() :]) if len(compact(m)) >= 4] if lead else []
                if others:
                    return RoleClash((PassageScore(idx, n, 0.8, 0.8, ()), others[0]))
    return RoleClash(None)


def _lead_against(q: ClaimQuery, passages: Sequence[PassageScore], t: Thresholds) -> EvidenceDraft | None:
    """The claim names who led ("由软银领投", "led by NVIDIA") and a page sentence that speaks to it
    gives the lead to another name while naming the claim's among the rest: a contradiction whose
    evidence is that sentence, the page's lead highlighted. A paragraph that opens by listing the round's
    other investors ("X and Y also took part") is read with the lead its story's previous paragraph names."""
    at = q.sentence.find(q.key_text)
    span = claim_lead_span(q.sentence, at if at >= 0 else None)
    if span is None or at < 0 or at >= span[1] or at + len(q.key_text) <= span[0]:
        return None  # the claim's key is not its lead (a participant of a round someone led)
    terms = lead_terms(q.sentence[span[0] : span[1]])
    rounds = round_marks(q.sentence)
    named: dict[int, bool] = {}  # page → does it name the claim's round anywhere?
    for ps in passages:
        if ps.context < t.contradict_context:
            continue
        for lead_ps, s, e, following in _lead_sentences(ps):
            text = lead_ps.passage.text
            theirs = round_marks(text[s:e])
            if rounds and theirs and not theirs & rounds:
                page = ps.index.snapshot_id
                if page not in named:
                    named[page] = bool(round_marks(ps.index.page_text) & rounds)
                if named[page]:
                    continue  # another round's lead
                # (a page that never names the claim's round speaks of the same round under its own letter:
                # "a Series E led by X" against "a Series D round led by Y")
            lead = lead_clash(terms, text[s:e], following)
            if lead is not None:
                draft = draft_evidence(lead_ps, "contradicts", 0.8, None, [(s + lead[0], s + lead[1])])
                draft.matched_value = text[s + lead[0] : s + lead[1]]
                return draft
    return None


def _lead_sentences(ps: PassageScore) -> list[tuple[PassageScore, int, int, str]]:
    """The sentences of a passage, each with the sentence after it or the one of the few after it that lists the
    round's other investors (:func:`_participants_after`), and, when the passage opens by listing them (in one of
    its first few sentences), the previous paragraph's sentences with that one."""
    text = ps.passage.text
    sentences = passage_sentences(ps.passage)
    out = [(ps, s, e, _participants_after(ps, sentences, i)) for i, (s, e, _figures) in enumerate(sentences)]
    opening = _opening_participants(text, sentences) if ps.passage_no > 0 else ""
    if opening:
        before = replace(ps, passage_no=ps.passage_no - 1)
        out += [(before, s, e, opening) for s, e, _figures in passage_sentences(before.passage)]
    return out


_PARTICIPANTS_WITHIN = 3  # sentences after a round's lead in which its story lists the other investors


def _opening_participants(text: str, sentences: Sequence[tuple[int, int, Any]]) -> str:
    """The sentence among a paragraph's first few that lists a round's other investors, no lead named before it
    ("The round values it at $5.2 billion. Tessaly and Kinloch joined the round"), or ""."""
    for s, e, _figures in sentences[:_PARTICIPANTS_WITHIN]:
        sentence = text[s:e]
        if page_lead(sentence) is not None:
            return ""
        if lists_participants(sentence):
            return sentence
    return ""


def _participants_after(ps: PassageScore, sentences: Sequence[tuple[int, int, Any]], i: int) -> str:
    """The sentence after sentence ``i`` of a passage (the next paragraph's first after its last), or the first of
    the few after it that lists a round's other investors ("The round values it at $5.2 billion. Tessaly and
    Kinloch joined the round"), unless a sentence before it names a lead of its own or another round."""
    text = ps.passage.text
    after = [text[s:e] for s, e, _figures in sentences[i + 1 : i + 1 + _PARTICIPANTS_WITHIN]]
    if len(after) < _PARTICIPANTS_WITHIN:
        after.append(_next_paragraph(ps))
    after = [a for a in after if a]
    if not after:
        return ""
    rounds = round_marks(text[sentences[i][0] : sentences[i][1]])
    for sentence in after:
        if page_lead(sentence) is not None:
            break  # another lead's story
        if lists_participants(sentence):
            theirs = round_marks(sentence)
            return sentence if not (rounds and theirs and not theirs & rounds) else after[0]
    return after[0]


def _next_paragraph(ps: PassageScore) -> str:
    """The first sentence of the passage after ``ps`` (a story's next paragraph: "X and Y also took part")."""
    passages = ps.index.passages
    if ps.passage_no + 1 >= len(passages):
        return ""
    after = passages[ps.passage_no + 1]
    first = passage_sentences(after)
    return after.text[first[0][0] : first[0][1]] if first else ""


_RELATIVE = re.compile(r"[,，]\s*(?:which|who|that|此前|曾)\b", re.I)
_LEAD_BY = re.compile(r"\bled by\b|\blead investor (?:was|is)\b|由", re.I)


_LIST_ITEM = r"[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,3}"
# at most a dozen items: a run of capitalised words with no "and" is scanned in bounded steps per start
_NAME_LIST = re.compile(rf"{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM}){{0,12}},?\s+(?:and|or)\s+{_LIST_ITEM}")
_LIST_JOIN = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _members(listed: str) -> list[str]:
    return [m.strip().rstrip(".") for m in _LIST_JOIN.split(listed) if m.strip().rstrip(".")]


def _list_with_another_member(
    q: ClaimQuery, passages: Sequence[PassageScore], t: Thresholds
) -> tuple[PassageScore, tuple[int, int], str] | None:
    """The claim's key is one member of a list ("Texas, Oklahoma and New Mexico"); a passage that speaks
    to the claim gives a list of as many members, all the claim's others and one of its own instead of
    the key ("Texas, Oklahoma and Arizona"): that member, the page's list of the same things."""
    at = q.sentence.find(q.key_text)
    mine = next((m for m in _NAME_LIST.finditer(q.sentence) if m.start() <= at < m.end()), None) if at >= 0 else None
    if mine is None:
        return None
    claimed = _members(mine.group())
    key = compact(q.key_text)
    if len(claimed) < 3 or key not in {compact(c) for c in claimed}:
        return None
    others = {compact(c) for c in claimed} - {key}
    for ps in passages:
        if ps.context < t.contradict_context:
            continue
        for m in _NAME_LIST.finditer(ps.passage.text):
            theirs = _members(m.group())
            found = {compact(x) for x in theirs}
            extra = [x for x in theirs if compact(x) not in others]
            if len(theirs) == len(claimed) and others <= found and key not in found and len(extra) == 1:
                at_extra = m.start() + m.group().rfind(extra[0])
                return ps, (at_extra, at_extra + len(extra[0])), extra[0]
    return None


_LIST_JOIN = re.compile(r"\s*(?:、|，|,|和|与|及|以及|\band\b|&)\s*")


_LINK_MARKS = re.compile(r"\[\[|\]\]|\*\*")


def _listed_with_others(q: ClaimQuery, names: Sequence[str]) -> bool:
    """Does the claim write each of ``names`` as an item of a list beside another of its names ("A、B和C")?"""
    others = [n for n in q.context_names if n not in names]
    text = q.sentence
    for name in names:
        at = text.find(name)
        if at < 0:
            return False
        beside = False
        for other in others:
            o = text.find(other)
            if o < 0:
                continue
            gap = text[o + len(other) : at] if o < at else text[at + len(name) : o]
            gap = _LINK_MARKS.sub("", gap)  # "[[Tidewell Energy]] 和 [[Brightline Cooling]]": wikilinks around the names
            if _LIST_JOIN.fullmatch(gap) or gap == "":
                beside = True
                break
        if not beside:
            return False
    return bool(names)


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
            # the sentence that gives the list (the page may name the missing one in another role after it)
            stop = _SENTENCE_STOP.search(p.text, said.end())
            start = max(p.text.rfind(". ", 0, said.start()) + 1, 0)
            given = compact(p.text[start : stop.start() if stop else len(p.text)])
            if not any(normalise_version(o) in given for o in others):
                continue
            if any(normalise_version(m) in given for m in missing):
                continue
            after = p.text[said.end() : stop.start() if stop else None]
            after = after[after.find(":") + 1 :]  # (the list after its colon: "… for its HX9 chips: A, B and C")
            listed = [m.group().strip(" .") for m in _CAPITALISED.finditer(after)]
            if len(listed) >= 2:
                return PassageScore(idx, n, 1.0, 0.0, ()), listed
    return None


# a Chinese list given as complete: "首批成员单位共6家，分别为：A、B、C" / "6家成员包括A、B和C"
_HAN_COMPLETE = re.compile(
    r"(?:共|合计|合計)?\s*(?P<n>\d{1,2}|[两兩二三四五六七八九十]{1,2})\s*(?:家|个|個|位|名)[^。；;]{0,8}?"
    r"(?:(?:分别为|分別為|分别是|分別是|包括|为|為|是)[：:]?|[：:])"
)
_HAN_ITEMS = re.compile(r"[、，,]|(?<=.)(?:和|及|与|與)(?=.)")
_HAN_LIST_END = re.compile(r"[。；;！!？?（(\n]")


def _not_in_complete_list(
    out: Assessment, ps: PassageScore, listed: Sequence[str], *, kind: Literal["name", "version"] = "name", sep: str = ", "
) -> None:
    """Record that the list passage ``ps`` gives as complete (``listed``) leaves the claim's item out."""
    draft = draft_evidence(ps, "contradicts", ps.context, None)
    draft.matched_value = sep.join(listed)
    out.add(Finding("contradicts", 0.8, kind, "not_in_complete_list"), draft)


# a short aside inside a list's item ("北辰智算（北京）有限公司"): part of the item, not the list's end
_ASIDE = re.compile(r"[（(][^（）()。；;\n]{1,12}[）)]")


def _without_asides(text: str) -> str:
    return _ASIDE.sub("", text) if "（" in text or "(" in text else text


def _han_items(text: str) -> list[str]:
    return [i.strip(" 　等") for i in _HAN_ITEMS.split(text) if i.strip(" 　等")]


def _han_complete_lists(indexes: Sequence[SnapshotIndex]) -> Iterator[tuple[PassageScore, list[str]]]:
    """Every list of two or more items a cited page gives as complete with a count ("共5家，分别为：A、B…"),
    with its passage."""
    for idx in indexes:
        if not has_han(idx.page_text):
            continue
        for n, p in enumerate(idx.passages):
            text = _without_asides(matching_view(p.text))  # (a Traditional page's items in the claim's script)
            for m in _HAN_COMPLETE.finditer(text):
                end = _HAN_LIST_END.search(text, m.end())
                listed = _han_items(text[m.end() : end.start() if end else len(text)])
                if len(listed) >= 2:
                    yield PassageScore(idx, n, 1.0, 0.0, ()), listed


def _han_complete_list(q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> tuple[PassageScore, list[str]] | None:
    """The claim's Chinese key is one item of a list in its sentence ("…皖能算力和华拓云"); a cited page gives
    the list as complete with a count ("共6家，分别为：…"), holding at least two of the claim's other items and
    not the key: the key is no member, whatever else the page says of it."""
    key = q.key_text.strip()
    if q.kind != "fact" or len(key) < 2 or key not in q.sentence:
        return None
    if not has_han(key):
        return _latin_items_in_han_list(key, q, indexes) if has_han(q.sentence) else None
    at = q.sentence.find(key)
    sentence = matching_view(q.sentence)  # (read in one script with the page's list)
    # (a reference marker closing the list is no part of its last item: "…和昌平未来科学城算力中心[3]")
    sentence = _REFERENCE_MARK.sub(lambda m: " " * len(m.group()), sentence)
    key = sentence[at : at + len(key)]
    start = max(sentence.rfind(ch, 0, at) for ch in "：:，,。；;") + 1
    stop = _HAN_LIST_END.search(sentence, at)
    items = _han_items(sentence[start : stop.start() if stop else len(sentence)])
    if items:  # the list opens after its verb ("首批接入…的是临港瀚海、…": 临港瀚海 is the first item)
        items[0] = _LIST_OPENS.split(items[0])[-1]
    if len(items) < 3:
        return None
    # (a key that joins the list's last two items, "朝阳数智算力港和门头沟京西智算基地", is read item by item)
    for part in [key] if key in items else [k for k in _han_items(key) if k in items]:
        if (found := _complete_list_without(part, items, indexes)) is not None:
            return found
    return None


def _complete_list_without(
    key: str, items: Sequence[str], indexes: Sequence[SnapshotIndex]
) -> tuple[PassageScore, list[str]] | None:
    """A list a cited page gives as complete with a count, holding at least two of the claim's other ``items`` and
    not its ``key``."""
    others = [i for i in items if i != key]
    for ps, listed in _han_complete_lists(indexes):
        if not _han_member(key, listed) and sum(_han_member(o, listed) for o in others) >= 2:
            return ps, listed
    return None


# Latin items listed the Chinese way ("开源了Mini、Air和Pro三个尺寸")
_LATIN_HAN_LIST = re.compile(r"[A-Za-z][A-Za-z0-9.\-]{0,30}(?:、[A-Za-z][A-Za-z0-9.\-]{0,30}){0,12}(?:和|及|与|與)[A-Za-z][A-Za-z0-9.\-]{0,30}")


def _latin_items_in_han_list(key: str, q: ClaimQuery, indexes: Sequence[SnapshotIndex]) -> tuple[PassageScore, list[str]] | None:
    """The claim's Latin key is one of three or more Latin items a Chinese sentence lists ("Mini、Air和Pro"); a cited
    page gives the list as complete with a count ("共开源三个尺寸：问渠-4-Mini、问渠-4-Flash和问渠-4-Air"), holding at
    least two of the claim's other items and not the key."""
    at = q.sentence.find(key)
    listed_here = next((m for m in _LATIN_HAN_LIST.finditer(q.sentence) if m.start() <= at < m.end()), None)
    if listed_here is None:
        return None
    items = _han_items(listed_here.group())
    if key not in items or len(items) < 3:
        return None
    return _complete_list_without(key, items, indexes)


_REFERENCE_MARK = re.compile(r"\[\^?\d{1,3}\]|【\d{1,3}】")
_LIST_OPENS = re.compile(r"(?:分别为|分別為|分别是|分別是|包括|包含|为|為|是|有)[：:]?")


def _han_member(item: str, listed: Sequence[str]) -> bool:
    """Is ``item`` one of ``listed``, written whole or by the short name inside its full name (临港瀚海 for
    临港瀚海智算中心, 星澜智算 for 北京星澜智算科技股份有限公司)?"""
    return any(item == m or (len(item) >= 3 and item in m) or (len(m) >= 3 and m in item) for m in listed)


def _romanised_complete_list(
    missing: Sequence[str], q: ClaimQuery, indexes: Sequence[SnapshotIndex]
) -> tuple[PassageScore, list[str]] | None:
    """The claim lists Chinese organisations in pinyin ("The five: Xinglan, Yunheng, Beichen, Jingqi and Hailan
    Cloud"); a cited page gives the list as complete in characters ("共5家，分别为：北京星澜智算…、极湾科技有限公司"),
    sounding at least two of the claim's other names and none of the missing one's: it is no member."""
    def key(name: str) -> str | None:
        return word_key(name.split()[0]) if name.split() else None

    wanted = [k for k in (key(m) for m in missing) if k]
    others = [k for k in (key(n) for n in q.context_names if n not in missing) if k]
    if not wanted or len(others) < 2:
        return None
    for ps, listed in _han_complete_lists(indexes):
        sounds = [page_keys(item) for item in listed]
        if not any(k in ks for k in wanted for ks in sounds) and sum(any(o in ks for ks in sounds) for o in others) >= 2:
            return ps, listed
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
    words = _name_word_terms(name)
    near: NameMatch | None = None
    for idx in indexes:
        m = find_name(name, idx.page_compact, idx.page_text)
        if m.found:
            return m
        if len(words) >= 2 and any(all(terms & p.words for terms in words) for p in idx.passages):
            return NameMatch(name, True, score=0.8)
        if m.near_miss and near is None:
            near = m
    return near or NameMatch(name, False)


def _as_the_page_writes(
    q: ClaimQuery, near: NameMatch, passages: list[PassageScore], indexes: Sequence[SnapshotIndex]
) -> PassageScore:
    """The passage that speaks most to the claim read with the page's spelling of its misspelt name
    (a garbled name meets no page word, so the claim's own reading undercounts the passage)."""
    fixed = _page_spelling(q, near, indexes)
    if fixed is None:
        return passages[0]
    rescored = _rescored(q, *fixed, indexes, limit=1)
    return rescored[0] if rescored and rescored[0].context > passages[0].context else passages[0]


def _page_spelling(q: ClaimQuery, near: NameMatch, indexes: Sequence[SnapshotIndex]) -> tuple[str, str] | None:
    """The claim's sentence and key with its misspelt names written as the page writes them, or None
    when the page's name is not the claim's with letters changed."""
    if not near.near_miss or near.name not in q.sentence or not _letters_changed(near.name, near.near_miss):
        return None
    sentence = q.sentence.replace(near.name, near.near_miss)
    key = q.key_text.replace(near.name, near.near_miss)
    for other in q.context_names:  # a sentence that misspells one name may misspell its neighbours
        if other != near.name and other in sentence and (m := _find_name_in(other, indexes)).near_miss:
            sentence = sentence.replace(other, m.near_miss)
            key = key.replace(other, m.near_miss)
    return sentence, key


def _supported_as_the_page_writes(q: ClaimQuery, near: NameMatch, indexes: Sequence[SnapshotIndex], t: Thresholds) -> bool:
    """Read with the page's spelling of its misspelt names, the claim meets what a name claim needs to
    be supported (every name on the page, a passage that speaks to it, its key words met): the same
    bar in both directions, so a misspelling of a name the page supports is caught wherever the right
    spelling would have been verified."""
    fixed = _page_spelling(q, near, indexes)
    if fixed is None:
        return False
    sentence, key = fixed
    fq = build_query(kind=q.kind, sentence=sentence, key_text=key, key_start=sentence.find(key), values=q.values)
    if not fq.names or not all(_find_name_in(n, indexes).found for n in fq.names):
        return False
    passages = score_passages(fq, indexes, limit=8)
    return bool(passages) and passages[0].context >= t.name_context and _key_words_met(fq, passages, t)


def _letters_changed(name: str, page_name: str) -> bool:
    """The page's name is the claim's with letters changed, word for word the same lengths (a typo or
    a garble), not a shorter or longer name ("GPAI Code" is not "AI Code" misspelt)."""
    a, b = name.split(), page_name.split()
    return len(a) == len(b) and all(len(x) == len(y) for x, y in zip(a, b, strict=True))


def _name_word_terms(name: str) -> list[frozenset[str]]:
    """Each word of a name as the terms a passage may hold it by: its stem, and for a word in pinyin
    the key of its characters ("Beichen Industrial Fund" in 北辰产业基金)."""
    out: list[frozenset[str]] = []
    for word in re.findall(r"[A-Za-z0-9]+", name):
        stems = content_words(word)
        if not stems:
            continue
        romanised = word_key(word) if word[0].isupper() else None
        out.append(frozenset(stems) | ({romanised} if romanised else set()))
    return out


def compact_has(p: IndexedPassage, name: str) -> bool:
    return normalise_version(name) in p.compact


