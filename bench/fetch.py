"""Benchmark: fetch throughput against the per-host lower bound, and HTML→passages throughput.

1. ``N`` URLs spread over ``HOSTS`` loopback ports (each port counts as one host), every answer
   delayed by ``LATENCY`` seconds, per-host limit ``PER_HOST``. No schedule can beat
   ``N / (HOSTS × PER_HOST) × LATENCY``; we print wall time / that bound (target ≤ 1.5×).
   The server runs in a separate process (asyncio, keep-alive) so it does not share our GIL.
2. the page reader (``verifier.reading.read_html``: trafilatura's main text into passages) over the
   archive's pages in MB/s, beside our older extractor ``html_to_passages`` and BeautifulSoup's plain
   ``get_text()`` on the same pages (the baseline: parsing alone, no structure), with the ratios.

Run: ``.venv/bin/python bench/fetch.py`` (under a minute).
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

N = 1000
HOSTS = 20
PER_HOST = 4
LATENCY = 0.05
ROUNDS = 3  # the machine is shared: best and median of a few rounds
BODY = (
    b"<html><head><title>t</title></head><body>"
    + b"<p>Revenue reached $4 million.</p>" * 20
    + b"</body></html>"
)


def _serve(ports_out: Any, stop: Any) -> None:
    """A minimal keep-alive HTTP/1.1 server on HOSTS ports; each answer waits LATENCY seconds."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                await asyncio.sleep(LATENCY)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: " + str(len(BODY)).encode() + b"\r\n\r\n" + BODY
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main() -> None:
        servers = [await asyncio.start_server(handle, "127.0.0.1", 0, backlog=512) for _ in range(HOSTS)]
        ports_out.put([s.sockets[0].getsockname()[1] for s in servers])
        while not stop.is_set():
            await asyncio.sleep(0.1)

    asyncio.run(main())


def bench_fetch() -> tuple[float, float, float, float, int]:
    from verifier.fetch import Fetcher
    from verifier.settings import Settings

    ports_q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    stop = mp.Event()
    proc = mp.Process(target=_serve, args=(ports_q, stop), daemon=True)
    proc.start()
    try:
        ports = ports_q.get(timeout=20)
        urls = [f"http://127.0.0.1:{ports[i % HOSTS]}/page/{i}" for i in range(N)]
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            allow_private_addresses=True,
            respect_robots=False,
            per_host_concurrency=PER_HOST,
            fetch_concurrency=HOSTS * PER_HOST,
            max_retries=0,
        )

        async def run() -> tuple[float, float, int]:
            async with Fetcher(settings) as f:
                await f.fetch(urls[0])  # warm-up: first-use imports and TLS set-up are not the steady state
                t0, c0 = time.perf_counter(), time.process_time()
                results = await f.fetch_many(urls)
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                return wall, cpu, sum(r.outcome == "ok" for r in results)

        runs = [asyncio.run(run()) for _ in range(ROUNDS)]
    finally:
        stop.set()
        proc.join(timeout=5)
        if proc.is_alive():
            proc.terminate()
    bound = N / (HOSTS * PER_HOST) * LATENCY
    walls = sorted(r[0] for r in runs)
    cpu = min(r[1] for r in runs)
    ok = min(r[2] for r in runs)
    return walls[0], walls[len(walls) // 2], bound, cpu, ok


def bench_passages() -> tuple[float, float, float, float]:
    from bs4 import BeautifulSoup

    from verifier.passages import html_to_passages
    from verifier.reading import read_html

    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/sources/pages").glob("*.html"))]
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6

    def rate(fn: object, rounds: int = 5) -> float:
        t0 = time.perf_counter()
        for _ in range(rounds):
            for page in pages:
                fn(page)  # type: ignore[operator]
        return mb * rounds / (time.perf_counter() - t0)

    read_html("<p>warm up</p>")  # imports are not a page's cost
    ours = rate(read_html)
    old = rate(html_to_passages)
    base = rate(lambda h: BeautifulSoup(h, "lxml").get_text())
    return mb, ours, old, base


def main() -> None:
    best, median, bound, cpu, ok = bench_fetch()
    print(
        f"fetch: {N} URLs, {HOSTS} hosts x limit {PER_HOST}, {LATENCY * 1000:.0f} ms latency, {ok} ok per round"
    )
    print(
        f"  wall best {best:.3f} s / median {median:.3f} s of {ROUNDS}   lower bound {bound:.3f} s   "
        f"ratio {best / bound:.2f}x best, {median / bound:.2f}x median (target <= 1.5x)"
    )
    print(f"  client CPU {cpu * 1000 / N:.2f} ms per URL ({cpu:.2f} s for {N})")
    mb, ours, old, base = bench_passages()
    print(f"passages: {mb:.2f} MB of archive pages")
    print(
        f"  read_html {ours:.2f} MB/s   html_to_passages (old) {old:.2f} MB/s   BeautifulSoup get_text() "
        f"{base:.2f} MB/s   ratio {ours / base:.2f}x get_text, {ours / old:.2f}x old"
    )


if __name__ == "__main__":
    main()
