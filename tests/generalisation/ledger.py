"""A verified ledger built the way a user builds one (ingest, import the archive, verify offline), and
its claim records: what every generalisation test scores."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


def verified_records(db_path: Path, reports: Iterable[tuple[str, str]], sources_dir: Path) -> list[dict[str, Any]]:
    """Ingest ``reports`` ((name, text) pairs) into a new SQLite ledger at ``db_path``, import the
    archive at ``sources_dir``, verify, and return the claim records."""
    from storage.db import make_engine, session_scope
    from storage.export import claim_records
    from storage.ingest import ingest_report
    from verifier.archive import import_archive
    from verifier.verify import verify_claims

    engine = make_engine(f"sqlite:///{db_path}", cache=False)
    try:
        for name, text in reports:
            ingest_report(engine, name, text)
        import_archive(engine, sources_dir)
        verify_claims(engine)
        with session_scope(engine) as session:
            return claim_records(session)
    finally:
        engine.dispose()


def read_reports(paths: Iterable[Path]) -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]
