"""Well-formedness of the tune34 tuning set (tests/fixtures/tune34/), checked without the engine.

The set was written blind to the engine; its misses are read to find general rules. ``WellFormed`` checks
its labels against its reports and its archive (one dead URL, one soft 404, one paywall stub); the tests
here check the shapes of its two reports (a Simplified-Chinese 财联社 电报 stream copied from the app as
text, an English Mailman mailing-list digest), that each label rests on exactly the URLs its report's
citation scope gives it, and that the pages carry the features the labels rely on (dates and weekdays,
languages, sizes, tables whose unit is only in a caption or header, a correction note, a complete list,
pages that say they do not disclose a figure).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

# a cited URL: any http(s) URL but the mailing list's own (its listinfo page is chrome); in the digest a
# URL is bare or in <angle brackets>, in the telegraph it follows 原文：
URL = re.compile(r"https?://(?!lists\.ai-infra\.example/)[^\s<>，。；）]+")
DAY = re.compile(r"(\d{4})年(\d{2})月(\d{2})日 星期([一二三四五六日])")
TIME = re.compile(r"\d{2}:\d{2}")
HEADLINE = re.compile(r"【[^【】]+】")
SOURCE_LINE = re.compile(r"原文：(\S+)")
RED = "「加红」"
SEPARATOR = "-" * 70
WEEKDAYS = "一二三四五六日"

TELEGRAPH = "k1_cls_telegraph_sc.txt"
DIGEST = "m2_mailman_digest_en.txt"
SINA = "https://finance.sina.com.cn/stock/relnews/cn/2027-01-12/doc-inkxmfpa4815263.shtml"
LEIPHONE = "https://www.leiphone.com/category/ai/Qx7bT2mRk9Lp4WzN.html"
PEDAILY = "https://news.pedaily.cn/202701/548812.shtml"
CTEE = "https://www.ctee.com.tw/news/20270108700123-430502"
MINGPAO = "https://finance.mingpao.com/fin/instantf/20270111/s00004/1768117502843"
PRN = (
    "https://www.prnewswire.com/news-releases/"
    "halden-semiconductor-reports-third-quarter-fiscal-2027-financial-results-302345678.html"
)
CNBC = "https://www.cnbc.com/2027/01/08/corvid-cloud-raises-850-million-to-expand-gpu-fleet.html"
VERGE = "https://www.theverge.com/news/861234/pellucid-quill-3-launch"
PAYWALL = "https://www.ft.com/content/4b7e2c19-8d3a-4f0e-a6c5-2e91d7f03b58"
DCK = (
    "https://www.datacenterknowledge.com/hyperscalers/"
    "ardent-grid-breaks-ground-on-600mw-ohio-ai-campus-for-corvid-cloud"
)
SOFT_404 = "https://venturebeat.com/ai/pellucid-quill-3-benchmark-results-leak/"
DIGITIMES = "https://www.digitimes.com/news/a20270111PD208/halden-hx9-back-end-partners.html"
DEAD = "https://www.suguang-ai.cn/news/2027/m4-enterprise-launch.html"

TUNE34 = LabelledSet(
    "tune34",
    by_report={
        TELEGRAPH: {"verified": 17, "contradicted": 13, "unverified": 8},
        DIGEST: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 27, "fact": 13, "percent": 12, "count": 11, "date": 10, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you're looking for doesn't exist or has been moved.",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)


def _items(stream: str) -> list[dict]:
    """The telegraph's items in order (newest first): their day, time, 加红 mark, headline, text and the
    URLs of their own 原文 lines. An item runs from its time line to the next blank line."""
    items: list[dict] = []
    day: dt.date | None = None
    current: dict | None = None
    for line in stream.splitlines():
        if m := DAY.fullmatch(line):
            assert current is None, line
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            assert WEEKDAYS[day.weekday()] == m.group(4), line
        elif TIME.fullmatch(line):
            assert current is None and day is not None, line
            current = {"day": day, "time": line, "red": False, "lines": [], "urls": []}
            items.append(current)
        elif current is not None and not line:
            current = None
        elif current is not None:
            current["lines"].append(line)
    assert current is None
    for item in items:
        lines = item["lines"]
        if lines[0] == RED:
            item["red"] = True
            lines = lines[1:]
        assert HEADLINE.fullmatch(lines[0]), lines[0]
        item["headline"], item["text"] = lines[0], lines[1]
        sources = lines[2:]
        assert all(SOURCE_LINE.fullmatch(line) for line in sources), sources
        item["urls"] = [SOURCE_LINE.fullmatch(line).group(1) for line in sources]  # type: ignore[union-attr]
    return items


def _blocks(digest: str) -> list[list[str]]:
    """The digest cut at its separator lines: the digest header, the messages, the footer, the end line."""
    return [block.strip("\n").splitlines() for block in digest.split("\n" + SEPARATOR + "\n")]


def _messages(digest: str) -> list[dict]:
    """Each message: its number, its header fields, its body lines up to the signature ("-- "), which of
    those are its own (not "> " quotes, not the "… wrote:" attribution line), and its signature lines."""
    messages = []
    for block in _blocks(digest):
        if not block[0].startswith("Message: "):
            continue
        blank = block.index("")
        headers = dict(line.split(": ", 1) for line in block[1:blank])
        body = block[blank + 1 :]
        sig = body.index("-- ")
        text = body[:sig]
        messages.append(
            {
                "n": int(block[0].removeprefix("Message: ")),
                "headers": headers,
                "text": text,
                "own": [line for line in text if not line.startswith(">") and not line.endswith(" wrote:")],
                "quoted": [line for line in text if line.startswith(">")],
                "signature": body[sig + 1 :],
            }
        )
    return messages


class TestTune34WellFormed(WellFormed):
    SET = TUNE34

    def test_the_telegraph_is_a_cls_stream_copied_as_text(self, reports: dict[str, str]) -> None:
        stream = reports[TELEGRAPH]
        lines = stream.splitlines()
        assert (
            "<" not in stream
            and "](" not in stream
            and "**" not in stream
            and not re.search(r"(?m)^#", stream)
        )
        # the app's chrome: top bar, tabs, the 看盘 strip with index figures, and the footer
        assert lines[0] == "财联社" and lines[1].startswith("首页  电报  盯盘")
        assert lines[2].startswith("电报  |  全部  加红")
        assert lines[3].startswith("看盘  上证指数 ") and len(re.findall(r"[+-]\d+\.\d+%", lines[3])) == 5
        assert "加载更多" in lines and lines[-1].startswith("© 2027 财联社")
        assert not URL.search("\n".join(lines[:4] + lines[lines.index("加载更多") :]))
        # two day separators, 13 January 2027 (a Wednesday) above 12 January (a Tuesday)
        days = [line for line in lines if DAY.fullmatch(line)]
        assert days == ["2027年01月13日 星期三", "2027年01月12日 星期二"]
        items = _items(stream)
        assert len(items) == 9
        assert [i["day"] for i in items] == sorted((i["day"] for i in items), reverse=True)
        for day in {i["day"] for i in items}:  # newest first within a day
            times = [i["time"] for i in items if i["day"] == day]
            assert times == sorted(times, reverse=True) and len(set(times)) == len(times)
        for item in items:
            dateline = f"财联社{item['day'].month}月{item['day'].day}日电，"
            assert item["text"].startswith(dateline), item["text"]
            assert not URL.search(item["headline"] + item["text"])
        # two items marked 加红; one item with two 原文 lines, one citing nothing, the rest one each
        assert sum(i["red"] for i in items) == 2 and stream.count(RED) == 2
        assert sorted(len(i["urls"]) for i in items) == [0] + [1] * 7 + [2]
        # every cited URL sits on an item's own 原文 line
        assert sorted(u for i in items for u in i["urls"]) == sorted(URL.findall(stream))
        unsourced = next(i for i in items if not i["urls"])
        assert re.search(r"\d", unsourced["text"])
        # the dead link is an item's only link, and only this report cites it
        assert [i["urls"] for i in items if DEAD in i["urls"]] == [[DEAD]] and DEAD not in reports[DIGEST]

    def test_telegraph_labels_rest_on_their_own_item(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        stream = reports[TELEGRAPH]
        cited = set(URL.findall(stream))
        items = _items(stream)
        for item in labels:
            if item["report"] != TELEGRAPH:
                continue
            owners = [i for i in items if item["quote"] in i["headline"] or item["quote"] in i["text"]]
            assert len(owners) == 1, item["quote"]
            if owners[0]["urls"]:  # the item's own 原文 links, never another item's
                assert item["source_urls"] == owners[0]["urls"], item
            else:  # the item citing nothing: the report's own pages or nothing
                assert set(item["source_urls"]) <= cited, item

    def test_the_digest_is_a_mailman_digest(self, reports: dict[str, str]) -> None:
        digest = reports[DIGEST]
        lines = digest.splitlines()
        assert "<html" not in digest.lower() and "](" not in digest
        # digest header: issue line, submission / subscription chrome, Today's Topics
        assert lines[0] == "AI-Infra Digest, Vol 4, Issue 2"
        assert lines[2] == "Send AI-Infra mailing list submissions to"
        assert "\thttps://lists.ai-infra.example/mailman/listinfo/ai-infra" in lines
        topics_at = lines.index("Today's Topics:")
        topics = [
            re.fullmatch(r"   (\d)\. (.+) \((.+)\)", line) for line in lines[topics_at + 2 : topics_at + 11]
        ]
        assert all(topics) and [int(m.group(1)) for m in topics] == list(range(1, 10))  # type: ignore[union-attr]
        blocks = _blocks(digest)
        assert blocks[0][0] == lines[0] and len(blocks) == 12
        assert blocks[-2][0] == "Subject: Digest Footer" and "AI-Infra mailing list" in blocks[-2]
        assert blocks[-1] == ["End of AI-Infra Digest, Vol 4, Issue 2", "*" * 38]
        messages = _messages(digest)
        assert [m["n"] for m in messages] == list(range(1, 10))
        sent = []
        for message, topic in zip(messages, topics, strict=True):
            headers = message["headers"]
            assert list(headers) == ["Date", "From", "To", "Subject"], headers
            assert headers["To"] == "ai-infra@lists.ai-infra.example"
            # the Today's Topics line gives the subject without the list tag, and the sender's name
            assert headers["Subject"].replace("[AI-Infra] ", "") == topic.group(2)  # type: ignore[union-attr]
            assert headers["From"].startswith(topic.group(3) + " <")  # type: ignore[union-attr]
            date = email.utils.parsedate_to_datetime(headers["Date"])
            assert headers["Date"].startswith("Tue, 12 Jan 2027 ") and date.date() == dt.date(2027, 1, 12)
            sent.append(date)
            assert message["signature"] and not URL.search("\n".join(message["signature"]))
        assert sent == sorted(sent) and dt.date(2027, 1, 12).weekday() == 1  # arrival order, a Tuesday
        # replies quote an earlier message by the author they name: each "> " line repeats one of its lines
        replies = [m for m in messages if m["headers"]["Subject"].startswith("Re: ")]
        assert len(replies) == 3
        for reply in replies:
            attribution = next(line for line in reply["text"] if line.endswith(" wrote:"))
            author = attribution.removesuffix(" wrote:")
            source = next(
                m for m in messages if m["n"] < reply["n"] and m["headers"]["From"].startswith(author)
            )
            assert source["headers"]["Subject"] in reply["headers"]["Subject"]
            for line in reply["quoted"]:
                assert line in {">", "> [...]"} or line[2:] in source["text"], line
            # it quotes a link too, which is not the reply's citation
            assert any(URL.search(line) for line in reply["quoted"])
        # URLs bare or in <angle brackets>; one message links nothing
        own = [u for m in messages for line in m["own"] for u in URL.findall(line)]
        assert any(line.startswith("<http") for m in messages for line in m["own"])
        assert any(line.startswith("http") for m in messages for line in m["own"])
        assert set(own) == set(URL.findall(digest))
        unsourced = [m for m in messages if not any(URL.search(line) for line in m["own"])]
        assert len(unsourced) == 1 and re.search(r"\d", "".join(unsourced[0]["own"]))

    def test_digest_labels_rest_on_their_own_message(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        digest = reports[DIGEST]
        cited = set(URL.findall(digest))
        messages = _messages(digest)
        for item in labels:
            if item["report"] != DIGEST:
                continue
            owners = [m for m in messages if any(item["quote"] in line for line in m["own"])]
            assert len(owners) == 1, item["quote"]
            assert not any(item["quote"] in line for m in messages for line in m["quoted"] + m["signature"])
            own = [u for line in owners[0]["own"] for u in URL.findall(line)]
            if own:  # the message's own links, never those of the text it quotes
                assert item["source_urls"] == own, item
            else:  # the message linking nothing: the digest's own pages or nothing
                assert set(item["source_urls"]) <= cited, item

    def test_sizes_languages_and_citations_across_languages(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        for text in reports.values():
            assert 4 * 1024 <= len(text.encode("utf-8")) <= 7 * 1024
        sources = self.SET.sources
        for entry in manifest.values():
            if "file" in entry:
                assert 3 * 1024 <= (sources / entry["file"]).stat().st_size <= 9 * 1024, entry["file"]
        langs = page_languages(manifest, sources)
        chinese = {u for u, lang in langs.items() if lang.startswith("zh")}
        assert chinese == {SINA, LEIPHONE, PEDAILY, CTEE, MINGPAO}
        assert langs[SINA] == langs[LEIPHONE] == langs[PEDAILY] == "zh-CN"
        assert langs[CTEE] == "zh-Hant-TW" and langs[MINGPAO] == "zh-Hant-HK"
        assert all(lang.startswith("en") for u, lang in langs.items() if u not in chinese)
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for urls in cited.values():  # each report cites English and Chinese pages
            assert urls & chinese and (urls & set(langs)) - chinese
        assert cited[TELEGRAPH] & cited[DIGEST] == {CTEE, MINGPAO, PRN, VERGE}
        assert cited[TELEGRAPH] | cited[DIGEST] == set(manifest)

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # dates and weekdays the pages state; relative dates each report resolves against its own date
        assert (
            "1月14日（周四）起至1月19日（下周二）招股" in texts[MINGPAO]
            and dt.date(2027, 1, 14).weekday() == 3
        )
        assert "預計1月22日（周五）在主板掛牌" in texts[MINGPAO] and dt.date(2027, 1, 22).weekday() == 4
        assert "暗盤交易將於1月21日（周四）下午進行" in texts[MINGPAO]
        assert "SANTA CLARA, Calif., Jan. 7, 2027" in texts[PRN] and dt.date(2027, 1, 7).weekday() == 3
        assert "Pellucid AI is launching Quill 3 on Monday" in texts[VERGE] and "Jan 11, 2027" in texts[VERGE]
        assert "annualized revenue passed $2 billion in December" in texts[VERGE]
        assert "2027.01.08" in texts[CTEE] and "嘉義二廠預計今年第二季投產" in texts[CTEE]
        assert (
            "2027-01-13 09:12" in texts[PEDAILY]
            and "芜湖智算中心二期预计2027年第三季度投产" in texts[PEDAILY]
        )
        assert "broke ground on Friday" in texts[DCK] and dt.date(2027, 1, 8).weekday() == 4
        # tables whose unit is only in a caption or a column header
        assert "项目 本报告期（亿元） 上年同期（亿元） 增减变动幅度（%）" in texts[SINA]
        assert "扣除非经常性损益后的归属于母公司所有者的净利润 4.93 1.33 270.7" in texts[SINA]
        assert (
            "錦程半導體近期營收（單位：新台幣億元）" in texts[CTEE]
            and "2026年全年 951.3 — 52.6%" in texts[CTEE]
        )
        assert (
            "(in thousands, except per share data)" in joined
            and "Net revenue 2,184,612 1,950,540 1,340,253" in joined
        )
        # a correction note giving the stale figure
        assert "Correction, January 11, 2027" in texts[DCK]
        assert "said the first phase would cost $3.1 billion" in texts[DCK]
        assert "Ardent Grid says the first phase will cost $3.6 billion." in texts[DCK]
        # a complete list, with a name said not to be on it
        assert "Jincheng Semiconductor, Ruiqi Technology and Anvers Test Systems" in texts[DIGITIMES]
        assert (
            "Kaiyuan Packaging, which had been in qualification since mid-2026, was not selected"
            in texts[DIGITIMES]
        )
        # figures of another basis, pair, company, period or role next to the claimed ones
        assert (
            "GAAP diluted earnings per share of $1.07; non-GAAP diluted earnings per share of $1.46"
            in texts[PRN]
        )
        assert "up 63% year over year and up 12% sequentially" in texts[PRN]
        assert "扣除非经常性损益后的归属于母公司所有者的净利润4.93亿元" in texts[SINA]
        assert "集資最多約28億港元，扣除費用後集資淨額約26.4億港元" in texts[MINGPAO]
        assert "獨家保薦人為嘉晟融資（香港）" in texts[MINGPAO] and "包括北岸資本" in texts[MINGPAO]
        assert "$3 per million input tokens and $12 per million output tokens" in texts[VERGE]
        assert "with 1,402 points, behind Orison Labs' Orison-2 at 1,431" in texts[VERGE]
        assert (
            "Jincheng will handle about 60% of HX9 back-end volume, with Ruiqi taking 25%" in texts[DIGITIMES]
        )
        assert "月減3.2%" in texts[CTEE] and "錦程為全球第三大先進封裝廠" in texts[CTEE]
        assert "新台幣180億元" in texts[CTEE] and "翊辰2025年收入人民幣12.4億元" in texts[MINGPAO]
        assert "由北岸资本领投" in texts[PEDAILY] and "本轮由衡岳资本领投" in texts[PEDAILY]
        assert "是溯光-M3（12.8万tokens）的4倍" in texts[LEIPHONE]
        assert "以MIT协议开源了140亿参数的轻量版溯光-M4-Lite的全部权重" in texts[LEIPHONE]
        assert "will host up to 600MW of IT capacity" in texts[DCK]
        assert "显存带宽3.2TB/s" in texts[SINA] and "基本每股收益1.58元" in texts[SINA]
        # pages that say they do not disclose a figure a label asks for
        assert "快报未披露第四季度单季营收" in texts[SINA]
        assert "公司未披露本轮投后估值" in texts[PEDAILY]
        assert "Halden does not name its customers" in texts[PRN]
        assert "Ardent did not disclose what the full campus will cost" in texts[DCK]
        assert "溯光智能未披露溯光-M4的总参数规模" in texts[LEIPHONE]
        assert "Pellucid declined to say how many parameters Quill 3 has" in texts[VERGE]
        # a citation-scope trap in each report: the claim is on a page another part of the report cites
        assert "溯光-M4在北澄算力芜湖智算中心完成训练" in texts[LEIPHONE] and "溯光" not in texts[PEDAILY]
        assert "up 81% year over year" in texts[PRN] and "81%" not in texts[DIGITIMES]
        # figures nowhere on the cited pages
        assert "0.25" not in texts[VERGE]
        assert not any("4%" in texts[u] or "premarket" in texts[u].lower() for u in (PRN, CNBC))
        digest_pages = [texts[u] for u in (CTEE, MINGPAO, PRN, VERGE, DCK, SOFT_404, PAYWALL, DIGITIMES)]
        assert "62,000" in texts[CNBC] and not any("62,000" in t or "60,000" in t for t in digest_pages)
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "91.2" not in texts[SOFT_404] and "100,000" not in texts[SOFT_404] and "$850M" in texts[SOFT_404]
        )
        assert "$3.4" not in texts[PAYWALL] and "35%" not in texts[PAYWALL] and "$3.6bn" in texts[PAYWALL]
        assert len(texts[PAYWALL].split("Subscribe to unlock this article")[0]) < 1500
