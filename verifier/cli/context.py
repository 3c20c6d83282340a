"""Shared CLI state: settings, the engine, consistent error reporting."""

from __future__ import annotations

import difflib
import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from claims.errors import ClaimledgerError, NotFoundError
from storage.db import make_engine
from verifier.errors import describe, exit_code_for, translate
from verifier.settings import Settings, get_settings

__all__ = ["AppState", "state", "console", "err_console", "handle_errors", "read_command", "check_report", "report_hint"]

# Piped output (CI logs, `make run | tee`) gets a wide console so tables and URLs are not cut at 80.
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


@dataclass
class AppState:
    settings: Settings = field(default_factory=get_settings)
    _engine: Engine | None = None
    must_exist: bool = False  # a read command: a missing SQLite file is a mistyped --db, not a new ledger

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            if self.must_exist:
                _require_ledger(self.settings.database_url)
            self._engine = make_engine(self.settings.database_url)
        return self._engine


def _require_ledger(url: str) -> None:
    """NotFoundError when ``url`` names a SQLite file that does not exist (nothing is created)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - make_engine reports a bad URL
        return
    path = parsed.database or ""
    sqlite_file = parsed.drivername.startswith("sqlite") and path not in ("", ":memory:")
    if sqlite_file and not path.startswith("file:") and not Path(path).exists():
        raise NotFoundError(f"no ledger at {path}", hint="check --db; `claimledger ingest` creates a ledger")


def read_command() -> None:
    """Mark the running command as one that only reads the ledger."""
    state.must_exist = True


state = AppState()

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(fn: F) -> F:
    """Turn our errors into one line on stderr and the mapped exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClaimledgerError as exc:
            err_console.print(f"[red]error:[/red] {describe(exc)}", highlight=False)
            raise typer.Exit(exit_code_for(exc)) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # an outside error a person can act on: one line, no traceback
            ours = translate(exc, state.settings.database_url)
            if ours is None:
                raise
            err_console.print(f"[red]error:[/red] {describe(ours)}", highlight=False)
            raise typer.Exit(exit_code_for(ours)) from None
        except KeyboardInterrupt:
            err_console.print("interrupted; the ledger keeps every finished transaction")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def check_report(name: str | None) -> None:
    """A ``--report`` value must name a report in the ledger (file name, or id): else NotFoundError
    (exit 3) with the closest names, or the names there are."""
    if name is None:
        return
    from sqlmodel import Session

    from storage.db import reading
    from storage.queries import report_exists, report_names

    with Session(reading(state.engine)) as session:
        if report_exists(session, name):
            return
        names = report_names(session)
    raise NotFoundError(f"no report named {name!r} in the ledger", hint=report_hint(name, names))


def report_hint(name: str, names: list[str], shown: int = 8) -> str:
    """What to say about the reports there are, when ``name`` is none of them."""
    if not names:
        return "the ledger has no reports; `claimledger ingest` some first"
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    if close:
        return "did you mean " + ", ".join(close) + "?"
    more = f" and {len(names) - shown} more (see `claimledger summary`)" if len(names) > shown else ""
    return "reports: " + ", ".join(names[:shown]) + more
