"""The passage index and claim queries: names, versions, concepts, retrieval."""

from __future__ import annotations

from claims.bridge import content_words
from verifier.judge.matching import build_index, build_query, compact, find_name, score_passages

PAGE = (
    "Project Glasswing\n"
    "Anthropic is committing up to $100 million in usage credits. We are also giving $4 million in direct "
    "donations to open-source security organizations.\n"
    "Early adopters include FieldAI, Skild AI, Teradyne Robotics and Uber.\n"
    "Evaluation | Mythos Preview | Claude Opus 4.6\n"
    "CyberGym | 83.1% | 66.6%\n"
)


def _index():  # type: ignore[no-untyped-def]
    lines = PAGE.split("\n")
    passages, pos = [], 0
    kinds = ["title", "p", "p", "th", "td"]
    for line, kind in zip(lines, kinds, strict=False):
        passages.append({"start": pos, "end": pos + len(line), "kind": kind, "heading": ""})
        pos += len(line) + 1
    return build_index(snapshot_id=1, source_id=1, url="u", title="Project Glasswing", text=PAGE, passages=passages)


def test_compact_versions_meet() -> None:
    assert compact("GPT - 5 . 4") == compact("GPT-5.4") == compact("gpt 5.4")
    assert compact("Gemma-4-27B") == compact("Gemma 4 27B")


def test_near_miss_name_is_reported_and_unrelated_names_are_not() -> None:
    m = find_name("Radyn Robotics", compact(PAGE), PAGE)
    assert not m.found and m.near_miss == "Teradyne Robotics"
    assert find_name("Skild AI", compact(PAGE), PAGE).found
    other = find_name("Skild Ads", compact(PAGE), PAGE)
    assert not other.found and other.near_miss is None


def test_chinese_claim_finds_the_english_passage_through_the_bridge() -> None:
    idx = _index()
    sentence = "Anthropic 还承诺以及 4 亿美元给开源安全组织"
    q = build_query(kind="money", sentence=sentence, key_text="4 亿美元", key_start=sentence.find("4 亿美元"))
    best = score_passages(q, [idx], limit=1)[0]
    assert "$4 million" in best.passage.text and best.near > 0.5


def test_table_row_gets_its_header_as_context() -> None:
    idx = _index()
    row = idx.passages[-1]
    assert set(content_words("CyberGym")) <= row.words and set(content_words("Opus")) <= row.context


def test_traditional_claim_and_chinese_page_meet() -> None:
    text = "英伟达发布了新的机器人平台，估值达到 100 亿美元。"
    idx = build_index(snapshot_id=1, source_id=1, url="u", title="新闻", text=text,
                      passages=[{"start": 0, "end": len(text), "kind": "p", "heading": ""}])
    q = build_query(kind="money", sentence="英偉達 機器人平台估值 100 億美元", key_text="100 億美元", key_start=-1)
    best = score_passages(q, [idx])[0]
    assert best.context > 0.6


def test_a_figures_qualifier_is_not_its_topic() -> None:
    """最多 / 超过 say how exact a figure is; the passage need not repeat them to speak to the claim."""
    from verifier.judge.matching import build_query

    q = build_query(kind="percent", sentence="部署成本最多可降低 40%", key_text="40%", key_start=10)
    assert "最多" not in [c.source for c in q.concepts]
    assert {"部署", "成本"} <= {c.source for c in q.concepts}


def test_an_english_sentence_does_not_make_one_name_of_its_words() -> None:
    from verifier.judge.matching import split_names

    assert split_names("OpenAI said on March 31 that Trusted Access for Cyber grows") == (
        "OpenAI", "Trusted Access for Cyber",
    )  # a date is not a name


def test_a_sentence_opening_word_is_not_part_of_a_name() -> None:
    from verifier.judge.matching import split_names

    assert split_names("In Paris, Aurelle AI raised a Series C") == ("Paris", "Aurelle AI", "Series C")
    assert split_names("From 2 August, fines can reach 7% of turnover") == ()
    assert split_names("ships in Q1 2027 with 288TB of HBM per accelerator") == ("Q1 2027", "HBM")  # no name starts mid-word
    assert split_names("Bank of America said") == ("Bank of America",)


def test_a_figures_unit_and_a_period_year_are_not_part_of_a_name() -> None:
    from verifier.judge.matching import split_names

    assert split_names("每个节点搭载 96 TB HBM3e 内存") == ("HBM3e",)
    assert split_names("Brant Micro 2027 财年第二季度营收") == ("Brant Micro",)
    assert split_names("RTX 5090 显卡") == ("RTX 5090",)  # a model number stays in its name
    assert split_names("Windows 2000 发布") == ("Windows 2000",)


