"""Reading reports: refusals, front matter, sections and their kinds, cited sources."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.errors import ReportError
from claims.model import ParsedReport
from claims.report import decode_report, parse_report
from tests.conftest import REPORTS_DIR


def read(name_prefix: str):
    path = next(REPORTS_DIR.glob(f"{name_prefix}_*.txt"))
    return parse_report(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
        (b"\xff\xfe\xfa report", "UTF-8"),
        (b"x" * 2000, "limit"),
    ],
)
def test_decode_refuses_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        decode_report(data, "r.txt", max_bytes=1000)


def test_decode_keeps_text_as_is() -> None:
    assert decode_report("日报\n".encode(), "r.txt", max_bytes=1000) == "日报\n"


def test_parse_refuses_empty_text() -> None:
    with pytest.raises(ReportError):
        parse_report("   \n", "r.txt")


def test_front_matter_gives_title_and_date() -> None:
    r = read("004")
    assert r.title.startswith("本周 AI 周报")
    assert r.date == dt.date(2026, 2, 6)
    assert r.meta["tags"] == ["AI", "Jeremy"]
    assert r.sections[0].start > 0  # the front matter is not a section


@pytest.mark.parametrize(
    ("prefix", "date"),
    [
        ("000", dt.date(2026, 4, 15)),
        ("001", dt.date(2026, 4, 16)),
        ("002", dt.date(2026, 4, 7)),
        ("003", dt.date(2026, 4, 17)),
    ],
)
def test_report_dates(prefix: str, date: dt.date) -> None:
    assert read(prefix).date == date


def test_markdown_sections_and_kinds() -> None:
    kinds = {s.heading: s.kind for s in read("000").sections}
    assert kinds["今日总览"] == "summary"
    assert kinds["今日三条结论"] == "summary"
    assert kinds["4. Google 推出 Gemma 4，把开放模型进一步做成端侧和主权部署基础设施"] == "event"
    assert kinds["商业与应用解读"] == "summary"
    assert kinds["X 平台高信号观点"] == "social"
    assert kinds["3. AVGen-Bench: 音视频生成已经从“好不好看”走向“能否按要求对齐”"] == "research"


def test_plain_text_sections() -> None:
    sections = read("001").sections
    events = [s for s in sections if s.kind == "event" and s.heading[:1].isdigit()]
    assert [s.heading[:2] for s in events] == ["1.", "2.", "3.", "4.", "5."]
    assert any(s.kind == "research" and s.heading.startswith("3. SkillClaw") for s in sections)


def test_sections_cover_the_text_in_order() -> None:
    r = read("002")
    for a, b in zip(r.sections, r.sections[1:], strict=False):
        assert a.end == b.start and a.order + 1 == b.order


def test_sources_of_a_section() -> None:
    r = read("000")
    first = next(s for s in r.sections if "OpenAI 与 Cloudflare" in s.heading)
    assert [s.url for s in first.sources] == [
        "https://openai.com/index/cloudflare",
        "https://developers.cloudflare.com/agent/",
    ]
    assert first.sources[0].label.startswith("OpenAI")


def test_malformed_sources_are_kept() -> None:
    nvidia = next(s for s in read("000").sections if s.heading.startswith("5. NVIDIA"))
    urls = [s.url for s in nvidia.sources]
    assert (
        "https://nvidianews.nvidia.com/news/nvidia-announces-ry-blueprint-to-accelerate-robotics-vision-ai-agent-development"
        in urls
    )
    broken = [s for s in nvidia.sources if s.malformed]
    assert broken and broken[0].url is None and broken[0].raw.startswith("ps://")
    grid = next(s for s in read("001").sections if s.heading.startswith("5. NVIDIA"))
    assert any(s.malformed and "press-release-details" in s.raw for s in grid.sources)


def test_html_end_tags_and_links_inside_the_notes_are_no_sources() -> None:
    """A Notion export's callouts close on "</aside>", its toggles on "</details>", and it links its other pages
    by relative file names: none of these is a cited address, well-formed or malformed."""
    from claims.citations import find_sources

    text = (
        "<aside>\n💡 **本周结论**\n\n融资事件已达142起。\n\n</aside>\n\n"
        "上一期：[周报 · 第49周](AI%E4%BA%A7%E4%B8%9A%E5%91%A8%E6%8A%A5%20%C2%B7%202c41f0a9e6b84d53.md)\n"
        "<details><summary>展开</summary>\n\n- 另见 [成本](#costs) 与 [附表](q3%20tables.md)\n\n</details>\n"
        "- 营收 3 亿元（[来源](https://example.com/news/a.md)），另见 [坏链](htps//example.com/x) 与 [上周](../weekly/w06)\n"
    )
    assert [(s.raw, s.malformed) for s in find_sources(text)] == [
        ("https://example.com/news/a.md", False),
        ("htps//example.com/x", True),
        ("../weekly/w06", True),  # a path outside the notes: a broken citation an editor should see
    ]


def test_reference_list_and_footnotes() -> None:
    r = read("003")
    assert [ref.ref_number for ref in r.references] == [4, 5, 6, 7, 8, 9, 10]
    assert r.references[0].url == "https://openai.com/index/the-next-evolution-of-the-agents-sdk/"
    assert r.references[0].label.startswith("OpenAI")
    text = "# 日报\n\n## 1. 事件\n\nOpenAI 发布了新 SDK [4]。\n\n## 参考文献\n\n4. OpenAI, *SDK*. <https://openai.com/sdk>\n"
    parsed = parse_report(text, "t.txt")
    event = next(s for s in parsed.sections if s.kind == "event")
    assert [s.url for s in event.sources] == ["https://openai.com/sdk"]
    assert event.sources[0].ref_number == 4


def test_url_broken_across_a_line_is_joined() -> None:
    text = "## 1. 事件\n\n来源：Example https://example.com/news/2026/\nlong-article-name\n"
    section = parse_report(text, "t.txt").sections[0]
    assert [s.url for s in section.sources] == ["https://example.com/news/2026/long-article-name"]


def test_two_source_lines_in_a_row_are_two_sources() -> None:
    """The next line's "来源：https://…" is a citation of its own, not the rest of the URL above it."""
    text = ("## 1. 事件\n\n某公司发布新芯片。\n\n来源：https://chips.example.com/press/2026/06/new-chip\n"
            "来源：https://news.example.org/2026/06/10/chip-review/\n")
    section = parse_report(text, "t.txt").sections[0]
    assert [s.url for s in section.sources] == [
        "https://chips.example.com/press/2026/06/new-chip", "https://news.example.org/2026/06/10/chip-review/",
    ]


def test_two_urls_on_one_line_split_at_a_full_width_semicolon() -> None:
    text = "### Q: 订单如何？\n\nA: 在手订单38.6亿元。\n参考：https://a.example.com/x.html；https://b.example.org/y.html\n"
    section = parse_report(text, "t.md").sections[-1]
    assert [s.url for s in section.sources] == ["https://a.example.com/x.html", "https://b.example.org/y.html"]


