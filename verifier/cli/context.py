"""Shared CLI state: settings, the engine, consistent error reporting."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.engine import Engine

from claims.errors import ClaimledgerError
from storage.db import make_engine
from verifier.errors import describe, exit_code_for
from verifier.settings import Settings, get_settings

__all__ = ["AppState", "state", "console", "err_console", "handle_errors"]

# Piped output (CI logs, `make run | tee`) gets a wide console so tables and URLs are not cut at 80.
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True, width=None if sys.stderr.isatty() else 160)


@dataclass
class AppState:
    settings: Settings = field(default_factory=get_settings)
    _engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.settings.database_url)
        return self._engine


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
        except KeyboardInterrupt:
            err_console.print("interrupted; the ledger keeps every finished transaction")
            sys.exit(130)

    return wrapper  # type: ignore[return-value]
