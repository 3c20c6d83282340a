"""Well-formedness of the heldout31 held-out set (tests/fixtures/heldout31/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese digest of Taiwan listed-company 重大訊息 in the style of 公開資訊觀測站, an English news
feed exported as Atom XML with HTML-escaped entry content), that each label rests on exactly the URLs its
report's citation scope gives it, and that the pages carry the formats, weekdays, languages and sizes the
labels rely on. Only the set's totals are ever printed when the engine is measured on it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import xml.etree.ElementTree as ET

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

# a cited URL: never the feed's own site (its self / alternate links), never the Atom namespace (http://)
URL = re.compile(r"https://(?!www\.tidelinewire\.com/)[^\s\"<>，；。（）()]+")
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_SITE = "https://www.tidelinewire.com/"

DIGEST = "b1_mops_digest_tc.txt"
FEED = "b2_atom_feed_en.txt"

MOPS_JC = "https://mopsov.twse.com.tw/mops/web/t05st01?step=1&co_id=6937&spoke_date=1151228&seq_no=2"
MOPS_HY = "https://mopsov.twse.com.tw/mops/web/t05st01?step=1&co_id=4992&spoke_date=1151230&seq_no=1"
EDN = "https://money.udn.com/money/story/5612/8451937"
PAYWALL = (
    "https://asia.nikkei.com/Business/Technology/Artificial-intelligence/"
    "Kestrel-AI-in-talks-to-raise-new-funding-ahead-of-Orrin-3-launch"
)
SOFT_404 = "https://technews.tw/2026/12/30/weili-glass-substrate-equipment/"
FOCUS = "https://focustaiwan.tw/business/202612280019"
KR36 = "https://36kr.com/p/3107465218937856"
TAIPEI_TIMES = "https://www.taipeitimes.com/News/biz/archives/2026/12/30/2003849512"
DEAD = "https://www.juyipower.com.tw/zh-tw/investor/news/20261231-texas-subsidiary"

HELDOUT31 = LabelledSet(
    "heldout31",
    by_report={
        DIGEST: {"verified": 16, "contradicted": 12, "unverified": 9},
        FEED: {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 24, "fact": 14, "percent": 12, "date": 11, "count": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "抱歉，您要找的頁面不存在或已被移除。",  # soft 404 answering 200
        PAYWALL: "Subscribe to read the full story",  # paywall stub
    },
)

FIELDS = ("公司代號", "公司名稱", "發言日期", "發言時間", "主旨", "符合條款", "說明")
FIELD_VALUE = {
    "公司代號": r"\d{4}",
    "公司名稱": r"\S+",
    "發言日期": r"115/12/\d\d",
    "發言時間": r"\d\d:\d\d:\d\d",
    "主旨": r"\S.*",
    "符合條款": r"第\d+款",
    "說明": r"",
}
NUMBERED = re.compile(r"(\d+)\.\S.*")
SOURCE_LINE = re.compile(r"資料來源：(https://\S+)")
WEEKDAY_ZH = "一二三四五六日"
ZH_DATED = re.compile(r"(\d{4})-(\d\d)-(\d\d)[\s\d:（]{0,10}(?:星期|週)([一二三四五六日])")
EN_DATED = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*, ([A-Z][a-z]{2})[a-z]* (\d{1,2}), (\d{4})")


def _digest_blocks(digest: str) -> list[list[str]]:
    """The digest's blank-line separated blocks, each a list of its lines."""
    return [block.splitlines() for block in digest.strip("\n").split("\n\n")]


def _announcements(digest: str) -> list[list[str]]:
    return [b for b in _digest_blocks(digest) if b[0].startswith("公司代號：")]


def _entries(feed: str) -> list[str]:
    """The raw text of each <entry> … </entry> of the feed, in order."""
    return re.findall(r"<entry>\n.*?\n</entry>", feed, flags=re.S)


def _entry_body(entry: str) -> str:
    """The raw (escaped) text of an entry's <content type="html"> or <summary>."""
    m = re.search(r'<content type="html">(.*?)</content>|<summary>(.*?)</summary>', entry, flags=re.S)
    assert m, entry
    return m.group(1) or m.group(2)


