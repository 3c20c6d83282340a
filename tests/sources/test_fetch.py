"""The Fetcher against a real HTTP server on 127.0.0.1: every case ends in the right state, no crash."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import json
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import make_engine, session_scope
from storage.models import Snapshot, Source
from storage.sources import upsert_source_url
from tests.support.servers import LocalServer, Reply
from verifier.fetch import Fetcher
from verifier.fetch.guard import forbidden_reason, guarded_transport
from verifier.fetch.result import FetchResult
from verifier.fetch.run import fetch_sources
from verifier.settings import Settings

PAGE = "<html><head><title>Launch</title></head><body><p>Revenue reached $4 million.</p></body></html>"


def settings(**kw: object) -> Settings:
    base: dict[str, object] = dict(
        allow_private_addresses=True,
        respect_robots=False,
        max_retries=2,
        backoff_base=0.01,
        connect_timeout=1.0,
        read_timeout=0.5,
        total_timeout=3.0,
        max_body_bytes=100_000,
        dead_after_failures=3,
    )
    base.update(kw)
    return Settings(_env_file=None, **base)  # type: ignore[arg-type]


def fetch(url: str, s: Settings | None = None, **kw: object) -> FetchResult:
    async def run() -> FetchResult:
        async with Fetcher(s or settings()) as f:
            return await f.fetch(url, **kw)  # type: ignore[arg-type]

    return asyncio.run(run())


class Flaky:
    """Answers ``first`` for the first ``times`` requests, then ``then``."""

    def __init__(self, first: Reply, then: Reply, times: int = 1) -> None:
        self.first, self.then, self.left = first, then, times

    def __call__(self, _req: object) -> Reply:
        if self.left > 0:
            self.left -= 1
            return self.first
        return self.then


@pytest.fixture
def server() -> Iterator[LocalServer]:
    bomb = gzip.compress(b"\0" * 20_000_000)
    big = b"<p>" + b"x" * 300_000 + b"</p>"
    routes = {
        "/page": lambda r: Reply(body=PAGE.encode(), headers={"ETag": '"v1"'}),
        "/gone": lambda r: Reply(404, b"gone"),
        "/flaky": Flaky(Reply(500, b"oops"), Reply(body=PAGE.encode())),
        "/busy": Flaky(Reply(429, b"slow down", {"Retry-After": "1"}), Reply(body=PAGE.encode())),
        "/busy-long": lambda r: Reply(429, b"slow down", {"Retry-After": "3600"}),
        "/always500": lambda r: Reply(503, b"down"),
        "/slow": lambda r: Reply(body=PAGE.encode(), delay=1.5),
        "/loop-a": lambda r: Reply(302, headers={"Location": "/loop-b"}),
        "/loop-b": lambda r: Reply(302, headers={"Location": "/loop-a"}),
        "/hop": lambda r: Reply(301, headers={"Location": "/page"}),
        "/big": lambda r: Reply(body=big),
        "/bomb": lambda r: Reply(body=bomb, headers={"Content-Encoding": "gzip"}),
        "/gz": lambda r: Reply(body=gzip.compress(PAGE.encode()), headers={"Content-Encoding": "gzip"}),
        "/latin1-lie": lambda r: Reply(
            body="<p>营收达到 120 亿美元 — café</p>".encode(),
            headers={"Content-Type": "text/html; charset=iso-8859-1"},
        ),
        "/gbk-meta": lambda r: Reply(
            body='<html><head><meta charset="gbk"></head><body><p>英伟达发布新模型</p></body></html>'.encode(
                "gbk"
            ),
            headers={"Content-Type": "text/html"},
        ),
        "/cp1252": lambda r: Reply(
            body="<p>Caf\u00e9 cr\u00e8me \u2014 na\u00efve</p>".encode("cp1252"),
            headers={"Content-Type": "text/html; charset=windows-1252"},
        ),
        "/image": lambda r: Reply(
            body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100, headers={"Content-Type": "image/png"}
        ),
        "/plain": lambda r: Reply(
            body=b"Title\n\nA plain 5% figure.", headers={"Content-Type": "text/plain"}
        ),
        "/robots.txt": lambda r: Reply(
            body=b"User-agent: *\nDisallow: /private\n", headers={"Content-Type": "text/plain"}
        ),
        "/private": lambda r: Reply(body=PAGE.encode()),
    }

    def etag_route(req: object) -> Reply:
        if getattr(req, "headers", {}).get("If-None-Match") == '"v1"':
            return Reply(304, b"")
        return Reply(
            body=PAGE.encode(), headers={"ETag": '"v1"', "Last-Modified": "Wed, 01 Apr 2026 00:00:00 GMT"}
        )

    routes["/etag"] = etag_route
    with LocalServer(routes) as srv:
        yield srv


def test_normal_page(server: LocalServer) -> None:
    r = fetch(server.url("/page"))
    assert (r.outcome, r.status, r.attempts) == ("ok", 200, 1)
    assert r.text == PAGE and r.headers["etag"] == '"v1"'
    assert r.final_url == server.url("/page")


def test_user_agent_names_the_tool(server: LocalServer) -> None:
    seen: list[str] = []
    server.routes["/ua"] = lambda req: (seen.append(req.headers["User-Agent"]), Reply(body=b"<p>x</p>"))[1]
    fetch(server.url("/ua"))
    assert seen and seen[0].startswith("claimledger/") and "http" in seen[0]


def test_404_is_dead(server: LocalServer) -> None:
    r = fetch(server.url("/gone"))
    assert (r.outcome, r.status) == ("dead", 404)


def test_500_then_200_is_retried(server: LocalServer) -> None:
    r = fetch(server.url("/flaky"))
    assert (r.outcome, r.attempts) == ("ok", 2)
    assert server.hits["/flaky"] == 2


def test_persistent_5xx_fails_after_bounded_retries(server: LocalServer) -> None:
    r = fetch(server.url("/always500"))
    assert (r.outcome, r.status, r.attempts) == ("failed", 503, 3)
    assert server.hits["/always500"] == 3


def test_429_honours_retry_after(server: LocalServer) -> None:
    t0 = time.monotonic()
    r = fetch(server.url("/busy"))
    assert (r.outcome, r.attempts) == ("ok", 2)
    assert time.monotonic() - t0 >= 0.95


def test_429_with_a_very_long_retry_after_gives_up(server: LocalServer) -> None:
    r = fetch(server.url("/busy-long"))
    assert r.outcome == "failed" and "Retry-After" in (r.error or "")
    assert server.hits["/busy-long"] == 1


def test_slow_response_times_out(server: LocalServer) -> None:
    r = fetch(server.url("/slow"), settings(max_retries=1))
    assert r.outcome == "failed" and "timeout" in (r.error or "").lower()
    assert r.attempts == 2


def test_redirects_followed_and_loops_stopped(server: LocalServer) -> None:
    r = fetch(server.url("/hop"))
    assert r.outcome == "ok" and r.final_url == server.url("/page") and r.redirects == [server.url("/page")]
    loop = fetch(server.url("/loop-a"))
    assert loop.outcome == "failed" and "redirect" in (loop.error or "")
    assert server.hits["/loop-a"] + server.hits["/loop-b"] == 6  # max_redirects=5 → 6 requests


def _only_this_server_is_public(port: int) -> object:
    """A guard that treats 127.0.0.1 (the test server) as a public address and everything else as usual."""

    def policy(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if str(ip) == "127.0.0.1" else forbidden_reason(ip)

    return policy


@pytest.mark.parametrize(
    "target",
    [
        "http://0x7f.0.0.2:{port}/page",
        "http://2130706434:{port}/page",
        "http://[::1]:{port}/page",
        "http://169.254.169.254/latest/meta-data/",
    ],
)
def test_redirect_to_a_private_address_is_blocked(server: LocalServer, target: str) -> None:
    server.routes["/evil"] = lambda r: Reply(302, headers={"Location": target.format(port=server.port)})
    s = settings(allow_private_addresses=False)

    async def run() -> FetchResult:
        transport = guarded_transport(allow_private=False, policy=_only_this_server_is_public(server.port))  # type: ignore[arg-type]
        async with Fetcher(s, transport=transport) as f:
            return await f.fetch(server.url("/evil"))

    r = asyncio.run(run())
    assert r.outcome == "blocked", r
    assert "SSRF" in (r.error or "")
    assert server.hits["/evil"] == 1 and server.hits["/page"] == 0


def test_loopback_is_blocked_with_the_guard_on(server: LocalServer) -> None:
    for url in (
        server.url("/page"),
        f"http://localhost:{server.port}/page",
        f"http://2130706433:{server.port}/page",
    ):
        r = fetch(url, settings(allow_private_addresses=False))
        assert r.outcome == "blocked", url
    assert server.hits["/page"] == 0


def test_unknown_host_is_a_transient_failure_and_bad_scheme_blocked() -> None:
    # DNS may be down: a host that does not resolve is no definite answer about the page
    r = fetch("http://no-such-host.invalid/x")
    assert r.outcome == "failed" and r.transient and "does not resolve" in (r.error or "")
    assert fetch("file:///etc/passwd").outcome == "blocked"


def test_body_over_the_cap(server: LocalServer) -> None:
    r = fetch(server.url("/big"))
    assert r.outcome == "failed" and "larger than" in (r.error or "")


def test_gzip_bomb_stops_at_the_cap(server: LocalServer) -> None:
    r = fetch(server.url("/bomb"))
    assert r.outcome == "failed" and "after decompression" in (r.error or "")
    ok = fetch(server.url("/gz"))
    assert ok.outcome == "ok" and ok.text == PAGE


def test_charsets(server: LocalServer) -> None:
    lie = fetch(server.url("/latin1-lie"))
    assert lie.text is not None and "营收达到 120 亿美元 — café" in lie.text
    gbk = fetch(server.url("/gbk-meta"))
    assert gbk.text is not None and "英伟达发布新模型" in gbk.text
    cp = fetch(server.url("/cp1252"))
    assert cp.text is not None and "Café crème — naïve" in cp.text


def test_binary_content_type_is_unsupported(server: LocalServer) -> None:
    r = fetch(server.url("/image"))
    assert (r.outcome, r.body) == ("unsupported", None)
    plain = fetch(server.url("/plain"))
    assert plain.outcome == "ok" and plain.mime == "text/plain"


def test_etag_gives_304(server: LocalServer) -> None:
    first = fetch(server.url("/etag"))
    assert first.outcome == "ok"
    again = fetch(server.url("/etag"), etag=first.headers["etag"])
    assert (again.outcome, again.status) == ("not_modified", 304)


def test_robots_disallow(server: LocalServer) -> None:
    r = fetch(server.url("/private"), settings(respect_robots=True))
    assert r.outcome == "blocked" and "robots" in (r.error or "")
    assert server.hits["/private"] == 0
    assert fetch(server.url("/page"), settings(respect_robots=True)).outcome == "ok"
    assert fetch(server.url("/private"), settings(respect_robots=False)).outcome == "ok"


def test_per_host_limit_is_respected() -> None:
    import threading

    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def route(_req: object) -> Reply:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        return Reply(body=b"<p>x</p>")

    with LocalServer({"/x": route}) as srv:

        async def run() -> list[FetchResult]:
            async with Fetcher(settings(per_host_concurrency=3)) as f:
                return await f.fetch_many([srv.url("/x") + f"?{i}" for i in range(15)])

        results = asyncio.run(run())
    assert all(r.outcome == "ok" for r in results)
    assert state["peak"] == 3


# --- into the ledger ------------------------------------------------------------------------------


def _source(engine: Engine, url: str) -> int:
    with session_scope(engine) as s:
        src = upsert_source_url(s, url)
        assert src.id is not None
        return src.id


def _run(engine: Engine, sid: int, s: Settings) -> str:
    done = asyncio.run(fetch_sources(engine, [sid], settings=s))
    return done[0].stored.action


def test_states_in_the_ledger(engine: Engine, server: LocalServer) -> None:
    s = settings()
    page = _source(engine, server.url("/etag"))
    assert _run(engine, page, s) == "new_snapshot"
    assert _run(engine, page, s) == "not_modified"  # the ETag was sent back
    gone = _source(engine, server.url("/gone"))
    _run(engine, gone, s)
    image = _source(engine, server.url("/image"))
    _run(engine, image, s)
    slow = _source(engine, server.url("/always500"))
    for _ in range(3):
        _run(engine, slow, settings(max_retries=0))
    with Session(engine) as sess:
        src = {x.id: x for x in sess.exec(select(Source))}
        assert src[page].state == "ok" and src[page].etag == '"v1"' and src[page].consecutive_failures == 0
        assert src[page].next_check_at is not None and src[page].last_checked_at is not None
        assert src[gone].state == "dead" and src[gone].last_status == 404
        assert src[image].state == "unsupported"
        # a 5xx is no definite answer about the page: backoff, but never dead
        assert (
            src[slow].state == "new"
            and src[slow].consecutive_failures == 0
            and src[slow].soft_failures == 3
            and "503" in (src[slow].last_error or "")
        )
        snaps = sess.exec(select(Snapshot)).all()
        assert len(snaps) == 1 and snaps[0].source_id == page
        assert snaps[0].title == "Launch" and "Revenue reached $4 million." in snaps[0].text
        assert json.loads(snaps[0].headers)["etag"] == '"v1"'


def test_a_changed_page_adds_a_snapshot_and_keeps_the_old(sqlite_url: str, server: LocalServer) -> None:
    engine = make_engine(sqlite_url, cache=False)
    version = {"body": PAGE}
    server.routes["/live"] = lambda r: Reply(body=version["body"].encode())
    sid = _source(engine, server.url("/live"))
    s = settings()
    assert _run(engine, sid, s) == "new_snapshot"
    assert _run(engine, sid, s) == "unchanged"
    version["body"] = PAGE.replace("$4 million", "$40 million")
    assert _run(engine, sid, s) == "new_snapshot"
    with Session(engine) as sess:
        src = sess.get(Source, sid)
        assert src is not None and src.state == "changed" and src.verify_pending
        texts = [x.text for x in sess.exec(select(Snapshot).order_by(Snapshot.id))]
        assert len(texts) == 2 and "$4 million" in texts[0] and "$40 million" in texts[1]


def test_waiting_for_a_free_slot_does_not_count_against_the_timeout() -> None:
    with LocalServer({"/q": lambda r: Reply(body=b"<p>q</p>", delay=0.1)}) as srv:

        async def run() -> list[FetchResult]:
            async with Fetcher(settings(per_host_concurrency=1, total_timeout=1.0, max_retries=0)) as f:
                return await f.fetch_many([srv.url("/q") + f"?{i}" for i in range(20)])

        results = asyncio.run(run())
    # 2 s of queue against a 1 s timeout; each fetch alone has 10x headroom even on a loaded machine
    assert [r.outcome for r in results] == ["ok"] * 20


def test_the_backend_connects_to_the_checked_address(server: LocalServer) -> None:
    import httpcore

    from verifier.fetch.guard import GuardedBackend, PerHostTransport

    asked: list[str] = []

    class Recording(httpcore.AnyIOBackend):
        async def connect_tcp(self, host: str, port: int, **kw: object) -> httpcore.AsyncNetworkStream:  # type: ignore[override]
            asked.append(host)
            return await super().connect_tcp(host, port, **kw)  # type: ignore[arg-type]

    async def run() -> FetchResult:
        transport = PerHostTransport(GuardedBackend(allow_private=True, inner=Recording()), per_host=2)
        async with Fetcher(settings(), transport=transport) as f:
            return await f.fetch(f"http://localhost:{server.port}/page")

    assert asyncio.run(run()).outcome == "ok"
    assert asked and all(h in ("127.0.0.1", "::1") for h in asked)  # never the name itself


def test_fetches_are_stateless_no_cookies_kept(server: LocalServer) -> None:
    seen: list[str | None] = []
    server.routes["/cookie"] = lambda req: (
        seen.append(req.headers.get("Cookie")),
        Reply(body=b"<p>c</p>", headers={"Set-Cookie": "session=abc; Path=/"}),
    )[1]

    async def run() -> None:
        async with Fetcher(settings()) as f:
            await f.fetch(server.url("/cookie"))
            await f.fetch(server.url("/cookie"))

    asyncio.run(run())
    assert seen == [None, None]


def test_connections_are_kept_alive_and_replaced_when_closed() -> None:
    ports: list[int] = []

    def route(req: object) -> Reply:
        ports.append(req.client_address[1])  # type: ignore[attr-defined]
        return Reply(body=b"<p>k</p>")

    def closing(req: object) -> Reply:
        ports.append(req.client_address[1])  # type: ignore[attr-defined]
        return Reply(body=b"<p>c</p>", headers={"Connection": "close"})

    with LocalServer({"/k": route, "/close": closing}) as srv:

        async def run() -> list[str]:
            async with Fetcher(settings()) as f:
                out = [(await f.fetch(srv.url("/k"))).outcome for _ in range(5)]
                out.append((await f.fetch(srv.url("/close"))).outcome)
                out.append((await f.fetch(srv.url("/k"))).outcome)
                return out

        assert asyncio.run(run()) == ["ok"] * 7
    assert len(set(ports[:6])) == 1  # one connection for the first six requests
    assert ports[6] != ports[5]  # the server closed it: a new one


def test_many_origins_keep_a_bounded_number_of_pools() -> None:
    from verifier.fetch.guard import GuardedBackend, PerHostTransport

    transport = PerHostTransport(GuardedBackend(allow_private=True), per_host=2)
    transport.MAX_ORIGINS = 2  # type: ignore[misc]
    page = {"/p": lambda r: Reply(body=b"<p>p</p>")}
    with LocalServer(page) as a, LocalServer(page) as b, LocalServer(page) as c:
        urls = [a.url("/p"), b.url("/p"), c.url("/p")] * 2

        async def run() -> list[str]:
            async with Fetcher(settings(), transport=transport) as f:
                out = [(await f.fetch(u)).outcome for u in urls]
                assert len(transport._pools) == 2
                return out

        assert asyncio.run(run()) == ["ok"] * 6
    assert len(transport._pools) == 0  # closed with the fetcher


def test_slow_robots_txt_and_odd_redirects_end_cleanly() -> None:
    routes = {
        "/robots.txt": lambda r: Reply(body=b"User-agent: *\nAllow: /\n", delay=1.5),
        "/p": lambda r: Reply(body=b"<p>p</p>"),
        "/no-location": lambda r: Reply(302, b"moved somewhere"),
    }
    with LocalServer(routes) as srv:
        slow = fetch(
            srv.url("/p"), settings(respect_robots=True, total_timeout=0.5, read_timeout=5, max_retries=1)
        )
        assert slow.outcome == "failed" and "robots" in (slow.error or "")
        assert srv.hits["/p"] == 0
        odd = fetch(srv.url("/no-location"))
        assert (odd.outcome, odd.status) == ("failed", 302)
