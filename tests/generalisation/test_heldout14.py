"""Fourteenth held-out set, with its own archive (tests/fixtures/heldout14/sources), written blind to the engine by
a helper during stop 29: a Simplified-Chinese 小红书 note copied as text (an emoji title, 1️⃣–8️⃣ items each closed
by "👉原文：url" or "（来源：财联社 url）", casual figures such as 18个亿, 1.3k+, 85w+, 近千万, 翻了3倍, #话题[话题]#
tags, "编辑于 11-30 上海", an opinion paragraph citing nothing, 赞/收藏/评论 counts) and an English LinkedIn post
("1d • Edited • 🌐", "→" bullets, markers (1)–(10) to a closing numbered "Sources:" list, lnkd.in short links that
are no usable citation, reactions and comments counts); 10 captured pages (five in Chinese; tables with the unit
in a caption or header, a correction note, a complete partner list, a paywall, a soft 404) and a dead URL; 74
labels (30 verified, 27 contradicted, 17 unverified).

Measured when it arrived, in one sitting: on the engine at the start of stop 29 (efa7a08) numeric extraction
recall 98.3%, accuracy 51.4% (38/74), contradicted recall 44.4% (12/27), verified precision 65.4% (17/26); on the
engine of the moment (d324568) accuracy 52.7% (39/74), contradicted recall 44.4% (12/27), verified precision
70.8% (17/24); the same at the end of the stop (between, a narrower designation rule read 48.1% (13/27) and
68.0% (17/25)). Confusion on arrival at d324568 (gold -> predicted): contradicted -> contradicted 12,
-> unverified 10, -> verified 5; unverified -> unverified 10, -> contradicted 3, -> verified 2, -> missed 2;
verified -> verified 17, -> unverified 7, -> contradicted 5, -> missed 1.

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT14 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout14"

MIN_NUMERIC_RECALL = 0.98  # measured 98.3% on arrival
MIN_ACCURACY = 0.55  # measured 55.4% (41/74) at the end of stop 33; measured 54.1% (40/74) at the end of stop 32 — lowered, declared: a note's points each rest on their own 🔗 link lines now (stop 32), which takes 2 of its false verifications and 3 false contradictions away but leaves 4 contradictions only another point's page had caught unverified; measured 56.8% (42/74) at the end of stop 31; measured 55.4% (41/74) at the end of stop 30; measured 52.7% (39/74) at the end of stop 29 and on arrival at d324568; 51.4% (38/74) at efa7a08
# (a designation's number read as none whatever follows it, "HMX-1 并没有…": one contradiction fewer, one false
# verification fewer than with the narrower rule of f6da8d9, which read 48.1% / 68.0%: declared)
MIN_CONTRADICTED_RECALL = 0.33  # measured 33.3% (9/27) at the end of stop 32 — lowered, declared: a note's points each rest on their own 🔗 link lines now (stop 32), which takes 2 of its false verifications and 3 false contradictions away but leaves 4 contradictions only another point's page had caught unverified; measured 48.1% (13/27) at the end of stop 30; measured 44.4% (12/27) at the end of stop 29 and on arrival
MIN_VERIFIED_PRECISION = 0.81  # measured 81.8% (18/22) at the end of stop 35; measured 72.0% (18/25) at the end of stop 31; measured 70.8% (17/24) at the end of stop 29 and on arrival at d324568


@pytest.fixture(scope="module")
def heldout14(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout14") / "ledger.db", HELDOUT14, "heldout14_claims.jsonl")


def test_heldout14_verdicts(heldout14) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout14", heldout14)
    print(report)
    assert heldout14.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout14.accuracy >= MIN_ACCURACY, report
    assert heldout14.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout14.verified_precision >= MIN_VERIFIED_PRECISION, report
