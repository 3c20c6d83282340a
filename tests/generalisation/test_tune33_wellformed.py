"""Well-formedness of the tune33 development set (tests/fixtures/tune33/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English WebVTT transcript of a recorded research meeting saved as .txt, a Traditional-Chinese Mobile01
forum thread copied from the web page), that each label rests on exactly the URLs its report's citation
scope gives it (the speaker's turn; the floor's own text), and that the pages carry the features the
labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。「」]+")
CUE_ID = re.compile(r"[1-9]\d*")
TIMING = re.compile(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})")
VOICE = re.compile(r"<v ([A-Z][A-Za-z-]+ [A-Z][A-Za-z]+)>([^<>]+)</v>")
FLOOR = re.compile(r"#([1-9]\d*)( 樓主)?")
POSTED = re.compile(r"2027-01-09 (\d\d):(\d\d)")
QUOTE_BLOCK = re.compile(r"「引用 #([1-9]\d*) (\S+) 寫道：(.+)」")
SIG_RULE = "--------"
ACTIONS = "分享　檢舉　引用　回覆"

TRANSCRIPT = "t1_meeting_vtt_en.txt"
THREAD = "m1_mobile01_tc.txt"
HOST = "Tomasz Wierzbicki"

REUTERS = "https://www.reuters.com/technology/ai-startup-sablewing-labs-raises-24-billion-norhaven-led-round-2026-12-17/"
BUSINESSWIRE = "https://www.businesswire.com/news/home/20261216005731/en/Tarrow-Semiconductor-Reports-Third-Quarter-Fiscal-2027-Results"
TECHCRUNCH = (
    "https://techcrunch.com/2026/12/09/sablewing-launches-kite-4-with-a-1-million-token-context-window/"
)
SOFT_404 = "https://www.theregister.com/2026/12/21/halden_networks_800g_optics_orders/"
KR36 = "https://36kr.com/p/3101847265530882"
PAYWALL = "https://www.bloomberg.com/news/articles/2027-01-06/sablewing-labs-weighs-share-sale-for-staff"
UDN = "https://money.udn.com/money/story/5612/8463021"
HKET = "https://inews.hket.com/article/3918264"
YICAI = "https://www.yicai.com/news/102496385.html"
DIGITIMES = "https://www.digitimes.com/news/a20261230PD208/junshuo-thailand-ai-server-capex.html"
TRENDFORCE = "https://www.trendforce.com/presscenter/news/20261218-12871.html"
CNBC = "https://www.cnbc.com/2026/12/15/pellucid-cloud-2027-capex-ai-data-centers.html"
DEAD = "https://investors.pellucidcloud.com/news-releases/news-release-details/pellucid-cloud-breaks-ground-ohio-ai-campus"

TUNE33 = LabelledSet(
    "tune33",
    by_report={
        TRANSCRIPT: {"verified": 17, "contradicted": 13, "unverified": 9},
        THREAD: {"verified": 16, "contradicted": 12, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 28, "percent": 13, "fact": 12, "date": 10, "count": 10, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we can't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe to continue reading.",  # paywall stub
    },
)


def _seconds(groups: tuple[str, ...]) -> float:
    h, m, s, ms = (int(g) for g in groups)
    return h * 3600 + m * 60 + s + ms / 1000


def _cues(vtt: str) -> list[tuple[int, float, float, str, str]]:
    """The transcript's cues in order: (id, start, end, speaker, text)."""
    blocks = vtt.rstrip("\n").split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        assert len(lines) == 3, block  # id line, timing line, one text line with its voice tag
        assert CUE_ID.fullmatch(lines[0]), block
        timing, voice = TIMING.fullmatch(lines[1]), VOICE.fullmatch(lines[2])
        assert timing and voice, block
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        cues.append((int(lines[0]), start, end, voice.group(1), voice.group(2)))
    return cues


def _turns(vtt: str) -> list[tuple[str, list[str]]]:
    """The speaker turns: runs of consecutive cues of one speaker, as (speaker, cue texts)."""
    turns: list[tuple[str, list[str]]] = []
    for _, _, _, who, text in _cues(vtt):
        if turns and turns[-1][0] == who:
            turns[-1][1].append(text)
        else:
            turns.append((who, [text]))
    return turns


