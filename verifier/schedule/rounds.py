"""Re-check rounds: take due sources, fetch them, store what changed, re-verify affected claims.

One round = one batch of at most ``round_size`` sources leased to this worker (see
``storage.leases``). Per source, one transaction applies the fetch result (``store_fetch``: a
snapshot only for a new content hash, source state, next check from the policy) and releases the
lease — unless the source now needs its claims re-verified: then ``verify_pending`` is set in that
same transaction and the lease is kept until verification is done. A worker killed in between
leaves ``verify_pending`` behind; whoever takes the source after the lease expires re-verifies.

After the fetches: claims citing changed sources are re-verified (``verify_claims``, trigger
``source_changed``); claims whose every cited source is dead past the policy's retries become
unverified (``source_unreachable``) while old snapshots and evidence stay; a claim a reviewer
decided is not flipped but flagged ``needs_review`` with the diff of its passage; every status
change goes to the webhook outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any, Literal, Protocol, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import ConfigError
from storage.db import session_scope
from storage.leases import (
    UNCHECKABLE_STATES,
    ClaimedSource,
    claim_sources,
    claims_citing,
    event_exists,
    events_since,
    evidence_for,
    finish_sources,
    max_event_id,
    previous_event,
    recent_snapshots,
    release_lease,
    release_sources,
    renew_leases,
    sources_by_id,
)
from storage.models import Snapshot, Source, Verdict, VerdictEvent, utcnow
from storage.verdicts import AUTO, VerdictUpdate, lock_verdict, record_verdict
from verifier.fetch.result import FetchResult
from verifier.schedule.diff import passage_diff
from verifier.schedule.policy import HostWindowCap, PolicyKnobs, cap_per_host, is_dead, network_looks_down
from verifier.settings import Settings

__all__ = [
    "RoundSummary",
    "FetchFn",
    "run_round",
    "run_until_idle",
    "recheck_sources",
    "start_in_process",
    "worker_id",
]

log = logging.getLogger(__name__)

Mode = Literal["due", "all", "ids"]
FetchFn = Callable[..., Awaitable[FetchResult]]  # fetch(url, etag=..., last_modified=...)
StoreFn = Callable[[Session, Source, FetchResult], Any]  # store_fetch(session, source, result)
ProgressFn = Callable[[int], None]  # called with the number of sources just finished
T = TypeVar("T")


class VerifyFn(Protocol):
    def __call__(
        self,
        engine: Engine,
        *,
        claim_ids: Sequence[int] | None = ...,
        source_ids: Sequence[int] | None = ...,
        trigger: str | None = ...,
    ) -> Any: ...


def worker_id() -> str:
    """A lease owner name unique to this process: host, pid and a random tag."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


@dataclass
class RoundSummary:
    owner: str = ""
    rounds: int = 0
    claimed: int = 0
    fetched: int = 0
    new_snapshots: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    lost_lease: int = 0
    errors: int = 0
    breaker: int = 0  # rounds stopped because most hosts gave no answer at all (network down)
    held_back: int = 0  # fetches not counted against their sources because the breaker tripped
    reverified_sources: int = 0
    unreachable_claims: int = 0
    flagged_reviews: int = 0
    events: int = 0
    webhooks_queued: int = 0
    seconds: float = 0.0
    started_at: float = 0.0  # wall clock (epoch seconds) of a drain, to line up parallel workers
    finished_at: float = 0.0
    messages: list[str] = field(default_factory=list)

    def add(self, other: RoundSummary) -> None:
        for f in fields(self):
            if f.name in ("owner", "messages", "started_at", "finished_at"):
                continue
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.messages.extend(other.messages)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- defaults: the real fetcher, store and verifier (imported when a round runs: heavy) ----------


@contextlib.asynccontextmanager
async def _real_fetch(settings: Settings) -> AsyncIterator[FetchFn]:
    from verifier.fetch import Fetcher

    fetcher = Fetcher(settings)
    async with fetcher:
        yield fetcher.fetch


def _real_store(settings: Settings) -> StoreFn:
    from verifier.snapshots import store_fetch

    def store(session: Session, source: Source, result: FetchResult) -> Any:
        return store_fetch(session, source, result, settings=settings)

    return store


def _prepare_page(result: FetchResult, known_hash: str | None) -> None:
    from verifier.snapshots import prepare_page

    try:
        prepare_page(result, known_hash)
    except Exception:  # store_fetch parses it then (and reports what fails)
        log.exception("parsing %s failed", result.url)


