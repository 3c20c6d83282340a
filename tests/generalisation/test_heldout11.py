"""Eleventh held-out set, with its own archive (tests/fixtures/heldout11/sources), written blind to the engine by
a helper during stop 28: a Simplified-Chinese Weibo long post (an account line "发布于 … 来自 微博网页版", #话题#
hashtags, @mentions, 【一、…】 items citing "网页链接（url）" or a URL on the line below, an unsourced opening and
close, and a closing "转发 | 评论 | 赞" counters line) and an English newsletter as ``lynx -dump`` renders it ("[n]"
markers before the linked words, text wrapped at 76 columns, ===== / ----- rules, a closing References list of
"  n. url" lines, the newsletter's own view-in-browser and unsubscribe links among them); 10 captured pages (five
in Chinese; tables with the unit in the caption, three notes revising a figure, complete lists in Chinese and in
English, a soft 404, a paywall) and a dead URL; 75 labels (30 verified, 27 contradicted, 18 unverified).

Measured when it arrived, in one sitting: on the engine at the start of stop 28 (da5464e) numeric extraction
recall 100%, accuracy 66.7% (50/75), contradicted recall 55.6% (15/27), verified precision 72.4% (21/29); on the
engine of the moment (e5f6a48: the stop's thread, PDF-text, footnote-scope and alignment rules) accuracy 68.0%
(51/75), contradicted recall 55.6% (15/27), verified precision 75.0% (21/28). Confusion at e5f6a48 (gold ->
predicted): contradicted -> contradicted 15, -> unverified 6, -> verified 6; unverified -> unverified 15,
-> contradicted 2, -> verified 1; verified -> verified 21, -> unverified 7, -> contradicted 2.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT11 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout11"

MIN_NUMERIC_RECALL = 1.0  # measured 100% on arrival
MIN_ACCURACY = 0.73  # measured 73.3% (55/75) at the end of stop 36; measured 72.0% (54/75) at the end of stop 34; measured 70.7% (53/75) at the end of stop 31; measured 69.3% (52/75) at the end of stop 30; measured 68.0% (51/75) on arrival at e5f6a48; 66.7% (50/75) at da5464e
MIN_CONTRADICTED_RECALL = 0.66  # measured 66.7% (18/27) at the end of stop 36; measured 63.0% (17/27) at the end of stop 34; measured 59.3% (16/27) at the end of stop 31; measured 55.6% (15/27) on arrival
MIN_VERIFIED_PRECISION = 0.81  # measured 81.5% (22/27) at the end of stop 36; measured 78.6% (22/28) at the end of stop 31; measured 75.9% (22/29) at the end of stop 30; measured 75.0% (21/28) on arrival at e5f6a48; 72.4% (21/29) at da5464e


@pytest.fixture(scope="module")
def heldout11(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout11") / "ledger.db", HELDOUT11, "heldout11_claims.jsonl")


def test_heldout11_verdicts(heldout11) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout11", heldout11)
    print(report)
    assert heldout11.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout11.accuracy >= MIN_ACCURACY, report
    assert heldout11.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout11.verified_precision >= MIN_VERIFIED_PRECISION, report
