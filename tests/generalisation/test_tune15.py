"""A fifteenth development set (tests/fixtures/tune15), written blind to the engine by a helper during stop 29:
a Simplified-Chinese 知乎 answer copied from the page (question title, answerer and 头衔 lines, 谢邀, 编辑于 … IP
属地, "链接：url" lines and [n] marks with a closing 参考 list, a 「」 quote, a **结论** line, the 赞同 / 评论 bar,
zero-width spaces of the page copy, and the 作者 / 链接 / 来源：知乎 attribution naming the answer's own address) and
English podcast show notes (channel and episode lines, "In this episode", a chapter list "00:00 Intro" whose
timestamps are no figures, a "Links mentioned" list labelling each URL by its story, a sponsor block with promo
figures, hashtags); 10 captured pages (five in Chinese; tables with the unit in a caption or header, a correction
note, a complete partner list, a paywall, a soft 404) and a dead URL; 75 labels (31 verified, 25 contradicted,
19 unverified).

Measured when it arrived, before any of its misses were read, in one sitting: on the engine at the start of stop
29 (efa7a08) numeric extraction recall 95.0%, accuracy 56.0% (42/75), contradicted recall 36.0% (9/25), verified
precision 84.2% (16/19); on the engine of the moment (a3eb712: the stop's rules so far) accuracy 66.7% (50/75),
contradicted recall 56.0% (14/25), verified precision 87.0% (20/23). A blind measure. Then tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE15 = Path(__file__).resolve().parent.parent / "fixtures" / "tune15"

MIN_NUMERIC_RECALL = 0.98  # measured 98.3% (59/60) at the end of stop 37; measured 95.0% when it arrived
MIN_ACCURACY = 0.81  # measured 81.3% (61/75) at the end of stop 37; measured 78.7% (59/75) at the end of stop 34; measured 77.3% (58/75) at the end of stop 33: lowered, declared: two contradictions that were right by coincidence (a page's dateline, '42家') are unverified under the rule for claims whose section cites nothing; measured 78.7% (59/75) at the end of stop 32; measured 77.3% (58/75) at the end of stop 31; measured 72.0% (54/75) at the end of stop 30; measured 70.7% (53/75) at the end of stop 29; measured 66.7% (50/75) on arrival at a3eb712; 56.0% (42/75) at efa7a08
MIN_CONTRADICTED_RECALL = 0.76  # measured 76.0% (19/25) at the end of stop 37; measured 68.0% (17/25) at the end of stop 34; measured 64.0% (16/25) at the end of stop 33: lowered, declared: two contradictions that were right by coincidence (a page's dateline, '42家') are unverified under the rule for claims whose section cites nothing; measured 72.0% (18/25) at the end of stop 32; measured 68.0% (17/25) at the end of stop 31; measured 56.0% (14/25) on arrival at a3eb712; 36.0% (9/25) at efa7a08
MIN_VERIFIED_PRECISION = 0.92  # measured 92.3% (24/26) at the end of stop 33; measured 88.9% (24/27) at the end of stop 31; measured 88.5% (23/26) at the end of stop 29; measured 87.0% (20/23) on arrival at a3eb712; 84.2% (16/19) at efa7a08


@pytest.fixture(scope="module")
def tune15(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune15") / "ledger.db", TUNE15, "tune15_claims.jsonl")


def test_tune15_verdicts(tune15) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune15)
    print(report)
    assert tune15.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert tune15.accuracy >= MIN_ACCURACY, report
    assert tune15.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune15.verified_precision >= MIN_VERIFIED_PRECISION, report
