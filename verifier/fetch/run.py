"""Fetch a set of sources and apply each result to the ledger as it arrives.

The network is never used inside a transaction: sources are read in one short session, fetched
concurrently, and each result is stored in its own short transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from storage.db import session_scope
from storage.models import Source
from verifier.fetch.client import Fetcher
from verifier.fetch.result import FetchResult
from verifier.settings import Settings, get_settings
from verifier.snapshots import StoreOutcome, prepare_page, store_fetch

__all__ = ["FetchedSource", "fetch_sources"]


@dataclass(frozen=True)
class FetchedSource:
    source_id: int
    url: str
    result: FetchResult
    stored: StoreOutcome


async def fetch_sources(
    engine: Engine,
    source_ids: Sequence[int],
    *,
    settings: Settings | None = None,
    fetcher: Fetcher | None = None,
    robots: bool | None = None,
    on_done: Callable[[FetchedSource], None] | None = None,
) -> list[FetchedSource]:
    """Fetch the given sources (malformed ones are skipped) conditionally and store the results."""
    settings = settings or get_settings()
    with session_scope(engine) as session:
        sources = session.exec(select(Source).where(col(Source.id).in_(list(source_ids)))).all()
        todo = [
            (s.id, s.url, s.etag, s.last_modified, s.content_hash)
            for s in sources
            if s.state != "malformed" and s.id is not None
        ]
    own = fetcher is None
    f = fetcher or Fetcher(settings, respect_robots=robots)
    done: list[FetchedSource] = []

    async def one(sid: int, url: str, etag: str | None, lm: str | None, known: str | None) -> None:
        result = await f.fetch(url, etag=etag, last_modified=lm, robots=robots)
        # parse before the write transaction opens: the lock is never held across HTML parsing
        await asyncio.to_thread(prepare_page, result, known)
        with session_scope(engine) as session:
            source = session.get(Source, sid)
            assert source is not None
            stored = store_fetch(session, source, result, settings=settings)
        item = FetchedSource(sid, url, result, stored)
        done.append(item)
        if on_done is not None:
            on_done(item)

    try:
        await asyncio.gather(*(one(*t) for t in todo))
    finally:
        if own:
            await f.aclose()
    return done
