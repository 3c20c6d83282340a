"""The verdict gates of our labelled development and held-out sets (tests/fixtures/tuneN, tests/fixtures/heldoutN):
each set's reports ingested, its archive imported, verified offline and scored against its labels, then held to
the floors below. A tuning set prints its misses, which are read when the engine is tuned; a held-out set prints
only its totals and confusion matrix, never which items it missed, so that it stays held out.

Floors sit at what was measured, truncated to two decimals; they are raised as the engine improves and never
lowered silently (a lowered floor says why in HISTORY.md). HISTORY.md keeps, per set, what it is, what it
measured when it arrived and every floor's past. The devset, the seed gold and the first three held-out sets have
gates of their own (test_devset.py, tests/verification/test_gold_accuracy.py, test_heldout.py, test_heldout2.py,
test_heldout3.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.generalisation.labelled_set import FIXTURES, evaluate_set, misses_report, totals_report


@dataclass(frozen=True)
class Floors:
    """The least each measure of a set may be."""

    numeric_recall: float
    accuracy: float
    contradicted_recall: float
    verified_precision: float


# name: Floors(numeric recall, accuracy, contradicted recall, verified precision)
FLOORS = {
    "tune4": Floors(1.00, 0.98, 0.96, 1.00),
    "tune5": Floors(1.00, 0.94, 0.90, 0.96),
    "tune6": Floors(1.00, 0.92, 0.96, 0.96),
    "tune7": Floors(1.00, 0.94, 0.88, 0.96),
    "tune8": Floors(1.00, 0.86, 0.96, 1.00),
    "tune9": Floors(1.00, 0.86, 0.88, 1.00),
    "tune10": Floors(1.00, 0.94, 0.88, 1.00),
    "tune11": Floors(1.00, 0.89, 0.87, 0.89),
    "tune12": Floors(0.98, 0.92, 0.91, 0.92),
    "tune13": Floors(1.00, 0.89, 0.92, 1.00),
    "tune14": Floors(0.98, 0.90, 0.80, 0.93),
    "tune15": Floors(1.00, 0.84, 0.76, 0.92),
    "tune16": Floors(0.98, 0.86, 0.80, 1.00),
    "tune17": Floors(1.00, 0.87, 0.88, 1.00),
    "tune18": Floors(1.00, 0.94, 0.96, 0.96),
    "tune19": Floors(1.00, 0.92, 1.00, 1.00),
    "tune20": Floors(1.00, 0.94, 0.92, 1.00),
    "tune21": Floors(1.00, 0.92, 0.88, 0.96),
    "tune22": Floors(1.00, 0.92, 0.88, 0.94),
    "tune23": Floors(0.98, 0.89, 0.84, 0.96),
    "tune24": Floors(1.00, 0.92, 0.92, 0.93),
    "tune25": Floors(1.00, 0.93, 0.92, 0.96),
    "tune26": Floors(1.00, 0.92, 0.80, 0.96),
    "tune27": Floors(1.00, 0.78, 0.76, 0.96),
    "tune28": Floors(1.00, 0.81, 0.72, 1.00),
    "tune29": Floors(0.98, 0.88, 0.80, 0.96),
    "tune30": Floors(1.00, 0.92, 0.88, 1.00),
    "tune31": Floors(1.00, 0.92, 0.88, 1.00),
    "tune32": Floors(1.00, 0.90, 0.88, 0.90),
    "tune33": Floors(0.98, 0.70, 0.44, 0.81),
    "tune34": Floors(0.98, 0.85, 0.76, 0.90),
    "heldout4": Floors(1.00, 0.86, 0.76, 0.90),
    "heldout5": Floors(1.00, 0.88, 0.81, 0.965),
    "heldout6": Floors(1.00, 0.81, 0.66, 0.92),
    "heldout7": Floors(1.00, 0.72, 0.60, 0.83),
    "heldout8": Floors(0.98, 0.78, 0.68, 0.76),
    "heldout9": Floors(1.00, 0.76, 0.62, 0.88),
    "heldout10": Floors(0.98, 0.54, 0.40, 0.69),
    "heldout11": Floors(1.00, 0.74, 0.70, 0.84),
    "heldout12": Floors(1.00, 0.68, 0.61, 0.90),
    "heldout13": Floors(1.00, 0.69, 0.57, 0.90),
    "heldout14": Floors(0.98, 0.56, 0.37, 0.85),
    "heldout15": Floors(1.00, 0.69, 0.54, 0.77),
    "heldout16": Floors(1.00, 0.82, 0.79, 0.92),
    "heldout17": Floors(1.00, 0.70, 0.56, 0.85),
    "heldout18": Floors(0.98, 0.75, 0.68, 0.89),
    "heldout19": Floors(0.96, 0.66, 0.64, 0.77),
    "heldout20": Floors(0.98, 0.62, 0.44, 1.00),
    "heldout21": Floors(0.96, 0.74, 0.68, 0.92),
    "heldout22": Floors(0.96, 0.56, 0.32, 0.77),
    "heldout23": Floors(0.96, 0.72, 0.60, 0.92),
    "heldout24": Floors(1.00, 0.73, 0.56, 0.84),
    "heldout25": Floors(0.96, 0.72, 0.60, 0.92),
    "heldout26": Floors(0.98, 0.54, 0.44, 0.93),
    "heldout27": Floors(0.95, 0.66, 0.44, 0.75),
    "heldout28": Floors(0.98, 0.72, 0.52, 0.81),
    "heldout29": Floors(1.00, 0.74, 0.64, 0.83),
    "heldout30": Floors(1.00, 0.77, 0.60, 0.96),
    "heldout31": Floors(0.98, 0.62, 0.48, 0.85),
    "heldout32": Floors(0.96, 0.64, 0.56, 0.77),
    "heldout33": Floors(1.00, 0.44, 0.32, 0.78),
    "heldout34": Floors(0.98, 0.74, 0.68, 0.82),
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_verdicts(name: str, tmp_path: Path) -> None:
    floors = FLOORS[name]
    result = evaluate_set(tmp_path / "ledger.db", FIXTURES / name, f"{name}_claims.jsonl")
    report = totals_report(name, result) if name.startswith("heldout") else misses_report(result)
    print(report)
    assert result.numeric_recall >= floors.numeric_recall, report
    assert result.accuracy >= floors.accuracy, report
    assert result.contradicted_recall >= floors.contradicted_recall, report
    assert result.verified_precision >= floors.verified_precision, report
