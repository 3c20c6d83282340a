"""Extraction recall on the gold set: floors for each kind (never lowered silently)."""

from __future__ import annotations

import pytest

from tests.claims.recall import gold_recall
from tests.conftest import GOLD, REPORTS_DIR

FLOORS = {"money": 0.95, "percent": 0.95, "count": 0.95, "date": 0.95, "version": 0.95, "fact": 0.80}


@pytest.fixture(scope="module")
def recall() -> tuple:
    return gold_recall(GOLD, REPORTS_DIR)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recall_floor(recall: tuple, kind: str) -> None:
    found, total, missed = recall
    assert total[kind] > 0, f"no gold items of kind {kind}"
    rate = found[kind] / total[kind]
    misses = [(m["report"], m["key"]) for m in missed if m["kind"] == kind]
    assert rate >= FLOORS[kind], f"{kind} recall {rate:.1%} below {FLOORS[kind]:.0%}; missed {misses}"
