"""A real `serve` under 100 MB posts keeps its memory (issue 11, item 7).

Five 100 MB posts at once — anonymous, with a forged token, with a forged session cookie, to the API
and to the pages — are answered before their bodies are read; then an editor's 100 MB upload is cut
off at the body cap with 413 and a message naming the limit. The server's peak RSS (VmHWM) is read
from /proc before and after.
"""

from __future__ import annotations

import select
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

from storage.db import make_engine
from tests.browser.serving import serve_process
from verifier.auth import create_token

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

HUNDRED_MB = 100 * 1024 * 1024
CHUNK = b"x" * (256 * 1024)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def post_100mb(
    base: str, path: str, headers: dict[str, str], *, chunked: bool, prefix: bytes = b""
) -> tuple[int, str, int]:
    """Stream a 100 MB body until the server answers; returns (status, body text, bytes sent)."""
    host, port = base.removeprefix("http://").split(":")
    sock = socket.create_connection((host, int(port)), timeout=30)
    head = [f"POST {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    head.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {HUNDRED_MB}")
    sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
    if prefix:
        sock.sendall((f"{len(prefix):x}\r\n".encode() + prefix + b"\r\n") if chunked else prefix)
    sent = len(prefix)
    answer = b""
    try:
        while sent < HUNDRED_MB:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break  # the server answered (or closed)
            piece = (f"{len(CHUNK):x}\r\n".encode() + CHUNK + b"\r\n") if chunked else CHUNK
            try:
                sock.sendall(piece)
            except OSError:  # the server closed the connection after answering, or stopped reading
                break
            sent += len(CHUNK)
        while True:
            try:
                more = sock.recv(65536)
            except OSError:
                break
            if not more:
                break
            answer += more
    finally:
        sock.close()
    status_line, _, rest = answer.decode("latin-1").partition("\r\n")
    return int(status_line.split()[1]), rest.partition("\r\n\r\n")[2], sent


def test_100mb_posts_leave_the_server_small(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = make_engine(db, cache=False)
    _, token = create_token(engine, "ed", "editor")
    engine.dispose()
    multipart = {"Content-Type": "multipart/form-data; boundary=b0undary"}
    with serve_process(db, tmp_path) as (base, proc):
        before = peak_rss_mb(proc.pid)
        hostile = [
            ("/api/reports", {"Content-Type": "application/json"}, False),
            ("/api/reports/upload", {**multipart, "Authorization": "Bearer forged-token"}, True),
            ("/api/reports", {"Content-Type": "application/json", "Cookie": "claimledger_session=1.9999999999.00"}, True),
            ("/upload", multipart, True),
            ("/claims/1/review", {"Content-Type": "application/x-www-form-urlencoded"}, False),
        ]
        results: list[tuple[int, str, int]] = [(0, "", 0)] * len(hostile)

        def one(i: int) -> None:
            path, headers, chunked = hostile[i]
            results[i] = post_100mb(base, path, headers, chunked=chunked)

        threads = [threading.Thread(target=one, args=(i,)) for i in range(len(hostile))]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        took = time.monotonic() - started
        after_anonymous = peak_rss_mb(proc.pid)
        part = (
            b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
            b"Content-Type: text/plain\r\n\r\n"
        )
        authorised = post_100mb(
            base, "/api/reports/upload", {**multipart, "Authorization": f"Bearer {token}"}, chunked=True, prefix=part
        )
        after_upload = peak_rss_mb(proc.pid)
    print(
        f"\npeak RSS of serve: {before:.0f} MB at start, {after_anonymous:.0f} MB after five 100 MB "
        f"posts without valid credentials ({took:.1f} s), {after_upload:.0f} MB after an editor's 100 MB upload"
    )
    statuses = [r[0] for r in results]
    assert statuses == [401, 401, 401, 303, 303], results
    for _status, _, sent in results:
        assert sent < 16 * 1024 * 1024, f"{sent:,} bytes taken in before the answer"  # socket buffers only
    status, body, sent = authorised
    assert status == 413 and "12,000,000 bytes" in body and "CLAIMLEDGER_MAX_REQUEST_BYTES" in body, body
    assert sent < 40 * 1024 * 1024
    assert after_anonymous - before < 20, f"{after_anonymous - before:.0f} MB more for the anonymous posts"
    assert after_upload - before < 60 and after_upload < 300
