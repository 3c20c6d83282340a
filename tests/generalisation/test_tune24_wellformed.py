"""Well-formedness of the tune24 development set (tests/fixtures/tune24/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Simplified-Chinese Zhihu answer exported as plain text, an English Emacs Org-mode notes file exported as
text), that each label rests on exactly the URLs its report's citation scope gives it, and that the pages
carry the formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
MARKER = re.compile(r"\[(\d+)\]")
REFERENCE = re.compile(r"\[(\d+)\] (\S.*\S) (https://\S+)")
SECTION = re.compile(r"([一二三四五六七八九十])、\S.*")
BOLD_HEAD = re.compile(r"\*\*[^*]+\*\*")
ORG_LINK = re.compile(r"\[\[(https://[^\]\s]+)\]\[([^\]]+)\]\]")
HEADING = re.compile(r"(\*+) (TODO |DONE )?(\S.*)")

ZHIHU = "z1_zhihu_answer_sc.txt"
ORG = "o2_analyst_notes_org.txt"
SOFT_404 = "https://36kr.com/p/3087412256198145"
PAYWALL = "https://www.theinformation.com/articles/norrveils-compute-pact-with-halden-comes-with-strings"
DEAD = "https://www.norrveil.ai/blog/vela-3-1-system-card"
TW_PAGE = "https://money.udn.com/money/story/5612/8361942"
HK_PAGE = "https://inews.hket.com/article/3985127"
QBIT_PAGE = "https://www.qbitai.com/2026/11/298417.html"
REUTERS = (
    "https://www.reuters.com/technology/artificial-intelligence/"
    "ai-lab-norrveil-raises-65-billion-in-calder-peak-led-round-2026-11-30/"
)
TECHCRUNCH = (
    "https://techcrunch.com/2026/12/02/ferrous-labs-releases-kestrel-2-5-tops-open-weights-leaderboard/"
)

TUNE24 = LabelledSet(
    "tune24",
    by_report={
        ZHIHU: {"verified": 16, "contradicted": 12, "unverified": 9},
        ORG: {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "percent": 14, "count": 12, "date": 11, "fact": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，你访问的页面不存在或已被删除",  # soft 404 answering 200
        PAYWALL: "This article is for subscribers only.",  # paywall stub
    },
)


# ---- the Zhihu answer ---------------------------------------------------------------------------------


def _zhihu_parts(answer: str) -> tuple[list[str], dict[int, str], list[str]]:
    """The answer's body lines (after the title and author lines, before 参考), its reference list
    (number -> URL) and the lines after the list (编辑于 …, the 赞同 footer)."""
    lines = answer.splitlines()
    start = lines.index("参考")
    refs: dict[int, str] = {}
    end = start + 1
    while end < len(lines) and (m := REFERENCE.fullmatch(lines[end])):
        refs[int(m.group(1))] = m.group(3)
        end += 1
    return lines[2:start], refs, [line for line in lines[end:] if line]


def _sentences(body: list[str]) -> list[str]:
    """The body's sentences: each line split after 。！？ (a sentence's markers sit before its 。)."""
    return [s for line in body for s in re.split(r"(?<=[。！？])", line) if s.strip()]


# ---- the Org notes ------------------------------------------------------------------------------------


def _org_blocks(notes: str) -> list[tuple[str, str, str]]:
    """The notes' blocks in order: (kind, heading of the top-level section, text). Kinds: "item" (a "- " list
    item with its indented continuation lines), "para" (a paragraph: consecutive plain lines), "table" (the
    "| … |" lines), "heading", "drawer" (:PROPERTIES: … :END:), "keyword" (#+…) and "closed" (CLOSED: …)."""
    blocks: list[tuple[str, str, str]] = []
    section = ""
    drawer = False
    current: list[str] | None = None  # the open item or paragraph, appended to blocks as it starts
    for line in notes.splitlines():
        if drawer:
            blocks[-1] = ("drawer", section, blocks[-1][2] + "\n" + line)
            drawer = line != ":END:"
            continue
        if not line.strip():
            current = None
            continue
        if HEADING.fullmatch(line):
            m = HEADING.fullmatch(line)
            assert m
            if len(m.group(1)) == 1:
                section = m.group(3)
            kind = "heading"
        elif line == ":PROPERTIES:":
            kind, drawer = "drawer", True
        elif line.startswith("#+"):
            kind = "keyword"
        elif line.startswith("|"):
            if blocks and blocks[-1][0] == "table" and current is not None:
                blocks[-1] = ("table", section, blocks[-1][2] + "\n" + line)
                continue
            kind = "table"
        elif line.lstrip().startswith("CLOSED: ["):
            kind = "closed"
        elif line.startswith("- "):
            kind = "item"
        elif line.startswith("  ") and current is not None and blocks[-1][0] == "item":
            blocks[-1] = ("item", section, blocks[-1][2] + "\n" + line)
            continue
        elif current is not None and blocks[-1][0] == "para":
            blocks[-1] = ("para", section, blocks[-1][2] + "\n" + line)
            continue
        else:
            kind = "para"
        blocks.append((kind, section, line))
        current = [line] if kind in {"item", "para", "table"} else None
    return blocks


def _unsourced(kind: str, section: str) -> bool:
    """The Summary paragraph and the key-figures table cite nothing."""
    return section == "Summary" and kind in {"para", "table"}


class TestTune24WellFormed(WellFormed):
    SET = TUNE24

    def test_the_zhihu_answer_is_a_zhihu_export(self, reports: dict[str, str]) -> None:
        answer = reports[ZHIHU]
        lines = answer.splitlines()
        # the question title, then the author line with a one-line bio, then a blank line
        assert lines[0].endswith("？") and not URL.search(lines[0]) and not MARKER.search(lines[0])
        assert re.fullmatch(r"\S{2,4}\u3000\S.{8,}", lines[1]) and not URL.search(lines[1]) and lines[2] == ""
        assert "](" not in answer and "<" not in answer and "#+" not in answer
        body, refs, tail = _zhihu_parts(answer)
        # sections 一、 … 五、 in order, and one **bold** subheading for the closing remarks
        heads = [m.group(1) for line in body if (m := SECTION.fullmatch(line))]
        assert heads == list("一二三四五")
        bold = [line for line in body if BOLD_HEAD.fullmatch(line)]
        assert bold == ["**写在最后**"]
        # the 参考 list: [1] … [n] in order, each "标题 url", each URL once; no URL in the body
        assert list(refs) == list(range(1, len(refs) + 1)) and len(refs) == 8
        assert len(set(refs.values())) == len(refs)
        assert not any(URL.search(line) for line in body)
        assert set(URL.findall(answer)) == set(refs.values())
        # every marker in the body is a listed reference, every reference is used, and a marker (or a run of
        # markers) sits right before the sentence's closing 。
        used = {int(n) for line in body for n in MARKER.findall(line)}
        assert used == set(refs)
        for line in body:
            for m in re.finditer(r"(\[\d+\])+", line):
                assert line[m.end() : m.end() + 1] == "。", line
        assert any(len(MARKER.findall(s)) == 2 for s in _sentences(body))  # one sentence carries two markers
        # the opening and the closing remarks carry no marker
        opening = body[: next(i for i, line in enumerate(body) if SECTION.fullmatch(line))]
        closing = body[body.index("**写在最后**") :]
        assert not any(MARKER.search(line) for line in opening + closing)
        assert any(re.search(r"\d", line) for line in opening) and any(
            re.search(r"\d", line) for line in closing
        )
        # after the list: the 编辑于 line (the answer's date) and the 赞同 · 评论 footer, and nothing else
        assert len(tail) == 2 and tail[0].startswith("编辑于 2026-12-05 ") and "IP 属地" in tail[0]
        assert tail[1] == "赞同 1.2 万 · 评论 342"
        # relative dates resolved against the answer's date (2026-12-05, a Saturday)
        assert "上周四" in answer and "本周三" in answer

    def test_zhihu_labels_rest_on_the_markers_of_their_sentence(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        answer = reports[ZHIHU]
        body, refs, _ = _zhihu_parts(answer)
        sentences = _sentences(body)
        cited = set(refs.values())
        unsourced = 0
        for item in labels:
            if item["report"] != ZHIHU:
                continue
            owners = [s for s in sentences if item["quote"] in s]
            assert len(owners) == 1, item["quote"]
            own = {refs[int(n)] for n in MARKER.findall(owners[0])}
            if own:  # the references whose markers the sentence carries, no other
                assert set(item["source_urls"]) == own, item
                assert len(item["source_urls"]) == len(own), item
            else:  # a sentence with no marker: unsourced, the answer's own pages or nothing
                unsourced += 1
                assert set(item["source_urls"]) <= cited, item
                if item["verdict"] == "unverified":
                    assert not item["source_urls"], item
                else:
                    assert item["verdict"] == "verified" and item["source_urls"], item
        assert unsourced == 4

    def test_the_org_notes_are_an_org_mode_export(self, reports: dict[str, str]) -> None:
        notes = reports[ORG]
        lines = notes.splitlines()
        assert lines[0].startswith("#+TITLE: ") and lines[1] == "#+DATE: <2026-12-05 Sat>"
        assert lines[2].startswith("#+AUTHOR: ")
        assert "](" not in notes and "<a " not in notes and not re.search(r"\*\*[^*\s][^*\n]*\*\*", notes)
        blocks = _org_blocks(notes)
        kinds = [k for k, _, _ in blocks]
        # "* " and "** " headings, TODO and DONE headings (no claims, no links), a CLOSED line under DONE
        heads = [t for k, _, t in blocks if k == "heading"]
        assert any(h.startswith("* ") for h in heads) and any(h.startswith("** ") for h in heads)
        todo = [h for h in heads if HEADING.fullmatch(h).group(2) == "TODO "]  # type: ignore[union-attr]
        done = [h for h in heads if HEADING.fullmatch(h).group(2) == "DONE "]  # type: ignore[union-attr]
        assert len(todo) == 2 and len(done) == 1 and not any(URL.search(h) for h in todo + done)
        assert (
            kinds[kinds.index("closed") - 1] == "heading" and "DONE" in blocks[kinds.index("closed") - 1][2]
        )
        # :PROPERTIES: drawers, closed by :END:, under top-level headings
        drawers = [t for k, _, t in blocks if k == "drawer"]
        assert len(drawers) == 2 and all(d.endswith("\n:END:") for d in drawers)
        assert all(re.fullmatch(r":[A-Z_]+: +\S+", x) for d in drawers for x in d.splitlines()[1:-1])
        # every URL is an org link [[url][label]] at the end of its list item or paragraph
        links = ORG_LINK.findall(notes)
        assert set(URL.findall(notes)) == {u for u, _ in links}
        for kind, _, text in blocks:
            if ORG_LINK.search(text):
                assert kind in {"item", "para"} and text.endswith("]]"), text
        # the key-figures table: a #+CAPTION giving the unit, a header rule, bare numbers, no link
        table = next(t for k, _, t in blocks if k == "table")
        rows = table.splitlines()
        assert (
            notes.splitlines()[notes.splitlines().index(rows[0]) - 1]
            == "#+CAPTION: Key figures (US$ millions)"
        )
        assert re.fullmatch(r"\|-+(\+-+)+\|", rows[1]) and not URL.search(table)
        for row in rows[2:]:
            cells = [c.strip() for c in row.strip("|").split("|")]
            assert len(cells) == 3 and re.fullmatch(r"[\d,]+", cells[2]), row
        # every list item and paragraph outside the Summary carries its own link; the Summary's cite nothing
        for kind, section, text in blocks:
            if kind in {"item", "para"}:
                if _unsourced(kind, section):
                    assert not URL.search(text)
                else:
                    assert ORG_LINK.search(text), text
        assert sum(k == "item" and "\n" in t for k, _, t in blocks) >= 5  # items with continuation lines
        assert sum(k == "para" and not _unsourced(k, s) for k, s, _ in blocks) == 2  # cited paragraphs

    def test_org_labels_rest_on_the_links_of_their_own_item_or_paragraph(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        notes = reports[ORG]
        blocks = _org_blocks(notes)
        cited = {u for u, _ in ORG_LINK.findall(notes)}
        unsourced = 0
        for item in labels:
            if item["report"] != ORG:
                continue
            owners = [(k, s, t) for k, s, t in blocks if item["quote"] in t]
            assert len(owners) == 1, item["quote"]
            kind, section, text = owners[0]
            assert kind in {"item", "para", "table"}, item
            own = {u for u, _ in ORG_LINK.findall(text)}
            if _unsourced(kind, section):  # the Summary paragraph and the table: own pages or nothing
                unsourced += 1
                assert not own and set(item["source_urls"]) <= cited, item
                if item["verdict"] == "unverified":
                    assert not item["source_urls"], item
                else:
                    assert item["verdict"] == "verified" and item["source_urls"], item
            else:  # the links of its own item or paragraph, never a neighbour's
                assert set(item["source_urls"]) == own and len(item["source_urls"]) == len(own), item
        assert unsourced == 6

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables: one with its unit only in the caption, one with units in its headers, one "(in millions)"
        assert "旭川光电2026年前三季度主要财务数据（单位：亿元）" in joined
        assert "营业收入 127.36 69.17 84.13%" in joined and "同比增长逾八成" in joined
        assert "算力规模（EFLOPS） 国产芯片算力占比（%）" in joined
        assert (
            "(in millions, except per share data)" in joined
            and "Revenue 4,120 2,803 3,780 11,050 7,674" in joined
        )
        # correction notes with the pre-correction figure
        assert "误写为14.20亿元，正确数据为12.36亿元" in joined
        assert (
            "said the campus would cost about $25 billion. Halden says the figure is about $22 billion."
            in joined
        )
        # complete lists, each with a name said not to be on it
        assert (
            "首批公共智算服务平台共4家，分别为：" in joined
            and "昌平未来科学城算力中心因建设进度未达到申报要求" in joined
        )
        assert "The three sites selected in the first round are Teesside, Ravenscraig and Deeside." in joined
        # figures of other periods, other subjects and other measures beside the right ones
        assert "同比增长92.7%，环比增长14.3%" in joined and "800G光模块收入71.2亿元" in joined
        assert (
            "up 47% year over year and up 9% sequentially" in joined
            and "up 44% from the same period" in joined
        )
        assert "about 1,100 construction jobs at peak and 240 permanent jobs" in joined
        assert "600MWh battery" in joined and "為單月歷史次高" in joined
        # about half the captured pages are in Chinese, two of them in Traditional characters
        langs = page_languages(manifest, self.SET.sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 6
        assert langs[TW_PAGE] == "zh-Hant-TW" and langs[HK_PAGE] == "zh-Hant-HK"
        assert sorted(langs.values()).count("zh-CN") == 4
        assert "新台幣2,486.3億元" in texts[TW_PAGE] and "集資總額約55.1億港元" in texts[HK_PAGE]
        # the English notes cite Chinese pages and the Chinese answer cites English pages
        assert (
            langs[QBIT_PAGE] == "zh-CN"
            and langs[REUTERS].startswith("en")
            and langs[TECHCRUNCH].startswith("en")
        )
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "星衍" not in texts[SOFT_404]
            and "启澜" not in texts[SOFT_404]
            and "12亿元" not in texts[SOFT_404]
        )
        assert (
            "$14" not in texts[PAYWALL]
            and "warrant" not in texts[PAYWALL].lower()
            and "2%" not in texts[PAYWALL]
        )
        # pages that say they do not give a figure a label asks for
        assert "未披露训练所用加速卡的数量和型号" in joined and "暂不提供全年业绩指引" in joined
        assert (
            "declined to comment on the company's losses or on the timing of a potential initial public offering"
            in joined
        )
        assert "declined to say how much of the Grant County campus's capacity has been contracted" in joined
        assert "鼎岳未揭露單一客戶營收占比" in joined and "not providing guidance for fiscal 2028" in joined