def test_numbered_titles_over_bullets_are_an_outlines_sections() -> None:
    """"1) Company — period (notes)" over "- figure" bullets, each closing on its own Sources: line."""
    text = (
        "Earnings call notes\n\nCompiled for the desk.\n\n"
        "1) Corvane Systems (CRVN) — fiscal Q2 2027 (to 31 Oct), reported Tuesday after the close\n"
        "- Revenue $6.84bn, +38% y/y.\n- Q3 guide $7.30bn.\nSources: <https://a.example.com/corvane>\n\n"
        "2) Corvane / Lintel — deal chatter (not addressed on the call)\n"
        "- A deal could value Lintel at about $14bn.\nSources: <https://b.example.com/lintel>\n"
    )
    sections = parse_report(text, "t.md").sections
    assert [s.heading[:12] for s in sections[1:]] == ["1) Corvane S", "2) Corvane /"]
    assert [[r.url for r in s.sources] for s in sections[1:]] == [
        ["https://a.example.com/corvane"], ["https://b.example.com/lintel"],
    ]


def test_traditional_chinese_report() -> None:
    text = "# 日報 | 2026-04-15\n\n## 今日總覽\n\n關鍵資訊：Anthropic 稱已發現數千個高嚴重度漏洞。\n"
    r = parse_report(text, "t.txt")
    assert r.language == "zh-Hant"
    assert r.date == dt.date(2026, 4, 15)
    assert r.sections[1].kind == "summary"


OTHER_FORMATS = """**今日要闻**

一、OpenAI 发布新模型

OpenAI 于 4 月 2 日发布新模型[^1]，估值 8520 亿美元【2】。

出处：OpenAI Blog https://openai.com/blog/new-model

（二）Anthropic 融资

Anthropic 完成 300 亿美元融资。

【小结】

这一周的变化很大。

[^1]: OpenAI, *New model*. https://openai.com/index/new-model
"""


def test_other_heading_and_footnote_styles() -> None:
    r = parse_report(OTHER_FORMATS, "other.md")
    headings = [(s.heading, s.kind) for s in r.sections]
    assert ("今日要闻", "event") in headings
    assert ("一、OpenAI 发布新模型", "event") in headings
    assert ("（二）Anthropic 融资", "event") in headings
    assert ("小结", "summary") in headings
    first = next(s for s in r.sections if s.heading.startswith("一、"))
    urls = [s.url for s in first.sources]
    assert "https://openai.com/blog/new-model" in urls and "https://openai.com/index/new-model" in urls
    assert [ref.ref_number for ref in r.references] == [1]


def test_byte_order_mark_and_windows_line_ends() -> None:
    r = parse_report("\ufeff# 日报 | 2026-04-15\r\n\r\n## 今日总览\r\n\r\n正文。\r\n", "bom.txt")
    assert r.title == "日报 | 2026-04-15" and r.date == dt.date(2026, 4, 15)
    assert [(s.heading, s.kind) for s in r.sections] == [("日报 | 2026-04-15", "other"), ("今日总览", "summary")]


def test_decode_refuses_utf16_with_a_hint() -> None:
    with pytest.raises(ReportError, match="UTF-16") as info:
        decode_report("日报".encode("utf-16"), "r.txt", max_bytes=1000)
    assert "UTF-8" in info.value.hint


def test_a_title_heading_with_a_summary_cue_does_not_make_the_whole_report_a_summary() -> None:
    from claims.report import parse_report

    text = (
        "# 每周 AI 观察\n\n## 1. OpenAI 完成融资\n\nOpenAI 于 2026-03-31 宣布完成 1220 亿美元融资。\n\n"
        "来源：<https://openai.com/index/accelerating-the-next-phase-ai/>\n"
    )
    report = parse_report(text, "weekly.md")
    kinds = {s.heading: s.kind for s in report.sections}
    assert kinds["每周 AI 观察"] == "summary"
    assert kinds["1. OpenAI 完成融资"] != "summary"


def test_a_numbered_section_after_a_summary_is_a_section_of_its_own() -> None:
    from claims.report import parse_report

    text = (
        "# 产业日报 | 2026-06-10\n\n## 今日总览\n\n过去一周资本加速。\n\n"
        "## 一、Kestrel AI 完成 45 亿美元 D 轮\n\n发生了什么：Kestrel AI 完成融资。\n\n"
        "## 二、本周融资一览\n\n星衍智能完成 B 轮。\n"
    )
    kinds = {s.heading: s.kind for s in parse_report(text, "r.md").sections}
    assert kinds["今日总览"] == "summary"
    assert kinds["一、Kestrel AI 完成 45 亿美元 D 轮"] != "summary"
    assert kinds["二、本周融资一览"] != "summary"


def test_reference_style_links_cite_their_definitions_section_by_section() -> None:
    text = (
        "# Brief\n\n## Funding\n\nQuillon raised $3.2 billion ([The Stackline][1]). It also bought [a chip startup][deal].\n\n"
        "## Pricing\n\nAstra 5 costs $10 per million output tokens ([Astrelle][3]).\n\n## Our take\n\nWatch power.\n\n"
        "[1]: https://thestackline.example/quillon\n[3]: https://astrelle.example/astra-5\n"
        '[Deal]: <https://news.example/deal> "The deal"\n'
    )
    report = parse_report(text, "brief.md")
    sources = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert sources["Funding"] == ["https://thestackline.example/quillon", "https://news.example/deal"]
    assert sources["Pricing"] == ["https://astrelle.example/astra-5"]
    assert sources["Our take"] == []  # the definitions below it are no citation of its own


def test_a_plain_digest_with_rules_numbered_items_and_notes() -> None:
    """Headings set apart by rules of ===, numbered item titles right over their paragraphs, （註n） marks and
    a 資料來源 list of 註n entries with the URL on the line below: each item cites its own note only."""
    text = (
        "產業週報\n第48週\n\n==========\n一、月營收速報\n==========\n\n"
        "1. 甲科技（上市1234）\n甲科技10月營收182.45億元，年增24.1%（註1）。\n\n"
        "2. 乙材料（上櫃5678）\n乙材料10月營收9.86億元，年減3.2%（註2）。\n\n"
        "==========\n資料來源\n==========\n"
        "註1　公開資訊觀測站，甲科技 10月營業收入\nhttps://example.org/mops/1234\n"
        "註2　理財網，〈乙材料10月營收年減〉\nhttps://example.org/news/5678\n"
    )
    report = parse_report(text, "digest.txt")
    cited = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert cited["1. 甲科技（上市1234）"] == ["https://example.org/mops/1234"]
    assert cited["2. 乙材料（上櫃5678）"] == ["https://example.org/news/5678"]
    kinds = {s.heading: s.kind for s in report.sections}
    assert kinds["資料來源"] == "references"
    assert [r.ref_number for r in report.references] == [1, 2]


def test_an_email_digest_with_glyph_titles_caps_headings_and_read_more_lines() -> None:
    """A "Subject:" line titles the report; "■ …" lines over bullets are its sections, each citing its own
    "Read more → url" lines; a capitals line ("OUR VIEW") with its text right under it is a heading of its own,
    citing nothing."""
    text = (
        "Subject: Chip Notes, week 12: Corvel's quarter\nFrom: Desk <desk@example.org>\n\n"
        "Good morning.\n\nIN THIS ISSUE\n• Corvel's quarter\n• Pellmark's order\n\n"
        "■ Corvel Systems (CRVL): Q3 results\n• Revenue of $2.41 billion, up 33%.\n\n"
        "> \"Demand is strong.\"\n> — An analyst\n\n"
        "Read more → https://example.org/corvel-q3\nRead more → https://example.org/corvel-filing\n\n"
        "■ Pellmark: supply deal\n• A $900 million order.\n\nRead more → https://example.org/pellmark\n\n"
        "OUR VIEW\nWe stay overweight Corvel, expecting $10 billion of revenue next year.\n"
    )
    report = parse_report(text, "digest.txt")
    assert report.title == "Chip Notes, week 12: Corvel's quarter"
    cited = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert cited["Corvel Systems (CRVL): Q3 results"] == ["https://example.org/corvel-q3", "https://example.org/corvel-filing"]
    assert cited["Pellmark: supply deal"] == ["https://example.org/pellmark"]
    assert cited["OUR VIEW"] == [] and cited["IN THIS ISSUE"] == []


