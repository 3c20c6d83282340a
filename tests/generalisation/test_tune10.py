"""A tenth development set (tests/fixtures/tune10), written blind to the engine by a helper during stop 25:
a Simplified-Chinese investor FAQ (``### Q:`` questions, ``A:`` answers each closing on ``参考：url``, one on
two URLs split by a full-width ``；``, an unsourced 小结) and English earnings call notes (numbered ``1)``
sections of ``- `` bullets, each closing on a ``Sources:`` line of ``<url>`` autolinks; $, €, £, ¥, HK$,
CNY, bn/m, basis points, multiples, fiscal quarters, weekdays); 10 captured pages (an earnings release with
a "(in millions …)" table, a 公告 with a 单位：万元 table, a long analysis, a correction, a paywall, a soft
404, three named partners, a Chinese news page, a Hong Kong results story, a London results announcement)
and a dead URL; 74 labels (29 verified, 27 contradicted, 18 unverified).

Measured when it arrived, before any of its misses were read, in one sitting: on the engine at the start of
stop 25 (c607717) numeric extraction recall 98.5% (67/68), accuracy 54.1% (40/74), contradicted recall
29.6% (8/27), verified precision 88.2% (15/17); on the engine of the moment (the stop's dateline and
column rules, uncommitted) 52.7% (39/74), 29.6%, 87.5% (14/16) — a blind measure. Then tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE10 = Path(__file__).resolve().parent.parent / "fixtures" / "tune10"

MIN_NUMERIC_RECALL = 1.0  # measured 100% (68/68) at the end of stop 25 ('+150bp'); 98.5% (67/68) when it arrived
MIN_ACCURACY = 0.94  # measured 94.6% (70/74) at the end of stop 33; measured 91.9% (68/74) at the end of stop 28; measured 86.5% (64/74) at the end of stop 27 (a fiscal half, 'N times', capex); 82.4% (61/74) at stop 25; 54.1% (40/74) when it arrived
MIN_CONTRADICTED_RECALL = 0.88  # measured 88.9% (24/27) at the end of stop 33; measured 85.2% (23/27) at the end of stop 28; measured 70.4% (19/27) at the end of stop 27; 63.0% (17/27) at stop 25; 29.6% (8/27) when it arrived
MIN_VERIFIED_PRECISION = 1.00  # measured 100.0% (28/28) at the end of stop 33; measured 100% (27/27) at the end of stop 25; 88.2% (15/17) when it arrived


@pytest.fixture(scope="module")
def tune10(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune10") / "ledger.db", TUNE10, "tune10_claims.jsonl")


def test_tune10_verdicts(tune10) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune10)
    print(report)
    assert tune10.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert tune10.accuracy >= MIN_ACCURACY, report
    assert tune10.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune10.verified_precision >= MIN_VERIFIED_PRECISION, report
