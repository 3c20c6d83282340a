"""Sessions and secrets (issue 11, item 10): no forged login from a read-only copy of the ledger."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from claims.errors import ConfigError
from storage.models import ApiToken
from tests.conftest import ROOT
from verifier.api import create_app
from verifier.auth import (
    SESSION_COOKIE,
    check_secret_for_bind,
    create_token,
    hash_token,
    make_session_cookie,
    server_secret,
)
from verifier.settings import Settings


def test_a_random_secret_is_generated_once_and_kept_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "secret_key"
    s = Settings(secret_key="", secret_file=str(path))
    first = server_secret(s)
    assert len(first) >= 40 and first != "change-me"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert server_secret(Settings(secret_key="", secret_file=str(path))) == first


def test_a_known_default_secret_is_refused_beyond_loopback() -> None:
    for host in ("0.0.0.0", "192.168.1.5", "::", "example.org"):
        with pytest.raises(ConfigError):
            check_secret_for_bind("change-me", host)
    for host in ("127.0.0.1", "::1", "localhost"):
        check_secret_for_bind("change-me", host)
    check_secret_for_bind("a-long-random-secret-xyz", "0.0.0.0")


def test_stored_token_hashes_are_keyed_and_a_readonly_copy_cannot_forge_a_session(
    engine: Engine, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=str(engine.url), secret_key="", secret_file=str(tmp_path / "secret"),
        run_scheduler=False, read_requires_token=True,
    )
    row, clear = create_token(engine, "ada", "admin")
    with Session(engine) as s:
        stored = s.exec(select(ApiToken.token_hash).where(ApiToken.id == row.id)).one()
    assert stored != hashlib.sha256(clear.encode()).hexdigest()  # not a plain digest of the token
    assert stored == hash_token(clear)
    client = TestClient(create_app(settings, engine))
    # what an attacker with a copy of the ledger and the old default secret could compute
    forged = make_session_cookie("change-me", int(row.id), stored)  # type: ignore[arg-type]
    client.cookies.set(SESSION_COOKIE, forged)
    assert client.get("/api/claims").status_code == 401
    client.cookies.clear()
    assert client.get("/api/claims", headers={"Authorization": f"Bearer {clear}"}).status_code == 200


def test_datasette_metadata_hides_the_token_table() -> None:
    meta = json.loads((ROOT / "docs" / "datasette-metadata.json").read_text())
    db = meta["databases"]["claimledger"]
    assert db["tables"]["apitoken"]["hidden"] is True and db["tables"]["apitoken"]["allow"] is False
    assert db["allow_sql"] is False
    assert {"claim", "source", "verdict", "verdictevent", "snapshot", "evidence"} <= set(db["tables"])