def test_a_transcripts_turns_cite_only_the_links_they_refer_to() -> None:
    """A podcast transcript: "[mm:ss] 嘉宾（…）：" turns cite the show notes' links by "（见链接 n）"; a turn with
    no reference cites nothing, and the reference's number is no figure of the turn."""
    from claims.extract import extract_claims

    text = (
        "《芯片夜谈》第3期 文字稿\n\n"
        "[00:10] 主持人：今天聊两家公司。\n\n"
        "[01:02] 嘉宾（王一）：数字确实很猛。甲公司第三季度营收38.62亿元，同比增长126%（见链接 1）。\n\n"
        "[02:30] 嘉宾（李二）：乙公司拿到12亿美元订单（见链接 2）。\n\n"
        "[03:15] 主持人：我猜明年出货会突破100万片。\n\n"
        "节目单 / 本期提到的链接\n"
        "1. 甲公司三季报 — https://example.org/a-q3\n2. 乙公司订单 — https://example.org/b-order\n"
    )
    report = parse_report(text, "podcast.txt")
    assert report.title == "《芯片夜谈》第3期 文字稿"
    by_turn = {report.text[s.start : s.end].split("：", 1)[0].strip(): [r.url for r in s.sources] for s in report.sections}
    assert by_turn["[01:02] 嘉宾（王一）"] == ["https://example.org/a-q3"]
    assert by_turn["[02:30] 嘉宾（李二）"] == ["https://example.org/b-order"]
    assert by_turn["[03:15] 主持人"] == []
    assert [s.kind for s in report.sections][-1] == "references"
    keys = [c.key_text for c in extract_claims(report)]
    assert "1" not in keys and "2" not in keys and "38.62亿元" in keys
    # a turn's time stamp and speaker label claim nothing: the noise mask covers them
    from claims.extract import noise_mask
    from claims.textnorm import matching_view

    view = matching_view(text)
    mask = noise_mask(report, view)
    label = text.index("[01:02] 嘉宾（王一）：")  # (the matching view keeps every offset)
    assert all(mask[label : label + len("[01:02] 嘉宾（王一）：")])
    assert not any(mask[label + len("[01:02] 嘉宾（王一）：") : label + len("[01:02] 嘉宾（王一）：数字确实很猛")])


def test_a_chat_exports_messages_and_replies_cite_their_own_links() -> None:
    """A Slack export: "<url|label>" links, "[hh:mm] handle:" messages, "↳" replies indented under them. A
    reply is a turn of its own (it cites nothing of its message's), the link's label is the page's name,
    the handle is no claim, and a "• name: figure <url|site>" line of a numbers list states its figure."""
    from claims.extract import extract_claims

    text = (
        "#ai-desk — exported 2026-11-29\n\n"
        "[08:52] dana.w: Velamir printed Q3 after the bell: *revenue $7.41B*, net income $1.1B <https://example.org/velamir-q3|Business Wire>\n"
        "    ↳ [08:55] raj: fiscal or calendar?\n"
        "    ↳ [08:56] dana.w: gross margin _57% vs 54% a year ago_ too\n\n"
        "[10:25] li.chen: Shenyan raised RMB1.5bn, led by Jialan Capital <https://example.org/shenyan|36Kr>\n\n"
        "[11:05] mei: quick numbers:\n"
        "• Pylon Robotics Series C: $300M <https://example.org/pylon-series-c|TechCrunch>\n"
        "• Orbitalis Ranger 3 context window: 1M tokens <https://example.org/ranger-3|Orbitalis>\n"
    )
    report = parse_report(text, "slack.txt")
    cited = [(report.text[s.start : s.end].strip()[:16], [(r.url, r.label) for r in s.sources]) for s in report.sections]
    assert ("[08:52] dana.w: ", [("https://example.org/velamir-q3", "Business Wire")]) in cited
    assert ("↳ [08:56] dana.w", []) in cited
    keys = {c.key_text for c in extract_claims(report)}
    assert {"$7.41B", "$1.1B", "57%", "54%", "$300M"} <= keys
    assert "Jialan Capital" in keys  # a message's one line is no heading: its names are claims too
    assert not keys & {"08:52", "08:56", "dana.w"}


def test_a_whatsapp_exports_messages_cite_their_own_links_or_the_member_link_they_answer() -> None:
    """A WhatsApp export: "[27/12/2026, 09:14:05] Name: message" (a phone's stamp) or "27/12/2026, 09:14 - Name:"
    (another's). Each message is a turn citing its own links; "re Priya's link: …" cites the page Priya last linked;
    a message linking nothing cites nothing. The stamp, the sender and the pointer are no words of the claim's
    sentence, and a message's lines are its sender's own, never one wrapped sentence."""
    from claims.extract import extract_claims

    text = (
        "[27/12/2026, 09:14:05] Priya Raman: Morning all, Corvid finally confirmed the round\n"
        "https://example.org/corvid-series-c\n"
        "$2.4bn Series C, valuation $31bn post-money\n"
        "[27/12/2026, 09:16:48] Tom Okafor: re Priya's link: run-rate is above $400m, up from about $90m a year ago\n"
        "[27/12/2026, 09:18:52] Sofia Marquez: screenshot from their careers page, 380 people now\n"
        "[27/12/2026, 10:02:19] Tom Okafor: Ardent Q3 if anyone missed it https://example.org/ardent-q3\n"
        "27/12/2026, 10:05 - Priya Raman: re: Tom's article, gross margin of 67.1% feels soft\n"
        "[27/12/2026, 11:12:56] Kenji Mori: Veyra-4 is out https://example.org/veyra-4\n"
        "$9.60/M input tokens and $2.40/M output for the flagship model\n"
        "1M context window for all of the paid tiers this time\n"
    )
    report = parse_report(text, "chat.txt")
    cited = {report.text[s.start : s.end].split(": ", 1)[1][:12]: [r.url for r in s.sources] for s in report.sections}
    assert cited["Morning all,"] == ["https://example.org/corvid-series-c"]
    assert cited["re Priya's l"] == ["https://example.org/corvid-series-c"]  # Priya's link, though Tom wrote it
    assert cited["screenshot f"] == []  # a message linking nothing cites nothing
    assert cited["re: Tom's ar"] == ["https://example.org/ardent-q3"]  # (the other phone's stamp)
    claims = {c.key_text: c.sentence for c in extract_claims(report)}
    assert claims["$90m"] == "run-rate is above $400m, up from about $90m a year ago"
    assert claims["380"].startswith("screenshot")
    assert claims["1M"] == "1M context window for all of the paid tiers this time"  # its own line, not joined
    assert not any("Priya" in k or "Tom" in k or "27/12" in k for k in claims)


