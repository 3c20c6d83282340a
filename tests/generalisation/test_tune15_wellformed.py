"""Well-formedness of the tune15 development set (tests/fixtures/tune15/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a 知乎 answer copied from the web page, and YouTube / podcast show notes) and that the pages carry the
formats the labels rely on.
"""

from __future__ import annotations

import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts

# The 知乎 copy appends its own attribution (作者 / 链接 / 来源：知乎); that zhihu.com link is the answer's own
# address, not a citation, so it is not a URL the report cites.
URL = re.compile(r"https?://(?!www\.zhihu\.com/)[^\s)\]>〉」]+")
ZWSP = "\u200b"
TIMESTAMP = re.compile(r"^(?:\d{1,2}:)?\d{2}:\d{2} ")

ANSWER = "v1_zhihu_answer.txt"
NOTES = "v2_podcast_shownotes.txt"

TUNE15 = LabelledSet(
    "tune15",
    by_report={
        ANSWER: {"verified": 16, "contradicted": 13, "unverified": 10},
        NOTES: {"verified": 15, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 31, "contradicted": 25, "unverified": 19},
    kinds={"money": 31, "fact": 15, "percent": 12, "date": 9, "count": 7, "version": 1},
    live=10,
    url=URL,
    empty_pages={
        "https://finance.sina.com.cn/tech/2026-11-27/doc-inchxqwe8312447.shtml": "您访问的页面不存在或已被删除",
        "https://www.theinformation.com/articles/inside-orrin-labs-pitch-to-investors": "This article is available to subscribers",
    },
)


def _span(text: str, quote: str, key: str) -> tuple[int, int]:
    start = text.find(quote) + quote.find(key)
    return start, start + len(key)


class TestTune15WellFormed(WellFormed):
    SET = TUNE15

    def test_the_answer_is_a_zhihu_page_copy(self, reports: dict[str, str]) -> None:
        answer = reports[ANSWER]
        lines = answer.splitlines()
        assert "#" not in answer and "](" not in answer  # copied text, not markdown
        # question title, the page's buttons (zero-width spaces from the copy), answerer name and 头衔, likes
        assert lines[0].startswith("如何看待") and lines[0].endswith("？")
        assert lines[1] == f"关注问题{ZWSP}写回答"
        assert lines[2] == "沈砚舟" and "/" in lines[3] and lines[4].endswith("人赞同了该回答")
        assert lines[5].startswith("谢邀。")
        # the only markdown that survived the copy: one bolded 结论 line
        assert answer.count("**") == 2 and lines.count("**结论**") == 1
        # the page chrome closes the answer: 编辑于 … IP 属地, the action bar, 发布于, in that order
        edited = lines.index("编辑于 2026-11-30 10:12・IP 属地北京")
        bar = lines.index("赞同 1.2 万 · 234 条评论")
        published = next(i for i, line in enumerate(lines) if line.startswith("发布于 2026-11-30"))
        refs = lines.index("参考")
        assert lines.index("**结论**") < refs < edited < bar < published
        assert ZWSP in lines[bar + 1]
        # the copy's own attribution after the page: its 链接 is the answer's address, not a citation
        tail = lines[published + 1 :]
        assert "作者：沈砚舟" in tail and "来源：知乎" in tail
        zhihu = [line for line in tail if line.startswith("链接：")]
        assert len(zhihu) == 1 and "zhihu.com/question/" in zhihu[0] and not URL.search(zhihu[0])
        # the figures' notations the labels rely on
        for form in ("$1.4B", "亿美元", "同比", "环比", "截至"):
            assert form in answer, form

    def test_the_answer_cites_by_link_lines_and_footnotes(self, reports: dict[str, str]) -> None:
        answer = reports[ANSWER]
        body, rest = answer.split("\n参考\n", 1)
        refs = rest.split("\n编辑于", 1)[0].splitlines()
        # 参考: "[n] url" or "[n] title url", numbered 1…n in order
        numbers = []
        for line in refs:
            m = re.fullmatch(r"\[(\d+)\] (?:.+ )?(https://\S+)", line)
            assert m, line
            numbers.append(int(m.group(1)))
        assert numbers == list(range(1, len(refs) + 1)) and len(refs) == 5
        assert any(re.fullmatch(r"\[\d+\] https://\S+", line) for line in refs)  # some without a title
        assert any(re.fullmatch(r"\[\d+\] .+ https://\S+", line) for line in refs)  # some with one
        # every marker in the body has a reference, and every reference is used
        assert {int(n) for n in re.findall(r"\[(\d+)\]", body)} == set(numbers)
        # inline 链接 lines close their paragraphs; the body has no other URLs
        link_lines = [line for line in body.splitlines() if URL.search(line)]
        assert len(link_lines) == 3 and all(re.fullmatch(r"链接：https://\S+", line) for line in link_lines)
        # a quoted block in 「」 inside the Reuters paragraph, the 链接 line after it
        paragraphs = body.split("\n\n")
        i = next(i for i, p in enumerate(paragraphs) if p.startswith("「"))
        assert paragraphs[i].endswith("」") and paragraphs[i + 1].startswith("链接：https://www.reuters.com/")
        # a paragraph cites either by 链接 line or by footnotes, never both
        for p in paragraphs:
            assert not (p.startswith("链接：") and re.search(r"\[\d+\]", p))

    def test_the_notes_are_pasted_show_notes(self, reports: dict[str, str]) -> None:
        notes = reports[NOTES]
        lines = notes.splitlines()
        assert "**" not in notes and "](" not in notes  # pasted plain text
        assert lines[0] == "The Compute Cycle" and lines[1].startswith("Ep. 87: ")
        assert re.fullmatch(r"[\d,]+ views  Nov 30, 2026", lines[2])
        assert lines[4].startswith("In this episode, ")
        # chapters: "00:00 Intro" first, timestamps rising (h:mm:ss past the hour)
        start = lines.index("Chapters") + 1
        chapters = lines[start : lines.index("", start)]
        assert chapters[0] == "00:00 Intro" and len(chapters) >= 10
        seconds = []
        for line in chapters:
            stamp = line.split(" ", 1)[0]
            assert TIMESTAMP.match(line), line
            parts = [int(x) for x in stamp.split(":")]
            seconds.append(sum(x * 60**i for i, x in enumerate(reversed(parts))))
        assert seconds == sorted(seconds) and any(line.count(":") == 2 for line in chapters)
        assert "04:12 Orrin's $2B round" in chapters
        # Links mentioned: "- label (publisher): url", the only URLs of the notes
        start = lines.index("Links mentioned:") + 1
        links = lines[start : lines.index("", start)]
        assert len(links) == 9
        assert all(re.fullmatch(r"- [^:]+: https://\S+", line) for line in links), links
        assert sum("(" in line.split(": https://")[0] for line in links) == 8  # one label without a publisher
        assert len(URL.findall(notes)) == len(links)
        # the sponsor block has its own promo figures and an address without a scheme; hashtags close
        sponsor = next(p for p in notes.split("\n\n") if p.startswith("This episode is brought to you by"))
        assert re.search(r"\d", sponsor) and "lumenbase.io/cycle" in sponsor and "https://" not in sponsor
        assert all(tag.startswith("#") for tag in lines[-1].split())

    def test_labels_avoid_chrome_and_timestamps(self, labels: list[dict], reports: dict[str, str]) -> None:
        answer, notes = reports[ANSWER], reports[NOTES]
        answer_body = (answer.index("谢邀"), answer.index("\n参考\n"))
        notes_lines = notes.splitlines()
        notes_body = (notes.index("In this episode"), notes.index("\nLinks mentioned:"))
        stamps = [
            (notes.index(line), notes.index(line) + len(line.split(" ", 1)[0]))
            for line in notes_lines
            if TIMESTAMP.match(line)
        ]
        for item in labels:
            text = reports[item["report"]]
            start, end = _span(text, item["quote"], item["key"])
            low, high = answer_body if item["report"] == ANSWER else notes_body
            assert low <= start and end <= high, item["quote"]  # not the title, 参考, page chrome or sponsor
            if item["report"] == NOTES:
                assert all(end <= a or b <= start for a, b in stamps), item["key"]  # a timestamp is no figure

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        joined = "\n".join(live_page_texts(manifest, self.SET.sources).values())
        assert "(in millions of U.S. dollars, except per share data)" in joined  # unit in a table caption
        assert "拟支持金额（万元）" in joined and "合计（42家） 48,500" in joined  # unit in a table header
        assert "单位：元/百万tokens" in joined  # a price table's unit in its caption
        assert "更正：" in joined and "96亿元" in joined and "112亿元" in joined  # a correction note
        assert "The three partners Kessock Energy, Orrin Labs and Ardent Fibre" in joined  # a complete list
        assert "is not part of the partnership" in joined
        assert sum(bool(re.search(r"[\u4e00-\u9fff]{20}", t)) for t in live_page_texts(manifest, self.SET.sources).values()) >= 3
