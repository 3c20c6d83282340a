"""Benchmark: instructions the server executes per request of each desk endpoint, under callgrind.

Wall time and even CPU time on a shared machine move with its load; instruction counts do not. Each
checkout (``--before DIR``, then this one) serves the same kept ledgers (``bench/api_cpu.py``'s or
``bench/api.py``'s generator) in a process of its own under ``valgrind --tool=callgrind``, requests
going through the ASGI app in process (read cache off, no socket). Per endpoint: five warm-up
requests, then the counters are zeroed, ``--requests`` requests run, and the counters are dumped
(callgrind's client requests, from a tiny C helper built with the system's ``cc`` and valgrind
headers). Every thread of the process is counted (the request thread pool too). The count cache's
lifetime is raised to an hour so valgrind's slowdown does not let a 5-second recount fall inside
one endpoint's loop; garbage collection is left on, after ``gc.freeze()`` as ``serve`` does at start.
The PostgreSQL backend's own CPU is not in these figures: ``bench/api_cpu.py`` reads it from /proc.

    python bench/api_instructions.py [--sqlite FILE] [--pg URL] [--before DIR] [--requests 20]
                                     [--only PATHS] [--db sqlite,postgres]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
HELPER_C = """
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void cg_zero(void) { CALLGRIND_ZERO_STATS; }
void cg_dump(const char *label) { CALLGRIND_DUMP_STATS_AT(label); }
"""
WARM = 5


def _helper(tmp: Path) -> Path:
    src, lib = tmp / "cg.c", tmp / "libcg.so"
    src.write_text(HELPER_C)
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(lib), str(src)], check=True)
    return lib


def child(args: argparse.Namespace) -> None:
    """Under callgrind: serve ``args.url`` with the code of ``args.code``; one dump per endpoint."""
    import asyncio
    import ctypes
    import gc
    import secrets

    sys.path[:0] = [args.code, str(BENCH)]
    from asgi_call import call_ok  # noqa: E402 - after the checkout's code is first on the path

    from storage.db import make_engine
    from verifier.api.app import create_app
    from verifier.settings import Settings

    cg = ctypes.CDLL(args.helper)
    settings = Settings(
        database_url=args.url,
        read_cache_seconds=0,
        run_scheduler=False,  # type: ignore[call-arg]
        secret_key=secrets.token_hex(16),
    )
    app = create_app(settings, make_engine(args.url))
    app.state.counts.ttl = 3600.0
    gc.collect()
    gc.freeze()
    loop = asyncio.new_event_loop()

    paths = json.loads(args.paths)
    cg.cg_start()
    for path in paths:  # every endpoint first: what a running server has made already (templates, statements)
        loop.run_until_complete(call_ok(app, path, WARM))
    gc.collect()
    collections = [0, 0, 0]

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections[info["generation"]] += 1

    gc.callbacks.append(count)
    for i, path in enumerate(paths):
        loop.run_until_complete(call_ok(app, path, 1))
        cg.cg_zero()
        collections[:] = [0, 0, 0]
        loop.run_until_complete(call_ok(app, path, args.requests))
        cg.cg_dump(f"endpoint-{i}".encode())
        print(f"gc {path} {collections}", file=sys.stderr)
    loop.close()


def _instructions(code: str, url: str, paths: list[str], requests: int, helper: Path) -> list[float]:
    """Instructions per request of each path, served by ``code`` (a checkout) from ``url``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        proc = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--child",
                "--code",
                code,
                "--url",
                url,
                "--paths",
                json.dumps(paths),
                "--requests",
                str(requests),
                "--helper",
                str(helper),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0", "CLAIMLEDGER_RUN_SCHEDULER": "false"},
        )
        if os.environ.get("DEBUG_GC"):
            print("\n".join(line for line in proc.stderr.splitlines() if line.startswith("gc ")))
        if proc.returncode != 0:
            raise SystemExit(f"callgrind run failed ({code}):\n{proc.stderr[-3000:]}")
        found: dict[int, int] = {}
        for dump in Path(tmp).glob("cg.out*"):
            text = dump.read_text(errors="replace")
            label = re.search(r"^desc: Trigger: Client Request: endpoint-(\d+)$", text, re.M)
            # ``totals:`` sums the dump's costs; the first dump's ``summary:`` also carries what ran before
            # the counters were zeroed (its time range starts at block 0)
            total = re.search(r"^totals: (\d+)", text, re.M)
            if label and total:
                found[int(label.group(1))] = int(total.group(1))
    if len(found) != len(paths):
        raise SystemExit(f"expected {len(paths)} dumps, found {len(found)}")
    return [found[i] / requests for i in range(len(paths))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sqlite", default="/tmp/claimledger-cpu-100000.db", help="a kept ledger file")
    ap.add_argument("--pg", default="", help="a kept PostgreSQL ledger's URL")
    ap.add_argument("--db", default="sqlite,postgres")
    ap.add_argument("--before", default="", help="another checkout to count first (e.g. a worktree of main)")
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--only", default="", help="comma-separated endpoint paths")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--code", default=str(ROOT), help=argparse.SUPPRESS)
    ap.add_argument("--url", default="", help=argparse.SUPPRESS)
    ap.add_argument("--paths", default="[]", help=argparse.SUPPRESS)
    ap.add_argument("--helper", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    sys.path[:0] = [str(ROOT), str(BENCH)]
    from api import ENDPOINTS  # noqa: E402

    endpoints = [
        (n, p)
        for n, p in ENDPOINTS
        if (p in args.only.split(",")) or (not args.only and not p.startswith("/static"))
    ]
    paths = [p for _, p in endpoints]
    dbs = []
    if "sqlite" in args.db:
        dbs.append(("sqlite", f"sqlite:///{args.sqlite}"))
    if "postgres" in args.db and args.pg:
        dbs.append(("postgres", args.pg))
    codes = ([("before", str(Path(args.before).resolve()))] if args.before else []) + [("this", str(ROOT))]
    results: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        helper = _helper(Path(tmp))
        for label, url in dbs:
            for code_label, code in codes:
                results[(label, code_label)] = _instructions(code, url, paths, args.requests, helper)
                print(
                    f"[{label}] {code_label}: "
                    + ", ".join(
                        f"{name} {n / 1e6:.2f} M"
                        for (name, _), n in zip(endpoints, results[(label, code_label)], strict=True)
                    ),
                    flush=True,
                )
    print(
        f"\ninstructions per request (M), {args.requests} requests per endpoint after {WARM} warm-up requests of each, "
        "in process under callgrind, read cache off"
    )
    head = (
        f"{'db':9} {'endpoint':34}"
        + "".join(f" {c:>9}" for c, _ in codes)
        + (" {:>7}".format("ratio") if args.before else "")
    )
    print(head)
    for label, _url in dbs:
        for i, (name, _path) in enumerate(endpoints):
            figures = [results[(label, c)][i] for c, _ in codes]
            line = f"{label:9} {name:34}" + "".join(f" {f / 1e6:9.2f}" for f in figures)
            if args.before:
                line += f" {figures[-1] / figures[0]:6.2f}×"
            print(line)


if __name__ == "__main__":
    main()
