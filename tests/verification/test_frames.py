"""Alignment (verifier.judge.frames, verifier.judge.statements): what a figure measures, read around the figure."""

from __future__ import annotations

import re

from tests.verification.test_assess import page, verdict
from verifier.judge.frames import (
    claim_frame,
    clause_span,
    comparison_basis,
    direction_of,
    period_marks,
    periods_conflict,
    span_marks,
    stale_spans,
)


def test_clause_ends_at_punctuation_but_not_inside_a_number() -> None:
    text = "Revenue was $1,489 million, up 74% from a year earlier; margins fell."
    s, e = clause_span(text, text.find("74%"), text.find("74%") + 3)
    assert text[s:e].strip() == "up 74% from a year earlier"
    s, e = clause_span(text, text.find("1,489"), text.find("1,489") + 5)
    assert "1,489 million" in text[s:e]
    # a sentence that ends with a year ends its clause too; a decimal point does not
    text = "It will invest $10 billion from 2026 through 2029. The plan builds on a $2.9 billion pledge made in 2024."
    s, e = clause_span(text, text.find("$2.9"), text.find("$2.9") + 4)
    assert text[s:e].startswith("The plan") and period_marks(text[s:e]) == {"y2024"}
    s, e = clause_span("Shares rose 2.5 percent.", 12, 15)
    assert (s, e) == (0, len("Shares rose 2.5 percent."))
    # … and so does a sentence ending with a percent sign or a closing quote
    text = "Its share of the cloud market is already 31%. By 2030, it hopes to reach 45%."
    s, e = clause_span(text, text.find("31%"), text.find("31%") + 3)
    assert "2030" not in text[s:e] and text[s:e].endswith("31%")
    text = 'The chief executive called it "a 12% company". Rivals grew 5%.'
    s, e = clause_span(text, text.find("5%"), text.find("5%") + 2)
    assert "12%" not in text[s:e]


def test_periods() -> None:
    assert period_marks("前三季度营收") == {"q123"}  # the first three quarters, not the third
    # (… and, counted in months, the months from January: n1-9)
    assert period_marks("for the first nine months") == period_marks("1-9月") == {"q123", "n1-9"}
    assert period_marks("in the first three months") == {"q1", "n1-3"} and period_marks("1-6月") == {"h1", "n1-6"}
    assert period_marks("the first, second and third quarters") == {"q1", "q2", "q3"}
    assert periods_conflict(period_marks("前三季度营收"), period_marks("第三季度营收"))
    assert period_marks("fiscal third-quarter revenue") >= {"q3", "fiscal"}
    assert period_marks("第二季度营收") >= {"q2"}
    assert period_marks("預估第三季營收") == {"q3"} and period_marks("第二季节目") == frozenset()  # 第三季: a quarter
    assert periods_conflict(period_marks("in the third quarter"), period_marks("second-quarter revenue"))
    assert periods_conflict(period_marks("capex in calendar 2027"), period_marks("fiscal 2027 capex"))
    assert not periods_conflict(period_marks("Q2 revenue"), period_marks("revenue in the second quarter"))


def test_direction() -> None:
    assert direction_of("revenue grew 3%") == 1
    assert direction_of("revenue slipped 3%") == -1
    assert direction_of("年減 3.2%") == -1
    assert direction_of("负增长 1.5%") == -1
    assert direction_of("3.2%", -3.2) == -1


def test_a_change_said_with_a_gerund_has_a_direction() -> None:
    # "with orders rising 38% YoY" is a rise as much as "orders rose 38%": a share it cannot back
    assert direction_of("with bookings rising 38% YoY to 51,000 units") == 1
    assert direction_of("a growing 12% of sales") == 1
    assert direction_of("margins shrinking 2.1 points") == -1
    assert direction_of("with unit prices falling 9% QoQ") == -1
    assert direction_of("cutting-edge share of 9%") == 0
    assert direction_of("營收可望再成長三成") == 1  # 成長 / 成长: grow
    # a gap or a loss widens (扩大) and narrows (收窄)
    assert direction_of("its net loss widened to 1.2 billion yuan") == 1 and direction_of("净亏损扩大至12亿元") == 1
    assert direction_of("净亏损收窄至9.6亿元") == -1
    assert direction_of("API定价较前代下调60%") == -1 and direction_of("目标价上调至88元") == 1  # a price adjusted


def test_a_quarter_a_change_is_measured_from_is_its_base_not_its_period() -> None:
    deck = "Record quarterly revenue of $3.10 billion, up 8% from Q3 and up 29% from a year ago"
    assert not period_marks(deck) & {"q3"}
    assert comparison_basis(deck, deck.find("8%"), deck.find("8%") + 2, [(deck.find("29%"), deck.find("29%") + 3)]) == "bstep"
    assert comparison_basis(deck, deck.find("29%"), deck.find("29%") + 3, [(deck.find("8%"), deck.find("8%") + 2)]) == "byoy"
    assert period_marks("第二季營收較第一季成長 8%") == {"q2"}
    assert period_marks("营业收入较2026年第二季度的13.4亿元环比增长38%") == {"y2026"}  # (… with its year between)
    # (a quarter that starts a schedule is its period; a base with its year of its own is not a step)
    assert period_marks("shipments start from Q4") == {"q4"}
    text = "up 8% from Q3 2025"
    assert comparison_basis(text, 3, 5) is None


def test_the_months_a_figure_is_counted_over() -> None:
    assert period_marks("11月合併營收") == {"n11"}
    assert period_marks("累計前11月營收") == {"n1-11"}
    assert period_marks("1-11月营收") == {"n1-11"}
    assert period_marks("Jan–Nov revenue") == {"n1-11"}
    assert period_marks("revenue for the first eleven months") == {"n1-11"}
    assert period_marks("November revenue") == {"n11"}
    # a date, a number of months, a modal verb, a base and a point a total runs to are no month of a figure
    assert period_marks("11月9日公布") == frozenset()
    assert period_marks("results on Nov. 9") == frozenset()
    assert period_marks("在3个月内交付") == frozenset()
    assert period_marks("sales may rise 5%") == frozenset()
    assert period_marks("较6月末增加约40亿元") == frozenset()
    assert period_marks("revenue since June") == frozenset()
    # the months from January conflict with one month, and with other months from January; two months do not
    assert periods_conflict(frozenset({"n1-11"}), frozenset({"n11"}))
    assert periods_conflict(frozenset({"n1-10"}), frozenset({"n1-11"}))
    assert not periods_conflict(frozenset({"n10"}), frozenset({"n11"}))


