"""A read micro-cache for anonymous GETs: the same page asked for by many readers within a second
is rendered once.

What may be cached, and for how long (the staleness is documented in docs/SERVICE.md):
- only GET requests without credentials (no ``Authorization`` header, no cookie at all), so a
  logged-in reviewer or a token client always reads the ledger itself and sees their own write at
  once, whichever worker process served it;
- only 200 responses without ``Set-Cookie``, keyed on the full path and query string, never
  ``/static`` (the benchmark's baseline) or the API docs;
- every write request this process handles (any method but GET/HEAD/OPTIONS) drops the whole cache,
  and a response rendered while a write was under way is not stored (a generation counter);
- writes from other processes (the scheduler, the CLI, another uvicorn worker) show after at most
  ``ttl`` seconds (≤ 2 by settings).

Concurrent misses of one key are rendered once: the others wait for that response (single flight).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MicroCache", "ReadCache", "cache_key"]

MAX_BODY = 512 * 1024  # a bigger page is not worth holding in memory
SKIP_PREFIXES = ("/static", "/docs", "/redoc", "/openapi.json", "/login", "/logout")
WRITE_SAFE = ("GET", "HEAD", "OPTIONS")


def cache_key(scope: Scope) -> str | None:
    """The key of a cacheable request, or None: anonymous GETs outside the skipped prefixes."""
    if scope["type"] != "http" or scope["method"] != "GET":
        return None
    path: str = scope["path"]
    if path.startswith(SKIP_PREFIXES):
        return None
    for name, _ in scope["headers"]:
        if name in (b"authorization", b"cookie"):
            return None
    query = scope.get("query_string", b"").decode("latin-1")
    return f"anon {path}?{query}"


@dataclass
class _Entry:
    expires: float
    messages: list[Message]


@dataclass
class ReadCache:
    """The store: entries with an expiry time, a write generation, and at most ``max_items`` keys."""

    ttl: float
    max_items: int = 512
    clock: Callable[[], float] = time.monotonic
    generation: int = 0
    _data: dict[str, _Entry] = field(default_factory=dict)

    def get(self, key: str) -> list[Message] | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry.expires <= self.clock():
            del self._data[key]
            return None
        return entry.messages

    def put(self, key: str, messages: list[Message], generation: int) -> bool:
        """Store unless a write happened since ``generation`` was read; returns whether stored."""
        if generation != self.generation or self.ttl <= 0:
            return False
        if len(self._data) >= self.max_items:
            now = self.clock()
            self._data = {k: e for k, e in self._data.items() if e.expires > now}
            if len(self._data) >= self.max_items:
                self._data.clear()
        self._data[key] = _Entry(self.clock() + self.ttl, messages)
        return True

    def invalidate(self) -> None:
        """A write: drop everything and make responses rendered before it unstorable."""
        self.generation += 1
        self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


def _copy(message: Message) -> Message:
    copy = dict(message)
    if "headers" in copy:
        copy["headers"] = list(copy["headers"])
    return copy


def _cacheable(messages: list[Message]) -> bool:
    start = messages[0] if messages else None
    if start is None or start["type"] != "http.response.start" or start["status"] != 200:
        return False
    if any(name.lower() == b"set-cookie" for name, _ in start.get("headers", [])):
        return False
    size = sum(len(m.get("body", b"")) for m in messages[1:])
    return size <= MAX_BODY and not messages[-1].get("more_body", False)


class MicroCache:
    """Pure ASGI middleware around the app (runs on the event loop; no locks needed)."""

    def __init__(self, app: ASGIApp, cache: ReadCache) -> None:
        self.app = app
        self.cache = cache
        self._inflight: dict[str, asyncio.Future[list[Message] | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in WRITE_SAFE:
            self.cache.invalidate()  # before: nothing rendered from now on predates this write...
            try:
                await self.app(scope, receive, send)
            finally:
                self.cache.invalidate()  # ...and after: nothing rendered during it is kept
            return
        key = cache_key(scope) if self.cache.ttl > 0 else None
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = self.cache.get(key)
        if hit is None and key in self._inflight:
            hit = await asyncio.shield(self._inflight[key])
        if hit is not None:
            for message in hit:
                await send(_copy(message))  # outer middleware may rewrite a message's headers
            return
        await self._render(key, scope, receive, send)

    async def _render(self, key: str, scope: Scope, receive: Receive, send: Send) -> None:
        generation = self.cache.generation
        future: asyncio.Future[list[Message] | None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = future
        messages: list[Message] = []

        async def capture(message: Message) -> None:
            messages.append(_copy(message))
            await send(message)

        stored = False
        try:
            await self.app(scope, receive, capture)
            stored = _cacheable(messages) and self.cache.put(key, messages, generation)
        finally:
            self._inflight.pop(key, None)
            future.set_result(messages if stored else None)
