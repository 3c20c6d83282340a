"""Well-formedness of the tune8 development set (tests/fixtures/tune8/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports,
and that every footnote or reference a report uses is defined.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed

DIGEST, WRAP = "a1_research_digest_sc.md", "a2_market_wrap_en.md"

TUNE8 = LabelledSet(
    "tune8",
    by_report={
        DIGEST: {"verified": 16, "contradicted": 14, "unverified": 9},
        WRAP: {"verified": 15, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 31, "contradicted": 27, "unverified": 17},
    kinds={"money": 25, "percent": 22, "count": 11, "fact": 8, "date": 8, "version": 1},
    live=10,
    url=re.compile(r"https?://[^\s)\]>〉」]+"),
    empty_pages={
        "https://www.yicai.com/news/102894517.html": "页面不存在",  # soft 404 answering 200
        "https://www.ft.com/content/8b1e4c2a-5d7f-4e09-a3c1-2f6d9e0b7a44": "Subscribe to unlock",  # paywall stub
    },
)


def _section(text: str, heading: str) -> str:
    """The lines under ``heading`` up to the next heading of any level."""
    start = text.index(heading) + len(heading)
    following = re.search(r"^#{1,6} |^\*\*[^*]+\*\*$", text[start:], re.M)
    return text[start : start + following.start()] if following else text[start:]


class TestTune8WellFormed(WellFormed):
    SET = TUNE8

    def test_the_digest_uses_footnotes_items_and_a_table(self, reports: dict[str, str]) -> None:
        sc = reports[DIGEST]
        assert len(re.findall(r"^### ", sc, re.M)) >= 5  # items are ### headings
        used = set(re.findall(r"\[\^(\d+)\](?!:)", sc))
        defined = dict(re.findall(r"^\[\^(\d+)\]: (https://\S+)$", sc, re.M))
        assert used and used == set(defined), (used, set(defined))  # every footnote used is defined, and back
        assert "](http" not in sc  # no inline links: the footnotes are the only citations
        assert re.search(r"^\| 公司 \| 指标 \| 数值 \|$", sc, re.M)  # the small data table
        summary = _section(sc, "## 本周要点")
        bullets = [line for line in summary.splitlines() if line.startswith("- ")]
        assert bullets and not any("[^" in b or "http" in b for b in bullets)  # the summary cites nothing

    def test_the_wrap_uses_reference_links_and_quick_hits(self, reports: dict[str, str]) -> None:
        en = reports[WRAP]
        used = set(re.findall(r"\]\[(\d+)\]", en))
        defined = dict(re.findall(r"^\[(\d+)\]: (https://\S+)$", en, re.M))
        assert used and used == set(defined), (used, set(defined))
        assert "](http" not in en  # reference-style links only
        assert len(re.findall(r"^\*\*[^*]+\.\*\* ", en, re.M)) >= 5  # paragraphs under bold lead-ins
        hits = [line for line in _section(en, "**Quick hits**").splitlines() if line.startswith("- ")]
        assert hits and all(len(re.findall(r"\]\[\d+\]", line)) == 1 for line in hits)  # one link per hit
