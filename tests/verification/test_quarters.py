"""Quarters written out ("the third quarter of 2028") are dates compared as values, and a word of a name
that the sentence also writes as a plain word still says what the claim measures."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict


def test_a_quarter_written_out_meets_its_code_and_differs_from_the_next() -> None:
    p = page("Orrin said on Tuesday that Halden 4 will ship in the fourth quarter of 2027, later than planned.")
    d, a = verdict("Orrin said Halden 4 will ship in Q3 2027.", "Q3 2027", "date", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "fourth quarter of 2027")
    d, _ = verdict("Orrin said Halden 4 will ship in Q4 2027.", "Q4 2027", "date", p)
    assert d.status == "verified"


def test_a_name_word_the_sentence_also_writes_as_a_word_still_measures() -> None:
    """"Power" of Brightline Power & Data is a name; "First power" later in the sentence is the event."""
    p = page("Brightline expects to invest $7.5 billion in the campus. First power is expected in the third quarter of 2027.")
    d, _ = verdict(
        "Brightline Power & Data is expanding its campus. First power is due in the third quarter of 2027.",
        "third quarter of 2027", "date", p,
    )
    assert d.status == "verified"


def test_a_half_does_not_confirm_a_quarter_of_it() -> None:
    p = page("Orrin expects the plant to open in the second half of 2027.")
    d, _ = verdict("Orrin expects the plant to open in the third quarter of 2027.", "third quarter of 2027", "date", p)
    assert d.status == "unverified"
    d, _ = verdict("Orrin expects the plant to open in the second half of 2027.", "second half of 2027", "date", p)
    assert d.status == "verified"


def test_a_sentence_opening_on_its_quarter_gives_it_to_the_figures_after() -> None:
    """"In the third quarter of 2026, … $5.2 billion" is no support for $5.2 billion in the second quarter."""
    p = page("In the third quarter of 2026, Orrin revenue rose 21% to $5.2 billion, while operating margin fell to 18%.")
    d, _ = verdict("Orrin's revenue reached $5.2 billion in the second quarter of 2026.", "$5.2 billion", "money", p)
    assert d.status != "verified"
    d, _ = verdict("In the third quarter of 2026 Orrin's revenue reached $5.2 billion.", "$5.2 billion", "money", p)
    assert d.status == "verified"


def test_a_forecast_revised_up_reads_its_new_level() -> None:
    """"由原先規劃的32億美元上修至38億美元": 上修至 (revised up to) joins the two ends of one change, and an
    attribute may stand between 由 and its start."""
    p = page("資本支出方面,矽晟將今年資本支出由原先規劃的32億美元上修至38億美元,約為2024年19億美元的2倍。")
    d, _ = verdict("矽晟同步将今年资本支出上修至38亿美元", "38亿美元", "money", p)
    assert d.status == "verified"
    d, _ = verdict("矽晟同步将今年资本支出上修至32亿美元", "32亿美元", "money", p)
    assert d.status == "contradicted"


def test_a_quarter_code_meets_the_quarter_written_in_words() -> None:
    p = page("Vellmar Data reported third-quarter revenue of €1.36 billion, up 29% from a year earlier.",
             "Rival Nordhaven Digital reported quarterly revenue of €410 million.", title="Vellmar Data raises forecast")
    d, _ = verdict("- Q3 revenue €1.36bn, +29%", "€1.36bn", "money", p)
    assert d.status == "verified"
    d, _ = verdict("- Q3 revenue €1.63bn, +29%", "€1.63bn", "money", p)
    assert d.status == "contradicted"


def test_a_fiscal_quarter_in_chinese_is_a_quarter() -> None:
    """第四财季 is the fourth fiscal quarter: an outlook the page gives for the third is another period's."""
    p = page("For the third quarter of fiscal 2027, Corvane expects revenue of $7.30 billion, plus or minus 2%.",
             title="Corvane Systems Reports Second Quarter Fiscal 2027 Financial Results")
    d, _ = verdict("Corvane 预计第四财季营收73亿美元左右", "73亿美元", "money", p)
    assert d.status == "contradicted"
    d, _ = verdict("Corvane 预计第三财季营收73亿美元左右", "73亿美元", "money", p)
    assert d.status == "verified"


