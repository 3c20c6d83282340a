"""Claim extraction: atomic claims with tight spans, facts, checkworthiness, entities and topics."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.report import parse_report

REPORT = """# AI 日报 | 2026-04-15

日期：2026-04-15

## 今日 Top 5 大事件

1. Anthropic 发布新模型

发生了什么：Anthropic 在 4 月 7 日公布 Project Glasswing，由 AWS、Google 和 Linux Foundation 等合作方参与。

关键信息：在 CyberGym 上达到 83.1%，明显高于 Claude Opus 4.6 的 66.6%，并提供最高 1 亿美元模型额度。包括主要操作系统中的零日漏洞。

为什么重要：这说明前沿模型的发布路径正在变化，商业化逻辑会先变成分层准入。

可信来源：Anthropic | Project Glasswing (<https://www.anthropic.com/news/project-glasswing>)
"""


def claims_of(text: str = REPORT):
    return extract_claims(parse_report(text, "r.txt"))


def test_one_claim_per_figure_with_tight_spans() -> None:
    claims = claims_of()
    numeric = [(c.kind, c.key_text) for c in claims if c.kind != "fact"]
    assert numeric == [
        ("date", "4 月 7 日"),
        ("percent", "83.1%"),
        ("version", "Claude Opus 4.6"),
        ("percent", "66.6%"),
        ("money", "1 亿美元"),
    ]
    for c in claims:
        assert REPORT[c.start : c.end] == c.key_text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        assert REPORT[c.sentence_start : c.sentence_end] == c.sentence


def test_dates_without_a_year_take_the_report_year() -> None:
    date = next(c for c in claims_of() if c.kind == "date")
    assert date.values[0].value == "2026-04-07"


def test_list_members_are_separate_facts() -> None:
    facts = {c.key_text for c in claims_of() if c.kind == "fact"}
    assert {"AWS", "Google", "Linux Foundation", "Project Glasswing"} <= facts
    assert any("零日漏洞" in f for f in facts)  # a Chinese-only clause is a fact too


def test_opinion_passages_are_not_checkworthy() -> None:
    claims = claims_of()
    opinion = [c for c in claims if "发布路径" in c.sentence]
    assert opinion and not any(c.checkworthy for c in opinion)
    assert all(c.checkworthy for c in claims if c.kind in ("percent", "money"))


def test_no_claims_from_labels_sources_or_metadata() -> None:
    keys = {c.key_text for c in claims_of()}
    assert not keys & {"发生了什么", "关键信息", "为什么重要", "可信来源", "Top 5", "5"}
    assert not any("anthropic.com" in k for k in keys)
    assert all(c.start > REPORT.index("## 今日") for c in claims_of())


def test_entities_and_topics() -> None:
    money = next(c for c in claims_of() if c.kind == "money")
    assert {"CyberGym", "Claude Opus 4.6"} <= set(money.entities)
    assert "usage credits" in money.topics
    glasswing = next(c for c in claims_of() if c.key_text == "Project Glasswing" and c.kind == "fact")
    assert {"Anthropic", "AWS", "Google"} <= set(glasswing.entities)


def test_three_figures_give_three_claims() -> None:
    text = "## 1. 融资\n\nOpenAI 完成融资，承诺资本总额达到 1220 亿美元，投后估值 8520 亿美元，周活用户超过 9 亿。\n"
    claims = [c for c in claims_of(text) if c.kind != "fact"]
    assert [(c.kind, c.values[0].value) for c in claims] == [
        ("money", 122e9),
        ("money", 852e9),
        ("count", 9e8),
    ]
    assert claims[2].values[0].noun == "weekly active users"
    assert "valuation" in claims[1].topics or "post-money valuation" in claims[1].topics


def test_traditional_chinese_reads_the_same_with_original_offsets() -> None:
    text = "## 1. 事件\n\n關鍵資訊：Anthropic 稱 Mythos 已發現數千個高嚴重度漏洞，並提供最高 1 億美元額度。\n"
    claims = claims_of(text)
    money = next(c for c in claims if c.kind == "money")
    assert money.key_text == "1 億美元" and money.values[0].value == 1e8
    count = next(c for c in claims if c.kind == "count")
    assert text[count.start : count.end] == "數千個" and count.values[0].noun == "vulnerabilities"


def test_a_sentence_broken_across_lines_is_one_sentence() -> None:
    text = (
        "## 1. 事件\n\n关键信息：官方披露，本轮由 Amazon、NVIDIA 等战略伙伴锚定，同时向个人投资者募集超过 30 亿美元。OpenAI\n\n"
        "还表示，公司当前月收入已达到 20 亿美元。\n\n为什么重要：短句\n"
    )
    money = [c for c in claims_of(text) if c.kind == "money"]
    assert money[1].key_text == "20 亿美元"
    assert money[1].sentence.startswith("OpenAI") and money[1].sentence.endswith("20 亿美元")
    assert "OpenAI" in money[1].entities


def test_an_english_report() -> None:
    text = (
        "# AI Daily | April 15, 2026\n\n## Top stories\n\n### 1. OpenAI raises money\n\n"
        "OpenAI said on March 31, 2026 that it raised $122 billion from Amazon Web Services and NVIDIA, "
        "at a valuation of more than $850 billion.\n\nSource: OpenAI (https://openai.com/index/funding)\n"
    )
    report = parse_report(text, "en.md")
    assert report.language == "en" and str(report.date) == "2026-04-15"
    claims = claims_of(text)
    numeric = [(c.kind, c.values[0].value, c.values[0].qualifier) for c in claims if c.kind != "fact"]
    assert numeric == [("date", "2026-03-31", "="), ("money", 122e9, "="), ("money", 850e9, ">=")]
    facts = {c.key_text for c in claims if c.kind == "fact" and c.start >= text.index("OpenAI said")}
    assert {"OpenAI", "Amazon Web Services", "NVIDIA"} <= facts
    assert all(len(f.split()) <= 5 for f in facts)


def test_time_phrases_and_clause_cores() -> None:
    text = "## 1. 事件\n\nMeta 表示未来几周将扩展到 WhatsApp，OpenAI 正在调整其产品重心。\n"
    keys = {c.key_text for c in claims_of(text) if c.kind == "fact"}
    assert {"未来几周", "调整其产品重心", "WhatsApp", "Meta", "OpenAI"} <= keys


def test_a_sentence_without_names_takes_its_heading_subject() -> None:
    text = "## 5. NVIDIA 发布 Physical AI Data Factory Blueprints\n\n关键信息：该蓝图集成了三个组件，已有 12 家公司开始使用。\n"
    count = next(c for c in claims_of(text) if c.kind == "count")
    assert "NVIDIA" in count.entities


def test_a_round_letter_is_a_fact_of_its_own() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    report = parse_report("# 日报\n\n## 融资\n\n| 公司 | 轮次 | 金额 |\n|---|---|---|\n| Kirameki AI | C 轮 | 120 亿日元 |\n", "r.md")
    assert ("fact", "C 轮") in [(c.kind, c.key_text) for c in extract_claims(report)]


def test_the_quarter_a_result_is_for_is_a_fact_of_its_own() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    report = parse_report("# Weekly\n\n## Earnings\n\nTallis posted fiscal third-quarter revenue of $4.12bn. 第三季度营收 41 亿美元。\n", "r.md")
    keys = [(c.kind, c.key_text) for c in extract_claims(report)]
    assert ("fact", "third-quarter") in keys and ("fact", "第三季度") in keys


def test_a_table_cell_figure_measures_its_column() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = (
        "# 日报\n\n## 融资\n\n| 公司 | 轮次 | 金额 | 领投方 | 投后估值 |\n|---|---|---|---|---|\n"
        "| Brightfold（美国） | B 轮 | 3 亿美元 | Cedar Peak | 20 亿美元 |\n"
    )
    nouns = {c.key_text: c.values[0].noun for c in extract_claims(parse_report(text, "r.md")) if c.kind == "money"}
    assert nouns == {"3 亿美元": "amount", "20 亿美元": "post-money valuation"}


def test_a_table_row_with_a_source_column_still_states_its_figures() -> None:
    """Most of the row's characters are its source link, yet only the link cell is a source: the row's
    other cells are claims (a line of links alone is still a source line)."""
    from claims.extract import extract_claims
    from claims.report import parse_report

    url = "https://www.example-wire.com/news/home/20261119598112/en/Tallis-Reports-Third-Quarter-Fiscal-2026-Results"
    text = (
        "# Briefing\n\n## Key figures\n\n| Company | Metric | Figure | Source |\n|---|---|---|---|\n"
        f"| Tallis Optics | Q3 revenue | $812.4 million | [Example Wire]({url}) |\n\n"
        f"## Sources\n\n[Example Wire]({url}) | [Other Wire]({url}?b)\n"
    )
    claims = extract_claims(parse_report(text, "r.md"))
    keys = {c.key_text for c in claims}
    assert "$812.4 million" in keys
    assert not any("Wire" in c.key_text for c in claims if c.checkworthy)


def test_a_bold_decimal_opening_a_bullet_is_a_figure_not_a_list_number() -> None:
    """"- **40.5%** — …" and "- **2.3x** — …" open with figures; "- 12. …" and "**3.** …" still number items.
    A bullet that says something before its source link is a sentence, not a source line."""
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = (
        "# Weekly\n\n## By the numbers\n\n"
        "- **40.5%** — share of Tallis's revenue from its API ([Wire](https://example.org/a-long-path/to/the-story-page))\n"
        "- **2.3x** — how much faster Model 3.5 runs than Model 3.1 ([Wire](https://example.org/b))\n"
        "- 12. Tallis hired 300 engineers.\n"
    )
    keys = {c.key_text for c in extract_claims(parse_report(text, "r.md"))}
    assert {"40.5%", "2.3x", "300"} <= keys
    assert not keys & {"12", "12.", "40", "2"}


def test_a_url_query_does_not_end_a_sentence() -> None:
    """"detail?stockCode=688721&…" is inside a link: the sentence after the link is the claim's, not the
    URL's tail; a question mark or a Chinese semicolon (read as ";" in the view) still ends one."""
    from claims.extract import sentence_spans

    text = "Xinglan Q3 report <https://www.cninfo.com.cn/detail?stockCode=688721&id=12|cninfo>: Q3 revenue RMB12.86bn. Why? 营收增长;利润下降"
    sentences = [text[s:e] for s, e in sentence_spans(text, 0, len(text))]
    assert sentences[0].startswith("Xinglan Q3 report <https://") and sentences[0].endswith("RMB12.86bn")
    assert sentences[1:] == ["Why", "营收增长", "利润下降"]


def test_a_percent_after_a_name_is_its_figure_not_its_version() -> None:
    from claims.entities import entities_in

    assert entities_in("stakes: Hoshida 51%, Kanemura 15% and Tessaly 34%.") == ("Hoshida", "Kanemura", "Tessaly")
    assert "Gemma 3" in " ".join(entities_in("Google released Gemma 3 today."))


def test_a_bare_amount_in_wan_among_amounts_of_one_currency_is_theirs() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = "名单合计 3.6 亿元，澄岭拿了 1500 万，云策拿了 1.2 亿元。另有 300 万用户。"
    got = {c.key_text: (c.kind, c.values[0].unit) for c in extract_claims(parse_report(text, "x.txt")) if c.kind != "fact"}
    assert got["1500 万"] == ("money", "CNY")
    assert got["300 万"][0] == "count"


def test_a_lead_that_cites_its_own_page_is_checkworthy() -> None:
    """The lead under a report's title is analysis, unless its sentence cites a page of its own."""
    text = (
        "h1. Chip notes\n\n"
        "{info}*Headline:* Quorra posted fourth-quarter revenue of $6.84 billion "
        "([Quorra release|https://example.org/quorra-q3]).{info}\n\n"
        "Chips keep getting scarcer and the cycle looks long.\n"
    )
    claims = {c.key_text: c for c in extract_claims(parse_report(text, "notes.txt"))}
    assert claims["fourth-quarter"].checkworthy
    plain = extract_claims(parse_report("# Chip notes\n\nQuorra's fourth-quarter lead looks unassailable.\n", "n.md"))
    assert plain and not any(c.checkworthy for c in plain if c.kind == "fact")


def test_a_description_of_several_paragraphs_is_the_report_not_an_analysis_lead() -> None:
    """A podcast's show notes: three paragraphs of prose under the title, the links listed below: their facts are
    checked, as a body's are."""
    para = "Orrin Labs closed its Series D led by Castlebar Capital at a $31 billion valuation, and its revenue run-rate more than tripled. " * 2
    text = f"The Compute Cycle\nEp. 87\n\n{para}\n\n{para}\n\n{para}\n\nLinks mentioned:\n- Orrin (Reuters): https://example.org/orrin\n"
    facts = [c for c in extract_claims(parse_report(text, "notes.txt")) if c.kind == "fact" and "Castlebar" in c.key_text]
    assert facts and all(c.checkworthy for c in facts)


def test_a_table_pulled_from_a_pdf_with_single_spaces_takes_its_captions_unit() -> None:
    text = (
        "# 行业周报\n\n"
        "表1：重点公司盈利预测\n"
        "单位：百万元\n"
        "公司 指标 2025A 2026E 2027E\n"
        "星衡微 营业收入 3,260 5,140 7,020\n"
        "星衡微 归母净利润 -880 410 1,150\n"
        "资料来源：某报，https://www.example.com/a\n\n"
        "公司员工 1,200 人，较去年增加 300 人。\n"
    )
    claims = {c.key_text: c for c in extract_claims(parse_report(text, "note.txt"))}
    assert (claims["5,140"].values[0].value, claims["5,140"].values[0].unit) == (5.14e9, "CNY")
    assert claims["-880"].values[0].value == -8.8e8 and claims["5,140"].kind == "money"
    assert claims["1,200 人"].values[0].unit != "CNY"  # prose under the table keeps its own unit


def test_a_day_first_date_ends_its_sentence_before_a_capital() -> None:
    """"… confirmed £1.6bn on 1 Dec. Four sites were picked …": the full stop after a day-first date's month ends the
    sentence; "on Dec. 1" and "5 Jan. 2019" keep it as an abbreviation."""
    from claims.extract import sentence_spans

    text = "DSIT confirmed £1.6bn on 1 Dec. Four sites were picked. It said on Dec. 1 that it would. Prices rose on 5 Jan. 2019."
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))] == [
        "DSIT confirmed £1.6bn on 1 Dec",
        "Four sites were picked",
        "It said on Dec. 1 that it would",
        "Prices rose on 5 Jan. 2019.",
    ]


