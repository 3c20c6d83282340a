"""Well-formedness of the tune20 development set (tests/fixtures/tune20/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English LaTeX source of an "AI Infrastructure Weekly", stored as .txt, and a forwarded Traditional-Chinese
plain-text email newsletter) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s{}\\]+")  # stops at the braces of \href{…}{…} / \url{…} and at line ends
HREF = re.compile(r"\\href\{(https?://[^\s{}]+)\}\{([^{}]+)\}")
URL_CMD = re.compile(r"\\url\{(https?://[^\s{}]+)\}")
SOURCE_LINE = re.compile(r"來源：https://\S+")
TITLE = re.compile(r"【[^【】\n]+】")
FORWARD = "---------- Forwarded message ---------"

SOFT_404 = "https://news.cnyes.com/news/id/6120457"
PAYWALL = "https://www.theinformation.com/articles/stratavolt-in-talks-to-raise-new-funding-from-gulf-sovereign-investors"
DEAD = "https://www.lyraecompute.com/news/lyrae-ashby-geothermal-ppa"
UDN = "https://money.udn.com/money/story/5612/8471093"
TECHCRUNCH = "https://techcrunch.com/2026/11/20/corvane-raises-1-1b-series-d-gpu-cloud/"

LATEX = "l1_latex_en.txt"
EMAIL = "m1_email_tc.txt"

TUNE20 = LabelledSet(
    "tune20",
    by_report={
        EMAIL: {"verified": 17, "contradicted": 13, "unverified": 9},
        LATEX: {"verified": 16, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "fact": 13, "date": 13, "count": 12, "percent": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "很抱歉，您要找的頁面不存在",  # soft 404 answering 200
        PAYWALL: "Subscribe to keep reading",  # paywall stub
    },
)


def _sections(tex: str) -> dict[str, str]:
    """The LaTeX body's \\section{} parts by title, each up to the next \\section (or \\end{document})."""
    body = tex.split("\\end{document}", 1)[0]
    parts = re.split(r"(?m)^\\section\{([^{}]+)\}$", body)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of lines."""
    return [block.splitlines() for block in re.split(r"\n\s*\n", text.strip("\n")) if block.strip()]


class TestTune20WellFormed(WellFormed):
    SET = TUNE20

    def test_the_weekly_is_a_latex_source_with_hrefs_footnotes_lists_a_captioned_table_and_an_outlook(
        self, reports: dict[str, str]
    ) -> None:
        tex = reports[LATEX]
        lines = tex.splitlines()
        # a LaTeX source, not markdown or html
        assert "](" not in tex and "**" not in tex and "<a " not in tex and not re.search(r"(?m)^#", tex)
        assert re.fullmatch(r"\\documentclass(\[[^\]]*\])?\{article\}", lines[0]), lines[0]
        begin = lines.index("\\begin{document}")
        preamble, body = lines[:begin], lines[begin + 1 :]
        assert "\\usepackage{hyperref}" in preamble and sum(x.startswith("\\usepackage") for x in preamble) >= 3
        assert any(x.startswith("\\title{") for x in preamble) and any(x.startswith("\\author{") for x in preamble)
        assert "\\date{30 November 2026}" in preamble
        assert body[0] == "\\maketitle" and [x for x in body if x.strip()][-1] == "\\end{document}"
        assert tex.count("\\begin{document}") == 1 and tex.count("\\end{document}") == 1
        # % comment lines; one holds a figure (not a claim); every other % is escaped as \%
        comments = [x for x in lines if x.startswith("%")]
        assert len(comments) >= 2 and sum(bool(re.search(r"\d", x)) for x in comments) == 1
        assert all(m.start() > 0 and x[m.start() - 1] == "\\" for x in lines if not x.startswith("%") for m in re.finditer("%", x))
        assert "\\%" in tex and "\\$" in tex
        # $ is escaped (\$) or opens / closes math mode: $8\times$, $\sim$…
        unescaped = re.sub(r"\\\$", "", tex)
        assert unescaped.count("$") % 2 == 0
        maths = re.findall(r"\$([^$\n]+)\$", unescaped)
        assert "8\\times" in maths and "\\sim" in maths
        for form in ("84.26~billion", "320~MW", "26~November", "Series~E", "HK\\$38.60--42.80", "NT\\$", "US\\$"):
            assert form in tex, form  # ~ non-breaking spaces and escaped currency signs
        # sections and subsections; the last section is the Outlook, which cites nothing
        sections = _sections(tex)
        titles = list(sections)
        assert len(titles) == 7 and titles[-1] == "Outlook"
        assert len(re.findall(r"(?m)^\\subsection\{[^{}]+\}$", tex)) == 3
        assert not URL.search(sections["Outlook"]) and re.search(r"\d", sections["Outlook"])
        # every URL is written as \href{url}{label} or \url{url}; both forms occur
        hrefs, urls = HREF.findall(tex), URL_CMD.findall(tex)
        assert hrefs and urls
        assert sorted(URL.findall(tex)) == sorted([u for u, _ in hrefs] + urls)
        # two footnotes, each carrying its paragraph's source as \url{…}; one of them is the dead URL
        notes = re.findall(r"\\footnote\{([^\n]*?\\url\{https://[^{}\s]+\}[^\n]*?)\}$", tex, re.M)
        assert len(notes) == 2 and tex.count("\\footnote{") == 2
        assert sum(DEAD in n for n in notes) == 1 and sum(UDN in n for n in notes) == 1
        # itemize lists: every \item carries its own \href
        items = [x.strip() for x in lines if x.strip().startswith("\\item ")]
        assert tex.count("\\begin{itemize}") == 2 == tex.count("\\end{itemize}")
        assert len(items) == 5 and all(len(HREF.findall(x)) == 1 for x in items)
        # a tabular inside a table environment; the unit is only in the caption; one \href per row
        table = tex.split("\\begin{table}", 1)[1].split("\\end{table}", 1)[0]
        assert tex.count("\\begin{table}") == 1
        captions = re.findall(r"\\caption\{([^{}]+)\}", table)
        assert len(captions) == 1 and captions[0].endswith("(USD millions)")
        assert "\\begin{tabular}" in table and "\\end{tabular}" in table
        rows = [x.strip() for x in table.split("\\midrule", 1)[1].split("\\bottomrule", 1)[0].splitlines() if x.strip()]
        head = table.split("\\toprule", 1)[1].split("\\midrule", 1)[0].strip()
        assert [c.strip() for c in head.removesuffix("\\\\").split("&")] == ["Company", "Period", "Revenue", "Source"]
        assert len(rows) == 3
        for row in rows:
            cells = [c.strip() for c in row.removesuffix("\\\\").split("&")]
            assert row.endswith("\\\\") and len(cells) == 4, row
            assert re.fullmatch(r"\d{1,3}(,\d{3})*", cells[2]), row  # a bare number: its unit is in the caption
            assert HREF.fullmatch(cells[3]) and len(HREF.findall(row)) == 1, row

    def test_the_email_is_a_forwarded_newsletter_with_a_quoted_line_items_their_sources_a_view_and_a_signature(
        self, reports: dict[str, str]
    ) -> None:
        mail = reports[EMAIL]
        assert "](" not in mail and "**" not in mail and "<a " not in mail and "\\" not in mail  # plain text
        lines = mail.splitlines()
        # the forwarder's mail headers
        for line, label in zip(lines[:4], ("寄件者：", "收件者：", "日期：", "主旨："), strict=True):
            assert line.startswith(label), line
        assert "2026年11月30日" in lines[2] and lines[3].startswith("主旨：Fwd: ") and lines[4] == ""
        # the forwarder's note: no link, one "> " quoted reply line repeating a figure of the 崇碩 item
        assert mail.count(FORWARD) == 1
        note, forwarded = mail.split(FORWARD)
        assert not URL.search(note)
        quoted = [x for x in note.splitlines() if x.startswith("> ")]
        assert quoted == ["> 崇碩10月營收年增逾六成，還能再追嗎？"]
        assert not re.search(r"\d", "\n".join(x for x in note.splitlines()[5:] if not x.startswith("> ")))
        # the forwarded headers, an intro line, then 【】 items
        fwd = forwarded.strip("\n").splitlines()
        assert [x.split("：", 1)[0] for x in fwd[:4]] == ["寄件者", "日期", "主旨", "收件者"]
        blocks = _blocks(forwarded)
        items = [b for b in blocks if TITLE.fullmatch(b[0])]
        assert len(items) == 8 and TITLE.fullmatch(items[-1][0]) and items[-1][0] == "【編者觀點】"
        news = items[:-1]
        for item in news:
            title, rest = item[0], item[1:]
            text = [x for x in rest if not x.startswith("來源：")]
            sources = [x for x in rest if x.startswith("來源：")]
            # paragraph line(s), then the item's own 來源 line(s), nothing after them
            assert 1 <= len(text) <= 2 and rest == text + sources, item
            assert not URL.search(title) and not any(URL.search(x) for x in text), item
            assert sources and all(SOURCE_LINE.fullmatch(x) for x in sources), item
        assert sum(len([x for x in item if x.startswith("來源：")]) == 2 for item in news) == 1  # one item, two
        linked = {URL.search(x).group() for item in news for x in item if x.startswith("來源：")}  # type: ignore[union-attr]
        assert set(URL.findall(mail)) == linked and len(linked) == 8
        # the 編者觀點 paragraph cites nothing; the signature block (phone, address with numbers) has no link
        view = items[-1][1:]
        assert len(view) == 1 and not URL.search(view[0]) and re.search(r"\d", view[0])
        signature = mail.split("【編者觀點】", 1)[1].split("\n——\n", 1)[1]
        assert re.search(r"(?m)^電話：\(0\d\) \d{4}-\d{4}", signature) and re.search(r"(?m)^地址：\d{3}.+\d+號", signature)
        assert not URL.search(signature)
        # full-width punctuation and the number and date forms the labels rely on
        for mark in ("，", "。", "：", "；", "（", "）", "「", "」"):
            assert mark in forwarded, mark
        for form in (
            "億元", "萬港元", "新台幣", "港元", "美元", "年增", "季增", "月減", "1.2兆元", "240兆瓦",
            "2026年11月26日", "11/27", "12月4日", "四成", "2.7倍",
        ):
            assert form in mail, form

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # units only in a caption or a column header
        assert "（单位：百万美元）" in joined and "收入 1,418.0 929.4 52.6%" in joined
        assert "資助額（百萬港元）" in joined and "大學及專上院校 16 182.5 初創企業 15 143.0" in joined
        assert "(in millions, except per-share amounts; unaudited)" in joined and "Revenue 3,184 3,004 2,376" in joined
        # correction notes ("X, not Y")
        assert "It runs 15 years, not 12." in joined
        assert "更正：本文此前将衡川-3的上下文长度误写为100万tokens，应为51.2万tokens。" in joined
        # complete lists, in English and in Chinese, with a name said not to be on the English one
        assert "three cloud partners: Orison Cloud, Pellucid Cloud and Corvane" in joined
        assert "Tessaly Cloud will offer the model in early 2027 and is not a launch partner" in joined
        assert "基石投资者共三家，分别为：恒屿资本、南岭产业基金和启澜投资" in joined
        # two subjects side by side; another period's figure next to the right one
        assert "run rate has passed $620 million" in texts[TECHCRUNCH] and "$940 million" in texts[TECHCRUNCH]
        assert "AI伺服器占營收比重已達58%，去年同期為37%" in texts[UDN]
        # about half the captured pages are in Chinese, four of them in Traditional characters
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("zh-Hant") for lang in langs.values()) == 4
        assert langs[UDN] == "zh-Hant-TW" and langs[TECHCRUNCH].startswith("en")
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "瑞晟" not in texts[SOFT_404] and "1,600億" not in texts[SOFT_404] and "5億美元" not in texts[SOFT_404]
        assert "billion" not in texts[PAYWALL] and "$" not in texts[PAYWALL]

    def test_chinese_pages_are_cited_by_the_english_report_and_english_pages_by_the_chinese_one(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        sources = self.SET.sources
        lang = {
            u: (sources / e["file"]).read_text(encoding="utf-8").split('lang="', 1)[1][:2]
            for u, e in manifest.items()
            if "file" in e
        }
        latex_cites = set(URL.findall(reports[LATEX]))
        email_cites = set(URL.findall(reports[EMAIL]))
        assert {u for u in latex_cites if lang.get(u) == "zh"} == {
            UDN,
            "https://www.cls.cn/detail/2184736",
            "https://www.jiqizhixin.com/articles/2026-11-26-7",
        }
        assert {u for u in email_cites if lang.get(u) == "en"} == {
            TECHCRUNCH,
            "https://www.datacenterdynamics.com/en/news/hongyu-data-breaks-ground-on-240mw-taoyuan-ai-campus/",
        }

    def test_quotes_are_eight_to_sixty_characters(self, labels: list[dict]) -> None:
        # the devset's gold format: a quote is an exact substring of its report, 8-60 characters long
        assert all(8 <= len(item["quote"]) <= 60 for item in labels), [
            item["quote"] for item in labels if not 8 <= len(item["quote"]) <= 60
        ]
