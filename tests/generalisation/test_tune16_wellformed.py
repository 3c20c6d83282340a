"""Well-formedness of the tune16 development set (tests/fixtures/tune16/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese broker 晨会纪要 exported from a wiki as markdown, an English note-to-clients email
pasted as text) and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

URL = re.compile(r"https?://[^\s)\]>〉」]+")
MINUTES = "z1_chenhui_2026-11-30.md"
NOTE = "z2_note_to_clients_vrdn.txt"
LINK = re.compile(r"\[来源\]\((https://[^\s)]+)\)")
CITATION = re.compile(r"\(Source: [^,()]+, (https://[^\s)]+)\)")

TUNE16 = LabelledSet(
    "tune16",
    by_report={
        MINUTES: {"verified": 17, "contradicted": 13, "unverified": 10},
        NOTE: {"verified": 14, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 31, "contradicted": 26, "unverified": 18},
    kinds={"percent": 28, "money": 26, "date": 8, "fact": 6, "count": 6, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://finance.eastmoney.com/a/202611283251846702.html": "抱歉，您访问的页面不存在或已被删除",  # soft 404
        "https://www.bloomberg.com/news/articles/2026-11-27/veridian-compute-said-to-weigh-acquisition-of-lumora-photonics": (
            "Subscribe to keep reading"
        ),
    },
)


def _sections(text: str) -> dict[str, str]:
    """The minutes' ``## `` sections by title."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


class TestTune16WellFormed(WellFormed):
    SET = TUNE16

    def test_the_minutes_are_a_wiki_export_with_fixed_sections(self, reports: dict[str, str]) -> None:
        minutes = reports[MINUTES]
        lines = minutes.splitlines()
        assert lines[0] == "# 晨会纪要 2026-11-30"  # a bare title line, no YAML front matter
        assert not minutes.startswith("---")
        assert re.findall(r"^## (.+)$", minutes, flags=re.M) == ["宏观", "行业", "公司点评", "风险提示"]
        companies = re.findall(r"^### (.+)$", minutes, flags=re.M)
        assert len(companies) == 3 and all(re.fullmatch(r".+（\d{6}\.SH）", c) for c in companies)
        for style in ("同比+", "环比-", "pct", "bp", "亿元", "万元", "亿美元", "%"):
            assert style in minutes, style

    def test_every_numbered_point_ends_with_its_links(self, reports: dict[str, str]) -> None:
        sections = _sections(reports[MINUTES])
        points = [
            line
            for title in ("宏观", "行业", "公司点评")
            for line in sections[title].splitlines()
            if re.match(r"\d）", line)
        ]
        assert len(points) == 10
        for point in points:
            # the point's text, then one or more [来源](url) links closing the line, and no link before them
            body = re.sub(r"(\s*\[来源\]\(https://[^\s)]+\))+$", "", point)
            assert body != point and "](" not in body and not URL.search(body), point
        assert sum(len(LINK.findall(p)) == 2 for p in points) == 1  # one point cites two pages

    def test_one_forecast_table_under_a_unit_line_and_a_risk_section_citing_nothing(
        self, reports: dict[str, str]
    ) -> None:
        minutes = reports[MINUTES]
        lines = minutes.splitlines()
        rows = [i for i, line in enumerate(lines) if line.startswith("|")]
        assert rows == list(range(rows[0], rows[0] + 8))  # one table: header, rule, six rows
        assert lines[rows[0]].split("|")[2:6] == [" 2025A ", " 2026E ", " 2027E ", " 2028E "]
        assert lines[rows[0] - 2] == "单位：亿元" and lines[rows[0] - 1] == ""
        risks = _sections(minutes)["风险提示"]
        assert "](" not in risks and not URL.search(risks)
        assert len(re.findall(r"^\d）", risks, flags=re.M)) == 4

    def test_the_note_is_a_pasted_email(self, reports: dict[str, str]) -> None:
        note = reports[NOTE]
        assert "#" not in note and "](" not in note and "**" not in note  # plain text, no markdown
        head = note.splitlines()[:5]
        assert [line.split(":", 1)[0] for line in head[:4]] == ["From", "To", "Date", "Subject"]
        assert head[4] == "" and note.splitlines()[5] == "Good morning all,"
        for abbreviation in ("bps", "y/y", "q/q", "1H26", "FY27E", "bn"):
            assert abbreviation in note, abbreviation
        body, footer = note.split("\n________________________________\n")
        # the legal footer carries figures of its own but cites nothing
        assert footer.startswith("IMPORTANT DISCLOSURES") and re.search(r"\d+%", footer)
        assert "(Source:" not in footer and not URL.search(footer)
        # the greeting paragraph and "Our view" cite nothing
        greeting = body.split("\n\n")[2]
        view = body.split("Our view\n", 1)[1].split("\n\n", 1)[0]
        assert greeting.startswith("Quick post-print note") and not URL.search(greeting)
        assert view.startswith("VRDN shares") and not URL.search(view)

    def test_every_bullet_carries_its_own_inline_citation(self, reports: dict[str, str]) -> None:
        note = reports[NOTE]
        bullets = [line for line in note.splitlines() if line.startswith(("• ", "   o "))]
        assert len(bullets) == 14 and sum(b.startswith("   o ") for b in bullets) == 1
        for bullet in bullets:
            cited = CITATION.findall(bullet)
            assert len(cited) == 1 and cited == URL.findall(bullet), bullet
        # a citation need not close its bullet
        assert any(not re.search(r"\)\.?$", b) for b in bullets)

    def test_the_key_numbers_block_rests_on_its_closing_source_line(self, reports: dict[str, str]) -> None:
        block = reports[NOTE].split("Key numbers\n", 1)[1].split("\n\n", 1)[0].splitlines()
        figures, source = block[:-1], block[-1]
        assert len(figures) == 6
        assert all(re.fullmatch(r"[A-Za-z0-9 ()]+: \$?[\d.]+(bn|%)?( \(.+\)| ±2%)?", line) for line in figures), figures
        assert figures[0] == "Revenue: $4.2bn (+31% y/y)"
        assert CITATION.fullmatch(source)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "(unit: thousand units)" in joined  # TrendForce table: the unit is in the caption only
        assert "利润总额（亿元）" in joined  # statistics table: the unit is in the column header
        assert "更正说明" in joined and "应为“43亿元”" in joined  # a correction note revising a figure
        assert "The three partners, Veridian Compute, Stellan Energy and Kaito Capital" in joined  # complete list
        assert "Halcyon is not a partner" in joined
        chinese = [t for t in live_page_texts(manifest, self.SET.sources).values() if re.search(r"[\u4e00-\u9fff]{20}", t)]
        assert len(chinese) >= 3
