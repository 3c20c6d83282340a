"""``claimledger page FILE_OR_URL...``: how a page was read; ``claimledger reparse``: re-read stored pages."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import typer
from rich.table import Table

from claims.errors import BadInputError, NotFoundError
from verifier.cli.context import console, err_console, handle_errors, state
from verifier.fetch.charset import decode_body
from verifier.fetch.result import looks_like_pdf
from verifier.passages import PageText
from verifier.reading.record import page_record
from verifier.snapshots import read_fetched

STATE_STYLE = {"ok": "green", "soft_404": "red", "paywall": "yellow", "consent": "yellow", "empty": "red"}
_SUFFIX_TYPES = {".pdf": "application/pdf", ".txt": "text/plain", ".text": "text/plain"}


def register(app: typer.Typer) -> None:
    app.command("page")(page_cmd)
    app.command("reparse")(reparse_cmd)


def _read_file(path: Path, url: str | None) -> PageText:
    if not path.is_file():
        raise NotFoundError(f"no file {path}")
    body = path.read_bytes()
    if len(body) > state.settings.max_body_bytes:
        raise BadInputError(f"{path}: larger than CLAIMLEDGER_MAX_BODY_BYTES ({state.settings.max_body_bytes})")
    mime = _SUFFIX_TYPES.get(path.suffix.lower(), "text/html")
    text = None if looks_like_pdf(mime, body) else decode_body(body, "")[0]
    return read_fetched(body, mime, text, url)


def _read_url(url: str) -> PageText:
    from verifier.fetch.client import Fetcher

    async def go() -> PageText:
        fetcher = Fetcher(state.settings, respect_robots=False)  # one page a person asked for
        try:
            result = await fetcher.fetch(url)
        finally:
            await fetcher.aclose()
        if result.outcome != "ok":
            return PageText("", "", [], None, state=result.outcome, reader="")
        return read_fetched(result.body, result.mime, result.text, result.final_url or url)

    return asyncio.run(go())


@handle_errors
def page_cmd(
    targets: list[str] = typer.Argument(..., help="HTML, PDF or text files, or http(s) URLs"),
    as_json: bool = typer.Option(False, "--json", help="one JSON line per page"),
    url: str = typer.Option(None, "--url", help="the address a file was saved from (dates in URLs, links)"),
) -> None:
    """Show how a page is read: title, published date, state (ok / soft_404 / paywall / consent /
    empty / unsupported), which reader read it, and its passages with offsets and values."""
    for target in targets:
        is_url = target.startswith(("http://", "https://"))
        page = _read_url(target) if is_url else _read_file(Path(target), url)
        record = page_record(page, file=target, url=target if is_url else url)
        if as_json:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        style = STATE_STYLE.get(page.state, "red")
        console.print(f"[bold]{target}[/bold]", highlight=False)
        console.print(
            f"title: {page.title or '—'}\npublished: {page.published or '—'}\n"
            f"state: [{style}]{page.state}[/{style}]   reader: {page.reader or '—'}   passages: {len(page.passages)}",
            highlight=False,
        )
        table = Table("start", "end", "kind", "page", "text", "values")
        for p in record["passages"]:
            text = p["text"] if len(p["text"]) <= 160 else p["text"][:157] + "…"
            values = ", ".join(v["raw"] for v in p["values"])
            table.add_row(str(p["start"]), str(p["end"]), p["kind"], str(p.get("page") or ""), text, values)
        console.print(table)


@handle_errors
def reparse_cmd(
    source: list[str] = typer.Option(None, "--source", help="only this source URL (repeatable)"),
    no_verify: bool = typer.Option(False, "--no-verify", help="re-read only; verify later"),
    as_json: bool = typer.Option(False, "--json", help="the report as JSON"),
) -> None:
    """Re-read every source's latest stored raw body with the current reader; where the reading differs,
    write a re-read snapshot beside the old one, re-verify the claims citing it and list every verdict
    that moved."""
    from sqlmodel import Session, col, select

    from storage.models import Source
    from verifier.reparse import reparse

    ids: list[int] | None = None
    if source:
        with Session(state.engine) as session:
            found = session.exec(select(Source.id, Source.url).where(col(Source.url).in_(source))).all()
        missing = set(source) - {u for _, u in found}
        if missing:
            raise NotFoundError(f"no source {sorted(missing)[0]!r}", hint="see `claimledger sources list`")
        ids = [int(i) for i, _ in found if i is not None]
    summary = reparse(state.engine, source_ids=ids, verify=not no_verify)
    if as_json:
        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False) + "\n")
        return
    readers = ", ".join(f"{k} {v}" for k, v in sorted(summary.readers.items())) or "—"
    states = ", ".join(f"{k} {v}" for k, v in sorted(summary.states.items())) or "—"
    console.print(
        f"{summary.snapshots} stored pages re-read ({readers}); states: {states}; "
        f"{summary.changed} read differently (re-read snapshots written); {summary.claims} claims re-verified; "
        f"{len(summary.changes)} verdicts changed",
        highlight=False,
    )
    if summary.changes:
        table = Table("claim", "report", "key", "before", "after")
        for c in summary.changes:
            table.add_row(str(c.claim_id), c.report, c.key, f"{c.before[0]} ({c.before[1]})", f"{c.after[0]} ({c.after[1]})")
        console.print(table)
    if summary.snapshots == 0:
        err_console.print("no stored raw bodies to re-read")
