"""Server-rendered pages: review queue, claim page, report page, sources, login."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Depends, File, Form, Path, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import AuthError, BadInputError, NotFoundError
from storage import queries as q
from storage.search import MAX_COUNT, search
from verifier.api.annotate import page_starts, segments, spans_from_json, split_at
from verifier.api.deps import (
    CanIngest,
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
from verifier.api.fastroute import DeskRoute
from verifier.api.mdreport import Mark, render_marked
from verifier.api.rawpage import RAW_CSP, raw_html, sandboxed
from verifier.api.schemas import loads
from verifier.api.textdiff import diff_stats, inline_diff
from verifier.auth import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    Principal,
    authenticate_token,
    csrf_token_for,
    hash_token,
    make_session_cookie,
)
from verifier.desk import assign_claims, bulk_review, set_schedule
from verifier.review import check_reason, review_claim
from verifier.settings import Settings

router = APIRouter(include_in_schema=False, dependencies=[Depends(reader)], route_class=DeskRoute)
public = APIRouter(include_in_schema=False, route_class=DeskRoute)
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


QUEUE_KEYS = ("status", "reason", "kind", "report", "source", "review", "assignee", "reviewer", "since", "until")


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadInputError(f"{name} must be a date like 2026-04-13, got {value!r}") from None


def queue_filter(params: Mapping[str, str], who: Principal | None) -> tuple[q.ClaimFilter, dict[str, str]]:
    """The queue's filter from page parameters (the same names as the API), and the parameters
    that are set (kept across save-and-next, paging and the ``g`` key). ``assignee=me`` is you."""
    kept = {k: str(params[k]) for k in QUEUE_KEYS if params.get(k)}
    status = kept.get("status")
    needs_review = True if status == "needs_review" else None
    source = kept.get("source")
    if source is not None and (not source.isdigit() or int(source) > 2**62):
        raise BadInputError(f"source must be a source id, got {source!r}")
    assignee = kept.get("assignee")
    if assignee == "me":
        assignee = who.name if who else None
    check_reason(kept.get("reason"))
    flt = q.ClaimFilter(
        status=None if needs_review else status, reason=kept.get("reason"), kind=kept.get("kind"),
        report=kept.get("report"), source_id=int(source) if source else None, needs_review=needs_review,
        review=kept.get("review"), assignee=assignee, reviewer=kept.get("reviewer"),
        since=_date(kept.get("since"), "since"), until=_date(kept.get("until"), "until"),
    )
    return flt.validate(), kept


def _qs(params: Mapping[str, Any]) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, session: ReadSession, who: Who, counts: Counts, engine: ReadEngine,
               offset: Annotated[int, Query(ge=0, le=2**62)] = 0,
               after: Annotated[str | None, Query(max_length=300)] = None) -> HTMLResponse:
    flt, kept = queue_filter(request.query_params, who)
    # "next" seeks past the page's last row (keyset); offset only numbers the rows shown
    page = q.review_queue(session, flt, limit=PAGE_SIZE, offset=offset, with_total=False, after=after, lines=True)
    page.total = counts.get(("queue", flt), lambda: in_session(engine, q.count_queue, flt))
    reasons = counts.get("reasons", lambda: in_session(engine, q.reason_counts))
    totals = counts.get("statuses", lambda: in_session(engine, q.status_counts))
    nxt = page.offset + page.limit
    queue_qs = _qs(kept)
    return render(
        request, "queue.html", who, page=page, counts=reasons, flt=flt, kept=kept, totals=totals,
        queue_qs=queue_qs, can_review=bool(who and who.can("review")),
        next_url=("/?" + _qs({**kept, "offset": nxt, "after": page.next_after})) if nxt < page.total else None,
        prev_url=("/?" + _qs({**kept, "offset": max(0, page.offset - page.limit)})) if page.offset else None,
    )


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, session: ReadSession, who: Who,
                sort: Literal["id", "confidence", "-confidence", "report"] = "id",
                offset: Annotated[int, Query(ge=0, le=2**62)] = 0) -> HTMLResponse:
    """Every claim (not only the queue), with the API's filters, sorting and paging."""
    flt, kept = queue_filter(request.query_params, who)
    page = q.list_claims(session, flt, sort=sort, limit=PAGE_SIZE, offset=offset, lines=True)
    nxt = page.offset + page.limit
    base = {**kept, "sort": sort if sort != "id" else ""}
    return render(
        request, "claims.html", who, page=page, flt=flt, kept=kept, sort=sort, queue_qs=_qs(kept),
        source=q.get_source(session, flt.source_id) if flt.source_id else None,
        can_review=bool(who and who.can("review")),
        next_url=("/claims?" + _qs({**base, "offset": nxt})) if nxt < page.total else None,
        prev_url=("/claims?" + _qs({**base, "offset": max(0, page.offset - page.limit)})) if page.offset else None,
    )


