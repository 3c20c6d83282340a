"""HTML parsing is bounded and never runs inside the write transaction (issue 11, item 6)."""

from __future__ import annotations

import time

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.models import Source
from tests.recheck.support import FakeVerify, add_claim, add_sources
from tests.support.servers import LocalServer, Reply
from verifier.fetch.result import FetchResult
from verifier.schedule.rounds import run_until_idle
from verifier.settings import Settings
from verifier.snapshots import MAX_PASSAGES, page_of, store_fetch


def test_a_million_paragraphs_is_parsed_bounded() -> None:
    body = b"<html><body>" + b"<p>a</p>" * 1_000_000 + b"</body></html>"
    res = FetchResult("https://example.org/", "ok", body=body, content_type="text/html")
    t = time.monotonic()
    page = page_of(res)
    took = time.monotonic() - t
    assert len(page.passages) <= MAX_PASSAGES
    assert took < 30, took  # was 94 s and 1.5 GB before the tag cap


def test_rounds_parse_before_the_write_transaction(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """store_fetch gets a result whose page is already parsed: the write lock never waits on it."""
    import verifier.snapshots as snapshots

    seen: list[bool] = []
    real = snapshots.store_fetch

    def spy(session, source, result, *a, **kw):  # type: ignore[no-untyped-def]
        if result.outcome == "ok":
            seen.append(result.page is not None)
        return real(session, source, result, *a, **kw)

    monkeypatch.setattr(snapshots, "store_fetch", spy)
    settings = Settings(allow_private_addresses=True, respect_robots=False, per_host_per_round=1000)
    with LocalServer({f"/p{i}": (lambda req: Reply(body=b"<p>The company raised 5 million.</p>")) for i in range(5)}) as srv:
        for sid in add_sources(engine, [srv.url(f"/p{i}") for i in range(5)]):
            add_claim(engine, [sid], "5 million")
        run_until_idle(engine, settings, verify=FakeVerify())  # type: ignore[arg-type]
    assert seen == [True] * 5


def test_store_fetch_still_parses_when_nobody_did(engine: Engine) -> None:
    (sid,) = add_sources(engine, ["https://example.org/x"])
    with session_scope(engine) as s:
        src = s.get(Source, sid)
        res = FetchResult(src.url, "ok", body=b"<p>hello world</p>", content_type="text/html")  # type: ignore[union-attr]
        out = store_fetch(s, src, res)  # type: ignore[arg-type]
    assert out.action == "new_snapshot"

