"""Entry point: ``claimledger [--db URL] COMMAND``. Command groups live in sibling modules."""

from __future__ import annotations

import importlib

import typer

from verifier.cli.context import read_command, state
from verifier.settings import Settings

app = typer.Typer(
    help="claimledger: extract checkable claims from reports, track their sources, verify them.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


READ_COMMANDS = frozenset({"claims", "report", "export", "summary", "eval"})


@app.callback()
def main(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", help="SQLAlchemy URL of the ledger (env CLAIMLEDGER_DATABASE_URL)", show_default=False
    ),
) -> None:
    """Global options."""
    if db:
        state.settings = Settings(database_url=db)
        state._engine = None
    state.must_exist = False
    if ctx.invoked_subcommand in READ_COMMANDS:
        read_command()  # a mistyped --db must not create an empty ledger


# Each command group registers its commands on ``app``.
for _name in ("ledger", "sources", "verify", "service", "recheck", "pages"):
    importlib.import_module(f"verifier.cli.{_name}").register(app)
