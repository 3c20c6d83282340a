"""`claimledger serve` as a real process for browser tests: started on a free loopback port, waited
for, and stopped (terminate, then kill) however the test ends."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(url: str, cwd: Path, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """The base URL of a running `serve` on ``url``. No CLAIMLEDGER_SECRET_KEY: serve shares the test
    run's generated secret (CLAIMLEDGER_SECRET_FILE), which keys the token hashes the seed wrote."""
    with serve_process(url, cwd, extra_env) as (base, _proc):
        yield base


@contextmanager
def serve_process(
    url: str, cwd: Path, extra_env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Like :func:`serve`, with the server's process (its pid, for memory readings)."""
    port = free_port()
    env = {**os.environ, "CLAIMLEDGER_RUN_SCHEDULER": "false", **(extra_env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", url, "serve", "--host", "127.0.0.1", "--port", str(port),
         "--no-scheduler"],
        env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api/reports", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode() if proc.stdout else ""
                pytest.fail(f"serve did not start: {out}")
            time.sleep(0.2)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
