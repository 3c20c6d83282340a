"""The lead of a round, read on both sides (verifier/judge/leads.py)."""

from __future__ import annotations

import pytest

from verifier.judge.leads import claim_lead_span, lead_clash, lead_terms, page_lead


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        ("本轮由红杉中国领投，高瓴跟投", "红杉中国"),
        ("该轮融资由 Northwind Partners 与 Blue Ash 共同领投", "Northwind Partners 与 Blue Ash"),
        ("Corvid raised $40m in a round led by Ironbark Ventures, with Atlas also investing.", "Ironbark Ventures"),
        ("Ironbark Ventures led the round, which values Corvid at $1bn.", "Ironbark Ventures"),
        ("星衡智能完成12亿元人民币C轮融资，领投方为衡川创投，投后估值约八十五亿元", "衡川创投"),
        ("Corvid raised $40m; the lead investor was Ironbark Ventures, with Atlas following.", "Ironbark Ventures"),
        ("$2.4bn Series C with Quillon Partners leading, valuation $13bn post-money", "Quillon Partners"),
        ("Corvid closed a Northmarch-led round of $40m", "Northmarch"),
        ("Corvid raised $40m with Ironbark Ventures as lead investor", "Ironbark Ventures"),
    ],
)
def test_the_claims_lead_is_read(sentence: str, lead: str) -> None:
    span = claim_lead_span(sentence)
    assert span is not None and sentence[span[0] : span[1]] == lead


def test_a_sentence_without_a_lead_has_none() -> None:
    assert claim_lead_span("高瓴参与了本轮融资") is None
    assert claim_lead_span("Corvid grew fast, with the money leading to more hiring") is None
    assert page_lead("Atlas and Ironbark invested in the round.") is None


def test_lead_terms_are_names_as_a_page_writes_them() -> None:
    assert lead_terms("Ironbark Ventures and xAI") >= {"ironbark", "ironbark ventures", "xai"}
    assert "tencent" in lead_terms("腾讯")


def test_a_page_giving_the_lead_to_another_name_clashes() -> None:
    page = "The round was led by Ironbark Ventures, joined by Atlas Capital and Quayside."
    span = lead_clash({"atlas"}, page)
    assert span is not None and page[span[0] : span[1]] == "Ironbark Ventures"
    assert lead_clash({"ironbark"}, page) is None  # the claim's lead is the page's
    assert lead_clash({"harrow"}, page) is None  # the page does not name the claim's lead at all
    zh = "本轮融资由高瓴领投，腾讯、红杉跟投。"
    assert lead_clash({"腾讯"}, zh) is not None
    assert lead_clash({"高瓴"}, zh) is None


def test_the_participants_may_follow_in_the_next_sentence() -> None:
    lead = "Vantor raised $600 million in a Series C round led by Northgate Capital, the company said."
    after = "Lumen Ventures, NVIDIA and Osprey Partners also participated."
    span = lead_clash({"nvidia"}, lead, after)
    assert span is not None and lead[span[0] : span[1]] == "Northgate Capital"
    assert lead_clash({"nvidia"}, lead, "NVIDIA shares rose 3% on Monday.") is None  # no list of participants
    assert "nvidia" in lead_terms("辉达")  # Taiwan's name for NVIDIA (as the simplified view reads 輝達)


def test_a_lead_named_in_chinese_against_an_english_page() -> None:
    from tests.verification.test_assess import page, verdict

    p = page("Quillon has raised $3.2 billion in a Series D round led by Harbor Ridge Capital, the company said on Monday. "
             "Kestrel Partners, NVIDIA and existing investor Bluefin Ventures also participated.", title="Quillon raises $3.2 billion")
    d, a = verdict("程序代理新创Quillon完成32亿美元D轮融资，由辉达领投", "辉达", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "Harbor Ridge Capital")


def test_the_keys_very_words_on_the_page_support_a_lead_no_dictionary_knows() -> None:
    from tests.verification.test_assess import page, verdict

    p = page("36氪获悉，人形机器人公司穹迹机器人近日完成12亿元人民币B+轮融资，由海岳资本领投，钧和资本跟投。", title="穹迹机器人完成B+轮融资")
    d, _ = verdict("人形机器人公司穹迹机器人完成12亿元人民币B+轮融资，由海岳资本领投", "由海岳资本领投", "fact", p)
    assert d.status == "verified"