def test_a_tables_declared_unit_makes_its_bare_cells_amounts() -> None:
    from verifier.judge.matching import declared_unit

    assert declared_unit("Consolidated results (billion yen)") == (1e9, "JPY")
    assert declared_unit("($ in millions)") == (1e6, "USD")
    assert declared_unit("单位：亿元") == (1e8, "CNY")
    assert declared_unit("（人民幣百萬元）") == (1e6, "CNY")
    assert declared_unit("Revenue by quarter") is None
    assert declared_unit("營業收入淨額（單位：新臺幣仟元）") == (1e3, "TWD")  # 仟: 千 in formal writing
    assert declared_unit("Table 1: Q3 P&L snapshot (USD millions)") == (1e6, "USD")
    assert declared_unit("(RMB bn)") == (1e9, "CNY")


def test_a_tables_declared_scale_of_counts_scales_its_bare_counts() -> None:
    from claims.table_units import COUNTED, declared_unit, scaled_to
    from claims.values import parse_values

    assert declared_unit("Accelerator shipments by vendor (thousand units)") == (1e3, COUNTED)
    assert declared_unit("Subscribers (millions of users)") == (1e6, COUNTED)
    assert declared_unit("Table 1: AI server shipments, 2025–2027 (unit: thousand units)") == (1e3, COUNTED)
    assert declared_unit("Revenue (unit: USD million)") == (1e6, "USD")
    assert declared_unit("表 3：晶圆出货（单位：万片）") == (1e4, COUNTED)
    assert declared_unit("Revenue (millions of dollars)") != (1e6, COUNTED)
    count, = parse_values("183")
    assert scaled_to(count, (1e3, COUNTED)).value == 183_000.0
    money, = parse_values("$2,604")
    assert scaled_to(money, (1e3, COUNTED)) == money  # a count's scale leaves amounts alone


def test_a_short_title_right_above_a_table_says_what_its_rows_measure() -> None:
    from claims.bridge import stem
    from verifier.judge.matching import build_index

    rows = [("Accelerator shipments by vendor (thousand units)", "p"), ("Vendor | Q3 2026", "th"), ("Orrin Micro | 183", "td")]
    text, passages = "", []
    for row, kind in rows:
        passages.append({"start": len(text), "end": len(text) + len(row), "kind": kind, "heading": ""})
        text += row + "\n"
    idx = build_index(snapshot_id=1, source_id=1, url="https://example.org/t", title="Q3 tracker", text=text, passages=passages)
    cell = idx.passages[-1]
    assert [v.value for v in cell.values] == [183_000.0]
    assert stem("shipments") in cell.context
    intro = [("The vendors shipped more than a year earlier, the table below shows.", "p"), *rows[1:]]
    text, passages = "", []
    for row, kind in intro:
        passages.append({"start": len(text), "end": len(text) + len(row), "kind": kind, "heading": ""})
        text += row + "\n"
    idx = build_index(snapshot_id=1, source_id=1, url="https://example.org/t", title="Q3 tracker", text=text, passages=passages)
    assert stem("shipped") not in idx.passages[-1].context and stem("earlier") not in idx.passages[-1].context  # a sentence titles nothing


def test_a_spanning_title_row_declares_the_unit_of_the_rows_under_it() -> None:
    from verifier.judge.matching import build_index

    rows = ["營業收入淨額（單位：新臺幣仟元）", "項目 | 營業收入淨額", "本月 | 18,245,310"]
    text, passages = "", []
    for row in rows:
        passages.append({"start": len(text), "end": len(text) + len(row), "kind": "td", "heading": ""})
        text += row + "\n"
    idx = build_index(snapshot_id=1, source_id=1, url="https://example.org/m", title="月營收", text=text, passages=passages)
    amounts = [v for p in idx.passages for v in p.values if v.kind == "money"]
    assert [(v.value, v.unit) for v in amounts] == [(18_245_310_000.0, "TWD")]


def test_names_are_not_cut_at_and_inside_a_word_nor_read_off_months() -> None:
    from verifier.judge.matching import split_names

    assert split_names("Pellmark raised $6.5 billion in September, and Ostrander AI now employs 3,200 people") == (
        "Pellmark",
        "Ostrander AI",
    )
    assert split_names("AWS and Google and Anderson Labs") == ("AWS", "Google", "Anderson Labs")
    assert split_names("May Mobility raised on Monday") == ("May Mobility",)
    assert "Ended Q3" not in split_names("Ended Q3 with 221,000 GPUs")  # a period code is no part of a name
    assert split_names("单卡功耗 700 W") == ()  # a unit after a figure names no one
    assert split_names("Tallis Cloud Q3 revenue")[0] == "Tallis Cloud"
    assert split_names("96,000 GPUs and 40 LLMs") == ()


