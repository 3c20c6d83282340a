"""Shared fixtures: ledgers on SQLite and (when reachable) a real PostgreSQL, and project paths."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REPORTS_DIR = EXAMPLES / "reports"
SOURCES_DIR = EXAMPLES / "sources"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "seed_claims.jsonl"

# the generated server secret goes to a temporary file, never the tester's home (subprocesses inherit it)
if not os.environ.get("CLAIMLEDGER_SECRET_FILE"):
    import tempfile

    os.environ["CLAIMLEDGER_SECRET_FILE"] = str(Path(tempfile.mkdtemp(prefix="claimledger-test-")) / "secret_key")

PG_ADMIN_URL = os.environ.get("CLAIMLEDGER_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL.replace("+psycopg", ""), connect_timeout=3):
            return None
    except Exception as exc:  # any failure means: skip with the reason
        return f"PostgreSQL not reachable at {PG_ADMIN_URL} ({exc.__class__.__name__}: {exc})"


@pytest.fixture(scope="session")
def pg_available() -> str | None:
    return _pg_reachable()


@pytest.fixture
def pg_url(pg_available: str | None) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    if pg_available:
        pytest.skip(pg_available)
    import psycopg

    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    admin = PG_ADMIN_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        from storage.db import _engines

        for key in [k for k in _engines if k.endswith("/" + name)]:
            _engines.pop(key).dispose()
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on SQLite and on PostgreSQL (skipped with a message when unreachable)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def engine(db_url: str) -> Engine:
    from storage.db import make_engine

    return make_engine(db_url, cache=False)
