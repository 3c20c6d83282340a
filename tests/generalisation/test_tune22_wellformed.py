"""Well-formedness of the tune22 development set (tests/fixtures/tune22/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese Marp slide deck in markdown, an English claims-tracking spreadsheet exported as CSV and
saved as .txt), that each label rests on exactly the URLs its report's citation scope gives it, and that the
pages carry the formats the labels rely on.
"""

from __future__ import annotations

import csv
import io
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s,\"'<>()\[\]，；。、]+")
SOURCE_LINE = re.compile(r"来源：(https://\S+)((?: ；https://\S+)*)")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
DIRECTIVE = re.compile(r"\s*_?\w+:\s*\S+\s*")  # a Marp directive comment such as <!-- _class: lead -->
TABLE_ROW = re.compile(r"\|.*\|")
NUMBER = re.compile(r"\d{1,3}(,\d{3})*(\.\d+)?|\d+(\.\d+)?")
HEADER = ["date", "company", "item", "figure", "unit", "period", "source_url", "notes"]

DECK = "v1_slides_sc.md"
TRACKER = "s2_tracker_en.txt"
SOFT_404 = "https://36kr.com/p/3051987264318724"
PAYWALL = "https://www.ft.com/content/5d1e7c2a-8b34-4f0e-9a61-3c2b7d9e4a10"
DEAD = "https://www.haldenphotonics.com/newsroom/lumora-l1-design-wins"
HKET = "https://inews.hket.com/article/3987412"
UDN = "https://money.udn.com/money/story/5612/8391275"

