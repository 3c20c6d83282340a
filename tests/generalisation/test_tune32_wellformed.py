"""Well-formedness of the tune32 development set (tests/fixtures/tune32/), checked without the engine.

The set was written blind to the engine. ``WellFormed`` checks its labels against its reports and its
archive (one dead URL, one soft 404, one paywall stub); the tests here check the shapes of its two reports
(an English e-mail newsletter saved as HTML from a mail client, a Simplified-Chinese broker 晨会纪要 as plain
text), that each label rests on exactly the URLs its report's citation scope gives it, and that the pages
carry the dates, languages, sizes and features the labels rely on.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

from tests.generalisation.labelled_set import LabelledSet, WellFormed, live_page_texts, page_languages

OWN = "https://letters.inferencememo.com/"  # the newsletter's own chrome links: never citations
URL = re.compile(r"https?://(?!letters\.inferencememo\.com/)[^\s\"'<>()\[\]，；。、）]+")
LINK = re.compile(r"(?:href|src)=\"([^\"]+)\"")
BLOCK = re.compile(r"<td class=\"(intro|item|brief)\"[^>]*>(.*?)</td>", re.S)
H2 = re.compile(r"<h2[^>]*>(.*?)</h2>")
SOURCE_LINE = re.compile(r"资料来源：[^，\s]+，(https://\S+)")
ITEM_TITLE = re.compile(r"(\d)\. \S.*")
ANALYST = re.compile(r"分析师：\S{2,4}　执业证书编号：S0\d{12}")
POINT = re.compile(r"（\d）\S.*")
SECTIONS = ["【宏观策略】", "【行业动态】", "【公司点评】", "【海外观察】"]

NEWSLETTER = "n1_html_newsletter_en.html"
MINUTES = "j1_chenhui_jiyao_sc.txt"
P01 = "https://36kr.com/p/3101847265390211"
P02 = "https://money.udn.com/money/story/5612/8430127"
P03 = "https://inews.hket.com/article/3921846"
P04 = "https://www.reuters.com/technology/artificial-intelligence/ai-lab-kestrel-minds-raises-24-billion-norhaven-led-round-2026-12-17/"
P05 = "https://techcrunch.com/2026/12/15/lumenfold-releases-halo-3-open-weight-model/"
PAYWALL = "https://www.bloomberg.com/news/articles/2026-12-21/kestrel-minds-is-said-to-hold-early-talks-with-banks-on-ipo"
P07 = "https://www.businesswire.com/news/home/20261209005633/en/Solvane-Photonics-Reports-Third-Quarter-Fiscal-2027-Financial-Results"
P08 = "https://www.datacenterdynamics.com/en/news/norvik-digital-secures-financing-for-ohio-ai-campus/"
SOFT_404 = "https://venturebeat.com/ai/lumenfold-hits-500-million-arr-as-enterprise-demand-for-halo-surges/"
P10 = "https://www.yicai.com/news/102947316.html"
P11 = "https://www.cnbc.com/2026/12/10/arcwell-systems-ipo-nasdaq-debut.html"
P12 = "https://www.stcn.com/article/detail/2318745.html"
DEAD = "https://www.kestrelminds.ai/news/series-c-and-credit-facility"
CHINESE = {P01: "zh-CN", P02: "zh-Hant-TW", P03: "zh-Hant-HK", P10: "zh-CN", P12: "zh-CN"}

TUNE32 = LabelledSet(
    "tune32",
    by_report={
        NEWSLETTER: {"verified": 17, "contradicted": 13, "unverified": 8},
        MINUTES: {"verified": 16, "contradicted": 12, "unverified": 9},
    },
    verdicts={"verified": 33, "contradicted": 25, "unverified": 17},
    kinds={"money": 25, "fact": 18, "count": 10, "percent": 10, "date": 9, "version": 3},
    live=12,
    url=URL,
    empty_pages={
        SOFT_404: "Sorry, we couldn't find the page you were looking for.",  # soft 404 answering 200
        PAYWALL: "Subscribe to continue reading",  # paywall stub
    },
)


def _blocks(newsletter: str) -> list[tuple[str, str]]:
    """The newsletter's intro, item and "In brief" cells in order: (class, inner HTML)."""
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(newsletter)]


def _cited_links(html: str) -> set[str]:
    return {u for u in LINK.findall(html) if not u.startswith(OWN)}


