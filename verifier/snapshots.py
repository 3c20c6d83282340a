"""Apply a fetch result (from the network or an archive) to the ledger: snapshot and source state.

A snapshot is added only when the body's content hash differs from the source's latest snapshot
(an archive import also skips a capture it already holds, so importing twice is a no-op). A 304
adds nothing. Definite answers (404/410, blocked, unsupported, and a soft 404: a 200 page that says
it is not there, in place of a page the ledger holds) count up ``consecutive_failures`` from
``failing_since``; the source counts as dead only after ``dead_after_failures`` of them spanning
``dead_after_hours``. Answers that say nothing about the page (DNS, refused, timeout, 5xx) count in
``soft_failures`` only.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Literal

from sqlmodel import Session

from storage.models import Snapshot, Source
from storage.sources import latest_snapshot, snapshot_with_hash
from verifier.fetch.result import FetchResult
from verifier.passages import PageText
from verifier.reading import read_body
from verifier.reading.body import is_pdf
from verifier.reading.state import NOT_EVIDENCE
from verifier.schedule.policy import PolicyKnobs, SourceHistory, next_check_at
from verifier.settings import Settings, get_settings

__all__ = [
    "prepare_page", "StoreOutcome", "store_fetch", "content_hash", "page_of", "read_fetched", "KEPT_HEADERS",
]

KEPT_HEADERS = ("content-type", "etag", "last-modified", "content-language", "date", "server")


@dataclass(frozen=True)
class StoreOutcome:
    source_id: int
    state: str
    action: Literal["new_snapshot", "unchanged", "not_modified", "failed"]
    snapshot_id: int | None = None
    changed: bool = False  # a new snapshot replaced a different earlier one


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


MAX_PARSE_TAGS = 200_000  # a page with more markup than this is read up to there
MAX_PASSAGES = 20_000


def page_of(result: FetchResult) -> PageText:
    """Passages of a fetched body (``verifier.reading``: HTML main text, PDF pages or plain text).
    Bounded: at most ``MAX_PARSE_TAGS`` tags of HTML are parsed and ``MAX_PASSAGES`` passages kept."""
    if result.page is not None:
        return result.page  # type: ignore[no-any-return]
    return read_fetched(result.body, result.mime, result.text, result.final_url or result.url)


def read_fetched(body: bytes | None, mime: str, text: str | None = None, url: str | None = None) -> PageText:
    """A stored or fetched body read under the limits above (also what ``reparse`` uses)."""
    if text is None and not is_pdf(mime, body):
        text = (body or b"").decode("utf-8", "replace")
    if text is not None and mime != "text/plain":
        text = _first_tags(text, MAX_PARSE_TAGS)
    page = read_body(body, mime, text=text, url=url)
    if len(page.passages) > MAX_PASSAGES:
        page = replace(page, passages=page.passages[:MAX_PASSAGES])
    return page


def _first_tags(html: str, limit: int) -> str:
    """``html`` cut before its ``limit``-th tag (unchanged when it has fewer)."""
    if html.count("<") <= limit:
        return html
    at = -1
    for _ in range(limit):
        at = html.find("<", at + 1)
    return html[:at]


def prepare_page(result: FetchResult, known_hash: str | None = None) -> FetchResult:
    """Parse the body now, outside any transaction (CPU-heavy), unless it is the snapshot the
    ledger already has (``known_hash``); ``store_fetch`` then only writes."""
    wanted = result.outcome == "ok" and result.body is not None and result.page is None
    if wanted and (known_hash is None or content_hash(result.body or b"") != known_hash):
        result.page = page_of(result)
    return result


def _schedule(source: Source, result: FetchResult, settings: Settings) -> None:
    history = SourceHistory(
        created_at=_aware(source.created_at),
        last_changed_at=_aware(source.last_changed_at) if source.last_changed_at else None,
        consecutive_failures=(source.consecutive_failures or 0) + (source.soft_failures or 0),
    )
    if source.check_interval_hours:  # set per source on its page: a fixed interval
        source.next_check_at = _aware(result.fetched_at) + dt.timedelta(hours=source.check_interval_hours)
        return
    knobs = PolicyKnobs.from_settings(settings)
    if source.state in ("blocked", "unsupported"):  # the slow schedule: these rarely change
        source.next_check_at = _aware(result.fetched_at) + dt.timedelta(hours=knobs.max_hours)
        return
    source.next_check_at = next_check_at(history, _aware(result.fetched_at), knobs)


def _aware(t: dt.datetime) -> dt.datetime:
    """SQLite gives naive datetimes back; the ledger's are all UTC."""
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _same_check(source: Source, result: FetchResult) -> bool:
    return (
        source.last_checked_at is not None
        and _aware(source.last_checked_at) == _aware(result.fetched_at)
        and source.last_status == result.status
    )


def _page_source_state(page_state: str, otherwise: str) -> str:
    """A 200 page that is not the article (soft 404, paywall, consent wall) is the source's state."""
    return page_state if page_state in NOT_EVIDENCE else otherwise


