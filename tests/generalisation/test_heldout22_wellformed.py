"""Well-formedness of the heldout22 held-out set (tests/fixtures/heldout22/), checked without the engine.

The set was written blind to the engine and is held out: the lead scores it by totals only. ``WellFormed``
checks its labels against its reports and its archive (one dead URL, one soft 404, one paywall stub); the
tests here check the shapes of its two reports (Traditional-Chinese investment-committee minutes exported
from a word processor as plain text, an English TV business-news script with a closing SOURCES block), that
each label rests on exactly the URLs its report's citation scope gives it, and that the pages carry the
formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
# minutes
REF = re.compile(r"參考資料：(\S.*?) (https://\S+)")
SECTION = re.compile(r"([壹貳參肆伍])、")
ITEM = re.compile(r"（[一二三四五六七八九十]）")
POINT = re.compile(r"[一二三四五六七八九十]、")
STOPS = ("（", "案由", "說明", "決議", "決定", "附件")
ROC_DATE = re.compile(r"(?<!\d)11[56]年\d{1,2}月(?:\d{1,2}日|底)")
# broadcast script
TIMECODE = re.compile(r"(\d\d):(\d\d):(\d\d)  (TEASE|SEG (\d) - (.+)|TAG|OUT)")
CUE = re.compile(r"\[(ANCHOR ON CAM|VO|SOT: [^,\]]+, [^\]]+|GFX: [^\]]+)\]")
SPOKEN = re.compile(r"\b(ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE)-POINT-[A-Z-]+", re.IGNORECASE)

MINUTES = "m1_minutes_tc.txt"
SCRIPT = "b2_broadcast_en.txt"
SOFT_404 = "https://36kr.com/p/3061847295104512"
PAYWALL = "https://www.theinformation.com/articles/quillon-nears-multiyear-compute-deal-with-harrowgate"
DEAD = "https://www.yunyong.ai/zh-tw/news/taichung-dc3-groundbreaking"
UDN = "https://money.udn.com/money/story/5612/8391047"
IDA = "https://www.ida.gov.tw/ctlr?PRO=news.rwdNewsView&id=41287"
QBIT = "https://www.qbitai.com/2026/11/218734.html"

HELDOUT22 = LabelledSet(
    "heldout22",
    by_report={
        MINUTES: {"verified": 17, "contradicted": 12, "unverified": 9},
        SCRIPT: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "count": 15, "percent": 13, "fact": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "Subscribe to read the full article",  # paywall stub
    },
)


def _sections(lines: list[str]) -> dict[str, list[int]]:
    """The minutes' 壹 … 伍 sections: marker -> indexes of the lines in it (the heading line included)."""
    found: dict[str, list[int]] = {}
    current = None
    for i, line in enumerate(lines):
        m = SECTION.match(line)
        if m:
            current = m.group(1)
            found[current] = []
        if current is not None:
            found[current].append(i)
    return found


def _minutes_sources(lines: list[str], i: int) -> list[str] | None:
    """The URLs a claim on line ``i`` of the minutes rests on: the run of 參考資料 lines that next follows it
    within its item (a （n） item, or the 說明 of a 案由, whose 一、二、三、 points share the lines under the
    last point); None when the item closes without one (臨時動議 cite nothing)."""
    j = i + 1
    while j < len(lines) and not lines[j].startswith("參考資料："):
        line = lines[j]
        if not line or line.startswith(STOPS) or SECTION.match(line):
            return None
        j += 1
    urls = []
    while j < len(lines) and lines[j].startswith("參考資料："):
        m = REF.fullmatch(lines[j])
        assert m, lines[j]
        urls.append(m.group(2))
        j += 1
    return urls or None


def _script_segments(script: str) -> list[tuple[str, int, list[str]]]:
    """The script's timecoded parts in order: (name, seconds, their lines) — TEASE, SEG n - NAME, TAG, OUT."""
    body = script.split("\nSOURCES\n", 1)[0]
    parts: list[tuple[str, int, list[str]]] = []
    for line in body.splitlines():
        m = TIMECODE.fullmatch(line)
        if m:
            h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3))
            parts.append((m.group(4), h * 3600 + mi * 60 + s, []))
        elif parts:
            parts[-1][2].append(line)
    return parts


def _script_sources(script: str) -> dict[str, list[str]]:
    """The closing SOURCES block: segment name -> its URLs (indented lines under the name)."""
    block = script.split("\nSOURCES\n", 1)[1]
    sources: dict[str, list[str]] = {}
    current = None
    for line in block.splitlines():
        if not line.strip():
            continue
        if line.startswith("  "):
            assert current is not None and URL.fullmatch(line.strip()), line
            sources[current].append(line.strip())
        else:
            assert re.fullmatch(r"SEG \d - .+", line), line
            current = line
            sources[current] = []
    return sources