def _ld_json(doc: Any) -> str:
    """JSON for a <script type="application/ld+json"> block: '<' escaped so no text closes it."""
    return json.dumps(doc, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_page(request: Request, claim_id: Annotated[int, Path(ge=1, le=2**62)], session: ReadSession, who: Who,
               queue: str = "") -> HTMLResponse:
    from verifier.claimreview import claimreview_for_claim

    d = q.claim_detail(session, claim_id)
    c = d.claim
    sentence = d.report.text[c.sentence_start:c.sentence_end] or c.text
    key = segments(sentence, [(c.start - c.sentence_start, c.end - c.sentence_start, True)])
    evidence = [(e, segments(e.evidence.passage, spans_from_json(loads(e.evidence.highlight, [])))) for e in d.evidence]
    moved = next((det["passage"] for det in (loads(e.details, {}) for e in reversed(d.events))
                  if isinstance(det, dict) and isinstance(det.get("passage"), dict)), None)
    moved_diff = inline_diff(str(moved.get("old") or ""), str(moved.get("new") or "")) if moved else None
    settings: Settings = request.app.state.settings
    ld = claimreview_for_claim(session, d.claim, d.verdict, d.report, settings, str(request.base_url))
    flt, kept = queue_filter(dict(parse_qsl(queue)), who)
    return render(request, "claim.html", who, d=d, sentence=key, evidence=evidence, moved=moved,
                  moved_diff=moved_diff, claimreview=_ld_json(ld) if ld else None, queue_qs=_qs(kept),
                  review_state=q.review_state(d.verdict), can_review=bool(who and who.can("review")))


def _claim_url(claim_id: int, queue_qs: str) -> str:
    return f"/claims/{claim_id}" + (f"?{_qs({'queue': queue_qs})}" if queue_qs else "")


@router.post("/claims/{claim_id}/review")
async def claim_review_form(claim_id: int, engine: EngineDep, who: CanReview,
                            status: Annotated[str, Form()], note: Annotated[str, Form()] = "",
                            queue: Annotated[str, Form()] = "", next: Annotated[str, Form()] = "") -> Response:
    """The confirm/override form (session cookie + CSRF token, checked by the dependency).
    ``next`` = save and open the next claim of the queue under the same filters."""
    await run_in_threadpool(review_claim, engine, claim_id, status, note, who.name)
    if not next:
        return RedirectResponse(_claim_url(claim_id, queue) + "#timeline", status_code=303)
    flt, kept = queue_filter(dict(parse_qsl(queue)), who)
    following = await run_in_threadpool(in_session, engine, q.next_in_queue, flt, claim_id)
    if following is None:
        return RedirectResponse("/?" + _qs({**kept, "done": "1"}), status_code=303)
    return RedirectResponse(_claim_url(following, _qs(kept)), status_code=303)


@router.post("/claims/{claim_id}/assign")
async def claim_assign_form(claim_id: int, engine: EngineDep, who: CanReview,
                            assignee: Annotated[str, Form()] = "", queue: Annotated[str, Form()] = "") -> Response:
    """Assign to me (``assignee=me``), to someone, or clear (empty)."""
    name = who.name if assignee.strip() == "me" else assignee
    await run_in_threadpool(assign_claims, engine, [claim_id], name, who.name)
    return RedirectResponse(_claim_url(claim_id, queue), status_code=303)


@router.post("/claims/bulk")
async def bulk_form(request: Request, engine: EngineDep, who: CanReview) -> Response:
    """Bulk review or assignment from a page: the selected ``claim_id``s, or every claim resting on
    ``source_id``; one note for all, each claim audited on its own."""
    form = await request.form()
    action = str(form.get("action") or "confirm")
    note = str(form.get("note") or "")
    back = str(form.get("back") or "/")
    back = back if back.startswith("/") and not back.startswith("//") and "\\" not in back else "/"
    ids = [int(str(v)) for v in form.getlist("claim_id") if str(v).isdigit() and int(str(v)) <= 2**62]
    source_id = str(form.get("source_id") or "")
    if source_id.isdigit():
        with Session(engine) as session:
            q.get_source(session, int(source_id))
            ids += q.source_claim_ids(session, int(source_id))
    if not ids:
        raise BadInputError("select at least one claim")
    if action == "assign":
        name = str(form.get("assignee") or "").strip()
        await run_in_threadpool(assign_claims, engine, ids, who.name if name == "me" else name, who.name)
        return RedirectResponse(back, status_code=303)
    result = await run_in_threadpool(bulk_review, engine, ids, action, note, who.name)
    sep = "&" if "?" in back else "?"
    return RedirectResponse(f"{back}{sep}{_qs({'bulk_done': len(result.done), 'bulk_failed': len(result.failed)})}",
                            status_code=303)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, session: ReadSession, who: Who, q_: Annotated[str, Query(alias="q", max_length=200)] = "",
                offset: Annotated[int, Query(ge=0, le=2**62)] = 0) -> HTMLResponse:
    res = search(session, q_, limit=PAGE_SIZE, offset=offset, lines=True) if q_.strip() else None
    nxt = offset + PAGE_SIZE
    return render(request, "search.html", who, q=q_, res=res, max_count=MAX_COUNT,
                  next_url=("/search?" + _qs({"q": q_, "offset": nxt})) if res and nxt < res.claims_total else None,
                  prev_url=("/search?" + _qs({"q": q_, "offset": max(0, offset - PAGE_SIZE)})) if offset else None)


