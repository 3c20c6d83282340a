"""Ledger commands: ingest, claims, report, export, eval, values, summary."""

from __future__ import annotations

import json
import sys
import typing
from functools import partial
from pathlib import Path

import typer
from rich.table import Table
from sqlmodel import Session, col, select

from claims.errors import BadInputError, NotFoundError, ReportError
from claims.model import ClaimKind
from claims.values import parse_values
from storage.db import reading
from storage.export import claim_records
from storage.ingest_batch import IngestFailure, IngestWorkerError, ingest_reports
from storage.models import Claim, Report, Section, SectionSource, Source
from storage.queries import STATUSES
from storage.summary import report_summaries, top_contradictions
from verifier.cli.context import check_report, console, err_console, handle_errors, state
from verifier.evaluate import NUMERIC_KINDS, evaluate, load_gold
from verifier.export import FORMATS, render_export
from verifier.report_files import find_report_files, read_report_file

STATUS_STYLE = {"verified": "green", "contradicted": "red", "unverified": "yellow"}


CLAIM_KINDS: tuple[str, ...] = typing.get_args(ClaimKind)


def _check_choice(option: str, value: str | None, valid: tuple[str, ...]) -> None:
    if value is not None and value not in valid:
        raise BadInputError(f"unknown {option} {value!r}", hint="one of " + ", ".join(valid))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("claims")(claims_cmd)
    app.command("report")(report_cmd)
    app.command("export")(export_cmd)
    app.command("eval")(eval_cmd)
    app.command("values")(values_cmd)
    app.command("summary")(summary_cmd)


@handle_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="report files or folders of them"),
    workers: int = typer.Option(
        None,
        "--workers",
        min=0,
        help="processes reading the next reports while the previous ones are written "
        "(settings.ingest_workers; 0: none)",
    ),
) -> None:
    """Read reports into the ledger (all or nothing per report; the same text twice is a no-op)."""
    files = find_report_files(paths)
    if not files:
        raise ReportError("no report files found (looked for " + ", ".join(map(str, paths)) + ")")
    table = Table("report", "version", "outcome", "sections", "sources", "claims", "checkworthy")
    failures = 0
    max_bytes = state.settings.max_report_bytes
    docs = [(path.name, partial(read_report_file, path, max_bytes)) for path in files]
    if workers is None:
        workers = state.settings.ingest_workers
    outcomes = ingest_reports(state.engine, docs, max_claims=state.settings.max_report_claims, workers=workers)
    try:
        for res in outcomes:
            if isinstance(res, IngestFailure):
                failures += 1
                hint = f" ({res.hint})" if res.hint else ""
                err_console.print(f"[red]error:[/red] {res.message}{hint}", highlight=False)
                continue
            table.add_row(
                res.name,
                str(res.version),
                res.outcome,
                str(res.sections),
                str(res.sources),
                str(res.claims),
                str(res.checkworthy),
            )
    except IngestWorkerError:
        console.print(table)  # what went in before the worker ended, then the error
        raise
    console.print(table)
    if failures:
        err_console.print(f"{failures} of {len(files)} files were not ingested; the others are in the ledger")
        raise typer.Exit(2)


@handle_errors
def claims_cmd(
    report: str = typer.Option(None, "--report", help="only this report (file name)"),
    kind: str = typer.Option(None, "--kind", help="money, percent, count, date, version or fact"),
    status: str = typer.Option(None, "--status", help="verified, unverified or contradicted"),
    limit: int = typer.Option(200, "--limit", min=0, help="at most this many rows"),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table"),
) -> None:
    """List claims with their status; contradicted ones show claimed vs found."""
    _check_choice("--status", status, STATUSES)
    _check_choice("--kind", kind, CLAIM_KINDS)
    check_report(report)
    with Session(reading(state.engine)) as session:
        records = claim_records(session, report=report, status=status, kind=kind)
    if as_json:
        for rec in records[:limit]:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    table = Table("id", "report", "kind", "claimed", "status", "reason", "found", "conf")
    for rec in records[:limit]:
        found = next((e["matched_value"] for e in rec["evidence"] if e.get("matched_value")), "")
        style = STATUS_STYLE.get(rec["status"], "")
        table.add_row(
            str(rec["id"]),
            rec["report"][:24],
            rec["kind"],
            rec["key"][:40],
            f"[{style}]{rec['status']}[/{style}]" if style else rec["status"],
            rec["reason"],
            found[:40],
            f"{rec['confidence']:.2f}",
        )
    console.print(table)
    console.print(f"{min(len(records), limit)} of {len(records)} claims shown")


