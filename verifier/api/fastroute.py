"""``DeskRoute``: FastAPI routes whose per-request framework work is done once, at start-up.

FastAPI solves a route's dependency tree and validates each query parameter on its own on every
request (about 15 µs of Python per parameter, present or not, and about 50 µs per dependency node,
plus an async generator and exit stack for the read session): a third of ``/api/claims``'s CPU.
For a sync GET route that returns a ``Response`` and whose dependencies are the few this service's reads use (the read guard, who
is calling, a read session, the count cache, the engines, the settings), ``DeskRoute`` builds a
plan from the route's own signature once and, per request, in one worker thread: checks the read
guard, validates every query (and path) parameter in one pydantic model built from the same
annotations and ``Query(...)`` constraints, opens the read session, calls the endpoint, closes the
session. The signature stays the documentation: OpenAPI is generated from it as before, and a bad
parameter is the same 422 with the same ``detail`` list (loc ``["query", name]``, pydantic's type and
message). Any other route (a body, a header or cookie parameter, another dependency, an async
endpoint), and any request while ``app.dependency_overrides`` is set, goes through FastAPI's own
handler unchanged.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

import fastapi.routing
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError, create_model
from sqlmodel import Session
from starlette.responses import Response

from claims.errors import AuthError
from verifier.api import deps
from verifier.auth import SESSION_COOKIE, Principal, require

__all__ = ["DeskRoute"]

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


def _principal(request: Request) -> Principal | None:
    """``deps.optional_principal`` without the event loop: anonymous unless credentials come; a
    stale session cookie is anonymous, a bad bearer token an error."""
    if not request.headers.get("authorization") and SESSION_COOKIE not in request.cookies:
        return None
    state = request.app.state
    try:
        return deps.principal_from(
            request.headers.get("authorization", ""),
            request.cookies.get(SESSION_COOKIE),
            state.read_engine,
            state.settings,
        )
    except AuthError:
        if request.headers.get("authorization"):
            raise
        return None


class _Call:
    """What one request needs, filled in the worker thread."""

    __slots__ = ("request", "principal", "session")

    def __init__(self, request: Request) -> None:
        self.request = request
        self.principal: Principal | None = None
        self.session: Session | None = None

    def read_session(self) -> Session:
        if self.session is None:
            self.session = Session(self.request.app.state.read_engine, expire_on_commit=False)
        return self.session


# dependency callables this route supplies itself, each as a function of the request's _Call
_SUPPLIED: dict[Callable[..., Any], Callable[[_Call], Any]] = {
    deps.optional_principal: lambda c: c.principal,
    deps.reader: lambda c: c.principal,
    deps.read_session: _Call.read_session,
    deps.get_counts: lambda c: c.request.app.state.counts,
    deps.get_read_engine: lambda c: c.request.app.state.read_engine,
    deps.get_engine: lambda c: c.request.app.state.engine,
    deps.get_settings_dep: lambda c: c.request.app.state.settings,
}


def _model(name: str, fields: list[Any]) -> type[BaseModel] | None:
    """One pydantic model holding every parameter of one kind (same annotation, alias, default and
    constraints as FastAPI's per-parameter validation), or None when there are none."""
    if not fields:
        return None
    definitions: dict[str, Any] = {f.name: (f.field_info.annotation, f.field_info) for f in fields}
    return create_model(name, **definitions)


def _validate(
    model: type[BaseModel] | None, kind: str, received: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Any]]:
    if model is None:
        return {}, []
    try:
        return dict(
            model.model_validate(dict(received))
        ), []  # a repeated parameter: the last value, as FastAPI
    except ValidationError as exc:
        return {}, [{**err, "loc": (kind, *err["loc"])} for err in exc.errors(include_url=False)]


