"""The desk's daily work on both databases: a queue that drains with save-and-next, assignment,
bulk review, search, the sources pages, ClaimReview and the exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.db import session_scope
from storage.models import AuditEntry, Claim, Snapshot, Source, Verdict
from storage.verdicts import initial_verdict
from tests.api.conftest import bearer
from tests.api.factories import Seed
from tests.api.test_pages import _csrf, _login

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _queue_ids(client: TestClient, **params: Any) -> list[int]:
    client.app.state.counts.clear()  # type: ignore[attr-defined]
    return [c["id"] for c in client.get("/api/queue", params=params).json()["items"]]


def test_queue_is_most_urgent_first_and_reviewed_claims_leave_it(client: TestClient, seed: Seed,
                                                                  engine: Engine) -> None:
    with session_scope(engine) as s:  # a machine "verified" with low confidence is worth a look
        v = s.get(Verdict, seed.claims["valuation"])
        assert v is not None
        v.confidence = 0.5
        s.add(v)
    ids = _queue_ids(client)
    assert ids[0] == seed.claims["amount"]  # contradicted first
    assert ids[-1] == seed.claims["valuation"]  # low-confidence verified last
    assert set(ids) == set(seed.claims.values())
    h = bearer(seed.tokens["reviewer"])
    r = client.post(f"/api/claims/{seed.claims['amount']}/review", json={"status": "contradicted"}, headers=h)
    assert r.status_code == 200
    assert seed.claims["amount"] not in _queue_ids(client)  # reviewed: out of the queue
    reviewed = _queue_ids(client, review="reviewed")
    assert reviewed == [seed.claims["amount"]]
    detail = client.get(f"/api/claims/{seed.claims['amount']}").json()
    assert detail["review_state"] == "reviewed" and detail["reviewed_at"]


def test_save_and_next_drains_one_report_keeping_the_filters(client: TestClient, seed: Seed) -> None:
    _login(client, seed.tokens["reviewer"])
    report = str(seed.reports["a"])
    qs = f"report={report}"
    waiting = _queue_ids(client, report=report)
    assert seed.claims["valuation"] not in waiting  # verified with confidence 0.85: not queued
    html = client.get("/", params={"report": report}).text
    first = re.search(r'href="/claims/(\d+)\?queue=([^"]+)"', html)
    assert first, "queue rows link to claims with the queue's filters"
    url = f"/claims/{first.group(1)}?queue={first.group(2)}"
    seen = []
    for _ in range(10):
        page = client.get(url).text
        assert 'data-queue="/?report=' in page  # the `g` key goes back to this filtered queue
        cid = int(re.search(r"<h1>Claim (\d+)", page).group(1))  # type: ignore[union-attr]
        seen.append(cid)
        status = re.search(r'value="(\w+)" checked', page)
        r = client.post(f"/claims/{cid}/review", data={"status": status.group(1) if status else "unverified",
                                                       "note": "checked", "csrf_token": _csrf(page), "queue": qs,
                                                       "next": "1"}, follow_redirects=False)
        assert r.status_code == 303, r.text
        url = r.headers["location"]
        if url.startswith("/?"):
            break
        assert "queue=report%3D" in url  # the filters ride along
    assert url.startswith("/?report=") and "done=1" in url
    assert seen == waiting  # report A only, in the queue's order
    assert "The queue is empty" in client.get(url).text
    assert _queue_ids(client, report=report) == []
    assert _queue_ids(client) == [seed.claims["other"]]  # the other report's claim is still waiting
    with Session(client.app.state.engine) as s:  # type: ignore[attr-defined]
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "claim.review")).all()
    assert len(audit) == len(seen)


def test_assign_to_me_and_my_queue(client: TestClient, seed: Seed) -> None:
    _login(client, seed.tokens["reviewer"])
    cid = seed.claims["langs"]
    page = client.get(f"/claims/{cid}").text
    r = client.post(f"/claims/{cid}/assign", data={"assignee": "me", "csrf_token": _csrf(page)}, follow_redirects=False)
    assert r.status_code == 303
    mine = client.get("/", params={"assignee": "me"}).text
    assert f'href="/claims/{cid}?' in mine and "My queue" in mine
    assert f'href="/claims/{seed.claims["amount"]}?' not in mine
    api = client.get("/api/queue", params={"assignee": "reviewer-1"}).json()
    assert [c["id"] for c in api["items"]] == [cid] and api["items"][0]["review_state"] == "assigned"
    h = bearer(seed.tokens["admin"])
    r = client.post("/api/claims/assign", json={"claim_ids": [seed.claims["version"]], "assignee": "ann"}, headers=h)
    assert r.status_code == 200 and r.json() == {"assigned": 1}
    assert set(_queue_ids(client, review="assigned")) == {cid, seed.claims["version"]}
    assert cid not in _queue_ids(client, review="unreviewed")


def test_bulk_confirm_every_claim_of_a_source_audits_each(client: TestClient, seed: Seed, engine: Engine) -> None:
    h = bearer(seed.tokens["reviewer"])
    src = seed.sources["ok"]
    r = client.post("/api/claims/bulk-review", json={"source_id": src, "status": "confirm", "note": "desk check"},
                    headers=h)
    assert r.status_code == 200, r.text
    done = r.json()["done"]
    assert sorted(done) == sorted([seed.claims["amount"], seed.claims["valuation"]])
    with Session(engine) as s:
        audit = s.exec(select(AuditEntry).where(AuditEntry.action == "claim.review")).all()
        verdicts = {cid: s.get(Verdict, cid) for cid in done}
    assert sorted(int(a.object_id) for a in audit) == sorted(done)
    assert all(a.note == "desk check" and a.actor == "reviewer-1" for a in audit)
    assert verdicts[seed.claims["amount"]].status == "contradicted"  # type: ignore[union-attr]  # confirmed, kept
    # an override of selected claims without a note fails for each claim, nothing half-written
    r = client.post("/api/claims/bulk-review", json={"claim_ids": [seed.claims["version"], seed.claims["langs"]],
                                                     "status": "verified"}, headers=h)
    assert r.status_code == 200 and r.json()["done"] == [] and len(r.json()["failed"]) == 2
    assert client.post("/api/claims/bulk-review", json={"source_id": src}, headers=bearer(seed.tokens["editor"])
                       ).status_code == 403


def test_bulk_form_on_the_source_page(client: TestClient, seed: Seed) -> None:
    _login(client, seed.tokens["reviewer"])
    src = seed.sources["changed"]
    page = client.get(f"/sources/{src}").text
    assert 'id="bulk-confirm-source"' in page
    r = client.post("/claims/bulk", data={"csrf_token": _csrf(page), "source_id": str(src), "action": "confirm",
                                          "note": "both fine", "back": f"/sources/{src}"}, follow_redirects=False)
    assert r.status_code == 303 and "bulk_done=2" in r.headers["location"]
    assert seed.claims["version"] not in _queue_ids(client)
    for evil in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/"):  # no open redirect
        r = client.post("/claims/bulk", data={"csrf_token": _csrf(page), "claim_id": str(seed.claims["amount"]),
                                              "action": "confirm", "back": evil}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/?bulk_done=1"), r.headers["location"]


@pytest.mark.parametrize("query", ["完成 4 亿", "融资", "example.org", "04-14", "Gemma 4"])
def test_search_claims_reports_and_sources(client: TestClient, seed: Seed, query: str) -> None:
    body = client.get("/api/search", params={"q": query}).json()
    texts = [c["text"] for c in body["claims"]["items"]]
    assert all(query.lower() in t.lower() for t in texts)
    if query == "完成 4 亿":  # three characters or more: through the trigram index
        assert len(texts) == 2 and body["mode"] in ("fts5", "pg_trgm")
    if query == "融资":  # a two-character Chinese word: the LIKE fallback finds it too
        assert body["claims"]["total"] == 3
    if query == "example.org":
        assert [s["id"] for s in body["sources"]] == [seed.sources["changed"]]
    if query == "04-14":  # report name by substring
        assert [r["id"] for r in body["reports"]] == [seed.reports["b"]]
    html = client.get("/search", params={"q": query}).text
    assert "hold “" in html


def test_search_finds_a_claim_added_after_the_index_was_built(client: TestClient, seed: Seed,
                                                              engine: Engine) -> None:
    with session_scope(engine) as s:
        c = s.get(Claim, seed.claims["langs"])
        assert c is not None
        new = Claim(report_id=c.report_id, section_id=c.section_id, start=0, end=2, sentence_start=0,
                    sentence_end=2, text="字节跳动发布豆包大模型 1.5 Pro", key_text="1.5", kind="version")
        s.add(new)
        s.flush()
        initial_verdict(s, new.id)  # type: ignore[arg-type]  # as ingest does
    body = client.get("/api/search", params={"q": "豆包大模型"}).json()
    assert body["claims"]["total"] == 1
    assert client.get("/api/search", params={"q": "title:OpenAI raises"}).json()["claims"]["total"] == 0
    by_title = client.get("/api/search", params={"q": "OpenAI raises"}).json()["sources"]
    assert [s["id"] for s in by_title] == [seed.sources["ok"]]  # a page title finds its source


def test_sources_page_pages_without_a_cap_and_counts_agree(client: TestClient, seed: Seed, engine: Engine) -> None:
    with session_scope(engine) as s:
        s.add_all([Source(url=f"https://many.example/{i}", host="many.example", state="ok") for i in range(120)])
    html = client.get("/sources").text
    assert "123 sources, showing 1–50" in html and 'rel="next"' in html
    last = client.get("/sources", params={"offset": 100}).text
    assert "showing 101–123" in last and 'rel="next"' not in last
    r = client.get("/api/sources", params={"limit": 500})
    assert r.headers["x-total-count"] == "123"
    listed = {x["id"]: x["claims"] for x in r.json()}
    for key, sid in seed.sources.items():
        detail = client.get(f"/api/sources/{sid}").json()
        assert detail["claims"] == listed[sid], key
        claims_page = client.get("/claims", params={"source": sid}).text
        assert f"{detail['claims']} claim" in claims_page
    assert f'href="/claims?source={seed.sources["ok"]}">2</a>' in client.get("/sources").text


def test_source_page_snapshots_raw_frame_and_diff(client: TestClient, seed: Seed, engine: Engine) -> None:
    import gzip

    src = seed.sources["ok"]
    raw = b"<html><script>alert(1)</script><img src='https://tracker.example/x.png'><p>OpenAI raised $6 million.</p></html>"
    with session_scope(engine) as s:
        s.add(Snapshot(source_id=src, content_hash="h2", title="OpenAI raises", content_type="text/html; charset=utf-8",
                       text="OpenAI raised $6 million at a valuation of about $90 billion.", raw_gz=gzip.compress(raw)))
    html = client.get(f"/sources/{src}").text
    assert "h1"[:1] and html.count("<code title=") == 2  # every snapshot with its hash
    assert '<mark class="hl">' not in html or "$90 billion" in html
    frame = re.search(r'<iframe[^>]*>', html)
    assert frame and 'sandbox=""' in frame.group(0) and "allow-scripts" not in frame.group(0)
    assert "default-src &#39;none&#39;" in frame.group(0) or "default-src 'none'" in frame.group(0)
    with Session(engine) as s:
        snaps = s.exec(select(Snapshot).where(Snapshot.source_id == src).order_by(Snapshot.id)).all()
    old, new = snaps[0].id, snaps[1].id
    r = client.get(f"/sources/{src}/snapshots/{new}/raw")
    assert r.status_code == 200 and "sandbox" in r.headers["content-security-policy"]
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert client.get(f"/sources/{src}/snapshots/{old}/raw").status_code == 404  # no raw page kept
    diff = client.get(f"/sources/{src}/diff", params={"a": old, "b": new}).text
    assert '<del class="figure">4</del><ins class="figure">6</ins>' in diff
    assert "1 changed figure" in diff or "2 changed figure" in diff
    assert client.get(f"/sources/{seed.sources['dead']}/diff").status_code == 200


def test_source_schedule_and_pause(client: TestClient, seed: Seed, engine: Engine) -> None:
    h = bearer(seed.tokens["editor"])
    src = seed.sources["ok"]
    r = client.put(f"/api/sources/{src}/schedule", json={"check_interval_hours": 6, "paused": True}, headers=h)
    assert r.status_code == 200 and r.json()["paused"] is True and r.json()["check_interval_hours"] == 6
    from storage.leases import claim_sources

    leased = claim_sources(engine, "w1", limit=10, lease_seconds=60)
    assert src not in [c.id for c in leased]  # a paused source is left out of scheduled rounds
    assert client.put(f"/api/sources/{src}/schedule", json={"check_interval_hours": -1}, headers=h).status_code == 422
    with Session(engine) as s:
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "source.schedule")).one().actor == "editor-1"


def _claimreview_setup(client: TestClient, seed: Seed, engine: Engine) -> dict[str, Any]:
    from storage.models import Report

    with session_scope(engine) as s:
        rep = s.get(Report, seed.reports["a"])
        assert rep is not None
        rep.meta = json.dumps({"publisher": {"name": "AI 日报编辑部", "url": "https://daily.example"},
                               "url": "https://daily.example/2026-04-13"})
        rep.language = "zh"
        s.add(rep)
    h = bearer(seed.tokens["reviewer"])
    cid = seed.claims["amount"]
    client.post(f"/api/claims/{cid}/review", json={"status": "contradicted", "note": "page says $4 million"}, headers=h)
    return client.get("/api/export", params={"format": "claimreview"}).json()


def _loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url  # never the network
    doc = json.loads((FIXTURES / "schemaorg-context.jsonld").read_text())
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": doc}


def test_claimreview_expands_with_every_field(settings: Any, engine: Engine, seed: Seed) -> None:
    from pyld import jsonld

    from verifier.api import create_app

    app = create_app(settings.model_copy(update={"public_base_url": "https://desk.example.org",
                                                 "publisher_name": "Example Fact Check",
                                                 "publisher_url": "https://factcheck.example.org"}), engine)
    client = TestClient(app)
    doc = _claimreview_setup(client, seed, engine)
    expanded = jsonld.expand(doc, {"documentLoader": _loader})
    S = "http://schema.org/"

    def one(node: dict[str, Any], prop: str) -> Any:
        values = node[S + prop]
        assert len(values) == 1, prop
        return values[0]

    def val(node: dict[str, Any], prop: str) -> Any:
        v = one(node, prop)
        return v.get("@value", v.get("@id"))

    (review,) = expanded
    assert review["@type"] == [S + "ClaimReview"]
    assert val(review, "url") == f"https://desk.example.org/claims/{seed.claims['amount']}"
    assert "4 亿美元" in val(review, "claimReviewed")
    author = one(review, "author")
    assert author["@type"] == [S + "Organization"] and val(author, "name") == "Example Fact Check"
    assert val(author, "url") == "https://factcheck.example.org"
    assert val(one(review, "publisher"), "name") == "Example Fact Check"
    assert val(review, "datePublished")[:4] == val(review, "dateModified")[:4]
    assert val(review, "reviewBody") == "page says $4 million"
    item = one(review, "itemReviewed")
    assert item["@type"] == [S + "Claim"]
    assert val(one(item, "author"), "name") == "AI 日报编辑部"
    assert val(item, "datePublished") == "2026-04-13" or val(item, "datePublished") is not None
    assert val(item, "inLanguage") == "zh"
    appearance = one(item, "appearance")
    assert val(appearance, "url") == "https://daily.example/2026-04-13"
    rating = one(review, "reviewRating")
    assert rating["@type"] == [S + "Rating"]
    assert (val(rating, "ratingValue"), val(rating, "worstRating"), val(rating, "bestRating")) == (1, 1, 3)
    assert val(rating, "alternateName") == "Contradicted"
    # dateModified follows the verdict history: the newest event of the claim
    with Session(engine) as s:
        from storage.models import VerdictEvent

        last = s.exec(select(VerdictEvent).where(VerdictEvent.claim_id == seed.claims["amount"])
                      .order_by(VerdictEvent.id.desc())).first()  # type: ignore[union-attr]
    assert last is not None and val(review, "dateModified").startswith(last.created_at.isoformat()[:19])
    # the claim page embeds the same review as JSON-LD
    page = client.get(f"/claims/{seed.claims['amount']}").text
    block = re.search(r'<script type="application/ld\+json" id="claimreview">(.*?)</script>', page, re.S)
    assert block
    embedded = json.loads(block.group(1))
    assert embedded["@context"] == "https://schema.org" and embedded["url"] == doc["@graph"][0]["url"]
    assert "application/ld+json" not in client.get(f"/claims/{seed.claims['langs']}").text  # not reviewed


def test_csv_export_escapes_formulas_and_carries_the_review(client: TestClient, seed: Seed, engine: Engine) -> None:
    with session_scope(engine) as s:
        c = s.get(Claim, seed.claims["langs"])
        assert c is not None
        c.text = '=HYPERLINK("https://evil.example","click")'
        c.key_text = "+1"
        s.add(c)
    h = bearer(seed.tokens["reviewer"])
    client.post(f"/api/claims/{seed.claims['langs']}/review", json={"status": "contradicted",
                                                                    "note": "@SUM(1+1) tab\tand 中文"}, headers=h)
    raw = client.get("/api/export", params={"format": "csv", "bom": True}).content
    assert raw.startswith("\ufeff".encode())  # Excel then reads Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    row = next(r for r in rows if r["id"] == str(seed.claims["langs"]))
    assert row["text"].startswith("'=") and row["key"] == "'+1" and row["note"].startswith("'@")
    assert row["reviewer"] == "reviewer-1" and row["reviewed_at"][:2] == "20"
    for r in rows:
        for value in r.values():
            assert not value or value[0] not in "=+-@\t\r", value
    plain = client.get("/api/export", params={"format": "csv"}).content
    assert not plain.startswith("\ufeff".encode())
    records = client.get("/api/export", params={"format": "json"}).json()["claims"]
    rec = next(r for r in records if r["id"] == seed.claims["langs"])
    assert rec["note"] == "@SUM(1+1) tab\tand 中文" and rec["reviewer"] == "reviewer-1"


def test_names_urls_and_titles_have_search_indexes(client: TestClient, engine: Engine) -> None:
    """Report names, source URLs and page titles are matched off indexes: trigram indexes on
    PostgreSQL, a covering (title, source) index on SQLite instead of the snapshot rows."""
    from sqlalchemy import inspect

    names = {t: {ix["name"] for ix in inspect(engine).get_indexes(t)} for t in ("report", "source", "snapshot")}
    if engine.dialect.name == "postgresql":
        assert "ix_report_name_trgm" in names["report"] and "ix_source_url_trgm" in names["source"]
        assert "ix_snapshot_title_trgm" in names["snapshot"]
    else:
        assert "ix_snapshot_title_source" in names["snapshot"]
