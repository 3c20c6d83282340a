"""JSON endpoints under /api. Thin: each calls storage.queries or a library function."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

import anyio.to_thread
import orjson
from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response
from pydantic import BaseModel
from sqlalchemy.engine import Engine
from sqlmodel import Session

from claims.errors import NotFoundError
from storage import queries as q
from storage.search import search
from verifier.api.actions import ingest_upload, recheck_in_thread
from verifier.api.deps import (
    CanIngest,
    CanRecheck,
    CanReview,
    Counts,
    ReadEngine,
    get_engine,
    get_settings_dep,
    in_session,
    read_session,
    reader,
)
from verifier.api.fastroute import DeskRoute
from verifier.api.jobs import Job, JobRegistry
from verifier.api.schemas import (
    AssignIn,
    AuditOut,
    BulkReviewIn,
    BulkReviewOut,
    ClaimDetailOut,
    ClaimOut,
    ClaimPageOut,
    EventOut,
    EvidenceOut,
    IngestOut,
    JobOut,
    RecheckIn,
    RecheckOut,
    ReportDetailOut,
    ReportIn,
    ReportOut,
    ReviewIn,
    ReviewOut,
    SearchOut,
    SnapshotOut,
    SourceDetailOut,
    SourceOut,
    SourceScheduleIn,
    UploadOut,
    claim_dict,
)
from verifier.desk import assign_claims, bulk_review, set_schedule
from verifier.review import check_reason, review_claim
from verifier.settings import Settings

router = APIRouter(prefix="/api", dependencies=[Depends(reader)], route_class=DeskRoute)
ReadSession = Annotated[Session, Depends(read_session)]
EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def _json(model: BaseModel, status_code: int = 200) -> Response:
    """Serialise once. Returning the model would make FastAPI dump, re-validate and dump it again,
    which doubles the cost of a 50-claim page; the declared ``response_model`` still documents it."""
    return Response(model.model_dump_json(), status_code=status_code, media_type="application/json")


def _page(page: q.Page) -> Response:
    """A page of claims (``ClaimPageOut``) serialised straight from the rows."""
    nxt = page.offset + page.limit
    body = {
        "items": [claim_dict(r) for r in page.items],
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": nxt if nxt < page.total else None,
        "next_after": page.next_after if nxt < page.total else None,
    }
    return Response(orjson.dumps(body), media_type="application/json")


def _filter(status: str | None, reason: str | None, kind: str | None, report: str | None,
            source: int | None, needs_review: bool | None, review: str | None = None,
            assignee: str | None = None, reviewer: str | None = None, since: dt.date | None = None,
            until: dt.date | None = None) -> q.ClaimFilter:
    check_reason(reason)
    return q.ClaimFilter(status=status, reason=reason, kind=kind, report=report, source_id=source,
                         needs_review=needs_review, review=review, assignee=assignee, reviewer=reviewer,
                         since=since, until=until)


ReviewQ = Annotated[str | None, Query(description="open (not reviewed yet), unreviewed, assigned, reviewed, any")]
AssigneeQ = Annotated[str | None, Query(description="claims assigned to this reviewer")]
ReviewerQ = Annotated[str | None, Query(description="claims whose verdict is this reviewer's")]
SinceQ = Annotated[dt.date | None, Query(description="verdict changed on or after this day (UTC)")]
UntilQ = Annotated[dt.date | None, Query(description="verdict changed on or before this day (UTC)")]


@router.get("/reports", response_model=list[ReportOut], tags=["reports"])
def list_reports(session: ReadSession, all_versions: bool = False) -> list[ReportOut]:
    """Reports (latest versions unless ``all_versions``) with claim counts per status."""
    return [ReportOut.of(s.report, s.counts) for s in q.list_reports(session, include_old=all_versions)]


@router.get("/reports/{ref}", response_model=ReportDetailOut, tags=["reports"])
def report_detail(ref: str, session: ReadSession) -> Response:
    """One report (by id or name) with summary counts, its sources with their health, and its claims."""
    report = q.get_report(session, ref)
    assert report.id is not None
    base = ReportOut.of(report, q.status_counts(session, report.id))
    return _json(ReportDetailOut(
        **base.model_dump(),
        sources=[SourceOut.of_row(r) for r in q.report_sources(session, report.id)],
        claim_list=[ClaimOut.of(r) for r in q.report_claims(session, report.id)],
    ))


@router.post("/reports", response_model=IngestOut, status_code=201, tags=["reports"])
async def post_report(body: ReportIn, engine: EngineDep, settings: SettingsDep,
                      who: CanIngest) -> IngestOut:
    """Ingest a report sent as JSON ``{name, text}``. Bad input is a 4xx and writes nothing."""
    result = await run_in_threadpool(ingest_upload, engine, settings, body.name, body.text.encode("utf-8"), who.name)
    return IngestOut(**{k: getattr(result, k) for k in IngestOut.model_fields})


def job_out(job: Job) -> JobOut:
    return JobOut(**{k: v for k, v in job.as_dict().items() if k in JobOut.model_fields}, url=f"/api/jobs/{job.id}")


@router.post("/reports/upload", response_model=UploadOut, status_code=202, tags=["reports"])
async def upload_report(request: Request, engine: EngineDep, settings: SettingsDep, who: CanIngest,
                        file: Annotated[UploadFile, File(...)]) -> Response:
    """Ingest a report uploaded as a file (multipart), then fetch its sources and verify its claims
    in the background: 202 with the ingest result and a ``job`` to poll at ``GET /api/jobs/{id}``.
    Bad input is a 4xx at once and writes nothing."""
    data = await file.read(settings.max_report_bytes + 1)
    registry: JobRegistry = request.app.state.jobs
    job = await run_in_threadpool(registry.start, engine, settings, file.filename or "", data, who.name)
    return _json(UploadOut(**job.ingest, job=job_out(job)), status_code=202)


@router.get("/jobs/{job_id}", response_model=JobOut, tags=["reports"])
async def get_job(request: Request, job_id: str) -> Response:
    """Progress of an upload job: stage (ingesting, fetching, verifying, done, failed), done/total,
    and the report's counts per status when done."""
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise NotFoundError(f"no job {job_id!r}", hint="jobs are kept for an hour by the process that ran them")
    return _json(job_out(job))


