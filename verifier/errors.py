"""Where the exception tree (``claims.errors``) meets the outside: CLI exit codes and HTTP statuses."""

from __future__ import annotations

from claims.errors import ClaimledgerError

__all__ = ["exit_code_for", "http_status_for", "describe"]


def exit_code_for(exc: BaseException) -> int:
    return exc.exit_code if isinstance(exc, ClaimledgerError) else 1


def http_status_for(exc: BaseException) -> int:
    return exc.http_status if isinstance(exc, ClaimledgerError) else 500


def describe(exc: BaseException) -> str:
    """One line for a person: what happened, and what to do when we know."""
    if isinstance(exc, ClaimledgerError):
        return exc.message + (f" ({exc.hint})" if exc.hint else "")
    return f"{exc.__class__.__name__}: {exc}"