def test_a_media_times_label_stays_in_its_sentence() -> None:
    """"52:30 Xinheng: revenue up 172%": a recording's chapter names its topic, which is the claim's subject."""
    from claims.extract import extract_claims

    text = "Chapters\n\n00:00 Intro: the week in chips\n12:10 Kestrel: margins at a record\n52:30 Xinheng: revenue up 172%\n"
    claims = {c.key_text: c.sentence for c in extract_claims(parse_report(text, "show.txt"))}
    assert claims["172%"] == "52:30 Xinheng: revenue up 172%"


def test_an_org_mode_weekly_reads_its_keywords_headings_and_table_unit() -> None:
    """Emacs Org-mode: "#+TITLE:" / "#+DATE:" name and date the report, "** " entries are sections citing
    their own "[[url][label]]" links, and a "#+CAPTION: 单位：亿元" over an org table puts its bare cells in 亿元."""
    from claims.extract import extract_claims

    text = (
        "#+TITLE: 算力周报（第48周）\n#+DATE: 2026-11-29\n\n* 本周要闻\n\n"
        "** 星澜智算三季报\n星澜智算第三季度营业收入128.6亿元。\n来源：[[https://example.org/xinglan-q3][巨潮资讯]]\n\n"
        "** 长岭半导体扩产\n长岭半导体拟投资450亿元建设新产线。\n来源：[[https://example.org/changling][证券时报]]\n\n"
        "* 数据一览\n#+CAPTION: 单位：亿元\n| 公司 | 指标 | 数值 |\n|---+---+---|\n| 星澜智算 | 前三季度归母净利润 | 23.1 |\n"
    )
    report = parse_report(text, "weekly.txt")
    assert (report.title, str(report.date)) == ("算力周报（第48周）", "2026-11-29")
    cited = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert cited["星澜智算三季报"] == ["https://example.org/xinglan-q3"]
    assert cited["长岭半导体扩产"] == ["https://example.org/changling"]
    claims = {c.key_text: c for c in extract_claims(report)}
    cell = claims["23.1"]
    assert (cell.kind, cell.values[0].value, cell.values[0].unit) == ("money", pytest.approx(2.31e9), "CNY")
    # a row's own label declares its unit before the caption does; a per-share row keeps its figure
    table = "单位：万元\n\n| 指标 | 数值 |\n|---|---|\n| 研发投入（亿元） | 6.5 |\n| 营业收入 | 86,000 |\n| 每股收益（元） | 0.42 |\n"
    rows = {c.key_text: c.values[0] for c in extract_claims(parse_report(f"# 季报\n\n{table}", "table.md"))}
    assert (rows["6.5"].value, rows["6.5"].unit) == (pytest.approx(6.5e8), "CNY")
    assert (rows["86,000"].value, rows["86,000"].unit) == (pytest.approx(8.6e8), "CNY")
    assert rows["0.42"].value == pytest.approx(0.42)
    assert "2026-11-29" not in claims and "48" not in claims  # keyword lines claim nothing


def test_front_matter_with_an_impossible_date_is_refused_clearly() -> None:
    with pytest.raises(ReportError, match="impossible date"):
        parse_report("---\ntitle: Weekly\ndate: 2026-13-45\n---\n# Weekly\n\nRevenue rose 5%.\n", "weekly.md")


def test_a_threads_posts_cite_their_own_links_and_their_counters_are_no_figures() -> None:
    """An X thread exported as text: "n/N" opens each post; a post cites the links it writes, its
    emoji-led lines are items of their own, its counter is no figure, and "45M shares" counts shares."""
    from claims.extract import extract_claims

    text = (
        "Lina Okafor @ledgerlina\nThread · Nov 29, 2026\n\n"
        "1/4 🧵 The AI week in numbers: a $1.53B IPO and a 1.2 GW groundbreaking 👇\n\n"
        "2/4 💾 Halcyon Micro, fiscal Q3:\n📈 revenue $6.42B, +48% q/q\n🏢 data center $4.96B, +71% y/y\n"
        "https://example.org/halcyon-q3\n\n"
        "3/4 🔔 Kestrel AI IPO\n🧾 45M shares sold at $34\nhttps://example.org/kestrel-ipo\n\n"
        "4/4 Wrap: output prices keep falling. Follow for more 🙏\n"
    )
    report = parse_report(text, "thread.txt")
    cited = {report.text[s.start : s.end].strip()[:3]: [r.url for r in s.sources] for s in report.sections}
    assert cited["2/4"] == ["https://example.org/halcyon-q3"]
    assert cited["3/4"] == ["https://example.org/kestrel-ipo"]
    assert cited["1/4"] == [] and cited["4/4"] == []
    claims = extract_claims(report)
    keys = {c.key_text for c in claims}
    assert {"$1.53B", "$6.42B", "48%", "$4.96B", "71%", "$34"} <= keys
    assert not keys & {"1", "2", "3", "4"}  # the post counters
    shares = next(c for c in claims if c.key_text == "45M")
    assert (shares.kind, shares.values[0].value) == ("count", 45_000_000.0)
    revenue = next(c for c in claims if c.key_text == "$6.42B")
    assert "$4.96B" not in revenue.sentence  # an emoji opens a line of its own


def test_dates_opening_table_lines_make_no_thread() -> None:
    text = "表 1：本周事件\n日期 公司 事件\n11/20 Northstar 园区动工\n11/21 Kestrel AI 上市\n11/24 云枢科技 公告投资\n"
    assert len(parse_report(text, "weekly.txt").sections) == 1


def test_lines_wrapped_inside_a_sentence_read_as_one_line() -> None:
    """Text pulled from a PDF breaks lines at a fixed width, inside words and between a figure and its
    unit: the figure keeps its unit, and the claim's sentence reads the broken word whole."""
    from claims.extract import extract_claims

    text = (
        "二、资本市场\n"
        "11 月 21 日，Kestrel AI 在纳斯达克上市，公司共发行 4,500 万股，按发行价计算估\n"
        "值约 142 亿美元；另据报道，云枢科技拟投资不超过 96.5\n"
        "亿元建设乌兰察布智算中心，规划 IT 负载合计 350 MW。\n"
        "来源：https://example.org/kestrel\n"
    )
    claims = extract_claims(parse_report(text, "weekly.txt"))
    amount = next(c for c in claims if c.key_text.startswith("96.5"))
    assert (amount.kind, amount.values[0].value, amount.values[0].unit) == ("money", 9_650_000_000.0, "CNY")
    valuation = next(c for c in claims if c.key_text == "142 亿美元")
    assert "估值约" in valuation.sentence and "\n" not in valuation.sentence
    assert len(valuation.sentence) == valuation.sentence_end - valuation.sentence_start


def test_circled_notes_at_the_foot_of_a_page_are_numbered_references() -> None:
    """A research report pulled from a PDF marks its notes ①②… after the words they cite and gives each at
    the foot of the page, its URL on the line below: the section cites each note by its number."""
    from claims.citations import footnote_numbers

    text = (
        "一、本周要闻\n"
        "深境智能宣布完成 8.5 亿美元 C 轮融资①。深境-3 输入价格为每百万 tokens 2 元②。\n\n"
        "① 36 氪：《深境智能完成 8.5 亿美元 C 轮融资》，\nhttps://example.org/36kr\n"
        "② 机器之心：《深境-3 发布》，\nhttps://example.org/jiqizhixin\n"
    )
    report = parse_report(text, "weekly.txt")
    cited = {(r.ref_number, r.url) for s in report.sections for r in s.sources}
    assert cited == {(1, "https://example.org/36kr"), (2, "https://example.org/jiqizhixin")}
    assert [n for n, _s, _e in footnote_numbers("融资①。价格为 2 元②")] == [1, 2]
    assert footnote_numbers("① 36 氪：《…》") == []  # a note's own number opens its line: no citation


