"""Archive import under hostile input (issue 11, items 3, 15 and 16): bombs, huge records, truncated
files and a real crawler's robots.txt end in a clear state, bounded in time and memory.

Each case runs ``claimledger sources import`` in a subprocess so its peak RSS can be measured.
"""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import Session, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storage.db import make_engine, session_scope
from storage.models import Snapshot, Source
from storage.sources import upsert_source_url

MAX_RSS_MB = 300
PAGE = b"<html><body><p>The company raised 5 million.</p></body></html>"


def _record(writer: WARCWriter, url: str, body: bytes, *, headers: list[tuple[str, str]] | None = None) -> None:
    http = StatusAndHeaders("200 OK", headers or [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def _warc(path: Path, records: list[tuple[str, bytes, list[tuple[str, str]] | None]], gz: bool = True) -> Path:
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, body, headers in records:
            _record(w, url, body, headers=headers)
    return path


def _import(db: str, archive: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[int, str, float, float]:
    """(exit code, output, seconds, peak RSS in MB) of one import in a child process."""
    # VmHWM (peak RSS of this process image; ru_maxrss would include the forking pytest's)
    code = (
        "import sys\n"
        "from verifier.cli.main import app\n"
        "try:\n    app(sys.argv[1:])\n"
        "except SystemExit as e:\n"
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "    print(f'RSS {int(hwm) / 1024:.0f}', file=sys.stderr)\n    raise\n"
    )
    t = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", code, "--db", db, "sources", "import", str(archive), *extra],
        capture_output=True, text=True, timeout=180, env={**os.environ, **(env or {})},
    )
    took = time.monotonic() - t
    rss = float(proc.stderr.rsplit("RSS ", 1)[1].split()[0]) if "RSS " in proc.stderr else -1.0
    print(f"MEASURED {archive.name}: exit {proc.returncode}, {took:.1f} s, peak RSS {rss:.0f} MB")
    return proc.returncode, proc.stdout + proc.stderr, took, rss


@pytest.fixture
def ledger(tmp_path: Path) -> str:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    engine = make_engine(db)
    with session_scope(engine) as s:
        upsert_source_url(s, "https://example.org/cited")
    return db


def _snapshots(db: str) -> list[str]:
    with Session(make_engine(db)) as s:
        return [src.url for src in s.exec(select(Source).join(Snapshot, Snapshot.source_id == Source.id))]


def test_gzip_encoded_record_of_200_mb_fails_that_record_only(ledger: str, tmp_path: Path) -> None:
    bomb = gzip.compress(b"<p>" + b"A" * 200_000_000, compresslevel=9)
    warc = _warc(tmp_path / "bomb.warc.gz", [
        ("https://example.org/cited", bomb, [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
    ])
    code, out, took, rss = _import(ledger, warc)
    assert code == 0, out
    assert took < 60 and 0 < rss < MAX_RSS_MB, (took, rss)
    assert _snapshots(ledger) == []
    with Session(make_engine(ledger)) as s:
        src = s.exec(select(Source)).one()
        assert "larger than" in (src.last_error or "")


def test_warc_gz_of_zeros_is_refused_quickly(ledger: str, tmp_path: Path) -> None:
    zeros = tmp_path / "zeros.warc.gz"
    zeros.write_bytes(gzip.compress(b"\0" * 100_000_000, compresslevel=9))
    code, out, took, rss = _import(ledger, zeros)
    assert code == 2 and "not a WARC" in out, out
    assert took < 60 and 0 < rss < MAX_RSS_MB, (took, rss)


def test_a_60_mb_page_is_not_imported_past_the_body_cap(ledger: str, tmp_path: Path) -> None:
    warc = _warc(tmp_path / "big.warc", [("https://example.org/cited", b"<p>" + b"x " * 30_000_000, None)], gz=False)
    code, out, took, rss = _import(ledger, warc)
    assert code == 0 and _snapshots(ledger) == [], out
    assert took < 60 and 0 < rss < MAX_RSS_MB, (took, rss)


def test_a_truncated_warc_is_an_error(ledger: str, tmp_path: Path) -> None:
    full = _warc(tmp_path / "ok.warc.gz", [("https://example.org/cited", PAGE * 200, None)])
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    code, out, _, _ = _import(ledger, cut)
    assert code == 2 and "truncated" in out, out
    assert _snapshots(ledger) == []


def test_random_bytes_are_an_error_in_plain_words(ledger: str, tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc"
    junk.write_bytes(bytes(range(256)) * 4096)  # 1 MB of every byte value
    code, out, _, _ = _import(ledger, junk)
    error = [line for line in out.splitlines() if "error" in line]
    assert code == 2 and "not a readable WARC file" in out, out
    assert all(c.isascii() and (c.isprintable() or c in "\r\n") for c in out), out  # no raw bytes echoed
    assert error and len(" ".join(error)) < 400


def test_too_many_records_is_an_error(ledger: str, tmp_path: Path) -> None:
    warc = _warc(tmp_path / "many.warc.gz", [(f"https://example.org/p{i}", PAGE, None) for i in range(30)])
    code, out, _, _ = _import(ledger, warc, env={"CLAIMLEDGER_MAX_ARCHIVE_RECORDS": "10"})
    assert code == 2 and "more than 10 records" in out, out


def test_a_crawler_warc_adds_no_robots_txt_source(ledger: str, tmp_path: Path) -> None:
    warc = _warc(tmp_path / "wget.warc.gz", [
        ("https://example.org/robots.txt", b"User-agent: *\nDisallow:\n", [("Content-Type", "text/plain")]),
        ("https://example.org/cited", PAGE, None),
        ("https://example.org/style.css", b"body{}", [("Content-Type", "text/css")]),
    ])
    code, out, _, _ = _import(ledger, warc)
    assert code == 0, out
    with Session(make_engine(ledger)) as s:
        assert [x.url for x in s.exec(select(Source))] == ["https://example.org/cited"]
    assert _snapshots(ledger) == ["https://example.org/cited"]
    code, out, _, _ = _import(ledger, warc, "--all-records")  # asked for: every record
    with Session(make_engine(ledger)) as s:
        assert len(s.exec(select(Source)).all()) == 3

