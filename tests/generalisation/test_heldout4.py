"""Fourth held-out set, with its own archive (tests/fixtures/heldout4/sources), written blind to the engine
by a helper at the start of stop 23: a Simplified-Chinese markdown daily whose bullets end in [原文](url)
links, under an unsourced 今日速览, and an English plain-text newsletter with numbered items and bare-URL
"Source:" lines; 9 captured pages (a long feature, an earnings table, a Chinese financing story, a
correction, a paywall, a soft 404, a product launch page, an exchange filing, a Chinese industry story)
and a dead URL; 65 labels (30 verified, 21 contradicted, 14 unverified).

Measured once when it arrived (engine at 2cdb083): numeric extraction recall 98.1% (53/54), accuracy
58.5% (38/65), contradicted recall 23.8% (5/21), verified precision 82.1% (23/28). Confusion (gold ->
predicted): contradicted -> contradicted 5, -> unverified 11, -> verified 4, missed 1; unverified ->
unverified 10, -> contradicted 3, -> verified 1; verified -> verified 23, -> unverified 5, ->
contradicted 1, missed 1. At the end of stop 23: numeric recall 100% (54/54), 60.0% (39/65), 23.8%
(5/21), 82.8% (24/29) — moved by one general extraction fix found on the seventh set (a decimal opening a
bullet, "- **40.5%** —", was read as the list number 40.); none of this set's items was looked at.
At stop 24: 69.2% (45/65), 38.1% (8/21), 84.4% (27/32) — a general fix found on the eighth set: a Chinese
exchange filing's standard declaration (本公告内容不存在任何虚假记载) no longer reads as a not-found page, so
this set's exchange filing is read (the capture-state check, not any item, showed it had been a "soft 404").

Only totals and the confusion matrix are printed, never which items were missed: the set stays held
out. Floors sit at what was measured and are raised as the engine improves, never lowered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT4 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout4"

MIN_NUMERIC_RECALL = 1.00  # measured 100% (54/54) at the end of stop 23; 98.1% (53/54) on arrival
MIN_ACCURACY = 0.84  # measured 84.6% (55/65) at the end of stop 37; measured 83.1% (54/65) at the end of stop 34; measured 81.5% (53/65) at the end of stop 31; measured 78.5% (51/65) at the end of stop 28; measured 75.4% (49/65) at stop 25; 72.3% (47/65) at stop 24; 60.0% (39/65) at the end of stop 23; 58.5% (38/65) on arrival
MIN_CONTRADICTED_RECALL = 0.71  # measured 71.4% (15/21) at the end of stop 37; measured 66.7% (14/21) at the end of stop 34; measured 61.9% (13/21) at the end of stop 31; measured 52.4% (11/21) at the end of stop 28; measured 42.9% (9/21) at stop 24 (38.1% before the quarter reading); 23.8% (5/21) at stop 23
MIN_VERIFIED_PRECISION = 0.90  # measured 90.6% (29/32) at the end of stop 34; measured 87.9% (29/33) at the end of stop 28; measured 85.7% (30/35) at stop 25; 84.8% (28/33) at stop 24; 82.1% (23/28) on arrival


@pytest.fixture(scope="module")
def heldout4(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout4") / "ledger.db", HELDOUT4, "heldout4_claims.jsonl")


def test_heldout4_verdicts(heldout4) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout4", heldout4)
    print(report)
    assert heldout4.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout4.accuracy >= MIN_ACCURACY, report
    assert heldout4.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout4.verified_precision >= MIN_VERIFIED_PRECISION, report
