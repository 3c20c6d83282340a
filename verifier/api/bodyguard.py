"""Request bodies: who may send one, and how large (pure ASGI middleware, before any route).

A request that would write (POST, PUT, PATCH, DELETE) under ``/api`` must carry credentials — a
bearer token or the session cookie — before a byte of its body is read; the route still checks
them fully. Every body is capped at ``max_request_bytes``: a declared Content-Length over the cap
is refused at once (413), a streamed one is cut off as soon as it passes the cap.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from verifier.auth import SESSION_COOKIE

__all__ = ["BodyGuard"]

WRITES = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class BodyGuard:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in WRITES:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["path"].startswith("/api") and not _has_credentials(headers):
            await _reply(send, 401, "AuthError", "this needs a token", {"www-authenticate": "Bearer"})
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await _reply(send, 413, "RequestTooLargeError", f"request body larger than {self.max_bytes} bytes")
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
                    await _reply(send, 413, "RequestTooLargeError", f"request body larger than {self.max_bytes} bytes")
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


def _has_credentials(headers: dict[str, str]) -> bool:
    if headers.get("authorization", "").lower().startswith("bearer "):
        return True
    return f"{SESSION_COOKIE}=" in headers.get("cookie", "")


async def _reply(send: Send, status: int, error: str, message: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"error": error, "message": message, "hint": None}).encode()
    hdrs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            (b"connection", b"close")]
    hdrs += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": body})