def test_a_change_written_y_slash_y_ends_its_sentence() -> None:
    from claims.extract import sentence_spans

    text = "Jan–Nov revenue was up 118.6% y/y. Liquid cooling keeps pulling capex up too. J. Smith said so."
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "Jan–Nov revenue was up 118.6% y/y",
        "Liquid cooling keeps pulling capex up too",
        "J. Smith said so.",
    ]


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Yunzhan priced its IPO at the top of the range on Monday.", "top of the range"),
        ("定价68.50港元，为招股区间上限。", "招股区间上限"),
        ("发行价HKD 42.60，为招股区间（42.60–48.80港元）上限。", "上限"),
    ],
)
def test_the_end_of_a_range_a_price_was_set_at_is_a_fact(sentence: str, key: str) -> None:
    keys = {c.key_text for c in extract_claims(parse_report(f"# Brief\n\n{sentence}\n", "r.md"))}
    assert key in keys


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Tarn Labs shipped Tarn-3 today, and nothing open-source this time.", "nothing open-source"),
        ("Tarn Labs said it will not open-source Tarn-3.", "not open-source"),
        ("Tarn-3 is a closed-weights model.", "closed-weights"),
        ("澜涛-3 并未开源权重，只提供 API。", "未开源权重"),
        ("瀾濤-3 目前仍是閉源模型。", "閉源"),
        ("The Mini costs $0.30 per million input tokens, and neither model is open-weight.", "neither model is open-weight"),
    ],
)
def test_a_denial_of_an_open_release_is_a_fact(sentence: str, key: str) -> None:
    """(a Chinese one may stand inside the run of words around it, read as one fact: "目前仍是閉源模型")"""
    keys = {c.key_text for c in extract_claims(parse_report(f"# Brief\n\n{sentence}\n", "r.md"))}
    assert any(key in k for k in keys), keys


