"""`token create|list|revoke` and `review` through the CLI, against a real ledger."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from storage.models import ApiToken, Verdict
from tests.api.factories import seed_ledger
from verifier.auth import hash_token
from verifier.cli.main import app

runner = CliRunner()


def test_token_create_stores_only_a_hash(sqlite_url: str) -> None:
    r = runner.invoke(app, ["--db", sqlite_url, "token", "create", "--name", "ann", "--role", "reviewer"])
    assert r.exit_code == 0, r.output
    clear = r.stdout.strip().splitlines()[-1]
    assert clear.startswith("cl_")
    from storage.db import make_engine

    with Session(make_engine(sqlite_url)) as s:
        row = s.exec(select(ApiToken)).one()
    assert row.token_hash == hash_token(clear) and clear not in row.token_hash
    listed = runner.invoke(app, ["--db", sqlite_url, "token", "list"])
    assert "ann" in listed.stdout and clear not in listed.stdout
    bad = runner.invoke(app, ["--db", sqlite_url, "token", "create", "--name", "bob", "--role", "boss"])
    assert bad.exit_code == 2 and "unknown role" in bad.output
    assert runner.invoke(app, ["--db", sqlite_url, "token", "revoke", str(row.id)]).exit_code == 0


def test_review_command(sqlite_url: str) -> None:
    from storage.db import make_engine

    engine: Engine = make_engine(sqlite_url)
    seed = seed_ledger(engine, tokens=False)
    cid = seed.claims["amount"]
    r = runner.invoke(app, ["--db", sqlite_url, "review", str(cid), "verified", "--as", "ann"])
    assert r.exit_code == 2 and "needs a note" in r.output
    r = runner.invoke(app, ["--db", sqlite_url, "review", str(cid), "verified", "--note", "fixed upstream",
                            "--as", "ann"])
    assert r.exit_code == 0, r.output
    with Session(engine) as s:
        v = s.get(Verdict, cid)
    assert v is not None and (v.status, v.actor, v.note) == ("verified", "ann", "fixed upstream")
    assert runner.invoke(app, ["--db", sqlite_url, "review", "9999", "verified", "--note", "x"]).exit_code == 3