def test_a_correction_marks_the_old_figure_stale() -> None:
    text = "An earlier version said the retail portion was oversubscribed 1,270 times; the company put it at 1,862 times."
    spans = stale_spans(text)
    assert any(s <= text.find("1,270") < e for s, e in spans)
    assert not any(s <= text.find("1,862") < e for s, e in spans)
    text = "The first-phase capacity has been revised to 400 MW from the 350 MW stated in the original version."
    spans = stale_spans(text)
    assert any(s <= text.find("350 MW") < e for s, e in spans)
    assert not any(s <= text.find("400 MW") < e for s, e in spans)
    # what a note says was misprinted (误植 … 为) or misstated
    text = "【更正】本文刊出時，誤植800G光收發模組明年第二季月產能為25萬組；經公司澄清，正確數字為32萬組。"
    spans = stale_spans(text)
    assert any(s <= text.find("25萬組") < e for s, e in spans) and not any(s <= text.find("32萬組") < e for s, e in spans)
    text = "An earlier version of this story misstated the capacity as 350 MW; it is 400 MW."
    spans = stale_spans(text)
    assert any(s <= text.find("350 MW") < e for s, e in spans) and not any(s <= text.find("400 MW") < e for s, e in spans)
    # the note's next sentence gives the right figure and the old one after "not"
    text = ("Correction, Nov. 24, 2026: An earlier version of this story misstated the capacity covered by the "
            "agreement. The agreement covers 1.4 GW, not 1.2 GW.")
    spans = stale_spans(text)
    assert any(s <= text.find("1.2 GW") < e for s, e in spans) and not any(s <= text.find("1.4 GW") < e for s, e in spans)
    plain = "The agreement covers 1.4 GW, not 1.2 GW as some expected."  # no correction note: nothing stale
    assert not stale_spans(plain)


def test_the_superseded_figure_is_contradicted_and_the_revised_one_verified() -> None:
    p = page(
        "Update: the first-phase capacity of Project Meridian has been revised to 400 MW from the 350 MW stated "
        "in the original version of this release.",
        "The first phase, with a capacity of 400 MW, is expected to be energized in 2027.",
        title="Project Meridian breaks ground",
    )
    old, _ = verdict("Project Meridian 首期容量为 350 兆瓦", "350 兆瓦", "count", p)
    new, _ = verdict("Project Meridian 首期容量为 400 兆瓦", "400 兆瓦", "count", p)
    assert old.status == "contradicted"
    assert new.status == "verified"


def test_a_figure_of_another_period_does_not_support() -> None:
    p = page("Halden reported second-quarter revenue of $7.6 billion.", title="Halden results")
    d, _ = verdict("Halden reported third-quarter revenue of $7.6bn", "$7.6bn", "money", p)
    assert d.status != "verified"


def test_the_direction_must_agree() -> None:
    p = page("Edge and automotive revenue slipped 3% to $712 million.", title="Halden results")
    d, _ = verdict("Edge & Automotive revenue grew 3% to $712m", "3%", "percent", p)
    assert d.status == "contradicted"


def test_swapped_pair_is_caught() -> None:
    p = page(
        "The Hong Kong public offering was oversubscribed about 1,862 times, while the international offering "
        "for institutions was covered about 12.4 times.",
        title="Listing draws record retail demand",
    )
    d, _ = verdict(
        "The retail tranche was 12.4 times oversubscribed, while the international book was covered 1,862 times",
        "12.4",
        "count",
        p,
    )
    assert d.status != "verified"


def test_a_wrong_currency_is_contradicted() -> None:
    p = page("The company raised HK$4.8 billion in its Hong Kong listing.", title="Listing raises HK$4.8bn")
    d, _ = verdict("该公司在香港上市募资 48 亿美元", "48 亿美元", "money", p)
    assert d.status == "contradicted"


def test_opposite_bounds_disagree() -> None:
    p = page("People familiar with the deal said it was valued at more than 250 billion yen.", title="Tsubame raises")
    d, _ = verdict("Tsubame is now valued at less than ¥250bn (yen)", "¥250bn", "money", p)
    assert d.status == "contradicted"


def test_figure_role_reads_the_ends_of_a_change() -> None:
    from verifier.judge.frames import figure_role

    def role(text: str, figure: str) -> str | None:
        at = text.find(figure)
        return figure_role(text, at, at + len(figure))

    assert role("China fell to 9% of revenue from 14% a year earlier", "9%") == "to"
    assert role("China fell to 9% of revenue from 14% a year earlier", "14%") == "from"
    assert role("上下文长度从 V4 的 12.8 万 token 提升至 100 万 token", "12.8") == "from"
    assert role("上下文长度从 V4 的 12.8 万 token 提升至 100 万 token", "100") == "to"
    assert role("RPO were $38.0 billion, up from $24.5 billion", "24.5") == "from"
    assert role("RPO were $38.0 billion, up from $24.5 billion", "38.0") is None
    assert role("fines of up to 7% of turnover", "7%") is None  # a limit, not the end of a change
    assert role("revenue rose 20% to $5bn", "5bn") is None  # "to" without a "from": a level, maybe a target


def test_the_start_of_a_change_stated_as_its_end_is_contradicted() -> None:
    p = page("China accounted for 9% of revenue in the quarter, down from 14% a year earlier.", title="Halden results")
    swapped, _ = verdict("China's share fell to 14% of revenue from 9% a year earlier", "14%", "percent", p)
    right, _ = verdict("China's share fell to 9% of revenue from 14% a year earlier", "9%", "percent", p)
    assert swapped.status == "contradicted" and swapped.reason == "swapped_figures"
    assert right.status == "verified"


def test_a_pair_whose_bindings_cross_is_swapped_and_the_straight_pair_verified() -> None:
    p = page(
        "Kestrel AI has raised $4.5 billion in Series D funding at a $62 billion post-money valuation.",
        title="Kestrel AI announces Series D",
    )
    swapped, _ = verdict("Kestrel AI closed a $62bn Series D at a $4.5bn post-money valuation", "$62bn", "money", p)
    straight, _ = verdict("Kestrel AI closed a $4.5bn Series D at a $62bn post-money valuation", "$4.5bn", "money", p)
    assert swapped.status == "contradicted" and swapped.reason == "swapped_figures"
    assert straight.status == "verified"


