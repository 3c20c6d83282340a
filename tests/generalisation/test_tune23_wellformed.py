"""Well-formedness of the tune23 development set (tests/fixtures/tune23/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese 投资者关系活动记录表 exported as plain text, an English markdown timeline), that each
label rests on exactly the URLs its report's citation scope gives it, and that the pages carry the features
the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。（）：]+")

RECORD = "i1_ir_record_sc.txt"
TIMELINE = "t2_timeline_en.md"

HEADER_FIELDS = ("投资者关系活动类别", "参与单位名称及人员姓名", "时间", "地点", "上市公司接待人员姓名")
QUESTION_NO = re.compile(r"问题(\d+)")
# the two ways an answer cites: "详见…：url" and "（来源：url）"
DETAIL_CITE = re.compile(r"详见[^：。（）]*：(https://[^\s（）；。，]+)")
PAREN_CITE = re.compile(r"（来源：(https://[^\s（）；。，]+)）")

ENTRY_DATES = {
    "bold": re.compile(r"- \*\*([A-Z][a-z]{2}) \d{1,2}, 2026\*\* — "),
    "iso": re.compile(r"- 2026-(\d{2})-\d{2}: "),
    "day_first": re.compile(r"- \d{1,2} ([A-Z][a-z]{2}) · "),
    "week": re.compile(r"- Week of ([A-Z][a-z]{2}) \d{1,2} — "),
}
MONTHS = {
    "Oct": "October",
    "Nov": "November",
    "Dec": "December",
    "10": "October",
    "11": "November",
    "12": "December",
}
MD_LINK = re.compile(r"\[([^\[\]]+)\]\((https://[^\s()]+)\)")
PAREN_LINKS = re.compile(r" \((\[[^\[\]]+\]\(https://[^\s()]+\)(, \[[^\[\]]+\]\(https://[^\s()]+\))*)\)$")
PAREN_BARE = re.compile(r" \(([^\s():]+): (https://[^\s()]+)\)$")
TRAILING_SOURCE = re.compile(r" \[source\]\((https://[^\s()]+)\)$")

STCN = "https://www.stcn.com/article/detail/2318846.html"
CLS = "https://www.cls.cn/detail/1883207"
REUTERS = "https://www.reuters.com/technology/chinas-hengchuan-supply-liquid-cooled-ai-racks-malaysias-meranti-2026-11-19/"
HKEJ = "https://www2.hkej.com/instantnews/stock/article/4287153/"
SOFT_404 = "https://36kr.com/p/3089214567123456"
PAYWALL = "https://www.theinformation.com/articles/veridian-labs-weighs-building-its-own-data-centers"
DEAD = "https://www.nimbusforge.ai/news/veridian-compute-agreement"

TUNE23 = LabelledSet(
    "tune23",
    by_report={
        RECORD: {"verified": 17, "contradicted": 12, "unverified": 9},
        TIMELINE: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "percent": 13, "count": 12, "fact": 12, "date": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "This article is exclusively for subscribers.",  # paywall stub
    },
)


def _answers(record: str) -> list[tuple[int, str, list[str]]]:
    """The record's Q&A: (number, the 问 line, the 答 lines: the 答： line and its continuation lines)."""
    lines = record.splitlines()
    found: list[tuple[int, str, list[str]]] = []
    for i, line in enumerate(lines):
        number = QUESTION_NO.fullmatch(line)
        if not number:
            continue
        question, answer = lines[i + 1], [lines[i + 2]]
        assert question.startswith("问：") and answer[0].startswith("答："), line
        for more in lines[i + 3 :]:
            if not more:
                break
            answer.append(more)
        found.append((int(number.group(1)), question, answer))
    return found


