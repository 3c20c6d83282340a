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


def _pg_db_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def pg_template(pg_available: str | None) -> Iterator[str]:
    """A PostgreSQL database holding a new ledger's schema (tables, indexes, count triggers), made
    once per test process by ``make_engine`` itself and copied for every test: creating the schema
    anew took about as long as a short PostgreSQL test (~0.5 s of DDL commits, 166 tests)."""
    if pg_available:
        pytest.skip(pg_available)
    import psycopg

    from storage.db import make_engine

    name = f"cl_tmpl_{uuid.uuid4().hex[:12]}"
    admin = PG_ADMIN_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        make_engine(_pg_db_url(name), cache=False).dispose()  # no session may stay on a template
        yield name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, holding only a new ledger's schema (as
    ``make_engine`` creates it on an empty database), dropped afterwards."""
    import psycopg

    name = f"cl_test_{uuid.uuid4().hex[:12]}"
    admin = PG_ADMIN_URL.replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    url = _pg_db_url(name)
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