def test_a_google_docs_exports_letter_notes_are_its_references() -> None:
    """A Google Doc downloaded as text marks its notes [a] [b] … and lists them at the very end, under no
    heading ("[a] https://…"): each section cites the notes it marks, and the list's own marks cite nothing."""
    text = (
        "Weekly notes\nLast updated: Nov 30, 2026\n\n"
        "1. Orrin Labs\n* Revenue was $1.2 billion[a].\n   ○ Backlog rose to $4 billion.\n\n"
        "2. Vantora\n* Signed a 300 MW power deal.[b]\n\n"
        "Open questions\n* Who leads the round?\n\n"
        "[a] https://example.org/orrin\n[b] https://example.org/vantora\n"
    )
    report = parse_report(text, "notes.txt")
    by_heading = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert by_heading["1. Orrin Labs"] == ["https://example.org/orrin"]
    assert by_heading["2. Vantora"] == ["https://example.org/vantora"]
    assert not any(by_heading[h] for h in by_heading if h.startswith("Open"))


def test_a_wechat_articles_reference_list_and_superscript_marks_are_its_notes() -> None:
    """A WeChat article copied from the phone: glyph-led section titles (a question among them), [n] or
    superscript marks after the words they cite, and a 参考资料 list of "[n] title" lines with the URL below."""
    from claims.citations import footnote_numbers

    text = (
        "国产算力这本账怎么算？\n原创 林远 算力哨\n\n"
        "▌ 01 芯衡：收入翻倍\n\n芯衡第三季度营收18.56亿元[1]。\n\n"
        "▌ 02 深衡：收入能否跟上估值？\n\n深衡投后估值180亿元[2]。出货量同比增长41%³。\n\n"
        "-END-\n\n参考资料：\n[1] 芯衡：三季报\nhttps://example.org/q3\n[2] 36氪：深衡融资\nhttps://example.org/36kr\n"
        "[3] Counterpoint: shipments\nhttps://example.org/cp\n"
    )
    report = parse_report(text, "wechat.txt")
    by_heading = {s.heading: [r.url for r in s.sources] for s in report.sections}
    assert by_heading["01 芯衡：收入翻倍"] == ["https://example.org/q3"]
    assert by_heading["02 深衡：收入能否跟上估值？"] == ["https://example.org/36kr", "https://example.org/cp"]
    assert by_heading["-END-"] == []  # the list cites nothing of where it stands
    assert [n for n, _s, _e in footnote_numbers("同比增长41%³，份额31%¹²")] == [3, 12]


def test_a_paragraph_rests_on_the_source_line_under_it() -> None:
    """A 知乎 answer cites paragraph by paragraph, each closed by a "链接：" line of its own: a claim rests on the
    source line under its paragraph, not on every link of the answer."""
    text = (
        "如何看待 Orrin 融资？\n\n谢邀。\n\nOrrin 完成 20 亿美元 D 轮融资，由 Castlebar 领投。\n\n"
        "链接：https://example.org/reuters\n\nHalden 第三季度营收 6.96 亿美元，同比增长 48%。\n\n"
        "链接：https://example.org/halden\n"
    )
    report = parse_report(text, "answer.txt")
    cites = {text[s.start : s.end].strip().split("\n")[-1]: [r.url for r in s.sources] for s in report.sections if s.sources}
    assert cites == {"链接：https://example.org/reuters": ["https://example.org/reuters"],
                     "链接：https://example.org/halden": ["https://example.org/halden"]}


def test_a_notes_points_each_rest_on_the_marked_link_lines_closing_them() -> None:
    """A phone app's note closes each numbered point on its own "🔗原文：" line(s): a claim rests on its point's
    links; a marked link line inside a point, text after it, closes nothing."""
    text = (
        "🔥一周速览\n\n1️⃣ 穹析拿下B轮\n✅ 官宣完成18亿元融资\n🔗原文：https://example.org/a\n\n"
        "2️⃣ 华曜中期业绩\n✅ 收入186.42亿元\n🔗原文：https://example.org/b\n🔗原文：https://example.org/c\n\n"
        "💡 我的看法：订单驱动。\n"
    )
    report = parse_report(text, "note.txt")
    cited = [[r.url for r in s.sources] for s in report.sections if s.sources]
    assert cited == [["https://example.org/a"], ["https://example.org/b", "https://example.org/c"]]
    inside = "1️⃣ 穹析\n🔗原文：https://example.org/a\n✅ 18亿元\n\n2️⃣ 华曜\n🔗原文：https://example.org/b\n✅ 186亿元\n"
    assert [[r.url for r in s.sources] for s in parse_report(inside, "n.txt").sections if s.sources] == [
        ["https://example.org/a", "https://example.org/b"]
    ]


def _cited_by_figure(report: ParsedReport, text: str, figures: tuple[str, ...]) -> dict[str, list[str]]:
    """The URLs the section holding each of ``figures`` cites."""
    return {f: [r.url for r in s.sources] for s in report.sections for f in figures if f in text[s.start : s.end]}


def test_a_feed_items_link_line_inside_the_item_cites_that_item() -> None:
    """A feed read in a terminal gives each item's "Link:" under its title, before its text: a claim rests on the
    link inside its own blank-line-separated item; a closing paragraph with no link cites nothing."""
    text = (
        "$ feedcat Wire\nFeed: The Wire\n\n"
        "Title: Arlen raises a Series B\nLink: https://example.org/arlen\nPublished: Mon, 30 Nov 2026 06:10:00 +0000\n"
        "Description: Arlen raised $80 million at a $600 million valuation.\n\n"
        "Title: Bexley posts record quarter\nLink: https://example.org/bexley\nPublished: Mon, 30 Nov 2026 05:10:00 +0000\n"
        "Description: Bexley&#8217;s revenue rose 41% to $2.3 billion. [&#8230;]\n\n"
        "Reader notes: a busy week, with $3 billion raised.\n"
    )
    by_figure = _cited_by_figure(parse_report(text, "feed.txt"), text, ("$80 million", "$2.3 billion", "$3 billion"))
    assert by_figure == {"$80 million": ["https://example.org/arlen"], "$2.3 billion": ["https://example.org/bexley"],
                         "$3 billion": []}


_CLIPPINGS = (
    "DAILY CLIPPINGS — Orbital Compute\nClips: 2 | Total reach: 7.5M | Share of voice: 31%\n\n"
    "------------------------------\nCLIP 1 of 2\nOutlet: Straits Business Wire\nReach: 2.4M\nAVE: US$18,400\n"
    "Link: https://news.example.com/orbital-raises\n{gap}"
    "Orbital Compute raises new funds\n{gap}"
    "Orbital Compute said it had raised $300 million, valuing it at $2.1 billion.\n\n"
    "------------------------------\nCLIP 2 of 2 [Translated]\nOutlet: 36Kr\nReach: 5.1M\n"
    "Link: https://36kr.example.com/p/22\n{gap}"
    "Orbital Compute plans Shenzhen lab\n{gap}"
    "The company will hire about 200 engineers in Shenzhen.\n\n"
    "------------------------------\nANALYST SUMMARY\nCoverage was broadly positive.\n"
)


