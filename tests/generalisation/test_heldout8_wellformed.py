"""Well-formedness of the eighth held-out set (tests/fixtures/heldout8/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese research memo in 壹／貳／參 chapters each closing with 資料來源 lines, and an English
reStructuredText-style market wrap with inline `Title <url>`_ links and a grid table) and that the pages
carry the formats the labels rely on. Being held out, it is not to be read when tuning the engine.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
CHAPTER = re.compile(r"^([壹貳參肆伍])、\S", re.M)
SOURCE_LINE = re.compile(r"- [^｜\n]+｜https://\S+")
INLINE_LINK = re.compile(r"`([^`<]+?) <(https?://[^>\s]+)>`_")

HELDOUT8 = LabelledSet(
    "heldout8",
    by_report={
        "m1_memo_tc.txt": {"verified": 14, "contradicted": 13, "unverified": 9},
        "w2_wrap_en.txt": {"verified": 13, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 27, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "percent": 17, "date": 13, "count": 7, "fact": 6, "version": 2},
    live=10,
    url=URL,
    empty_pages={
        # soft 404 answering 200
        "https://www.moneydj.com/kmdj/news/newsviewer.aspx?a=8f3c21d7-5b2e-4c90-a1f4-6e27d9b0c315": "您要找的網頁不存在",
        "https://www.bloomberg.com/news/articles/2026-11-26/lumora-is-said-to-hold-talks-on-new-funding-round": (
            "Subscribe to read the full story"
        ),
    },
)


def _chapters(memo: str) -> list[tuple[str, str]]:
    """The memo's chapters as (numeral, text), in order."""
    starts = [m.start() for m in CHAPTER.finditer(memo)] + [len(memo)]
    return [(memo[a], memo[a:b]) for a, b in zip(starts, starts[1:], strict=False)]


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


class TestHeldout8WellFormed(WellFormed):
    SET = HELDOUT8

    def test_the_memo_is_three_chapters_each_closing_with_its_sources(self, reports: dict[str, str]) -> None:
        memo = reports["m1_memo_tc.txt"]
        assert "#" not in memo and "](" not in memo and "[" not in memo  # no markdown, no footnote marks
        chapters = _chapters(memo)
        assert [numeral for numeral, _ in chapters] == ["壹", "貳", "參"]
        for _, chapter in chapters:
            body, _, sources = chapter.partition("\n資料來源：\n")
            assert sources, chapter[:20]
            # numbered sub-points 一、二、 with （一）（二） items, and no URL before the 資料來源 block
            assert re.search(r"^一、", body, re.M) and re.search(r"^二、", body, re.M)
            assert re.search(r"^（一）", body, re.M) and re.search(r"^（二）", body, re.M)
            assert not URL.search(body)
            lines = [line for line in sources.splitlines() if line.startswith("- ")]
            assert len(lines) == 2 and all(SOURCE_LINE.fullmatch(line) for line in lines), lines
        # the 摘要 before 壹 cites nothing
        preface = memo[: memo.index("壹、")]
        assert "摘要" in preface and not URL.search(preface)
        # every URL of the memo sits on a 資料來源 line
        assert all(re.search(rf"｜{re.escape(u)}$", memo, re.M) for u in URL.findall(memo))

    def test_the_wrap_is_restructuredtext_with_inline_links_and_a_grid_table(
        self, reports: dict[str, str]
    ) -> None:
        wrap = reports["w2_wrap_en.txt"]
        assert "](" not in wrap and "**" not in wrap and "#" not in wrap  # no markdown
        lines = wrap.splitlines()
        # the title is over- and underlined with '=', each section title underlined with '-' of its length
        assert set(lines[0]) == {"="} and lines[2] == lines[0] and len(lines[0]) >= len(lines[1])
        sections = [lines[i - 1] for i in range(1, len(lines)) if lines[i] and set(lines[i]) == {"-"}]
        assert {"Chips", "Cloud", "AI labs", "Scoreboard", "Our take"} <= set(sections)
        assert all(len(s) == len(lines[lines.index(s) + 1]) for s in sections)
        # every URL is inside a `Title <url>`_ link
        links = INLINE_LINK.findall(wrap)
        assert {u for _, u in links} == set(URL.findall(wrap))
        # the grid table: '+---' borders, one '+===' header rule, rows of three '|' cells
        rows = [line for line in lines if line.startswith("|")]
        borders = [line for line in lines if line.startswith("+")]
        assert sum(set(b) == {"+", "="} for b in borders) == 1 and len(rows) == 6
        assert all(line.count("|") == 4 and len(line) == len(borders[0]) for line in rows)
        # the table's citations are the paragraph right after it
        after = wrap.rsplit(borders[-1], 1)[1]
        note = _paragraphs(after)[0]
        assert note.startswith("Table sources:") and len(INLINE_LINK.findall(note)) == 3
        # the closing section cites nothing
        assert not URL.search(wrap.split("Our take\n--------\n", 1)[1])

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "單位：新臺幣百萬元" in joined  # a results table whose unit is a caption, not the cells
        assert "單位：新臺幣億元" in joined  # a grant table in 億元
        assert "(in millions, except per share data)" in joined  # an English statement's unit caption
        assert "【更新】" in joined and "應為「四成」" in joined  # a correction note revising a figure
        assert "UPDATE: This release was updated" in joined  # a corrected outlook
        assert "moved to December 15 from the December 8" in joined  # an updated date
        assert "six founding members are" in joined and "is not part of the partnership" in joined
        assert "等6家業者未獲核定" in joined  # a complete list with the ones left out named
