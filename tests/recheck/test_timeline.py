"""End to end: a report is ingested, its cited page is fetched by the real Fetcher from a local
server, verified by the real verifier; the page changes between rounds and the timeline shows it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.ingest import ingest_report
from storage.models import Claim, Snapshot, VerdictEvent
from tests.recheck.support import make_due, verdict
from tests.support.servers import LocalServer, Reply
from verifier.schedule.rounds import run_until_idle
from verifier.settings import Settings

REPORT = """# AI 前沿发展日报 | 2026 - 04 - 15

## 今日 Top 5 大事件

## 1. Acme Robotics 完成融资

发生了什么：Acme Robotics 于 2026 - 04 - 13 宣布完成 40 亿美元融资。

可信来源：Acme | Funding news (<{url}>)
"""


def _page(sentence: str, etag: str) -> Reply:
    html = f"<html><head><title>Acme Robotics funding</title></head><body><h1>Funding</h1><p>{sentence}</p></body></html>"
    return Reply(body=html.encode(), headers={"ETag": etag})


@pytest.fixture
def settings() -> Settings:
    return Settings(allow_private_addresses=True, respect_robots=False, per_host_per_round=1000, dead_after_hours=0)


def _amount_claim(engine: Engine) -> int:
    with Session(engine) as session:
        claim = session.exec(select(Claim).where(col(Claim.key_text).contains("亿美元"))).one()
        return int(claim.id)  # type: ignore[arg-type]


def _timeline(engine: Engine, claim_id: int) -> list[VerdictEvent]:
    with Session(engine) as session:
        stmt = select(VerdictEvent).where(VerdictEvent.claim_id == claim_id).order_by(col(VerdictEvent.id))
        return list(session.exec(stmt).all())


def test_changed_page_moves_the_verdict_and_the_timeline_says_when_and_why(
    engine: Engine, settings: Settings
) -> None:
    state = {"sentence": "Acme Robotics raised $4 billion in new funding.", "etag": '"v1"'}

    def route(req):  # type: ignore[no-untyped-def]
        if req.headers.get("If-None-Match") == state["etag"]:
            return Reply(304, headers={"ETag": state["etag"]})
        return _page(state["sentence"], state["etag"])

    with LocalServer({"/news": route}) as srv:
        ingest_report(engine, "acme.txt", REPORT.format(url=srv.url("/news")))
        claim = _amount_claim(engine)

        first = run_until_idle(engine, settings)
        assert first.new_snapshots == 1
        assert verdict(engine, claim).status == "verified"
        after_first = _timeline(engine, claim)

        make_due(engine)  # unchanged: 304, nothing added
        same = run_until_idle(engine, settings)
        assert same.unchanged == 1 and same.new_snapshots == 0
        assert len(_timeline(engine, claim)) == len(after_first)

        state.update(sentence="Acme Robotics raised $4 million in new funding.", etag='"v2"')
        make_due(engine)
        changed = run_until_idle(engine, settings)
        assert changed.changed == 1 and srv.hits["/news"] == 3

    v = verdict(engine, claim)
    assert v.status == "contradicted"
    timeline = _timeline(engine, claim)
    verified_at = next(e for e in timeline if e.status == "verified")
    contradicted_at = timeline[-1]
    assert contradicted_at.status == "contradicted"
    assert verified_at.created_at < contradicted_at.created_at
    assert json.loads(verified_at.details)["trigger"] == "source_fetched"
    detail = json.loads(contradicted_at.details)
    assert detail["trigger"] == "source_changed" and detail["reason"] == "source_changed"
    assert contradicted_at.reason  # the rule's reason (e.g. value_mismatch) is kept too
    with Session(engine) as session:
        snaps = session.exec(select(Snapshot).order_by(col(Snapshot.id))).all()
    assert len(snaps) == 2 and contradicted_at.snapshot_id == snaps[1].id
