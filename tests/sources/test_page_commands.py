"""``claimledger page`` (how a page was read) and ``claimledger reparse`` (re-read stored bodies)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from storage.db import make_engine
from storage.ingest import ingest_report
from storage.models import Snapshot, Source
from storage.reparse import verdicts_of_sources
from tests.support.pdf import make_pdf
from verifier.archive import import_archive
from verifier.cli.main import app
from verifier.passages import PageText, html_to_passages, text_to_passages
from verifier.verify import verify_claims

runner = CliRunner()
DEVSET = Path(__file__).resolve().parent.parent / "fixtures" / "devset"


def test_page_json_one_line_per_file(tmp_path: Path) -> None:
    html = tmp_path / "a.html"
    html.write_text(
        "<html><head><title>Funding</title></head><body><article><h1>Kestrel raises $4.5 billion</h1>"
        "<p>Kestrel AI raised $4.5 billion in a Series D at a $62 billion valuation.</p></article></body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(make_pdf([["Revenue was $6.96 billion."], ["Margin was 66.9%."]], title="Q1"))
    res = runner.invoke(app, ["page", str(html), str(pdf), "--json", "--url", "https://kestrel.ai/blog/series-d"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(line) for line in res.output.splitlines() if line.strip()]
    assert [r["file"] for r in lines] == [str(html), str(pdf)]
    first, second = lines
    assert {"file", "title", "published", "state", "text", "passages"} <= set(first)
    assert first["state"] == "ok" and first["reader"] == "trafilatura"
    para = next(p for p in first["passages"] if "Series D" in p["text"])
    assert first["text"][para["start"] : para["end"]] == para["text"]
    assert [v["raw"] for v in para["values"]] == ["$4.5 billion", "$62 billion"]
    assert second["reader"] == "pdf"
    assert [(p["page"], p["text"]) for p in second["passages"] if p["kind"] != "title"] == [
        (1, "Revenue was $6.96 billion."), (2, "Margin was 66.9%.")
    ]
    human = runner.invoke(app, ["page", str(html)])
    assert human.exit_code == 0 and "state: ok" in human.output and "$62 billion" in human.output
    missing = runner.invoke(app, ["page", str(tmp_path / "nope.html")])
    assert missing.exit_code != 0 and "no file" in missing.output


def _old_reader(body: bytes | None, mime: str, *, text: str | None = None, url: str | None = None,
                pdf_limits: object = None) -> PageText:
    """How snapshots were read before verifier.reading: our own extractor on every page."""
    text = text if text is not None else (body or b"").decode("utf-8", "replace")
    return text_to_passages(text) if mime == "text/plain" else html_to_passages(text)


def test_reparse_rebuilds_passages_from_stored_bodies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(db, cache=False)
    with monkeypatch.context() as m:  # a ledger filled by the old reader
        m.setattr("verifier.snapshots.read_body", _old_reader)
        for path in sorted((DEVSET / "reports").iterdir()):
            ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
        import_archive(engine, DEVSET / "sources")
        verify_claims(engine)
    with Session(engine) as s:
        before = {snap.id: snap.text for snap in s.exec(select(Snapshot)).all()}
        assert {src.state for src in s.exec(select(Source)).all()} <= {"ok", "dead", "malformed", "new"}
        source_ids = [int(src.id) for src in s.exec(select(Source)).all() if src.id is not None]
        verdicts_before = verdicts_of_sources(s, source_ids)
    res = runner.invoke(app, ["--db", db, "reparse", "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output.strip().splitlines()[-1])
    # three tidy pages read the same either way; every page with chrome reads differently
    assert report["snapshots"] == 31 and 25 <= report["changed"] < 31
    assert report["readers"] == {"trafilatura": 31}
    assert report["states"] == {"ok": 29, "paywall": 1, "soft_404": 1}
    assert report["claims_reverified"] > 0
    # the report lists exactly the verdicts that moved, with what they were and are
    with Session(engine) as s:
        verdicts_after = verdicts_of_sources(s, source_ids)
    moved = {cid for cid, v in verdicts_after.items() if v[:2] != verdicts_before[cid][:2]}
    assert moved and {c["claim"] for c in report["verdict_changes"]} == moved
    for change in report["verdict_changes"]:
        assert change["before"] == list(verdicts_before[change["claim"]][:2])
        assert change["after"] == list(verdicts_after[change["claim"]][:2]) != change["before"]
    with Session(engine) as s:
        snaps = s.exec(select(Snapshot)).all()
        # the old snapshots keep their text (evidence points at them); re-read ones sit beside them
        assert {snap.id: snap.text for snap in snaps if snap.id in before} == before
        reread = [snap for snap in snaps if snap.origin == "reparse"]
        assert len(reread) == report["changed"] and all(snap.reader == "trafilatura" for snap in reread)
        states = {src.url: src.state for src in s.exec(select(Source)).all()}
    assert states["https://www.bloomfield.com/news/articles/2026-06-09/kestrel-weighs-long-term-chip-supply-pact-with-halden"] == "paywall"
    assert states["https://techledger.io/2026/06/10/halden-hx500-process-node/"] == "soft_404"
    again = runner.invoke(app, ["--db", db, "reparse", "--json"])  # read the same way now: nothing to do
    assert json.loads(again.output.strip().splitlines()[-1])["changed"] == 0


def test_page_reads_a_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.servers import LocalServer, Reply

    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES", "true")  # the test server is on loopback
    pdf = make_pdf([["Revenue was $6.96 billion."], ["Margin was 66.9%."]], title="Q1")
    gone = b"<html><head><title>Page not found</title></head><body><h1>Page not found</h1><p>Sorry.</p></body></html>"
    routes = {
        "/q1.pdf": lambda _r: Reply(body=pdf, headers={"Content-Type": "application/pdf"}),
        "/gone": lambda _r: Reply(body=gone),
    }
    with LocalServer(routes) as srv:
        res = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "page", srv.url("/q1.pdf"),
                                  srv.url("/gone"), srv.url("/missing"), "--json"])
    assert res.exit_code == 0, res.output
    q1, soft, dead = (json.loads(line) for line in res.output.splitlines() if line.strip())
    assert q1["reader"] == "pdf" and [p.get("page") for p in q1["passages"]] == [None, 1, 2]
    assert soft["state"] == "soft_404"
    assert dead["state"] == "dead" and dead["passages"] == []
