"""Ingest many reports: parse and extract a batch of them, then write the batch in one transaction.

Each report stays all-or-nothing: it is written under a savepoint of its own, so a report that
fails — unreadable, over the claim cap, or refused by the database — is rolled back alone and
reported (an :class:`IngestFailure`) while the others of its batch are committed. As in
``ingest_report``, parsing and extraction run before the write transaction opens (the write lock is
never held while text is read), the same text under the same name is a no-op, and a report's claims
are spooled in bounded memory. What a batch saves is the per-report commit, the verdict-count
compaction (once per batch) and the grouping candidates read again and again (a
:class:`~storage.groups.MemberCache` kept for the whole run; on SQLite also what the batch's
transaction read of the grouping index and of group ids, kept up to date with what it writes).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import ClaimledgerError
from claims.extract import iter_claims
from claims.model import ParsedReport
from claims.report import parse_report
from storage.counts import compact_counts
from storage.db import session_scope
from storage.groups import MemberCache
from storage.ingest import MAX_REPORT_CLAIMS, ClaimSpool, IngestResult, ingest_parsed, unchanged

__all__ = ["IngestFailure", "ingest_reports", "BATCH_REPORTS", "BATCH_CLAIMS"]

log = logging.getLogger(__name__)

BATCH_REPORTS = 32  # reports written per transaction at most
BATCH_CLAIMS = 20_000  # and claims: a batch ends once its reports hold this many


@dataclass(frozen=True)
class IngestFailure:
    """A report that was not ingested (nothing of it was written), and why."""

    name: str
    message: str
    hint: str = ""


Doc = tuple[str, str | Callable[[], str]]  # a name and its text, or a function reading it


@dataclass
class _Pending:
    name: str
    parsed: ParsedReport | None = None
    spool: ClaimSpool | None = None
    outcome: IngestResult | IngestFailure | None = None


def ingest_reports(
    engine: Engine, docs: Iterable[Doc], *, max_claims: int | None = MAX_REPORT_CLAIMS
) -> Iterator[IngestResult | IngestFailure]:
    """Ingest ``docs`` in batches (see module docstring); yields one outcome per document, in order,
    as each batch is committed. A text given as a function is read when its batch is prepared (a
    :class:`~claims.errors.ClaimledgerError` it raises is that report's failure)."""
    cache = MemberCache()
    batch: list[_Pending] = []
    claims = 0
    for name, text in docs:
        with _collector_paused():
            item = _prepare(engine, name, text, max_claims, batch)
        batch.append(item)
        claims += item.spool.count if item.spool is not None else 0
        if len(batch) >= BATCH_REPORTS or claims >= BATCH_CLAIMS:
            with _collector_paused():
                outcomes = list(_write(engine, batch, cache))
            yield from outcomes
            batch, claims = [], 0
    if batch:
        with _collector_paused():
            outcomes = list(_write(engine, batch, cache))
        yield from outcomes


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a report is read or a batch written, back as it was after.

    What a batch allocates is freed by reference counting as it goes (claims, rows, members: no
    cycles to speak of), but the collector's full passes walk every object alive — the member cache
    of tens of thousands of claims among them — and cost a tenth of a batch ingest. The cycles a
    batch may leave are collected once the collector runs again, between reports."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _prepare(
    engine: Engine, name: str, text: str | Callable[[], str], max_claims: int | None, batch: list[_Pending]
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
            with Session(engine) as session:
                same = unchanged(session, parsed)
            if same is not None:
                item.outcome = same
                return item
        item.spool = ClaimSpool(iter_claims(parsed), name, max_claims)
    except ClaimledgerError as exc:
        item.outcome = IngestFailure(name, exc.message, exc.hint)
    except Exception as exc:  # noqa: BLE001 - one unreadable report must not stop the others
        log.exception("%s: not ingested", name)
        item.outcome = IngestFailure(name, f"{name}: not ingested ({type(exc).__name__}: {exc})")
    return item


def _write(
    engine: Engine, batch: list[_Pending], cache: MemberCache
) -> Iterator[IngestResult | IngestFailure]:
    """One transaction for the batch, a savepoint per report; yields the outcomes once committed."""
    try:
        with session_scope(engine) as session:
            cache.begin(session)
            for item in batch:
                if item.outcome is not None or item.parsed is None or item.spool is None:
                    continue
                try:
                    with session.begin_nested():
                        item.outcome = ingest_parsed(
                            session, item.parsed, item.spool, cache=cache, compact=False
                        )
                except Exception as exc:  # noqa: BLE001 - rolled back alone; the batch goes on
                    cache.clear()
                    log.exception("%s: not ingested", item.name)
                    message = (
                        exc.message if isinstance(exc, ClaimledgerError) else f"{type(exc).__name__}: {exc}"
                    )
                    item.outcome = IngestFailure(item.name, f"{item.name}: not ingested ({message})")
                finally:
                    item.spool.close()
            compact_counts(session)
    except BaseException:
        cache.clear()  # what it read of this batch's claims was rolled back with them
        raise
    finally:
        cache.end()
        for item in batch:
            if item.spool is not None:
                item.spool.close()
    for item in batch:
        assert item.outcome is not None
        yield item.outcome
