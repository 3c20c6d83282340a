"""Polarity: a claim and a passage that share their words but not their polarity say opposite things."""

from __future__ import annotations

import pytest

from claims.extract import extract_claims
from claims.report import parse_report
from tests.verification.test_assess import page, verdict
from verifier.judge.polarity import negated


@pytest.mark.parametrize(
    "clause",
    [
        "the rule does not require data centres to disclose their backup generation",
        "Anthropic said it would not be releasing the model to the public",
        "it is sharing the model with partners rather than releasing it to the public",
        "Google has never published the figure",
        "该公司并未裁员",
        "Anthropic 决定不向公众发布该模型",
        "监管机构尚未批准这笔交易",
    ],
)
def test_denials_are_read(clause: str) -> None:
    assert negated(clause)


@pytest.mark.parametrize(
    "clause",
    [
        "not only faster but cheaper",
        "no more than 5% of the water",
        "no later than July 1",
        "未来三年内投入 100 亿元",
        "无人机配送业务持续增长",
        "收入不断增长，客户不少",
        "营收不到 10 亿元",
        "Large loads must disclose on-site backup generation",
    ],
)
def test_words_that_hold_a_negation_but_deny_nothing(clause: str) -> None:
    assert not negated(clause)


def test_a_denial_in_a_report_is_a_claim() -> None:
    report = parse_report("## Texas\n\nNotably, the rule does not require data centres to disclose their backup "
                          "generation ([PUC](https://www.puc.texas.gov/news/large-load-rule)).\n", "r.md")
    keys = [c.key_text for c in extract_claims(report)]
    assert "does not require" in keys


def test_a_denied_fact_the_page_states_is_contradicted() -> None:
    p = page("The commission adopted the large-load rule this month. Large loads of 75MW or more must register "
             "with ERCOT, including disclosure of on-site backup generation and the ability to curtail "
             "consumption during emergencies.", title="PUC adopts large-load rule")
    d, _ = verdict("Notably, the rule does not require data centres to disclose their on-site backup generation.",
                   "does not require", "fact", p)
    assert d.status == "contradicted"


def test_a_page_that_denies_what_the_claim_states_does_not_support_it() -> None:
    denies = page("Anthropic said its newest model, Claude Mythos Preview, will not be released to the public; "
                  "it is sharing it with a few partners instead.", title="Anthropic news")
    states = page("Anthropic said its newest model, Claude Mythos Preview, will be released to the public next "
                  "month through its API.", title="Anthropic news")
    claim = "Anthropic 决定不向公众发布 Claude Mythos Preview"
    d, _ = verdict(claim, "决定不向公众发布", "fact", denies)
    assert d.status == "verified"
    d, _ = verdict(claim, "决定不向公众发布", "fact", states)
    assert d.status != "verified"


def test_a_denial_of_another_verb_in_the_clause_does_not_unsupport_the_key() -> None:
    p = page("OpenAI disputes the way Anthropic computes its run-rate revenue, which does not net out cloud "
             "partners' shares.", title="Anthropic revenue")
    d, _ = verdict("尽管 OpenAI 对其未剔除云服务商分成的计算方式存在异议", "OpenAI", "fact", p)
    assert d.status == "verified"


def test_a_one_digit_count_is_not_contradicted_by_a_round_figure_on_another_scale() -> None:
    p = page("Meta said its AI support assistant now answers 5,000 questions a minute across its apps.",
             title="Meta support")
    d, _ = verdict("AI 产业的五个约束正在同时收紧：资本、算力、合规、工业落地和大规模应用运维", "五个", "count", p)
    assert d.status != "contradicted"