class TestHeldout22WellFormed(WellFormed):
    SET = HELDOUT22

    def test_the_minutes_are_committee_minutes_exported_as_plain_text(self, reports: dict[str, str]) -> None:
        text = reports[MINUTES]
        assert "](" not in text and "<" not in text and "**" not in text and "#" not in text
        lines = text.splitlines()
        # a header block: the company, the minutes' title, then 會議名稱 / 時間 / 地點 / 主席 / 出席 / 列席 / 記錄
        assert lines[1].endswith("會議紀錄") and lines[2] == ""
        head = lines[: lines.index("壹、主席致詞：（略）")]
        assert "時間：2026年12月1日（星期二）下午2時" in head
        for field in ("會議名稱：", "地點：", "主席：", "出席：", "列席：", "記錄："):
            assert sum(line.startswith(field) for line in head) == 1, field
        assert not any(URL.search(line) for line in head)
        # sections 壹 … 伍 in order; every URL on a 參考資料：outlet url line
        sections = _sections(lines)
        assert list(sections) == ["壹", "貳", "參", "肆", "伍"]
        refs = [line for line in lines if line.startswith("參考資料：")]
        assert refs and all(REF.fullmatch(line) for line in refs)
        assert set(URL.findall(text)) == {REF.fullmatch(line).group(2) for line in refs}  # type: ignore[union-attr]
        # 報告事項: 一、二、三、 headings without claims, （n） items each closed by its own 參考資料 line(s)
        report = [lines[i] for i in sections["貳"] if lines[i]]
        heads = [line for line in report if POINT.match(line)]
        assert [h[:2] for h in heads] == ["一、", "二、", "三、"] and not any(
            re.search(r"\d", h) for h in heads
        )
        items = [k for k, line in enumerate(report) if ITEM.match(line)]
        assert len(items) == 8
        for k in items:
            assert report[k + 1].startswith("參考資料："), report[k]
        assert report[-1] == "決定：以上報告洽悉。"
        # 討論事項: 案由, 說明 with 一、二、三、 points, one 參考資料 line under them, then 決議
        discussion = [lines[i] for i in sections["參"] if lines[i]]
        assert discussion[1].startswith("案由：") and discussion[1].endswith("提請討論。")
        assert discussion[2] == "說明："
        assert [p[:2] for p in discussion[3:6]] == ["一、", "二、", "三、"]
        assert discussion[6].startswith("參考資料：") and discussion[7].startswith("決議：")
        # 臨時動議 cites nothing: two motions, each with its 決議
        motions = [lines[i] for i in sections["肆"] if lines[i]]
        assert not any(URL.search(line) for line in motions)
        assert [m[:2] for m in motions[1::2]] == ["一、", "二、"] and all(
            m.startswith("決議：") for m in motions[2::2]
        )
        # 散會, then 附件 lines closing the file
        assert lines[sections["伍"][0]].startswith("伍、散會：")
        tail = [line for line in lines[sections["伍"][0] + 1 :] if line]
        assert len(tail) == 3 and all(line.startswith("附件") for line in tail)
        # units, directions and dates of Taiwanese usage, 民國 beside 西元
        for word in ("新台幣", "億元", "萬元", "億美元", "人民幣", "年增", "月減", "個百分點", "2026年"):
            assert word in text, word
        assert len(ROC_DATE.findall(text)) >= 3

    def test_minutes_labels_rest_on_the_reference_lines_closing_their_item(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        text = reports[MINUTES]
        lines = text.splitlines()
        cited = set(URL.findall(text))
        sections = _sections(lines)
        for item in labels:
            if item["report"] != MINUTES:
                continue
            owners = [i for i, line in enumerate(lines) if item["quote"] in line]
            assert len(owners) == 1, item["quote"]
            i = owners[0]
            line = lines[i]
            assert not line.startswith(
                ("參考資料：", "決議：", "決定：", "附件", "會議名稱", "時間", "案由")
            ), item
            own = _minutes_sources(lines, i)
            if own is None:  # a 臨時動議 motion: the minutes' own pages or nothing
                assert i in sections["肆"], item
                assert set(item["source_urls"]) <= cited, item
            else:
                assert i in sections["貳"] or i in sections["參"], item
                assert sorted(item["source_urls"]) == sorted(own), item

    def test_the_script_is_a_tv_rundown_with_cues_timecodes_and_sources(
        self, reports: dict[str, str]
    ) -> None:
        script = reports[SCRIPT]
        assert "](" not in script and "<" not in script and "**" not in script
        lines = script.splitlines()
        # rundown header
        assert (
            lines[0].startswith("SLUG: ")
            and "ANCHOR: DANA WHITCOMB" in lines[:8]
            and "RUNTIME 02:45" in lines[:8]
        )
        # timecoded parts: a TEASE, SEG 1 … SEG 6, a TAG and OUT at the runtime, in time order
        parts = _script_segments(script)
        names = [name for name, _, _ in parts]
        assert names[0] == "TEASE" and names[-2:] == ["TAG", "OUT"]
        segs = names[1:-2]
        assert [int(re.match(r"SEG (\d)", s).group(1)) for s in segs] == list(range(1, 7))  # type: ignore[union-attr]
        times = [t for _, t, _ in parts]
        assert times == sorted(times) and len(set(times)) == len(times) and times[0] == 0 and times[-1] == 165
        # bracketed cues only of the known kinds; GFX lines carry digits; SOTs name a speaker and a title
        cues = [line for line in lines if line.startswith("[")]
        assert cues and all(CUE.fullmatch(c) for c in cues), [c for c in cues if not CUE.fullmatch(c)]
        gfx = [c for c in cues if c.startswith("[GFX: ")]
        assert len(gfx) >= 6 and all(re.search(r"\d", g) for g in gfx)
        assert sum(c.startswith("[SOT: ") for c in cues) == 2 and "[VO]" in cues and "[ANCHOR ON CAM]" in cues
        # numbers written for reading aloud in the copy, digits in the GFX
        copy = [line for _, _, body in parts for line in body if line and not line.startswith("[")]
        assert len(SPOKEN.findall("\n".join(copy))) >= 5
        assert not any(re.search(r"\$\d", line) for line in copy)
        # the TEASE and the TAG cite nothing; every URL sits in the closing SOURCES block under its segment
        sources = _script_sources(script)
        assert list(sources) == segs and all(sources.values())
        body = script.split("\nSOURCES\n", 1)[0]
        assert not URL.search(body)
        assert set(URL.findall(script)) == {u for urls in sources.values() for u in urls}
        assert max(len(urls) for urls in sources.values()) == 2  # one segment rests on two pages

    def test_script_labels_rest_on_their_segments_sources(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        script = reports[SCRIPT]
        parts = _script_segments(script)
        sources = _script_sources(script)
        cited = set(URL.findall(script))
        for item in labels:
            if item["report"] != SCRIPT:
                continue
            owners = [name for name, _, body in parts if any(item["quote"] in line for line in body)]
            assert len(owners) == 1, item["quote"]
            name = owners[0]
            assert name != "OUT"
            if name in ("TEASE", "TAG"):  # an unsourced summary: the script's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
            else:  # its own segment's SOURCES entry, never another segment's
                assert sorted(item["source_urls"]) == sorted(sources[name]), item

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption
        assert "表一 115年度第一梯次核定計畫一覽（單位：新臺幣千元）" in texts[IDA]
        assert (
            "雲湧智算股份有限公司 高能效邊緣推論晶片與推論雲平台開發計畫 115.12.01–117.11.30 168,000"
            in texts[IDA]
        )
        assert "(in millions, except per share data)" in joined and "Revenue 5,370 4,927 3,729" in joined
        # 民國 dates on the government page
        assert (
            "發布日期：115-11-20" in texts[IDA]
            and "至116年1月31日止" in texts[IDA]
            and "116年3月" in texts[IDA]
        )
        # a correction note with the stale figure
        assert (
            "An earlier version of this article said phase one would draw 400MW; Harrowgate says it is 540MW."
            in joined
        )
        # a complete list, with a name said to be left off it
        assert "核定補助3案，分別為：" in texts[IDA] and "翔宇半導體股份有限公司申請案" in texts[IDA]
        # two subjects' or periods' figures side by side
        assert (
            "AI systems revenue was $1.64 billion, up 31%, and enterprise and campus revenue was $610 million"
            in joined
        )
        assert (
            "up 44% from $3.73 billion a year ago and up 9% from $4.93 billion in the second quarter"
            in joined
        )
        assert "GAAP gross margin was 58.4%" in joined and "non-GAAP gross margin was 60.1%" in joined
        assert (
            "累計前三季" in texts[UDN]
            and "每股純益（EPS）7.15元" in texts[UDN]
            and "每股純益18.03元" in texts[UDN]
        )
        assert "總參數" not in texts[QBIT] and "总参数1.6万亿，每个token激活参数380亿" in texts[QBIT]
        # lead and non-lead roles, a lead investor and its followers, a regulator and an exchange
        assert "Marlowe & Co. and Castellan Securities are acting as lead book-running managers" in joined
        assert "由磐石創投領投，遠矽資本、和暘投資跟投" in joined
        assert "获上交所上市委审议通过，10月30日获中国证监会同意注册" in joined
        # about half the captured pages are in Chinese, mixing Traditional and Simplified
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert list(langs.values()).count("zh-Hant-TW") == 3 and list(langs.values()).count("zh-CN") == 3
        assert langs[UDN] == "zh-Hant-TW" and langs[QBIT] == "zh-CN" and langs[SOFT_404] == "zh-CN"
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "墨衡" not in texts[SOFT_404] and "曦和" not in texts[SOFT_404] and "3億" not in texts[SOFT_404]
        )
        for absent in ("billion", "eleven", "five-year", "200,000", "accelerator"):
            assert absent not in texts[PAYWALL].lower(), absent
        # pages that say they do not give a figure a label asks for
        assert "The company declined to disclose its valuation." in joined
        assert "Quillon declined to share revenue figures." in joined
        assert "洛书智能未披露洛书-4训练所用的GPU数量和训练成本" in joined
        assert "but did not name its hardware suppliers" in joined
