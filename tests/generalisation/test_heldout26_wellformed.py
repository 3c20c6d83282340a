"""heldout26: a held-out set of two invented reports (10–12 December 2026), an offline archive of the pages they
cite and 75 hand labels, written blind to the engine. ``WellFormed`` checks its labels against its reports and
its archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(a Traditional-Chinese LINE group chat exported as plain text, an English Mastodon thread exported as plain
text), that each label rests on exactly the URLs its report's citation scope gives it, that each report cites
pages in the other language, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s「」，。、）()<>\"]+")

CHAT = "l1_line_chat_tc.txt"
THREAD = "m1_mastodon_thread_en.txt"

SOFT_404 = "https://siliconangle.com/2026/12/09/kestrel-motion-lands-norrvik-actuator-deal/"
PAYWALL = "https://www.21jingji.com/article/20261209/herald/8c3f1a52e7d94b60.html"
DEAD = "https://www.norrvik.com/news/introducing-stride-2"
UDN = "https://money.udn.com/money/story/5612/8429173"
HKET = "https://inews.hket.com/article/3987452"
TECHNEWS = "https://technews.tw/2026/12/07/yunxiu-data-taoyuan-ai-datacenter/"
BEIJING = "https://kw.beijing.gov.cn/art/2026/12/3/art_736_712948.html"

HELDOUT26 = LabelledSet(
    "heldout26",
    by_report={
        CHAT: {"verified": 17, "contradicted": 13, "unverified": 8},
        THREAD: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 15, "count": 13, "percent": 11, "date": 9, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Oops! That page can't be found.",  # soft 404 answering 200
        PAYWALL: "本文为21财经会员专享内容，开通会员阅读全文",  # paywall stub
    },
)

# ---------------------------------------------------------------------------------------------------------
# the LINE chat export

LINE_DATE = re.compile(r"(\d{4})/(\d{2})/(\d{2})（([一二三四五六日])）")
LINE_MESSAGE = re.compile(r"(\d{2}:\d{2})\t([^\t]+)\t(.+)")
LINE_SYSTEM = re.compile(r"(\d{2}:\d{2})\t([^\t]+(?:已收回訊息|加入群組。))")
REPLY = re.compile(r"回覆 ([^：]+)：「([^」]+)」")
WEEKDAYS = "一二三四五六日"
SUMMARY_OPENER = "整理一下今天重點"


@dataclass
class Message:
    day: str
    time: str
    name: str
    lines: list[str]
    urls: list[str] = field(default_factory=list)

    @property
    def own_text(self) -> str:
        """The message's own words: its lines without URLs and without a reply's quoted 「…」 line."""
        first = self.lines[0]
        if REPLY.fullmatch(first):
            first = ""
        return "\n".join([first] + [x for x in self.lines[1:] if not URL.fullmatch(x)])


def _chat(text: str) -> tuple[list[Message], list[str], list[str]]:
    """The chat's messages in order, its date lines and its system lines."""
    messages: list[Message] = []
    dates: list[str] = []
    system: list[str] = []
    day = ""
    for line in text.splitlines()[3:]:
        if not line:
            continue
        if LINE_DATE.fullmatch(line):
            day = line
            dates.append(line)
            continue
        if m := LINE_MESSAGE.fullmatch(line):
            messages.append(Message(day, m.group(1), m.group(2), [m.group(3)]))
        elif LINE_SYSTEM.fullmatch(line):
            system.append(line)
            messages.append(Message(day, line[:5], "", []))  # closes the message before it
        else:
            assert messages and messages[-1].lines, f"continuation line with no message: {line!r}"
            messages[-1].lines.append(line)
    messages = [m for m in messages if m.lines]
    for m in messages:
        m.urls = [u for x in m.lines for u in URL.findall(x)]
    return messages, dates, system


# ---------------------------------------------------------------------------------------------------------
# the Mastodon thread export