@router.get("/search", response_model=SearchOut, tags=["claims"])
def search_api(session: ReadSession, q_: Annotated[str, Query(alias="q", min_length=1, max_length=200)],
               status: str | None = None, report: str | None = None,
               limit: int = Query(50, ge=1, le=q.MAX_LIMIT), offset: int = Query(0, ge=0, le=2**62)) -> Response:
    """Claims whose text holds ``q`` (any script; substring), and reports and sources whose name,
    title or URL holds it."""
    flt = q.ClaimFilter(status=status, report=report, checkworthy=None)
    res = search(session, q_, flt=flt, limit=limit, offset=offset)
    nxt = offset + limit
    body = {
        "query": res.query,
        "mode": res.mode,
        "claims": {"items": [claim_dict(r) for r in res.claims], "total": res.claims_total, "limit": limit,
                   "offset": offset, "next_offset": nxt if nxt < res.claims_total else None},
        "reports": [{"id": r.id, "name": r.name, "title": r.title} for r in res.reports],
        "sources": [{"id": s.id, "url": s.url, "title": t, "state": s.state} for s, t in res.sources],
    }
    return Response(orjson.dumps(body), media_type="application/json")


@router.post("/claims/bulk-review", response_model=BulkReviewOut, tags=["claims"])
async def post_bulk_review(body: BulkReviewIn, engine: EngineDep, who: CanReview) -> BulkReviewOut:
    """Confirm (``status=confirm``) or override every listed claim, or every claim resting on
    ``source_id``, with one note; each claim is reviewed and audited on its own."""
    ids = list(body.claim_ids)
    if body.source_id is not None:
        with Session(engine) as session:
            q.get_source(session, body.source_id)
            ids += q.source_claim_ids(session, body.source_id)
    result = await run_in_threadpool(bulk_review, engine, ids, body.status, body.note, who.name)
    return BulkReviewOut(done=result.done, changed=result.changed, failed=result.failed)


