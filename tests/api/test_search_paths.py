"""``storage.search.search`` answers the same whichever way it reads the claims: cut from the ids
of every match (at most ``SELECTIVE``), from the newest matches at hand, or counted and paged
through the claims. Checked on SQLite (FTS5 trigram) and PostgreSQL (pg_trgm) against a plain
reading of the ledger: the claims holding the query, filtered, newest first, the page asked for."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

import storage.search as search_mod
from storage.models import Claim, Report, Section, Verdict
from storage.queries import ClaimFilter
from storage.search import ensure_search, search

WORDS = ["云智海", "融资", "估值", "OpenAI", "Gemma", "亿美元", "发布", "模型", "openai"]
STATUSES = ["verified", "unverified", "contradicted"]


@pytest.fixture
def ledger(engine: Engine) -> Engine:
    rng = random.Random(3)
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as conn:
        conn.execute(insert(Report), [{"id": i, "name": f"r{i}.txt", "version": 1, "is_latest": True, "title": "",
                                       "sha256": f"{i:064x}", "language": "zh", "text": "x" * 200, "meta": "{}",
                                       "ingested_at": now} for i in (1, 2)])
        conn.execute(insert(Section), [{"id": i, "report_id": i, "order": 0, "heading": "", "kind": "event",
                                        "start": 0, "end": 200} for i in (1, 2)])
        claims, verdicts = [], []
        for cid in range(1, 301):
            words = rng.sample(WORDS, 3) if cid % 7 else ["OpenAI"]
            claims.append({"id": cid, "report_id": 1 + cid % 2, "section_id": 1 + cid % 2, "start": 0, "end": 2,
                           "sentence_start": 0, "sentence_end": 10, "text": f"{cid} " + " ".join(words),
                           "key_text": "", "kind": "money", "values": "[]", "entities": "[]", "topics": "[]",
                           "checkworthy": cid % 5 != 0, "created_at": now})
            verdicts.append({"claim_id": cid, "status": STATUSES[cid % 3], "reason": "value_match", "confidence": 0.5,
                             "actor": "auto", "note": "", "evidence_digest": "", "conflicts_with": "[]",
                             "needs_review": False, "updated_at": now})
        conn.execute(insert(Claim), claims)
        conn.execute(insert(Verdict), verdicts)
    ensure_search(engine)
    return engine


def _expected(s: Session, query: str, flt: ClaimFilter, limit: int, offset: int) -> tuple[list[int], int]:
    rows = s.exec(select(Claim.id, Claim.text, Claim.checkworthy, Claim.report_id, Verdict.status)
                  .join(Verdict, Verdict.claim_id == Claim.id)).all()
    ids = sorted((cid for cid, text, worthy, rid, status in rows
                  if query.lower() in text.lower()
                  and (flt.status is None or status == flt.status)
                  and (flt.checkworthy is None or worthy == flt.checkworthy)
                  and (flt.report is None or rid == int(flt.report))), reverse=True)
    return ids[offset: offset + limit], len(ids)


# every path: ids of all matches, the newest at hand, paged; and counts stopped at a cap
@pytest.mark.parametrize(("selective", "cap"), [(1_000, 10_000), (5, 10_000), (0, 10_000), (1_000, 20), (5, 20), (0, 20)])
def test_search_pages_match_a_plain_reading(ledger: Engine, monkeypatch: pytest.MonkeyPatch, selective: int,
                                            cap: int) -> None:
    monkeypatch.setattr(search_mod, "SELECTIVE", selective)
    monkeypatch.setattr(search_mod, "MAX_COUNT", cap)
    search_mod._cached_claim_statements.cache_clear()  # the cap is written into the cached statements
    try:
        cases = [
            ("云智海", ClaimFilter(checkworthy=None), 10, 0),
            ("云智海", ClaimFilter(checkworthy=None), 10, 20),
            ("融资", ClaimFilter(checkworthy=None), 7, 0),  # two characters: no trigram, a scan
            ("融资", ClaimFilter(checkworthy=None), 7, 3),
            ("融资", ClaimFilter(status="verified"), 5, 2),
            ("openai", ClaimFilter(checkworthy=None), 50, 0),  # Latin letters: case-insensitive
            ("OpenAI", ClaimFilter(status="contradicted", report="2"), 4, 4),
            ("亿美元", ClaimFilter(), 3, 30),
            ("nowhere", ClaimFilter(checkworthy=None), 10, 0),
        ]
        with Session(ledger) as s:
            for query, flt, limit, offset in cases:
                res = search(s, query, flt=flt, limit=limit, offset=offset, others=False)
                want, total = _expected(s, query, flt, limit, offset)
                assert [r.claim.id for r in res.claims] == want, (query, flt, limit, offset)
                assert res.claims_total == min(total, cap + 1), (query, flt)
                assert all(r.report_name == f"r{r.claim.report_id}.txt" for r in res.claims)
    finally:
        search_mod._cached_claim_statements.cache_clear()
