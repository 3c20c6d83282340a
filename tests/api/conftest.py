"""An app over a seeded ledger (SQLite and PostgreSQL through ``db_url``)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from tests.api.factories import Seed, seed_ledger
from verifier.api import create_app
from verifier.settings import Settings


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, secret_key="test-secret", run_scheduler=False)


@pytest.fixture
def seed(engine: Engine) -> Seed:
    return seed_ledger(engine)


@pytest.fixture
def client(settings: Settings, engine: Engine, seed: Seed) -> TestClient:
    return TestClient(create_app(settings, engine))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
