"""The CLI tells the truth (issue 11, item 16): one line and the documented exit code, never a
traceback; a mistyped --db never creates an empty ledger for a read command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storage.db import make_engine
from verifier.cli.main import app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    res = runner.invoke(app, list(args))
    out = res.output + (res.stderr if res.stderr_bytes is not None else "")
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in out
    return res.exit_code, out


@pytest.mark.parametrize(
    "url, words",
    [
        ("sqlite:////no/such/folder/l.db", "cannot open the ledger"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/test", "cannot open the ledger"),
        ("postgresql+psycopg://postgres@127.0.0.1:5432/no_such_db_xyz", "does not exist"),
        ("foo://x/y", "cannot use the database URL"),
    ],
)
def test_database_errors_are_one_line(url: str, words: str) -> None:
    code, out = _run("--db", url, "ingest", "examples/reports/does-not-matter.md")
    code2, out2 = _run("--db", url, "summary")
    assert code == 2 or code == 3, out
    assert code2 in (2, 3) and (words in out2 or "no ledger" in out2), out2


def test_a_mistyped_db_does_not_create_a_ledger_for_a_read_command(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for args in (["claims"], ["summary"], ["export"], ["sources", "list"], ["token", "list"]):
        code, out = _run("--db", f"sqlite:///{missing}", *args)
        assert code == 3 and "no ledger" in out, (args, out)
    assert not missing.exists()


def test_unknown_choices_list_the_valid_ones(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    make_engine(db)
    code, out = _run("--db", db, "claims", "--status", "bogus")
    assert code == 2 and "verified, unverified, contradicted" in out
    code, out = _run("--db", db, "claims", "--kind", "bogus")
    assert code == 2 and "money" in out
    code, out = _run("--db", db, "sources", "list", "--state", "bogus")
    assert code == 2 and "dead" in out and "blocked" in out


def test_exit_codes_match_the_readme(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    make_engine(db)
    code, out = _run("--db", db, "token", "revoke", "999")
    assert code == 3 and "no token 999" in out  # not found: 3
    code, out = _run("--db", db, "sources", "export", "--warc", str(tmp_path / "no" / "dir" / "x.warc"))
    assert code == 2 and "cannot" in out  # an unwritable output path: one line, bad input


def test_an_unknown_report_is_an_error_naming_the_reports_there_are(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    make_engine(db)
    code, out = _run("--db", db, "claims", "--report", "nothing.txt")
    assert code == 3 and "no report named 'nothing.txt'" in out and "no reports" in out
    code, _ = _run("--db", db, "ingest", "examples/reports/000_65ced256adf7dc8c.txt")
    assert code == 0
    for args in (
        ["claims", "--report", "000_65ced256adf7dc8d.txt"],
        ["export", "--report", "000_65ced256adf7dc8d.txt"],
        ["verify", "--offline", "--report", "000_65ced256adf7dc8d.txt"],
        ["sources", "fetch", "--report", "000_65ced256adf7dc8d.txt"],
    ):
        code, out = _run("--db", db, *args)
        assert code == 3, (args, out)
        assert "no report named" in out and "did you mean 000_65ced256adf7dc8c.txt" in out, (args, out)
    code, out = _run("--db", db, "claims", "--report", "zzz")
    assert code == 3 and "reports: 000_65ced256adf7dc8c.txt" in out
    code, out = _run("--db", db, "claims", "--report", "000_65ced256adf7dc8c.txt", "--limit", "3")
    assert code == 0


@pytest.mark.parametrize(
    "args, words",
    [
        (["review", "1", "bogus", "--note", "x"], "verified"),
        (["token", "create", "--name", "a", "--role", "bogus"], "reviewer"),
        (["export", "--format", "bogus"], "claimreview"),
        (["claims", "--limit", "-1"], "limit"),
        (["sources", "list", "--limit", "-5"], "limit"),
        (["summary", "--top", "-1"], "top"),
        (["recheck", "--source", "http://nowhere.example/x"], "no source"),
    ],
)
def test_other_bad_values_are_one_line_errors(tmp_path: Path, args: list[str], words: str) -> None:
    db = f"sqlite:///{tmp_path / 'l.db'}"
    make_engine(db)
    code, out = _run("--db", db, *args)
    assert code in (2, 3) and words in out, out
