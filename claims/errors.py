"""The one exception tree of claimledger.

Every error a user can cause or meet derives from :class:`ClaimledgerError`. The CLI maps these to
exit codes and the API to HTTP statuses in one place (``verifier/errors.py``). It lives in
``claims`` because that package imports nothing of ours, so every layer can raise these.
"""

from __future__ import annotations

__all__ = [
    "ClaimledgerError",
    "BadInputError",
    "ReportError",
    "NotFoundError",
    "ConflictError",
    "PermissionDeniedError",
    "AuthError",
    "FetchError",
    "BlockedURLError",
    "ArchiveError",
    "ConfigError",
]


class ClaimledgerError(Exception):
    """Base of every error claimledger raises on purpose."""

    exit_code = 1
    http_status = 500
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class BadInputError(ClaimledgerError):
    """The user gave something we cannot use (a value, an option, a file)."""

    exit_code = 2
    http_status = 422


class ReportError(BadInputError):
    """A report cannot be read: empty, binary, not UTF-8, too large, missing."""


class ArchiveError(BadInputError):
    """A WARC file or manifest folder cannot be read."""


class ConfigError(BadInputError):
    """A setting is invalid."""


class NotFoundError(ClaimledgerError):
    exit_code = 3
    http_status = 404


class ConflictError(ClaimledgerError):
    exit_code = 4
    http_status = 409


class AuthError(ClaimledgerError):
    """No credentials, or wrong ones."""

    exit_code = 5
    http_status = 401


class PermissionDeniedError(ClaimledgerError):
    """Valid credentials without the role the action needs."""

    exit_code = 5
    http_status = 403


class FetchError(ClaimledgerError):
    """A source could not be fetched (network, HTTP, content)."""

    exit_code = 6
    http_status = 502


class BlockedURLError(FetchError):
    """The URL points at an address the SSRF guard refuses, or an unsupported scheme."""

    http_status = 400
