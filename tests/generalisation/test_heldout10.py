"""Tenth held-out set, with its own archive (tests/fixtures/heldout10/sources), written blind to the engine by
a helper during stop 28: a Traditional-Chinese PTT BBS post (作者 / 看板 / 標題 / 時間 header, a ─── rule,
hard-wrapped items each closed by 新聞來源： and 原文網址： lines, a 發信站 / 文章網址 signature and 推 / 噓 / →
push comments, two with a URL of their own) and an English SubRip briefing transcript (numbered, timed cues,
sentences running across cues, a closing "Links mentioned in this briefing:" block of ``[mm:ss] label — url``
lines); 10 captured pages (five in Chinese; tables with the unit in the caption, an update note correcting a
price, a complete three-partner list, a soft 404, a paywall) and a dead URL; 75 labels (30 verified, 27
contradicted, 18 unverified).

Measured when it arrived, in one sitting, on the engine at the start of stop 28 (da5464e) and on the engine of
the moment (a list's names owning the figures after them, appositive subjects, calendar-month quarters
later) the same: numeric extraction recall 98.5%, accuracy 53.3% (40/75), contradicted recall 37.0% (10/27),
verified precision 68.0% (17/25). Confusion (gold -> predicted): contradicted -> contradicted 10,
-> unverified 12, -> verified 5; unverified -> unverified 13, -> verified 3, -> contradicted 1, -> missed 1;
verified -> verified 17, -> unverified 10, -> contradicted 1, -> missed 2.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT10 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout10"

MIN_NUMERIC_RECALL = 0.98  # measured 98.5% on arrival
MIN_ACCURACY = 0.56  # measured 56.0% (42/75) at the end of stop 34; measured 54.7% (41/75) at the end of stop 33 (as at its start); measured 54.7% (41/75) at the end of stop 29; measured 53.3% (40/75) on arrival
MIN_CONTRADICTED_RECALL = 0.37  # measured 37.0% (10/27) at the end of stop 34; measured 33.3% (9/27) at the end of stop 33: lowered, declared: a claim whose section cites nothing is no longer contradicted by a page figure that merely differs and shares none of its digits, which took two of this set's contradictions and the amount-noun rule gave one back (37.0% at its start); measured 37.0% (10/27) on arrival
MIN_VERIFIED_PRECISION = 0.69  # measured 69.2% (18/26) at the end of stop 29; measured 68.0% (17/25) on arrival


@pytest.fixture(scope="module")
def heldout10(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout10") / "ledger.db", HELDOUT10, "heldout10_claims.jsonl")


def test_heldout10_verdicts(heldout10) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout10", heldout10)
    print(report)
    assert heldout10.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout10.accuracy >= MIN_ACCURACY, report
    assert heldout10.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout10.verified_precision >= MIN_VERIFIED_PRECISION, report
