"""Well-formedness of the heldout32 held-out set (tests/fixtures/heldout32/), checked without the engine.

The set was written blind to the engine and is held out: whoever tunes the engine reads only its totals.
``WellFormed`` checks its labels against its reports and its archive (one dead URL, one soft 404, one paywall
stub); the tests here check the shapes of its two reports (a Traditional-Chinese Plurk timeline copied from the
web page, an English market changelog in Keep a Changelog style with reference-style links), that each label
rests on exactly the URLs its report's citation scope gives it, the dates, weekdays, languages and sizes of the
pages, and that the pages carry the features the labels rely on.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import NamedTuple

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

URL = re.compile(r"https?://[^\s\[\]()<>，；。]+")

PLURK = "p1_plurk_tc.txt"
CHANGELOG = "c1_changelog_en.md"

# the Plurk timeline
NAMES = {"晶片宅阿哲", "小葵🌻", "Kuma熊", "老K看盤", "Mika米卡"}
QUALIFIERS = {"說", "分享", "覺得", "想要"}
FULL_TIME = re.compile(r"(\d{4})/(\d{2})/(\d{2}) (\d{2}):(\d{2})")
TODAY_TIME = re.compile(r"([上下])午 (\d{1,2}):(\d{2})")
REPLIES = re.compile(r"回應 \((\d+)\)")
RESPONSE = re.compile(r"(\S+): (.+)")
TIMELINE_DAY = date(2027, 1, 6)

# the changelog
RELEASE = re.compile(r"## \[(\d{4})-W(\d{2})\] - (\d{4}-\d{2}-\d{2})")
SUBSECTIONS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")  # Keep a Changelog's order
REF = re.compile(r"\[([^\[\]]+)\]\[(\d+)\]")
DEFINITION = re.compile(r"\[(\d+)\]: (https?://\S+)")

SOFT_404 = "https://www.tomshardware.com/pc-components/gpus/nerova-nx-900-accelerator-specs-revealed"
PAYWALL = "https://www.bloomberg.com/news/articles/2027-01-06/orrery-ai-said-to-weigh-employee-share-sale"
DEAD = "https://www.lumenary.ai/blog/compute-roadmap-2027"
KR36 = "https://36kr.com/p/3128845570218753"
EDN = "https://money.udn.com/money/story/5612/8473206"
CAIXIN = "https://www.caixin.com/2026-12-30/102392817.html"
HKET = "https://inews.hket.com/article/3921847"
REUTERS = "https://www.reuters.com/technology/lumenary-ai-raises-24-billion-northgate-led-round-2026-12-29/"
PRN = (
    "https://www.prnewswire.com/news-releases/"
    "nerova-systems-reports-third-quarter-fiscal-2027-results-302649175.html"
)
DCF = (
    "https://www.datacenterfrontier.com/hyperscale/article/55293148/"
    "kilnworth-compute-plans-12-gw-ai-campus-near-cheyenne"
)
CNBC = "https://www.cnbc.com/2026/12/18/ironbark-cloud-ipo-nyse-debut.html"

HELDOUT32 = LabelledSet(
    "heldout32",
    by_report={
        PLURK: {"verified": 16, "contradicted": 12, "unverified": 9},
        CHANGELOG: {"verified": 17, "contradicted": 13, "unverified": 8},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 26, "fact": 15, "date": 12, "count": 12, "percent": 8, "version": 2},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "We couldn't find that page. It may have been moved, renamed or deleted.",  # soft 404 answering 200
        PAYWALL: "Subscribe to continue",  # paywall stub
    },
)


class Plurk(NamedTuple):
    name: str
    qualifier: str
    text: list[str]
    time: str
    responses: list[tuple[str, str]]


def _timeline(text: str) -> tuple[list[str], list[Plurk], list[str]]:
    """The timeline's header lines, its plurks (newest first) and its footer lines."""
    blocks = [block.splitlines() for block in text.strip("\n").split("\n\n")]
    header, *body, footer = blocks
    plurks = []
    for lines in body:
        name, qualifier = lines[0].rsplit(" ", 1)
        at = next(
            i for i, line in enumerate(lines) if FULL_TIME.fullmatch(line) or TODAY_TIME.fullmatch(line)
        )
        replies = REPLIES.fullmatch(lines[at + 1])
        assert replies, lines
        responses = []
        for line in lines[at + 2 :]:
            m = RESPONSE.fullmatch(line)
            assert m, line
            responses.append((m.group(1), m.group(2)))
        assert len(responses) == int(replies.group(1)), lines
        plurks.append(Plurk(name, qualifier, lines[1:at], lines[at], responses))
    return header, plurks, footer


