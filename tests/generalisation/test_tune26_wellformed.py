"""Well-formedness of the tune26 development set (tests/fixtures/tune26/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese Notion page exported to Markdown, an English GitHub Discussions thread exported as
Markdown), that each label rests on exactly the URLs its report's citation scope gives it, that each report
cites pages in the other language, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。（）|]+")
MD_LINK = re.compile(r"\[([^\[\]]+)\]\(([^\s()]+)\)")
PROPERTY = re.compile(r"([^:\s]+): (.+)")
ROW = re.compile(r"\| .+ \|")
COMMENT = re.compile(r"\*\*([\w-]+)\*\* commented on (Dec 1[0-2], 2026)")
REPLY = re.compile(r"> \*\*([\w-]+)\*\* replied")
TASK = re.compile(r"- \[[ x]\] .+")
REACTIONS = re.compile(r"(?:[👍🚀👀❤🎉😄😕]\ufe0f? \d+)(?: · [👍🚀👀❤🎉😄😕]\ufe0f? \d+)*")

NOTION = "n1_notion_sc.md"
THREAD = "g1_discussion_en.md"
SOFT_404 = "https://www.yicai.com/news/102938475.html"
PAYWALL = "https://www.theinformation.com/articles/aldermere-ai-holds-early-talks-on-new-funding-round"
DEAD = "https://www.halcyra.ai/blog/introducing-arc-3"
TW_PAGE = "https://money.udn.com/money/story/5612/8402917"
HK_PAGE = "https://inews.hket.com/article/3958214"
SUMMARY_CALLOUT = "💡 **本周结论**"
SUMMARY_HEADING = "### Summary (maintainer)"

TUNE26 = LabelledSet(
    "tune26",
    by_report={
        NOTION: {"verified": 16, "contradicted": 13, "unverified": 8},
        THREAD: {"verified": 17, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 15, "count": 13, "percent": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "To continue reading, subscribe to The Information.",  # paywall stub
    },
)


def _ordered(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))


def _notion_units(page: str) -> list[tuple[str, str, list[str]]]:
    """The Notion page's citing units in order: (kind, text, own URLs). A database row rests on its own 来源
    cell, a bullet on the links inside it, a callout on the links inside its <aside>; other lines (title,
    properties, headings, toggle summaries, the method note, to-dos) are units of kind "other"."""
    units: list[tuple[str, str, list[str]]] = []
    lines = page.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == "<aside>":
            end = lines.index("</aside>", i)
            body = "\n".join(lines[i + 1 : end])
            units.append(("callout", body, _ordered(URL.findall(body))))
            i = end + 1
            continue
        if ROW.fullmatch(line) and not line.startswith(("| 名称", "| ---")):
            cells = [c.strip() for c in line.strip("|").split("|")]
            units.append(("row", line, _ordered(URL.findall(cells[-1]))))
        elif line.startswith("- ") and not TASK.fullmatch(line):
            units.append(
                ("bullet", line, _ordered([u for _, u in MD_LINK.findall(line) if URL.fullmatch(u)]))
            )
        else:
            units.append(("other", line, []))
        i += 1
    return units


def _comments(thread: str) -> list[tuple[str, list[str], list[str]]]:
    """The thread's comments and replies in order: (header, own lines, quoted lines). A reply ("> **user**
    replied") is a unit of its own; "---" rules and the title block before the first comment are not."""
    units: list[tuple[str, list[str], list[str]]] = []
    for line in thread.splitlines():
        if COMMENT.fullmatch(line) or REPLY.fullmatch(line):
            units.append((line, [], []))
        elif units and line != "---":
            (units[-1][2] if line.startswith(">") else units[-1][1]).append(line)
    return units


def _own_urls(lines: list[str]) -> list[str]:
    return _ordered([u for line in lines for u in URL.findall(line)])


