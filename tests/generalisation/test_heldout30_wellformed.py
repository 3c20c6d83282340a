"""Well-formedness of the heldout30 held-out set (tests/fixtures/heldout30/), checked without the engine.

The set was written blind to the engine and is held out from whoever tunes it. ``WellFormed`` checks its
labels against its reports and its archive (one dead URL, one soft 404, one paywall stub); the tests here
check the shapes of its two reports (a Traditional-Chinese, largely Cantonese LIHKG forum thread copied as
text, an English Markdown weekly memo with reference-style links), that each label rests on exactly the URLs
its report's citation scope gives it, that every weekday written is right, and that the pages carry the
formats and languages the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>\"，；。、）」]+")

THREAD = "a1_lihkg_thread_tc.txt"
MEMO = "b1_weekly_memo_en.md"

HKET = "https://inews.hket.com/article/3951827"
UDN = "https://money.udn.com/money/story/5612/9216473"
KR36 = "https://36kr.com/p/3092817465520131"
BEIJING = "https://jxj.beijing.gov.cn/zwgk/tzgg/202612/t20261211_4187352.html"
REUTERS = "https://www.reuters.com/technology/ai-chip-startup-veyra-systems-raises-16-billion-2026-12-09/"
NORTHCAST = "https://www.northcast.ai/blog/tessel-3-general-availability-and-pricing"
MINGPAO = "https://finance.mingpao.com/fin/instantf/20261223/1798015260417"
PAYWALL = "https://www.theinformation.com/articles/northcast-in-talks-with-investors-about-new-funding-round"
SOFT_404 = "https://techcrunch.com/2026/12/22/chengxing-ai-signs-northcast-as-anchor-customer/"
DEAD = "https://www.chengxingai.com/ir/announcements/2026-12-28-over-allotment"

HELDOUT30 = LabelledSet(
    "heldout30",
    by_report={
        THREAD: {"verified": 16, "contradicted": 13, "unverified": 9},
        MEMO: {"verified": 17, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 20, "count": 14, "fact": 14, "percent": 13, "date": 10, "version": 4},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you're looking for doesn't exist.",  # soft 404 answering 200
        PAYWALL: "Subscribe to read the full article",  # paywall stub
    },
)

# ---------------------------------------------------------------- the LIHKG thread

POST_HEAD = re.compile(r"#(\d+) (樓主 )?(\S+) (\d+)(小時|分鐘)前")
VOTES = re.compile(r"👍 \d+ 👎 \d+")
QUOTE_HEAD = re.compile(r"引用 #(\d+)")
CANTONESE = ("咗", "嘅", "唔係", "啲", "冇", "係咪")
SIMPLIFIED_ONLY = "这们说为时对后过国会发个来还设经济营业亿万"


def _posts(thread: str) -> list[dict]:
    """The thread's posts in order: number, author, OP flag, age in minutes, quoted post, quote-block
    lines, own body lines (quote block and vote line excluded), and the URLs of the own body."""
    posts = []
    for block in thread.split("\n\n")[1:]:
        lines = block.splitlines()
        head = POST_HEAD.fullmatch(lines[0])
        assert head, lines[0]
        assert VOTES.fullmatch(lines[-1]), lines[-1]
        body = lines[1:-1]
        quoted, qlines = None, []
        if body and (q := QUOTE_HEAD.fullmatch(body[0])):
            quoted = int(q.group(1))
            rest = body[1:]
            while rest and rest[0].startswith("> "):
                qlines.append(rest.pop(0)[2:])
            body = rest
        age = int(head.group(4)) * (60 if head.group(5) == "小時" else 1)
        posts.append(
            {
                "n": int(head.group(1)),
                "op": bool(head.group(2)),
                "author": head.group(3),
                "age": age,
                "quoted": quoted,
                "quote_lines": qlines,
                "body": body,
                "urls": [u for line in body for u in URL.findall(line)],
            }
        )
    return posts


# ---------------------------------------------------------------- the Markdown memo

DEFINITION = re.compile(r'\[(\d+)\]: (https://\S+)(?: "[^"]+")?')
REF_LINK = re.compile(r"\[([^\[\]]+)\]\[(\d+)\]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SECTIONS = [
    "## TL;DR",
    "## Chips",
    "## Models and pricing",
    "## Data centres and power",
    "## Asia",
    "## Positioning",
]


def _memo_parts(memo: str) -> tuple[list[str], dict[str, str]]:
    """The memo's body lines and its reference definitions (label -> URL), which close the file."""
    lines = memo.rstrip("\n").splitlines()
    start = next(i for i, line in enumerate(lines) if DEFINITION.fullmatch(line))
    defs = {}
    for line in lines[start:]:
        m = DEFINITION.fullmatch(line)
        assert m, line  # nothing but definitions after the first one
        defs[m.group(1)] = m.group(2)
    return lines[:start], defs


