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
