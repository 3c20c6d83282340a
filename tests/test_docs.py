"""The README tells the truth: every CLI command and every setting is documented there."""

from __future__ import annotations

import typer.main

from tests.conftest import ROOT
from verifier.cli.main import app
from verifier.settings import Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _command_names(group: typer.Typer, prefix: str = "") -> list[str]:
    click_group = typer.main.get_command(group)
    names: list[str] = []

    def walk(cmd, path: str) -> None:  # type: ignore[no-untyped-def]
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, f"{path} {name}".strip())
        else:
            names.append(path)

    walk(click_group, prefix)
    return names


def test_every_cli_command_is_in_the_readme() -> None:
    names = _command_names(app)
    assert len(names) >= 10
    missing = [n for n in names if f"claimledger {n}" not in README]
    assert not missing, f"commands not documented in README.md: {missing}"


def test_every_setting_is_in_the_readme() -> None:
    missing = [
        f"CLAIMLEDGER_{name.upper()}" for name in Settings.model_fields if f"CLAIMLEDGER_{name.upper()}" not in README
    ]
    assert not missing, f"settings not documented in README.md: {missing}"