def test_the_ends_of_a_range_are_not_a_pair() -> None:
    p = page("Firms renting computing power get a subsidy of 20%-30% of the cost.", title="Compute vouchers")
    d, _ = verdict("Firms renting computing power get a subsidy of 20%-30% of the cost", "20%", "percent", p)
    assert d.status == "verified"


def test_a_chinese_name_is_the_subject_not_the_event() -> None:
    from verifier.judge.frames import claim_frame
    from verifier.judge.matching import build_query

    sentence = "深度求索于 6 月 4 日发布并开源新模型"
    q = build_query(kind="date", sentence=sentence, key_text="6 月 4 日", key_start=sentence.find("6 月"), values=())
    concepts = tuple((c.terms, c.weight, c.source) for c in q.concepts)
    event = claim_frame(sentence, "6 月 4 日", concepts, q.context_names, names_measure=False)
    words = {t for terms, _ in event.weights for t in terms}
    assert "depth" not in words and "seek" not in words  # 深度 + 求索 are the name's pieces
    assert words & {"open", "sourc", "launch", "unveil", "issu"}  # 发布并开源 is the event


def test_a_figure_merely_inside_a_claimed_bound_needs_a_full_frame() -> None:
    p = page("Operators that reuse long prompts observe cache-hit rates above 80% in their traffic.", title="Caching")
    weak, _ = verdict("云迹智算上市首日收涨逾四成", "四成", "percent", p)
    assert weak.status != "verified"  # "more than 40%" of a listing is not met by any figure above 40%
    firm = page("Yunji Compute shares closed up 41% on their first day of trading in Hong Kong.", title="Yunji debut")
    d, _ = verdict("Yunji Compute shares closed up more than 40% on their first day of trading", "40%", "percent", firm)
    assert d.status == "verified"


def test_a_figure_paired_with_another_partner_on_the_page_is_a_mixed_pair() -> None:
    p = page(
        "Providers of general-purpose models face fines of up to 3% of their turnover or €15 million.",
        "The highest fines, for prohibited practices, can reach 7% of worldwide turnover or €35 million.",
        title="AI Act fines",
    )
    mixed, _ = verdict("Fines for model providers can reach 7% of global turnover or €15m", "7%", "percent", p)
    straight, _ = verdict("Fines for prohibited practices can reach 7% of global turnover or €35m", "7%", "percent", p)
    assert mixed.status == "contradicted" and mixed.reason == "swapped_figures"
    assert straight.status == "verified"


def test_a_figure_met_only_through_the_title_yields_to_one_whose_own_words_differ() -> None:
    p = page(
        "Microsoft today announced that it will invest $10 billion in Japan from 2026 through 2029.",
        "The company will also launch a $1 million research grant program for Japanese researchers.",
        title="Microsoft deepens its commitment to Japan with $10 billion investment",
    )
    garbled, _ = verdict("Microsoft 将在日本投资 100 万美元", "100 万美元", "money", p)
    right, _ = verdict("Microsoft 将在日本投资 100 亿美元", "100 亿美元", "money", p)
    assert garbled.status == "contradicted"
    assert right.status == "verified"


def test_transposed_digits_counting_the_same_thing_are_contradicted() -> None:
    p = page("Last updated: June 9, 2026 · 6,218,442 votes · 214 models", title="Text leaderboard")
    d, _ = verdict("榜单累计投票已超过 620 万次，共收录 241 个模型", "241 个", "count", p)
    assert d.status == "contradicted"


def test_the_figure_a_correction_note_names_is_contradicted_when_the_note_names_the_measure() -> None:
    p = page(
        "Updated on May 28 to correct the size of the after-hours share move in paragraph 2. An earlier version "
        "of this story said the shares rose 8.1%.",
        title="Halden forecast tops estimates",
    )
    d, _ = verdict("Halden shares jumped 8.1% in after-hours trading", "8.1%", "percent", p)
    assert d.status == "contradicted" and d.reason == "stale_figure"


def test_a_range_equal_at_both_ends_supports_with_less_of_the_frame() -> None:
    p = page("For the full fiscal year, Corvane expects:", "Capital expenditures of $14 billion to $16 billion.",
             title="Corvane reports results")
    d, _ = verdict("Corvane pencils in full-year capex at $14bn–$16bn", "$14bn", "money", p)
    other, _ = verdict("Corvane pencils in full-year capex at $14bn–$18bn", "$14bn", "money", p)
    assert d.status == "verified"
    assert other.status != "verified"


def test_what_a_figure_counts_is_compared_across_scripts() -> None:
    p = page("Once complete, the expansion will bring Alibaba Cloud's global infrastructure to 32 regions and 95 "
             "availability zones.",
             title="Alibaba Cloud to launch data centers")
    swapped, _ = verdict("扩建完成后全球基础设施将覆盖 95 个地域、32 个可用区", "95 个", "count", p)
    right, _ = verdict("扩建完成后全球基础设施将覆盖 32 个地域、95 个可用区", "32 个", "count", p)
    assert swapped.status != "verified"  # 95 counts availability zones, not regions (地域)
    assert right.status == "verified"


def test_a_reversed_range_is_contradicted_by_the_page_range() -> None:
    p = page("Industry groups estimated that compliance would cost providers between 2 million and 5 million "
             "euros per model per year.", title="EU names AI models posing systemic risk")
    reversed_, _ = verdict("An industry group puts compliance costs at €5m–€2m per model per year", "€5m", "money", p)
    right, _ = verdict("An industry group puts compliance costs at €2m–€5m per model per year", "€2m", "money", p)
    assert reversed_.status == "contradicted"
    assert right.status == "verified"


def test_a_figure_written_as_a_difference_has_a_direction() -> None:
    from verifier.judge.frames import offset_direction

    text = "Shares closed 27.4% above the offer price, while the index ended 1.2% below its open."
    assert offset_direction(text, text.index("27.4%") + 5) == 1
    assert offset_direction(text, text.index("1.2%") + 4) == -1
    assert offset_direction("revenue of 40% in the quarter", len("revenue of 40%")) == 0


def test_the_end_of_a_change_may_have_its_start_in_the_next_clause() -> None:
    from verifier.judge.frames import figure_role

    text = "Context window extended to 2M tokens, up from 256K in the previous release."
    assert figure_role(text, text.index("2M"), text.index("2M") + 9) == "to"
    alone = "Output is capped to 2M tokens, and the rest is dropped."
    assert figure_role(alone, alone.index("2M"), alone.index("2M") + 9) is None


