"""Well-formedness of the tune4 development set (tests/fixtures/tune4/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its three reports and
its archive (one dead URL; the one malformed ``https//`` URL a report cites is never captured); the test here
checks the reports' three formats.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

MALFORMED = "https//www.jiqizhixin.com/articles/2026-11-26-3"

TUNE4 = LabelledSet(
    "tune4",
    by_report={
        "t1_daily_tc.md": {"verified": 12, "contradicted": 10, "unverified": 4},
        "t2_weekly_sc.txt": {"verified": 13, "contradicted": 10, "unverified": 6},
        "t3_brief_en.md": {"verified": 11, "contradicted": 8, "unverified": 5},
    },
    verdicts={"verified": 36, "contradicted": 28, "unverified": 15},
    kinds={"money": 36, "count": 19, "percent": 13, "fact": 7, "date": 4},
    live=12,
    url=re.compile(r"https?:?//[^\s)\]>〉」]+"),  # finds the malformed https// URL too
    malformed=frozenset({MALFORMED}),
    # the README's soft 404 (p11) and paywall stub (p05), whose labels are unverified; their pages' texts are
    # not checked here
    unverified_on=frozenset(
        {
            MALFORMED,
            "https://www.semiwire.com/china/2026/11/suixin-star-market-debut-analysis",
            "https://www.ledgerstreet.com/tech/quillon-tessery-acquisition-talks-2026-11-25",
        }
    ),
)


class TestTune4WellFormed(WellFormed):
    SET = TUNE4

    def test_the_set_has_three_formats(self, reports: dict[str, str]) -> None:
        tc, sc, en = reports["t1_daily_tc.md"], reports["t2_weekly_sc.txt"], reports["t3_brief_en.md"]
        assert "[1]" in tc and "參考資料" in tc and "億" in tc  # Traditional daily with footnotes
        assert re.search(r"^https://\S+$", sc, re.M) and "一、" in sc  # plain-text weekly, bare URL lines
        assert re.search(r"^\[1\]: https://", en, re.M)  # reference-style markdown links
