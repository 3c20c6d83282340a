"""Well-formedness of the heldout21 held-out set (tests/fixtures/heldout21/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English market-headline feed exported from a trader's desk, a Traditional-Chinese YouTube video
description), that every label rests on the citations its place in the report gives it, and that the pages
carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]<>（）]+")

FEED = "h1_headline_feed_en.txt"
NOTES = "y1_video_notes_tc.txt"

# the feed: "11/18 16:05 ET  *TESSALY …": a time stamp (month/day hour:minute), the code ET, two spaces
HEADLINE = re.compile(r"(\d{2})/(\d{2}) (\d{2}):(\d{2}) ET  (\S.*)")
SRC_LINE = re.compile(r"SRC: (https://\S+)")
TICKER = re.compile(r"\((?:\d{4} (?:TT|HK)|[A-Z]{2,5} US)\)")
# the video description: chapter stamps "00:00 開場", chapter heads "▍01:12 …", link lines "📎 資料來源：url"
STAMP = re.compile(r"(\d{2}):(\d{2}) (\S.*)")
CHAPTER_HEAD = re.compile(r"▍(\d{2}:\d{2}) (\S.*)")
SOURCE_LINE = re.compile(r"📎 資料來源：(https://\S+)")

SOFT_404 = "https://news.cnyes.com/news/id/5902417"
PAYWALL = "https://www.ft.com/content/4e7b2c19-8a3d-4f6e-b1c2-7d90e5a3f218"
DEAD = "https://www.pellhamenergy.com/newsroom/pellham-to-build-georgia-cell-plant"

HELDOUT21 = LabelledSet(
    "heldout21",
    by_report={
        FEED: {"verified": 17, "contradicted": 13, "unverified": 8},
        NOTES: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "percent": 13, "count": 12, "fact": 12, "date": 11, "version": 3},
    live=11,
    url=URL,
    empty_pages={
        SOFT_404: "很抱歉，您要找的頁面不存在或已被移除",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _feed_parts(feed: str) -> tuple[str, list[list[str]], str]:
    """The feed's header line, its groups (headline lines, then their SRC lines) and its DESK VIEW paragraph."""
    head, rest = feed.split("\n\n", 1)
    body, view = rest.split("\nDESK VIEW: ", 1)
    groups = [block.splitlines() for block in body.strip("\n").split("\n\n")]
    return head, groups, "DESK VIEW: " + view


def _chapters(notes: str) -> dict[str, list[str]]:
    """The description's chapters by their stamp: the lines under each ``▍`` head up to the blank line."""
    out: dict[str, list[str]] = {}
    for block in notes.split("\n\n"):
        lines = block.splitlines()
        if lines and (m := CHAPTER_HEAD.fullmatch(lines[0])):
            out[m.group(1)] = lines
    return out


