"""Fetching under attack: the SSRF guard, URLs the client cannot parse, slow and stalling servers,
IPv6 robots URLs, blocked sources re-checked (issue 11, items 11, 12 and 13)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import time

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.db import session_scope
from storage.leases import claim_sources
from storage.models import Source
from tests.recheck.support import add_sources
from tests.support.servers import LocalServer, Reply
from verifier.fetch import Fetcher
from verifier.fetch.guard import forbidden_reason
from verifier.fetch.result import FetchResult
from verifier.settings import Settings
from verifier.snapshots import store_fetch

NON_GLOBAL = [
    "fec0::1", "fec0:1234::5", "127.0.0.1", "10.1.2.3", "169.254.1.1", "100.64.0.1", "192.0.0.8",
    "198.18.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "2001:db8::1", "::ffff:127.0.0.1",
    "2002:7f00:1::", "64:ff9b::a00:1", "0.0.0.0", "255.255.255.255", "ff02::1",
]


@pytest.mark.parametrize("addr", NON_GLOBAL)
def test_every_non_global_address_is_refused(addr: str) -> None:
    assert forbidden_reason(ipaddress.ip_address(addr)) is not None


def test_public_addresses_pass() -> None:
    for addr in ("93.184.216.34", "2606:4700::1111", "1.1.1.1"):
        assert forbidden_reason(ipaddress.ip_address(addr)) is None


HOSTILE = [
    "http://0177.0.0.1/", "http://１２７.０.０.１/", "http://0x7f.1/", "http://[fec0::1]/",
    "http://[::1/", "http://\x00/", "http://xn--/", "http://.../", "http://" + "a" * 300 + ".com/",
    "http://example.com:８０/", "http://[fe80::1%25eth0]/", "", "javascript:alert(1)", "http://a b/",
    "http://[::ffff:127.0.0.1]/", "https://user:pw@example.com/", "http://%00/", "http:////x",
]


def test_fetch_returns_a_result_for_every_url_string() -> None:
    async def run() -> list[FetchResult]:
        s = Settings(respect_robots=False, max_retries=0, connect_timeout=0.5, total_timeout=1.0)
        async with Fetcher(s) as f:
            return [await f.fetch(u) for u in HOSTILE]

    results = asyncio.run(run())
    assert all(isinstance(r, FetchResult) for r in results)
    by_url = dict(zip(HOSTILE, results, strict=True))
    for url in ("http://0177.0.0.1/", "http://１２７.０.０.１/", "http://[fec0::1]/", "http://[::1/"):
        assert by_url[url].outcome == "blocked", (url, by_url[url])


def test_total_timeout_covers_retries_and_retry_after() -> None:
    routes = {
        "/busy": lambda req: Reply(503, b"later", headers={"Retry-After": "2"}),
        "/slow": lambda req: Reply(body=b"<p>x</p>", delay=1.5),
    }
    with LocalServer(routes) as srv:

        async def run(path: str) -> tuple[FetchResult, float]:
            s = Settings(
                allow_private_addresses=True, respect_robots=False, max_retries=10, backoff_base=0.1,
                total_timeout=1.0, read_timeout=5.0,
            )
            async with Fetcher(s) as f:
                t = time.monotonic()
                r = await f.fetch(srv.url(path))
                return r, time.monotonic() - t

        for path in ("/busy", "/slow"):
            result, took = asyncio.run(run(path))
            assert result.outcome == "failed" and took < 2.0, (path, took, result.error)


def test_ipv6_literal_robots_url_keeps_its_brackets() -> None:
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(200, stream=httpx.ByteStream(b"<p>ok</p>"), headers={"content-type": "text/html"})

    async def run() -> FetchResult:
        s = Settings(respect_robots=True, max_retries=0)
        async with Fetcher(s, transport=httpx.MockTransport(handler)) as f:
            return await f.fetch("http://[2001:db8::5]/page")

    assert asyncio.run(run()).outcome == "ok"
    assert asked == ["http://[2001:db8::5]/robots.txt", "http://[2001:db8::5]/page"]


def test_blocked_and_unsupported_sources_are_rechecked_on_the_slow_schedule(engine: Engine) -> None:
    settings = Settings(recheck_max_hours=24 * 14)
    blocked, unsupported = add_sources(engine, ["https://example.org/a", "https://example.org/b"])
    now = dt.datetime.now(dt.UTC)
    with session_scope(engine) as s:
        for sid, outcome in ((blocked, "blocked"), (unsupported, "unsupported")):
            src = s.get(Source, sid)
            assert src is not None
            store_fetch(s, src, FetchResult(src.url, outcome, error="x", fetched_at=now), settings=settings)  # type: ignore[arg-type]
    with Session(engine) as s:
        for sid in (blocked, unsupported):
            src = s.get(Source, sid)
            assert src is not None and src.next_check_at is not None
            due = src.next_check_at if src.next_check_at.tzinfo else src.next_check_at.replace(tzinfo=dt.UTC)
            assert dt.timedelta(days=13) < due - now <= dt.timedelta(days=14, minutes=1)
    later = now + dt.timedelta(days=15)
    taken = claim_sources(engine, "w", limit=10, lease_seconds=60, now=later)
    assert {c.id for c in taken} == {blocked, unsupported}