@router.post("/claims/assign", tags=["claims"])
async def post_assign(body: AssignIn, engine: EngineDep, who: CanReview) -> dict[str, int]:
    """Assign claims to a reviewer (or clear with an empty assignee); each audited."""
    n = await run_in_threadpool(assign_claims, engine, body.claim_ids, body.assignee, who.name)
    return {"assigned": n}


@router.get("/claims", response_model=ClaimPageOut, tags=["claims"])
def list_claims(
    session: ReadSession,
    counts: Counts,
    engine: ReadEngine,
    status: str | None = None,
    reason: str | None = None,
    kind: str | None = None,
    report: str | None = Query(None, description="report name or id"),
    source: int | None = Query(None, description="claims citing this source id"),
    needs_review: bool | None = None,
    review: ReviewQ = None,
    assignee: AssigneeQ = None,
    reviewer: ReviewerQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    sort: Literal["id", "confidence", "-confidence", "report"] = "id",
    limit: int = Query(50, ge=1, le=q.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=2**62),
    after: int | None = Query(None, ge=0, le=2**62, description="keyset paging (sort=id): a page's next_after"),
) -> Response:
    """Claims, filtered and paginated; ``sort=-confidence`` puts the surest first. Deep pages: pass
    ``after`` (the previous page's ``next_after``) instead of ``offset``; it costs what the first page does."""
    flt = _filter(status, reason, kind, report, source, needs_review, review, assignee, reviewer, since, until)
    page = q.list_claims(session, flt, sort=sort, limit=limit, offset=offset, with_total=False, after=after)
    page.total = counts.get(("claims", flt), lambda: in_session(engine, q.count_claims, flt))
    return _page(page)


@router.get("/queue", response_model=ClaimPageOut, tags=["claims"])
def queue(
    session: ReadSession,
    counts: Counts,
    engine: ReadEngine,
    status: str | None = None,
    reason: str | None = None,
    kind: str | None = None,
    report: str | None = None,
    source: int | None = Query(None, ge=1, le=2**62),
    needs_review: bool | None = None,
    review: ReviewQ = None,
    assignee: AssigneeQ = None,
    reviewer: ReviewerQ = None,
    since: SinceQ = None,
    until: UntilQ = None,
    limit: int = Query(50, ge=1, le=q.MAX_LIMIT),
    offset: int = Query(0, ge=0, le=2**62),
    after: str | None = Query(None, max_length=300, description="keyset paging: a page's next_after"),
) -> Response:
    """The review queue: claims not reviewed yet (``review=open`` by default), most urgent first:
    contradicted, then needing a second look after a source changed, then unverified, then
    machine-verified with low confidence. A reviewed claim leaves it. Deep pages: pass ``after`` (the
    previous page's ``next_after``) instead of ``offset``."""
    flt = _filter(status, reason, kind, report, source, needs_review, review, assignee, reviewer, since, until)
    page = q.review_queue(session, flt, limit=limit, offset=offset, with_total=False, after=after)
    page.total = counts.get(("queue", flt), lambda: in_session(engine, q.count_queue, flt))
    return _page(page)


@router.get("/claims/{claim_id}", response_model=ClaimDetailOut, tags=["claims"])
def claim_detail(claim_id: int, session: ReadSession) -> Response:
    """A claim with its values, evidence passages, conflicting claims, full history and audit trail."""
    d = q.claim_detail(session, claim_id)
    row = q.ClaimRow(d.claim, d.verdict, d.report.name)
    return _json(ClaimDetailOut(
        **ClaimOut.of(row).model_dump(),
        evidence=[EvidenceOut.of(e) for e in d.evidence],
        history=[EventOut.of(e) for e in d.events],
        conflicts=[ClaimOut.of(c) for c in d.conflicts],
        sources=[SourceOut.of(s) for s in d.sources],
        audit=[AuditOut.of(a) for a in d.audit],
    ))