def test_a_bracketed_inline_link_is_a_citation_not_the_claims_words() -> None:
    from verifier.judge.matching import build_query

    sentence = "Talvik Power reached financial close for its Johor campus ([PR Newswire](https://example.org/pr-42))."
    q = build_query(kind="fact", sentence=sentence, key_text="Talvik Power", key_start=0)
    assert "Newswire" not in q.sentence and len(q.sentence) == len(sentence)
    assert not {"newswir", "http", "pr"} & q.all_terms()
    kept = build_query(kind="fact", sentence="Nerova released [Halden 3.5](https://example.org/h) today.", key_text="Nerova", key_start=0)
    assert "Halden 3.5" in kept.sentence  # a link inside the sentence is its words


def test_a_name_ending_in_a_number_is_not_found_inside_a_longer_version() -> None:
    from verifier.judge.matching import compact, find_name

    page = "Lyra 5 replaces Lyra 4.1 as the default model in Lumora Chat."
    got = find_name("Lyra 4", compact(page), page)
    assert (got.found, got.near_miss) == (False, "Lyra 4.1")
    for page in ("Lyra 4 is 10 times faster", "We keep Lyra 4 and Lyra 4.1", "It replaces Lyra 4."):
        assert find_name("Lyra 4", compact(page), page).found


def test_a_lower_case_word_hyphened_to_a_name_is_no_part_of_it() -> None:
    from verifier.judge.matching import LATIN_NAME

    names = [m.group() for m in LATIN_NAME.finditer("(Chinese-language source.) Shenzhen-based Qiyue Robotics and GPT-4o")]
    assert names == ["Chinese", "Shenzhen", "Qiyue Robotics", "GPT-4o"]


def test_a_header_giving_units_column_by_column_puts_each_cell_in_its_own() -> None:
    from claims.table_units import declared_unit
    from verifier.judge.matching import build_index

    assert declared_unit("规划算力（EFLOPS）") == (1.0, "EFLOPS")
    assert declared_unit("成员单位首期接入算力（单位：EFLOPS，FP16）") == (1.0, "EFLOPS")
    assert declared_unit("IT负载（MW）") == (1.0, "MW")
    assert declared_unit("Name (CEO)") is None  # no unit of a measure
    rows = [("项目名称 | 规划算力（EFLOPS） | IT负载（MW） | 总投资（亿元）", "th"), ("前海澄算智算中心 | 12 | 150 | 98", "td")]
    text, passages = "", []
    for body, kind in rows:
        passages.append({"start": len(text), "end": len(text) + len(body), "kind": kind, "heading": ""})
        text += body + "\n"
    idx = build_index(snapshot_id=1, source_id=1, url="https://example.org/t", title="t", text=text, passages=passages)
    cells = [(v.value, v.unit) for v in idx.passages[1].values]
    assert cells == [(12.0, "EFLOPS"), (150.0, "MW"), (9.8e9, "CNY")]  # not 12亿元 of computing power


def test_a_link_that_closes_its_line_is_where_it_cites_not_what_it_says() -> None:
    from verifier.judge.matching import build_query

    sentence = "  - HBM4 volume production in the second half of 2027 [Business Wire](https://www.businesswire.com/news/home/2026/en/Results)"
    q = build_query(kind="date", sentence=sentence, key_text="second half of 2027", key_start=sentence.find("second half"))
    words = {t for c in q.concepts for t in c.terms}
    assert not words & {"busines", "wire", "home", "news"} and "volum" in words
    inline = "[Osprey Cloud](https://www.example.com/osprey) plans a 700 MW campus in Texas"
    q2 = build_query(kind="count", sentence=inline, key_text="700 MW", key_start=inline.find("700 MW"))
    assert "Osprey Cloud" in q2.sentence  # a link inside its sentence names its subject, and stays


def test_a_unit_glued_to_its_figure_is_a_word_of_its_own() -> None:
    # "the first 96MW phase" meets a claim's MW; a product written so ("5G", "H100", "gpt4o") stays one word
    assert content_words("The first 96MW phase; 1.2GW; 128GB") == ["first", "96", "mw", "phas", "1.2", "gw", "128", "gb"]
    assert content_words("5G H100 gpt4o") == ["5g", "h100", "gpt4o"]