@pytest.mark.parametrize("gap", ["\n", ""])
def test_a_clippings_items_each_rest_on_their_own_link_field(gap: str) -> None:
    """A monitoring service's clippings: items set apart by rule lines, each with its fields (the "Link:" among
    them) above its headline and text. Each clip's text rests on its own link — not on the next clip's — and its
    headline opens no section of its own; the text under a link line, with or without a blank line between, is
    read (the link line wraps into nothing)."""
    from claims.extract import extract_claims

    text = _CLIPPINGS.format(gap=gap)
    report = parse_report(text, "clips.txt")
    assert _cited_by_figure(report, text, ("$300 million", "200 engineers", "broadly positive")) == {
        "$300 million": ["https://news.example.com/orbital-raises"],
        "200 engineers": ["https://36kr.example.com/p/22"],
        "broadly positive": [],
    }
    keys = {c.key_text for c in extract_claims(report)}
    assert {"$300 million", "$2.1 billion", "200"} <= keys


def test_a_counted_figure_beside_its_source_link_is_a_claim() -> None:
    from claims.extract import extract_claims

    text = "- 架构更新，总参数 1.2 万亿 [来源](https://www.example.cn/articles/2026-11-26-7)\n"
    keys = {c.key_text for c in extract_claims(parse_report(text, "note.md"))}
    assert "1.2 万亿" in keys


def test_a_long_feeds_items_each_keep_their_own_link() -> None:
    from claims.sections import source_paragraph_spans

    items = [f"Title: Item {i}\nLink: https://example.org/{i}\nDescription: Revenue rose {i % 90}%.\n" for i in range(2000)]
    text = "\n".join(items)
    spans = source_paragraph_spans(text, 0, len(text))
    assert len(spans) == 2000
    assert all(f"https://example.org/{i}\n" in text[a:b] for i, (a, b) in enumerate(spans))


def test_character_references_and_field_labels_claim_nothing() -> None:
    from claims.extract import extract_claims

    text = "Title: Bexley posts record quarter\nDescription: Bexley&#8217;s revenue rose 41% to $2.3 billion. [&#8230;]\n"
    keys = {c.key_text for c in extract_claims(parse_report(text, "feed.txt"))}
    assert {"41%", "$2.3 billion"} <= keys
    assert not any("8230" in k or "8217" in k or k in {"Title", "Description"} for k in keys)


def test_a_tab_separated_tables_cells_take_its_captions_unit() -> None:
    from claims.extract import extract_claims

    text = "四、格局\n表1：加速卡出货量（单位：万片）\n厂商\t2025Q3\t2026Q3\n灵犀\t14.8\t24.6\n"
    cells = {c.key_text: c.values[0] for c in extract_claims(parse_report(text, "t.txt")) if c.key_text in {"14.8", "24.6"}}
    assert cells["24.6"].value == 246_000.0


def test_a_nested_item_rests_on_its_parent_bullets_notes_and_a_plain_sentence_on_its_paragraphs() -> None:
    from claims.citations import inherited_marks, letter_number

    text = "* Revenue was $1.2 billion[a].\n   ○ Backlog rose to $4 billion.\n* Power: 300 MW[c].\n\nNo notes here."
    assert inherited_marks(text, text.index("Backlog")) == {letter_number("a")}
    assert inherited_marks(text, text.index("* Power")) == {letter_number("a"), letter_number("c")}
    assert inherited_marks(text, text.index("No notes")) == set()
    zh = "据业界消息，明年出货将翻倍。公司营收 12 亿元[2]，同比增长 30%[3]。"
    assert inherited_marks(zh, 0) == {2, 3}  # a sentence marking none rests on its paragraph's notes


def test_a_bullet_line_and_a_full_stop_before_note_marks_end_a_wrapped_sentence() -> None:
    from claims.extract import extract_claims

    text = (
        "1. Deals\n"
        "* Shenvale AI closed a $1.8 billion Series C at an RMB 18 billion valuation.[g]\n"
        "○ Plans a Hong Kong listing in 2027.\n"
        "◆ The lead investor was Lakeside Capital, which put in roughly half of it\n"
        "▪ Harlow Grid signed 300 MW of hydro power in Norway for the campus\n"
    )
    sentences = {c.key_text: c.sentence for c in extract_claims(parse_report(text, "n.txt"))}
    assert "Plans" not in sentences["RMB 18 billion"]
    assert "Lakeside" not in sentences["300 MW"]  # "▪" opens a line as "*" does


def test_a_sentence_ends_after_the_footnote_markers_of_its_full_stop() -> None:
    from claims.extract import sentence_spans

    text = "Vantora signed a credit deal.[^1] About $900 million is earmarked.[^1][^2] Orrin Labs grew.[^3] Its campus runs 64,000 GPUs.[^3]"
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))] == [
        "Vantora signed a credit deal.[^1]",
        "About $900 million is earmarked.[^1][^2]",
        "Orrin Labs grew.[^3] Its campus runs 64,000 GPUs.[^3]",  # a pronoun's sentence keeps its antecedent
    ]


def test_a_table_laid_out_with_spaces_reads_its_caption_unit_row_by_row() -> None:
    """Text pulled from a PDF sets a table with spaces: each row is a line of its own (never joined to the
    next as a wrapped line), its names end at the column gap, and its bare cells take the caption's unit."""
    from claims.extract import extract_claims

    text = (
        "五、芯片\n"
        "表 2：主要公司季度收入（单位：百万美元）\n"
        "公司             报告期        本季收入     上季收入     去年同期\n"
        "Halcyon Micro    FY2027Q3      6,418        5,782        4,337\n"
        "Meridian AI      2026Q3        1.08         840          430\n"
        "资料来源：公司公告，https://example.org/q3\n"
    )
    claims = extract_claims(parse_report(text, "weekly.txt"))
    by_key = {c.key_text: c for c in claims}
    assert (by_key["6,418"].kind, by_key["6,418"].values[0].value) == ("money", 6_418_000_000.0)
    assert by_key["1.08"].values[0].value == 1_080_000.0  # as the table writes it: $1.08 million
    assert by_key["6,418"].sentence.startswith("Halcyon Micro") and "Meridian" not in by_key["6,418"].sentence
    assert "Halcyon Micro" in by_key["6,418"].entities and not any("FY2027Q3 " in e for e in by_key["6,418"].entities)


def test_a_wiki_markup_tables_header_row_declares_its_columns_unit() -> None:
    """Confluence / Jira wiki markup: "||Header||" opens the table (no |---| rule), "|cell|" rows follow,
    and the unit in a header cell scales the bare cells under it; each row cites its Source cell's link."""
    text = (
        "h1. Computing projects\n\n"
        "||Project||Investment (RMB billion)||Source||\n"
        "|Qianhai AI Computing Centre|9.8|[SZ notice|https://example.org/sz-notice]|\n"
        "|Guangming Computing Hub|64|[SZ notice|https://example.org/sz-notice]|\n"
    )
    from claims.extract import extract_claims

    rows = {c.key_text: c.values[0] for c in extract_claims(parse_report(text, "page.txt"))}
    assert (rows["9.8"].value, rows["9.8"].unit) == (pytest.approx(9.8e9), "CNY")
    assert (rows["64"].value, rows["64"].unit) == (pytest.approx(6.4e10), "CNY")


