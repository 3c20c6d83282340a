"""Well-formedness of the heldout10 set (tests/fixtures/heldout10/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a PTT BBS post in Traditional Chinese, an English video-briefing transcript in SubRip form) and that the
pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re
from datetime import datetime

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# The post's own address (※ 文章網址) is where the post lives, not a page it cites.
URL = re.compile(r"https?://(?!www\.ptt\.cc/)[^\s)\]>〉」]+")
PTT = "p1_ptt_tc.txt"
SRT = "s2_srt_en.txt"
LINKS_HEADER = "Links mentioned in this briefing:"

HELDOUT10 = LabelledSet(
    "heldout10",
    by_report={
        PTT: {"verified": 17, "contradicted": 13, "unverified": 9},
        SRT: {"verified": 13, "contradicted": 14, "unverified": 9},
    },
    verdicts={"verified": 30, "contradicted": 27, "unverified": 18},
    kinds={"money": 36, "percent": 10, "fact": 10, "date": 10, "count": 8, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.jiemian.com/article/13827461.html": "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        "https://www.bloomberg.com/news/articles/2026-11-27/halcyon-ai-said-to-weigh-new-funding-round-as-sales-climb": (
            "Subscribe now to continue reading"
        ),
    },
)

PUSH = re.compile(r"(推|噓|→) ([A-Za-z0-9_]+): (.+?) +(\d\d/\d\d \d\d:\d\d)")
TIMING = re.compile(r"(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})")
LINK = re.compile(r"\[(\d\d):(\d\d)\] (.+) — (https://\S+)")
# what the host says when a link is meant ("as the company's blog post says")
REFERENCES = (
    "blog post",
    "Bloomberg reported",
    "according to Reuters",
    "own announcement",
    "press release",
    "TrendForce's latest report",
    "write-up",
    "36Kr reports",
)


def _ms(h: str, m: str, s: str, ms: str) -> int:
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def _cues(srt: str) -> list[tuple[int, int, str]]:
    """(start ms, end ms, text) of each cue, checking the numbering and timing lines on the way."""
    body = srt.split(f"\n{LINKS_HEADER}\n", 1)[0]
    cues = []
    for n, block in enumerate(body.strip("\n").split("\n\n"), 1):
        lines = block.split("\n")
        assert lines[0] == str(n), block  # numbered from 1 without gaps
        timing = TIMING.fullmatch(lines[1])
        assert timing, lines[1]
        start, end = _ms(*timing.groups()[:4]), _ms(*timing.groups()[4:])
        assert start < end, block
        assert 1 <= len(lines[2:]) <= 2 and all(line.strip() for line in lines[2:]), block
        cues.append((start, end, " ".join(lines[2:])))
    return cues


class TestHeldout10WellFormed(WellFormed):
    SET = HELDOUT10

    def test_the_post_has_ptt_headers_signature_and_pushes(self, reports: dict[str, str]) -> None:
        post = reports[PTT]
        lines = post.splitlines()
        assert [line.split(" ", 1)[0] for line in lines[:4]] == ["作者", "看板", "標題", "時間"]
        board = lines[1].split(" ", 1)[1]
        assert lines[2].startswith("標題 [情報] ")
        when = datetime.strptime(lines[3].split(" ", 1)[1], "%a %b %d %H:%M:%S %Y")
        assert when.date().isoformat() == "2026-11-29" and when.strftime("%a") == "Sun"
        assert set(lines[4]) == {"─"}
        assert "#" not in post and "](" not in post and "**" not in post  # plain BBS text, no markdown
        signature = lines.index("--")
        assert re.fullmatch(
            r"※ 發信站: 批踢踢實業坊\(ptt\.cc\), 來自: \d+\.\d+\.\d+\.\d+ \(臺灣\)", lines[signature + 1]
        )
        own = re.fullmatch(
            rf"※ 文章網址: (https://www\.ptt\.cc/bbs/{board}/M\.\d+\.A\.[0-9A-F]{{3}}\.html)",
            lines[signature + 2],
        )
        assert own and not URL.findall(lines[signature + 2])  # the post's own address is not a citation
        pushes = [PUSH.fullmatch(line) for line in lines[signature + 3 :]]
        assert all(pushes) and len(pushes) >= 10, lines[signature + 3 :]
        assert {p.group(1) for p in pushes if p} == {"推", "噓", "→"}
        stamps = [datetime.strptime(f"2026/{p.group(4)}", "%Y/%m/%d %H:%M") for p in pushes if p]
        assert stamps == sorted(stamps) and stamps[0] > when
        # two comments cite a page of their own
        assert sum(bool(URL.search(p.group(3))) for p in pushes if p) == 2

    def test_the_post_is_items_each_closed_by_its_source_lines(self, reports: dict[str, str]) -> None:
        post = reports[PTT]
        body = post.split("───\n", 1)[1].rsplit("\n--\n", 1)[0]
        numerals = "一二三四五六"
        starts = [m.start() for m in re.finditer(rf"^[{numerals}]、", body, re.M)]
        assert len(starts) == 6
        overview, closing = body[: starts[0]], body.rsplit("\n心得：\n", 1)[1]
        assert not URL.search(overview) and not URL.search(closing)  # overview and 心得 cite nothing
        items = [body[a:b] for a, b in zip(starts, [*starts[1:], body.index("\n心得：\n")], strict=True)]
        links_per_item = []
        for numeral, item in zip(numerals, items, strict=True):
            lines = [line for line in item.strip("\n").splitlines() if line]
            assert lines[0].startswith(f"{numeral}、")
            tail = [line for line in lines if line.startswith(("新聞來源：", "原文網址："))]
            assert lines[-len(tail) :] == tail, item  # the source lines close the item
            assert tail[0].startswith("新聞來源：")
            assert all(re.fullmatch(r"原文網址：https://\S+", line) for line in tail[1:])
            assert not URL.search("\n".join(lines[: -len(tail)]))  # no URL inside the paragraphs
            links_per_item.append(len(tail) - 1)
        assert sorted(links_per_item) == [1, 1, 1, 1, 1, 2]  # one item cites two pages

    def test_the_transcript_is_numbered_timed_cues(self, reports: dict[str, str]) -> None:
        srt = reports[SRT]
        cues = _cues(srt)
        assert len(cues) >= 40
        for (_, end, _), (start, _, _) in zip(cues, cues[1:], strict=False):
            assert end <= start  # cues in order, never overlapping
        assert not URL.search(srt.split(f"\n{LINKS_HEADER}\n", 1)[0])  # the spoken part has no URLs
        assert "2026" in cues[0][2]
        # sentences run on across cues
        assert sum(not re.search(r"[.?!]$", text) for _, _, text in cues) >= 10

    def test_the_description_lists_links_at_the_times_they_are_mentioned(
        self, reports: dict[str, str]
    ) -> None:
        srt = reports[SRT]
        cues = _cues(srt)
        description = srt.split(f"\n{LINKS_HEADER}\n", 1)[1].strip("\n").splitlines()
        links = [LINK.fullmatch(line) for line in description]
        assert all(links) and len(links) == 8, description
        seconds = [int(m.group(1)) * 60 + int(m.group(2)) for m in links if m]
        assert seconds == sorted(seconds)
        for second in seconds:
            # a link's time is the start of the cue where the host refers to it
            spoken = [text for start, _, text in cues if start // 1000 == second]
            assert spoken and any(ref in spoken[0] for ref in REFERENCES), (second, spoken)
        # the intro (first three cues) and the closing recap (last three) cite nothing
        assert cues[2][1] // 1000 < seconds[0] and seconds[-1] < cues[-3][0] // 1000

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "單位：新台幣百萬元" in joined  # a results table in millions of NT$, its unit in the caption
        assert "經費單位：新臺幣億元" in joined and "Unit: US$ billion" in joined
        # an update note revising a figure
        assert "Update, November 26, 2026" in joined and "The correct price is $1.20" in joined
        assert "three partners: Halcyon AI, Bramwell Energy and Oskar Capital" in joined  # a complete list
        assert "no other firm holds a stake" in joined
        chinese = [u for u, t in texts.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) >= 300]
        assert len(chinese) >= 4
