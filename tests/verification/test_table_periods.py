"""A table read as a reader reads it: a caption's scale ("(in millions, except per share data)") applies to
cells that write their own currency, a claim naming no period means the latest column, and a qualified
column ("Cached input" beside "Input") is not the plain one."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict


def _results_table():  # type: ignore[no-untyped-def]
    return page(
        "Varden Semiconductor reported results for the third quarter of fiscal 2027.",
        "(in millions, except per share data and percentages)",
        (" | Q3 FY2027 | Q2 FY2027 | Q3 FY2026 | Y/Y", "th"),
        ("Net income | $948 | $771 | $512 | up 85%", "td"),
        ("Data Center | $2,604 | $2,230 | $1,648 | up 58%", "td"),
        ("Diluted earnings per share | $2.31 | $1.88 | $1.25 | up 85%", "td"),
        title="Varden Semiconductor Reports Financial Results for Third Quarter Fiscal 2027",
    )


def test_a_captions_scale_applies_to_cells_with_their_own_currency() -> None:
    d, a = verdict("Varden's Data Center sales were $2.6bn.", "$2.6bn", "money", _results_table())
    assert d.status == "verified" and a.evidence[0].matched_value == "$2,604"
    d, _ = verdict("Varden's Data Center sales were $26bn.", "$26bn", "money", _results_table())
    assert d.status == "contradicted"


def test_per_share_rows_keep_their_own_amounts() -> None:
    d, _ = verdict("Varden's diluted earnings per share were $2.31.", "$2.31", "money", _results_table())
    assert d.status == "verified"


def test_a_claim_naming_no_period_means_the_latest_column() -> None:
    d, a = verdict("Net income came in at $512m.", "$512m", "money", _results_table())
    assert d.status == "contradicted" and a.evidence[0].matched_value == "$948"
    d, _ = verdict("Net income came in at $948m.", "$948m", "money", _results_table())
    assert d.status == "verified"
    # the claim that names the older period is read in it
    d, _ = verdict("Net income was $512m in the third quarter of fiscal 2026.", "$512m", "money", _results_table())
    assert d.status != "contradicted"


def _pricing_table():  # type: ignore[no-untyped-def]
    return page(
        "Prices are in US dollars per million tokens.",
        ("Model | Input | Cached input | Output | Batch input", "th"),
        ("Saga 4 Lite | $0.20 | $0.02 | $0.80 | $0.10", "td"),
        ("Saga 4 | $1.60 | $0.16 | $6.40 | $0.80", "td"),
        title="Introducing the Saga 4 family",
    )


def test_a_qualified_columns_cell_is_not_the_plain_columns() -> None:
    d, a = verdict("Saga 4 Lite costs $0.02 per million input tokens.", "$0.02", "money", _pricing_table())
    assert d.status == "contradicted"
    d, _ = verdict("Saga 4 Lite costs $0.02 per million cached input tokens.", "$0.02", "money", _pricing_table())
    assert d.status == "verified"
    d, _ = verdict("Saga 4 Lite costs $0.20 per million input tokens.", "$0.20", "money", _pricing_table())
    assert d.status == "verified"


def test_a_figure_labelled_by_the_words_after_its_colon() -> None:
    d, _ = verdict("* $0.02: Saga 4 Lite's price per million input tokens", "$0.02", "money", _pricing_table())
    assert d.status == "contradicted"
    d, _ = verdict("* $0.16: Saga 4's price per million cached input tokens", "$0.16", "money", _pricing_table())
    assert d.status == "verified"


def test_a_caption_abbreviating_currency_and_scale_declares_the_cells() -> None:
    """"£m unless stated" over bare cells: 412.6 is £412.6 million."""
    table = page(
        "Pennant Analytics plc: half-year results to 30 September 2026",
        ("£m unless stated", "caption"),
        (" | H1 FY27 | H1 FY26 | Change", "th"),
        ("Revenue | 412.6 | 352.6 | +17%", "td"),
        ("Annual recurring revenue | 688.0 | 578.2 | +19%", "td"),
        title="Pennant Analytics half-year results",
    )
    d, a = verdict("Pennant Analytics: revenue £412.6m, +17%", "£412.6m", "money", table)
    assert d.status == "verified" and a.evidence[0].matched_value == "412.6"
    d, _ = verdict("Pennant Analytics: revenue £421.6m, +17%", "£421.6m", "money", table)
    assert d.status == "contradicted"


def _benchmarks():  # type: ignore[no-untyped-def]
    return page(
        "Halden 3.5 leads on reasoning and long-context tasks.",
        ("Benchmark | Halden 3.5 | Halden 3.1 | Corvane Atlas 2 | Pellmark K4", "th"),
        ("Stratagem-Reason | 71.4% | 63.2% | 68.9% | 66.1%", "td"),
        ("LongHaul-QA | 83.0% | 74.6% | 79.8% | 77.3%", "td"),
        title="Introducing Halden 3.5",
    )


def test_a_cell_under_another_names_column_is_that_names() -> None:
    claim = "Halden 3.5 scores 71.4% on Stratagem-Reason, well ahead of Corvane Atlas 2's {}"
    d, _ = verdict(claim.format("66.1%"), "66.1%", "percent", _benchmarks())
    assert d.status == "contradicted"  # Pellmark K4's; Corvane Atlas 2 scores 68.9%
    d, _ = verdict(claim.format("68.9%"), "68.9%", "percent", _benchmarks())
    assert d.status == "verified"


def test_a_figure_labelled_after_a_dash() -> None:
    d, _ = verdict("- **74.6%** — Halden 3.5's score on LongHaul-QA", "74.6%", "percent", _benchmarks())
    assert d.status == "contradicted"  # Halden 3.1's
    d, _ = verdict("- **83.0%** — Halden 3.5's score on LongHaul-QA", "83.0%", "percent", _benchmarks())
    assert d.status == "verified"


def _proceeds_use():  # type: ignore[no-untyped-def]
    return page(
        "本次向特定对象发行A股股票募集资金总额不超过28.6亿元，扣除发行费用后拟用于以下项目：",
        ("单位：万元", "caption"),
        ("序号 | 项目名称 | 项目投资总额 | 拟使用募集资金金额", "th"),
        ("1 | 智算中心建设项目 | 182,400.00 | 170,000.00", "td"),
        ("2 | 大模型训练推理一体化平台研发项目 | 64,320.00 | 58,000.00", "td"),
        title="星衡智算：2026年度向特定对象发行A股股票预案",
    )


def test_a_rows_number_is_no_figure_and_the_name_after_it_labels_the_row() -> None:
    from verifier.judge.matching import passage_values
    from verifier.judge.statements import _numbers_the_row, _row_label

    row = "2 | 大模型训练推理一体化平台研发项目 | 64,320.00 | 58,000.00"
    assert _row_label(row) == "2 | 大模型训练推理一体化平台研发项目 "
    index, *cells = passage_values(row)
    assert _numbers_the_row(row, index) and not any(_numbers_the_row(row, v) for v in cells)
    assert _row_label("Revenue | 412.6 | 352.6") == "Revenue "
    d, _ = verdict("大模型训练推理一体化平台研发项目拟使用募集资金5.8亿元", "5.8亿元", "money", _proceeds_use())
    assert d.status == "verified"


def _proceeds_table():  # type: ignore[no-untyped-def]
    return page(
        "本次发行募集资金扣除发行费用后，拟全部投资于以下项目：",
        ("单位：万元", "caption"),
        ("序号 | 项目名称 | 项目投资总额 | 拟使用募集资金金额", "th"),
        ("1 | 西南智算中心建设项目 | 91,250.00 | 80,000.00", "td"),
        ("2 | 工业视觉平台升级项目 | 37,480.00 | 30,500.00", "td"),
        title="关于向特定对象发行股票预案的提示性公告",
    )


def test_a_cell_under_another_measures_column_is_not_the_claims_measure() -> None:
    """The claim names what its figure measures (拟使用募集资金); the cell under 项目投资总额 is the project's
    total investment, whatever its value: the claim's own column decides."""
    d, _ = verdict("工业视觉平台升级项目拟使用募集资金3.748亿元", "3.748亿元", "money", _proceeds_table())
    assert d.status == "contradicted"
    d, _ = verdict("工业视觉平台升级项目拟使用募集资金3.05亿元", "3.05亿元", "money", _proceeds_table())
    assert d.status == "verified"
    d, _ = verdict("工业视觉平台升级项目投资总额3.748亿元", "3.748亿元", "money", _proceeds_table())
    assert d.status == "verified"


