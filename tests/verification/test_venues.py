"""Where shares list: exchanges are a closed class, read against the page's listing sentences."""

from __future__ import annotations

from tests.verification.test_assess import page, verdict
from verifier.judge.venues import venues_in


def test_an_exchange_and_its_boards_are_one_venue_in_both_scripts() -> None:
    assert [v for _s, _e, v in venues_in("在上交所科创板挂牌")] == ["Shanghai Stock Exchange"] * 2
    assert [v for _s, _e, v in venues_in("於聯交所主板上市")] == ["Hong Kong Stock Exchange"]
    assert [v for _s, _e, v in venues_in("shares began trading on the Nasdaq")] == ["Nasdaq"]
    assert venues_in("the SSEC index") == []  # an acronym stands alone


def test_another_exchange_named_where_the_page_says_the_shares_list_contradicts() -> None:
    p = page("新材科技今日在上交所科创板挂牌上市，募集资金净额12.6亿元。", title="新材科技科创板上市")
    d, a = verdict("新材科技登陆港交所", "港交所", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value in {"上交所", "科创板"}
    ok, _ = verdict("新材科技在科创板上市", "科创板", "fact", p)
    assert ok.status == "verified"


def test_an_application_filed_with_another_exchange_contradicts() -> None:
    """"filed its application with the Hong Kong stock exchange" says where the shares are to list, its name in
    lower case as news writes it."""
    assert [v for _s, _e, v in venues_in("filed with the Hong Kong stock exchange")] == ["Hong Kong Stock Exchange"]
    p = page("Corvell filed its application with the Hong Kong stock exchange on Nov. 30, the filing showed.",
             title="China's Corvell files for IPO")
    d, _ = verdict("Corvell 已向上海证券交易所科创板递交上市申请", "上海证券交易所", "fact", p)
    assert (d.status, d.reason) == ("contradicted", "name_mismatch")
    ok, _ = verdict("Corvell 已向港交所递表", "港交所", "fact", p)
    assert ok.status == "verified"


def test_an_exchange_named_outside_a_listing_sentence_says_nothing() -> None:
    p = page("Orrin's chief executive spoke at a Nasdaq conference in New York about demand for its chips.",
             title="Orrin at the conference")
    d, _ = verdict("Orrin 将在纽交所上市", "纽交所", "fact", p)
    assert d.status != "contradicted"


def test_the_listing_venues_of_a_convertible_bond_are_venues_too() -> None:
    """Luxembourg and Singapore both list overseas bonds: one for the other is a wrong exchange."""
    from tests.verification.test_assess import page, verdict

    p = page("瀚昕同時決議發行海外無擔保轉換公司債，發行總額以3億美元為上限，預計於新加坡交易所掛牌。", title="瀚昕擬發海外可轉債")
    wrong, _ = verdict("瀚昕決議發行海外無擔保轉換公司債，預計於盧森堡證券交易所掛牌", "盧森堡證券交易所", "fact", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("瀚昕決議發行海外無擔保轉換公司債，預計於新加坡交易所掛牌", "新加坡交易所", "fact", p)
    assert right.status == "verified"


def test_licences_are_a_closed_class_read_against_the_pages_licensing_sentences() -> None:
    assert [v for _s, _e, v in venues_in("采用Apache 2.0协议开源", "licences.tsv")] == ["Apache-2.0"]
    assert [v for _s, _e, v in venues_in("released under the MIT License", "licences.tsv")] == ["MIT"]
    p = page("深澜同步开源了轻量版本澜海4.5-Flash的权重，采用Apache 2.0协议。", title="深澜发布澜海4.5")
    wrong, _ = verdict("the Flash version was open-sourced under an MIT license", "MIT", "fact", p)
    assert wrong.status == "contradicted"  # "MIT" of "an MIT license": the key's licence
    right, _ = verdict("the Flash version was open-sourced under an Apache 2.0 license", "Apache 2.0", "fact", p)
    assert right.status == "verified"
    campus = page("Researchers at MIT said the model's weights were open-sourced under the Apache 2.0 license.", title="Lab news")
    elsewhere, _ = verdict("The MIT team led the study", "MIT", "fact", campus)
    assert elsewhere.status != "contradicted"  # a university, no licence


def test_issuing_agencies_are_a_closed_class_read_against_the_pages_issuing_sentences() -> None:
    """上海市发改委 for a notice the page says 上海市经济和信息化委员会 issued is the wrong agency; a city's office and
    the national one of the same kind are one member (市发改委, 国家发展改革委)."""
    assert [v for _s, _e, v in venues_in("国家发展改革委印发通知", "agencies.tsv")] == ["Development and Reform Commission"]
    assert [v for _s, _e, v in venues_in("上海市經濟和信息化委員會", "agencies.tsv")] == ["Economy and Informatization Commission"]
    p = page("上海市经济和信息化委员会关于公布本市算力调度平台首批接入智算中心名单的通知",
             "发布机构：上海市经济和信息化委员会 发布日期：2026年11月24日", title="市经信委通知")
    wrong, a = verdict("上海市发改委发文，首批接入市算力调度平台的是临港瀚海", "上海市发改委发文", "fact", p)
    assert (wrong.status, wrong.reason) == ("contradicted", "name_mismatch")
    assert a.evidence[0].matched_value.endswith("经济和信息化委员会")
    right, _ = verdict("上海市经信委发文，首批接入市算力调度平台的是临港瀚海", "上海市经信委发文", "fact", p)
    assert right.status == "verified"
    meeting = page("上海市发改委副主任在会上介绍了全市算力规划的进展。", title="算力大会召开")
    aside, _ = verdict("上海市经信委发文公布首批名单", "上海市经信委发文", "fact", meeting)
    assert aside.status != "contradicted"  # the page names the other agency in no issuing sentence


def test_a_regulator_that_cleared_a_deal_or_takes_the_filing_is_the_one_the_page_names() -> None:
    """"cleared by the FTC" where the page says the CMA cleared the deal (and the FTC is reviewing another) is the
    wrong agency; a filing the page says 金管會 takes, not 經濟部投審會, too; a city's 工业和信息化局 is the MIIT kind."""
    deal = page("Separately, the U.K.'s Competition and Markets Authority on November 18 cleared Meridian's $1.1 billion "
                "acquisition of Quillstack. The Federal Trade Commission is still reviewing rival Orbis Labs' purchase "
                "of DataSail.", title="Deal roundup")
    wrong, _ = verdict("Meridian's purchase of Quillstack was cleared by the FTC on Nov 18", "FTC", "fact", deal)
    assert wrong.status == "contradicted"
    right, _ = verdict("Meridian's purchase of Quillstack was cleared by the CMA on Nov 18", "CMA", "fact", deal)
    assert right.status == "verified"
    filing = page("本案尚須經金融監督管理委員會（金管會）申報生效後始得辦理。", title="瀚昕擬發海外可轉債")
    d, _ = verdict("本案須經經濟部投審會核准", "經濟部投審會", "fact", filing)
    assert d.status == "contradicted"
    assert [v for _s, _e, v in venues_in("深圳市工业和信息化局", "agencies.tsv")] == ["Ministry of Industry and Information Technology"]


def test_an_agency_that_selected_a_programmes_projects_is_the_one_the_page_names() -> None:
    """"Korea's Ministry of Science and ICT picks four projects" where the page says the European Commission selected
    them: a selection is a decision its agency takes, and both agencies are members of the closed class."""
    p = page("The European Commission on Monday selected four AI gigafactory projects for EUR 2bn of support. The "
             "Federal Communications Commission said nothing about it.", title="Gigafactory picks")
    wrong, _ = verdict("The Federal Communications Commission picks four AI gigafactory projects", "Federal Communications Commission", "fact", p)
    assert wrong.status == "contradicted"
    right, _ = verdict("The European Commission picks four AI gigafactory projects", "European Commission", "fact", p)
    assert right.status == "verified"
    assert [v for _s, _e, v in venues_in("日本经济产业省", "agencies.tsv")] == ["Ministry of Economy, Trade and Industry"]
