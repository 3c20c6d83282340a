"""Ingest in bounded memory and the per-report claim cap (issue 11, the huge valid reports).

A report yielding more claims than ``max_claims`` is refused whole, before the ledger is touched;
a long report under the cap is stored whole even when its claims pass through the temporary spool.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

import storage.ingest as ingest
from claims.errors import ReportError
from claims.extract import extract_claims
from claims.report import parse_report
from storage.ingest import ingest_report
from storage.models import Claim, Report, Verdict
from tests.conftest import ROOT


def _report(n: int) -> str:
    return "# Funding\n\n" + "".join(f"Company {i} raised {i + 1} million dollars. " for i in range(n)) + "\n"


def _claims(engine: Engine, name: str) -> list[tuple[int, int, str]]:
    with Session(engine) as s:
        rows = s.exec(
            select(Claim.start, Claim.end, Claim.key_text)
            .join(Report, col(Report.id) == col(Claim.report_id))
            .where(Report.name == name, col(Report.is_latest))
            .order_by(col(Claim.start), col(Claim.end))
        ).all()
    return [(int(a), int(b), str(k)) for a, b, k in rows]


def test_a_report_over_the_cap_is_refused_whole_and_its_earlier_version_stays(engine: Engine) -> None:
    first = ingest_report(engine, "r.md", _report(3), max_claims=100)
    before = _claims(engine, "r.md")
    assert first.claims == len(before) > 0
    with pytest.raises(ReportError) as exc:
        ingest_report(engine, "r.md", _report(200), max_claims=100)
    assert "more than 100 claims" in exc.value.message and "not ingested" in exc.value.message
    assert "CLAIMLEDGER_MAX_REPORT_CLAIMS" in exc.value.hint
    with Session(engine) as s:
        versions = s.exec(select(Report.version, Report.is_latest).where(Report.name == "r.md")).all()
    assert [tuple(v) for v in versions] == [(1, True)]  # no version 2, version 1 still the latest
    assert _claims(engine, "r.md") == before
    again = ingest_report(engine, "r.md", _report(3), max_claims=1)  # the stored text: a no-op, not refused
    assert again.outcome == "unchanged"
    assert ingest_report(engine, "r.md", _report(200), max_claims=0).claims > 100  # 0: no limit


def test_claims_beyond_the_first_batch_go_through_the_spool_and_all_arrive(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest, "INSERT_CHUNK", 7)  # many spooled batches from a small report
    text = _report(40)
    expected = [(c.start, c.end, c.key_text) for c in extract_claims(parse_report(text, "long.md"))]
    assert len(expected) > 3 * 7
    res = ingest_report(engine, "long.md", text, max_claims=len(expected))  # exactly at the cap: accepted
    assert res.claims == len(expected)
    assert _claims(engine, "long.md") == expected
    with Session(engine) as s:
        verdicts = s.exec(select(func.count()).select_from(Verdict)).one()
    assert verdicts == len(expected)


def test_the_cli_names_the_cap_and_ingests_the_other_reports(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a_small.md").write_text(_report(2), encoding="utf-8")
    (folder / "b_dump.md").write_text(_report(300), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    env = {**os.environ, "CLAIMLEDGER_MAX_REPORT_CLAIMS": "100"}
    res = subprocess.run(
        [sys.executable, "-m", "verifier.cli", "--db", db, "ingest", str(folder)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert res.returncode == 2, res.stderr
    said = " ".join(res.stderr.split())
    assert "b_dump.md: more than 100 claims" in said and "CLAIMLEDGER_MAX_REPORT_CLAIMS" in said
    assert "a_small.md" in res.stdout and "b_dump.md" not in res.stdout