TUNE22 = LabelledSet(
    "tune22",
    by_report={
        DECK: {"verified": 17, "contradicted": 14, "unverified": 8},
        TRACKER: {"verified": 16, "contradicted": 11, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "fact": 16, "count": 16, "percent": 9, "date": 6, "version": 4},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _front_matter_and_slides(deck: str) -> tuple[list[str], list[list[str]]]:
    """The deck's front matter lines and its slides (each a list of lines), split on '---' lines."""
    lines = deck.splitlines()
    assert lines[0] == "---"
    end = lines.index("---", 1)
    slides: list[list[str]] = [[]]
    for line in lines[end + 1 :]:
        if line == "---":
            slides.append([])
        else:
            slides[-1].append(line)
    return lines[1:end], slides


def _notes(slide: list[str]) -> list[str]:
    """A slide's speaker notes: its HTML comments that are not Marp directives."""
    return [c.strip() for c in COMMENT.findall("\n".join(slide)) if not DIRECTIVE.fullmatch(c)]


def _visible(slide: list[str]) -> list[str]:
    """A slide's non-empty lines outside HTML comments."""
    return [line for line in COMMENT.sub("", "\n".join(slide)).splitlines() if line.strip()]


def _slide_urls(slide: list[str]) -> list[str] | None:
    """The URLs of the slide's 来源 footer line, or None when it has none."""
    found = [m for line in slide if (m := SOURCE_LINE.fullmatch(line))]
    if not found:
        return None
    assert len(found) == 1
    return URL.findall(found[0].group(0))


def _rows(tracker: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(tracker)))
    assert all(len(r) == len(HEADER) for r in rows)
    return rows


class TestTune22WellFormed(WellFormed):
    SET = TUNE22

    def test_the_deck_is_a_marp_slide_deck(self, reports: dict[str, str]) -> None:
        deck = reports[DECK]
        front, slides = _front_matter_and_slides(deck)
        # Marp front matter
        assert front[:3] == ["marp: true", "theme: gaia", "paginate: true"]
        assert all(re.fullmatch(r"\w+: .+", line) for line in front)
        assert not URL.search("\n".join(front))
        assert len(slides) == 11
        for slide in slides:
            visible = _visible(slide)
            assert visible[0].startswith(("# ", "## ")), visible[0]  # each slide opens with its title
            assert not URL.search(visible[0])
        # title slide: a lead directive, a '# ' title, no URL, no speaker note
        title = slides[0]
        assert "<!-- _class: lead -->" in title and _visible(title)[0].startswith("# ")
        assert not URL.search("\n".join(title)) and not _notes(title)
        # agenda slide: a numbered list, no URL
        agenda = _visible(slides[1])
        assert agenda[0] == "## 议程" and all(re.fullmatch(r"\d\. \S.*", line) for line in agenda[1:])
        assert not URL.search("\n".join(slides[1]))
        # content slides: bullets and one 来源 footer line, the slide's last line, carrying its URLs
        for slide in slides[2:-1]:
            visible = _visible(slide)
            assert visible[-1].startswith("来源：") and SOURCE_LINE.fullmatch(visible[-1]), visible[-1]
            assert sum(line.startswith("来源：") for line in slide) == 1
            assert all(URL.search(line) is None for line in slide if not line.startswith("来源："))
        assert any(len(_slide_urls(s) or []) == 2 for s in slides)  # one slide cites two pages
        # the closing 小结 slide cites nothing
        closing = slides[-1]
        assert _visible(closing)[0] == "## 小结" and _slide_urls(closing) is None
        assert not URL.search("\n".join(closing))
        assert sum(line.startswith("- ") for line in closing) == 4
        # speaker notes in HTML comments on most slides, some holding figures
        noted = [s for s in slides if _notes(s)]
        assert len(noted) >= 6 and sum(bool(re.search(r"\d", " ".join(_notes(s)))) for s in noted) >= 4
        # exactly one markdown table, its unit only in the slide title, bare numbers in its cells
        tables = [s for s in slides if any(TABLE_ROW.fullmatch(line) for line in s)]
        assert len(tables) == 1
        table = tables[0]
        assert _visible(table)[0] == "## Pellion 分业务收入（百万美元）"
        rows = [line for line in table if TABLE_ROW.fullmatch(line)]
        assert rows[0] == "| 业务 | FQ3 FY27 | FQ2 FY27 | FQ3 FY26 |" and set(rows[1]) <= set("|:- ")
        for row in rows[2:]:
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert len(cells) == 4 and all(NUMBER.fullmatch(c) for c in cells[1:]), row
        assert "美元" not in "".join(rows)

    def test_deck_labels_rest_on_their_slide_source_line(self, labels: list[dict], reports: dict[str, str]) -> None:
        _, slides = _front_matter_and_slides(reports[DECK])
        cited = set(URL.findall(reports[DECK]))
        in_notes = 0
        for item in labels:
            if item["report"] != DECK:
                continue
            owners = [s for s in slides if item["quote"] in "\n".join(s)]
            assert len(owners) == 1, item["quote"]
            slide = owners[0]
            assert slide not in (slides[0], slides[1]), item  # neither the title slide nor the agenda
            line = next(x for x in slide if item["quote"] in x)
            assert not line.startswith(("#", "来源：")), item  # never a title or a 来源 line
            in_notes += any(item["quote"] in note for note in _notes(slide))
            own = _slide_urls(slide)
            if own is None:  # the 小结 slide: the deck's own pages or nothing
                assert slide is slides[-1] and set(item["source_urls"]) <= cited, item
            else:  # speaker notes and table cells rest on their slide's 来源 line
                assert item["source_urls"] == own, item
        assert in_notes >= 4

    def test_the_tracker_is_a_csv_export(self, reports: dict[str, str]) -> None:
        tracker = reports[TRACKER]
        assert "<" not in tracker and "](" not in tracker and "来源" not in tracker
        rows = _rows(tracker)
        assert rows[0] == HEADER and tracker.splitlines()[0] == ",".join(HEADER)
        body = rows[1:]
        # a blank separator row, then a final block of summary rows with an empty source_url
        blank = body.index([""] * len(HEADER))
        data, summary = body[:blank], body[blank + 1 :]
        assert len(data) >= 20 and len(summary) == 3
        assert all(r[1] == "SUMMARY" and r[6] == "" and r[7] for r in summary)
        assert all(r[6] for r in data)  # every data row cites something
        for r in data + summary:
            assert re.fullmatch(r"2026-1[12]-\d\d", r[0]), r
            assert r[3] == "" or re.fullmatch(r"[\d.,-]+", r[3]), r  # figures are bare; units and periods apart
            assert not URL.search("".join(r[:6] + r[7:])), r  # URLs only in source_url
        # source_url holds one URL or two separated by a single space
        for r in data:
            urls = r[6].split(" ")
            assert all(URL.fullmatch(u) for u in urls) and len(urls) <= 2, r
        assert sum(" " in r[6] for r in data) == 3
        # figures split over figure / unit / period, with quoted thousands and empty cells
        assert any(r[3] and r[4] and r[5] for r in data) and any(r[3] and r[4] and not r[5] for r in data)
        assert any(not r[3] and not r[4] and r[5] for r in data)  # a period with no figure
        assert any(r[3] and not r[4] for r in data)  # a figure with no unit
        assert '"1,200",MW,' in tracker and '"35,000",wafers/month,' in tracker
        assert {"USD bn", "USD m", "NT$ bn", "CNY bn", "CNY m", "JPY bn", "HKD", "MW", "%", "x"} <= {r[4] for r in body}
        # quoted fields holding commas in the notes column
        assert sum("," in r[7] for r in data) >= 5

    def test_tracker_labels_rest_on_their_row_source_url(self, labels: list[dict], reports: dict[str, str]) -> None:
        tracker = reports[TRACKER]
        lines = tracker.splitlines()
        rows = _rows(tracker)
        assert len(lines) == len(rows)  # no field spans two lines
        cited = set(URL.findall(tracker))
        for item in labels:
            if item["report"] != TRACKER:
                continue
            assert not URL.search(item["quote"]), item
            owners = [i for i, line in enumerate(lines) if item["quote"] in line]
            assert len(owners) == 1 and owners[0] > 0, item["quote"]
            row = rows[owners[0]]
            if row[1] == "SUMMARY":  # an unsourced summary row: the tracker's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
            else:  # the row's own source_url cell, one URL or two
                assert item["source_urls"] == row[6].split(" "), item

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption
        assert "Revenue by Segment (Unaudited) (in millions)" in joined and "Data Center 1,580 1,420 913" in joined
        assert "(in millions, except per share amounts)" in joined and "Revenue 2,370 2,174 1,681" in joined
        assert "表：芯瀚科技本次定增募投项目（单位：亿元）" in joined and "合计 45.3 38.6" in joined
        assert "鼎耀第三季財報摘要（單位：新台幣億元）" in joined and "營收 412.6 370.7 322.6" in joined
        assert "Table 1. Benchmark results (%, higher is better)" in joined
        # a correction note with the stale figure
        assert "Correction, 20 November 2026: An earlier version of this article said the first phase would deliver 350MW." in joined
        assert "Corrigan says phase one is 300MW" in joined
        # a complete list, with a name said not to be on it yet
        assert "three cloud partners: Aldermoor Cloud, Corrigan Cloud and Nimbrel." in joined
        assert "Veyra Cloud plans to add the model in the first quarter of 2027." in joined
        # two subjects' figures in one sentence; figures of another period next to the right one
        assert "$4.80 per million output tokens, 40% less than Sable-3.5, while Sable-4 Mini" in joined
        assert "up 9% sequentially and up 41% from the same quarter a year ago" in joined
        assert "同比增长52.1%，环比增长14.6%" in joined and "超額認購約2,415倍，國際配售則超額認購約14.2倍" in joined
        assert "which ended November 1, 2026" in joined and "second quarter of fiscal 2028" in joined
        # a role next to another organisation
        assert "保荐机构（主承销商）为中岳证券，联席主承销商为东瀛证券" in joined
        assert "led by Brightmoor Ventures, the company told TechCrunch. Kessrow Capital and Tamsin Partners joined" in joined
        assert "The Ohio Power Siting Board approved" in joined and "The Public Utilities Commission of Ohio is still reviewing" in joined
        # pages that say they do not give a figure a label asks for
        assert "though neither company would say how many" in joined
        assert "we are not disclosing parameter counts or training compute for Sable-4" in joined
        assert "公司未披露具体定点金额" in joined and "未披露观澜-3训练所用的算力规模和芯片型号" in joined
        assert "公司未在招股书中给出2026年全年的收入或利润预测" in joined
        assert "She also declined to disclose revenue" in joined
        # about half the captured pages are in Chinese: four Simplified, two Traditional (Hong Kong, Taiwan)
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-CN") == 4
        assert langs[HKET] == "zh-Hant-HK" and langs[UDN] == "zh-Hant-TW"
        assert "新台幣412.6億元" in texts[UDN] and "3.5萬片" in texts[UDN] and "約1.52億美元" in texts[HKET]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "星衡" not in texts[SOFT_404] and "Xingheng" not in texts[SOFT_404] and "青禾资本" not in texts[SOFT_404]
        assert "9bn" not in texts[PAYWALL] and "9 billion" not in texts[PAYWALL] and "Ashcombe" not in texts[PAYWALL]
