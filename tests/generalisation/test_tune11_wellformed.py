"""Well-formedness of the tune11 development set (tests/fixtures/tune11/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese podcast transcript with a numbered 节目单 link list, an English investor email digest
with "Read more →" lines) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
PODCAST, DIGEST = "c1_podcast_sc.txt", "c2_digest_en.txt"
TURN = re.compile(r"\[(\d{2}):(\d{2})\] (主持人|嘉宾（[^）]+）)：(.+)")
LINK_REF = re.compile(r"（见链接 (\d+)）")
LINK_LINE = re.compile(r"(\d+)\. (.+) — (https://\S+)")
SHOW_NOTES = "节目单 / 本期提到的链接"
READ_MORE = re.compile(r"Read more → (https://\S+)")

TUNE11 = LabelledSet(
    "tune11",
    by_report={
        PODCAST: {"verified": 14, "contradicted": 12, "unverified": 8},
        DIGEST: {"verified": 13, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 27, "contradicted": 24, "unverified": 17},
    kinds={"money": 24, "percent": 14, "count": 12, "date": 10, "fact": 6, "version": 2},
    live=10,
    url=URL,
    empty_pages={
        "https://www.cls.cn/detail/1893427": "页面不存在",  # soft 404 answering 200
        "https://www.theinformation.com/articles/meridian-ai-lines-up-new-funding-as-enterprise-demand-climbs": (
            "This article is for subscribers only"
        ),
    },
)


def _show_notes(podcast: str) -> dict[int, str]:
    """The closing link list: number -> URL."""
    notes = podcast.split(f"\n{SHOW_NOTES}\n", 1)[1]
    links = {}
    for line in notes.strip().splitlines():
        match = LINK_LINE.fullmatch(line)
        assert match, line
        links[int(match.group(1))] = match.group(3)
    return links


def _sections(digest: str) -> list[list[str]]:
    """The digest's ■ sections, each as its non-blank lines (header first)."""
    body = digest.split("\n■ ")[1:]
    last = body[-1].split("\nOUR VIEW\n", 1)[0]
    return [[line for line in block.splitlines() if line.strip()] for block in [*body[:-1], last]]


class TestTune11WellFormed(WellFormed):
    SET = TUNE11

    def test_the_podcast_is_timed_speaker_turns(self, reports: dict[str, str]) -> None:
        podcast = reports[PODCAST]
        assert "#" not in podcast and "](" not in podcast and "**" not in podcast  # plain text, no markdown
        head, _ = podcast.split(f"\n{SHOW_NOTES}\n", 1)
        turns = [TURN.fullmatch(line) for line in head.splitlines() if line.startswith("[")]
        assert all(turns) and len(turns) >= 20
        stamps = [int(t.group(1)) * 60 + int(t.group(2)) for t in turns if t]
        assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)  # time stamps run forward
        speakers = {t.group(3) for t in turns if t}
        guests = {s for s in speakers if s.startswith("嘉宾")}
        assert "主持人" in speakers and len(guests) == 2
        assert all(s[3:-1] in head.split("\n\n", 1)[0] for s in guests)  # guests are named in the header
        assert not URL.search(head)  # turns cite only by （见链接 n）, URLs sit in the 节目单

    def test_the_podcast_cites_by_number_into_its_show_notes(self, reports: dict[str, str]) -> None:
        podcast = reports[PODCAST]
        links = _show_notes(podcast)
        assert sorted(links) == list(range(1, len(links) + 1)) and len(links) == 6
        head = podcast.split(f"\n{SHOW_NOTES}\n", 1)[0]
        turns = [line for line in head.splitlines() if TURN.fullmatch(line)]
        cited = {int(n) for line in turns for n in LINK_REF.findall(line)}
        assert cited == set(links)  # every reference resolves and every listed link is referred to
        unsourced = [line for line in turns if not LINK_REF.search(line) and re.search(r"\d+(亿|万|%|片)", line)]
        assert len(unsourced) >= 3  # turns with figures and no link: the opening, a guest's own count, the close

    def test_the_digest_is_an_email_with_read_more_sections(self, reports: dict[str, str]) -> None:
        digest = reports[DIGEST]
        lines = digest.splitlines()
        assert lines[0].startswith("Subject: ") and lines[1].startswith("From: ")
        assert "#" not in digest and "](" not in digest and "**" not in digest  # plain text, no markdown
        sections = _sections(digest)
        assert len(sections) == 7
        for section in sections:
            body = section[1:]
            reads = [i for i, line in enumerate(body) if READ_MORE.fullmatch(line)]
            assert reads and reads == list(range(len(body) - len(reads), len(body))), section[0]  # links close it
            assert any(line.startswith("• ") for line in body), section[0]
        assert sum(sum(bool(READ_MORE.fullmatch(line)) for line in s) == 2 for s in sections) == 1
        # every URL sits on a Read more line; the IN THIS ISSUE list and OUR VIEW cite nothing
        assert all(READ_MORE.fullmatch(line) for line in lines if URL.search(line))
        intro = digest.split("IN THIS ISSUE\n", 1)[1].split("\n■ ", 1)[0]
        assert intro.count("• ") == 3 and not URL.search(intro)
        assert not URL.search(digest.split("\nOUR VIEW\n", 1)[1])

    def test_the_digest_quotes_analysts_in_attributed_blocks(self, reports: dict[str, str]) -> None:
        blocks = [b for b in reports[DIGEST].split("\n\n") if b.startswith("> ")]
        assert len(blocks) >= 4
        for block in blocks:
            quoted = block.splitlines()
            assert all(line.startswith("> ") for line in quoted)
            assert quoted[0].startswith('> "') and quoted[-1].startswith("> — ")

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "单位：元 币种：人民币" in joined  # the quarterly table's unit is a units row, cells in 元
        assert "(in millions of U.S. dollars, except per share data; unaudited)" in joined  # a unit caption
        assert "【更新】" in joined and "而非发布会材料最初写的512K" in joined  # an update revising a figure
        assert "Correction, November 26, 2026" in joined and "The correct figure is $1.2 billion." in joined
        assert "首批成员单位共6家" in joined and "尚未成为联盟成员" in joined  # a complete list, and a non-member
        chinese = [u for u, t in texts.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 300]
        assert len(chinese) >= 3
