"""Well-formedness of the tune10 development set (tests/fixtures/tune10/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check that the two reports have the
shapes the README describes (a Simplified-Chinese investor FAQ whose answers close with 参考 lines, English
earnings-call notes whose numbered sections close with angle-bracket links) and that the pages carry the
formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」；]+")
REFERENCE = re.compile(r"参考：(https://[^\s；]+)(；https://[^\s；]+)*")
SOURCES_LINE = re.compile(r"Sources: <https://[^>\s]+>( <https://[^>\s]+>)*")

TUNE10 = LabelledSet(
    "tune10",
    by_report={
        "c1_faq_sc.md": {"verified": 16, "contradicted": 12, "unverified": 9},
        "c2_callnotes_en.md": {"verified": 13, "contradicted": 15, "unverified": 9},
    },
    verdicts={"verified": 29, "contradicted": 27, "unverified": 18},
    kinds={"money": 34, "percent": 14, "date": 12, "count": 7, "fact": 6, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://www.stcn.com/article/detail/1874325.html": "您访问的页面不存在",  # soft 404 answering 200
        "https://www.bloomberg.com/news/articles/2026-11-26/corvane-is-said-to-explore-acquisition-of-software-maker-lintel": "Subscribe to continue reading",
    },
)


class TestTune10WellFormed(WellFormed):
    SET = TUNE10

    def test_the_faq_is_questions_answered_with_a_closing_reference(self, reports: dict[str, str]) -> None:
        faq = reports["c1_faq_sc.md"]
        assert faq.startswith("# ") and "](" not in faq  # markdown, but no markdown links
        body, summary = faq.split("\n## 小结\n", 1)
        blocks = body.split("\n### Q: ")[1:]
        assert len(blocks) == 8
        for block in blocks:
            lines = [line for line in block.splitlines() if line.strip()]
            # the question line, one A: paragraph, then one closing 参考 line
            assert len(lines) == 3, block
            question, answer, reference = lines
            assert not URL.search(question) and answer.startswith("A: ") and not URL.search(answer)
            assert REFERENCE.fullmatch(reference), reference
        references = [block.rstrip().splitlines()[-1] for block in blocks]
        assert sum(reference.count("；https://") == 1 for reference in references) == 1  # one answer cites two URLs
        # the closing 小结 cites nothing
        assert not URL.search(summary) and all(line.startswith("- ") for line in summary.split("\n") if line.strip())

    def test_the_call_notes_are_numbered_sections_closed_by_angle_bracket_links(self, reports: dict[str, str]) -> None:
        notes = reports["c2_callnotes_en.md"]
        assert "#" not in notes and "](" not in notes
        sections = re.split(r"\n\n(?=\d+\) )", notes)[1:]
        assert [int(s.split(")", 1)[0]) for s in sections] == list(range(1, 9))
        for section in sections:
            header, *bullets, sources = section.strip().splitlines()
            assert re.match(r"\d+\) \S", header) and not URL.search(header)
            assert bullets and all(line.startswith("- ") and not URL.search(line) for line in bullets), section
            assert SOURCES_LINE.fullmatch(sources), sources
        assert sum(section.strip().splitlines()[-1].count("<https://") == 2 for section in sections) == 1
        # every link is an autolink in angle brackets
        assert len(URL.findall(notes)) == notes.count("<https://")
        # the notations the labels rely on
        for notation in ("$", "€", "£", "¥", "HK$", "CNY", "bp", "42x", "bn", "£412.6m", "fiscal", "1H", "3Q27", "Tuesday"):
            assert notation in notes, notation

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "(in millions, except per share data)" in joined  # an earnings table with two period columns
        assert "October 31, 2026 October 31, 2025" in joined
        assert "单位：万元" in joined  # the exchange announcement's unit is a caption, not the cells
        assert "Correction: An earlier version" in joined and "it is 240 megawatts" in joined
        assert "The three partners Hoshida Robotics, Kanemura Logistics and Tessaly Systems" in joined  # a complete list
