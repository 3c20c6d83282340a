"""The app factory: ``create_app(settings, engine=None)``."""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claims.errors import AuthError, ClaimledgerError
from storage.db import make_engine, make_read_engine
from storage.queries import ensure_indexes
from storage.search import ensure_search
from verifier.api import filters, rows
from verifier.api.bodyguard import BodyGuard
from verifier.api.cache import TTLCache
from verifier.api.deps import principal_from
from verifier.api.jobs import JobRegistry
from verifier.api.microcache import MicroCache, ReadCache
from verifier.api.routes_api import router as api_router
from verifier.api.routes_pages import public as public_pages
from verifier.api.routes_pages import router as pages_router
from verifier.auth import server_secret
from verifier.errors import describe, http_status_for
from verifier.settings import Settings, get_settings

__all__ = ["create_app", "app_from_env"]

PACKAGE = Path(__file__).resolve().parent.parent
COUNT_CACHE_SECONDS = 5.0  # how stale a count on a summary may be (see verifier/api/cache.py)


class ClearCountsOnWrite:
    """Pure ASGI middleware: after any request that may write, cached counts are dropped so the
    writer sees the change at once (BaseHTTPMiddleware would cost every request a task)."""

    def __init__(self, app: ASGIApp, cache: TTLCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            if scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                self.cache.clear()


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
# our pages load only our own script and styles; the Swagger/ReDoc pages start with an inline script
CSP = (b"content-security-policy", b"default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       b"frame-ancestors 'none'; form-action 'self'")
CSP_EXEMPT = ("/docs", "/redoc")


class SecurityHeaders:
    """Pure ASGI middleware adding the usual browser protections to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = SECURITY_HEADERS + ([] if scope["path"] in CSP_EXEMPT else [CSP])

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _mount_docs(app: FastAPI) -> None:
    """OpenAPI pages at /docs (Swagger UI) and /redoc with their JS/CSS from the fastapi-offline
    package, so the docs work on an offline desk and load nothing from a CDN."""
    assets = Path(importlib.util.find_spec("fastapi_offline").origin or "").parent / "static"  # type: ignore[union-attr]
    app.mount("/static/docs", StaticFiles(directory=str(assets)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="claimledger API",
            swagger_js_url="/static/docs/swagger-ui-bundle.js",
            swagger_css_url="/static/docs/swagger-ui.css",
            swagger_favicon_url="/static/docs/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json",
            title="claimledger API",
            redoc_js_url="/static/docs/redoc.standalone.js",
            redoc_favicon_url="/static/docs/favicon.png",
            with_google_fonts=False,
        )


_frozen = False


def _freeze_startup_objects() -> None:
    """What start-up made (modules, tables, templates: ~130,000 objects) lives as long as the
    process; moved out of the cyclic collector's sight, a full collection no longer walks it (a
    100-265 ms pause every few hundred requests, in the tail of every page) and young collections
    cost less. Once per process (reference counting still frees frozen objects; only cycles among
    them would stay), after collecting what is already garbage."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The service: JSON API under /api (OpenAPI at /docs) and the pages."""
    settings = settings or get_settings()
    # the secret the pages sign with: set, or generated once and kept owner-only (verifier.auth)
    settings = settings.model_copy(update={"secret_key": server_secret(settings)})
    engine = engine or make_engine(settings.database_url)
    ensure_indexes(engine)
    ensure_search(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Few worker threads: ledger reads are short and CPU-bound in Python; many threads only
        # trade the GIL back and forth and stretch every request (a long latency tail).
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.api_threads
        _app.state.slow_limiter = anyio.CapacityLimiter(2)  # re-checks and full exports: seconds
        _freeze_startup_objects()
        yield

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # served below from packaged files, never a CDN
        redoc_url=None,
        title="claimledger",
        version="0.1.0",
        description="Claims, sources, evidence and verdicts of the ledger; review queue and annotated reports.",
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.read_engine = make_read_engine(engine)  # SQLite: readers never take the write lock
    app.state.counts = TTLCache(ttl=COUNT_CACHE_SECONDS, background=True)
    app.state.jobs = JobRegistry()  # background upload jobs (ingest, fetch, verify)
    templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    filters.install(templates.env)
    rows.install(templates.env)
    templates.env.auto_reload = False  # templates ship with the package: no stat() per render
    app.state.templates = templates
    _mount_docs(app)  # before /static, which would otherwise take /static/docs/*
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    app.include_router(api_router)
    app.include_router(public_pages)
    app.include_router(pages_router)

    app.state.read_cache = ReadCache(ttl=settings.read_cache_seconds)
    app.add_middleware(ClearCountsOnWrite, cache=app.state.counts)
    app.add_middleware(MicroCache, cache=app.state.read_cache)  # inside: hits still get the headers
    app.add_middleware(  # authenticates writes before any body is read, and caps bodies
        BodyGuard,
        max_bytes=settings.max_request_bytes,
        authenticate=lambda authorization, cookie: principal_from(
            authorization, cookie, app.state.read_engine, app.state.settings
        ),
    )
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(OverflowError)
    @app.exception_handler(DataError)
    async def _out_of_range(request: Request, exc: Exception) -> Response:
        # an id or offset past the database's integer range (>= 2**63): the request is wrong, not us
        return JSONResponse(
            {"error": "BadInputError", "message": "a number in the request is out of range", "hint": None},
            status_code=422,
        )

    @app.exception_handler(ClaimledgerError)
    async def _our_errors(request: Request, exc: ClaimledgerError) -> Response:
        status = http_status_for(exc)
        if request.url.path.startswith("/api"):
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse(
                {"error": exc.__class__.__name__, "message": exc.message, "hint": exc.hint},
                status_code=status,
                headers=headers,
            )
        if isinstance(exc, AuthError) and request.method == "GET":
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        html = templates.get_template("error.html").render(status=status, message=describe(exc), who=None)
        return HTMLResponse(html, status_code=status)

    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` and multi-worker serve: settings from CLAIMLEDGER_* variables."""
    return create_app(Settings())  # type: ignore[call-arg]  # pydantic-settings fills fields from env
