"""The fifth development set (tests/fixtures/tune5), written blind to the engine by a helper at the end of
stop 22: a Simplified WeChat-style article with 来源 lines and a 数据一览 table, and an English weekly
roundup with [^n] footnotes; 9 captured pages (a Hong Kong exchange notice in Traditional Chinese, a
Japanese results page in billion yen with a quarterly table, a Korean chipmaker story in won, an 8-K
excerpt, a funding story, a long feature with other companies' figures, a correction, a soft 404, a
results table with a year-ago column) and a dead URL; 59 labels (26 verified, 22 contradicted, 11
unverified).

Measured when it arrived (engine at c939f3f, late in stop 22): 67.8% (40/59),
contradicted recall 40.9% (9/22), verified precision 75.0% (21/28) — a blind measure of that engine,
close to where the third held-out set stood at the start of the stop. Then tuned on (its misses are
printed): 81.4% (48/59), 63.6% (14/22), 80.0% (24/30) at stop 22; 86.4%, 77.3%, 92.3% at stop 23
(swapped pairs whose page words overlap, a rival's figure under a headline of the claim's measure).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE5 = Path(__file__).resolve().parent.parent / "fixtures" / "tune5"

MIN_ACCURACY = 0.94  # measured 94.9% (56/59) at the end of stop 37; measured 93.2% (55/59) at the end of stop 29; measured 91.5% (54/59) at the end of stop 28; measured 86.4% (51/59) at stop 23, 81.4% (48/59) at stop 22; 67.8% when it arrived
MIN_CONTRADICTED_RECALL = 0.90  # measured 90.9% (20/22) at the end of stop 37; measured 86.4% (19/22) at the end of stop 28; measured 77.3% (17/22) at stop 23, 63.6% (14/22) at stop 22; 40.9% when it arrived
MIN_VERIFIED_PRECISION = 0.96  # measured 96.0% (24/25) at stop 25, 92.3% (24/26) at stop 23, 80.0% (24/30) at stop 22; 75.0% when it arrived


@pytest.fixture(scope="module")
def tune5(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune5") / "ledger.db", TUNE5, "tune5_claims.jsonl")


def test_tune5_verdicts(tune5) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune5)
    print(report)
    assert tune5.accuracy >= MIN_ACCURACY, report
    assert tune5.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune5.verified_precision >= MIN_VERIFIED_PRECISION, report
