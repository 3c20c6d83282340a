"""Eighteenth held-out set, with its own archive (tests/fixtures/heldout18/sources), written blind to the engine by
a helper at the start of stop 31: a Traditional-Chinese wiki article in MediaWiki wikitext (== headings ==,
'''bold''', [[internal links]] that are no URLs, <ref>{{cite web |url=… |title=… |date=…}}</ref> citations closing
each sentence, named refs reused as <ref name="x" />, an {{Infobox company}} whose fields hold figures and refs of
their own, a 評價 section citing nothing) and an English Telegram channel exported as text (a "Channel, [27.11.26
09:14]" header opening each post, [Forwarded from …] lines, emoji, hashtags, a 🔗 link closing each post, a reply
quoting an earlier post, a pinned weekly recap citing nothing); 10 captured pages (five in Chinese; a unit
caption, a correction note, a complete partner list, a paywall, a soft 404) and a dead URL; 74 labels (32 verified,
25 contradicted, 17 unverified).

Measured when it arrived, in one sitting, the same on the engine at the start of stop 31 (0cd43d3) and on the
engine of the moment (13de5c1's and 357afab's rules, uncommitted then): numeric extraction recall 100% (all
figures), accuracy 62.2% (46/74), contradicted recall 60.0% (15/25), verified precision 79.2% (19/24)
(confusion, gold -> predicted: contradicted -> contradicted 15, -> unverified 6, -> verified 4; unverified ->
unverified 12, -> contradicted 4, -> verified 1; verified -> verified 19, -> unverified 8, -> contradicted 5). At
the end of the stop: 63.5% (47/74), 60.0% (15/25), 83.3% (20/24) (contradicted -> verified 3, -> unverified 7;
verified -> verified 20, -> unverified 7); mid-stop it read 56.0% contradicted recall once (see its floor).

Only totals and the confusion matrix are printed, never which items were missed: the set stays held out.
Floors sit at what was measured and are raised as the engine improves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.generalisation.labelled_set import evaluate_set, totals_report

HELDOUT18 = Path(__file__).resolve().parent.parent / "fixtures" / "heldout18"

MIN_NUMERIC_RECALL = 1.0  # measured 100% on arrival
MIN_ACCURACY = 0.66  # measured 66.2% (49/74) at the end of stop 36; measured 64.9% (48/74) at the end of stop 33; measured 63.5% (47/74) at the end of stop 31; measured 62.2% (46/74) on arrival
MIN_CONTRADICTED_RECALL = 0.68  # measured 68.0% (17/25) at the end of stop 36; measured 64.0% (16/25) at the end of stop 34; measured 60.0% (15/25) at the end of stop 31; measured 56.0% (14/25) at stop 31 — lowered by one label, declared: a designation glued to Chinese text (XH-800系列) read as one cost one contradiction here (tuning sets +3); 60.0% (15/25) on arrival
MIN_VERIFIED_PRECISION = 0.91  # measured 91.3% (21/23) at the end of stop 36; measured 87.5% (21/24) at the end of stop 34; measured 84.0% (21/25) at the end of stop 33; measured 83.3% (20/24) at the end of stop 31; measured 79.2% (19/24) on arrival


@pytest.fixture(scope="module")
def heldout18(tmp_path_factory: pytest.TempPathFactory) -> object:
    return evaluate_set(tmp_path_factory.mktemp("heldout18") / "ledger.db", HELDOUT18, "heldout18_claims.jsonl")


def test_heldout18_verdicts(heldout18) -> None:  # type: ignore[no-untyped-def]
    report = totals_report("heldout18", heldout18)
    print(report)
    assert heldout18.numeric_recall >= MIN_NUMERIC_RECALL, report
    assert heldout18.accuracy >= MIN_ACCURACY, report
    assert heldout18.contradicted_recall >= MIN_CONTRADICTED_RECALL, report
    assert heldout18.verified_precision >= MIN_VERIFIED_PRECISION, report
