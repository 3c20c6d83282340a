"""Figures given in the order of a list of names ("respectively", 分别, "the second- and third-largest"):
each belongs to the name at its place, not to every name of its clause."""

from __future__ import annotations

import pytest

from claims.values import parse_values
from tests.verification.test_assess import page, verdict
from verifier.judge.respective import respective_owner


def _owners(text: str) -> list[tuple[str, str]]:
    values = parse_values(text)
    return [(v.raw, respective_owner(text, values, i)) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alder and Birch raised $120 million and $80 million, respectively.", [("$120 million", "alder"), ("$80 million", "birch")]),
        (
            "In 2025 Alder, Birch and Cedar grew 12%, 9% and 4% respectively, while Dune fell 3%.",
            [("2025", ""), ("12%", "alder"), ("9%", "birch"), ("4%", "cedar"), ("3%", "")],
        ),
        ("甲骨科技和乙辰智能的营收分别为1500亿元和2100亿元。", [("1500亿元", "甲骨科技"), ("2100亿元", "乙辰智能")]),
        (
            "Behind Orvale come Tessmark Cloud and Quinlan Systems, the second- and third-largest clouds.",
            [("second-", "tessmarkcloud"), ("third-largest", "quinlansystems")],
        ),
    ],
)
def test_each_figure_of_a_respective_list_has_its_own_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert _owners(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Alder raised $5 million and $7 million.",  # one name, two figures: no list of owners
        "Revenue and profit rose 12% and 8%, respectively.",  # measures, not names
        "Alder, Birch and Cedar raised $5 million and $7 million, respectively.",  # three names, two figures
    ],
)
def test_no_owner_without_a_list_of_names_as_long_as_the_figures(text: str) -> None:
    assert all(owner == "" for _, owner in _owners(text))


def test_the_rank_given_to_the_other_name_of_the_list_contradicts() -> None:
    p = page("Behind Orvale come Tessmark Cloud and Quinlan Systems, the second- and third-largest independent GPU clouds by capacity.")
    d, a = verdict("Quinlan Systems is the second-largest independent GPU cloud.", "second-largest", "count", p)
    assert (d.status, d.reason) == ("contradicted", "value_mismatch")
    assert a.evidence[0].matched_value == "third-largest"
    d, _ = verdict("Tessmark Cloud is the second-largest independent GPU cloud.", "second-largest", "count", p)
    assert d.status == "verified"


def test_the_amount_given_to_the_other_name_does_not_verify() -> None:
    p = page("Alder Robotics and Birchwood AI raised $120 million and $80 million in Series B funding, respectively.")
    d, _ = verdict("Birchwood AI raised $120 million in Series B funding.", "$120 million", "money", p)
    assert d.status != "verified"
    d, _ = verdict("Birchwood AI raised $80 million in Series B funding.", "$80 million", "money", p)
    assert d.status == "verified"


def test_a_claim_giving_figures_respectively_binds_each_to_its_name() -> None:
    p = page("Birchwood AI raised $80 million in Series B funding led by Sequoia.", "Alder Robotics raised $120 million.")
    d, _ = verdict(
        "Alder Robotics and Birchwood AI raised $120 million and $80 million, respectively.", "$80 million", "money", p
    )
    assert d.status == "verified"



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The agency granted 120 million euros (about $130 million) in loans for grid builder Vantor Energy "
            "and 30 million euros for the start-up Quell Storage, officials said.",
            [("120 million euros", "vantorenergy"), ("$130 million", ""), ("30 million euros", "quellstorage")],
        ),
        ("Lenders set aside $2 billion for Harwick Foods and $900 million for Olsen Dairy.", [("$2 billion", "harwickfoods"), ("$900 million", "olsendairy")]),
    ],
)
def test_figures_each_given_for_a_name_of_their_own_belong_to_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert _owners(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The agency granted 120 million euros for Vantor Energy, its largest award this year.",  # one figure
        "Ministers approved $2 billion for Harwick Foods and $900 million for Harwick Foods' dairy arm.",  # one name
    ],
)
def test_no_beneficiary_owner_without_a_parallel_figure_for_another_name(text: str) -> None:
    assert all(owner == "" for _, owner in _owners(text))


def test_the_amount_given_for_the_other_name_of_the_sentence_does_not_verify() -> None:
    p = page(
        "The agency approved 120 million euros in grants for grid builder Vantor Energy and 30 million euros "
        "for the start-up Quell Storage, officials said on Tuesday."
    )
    d, _ = verdict("The agency approved another 30 million euros for Vantor Energy.", "30 million euros", "money", p)
    assert d.status != "verified"
    d, _ = verdict("The agency approved 30 million euros for Quell Storage.", "30 million euros", "money", p)
    assert d.status == "verified"
