"""What a claim's words measure: months say when, not what ("Jan-Oct revenue"); R&D is one word that meets
研发 and "research and development"; ARR is recurring revenue, not revenue."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict
from verifier.judge.frames import clause_words


def _announcement():  # type: ignore[no-untyped-def]
    return page(
        "星衡智算：关于2026年1-10月主要经营数据的自愿性披露公告",
        ("单位：万元", "caption"),
        ("项目 | 2026年1-10月 | 2025年1-10月 | 同比增减(%)", "th"),
        ("营业收入 | 486,213.57 | 312,904.18 | 55.39", "td"),
        ("研发投入 | 61,402.93 | 47,815.02 | 28.42", "td"),
        title="星衡智算:关于2026年1-10月主要经营数据的自愿性披露公告",
    )


def test_a_month_range_is_no_measure() -> None:
    d, _ = verdict("- Jan-Oct revenue CNY4.86bn, +55%", "CNY4.86bn", "money", _announcement())
    assert d.status == "verified"
    d, _ = verdict("- Jan-Oct revenue CNY4.68bn, +55%", "CNY4.68bn", "money", _announcement())
    assert d.status == "contradicted"


def test_r_and_d_is_one_word_that_meets_its_chinese_and_its_full_form() -> None:
    assert "r&d" in clause_words("R&D spend rose") and "r&d" in clause_words("r&d expenses")
    d, _ = verdict("- R&D spend CNY614m.", "CNY614m", "money", _announcement())
    assert d.status == "verified"


def test_arr_is_not_revenue() -> None:
    p = page("ARR of £688 million, up 19% year on year.", "Statutory revenue was £412.6 million.",
             title="Pennant Analytics half-year results")
    d, _ = verdict("Pennant's revenue was £688m.", "£688m", "money", p)
    assert d.status != "verified"
    d, _ = verdict("Pennant's annual recurring revenue reached £688m.", "£688m", "money", p)
    assert d.status == "verified"


def test_spans_that_say_when_how_much_or_which_measure_name_no_one() -> None:
    from claims.entities import names_no_one

    assert all(names_no_one(n) for n in ("Q3", "3Q27", "FY27", "Jan-Oct", "CNY4.86bn", "US$2bn", "EBITDA", "Adj. EBITDA", "Interim DPS"))
    assert all(names_no_one(n) for n in ("Fiscal Q2", "Fiscal Q2 2027", "Q2 FY2027", "Fiscal Year 2027", "Fiscal 2027"))
    assert all(names_no_one(n) for n in ("EBITDA 3.6x", "EPS 31.4p", "GAAP 61.2%"))  # a measure with its value
    assert not any(names_no_one(n) for n in ("Fiscal Networks", "Q2 Holdings"))
    assert not any(names_no_one(n) for n in ("Vellmar Data", "Eemshaven", "US", "Harbourline Digital", "Q-Bit Labs"))
    assert all(names_no_one(n) for n in ("TFLOPS", "GW", "GPUs"))  # units written in capitals


def test_a_unit_in_capitals_is_no_subject_the_page_must_name() -> None:
    """"其中东湖枢纽算力规模1.2万TFLOPS，南湾平台总投资47亿元": TFLOPS is a unit; the page's table of the platforms
    (its unit only in the column's header) backs the investment."""
    p = page("表1 第一批支持平台基本情况",
             ("序号 | 平台名称 | 算力规模（PFLOPS） | 总投资（亿元）", "th"),
             ("1 | 东湖智算枢纽 | 12,000 | 68", "td"),
             ("2 | 南湾智算平台 | 8,500 | 47", "td"),
             title="关于公布第一批支持平台名单的通知")
    d, _ = verdict("其中东湖智算枢纽算力规模1.2万TFLOPS，南湾智算平台总投资47亿元", "47亿元", "money", p)
    assert d.status == "verified"


def test_net_revenue_is_revenue_and_net_proceeds_stay_proceeds() -> None:
    """收入淨額 is net revenue (not the net proceeds of 募資淨額): a revenue claim meets its row."""
    p = page(
        "瀚昇科技 115年10月營業收入報告",
        ("單位：新臺幣千元", "caption"),
        ("項目 | 本月 | 去年同期 | 增減金額 | 增減百分比", "th"),
        ("累計合併營業收入淨額 | 38,947,206 | 27,615,930 | 11,331,276 | 41.03%", "td"),
        title="瀚昇科技 115年10月營業收入報告",
    )
    d, _ = verdict("瀚昇前10月營收已逼近390億元", "390億元", "money", p)
    assert d.status == "verified"
    from claims.lexicon import topics_in

    assert "net proceeds" in topics_in("所得款项净额") and "net revenue" in topics_in("营业收入净额")


def test_mars_is_no_month() -> None:
    p = page("As of June 2016, 114 lunar explorations and 43 Mars explorations had been carried out worldwide.",
             title="Space exploration")
    d, _ = verdict("截至2016年6月，全球共进行了114次月球探测，43次火星探测", "114次", "count", p)
    assert d.status == "verified"
    d, _ = verdict("截至2016年6月，全球共进行了114次月球探测，43次火星探测", "43次", "count", p)
    assert d.status == "verified"


def _margins():  # type: ignore[no-untyped-def]
    return page(
        "Corvane Systems reported results for the third quarter of fiscal 2027.",
        "GAAP gross margin of 58.1%; non-GAAP gross margin of 60.4%.",
        (" | Q3 FY2027 | Q2 FY2027", "th"),
        ("Gross margin | 58.1% | 57.2%", "td"),
        title="Corvane Systems Reports Third Quarter Fiscal 2027 Results",
    )


def test_a_non_gaap_figure_is_not_the_gaap_one_and_a_swapped_pair_is_caught() -> None:
    """"non-" before the claim's measure word makes another measure: the GAAP and non-GAAP margins given
    the other way round are contradicted (swapped), even where a bare "Gross margin" table row holds the
    claimed figure; given the right way round, both are verified."""
    d, _ = verdict("Corvane's GAAP gross margin was 60.4%.", "60.4%", "percent", _margins())
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("Corvane's non-GAAP gross margin was 58.1%.", "58.1%", "percent", _margins())
    assert (d.status, d.reason) == ("contradicted", "swapped_figures")
    d, _ = verdict("Corvane's GAAP gross margin was 58.1%.", "58.1%", "percent", _margins())
    assert d.status == "verified"
    d, _ = verdict("Corvane's non-GAAP gross margin was 60.4%.", "60.4%", "percent", _margins())
    assert d.status == "verified"
    # a page that writes the measure bare ("Gross margin | 58.1% | 57.2%") says nothing of GAAP: no other measure
    d, _ = verdict("Corvane's non-GAAP gross margin was 57.2% in the second quarter.", "57.2%", "percent", _margins())
    assert d.status == "verified"


def test_a_pair_given_in_one_clause_reads_each_figure_by_its_own_words() -> None:
    """"GAAP diluted EPS was $1.38 and non-GAAP diluted EPS $1.12" (no verb for the second): each figure's
    measure is its own segment's, so the pair given the wrong way round is contradicted, the right way verified."""
    p = page("GAAP diluted earnings per share of $1.12; non-GAAP diluted earnings per share of $1.38", title="Altamesa results")
    swapped = "Altamesa's GAAP diluted EPS was $1.38 and non-GAAP diluted EPS $1.12 for the quarter."
    d, _ = verdict(swapped, "$1.38", "money", p)
    assert d.status == "contradicted"
    right = "Altamesa's GAAP diluted EPS was $1.12 and non-GAAP diluted EPS $1.38 for the quarter."
    d, _ = verdict(right, "$1.12", "money", p)
    assert d.status == "verified"
    d, _ = verdict(right, "$1.38", "money", p)
    assert d.status == "verified"


def test_a_negated_word_is_read_in_either_script() -> None:
    """非 negates the two hanzi after it as "non-" does the word after it ("非司法机制" is a "non-judicial
    mechanism": both negate, no other measure); 非常 ("very"), 非洲 and 并非 negate nothing."""
    from verifier.judge.statements import _negated_words

    assert _negated_words("非司法机制") & _negated_words("a non-judicial mechanism")
    assert _negated_words("非GAAP毛利率") == _negated_words("non-GAAP gross margin")
    assert not _negated_words("营收非常好，非洲市场并非如此")


def test_a_cap_meets_the_chinese_maximum_and_short_verbs_lose_their_doubled_consonant() -> None:
    """"capped at RMB 5 million per company a year" is 单家企业每年最高500万元 (最高 "highest": a cap); the
    stemmer keeps one key for "capped" and "cap" as it does for "stopped" and "stop"."""
    from claims.bridge import stem

    assert stem("capped") == stem("cap") and stem("running") == stem("run") and stem("jazz") == "jazz"
    notice = page("为降低中小企业用算成本，联盟首期设立补贴资金3亿元，按实际支出的30%给予补贴，单家企业每年最高500万元。")
    d, _ = verdict("The subsidy is capped at RMB 5 million per company a year.", "RMB 5 million", "money", notice)
    assert d.status == "verified"


def test_a_launch_is_a_founding() -> None:
    """"launched" meets 成立 ("established"): an alliance's launch is its founding meeting (成立大会)."""
    assert "launch" in clause_words("联盟成立大会在上海举行")


def test_a_member_left_out_of_a_chinese_complete_list_is_contradicted() -> None:
    """"首批5家成员：甲数据、乙算云、丙智算、丁科技和戊云" against a notice listing its five members "共5家，分别为：…"
    without 戊云 (which it names as not yet a member): 戊云 is contradicted, a listed member is not."""
    notice = page(
        "华东算力调度联盟首批成员单位共5家，分别为：甲数据、乙算云、丙智算、丁科技、己能算力。戊云相关负责人表示，公司尚未成为联盟成员。",
        title="华东算力调度联盟在沪成立",
    )
    sentence = "华东算力调度联盟首批5家成员：甲数据、乙算云、丙智算、丁科技和戊云"
    d, a = verdict(sentence, "戊云", "fact", notice)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "甲数据、乙算云、丙智算、丁科技、己能算力"
    d, _ = verdict(sentence, "丙智算", "fact", notice)
    assert d.status != "contradicted"


def test_a_chinese_list_in_short_names_after_its_verb_is_read_against_the_full_names() -> None:
    """"首批接入…的是临港瀚海、松江云栖、浦东张江": the items are short names of the page's full ones (临港瀚海智算中心),
    the first opens after 的是; 浦东张江 is not among the three the page lists, 松江云栖 is."""
    notice = page("首批接入市算力调度平台的智算中心共三家，分别为：临港瀚海智算中心、松江云栖算力中心和嘉定启元智算基地。"
                  "浦东张江智算中心仍在评审中。", title="关于公布首批接入智算中心名单的通知")
    sentence = "首批接入市算力调度平台的是临港瀚海、松江云栖、浦东张江"
    d, a = verdict(sentence, "浦东张江", "fact", notice)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    d, _ = verdict(sentence, "松江云栖", "fact", notice)
    assert d.status != "contradicted"


def test_a_forecast_for_next_year_is_not_contradicted_by_a_level_reached_now() -> None:
    """"明年出货量会突破100万片" (a forecast) against "本报告期出货量约8.6万片": the page says nothing of next year,
    so the claim stays unverified; a page that forecasts next year ("预计明年出货量约60万片") does contradict it."""
    report = page("本报告期，公司AI加速卡出货量约8.6万片，产品结构持续优化。", title="某芯片公司第三季度报告")
    d, _ = verdict("我个人预测，明年AI加速卡出货量会突破100万片", "100万片", "count", report)
    assert d.status == "unverified"
    outlook = page("公司预计明年AI加速卡出货量约60万片。", title="某芯片公司业绩说明会纪要")
    d, _ = verdict("我个人预测，明年AI加速卡出货量会突破100万片", "100万片", "count", outlook)
    assert d.status == "contradicted"


def test_a_capitalised_word_opening_a_bullet_is_a_word_not_a_subject() -> None:
    from verifier.judge.evidence import claim_subjects
    from verifier.judge.matching import build_query

    sentence = "• Operating cash outflow of RMB 1.25 billion over the first nine months, as it stocked up on wafers."
    q = build_query(kind="money", sentence=sentence, key_text="RMB 1.25 billion", key_start=sentence.find("RMB"), values=())
    assert "operating" not in claim_subjects(q)
    sentence = "• Lanxin Technology raised RMB 1.25 billion."
    q = build_query(kind="money", sentence=sentence, key_text="RMB 1.25 billion", key_start=sentence.find("RMB"), values=())
    assert "lanxintechnology" in claim_subjects(q)  # a name of two words is a name wherever it stands
