"""Finding and reading report files (the I/O half of ingest; the pure half is ``claims.report``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claims.errors import ReportError
from claims.report import decode_report

__all__ = ["REPORT_SUFFIXES", "find_report_files", "read_report_file"]

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")


def find_report_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and report files (by suffix) found under folders, sorted; missing paths fail."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise ReportError(f"{path}: no such file or folder")
    return found


def read_report_file(path: Path, max_bytes: int) -> str:
    """The report's text; refuses what is too large before reading it, and what is not UTF-8 text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise ReportError(
            f"{path.name}: {size:,} bytes is over the {max_bytes:,}-byte limit for a report",
            hint="split it, or raise CLAIMLEDGER_MAX_REPORT_BYTES",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_report(data, path.name, max_bytes)
