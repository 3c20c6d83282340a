"""Well-formedness of the tune6 development set (tests/fixtures/tune6/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the test here checks the shapes of its two reports.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

TUNE6 = LabelledSet(
    "tune6",
    by_report={
        "t1_digest_tc.txt": {"verified": 20, "contradicted": 14, "unverified": 9},
        "t2_briefing_en.md": {"verified": 8, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 28, "contradicted": 26, "unverified": 17},
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
