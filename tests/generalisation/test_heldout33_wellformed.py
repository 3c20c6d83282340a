"""Well-formedness of the heldout33 held-out set (tests/fixtures/heldout33/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine reads only its totals.
``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404, one
paywall stub); the tests here check the shapes of its two reports (a Simplified-Chinese 豆瓣小组 thread
copied from the web page, an English Google Alerts digest e-mail saved as plain text), that each label rests
on exactly the URLs its report's citation scope gives it, and that the pages carry the features the labels
rely on (dates and weekdays, languages, sizes, tables whose unit is only in a caption or header, a
correction note, pages that say they do not disclose a figure).
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

# a cited URL: any http(s) URL but Google's own (the alert's redirect wrapper and its chrome links); inside
# a redirect wrapper it is the url= parameter, which ends at the next "&"
URL = re.compile(r"https?://(?!www\.google\.com/)[^\s<>&，。；）]+")
OP_HEADER = re.compile(r"来自: (\S+)  (2027-01-10 \d{2}:\d{2}:\d{2})  (\S+)")
REPLY_HEADER = re.compile(r"(\S+)( 楼主)?  (2027-01-10 \d{2}:\d{2}:\d{2})  (\S+)")
OP_COUNTERS = re.compile(r"赞 \(\d+\)  收藏 \(\d+\)  转发 \(\d+\)")
REPLY_COUNTERS = re.compile(r"赞\(\d+\)  回应")
QUOTE_LINE = re.compile(r"引用 (\S+?)：(.+)……")
MENTION = re.compile(r"@(\S+?) ")
LINK = re.compile(
    r"<https://www\.google\.com/url\?rct=j&sa=t&url=(https?://[^&\s>]+)&ct=ga&cd=[\w-]+&usg=[\w-]+>"
)
FLAG = "Flag as irrelevant"

THREAD = "d1_douban_group_sc.txt"
ALERT = "g1_google_alerts_en.txt"
CLS_36KR = "https://36kr.com/p/3091846612345601"
UDN = "https://money.udn.com/money/story/5612/8471936"
REUTERS = (
    "https://www.reuters.com/technology/kestrel-photonics-raises-640-million-tamarack-led-round-2027-01-06/"
)
HKET = "https://inews.hket.com/article/3381402"
BW = (
    "https://www.businesswire.com/news/home/20270107005318/en/"
    "Marlow-Interconnect-Reports-Second-Quarter-Fiscal-2027-Financial-Results"
)
TC = "https://techcrunch.com/2027/01/05/lumenfold-aster-4-million-token-context/"
PAYWALL = "https://www.bloomberg.com/news/articles/2027-01-08/norrland-compute-weighs-debut-bond-sale-to-fund-nordic-ai-campuses"
DCD = "https://www.datacenterdynamics.com/en/news/norrland-compute-plans-420mw-ai-campus-in-northern-sweden/"
STCN = "https://www.stcn.com/article/detail/1486320.html"
SOFT_404 = "https://www.theregister.com/2027/01/09/marlow_crestline_5_slip/"
NIKKEI = (
    "https://asia.nikkei.com/Business/Tech/Semiconductors/Marlow-picks-three-optics-suppliers-for-1.6T-switch"
)
QBITAI = "https://www.qbitai.com/2027/01/171204.html"
DEAD = "https://www.qingqiong.cn/news/20261222-b-round.html"

HELDOUT33 = LabelledSet(
    "heldout33",
    by_report={
        THREAD: {"verified": 17, "contradicted": 13, "unverified": 8},
        ALERT: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 31, "fact": 13, "count": 11, "percent": 10, "date": 9, "version": 1},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we can't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe to continue reading.",  # paywall stub
    },
)


def _posts(thread: str) -> list[dict]:
    """The thread's posts in order (the 楼主 post first): name, time, whether the 楼主 wrote it, and its
    body lines (between its header and its 赞 counters line)."""
    posts: list[dict] = []
    current: dict | None = None
    for line in thread.splitlines():
        op, reply = OP_HEADER.fullmatch(line), REPLY_HEADER.fullmatch(line)
        if op or reply:
            assert current is None, line
            if op:
                current = {"name": op.group(1), "time": op.group(2), "op": True, "lines": []}
            else:
                assert reply
                current = {
                    "name": reply.group(1),
                    "time": reply.group(3),
                    "op": bool(reply.group(2)),
                    "lines": [],
                }
            posts.append(current)
        elif current is not None and (OP_COUNTERS.fullmatch(line) or REPLY_COUNTERS.fullmatch(line)):
            current = None
        elif current is not None and line:
            current["lines"].append(line)
    assert current is None
    return posts


def _own_lines(post: dict) -> list[str]:
    """A post's own text: its body lines but its 引用 lines (text quoted from another post)."""
    return [line for line in post["lines"] if not line.startswith("引用 ")]


