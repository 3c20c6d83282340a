"""Well-formedness of the heldout29 held-out set (tests/fixtures/heldout29/), checked without the engine.

The set was written blind to the engine and is held out: it is scored in totals only. ``WellFormed`` checks
its labels against its reports and its archive (one dead URL, one soft 404, one paywall stub); the tests here
check the shapes of its two reports (a Traditional-Chinese Dcard forum post copied as text, with floor
replies B1, B2, …; an English Reddit self-post in Markdown source, with blockquotes, a table, superscript
asides, EDIT paragraphs, a TL;DR and top comments), that each label rests on exactly the URLs its report's
citation scope gives it, that the weekdays the reports write are right, and that the pages carry what the
labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
MD_LINK = re.compile(r"\[([^\[\]]+)\]\((https://[^\s()]+)\)")

DCARD = "c1_dcard_post_tc.txt"
REDDIT = "r1_reddit_post_en.md"

RTR = "https://www.reuters.com/technology/artificial-intelligence/ai-lab-halcyra-raises-24-billion-northmoor-led-round-2026-12-15/"
TC = "https://techcrunch.com/2026/12/09/halcyras-orion-3-halves-input-prices-and-claims-twice-the-speed/"
DGT = "https://www.digitimes.com/news/a20261216PD208/chongyue-liquid-cooling-ai-server-rack-vantor.html"
UDN = "https://money.udn.com/money/story/5612/8441937"
KR = "https://36kr.com/p/3069251847316489"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-12-18/halcyra-ai-is-said-to-weigh-us-ipo-as-soon-as-late-2027"
DCD = "https://www.datacenterdynamics.com/en/news/vantor-cloud-plans-ai-campus-in-johor-malaysia/"
GNW = "https://www.globenewswire.com/news-release/2026/12/02/3198224/0/en/Stratoline-Compute-Reports-Third-Quarter-Fiscal-2027-Results.html"
SOFT_404 = "https://venturebeat.com/ai/taiwans-jingyi-lands-kestrel-order-for-inference-chip/"
IDA = "https://www.ida.gov.tw/ctlr?PRO=news.rwdNewsView&id=41287"
CNBC = "https://www.cnbc.com/2026/12/07/stratoline-shares-jump-on-halcyra-compute-deal.html"
YC = "https://www.yicai.com/news/102918374.html"
DEAD = "https://halcyra.ai/blog/introducing-orion-3"

HELDOUT29 = LabelledSet(
    "heldout29",
    by_report={
        DCARD: {"verified": 16, "contradicted": 13, "unverified": 8},
        REDDIT: {"verified": 17, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 28, "fact": 13, "percent": 12, "count": 11, "date": 8, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Oops! We can't find the page you're looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe now to read the full story",  # paywall stub
    },
)

# --- the Dcard post -------------------------------------------------------------------------------------

DCARD_AUTHOR = re.compile(r"科技業 · 12月(\d{1,2})日 \d\d:\d\d")
REACTIONS = re.compile(r"♥ \d+ · 留言 (\d+)")
FLOOR = re.compile(r"B(\d+) · 12月(\d{1,2})日 (\d\d):(\d\d)")
FLOOR_LIKES = re.compile(r"♥ \d+")
LINK_LINE = re.compile(r"(?:[^\s：]{1,8}：)?(https://\S+)")
BODY_SOURCE = ("新聞連結：", "原文：")
DELETED = "此留言已被原作者刪除"
ZH_WEEKDAYS = "一二三四五六日"


def _dcard_units(post: str) -> tuple[list[list[str]], list[tuple[int, list[str]]]]:
    """The post's body blocks (blank-line separated, between the author line and the reaction line) and
    its floors: (floor number, the floor's lines after its header)."""
    lines = post.splitlines()
    end = next(i for i, line in enumerate(lines) if REACTIONS.fullmatch(line))
    body = "\n".join(lines[4:end]).strip("\n").split("\n\n")
    floors: list[tuple[int, list[str]]] = []
    for line in lines[end + 1 :]:
        if m := FLOOR.fullmatch(line):
            floors.append((int(m.group(1)), []))
        elif line:
            assert floors, line
            floors[-1][1].append(line)
    return [block.splitlines() for block in body], floors


def _links(lines: list[str]) -> set[str]:
    return {u for line in lines for u in URL.findall(line)}


# --- the Reddit post ------------------------------------------------------------------------------------

SUBMITTED = re.compile(r"submitted (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) Dec 2026 by u/\w+ · \w+")
COMMENT = re.compile(r"u/(\w+) · (\d+) points")
EN_WEEKDAY = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \(Dec (\d{1,2})\)")
ASIDE = re.compile(r"\^\([^()]+\)")
TABLE_RULE = re.compile(r"\|(?::?-+:?\|)+")


def _reddit_units(post: str) -> tuple[list[str], list[tuple[str, int, list[str]]]]:
    """The post's blocks (blank-line separated, after the three header lines and before the "---" rule)
    and its comments: (user, points, the comment's blocks)."""
    head, _, tail = post.partition("\n---\n")
    blocks = head.split("\n\n")[1:]
    comments: list[tuple[str, int, list[str]]] = []
    for block in tail.strip("\n").split("\n\n"):
        if m := COMMENT.fullmatch(block):
            comments.append((m.group(1), int(m.group(2)), []))
        else:
            assert comments, block
            comments[-1][2].append(block)
    return blocks, comments


def _kind(block: str) -> str:
    lines = block.splitlines()
    if block.startswith("## "):
        return "heading"
    if all(line.startswith("> ") for line in lines):
        return "quote"
    if all(line.startswith("|") for line in lines):
        return "table"
    if block.startswith("Sources: "):
        return "sources"
    if ASIDE.fullmatch(block):
        return "aside"
    return "paragraph"


def _own(blocks: list[str], i: int) -> set[str]:
    """The URLs block i of the post rests on: a blockquote, the paragraph introducing it (ending with a
    colon); a table, the Sources line under it; anything else, its own links."""
    kind = _kind(blocks[i])
    if kind == "quote":
        assert _kind(blocks[i - 1]) == "paragraph" and blocks[i - 1].endswith(":"), blocks[i - 1]
        return {u for _, u in MD_LINK.findall(blocks[i - 1])} | {u for _, u in MD_LINK.findall(blocks[i])}
    if kind == "table":
        assert _kind(blocks[i + 1]) == "sources", blocks[i + 1]
        return {u for _, u in MD_LINK.findall(blocks[i + 1])}
    return {u for _, u in MD_LINK.findall(blocks[i])}


class TestHeldout29WellFormed(WellFormed):
    SET = HELDOUT29

    def test_reports_are_realistic_lengths(self, reports: dict[str, str]) -> None:
        for name, text in reports.items():
            assert 4_000 <= len(text.encode("utf-8")) <= 7_000, name

    def test_the_dcard_post_is_a_forum_thread_with_floors(self, reports: dict[str, str]) -> None:
        post = reports[DCARD]
        lines = post.splitlines()
        # board, title with a Dcard tag, author line with the date, then a blank line
        assert lines[0] == "股票" and lines[1].startswith("[心得] ") and not URL.search(lines[1])
        assert DCARD_AUTHOR.fullmatch(lines[2]) and lines[3] == ""
        assert "](" not in post and "<" not in post and "**" not in post
        body, floors = _dcard_units(post)
        # the body's sourced blocks end with their 新聞連結 / 原文 line; the others cite nothing
        sourced = [b for b in body if _links(b)]
        assert len(sourced) == 4
        for block in sourced:
            assert block[-1].startswith(BODY_SOURCE) and LINK_LINE.fullmatch(block[-1]), block
            assert len(_links(block)) == 1 and not any(URL.search(x) for x in block[:-1])
        assert [b[0][:2] for b in sourced] == ["一、", "二、", "三、", "四、"]
        # floors B1 … Bn in order and in time, as many as the reaction line's 留言 count
        reactions = next(REACTIONS.fullmatch(x) for x in lines if REACTIONS.fullmatch(x))
        assert [n for n, _ in floors] == list(range(1, len(floors) + 1))
        assert len(floors) == int(reactions.group(1))  # type: ignore[union-attr]
        stamps = [FLOOR.fullmatch(x) for x in lines if FLOOR.fullmatch(x)]
        times = [(int(m.group(2)), int(m.group(3)), int(m.group(4))) for m in stamps if m]
        assert times == sorted(times) and times[0] >= (25, 21, 14)
        for _, flines in floors:
            if flines == [DELETED]:  # a deleted floor: no author, no text, no reactions
                continue
            author, *text, likes = flines
            assert re.fullmatch(r"\S+業( · 原PO)?", author) and FLOOR_LIKES.fullmatch(likes), flines
            # a floor's links sit on lines of their own (bare, or after a short label)
            for x in text:
                assert not URL.search(x) or LINK_LINE.fullmatch(x), x
        assert sum(f == [DELETED] for _, f in floors) == 1
        assert sum(f[0].endswith("原PO") for _, f in floors if f != [DELETED]) >= 3
        # replies refer to other floors
        assert "B2 說的" in post and "回 B1：" in post and "回 B7：" in post

    def test_dcard_labels_rest_on_their_own_block_or_floor(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[DCARD]
        cited = set(URL.findall(post))
        body, floors = _dcard_units(post)
        units = list(body) + [f for _, f in floors]
        for item in labels:
            if item["report"] != DCARD:
                continue
            owners = [u for u in units if any(item["quote"] in x for x in u)]
            assert len(owners) == 1, item["quote"]
            own = _links(owners[0])
            if own:  # a body block's 新聞連結 line, or the links written in the floor's own text
                assert set(item["source_urls"]) == own, item
            else:  # an unsourced block or floor: the post's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item

    def test_the_reddit_post_is_markdown_source_with_edits_and_comments(
        self, reports: dict[str, str]
    ) -> None:
        post = reports[REDDIT]
        lines = post.splitlines()
        assert lines[0] == "r/singularity" and lines[1] and not URL.search(lines[1])
        assert SUBMITTED.fullmatch(lines[2]) and lines[3] == ""
        assert "<" not in post and "&#x200B;" in lines  # the fancy-pants editor's zero-width line
        # every URL is a markdown link [text](url)
        assert set(URL.findall(post)) == {u for _, u in MD_LINK.findall(post)}
        blocks, comments = _reddit_units(post)
        kinds = [_kind(b) for b in blocks]
        assert kinds.count("quote") == 2 and kinds.count("table") == 1 and kinds.count("aside") >= 2
        assert kinds.count("heading") >= 2
        # the table: header, alignment row, rows of as many cells; its unit is only in the line above it
        table = blocks[kinds.index("table")].splitlines()
        assert TABLE_RULE.fullmatch(table[1]) and len(table) >= 4
        assert len({x.count("|") for x in table}) == 1
        assert blocks[kinds.index("table") - 1].endswith("(per 1M tokens):")
        # TL;DR, then the EDITs appended later, each taking back a figure of an earlier line
        order = [b.split(" ", 1)[0] for b in blocks if b.startswith("**")]
        tail = order[order.index("**TL;DR:**") :]
        assert tail == ["**TL;DR:**", "**EDIT:**", "**EDIT"] and blocks[-1].startswith("**EDIT 2:**")
        body = "\n\n".join(blocks[: next(i for i, b in enumerate(blocks) if b.startswith("**TL;DR:**"))])
        edit1 = next(b for b in blocks if b.startswith("**EDIT:**"))
        edit2 = blocks[-1]
        assert "not 420 million" in edit1 and "RMB 420 million" in body
        assert "not 600" in edit2 and "600 MW" in body
        # top comments, by points, each a "u/name · n points" line then its text
        points = [p for _, p, _ in comments]
        assert len(comments) >= 5 and points == sorted(points, reverse=True)
        assert all(texts for _, _, texts in comments)
        assert sum(not MD_LINK.search("\n".join(t)) for _, _, t in comments) == 2  # two cite nothing

    def test_reddit_labels_rest_on_their_own_block_or_comment(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        post = reports[REDDIT]
        cited = set(URL.findall(post))
        blocks, comments = _reddit_units(post)
        for item in labels:
            if item["report"] != REDDIT:
                continue
            in_post = [i for i, b in enumerate(blocks) if item["quote"] in b]
            in_comments = [t for _, _, t in comments if any(item["quote"] in b for b in t)]
            assert len(in_post) + len(in_comments) == 1, item["quote"]
            if in_post:
                assert _kind(blocks[in_post[0]]) not in {"heading", "sources"}, item
                own = _own(blocks, in_post[0])
            else:
                own = {u for b in in_comments[0] for _, u in MD_LINK.findall(b)}
            if own:
                assert set(item["source_urls"]) == own, item
            else:  # an aside, the TL;DR or a comment citing nothing: the post's own pages or nothing
                assert set(item["source_urls"]) <= cited, item

    def test_weekdays_written_are_right(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        # Dcard: the only weekday is relative, 上週二 in a post dated 25 December 2026
        post = reports[DCARD]
        day = int(DCARD_AUTHOR.fullmatch(post.splitlines()[2]).group(1))  # type: ignore[union-attr]
        posted = dt.date(2026, 12, day)
        relative = re.findall(r"上週([一二三四五六日])", post)
        assert relative == ["二"]
        assert not re.search(r"星期[一二三四五六日]|（[一二三四五六日]）|(?<!上)週[一二三四五六日]", post)
        monday_last_week = posted - dt.timedelta(days=posted.weekday() + 7)
        meant = monday_last_week + dt.timedelta(days=ZH_WEEKDAYS.index(relative[0]))
        assert meant == dt.date(2026, 12, 15)
        texts = live_page_texts(manifest, self.SET.sources)
        assert "SAN FRANCISCO, Dec 15 (Reuters)" in texts[RTR] and "said on Tuesday" in texts[RTR]
        # Reddit: the submitted line and "Weekday (Dec n)"
        reddit = reports[REDDIT]
        sub = SUBMITTED.fullmatch(reddit.splitlines()[2])
        assert sub and dt.date(2026, 12, int(sub.group(2))).strftime("%a") == sub.group(1)
        written = EN_WEEKDAY.findall(reddit)
        assert written == [("Tuesday", "15")]
        for name, d in written:
            assert dt.date(2026, 12, int(d)).strftime("%A") == name
        # any other weekday name in the post is inside a blockquote of a page's own sentence
        for line in reddit.splitlines():
            if re.search(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", line) and not EN_WEEKDAY.search(
                line
            ):
                assert line.startswith("> ") and line[2:] in texts[CNBC] + texts[TC], line
        # the pages' own weekday datelines
        assert (
            dt.date(2026, 12, 16).strftime("%A") == "Wednesday" and "Wednesday 16 December 2026" in texts[DGT]
        )
        assert dt.date(2026, 12, 7).strftime("%a") == "Mon" and "Published Mon, Dec 7 2026" in texts[CNBC]
        assert dt.date(2026, 12, 10).weekday() == 3  # Xiling's listing day, 12月10日, a Thursday

    def test_pages_carry_what_the_labels_rely_on(
        self, manifest: dict[str, dict], reports: dict[str, str]
    ) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or a header
        assert (
            "崇岳近期營收（單位：新台幣億元）" in texts[UDN] and "2026年11月 278.4 6.1% 38.7%" in texts[UDN]
        )
        assert "2026年1-11月 2,514.6 — 46.2%" in texts[UDN]
        assert "計畫總經費（新台幣億元） 核定補助款（新台幣億元）" in texts[IDA]
        assert "1 崇岳科技 液冷AI伺服器機櫃整合平台開發計畫 12.4 4.8" in texts[IDA]
        assert (
            "(in millions, except per share amounts)" in texts[GNW]
            and "Revenue 742 397 1,930 1,011" in texts[GNW]
        )
        assert (
            "Orion 3 68.4% 91.2% 79.5%" in texts[TC]
            and "Vireo-4 (Pallas Labs) 71.8% 89.7% 80.1%" in texts[TC]
        )
        # a correction note, "X, not Y"
        assert "Correction, December 4, 2026:" in texts[DCD]
        assert "Vantor has clarified that the campus is planned at 800MW, not 600MW." in texts[DCD]
        # a complete list, and the name said not to be on it
        assert "第一梯次核定補助企業共四家，分別為：崇岳科技、晶翊科技、宏澔半導體及聯岱封測" in texts[IDA]
        assert "另鑫茂電子提出之申請案" in texts[IDA] and "移至第二梯次審查" in texts[IDA]
        # figures of another period, another subject or another direction next to the right one
        assert "Revenue for the first nine months of fiscal 2027 was $1.93 billion" in texts[GNW]
        assert (
            "Third quarter revenue of $742 million" in texts[GNW] and "narrowed from a net loss" in texts[GNW]
        )
        assert "年增38.7%" in texts[UDN] and "前11月累計營收2,514.6億元，年增46.2%" in texts[UDN]
        assert "Orion 3 Mini costs $0.30 per million input tokens" in texts[TC]
        assert "输入每百万tokens 2元、输出每百万tokens 8元" in texts[KR]
        assert "with Kestrel Cloud the second largest" in texts[DGT]
        # pages that say they do not give a figure a label asks for
        assert "Aukett declined to disclose Halcyra's revenue" in texts[RTR]
        assert "Chongyue declined to comment on the size of its orders" in texts[DGT]
        assert "公司未透露本轮融资后的估值" in texts[KR]
        assert "第二梯次補助額度將視第一梯次執行情形另行公告" in texts[IDA]
        assert (
            "Stratoline declined to say how much of its revenue currently comes from Halcyra" in texts[CNBC]
        )
        # citation scope: the Stratoline contract's value is on CNBC, not on Reuters; October on 經濟日報 only
        assert "$5.6 billion" in texts[CNBC] and "$5.6 billion" not in texts[RTR]
        assert "262.4" in texts[UDN] and "262.4" not in texts[DGT]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert not re.search(r"Jingyi|晶翊|\$300 million|Kestrel", texts[SOFT_404])
        assert (
            "Nasdaq" not in texts[PAYWALL]
            and "$60" not in texts[PAYWALL]
            and "valuation" not in texts[PAYWALL]
        )
        # unsourced claims nobody's page confirms
        assert "Apache" not in joined and "自研" not in joined
        # languages: four Chinese pages (two Traditional), the rest English
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 4
        assert {u for u, lang in langs.items() if lang == "zh-Hant-TW"} == {UDN, IDA}
        assert langs[KR] == langs[YC] == "zh-CN"
        # the Chinese post cites mostly English pages; the English post cites Chinese ones
        dcard = set(URL.findall(reports[DCARD]))
        reddit = set(URL.findall(reports[REDDIT]))
        assert sum(langs[u].startswith("en") for u in dcard) > sum(langs[u].startswith("zh") for u in dcard)
        assert sum(langs[u].startswith("zh") for u in reddit if u in langs) >= 2
