"""Writes the API performs besides reviews: ingesting an uploaded report and re-checking sources.

Each calls the library function other parts own (guarded imports: the service keeps working while
those parts are built) and records an AuditEntry once the write has succeeded.
"""

from __future__ import annotations

import asyncio
import importlib
import json
from dataclasses import asdict, is_dataclass
from typing import Any

import anyio.to_thread
from sqlalchemy.engine import Engine

from claims.errors import BadInputError, ClaimledgerError, ReportError
from storage.db import session_scope
from storage.models import AuditEntry
from verifier.settings import Settings

__all__ = ["ReportTooLargeError", "decode_upload", "ingest_upload", "recheck", "recheck_in_thread", "audit"]


def audit(engine: Engine, actor: str, action: str, object_type: str, object_id: str, **kw: Any) -> None:
    with session_scope(engine) as session:
        session.add(
            AuditEntry(
                actor=actor,
                action=action,
                object_type=object_type,
                object_id=object_id,
                before=json.dumps(kw.get("before", {}), ensure_ascii=False, default=str),
                after=json.dumps(kw.get("after", {}), ensure_ascii=False, default=str),
                note=kw.get("note", ""),
            )
        )


class ReportTooLargeError(ReportError):
    """An uploaded report over ``max_report_bytes``: 413, like a request body over its cap."""

    http_status = 413


def decode_upload(data: bytes, name: str, max_bytes: int) -> str:
    """Bytes of an uploaded report → text, refusing empty, binary, non-UTF-8 and oversized input."""
    if len(data) > max_bytes:
        raise ReportTooLargeError(
            f"{name}: the report is over the {max_bytes:,}-byte limit",
            hint="CLAIMLEDGER_MAX_REPORT_BYTES sets it; split the report or raise the limit",
        )
    try:
        decode_report = importlib.import_module("claims.report").decode_report
    except (ModuleNotFoundError, AttributeError):
        decode_report = None
    if decode_report is not None:
        return str(decode_report(data, name, max_bytes))
    if len(data) > max_bytes:
        raise ReportError(f"{name}: {len(data):,} bytes is over the {max_bytes:,}-byte limit")
    if b"\x00" in data:
        raise ReportError(f"{name}: looks binary, not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReportError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not text.strip():
        raise ReportError(f"{name}: the report is empty")
    return text


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or "/" in name or "\\" in name or name.startswith("."):
        raise BadInputError(f"bad report name {name!r}", hint="a plain file name such as 2026-04-13.txt")
    return name


def ingest_upload(engine: Engine, settings: Settings, name: str, data: bytes, actor: str) -> Any:
    """Decode and ingest one report (one transaction, by storage.ingest); audit it afterwards."""
    name = _check_name(name)
    text = decode_upload(data, name, settings.max_report_bytes)
    from storage.ingest import ingest_report

    result = ingest_report(engine, name, text, max_claims=settings.max_report_claims)
    audit(engine, actor, "report.ingest", "report", str(result.report_id),
          after={"name": result.name, "version": result.version, "outcome": result.outcome})
    return result


def _plain(value: Any) -> Any:
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return value
    return {"result": str(value)} if value is not None else {}


def recheck(engine: Engine, settings: Settings, source_ids: list[int], actor: str) -> dict[str, Any]:
    """Re-check sources now through the scheduler's ``recheck_sources`` (preferred) or the fetcher."""
    try:
        schedule = importlib.import_module("verifier.schedule")
        fn = getattr(schedule, "recheck_sources", None)
    except ModuleNotFoundError:
        fn = None
    if fn is None:
        try:
            fetch = importlib.import_module("verifier.fetch")
            fn = getattr(fetch, "recheck_sources", None) or getattr(fetch, "fetch_sources", None)
        except ModuleNotFoundError:
            fn = None
    if fn is None:
        raise ClaimledgerError("re-checking is not available in this build", hint="the fetcher is not installed")
    result = fn(engine, settings, source_ids)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    out = _plain(result)
    audit(engine, actor, "source.recheck", "source", ",".join(map(str, source_ids)), after=out)
    return out


async def recheck_in_thread(app_state: Any, source_ids: list[int], actor: str) -> dict[str, Any]:
    """Run :func:`recheck` (network fetches: seconds) in its own small pool of threads, so that
    re-checks never hold the few threads that serve reads."""
    limiter = getattr(app_state, "slow_limiter", None)
    return await anyio.to_thread.run_sync(
        recheck, app_state.engine, app_state.settings, source_ids, actor, limiter=limiter
    )
