"""The API under hostile requests (issue 11, items 7 and 8): authentication before the body,
bounded bodies, out-of-range integers are 422 (not 500)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from verifier.api import create_app
from verifier.auth import create_token
from verifier.settings import Settings

BIG = 2**63


@pytest.fixture
def client(engine: Engine) -> TestClient:
    settings = Settings(database_url=str(engine.url), secret_key="k" * 40, run_scheduler=False, max_request_bytes=1_000_000)
    return TestClient(create_app(settings, engine), raise_server_exceptions=False)


def test_anonymous_posts_are_refused_before_their_body_is_read(client: TestClient) -> None:
    sent = {"bytes": 0}

    def body() -> Iterator[bytes]:
        for _ in range(100):  # 100 MB if it were all read
            sent["bytes"] += 1_000_000
            yield b"x" * 1_000_000

    r = client.post("/api/reports", content=body(), headers={"Content-Type": "application/json"})
    assert r.status_code == 401
    assert sent["bytes"] <= 2_000_000  # the client may have a chunk in flight; the server read none
    r = client.post("/api/reports/upload", content=b"x" * 100, headers={"Content-Length": "100000000"})
    assert r.status_code == 401


def test_bodies_are_capped(client: TestClient, engine: Engine) -> None:
    _, token = create_token(engine, "ed", "editor")
    auth = {"Authorization": f"Bearer {token}"}
    r = client.post("/api/reports", content=b"x" * 2_000_000, headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413

    def chunked() -> Iterator[bytes]:  # no Content-Length: cut off while streaming
        for _ in range(5):
            yield b"y" * 500_000

    r = client.post("/api/reports", content=chunked(), headers={**auth, "Content-Type": "application/json"})
    assert r.status_code == 413


@pytest.mark.parametrize(
    "path",
    [
        f"/api/claims/{BIG}", f"/api/claims?offset={BIG}", f"/api/sources/{BIG}", f"/api/reports/{BIG * 10}",
        f"/api/claims?source={BIG}", f"/claims/{BIG}", f"/api/claims/{-BIG - 1}",
    ],
)
def test_integers_past_64_bits_are_422(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 422


@pytest.mark.parametrize(
    "path, valid",
    [
        ("/api/claims?kind=bogus", "money"),
        ("/api/claims?reason=bogus", "value_mismatch"),
        ("/api/sources?state=bogus", "dead"),
        ("/claims?kind=bogus", "money"),
        ("/?reason=bogus", "value_mismatch"),
    ],
)
def test_unknown_filter_values_are_422_listing_the_valid_ones(client: TestClient, path: str, valid: str) -> None:
    r = client.get(path)
    assert r.status_code == 422 and valid in r.text and "bogus" in r.text
