"""Cross-report grouping kept as an index in the ledger, updated claim by claim.

The rules are ``claims.grouping``'s, called as they are: two claims of different reports are the same
claim when ``same_claim`` says so, and such a pair conflicts when its key values do not agree
(``values_agree``). ``group_claims`` only ever compares claims that share a blocking key — kind, unit
family (money or not) and a name: a normalised entity, or a name's pinyin sounds, which a Latin name
files as ``pyl:…`` and a Han name as ``pyh:…`` so that each meets only the other script's
(``claims.grouping.blocking_keys`` and ``meeting_key``); a date is filed only when it dates an event,
by the names around it — so those keys are stored per claim (ClaimKey, indexed on key and report
date). A new claim is compared only with the claims filed under its keys' meeting keys whose reports
are dated within the window, at most ``cap`` per key, the most recent first, and what the comparison
finds is written in the same transaction:

- ClaimConflict rows, both ways, for the pairs that disagree (what ``find_conflicts`` returns: a
  disagreeing pair always lies inside one group);
- ``Claim.group_id``, ``"g"`` + the smallest member id, for the single-link groups (``group_claims``),
  merged as links appear.

A report's older version leaves the index (keys, conflicts) and the groups it was in are re-formed
from their remaining members. ``regroup`` rebuilds the whole index (a maintenance command). Below the
cap the index holds exactly what the whole-ledger pass computes (tests/verification/test_group_index.py).
"""

from __future__ import annotations

import datetime as dt
from bisect import insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, repeat
from typing import Any

from sqlalchemy import (
    CompoundSelect,
    Integer,
    bindparam,
    delete,
    union_all,
    update,
)
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claims.grouping import (
    GroupMember,
    blocking_keys,
    group_claims,
    meeting_key,
    pair_outcome,
)
from claims.model import Value
from storage.bulk import insert_rows, prepared_rows, stored
from storage.jsoncols import json_list
from storage.models import Claim, ClaimConflict, ClaimKey, Report, utcnow

__all__ = [
    "WINDOW_DAYS",
    "DEFAULT_CAP",
    "IndexSummary",
    "grouping_keys",
    "index_claims",
    "index_new_claims",
    "MemberCache",
    "index_pending",
    "unindex_claims",
    "regroup",
    "conflicts_of",
]

WINDOW_DAYS = 45  # claims.grouping's default window
DEFAULT_CAP = 128  # candidates per key, most recent first: bounds the work per new claim
_CHUNK = 5000  # ids per IN (...) list


