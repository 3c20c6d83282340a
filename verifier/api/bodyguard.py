"""Request bodies: who may send one, and how large (pure ASGI middleware, before any route).

A request that would write (POST, PUT, PATCH, DELETE) is authenticated before a byte of its body is
read: its bearer token or session cookie must stand for a valid, unrevoked token (``authenticate``,
looked up in a thread), else it is answered at once — 401 under ``/api``, a redirect to the login
page elsewhere. Only the login and logout forms take anonymous writes. The route still checks the
role (and a form's CSRF token). Every body is capped at ``max_request_bytes``: a declared
Content-Length over the cap is refused at once (413), a streamed one is cut off as soon as it passes
the cap; bodies are then read by the route as a stream (Starlette spools multipart files to disk
past 1 MB), so memory per request stays near the cap's share actually sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import anyio.to_thread
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claims.errors import AuthError
from verifier.auth import SESSION_COOKIE

__all__ = ["BodyGuard", "Authenticate"]

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ANONYMOUS_WRITES = frozenset({"/login", "/logout"})
Authenticate = Callable[[str, str | None], Any]  # (Authorization header, session cookie) -> principal


class BodyGuard:
    def __init__(self, app: ASGIApp, max_bytes: int, authenticate: Authenticate | None = None) -> None:
        self.app, self.max_bytes, self.authenticate = app, max_bytes, authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITES:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["path"] not in ANONYMOUS_WRITES:
            refused = await self._refuse_unless_authenticated(scope["path"], headers)
            if refused is not None:
                await refused(send)
                return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _reply(send, 413, "RequestTooLargeError", self._too_large())
            return
        seen, started, cut = 0, False, False

        async def capped() -> Message:
            nonlocal seen, cut
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not started:
                    # answer now and tell the route the client went away: it stops reading
                    cut = True
                    await _reply(send, 413, "RequestTooLargeError", self._too_large())
                    return {"type": "http.disconnect"}
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if cut:
                return  # the 413 went out already
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, capped, tracked)
        except Exception:
            if not cut:
                raise  # otherwise: the route gave up on the body we cut off


    def _too_large(self) -> str:
        return f"request body larger than {self.max_bytes:,} bytes (the server's CLAIMLEDGER_MAX_REQUEST_BYTES)"

    async def _refuse_unless_authenticated(
        self, path: str, headers: dict[str, str]
    ) -> Callable[[Send], Any] | None:
        """None when the credentials are good, else how to answer (nothing of the body read)."""
        authorization = headers.get("authorization", "")
        cookie = cookie_parser(headers.get("cookie", "")).get(SESSION_COOKIE)
        message = "this needs a token"
        if authorization or cookie:
            if self.authenticate is None:
                return None  # no ledger to ask: the route checks them
            try:
                if await anyio.to_thread.run_sync(self.authenticate, authorization, cookie) is not None:
                    return None
            except AuthError as exc:
                message = exc.message
        if path.startswith("/api"):
            return lambda send: _reply(send, 401, "AuthError", message, {"www-authenticate": "Bearer"})
        return lambda send: _redirect(send, f"/login?next={quote(path)}")


async def _redirect(send: Send, location: str) -> None:
    hdrs = [(b"location", location.encode("latin-1")), (b"content-length", b"0"), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": 303, "headers": hdrs})
    await send({"type": "http.response.body", "body": b""})


async def _reply(send: Send, status: int, error: str, message: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": error, "message": message, "hint": None}).encode()
    hdrs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]
    hdrs += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": body})
