"""``claimledger sources …``: fetch cited pages, import and export archives, list sources."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from claims.errors import BadInputError, NotFoundError
from storage.db import session_scope
from storage.queries import SOURCE_STATE_ORDER
from storage.sources import list_sources, snapshot_counts
from verifier.archive import import_archive
from verifier.cli.context import check_report, console, handle_errors, read_command, state
from verifier.fetch.run import FetchedSource

__all__ = ["register", "sources_app"]

sources_app = typer.Typer(
    help="Cited pages: fetch them, import/export archives, list them.", no_args_is_help=True
)

STATE_STYLE = {"ok": "green", "changed": "cyan", "dead": "red", "blocked": "magenta", "malformed": "red"}


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")


@sources_app.command("import")
@handle_errors
def import_cmd(
    archive: Path = typer.Argument(..., help="a WARC / WARC.gz file or a folder with manifest.json"),
    all_records: bool = typer.Option(
        False, "--all-records", help="also add URLs the ledger does not cite (default: only into an empty ledger)"
    ),
) -> None:
    """Store snapshots from an archive instead of the network (one transaction)."""
    summary = import_archive(state.engine, archive, settings=state.settings, all_records=all_records or None)
    table = Table("entries", "new snapshots", "unchanged", "dead", "other", "new sources", "not cited")
    table.add_row(
        *map(
            str,
            (
                summary.entries,
                summary.new_snapshots,
                summary.unchanged,
                summary.dead,
                summary.other,
                summary.new_sources,
                summary.skipped,
            ),
        )
    )
    console.print(table)


@sources_app.command("list")
@handle_errors
def list_cmd(
    state_filter: list[str] = typer.Option(None, "--state", help="only sources in this state (repeatable)"),
    limit: int = typer.Option(500, min=0, help="most rows shown"),
) -> None:
    """Every source with its state, last check and snapshot count."""
    read_command()
    unknown = sorted(set(state_filter or ()) - set(SOURCE_STATE_ORDER))
    if unknown:
        raise BadInputError(f"unknown --state {', '.join(unknown)}", hint="one of " + ", ".join(SOURCE_STATE_ORDER))
    with session_scope(state.engine) as session:
        rows = list_sources(session, states=state_filter or None, limit=limit)
        counts = snapshot_counts(session)
        table = Table("id", "state", "status", "snapshots", "last checked", "failures", "url / error")
        for s in rows:
            style = STATE_STYLE.get(s.state, "")
            when = s.last_checked_at.strftime("%Y-%m-%d %H:%M") if s.last_checked_at else "-"
            detail = s.url + (f"  [dim]({s.last_error})[/dim]" if s.last_error else "")
            table.add_row(
                str(s.id),
                f"[{style}]{s.state}[/{style}]" if style else s.state,
                str(s.last_status or "-"),
                str(counts.get(s.id or 0, 0)),
                when,
                str(s.consecutive_failures),
                detail,
            )
    console.print(table)


@sources_app.command("export")
@handle_errors
def export_cmd(
    warc: Path = typer.Option(..., "--warc", help="the WARC file to write (.warc or .warc.gz)"),
) -> None:
    """Write every snapshot to a WARC file (an unchanged page is a revisit record)."""
    from verifier.archive import export_warc

    read_command()
    n = export_warc(state.engine, warc)
    console.print(f"wrote {n} records to {warc}")


@sources_app.command("fetch")
@handle_errors
def fetch_cmd(
    report: str = typer.Option(None, "--report", help="only the sources this report cites (file name or id)"),
    all_: bool = typer.Option(False, "--all", help="every source (malformed ones excepted), due or not"),
    robots: bool = typer.Option(
        None, "--robots/--no-robots", help="honour robots.txt (default: the setting)"
    ),
) -> None:
    """Fetch cited pages (default: the sources that are due) and store new snapshots."""
    import asyncio
    import datetime as dt

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from storage.sources import due_sources, sources_for_report
    from verifier.fetch.run import fetch_sources

    check_report(report)
    with session_scope(state.engine) as session:
        if report:
            rows = sources_for_report(session, report)
            if not rows:
                raise NotFoundError(f"no sources for report {report!r}", hint="see `claimledger summary`")
        elif all_:
            rows = list_sources(session)
        else:
            rows = due_sources(session, dt.datetime.now(dt.UTC), limit=100_000)
        ids = [s.id for s in rows if s.id is not None and s.state != "malformed"]
    if not ids:
        console.print("nothing to fetch")
        return
    done: list[FetchedSource] = []
    with Progress(
        TextColumn("fetching"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=len(ids))

        def tick(item: FetchedSource) -> None:
            done.append(item)
            progress.update(task, advance=1, description=item.url[:60])

        asyncio.run(fetch_sources(state.engine, ids, settings=state.settings, robots=robots, on_done=tick))
    _print_fetch_table(done)


def _print_fetch_table(done: list[FetchedSource]) -> None:
    from collections import Counter

    counts = Counter(item.stored.action for item in done)
    states = Counter(item.stored.state for item in done)
    console.print(
        "fetched {n}: {new} new snapshots, {same} unchanged, {nm} not modified, {failed} failed".format(
            n=len(done),
            new=counts["new_snapshot"],
            same=counts["unchanged"],
            nm=counts["not_modified"],
            failed=counts["failed"],
        )
    )
    table = Table("id", "state", "result", "status", "attempts", "url / error")
    for item in sorted(done, key=lambda i: i.source_id):
        style = STATE_STYLE.get(item.stored.state, "")
        detail = item.url + (f"  [dim]({item.result.error})[/dim]" if item.result.error else "")
        table.add_row(
            str(item.source_id),
            f"[{style}]{item.stored.state}[/{style}]" if style else item.stored.state,
            item.stored.action,
            str(item.result.status or "-"),
            str(item.result.attempts),
            detail,
        )
    console.print(table)
    console.print("states: " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())))
