"""Fifth held-out set, with its own archive (tests/fixtures/heldout5/sources), written blind to the engine
by a helper late in stop 23: a Simplified-Chinese plain-text weekly (一、… sections, "（来源：站点名 url）" at
the end of each paragraph, an unsourced 本周观察) and an English markdown newsletter with [n] markers and a
"## Sources" list; 9 captured pages (a listed company's 公告 with 本报告期 / 上年同期 columns, a funding
story, an earnings table, a long feature, a data-centre release in MW, a correction, a regulator notice,
a soft 404, a paywall) and a dead URL; 67 labels (31 verified, 22 contradicted, 14 unverified).

Measured once when it arrived, on the engine at the end of stop 23 (b527dfa) and, in the same session,
on the engine at the start of the stop (71d7a3e): the same both times — numeric extraction recall 100%
(60/60), accuracy 73.1% (49/67), contradicted recall 63.6% (14/22), verified precision 95.7% (22/23).
Confusion (gold -> predicted): contradicted -> contradicted 14, -> unverified 6, -> verified 1, missed 1;
unverified -> unverified 13, -> contradicted 1; verified -> verified 22, -> unverified 9.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves, never lowered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT5 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout5"

MIN_NUMERIC_RECALL = 1.00  # measured 100% (60/60)
MIN_ACCURACY = 0.86  # measured 86.6% (58/67) at the end of stop 29; measured 85.1% (57/67) at stops 24 and 25 (a filing no longer read as a not-found page); 73.1% (49/67) on arrival
MIN_CONTRADICTED_RECALL = 0.81  # measured 81.8% (18/22) at stops 24 and 25; 63.6% (14/22) on arrival
MIN_VERIFIED_PRECISION = 0.965  # measured 96.6% (28/29) at the end of stop 29; measured 96.4% (27/28) at stop 26; 96.3% (26/27) at stop 24; 95.7% (22/23) on arrival


@pytest.fixture(scope="module")
def heldout5(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout5") / "ledger.db", HELDOUT5, "heldout5_claims.jsonl")


def test_heldout5_verdicts(heldout5) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout5", heldout5)
    print(report)
    assert heldout5.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout5.accuracy >= MIN_ACCURACY, report
    assert heldout5.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout5.verified_precision >= MIN_VERIFIED_PRECISION, report
