"""Well-formedness of the tune12 development set (tests/fixtures/tune12/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an Org-mode weekly and a Slack channel export) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# Org links end at "]" ([[url][title]]), Slack links at "|" or ">" (<url|label>)
URL = re.compile(r"https?://[^\s)\]>|〉」]+")
ORG_LINK = re.compile(r"\[\[(https://[^\]\s]+)\]\[[^\]]+\]\]")
SLACK_LINK = re.compile(r"<(https://[^|>\s]+)\|[^>]+>")
MESSAGE = re.compile(r"\[\d\d:\d\d\] [a-z.]+: ")
REPLY = re.compile(r" +↳ \[\d\d:\d\d\] [a-z.]+: ")

TUNE12 = LabelledSet(
    "tune12",
    by_report={
        "c1_weekly_org_sc.txt": {"verified": 14, "contradicted": 12, "unverified": 9},
        "c2_slack_en.txt": {"verified": 13, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 27, "contradicted": 24, "unverified": 18},
    kinds={"money": 30, "fact": 11, "percent": 10, "count": 10, "date": 7, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://techcrunch.com/2026/11/26/pylon-robotics-series-c/": "Sorry, we couldn't find that page.",  # soft 404
        "https://www.caixin.com/2026-11-25/102387654.html": "订阅后阅读全文",  # paywall stub
    },
)


def org_entries(weekly: str) -> dict[str, str]:
    """The ``** `` entries of the weekly by heading (text up to the next heading of either level)."""
    entries: dict[str, str] = {}
    for block in re.split(r"\n(?=\*{1,2} )", weekly):
        if block.startswith("** "):
            heading, _, body = block.partition("\n")
            entries[heading[3:]] = body
    return entries


class TestTune12WellFormed(WellFormed):
    SET = TUNE12

    def test_the_weekly_is_org_mode(self, reports: dict[str, str]) -> None:
        weekly = reports["c1_weekly_org_sc.txt"]
        lines = weekly.splitlines()
        assert lines[0].startswith("#+TITLE: ") and lines[1] == "#+DATE: 2026-11-29"
        assert "](" not in weekly and "<http" not in weekly  # no markdown or Slack links
        # every URL is inside an Org link [[url][title]]
        assert sorted(URL.findall(weekly)) == sorted(ORG_LINK.findall(weekly))
        tops = [line[2:] for line in lines if line.startswith("* ")]
        assert tops[-1] == "编者按" and len(tops) == 4
        entries = org_entries(weekly)
        assert len(entries) == 10
        # each ** entry cites its own page(s); the table's entry cites four
        assert all(ORG_LINK.search(body) for body in entries.values())
        assert sum(len(ORG_LINK.findall(body)) == 4 for body in entries.values()) == 1
        # the closing 编者按 cites nothing
        assert not URL.search(weekly.split("\n* 编者按\n", 1)[1])

    def test_the_weekly_has_one_org_table_with_its_unit_in_a_caption(self, reports: dict[str, str]) -> None:
        lines = reports["c1_weekly_org_sc.txt"].splitlines()
        rows = [i for i, line in enumerate(lines) if line.startswith("|")]
        assert rows == list(range(rows[0], rows[0] + len(rows)))  # one table, contiguous
        assert lines[rows[0] - 1] == "#+CAPTION: 单位：亿元"
        assert re.fullmatch(r"\|-+(\+-+)+\|", lines[rows[1]])  # the |---+---| rule under the header
        body = [lines[i] for i in rows[2:]]
        assert len(body) == 5 and all(line.count("|") == 4 for line in body)

    def test_the_slack_export_is_messages_and_indented_replies(self, reports: dict[str, str]) -> None:
        slack = reports["c2_slack_en.txt"]
        lines = slack.splitlines()
        assert lines[0] == "#ai-desk — exported 2026-11-29"
        assert "](" not in slack and "[[" not in slack  # no markdown or Org links
        # every URL is inside a Slack link <url|label>
        assert sorted(URL.findall(slack)) == sorted(SLACK_LINK.findall(slack))
        body = [line for line in lines[1:] if line]
        assert all(MESSAGE.match(line) or REPLY.match(line) or line.startswith("• ") for line in body), body
        messages = [line for line in body if MESSAGE.match(line)]
        replies = [line for line in body if REPLY.match(line)]
        assert len(messages) >= 10 and len(replies) >= 4
        # most replies carry no link (they inherit nothing); one brings its own
        assert sum(bool(SLACK_LINK.search(r)) for r in replies) == 1
        assert re.search(r"\*[^*\s][^*]*\*", slack) and re.search(r"_[^_\s][^_]*_", slack)  # *bold*, _italic_

    def test_the_numbers_message_is_bullets_each_with_its_own_link(self, reports: dict[str, str]) -> None:
        lines = reports["c2_slack_en.txt"].splitlines()
        start = next(i for i, line in enumerate(lines) if line.endswith("quick numbers for the Monday deck:"))
        bullets = []
        for line in lines[start + 1 :]:
            if not line.startswith("• "):
                break
            bullets.append(line)
        assert len(bullets) == 5
        assert all(len(SLACK_LINK.findall(line)) == 1 and line.endswith(">") for line in bullets)
        assert sum(line.startswith("• ") for line in lines) == 5

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "单位：万元 币种：人民币" in joined  # the quarterly table's unit is a caption, not the cells
        assert "(in millions, except per share data)" in joined  # the income statement's unit, likewise
        assert "Prices in USD per 1M tokens" in joined  # the price table's unit is its caption
        assert "corrects the amount raised" in joined and "not $1.2 billion" in joined  # a correction note
        assert "共5家，分别为" in joined  # a complete list
        assert "环比增长14.1%，同比增长29.3%" in joined  # quarter-on-quarter beside year-on-year