@handle_errors
def report_cmd(name: str = typer.Argument(..., help="report file name as ingested")) -> None:
    """One report: its sections, cited sources (with their state) and claims."""
    with Session(reading(state.engine)) as session:
        rep = session.exec(select(Report).where(Report.name == name, col(Report.is_latest).is_(True))).first()
        if rep is None:
            raise NotFoundError(f"no report named {name!r}", hint="see `claimledger summary` for names")
        console.print(
            f"[bold]{rep.title or rep.name}[/bold]  ({rep.name}, version {rep.version}, date {rep.date})"
        )
        sections = session.exec(
            select(Section).where(Section.report_id == rep.id).order_by(col(Section.order))
        ).all()
        for sec in sections:
            srcs = session.exec(
                select(Source)
                .join(SectionSource, col(SectionSource.source_id) == Source.id)
                .where(SectionSource.section_id == sec.id)
            ).all()
            n = len(session.exec(select(Claim.id).where(Claim.section_id == sec.id)).all())
            console.print(
                f"\n[bold]§{sec.order} {sec.heading or '(untitled)'}[/bold]  [dim]{sec.kind}, {n} claims[/dim]"
            )
            for src in srcs:
                console.print(f"   source [{src.state}] {src.url}", highlight=False)
        records = claim_records(session, report=name)
    table = Table("id", "kind", "claimed", "status", "reason", "conf")
    for rec in records:
        style = STATUS_STYLE.get(rec["status"], "")
        table.add_row(
            str(rec["id"]),
            rec["kind"],
            rec["key"][:50],
            f"[{style}]{rec['status']}[/{style}]",
            rec["reason"],
            f"{rec['confidence']:.2f}",
        )
    console.print(table)


@handle_errors
def export_cmd(
    fmt: str = typer.Option("json", "--format", help="json, csv or claimreview"),
    report: str = typer.Option(None, "--report", help="only this report"),
    output: Path = typer.Option(None, "--output", "-o", help="write here instead of stdout"),
) -> None:
    """Export claims with statuses and evidence."""
    if fmt not in FORMATS:
        raise BadInputError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    check_report(report)
    with Session(reading(state.engine)) as session:
        text = render_export(session, fmt, report=report)
    if output:
        output.write_text(text, encoding="utf-8")
        err_console.print(f"wrote {output}")
    else:
        sys.stdout.write(text)


@handle_errors
def eval_cmd(
    gold: Path = typer.Argument(..., help="gold labels, JSON lines"),
    reports: Path = typer.Option(Path("examples/reports"), "--reports", help="folder with the report files"),
    verbose: bool = typer.Option(True, "--verbose/--quiet", help="list every miss"),
) -> None:
    """Extraction recall by kind and verdict accuracy of the ledger against gold labels."""
    if not gold.is_file():
        raise BadInputError(f"{gold}: no such file")
    items = load_gold(gold, lambda name: (reports / name).read_text(encoding="utf-8"))
    with Session(reading(state.engine)) as session:
        records = claim_records(session, with_evidence=False)
    res = evaluate(items, records)
    console.print("kind      found/total  recall")
    for k in sorted(res.total):
        console.print(f"  {k:8s} {res.found[k]:>4}/{res.total[k]:<4}  {res.found[k] / res.total[k]:.1%}")
    console.print(f"  numeric  {res.numeric_recall:.1%}  ({', '.join(NUMERIC_KINDS)})")
    statuses = ["verified", "unverified", "contradicted"]
    table = Table("gold \\ predicted", *statuses, "missed")
    for g in statuses:
        table.add_row(g, *(str(res.confusion[(g, p)]) for p in [*statuses, "missed"]))
    console.print(table)
    if verbose:
        for m in res.misses:
            console.print(
                f"  miss: {m['report'][:3]} {m['kind']:8s} {m['key'][:30]!r:34s} gold={m['gold']:12s} "
                f"got={m['predicted']:12s} {m['reason'] or ''}",
                highlight=False,
            )
    console.print(f"claims exported: {res.claims_exported}")
    console.print(res.summary_line())


@handle_errors
def values_cmd(
    text: str = typer.Argument(None, help="text to read; omit with --stdin"),
    stdin: bool = typer.Option(False, "--stdin", help="read lines from standard input"),
    year: int = typer.Option(None, "--year", help="year for dates written without one"),
) -> None:
    """Show how the normaliser reads text: one JSON line per input line."""
    if stdin:
        lines = sys.stdin.read().splitlines()
    elif text is not None:
        lines = text.splitlines() or [text]
    else:
        raise BadInputError("give TEXT or --stdin")
    for line in lines:
        vals = parse_values(line, default_year=year)
        out = {
            "input": line,
            "values": [
                {
                    "raw": v.raw,
                    "value": v.value,
                    "unit": v.unit,
                    "qualifier": v.qualifier,
                    "start": v.start,
                    "end": v.end,
                    "kind": v.kind,
                    "noun": v.noun,
                }
                for v in vals
            ],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")


@handle_errors
def summary_cmd(top: int = typer.Option(5, "--top", min=0, help="how many contradictions to list")) -> None:
    """Per report: claims, verified, contradicted, unverified; then the top contradictions."""
    with Session(reading(state.engine)) as session:
        rows = report_summaries(session)
        contra = top_contradictions(session, top)
    table = Table("report", "claims", "checkworthy", "verified", "contradicted", "unverified")
    for r in rows:
        table.add_row(
            r.name,
            str(r.claims),
            str(r.checkworthy),
            f"[green]{r.verified}[/green]",
            f"[red]{r.contradicted}[/red]",
            f"[yellow]{r.unverified}[/yellow]",
        )
    console.print(table)
    if contra:
        console.print("[bold]Top contradictions[/bold]")
        for c in contra:
            console.print(
                f"  #{c['id']} {c['report']}: claimed [bold]{c['key']}[/bold] — found "
                f"[bold]{c['found'] or '?'}[/bold] ({c['reason']}) {c['url'] or ''}",
                highlight=False,
            )
