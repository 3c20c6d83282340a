"""Well-formedness of the tune9 development set (tests/fixtures/tune9/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
SEPARATOR = "＊＊＊"

TUNE9 = LabelledSet(
    "tune9",
    by_report={
        "b1_feed_tc.txt": {"verified": 16, "contradicted": 12, "unverified": 9},
        "b2_briefing_en.txt": {"verified": 15, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 31, "contradicted": 25, "unverified": 17},
    kinds={"money": 32, "percent": 15, "fact": 10, "date": 9, "count": 6, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://money.udn.com/money/story/5612/8427731": "找不到您要的頁面",  # soft 404 answering 200
        "https://www.ft.com/content/7d41c2e8-3b9f-4a52-9e61-c0f8a2d3b517": "Subscribe to unlock this article",
    },
)


class TestTune9WellFormed(WellFormed):
    SET = TUNE9

    def test_the_feed_is_items_between_separator_lines(self, reports: dict[str, str]) -> None:
        feed = reports["b1_feed_tc.txt"]
        assert "#" not in feed and "](" not in feed  # plain text, no markdown
        blocks = [b.strip("\n") for b in feed.split(f"\n{SEPARATOR}\n")]
        items, editorial = blocks[1:-1], blocks[-1]
        assert len(items) == 6
        for item in items:
            lines = item.splitlines()
            # a 【標題】 line, one paragraph, then one or more 原文連結 lines
            assert lines[0].startswith("【標題】") and not lines[1].startswith("原文連結")
            links = lines[2:]
            assert links and all(re.fullmatch(r"原文連結：https://\S+", line) for line in links), item
        assert sum(len(item.splitlines()) - 2 == 2 for item in items) == 1  # one item cites two links
        # the closing 編輯室觀點 cites nothing
        assert editorial.startswith("「編輯室觀點」") and not URL.search(editorial)

    def test_the_briefing_is_caps_headers_and_bullets_with_their_own_link(self, reports: dict[str, str]) -> None:
        brief = reports["b2_briefing_en.txt"]
        assert "#" not in brief and "](" not in brief and "**" not in brief  # plain text, no markdown
        headers = [
            line for line in brief.splitlines() if line and line == line.upper() and re.search(r"[A-Z]{3}", line)
        ]
        assert "NUMBERS THAT MATTER" in headers and len(headers) >= 6
        bullets = [line for line in brief.splitlines() if line.startswith("* ")]
        assert len(bullets) >= 15
        # every bullet ends with exactly one (via <url>) of its own
        assert all(re.search(r"\(via https://[^)\s]+\)$", line) and line.count("(via ") == 1 for line in bullets)
        # the "Numbers that matter" group: one bullet a line, each with its own link
        numbers = brief.split("NUMBERS THAT MATTER\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert len(numbers) == 5 and all(line.startswith("* ") for line in numbers)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "單位：新臺幣千元" in joined  # the monthly-revenue table's unit is a caption, not the cells
        assert "【更正】" in joined and "32萬組" in joined  # a correction note revising a figure
        assert "117年第三季 量產" in joined  # a milestone table dated in 民國 years
        assert "the four members" in joined  # a complete list
