"""Well-formedness of the heldout7 held-out set (tests/fixtures/heldout7/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
and that the pages carry the formats the labels rely on. Nothing here prints an individual label: the set is
held out.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
POST_SEPARATOR = "\n\n—\n\n"
ENTRY = re.compile(r"\*\*(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2}/\d{1,2}\*\* — .+ \(\[[^\]]+\]\(https://[^)\s]+\)\)")

HELDOUT7 = LabelledSet(
    "heldout7",
    by_report={
        "c1_channel_hk.txt": {"verified": 16, "contradicted": 12, "unverified": 8},
        "c2_timeline_en.md": {"verified": 13, "contradicted": 13, "unverified": 10},
    },
    verdicts={"verified": 29, "contradicted": 25, "unverified": 18},
    kinds={"money": 29, "percent": 16, "fact": 11, "date": 9, "count": 6, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.scmp.com/business/companies/article/3332418/lingfeng-data-signs-anchor-tenant-tseung-kwan-o-phase-two": "Page not found",  # soft 404 answering 200
        "https://www1.hkej.com/dailynews/finnews/article/4129875": "登入或訂閱以閱讀全文",
    },
)


class TestHeldout7WellFormed(WellFormed):
    SET = HELDOUT7

    def test_the_channel_is_emoji_posts_closed_by_link_lines(self, reports: dict[str, str]) -> None:
        channel = reports["c1_channel_hk.txt"]
        assert "#" not in channel and "](" not in channel  # not markdown
        blocks = [b.strip("\n") for b in channel.split(POST_SEPARATOR)]
        posts, comment = blocks[1:-1], blocks[-1]
        assert len(posts) == 8
        for post in posts:
            lines = post.splitlines()
            # an emoji headline line, one paragraph, then one or more 🔗 lines
            assert ord(lines[0][0]) > 0x2000 and not lines[0][0].isalnum(), post
            assert not lines[1].startswith("🔗")
            links = lines[2:]
            assert links and all(re.fullmatch(r"🔗 https://\S+", line) for line in links), post
        assert sum(len(post.splitlines()) - 2 == 2 for post in posts) == 1  # one post cites two links
        # the closing 小編點評 cites nothing
        assert comment.startswith("「小編點評」") and not URL.search(comment)

    def test_the_timeline_is_dated_entries_with_their_own_link(self, reports: dict[str, str]) -> None:
        timeline = reports["c2_timeline_en.md"]
        assert "[^" not in timeline and not re.search(r"\[\d+\]", timeline)  # no footnotes
        headings = [line for line in timeline.splitlines() if line.startswith("## ")]
        assert "## Week of November 23" in headings
        entries = [line for line in timeline.splitlines() if line.startswith("**")]
        assert len(entries) >= 12
        # every entry is a bold day lead and ends with exactly one ([Site](url)) of its own
        assert all(ENTRY.fullmatch(line) and line.count("](") == 1 for line in entries), entries

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "in millions of U.S. dollars, except per-share data" in joined  # a table whose caption gives the unit
        assert "所得款項總額約為22.32億港元" in joined  # a Hong Kong announcement in 港元 億
        assert "Correction, November 24, 2026" in joined  # a correction note revising a figure
        assert "five founding members" in joined  # a complete list
        assert "VX-8 Ultra 8 1,536 GB" in joined  # a pricing table row
