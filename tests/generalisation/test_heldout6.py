"""Sixth held-out set, with its own archive (tests/fixtures/heldout6/sources), written blind to the engine
by a helper during stop 24: a Simplified-Chinese 晚报 whose items open on a bold 【融资】/【财报】/【模型】/【政策】
line and close on a "👉 原文：url" line, with a 一句话新闻 list citing "（via 站点名 url）" and an unsourced 编者按;
and an English plain-text digest with numbered "1)" headlines, indented paragraphs, "Link:" lines and an
ALSO NOTED list; 10 captured pages (a listed company's 公告 with its standard declaration and a 万元 table,
an earnings release, a funding story, a model launch with benchmark and pricing tables, a long feature, a
correction, a paywall, a soft 404, a press release listing four partners, a policy notice) and a dead URL;
75 labels (30 verified, 27 contradicted, 18 unverified).

Measured once when it arrived, in one sitting, on the engine at the start of stop 24 (78b9efa) and on the
engine of the moment (5db0354, after this stop's respective lists, Chinese subjects, filing declaration and
quarter rules): numeric extraction recall 100% both; accuracy 72.0% (54/75) → 74.7% (56/75), contradicted
recall 51.9% (14/27) → 55.6% (15/27), verified precision 78.6% (22/28) → 82.1% (23/28). Confusion at
arrival on 5db0354 (gold -> predicted): contradicted -> contradicted 15, -> verified 5, -> unverified 6,
missed 1; unverified -> unverified 18; verified -> verified 23, -> unverified 6, -> contradicted 1.
(The helper's brief asked for a filing with the standard declaration after that bug had been found on
tune8: this set is not blind to that one fix.)

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT6 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout6"

MIN_NUMERIC_RECALL = 1.00  # measured 100%
MIN_ACCURACY = 0.81  # measured 81.3% (61/75) at the end of stop 30; measured 80.0% (60/75) at the end of stop 28; measured 77.3% (58/75) at stop 26; 74.7% (56/75) on arrival (72.0% on the start-of-stop engine)
MIN_CONTRADICTED_RECALL = 0.66  # measured 66.7% (18/27) at the end of stop 30; measured 63.0% (17/27) at the end of stop 28; measured 55.6% (15/27)
MIN_VERIFIED_PRECISION = 0.92  # measured 92.6% (25/27) at the end of stop 33; measured 89.3% (25/28) at the end of stop 28; measured 83.3% (25/30) at stop 26; 82.1% (23/28) before


@pytest.fixture(scope="module")
def heldout6(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout6") / "ledger.db", HELDOUT6, "heldout6_claims.jsonl")


def test_heldout6_verdicts(heldout6) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout6", heldout6)
    print(report)
    assert heldout6.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout6.accuracy >= MIN_ACCURACY, report
    assert heldout6.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout6.verified_precision >= MIN_VERIFIED_PRECISION, report
