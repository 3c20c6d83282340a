"""DeskRoute (verifier/api/fastroute.py) answers exactly as FastAPI's own handler: the same values
for good parameters, the same 422 ``detail`` for bad ones, the same OpenAPI, the read guard, and
FastAPI's handler again for routes it does not plan and while dependency overrides are set."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import orjson
import pytest
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from verifier.api import create_app, deps
from verifier.api.fastroute import DeskRoute, plan_for
from verifier.settings import Settings

Reader = Annotated[object, Depends(deps.read_session)]


def _echo(
    request: Request,
    item: int,
    session: Reader,
    counts: deps.Counts,
    q_: Annotated[str, Query(alias="q", min_length=1, max_length=5)] = "x",
    limit: int = Query(50, ge=1, le=500),
    sort: Literal["id", "-confidence"] = "id",
    since: dt.date | None = None,
    flag: bool | None = None,
    source: int | None = Query(None, ge=1, le=2**62),
) -> Response:
    body = {
        "item": item,
        "q": q_,
        "limit": limit,
        "sort": sort,
        "since": since,
        "flag": flag,
        "source": source,
        "session": type(session).__name__,
        "path": request.url.path,
        "counts": type(counts).__name__,
    }
    return Response(orjson.dumps(body), media_type="application/json")


def _app(route_class: type[APIRoute], settings: Settings, engine: Engine) -> FastAPI:
    app = create_app(settings, engine)
    router = APIRouter(prefix="/api/t", dependencies=[Depends(deps.reader)], route_class=route_class)
    router.get("/echo/{item}")(_echo)
    app.include_router(router)
    return app


QUERIES = [
    "",
    "?q=abc&limit=7&sort=-confidence&since=2026-04-13&flag=yes&source=3",
    "?limit=0",
    "?limit=abc&sort=x",
    "?q=",
    "?q=toolong",
    "?since=2026-13-01",
    "?flag=maybe",
    "?source=0",
    "?limit=3&limit=4",
    "?unknown=1",
]


@pytest.fixture
def clients(settings: Settings, engine: Engine) -> tuple[TestClient, TestClient]:
    return TestClient(_app(APIRoute, settings, engine)), TestClient(_app(DeskRoute, settings, engine))


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("item", ["5", "five"])
def test_same_answer_as_fastapi(clients: tuple[TestClient, TestClient], item: str, query: str) -> None:
    plain, desk = (c.get(f"/api/t/echo/{item}{query}") for c in clients)
    assert (desk.status_code, desk.json()) == (plain.status_code, plain.json())
    assert desk.status_code in (200, 422)


def test_same_openapi(clients: tuple[TestClient, TestClient]) -> None:
    plain, desk = (c.get("/openapi.json").json()["paths"]["/api/t/echo/{item}"] for c in clients)
    assert desk == plain and {p["name"] for p in desk["get"]["parameters"]} >= {"q", "limit", "since"}


def test_read_guard_and_bad_token(settings: Settings, engine: Engine) -> None:
    closed = settings.model_copy(update={"read_requires_token": True})
    for route_class in (APIRoute, DeskRoute):
        client = TestClient(_app(route_class, closed, engine))
        assert client.get("/api/t/echo/5").status_code == 401
        assert client.get("/api/t/echo/5", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert client.get("/api/claims").status_code == 401
        page = client.get("/", follow_redirects=False)  # a page sends the browser to log in
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/"
    open_client = TestClient(_app(DeskRoute, settings, engine))
    assert open_client.get("/api/t/echo/5", headers={"Authorization": "Bearer nope"}).status_code == 401
    assert open_client.get("/api/t/echo/5", cookies={"claimledger_session": "stale"}).status_code == 200


def test_only_plain_sync_gets_are_planned() -> None:
    router = APIRouter(route_class=DeskRoute)

    @router.get("/a")
    def sync_get(limit: int = 1) -> Response:
        return Response()

    @router.get("/b")
    async def async_get() -> Response:
        return Response()

    @router.get("/c")
    def returns_model() -> dict[str, int]:
        return {}

    @router.post("/d")
    def post() -> Response:
        return Response()

    planned = {
        r.path: plan_for(r.dependant, r.methods) is not None for r in router.routes if isinstance(r, APIRoute)
    }
    assert planned == {"/a": True, "/b": False, "/c": False, "/d": False}


def test_dependency_overrides_use_fastapis_handler(settings: Settings, engine: Engine) -> None:
    app = _app(DeskRoute, settings, engine)
    app.dependency_overrides[deps.get_counts] = lambda: "overridden"
    body = TestClient(app).get("/api/t/echo/5").json()
    assert body["counts"] == "str"