class TestHeldout21WellFormed(WellFormed):
    SET = HELDOUT21

    def test_the_feed_is_stamped_headline_groups_each_under_its_src_lines_and_a_desk_view(
        self, reports: dict[str, str]
    ) -> None:
        feed = reports[FEED]
        assert "<" not in feed and "](" not in feed and "**" not in feed and "\t" not in feed  # plain export
        head, groups, view = _feed_parts(feed)
        assert head.startswith("TECH / AI HEADLINE MONITOR") and "DESK EXPORT 12/01/2026" in head
        assert not URL.search(head)
        assert len(groups) == 9
        stamps = []
        for group in groups:
            heads = [line for line in group if HEADLINE.fullmatch(line)]
            srcs = [line for line in group if SRC_LINE.fullmatch(line)]
            # stamped headlines first, then the group's SRC line(s), nothing else and nothing after them
            assert heads and srcs and group == heads + srcs, group
            assert not any(URL.search(line) for line in heads), group
            stamps += [tuple(int(x) for x in HEADLINE.fullmatch(line).groups()[:4]) for line in heads]  # type: ignore[union-attr]
        assert stamps == sorted(stamps)  # oldest first
        assert (
            sum(len([x for x in g if x.startswith("SRC: ")]) == 2 for g in groups) == 1
        )  # one group, two links
        # every URL of the feed sits on a SRC line
        linked = [SRC_LINE.fullmatch(line).group(1) for g in groups for line in g if line.startswith("SRC: ")]  # type: ignore[union-attr]
        assert sorted(URL.findall(feed)) == sorted(linked) and len(set(linked)) == 9
        texts = [HEADLINE.fullmatch(line).group(5) for g in groups for line in g if HEADLINE.fullmatch(line)]  # type: ignore[union-attr]
        # mostly ALL CAPS flagged with an asterisk, some mixed case
        flagged = [t for t in texts if t.removeprefix("CORRECTION: ").startswith("*") and t == t.upper()]
        mixed = [t for t in texts if re.search(r"[a-z]", t)]
        assert len(flagged) >= 25 and len(mixed) == 3
        assert len(TICKER.findall(feed)) == 3
        for form in (
            "Y/Y",
            "Q/Q",
            "$4.36B",
            "$862M",
            " BLN",
            " MLN",
            " PCT",
            " BPS",
            "SEES",
            "CUTS",
            "RAISES",
            "Guides",
        ):
            assert form in feed, form
        # one CORRECTION headline, correcting an earlier headline of the feed (its figure and its time stamp)
        corrections = [t for t in texts if t.startswith("CORRECTION: ")]
        assert len(corrections) == 1
        m = re.search(r"NOT (\$[\d.]+B) AS REPORTED AT (\d{2}:\d{2})", corrections[0])
        assert m
        corrected = [line for g in groups for line in g if m.group(1) in line and "CORRECTION" not in line]
        assert len(corrected) == 1 and f" {m.group(2)} ET  " in corrected[0]
        # the closing DESK VIEW paragraph: one line, figures, no citation
        assert feed.rstrip("\n").endswith(view.rstrip("\n")) and "\n" not in view.strip()
        assert not URL.search(view) and re.search(r"\d", view)

    def test_feed_labels_rest_on_the_src_lines_of_their_group(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        feed = reports[FEED]
        _, groups, view = _feed_parts(feed)
        withdrawn = next(line for g in groups for line in g if line.endswith("NET INCOME $1.53B"))
        repeat = next(line for g in groups for line in g if line.endswith("Guides 4Q Revenue About $4.7 Bln"))
        cited = set(URL.findall(feed))
        for item in (i for i in labels if i["report"] == FEED):
            quote = item["quote"]
            assert quote not in withdrawn and quote not in repeat, item  # neither is labelled
            if quote in view:  # the unsourced summary: the feed's own pages, or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
                continue
            (group,) = [g for g in groups if any(quote in line for line in g if HEADLINE.fullmatch(line))]
            srcs = [SRC_LINE.fullmatch(line).group(1) for line in group if SRC_LINE.fullmatch(line)]  # type: ignore[union-attr]
            assert sorted(item["source_urls"]) == sorted(srcs), item
            assert not re.fullmatch(r"\d{2}:\d{2}|\d{2}/\d{2}|ET", item["key"]), item  # stamps are not claims

    def test_the_video_notes_are_a_title_a_paragraph_chapter_stamps_chapters_with_sources_and_a_view(
        self, reports: dict[str, str]
    ) -> None:
        notes = reports[NOTES]
        assert "<" not in notes and "](" not in notes and "**" not in notes  # copied as plain text
        lines = notes.splitlines()
        title, para = lines[0], lines[2]
        assert title.startswith("【") and "】" in title and re.search(r"[\U0001F300-\U0001FAFF]", title)
        assert not URL.search(title) and lines[1] == "" and para and not URL.search(para) and lines[3] == ""
        # the chapter list: stamps, not claims, in time order, opening on 00:00 and closing on 我的觀點
        start = lines.index("⏱ 影片章節") + 1
        end = lines.index("", start)
        stamps = [STAMP.fullmatch(line) for line in lines[start:end]]
        assert all(stamps) and len(stamps) == 9
        times = [int(m.group(1)) * 60 + int(m.group(2)) for m in stamps]  # type: ignore[union-attr]
        assert times == sorted(times) and lines[start] == "00:00 開場" and lines[end - 1] == "18:30 我的觀點"
        # a chapter per stamp after 開場, headed by the same stamp and title
        chapters = _chapters(notes)
        listed = dict(line.split(" ", 1) for line in lines[start + 1 : end])
        assert {k: CHAPTER_HEAD.fullmatch(v[0]).group(2) for k, v in chapters.items()} == listed  # type: ignore[union-attr]
        for stamp, chapter in chapters.items():
            body = [line for line in chapter[1:] if not line.startswith("📎")]
            links = [line for line in chapter[1:] if line.startswith("📎")]
            assert len(body) == 1 and re.search(r"\d", body[0]) and not URL.search(body[0]), stamp
            assert chapter == chapter[:1] + body + links, (
                stamp
            )  # summary, then the chapter's own link line(s)
            assert all(SOURCE_LINE.fullmatch(line) for line in links), stamp
            if stamp == "18:30":
                assert not links and listed[stamp] == "我的觀點"  # the closing view cites nothing
            else:
                assert 1 <= len(links) <= 2, stamp
        assert sum(len([x for x in c if x.startswith("📎")]) == 2 for c in chapters.values()) == 1
        linked = [
            SOURCE_LINE.fullmatch(x).group(1) for c in chapters.values() for x in c if x.startswith("📎")
        ]  # type: ignore[union-attr]
        assert sorted(URL.findall(notes)) == sorted(linked) and len(linked) == 8
        # the disclaimer line and the hashtag line close the description
        tail = [line for line in notes.split("\n▍18:30 我的觀點\n", 1)[1].splitlines() if line]
        assert len(tail) == 3 and tail[1].startswith("「免責聲明」") and notes.count("免責聲明") == 1
        tags = tail[2].split()
        assert len(tags) >= 5 and all(re.fullmatch(r"#\S+", t) for t in tags) and "#AI" in tags
        for form in (
            "億元",
            "萬元",
            "新台幣",
            "美元",
            "港幣",
            "港元",
            "人民幣",
            "年增",
            "季增",
            "月減",
            "兆元",
            "11/26",
            "11月27日",
        ):
            assert form in notes, form

    def test_note_labels_rest_on_the_source_lines_of_their_chapter(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        notes = reports[NOTES]
        chapters = _chapters(notes)
        cited = set(URL.findall(notes))
        for item in (i for i in labels if i["report"] == NOTES):
            (stamp,) = [s for s, c in chapters.items() if item["quote"] in c[1]]
            links = [SOURCE_LINE.fullmatch(x).group(1) for x in chapters[stamp] if x.startswith("📎")]  # type: ignore[union-attr]
            if stamp == "18:30":  # 我的觀點: the note's own pages, or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
            else:
                assert sorted(item["source_urls"]) == sorted(links), item

    def test_pages_carry_the_formats_the_labels_rely_on(
        self, manifest: dict[str, dict], labels: list[dict]
    ) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # units only in a caption or a column header
        assert "(in millions, except per-share data and percentages)" in joined
        assert "Net income $1,352 $1,188 $731" in joined
        assert "规划算力（PFLOPS） 总投资（亿元） 预计投运时间 韶关天擎智算中心 8,500 186" in joined
        # a correction note, complete lists (with the name that is not on them)
        assert "Correction, 25 November 2026" in joined and "The filing lists 1.6GW, not 1.2GW." in joined
        assert "three launch cloud partners: Cobalt Cloud, Veradyne and Harbor Compute" in joined
        assert "Sunmesh is not a launch partner" in joined
        assert (
            "首批入选的智能算力枢纽节点共三家，分别为：韶关天擎智算中心、东莞松湖算力基地和佛山南海云港智算中心"
            in joined
        )
        assert "广州南沙智算中心项目仍在评审中" in joined
        # two subjects side by side; a figure of another period next to the right one
        assert "香港公开发售部分获超额认购约386倍，国际配售部分获超额认购约11.4倍" in joined
        assert "每股純益（EPS）4.12元。鼎泰電通第三季營收1,894.2億元" in joined
        assert "Its closest rival, Quillon, was valued at $7.2 billion" in joined
        assert "年增52.1%，創單月歷史新高；累計前10月營收7,812.6億元，年增37.9%" in joined
        # about half the captured pages are in Chinese, two of them in Traditional characters
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 5
        assert list(langs.values()).count("zh-Hant-TW") == 2
        # a Chinese page settles English headlines, and English pages settle Chinese claims
        settled = [i for i in labels if i["verdict"] != "unverified"]
        assert any(
            i["report"] == FEED and any(langs.get(u, "").startswith("zh") for u in i["source_urls"])
            for i in settled
        )
        assert any(
            i["report"] == NOTES and any(langs.get(u, "").startswith("en") for u in i["source_urls"])
            for i in settled
        )
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "鼎信" not in texts[SOFT_404] and "私募" not in texts[SOFT_404] and "億股" not in texts[SOFT_404]
        )
        assert "billion" not in texts[PAYWALL] and "Dec" not in texts[PAYWALL]