def _when(time: str) -> datetime:
    if m := FULL_TIME.fullmatch(time):
        return datetime(*(int(g) for g in m.groups()))  # type: ignore[misc]
    m = TODAY_TIME.fullmatch(time)
    assert m, time
    hour = int(m.group(2)) % 12 + (12 if m.group(1) == "下" else 0)
    return datetime(TIMELINE_DAY.year, TIMELINE_DAY.month, TIMELINE_DAY.day, hour, int(m.group(3)))


def _units(plurks: list[Plurk]) -> list[tuple[str, bool]]:
    """The timeline's citation units: each plurk's text (True) and each response line (False)."""
    units: list[tuple[str, bool]] = []
    for plurk in plurks:
        units.append(("\n".join(plurk.text), True))
        units += [(text, False) for _, text in plurk.responses]
    return units


class Entry(NamedTuple):
    release: str  # "intro", "Unreleased" or the week, e.g. "2027-W01"
    subsection: str
    text: str


def _changelog(text: str) -> tuple[list[Entry], dict[str, str]]:
    """The changelog's intro lines and "- " entries, and its link reference definitions (number -> URL)."""
    entries: list[Entry] = []
    definitions: dict[str, str] = {}
    release, subsection = "intro", ""
    for line in text.splitlines()[1:]:
        if not line:
            continue
        if d := DEFINITION.fullmatch(line):
            definitions[d.group(1)] = d.group(2)
        elif line == "## [Unreleased]":
            release, subsection = "Unreleased", ""
        elif m := RELEASE.fullmatch(line):
            release, subsection = f"{m.group(1)}-W{m.group(2)}", ""
        elif line.startswith("### "):
            subsection = line[4:]
        elif line.startswith("- "):
            assert subsection, line
            entries.append(Entry(release, subsection, line[2:]))
        else:
            assert release == "intro" and not definitions, line
            entries.append(Entry("intro", "", line))
    return entries, definitions


def _own_refs(entry: Entry, definitions: dict[str, str]) -> set[str]:
    return {definitions[n] for _, n in REF.findall(entry.text)}


