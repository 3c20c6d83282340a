"""Well-formedness of the heldout34 held-out set (tests/fixtures/heldout34/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine reads only its totals.
``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404, one
paywall stub); the tests here check the shapes of its two reports (a Traditional-Chinese HackMD / CodiMD
note exported to Markdown, an English news live blog copied as text), that each label rests on exactly the
URLs its report's citation scope gives it, and that the pages carry the features the labels rely on (dates
and weekdays, languages, sizes, tables whose unit is only in a caption or header, a correction note, pages
that say they do not disclose a figure, complete lists, figures of another company, period or basis).
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

# a cited URL: a Markdown link target ends at ")", a bare URL at whitespace or CJK punctuation
URL = re.compile(r"https?://[^\s<>()\[\]，。；、]+")
FOOTNOTE_DEF = re.compile(r"\[\^(\d+)\]: (.+)")
FOOTNOTE_REF = re.compile(r"\[\^(\d+)\](?!:)")
INLINE_LINK = re.compile(r"\[([^\]^][^\]]*)\]\((https?://[^)\s]+)\)")
COMMENT = re.compile(r"> \[name=([^\]]+)\] \[time=(\w{3}, \w{3} \d{1,2}, \d{4} \d{1,2}:\d{2} [AP]M)\] (.+)")
CONTAINERS = (":::info", ":::warning", ":::success")
TIME = re.compile(r"(\d{2}):(\d{2}) GMT|Updated (\d{2}):(\d{2}) ET")
SOURCE_LINE = re.compile(r"Source: (https?://\S+)")
AUTHORS = {"Nadia Okafor", "Ben Ashworth", "Carla Ruiz"}

NOTE = "h1_hackmd_tc.md"
BLOG = "l2_liveblog_en.txt"
JIEMIAN = "https://www.jiemian.com/article/12874406.html"
CTEE = "https://www.ctee.com.tw/news/20270111700123-430501"
HKEJ = "https://www2.hkej.com/instantnews/stock/article/4128835"
CLS = "https://www.cls.cn/detail/2035718"
JIQIZHIXIN = "https://www.jiqizhixin.com/articles/2027-01-07-5"
PRN = (
    "https://www.prnewswire.com/news-releases/"
    "corvane-systems-reports-first-quarter-fiscal-2027-results-302318845.html"
)
VB = "https://venturebeat.com/ai/parallax-ai-launches-orrery-5-with-2-million-token-context/"
AXIOS = "https://www.axios.com/2027/01/11/tessellate-cloud-parallax-compute-contract"
DIGITIMES = "https://www.digitimes.com/news/a20270113PD204/corvane-halyard-800-odm.html"
PAYWALL = "https://www.ft.com/content/8c2f4e1a-63d9-4b7e-a0f5-2d94c1b8e637"
SOFT_404 = "https://www.theverge.com/2027/1/14/parallax-orrery-5-outage-api-credits"
TECHCRUNCH = "https://techcrunch.com/2027/01/12/vantor-silicon-raises-900m-series-d/"
DEAD = "https://www.lanxin-tech.cn/news/20261229.html"

HELDOUT34 = LabelledSet(
    "heldout34",
    by_report={
        NOTE: {"verified": 17, "contradicted": 13, "unverified": 8},
        BLOG: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 29, "fact": 13, "count": 12, "percent": 10, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we couldn't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _note_parts(note: str) -> tuple[dict[str, str], list[dict], dict[str, str], list[str]]:
    """The note's front matter (key -> value), its units — each bullet, task item, table row, paragraph or
    container line, with the container it sits in — its footnote definitions (number -> URL) and its
    comment lines."""
    lines = note.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    front = dict(line.split(": ", 1) for line in lines[1:end])
    units: list[dict] = []
    footnotes: dict[str, str] = {}
    comments: list[str] = []
    container: str | None = None
    for line in lines[end + 1 :]:
        if line in CONTAINERS:
            assert container is None, line
            container = line[3:]
        elif line == ":::":
            assert container is not None
            container = None
        elif m := FOOTNOTE_DEF.fullmatch(line):
            urls = URL.findall(m.group(2))
            assert len(urls) == 1, line
            footnotes[m.group(1)] = urls[0]
        elif line.startswith("> "):
            comments.append(line)
        elif not line or line.startswith("#") or line == "[TOC]" or line.startswith("|---"):
            continue
        else:
            if line.startswith(("- [x] ", "- [ ] ")):
                shape = "task"
            elif line.startswith("- "):
                shape = "bullet"
            elif line.startswith("|"):
                shape = "row"
            else:
                shape = "paragraph"
            units.append({"text": line, "shape": shape, "container": container})
    assert container is None
    return front, units, footnotes, comments


def _unit_urls(unit: dict, footnotes: dict[str, str]) -> set[str]:
    """What a unit rests on: its own inline links and the footnotes it references."""
    text = unit["text"]
    return {url for _, url in INLINE_LINK.findall(text)} | {footnotes[n] for n in FOOTNOTE_REF.findall(text)}


def _utc_minutes(line: str) -> int:
    m = TIME.fullmatch(line)
    assert m, line
    if m.group(1):
        return int(m.group(1)) * 60 + int(m.group(2))
    return (int(m.group(3)) + 5) * 60 + int(m.group(4))  # Eastern Time is UTC-5 in January


def _blog_parts(blog: str) -> tuple[list[str], list[dict], str]:
    """The pinned Key points lines, the entries (newest first) and the "Earlier:" recap line."""
    lines = blog.splitlines()
    starts = [i for i, line in enumerate(lines) if TIME.fullmatch(line)]
    key_at = lines.index("Key points")
    assert key_at < starts[0]
    key_points = [line for line in lines[key_at + 1 : starts[0]] if line]
    entries = []
    for start in starts:
        share = lines.index("Share", start)
        block = lines[start:share]
        assert "" not in block, block
        entries.append(
            {
                "time": block[0],
                "headline": block[1],
                "body": block[2:-1],
                "author": block[-1],
                "urls": {u for line in block for u in URL.findall(line)},
            }
        )
    earlier = next(line for line in lines if line.startswith("Earlier: "))
    assert lines.index(earlier) > starts[-1]
    return key_points, entries, earlier


class TestHeldout34WellFormed(WellFormed):
    SET = HELDOUT34

    def test_the_note_is_a_hackmd_markdown_export(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        note = reports[NOTE]
        lines = note.splitlines()
        assert "<" not in note and "\t" not in note
        front, units, footnotes, comments = _note_parts(note)
        # YAML front matter with title and tags, the note dated Thursday 14 January 2027
        assert set(front) == {"title", "tags", "description"} and "2027-01-14" in front["description"]
        assert len(front["tags"].split(", ")) >= 3 and dt.date(2027, 1, 14).weekday() == 3
        assert lines.index("# " + front["title"]) < lines.index("[TOC]")
        assert sum(line.startswith("### ") for line in lines) >= 5
        # the three container kinds, each opened once; the :::info summary cites nothing
        for fence in CONTAINERS:
            assert lines.count(fence) == 1, fence
        assert lines.count(":::") == 3
        info = [u for u in units if u["container"] == "info"]
        assert len(info) == 5 and not any(
            URL.search(u["text"]) or FOOTNOTE_REF.search(u["text"]) for u in info
        )
        assert {u["container"] for u in units} == {None, "info", "warning", "success"}
        # task-list items, done and not done
        assert sum(u["text"].startswith("- [x] ") for u in units) >= 3
        assert sum(u["text"].startswith("- [ ] ") for u in units) >= 3
        # the table: its unit only in a header cell, every row citing a footnote in its 來源 cell
        rows = [u["text"] for u in units if u["shape"] == "row"]
        header, body = rows[0], rows[1:]
        assert header == "| 期間 | 營收（新台幣億元） | 年增率 | 來源 |" and len(body) == 4
        for row in body:
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert len(cells) == 4 and FOOTNOTE_REF.fullmatch(cells[3]), row
            assert not re.search(r"億|元", cells[1]), row
        # comment lines by collaborators, on the note's date
        assert len(comments) == 2
        for line in comments:
            m = COMMENT.fullmatch(line)
            assert m and m.group(2).startswith("Thu, Jan 14, 2027"), line
            assert not URL.search(line)
        # footnotes: defined at the end, each referenced, each reference defined, one URL each
        defs_at = [i for i, line in enumerate(lines) if FOOTNOTE_DEF.fullmatch(line)]
        assert defs_at == list(range(len(lines) - len(footnotes), len(lines))) and len(footnotes) == 6
        refs = {n for u in units for n in FOOTNOTE_REF.findall(u["text"])}
        assert refs == set(footnotes)
        # inline links; every URL of the note is an inline link's or a footnote's
        inline = [url for u in units for _, url in INLINE_LINK.findall(u["text"])]
        assert len(inline) == 2 and DEAD in inline
        assert sorted(URL.findall(note)) == sorted(inline + list(footnotes.values()))
        assert set(URL.findall(note)) <= set(manifest)
        # some units cite two footnotes, one cites an inline link beside prose, and the dead link is this note's
        assert any(len(FOOTNOTE_REF.findall(u["text"])) == 2 for u in units)
        assert DEAD not in reports[BLOG]

    def test_note_labels_rest_on_their_own_unit(self, labels: list[dict], reports: dict[str, str]) -> None:
        note = reports[NOTE]
        cited = set(URL.findall(note))
        _, units, footnotes, comments = _note_parts(note)
        for item in labels:
            if item["report"] != NOTE:
                continue
            owners = [u for u in units if item["quote"] in u["text"]]
            assert len(owners) == 1, item["quote"]
            assert not any(item["quote"] in line for line in comments)
            own = _unit_urls(owners[0], footnotes)
            if own:  # its own links and footnotes, never another bullet's
                assert set(item["source_urls"]) == own, item
            else:  # the unsourced :::info summary: the note's own pages or nothing
                assert owners[0]["container"] == "info", item
                assert set(item["source_urls"]) <= cited, item
                if item["verdict"] == "unverified":
                    assert item["source_urls"] == [], item

    def test_the_blog_is_a_live_blog_copied_as_text(self, reports: dict[str, str]) -> None:
        blog = reports[BLOG]
        lines = blog.splitlines()
        assert "<" not in blog and "**" not in blog and "](" not in blog and not re.search(r"(?m)^#", blog)
        # site chrome: masthead, nav, section, LIVE badge, Share / Refresh, related stories, footer
        assert lines[0] == "The Independent" and lines[1].startswith("News   UK   World")
        assert "LIVE" in lines and lines.count("Share   Refresh") == 2
        assert "Related stories" in lines and "Load more updates" in lines
        assert lines[-1] == "© 2027 The Independent" and lines[-2].startswith("About us · Contact us")
        byline = next(line for line in lines if line.startswith("By "))
        assert all(name in byline for name in AUTHORS)
        assert "Friday 15 January 2027 16:12 GMT" in lines and dt.date(2027, 1, 15).weekday() == 4
        key_points, entries, earlier = _blog_parts(blog)
        # the pinned Key points cite nothing
        assert len(key_points) == 4 and all(line.startswith("• ") for line in key_points)
        assert not any(URL.search(line) for line in key_points)
        # entries newest first, in GMT and in ET, none later than the page's last update
        assert len(entries) == 9
        minutes = [_utc_minutes(e["time"]) for e in entries]
        assert minutes == sorted(minutes, reverse=True) and len(set(minutes)) == len(minutes)
        assert minutes[0] <= 16 * 60 + 12
        assert {e["time"].endswith("ET") for e in entries} == {True, False}
        sources = inline = 0
        for e in entries:
            assert not URL.search(e["headline"]) and not e["headline"].endswith("."), e["headline"]
            assert e["author"] in AUTHORS, e
            assert len(e["urls"]) == 1, e  # each entry cites one page, by a Source line or inline
            last = SOURCE_LINE.fullmatch(e["body"][-1])
            if last:
                sources += 1
                assert not any(URL.search(line) for line in e["body"][:-1])
            else:
                inline += 1
                assert any(f"({url})" in line for url in e["urls"] for line in e["body"])
        assert sources == 6 and inline == 3
        # the Earlier recap cites nothing; every URL of the blog sits in an entry
        assert not URL.search(earlier)
        assert sorted(URL.findall(blog)) == sorted(u for e in entries for u in e["urls"])
        assert len({u for e in entries for u in e["urls"]}) == 9

    def test_blog_labels_rest_on_their_own_entry(self, labels: list[dict], reports: dict[str, str]) -> None:
        blog = reports[BLOG]
        cited = set(URL.findall(blog))
        key_points, entries, earlier = _blog_parts(blog)
        for item in labels:
            if item["report"] != BLOG:
                continue
            quote = item["quote"]
            owners = [e for e in entries if quote in "\n".join([e["headline"], *e["body"]])]
            unsourced = [line for line in [*key_points, earlier] if quote in line]
            assert len(owners) + len(unsourced) == 1, quote
            if owners:  # the entry's own Source line or inline link, never another entry's
                assert set(item["source_urls"]) == owners[0]["urls"], item
            else:  # Key points or the Earlier recap: the blog's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                if item["verdict"] == "unverified":
                    assert item["source_urls"] == [], item

    def test_sizes_languages_and_citations_across_languages(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        for text in reports.values():
            assert 4 * 1024 <= len(text.encode("utf-8")) <= 7 * 1024
        sources = self.SET.sources
        for entry in manifest.values():
            if "file" in entry:
                assert 3 * 1024 <= (sources / entry["file"]).stat().st_size <= 9 * 1024, entry["file"]
        langs = page_languages(manifest, sources)
        chinese = {u for u, lang in langs.items() if lang.startswith("zh")}
        assert chinese == {JIEMIAN, CTEE, HKEJ, CLS, JIQIZHIXIN}
        assert langs[JIEMIAN] == langs[CLS] == langs[JIQIZHIXIN] == "zh-CN"
        assert langs[CTEE] == "zh-Hant-TW" and langs[HKEJ] == "zh-Hant-HK"
        assert all(lang.startswith("en") for u, lang in langs.items() if u not in chinese)
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for urls in cited.values():  # each report cites English and Chinese pages
            assert urls & chinese and (urls & set(langs)) - chinese
        assert cited[NOTE] & cited[BLOG] == {CTEE, HKEJ, VB, DIGITIMES}
        assert cited[NOTE] | cited[BLOG] == set(manifest)

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # every page carries chrome: a cookie banner and a footer line with ©
        for url, text in texts.items():
            assert "©" in text and re.search(r"(?i)cookie", text), url
        # dates and weekdays the pages state, and relative dates each report resolves against its own date
        assert "2026-12-29 09:40" in texts[JIEMIAN] and "第二代推理芯片L20将于下月量产" in texts[JIEMIAN]
        assert "2027年1月13日 星期三" in texts[HKEJ] and dt.date(2027, 1, 13).weekday() == 2
        assert "預計明日（1月14日，周四）" in texts[HKEJ] and dt.date(2027, 1, 14).weekday() == 3
        assert "2027.01.11" in texts[CTEE] and "美國德州新廠預計今年第三季投產" in texts[CTEE]
        assert "January 12, 2027" in texts[TECHCRUNCH] and "Series C last month" in texts[TECHCRUNCH]
        assert "Parallax AI on Wednesday released Orrery 5" in texts[VB] and "January 13, 2027" in texts[VB]
        assert "2027-01-12 20:48 星期二" in texts[CLS] and dt.date(2027, 1, 12).weekday() == 1
        assert "Jan 12, 2027, 16:05 ET" in texts[PRN]
        # tables whose unit is only in a caption or a column header
        assert (
            "晟鈦科技近期營收表現（單位：新台幣億元）" in joined and "2026年11月 372.8 0.5% 55.1%" in joined
        )
        assert "项目 本报告期（亿元） 上年同期（亿元）" in joined and "营业总收入 78.35 55.47 41.26" in joined
        assert (
            "(in millions, except per share amounts)" in joined and "Net income 612.5 571.8 402.6" in joined
        )
        assert (
            "612.5" not in texts[PRN].split("Net income 612.5")[0]
            and "55.47" not in texts[CLS].split("营业总收入 78.35")[0]
        )
        # a correction note giving the stale figure
        assert "Correction: A previous version of this story" in texts[AXIOS]
        assert "It is worth $11.2 billion, not $9.4 billion." in texts[AXIOS]
        # complete lists, with a name said not to be on one
        assert "three Taiwan-based ODMs" in texts[DIGITIMES]
        assert "Shengtai Technology, Yuqi Computer and Hexin Precision" in texts[DIGITIMES]
        assert (
            "Liansheng Electronics, which built most of the previous-generation Halyard 600 systems, was not selected"
            in texts[DIGITIMES]
        )
        assert "公司三名基石投資者為曜石資本、南溟主權基金及Fairhaven Capital" in texts[HKEJ]
        # figures of another company, period, basis, pair or role next to the claimed ones
        assert "本轮由鹤川资本领投，北溟投资、苍梧基金跟投" in texts[JIEMIAN]
        assert (
            "ahead of Stratum-2 at 1,476" in texts[VB] and "仅次于Stratum-2（1,476分）" in texts[JIQIZHIXIN]
        )
        assert "集資總額約52.7億港元，扣除上市費用後集資淨額約50.3億港元" in texts[HKEJ]
        assert "星垣2025年收入人民幣6.18億元，淨虧損人民幣3.94億元" in texts[HKEJ]
        assert "同期淨虧損收窄至人民幣2.06億元" in texts[HKEJ]
        assert (
            "净利润9.62亿元" in texts[CLS]
            and "扣除非经常性损益后的归属于母公司所有者的净利润8.87亿元" in texts[CLS]
        )
        assert (
            "GAAP diluted earnings per share of $1.07; non-GAAP diluted earnings per share of $1.46"
            in texts[PRN]
        )
        assert "down 4% year over year" in texts[PRN] and "较K2下调60%" in texts[JIQIZHIXIN]
        assert "年增61.2%" in texts[CTEE] and "年增51.8%" in texts[CTEE] and "約新台幣120億元" in texts[CTEE]
        assert "led by Harrow & Pike, with Calder Bank and Oster Brothers participating" in texts[AXIOS]
        assert "the third quarter of 2027" in texts[AXIOS] and "about 12,000 racks" in texts[DIGITIMES]
        assert (
            "Orrery 5 debuts at the top" in texts[VB]
            and "weights are available under an MIT license" in texts[VB]
        )
        assert "More than 40 customers" in texts[TECHCRUNCH] and "2.5 billion yuan" in texts[TECHCRUNCH]
        # pages that say they do not disclose a figure a label asks for
        assert "公司未披露芯片出货量及客户数量" in texts[JIEMIAN]
        assert "公司未单独披露第四季度业绩，也未披露HBM相关产品收入" in texts[CLS]
        assert "但未披露所用GPU数量" in texts[JIQIZHIXIN]
        assert "Vantor declined to share revenue figures" in texts[TECHCRUNCH]
        assert "did not disclose the parameter count" in texts[VB]
        # citation-scope traps: the figure is on a page another part of the same report cites
        assert "Apache 2.0" in texts[JIQIZHIXIN] and "Apache" not in texts[VB]
        assert "passed $3 billion in December" in texts[VB] and "$3 billion" not in texts[AXIOS]
        # figures nowhere: the opening move, unsourced totals and the weekly share move
        assert "22%" not in texts[HKEJ] and "14%" not in joined and "$20 billion" not in joined
        assert "300亿元" not in joined and "300億元" not in joined  # (300亿参数 is K3-Lite's size)
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "1.8 million" not in texts[SOFT_404] and "$25 million" not in texts[SOFT_404]
        assert "outage" not in texts[SOFT_404].lower() and "38 percent" in texts[SOFT_404]
        assert "$30 billion" not in texts[PAYWALL] and "Ashcombe" not in texts[PAYWALL]
        assert len(texts[PAYWALL].split("Subscribe to unlock this article")[0]) < 1500
