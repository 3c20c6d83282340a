"""``claimledger sources …``: fetch cited pages, import and export archives, list sources."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from storage.db import session_scope
from storage.sources import list_sources, snapshot_counts
from verifier.archive import import_archive
from verifier.cli.context import console, handle_errors, state

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
) -> None:
    """Store snapshots from an archive instead of the network (one transaction)."""
    summary = import_archive(state.engine, archive, settings=state.settings)
    table = Table("entries", "new snapshots", "unchanged", "dead", "other", "new sources")
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
            ),
        )
    )
    console.print(table)


@sources_app.command("list")
@handle_errors
def list_cmd(
    state_filter: list[str] = typer.Option(None, "--state", help="only sources in this state (repeatable)"),
    limit: int = typer.Option(500, help="most rows shown"),
) -> None:
    """Every source with its state, last check and snapshot count."""
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

    n = export_warc(state.engine, warc)
    console.print(f"wrote {n} records to {warc}")
