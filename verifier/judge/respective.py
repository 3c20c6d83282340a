"""Figures given in order of a list of names (pure): in "Alder and Birch raised $120 million and $80
million, respectively", "甲公司和乙公司的营收分别为 1500 亿元和 2100 亿元" or "Tessary Cloud and Quillon
Systems, the second- and third-largest GPU clouds", each figure of the list belongs to the name standing
at its place in the list of names — not to every name of its clause; and in "240 billion yen for Sorahane and
45 billion yen for Tomoe Advanced" each figure to the name it is given for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extract import sentence_spans
from claims.model import Value
from verifier.judge.compare import unit_family
from verifier.judge.matching import LATIN_NAME, compact, split_names

__all__ = ["respective_owner"]

_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
_EACH_ZH = re.compile(r"分[别別]|依次|各[为為是]")
# two figures (or names) listed side by side: "$120 million and $80 million", "1500 亿元、2100 亿元"
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|，|、|和|与|與|及|以及|and|&)\s*", re.I)
_LEAD = re.compile(r"^(?:(?:In|On|At|By|For|From|Since|After|The|And|But|As|Both)\s+|\d[\d,.]*\s+)+")
_CLAUSE_END = re.compile(r"[，,；;：:。.!?！？]")
_ZH_ITEM = re.compile(r"\s*(?:、|和|与|與|及|以及)\s*")
_ZH_LEAD = re.compile(r"^(?:其中|而|但|同时|同時|此外|另外)\s*")


def _run(text: str, values: Sequence[Value], i: int) -> tuple[int, int]:
    """Indices of the first and last figures of the list figure ``i`` stands in (one family, joined by a
    comma or a conjunction alone)."""
    family = unit_family(values[i])
    first = last = i
    while first > 0 and unit_family(values[first - 1]) == family and _gap(text, values[first - 1], values[first]):
        first -= 1
    while last + 1 < len(values) and unit_family(values[last + 1]) == family and _gap(text, values[last], values[last + 1]):
        last += 1
    return first, last


def _gap(text: str, a: Value, b: Value) -> bool:
    return a.end <= b.start and a.kind != "date" and b.kind != "date" and _LIST_GAP.fullmatch(text, a.end, b.start) is not None


def _latin_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Names written in ``text[start:end]`` with their places (as split_names reads a name)."""
    out = []
    for m in LATIN_NAME.finditer(text, start, end):
        # "In 2025 Alder": the words and the year before the name are no part of it
        got = split_names(_LEAD.sub("", m.group()))
        if got:
            out.append((m.start(), m.end(), got[-1]))
    return out


def _last_chain(text: str, names: list[tuple[int, int, str]]) -> list[str]:
    """The last run of names joined as a list ("Alder, Birch and Cedar")."""
    chain: list[tuple[int, int, str]] = []
    for item in names:
        if chain and _LIST_GAP.fullmatch(text, chain[-1][1], item[0]) is not None:
            chain.append(item)
        else:
            chain = [item]
    return [n for _, _, n in chain]


def _chinese_names(text: str, start: int, mark: int) -> list[str]:
    """The items listed before 分别 in its clause ("甲公司和乙公司的营收分别为" → 甲公司, 乙公司)."""
    head = text[start:mark]
    cut = max((m.end() for m in _CLAUSE_END.finditer(head)), default=0)
    head = _ZH_LEAD.sub("", head[cut:].strip())
    if "的" in head:
        head = head[: head.index("的")]
    return [item for item in _ZH_ITEM.split(head) if item]


# a figure given "for" a named beneficiary right after it: "240 billion yen ($1.6 billion) in additional
# subsidies for chipmaker Sorahane", "45 billion yen for packaging firm Tomoe Advanced"
_FOR_NAME = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s+(?:in|of)(?:\s+[a-z][\w-]*){1,3})?\s+(?:for|to)"
    r"((?:\s+(?:the|its|their|a|an|[a-z][a-z-]*)){0,3}\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)


def _beneficiary(text: str, v: Value, end: int) -> str:
    """The name a figure is given "for" right after it (compact; "" when none is written before ``end``)."""
    m = _FOR_NAME.match(text, v.end, end)
    names = split_names(m.group(1)) if m else ()
    return compact(names[-1]) if names else ""


def _parallel_owner(text: str, values: Sequence[Value], i: int, s: int, e: int) -> str:
    """The beneficiary of figure ``i`` when its sentence gives two figures of its family or more, each "for"
    a name of its own ("240 billion yen for Sorahane and 45 billion yen for Tomoe Advanced")."""
    family = unit_family(values[i])
    peers = [k for k, v in enumerate(values) if s <= v.start < e and v.kind != "date" and unit_family(v) == family]
    if len(peers) < 2:
        return ""
    names = {}
    for n, k in enumerate(peers):
        stop = values[peers[n + 1]].start if n + 1 < len(peers) else e
        names[k] = _beneficiary(text, values[k], stop)
    own = names.get(i, "")
    others = {n for k, n in names.items() if k != i and n}
    return own if own and others and own not in others else ""


def respective_owner(text: str, values: Sequence[Value], i: int) -> str:
    """The name (compact) the figure ``values[i]`` of ``text`` belongs to by its place in a list given
    "respectively", or as the name it is given "for" beside another figure given for another name ("" when
    neither). ``values`` are the figures of ``text`` in order."""
    if not values or values[i].kind in {"date", "version"}:
        return ""
    pv = values[i]
    first, last = _run(text, values, i)
    k = last - first + 1
    if k < 2 and _FOR_NAME.match(text, pv.end, pv.end + 120) is None:
        return ""
    s, e = next(((s, e) for s, e in sentence_spans(text, 0, len(text)) if s <= pv.start < e), (0, len(text)))
    if k < 2:
        return _parallel_owner(text, values, i, s, e)
    run_start, run_end = values[first].start, values[last].end
    ranks = all(v.unit == "rank" for v in values[first : last + 1])
    zh = _EACH_ZH.search(text, max(s, run_start - 12), run_start)
    names: list[str] = []
    if zh is not None:
        names = _chinese_names(text, s, zh.start())
        if len(names) != k:
            names = _last_chain(text, _latin_names(text, s, zh.start()))
    elif _RESPECTIVELY.search(text, run_end, e) or ranks:
        names = _last_chain(text, _latin_names(text, s, run_start))
    if len(names) != k:
        return ""
    return compact(names[i - first])
