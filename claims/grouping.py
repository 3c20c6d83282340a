"""The same claim across reports (pure): entities + topic + kind + a date window.

Two claims of different reports are the same claim when they have the same kind and unit family,
share a named entity, share a topic (or the noun their number counts), and their reports are dated
within ``window_days`` of each other. Members of a group whose key values disagree (beyond the
writers' precision) conflict with each other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claims.model import Value

__all__ = [
    "GROUPED_KINDS",
    "GroupMember",
    "same_claim",
    "group_claims",
    "find_conflicts",
    "values_agree",
    "group_id",
]

CURRENCIES = frozenset({"USD", "JPY", "EUR", "CNY", "GBP"})
GROUPED_KINDS = ("money", "percent", "count")  # kinds whose values can disagree across reports


@dataclass(frozen=True)
class GroupMember:
    claim_id: int
    report_id: int
    kind: str
    text: str
    values: tuple[Value, ...] = ()
    entities: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    date: dt.date | None = None
    key_offset: int = -1  # the key's offset in ``text``; the entity nearest to it owns the figure

    def subject(self) -> str | None:
        """The entity written nearest to the key: 估值 3800 亿美元的 Anthropic → Anthropic."""
        return self._subject

    @cached_property
    def _entity_set(self) -> frozenset[str]:
        """The normalised entities (a member meets many others: worked out once)."""
        return frozenset(_norm(e) for e in self.entities if e)

    @cached_property
    def _family0(self) -> str | None:
        """The unit family of the key value (None without values)."""
        return _family(self.values[0]) if self.values else None

    @cached_property
    def _topic_set(self) -> frozenset[str]:
        return frozenset(self.topics)

    @cached_property
    def _subject(self) -> str | None:
        best: tuple[int, str] | None = None
        before: tuple[int, str] | None = None
        for ent in self.entities:
            pos = self.text.find(ent)
            if pos < 0 or self.key_offset < 0:
                continue
            gap = abs(pos - self.key_offset)
            if best is None or gap < best[0]:
                best = (gap, ent)
            end = pos + len(ent)
            in_clause = end <= self.key_offset and not _CLAUSE_BREAK.search(self.text, end, self.key_offset)
            if in_clause and (before is None or gap > before[0]):  # the clause's first name is its subject
                before = (gap, ent)
        # the first entity written before the figure in its own clause is its subject (Kestrel 3 Ultra
        # still tops the OpenEval Arena with 1,489 points); else the nearest one (估值 3800 亿美元的 Anthropic)
        pick = before or best
        return _norm(pick[1]) if pick else None


_CLAUSE_BREAK = re.compile(r"[，,;；。:：]")


_NORM_RE = re.compile(r"[\s\-_.]+")


@lru_cache(maxsize=1 << 16)
def _norm(s: str) -> str:
    return _NORM_RE.sub("", s.lower())


def _family(v: Value) -> str:
    if v.kind in {"date", "version", "fact"}:
        return v.kind
    if v.unit in CURRENCIES:
        return v.unit or "money"
    return v.unit or "count"


def values_agree(a: Value, b: Value) -> bool:
    """Same value within the coarser precision of the two writers (strings: normalised equal)."""
    if _family(a) != _family(b):
        return False
    if isinstance(a.value, str) or isinstance(b.value, str):
        sa, sb = _norm(str(a.value)), _norm(str(b.value))
        return sa.startswith(sb) or sb.startswith(sa) if a.kind == "date" else sa == sb
    x, y = float(a.value), float(b.value)
    prec = max(a.precision or 0.0, b.precision or 0.0)
    tol = max(prec / 2, 1e-9 * max(abs(x), abs(y)))
    if "~" in (a.qualifier, b.qualifier):
        tol = max(tol, 0.05 * max(abs(x), abs(y)))
    if a.qualifier in {">=", ">"} or b.qualifier in {">=", ">"}:
        return math.isclose(x, y, rel_tol=0.2) or abs(x - y) <= tol
    return abs(x - y) <= tol


def same_claim(a: GroupMember, b: GroupMember, *, window_days: int = 45) -> bool:
    if a.report_id == b.report_id or a.kind != b.kind or not a.values or not b.values:
        return False
    if a.kind not in GROUPED_KINDS:
        # facts have no value to disagree on; one company has many dates; versions name different things
        return False
    if a._family0 != b._family0 and not _garbled_pair(a.values[0], b.values[0]):
        return False
    if a.date and b.date and abs((a.date - b.date).days) > window_days:
        return False
    ents_a, ents_b = a._entity_set, b._entity_set
    if not ents_a & ents_b:
        return False
    subj_a, subj_b = a.subject(), b.subject()
    if (
        subj_a
        and subj_b
        and subj_a != subj_b
        and (a.topics and b.topics or a.values[0].noun and b.values[0].noun)
    ):
        return False
    noun_a, noun_b = a.values[0].noun, b.values[0].noun
    if noun_a and noun_b:  # the noun a figure counts is the strongest sign of the same quantity
        return bool(_words(noun_a) & _words(noun_b))
    topics_a, topics_b = a._topic_set, b._topic_set
    if not topics_a or not topics_b:
        # nothing says what the figures measure: the same subject's figures that are one another
        # garbled (digits swapped, nearly equal) are taken as one quantity, never two far-apart ones
        shared_subject = (subj_a is not None and subj_a in ents_b) or (
            subj_b is not None and subj_b in ents_a
        )
        return shared_subject and _near_copy(a.values[0], b.values[0])
    return len(topics_a & topics_b) * 2 >= min(len(topics_a), len(topics_b)) + 1


def _near_copy(a: Value, b: Value) -> bool:
    """1,489 vs 1498, 83.1 vs 81.3, 12.8 vs 12.9: a copy of one figure, rightly or wrongly written."""
    try:
        x, y = abs(float(a.value)), abs(float(b.value))
    except (TypeError, ValueError):
        return False
    if x == 0 or y == 0:
        return False
    if abs(x - y) <= 0.02 * max(x, y):
        return True
    da, db = _digits(x), _digits(y)
    width = max(len(da), len(db))
    return (
        width >= 3
        and sorted(da.ljust(width, "0")) == sorted(db.ljust(width, "0"))
        and max(x, y) / min(x, y) < 10
    )


@lru_cache(maxsize=1 << 14)
def _digits(x: float) -> str:
    return f"{abs(x):.12e}".split("e")[0].replace(".", "").rstrip("0")


def _garbled_pair(a: Value, b: Value) -> bool:
    """The same digits on a measure and on a count (300 分钟 vs 300 万 users): one of the two garbled."""
    fams = {_family(a), _family(b)}
    if "count" not in fams or fams & (CURRENCIES | {"percent", "date", "version", "fact"}):
        return False
    try:
        return _digits(float(a.value)) == _digits(float(b.value))
    except (TypeError, ValueError):
        return False


_WORD_RE = re.compile(r"[a-z0-9]+|[\u3400-\u9fff]+")


@lru_cache(maxsize=1 << 14)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if len(w) > 2 or not w.isascii())


def group_claims(members: Sequence[GroupMember], *, window_days: int = 45) -> list[list[GroupMember]]:
    """Connected groups of the same claim (single-link), each with at least two members."""
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # blocking: only members sharing kind, unit family and an entity are ever compared
    buckets: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        if not m.values or m.kind not in GROUPED_KINDS:
            continue
        for ent in {_norm(e) for e in m.entities if e}:
            buckets[(m.kind, "money" if _family(m.values[0]) in CURRENCIES else "", ent)].append(i)
    seen: set[tuple[int, int]] = set()
    for idxs in buckets.values():
        for pos, i in enumerate(idxs):
            for j in idxs[pos + 1 :]:
                if (i, j) in seen or root(i) == root(j):
                    continue
                seen.add((i, j))
                if same_claim(members[i], members[j], window_days=window_days):
                    parent[root(i)] = root(j)
    groups: dict[int, list[GroupMember]] = defaultdict(list)
    for i, m in enumerate(members):
        groups[root(i)].append(m)
    return [g for g in groups.values() if len({m.report_id for m in g}) >= 2]


def group_id(group: Sequence[GroupMember]) -> str:
    return "g" + str(min(m.claim_id for m in group))


def find_conflicts(members: Sequence[GroupMember], *, window_days: int = 45) -> dict[int, set[int]]:
    """claim id → ids of claims in its group (other reports) that state a different value."""
    out: dict[int, set[int]] = defaultdict(set)
    for group in group_claims(members, window_days=window_days):
        for a in group:
            for b in group:
                if (
                    a.report_id != b.report_id
                    and same_claim(a, b, window_days=window_days)
                    and not values_agree(a.values[0], b.values[0])
                ):
                    out[a.claim_id].add(b.claim_id)
    return dict(out)
