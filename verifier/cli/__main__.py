"""``python -m verifier.cli`` runs the CLI (handy in tests and without the console script)."""

from verifier.cli.main import app

app()
