"""Background upload jobs: ingest a report, fetch its sources, verify its claims, with progress.

Jobs live in the serving process (a small bounded registry; a finished job is kept for an hour so
its page and ``GET /api/jobs/{id}`` can be polled). The work itself runs on its own thread so that
fetching never holds the threads that serve pages.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from claims.errors import ClaimledgerError
from storage.models import Section, SectionSource
from storage.queries import status_counts
from verifier.settings import Settings

__all__ = ["Job", "JobRegistry"]

KEEP_SECONDS = 3600
MAX_JOBS = 200


@dataclass
class Job:
    id: str
    name: str
    actor: str
    stage: str = "queued"  # queued | ingesting | fetching | verifying | done | failed
    done: int = 0
    total: int = 0
    report_id: int | None = None
    outcome: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    ingest: dict[str, Any] = field(default_factory=dict)  # what ingest reported (IngestOut's fields)
    started_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    @property
    def finished(self) -> bool:
        return self.stage in ("done", "failed")

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["finished"] = self.finished
        return out


class JobRegistry:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _add(self, job: Job) -> None:
        with self._lock:
            now = time.time()
            for jid in [j.id for j in self._jobs.values() if j.finished_at and now - j.finished_at > KEEP_SECONDS]:
                del self._jobs[jid]
            if len(self._jobs) >= MAX_JOBS:
                raise ClaimledgerError("too many upload jobs at once", hint="wait for some to finish")
            self._jobs[job.id] = job

    def start(self, engine: Engine, settings: Settings, name: str, data: bytes, actor: str) -> Job:
        """Ingest synchronously (bad input fails the request at once), then fetch and verify in the
        background."""
        from verifier.api.actions import ingest_upload

        job = Job(id=uuid.uuid4().hex[:16], name=name, actor=actor, stage="ingesting")
        result = ingest_upload(engine, settings, name, data, actor)
        job.report_id, job.outcome, job.name = int(result.report_id), str(result.outcome), str(result.name)
        job.ingest = {k: getattr(result, k) for k in ("name", "report_id", "version", "outcome", "sections",
                                                      "sources", "claims") if hasattr(result, k)}
        self._add(job)
        threading.Thread(target=self._run, args=(engine, settings, job), name=f"upload-{job.id}", daemon=True).start()
        return job

    def _run(self, engine: Engine, settings: Settings, job: Job) -> None:
        try:
            assert job.report_id is not None
            with Session(engine) as session:
                source_ids = sorted({int(s) for s in session.exec(
                    select(SectionSource.source_id).join(Section, col(Section.id) == col(SectionSource.section_id))
                    .where(Section.report_id == job.report_id)
                ).all()})
            job.stage, job.total = "fetching", len(source_ids)
            if source_ids:
                from verifier.api.actions import recheck

                recheck(engine, settings, source_ids, job.actor)
            job.done = job.total
            job.stage = "verifying"
            from verifier.verify import verify_claims

            def progress(i: int, n: int) -> None:
                job.done, job.total = i, n

            verify_claims(engine, report=job.name, progress=progress, trigger="upload")
            with Session(engine) as session:
                job.counts = status_counts(session, job.report_id)
            job.stage = "done"
        except Exception as exc:  # noqa: BLE001 - a job ends failed with a message, never silently
            job.error = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
            job.stage = "failed"
        finally:
            job.finished_at = time.time()
