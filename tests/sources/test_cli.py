"""The ``sources`` commands, run in-process against a real ledger file and a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from storage.db import make_engine, session_scope
from storage.models import Snapshot, Source
from storage.sources import upsert_source_url
from tests.conftest import SOURCES_DIR
from tests.support.servers import LocalServer, Reply
from verifier.cli.main import app

runner = CliRunner()


def test_import_list_export(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    res = runner.invoke(app, ["--db", db, "sources", "import", str(SOURCES_DIR)])
    assert res.exit_code == 0, res.output
    assert "40" in res.output
    res = runner.invoke(app, ["--db", db, "sources", "list", "--state", "dead"])
    assert res.exit_code == 0 and "dead" in res.output and " ok " not in res.output
    warc = tmp_path / "e.warc.gz"
    res = runner.invoke(app, ["--db", db, "sources", "export", "--warc", str(warc)])
    assert res.exit_code == 0 and warc.stat().st_size > 0
    res = runner.invoke(app, ["--db", db, "sources", "import", str(tmp_path / "missing")])
    assert res.exit_code == 2 and "no such archive" in res.output


def test_fetch_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    engine = make_engine(db)
    with LocalServer({"/a": lambda r: Reply(body=b"<title>A</title><p>Alpha 12%</p>")}) as srv:
        with session_scope(engine) as s:
            upsert_source_url(s, srv.url("/a"))
            upsert_source_url(s, srv.url("/missing"))
            upsert_source_url(s, "ps://broken")
        monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES", "true")
        monkeypatch.setenv("CLAIMLEDGER_RESPECT_ROBOTS", "false")
        res = runner.invoke(app, ["--db", db, "sources", "fetch", "--all"])
    assert res.exit_code == 0, res.output
    assert "1 new snapshots" in res.output
    with Session(engine) as s:
        states = {src.url: src.state for src in s.exec(select(Source))}
        assert states[srv.url("/a")] == "ok" and states[srv.url("/missing")] == "dead"
        assert states["ps://broken"] == "malformed"
        assert len(s.exec(select(Snapshot)).all()) == 1
