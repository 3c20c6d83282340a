"""``claimledger verify``: a thin CLI over verify_claims, with a summary table and clear errors."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.verification.conftest import build_ledger
from verifier.cli.main import app


def test_verify_offline_prints_a_summary(sqlite_url: str) -> None:
    build_ledger(sqlite_url).dispose()
    runner = CliRunner()
    result = runner.invoke(app, ["--db", sqlite_url, "verify", "--offline", "--report", "000_65ced256adf7dc8c.txt"])
    assert result.exit_code == 0, result.output
    assert "value_mismatch" in result.output and "supported" in result.output
    assert "claims in" in result.output
    again = runner.invoke(app, ["--db", sqlite_url, "verify", "--offline", "--report", "000_65ced256adf7dc8c.txt"])
    assert again.exit_code == 0 and "0 verdict changes" in again.output


def test_verify_unknown_report_is_a_clear_error(sqlite_url: str) -> None:
    build_ledger(sqlite_url).dispose()
    result = CliRunner().invoke(app, ["--db", sqlite_url, "verify", "--offline", "--report", "nope.txt"])
    assert result.exit_code == 3
    assert "no claims for report" in result.output
