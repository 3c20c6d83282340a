"""Sessions and secrets (issue 11, item 10): no forged login from a read-only copy of the ledger."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from claims.errors import ConfigError
from tests.conftest import ROOT
from verifier.auth import (
    check_secret_for_bind,
    server_secret,
)
from verifier.settings import Settings


def test_a_random_secret_is_generated_once_and_kept_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "conf" / "secret_key"
    s = Settings(secret_key="", secret_file=str(path))
    first = server_secret(s)
    assert len(first) >= 40 and first != "change-me"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert server_secret(Settings(secret_key="", secret_file=str(path))) == first


def test_a_known_default_secret_is_refused_beyond_loopback() -> None:
    for host in ("0.0.0.0", "192.168.1.5", "::", "example.org"):
        with pytest.raises(ConfigError):
            check_secret_for_bind("change-me", host)
    for host in ("127.0.0.1", "::1", "localhost"):
        check_secret_for_bind("change-me", host)
    check_secret_for_bind("a-long-random-secret-xyz", "0.0.0.0")


def test_datasette_metadata_hides_the_token_table() -> None:
    meta = json.loads((ROOT / "docs" / "datasette-metadata.json").read_text())
    db = meta["databases"]["claimledger"]
    assert db["tables"]["apitoken"]["hidden"] is True and db["tables"]["apitoken"]["allow"] is False
    assert db["allow_sql"] is False
    assert {"claim", "source", "verdict", "verdictevent", "snapshot", "evidence"} <= set(db["tables"])
