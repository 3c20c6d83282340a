"""The read micro-cache: what it keys on, what it never caches, and that nobody sees a stale verdict
after their own write (anonymous readers see another process's write within the TTL)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session

from storage.models import Verdict
from tests.api.conftest import bearer
from tests.api.factories import Seed
from verifier.api import create_app
from verifier.api.microcache import ReadCache, cache_key
from verifier.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _scope(method: str = "GET", path: str = "/", query: bytes = b"", headers: list[tuple[bytes, bytes]] | None = None):  # type: ignore[no-untyped-def]
    return {"type": "http", "method": method, "path": path, "query_string": query, "headers": headers or []}


def test_cache_key_is_the_full_anonymous_request() -> None:
    assert cache_key(_scope(query=b"status=contradicted")) == "anon /?status=contradicted"
    assert cache_key(_scope(query=b"status=verified")) != cache_key(_scope(query=b"status=contradicted"))
    assert cache_key(_scope(headers=[(b"authorization", b"Bearer x")])) is None
    assert cache_key(_scope(headers=[(b"cookie", b"cl_session=abc")])) is None
    assert cache_key(_scope(method="POST")) is None
    assert cache_key(_scope(method="HEAD")) is None
    assert cache_key(_scope(path="/static/app.css")) is None


def test_store_expires_and_refuses_what_a_write_overtook() -> None:
    clock = Clock()
    cache = ReadCache(ttl=1.0, max_items=2, clock=clock)
    msgs = [{"type": "http.response.start", "status": 200}]
    gen = cache.generation
    assert cache.put("a", msgs, gen) and cache.get("a") == msgs
    clock.now += 1.0
    assert cache.get("a") is None  # expired at exactly ttl
    gen = cache.generation
    cache.invalidate()  # a write while "b" was being rendered
    assert not cache.put("b", msgs, gen) and cache.get("b") is None
    gen = cache.generation
    for key in ("c", "d", "e"):
        cache.put(key, msgs, gen)
    assert len(cache) <= 2 and cache.get("e") == msgs
    assert not ReadCache(ttl=0).put("x", msgs, 0)


def _status(client: TestClient, claim_id: int, **kw) -> str:  # type: ignore[no-untyped-def]
    r = client.get(f"/api/claims/{claim_id}", **kw)
    assert r.status_code == 200, r.text
    return str(r.json()["status"])


def _set_status_elsewhere(engine: Engine, claim_id: int, status: str) -> None:
    """A write by another process (the scheduler, the CLI): it does not go through this app."""
    with Session(engine) as s:
        verdict = s.get(Verdict, claim_id)
        assert verdict is not None
        verdict.status = status
        s.add(verdict)
        s.commit()


def test_anonymous_reads_are_cached_within_the_ttl_only(settings: Settings, engine: Engine, seed: Seed) -> None:
    app = create_app(settings.model_copy(update={"read_cache_seconds": 1.5}), engine)
    clock = Clock()
    app.state.read_cache.clock = clock
    client = TestClient(app)
    cid = seed.claims["amount"]
    assert _status(client, cid) == "contradicted"
    _set_status_elsewhere(engine, cid, "unverified")
    assert _status(client, cid) == "contradicted"  # anonymous, within 1.5 s: the cached response
    assert _status(client, cid, headers=bearer(seed.tokens["reviewer"])) == "unverified"  # credentials: never cached
    clock.now += 1.5
    assert _status(client, cid) == "unverified"
    hit = client.get(f"/api/claims/{cid}")
    assert hit.headers["x-content-type-options"] == "nosniff"
    assert hit.headers.get_list("x-frame-options") == ["DENY"]  # replayed hits get the headers once


def test_a_write_through_the_app_is_seen_at_once(settings: Settings, engine: Engine, seed: Seed) -> None:
    app = create_app(settings.model_copy(update={"read_cache_seconds": 2.0}), engine)
    client = TestClient(app)
    cid = seed.claims["amount"]
    assert _status(client, cid) == "contradicted"
    queue = client.get("/").text
    r = client.post(f"/api/claims/{cid}/review", json={"status": "verified", "note": "page fixed"},
                    headers=bearer(seed.tokens["reviewer"]))
    assert r.status_code == 200, r.text
    assert _status(client, cid) == "verified"
    assert client.get("/").text != queue


def test_a_logged_in_reviewer_never_sees_a_stale_verdict(settings: Settings, engine: Engine, seed: Seed) -> None:
    app = create_app(settings.model_copy(update={"read_cache_seconds": 2.0}), engine)
    anon, reviewer = TestClient(app), TestClient(app)
    cid = seed.claims["amount"]
    page = anon.get(f"/claims/{cid}").text  # the anonymous page is now cached
    r = reviewer.post("/login", data={"token": seed.tokens["reviewer"], "next": "/"}, follow_redirects=False)
    assert r.status_code == 303
    _set_status_elsewhere(engine, cid, "verified")  # e.g. another worker process took the review
    mine = reviewer.get(f"/claims/{cid}").text
    assert mine != page and re.search(r'name="csrf_token"', mine)
    assert _status(reviewer, cid) == "verified"


def test_cache_off(settings: Settings, engine: Engine, seed: Seed) -> None:
    client = TestClient(create_app(settings.model_copy(update={"read_cache_seconds": 0}), engine))
    cid = seed.claims["amount"]
    assert _status(client, cid) == "contradicted"
    _set_status_elsewhere(engine, cid, "verified")
    assert _status(client, cid) == "verified"
