"""Where the exception tree (``claims.errors``) meets the outside: CLI exit codes and HTTP statuses."""

from __future__ import annotations

from claims.errors import ClaimledgerError

__all__ = ["exit_code_for", "http_status_for", "describe", "translate"]


def translate(exc: BaseException, database_url: str = "") -> ClaimledgerError | None:
    """One of our errors for an outside exception a person can act on (a database that cannot be
    opened, input nested too deeply, an output path that cannot be written); None for a bug."""
    from sqlalchemy import exc as sa

    from claims.errors import BadInputError, ConfigError

    where = _safe_url(database_url)
    if isinstance(exc, (sa.NoSuchModuleError, sa.ArgumentError)):
        return ConfigError(f"cannot use the database URL {where}: {_first_line(exc)}",
                           hint="e.g. sqlite:///claimledger.db or postgresql+psycopg://user@host/db")
    if isinstance(exc, (sa.OperationalError, sa.InterfaceError, sa.DatabaseError)):
        orig = getattr(exc, "orig", None) or exc
        return ConfigError(f"cannot open the ledger at {where}: {_first_line(orig)}",
                           hint="check --db / CLAIMLEDGER_DATABASE_URL (folder, host, port, database name)")
    if isinstance(exc, RecursionError):
        return BadInputError("the input is nested too deeply to read")
    if isinstance(exc, OverflowError):  # e.g. a run of numerals too long for a float
        return BadInputError("a number in the input is too large to read")
    if isinstance(exc, OSError) and getattr(exc, "filename", None):
        return BadInputError(f"cannot use {exc.filename}: {exc.strerror or exc}")
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else exc.__class__.__name__


def _safe_url(url: str) -> str:
    """The URL without its password."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unreadable URL is shown as given
        return repr(url)


def exit_code_for(exc: BaseException) -> int:
    return exc.exit_code if isinstance(exc, ClaimledgerError) else 1


def http_status_for(exc: BaseException) -> int:
    return exc.http_status if isinstance(exc, ClaimledgerError) else 500


def describe(exc: BaseException) -> str:
    """One line for a person: what happened, and what to do when we know."""
    if isinstance(exc, ClaimledgerError):
        return exc.message + (f" ({exc.hint})" if exc.hint else "")
    return f"{exc.__class__.__name__}: {exc}"
