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
    assert "no report named 'nope.txt'" in result.output  # and the reports there are


def test_verify_online_fetches_sources_never_fetched(sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from storage.db import make_engine
    from storage.ingest import ingest_report
    from tests.support.servers import LocalServer, Reply

    html = (b"<html><head><title>OpenAI raises $122 billion</title></head><body><article>"
            b"<p>OpenAI closed its round with $122 billion in committed capital.</p></article></body></html>")
    monkeypatch.setenv("CLAIMLEDGER_ALLOW_PRIVATE_ADDRESSES", "true")
    monkeypatch.setenv("CLAIMLEDGER_RESPECT_ROBOTS", "false")
    with LocalServer({"/round": lambda req: Reply(body=html, headers={"Content-Type": "text/html"})}) as srv:
        text = (
            "# 日报 | 2026-04-15\n\n## 1. OpenAI 融资\n\n发生了什么：OpenAI 完成 1220 亿美元融资。\n\n"
            f"可信来源：OpenAI | round (<{srv.url('/round')}>)\n"
        )
        ingest_report(make_engine(sqlite_url, cache=False), "online.txt", text)
        result = CliRunner().invoke(app, ["--db", sqlite_url, "verify"])
    assert result.exit_code == 0, result.output
    assert "supported" in result.output
