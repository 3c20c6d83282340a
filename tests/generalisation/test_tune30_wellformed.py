"""Well-formedness of the tune30 development set (tests/fixtures/tune30/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English WhatsApp group chat exported as text, a Simplified-Chinese 工作简报 of an industry association),
that each label rests on exactly the URLs its report's citation scope gives it, that every weekday written
is right, and that the pages carry the formats the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。（）]+")

CHAT = "a1_whatsapp_chat_en.txt"
BRIEF = "a2_gongzuo_jianbao_sc.txt"

SOFT_404 = "https://www.theregister.com/2026/12/22/veyra_labs_100k_gpu_cluster/"
PAYWALL = "https://www.ft.com/content/5b8e2c41-7d0a-4f39-9a61-2e6c0b4d8f17"
DEAD = "https://www.kunyansemi.com/news/202612/ky9-launch.html"
TW_PAGE = "https://money.udn.com/money/story/5612/8431275"
CNBC = "https://www.cnbc.com/2026/12/17/lumenvault-ipo-ai-cloud-stock-debut.html"

TUNE30 = LabelledSet(
    "tune30",
    by_report={
        CHAT: {"verified": 17, "contradicted": 12, "unverified": 9},
        BRIEF: {"verified": 16, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 23, "fact": 14, "count": 13, "percent": 12, "date": 9, "version": 4},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we can't find that page.",  # soft 404 answering 200
        PAYWALL: "Subscribe to unlock this article",  # paywall stub
    },
)

# --- the WhatsApp export -------------------------------------------------------------------------------

STAMP = r"\[(\d{2})/(\d{2})/(\d{4}), (\d{2}):(\d{2}):(\d{2})\]"
MESSAGE = re.compile(STAMP + r" ([^:\[\]~][^:]*?): (.*)")
JOINED = re.compile(STAMP + r" ~ (.+) joined using this group's invite link")
RELINK = re.compile(r"re (\w+)'s link: ")
ENCRYPTION = "Messages and calls are end-to-end encrypted. Only people in this chat can read, listen to, or share them."
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _stamp(m: re.Match[str]) -> dt.datetime:
    day, month, year, hh, mm, ss = (int(g) for g in m.groups()[:6])
    return dt.datetime(year, month, day, hh, mm, ss)


def _messages(chat: str) -> list[dict]:
    """The export's entries in order: {when, sender, text} for messages (continuation lines joined with a
    newline), {when, joined} for the join notice."""
    entries: list[dict] = []
    for line in chat.splitlines():
        if m := JOINED.fullmatch(line):
            entries.append({"when": _stamp(m), "joined": m.group(7)})
        elif m := MESSAGE.fullmatch(line):
            entries.append({"when": _stamp(m), "sender": m.group(7), "text": m.group(8)})
        else:  # a continuation line of a multi-line message
            assert entries and "text" in entries[-1], line
            assert not line.startswith(("[", "> ")) and line.strip(), line
            entries[-1]["text"] += "\n" + line
    return entries


def _own_urls(entries: list[dict], i: int) -> list[str]:
    """The URLs a message rests on: its own links, else (for "re Name's link: …") the links of Name's latest
    earlier message that has any; an empty list for an unsourced message."""
    own = URL.findall(entries[i]["text"])
    if own:
        return own
    m = RELINK.match(entries[i]["text"])
    if not m:
        return []
    earlier = [
        e for e in entries[:i] if e.get("sender", "").split(" ")[0] == m.group(1) and URL.search(e["text"])
    ]
    assert earlier, entries[i]["text"]
    return URL.findall(earlier[-1]["text"])


# --- the 工作简报 --------------------------------------------------------------------------------------------

SECTIONS = ("一、", "二、", "三、", "四、")
SUBSECTIONS = ("（一）", "（二）", "（三）")
ITEM = re.compile(r"(\d+)\. (.+)")
SOURCE = re.compile(r"(?:（来源：(https://\S+?)）|来源：(https://\S+))")
RULE = "━" * 36


def _blocks(brief: str) -> list[list[str]]:
    return [block.splitlines() for block in brief.strip("\n").split("\n\n")]


def _sources(block: list[str]) -> list[str]:
    return [a or b for line in block for a, b in SOURCE.findall(line)]


class TestTune30WellFormed(WellFormed):
    SET = TUNE30

    def test_the_chat_is_a_whatsapp_export(self, reports: dict[str, str]) -> None:
        chat = reports[CHAT]
        assert "](" not in chat and "**" not in chat and "<" not in chat.replace("<Media omitted>", "")
        assert not re.search(r"(?m)^> ", chat)  # no quoted replies: WhatsApp exports have none
        entries = _messages(chat)
        first = entries[0]
        assert first["sender"] == "AI Infra Watchers" and first["text"] == ENCRYPTION
        whens = [e["when"] for e in entries]
        assert whens == sorted(whens)
        assert {w.date() for w in whens} == {dt.date(2026, 12, 27), dt.date(2026, 12, 28)}
        messages = [e for e in entries[1:] if "text" in e]
        senders = {e["sender"] for e in messages}
        assert len(senders) == 7 and "AI Infra Watchers" not in senders
        # one join notice, and the newcomer speaks only after it
        joins = [i for i, e in enumerate(entries) if "joined" in e]
        assert len(joins) == 1
        newcomer = entries[joins[0]]["joined"]
        assert newcomer in senders and all(e.get("sender") != newcomer for e in entries[: joins[0]])
        # media, deleted messages, one forwarded message with a link, multi-line messages
        texts = [e["text"] for e in messages]
        assert texts.count("<Media omitted>") == 2 and texts.count("This message was deleted") == 2
        forwarded = [t for t in texts if t.split("\n")[0] == "Forwarded"]
        assert len(forwarded) == 1 and URL.search(forwarded[0]) and "\n" in forwarded[0]
        assert sum("\n" in t for t in texts) >= 8
        # links sit inline in messages, never in markdown; references by name point back to a real link
        assert all(URL.search(t) for t in texts if "http" in t)
        relinks = [i for i, e in enumerate(entries) if "text" in e and RELINK.match(e["text"])]
        assert len(relinks) == 5
        for i in relinks:
            assert not URL.search(entries[i]["text"]) and _own_urls(entries, i)

    def test_chat_labels_rest_on_their_own_message_or_the_link_it_names(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        chat = reports[CHAT]
        entries = _messages(chat)
        cited = set(URL.findall(chat))
        kinds = set()
        for item in labels:
            if item["report"] != CHAT:
                continue
            owners = [i for i, e in enumerate(entries) if "text" in e and item["quote"] in e["text"]]
            assert len(owners) == 1, item["quote"]
            i = owners[0]
            text = entries[i]["text"]
            assert i > 0 and text not in ("<Media omitted>", "This message was deleted"), item
            own = _own_urls(entries, i)
            if own:
                assert item["source_urls"] == own, item
                kinds.add(
                    "relink" if RELINK.match(text) else "forwarded" if text.startswith("Forwarded") else "own"
                )
            else:  # an unsourced message: verified on the chat's own pages, otherwise unverified on none
                assert item["verdict"] != "contradicted", item
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
                kinds.add("unsourced")
        assert kinds == {"own", "relink", "forwarded", "unsourced"}

    def test_the_brief_is_a_gongwen_work_briefing(self, reports: dict[str, str]) -> None:
        brief = reports[BRIEF]
        assert (
            "](" not in brief and "**" not in brief and "<" not in brief and not re.search(r"(?m)^#", brief)
        )
        lines = brief.splitlines()
        # header block: 简报名称, 第N期, 主办单位 and 日期, a rule
        assert lines[0] == "人工智能产业工作简报" and re.fullmatch(r"第\d+期（总第\d+期）", lines[1])
        assert re.fullmatch(r"星澜人工智能产业协会秘书处编　+2026年12月28日", lines[3]) and lines[4] == RULE
        assert not URL.search("\n".join(lines[:5]))
        blocks = _blocks(brief)
        # an unsourced 编者按 opens the body
        note = [b for b in blocks if b[0].startswith("【编者按】")]
        assert len(note) == 1 and len(note[0]) == 1 and not URL.search(note[0][0])
        # sections 一、 … 四、 in order, subsections （一）（二） under them
        heads = [line for line in lines if line.startswith(SECTIONS)]
        assert [h[:2] for h in heads] == list(SECTIONS)
        assert sum(line.startswith(SUBSECTIONS) and len(line) < 16 for line in lines) == 4
        # items 1. 2. restart under each heading; each (sections 一 to 三) closes with one 来源 line or
        # an inline （来源：url）, both ways used
        numbers: list[list[int]] = []
        inline = own_line = 0
        section = ""
        for block in blocks:
            head = block[0]
            if head.startswith(SECTIONS):
                section = head[:2]
            if head.startswith(SECTIONS + SUBSECTIONS) and len(block) == 1 and len(head) < 30:
                numbers.append([])
                continue
            m = ITEM.fullmatch(head)
            if not m or section == "四、":
                assert not SOURCE.search("\n".join(block)), block  # only items cite
                continue
            numbers[-1].append(int(m.group(1)))
            assert len(_sources(block)) == 1 and URL.findall("\n".join(block)) == _sources(block), block
            if len(block) == 1:
                assert head.endswith("）") and "（来源：" in head
                inline += 1
            else:
                assert len(block) == 2 and SOURCE.fullmatch(block[1]), block
                own_line += 1
        assert all(n == list(range(1, len(n) + 1)) for n in numbers if n)
        assert sum(map(len, numbers)) == 8 and inline >= 2 and own_line >= 4
        # 四、协会工作动态 cites nothing; then 附件, a rule, 报送 / 抄送 and the 印发 line
        assert brief.count("来源：") == 8
        tail = lines[lines.index("四、协会工作动态") :]
        assert not URL.search("\n".join(tail))
        assert any(line.startswith("附件：1. ") for line in tail)
        assert tail[-4] == RULE and tail[-3].startswith("报送：") and tail[-2].startswith("抄送：")
        assert tail[-1].endswith("2026年12月28日印发")

    def test_brief_labels_rest_on_the_source_of_their_item(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        brief = reports[BRIEF]
        cited = set(URL.findall(brief))
        blocks = _blocks(brief)
        for item in labels:
            if item["report"] != BRIEF:
                continue
            owners = [b for b in blocks if any(item["quote"] in line for line in b)]
            assert len(owners) == 1, item["quote"]
            block = owners[0]
            line = next(x for x in block if item["quote"] in x)
            assert not SOURCE.fullmatch(line), item
            if block[0].startswith("【编者按】"):  # unsourced: the brief's own pages or nothing
                assert item["verdict"] != "contradicted", item
                assert set(item["source_urls"]) <= cited, item
                assert bool(item["source_urls"]) == (item["verdict"] == "verified"), item
            else:
                assert ITEM.fullmatch(block[0]), item
                assert item["source_urls"] == _sources(block), item

    def test_weekdays_written_are_right(self, reports: dict[str, str], manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        raw = {
            u: (sources / e["file"]).read_text(encoding="utf-8") for u, e in manifest.items() if "file" in e
        }
        found = 0
        # 2026-12-22 20:18 星期二 and the like on the Chinese pages
        zh = "一二三四五六日"
        for text in raw.values():
            for y, mo, d, w in re.findall(
                r"(\d{4})-(\d{2})-(\d{2})(?: \d{2}:\d{2})? 星期([一二三四五六日])", text
            ):
                assert zh[dt.date(int(y), int(mo), int(d)).weekday()] == w
                found += 1
        # CNBC's "PUBLISHED THU, DEC 17 2026"
        for w, mon, d, y in re.findall(r"([A-Z]{3}), ([A-Z]{3}) (\d{1,2}) (\d{4})", raw[CNBC]):
            day = dt.datetime.strptime(f"{d} {mon.title()} {y}", "%d %b %Y").date()
            assert day.strftime("%a").upper() == w
            found += 1
        assert found == 4
        # weekday words in the articles, against the date each page gives
        said = {
            "https://techcrunch.com/2026/12/21/halcyra-ai-raises-2-4b-series-c-at-31b-valuation/": (
                dt.date(2026, 12, 21),
                "the company confirmed Monday",
            ),
            "https://asia.nikkei.com/business/technology/kirisame-tobari-and-aomori-grid-form-ai-data-center-venture": (
                dt.date(2026, 12, 18),
                "the companies said on Friday",
            ),
            CNBC: (dt.date(2026, 12, 17), "began trading on the Nasdaq on Thursday"),
        }
        texts = live_page_texts(manifest, sources)
        for url, (day, phrase) in said.items():
            assert phrase in texts[url] and day.strftime("%A") in phrase
        assert dt.date(2026, 12, 16).strftime("%A") == "Wednesday" and "late Wednesday" in texts[CNBC]
        # the chat: "happy Monday" on Monday 28 December; the forwarded "on Thursday" is CNBC's Thursday
        entries = _messages(reports[CHAT])
        words = [(e, w) for e in entries if "text" in e for w in WEEKDAYS if w in e["text"]]
        assert len(words) == 2
        for e, w in words:
            if e["text"].startswith("Forwarded"):
                assert w == "Thursday" and CNBC in e["text"] and dt.date(2026, 12, 17).strftime("%A") == w
            else:
                assert e["when"].strftime("%A") == w
        # the reports' own dates: Sunday 27 and Monday 28 December 2026 (no weekday is written in the brief)
        assert not any(w in reports[BRIEF] for w in ("星期", "周一", "週"))

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption or a header
        assert (
            "(In millions, except per share data)" in joined
            and "Revenue 14,207 13,031 8,309 38,912 23,441" in joined
        )
        assert (
            "Scores are pass rates, in percent" in joined
            and "CodeForge-Verified 78.4 61.2 74.9 72.3" in joined
        )
        assert "国产芯片占比（%）" in joined and "1 钱塘智算中心 杭州市 3200 62 48.5" in joined
        assert "主要财务数据（单位：万元）" in joined and "营业收入 164,213.58 88,406.35" in joined
        # a correction note, "X, not Y"
        assert "Correction, December 15, 2026" in joined and "The first phase is 300MW, not 250MW." in joined
        # complete lists, each with a name said not to be on it
        assert (
            "The venture has three partners: Kirisame Electric, Tobari Holdings and Aomori Grid Partners."
            in joined
        )
        assert "but is not an equity partner in the venture" in joined
        assert "共四家，分别为：" in joined and "绍兴镜湖算力平台列入培育名单" in joined
        assert "投向三个项目，分别为新一代训练芯片研发项目、推理芯片产业化项目和补充流动资金" in joined
        # pages that say they do not give a figure a label asks for
        for withheld in (
            "Tessaro does not disclose Aster X2 unit shipments.",
            "Carvalho declined to say how much of the round was provided as cloud credits rather than cash",
            "We are not disclosing Veyra-4's parameter count",
            "The prospectus does not disclose the value or terms of its supply agreement with Tessaro.",
            "but did not disclose the value of the lease",
            "澈思未披露明镜-4的训练算力规模和训练成本",
        ):
            assert withheld in joined, withheld
        # other subjects', periods' and directions' figures next to the right ones
        assert "revenue was $38.9 billion" in joined and "Record quarterly revenue of $14.2 billion" in joined
        assert "Client and Gaming: Third-quarter revenue was $1.6 billion, down 4%" in joined
        assert "GAAP gross margin of 67.1%; non-GAAP gross margin of 68.4%" in joined
        assert "明镜-4以1,412分位列第二" in joined and "Halcyra Vela 3以1,398分排名第三" in joined
        assert "较上年同期的3.62亿元明显收窄" in joined and "月增8.4%，年增61.7%" in joined
        # languages: four Chinese pages (one Traditional), eight English
        langs = page_languages(manifest, sources)
        assert sum(lang.startswith("zh") for lang in langs.values()) == 4
        assert list(langs.values()).count("zh-Hant-TW") == 1 and langs[TW_PAGE] == "zh-Hant-TW"
        assert "新台幣2,315.4億元" in texts[TW_PAGE] and "延後至2027年第四季" in texts[TW_PAGE]
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert (
            "Veyra" not in texts[SOFT_404]
            and "$4.8" not in texts[SOFT_404]
            and "Page not found" in texts[SOFT_404]
        )
        assert "valuation" not in texts[PAYWALL] and "60" not in texts[PAYWALL] and "$5" not in texts[PAYWALL]
        # page sizes: 3–9 KB each
        for entry in manifest.values():
            if "file" in entry:
                assert 3000 <= (sources / entry["file"]).stat().st_size <= 9000, entry["file"]

    def test_languages_and_sizes_of_the_reports(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        for name, text in reports.items():
            assert 4000 <= len(text.encode("utf-8")) <= 7000, name
            cjk = len(re.findall(r"[\u4e00-\u9fff]", URL.sub("", text)))
            latin = len(re.findall(r"[A-Za-z]", URL.sub("", text)))
            if name == CHAT:
                assert latin > 10 * cjk > 0  # English, with a few Chinese names
            else:
                assert cjk > 3 * latin > 0  # Chinese, with foreign company names
            # each report cites pages in the other language too
            cited = {u for u in URL.findall(text) if u in langs}
            other = {u for u in cited if langs[u].startswith("zh") == (name == CHAT)}
            assert len(other) >= 2, name
        assert Path(self.SET.folder / "README.md").is_file()