def test_the_semicolon_of_tl_dr_ends_no_sentence() -> None:
    from claims.extract import sentence_spans

    text = "TL;DR: Halcyra's round was led by Northmarch. Next; another"
    assert [text[a:b] for a, b in sentence_spans(text, 0, len(text))] == [
        "TL;DR: Halcyra's round was led by Northmarch",
        "Next",
        "another",
    ]


def test_an_opinion_label_over_numbered_points_leaves_each_point_to_be_read_on_its_own() -> None:
    """"核心观点：" alone on its line over "（1）…（2）…" heads a broker's points: their facts are checkable (a list's
    members, a version), while a paragraph opening on the label ("核心观点：行业景气向上") stays analysis."""
    text = (
        "# 晨会纪要\n\n## 1. 长三角智算联盟成立\n\n核心观点：\n"
        "（1）长三角智算联盟上周一在上海成立，首批理事单位共五家，包括霁川智能、辰砂半导体、云岚数据、沐风科技和星澈科技。\n"
        "资料来源：证券时报，https://www.stcn.com/article/detail/1.html\n\n"
        "## 2. 行业\n\n核心观点：联盟由霁川智能牵头，成员包括云岚数据。\n"
        "资料来源：证券时报，https://www.stcn.com/article/detail/2.html\n"
    )
    facts = {c.key_text: c.checkworthy for c in extract_claims(parse_report(text, "notes.txt")) if c.kind == "fact"}
    assert facts["星澈科技"] is True
    second = [c for c in extract_claims(parse_report(text, "notes.txt")) if c.start > text.index("## 2.") and c.kind == "fact"]
    assert second and not any(c.checkworthy for c in second)