AUTHOR = "@mirelle@hachyderm.io"
TOOT_HEADER = re.compile(r"(@[\w.]+@[\w.-]+) · (Dec \d{1,2}, 2026, \d{2}:\d{2})")
BOOST = re.compile(r"🔁 (@[\w.]+@[\w.-]+) boosted:")
COUNTER = re.compile(r"🧵 (\d+)/9")
REACTIONS = re.compile(r"↩ \d+ · 🔁 \d+ · ⭐ \d+")
HASHTAGS = re.compile(r"#\w+(?: #\w+)*")
CW = re.compile(r"CW: [^\d]+")


@dataclass
class Toot:
    handle: str
    when: dt.datetime
    part: str  # "thread", "boost" or "reply"
    cw: str | None
    text: list[str]
    hashtags: list[str]
    urls: list[str]
    counter: int | None

    @property
    def body(self) -> str:
        return "\n".join(self.text)


def _toot(lines: list[str], part: str) -> Toot:
    header = TOOT_HEADER.fullmatch(lines[0])
    assert header, lines[0]
    rest = lines[1:]
    assert REACTIONS.fullmatch(rest[-1]), rest[-1]  # every toot ends with its reactions line
    rest = rest[:-1]
    counter = None
    if rest and (c := COUNTER.fullmatch(rest[-1])):
        counter = int(c.group(1))
        rest = rest[:-1]
    urls = []
    while rest and URL.fullmatch(rest[-1]):  # links sit on their own lines after the text and hashtags
        urls.insert(0, rest.pop())
    hashtags = []
    while rest and HASHTAGS.fullmatch(rest[-1]):
        hashtags.insert(0, rest.pop())
    cw = None
    if rest and rest[0].startswith("CW: "):
        cw = rest.pop(0)
        assert CW.fullmatch(cw), cw
    assert rest, lines
    when = dt.datetime.strptime(header.group(2), "%b %d, %Y, %H:%M")
    return Toot(header.group(1), when, part, cw, rest, hashtags, urls, counter)


def _thread(text: str) -> list[Toot]:
    blocks = [b.splitlines() for b in text.strip("\n").split("\n\n")]
    toots: list[Toot] = []
    part = "thread"
    for block in blocks[1:]:
        if block == ["Replies"]:
            part = "reply"
            continue
        if BOOST.fullmatch(block[0]):
            assert part == "thread", block
            toots.append(_toot(block[1:], "boost"))
        else:
            toots.append(_toot(block, part))
    return toots


def _summary_toot(toots: list[Toot]) -> Toot:
    return next(t for t in toots if t.counter == 9)


