"""Well-formedness of the tune21 development set (tests/fixtures/tune21/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English Logseq/Roam-style outline exported as markdown, a Simplified-Chinese brokerage research note
copied from a PDF as plain text), that each label rests on exactly the URLs its report's citation scope
gives it, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
BULLET = re.compile(r"( *)- (.*)")
PROPERTY = re.compile(r"( *)source:: (https://\S+)")
MD_LINK = re.compile(r"\[([^\[\]]+)\]\((https://[^\s()]+)\)")
WIKI = re.compile(r"\[\[([^\[\]]+)\]\]")
SUBTOPIC = re.compile(r"\[\[[^\[\]]+\]\]( \(\d{4}\.TW\))?")
BLOCK_REF = re.compile(r"\(\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)\)")
SOURCE_LINE = re.compile(r"资料来源：[^，\s]+，(https://\S+)")
FOOTER = "请务必阅读正文之后的免责声明"
PAGE_NO = re.compile(r"(\d+) / 12")
SECTIONS = ("一、", "二、", "三、", "四、", "五、")

OUTLINE = "o1_outline_en.md"
NOTE = "r1_research_note_sc.txt"
SOFT_404 = "https://www.eetimes.com/tallis-networks-lands-hyperscaler-orders-for-1-6t-switch-asic/"
PAYWALL = "https://www.caixin.com/2026-11-27/102385164.html"
DEAD = "https://www.ospreycloud.com/newsroom/amarillo-campus-announcement"
TW_PAGE = "https://www.ctee.com.tw/news/20261110700412-430502"
CLS_PAGE = "https://www.cls.cn/detail/1876543"

TUNE21 = LabelledSet(
    "tune21",
    by_report={
        OUTLINE: {"verified": 16, "contradicted": 13, "unverified": 9},
        NOTE: {"verified": 17, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "fact": 13, "percent": 12, "date": 12, "count": 12, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you are looking for does not exist or has been moved.",  # soft 404 answering 200
        PAYWALL: "订阅财新通，阅读全文",  # paywall stub
    },
)


def _blocks(outline: str) -> list[tuple[int, str, list[str]]]:
    """The outline's bullets in order: (indent, text, URLs of its own source:: property lines)."""
    blocks: list[tuple[int, str, list[str]]] = []
    for line in outline.split("\n\n", 1)[1].splitlines():
        bullet, prop = BULLET.fullmatch(line), PROPERTY.fullmatch(line)
        if bullet:
            blocks.append((len(bullet.group(1)), bullet.group(2), []))
        else:
            assert prop, line
            indent, text, urls = blocks[-1]
            assert len(prop.group(1)) == indent + 2, line  # a property line sits at its bullet's text
            urls.append(prop.group(2))
    return blocks


def _summary(blocks: list[tuple[int, str, list[str]]]) -> list[str]:
    start = next(i for i, (indent, text, _) in enumerate(blocks) if indent == 0 and text == "#summary")
    return [text for indent, text, _ in blocks[start + 1 :] if indent > 0]


def _paragraphs(note: str) -> list[list[str]]:
    """The note's blank-line separated blocks, each a list of its lines."""
    return [block.splitlines() for block in note.strip("\n").split("\n\n")]