class TestTune26WellFormed(WellFormed):
    SET = TUNE26

    def test_the_notion_page_is_a_notion_markdown_export(self, reports: dict[str, str]) -> None:
        page = reports[NOTION]
        assert 4000 <= len(page.encode("utf-8")) <= 6144
        lines = page.splitlines()
        # a page title, then a properties block ("标签: …", "日期: December 10, 2026", …) and a blank line
        assert lines[0] == "# AI产业周报 · 2026年第50周" and lines[1] == ""
        props = lines[2 : lines.index("", 2)]
        assert all(PROPERTY.fullmatch(p) for p in props) and len(props) >= 4
        assert props[0].startswith("标签: ") and "日期: December 10, 2026" in props
        assert not any(URL.search(p) for p in props)
        # callouts: <aside> blocks opening with an emoji; the 💡 本周结论 callout cites nothing
        callouts = [body for kind, body, _ in _notion_units(page) if kind == "callout"]
        assert len(callouts) == 3 and page.count("<aside>") == page.count("</aside>") == 3
        assert all(body.strip()[0] in "📌💡⚠" for body in callouts)
        summary = [body for body in callouts if body.startswith(SUMMARY_CALLOUT)]
        assert len(summary) == 1 and not URL.search(summary[0]) and re.search(r"\d", summary[0])
        assert URL.search(next(body for body in callouts if body.startswith("⚠️")))
        # toggles: <details><summary> holding bullets with inline [label](url) links
        assert page.count("<details>") == page.count("</details>") == page.count("<summary>") == 5
        toggles = re.findall(r"<details>\n<summary>(.+?)</summary>\n\n(.*?)\n\n</details>", page, re.S)
        assert len(toggles) == 5
        bulleted = [body for _, body in toggles if body.startswith("- ")]
        assert len(bulleted) == 4
        for body in bulleted:
            for bullet in body.splitlines():
                assert bullet.startswith("- ") and MD_LINK.search(bullet), bullet
        # the linked database: a Markdown table with a 来源 URL column, one URL per row, only in that cell
        header = next(line for line in lines if line.startswith("| 名称"))
        assert header.endswith("| 来源 |") and lines[lines.index(header) + 1].startswith("| --- |")
        rows = [body for kind, body, _ in _notion_units(page) if kind == "row"]
        assert len(rows) == 3
        for row in rows:
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert len(cells) == 6 and URL.fullmatch(cells[-1]), row
            assert not any(URL.search(c) for c in cells[:-1]), row
        # every web URL is a table 来源 cell or an inline link target; the link to the previous issue is a
        # relative Notion export link, not a citation
        inline = [u for _, u in MD_LINK.findall(page) if URL.fullmatch(u)]
        cells = [row.strip("|").split("|")[-1].strip() for row in rows]
        assert sorted(URL.findall(page)) == sorted(inline + cells)
        assert any(not URL.fullmatch(u) and u.endswith(".md") for _, u in MD_LINK.findall(page))
        # to-dos at the end carry no link and no figure
        todos = [line for line in lines if TASK.fullmatch(line)]
        assert len(todos) == 3 and not any(URL.search(t) or re.search(r"\d", t) for t in todos)

    def test_notion_labels_rest_on_their_own_row_bullet_or_callout(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        page = reports[NOTION]
        units = _notion_units(page)
        cited = set(URL.findall(page))
        seen = set()
        for item in labels:
            if item["report"] != NOTION:
                continue
            owners = [(kind, text, urls) for kind, text, urls in units if item["quote"] in text]
            assert len(owners) == 1, item["quote"]
            kind, text, urls = owners[0]
            assert kind in {"row", "bullet", "callout"}, item
            seen.add(kind)
            if text.startswith(SUMMARY_CALLOUT):  # unsourced summary (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:  # a row's own 来源 cell, a bullet's own links, a callout's own links
                assert item["source_urls"] == urls and urls, item
        assert seen == {"row", "bullet", "callout"}

    def test_the_thread_is_a_github_discussions_export(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        assert 4000 <= len(thread.encode("utf-8")) <= 6144
        lines = thread.splitlines()
        assert lines[0].startswith("# ") and re.search(r"#\d+$", lines[0]) and not URL.search(lines[0])
        assert "started this conversation in" in lines[2] and "Labels:" in lines[2]
        units = _comments(thread)
        comments = [h for h, _, _ in units if COMMENT.fullmatch(h)]
        replies = [h for h, _, _ in units if REPLY.fullmatch(h)]
        assert len(comments) == 9 and len(replies) == 3
        assert units[0][0] == "**kmoreau** commented on Dec 10, 2026"  # the opening post
        # comments are separated by rules; replies follow their comment without one
        assert thread.count("\n---\n") == len(comments)
        # quoted earlier text: ">" lines inside replies, never a link
        quoted = [q for _, _, qs in units for q in qs]
        assert len(quoted) == 2 and not any(URL.search(q) for q in quoted)
        # task lists, reactions, both bare URLs and [label](url) links
        assert (
            sum(bool(TASK.fullmatch(line)) for line in lines) == 4
            and "- [x] " in thread
            and "- [ ] " in thread
        )
        assert sum(bool(REACTIONS.fullmatch(line)) for line in lines) >= 6
        linked = {u for _, u in MD_LINK.findall(thread)}
        bare = set(URL.findall(MD_LINK.sub("", thread)))
        assert linked and bare and set(URL.findall(thread)) == linked | bare
        # one comment marked off-topic (no claim), one "Summary (maintainer)" comment citing nothing
        assert "_This comment was marked as off-topic._" in thread
        summary = [own for h, own, _ in units if SUMMARY_HEADING in own]
        assert len(summary) == 1 and units[-1][1] == summary[0]
        assert not any(URL.search(line) for line in summary[0])

    def test_thread_labels_rest_on_the_links_of_their_own_comment(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        thread = reports[THREAD]
        units = _comments(thread)
        cited = set(URL.findall(thread))
        in_reply = 0
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [(h, own) for h, own, _ in units if any(item["quote"] in line for line in own)]
            assert len(owners) == 1, item["quote"]
            header, own = owners[0]
            line = next(x for x in own if item["quote"] in x)
            assert not TASK.fullmatch(line) and not REACTIONS.fullmatch(line), item
            # a quoted passage is never labelled
            assert not any(item["quote"] in q for _, _, qs in units for q in qs), item
            in_reply += bool(REPLY.fullmatch(header))
            if SUMMARY_HEADING in own:  # unsourced summary (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:  # only the links inside the comment itself, never the parent's or a sibling's
                assert item["source_urls"] == _own_urls(own) and item["source_urls"], item
        assert in_reply == 3

    def test_reports_cite_pages_in_the_other_language(self, reports: dict[str, str], manifest: dict) -> None:
        langs = page_languages(manifest, self.SET.sources)
        notion = set(URL.findall(reports[NOTION])) & set(langs)
        thread = set(URL.findall(reports[THREAD])) & set(langs)
        assert sum(langs[u].startswith("en") for u in notion) >= 3
        assert sum(langs[u].startswith("zh") for u in thread) >= 3
        assert (
            {TW_PAGE, HK_PAGE} <= thread and langs[TW_PAGE] == "zh-Hant-TW" and langs[HK_PAGE] == "zh-Hant-HK"
        )
        assert DEAD in reports[THREAD] and PAYWALL in reports[THREAD] and SOFT_404 in reports[NOTION]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # every page: <html lang=…>, navigation, a cookie banner, a footer and an inline script
        for url, entry in manifest.items():
            if "file" not in entry:
                continue
            html = (sources / entry["file"]).read_text(encoding="utf-8")
            assert re.search(r'<html lang="[a-zA-Z-]+">', html), url
            assert re.search(r"<footer\b", html) and "<script>" in html and "cookie" in html.lower(), url
            assert re.search(r"<nav\b|<header\b|class=\"[\w-]*(?:nav|header|top)", html), url
        # tables whose unit is only in a caption or header
        assert (
            "朔方信息2026年前三季度主要财务数据（单位：亿元）" in joined
            and "研发投入 5.93 4.20 41.19%" in joined
        )
        assert "研发投入5.93" not in joined and "5.93亿元" not in joined
        assert (
            "(in thousands, except per share data)" in joined and "Revenue 412,618 361,702 241,312" in joined
        )
        # a correction note revising a figure
        assert (
            "Correction, December 3, 2026" in joined and "the planned capacity is 450MW, not 300MW" in joined
        )
        # a complete list with a name said not to be on it
        assert "The region launches with three partners: Aldermere AI, Halcyra and Voss Robotics." in joined
        assert "Kestrel Labs, a Tarnwell customer in the United States, is not a launch partner" in joined
        # organisations in neighbouring roles
        assert "本轮由启衡资本领投，云朔创投、松岭基金跟投" in joined
        assert "瑞峰證券為是次上市的獨家保薦人，瑞峰證券及恒岳融資擔任聯席整體協調人" in joined
        assert (
            "Ministry of Economy, Trade and Industry approved" in joined
            and "disbursed by the New Energy" in joined
        )
        assert "the country's energy regulator, approved" in joined and "(MIDA) granted the project" in joined
        # two subjects' figures in one sentence; figures of another period beside the right ones
        assert (
            "for chipmaker Sorahane Semiconductor and 45 billion yen for packaging firm Tomoe Advanced"
            in joined
        )
        assert (
            "AI服务器收入52.3亿元，同比增长96%，占营业收入的比重升至60.5%；通用服务器收入24.6亿元" in joined
        )
        assert "同比增长61.8%，环比增长22.4%" in joined and "2025年全年朔方信息实现营业收入81.2亿元" in joined
        assert "月增9.2%、年增118.6%" in joined and "累計前11月營收318.5億元，年增74.2%" in joined
        assert "Revenue for the first half of fiscal 2027 was $774.3 million" in joined
        # pages that decline to give a figure a label asks for
        assert "但公司未披露在手订单金额，也未透露毛利率" in joined
        assert "澄曜没有披露曜问-4训练所用的GPU型号和数量" in joined
        assert "Oduya declined to disclose gross margins" in joined
        assert "Lumetric does not provide annual revenue guidance." in joined
        assert "崴晟不評論法人預估，也不評論單一客戶" in joined
        # about half the pages in Chinese, two in Traditional characters
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("zh-Hant") for lang in langs.values()) == 2
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "朔方" not in texts[SOFT_404] and "30亿元" not in texts[SOFT_404]
        assert "$2 billion" not in texts[PAYWALL] and "$30 billion" not in texts[PAYWALL]
