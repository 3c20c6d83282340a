"""Well-formedness of the tune13 development set (tests/fixtures/tune13/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a broker weekly as text extracted from a PDF, an X thread as exported) and that the pages carry the formats
the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
HEADER = "华岳证券研究所 | 行业周报"
DISCLAIMER = "请务必阅读正文之后的免责声明"
PAGES = 8

TUNE13 = LabelledSet(
    "tune13",
    by_report={
        "t1_pdf_sc.txt": {"verified": 16, "contradicted": 16, "unverified": 9},
        "t2_thread_en.txt": {"verified": 13, "contradicted": 11, "unverified": 9},
    },
    verdicts={"verified": 29, "contradicted": 27, "unverified": 18},
    kinds={"money": 34, "count": 15, "fact": 10, "percent": 9, "date": 5, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.cls.cn/detail/2198734": "您访问的页面不存在",  # soft 404 answering 200
        "https://www.theinformation.com/articles/meridian-ai-in-talks-for-new-funding": "Subscribe to unlock this article",
    },
)


def display_width(line: str) -> int:
    """Width of a line in half-width units, as the PDF laid it out: a CJK character takes two."""
    return sum(1 if ord(c) < 128 else 2 for c in line)


def pdf_pages(text: str) -> list[list[str]]:
    """The report's pages (pdftotext ends each with a form feed), as lines."""
    pages = text.split("\f")
    assert pages[-1] == "", "every page, the last included, ends with a form feed"
    return [page.split("\n") for page in pages[:-1]]


def is_note(line: str) -> bool:
    return bool(line) and line[0] in CIRCLED


def x_weight(post: str) -> int:
    """A post's length as X counts it: a URL is 23, a character outside the Latin and general-punctuation
    ranges (CJK, emoji) is 2."""
    weight = 23 * len(URL.findall(post))
    for c in URL.sub("", post):
        o = ord(c)
        weight += 1 if o <= 4351 or 8192 <= o <= 8205 or 8208 <= o <= 8223 or 8242 <= o <= 8247 else 2
    return weight


def thread_posts(text: str) -> list[str]:
    blocks = text.strip("\n").split("\n\n")
    assert blocks[0].startswith("Lina Okafor @ledgerlina")  # the export's heading
    return blocks[1:]