def test_value_added_is_a_noun_not_a_rise_and_cuts_are_falls() -> None:
    from verifier.judge.frames import direction_of

    assert direction_of("工业增加值下降可能加快至6.6%") == -1  # 增加值 holds 增加 and says no change
    assert direction_of("plans to cut legal immigration to 50,000 a year") == -1
    assert direction_of("the grant was later reduced to 20 million euros") == -1
    assert direction_of("a boost to 3.1% growth") == 1


def test_a_change_is_bound_to_the_level_it_is_said_of() -> None:
    p = page(
        "Orbital Freight reported revenue of $3.4 billion, up 18% year over year.",
        "Its drone logistics unit brought in $860 million, up 55% year over year.",
        title="Orbital Freight results",
    )
    crossed, a = verdict("Orbital Freight revenue reached $3.4bn, up 55% on a year earlier, with drone logistics up 18%", "55%", "percent", p)
    straight, _ = verdict("Orbital Freight revenue reached $3.4bn, up 18% on a year earlier, with drone logistics up 55%", "18%", "percent", p)
    assert crossed.status == "contradicted" and crossed.reason == "swapped_figures"
    assert a.evidence[0].matched_value == "18%"
    assert straight.status == "verified"


def test_a_list_of_two_figures_keeps_its_order_across_languages() -> None:
    p = page("The fund lowered its outlook for this year and next, down from the 2.3% and 2.1% it expected in January.")
    reversed_list, a = verdict("该基金下调了今明两年的预期，而一月份的预期为 2.1% 和 2.3%", "2.1%", "percent", p)
    assert reversed_list.status == "contradicted" and reversed_list.reason == "swapped_figures"
    assert a.evidence[0].matched_value == "2.3%"
    for key in ("2.3%", "2.1%"):  # the words after a list ("it predicted in January") belong to each of its figures
        same_order, _ = verdict("该基金下调了今明两年的预期，而一月份的预期为 2.3% 和 2.1%", key, "percent", p)
        assert same_order.status == "verified", key


def test_parallel_clauses_bind_their_figures_by_their_whole_segments() -> None:
    p = page(
        "Officials said bookings for the Harbin Beer Festival have reached 72%, and those for the Lantern Fair have passed 45%.",
        title="Festival bookings",
    )
    crossed, a = verdict("据官方称，哈尔滨啤酒节预订率已达到 45%，灯会预订率也超过了 72%", "45%", "percent", p)
    straight, _ = verdict("据官方称，哈尔滨啤酒节预订率已达到 72%，灯会预订率也超过了 45%", "72%", "percent", p)
    assert crossed.status == "contradicted" and a.evidence[0].matched_value == "72%"
    assert straight.status == "verified"


def test_a_date_beside_another_event_yields_to_the_date_of_the_claims_event() -> None:
    p = page(
        "更新（5 月 12 日）：评测平台于 5 月 12 日将 Orion-2 加入榜单，该模型是排名最高的开源模型。",
        "5 月 7 日，星河智能正式发布并开源新一代模型 Orion-2，并公布了技术报告。",
        title="星河智能发布 Orion-2",
    )
    moved, a = verdict("星河智能于 5 月 12 日发布并开源 Orion-2", "5 月 12 日", "date", p)
    right, _ = verdict("星河智能于 5 月 7 日发布并开源 Orion-2", "5 月 7 日", "date", p)
    assert moved.status == "contradicted" and a.evidence[0].matched_value == "5 月 7 日"
    assert right.status == "verified"


def test_the_two_ends_of_a_change_share_their_measure() -> None:
    p = page("Growth in online sales eased from more than 50% to less than 40% in 2015.", title="Online retail")
    d, a = verdict("2015年，网上销售增速首次低于40%", "40%", "percent", p)
    assert d.status == "verified" and a.evidence[0].matched_value == "40%"


def test_a_depreciation_is_a_fall() -> None:
    p = page("The peso's reference rate was fixed at 18.2150, a depreciation of 45 basis points.", title="Peso")
    down, _ = verdict("比索参考汇率报 18.2150，贬值 45 基点", "45 基点", "percent", p)
    up, _ = verdict("比索参考汇率报 18.2150，升值 45 基点", "45 基点", "percent", p)
    assert down.status == "verified"
    assert up.status != "verified"  # an appreciation is not what the page says


def test_a_one_digit_amount_slipped_by_ten_beside_another_amount_is_a_lone_slip() -> None:
    from claims.values import parse_values
    from verifier.judge.compare import compare_values
    from verifier.judge.numbers import _lone_slip

    (claimed,) = [v for v in parse_values("安娜离开时获得了 2 亿美元") if v.kind == "money"]
    page_values = [v for v in parse_values("Anna received $20 million on her departure, and Bruno $35 million.") if v.kind == "money"]
    slip = _lone_slip(claimed, [(v, compare_values(claimed, v)) for v in page_values])
    assert slip is not None and slip[0].raw == "$20 million"
    # one of the passage's amounts is the claim's own: no slip
    (right,) = [v for v in parse_values("布鲁诺获得了 3500 万美元") if v.kind == "money"]
    assert _lone_slip(right, [(v, compare_values(right, v)) for v in page_values]) is None
    # a one-digit count meets round figures by chance: only amounts count
    (count,) = parse_values("录用了 2 万人")
    hired = parse_values("they hired 200,000 people and 35,000 contractors")
    assert _lone_slip(count, [(v, compare_values(count, v)) for v in hired]) is None


def test_a_crossing_seen_from_both_ends_needs_one_word_each() -> None:
    p = page(
        "Online sales of physical goods reached about RMB6.12 trillion, while online sales of services reached nearly RMB2.37 trillion.",
        title="Retail",
    )
    crossed, a = verdict("其中，实物商品网上零售额近 2.37 万亿元，服务网上零售额近 6.12 万亿元", "2.37 万亿元", "money", p)
    straight, _ = verdict("其中，实物商品网上零售额近 6.12 万亿元，服务网上零售额近 2.37 万亿元", "6.12 万亿元", "money", p)
    assert crossed.status == "contradicted" and a.evidence[0].matched_value == "RMB6.12 trillion"
    assert straight.status == "verified"


def test_traditional_script_meets_the_dictionary_as_simplified() -> None:
    """The dictionary bridge reads Traditional words through their Simplified form: 扣除費用後 gives the same
    English as 扣除费用后 (jieba's dictionary is Simplified)."""
    from verifier.judge.frames import clause_words

    assert clause_words("扣除費用後募資") == clause_words("扣除费用后募资")
    assert {"cost", "deduct"} <= clause_words("扣除費用後")



