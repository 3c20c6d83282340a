"""Well-formedness of the heldout15 held-out set (tests/fixtures/heldout15/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a 雪球 long post copied as text, a DiscordChatExporter plain-text export) and that the pages carry the
formats the labels rely on. Being held out, only its totals are ever looked at by whoever tunes the engine.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# Discord attachment CDN links and the post's own 雪球 permalink are not citations.
URL = re.compile(r"https?://(?!cdn\.discordapp\.com/|xueqiu\.com/)[^\s)\]>〉」；，]+")

POST = "q1_xueqiu_longpost.txt"
EXPORT = "q2_discord_export.txt"

HELDOUT15 = LabelledSet(
    "heldout15",
    by_report={
        POST: {"verified": 17, "contradicted": 11, "unverified": 7},
        EXPORT: {"verified": 8, "contradicted": 11, "unverified": 8},
    },
    verdicts={"verified": 25, "contradicted": 22, "unverified": 15},
    kinds={"money": 23, "percent": 14, "fact": 11, "count": 7, "date": 6, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.stcn.com/article/detail/1604418.html": "抱歉，您访问的页面不存在或已被删除",  # soft 404
        "https://www.bloomberg.com/news/articles/2026-11-28/kestrel-gpu-cloud-said-to-weigh-us-listing-as-soon-as-next-year": "You've reached your free article limit.",
    },
)

MESSAGE = re.compile(r"^\[(\d{1,2})/(\d{1,2})/(\d{4}) (\d{1,2}):(\d{2}) (AM|PM)\] (\S+)$")


class TestHeldout15WellFormed(WellFormed):
    SET = HELDOUT15

    def test_the_post_is_a_copied_xueqiu_long_post(self, reports: dict[str, str]) -> None:
        post = reports[POST]
        assert "#" not in post and "](" not in post and "**" not in post  # copied text, no markdown
        lines = post.splitlines()
        assert re.fullmatch(r"\d{2}-\d{2} \d{2}:\d{2} · 来自雪球", lines[2])  # author line 2, time and 来自雪球 3
        assert len(re.findall(r"\$[^$\s]+\((?:SH|SZ)\d{6}\)\$", lines[4])) == 3  # $名称(SH688721)$ tags
        assert "$芯衡科技(SH688721)$" in lines[4]
        sources = [line for line in lines if line.startswith("数据来源：")]
        assert len(sources) == 5 and all(URL.search(line) for line in sources)
        assert sum(len(URL.findall(line)) == 2 for line in sources) == 1  # one paragraph cites two pages
        # every cited URL sits on a 数据来源 line; the copied permalink (链接：) is not a citation
        assert sum(len(URL.findall(line)) for line in sources) == len(URL.findall(post))
        assert re.search(r"^链接：https://xueqiu\.com/\d+/\d+$", post, re.M) and "来源：雪球" in post
        # one paragraph quotes the filing in 「」
        assert post.count("「") == 1 and post.count("」") == 1 and "公告原文" in post
        assert any(line.startswith("免责声明：") for line in lines)
        # the closing paragraph 写在最后 cites nothing
        closing = post.split("写在最后\n", 1)[1].split("\n\n", 1)[0]
        assert "数据来源" not in closing and not URL.search(closing)
        assert [line.split()[0] for line in lines[-3:]] == ["转发", "评论", "赞"]
        assert all(re.fullmatch(r"(转发|评论|赞) \d+", line) for line in lines[-3:])

    def test_the_export_is_discordchatexporter_plain_text(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        export = reports[EXPORT]
        lines = export.splitlines()
        rule = "=" * 62
        assert lines[0] == rule and lines[4] == rule and lines[-1] == rule and lines[-3] == rule
        assert lines[1].startswith("Guild: ") and lines[2].startswith("Channel: ") and lines[3].startswith("Topic: ")
        headers = [MESSAGE.match(line) for line in lines if MESSAGE.match(line)]
        assert f"Exported {len(headers)} message(s)" == lines[-2] and len(headers) == 11
        assert all(h.group(1, 2, 3) == ("11", "30", "2026") for h in headers)
        # replies are noted on the line after the message header
        for i, line in enumerate(lines):
            if line.startswith("{Reply to "):
                assert MESSAGE.match(lines[i - 1]) and re.fullmatch(r"\{Reply to @\S+: .+…\}", line)
        assert sum(line.startswith("{Reply to ") for line in lines) == 4
        # each {Embed} block: site, title, then the URL the message links
        for i, line in enumerate(lines):
            if line == "{Embed}":
                assert URL.fullmatch(lines[i + 3]) and lines[i + 3] in manifest
            if line == "{Attachments}":
                assert lines[i + 1].startswith("https://cdn.discordapp.com/attachments/")
                assert not URL.search(lines[i + 1])  # attachments are not citations
            if line == "{Reactions}":
                assert re.fullmatch(r"(\S+ \(\d+\) ?)+", lines[i + 1])
        assert lines.count("{Embed}") == 4 and lines.count("{Attachments}") == 2

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "单位：万元 币种：人民币" in joined  # the 三季报 table's unit is its caption, not the cells
        assert "Input (USD per 1M tokens)" in joined  # a pricing table whose unit is in the header
        assert "【更正】" in joined and "应为约21万片" in joined  # a Chinese correction note
        assert "An earlier version of this article said" in joined  # an English correction note
        assert "The three partners Tessaly Compute, Orrin Energy and Bluefjord Networks" in joined  # a complete list
        chinese = [t for t in texts.values() if re.search(r"[\u4e00-\u9fff]{20}", t)]
        assert len(chinese) >= 3
