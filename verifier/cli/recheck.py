"""``claimledger recheck`` (a round by hand, with a progress bar) and ``claimledger worker`` (a
standalone APScheduler process). Thin: the work is in ``verifier.schedule.rounds``."""

from __future__ import annotations

import contextlib
import json
import logging
import signal
import time
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlmodel import Session, col, func, select

from claims.errors import BadInputError, NotFoundError
from storage.leases import UNCHECKABLE_STATES, count_due
from storage.models import Source
from storage.sources import find_source
from verifier.cli.context import console, err_console, handle_errors, state
from verifier.schedule.rounds import RoundSummary, add_recheck_job, run_until_idle, worker_id

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("recheck")(recheck)
    app.command("worker")(worker)


def _source_ids(urls: list[str]) -> list[int]:
    with Session(state.engine) as session:
        ids = []
        for url in urls:
            source = find_source(session, url)
            if source is None or source.id is None:
                raise NotFoundError(f"no source {url!r} in the ledger", hint="see `claimledger sources list`")
            ids.append(source.id)
        return ids


def _checkable_count() -> int:
    with Session(state.engine) as session:
        stmt = select(func.count()).select_from(Source).where(col(Source.state).not_in(UNCHECKABLE_STATES))
        return int(session.exec(stmt).one())


def _print_summary(summary: RoundSummary, as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps(summary.as_dict()))
        return
    table = Table("", "", show_header=False)
    rows = {
        "sources checked": summary.fetched,
        "new snapshots (first)": summary.new_snapshots - summary.changed,
        "changed pages": summary.changed,
        "unchanged (304 or same hash)": summary.unchanged,
        "failed": summary.failed,
        "re-verified sources": summary.reverified_sources,
        "claims now unreachable": summary.unreachable_claims,
        "reviewed claims flagged": summary.flagged_reviews,
        "verdict events": summary.events,
        "seconds": f"{summary.seconds:.1f}",
    }
    for key, value in rows.items():
        table.add_row(key, str(value))
    console.print(table)
    for message in summary.messages:
        err_console.print(f"[yellow]note:[/yellow] {message}", highlight=False)


@handle_errors
def recheck(
    due: bool = typer.Option(False, "--due", help="check the sources whose next check has come (default)"),
    all_: bool = typer.Option(False, "--all", help="check every fetchable source now"),
    source: list[str] = typer.Option(None, "--source", help="check this source URL now (repeatable)"),
    as_json: bool = typer.Option(False, "--json", help="print the summary as JSON"),
) -> None:
    """Run a re-check round by hand: fetch, store what changed, re-verify affected claims."""
    if sum([due, all_, bool(source)]) > 1:
        raise BadInputError("choose one of --due, --all, --source")
    kw: dict[str, Any] = {"mode": "due"}
    if source:
        kw = {"mode": "ids", "source_ids": _source_ids(source)}
        total = len(kw["source_ids"])
    elif all_:
        kw = {"mode": "all"}
        total = _checkable_count()
    else:
        total = count_due(state.engine)
    columns = (TextColumn("re-checking"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True, disable=as_json) as progress:
        task = progress.add_task("recheck", total=total)
        summary = run_until_idle(
            state.engine, state.settings, progress=lambda n: progress.advance(task, n), **kw
        )
    _print_summary(summary, as_json)


def _until_no_work_for_anyone(settings: Any, name: str) -> RoundSummary:
    """Rounds until no source is due for anyone. Sources another worker holds are waited for (it
    finishes them, or its lease expires and they are taken here), and so are hosts whose shared
    per-host window is used up (a later window takes them). Stops early when the breaker says the
    network is down, or when no worker made progress for two lease lengths plus a window."""
    summary = run_until_idle(state.engine, settings, owner=name, mode="due")
    patience = 2 * settings.lease_seconds + settings.per_host_window_seconds + 5
    idle_since = time.monotonic()
    left = count_due(state.engine)
    while not summary.breaker and left > 0:
        if time.monotonic() - idle_since > patience:
            err_console.print(f"{left} sources are still due but no worker took any; exiting")
            break
        time.sleep(min(1.0, settings.lease_seconds))
        more = run_until_idle(state.engine, settings, owner=name, mode="due")
        summary.add(more)
        now_left = count_due(state.engine)
        if more.claimed or now_left < left:  # progress, here or by another worker
            idle_since = time.monotonic()
        left = now_left
    return summary


@handle_errors
def worker(
    interval: int = typer.Option(None, help="seconds between rounds (default: scheduler_interval_seconds)"),
    exit_when_idle: bool = typer.Option(
        False, "--exit-when-idle", help="run rounds until nothing is due, then exit (cron / tests)"
    ),
    owner: str = typer.Option(None, help="lease owner name (default: host:pid:random)"),
) -> None:
    """A standalone re-check worker: start as many as you like against one PostgreSQL ledger."""
    settings = state.settings
    if interval is not None:
        settings = settings.model_copy(update={"scheduler_interval_seconds": interval})
    name = owner or worker_id()
    if exit_when_idle:
        summary = _until_no_work_for_anyone(settings, name)
        _print_summary(summary, as_json=True)
        return
    from apscheduler.schedulers.blocking import BlockingScheduler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    scheduler = BlockingScheduler(timezone="UTC")
    add_recheck_job(scheduler, settings, state.engine, owner=name)

    def stop(_signum: int, _frame: object) -> None:
        # finish the round in flight (its fetches are bounded by their timeouts): stopping without waiting
        # let the interpreter shut down under it, and its last write failed with a traceback
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    err_console.print(f"worker {name}: a round every {settings.scheduler_interval_seconds}s (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt, SystemExit):
        scheduler.start()
