"""CSV export never hands a spreadsheet a formula (issue 11, item 9).

Through the CLI, so it runs unchanged against the code before the fix (where the cells went out
as written)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from sqlalchemy import update
from typer.testing import CliRunner

from storage.db import make_engine, session_scope
from storage.models import Claim
from tests.recheck.support import add_claim, add_sources
from verifier.cli.main import app


def test_cells_that_start_like_formulas_are_exported_as_text(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    engine = make_engine(db, cache=False)
    (sid,) = add_sources(engine, ["https://example.org/a"])
    hostile = ['=HYPERLINK("https://evil.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
    ids = [add_claim(engine, [sid], "5 million") for _ in hostile]
    with session_scope(engine) as s:
        for claim_id, text in zip(ids, hostile, strict=True):
            s.execute(update(Claim).where(Claim.id == claim_id).values(text=text, key_text=text))
    engine.dispose()
    res = CliRunner().invoke(app, ["--db", db, "export", "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == len(hostile)
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", row