def _minutes_parts(minutes: str) -> tuple[list[str], list[list[str]]]:
    """The 今日要点 lines and the numbered items (each a list of its non-blank lines)."""
    lines = minutes.splitlines()
    start, first = lines.index("今日要点"), lines.index(SECTIONS[0])
    summary = [line for line in lines[start + 1 : first] if line]
    items: list[list[str]] = []
    current: list[str] | None = None
    for line in lines[first:]:
        if line.startswith(("风险提示：", "免责声明：")) or line in SECTIONS:
            current = None  # a section heading or the closing paragraphs end an item
        elif ITEM_TITLE.fullmatch(line):
            current = [line]
            items.append(current)
        elif line and current is not None:
            current.append(line)
    return summary, items


def _weekday(text: str, day: dt.date, name: str) -> None:
    assert text and day.strftime("%A") == name, (text, day, name)


class TestTune32WellFormed(WellFormed):
    SET = TUNE32

    def test_the_newsletter_is_an_html_email_saved_from_a_mail_client(self, reports: dict[str, str]) -> None:
        html = reports[NEWSLETTER]
        assert 7_000 <= len(html.encode("utf-8")) <= 14_000
        assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>')
        head = html.split("</head>", 1)[0]
        assert "<title>The Inference Memo &mdash;" in head and '<style type="text/css">' in head
        assert "@media only screen" in head and not URL.search(head)
        # nested layout tables with inline styles, a hidden preheader span
        assert html.count("<table") >= 4 and 'class="container" width="600"' in html
        assert html.count('style="') > 40
        assert re.search(r'<span class="preheader" style="display:none;[^"]*">[^<]+</span>', html)
        preheader = re.search(r'<span class="preheader"[^>]*>([^<]+)<', html).group(1)  # type: ignore[union-attr]
        assert not re.search(r"\d", unescape(preheader))  # the preheader teases, it states no figure
        assert "Monday, January 4, 2027" in html
        _weekday("Monday, January 4, 2027", dt.date(2027, 1, 4), "Monday")
        for entity in ("&amp;", "&nbsp;", "&#8217;", "&mdash;", "&rarr;"):
            assert entity in html, entity
        # section headings
        assert H2.findall(html) == ["Funding", "Models", "Chips &amp; hardware", "Infrastructure", "Asia"]
        # the chrome links point at the newsletter's own domain and are exactly these
        own = [u for u in LINK.findall(html) if u.startswith(OWN)]
        assert own == [
            OWN + "view/2027-01-04-issue-212",
            OWN + "c/212/sponsor-gridwise",
            OWN + "preferences?u=8f3a21c7",
            OWN + "unsubscribe?u=8f3a21c7&amp;i=212",
            OWN + "o/212/8f3a21c7.gif",
        ]
        assert (
            ">View in browser</a>" in html
            and ">Manage preferences</a>" in html
            and ">Unsubscribe</a>" in html
        )
        assert re.search(r'<img src="' + re.escape(OWN) + r'o/[^"]+\.gif" width="1" height="1"', html)
        sponsor = html.split('<td class="sponsor"', 1)[1].split("</table>", 1)[0]
        assert "Together with Gridwise" in sponsor and not _cited_links(sponsor)
        # every other link is a citation and sits in an item cell; the intro and "In brief" cite nothing
        blocks = _blocks(html)
        assert [c for c, _ in blocks].count("intro") == 1 and [c for c, _ in blocks][-1] == "brief"
        in_items = {u for c, b in blocks if c == "item" for u in LINK.findall(b)}
        assert _cited_links(html) == in_items == set(URL.findall(html))
        for cls, body in blocks:
            links = LINK.findall(body)
            assert all(not u.startswith(OWN) for u in links), body
            if cls == "item":
                assert links and "<td" not in body, body
            else:
                assert not links and re.search(r"\d", re.sub(r"<[^>]+>|&#\d+;", "", body)), body
        # both ways of citing: inline anchor text and a closing "Read more →"
        assert html.count(">Read more&nbsp;&rarr;</a>") == 3
        assert re.search(r'\(<a href="https://[^"]+"[^>]*>Reuters</a>\)', html)

    def test_newsletter_labels_rest_on_their_own_item(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        html = reports[NEWSLETTER]
        cited = set(URL.findall(html))
        blocks = _blocks(html)
        seen = set()
        for item in labels:
            if item["report"] != NEWSLETTER:
                continue
            owners = [(c, b) for c, b in blocks if item["quote"] in b]
            assert len(owners) == 1, item["quote"]
            cls, body = owners[0]
            seen.add(cls)
            if cls == "item":  # the links inside its own item cell, never another item's
                assert set(item["source_urls"]) == _cited_links(body), item
            else:  # the editor's intro and the "In brief" box: the newsletter's own pages or nothing
                assert set(item["source_urls"]) <= cited, item
        assert seen == {"intro", "item", "brief"}

    def test_the_minutes_are_a_broker_morning_meeting_note(self, reports: dict[str, str]) -> None:
        minutes = reports[MINUTES]
        assert 4_000 <= len(minutes.encode("utf-8")) <= 7_000
        assert "<" not in minutes and "](" not in minutes and "**" not in minutes
        lines = minutes.splitlines()
        assert lines[0].endswith("证券研究所") and lines[1] == "晨会纪要"
        assert lines[2] == "日期：2027年1月5日　星期二" and re.fullmatch(r"总第\d{4}期", lines[3])
        _weekday(lines[2], dt.date(2027, 1, 5), "Tuesday")
        # sections in order, each opening with a numbered item
        assert [line for line in lines if line.startswith("【")] == SECTIONS
        summary, items = _minutes_parts(minutes)
        assert len(summary) == 4 and all(line.startswith("◆ ") for line in summary)
        assert not any(URL.search(line) for line in summary)
        assert [int(ITEM_TITLE.fullmatch(item[0]).group(1)) for item in items] == list(range(1, 9))  # type: ignore[union-attr]
        for item in items:
            assert ANALYST.fullmatch(item[1]) and item[2] == "核心观点：", item
            sources = [line for line in item if line.startswith("资料来源：")]
            assert len(sources) == 1 and item[-1] == sources[0] and SOURCE_LINE.fullmatch(sources[0]), item
            assert all(POINT.fullmatch(line) for line in item[3:-1]), item
            assert not any(URL.search(line) for line in item[:-1]), item
        # every URL sits on a 资料来源：outlet，url line
        on_lines = {m.group(1) for line in lines if (m := SOURCE_LINE.fullmatch(line))}
        assert set(URL.findall(minutes)) == on_lines
        # 风险提示 and 免责声明 close the note and hold no figures
        tail = [line for line in lines if line][-2:]
        assert tail[0].startswith("风险提示：") and tail[1].startswith("免责声明：")
        assert not any(re.search(r"\d", line) or URL.search(line) for line in tail)

    def test_minutes_labels_rest_on_their_items_source_line(
        self, labels: list[dict], reports: dict[str, str]
    ) -> None:
        minutes = reports[MINUTES]
        cited = set(URL.findall(minutes))
        summary, items = _minutes_parts(minutes)
        in_summary = 0
        for item in labels:
            if item["report"] != MINUTES:
                continue
            owners = [b for b in items if any(item["quote"] in line for line in b)]
            if any(item["quote"] in line for line in summary):  # 今日要点: the note's own pages or nothing
                assert not owners and set(item["source_urls"]) <= cited, item
                in_summary += 1
                continue
            assert len(owners) == 1, item["quote"]
            block = owners[0]
            line = next(x for x in block if item["quote"] in x)
            assert POINT.fullmatch(line), item  # a 核心观点 line, never a title, analyst or source line
            own = {m.group(1) for x in block if (m := SOURCE_LINE.fullmatch(x))}
            assert set(item["source_urls"]) == own, item
        assert in_summary == 4

    def test_each_report_cites_english_and_chinese_pages(self, reports: dict[str, str]) -> None:
        cited = {name: set(URL.findall(text)) for name, text in reports.items()}
        for urls in cited.values():
            assert urls & set(CHINESE) and urls - set(CHINESE)
        assert cited[NEWSLETTER] & cited[MINUTES] == {P01, P02, P04, P05, P11}
        assert {P02, P03} <= cited[MINUTES] and P02 in cited[NEWSLETTER]  # Traditional pages, TW and HK
        assert {DEAD, PAYWALL, SOFT_404, P07, P08} <= cited[NEWSLETTER] - cited[MINUTES]

    def test_pages_carry_the_formats_the_labels_rely_on(self, manifest: dict[str, dict]) -> None:
        sources = self.SET.sources
        texts = live_page_texts(manifest, sources)
        joined = "\n".join(texts.values())
        # sizes and languages
        for entry in manifest.values():
            if "file" in entry:
                assert 3_000 <= (sources / entry["file"]).stat().st_size <= 9_000, entry["file"]
        langs = page_languages(manifest, sources)
        assert {u: lang for u, lang in langs.items() if lang.startswith("zh")} == CHINESE
        assert all(lang in {"en", "en-US", "en-GB"} for u, lang in langs.items() if u not in CHINESE)
        assert "創單月歷史新高" in texts[P02] and "為招股價範圍28.80至32.60港元的上限" in texts[P03]
        # dates and weekdays the labels resolve (relative dates against 4 and 5 January 2027)
        assert "2026年12月22日（星期二）" in texts[P03] and "12月23日（星期三）" in texts[P03]
        _weekday("12月23日（星期三）", dt.date(2026, 12, 23), "Wednesday")
        _weekday("2026年12月22日（星期二）", dt.date(2026, 12, 22), "Tuesday")
        assert "2026-12-28 19:36 星期一" in texts[P12] and "12月28日，长三角智算联盟在上海成立" in texts[P12]
        _weekday("上周一", dt.date(2027, 1, 5) - dt.timedelta(days=8), "Monday")
        assert dt.date(2027, 1, 5) - dt.timedelta(days=6) != dt.date(2026, 12, 23)  # 上周三 is 30 December
        assert "December 17, 2026" in texts[P04] and "said on Thursday" in texts[P04]
        _weekday("December 17, 2026", dt.date(2026, 12, 17), "Thursday")
        assert "December 15, 2026" in texts[P05] and "on Tuesday released Halo-3" in texts[P05]
        _weekday("December 15, 2026", dt.date(2026, 12, 15), "Tuesday")
        assert "Thu, Dec 10 2026" in texts[P11]
        _weekday("Thu, Dec 10 2026", dt.date(2026, 12, 10), "Thursday")
        # tables whose unit is only in a caption or a column header
        assert (
            "辰砂半导体主要财务数据（单位：万元）" in joined
            and "营业收入 186,420.55 97,305.12 41,228.70" in joined
        )
        assert "现有算力（PFLOPS） 2027年底目标（PFLOPS）" in joined and "云岚数据 2,100 6,000" in joined
        assert "Benchmark results (accuracy, %)" in joined and "GPQA Diamond 71.3 63.5 74.0" in joined
        assert "(in millions, except per share data)" in joined and "Revenue 1,920 1,670 1,123" in joined
        # a correction note with the stale figure
        assert (
            "Correction, December 19, 2026: An earlier version of this article said the first phase" in joined
        )
        # a complete list and a name said not to be on it
        assert "首批理事单位共五家，分别为：霁川智能、辰砂半导体、云岚数据、沐风科技和苏港算力" in joined
        assert "星澈科技未进入首批理事单位名单" in joined
        # figures of other tranches, segments, periods and companies beside the claimed ones
        assert "a $3.8 billion construction loan, a $1.6 billion term loan B" in joined
        assert "GAAP gross margin was 44.1%; non-GAAP gross margin was 46.8%." in joined
        assert "累計前11月營收1.18兆元，年增38.5%" in joined and "宏澤電子11月營收新台幣412.3億元" in joined
        assert "$0.80 per million input tokens and $3.20 per million output tokens" in joined
        assert "Aster Ridge Capital and Pellucid Ventures also took part" in joined
        # pages that say they do not give a figure a label asks for
        for said in (
            "Lumenfold did not disclose how many GPUs were used to train Halo-3 or what the training run cost.",
            "Arcwell did not disclose its order backlog.",
            "Its largest customer, which it does not name,",
            "Varga declined to say when Kestrel expects to become profitable",
            "鼎翊未公布單一客戶營收占比。",
            "但公司未披露盈利情况及毛利率。",
            "公司未披露赤霄-3的具体量产时间。",
            "公司並無披露2026年全年收入預測。",
        ):
            assert said in joined, said
        # the dead URL has no capture; the soft 404 and the paywall say nothing of the claims resting on them
        assert manifest[DEAD]["status"] == 404 and "file" not in manifest[DEAD]
        assert "Lumenfold" not in texts[SOFT_404] and "$500 million" not in texts[SOFT_404]
        assert "10%" not in texts[PAYWALL] and "float" not in texts[PAYWALL]
        assert len(texts[PAYWALL].split("Subscribe to continue reading")[0]) < 1_200
        # citation-scope traps: the confirming page is cited only by another part of the report
        assert "OpenArena" not in texts[P01] and "Jichuan-4 (1,398)" in texts[P05]
        assert "Arcwell" not in texts[P02] and "Dingyi Technology" in texts[P11]
