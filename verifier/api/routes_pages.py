"""Server-rendered pages: review queue, claim page, report page, sources, login."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import AuthError
from storage import queries as q
from verifier.api.annotate import segments, spans_from_json
from verifier.api.deps import (
    CanRecheck,
    CanReview,
    Counts,
    ReadEngine,
    get_engine,
    get_settings_dep,
    in_session,
    optional_principal,
    read_session,
    reader,
)
from verifier.api.schemas import loads
from verifier.auth import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    Principal,
    authenticate_token,
    csrf_token_for,
    hash_token,
    make_session_cookie,
)
from verifier.review import review_claim
from verifier.settings import Settings

router = APIRouter(include_in_schema=False, dependencies=[Depends(reader)])
public = APIRouter(include_in_schema=False)
ReadSession = Annotated[Session, Depends(read_session)]
Who = Annotated[Principal | None, Depends(optional_principal)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
EngineDep = Annotated[Engine, Depends(get_engine)]
PAGE_SIZE = 50


def render(request: Request, name: str, who: Principal | None, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    cookie = request.cookies.get(SESSION_COOKIE)
    csrf = csrf_token_for(settings.secret_key, cookie) if cookie and who and who.via == "session" else ""
    templates = request.app.state.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request, name, {"who": who, "csrf": csrf, "loads": loads, **ctx}, status_code=status_code
    )


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, session: ReadSession, who: Who, counts: Counts, engine: ReadEngine,
               status: str | None = None,
               reason: str | None = None, kind: str | None = None, report: str | None = None,
               offset: int = 0) -> HTMLResponse:
    needs_review = True if status == "needs_review" else None
    if needs_review:
        status = None
    flt = q.ClaimFilter(status=status or None, reason=reason or None, kind=kind or None, report=report or None,
                        needs_review=needs_review)
    page = q.review_queue(session, flt, limit=PAGE_SIZE, offset=max(0, offset), with_total=False)
    page.total = counts.get(("queue", flt), lambda: in_session(engine, q.count_queue, flt))
    reasons = counts.get("reasons", lambda: in_session(engine, q.reason_counts))
    totals = counts.get("statuses", lambda: in_session(engine, q.status_counts))
    shown_status = "needs_review" if needs_review else status
    params = {k: v for k, v in {"status": shown_status, "reason": reason, "kind": kind, "report": report}.items() if v}
    nxt = page.offset + page.limit
    return render(
        request, "queue.html", who, page=page, counts=reasons, flt=flt, totals=totals,
        next_url=("/?" + urlencode({**params, "offset": nxt})) if nxt < page.total else None,
        prev_url=("/?" + urlencode({**params, "offset": max(0, page.offset - page.limit)})) if page.offset else None,
    )


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: int, session: ReadSession, who: Who) -> HTMLResponse:
    d = q.claim_detail(session, claim_id)
    c = d.claim
    sentence = d.report.text[c.sentence_start:c.sentence_end] or c.text
    key = segments(sentence, [(c.start - c.sentence_start, c.end - c.sentence_start, True)])
    evidence = [(e, segments(e.evidence.passage, spans_from_json(loads(e.evidence.highlight, [])))) for e in d.evidence]
    moved = next((det["passage"] for det in (loads(e.details, {}) for e in reversed(d.events))
                  if isinstance(det, dict) and isinstance(det.get("passage"), dict)), None)
    return render(request, "claim.html", who, d=d, sentence=key, evidence=evidence, moved=moved,
                  can_review=bool(who and who.can("review")))


@router.post("/claims/{claim_id}/review")
async def claim_review_form(claim_id: int, engine: EngineDep, who: CanReview,
                            status: Annotated[str, Form()], note: Annotated[str, Form()] = "") -> Response:
    """The confirm/override form (session cookie + CSRF token, checked by the dependency)."""
    await run_in_threadpool(review_claim, engine, claim_id, status, note, who.name)
    return RedirectResponse(f"/claims/{claim_id}#timeline", status_code=303)


@router.post("/sources/{source_id}/recheck")
async def source_recheck_form(request: Request, source_id: int, engine: EngineDep, who: CanRecheck) -> Response:
    from verifier.api.actions import recheck_in_thread

    with Session(engine) as session:
        q.get_source(session, source_id)
    await recheck_in_thread(request.app.state, [source_id], who.name)
    return RedirectResponse("/sources", status_code=303)


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, session: ReadSession, who: Who) -> HTMLResponse:
    return render(request, "reports.html", who, reports=q.list_reports(session))


@router.get("/reports/{ref}", response_class=HTMLResponse)
def report_page(request: Request, ref: str, session: ReadSession, who: Who) -> HTMLResponse:
    report = q.get_report(session, ref)
    assert report.id is not None
    claims = q.report_claims(session, report.id)
    pieces = segments(report.text, [(r.claim.start, r.claim.end, r) for r in claims])
    counts = q.status_counts(session, report.id)
    return render(request, "report.html", who, report=report, pieces=pieces, counts=counts,
                  total=sum(counts.values()), sources=q.report_sources(session, report.id))


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, session: ReadSession, who: Who, state: str | None = None) -> HTMLResponse:
    return render(request, "sources.html", who, rows=q.list_sources(session, state=state or None, limit=500),
                  state=state, can_recheck=bool(who and who.can("recheck")))


@public.get("/login", response_class=HTMLResponse)
def login_page(request: Request, who: Who, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", who, next=next if next.startswith("/") else "/", error="")


@public.post("/login", response_model=None)
def login(request: Request, engine: EngineDep, settings: SettingsDep, token: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    try:
        with Session(engine) as session:
            principal = authenticate_token(session, token)
    except AuthError as exc:
        return render(request, "login.html", None, status_code=401, next=target, error=exc.message)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, make_session_cookie(settings.secret_key, principal.token_id, hash_token(token)),
                        max_age=SESSION_SECONDS, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")
    return response


@public.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
