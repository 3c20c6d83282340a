"""Assessment of one claim against indexed pages (pure): the hard cases of DESIGN.md."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from claims.values import parse_values
from verifier.judge import assess_claim
from verifier.judge.matching import build_index, build_query
from verifier.judge.rules import SourceStatus, decide
from verifier.judge.statements import clause_partners


def page(*paragraphs: str | tuple[str, str], title: str = "Benchmark report", published: str | None = None):  # type: ignore[no-untyped-def]
    """An indexed page of paragraphs; a (text, kind) pair is a passage of that kind (a "th"/"td" table row)."""
    text, passages = "", []
    for para in paragraphs:
        para, kind = para if isinstance(para, tuple) else (para, "p")
        passages.append({"start": len(text), "end": len(text) + len(para), "kind": kind, "heading": ""})
        text += para + "\n"
    return build_index(snapshot_id=1, source_id=1, url="https://example.org/x", title=title, text=text,
                       passages=passages, published=published)


def verdict(sentence: str, key: str, kind: str, *pages, antecedent: str = ""):  # type: ignore[no-untyped-def]
    start = sentence.find(key)
    values = [v for v in parse_values(sentence, default_year=2026) if v.start <= start < v.end or v.raw == key]
    q = build_query(kind=kind, sentence=sentence, key_text=key, key_start=start, values=values, antecedent=antecedent)
    a = assess_claim(q, list(pages))
    return decide(SourceStatus(total=1, usable=1), a.findings), a


def test_the_numbers_noun_decides_which_figure_is_compared() -> None:
    p = page("The new leaderboard evaluates 5 models on 12 benchmarks covering coding and math.")
    d, a = verdict("该榜单评测了 12 个模型，覆盖编程和数学", "12 个", "count", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "5"


def test_scale_slip_is_contradicted_with_the_pages_figure() -> None:
    p = page("Anthropic is committing up to $100 million in usage credits. We are also giving $4 million in "
             "direct donations to open-source security organizations.", title="Project Glasswing")
    d, a = verdict("Anthropic 还承诺提供最高 1 亿美元模型额度，以及 4 亿美元给开源安全组织", "4 亿美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "$4 million"
    ok, _ = verdict("Anthropic 还承诺提供最高 1 亿美元模型额度，以及 4 亿美元给开源安全组织", "1 亿美元", "money", p)
    assert ok.status == "verified"


def test_writers_precision_and_bounds_support() -> None:
    p = page("Run-rate revenue has now passed $30 billion, up from roughly $9 billion at the end of 2025.",
             title="Anthropic expands compute")
    d, _ = verdict("Anthropic 收入 run-rate 较 2025 年底约 90 亿美元大幅上升", "90 亿美元", "money", p)
    assert d.status == "verified"
    d, _ = verdict("Anthropic 收入 run-rate 已超过 300 亿美元", "300 亿美元", "money", p)
    assert d.status == "verified"


def test_a_figure_on_an_unrelated_page_does_not_support() -> None:
    p = page("The museum welcomed 4 million visitors last year and opened two new wings.", title="Museum news")
    d, _ = verdict("Anthropic 以及 4 亿美元给开源安全组织", "4 亿美元", "money", p)
    assert (d.status, d.reason) == ("unverified", "not_found_in_source")


def test_release_date_against_the_pages_dateline() -> None:
    p = page("We introduce Prediction Arena, a benchmark where models trade on live markets.",
             title="Prediction Arena: Benchmarking AI Models on Real-World Prediction Markets", published="2026-03-28")
    d, a = verdict("这篇 2026-04-09 发布的论文提出 Prediction Arena，让模型在真实市场交易", "2026-04-09", "date", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "2026-03-28"
    other, _ = verdict("这篇 2026-04-12 发布的论文提出一套 multi-agent framework", "2026-04-12", "date", p)
    assert other.status == "unverified"  # the page is about another paper: no finding either way
    results = page("Halden Compute Reports Third Quarter 2026 Results. Revenue rose 31% to $1.2 billion.",
                   title="Halden Compute Reports Third Quarter 2026 Results", published="2026-11-18")
    moved, _ = verdict("Halden Compute's results came out after the close on Nov 19.", "Nov 19", "date", results)
    assert moved.status == "contradicted"  # results that "came out" on a day: the release's own dateline


def test_a_dated_page_that_says_today_dates_the_claims_event() -> None:
    p = page("The alliance is formed by the four members Albury Compute, Kestrel Power, Pennine Fibre and Marlow "
             "Biosciences, which will invest £75 million in the first phase.",
             "Albury Compute today announced the Northern Inference Alliance, a partnership to run a shared "
             "inference cluster on Teesside.",
             title="Four northern firms form the Northern Inference Alliance", published="2026-11-24")
    claim = "Four northern firms formed the Northern Inference Alliance on {} to run a shared inference cluster"
    d, a = verdict(claim.format("2026-11-24"), "2026-11-24", "date", p)
    assert d.status == "verified" and a.evidence[0].matched_value == "2026-11-24"
    other, _ = verdict(claim.format("2026-11-20"), "2026-11-20", "date", p)
    assert other.status != "verified"


def test_a_periods_end_date_is_not_the_reports_date() -> None:
    """"today reported revenue for the quarter ended October 31": October 31 ends the quarter; the report
    is dated by the page."""
    p = page("Corvane Systems today reported revenue for the second quarter of fiscal 2027, ended October 31, "
             "2026, of $6.84 billion, up 38% from a year ago.",
             title="Corvane Systems Reports Second Quarter Fiscal 2027 Financial Results", published="2026-11-24")
    d, _ = verdict("Corvane 于当地时间11月24日公布2027财年第二财季业绩", "11月24日", "date", p)
    assert d.status == "verified"


def test_results_reported_on_the_release_date() -> None:
    p = page("Revenue | $3,842 | $3,316 | up 41%", "Record quarterly revenue of $3.84 billion, up 41% from a year ago",
             title="Varden Semiconductor Reports Results for Third Quarter Fiscal 2027", published="2026-11-24")
    d, _ = verdict("Varden Semiconductor reported third-quarter results on 24 November 2026, with revenue up 41%",
                   "24 November 2026", "date", p)
    assert d.status == "verified"
    d, _ = verdict("Varden Semiconductor reported third-quarter results on 26 November 2026, with revenue up 41%",
                   "26 November 2026", "date", p)
    assert d.status == "contradicted"


def test_a_bullets_measure_or_months_are_no_subject() -> None:
    """"- Interim DPS raised to …" and "- Jan-Oct revenue …" name a measure and a period, not a company: the
    page about the section's company still speaks to them."""
    p = page("Revenue rose 24 per cent to HK$8.46 billion, while the interim dividend was raised to 18 HK cents a "
             "share from 14 HK cents.", title="Harbourline Digital interim profit jumps 41 per cent")
    d, _ = verdict("- Interim DPS raised to HK$0.18 from HK$0.14.", "HK$0.18", "money", p)
    assert d.status == "verified"
    d, _ = verdict("- Interim DPS raised to HK$0.81 from HK$0.14.", "HK$0.81", "money", p)
    assert d.status == "contradicted"


def test_the_year_of_an_amount_dates_no_event() -> None:
    """"2027年的资本开支" is the capex of 2027: a claim that phase three starts in 2028 is not contradicted."""
    p = page("他表示，公司2027年的资本开支预计不低于40亿元，主要用于乌兰察布三期的建设，三期的具体投产时间将视客户需求而定。",
             title="星衡智算：二期上架率提升快于预期")
    d, _ = verdict("星衡智算乌兰察布三期预计2028年投产", "2028年", "date", p)
    assert d.status == "unverified"


