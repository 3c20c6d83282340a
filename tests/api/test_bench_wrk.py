"""bench/api.py's wrk driver: the ``done()`` hook's line is parsed, and a real wrk run against a local
server gives sane percentiles (skipped where wrk is not installed)."""

from __future__ import annotations

import shutil
from types import ModuleType

import pytest

from tests.support.benches import load_bench
from tests.support.servers import LocalServer, Reply


def _bench() -> ModuleType:
    return load_bench("api")


def test_parse_wrk_reads_the_hook_line() -> None:
    out = "Running 2s test @ http://127.0.0.1:1/\n  1 threads and 20 connections\n" \
          "CLAIMLEDGER requests=1234 errors=2 p50=4500 p95=98000 p99=150000 mean=7000\n"
    assert _bench().parse_wrk(out) == (1234, 2, 4.5, 98.0)
    with pytest.raises(SystemExit, match="no latency line"):
        _bench().parse_wrk("Running 2s test\n")


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is not installed (make wrk)")
def test_wrk_against_a_local_server() -> None:
    with LocalServer({"/ok": lambda req: Reply(body=b"ok"), "/bad": lambda req: Reply(status=500)}) as srv:
        base = srv.url("/ok")[: -len("/ok")]
        n, p50, p95 = _bench()._wrk(base, "/ok", 2, 1)
        assert n > 10 and 0 < p50 <= p95 < 1000
        assert srv.hits["/ok"] >= n
        with pytest.raises(SystemExit, match="errors or non-2xx"):
            _bench()._wrk(base, "/bad", 1, 1)
