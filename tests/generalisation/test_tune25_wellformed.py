"""Well-formedness of the tune25 development set (tests/fixtures/tune25/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese Weibo thread by a tech blogger, an English Slack channel export as plain text), that
each label rests on exactly the URLs its report's citation scope gives it, and that the pages carry the
formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s<>|，；。]+")

# the Weibo thread
POST_HEAD = re.compile(r"(【置顶】)?老K聊算力 12-7 (\d\d:\d\d) 来自 微博网页版")
COUNTS = re.compile(r"转发 \d+ ｜ 评论 \d+ ｜ 赞 \d+")
SOURCE_LINE = re.compile(r"原文链接：(https://\S+)")
TOPIC = re.compile(r"#[^#\s]+#")
MENTION = re.compile(r"@[^\s@，。：]+")
NUMBER = re.compile(r"(\d)/8 ")

# the Slack export
MESSAGE = re.compile(
    r"(?P<reply> {4}↳ )?\[(?P<time>\d\d:\d\d)\] (?P<user>[A-Za-z]+(?:\.[a-z]+)?): (?P<text>.+)"
)
REACTIONS = re.compile(r":[a-z0-9_+-]+: \d+(?:  :[a-z0-9_+-]+: \d+)*")
SLACK_LINK = re.compile(r"<(https://[^|<>\s]+)\|([^<>|]+)>")
DIVIDER = "--- Monday, December 7th, 2026 ---"

WEIBO = "w1_weibo_thread_sc.txt"
SLACK = "s1_slack_channel_en.txt"
SOFT_404 = "https://finance.sina.com.cn/tech/2026-12-03/doc-inhzqmvk5528140.shtml"
PAYWALL = "https://www.theinformation.com/articles/inside-kestrels-push-to-win-cloud-orders"
DEAD = "https://www.stratavolt.com/news/licking-county-campus"
TW_PAGE = "https://money.udn.com/money/story/5612/8412093"
KR_PAGE = "https://36kr.com/p/3091846257720832"
REUTERS_PAGE = (
    "https://www.reuters.com/technology/chinas-tianlan-compute-signs-85-billion-yuan-leasing-deal-2026-12-01/"
)

TUNE25 = LabelledSet(
    "tune25",
    by_report={
        WEIBO: {"verified": 17, "contradicted": 13, "unverified": 8},
        SLACK: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 15, "count": 13, "percent": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除！",  # soft 404 answering 200
        PAYWALL: "To continue reading, subscribe to The Information",  # paywall stub
    },
)


def _posts(thread: str) -> list[dict]:
    """The thread's posts in order: header match, counts line, text line and the URLs of its 原文链接 lines."""
    blocks = thread.strip("\n").split("\n\n")
    posts = []
    for block in blocks[1:]:  # the first block is the export header
        lines = block.splitlines()
        head = POST_HEAD.fullmatch(lines[0])
        assert head, lines[0]
        assert COUNTS.fullmatch(lines[1]), lines[1]
        sources = [SOURCE_LINE.fullmatch(line) for line in lines[3:]]
        assert all(sources), block  # after the text line, only 原文链接 lines: they close the post
        posts.append(
            {
                "pinned": bool(head.group(1)),
                "time": head.group(2),
                "text": lines[2],
                "urls": [m.group(1) for m in sources if m],
                "lines": lines,
            }
        )
    return posts


def _messages(export: str) -> list[dict]:
    """The export's messages in order (thread replies are messages of their own) with their links."""
    messages = []
    for line in export.splitlines():
        m = MESSAGE.fullmatch(line)
        if m:
            links = SLACK_LINK.findall(m.group("text"))
            messages.append(
                {
                    "reply": bool(m.group("reply")),
                    "time": m.group("time"),
                    "user": m.group("user"),
                    "text": m.group("text"),
                    "urls": list(dict.fromkeys(u for u, _ in links)),
                    "line": line,
                }
            )
    return messages


def _unsourced(item: dict, texts: dict[str, str], cited: set[str]) -> None:
    """An unsourced summary claim (devset rule 2): verified on exactly the report's pages that confirm it
    (each of them a live page holding the truth passage), otherwise unverified and resting on nothing."""
    assert item["verdict"] != "contradicted", item
    if item["verdict"] == "verified":
        assert item["source_urls"], item
        assert all(item["truth"] in texts.get(u, "") for u in item["source_urls"]), item
        confirming = {u for u in cited if item["truth"] in texts.get(u, "")}
        assert set(item["source_urls"]) == confirming, item
    else:
        assert item["source_urls"] == [], item


