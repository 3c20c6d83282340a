"""Well-formedness of the tune5 development set (tests/fixtures/tune5/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404); the test here checks the shapes of its two reports.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

TUNE5 = LabelledSet(
    "tune5",
    by_report={
        "s1_wechat_sc.md": {"verified": 15, "contradicted": 8, "unverified": 5},
        "s2_roundup_en.md": {"verified": 11, "contradicted": 14, "unverified": 6},
    },
    verdicts={"verified": 26, "contradicted": 22, "unverified": 11},
    kinds={"money": 31, "count": 9, "percent": 8, "fact": 7, "date": 4},
    live=9,
    url=re.compile(r"https?://[^\s)\]>〉」]+"),
    empty_pages={
        "https://www.jiemian.com/article/13877215.html": "页面不存在",  # soft 404 answering 200
    },
)


class TestTune5WellFormed(WellFormed):
    SET = TUNE5

    def test_the_set_has_two_formats(self, reports: dict[str, str]) -> None:
        sc, en = reports["s1_wechat_sc.md"], reports["s2_roundup_en.md"]
        assert re.search(r"^来源：https://\S+$", sc, re.M) and "## 数据一览" in sc  # WeChat article, 来源 lines
        assert re.search(r"^\| 公司 \| 指标 \| 数值 \|$", sc, re.M)  # the markdown summary table
        assert "[^1]" in en and re.search(r"^\[\^1\]: https://", en, re.M)  # markdown footnotes
