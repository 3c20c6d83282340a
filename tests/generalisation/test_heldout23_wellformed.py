"""Well-formedness of the heldout23 held-out set (tests/fixtures/heldout23/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese Hong Kong newspaper column with [n] markers and a 【資料來源】 list, an English
annotated earnings-call transcript with NOTE lines), that each label rests on exactly the URLs its report's
citation scope gives it, and that the pages carry the features the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
# the column
REF = re.compile(r"\[(\d+)\] (\S.*\S) (https://\S+)")
MARK = re.compile(r"\[(\d+)\]")
SOURCES_HEAD = "【資料來源】"
SIMPLIFIED = set("亿万发这们说为张线调价营预计")
COLUMN_FORMS = (
    "港元",
    "億",
    "萬",
    "按年",
    "按季",
    "市值",
    "招股",
    "孖展",
    "每股",
    "倍",
    "11月27日",
    "12月3日",
)
# the call notes
SPEAKER = re.compile(r"([A-Z][a-z]+ [A-Z][a-z]+) -- ([A-Z][A-Za-z ,]+):")
QUESTION = re.compile(r"\[([A-Z][a-z]+ [A-Z][a-z]+), ([A-Z][A-Za-z& ]+)\]: \S.*")
NOTE = re.compile(r"NOTE: (\S.*\S) Source: (https://\S+)")
SECTIONS = ("Prepared remarks", "Question-and-answer session", "Analyst take")

COLUMN = "c1_column_tc.txt"
NOTES = "e2_call_notes_en.txt"
HKET = "https://inews.hket.com/article/4012873"
PAYWALL = "https://www1.hkej.com/dailynews/finnews/article/4210586"
CLS = "https://www.cls.cn/detail/2214596"
KR36 = "https://36kr.com/p/3087215640931841"
GOV = "https://www.info.gov.hk/gia/general/202612/01/P2026120100412.htm"
BLOOMBERG = "https://www.bloomberg.com/news/articles/2026-11-26/yunyan-technology-lines-up-six-cornerstones-for-hong-kong-ipo"
UDN = "https://money.udn.com/money/story/5612/8391047"
SOFT_404 = "https://www.theregister.com/2026/11/19/veyra_v10_hbm4/"
DEAD = "https://www.veyrasystems.com/newsroom/v10-roadmap-update"

HELDOUT23 = LabelledSet(
    "heldout23",
    by_report={
        COLUMN: {"verified": 16, "contradicted": 13, "unverified": 8},
        NOTES: {"verified": 17, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 22, "fact": 14, "percent": 12, "date": 12, "count": 12, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we couldn't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "立即訂閱信報網站，閱讀全文。",  # paywall stub
    },
)


def _column(text: str) -> tuple[list[str], list[str], dict[str, str]]:
    """The column's header lines, its paragraphs (one line each) and its 【資料來源】 list (n -> url)."""
    head, rest = text.split("\n\n", 1)
    body, refs = rest.split(SOURCES_HEAD + "\n", 1)
    paragraphs = body.strip("\n").split("\n\n")
    assert all("\n" not in p for p in paragraphs)  # a paragraph is one line
    links: dict[str, str] = {}
    for line in refs.strip("\n").splitlines():
        m = REF.fullmatch(line)
        assert m, line
        links[m.group(1)] = m.group(3)
    return head.splitlines(), paragraphs, links


def _blocks(text: str) -> list[list[str]]:
    """The call notes' blank-line separated blocks, each a list of its lines."""
    return [block.splitlines() for block in text.strip("\n").split("\n\n")]


def _take(text: str) -> list[str]:
    """The paragraphs of the closing Analyst take section."""
    return [line for line in text.split("\n" + SECTIONS[2] + "\n", 1)[1].splitlines() if line]