def test_a_share_that_climbed_reads_its_new_level() -> None:
    """"由前一季的35%攀升至41%": 41% is the share now, written after its measure's start, so "已逾四成" holds."""
    p = page("產品組合方面，AI與高效能運算(HPC)相關營收占比由前一季的35%攀升至41%，首度突破四成。",
             title="矽晟第三季獲利創高")
    d, _ = verdict("矽晟AI與高效能運算相關營收占比已逾四成", "四成", "percent", p)
    assert d.status == "verified"
    d, _ = verdict("矽晟AI與高效能運算相關營收占比已達41%", "41%", "percent", p)
    assert d.status == "verified"


def test_a_half_of_the_fiscal_year_is_not_the_calendar_half() -> None:
    """The same half read from "fiscal 2027" and "calendar 2027" is two periods: the page's basis contradicts
    the claim's; a page that names no basis neither contradicts nor is taken for the other."""
    p = page("Orrin remains on track to begin volume production of Halden 4 in the first half of calendar 2027.")
    d, a = verdict("Halden 4 volume production in the first half of fiscal 2027.", "first half of fiscal 2027", "date", p)
    assert (d.status, d.reason, a.evidence[0].matched_value) == ("contradicted", "wrong_period", "first half of calendar 2027")
    d, _ = verdict("Halden 4 volume production in the first half of calendar 2027.", "first half of calendar 2027", "date", p)
    assert d.status == "verified"
    plain = page("Orrin remains on track to begin volume production of Halden 4 in the first half of 2027.")
    d, _ = verdict("Halden 4 volume production in the first half of fiscal 2027.", "first half of fiscal 2027", "date", plain)
    assert d.status != "contradicted"


def test_a_ratio_the_page_gives_for_the_period_before_is_contradicted() -> None:
    p = page("Net debt stood at 3.1 times adjusted EBITDA at the end of September, down from 3.6 times at the end of June.")
    d, a = verdict("- Net debt/EBITDA 3.6x at end-September.", "3.6x", "count", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "3.1 times")
    d, _ = verdict("- Net debt/EBITDA 3.1x at end-September.", "3.1x", "count", p)
    assert d.status == "verified"


def test_the_base_of_a_comparison_is_not_the_claims_subject() -> None:
    """"比Lyra 4.1低约17%": Lyra 4.1 is what the price is compared with; the page's "about 17% lower than Lyra
    4.1's" supports it, and Lyra 4.1's own benchmark score beside it is no contradiction."""
    p = page(
        "On SWE-Verified+, Lyra 5 scores 78.4%, up from 69.1% for Lyra 4.1.",
        "Lyra 5's input price is about 17% lower than Lyra 4.1's, and its output price is 20% lower.",
        title="Introducing Lyra 5",
    )
    d, _ = verdict("Lumora Labs发布新一代模型Lyra 5，输入价格为每百万token 2.5美元，比Lyra 4.1低约17%", "17%", "percent", p)
    assert d.status == "verified"


def test_a_frame_of_nothing_but_expected_contradicts_nothing() -> None:
    """"首期300兆瓦预计2027年第三季度投运" names no measure the reader knows besides 预计 (expected): the page's
    "the full 1.2GW expected by 2030" is no other date for it."""
    p = page("The first phase, a 300MW building, is due to come online in the third quarter of 2027, with the full 1.2GW expected by 2030.")
    d, _ = verdict("首期300兆瓦预计2027年第三季度投运，园区将于2029年全部建成", "2027年第三季度", "date", p)
    assert d.status != "contradicted"