def _real_verify() -> VerifyFn:
    from verifier.verify import verify_claims

    return verify_claims  # type: ignore[return-value]


# --- one source ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Applied:
    source_id: int
    action: str  # new_snapshot | unchanged | not_modified | failed | lost | pending_only | error
    pending: bool = False
    changed: bool = False  # the new snapshot replaced a different earlier one


Item = tuple[ClaimedSource, FetchResult | None]
WRITE_BATCH = 100  # fetch results written per transaction (round trips, not rows, cost the time)


class _DeferredFlush:
    """The session as ``store`` sees it: ``flush()`` goes out only when new rows need their ids
    (a snapshot); plain updates of a batch's sources then leave together at commit, as one
    executemany instead of a round trip per source. Reads still autoflush, so store sees its
    own writes."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def flush(self, objects: Any = None) -> None:
        if self._session.new:
            self._session.flush(objects)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def _apply_one(
    session: Session,
    owner: str,
    claimed: ClaimedSource,
    result: FetchResult | None,
    store: StoreFn,
    knobs: PolicyKnobs,
) -> Applied:
    """Apply one fetch result, then either release the lease or mark the source pending.

    Pending (claims to re-verify): a new snapshot; the failure that uses up the policy's retries;
    a dead source that answers again.
    """
    source = session.get(Source, claimed.id)
    if source is None or source.lease_owner != owner:
        return Applied(claimed.id, "lost")
    action, changed = "pending_only", False
    lease = source.lease_expires_at
    release_lease(session, source)  # before store's flush: one UPDATE for the common case
    if result is not None:
        was_dead = is_dead(source.consecutive_failures, knobs)
        outcome = store(_DeferredFlush(session), source, result)  # type: ignore[arg-type]
        action = str(getattr(outcome, "action", "failed" if result.is_failure else "unchanged"))
        changed = bool(getattr(outcome, "changed", False))
        now_dead = is_dead(source.consecutive_failures, knobs)
        if action == "new_snapshot" or was_dead != now_dead:
            source.verify_pending = True
    if source.verify_pending:  # keep the lease until the claims are re-verified
        source.lease_owner, source.lease_expires_at = owner, lease
        session.add(source)
        return Applied(claimed.id, action, pending=True, changed=changed)
    return Applied(claimed.id, action, changed=changed)


def _apply(
    engine: Engine, owner: str, items: Sequence[Item], store: StoreFn, knobs: PolicyKnobs
) -> list[Applied]:
    """Apply fetch results in one transaction (all or nothing, so a crash leaves no half-written
    snapshot); if one of them fails, apply each in its own transaction so the others still land."""
    try:
        with session_scope(engine) as session:
            ids = [c.id for c, _ in items]
            # one read; get() then hits the identity map (weak: keep the rows referenced)
            loaded = sources_by_id(session, ids)
            applied = [_apply_one(session, owner, c, r, store, knobs) for c, r in items]
            del loaded
            return applied
    except Exception:
        if len(items) == 1:
            log.exception("storing the check of %s failed; its lease will expire", items[0][0].url)
            return [Applied(items[0][0].id, "error")]
    return [a for item in items for a in _apply(engine, owner, [item], store, knobs)]


# --- after the fetches: verification, reviews, unreachable claims, webhooks ----------------------


def _settle(
    engine: Engine,
    settings: Settings,
    owner: str,
    pending: Sequence[int],
    fresh: set[int],
    verify: VerifyFn,
) -> RoundSummary:
    """Re-verify what the pending sources affect, then clear their flags and leases.

    ``fresh``: the pending sources that have a new snapshot (a dead source that answers again
    with the same page has none: its reviewed claims are not put back in the queue)."""
    out = RoundSummary()
    if not pending:
        return out
    knobs = PolicyKnobs.from_settings(settings)
    with Session(engine) as session:
        cites = claims_citing(session, pending)
        all_ids = sorted({s for ids in cites.values() for s in ids} | set(pending))
        sources = sources_by_id(session, all_ids)
        mark = max_event_id(session)

    def live(sid: int) -> bool:
        s = sources.get(sid)
        return (
            s is not None and s.state not in UNCHECKABLE_STATES and not is_dead(s.consecutive_failures, knobs)
        )

    dead = [sid for sid in pending if not live(sid)]
    changed = [sid for sid in pending if live(sid)]
    dead_set = set(dead)
    unreachable = [c for c, ids in cites.items() if set(ids) & dead_set and not any(live(s) for s in ids)]
    partly_dead = [c for c, ids in cites.items() if set(ids) & dead_set and c not in set(unreachable)]
    with Session(engine) as session:
        reviews = _review_contexts(session, cites, set(changed) & fresh)
    with Session(engine) as session:
        first = {sid for sid in changed if len(recent_snapshots(session, sid, 2)) < 2}
    for trigger, ids in (
        ("source_fetched", sorted(first)),
        ("source_changed", [s for s in changed if s not in first]),
    ):
        if ids:
            verify(engine, source_ids=ids, trigger=trigger)
            out.reverified_sources += len(ids)
    if partly_dead:
        verify(engine, claim_ids=partly_dead, trigger="source_unreachable")
    with session_scope(engine) as session:
        out.unreachable_claims = _mark_unreachable(session, unreachable, cites, dead_set)
        out.flagged_reviews = _flag_reviewed(session, reviews)
    with session_scope(engine) as session:
        new_events = events_since(session, mark, list(cites))
        out.events = len(new_events)
        if settings.webhook_url:
            from verifier.schedule.webhook import enqueue

            out.webhooks_queued = enqueue(session, _status_changes(session, new_events, cites))
    finish_sources(engine, owner, pending)
    return out


def _mark_unreachable(
    session: Session, claim_ids: Sequence[int], cites: dict[int, list[int]], dead: set[int]
) -> int:
    n = 0
    for claim_id in claim_ids:
        current = lock_verdict(session, claim_id)
        update = VerdictUpdate(
            status="unverified",
            reason="source_unreachable",
            confidence=0.0,
            snapshot_id=current.snapshot_id if current else None,  # the evidence it rested on stays
            details={"trigger": "source_unreachable", "source_ids": sorted(set(cites[claim_id]) & dead)},
        )
        if record_verdict(session, claim_id, update) is not None:
            n += 1
    return n


@dataclass(frozen=True)
class _ReviewContext:
    """A reviewed claim whose cited source has a new snapshot, with the passage the reviewer saw
    (read before re-verification, which replaces the claim's evidence rows)."""

    claim_id: int
    source_id: int
    older_snapshot_id: int
    newest_snapshot_id: int
    old_passage: str


def _review_contexts(
    session: Session, cites: dict[int, list[int]], changed: set[int]
) -> list[_ReviewContext]:
    out = []
    for claim_id, source_ids in cites.items():
        verdict = session.get(Verdict, claim_id)
        if verdict is None or verdict.actor == AUTO:
            continue
        for source_id in sorted(set(source_ids) & changed):
            snaps = recent_snapshots(session, source_id, 2)
            if len(snaps) < 2 or _already_flagged(session, claim_id, snaps[0].id):
                continue  # a first snapshot, or a crashed worker's redo already flagged it
            newest_id, older_id = int(snaps[0].id or 0), int(snaps[1].id or 0)
            old_ev = evidence_for(session, claim_id, [older_id])
            out.append(
                _ReviewContext(
                    claim_id,
                    source_id,
                    older_id,
                    newest_id,
                    old_ev.passage if old_ev else "",
                )
            )
    return out


def _flag_reviewed(session: Session, contexts: Sequence[_ReviewContext]) -> int:
    """Put reviewed claims whose source changed back in the queue, with the passage diff."""
    for ctx in contexts:
        verdict = lock_verdict(session, ctx.claim_id)  # as committed now: a review may have come in
        newest = session.get(Snapshot, ctx.newest_snapshot_id)
        if verdict is None or newest is None:
            continue
        new_ev = evidence_for(session, ctx.claim_id, [ctx.newest_snapshot_id])
        diff = passage_diff(ctx.old_passage, newest.text, new_ev.passage if new_ev else None)
        verdict.needs_review = True
        verdict.updated_at = utcnow()
        session.add(verdict)
        session.add(
            VerdictEvent(
                claim_id=ctx.claim_id,
                status=verdict.status,
                reason="source_changed",
                confidence=verdict.confidence,
                actor=AUTO,
                note="a cited source changed under a reviewed verdict; reviewer's verdict kept, re-review",
                snapshot_id=ctx.newest_snapshot_id,
                evidence_digest=verdict.evidence_digest,
                details=json.dumps(
                    {
                        "needs_review": True,
                        "source_id": ctx.source_id,
                        "previous_snapshot_id": ctx.older_snapshot_id,
                        "passage": diff.as_dict(),
                    },
                    ensure_ascii=False,
                ),
            )
        )
    return len(contexts)


def _already_flagged(session: Session, claim_id: int, snapshot_id: int | None) -> bool:
    return event_exists(session, claim_id, reason="source_changed", snapshot_id=snapshot_id, actor=AUTO)


def _status_changes(
    session: Session, events: Sequence[VerdictEvent], cites: dict[int, list[int]]
) -> list[dict]:
    from verifier.schedule.webhook import event_payload

    out = []
    for ev in events:
        prev = previous_event(session, ev)
        prev_status = prev.status if prev else None
        if prev_status != ev.status or ev.reason in ("source_changed", "needs_review"):
            out.append(event_payload(ev, prev_status, {"source_ids": cites.get(ev.claim_id, [])}))
    return out


# --- a round and a drain ---------------------------------------------------------------------------


def _check_settings(settings: Settings) -> None:
    """Refuse knobs that would make rounds do nothing or check sources twice."""
    for name in ("round_size", "per_host_per_round", "lease_seconds", "fetch_concurrency"):
        if getattr(settings, name) < 1:
            raise ConfigError(
                f"{name} must be at least 1, got {getattr(settings, name)}",
                hint=f"set CLAIMLEDGER_{name.upper()}",
            )
    if settings.dead_after_failures < 1:
        raise ConfigError(
            "dead_after_failures must be at least 1", hint="set CLAIMLEDGER_DEAD_AFTER_FAILURES"
        )


class _Runner:
    """Holds what one worker process shares between rounds: engine, settings, fetch, one DB thread."""

    def __init__(
        self,
        engine: Engine,
        settings: Settings,
        owner: str,
        fetch: FetchFn,
        store: StoreFn,
        verify: VerifyFn,
        progress: ProgressFn | None,
    ) -> None:
        self.engine, self.settings, self.owner = engine, settings, owner
        self.fetch, self.store, self.verify, self.progress = fetch, store, verify, progress
        _check_settings(settings)
        self.db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recheck-db")
        self.knobs = PolicyKnobs.from_settings(settings)

    async def _in_db(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.db, fn, *args)

    async def _fetch_one(self, claimed: ClaimedSource, limit: asyncio.Semaphore) -> FetchResult:
        async with limit:
            try:
                return await self.fetch(claimed.url, etag=claimed.etag, last_modified=claimed.last_modified)
            except Exception as exc:  # a fetcher bug must not stall the round: count it as a failure
                log.exception("fetch of %s raised", claimed.url)
                return FetchResult(
                    url=claimed.url, outcome="failed", error=f"{exc.__class__.__name__}: {exc}"
                )

    async def round(
        self,
        *,
        mode: Mode,
        source_ids: Sequence[int] | None,
        since: dt.datetime | None,
    ) -> RoundSummary:
        """One batch. A scheduled round (``due``) takes at most what each host's window shared by
        all workers still allows (``per_host_per_round`` per ``per_host_window_seconds``); the rest
        waits for a later window. A round by hand caps each batch and records its takes."""
        started = time.perf_counter()
        out = RoundSummary(owner=self.owner, rounds=1)
        s = self.settings
        host_cap = HostWindowCap(s.per_host_per_round, s.per_host_window_seconds, enforce=mode == "due")
        batch = await self._in_db(
            lambda: claim_sources(
                self.engine,
                self.owner,
                limit=s.round_size,
                lease_seconds=s.lease_seconds,
                select_ids=lambda rows: cap_per_host(rows, s.per_host_per_round, s.round_size),
                due_only=mode == "due",
                checked_before=since if mode != "due" else None,
                source_ids=source_ids,
                host_cap=host_cap,
            )
        )
        out.claimed = len(batch)
        if not batch:
            out.rounds = 0
            return out
        limit = asyncio.Semaphore(max(1, s.fetch_concurrency))
        pending: list[int] = []
        fresh: set[int] = set()  # sources with a new snapshot (reviewed claims get flagged)
        done: asyncio.Queue[Item] = asyncio.Queue()

        async def fetch(claimed: ClaimedSource) -> None:
            result = await self._fetch_one(claimed, limit) if claimed.due else None
            if result is not None:  # parse a new body here, never inside the write transaction
                await asyncio.to_thread(_prepare_page, result, claimed.content_hash)
            done.put_nowait((claimed, result))

        tasks = [asyncio.create_task(fetch(c)) for c in batch]
        held = {c.id for c in batch}  # leases this round still needs
        tasks.append(asyncio.create_task(self._keep_leases(held)))
        written = 0
        # fetches that got no answer at all wait until every fetch is in: if most hosts gave none,
        # the network (not the sources) is down and nothing is counted against them
        no_answer: list[Item] = []
        answered_hosts: set[str | None] = set()

        async def write(items: list[Item]) -> None:
            for applied in await self._in_db(_apply, self.engine, self.owner, items, self.store, self.knobs):
                self._count(out, applied)
                if applied.pending:
                    pending.append(applied.source_id)
                    if applied.action in ("new_snapshot", "pending_only"):  # pending_only: unknown
                        fresh.add(applied.source_id)
                else:
                    held.discard(applied.source_id)

        try:
            while written < len(batch):  # write whatever finished while the last write ran
                items = [await done.get()]
                while not done.empty() and len(items) < WRITE_BATCH:
                    items.append(done.get_nowait())
                written += len(items)
                no_answer.extend(i for i in items if i[1] is not None and i[1].transient)
                items = [i for i in items if i[1] is None or not i[1].transient]
                answered_hosts.update(c.host for c, r in items if r is not None)
                if items:
                    await write(items)
                if self.progress:
                    self.progress(len(items))
            silent_hosts = {c.host for c, _ in no_answer} - answered_hosts
            if no_answer and network_looks_down(
                len(silent_hosts), len(silent_hosts | answered_hosts), s.breaker_min_hosts, s.breaker_ratio
            ):
                ids = [c.id for c, _ in no_answer]
                await self._in_db(release_sources, self.engine, self.owner, ids)
                held.difference_update(ids)
                out.breaker, out.held_back = 1, len(ids)
                msg = (
                    f"network looks down: {len(silent_hosts)} of {len(silent_hosts | answered_hosts)} hosts "
                    f"gave no answer; round stopped, {len(ids)} checks not counted against their sources"
                )
                out.messages.append(msg)
                log.warning("re-check breaker: %s", msg)
            else:
                for start in range(0, len(no_answer), WRITE_BATCH):
                    await write(no_answer[start : start + WRITE_BATCH])
                if self.progress and no_answer:
                    self.progress(len(no_answer))
            settled = await self._in_db(_settle, self.engine, s, self.owner, pending, fresh, self.verify)
        finally:
            for task in tasks:
                task.cancel()
        out.add(settled)
        out.seconds = time.perf_counter() - started
        return out

    async def _keep_leases(self, held: set[int]) -> None:
        """Renew this round's leases every third of their length, so a slow round (many pages
        of one host, a long verification) does not lose its sources to another worker."""
        every = max(0.5, self.settings.lease_seconds / 3)
        while True:
            await asyncio.sleep(every)
            if held:
                ids = list(held)
                await asyncio.to_thread(
                    renew_leases, self.engine, self.owner, ids, self.settings.lease_seconds
                )

    @staticmethod
    def _count(out: RoundSummary, applied: Applied) -> None:
        if applied.action in ("lost", "error"):
            out.lost_lease += applied.action == "lost"
            out.errors += applied.action == "error"
            return
        if applied.action != "pending_only":
            out.fetched += 1
        out.new_snapshots += applied.action == "new_snapshot"
        out.changed += applied.changed
        out.unchanged += applied.action in ("unchanged", "not_modified")
        out.failed += applied.action == "failed"

    def close(self) -> None:
        self.db.shutdown(wait=True)


@contextlib.asynccontextmanager
async def _runner(
    engine: Engine,
    settings: Settings,
    *,
    owner: str | None,
    fetch: FetchFn | None,
    store: StoreFn | None,
    verify: VerifyFn | None,
    progress: ProgressFn | None,
) -> AsyncIterator[_Runner]:
    verify_fn = verify or _real_verify()
    store_fn = store or _real_store(settings)
    async with contextlib.AsyncExitStack() as stack:
        fetch_fn = fetch if fetch is not None else await stack.enter_async_context(_real_fetch(settings))
        runner = _Runner(engine, settings, owner or worker_id(), fetch_fn, store_fn, verify_fn, progress)
        try:
            yield runner
        finally:
            runner.close()


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion, also when called from inside a running event loop (the API)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="recheck-round")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def run_round(
    engine: Engine,
    settings: Settings,
    *,
    owner: str | None = None,
    mode: Mode = "due",
    source_ids: Sequence[int] | None = None,
    fetch: FetchFn | None = None,
    store: StoreFn | None = None,
    verify: VerifyFn | None = None,
    progress: ProgressFn | None = None,
) -> RoundSummary:
    """One batch (at most ``round_size`` sources, and what the per-host cap allows)."""

    async def go() -> RoundSummary:
        async with _runner(
            engine, settings, owner=owner, fetch=fetch, store=store, verify=verify, progress=progress
        ) as runner:
            since = utcnow() if mode != "due" else None
            return await runner.round(mode=mode, source_ids=source_ids, since=since)

    return _run(go())