class TestHeldout23WellFormed(WellFormed):
    SET = HELDOUT23

    def test_the_column_is_a_hong_kong_newspaper_column_with_numbered_sources(
        self, reports: dict[str, str]
    ) -> None:
        text = reports[COLUMN]
        head, paragraphs, links = _column(text)
        # column name, 作者 line, date line with the weekday, a headline; no markup
        assert re.fullmatch(r"【[^】]+】", head[0]) and head[1].startswith("作者：")
        assert head[2] == "2026年12月4日（星期五）" and len(head) == 4 and not MARK.search(head[3])
        assert "<" not in text and "](" not in text and "**" not in text and not re.search(r"(?m)^#", text)
        # Traditional characters throughout, with the Hong Kong financial vocabulary
        assert not SIMPLIFIED & set(text)
        for form in COLUMN_FORMS:
            assert form in text, form
        # the 【資料來源】 block: links [1] … [n] in order, every URL of the column is there and only there
        assert list(links) == [str(i) for i in range(1, len(links) + 1)] and len(links) == 7
        assert set(URL.findall(text)) == set(links.values()) and len(set(links.values())) == len(links)
        assert not any(URL.search(p) for p in paragraphs)
        # the opening paragraph (the columnist's own views) cites nothing; every other paragraph closes its
        # sentences with markers, numbered in order of first use, and every link is used
        assert len(paragraphs) == 9 and not MARK.search(paragraphs[0])
        assert all(MARK.search(p) for p in paragraphs[1:])
        assert all(re.fullmatch(r"[^\[\]]*(\[\d+\]。[^\[\]]*)+", p) for p in paragraphs[1:])
        first_use = list(dict.fromkeys(m for p in paragraphs for m in MARK.findall(p)))
        assert first_use == list(links)
        # one paragraph rests on two links
        assert sum(len(set(MARK.findall(p))) > 1 for p in paragraphs) == 1

    def test_column_labels_rest_on_the_markers_of_their_paragraph(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        head, paragraphs, links = _column(reports[COLUMN])
        cited = set(links.values())
        for item in labels:
            if item["report"] != COLUMN:
                continue
            owners = [p for p in paragraphs if item["quote"] in p]
            assert len(owners) == 1 and not any(item["quote"] in h for h in head), item["quote"]
            own = {links[m] for m in MARK.findall(owners[0])}
            if owners[0] is paragraphs[0]:  # the unsourced opening: the column's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
            else:
                assert set(item["source_urls"]) == own, item
            assert len(item["source_urls"]) == len(set(item["source_urls"])), item

    def test_the_call_notes_are_an_annotated_earnings_call_transcript(self, reports: dict[str, str]) -> None:
        text = reports[NOTES]
        lines = text.splitlines()
        # header: company and ticker, quarter and call date, the annotator's date
        assert lines[0] == "VEYRA SYSTEMS, INC. (NASDAQ: VYRA)"
        assert lines[1].startswith("Q3 Fiscal 2027 Earnings Call -- December 2, 2026")
        assert "December 4, 2026" in lines[2] and "NOTE" in lines[3]
        assert "<" not in text and "](" not in text and "**" not in text
        # the three sections, in order, each a line of its own
        assert [line for line in lines if line in SECTIONS] == list(SECTIONS)
        blocks = _blocks(text)
        body = blocks[1 : next(i for i, b in enumerate(blocks) if b == [SECTIONS[2]])]
        turns = 0
        speakers = set()
        for block in body:
            if block[0] in SECTIONS[:2] or block[0].startswith("Operator: ") or QUESTION.fullmatch(block[0]):
                assert len(block) == 1 and not URL.search(block[0]), (
                    block
                )  # a heading, the operator, a question
            else:  # a speaker's turn: "Name -- Title:", remark lines, then the annotator's NOTE lines
                assert SPEAKER.fullmatch(block[0]), block
                speakers.add(block[0])
                remarks = [x for x in block[1:] if not x.startswith("NOTE: ")]
                notes = block[1 + len(remarks) :]
                assert remarks and all(NOTE.fullmatch(x) for x in notes), block
                assert not any(URL.search(x) for x in remarks), block
                turns += 1
        assert turns == 8 and len(speakers) == 4
        assert sum(bool(QUESTION.fullmatch(b[0])) for b in body) == 5
        assert sum(b[0].startswith("Operator: ") for b in body) == 7
        # every URL sits on a NOTE line, one URL a line
        note_lines = [x for x in lines if x.startswith("NOTE: ")]
        assert len(note_lines) == 10 and all(NOTE.fullmatch(x) for x in note_lines)
        assert set(URL.findall(text)) == {NOTE.fullmatch(x).group(2) for x in note_lines}  # type: ignore[union-attr]
        # the transcript's marks and figures spoken as words
        for form in ("[crosstalk]", "[inaudible]", "billion dollars", "high-teens percent", "four-fifths"):
            assert form in text, form
        # the closing Analyst take cites nothing
        take = _take(text)
        assert len(take) == 1 and not URL.search(take[0])

    def test_call_labels_rest_on_the_notes_of_their_turn(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        text = reports[NOTES]
        blocks = _blocks(text)
        take = _take(text)
        cited = set(URL.findall(text))
        for item in labels:
            if item["report"] != NOTES:
                continue
            owners = [b for b in blocks if any(item["quote"] in x for x in b)]
            assert len(owners) == 1, item["quote"]
            block = owners[0]
            line = next(x for x in block if item["quote"] in x)
            if line in take:  # the unsourced Analyst take: the notes' own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                continue
            assert SPEAKER.fullmatch(block[0]) and line != block[0], item  # never a question or the operator
            note = NOTE.fullmatch(line)
            if note:  # a NOTE's figures rest on that NOTE's own source
                assert item["source_urls"] == [note.group(2)], item
            else:  # a speaker's remarks rest on the sources of the NOTE lines closing the turn
                own = {m.group(2) for x in block if (m := NOTE.fullmatch(x))}
                assert own and set(item["source_urls"]) == own, item

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or a header
        assert "穹芯半导体2026年第三季度主要财务数据（单位：亿元人民币）" in joined
        assert "营业收入 12.68 7.28 74.2%" in joined
        assert "資助額（萬港元）" in joined and "第二輪 42 36,150 2026年12月1日" in joined
        assert "(in millions, except per share amounts)" in joined and "Revenue 2,384 2,091 1,454" in joined
        # a correction note, "X, not Y"
        assert "Correction, November 25, 2026" in joined
        assert "The agreement covers 1.4 gigawatts, not 1 gigawatt." in joined
        # complete lists, each with a name said not to be on it
        assert "three hyperscale rack customers are Calder Cloud, Ferrisline and Oakhurst Data" in joined
        assert "Talvene, which tested V9 systems earlier this year, is not among them." in joined
        assert "聯席保薦人共三家，分別為嘉峰證券、瀚海融資（亞洲）及明港資本" in joined
        assert "東滙證券，最終並未出任保薦人" in joined
        assert "合作算力供應商共三家，分別為數碼港人工智能超算中心、雲衍科技及港科算力有限公司" in joined
        assert "星躍雲已遞交申請，目前仍在審批中，並非首批合作算力供應商" in joined
        # pages that say they do not give a figure a label asks for
        for declined in (
            "未有披露自有GPU的總數",
            "公司在业绩公告中未提供第四季度业绩指引",
            "墨衡未披露墨衡-4训练所用的GPU数量和训练成本",
            "也未公布开源时间表",
            "政府不會公布個別項目的獲批資助金額",
            "Neither company disclosed the value of the contract or its payment terms.",
            "Oakhurst did not say how much of the campus's capacity has been contracted to tenants.",
            "Veyra is not providing an outlook for fiscal 2028 at this time.",
        ):
            assert declined in joined, declined
        # distractors beside the right figure: two segments, two periods, two tranches of buybacks
        assert "数据中心推理芯片收入9.85亿元" in joined and "边缘AI芯片收入2.83亿元" in joined
        assert "累计实现营业收入31.45亿元" in joined and "第三季度实现营业收入12.68亿元人民币" in joined
        assert (
            "Networking revenue was $281 million" in joined
            and "Edge & Embedded revenue was $135 million" in joined
        )
        assert (
            "repurchased $240 million" in joined
            and "first nine months of fiscal 2027 to $610 million" in joined
        )
        # half the pages in Chinese (four Traditional), half in English; lang on every html element
        langs = page_languages(manifest, sources)
        for url, entry in manifest.items():
            if "file" in entry:
                assert '<html lang="' in (sources / entry["file"]).read_text(encoding="utf-8"), url
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("en") for lang in langs.values()) == 6
        assert sorted(lang for lang in langs.values() if lang.startswith("zh-Hant")) == [
            "zh-Hant-HK",
            "zh-Hant-HK",
            "zh-Hant-HK",
            "zh-Hant-TW",
        ]
        assert langs[HKET] == langs[GOV] == "zh-Hant-HK" and langs[UDN] == "zh-Hant-TW"
        assert langs[CLS] == langs[KR36] == "zh-CN" and langs[BLOOMBERG] == "en-US"
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "V10" not in texts[SOFT_404] and "288" not in texts[SOFT_404] and "HBM4" not in texts[SOFT_404]
        assert "1,420" not in texts[PAYWALL] and "1,100" not in texts[PAYWALL] and "倍" not in texts[PAYWALL]

    def test_each_report_cites_pages_in_the_other_language(self, reports: dict[str, str]) -> None:
        column, notes = set(URL.findall(reports[COLUMN])), set(URL.findall(reports[NOTES]))
        assert BLOOMBERG in column and {KR36, UDN} <= notes and {KR36, UDN} <= column
        assert DEAD in notes and SOFT_404 in notes and PAYWALL in column