def test_a_rank_claimed_in_words_needs_a_passage_that_ranks() -> None:
    """"市占率居国内第一" is not confirmed by a passage that shares its topic and ranks nothing."""
    p = page(
        ("项目 | 本报告期 | 年初至报告期末", "th"),
        ("归属于上市公司股东的净利润 | 98,315.64 | 231,086.92", "td"),
        "报告期内，公司交付AI服务器约1.86万台，其中液冷机型占比41%。",
        title="星澜智算2026年第三季度报告",
    )
    d, _ = verdict("公司称，其液冷服务器市占率居国内第一。", "其液冷服务器市占率居国内第一", "fact", p)
    assert d.status != "verified"
    ranked = page("据IDC统计，星澜智算液冷服务器市占率居国内第一。", title="星澜智算2026年第三季度报告")
    d, _ = verdict("公司称，其液冷服务器市占率居国内第一。", "其液冷服务器市占率居国内第一", "fact", ranked)
    assert d.status == "verified"


def test_a_third_party_ranks_nothing() -> None:
    """"第三方评测平台" is a third party, no rank: a claimed rank meets no rank in a passage that ranks nothing."""
    p = page("据第三方评测平台统计，星澜智算液冷服务器出货量同比增长41%。", title="星澜智算2026年第三季度报告")
    d, _ = verdict("公司称，其液冷服务器出货量排名国内第三。", "其液冷服务器出货量排名国内第三", "fact", p)
    assert d.status != "verified"


def test_capex_meets_a_plan_to_invest() -> None:
    p = page("Vellmar would invest €2.8 billion in 2027, up from €2.1 billion this year, the finance chief said.")
    d, _ = verdict("- 2027 capex €2.8bn vs €2.1bn this year.", "€2.8bn", "money", p)
    assert d.status == "verified"


def test_a_pinyin_member_missing_from_a_complete_chinese_list_is_contradicted() -> None:
    """"The five: Xinglan, Yunheng, Beichen, Jingqi and Hailan Cloud" against "共5家，分别为：北京星澜智算…、
    极湾科技有限公司": four names sound in the page's list, Hailan in none of it."""
    p = page(
        "经评审，确定2026年度第二批智算券服务商共5家，分别为：北京星澜智算科技股份有限公司、云衡数据科技有限公司、"
        "北辰智算（北京）有限公司、京启云计算有限公司、极湾科技有限公司。",
        title="关于公布2026年度第二批智算券服务商名单的通知",
    )
    sentence = "The five: Xinglan, Yunheng, Beichen, Jingqi and Hailan Cloud."
    d, a = verdict(sentence, "Hailan Cloud", "fact", p)
    assert (d.status, a.findings[0].detail) == ("contradicted", "not_in_complete_list")
    assert "极湾科技有限公司" in (a.evidence[0].matched_value or "")
    d, _ = verdict(sentence, "Beichen", "fact", p)
    assert d.status != "contradicted"



def test_a_quarter_code_carries_the_words_of_its_quarter() -> None:
    """"Q3" in an English claim meets 第三季度 / "third quarter" on a page: its concept holds their glosses."""
    from verifier.judge.matching import build_query

    q = build_query(kind="money", sentence="Changling Q3 revenue RMB7.15bn", key_text="RMB7.15bn", key_start=21, values=())
    quarter = next(c for c in q.concepts if c.source == "Q3")
    assert {"third", "quarter"} <= set(quarter.terms)
    q = build_query(kind="money", sentence="Pennant H1 revenue £412.6m", key_text="£412.6m", key_start=19, values=())
    assert {"first", "half"} <= set(next(c for c in q.concepts if c.source == "H1").terms)


def test_quarter_codes_glued_to_other_words_are_read() -> None:
    from verifier.judge.frames import period_marks

    assert period_marks("Q3液冷整机柜出货") >= {"q3"}
    assert period_marks("H1营收同比增长") >= {"h1"}
    assert period_marks("公布FY27Q3（截至10月）业绩") >= {"q3", "fy2027", "fiscal"}
    assert not period_marks("IQ3 scores") & {"q3"}


