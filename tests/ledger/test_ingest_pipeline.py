"""Folder ingest pipelined (storage/ingest_batch.py with worker processes, storage/readahead.py): the
ledger it writes is the one the in-process batch path writes, row for row and id for id, on SQLite and
PostgreSQL; a report that fails still fails alone; a worker that dies is a clear error after the
reports before it are written, never a hang; an interrupted run leaves no worker behind; and no more
than ``AHEAD_REPORTS`` reports are read ahead."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

import storage.ingest as ingest_mod
import storage.ingest_batch as batch_mod
from storage.db import make_engine
from storage.ingest import IngestResult
from storage.ingest_batch import IngestFailure, IngestWorkerError, ingest_reports
from storage.readahead import ReadAhead, WorkerDied, can_fork
from tests.conftest import ROOT
from tests.ledger.test_ingest_batch import _docs, _ledger
from verifier.report_files import find_report_files, read_report_file

pytestmark = pytest.mark.skipif(not can_fork(), reason="worker processes need fork")

DUMP = "# Funding\n\n" + "".join(f"Company {i} raised {i + 1} million dollars. " for i in range(500)) + "\n"


def _folder(tmp_path: Path) -> Path:
    """The examples, copies with other figures (groups and conflicts), a dump over a claim cap of
    450, a file that is not UTF-8, an empty one, one the parser refuses, and in a subfolder a name
    given twice."""
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name, body in _docs()[:10]:
        (folder / name).write_text(body, encoding="utf-8")
    (folder / "dump.md").write_text(DUMP, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Acme a levé 5 millions d'euros.".encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    anchors = "---\na: &x 1\nb: *x\n---\n# T\n\nAcme raised 5 million dollars.\n"
    (folder / "anchors.md").write_text(anchors, encoding="utf-8")  # read, then refused by the parser
    name, body = _docs()[2]
    (folder / "sub" / name).write_text(body, encoding="utf-8")  # the same name and text, later in the run
    return folder


def _folder_docs(folder: Path) -> list[tuple[str, object]]:
    """What ``claimledger ingest FOLDER`` gives ingest_reports."""
    return [(p.name, partial(read_report_file, p, 5_000_000)) for p in find_report_files([folder])]


def _brief(outcomes: list[IngestResult | IngestFailure]) -> list[tuple[object, ...]]:
    return [
        (o.name, o.message, o.hint) if isinstance(o, IngestFailure) else (o.name, o.outcome, o.version, o.claims)
        for o in outcomes
    ]


def _second_run(folder: Path) -> None:
    """The folder changed: a report with a new text, and the old text again under its name in the
    subfolder (read ahead while the ledger still holds it: the worker skips it, the writer cannot)."""
    name, body = _docs()[3]
    (folder / name).write_text(body + "\n\n另据报道，该公司融资 7 亿美元。\n", encoding="utf-8")
    (folder / "sub" / name).write_text(body, encoding="utf-8")
    (folder / "b_003_c58749cbaebc3df3.txt").write_text(body.replace("万", "亿", 3), encoding="utf-8")


@pytest.fixture
def more_ledgers(db_url: str, tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """New ledgers on the same database server as ``engine`` (SQLite files, or PostgreSQL databases
    copied from the test template and dropped afterwards)."""
    taken: list[str] = []
    pg = request.getfixturevalue("pg_databases") if db_url.startswith("postgresql") else None

    def make(n: int) -> Engine:
        if pg is None:
            return make_engine(f"sqlite:///{tmp_path / f'more{n}.db'}", cache=False)
        taken.append(pg.take())
        return make_engine(db_url.rsplit("/", 1)[0] + "/" + taken[-1], cache=False)

    engines: list[Engine] = []
    yield lambda n: engines.append(make(n)) or engines[-1]
    for eng in engines:
        eng.dispose()
    for name in taken:
        pg.give_back(name)  # type: ignore[union-attr]


def test_a_folder_ingested_with_workers_is_the_ledger_ingested_without(  # type: ignore[no-untyped-def]
    engine: Engine, more_ledgers, tmp_path: Path, monkeypatch
) -> None:
    """The same folder ingested twice over (the second time changed), in this process and with one
    and with two workers, into three new ledgers: the same outcomes and the same rows, ids included."""
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 4)  # several batches, a repeat inside one
    monkeypatch.setattr(batch_mod, "AHEAD_REPORTS", 3)
    monkeypatch.setattr(ingest_mod, "INSERT_CHUNK", 50)  # reports spill claims to a file
    sequential, one, two = engine, more_ledgers(1), more_ledgers(2)
    folder = _folder(tmp_path)
    for run in (1, 2):
        if run == 2:
            _second_run(folder)
        docs = _folder_docs(folder)
        expected = list(ingest_reports(sequential, docs, max_claims=450, workers=0))  # type: ignore[arg-type]
        for workers, eng in ((1, one), (2, two)):
            got = list(ingest_reports(eng, docs, max_claims=450, workers=workers))  # type: ignore[arg-type]
            assert _brief(got) == _brief(expected), (run, workers)
            want, have = _ledger(sequential), _ledger(eng)
            for table in want:
                assert have[table] == want[table], (run, workers, table)
        assert multiprocessing.active_children() == []
        failed = {o.name for o in expected if isinstance(o, IngestFailure)}
        assert failed == {"dump.md", "latin1.txt", "empty.txt", "anchors.md"}
    outcomes = [(o.name, o.outcome, o.version) for o in expected if isinstance(o, IngestResult)]
    renamed = _docs()[3][0]
    assert [o for o in outcomes if o[0] == renamed] == [(renamed, "new_version", 2), (renamed, "new_version", 3)]
    assert [o for o in outcomes if o[0] == _docs()[2][0]] == [(_docs()[2][0], "unchanged", 1)] * 2
    assert _ledger(sequential)["claimconflict"], "the copies were meant to disagree somewhere"


def test_a_report_failing_in_a_worker_fails_alone_as_in_process(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An unexpected error while extracting one report (in the worker): that report is named with
    the error, the others are written, as without workers."""
    real = batch_mod.iter_claims

    def flaky(parsed):  # type: ignore[no-untyped-def]
        if parsed.name == "a_001_13b9a83afb46484c.txt":
            raise RuntimeError("extractor on fire")
        return real(parsed)

    monkeypatch.setattr(batch_mod, "iter_claims", flaky)
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 2)
    outcomes = list(ingest_reports(engine, _docs()[:5], workers=1))
    failed = [o for o in outcomes if isinstance(o, IngestFailure)]
    assert [(f.name, f.message) for f in failed] == [
        ("a_001_13b9a83afb46484c.txt", "a_001_13b9a83afb46484c.txt: not ingested (RuntimeError: extractor on fire)")
    ]
    stored = [o for o in outcomes if isinstance(o, IngestResult)]
    assert [o.name for o in stored] == [n for n, _ in _docs()[:5] if n != failed[0].name]
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM claim")).scalar_one() == sum(r.claims for r in stored)


