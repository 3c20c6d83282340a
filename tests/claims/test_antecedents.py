"""Antecedents: whom a sentence opening on a description speaks of."""

from __future__ import annotations

import pytest

from claims.antecedents import antecedent, description_kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The model scored 71.2% on RepoFix Verified.", "product"),
        ("The new model scores 71.4%.", "product"),
        ("The company now employs about 640 people.", "organisation"),
        ("The San Francisco-based startup raised $2 billion.", "organisation"),
        ("The chipmaker forecast revenue of $8.6 billion.", "organisation"),
        ("该公司表示营收增长 41%。", "organisation"),
        ("该模型在 SWE-bench 上得分 71.2%。", "product"),
        ("Revenue rose 41%.", None),
        ("It also ranks first.", None),  # a pronoun is too loose to resolve by rule
        ("The companies said …", None),  # several: no one name
        ("Themodel", None),
    ],
)
def test_the_description_a_sentence_opens_on(sentence: str, kind: str | None) -> None:
    assert description_kind(sentence) == kind


def test_a_product_is_the_versioned_name_an_organisation_the_plain_one() -> None:
    before = "Tessel Labs [released Aster 4][2], its new flagship."
    assert antecedent("The model scored 71.2% on RepoFix Verified.", before) == "Aster 4"
    assert antecedent("The company said revenue rose.", before) == "Tessel Labs"


def test_names_after_a_preposition_labels_and_generic_words_are_passed_over() -> None:
    assert antecedent("The Chinese startup raised $2 billion.", "In Beijing, Moonshot AI unveiled Kimi K3.") == "Moonshot AI"
    assert antecedent("The model beats it.", "Aster 4 ranks first, ahead of Hollis 2 Pro.") == "Aster 4"
    assert antecedent("The company now employs 640 people.", "Quillon AI's revenue tripled.") == "Quillon AI"
    assert antecedent("The company said so.", "Description: revenue tripled.") == ""
    assert antecedent("The company said so.", "AI spending tripled.") == ""


def test_a_description_after_a_description_keeps_its_antecedent() -> None:
    first = antecedent("The model scored 71.2%.", "Tessel Labs released Aster 4.")
    assert antecedent("The model also runs faster.", "The model scored 71.2%.", first) == "Aster 4"
    assert antecedent("The company said so.", "The model scored 71.2%.", first) == ""  # another kind


def test_a_sentence_opening_on_no_description_has_none() -> None:
    assert antecedent("Revenue rose 41%.", "Tessel Labs released Aster 4.") == ""


def test_a_long_sentence_of_many_names_is_read_once() -> None:
    """A hostile sentence of 20,000 names before "The company …": each name's preposition is read back from the
    name, not from the sentence's start (that was quadratic: minutes for this one)."""
    before = " and ".join(f"Name{i} Corp" for i in range(20_000)) + ", with Tessel Labs."
    assert antecedent("The company said so.", before) == ""  # every name is versioned or after "with"
    assert antecedent("The company said so.", "Tessel Labs said that " + before) == "Tessel Labs"