def run_until_idle(
    engine: Engine,
    settings: Settings,
    *,
    owner: str | None = None,
    mode: Mode = "due",
    source_ids: Sequence[int] | None = None,
    fetch: FetchFn | None = None,
    store: StoreFn | None = None,
    verify: VerifyFn | None = None,
    progress: ProgressFn | None = None,
    max_rounds: int | None = None,
    deliver_webhooks: bool = True,
) -> RoundSummary:
    """Rounds until nothing is left to take: every due source (``due``), every checkable source
    not checked since the start (``all``), or the given ``source_ids`` (``ids``)."""

    async def go() -> RoundSummary:
        total = RoundSummary(started_at=time.time())
        since = utcnow()
        async with _runner(
            engine, settings, owner=owner, fetch=fetch, store=store, verify=verify, progress=progress
        ) as runner:
            total.owner = runner.owner
            while max_rounds is None or total.rounds < max_rounds:
                one = await runner.round(mode=mode, source_ids=source_ids, since=since)
                total.add(one)
                if one.claimed == 0 or one.errors + one.lost_lease == one.claimed or one.breaker:
                    break  # nothing left, no progress possible now (leases will expire), or no network
        total.seconds = time.perf_counter() - started
        total.finished_at = time.time()
        return total

    started = time.perf_counter()
    summary = _run(go())
    if deliver_webhooks and settings.webhook_url:
        deliver_webhooks_now(engine, settings)
    return summary


