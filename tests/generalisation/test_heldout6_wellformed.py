"""Well-formedness of the heldout6 held-out set (tests/fixtures/heldout6/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall); the test here checks the shapes of its two reports.
They print nothing about the engine: the set is held out, and only its totals are ever reported.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

URL = re.compile(r"https?://[^\s)\]>〉」）]+")

HELDOUT6 = LabelledSet(
    "heldout6",
    by_report={
        "c1_newsletter_sc.md": {"verified": 13, "contradicted": 14, "unverified": 10},
        "c2_digest_en.txt": {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 30, "contradicted": 27, "unverified": 18},
    kinds={"money": 31, "percent": 14, "count": 11, "fact": 9, "date": 9, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.theregister.com/2026/11/24/kallang_digital_johor_expansion/": "Page not found",  # soft 404 answering 200
        "https://www.caixin.com/2026-11-25/102391547.html": "付费内容",  # paywall stub
    },
)


class TestHeldout6WellFormed(WellFormed):
    SET = HELDOUT6

    def test_the_set_has_two_formats(self, reports: dict[str, str]) -> None:
        sc, en = reports["c1_newsletter_sc.md"], reports["c2_digest_en.txt"]
        # bold 【tag】 lead-in lines, each item closed by its own 👉 原文 line
        leads = re.findall(r"^\*\*【(融资|财报|模型|政策)】.+\*\*$", sc, re.M)
        assert set(leads) == {"融资", "财报", "模型", "政策"}
        assert len(re.findall(r"^👉 原文：https://\S+$", sc, re.M)) == len(leads)
        # 一句话新闻 bullets each cite （via 站点名 url）; the 编者按 cites nothing
        bullets = sc.split("## 一句话新闻", 1)[1].split("**编者按**", 1)[0]
        lines = [line for line in bullets.splitlines() if line.startswith("- ")]
        assert lines and all(re.search(r"（via \S+(?: \S+)* https://[^）]+）$", line) for line in lines)
        editorial = sc.split("**编者按**", 1)[1]
        assert not URL.search(editorial)
        # numbered headlines, indented paragraphs, Link: lines; one headline cites two links
        heads = re.findall(r"^(\d)\) \S", en, re.M)
        assert heads == [str(i) for i in range(1, len(heads) + 1)] and len(heads) >= 6
        assert re.search(r"^ {4}\S", en, re.M)
        stories = re.split(r"^\d\) ", en.split("ALSO NOTED", 1)[0], flags=re.M)[1:]
        links = [len(re.findall(r"^ {4}Link: https://\S+$", story, re.M)) for story in stories]
        assert sorted(links) == [1] * (len(stories) - 1) + [2]
        # ALSO NOTED: one link per line
        noted = [line for line in en.split("ALSO NOTED", 1)[1].splitlines() if line.startswith("- ")]
        assert noted and all(len(URL.findall(line)) == 1 for line in noted)