@router.post("/sources/{source_id}/recheck")
async def source_recheck_form(request: Request, source_id: int, engine: EngineDep, who: CanRecheck) -> Response:
    from verifier.api.actions import recheck_in_thread

    with Session(engine) as session:
        q.get_source(session, source_id)
    await recheck_in_thread(request.app.state, [source_id], who.name)
    return RedirectResponse(f"/sources/{source_id}", status_code=303)


@router.post("/sources/{source_id}/schedule")
async def source_schedule_form(source_id: int, engine: EngineDep, who: CanRecheck,
                               interval: Annotated[str, Form()] = "", paused: Annotated[str, Form()] = "") -> Response:
    try:
        hours = float(interval) if interval.strip() else None
    except ValueError:
        raise BadInputError(f"interval must be a number of hours, got {interval!r}") from None
    await run_in_threadpool(set_schedule, engine, source_id, hours, bool(paused), who.name)
    return RedirectResponse(f"/sources/{source_id}", status_code=303)


@router.get("/reports", response_class=HTMLResponse)
def reports_page(request: Request, session: ReadSession, who: Who) -> HTMLResponse:
    return render(request, "reports.html", who, reports=q.list_reports(session),
                  can_upload=bool(who and who.can("ingest")))


@router.get("/reports/{ref}", response_class=HTMLResponse)
def report_page(request: Request, ref: str, session: ReadSession, who: Who,
                show: Literal["all", "contradicted", "unverified", "verified"] = "all") -> HTMLResponse:
    report = q.get_report(session, ref)
    assert report.id is not None
    claims = [r for r in q.report_claims(session, report.id) if r.claim.checkworthy]  # the claims the bar counts
    shown = [r for r in claims if show == "all" or r.status == show]
    marks = [Mark(r.claim.start, r.claim.end, int(r.claim.id or 0), r.status,
                  f"{r.status} · {r.reason} · {r.confidence:.2f}") for r in shown]
    counts = {s: 0 for s in q.STATUSES}  # the bar counts the claims marked: the same rows, no second query
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    contradicted = [r for r in claims if r.status == "contradicted"]
    sources = q.report_sources(session, report.id)
    health: dict[str, int] = {}
    for r in sources:
        health[r.source.state] = health.get(r.source.state, 0) + 1
    return render(request, "report.html", who, report=report, html=Markup(render_marked(report.text, marks)),
                  counts=counts, total=sum(counts.values()), sources=sources, contradicted=contradicted,
                  show=show, marked=len(marks), health=health,
                  unverified=[r for r in claims if r.status == "unverified"])


@router.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request, who: Who, job: str = "") -> HTMLResponse:
    if who is None:
        raise AuthError("log in to upload a report")
    found = request.app.state.jobs.get(job) if job else None
    return render(request, "upload.html", who, job=found, can_upload=who.can("ingest"))


