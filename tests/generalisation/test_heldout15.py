"""Fifteenth held-out set, with its own archive (tests/fixtures/heldout15/sources), written blind to the engine by
a helper at the end of stop 29: a Simplified-Chinese 雪球 long post copied as text ($芯衡科技(SH688721)$ tags,
"数据来源：" lines after paragraphs, a filing quoted in 「」, a closing paragraph citing nothing, the copy footer with
the post's own address) and an English Discord channel export as plain text (a Guild / Channel / Topic header,
"[11/30/2026 9:14 AM] user" messages, {Attachments}, {Embed} blocks with a title and URL, {Reactions}, replies
that do not inherit their parent's link); 10 captured pages (five in Chinese; units outside the cells, two
correction notes, a complete partner list, a paywall, a soft 404) and a dead URL; 62 labels (25 verified, 22
contradicted, 15 unverified).

Measured when it arrived, at the end of the stop, in one sitting: the same on the engine at the start of stop 29
(efa7a08) and at its end (7f99241): numeric extraction recall 100%, accuracy 62.9% (39/62), contradicted recall
36.4% (8/22), verified precision 77.3% (17/22). Confusion (gold -> predicted): contradicted -> contradicted 8,
-> unverified 10, -> verified 4; unverified -> unverified 14, -> verified 1; verified -> verified 17,
-> unverified 7, -> contradicted 1.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT15 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout15"

MIN_NUMERIC_RECALL = 1.0  # measured 100% on arrival
MIN_ACCURACY = 0.64  # measured 64.5% (40/62) at the end of stop 37; measured 62.9% (39/62) at the end of stop 33; measured 61.3% (38/62) at the end of stop 30 — lowered by one label (declared: reading 2027年一季度 as a quarter cost one contradiction); measured 62.9% (39/62) on arrival
MIN_CONTRADICTED_RECALL = 0.40  # measured 40.9% (9/22) at the end of stop 37; measured 36.4% (8/22) at the end of stop 33; measured 31.8% (7/22) at the end of stop 30 (lowered, see the accuracy floor); measured 36.4% (8/22) on arrival
MIN_VERIFIED_PRECISION = 0.80  # measured 81.0% (17/21) at the end of stop 37; measured 77.3% (17/22) on arrival


@pytest.fixture(scope="module")
def heldout15(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout15") / "ledger.db", HELDOUT15, "heldout15_claims.jsonl")


def test_heldout15_verdicts(heldout15) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout15", heldout15)
    print(report)
    assert heldout15.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout15.accuracy >= MIN_ACCURACY, report
    assert heldout15.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout15.verified_precision >= MIN_VERIFIED_PRECISION, report