def _entry_urls(entry: str) -> set[str]:
    """An entry's own citations: its <link href>s and the href of any escaped anchor in its own body."""
    links = set(re.findall(r'<link rel="(?:alternate|related)" type="text/html" href="([^"]+)"/>', entry))
    anchors = set(re.findall(r'&lt;a href="([^"]+)"&gt;', _entry_body(entry)))
    return links | anchors


def _subtitle(feed: str) -> str:
    m = re.search(r"<subtitle>(.*?)</subtitle>", feed, flags=re.S)
    assert m
    return m.group(1)


class TestHeldout31WellFormed(WellFormed):
    SET = HELDOUT31

    def test_the_digest_is_a_mops_style_digest_of_announcement_blocks(self, reports: dict[str, str]) -> None:
        digest = reports[DIGEST]
        assert "](" not in digest and "<" not in digest and "**" not in digest
        assert not re.search(r"(?m)^#", digest)
        lines = digest.splitlines()
        assert lines[0].startswith("上市櫃公司重大訊息週報") and not URL.search(lines[0])
        assert lines[1] == "出刊日期：2027年1月2日（週六）"
        assert dt.date(2027, 1, 2).weekday() == WEEKDAY_ZH.index("六")
        assert lines[2].startswith("彙整期間：115/12/28至115/12/31")
        blocks = _digest_blocks(digest)
        # the desk editor's 編按: one paragraph, the second block, citing nothing
        assert len(blocks[1]) == 1 and blocks[1][0].startswith("編按：") and not URL.search(blocks[1][0])
        assert re.search(r"\d", blocks[1][0])  # it holds checkable figures
        announcements = _announcements(digest)
        assert len(announcements) == 6 and blocks[2:8] == announcements
        assert blocks[-1] == ["（本週報僅彙整公開資訊，不構成任何投資建議。）"]
        dates = []
        for block in announcements:
            # the seven fields in MOPS order, one a line, then numbered 說明 lines, then 資料來源 line(s)
            for line, name in zip(block, FIELDS, strict=False):
                assert re.fullmatch(f"{name}：{FIELD_VALUE[name]}", line), line
            assert block[6] == "說明："
            body = block[7:]
            sources = [line for line in body if line.startswith("資料來源：")]
            numbered = body[: len(body) - len(sources)]
            assert sources and body[-len(sources) :] == sources, block  # the source lines close the block
            assert all(SOURCE_LINE.fullmatch(s) for s in sources), sources
            numbers = [int(NUMBERED.fullmatch(n).group(1)) for n in numbered]  # type: ignore[union-attr]
            assert numbers == list(range(1, len(numbered) + 1)), block
            assert not any(URL.search(n) for n in numbered) and not URL.search("\n".join(block[:7]))
            dates.append(block[2].removeprefix("發言日期："))
        assert dates == sorted(dates)  # ordered by 發言日期
        # every URL sits on a 資料來源 line; one block cites two pages
        on_lines = {m.group(1) for line in lines if (m := SOURCE_LINE.fullmatch(line))}
        assert set(URL.findall(digest)) == on_lines
        assert any(len([x for x in b if x.startswith("資料來源：")]) == 2 for b in announcements)

    def test_digest_labels_rest_on_their_own_block(self, labels: list[dict], reports: dict[str, str]) -> None:
        digest = reports[DIGEST]
        cited = set(URL.findall(digest))
        blocks = _digest_blocks(digest)
        for item in labels:
            if item["report"] != DIGEST:
                continue
            owners = [b for b in blocks if any(item["quote"] in line for line in b)]
            assert len(owners) == 1, item["quote"]
            block = owners[0]
            line = next(x for x in block if item["quote"] in x)
            if block[0].startswith("編按："):  # unsourced: the digest's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
                continue
            assert NUMBERED.fullmatch(line), item  # a 說明 line, never a header field or the 主旨
            own = {m.group(1) for x in block if (m := SOURCE_LINE.fullmatch(x))}
            assert set(item["source_urls"]) == own, item

    def test_the_feed_is_atom_xml_with_escaped_html_entries(self, reports: dict[str, str]) -> None:
        feed = reports[FEED]
        assert feed.startswith(
            '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"'
        )
        root = ET.fromstring(feed.encode("utf-8"))
        assert root.tag == f"{ATOM}feed"
        # feed-level metadata: title and subtitle cite nothing; its own links point at the feed's site
        assert root.findtext(f"{ATOM}title") == "Tideline Wire: AI Hardware & Models"
        assert "&amp;" in feed.split("<entry>", 1)[0]
        subtitle = root.findtext(f"{ATOM}subtitle") or ""
        assert subtitle and not URL.search(subtitle) and re.search(r"\d", subtitle)
        own = [link.get("href", "") for link in root.findall(f"{ATOM}link")]
        assert {link.get("rel") for link in root.findall(f"{ATOM}link")} == {"self", "alternate"}
        assert own and all(h.startswith(FEED_SITE) for h in own) and not any(URL.search(h) for h in own)
        assert root.findtext(f"{ATOM}updated") == "2027-01-03T07:30:00Z"
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == 9 and len(_entries(feed)) == 9
        published = []
        for entry in entries:
            assert (entry.findtext(f"{ATOM}id") or "").startswith("tag:tidelinewire.com,")
            assert entry.findtext(f"{ATOM}author/{ATOM}name")
            title = entry.findtext(f"{ATOM}title") or ""
            assert title and not URL.search(title)
            links = entry.findall(f"{ATOM}link")
            assert links and all(
                link.get("rel") == "alternate" and URL.fullmatch(link.get("href", "")) for link in links
            )
            pub, upd = entry.findtext(f"{ATOM}published") or "", entry.findtext(f"{ATOM}updated") or ""
            assert pub <= upd <= "2027-01-03T07:30:00Z"
            published.append(pub)
            content, summary = entry.find(f"{ATOM}content"), entry.find(f"{ATOM}summary")
            assert (content is None) != (summary is None)  # one or the other
            if content is not None:  # HTML, escaped in the XML: <p> once parsed, &lt;p&gt; in the raw file
                assert content.get("type") == "html" and (content.text or "").startswith("<p>")
        assert published == sorted(published, reverse=True)  # newest first
        assert sum(e.find(f"{ATOM}summary") is not None for e in entries) == 1
        # the raw file holds the markup escaped: &lt;p&gt;, &lt;strong&gt;, an escaped anchor and &amp;amp;
        assert "<p>" not in feed and feed.count("&lt;p&gt;") >= 8 and "&lt;strong&gt;" in feed
        assert "&amp;amp;" in feed and "R&amp;D" not in feed
        assert sum("&lt;a href=" in e for e in _entries(feed)) == 1
        # every cited URL is an entry's <link> (or the escaped anchor duplicating one)
        linked = set().union(*(_entry_urls(e) for e in _entries(feed)))
        assert set(URL.findall(feed)) == linked
        for e in _entries(feed):
            anchors = set(re.findall(r'&lt;a href="([^"]+)"&gt;', _entry_body(e)))
            assert anchors <= set(re.findall(r'<link rel="alternate" type="text/html" href="([^"]+)"/>', e))

    def test_feed_labels_rest_on_their_own_entry(self, labels: list[dict], reports: dict[str, str]) -> None:
        feed = reports[FEED]
        cited = set(URL.findall(feed))
        entries = _entries(feed)
        subtitle = _subtitle(feed)
        for item in labels:
            if item["report"] != FEED:
                continue
            quote = item["quote"]
            assert "&" not in quote and "<" not in quote, item  # reads the same escaped or unescaped
            if quote in subtitle:  # unsourced: the feed's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
                continue
            owners = [e for e in entries if quote in e]
            assert len(owners) == 1, quote
            assert quote in html.unescape(_entry_body(owners[0])), item  # in the body, never the title
            assert set(item["source_urls"]) == _entry_urls(owners[0]), item

    def test_each_report_cites_english_and_chinese_pages(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for name, urls in cited.items():
            live = [u for u in urls if u in langs]
            assert any(langs[u].startswith("zh") for u in live), name
            assert any(langs[u].startswith("en") for u in live), name
        assert cited[DIGEST] & cited[FEED] == {EDN, FOCUS, TAIPEI_TIMES}
        assert DEAD in cited[DIGEST] and SOFT_404 in cited[DIGEST] and PAYWALL in cited[FEED]

    def test_page_languages_and_sizes(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sorted(langs.values()).count("zh-Hant-TW") == 4 and list(langs.values()).count("zh-CN") == 1
        assert {langs[u] for u in (MOPS_JC, MOPS_HY, EDN, SOFT_404)} == {"zh-Hant-TW"}
        assert langs[KR36] == "zh-CN"
        assert sum(lang.startswith("en") for lang in langs.values()) == 7
        for url, entry in manifest.items():
            if "file" in entry:
                size = (sources / entry["file"]).stat().st_size
                assert 3000 <= size <= 9000, (url, size)
        texts = live_page_texts(manifest, sources)
        assert "創單月歷史新高" in texts[EDN] and "單位：新台幣億元" in texts[EDN]  # Traditional characters
        assert "亿元" in texts[KR36] and "億元" not in texts[KR36]  # Simplified characters

    def test_weekdays_on_pages_match_their_dates(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        found = 0
        for url, text in texts.items():
            for y, m, d, w in ZH_DATED.findall(text):
                assert dt.date(int(y), int(m), int(d)).weekday() == WEEKDAY_ZH.index(w), url
                found += 1
            for w, mon, d, y in EN_DATED.findall(text):
                day = dt.datetime.strptime(f"{mon} {d} {y}", "%b %d %Y").date()
                assert day.strftime("%a") == w, url
                found += 1
        assert found == 5  # 經濟日報, 36氪, DCD, Varro, Taipei Times
        # weekdays written into the stories agree with their datelines
        assert dt.date(2026, 12, 28).strftime("%A") == "Monday"
        assert "Taipei, Dec. 28 (CNA)" in texts[FOCUS] and "said Monday it had signed" in texts[FOCUS]
        reuters = next(u for u in texts if "reuters.com" in u)
        assert "Dec 17 (Reuters)" in texts[reuters] and "said on Thursday" in texts[reuters]
        assert dt.date(2026, 12, 17).strftime("%A") == "Thursday"

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption
        assert "昱衡電子近期營收（單位：新台幣億元）" in joined and "2026年10月 45.80 2.1% 31.5%" in joined
        assert "(in millions, except per share data and percentages)" in joined
        assert "Revenue 3,480 3,053 2,035" in joined
        # a correction note giving the stale figure and the current one
        assert (
            "Correction, December 22, 2026" in joined
            and "first phase would be 400MW; Norvale says it is 300MW" in joined
        )
        # a complete list, with the name the digest adds said not to be on it
        assert "共三地之AI伺服器機櫃組裝與測試產能" in joined and "越南廠不在本次預算範圍內" in joined
        # ROC dates on the filings
        assert "民國117年第一季開始量產" in texts[MOPS_JC] and "訂於116年2月24日召開" in texts[MOPS_HY]
        # distractors: other subjects', tranches', bases' and periods' figures beside the claimed ones
        assert "NT$9.7 billion contract" in texts[FOCUS] and "NT$8.5 billion contract" in texts[FOCUS]
        assert "GAAP gross margin of 58.4%; non-GAAP gross margin of 61.7%" in joined
        assert "led Quillon's $180 million Series B" in joined and "led by Brightmoor Partners" in joined
        assert "前次私募（113年）募集金額新台幣21.6億元" in texts[MOPS_HY] and "18,500千股" in texts[MOPS_HY]
        assert "for the first 11 months rose 41.2 percent" in texts[TAIPEI_TIMES]
        assert "US$650 million" in texts[TAIPEI_TIMES]
        assert "第四季營收將季增8%至10%" in texts[EDN] and "營收年減12%" in texts[EDN]
        assert "2025年6月完成3.5亿元A+轮融资" in texts[KR36]
        # pages that say they do not give a figure a label asks for
        assert "不揭露個別客戶名稱及訂單金額" in texts[MOPS_JC] and "公司並未提供2027年全年財測" in texts[EDN]
        assert "Ellison declined to disclose Quillon's gross margin" in joined
        assert "we are not disclosing Sable-4's parameter count" in joined
        assert "Norvale did not say which accelerators it would deploy" in joined
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "崴立" not in texts[SOFT_404]
            and "27.4" not in texts[SOFT_404]
            and "玻璃基板" not in texts[SOFT_404]
        )
        assert "1.5 billion" not in texts[PAYWALL] and "March" not in texts[PAYWALL]
