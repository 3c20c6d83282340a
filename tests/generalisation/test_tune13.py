"""A thirteenth development set (tests/fixtures/tune13), written blind to the engine by a helper during stop 28:
a Simplified-Chinese broker weekly as text pulled from a PDF (form-fed pages with running headers and footers
"第 n 页 / 共 8 页", lines hard-wrapped at about 38 characters so figures break from their units, circled
notes ①–⑩ at the foot of each page giving the URL, a space-aligned table under "表 2：…（单位：百万美元）", an
unsourced summary and recommendation) and an English X thread ("1/16 🧵" posts, emoji bullets, inline URLs,
quoted posts, a closing sources post); 10 captured pages (four in Chinese; tables with the unit in a caption
or header, a correction note, complete partner lists, a paywall, a soft 404) and a dead URL; 74 labels (29
verified, 27 contradicted, 18 unverified).

Measured when it arrived, before any of its misses were read, in one sitting: on the engine at the start of
stop 28 (da5464e) numeric extraction recall 100%, accuracy 58.1% (43/74), contradicted recall 55.6% (15/27),
verified precision 77.8% (14/18); on the engine of the moment (three rules later) the same totals. A blind
measure. Then tuned on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, misses_report

TUNE13 = Path(__file__).resolve().parent.parent / "fixtures" / "tune13"

MIN_NUMERIC_RECALL = 1.0  # measured 100% when it arrived
MIN_ACCURACY = 0.89  # measured 89.2% (66/74) at the end of stop 35; measured 86.5% (64/74) at the end of stop 32; measured 85.1% (63/74) earlier in stop 32; measured 83.8% (62/74) at the end of stop 28; measured 58.1% (43/74) when it arrived
MIN_CONTRADICTED_RECALL = 0.92  # measured 92.6% (25/27) at the end of stop 33; measured 88.9% (24/27) at the end of stop 32; measured 85.2% (23/27) earlier in stop 32; measured 81.5% (22/27) at the end of stop 28; measured 55.6% (15/27) when it arrived
MIN_VERIFIED_PRECISION = 1.00  # measured 100.0% (23/23) at the end of stop 32; measured 95.8% (23/24) at the end of stop 28; measured 77.8% (14/18) when it arrived


@pytest.fixture(scope="module")
def tune13(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("tune13") / "ledger.db", TUNE13, "tune13_claims.jsonl")


def test_tune13_verdicts(tune13) -> None:  # type: ignore[no-untyped-def]
    report = misses_report(tune13)
    print(report)
    assert tune13.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert tune13.accuracy >= MIN_ACCURACY, report
    assert tune13.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert tune13.verified_precision >= MIN_VERIFIED_PRECISION, report