def _quarterly_report():  # type: ignore[no-untyped-def]
    return page(
        "第三季度主要会计数据",
        ("单位：元　币种：人民币", "td"),
        ("项目 | 本报告期 | 本报告期比上年同期增减变动幅度(%) | 年初至报告期末 | 年初至报告期末比上年同期增减变动幅度(%)", "th"),
        ("营业收入 | 2,518,330,410.22 | 87.35 | 6,204,117,852.61 | 64.02", "td"),
        title="某科技2026年第三季度报告",
    )


def test_a_percent_column_declares_its_bare_cells_and_compares_with_the_year_ago_period() -> None:
    """Cells under "…增减变动幅度(%)" are percentages (not yuan, as "单位：元" declares for the amounts), and a
    column that compares with 上年同期 is no year-ago column: its cell is this period's change."""
    d, a = verdict("第三季度营业收入同比增长87.35%", "87.35%", "percent", _quarterly_report())
    assert d.status == "verified" and a.evidence[0].matched_value == "87.35"
    d, _ = verdict("第三季度营业收入25.18亿元", "25.18亿元", "money", _quarterly_report())
    assert d.status == "verified"


def test_the_year_to_date_column_of_a_periodic_report_is_the_first_nine_months() -> None:
    """"Operating cash outflow of RMB 1.25 billion over the first nine months" meets the 年初至报告期末 cell of a
    third-quarter report's cash-flow row (an outflow: the page's figure is negative), not another column."""
    p = page(
        ("单位：元　币种：人民币", "td"),
        ("项目 | 本报告期 | 本报告期比上年同期增减变动幅度(%) | 年初至报告期末 | 年初至报告期末比上年同期增减变动幅度(%)", "th"),
        ("经营活动产生的现金流量净额 | 不适用 | 不适用 | -1,246,550,318.42 | 不适用", "td"),
        title="某科技2026年第三季度报告",
    )
    d, _ = verdict("Operating cash outflow of RMB 1.25 billion over the first nine months.", "RMB 1.25 billion", "money", p)
    assert d.status == "verified"