class TestHeldout26WellFormed(WellFormed):
    SET = HELDOUT26

    # ---- report shapes -----------------------------------------------------------------------------------

    def test_the_chat_is_a_line_group_export(self, reports: dict[str, str]) -> None:
        chat = reports[CHAT]
        lines = chat.splitlines()
        assert "<" not in chat and "](" not in chat and "**" not in chat
        # header: "[LINE] …的聊天記錄", the 儲存日期 line, a blank line
        assert lines[0].startswith("[LINE] ") and lines[0].endswith("聊天記錄") and not URL.search(lines[0])
        assert re.fullmatch(r"儲存日期：2026/12/12 \d{2}:\d{2}", lines[1]) and lines[2] == ""
        messages, dates, system = _chat(chat)
        # three day lines 2026/12/10（四）… with the right weekdays, each after a blank line
        assert [d[:10] for d in dates] == ["2026/12/10", "2026/12/11", "2026/12/12"]
        for d in dates:
            y, mo, da, wd = LINE_DATE.fullmatch(d).groups()  # type: ignore[union-attr]
            assert WEEKDAYS[dt.date(int(y), int(mo), int(da)).weekday()] == wd, d
            assert lines[lines.index(d) - 1] == "", d
        # messages are HH:MM<TAB>name<TAB>text, in time order within a day
        for a, b in zip(messages, messages[1:], strict=False):
            if a.day == b.day:
                assert a.time <= b.time, (a.time, b.time)
        assert len({m.name for m in messages}) >= 5
        # stickers and photos are whole one-line messages; system lines (unsent, invited) carry no name
        stickers = [m for m in messages if m.lines == ["[貼圖]"]]
        photos = [m for m in messages if m.lines == ["[照片]"]]
        assert len(stickers) >= 4 and len(photos) >= 2
        assert all(x in ("[貼圖]", "[照片]") or "[" not in x for m in messages for x in m.lines)
        assert len(system) == 2 and not any(re.search(r"\d", s[5:]) for s in system)
        # some messages run over continuation lines; every URL is a continuation line of its own
        assert sum(len(m.lines) > 2 for m in messages) >= 3
        for line in lines:
            if URL.search(line):
                assert URL.fullmatch(line), line
        # replies: "回覆 name：「…」" quoting an earlier message of that member, then the reply's own words
        replies = [m for m in messages if REPLY.fullmatch(m.lines[0])]
        assert len(replies) == 3
        for r in replies:
            who, quoted = REPLY.fullmatch(r.lines[0]).groups()  # type: ignore[union-attr]
            earlier = messages[: messages.index(r)]
            assert any(m.name == who and quoted in m.lines[0] for m in earlier), r.lines[0]
            assert len(r.lines) >= 2
        assert any(re.search(r"\d", REPLY.fullmatch(r.lines[0]).group(2)) for r in replies)  # type: ignore[union-attr]
        # one member's closing "整理一下今天重點" message: four numbered points, no link
        summary = [m for m in messages if m.lines[0].startswith(SUMMARY_OPENER)]
        assert len(summary) == 1 and summary[0].day == dates[-1] and not summary[0].urls
        assert [x[:3] for x in summary[0].lines[1:5]] == ["1. ", "2. ", "3. ", "4. "]
        # every other message stating a figure carries its own link
        for m in messages:
            if m is summary[0] or not re.search(r"\d", m.own_text):
                continue
            assert m.urls, m.lines

    def test_chat_labels_rest_on_the_links_in_their_own_message(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        messages, _, _ = _chat(reports[CHAT])
        cited = set(URL.findall(reports[CHAT]))
        summary = next(m for m in messages if m.lines[0].startswith(SUMMARY_OPENER))
        for item in labels:
            if item["report"] != CHAT:
                continue
            owners = [m for m in messages if item["quote"] in m.own_text]
            assert len(owners) == 1, item["quote"]  # never inside a reply's quoted 「…」
            msg = owners[0]
            assert msg.lines not in (["[貼圖]"], ["[照片]"])
            if msg is summary:  # the unsourced summary: the chat's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
            else:  # the URLs inside the message itself, in order; never the quoted message's
                assert item["source_urls"] == msg.urls, item

    def test_the_thread_is_a_mastodon_export(self, reports: dict[str, str]) -> None:
        thread = reports[THREAD]
        lines = thread.splitlines()
        assert "<" not in thread and "](" not in thread and "**" not in thread
        assert (
            lines[0] == "Mastodon thread export"
            and lines[1].startswith("Thread by ")
            and f"({AUTHOR})" in lines[1]
        )
        assert lines[2].startswith("Exported Dec 12, 2026") and lines[3] == ""
        toots = _thread(thread)
        own = [t for t in toots if t.part == "thread"]
        boosts = [t for t in toots if t.part == "boost"]
        replies = [t for t in toots if t.part == "reply"]
        # the author's numbered posts 🧵 1/9 … 9/9, in time order
        assert all(t.handle == AUTHOR for t in own) and [t.counter for t in own] == list(range(1, 10))
        assert [t.when for t in own] == sorted(t.when for t in own)
        assert all(t.counter is None for t in boosts + replies)
        # one boost of another account's toot, shown under "🔁 @… boosted:", placed inside the thread
        assert len(boosts) == 1 and boosts[0].handle != AUTHOR and boosts[0].urls
        assert sum(bool(BOOST.fullmatch(x)) for x in lines) == 1
        assert toots.index(boosts[0]) < toots.index(own[-1])
        # a Replies section of toots by others (and one answer by the author, without a link or a figure)
        assert lines.count("Replies") == 1 and len(replies) == 4
        assert sum(t.handle != AUTHOR for t in replies) == 3
        assert all(t.body.startswith("@") for t in replies)
        # content warnings are no claims: three of them, none with a figure
        assert sum(t.cw is not None for t in toots) == 3
        # hashtags on the author's posts; every toot's links on their own lines
        assert all(t.hashtags for t in own)
        for line in lines:
            if URL.search(line):
                assert URL.fullmatch(line), line
        # the opening post has no figure and no link; the closing post sums up and cites nothing
        assert not own[0].urls and not re.search(r"\d", own[0].body)
        closing = _summary_toot(toots)
        assert closing is own[-1] and not closing.urls and closing.body.startswith("To sum up:")
        # every other toot stating a figure carries its own link
        for t in toots:
            if t is closing:
                continue
            if re.search(r"\d", t.body):
                assert t.urls, t.body

    def test_thread_labels_rest_on_the_links_of_their_own_toot(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        toots = _thread(reports[THREAD])
        cited = set(URL.findall(reports[THREAD]))
        closing = _summary_toot(toots)
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [t for t in toots if item["quote"] in t.body]
            assert len(owners) == 1, item["quote"]  # never a header, a CW line, hashtags or reactions
            toot = owners[0]
            if toot is closing:  # the unsourced summary: the thread's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                assert item["source_urls"] or item["verdict"] == "unverified", item
            else:  # a toot's own links (a boosted toot's and a reply's included), never the thread's others
                assert item["source_urls"] == toot.urls, item
        # the boosted toot and the replies carry labels of their own
        parts = {
            t.part for item in labels if item["report"] == THREAD for t in toots if item["quote"] in t.body
        }
        assert parts == {"thread", "boost", "reply"}

    # ---- the archive ---------------------------------------------------------------------------------------

    def test_the_reports_cite_pages_in_the_other_language(
        self, labels: list[dict], reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        chat_cited = set(URL.findall(reports[CHAT])) & set(langs)
        thread_cited = set(URL.findall(reports[THREAD])) & set(langs)
        assert len({u for u in chat_cited if langs[u].startswith("en")}) >= 3
        zh = {u for u in thread_cited if langs[u].startswith("zh")}
        assert len(zh) >= 3 and any(langs[u].startswith("zh-Hant") for u in zh)
        # and labels rest on them
        on_en = [
            i
            for i in labels
            if i["report"] == CHAT and any(langs.get(u, "").startswith("en") for u in i["source_urls"])
        ]
        on_zh = [
            i
            for i in labels
            if i["report"] == THREAD and any(langs.get(u, "").startswith("zh") for u in i["source_urls"])
        ]
        assert len(on_en) >= 10 and len(on_zh) >= 10
        assert any(langs.get(u) == "zh-Hant-TW" for i in on_zh for u in i["source_urls"])

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # every page: a lang attribute, site chrome, an inline script, a cookie banner
        for url, entry in manifest.items():
            if "file" not in entry:
                continue
            raw = (sources / entry["file"]).read_text(encoding="utf-8")
            assert re.search(r'<html lang="[\w-]+">', raw), url
            assert "<script>" in raw and "<footer" in raw and re.search(r'<nav>|class="[\w-]*nav"', raw), url
            assert re.search(r"(?i)cookie", raw), url
        # about half the pages in Chinese, three of them in Traditional characters
        langs = page_languages(manifest, sources)
        assert sum(v.startswith("zh") for v in langs.values()) == 6
        assert sorted(v for v in langs.values() if v.startswith("zh-Hant")) == [
            "zh-Hant-HK",
            "zh-Hant-TW",
            "zh-Hant-TW",
        ]
        assert langs[UDN] == "zh-Hant-TW" and langs[HKET] == "zh-Hant-HK" and langs[BEIJING] == "zh-CN"
        # tables whose unit is only in a caption or a header
        assert (
            "靈犀具身主要財務數據（人民幣百萬元） 項目 2024年 2025年 2026年上半年 收入 218.4 612.7 435.2"
            in joined
        )
        assert "拟支持资金（万元） 1 星垣动力（北京）科技有限公司 12,000 60 4,800" in joined
        assert "(in thousands, except per share data) (unaudited)" in joined
        assert "Revenue 412,614 299,002 1,470,208 1,122,301" in joined
        assert "Table 1: Benchmark results (accuracy, %)" in joined
        # a correction note revising a figure
        assert (
            "【更正】本文原誤植總投資金額為新台幣480億元，經雲岫數據確認應為新台幣420億元" in texts[TECHNEWS]
        )
        assert "宣布總投資新台幣420億元" in texts[TECHNEWS]
        # complete lists, each with a name said not to be on it
        assert "three pilot partners: Hallwick Logistics, Brenmoor Foods and Castell Auto Parts" in joined
        assert (
            "Dunmore Retail, which had been reported as a customer earlier this year, is not among them"
            in joined
        )
        assert (
            "共建单位共三家，分别为：星垣动力（北京）科技有限公司、北京智衡数据科技有限公司和中关村具身智能创新中心"
            in joined
        )
        assert "灵犀具身智能（北京）有限公司申报的项目因训练场场地条件尚未落实，本批次不予支持" in joined
        # organisations in neighbouring roles
        assert (
            "聯席保薦人為華嶺證券及恒曜資本（亞洲），整體協調人除兩家聯席保薦人外，還包括北辰國際證券及鼎豐證券"
            in joined
        )
        assert "本轮由青麓资本领投，禾川基金、岚山产业投资跟投，老股东万壑创投继续超额跟投" in joined
        assert "2025年9月，星垣完成6亿元B轮融资，由万壑创投领投" in joined
        assert "Ireland's Data Protection Commission (DPC), Lumora's lead privacy regulator" in joined
        assert "the European Commission's AI Office, which enforces the AI Act's rules" in joined
        assert (
            "led by Ashgrove Ventures" in joined
            and "Kellan Peak Capital and Meridale Partners participated" in joined
        )
        # figures of another period beside the right ones
        assert "up 38% year over year and up 9% sequentially" in joined
        assert "岱宇10月營收為12.10億元" in joined and "累計前11月營收108.27億元" in joined
        assert "2025年共交付人形機器人1,260台，2026年上半年交付1,840台" in joined
        assert "a $180 million Series B led by Fjordline at a valuation of $1.1 billion" in joined
        # two subjects' figures in one sentence
        assert "同業鈞達傳動11月營收3.62億元、年減4.8%，岱宇則已連續五個月營收年增逾倍" in joined
        assert (
            "Actuators revenue was $158.3 million, up 74% year over year, while Industrial Drives" in joined
        )
        assert (
            "the DPC has imposed on an artificial intelligence company, after the 390 million euros" in joined
        )
        # pages that decline to give a figure a label asks for
        for declined in (
            "公司未透露明年資本支出金額",
            "招股書未有提供2026年全年盈利預測",
            "公司未披露本轮估值",
            "雲岫未透露主要租戶名稱",
            "Norrvik declined to disclose revenue",
            "We are not disclosing the number or type of accelerators used for training.",
        ):
            assert declined in joined, declined
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "$600 million" not in texts[SOFT_404] and "20,000" not in texts[SOFT_404]
        assert "supply" not in texts[SOFT_404].lower()
        assert (
            "800" not in texts[PAYWALL] and "Jadeport" not in texts[PAYWALL] and "保荐" not in texts[PAYWALL]
        )
        # what the unsourced summaries claim beyond their pages is on none of them
        assert "機器人族群" not in joined and "10萬台" not in joined and "100,000" not in joined
        assert "$3bn" not in joined and "3 billion" not in joined and "mid-2027" not in joined