def test_a_closing_summary_paragraph_rests_on_the_reports_pages_not_the_last_link() -> None:
    """A video description's chapters each close on their own 🔗 line; the "📌 总结：" paragraph after the last one
    cites nothing: it is a section of its own (no sources), not part of the last chapter."""
    text = (
        "【周报】本周要闻\n\n时间轴：\n"
        "00:35 星衡完成C轮融资\n星衡智能完成12亿元C轮融资。\n🔗 https://example.org/xingheng\n\n"
        "03:10 Pellucid融资\nPellucid完成4.1亿美元C轮融资。\n🔗 https://example.org/pellucid\n\n"
        "📌 总结：Pellucid估值已超过30亿美元。\n"
    )
    report = parse_report(text, "video.txt")
    closing = next(s for s in report.sections if "总结" in text[s.start : s.end])
    assert not closing.sources and text[closing.start :].startswith("📌 总结")
    assert any(r.url.endswith("/pellucid") for s in report.sections for r in s.sources)  # the chapters keep theirs


def test_a_records_answers_cite_the_addresses_inside_them() -> None:
    """An investor-relations record: "问：" / "答：" pairs whose answers link their sources inline ("详见…：url"); each
    answer cites its own links, an answer linking nothing cites nothing, and an address followed by "；" and Chinese
    prose ends there (the width-folded view reads "url;募投…" as one address otherwise)."""
    text = (
        "投资者关系活动记录表\n\n问题1\n问：前三季度经营情况？\n"
        "答：公司前三季度营收86.5亿元。详见证券时报报道：https://example.org/q3\n\n"
        "问题2\n问：合同情况？\n答：合同金额42.6亿元。详见财联社报道：https://example.org/deal；"
        "募投项目详见上海证券报报道：https://example.org/plan\n\n"
        "问题3\n问：如何看行业？\n答：行业仍处上行周期，明年增速有望超过30%。\n"
    )
    report = parse_report(text, "record.txt")
    by_answer = {
        report.text[s.start : s.end].split("。", 1)[0]: [r.url for r in s.sources]
        for s in report.sections
        if report.text[s.start : s.end].startswith("答")
    }
    assert by_answer == {
        "答：公司前三季度营收86.5亿元": ["https://example.org/q3"],
        "答：合同金额42.6亿元": ["https://example.org/deal", "https://example.org/plan"],
        "答：行业仍处上行周期，明年增速有望超过30%": [],
    }
    # answers whose sources are listed elsewhere are not cut from them
    listed = "问：营收？\n答：营收86.5亿元。\n\n问：订单？\n答：订单42.6亿元。\n\n问：行业？\n答：上行。\n\n来源：https://example.org/q3\n"
    assert all("https://example.org/q3" in [r.url for r in s.sources] for s in parse_report(listed, "faq.txt").sections)


def test_a_short_sentence_closed_by_its_note_mark_is_no_heading() -> None:
    """"Corvid's rounds are summarised below.[^1]" between blank lines is a sentence, its full stop before the mark:
    no section of its own (so the memo's section keeps its title and its notes)."""
    text = (
        "# Funding history\n\nCorvid's rounds are summarised below.[^1]\n\nRevenue reached $41 million.[^2]\n\n"
        "[^1]: <https://www.example.com/corvid-c>\n\n[^2]: <https://www.example.com/corvid-q3>\n"
    )
    headings = [s.heading for s in parse_report(text, "memo.md").sections]
    assert "Funding history" in headings and not any("summarised" in h for h in headings)
    assert not any("下表" in s.heading for s in parse_report("# 融资\n\n各轮融资见下表。[3]\n\n正文。\n", "m.md").sections)


def test_a_work_log_form_with_bracketed_fields_over_numbered_items() -> None:
    """A work-log form copied from a chat app: "模板名称：" titles it; "【今日完成工作】" lines over "1、…" items head
    sections, so an item without a "链接：" line of its own cites nothing rather than the next field's first link; a
    "【…】" line over prose is no heading."""
    text = (
        "模板名称：日报（行业研究）\n提交人：林一\n提交时间：2026-12-24 18:32\n\n"
        "【今日完成工作】\n1、整理甲公司财报：营收同比增长87%。\n链接：https://example.org/a\n"
        "2、更新丙公司跟踪表：毛利率55%。\n链接：https://example.org/c\n"
        "3、参加部门周会，同步路演安排。\n\n"
        "【行业动态跟踪】\n1、乙公司完成15亿美元B轮融资。\n链接：https://example.org/b\n\n"
        "【编者按】\n本周市场情绪回暖，成交额超过1万亿元。\n"
    )
    report = parse_report(text, "log.txt")
    assert report.title == "日报（行业研究）"
    cited = [(s.heading, [r.url for r in s.sources]) for s in report.sections]
    assert ("今日完成工作", ["https://example.org/a"]) in cited
    assert ("今日完成工作", []) in cited  # item 3 cites nothing (not the next field's first link)
    assert ("行业动态跟踪", ["https://example.org/b"]) in cited
    assert "编者按" not in [h for h, _ in cited]


def test_a_video_scripts_spoken_lines_cite_their_own_marks() -> None:
    """A short-video script (短视频口播稿): cue lines 【画面】 / 【口播】 / 【字幕】 under "第一条 …" segment titles, the 口播
    lines closing on [n] marks a 参考来源 list at the end resolves. Each cue line cites its own marks: the second
    spoken line of a segment not the first's, a caption or a picture direction nothing."""
    text = (
        "【选题】年终七件事\n发布日期：2027年1月1日\n\n"
        "第一条 澜涛融资\n【画面】报道截图\n【口播】澜涛智能完成B轮融资，投后估值约120亿元[1]。\n【字幕】澜涛｜估值120亿元\n\n"
        "第二条 海外\n【画面】航拍\n【口播】Tarn Labs完成6.4亿美元C轮融资[2]。\n"
        "【口播】模型这边，Tarn-4上下文窗口100万tokens[3]。\n【字幕】Tarn融资\n\n"
        "参考来源\n[1] 36氪｜澜涛融资 https://example.org/a\n[2] TechCrunch｜Tarn raises https://example.org/b\n"
        "[3] Tarn Blog｜Tarn-4 https://example.org/c\n"
    )
    report = parse_report(text, "script.txt")
    cited = {report.text[s.start : s.end].strip()[:8]: [r.url for r in s.sources] for s in report.sections}
    assert cited["【口播】澜涛智能"] == ["https://example.org/a"]
    assert cited["【口播】Tarn"] == ["https://example.org/b"]
    assert cited["【口播】模型这边"] == ["https://example.org/c"]
    assert cited["【字幕】澜涛｜估"] == []  # a caption cites nothing