@dataclass
class IndexSummary:
    claims: int = 0  # claims indexed
    keys: int = 0
    compared: int = 0  # candidate pairs compared
    conflicts: int = 0  # conflict pairs written (one way)
    capped: int = 0  # look-ups that hit the cap (the index may then miss a pair the whole pass finds)

    def add(self, other: IndexSummary) -> None:
        for name in ("claims", "keys", "compared", "conflicts", "capped"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


# -- pure ---------------------------------------------------------------------------------------------


def grouping_keys(member: GroupMember) -> list[str]:
    """The blocking keys ``group_claims`` files a member under (``claims.grouping.blocking_keys``):
    kind | money-or-not | a name; its candidates are filed under their ``meeting_key``."""
    return blocking_keys(member)


def _gid_number(gid: str) -> int:
    return int(gid[1:])


# -- reading ------------------------------------------------------------------------------------------


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


_CLAIM = Claim.__table__  # type: ignore[attr-defined]
_REPORT = Report.__table__  # type: ignore[attr-defined]
_KEY = ClaimKey.__table__  # type: ignore[attr-defined]
_CONFLICT = ClaimConflict.__table__  # type: ignore[attr-defined]
_LIVE_IN = (  # checkworthy claims of latest versions among the expanding list "ids" (the ones grouping considers)
    _CLAIM.c.id.in_(bindparam("ids", expanding=True)),
    _CLAIM.c.checkworthy,
    _REPORT.c.is_latest,
)
# built once (a statement built per call costs more than the query): the group ids, and the members
_GROUP_IDS = (
    sa_select(_CLAIM.c.id, _CLAIM.c.group_id)
    .join(_REPORT, _REPORT.c.id == _CLAIM.c.report_id)
    .where(*_LIVE_IN)
)
_MEMBER_ROWS = (
    sa_select(
        _CLAIM.c.id,
        _CLAIM.c.report_id,
        _CLAIM.c.kind,
        _CLAIM.c.text,
        _CLAIM.c["values"],
        _CLAIM.c.entities,
        _CLAIM.c.topics,
        _CLAIM.c.start,
        _CLAIM.c.sentence_start,
        _CLAIM.c.group_id,
        _REPORT.c.date,
    )
    .join(_REPORT, _REPORT.c.id == _CLAIM.c.report_id)
    .where(*_LIVE_IN)
)


def _members(
    session: Session, claim_ids: Iterable[int], cache: MemberCache | None = None
) -> dict[int, tuple[GroupMember, str | None]]:
    """Claim id → (its group member, its group id), for checkworthy claims of latest report versions.

    With ``cache``: only the group ids are read for the claims it holds (a claim's text and values
    never change), and the members read are added to it."""
    out: dict[int, tuple[GroupMember, str | None]] = {}
    conn = session.connection()
    # the rows come as the driver gives them: the report date is read as SQLAlchemy would
    read_date = _REPORT.c.date.type.dialect_impl(conn.dialect).result_processor(conn.dialect, None)
    for chunk in _chunks(sorted(set(claim_ids))):
        if cache is not None:
            missing = []
            cached = cache.get
            view = cache.view
            if view is None:
                rows = prepared_rows(conn, _GROUP_IDS, {"ids": chunk})
            else:  # the group ids this transaction knows are not read again
                known, dead = view.gids, view.dead
                asked = [cid for cid in chunk if cid not in known and cid not in dead]
                if asked:
                    fresh = prepared_rows(conn, _GROUP_IDS, {"ids": asked})
                    for cid, gid in fresh:
                        view.set_gid(cid, gid)
                    dead.update(set(asked) - {cid for cid, _gid in fresh})
                rows = [(cid, known[cid]) for cid in chunk if cid in known]
            for cid, gid in rows:
                member = cached(cid)
                if member is None:
                    missing.append(cid)
                else:
                    out[cid] = (member, gid)
            if not missing:
                continue
            chunk = missing
        for cid, rid, kind, text, values, entities, topics, start, sstart, gid, date in prepared_rows(
            conn, _MEMBER_ROWS, {"ids": chunk}
        ):
            member = GroupMember(
                claim_id=int(cid),
                report_id=int(rid),
                kind=kind,
                text=text,
                values=Value.many_from_json(json_list(values)),
                entities=tuple(json_list(entities)),
                topics=tuple(json_list(topics)),
                date=read_date(date) if read_date is not None else date,
                key_offset=start - sstart,
            )
            out[int(cid)] = (member, gid)
            if cache is not None:
                cache.put(member)
    return out


class MemberCache:
    """Group members of claims already in the ledger, kept between the reports of one ingest run
    (the same candidates come back report after report). A claim's member never changes; only
    claims committed before the report that reads them are kept, and an ingest that rolls back
    clears it (SQLite gives a rolled-back claim's id to the next claim)."""

    def __init__(self, limit: int = 50_000) -> None:
        self.limit = limit
        self.current_report: int | None = None  # its claims are not kept: they may still roll back
        self._members: dict[int, GroupMember] = {}
        self._held: list[GroupMember] = []  # members of the report being written (``hold``)
        # a claim's member, or None: the dictionary's own look-up (called for every candidate)
        self.get: Callable[[int], GroupMember | None] = self._members.get

    def put(self, member: GroupMember) -> None:
        if member.report_id == self.current_report:
            return
        self._add(member)

    def _add(self, member: GroupMember) -> None:
        if len(self._members) >= self.limit:  # the oldest entries go first
            for cid in list(islice(self._members, self.limit // 4)):
                del self._members[cid]
        self._members[member.claim_id] = member

    def hold(self, members: Iterable[GroupMember]) -> None:
        """Members of claims the current report just wrote (built from what was written, what
        ``_members`` would read back once they are in): kept by ``keep`` once the report is in, or
        forgotten by ``clear`` if it rolls back."""
        self._held.extend(members)

    def keep(self) -> None:
        """The current report is in (its savepoint released): the members it held are kept."""
        for member in self._held:
            self._add(member)
        self._held.clear()

    def clear(self) -> None:
        self._members.clear()
        self._held.clear()
        self._kept = None
        if self.view is not None:
            self.view = _IndexView()

    view: _IndexView | None = None  # the index as the current transaction read and wrote it
    # the view a committed transaction left, and the connection and ``PRAGMA data_version`` it read
    _kept: tuple[_IndexView, object, int] | None = None
    _began: tuple[object, int] = (None, 0)
    VIEW_LIMIT = 200_000  # entries (group ids, candidates read) a view kept for the next transaction may hold

    def begin(self, session: Session) -> None:
        """A write transaction starts: on SQLite, whose transaction sees the ledger as it began plus
        its own writes (no other writer commits in between), what it reads of the index and of group
        ids is kept for its later reports (``_IndexView``). Elsewhere nothing is kept.

        The view the previous transaction of this cache committed goes on when the ledger is what it
        left: the same connection, and no other connection has committed since that transaction
        began (SQLite's ``PRAGMA data_version`` changes for a connection when another one commits;
        that transaction held the write lock from its start until its commit). Else, or past
        ``VIEW_LIMIT``, a view afresh."""
        conn = session.connection()
        if conn.dialect.name != "sqlite":
            self.view = None
            return
        dbapi = conn.connection.dbapi_connection
        version = int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())
        kept, self._kept = self._kept, None
        if kept is not None and kept[1] is dbapi and kept[2] == version and kept[0].size() <= self.VIEW_LIMIT:
            self.view = kept[0]
        else:
            self.view = _IndexView()
        self._began = (dbapi, version)

    def end(self, *, committed: bool = False) -> None:
        """The transaction ended: what it read is forgotten, or kept for the next transaction
        (``begin``) once it ``committed``."""
        if committed and self.view is not None:
            self._kept = (self.view, *self._began)
        else:
            self._kept = None
        self.view = None

    def index_changed(self) -> None:
        """Claims left the index in this transaction (a report's older version): start the view afresh."""
        if self.view is not None:
            self.view = _IndexView()


class _IndexView:
    """What one SQLite write transaction has read of the grouping index and of claims' group ids,
    kept up to date with what it writes, so that a later report of the batch does not read it again.

    ``parts``: per key, window (the stored bounds, or None) and limit, the two capped parts of the
    look-up as the database returns them — dated rows (date, id), undated ids — each the first
    ``limit`` rows of its order (newest first, highest first), held in ascending order (the newest
    last, where a row just written goes); the keys this transaction writes are merged in
    (``keys_written``), which keeps each part the first ``limit`` rows of the ledger as it now is.
    ``lists``: the candidate list ``_candidates`` made of a key's parts (and whether the cap cut it),
    until a key written changes them.
    ``gids``: the group ids of claims grouping considers (checkworthy, latest version), kept with the
    renames and joins this transaction writes (``grouped``); ``dead``: claims it does not consider."""

    def __init__(self) -> None:
        self.parts: dict[tuple[str, object, object, int], tuple[list[tuple[Any, int]], list[int]]] = {}
        self.lists: dict[tuple[str, object, object, int], tuple[list[int], bool]] = {}
        # a candidate list (by identity: the entry holds it) → its live candidates and buckets
        self.bucketed: dict[int, tuple[list[int], list[int], list[tuple[GroupMember, list[int]]]]] = {}
        self.filed_reports: set[int] = set()  # reports whose claims this transaction filed under keys
        self.windows: dict[str, list[tuple[object, object, int]]] = defaultdict(list)
        self.gids: dict[int, str | None] = {}
        self.dead: set[int] = set()
        self.members_of: dict[str, set[int]] = defaultdict(set)

    def size(self) -> int:
        """Its entries, roughly: the group ids and the candidates read it holds."""
        return len(self.gids) + len(self.dead) + sum(len(d) + len(u) for d, u in self.parts.values())

    def has_buckets(self, ids: list[int]) -> bool:
        entry = self.bucketed.get(id(ids))
        return entry is not None and entry[0] is ids

    def set_gid(self, cid: int, gid: str | None) -> None:
        old = self.gids.get(cid)
        if old is not None:
            self.members_of[old].discard(cid)
        self.gids[cid] = gid
        if gid is not None:
            self.members_of[gid].add(cid)

    def grouped(self, renames: Sequence[tuple[str, str]], joins: Mapping[str, Sequence[int]]) -> None:
        """What ``_Merges.write`` wrote: every claim of a renamed group takes the new name (renames
        first), then each joined claim its group."""
        for old, new in renames:
            for cid in self.members_of.pop(old, ()):
                self.gids[cid] = new
                self.members_of[new].add(cid)
        for gid, cids in joins.items():
            for cid in cids:
                if cid in self.gids:
                    self.set_gid(cid, gid)

    def keys_written(self, rows: Sequence[tuple[int, str, Any]]) -> None:
        """Merge ClaimKey rows (claim id, key, stored report date) just written into the parts read."""
        for cid, key, rdate in rows:
            for lo, hi, lim in self.windows.get(key, ()):
                part = (key, lo, hi, lim)
                dated, undated = self.parts[part]
                if rdate is None:
                    changed = _merge_top(undated, cid, lim)
                elif lo is None or lo <= rdate <= hi:
                    changed = _merge_top(dated, (rdate, cid), lim)
                else:
                    continue
                if changed:
                    made = self.lists.pop(part, None)
                    if made is not None:  # its buckets go with it (no look-up gives that list again)
                        self.bucketed.pop(id(made[0]), None)


def _merge_top(rows: list[Any], row: Any, limit: int) -> bool:
    """Put ``row`` into ``rows`` (the highest ``limit`` rows of an order, held in ascending order)
    where the order puts it; a full list keeps only its highest ``limit``, so a row below the lowest
    of a full list stays out. Whether ``rows`` changed."""
    if len(rows) >= limit and row < rows[0]:
        return False
    insort(rows, row)
    if len(rows) > limit:
        del rows[0]
    return True


_KEYS_PER_QUERY = 100  # keys per UNION ALL look-up (two capped parts each; SQLite allows 500 parts)
_KEYS_STEP = 16  # look-ups are built for 16, 32, … keys (a statement compiled per key count costs more)


@lru_cache(maxsize=2 * _KEYS_PER_QUERY)
def _look_up(n_keys: int, windowed: bool) -> CompoundSelect:
    """The capped look-up of ``n_keys`` keys (bound parameters k0…, lo, hi, lim), built once per shape:
    building a hundred-part statement costs more than running it."""
    parts = []
    for i in range(n_keys):
        key = col(ClaimKey.key) == bindparam(f"k{i}")
        dated = col(ClaimKey.report_date).is_not(None)
        if windowed:
            dated = col(ClaimKey.report_date).between(bindparam("lo"), bindparam("hi"))
        for cond, order in (
            (dated, (col(ClaimKey.report_date).desc(), col(ClaimKey.claim_id).desc())),
            (col(ClaimKey.report_date).is_(None), (col(ClaimKey.claim_id).desc(),)),
        ):
            sub = (
                sa_select(col(ClaimKey.key), col(ClaimKey.claim_id), col(ClaimKey.report_date))
                .where(key, cond)
                .order_by(*order)
                .limit(bindparam("lim", type_=Integer))
                .subquery()
            )
            parts.append(sa_select(sub.c.key, sub.c.claim_id, sub.c.report_date))
    return union_all(*parts)


def _candidates(
    session: Session,
    keys: Sequence[str],
    date: dt.date | None,
    cap: int,
    summary: IndexSummary,
    view: _IndexView | None = None,
) -> dict[str, list[int]]:
    """key → the claims under it dated within the window of ``date``, most recent first, at most ``cap``.

    Capped in SQL: per key, at most ``cap + 1`` dated rows (newest first, on the key/date index) and
    ``cap + 1`` undated ones are read, so a look-up costs the same however many claims share the key
    (one more than the cap tells that the cap was hit). Undated claims rank after dated ones. With
    ``view``, the keys this transaction has looked up in the same window are not read again."""
    window = dt.timedelta(days=WINDOW_DAYS)
    lim = cap + 1
    params: dict[str, object] = {"lim": lim}
    if date is not None:
        params.update(lo=date - window, hi=date + window)
    conn = session.connection()
    out: dict[str, list[int]] = {}
    asked = list(keys)
    lo = hi = None
    if view is not None:
        # the window as stored (the look-up compares the stored dates with these)
        lo = stored(conn, _KEY, "report_date", params["lo"]) if date is not None else None
        hi = stored(conn, _KEY, "report_date", params["hi"]) if date is not None else None
        asked = []
        for key in keys:
            part = (key, lo, hi, lim)
            made = view.lists.get(part)
            if made is None:
                rows = view.parts.get(part)
                if rows is None:
                    asked.append(key)
                    continue
                made = view.lists[part] = _capped(rows[0], rows[1], cap)
            ids, capped = made
            if ids:
                out[key] = ids
                summary.capped += capped
    read: dict[str, tuple[list[tuple[Any, int]], list[int]]] = {key: ([], []) for key in asked}
    for start in range(0, len(asked), _KEYS_PER_QUERY):
        chunk = asked[start : start + _KEYS_PER_QUERY]
        # a few statement shapes, each built and compiled once: the look-up is padded with keys that
        # file nothing (every key holds a "|")
        shape = min(_KEYS_PER_QUERY, -(-len(chunk) // _KEYS_STEP) * _KEYS_STEP)
        padded = chunk + [""] * (shape - len(chunk))
        stmt = _look_up(shape, date is not None)
        fetched = prepared_rows(conn, stmt, {**params, **{f"k{i}": key for i, key in enumerate(padded)}})
        for key, cid, rdate in fetched:
            # the raw date: ISO text on SQLite, a date elsewhere
            if rdate is not None:
                read[key][0].append((rdate, int(cid)))
            else:
                read[key][1].append(int(cid))
    for key, (dated, undated) in read.items():
        dated.sort()
        undated.sort()
        ids, capped = made = _capped(dated, undated, cap)
        if view is not None:
            part = (key, lo, hi, lim)
            view.parts[part] = (dated, undated)
            view.windows[key].append((lo, hi, lim))
            view.lists[part] = made
        if ids:
            out[key] = ids
            summary.capped += capped
    return out


def _capped(dated: list[tuple[Any, int]], undated: list[int], cap: int) -> tuple[list[int], bool]:
    """A key's candidates from the two parts of its look-up (each in ascending order): dated claims
    before undated ones, newest first, then highest id first; at most ``cap``, and whether there were
    more."""
    ids = [cid for _date, cid in reversed(dated[max(0, len(dated) - cap) :])]
    if len(ids) < cap:
        ids.extend(reversed(undated[max(0, len(undated) - (cap - len(ids))) :]))
    return ids, len(dated) + len(undated) > cap


def conflicts_of(session: Session, claim_ids: Iterable[int]) -> dict[int, set[int]]:
    """Claim id → the ids of the claims of other reports it disagrees with (from the index)."""
    out: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(sorted(set(claim_ids))):
        rows = session.exec(
            select(ClaimConflict.claim_id, ClaimConflict.other_id).where(
                col(ClaimConflict.claim_id).in_(chunk)
            )
        ).all()
        for cid, other in rows:
            out[int(cid)].add(int(other))
    return dict(out)


# -- writing ------------------------------------------------------------------------------------------


def index_claims(session: Session, claim_ids: Iterable[int], *, cap: int = DEFAULT_CAP) -> IndexSummary:
    """Put claims into the index (a changed claim's old entries are dropped first), report by report:
    keys, conflicts and groups are written in ``session``'s transaction."""
    ids = sorted(set(claim_ids))
    summary = IndexSummary()
    if not ids:
        return summary
    unindex_claims(session, ids)
    by_report: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(ids):
        for cid, rid in session.execute(
            sa_select(col(Claim.id), col(Claim.report_id)).where(col(Claim.id).in_(chunk))
        ).all():
            by_report[int(rid)].append(int(cid))
    for rid in sorted(by_report):
        summary.add(_index_report_claims(session, by_report[rid], cap))
    return summary


def index_new_claims(
    session: Session,
    ids: list[int],
    members: dict[int, GroupMember],
    *,
    keys: Mapping[int, list[str]] | None = None,
    cap: int = DEFAULT_CAP,
    cache: MemberCache | None = None,
) -> IndexSummary:
    """Index claims of one report that were just written (ingest): ``members`` are their checkworthy
    claims' group members, built from what was written rather than read back, and ``keys`` their
    grouping keys when the caller has them (``grouping_keys``; then ``members`` may leave out the
    claims without keys, which grouping never reads). Nothing is to be taken out of the index first,
    and the caller wrote ``grouped_at`` with the rows. With ``cache``, the members with keys are kept
    in it once the report's savepoint is released (``MemberCache.keep``)."""
    mine = {cid: (m, None) for cid, m in members.items()}
    summary = _index_report_claims(session, ids, cap, mine, mark=False, cache=cache, claim_keys=keys)
    if cache is not None:
        cache.hold(m for cid, m in members.items() if (keys[cid] if keys is not None else grouping_keys(m)))
    return summary


def _index_report_claims(
    session: Session,
    ids: list[int],
    cap: int,
    mine: Mapping[int, tuple[GroupMember, str | None]] | None = None,
    *,
    mark: bool = True,
    cache: MemberCache | None = None,
    claim_keys: Mapping[int, list[str]] | None = None,
) -> IndexSummary:
    """Index claims of one report (one date, so one window for all); ``mine``: their members when the
    caller has them, and ``claim_keys`` their grouping keys; ``mark``: set their ``grouped_at``."""
    summary = IndexSummary()
    if mine is None:
        mine = _members(session, ids)
    if claim_keys is None:
        keyed = {cid: grouping_keys(m) for cid, (m, _g) in mine.items()}
    else:
        keyed = {cid: claim_keys[cid] for cid in mine}
    keyed = {cid: ks for cid, ks in keyed.items() if ks}
    if keyed:
        date = next(iter(mine.values()))[0].date
        meets = {k: meeting_key(k) for k in {k for ks in keyed.values() for k in ks}}  # each key once
        keys = sorted(set(meets.values()))
        view = cache.view if cache is not None else None
        cands = _candidates(session, keys, date, cap, summary, view)
        conflicts: set[tuple[int, int]] = set()
        compared = 0
        by_report: dict[int, list[int]] = defaultdict(list)  # one report, unless a caller mixes them
        for cid in sorted(keyed):
            by_report[mine[cid][0].report_id].append(cid)
        if view is not None and view.filed_reports.isdisjoint(by_report):
            # no candidate of these reports (none filed yet): each candidate list's buckets as the
            # transaction made them, the members read only for the lists new to it
            fresh = {c for cs in cands.values() if not view.has_buckets(cs) for c in cs}
            found = _members(session, fresh - mine.keys(), cache)
            merges = _Merges(view.gids)
            made: tuple[dict[str, list[int]], dict[str, list[_Bucket]]] | None = _view_buckets(cands, found, view)
        else:
            others = _members(session, {c for cs in cands.values() for c in cs} - mine.keys(), cache)
            merges = _Merges({cid: gid for cid, (_m, gid) in others.items()})
            made = None
        for report_id, cids in by_report.items():
            live, buckets = made if made is not None else _buckets(cands, others, report_id)
            for cid in cids:
                member = mine[cid][0]
                meet_keys = [meets[key] for key in keyed[cid]]
                # a candidate under two of the claim's keys counts once, as it is compared once
                lists = [live[m] for m in meet_keys if m in live]
                if len(lists) == 1:
                    compared += len(lists[0])
                elif lists:
                    compared += len(set().union(*lists))
                nodes: set[_Node] = set()
                for meet in meet_keys:
                    for bucket in buckets.get(meet, ()):
                        outcome = pair_outcome(member, bucket.member, window_days=WINDOW_DAYS)
                        if not outcome:
                            continue
                        nodes |= bucket.nodes(merges.node_of)
                        if outcome == _DISAGREE:
                            conflicts.update(zip(repeat(cid), bucket.ids))
                            conflicts.update(zip(bucket.ids, repeat(cid)))
                if nodes:
                    merges.merge(cid, nodes)
        summary.compared += compared
        renames, joins = merges.write(session)
        if view is not None:
            for cid, (_m, gid) in mine.items():  # considered by grouping: checkworthy, of a latest version
                view.set_gid(cid, gid)
            view.grouped(renames, joins)
        conn = session.connection()
        insert_rows(conn, _CONFLICT, ("claim_id", "other_id"), sorted(conflicts))
        summary.conflicts = len(conflicts) // 2
        report_date = stored(conn, _KEY, "report_date", date)  # one date for the report's claims
        rows = [(cid, key, report_date) for cid in sorted(keyed) for key in keyed[cid]]
        insert_rows(conn, _KEY, ("claim_id", "key", "report_date"), rows)
        if view is not None:
            view.keys_written(rows)
            view.filed_reports.update(by_report)
        summary.keys = len(rows)
    summary.claims = len(ids)
    if mark:
        for chunk in _chunks(ids):
            session.execute(update(Claim).where(col(Claim.id).in_(chunk)).values(grouped_at=utcnow()))
    return summary


_DISAGREE = 2  # claims.grouping.pair_outcome: the same claim, key values disagreeing
_Node = tuple[str, "str | int"]  # a union-find node of _Merges: ("g", group id) or ("c", claim id)


class _Bucket:
    """Candidates under one key that compare alike with any claim (one comparison number): a member
    standing for them, their ids, and their union-find nodes (worked out when first linked)."""

    __slots__ = ("member", "ids", "_nodes")

    def __init__(self, member: GroupMember, ids: list[int]) -> None:
        self.member, self.ids = member, ids
        self._nodes: frozenset[_Node] | None = None

    def nodes(self, node_of: Mapping[int, _Node]) -> frozenset[_Node]:
        if self._nodes is None:
            self._nodes = frozenset(map(node_of.__getitem__, self.ids))
        return self._nodes


def _buckets(
    cands: Mapping[str, list[int]], others: Mapping[int, tuple[GroupMember, str | None]], report_id: int
) -> tuple[dict[str, list[int]], dict[str, list[_Bucket]]]:
    """Per key: its live candidates (the ones compared), and those of other reports than
    ``report_id`` in buckets of one comparison number each. Every member of a bucket compares alike
    with a claim (``claims.grouping.pair_outcome``), so a claim is compared once per bucket, not once
    per candidate."""
    number = {oid: m.comparison_id for oid, (m, _g) in others.items() if m.report_id != report_id}
    live: dict[str, list[int]] = {}
    buckets: dict[str, list[_Bucket]] = {}
    for key, ids in cands.items():
        alive = [oid for oid in ids if oid in others]
        if not alive:
            continue
        live[key] = alive
        by_number: dict[int, list[int]] = {}
        for oid in alive:
            n = number.get(oid)
            if n:  # None: of the claim's own report; 0: never the same claim
                if n in by_number:
                    by_number[n].append(oid)
                else:
                    by_number[n] = [oid]
        buckets[key] = [_Bucket(others[same[0]][0], same) for same in by_number.values()]
    return live, buckets


# built once: a group renamed, a claim joining a group
_RENAME = update(_CLAIM).where(_CLAIM.c.group_id == bindparam("old")).values(group_id=bindparam("new"))
_JOIN = update(_CLAIM).where(_CLAIM.c.id == bindparam("cid")).values(group_id=bindparam("gid"))


class _NodeOf(dict[int, "_Node"]):
    """Claim id → its union-find node (``_Merges.node``), each worked out when first asked."""

    def __init__(self, group_of: Mapping[int, str | None]) -> None:
        super().__init__()
        self.group_of = group_of

    def __missing__(self, cid: int) -> _Node:
        gid = self.group_of.get(cid)
        node: _Node = ("g", gid) if gid is not None else ("c", cid)
        self[cid] = node
        return node


def _view_buckets(
    cands: Mapping[str, list[int]], found: Mapping[int, tuple[GroupMember, str | None]], view: _IndexView
) -> tuple[dict[str, list[int]], dict[str, list[_Bucket]]]:
    """``_buckets`` for a report none of whose claims is among the candidates, each candidate list's
    made once per transaction (``found``: the members of the lists new to it). A list is the same
    object as long as the keys written leave it as it is (``_IndexView.lists``), and which of its
    claims are live, and their members, do not change within the transaction."""
    live: dict[str, list[int]] = {}
    buckets: dict[str, list[_Bucket]] = {}
    for key, ids in cands.items():
        entry = view.bucketed.get(id(ids))
        if entry is None or entry[0] is not ids:
            alive = [oid for oid in ids if oid in found]
            by_number: dict[int, list[int]] = {}
            for oid in alive:
                n = found[oid][0].comparison_id
                if n:  # 0: never the same claim
                    if n in by_number:
                        by_number[n].append(oid)
                    else:
                        by_number[n] = [oid]
            entry = view.bucketed[id(ids)] = (ids, alive, [(found[same[0]][0], same) for same in by_number.values()])
        _ids, alive, groups = entry
        if alive:
            live[key] = alive
            buckets[key] = [_Bucket(member, same) for member, same in groups]
    return live, buckets


class _Merges:
    """The group merges of one report's claims, written together at the end.

    Each linked claim joins the groups of the claims it is linked to, merging them, named "g" + the
    smallest id among the claims and group numbers merged (what merging them one link at a time, each
    written at once, ends with): a union-find over loose claims and existing groups, then one
    ``UPDATE`` per renamed group and per new group id, rather than one per linked claim."""

    def __init__(self, group_of: Mapping[int, str | None]) -> None:
        self._group_of = group_of  # the group ids as read, before any merge
        self._parent: dict[_Node, _Node] = {}
        # a claim read with its group id → its node (``node``), worked out once, when first asked
        self.node_of: dict[int, _Node] = _NodeOf(group_of)

    def node(self, cid: int) -> _Node:
        gid = self._group_of.get(cid)
        return ("g", gid) if gid is not None else ("c", cid)

    def _root(self, node: _Node) -> _Node:
        parent = self._parent.setdefault(node, node)
        while parent != node:
            grand = self._parent[parent]
            self._parent[node] = grand
            node, parent = parent, grand
        return node

    def merge(self, claim_id: int, nodes: set[_Node]) -> None:
        """Join the claim with the linked claims, given as their nodes (``node``: most linked claims
        share a few groups, so each group's node is joined once); ``nodes`` is extended."""
        # the claim itself always counts with its own id (as a loose claim would)
        first = self._root(("c", claim_id))
        nodes.add(self.node(claim_id))
        for node in nodes:
            root = self._root(node)
            if root != first:
                self._parent[root] = first

    def write(self, session: Session) -> tuple[list[tuple[str, str]], dict[str, list[int]]]:
        """Write the merges; returns the renames (old, new group id) and the joins (group id → the
        claims that joined it), as written."""
        components: dict[tuple[str, str | int], list[tuple[str, str | int]]] = defaultdict(list)
        for node in list(self._parent):
            components[self._root(node)].append(node)
        renames: list[tuple[str, str]] = []
        joins: dict[str, list[int]] = defaultdict(list)
        for nodes in components.values():
            if len(nodes) < 2:
                continue
            numbers = [int(v) if kind == "c" else _gid_number(str(v)) for kind, v in nodes]
            new = "g" + str(min(numbers))
            for kind, v in nodes:
                if kind == "g" and v != new:
                    renames.append((str(v), new))
                elif kind == "c":
                    joins[new].append(int(v))
        # two prepared statements, each run for all its rows (executemany), renames first
        conn = session.connection()
        if renames:
            conn.execute(_RENAME, [{"old": old, "new": new} for old, new in sorted(renames)])
        if joins:
            conn.execute(
                _JOIN, [{"cid": cid, "gid": new} for new, ids in sorted(joins.items()) for cid in sorted(ids)]
            )
        return renames, joins


def unindex_claims(session: Session, claim_ids: Iterable[int], *, retired: bool = False) -> set[int]:
    """Take claims out of the index (an older version of a report, a changed claim): their keys and
    conflicts go, and the groups they were in are re-formed from the members left. ``retired`` claims
    (an older version's) are marked done, so that no later look-up for unindexed claims meets them.
    Returns the ids of the other claims whose conflicts or group changed (their verdicts may want a
    re-verify)."""
    ids = sorted(set(claim_ids))
    touched: set[int] = set()
    gids: set[str] = set()
    for chunk in _chunks(ids):
        others = sorted(
            {
                int(o)
                for o in session.exec(
                    select(ClaimConflict.other_id).where(col(ClaimConflict.claim_id).in_(chunk))
                ).all()
            }
        )
        touched.update(others)
        gids |= {
            g
            for g in session.exec(
                select(Claim.group_id).where(col(Claim.id).in_(chunk), col(Claim.group_id).is_not(None))
            ).all()
            if g is not None
        }
        session.execute(delete(ClaimKey).where(col(ClaimKey.claim_id).in_(chunk)))
        session.execute(delete(ClaimConflict).where(col(ClaimConflict.claim_id).in_(chunk)))
        # the other way: a pair is kept both ways, so the rows naming these claims as other_id are
        # the rows of their others (found on the (claim_id, other_id) index; other_id has none)
        for other_chunk in _chunks(others):
            session.execute(
                delete(ClaimConflict).where(
                    col(ClaimConflict.claim_id).in_(other_chunk), col(ClaimConflict.other_id).in_(chunk)
                )
            )
        session.execute(
            update(Claim)
            .where(col(Claim.id).in_(chunk))
            .values(group_id=None, grouped_at=utcnow() if retired else None)
        )
    for gid in sorted(gids):
        rest = [
            int(c)
            for c in session.execute(sa_select(col(Claim.id)).where(col(Claim.group_id) == gid)).scalars()
        ]
        touched.update(rest)
        _reform(session, rest)
    return touched - set(ids)


def _reform(session: Session, claim_ids: list[int]) -> None:
    """Group ids for what is left of a group (the whole pass over its few members)."""
    members = {cid: m for cid, (m, _g) in _members(session, claim_ids).items()}
    new: dict[int, str | None] = dict.fromkeys(claim_ids)
    for group in group_claims(list(members.values()), window_days=WINDOW_DAYS):
        gid = "g" + str(min(m.claim_id for m in group))
        for m in group:
            new[m.claim_id] = gid
    by_gid: dict[str | None, list[int]] = defaultdict(list)
    for cid, new_gid in new.items():
        by_gid[new_gid].append(cid)
    for new_gid, cids in by_gid.items():
        session.execute(update(Claim).where(col(Claim.id).in_(cids)).values(group_id=new_gid))


def index_pending(session: Session, *, cap: int = DEFAULT_CAP) -> IndexSummary:
    """Index the claims of latest report versions that are not in the index yet (an older ledger, or
    claims written by a path that does not index), report by report in ingest order."""
    summary = IndexSummary()
    report_ids = session.exec(
        select(Claim.report_id)
        .join(Report, col(Report.id) == col(Claim.report_id))
        .where(col(Claim.grouped_at).is_(None), col(Report.is_latest))
        .distinct()
    ).all()
    for rid in sorted(int(r) for r in report_ids):
        ids = [
            int(c)
            for c in session.execute(
                sa_select(col(Claim.id)).where(col(Claim.report_id) == rid, col(Claim.grouped_at).is_(None))
            ).scalars()
        ]
        summary.add(_index_report_claims(session, ids, cap))
    return summary


def regroup(session: Session, *, cap: int = DEFAULT_CAP) -> IndexSummary:
    """Rebuild the whole index: every key, conflict and group id, from the claims alone.

    The whole-table statements do not synchronise the session's objects: the ORM would otherwise fetch
    the id of every claim the subquery selects back into memory (``UPDATE … RETURNING id``: 1.4 GB at
    3.26M claims); a claim loaded in ``session`` before this call keeps its old group id."""
    unsynced = {"synchronize_session": False}
    session.execute(delete(ClaimConflict), execution_options=unsynced)
    session.execute(delete(ClaimKey), execution_options=unsynced)
    session.execute(  # older versions stay out
        update(Claim).values(group_id=None, grouped_at=utcnow()), execution_options=unsynced
    )
    latest = sa_select(col(Report.id)).where(col(Report.is_latest))
    session.execute(
        update(Claim).where(col(Claim.report_id).in_(latest)).values(grouped_at=None), execution_options=unsynced
    )
    return index_pending(session, cap=cap)
