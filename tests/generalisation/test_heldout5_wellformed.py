"""Well-formedness of the fifth held-out set (tests/fixtures/heldout5/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall); the test here checks the shapes of its two reports.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

HELDOUT5 = LabelledSet(
    "heldout5",
    by_report={
        "h1_weekly_sc.txt": {"verified": 15, "contradicted": 11, "unverified": 7},
        "h2_newsletter_en.md": {"verified": 16, "contradicted": 11, "unverified": 7},
    },
    verdicts={"verified": 31, "contradicted": 22, "unverified": 14},
    kinds={"money": 27, "count": 16, "percent": 11, "fact": 7, "date": 6},
    live=9,
    url=re.compile(r"https?://[^\s)\]>〉」）]+"),
    empty_pages={
        "https://finance.sina.com.cn/tech/2026-11-25/doc-inhxkq8827361.shtml": "页面不存在",  # soft 404 answering 200
        "https://www.bloomberg.com/news/articles/2026-11-24/korinth-labs-weighs-new-funding-as-inference-demand-soars": "Subscribe to keep reading",  # paywall stub
    },
)


class TestHeldout5WellFormed(WellFormed):
    SET = HELDOUT5

    def test_the_set_has_two_formats(self, reports: dict[str, str]) -> None:
        sc, en = reports["h1_weekly_sc.txt"], reports["h2_newsletter_en.md"]
        assert not re.search(r"^(#|\||- |\* )", sc, re.M)  # plain text, no markdown
        assert re.search(r"^一、", sc, re.M) and re.search(r"^五、", sc, re.M)  # numbered sections
        assert re.search(r"（来源：\S+ https://\S+）$", sc, re.M) and "本周观察" in sc  # 来源 at paragraph ends
        assert "[1]" in en and "## Sources" in en  # footnote markers and a sources list
        assert re.search(r"^1\. .+ — https://\S+$", en, re.M)
