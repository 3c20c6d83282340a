"""One GET through an ASGI app in this process (no socket, no server): the harness of
bench/api_cpu.py and bench/api_instructions.py. It imports nothing of the project, so a bench can
put another checkout's code first on ``sys.path`` before it imports the app."""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["call", "call_ok"]


async def call(app: Any, path: str, headers: list[tuple[bytes, bytes]] | None = None) -> tuple[int, bytes]:
    """GET ``path`` (with its query string); returns (status, body)."""
    raw_path, _, query = path.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": raw_path,
        "raw_path": raw_path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1"), *(headers or [])],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    status = 0
    body: list[bytes] = []
    requested, done = False, asyncio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # a response that listens for the client leaving hears it only at the end
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))
            if not message.get("more_body"):
                done.set()

    await app(scope, receive, send)
    return status, b"".join(body)


async def call_ok(app: Any, path: str, n: int = 1) -> None:
    """GET ``path`` ``n`` times; any status but 200 stops the bench, naming the path."""
    for _ in range(n):
        status, _body = await call(app, path)
        if status != 200:
            raise SystemExit(f"{path}: HTTP {status}")
