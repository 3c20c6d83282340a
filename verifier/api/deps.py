"""Request dependencies: the engine, read sessions, and who is calling (bearer token or session cookie)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import AuthError
from verifier.api.cache import TTLCache
from verifier.auth import (
    SESSION_COOKIE,
    Principal,
    authenticate_token,
    check_csrf,
    read_session_cookie,
    require,
)
from verifier.settings import Settings

__all__ = [
    "get_engine",
    "get_settings_dep",
    "read_session",
    "optional_principal",
    "reader",
    "writer",
    "principal_from",
    "CSRF_HEADER",
    "CSRF_FIELD",
]

T = TypeVar("T")
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"


async def get_engine(request: Request) -> Engine:
    return request.app.state.engine  # type: ignore[no-any-return]


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


async def get_read_engine(request: Request) -> Engine:
    return request.app.state.read_engine  # type: ignore[no-any-return]


async def read_session(request: Request) -> AsyncIterator[Session]:
    """A short read-only session (never committed; on SQLite it never takes the write lock).

    Async, like the other small dependencies here: a sync one costs a trip through the request
    thread pool each, queued behind other requests' work (see ``CLAIMLEDGER_API_THREADS``). Making
    a session connects nothing; closing it on PostgreSQL is a network round trip, so that runs in a
    thread; on SQLite it is a local call. The small dependencies take the ``Request`` and read
    ``app.state`` rather than depending on one another: FastAPI solves every ``Depends`` node of a
    request's tree on each request (a cached one too), about 50 µs a node.
    """
    engine: Engine = request.app.state.read_engine
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
    finally:
        if engine.dialect.name == "sqlite":
            session.close()
        else:
            await run_in_threadpool(session.close)


def principal_from(authorization: str, cookie: str | None, engine: Engine, settings: Settings) -> Principal | None:
    """Who the credentials stand for: the bearer header first, else the login cookie; None when
    there are none. A bad credential is an error (AuthError), not anonymous."""
    if not authorization and not cookie:
        return None  # anonymous: no session to open
    with Session(engine) as session:
        if authorization:
            scheme, _, token = authorization.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise AuthError("Authorization header must be 'Bearer <token>'")
            return authenticate_token(session, token)
        assert cookie is not None
        return read_session_cookie(session, settings.secret_key, cookie)


def _principal(request: Request, engine: Engine, settings: Settings) -> Principal | None:
    return principal_from(request.headers.get("authorization", ""), request.cookies.get(SESSION_COOKIE), engine, settings)


async def optional_principal(request: Request) -> Principal | None:
    """Who is calling, if anyone. A stale session cookie on a page just means logged out.
    Anonymous callers are answered on the event loop; a credential is checked in a thread."""
    if not request.headers.get("authorization") and SESSION_COOKIE not in request.cookies:
        return None
    state = request.app.state
    try:
        return await run_in_threadpool(_principal, request, state.read_engine, state.settings)
    except AuthError:
        if request.headers.get("authorization"):
            raise
        return None


async def reader(request: Request, principal: Principal | None = Depends(optional_principal)) -> Principal | None:
    """Guard for reads: open unless ``settings.read_requires_token``."""
    if request.app.state.settings.read_requires_token:
        require(principal, "read")
    return principal


def writer(action: str):  # type: ignore[no-untyped-def]
    """Guard for a write: a principal with the role for ``action``; session-cookie callers must also
    send the CSRF token (form field or header)."""

    async def dependency(
        request: Request, engine: Engine = Depends(get_engine), settings: Settings = Depends(get_settings_dep)
    ) -> Principal:
        principal = require(_principal(request, engine, settings), action)
        if principal.via == "session":
            supplied = request.headers.get(CSRF_HEADER)
            if supplied is None and request.headers.get("content-type", "").startswith(
                ("application/x-www-form-urlencoded", "multipart/form-data")
            ):
                form = await request.form()
                value = form.get(CSRF_FIELD)
                supplied = value if isinstance(value, str) else None
            check_csrf(settings.secret_key, request.cookies.get(SESSION_COOKIE, ""), supplied)
        return principal

    return dependency


def in_session(engine: Engine, fn: Callable[..., T], *args: Any) -> T:
    """``fn(session, *args)`` in a session of its own (counts refreshed off the request's thread)."""
    with Session(engine, expire_on_commit=False) as session:
        return fn(session, *args)


async def get_counts(request: Request) -> TTLCache:
    return request.app.state.counts  # type: ignore[no-any-return]


Counts = Annotated[TTLCache, Depends(get_counts)]
ReadEngine = Annotated[Engine, Depends(get_read_engine)]
CanReview = Annotated[Principal, Depends(writer("review"))]
CanIngest = Annotated[Principal, Depends(writer("ingest"))]
CanRecheck = Annotated[Principal, Depends(writer("recheck"))]
__all__ += ["Counts", "ReadEngine", "in_session", "get_counts", "CanReview", "CanIngest", "CanRecheck"]