def test_two_list_items_with_words_of_their_own_are_read_item_by_item() -> None:
    # each item of "诞辰 120 周年、逝世 60 周年" owns its words, which the page writes after its figures
    p = page("This year marks the 120th anniversary of the novelist Lin Yuan's birth and the 60th anniversary of his death.")
    right = "今年是作家林远诞辰120周年、逝世60周年。"
    for key in ("120周年", "60周年"):
        d, _ = verdict(right, key, "count", p)
        assert d.status == "verified", key
    swapped = "今年是作家林远诞辰60周年、逝世120周年。"
    d, a = verdict(swapped, "60周年", "count", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "120th"


def test_the_words_before_a_comparisons_from_belong_to_the_figure_before_it() -> None:
    p = page("Factory output edged up to 1.8% in the third quarter from 1.1% in the previous three months.")
    claim = "第三季度工厂产出增至 1.8%，而前三个月只有 1.1%。"
    for key in ("1.8%", "1.1%"):
        d, _ = verdict(claim, key, "percent", p)
        assert d.status == "verified", key


def test_a_total_of_is_what_gong_you_says() -> None:
    # 全球 glosses "total" too: unless 共有 is "a total of" as well, the page's "total" looks like the 80's
    p = page("Of the 80 banks in the worldwide review, a total of 26 banks (or 32.5%) set no limits on lending.")
    claim = "在全球接受评估的80家银行中，共有26家银行（或占比32.5%）未设贷款限制。"
    for key in ("80家", "26家"):
        d, _ = verdict(claim, key, "count", p)
        assert d.status == "verified", key


def test_the_base_of_a_change_is_read_next_to_its_figure() -> None:
    from verifier.judge.frames import comparison_basis

    text = "Revenue was $4.2 billion, up 18% from the previous quarter and up 41% from a year ago."
    spans = [(m.start(), m.end()) for m in re.finditer(r"\$4\.2 billion|18%|41%", text)]
    assert comparison_basis(text, *spans[1], spans) == "bstep"
    assert comparison_basis(text, *spans[2], spans) == "byoy"
    assert comparison_basis(text, *spans[0], spans) is None
    zh = "营收同比增长32%，环比增长5%"
    assert comparison_basis(zh, zh.find("32%"), zh.find("32%") + 3) == "byoy"
    assert comparison_basis(zh, zh.find("5%"), zh.find("5%") + 2) == "bstep"
    tw = "10月營收年減8.2%，月增3.1%"
    assert comparison_basis(tw, tw.find("8.2%"), tw.find("8.2%") + 4) == "byoy"
    assert comparison_basis(tw, tw.find("3.1%"), tw.find("3.1%") + 4) == "bstep"


def test_more_than_is_a_bound_and_compared_with_starts_a_comparison() -> None:
    from verifier.judge.frames import figure_role, is_base_figure

    text = "It supports more than 100 models"
    assert figure_role(text, text.find("100"), text.find("100") + 3) is None
    text = "Gross margin was 71.3%, compared with 64.8% in the same quarter last year"
    assert is_base_figure(text, text.find("64.8%"), text.find("64.8%") + 5, 0)
    text = "It raised the money from 12 investors"
    assert not is_base_figure(text, text.find("12"), text.find("12") + 2, 0)  # a plain "from" with no change


def test_a_figure_takes_the_year_written_next_to_it_not_across_a_join() -> None:
    from verifier.judge.frames import own_years, period_marks

    en = "The share rose from 14.2% in 2026 to 17.5% in 2027"
    marks = period_marks(en)
    a, b = en.find("14.2%"), en.find("17.5%")
    assert own_years(marks, en, a, a + 5, 0, b) == {"y2026"}
    assert own_years(marks, en, b, b + 5, a + 5, len(en)) == {"y2027"}
    zh = "比重将由2026年的14.2%提高至2027年的17.5%"
    a, b = zh.find("14.2%"), zh.find("17.5%")
    assert own_years(period_marks(zh), zh, a, a + 5, 0, b) == {"y2026"}
    assert own_years(period_marks(zh), zh, b, b + 5, a + 5, len(zh)) == {"y2027"}


def test_a_fiscal_year_is_its_own_mark() -> None:
    from verifier.judge.frames import period_marks, periods_conflict

    fiscal = period_marks("results for the third quarter of fiscal 2027, ended October 26, 2026")
    assert {"fiscal", "fy2027", "q3"} <= fiscal
    assert periods_conflict(period_marks("2026 年第三季度"), fiscal)
    assert not periods_conflict(period_marks("2027 财年第三季度"), period_marks("the third quarter of fiscal 2027"))
    assert "fy2026" in period_marks("FY26 revenue")


def test_a_year_after_a_comma_is_a_year_and_older_than_is_a_bound() -> None:
    from verifier.judge.frames import is_base_figure, period_marks

    assert period_marks("18% in 2008, but since then") == {"y2008"}
    assert period_marks("只有3%,2008年也仅为18%") == {"y2008"}  # the matching view's comma
    assert period_marks("2,008 units") == frozenset()
    text = "judged to be older than 18"
    assert not is_base_figure(text, text.find("18"), text.find("18") + 2, 0)


def test_a_half_years_figure_is_no_quarters() -> None:
    from verifier.judge.frames import period_marks, periods_conflict

    assert periods_conflict(period_marks("Q2 operating profit"), period_marks("H1 FY2026"))
    assert not periods_conflict(period_marks("Q2 operating profit"), period_marks("Q2 FY2026"))
    assert not periods_conflict(period_marks("上半年营收"), period_marks("first half"))


def test_a_note_correcting_to_a_figure_not_another_marks_the_other_stale() -> None:
    text = "(This story corrects the amount raised in paragraph 1 to $1.4 billion, not $1.2 billion, after the company clarified it)"
    stale = [text[a:b] for a, b in stale_spans(text)]
    assert any("$1.2 billion" in s for s in stale) and not any("$1.4 billion" in s for s in stale)
    zh = "更正：本文第一段融资金额应为14亿美元，而非12亿美元。"
    assert any("12亿美元" in zh[a:b] for a, b in stale_spans(zh))


def test_each_name_of_a_list_owns_the_figure_after_it() -> None:
    """"Hoshida 51%, Kanemura 34% and Tessaly 15%": a claim giving Kanemura 15% and Tessaly 34% swaps the
    pair (the name after a separator is the next figure's, and a percent after a name is no version)."""
    p = page(
        "The three companies will invest a combined 45 billion yen over three years. Hoshida will hold 51% of "
        "the new company, Kanemura 34% and Tessaly 15%.",
        title="Hoshida forms robotics venture with Kanemura and Tessaly",
    )
    claim = "Venture stakes: Hoshida 51%, Kanemura 15%, Tessaly 34%."
    assert verdict(claim, "15%", "percent", p)[0].status == "contradicted"
    assert verdict(claim, "34%", "percent", p)[0].status == "contradicted"
    right = "Venture stakes: Hoshida 51%, Kanemura 34%, Tessaly 15%."
    assert verdict(right, "34%", "percent", p)[0].status == "verified"
    assert verdict(right, "15%", "percent", p)[0].status == "verified"


def test_the_name_before_an_appositive_is_the_subject_of_the_clause_after_it() -> None:
    """"Halden Micro, a smaller rival, reported a gross margin of 49.6% … down from 51.3% a year earlier":
    the 49.6% is Halden Micro's margin now, so a claim that it held at 51.3% is contradicted."""
    p = page(
        "Corvane Systems said its gross margin widened to 61.2% in the quarter from 58.8% a year earlier. "
        "Halden Micro, a smaller rival, reported a gross margin of 49.6% for its third quarter, down from 51.3% "
        "a year earlier.",
        title="Chipmakers' margins split as memory prices climb",
    )
    assert verdict("Halden Micro's gross margin held at 51.3% in its third quarter.", "51.3%", "percent", p)[0].status == "contradicted"
    assert verdict("Halden Micro's gross margin was 49.6% in its third quarter.", "49.6%", "percent", p)[0].status == "verified"


def test_a_quarter_written_as_its_calendar_months() -> None:
    assert {"q4"} <= period_marks("prices rose 18% in the October-December quarter")
    assert {"q3"} <= period_marks("net sales in the July–September quarter")
    assert {"q3"} <= period_marks("7月至9月营收") and {"q4"} <= period_marks("10-12月出货量")
    assert not {m for m in period_marks("1-9月累计") if m in {"q1", "q3"}}  # nine months: no one quarter
    # a calendar quarter against a calendar quarter differs; against a fiscal one it says nothing
    assert periods_conflict(period_marks("rose 18% in Q3"), period_marks("rose 18% in the October-December quarter"))
    assert not periods_conflict(
        period_marks("net sales in the July–September quarter"), period_marks("second quarter of fiscal 2026")
    )


def test_a_correction_from_one_figure_to_another_leaves_the_new_one_current() -> None:
    text = "【更新】官方更正：深境-3 的成绩由此前公布的63.5%更正为61.8%，原因是评测脚本重复计入样例。"
    assert [text[a:b] for a, b in stale_spans(text)] == ["此前公布的63.5%"]
    english = "Correction: the capacity was revised from 350 MW to 400 MW."
    assert [english[a:b] for a, b in stale_spans(english)] == ["350 MW "]


def test_a_price_lists_in_and_out_are_input_and_output() -> None:
    """"$12 in / $2.50 out per 1M tokens" against a table whose "Input" column gives $2.50 and "Output"
    $12.00: both figures are swapped; the straight pair is verified."""
    p = page(
        ("Model | Input | Cached input | Output | Context window", "th"),
        ("Atlas 5 | $2.50 | $0.25 | $12.00 | 400K", "td"),
        title="Introducing Atlas 5 — API pricing (USD per 1M tokens)",
    )
    swapped = "Atlas 5: $12 in / $2.50 out per 1M tokens"
    assert verdict(swapped, "$12", "money", p)[0].status == "contradicted"
    assert verdict(swapped, "$2.50", "money", p)[0].status == "contradicted"
    straight = "Atlas 5: $2.50 in / $12 out per 1M tokens"
    assert verdict(straight, "$2.50", "money", p)[0].status == "verified"
    assert verdict(straight, "$12", "money", p)[0].status == "verified"


def test_the_rate_after_a_price_is_its_own_not_the_next_prices() -> None:
    """"$1.20 per million input tokens and $0.30 per million output": "input" is the first price's side, so the
    second names only "output", and a page giving $0.30 to input and $1.20 to output swaps the pair."""
    p = page(
        "Tarn-4 costs $2.50 per million input tokens and $10.00 per million output tokens. Tarn-4 Mini is priced at "
        "$0.30 per million input tokens and $1.20 per million output tokens.",
        title="Introducing Tarn-4",
    )
    claim = "The Mini costs $1.20 per million input tokens and $0.30 per million output."
    assert verdict(claim, "$0.30", "money", p)[0].status == "contradicted"
    straight = "The Mini costs $0.30 per million input tokens and $1.20 per million output."
    assert verdict(straight, "$1.20", "money", p)[0].status == "verified"


def test_a_clause_introducing_what_follows_gives_its_period() -> None:
    """"Halcyon's outlook for the fourth quarter of fiscal 2027 is as follows: Revenue is expected to be $7.1
    billion": a claim giving the guidance for Q1 2027 has its period wrong."""
    p = page(
        "Halcyon's outlook for the fourth quarter of fiscal 2027 is as follows: Revenue is expected to be $7.1 "
        "billion, plus or minus 2%.",
        title="Halcyon Micro reports third quarter fiscal 2027 results",
    )
    d, _ = verdict("Halcyon guided first-quarter 2027 revenue to about $7.1 billion.", "$7.1 billion", "money", p)
    assert (d.status, d.reason) == ("contradicted", "wrong_period")
    d, _ = verdict("Halcyon guided fourth-quarter revenue to about $7.1 billion.", "$7.1 billion", "money", p)
    assert d.status == "verified"


def test_a_sentence_naming_no_model_is_not_backed_by_one_models_row() -> None:
    """"Pricing is $0.50 … and $3.20 per million output tokens" (the model named in the sentence before) against
    a table of several models: $3.20 is one model's output price, but which model the claim prices its
    sentence does not say, so the row does not verify it."""
    p = page(
        ("Model | Input | Output | Context", "th"),
        ("Halden 3.5 | $0.50 | $2.00 | 256K", "td"),
        ("Halden 3.1 | $0.80 | $3.20 | 128K", "td"),
        title="Introducing Halden 3.5",
    )
    assert verdict("Pricing is $0.50 per million input tokens and $3.20 per million output tokens.", "$3.20", "money", p)[0].status != "verified"
    assert verdict("Halden 3.5 costs $2.00 per million output tokens.", "$2.00", "money", p)[0].status == "verified"


def test_a_row_of_a_model_the_claim_does_not_name_does_not_back_it() -> None:
    """"Brevik Labs released Saga 4, which replaces Saga 3.1; it lists at $8.00 per million output tokens"
    against a pricing table whose $8.00 is the "Saga 3.2 (legacy)" row's: neither the claim nor the page's
    title names Saga 3.2, so its row is not the claim's."""
    p = page(
        ("Model | Input | Output | Context", "th"),
        ("Saga 4 | $1.60 | $6.40 | 512K", "td"),
        ("Saga 3.2 (legacy) | $2.00 | $8.00 | 256K", "td"),
        title="Introducing Saga 4",
    )
    claim = "Brevik Labs released Saga 4, which replaces Saga 3.1 as its default model; it lists at $1.60 per million input tokens and $8.00 per million output tokens"
    assert verdict(claim, "$8.00", "money", p)[0].status != "verified"
    assert verdict(claim, "$1.60", "money", p)[0].status == "verified"


def test_another_entitys_figure_against_the_subjects_own() -> None:
    """"Its Reno campus runs a 100,000-accelerator cluster" (Orrin Labs) against "Orrin's largest site … outside
    Reno, houses about 64,000 accelerators. Its biggest rival, Pellucid AI, says it runs a single
    100,000-accelerator cluster": the 100,000 is the rival's, and Orrin's own figure differs."""
    p = page(
        "Orrin's largest site, a 220 MW campus outside Reno, houses about 64,000 accelerators. Its biggest rival, "
        "Pellucid AI, says it runs a single 100,000-accelerator cluster in Ohio.",
        title="Inside the inference land grab",
    )
    claim = "Orrin Labs keeps growing. Its Reno campus runs a 100,000-accelerator cluster."
    assert verdict(claim, "100,000", "count", p)[0].status == "contradicted"


def test_quarter_codes_written_quarter_first() -> None:
    assert period_marks("first shipments in 2Q27") == {"q2", "y2027"}
    assert period_marks("guides 4QFY26 revenue") >= {"q4", "fiscal", "fy2026"}
    assert periods_conflict(period_marks("rose 18% in 3Q26"), period_marks("rose 18% in the fourth quarter of 2026"))


def test_a_measure_said_after_a_conjunction_is_the_next_figures() -> None:
    from verifier.judge.frames import segment_span

    text = "GAAP gross margin was 61.2% and non-GAAP gross margin was 63.0%."
    first, second = text.find("61.2%"), text.find("63.0%")
    s, e = segment_span(text, first, first + 5, [(second, second + 5)])
    assert text[s:e] == "GAAP gross margin was 61.2%"
    rise = "revenue of $4.72 billion, up 54% from a year ago and up 12% from the previous quarter"
    at, nxt = rise.find("54%"), rise.find("12%")
    s, e = segment_span(rise, at, at + 3, [(nxt, nxt + 3)])
    assert rise[s:e].endswith("from a year ago and up ")  # "up" alone names no measure: nothing cut
    # … with no verb of its own, or after an article in a relative clause
    for text, cut in (
        ("GAAP diluted EPS was $1.38 and non-GAAP diluted EPS $1.12 for the quarter", "GAAP diluted EPS was $1.38"),
        ("earnings of $1.83 a share and a gross margin that slipped to 42%", "earnings of $1.83 a share"),
    ):
        first = text.find("$1.")
        second = text.find("$1.12") if "$1.12" in text else text.find("42%")
        s, e = segment_span(text, first, first + 5, [(second, second + 4)])
        assert text[s:e] == cut
    # … or as its negation alone, the measure elided: "and non-GAAP 41.8%" is the next figure's
    text = "On margins, GAAP gross margin 44.6% and non-GAAP 41.8%"
    first, second = text.find("44.6%"), text.find("41.8%")
    s, e = segment_span(text, first, first + 5, [(second, second + 5)])
    assert text[s:e].strip() == "GAAP gross margin 44.6%"


def test_a_share_is_no_comparison_and_a_direction_stays_in_its_sentence() -> None:
    """占比 is a share, not 比 ("than"): "研发人员占比约75%" is the level now, and meets "约占四分之三"; a fall said in
    the next sentence ("成本较去年下降约35%") is not the share's, so "价格降了七成" finds no support in "占比68%"."""
    from verifier.judge.frames import is_base_figure

    text = "团队方面，深衡智能目前员工约420人，其中研发人员占比约75%。"
    at = text.find("75%")
    assert not is_base_figure(text, at, at + 3, 0)
    than = "收入比去年的12.8亿元增长20%"
    at = than.find("12.8")
    assert is_base_figure(than, at, at + 7, 1)
    p = page("团队方面，深衡智能目前员工约420人，其中研发人员占比约75%。", title="深衡智能完成C轮融资")
    d, _ = verdict("深衡智能员工约420人，研发人员约占四分之三", "四分之三", "percent", p)
    assert d.status == "verified"
    q = page("目前穹析共有员工约650人，其中研发人员占比68%。单台整机物料成本较去年下降约35%。", title="穹析智能完成B轮融资")
    d, _ = verdict("国产大模型API价格今年平均降了七成", "七成", "percent", q)
    assert d.status != "verified"


def test_a_sentence_start_read_back_is_the_last_sentence_end_read_forward() -> None:
    """``_sentence_start`` reads back from a clause what ``_SENTENCE_END`` finds forward from the passage's start."""
    import random

    from verifier.judge.statements import _SENTENCE_END, _sentence_start

    rng = random.Random(7)
    for _ in range(5_000):
        text = "".join(rng.choice("ab .!?。！？;；\n1") for _ in range(rng.randint(0, 30)))
        at = rng.randint(0, len(text))
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
        assert _sentence_start(text, at) == (ends[-1] if ends else 0), (text, at)


def test_a_total_over_this_week_is_not_one_over_the_year_so_far() -> None:
    assert span_marks("本周国内机器人领域融资总额超过30亿元") == {"sweek"}
    assert span_marks("今年以来已有25家企业获得融资") == {"sytd"}
    assert span_marks("so far this year the sector raised $3 billion") == {"sytd"}
    assert span_marks("this month's sales") == {"smonth"} and span_marks("revenue rose 12% in the quarter") == set()
    assert periods_conflict(period_marks("本周融资总额超过30亿元"), period_marks("今年以来合计募资超过90亿元"))
    assert not periods_conflict(period_marks("这周的信号：今年已有超过25家企业拿到融资"), period_marks("今年以来已有超过25家企业获得融资"))


def test_this_weeks_total_is_not_contradicted_by_the_years_total_so_far() -> None:
    p = page("业内人士表示，今年以来已有5家机器人企业在科创板上市，合计募资超过90亿元。", title="机器人企业密集上市")
    d, _ = verdict("据统计，本周国内机器人领域融资总额超过30亿元", "30亿元", "money", p)
    assert d.status == "unverified"
    week = page("据统计，本周国内机器人领域融资总额超过90亿元。", title="本周融资盘点")
    wrong, _ = verdict("据统计，本周国内机器人领域融资总额超过30亿元", "30亿元", "money", week)
    assert wrong.status == "contradicted"


def test_the_writers_own_estimate_is_answered_only_by_a_pages_forecast() -> None:
    p = page("Marlow said the project will cost about US$4.2 billion in total, making it one of the largest single AI "
             "data center investments announced in Asia.", title="Marlow breaks ground on AI data center campus")
    d, _ = verdict("我们估计今年亚洲AI数据中心投资总额将突破200亿美元", "200亿美元", "money", p)
    assert d.status == "unverified"
    ahead = page("Analysts expect total AI data centre investment in Asia to reach about US$12 billion this year.",
                 title="Asia AI data centre outlook")
    wrong, _ = verdict("我们估计今年亚洲AI数据中心投资总额将突破200亿美元", "200亿美元", "money", ahead)
    assert wrong.status == "contradicted"


def test_groups_sharing_a_term_are_one_concept() -> None:
    """收入 read as the figure's noun and as a word of its clause is one concept: a page figure's words naming the
    sentence's other figure's two concepts ("Automotive and Edge revenue") outweigh its one ("revenue")."""
    from verifier.judge.frames import _distinct_hits

    revenue, revenue_again = frozenset({"revenu", "sal", "incom"}), frozenset({"revenu", "take"})
    words = frozenset({"automot", "edge", "revenu"})
    assert _distinct_hits([revenue, revenue_again, frozenset({"data", "center"})], words) == 1
    assert _distinct_hits([frozenset({"automot", "car"}), frozenset({"edge"}), frozenset({"busines"})], words) == 2


def test_automotive_is_the_car_business() -> None:
    from claims.bridge import english_terms, stem

    assert stem("automotive") in english_terms("汽车")


def test_a_noun_said_once_for_two_parallel_figures_is_no_figures_own() -> None:
    """"数据中心收入4.12亿美元，汽车与边缘业务26.8亿美元": 收入 is said once for both segments' figures, so a page figure
    in the other segment's words ("Automotive and Edge revenue was $412 million") is that segment's, whatever its
    value: the swapped pair is contradicted both ways."""
    p = page(
        "Revenue for the quarter was a record $3.42 billion, up 14% from the previous quarter.",
        "Data Center revenue was a record $2.68 billion, up 96% from a year ago and up 17% from the previous quarter, "
        "driven by shipments of the company's accelerator systems to cloud service providers.",
        "Automotive and Edge revenue was $412 million, down 6% from a year ago, as customers worked through inventory "
        "of prior-generation driver-assistance chips.",
        title="Northvane Semiconductor Reports Third Quarter Fiscal 2027 Financial Results",
    )
    for key in ("4.12亿美元", "26.8亿美元"):
        d, _ = verdict("其中数据中心收入4.12亿美元，汽车与边缘业务26.8亿美元", key, "money", p)
        assert d.status == "contradicted", key


def test_the_right_order_of_a_parallel_pair_after_a_total_is_no_swap() -> None:
    """"营收34.2亿美元，其中数据中心收入26.8亿美元，汽车与边缘业务4.12亿美元": 收入 is said once for both segments, so it does
    not tell the data-centre figure from the automotive one; the right order is verified, not read as a swap."""
    p = page(
        "Data Center revenue was a record $2.68 billion, up 96% from a year ago.",
        "Automotive and Edge revenue was $412 million, down 6% from a year ago.",
        title="Northvane Semiconductor Reports Third Quarter Fiscal 2027 Financial Results",
    )
    right = "Northvane第三财季营收34.2亿美元，其中数据中心收入26.8亿美元，汽车与边缘业务4.12亿美元"
    for key in ("26.8亿美元", "4.12亿美元"):
        d, _ = verdict(right, key, "money", p)
        assert d.status == "verified", key


def test_a_day_in_another_cell_of_a_table_row_is_no_period_of_its_figures() -> None:
    from verifier.judge.frames import claim_frame

    row = "| Tarnwell Cloud | 法兰克福主权AI区域 | 投资24亿美元 | — | 2027/03/15 正式商用 |"
    assert not {m for m in claim_frame(row, "24亿美元", ()).periods if m.startswith("y")}
    year_row = "| Tarnwell Cloud | 2027年 | 投资24亿美元 |"
    assert "y2027" in claim_frame(year_row, "24亿美元", ()).periods  # a year written as the row's period still is


def test_a_second_predicate_after_the_figure_lends_it_neither_its_words_nor_its_period() -> None:
    p = page("Norvik Robotics has about 320 employees and plans to reach 500 by the end of 2027, the company said.")
    d, _ = verdict(
        "Norvik Robotics has about 320 employees and expects first deliveries in the second half of 2028.", "320", "count", p
    )
    assert d.status == "verified"
    frame = claim_frame("Norvik has 320 staff and will open a plant in 2028.", "320", ())
    assert not frame.periods


def test_a_price_halved_is_a_fall_a_rise_of_half_does_not_back() -> None:
    p = page("Vela raised the price of its Pro subscription by 50% on Monday, its first increase since launch.")
    d, _ = verdict("Vela 的 Pro 订阅价格腰斩", "腰斩", "percent", p)
    assert d.status != "verified"
    p = page("Vela cut the price of its Pro subscription by 50% on Monday, its first cut since launch.")
    d, _ = verdict("Vela 的 Pro 订阅价格腰斩", "腰斩", "percent", p)
    assert d.status == "verified"


def test_making_up_a_share_is_no_rise() -> None:
    assert direction_of("AI servers made up 68% of November revenue") == 0
    assert direction_of("They signed up 40 customers") == 0
    assert direction_of("Revenue was up 12%") == 1
    p = page("鼎泰電腦11月合併營收新台幣842.6億元，月增11.4%，年增67.9%，創單月歷史新高。")
    d, _ = verdict("Dingtai's AI servers made up 68% of its November revenue (鼎泰電腦).", "68%", "percent", p)
    assert d.status != "verified"  # a rise of 67.9% on a year before is no share of revenue