class TestTune21WellFormed(WellFormed):
    SET = TUNE21

    def test_the_outline_is_a_logseq_export_with_properties_nested_bullets_and_cited_children(
        self, reports: dict[str, str]
    ) -> None:
        outline = reports[OUTLINE]
        lines = outline.splitlines()
        # a page title line, then the page's date:: and tags:: properties and a blank line
        assert lines[0].startswith("# ") and not URL.search(lines[0])
        assert lines[1] == "date:: 2026-12-01" and lines[2] == "tags:: [[AI]], [[chips]]" and lines[3] == ""
        assert "<" not in outline and "**" not in outline
        blocks = _blocks(outline)
        indents = {indent for indent, _, _ in blocks}
        assert indents == {0, 2, 4}  # nested bullets at three levels, two spaces a level
        for (a, _, _), (b, _, _) in zip(blocks, blocks[1:], strict=False):
            assert b <= a + 2  # never skips a level
        # every URL is a markdown link [label](url) or on a source:: property line
        linked = {u for _, text, _ in blocks for _, u in MD_LINK.findall(text)}
        props = {u for _, _, urls in blocks for u in urls}
        assert set(URL.findall(outline)) == linked | props and linked and props
        # top-level bullets are topics: no figures, no links; #summary is one of them
        tops = [text for indent, text, urls in blocks if indent == 0]
        assert "#summary" in tops and tops[-1] == "#summary"
        assert all(not URL.search(t) and not re.search(r"\d", WIKI.sub("", t)) for t in tops)
        assert sum(bool(WIKI.fullmatch(t)) for t in tops) >= 3  # [[Wiki Links]] around company names
        # one TODO and one DONE bullet, one block reference each in two bullets, none with a link
        todo = [t for _, t, _ in blocks if t.startswith("TODO ")]
        done = [t for _, t, _ in blocks if t.startswith("DONE ")]
        assert len(todo) == 1 and len(done) == 1 and not URL.search(todo[0] + done[0])
        refs = [t for _, t, _ in blocks if BLOCK_REF.search(t)]
        assert len(refs) == 2 and len(BLOCK_REF.findall(outline)) == 2
        assert all(not URL.search(t) and not re.search(r"\d", BLOCK_REF.sub("", t)) for t in refs)
        # the #summary children cite nothing and hold checkable statements
        summary = _summary(blocks)
        assert len(summary) == 4 and not any(URL.search(t) for t in summary)
        assert sum(bool(re.search(r"\d", t)) for t in summary) == 3 and "more than doubled" in "".join(summary)
        # every other child bullet with a figure carries its own link or a source:: property line
        body = blocks[: next(i for i, (d, t, _) in enumerate(blocks) if d == 0 and t == "#summary")]
        for indent, text, urls in body:
            if indent == 0 or text.startswith(("TODO ", "DONE ")) or BLOCK_REF.search(text):
                continue
            if SUBTOPIC.fullmatch(text):  # a sub-topic bullet: a name (and ticker), no claim, no link
                assert not urls
                continue
            assert MD_LINK.search(text) or urls, text
            assert not (MD_LINK.search(text) and urls), text  # one way or the other, not both
        # both ways of citing are used for the same page (a bullet's link, a sibling's source:: line)
        assert linked & props

    def test_outline_labels_rest_on_their_own_bullet(self, labels: list[dict], reports: dict[str, str]) -> None:
        blocks = _blocks(reports[OUTLINE])
        summary = _summary(blocks)
        cited = set(URL.findall(reports[OUTLINE]))
        for item in labels:
            if item["report"] != OUTLINE:
                continue
            owners = [(t, urls) for _, t, urls in blocks if item["quote"] in t]
            assert len(owners) == 1, item["quote"]
            text, props = owners[0]
            own = {u for _, u in MD_LINK.findall(text)} | set(props)
            if text in summary:  # an unsourced summary claim: the report's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
            else:  # a bullet's own links and source:: lines, never a sibling's or a parent's
                assert set(item["source_urls"]) == own, item
            assert not text.startswith(("TODO ", "DONE ")) and not BLOCK_REF.search(text)

    def test_the_note_is_a_research_note_copied_from_a_pdf(self, reports: dict[str, str]) -> None:
        note = reports[NOTE]
        assert "](" not in note and "<" not in note and "**" not in note and not re.search(r"(?m)^#", note)
        lines = note.splitlines()
        # header block: report type, analyst and certificate number (not claims), the report date
        assert lines[0] == "证券研究报告｜行业周报"
        assert any(re.fullmatch(r"分析师：\S+", line) for line in lines[:12])
        assert sum(bool(re.fullmatch(r"执业证书编号：S0\d{12}", line)) for line in lines) == 1
        assert "报告日期：2026年12月1日" in lines[:12]
        # 投资要点: ■ bullets citing nothing
        start = lines.index("投资要点")
        points = [line for line in lines[start + 1 :] if line.startswith("■ ")]
        assert len(points) == 4 and lines[start + 1 : start + 5] == points
        assert not any(URL.search(p) for p in points)
        # body sections 一、 to 五、 in order
        heads = [line for line in lines if line.startswith(SECTIONS)]
        assert [h[:2] for h in heads] == list(SECTIONS)
        # page footers repeated mid-text: the disclaimer line, then "n / 12", then (but the last) a header
        footers = [i for i, line in enumerate(lines) if line == FOOTER]
        assert len(footers) >= 4
        numbers = [int(PAGE_NO.fullmatch(lines[i + 1]).group(1)) for i in footers]  # type: ignore[union-attr]
        assert numbers == sorted(numbers) and numbers[-1] == 12 and len(set(numbers)) == len(numbers)
        assert all(lines[i + 2] == "华衡证券｜行业周报" for i in footers[:-1])
        # every URL sits on a 资料来源：outlet，url line under the paragraph it supports
        on_lines = [SOURCE_LINE.fullmatch(line) for line in lines if line.startswith("资料来源：")]
        assert on_lines and all(on_lines)
        assert set(URL.findall(note)) == {m.group(1) for m in on_lines if m}
        for block in _paragraphs(note):
            srcs = [line for line in block if line.startswith("资料来源：")]
            if srcs:  # the source lines close their block
                assert block[-len(srcs) :] == srcs or block[-1].startswith("注："), block
        # the 盈利预测 table: its unit only in the 单位 caption line, A / E columns, bare numbers
        cap = lines.index("单位：百万元")
        assert lines[cap - 1].startswith("表1：") and lines[cap + 1] == "公司 指标 2025A 2026E 2027E"
        rows = lines[cap + 2 : cap + 6]
        for row in rows:
            cells = row.split(" ")
            assert len(cells) == 5 and all(re.fullmatch(r"-?[\d,]+", c) for c in cells[2:]), row
        assert lines[cap + 6].startswith("资料来源：") and "2026E、2027E为华衡证券研究所预测" in note
        # the closing 风险提示 paragraph cites nothing
        risk = lines.index("风险提示")
        tail = [line for line in lines[risk + 1 :] if line and line != FOOTER and not PAGE_NO.fullmatch(line)]
        assert len(tail) == 1 and not URL.search(tail[0]) and "约三成" in tail[0]

    def test_note_labels_rest_on_the_source_lines_under_their_paragraph(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        note = reports[NOTE]
        cited = set(URL.findall(note))
        blocks = _paragraphs(note)
        for item in labels:
            if item["report"] != NOTE:
                continue
            owners = [b for b in blocks if any(item["quote"] in line for line in b)]
            assert len(owners) == 1, item["quote"]
            block = owners[0]
            line = next(x for x in block if item["quote"] in x)
            assert not line.startswith(("资料来源：", "执业证书编号", "分析师", "报告日期", FOOTER)), item
            own = {m.group(1) for x in block if (m := SOURCE_LINE.fullmatch(x))}
            if own:
                assert set(item["source_urls"]) == own, item
            else:  # 投资要点 / 风险提示 cite nothing: the note's own pages or nothing
                assert line.startswith("■ ") or block[0] == "风险提示", item
                assert set(item["source_urls"]) <= cited, item

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or header
        assert "曜衡半导体主要财务数据（单位：亿元）" in joined and "营业收入 48.62 29.74 63.48%" in joined
        assert "(in millions, except per share amounts)" in joined and "Revenue 6,840 6,107 4,329" in joined
        assert "算力规模（PFLOPS） 总投资（亿元）" in joined
        # a correction note, "X, not Y"
        assert "Correction, November 21, 2026" in joined and "The campus is planned at 900MW, not 700MW." in joined
        # complete lists, in English and in Chinese, each with a name said not to be on it
        assert "three founding members: Corvane Silicon, Osprey Cloud and Tallis Networks" in joined
        assert "Meridian Micro, which joined as a promoter member in April 2026, is not a founding member" in joined
        assert "首批国产算力芯片应用验证中心共三家，分别为：" in joined and "南山西丽智算中心申报材料尚需补充完善" in joined
        # two subjects' figures side by side; a figure of another period next to the right one
        assert "数据中心GPU收入35.9亿元" in joined and "边缘推理芯片收入9.4亿元" in joined
        assert "up 58% from the same period a year ago and up 12% sequentially" in joined
        assert "第三季度单季实现营业收入19.75亿元" in joined
        assert "HBM revenue of $2.91 billion" in joined and "DRAM revenue excluding HBM was $2.77 billion" in joined
        # a forecast a page gives (the note's 2026E cell rests on it)
        assert "expects full-year 2026 revenue of about 2.6 billion yuan" in joined
        # about half the captured pages are in Chinese, one in Traditional characters
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 1 and langs[TW_PAGE] == "zh-Hant-TW"
        assert "創單月歷史新高" in texts[TW_PAGE] and "新台幣186.4億元" in texts[TW_PAGE]
        assert langs[CLS_PAGE] == "zh-CN"
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "Tallis" not in texts[SOFT_404] and "$900 million" not in texts[SOFT_404]
        assert "60亿" not in texts[PAYWALL] and "华岳" not in texts[PAYWALL] and "保荐" not in texts[PAYWALL]
        # pages that say they do not give a figure a label asks for
        assert "Osprey did not say how many of them would be T4s" in joined
        assert "但公司未披露客户总数" in joined and "也未透露毛利率水平" in joined
        assert "未披露具体的加速卡型号和数量" in joined and "He also declined to discuss margins." in joined
