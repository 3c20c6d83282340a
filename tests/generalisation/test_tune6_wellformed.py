"""Well-formedness of the tune6 development set (tests/fixtures/tune6/), checked without the engine.

The set was written blind to the engine; these tests only check that the labels are consistent with the
reports and the archive: every quote occurs once in its report, every key is inside its quote, keys of one
report never overlap, the verdict and kind counts match the README, every URL a report cites is in the
manifest and every capture is cited, the archive has one dead URL, one soft 404 and one paywall stub, and
every verified or contradicted item's ``truth`` passage occurs in the visible text of one of its cited pages.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import FIXTURES, LabelledSet, WellFormed

TUNE6 = LabelledSet(
    folder=FIXTURES / "tune6",
    labels="tune6_claims.jsonl",
    reports=("t1_digest_tc.txt", "t2_briefing_en.md"),
    verdicts={"verified": 28, "contradicted": 26, "unverified": 17},
    by_report={
        "t1_digest_tc.txt": {"verified": 20, "contradicted": 14, "unverified": 9},
        "t2_briefing_en.md": {"verified": 8, "contradicted": 12, "unverified": 8},
    },
    kinds={"money": 31, "percent": 22, "count": 7, "fact": 6, "date": 5},
    live=9,
    url=re.compile(r"https?://[^\s)\]>〉」]+"),
    empty_pages={
        "https://www.moneydj.com/kmdj/news/newsviewer.aspx?a=8f2c1e07-4b1d-4e55-9a0b-6d3c2f7e1a90": "您要找的網頁不存在",  # soft 404 answering 200
        "https://asia.nikkei.com/Business/Tech/Semiconductors/Norvane-Systems-weighs-major-Taiwan-expansion-as-AI-rack-orders-swell": "Subscribe to read the full story",
    },
)


class TestTune6WellFormed(WellFormed):
    SET = TUNE6

    def test_the_set_has_two_formats(self, reports: dict[str, str]) -> None:
        tc, en = reports["t1_digest_tc.txt"], reports["t2_briefing_en.md"]
        # plain-text digest: an unsourced 本週重點 summary, （註n） marks, a numbered 資料來源 list
        assert "本週重點" in tc and "資料來源" in tc and "（註1）" in tc
        assert re.search(r"^註1　.+\nhttps://\S+$", tc, re.M)  # each 註n entry followed by its URL
        assert re.search(r"^\| Company \| Metric \| Figure \| Source \|$", en, re.M)  # markdown table
        assert re.search(r"^\|.*\| \[[^\]]+\]\(https://[^)]+\) \|$", en, re.M)  # source link in the last column
        assert re.search(r"^[A-Z][^|\n]*\]\(https://", en, re.M)  # inline links in prose
