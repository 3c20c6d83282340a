"""Who holds an office of a deal or a decision, read on both sides (verifier/judge/roles.py)."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict
from verifier.judge.roles import claim_slot, holder_terms, office_clash, slots


def _filled(text: str, *, page: bool = False) -> list[tuple[str, str]]:
    return [(s.office, text[s.start : s.end]) for s in slots(text, page=page)]


def test_offices_are_read_in_both_languages_with_joint_kept_apart() -> None:
    assert _filled("本次发行的保荐机构（主承销商）为北岭证券，联席主承销商为南溪证券。") == [
        ("sponsor", "北岭证券"),
        ("joint lead underwriter", "南溪证券"),
    ]
    assert _filled("由东川会计师事务所担任本次发行的审计机构") == [("auditor", "东川会计师事务所")]
    assert _filled("The IPO has Harbour Crest Securities as sole sponsor.") == [
        ("sponsor", "Harbour Crest Securities")
    ]
    assert _filled("Its auditor is Mossgiel & Reid LLP, the filing says.") == [
        ("auditor", "Mossgiel & Reid LLP")
    ]
    assert _filled("The plant was approved by the Nevada Public Service Commission in May.") == [
        ("approval", "Nevada Public Service Commission")
    ]
    # a page's active voice: the body that approved, without its article
    assert _filled("The Nevada Power Siting Board approved the plant on May 2.", page=True) == [
        ("approval", "Nevada Power Siting Board")
    ]
    assert _filled("The board met on May 2.", page=True) == []


def test_the_claims_office_is_the_one_holding_its_key() -> None:
    sentence = "Kestrel Labs picked Harbour Crest Securities as sole sponsor"
    at = sentence.find("Harbour")
    slot = claim_slot(sentence, (at, at + len("Harbour Crest Securities")))
    assert slot is not None and slot.office == "sponsor"
    assert claim_slot(sentence, (0, len("Kestrel Labs picked"))) is None  # the key is no office's holder


def test_a_holder_is_its_whole_name_not_a_place_it_shares() -> None:
    assert holder_terms("the Public Utilities Commission of Ohio") == {"public utilities commission of ohio"}
    assert "南溪证券" in holder_terms("南溪证券")
    page_text = "The Ohio Power Siting Board approved the project."
    clash = office_clash("approval", holder_terms("Public Utilities Commission of Ohio"), page_text)
    assert clash is not None and page_text[clash.start : clash.end] == "Ohio Power Siting Board"


def test_another_name_in_the_claims_office_with_the_claims_name_in_another_contradicts() -> None:
    p = page(
        "预案显示，本次发行股票数量不超过1.2亿股。本次发行的保荐机构（主承销商）为北岭证券，联席主承销商为南溪证券。",
        title="云帆科技定增预案出炉",
    )
    wrong, a = verdict("云帆科技本次定增保荐机构为南溪证券", "本次定增保荐机构为南溪证券", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value == "北岭证券"
    right, _ = verdict("云帆科技本次定增保荐机构为北岭证券", "本次定增保荐机构为北岭证券", "fact", p)
    assert right.status == "verified"
    # a page that never names the claim's name says nothing of it
    unnamed, _ = verdict("云帆科技本次定增保荐机构为东岳证券", "本次定增保荐机构为东岳证券", "fact", p)
    assert unnamed.status != "contradicted"


def test_a_decision_another_body_took_contradicts_the_body_the_claim_names() -> None:
    p = page(
        "The Nevada Power Siting Board approved the campus's on-site turbines on May 2. The Nevada Public Service "
        "Commission is still reviewing a separate power tariff.",
        title="Halcyon's Reno campus clears a hurdle",
    )
    wrong, a = verdict(
        "Halcyon's on-site turbines were approved by the Nevada Public Service Commission",
        "Nevada Public Service Commission",
        "fact",
        p,
    )
    assert wrong.status == "contradicted"
    assert a.evidence[0].matched_value == "Nevada Power Siting Board"
    right, _ = verdict(
        "Halcyon's on-site turbines were approved by the Nevada Power Siting Board",
        "Nevada Power Siting Board",
        "fact",
        p,
    )
    assert right.status != "contradicted"


def test_a_complete_list_in_the_other_script_leaves_the_claims_member_out() -> None:
    """A Simplified claim's "联席保荐人为北岭证券、南溪证券及东岳证券" against a Traditional page's "聯席保薦人共三家，分別為
    北嶺證券、南溪證券及星港資本": 东岳证券 is no member however the two scripts write the others."""
    p = page("衡嶺科技昨日向港交所遞交H股上市申請。聯席保薦人共三家，分別為北嶺證券、南溪證券及星港資本。",
             title="衡嶺科技遞表港交所")
    wrong, a = verdict("公司已递交H股上市申请，联席保荐人为北岭证券、南溪证券及东岳证券", "东岳证券", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "name_mismatch")
    assert "星港资本" in (a.evidence[0].matched_value or "")
    listed, _ = verdict("公司已递交H股上市申请，联席保荐人为北岭证券、南溪证券及星港资本", "星港资本", "fact", p)
    assert listed.status != "contradicted"


def test_a_page_sentence_of_endless_capitals_or_spaces_is_read_in_linear_time() -> None:
    """A hostile page: one sentence of thousands of capitalised words, or of spaces, before a decision's verb. The
    name pattern splits its spaces one way and stops at nine words, so four times the text costs about four times
    the time (it cost the square: 16,000 words took seconds)."""
    import time

    def cost(n: int) -> float:
        """The best of five runs of each hostile text, summed (the best run is the one least disturbed by a
        parallel test worker)."""
        total = 0.0
        for text in (("Aa " * n) + "approved the plan.", "A" + " " * n + "x approved by the Board."):
            best = float("inf")
            for _ in range(5):
                t0 = time.perf_counter()
                list(slots(text, page=True))
                best = min(best, time.perf_counter() - t0)
            total += best
        return total

    cost(500)
    ratio = cost(16000) / max(cost(4000), 1e-6)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


