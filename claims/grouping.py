"""The same claim across reports (pure): entities + topic + kind + a date window.

Two figures of different reports are the same claim when they have the same kind and unit family,
share a named entity, share a topic (or the noun their number counts), and their reports are dated
within ``window_days`` of each other. Two dates are the same claim when they date the same event:
both sentences name the same two things (who, and what: Meta and Muse Spark) around the date, and
the same kind of event (released, announced, available, raised, listed… — ``data/events.tsv``);
anything less certain is not grouped, since a false conflict is a false contradiction. Members of a
group whose key values disagree (beyond the writers' precision: 2026-04 agrees with 2026-04-08)
conflict with each other.

A name written in Han characters meets its romanisation (云迹智算公司 and "Yunji"): see ``NameForm``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claims.grouping_events import Event, date_span, event_at
from claims.grouping_names import PY, NameForm, han_head, name_form, names_meet, norm, same_names
from claims.model import Value

__all__ = [
    "GROUPED_KINDS",
    "GroupMember",
    "placed",
    "NameForm",
    "name_form",
    "blocking_keys",
    "meeting_key",
    "event_of",
    "same_claim",
    "pair_outcome",
    "group_claims",
    "find_conflicts",
    "values_agree",
    "group_id",
]

CURRENCIES = frozenset({"USD", "JPY", "EUR", "CNY", "GBP"})
GROUPED_KINDS = ("money", "percent", "count", "date")  # kinds whose values can disagree across reports


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
        return norm(self._subject) if self._subject else None

    @cached_property
    def _entity_set(self) -> frozenset[str]:
        """The normalised entities (a member meets many others: worked out once)."""
        return frozenset(norm(e) for e in self.entities if e)

    @cached_property
    def _names(self) -> tuple[NameForm, ...]:
        """Its entities as names that meet across scripts, and for a figure in a sentence that names no
        one, the Han run that opens its clause (云迹智算完成 2 亿元融资: its subject by position)."""
        names = [name_form(e) for e in self.entities if e]
        if self.kind != "date" and self._unnamed and 0 <= self.key_offset <= len(self.text):
            start = _clause_start(self.text, self.key_offset)
            head = han_head(self.text, start, self.key_offset)
            if head is not None:
                names.append(head)
        return tuple(names)

    @cached_property
    def _unnamed(self) -> bool:
        """No entity is written in the sentence (a heading's may stand in for them)."""
        return not any(e and e in self.text for e in self.entities)

    @cached_property
    def _latin_sounds(self) -> frozenset[str]:
        return frozenset(k for n in self._names if not n.han for k in n.sounds)

    @cached_property
    def _han_sounds(self) -> frozenset[str]:
        return frozenset(k for n in self._names if n.han for k in n.sounds)

    @cached_property
    def _family0(self) -> str | None:
        """The unit family of the key value (None without values)."""
        return _family(self.values[0]) if self.values else None

    @cached_property
    def _topic_set(self) -> frozenset[str]:
        return frozenset(self.topics)

    @cached_property
    def _subject(self) -> str | None:
        """The subject as written (see ``subject``)."""
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
        return pick[1] if pick else None

    @cached_property
    def _event(self) -> Event | None:
        """For a date: the event it dates and the names around it (None when either is unsure)."""
        return event_of(self) if self.kind == "date" else None

    @cached_property
    def comparison_key(self) -> Hashable | None:
        """Everything ``same_claim`` and ``values_agree`` read of this member besides its report id
        (``_comparison_key``; None: it is never the same claim as another). Plain values, the same in
        any process: a member made in one process and pickled to another carries it along."""
        return _comparison_key(self)

    @cached_property
    def comparison_id(self) -> int:
        """A number standing for ``comparison_key``: two members with the same number compare alike
        with any third member. 0 for a member that is never the same claim as another. The numbers
        are this process's own (never pickled: see ``__getstate__``)."""
        key = self.comparison_key
        return 0 if key is None else _intern_comparison(key)

    def warm(self) -> GroupMember:
        """Work out now what grouping reads of the member (its names, subject, event, comparison key:
        cached on it), so that a process making members for another one does that work there; returns
        the member. Only the reads of its kind: a date is compared by its event, a figure by its names."""
        if self.kind == "date":
            _ = self._event
        else:
            _ = (self._entity_set, self._latin_sounds, self._han_sounds, self._family0)
            _ = (self._topic_set, self._subject)
        _ = self.comparison_key
        return self

    def __getstate__(self) -> dict[str, object]:
        """Pickled with what it cached, but for its comparison number (another process numbers anew)."""
        state = self.__dict__
        if "comparison_id" in state:
            state = {k: v for k, v in state.items() if k != "comparison_id"}
        return state


def placed(member: GroupMember, claim_id: int, report_id: int) -> GroupMember:
    """``member``, made before its claim was written (with ids 0), given its claim and report ids in
    place: what it cached is kept (none of it reads the ids). Only for a member nothing holds yet
    (its hash and equality change)."""
    object.__setattr__(member, "claim_id", claim_id)
    object.__setattr__(member, "report_id", report_id)
    return member


_CLAUSE_BREAK = re.compile(r"[，,;；。:：]")


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    return start


def _members_meet(a: GroupMember, b: GroupMember) -> bool:
    """The two members name someone in common (in one script, or one in each)."""
    return (
        not a._entity_set.isdisjoint(b._entity_set)
        or not a._latin_sounds.isdisjoint(b._han_sounds)
        or not a._han_sounds.isdisjoint(b._latin_sounds)
    )


def _same_name(x: str, y: str) -> bool:
    return norm(x) == norm(y) or names_meet(name_form(x), name_form(y))


def _named_in(name: str, member: GroupMember) -> bool:
    """``name`` is one of ``member``'s names (in either script)."""
    form = name_form(name)
    return form.norm in member._entity_set or any(names_meet(form, n) for n in member._names)


def event_of(member: GroupMember) -> Event | None:
    """The event a date claim dates, and the names written around it: None when the date is relative
    or bounded ("by April", "later this year"), when its segment names no event or two kinds of event
    ("announced it will release …"), or when it names fewer than two things."""
    if not member.values or member.key_offset < 0:
        return None
    value = member.values[0]
    if value.kind != "date" or value.qualifier != "=":
        return None
    return event_at(member.text, member.key_offset, value.raw, tuple(member.entities))


def _recent(member: GroupMember, window_days: int) -> bool:
    """The date may fall within the window of its report's date: a report's news, not its background
    (a founding year, last year's release), which reports recall loosely and are not aligned on."""
    span = date_span(str(member.values[0].value))
    if span is None:
        return False
    if member.date is None:
        return True
    window = dt.timedelta(days=window_days)
    return span[0] <= member.date + window and span[1] >= member.date - window


def _same_event(a: GroupMember, b: GroupMember, window_days: int) -> bool:
    """Two dates of the same event: the same kind of event, the same things named around both (who and
    what, at least two: Meta and Muse Spark), reports within the window and dates that may fall within
    it."""
    if a.date and b.date and abs((a.date - b.date).days) > window_days:
        return False
    if not (_recent(a, window_days) and _recent(b, window_days)):
        return False
    ea, eb = a._event, b._event
    if ea is None or eb is None or ea.kind != eb.kind:
        return False
    return same_names(ea.names, eb.names)


# -- blocking ----------------------------------------------------------------------------------------------


def blocking_keys(member: GroupMember) -> list[str]:
    """The keys a member is filed under: kind | money-or-not | a name. A name is filed by its written
    form and, when it has them, by its sounds (``pyl:`` for a Latin name's, ``pyh:`` for a Han name's:
    a key meets the other script's, ``meeting_key``). A date is filed only when it dates an event, by
    the names around it."""
    if not member.values or member.kind not in GROUPED_KINDS:
        return []
    if member.kind == "date":
        event = member._event
        if event is None:
            return []
        names: Sequence[NameForm] = event.names
    else:
        names = member._names
    money = "money" if _family(member.values[0]) in CURRENCIES else ""
    keys: set[str] = set()
    for n in names:
        if n.norm:
            keys.add(f"{member.kind}|{money}|{n.norm}")
        side = "pyh:" if n.han else "pyl:"
        keys.update(f"{member.kind}|{money}|{side}{k[len(PY):]}" for k in n.sounds)
    return sorted(keys)


def meeting_key(key: str) -> str:
    """The key under which ``key``'s partners are filed: itself, or for a sound the other script's."""
    kind, money, name = key.split("|", 2)
    if name.startswith("pyl:"):
        return f"{kind}|{money}|pyh:{name[4:]}"
    if name.startswith("pyh:"):
        return f"{kind}|{money}|pyl:{name[4:]}"
    return key


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
        sa, sb = norm(str(a.value)), norm(str(b.value))
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
    return a.report_id != b.report_id and _same_claim_apart(a, b, window_days)


def _same_claim_apart(a: GroupMember, b: GroupMember, window_days: int) -> bool:
    """``same_claim`` for members of different reports (their report ids are not read). What it reads
    of a member is listed in ``_comparison_key``: keep the two in step."""
    if a.kind != b.kind or not a.values or not b.values:
        return False
    if a.kind not in GROUPED_KINDS:
        # facts have no value to disagree on; versions name different things
        return False
    if a.kind == "date":  # one company has many dates: only the same event's meet
        return _same_event(a, b, window_days)
    if a._family0 != b._family0 and not _garbled_pair(a.values[0], b.values[0]):
        return False
    if a.date and b.date and abs((a.date - b.date).days) > window_days:
        return False
    if not _members_meet(a, b):
        return False
    subj_a, subj_b = a._subject, b._subject
    if (
        subj_a
        and subj_b
        and not _same_name(subj_a, subj_b)
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
        shared_subject = (subj_a is not None and _named_in(subj_a, b)) or (
            subj_b is not None and _named_in(subj_b, a)
        )
        return shared_subject and _near_copy(a.values[0], b.values[0])
    return len(topics_a & topics_b) * 2 >= min(len(topics_a), len(topics_b)) + 1


# -- the comparison of two members, by their comparison numbers ------------------------------------------

_COMPARISON_LIMIT = 200_000  # distinct keys numbered, and pairs remembered, before the tables start afresh
_comparison_ids: dict[Hashable, int] = {}
_comparison_numbers = itertools.count(1)  # never reused: a number always stands for one key
_pair_outcomes: dict[tuple[int, int, int], int] = {}


def _value_key(v: Value) -> Hashable:
    """What the comparison reads of a key value: its number or text (exactly: ``repr`` tells 5 from 5.0
    and 0.0 from -0.0), unit, qualifier, kind, precision and noun — not where or how it was written."""
    return (
        type(v.value),
        v.value if isinstance(v.value, str) else repr(v.value),
        v.unit,
        v.qualifier,
        v.kind,
        repr(v.precision),
        v.noun,
    )


def _names_key(names: Iterable[NameForm]) -> tuple[tuple[str, bool, frozenset[str]], ...]:
    return tuple((n.norm, n.han, n.sounds) for n in names)


def _comparison_key(m: GroupMember) -> Hashable | None:
    """Everything ``_same_claim_apart`` and ``values_agree`` read of ``m`` (None: nothing it compares
    the same as). Dates: the report date, the key value and the event it dates. Other figures: the
    report date, the key value, the entities (normalised), the names they meet by (sounds, and the
    clause-opening Han run), the subject as written and the topics. Its text, offsets and other values
    are read only through these."""
    if not m.values or m.kind not in GROUPED_KINDS:
        return None
    value = _value_key(m.values[0])
    if m.kind == "date":
        event = m._event
        return ("date", m.date, value, None if event is None else (event.kind, _names_key(event.names)))
    return (m.kind, m.date, value, m._entity_set, _names_key(m._names), m._subject, m._topic_set)


def _intern_comparison(key: Hashable) -> int:
    number = _comparison_ids.get(key)
    if number is None:
        if len(_comparison_ids) >= _COMPARISON_LIMIT:
            _comparison_ids.clear()  # members keep their numbers; an equal key met again gets a new one
        number = _comparison_ids[key] = next(_comparison_numbers)
    return number


def pair_outcome(a: GroupMember, b: GroupMember, *, window_days: int = 45) -> int:
    """``same_claim`` and ``values_agree`` for two members, their report ids aside (the caller checks
    that they differ): 0 not the same claim, 1 the same claim with agreeing key values, 2 the same
    claim with disagreeing ones. Remembered by the members' comparison numbers: a pair of members that
    read alike is compared once."""
    ia, ib = a.comparison_id, b.comparison_id
    if not ia or not ib:
        return 0
    pair = (ia, ib, window_days)
    outcome = _pair_outcomes.get(pair)
    if outcome is None:
        if not _same_claim_apart(a, b, window_days):
            outcome = 0
        else:
            outcome = 1 if values_agree(a.values[0], b.values[0]) else 2
        if len(_pair_outcomes) >= _COMPARISON_LIMIT:
            _pair_outcomes.clear()
        _pair_outcomes[pair] = outcome
    return outcome


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

    # blocking: only members filed under one key (or a key and its other-script form) are compared
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        for key in blocking_keys(m):
            buckets[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key, idxs in buckets.items():
        partner = meeting_key(key)
        if partner == key:
            pairs: Iterable[tuple[int, int]] = (
                (i, j) for pos, i in enumerate(idxs) for j in idxs[pos + 1 :]
            )
        elif key < partner:  # each pair of the two scripts' buckets once
            pairs = ((i, j) for i in idxs for j in buckets.get(partner, ()))
        else:
            continue
        for i, j in pairs:
            pair = (i, j) if i < j else (j, i)
            if pair in seen or root(i) == root(j):
                continue
            seen.add(pair)
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
