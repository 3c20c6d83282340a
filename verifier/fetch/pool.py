"""A lean keep-alive pool for one origin.

httpcore's general pool rescans every connection and queued request on each request and each
response close; the fetcher already bounds concurrency per host with its own semaphore, so a
stack of idle connections per origin is all that is needed, at a fraction of the CPU.
"""

from __future__ import annotations

import ssl
import typing

import httpcore

__all__ = ["OriginPool"]


class _ReleasingStream:
    """The response body; closing it hands the connection back to the pool (or drops it)."""

    def __init__(
        self, stream: typing.AsyncIterable[bytes], pool: OriginPool, conn: httpcore.AsyncHTTPConnection
    ):
        self._stream = stream
        self._pool = pool
        self._conn = conn
        self._closed = False

    async def __aiter__(self) -> typing.AsyncIterator[bytes]:
        try:
            async for part in self._stream:
                yield part
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if hasattr(self._stream, "aclose"):
                await self._stream.aclose()
        finally:
            await self._pool._release(self._conn)


class OriginPool:
    """Connections to one origin: reuse an idle one that is still good, else open a new one.

    Used as the ``_pool`` of an httpx transport; concurrency is bounded by the caller.
    """

    def __init__(
        self,
        network_backend: httpcore.AsyncNetworkBackend,
        ssl_context: ssl.SSLContext,
        *,
        max_idle: int = 4,
        keepalive_expiry: float = 5.0,
    ) -> None:
        self._backend = network_backend
        self._ssl = ssl_context
        self._max_idle = max_idle
        self._expiry = keepalive_expiry
        self._idle: list[httpcore.AsyncHTTPConnection] = []
        self._open: set[httpcore.AsyncHTTPConnection] = set()
        self.retired = False  # no longer handed out: connections are closed when released

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        for _ in range(3):  # a connection that turns out unavailable is replaced, a few times at most
            conn = await self._take(request.url.origin)
            try:
                response = await conn.handle_async_request(request)
            except httpcore.ConnectionNotAvailable:
                await self._drop(conn)
                continue
            except BaseException:
                await self._drop(conn)
                raise
            assert isinstance(response.stream, typing.AsyncIterable)
            return httpcore.Response(
                status=response.status,
                headers=response.headers,
                content=_ReleasingStream(response.stream, self, conn),
                extensions=response.extensions,
            )
        raise httpcore.ConnectError("no usable connection")

    async def _take(self, origin: httpcore.Origin) -> httpcore.AsyncHTTPConnection:
        while self._idle:
            conn = self._idle.pop()
            if conn.is_available() and not conn.has_expired():
                return conn
            await self._drop(conn)
        conn = httpcore.AsyncHTTPConnection(
            origin=origin, ssl_context=self._ssl, keepalive_expiry=self._expiry, network_backend=self._backend
        )
        self._open.add(conn)
        return conn

    async def _release(self, conn: httpcore.AsyncHTTPConnection) -> None:
        if conn.is_idle() and len(self._idle) < self._max_idle and not self.retired:
            self._idle.append(conn)
        else:
            await self._drop(conn)

    async def _drop(self, conn: httpcore.AsyncHTTPConnection) -> None:
        self._open.discard(conn)
        if conn in self._idle:
            self._idle.remove(conn)
        await conn.aclose()

    async def retire(self) -> None:
        """Close the idle connections now and the busy ones when their responses are done."""
        self.retired = True
        idle, self._idle = self._idle, []
        for conn in idle:
            await self._drop(conn)

    async def aclose(self) -> None:
        conns, self._open, self._idle = list(self._open), set(), []
        for conn in conns:
            await conn.aclose()

    async def __aenter__(self) -> OriginPool:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