def _floors(thread: str) -> list[dict]:
    """The thread's floors: number, 樓主 flag, member, time, own lines, quote blocks, signature lines."""
    lines = thread.splitlines()
    starts = [i for i, line in enumerate(lines) if FLOOR.fullmatch(line)]
    floors = []
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else lines.index("1 / 1 頁　回上一頁　回文章列表")
        head = FLOOR.fullmatch(lines[i])
        assert head
        body = lines[i + 3 : end]
        assert body[0] == "" and ACTIONS in body, body
        body = body[1 : body.index(ACTIONS)]
        while body and body[-1] == "":
            body.pop()
        sig: list[str] = []
        if SIG_RULE in body:
            cut = body.index(SIG_RULE)
            body, sig = body[:cut], body[cut + 1 :]
        quotes = [QUOTE_BLOCK.fullmatch(line) for line in body if line.startswith("「引用")]
        assert all(quotes), body
        floors.append(
            {
                "n": int(head.group(1)),
                "op": bool(head.group(2)),
                "member": lines[i + 1],
                "time": lines[i + 2],
                "own": [line for line in body if not line.startswith("「引用")],
                "quotes": quotes,
                "sig": sig,
            }
        )
    return floors


class TestTune33WellFormed(WellFormed):
    SET = TUNE33

    def test_the_transcript_is_a_webvtt_file_with_voice_tags_and_links_in_cues(
        self, reports: dict[str, str]
    ) -> None:
        vtt = reports[TRANSCRIPT]
        assert 4 * 1024 <= len(vtt.encode("utf-8")) <= 7 * 1024
        assert vtt.startswith("WEBVTT\n\n") and vtt.endswith("\n")
        cues = _cues(vtt)
        # numbered cue ids 1…n, each cue a positive interval, cues in order and never overlapping
        assert [c[0] for c in cues] == list(range(1, len(cues) + 1))
        assert all(start < end for _, start, end, _, _ in cues)
        assert all(a[2] <= b[1] for a, b in zip(cues, cues[1:], strict=False))
        # every URL sits in a cue's text; the voice tags name five people, the host first and last
        assert set(URL.findall(vtt)) == {u for c in cues for u in URL.findall(c[4])}
        speakers = {c[3] for c in cues}
        assert len(speakers) == 5 and cues[0][3] == HOST and cues[-1][3] == HOST
        # the meeting is on Friday 8 January 2027, said in the host's first cue
        assert "Friday, January 8" in cues[0][4] and dt.date(2027, 1, 8).weekday() == 4
        turns = _turns(vtt)
        # a speaker's sentences run across several cues; links are read out or pasted ("link in chat")
        assert max(len(texts) for _, texts in turns) >= 6
        assert sum(len(texts) >= 2 for _, texts in turns) >= 8
        assert vtt.count("(link in chat: https://") >= 4
        # the host's opening recap cites nothing and holds checkable figures
        who, recap = turns[0]
        assert who == HOST and len(recap) == 4 and not URL.search(" ".join(recap))
        assert "$2.4 billion" in recap[1] and "$4.37 billion" in recap[2]
        # the host's other turns are short questions or the close, with no link
        assert all(not URL.search(" ".join(t)) for w, t in turns if w == HOST)
        # the dead link has a turn of its own; the soft 404 and the paywall share no turn with a full page
        own = [set(URL.findall(" ".join(t))) for _, t in turns]
        assert {DEAD} in own and {SOFT_404} in own and {TECHCRUNCH, PAYWALL} in own

    def test_transcript_labels_rest_on_their_speaker_turn(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        vtt = reports[TRANSCRIPT]
        turns = _turns(vtt)
        cited = set(URL.findall(vtt))
        unsourced = 0
        for item in labels:
            if item["report"] != TRANSCRIPT:
                continue
            owners = [(w, t) for w, t in turns if any(item["quote"] in text for text in t)]
            assert len(owners) == 1, item["quote"]  # a quote sits inside one cue of one turn
            who, texts = owners[0]
            own = set(URL.findall(" ".join(texts)))
            if own:  # the links said inside the same speaker's turn, never another turn's
                assert set(item["source_urls"]) == own, item
            else:  # the host's opening recap: the transcript's own pages or nothing (devset rule 2)
                assert who == HOST and set(item["source_urls"]) <= cited, item
                unsourced += 1
        assert unsourced == 4
        # the citation-scope trap: Rafael's 300,000 is confirmed only by CNBC, cited in Dev's turn
        trap = next(i for i in labels if i["report"] == TRANSCRIPT and i["key"] == "300,000")
        assert trap["verdict"] == "unverified" and trap["source_urls"] == [BUSINESSWIRE]
        assert any(CNBC in " ".join(t) and w == "Dev Raghunathan" for w, t in turns)

    def test_the_thread_is_a_mobile01_page_copy_with_floors_quotes_and_signatures(
        self, reports: dict[str, str]
    ) -> None:
        thread = reports[THREAD]
        assert 4 * 1024 <= len(thread.encode("utf-8")) <= 7 * 1024
        assert "<" not in thread and "](" not in thread and "**" not in thread
        lines = thread.splitlines()
        # breadcrumb, thread title, view / reply counts
        assert lines[0] == "Mobile01 › 投資與理財 › 股票"
        assert (
            lines[1].startswith("鈞碩12月營收")
            and not URL.search(lines[1])
            and not re.search(r"\d{3}", lines[1])
        )
        stats = re.fullmatch(r"瀏覽 [\d,]+ ｜ 回覆 (\d+) ｜ 追蹤 \d+", lines[2])
        assert stats
        floors = _floors(thread)
        assert [f["n"] for f in floors] == list(range(1, len(floors) + 1)) and int(stats.group(1)) == len(
            floors
        ) - 1
        # #1 is the 樓主, who posts again with the same name (and marked 樓主); nobody else is
        op = floors[0]["member"]
        assert floors[0]["op"] and all(f["op"] == (f["member"] == op) for f in floors)
        assert sum(f["op"] for f in floors) >= 2
        # post times on Saturday 9 January 2027, in order
        times = [POSTED.fullmatch(f["time"]) for f in floors]
        assert all(times) and dt.date(2027, 1, 9).weekday() == 5
        minutes = [int(m.group(1)) * 60 + int(m.group(2)) for m in times if m]
        assert minutes == sorted(minutes)
        by_n = {f["n"]: f for f in floors}
        for f in floors:
            # signatures carry no link and no figure but the member's own
            assert not any(URL.search(s) for s in f["sig"])
            # a quote block quotes an earlier floor by its number and member, in that floor's own words
            for q in f["quotes"]:
                n, who, said = int(q.group(1)), q.group(2), q.group(3)
                assert n < f["n"] and by_n[n]["member"] == who, q.group(0)
                said = said.removesuffix("…").strip()
                assert said and said in "\n".join(by_n[n]["own"]), q.group(0)
        # a signature repeats on each post of its member
        sigs = {f["member"]: f["sig"] for f in floors if f["sig"]}
        assert all(f["sig"] == sigs[f["member"]] for f in floors if f["member"] in sigs)
        # four floors quote; one quoted block carries the quoted floor's link; two floors link nothing
        assert sum(bool(f["quotes"]) for f in floors) == 4
        assert any(URL.search(q.group(3)) for f in floors for q in f["quotes"])
        bare = [f["n"] for f in floors if not any(URL.search(x) for x in f["own"])]
        assert {3, 7} <= set(bare)
        # every URL is inline in a floor's own text or inside a quote block
        own_urls = {u for f in floors for x in f["own"] for u in URL.findall(x)}
        quoted = {u for f in floors for q in f["quotes"] for u in URL.findall(q.group(3))}
        assert set(URL.findall(thread)) == own_urls and quoted <= own_urls
        assert lines[-5] == "相關討論" and not URL.search("\n".join(lines[-5:]))

    def test_thread_labels_rest_on_their_floors_own_links(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        thread = reports[THREAD]
        floors = _floors(thread)
        cited = set(URL.findall(thread))
        for item in labels:
            if item["report"] != THREAD:
                continue
            owners = [f for f in floors if any(item["quote"] in x for x in f["own"])]
            assert len(owners) == 1, item["quote"]  # in a floor's own text, never a quote block or signature
            f = owners[0]
            assert not any(item["quote"] in q.group(0) for g in floors for q in g["quotes"]), item
            own = {u for x in f["own"] for u in URL.findall(x)}
            if own:  # the links in the floor's own text, not those in the block it quotes
                assert set(item["source_urls"]) == own, item
            else:  # a floor linking nothing: the thread's own pages or nothing (devset rule 2)
                assert set(item["source_urls"]) <= cited, item
        # the scope trap: #6 quotes #2's Business Wire link, but its 78% rests on Reuters alone
        trap = next(i for i in labels if i["report"] == THREAD and i["key"] == "78%")
        six = next(f for f in floors if f["n"] == 6)
        assert any(BUSINESSWIRE in q.group(0) for q in six["quotes"])
        assert trap["source_urls"] == [REUTERS] and trap["verdict"] == "unverified"

    def test_reports_cite_pages_in_both_languages_and_share_pages(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        t1 = set(URL.findall(reports[TRANSCRIPT]))
        m1 = set(URL.findall(reports[THREAD]))
        for cited in (t1, m1):
            live = [u for u in cited if u in langs]
            assert any(langs[u].startswith("zh") for u in live) and any(
                langs[u].startswith("en") for u in live
            )
        assert t1 & m1 == {REUTERS, BUSINESSWIRE, KR36, UDN, HKET}
        assert DEAD in t1 and DEAD not in m1

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # sizes, chrome (a cookie banner, navigation, an inline script) on every page
        for url, entry in manifest.items():
            if "file" not in entry:
                continue
            raw = (sources / entry["file"]).read_text(encoding="utf-8")
            assert 3 * 1024 <= len(raw.encode("utf-8")) <= 9 * 1024, url
            assert "<script>" in raw and "<footer>" in raw and "<a href" in raw, url
            assert re.search(r"[Cc]ookie", raw), url
        # languages: four Chinese pages (two Simplified, one Taiwan, one Hong Kong), the rest English
        langs = page_languages(manifest, sources)
        assert sorted(v for v in langs.values() if v.startswith("zh")) == [
            "zh-CN",
            "zh-CN",
            "zh-Hant-HK",
            "zh-Hant-TW",
        ]
        assert (
            langs[UDN] == "zh-Hant-TW"
            and langs[HKET] == "zh-Hant-HK"
            and langs[KR36] == langs[YICAI] == "zh-CN"
        )
        assert sum(v.startswith("en") for v in langs.values()) == 8
        # dated pages, with the weekday they print
        assert "2027年1月7日 星期四" in texts[HKET] and dt.date(2027, 1, 7).weekday() == 3
        assert "2026-12-22 10:18 · 星期二" in texts[KR36] and dt.date(2026, 12, 22).weekday() == 1
        assert "Wednesday 30 December 2026" in texts[DIGITIMES] and dt.date(2026, 12, 30).weekday() == 2
        assert "Published Tue, Dec 15 2026" in texts[CNBC] and dt.date(2026, 12, 15).weekday() == 1
        assert "December 9, 2026" in texts[TECHCRUNCH] and "on Wednesday released Kite-4" in texts[TECHCRUNCH]
        # tables whose unit is only in a caption or header
        assert "(In millions, except per share data)" in texts[BUSINESSWIRE]
        assert (
            "Net income 1,012 881 547" in texts[BUSINESSWIRE] and "$1.01 billion" not in texts[BUSINESSWIRE]
        )
        assert "Shipments (thousand units)" in texts[TRENDFORCE] and "2026 2,460 35.2%" in texts[TRENDFORCE]
        assert "2.46 million" not in texts[TRENDFORCE]
        assert "（單位" not in texts[HKET] and "磐啟智算主要財務數據（人民幣百萬元）" in texts[HKET]
        assert "（单位：元/百万tokens）" in texts[YICAI]
        # a correction note giving a stale figure
        assert "更正：本文首发时将本轮融资金额误写为12亿元" in texts[KR36] and "实为15亿元" in texts[KR36]
        # pages that say they do not disclose a figure
        assert "did not disclose Kite-4's parameter count" in texts[TECHCRUNCH]
        assert "declined to say how much the company expects to spend on computing" in texts[REUTERS]
        assert "did not disclose the planned monthly capacity" in texts[DIGITIMES]
        assert (
            "零界智能未披露具体付费客户数量" in texts[KR36]
            and "岚山科技未披露岚山-4的日均调用量" in texts[YICAI]
        )
        assert "公司未有披露2026年全年收入預測" in texts[HKET]
        assert "She did not say how much of that would come from the Ohio campus." in texts[CNBC]
        # a complete list with a name said not to be on it; two roles on one page
        assert "基石投資者共六名，分別為" in texts[HKET] and "但最終並未成為基石投資者" in texts[HKET]
        assert "聯席保薦人為恒嶼證券及瀚川資本（亞洲）" in texts[HKET] and "晴川資本" in texts[HKET]
        # distractors next to the claimed figures: tranches, segments, models, periods, companies
        assert "首期9亿元" in texts[KR36] and "第二期6亿元" in texts[KR36]
        assert "$1.9 billion was raised as equity" in joined and "the remaining $500 million" in joined
        assert "25% less than Kite-3.5" in joined and "40% cheaper than Kite-3.5 Mini" in joined
        assert "up 78% year over year" in joined and "down 4% year over year" in joined
        assert "第四季營收402.9億元，季增11.5%、年增54.2%" in texts[UDN] and "年增47.2%" in texts[UDN]
        assert "緯晟12月營收1,024億元 年減3.6%" in texts[UDN]
        assert "ranked third by 2026 shipments with a 14% share, behind Weisheng (21%)" in texts[TRENDFORCE]
        # the soft 404 and the paywall say nothing of the claims resting on them
        assert "Halden" not in texts[SOFT_404] and "$1.2 billion" not in texts[SOFT_404]
        assert "78%" in texts[SOFT_404]  # a distractor in its most-read box
        assert "$600 million" not in texts[PAYWALL] and "$38 billion" not in texts[PAYWALL]
        # the dead URL has no capture
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
