"""Well-formedness of the tune7 development set (tests/fixtures/tune7/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404); the test here checks the shapes of its two reports.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

TUNE7 = LabelledSet(
    "tune7",
    by_report={
        "s1_hk_brief_tc.md": {"verified": 15, "contradicted": 14, "unverified": 8},
        "s2_ai_weekly_en.md": {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 31, "contradicted": 27, "unverified": 16},
    kinds={"money": 32, "percent": 18, "count": 10, "fact": 9, "date": 4, "version": 1},
    live=9,
    url=re.compile(r"https?://[^\s)\]>〉」]+"),
    empty_pages={
        "https://www.etnet.com.hk/www/tc/news/categorized_news_detail.php?newsid=ETN261125901": "找不到網頁",  # soft 404 answering 200
    },
)


class TestTune7WellFormed(WellFormed):
    SET = TUNE7

    def test_the_set_has_two_formats(self, reports: dict[str, str]) -> None:
        hk, en = reports["s1_hk_brief_tc.md"], reports["s2_ai_weekly_en.md"]
        # 〔來源〕 lines under each item, and an unsourced 市場焦點 list
        assert re.search(r"^〔來源〕https://\S+$", hk, re.M) and "## 市場焦點" in hk
        assert re.search(r"^- \S+$", hk, re.M)  # the 市場焦點 bullets cite nothing
        assert re.search(r"^## 1\. ", en, re.M) and "## By the numbers" in en  # numbered sections
        bullets = [line for line in en.splitlines() if line.startswith("- **")]
        # each "By the numbers" bullet ends with its own link
        assert bullets and all(re.search(r"\(https://[^)]+\)\)$", line) for line in bullets)
