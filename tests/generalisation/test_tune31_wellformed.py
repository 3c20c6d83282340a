"""Well-formedness of the tune31 development set (tests/fixtures/tune31/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English e-mail thread exported as plain text, with replies quoting earlier messages and one forwarded
message; a Simplified-Chinese short-video script with 【画面】/【口播】/【字幕】 cues and a numbered 参考来源
list), that each label rests on exactly the URLs its report's citation scope gives it, and that the pages
carry the weekdays, languages, sizes and formats the labels rely on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")
RULE = "=" * 72
FORWARD = "---------- Forwarded message ---------"
ATTRIBUTION = re.compile(r"On (\w{3}, \d{1,2} \w{3} \d{4}) at (\d{2}:\d{2}), (.+) wrote:")
HEADERS = ("From", "To", "Date", "Subject")
CUE = re.compile(r"【(画面|口播|字幕)】(.+)")
MARK = re.compile(r"\[(\d+)\]")
REF = re.compile(r"\[(\d+)\] ([^｜]+)｜(.+) (https://\S+)")
SEGMENTS = ("第一条 ", "第二条 ", "第三条 ", "第四条 ", "第五条 ", "第六条 ", "第七条 ")

THREAD = "e1_email_thread_en.txt"
SCRIPT = "v1_video_script_sc.txt"
SOFT_404 = "https://venturebeat.com/ai/auralis-4-passes-5000-enterprise-customers/"
PAYWALL = "https://www.theinformation.com/articles/halcyra-in-talks-to-acquire-chip-startup-quillon"
DEAD = "https://www.xitu-ai.cn/news/20261218-xitu-v3-release"
UDN = "https://money.udn.com/money/story/5612/8427391"
HKET = "https://inews.hket.com/article/3921846"
KR36 = "https://36kr.com/p/3105827461236480"
NIKKEI = "https://asia.nikkei.com/Business/Technology/Artificial-intelligence/China-s-Xitu-open-sources-trillion-parameter-AI-model"
GNW = (
    "https://www.globenewswire.com/news-release/2026/12/10/3187264/0/en/"
    "Northvale-Semiconductor-Reports-Third-Quarter-Fiscal-2027-Results.html"
)
SHARED = {
    KR36,
    UDN,
    HKET,
    NIKKEI,
    "https://techcrunch.com/2026/12/16/halcyra-raises-640m-series-c-to-expand-its-inference-cloud/",
    "https://auralislabs.ai/blog/introducing-auralis-4",
}

TUNE31 = LabelledSet(
    "tune31",
    by_report={
        THREAD: {"verified": 17, "contradicted": 12, "unverified": 9},
        SCRIPT: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 12, "percent": 12, "count": 12, "date": 11, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, the page you requested could not be found.",  # soft 404 answering 200
        PAYWALL: "To continue reading, subscribe to The Information.",  # paywall stub
    },
)

CN_WEEKDAYS = "一二三四五六日"
EN_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class Part:
    """One message of the thread, or the message forwarded inside one: its headers, its own text (no quoted
    lines, attributions or signature) and its quote blocks (attribution, quoted text)."""

    headers: dict[str, str]
    own: list[str]
    quotes: list[tuple[str, str]] = field(default_factory=list)
    full: str = ""
    forwarded: bool = False


def _headers(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    blank = lines.index("")
    pairs = [line.split(": ", 1) for line in lines[:blank]]
    return {k: v for k, v in pairs}, lines[blank + 1 :]


def _own_and_quotes(body: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    own: list[str] = []
    quotes: list[tuple[str, str]] = []
    in_signature = False
    for line in body:
        if line == "-- ":
            in_signature = True
        elif ATTRIBUTION.fullmatch(line):
            quotes.append((line, ""))
        elif line.startswith(">") or line == "[...]":
            attribution, text = quotes[-1]
            quotes[-1] = (attribution, f"{text} {line.removeprefix('>').strip()}")
        elif not in_signature:
            own.append(line)
    return own, quotes


def _thread(text: str) -> tuple[list[str], list[Part]]:
    """The export header lines and every part (messages and the forwarded message) in order."""
    chunks = text.split(f"\n{RULE}\n")
    parts: list[Part] = []
    for chunk in chunks[1:]:
        headers, body = _headers(chunk.strip("\n").splitlines())
        forwarded: list[str] = []
        if FORWARD in body:
            at = body.index(FORWARD)
            body, forwarded = body[:at], body[at + 1 :]
        own, quotes = _own_and_quotes(body)
        parts.append(Part(headers, own, quotes, " ".join(chunk.split())))
        if forwarded:
            fwd_headers, fwd_body = _headers(forwarded)
            fwd_own, fwd_quotes = _own_and_quotes(fwd_body)
            parts.append(Part(fwd_headers, fwd_own, fwd_quotes, " ".join(" ".join(forwarded).split()), True))
    return chunks[0].splitlines(), parts


def _rfc_date(value: str) -> datetime:
    return datetime.strptime(value, "%a, %d %b %Y %H:%M:%S %z")


def _gmail_date(value: str) -> datetime:
    return datetime.strptime(value, "%a, %b %d, %Y at %I:%M %p")


def _script(text: str) -> tuple[list[str], list[list[str]], dict[int, str]]:
    """The header lines, the body's blank-line separated blocks and the 参考来源 list (number -> URL)."""
    head, rest = text.split("\n\n", 1)
    body, refs = rest.split("\n参考来源\n")
    numbered = {}
    for line in refs.strip("\n").splitlines():
        m = REF.fullmatch(line)
        assert m, line
        numbered[int(m.group(1))] = m.group(4)
    return head.splitlines(), [b.splitlines() for b in body.strip("\n").split("\n\n")], numbered


