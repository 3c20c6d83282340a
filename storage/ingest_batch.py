"""Ingest many reports: parse and extract a batch of them, then write the batch in one transaction.

Each report stays all-or-nothing: it is written under a savepoint of its own, so a report that
fails — unreadable, over the claim cap, or refused by the database — is rolled back alone and
reported (an :class:`IngestFailure`) while the others of its batch are committed. As in
``ingest_report``, parsing and extraction run before the write transaction opens (in this process,
the write lock is never held while text is read), the same text under the same name is a no-op, and
a report's claims are spooled in bounded memory, made ready to be written where they are extracted
(``storage.ingest.ClaimBatch``: row values, group members and keys). What a batch saves is the per-report commit, the verdict-count
compaction (once per batch) and the grouping candidates read again and again (a
:class:`~storage.groups.MemberCache` kept for the whole run; on SQLite also what the batch's
transaction read of the grouping index and of group ids, kept up to date with what it writes).

Pipelined (``workers`` ≥ 1, where the platform can fork): the next reports are parsed and extracted
in worker processes (``storage.readahead``) while this process writes the previous ones, at most
``AHEAD_REPORTS`` reports (and ``AHEAD_BYTES`` of text) ahead. A report is written as soon as its
worker hands it over, in its batch's transaction (opened at the batch's first report to write and
held while the worker reads the rest of the batch, so the writer never waits for a whole batch to be
read); between writes the run reads the ledger in that transaction. Everything that touches the
ledger stays here and happens in the same order as without workers — the "same text" check against
the ledger, the batches, their order and boundaries — so the ledger written is the same, row for row
and id for id. A worker only reads: it parses a text, compares its hash with what the ledger held
when the text was sent (to skip extracting a text that is most likely stored already) and extracts
its claims, spilling those past the first ``INSERT_CHUNK`` to a file in a folder of this run.
A worker that dies ends the run with an :class:`IngestWorkerError` naming the report it was reading,
after the reports before it are written; Ctrl-C stops and reaps the workers.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
import tempfile
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Literal

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import ClaimledgerError
from claims.extract import iter_claims
from claims.model import ParsedReport
from claims.report import parse_report
from storage.counts import compact_counts
from storage.db import is_sqlite, session_scope
from storage.groups import MemberCache
from storage.ingest import (
    MAX_REPORT_CLAIMS,
    ClaimSpool,
    IngestResult,
    SpoolParts,
    content_hash,
    ingest_parsed,
    latest_hash,
    unchanged,
    unchanged_text,
)
from storage.readahead import ReadAhead, WorkerDied, can_fork, describe_exit

__all__ = [
    "IngestFailure",
    "IngestWorkerError",
    "ingest_reports",
    "BATCH_REPORTS",
    "BATCH_CLAIMS",
    "DEFAULT_WORKERS",
]

log = logging.getLogger(__name__)

BATCH_REPORTS = 32  # reports written per transaction at most
BATCH_CLAIMS = 20_000  # and claims: a batch ends once its reports hold this many
DEFAULT_WORKERS = 1  # default of Settings.ingest_workers
AHEAD_REPORTS = BATCH_REPORTS  # reports read ahead of the writes at most (a batch's worth: the next one)
AHEAD_BYTES = 50_000_000  # and their texts' size (at least one report is always in flight)
# SQLite's page cache for the connection writing the batches (its default is 2 MB): the grouping
# index's and the conflicts' indexes are written at random places, and at 1,000 reports (a 340 MB
# ledger) re-reading their pages from the file cost a tenth of the writing process's CPU. A setting of
# that connection only, not of the ledger; it keeps it while pooled.
BATCH_CACHE_KIB = 65_536
_BATCH_CACHE = f"PRAGMA cache_size=-{BATCH_CACHE_KIB}"


@dataclass(frozen=True)
class IngestFailure:
    """A report that was not ingested (nothing of it was written), and why."""

    name: str
    message: str
    hint: str = ""


class IngestWorkerError(ClaimledgerError):
    """A worker process reading reports ahead ended abruptly (killed, out of memory, crashed)."""


Doc = tuple[str, str | Callable[[], str]]  # a name and its text, or a function reading it


@dataclass
class _Pending:
    name: str
    parsed: ParsedReport | None = None
    spool: ClaimSpool | None = None
    outcome: IngestResult | IngestFailure | None = None


Prepare = Callable[[list["_Pending"]], "_Pending"]  # a report made ready at its place in the run


def ingest_reports(
    engine: Engine,
    docs: Iterable[Doc],
    *,
    max_claims: int | None = MAX_REPORT_CLAIMS,
    workers: int = DEFAULT_WORKERS,
) -> Iterator[IngestResult | IngestFailure]:
    """Ingest ``docs`` in batches (see module docstring); yields one outcome per document, in order,
    as each batch is committed. A text given as a function is read when its batch is prepared, or
    with workers up to ``AHEAD_REPORTS`` reports before (a :class:`~claims.errors.ClaimledgerError`
    it raises is that report's failure). ``workers``:
    processes parsing and extracting ahead of the writes; 0 (or a platform without ``fork``, a single
    CPU, or a single document): all in this process."""
    if (isinstance(docs, Sized) and len(docs) < 2) or _cpus() < 2:
        workers = 0  # nothing to overlap, or no second CPU to overlap it on
    ledger = _Ledger(engine)
    if workers > 0 and can_fork():
        with _read_ahead(ledger, docs, max_claims, workers) as (prepares, pipelined):
            yield from _batches(ledger, prepares, eager=pipelined)
    else:
        yield from _batches(ledger, _in_process(ledger, docs, max_claims))


def _cpus() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


class _Ledger:
    """The ledger a run writes, and how the run reads it between writes (``reading``): in the
    transaction of the batch being written when one is open (``session``: with eager writes the next
    reports are made ready while it is; another connection would wait for its write lock on SQLite,
    and for the names the batch has not written it reads what another connection would), else in a
    session of its own."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session: Session | None = None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        if self.session is not None:
            yield self.session
            return
        with Session(self.engine) as session:
            yield session


def _batches(
    ledger: _Ledger, prepares: Iterable[Prepare], *, eager: bool = False
) -> Iterator[IngestResult | IngestFailure]:
    """The reports made ready by ``prepares``, written in batches; the outcomes of a batch are yielded
    once it is committed. ``eager`` (the reports are read in worker processes): a report is written as
    soon as it is ready, in its batch's transaction, so that writing never waits for a whole batch to
    be read (the first one, above all); else the batch is read first and the transaction opened after
    (the write lock is never held while this process reads a text)."""
    cache = MemberCache()
    writer = _Batch(ledger, cache)
    claims = 0
    collector = _Collector()
    try:
        for prepare in prepares:
            try:
                item = prepare(writer.items)
            except IngestWorkerError:
                if writer.items:  # what was read before the worker ended goes in
                    outcomes = writer.commit()
                    with collector.running():
                        yield from outcomes
                raise
            writer.add(item, write=eager)
            claims += item.spool.count if item.spool is not None else 0
            if len(writer.items) >= BATCH_REPORTS or claims >= BATCH_CLAIMS:
                outcomes = writer.commit()
                with collector.running():
                    yield from outcomes
                claims = 0
        if writer.items:
            outcomes = writer.commit()
            with collector.running():
                yield from outcomes
    finally:
        writer.abort()
        collector.restore()


def _in_process(ledger: _Ledger, docs: Iterable[Doc], max_claims: int | None) -> Iterator[Prepare]:
    for name, text in docs:
        yield partial(_prepare, ledger, name, text, max_claims)


# -- pipelined: parse and extract in worker processes ----------------------------------------------


@dataclass(frozen=True)
class _Task:
    """What a worker is given: a report's name and text, the hash of the text the ledger held under
    that name when it was sent (None: none), the claim cap and the folder for spilled claims."""

    name: str
    text: str
    stored_hash: str | None
    max_claims: int | None
    spill_dir: str


@dataclass(frozen=True)
class _Read:
    """What a worker gives back. ``failed``: where reading stopped ("parse": the text cannot be
    read, whatever the ledger holds; "extract": its claims cannot be, which matters only if the
    text is not stored already), with the failure and, for an unexpected error, its traceback.
    ``skipped``: the hash was the stored one, nothing was extracted."""

    sha: str | None = None
    parsed: ParsedReport | None = None
    spool: SpoolParts | None = None
    skipped: bool = False
    failed: Literal["parse", "extract"] | None = None
    failure: IngestFailure | None = None
    trace: str | None = None


def _read_one(task: _Task) -> _Read:
    """In a worker: parse and extract one report (as ``_prepare`` does, the ledger aside)."""
    with _collector_paused():
        stage: Literal["parse", "extract"] = "parse"
        sha = None
        try:
            parsed = parse_report(task.text, task.name)
            sha = content_hash(parsed.text)
            if sha == task.stored_hash:
                return _Read(sha=sha, skipped=True)
            stage = "extract"
            spool = ClaimSpool(
                iter_claims(parsed), task.name, task.max_claims, date=parsed.date, spill_dir=task.spill_dir
            )
            return _Read(sha=sha, parsed=parsed, spool=spool.detach())
        except ClaimledgerError as exc:
            return _Read(sha=sha, failed=stage, failure=IngestFailure(task.name, exc.message, exc.hint))
        except Exception as exc:  # noqa: BLE001 - one unreadable report must not stop the others
            return _Read(sha=sha, failed=stage, failure=_unexpected(task.name, exc), trace=traceback.format_exc())


@contextmanager
def _read_ahead(
    ledger: _Ledger, docs: Iterable[Doc], max_claims: int | None, workers: int
) -> Iterator[tuple[Iterator[Prepare], bool]]:
    """The reports made ready by ``workers`` processes, read ahead (see module docstring), and
    whether they are (False: no process could be had, they are read in this one); the workers are
    stopped and reaped on the way out, at once if the run did not finish."""
    with tempfile.TemporaryDirectory(prefix="claimledger-ingest-", ignore_cleanup_errors=True) as spill_dir:
        try:
            # a worker outliving this process (kill -9) removes the folder this process cannot
            orphaned = partial(shutil.rmtree, spill_dir, ignore_errors=True)
            pool: ReadAhead[_Task, _Read] = ReadAhead(_read_one, workers, orphaned=orphaned)
        except OSError as exc:  # no process to be had (EAGAIN, ENOMEM): the run goes on without
            log.warning("no worker process (%s); reading the reports in this process", exc)
            yield _in_process(ledger, docs, max_claims), False
            return
        with pool:  # stopped before the folder goes
            yield _ahead(ledger, iter(docs), max_claims, spill_dir, pool), True


def _ahead(
    ledger: _Ledger, docs: Iterator[Doc], max_claims: int | None, spill_dir: str, pool: ReadAhead[_Task, _Read]
) -> Iterator[Prepare]:
    # in flight, in order: a report sent to a worker (its text kept, for the rare case in _adopt, and
    # its number in the pool), or one whose text could not be read (its failure)
    ahead: deque[tuple[str, str | IngestFailure, int]] = deque()
    size = 0  # of the texts in flight
    sent = 0

    def fill() -> None:
        nonlocal size, sent
        while len(ahead) < AHEAD_REPORTS and (not ahead or size < AHEAD_BYTES):
            doc = next(docs, None)
            if doc is None:
                return
            name, text = doc
            try:
                body = text if isinstance(text, str) else text()
            except ClaimledgerError as exc:
                ahead.append((name, IngestFailure(name, exc.message, exc.hint), -1))
                continue
            except Exception as exc:  # noqa: BLE001 - one unreadable report must not stop the others
                log.exception("%s: not ingested", name)
                ahead.append((name, _unexpected(name, exc), -1))
                continue
            with ledger.reading() as session:
                stored = latest_hash(session, name)
            pool.submit(_Task(name, body, stored, max_claims, spill_dir))
            ahead.append((name, body, sent))
            sent += 1
            size += len(body)

    def died(exc: WorkerDied, name: str) -> IngestWorkerError:
        reading = name if exc.working_on == exc.seq else next((n for n, _b, s in ahead if s == exc.working_on), None)
        how = f"the worker process reading reports ahead ended ({describe_exit(exc.exitcode)})"
        if reading == name:
            message = f"{name}: {how} while reading it; it and the reports after it were not ingested"
        else:
            how += f" while reading {reading}" if reading else ""
            message = f"{how}; the reports from {name} on were not ingested"
        return IngestWorkerError(
            message + ", the ones before are in the ledger",
            hint="ingest them again (the reports already in are a no-op); with CLAIMLEDGER_INGEST_WORKERS=0 "
            "they are read in the ingest process itself",
        )

    fill()
    while ahead:
        name, body, _seq = ahead.popleft()
        if not isinstance(body, IngestFailure):
            size -= len(body)
        fill()  # now: the worker has the next ones while this one (maybe the last of a batch) is written
        if isinstance(body, IngestFailure):
            yield partial(_unread, body)
        else:
            yield partial(_receive, ledger, pool, died, name, body, max_claims)


def _unexpected(name: str, exc: Exception) -> IngestFailure:
    """The failure of a report an unexpected error stopped (one unreadable report must not stop the others)."""
    return IngestFailure(name, f"{name}: not ingested ({type(exc).__name__}: {exc})")


def _unread(failure: IngestFailure, batch: list[_Pending]) -> _Pending:
    return _Pending(failure.name, outcome=failure)


def _receive(
    ledger: _Ledger,
    pool: ReadAhead[_Task, _Read],
    died: Callable[[WorkerDied, str], IngestWorkerError],
    name: str,
    body: str,
    max_claims: int | None,
    batch: list[_Pending],
) -> _Pending:
    """The worker's read of the next report, made ready as ``_prepare`` would have at this point."""
    try:
        read = pool.result()
    except WorkerDied as exc:
        raise died(exc, name) from exc
    return _adopt(ledger, name, body, read, max_claims, batch)


def _adopt(
    ledger: _Ledger, name: str, body: str, read: _Read, max_claims: int | None, batch: list[_Pending]
) -> _Pending:
    item = _Pending(name)
    if read.failed == "parse":
        return _failed(item, read)
    assert read.sha is not None
    if not any(p.name == name for p in batch):  # as _prepare: the ledger as it is now
        with ledger.reading() as session:
            same = unchanged_text(session, name, read.sha)
        if same is not None:
            if read.spool is not None:
                read.spool.discard()
            item.outcome = same
            return item
    if read.skipped:  # stored when the worker looked, not any more (this run wrote the name since)
        return _prepare(ledger, name, body, max_claims, batch)
    if read.failed is not None:
        return _failed(item, read)
    assert read.parsed is not None and read.spool is not None
    item.parsed = read.parsed
    item.spool = ClaimSpool.adopt(read.spool)
    return item


def _failed(item: _Pending, read: _Read) -> _Pending:
    if read.trace is not None:
        log.error("%s: not ingested\n%s", item.name, read.trace.rstrip())
    item.outcome = read.failure
    return item


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a worker reads a report, back as it was after (see
    ``_Collector``)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Collector:
    """Python's cycle collector paused while a run reads and writes a batch, running again (as it was)
    while the batch's outcomes are handed out, and when the run ends (``restore``).

    What a batch allocates is freed by reference counting as it goes (claims, rows, members: no
    cycles to speak of), but the collector's passes walk every object that survived since the last
    one — a full pass, the member cache of tens of thousands of claims among them — and cost a tenth
    of a batch ingest when they came between reports. The cycles a batch may leave are collected
    once per batch."""

    def __init__(self) -> None:
        self.was_enabled = gc.isenabled()
        gc.disable()

    @contextmanager
    def running(self) -> Iterator[None]:
        if self.was_enabled:
            gc.enable()
        try:
            yield
        finally:
            gc.disable()

    def restore(self) -> None:
        if self.was_enabled:
            gc.enable()


def _prepare(
    ledger: _Ledger, name: str, text: str | Callable[[], str], max_claims: int | None, batch: list[_Pending]
) -> _Pending:
    """Read, parse and extract one document, outside any transaction."""
    item = _Pending(name)
    try:
        body = text if isinstance(text, str) else text()
        parsed = parse_report(body, name)
        item.parsed = parsed
        # the same text again: a no-op, without extracting anything; when the batch writes the same
        # name before it, the ledger cannot tell yet (the write checks again)
        if not any(p.name == name for p in batch):
            with ledger.reading() as session:
                same = unchanged(session, parsed)
            if same is not None:
                item.outcome = same
                return item
        item.spool = ClaimSpool(iter_claims(parsed), name, max_claims, date=parsed.date)
    except ClaimledgerError as exc:
        item.outcome = IngestFailure(name, exc.message, exc.hint)
    except Exception as exc:  # noqa: BLE001 - one unreadable report must not stop the others
        log.exception("%s: not ingested", name)
        item.outcome = _unexpected(name, exc)
    return item


class _Batch:
    """The reports of one batch and its transaction: opened at the first report to be written, a
    savepoint per report (``add``), committed by ``commit``, which hands back the outcomes. An error
    other than one report's rolls the whole batch back, as ``abort`` does."""

    def __init__(self, ledger: _Ledger, cache: MemberCache) -> None:
        self.ledger, self.cache = ledger, cache
        self.items: list[_Pending] = []
        self._written = 0  # the first items, written already
        self._open: ExitStack | None = None
        self._session: Session | None = None

    def add(self, item: _Pending, *, write: bool) -> None:
        """The next report of the batch; ``write``: write it now (else at ``commit``)."""
        self.items.append(item)
        if write:
            self._write_pending()

    def commit(self) -> list[IngestResult | IngestFailure]:
        """Write what is left of the batch, commit it, and start the next one; the batch's outcomes."""
        self._write_pending()
        if self.items:  # a transaction even when nothing was new: the counts are compacted
            try:
                compact_counts(self._begin())
            except BaseException:
                self.abort()
                raise
            self._close(None)
        outcomes = []
        for item in self.items:
            assert item.outcome is not None
            outcomes.append(item.outcome)
        self.items, self._written = [], 0
        return outcomes

    def abort(self) -> None:
        """Roll back what the batch wrote (nothing, once committed) and drop it."""
        if self._open is not None:
            self._close(sys.exc_info()[1] or RuntimeError("batch abandoned"))
        for item in self.items:
            if item.spool is not None:
                item.spool.close()
        self.items, self._written = [], 0

    def _close(self, error: BaseException | None) -> None:
        stack, self._open, self._session = self._open, None, None
        self.ledger.session = None
        assert stack is not None
        committed = False
        try:
            if error is None:
                stack.close()  # commits
                committed = True
            else:
                self.cache.clear()  # what it read of this batch's claims is rolled back with them
                stack.__exit__(type(error), error, error.__traceback__)  # rolls back
        except BaseException:
            self.cache.clear()
            raise
        finally:
            self.cache.end(committed=committed)  # what the batch read of the index serves the next

    def _write_pending(self) -> None:
        while self._written < len(self.items):
            item = self.items[self._written]
            self._written += 1
            if item.outcome is not None or item.parsed is None or item.spool is None:
                continue
            try:
                self._write_one(self._begin(), item)
            except BaseException:
                self.abort()
                raise

    def _begin(self) -> Session:
        if self._session is None:
            stack = ExitStack()
            try:
                self._session = stack.enter_context(session_scope(self.ledger.engine))
                if is_sqlite(self.ledger.engine):
                    self._session.connection().exec_driver_sql(_BATCH_CACHE)
                self.cache.begin(self._session)
                self.ledger.session = self._session
            except BaseException:
                stack.close()
                self._session = None
                raise
            self._open = stack
        return self._session

    def _write_one(self, session: Session, item: _Pending) -> None:
        """One report under a savepoint of its own: rolled back alone if it fails."""
        assert item.parsed is not None and item.spool is not None
        try:
            with session.begin_nested():
                item.outcome = ingest_parsed(session, item.parsed, item.spool, cache=self.cache, compact=False)
            self.cache.keep()
        except Exception as exc:  # noqa: BLE001 - rolled back alone; the batch goes on
            self.cache.clear()
            log.exception("%s: not ingested", item.name)
            message = exc.message if isinstance(exc, ClaimledgerError) else f"{type(exc).__name__}: {exc}"
            item.outcome = IngestFailure(item.name, f"{item.name}: not ingested ({message})")
        finally:
            item.spool.close()
