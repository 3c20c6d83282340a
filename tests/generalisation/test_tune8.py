"""An eighth development set (tests/fixtures/tune8), written blind to the engine by a helper during stop 24:
a Simplified-Chinese 研报 digest (### items, GitHub-style [^n] footnotes with their definitions at the end, a
公司 | 指标 | 数值 table, an unsourced 本周要点 list) and an English market wrap with reference-style [text][n]
links and a "Quick hits" list; 10 captured pages (a Chinese exchange filing with its standard declaration,
an earnings release with a results table, a model launch blog, a long feature, a correction, a paywall, a
soft 404, a press release naming partners, a Chinese page quoting 亿美元, a Chinese newswire) and a dead
URL; 75 labels (31 verified, 27 contradicted, 17 unverified).

Measured when it arrived, before any of its misses were read, on the engine at the start of stop 24
(78b9efa) and on the engine of the moment (f8246a1), the same both times: numeric extraction recall 100%
(67/67), accuracy 52.0% (39/75), contradicted recall 55.6% (15/27), verified precision 68.8% (11/16) — a
blind measure. Its first miss read showed every Chinese exchange filing taken for a soft 404 (the
declaration 本公告内容不存在任何虚假记载), which also cost heldout4 and heldout5. Then tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE8 = Path(__file__).resolve().parent.parent / "fixtures" / "tune8"

MIN_NUMERIC_RECALL = 1.0  # measured 100% (67/67)
MIN_ACCURACY = 0.84  # measured 84.0% (63/75) at the end of stop 37; measured 82.7% (62/75) at the end of stop 33; measured 81.3% (61/75) at the end of stop 32; measured 80.0% (60/75) at the end of stop 31; measured 77.3% (58/75) at the end of stop 30; measured 76.0% (57/75) at the end of stop 29; measured 73.3% (55/75) at stop 26; 69.3% (52/75) at the end of stop 25
MIN_CONTRADICTED_RECALL = 0.88  # measured 88.9% (24/27) at the end of stop 33; measured 85.2% (23/27) at the end of stop 32; measured 81.5% (22/27) at the end of stop 31; measured 77.8% (21/27) at the end of stop 29; measured 74.1% (20/27) at stop 26; 66.7% (18/27) before
MIN_VERIFIED_PRECISION = 0.96  # measured 96.2% (25/26) at the end of stop 32; measured 92.6% (25/27) at the end of stop 31; measured 92.3% (24/26) at the end of stop 30; measured 92.0% (23/25) at the end of stop 29; measured 85.2% (23/27) at stop 26; 81.5% (22/27) at stop 25


@pytest.fixture(scope="module")
def tune8(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune8") / "ledger.db", TUNE8, "tune8_claims.jsonl")


def test_tune8_verdicts(tune8) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune8)
    print(report)
    assert tune8.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert tune8.accuracy >= MIN_ACCURACY, report
    assert tune8.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune8.verified_precision >= MIN_VERIFIED_PRECISION, report
