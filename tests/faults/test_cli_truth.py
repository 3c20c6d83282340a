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