def test_the_quarter_before_or_after_is_no_first_quarter() -> None:
    from verifier.judge.frames import period_marks

    # 上一季度 / 下一季度: the previous and the next quarter, whatever their number
    assert "q1" not in period_marks("上一季度营收为18亿元")
    assert "q1" not in period_marks("下一季度指引为25亿元")
    assert "q1" in period_marks("第一季度营收为18亿元") and "q1" in period_marks("一季度营收为18亿元")


def test_a_clause_that_is_a_period_alone_gives_it_to_the_clause_after() -> None:
    """"2026年上半年，公司收入5.9亿元": the half opens the sentence in a clause of its own; the page's same figure
    for the first nine months, which a clause of its own opens too, is another period's."""
    p = page("Tenbrook said its losses widened. In the first nine months of 2026, revenue was 590 million yuan, "
             "up 142% from a year earlier, and the net loss was 1.12 billion yuan.", title="Tenbrook files for Hong Kong IPO")
    wrong, _ = verdict("Tenbrook：2026年上半年，公司收入5.9亿元", "5.9亿元", "money", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_period")
    # (the very figure, met as closely as would back it, given for another period: "公司" names no one, yet the
    # page that would have confirmed the figure contradicts its half)
    unnamed, _ = verdict("2026年上半年，公司收入5.9亿元，同比增长142%", "5.9亿元", "money", p)
    assert (unnamed.status, unnamed.reason) == ("contradicted", "wrong_period")
    right, _ = verdict("Tenbrook：2026年前三季度，公司收入5.9亿元", "5.9亿元", "money", p)
    assert right.status == "verified"
    plain, _ = verdict("Tenbrook：2026年，公司收入5.9亿元", "5.9亿元", "money", p)
    assert plain.status != "contradicted"  # a year alone is the nine months' year too


def test_a_half_said_of_a_figure_is_contradicted_where_the_page_gives_the_figure_another_period() -> None:
    """A date claim that is a half or a quarter ("2026年上半年营收28.6亿元") is the period of the figure after it."""
    p = page("Revenue for the first nine months of 2026 was 2.86 billion yuan, the prospectus shows.",
             title="Kestrel Micro prices its IPO")
    wrong, a = verdict("Kestrel Micro 2026年上半年营收28.6亿元", "2026年上半年", "date", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_period")
    assert a.evidence[0].matched_value == "2.86 billion yuan"
    right, _ = verdict("Kestrel Micro 2026年前三季度营收28.6亿元", "28.6亿元", "money", p)
    assert right.status == "verified"
    other, _ = verdict("Kestrel Micro 2026年上半年营收19.1亿元", "2026年上半年", "date", p)
    assert other.status != "contradicted"  # another figure: what its half was, the page does not say


def test_a_quarter_unnamed_is_not_the_nine_months() -> None:
    """"$38.9bn revenue in the quarter" against "For the first nine months of fiscal 2027, revenue was $38.9 billion":
    one quarter's figure is not the nine months'; the key "in the quarter" is the figure's period, judged with it."""
    p = page("Revenue for the quarter was $14.2 billion. For the first nine months of fiscal 2027, revenue was "
             "$38.9 billion, up 66%.", title="Tessaro reports third quarter results")
    wrong, _ = verdict("Tessaro: $38.9bn revenue in the quarter, data centre +93% y/y", "$38.9bn", "money", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "wrong_period")
    key, _ = verdict("Tessaro: $38.9bn revenue in the quarter, data centre +93% y/y", "in the quarter", "fact", p)
    assert key.status == "contradicted"
    right, _ = verdict("Tessaro: $14.2bn revenue in the quarter", "$14.2bn", "money", p)
    assert right.status == "verified"


def test_a_quarter_unnamed_after_its_figure_is_a_fact_of_the_report() -> None:
    from claims.extract import extract_claims
    from claims.report import parse_report

    text = "# Notes\n\nTessaro posted $38.9bn revenue in the quarter ended October 26, and $14.2bn revenue in the quarter.\n"
    keys = [c.key_text for c in extract_claims(parse_report(text, "n.md"))]
    assert keys.count("in the quarter") == 1  # (not "the quarter ended …": a period's end)
