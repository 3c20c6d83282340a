"""``worker --exit-when-idle`` means no work left for anyone (issue 11, item 14)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import update
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from storage.db import make_engine, session_scope
from storage.models import Source
from tests.recheck.support import add_claim, add_sources
from tests.support.servers import LocalServer, Reply
from verifier.cli.context import state
from verifier.cli.main import app
from verifier.settings import Settings


def test_an_idle_exit_waits_for_sources_another_worker_holds(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    engine = make_engine(db)
    with LocalServer({f"/p{i}": (lambda req: Reply(body=b"<p>The company raised 5 million.</p>")) for i in range(6)}) as srv:
        ids = add_sources(engine, [srv.url(f"/p{i}") for i in range(6)])
        for sid in ids:
            add_claim(engine, [sid], "5 million")
        soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=2)
        with session_scope(engine) as s:  # a worker that died holding half of them (lease: 2 s)
            s.execute(update(Source).where(col(Source.id).in_(ids[:3])).values(lease_owner="gone", lease_expires_at=soon))
        old = state.settings
        state.settings = Settings(
            database_url=db, allow_private_addresses=True, respect_robots=False, per_host_per_round=1000, lease_seconds=5
        )
        state._engine = None
        try:
            res = CliRunner().invoke(app, ["worker", "--exit-when-idle"])
        finally:
            state.settings, state._engine = old, None
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout[res.stdout.index("{"):])
    assert summary["claimed"] == 6
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(Source).where(col(Source.last_checked_at).is_(None))).one() == 0
