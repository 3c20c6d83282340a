"""Hostile inputs, each run in a child process: time to a clear end state and peak RSS (VmHWM).

    python bench/hostile.py            # every case, a table; exit 1 if one is over its bounds
    python bench/hostile.py --only yaml_alias_bomb

Bombs, huge, deep, slow and malformed input through every door: archive import (WARC, manifest),
report ingest, HTML parsing, fetching from a hostile local server. The bound for every case is
300 MB of peak RSS and the configured time (fetch cases: a total timeout of 5 s). Each child runs
under an address-space limit of 3 GB, so a case that would blow up fails instead of taking the
machine with it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_RSS_MB = 300
FETCH_TIMEOUT = 5.0
CHILD_TIMEOUT = 120  # seconds a case may run before it is killed and reported
PAGE = b"<html><body><p>The company raised 5 million.</p></body></html>"
MB = 1024 * 1024


# --- inputs ------------------------------------------------------------------------------------------


def _warc(path: Path, records: list[tuple[str, bytes, list[tuple[str, str]]]], gz: bool = True) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for url, body, headers in records:
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return path


def _gzip_zeros(n: int) -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block, out = bytes(MB), []
    for _ in range(n // MB):
        out.append(z.compress(block))
    out.append(z.flush())
    return b"".join(out)


def _yaml_bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "---\n" + "\n".join(lines) + "\n---\n# Title\n\nRevenue was $5 million.\n"


def prepare(d: Path) -> None:
    """Write every input file under ``d``."""
    html = [("Content-Type", "text/html")]
    _warc(d / "gzip_record.warc.gz", [
        ("https://example.org/ok", PAGE, html),
        ("https://example.org/bomb", _gzip_zeros(200 * MB), [*html, ("Content-Encoding", "gzip")]),
    ])
    (d / "zeros.warc.gz").write_bytes(_gzip_zeros(100 * MB))
    _warc(d / "huge_page.warc.gz", [("https://example.org/huge", b"<p>" + b"x" * (60 * MB) + b"</p>", html)])
    whole = _warc(d / "whole.warc.gz", [(f"https://example.org/{i}", PAGE * 50, html) for i in range(20)])
    (d / "truncated.warc.gz").write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    (d / "garbage.warc").write_bytes(os.urandom(1 * MB))
    deep = d / "deep_manifest"
    deep.mkdir(exist_ok=True)
    (deep / "manifest.json").write_text("[" * 100_000 + "]" * 100_000)
    big = d / "huge_manifest"
    big.mkdir(exist_ok=True)
    (big / "manifest.json").write_text('{"sources": [' + ",".join(['{"url": "https://e.org/x"}'] * 2_000_000) + "]}")
    reports = {
        "yaml_bomb.md": _yaml_bomb(),
        "deep_yaml.md": "---\nx: " + "[" * 5000 + "]" * 5000 + "\n---\n# T\n\nbody\n",
        "digits.md": "# T\n\nRevenue was " + "1" * 100_000 + " dollars.\n",
        "chinese_numerals.md": "# T\n\n" + "收入三百万两千五百四十一亿" * 80_000 + "。\n",
        "punctuation.md": "# T\n\n" + ",.-%$¥。，、" * 120_000 + "\n",
        "one_sentence_5mb.md": "# T\n\n" + "The company raised 5 million and " * 150_000 + "more.\n",
        "markdown_nesting.md": "# T\n\n" + ">" * 50_000 + " deep quote 5 million\n" + "- " * 20_000 + "x\n",
    }
    for name, text in reports.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "small.md").write_text("# T\n\nThe company raised 5 million dollars in 2026.\n", encoding="utf-8")
    (d / "binary.md").write_bytes(b"\x00\x01" * 100_000)
    (d / "latin1.md").write_bytes("# Título\n\nRevenue was £5 million\n".encode("latin-1"))
    (d / "million_p.html").write_text("<p>x</p>" * 1_000_000)
    (d / "deep_divs.html").write_text("<div>" * 100_000 + "5 million" + "</div>" * 100_000)
    (d / "unclosed.html").write_text("<table><tr><td>" * 200_000)


# --- a hostile web server ----------------------------------------------------------------------------


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up early is the point of these cases


class _Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            getattr(self, "_" + self.path.strip("/").split("?")[0], self._missing)()

    def _missing(self) -> None:
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _slowloris(self) -> None:  # headers, then a byte a second, forever
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(1)

    def _slow_headers(self) -> None:
        time.sleep(60)

    def _retry_after(self) -> None:
        self.send_response(503)
        self.send_header("Retry-After", "3600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _gzip_bomb(self) -> None:
        body = _BOMB
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _endless(self) -> None:  # 100 MB, no Content-Length
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"y" * MB)

    def _redirect_loop(self) -> None:
        self.send_response(302)
        self.send_header("Location", "/redirect_loop")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _binary(self) -> None:
        body = os.urandom(MB)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


_BOMB = b""


def _serve() -> tuple[ThreadingHTTPServer, str]:
    global _BOMB
    _BOMB = _gzip_zeros(1024 * MB)
    server = _QuietServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# --- the cases (run in the child) --------------------------------------------------------------------


def _cli(*args: str) -> str:
    from verifier.cli.main import app

    try:
        code = app(list(args), standalone_mode=False)  # click returns the exit code here
        return f"exit {code or 0}"
    except SystemExit as exc:
        return f"exit {exc.code}"
    except Exception as exc:  # noqa: BLE001 - the outcome is what we report
        return f"{exc.__class__.__name__}: {str(exc)[:80]}"


def _fetch(url: str, *, guard: bool = False) -> str:
    """Fetch ``url`` with a total timeout of FETCH_TIMEOUT; ``guard``: the SSRF guard on (the
    hostile server itself is on loopback, so those cases run with it off)."""
    import asyncio

    from verifier.fetch import Fetcher
    from verifier.settings import Settings

    settings = Settings(
        allow_private_addresses=not guard, respect_robots=False, total_timeout=FETCH_TIMEOUT, read_timeout=2.0,
        max_retries=3, backoff_base=0.1,
    )

    async def go() -> str:
        async with Fetcher(settings) as f:
            r = await f.fetch(url)
        return f"{r.outcome}: {(r.error or '')[:70]}"

    return asyncio.run(go())


def _parse(path: Path) -> str:
    from verifier.fetch.result import FetchResult
    from verifier.snapshots import page_of

    page = page_of(FetchResult(url="https://e.org/", outcome="ok", body=path.read_bytes(), content_type="text/html"))
    return f"{len(page.passages)} passages, {len(page.text):,} chars"


def _ingest(db: str, path: Path) -> str:
    return _cli("--db", db, "ingest", str(path))


def _import(db: str, path: Path) -> str:
    outcome = _cli("--db", db, "sources", "import", str(path), "--all-records")
    from sqlmodel import Session, col, func, select

    from storage.db import make_engine
    from storage.models import Snapshot, Source

    with Session(make_engine(db)) as s:
        snaps = s.exec(select(func.count()).select_from(Snapshot)).one()
        failed = s.exec(select(func.count()).select_from(Source).where(col(Source.last_error).is_not(None))).one()
    return f"{outcome}; {snaps} snapshots, {failed} sources failed"


Case = tuple[str, str, Callable[[Path, str, str], str]]  # name, what, run(dir, db, base url)

CASES: list[Case] = [
    ("baseline_small_report", "baseline: a small valid report", lambda d, db, u: _ingest(db, d / "small.md")),
    ("warc_gzip_record_200mb", "WARC record gzip-encoded to 200 MB", lambda d, db, u: _import(db, d / "gzip_record.warc.gz")),
    ("warc_gz_of_zeros_100mb", ".warc.gz of 100 MB of zeros", lambda d, db, u: _import(db, d / "zeros.warc.gz")),
    ("warc_60mb_page", "60 MB page in a WARC", lambda d, db, u: _import(db, d / "huge_page.warc.gz")),
    ("warc_truncated", "truncated .warc.gz", lambda d, db, u: _import(db, d / "truncated.warc.gz")),
    ("warc_random_bytes", "1 MB of random bytes as .warc", lambda d, db, u: _import(db, d / "garbage.warc")),
    ("manifest_deep_json", "manifest.json nested 100,000 deep", lambda d, db, u: _import(db, d / "deep_manifest")),
    ("manifest_huge", "manifest.json of 2 million entries (54 MB)", lambda d, db, u: _import(db, d / "huge_manifest")),
    ("yaml_alias_bomb", "front matter: YAML alias bomb", lambda d, db, u: _ingest(db, d / "yaml_bomb.md")),
    ("yaml_deep", "front matter nested 5,000 deep", lambda d, db, u: _ingest(db, d / "deep_yaml.md")),
    ("digits_100k", "one line of 100,000 digits", lambda d, db, u: _ingest(db, d / "digits.md")),
    ("chinese_numerals_1mb", "1 MB of Chinese numerals", lambda d, db, u: _ingest(db, d / "chinese_numerals.md")),
    ("punctuation_1mb", "1 MB of number punctuation", lambda d, db, u: _ingest(db, d / "punctuation.md")),
    ("sentence_5mb", "a 5 MB report of one sentence", lambda d, db, u: _ingest(db, d / "one_sentence_5mb.md")),
    ("markdown_nesting", "50,000 nested quotes, 20,000 nested list marks", lambda d, db, u: _ingest(db, d / "markdown_nesting.md")),
    ("binary_report", "binary report file", lambda d, db, u: _ingest(db, d / "binary.md")),
    ("latin1_report", "report not in UTF-8", lambda d, db, u: _ingest(db, d / "latin1.md")),
    ("html_million_p", "HTML of one million <p>", lambda d, db, u: _parse(d / "million_p.html")),
    ("html_deep_divs", "HTML nested 100,000 <div> deep", lambda d, db, u: _parse(d / "deep_divs.html")),
    ("html_unclosed", "200,000 unclosed table cells", lambda d, db, u: _parse(d / "unclosed.html")),
    ("fetch_slowloris", "server drips a byte a second", lambda d, db, u: _fetch(u + "/slowloris")),
    ("fetch_slow_headers", "server never sends headers", lambda d, db, u: _fetch(u + "/slow_headers")),
    ("fetch_retry_after", "503 with Retry-After: 3600", lambda d, db, u: _fetch(u + "/retry_after")),
    ("fetch_gzip_bomb", "gzip bomb (1 GB decoded) over HTTP", lambda d, db, u: _fetch(u + "/gzip_bomb")),
    ("fetch_endless", "100 MB body without Content-Length", lambda d, db, u: _fetch(u + "/endless")),
    ("fetch_redirect_loop", "redirect loop", lambda d, db, u: _fetch(u + "/redirect_loop")),
    ("fetch_binary", "1 MB application/octet-stream", lambda d, db, u: _fetch(u + "/binary")),
    ("url_octal_loopback", "URL http://0177.0.0.1/", lambda d, db, u: _fetch("http://0177.0.0.1/", guard=True)),
    ("url_fullwidth", "URL with full-width digits", lambda d, db, u: _fetch("http://１２７.０.０.１/", guard=True)),
    ("url_site_local_v6", "URL http://[fec0::1]/", lambda d, db, u: _fetch("http://[fec0::1]/", guard=True)),
    ("url_garbage", "URL of 100,000 random characters", lambda d, db, u: _fetch("http://" + "a%ÿ\x00" * 25_000, guard=True)),
]


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return -1.0


def child(name: str, d: Path, db: str, base: str) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024 * MB, 3 * 1024 * MB))
    run = {n: fn for n, _, fn in CASES}[name]
    try:
        outcome = run(d, db, base)
    except MemoryError:
        outcome = "MemoryError (over 3 GB)"
    except Exception as exc:  # noqa: BLE001 - an unexpected exception is the finding
        outcome = f"raised {exc.__class__.__name__}: {str(exc)[:80]}"
    print(json.dumps({"outcome": outcome, "rss": _peak_rss_mb()}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="case names")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--dir", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        d = Path(args.dir)
        child(args.child, d, f"sqlite:///{d / (args.child + '.db')}", args.base)
        return 0
    names = args.only or [n for n, _, _ in CASES]
    server, base = _serve()
    failed = 0
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        d = Path(tmp)
        prepare(d)
        print("| input | end state | seconds | peak RSS (MB) |\n|---|---|---|---|")
        for name, what, _ in CASES:
            if name not in names:
                continue
            t = time.monotonic()
            try:
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", name, "--dir", str(d), "--base", base],
                    capture_output=True, text=True, timeout=CHILD_TIMEOUT, cwd=str(ROOT),
                    env={**os.environ, "PYTHONPATH": str(ROOT), "CLAIMLEDGER_SECRET_KEY": "k" * 40},
                )
            except subprocess.TimeoutExpired:
                proc = subprocess.CompletedProcess([], -9, "", "")
            took = time.monotonic() - t
            try:
                res = json.loads(proc.stdout.strip().splitlines()[-1])
            except (IndexError, json.JSONDecodeError):
                died = f"killed after {CHILD_TIMEOUT} s" if proc.returncode == -9 else f"child died ({proc.returncode})"
                res = {"outcome": f"{died}: {proc.stderr.strip()[-100:]}", "rss": -1}
            limit = FETCH_TIMEOUT + 5 if name.startswith(("fetch_", "url_")) else 60
            bad = res["rss"] > MAX_RSS_MB or res["rss"] < 0 or took > limit or "raised" in res["outcome"]
            failed += bad
            flag = " **over bounds**" if bad else ""
            said = [line for line in proc.stderr.strip().splitlines() if line.strip()]
            errors = [line for line in said if line.startswith("error:")]
            if said and res["outcome"].startswith("exit"):  # the CLI's last error, or its last note
                res["outcome"] += ": " + (errors or said)[-1].strip()[:90]
            outcome = res["outcome"].replace(str(d) + "/", "").replace("|", "/").replace("\n", " ")
            print(f"| {what} | {outcome}{flag} | {took:.1f} | {res['rss']:.0f} |", flush=True)
    server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