class _Plan:
    """The route's endpoint with its dependencies and parameters resolved once."""

    def __init__(
        self,
        endpoint: Callable[..., Any],
        request_name: str | None,
        supplied: list[tuple[str | None, Callable[[_Call], Any]]],
        guard: bool,
        query: type[BaseModel] | None,
        path: type[BaseModel] | None,
    ) -> None:
        self.endpoint = endpoint
        self.request_name = request_name
        self.supplied = [(name, get) for name, get in supplied if name is not None]
        self.guard = guard
        self.query = query
        self.path = path

    def run(self, request: Request) -> Any:
        call = _Call(request)
        call.principal = _principal(request)
        if self.guard and request.app.state.settings.read_requires_token:
            require(call.principal, "read")
        values, errors = _validate(self.path, "path", request.path_params)
        query, query_errors = _validate(self.query, "query", request.query_params)
        if errors or query_errors:
            raise RequestValidationError(errors + query_errors)
        values.update(query)
        if self.request_name:
            values[self.request_name] = request
        for name, get in self.supplied:
            values[name] = get(call)
        try:
            return self.endpoint(**values)
        finally:
            if call.session is not None:
                call.session.close()


def _flatten(dependant: Any) -> list[Any]:
    out = []
    for sub in dependant.dependencies:
        out.append(sub)
        out.extend(_flatten(sub))
    return out


def plan_for(dependant: Any, methods: set[str] | None) -> _Plan | None:
    """A plan for a sync GET endpoint whose every dependency is one of ``_SUPPLIED`` and whose
    parameters are plain query or path parameters; None for anything else."""
    call = dependant.call
    if call is None or inspect.iscoroutinefunction(call) or methods is None or methods - {"GET", "HEAD"}:
        return None
    if not _returns_response(call):
        return None  # a model to serialise: FastAPI's response handling stays
    if (
        dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or dependant.response_param_name
        or dependant.background_tasks_param_name
        or dependant.websocket_param_name
        or dependant.http_connection_param_name
        or dependant.security_scopes_param_name
    ):
        return None
    subs = _flatten(dependant)
    if any(
        sub.call not in _SUPPLIED
        or sub.query_params
        or sub.path_params
        or sub.header_params
        or sub.cookie_params
        or sub.body_params
        for sub in subs
    ):
        return None
    if any(
        getattr(f.field_info, "annotation", None) is None or _is_sequence(f) for f in dependant.query_params
    ):
        return None
    direct = [(sub.name, _SUPPLIED[sub.call]) for sub in dependant.dependencies]
    guard = any(sub.call is deps.reader for sub in subs)
    name = getattr(call, "__name__", "endpoint")
    return _Plan(
        call,
        dependant.request_param_name,
        direct,
        guard,
        _model(f"{name}_query", dependant.query_params),
        _model(f"{name}_path", dependant.path_params),
    )


def _returns_response(call: Callable[..., Any]) -> bool:
    try:
        returned = typing.get_type_hints(call).get("return")
    except (NameError, TypeError):
        return False
    return isinstance(returned, type) and issubclass(returned, Response)


def _is_sequence(field: Any) -> bool:
    from fastapi._compat import field_annotation_is_sequence

    return bool(field_annotation_is_sequence(field.field_info.annotation))


class DeskRoute(APIRoute):
    """An APIRoute that runs eligible sync GET endpoints through a :class:`_Plan` (see the module)."""

    def get_route_handler(self) -> Handler:
        slow = super().get_route_handler()
        context = getattr(fastapi.routing, "_effective_route_context_var", None)
        effective = context.get() if context is not None else None
        route = (
            effective
            if effective is not None and getattr(effective, "original_route", None) is self
            else self
        )
        plan = plan_for(route.dependant, self.methods)
        if plan is None:
            return slow
        overrides = route.dependency_overrides_provider

        async def handler(request: Request) -> Response:
            if overrides is not None and getattr(overrides, "dependency_overrides", None):
                return await slow(request)
            response: Response = await run_in_threadpool(plan.run, request)
            return response

        return handler
