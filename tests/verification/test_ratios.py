"""A change stated as a multiple or a share, read against the page's two ends (verifier.judge.ratios)."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict


def test_a_multiple_is_read_from_the_pages_two_ends() -> None:
    p = page("Norvale says its subscription revenue reached $84m in March, up from $21m a year earlier.")
    more, a = verdict("Norvale's subscription revenue of $84m is more than triple a year earlier.", "triple", "count", p)
    assert more.status == "verified" and a.evidence[0].matched_value == "$21m"
    exact, _ = verdict("Norvale's subscription revenue of $84m is four times that of a year earlier.", "four times", "count", p)
    assert exact.status == "verified"
    wrong, _ = verdict("Norvale's subscription revenue of $84m is double that of a year earlier.", "double", "count", p)
    assert wrong.status == "contradicted"


def test_a_share_of_a_cut_is_read_from_the_pages_two_ends() -> None:
    p = page("Output tokens now cost $1.20 per million, down from $2.40 before the update.")
    half, _ = verdict("输出价格降至每百万 token 1.20 美元，降低 50%", "50%", "percent", p)
    assert half.status == "verified"
    third, _ = verdict("输出价格降至每百万 token 1.20 美元，降低 30%", "30%", "percent", p)
    assert third.status != "verified"


def test_a_multiple_without_the_pages_earlier_figure_is_not_judged() -> None:
    p = page("Norvale says its subscription revenue reached $84m in March.")
    alone, _ = verdict("Norvale's subscription revenue of $84m is more than triple a year earlier.", "triple", "count", p)
    assert alone.status == "unverified"


def test_a_multiple_said_with_neither_end_meets_the_change_a_close_passage_gives() -> None:
    p = page("与上一代相比，澜图-2.5的上下文窗口由澜图-2.0的128K提升至256K，原生支持图像、音频与长视频输入。", title="深澜发布澜图-2.5")
    wrong, _ = verdict("Shenlan's LanTu-2.5 context window is four times that of LanTu-2.0", "four times", "count", p)
    assert wrong.status == "contradicted"  # 128K to 256K is twice
    right, _ = verdict("Shenlan's LanTu-2.5 context window is twice that of LanTu-2.0", "twice", "count", p)
    assert right.status == "verified"


def test_more_than_a_multiple_is_not_met_by_a_change_well_below_it() -> None:
    p = page("Remaining performance obligations were $14.2 billion as of September 30, 2026, up from $6.1 billion a year earlier.",
             title="Halden results")
    d, _ = verdict("Backlog (RPO) more than tripled year over year to $14.2 billion", "tripled", "count", p)
    assert d.status == "contradicted"  # 2.3×
