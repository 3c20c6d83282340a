"""``claimledger verify [--offline] [--report R]``: evidence and verdicts from stored snapshots."""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from claims.errors import NotFoundError
from verifier.cli.context import check_report, console, err_console, handle_errors, state
from verifier.judge.rules import REASONS
from verifier.verify import verify_claims

STATUS_STYLE = {"verified": "green", "contradicted": "red", "unverified": "yellow"}


def register(app: typer.Typer) -> None:
    app.command("verify")(verify_cmd)
    app.command("regroup")(regroup_cmd)


@handle_errors
def regroup_cmd() -> None:
    """Rebuild the cross-report grouping index (keys, conflicts, group ids) from the claims alone.

    Ingest keeps the index up to date claim by claim; this is a maintenance command (after changing
    the grouping rules). Run ``verify --offline`` afterwards to bring verdicts in line."""
    import time

    from storage.db import session_scope
    from storage.groups import regroup

    started = time.perf_counter()
    with session_scope(state.engine) as session:
        summary = regroup(session)
    console.print(
        f"regrouped {summary.claims} claims in {time.perf_counter() - started:.2f}s: {summary.keys} keys, "
        f"{summary.compared} pairs compared, {summary.conflicts} conflicting pairs"
        + (f"; {summary.capped} look-ups hit the candidate cap" if summary.capped else ""),
        highlight=False,
    )


@handle_errors
def verify_cmd(
    offline: bool = typer.Option(False, "--offline", help="use stored snapshots only (never fetch)"),
    report: str = typer.Option(None, "--report", help="only the claims of this report (file name)"),
) -> None:
    """Search the cited sources' snapshots for evidence and record a verdict for every claim."""
    check_report(report)
    if not offline:
        fetched = _fetch_never_fetched(report)
        if fetched:
            err_console.print(f"fetched {fetched} sources that had no snapshot yet")
    with Progress(
        TextColumn("verifying"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task("verify", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        summary = verify_claims(state.engine, report=report, progress=progress)
    if report and summary.claims == 0:
        raise NotFoundError(f"no claims for report {report!r}", hint="see `claimledger claims` for report names")
    table = Table("status", "reason", "claims", "meaning", title="verification")
    for status in ("verified", "contradicted", "unverified"):
        style = STATUS_STYLE[status]
        for reason, n in sorted(summary.reasons.items()):
            if _status_of(reason) == status:
                table.add_row(f"[{style}]{status}[/{style}]", reason, str(n), REASONS.get(reason, ""))
    console.print(table)
    console.print(
        f"{summary.claims} claims in {summary.seconds:.2f}s ({summary.rate:.0f}/s); "
        f"{summary.snapshots_indexed} snapshots indexed; {summary.evidence_rows} evidence rows; "
        f"{summary.events} verdict changes",
        highlight=False,
    )


def _fetch_never_fetched(report: str | None) -> int:
    """Fetch the cited sources that have no snapshot yet (state ``new``) before verifying."""
    import asyncio

    from storage.db import session_scope
    from storage.sources import list_sources, sources_for_report
    from verifier.fetch.run import fetch_sources

    with session_scope(state.engine) as session:
        rows = sources_for_report(session, report) if report else list_sources(session, states=["new"])
        ids = [s.id for s in rows if s.id is not None and s.state == "new"]
    if not ids:
        return 0
    done = asyncio.run(fetch_sources(state.engine, ids, settings=state.settings))
    return len(done)


def _status_of(reason: str) -> str:
    if reason == "supported":
        return "verified"
    if reason in {"value_mismatch", "name_mismatch", "conflicting_reports"} or reason.startswith(("stale_", "wrong_")):
        return "contradicted"
    return "unverified"