def test_who_operates_is_an_office() -> None:
    """"Halden Cloud will operate them" against "The sites will be run by Caledon Compute, … with Halden Cloud
    appointed as technology partner": another name holds the operator's office, the claim's is named in another
    role in the same sentence, which is enough though the page says little else of the claim's words ("four sites
    were picked in the first round"). "Run-Rate" in a headline is no one running anything."""
    p = page("The government confirmed £1.6 billion for the national compute reserve, with three sites selected in the "
             "first round.",
             "The sites will be run by Caledon Compute, a new arm's-length operator, with Halden Cloud appointed as "
             "technology partner for the first two sites.", title="National compute reserve: new AI supercomputing sites")
    d, a = verdict("Four sites were picked in the first round, and Halden Cloud will operate them", "Halden Cloud", "fact", p)
    assert (d.status, a.evidence[0].matched_value) == ("contradicted", "Caledon Compute")
    right, _ = verdict("Caledon Compute will operate the reserve's sites", "Caledon Compute", "fact", p)
    assert right.status != "contradicted"
    assert [x.office for x in slots("Most Popular Auberon AI's Revenue Run-Rate Tops $600 Million", page=True)] == []


def test_holders_named_before_their_office_and_joint_sponsors_are_the_sponsors() -> None:
    """"X和Y为联席保荐人": the holders first; joint sponsors (and joint global coordinators, bookrunners) hold the
    sponsor's office together, while the joint lead underwriter stays another office."""
    assert _filled("华峦证券（香港）和鹤汀融资为联席保荐人，星澜证券担任整体协调人", page=True) == [
        ("sponsor", "华峦证券（香港）和鹤汀融资"),
        ("global coordinator", "星澜证券"),
    ]
    assert _filled("中岳证券为本次发行的保荐机构") == [("sponsor", "中岳证券")]
    assert _filled("联席主承销商为南溪证券") == [("joint lead underwriter", "南溪证券")]
    p = page(
        "羲和机器人于12月1日至12月4日招股，拟全球发售1.05亿股H股。华峦证券（香港）和鹤汀融资为联席保荐人，星澜证券担任整体协调人。",
        title="羲和机器人今起招股",
    )
    wrong, a = verdict("羲和机器人港股IPO，保荐人是星澜证券", "星澜证券", "fact", p)
    assert (wrong.status, a.evidence[0].matched_value) == ("contradicted", "华峦证券（香港）和鹤汀融资")
    right, _ = verdict("羲和机器人港股IPO，保荐人是鹤汀融资", "鹤汀融资", "fact", p)
    assert right.status == "verified"


def test_a_claim_naming_the_body_that_decided_in_the_active_voice_is_read_against_the_page() -> None:
    # a claim's active voice fills the approval only ("Ridgeway Capital operated" is no claim of an office)
    assert _filled("Kanto: AIST approved another 30 billion yen for Hoshimi") == [("approval", "AIST")]
    assert _filled("Ridgeway Capital operated the site") == []
    assert _filled("Ridgeway Capital operated the site", page=True) == [("operator", "Ridgeway Capital")]
    p = page(
        "Japan's Ministry of Trade approved up to 90 billion yen in subsidies for chipmaker Hoshimi Devices, "
        "the ministry said on Tuesday.",
        "The money will be paid out by the Agency for Industrial Science and Technology (AIST), which runs the "
        "programme for the ministry.",
        title="Japan approves more subsidies for Hoshimi Devices",
    )
    wrong, a = verdict("Japan: AIST approved another 90 billion yen for Hoshimi Devices", "AIST", "fact", p)
    assert wrong.status == "contradicted"
    assert a.evidence[0].matched_value == "Japan's Ministry of Trade"
    right, _ = verdict("Japan: the Ministry of Trade approved another 90 billion yen for Hoshimi Devices", "Ministry of Trade", "fact", p)
    assert right.status != "contradicted"


def test_holders_named_together_are_each_read_against_the_pages_list() -> None:
    """"由维港资本和瑞沣证券联席保荐" where the page's joint sponsors are 維港資本 and 嘉泓證券 and 瑞灃證券 is the overall
    coordinator: the claim is wrong, however little else of it the page's passage says; the right pair is supported;
    the office said as a verb (联席保荐) is read as its noun is."""
    p = page(
        "以最終發售價計算，曜衍智能所得款項總額約22.9億港元。聯席保薦人為維港資本及嘉泓證券；瑞灃證券為整體協調人。",
        title="曜衍智能配發結果",
    )
    wrong = "曜衍智能募资约22.9亿港元，由维港资本和瑞沣证券联席保荐。"
    assert verdict(wrong, "由维港资本和瑞沣证券联席保荐", "fact", p)[0].status == "contradicted"
    assert verdict(wrong, "瑞沣证券", "fact", p)[0].status == "contradicted"
    right = "曜衍智能募资约22.9亿港元，由维港资本和嘉泓证券联席保荐。"
    assert verdict(right, "由维港资本和嘉泓证券联席保荐", "fact", p)[0].status == "verified"
    assert verdict("公司上市由维港资本保荐。", "维港资本", "fact", p)[0].status == "verified"
