"""Reviews racing the machine on PostgreSQL never lose a reviewer's verdict (issue 11, item 2).

Reviewer threads review random claims while a machine thread writes verify batches (the
production write path, ``verifier.verify._write_batch``) whose decisions flip on every pass, so
both keep writing the same rows. Afterwards every current verdict equals its history: its status
is the last event's, and a claim a reviewer ever judged still carries that reviewer's last
verdict (status, reason, actor).
"""

from __future__ import annotations

import random
import threading

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from storage.db import make_engine, session_scope
from storage.models import Verdict, VerdictEvent
from storage.verdicts import AUTO
from tests.recheck.support import add_claim, add_sources
from verifier.judge.rules import Decision
from verifier.review import review_claim
from verifier.verify import ClaimOutcome, _write_batch

pytestmark = pytest.mark.slow

CLAIMS = 120
REVIEWERS = 4
REVIEWS_EACH = 760  # >= 3,000 reviews in all
BATCH = 40


def _ledger(engine: Engine) -> list[int]:
    sids = add_sources(engine, [f"https://example.org/p{i}" for i in range(CLAIMS)])
    return [add_claim(engine, [sid], "5 million") for sid in sids]


def _machine(engine: Engine, claims: list[int], stop: threading.Event, errors: list[BaseException]) -> None:
    flip = 0
    try:
        while not stop.is_set():
            flip += 1
            status, reason = ("verified", "match") if flip % 2 else ("contradicted", "mismatch")
            for start in range(0, len(claims), BATCH):
                batch = [
                    ClaimOutcome(cid, Decision(status, reason, 0.9), [])  # type: ignore[arg-type]
                    for cid in claims[start : start + BATCH]
                ]
                with session_scope(engine) as session:
                    _write_batch(session, batch, "source_changed")
    except BaseException as exc:  # noqa: BLE001 - handed to the test
        errors.append(exc)


def _reviewer(engine: Engine, claims: list[int], n: int, seed: int, errors: list[BaseException]) -> None:
    rng = random.Random(seed)
    try:
        for i in range(n):
            cid = rng.choice(claims)
            status = rng.choice(("verified", "unverified", "contradicted"))
            review_claim(engine, cid, status, f"reviewer {seed} pass {i}", f"reviewer{seed}")
    except BaseException as exc:  # noqa: BLE001
        errors.append(exc)


@pytest.mark.postgres
def test_reviews_racing_verify_on_postgres_lose_nothing(pg_url: str) -> None:
    engine = make_engine(pg_url)
    claims = _ledger(engine)
    stop, errors = threading.Event(), []  # type: ignore[var-annotated]
    machine = threading.Thread(target=_machine, args=(engine, claims, stop, errors))
    machine.start()
    reviewers = [
        threading.Thread(target=_reviewer, args=(engine, claims, REVIEWS_EACH, k, errors)) for k in range(REVIEWERS)
    ]
    for t in reviewers:
        t.start()
    for t in reviewers:
        t.join()
    stop.set()
    machine.join()
    assert not errors, errors[:3]
    mismatches = []
    with Session(engine) as s:
        verdicts = {v.claim_id: v for v in s.exec(select(Verdict))}
        events: dict[int, list[VerdictEvent]] = {}
        for ev in s.exec(select(VerdictEvent).order_by(col(VerdictEvent.id))):
            events.setdefault(ev.claim_id, []).append(ev)
    reviews = 0
    for cid in claims:
        v, evs = verdicts[cid], events[cid]
        human = [e for e in evs if e.actor != AUTO]
        reviews += len(human)
        if evs[-1].status != v.status:
            mismatches.append((cid, "status differs from the last event", v.status, evs[-1].status))
        if human:
            last = human[-1]
            if (v.status, v.reason, v.actor) != (last.status, last.reason, last.actor):
                mismatches.append((cid, "reviewer verdict replaced", (v.status, v.reason, v.actor),
                                   (last.status, last.reason, last.actor)))
        elif (v.status, v.reason) != (evs[-1].status, evs[-1].reason):
            mismatches.append((cid, "machine verdict differs from its event", v.status, evs[-1].status))
    assert reviews >= 3000
    assert mismatches == [], f"{len(mismatches)} of {len(claims)}: {mismatches[:5]}"