def _add_snapshot(session: Session, source: Source, result: FetchResult, digest: str, origin: str) -> int:
    assert result.body is not None and source.id is not None
    page = result.page = page_of(result)
    headers = {k: v for k, v in result.headers.items() if k in KEPT_HEADERS}
    snap = Snapshot(
        source_id=source.id,
        fetched_at=result.fetched_at,
        http_status=result.status or 200,
        final_url=result.final_url or source.url,
        content_type=result.content_type,
        content_hash=digest,
        headers=json.dumps(headers, ensure_ascii=False, sort_keys=True),
        title=page.title,
        published=page.published,
        text=page.text,
        passages=json.dumps(page.passages_json(), ensure_ascii=False),
        raw_gz=gzip.compress(result.body, mtime=0),
        origin=origin,
        page_state=page.state,
        reader=page.reader,
    )
    session.add(snap)
    session.flush()
    assert snap.id is not None
    return snap.id


def _store_older(session: Session, source: Source, result: FetchResult, origin: str) -> StoreOutcome:
    """A capture older than the source's last check (an archive of the past): kept as history only.

    The source's current state, validators and schedule describe its latest check and stay as they are.
    """
    assert source.id is not None
    if result.outcome != "ok" or result.body is None:
        return StoreOutcome(source.id, source.state, "failed" if result.is_failure else "not_modified")
    digest = content_hash(result.body)
    if snapshot_with_hash(session, source.id, digest, result.fetched_at) is not None:
        return StoreOutcome(source.id, source.state, "unchanged")
    return StoreOutcome(
        source.id, source.state, "new_snapshot", _add_snapshot(session, source, result, digest, origin)
    )


def _soft_404_in_place_of(latest: Snapshot, result: FetchResult) -> bool:
    """A 200 answer whose page reads as "not found" (``PageText.state``, set by the page reader)
    where the ledger holds another page: a definite answer about the page, like a 404."""
    if result.body is None or content_hash(result.body) == latest.content_hash:
        return False
    return getattr(page_of(result), "state", "ok") == "soft_404"


def _definite_failure(source: Source, result: FetchResult, state: str, error: str, settings: Settings) -> None:
    """Count one definite answer against ``source``: it is dead (``consecutive_failures`` at
    ``dead_after_failures``) only once such answers span ``dead_after_hours``."""
    source.failing_since = source.failing_since or result.fetched_at
    failures = (source.consecutive_failures or 0) + 1
    span = (_aware(result.fetched_at) - _aware(source.failing_since)).total_seconds() / 3600
    if failures >= settings.dead_after_failures and span < settings.dead_after_hours:
        failures = settings.dead_after_failures - 1  # repeated, but not over long enough yet
    source.consecutive_failures = failures
    source.last_error = error
    if source.state != state:
        source.verify_pending = True  # claims resting on it lose their evidence (after the retries)
    source.state = state


def store_fetch(
    session: Session,
    source: Source,
    result: FetchResult,
    origin: str = "fetch",
    *,
    settings: Settings | None = None,
) -> StoreOutcome:
    """Apply ``result`` to ``source`` inside the caller's transaction (see the module docstring)."""
    settings = settings or get_settings()
    assert source.id is not None
    if origin != "fetch" and result.is_failure and _same_check(source, result):
        return StoreOutcome(source.id, source.state, "failed")  # the archive was imported before
    if source.last_checked_at is not None and _aware(result.fetched_at) < _aware(source.last_checked_at):
        return _store_older(session, source, result, origin)
    source.last_checked_at = result.fetched_at
    source.check_count = (source.check_count or 0) + 1
    source.last_status = result.status
    snapshot_id: int | None = None
    changed = False
    latest = latest_snapshot(session, source.id) if result.outcome == "ok" and result.body is not None else None
    if latest is not None and _soft_404_in_place_of(latest, result):
        action: Literal["new_snapshot", "unchanged", "not_modified", "failed"] = "failed"
        _definite_failure(source, result, "soft_404", "soft 404: the page says it is not there", settings)
    elif result.outcome == "ok" and result.body is not None:
        digest = content_hash(result.body)
        already = latest is not None and latest.content_hash == digest
        if origin != "fetch" and not already:
            already = snapshot_with_hash(session, source.id, digest, result.fetched_at) is not None
        if already:
            action = "unchanged"
            source.state = _page_source_state(latest.page_state if latest is not None else "ok", "ok")
        else:
            snapshot_id = _add_snapshot(session, source, result, digest, origin)
            changed = latest is not None
            action = "new_snapshot"
            source.state = _page_source_state(result.page.state, "changed" if changed else "ok")
            if changed:
                source.last_changed_at = result.fetched_at
            source.content_hash = digest
            source.verify_pending = True  # its claims rest on a new version now
        source.consecutive_failures = 0
        source.soft_failures, source.failing_since = 0, None
        source.last_error = None
        source.etag = result.headers.get("etag") or None
        source.last_modified = result.headers.get("last-modified") or None
    elif result.outcome == "not_modified":
        action = "not_modified"
        source.consecutive_failures = 0
        source.soft_failures, source.failing_since = 0, None
        source.last_error = None
        if source.state in ("changed", "new", "dead"):
            source.state = "ok"
    elif result.outcome == "failed":  # no definite answer (network, 5xx, 429, too large…)
        action = "failed"
        source.soft_failures = (source.soft_failures or 0) + 1  # backoff only: state and verdicts stay
        source.last_error = result.error or result.outcome
    else:  # a definite answer: 404/410, blocked, unsupported, malformed
        action = "failed"
        _definite_failure(source, result, result.outcome, result.error or result.outcome, settings)
    _schedule(source, result, settings)
    session.add(source)
    session.flush()
    return StoreOutcome(source.id, source.state, action, snapshot_id, changed)