def _alert_parts(alert: str) -> tuple[str, list[list[str]], list[list[str]]]:
    """The subscriber's editor's note, then the NEWS items and the WEB items, each item its five lines."""
    lines = alert.splitlines()
    note = next(line for line in lines if line.startswith("Editor's note"))
    news_at, web_at = lines.index("NEWS"), lines.index("WEB")
    end = lines.index("See more results | Edit this alert")

    def items(chunk: list[str]) -> list[list[str]]:
        blocks = "\n".join(chunk).strip("\n").split("\n\n")
        return [block.splitlines() for block in blocks]

    return note, items(lines[news_at + 1 : web_at]), items(lines[web_at + 1 : end])


class TestHeldout33WellFormed(WellFormed):
    SET = HELDOUT33

    def test_the_thread_is_a_douban_group_page_copied_as_text(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        lines = thread.splitlines()
        assert (
            "<" not in thread
            and "](" not in thread
            and "**" not in thread
            and not re.search(r"(?m)^#", thread)
        )
        # site chrome, group name and member count, the thread title, the 楼主 header, the reply bar, footer
        assert lines[0] == "豆瓣" and lines[1].startswith("首页  浏览发现  话题  小组")
        group = lines.index("算力民工互助会")
        assert re.fullmatch(r"小组成员 [\d,]+ 人  ·  加入小组  ·  发言", lines[group + 1])
        title = next(line for line in lines if line.startswith("【讨论】"))
        assert not URL.search(title)
        assert lines.index(title) < next(i for i, line in enumerate(lines) if OP_HEADER.fullmatch(line))
        assert "回应  只看楼主  按时间排序" in lines and "> 我来回应" in lines
        assert lines[-2].startswith("© 2005－2027 douban.com") and "返回算力民工互助会小组" in lines
        posts = _posts(thread)
        op = posts[0]
        assert op["op"] and op["time"] == "2027-01-10 21:14:05" and len(posts) == 14
        assert sum(bool(OP_COUNTERS.fullmatch(line)) for line in lines) == 1
        assert sum(bool(REPLY_COUNTERS.fullmatch(line)) for line in lines) == len(posts) - 1
        # 回应 in time order, all on the report's date (a Sunday); the 楼主 replies twice, marked 楼主
        times = [dt.datetime.fromisoformat(p["time"]) for p in posts]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert dt.date(2027, 1, 10).weekday() == 6
        marked = [p for p in posts[1:] if p["op"]]
        assert len(marked) == 2 and all(p["name"] == op["name"] for p in marked)
        names = [p["name"] for p in posts]
        # @mentions and 引用 lines name earlier posters; a 引用 line repeats the start of that poster's post
        mentions = [(i, m) for i, p in enumerate(posts) for line in p["lines"] for m in MENTION.findall(line)]
        assert len(mentions) >= 3 and all(m in names[:i] for i, m in mentions)
        quoted = 0
        for i, post in enumerate(posts):
            for line in post["lines"]:
                if line.startswith("引用 "):
                    m = QUOTE_LINE.fullmatch(line)
                    assert m and m.group(1) in names[:i], line
                    source = next(p for p in posts[:i] if p["name"] == m.group(1))
                    assert _own_lines(source)[0].startswith(m.group(2)), line
                    assert not URL.search(line)
                    quoted += 1
        assert quoted == 2
        # every URL sits on a post's own line; some posts link nothing (unsourced), and say something checkable
        own = [URL.findall(line) for p in posts for line in _own_lines(p)]
        assert sorted(u for found in own for u in found) == sorted(URL.findall(thread))
        unsourced = [p for p in posts if not any(URL.search(line) for line in _own_lines(p))]
        assert len(unsourced) == 2 and all(re.search(r"\d", "".join(p["lines"])) for p in unsourced)
        # the dead link is posted by a 回应, and only this thread cites it
        assert DEAD in thread and DEAD not in reports[ALERT]

    def test_thread_labels_rest_on_their_own_post(self, labels: list[dict], reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        cited = set(URL.findall(thread))
        posts = _posts(thread)
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [p for p in posts if any(item["quote"] in line for line in _own_lines(p))]
            assert len(owners) == 1, item["quote"]
            assert not any(
                item["quote"] in line for p in posts for line in p["lines"] if line.startswith("引用 ")
            )
            own = {u for line in _own_lines(owners[0]) for u in URL.findall(line)}
            if own:  # a post's own links, never another post's, nor those of text it quotes
                assert set(item["source_urls"]) == own, item
            else:  # an unsourced 回应: the thread's own pages or nothing
                assert set(item["source_urls"]) <= cited, item

    def test_the_alert_is_a_google_alerts_digest_saved_as_text(self, reports: dict[str, str]) -> None:
        alert = reports[ALERT]
        lines = alert.splitlines()
        assert "](" not in alert and "**" not in alert and "<html" not in alert.lower()
        # mail header lines, dated Monday 11 January 2027
        assert lines[0] == "From: Google Alerts <googlealerts-noreply@google.com>"
        assert lines[1] == "Date: Mon, 11 Jan 2027 06:02:17 -0800" and dt.date(2027, 1, 11).weekday() == 0
        assert lines[2] == 'Subject: Google Alert - "AI infrastructure"' and lines[3].startswith("To: ")
        assert lines[4] == ""
        # the subscriber's editor's note sits above the alert body and cites nothing
        note, news, web = _alert_parts(alert)
        assert lines.index(note) == 5 and not URL.search(note) and "<" not in note
        assert lines.index(note) < lines.index("Google Alerts") < lines.index("NEWS") < lines.index("WEB")
        assert '"AI infrastructure"' in lines and "Weekly update ⋅ January 11, 2027" in lines
        # items: headline, source, snippet with "..." elisions, the Google redirect link line, the flag line
        assert len(news) == 7 and len(web) == 2
        for item in news + web:
            assert len(item) == 5, item
            headline, source, snippet, link, flag = item
            assert not URL.search(headline + source + snippet) and "..." in snippet
            assert LINK.fullmatch(link), link
            assert flag == FLAG
        assert lines.count(FLAG) == 9
        # footer chrome
        assert "You have received this email because you have subscribed to Google Alerts." in lines
        assert any(line.startswith("Unsubscribe <https://www.google.com/alerts/remove?") for line in lines)
        assert any(line.startswith("Receive this alert as RSS feed") for line in lines)
        # every cited URL is an item's link; Google's own URLs are not citations
        linked = [LINK.fullmatch(item[3]).group(1) for item in news + web]  # type: ignore[union-attr]
        assert sorted(linked) == sorted(URL.findall(alert)) and len(set(linked)) == 9
        assert alert.count("https://www.google.com/") == 12
        # one English item carries a stale headline, another a headline in Traditional Chinese
        assert "420MW" in "".join(i[0] for i in news) and any(i[1] == "經濟日報" for i in news)

    def test_alert_labels_rest_on_their_own_item(self, labels: list[dict], reports: dict[str, str]) -> None:
        alert = reports[ALERT]
        cited = set(URL.findall(alert))
        note, news, web = _alert_parts(alert)
        for item in labels:
            if item["report"] != ALERT:
                continue
            owners = [i for i in news + web if item["quote"] in "\n".join(i[:3])]
            if item["quote"] in note:  # the unsourced editor's note: the digest's own pages or nothing
                assert not owners
                assert set(item["source_urls"]) <= cited, item
            else:  # an item's own link, never another item's
                assert len(owners) == 1, item["quote"]
                url = LINK.fullmatch(owners[0][3]).group(1)  # type: ignore[union-attr]
                assert item["source_urls"] == [url], item

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
        assert chinese == {CLS_36KR, UDN, HKET, STCN, QBITAI}
        assert langs[CLS_36KR] == langs[STCN] == langs[QBITAI] == "zh-CN"
        assert langs[UDN] == "zh-Hant-TW" and langs[HKET] == "zh-Hant-HK"
        assert all(lang.startswith("en") for u, lang in langs.items() if u not in chinese)
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for urls in cited.values():  # each report cites English and Chinese pages
            assert urls & chinese and (urls & set(langs)) - chinese
        assert cited[THREAD] & cited[ALERT] == {UDN, REUTERS, HKET, TC}
        assert cited[THREAD] | cited[ALERT] == set(manifest)

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # dates and weekdays the pages state, and a relative date each report resolves against its own date
        assert "January 6, 2027" in texts[REUTERS] and "Jan 6 (Reuters)" in texts[REUTERS]
        assert "said on Wednesday" in texts[REUTERS] and dt.date(2027, 1, 6).weekday() == 2
        assert "預計1月15日（周五）在主板掛牌" in texts[HKET] and dt.date(2027, 1, 15).weekday() == 4
        assert "今日（5日）起至下周二（12日）招股" in texts[HKET] and dt.date(2027, 1, 12).weekday() == 1
        assert "Lumenfold AI on Tuesday released Aster 4" in texts[TC] and dt.date(2027, 1, 5).weekday() == 1
        assert (
            "2026-12-22 10:15" in texts[CLS_36KR]
            and "庆阳智算中心一期将于明年第二季度投产" in texts[CLS_36KR]
        )
        assert "2027/01/08" in texts[UDN] and "預計今年第二季大量出貨" in texts[UDN]
        assert "run rate passed $870 million in December" in texts[TC]
        # tables whose unit is only in a caption or a column header
        assert "宏曜光電近期營收（單位：新台幣億元）" in joined and "2026年12月 52.8 6.4% 88.1%" in joined
        assert (
            "(in thousands, except per share data)" in joined
            and "Net revenue 1,268,412 1,163,540 899,577" in joined
        )
        assert "项目 本期预计（亿元） 上年同期（亿元）" in joined and "扣非净利润 1.4～1.8 -1.12" in joined
        # a correction note giving the stale figure
        assert "Correction, January 5, 2027" in texts[DCD] and "The campus is planned at 480MW." in texts[DCD]
        # a complete list, with a name said not to be on it
        assert "Hongyao Optoelectronics, Kestrel Photonics and Bayfield Optics" in texts[NIKKEI]
        assert (
            "Lindqvist Optics, which had sent samples to Marlow last year, was not selected" in texts[NIKKEI]
        )
        # figures of another basis, pair, company or period next to the claimed ones
        assert "GAAP gross margin of 61.8%; non-GAAP gross margin of 64.5%" in texts[BW]
        assert "12月800G光模組占營收比重約58%，1.6T產品占比約7%" in texts[UDN]
        assert "with a 19% share, behind Anzhou Photonics' 24%" in texts[NIKKEI]
        assert "第四季營收151.3億元" in texts[UDN] and "2026年全年營收512.6億元" in texts[UDN]
        assert "集資最多約46.3億港元，扣除費用後集資淨額約44.1億港元" in texts[HKET]
        assert "聯席保薦人為嘉泓證券及德潤融資（亞洲）" in texts[HKET] and "泓遠資本" in texts[HKET]
        assert "预计归属于母公司所有者的净利润为2.1亿元至2.6亿元" in texts[STCN]
        # pages that say they do not disclose a figure a label asks for
        assert "公司未披露其算力集群的GPU卡数量" in texts[CLS_36KR]
        assert "公司未披露第四季度单季营收及液冷产品毛利率" in texts[STCN]
        assert "但双方均未披露所用GPU数量" in texts[QBITAI]
        assert "Lumenfold did not disclose how many parameters Aster 4 has" in texts[TC]
        assert "Varga declined to disclose revenue" in texts[REUTERS]
        # a citation-scope trap in each report: the figure is on a page another part of the report cites
        assert "输入每百万tokens 1元" in texts[QBITAI] and "1元" not in texts[TC] and "Guizang-3" in texts[TC]
        assert "up 57% year over year" in texts[BW] and "57%" not in texts[NIKKEI]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "2028" not in texts[SOFT_404]
            and "$150 million" not in texts[SOFT_404]
            and "57%" in texts[SOFT_404]
        )
        assert "$2 billion" not in texts[PAYWALL] and "Nordhavn" not in texts[PAYWALL]
        assert len(texts[PAYWALL].split("Subscribe to continue reading.")[0]) < 1500