def _memo_paragraphs(body: list[str]) -> list[str]:
    """Blank-line separated blocks, with each "- " bullet a paragraph of its own."""
    paragraphs: list[str] = []
    for block in "\n".join(body).split("\n\n"):
        if block.startswith("- "):
            paragraphs += [line[2:] for line in block.splitlines()]
        else:
            paragraphs.append(" ".join(block.splitlines()))
    return paragraphs


def _refs(text: str, defs: dict[str, str]) -> set[str]:
    return {defs[label] for _, label in REF_LINK.findall(text)}


# ---------------------------------------------------------------- weekdays

WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_ZH = "一二三四五六日"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip
EN_DATE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{1,2}) ("
    + "|".join(MONTHS)
    + r")(?: (\d{4}))?"
)
ZH_DATE = re.compile(
    r"(\d{1,2})月(\d{1,2})[日號]（星期([一二三四五六日])）|(\d{1,2})月(\d{1,2})日，星期([一二三四五六日])"
)


def _year(month: int, given: str | None) -> int:
    """Dates without a year in reports of late December 2026: January is 2027, the rest 2026."""
    return int(given) if given else (2027 if month == 1 else 2026)


class TestHeldout30WellFormed(WellFormed):
    SET = HELDOUT30

    def test_the_thread_is_a_lihkg_thread_copied_as_text(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        lines = thread.splitlines()
        assert lines[0] == "LIHKG 連登討論區" and lines[1] == "財經台" and lines[2].startswith("【AI股】")
        assert re.fullmatch(r"(\d+) 回覆 · [\d.]+萬 瀏覽 · 第 1 頁", lines[3]) and lines[4] == ""
        assert "](" not in thread and "<" not in thread and "**" not in thread
        posts = _posts(thread)
        # posts numbered #1, #2, … in order, newest last; the replies counter is the number of replies
        assert [p["n"] for p in posts] == list(range(1, len(posts) + 1))
        assert int(lines[3].split(" ")[0]) == len(posts) - 1
        ages = [p["age"] for p in posts]
        assert ages == sorted(ages, reverse=True)
        # the OP (樓主) opens the thread and posts again, always under the same name
        assert posts[0]["op"] and sum(p["op"] for p in posts) >= 3
        assert len({p["author"] for p in posts if p["op"]}) == 1
        # "引用 #N" blocks quote an earlier post's own words
        quoting = [p for p in posts if p["quoted"]]
        assert len(quoting) >= 4
        for p in quoting:
            assert p["quoted"] < p["n"] and p["quote_lines"]
            source = "\n".join(posts[p["quoted"] - 1]["body"])
            assert all(q in source for q in p["quote_lines"]), p["n"]
            assert not any(URL.search(q) for q in p["quote_lines"])
        # links are bare URLs on their own lines inside a post's own text
        url_lines = [line for line in lines if URL.search(line)]
        assert url_lines and all(URL.fullmatch(line) for line in url_lines)
        assert sum(bool(p["urls"]) for p in posts) >= 7 and sum(not p["urls"] for p in posts) >= 4
        # Traditional characters, Cantonese vernacular mixed with written Chinese
        assert all(word in thread for word in CANTONESE)
        assert not re.search(f"[{SIMPLIFIED_ONLY}]", thread)
        assert "營收" in thread and "億" in thread

    def test_thread_labels_rest_on_their_own_post(self, labels: list[dict], reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        posts = _posts(thread)
        cited = set(URL.findall(thread))
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [p for p in posts if any(item["quote"] in line for line in p["body"])]
            assert len(owners) == 1, item["quote"]  # in one post's own text, never in a quote block
            assert not any(item["quote"] in q for p in posts for q in p["quote_lines"]), item["quote"]
            own = set(owners[0]["urls"])
            if own:  # a post's own links, never those of the post it quotes or of another post
                assert set(item["source_urls"]) == own, item
            else:  # a post without a link is unsourced: the thread's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item

    def test_the_memo_is_markdown_with_reference_style_links(self, reports: dict[str, str]) -> None:
        memo = reports[MEMO]
        body, defs = _memo_parts(memo)
        assert body[0] == "# AI infrastructure weekly — Wednesday, 30 December 2026"
        assert [line for line in body if line.startswith("## ")] == SECTIONS
        assert body[2].startswith("_") and body[2].endswith("_")
        # no inline links and no bare URLs in the body: every URL is on a definition line at the bottom
        text = "\n".join(body)
        assert "](" not in text and not URL.search(text) and "<" not in text
        assert list(defs) == [str(i) for i in range(1, len(defs) + 1)] and len(defs) == 10
        used = [label for _, label in REF_LINK.findall(text)]
        assert set(used) <= set(defs)
        assert set(defs) - set(used) == {"10"}  # one definition no sentence uses
        assert sum(used.count(label) > 1 for label in set(used)) >= 4  # labels reused in several sentences
        assert not re.search(r"(?<!\])\[\d+\]", text)  # no bare [n] shortcut references
        # no abbreviation with a full stop that would split a sentence
        assert not re.search(r"\b(e\.g|i\.e|vs|Inc|U\.S|approx|Dec|Nov)\.", text)
        # the TL;DR and Positioning sections cite nothing
        tldr = text.split("## TL;DR", 1)[1].split("## Chips", 1)[0]
        positioning = text.split("## Positioning", 1)[1]
        assert not REF_LINK.search(tldr) and not REF_LINK.search(positioning)
        assert sum(line.startswith("- ") for line in tldr.splitlines()) == 3

    def test_memo_labels_rest_on_their_sentence_or_paragraph(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        memo = reports[MEMO]
        body, defs = _memo_parts(memo)
        paragraphs = _memo_paragraphs(body)
        cited = {defs[label] for _, label in REF_LINK.findall("\n".join(body))}
        assert defs["10"] not in cited
        for item in labels:
            if item["report"] != MEMO:
                continue
            owners = [p for p in paragraphs if item["quote"] in p]
            assert len(owners) == 1, item["quote"]
            paragraph = owners[0]
            sentences = [s for s in SENTENCE_END.split(paragraph) if item["quote"] in s]
            assert len(sentences) == 1, item["quote"]
            own = _refs(sentences[0], defs) or _refs(paragraph, defs)
            if own:  # the links of its sentence, else those of its paragraph
                assert set(item["source_urls"]) == own, item
            else:  # TL;DR: the pages the body cites, or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item

    def test_weekdays_written_are_right(self, reports: dict[str, str]) -> None:
        found = 0
        for m in EN_DATE.finditer(reports[MEMO]):
            month = MONTHS.index(m.group(3)) + 1
            day = dt.date(_year(month, m.group(4)), month, int(m.group(2)))
            assert WEEKDAYS_EN[day.weekday()] == m.group(1), m.group(0)
            found += 1
        for m in ZH_DATE.finditer(reports[THREAD]):
            month, day_, weekday = (m.group(1), m.group(2), m.group(3)) if m.group(1) else m.group(4, 5, 6)
            day = dt.date(_year(int(month), None), int(month), int(day_))
            assert WEEKDAYS_ZH[day.weekday()] == weekday, m.group(0)
            found += 1
        assert found == 7
        # "上星期三" written on Tuesday 29 December 2026 is 23 December
        assert "今日（12月29日，星期二）" in reports[THREAD] and "上星期三即係12月23日" in reports[THREAD]
        assert dt.date(2026, 12, 29) - dt.date(2026, 12, 23) == dt.timedelta(days=6)

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or header
        assert "澄星智算財務摘要（人民幣百萬元）" in joined and "收入 779 1,846 2,133" in joined
        assert "(in millions, except per share data)" in joined and "Revenue 4,370 4,009 2,993" in joined
        assert "算力规模（EFLOPS） 总投资（亿元）" in joined and "合计 19.0 145.0" in joined
        assert "墨澜-4主要评测结果（准确率，%）" in joined
        assert "API pricing (USD per million tokens)" in joined
        # a correction note, "X, not Y"
        assert (
            "Correction, December 10, 2026" in joined
            and "The campus is planned at 1.2GW, not 1.5GW." in joined
        )
        # complete lists, with a name said not to be on one
        assert "聯席保薦人共三家，分別為海岬證券、東瀾資本（亞洲）及鼎湖融資。" in joined
        assert (
            "本批次入选项目共四个，分别为：" in joined and "怀柔科学城智算平台因能效指标未达到要求" in joined
        )
        assert "joint venture of three partners: Quillon Cloud, Brennholt Energy and the Vantor" in joined
        assert "available in three regions: US East (Virginia), EU West (Dublin) and Asia Pacific" in joined
        # figures of other periods, other entities and other directions next to the right ones
        assert "年度虧損6.12億元人民幣，較2024年虧損8.35億元人民幣收窄" in joined
        assert "up 46% from a year ago and up 9% sequentially" in joined
        assert "Revenue for the first nine months of fiscal 2027 was $11.86 billion" in joined
        assert "GAAP gross margin of 58.4%; non-GAAP gross margin of 61.1%" in joined
        assert "Embedded revenue of $466 million, down 14% year over year" in joined
        assert "同業廣曜電腦同日公布11月營收新台幣356.8億元，年減3.2%" in joined
        assert "仅次于Northcast的Tessel 3（1,431分）" in joined and "约为上一代的7.8倍" in joined
        assert "寫下單月歷史次高" in joined and "third-largest private financing" in joined
        # pages that say they do not disclose something
        for passage in (
            "招股書未有披露加速卡的型號及供應商",
            "公司未有披露最大客戶的名稱",
            "She declined to comment on the company's margins or on any plans for a stock market listing.",
            "Halcyne does not break out revenue by customer.",
            "it did not disclose yields from its pilot line",
            "We don't disclose the number of parameters in Tessel 3.",
            "Quillon did not say which accelerators it would deploy at the site.",
            "明漪未予披露",
            "緯曜依慣例不對單季財務預測發表評論",
        ):
            assert passage in joined, passage
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert not re.search(r"Chengxing|澄星|\$1\.2 ?billion|anchor customer", texts[SOFT_404])
        assert "$8 billion" not in texts[PAYWALL] and "$120 billion" not in texts[PAYWALL]
        assert len(texts[PAYWALL]) < 1600 and len(texts[SOFT_404]) < 1600

    def test_languages_of_pages_and_reports(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        langs = page_languages(manifest, self.SET.sources)
        chinese = {u for u, lang in langs.items() if lang.startswith("zh")}
        assert len(chinese) == 5 and len(langs) - len(chinese) == 7
        assert {u for u, lang in langs.items() if lang.startswith("zh-Hant")} == {HKET, MINGPAO, UDN}
        assert langs[UDN] == "zh-Hant-TW" and langs[HKET] == langs[MINGPAO] == "zh-Hant-HK"
        assert langs[KR36] == langs[BEIJING] == "zh-CN"
        thread_urls = set(URL.findall(reports[THREAD]))
        # each report cites pages of the other language; four pages are cited by both
        assert {REUTERS, NORTHCAST, SOFT_404} <= thread_urls - chinese
        _, defs = _memo_parts(reports[MEMO])
        used = {defs[label] for _, label in REF_LINK.findall(reports[MEMO])}
        assert {UDN, KR36, BEIJING} <= used & chinese
        assert thread_urls & used == {UDN, KR36, REUTERS, NORTHCAST}
        # the thread is Chinese, the memo English (a Chinese name in brackets aside)
        han = re.compile(r"[\u4e00-\u9fff]")
        assert len(han.findall(reports[THREAD])) > 800
        assert han.findall(reports[MEMO]) == ["緯", "曜"]
        # report sizes 4–7 KB
        for text in reports.values():
            assert 4096 <= len(text.encode("utf-8")) <= 7168
