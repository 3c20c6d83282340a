"""The dictionary bridge: Chinese words nobody listed meet their English counterparts."""

from __future__ import annotations

import pytest

from claims.bridge import bridge, content_words, english_terms, segment, stem


@pytest.mark.parametrize(
    ("zh", "en"),
    [("英伟达", "NVIDIA"), ("谷歌", "Google"), ("零日漏洞", "zero-day vulnerabilities"), ("工程师", "engineers"),
     ("估值", "valuation"), ("开源", "open source")],
)
def test_chinese_words_meet_english(zh: str, en: str) -> None:
    assert set(content_words(en)) & english_terms(zh)


def test_stem_is_shared_by_both_sides() -> None:
    assert stem("vulnerabilities") == stem("vulnerability")
    assert stem("engineers") == stem("engineer")
    assert stem("refined") == stem("refine")
    # British spellings meet American ones
    assert stem("centre") == stem("center") == stem("centres") and stem("centred") == stem("centered")
    assert stem("fibre") == stem("fiber") and stem("organisation") == stem("organization")
    assert stem("tired") != stem("tier")
    # a noun of action meets its verb (量产 "mass-produce" meets "volume production"), not another noun
    assert stem("production") == stem("produce") == stem("produced") and stem("reduction") == stem("reduce")
    assert stem("product") != stem("production")
    assert stem("shipments") == stem("shipping") and stem("investment") == stem("invest") and stem("agreement") == stem("agree")
    assert stem("comment") != stem("com")  # a short word keeps its -ment
    assert stem("begin") == stem("began") == stem("start") == stem("commenced")  # one verb of starting


def test_segment_keeps_offsets_and_joins_dictionary_words() -> None:
    text = "关键开源软件中的零日漏洞"
    for word, s, e in segment(text):
        assert text[s:e] == word
    assert "零日漏洞" in [w for w, _, _ in segment(text)]


def test_bridge_skips_single_characters_and_latin() -> None:
    words = [b.word for b in bridge("在 2030 年前再培训 engineers 工程师")]
    assert "工程师" in words and all(len(w) >= 2 for w in words) and "engineers" not in words


def test_synonym_groups_widen_a_glosss_terms() -> None:
    """惊人 is glossed "astonishing"; a page says "staggering". 编程 ("programming") meets "coding"."""
    from claims.bridge import english_terms, stem, widen

    assert stem("staggering") in english_terms("惊人")
    assert stem("coding") in english_terms("编程")
    assert widen({stem("valuation")}) >= {stem("worth")}
    assert widen({"zzz"}) == frozenset({"zzz"})  # an unknown term is left alone


def test_a_shares_debut_is_its_listing_in_a_chinese_page() -> None:
    """"debut on Dec 30" of a share offering is the day the page says the shares list (掛牌); another day is a slip."""
    from tests.verification.test_assess import page, verdict

    p = page(
        "曜衍智能公開發售超額認購2,318倍，國際配售超額認購15.6倍。",
        "股份將於明日（12月30日）在主板掛牌，股份代號02591。",
        title="曜衍智能公開發售超額認購",
        published="2026-12-29",
    )
    claim = "Yaoyan Intelligence: retail tranche 2,318 times oversubscribed, debut on Dec {day}"
    d, _ = verdict(claim.format(day=30), "Dec 30", "date", p)
    assert d.status == "verified"
    d, _ = verdict(claim.format(day=31), "Dec 31", "date", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
