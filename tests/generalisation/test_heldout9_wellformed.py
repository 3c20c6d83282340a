"""Well-formedness of the heldout9 held-out set (tests/fixtures/heldout9/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese press-conference transcript with 【註n】 endnotes, an English AsciiDoc newsletter)
and that the pages carry the formats the labels rely on. They print no labels.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# a URL ends at whitespace, at an AsciiDoc link text's "[", or at CJK punctuation
URL = re.compile(r"https?://[^\s\[\]()<>，。、」【】]+")
PRESSER = "a1_presser_tc.txt"
NEWSLETTER = "b1_newsletter_en.txt"
MARKER = re.compile(r"【註(\d+)】")

HELDOUT9 = LabelledSet(
    "heldout9",
    by_report={
        PRESSER: {"verified": 14, "contradicted": 12, "unverified": 8},
        NEWSLETTER: {"verified": 13, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 27, "contradicted": 24, "unverified": 17},
    kinds={"money": 24, "percent": 16, "count": 14, "date": 8, "fact": 6},
    live=10,
    url=URL,
    empty_pages={
        "https://news.cnyes.com/news/id/6012844": "很抱歉，您要找的頁面不存在",  # soft 404 answering 200
        "https://www.theinformation.com/articles/a-cloud-giant-reshuffles-its-server-suppliers": (
            "Subscribe to unlock this article"
        ),
    },
)


class TestHeldout9WellFormed(WellFormed):
    SET = HELDOUT9

    def test_the_presser_is_header_summary_and_turns(self, reports: dict[str, str]) -> None:
        text = reports[PRESSER]
        assert "#" not in text and "](" not in text  # plain text, no markdown
        body, notes = text.split("\n註釋\n", 1)
        header, summary, *turns = body.strip("\n").split("\n\n")
        head = header.splitlines()
        assert head[0].startswith("記者會名稱：") and head[1].startswith("日期：2026年11月29日")
        assert head[2].startswith("地點：")
        # the opening 重點摘要 paragraph cites nothing
        assert summary.startswith("重點摘要\n") and not MARKER.search(summary) and not URL.search(summary)
        assert len(turns) >= 6
        for turn in turns:
            question, answer = turn.splitlines()
            assert question.startswith("問：")
            # an answer is prefixed with the speaker's title and masked name, e.g. 財務長林○○答：
            assert re.match(r"(董事長|總經理|財務長|發言人)[\u4e00-\u9fff]○○答：", answer), answer
            assert MARKER.search(answer) and not URL.search(answer)
        # the closing 註釋 list resolves every marker, one 【註n】標題，https://url line each
        lines = notes.strip("\n").splitlines()
        assert all(re.fullmatch(r"【註\d+】[^，\n]+，https://\S+", line) for line in lines), lines
        listed = [MARKER.match(line).group(1) for line in lines]  # type: ignore[union-attr]
        assert listed == [str(n) for n in range(1, len(lines) + 1)]
        assert set(MARKER.findall(body)) == set(listed)

    def test_the_newsletter_is_asciidoc_items_table_notes(self, reports: dict[str, str]) -> None:
        text = reports[NEWSLETTER]
        assert "](" not in text and "**" not in text and "\n#" not in text  # AsciiDoc, not markdown
        lines = text.splitlines()
        assert lines[0].startswith("= ") and ":revdate: 2026-11-29" in lines[:8]
        assert sum(line.startswith("== ") for line in lines) >= 4
        assert "link:https://" in text and re.search(r"(?<!link:)https://[^\s\[]+\[", text)  # both link forms
        assert text.count("footnote:[") >= 3
        # every === item closes with its own source link(s)
        items = re.split(r"\n(?====? )", text.split("\n== By the numbers", 1)[0])
        items = [i for i in items if i.startswith("=== ")]
        assert len(items) >= 7 and all(URL.search(i.split("\n\n")[-1]) for i in items)
        # one |=== table titled in US$ millions; each row cites a source in its last cell
        assert text.count("|===") == 2
        before, table, _ = text.split("|===\n")
        assert before.rstrip().splitlines()[-2] == ".Figures in US$ millions"
        header, *rows = table.strip("\n").splitlines()
        assert header == "|Company |Item |Value |Source" and len(rows) >= 6
        for row in rows:
            cells = row.split(" |")
            assert len(cells) == 4 and re.fullmatch(r"[\d,]+", cells[2]) and URL.search(cells[3]), row

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "單位：新臺幣百萬元" in joined  # the filing table's unit is a caption, not the cells
        assert "(in millions, except per-share amounts; unaudited)" in joined  # an English caption unit
        assert "【更新】" in joined and "2.3億美元" in joined  # an update note revising a figure
        assert "Update, November 24, 2026" in joined and "phase one will be 240MW" in joined
        assert "首批成員共5家，分別為" in joined  # a complete member list
        assert "（單位：%）" in joined  # a ranking table in percent