class TestTune13WellFormed(WellFormed):
    SET = TUNE13

    def test_the_pdf_text_has_running_headers_footers_and_form_feeds(self, reports: dict[str, str]) -> None:
        pages = pdf_pages(reports["t1_pdf_sc.txt"])
        assert len(pages) == PAGES
        for n, lines in enumerate(pages, 1):
            assert lines[0] == HEADER, n
            assert lines[-3:] == [DISCLAIMER, f"第 {n} 页 / 共 {PAGES} 页", ""], n

    def test_the_pdf_prose_is_hard_wrapped(self, reports: dict[str, str]) -> None:
        text = reports["t1_pdf_sc.txt"]
        prose = [
            line
            for lines in pdf_pages(text)
            for line in lines
            if line and not is_note(line) and not line.startswith("https://") and "  " not in line
        ]
        # about 38 CJK characters a line (76 half-width units); a superscript note marker and the stop after
        # it may hang past the margin
        assert all(display_width(line) <= 80 for line in prose), max(prose, key=display_width)
        assert sum(display_width(line) >= 70 for line in prose) >= 40
        # sentences, and figures with their units, break across lines
        assert len(re.findall(r"\d\n[亿万]", text)) + len(re.findall(r"[亿万]美?\n[美元]", text)) >= 3

    def test_circled_notes_sit_at_the_bottom_of_their_page(self, reports: dict[str, str]) -> None:
        seen: set[str] = set()
        for lines in pdf_pages(reports["t1_pdf_sc.txt"]):
            notes = [i for i, line in enumerate(lines) if is_note(line)]
            body = lines[: notes[0]] if notes else lines
            used = {c for line in body for c in line if c in CIRCLED}
            assert used == {
                lines[i][0] for i in notes
            }  # every marker has its note on the same page, and back
            for i in notes:
                # a note gives its source and, on the next line, the URL it cites
                assert URL.fullmatch(lines[i + 1]), lines[i]
            assert not (used & seen), "notes are numbered through the report"
            seen |= used
        assert "".join(sorted(seen)) == CIRCLED

    def test_the_table_is_laid_out_with_spaces(self, reports: dict[str, str]) -> None:
        lines = reports["t1_pdf_sc.txt"].split("\n")
        start = lines.index("表 2：主要公司季度收入（单位：百万美元）")
        end = next(i for i in range(start, len(lines)) if lines[i].startswith("资料来源："))
        rows = [re.split(r" {2,}", line.strip()) for line in lines[start + 1 : end]]
        assert "|" not in "".join(lines[start:end])
        assert rows[0] == ["公司", "报告期", "本季收入", "上季收入", "去年同期"]
        assert len(rows) == 4 and all(len(row) == 5 for row in rows)
        assert set("⑦⑧⑨") <= set(lines[end])  # the table's source line carries the notes its cells rest on

    def test_summary_and_recommendation_cite_nothing(self, reports: dict[str, str]) -> None:
        text = reports["t1_pdf_sc.txt"]
        summary = text.split("投资要点\n", 1)[1].split(DISCLAIMER, 1)[0]
        advice = text.split("七、投资建议\n", 1)[1].split("八、风险提示", 1)[0]
        for section in (summary, advice):
            assert not URL.search(section) and not any(c in section for c in CIRCLED)

    def test_the_thread_is_numbered_posts_within_the_length_limit(self, reports: dict[str, str]) -> None:
        posts = thread_posts(reports["t2_thread_en.txt"])
        total = len(posts)
        assert total == 16
        for n, post in enumerate(posts, 1):
            assert post.startswith(f"{n}/{total} "), post[:12]
            assert x_weight(post) <= 280, (n, x_weight(post))
        assert posts[0].startswith(f"1/{total} 🧵")
        quoting = [post for post in posts if re.match(r"\d+/\d+ QT @\w+: ", post)]
        assert len(quoting) >= 3
        # figures set out one a line behind emoji bullets
        bullets = [line for post in posts for line in post.split("\n")[1:] if line and ord(line[0]) > 0x2000]
        assert len(bullets) >= 15

    def test_the_thread_links_inline_and_ends_with_its_sources(self, reports: dict[str, str]) -> None:
        posts = thread_posts(reports["t2_thread_en.txt"])
        *body, last = posts
        assert last.startswith(f"{len(posts)}/{len(posts)} sources:\n")
        listed = last.split("\n")[1:]
        assert all(URL.fullmatch(line) for line in listed) and len(set(listed)) == len(listed)
        inline = {u for post in body for u in URL.findall(post)}
        assert inline < set(listed)  # one source is only listed, never linked inline
        assert all(u.startswith("https://") for u in inline)
        uncited = [post for post in body if not URL.search(post)]
        assert len(uncited) == 3  # the opener, one post and the wrap-up cite nothing inline

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        assert "表1：项目投资构成（单位：亿元）" in joined  # units in a table caption
        assert "(in millions, except per-share data)" in joined
        assert "API pricing (USD per 1M tokens)" in joined
        assert "【更新 2026-11-27】" in joined and "更正为61.8%" in joined  # a correction revising a figure
        assert "with three partners, Halcyon Micro, Brazos Grid and Pelican Infrastructure Partners" in joined
        assert "本项目合作方共三家" in joined  # complete lists, in English and in Chinese
        chinese = [u for u, t in texts.items() if len(re.findall(r"[\u4e00-\u9fff]", t)) > 200]
        assert len(chinese) >= 3
