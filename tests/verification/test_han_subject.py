"""Who a clause is about, in Chinese and in English: a figure stated for another company does not back the
claim when the page gives the claim's own subject a different figure."""

from __future__ import annotations

import pytest

from tests.verification.test_assess import page, verdict
from verifier.judge.han_subject import han_subject


@pytest.mark.parametrize(
    ("sentence", "key", "expected"),
    [
        ("乙辰智能第三季度营收52.3亿元。", "52.3亿元", {"乙辰智能"}),
        ("据彭博社报道，阿里巴巴营收41.7亿元", "41.7亿元", {"阿里巴巴", "alibaba"}),  # a known name in both spellings
        ("人形机器人公司星衍智能完成 15 亿元人民币 B 轮融资", "15 亿元", {"星衍智能"}),  # a description before the name
        ("灵枢机器人于 4 月完成 2 亿美元 C 轮融资", "2 亿美元", {"灵枢"}),  # a measure word ends the run, not the name
        ("同期，甲骨科技营收41.7亿元", "41.7亿元", {"甲骨科技"}),
        ("营收同比增长18%", "18%", set()),  # the clause opens on its measure
        ("净利润为5亿元", "5亿元", set()),
        ("公司营收52亿元", "52亿元", set()),  # everyday words name no one
        ("Alibaba posted revenue of $41.7 billion", "$41.7 billion", set()),  # Latin names are read elsewhere
    ],
)
def test_the_name_a_chinese_clause_opens_with(sentence: str, key: str, expected: set[str]) -> None:
    at = sentence.find(key)
    assert han_subject(sentence, at, at + len(key)) == expected


PAGE_ZH = "甲骨科技第三季度营收为52.3亿元，同比增长18%。同期，乙辰智能营收41.7亿元，同比下降3%。"


def test_another_companys_figure_yields_to_the_subjects_own_in_chinese() -> None:
    d, a = verdict("乙辰智能第三季度营收52.3亿元。", "52.3亿元", "money", page(PAGE_ZH))
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "41.7亿元"
    d, _ = verdict("乙辰智能第三季度营收41.7亿元。", "41.7亿元", "money", page(PAGE_ZH))
    assert d.status == "verified"


def test_a_known_chinese_name_meets_its_english_spelling_on_the_page() -> None:
    p = page("In the third quarter Tencent posted revenue of 5.23 billion yuan, up 18%. In the same quarter, Alibaba posted revenue of 4.17 billion yuan.")
    d, a = verdict("阿里巴巴第三季度营收52.3亿元。", "52.3亿元", "money", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "4.17 billion yuan"
    d, _ = verdict("阿里巴巴第三季度营收41.7亿元。", "41.7亿元", "money", p)
    assert d.status == "verified"


def test_another_companys_figure_yields_in_english() -> None:
    p = page("In the third quarter Tencent posted revenue of $52.3 billion, up 18%. In the same quarter, Alibaba posted revenue of $41.7 billion.")
    d, a = verdict("Alibaba posted third-quarter revenue of $52.3 billion.", "$52.3 billion", "money", p)
    assert d.status == "contradicted" and a.evidence[0].matched_value == "$41.7 billion"


def test_a_figure_in_words_naming_no_one_still_backs_the_subject() -> None:
    # the subject is named in the sentence before; the figure's own sentence names no other company
    d, _ = verdict("乙辰智能营收52.3亿元。", "52.3亿元", "money", page("乙辰智能去年营收41.7亿元。今年营收达到52.3亿元。"))
    assert d.status == "verified"


def test_the_name_a_sentence_opens_with_before_an_aside_is_its_subject() -> None:
    """"Halvorsen Cloud, now the second-largest provider, spent $27.9 billion": the page's parallel sentences
    say the measure once ("Northwind spent $27.9 billion on capital expenditure. Halvorsen Cloud spent $31.4
    billion"): the subject's own figure decides."""
    p = page(
        "The cloud companies are the customers. Northwind Systems spent $27.9 billion on capital expenditure "
        "in its September quarter. Halvorsen Cloud spent $31.4 billion, and Pemberton spent $22.6 billion."
    )
    sentence = "* Halvorsen Cloud, now the second-largest cloud provider, spent {} on capital expenditure in the September quarter."
    d, a = verdict(sentence.format("$27.9 billion"), "$27.9 billion", "money", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "$31.4 billion")


def test_a_clause_opening_on_its_measure_names_no_one_however_it_is_cut() -> None:
    sentence = "Northgale 发布Sable-4，上下文窗口100万tokens，为Sable-3.5的4倍"
    at = sentence.index("100万")
    assert han_subject(sentence, at, at + 4) == frozenset()  # 上下文窗口 (jieba: 上下文 + 窗口) is the measure


def test_a_latin_name_does_not_run_into_a_chinese_date() -> None:
    from verifier.judge.matching import split_names

    assert split_names("- Northgale 11月19日发布Sable-4，上下文窗口100万tokens") == ("Northgale", "Sable-4")
    assert split_names("Claude Opus 4.6 scored 80%") == ("Claude Opus 4.6",)


def test_a_bullet_before_a_chinese_name_is_no_part_of_the_clause() -> None:
    sentence = "- 观澜-3在衡镜竞技场中文综合榜排名第一，Sable-4屈居其后"
    at = sentence.index("第一")
    assert han_subject(sentence, at, at + 2) == {"观澜"}


def test_a_period_opening_a_clause_names_no_one() -> None:
    """"其中，第三季度单季实现营业收入33.18亿元": 单季 says when, not who (it made the clause another entity's)."""
    from verifier.judge.han_subject import han_names

    assert han_names("其中，第三季度单季实现营业收入33.18亿元", 0) == ()
    assert han_names("全年实现营业收入120亿元", 0) == ()
    assert han_names("云岚-3采用MoE架构，总参数1.8万亿", 0) == ("云岚",)