def deliver_webhooks_now(engine: Engine, settings: Settings) -> Any:
    """Send due webhook events (outside any transaction)."""
    from verifier.schedule.webhook import deliver_pending

    if not settings.webhook_url:
        return None
    return deliver_pending(
        engine,
        settings.webhook_url,
        max_attempts=settings.webhook_max_attempts,
        backoff_seconds=settings.backoff_base,
        timeout=settings.total_timeout,
    )


# --- entry points for the API, serve and worker ---------------------------------------------------


def recheck_sources(engine: Engine, settings: Settings, source_ids: Sequence[int], **kw: Any) -> RoundSummary:
    """Check the given sources now, whether due or not (the API's "re-check this source")."""
    return run_until_idle(engine, settings, mode="ids", source_ids=list(source_ids), **kw)


def scheduled_job(engine: Engine, settings: Settings, owner: str) -> RoundSummary:
    """What the APScheduler job runs: drain the due sources, deliver webhooks, never raise."""
    try:
        summary = run_until_idle(engine, settings, owner=owner, mode="due")
    except Exception:
        log.exception("re-check round failed")
        return RoundSummary(owner=owner)
    # one INFO line per round, also an empty one: sources (claimed), changed, failed, breaker
    log.info("re-check: %s", json.dumps(summary.as_dict()))
    return summary


def start_in_process(settings: Settings, engine: Engine) -> Any:
    """Start a background APScheduler that runs a round every ``scheduler_interval_seconds``.

    Returns the started scheduler (call ``.shutdown()`` on exit). The schedule itself is in the
    ledger (``Source.next_check_at``), so any number of processes can run this side by side.
    """
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=dt.UTC)
    add_recheck_job(scheduler, settings, engine, owner=worker_id())
    scheduler.start()
    return scheduler


def add_recheck_job(scheduler: Any, settings: Settings, engine: Engine, *, owner: str) -> None:
    scheduler.add_job(
        scheduled_job,
        "interval",
        seconds=max(1, int(settings.scheduler_interval_seconds)),
        args=[engine, settings, owner],
        id="claimledger-recheck",
        max_instances=1,
        coalesce=True,
        next_run_time=utcnow(),
        replace_existing=True,
    )
