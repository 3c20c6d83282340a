"""A figure the cited page says it does not give: that page neither supports nor contradicts the claim."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict


def test_a_withheld_measure_leaves_the_claim_unverified_whatever_other_figure_the_page_gives() -> None:
    p = page(
        "澜衡智能完成B轮融资。2025年9月，公司完成5亿元A+轮融资，由晨岫资本领投。",
        "公司未披露今年的营收规模，仅表示商业化收入同比增长超过200%。",
        title="澜衡智能完成18亿元B轮融资",
    )
    d, a = verdict("澜衡智能还透露2026年营收约4.5亿元。", "4.5亿元", "money", p)
    assert (d.status, d.reason) == ("unverified", "not_disclosed")
    assert "未披露今年的营收规模" in a.evidence[0].passage


def test_an_english_page_declining_to_disclose_a_margin() -> None:
    p = page(
        "Corvid raised $640 million at a $5.2 billion valuation. Its rival Tessen reported a gross margin of 58%.",
        "She declined to disclose the company's gross margin.",
        title="Corvid raises $640M",
    )
    d, _ = verdict("Corvid's gross margins are said to be around 55%.", "55%", "percent", p)
    assert (d.status, d.reason) == ("unverified", "not_disclosed")


def test_withholding_something_else_or_another_period_says_nothing() -> None:
    p = page(
        "前五大客户销售额合计占比为64.5%，但公司未披露前五大客户的具体名称及各自销售占比。",
        "公司前三季度实现营业收入86.47亿元，同比增长54.2%。",
        title="澜衡科技三季报",
    )
    d, _ = verdict("澜衡科技2026年前三季度实现营业收入86.47亿元。", "86.47亿元", "money", p)
    assert d.status == "verified"
    q = page("公司未披露今年的营收规模。11月营收为12.4亿元，创新高。", title="澜衡科技11月营收")
    d, _ = verdict("澜衡科技11月营收12.4亿元。", "12.4亿元", "money", q)
    assert d.status == "verified"


def test_a_clause_that_withholds_but_gives_a_figure_is_no_withholding() -> None:
    p = page("公司未披露具体的营收金额，但称营收超过10亿元。", title="澜衡科技")
    d, _ = verdict("澜衡科技营收超过10亿元。", "10亿元", "money", p)
    assert d.reason != "not_disclosed"


def test_a_page_giving_the_figure_squarely_elsewhere_withholds_another_ones() -> None:
    p = page(
        "11月25日，深澜科技正式发布新一代多模态大模型澜图-2.5。该模型采用混合专家（MoE）架构，总参数量达6800亿，"
        "每次推理激活730亿参数。",
        "公司将在明年上半年推出面向端侧的小尺寸版本，但未透露具体参数规模。",
        title="深澜科技发布澜图-2.5：6800亿参数MoE",
    )
    d, _ = verdict("深澜科技发布澜图-2.5，总参数6800亿的MoE，激活参数730亿。", "6800亿", "count", p)
    assert d.status == "verified"


def test_a_forecast_is_not_disclosed_where_the_page_says_no_guidance_was_given() -> None:
    p = page(
        "恒曜算力前三季度营收62.35亿元，同比增长48.7%。截至9月末，在手订单约95亿元。",
        "公司未给出全年业绩指引。",
        title="恒曜算力前三季度营收62.35亿元",
    )
    d, _ = verdict("恒曜算力预计全年营收将突破90亿元。", "90亿元", "money", p)
    assert (d.status, d.reason) == ("unverified", "not_disclosed")
    # (a figure that is no forecast, in a sentence that forecasts another, is read as ever)
    d, _ = verdict("恒曜算力前三季度营收62.35亿元，预计全年将继续增长。", "62.35亿元", "money", p)
    assert d.status == "verified"


def test_a_page_saying_it_has_no_forecast_in_other_words_withholds_one() -> None:
    """"公司並無披露2026年全年收入預測" (並無 / 并无 / 沒有公佈 as 未披露 says it): a forecast the page does not give."""
    p = page(
        "瀚穹智算2025年收入人民幣18.6億元，2026年上半年收入按年增長71%。",
        "公司並無披露2026年全年收入預測。",
        title="瀚穹智算公開招股",
    )
    d, a = verdict("公司预计2026年全年收入约28亿元人民币。", "28亿元", "money", p)
    assert (d.status, d.reason) == ("unverified", "not_disclosed")
    assert "並無披露" in a.evidence[0].passage
