"""Re-read stored pages with the current reader and re-verify what rests on them.

A ledger filled before the reader changed keeps what it read then. ``reparse`` reads each source's
latest stored raw body again (``verifier.snapshots.read_fetched``, outside any transaction); where the
reading differs it writes a re-read snapshot beside the old one (``origin='reparse'``, same capture
time and body: evidence that points at the old snapshot keeps its text), sets the source's state from
the page (soft 404, paywall, consent wall, or back to ok), re-verifies the claims citing those sources
and reports every verdict that moved.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from storage.db import session_scope
from storage.reparse import StoredBody, add_reread_snapshot, stored_bodies, verdicts_of_sources
from verifier.fetch.charset import decode_body
from verifier.fetch.result import looks_like_pdf
from verifier.passages import PageText
from verifier.reading.state import NOT_EVIDENCE
from verifier.snapshots import read_fetched

__all__ = ["VerdictChange", "ReparseSummary", "reread", "reparse"]


@dataclass(frozen=True)
class VerdictChange:
    claim_id: int
    report: str
    key: str
    before: tuple[str, str]  # status, reason
    after: tuple[str, str]


@dataclass
class ReparseSummary:
    snapshots: int = 0  # stored bodies read
    changed: int = 0  # whose reading differs: a re-read snapshot was written
    readers: dict[str, int] = field(default_factory=dict)
    states: dict[str, int] = field(default_factory=dict)
    claims: int = 0  # re-verified
    changes: list[VerdictChange] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "snapshots": self.snapshots,
            "changed": self.changed,
            "readers": self.readers,
            "states": self.states,
            "claims_reverified": self.claims,
            "verdict_changes": [
                {"claim": c.claim_id, "report": c.report, "key": c.key, "before": list(c.before), "after": list(c.after)}
                for c in self.changes
            ],
        }


def reread(stored: StoredBody) -> PageText:
    """A stored body read again, the way a fresh fetch would read it."""
    body = gzip.decompress(stored.raw_gz)
    mime = stored.content_type.split(";", 1)[0].strip().lower()
    text = None if looks_like_pdf(mime, body) else decode_body(body, stored.content_type)[0]
    return read_fetched(body, mime, text, stored.url)


def _differs(stored: StoredBody, page: PageText) -> bool:
    return (
        stored.text != page.text
        or stored.title != page.title
        or stored.published != page.published
        or stored.page_state != page.state
        or json.loads(stored.passages or "[]") != page.passages_json()
    )


def reparse(
    engine: Engine,
    *,
    source_ids: Sequence[int] | None = None,
    verify: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> ReparseSummary:
    """Re-read the latest stored body of each source (see the module docstring)."""
    from verifier.verify import verify_claims  # the pipeline imports the readers, not the other way

    summary = ReparseSummary()
    with session_scope(engine) as session:
        bodies = stored_bodies(session, source_ids)
    touched: list[int] = []
    for n, stored in enumerate(bodies, start=1):
        page = reread(stored)  # CPU-heavy: never inside a transaction
        summary.snapshots += 1
        summary.readers[page.reader] = summary.readers.get(page.reader, 0) + 1
        summary.states[page.state] = summary.states.get(page.state, 0) + 1
        if _differs(stored, page):
            if page.state in NOT_EVIDENCE:
                source_state: str | None = page.state
            else:
                source_state = "ok" if stored.page_state in NOT_EVIDENCE else None
            with session_scope(engine) as session:
                add_reread_snapshot(
                    session,
                    stored.snapshot_id,
                    title=page.title,
                    published=page.published,
                    text=page.text,
                    passages=json.dumps(page.passages_json(), ensure_ascii=False),
                    page_state=page.state,
                    reader=page.reader,
                    source_state=source_state,
                )
            summary.changed += 1
            touched.append(stored.source_id)
        if progress is not None:
            progress(n, len(bodies))
    if not verify or not touched:
        return summary
    with session_scope(engine) as session:
        before = verdicts_of_sources(session, touched)
    result = verify_claims(engine, source_ids=touched, trigger="reparse")
    summary.claims = result.claims
    with session_scope(engine) as session:
        after = verdicts_of_sources(session, touched)
    for cid in sorted(after):
        old, new = before.get(cid), after[cid]
        if old is None or old[:2] != new[:2]:
            was = (old[0], old[1]) if old else ("", "")
            summary.changes.append(VerdictChange(cid, new[3], new[2], was, (new[0], new[1])))
    return summary
