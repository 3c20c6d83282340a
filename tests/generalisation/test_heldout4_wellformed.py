"""Well-formedness of the fourth held-out set (tests/fixtures/heldout4/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the test here checks the shapes of its two reports.
No engine score is computed here.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

HELDOUT4 = LabelledSet(
    "heldout4",
    by_report={
        "d1_daily_sc.md": {"verified": 16, "contradicted": 10, "unverified": 7},
        "n1_newsletter_en.txt": {"verified": 14, "contradicted": 11, "unverified": 7},
    },
    verdicts={"verified": 30, "contradicted": 21, "unverified": 14},
    kinds={"money": 26, "count": 14, "fact": 11, "percent": 8, "date": 5, "version": 1},
    live=9,
    url=re.compile(r"https?://[^\s)\]>〉」]+"),
    empty_pages={
        "https://www.theregister.com/2026/11/23/kestrel_systems_backlog/": "Page not found",  # soft 404 answering 200
        "https://www.caixin.com/2026-11-25/102391845.html": "订阅后可阅读全文",  # paywall stub
    },
    unverified_on=frozenset({"https://www.theregister.com/2026/11/23/kestrel_systems_backlog/"}),
)


class TestHeldout4WellFormed(WellFormed):
    SET = HELDOUT4

    def test_the_set_has_two_new_formats(self, reports: dict[str, str]) -> None:
        daily, newsletter = reports["d1_daily_sc.md"], reports["n1_newsletter_en.txt"]
        assert "## 今日速览" in daily and re.search(r"\[原文\]\(https://\S+\)$", daily, re.M)  # inline 原文 links
        summary = daily.split("## 今日速览", 1)[1].split("\n## ", 1)[0]
        assert "http" not in summary  # the summary cites nothing
        assert re.search(r"^Source: https://\S+$", newsletter, re.M) and re.search(r"^1\. ", newsletter, re.M)
        assert "](" not in newsletter and "**" not in newsletter  # plain text, no markdown