def test_a_chinese_lead_no_dictionary_knows_is_read_as_written() -> None:
    assert "北辰创投" in lead_terms("北辰创投")
    zh = "人形机器人公司近日完成8亿元B轮融资，由云岭资本领投，北辰创投、星澜创投跟投。"
    span = lead_clash({"北辰创投"}, zh)
    assert span is not None and zh[span[0] : span[1]] == "云岭资本"


def test_the_claims_lead_is_the_one_holding_its_key_when_a_sentence_names_two() -> None:
    """"The financing was led by Straits Union Bank, and a separate Series C was led by Kogen Capital":
    Kogen Capital's lead is read against the page's Series C lead (Amberline), where Kogen only participated."""
    from tests.verification.test_assess import page, verdict

    p = page("The US$2.8 billion project financing was led by Straits Union Bank as mandated lead arranger. Separately, "
             "Talvik closed a US$420 million Series C round led by Amberline Ventures, with participation from Kogen "
             "Capital.", title="Talvik reaches financial close")
    claim = ("The $2.8 billion project financing was led by Straits Union Bank, and a separate $420 million Series C "
             "was led by {}.")
    wrong, _ = verdict(claim.format("Kogen Capital"), "Kogen Capital", "fact", p)
    assert wrong.status == "contradicted"
    right, _ = verdict(claim.format("Amberline Ventures"), "Amberline Ventures", "fact", p)
    assert right.status == "verified"


def test_the_participants_may_open_the_next_paragraph() -> None:
    """A story whose second paragraph opens "X and Y also took part": a claim giving the lead to X meets the lead
    the first paragraph names, even when that paragraph says little else of the claim's words. X claimed as a
    participant is no clash."""
    from tests.verification.test_assess import page, verdict

    p = page("Norvale AI has raised $4.2 billion in a Series C funding round led by Kestrel Peak Partners, valuing "
             "the lab at $41 billion, the company said on Monday.",
             "Brightwater Ventures and the Qamar Fund also took part, as did chipmaker Halden Micro, which joined as a "
             "strategic investor.", title="Norvale AI raises $4.2 billion")
    d, a = verdict("- $4.2bn Series C led by Brightwater Ventures, with Halden Micro in as a strategic investor",
                   "Brightwater Ventures", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "Kestrel Peak Partners")
    took_part, _ = verdict("Brightwater Ventures also took part in Norvale AI's $4.2bn Series C", "Brightwater Ventures", "fact", p)
    assert took_part.status != "contradicted"


def test_the_participants_may_come_a_sentence_or_two_later() -> None:
    """The lead's paragraph names the lead only; the next paragraph gives the valuation first and then the round's
    other investors: a claim giving the lead to one of them meets the lead the first paragraph names. A sentence
    naming a lead of its own before the participants ends the story's round."""
    from tests.verification.test_assess import page, verdict

    p = page("Quenby Labs, a Boston startup whose agents file expense reports, has raised $310 million in a Series B "
             "round led by Harlow Peak Capital, the company said.",
             "The round values Quenby at $2.9 billion post-money, chief executive Ada Roan said. Fenwick Ventures and "
             "Oriel Partners joined the round, as did existing investor Corbel Fund.", title="Quenby Labs raises $310 million")
    d, a = verdict("Quenby Labs 完成 3.1 亿美元 B 轮融资，Fenwick Ventures 领投", "Fenwick Ventures", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "Harlow Peak Capital")
    other = page("Quenby Labs has raised $310 million in a Series B round led by Harlow Peak Capital.",
                 "Separately, Tarn Robotics closed a round led by Sable Growth. Fenwick Ventures and Oriel Partners "
                 "joined that round.", title="Funding roundup")
    d, _ = verdict("Quenby Labs 完成 3.1 亿美元 B 轮融资，Fenwick Ventures 领投", "Fenwick Ventures", "fact", other)
    assert d.status != "contradicted"


def test_a_romanised_lead_meets_the_pages_characters_by_their_sound() -> None:
    page = "本轮由远川资本领投，衡山基金跟投，老股东青禾资本超额跟投。"
    assert lead_clash(lead_terms("existing backer Qinghe Capital"), page) == (page.find("远川资本"), page.find("远川资本") + 4)
    assert lead_clash(lead_terms("Yuanchuan Capital"), page) is None  # the page's own lead, by its sound


def test_a_claims_lead_ends_before_its_citation() -> None:
    s = "Lumio raised $80 million in a round led by Qinghe Capital ([36Kr](https://36kr.com/p/1))."
    span = claim_lead_span(s)
    assert span is not None and s[span[0] : span[1]] == "Qinghe Capital"