@router.post("/claims/{claim_id}/review", response_model=ReviewOut, tags=["claims"])
async def post_review(claim_id: int, body: ReviewIn, engine: EngineDep,
                      who: CanReview) -> ReviewOut:
    """Confirm or override a claim's verdict (the reviewer's name is the token's)."""
    result = await run_in_threadpool(review_claim, engine, claim_id, body.status, body.note, who.name)
    return ReviewOut(claim_id=claim_id, before=result.before, after=result.after, changed=result.changed)


@router.get("/sources", response_model=list[SourceOut], tags=["sources"])
def list_sources(response: Response, session: ReadSession, state: str | None = None,
                 sort: Literal["health", "url", "-last_checked", "claims"] = "health",
                 q_: Annotated[str | None, Query(alias="q", max_length=200, description="URL holds this")] = None,
                 limit: int = Query(200, ge=1, le=q.MAX_LIMIT), offset: int = Query(0, ge=0, le=2**62)) -> Response:
    """Sources with state and last check; dead and changed first. ``X-Total-Count`` carries the
    total, so a client pages with ``offset`` until it has them all."""
    rows = q.list_sources(session, state=state, limit=limit, offset=offset, sort=sort, q=q_)
    total = q.count_sources(session, state=state, q=q_)
    body = orjson.dumps([SourceOut.of_row(r).model_dump(mode="json") for r in rows])
    return Response(body, media_type="application/json", headers={"X-Total-Count": str(total)})


@router.get("/sources/{source_id}", response_model=SourceDetailOut, tags=["sources"])
def source_detail(source_id: int, session: ReadSession) -> SourceDetailOut:
    source = q.get_source(session, source_id)
    snaps = q.source_snapshots(session, source_id)
    claims = q.source_claim_counts(session, [source_id]).get(source_id, 0)
    return SourceDetailOut(**SourceOut.of(source, len(snaps), claims).model_dump(),
                           snapshot_list=[SnapshotOut.of(s) for s in snaps])


@router.put("/sources/{source_id}/schedule", response_model=SourceOut, tags=["sources"])
async def put_schedule(source_id: int, body: SourceScheduleIn, engine: EngineDep, who: CanRecheck) -> SourceOut:
    """Set a source's re-check interval (hours; null: adaptive) and pause or resume its re-checks."""
    source = await run_in_threadpool(set_schedule, engine, source_id, body.check_interval_hours, body.paused, who.name)
    return SourceOut.of(source)


@router.post("/sources/recheck", response_model=RecheckOut, tags=["sources"])
async def post_recheck(request: Request, body: RecheckIn, engine: EngineDep, who: CanRecheck) -> RecheckOut:
    """Re-fetch these sources now and re-verify the claims resting on them."""
    with Session(engine) as session:
        for sid in body.source_ids:
            q.get_source(session, sid)  # 404 before any work
    result = await recheck_in_thread(request.app.state, body.source_ids, who.name)
    return RecheckOut(source_ids=body.source_ids, result=result)


def _render_export(engine: Engine, fmt: str, report: str | None, settings: Settings, bom: bool,
                   base_url: str) -> str:
    from verifier.claimreview import claimreview_document
    from verifier.export import render_export

    with Session(engine) as session:
        if fmt == "claimreview":
            return json.dumps(claimreview_document(session, report=report, base_url=base_url,
                                                   settings=settings), ensure_ascii=False)
        return render_export(session, fmt, report=report, bom=bom)


@router.get("/export", tags=["export"], response_model=None)
async def export(request: Request, format: Literal["json", "csv", "claimreview"] = "json",
                 report: str | None = None,
                 bom: bool = Query(False, description="CSV starts with a UTF-8 BOM (Excel then reads Chinese right)"),
                 ) -> Response:
    """The ledger as JSON (``{"claims": [...]}``), CSV, or ClaimReview JSON-LD (reviewed claims).

    Runs in the pool for slow work, so a full export never holds the threads serving pages."""
    state = request.app.state
    text = await anyio.to_thread.run_sync(
        _render_export, state.read_engine, format, report, state.settings, bom, str(request.base_url),
        limiter=getattr(state, "slow_limiter", None),
    )
    if format == "claimreview":
        return Response(text, media_type="application/ld+json")
    if format == "csv":
        return PlainTextResponse(text, media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="claims.csv"'})
    return Response(text, media_type="application/json")


