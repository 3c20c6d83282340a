"""Well-formedness of the tune4 development set (tests/fixtures/tune4/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest (except the one malformed ``https//`` URL), and every verified or contradicted item's ``truth``
passage occurs in the visible text of one of its cited pages.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import FIXTURES, LabelledSet, WellFormed

TUNE4 = LabelledSet(
    folder=FIXTURES / "tune4",
    labels="tune4_claims.jsonl",
    reports=("t1_daily_tc.md", "t2_weekly_sc.txt", "t3_brief_en.md"),
    verdicts={"verified": 36, "contradicted": 28, "unverified": 15},
    by_report={
        "t1_daily_tc.md": {"verified": 12, "contradicted": 10, "unverified": 4},
        "t2_weekly_sc.txt": {"verified": 13, "contradicted": 10, "unverified": 6},
        "t3_brief_en.md": {"verified": 11, "contradicted": 8, "unverified": 5},
    },
    kinds={"money": 36, "count": 19, "percent": 13, "fact": 7, "date": 4},
    live=12,
    url=re.compile(r"https?:?//[^\s)\]>〉」]+"),  # finds the malformed https// URL too
    malformed=frozenset({"https//www.jiqizhixin.com/articles/2026-11-26-3"}),
)


class TestTune4WellFormed(WellFormed):
    SET = TUNE4

    def test_the_set_has_three_formats(self, reports: dict[str, str]) -> None:
        tc, sc, en = reports["t1_daily_tc.md"], reports["t2_weekly_sc.txt"], reports["t3_brief_en.md"]
        assert "[1]" in tc and "參考資料" in tc and "億" in tc  # Traditional daily with footnotes
        assert re.search(r"^https://\S+$", sc, re.M) and "一、" in sc  # plain-text weekly, bare URL lines
        assert re.search(r"^\[1\]: https://", en, re.M)  # reference-style markdown links