def test_a_wrapped_line_opening_on_a_figure_and_its_scale_goes_on_the_sentence_above() -> None:
    """Mail is wrapped at 72 columns: "The headline spec is a\\n2 million token context window" is one sentence, and
    "2" there is a figure, not an item's number; "2 Results" under "1 Outlook" still numbers its line."""
    text = (
        "Weekly notes\n\nPellucid shipped Quill 3 yesterday. The headline spec is a\n2 million token context window. "
        "API pricing is\n$12 per million input tokens.\n\nhttps://example.org/quill-3\n"
    )
    claims = {c.key_text: c for c in extract_claims(parse_report(text, "notes.txt"))}
    assert "2 million token" in claims
    assert claims["2 million token"].sentence == "The headline spec is a 2 million token context window"
    listed = "Plan\n\n1 Outlook for the year ahead of us all\n2 Results of the third quarter were strong\n"
    assert not [c for c in extract_claims(parse_report(listed, "plan.txt")) if c.key_text in {"1", "2"}]


def test_a_blank_line_after_a_list_item_ends_its_sentence() -> None:
    """A bullet written without a full stop ("* … in 1H27") and the paragraph under it are two sentences; a quoted
    line ("> max output is still 32K tokens") still goes on into the reply that answers it."""
    text = (
        "Notes\n\nFrom the release:\n\n * revenue of $2.18 billion, up 12% from a year earlier\n"
        " * the HX8 memory fabric is on track for volume production in 1H27\n\n"
        "The one thing I'd watch is the back end for the new fabric, where yields are 40%.\n\n"
        "> max output is still 32K tokens for the model\n\nIt's 64K per the post, you're thinking of 3.5.\n\n"
        "https://example.org/release\n"
    )
    claims = {c.key_text: c for c in extract_claims(parse_report(text, "notes.txt"))}
    assert claims["1H27"].sentence == "* the HX8 memory fabric is on track for volume production in 1H27"
    assert claims["40%"].sentence.startswith("The one thing")
    assert claims["64K"].sentence.startswith("> max output is still 32K tokens")