def test_a_worker_that_dies_is_a_clear_error_after_the_reports_before_it(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The worker is killed (as the kernel's out-of-memory killer would) while reading the fourth
    report: the three before it are written and yielded, then IngestWorkerError names the fourth;
    no worker is left, and the run does not hang."""
    real = batch_mod.parse_report
    victim = _docs()[3][0]

    def deadly(body, name):  # type: ignore[no-untyped-def]
        if name == victim and multiprocessing.parent_process() is not None:  # in the worker only
            time.sleep(0.5)  # well into the report (the result before it sent)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(body, name)

    monkeypatch.setattr(batch_mod, "parse_report", deadly)
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 32)
    got: list[IngestResult | IngestFailure] = []
    began = time.monotonic()
    with pytest.raises(IngestWorkerError) as caught:
        for outcome in ingest_reports(engine, _docs()[:8], workers=1):
            got.append(outcome)
    assert time.monotonic() - began < 60
    assert [o.name for o in got] == [n for n, _ in _docs()[:3]]
    assert all(isinstance(o, IngestResult) and o.outcome == "new" for o in got)
    message = caught.value.message
    assert message == (
        f"{victim}: the worker process reading reports ahead ended (killed by SIGKILL) while reading it; "
        "it and the reports after it were not ingested, the ones before are in the ledger"
    )
    assert "CLAIMLEDGER_INGEST_WORKERS=0" in caught.value.hint
    assert multiprocessing.active_children() == []
    with engine.connect() as conn:
        names = set(conn.execute(text("SELECT name FROM report")).scalars())
    assert names == {o.name for o in got}
    # given again, the rest goes in and the first three are a no-op
    monkeypatch.setattr(batch_mod, "parse_report", real)
    again = list(ingest_reports(engine, _docs()[:8], workers=1))
    assert [o.outcome for o in again] == ["unchanged"] * 3 + ["new"] * 5  # type: ignore[union-attr]


def test_an_interrupted_run_stops_its_workers(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ctrl-C while a report is written: the interrupt goes up, the workers are stopped and reaped, and
    the batch it was in is rolled back whole (the reports of that batch written before it too)."""
    real = batch_mod._Batch._write_one
    writes = []

    def interrupted(*args, **kw):  # type: ignore[no-untyped-def]
        writes.append(1)
        if len(writes) == 4:  # the second report of the second batch
            raise KeyboardInterrupt
        return real(*args, **kw)

    monkeypatch.setattr(batch_mod._Batch, "_write_one", interrupted)
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 2)
    with pytest.raises(KeyboardInterrupt):
        list(ingest_reports(engine, _docs(), workers=2))
    assert multiprocessing.active_children() == []
    with engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM report ORDER BY id")).scalars().all()
    assert names == [name for name, _text in _docs()[:2]]


def test_no_more_than_a_window_of_reports_is_read_ahead(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Memory stays bounded: the documents are taken from the iterable as the writes need them,
    at most AHEAD_REPORTS ahead of the last report made ready, never the whole folder."""
    monkeypatch.setattr(batch_mod, "BATCH_REPORTS", 2)
    monkeypatch.setattr(batch_mod, "AHEAD_REPORTS", 3)
    most = 0
    real_submit = ReadAhead.submit

    def counting(self, arg):  # type: ignore[no-untyped-def]
        nonlocal most
        real_submit(self, arg)
        most = max(most, self.in_flight)

    monkeypatch.setattr(ReadAhead, "submit", counting)
    taken = 0

    def docs():  # type: ignore[no-untyped-def]
        nonlocal taken
        for doc in _docs() * 2:
            taken += 1
            yield (f"{taken:02d}_{doc[0]}", doc[1])

    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}", cache=False)
    yielded = 0
    for _outcome in ingest_reports(engine, docs(), workers=1):
        yielded += 1
        assert taken <= yielded + 2 + 3  # the batch being written and the window behind it
    assert most == 1 + 3 and yielded == taken == 24  # the one being made ready, and 3 ahead of it


def test_the_read_ahead_gives_results_in_order_and_names_a_dead_worker() -> None:
    with ReadAhead(_square_or_die, 2) as pool:
        for n in range(6):
            pool.submit(n)
        assert [pool.result() for _ in range(6)] == [0, 1, 4, 9, 16, 25]
        pool.submit(7)
        pool.submit(-1)  # worker 1 of 2 dies on it
        assert pool.result() == 49
        with pytest.raises(WorkerDied) as died:
            pool.result()
        assert died.value.seq == 7 and died.value.working_on == 7 and died.value.exitcode == -signal.SIGKILL
    assert multiprocessing.active_children() == []


def _square_or_die(n: int) -> int:
    if n < 0:
        os.kill(os.getpid(), signal.SIGKILL)
    return n * n


@pytest.mark.slow
def test_ctrl_c_on_the_cli_leaves_no_worker(tmp_path: Path) -> None:
    """``claimledger ingest FOLDER`` interrupted by Ctrl-C (SIGINT to its process group, as a
    terminal sends it) while its worker reads: exit 130 with the usual line, and the worker is gone."""
    folder = tmp_path / "reports"
    folder.mkdir()
    # (enough reports that the run outlasts the second before the signal on an idle machine: 60 once finished first)
    for i, (name, body) in enumerate(_docs()[:10] * 30):
        (folder / f"{i:03d}_{name}").write_text(body + f"\n\n编号 {i}\n", encoding="utf-8")
    env = {**os.environ, "CLAIMLEDGER_INGEST_WORKERS": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", f"sqlite:///{tmp_path / 'l.db'}", "ingest", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell's foreground job
        # (a terminal's foreground job takes Ctrl-C; a test run started as a background job inherits SIGINT ignored,
        # and a Python that starts with it ignored never raises KeyboardInterrupt)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline:
        children = _children(proc.pid)
        time.sleep(0.05)
    assert children, "the worker never started"
    time.sleep(0.5)  # reading and writing under way
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err, err
    time.sleep(0.2)
    assert not [pid for pid in children if _alive(pid)], "a worker was left behind"


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    """Running, or a zombie nobody reaped."""
    return Path(f"/proc/{pid}").exists()


def test_no_process_to_be_had_means_reading_in_this_process(engine: Engine, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    def no_fork(*args, **kw):  # type: ignore[no-untyped-def]
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(batch_mod, "ReadAhead", no_fork)
    outcomes = list(ingest_reports(engine, _docs()[:3], workers=1))
    assert [o.outcome for o in outcomes] == ["new"] * 3  # type: ignore[union-attr]
    assert "no worker process" in caplog.text


@pytest.mark.slow
def test_a_worker_whose_ingest_is_killed_exits(tmp_path: Path) -> None:
    """kill -9 of ``claimledger ingest`` itself: its worker sees the pipe close and exits instead of
    staying behind as an orphan, and removes the run's folder of spilled claims on its way out."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (tmp_path / "tmp").mkdir()
    for i, (name, body) in enumerate(_docs()[:10] * 6):
        (folder / f"{i:03d}_{name}").write_text(body + f"\n\n编号 {i}\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "verifier.cli", "--db", f"sqlite:///{tmp_path / 'l.db'}", "ingest", str(folder)],
        cwd=ROOT,
        env={**os.environ, "CLAIMLEDGER_INGEST_WORKERS": "1", "TMPDIR": str(tmp_path / "tmp")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: set[int] = set()
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline:
        children = _children(proc.pid)
        time.sleep(0.05)
    assert children, "the worker never started"
    time.sleep(0.5)
    proc.kill()
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and [pid for pid in children if _running(pid)]:
        time.sleep(0.1)
    alive = [pid for pid in children if _running(pid)]
    assert not alive, f"the worker outlived its ingest: {alive}"
    left = sorted(p.name for p in (tmp_path / "tmp").iterdir())
    assert left == [], f"left in TMPDIR after the kill: {left}"


def _running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie is for whoever adopted it to reap)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_one_cpu_or_one_report_means_no_worker(engine: Engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def never(*args, **kw):  # type: ignore[no-untyped-def]
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(batch_mod, "ReadAhead", never)
    assert [o.outcome for o in ingest_reports(engine, _docs()[:1], workers=1)] == ["new"]  # type: ignore[union-attr]
    monkeypatch.setattr(batch_mod, "_cpus", lambda: 1)
    assert [o.outcome for o in ingest_reports(engine, _docs()[1:3], workers=1)] == ["new"] * 2  # type: ignore[union-attr]


def test_the_cli_prints_the_same_with_and_without_workers(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tests.conftest import REPORTS_DIR
    from verifier.cli.main import app

    out = {}
    for workers in ("0", "1"):
        db = f"sqlite:///{tmp_path / f'w{workers}.db'}"
        res = CliRunner().invoke(app, ["--db", db, "ingest", str(REPORTS_DIR), "--workers", workers])
        assert res.exit_code == 0, res.output
        out[workers] = res.output
    assert out["0"] == out["1"] and "000_65ced256adf7dc8c.txt" in out["1"]


def test_the_cli_names_a_dead_worker_after_the_table_of_what_went_in(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from tests.conftest import REPORTS_DIR
    from verifier.cli.main import app

    real = batch_mod.parse_report
    victim = "002_8d27540f343deb2e.txt"

    def deadly(body, name):  # type: ignore[no-untyped-def]
        if name == victim and multiprocessing.parent_process() is not None:
            time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(body, name)

    monkeypatch.setattr(batch_mod, "parse_report", deadly)
    res = CliRunner().invoke(app, ["--db", f"sqlite:///{tmp_path / 'l.db'}", "ingest", str(REPORTS_DIR)])
    assert res.exit_code == 1, res.output
    assert "000_65ced256adf7dc8c.txt" in res.output and "001_13b9a83afb46484c.txt" in res.output
    assert f"error: {victim}: the worker process reading reports ahead ended (killed by SIGKILL)" in res.output
    assert res.output.index("001_13b9a83afb46484c.txt") < res.output.index("error:")