class TestTune25WellFormed(WellFormed):
    SET = TUNE25

    def test_the_weibo_thread_is_a_numbered_thread_with_a_pinned_intro(self, reports: dict[str, str]) -> None:
        thread = reports[WEIBO]
        assert 4000 <= len(thread.encode("utf-8")) <= 6144
        assert "](" not in thread and "<" not in thread and "**" not in thread
        header = thread.split("\n\n", 1)[0].splitlines()
        assert header[0] == "老K聊算力的微博 · 长帖串导出" and header[2] == "导出时间：2026-12-07 21:40"
        assert not any(URL.search(line) for line in header)
        posts = _posts(thread)
        # a pinned intro post first, citing nothing, then 1/8 … 8/8 in order, times rising
        assert len(posts) == 9 and posts[0]["pinned"] and not any(p["pinned"] for p in posts[1:])
        assert not posts[0]["urls"] and not URL.search(posts[0]["text"]) and len(posts[0]["lines"]) == 3
        assert [NUMBER.match(p["text"]).group(1) for p in posts[1:]] == [str(n) for n in range(1, 9)]  # type: ignore[union-attr]
        assert not NUMBER.match(posts[0]["text"])
        times = [p["time"] for p in posts]
        assert times == sorted(times) and len(set(times)) == len(times)
        # every post has #话题# tags; @mentions are used; each numbered post closes with its own 原文链接 line(s)
        assert all(TOPIC.search(p["text"]) for p in posts)
        assert sum(bool(MENTION.search(p["text"])) for p in posts) >= 4
        assert all(p["urls"] for p in posts[1:]) and max(len(p["urls"]) for p in posts) == 2
        # URLs only on 原文链接 lines, never in a post's text, header or counts line
        on_lines = {u for p in posts for u in p["urls"]}
        assert set(URL.findall(thread)) == on_lines
        assert not any(URL.search(p["text"]) for p in posts)
        # the same page is cited by two posts (36氪 by 1/8, 2/8 and 4/8), each resting on its own lines
        assert sum(KR_PAGE in p["urls"] for p in posts) == 3

    def test_weibo_labels_rest_on_their_own_post(
        self, labels: list[dict], reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        posts = _posts(reports[WEIBO])
        texts = live_page_texts(manifest, self.SET.sources)
        cited = set(URL.findall(reports[WEIBO]))
        for item in labels:
            if item["report"] != WEIBO:
                continue
            owners = [p for p in posts if item["quote"] in p["text"]]
            assert len(owners) == 1, item["quote"]  # inside a post's text, never a header, counts or URL line
            post = owners[0]
            if post["pinned"]:  # the unsourced intro: the thread's own pages (rule 2) or nothing
                assert set(item["source_urls"]) <= cited, item
                _unsourced(item, texts, cited)
            else:  # the 原文链接 lines of its own post, in order, never another post's
                assert item["source_urls"] == post["urls"], item

    def test_the_slack_export_is_plain_text_with_mrkdwn_links_threads_and_reactions(
        self, reports: dict[str, str]
    ) -> None:
        export = reports[SLACK]
        assert 4000 <= len(export.encode("utf-8")) <= 6144
        lines = export.splitlines()
        assert lines[0].startswith("Slack export · ") and "#ai-infra-watch" in lines[0]
        assert lines[2].startswith("Channel topic: ") and not URL.search(lines[2])
        assert lines[3] == "" and lines[4] == DIVIDER and lines[5] == ""
        # every later line is a message (a thread reply too) or a reactions line under one
        for before, line in zip(lines[5:], lines[6:], strict=False):
            if REACTIONS.fullmatch(line):
                assert MESSAGE.fullmatch(before), line
            else:
                assert MESSAGE.fullmatch(line), line
        messages = _messages(export)
        times = [m["time"] for m in messages]
        assert times == sorted(times)
        assert sum(bool(REACTIONS.fullmatch(line)) for line in lines) >= 6
        # one Slackbot /remind line, citing nothing
        bots = [m for m in messages if m["user"] == "Slackbot"]
        assert len(bots) == 1 and "/remind" in bots[0]["text"] and not URL.search(bots[0]["text"])
        # thread replies: several, never the first message, each under a top-level message or another reply
        assert sum(m["reply"] for m in messages) >= 8 and not messages[0]["reply"]
        # every URL sits in a <url|label> link inside a message; no bare URLs
        links = [u for m in messages for u in SLACK_LINK.findall(m["text"])]
        assert len(links) == export.count("https://")
        assert set(URL.findall(export)) == {u for u, _ in links}
        assert all(label.strip() for _, label in links)
        # one message is a summary citing nothing; every other message with a figure carries a link
        summaries = [m for m in messages if m["text"].startswith("EOD summary")]
        assert len(summaries) == 1 and not summaries[0]["urls"] and not summaries[0]["reply"]
        for m in messages:
            if m is summaries[0] or m["user"] == "Slackbot":
                continue
            if re.search(r"\d", m["text"]):
                assert m["urls"], m["line"]
        # a thread reply cites a page of its own (the same page as its parent, or another one)
        replies_with_links = [m for m in messages if m["reply"] and m["urls"]]
        assert len(replies_with_links) >= 5

    def test_slack_labels_rest_on_their_own_message(
        self, labels: list[dict], reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        export = reports[SLACK]
        texts = live_page_texts(manifest, self.SET.sources)
        messages = _messages(export)
        cited = set(URL.findall(export))
        for item in labels:
            if item["report"] != SLACK:
                continue
            owners = [m for m in messages if item["quote"] in m["text"]]
            assert len(owners) == 1, item["quote"]  # never the topic line, a reactions line or a link label
            message = owners[0]
            assert message["user"] != "Slackbot", item
            assert not any(item["quote"] in label for _, label in SLACK_LINK.findall(message["text"])), item
            if message["urls"]:  # the links of its own message (a thread reply is its own message)
                assert item["source_urls"] == message["urls"], item
            else:  # the summary cites nothing: the channel's own pages (rule 2) or nothing
                assert message["text"].startswith("EOD summary"), item
                assert set(item["source_urls"]) <= cited, item
                _unsourced(item, texts, cited)

    def test_each_report_cites_pages_in_the_other_language(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        weibo = set(URL.findall(reports[WEIBO])) & set(langs)
        slack = set(URL.findall(reports[SLACK])) & set(langs)
        assert sum(langs[u].startswith("en") for u in weibo) >= 3
        assert sum(langs[u].startswith("zh") for u in slack) >= 3 and TW_PAGE in slack
        assert DEAD in reports[SLACK] and SOFT_404 in reports[WEIBO] and PAYWALL in reports[SLACK]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or header
        assert "(in millions, except per share data)" in joined and "Revenue 3,420 3,000 2,000" in joined
        assert "主要财务数据（单位：亿元）" in joined and "营业收入 86.35 58.66 47.20%" in joined
        assert "Memory bandwidth 6.4 TB/s 4.0 TB/s" in joined
        # a correction note, a figure revised
        assert (
            "Correction, December 3, 2026: An earlier version of this article said the campus would total 800MW."
            in joined
        )
        # a complete list with a name said not to be on it
        assert "星槎此次共开源三个尺寸：" in joined and "问渠-4-Pro暂不开源" in joined
        # two subjects' figures side by side; figures of another period next to the right ones
        assert "AI服务器收入61.7亿元，同比增长83%；通用服务器收入18.9亿元" in joined
        assert "第三季度单季实现营业收入33.07亿元" in joined
        assert "up 14% from the previous quarter and up 71% from a year ago" in joined
        assert (
            "Data Center revenue was a record $2.68 billion" in joined
            and "Automotive and Edge revenue was $412 million" in joined
        )
        assert "third quarter of fiscal 2027, ended October 25, 2026" in joined
        # organisations in neighbouring roles
        assert "华峦证券（香港）和鹤汀融资为联席保荐人，星澜证券担任整体协调人" in joined
        assert (
            "The Ohio Power Siting Board approved" in joined
            and "Public Utilities Commission of Ohio" in joined
        )
        assert (
            "led by Marrowstone Capital" in joined
            and "Tessaly Ventures and Kinloch Partners joined the round" in joined
        )
        # about half the captured pages are in Chinese, one in Traditional characters; every page has a lang
        langs = page_languages(manifest, self.SET.sources)
        assert len(langs) == 12
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("en") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 1 and langs[TW_PAGE] == "zh-Hant-TW"
        assert (
            "創單月歷史新高" in texts[TW_PAGE]
            and "新台幣612.4億元" in texts[TW_PAGE]
            and "3.2萬台" in texts[TW_PAGE]
        )
        assert "8.5 billion yuan" in texts[REUTERS_PAGE] and "12,000" in texts[REUTERS_PAGE]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "墨瞳" not in texts[SOFT_404] and "800万" not in texts[SOFT_404]
        assert (
            "1.5" not in texts[PAYWALL] and "hyperscaler" not in texts[PAYWALL] and "$" not in texts[PAYWALL]
        )
        # pages that say they do not give a figure a label asks for
        assert "也未透露毛利率水平" in joined and "对于外界关注的上市计划，公司未予置评" in joined
        assert "但未披露所用加速卡的型号和数量" in joined and "鼎嶸並未提供第四季財測" in joined
        assert "Varga declined to share gross margins" in joined
        assert "Stratavolt declined to name the campus's anchor tenant" in joined
