"""A read-only copy of the ledger cannot mint a login session (issue 11, item 10).

Kept apart from ``test_secrets.py`` and importing only what older versions also had, so it runs
unchanged against the code before the fix (where it fails: the stored hash was a plain SHA-256 and
the default secret ``change-me`` let a copy of the ``apitoken`` table sign an admin session).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.models import ApiToken
from verifier.api import create_app
from verifier.auth import SESSION_COOKIE, create_token, hash_token, make_session_cookie
from verifier.settings import Settings


def test_stored_token_hashes_are_keyed_and_a_readonly_copy_cannot_forge_a_session(
    engine: Engine, tmp_path: Path
) -> None:
    settings = Settings(
        database_url=str(engine.url), secret_file=str(tmp_path / "secret"),  # the default secret setting
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
