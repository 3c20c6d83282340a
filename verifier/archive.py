"""Snapshots from archives instead of the network: a manifest folder or a WARC file; WARC export.

A manifest folder holds ``manifest.json`` — a list of ``{url, status, file, content_type,
captured_at}`` — and the captured files. The whole archive is read and checked before the ledger is
touched, then applied in one transaction, so a bad archive never leaves the ledger half-written.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import time
import zlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sqlalchemy.engine import Engine

from claims.errors import ArchiveError
from storage.db import session_scope
from storage.models import Snapshot
from storage.sources import all_snapshots, find_source, list_sources, upsert_source_url
from verifier.fetch.charset import decode_body
from verifier.fetch.result import READABLE_TYPES, FetchResult, looks_like_pdf
from verifier.settings import Settings, get_settings
from verifier.snapshots import KEPT_HEADERS, prepare_page, store_fetch

__all__ = ["ImportSummary", "import_archive", "read_manifest", "export_warc", "read_warc"]


@dataclass
class ImportSummary:
    entries: int = 0
    new_snapshots: int = 0
    unchanged: int = 0
    dead: int = 0
    other: int = 0
    new_sources: int = 0
    skipped: int = 0  # captures of URLs the ledger does not cite (robots.txt, page assets…)
    states: dict[str, int] = field(default_factory=dict)


def parse_time(text: str, where: str) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError) as exc:
        raise ArchiveError(f"{where}: bad time {text!r}") from exc
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def result_for_capture(
    url: str,
    status: int,
    body: bytes | None,
    content_type: str,
    captured_at: dt.datetime,
    final_url: str = "",
) -> FetchResult:
    """The FetchResult a capture stands for (the same rules as a live fetch)."""
    mime = content_type.split(";", 1)[0].strip().lower()
    base: dict[str, Any] = dict(
        url=url, status=status, final_url=final_url or url, content_type=content_type, fetched_at=captured_at
    )
    if status in (404, 410):
        return FetchResult(outcome="dead", error=f"HTTP {status}", **base)
    if status >= 400 or body is None:
        return FetchResult(outcome="failed", error=f"HTTP {status}", **base)
    if mime and mime not in READABLE_TYPES:
        return FetchResult(outcome="unsupported", error=f"content type {mime}", **base)
    headers = {"content-type": content_type} if content_type else {}
    if looks_like_pdf(mime, body):
        return FetchResult(outcome="ok", body=body, headers=headers, **base)
    text, encoding = decode_body(body, content_type)
    return FetchResult(outcome="ok", body=body, text=text, encoding=encoding, headers=headers, **base)


MAX_MANIFEST_BYTES = 50_000_000


class _Limits:
    """The fetch limits applied to an import: body size, records, bytes read, time."""

    def __init__(self, settings: Settings, where: Path) -> None:
        self.settings, self.where = settings, where
        self.deadline = time.monotonic() + settings.archive_timeout
        self.records = 0

    def next_record(self) -> None:
        self.records += 1
        if self.records > self.settings.max_archive_records:
            raise ArchiveError(
                f"{self.where}: more than {self.settings.max_archive_records} records",
                hint="raise CLAIMLEDGER_MAX_ARCHIVE_RECORDS or split the archive",
            )
        if time.monotonic() > self.deadline:
            raise ArchiveError(
                f"{self.where}: reading took longer than {self.settings.archive_timeout:.0f}s",
                hint="raise CLAIMLEDGER_ARCHIVE_TIMEOUT or split the archive",
            )

    def too_large(self, url: str, when: dt.datetime, size: int | None = None) -> FetchResult:
        shown = f" ({size} bytes)" if size is not None else ""
        return FetchResult(
            url, "failed", fetched_at=when,
            error=f"archived body larger than {self.settings.max_body_bytes} bytes{shown}; record skipped",
        )


def read_manifest(folder: Path, settings: Settings | None = None) -> list[tuple[str, FetchResult]]:
    """Every capture of a manifest folder as ``(url as written, FetchResult)``; raises ArchiveError."""
    limits = _Limits(settings or get_settings(), folder)
    path = folder / "manifest.json"
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            raise ArchiveError(f"{path}: larger than {MAX_MANIFEST_BYTES} bytes")
        entries = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ArchiveError(
            f"{folder}: no manifest.json", hint="an archive is a WARC file or a folder with manifest.json"
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchiveError(f"{path}: not readable JSON ({exc})") from exc
    if not isinstance(entries, list):
        raise ArchiveError(f"{path}: expected a list of captures")
    out: list[tuple[str, FetchResult]] = []
    root = folder.resolve()
    for i, entry in enumerate(entries):
        limits.next_record()
        where = f"{path} entry {i}"
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise ArchiveError(f"{where}: needs at least a url")
        try:
            status = int(entry.get("status", 200))
        except (TypeError, ValueError) as exc:
            raise ArchiveError(f"{where}: bad status {entry.get('status')!r}") from exc
        captured = parse_time(str(entry.get("captured_at") or ""), where)
        body: bytes | None = None
        if entry.get("file"):
            file = (folder / str(entry["file"])).resolve()
            if not file.is_relative_to(root):
                raise ArchiveError(f"{where}: file {entry['file']!r} is outside the archive folder")
            try:
                size = file.stat().st_size
                if size > limits.settings.max_body_bytes:
                    out.append((entry["url"], limits.too_large(entry["url"], captured, size)))
                    continue
                body = file.read_bytes()
            except OSError as exc:
                raise ArchiveError(f"{where}: cannot read {entry['file']!r} ({exc.strerror})") from exc
        elif status < 400:
            raise ArchiveError(f"{where}: status {status} without a file")
        content_type = str(entry.get("content_type") or "text/html")
        out.append((entry["url"], result_for_capture(entry["url"], status, body, content_type, captured)))
    return out


def _apply(
    engine: Engine,
    captures: list[tuple[str, FetchResult]],
    origin: str,
    settings: Settings,
    all_records: bool | None = None,
) -> ImportSummary:
    """``all_records`` None: a ledger that cites sources takes only captures of those (a crawler's
    WARC also holds robots.txt, assets, pages linked by the way); an empty one (a restore) takes all."""
    summary = ImportSummary(entries=len(captures))
    for _url, result in captures:  # parse before the write transaction opens (CPU-heavy)
        prepare_page(result)
    with session_scope(engine) as session:
        if all_records is None:
            all_records = not list_sources(session, limit=1)
        for url, result in captures:
            if find_source(session, url) is None:
                if not all_records:
                    summary.skipped += 1
                    continue
                summary.new_sources += 1
            source = upsert_source_url(session, url)
            outcome = store_fetch(session, source, result, origin=origin, settings=settings)
            if outcome.action == "new_snapshot":
                summary.new_snapshots += 1
            elif outcome.action == "unchanged":
                summary.unchanged += 1
            elif outcome.state == "dead":
                summary.dead += 1
            else:
                summary.other += 1
            summary.states[outcome.state] = summary.states.get(outcome.state, 0) + 1
    return summary


def import_archive(
    engine: Engine, path: str | Path, *, settings: Settings | None = None, all_records: bool | None = None
) -> ImportSummary:
    """Import a manifest folder or a WARC / WARC.gz file into the ledger (one transaction).

    Bounded like a fetch: bodies over ``max_body_bytes`` (after decompression) fail their record;
    more than ``max_archive_records`` records, ``max_archive_bytes`` read or ``archive_timeout``
    seconds end the import with an error before the ledger is touched."""
    settings = settings or get_settings()
    p = Path(path)
    if p.is_dir():
        return _apply(engine, read_manifest(p, settings), "manifest", settings, all_records)
    if p.is_file():
        return _apply(engine, read_warc(p, settings), "warc", settings, all_records)
    raise ArchiveError(f"{p}: no such archive", hint="give a WARC file or a folder with manifest.json")


# --- WARC ---------------------------------------------------------------------------------------

FINAL_URI_HEADER = "WARC-Claimledger-Final-URI"  # an extension field: where redirects ended


def _warc_date(t: dt.datetime) -> str:
    t = (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (f".{t.microsecond:06d}" if t.microsecond else "") + "Z"


def _prescan(path: Path, settings: Settings) -> None:
    """Stream through the (decompressed) file once, cheaply: refuse a decompression bomb, a
    truncated gzip stream and a line no WARC has, before warcio (which reads lines whole) sees it."""
    limit_line = max(64_000_000, 4 * settings.max_body_bytes)  # a body is read by length, a header by line
    total = run = 0
    deadline = time.monotonic() + settings.archive_timeout

    def feed(chunk: bytes) -> None:
        nonlocal total, run
        total += len(chunk)
        if total > settings.max_archive_bytes:
            raise ArchiveError(f"{path}: more than {settings.max_archive_bytes} bytes after decompression")
        nl = chunk.rfind(b"\n")
        run = run + len(chunk) if nl < 0 else len(chunk) - nl - 1
        if run > limit_line:
            raise ArchiveError(f"{path}: not a WARC file (a line longer than {limit_line} bytes)")
        if time.monotonic() > deadline:
            raise ArchiveError(f"{path}: reading took longer than {settings.archive_timeout:.0f}s")

    with path.open("rb") as fh:
        head = fh.read(2)
        fh.seek(0)
        if head != b"\x1f\x8b":
            while chunk := fh.read(1 << 20):
                feed(chunk)
            return
        d, fed = zlib.decompressobj(31), False
        while raw := fh.read(1 << 16):
            while raw:
                fed = True
                feed(d.decompress(raw, 1 << 20))
                while d.unconsumed_tail:
                    feed(d.decompress(d.unconsumed_tail, 1 << 20))
                raw = b""
                if d.eof:  # the next gzip member (a WARC.gz has one per record)
                    raw, d, fed = d.unused_data, zlib.decompressobj(31), False
                    if raw and not raw.startswith(b"\x1f\x8b"):
                        raise ArchiveError(f"{path}: garbage after a gzip member")
        if fed and not d.eof:
            raise ArchiveError(f"{path}: truncated (the gzip stream ends mid-record)")


def read_warc(path: Path, settings: Settings | None = None) -> list[tuple[str, FetchResult]]:
    """Every response (and revisit) record of a WARC / WARC.gz file as ``(url, FetchResult)``.

    A revisit whose payload is in an earlier record of the file stands for that payload again;
    otherwise it only says the page was unchanged at that time. A redirect record is not a capture:
    the URL it redirects from gets the capture the chain ends in (crawlers record each hop).
    """
    from warcio.archiveiterator import ArchiveIterator

    settings = settings or get_settings()
    limits = _Limits(settings, path)
    out: list[tuple[str, FetchResult]] = []
    payloads: dict[str, tuple[bytes, str]] = {}
    redirects: dict[str, str] = {}
    seen = 0
    try:
        _prescan(path, settings)
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                limits.next_record()
                seen += 1
                if record.rec_type not in ("response", "revisit"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                when = parse_time(record.rec_headers.get_header("WARC-Date") or "", f"{path}: {url}")
                final = record.rec_headers.get_header(FINAL_URI_HEADER) or url
                http = record.http_headers
                status = int(http.get_statuscode() or 0) if http else 0
                ctype = (http.get_header("Content-Type") if http else None) or ""
                digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
                location = http.get_header("Location") if http else None
                if record.rec_type == "response" and 300 <= status < 400 and status != 304:
                    if location:
                        redirects[url] = urljoin(url, location)
                    continue
                if status == 304:
                    result = FetchResult(url=url, outcome="not_modified", status=304, fetched_at=when)
                elif record.rec_type == "response":
                    body = record.content_stream().read(settings.max_body_bytes + 1)
                    if len(body) > settings.max_body_bytes:  # decompressed, streamed: fail this record
                        out.append((url, limits.too_large(url, when)))
                        continue
                    if digest:
                        payloads[digest] = (body, ctype)
                    result = result_for_capture(
                        url, status, body if status < 400 else None, ctype, when, final
                    )
                elif digest in payloads:
                    body, orig_type = payloads[digest]
                    result = result_for_capture(url, 200, body, ctype or orig_type, when, final)
                else:
                    result = FetchResult(url=url, outcome="not_modified", status=304, fetched_at=when)
                if http and result.outcome == "ok":
                    for name in KEPT_HEADERS:
                        if value := http.get_header(name):
                            result.headers[name] = value
                out.append((url, result))
    except ArchiveError:
        raise
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except Exception as exc:  # warcio raises ArchiveLoadFailed and friends on a file that is not a WARC
        raise ArchiveError(f"{path}: not a readable WARC file ({exc.__class__.__name__}: {_quoted(str(exc))})") from exc
    if seen == 0 and path.stat().st_size > 0:
        raise ArchiveError(f"{path}: no WARC records (truncated, or not a WARC file)")
    return out + _through_redirects(out, redirects)


def _through_redirects(
    out: list[tuple[str, FetchResult]], redirects: dict[str, str]
) -> list[tuple[str, FetchResult]]:
    """For each URL that only redirects, the capture its chain (at most 5 hops) ends in."""
    last: dict[str, FetchResult] = {url: res for url, res in out if res.outcome != "not_modified"}
    extra: list[tuple[str, FetchResult]] = []
    for origin, target in redirects.items():
        if origin in last:
            continue
        hops = [target]
        while hops[-1] in redirects and len(hops) <= 5:
            hops.append(redirects[hops[-1]])
        if (final := last.get(hops[-1])) is not None:
            extra.append(
                (
                    origin,
                    replace(
                        final, url=origin, final_url=hops[-1], redirects=hops, headers=dict(final.headers)
                    ),
                )
            )
    return extra


def export_warc(engine: Engine, path: str | Path) -> int:
    """Write every snapshot (and every dead source) to a WARC file; returns the number of records.

    A snapshot whose content the file already holds for that source, and the last check of a source
    that found it unchanged, are ``revisit`` records (profile identical-payload-digest). ``.gz`` in
    the name gives a gzipped WARC.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = Path(path)
    count = 0
    with session_scope(engine) as session, p.open("wb") as fh:
        writer = WARCWriter(fh, gzip=p.name.endswith(".gz"), warc_version="1.1")
        sources = {s.id: s for s in list_sources(session)}
        by_source: dict[int, list[Snapshot]] = {}
        for snap in all_snapshots(session):
            by_source.setdefault(snap.source_id, []).append(snap)
        for sid, source in sources.items():
            written: dict[str, tuple[str, str]] = {}  # content hash -> (payload digest, date)
            snaps = by_source.get(sid or 0, [])
            for snap in snaps:
                body = gzip.decompress(snap.raw_gz) if snap.raw_gz else snap.text.encode("utf-8")
                kept = json.loads(snap.headers or "{}")
                kept["content-type"] = snap.content_type or kept.get("content-type", "text/html")
                headers = [(k.title(), str(v)) for k, v in sorted(kept.items()) if k in KEPT_HEADERS]
                http = StatusAndHeaders(f"{snap.http_status} OK", headers, protocol="HTTP/1.1")
                date = _warc_date(snap.fetched_at)
                extra = {"WARC-Date": date, FINAL_URI_HEADER: snap.final_url or source.url}
                if snap.content_hash in written:
                    digest, first_date = written[snap.content_hash]
                    rec = writer.create_revisit_record(
                        source.url, digest, source.url, first_date, http_headers=http, warc_headers_dict=extra
                    )
                else:
                    rec = writer.create_warc_record(
                        source.url,
                        "response",
                        payload=io.BytesIO(body),
                        length=len(body),
                        http_headers=http,
                        warc_headers_dict=extra,
                    )
                    writer.ensure_digest(rec, block=False, payload=True)
                    written[snap.content_hash] = (rec.rec_headers.get_header("WARC-Payload-Digest"), date)
                writer.write_record(rec)
                count += 1
            last = snaps[-1] if snaps else None
            checked = source.last_checked_at
            if (
                last is not None
                and checked
                and _warc_date(checked) > _warc_date(last.fetched_at)
                and source.state in ("ok", "changed")
            ):
                digest, first_date = written[last.content_hash]
                http = StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1")
                rec = writer.create_revisit_record(
                    source.url,
                    digest,
                    source.url,
                    first_date,
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": _warc_date(checked)},
                )
                writer.write_record(rec)
                count += 1
            if not snaps and source.state == "dead" and source.last_status in (404, 410) and checked:
                http = StatusAndHeaders(
                    f"{source.last_status} Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                rec = writer.create_warc_record(
                    source.url,
                    "response",
                    payload=io.BytesIO(b""),
                    length=0,
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": _warc_date(checked)},
                )
                writer.write_record(rec)
                count += 1
    return count


def _quoted(text: str, limit: int = 100) -> str:
    """An error text that may carry the file's own bytes, as one short printable ASCII line."""
    flat = " ".join(text.split()).encode("ascii", "backslashreplace").decode("ascii")
    return flat if len(flat) <= limit else flat[:limit] + "…"