class TestTune31WellFormed(WellFormed):
    SET = TUNE31

    def test_the_thread_is_an_exported_email_thread(self, reports: dict[str, str]) -> None:
        text = reports[THREAD]
        head, parts = _thread(text)
        assert "<html" not in text.lower() and "](" not in text and "**" not in text
        # the export header: the thread's subject, the export date (a Thursday) and the number of messages
        assert head[0] == "Thread: AI infra year-end memo: numbers to check"
        exported = re.search(r"on (\w{3}, \d{1,2} \w{3} \d{4}) (\d{2}:\d{2}) \+0000 \((\d) messages", head[1])
        assert exported and datetime.strptime(exported.group(1), "%a, %d %b %Y").date() == date(2026, 12, 31)
        assert exported.group(1).startswith(EN_DAYS[date(2026, 12, 31).weekday()])
        messages = [p for p in parts if not p.forwarded]
        forwarded = [p for p in parts if p.forwarded]
        assert len(messages) == int(exported.group(3)) == 5 and len(forwarded) == 1
        # every message has From / To / Date / Subject headers in that order, an RFC 2822 date whose weekday
        # is right, in order; replies say Re:, the forward says Fwd:
        times = []
        for p in messages:
            assert tuple(p.headers) == HEADERS, p.headers
            when = _rfc_date(p.headers["Date"])
            assert p.headers["Date"][:3] == EN_DAYS[when.weekday()]
            times.append(when)
        assert times == sorted(times) and times[-1].date() == date(2026, 12, 31)
        subjects = [p.headers["Subject"] for p in messages]
        assert subjects[0] == head[0].removeprefix("Thread: ") and subjects[1] == f"Re: {subjects[0]}"
        assert subjects[2] == f"Fwd: {forwarded[0].headers['Subject']}"
        assert subjects[3] == subjects[4] == f"Re: {subjects[2]}"
        # the forwarded message: Gmail's marker and header block (From, Date, Subject, To), sent before the forward
        assert text.count(FORWARD) == 1
        fwd = forwarded[0]
        assert tuple(fwd.headers) == ("From", "Date", "Subject", "To")
        fwd_time = _gmail_date(fwd.headers["Date"])
        assert fwd.headers["Date"][:3] == EN_DAYS[fwd_time.weekday()]
        assert fwd_time.replace(tzinfo=times[2].tzinfo) < times[2]
        # every message has a "-- " signature, and no signature or header carries a URL
        for chunk in text.split(f"\n{RULE}\n")[1:]:
            assert "\n-- \n" in chunk
            signature = chunk.split("\n-- \n", 1)[1].split(FORWARD)[0]
            assert not URL.search(signature), signature
        assert not any(URL.search(v) for p in parts for v in p.headers.values())
        # links are inline, in angle brackets, in the text of the message that uses them
        assert len(URL.findall(text)) == text.count("<https://")
        with_links = [p for p in parts if any(URL.search(line) for line in p.own)]
        assert len(with_links) == 5 and not any(URL.search(line) for line in messages[-1].own)
        # replies quote earlier messages: "On <date> at <time>, <name> wrote:" then "> " lines (trimmed with
        # [...]); the attribution names an earlier message and the quoted text is that message's text
        blocks = [(p, a, q) for p in messages for a, q in p.quotes]
        assert len(blocks) == 3
        for p, attribution, quoted in blocks:
            m = ATTRIBUTION.fullmatch(attribution)
            assert m and quoted.strip()
            source = [
                s
                for s in messages
                if s.headers["From"] == m.group(3)
                and s.headers["Date"].startswith(f"{m.group(1)} {m.group(2)}")
                and _rfc_date(s.headers["Date"]) < _rfc_date(p.headers["Date"])
            ]
            assert len(source) == 1, attribution
            for piece in quoted.split("[...]"):
                assert " ".join(piece.split()) in source[0].full, piece
        # the last message cites nothing of its own but is a summary of three lines
        summary = [line for line in messages[-1].own if line.startswith("- ")]
        assert len(summary) == 3

    def test_thread_labels_rest_on_the_links_of_their_own_message(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        text = reports[THREAD]
        _, parts = _thread(text)
        cited = set(URL.findall(text))
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [p for p in parts if any(item["quote"] in line for line in p.own)]
            assert len(owners) == 1, item[
                "quote"
            ]  # in a message's own text: never quoted text or a signature
            own = {u for line in owners[0].own for u in URL.findall(line)}
            if own:
                assert set(item["source_urls"]) == own, item
            else:  # a message citing nothing: the thread's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert item["verdict"] != "unverified" or not item["source_urls"], item
        # the scope traps: a forwarder's claim and a replier's claim whose confirming page is elsewhere
        by_key = {i["key"]: i for i in labels if i["report"] == THREAD}
        assert by_key["12 billion yuan"]["verdict"] == "unverified" and KR36 in text
        assert (
            by_key["about 70%"]["verdict"] == "unverified" and UDN not in by_key["about 70%"]["source_urls"]
        )

    def test_the_script_is_a_short_video_script(self, reports: dict[str, str]) -> None:
        text = reports[SCRIPT]
        assert "](" not in text and "<" not in text and "**" not in text and not re.search(r"(?m)^#", text)
        head, blocks, refs = _script(text)
        assert head[0].startswith("【选题】") and head[1].startswith("账号：")
        day = re.fullmatch(r"发布日期：(\d{4})年(\d{1,2})月(\d{1,2})日（星期(.)）｜.+", head[2])
        assert day
        published = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
        assert published == date(2027, 1, 1) and CN_WEEKDAYS[published.weekday()] == day.group(4)
        # 【开场】, seven segments 第一条 … 第七条 in order, 【结尾】; every other line is a cue
        assert blocks[0][0] == "【开场】" and blocks[-1][0] == "【结尾】"
        segments = blocks[1:-1]
        assert [b[0][:4] for b in segments] == list(SEGMENTS)
        for block in blocks:
            cues = [CUE.fullmatch(line) for line in block[1:]]
            assert all(cues), block
            kinds = [c.group(1) for c in cues if c]
            assert kinds[0] == "画面" and kinds.count("字幕") == 1 and kinds[-1] == "字幕" and "口播" in kinds
            talk = [c.group(2) for c in cues if c and c.group(1) == "口播"]
            if block in segments:  # each segment's 口播 paragraphs mark their sources with [n]
                assert all(MARK.search(t) for t in talk), block
            else:  # the opening and closing 口播 cite nothing
                assert not any(MARK.search(t) for t in talk), block
            for line in block:
                if not line.startswith("【口播】"):
                    assert not MARK.search(line) and not URL.search(line), line
        # 参考来源: [1] … [9], each "outlet｜title url"; every mark resolves and every source is marked
        assert sorted(refs) == list(range(1, 10))
        marks = {int(n) for b in blocks for line in b for n in MARK.findall(line)}
        assert marks == set(refs)
        assert set(URL.findall(text)) == set(refs.values()) and len(URL.findall(text)) == 9

    def test_script_labels_rest_on_the_marks_of_their_own_line(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        text = reports[SCRIPT]
        head, blocks, refs = _script(text)
        lines = [line for b in blocks for line in b]
        cited = set(refs.values())
        for item in labels:
            if item["report"] != SCRIPT:
                continue
            owners = [line for line in lines if item["quote"] in line]
            assert len(owners) == 1, item["quote"]
            line = owners[0]
            assert line.startswith(("【口播】", "【字幕】")), (
                item
            )  # never a heading, 【画面】 or the 参考来源 list
            marks = {refs[int(n)] for n in MARK.findall(line)}
            if marks:
                assert set(item["source_urls"]) == marks, item
            else:  # a 字幕 caption or the opening / closing 口播: unsourced (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
                assert item["verdict"] != "unverified" or not item["source_urls"], item
        # the dead link is the only source of its 口播 line
        dead_line = next(line for line in lines if "[9]" in line)
        assert MARK.findall(dead_line) == ["9"] and refs[9] == DEAD

    def test_pages_weekdays_languages_and_sizes(
        self, manifest: dict[str, dict], reports: dict[str, str]
    ) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        # every weekday a page shows agrees with its date
        found = 0
        for page in texts.values():
            for y, mo, d, w in re.findall(r"(\d{4})-(\d{2})-(\d{2}) \d{2}:\d{2} 星期(.)", page):
                assert CN_WEEKDAYS[date(int(y), int(mo), int(d)).weekday()] == w
                found += 1
            for y, mo, d, w in re.findall(r"(\d{4})年(\d{1,2})月(\d{1,2})日 星期(.)", page):
                assert CN_WEEKDAYS[date(int(y), int(mo), int(d)).weekday()] == w
                found += 1
            for w, d, mo, y in re.findall(
                r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (\w{3}) (\d{4})\b", page
            ):
                assert EN_DAYS[date(int(y), EN_MONTHS.index(mo) + 1, int(d)).weekday()] == w
                found += 1
            for w, mo, d, y in re.findall(r"\b([A-Z][a-z]+day), ([A-Z][a-z]+) (\d{1,2}), (\d{4})", page):
                assert datetime.strptime(f"{mo} {d} {y}", "%B %d %Y").strftime("%A") == w
                found += 1
        assert found == 5
        assert "on Friday released the weights of Xitu-V3" in texts[NIKKEI]  # 18 December 2026 was a Friday
        assert date(2026, 12, 18).weekday() == 4
        # languages: three Simplified, two Traditional (Taiwan, Hong Kong), seven English
        langs = page_languages(manifest, sources)
        assert sorted(langs.values()).count("zh-CN") == 3
        assert langs[UDN] == "zh-Hant-TW" and langs[HKET] == "zh-Hant-HK"
        assert sum(lang.startswith("en") for lang in langs.values()) == 7
        for url, lang in langs.items():
            if lang == "zh-CN":
                assert not re.search(r"[營發東資億萬鈞]", texts[url]), url
            elif lang.startswith("zh-Hant"):
                assert re.search(r"億", texts[url]) and not re.search(r"[亿万发东资]", texts[url]), url
        # sizes: pages 3–9 KB, reports 4–7 KB
        for entry in manifest.values():
            if "file" in entry:
                size = (sources / entry["file"]).stat().st_size
                assert 3 * 1024 <= size <= 9 * 1024, (entry["file"], size)
        for name, text in reports.items():
            assert 4 * 1024 <= len(text.encode("utf-8")) <= 7 * 1024, name
        # each report cites English and Chinese pages; six pages are cited by both
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for urls in cited.values():
            live = [u for u in urls if u in langs]
            assert any(langs[u].startswith("zh") for u in live) and any(
                langs[u].startswith("en") for u in live
            )
        assert cited[THREAD] & cited[SCRIPT] == SHARED
        assert DEAD in cited[SCRIPT] and GNW in cited[THREAD]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or a header
        assert "（单位：亿元）" in joined and "研发投入 8.94 6.11 46.32%" in joined
        assert "已投运算力（PFLOPS）" in joined and "京西智算中心 门头沟区 3,500 62" in joined
        assert "CodeRepair-Bench (% resolved) 71.2 58.9 52.4" in joined
        assert "(Unaudited; in millions of U.S. dollars, except per-share data)" in joined
        assert "Revenue 3,120 2,862 2,213 8,470 6,180" in joined
        # a correction note giving a stale figure
        assert "An earlier version of this article stated that phase one would draw 450MW." in joined
        assert "Pellucid has since told us phase one is 350MW" in joined
        # a complete list with a name said not to be on it
        assert (
            "承接平台共四家，分别为：" in joined
            and "朝阳数字经济算力中心因国产算力占比未达到50%的要求" in joined
        )
        # figures of other entities, periods, tranches and bases next to the claimed ones
        assert "AI服务器业务收入41.6亿元" in joined and "通用服务器业务收入15.3亿元" in joined
        assert "月增5.3%，年增38.6%" in joined and "前11月累計營收1兆1,082億元，年增29.4%" in joined
        assert "公開發售錄得超額認購2,318倍，國際配售超額認購15.6倍" in joined
        assert "所得款項總額約22.9億港元，扣除上市開支後淨額約21.4億港元" in joined
        assert "GAAP gross margin of 58.4%; non-GAAP gross margin of 61.7%" in joined
        assert "up 73% year over year" in joined and "up 37% from $6.18 billion" in joined
        assert "Orchard Point Capital and Sundial Growth also participated" in joined
        assert "聯席保薦人為維港資本及嘉泓證券；瑞灃證券為整體協調人" in joined
        # pages that say they do not disclose a figure
        assert "She declined to disclose the company's gross margin." in joined
        assert "Pellucid didn't say how many GPUs" in joined and "公司未给出全年业绩指引" in joined
        assert "公司未披露今年的营收规模" in joined and "也未透露AX72機櫃出貨量" in joined
        assert "We are not disclosing Auralis-4's parameter count or training compute." in joined
        assert "Xitu did not disclose how many chips were used for training" in joined
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "customers" not in texts[SOFT_404] and "5,000" not in texts[SOFT_404]
        assert (
            "Quillon" in texts[PAYWALL]
            and "$300" not in texts[PAYWALL]
            and "300 million" not in texts[PAYWALL]
        )
        assert "Q1" not in texts[PAYWALL] and "first quarter" not in texts[PAYWALL]
        # the forwarder's and the replier's pages do not carry what their claims would need
        assert "Rival Shuheng AI raised 1.8 billion yuan" in texts[NIKKEI] and "valu" not in texts[NIKKEI]
        assert "Junshuo" not in texts[GNW]
