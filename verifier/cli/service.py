"""``claimledger serve``, ``token create|list|revoke`` and ``review ID STATUS --note``."""

from __future__ import annotations

import importlib
import logging
import os
from typing import Any

import typer

from verifier.auth import ROLES, check_secret_for_bind, create_token, list_tokens, revoke_token, server_secret
from verifier.cli.context import console, err_console, handle_errors, read_command, state
from verifier.review import review_claim

__all__ = ["register"]

token_app = typer.Typer(help="API tokens for reviewers, editors and admins (stored hashed).", no_args_is_help=True)


def _start_scheduler() -> Any:
    """The in-process re-check scheduler, when that part is installed and enabled."""
    if not state.settings.run_scheduler:
        return None
    try:
        schedule = importlib.import_module("verifier.schedule")
        start = schedule.start_in_process
    except (ModuleNotFoundError, AttributeError):
        err_console.print("scheduler not available; serving without re-checks")
        return None
    # every round logs one INFO line (sources, changed, failed, breaker): an outage is visible
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("verifier.schedule").setLevel(logging.INFO)
    return start(state.settings, state.engine)


@handle_errors
def serve(
    host: str = typer.Option(None, "--host", help="address to bind (default: settings.host, 127.0.0.1)"),
    port: int = typer.Option(None, "--port", help="port (default: settings.port, 8000)"),
    scheduler: bool = typer.Option(True, "--scheduler/--no-scheduler", help="run re-checks in process"),
    workers: int = typer.Option(None, "--workers", min=1, help="uvicorn worker processes (settings.serve_workers)"),
) -> None:
    """Run the HTTP API and pages (uvicorn), with the re-check scheduler in process."""
    import uvicorn

    from verifier.api import create_app

    settings = state.settings
    bind_host, bind_port = host or settings.host, port or settings.port
    workers = workers or settings.serve_workers
    if workers > 1:
        # worker processes build the app from CLAIMLEDGER_* variables: hand them this ledger's URL
        os.environ["CLAIMLEDGER_DATABASE_URL"] = settings.database_url
        target: Any = "verifier.api.app:app_from_env"
    else:
        target = create_app(settings, state.engine)
    check_secret_for_bind(server_secret(settings), bind_host)  # a known default only on loopback
    sched = _start_scheduler() if scheduler else None
    console.print(f"claimledger serving on http://{bind_host}:{bind_port} (API docs at /docs)")
    try:
        uvicorn.run(target, host=bind_host, port=bind_port, log_level="warning", workers=workers,
                    factory=workers > 1)
    finally:
        if sched is not None:
            sched.shutdown(wait=True)  # let a re-check round in flight finish its write


@token_app.command("create")
@handle_errors
def token_create(
    name: str = typer.Option(..., "--name", help="who holds the token (shown as the reviewer)"),
    role: str = typer.Option(..., "--role", help="|".join(ROLES)),
) -> None:
    """Create a token and print it once; only its hash is stored."""
    row, clear = create_token(state.engine, name, role)
    err_console.print(f"token {row.id} for {row.name} ({row.role}); keep it, it is not shown again:")
    print(clear)


@token_app.command("list")
@handle_errors
def token_list() -> None:
    """Tokens (never their secret)."""
    read_command()
    for t in list_tokens(state.engine):
        flag = " revoked" if t.revoked else ""
        console.print(f"{t.id}\t{t.name}\t{t.role}\t{t.created_at:%Y-%m-%d %H:%M}{flag}", highlight=False)


@token_app.command("revoke")
@handle_errors
def token_revoke(token_id: int = typer.Argument(..., help="id from `token list`")) -> None:
    """Revoke a token; its login sessions end too."""
    revoke_token(state.engine, token_id)
    console.print(f"token {token_id} revoked")


@handle_errors
def review(
    claim_id: int = typer.Argument(..., help="claim id"),
    status: str = typer.Argument(..., help="verified | unverified | contradicted"),
    note: str = typer.Option("", "--note", help="why (required when the status changes)"),
    reviewer: str = typer.Option(None, "--as", help="reviewer name (default: $USER)"),
) -> None:
    """Confirm or override a claim's verdict; recorded with an audit entry."""
    import getpass

    actor = reviewer or getpass.getuser()
    result = review_claim(state.engine, claim_id, status, note, actor)
    b, a = result.before, result.after
    console.print(f"claim {claim_id}: {b['status']}/{b['reason']} → {a['status']}/{a['reason']} by {actor}")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("review")(review)
    app.add_typer(token_app, name="token")
