"""JSON endpoints under /api. Thin: each calls storage.queries or a library function."""

from __future__ import annotations

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

from storage import queries as q
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
from verifier.api.schemas import (
    AuditOut,
    ClaimDetailOut,
    ClaimOut,
    ClaimPageOut,
    EventOut,
    EvidenceOut,
    IngestOut,
    RecheckIn,
    RecheckOut,
    ReportDetailOut,
    ReportIn,
    ReportOut,
    ReviewIn,
    ReviewOut,
    SnapshotOut,
    SourceDetailOut,
    SourceOut,
    claim_dict,
)
from verifier.review import review_claim
from verifier.settings import Settings

router = APIRouter(prefix="/api", dependencies=[Depends(reader)])
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
    }
    return Response(orjson.dumps(body), media_type="application/json")


def _filter(status: str | None, reason: str | None, kind: str | None, report: str | None,
            source: int | None, needs_review: bool | None) -> q.ClaimFilter:
    return q.ClaimFilter(status=status, reason=reason, kind=kind, report=report, source_id=source,
                         needs_review=needs_review)


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


@router.post("/reports/upload", response_model=IngestOut, status_code=201, tags=["reports"])
async def upload_report(engine: EngineDep, settings: SettingsDep, who: CanIngest,
                        file: Annotated[UploadFile, File(...)]) -> IngestOut:
    """Ingest a report uploaded as a file (multipart)."""
    data = await file.read(settings.max_report_bytes + 1)
    result = await run_in_threadpool(ingest_upload, engine, settings, file.filename or "", data, who.name)
    return IngestOut(**{k: getattr(result, k) for k in IngestOut.model_fields})


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
    sort: Literal["id", "confidence", "-confidence", "report"] = "id",
    limit: int = Query(50, ge=1, le=q.MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> Response:
    """Claims, filtered and paginated; ``sort=-confidence`` puts the surest first."""
    flt = _filter(status, reason, kind, report, source, needs_review)
    page = q.list_claims(session, flt, sort=sort, limit=limit, offset=offset, with_total=False)
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
    needs_review: bool | None = None,
    limit: int = Query(50, ge=1, le=q.MAX_LIMIT),
    offset: int = Query(0, ge=0),
) -> Response:
    """The review queue: claims needing a second look after a source changed, then contradicted,
    then unverified by reason."""
    flt = _filter(status, reason, kind, report, None, needs_review)
    page = q.review_queue(session, flt, limit=limit, offset=offset, with_total=False)
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
def list_sources(session: ReadSession, state: str | None = None,
                 limit: int = Query(200, ge=1, le=q.MAX_LIMIT), offset: int = Query(0, ge=0)) -> list[SourceOut]:
    """Sources with state and last check; dead and changed first."""
    return [SourceOut.of_row(r) for r in q.list_sources(session, state=state, limit=limit, offset=offset)]


@router.get("/sources/{source_id}", response_model=SourceDetailOut, tags=["sources"])
def source_detail(source_id: int, session: ReadSession) -> SourceDetailOut:
    source = q.get_source(session, source_id)
    snaps = q.source_snapshots(session, source_id)
    return SourceDetailOut(**SourceOut.of(source, len(snaps)).model_dump(),
                           snapshot_list=[SnapshotOut.of(s) for s in snaps])


@router.post("/sources/recheck", response_model=RecheckOut, tags=["sources"])
async def post_recheck(request: Request, body: RecheckIn, engine: EngineDep, who: CanRecheck) -> RecheckOut:
    """Re-fetch these sources now and re-verify the claims resting on them."""
    with Session(engine) as session:
        for sid in body.source_ids:
            q.get_source(session, sid)  # 404 before any work
    result = await recheck_in_thread(request.app.state, body.source_ids, who.name)
    return RecheckOut(source_ids=body.source_ids, result=result)


def _render_export(engine: Engine, fmt: str, report: str | None, base_url: str) -> str:
    from verifier.claimreview import claimreview_document
    from verifier.export import render_export

    with Session(engine) as session:
        if fmt == "claimreview":
            return json.dumps(claimreview_document(session, report=report, base_url=base_url), ensure_ascii=False)
        return render_export(session, fmt, report=report)


@router.get("/export", tags=["export"], response_model=None)
async def export(request: Request, format: Literal["json", "csv", "claimreview"] = "json",
                 report: str | None = None) -> Response:
    """The ledger as JSON (``{"claims": [...]}``), CSV, or ClaimReview JSON-LD (reviewed claims).

    Runs in the pool for slow work, so a full export never holds the threads serving pages."""
    state = request.app.state
    text = await anyio.to_thread.run_sync(
        _render_export, state.read_engine, format, report, str(request.base_url),
        limiter=getattr(state, "slow_limiter", None),
    )
    if format == "claimreview":
        return Response(text, media_type="application/ld+json")
    if format == "csv":
        return PlainTextResponse(text, media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="claims.csv"'})
    return Response(text, media_type="application/json")


