"""Who may do what: API tokens (stored hashed), signed login-session cookies and CSRF tokens.

- A token is shown once at creation (``claimledger token create``); only its HMAC-SHA256 keyed
  with the server secret is kept, so a read-only copy of the ledger (Datasette, a backup) cannot
  be used to log in or mint sessions. Tokens are long random strings, so a keyed digest (not a
  slow password hash) is the right tool. Hashes of older ledgers (plain SHA-256) still match.
- The server secret (``secret_key``) is random: generated on first start and kept owner-only in
  ``secret_file`` unless set; a known default is refused when serve binds beyond loopback.
- A browser logs in with a token and gets a session cookie: ``<token id>.<expiry>.<hmac>``, signed
  with ``settings.secret_key``; revoking the token ends its sessions.
- Forms carry a CSRF token bound to the session (HMAC of the cookie value); requests that
  authenticate with a bearer header need none (a browser never adds that header on its own).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import stat
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from claims.errors import AuthError, BadInputError, ConfigError, NotFoundError, PermissionDeniedError
from storage.db import session_scope
from storage.models import ApiToken, AuditEntry
from verifier.settings import Settings, get_settings

__all__ = [
    "ROLES",
    "PERMISSIONS",
    "Principal",
    "create_token",
    "list_tokens",
    "revoke_token",
    "authenticate_token",
    "require",
    "make_session_cookie",
    "read_session_cookie",
    "csrf_token_for",
    "check_csrf",
    "hash_token",
    "server_secret",
    "check_secret_for_bind",
    "KNOWN_DEFAULT_SECRETS",
    "SESSION_COOKIE",
    "SESSION_SECONDS",
]

ROLES = ("reviewer", "editor", "admin")
# What each action needs. Editors upload reports and ask for re-checks; reviewers judge claims.
PERMISSIONS: dict[str, frozenset[str]] = {
    "read": frozenset(ROLES),
    "review": frozenset({"reviewer", "admin"}),
    "ingest": frozenset({"editor", "admin"}),
    "recheck": frozenset({"reviewer", "editor", "admin"}),
    "admin": frozenset({"admin"}),
}
TOKEN_PREFIX = "cl_"
SESSION_COOKIE = "claimledger_session"
SESSION_SECONDS = 12 * 3600


@dataclass(frozen=True)
class Principal:
    """An authenticated caller."""

    token_id: int
    name: str
    role: str
    via: str  # "bearer" | "session"

    def can(self, action: str) -> bool:
        return self.role in PERMISSIONS.get(action, frozenset())


KNOWN_DEFAULT_SECRETS = frozenset({"", "change-me", "changeme", "secret", "test-secret", "claimledger"})


def _secret_from_file(path: Path) -> str:
    """The secret kept in ``path``, created (random, mode 0600) when missing."""
    path = path.expanduser()
    try:
        text = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        text = ""
    except OSError as exc:
        raise ConfigError(f"cannot read the secret file {path}: {exc.strerror}", hint="set CLAIMLEDGER_SECRET_KEY") from None
    if text:
        if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(0o600)  # the secret is the owner's alone
        return text
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it meanwhile: use theirs
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(
            f"cannot create the secret file {path}: {exc.strerror}",
            hint="set CLAIMLEDGER_SECRET_KEY or CLAIMLEDGER_SECRET_FILE",
        ) from None
    value = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    return value


def server_secret(settings: Settings | None = None) -> str:
    """The secret that signs sessions and keys token hashes: ``secret_key`` when set, otherwise the
    random one kept in ``secret_file`` (generated on first start)."""
    s = settings or get_settings()
    return _resolved(s.secret_key, s.secret_file)


@lru_cache(maxsize=8)
def _resolved(secret_key: str, secret_file: str) -> str:
    return secret_key if secret_key else _secret_from_file(Path(secret_file))


def check_secret_for_bind(secret: str, host: str) -> None:
    """Refuse a known default secret on an address other machines can reach."""
    if secret in KNOWN_DEFAULT_SECRETS and not _is_loopback(host):
        raise ConfigError(
            f"refusing to serve on {host} with a known default secret",
            hint="unset CLAIMLEDGER_SECRET_KEY (a random one is generated) or set your own",
        )


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def hash_token(token: str, secret: str | None = None) -> str:
    """The stored form of a token: HMAC-SHA256 keyed with the server secret."""
    key = (secret if secret is not None else server_secret()).encode("utf-8")
    return hmac.new(key, token.encode("utf-8"), hashlib.sha256).hexdigest()


def _legacy_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(engine: Engine, name: str, role: str, *, actor: str = "cli") -> tuple[ApiToken, str]:
    """A new token; returns the row and the clear token (shown once, never stored)."""
    name = name.strip()
    if not name:
        raise BadInputError("a token needs a name")
    if role not in ROLES:
        raise BadInputError(f"unknown role {role!r}", hint="one of " + ", ".join(ROLES))
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with session_scope(engine) as session:
        row = ApiToken(name=name, role=role, token_hash=hash_token(clear))
        session.add(row)
        session.flush()
        session.add(
            AuditEntry(
                actor=actor,
                action="token.create",
                object_type="token",
                object_id=str(row.id),
                after=json.dumps({"name": name, "role": role}),
            )
        )
    return row, clear


def list_tokens(engine: Engine) -> list[ApiToken]:
    with Session(engine) as session:
        return list(session.exec(select(ApiToken).order_by(col(ApiToken.id))).all())


def revoke_token(engine: Engine, token_id: int, *, actor: str = "cli") -> None:
    with session_scope(engine) as session:
        row = session.get(ApiToken, token_id)
        if row is None:
            raise NotFoundError(f"no token {token_id}", hint="see `claimledger token list`")
        row.revoked = True
        session.add(row)
        session.add(AuditEntry(actor=actor, action="token.revoke", object_type="token", object_id=str(token_id)))


def _principal(session: Session, row: ApiToken | None, via: str) -> Principal:
    if row is None or row.revoked or row.id is None:
        raise AuthError("invalid or revoked token", hint="create one with `claimledger token create`")
    return Principal(token_id=row.id, name=row.name, role=row.role, via=via)


def authenticate_token(session: Session, token: str) -> Principal:
    token = token.strip()
    keyed = hash_token(token)
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == keyed)).first()
    if row is None:  # a token created before hashes were keyed (``token create`` again to re-key)
        row = session.exec(select(ApiToken).where(ApiToken.token_hash == _legacy_hash(token))).first()
    return _principal(session, row, "bearer")


def require(principal: Principal | None, action: str) -> Principal:
    """The principal when it may do ``action``; AuthError (401) / PermissionDeniedError (403) otherwise."""
    if principal is None:
        raise AuthError("this needs a token", hint="send 'Authorization: Bearer <token>' or log in")
    if not principal.can(action):
        raise PermissionDeniedError(f"role {principal.role!r} may not {action}")
    return principal


# ------------------------------------------------------------------------------- sessions and CSRF


def _sign(secret: str, message: str) -> str:
    return hmac.new(secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).hexdigest()


def _session_key(secret: str, token_hash: str) -> str:
    # the stored token hash is part of the key: a cookie cannot be forged without the ledger, even
    # when the configured secret is left at its default, and a revoked or replaced token ends it
    return f"{secret}:{token_hash}"


def make_session_cookie(secret: str, token_id: int, token_hash: str, *, now: float | None = None) -> str:
    expiry = int((now if now is not None else time.time()) + SESSION_SECONDS)
    body = f"{token_id}.{expiry}"
    return f"{body}.{_sign(_session_key(secret, token_hash), 'session:' + body)}"


def read_session_cookie(session: Session, secret: str, cookie: str, *, now: float | None = None) -> Principal:
    """The principal a session cookie stands for; AuthError when forged, expired or revoked."""
    try:
        token_id, expiry, sig = cookie.split(".")
        tid, exp = int(token_id), int(expiry)
    except ValueError:
        raise AuthError("malformed session cookie", hint="log in again") from None
    row = session.get(ApiToken, tid)
    key = _session_key(secret, row.token_hash if row is not None else "")
    if row is None or not hmac.compare_digest(sig, _sign(key, f"session:{tid}.{exp}")):
        raise AuthError("session cookie signature does not match", hint="log in again")
    if exp < (now if now is not None else time.time()):
        raise AuthError("session expired", hint="log in again")
    return _principal(session, row, "session")


def csrf_token_for(secret: str, session_cookie: str) -> str:
    """The CSRF token a form must send back; bound to the login session."""
    return _sign(secret, "csrf:" + session_cookie)


def check_csrf(secret: str, session_cookie: str, supplied: str | None) -> None:
    if not supplied or not hmac.compare_digest(supplied, csrf_token_for(secret, session_cookie)):
        raise PermissionDeniedError("missing or wrong CSRF token", hint="reload the page and submit the form again")