@router.post("/upload")
async def upload_form(request: Request, engine: EngineDep, settings: SettingsDep, who: CanIngest,
                      file: Annotated[UploadFile, File(...)]) -> Response:
    data = await file.read(settings.max_report_bytes + 1)
    job = await run_in_threadpool(request.app.state.jobs.start, engine, settings, file.filename or "", data, who.name)
    return RedirectResponse(f"/upload?job={job.id}", status_code=303)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, session: ReadSession, who: Who, state: str | None = None,
                 sort: Literal["health", "url", "-last_checked", "claims"] = "health",
                 q_: Annotated[str, Query(alias="q", max_length=200)] = "",
                 offset: Annotated[int, Query(ge=0, le=2**62)] = 0) -> HTMLResponse:
    state = state or None
    rows = q.list_sources(session, state=state, limit=PAGE_SIZE, offset=offset, sort=sort, q=q_ or None)
    total = q.count_sources(session, state=state, q=q_ or None)
    params = {"state": state, "sort": sort if sort != "health" else "", "q": q_}
    nxt = offset + PAGE_SIZE
    return render(request, "sources.html", who, rows=rows, state=state, sort=sort, q=q_, total=total, offset=offset,
                  can_recheck=bool(who and who.can("recheck")),
                  next_url=("/sources?" + _qs({**params, "offset": nxt})) if nxt < total else None,
                  prev_url=("/sources?" + _qs({**params, "offset": max(0, offset - PAGE_SIZE)})) if offset else None)


@router.get("/sources/{source_id}", response_class=HTMLResponse)
def source_page(request: Request, source_id: Annotated[int, Path(ge=1, le=2**62)], session: ReadSession, who: Who,
                snapshot: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> HTMLResponse:
    source = q.get_source(session, source_id)
    snaps = q.source_snapshots(session, source_id)
    current = next((s for s in snaps if s.id == snapshot), snaps[0] if snaps else None)
    pieces = []
    if current is not None:
        spans = [(e.passage_start, e.passage_end, True) for e, sid in q.source_evidence(session, source_id)
                 if sid == current.id]
        pieces = segments(current.text, spans)
    # a PDF's stored text is shown page by page (its passages carry their page numbers)
    starts = page_starts(current.passages) if current is not None else []
    by_page = list(zip([p for p, _ in starts], split_at(pieces, [o for _, o in starts[1:]]), strict=True)) if starts else []
    raw = raw_html(current) if current is not None else None
    claims = q.source_claim_counts(session, [source_id]).get(source_id, 0)
    return render(request, "source.html", who, source=source, snaps=snaps, current=current, pieces=pieces,
                  by_page=by_page, raw_srcdoc=sandboxed(raw) if raw else None, claims=claims,
                  can_recheck=bool(who and who.can("recheck")), can_review=bool(who and who.can("review")))


@router.get("/sources/{source_id}/snapshots/{snapshot_id}/raw")
def snapshot_raw(source_id: Annotated[int, Path(ge=1, le=2**62)], snapshot_id: Annotated[int, Path(ge=1, le=2**62)],
                 session: ReadSession) -> Response:
    """The page as fetched, inert: the browser gets a sandbox with no scripts, no network, no forms."""
    snap = q.get_snapshot(session, source_id, snapshot_id)
    body = raw_html(snap)
    if body is None:
        raise NotFoundError(f"snapshot {snapshot_id} kept no raw page")
    return Response(body, media_type="text/html; charset=utf-8", headers={
        "Content-Security-Policy": RAW_CSP, "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})


@router.get("/sources/{source_id}/diff", response_class=HTMLResponse)
def source_diff(request: Request, source_id: Annotated[int, Path(ge=1, le=2**62)], session: ReadSession, who: Who,
                a: Annotated[int | None, Query(ge=1, le=2**62)] = None,
                b: Annotated[int | None, Query(ge=1, le=2**62)] = None) -> HTMLResponse:
    """A readable diff between any two snapshots (default: the two newest)."""
    source = q.get_source(session, source_id)
    snaps = q.source_snapshots(session, source_id)
    if len(snaps) < 2 and (a is None or b is None):
        return render(request, "diff.html", who, source=source, snaps=snaps, old=None, new=None, pieces=[], stats={})
    old = q.get_snapshot(session, source_id, a) if a else snaps[1]
    new = q.get_snapshot(session, source_id, b) if b else snaps[0]
    pieces = inline_diff(old.text, new.text)
    return render(request, "diff.html", who, source=source, snaps=snaps, old=old, new=new, pieces=pieces,
                  stats=diff_stats(pieces))


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
