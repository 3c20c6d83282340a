"""Archive import (manifest folder, WARC) and WARC export against a real ledger."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from claims.errors import ArchiveError
from claims.urls import normalise_url
from storage.db import make_engine
from storage.models import Snapshot, Source
from tests.conftest import SOURCES_DIR
from verifier.archive import export_warc, import_archive


def _snapshots(engine: Engine) -> list[tuple[str, str, str, str, str | None, int, str]]:
    with Session(engine) as s:
        rows = s.exec(select(Snapshot, Source).where(Snapshot.source_id == Source.id)).all()
        return sorted(
            (
                src.url,
                snap.content_hash,
                snap.text,
                snap.passages,
                snap.published,
                snap.http_status,
                snap.title,
            )
            for snap, src in rows
        )


def test_manifest_import_keeps_article_and_drops_noise(engine: Engine) -> None:
    manifest = json.loads((SOURCES_DIR / "manifest.json").read_text())
    summary = import_archive(engine, SOURCES_DIR)
    ok = [e for e in manifest if e["status"] == 200]
    assert summary.new_snapshots == len(ok)
    assert summary.dead == len(manifest) - len(ok)
    with Session(engine) as s:
        sources = {src.url: src for src in s.exec(select(Source))}
        for entry in manifest:
            url, _ = normalise_url(entry["url"])
            assert sources[url].state == ("ok" if entry["status"] == 200 else "dead")
        snaps = s.exec(select(Snapshot)).all()
        assert all(sn.origin == "manifest" and sn.raw_gz for sn in snaps)
        glasswing = sources["https://www.anthropic.com/news/project-glasswing"]
        snap = s.exec(select(Snapshot).where(Snapshot.source_id == glasswing.id)).one()
        assert snap.published == "2026-04-07"
        assert "$4 million in direct donations" in snap.text
        assert "CyberGym (vulnerability reproduction) | 83.1% | 66.6%" in snap.text
        assert (
            "cookies" not in snap.text and "Privacy policy" not in snap.text and "Try Claude" not in snap.text
        )
        passages = json.loads(snap.passages)
        assert {"start", "end", "kind", "heading"} <= set(passages[0])
        assert snap.fetched_at.isoformat().startswith("2026-04-16T08:00:00")
    # no cookie or footer text in any archived page
    for sn in snaps:
        assert "accept all cookies" not in sn.text.lower()


def test_import_twice_is_a_noop(engine: Engine) -> None:
    import_archive(engine, SOURCES_DIR)
    before = _snapshots(engine)
    again = import_archive(engine, SOURCES_DIR)
    assert again.new_snapshots == 0 and again.new_sources == 0
    assert _snapshots(engine) == before


def test_warc_round_trip_into_empty_ledger(engine: Engine, tmp_path: Path) -> None:
    import_archive(engine, SOURCES_DIR)
    warc = tmp_path / "out.warc.gz"
    records = export_warc(engine, warc)
    assert records >= len(_snapshots(engine))
    other = make_engine(f"sqlite:///{tmp_path / 'other.db'}", cache=False)
    summary = import_archive(other, warc)
    assert summary.new_snapshots == len(_snapshots(engine))
    assert _snapshots(other) == _snapshots(engine)
    with Session(other) as s:
        assert {src.state for src in s.exec(select(Source))} == {"ok", "dead"}


def test_bad_archives_are_refused_without_writing(sqlite_url: str, tmp_path: Path) -> None:
    engine = make_engine(sqlite_url, cache=False)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "manifest.json").write_text(
        json.dumps(
            [
                {
                    "url": "https://a.example/x",
                    "status": 200,
                    "file": "x.html",
                    "captured_at": "2026-04-16T08:00:00Z",
                },
                {
                    "url": "https://a.example/y",
                    "status": 200,
                    "file": "missing.html",
                    "captured_at": "2026-04-16",
                },
            ]
        )
    )
    (bad / "x.html").write_text("<p>x</p>")
    with pytest.raises(ArchiveError, match="missing.html"):
        import_archive(engine, bad)
    (bad / "manifest.json").write_text(
        json.dumps([{"url": "https://a.example/z", "file": "../../etc/passwd"}])
    )
    with pytest.raises(ArchiveError):
        import_archive(engine, bad)
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a warc file\r\n\r\n")
    with pytest.raises(ArchiveError):
        import_archive(engine, junk)
    with pytest.raises(ArchiveError):
        import_archive(engine, tmp_path / "nope")
    with Session(engine) as s:
        assert s.exec(select(Source)).all() == []


def test_warc_from_a_crawler_redirects_and_encodings(sqlite_url: str, tmp_path: Path) -> None:
    """A crawler's WARC: warcinfo, request records, a 301 hop, a gzip+chunked body, a 304 revisit."""
    import gzip
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = "<html><head><title>新闻</title></head><body><p>营收达到 120 亿美元</p></body></html>".encode()
    gz = gzip.compress(page)
    chunked = f"{len(gz):x}\r\n".encode() + gz + b"\r\n0\r\n\r\n"
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        w.write_record(w.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        req = StatusAndHeaders("GET /old HTTP/1.1", [("Host", "a.example")], is_http_request=True)
        w.write_record(w.create_warc_record("http://a.example/old", "request", http_headers=req))
        hop = StatusAndHeaders(
            "301 Moved", [("Location", "https://a.example/new"), ("Content-Length", "0")], protocol="HTTP/1.1"
        )
        w.write_record(
            w.create_warc_record(
                "http://a.example/old", "response", payload=io.BytesIO(b""), length=0, http_headers=hop
            )
        )
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
            ("ETag", '"e1"'),
        ]
        ok = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://a.example/new",
                "response",
                payload=io.BytesIO(chunked),
                length=len(chunked),
                http_headers=ok,
            )
        )
    engine = make_engine(sqlite_url, cache=False)
    summary = import_archive(engine, path)
    assert summary.new_snapshots == 2
    with Session(engine) as s:
        src = {x.url: x for x in s.exec(select(Source))}
        assert set(src) == {"http://a.example/old", "https://a.example/new"}
        old = s.exec(select(Snapshot).where(Snapshot.source_id == src["http://a.example/old"].id)).one()
        assert old.final_url == "https://a.example/new"
        assert old.title == "新闻" and "营收达到 120 亿美元" in old.text
        assert src["https://a.example/new"].etag == '"e1"'
