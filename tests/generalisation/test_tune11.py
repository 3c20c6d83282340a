"""An eleventh development set (tests/fixtures/tune11), written blind to the engine by a helper during stop 26:
a Simplified-Chinese podcast transcript (``[mm:ss] 主持人：`` / ``嘉宾（…）：`` turns citing ``（见链接 n）``, resolved
through a closing 节目单 list of ``n. 标题 — url``) and an English investor email digest (``Subject:`` / ``From:``
headers, ``•`` bullets, ``>`` analyst quotes, each section closing on ``Read more → url``, one on two); 10
captured pages (four in Chinese; tables with a units row and a unit caption, a Chinese update note and an
English correction revising a figure, a paywall, a soft 404, a complete member list naming a non-member) and a
dead URL; 68 labels (27 verified, 24 contradicted, 17 unverified).

Measured when it arrived, before any of its misses were read, in one sitting: on the engine at the start of
stop 26 (c8d54ab) and on the engine of the moment (one table-column rule later) the same — numeric extraction
recall 98.4%, accuracy 64.7% (44/68), contradicted recall 58.3% (14/24), verified precision 85.0% (17/20). A
blind measure. Then tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE11 = Path(__file__).resolve().parent.parent / "fixtures" / "tune11"

MIN_NUMERIC_RECALL = 1.0  # measured 100% (62/62) at stop 26 ("2Q27"); 98.4% when it arrived
MIN_ACCURACY = 0.89  # measured 89.7% (61/68) at the end of stop 34; measured 86.8% (59/68) at the end of stop 32; measured 85.3% (58/68) at the end of stop 31; measured 82.4% (56/68) at stop 31 — lowered by one label, declared: computing power read in its unit (EFLOPS) loses a contradiction the page's total had given for the wrong reason; measured 83.8% (57/68) at the end of stop 29; measured 82.4% (56/68) at the end of stop 27 (Q3 read as a quarter); 80.9% (55/68) at the end of stop 26; 64.7% (44/68) when it arrived
MIN_CONTRADICTED_RECALL = 0.87  # measured 87.5% (21/24) at the end of stop 34; measured 79.2% (19/24) at the end of stop 31; measured 75.0% (18/24) at stop 31 (lowered by the same label, declared); measured 79.2% (19/24) at the end of stop 29; measured 75.0% (18/24) at the end of stop 27; 70.8% (17/24) at the end of stop 26; 58.3% (14/24) when it arrived
MIN_VERIFIED_PRECISION = 0.89  # measured 89.3% (25/28) at the end of stop 32; measured 88.9% (24/27) at the end of stop 31; 88.5% (23/26) at stop 31 (the same label, now verified by another company's row: declared); measured 92.0% (23/25) at the end of stop 26; 85.0% (17/20) when it arrived


@pytest.fixture(scope="module")
def tune11(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune11") / "ledger.db", TUNE11, "tune11_claims.jsonl")


def test_tune11_verdicts(tune11) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune11)
    print(report)
    assert tune11.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert tune11.accuracy >= MIN_ACCURACY, report
    assert tune11.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune11.verified_precision >= MIN_VERIFIED_PRECISION, report
