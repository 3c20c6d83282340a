"""Well-formedness of the tune17 development set (tests/fixtures/tune17/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an Obsidian vault note exported as markdown, a feed dumped as plain text by a command-line reader), that
each label rests only on the links in its own scope, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
NOTE = "o1_obsidian_note.md"
FEED = "f1_feed_dump.txt"
LINK = re.compile(r"\[来源\]\((https://[^)\s]+)\)")
RFC822 = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Nov|Dec) 2026 \d{2}:\d{2}:\d{2} \+0000")

TUNE17 = LabelledSet(
    "tune17",
    by_report={
        NOTE: {"verified": 15, "contradicted": 12, "unverified": 9},
        FEED: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 31, "contradicted": 25, "unverified": 17},
    kinds={"money": 29, "percent": 14, "count": 13, "fact": 11, "date": 5, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://finance.sina.com.cn/tech/2026-11-27/doc-inhzkqrm4821057.shtml": "抱歉，您访问的页面不存在或已被删除",
        "https://www.theinformation.com/articles/quillmark-in-talks-for-new-funding-at-higher-valuation": (
            "Subscribe to read the full story"
        ),
    },
)


def note_sections(note: str) -> dict[str, str]:
    """The note body by ``## `` heading (the front matter and the title block under ``""``)."""
    sections: dict[str, str] = {}
    name = ""
    for line in note.splitlines():
        if line.startswith("## "):
            name = line[3:].strip()
        sections[name] = sections.get(name, "") + line + "\n"
    return sections


def feed_items(feed: str) -> tuple[list[str], str]:
    """The feed dump's items (blocks starting with ``Title:``) and its closing Reader notes paragraph."""
    body, notes = feed.split("\nReader notes:", 1)
    items = [b.strip("\n") for b in re.split(r"\n\s*\n", body) if b.lstrip().startswith("Title:")]
    return items, "Reader notes:" + notes


class TestTune17WellFormed(WellFormed):
    SET = TUNE17

    def test_the_note_is_an_obsidian_export(self, reports: dict[str, str]) -> None:
        note = reports[NOTE]
        front, body = note.split("\n---\n", 1)
        assert front.startswith("---\n")
        assert re.search(r"^date: 2026-11-30$", front, re.M) and re.search(r"^tags:\n(  - \S+\n?)+", front, re.M)
        assert "> [!info]" in body and "> [!warning]" in body
        # callouts hold figures, each callout bullet closing with its own link
        callout_bullets = [line for line in body.splitlines() if line.startswith("> - ")]
        assert len(callout_bullets) >= 10
        assert all(re.search(r"\d", line) and LINK.search(line) for line in callout_bullets)
        wikilinks = re.findall(r"!?\[\[([^\]]+)\]\]", body)
        assert len(wikilinks) >= 15 and not any("http" in w or "/" in w.split("|")[0] for w in wikilinks)
        # every link in the note is a markdown 来源 link (wikilinks are not URLs)
        assert len(URL.findall(note)) == len(LINK.findall(note))

    def test_the_notes_points_close_with_their_links(self, reports: dict[str, str]) -> None:
        sections = note_sections(reports[NOTE])
        points = [
            line
            for name, text in sections.items()
            if name and name not in {"待办", "小结"}
            for line in text.splitlines()
            if line.startswith(("- ", "> - ", "| 玄穹"))
        ]
        assert len(points) >= 20
        # a point ends with its 来源 link (an Obsidian block id or a table pipe may follow)
        assert all(re.search(r"\[来源\]\(https://[^)\s]+\)( \^[\w-]+| \|)?$", line) for line in points), points

    def test_the_notes_table_gives_its_unit_in_the_header(self, reports: dict[str, str]) -> None:
        rows = [line for line in reports[NOTE].splitlines() if line.startswith("| ")]
        header, rule, *cells = rows
        assert "（元/百万 tokens）" in header and set(rule) <= set("|-: ")
        assert len(cells) == 2
        for row in cells:
            figures = [c.strip() for c in row.strip("|").split("|")][1:3]
            assert all(re.fullmatch(r"\d+(\.\d+)?", f) for f in figures), row  # no unit in the cells

    def test_the_notes_task_list_is_nested_and_the_summary_cites_nothing(self, reports: dict[str, str]) -> None:
        sections = note_sections(reports[NOTE])
        tasks = sections["待办"].splitlines()[1:]
        assert any(line.startswith("- [ ] ") for line in tasks) and any(line.startswith("- [x] ") for line in tasks)
        assert any(line.startswith("    - [x] ") for line in tasks) and any(line.startswith("    - [ ] ") for line in tasks)
        assert not URL.search(sections["待办"])
        assert not URL.search(sections["小结"]) and re.search(r"\d", sections["小结"])

    def test_the_feed_is_a_readers_plain_text_dump(self, reports: dict[str, str]) -> None:
        feed = reports[FEED]
        assert "](" not in feed and "**" not in feed and "<p>" not in feed  # plain text, tags stripped
        assert "&#8217;" in feed and "&amp;" in feed and "[&#8230;]" in feed  # the reader leaves entities
        items, notes = feed_items(feed)
        assert len(items) == 8
        for item in items:
            lines = item.splitlines()
            assert [line.split(":", 1)[0] for line in lines[:4]] == ["Title", "Link", "Published", "Description"]
            assert re.fullmatch(r"Link: https://\S+", lines[1]), item
            assert re.fullmatch(r"Published: " + RFC822.pattern, lines[2]), item
            assert all(line.startswith("  ") for line in lines[4:]), item  # wrapped description
            assert len(URL.findall(item)) == 1
        assert "Published: Mon, 30 Nov 2026 06:10:00 +0000" in feed
        assert not URL.search(notes) and re.search(r"\d", notes)  # the closing Reader notes cite nothing

    def test_each_label_rests_only_on_links_in_its_scope(self, labels: list[dict], reports: dict[str, str]) -> None:
        items, feed_notes = feed_items(reports[FEED])
        note_summary = note_sections(reports[NOTE])["小结"]
        for item in labels:
            quote, urls = item["quote"], set(item["source_urls"])
            if item["report"] == FEED:
                if quote in feed_notes:
                    scope = set(URL.findall(reports[FEED]))  # unsourced: the report's own cited pages
                else:
                    (own,) = [i for i in items if quote in i]
                    scope = set(URL.findall(own))  # the item's own Link only
            elif quote in note_summary:
                scope = set(URL.findall(reports[NOTE]))
            else:
                (line,) = [line for line in reports[NOTE].splitlines() if quote in line]
                scope = set(LINK.findall(line))  # the link closing the point
            assert urls <= scope, item

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "单位：万元 币种：人民币" in joined  # the quarterly table's unit is a caption, not the cells
        assert "营业收入 186,452.37 74.62 421,806.15 58.31" in joined
        assert "（单位：元/百万tokens）" in joined  # the price table's unit is in its caption
        assert "(memory in GB, bandwidth in TB/s" in joined  # the spec table's units are in its caption
        assert "更正说明" in joined and "每百万tokens 16元" in joined and "正确价格为每百万tokens 12元" in joined
        assert "The three partners Corvane Systems, Tidewell Energy and Ostrander Grid" in joined  # complete list
        assert sum(bool(re.search(r"[\u4e00-\u9fff]{20}", t)) for t in texts.values()) >= 3  # Chinese pages
