"""A verified ledger of the bundled examples, built once per test session (ingest → import → verify)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from tests.conftest import GOLD, REPORTS_DIR, SOURCES_DIR


@dataclass
class VerifiedLedger:
    engine: Engine
    url: str
    records: list[dict]


def build_ledger(url: str) -> Engine:
    from storage.db import make_engine
    from storage.ingest import ingest_report
    from verifier.archive import import_archive

    engine = make_engine(url, cache=False)
    for path in sorted(REPORTS_DIR.glob("*.txt")):
        ingest_report(engine, path.name, path.read_text(encoding="utf-8"))
    import_archive(engine, SOURCES_DIR)
    return engine


@pytest.fixture(scope="session")
def verified_ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VerifiedLedger]:
    from storage.db import session_scope
    from storage.export import claim_records
    from verifier.verify import verify_claims

    url = f"sqlite:///{tmp_path_factory.mktemp('gold') / 'ledger.db'}"
    engine = build_ledger(url)
    verify_claims(engine)
    with session_scope(engine) as session:
        records = claim_records(session)
    yield VerifiedLedger(engine, url, records)
    engine.dispose()


@pytest.fixture(scope="session")
def gold_result(verified_ledger: VerifiedLedger):  # type: ignore[no-untyped-def]
    from verifier.evaluate import evaluate, load_gold

    gold = load_gold(GOLD, lambda name: (REPORTS_DIR / name).read_text(encoding="utf-8"))
    return evaluate(gold, verified_ledger.records)


__all__ = ["VerifiedLedger", "build_ledger", "Path"]