def _entries(timeline: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The timeline's Key numbers bullets and its entries, each entry with its month heading."""
    box = [line[4:] for line in timeline.splitlines() if line.startswith("> - ")]
    entries: list[tuple[str, str]] = []
    month = ""
    for line in timeline.splitlines():
        if line.startswith("### "):
            month = line[4:]
        elif line.startswith("- "):
            entries.append((month, line))
    return box, entries


def _entry_urls(entry: str) -> set[str]:
    """The links of one entry: a parenthesised group at its end, or a trailing [source](url)."""
    if m := PAREN_LINKS.search(entry):
        return {u for _, u in MD_LINK.findall(m.group(1))}
    if m := PAREN_BARE.search(entry):
        return {m.group(2)}
    if m := TRAILING_SOURCE.search(entry):
        return {m.group(1)}
    return set()


class TestTune23WellFormed(WellFormed):
    SET = TUNE23

    def test_the_record_is_an_investor_relations_activity_record(self, reports: dict[str, str]) -> None:
        record = reports[RECORD]
        assert (
            "](" not in record
            and "<" not in record
            and "**" not in record
            and not re.search(r"(?m)^#", record)
        )
        lines = record.splitlines()
        # code and short name, the company and form title, the record number
        assert re.fullmatch(r"证券代码：688752 +证券简称：衡川智算", lines[0])
        assert lines[2:4] == ["衡川智算科技股份有限公司", "投资者关系活动记录表"]
        assert re.fullmatch(r" +编号：2026-031", lines[5])
        # the header block: the five fields in order, one line each, citing nothing
        start = next(i for i, line in enumerate(lines) if line.startswith(HEADER_FIELDS[0] + "："))
        assert [line.split("：", 1)[0] for line in lines[start : start + 5]] == list(HEADER_FIELDS)
        assert lines[start + 2].startswith("时间：2026年12月2日")
        assert not any(URL.search(line) for line in lines[: start + 6])
        assert lines[start + 5] == "投资者关系活动主要内容介绍："
        # 问题1 … 问题9, each a 问： line and a 答： (the answer may run over more lines)
        answers = _answers(record)
        assert [n for n, _, _ in answers] == list(range(1, 10))
        assert not any(URL.search(q) for _, q, _ in answers)  # questions cite nothing
        assert any(len(a) > 1 for _, _, a in answers)
        # every URL sits in an answer, as "详见…：url" or "（来源：url）"
        in_answers = [u for _, _, a in answers for u in URL.findall("\n".join(a))]
        assert sorted(in_answers) == sorted(URL.findall(record))
        detail = [u for _, _, a in answers for line in a for u in DETAIL_CITE.findall(line)]
        paren = [u for _, _, a in answers for line in a for u in PAREN_CITE.findall(line)]
        assert detail and paren and sorted(detail + paren) == sorted(in_answers)
        assert any(len(set(URL.findall("\n".join(a)))) == 2 for _, _, a in answers)  # an answer citing two
        # exactly one answer (the industry overview) cites nothing and holds figures
        bare = [a for _, _, a in answers if not URL.search("\n".join(a))]
        assert len(bare) == 1 and answers[-1][2] == bare[0] and re.search(r"\d", bare[0][0])
        # the closing lines cite nothing
        assert lines[-2:] == ["附件清单（如有）：无", "日期：2026年12月3日"]
        assert not any(URL.search(line) for line in lines[-3:])

    def test_record_labels_rest_on_their_own_answer(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        record = reports[RECORD]
        cited = set(URL.findall(record))
        answers = _answers(record)
        for item in labels:
            if item["report"] != RECORD:
                continue
            owners = [a for _, _, a in answers if item["quote"] in "\n".join(a)]
            assert len(owners) == 1, item["quote"]  # a claim is in an answer, never a question or the header
            own = set(URL.findall("\n".join(owners[0])))
            if own:  # the URLs cited inside its own answer, never another answer's
                assert set(item["source_urls"]) == own, item
            else:  # the unsourced industry answer: the record's own pages (verified) or nothing
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item

    def test_the_timeline_is_a_dated_chronology_with_a_key_numbers_box(self, reports: dict[str, str]) -> None:
        timeline = reports[TIMELINE]
        lines = timeline.splitlines()
        assert lines[0].startswith("# Timeline: ") and "Compiled 3 December 2026" in lines[2]
        # the Key numbers box at the top cites nothing
        box, entries = _entries(timeline)
        assert "> **Key numbers**" in lines[:6] and len(box) == 3
        assert not any(URL.search(b) or "](" in b for b in box)
        # year and month headings in order; every other line is blank, the title, the box or an entry
        heads = [line for line in lines if line.startswith("## ") or line.startswith("### ")]
        assert heads == ["## 2026", "### October", "### November", "### December"]
        assert all(
            not line or line.startswith(("# ", "*Compiled", ">", "## ", "### ", "- ")) for line in lines
        )
        # each entry opens with a date in one of four forms, under the heading of its month
        used = set()
        for month, entry in entries:
            forms = [name for name, pattern in ENTRY_DATES.items() if pattern.match(entry)]
            assert len(forms) == 1, entry
            used.add(forms[0])
            assert MONTHS[ENTRY_DATES[forms[0]].match(entry).group(1)] == month, entry  # type: ignore[union-attr]
        assert used == set(ENTRY_DATES)
        # each entry's links close it, in parentheses or as a trailing [source](url); nothing else cites
        for _, entry in entries:
            urls = _entry_urls(entry)
            assert urls and urls == set(URL.findall(entry)), entry
        assert set(URL.findall(timeline)) == {u for _, e in entries for u in _entry_urls(e)}
        assert any(PAREN_LINKS.search(e) for _, e in entries) and any(
            PAREN_BARE.search(e) for _, e in entries
        )
        assert any(TRAILING_SOURCE.search(e) for _, e in entries)
        assert any(len(_entry_urls(e)) == 2 for _, e in entries)  # an entry with two links

    def test_timeline_labels_rest_on_their_own_entry(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        timeline = reports[TIMELINE]
        cited = set(URL.findall(timeline))
        box, entries = _entries(timeline)
        for item in labels:
            if item["report"] != TIMELINE:
                continue
            owners = [b for b in box if item["quote"] in b] + [e for _, e in entries if item["quote"] in e]
            assert len(owners) == 1, item["quote"]
            if (
                owners[0] in box
            ):  # the unsourced Key numbers box: the timeline's own pages (verified) or nothing
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:  # the links of its own entry, never a neighbour's
                assert set(item["source_urls"]) == _entry_urls(owners[0]), item

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in their caption or header
        assert "衡川智算2026年第三季度主要财务数据（单位：万元）" in joined
        assert "营业收入 331,846.20 61.70% 864,712.35 54.20%" in joined
        assert "本次募集资金投资项目（单位：亿元）" in joined and "补充流动资金 8.0 8.0" in joined
        assert "(In millions, except per share data)" in joined and "Gross profit 2,629 2,400 1,505" in joined
        assert (
            "Capacity (MW) Subsidy (billion yen)" in joined and "衡川智算主要財務數據（人民幣億元）" in joined
        )
        # a correction note, "X, not Y"
        assert "to 64 megawatts, not 46 megawatts" in texts[REUTERS]
        assert "The first phase has 64 megawatts of IT capacity" in texts[REUTERS]
        # complete lists, in Traditional Chinese and in English, each with a name said not to be on it
        assert (
            "聯席保薦人共三家，分別為國瀚融資、恒嶺證券及星港資本" in joined
            and "嘉匯證券並不在保薦人之列" in joined
        )
        assert "co-led by three investors: Larkspur Capital, Tessellate Partners and Qasr Holdings" in joined
        assert "Corvid Ventures, which led Nimbus Forge's previous round, did not take part." in joined
        # two subjects' or two periods' figures side by side
        assert "液冷整机柜及配套产品收入9.7亿元" in joined and "智算中心运营服务收入5.1亿元" in joined
        assert "同比增长61.7%，环比增长12.4%" in joined
        assert "up 9% from the previous quarter and up 71% from a year ago" in joined
        assert "$3 per million input tokens and $12 per million output tokens" in joined
        # pages that say they do not give a figure a label asks for
        for said in (
            "公司未披露前五大客户的具体名称及各自销售占比",
            "公司未给出全年及第四季度业绩指引",
            "公告未披露合同单价及预计毛利率",
            "未披露擬發行H股數目及集資規模",
            "declined to name the customer that will lease the capacity",
            "Veridian declined to disclose Kestrel-4's parameter count",
            "A spokesperson declined to comment on whether the company is profitable.",
        ):
            assert said in joined, said
        # half the captured pages are in Chinese, one in Traditional characters; each has a lang
        langs = page_languages(manifest, self.SET.sources)
        assert len(langs) == 12 and sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert sum(lang.startswith("en") for lang in langs.values()) == 6
        assert [u for u, lang in langs.items() if lang.startswith("zh-Hant")] == [HKEJ]
        assert "昨日（11月27日）向港交所遞交H股上市申請" in texts[HKEJ]
        # each report cites pages in the other language; four pages are cited by both
        for page in (STCN, CLS, REUTERS, HKEJ):
            assert langs[page].startswith("zh") == (page != REUTERS)
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "HC-300" not in texts[SOFT_404]
            and "衡川" not in texts[SOFT_404]
            and "送样" not in texts[SOFT_404]
        )
        assert "$40" not in texts[PAYWALL] and "GW" not in texts[PAYWALL] and "gigawatt" not in texts[PAYWALL]

    def test_pages_cited_by_both_reports(self, reports: dict[str, str]) -> None:
        both = set(URL.findall(reports[RECORD])) & set(URL.findall(reports[TIMELINE]))
        assert both == {STCN, CLS, REUTERS, HKEJ}
