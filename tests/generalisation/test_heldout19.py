"""Nineteenth held-out set, with its own archive (tests/fixtures/heldout19/sources), written blind to the engine by
a helper at the start of stop 32: a Traditional-Chinese PTT post (the 作者/看板/標題/時間 header, paragraphs each
citing its page on a 原文連結 / 新聞來源 line under it, a 心得 paragraph citing nothing, the ※ 發信站 / 文章網址
footer, 推/噓/→ push lines) and an English LaTeX source of an industry brief (a preamble, \\section headings,
\\href{url}{label} and \\footnote{\\url{url}} citations, \\$ and \\% escapes, a tabular whose unit is in its \\caption,
% comments holding stale figures, a \\section*{Outlook} citing nothing); 11 captured pages (six in Chinese; a unit
caption, a correction note, a complete list, a paywall, a soft 404) and a dead URL; 74 labels (32 verified, 25
contradicted, 17 unverified).

Measured when it arrived, in one sitting, the same on the engine at the start of stop 32 (9bc94a4) and on the
engine of the moment: numeric extraction recall 96.8%, accuracy 50.0% (37/74), contradicted recall 32.0% (8/25),
verified precision 80.0% (12/15) (confusion, gold -> predicted: contradicted -> contradicted 8, -> unverified 12,
-> verified 3, -> missed 2; unverified -> unverified 17; verified -> verified 12, -> unverified 19, ->
contradicted 1). At the end of the stop, unchanged: no rule of the stop was written for its formats (LaTeX is
read as plain text). Stop 33 read LaTeX as the text it typesets, learnt on a LaTeX source of its own (tune20): at
its end 62.2% (46/74), 56.0% (14/25), 75.0% (15/20), numeric extraction recall 95.2%.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT19 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout19"

MIN_NUMERIC_RECALL = 0.96  # measured 96.8% (60/62) at the end of stop 37; measured 95.2% (59/62) at the end of stop 33: lowered, declared: LaTeX is now read as the text it typesets (learnt on tune20), accuracy 50.0% -> 62.2% and contradicted recall 32% -> 56%, but one numeric key is no longer extracted (60 -> 59 of 62) and two more items are falsely verified (3 -> 5); measured 96.8% on arrival
MIN_ACCURACY = 0.66  # measured 66.2% (49/74) at the end of stop 37; measured 64.9% (48/74) at the end of stop 35; measured 62.2% (46/74) at the end of stop 33; measured 50.0% (37/74) on arrival and at the end of stop 32
MIN_CONTRADICTED_RECALL = 0.64  # measured 64.0% (16/25) at the end of stop 37; measured 60.0% (15/25) at the end of stop 35; measured 32.0% (8/25) on arrival and at the end of stop 32
MIN_VERIFIED_PRECISION = 0.80  # measured 80.0% (16/20) at the end of stop 35; measured 75.0% (15/20) at the end of stop 33: lowered, declared: LaTeX is now read as the text it typesets (learnt on tune20), accuracy 50.0% -> 62.2% and contradicted recall 32% -> 56%, but one numeric key is no longer extracted (60 -> 59 of 62) and two more items are falsely verified (3 -> 5); measured 80.0% (12/15) on arrival and at the end of stop 32


@pytest.fixture(scope="module")
def heldout19(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout19") / "ledger.db", HELDOUT19, "heldout19_claims.jsonl")


def test_heldout19_verdicts(heldout19) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout19", heldout19)
    print(report)
    assert heldout19.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout19.accuracy >= MIN_ACCURACY, report
    assert heldout19.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout19.verified_precision >= MIN_VERIFIED_PRECISION, report