def test_a_member_the_page_leaves_out_of_its_complete_list_though_it_names_it_elsewhere() -> None:
    p = page("The three partners Hoshida Robotics, Kanemura Logistics and Tessaly Systems will invest 45 billion yen.",
             "Okabe Shoji, which had been reported to be in talks to join, is not a partner in the venture.",
             title="Hoshida Robotics forms warehouse automation joint venture")
    d, a = verdict("合资公司由三方组成：Hoshida Robotics、Kanemura Logistics和Okabe Shoji", "Okabe Shoji", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    d, _ = verdict("合资公司由三方组成：Hoshida Robotics、Kanemura Logistics和Tessaly Systems", "Tessaly Systems", "fact", p)
    assert d.status == "verified"
    d, _ = verdict("Okabe Shoji will be the joint venture's first customer", "Okabe Shoji", "fact", p)
    assert d.status != "contradicted"  # not written as a member of the list


def test_a_complete_list_after_a_preposition_leaves_out_another_member() -> None:
    """"available through three cloud partners: A, B and C" is a complete list as "the three partners" is."""
    p = page("At launch, Atlas 2.5 is available through three cloud partners: Stratus Cloud, Kestrel Compute and "
             "Northwind Data. Halden Cloud will add the model in early 2027.", title="Introducing Atlas 2.5")
    claim = "Atlas 2.5 launches with three cloud partners: Stratus Cloud, Kestrel Compute and {}"
    d, _ = verdict(claim.format("Halden Cloud"), "Halden Cloud", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    d, _ = verdict(claim.format("Northwind Data"), "Northwind Data", "fact", p)
    assert d.status == "verified"


def test_a_complete_list_a_verb_of_choosing_gives_leaves_out_another_member() -> None:
    """"has qualified three back-end partners for its chips: A, B and C" is a complete list as "the three partners"
    is: a company the page says was not chosen is no member (and the list shown starts after the colon)."""
    p = page("Halvard Semiconductor has qualified three back-end partners for its HX9 chips: Jinwei Semiconductor, "
             "Ruiqi Technology and Anvers Test Systems. Kaiyuan Packaging, in qualification since mid-2026, was not "
             "selected.", title="Halvard picks HX9 back-end partners")
    claim = "Halvard qualified three partners: Jinwei, {} and Anvers."
    d, a = verdict(claim.format("Kaiyuan"), "Kaiyuan", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "Jinwei Semiconductor, Ruiqi Technology, Anvers Test Systems"
    ok, _ = verdict(claim.format("Ruiqi"), "Ruiqi", "fact", p)
    assert ok.status == "verified"


def test_a_version_named_in_pinyin_meets_its_characters_on_a_chinese_page() -> None:
    """"prices well below Mingjing-3" against 较明镜-3分别下降60%和50%: the family's characters sound as its pinyin."""
    p = page("价格方面，明镜-4 API输入每百万tokens 2元，较明镜-3下降60%。", title="澈思智能发布明镜-4")
    d, _ = verdict("Chesi launched Mingjing-4, priced well below Mingjing-3", "Mingjing-3", "version", p)
    assert d.status == "verified"
    other, _ = verdict("Chesi launched Mingjing-4, priced well below Mingjing-2", "Mingjing-2", "version", p)
    assert other.status != "verified"


def test_a_complete_list_a_verb_gives_leaves_out_another_member() -> None:
    """"The venture has three partners: A, B and C": a company the page names in another role is no partner."""
    p = page("The venture has three partners: Kirin Electric, Tobu Holdings and Aomi Grid Partners. Halvard AI has "
             "signed a letter of intent to lease capacity, but is not an equity partner.", title="Aomi data centre venture")
    d, _ = verdict("Kirin, Tobu and Halvard are forming a JV for a 600MW campus", "Halvard", "fact", p)
    assert d.status == "contradicted"
    ok, _ = verdict("Kirin, Tobu and Aomi Grid Partners are forming a JV for a 600MW campus", "Aomi Grid Partners", "fact", p)
    assert ok.status == "verified"


def test_a_figure_of_another_family_in_the_sentence_does_not_own_the_amount() -> None:
    """The claim's 24% binds "rose 24 per cent" on the page; the amount after it is still the revenue, and
    84.6亿美元 against HK$8.46 billion is a wrong currency."""
    p = page("Net profit for the six months rose 41 per cent to HK$1.12 billion.",
             "Revenue rose 24 per cent to HK$8.46 billion, while the interim dividend was raised to 18 HK cents.",
             title="Harbourline Digital interim profit jumps 41 per cent")
    claim = "Harbourline Digital 六个月纯利增长41%至11.2亿港元，收入增长24%至{}"
    d, _ = verdict(claim.format("84.6亿美元"), "84.6亿美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_currency")
    d, _ = verdict(claim.format("84.6亿港元"), "84.6亿港元", "money", p)
    assert d.status == "verified"


def test_near_miss_name_and_including_list() -> None:
    p = page("Physical AI developers including FieldAI, Skild AI, Teradyne Robotics and Uber are adopting it.",
             title="NVIDIA Physical AI Data Factory Blueprint")
    d, a = verdict("Uber、Skild AI、Radyn Robotics 等已开始使用 NVIDIA 的 blueprint", "Radyn Robotics", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "Teradyne Robotics"
    absent, _ = verdict("Uber、Skild AI、Boston Dynamics 等已开始使用 NVIDIA 的 blueprint", "Boston Dynamics", "fact", p)
    assert absent.status == "unverified"
    present, _ = verdict("Uber、Skild AI 等已开始使用 NVIDIA 的 blueprint", "Skild AI", "fact", p)
    assert present.status == "verified"


def test_chinese_only_subject_meets_english_page() -> None:
    p = page("Mythos Preview found thousands of zero-day vulnerabilities in every major operating system.",
             title="Project Glasswing")
    d, _ = verdict("Mythos Preview 已发现主要操作系统中的零日漏洞", "零日漏洞", "fact", p)
    assert d.status == "verified"


def test_version_missing_from_a_complete_list_is_contradicted() -> None:
    p = page("Gemma 4 comes in four versions:", "Effective 2B (E2B) and Effective 4B (E4B) for phones.",
             "26B Mixture of Experts (MoE) for low latency.", "31B Dense, our highest-quality model.",
             title="Gemma 4: the most capable open models")
    d, _ = verdict("Google 发布 Gemma 4，推出 Gemma 4 9B 版本", "Gemma 4 9B", "version", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    ok, _ = verdict("Google 发布 Gemma 4，推出 E2B 版本", "E2B", "version", p)
    assert ok.status == "verified"


def test_a_date_elsewhere_on_the_page_does_not_support_a_release_date() -> None:
    p = page("Our quarterly report is published on March 31, 2026 with figures for the first quarter.",
             "Today we release Orion 2, our fastest model yet.", title="Introducing Orion 2", published="2026-04-14")
    d, a = verdict("这家公司于 2026-03-31 发布 Orion 2 模型", "2026-03-31", "date", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "2026-04-14"
    ok, a = verdict("这家公司于 2026-04-14 发布 Orion 2 模型", "2026-04-14", "date", p)
    assert ok.status == "verified" and a.evidence[0].matched_value == "2026-04-14"


def test_name_absent_from_a_complete_list_is_contradicted() -> None:
    p = page("The round was led by the three companies Amazon, NVIDIA and SoftBank, with others joining.",
             title="OpenAI closes its funding round")
    d, a = verdict("本轮融资由 Amazon、NVIDIA、Oracle 领投", "Oracle", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    assert "SoftBank" in (a.evidence[0].matched_value or "")
    including = page("The round drew investors including Amazon, NVIDIA and SoftBank.", title="OpenAI round")
    d, _ = verdict("本轮融资由 Amazon、NVIDIA、Oracle 领投", "Oracle", "fact", including)
    assert d.status == "unverified"


def test_a_chinese_fact_about_a_named_subject_needs_the_subject_on_the_page() -> None:
    p = page("Our editors track developments in large models and developer tools for every reader.",
             title="Tech daily")
    d, _ = verdict("TinyFish 正式发布了平台，开发者仅需一个密钥", "开发者仅需一个", "fact", p)
    assert d.status == "unverified"


def test_version_is_found_as_written_and_not_inside_a_longer_name() -> None:
    from verifier.judge.names import version_pattern

    text = "Starting today GPT-5.4 and Gemma 4 27B; also GPT-5.5-Cyber."
    assert version_pattern("GPT - 5 . 4").search(text)
    assert version_pattern("Gemma-4-27B").search(text)
    assert not version_pattern("GPT-5.5").search(text)  # only GPT-5.5-Cyber is there
    assert not version_pattern("GPT-5").search(text)
    # a Chinese name is part of its version: 曜问-3 is neither any 3 nor 曜问-3.5
    assert not version_pattern("曜问-3").search("栖梧计划发布QW-3，较曜问-3.5下调50%")
    assert version_pattern("曜问-3").search("价格较曜问-3下调50%")


def test_garbled_unit_same_digits_next_to_the_same_subject() -> None:
    p = page("OpenAI now serves more than 1 million business customers. Codex alone is used by more than "
             "3 million people every week.", title="OpenAI and Cloudflare")
    d, a = verdict("其已有超过 100 万 business customers，Codex 周活达到 300 分钟", "300 分钟", "count", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "3 million"
    unrelated = page("The museum keeps 3 million objects in storage.", title="Museum")
    d, _ = verdict("Codex 周活达到 300 分钟", "300 分钟", "count", unrelated)
    assert d.status == "unverified"


def test_a_relative_date_meets_the_same_relative_date_on_a_page_without_a_dateline() -> None:
    from claims.values import parse_values
    from verifier.judge import assess_claim
    from verifier.judge.matching import build_index, build_query

    text = "The first commercial-scale deployment is planned for later this year at the NVIDIA AI Factory Research Center in Virginia."
    idx = build_index(snapshot_id=1, source_id=1, url="u", title="Nvidia flexible data centers", text=text, passages=[], published=None)
    sentence = "首批商业化部署将于今年晚些时候落在 NVIDIA AI Factory Research Center。"
    vals = [v for v in parse_values(sentence, default_year=2026) if v.kind == "date"]
    q = build_query(kind="date", sentence=sentence, key_text=vals[0].raw, key_start=vals[0].start, values=vals)
    got = assess_claim(q, [idx])
    assert [f.stance for f in got.findings] == ["supports"]
    dated = build_index(snapshot_id=2, source_id=1, url="u", title="t", text=text, passages=[], published="2025-10-01")
    assert all(f.stance != "supports" for f in assess_claim(q, [dated]).findings)  # that page's "this year" is 2025


def test_a_version_the_page_never_names_beside_its_sibling_is_contradicted() -> None:
    from claims.values import parse_values
    from verifier.judge import assess_claim
    from verifier.judge.matching import build_index, build_query

    text = "Agent Cloud now offers OpenAI frontier models including GPT-5.4 to enterprises on Cloudflare."
    idx = build_index(snapshot_id=1, source_id=1, url="u", title="OpenAI on Cloudflare Agent Cloud", text=text, passages=[])

    def verdicts(sentence: str) -> list[tuple[str, str | None]]:
        vals = [v for v in parse_values(sentence) if v.kind == "version"]
        q = build_query(kind="version", sentence=sentence, key_text=vals[0].raw, key_start=vals[0].start, values=vals)
        got = assess_claim(q, [idx])
        return [(f.stance, d.matched_value) for f, d in zip(got.findings, got.evidence, strict=True)]

    assert verdicts("Cloudflare Agent Cloud 提供 OpenAI frontier models，包括 GPT-5.6") == [("contradicts", "GPT-5.4")]
    assert verdicts("Cloudflare Agent Cloud 提供 OpenAI frontier models，包括 GPT-5.4")[0][0] == "supports"
    assert verdicts("Cloudflare Agent Cloud 提供 OpenAI frontier models，包括 GPT-6.1") == []  # another major: not a slip


def test_a_lead_investor_of_another_round_is_not_the_claims_lead() -> None:
    p = page(
        "Aurelle AI has raised €1.1bn in a Series C round led by Lumière Ventures.",
        "Existing investors Altamira Partners, which led the company's Series B, and Saint-Honoré Capital also took part.",
        title="Aurelle AI raises €1.1bn",
    )
    wrong, _ = verdict("Aurelle AI raised a €1.1bn Series C led by Altamira Partners", "Altamira Partners", "fact", p)
    right, _ = verdict("Aurelle AI raised a €1.1bn Series C led by Lumière Ventures", "Lumière Ventures", "fact", p)
    earlier, _ = verdict("Altamira Partners led Aurelle AI's Series B", "Altamira Partners", "fact", p)
    assert wrong.status == "contradicted" and wrong.reason == "name_mismatch"
    assert right.status == "verified"
    assert earlier.status == "verified"


def test_a_lead_is_judged_apart_from_a_round_letter_no_page_names() -> None:
    """"a Series D led by Lumière" where the page knows only the Series C Lumière led: the letter is what is wrong
    (judged on its own), the lead is right; a page that also names the claim's round keeps the lead apart."""
    p = page("Aurelle AI has raised €1.1bn in a Series C round led by Lumière Ventures.", title="Aurelle AI raises €1.1bn")
    lead, _ = verdict("Aurelle AI raised a €1.1bn Series D led by Lumière Ventures", "Lumière Ventures", "fact", p)
    assert lead.status == "verified"
    both = page(
        "Aurelle AI has raised €1.1bn in a Series D round.",
        "Lumière Ventures led the company's Series C last year.",
        title="Aurelle AI raises €1.1bn",
    )
    other, _ = verdict("Aurelle AI raised a €1.1bn Series D led by Lumière Ventures", "Lumière Ventures", "fact", both)
    assert other.status != "verified"


def test_a_version_never_named_beside_its_family_at_another_number_is_contradicted() -> None:
    p = page("Google released Gemma 4 in four sizes: E2B, E4B, 26B MoE and 31B Dense.", title="Gemma 4 is here")
    garbled, _ = verdict("Google 发布 Gemma 6 开源模型", "Gemma 6", "version", p)
    right, _ = verdict("Google 发布 Gemma 4 开源模型", "Gemma 4", "version", p)
    assert garbled.status == "contradicted"
    assert right.status == "verified"


def test_a_version_named_on_the_page_but_not_in_the_claims_role_is_contradicted() -> None:
    p = page(
        "Orbis Devices began mass production of the QV-200 sensor at its Penang plant this month.",
        "The follow-up QV-300 sensor is due to sample to customers late next year.",
        title="Orbis Devices quarterly update",
    )
    swapped, a = verdict("Orbis Devices said it has begun mass production of its QV-300 sensor.", "QV-300", "version", p)
    right, _ = verdict("Orbis Devices said it has begun mass production of its QV-200 sensor.", "QV-200", "version", p)
    later, _ = verdict("Orbis Devices said its QV-300 sensor will sample to customers next year.", "QV-300", "version", p)
    assert swapped.status == "contradicted" and a.evidence[0].matched_value == "QV-200"
    assert right.status == "verified"
    assert later.status == "verified"


def test_the_round_led_by_another_under_a_headline_naming_the_claims_round() -> None:
    p = page(
        "Brightfold has closed a $300m round at a $2bn valuation.",
        "The round was led by Cedar Peak Capital. Existing backer Norland Ventures, which led the Series A, also took part.",
        title="Brightfold raises $300m Series B",
    )
    wrong, a = verdict("Brightfold raised a $300m Series B led by Norland Ventures", "Norland Ventures", "fact", p)
    right, _ = verdict("Brightfold raised a $300m Series B led by Cedar Peak Capital", "Cedar Peak Capital", "fact", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "Cedar Peak Capital"
    assert right.status == "verified"


def test_a_latin_item_of_a_chinese_list_against_a_counted_list_given_after_a_colon() -> None:
    """"开源了Mini、Air和Pro三个尺寸" against "共开源三个尺寸：问渠-4-Mini（70亿参数）、问渠-4-Flash和问渠-4-Air": the page gives
    the list as complete by its count and a colon; Pro is no member (Mini and Air are)."""
    p = page("星槎此次共开源三个尺寸：问渠-4-Mini（70亿参数）、问渠-4-Flash（140亿参数）和问渠-4-Air（320亿参数），均采用Apache 2.0协议。"
             "面向复杂推理的问渠-4-Pro暂不开源，仅通过API提供。", title="星槎问渠-4发布")
    wrong, _ = verdict("问渠-4这次开源了Mini、Air和Pro三个尺寸", "Pro", "fact", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("问渠-4这次开源了Mini、Air和Flash三个尺寸", "Flash", "fact", p)
    assert right.status != "contradicted"


def test_a_version_missing_from_a_counted_chinese_enumeration_is_contradicted() -> None:
    p = page(
        "星桥科技今天发布 Qwen9 系列，其中旗舰 Qwen9-Pro 闭源，同时开源 Qwen9-7B、Qwen9-14B 和 Qwen9-70B 共三款模型。",
        title="星桥科技发布 Qwen9 系列",
    )
    wrong, a = verdict("星桥科技开源 Qwen9-14B 和 Qwen9-3B 等模型", "Qwen9-3B", "version", p)
    right, _ = verdict("星桥科技开源 Qwen9-14B 和 Qwen9-70B 等模型", "Qwen9-70B", "version", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "Qwen9-7B, Qwen9-14B, Qwen9-70B"
    assert right.status == "verified"


def test_a_founding_year_is_read_against_the_pages_founding_year() -> None:
    p = page(
        "Corvid Robotics was founded in 2019 by two former warehouse engineers.",
        "In 2023 it opened a second plant in Ohio.",
        title="Corvid Robotics profile",
    )
    wrong, a = verdict("这家成立于 2018 年的公司称，其机器人已进入 40 个仓库", "2018 年", "date", p)
    right, _ = verdict("这家成立于 2019 年的公司称，其机器人已进入 40 个仓库", "2019 年", "date", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "2019"
    assert right.status == "verified"


def test_a_chinese_company_named_in_pinyin_meets_its_characters_on_a_chinese_page() -> None:
    p = page(
        "2025 年，青禾动力共交付 3400 台，2026 年目标是交付 8000 台。",
        title="青禾动力完成新一轮融资",
    )
    right, a = verdict("Qinghe delivered 3,400 tractors in 2025.", "3,400", "count", p)
    assert right.status == "verified" and a.evidence[0].matched_value == "3400 台"


def test_a_fund_named_in_pinyin_is_found_by_its_characters() -> None:
    p = page("青禾动力宣布完成 5 亿元 B 轮融资，本轮由东岳产业基金领投，老股东跟投。", title="青禾动力完成 B 轮融资")
    right, _ = verdict("Qinghe's Series B was led by Dongyue Industrial Fund", "Dongyue Industrial Fund", "fact", p)
    other, _ = verdict("Qinghe's Series B was led by Xishan Industrial Fund", "Xishan Industrial Fund", "fact", p)
    assert right.status == "verified"
    assert other.status != "verified"


def test_a_misspelt_one_word_name_is_contradicted_by_the_pages_spelling() -> None:
    p = page(
        "Halvorsen said on Monday that its Fjordline platform now serves Stellantis and Renault, with Volvo to follow.",
        title="Halvorsen expands Fjordline",
    )
    garbled, a = verdict("Halvorsen 表示 Fjordline 平台已服务 Stexlantos 和 Renault", "Stexlantos", "fact", p)
    assert garbled.status == "contradicted" and a.evidence[0].matched_value == "Stellantis"
    # every name of the sentence misspelt: the page is still read with its own spelling
    all_garbled, _ = verdict("Hxlvorsen 表示 Fjxrdline 平台已服务 Stexlantos 和 Renault", "Stexlantos", "fact", p)
    assert all_garbled.status == "contradicted"
    right, _ = verdict("Halvorsen 表示 Fjordline 平台已服务 Stellantis 和 Renault", "Stellantis", "fact", p)
    assert right.status == "verified"
    other, _ = verdict("Halvorsen 表示 Fjordline 平台已服务 Stellar 和 Renault", "Stellar", "fact", p)
    assert other.status != "contradicted"  # another word, not a misspelling


def test_a_sentence_whose_versions_are_all_garbled_is_read_with_the_pages_versions() -> None:
    p = page(
        "Google released Gemma 4 today, its open model family for phones and servers.",
        "Gemma 4 is released under the Apache 2.0 license, so teams can fine-tune and ship it.",
        title="Gemma 4: open models for every device",
    )
    both, a = verdict("Google 发布 Gemma 6 开放模型家族，以 Apache 2.2 许可开放", "Apache 2.2", "version", p)
    assert both.status == "contradicted" and a.evidence[0].matched_value == "Apache 2.0"
    right, _ = verdict("Google 发布 Gemma 4 开放模型家族，以 Apache 2.0 许可开放", "Apache 2.0", "version", p)
    assert right.status == "verified"


def test_a_round_letter_is_read_off_the_page_sentence_that_gives_the_amount() -> None:
    p = page(
        "Osaka-based Kirameki AI has raised 12 billion yen in a Series B round, the company said.",
        "Kirameki raised 3 billion yen in a Series A round in 2024.",
        title="Kirameki AI raises 12bn yen",
    )
    wrong, a = verdict("| Kirameki AI（日本） | C 轮 | 120 亿日元 |", "C 轮", "fact", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "Series B"
    right, _ = verdict("| Kirameki AI（日本） | B 轮 | 120 亿日元 |", "B 轮", "fact", p)
    assert right.status == "verified"
    earlier, _ = verdict("Kirameki AI 在 2024 年完成 30 亿日元 A 轮融资", "A 轮", "fact", p)
    assert earlier.status == "verified"


def test_the_quarter_a_result_is_for_is_read_off_the_pages_figure() -> None:
    p = page(
        "Revenue was $4.12 billion, compared with $2.80 billion in the fiscal second quarter of 2025.",
        "Guidance for the third quarter is revenue of $4.5 billion to $4.7 billion.",
        title="Tallis Systems Reports Fiscal Second Quarter 2026 Results",
    )
    wrong, a = verdict("Tallis Systems posted fiscal third-quarter revenue of $4.12bn, up 47%.", "third-quarter", "fact", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "second quarter"
    right, _ = verdict("Tallis Systems posted fiscal second-quarter revenue of $4.12bn, up 47%.", "second-quarter", "fact", p)
    assert right.status == "verified"
    unbound, _ = verdict("Tallis Systems posted fiscal third-quarter profit of $0.9bn.", "third-quarter", "fact", p)
    assert unbound.status != "contradicted"  # the page gives no such figure: nothing to read the quarter off


def test_a_silent_table_cell_does_not_outvote_the_direction_the_prose_gives() -> None:
    from verifier.judge.matching import build_index

    text = "前 5 月累計營收 812.4 億元，年增 23.6%，創同期新高。\n月份 | 營收 | 年增率\n1-5月累計 | 812.4 | 23.6%\n"
    first = text.index("\n") + 1
    second = text.index("1-5月")
    passages = [
        {"start": 0, "end": first - 1, "kind": "p", "heading": ""},
        {"start": first, "end": second - 1, "kind": "th", "heading": "營收"},
        {"start": second, "end": len(text) - 1, "kind": "td", "heading": "營收"},
    ]
    p = build_index(snapshot_id=1, source_id=1, url="https://example.org/t", title="鼎岳 5 月營收", text=text, passages=passages)
    flipped, a = verdict("鼎岳前 5 月累計營收 812.4 億元，年減 23.6%", "23.6%", "percent", p)
    assert flipped.status == "contradicted" and flipped.reason == "wrong_direction"
    right, _ = verdict("鼎岳前 5 月累計營收 812.4 億元，年增 23.6%", "23.6%", "percent", p)
    assert right.status == "verified"


def test_a_table_cell_is_read_as_its_column_for_its_rows_subject_and_round() -> None:
    p = page(
        "Brightfold has raised $300m in a Series B round at a post-money valuation of $2bn.",
        "The new valuation is well above the $700m that Brightfold was valued at when it raised a $60m Series A in 2024.",
        title="Brightfold raises $300m Series B",
    )
    row = "| Brightfold（美国） | B 轮 | 3 亿美元 | Cedar Peak Capital | {} |"

    def cell(figure: str, on=p) -> str:  # type: ignore[no-untyped-def]
        sentence = row.format(figure)
        start = sentence.rfind(figure)
        values = [replace(v, noun="post-money valuation") for v in parse_values(sentence) if v.start == start]
        q = build_query(kind="money", sentence=sentence, key_text=figure, key_start=start, values=values)
        return decide(SourceStatus(total=1, usable=1), assess_claim(q, [on]).findings).status

    assert cell("20 亿美元") == "verified"
    assert cell("7 亿美元") == "contradicted"  # the Series A valuation given for the Series B
    other = page("Quillon raised $80m in a Series B at a $1.2bn valuation.", title="Quillon raises $80m")
    assert cell("20 亿美元", other) != "contradicted"  # another company's page


def test_a_longer_acronym_is_not_read_as_a_misspelling_of_the_shorter_name() -> None:
    p = page(
        "In the coming weeks, Member States and the Commission will assess whether the AI Code is adequate.",
        "Providers who sign the AI Code can show compliance with less administrative burden.",
        title="The General-Purpose AI Code of Practice",
    )
    d, _ = verdict("欧盟 GPAI Code 在 2026-04-01 更新签署名单", "GPAI Code", "fact", p)
    assert d.status != "contradicted"


def test_a_swapped_pair_is_caught_when_the_page_writes_the_measure_before_the_figure() -> None:
    """"… securing $40 billion in committed capital at a post-money valuation of $310 billion": the words
    around each page figure are read whole ("valuation", not the "uation" a character window cuts)."""
    p = page("Borealis Labs has closed a new round, securing $40 billion in committed capital at a post-money "
             "valuation of $310 billion. The money goes to compute and hiring.", title="Borealis Labs closes round")
    swapped, a = verdict("Borealis Labs 完成新一轮融资，承诺资本总额达到 3100 亿美元，投后估值 400 亿美元",
                         "3100 亿美元", "money", p)
    assert (swapped.status, swapped.reason) == ("contradicted", "swapped_figures")
    assert a.evidence[0].matched_value == "$40 billion"
    ok, _ = verdict("Borealis Labs 完成新一轮融资，承诺资本总额达到 400 亿美元，投后估值 3100 亿美元",
                    "400 亿美元", "money", p)
    assert ok.status == "verified"


def test_a_swapped_pair_of_listed_facilities_sharing_a_word_on_the_page() -> None:
    """Both page figures are "facilities": a word both carry tells neither apart, so the claim's revolver at
    the term loan's amount is read as the swapped pair it is, and the straight pair still verifies."""
    p = page("The Credit Agreement provides for a senior secured revolving credit facility in an aggregate principal "
             "amount of up to $2.75 billion and a delayed-draw term loan facility in an aggregate principal amount "
             "of $1.25 billion. Kestrel Grid said the facilities mature in 2031.", title="Kestrel Grid 8-K")
    claim = ("Kestrel Grid signed a credit agreement for a {} revolving credit facility and a {} delayed-draw term "
             "loan, with both facilities maturing in 2031.")
    swapped, a = verdict(claim.format("$1.25 billion", "$2.75 billion"), "$1.25 billion", "money", p)
    assert (swapped.status, swapped.reason) == ("contradicted", "swapped_figures")
    assert a.evidence[0].matched_value == "$2.75 billion"
    ok, _ = verdict(claim.format("$2.75 billion", "$1.25 billion"), "$1.25 billion", "money", p)
    assert ok.status == "verified"


def test_a_rivals_figure_under_a_headline_of_the_claims_measure_does_not_support() -> None:
    """The rival's 2.6 trillion won meets the claim's measure only through the passage heading, and its
    clause names none of the claim's names; the subject's own 4.8 trillion won (its words read across the
    bracketed dollar conversion) measures it and differs."""
    heading = "Hanul Semiconductor to pour 4.8 trillion won into new HBM packaging line"
    paras = [
        "Hanul Semiconductor said Tuesday it will invest 4.8 trillion won ($3.4 billion) in a new high-bandwidth "
        "memory packaging line in Cheongju, with mass production slated for 2028.",
        "The investment follows a similar move by smaller rival Daeyang Memory, which last month announced a "
        "2.6 trillion won expansion of its plant in Pyeongtaek.",
    ]
    text, passages = "", []
    for para in paras:
        passages.append({"start": len(text), "end": len(text) + len(para), "kind": "p", "heading": heading})
        text += para + "\n"
    idx = build_index(snapshot_id=1, source_id=1, url="https://example.org/k", title=heading, text=text, passages=passages)
    claim = "In Korea, Hanul Semiconductor, the world's third-largest HBM supplier, plans a {} HBM packaging line in Cheongju."
    wrong, a = verdict(claim.format("2.6 trillion won"), "2.6 trillion won", "money", idx)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "4.8 trillion won"
    right, _ = verdict(claim.format("4.8 trillion won"), "4.8 trillion won", "money", idx)
    assert right.status == "verified"


def test_a_level_said_to_have_risen_meets_the_earlier_level_the_page_compares_it_with() -> None:
    """"rose to 44.1%" against "was 44.1%, compared with 47.6% a year earlier": the margin fell; "fell to"
    and a bare "a 44.1% gross margin" still verify, and a growth rate compared with an earlier one is no level."""
    p = page("Gross margin was 44.1%, compared with 47.6% a year earlier, as 1.6T modules ramped.", title="Tallis Optics results")
    rose, a = verdict("Tallis Optics' gross margin rose to 44.1% in the quarter.", "44.1%", "percent", p)
    assert (rose.status, rose.reason) == ("contradicted", "wrong_direction")
    assert a.evidence[0].matched_value == "44.1%"
    fell, _ = verdict("Tallis Optics' gross margin fell to 44.1% in the quarter.", "44.1%", "percent", p)
    assert fell.status == "verified"
    bare, _ = verdict("Tallis Optics reported a 44.1% gross margin in the quarter.", "44.1%", "percent", p)
    assert bare.status == "verified"
    growth = page("Revenue growth was 5%, compared with 8% a year earlier.", title="Tallis Optics results")
    up, _ = verdict("Tallis Optics revenue was up 5% in the quarter.", "5%", "percent", growth)
    assert up.status != "contradicted"


def test_a_year_ago_column_under_a_header_row_written_without_th_cells() -> None:
    """The table's first row holds labels only ("Q3 FY2026 | Q3 FY2025 | Nine months FY2026", its empty
    corner cell dropped): it is the header, so 47.6% is the year-ago quarter's margin; the claim's row names
    its measure in a Metric cell under a "Figure" column, and the prose's "compared with 47.6% a year
    earlier" stands a year before the fiscal 2026 the page is about."""
    p = page(
        "Gross margin was 44.1%, compared with 47.6% a year earlier, reflecting the ramp of new modules.",
        ("Q3 FY2026 | Q3 FY2025 | Nine months FY2026", "td"),
        ("Revenue | 812.4 | 566.0 | 2,104.7", "td"),
        ("Gross margin | 44.1% | 47.6% | 45.0%", "td"),
        title="Tallis Optics Reports Third Quarter Fiscal 2026 Results",
    )
    row = "| Tallis Optics (TLOP) | Q3 FY2026 gross margin | {} | [Wire](https://example.org/w) |"

    def cell(figure: str):  # type: ignore[no-untyped-def]
        sentence = row.format(figure)
        start = sentence.find(figure)
        # the extractor gives a cell's figure its column's header as its noun
        values = [replace(v, noun="Figure") for v in parse_values(sentence, default_year=2026) if v.start <= start < v.end]
        a = assess_claim(build_query(kind="percent", sentence=sentence, key_text=figure, key_start=start, values=values), [p])
        return decide(SourceStatus(total=1, usable=1), a.findings), a

    wrong, a = cell("47.6%")
    assert wrong.status == "contradicted"  # the very figure, of another period
    assert a.evidence[0].matched_value == "47.6%"
    right, _ = cell("44.1%")
    assert right.status == "verified"


def test_a_bare_yuan_claim_meets_taiwan_dollars_and_a_named_currency_does_not_meet_bare_yuan() -> None:
    """元 alone names no currency: a Taiwanese report's 182.45億元 meets a table in thousands of NT dollars
    (the year-ago row, labelled 去年累計, is the year before); 新臺幣 4.8 億元 is not a mainland page's 4.8 亿元."""
    mops = page(
        ("營業收入淨額（單位：新臺幣仟元）", "td"), ("項目 | 營業收入淨額", "td"), ("本月 | 18,245,310", "td"),
        ("本年累計 | 153,887,020", "td"), ("去年累計 | 131,540,225", "td"), title="瀚昕科技 月營業收入",
    )
    ok, _ = verdict("瀚昕科技公告10月營收182.45億元", "182.45億元", "money", mops)
    assert ok.status == "verified"
    stale, _ = verdict("瀚昕科技前10月累計營收1,315.40億元", "1,315.40億元", "money", mops)
    assert stale.status != "verified"
    mainland = page("芯澜科技与瀚昕科技签订采购框架协议，协议金额上限为4.8亿元，期限一年。", title="芯澜科技公告")
    named, _ = verdict("芯澜科技與瀚昕簽訂採購框架協議，協議金額上限為新臺幣4.8億元", "新臺幣4.8億元", "money", mainland)
    assert named.status != "verified"


def test_a_chinese_correction_note_marks_the_figure_it_says_was_first_printed() -> None:
    """"本文原稱…為新臺幣68.4億元，經公司確認應為86.4億元": 68.4 is stale (its decimal point ends no
    sentence), 86.4 is the figure."""
    p = page("更正啟事：本文原稱瀚昕董事會通過之資本支出為新臺幣68.4億元，經公司確認應為86.4億元，已更正標題與內文。",
             "瀚昕科技18日召開董事會，通過資本支出新臺幣86.4億元，興建研發大樓。", title="瀚昕砸86.4億 建研發大樓")
    wrong, _ = verdict("瀚昕董事會通過資本支出新臺幣68.4億元", "新臺幣68.4億元", "money", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("瀚昕董事會通過資本支出新臺幣86.4億元", "新臺幣86.4億元", "money", p)
    assert right.status == "verified"


def test_a_figure_with_both_directions_around_it_takes_its_own_segments() -> None:
    """"按年升12.4%，但按季跌3.1%": 3.1% fell quarter on quarter, so "按季升3.1%" is the wrong direction."""
    p = page("恒暉銀行昨日公布第三季度業績，期內股東應佔溢利48.6億港元，按年升12.4%，但按季跌3.1%。", title="恒暉銀行第三季溢利")
    rose, _ = verdict("恒暉銀行第三季股東應佔溢利48.6億港元，按年升12.4%，按季升3.1%", "3.1%", "percent", p)
    assert (rose.status, rose.reason) == ("contradicted", "wrong_direction")
    fell, _ = verdict("恒暉銀行第三季股東應佔溢利48.6億港元，按年升12.4%，按季跌3.1%", "3.1%", "percent", p)
    assert fell.status == "verified"


def test_a_currency_written_after_yuan_is_named() -> None:
    """"146.2億元人民幣" names renminbi (after 元): it is not the page's 146.2億港元."""
    p = page("恒暉銀行首三季累計股東應佔溢利為146.2億港元，按年升9.8%。", title="恒暉銀行業績")
    named, _ = verdict("恒暉銀行首三季累計溢利146.2億元人民幣", "146.2億元", "money", p)
    assert named.status != "verified"


def test_a_cell_under_a_sibling_version_is_that_models_score() -> None:
    """A benchmark table with a column per model: 74.6% sits under "Halden 3.1", so it is no score of Halden
    3.5's; a claim comparing with Halden 3.0 still reads its own model's column."""
    p = page(
        ("Benchmark | Halden 3.5 | Halden 3.1 | Corvane Atlas 2", "th"),
        ("LongHaul-QA | 83.0% | 74.6% | 79.8%", "td"),
        ("Stratagem-Reason | 71.4% | 63.2% | 68.9%", "td"),
        title="Introducing Halden 3.5",
    )
    rival, _ = verdict("Halden 3.5 scores 74.6% on LongHaul-QA.", "74.6%", "percent", p)
    assert rival.status != "verified"
    own, _ = verdict("Halden 3.5 scores 83.0% on LongHaul-QA.", "83.0%", "percent", p)
    assert own.status == "verified"
    compared, _ = verdict("The new model scores 71.4% on Stratagem-Reason, up from 63.2% for Halden 3.0.", "71.4%", "percent", p)
    assert compared.status == "verified"


def test_a_description_reads_the_column_of_its_antecedent() -> None:
    """"The model scored 71.2%" after "Tessel Labs released Aster 4": the model is Aster 4, so the 71.2% under
    Hollis 2 Pro is another model's score and Aster 4's own 69.7% contradicts the claim."""
    p = page(
        ("Benchmark | Aster 4 | Aster 3.5 | Hollis 2 Pro", "th"),
        ("RepoFix Verified | 69.7% | 52.8% | 71.2%", "td"),
        title="Introducing Aster 4",
    )
    sentence = "The model scored 71.2% on RepoFix Verified and runs 2.8x faster than Aster 3.5."
    rival, a = verdict(sentence, "71.2%", "percent", p, antecedent="Aster 4")
    assert rival.status == "contradicted" and a.evidence[0].matched_value == "69.7%"
    own, _ = verdict(sentence.replace("71.2%", "69.7%"), "69.7%", "percent", p, antecedent="Aster 4")
    assert own.status == "verified"


def test_a_qualifier_of_a_shared_measure_word_picks_the_sister_figure() -> None:
    """"AI服务器收入48.3亿元" where the page gives AI servers 121.6亿元 and general-purpose servers 48.3亿元:
    the 48.3 is the sister measure's; a name said before a period ("宇晶半導體前10月營收") qualifies nothing."""
    p = page("分业务看，AI服务器业务收入121.6亿元，同比增长71%；通用服务器收入48.3亿元，同比下降6%。", title="华曜算力中期业绩")
    sister, a = verdict("AI服务器收入48.3亿元，是最大的增长引擎", "48.3亿元", "money", p)
    assert sister.status == "contradicted" and a.evidence[0].matched_value == "121.6亿元"
    own, _ = verdict("通用服务器收入48.3亿元", "48.3亿元", "money", p)
    assert own.status == "verified"
    q = page("晶圓代工大廠宇晶半導體昨日公布10月合併營收新臺幣2,985.6億元，月增4.8%；累計前10月營收達2.71兆元，年增28.7%。")
    named, _ = verdict("宇晶半導體前10月營收突破2.7兆元", "2.7兆元", "money", q)
    assert named.status == "verified"


def test_a_context_is_counted_in_tokens() -> None:
    """"1M context" is the page's "context window of 1 million tokens"; "the lead in 'with X leading'" is a lead."""
    p = page("Veyra-4 supports a context window of 1 million tokens, eight times the 128,000 tokens of Veyra-3.",
             title="Introducing Veyra-4")
    right, _ = verdict("Veyra-4 ships with a 1M context", "1M", "count", p)
    assert right.status == "verified"
    q = page("Halcyra AI has raised $2.4 billion in a Series C round led by Northmarch Ventures.",
             "Quillon Partners and Saffron Peak Capital also took part.", title="Halcyra AI raises $2.4B Series C")
    wrong, _ = verdict("Halcyra: $2.4bn Series C with Quillon Partners leading", "Quillon Partners", "fact", q)
    assert wrong.status == "contradicted"


def test_the_very_figure_in_bits_for_bytes_is_a_wrong_unit() -> None:
    """"288Gb of HBM4" against "288GB of HBM4 per package": the same digits on another unit of the dimension."""
    p = page("The Veyra VX-900 carries 288GB of HBM4 per package, up from 192GB on the VX-800.", title="Veyra VX-900")
    wrong, a = verdict("Veyra VX-900 ships with 288Gb of HBM4 per package", "288Gb", "count", p)
    assert (wrong.status, wrong.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_unit", "288GB")
    right, _ = verdict("Veyra VX-900 ships with 288GB of HBM4 per package", "288GB", "count", p)
    assert right.status == "verified"


def test_a_chinese_sentence_says_its_subject_once_for_its_later_clauses() -> None:
    """"同时开源的还有轻量版玄策-4-Mini，参数量300亿，…，可在单张96GB显存的显卡上完成推理部署": the 96GB is Mini's,
    so "单卡96TB显存" is a wrong unit."""
    p = page("同时开源的还有轻量版玄策-4-Mini，参数量300亿，采用Apache 2.0协议，可在单张96GB显存的显卡上完成推理部署。",
             title="知微星图发布玄策-4")
    wrong, _ = verdict("同步开源玄策-4-Mini，单卡96TB显存就能跑", "96TB", "count", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("同步开源玄策-4-Mini，单卡96GB显存就能跑", "96GB", "count", p)
    assert right.status == "verified"


def test_a_cell_under_another_labelled_column_is_not_the_claims() -> None:
    """The claim names its column by label (二期 of "项目 | 一期 | 二期 | 合计"): the 一期 cell is another
    tranche's figure, and the page's 二期 cell contradicts the claim; naming 一期 meets its own cell."""
    p = page(
        ("表1：项目投资构成（单位：亿元）", "th"), ("项目 | 一期 | 二期 | 合计", "th"),
        ("土建及机电 | 12.4 | 10.6 | 23.0", "td"), ("算力设备 | 30.2 | 37.8 | 68.0", "td"),
        title="关于投资建设智算中心项目的公告",
    )
    wrong, _ = verdict("二期土建及机电投资 12.4 亿元", "12.4 亿元", "money", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("一期土建及机电投资 12.4 亿元", "12.4 亿元", "money", p)
    assert right.status == "verified"


def test_hong_kong_profit_words_meet_across_a_results_table() -> None:
    """溢利 is Hong Kong's profit: "股東應佔溢利約7.52億港元" is the 去年同期 cell of "本公司擁有人應佔溢利" in a
    table in 百萬港元, so the claim gave last year's figure; 9.62 億港元 is this period's."""
    p = page(
        ("（除另有註明外，單位：百萬港元）", "th"), ("項目 | 本期 | 去年同期 | 變動", "th"),
        ("收益 | 8,426.5 | 6,912.3 | +21.9%", "td"), ("本公司擁有人應佔溢利 | 962.3 | 751.8 | +28.0%", "td"),
        title="雲港數據 中期業績公告",
    )
    stale, _ = verdict("雲港數據股東應佔溢利約7.52億港元", "7.52億港元", "money", p)
    assert stale.status == "contradicted"
    now, _ = verdict("雲港數據股東應佔溢利約9.62億港元", "9.62億港元", "money", p)
    assert now.status == "verified"


def test_an_opening_phrase_belongs_to_the_clause_after_it() -> None:
    """"On CodeTrail Verified, Halden 3.5 ranks second": the benchmark is what the rank is on, though a comma
    parts them; "ranks first on CodeTrail Verified" is the wrong rank."""
    p = page("Halden 3.5 leads three of the four benchmarks. On CodeTrail Verified, Halden 3.5 ranks second, "
             "behind Corvane Atlas 2.", title="Introducing Halden 3.5")
    first, _ = verdict("Halden 3.5 also ranks first on CodeTrail Verified.", "first", "count", p)
    assert first.status == "contradicted"
    second, _ = verdict("Halden 3.5 ranks second on CodeTrail Verified.", "second", "count", p)
    assert second.status == "verified"


def test_a_pluralised_acronym_is_no_other_entity() -> None:
    """"GPUs" names a thing anyone has, not a company: a page clause counting GPUs is not about another
    entity than Corvex because it says GPUs."""
    p = page("Corvex Cloud, the largest of them, operates about 640,000 GPUs today and expects to run 1.8 million "
             "GPUs by the end of 2027.", title="Who owns the compute")
    ok, _ = verdict("Corvex runs about 640,000 GPUs today and plans for 1.8 million GPUs by the end of 2027.",
                    "640,000 GPUs", "count", p)
    assert ok.status == "verified"
    wrong, _ = verdict("Corvex runs about 460,000 GPUs today and plans for 1.8 million GPUs by the end of 2027.",
                       "460,000 GPUs", "count", p)
    assert wrong.status == "contradicted"


def test_an_events_own_date_outweighs_the_release_date_beside_it() -> None:
    """"reached financial close on November 24" against a release dated Nov. 24 that says the close was on
    November 20: the close is a funding event (data/events.tsv), and the page dates it otherwise. The
    bracketed citation "([PR Newswire](url))" is the source, not words of the claim."""
    p = page("News provided by Talvik Power Pte. Ltd. — 24 Nov, 2026, 08:00 SGT",
             "Talvik Power, a developer of data-centre campuses, said it reached financial close on November 20, 2026 "
             "for its 450 MW AI campus in Johor.",
             title="Talvik Power reaches financial close on 450 MW Johor AI campus", published="2026-11-24")
    claim = "Talvik Power reached financial close on {} for its Johor campus ([PR Newswire](https://example.org/pr))."
    wrong, _ = verdict(claim.format("November 24"), "November 24", "date", p)
    assert wrong.status == "contradicted"
    # the page clause names Johor, as the claim's own segment does ("for its Johor campus"): that is the
    # claim's campus, not another entity the claim binds to another figure
    right, _ = verdict(claim.format("November 20"), "November 20", "date", p)
    assert right.status == "verified"


@pytest.mark.parametrize("tag", ["", "#新股速递# #港股IPO# "])
def test_the_event_of_another_clause_is_not_the_dates(tag: str) -> None:
    """"招股到3月6日截止，3月11日在港交所挂牌": the listing is the 11th's; the 6th closes the books, which the page
    dates so ("于3月3日至3月6日招股") beside its listing on the 12th. A topic tag (#港股IPO#) dates nothing."""
    p = page("澄川科技于3月3日至3月6日招股，拟发售6,000万股H股。该股预期于3月12日在港交所主板挂牌上市。",
             title="澄川科技今起招股", published="2026-03-03")
    d, _ = verdict(f"{tag}澄川科技招股到3月6日截止，3月11日在港交所主板挂牌", "3月6日", "date", p)
    assert d.status == "verified"
    d, _ = verdict(f"{tag}澄川科技招股到3月6日截止，3月11日在港交所主板挂牌", "3月11日", "date", p)
    assert d.status == "contradicted"


def test_an_english_record_month_meets_a_chinese_record() -> None:
    p = page("鼎泰電腦11月合併營收新台幣842.6億元，月增11.4%，創單月歷史新高。", title="鼎泰電腦11月營收")
    d, _ = verdict("Dingtai (鼎泰電腦) said November revenue was a record month.", "record month", "count", p)
    assert d.status == "verified"


def test_a_record_needs_a_passage_that_sets_one() -> None:
    """"創單月新高" is not backed by a passage that gives the month's revenue and says nothing of a record."""
    claim = "瀚達精密公告10月合併營收48.6億元，創單月新高"
    plain = page("主旨：公告本公司115年10月份自結合併營業收入", "瀚達精密10月合併營收48.6億元，月增12.4%，年增30.2%。",
                 title="瀚達精密10月營收公告")
    d, _ = verdict(claim, "創單月新高", "fact", plain)
    assert d.status != "verified"
    record = page("瀚達精密10月合併營收48.6億元，月增12.4%，創單月歷史新高。", title="瀚達精密10月營收公告")
    d, _ = verdict(claim, "創單月新高", "fact", record)
    assert d.status == "verified"


def test_a_garbled_version_in_a_list_the_page_gives_is_contradicted() -> None:
    """The sentence names two models, one at a version no page names, and speaks of something else;
    a passage lists the same models with that family at another version: the claim garbled it."""
    passages = (
        "The survey scores each system on an economic axis and a social axis, from left-libertarian to "
        "right-authoritarian.",
        "Two systems land clearly in the left-libertarian quadrant, while one leans right-authoritarian.",
        "Most answers were stable across repeated runs of the questionnaire.",
    )
    p = page(*passages, "Systems tested so far: Zephyr-7.2, Orion Pro 3.1 and Tala X4.", title="A survey of model leanings")
    sentence = "评测结果显示了显著的分化：Tala X4 与 Orion Pro 3.3 在光谱上呈现出 left-libertarian 的倾向"
    d, a = verdict(sentence, "Orion Pro 3.3", "version", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "Orion Pro 3.1"
    # the family at another version, but beside none of the sentence's other names: not the claim's list
    other = page(*passages, "Systems tested so far: Zephyr-7.2 and Orion Pro 3.1.", title="A survey of model leanings")
    d, _ = verdict(sentence, "Orion Pro 3.3", "version", other)
    assert d.status == "unverified"


def test_a_table_cell_belongs_to_its_column() -> None:
    """A cell under the "Vega 2" column is Vega 2's score: a claim that binds Vega 2 to another figure
    and gives this one to the model its sentence speaks of has the pair swapped."""
    p = page("Nova Prime is our new flagship model. The table compares it with Vega 2.",
             ("Benchmark | Nova Prime | Vega 2", "th"), ("CodeBench (repair) | 71.2% | 58.4%", "td"),
             ("MathArena | 64.0% | 61.5%", "td"), title="Introducing Nova Prime")
    swapped, _ = verdict("Nova Prime 在 CodeBench 上达到 58.4%，明显高于 Vega 2 的 71.2%", "58.4%", "percent", p)
    assert swapped.status == "contradicted"
    ok, _ = verdict("Nova Prime 在 CodeBench 上达到 71.2%，明显高于 Vega 2 的 58.4%", "71.2%", "percent", p)
    assert ok.status == "verified"
    theirs, _ = verdict("Nova Prime 在 CodeBench 上达到 71.2%，明显高于 Vega 2 的 58.4%", "58.4%", "percent", p)
    assert theirs.status == "verified"


def test_a_chinese_attribute_names_the_figures_subject_after_it() -> None:
    """"估值 380 亿美元的 Corvid": the figure is Corvid's, although Corvid is written after it."""
    p = page("Nimbus was last valued at $85.2 billion, after its spring round.",
             "Its rival Corvid was valued at $38 billion in the same month.", title="Nimbus and Corvid face revenue pressure")
    swapped, _ = verdict("目前估值高达 380 亿美元的 Nimbus 与估值 852 亿美元的 Corvid 正面临营收压力", "380 亿美元", "money", p)
    assert swapped.status != "verified"
    ok, _ = verdict("目前估值高达 852 亿美元的 Nimbus 与估值 380 亿美元的 Corvid 正面临营收压力", "852 亿美元", "money", p)
    assert ok.status == "verified"


def test_a_misspelt_name_is_caught_wherever_its_right_spelling_would_be_verified() -> None:
    """The same bar both ways: a sentence that the page supports when the name is spelt as the page
    spells it is contradicted when the name is garbled, even where the passage speaks to it only
    loosely (the bar for a name is lower than for a figure)."""
    p = page("Industry groups met in Geneva this week to compare notes on robot safety rules.",
             "Among the speakers, Halvorsen presented its warehouse fleet and its plans for next year.",
             title="Notes from the robot safety meeting")
    sentence = ("在日内瓦的行业会议上，Halvorsen 介绍了仓储机器人车队以及明年的计划，分析人士认为这将改变欧洲物流市场的"
                "竞争格局、价格体系与融资节奏")
    right, _ = verdict(sentence, "Halvorsen", "fact", p)
    assert right.status == "verified"
    garbled, a = verdict(sentence.replace("Halvorsen", "Haxvorxen"), "Haxvorxen", "fact", p)
    assert (garbled.status, garbled.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "Halvorsen"


def test_the_same_figure_moving_the_other_way_is_contradicted() -> None:
    """"closed 27.4% above the offer price" against "closed down 27.4%": the exact figure with the
    opposite direction is the claim's quantity, turned (the direction word is compared apart, not
    counted as a measure word the page must repeat)."""
    p = page("Shares of Lumen Grid closed 27.4% above their offer price on their first day of trading.",
             title="Lumen Grid jumps in trading debut")
    d, a = verdict("The Lumen Grid stock closed down 27.4% on its debut", "27.4%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")
    ok, _ = verdict("The Lumen Grid stock closed up 27.4% on its debut", "27.4%", "percent", p)
    assert ok.status == "verified"


def test_a_passage_that_says_today_is_dated_by_its_page() -> None:
    """"Today we are announcing that Halden has raised …" on a page dated 2026-05-12: the round closed
    that day, whatever the verb ("closed", not "announced")."""
    p = page("Today we are announcing that Halden Robotics has raised $300 million in Series B funding, "
             "led by Northgate Ventures.", "The money will go to factories in Ohio and Bavaria.",
             title="Halden Robotics raises $300 million Series B", published="2026-05-12")
    wrong, a = verdict("Halden Robotics closed a $300m Series B on 14 July, led by Northgate Ventures", "14 July", "date", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "2026-05-12"
    right, _ = verdict("Halden Robotics closed a $300m Series B on 12 May, led by Northgate Ventures", "12 May", "date", p)
    assert right.status == "verified"


def test_a_table_cell_swapped_with_its_neighbour_is_contradicted() -> None:
    """A report's funding table puts the valuation in the amount column and the amount in the valuation
    column; the valuation cell (its column header is its noun) holds the figure the page gives as the
    amount raised, while the page's valuation is the neighbouring cell's figure."""
    p = page("Nimbus Robotics has raised $4.5 billion in Series B funding at a $62 billion post-money valuation.",
             title="Nimbus Robotics raises $4.5 billion")
    row = "| Nimbus Robotics | B 轮 | 620 亿美元 | Northgate | 45 亿美元 |"
    start = row.rfind("45 亿美元")
    cell = next(v for v in parse_values(row) if v.start == start)
    q = build_query(kind="money", sentence=row, key_text="45 亿美元", key_start=start,
                    values=[replace(cell, noun="post-money valuation")])
    d = decide(SourceStatus(total=1, usable=1), assess_claim(q, [p]).findings)
    assert d.status == "contradicted"
    right = "| Nimbus Robotics | B 轮 | 45 亿美元 | Northgate | 620 亿美元 |"
    start = right.rfind("620 亿美元")
    cell = next(v for v in parse_values(right) if v.start == start)
    q = build_query(kind="money", sentence=right, key_text="620 亿美元", key_start=start,
                    values=[replace(cell, noun="post-money valuation")])
    assert decide(SourceStatus(total=1, usable=1), assess_claim(q, [p]).findings).status == "verified"


def test_a_taiwanese_release_word_dates_an_event() -> None:
    """釋出 is how Taiwan writes "release": a release date against the page's dateline is compared."""
    p = page("Orion 3 is now available to every developer on our platform.", title="Introducing Orion 3",
             published="2026-04-14")
    d, _ = verdict("Orion 3 於 2026 年 4 月 20 日釋出", "2026 年 4 月 20 日", "date", p)
    assert d.status == "contradicted"


def test_a_sibling_models_figure_in_words_that_say_little_does_not_support() -> None:
    """The page gives Lyra4-Max 262,144 tokens and its open sibling Lyra4-70B 128,000; a claim that
    Lyra4-Max has 12.8 万 tokens (in words the page's clause barely shares) is not verified by the
    sibling's figure."""
    p = page("在上下文长度方面，Lyra4-Max 支持最长 26.2 万（262,144）token 的上下文输入，开源旗舰 Lyra4-70B 原生支持 "
             "12.8 万 token，并可通过外推技术扩展至 100 万 token。", title="Lyra 系列发布")
    d, _ = verdict("Lyra4-Max 的上下文視窗長度為 12.8 萬 token", "12.8 萬 token", "count", p)
    assert d.status != "verified"


def test_a_model_family_is_read_on_the_name_as_written() -> None:
    """Qwen4-235B and Qwen4-Max are one family (qwen4), though their compact forms run the digits
    together; a figure that ends a hyphenated name (the 235B) does not cut the words around it."""
    from verifier.judge.statements import _family_head, _inside_name

    assert _family_head("Qwen4-235B-A22B") == _family_head("Qwen4-Max") == "qwen4"
    text = "开源旗舰 Lyra4-70B 原生支持 12.8 万 token"
    (name_figure,) = [v for v in parse_values(text) if v.raw.startswith("70")]
    assert _inside_name(text, name_figure)


def _renzi() -> object:
    return page("Veteran stage director Paolo Renzi died on July 19 local time of heart failure at a hospital "
                "in Turin, Italy, at the age of 79.", title="News")


def test_a_yearless_date_is_met_by_the_same_month_and_day() -> None:
    d, _ = verdict("资深舞台导演保罗·伦齐于当地时间7月19日因心力衰竭在意大利都灵的一家医院逝世，享年79岁", "7月19日", "date", _renzi())
    assert d.status == "verified"


def test_a_range_closing_with_the_claims_figure_is_met_by_the_pages_same_range() -> None:
    sentence = "生鲜品牌 FreshNest 首家超市近日正式开业，计划未来3到5年在全国铺设超过1000家门店"
    p = page("Fresh-food grocer FreshNest opened its first supermarket recently, and plans to roll out more than "
             "1,000 outlets across the country in three to five years.", title="News")
    d, _ = verdict(sentence, "5", "count", p)
    assert d.status == "verified"
    other = page("Fresh-food grocer FreshNest opened its first supermarket recently, and plans to roll out more than "
                 "1,000 outlets across the country in two to five years.", title="News")
    d, _ = verdict(sentence, "5", "count", other)
    assert d.status == "contradicted"


def test_a_page_with_few_figures_supports_its_exact_figure_with_less_said() -> None:
    sentence = "此次边境冲突造成近二百五十人丧生"
    sparse = page("The clashes at the border crossing killed nearly 250 people.", title="News")
    d, _ = verdict(sentence, "二百五十人", "count", sparse)
    assert d.status == "verified"
    crowded = page("The clashes at the border crossing killed nearly 250 people.",
                   "Officials counted 250 arrests, 120 injured and 300 missing.",
                   "Some 250 soldiers and 40 police officers took part in 2016.", title="News")
    d, _ = verdict(sentence, "二百五十人", "count", crowded)
    assert d.status != "verified"  # three passages with counts: the exact figure needs the words to meet


def test_a_yearless_date_shifted_to_another_day_is_contradicted() -> None:
    d, _ = verdict("资深舞台导演保罗·伦齐于当地时间7月24日因心力衰竭在意大利都灵的一家医院逝世，享年79岁", "7月24日", "date", _renzi())
    assert d.status == "contradicted"


def test_a_qualifier_behind_a_chinese_verb_is_compared() -> None:
    p = page("Plant director Ilse Brandt said this year's output is more than 70 units, with 200 units next year.", title="News")
    d, _ = verdict("厂长勃兰特说，今年的产量是70辆以下，明年达到200辆", "70辆", "count", p)
    assert d.status != "verified"
    d, _ = verdict("厂长勃兰特说，今年的产量是70辆以上，明年达到200辆", "70辆", "count", p)
    assert d.status == "verified"


def test_a_page_with_few_dates_supports_its_exact_date_with_less_said() -> None:
    sparse = page("Mara Quinn, a retired teacher with a passion for restoring furniture, moved from a farmhouse in "
                  "Kent to a flat in Brighton in 2014.", title="News")
    sentence = "玛拉·奎因是一位退休教师，十分热衷于修复家具，2014 年，她从肯特郡的农舍搬到了布莱顿的一套公寓"
    d, _ = verdict(sentence, "2014 年", "date", sparse)
    assert d.status == "verified"
    crowded = page("Mara Quinn, a retired teacher, moved to a flat in Brighton in 2014.",
                   "The farmhouse had been bought in 2009 and renovated in 2011.",
                   "Prices in the area rose 12% in 2014 and again in 2015.", title="News")
    d, _ = verdict(sentence, "2014 年", "date", crowded)
    assert d.status != "verified"


def test_hours_written_with_a_measure_word_are_hours() -> None:
    v = parse_values("搜救队当天又连续工作了 11 个小时")[0]
    assert (v.value, v.unit) == (11.0, "h")


def test_a_digit_slip_in_a_passage_speaking_squarely_to_the_claim_is_contradicted() -> None:
    p = page("According to local media, veteran stage director Paolo Renzi died on July 19 local time of heart "
             "failure at a hospital in Turin, Italy, at the age of 79.", title="News")
    sentence = "据当地媒体报道，意大利当地时间7月19日，资深舞台导演保罗·伦齐因心力衰竭在都灵的一家医院里逝世，享年790岁"
    d, a = verdict(sentence, "790", "count", p)
    assert d.status == "contradicted"
    assert a.evidence[0].matched_value == "79"
    d, _ = verdict(sentence.replace("790", "79"), "79", "count", p)
    assert d.status == "verified"


def test_the_one_figure_of_a_sparse_page_with_the_claims_digits_on_another_scale_contradicts() -> None:
    p = page("Biscuit maker Harlow Foods said it had invested more than £5m at the plant in the last few years.", title="News")
    d, _ = verdict("饼干制造商哈洛食品表示，过去几年来，公司已经向该工厂投资了 5000 多万英镑", "5000 多万英镑", "money", p)
    assert d.status == "contradicted"
    d, _ = verdict("饼干制造商哈洛食品表示，过去几年来，公司已经向该工厂投资了 500 多万英镑", "500 多万英镑", "money", p)
    assert d.status == "verified"


def test_two_figures_crossed_against_the_words_bound_to_each_are_a_swap() -> None:
    p = page("In the morning operation, surgeons rebuilt all ligaments and three tendons of his four toes.", title="News")
    d, a = verdict("上午的手术中，医生重建了他3根脚趾的所有韧带和4根肌腱", "3", "count", p)
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("上午的手术中，医生重建了他4根脚趾的所有韧带和3根肌腱", "4", "count", p)
    assert d.status == "verified"


def test_the_lone_date_of_a_passage_speaking_to_the_claim_contradicts_a_day_slip() -> None:
    p = page("That was the amount shoppers spent on the Lumo marketplace over a 24-hour period on November 11, 2017 "
             "during its annual shopping festival.", title="News")
    sentence = "1500亿元，这是2017年11月16日，Lumo 年度购物节的24小时内，Lumo 用户消费的成交额"
    d, _ = verdict(sentence, "2017年11月16日", "date", p)
    assert d.status == "contradicted"
    d, _ = verdict(sentence.replace("16日", "11日"), "2017年11月11日", "date", p)
    assert d.status == "verified"


def test_a_subject_glossed_in_chinese_characters_meets_a_chinese_page() -> None:
    """"Vantora (崴晟, 7841)": an English name no reading of the page's characters gives; the characters the
    claim writes in brackets name the subject the page speaks of, in either script."""
    p = page("伺服器廠崴晟（7841）9日公布11月合併營收新台幣42.7億元，創單月新高。", title="崴晟11月營收創新高")
    d, _ = verdict("Server maker Vantora (崴晟, 7841) booked NT$4.27 billion of November revenue", "NT$4.27 billion", "money", p)
    assert d.status == "verified"
    d, _ = verdict("Server maker Vantora (崴晟, 7841) booked NT$4.72 billion of November revenue", "NT$4.72 billion", "money", p)
    assert d.status == "contradicted"
    # (read in linear time on a sentence of one endless word before a bracket)
    from verifier.judge.evidence import _HAN_GLOSS

    started = time.perf_counter()
    assert not list(_HAN_GLOSS.finditer("abc" * 30000 + "(" + "崴" * 11))
    assert time.perf_counter() - started < 0.5


def test_a_rank_on_the_board_the_claim_names_is_the_claims() -> None:
    """"ranks first on A, B and C, and second on D": a claim of first place on D is contradicted by its own
    board's rank, not backed by the others'."""
    p = page("Kestrel 5 ranks first on MathArena, DocQuest and ToolRun, and second on CodeFix Verified, behind Orca 3.",
             title="Introducing Kestrel 5")
    d, _ = verdict("官方评测显示，Kestrel 5在CodeFix Verified上得分69.7%并排名第一", "第一", "count", p)
    assert d.status == "contradicted"
    d, _ = verdict("官方评测显示，Kestrel 5在MathArena上排名第一", "第一", "count", p)
    assert d.status == "verified"


def test_a_rank_after_a_score_is_still_on_the_board_its_clause_names() -> None:
    """A score between the board and the rank ("在…天衡评测总榜上，Lumen-3以1,288分位列第三") leaves the rank the
    board's: a claim of first place on that board is contradicted."""
    p = page("在独立机构发布的天衡评测总榜上，Lumen-3以1,288分位列第三，落后于Vario-2的1,301分。", title="Lumen-3 发布")
    d, _ = verdict("- Lumen-3在天衡评测总榜位列第一", "第一", "count", p)
    assert d.status == "contradicted"
    d, _ = verdict("- Lumen-3在天衡评测总榜位列第三", "第三", "count", p)
    assert d.status == "verified"


def test_accelerator_cards_are_accelerators() -> None:
    """加速卡 (accelerator cards) meets "accelerators": the figure's own counted noun, as a bullet that names no
    one ("该区域…") needs to be met."""
    p = page("Tarnwell Cloud will open the Frankfurt region with an initial capacity of 32,000 accelerators, "
             "backed by a 180MW wind power purchase agreement.",
             "The company has 36 data centres in 3 countries and shipped 1,300 racks last year.",
             title="Tarnwell Cloud opens a sovereign AI region in Frankfurt")
    d, _ = verdict("该区域初始规模32,000张加速卡，配套180MW风电购电协议", "32,000张", "count", p)
    assert d.status == "verified"
    from claims.lexicon import topics_in

    assert "accelerators" in topics_in("初始规模32,000张加速卡") and "accelerators" in topics_in("AI加速器出货")


def test_a_passage_writing_days_without_their_month_has_no_lone_date() -> None:
    """"今日（7日）起至本周四（10日）招股 … 12月15日上市": the offer's days are written without their month, so
    12月15日 is not the passage's one date, and no day slip of the claim's December 10."""
    p = page("雲杉數智今日（7日）起至本周四（10日）招股，發售6,800萬股H股，預計12月15日在港交所主板上市。", title="雲杉數智招股")
    d, _ = verdict("Yunshan Shuzhi is taking orders in Hong Kong and books close Dec 10", "Dec 10", "date", p)
    assert d.status != "contradicted"


def test_a_swapped_pair_is_read_past_the_figures_own_qualifier() -> None:
    """"valued at more than 80 billion" binds the figure to "valued" although "more than" stands between:
    a qualifier is the figure's own word, not a measure word, so the window reaches past it; and
    "valued" meets the valuation a report's figure names."""
    p = page("Orchid Robotics raised 6 billion yen in its Series B. People close to the deal said it was valued "
             "at more than 80 billion yen after the round.", title="Orchid Robotics raises 6bn yen")
    d, _ = verdict("Orchid Robotics 完成 800 亿日元 B 轮融资，投后估值 60 亿日元", "800 亿日元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("Orchid Robotics 完成 60 亿日元 B 轮融资，投后估值 800 亿日元", "60 亿日元", "money", p)
    assert d.status == "verified"


def test_two_ages_of_two_people_swapped_are_a_swap() -> None:
    """Each item of a list starts after its conjunction (和): the words before 31岁 are the Argentine's
    alone, not the Australian's of the item before (this test fails without that cut)."""
    p = page("The two finalists are a 31 year-old Australian woman and a 27 year-old Argentine woman; they "
             "qualified on Sunday.", title="News")
    d, _ = verdict("两名决赛选手，27岁的澳大利亚女子和31岁的阿根廷女子星期日晋级", "27岁", "count", p)
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("两名决赛选手，31岁的澳大利亚女子和27岁的阿根廷女子星期日晋级", "31岁", "count", p)
    assert d.status == "verified"


def test_the_level_a_chinese_change_verb_reaches_is_not_the_level_the_page_started_from() -> None:
    """增至 X names the level reached even with no 从 in the clause; the page's "from X" is where the change
    started, so a report that moved the two figures is a swap. 降至 50% 以下 is a bound crossed, not a
    level, and keeps no role."""
    p = page("Exports edged up to 1.4% in the third quarter from 0.9% in the previous three months.", title="News")
    d, _ = verdict("第三季度出口增至 0.9%，而此前三个月只有 1.4%", "0.9%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("第三季度出口增至 1.4%，而此前三个月只有 0.9%", "1.4%", "percent", p)
    assert d.status == "verified"
    from verifier.judge.frames import figure_role

    text = "出口增速降至 50% 以下"
    at = text.index("50%")
    assert figure_role(text, at, at + 3) is None
    text = "出口增速降至 50%"
    assert figure_role(text, at, at + 3) == "to"


def test_a_weight_in_pounds_is_compared_as_a_weight_not_as_money() -> None:
    """磅 and "4,200-pound" are pounds of weight: the same weight verifies, and the kilograms beside it
    are another unit, never a contradiction."""
    p = page("Researchers spent five years freeing the fossil from a 4,200-pound (1,900 kg) block of rock.", title="News")
    d, _ = verdict("研究人员花了五年时间，才把化石从一块 4200 磅（1900 公斤）的岩块中取出", "4200 磅", "count", p)
    assert d.status == "verified"
    d, _ = verdict("研究人员花了五年时间，才把化石从一块 4200 磅（1900 公斤）的岩块中取出", "1900 公斤", "count", p)
    assert d.status == "verified"


def test_a_page_figure_equal_to_another_figure_of_the_claims_sentence_is_no_slip_of_the_claims() -> None:
    """"第二十次会议 … 第二次全体会议": the page's "second" is the other figure's, not 第二十次 written ×10 too
    small; the claim's own 20th is on the page, so it is never contradicted by the 2nd."""
    p = page("On Monday afternoon, the 20th session of the Standing Committee of the 11th city council held its "
             "second plenary meeting in the old town hall.", title="News")
    sentence = "十一届市议会常委会第二十次会议周一下午在老市政厅举行第二次全体会议"
    d, _ = verdict(sentence, "第二十次", "count", p)
    assert d.status != "contradicted"
    d, _ = verdict(sentence, "第二次", "count", p)
    assert d.status == "verified"


def test_the_same_figure_given_for_another_quarter_elsewhere_on_the_page_contradicts() -> None:
    """The passage that backs the figure says no quarter; the page's other passage gives the same
    figure as the second quarter's. A claim of the third quarter (第三季, as Taiwan's press writes it)
    is contradicted there; the second quarter's claim is verified."""
    p = page("Norvik expects revenue of $4.20 billion for the quarter ending in early August, above estimates.",
             "Norvik's Q2 revenue forecast of $4.20 billion topped analysts' estimates.",
             title="Norvik forecast tops estimates")
    d, _ = verdict("Norvik 預估第三季營收約 42 億美元", "42 億美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_period")
    d, _ = verdict("Norvik 預估第二季營收約 42 億美元", "42 億美元", "money", p)
    assert d.status == "verified"


def test_a_rates_per_million_is_its_unit_and_the_words_past_it_tell_the_pair_apart() -> None:
    """"$3 per million input tokens": "per million" belongs to the figure, so the words that tell the two
    prices apart (input, output; 输入, 输出) are read past it; the report that swapped them is caught on both."""
    p = page("Lyra 2 Pro costs $3 per million input tokens and $12 per million output tokens, the company said.",
             title="Lyra 2 Pro pricing")
    sentence = "Lyra 2 Pro 的 API 定价为输入每百万 token 12 美元、输出每百万 token 3 美元"
    for key in ("12 美元", "3 美元"):
        d, _ = verdict(sentence, key, "money", p)
        assert d.status == "contradicted", key
    d, _ = verdict("Lyra 2 Pro 的 API 定价为输入每百万 token 3 美元、输出每百万 token 12 美元", "3 美元", "money", p)
    assert d.status == "verified"


def test_an_amounts_words_run_past_a_duration_to_what_it_pays_for() -> None:
    """"committed $25 million over ten years to a community fund": "ten years" says when, not what, so
    the amount's words reach the fund; and "committed" meets 承诺 (a commitment). The campus's total
    investment, another amount of the page, does not outweigh it."""
    p = page("The campus represents a total investment of approximately $14 billion by Northwind and its partners.",
             "Construction is expected to support about 1,900 jobs at its peak and about 240 permanent jobs once the "
             "campus is fully operational. Northwind has committed $25 million over ten years to a community fund "
             "for the county, which will support workforce training and road improvements.",
             title="Northwind campus")
    d, _ = verdict("施工高峰期将创造约 1,900 个建筑工作，完工后提供约 240 个长期职位；公司并承诺十年内投入 2,500 万美元设立社区基金",
                   "2,500 万美元", "money", p)
    assert d.status == "verified"


def test_an_amounts_segment_is_cut_at_other_amounts_only() -> None:
    """The words that belong to an amount run past a duration or a count (they say when or how many),
    up to the next amount."""
    from verifier.judge.statements import _geometry

    p = page("Northwind has committed $25 million over ten years to a community fund, and $3 million to schools.")
    passage = p.passages[0]
    i = next(n for n, v in enumerate(passage.values) if v.raw == "$25 million")
    segment = _geometry(passage, i).segment
    assert "community fund" in segment and "schools" not in segment


def test_people_named_in_characters_meet_their_romanised_names_in_a_swapped_pair() -> None:
    """"张晓明今年 52 岁，刘建国 45 岁" against "Zhang Xiaoming, 45, and Liu Jianguo, 52": the names are read by
    their pinyin on both sides (晓明 / Xiaoming), and a sentence with no measure word still pairs its two
    figures."""
    p = page("Both Zhang Xiaoming, 45, and Liu Jianguo, 52, are natives of the village and began farming in the 1990s.",
             title="News")
    d, _ = verdict("张晓明今年52岁，刘建国45岁，都是本村村民，上世纪90年代开始务农", "52岁", "count", p)
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("张晓明今年45岁，刘建国52岁，都是本村村民，上世纪90年代开始务农", "45岁", "count", p)
    assert d.status == "verified"


def test_a_participant_named_as_the_lead_is_contradicted_without_a_round_letter() -> None:
    p = page(
        "Veloran has raised $800 million to build its data centres.",
        "The raise was led by Harbourline Capital, with participation from Tencent, Mistwood Ventures and GIC.",
        title="Veloran raises $800 million",
    )
    wrong, a = verdict("本轮由腾讯领投，Mistwood Ventures 等参与", "腾讯领投", "fact", p)
    right, _ = verdict("本轮由 Harbourline Capital 领投，腾讯等参与", "Harbourline Capital", "fact", p)
    participant, _ = verdict("本轮由 Harbourline Capital 领投，Mistwood Ventures 等参与", "Mistwood Ventures", "fact", p)
    english, _ = verdict("The round was led by Mistwood Ventures.", "Mistwood Ventures", "fact", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "Harbourline Capital"
    assert right.status == "verified"
    assert participant.status == "verified"  # the claim's key is a participant, and it is one
    assert english.status == "contradicted"


def test_a_figure_paired_with_another_figure_of_its_clause_is_anchored_by_the_pair() -> None:
    # the page words a list of rates in none of the claim's words; each rate's other side anchors it
    p = page("Central parity rates on Monday: USD1 to RMB7.1203, EUR1 to RMB7.7420, GBP1 to RMB9.0115.")
    claim = "周一人民币汇率中间价：1美元对人民币7.1203元，1欧元对人民币7.7420元，1英镑对人民币9.0115元。"
    for key in ("人民币7.1203元", "人民币7.7420元", "1英镑"):
        d, _ = verdict(claim, key, "money", p)
        assert d.status == "verified", key
    slipped = claim.replace("7.7420", "7.4720")
    d, a = verdict(slipped, "人民币7.4720元", "money", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "RMB7.7420"
    swapped = "周一人民币汇率中间价：1美元对人民币7.1203元，1欧元对人民币9.0115元，1英镑对人民币7.7420元。"
    d, _ = verdict(swapped, "人民币9.0115元", "money", p)
    assert d.status != "verified"  # its pair on the page is the pound's, not the euro's


def test_a_relative_date_meets_the_pages_own_relative_date_read_in_the_same_year() -> None:
    # no dateline: "last March" on the page is read in the year the claim's 去年三月 was read in
    p = page("Orvane listed its shares on the New York Stock Exchange last March, its chief executive said.")
    d, a = verdict("Orvane 去年三月在纽约证券交易所上市。", "去年三月", "date", p)
    assert d.status == "verified" and a.evidence[0].matched_value == "last March"
    other = page("Orvane listed its shares on the New York Stock Exchange in March 2019, its chief executive said.")
    d, _ = verdict("Orvane 去年三月在纽约证券交易所上市。", "去年三月", "date", other)
    assert d.status != "verified"


def test_an_age_is_not_a_count_of_the_people_it_describes() -> None:
    p = page("Two engineers in their late 20s, Mara Lind and Tomas Berg, founded the studio in a garage.")
    d, _ = verdict("两位 28 岁的工程师 Mara Lind 和 Tomas Berg 在车库里创办了这家工作室。", "28 岁", "count", p)
    assert d.status == "unverified"  # the page's "Two" counts the engineers, not their years
    d, _ = verdict("两位 28 岁的工程师 Mara Lind 和 Tomas Berg 在车库里创办了这家工作室。", "两位", "count", p)
    assert d.status == "verified"


def test_a_page_figure_naming_what_the_claim_counts_is_not_bound_to_the_other_figure() -> None:
    # the page's clause also names the offering, which the claim says of its other figure (30 亿港元);
    # its 所得款项净额 (the lexicon's "net proceeds") is what the claimed figure counts
    p = page("经扣除佣金及开支后，公司将收取的全球配售所得款项净额估计约为 2,860 百万港元。")
    wrong, a = verdict("公司全球配售集资约 30 亿港元，扣除费用后募资净额约 28.6 亿美元。", "28.6 亿美元", "money", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_currency")
    right, _ = verdict("公司全球配售集资约 30 亿港元，扣除费用后募资净额约 28.6 亿港元。", "28.6 亿港元", "money", p)
    assert right.status == "verified"


def test_a_rise_against_the_previous_quarter_is_not_the_year_on_year_rise() -> None:
    p = page("Halden Systems reported revenue of $4.2 billion for the third quarter, up 18% from the previous "
             "quarter and up 41% from a year ago.", title="Halden Systems Reports Third Quarter 2026 Results")
    ok, _ = verdict("Halden Systems 第三季度营收同比增长 41%", "41%", "percent", p)
    assert ok.status == "verified"
    d, a = verdict("Halden Systems 第三季度营收同比增长 18%", "18%", "percent", p)
    # the very 18%, given against the previous quarter
    assert (d.status, d.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_period", "18%")
    seq, _ = verdict("Halden's revenue rose 18% sequentially", "18%", "percent", p)
    assert seq.status == "verified"
    yoy, _ = verdict("Halden's revenue rose 18% year over year", "18%", "percent", p)
    assert yoy.status == "contradicted"


def test_terabytes_for_gigabytes_is_a_unit_slip() -> None:
    p = page("Each node carries 96 GB of HBM3e memory.", title="Inside the Orrin X9 node")
    d, a = verdict("每个节点搭载 96 TB HBM3e 内存", "96 TB", "count", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_unit")
    assert a.evidence[0].matched_value == "96 GB"
    same, _ = verdict("每个节点搭载 96 GB HBM3e 内存", "96 GB", "count", p)
    assert same.status == "verified"


def test_gigawatts_for_megawatts_of_a_wind_farm_is_a_unit_slip() -> None:
    p = page("The wind farm will add 120 MW of capacity.", title="Windfarm approved")
    d, _ = verdict("该风电场将新增 120 GW 装机", "120 GW", "count", p)
    assert d.status == "contradicted"
    ok, _ = verdict("该风电场将新增 120 兆瓦装机", "120 兆瓦", "count", p)
    assert ok.status == "verified"


def test_dollars_for_yuan_of_a_listings_net_proceeds_is_a_wrong_currency() -> None:
    p = page("新材科技今日在上交所科创板挂牌上市，募集资金净额12.6亿元。", title="新材科技科创板上市")
    d, _ = verdict("新材科技募资净额 12.6 亿美元", "12.6 亿美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_currency")
    ok, _ = verdict("新材科技募资净额 12.6 亿元", "12.6 亿元", "money", p)
    assert ok.status == "verified"


def test_a_fiscal_quarter_claim_names_its_company_without_the_year() -> None:
    p = page("Brant Micro today reported results for the second quarter of fiscal 2027, ended October 26, 2026. "
             "Revenue was $1.9 billion.", title="Brant Micro Reports Second Quarter Fiscal 2027 Results")
    d, _ = verdict("Brant Micro 2027 财年第二季度营收 19 亿美元", "19 亿美元", "money", p)
    assert d.status == "verified"


def test_the_year_earlier_level_a_figure_is_compared_with_is_not_the_figure_now() -> None:
    p = page("Gross margin was 71.3%, compared with 64.8% in the same quarter last year.",
             title="Halden Systems Reports Third Quarter 2026 Results")
    d, a = verdict("Halden's gross margin was 64.8% in the quarter", "64.8%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "71.3%"
    ok, _ = verdict("Halden's gross margin was 71.3% in the quarter", "71.3%", "percent", p)
    assert ok.status == "verified"
    then, _ = verdict("Halden 去年同期毛利率为 64.8%", "64.8%", "percent", p)
    assert then.status == "verified"  # the claim itself speaks of the year before


def test_a_chinese_rank_among_providers_is_read_against_the_pages_rank() -> None:
    p = page("The company is now the third-largest cloud provider in Southeast Asia.", title="Cirra expands in Southeast Asia")
    d, a = verdict("该公司已成为东南亚第二大云服务商", "第二大", "count", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "third-largest"
    ok, _ = verdict("该公司已成为东南亚第三大云服务商", "第三大", "count", p)
    assert ok.status == "verified"


def test_a_segments_figure_is_the_one_whose_clause_names_the_segment() -> None:
    p = page("分业务看，云服务业务当季收入12.6亿元，同比增长44%；终端业务收入5.2亿元，同比增长19%；其他业务同比下降3%。",
             title="Pellan 第三季度营收同比增长31%")
    d, a = verdict("终端业务收入同比增长44%", "44%", "percent", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "19%")
    ok, _ = verdict("终端业务收入同比增长19%", "19%", "percent", p)
    assert ok.status == "verified"


def test_a_change_verbs_claim_is_checked_with_the_figure_it_is_said_of() -> None:
    p = page(("项目 | 本报告期 | 比上年同期增减", "th"), ("研发投入占营业收入的比例(%) | 32.58 | 减少17.37个百分点", "td"), title="芯衡 2026 年第三季度报告")
    d, _ = verdict("研发投入占营收的32.58%，较上年同期增加17.37个百分点", "较上年同期增加", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")
    ok, _ = verdict("研发投入占营收的32.58%，较上年同期减少17.37个百分点", "较上年同期减少", "fact", p)
    assert ok.status == "verified"
    share = page("值得注意的是，海外业务收入占比由去年同期的23%下降至18%。", title="华曜算力中期业绩")
    d, _ = verdict("海外收入占比提升至18%，出海节奏要再观察", "海外收入占比提升至", "fact", share)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")  # a change verb naming its end (提升至)
    ok, _ = verdict("海外收入占比下降至18%", "海外收入占比下降至", "fact", share)
    assert ok.status == "verified"


def test_a_deck_of_figures_over_a_list_dates_none_of_its_items() -> None:
    p = page(("Revenue was $3,184 million, an increase of 62% year over year and 14% sequentially.", "li"),
             ("In the third quarter, data-center revenue grew 71% from a year earlier.", "p"),
             title="Halden Compute Reports Third Quarter 2026 Results")
    p.passages[0] = p.passages[0].__class__(**{**p.passages[0].__dict__, "heading": "Revenue up 62%; company raises 2026 capex outlook"})
    d, _ = verdict("Halden Compute 三季度营收同比增长 62%", "62%", "percent", p)
    assert d.status == "verified"


def test_a_dates_comma_before_its_year_ends_no_clause() -> None:
    from verifier.judge.frames import clause_span

    text = "RPO were $21.6 billion as of September 30, 2026, compared with $14.2 billion as of June 30, 2026."
    at = text.index("$14.2")
    s, e = clause_span(text, at, at + 5)
    assert text[s:e].strip().endswith("June 30, 2026.")


def test_a_change_given_by_its_base_is_not_backed_by_a_level() -> None:
    p = page("Non-GAAP gross margin was 63.1%. Non-GAAP earnings per diluted share were $1.47, up 36% from $1.08 a year ago.",
             title="Veridian reports third quarter results")
    d, _ = verdict("non-GAAP EPS of $1.47 was +63% y/y and 9c above consensus", "63%", "percent", p)
    assert d.status != "verified"


def test_y_slash_y_and_q_slash_q_name_their_bases() -> None:
    from verifier.judge.frames import comparison_basis

    text = "Data center: $3.5bn (+37% y/y), networking +12% q/q"
    a, b = text.index("37%"), text.index("12%")
    assert comparison_basis(text, a, a + 3, [(b, b + 3)]) == "byoy"
    assert comparison_basis(text, b, b + 3, [(a, a + 3)]) == "bstep"


def test_what_a_first_version_said_is_stale() -> None:
    from verifier.judge.frames import stale_spans

    note = "更正说明：本文首发版本称深衡本轮投后估值为150亿元，经与公司核实，正确数字为180亿元。"
    assert [note[a:b] for a, b in stale_spans(note)] == ["深衡本轮投后估值为150亿元"]
    p = page("深衡完成18亿元C轮融资，本轮投后估值180亿元。", note, title="深衡完成C轮融资")
    d, _ = verdict("深衡完成18亿元C轮融资，投后估值150亿元", "150亿元", "money", p)
    assert d.status == "contradicted"


def test_a_possessives_largest_is_read_against_the_pages_rank() -> None:
    p = page("Vantor is now the second-largest maker of solid-state batteries in Europe, behind Oslane.", title="Vantor opens Lyon plant")
    d, a = verdict("Vantor, Europe's largest maker of solid-state batteries, opened a plant.", "largest", "count", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "second-largest")


def test_a_bracketed_source_note_is_no_words_of_the_claim() -> None:
    from verifier.judge.matching import build_query

    sentence = "VRDN holds 40% and Stellan 25% (Source: Business Wire, https://www.businesswire.com/news/home/1/en/Partners-Form-JV)."
    q = build_query(kind="percent", sentence=sentence, key_text="25%", key_start=sentence.find("25%"))
    assert not {"sourc", "busin", "wire", "partner"} & {t[:5] for t in q.all_terms()}, q.all_terms()
    p = page("Veridian will hold a 40% stake, Stellan Energy 35% and Kaito Capital 25%.", title="Partners form Meridian")
    d, _ = verdict(sentence, "25%", "percent", p)
    assert d.status == "contradicted"


def test_a_chat_links_host_and_label_are_no_words_of_the_claim() -> None:
    from verifier.judge.matching import build_query

    sentence = "Ohio's largest solar farm so far <https://www.solarnews.example/en/story-17|SN>"
    q = build_query(kind="count", sentence=sentence, key_text="largest", key_start=sentence.find("largest"))
    terms = q.all_terms()
    assert not terms & {"http", "https", "www", "solarnews", "sn", "example"}, terms
    assert not any(t.startswith("stor") for t in terms)  # "/en/story-17" is where the link points, no title
    titled = "Ohio's largest solar farm so far <https://www.solarnews.example/en/ohio-farm-breaks-ground|SN>"
    q = build_query(kind="count", sentence=titled, key_text="largest", key_start=titled.find("largest"))
    assert any(t.startswith("break") for t in q.all_terms())  # a slug of three words or more is the page's title


def test_each_year_of_a_clause_belongs_to_its_own_figure() -> None:
    p = page("拓勢研究指出，AI伺服器占整體伺服器出貨比重將由2026年的14.2%提高至2027年的17.5%。", title="AI伺服器出貨")
    d, a = verdict("该机构估计，2026年AI服务器占整体服务器出货比重为17.5%", "17.5%", "percent", p)
    # the very 17.5%, given for 2027
    assert (d.status, d.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_period", "17.5%")
    ok, _ = verdict("该机构估计，2027年AI服务器占整体服务器出货比重为17.5%", "17.5%", "percent", p)
    assert ok.status == "verified"


def test_a_table_rows_year_label_is_its_cells_period() -> None:
    p = page(("年度 | 出貨量(萬台) | 年增率 | 占比", "th"), ("2026 | 191.0 | 41% | 14.2%", "td"), ("2027 | 245.0 | 28% | 17.5%", "td"),
             title="AI伺服器出貨預估")
    d, _ = verdict("2026年AI服务器出货占比为17.5%", "17.5%", "percent", p)
    assert d.status != "verified"


def test_a_whole_years_figure_does_not_meet_a_claim_for_its_first_three_quarters() -> None:
    p = page("2025年公司实现营业收入18.6亿元，同比增长212%；2026年前三季度实现营业收入23.4亿元，同比增长96.5%。",
             title="燧芯微电子招股书")
    d, a = verdict("招股书显示，燧芯前三季度营收18.6亿元", "18.6亿元", "money", p)
    assert d.status == "contradicted"
    assert a.evidence[0].matched_value == "23.4亿元"
    ok, _ = verdict("招股书显示，燧芯2025年营收18.6亿元", "18.6亿元", "money", p)
    assert ok.status == "verified"


def test_the_very_figure_given_year_on_year_contradicts_a_sequential_claim() -> None:
    p = page("Revenue was $4.82 billion, an increase of 34% year over year and 9% from $4.42 billion in the second quarter.",
             title="Corvalis Reports Third Quarter Results")
    d, _ = verdict("Corvalis 第三季营收 48.2 亿美元，季增 34%", "34%", "percent", p)
    assert d.status == "contradicted"


def test_a_figures_own_segment_names_its_subject_before_the_clauses_first_name() -> None:
    p = page("Astra 5 costs $1.25 per million input tokens and $10 per million output tokens, a third less than "
             "Astra 4.5's output price of $15.", ("Model | Input | Output", "th"), ("Astra 5 | $1.25 | $10.00", "td"),
             title="Introducing Astra 5")
    d, _ = verdict("Astra 5's $10 output price is a third below the $15 that Astra 4.5 charged", "$15", "money", p)
    assert d.status == "verified"


def test_another_models_figure_does_not_support_when_the_claims_model_is_given_another() -> None:
    p = page("Astra 5 has a context window of 400,000 tokens and can produce up to 64,000 output tokens in a single "
             "response. Astra 5 Mini supports 128,000 tokens of context.", title="Introducing Astra 5 and Astra 5 Mini")
    d, a = verdict("Astrelle 推出 Astra 5 与 Astra 5 Mini，Astra 5 Mini 的上下文长度为 40万 token", "40万 token", "count", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "128,000 tokens")
    ok, _ = verdict("Astrelle 推出 Astra 5 与 Astra 5 Mini，Astra 5 的上下文长度为 40万 token", "40万 token", "count", p)
    assert ok.status == "verified"


def test_a_table_rows_maker_column_does_not_make_its_model_another_subject() -> None:
    p = page(("Rank | Model | Organization | Score", "th"), ("1 | Kestrel 3 Ultra | Kestrel AI | 1498", "td"),
             ("2 | Qwen4-Max | Alibaba | 1481", "td"), title="Text Arena leaderboard")
    d, _ = verdict("Kestrel 3 Ultra 以 1498 分居首，Qwen4-Max 以 1481 分排名第二", "1498 分", "count", p)
    assert d.status == "verified"


def test_a_change_written_with_the_year_of_each_end_shares_its_measure() -> None:
    p = page("採用自研ASIC的AI伺服器占比則將由2026年的24%提高至31%，主要來自大型雲端業者擴大部署自研加速器。",
             title="拓勢研究：明年全球AI伺服器出貨年增28%")
    d, _ = verdict("采用自研ASIC的AI服务器占比明年将升至31%", "31%", "percent", p)
    assert d.status == "verified"
    en = page("The share of ASIC-based AI servers will rise from 24% in 2026 to 31% in 2027.", title="AI server outlook")
    d, _ = verdict("The share of ASIC-based AI servers will rise to 31% in 2027", "31%", "percent", en)
    assert d.status == "verified"


def test_another_deals_table_row_does_not_contradict_a_deal_size() -> None:
    p = page("Quillon raised $3.2 billion in a Series D round.", ("Round | Date | Amount | Lead", "th"),
             ("Seed | Aug 2023 | $18 million | Bluefin Ventures", "td"), ("Series C | Mar 2026 | $900 million | Kestrel", "td"),
             title="Quillon raises $3.2 billion")
    d, _ = verdict("另据外媒报道，Quillon 正洽购芯片设计公司 Tessery，交易金额约 20 亿美元", "20 亿美元", "money", p)
    assert d.status != "contradicted"


def test_a_slip_of_a_cell_in_the_claims_own_row_is_contradicted() -> None:
    p = page(("Rank | Model | Organization | Score", "th"), ("1 | Kestrel 3 Ultra | Kestrel AI | 1498", "td"),
             ("3 | DeepSeek-V4.5 | DeepSeek | 1476", "td"), title="Text Arena leaderboard")
    d, a = verdict("Kestrel 3 Ultra 以 1498 分居首，DeepSeek-V4.5 以 14760 分首次上榜即进入前五", "14760 分", "count", p)
    assert d.status == "contradicted"
    assert "1476" in [e.matched_value for e in a.evidence]


def test_a_bracketed_citation_label_is_not_the_claims_subject() -> None:
    p = page("Net income was $612 million, or $1.43 per diluted share, compared with $371 million, or $0.88 per "
             "diluted share, a year ago.", title="Corvalis Cloud Reports Third Quarter 2026 Financial Results")
    d, _ = verdict("Corvalis earned $1.43 a share in the third quarter ([Corvalis IR][4])", "$1.43", "money", p)
    assert d.status == "verified"


def test_a_raised_outlook_claimed_at_the_old_figure_is_contradicted() -> None:
    p = page("The company now expects full-year 2026 capital expenditures of approximately $11 billion, up from its "
             "previous outlook of $9.5 billion.", title="Corvalis Cloud Reports Third Quarter 2026 Financial Results")
    d, a = verdict("公司将全年资本支出预估上调至约95亿美元", "95亿美元", "money", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "$9.5 billion")
    ok, _ = verdict("公司将全年资本支出预估上调至约110亿美元", "110亿美元", "money", p)
    assert ok.status == "verified"


def test_two_years_of_a_clause_with_one_figure_are_not_that_figures_periods() -> None:
    p = page("The investigation was targeted at young people in the millennial generation (born between 1980 and 2000) "
             "in nine countries.", title="")
    d, _ = verdict("这项报告的访问对象为9个国家的“千禧一代”年轻人（出生在1980年至2000年间）", "9个", "count", p)
    assert d.status == "verified"


def test_a_chinese_company_written_in_pinyin_is_found_on_its_chinese_page() -> None:
    p = page("燧芯微电子今日登陆上交所科创板，本次发行募集资金总额42.33亿元，为今年科创板募资规模第二大的IPO。",
             title="燧芯微电子科创板上市")
    d, _ = verdict("GPU designer Suixin Microelectronics raised 4.23 billion yuan in its STAR Market IPO",
                   "4.23 billion yuan", "money", p)
    assert d.status == "verified"


def test_a_multiple_is_read_against_a_rise_in_percent() -> None:
    p = page("AI infrastructure revenue was $1.36 billion, up 118% year over year, and represented 28% of total revenue.",
             title="Corvalis Cloud Reports Third Quarter 2026 Financial Results")
    ok, _ = verdict("Corvalis Cloud's AI infrastructure revenue more than doubled in the third quarter", "doubled", "count", p)
    assert ok.status == "verified"
    d, _ = verdict("Corvalis Cloud's AI infrastructure revenue more than tripled in the third quarter", "tripled", "count", p)
    assert d.status != "verified"


def test_a_calendar_quarter_is_not_the_fiscal_quarter_a_release_reports() -> None:
    p = page("Brant Micro today reported results for the third quarter of fiscal 2027, ended October 26, 2026.",
             "Revenue was $1.9 billion, up 22% from a year ago.", title="Brant Micro Reports Third Quarter Fiscal 2027 Results")
    d, _ = verdict("Brant Micro 2026 年第三季度营收 19 亿美元", "19 亿美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_period")
    ok, _ = verdict("Brant Micro 2027 财年第三季度营收 19 亿美元", "19 亿美元", "money", p)
    assert ok.status == "verified"
    bare, _ = verdict("Brant Micro 第三季度营收 19 亿美元", "19 亿美元", "money", p)
    assert bare.status == "verified"  # no year: the claim does not say which calendar


def test_a_list_member_the_pages_same_list_replaces_is_contradicted() -> None:
    p = page("Including Red Mesa, GPD has 2.9 GW of capacity operating, under construction or in development across six "
             "campuses in Texas, Oklahoma and Arizona.", title="GPD announces Red Mesa AI campus")
    d, a = verdict("Red Mesa brings its portfolio to six campuses across Texas, Oklahoma and New Mexico", "New Mexico", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "Arizona")
    ok, _ = verdict("Red Mesa brings its portfolio to six campuses across Texas, Oklahoma and Arizona", "Arizona", "fact", p)
    assert ok.status == "verified"



def test_durations_beside_a_rate_do_not_take_the_years_of_its_clause() -> None:
    from verifier.judge.matching import build_query
    from verifier.judge.statements import frame_of

    sentence = "过去12个月（2024年8月至2025年7月）的年平均通货膨胀率为 -0.6%"
    at = sentence.find("-0.6%")
    values = [v for v in parse_values(sentence, default_year=2026) if v.start <= at < v.end]
    q = build_query(kind="percent", sentence=sentence, key_text="-0.6%", key_start=at, values=values)
    # the 12 months are no second rate: the clause's two years stay the rate's
    assert {"y2024", "y2025"} <= frame_of(q).periods



def test_a_clause_about_another_entity_is_marked_foreign() -> None:
    from verifier.judge.evidence import claim_subjects
    from verifier.judge.matching import build_query
    from verifier.judge.statements import aligned_statements

    sentence = "另有报道称，Lyra X9 将采用 2 纳米工艺制造"
    at = sentence.find("2 纳米")
    values = [v for v in parse_values(sentence) if v.start <= at < v.end]
    q = build_query(kind="count", sentence=sentence, key_text="2 纳米", key_start=at, values=values)
    other = page("Orrin's HBM4E will ship with the Lyra X9 accelerator.",
                 "The base die of Orrin's HBM is manufactured on a 3-nanometer-class logic process.", title="Orrin HBM4E")
    mine = page("The Lyra X9 is manufactured on a 3-nanometer process.", title="Lyra X9")
    # (a different figure of a foreign clause never contradicts: statements.contradiction)
    assert [st.foreign for st in aligned_statements(q, values[0], [other], claim_subjects(q))] == [True]
    assert [st.foreign for st in aligned_statements(q, values[0], [mine], claim_subjects(q))] == [False]



def test_the_noun_after_a_counted_chinese_figure_is_that_figures() -> None:
    p = page("From the speech at the 4th plenary session of the 19th Central Commission for Discipline Inspection.", title="")
    for key in ("第十九届", "第四次"):
        d, _ = verdict("在第十九届中央纪律检查委员会第四次全体会议上的讲话", key, "count", p)
        assert d.status == "verified", key


def test_the_words_after_a_chinese_comparisons_from_are_its_figures() -> None:
    from verifier.judge.statements import _near_words

    text = "2499元的指导价较此前2199元的零售价上涨了300元"
    spans = [(0, 5), (text.find("2199元"), text.find("2199元") + 5), (text.find("300元"), text.find("300元") + 4)]
    near = _near_words(text, *spans[1], spans, frozenset())
    assert "retail" in near and "guid" not in near and "guidanc" not in near


def test_a_counted_figures_noun_is_not_the_next_figures_near_word() -> None:
    from verifier.judge.statements import _near_words

    text = "在第十九届中央纪律检查委员会第四次全体会议上的讲话"
    a, b = text.find("第十九届"), text.find("第四次")
    spans = [(a, a + 4), (b, b + 3)]
    near = _near_words(text, *spans[1], spans, frozenset())
    assert not near & {"disciplin", "commiss", "inspect", "committe"}
    assert near & {"plenari", "plenary", "meet", "session", "full"}


def test_a_cell_under_a_declared_unit_meets_a_chinese_amount() -> None:
    p = page("Consolidated results (billion yen)", ("Item | Q2 FY2026 | Q2 FY2025 | YoY", "th"),
             ("Net sales | 97.2 | 81.5 | +19.3%", "td"), ("Operating profit | 12.4 | 9.8 | +26.5%", "td"),
             title="Kaminari Robotics: Q2 FY2026 results")
    ok, _ = verdict("Kaminari Robotics 2026财年第二财季营收 972 亿日元", "972 亿日元", "money", p)
    assert ok.status == "verified"
    d, _ = verdict("Kaminari Robotics 2026财年第二财季营收 815 亿日元", "815 亿日元", "money", p)
    assert d.status != "verified"  # the year-ago column


def test_a_year_ago_column_under_a_row_label_unit_is_the_year_before() -> None:
    p = page("摩算科技今日披露三季报。", ("项目 | 2026年第三季度 | 上年同期 | 同比", "th"),
             ("研发投入（亿元） | 2.86 | 2.03 | 40.89%", "td"), title="摩算科技三季报")
    d, a = verdict("三季度研发投入2.03亿元", "2.03亿元", "money", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "2.86")
    ok, _ = verdict("三季度研发投入2.86亿元", "2.86亿元", "money", p)
    assert ok.status == "verified"


def test_a_list_given_with_its_count_is_complete() -> None:
    """"developed by Northstar with three partners, A, B and C": a claim naming D among the partners is
    contradicted, though the page names D elsewhere (as the campus's tenant)."""
    p = page(
        "Red Mesa is being developed by Northstar with three partners, Halcyon Micro, Brazos Grid and Pelican "
        "Infrastructure Partners. Meridian AI has signed a 10-year lease and will be the anchor tenant.",
        title="Northstar breaks ground on Red Mesa",
    )
    d, _ = verdict("Partners: Halcyon Micro, Brazos Grid and Meridian AI.", "Meridian AI", "fact", p)
    assert d.status == "contradicted"


def test_a_key_joining_a_lists_last_two_items_is_read_item_by_item() -> None:
    """"…、临江算力港和西山智算基地" read as one key: its second item is not in the page's complete list."""
    p = page("一、确定首批支持平台共四家，分别为：东湖智算枢纽、南湾智算平台、临江算力港和北岸算力中心。"
             "西山智算基地申报材料尚需补充，将纳入第二批评审。", title="关于公布首批支持平台名单的通知")
    claim = "市经信局公布首批支持平台共四家，包括东湖智算枢纽、南湾智算平台、临江算力港和西山智算基地。"
    d, _ = verdict(claim, "临江算力港和西山智算基地", "fact", p)
    assert d.status == "contradicted"
    d, _ = verdict(claim.replace("西山智算基地", "北岸算力中心"), "临江算力港和北岸算力中心", "fact", p)
    assert d.status == "verified"


def test_a_month_cut_short_is_no_name_of_another_entity() -> None:
    """"Shares are due to debut on Dec. 18." names no one ("Dec." is December): it dates the claim's debut, and
    the dateline three days before is no slip of it."""
    p = page("HONG KONG, Dec 15 (Reuters) - Lumio Cloud has priced its Hong Kong initial public offering at the "
             "top of its range, two people with knowledge of the matter said.", "Shares are due to debut on Dec. 18.",
             title="Lumio Cloud prices Hong Kong IPO at top of range", published="2026-12-15")
    d, _ = verdict("Lumio Cloud priced its IPO at the top of the range and debuts Dec 18.", "Dec 18", "date", p)
    assert d.status == "verified"


def test_figures_given_to_two_subjects_the_other_way_round_are_swapped() -> None:
    """"Kelso rose 9.4% and Brandt 4.1%" against "Kelso shares rose 4.1% on Tuesday, while Brandt jumped 9.4%"."""
    p = page("The deal was announced before the market opened.", "Kelso shares rose 4.1% on Tuesday, while Brandt jumped 9.4%.",
             title="Utilities sign a power deal")
    d, a = verdict("On the day Kelso rose 9.4% and Brandt 4.1%.", "9.4%", "percent", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "4.1%")
    d, _ = verdict("On the day Kelso rose 4.1% and Brandt 9.4%.", "4.1%", "percent", p)
    assert d.status != "contradicted"


def test_a_title_run_into_its_paragraph_gives_the_period_of_its_figures() -> None:
    """"First quarter fiscal 2027 outlook. Norvane expects revenue of $2.40 billion, plus or minus $100 million" on
    a page titled with fiscal 2026's results: the outlook is fiscal 2027's first quarter, the claim's range."""
    p = page("Revenue for fiscal 2026 was $8.12 billion, up 30%.",
             "First quarter fiscal 2027 outlook. Norvane expects revenue of $2.40 billion, plus or minus $100 million.",
             title="Norvane Reports Fourth Quarter and Fiscal 2026 Results")
    d, _ = verdict("Norvane's Q1 FY27 revenue is guided to $2.30–2.50 billion.", "$2.30", "money", p)
    assert d.status == "verified"


def test_a_name_in_a_later_clause_with_its_own_figure_is_not_the_amounts_subject() -> None:
    """"云枢科技拟投资不超过 96.5 亿元建设智算中心，Northstar 在得州启动 1.2 GW 园区建设": the amount's page need not
    name Northstar, whose figure is the 1.2 GW."""
    p = page("投资金额：项目总投资不超过96.5亿元，分两期建设。", title="云枢科技关于投资建设乌兰察布智算中心项目的公告")
    d, _ = verdict("云枢科技拟投资不超过 96.5 亿元建设乌兰察布智算中心，Northstar 在得州启动 1.2 GW 园区建设", "96.5 亿元", "money", p)
    assert d.status == "verified"


def test_a_change_on_a_base_is_read_against_the_clauses_change_on_that_base() -> None:
    p = page("Cloud: Quarterly revenue was $2.10 billion, up 9% from the previous quarter and up 28% from a year ago. "
             "Cloud represented 61% of total revenue.", title="Norvale reports second quarter results")
    ok, _ = verdict("Cloud revenue: $2.1bn (+28% y/y)", "28%", "percent", p)
    assert ok.status == "verified"
    step, _ = verdict("Cloud revenue: $2.1bn (+9% q/q)", "9%", "percent", p)
    assert step.status == "verified"
    moved, _ = verdict("Cloud revenue: $2.1bn (+28% q/q)", "28%", "percent", p)
    assert (moved.status, moved.reason) == ("contradicted", "wrong_period")
    wrong, a = verdict("Cloud revenue: $2.1bn (+19% y/y)", "19%", "percent", p)
    assert wrong.status == "contradicted"
    assert any(e.matched_value == "28%" for e in a.evidence if e.stance == "contradicts")


def test_a_share_neither_backs_nor_contradicts_a_change_on_a_base() -> None:
    p = page("Cloud: Quarterly revenue was $2.10 billion. Cloud represented 61% of total revenue.",
             title="Norvale reports second quarter results")
    for claim, key in (("Cloud revenue: $2.1bn (+61% y/y)", "61%"), ("云业务收入 21 亿美元，同比+35%", "35%")):
        d, _ = verdict(claim, key, "percent", p)
        assert d.status == "unverified", claim


def test_a_paragraphs_opening_label_speaks_for_its_later_clauses() -> None:
    from verifier.judge.matching import _lead_label_words

    assert "cloud" in _lead_label_words("Cloud: Quarterly revenue was $2.10 billion, up 9%.")
    assert _lead_label_words("云业务：季度收入 21 亿美元") != frozenset()
    assert _lead_label_words("At 10:30 the shares rose 4%.") == frozenset()
    assert _lead_label_words("See https://example.org/x for the figures.") == frozenset()


def test_a_periodic_reports_columns_are_its_quarter_and_the_year_to_its_end() -> None:
    head = ("项目 | 本报告期 | 本报告期比上年同期增减变动幅度(%) | 年初至报告期末 | 年初至报告期末比上年同期增减变动幅度(%)", "th")
    row = ("归属于上市公司股东的净利润 | 9,120.55 | 88.40 | 20,415.30 | 61.25", "td")
    p = page(("单位：万元 币种：人民币", "p"), head, row, title="衡岳电子：2026年第三季度报告")
    nine, _ = verdict("前三季度归母净利润 2.04 亿元，同比增长 88.40%", "88.40%", "percent", p)
    assert (nine.status, nine.reason) == ("contradicted", "wrong_period")
    ok, _ = verdict("前三季度归母净利润 2.04 亿元，同比增长 61.25%", "61.25%", "percent", p)
    assert ok.status == "verified"
    quarter, _ = verdict("第三季度归母净利润 0.91 亿元，同比增长 88.40%", "88.40%", "percent", p)
    assert quarter.status == "verified"


def test_a_change_on_a_base_is_of_the_period_said_before_it() -> None:
    from verifier.judge.frames import _part_said_before

    text = "前三季度营收 42.1 亿元，同比增长 58.3%"
    assert _part_said_before(text, text.index("同比")) == frozenset({"q123"})
    assert _part_said_before("营收 42.1 亿元，同比增长 58.3%", 12) == frozenset()


def test_a_source_links_address_is_no_word_of_the_claim() -> None:
    from verifier.judge.matching import _blank_citations

    text = "营收同比增长 74.6% [来源](https://www.example.cn/new/disclosure/detail?code=1)"
    blanked = _blank_citations(text)
    assert len(blanked) == len(text) and "disclosure" not in blanked and "[来源]" in blanked
    kept = "Halden raised $2bn, [Reuters](https://example.org/halden-raises-2bn) reports"
    assert "Reuters" in _blank_citations(kept)
    wiki = "its Series B raised RMB 360 million ([36Kr|https://36kr.com/p/3078412566291457])."
    assert _blank_citations(wiki).rstrip(" .") == "its Series B raised RMB 360 million"  # wiki markup's link


def test_a_rate_and_its_change_in_points_are_two_quantities() -> None:
    p = page("Operating margin was 27.4%, up 1.9 percentage points from a year ago. Net margin was 19.0%.",
             title="Arvel reports third quarter results")
    ok, _ = verdict("Operating margin: 27.4% (+190 bps y/y)", "190 bps", "percent", p)
    assert ok.status == "verified"
    level, _ = verdict("Operating margin: 27.4% (+190 bps y/y)", "27.4%", "percent", p)
    assert level.status == "verified"


def test_a_periods_end_is_met_by_the_pages_period_end_not_by_its_dateline() -> None:
    p = page("SAN JOSE, Calif., November 20, 2026 -- Arvel Systems, Inc. (NASDAQ: ARVL) today reported revenue for the "
             "third quarter ended October 26, 2026, of $2.31 billion.", title="Arvel Systems Reports Third Quarter Fiscal 2027 Results",
             published="2026-11-20")
    ok, _ = verdict("Arvel Systems 公布FY27Q3（截至2026年10月26日）业绩", "2026年10月26日", "date", p)
    assert ok.status == "verified"
    slip, _ = verdict("Arvel Systems 公布FY27Q3（截至2026年10月28日）业绩", "2026年10月28日", "date", p)
    assert slip.status != "verified"


def test_the_date_beside_the_claims_other_figure_is_the_claims() -> None:
    p = page("董事长表示，目前公司在手订单约288亿元，交付已排至2027年第三季度。",
             "存货增加主要是为四季度及明年二季度的交付备货。", title="衡岳电子业绩说明会", published="2026-11-20")
    d, _ = verdict("在手订单约288亿元，交付排至2027年二季度", "2027年二季度", "date", p)
    assert d.status == "contradicted"
    ok, _ = verdict("在手订单约288亿元，交付排至2027年三季度", "2027年三季度", "date", p)
    assert ok.status == "verified"


def test_a_signed_change_on_a_base_has_a_direction() -> None:
    p = page("Devices: Third-quarter revenue was $410 million, down 14% from the previous quarter and down 9% from a year ago.",
             title="Arvel reports third quarter results")
    d, _ = verdict("终端业务收入4.1亿美元，同比+9%", "9%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")
    ok, _ = verdict("终端业务收入4.1亿美元，同比-9%", "9%", "percent", p)
    assert ok.status != "contradicted"


def test_a_claim_naming_no_period_means_the_latest_dated_column() -> None:
    head = ("| Oct 25, 2026 | Jul 26, 2026 | Oct 26, 2025", "th")
    row = ("Net income per share: Diluted | $ 1.41 | $ 1.29 | $ 0.87", "td")
    p = page(head, row, title="Arvel reports third quarter results")
    old, _ = verdict("Diluted EPS (GAAP): $1.29", "$1.29", "money", p)
    assert old.status != "verified"  # the previous quarter's column
    ok, _ = verdict("Diluted EPS (GAAP): $1.41", "$1.41", "money", p)
    assert ok.status == "verified"


def test_a_slip_in_the_claims_own_unit_outweighs_a_converted_figure() -> None:
    p = page("Arvel started its data center in Sakai in April 2026, with a power capacity of 120 MW. "
             "With the new campus, Arvel aims to have a power capacity of 1.2 GW in total.", title="Arvel opens AI data center")
    d, _ = verdict("Arvel 位于堺市的数据中心已于今年 4 月启用，容量为 1200 兆瓦。", "1200 兆瓦", "count", p)
    assert d.status == "contradicted"


def test_a_date_said_of_another_life_event_neither_supports_nor_contradicts() -> None:
    p = page("Liyan was founded in 2023 and is headquartered in Hangzhou. Its next model is planned for release "
             "in the first quarter of 2027.", title="Liyan raises new round")
    ipo, _ = verdict("公司计划于2027年启动科创板IPO", "2027年", "date", p)
    assert ipo.status == "unverified"  # neither the release's year nor the founding's dates a listing
    release, _ = verdict("公司下一代模型将于2027年发布", "2027年", "date", p)
    assert release.status == "verified"
    founded, _ = verdict("该公司成立于2023年", "2023年", "date", p)
    assert founded.status == "verified"


def test_a_base_said_of_the_year_ago_quarter_is_the_cell_a_year_before_the_latest() -> None:
    head = ("Three Months Ended | Oct 25, 2026 | Jul 26, 2026 | Oct 26, 2025", "th")
    row = ("Net income | $ 1,391 | $ 1,287 | $ 958", "td")
    p = page("Condensed Statements of Income (In millions)", head, row, title="Arvel reports third quarter fiscal 2027 results")
    prior, _ = verdict("GAAP net income was $1.39bn vs $1.29bn in the year-ago quarter", "$1.29bn", "money", p)
    assert prior.status == "contradicted"  # the previous quarter's cell, not the year-ago one
    ok, _ = verdict("GAAP net income was $1.39bn vs $958mn in the year-ago quarter", "$958mn", "money", p)
    assert ok.status == "verified"
    step, _ = verdict("GAAP net income was $1.39bn vs $1.29bn in the previous quarter", "$1.29bn", "money", p)
    assert step.status == "verified"


def test_a_latin_term_negated_in_either_script_is_the_other_measure() -> None:
    p = page("GAAP gross margin was 61.2% and non-GAAP gross margin was 63.0%.", title="Arvel reports results")
    swapped, _ = verdict("GAAP毛利率63.0%、非GAAP毛利率61.2%", "61.2%", "percent", p)
    assert swapped.status == "contradicted"
    ok, _ = verdict("GAAP毛利率61.2%、非GAAP毛利率63.0%", "63.0%", "percent", p)
    assert ok.status == "verified"


def test_a_change_on_its_base_is_not_the_figure_of_a_share() -> None:
    p = page("Record Data Center revenue of $4.72 billion, up 54% from a year ago.",
             "Data Center revenue was a record $4.72 billion, up 54% from a year ago and up 12% from the previous "
             "quarter, and accounted for 69% of total revenue.", title="Arvel reports third quarter results")
    share, _ = verdict("第三财季，数据中心业务占总营收近七成", "七成", "percent", p)
    assert share.status == "verified"
    wrong, _ = verdict("第三财季，数据中心业务占总营收五成", "五成", "percent", p)
    assert wrong.status != "verified"




def test_a_fact_ending_on_a_bound_is_judged_by_its_figure() -> None:
    p = page("对列入名单的项目，市财政按不超过项目总投资10%的比例给予资助，单个项目最高5亿元。", title="深圳市重点项目名单的通知")
    wrong, _ = verdict("市财政按不低于总投资10%的比例给予资助", "市财政按不低于总投资", "fact", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("市财政按不超过总投资10%的比例给予资助", "市财政按不超过总投资", "fact", p)
    assert right.status == "verified"


def test_a_table_rows_han_label_meets_its_romanised_name() -> None:
    head = ("项目名称 | 承建单位 | 规划算力（EFLOPS） | 总投资（亿元）", "th")
    row = ("前海澄算智算中心 | 深圳澄算科技有限公司 | 12 | 98", "td")
    other = ("光明鹏岭算力枢纽 | 鹏岭数据有限公司 | 8.5 | 64", "td")
    p = page("项目基本情况如下：", head, row, other, title="深圳市智能算力重点项目名单的通知")
    d, _ = verdict("Qianhai Chengsuan AI Computing Centre investment: RMB 9.8 billion", "RMB 9.8 billion", "money", p)
    assert d.status == "verified"
    # (the header's units are column by column: 12 EFLOPS is no amount of yuan)
    assert [v.value for v in p.passages[2].values] == [12.0, 9.8e9]



def _captured(folder: str, url: str):  # type: ignore[no-untyped-def]
    """An indexed page of a development set's archive, read as the verifier reads it."""
    import json
    from pathlib import Path

    from verifier.reading.main_text import read_html

    sources = Path(__file__).resolve().parent.parent / "fixtures" / folder / "sources"
    entry = next(e for e in json.loads((sources / "manifest.json").read_text(encoding="utf-8")) if e["url"] == url)
    read = read_html((sources / entry["file"]).read_text(encoding="utf-8"), url)
    return build_index(snapshot_id=1, source_id=1, url=url, title=read.title, text=read.text,
                       passages=read.passages_json(), published=read.published)


def test_a_period_said_of_a_figure_is_judged_with_the_figure() -> None:
    p = _captured("tune18", "https://www.businesswire.com/news/home/20261119005512/en/")
    claim = "Quorra Semiconductor posted fourth-quarter revenue of $6.84 billion, up 83% year over year"
    wrong, _ = verdict(claim, "fourth-quarter", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_period")  # $6.84 billion is the third quarter's
    right, _ = verdict(claim.replace("fourth", "third"), "third-quarter", "fact", p)
    assert right.status == "verified"
    # a figure verified in a frame the key's own words contradict stays contradicted
    q = page("Quorra today reported record revenue of $6.84 billion for the quarter ended October 25, its fiscal Q3.",
             title="Quorra reports third quarter fiscal 2027 results")
    stays, _ = verdict("Quorra posted fourth-quarter revenue of $6.84 billion", "fourth-quarter", "fact", q)
    assert stays.status == "contradicted"
    letter, _ = verdict("Quorra 完成 C 轮 68.4 亿美元融资", "C 轮", "fact", q)
    assert letter.status != "verified"  # a round letter is no period of the figure after it


def test_a_han_word_negated_beside_its_english_negation_is_the_same_measure() -> None:
    p = page("Security Minister Wiranto said in October 2016 that he was setting up a non-judicial mechanism.",
             title="Indonesia rights")
    d, _ = verdict("2016 年 10 月安全部长维兰多称他要设立一个非司法机制", "2016 年 10 月", "date", p)
    assert d.status != "contradicted"


def test_a_relative_quarter_meets_the_pages_quarter_of_the_year_it_was_read_as() -> None:
    p = page("曜芯科技今日召开2026年第三季度业绩说明会。", "董事长表示，新一代X8芯片已完成流片，计划于2027年第二季度量产。",
             title="曜芯科技业绩说明会", published="2026-11-25")
    wrong, _ = verdict("新一代X8芯片计划明年第三季度量产", "明年第三季度", "date", p)
    assert wrong.status == "contradicted"  # 2027's second quarter, not its third
    other = page("董事长表示，新一代X8芯片已完成流片，计划于2028年第二季度量产。", title="曜芯科技业绩说明会", published="2026-11-25")
    unsure, _ = verdict("新一代X8芯片计划明年第三季度量产", "明年第三季度", "date", other)
    assert unsure.status != "contradicted"  # whether "next year" is 2028 the page does not say


def test_a_periods_end_said_of_nothing_but_its_period_meets_the_pages_end_of_it() -> None:
    p = page("Quorra today reported revenue of $6.84 billion for the third quarter of fiscal 2027, ended October 25, 2026, "
             "up 9% from the previous quarter.", title="Quorra reports results", published="2026-11-19")
    ok, _ = verdict("截至2026年10月25日的第三财季，数据中心业务占总营收近七成", "2026年10月25日", "date", p)
    assert ok.status == "verified"
    other, _ = verdict("截至2026年10月25日的第二财季，数据中心业务占总营收近七成", "2026年10月25日", "date", p)
    assert other.status != "verified"  # the page ends its third quarter on that day, not its second
    release = _captured("tune18", "https://www.businesswire.com/news/home/20261119005512/en/")  # (a long page)
    said, _ = verdict("截至2026年10月25日的第三财季，数据中心业务占总营收近七成", "2026年10月25日", "date", release)
    assert said.status == "verified"


def test_this_year_said_in_passing_is_no_date_a_quarter_confirms() -> None:
    p = page("前三季度，公司累计实现营业收入44.87亿元。第三季度综合毛利率为48.6%。", title="曜芯科技业绩说明会")
    d, _ = verdict("另有业内人士估算，本周全球AI芯片初创公司融资额创年内新高", "年内", "date", p)
    assert d.status != "verified"


def test_a_complete_list_counted_with_an_adjective_leaves_out_another_member() -> None:
    p = page("The alliance launches with three founding partners: Varden Semiconductor, Kestrel Memory and Halvard Cloud.",
             "Model developers including Tessel Labs have been briefed on the specification.", title="Skyline Alliance launches")
    d, _ = verdict("Orrin launched the Skyline Alliance with three founding partners, Varden Semiconductor, Kestrel Memory "
                   "and Tessel Labs", "Tessel Labs", "fact", p)
    assert d.status == "contradicted"


def test_a_clause_that_goes_both_ways_reads_the_figures_own_way() -> None:
    p = page("Lower prices: input (cache miss) is cut by 50%, from $0.56 to $0.28 per million tokens.", title="V4.5 pricing")
    down, _ = verdict("API 输入价格（缓存未命中）降至每百万 token 0.28 美元，比 V4 降低一半", "一半", "percent", p)
    assert down.status == "verified"
    up, _ = verdict("API 输入价格（缓存未命中）降至每百万 token 0.28 美元，比 V4 提升一半", "一半", "percent", p)
    assert up.status == "contradicted"  # "提升一半" after "降至": the half is a rise, the page's a cut


def test_a_year_spelled_in_numerals_is_no_relative_date() -> None:
    p = page("Li Keqiang said that China is making every effort to host the 2022 Beijing Winter Olympics.", title="Li meets IOC")
    d, _ = verdict("李克强表示，现在中国正在全力筹办二零二二年北京冬奥会", "二零二二年", "date", p)
    assert d.status == "verified"
    day = page("The regulation shall come into force on November 5, 2017.", title="Regulation")
    exact, _ = verdict("自二零一七年十一月五日起施行", "二零一七年十一月五日", "date", day)
    assert exact.status != "contradicted"


def test_a_reason_said_after_the_figure_is_no_part_of_its_measure() -> None:
    p = page("Halden forecast fourth-quarter revenue above estimates. Shares rose 6.4% in extended trading.",
             title="Halden Micro forecasts quarterly revenue above estimates")
    d, _ = verdict("Halden beat estimates, yet its shares fell 6.4% in after-hours trading as investors fretted over "
                   "memory costs", "6.4%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")
    ok, _ = verdict("Halden beat estimates and its shares rose 6.4% in after-hours trading as investors cheered the "
                    "forecast", "6.4%", "percent", p)
    assert ok.status == "verified"


def test_a_list_of_wikilinked_names_is_a_list() -> None:
    p = page("The three partners Corvane Systems, Tidewell Energy and Ostrander Grid will jointly invest $9.5 billion.",
             "Brightline Cooling, which carried out the site design study, is not a partner in the venture.",
             title="Corvane forms data center venture")
    d, _ = verdict("[[Corvane Systems]]、[[Tidewell Energy]] 和 [[Brightline Cooling]] 三方组建合资公司", "Brightline Cooling", "fact", p)
    assert d.status == "contradicted"


def test_a_garbled_unit_alone_in_its_clause_is_read_with_the_clause() -> None:
    p = page("Halden also showed the M7 Rack72, which packs 72 accelerators and draws about 132 kW, Halden said.",
             title="Halden unveils the M7 accelerator")
    d, _ = verdict("A fully loaded M7 Rack72 pulls about 132 MW", "132 MW", "count", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_unit")
    ok, _ = verdict("A fully loaded M7 Rack72 pulls about 132 kW", "132 kW", "count", p)
    assert ok.status != "contradicted"


def test_a_product_named_with_its_maker_meets_a_page_naming_them_apart() -> None:
    p = page(
        "During the quarter Corvane unveiled the TX4 module, which carries 192 GB of memory per card and is "
        "expected to ship in the second quarter of calendar 2027.",
        title="Corvane Reports Second Quarter Fiscal 2027 Results",
    )
    d, a = verdict("Corvane TX4 ships in calendar Q2 2027 with 192TB of memory per card", "192TB", "count", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_unit")
    assert a.evidence[0].matched_value == "192 GB"
    ok, _ = verdict("Corvane TX4 ships in calendar Q2 2027 with 192GB of memory per card", "192GB", "count", p)
    assert ok.status == "verified"


def test_a_clause_that_says_calendar_is_not_read_in_the_titles_fiscal_year() -> None:
    p = page(
        "The Bellwood BX2 module carries 96 GB of memory per card and ships in the first quarter of calendar 2027.",
        title="Bellwood Reports Third Quarter Fiscal 2027 Results",
    )
    d, _ = verdict("Bellwood BX2 ships in calendar Q1 2027 with 96TB of memory per card", "96TB", "count", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_unit")


def test_an_acronym_meets_the_words_it_abbreviates() -> None:
    p = page(
        "The operator said its new campus in Lantau North Harbour, which will add 64 megawatts when it opens "
        "in 2029, is already half leased.",
        title="Seaward Data interim results",
    )
    d, a = verdict("the LNH campus adds 64GW when it opens in 2029.", "64GW", "count", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_unit")
    assert a.evidence[0].matched_value == "64 megawatts"
    other = page("Its new campus will add 64 megawatts when it opens in 2029.", title="Kestrel Ridge news")
    unsure, _ = verdict("the LNH campus adds 64GW when it opens in 2029.", "64GW", "count", other)
    assert unsure.status == "unverified"


def test_a_placement_in_dollars_against_the_pages_yuan_is_the_wrong_currency() -> None:
    p = page(
        "同日，公司披露定增预案，拟向不超过35名特定对象发行股票，募集资金总额不超过28亿元，用于扩产项目。",
        title="某光电拟定增募资28亿元扩产",
    )
    d, a = verdict("同时公司拟定增募资不超过28亿美元", "28亿美元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_currency")
    assert a.evidence[0].matched_value == "28亿元"


def test_a_date_beside_the_claims_other_figure_moved_a_year_is_contradicted() -> None:
    p = page(
        "園區總規劃容量為300兆瓦，分兩期開發，首期120兆瓦預計2029年第3季啟用，第二期則於2031年前陸續完工。",
        title="某數據中心動土",
    )
    d, a = verdict("園區總規劃容量300兆瓦，首期120兆瓦預計2028年第3季啟用", "2028年第3季", "date", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "2029年第3季"
    ok, _ = verdict("園區總規劃容量300兆瓦，首期120兆瓦預計2029年第3季啟用", "2029年第3季", "date", p)
    assert ok.status == "verified"


def test_the_lead_of_the_one_round_a_page_names_under_another_letter() -> None:
    p = page(
        "Brisk Labs has raised $300 million in a Series B round led by Orrin Capital, with participation from "
        "Talon Ventures and Mesa Partners.",
        title="Brisk Labs raises $300 million",
    )
    wrong, a = verdict("Brisk Labs closed a $300 million Series C led by Talon Ventures", "Talon Ventures", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "Orrin Capital"
    # a page that names the claim's round too keeps each round's lead to itself
    both = page(
        "Brisk Labs has raised $300 million in a Series C round led by Orrin Capital, with participation from "
        "Talon Ventures.",
        "Talon Ventures led the company's Series B in 2025.",
        title="Brisk Labs raises $300 million",
    )
    earlier, _ = verdict("Talon Ventures led Brisk Labs' Series B", "Talon Ventures", "fact", both)
    assert earlier.status == "verified"


def test_a_count_column_beside_an_amount_column_is_not_in_its_unit() -> None:
    p = page(
        "獲批項目按類別劃分如下：",
        ("類別 | 獲批項目數目 | 資助額（百萬港元）", "th"),
        ("大學 | 21 | 205.5", "td"),
        ("初創企業 | 12 | 118.0", "td"),
        title="創科資助計劃第三輪結果",
    )
    swapped, _ = verdict("創科資助計劃第三輪共批出33個項目：大學項目12個、初創企業項目21個", "12個", "count", p)
    assert swapped.status == "contradicted"
    right, _ = verdict("創科資助計劃第三輪共批出33個項目：大學項目21個、初創企業項目12個", "21個", "count", p)
    assert right.status == "verified"
    money, _ = verdict("初創企業合共獲資助1.18億港元", "1.18億港元", "money", p)
    assert money.status == "verified"


def test_a_traditional_claims_figure_is_found_in_its_own_sentence_and_anchored_by_its_partner() -> None:
    p = page(
        "Lintech Data held a groundbreaking ceremony for its 180MW AI campus in Kaohsiung on Monday.",
        "Lintech said the project will cost about NT$92 billion (US$2.9 billion) in total, making it one of the "
        "largest projects announced in Taiwan this year.",
        title="Lintech Data breaks ground on Kaohsiung AI campus",
    )
    sentence = "林泰數據（Lintech Data）11月24日在高雄舉行AI資料中心動土典禮，園區總規劃容量180兆瓦，總投資約新台幣920億元（約29億美元）。"
    d, a = verdict(sentence, "29億美元", "money", p)
    assert d.status == "verified"
    assert a.evidence[0].matched_value == "US$2.9 billion"
    # the query's figures are written as its sentence's view writes them: the figure beside it anchors it
    values = [v for v in parse_values(sentence, default_year=2026) if v.raw == "29億美元"]
    q = build_query(kind="money", sentence=sentence, key_text="29億美元", key_start=sentence.find("29億美元"), values=values)
    assert q.values[0].raw == "29亿美元" and q.sentence.find(q.values[0].raw) == sentence.find("29億美元")
    assert [v.raw for v in clause_partners(q.sentence, q.values[0])] == ["新台币920亿"]


def test_a_multiple_of_the_predecessors_figure_is_read_with_its_clause() -> None:
    p = page(
        "Orbit 5 supports a context window of 2 million tokens, roughly eight times Orbit 4's 256K.",
        title="Introducing Orbit 5",
    )
    wrong, _ = verdict("The 2M-token context window is roughly 4 times its predecessor's", "4 times", "count", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("The 2M-token context window is roughly 8 times its predecessor's", "8 times", "count", p)
    assert right.status == "verified"


def test_a_figure_the_page_gives_another_version_of_the_family_does_not_support() -> None:
    p = page(
        "Lumen 5 costs $2 per million input tokens and $8 per million output tokens, compared with $3 and $12 "
        "for Lumen 4.2.",
        title="Kairo launches Lumen 5",
    )
    sentence = "Lumen 5, which replaces Lumen 4.5 as the default, costs less than before, although output still runs $12 per million tokens."
    d, _ = verdict(sentence, "$12", "money", p)
    assert d.status != "verified"
    ok, _ = verdict("Lumen 4.2's output price was $12 per million tokens.", "$12", "money", p)
    assert ok.status == "verified"


def test_growth_on_the_quarter_against_the_pages_growth_on_the_year() -> None:
    p = page(
        "期內，雲端服務收益為人民幣1,842.0百萬元，按年增長27.3%，佔集團收益約三成。數據中心收益按年增長11.6%。",
        title="某數據中心集團公布中期業績",
    )
    wrong, _ = verdict("業務方面，雲端服務收益為人民幣18.42億元，按季增長27.3%", "27.3%", "percent", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_period")
    right, _ = verdict("業務方面，雲端服務收益為人民幣18.42億元，按年增長27.3%", "27.3%", "percent", p)
    assert right.status == "verified"


def test_the_amount_of_the_one_round_a_page_names_under_another_letter() -> None:
    p = page("上海机器人公司星枢智能宣布完成15亿元人民币B轮融资，本轮由某资本领投。", title="星枢智能完成15亿元B轮融资")
    amount, _ = verdict("Shanghai robot maker Xingshu raised RMB 1.5 billion in a Series C", "RMB 1.5 billion", "money", p)
    assert amount.status == "verified"
    # a page that names both rounds keeps each round's amount to itself
    both = page("星枢智能宣布完成15亿元人民币B轮融资。", "此前公司于2025年完成6亿元C轮融资。", title="星枢智能完成融资")
    other, _ = verdict("Shanghai robot maker Xingshu raised RMB 1.5 billion in a Series C", "RMB 1.5 billion", "money", both)
    assert other.status != "verified"


def test_an_unsourced_claim_is_contradicted_only_by_a_figure_sharing_its_digits() -> None:
    from verifier.judge import read_unsourced
    from verifier.judge.evidence import Assessment, EvidenceDraft
    from verifier.judge.rules import Finding

    def against(found: str, detail: str = "different") -> Assessment:
        a = Assessment()
        draft = EvidenceDraft(1, "passage", 0, 7, 0.9, "contradicts", matched_value=found)
        a.add(Finding("contradicts", 0.9, "value", detail), draft)
        return a

    assert not read_unsourced(against("42家"), "270").findings  # another quantity of the pages
    assert read_unsourced(against("720"), "270").findings  # the claim's digits, moved
    assert read_unsourced(against("4 million", "scale_slip"), "4 亿").findings  # a slip stands
    assert read_unsourced(against("April 2025"), "2024 年 4 月").findings  # the same month, its year moved
    assert read_unsourced(against("the third quarter of 2027"), "Q2 2027").findings  # another quarter of its year
    assert not read_unsourced(against("November 25, 2026"), "2024 年 4 月").findings  # a dateline: another date
    p = page("The company employs about 720 people across three sites.", title="Company profile")
    d, a = verdict("公司员工约270人", "270", "count", p)
    assert read_unsourced(a, "270").findings == a.findings


def test_a_range_written_from_its_middle_with_a_margin() -> None:
    p = page(
        "For the third quarter, Brisk expects revenue of $5.3 billion, plus or minus $150 million, and a gross "
        "margin of 48%.",
        title="Brisk Memory reports second-quarter results",
    )
    d, _ = verdict("Brisk guides Q3 revenue to $5.15–5.45 billion", "5.45 billion", "money", p)
    assert d.status == "verified"
    wrong, _ = verdict("Brisk guides Q3 revenue to $5.15–5.65 billion", "5.65 billion", "money", p)
    assert wrong.status != "verified"
    # … or with a margin in percent of its middle: $6.00 billion plus or minus 2% is $5.88–6.12 billion
    pct = page("Revenue is expected to be $6.00 billion, plus or minus 2%.", title="Brisk Memory outlook")
    d, _ = verdict("Brisk guides Q3 revenue to $5.88bn–$6.12bn", "$5.88bn", "money", pct)
    assert d.status == "verified"
    wide, _ = verdict("Brisk guides Q3 revenue to $5.7bn–$6.3bn", "$5.7bn", "money", pct)
    assert wide.status != "verified"


def test_liquid_cooled_racks_meet_their_chinese_words() -> None:
    p = page("新一代液冷機櫃良率已提升至八成以上，公司預計明年出貨倍增。", title="某伺服器廠法說會")
    d, _ = verdict("Its chairman said yields on the new liquid-cooled racks are above 80%", "80%", "percent", p)
    assert d.status == "verified"


def test_a_batch_meets_its_chinese_word() -> None:
    p = page(
        "市經信委公布第二批算力券名單，共42家企業入選，較首批增加12家。",
        "本批次算力券發放總額度為5億元，單家企業最高2,000萬元。",
        "首批算力券去年發放3億元，全市智算中心總投資約86億元。",
        title="某市公布第二批算力券名單",
    )
    d, _ = verdict("RMB500m pool for this batch", "RMB500m", "money", p)
    assert d.status == "verified"
    from verifier.judge.frames import clause_words

    assert "batch" in clause_words("本批次算力券發放總額度為5億元")


def test_an_amounts_noun_amount_names_nothing_it_counts() -> None:
    p = page(
        "截至10月末，公司在手订单金额超过35亿元，较年初增长约四成。公司前三季度营收18.6亿元。",
        title="某芯片公司前三季度业绩",
    )
    wrong, _ = verdict("截至10月末，公司在手订单不到35亿元", "35亿元", "money", p)
    assert wrong.status == "contradicted" and wrong.reason in {"wrong_qualifier", "wrong_bound"}
    right, _ = verdict("截至10月末，公司在手订单超过35亿元", "35亿元", "money", p)
    assert right.status == "verified"


def test_another_quarter_of_the_claims_year_for_the_same_event_is_a_date_moved() -> None:
    p = page(
        "Corvane's next accelerator, the T4, is built on a 3-nanometer process and is scheduled to reach volume "
        "shipments in the third quarter of 2027, its chief executive said.",
        title="Corvane Silicon raises $1.1 billion",
    )
    moved, a = verdict("- T4 (3 nm) volume shipments pencilled in for Q2 2027", "Q2 2027", "date", p)
    assert moved.status == "contradicted" and a.evidence[0].matched_value == "third quarter of 2027"
    right, _ = verdict("- T4 (3 nm) volume shipments pencilled in for Q3 2027", "Q3 2027", "date", p)
    assert right.status == "verified"
    # a quarter the page gives to another event speaks too little to the claim's words
    other, _ = verdict("- Corvane's first engineering samples of its optical switch are due in Q2 2027", "Q2 2027", "date", p)
    assert other.status != "contradicted"


def test_a_date_beside_the_claims_other_figure_is_the_one_its_date_is_read_against() -> None:
    """Several dates of the page differ from the claim's and its title meets every word of it; the one beside the
    figure the claim's clause also gives (the round's $13 billion) is the claim's event's, not the dateline: and so
    it stands even where the claim's section cites nothing (a moved date, not another date)."""
    from verifier.judge import read_unsourced

    p = page(
        "SAN FRANCISCO, Nov 25 (Reuters) - Orrin Labs, the developer of the Orrin models, said on Wednesday it had "
        "raised $2 billion in a Series D round.",
        "The round values the company at $31 billion including the new money, up from $13 billion when it raised its "
        "Series C in April 2025, Orrin said.",
        title="Orrin Labs raises $2 billion in Series D round, valuation more than doubles",
        published="2026-11-25",
    )
    d, a = verdict("Orrin Labs 这轮是 D 轮，投后估值 310 亿美元，比 2024 年 4 月 C 轮时的 130 亿美元高出一大截", "2024 年 4 月", "date", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "April 2025"
    assert read_unsourced(a, "2024 年 4 月").findings


def test_a_bare_year_of_a_later_milestone_does_not_contradict_a_quarter() -> None:
    p = page(
        "The first phase, 300 megawatts, is scheduled to come online in the third quarter of 2027. Subsequent phases "
        "will be added through 2029 as transmission capacity is completed.",
        title="Kessock Energy and partners to build Northgate campus",
    )
    d, _ = verdict("四家宣布合建 Northgate 园区，首期计划 2027 年第三季度投运", "2027 年第三季度", "date", p)
    assert d.status != "contradicted"


def test_a_first_phase_meets_its_chinese_word() -> None:
    p = page("联盟首期设立算力调度补贴资金3亿元，单家企业每年最高500万元。", title="算力调度联盟成立")
    d, a = verdict("A first-phase subsidy pool of $300 million covers SMEs' compute bills.", "$300 million", "money", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "3亿元"  # yuan, not dollars


def test_a_half_year_written_in_chinese_numerals_is_aligned_as_a_figure_dated_in_digits() -> None:
    """二零二七年下半年 dates itself, though it holds no digit; a Traditional page's words are read as its sentence's
    are (啟用, which the Taiwan phrase table gives as 激活), so the page's clause is the claim's own."""
    p = page(
        "集團預期於二零二七年上半年在將軍澳啟用第三座數據中心，規劃電力容量為48兆瓦，並將視乎客戶需求分兩期投產。",
        title="澄灣數據科技集團有限公司 中期業績公告",
    )
    d, a = verdict("集團預期第三座數據中心於二零二七年下半年在將軍澳啟用，規劃電力容量48兆瓦", "二零二七年下半年", "date", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "二零二七年上半年"
    right, _ = verdict("集團預期第三座數據中心於二零二七年上半年在將軍澳啟用，規劃電力容量48兆瓦", "二零二七年上半年", "date", p)
    assert right.status == "verified"


def test_a_year_in_the_clause_after_the_claims_amount_is_its_events_year_moved() -> None:
    p = page(
        "Mizuhara plans to invest 480 billion yen ($3.2 billion) in a new plant in Kumamoto Prefecture, with "
        "production scheduled to begin in 2028.",
        title="Mizuhara Electronics raises profit forecast",
    )
    d, a = verdict("Mizuhara will spend $3.2 billion on a Kumamoto plant that starts production in 2027", "2027", "date", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "2028"
    right, _ = verdict("Mizuhara will spend $3.2 billion on a Kumamoto plant that starts production in 2028", "2028", "date", p)
    assert right.status == "verified"


def test_hong_kong_ipo_tranches_meet_their_chinese_words() -> None:
    from claims.bridge import stem
    from verifier.judge.frames import clause_words

    assert {stem("international"), stem("placing")} <= clause_words("國際配售則超額認購約14.2倍")
    assert {stem("public"), stem("offer")} <= clause_words("公開發售部分超額認購約2,415倍")


def test_a_figure_nearly_reached_against_one_exceeded() -> None:
    p = page("公司表示，智驾芯片“瀚途H7”已获得6家车企的定点，累计定点车型超过20款，预计2027年上半年开始大规模装车。", title="芯瀚科技定增预案")
    nearly, a = verdict("“瀚途H7”已获6家车企定点，累计定点车型接近20款", "20款", "count", p)
    assert nearly.status == "contradicted" and a.evidence[0].matched_value == "20款"
    over, _ = verdict("“瀚途H7”已获6家车企定点，累计定点车型超过20款", "20款", "count", p)
    assert over.status == "verified"
    exact = page("公司表示，智驾芯片“瀚途H7”已获得6家车企的定点，累计定点车型20款。", title="芯瀚科技定增预案")
    close, _ = verdict("“瀚途H7”已获6家车企定点，累计定点车型接近20款", "20款", "count", exact)
    assert close.status != "contradicted"  # nearly 20 is no wrong way to say 20
    english = page("Tallis said the H7 chip has been designed into more than 20 car models by six carmakers.", title="Tallis H7")
    said, _ = verdict("Tallis's H7 chip has been designed into nearly 20 car models", "20", "count", english)
    assert said.status == "contradicted"


def test_a_nearly_keyed_as_a_fact_is_judged_with_its_figure() -> None:
    p = page("公司披露，截至10月底在手订单金额超过15亿元，客户覆盖多家头部互联网企业。", title="澜芯微电子完成C轮融资")
    d, _ = verdict("截至10月底在手订单接近15亿元，客户数超过200家", "在手订单接近", "fact", p)
    assert d.status == "contradicted"
    right, _ = verdict("截至10月底在手订单超过15亿元，客户数超过200家", "在手订单超过", "fact", p)
    assert right.status == "verified"


def test_a_multiple_alone_in_its_clause_contradicts_with_the_weight_of_its_clause() -> None:
    p = page(
        "At full capacity the plant will turn out 30,000 glass-core panels a month, roughly three times the 10,000 "
        "panels of Tsukane's pilot line in Gifu, which began operating this spring.",
        title="Tsukane to spend 180 billion yen on glass-core substrate plant",
    )
    wrong, a = verdict("Tsukane's Kumamoto plant: 30,000 panels a month, about five times the Gifu pilot line", "five times", "count", p)
    assert wrong.status == "contradicted" and a.evidence[0].matched_value == "three times"
    right, _ = verdict("Tsukane's Kumamoto plant: 30,000 panels a month, about three times the Gifu pilot line", "three times", "count", p)
    assert right.status == "verified"


def test_a_change_in_percent_is_contradicted_by_the_same_change_in_points_beside_its_rate() -> None:
    """季增1.6% against "毛利率24.8%，季增1.6個百分點": the rate beside the change does not make the change another
    figure; the change is the claim's, in the wrong unit."""
    p = page("鼎川(6793)公布第三季合併營收新台幣412.6億元，季增11.3%；毛利率24.8%，季增1.6個百分點；稅後純益58.3億元。",
             title="鼎川第三季法說會")
    d, a = verdict("鼎川第三季毛利率24.8%，季增1.6%", "1.6%", "percent", p)
    assert d.status == "contradicted"
    assert a.evidence[0].matched_value == "1.6個百分點"
    rate, _ = verdict("鼎川第三季毛利率24.8%，季增1.6%", "24.8%", "percent", p)
    assert rate.status == "verified"


def test_a_bound_met_by_a_figure_of_another_period_is_no_figure_moved() -> None:
    """"第四季度营业收入超过40亿元" against "前三季度实现营业收入68.2亿元": 68.2亿元 is over 40亿元, but it is no figure of
    the claim's given for another period; the bound's own figure given for another period still is."""
    p = page("公司前三季度实现营业收入68.2亿元，同比增长54.2%。公司未给出第四季度业绩指引。", title="衡岳智算三季报")
    d, _ = verdict("衡岳智算预计第四季度营业收入超过40亿元", "40亿元", "money", p)
    assert d.reason != "wrong_period"
    moved = page("公司前三季度实现营业收入40.2亿元，同比增长54.2%。", title="衡岳智算三季报")
    m, _ = verdict("衡岳智算第四季度营业收入超过40亿元", "40亿元", "money", moved)
    assert (m.status, m.reason) == ("contradicted", "wrong_period")


def test_another_figure_of_the_claims_sentence_in_its_own_words_does_not_contradict_the_key() -> None:
    """"前五大客户…合计占比64.5%，其中最大单一客户销售占比约三成" against "前五大客户销售额合计占比为64.5%，但公司未披露…各自
    销售占比": the page's 64.5% is the claim's other figure, in words only that figure has; it says nothing of the
    largest customer's 三成. The other figure garbled is still contradicted."""
    p = page("前五大客户销售额合计占比为64.5%，较上年同期提高5.2个百分点，但公司未披露前五大客户各自的销售占比。",
             title="衡岳智算三季报")
    claim = "公司前五大客户销售额合计占比64.5%，其中最大单一客户销售占比约三成"
    d, _ = verdict(claim, "三成", "percent", p)
    assert d.status != "contradicted"
    other, _ = verdict(claim, "64.5%", "percent", p)
    assert other.status == "verified"
    slip, _ = verdict("公司前五大客户销售额合计占比46.5%，其中最大单一客户销售占比约三成", "46.5%", "percent", p)
    assert slip.status == "contradicted"


def test_a_periods_end_word_says_when_not_what_is_measured() -> None:
    """"with deliveries through June 2028": "through" says when the deliveries end, as "from" says when they
    start; it is no part of the measure a page's date must meet ("将于2026年12月至2027年6月分批交付" meets only
    "deliveries", and read as half the measure it kept the moved date from contradicting)."""
    from verifier.judge.statements import frame_of

    sentence = "Hengyue signs an order for HX-9 racks, with deliveries through June 2028"
    key = "June 2028"
    values = tuple(v for v in parse_values(sentence, default_year=2026) if v.raw == key)
    q = build_query(kind="date", sentence=sentence, key_text=key, key_start=sentence.find(key), values=values)
    terms = {t for group, _w in frame_of(q).weights for t in group}
    assert "deliver" in terms and not terms & {"through", "thru", "until", "till"}


def test_a_multiple_in_words_is_neither_a_change_in_points_nor_a_garbled_count() -> None:
    """"出货量同比增长超过一倍" against a page's "提高5.2个百分点" (a change in points is no rise in percent, so no
    multiple) and "年产液冷整机柜2万套" (a ×2 the claim writes in words has no digits to garble into 2万)."""
    p = page("全部达产后可形成年产液冷AI服务器整机柜2万套的生产能力，预计年产值超过200亿元。",
             "前五大客户销售额合计占比为64.5%，较上年同期提高5.2个百分点。", title="衡岳智算合肥基地开工")
    d, a = verdict("衡岳智算合肥基地液冷AI服务器整机柜年产能同比增长超过一倍", "一倍", "count", p)
    assert d.status == "unverified", a.evidence
    share, b = verdict("衡岳智算前五大客户销售额合计占比同比增长超过一倍", "一倍", "count", p)
    assert share.status != "verified", b.evidence


def test_a_change_in_points_is_no_rise_read_as_a_multiple() -> None:
    """A claimed multiple meets a page's rise in percent (up 118% is ×2.18), never a change in points."""
    from verifier.judge.statements import _as_multiple

    claimed = parse_values("出货量同比增长超过一倍", default_year=2026)[0]
    pp = build_index(snapshot_id=1, source_id=1, url="https://example.org/x", title="t",
                     text="占比较上年同期提高5.2个百分点。", passages=[{"start": 0, "end": 16, "kind": "p", "heading": ""}])
    assert _as_multiple(claimed, pp.passages[0], 0).outcome == "incomparable"
    up = build_index(snapshot_id=1, source_id=1, url="https://example.org/x", title="t",
                     text="出货量同比增长118%。", passages=[{"start": 0, "end": 12, "kind": "p", "heading": ""}])
    assert _as_multiple(claimed, up.passages[0], 0).agrees


def test_a_figure_in_words_only_another_figure_of_the_sentence_has_backs_nothing() -> None:
    """"存储模组及配套收入同比增长183%，云服务运营收入12.6亿元" against "存储模组及配套产品收入12.6亿元，同比增长183%" and, in
    another paragraph, "云服务运营收入4.1亿元": the page's 12.6亿元 sits in the words of the claim's percent (another
    family), none of its own; it is the storage figure moved onto the cloud business, and the cloud figure
    contradicts. A level said after its own change ("rose 183% to $1.26 billion") has no words of its own and is
    still read in its clause."""
    p = page("前三季度，存储模组及配套产品收入12.6亿元，同比增长183%。", "云服务运营收入4.1亿元，同比增长26%。", title="星衡科技三季报")
    moved, a = verdict("星衡科技存储模组及配套收入同比增长183%，云服务运营收入12.6亿元", "12.6亿元", "money", p)
    assert moved.status == "contradicted", a.evidence
    right, _ = verdict("星衡科技存储模组及配套收入同比增长183%，云服务运营收入4.1亿元", "4.1亿元", "money", p)
    assert right.status == "verified"
    en = page("Storage module revenue was $1.26 billion, up 183% from a year earlier.", "Cloud operations revenue was $410 million.",
              title="Xingheng results")
    level, _ = verdict("Xingheng's storage module revenue rose 183% to $1.26 billion", "$1.26 billion", "money", en)
    assert level.status == "verified"


def test_the_keys_own_words_are_never_another_figures() -> None:
    """"takes a 1M-token context window … at $9 per million output tokens": "token" is the key's own word, so a page's
    "million-token context window" is not read as the price's words (it backed the claim before the rule above)."""
    from verifier.judge.frames import clause_words
    from verifier.judge.statements import frame_of

    sentence = "Orrin 3.5 takes a 1M-token context window and costs $9 per million output tokens"
    key = "1M-token"
    values = tuple(v for v in parse_values(sentence, default_year=2026) if v.raw == key)
    q = build_query(kind="count", sentence=sentence, key_text=key, key_start=sentence.find(key), values=values)
    frame = frame_of(q)
    page_words = clause_words("Orrin 3.5 launches with a million-token context window")
    assert frame.own_groups and not frame.other_words_only(page_words)


def test_a_figure_that_leaves_the_claims_measure_out_is_another_measures() -> None:
    """"Memory revenue excluding HBM was $1.44 billion" is no HBM figure: a claimed "HBM revenue was $1.44 billion"
    meets the page's own HBM figure ($1.62 billion) and is contradicted; "excluding HBM … $1.44 billion" is still
    verified, and so is a Chinese clause that opens by leaving something out (剔除…后，营业收入为12.6亿元)."""
    en = page("Memory revenue excluding HBM was $1.44 billion, down 4% from the prior quarter.",
              "HBM revenue reached $1.62 billion.", title="Corvane results")
    hbm, a = verdict("Corvane's HBM revenue was $1.44 billion", "$1.44 billion", "money", en)
    assert hbm.status == "contradicted", a.evidence
    rest, _ = verdict("Corvane's memory revenue excluding HBM was $1.44 billion", "$1.44 billion", "money", en)
    assert rest.status == "verified"
    zh = page("剔除数据中心业务后，公司营业收入为12.6亿元。", "数据中心业务收入8.3亿元，同比增长41%。", title="星衡科技三季报")
    moved, b = verdict("星衡科技数据中心业务收入12.6亿元", "12.6亿元", "money", zh)
    assert moved.status == "contradicted", b.evidence
    kept, _ = verdict("星衡科技剔除数据中心业务后营业收入12.6亿元", "12.6亿元", "money", zh)
    assert kept.status == "verified"


def test_excluded_words_are_the_few_words_after_the_marker() -> None:
    from verifier.judge.frames import excluded_words, starts_leaving_out

    left, kept = excluded_words("DRAM revenue excluding HBM was $2.77 billion")
    assert left == {"hbm"} and {"dram", "revenu"} <= kept
    assert excluded_words("revenue rose 12% to $3.1 billion") == (frozenset(), frozenset())
    assert starts_leaving_out("剔除汇率影响后") and starts_leaving_out("Excluding HBM") and not starts_leaving_out("HBM revenue")
    hostile = "excluding " * 20000
    import time

    t0 = time.perf_counter()
    excluded_words(hostile)
    assert time.perf_counter() - t0 < 2.0


def test_a_product_line_named_by_another_link_speed_is_another_measure() -> None:
    """"1.6T光模块收入71.2亿元" against "800G光模块收入71.2亿元，占比55.9%；1.6T光模块收入18.6亿元": the page's 71.2亿元 is
    the 800G line's; the 1.6T line's 18.6亿元 contradicts the claim. The 800G figure claimed of 800G is verified."""
    p = page("分产品看，800G光模块收入71.2亿元，占比55.9%；1.6T光模块收入18.6亿元，同比增长214%。", title="星衡光电三季报")
    wrong, a = verdict("星衡光电1.6T光模块收入71.2亿元", "71.2亿元", "money", p)
    assert wrong.status == "contradicted", a.evidence
    assert "18.6" in (a.evidence[0].matched_value or "")
    right, _ = verdict("星衡光电800G光模块收入71.2亿元", "71.2亿元", "money", p)
    assert right.status == "verified"


def test_an_org_link_closing_its_line_is_a_citation_and_one_inside_a_sentence_keeps_its_label() -> None:
    """"… 1,100 permanent jobs [[https://…/halden-cloud-plans-campus/][DCD]]": the link's target and label are
    where the line cites, not what it says (its path's words entered the claim's measure); inside a sentence the
    label is read, the target is not. The blanked sentence keeps its length."""
    from verifier.judge.matching import _blank_citations

    closing = "Halden expects 1,100 permanent jobs [[https://www.example.com/en/news/halden-plans-campus/][DCD]]"
    blanked = _blank_citations(closing)
    assert len(blanked) == len(closing) and "campus" not in blanked and "DCD" not in blanked
    inside = "Per [[https://www.example.com/a-b][the DCD story]], Halden runs three sites."
    kept = _blank_citations(inside)
    assert len(kept) == len(inside) and "the DCD story" in kept and "example" not in kept and "a-b" not in kept


def test_a_links_path_is_where_it_cites_and_its_slug_its_pages_title() -> None:
    """A chat link's path ("/content/detail/1284417.html") entered the claim's measure ("content", "detail"); of a
    path only a slug of three words or more (the page's title) is read. A link filling a table cell of its own is
    the row's source, slug and all (its "Third-Quarter" is no period of the row's figures). Lengths are kept."""
    from verifier.judge.matching import _blank_citations

    chat = "H1 revenue of RMB 983M, up 71.5% <https://www.example.com/content/detail/1284417.html|智通财经>"
    blanked = _blank_citations(chat)
    assert len(blanked) == len(chat) and blanked.rstrip() == "H1 revenue of RMB 983M, up 71.5% <"
    bare = "原文链接：https://www.example.com/technology/tianlan-signs-leasing-deal-2026-12-01/ 据报道"
    kept = _blank_citations(bare)
    assert len(kept) == len(bare) and "tianlan-signs-leasing-deal-2026-12-01" in kept
    assert "technology" not in kept and "example" not in kept
    row = "| Kestrel Optics | Q4 FY2026 revenue guidance | $860–900 million | [Business Wire](https://www.example.com/news/Kestrel-Reports-Third-Quarter-Results) |"
    cell = _blank_citations(row)
    assert len(cell) == len(row) and "Third" not in cell and "Business Wire" not in cell and cell.rstrip().endswith("|")


def test_a_range_under_an_opening_period_is_of_that_period() -> None:
    """"For the fourth quarter of fiscal 2026, Kestrel expects revenue of $860 million to $900 million": the range's
    high end is of the opening phrase's quarter too (its low end is no figure of the phrase's own)."""
    from verifier.judge.statements import _geometry

    p = page("For the fourth quarter of fiscal 2026, Kestrel expects revenue of $860 million to $900 million and gross "
             "margin of 43% to 45%.", title="Kestrel Optics Reports Third Quarter Fiscal 2026 Results")
    passage = p.passages[0]
    for raw in ("$860 million", "$900 million"):
        i = next(n for n, v in enumerate(passage.values) if v.raw == raw)
        assert "q4" in _geometry(passage, i).periods, raw


def test_a_year_across_a_join_is_another_figures() -> None:
    """"guided fourth-quarter revenue to about $3.6 billion … and pencilled in 2027 capex of $14 billion": 2027 is the
    capex's year, not the guidance's, which the page gives for the fourth quarter of 2026."""
    p = page("For the fourth quarter of 2026, Halden expects revenue in the range of $3.55 billion to $3.65 billion.",
             title="Halden Compute third-quarter results")
    d, _ = verdict("Halden guided fourth-quarter revenue to about $3.6 billion at the midpoint and pencilled in 2027 "
                   "capex of $14 billion", "$3.6 billion", "money", p)
    assert d.status == "verified"


def test_another_kind_of_the_same_thing_backs_nothing() -> None:
    """"1,100 permanent jobs" against "about 1,100 construction jobs at peak and 240 permanent jobs": the page's
    1,100 counts another kind of jobs; its 240 permanent jobs contradicts. Plain qualifiers (total, new) are no kind."""
    from claims.values import parse_values as pv
    from verifier.judge.statements import sister_nouns

    p = page("Halden expects about 1,100 construction jobs at peak and 240 permanent jobs once the campus is fully "
             "operational.", title="Halden plans a Grant County campus")
    d, a = verdict("Halden expects 1,100 permanent jobs at the campus", "1,100", "count", p)
    assert d.status == "contradicted", a.evidence
    ok, _ = verdict("Halden expects 240 permanent jobs at the campus", "240", "count", p)
    assert ok.status == "verified"
    claimed = pv("1,100 permanent jobs", default_year=2026)[0]
    assert not sister_nouns(claimed, pv("1,100 new permanent jobs", default_year=2026)[0])
    assert sister_nouns(pv("3 million monthly users", default_year=2026)[0], pv("3 million weekly users", default_year=2026)[0])


def test_a_change_said_beside_its_amount_is_that_amounts_change() -> None:
    """"Revenue $4.12bn, up 44% y/y" against a release giving "Revenue of $4.12 billion, up 47% year over year" and,
    for the nine months, "$11.05 billion, up 44% from the same period a year earlier": the 44% is the nine months'
    change; the quarter's, beside the claim's amount, contradicts. A change whose claim names no base, or whose
    amount is another measure's ("up 41% … and Data Center sales of $2.6bn"), is not read this way."""
    p = page("Revenue of $4.12 billion, up 47% year over year and up 9% sequentially.",
             "For the first nine months of fiscal 2027, revenue was $11.05 billion, up 44% from the same period a year earlier.",
             title="Veltrax reports third-quarter results")
    d, a = verdict("Veltrax revenue $4.12bn, up 44% y/y", "44%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_period"), a.evidence
    nine, _ = verdict("Veltrax nine-month revenue $11.05bn, up 44% y/y", "44%", "percent", p)
    assert nine.status == "verified"
    right, _ = verdict("Veltrax revenue $4.12bn, up 47% y/y", "47%", "percent", p)
    assert right.status == "verified"


def test_a_reference_mark_closing_a_chinese_list_is_no_part_of_its_last_item() -> None:
    """"名单是A、B、C和D[3]": the marker is the answer's citation, not part of D; the page's complete list ("共4家，分别为：
    A、B、C、E") leaves D out, and its note that D "未纳入首批名单" does not back it."""
    p = page("首批公共智算服务平台共4家，分别为：亦庄星算中心、海淀北部算力枢纽、朝阳数智平台、怀柔科学城智算基地。",
             "昌平未来算力中心因建设进度未达到申报要求，未纳入首批名单。", title="首批公共智算服务平台名单公布")
    d, a = verdict("经信局公布了首批四家公共智算服务平台，名单是亦庄星算中心、海淀北部算力枢纽、朝阳数智平台和昌平未来算力中心[3]",
                   "昌平未来算力中心", "fact", p)
    assert d.status == "contradicted", a.evidence


def test_one_word_in_common_with_another_figures_segment_is_a_translations_word_order() -> None:
    """"团队耗时4年…才让封在800公斤岩块里的化石完整出土" read in English ("four years freeing the fossil within the
    800-kilogram block"): the fossil lands in the years' segment by the other language's word order. One word of
    another figure's segment is that; two or more (the fossil unearthed whole) are that figure's words."""
    from verifier.judge.frames import clause_words
    from verifier.judge.statements import frame_of

    sentence = "团队耗时4年时间才让封在800公斤岩块里的化石完整出土"
    values = tuple(v for v in parse_values(sentence, default_year=2026) if v.raw == "4")
    q = build_query(kind="count", sentence=sentence, key_text="4", key_start=sentence.find("4"), values=values)
    frame = frame_of(q)
    assert not frame.other_words_only(clause_words("years freeing the fossil within the"))
    assert frame.other_words_only(clause_words("the fossil was unearthed whole from the rock block"))


def test_a_growth_is_not_backed_by_a_level_of_another_measure() -> None:
    """成長三成 is a change: a gross margin held "三成以上" is a level, and of another measure."""
    p = page("法人預估霖岳明年營收約310億元，毛利率可望維持在三成以上。", title="霖岳明年展望")
    d, _ = verdict("霖岳明年營收可望再成長三成", "三成", "percent", p)
    assert d.status != "verified"


def test_a_months_growth_is_not_that_of_the_months_from_january() -> None:
    """November's year-on-year growth is not January to November's, and the reverse."""
    p = page(
        "Kestrel Thermal said November revenue was NT$3.9 billion, up 96.4% from a year earlier. "
        "Revenue for January to November rose 61.8% to NT$31.2 billion.",
        title="Kestrel Thermal November sales",
    )
    ytd, _ = verdict("Kestrel Thermal's Jan–Nov revenue was up 96.4% y/y", "96.4%", "percent", p)
    assert (ytd.status, ytd.reason) == ("contradicted", "wrong_period")
    month, _ = verdict("Kestrel Thermal's November revenue was up 96.4% y/y", "96.4%", "percent", p)
    assert month.status == "verified"
    # (… in Chinese, where the change goes on in a clause of its own after the month's revenue)
    zh = page("霖岳(6812)今日公布10月營收新台幣18.4億元，月增5.1%、年增72.3%；累計前10月營收151.6億元，年增44.9%。",
              title="霖岳10月營收")
    ytd, _ = verdict("霖岳前10月營收年增72.3%", "72.3%", "percent", zh)
    assert ytd.status == "contradicted"
    month, _ = verdict("霖岳10月營收年增72.3%", "72.3%", "percent", zh)
    assert month.status == "verified"


def test_the_figure_whose_own_words_say_the_measure_backs_a_change() -> None:
    """The deck's "… up 9% from Q2 and up 37% from a year ago" names nothing beside 37% in its own words, and
    other lines' figures whose words do say revenue differ (networking revenue rose 18%); but the body's "revenue
    rose 37% from a year earlier", alone in its clause, says it in its own words: the claim stands."""
    p = page(
        ("Record quarterly revenue of $4.12 billion, up 9% from Q2 and up 37% from a year ago", "li"),
        "Edge revenue slipped 4% to $512 million, while networking revenue rose 18% to $330 million.",
        "For the third quarter, which ended Oct 4, revenue rose 37% from a year earlier to $4.12 billion.",
        title="Tessary Semiconductor Reports Record Revenue for Third Quarter Fiscal 2026",
    )
    d, _ = verdict(
        "晶片商 Tessary 半導體公布 2026 財年第三季財報，單季營收達 41.2 億美元，較上一季成長 9%，年增 37%，改寫公司紀錄",
        "37%", "percent", p,
    )
    assert d.status == "verified"


def test_a_loss_said_to_narrow_where_the_page_says_it_widened_is_the_wrong_direction() -> None:
    p = page("Lanxin said revenue rose to 510 million yuan in 2025, while its net loss widened to 1.42 billion yuan from 960 million "
             "yuan, as spending on computing power outpaced sales.", title="Lanxin files for Hong Kong IPO")
    d, _ = verdict("招股书显示，Lanxin 2025年净亏损收窄至14.2亿元", "净亏损收窄至", "fact", p)
    assert d.status == "contradicted"
    ok, _ = verdict("招股书显示，Lanxin 2025年净亏损扩大至14.2亿元", "净亏损扩大至", "fact", p)
    assert ok.status == "verified"


def test_a_price_adjusted_down_is_a_fall_not_the_measure() -> None:
    """下调 says which way the price moved: "cut API prices by half" (another maker's) is no closer a statement of
    the claim's measure than Lanxin's own "60% below what it charged"."""
    p = page("Lanxin is charging 3 yuan per million input tokens and 9 yuan per million output tokens, 60% below "
             "what it charged for LX-2. At least four rivals have cut API prices by half since the summer.",
             title="Lanxin launches LX-3")
    d, _ = verdict("LX-3的API定价为每百万输入tokens 3元、每百万输出tokens 9元，较前代下调60%", "60%", "percent", p)
    assert d.status == "verified"


def test_a_count_said_with_its_amount_is_the_count_beside_that_amount() -> None:
    """"该批次共支持14个项目，支持资金合计2.36亿元": the page's 14 projects go with another batch's 1.92亿元; its count
    beside 2.36亿元 is 12, which the claim's 14 contradicts."""
    p = page(
        "2026年度第一批专项已于6月完成公示，共支持14个项目，支持资金合计1.92亿元。",
        "经专家评审，拟对以下12个项目予以支持，支持资金合计2.36亿元，公示期为2026年11月27日至12月3日。",
        title="关于2026年度第二批人工智能产业专项拟支持项目的公示",
    )
    d, a = verdict("该批次共支持14个项目，支持资金合计2.36亿元", "14个", "count", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "12个"
    ok, _ = verdict("该批次共支持12个项目，支持资金合计2.36亿元", "12个", "count", p)
    assert ok.status == "verified"


def test_a_name_the_page_says_sat_the_round_out_is_contradicted() -> None:
    p = page(
        "Corvid Labs raised $380 million in a Series C led by Halvard Partners. Brightwater Capital and Osprey "
        "Ventures also took part. Meridian Seed, an early backer, did not participate.",
        title="Corvid Labs raises $380 million",
    )
    d, _ = verdict("Brightwater, Osprey and Meridian all in on Corvid Labs' Series C", "Meridian", "fact", p)
    assert d.status == "contradicted"
    ok, _ = verdict("Brightwater, Osprey and Halvard all in on Corvid Labs' Series C", "Osprey", "fact", p)
    assert ok.status == "verified"
    # (a claim that says so itself agrees with the page)
    out, _ = verdict("Meridian did not participate in Corvid Labs' Series C", "Meridian", "fact", p)
    assert out.status != "contradicted"


def test_an_opening_phrase_names_the_board_of_a_score_given_after_a_rank() -> None:
    """"On the Quill leaderboard, Aster 4 debuted in second place with a score of 1,288": the rank before the score
    leaves the opening phrase the score's, so another model's 1,276 beside it is no support."""
    p = page("On the Quill text leaderboard, Aster 4 debuted in second place with a score of 1,288, behind Brisk AI's "
             "Halcyon-3 (1,301) and ahead of Nimbus Labs' Veyra-2 (1,276).", title="Aster 4 tops charts")
    d, _ = verdict("Aster 4 debuted at #2 on Quill with 1,276", "1,276", "count", p)
    assert d.status == "contradicted"
    ok, _ = verdict("Aster 4 debuted at #2 on Quill with 1,288", "1,288", "count", p)
    assert ok.status == "verified"


def test_a_figure_of_the_other_side_of_a_measure_backs_nothing() -> None:
    """"8 yuan ($1.10) per million output tokens" is no input price: a claimed "$1.10 per million input tokens" meets
    the page's input price (about $0.28) and is contradicted, the output price claimed as such is verified; a page
    that gives only the output price leaves the input claim unverified. The words after the figure before ("… input
    tokens and") are that figure's, not the next one's."""
    both = page(
        "Moju is charging 2 yuan (about $0.28) per million input tokens and 8 yuan ($1.10) per million output tokens.",
        title="Moju launches MJ-4",
    )
    flipped, a = verdict("Moju charges $1.10 per million input tokens for MJ-4.", "$1.10", "money", both)
    assert flipped.status == "contradicted", a.evidence
    assert "0.28" in (a.evidence[0].matched_value or "")
    right, _ = verdict("Moju charges $1.10 per million output tokens for MJ-4.", "$1.10", "money", both)
    assert right.status == "verified"
    only_out = page("Moju charges $1.10 per million output tokens for MJ-4.", title="Moju launches MJ-4")
    alone, b = verdict("Moju charges $1.10 per million input tokens for MJ-4.", "$1.10", "money", only_out)
    assert alone.status != "verified", b.evidence


def test_one_models_figure_is_no_average() -> None:
    """"API价格平均降幅超过五成" is an average over models: one model's 60% and 50% cuts back nothing; a page giving
    the average does."""
    p = page("价格方面，明镜-4 API输入每百万tokens 2元，输出每百万tokens 8元，较明镜-3分别下降60%和50%。", title="澈思智能发布明镜-4")
    d, _ = verdict("2026年国内主流大模型API价格平均降幅超过五成", "五成", "percent", p)
    assert d.status != "verified"
    q = page("据测算，国内主流大模型API价格今年平均下降56%。", title="大模型价格战")
    ok, _ = verdict("2026年国内主流大模型API价格平均降幅超过五成", "五成", "percent", q)
    assert ok.status == "verified"


def test_a_change_said_in_words_after_its_figure_is_read_against_the_pages_way_for_that_figure() -> None:
    """"同期净亏损2.15亿元，亏损同比扩大": the page gives that very loss as narrowed from 3.62亿元."""
    p = page("2026年前三季度实现营业收入16.42亿元。2026年前三季度净亏损2.15亿元，较上年同期的3.62亿元明显收窄。",
             title="昆衍半导体科创板IPO获受理")
    wrong, a = verdict("昆衍半导体2026年1-9月净亏损2.15亿元，亏损同比扩大", "亏损同比扩大", "fact", p)
    assert (wrong.status, wrong.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_direction", "2.15亿元")
    right, _ = verdict("昆衍半导体2026年1-9月净亏损2.15亿元，亏损同比收窄", "亏损同比收窄", "fact", p)
    assert right.status == "verified"
    r = page("ABB reports that robot behavior correlates with the real robot at up to 99% in controlled conditions.",
             title="ABB robotics")
    after, _ = verdict("ABB 称仿真一致性约 99%，定位误差可降至约 0.5 毫米", "定位误差可降至约", "fact", r)
    assert after.status != "contradicted"  # the fall is said of the figure after it, not of the 99% before
    q = page("Lumenvault's net loss narrowed to $187 million from $241 million a year earlier.", title="Lumenvault IPO")
    english, _ = verdict("Lumenvault lost $187 million, and losses widened", "losses widened", "fact", q)
    assert english.status == "contradicted"


def test_a_record_the_page_calls_second_only_to_another_is_contradicted() -> None:
    """"11月营收新台币612.3亿元，创单月历史新高" against "11月合併營收新台幣612.3億元…為單月歷史次高，僅次於今年8月"."""
    p = page("緯騰11月合併營收新台幣612.3億元，月增8.4%，為單月歷史次高，僅次於今年8月的638.5億元。", title="緯騰11月營收")
    wrong, a = verdict("緯騰11月营收新台币612.3亿元，创单月历史新高", "历史新高", "fact", p)
    assert (wrong.status, a.evidence[0].matched_value) == ("contradicted", "次高")
    q = page("緯騰11月合併營收新台幣612.3億元，月增8.4%，創單月歷史新高。", title="緯騰11月營收")
    right, _ = verdict("緯騰11月营收新台币612.3亿元，创单月历史新高", "历史新高", "fact", q)
    assert right.status != "contradicted"


def test_the_end_of_a_range_a_price_was_set_at_is_read_off_the_page() -> None:
    """"为招股区间上限" against "the bottom of its indicative range of HK$42.60 to HK$48.80" (the price held by both)."""
    p = page("Corvane Micro priced its shares at HK$42.60, the bottom of its indicative range of HK$42.60 to HK$48.80.",
             title="Corvane Micro prices Hong Kong IPO")
    wrong, a = verdict("发行价HKD 42.60，为招股区间（42.60–48.80港元）上限", "上限", "fact", p)
    assert (wrong.status, wrong.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_bound", "bottom of its indicative range")
    right, _ = verdict("发行价HKD 42.60，为招股区间下限", "招股区间下限", "fact", p)
    assert right.status == "verified"
    other, _ = verdict("发行价HKD 45.00，为招股区间上限", "招股区间上限", "fact", p)
    assert other.status != "contradicted"  # another price: whose range the page's end is, it does not say


def test_a_change_said_in_words_is_read_off_the_level_the_page_compares_its_figure_with() -> None:
    """"利润率55%，同比收窄" against "55% of revenue, compared with 46% in the fiscal second quarter of 2026": it widened."""
    p = page("Adjusted EBITDA of $1.02 billion, or 55% of revenue, compared with 46% in the fiscal second quarter of 2026.",
             title="Brightwell reports fiscal second quarter results")
    wrong, _ = verdict("Brightwell调整后EBITDA利润率55%，同比收窄", "同比收窄", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_direction")
    right, _ = verdict("Brightwell调整后EBITDA利润率55%，同比提升", "同比提升", "fact", p)
    assert right.status == "verified"


def test_a_gap_narrowed_is_no_fall() -> None:
    """"improving performance … by roughly 20 percent and narrowing the efficiency gap": the 20% rose."""
    p = page("Experiments show the agent improving performance on OSBench by roughly 20 percent and narrowing the "
             "efficiency gap with humans by roughly 80 percent.", title="Agents that learn skills")
    d, _ = verdict("该方法在 OSBench 上带来约 20% 的性能提升", "20%", "percent", p)
    assert d.status == "verified"


def test_a_segments_figure_given_to_another_labelled_segment_is_contradicted() -> None:
    """A release gives each segment a labelled paragraph of its own: "Client and Gaming: … $1.6 billion" does not
    back 边缘与汽车业务收入16亿美元 where "Edge and Automotive: … $0.8 billion" meets its whole frame."""
    p = page(
        "Data Center: Third-quarter revenue was a record $11.8 billion, up 93% from a year ago.",
        "Client and Gaming: Third-quarter revenue was $1.6 billion, down 4% from a year ago.",
        "Edge and Automotive: Third-quarter revenue was $0.8 billion, up 52% from a year ago.",
        title="Ardent reports third quarter results",
    )
    wrong, a = verdict("其中数据中心业务收入118亿美元，边缘与汽车业务收入16亿美元", "16亿美元", "money", p)
    assert (wrong.status, a.evidence[0].matched_value) == ("contradicted", "$0.8 billion")
    right, _ = verdict("其中数据中心业务收入118亿美元，客户端与游戏业务收入16亿美元", "16亿美元", "money", p)
    assert right.status == "verified"


def test_a_price_named_by_its_side_alone_is_flipped_against_the_page() -> None:
    """"$2.40/M output": the claim's measure is its side alone; the page gives $2.40 to input and $9.60 to output."""
    p = page("Veyra-4 costs $2.40 per million input tokens and $9.60 per million output tokens.", title="Introducing Veyra-4")
    wrong, a = verdict("$9.60/M input tokens, $2.40/M output, 40% below 3.5", "$2.40", "money", p)
    assert (wrong.status, a.evidence[0].matched_value) == ("contradicted", "$9.60")
    right, _ = verdict("$2.40/M input tokens, $9.60/M output, 40% below 3.5", "$9.60", "money", p)
    assert right.status == "verified"


def test_a_side_word_names_a_side_only_where_the_page_tells_the_sides_apart() -> None:
    """峰值功耗 / 平均功耗: the average claimed against a page giving both is read against the average; a page whose
    only figure is a training card's count (训练卡, a product, no side of a measure) speaks for no side."""
    from verifier.judge.frames import ClaimFrame

    frame = ClaimFrame(weights=(), periods=frozenset(), direction=0, clause="", own_groups=(frozenset({"input"}),))
    assert frame.side_of(frozenset({"output", "token"})) == -1
    assert frame.side_of(frozenset({"input", "token"})) == 1
    assert frame.side_of(frozenset({"input", "output"})) == 0
    assert frame.side_of(frozenset({"token"})) == 0
    p = page("KX-9 的峰值功耗为 310 瓦，平均功耗为 287 瓦。", title="KX-9 评测")
    avg, a = verdict("KX-9 平均功耗 310 瓦", "310 瓦", "count", p)
    assert avg.status == "contradicted", a.evidence


def test_a_model_named_in_pinyin_with_its_version_meets_its_characters() -> None:
    """"Xuanjing-2.5" in an English comment is 玄鲸-2.5 on the Chinese page it cites: the page speaks of the claim's
    model, so its 0.8元 input price contradicts a claimed "$0.80" (a wrong currency) and its 下调60% backs "60%
    cheaper"."""
    p = page(
        "价格方面，玄鲸-3的API输入价格为每百万tokens 0.8元，输出价格为每百万tokens 3.2元，较玄鲸-2.5下调60%。",
        title="衡湾智能发布玄鲸-3",
    )
    sentence = "Pricing is $0.80 per million input tokens, 60% cheaper than Xuanjing-2.5"
    dollars, a = verdict(sentence, "$0.80", "money", p)
    assert dollars.status == "contradicted", a.evidence
    cheaper, b = verdict(sentence, "60%", "percent", p)
    assert cheaper.status == "verified", b.evidence


def test_an_abbreviation_meets_only_the_distinctive_words_of_its_expansion() -> None:
    """API is no "program": a code benchmark's score (代码基准…得分66.8%) says nothing of an API price cut, which the
    page's 下调60% backs; RPO meets "remaining performance obligations", so 41.6亿美元 is a ×10 slip of $41.6 billion."""
    p = page(
        "玄鲸-3在代码基准SWE-Verify上得分66.8%。",
        "价格方面，玄鲸-3的API输入价格为每百万tokens 0.8元，较玄鲸-2.5下调60%。",
        title="衡湾智能发布玄鲸-3",
    )
    cut, a = verdict("API价格较玄鲸-2.5下调六成", "六成", "percent", p)
    assert cut.status == "verified", a.evidence
    rpo = page("Remaining performance obligations (RPO) were $41.6 billion, up from $28.3 billion.", title="Brightline results")
    slip, b = verdict("剩余履约义务（RPO）41.6亿美元", "41.6亿美元", "money", rpo)
    assert slip.status == "contradicted", b.evidence


def test_a_multiple_said_as_the_verb_leaves_its_measure_to_the_figure_after_it() -> None:
    """"the maximum output length doubles to 64,000 tokens from 32,000 in Aster 3.5": the measure before "doubles" is
    64,000's, and 32,000 is where the change started. "but max output is still 32K tokens" (a hedge and a joining
    word are no measure; "max" is "maximum") is contradicted by 64,000, not backed by the base."""
    p = page(
        "Aster 4 accepts up to 512,000 tokens of context, up from 200,000 in Aster 3.5, and the maximum output length "
        "doubles to 64,000 tokens from 32,000 in Aster 3.5.",
        title="Introducing Aster 4",
    )
    still, a = verdict("The long context is nice, but max output is still 32K tokens.", "32K tokens", "count", p)
    assert still.status == "contradicted", a.evidence
    assert "64,000" in (a.evidence[0].matched_value or "")
    right, _ = verdict("Aster 4's maximum output length is 64,000 tokens.", "64,000 tokens", "count", p)
    assert right.status == "verified"


def test_a_top_n_group_is_no_rank_of_one() -> None:
    """"年内港股募资规模最大的AI芯片IPO" needs a page that ranks the listing: "the five largest customers accounted for
    68% of revenue" ranks no one (a group), "the largest AI chip listing in Hong Kong this year" does."""
    sentence = "算磐微也是年内港股募资规模最大的AI芯片IPO"
    group = page(
        "Suanpan Micro raised HK$5.8 billion in its Hong Kong IPO. The company's five largest customers accounted for 68% "
        "of its revenue in 2025, and about 60% of the proceeds will go to research and development.",
        title="Suanpan Micro prices Hong Kong IPO",
    )
    none, a = verdict(sentence, "港股募资规模最大", "fact", group)
    assert none.status != "verified", a.evidence
    ranked = page(
        "Suanpan Micro raised HK$5.8 billion, the largest AI chip listing in Hong Kong this year.",
        title="Suanpan Micro prices Hong Kong IPO",
    )
    said, _ = verdict(sentence, "港股募资规模最大", "fact", ranked)
    assert said.status == "verified"


def test_the_very_figure_a_correction_withdraws_is_contradicted_however_thin_the_claims_words() -> None:
    """"Eight buildings, ~$12B all in" says little of what it measures, but $12 billion is exactly the figure the cited
    page's correction note withdraws: the claim repeats the stale figure. The corrected $21 billion is verified."""
    p = page(
        "Northgate Compute broke ground on its Ohio campus. The company expects to spend about $21 billion on the project.",
        "Correction, Dec. 10, 2026: An earlier version of this article said the campus would cost about $12 billion. "
        "Northgate's filing puts the total at about $21 billion, not $12 billion.",
        title="Northgate Compute breaks ground on Ohio AI campus",
    )
    stale, a = verdict("Eight buildings, ~$12B all in, and the first phase comes online in 2027.", "$12B", "money", p)
    assert stale.status == "contradicted", a.evidence
    right, _ = verdict("Northgate expects to spend about $21 billion on the campus.", "$21 billion", "money", p)
    assert right.status == "verified"


def test_a_public_notice_period_is_a_measure_of_its_own() -> None:
    """公示期 (a notice's objection period) names what its dates measure: "公示期至12月11日" meets the notice's
    "公示期：2026年12月7日至2026年12月11日", not its 发布日期."""
    p = page(
        "发布日期：2026-12-07 来源：软件和信息服务业处",
        "拟对2026年第二批4个项目给予支持。公示期：2026年12月7日至2026年12月11日。",
        title="关于2026年第二批人工智能“模型券”拟支持项目的公示",
        published="2026-12-07",
    )
    ends, a = verdict("公示期至12月11日（周五）", "12月11日", "date", p)
    assert ends.status == "verified", a.evidence


def test_a_rate_beside_a_change_is_no_change_a_multiple_is_read_from() -> None:
    """"more than doubled third-quarter revenue" is met by 同比增长127.4% (2.27 times); the gross margin of 53.8% beside
    its own change ("同比提升4.1个百分点") is a level, not a rise of 53.8%, and contradicts nothing."""
    p = page(
        "第三季度，芯衡科技实现营业收入38.6亿元，同比增长127.4%。第三季度公司综合毛利率为53.8%，同比提升4.1个百分点。",
        title="芯衡科技第三季度营收同比增长127.4%",
    )
    doubled, a = verdict("Xinheng more than doubled third-quarter revenue", "doubled", "count", p)
    assert doubled.status == "verified", a.evidence


def test_a_gloss_as_wide_as_set_names_no_measure() -> None:
    """顶格 ("set flush": here the cap) and 定价 ("set a price") share only the dictionary's "set", which names no
    measure: a grant taken at the cap and an API price have no word in common."""
    from verifier.judge.frames import clause_words

    assert "set" not in clause_words("深澜拿了顶格的 2000 万") | clause_words("API定价为每百万tokens输入1.5元")
    assert not (clause_words("顶格") & clause_words("定价"))
    assert "set" not in clause_words("Quillon set a record")


def test_an_accounting_basis_is_judged_with_its_figure() -> None:
    """"a non-GAAP gross margin of 58.4%" where the page gives 58.4% as the GAAP margin: the basis is wrong; the
    right basis with its figure is confirmed; a wrong figure on the right basis says nothing of the basis."""
    p = page(
        "Northwick reported third-quarter revenue of $3.12 billion. GAAP gross margin of 58.4%; non-GAAP gross margin "
        "of 61.7%.",
        title="Northwick reports third quarter results",
    )
    wrong = verdict("Northwick's third-quarter non-GAAP gross margin of 58.4% beat estimates.", "GAAP", "fact", p)
    assert wrong[0].status == "contradicted"
    assert any("58.4%" in (d.passage or "") for d in wrong[1].evidence)
    right = verdict("Northwick's third-quarter non-GAAP gross margin of 61.7% beat estimates.", "GAAP", "fact", p)
    assert right[0].status == "verified"
    slip = verdict("Northwick's third-quarter non-GAAP gross margin of 67.1% beat estimates.", "GAAP", "fact", p)
    assert slip[0].status == "unverified"


def test_a_links_slug_names_no_one_in_the_claims_sentence() -> None:
    """"… ranks first among open-weight models <https://…/China-s-Xitu-open-sources-…-AI-model>": the slug's
    capitalised words are the page's title, not a subject the figure is given for, so the page's "ranked second"
    for the claim's model still speaks to it."""
    p = page(
        "On the Arena leaderboard, Tarnis-V3 ranked second among open-weight models, behind Moheng AI's Moheng-2 Pro, "
        "and ninth overall.",
        title="China's Tarnis open-sources trillion-parameter AI model",
    )
    sentence = (
        "Nikkei's piece on Tarnis: Tarnis-V3 has 1.1 trillion parameters and ranks first among open-weight models "
        "<https://asia.example.com/Business/China-s-Tarnis-open-sources-trillion-parameter-AI-model>."
    )
    assert verdict(sentence, "first", "count", p)[0].status == "contradicted"


def test_a_taiwan_pages_bare_yuan_meets_a_claim_in_new_taiwan_dollars_when_aligned() -> None:
    """"累计约1.1万亿元新台币" against a Taiwan page's "前11月累計營收1兆1,082億元": the page's bare 元 written with a
    Traditional scale is the local dollar, in the aligned reading as in the plain comparison."""
    p = page(
        "伺服器代工大廠鈞碩（6917）8日公布11月合併營收新台幣1,246.8億元，月增5.3%，年增38.6%，創單月歷史新高；"
        "前11月累計營收1兆1,082億元，年增29.4%。",
        title="鈞碩11月營收創單月新高",
    )
    d, _ = verdict("钧硕前11个月累计约1.1万亿元新台币，同比增长29.4%。", "1.1万亿元新台币", "money", p)
    assert d.status == "verified"


def test_a_yuan_named_before_a_list_of_amounts_is_no_local_dollar() -> None:
    """"收入分別為人民幣4.51億元及8.64億元" on a Hong Kong page: the second amount is the yuan too, so "8.64亿港元"
    has its currency wrong."""
    p = page("雲麓2024年及2025年收入分別為人民幣4.51億元及8.64億元，招股價每股32.8港元。", title="雲麓招股")
    d, _ = verdict("云麓2025年收入8.64亿港元。", "8.64亿港元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_currency")


def test_net_proceeds_said_of_the_gross_figure_are_contradicted() -> None:
    """"募资净额约22.9亿港元" where 22.9億港元 is the gross and the net 21.4億港元: the basis (净额) is wrong."""
    p = page("曜衍智能全球發售約6,980萬股，所得款項總額約22.9億港元，扣除上市開支後淨額約21.4億港元。", title="曜衍智能配發結果")
    d, _ = verdict("曜衍智能募资净额约22.9亿港元，由维港资本联席保荐。", "募资净额约", "fact", p)
    assert d.status == "contradicted"
    d, _ = verdict("曜衍智能募资净额约21.4亿港元。", "募资净额约", "fact", p)
    assert d.status == "verified"


def test_a_change_given_with_the_amount_it_reached_is_the_change_beside_that_amount() -> None:
    """"data centre up 37% to $2.05bn" against "Data Center revenue of $2.05 billion, up 73% year over year" (and a
    nine-month revenue up 37% elsewhere): the change beside the very amount is the claim's, its digits transposed."""
    p = page(
        ("Revenue of $3.12 billion, up 41% year over year and up 9% sequentially", "li"),
        ("Data Center revenue of $2.05 billion, up 73% year over year", "li"),
        ("GAAP gross margin of 58.4%; non-GAAP gross margin of 61.7%", "li"),
        "For the first nine months of fiscal 2027, revenue was $8.47 billion, up 37% from $6.18 billion.",
        title="Northwick reports third quarter fiscal 2027 results",
    )
    claim = "Northwick's fiscal Q3 (to Nov 28) revenue came in at $3.12bn, with data centre up 37% to $2.05bn and a non-GAAP gross margin of 58.4%"
    d, _ = verdict(claim, "37%", "percent", p)
    assert d.status == "contradicted"
    d, _ = verdict(claim.replace("37%", "73%"), "73%", "percent", p)
    assert d.status == "verified"


def test_a_row_label_naming_its_percent_with_words_declares_its_cells() -> None:
    """"CodeRepair-Bench (% resolved) | 71.2 | 58.9" under model columns: the cells are percentages."""
    p = page(
        ("Benchmark | Tarn-4 | Tarn-3.5 | Tarn-4 Mini", "th"),
        ("CodeRepair-Bench (% resolved) | 71.2 | 58.9 | 52.4", "td"),
        ("ToolChain-500 (% tasks completed) | 83.6 | 74.1 | 69.8", "td"),
        title="Introducing Tarn-4",
    )
    d, _ = verdict("Tarn-4 scores 71.2% on CodeRepair-Bench.", "71.2%", "percent", p)
    assert d.status == "verified"


def test_a_figure_of_a_list_whose_label_meets_more_of_the_claims_measure_is_the_claims() -> None:
    """"a $3.8 billion construction loan, a $1.6 billion term loan B": the claim's "$1.6 billion construction loan"
    is the term loan's figure moved onto the construction loan; the words of the claim the page says elsewhere ("led
    by Harrowgate Bank") leave neither figure's frame whole."""
    claim = "Norvik Digital lined up $6.2 billion of debt, including a $1.6 billion construction loan led by Harrowgate Bank."
    listed = page(
        "Norvik Digital has secured $6.2 billion of debt financing for its New Albany campus. The package comprises a "
        "$3.8 billion construction loan, a $1.6 billion term loan B and an $800 million delayed-draw facility. "
        "Harrowgate Bank led the construction loan.",
        title="Norvik Digital secures financing",
    )
    d, a = verdict(claim, "$1.6 billion", "money", listed)
    assert (d.status, d.reason, a.evidence[0].matched_value) == ("contradicted", "value_mismatch", "$3.8 billion")
    d, _ = verdict(claim.replace("$1.6 billion", "$3.8 billion"), "$3.8 billion", "money", listed)
    assert d.status == "verified"


def test_a_day_said_in_words_is_judged_as_precisely_as_one_written_in_figures() -> None:
    """"已于上周三在港交所主板挂牌" in a note of 5 January 2027 names Wednesday 30 December: a page listing the shares
    on Wednesday 23 December contradicts it, as it would "12月30日"; the right week's Wednesday is verified."""
    import datetime as dt

    from claims.casual_dates import with_weekday_dates

    p = page(
        "瀚穹智算公開發售錄得超額認購。",
        "瀚穹將於12月23日（星期三）在港交所主板掛牌，每手100股。",
        title="瀚穹智算公開招股",
        published="2026-12-22",
    )
    sentence = "（2）公司已于上周三在港交所主板挂牌"
    for note_date, status in ((dt.date(2027, 1, 5), "contradicted"), (dt.date(2026, 12, 29), "verified")):
        values = [v for v in with_weekday_dates(sentence, parse_values(sentence), note_date) if v.raw == "上周三"]
        q = build_query(kind="date", sentence=sentence, key_text="上周三", key_start=sentence.find("上周三"),
                        values=values, antecedent="瀚穹智算")
        assert decide(SourceStatus(total=1, usable=1), assess_claim(q, [p]).findings).status == status


def test_a_relative_years_quarter_a_year_off_the_pages_is_contradicted() -> None:
    """"德州新厂预计明年第三季度量产" in a note of January 2027 is 2028's third quarter: the page's 2027年第三季 for the
    plant says it slipped a year; read in a note of 2026 it is that very quarter."""
    p = page(
        "鼎翊董事會同日通過2027年資本支出預算新台幣420億元，主要用於墨西哥及美國德州新廠擴建；德州廠預計2027年第三季量產，"
        "墨西哥二廠則預計2027年底完工。",
        title="鼎翊11月營收創新高",
        published="2026-12-08",
    )
    sentence = "（2）公司董事会通过2027年资本支出预算新台币420亿元，德州新厂预计明年第三季度量产"
    for year, status in ((2027, "contradicted"), (2026, "verified")):
        values = [v for v in parse_values(sentence, default_year=year) if v.raw == "明年第三季度"]
        q = build_query(kind="date", sentence=sentence, key_text="明年第三季度", key_start=sentence.find("明年第三季度"),
                  values=values, antecedent="鼎翊")
        assert decide(SourceStatus(total=1, usable=1), assess_claim(q, [p]).findings).status == status


def test_a_price_set_above_its_range_is_neither_its_top_nor_its_bottom() -> None:
    """"the top of its range" against "above the expected range of $20 to $22": the wrong place; "高于…招股区间"
    says what the page says."""
    p = page(
        "Arcwell Systems priced its initial public offering at $24 a share on Wednesday night, above the expected range "
        "of $20 to $22, raising $1.15 billion.",
        title="Arcwell Systems soars in Nasdaq debut",
    )
    d, _ = verdict("Arcwell Systems priced its IPO at $24 a share, the top of its range, raising $1.15 billion.",
                   "the top of its range", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_bound")
    d, _ = verdict("Arcwell以每股24美元定价，高于20至22美元的招股区间", "高于", "fact", p)
    assert d.status == "verified"


def test_that_month_is_the_month_the_sentence_named() -> None:
    """"11月合并营收…，当月营收同比增长38.5%": November's growth, which the page gives as 61.2%; its 38.5% is the
    growth of the first eleven months."""
    p = page(
        "鼎翊科技7日公布11月合併營收新台幣1,284.6億元，月增9.8%，年增61.2%，創單月歷史新高。累計前11月營收1.18兆元，年增38.5%。",
        title="鼎翊營收創新高",
        published="2026-12-08",
    )
    d, _ = verdict("（1）鼎翊科技11月合并营收新台币1,284.6亿元，环比增长9.8%，当月营收同比增长38.5%", "38.5%", "percent", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_period")


def test_a_loss_is_a_profit_line_written_negative_and_a_profit_is_not() -> None:
    """"归母净利润亏损约1.24亿元" against "归属于母公司所有者的净利润 | -12,384.21" (万元): the same amount, counted as a
    loss; "归母净利润约1.24亿元" claims a profit where the page shows a loss; "a cash outflow of" is said the
    negative way too."""
    p = page(
        "辰砂半导体主营AI训练与推理GPU。",
        ("辰砂半导体主要财务数据（单位：万元）", "p"),
        ("项目 | 2025年度 | 2024年度 | 2023年度", "th"),
        ("营业收入 | 186,420.55 | 97,305.12 | 41,228.70", "td"),
        ("归属于母公司所有者的净利润 | -12,384.21 | -35,716.48 | -48,902.33", "td"),
        ("经营活动产生的现金流量净额 | -8,120.40 | -15,300.00 | -20,418.77", "td"),
        title="辰砂半导体科创板IPO注册生效",
    )
    d, _ = verdict("辰砂半导体2025年归母净利润亏损约1.24亿元", "1.24亿元", "money", p)
    assert d.status == "verified"
    d, _ = verdict("辰砂半导体2025年实现归母净利润1.24亿元，扭亏为盈", "1.24亿元", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_direction")
    d, _ = verdict("Chenshan burned through a cash outflow of RMB 81.2 million from operations in 2025.", "RMB 81.2 million", "money", p)
    assert d.status != "contradicted"


def test_a_hong_kong_pages_bare_yuan_declared_renminbi_after_it_is_no_hong_kong_dollar() -> None:
    """"2025年收入8.64億元（人民幣，下同），虧損12.37億元": both amounts are renminbi, so "8.64億港元" and "12.37億港元"
    give them in the wrong currency."""
    p = page(
        "磐啟智算明起招股，入場費9,818港元。",
        "業績方面，磐啟智算2025年收入8.64億元（人民幣，下同），虧損12.37億元；2026年首三季收入11.26億元。",
        title="磐啟智算明起招股",
    )
    for key in ("8.64億港元", "12.37億港元"):
        d, _ = verdict("磐啟智算2025年收入8.64億港元、虧損12.37億港元", key, "money", p)
        assert d.status != "verified", key


def test_a_later_clause_with_its_own_pronoun_subject_names_whom_it_speaks_of_not_the_figures_subject() -> None:
    """"…, and they still haven't signed a deal with Tarrow": Tarrow is whom the second clause deals with, not who
    adds the capacity; a page that never says Tarrow adds it still verifies the figure. A name of the figure's own
    clause, or of a later clause without a subject of its own, stays the subject."""
    from verifier.judge.evidence import claim_subjects

    def subjects(sentence: str, key: str) -> list[str]:
        start = sentence.find(key)
        values = [v for v in parse_values(sentence, default_year=2027) if v.start <= start < v.end]
        return claim_subjects(build_query(kind="count", sentence=sentence, key_text=key, key_start=start, values=values))

    assert subjects("They add 2.1 gigawatts in 2027, and they still haven't signed a deal with Tarrow.", "2.1 gigawatts") == []
    assert subjects("They add 2.1 gigawatts in 2027，但他们仍未与 Tarrow 签约。", "2.1 gigawatts") == []
    assert subjects("Cloud firm Pellucid adds 2.1 gigawatts in 2027, and they still haven't signed with Tarrow.", "2.1 gigawatts") != []
    assert subjects("They add 2.1 gigawatts in 2027, with Tarrow as the builder.", "2.1 gigawatts") != []
    p = page("The company will bring about 2.1 gigawatts of new data center capacity online in 2027, its finance chief said.",
             "Pellucid has agreed to buy 300,000 of Tarrow's accelerators over three years.",
             title="Pellucid plans $48 billion in 2027 capex", published="2026-12-15")
    d, _ = verdict("They add 2.1 gigawatts of capacity in 2027, and they still haven't signed a volume deal with Tarrow.",
                   "2.1 gigawatts", "count", p)
    assert d.status == "verified"


def test_a_pages_month_without_its_year_is_the_one_nearest_its_dateline() -> None:
    """"passed $2 billion in December" on a page of 11 January 2027 is December 2026, as a report of that week
    reads its own "last month"; the same page's "in March" (months away either side) stays this year's."""
    p = page("Pellucid said annualized revenue passed $2 billion in December, and it plans a new model in March.",
             title="Pellucid launches Quill 3", published="2027-01-11")
    d, a = verdict("Pellucid says annualized revenue passed $2 billion in December 2026.", "December 2026", "date", p)
    assert (d.status, a.evidence[0].matched_value) == ("verified", "December")
    moved, _ = verdict("Pellucid says annualized revenue passed $2 billion in December 2027.", "December 2027", "date", p)
    assert moved.status != "verified"
    march = [v.value for v in p.passages[0].values if v.kind == "date" and v.raw == "March"]
    assert march == ["2027-03"]


def test_a_basis_said_negated_or_in_chinese_shorthand_is_judged_with_its_figure() -> None:
    """"non-GAAP每股收益1.07美元" where $1.07 is the GAAP figure: the basis is wrong, as "GAAP" of a non-GAAP figure
    is; 扣非 (net of non-recurring items) and 归母 name a net profit's basis as the page's long form does, and 扣非
    negates no word after it: the right 扣非 figure is verified, the 归母 figure given as 扣非 contradicted."""
    eps = page("GAAP diluted earnings per share of $1.07; non-GAAP diluted earnings per share of $1.46.",
               title="Halvard Semiconductor Reports Third Quarter Fiscal 2027 Financial Results")
    claim = "Halvard此前公布第三财季营收21.85亿美元，同比增长63%；non-GAAP每股收益{}美元。"
    d, a = verdict(claim.format("1.07"), "non-GAAP", "fact", eps)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "$1.46")
    ok, _ = verdict(claim.format("1.46"), "non-GAAP", "fact", eps)
    assert ok.status == "verified"
    results = page("2026年实现营业总收入41.86亿元；归属于母公司所有者的净利润6.27亿元，同比增长218.3%；扣除非经常性损益后的"
                   "归属于母公司所有者的净利润4.93亿元，同比增长270.7%。", title="澜渊科技业绩快报")
    right, _ = verdict("澜渊科技2026年扣非净利润4.93亿元。", "4.93亿元", "money", results)
    assert right.status == "verified"
    wrong, a = verdict("澜渊科技2026年扣非净利润6.27亿元。", "6.27亿元", "money", results)
    assert (wrong.status, a.evidence[0].matched_value) == ("contradicted", "4.93亿元")
    parent, _ = verdict("澜渊科技2026年归母净利润6.27亿元。", "6.27亿元", "money", results)
    assert parent.status == "verified"


def test_a_product_code_read_as_a_name_is_judged_as_a_version() -> None:
    """"the HX8 memory fabric" where the page writes "Our HX9 memory fabric": the code's number is its generation,
    and the page's other generation contradicts it; the page's own code verifies it, a code the page never writes
    nor any of its family stays unverified."""
    p = page("Halvard reported revenue of $2.185 billion for the third quarter of fiscal 2027.",
             "\"Our HX9 memory fabric is on track for volume production in the first half of calendar 2027,\" the CEO said.",
             title="Halvard Semiconductor Reports Third Quarter Fiscal 2027 Financial Results")
    d, a = verdict("* the HX8 memory fabric is on track for volume production in 1H27", "HX8", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "HX9")
    ok, _ = verdict("* the HX9 memory fabric is on track for volume production in 1H27", "HX9", "fact", p)
    assert ok.status == "verified"
    other, _ = verdict("* the QZ3 memory fabric is on track for volume production in 1H27", "QZ3", "fact", p)
    assert other.status == "unverified"


def test_a_figure_a_page_gives_another_name_by_at_or_a_verb_of_holding_backs_no_claim() -> None:
    """"behind Orison Labs' Orison-2 at 1,431" is Orison-2's score and "with Ruiqi taking 25%" Ruiqi's share: neither
    verifies the claim's model or company; its own figure still does, and "values Talvik at $2.1 billion" is
    Talvik's valuation whoever led the round."""
    board = page("On the ArenaBoard text leaderboard, Quill 3 debuted in third place with 1,402 points, behind Orison "
                 "Labs' Orison-2 at 1,431 and Meridian Ultra at 1,418.", title="Pellucid launches Quill 3")
    d, _ = verdict("Quill 3在ArenaBoard文本榜单首发得分1,431，排名第三。", "1,431", "count", board)
    assert d.status != "verified"
    ok, _ = verdict("Quill 3在ArenaBoard文本榜单首发得分1,402，排名第三。", "1,402", "count", board)
    assert ok.status == "verified"
    shares = page("Jinwei will handle about 60% of HX9 back-end volume, with Ruiqi taking 25% and Anvers the remaining 15%.",
                  title="Halvard picks HX9 back-end partners")
    d, _ = verdict("Jinwei handles about 60% of HX9 volume and Anvers takes 25%.", "25%", "percent", shares)
    assert d.status != "verified"
    valued = page("Separately, Talvik closed a US$420 million Series C round led by Kogen Capital. The Series C values "
                  "Talvik at US$2.1 billion after the investment.", title="Talvik Power reaches financial close")
    ok, _ = verdict("A separate $420 million Series C was led by Kogen Capital at a post-money valuation of $2.1 billion.",
                    "$2.1 billion", "money", valued)
    assert ok.status == "verified"