def test_an_email_threads_messages_cite_their_own_links_not_the_lines_they_quote() -> None:
    """An e-mail thread exported as text: each message (a forwarded one too) opens on a header block and cites the
    addresses of its own text: not those of the lines it quotes under "On … wrote:", nor a forwarded message's;
    the header fields and the signature are no claims, and the thread is dated by its latest message."""
    from claims.extract import extract_claims

    text = (
        "From: Priya <priya@example.org>\nTo: Desk <desk@example.org>\nDate: Mon, 28 Dec 2026 09:14:07 +0000\n"
        "Subject: numbers to check\n\nCorvid closed a $640 million Series C <https://example.org/corvid>.\n\nPriya\n\n"
        "-- \nPriya N.\nAssociate, +44 20 7946 0188\n\n"
        "========================================\n"
        "From: Lena <lena@example.org>\nTo: Desk <desk@example.org>\nDate: Wed, 30 Dec 2026 08:47:19 +0000\n"
        "Subject: Fwd: Asia items\n\nForwarding Wei's note. Tarn is valued at about 12 billion yuan.\n\n"
        "---------- Forwarded message ---------\nFrom: Wei <wei@example.org>\nDate: Tue, Dec 29, 2026 at 5:31 PM\n"
        "Subject: Asia items\nTo: Lena <lena@example.org>\n\nTarn closed a 1.8 billion yuan Series B <https://example.org/tarn>.\n\n"
        "========================================\n"
        "From: Tom <tom@example.org>\nTo: Desk <desk@example.org>\nDate: Thu, 31 Dec 2026 18:02:33 +0000\n"
        "Subject: Re: Fwd: Asia items\n\nAI servers are about 70% of Junshuo's sales <https://example.org/junshuo>.\n\n"
        "On Wed, 30 Dec 2026 at 08:47, Lena <lena@example.org> wrote:\n> Tarn closed a 1.8 billion yuan Series B\n"
        "> <https://example.org/tarn>\n"
    )
    report = parse_report(text, "thread.txt")
    cited = {}
    for s in report.sections:
        for claim in extract_claims(report):
            if s.start <= claim.start < s.end:
                cited[claim.key_text] = [r.url for r in s.sources]
    assert cited["$640 million"] == ["https://example.org/corvid"]
    assert cited["12 billion yuan"] == []  # Lena's own words link nothing; the forwarded note's link is Wei's
    assert cited["70%"] == ["https://example.org/junshuo"]  # not the quoted line's Tarn link
    assert "7946" not in " ".join(cited)  # the signature claims nothing
    assert report.date == dt.date(2026, 12, 31)


def test_a_mailing_list_digests_chrome_is_no_claim_and_no_citation() -> None:
    """A Mailman digest: the list's notice and table of contents, each message's "Message: n" over its header block
    and the list's footer (its listinfo page) are chrome: the last message, linking nothing, cites nothing rather
    than the footer's address; a reply's "Name wrote:" attribution is no claim and the address it quotes is not its
    citation."""
    from claims.extract import extract_claims

    rule = "-" * 70
    text = (
        "AI-Infra Digest, Vol 4, Issue 2\n\nSend AI-Infra mailing list submissions to\n\tai-infra@lists.example.org\n\n"
        "To subscribe or unsubscribe via the World Wide Web, visit\n\thttps://lists.example.org/mailman/listinfo/ai-infra\n\n"
        "Today's Topics:\n\n   1. Halden FQ3 (Priya Raman)\n   2. Re: Halden FQ3 (Kenji Ota)\n   3. Watching (Oskar)\n\n"
        f"{rule}\n\nMessage: 1\nDate: Tue, 12 Jan 2027 07:41:09 +0000\nFrom: Priya Raman <p@example.org>\n"
        "To: ai-infra@lists.example.org\nSubject: [AI-Infra] Halden FQ3\n\nHalden revenue was $2.18 billion.\n\n"
        "https://example.org/halden\n\n-- \nPriya\n\n"
        f"{rule}\n\nMessage: 2\nDate: Tue, 12 Jan 2027 16:26:47 +0800\nFrom: Kenji Ota <k@example.org>\n"
        "To: ai-infra@lists.example.org\nSubject: Re: [AI-Infra] Halden FQ3\n\nPriya Raman wrote:\n"
        "> Halden revenue was $2.18 billion.\n> https://example.org/halden\n\nJincheng handles about 60% of volume.\n"
        "<https://example.org/jincheng>\n\n-- \nKenji\n\n"
        f"{rule}\n\nMessage: 3\nDate: Tue, 12 Jan 2027 20:30:51 +0000\nFrom: Oskar <o@example.org>\n"
        "To: ai-infra@lists.example.org\nSubject: [AI-Infra] Watching\n\nCorvid runs more than 60,000 GPUs.\n\n-- \nOskar\n\n\n"
        f"{rule}\n\nSubject: Digest Footer\n\n_______________________________________________\nAI-Infra mailing list\n"
        "ai-infra@lists.example.org\nhttps://lists.example.org/mailman/listinfo/ai-infra\n\n\n"
        f"{rule}\n\nEnd of AI-Infra Digest, Vol 4, Issue 2\n**************************************\n"
    )
    report = parse_report(text, "digest.txt")
    assert report.title == "AI-Infra Digest, Vol 4, Issue 2"
    claims = extract_claims(report)
    cited: dict[str, list[str | None]] = {}
    for c in claims:  # (each figure's first claim: the quoted line repeats message 1's)
        section = next(s for s in report.sections if s.start <= c.start < s.end)
        cited.setdefault(c.key_text, [r.url for r in section.sources])
    assert cited["$2.18 billion"] == ["https://example.org/halden"]
    assert cited["60%"] == ["https://example.org/jincheng"]
    assert cited["60,000 GPUs"] == []  # (not the footer's listinfo page)
    assert not any("listinfo" in (r.url or "") for s in report.sections for r in s.sources)
    assert not {c.key_text for c in claims} & {"1", "2", "3", "Priya Raman"}


def test_a_numbered_title_over_its_byline_opens_an_item_citing_its_own_source_line() -> None:
    """A broker's morning notes: "4. 辰砂半导体（…）：…" over "分析师：… 执业证书编号：…" is an item's title, however
    long beside the byline; each item rests on its own 资料来源 line."""
    text = (
        "【公司点评】\n\n"
        "4. 辰砂半导体（科创板IPO注册生效）：国产训练GPU代表企业，关注上市进展\n"
        "分析师：卓映川　执业证书编号：S0860523090007\n核心观点：\n（1）公司拟募资35.2亿元。\n"
        "资料来源：第一财经，https://www.yicai.com/news/1.html\n\n"
        "5. 瀚穹智算（2617.HK）：公开发售超购逾2,300倍，AI算力服务稀缺标的\n"
        "分析师：卓映川　执业证书编号：S0860523090007\n核心观点：\n（1）公司预计2026年全年收入约28亿元人民币。\n"
        "资料来源：香港经济日报，https://inews.hket.com/article/2\n"
    )
    report = parse_report(text, "jiyao.txt")
    cited = {s.heading[:4]: [r.url for r in s.sources] for s in report.sections if s.sources}
    assert cited == {
        "4. 辰": ["https://www.yicai.com/news/1.html"],
        "5. 瀚": ["https://inews.hket.com/article/2"],
    }


def test_a_numbered_item_citing_its_own_page_under_a_commentary_group_is_no_summary() -> None:
    """"【公司点评】" over "4. 辰砂半导体：…" items, each closed by its own 资料来源 line: sourced items, checked as any
    item is; the group's heading alone is the commentary."""
    text = (
        "【公司点评】\n\n4. 辰砂半导体：国产训练GPU代表企业\n分析师：卓映川\n（1）公司拟募资35.2亿元，保荐机构为信朗证券。\n"
        "资料来源：第一财经，https://www.yicai.com/news/1.html\n"
    )
    report = parse_report(text, "notes.txt")
    item = next(s for s in report.sections if s.heading.startswith("4."))
    assert item.kind == "other" and [r.url for r in item.sources] == ["https://www.yicai.com/news/1.html"]
