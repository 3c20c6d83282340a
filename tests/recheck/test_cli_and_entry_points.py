"""The CLI (recheck, worker) and the entry points other parts call (API, serve), plus the webhook
wired into a round."""

from __future__ import annotations

import asyncio
import json
import time

from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from storage.db import make_engine
from storage.models import Source, WebhookDelivery
from tests.recheck.support import FakeVerify, add_claim, add_sources, make_due
from tests.support.servers import LocalServer, Reply
from verifier.cli.main import app
from verifier.schedule import recheck_sources, start_in_process
from verifier.schedule.rounds import run_until_idle
from verifier.settings import Settings

ENV = {"CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES": "true", "CLAIMLEDGER_RESPECT_ROBOTS": "false"}


def _pages(n: int) -> dict:
    return {f"/{i}": (lambda req, i=i: Reply(body=f"<p>page {i}</p>".encode())) for i in range(n)}


def test_recheck_command_modes(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url, cache=False)
    runner = CliRunner()
    with LocalServer(_pages(4)) as srv:
        add_sources(engine, [srv.url(f"/{i}") for i in range(4)])
        res = runner.invoke(app, ["--db", sqlite_url, "recheck", "--json"], env=ENV)
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["fetched"] == 4
        res = runner.invoke(app, ["--db", sqlite_url, "recheck", "--due", "--json"], env=ENV)
        assert json.loads(res.stdout)["fetched"] == 0  # nothing due any more
        res = runner.invoke(
            app, ["--db", sqlite_url, "recheck", "--source", srv.url("/2"), "--json"], env=ENV
        )
        assert json.loads(res.stdout)["fetched"] == 1 and srv.hits["/2"] == 2
        res = runner.invoke(app, ["--db", sqlite_url, "recheck", "--all"], env=ENV)
        assert res.exit_code == 0 and "sources checked" in res.stdout
        assert all(srv.hits[f"/{i}"] >= 2 for i in range(4))


def test_recheck_command_bad_input(sqlite_url: str) -> None:
    make_engine(sqlite_url, cache=False)
    runner = CliRunner()
    res = runner.invoke(
        app, ["--db", sqlite_url, "recheck", "--source", "https://nowhere.example/x"], env=ENV
    )
    assert res.exit_code == 3 and "no source" in res.output
    res = runner.invoke(app, ["--db", sqlite_url, "recheck", "--all", "--due"], env=ENV)
    assert res.exit_code == 2 and "one of" in res.output


def test_recheck_sources_works_inside_a_running_event_loop(engine: Engine) -> None:
    settings = Settings(allow_private_addresses=True, respect_robots=False)
    with LocalServer(_pages(2)) as srv:
        a, _ = add_sources(engine, [srv.url("/0"), srv.url("/1")])

        async def api_handler() -> int:  # what an async route does
            return recheck_sources(engine, settings, [a], verify=FakeVerify()).fetched

        assert asyncio.run(api_handler()) == 1
        assert srv.hits["/0"] == 1 and srv.hits["/1"] == 0


def test_start_in_process_runs_rounds_until_shut_down(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url, cache=False)
    settings = Settings(allow_private_addresses=True, respect_robots=False, scheduler_interval_seconds=1)
    with LocalServer(_pages(3)) as srv:
        ids = add_sources(engine, [srv.url(f"/{i}") for i in range(3)])
        scheduler = start_in_process(settings, engine)
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with Session(engine) as session:
                    if all(s.last_checked_at for s in session.exec(select(Source)).all()):
                        break
                time.sleep(0.2)
            make_due(engine, ids[:1])
            deadline = time.monotonic() + 30
            while srv.hits["/0"] < 2 and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            scheduler.shutdown(wait=True)
    assert srv.hits["/0"] == 2 and srv.hits["/1"] == 1 and srv.hits["/2"] == 1


def test_a_round_posts_status_changes_to_the_webhook(engine: Engine) -> None:
    received: list[dict] = []

    def hook(req):  # type: ignore[no-untyped-def]
        received.append(json.loads(req.rfile.read(int(req.headers["Content-Length"]))))
        return Reply(200)

    versions = {"body": "<p>Funding of 3 billion</p>"}
    with LocalServer({"/page": lambda req: Reply(body=versions["body"].encode()), "/hook": hook}) as srv:
        settings = Settings(allow_private_addresses=True, respect_robots=False, webhook_url=srv.url("/hook"))
        (sid,) = add_sources(engine, [srv.url("/page")])
        claim = add_claim(engine, [sid], "3 billion")
        verify = FakeVerify()
        first = run_until_idle(engine, settings, verify=verify)
        assert first.webhooks_queued == 1
        versions["body"] = "<p>Funding of 2 billion</p>"
        make_due(engine)
        run_until_idle(engine, settings, verify=verify)
    assert [(r["claim_id"], r["previous_status"], r["status"]) for r in received] == [
        (claim, "unverified", "verified"),
        (claim, "verified", "contradicted"),
    ]
    assert all(r["source_ids"] == [sid] and r["at"] for r in received)
    with Session(engine) as session:
        assert {d.state for d in session.exec(select(WebhookDelivery)).all()} == {"delivered"}


def test_knobs_that_would_break_rounds_are_refused(sqlite_url: str) -> None:
    from claims.errors import ConfigError

    engine = make_engine(sqlite_url, cache=False)
    for bad in (
        {"round_size": 0},
        {"lease_seconds": 0},
        {"per_host_per_round": 0},
        {"dead_after_failures": 0},
    ):
        try:
            run_until_idle(engine, Settings(**bad), verify=FakeVerify())
        except ConfigError as exc:
            assert next(iter(bad)) in str(exc)
        else:
            raise AssertionError(f"{bad} accepted")
    res = CliRunner().invoke(app, ["--db", sqlite_url, "recheck"], env={**ENV, "CLAIMLEDGER_ROUND_SIZE": "0"})
    assert res.exit_code == 2 and "round_size" in res.output
