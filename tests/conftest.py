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


# Sessions on a test database do not wait for the WAL to reach the disk at commit (3-4 ms each on
# the CI disk). Only the server's own crash durability changes: what other sessions see, locks and
# isolation are as before, and no test crashes the server.
_NO_FLUSH_WAIT = 'ALTER DATABASE "{name}" SET synchronous_commit = off'


def _pg_db_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


_PG_ADMIN = PG_ADMIN_URL.replace("+psycopg", "")


def _drop_database(name: str) -> None:
    import psycopg

    with psycopg.connect(_PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _PgDatabases:
    """Test databases copied from a template: the next one is made ahead on one background thread
    and used ones are dropped on another, so a test waits neither for its copy nor for a drop. Every
    DROP DATABASE makes the server checkpoint; on the copying thread (or in the test) those drops
    kept the next copy waiting (~0.4-0.7 s per test with two workers)."""

    def __init__(self, template: str) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.template = template
        self._maker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-test-db-create")
        self._dropper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-test-db-drop")
        self._next = self._maker.submit(self._create)

    def _create(self) -> str:
        import psycopg

        name = f"cl_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(_PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
            conn.execute(_NO_FLUSH_WAIT.format(name=name))
        return name

    def take(self) -> str:
        name = self._next.result()
        self._next = self._maker.submit(self._create)
        return name

    def give_back(self, name: str) -> None:
        self._dropper.submit(_drop_database, name)

    def close(self) -> None:
        try:
            spare: str | None = self._next.result()
        except Exception:  # the spare was never made: nothing to drop
            spare = None
        self._maker.shutdown(wait=True)
        if spare:
            self._dropper.submit(_drop_database, spare)
        self._dropper.shutdown(wait=True)


@pytest.fixture(scope="session")
def pg_databases(pg_available: str | None) -> Iterator[_PgDatabases]:
    """A PostgreSQL template holding a new ledger's schema (tables, indexes, count triggers), made
    once per test process by ``make_engine`` itself, and the test databases copied from it:
    creating the schema anew took about as long as a short PostgreSQL test (~0.5 s of DDL)."""
    if pg_available:
        pytest.skip(pg_available)
    import psycopg

    from storage.db import make_engine

    template = f"cl_tmpl_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{template}"')
        conn.execute(_NO_FLUSH_WAIT.format(name=template))
    try:
        make_engine(_pg_db_url(template), cache=False).dispose()  # no session may stay on a template
        databases = _PgDatabases(template)
        try:
            yield databases
        finally:
            databases.close()
    finally:
        _drop_database(template)


@pytest.fixture
def pg_url(pg_databases: _PgDatabases) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, holding only a new ledger's schema (as
    ``make_engine`` creates it on an empty database), dropped afterwards."""
    name = pg_databases.take()
    try:
        yield _pg_db_url(name)
    finally:
        from storage.db import _engines

        for key in [k for k in _engines if k.endswith("/" + name)]:
            _engines.pop(key).dispose()
        pg_databases.give_back(name)


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files holding a test marked ``slow`` first, then files with more tests first; a file's own
    order is kept. Under ``--dist loadfile --no-loadscope-reorder`` (make test) workers take files in
    this order, so the long ones (mutation ledgers, kill -9, races, worker processes: 20-75 s each)
    start early instead of last (xdist's own order, by number of tests, put those few-test files at
    the end, where one of them kept a worker busy while the other had nothing left)."""
    first: dict[str, int] = {}
    count: dict[str, int] = {}
    slow: set[str] = set()
    for i, item in enumerate(items):
        path = item.nodeid.split("::", 1)[0]
        first.setdefault(path, i)
        count[path] = count.get(path, 0) + 1
        if item.get_closest_marker("slow"):
            slow.add(path)

    def order(item: pytest.Item) -> tuple[bool, int, int]:
        path = item.nodeid.split("::", 1)[0]
        return path not in slow, -count[path], first[path]

    items.sort(key=order)  # stable: a file's tests keep their order