class TestHeldout32WellFormed(WellFormed):
    SET = HELDOUT32

    def test_the_timeline_is_a_plurk_page_copied_from_the_web(self, reports: dict[str, str]) -> None:
        timeline = reports[PLURK]
        header, plurks, footer = _timeline(timeline)
        # header: site name, navigation, the owner's name and handle, about-me, the day shown (a Wednesday)
        assert header[0] == "噗浪 Plurk" and header[2] == "晶片宅阿哲 @chipjer_tw"
        assert header[3].startswith("關於我：") and header[4] == "河道　2027/01/06（三）"
        assert TIMELINE_DAY.weekday() == 2  # 三 = Wednesday
        assert footer[0] == "載入更多噗" and "© 2027 Plurk" in footer[1]
        assert not URL.search("\n".join(header + footer))
        assert "](" not in timeline and "<" not in timeline and "#" not in timeline
        # plurks: a display name and a qualifier word, text lines, a time line, 回應 (n) and n responses
        assert len(plurks) == 8
        assert {p.qualifier for p in plurks} == QUALIFIERS
        for p in plurks:
            assert p.name in NAMES and p.qualifier in QUALIFIERS and p.text, p
            assert all(name in NAMES for name, _ in p.responses), p
        # both kinds of time line, newest first, all on the day shown or the day before
        assert any(FULL_TIME.fullmatch(p.time) for p in plurks) and any(
            TODAY_TIME.fullmatch(p.time) for p in plurks
        )
        whens = [_when(p.time) for p in plurks]
        assert whens == sorted(whens, reverse=True)
        assert {w.date() for w in whens} == {TIMELINE_DAY, date(2027, 1, 5)}
        assert all(
            w.date() == TIMELINE_DAY
            for p, w in zip(plurks, whens, strict=True)
            if TODAY_TIME.fullmatch(p.time)
        )
        # links sit inline in a plurk's text or in a response; one plurk (the day's summary) links nothing
        units = _units(plurks)
        assert set(URL.findall(timeline)) == {u for text, _ in units for u in URL.findall(text)}
        unlinked = [p for p in plurks if not URL.search("\n".join(p.text))]
        assert len(unlinked) == 1 and unlinked[0] is plurks[0] and unlinked[0].qualifier == "覺得"
        linked_responses = [t for t, is_plurk in units if not is_plurk and URL.search(t)]
        assert len(linked_responses) == 4  # responses with their own link, the rest cite nothing
        for url in URL.findall(timeline):  # every inline link is followed by a space or ends its line
            assert re.search(re.escape(url) + r"( |$)", timeline, re.M), url

    def test_timeline_labels_rest_on_their_own_plurk_or_response(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        _, plurks, _ = _timeline(reports[PLURK])
        units = _units(plurks)
        cited = set(URL.findall(reports[PLURK]))
        traps = 0
        for item in labels:
            if item["report"] != PLURK:
                continue
            owners = [(text, is_plurk) for text, is_plurk in units if item["quote"] in text]
            assert len(owners) == 1, item["quote"]
            text, is_plurk = owners[0]
            own = set(URL.findall(text))
            if own:  # a plurk's own links, a response's own links: never the parent's or a sibling's
                assert set(item["source_urls"]) == own, item
            else:  # a plurk or response linking nothing is unsourced: the timeline's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
                if item["verdict"] == "contradicted":
                    raise AssertionError(f"an unsourced item is never contradicted here: {item}")
            if item["verdict"] == "unverified" and own and "Citation scope" in item["why"]:
                traps += 1
        assert traps == 2  # one response and one plurk whose confirming page is linked elsewhere

    def test_the_changelog_keeps_a_changelog(self, reports: dict[str, str]) -> None:
        log = reports[CHANGELOG]
        lines = log.splitlines()
        assert lines[0] == "# Changelog" and lines[1] == ""
        assert "Keep a Changelog" in log and "<" not in log and "](" not in log  # no inline links
        heads = [line for line in lines if line.startswith("## ")]
        assert heads == ["## [Unreleased]", "## [2027-W01] - 2027-01-07", "## [2026-W53] - 2026-12-31"]
        for head in heads[1:]:  # an ISO week, dated its Thursday
            m = RELEASE.fullmatch(head)
            assert m
            day = date.fromisoformat(m.group(3))
            assert day.isocalendar()[:2] == (int(m.group(1)), int(m.group(2))) and day.weekday() == 3
        # subsections in Keep a Changelog's order inside each release
        order: dict[str, list[str]] = {}
        current = ""
        for line in lines:
            if line.startswith("## "):
                current = line
                order[current] = []
            elif line.startswith("### "):
                assert line[4:] in SUBSECTIONS, line
                order[current].append(line[4:])
        for head, subs in order.items():
            assert subs == sorted(subs, key=SUBSECTIONS.index) and len(set(subs)) == len(subs), head
        assert order[heads[0]] == ["Added"]
        assert order[heads[1]] == ["Added", "Changed", "Deprecated", "Fixed"]
        assert order[heads[2]] == ["Added", "Changed", "Fixed"]
        # the intro paragraph and the Unreleased section cite nothing; every released entry cites
        entries, definitions = _changelog(log)
        intro = [e for e in entries if e.release == "intro"]
        assert 3 <= len(intro) <= 6 and not any(REF.search(e.text) or URL.search(e.text) for e in intro)
        unreleased = [e for e in entries if e.release == "Unreleased"]
        assert len(unreleased) == 3 and not any(REF.search(e.text) or URL.search(e.text) for e in unreleased)
        released = [e for e in entries if e.release not in {"intro", "Unreleased"}]
        assert all(REF.search(e.text) and not URL.search(e.text) for e in released)
        # reference-style links resolved by definitions at the bottom, numbered in order of first use
        assert lines[-len(definitions) :] == [f"[{n}]: {u}" for n, u in definitions.items()]
        used = [n for e in released for _, n in REF.findall(e.text)]
        first_use = list(dict.fromkeys(used))
        assert first_use == [str(i) for i in range(1, len(definitions) + 1)] == list(definitions)
        labels_of = {}
        for e in released:
            for label, n in REF.findall(e.text):
                assert labels_of.setdefault(n, label) == label  # one label per reference
        assert set(URL.findall(log)) == set(definitions.values())

    def test_changelog_labels_rest_on_the_references_of_their_entry(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        entries, definitions = _changelog(reports[CHANGELOG])
        cited = set(definitions.values())
        traps = 0
        for item in labels:
            if item["report"] != CHANGELOG:
                continue
            owners = [e for e in entries if item["quote"] in e.text]
            assert len(owners) == 1, item["quote"]
            entry = owners[0]
            if entry.release in {"intro", "Unreleased"}:  # unsourced: the changelog's own pages or nothing
                assert set(item["source_urls"]) <= cited and item["verdict"] != "contradicted", item
            else:  # the references in that entry, never another entry's
                assert set(item["source_urls"]) == _own_refs(entry, definitions), item
            if "Citation scope" in item["why"]:
                traps += 1
        assert traps == 1

    def test_quotes_are_short_passages(self, labels: list[dict]) -> None:
        for item in labels:
            assert 8 <= len(item["quote"]) <= 60, item["quote"]

    def test_reports_cite_both_languages_and_share_pages(
        self, reports: dict[str, str], manifest: dict[str, dict]
    ) -> None:
        langs = page_languages(manifest, self.SET.sources)
        by_report = {name: set(URL.findall(text)) for name, text in reports.items()}
        for name, urls in by_report.items():
            live = {u for u in urls if u in langs}
            assert any(langs[u].startswith("zh") for u in live), name
            assert any(langs[u].startswith("en") for u in live), name
        assert by_report[PLURK] & by_report[CHANGELOG] == {KR36, EDN, HKET, REUTERS, PRN}
        assert (
            DEAD in by_report[CHANGELOG] and SOFT_404 in by_report[PLURK] and PAYWALL in by_report[CHANGELOG]
        )
        for name, size in ((n, len(t.encode("utf-8"))) for n, t in reports.items()):
            assert 4096 <= size <= 7 * 1024, (name, size)

    def test_archive_dates_languages_and_sizes(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        langs = page_languages(manifest, sources)
        assert sorted(langs[u] for u in (KR36, CAIXIN)) == ["zh-CN", "zh-CN"]
        assert langs[EDN] == "zh-Hant-TW" and langs[HKET] == "zh-Hant-HK"
        assert sum(lang.startswith("zh") for lang in langs.values()) == 4
        assert all(lang.startswith("en") for u, lang in langs.items() if not lang.startswith("zh"))
        for url, entry in manifest.items():
            captured = datetime.fromisoformat(entry["captured_at"].replace("Z", "+00:00")).date()
            assert captured in {date(2027, 1, 6), date(2027, 1, 7)}, url
            if "file" in entry:
                size = (sources / entry["file"]).stat().st_size
                assert 3000 <= size <= 9 * 1024, (url, size)
        assert [e["file"] for e in manifest.values() if "file" in e] == [
            f"pages/p{i:02d}.html" for i in range(1, 13)
        ]
        texts = live_page_texts(manifest, sources)
        # dates with weekdays as the pages print them
        assert "2027-01-05 10:32 星期二" in texts[KR36] and date(2027, 1, 5).weekday() == 1
        assert "2027年1月4日 星期一" in texts[HKET] and date(2027, 1, 4).weekday() == 0
        assert "Published Fri, Dec 18 2026" in texts[CNBC] and date(2026, 12, 18).weekday() == 4
        assert (
            "December 28, 2026" in "".join(texts.values()) and date(2026, 12, 28).weekday() == 0
        )  # "on Monday"
        assert "2027-01-05 20:41" in texts[EDN] and "2026年12月30日 19:26" in texts[CAIXIN]

    def test_pages_carry_the_features_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        texts = live_page_texts(manifest, self.SET.sources)
        joined = "\n".join(texts.values())
        # tables whose unit is only in a caption
        assert (
            "表：邁昇電子近三個月營收（單位：新台幣億元）" in texts[EDN]
            and "2026年11月 991.4 9.8 55.0" in texts[EDN]
        )
        assert "991.4" not in texts[EDN].replace(
            "2026年11月 991.4", ""
        )  # the November figure is only in the table
        assert (
            "Revenue by segment (US$ in millions)" in texts[PRN]
            and "Data Center 3,372 3,066 2,206 53%" in texts[PRN]
        )
        assert "3.07" not in texts[PRN] and "3,066" in texts[PRN]
        # a correction note giving the stale figure
        assert (
            "An earlier version of this article said the campus's first phase would total 250MW."
            in texts[DCF]
        )
        assert "Kilnworth says the first phase is 320MW." in texts[DCF]
        # a complete list, with the name said not to be on it
        assert "The three recipients are Hoshizora Devices, Kiriyama Data and Tsubame Cloud Works." in joined
        assert (
            "Aoba Silicon, which had applied for support for an advanced-packaging plant, was not selected"
            in joined
        )
        # distractors: other periods, bases, tranches, segments and companies next to the claimed figures
        assert "月增9.4%，年增61.2%" in texts[EDN] and "全年營收10,386.2億元，年增47.5%" in texts[EDN]
        assert "up 38% from a year ago and up 9% from the previous quarter" in texts[PRN]
        assert "GAAP gross margin of 58.4%; non-GAAP gross margin of 61.1%" in texts[PRN]
        assert "Tsubame Cloud Works up to 78 billion yen" in joined and "up to 98 billion yen" in joined
        assert "$1.9 billion of new primary capital and a $500 million secondary sale" in texts[REUTERS]
        assert "本轮由沧溟资本领投，青屿创投、苏州栖霞产业基金跟投" in texts[KR36]
        assert (
            "保荐机构为中岳证券" in texts[CAIXIN] and "聯席保薦人為瀚岳融資（香港）及金岬證券" in texts[HKET]
        )
        assert "申报稿中拟募资60亿元，此后在问询阶段下调至48亿元" in texts[CAIXIN]
        assert "招股價每股38.2至44.6港元" in texts[HKET] and "1.1 trillion yen" in joined
        # pages that say they do not give a figure a label asks for
        assert "公司未披露具体的GPU数量" in texts[KR36] and "也未揭露AI伺服器機櫃出貨數量" in texts[EDN]
        assert "公司並無披露2026年全年盈利預測" in texts[HKET]
        assert "Parallax declined to disclose the model's parameter count" in joined
        # the soft 404 and the paywall stub say nothing of the claims resting on them
        assert (
            "NX-900" not in texts[SOFT_404]
            and "Nerova" not in texts[SOFT_404]
            and "288" not in texts[SOFT_404]
        )
        for absent in ("Fenmore", "$45", "tender", "valuation"):
            assert absent not in texts[PAYWALL], absent
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        # the pages a citation-scope trap rests on do not address the claim
        assert "邁昇" not in texts[REUTERS] and "Maisheng" not in texts[REUTERS]
        assert "Lumenary" not in texts[PRN] and "$31 billion" not in texts[DCF] and "Lumenary" in texts[DCF]
