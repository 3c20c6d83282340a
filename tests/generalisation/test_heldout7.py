"""Seventh held-out set, with its own archive (tests/fixtures/heldout7/sources), written blind to the engine
by a helper during stop 25: a Hong Kong Traditional-Chinese "channel" of emoji-headlined posts, each closing
on a "🔗 url" line (one on two), separated by "—" lines, with an unsourced 「小編點評」; and an English markdown
timeline ("## Week of November 23", entries led by "**Mon 11/23** —", each ending "([Site](url))"); 10
captured pages (a results release with a two-period table, a HKEX placing announcement in 港元 億/萬, a long
analysis, a correction, a paywall, a soft 404, a complete members list, a Taiwanese news page, a pricing
table of five instance models, a UK results announcement in £) and a dead URL; 72 labels (29 verified,
25 contradicted, 18 unverified).

Measured once when it arrived, in one sitting, on the engine at the start of stop 25 (c607717) and on the
engine of the moment (stop 25's dateline and column rules in the working tree): the same both times —
numeric extraction recall 100%, accuracy 70.8% (51/72), contradicted recall 56.0% (14/25), verified
precision 79.3% (23/29). Confusion (gold -> predicted): contradicted -> contradicted 14, -> unverified 7,
-> verified 4; unverified -> unverified 14, -> verified 2, missed 2; verified -> verified 23, -> unverified
5, -> contradicted 1.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT7 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout7"

MIN_NUMERIC_RECALL = 1.00  # measured 100%
# lowered by one label at stop 29: a number glued to capitals by a hyphen before a noun ("NX-9 racks", "F-35
# fighters") is a designation, not a count; that cost this set one contradiction (totals only, its item unseen)
# while it fixed two of the sixth tuning set and one label of the eighth held-out set (declared in the README)
MIN_ACCURACY = 0.70  # measured 70.8% (51/72) at the end of stop 32; measured 69.4% (50/72) at the end of stop 30 — lowered by two labels (declared: the period-end date rule and the far-apart counts rule each cost one contradiction here, decided on tuning sets and other held-out sets); measured 72.2% (52/72) at stop 29; 73.6% (53/72) at the end of stop 27 (H1/H2 read as halves); 70.8% (51/72) on arrival
MIN_CONTRADICTED_RECALL = 0.56  # measured 56.0% (14/25) at the end of stop 34; measured 52.0% (13/25) at the end of stop 32; measured 48.0% (12/25) at the end of stop 30 (lowered, see the accuracy floor); measured 56.0% (14/25) at stop 29; 60.0% (15/25) at the end of stop 25; 56.0% (14/25) on arrival
MIN_VERIFIED_PRECISION = 0.82  # measured 82.8% (24/29) at the end of stop 34; measured 80.0% (24/30) at the end of stop 27; 79.3% (23/29) before


@pytest.fixture(scope="module")
def heldout7(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout7") / "ledger.db", HELDOUT7, "heldout7_claims.jsonl")


def test_heldout7_verdicts(heldout7) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout7", heldout7)
    print(report)
    assert heldout7.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout7.accuracy >= MIN_ACCURACY, report
    assert heldout7.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout7.verified_precision >= MIN_VERIFIED_PRECISION, report
