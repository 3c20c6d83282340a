"""Well-formedness of the tune18 development set (tests/fixtures/tune18/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Bilibili video description in Simplified Chinese, a Confluence page in wiki markup) and that the pages
carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」|]+")
CHAPTER = re.compile(r"(\d{2}):(\d{2}) \S")
LINK_LINE = re.compile(r"🔗 https://\S+")
WIKI_LINK = re.compile(r"\[[^\[\]|]+\|(https://[^\]\s|]+)\]")

SOFT_404 = "https://finance.sina.com.cn/tech/2026-11-26/doc-inhxqk5823041.shtml"
PAYWALL = "https://www.theinformation.com/articles/pellucids-biggest-customer-is-building-its-own-chip"

TUNE18 = LabelledSet(
    "tune18",
    by_report={
        "v1_bilibili_sc.txt": {"verified": 16, "contradicted": 12, "unverified": 9},
        "v2_confluence_en.txt": {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 32, "contradicted": 25, "unverified": 17},
    kinds={"money": 22, "count": 18, "fact": 12, "percent": 11, "date": 10, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        SOFT_404: "您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _chapters(desc: str) -> list[list[str]]:
    """The 时间轴 chapters of the description: each a time-stamp line and the lines under it."""
    body = desc.split("时间轴：\n", 1)[1].split("\n\n", 1)[0]
    chapters: list[list[str]] = []
    for line in body.splitlines():
        if CHAPTER.match(line):
            chapters.append([line])
        else:
            assert chapters, f"line before the first chapter: {line!r}"
            chapters[-1].append(line)
    return chapters


def _section(page: str, heading: str) -> str:
    """The text under an ``h2.`` heading, up to the next ``h1.``/``h2.`` heading."""
    rest = page.split(f"\nh2. {heading}\n", 1)[1]
    return re.split(r"\nh[12]\. ", rest, maxsplit=1)[0]


class TestTune18WellFormed(WellFormed):
    SET = TUNE18

    def test_the_description_is_a_title_an_intro_chapters_with_their_links_and_a_summary(
        self, reports: dict[str, str]
    ) -> None:
        desc = reports["v1_bilibili_sc.txt"]
        assert "](" not in desc and "**" not in desc and "<" not in desc  # plain text, no markdown or html
        lines = desc.splitlines()
        title, intro = lines[0], lines[2]
        assert title.startswith("【") and not URL.search(title)
        assert lines[1] == "" and intro and not URL.search(intro) and lines[3] == "" and lines[4] == "时间轴："
        chapters = _chapters(desc)
        assert len(chapters) == 8
        stamps = [tuple(map(int, CHAPTER.match(c[0]).groups())) for c in chapters]  # type: ignore[union-attr]
        assert stamps == sorted(stamps) and all(s < 60 for _, s in stamps)
        for chapter in chapters:
            head, rest = chapter[0], chapter[1:]
            assert not URL.search(head)
            notes = [line for line in rest if not line.startswith("🔗")]
            links = [line for line in rest if line.startswith("🔗")]
            # one or two note lines, then the chapter's own 🔗 line(s), nothing after them
            assert 1 <= len(notes) <= 2 and rest == notes + links, chapter
            assert links and all(LINK_LINE.fullmatch(line) for line in links), chapter
            assert not any(URL.search(line) for line in notes), chapter
        assert sum(len([x for x in c if x.startswith("🔗")]) == 2 for c in chapters) == 1  # one chapter, two links
        # every URL of the description sits on a 🔗 line of a chapter
        linked = {URL.search(line).group() for c in chapters for line in c if line.startswith("🔗")}  # type: ignore[union-attr]
        assert set(URL.findall(desc)) == linked
        # the closing 📌 总结 paragraph cites nothing; then the hashtags and the 一键三连 line
        tail = [line for line in desc.split("\n📌 总结：", 1)[1].splitlines() if line]
        summary = "📌 总结：" + tail[0]
        assert desc.count("📌 总结：") == 1 and not URL.search(summary)
        hashtags, closing = tail[1], tail[2]
        assert "#AI" in hashtags.split() and "#大模型" in hashtags.split()
        assert all(tag.startswith("#") for tag in hashtags.split())
        assert "一键三连" in closing and len(tail) == 3 and not URL.search(closing)

    def test_the_confluence_page_is_wiki_markup_with_links_in_their_bullets_rows_and_macros(
        self, reports: dict[str, str]
    ) -> None:
        page = reports["v2_confluence_en.txt"]
        assert "](" not in page and "**" not in page and not re.search(r"(?m)^#", page)  # wiki, not markdown
        lines = page.splitlines()
        assert lines[0].startswith("h1. ") and sum(line.startswith("h1. ") for line in lines) == 1
        headings = [line[4:] for line in lines if line.startswith("h2. ")]
        assert len(headings) >= 4 and headings[-1] == "Open questions"
        # every URL is written as a wiki link [label|url]
        assert sorted(URL.findall(page)) == sorted(WIKI_LINK.findall(page))
        # an {info} and a {note} macro, each on one line, each holding figures and its own link
        for macro in ("{info}", "{note}"):
            body = [line for line in lines if macro in line]
            assert len(body) == 1 and body[0].startswith(macro) and body[0].endswith(macro) and body[0].count(macro) == 2
            assert WIKI_LINK.search(body[0]) and re.search(r"\d", WIKI_LINK.sub("", body[0]))
        # bullets: each outside Open questions carries a link of its own; Open questions cites nothing
        questions = _section(page, "Open questions")
        assert not URL.search(questions)
        asked = [line for line in questions.splitlines() if line.startswith("* ")]
        assert len(asked) == 4
        bullets = [line for line in lines if line.startswith("* ") and line not in asked]
        assert len(bullets) >= 9 and all(WIKI_LINK.search(line) for line in bullets)
        # a wiki table: a ||header|| row with the unit in a header cell, then |cell| rows each with its link
        header = next(line for line in lines if line.startswith("||"))
        cells = header.strip("|").split("||")
        assert header.endswith("||") and "Investment (RMB billion)" in cells and cells[-1] == "Source"
        start = lines.index(header) + 1
        rows = []
        for line in lines[start:]:
            if not line.startswith("|"):
                break
            rows.append(line)
        assert len(rows) == 3
        for row in rows:
            assert not row.startswith("||") and row.endswith("|")
            assert len(WIKI_LINK.findall(row)) == 1 and row.rstrip("|").endswith("]")
            assert len(WIKI_LINK.sub("LINK", row).strip("|").split("|")) == len(cells)
        # figures the table labels rest on carry no unit of their own: it is in the header
        assert all(re.fullmatch(r"\d+(\.\d+)?", WIKI_LINK.sub("", row).strip("|").split("|")[1]) for row in rows)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "（单位：人民币万元）" in joined and "营业收入 186,420 114,020 63.50%" in joined  # unit in a caption
        assert "Correction, November 26" in joined and "phase one is 480MW" in joined  # a correction note
        assert "launches with three partners: Corvane Bank, Tilbury Health and Ashgrove Retail" in joined  # list
        assert "第一批重点项目共三个，分别为" in joined  # a complete list in Chinese
        assert "Marchetti Logistics" in joined and "is not among the launch partners" in joined
        assert "灿微半导体第三季度营收12.3亿元 同比增长28%" in joined  # another company's figure, same page
        # at least four captured pages are in Chinese
        sources = self.SET.sources
        chinese = [
            u for u, e in manifest.items() if "file" in e and 'lang="zh' in (sources / e["file"]).read_text(encoding="utf-8")
        ]
        assert len(chinese) >= 4
        # the soft 404 and the paywall say nothing of the claims resting on them
        assert "20亿元" not in texts[SOFT_404] and "45%" not in texts[PAYWALL]
