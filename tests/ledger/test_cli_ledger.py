"""The ledger commands as a user runs them, including bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD, REPORTS_DIR, ROOT

CL = [sys.executable, "-m", "verifier.cli"]


def run(db: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CL, "--db", db, *args], capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=300
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


def test_ingest_folder_then_export_contract(db: str) -> None:
    res = run(db, "ingest", str(REPORTS_DIR))
    assert res.returncode == 0, res.stderr
    assert "000_65ced256adf7dc8c.txt" in res.stdout
    out = run(db, "export", "--format", "json")
    assert out.returncode == 0, out.stderr
    claims = json.loads(out.stdout)["claims"]
    assert claims
    required = {"id", "report", "start", "end", "text", "kind", "values", "status", "reason", "confidence",
                "evidence", "conflicts_with"}
    for c in claims:
        assert required <= c.keys()
        text = (REPORTS_DIR / c["report"]).read_text(encoding="utf-8")
        # the span is the key, or the key with the words framing it as a change ("rose 3% YoY")
        phrase = text[c["start"] : c["end"]]
        assert phrase == c["key"] or (c["key"] in phrase and c["kind"] in {"percent", "money", "count"}), (phrase, c["key"])
    again = run(db, "ingest", str(REPORTS_DIR))
    assert again.returncode == 0 and "unchanged" in again.stdout


def test_eval_agrees_with_the_reference_scorer(db: str, tmp_path: Path) -> None:
    assert run(db, "ingest", str(REPORTS_DIR)).returncode == 0
    export = tmp_path / "export.json"
    assert run(db, "export", "--format", "json", "-o", str(export)).returncode == 0
    ours = run(db, "eval", str(GOLD), "--reports", str(REPORTS_DIR), "--quiet")
    assert ours.returncode == 0, ours.stderr
    ref = subprocess.run(
        [sys.executable, str(ROOT / "tests/fixtures/score_reference.py"), str(GOLD), str(REPORTS_DIR), str(export)],
        capture_output=True, text=True, timeout=120,
    )
    ref_line = [line for line in ref.stdout.splitlines() if line.startswith("numeric extraction recall")][0]
    our_line = [line for line in ours.stdout.splitlines() if line.startswith("numeric extraction recall")][0]
    assert our_line.split() == ref_line.split()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03binary\xff\xfe" * 50, ""),
        ("日报 2026 年 4 月".encode("gbk"), "UTF-8"),
    ],
    ids=["empty", "binary", "not-utf8"],
)
def test_bad_reports_get_one_line_and_nothing_is_written(db: str, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    res = run(db, "ingest", str(bad))
    assert res.returncode != 0
    err = res.stderr.strip().splitlines()
    assert err and err[0].startswith("error:"), res.stderr
    assert message in res.stderr
    assert "Traceback" not in res.stderr
    out = run(db, "export", "--format", "json")
    if out.returncode == 3:  # nothing was written, not even the ledger file: a read command says so
        assert "no ledger" in out.stderr
    else:
        assert json.loads(out.stdout)["claims"] == []


def test_huge_and_missing_files(db: str, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    res = run(db, "ingest", str(huge))
    assert res.returncode != 0 and "limit" in res.stderr and "Traceback" not in res.stderr
    res = run(db, "ingest", str(tmp_path / "nope.txt"))
    assert res.returncode != 0 and "no such file" in res.stderr


def test_good_files_are_kept_when_one_in_the_batch_is_bad(db: str, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text((REPORTS_DIR / "003_c58749cbaebc3df3.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    res = run(db, "ingest", str(folder))
    assert res.returncode == 2
    claims = json.loads(run(db, "export", "--format", "json").stdout)["claims"]
    assert {c["report"] for c in claims} == {"a.txt"}


def test_values_command_prints_one_json_line_per_input_line(db: str) -> None:
    res = run(db, "values", "--stdin", stdin="OpenAI 完成 1220 亿美元新融资\n$4 million and 83.1%\n")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(lines) == 2
    first = lines[0]["values"][0]
    assert first["value"] == pytest.approx(1.22e11) and first["unit"] == "USD"
    units = {v["unit"] for v in lines[1]["values"]}
    assert {"USD", "percent"} <= units
    assert set(first) >= {"raw", "value", "unit", "qualifier", "start", "end"}
